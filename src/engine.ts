import type { ChangedFile } from "./analysis/changed-file.js";
import { comparePaths } from "./analysis/path-order.js";
import { compileCustomPacks } from "./analysis/custom-pack.js";
import type { DependencyMeasurement } from "./analysis/dependencies/changes.js";
import { ExclusionRules } from "./analysis/exclusions.js";
import { headSample } from "./analysis/generated/sample.js";
import { GitattributesIndex } from "./analysis/gitattributes.js";
import type { LinePack } from "./analysis/line-pack.js";
import { measureMigration, type MigrationMeasurement } from "./analysis/migration.js";
import { python3Pack } from "./analysis/python/python3-pack.js";
import { measureSchemaMigrations, type SchemaMigrationMeasurement } from "./analysis/schema-migrations.js";
import { measureSize, type SizeMeasurement } from "./analysis/size.js";
import { sizeOptionsOf, type Config } from "./policy/config.js";
import { acceptanceHolds, type Acceptance } from "./policy/check-record.js";
import { applyAcceptance, applyFindings, type FindingsVerdict } from "./policy/findings.js";
import { decide, type PullRequestFacts } from "./policy/verdict.js";

/** Everything the engine needs: the app, the command line and the benchmark all build this. */
export interface EngineInput {
  files: readonly ChangedFile[];
  config: Config;
  /** .gitattributes files at the base commit, with their paths in the tree. */
  gitattributes: Array<{ path: string; text: string }>;
  facts: PullRequestFacts;
  /** How many files the pull request changes, when known to be more than `files`. */
  filesExpected?: number;
  /** Dependency changes with Python 3 support already resolved (the I/O edge asks PyPI). */
  dependencies?: DependencyMeasurement;
  /** A maintainer's acceptance on record (carried from earlier commits, or just given). */
  acceptance?: Acceptance;
  /** Whole head versions of changed files: generators' markers, and the python3 pack's added lines judged in context. */
  headTexts?: ReadonlyMap<string, string>;
  /** Whole base versions of changed files (by their base path): removed lines judged in context. */
  baseTexts?: ReadonlyMap<string, string>;
  /** The plan the texts were read by, and the most text the packs judge with (the app's bound); unbounded when undefined. */
  wholeFileBound?: { plan: ReadPlan; bytes: number };
  /** Why files may be judged from their hunks alone (a bare diff), for the report; the bound says itself. */
  wholeFileNote?: string;
}

export interface Evaluation {
  size: SizeMeasurement;
  migration: MigrationMeasurement;
  schema: SchemaMigrationMeasurement;
  dependencies: DependencyMeasurement;
  /** The verdict of size and findings alone, before any acceptance. */
  findings: FindingsVerdict;
  /** The verdict published: `findings` with the acceptance applied. */
  verdict: FindingsVerdict;
  config: Config;
  /** The acceptance that holds for this size, if any: it goes on record for the next commit. */
  acceptance?: Acceptance;
  /** Why some files were judged from their hunks alone (`migration.hunksOnly`), when any were. */
  hunksOnlyReason?: string;
}

/** The migration packs a config turns on (its custom patterns were checked when the config was resolved). */
export function packsFor(config: Config): LinePack[] {
  const packs: LinePack[] = config.migration.packs.includes("python3") ? [python3Pack(config.migration.python3)] : [];
  return [...packs, ...compileCustomPacks(config.migration.custom).packs];
}

/** Head files read at most per event for generators' markers (the state query stays one round trip). */
export const MAX_MARKER_READS = 200;

/**
 * Changed files whose patch does not show their first lines (a hunk further down) and that nothing but a generator's
 * marker could still exclude: their head versions are read, largest first, so that a marker on line 1 is seen.
 */
export function filesToSample(files: readonly ChangedFile[], config: Config): string[] {
  const byPathAndGlobs = new ExclusionRules(config.exclude);
  return files
    .filter((f) => !f.binary && f.status !== "removed" && headSample(f) === undefined && byPathAndGlobs.decide(f.path).counted)
    .sort((a, b) => b.additions + b.deletions - (a.additions + a.deletions))
    .slice(0, MAX_MARKER_READS)
    .map((f) => f.path);
}

/** How much of the files a pack wants whole the app reads per event; past it, files are judged from their hunks. */
export interface WholeFileBound {
  files: number;
  bytes: number;
}
export const WHOLE_FILE_BOUND: WholeFileBound = { files: 100, bytes: 2 * 1024 * 1024 };

/** Whole versions to read: the head of every file with added lines, the base of every file with removed ones. */
export interface ReadPlan {
  head: string[];
  /** By the base path (a renamed file's previous path). */
  base: string[];
  /** The files a pack wants whole, in the order their texts are kept within the byte bound. */
  wanted: string[];
}

/** A lower bound on a file's length from its last hunk header: files that look smaller are read first. */
function estimatedLines(file: ChangedFile): number {
  // Stryker disable next-line StringLiteral: without a patch there is no header, whatever text stands in for it
  const patch = file.patch ?? "";
  // The slice starts at the last hunk's header (a patch starts with its first).
  const header = /@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@/.exec(patch.slice(patch.lastIndexOf("\n@@ ") + 1));
  return header ? Number(header[1]) + Number(header[2] ?? 1) : 0;
}

/**
 * What to read whole before measuring (pure; the I/O edge reads it): heads for generators' markers, and for files a
 * pack judges with the whole file in view (python3), their head and base, the smallest first up to `bound.files`.
 * Added and removed files need nothing: their patch is the whole file.
 */
export function filesToRead(files: readonly ChangedFile[], config: Config, bound?: WholeFileBound): ReadPlan {
  const packs = packsFor(config).filter((p) => p.wantsWholeFiles);
  const byPathAndGlobs = new ExclusionRules(config.exclude);
  const candidates = files
    .filter((f) => !f.binary && f.status !== "added" && f.status !== "removed" && packs.some((p) => p.appliesTo(f.path)) && byPathAndGlobs.decide(f.path).counted)
    .map((file) => ({ file, lines: estimatedLines(file) }))
    .sort((a, b) => a.lines - b.lines || comparePaths(a.file.path, b.file.path))
    .slice(0, bound?.files ?? Infinity)
    .map(({ file }) => file);
  const head = new Set(filesToSample(files, config));
  for (const f of candidates) if (f.additions > 0) head.add(f.path);
  return {
    head: [...head],
    base: candidates.filter((f) => f.deletions > 0).map((f) => f.previousPath ?? f.path),
    wanted: candidates.map((f) => f.path),
  };
}

/**
 * The texts the migration packs judge with: those of the files a pack wants whole, kept within `bytes` in all in the
 * plan's order (the smallest first). Past it, files are judged from their hunks, and the report names them.
 */
function boundTexts(input: EngineInput): { head?: ReadonlyMap<string, string>; base?: ReadonlyMap<string, string>; dropped: Set<string> } {
  const { headTexts: head, baseTexts: base, wholeFileBound: bound } = input;
  const dropped = new Set<string>();
  if (bound === undefined) return { head, base, dropped };
  const keptHead = new Map(head);
  const keptBase = new Map(base);
  const byPath = new Map(input.files.map((f) => [f.path, f]));
  let used = 0;
  for (const path of bound.plan.wanted) {
    const basePath = byPath.get(path)?.previousPath ?? path;
    const size = (head?.get(path)?.length ?? 0) + (base?.get(basePath)?.length ?? 0);
    if (used + size <= bound.bytes) used += size;
    else {
      keptHead.delete(path);
      keptBase.delete(basePath);
      dropped.add(path);
    }
  }
  return { head: keptHead, base: keptBase, dropped };
}

/** Pure: measurements and verdict from a diff and a policy. No GitHub, no network, no clock. */
export function evaluate(input: EngineInput): Evaluation {
  const attributes = new GitattributesIndex(input.gitattributes);
  const rules = new ExclusionRules(input.config.exclude, attributes);
  const size = measureSize(input.files, rules, {
    ...sizeOptionsOf(input.config),
    filesExpected: input.filesExpected,
    headTexts: input.headTexts,
  });
  const counted = new Set(size.files.map((f) => f.path));
  const migrationOptions = { mixedTolerance: input.config.migration.mixedTolerance };
  const texts = boundTexts(input);
  const migration = measureMigration(input.files.filter((f) => counted.has(f.path)), packsFor(input.config), migrationOptions, texts);
  const schema = measureSchemaMigrations(size.files, input.config.schemaMigrations.presets, input.config.schemaMigrations.tolerance);
  const dependencies = input.dependencies ?? { changes: [], problems: [] };
  const findings = applyFindings(decide(input.config, size, input.facts), input.config, input.facts, migration, dependencies, schema);
  const withinFileBound = input.wholeFileBound && migration.hunksOnly.length ? new Set(input.wholeFileBound.plan.wanted) : undefined;
  const pastBound = migration.hunksOnly.some((path) => texts.dropped.has(path) || (withinFileBound !== undefined && !withinFileBound.has(path)));
  const hunksOnlyReason = !migration.hunksOnly.length
    ? undefined
    : pastBound
      ? `Past the ${WHOLE_FILE_BOUND.files} files and ${WHOLE_FILE_BOUND.bytes / 1024 / 1024} MB read whole per check, files are judged from their hunks: a guard or docstring above a hunk is not seen.`
      : (input.wholeFileNote ?? "Their whole text could not be read (GitHub returned none, or it did not match the diff), so they are judged from their hunks: a guard or docstring above a hunk is not seen.");
  return withAcceptance({ size, migration, schema, dependencies, findings, verdict: findings, config: input.config, hunksOnlyReason }, input.acceptance);
}

/** The same measurements under another acceptance (or none): only the verdict changes, nothing is measured again. */
export function withAcceptance(evaluation: Evaluation, acceptance: Acceptance | undefined): Evaluation {
  const sizeClass = evaluation.size.sizeClass;
  return {
    ...evaluation,
    verdict: applyAcceptance(evaluation.findings, acceptance, sizeClass),
    acceptance: acceptanceHolds(acceptance, sizeClass) ? acceptance : undefined,
  };
}
