import { spawn } from "node:child_process";
import { closeSync, openSync, readSync } from "node:fs";
import { fromParsedDiff, type ChangedFile } from "../analysis/changed-file.js";
import { manifestKind } from "../analysis/dependencies/manifests.js";
import { matchPathRule } from "../analysis/generated/path-rules.js";
import { DiffReader } from "../analysis/diff-reader.js";
import type { ConfigResult } from "../policy/config.js";
import { packsFor } from "../engine.js";

/**
 * Chunks of 32 KB: their text stays in V8's young generation (under its 128 KB large-object size), which is collected
 * almost for free; 1 MB chunks made the first pass over a 107 MB diff about twice as slow (`npm run bench`).
 */
const CHUNK_BYTES = 32 * 1024;

/**
 * Which files' hunks the command line needs: those a migration pack of the config reads, and dependency manifests.
 * Of the rest (vendored JavaScript, lock files) the reader keeps counts and a sample. With no valid config, all.
 */
export function patchesNeeded(config: ConfigResult): ((path: string) => boolean) | undefined {
  if (!config.ok) return undefined;
  const packs = packsFor(config.config);
  return (path) => manifestKind(path) !== undefined || packs.some((pack) => pack.appliesTo(path));
}

/**
 * Which other files' hunks are welcome: where moved blocks and whitespace-only changes count less, those of every file
 * the built-in rules do not leave out (within the reader's bound), so that the command line counts as the app does.
 */
export function patchesWelcome(config: ConfigResult): ((path: string) => boolean) | undefined {
  if (!config.ok || (config.config.weights.moved === 1 && config.config.weights.whitespace === 1)) return undefined;
  return (path) => !matchPathRule(path) || "count" in matchPathRule(path)!.rule.outcome;
}

/** Reads a diff as it arrives; a diff with no git section (`diff -u`) is parsed whole by parse-diff. */
export async function readDiffChunks(chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>, keepPatch?: (path: string) => boolean, keepOptional?: (path: string) => boolean): Promise<ChangedFile[]> {
  const reader = new DiffReader({ keepPatch, keepOptional });
  for await (const chunk of chunks) reader.push(chunk);
  return reader.end() ?? fromParsedDiff(reader.text());
}

/** A file, read in chunks synchronously: the command line has nothing else to do meanwhile, and waits on no event loop. */
export function* fileChunks(path: string): Iterable<Uint8Array> {
  const fd = openSync(path, "r");
  // One buffer for every chunk: the reader copies what it reads before asking for the next.
  const chunk = Buffer.allocUnsafe(CHUNK_BYTES);
  try {
    for (;;) {
      const read = readSync(fd, chunk, 0, CHUNK_BYTES, null);
      if (read === 0) return;
      yield chunk.subarray(0, read);
    }
  } finally {
    closeSync(fd);
  }
}

/** Standard output of `git args` in `cwd`, as it comes; a failing git throws with its message once its output is read. */
export async function* gitChunks(cwd: string, args: string[]): AsyncIterable<Uint8Array> {
  const child = spawn("git", args, { cwd, stdio: ["ignore", "pipe", "pipe"] });
  const stderr: Buffer[] = [];
  child.stderr.on("data", (chunk: Buffer) => stderr.push(chunk));
  const exit = new Promise<{ code: number | null; error?: Error }>((resolve) => {
    child.on("error", (error) => resolve({ code: null, error }));
    child.on("close", (code) => resolve({ code }));
  });
  yield* child.stdout;
  const { code, error } = await exit;
  if (error || code !== 0) throw new Error(`git ${args[0]} failed: ${Buffer.concat(stderr).toString("utf8").trim() || error?.message || `exit ${code}`}`);
}
