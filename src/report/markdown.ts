import { EXCLUSION_REASON_TEXT } from "../analysis/exclusions.js";
import { SIZE_CLASSES, type FileMeasure } from "../analysis/size.js";
import { LONG_LINE } from "../analysis/long-lines.js";
import { MAX_JUDGED_LINE } from "../analysis/line-pack.js";
import type { Evaluation } from "../engine.js";
import type { ConfigProblem } from "../policy/config.js";
import { count, formatCount } from "../plural.js";
import { codeSpan, safeText } from "./neutralise.js";

/** GitHub rejects a check run output summary or text longer than this. */
export const GITHUB_SUMMARY_LIMIT = 65_535;
const TABLE_ROWS = 50;
const LARGEST_FILES = 5;

export const n = formatCount;
/** A file name (or any text from outside) as a code span that its own text cannot break, fit for a table cell. */
export const code = (path: string) => codeSpan(path, 1000);
/** Text for a table cell (rule messages, details, problems): on one line, no mention or HTML outside code, no `|` to end the cell. */
const cell = (text: string) => safeText(text).replace(/\|/g, "\\|");

function limitsLine(evaluation: Evaluation): string {
  const { thresholds, limit, mode, deletionWeight } = evaluation.config;
  const bounds = SIZE_CLASSES.map((c) => (c === "XXL" ? `XXL ≥ ${n(thresholds.XL)}` : `${c} < ${n(thresholds[c])}`)).join(" · ");
  return `${bounds} counted lines. Limit: ${limit} (mode \`${mode}\`, deletions weighted ×${deletionWeight}).`;
}

/** Cut a summary at GitHub's limit on a line boundary, saying so. */
export function truncateSummary(markdown: string, limit = GITHUB_SUMMARY_LIMIT): string {
  if (markdown.length <= limit) return markdown;
  const notice = "\n\n_(The rest of this report was cut to fit GitHub's limit; run `small-steps check` locally for all of it.)_";
  const cut = markdown.lastIndexOf("\n", limit - notice.length);
  return markdown.slice(0, cut > 0 ? cut : limit - notice.length) + notice;
}

export function renderSummary(evaluation: Evaluation, extraSections: string[] = []): string {
  const { size, verdict } = evaluation;
  const out: string[] = [];
  if (!size.complete) {
    out.push(
      `> [!WARNING]\n> GitHub listed ${n(size.filesSeen)} of the ${n(size.filesExpected)} changed files (its file list stops at 3,000). Every figure below is a lower bound.`,
    );
  }
  out.push(...verdict.notes.map((note) => `**${note}**`));
  out.push(
    [
      "| Measure | Value |",
      "|---|---|",
      `| Size class | **${size.sizeClass}** (lines ${size.linesClass}, files ${size.filesClass}${size.decidedBy === "files" ? ": the number of files decides" : ""}) |`,
      `| Counted lines | ${n(size.countedLines)} (+${n(size.additions)} −${n(size.deletions)}) |`,
      ...(size.moved.lines ? [`| Moved unchanged | ${n(size.moved.lines)} changed lines, counted as ${n(size.moved.counted)} |`] : []),
      ...(size.whitespace.lines ? [`| Whitespace only | ${n(size.whitespace.lines)} changed lines, counted as ${n(size.whitespace.counted)} |`] : []),
      `| Counted files | ${n(size.countedFiles)} |`,
      `| Excluded files | ${n(size.excluded.length)} |`,
      `| Binary files | ${n(size.binary.length)} |`,
      `| Renamed without changes | ${n(size.renamedOnly.length)} |`,
    ].join("\n"),
  );
  const largest = size.files.filter((f) => f.countedLines > 0).slice(0, LARGEST_FILES);
  if (largest.length) {
    // The weight column only where a `weights.paths` entry weighed a file of the table.
    const weighed = largest.some((f) => f.weight !== undefined);
    const weight = (f: FileMeasure) => (weighed ? ` ${f.weight ?? 1} |` : "");
    out.push(
      ["#### Largest files", `| File | Added | Deleted |${weighed ? " Weight |" : ""} Counted |`, `|---|--:|--:|${weighed ? "--:|" : ""}--:|`]
        .concat(largest.map((f) => `| ${code(f.path)} | ${n(f.additions)} | ${n(f.deletions)} |${weight(f)} ${n(f.countedLines)} |`))
        .join("\n"),
    );
  }
  const long = size.files.filter((f) => f.longLines);
  if (long.length) {
    const shown = long.slice(0, TABLE_ROWS).map((f) => `${code(f.path)} (+${n(f.longLines!)})`).join(", ");
    out.push(`#### Long lines\nA changed line longer than ${LONG_LINE} characters counts once per ${LONG_LINE} started, here in ${shown}${long.length > TABLE_ROWS ? ` and ${n(long.length - TABLE_ROWS)} more files` : ""}.`);
  }
  if (size.excluded.length) {
    const rows = size.excluded
      .slice(0, TABLE_ROWS)
      .map((f) => `| ${code(f.path)} | ${EXCLUSION_REASON_TEXT[f.reason]} | ${cell(f.detail)} | ${n(f.additions + f.deletions)} |`);
    if (size.excluded.length > TABLE_ROWS) rows.push(`| … and ${n(size.excluded.length - TABLE_ROWS)} more | | | |`);
    out.push(["#### Not counted", "| File | Reason | Rule | Lines |", "|---|---|---|--:|", ...rows].join("\n"));
  }
  const listed = (title: string, paths: string[]) => {
    if (!paths.length) return;
    const shown = paths.slice(0, TABLE_ROWS).map(code).join(", ");
    out.push(`#### ${title}\n${shown}${paths.length > TABLE_ROWS ? ` and ${n(paths.length - TABLE_ROWS)} more` : ""}`);
  };
  listed("Binary files (counted as files, 0 lines)", size.binary);
  listed("Renamed without changes (0 lines)", size.renamedOnly);
  const migration = renderMigrationSection(evaluation);
  if (migration) out.push(migration);
  out.push(...extraSections);
  out.push(`#### ${verdict.guidanceTitle}\n${verdict.guidance.map((g) => `- ${g}`).join("\n")}`);
  out.push(
    `#### Limits in force\n${limitsLine(evaluation)}\nChange them in \`.github/small-steps.yml\` on the default branch, or for the whole organisation in its \`.github\` repository.`,
  );
  return truncateSummary(out.join("\n\n"));
}

const REGRESSIONS_LISTED = 30;

/** The migration section: what kind of work, how much, regressions, dependencies, schema migrations. */
export function renderMigrationSection(evaluation: Evaluation): string | undefined {
  const { migration, dependencies, schema } = evaluation;
  const parts: string[] = [];
  if (migration.packs.length || migration.lines.migration || migration.regressions.length) {
    const kind = migration.mixed
      ? "**mixed**: migration work combined with other changes: split them"
      : migration.migrationOnly
        ? "**migration only**"
        : migration.lines.migration
          ? "migration work with regressions"
          : "no migration work";
    parts.push(
      [
        `Kind of work: ${kind} (packs: ${migration.packs.join(", ") || "none applied"}).`,
        "",
        "| Changed lines | Count |",
        "|---|--:|",
        `| Migration | ${n(migration.lines.migration)} |`,
        `| Regression (brings back what the migration removes) | ${n(migration.lines.regression)} |`,
        `| Other | ${n(migration.lines.other)} |`,
        `| Old constructs removed | ${n(migration.migrated)} |`,
      ].join("\n"),
    );
  }
  if (migration.regressions.length) {
    const rows = migration.regressions.slice(0, REGRESSIONS_LISTED).map((r) => `| ${code(`${r.path}:${r.line}`)} | \`${r.rule}\` | ${cell(r.message)} |`);
    if (migration.regressions.length > REGRESSIONS_LISTED) rows.push(`| … and ${n(migration.regressions.length - REGRESSIONS_LISTED)} more (see the annotations) | | |`);
    parts.push(["**Regressions**", "| Where | Rule | Fix |", "|---|---|---|", ...rows].join("\n"));
  }
  if (dependencies.changes.length || dependencies.problems.length) {
    // One row per package and change, with every manifest that names it.
    const rows = [...groupBy(dependencies.changes, (d) => `${d.key}\u0000${d.change}\u0000${d.version ?? ""}`).values()].map((same) => {
      const d = same[0];
      const manifests = [...new Set(same.map((x) => x.manifest))].map(code).join(", ");
      return `| ${code(d.name)}${d.version ? ` ${cell(d.version)}` : ""} | ${d.change} | ${d.change === "removed" ? "—" : d.python3} | ${manifests} | ${cell(d.reason ?? "")} |`;
    });
    const removed = dependencies.changes.filter((d) => d.change === "removed").length;
    parts.push(
      [
        `**Dependencies** ("No Python 3, no new package")${removed ? `: ${removed} removed, progress` : ""}`,
        "| Package | Change | Python 3 | Manifests | Why |",
        "|---|---|---|---|---|",
        ...rows,
        ...dependencies.problems.map((p) => `| | | | | ${cell(p)} |`),
      ].join("\n"),
    );
  }
  if (migration.longLines.length) {
    const shown = migration.longLines.slice(0, 20).map(code).join(", ");
    parts.push(`**Lines too long to judge** (over ${n(MAX_JUDGED_LINE)} characters, counted but not judged) in ${count(migration.longLines.length, "file")}: ${shown}${migration.longLines.length > 20 ? ` and ${n(migration.longLines.length - 20)} more` : ""}.`);
  }
  if (migration.hunksOnly.length && evaluation.hunksOnlyReason) {
    const shown = migration.hunksOnly.slice(0, 20).map(code).join(", ");
    parts.push(`**Judged from hunks only** (${count(migration.hunksOnly.length, "file")}): ${shown}${migration.hunksOnly.length > 20 ? ` and ${n(migration.hunksOnly.length - 20)} more` : ""}. ${evaluation.hunksOnlyReason}`);
  }
  if (schema.files.length) {
    parts.push(
      `**Schema migrations**: ${schema.files.map((f) => `${code(f.path)} (${f.preset})`).join(", ")}: ${count(schema.lines, "line")}, beside ${count(schema.otherLines, "line")} of application code${schema.mixed ? " — they should ship alone" : ""}.`,
    );
  }
  return parts.length ? `#### Migration\n${parts.join("\n\n")}` : undefined;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}

export function renderConfigProblems(problems: ConfigProblem[], source: string, subject = "this pull request"): string {
  const rows = problems.map((p) => `| ${code(p.path)} | ${cell(p.message)} |`);
  return truncateSummary(
    [
      `The configuration in ${source} is not valid, so ${subject} was not measured against it. Fix the file on the default branch; the check runs again on the next push, or ask for a re-run.`,
      ["| Key | Problem |", "|---|---|", ...rows].join("\n"),
    ].join("\n\n"),
  );
}
