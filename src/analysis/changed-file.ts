import parseDiff from "parse-diff";
import { parseHunks } from "./hunks.js";
import { DEV_NULL, readDiff, type DiffReaderOptions, type PatchSummary } from "./diff-reader.js";
import { extraLines, longLinesOfPatch, type LongLines } from "./long-lines.js";

/** How a file changed, in GitHub's vocabulary (the pull request files API). */
export type FileStatus = "added" | "removed" | "modified" | "renamed" | "copied" | "changed" | "unchanged";

export type Hunk = parseDiff.Chunk;

/**
 * One changed file, from GitHub's file list or from a local unified diff.
 * `patch` is GitHub's per-file patch (hunks only); `hunks` is the parsed form, filled lazily.
 */
export interface ChangedFile {
  path: string;
  previousPath?: string;
  status: FileStatus;
  additions: number;
  deletions: number;
  binary: boolean;
  patch?: string;
  hunks?: Hunk[];
  /** Of a patch the diff reader did not keep (no classifier reads it): its edit lines and where markers may be. */
  summary?: PatchSummary;
  /** Extra lines its changed lines longer than LONG_LINE characters count (see long-lines.ts); absent when none. */
  longLines?: LongLines;
}

/** The fields of GitHub's "list pull request files" items that the engine reads. */
export interface GitHubFileEntry {
  filename: string;
  status: string;
  additions: number;
  deletions: number;
  patch?: string;
  previous_filename?: string;
}

const STATUSES = new Set<FileStatus>(["added", "removed", "modified", "renamed", "copied", "changed", "unchanged"]);

export function fromGitHubFile(entry: GitHubFileEntry): ChangedFile {
  const status = STATUSES.has(entry.status as FileStatus) ? (entry.status as FileStatus) : "modified";
  const additions = entry.additions ?? 0;
  const deletions = entry.deletions ?? 0;
  // GitHub omits the patch of binary files (and of very large text diffs, which still report line counts).
  // A file with no patch and no lines that is not a pure rename is binary, or empty, which counts the same.
  const binary = entry.patch === undefined && additions === 0 && deletions === 0 && status !== "renamed";
  return {
    path: entry.filename,
    previousPath: entry.previous_filename,
    status,
    additions,
    deletions,
    binary,
    patch: entry.patch,
    ...(entry.patch ? { longLines: longLinesOfPatch(entry.patch) } : {}),
  };
}

/**
 * The parsed hunks of a file, without keeping them on it: a classifier's pass over a large diff lets each file's
 * hunks go as soon as it is judged, instead of holding every file's (that kept the garbage collector busy).
 */
export function readHunks(file: ChangedFile): Hunk[] {
  return file.hunks ?? (file.patch ? parseHunks(file.patch) : []);
}

/** The parsed hunks of a file, parsing GitHub's patch text on first use. */
export function hunksOf(file: ChangedFile): Hunk[] {
  if (file.hunks) return file.hunks;
  if (!file.patch) return (file.hunks = []);
  file.hunks = parseHunks(file.patch);
  return file.hunks;
}

/**
 * Parse a unified diff into changed files. Git's output ("diff --git" sections) goes through the one-pass reader
 * (`diff-reader.ts`), keeping every file's hunks as text that parse-diff reads only when a classifier needs them;
 * other unified diffs (`diff -u`) go through parse-diff whole.
 */
export function fromUnifiedDiff(diffText: string, options?: DiffReaderOptions): ChangedFile[] {
  return readDiff(Buffer.from(diffText, "utf8"), options) ?? fromParsedDiff(diffText);
}

const BINARY_LINE = /^Binary files (?:a\/)?(.+?) and (?:b\/)?(.+?) differ$/gm;

/** The whole diff through parse-diff: for diffs not made by git, and as the reference for the one-pass reader. */
export function fromParsedDiff(diffText: string): ChangedFile[] {
  const binaryPaths = new Set<string>();
  for (const match of diffText.matchAll(BINARY_LINE)) {
    binaryPaths.add(match[2] === DEV_NULL ? match[1] : match[2]);
  }
  return parseDiff(diffText).map((entry) => {
    const to = entry.to && entry.to !== DEV_NULL ? entry.to : undefined;
    const from = entry.from && entry.from !== DEV_NULL ? entry.from : undefined;
    const path = to ?? from ?? "(unknown)";
    // parse-diff marks new and deleted files from git's mode lines; a plain diff -u says so with /dev/null.
    const status: FileStatus = entry.new || !from ? "added" : entry.deleted || !to ? "removed" : from !== to ? "renamed" : "modified";
    const longLines: LongLines = { additions: 0, deletions: 0 };
    for (const chunk of entry.chunks) {
      for (const change of chunk.changes) {
        if (change.type === "add") longLines.additions += extraLines(change.content.length - 1);
        else if (change.type === "del") longLines.deletions += extraLines(change.content.length - 1);
      }
    }
    return {
      path,
      previousPath: status === "renamed" ? from : undefined,
      status,
      additions: entry.additions,
      deletions: entry.deletions,
      binary: binaryPaths.has(path),
      hunks: entry.chunks,
      ...(longLines.additions || longLines.deletions ? { longLines } : {}),
    };
  });
}
