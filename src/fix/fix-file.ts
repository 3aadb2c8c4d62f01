import { readFileSync } from "node:fs";
import { join } from "node:path";
import { unifiedDiff } from "./line-diff.js";
import { fixPython } from "./python3-fixes.js";
import type { FixTarget } from "./targets.js";

/** One file to fix: its path in the tree (as diffs and summaries name it) and the tree's folder. */
export interface FixJob {
  path: string;
  root: string;
}

export interface FixOptions {
  /** The rules to apply; all of the target's when absent. */
  rules?: string[];
  target: FixTarget;
}

/** What fixing one file made: nothing (`text` absent), or the fixed text, its unified diff and what was fixed. */
export interface FixOutcome {
  path: string;
  /** The fixed text, when it differs from the file's. */
  text?: string;
  diff?: string;
  /** Fixes made, by rule. */
  fixed: Record<string, number>;
  /** Rules not fixed because the result would not parse. */
  refused: string[];
}

/** Reads and fixes one file (no write: the caller decides, after choosing a batch). */
export async function fixFile(job: FixJob, options: FixOptions): Promise<FixOutcome> {
  let text: string;
  try {
    text = readFileSync(join(job.root, job.path), "utf8"); // on a thread of its own: waiting costs nothing, a promise does
  } catch {
    return { path: job.path, fixed: {}, refused: [] }; // a file listed by git but gone from the work tree
  }
  const result = fixPython(text, options.rules ? new Set(options.rules) : undefined, options.target);
  const fixed: Record<string, number> = {};
  for (const fix of result.fixed) fixed[fix.rule] = (fixed[fix.rule] ?? 0) + 1;
  if (result.text === text) return { path: job.path, fixed, refused: result.refused };
  const diff = unifiedDiff(`a/${job.path}`, `b/${job.path}`, text, result.text);
  return { path: job.path, text: result.text, diff, fixed, refused: result.refused };
}
