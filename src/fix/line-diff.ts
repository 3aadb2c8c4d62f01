/**
 * A line diff for fixes, in linear time. A fixed file keeps its lines in order and changes most of them in place, so
 * the lines are walked side by side; where they differ, the nearest point where both sides agree again (within a few
 * lines) ends the change. Myers' diff (jsdiff) takes time in proportion to the file times the lines
 * changed: a file whose every line is a print statement would take minutes. The result is always a correct diff; it
 * is minimal for changes within a line and for lines inserted or removed in small groups, which is what fixes make.
 */

/** One hunk, as jsdiff's structuredPatch gives it: 1-based starts (for an empty side, the line after the gap). */
export interface LineHunk {
  oldStart: number;
  oldLines: number;
  newStart: number;
  newLines: number;
  /** ` `, `-` or `+` and the line, without its newline; `\ No newline at end of file` after a line that has none. */
  lines: string[];
}

/** How far ahead a change may look for the point where both sides agree again. */
const WINDOW = 8;

/** The lines of a text, each with its newline (the last may have none). */
const linesOf = (text: string): string[] => text.match(/[^\n]*\n|[^\n]+$/g) ?? [];

type Op = { kind: " " | "-" | "+"; line: string; old: number; new: number };

export function lineHunks(before: string, after: string, context: number): LineHunk[] {
  const a = linesOf(before);
  const b = linesOf(after);
  // Both sides agree at (x, y): the end of both, or an equal line that says something (a blank line or a bracket
  // agrees only with the next line equal as well: such lines are everywhere).
  const agree = (x: number, y: number) =>
    (x === a.length && y === b.length) || (x < a.length && y < b.length && a[x] === b[y] && (a[x]!.trim().length > 3 || x + 1 >= a.length || y + 1 >= b.length || a[x + 1] === b[y + 1]));
  const ops: Op[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      ops.push({ kind: " ", line: a[i]!, old: i++, new: j++ });
      continue;
    }
    let skipA = 1;
    let skipB = 1; // when nothing agrees within the window: one line replaced by one
    // One line inserted or removed (an import, an unpacking line) comes first; then a line changed in place (what
    // most fixes make: the next lines agree); then the nearest agreement within the window.
    const inserted = j + 1 <= b.length && agree(i, j + 1);
    const removed = !inserted && i + 1 <= a.length && agree(i + 1, j);
    const inPlace = !inserted && !removed && i + 1 <= a.length && j + 1 <= b.length && (a[i + 1] === b[j + 1] || (i + 1 === a.length && j + 1 === b.length));
    if (inserted || removed) {
      skipA = removed ? 1 : 0;
      skipB = inserted ? 1 : 0;
    }
    search: for (let k = 2; k <= WINDOW && !inPlace && !inserted && !removed; k++) {
      for (let x = 0; x <= k; x++) {
        if (i + x <= a.length && j + k - x <= b.length && agree(i + x, j + k - x)) {
          skipA = x;
          skipB = k - x;
          break search;
        }
      }
    }
    skipA = Math.min(skipA, a.length - i);
    skipB = Math.min(skipB, b.length - j);
    for (let n = 0; n < skipA; n++) ops.push({ kind: "-", line: a[i]!, old: i++, new: j });
    for (let n = 0; n < skipB; n++) ops.push({ kind: "+", line: b[j]!, old: i, new: j++ });
  }
  // Hunks: the changes with `context` lines around them, changes closer than twice that joined.
  const hunks: LineHunk[] = [];
  let k = 0;
  while (k < ops.length) {
    if (ops[k]!.kind === " ") {
      k++;
      continue;
    }
    let start = k;
    for (let c = 0; c < context && start > 0 && ops[start - 1]!.kind === " "; c++) start--;
    let end = k; // one past the last op of the hunk
    for (;;) {
      while (end < ops.length && ops[end]!.kind !== " ") end++;
      let gap = 0;
      while (end + gap < ops.length && ops[end + gap]!.kind === " ") gap++;
      if (end + gap < ops.length && gap <= 2 * context) end += gap;
      else {
        end += Math.min(gap, context);
        break;
      }
    }
    const slice = ops.slice(start, end);
    const oldLines = slice.filter((o) => o.kind !== "+").length;
    const newLines = slice.filter((o) => o.kind !== "-").length;
    const lines: string[] = [];
    for (const op of slice) {
      lines.push(op.kind + op.line.replace(/\n$/, ""));
      if (!op.line.endsWith("\n")) lines.push("\\ No newline at end of file");
    }
    hunks.push({ oldStart: slice[0]!.old + 1, oldLines, newStart: slice[0]!.new + 1, newLines, lines });
    k = end;
  }
  return hunks;
}

/** A unified diff of two versions of a file (`--- a/path`, `+++ b/path`), as `git apply` and `patch` read it. */
export function unifiedDiff(oldName: string, newName: string, before: string, after: string, context = 3): string {
  const hunks = lineHunks(before, after, context);
  if (!hunks.length) return "";
  const range = (start: number, count: number) => `${count === 0 ? start - 1 : start},${count}`;
  return [`--- ${oldName}`, `+++ ${newName}`, ...hunks.flatMap((h) => [`@@ -${range(h.oldStart, h.oldLines)} +${range(h.newStart, h.newLines)} @@`, ...h.lines])].join("\n") + "\n";
}
