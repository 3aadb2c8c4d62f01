import { readHunks, type ChangedFile } from "./changed-file.js";

/**
 * Changed lines a reviewer reads at a glance: blocks moved unchanged (removed in one place and added in another, within
 * a file or between files of the change, as `git diff --color-moved` finds them) and lines whose change is whitespace
 * alone. Found from the files' hunks, in time linear in their lines.
 */

/** The fewest lines, and letters or digits, a moved block has (git's own bounds: fewer is a coincidence). */
export const MOVED_MIN_LINES = 3;
const MOVED_MIN_ALNUM = 20;
/** The most changed lines read for moved and whitespace-only lines: past it, files count as they are (bounded work). */
export const QUIET_MAX_LINES = 200_000;

/** Extensions and names of languages where indentation is code: re-indenting there changes the program. */
const INDENTATION_IS_CODE = /(?:\.(?:py|pyi|pyw|pyx|pxd|yml|yaml|coffee|sass|styl|haml|slim|pug|jade|nim|hs|lhs|elm|purs|fs|fsi|fsx|rst)|(?:^|\/)(?:GNUmakefile|[Mm]akefile|[^/]*\.mk))$/;
export const indentationIsCode = (path: string): boolean => INDENTATION_IS_CODE.test(path);

/** Of one file: changed lines in moved blocks and in whitespace-only changes (those not moved), added and deleted apart. */
export interface QuietLines {
  moved: { additions: number; deletions: number };
  whitespace: { additions: number; deletions: number };
}

interface Run {
  path: string;
  lines: string[];
  /** Which of the lines a moved block took already. */
  used: boolean[];
}

const text = (content: string) => content.slice(1).trimEnd();
const alnum = (lines: readonly string[], from: number, count: number) => {
  let n = 0;
  for (let i = from; i < from + count && n < MOVED_MIN_ALNUM; i++) n += lines[i]!.replace(/[^0-9A-Za-z]/g, "").length;
  return n;
};

/** The changes of each file as runs of removed lines and of added lines, in the order of the hunks. */
function runsOf(files: readonly ChangedFile[]): { removed: Run[]; added: Run[]; blocks: Array<{ path: string; removed: Run; added: Run }> } {
  const removed: Run[] = [];
  const added: Run[] = [];
  const blocks: Array<{ path: string; removed: Run; added: Run }> = [];
  let budget = QUIET_MAX_LINES;
  for (const file of files) {
    budget -= file.additions + file.deletions;
    if (budget < 0) break;
    for (const hunk of readHunks(file)) {
      let del: Run | undefined;
      let add: Run | undefined;
      const close = () => {
        if (del && add) blocks.push({ path: file.path, removed: del, added: add });
        del = add = undefined;
      };
      for (const change of hunk.changes) {
        if (change.type === "del") {
          if (add) close();
          if (!del) removed.push((del = { path: file.path, lines: [], used: [] }));
          del.lines.push(text(change.content));
          del.used.push(false);
        } else if (change.type === "add") {
          if (!add) added.push((add = { path: file.path, lines: [], used: [] }));
          add.lines.push(text(change.content));
          add.used.push(false);
        } else close();
      }
      close();
    }
  }
  return { removed, added, blocks };
}

/**
 * The quiet lines of each file of `files` (only files with hunks are read; a file with none has none). A moved block
 * is a run of at least MOVED_MIN_LINES added lines found, in the same order and otherwise unchanged (trailing spaces
 * aside), among the removed lines; whitespace-only changes pair the n-th removed line of a change with its n-th added
 * line when they differ in whitespace alone.
 */
export function quietLines(files: readonly ChangedFile[]): Map<string, QuietLines> {
  const { removed, added, blocks } = runsOf(files);
  // A moved block starts only where a removed line is added too: most changes have none, and are indexed no further.
  const addedLines = new Set<string>();
  for (const run of added) for (const line of run.lines) addedLines.add(line);
  const result = new Map<string, QuietLines>();
  const of = (path: string) => {
    let known = result.get(path);
    if (!known) result.set(path, (known = { moved: { additions: 0, deletions: 0 }, whitespace: { additions: 0, deletions: 0 } }));
    return known;
  };
  // Every place a removed run has MOVED_MIN_LINES lines in a row, by their text; each taken in turn (a pointer per key
  // skips the places already used, so that a file of identical lines stays linear).
  const places = new Map<string, Array<{ run: Run; at: number }>>();
  const next = new Map<string, number>();
  const key = (lines: readonly string[], at: number) => `${lines[at]}\n${lines[at + 1]}\n${lines[at + 2]}`;
  const removedLines = new Set<string>();
  for (const run of removed) for (let at = 0; at + MOVED_MIN_LINES <= run.lines.length; at++) {
    if (!addedLines.has(run.lines[at]!) || !addedLines.has(run.lines[at + 1]!) || !addedLines.has(run.lines[at + 2]!)) continue;
    removedLines.add(run.lines[at]!);
    const k = key(run.lines, at);
    const list = places.get(k);
    if (list) list.push({ run, at });
    else places.set(k, [{ run, at }]);
  }
  for (const run of added) {
    for (let i = 0; i + MOVED_MIN_LINES <= run.lines.length; ) {
      const list = removedLines.has(run.lines[i]!) ? places.get(key(run.lines, i)) : undefined;
      if (!list) {
        i++;
        continue;
      }
      const k = key(run.lines, i);
      let p = next.get(k) ?? 0;
      while (list && p < list.length && list[p]!.run.used[list[p]!.at]) p++;
      next.set(k, p);
      const place = list?.[p];
      if (!place || alnum(run.lines, i, MOVED_MIN_LINES) < MOVED_MIN_ALNUM) {
        i++;
        continue;
      }
      let length = MOVED_MIN_LINES;
      while (i + length < run.lines.length && place.at + length < place.run.lines.length && !place.run.used[place.at + length] && run.lines[i + length] === place.run.lines[place.at + length]) length++;
      for (let j = 0; j < length; j++) {
        run.used[i + j] = true;
        place.run.used[place.at + j] = true;
      }
      of(run.path).moved.additions += length;
      of(place.run.path).moved.deletions += length;
      i += length;
    }
  }
  for (const block of blocks) {
    const pairs = Math.min(block.removed.lines.length, block.added.lines.length);
    for (let j = 0; j < pairs; j++) {
      if (block.removed.used[j] || block.added.used[j]) continue;
      const [before, after] = [block.removed.lines[j]!, block.added.lines[j]!];
      if (!sameButWhitespace(before, after)) continue;
      of(block.path).whitespace.additions++;
      of(block.path).whitespace.deletions++;
    }
  }
  return result;
}

const isSpace = (code: number) => code === 32 || (code >= 9 && code <= 13);

/** Whether two lines differ in whitespace alone: compared with their whitespace skipped, stopping at the first
 * difference (most changed lines differ early). */
function sameButWhitespace(a: string, b: string): boolean {
  let i = 0;
  let j = 0;
  for (;;) {
    while (i < a.length && isSpace(a.charCodeAt(i))) i++;
    while (j < b.length && isSpace(b.charCodeAt(j))) j++;
    if (i === a.length || j === b.length) return i === a.length && j === b.length;
    if (a.charCodeAt(i++) !== b.charCodeAt(j++)) return false;
  }
}
