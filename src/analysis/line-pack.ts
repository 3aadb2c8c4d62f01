import type { ChangedFile, Hunk } from "./changed-file.js";

/**
 * The longest line a pack judges, in characters. Longer lines (data, minified or generated code, or a line written to
 * stall the app) are counted but not judged, and the report names their files: every rule's work per line is then
 * bounded, whatever a diff holds.
 */
export const MAX_JUDGED_LINE = 1000;

/** How one changed line relates to a migration. */
export type LineClass = "migration" | "regression" | "other";

export interface LineVerdict {
  lineClass: LineClass;
  /** The rule behind a regression, or behind the old construct a removed line takes away. */
  rule?: { id: string; message: string };
  /** A removed line that takes an old construct away (what `migrated` counts). */
  removesOldConstruct?: boolean;
}

/** The whole versions of a changed file, where they were read: the head for added lines, the base for removed ones. */
export interface WholeFile {
  head?: string;
  base?: string;
  /** Functions and methods the change defines in any of its files (`def next(self)`): calls of them are the change's own. */
  changeMethods?: () => ReadonlySet<string>;
}

/**
 * A migration pack: which files it reads and how it classifies their changed lines. `classify` returns, for each
 * hunk, one verdict per change of that hunk (undefined for context lines).
 */
export interface LinePack {
  name: string;
  /** Whether the pack judges lines better with the whole file in view (so the I/O edge reads it). */
  wantsWholeFiles?: boolean;
  appliesTo(path: string): boolean;
  classify(file: ChangedFile, hunks: Hunk[], whole?: WholeFile): Array<Array<LineVerdict | undefined>>;
  /** The old constructs still in a whole file: the lines that would be regressions if the file were added now. */
  scan(text: string): RemainingConstruct[];
}

export interface RemainingConstruct {
  /** 1-based line. */
  line: number;
  rule: string;
}

/** One side of a hunk as the lines a reader of that version sees, with the index of each change in it (-1 where it is not on that side). */
export function sideOfHunk(hunk: Hunk, side: "old" | "new"): { lines: string[]; index: Int32Array } {
  const other = side === "new" ? "del" : "add";
  const changes = hunk.changes;
  const index = new Int32Array(changes.length);
  const lines: string[] = [];
  for (let c = 0; c < changes.length; c++) {
    if (changes[c].type === other) index[c] = -1;
    else {
      index[c] = lines.length;
      lines.push(changes[c].content.slice(1));
    }
  }
  return { lines, index };
}

/** A run of removals then additions in a hunk, by change index: the i-th addition takes the place of the i-th removal. */
export interface ChangeBlock {
  dels: number[];
  adds: number[];
}

/**
 * Each run of removals then additions in a hunk, as change indices: removals from `start` to `mid`, additions from
 * `mid` to `end` (ends excluded). No arrays are made: the passes over every changed line call this.
 */
export function forEachChangeBlock(hunk: Hunk, block: (start: number, mid: number, end: number) => void): void {
  const changes = hunk.changes;
  let c = 0;
  while (c < changes.length) {
    if (changes[c].type === "normal") {
      c++;
      continue;
    }
    const start = c;
    while (c < changes.length && changes[c].type === "del") c++;
    const mid = c;
    while (c < changes.length && changes[c].type === "add") c++;
    block(start, mid, c);
  }
}

const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);

/** The blocks as lists of indices (for readers that want them whole). */
export function changeBlocks(hunk: Hunk): ChangeBlock[] {
  const blocks: ChangeBlock[] = [];
  forEachChangeBlock(hunk, (start, mid, end) => blocks.push({ dels: range(start, mid), adds: range(mid, end) }));
  return blocks;
}
