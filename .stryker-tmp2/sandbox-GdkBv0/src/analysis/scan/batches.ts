/** A group of files to migrate together in one pull request. */
// @ts-nocheck

export interface Batch {
  paths: string[];
  constructs: number;
}

/** A construct is fixed by changing its line: one line removed and one added, as the size check counts them. */
export const LINES_PER_CONSTRUCT = 2;

/**
 * Files with old constructs grouped into batches whose fix stays within `maxLines` counted lines, easiest first
 * (fewest constructs, then path). A file that is bigger than that alone is a batch of its own.
 */
export function batchesOf(files: ReadonlyArray<{ path: string; count: number }>, maxLines: number): Batch[] {
  const sorted = [...files].filter((f) => f.count > 0).sort((a, b) => a.count - b.count || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
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
