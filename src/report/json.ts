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
    countedLines: number;
    countedFiles: number;
    additions: number;
    deletions: number;
    complete: boolean;
    filesSeen: number;
    filesExpected: number;
    largest: Array<{ path: string; additions: number; deletions: number; countedLines: number }>;
    excluded: Array<{ path: string; reason: string; detail: string }>;
    binary: string[];
    renamedOnly: string[];
  };
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
      countedLines: size.countedLines,
      countedFiles: size.countedFiles,
      additions: size.additions,
      deletions: size.deletions,
      complete: size.complete,
      filesSeen: size.filesSeen,
      filesExpected: size.filesExpected,
      largest: size.files.slice(0, 10).map(({ path, additions, deletions, countedLines }) => ({ path, additions, deletions, countedLines })),
      excluded: size.excluded.map(({ path, reason, detail }) => ({ path, reason, detail })),
      binary: size.binary,
      renamedOnly: size.renamedOnly,
    },
    notes: verdict.notes,
    guidance: verdict.guidance,
  };
}
