import parseDiff from "parse-diff";

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
  };
}

/** The parsed hunks of a file, parsing GitHub's patch text on first use. */
export function hunksOf(file: ChangedFile): Hunk[] {
  if (file.hunks) return file.hunks;
  if (!file.patch) return (file.hunks = []);
  const parsed = parseDiff(file.patch);
  file.hunks = parsed[0]?.chunks ?? [];
  return file.hunks;
}

/**
 * Parse a unified diff into changed files. Git's output ("diff --git" sections) is split and counted in one pass,
 * keeping each file's hunks as text that parse-diff reads only when a classifier needs them; other unified diffs
 * (`diff -u`) go through parse-diff whole.
 */
export function fromUnifiedDiff(diffText: string): ChangedFile[] {
  if (!diffText.startsWith("diff --git ") && !diffText.includes("\ndiff --git ")) return fromParsedDiff(diffText);
  const files: ChangedFile[] = [];
  let start = diffText.indexOf("diff --git ");
  while (start !== -1) {
    const next = diffText.indexOf("\ndiff --git ", start);
    const end = next === -1 ? diffText.length : next + 1;
    files.push(readGitSection(diffText, start, end));
    start = next === -1 ? -1 : next + 1;
  }
  return files;
}

const DEV_NULL = "/dev/null";

/** Strip git's a/ b/ prefixes and C-style quoting from a header path. */
function headerPath(raw: string): string | undefined {
  let path = raw.replace(/\t.*$/, "");
  if (path.startsWith('"') && path.endsWith('"')) path = path.slice(1, -1).replace(/\\(.)/g, "$1");
  if (path === DEV_NULL) return undefined;
  return path.replace(/^[ab]\//, "");
}

function readGitSection(text: string, start: number, end: number): ChangedFile {
  let from: string | undefined;
  let to: string | undefined;
  let status: FileStatus = "modified";
  let binary = false;
  let additions = 0;
  let deletions = 0;
  let hunksAt = -1;
  let position = text.indexOf("\n", start) + 1; // skip the "diff --git" line itself
  const firstLine = text.slice(start + "diff --git ".length, position - 1);
  while (position > 0 && position < end) {
    let lineEnd = text.indexOf("\n", position);
    if (lineEnd === -1 || lineEnd > end) lineEnd = end;
    const first = text.charCodeAt(position);
    if (hunksAt !== -1) {
      if (first === 43 /* + */) additions++;
      else if (first === 45 /* - */) deletions++;
    } else {
      const line = text.slice(position, lineEnd);
      if (line.startsWith("@@")) hunksAt = position;
      else if (line.startsWith("--- ")) from = headerPath(line.slice(4));
      else if (line.startsWith("+++ ")) to = headerPath(line.slice(4));
      else if (line.startsWith("rename from ")) from = line.slice(12);
      else if (line.startsWith("rename to ")) to = line.slice(10);
      else if (line.startsWith("new file mode")) status = "added";
      else if (line.startsWith("deleted file mode")) status = "removed";
      else if (line.startsWith("Binary files ") || line === "GIT binary patch") binary = true;
    }
    position = lineEnd + 1;
  }
  if (from === undefined && to === undefined) {
    // No ---/+++ or rename lines (a binary or mode-only change): the paths are in "diff --git a/x b/x".
    const half = firstLine.indexOf(" b/");
    from = to = half === -1 ? firstLine : firstLine.slice(half + 3);
    if (status === "removed") to = undefined;
    if (status === "added") from = undefined;
  }
  if (status === "modified" && from !== undefined && to !== undefined && from !== to) status = "renamed";
  const path = to ?? from ?? "(unknown)";
  return {
    path,
    previousPath: status === "renamed" ? from : undefined,
    status,
    additions,
    deletions,
    binary,
    patch: hunksAt === -1 ? undefined : text.slice(hunksAt, end),
  };
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
    const status: FileStatus = entry.new ? "added" : entry.deleted ? "removed" : from && to && from !== to ? "renamed" : "modified";
    return {
      path,
      previousPath: status === "renamed" ? from : undefined,
      status,
      additions: entry.additions,
      deletions: entry.deletions,
      binary: binaryPaths.has(path),
      hunks: entry.chunks,
    };
  });
}
