import type { ChangedFile } from "./changed-file.js";
import { comparePaths } from "./path-order.js";
import type { ExclusionReason, ExclusionRules } from "./exclusions.js";
import { headSample } from "./generated/sample.js";

export const SIZE_CLASSES = ["XS", "S", "M", "L", "XL", "XXL"] as const;
export type SizeClass = (typeof SIZE_CLASSES)[number];

/** Upper bounds (exclusive) in counted lines for each class but the last. */
export type SizeThresholds = Record<Exclude<SizeClass, "XXL">, number>;

export const DEFAULT_THRESHOLDS: SizeThresholds = { XS: 10, S: 30, M: 100, L: 500, XL: 1000 };

export interface FileMeasure {
  path: string;
  previousPath?: string;
  status: ChangedFile["status"];
  additions: number;
  deletions: number;
  countedLines: number;
}

export interface ExcludedFile {
  path: string;
  reason: ExclusionReason;
  detail: string;
  additions: number;
  deletions: number;
}

export interface SizeMeasurement {
  sizeClass: SizeClass;
  countedLines: number;
  countedFiles: number;
  additions: number;
  deletions: number;
  /** Counted files, largest first. */
  files: FileMeasure[];
  excluded: ExcludedFile[];
  binary: string[];
  renamedOnly: string[];
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
  for (const file of files) {
    const decision = rules.decide(file.path, headSample(file, options.headTexts));
    if (!decision.counted) {
      excluded.push({ path: file.path, reason: decision.reason, detail: decision.detail, additions: file.additions, deletions: file.deletions });
      continue;
    }
    if (file.binary) binary.push(file.path);
    if (file.status === "renamed" && file.additions === 0 && file.deletions === 0) renamedOnly.push(file.path);
    additions += file.additions;
    deletions += file.deletions;
    counted.push({
      path: file.path,
      previousPath: file.previousPath,
      status: file.status,
      additions: file.additions,
      deletions: file.deletions,
      countedLines: Math.round(file.additions + file.deletions * options.deletionWeight),
    });
  }
  counted.sort((a, b) => b.countedLines - a.countedLines || comparePaths(a.path, b.path));
  const countedLines = Math.round(additions + deletions * options.deletionWeight);
  const filesExpected = Math.max(options.filesExpected ?? files.length, files.length);
  return {
    sizeClass: classify(countedLines, options.thresholds),
    countedLines,
    countedFiles: counted.length,
    additions,
    deletions,
    files: counted,
    excluded,
    binary,
    renamedOnly,
    filesSeen: files.length,
    filesExpected,
    complete: files.length >= filesExpected,
  };
}
