// @ts-nocheck
import { execFile } from "node:child_process";
import { gitChunks } from "./diff-input.js";

const MAX_BUFFER = 1024 * 1024 * 1024;

/** Runs git in `cwd`, optionally feeding `input`, and returns its standard output as bytes. */
function gitBytes(cwd: string, args: string[], input?: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = execFile("git", args, { cwd, maxBuffer: MAX_BUFFER, encoding: "buffer" }, (error, stdout, stderr) =>
      error ? reject(new Error(`git ${args[0]} failed: ${stderr.toString("utf8").trim() || error.message}`)) : resolve(stdout),
    );
    // A git that exits before reading its input must not crash us with EPIPE: its exit status tells the story.
    child.stdin?.on("error", () => undefined);
    child.stdin?.end(input ?? "");
  });
}

export async function git(cwd: string, args: string[]): Promise<string> {
  return (await gitBytes(cwd, args)).toString("utf8");
}

async function tryGit(cwd: string, args: string[]): Promise<string | undefined> {
  try {
    return (await git(cwd, args)).trim();
  } catch {
    return undefined;
  }
}

/** The default branch as the remote knows it (origin/HEAD), else main or master if they exist. */
export async function defaultBranch(cwd: string): Promise<string | undefined> {
  const remoteHead = await tryGit(cwd, ["symbolic-ref", "--quiet", "--short", "refs/remotes/origin/HEAD"]);
  if (remoteHead) return remoteHead;
  for (const candidate of ["main", "master"]) {
    if (await tryGit(cwd, ["rev-parse", "--verify", "--quiet", `refs/heads/${candidate}`])) return candidate;
  }
  return undefined;
}

/** The base to compare with: the merge base with the default branch, or HEAD~1 when that is HEAD itself or absent. */
export async function defaultBase(cwd: string, head: string): Promise<string> {
  const branch = await defaultBranch(cwd);
  const headSha = await tryGit(cwd, ["rev-parse", "--verify", `${head}^{commit}`]);
  if (branch) {
    const base = await tryGit(cwd, ["merge-base", branch, head]);
    if (base && base !== headSha) return base;
  }
  const parent = await tryGit(cwd, ["rev-parse", "--verify", "--quiet", `${head}~1^{commit}`]);
  if (!parent) throw new Error(`${head} has no parent commit to compare with; pass --base`);
  return parent;
}

/** The diff between two revisions, as git writes it (a 100 MB diff is read as it comes, never held whole). */
export function diffChunks(cwd: string, base: string, head: string): AsyncIterable<Uint8Array> {
  return gitChunks(cwd, ["diff", "--no-color", "--no-ext-diff", "--find-renames", base, head, "--"]);
}

/**
 * The blobs at `rev` for these paths, in one `git cat-file --batch` call; missing paths are left out.
 */
export async function readBlobs(cwd: string, rev: string, paths: string[]): Promise<Array<{ path: string; text: string }>> {
  if (paths.length === 0) return [];
  const output = await gitBytes(cwd, ["cat-file", "--batch"], paths.map((p) => `${rev}:${p}`).join("\n") + "\n");
  const found: Array<{ path: string; text: string }> = [];
  let offset = 0;
  for (const path of paths) {
    const headerEnd = output.indexOf(10, offset);
    if (headerEnd === -1) break;
    const header = output.subarray(offset, headerEnd).toString("utf8");
    offset = headerEnd + 1;
    if (header.endsWith(" missing") || header.endsWith(" ambiguous")) continue;
    const size = Number(header.split(" ")[2]);
    found.push({ path, text: output.subarray(offset, offset + size).toString("utf8") });
    offset += size + 1;
  }
  return found;
}
