import type { DependencyMeasurement } from "../analysis/dependencies/changes.js";
import type { MigrationMeasurement } from "../analysis/migration.js";
import type { SchemaMigrationMeasurement } from "../analysis/schema-migrations.js";
import type { SizeClass } from "../analysis/size.js";
import { acceptanceHolds, type Acceptance } from "./check-record.js";
import { doneGlob, type Config, type DoneFolder, type FindingConclusion } from "./config.js";
import { globMatcher } from "../analysis/safe-glob.js";
import { mayFail, type Conclusion, type PullRequestFacts, type Verdict } from "./verdict.js";
import { count, formatCount } from "../plural.js";

/** The `migration.done` entry a path falls under, if any (the first that matches). */
function doneFolders(entries: readonly DoneFolder[]): (path: string) => DoneFolder | undefined {
  const matchers = entries.map((entry) => ({ entry, matches: globMatcher(doneGlob(entry)) }));
  return (path) => matchers.find((m) => m.matches(path))?.entry;
}

function describeDone(entry: DoneFolder): string {
  const glob = doneGlob(entry);
  if (typeof entry === "string" || (!entry.commit && !entry.date)) return `\`${glob}\` is finished (listed in migration.done): this fails the check in any mode.`;
  const when = [entry.commit ? `at ${entry.commit.slice(0, 7)}` : "", entry.date ? `on ${entry.date}` : ""].filter(Boolean).join(" ");
  return `\`${glob}\` was finished ${when} (listed in migration.done): this fails the check in any mode.`;
}

/** A note on one line of a file, as GitHub's check run annotations take it. */
export interface Annotation {
  path: string;
  start_line: number;
  end_line: number;
  annotation_level: "notice" | "warning" | "failure";
  title: string;
  message: string;
}

export interface FindingsVerdict extends Verdict {
  /** Labels besides the size label that the pull request should carry (migration, mixed-change). */
  flagLabels: Array<{ name: string; wanted: boolean }>;
  annotations: Annotation[];
}

const SEVERITY: Record<Conclusion, number> = { success: 0, neutral: 1, action_required: 2, failure: 3 };
// Stryker disable next-line EqualityOperator: of two conclusions of one severity either is the same conclusion
export const worst = (a: Conclusion, b: Conclusion): Conclusion => (SEVERITY[b] > SEVERITY[a] ? b : a);

function findingConclusion(setting: FindingConclusion, config: Config, facts: PullRequestFacts): Conclusion {
  const wanted = setting === "default" ? (config.mode === "block" ? "failure" : "neutral") : setting;
  return mayFail(config, facts) ? wanted : "neutral"; // drafts, bots and other branches are reported, never failed
}

/**
 * One line per reason for the packages whose Python 3 support is unknown, each package counted once however many
 * manifests name it ("Python 3 support not checked for 26 packages: the package index could not be reached");
 * the packages themselves are in the dependencies table.
 */
export function unknownSupportNotes(dependencies: DependencyMeasurement): string[] {
  const byReason = new Map<string, Set<string>>();
  for (const d of dependencies.changes) {
    if (d.change === "removed" || d.python3 !== "unknown") continue;
    const reason = (d.reason ?? "no answer").replace(/\s*\([^()]*\)$/, "");
    byReason.set(reason, (byReason.get(reason) ?? new Set()).add(d.key));
  }
  return [...byReason].map(([reason, keys]) => `Python 3 support not checked for ${count(keys.size, "package")}: ${reason}. Not a failure; see the dependencies table.`);
}

/** Add the migration, dependency and schema findings to the size verdict: the worst conclusion wins. */
export function applyFindings(
  size: Verdict,
  config: Config,
  facts: PullRequestFacts,
  migration: MigrationMeasurement,
  dependencies: DependencyMeasurement,
  schema: SchemaMigrationMeasurement,
): FindingsVerdict {
  let conclusion = size.conclusion;
  const notes = [...size.notes];
  const guidance = [...size.guidance];
  const annotations: Annotation[] = [];
  const titleParts: string[] = [];

  if (migration.regressions.length) {
    const setting = findingConclusion(config.migration.regressions, config, facts);
    const doneFolderOf = doneFolders(config.migration.done);
    let intoDone = 0;
    for (const r of migration.regressions) {
      const done = doneFolderOf(r.path);
      // A finished folder stays finished: a construct brought back into it fails in warn mode too.
      const c = done && mayFail(config, facts) ? "failure" : setting;
      conclusion = worst(conclusion, c);
      if (done) intoDone++;
      annotations.push({ path: r.path, start_line: r.line, end_line: r.line, annotation_level: c === "failure" ? "failure" : "warning", title: `${r.pack}: ${r.rule}`, message: done ? `${r.message} ${describeDone(done)}` : r.message });
    }
    titleParts.push(count(migration.regressions.length, "regression") + (intoDone ? ` (${formatCount(intoDone)} in a finished folder)` : ""));
    if (intoDone) guidance.unshift("A finished folder (`migration.done`) stays finished: fix the constructs this change brings back into it (the annotations show each, and `/small-steps fix` suggests the fix).");
  }
  if (migration.mixed) {
    notes.push(`Mixed change: ${count(migration.lines.migration, "migration line")} with ${count(migration.lines.other, "line")} of other work.`);
    guidance.unshift(
      `Split it in two: one pull request with only the migration edits (${count(migration.lines.migration, "line")}), one with the other changes (${count(migration.lines.other, "line")}). Land the migration first: it is mechanical and quick to review.`,
    );
  }
  const unsupported = dependencies.changes.filter((d) => d.change !== "removed" && d.python3 === "no");
  if (unsupported.length) {
    const c = findingConclusion(config.dependencies.unsupported, config, facts);
    conclusion = worst(conclusion, c);
    titleParts.push(`${count(unsupported.length, "dependency")} without Python 3`);
    for (const d of unsupported) {
      annotations.push({
        path: d.manifest,
        start_line: d.line,
        end_line: d.line,
        annotation_level: c === "failure" ? "failure" : "warning",
        title: `No Python 3, no new package: ${d.name}`,
        message: `${d.name}${d.version ? ` ${d.version}` : ""} does not support Python 3 (${d.reason}). Replace it, or list it under dependencies.allow if it was renamed or absorbed.`,
      });
    }
  }
  notes.push(...unknownSupportNotes(dependencies));
  if (config.schemaMigrations.alone && schema.mixed) {
    conclusion = worst(conclusion, findingConclusion(config.schemaMigrations.conclusion, config, facts));
    titleParts.push("schema migrations mixed with code");
    guidance.unshift(`Schema migrations ship alone: move ${schema.files.map((f) => `\`${f.path}\``).join(", ")} into a pull request of their own, then land the code that uses them.`);
  }
  const flagLabels = [
    { name: config.migration.labels.migration, wanted: migration.migrationOnly },
    { name: config.migration.labels.mixed, wanted: migration.mixed },
  ].filter((l) => l.name);
  return { ...size, conclusion, notes, guidance, title: [size.title, ...titleParts].join("; "), flagLabels, annotations };
}

/**
 * A maintainer's acceptance turns the check green, with the audit line first in the summary; findings stay listed
 * and annotated (as warnings). An acceptance given for a smaller size no longer holds, and says so.
 */
export function applyAcceptance(verdict: FindingsVerdict, acceptance: Acceptance | undefined, sizeClass: SizeClass): FindingsVerdict {
  if (!acceptance) return verdict;
  const who = `@${acceptance.by}`;
  if (!acceptanceHolds(acceptance, sizeClass)) {
    return {
      ...verdict,
      notes: [`The acceptance by ${who} (for ${acceptance.sizeClass} or smaller: "${acceptance.reason}") no longer holds: the pull request is now ${sizeClass}.`, ...verdict.notes],
    };
  }
  return {
    ...verdict,
    conclusion: "success",
    title: `${verdict.title} — accepted by ${who}`,
    notes: [`Accepted by ${who}: ${acceptance.reason}`, ...verdict.notes],
    annotations: verdict.annotations.map((a) => (a.annotation_level === "failure" ? { ...a, annotation_level: "warning" } : a)),
  };
}
