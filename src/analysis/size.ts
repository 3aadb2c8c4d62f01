import type { ChangedFile } from "./changed-file.js";
import { comparePaths } from "./path-order.js";
import type { ExclusionReason, ExclusionRules } from "./exclusions.js";
import { headSample } from "./generated/sample.js";
import { globMatcher, type GlobMatcher } from "./safe-glob.js";
import { indentationIsCode, quietLines, type QuietLines } from "./moved-lines.js";

export const SIZE_CLASSES = ["XS", "S", "M", "L", "XL", "XXL"] as const;
export type SizeClass = (typeof SIZE_CLASSES)[number];

/** Upper bounds (exclusive) in counted lines for each class but the last. */
export type SizeThresholds = Record<Exclude<SizeClass, "XXL">, number>;

export const DEFAULT_THRESHOLDS: SizeThresholds = { XS: 10, S: 30, M: 100, L: 500, XL: 1000 };
/** Upper bounds (exclusive) in files touched: a change to 419 files is not small whatever its lines. */
export const DEFAULT_FILE_THRESHOLDS: SizeThresholds = { XS: 5, S: 10, M: 30, L: 100, XL: 300 };

/** A weight for the files some globs match (`tests/**` at 0.5): the last entry that matches a file gives its weight. */
export interface PathWeight {
  files: string[];
  weight: number;
}

export interface FileMeasure {
  path: string;
  previousPath?: string;
  status: ChangedFile["status"];
  additions: number;
  deletions: number;
  countedLines: number;
  /** Its weight, where a `weights.paths` entry gave it one other than 1. */
  weight?: number;
  /** Extra lines its changed lines longer than LONG_LINE characters counted. */
  longLines?: number;
  /** Its changed lines in moved blocks, and in whitespace-only changes counted at `weights.whitespace`. */
  moved?: number;
  whitespace?: number;
}

export interface ExcludedFile {
  path: string;
  reason: ExclusionReason;
  detail: string;
  additions: number;
  deletions: number;
}

export interface SizeMeasurement {
  /** The larger of the two classes below. */
  sizeClass: SizeClass;
  linesClass: SizeClass;
  filesClass: SizeClass;
  /** Which axis gave the size class: the files only where their class is the larger. */
  decidedBy: "lines" | "files";
  countedLines: number;
  countedFiles: number;
  additions: number;
  deletions: number;
  /** Counted files, largest first. */
  files: FileMeasure[];
  excluded: ExcludedFile[];
  binary: string[];
  renamedOnly: string[];
  /** Changed lines in moved blocks and in whitespace-only changes (these only where indentation is not code), as
   * changed and as counted. */
  moved: { lines: number; counted: number };
  whitespace: { lines: number; counted: number };
  /** Files seen versus files in the pull request; when fewer were seen, every figure is a lower bound. */
  filesSeen: number;
  filesExpected: number;
  complete: boolean;
}

export interface SizeOptions {
  thresholds: SizeThresholds;
  deletionWeight: number;
  /** How many files the pull request says it changes (GitHub's `changed_files`). */
  filesExpected?: number;
  /** Head versions of changed files read whole, for generators' markers beyond what the patch shows. */
  headTexts?: ReadonlyMap<string, string>;
  fileThresholds?: SizeThresholds;
  pathWeights?: readonly PathWeight[];
  /** What a moved line and a whitespace-only changed line count (1 each when absent). */
  quietWeights?: { moved: number; whitespace: number };
}

/** The weight of a path under `weights`: the last entry with a glob that matches it, else 1. */
export function pathWeigher(weights: readonly PathWeight[] = []): (path: string) => number {
  if (!weights.length) return () => 1;
  const compiled: Array<{ matches: GlobMatcher[]; weight: number }> = weights.map((w) => ({ matches: w.files.map((g) => globMatcher(g)), weight: w.weight }));
  return (path) => {
    for (let i = compiled.length - 1; i >= 0; i--) if (compiled[i]!.matches.some((m) => m(path))) return compiled[i]!.weight;
    return 1;
  };
}

export function classify(lines: number, thresholds: SizeThresholds): SizeClass {
  for (const sizeClass of SIZE_CLASSES) {
    if (sizeClass === "XXL" || lines < thresholds[sizeClass]) return sizeClass;
  }
  return "XXL";
}

export function measureSize(files: readonly ChangedFile[], rules: ExclusionRules, options: SizeOptions): SizeMeasurement {
  const counted: FileMeasure[] = [];
  const excluded: ExcludedFile[] = [];
  const binary: string[] = [];
  const renamedOnly: string[] = [];
  let additions = 0;
  let deletions = 0;
  let weighted = 0;
  const weightOf = pathWeigher(options.pathWeights);
  const quietWeights = options.quietWeights ?? { moved: 1, whitespace: 1 };
  const decisions = files.map((file) => rules.decide(file.path, headSample(file, options.headTexts)));
  const countedFiles = files.filter((_, i) => decisions[i]!.counted);
  const quiet = quietWeights.moved !== 1 || quietWeights.whitespace !== 1 ? quietLines(countedFiles) : new Map<string, QuietLines>();
  const moved = { lines: 0, counted: 0 };
  const whitespace = { lines: 0, counted: 0 };
  for (const [i, file] of files.entries()) {
    const decision = decisions[i]!;
    if (!decision.counted) {
      excluded.push({ path: file.path, reason: decision.reason, detail: decision.detail, additions: file.additions, deletions: file.deletions });
      continue;
    }
    if (file.binary) binary.push(file.path);
    if (file.status === "renamed" && file.additions === 0 && file.deletions === 0) renamedOnly.push(file.path);
    additions += file.additions;
    deletions += file.deletions;
    const long = file.longLines ?? { additions: 0, deletions: 0 };
    const weight = weightOf(file.path);
    const q = quiet.get(file.path);
    // Whitespace-only changes count fully where indentation is code (Python, YAML, Makefiles, …).
    const ws = q && !indentationIsCode(file.path) ? q.whitespace : { additions: 0, deletions: 0 };
    const mv = q?.moved ?? { additions: 0, deletions: 0 };
    const side = (changed: number, extra: number, movedLines: number, wsLines: number) => changed - movedLines - wsLines + extra + movedLines * quietWeights.moved + wsLines * quietWeights.whitespace;
    const lines = (side(file.additions, long.additions, mv.additions, ws.additions) + side(file.deletions, long.deletions, mv.deletions, ws.deletions) * options.deletionWeight) * weight;
    weighted += lines;
    const movedLines = mv.additions + mv.deletions;
    const wsLines = ws.additions + ws.deletions;
    moved.lines += movedLines;
    moved.counted += (mv.additions + mv.deletions * options.deletionWeight) * quietWeights.moved * weight;
    whitespace.lines += wsLines;
    whitespace.counted += (ws.additions + ws.deletions * options.deletionWeight) * quietWeights.whitespace * weight;
    counted.push({
      path: file.path,
      previousPath: file.previousPath,
      status: file.status,
      additions: file.additions,
      deletions: file.deletions,
      countedLines: Math.round(lines),
      ...(weight !== 1 ? { weight } : {}),
      ...(long.additions + long.deletions ? { longLines: long.additions + long.deletions } : {}),
      ...(movedLines ? { moved: movedLines } : {}),
      ...(wsLines ? { whitespace: wsLines } : {}),
    });
  }
  counted.sort((a, b) => b.countedLines - a.countedLines || comparePaths(a.path, b.path));
  const countedLines = Math.round(weighted);
  const filesExpected = Math.max(options.filesExpected ?? files.length, files.length);
  // Files a reviewer opens: binary ones too, not those only renamed.
  const linesClass = classify(countedLines, options.thresholds);
  const filesClass = classify(counted.length - renamedOnly.length, options.fileThresholds ?? DEFAULT_FILE_THRESHOLDS);
  const byFiles = SIZE_CLASSES.indexOf(filesClass) > SIZE_CLASSES.indexOf(linesClass);
  return {
    sizeClass: byFiles ? filesClass : linesClass,
    linesClass,
    filesClass,
    decidedBy: byFiles ? "files" : "lines",
    countedLines,
    countedFiles: counted.length,
    additions,
    deletions,
    files: counted,
    excluded,
    binary,
    renamedOnly,
    moved: { lines: moved.lines, counted: Math.round(moved.counted) },
    whitespace: { lines: whitespace.lines, counted: Math.round(whitespace.counted) },
    filesSeen: files.length,
    filesExpected,
    complete: files.length >= filesExpected,
  };
}
