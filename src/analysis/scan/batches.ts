import { comparePaths } from "../path-order.js";

/** A group of files to migrate together in one pull request. */
export interface Batch {
  paths: string[];
  constructs: number;
}

/** A construct is fixed by changing its line: one line removed and one added, as the size check counts them. */
export const LINES_PER_CONSTRUCT = 2;

/** Files by their paths (`comparePaths`). */
export const byPath = (a: { path: string }, b: { path: string }): number => comparePaths(a.path, b.path);

/**
 * Files with old constructs grouped into batches whose fix stays within `maxLines` counted lines, easiest first
 * (fewest constructs, then path). A file that is bigger than that alone is a batch of its own.
 */
export function batchesOf(files: ReadonlyArray<{ path: string; count: number }>, maxLines: number): Batch[] {
  const sorted = [...files].filter((f) => f.count > 0).sort((a, b) => a.count - b.count || byPath(a, b));
  const batches: Batch[] = [];
  let current: Batch | undefined;
  for (const file of sorted) {
    if (!current || (current.constructs + file.count) * LINES_PER_CONSTRUCT > maxLines) {
      current = { paths: [], constructs: 0 };
      batches.push(current);
    }
    current.paths.push(file.path);
    current.constructs += file.count;
  }
  return batches;
}
