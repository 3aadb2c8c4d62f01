import type { ChangedFile } from "./analysis/changed-file.js";
import { compileCustomPacks } from "./analysis/custom-pack.js";
import type { DependencyMeasurement } from "./analysis/dependencies/changes.js";
import { ExclusionRules } from "./analysis/exclusions.js";
import { headSample } from "./analysis/generated/sample.js";
import { GitattributesIndex } from "./analysis/gitattributes.js";
import type { LinePack } from "./analysis/line-pack.js";
import { measureMigration, withFullFiles, type MigrationMeasurement } from "./analysis/migration.js";
import { stillRegressions } from "./analysis/python/full-file.js";
import { python3Pack } from "./analysis/python/python3-pack.js";
import { measureSchemaMigrations, type SchemaMigrationMeasurement } from "./analysis/schema-migrations.js";
import { measureSize, type SizeMeasurement } from "./analysis/size.js";
import type { Config } from "./policy/config.js";
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
  /** Whole head versions of changed files: generators' markers, and python3 regressions judged with the file in view. */
  headTexts?: ReadonlyMap<string, string>;
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
}

/** The migration packs a config turns on (its custom patterns were checked when the config was resolved). */
export function packsFor(config: Config): LinePack[] {
  const packs: LinePack[] = config.migration.packs.includes("python3") ? [python3Pack()] : [];
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

/** Files whose python3 regressions should be judged again with the whole file in view. */
export function filesToRecheck(evaluation: Evaluation): string[] {
  return [...new Set(evaluation.migration.regressions.filter((r) => r.pack === "python3").map((r) => r.path))];
}

/** Pure: measurements and verdict from a diff and a policy. No GitHub, no network, no clock. */
export function evaluate(input: EngineInput): Evaluation {
  const attributes = new GitattributesIndex(input.gitattributes);
  const rules = new ExclusionRules(input.config.exclude, attributes);
  const size = measureSize(input.files, rules, {
    thresholds: input.config.thresholds,
    deletionWeight: input.config.deletionWeight,
    filesExpected: input.filesExpected,
    headTexts: input.headTexts,
  });
  const counted = new Set(size.files.map((f) => f.path));
  const migrationOptions = { mixedTolerance: input.config.migration.mixedTolerance };
  const inHunks = measureMigration(input.files.filter((f) => counted.has(f.path)), packsFor(input.config), migrationOptions);
  const migration = input.headTexts ? withFullFiles(inHunks, input.headTexts, migrationOptions, stillRegressions) : inHunks;
  const schema = measureSchemaMigrations(size.files, input.config.schemaMigrations.presets, input.config.schemaMigrations.tolerance);
  const dependencies = input.dependencies ?? { changes: [], problems: [] };
  const findings = applyFindings(decide(input.config, size, input.facts), input.config, input.facts, migration, dependencies, schema);
  return withAcceptance({ size, migration, schema, dependencies, findings, verdict: findings, config: input.config }, input.acceptance);
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
