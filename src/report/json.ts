import type { Evaluation } from "../engine.js";

/**
 * The command line's `--json` report. Documented in the README; keys are only ever added.
 */
export interface JsonReport {
  version: 1;
  conclusion: string;
  title: string;
  overLimit: boolean;
  size: {
    class: string;
    /** The class of the counted lines and of the files; `decidedBy` says which gave `class`. */
    linesClass: string;
    filesClass: string;
    decidedBy: "lines" | "files";
    /** Changed lines in blocks moved unchanged and in whitespace-only changes, and what they counted. */
    moved: { lines: number; counted: number };
    whitespace: { lines: number; counted: number };
    countedLines: number;
    countedFiles: number;
    additions: number;
    deletions: number;
    complete: boolean;
    filesSeen: number;
    filesExpected: number;
    largest: Array<{ path: string; additions: number; deletions: number; countedLines: number; weight?: number; longLines?: number }>;
    excluded: Array<{ path: string; reason: string; detail: string }>;
    binary: string[];
    renamedOnly: string[];
  };
  migration: {
    kind: "migration" | "mixed" | "regression" | "other";
    lines: { migration: number; regression: number; other: number };
    migrated: number;
    mixed: boolean;
    regressions: Array<{ path: string; line: number; rule: string; message: string; pack: string }>;
    dependencies: Array<{ name: string; change: string; version?: string; python3: string; manifest: string; line: number; reason?: string }>;
    dependencyProblems: string[];
    schemaMigrations: { files: Array<{ path: string; preset: string }>; lines: number; otherLines: number; mixed: boolean };
    packs: string[];
    /** Files judged from their hunks alone, and why (whole files are read for every other line). */
    hunksOnly: string[];
    hunksOnlyReason?: string;
    /** Files with changed lines too long to judge (counted, not judged). */
    longLines: string[];
  };
  labels: string[];
  notes: string[];
  guidance: string[];
}

export function toJsonReport(evaluation: Evaluation): JsonReport {
  const { size, verdict } = evaluation;
  return {
    version: 1,
    conclusion: verdict.conclusion,
    title: verdict.title,
    overLimit: verdict.overLimit,
    size: {
      class: size.sizeClass,
      linesClass: size.linesClass,
      filesClass: size.filesClass,
      decidedBy: size.decidedBy,
      moved: size.moved,
      whitespace: size.whitespace,
      countedLines: size.countedLines,
      countedFiles: size.countedFiles,
      additions: size.additions,
      deletions: size.deletions,
      complete: size.complete,
      filesSeen: size.filesSeen,
      filesExpected: size.filesExpected,
      largest: size.files.slice(0, 10).map(({ path, additions, deletions, countedLines, weight, longLines }) => ({ path, additions, deletions, countedLines, ...(weight !== undefined ? { weight } : {}), ...(longLines ? { longLines } : {}) })),
      excluded: size.excluded.map(({ path, reason, detail }) => ({ path, reason, detail })),
      binary: size.binary,
      renamedOnly: size.renamedOnly,
    },
    migration: {
      kind: evaluation.migration.mixed ? "mixed" : evaluation.migration.migrationOnly ? "migration" : evaluation.migration.regressions.length ? "regression" : "other",
      lines: evaluation.migration.lines,
      migrated: evaluation.migration.migrated,
      mixed: evaluation.migration.mixed,
      regressions: evaluation.migration.regressions.map(({ path, line, rule, message, pack }) => ({ path, line, rule, message, pack })),
      dependencies: evaluation.dependencies.changes.map(({ name, change, version, python3, manifest, line, reason }) => ({ name, change, version, python3, manifest, line, reason })),
      dependencyProblems: evaluation.dependencies.problems,
      schemaMigrations: evaluation.schema,
      packs: evaluation.migration.packs,
      hunksOnly: evaluation.migration.hunksOnly,
      longLines: evaluation.migration.longLines,
      ...(evaluation.hunksOnlyReason ? { hunksOnlyReason: evaluation.hunksOnlyReason } : {}),
    },
    labels: [verdict.sizeLabel, ...verdict.flagLabels.filter((l) => l.wanted).map((l) => l.name)].filter((l): l is string => Boolean(l)),
    notes: verdict.notes,
    guidance: verdict.guidance,
  };
}
