import type { Hunk } from "./changed-file.js";

type Change = Hunk["changes"][number];

const HUNK_HEADER = /^@@\s+-(\d+),?(\d+)?\s+\+(\d+),?(\d+)?\s@@/;
/** Header lines that make parse-diff start another file (once the current one has hunks). */
const FILE_HEADER = /^(?:new file mode \d+|deleted file mode \d+|old mode \d+|new mode \d+|index\s[\da-zA-Z]+\.\.[\da-zA-Z]+(?:\s\d+)?)$|^(?:---|\+\+\+)\s/;
const NO_NEWLINE = "\\ No newline at end of file";
const count = (text: string | undefined) => (text ? Number(text) : 1);

/**
 * The hunks of one file's patch (GitHub's `patch`, or a section of git's diff from its first `@@`), exactly as
 * parse-diff reads them (its `[0].chunks`: the same changes, line numbers and quirks, such as the extra change it
 * makes of a "\ No newline" line), in one pass without its per-line regular expressions: the python3 pack reads
 * every changed line, and parse-diff was a tenth of its time.
 */
export function parseHunks(patch: string): Hunk[] {
  if (!patch || /^\s+$/.test(patch)) return [];
  const hunks: Hunk[] = [];
  let hunk: Hunk | undefined;
  let fileStarted = false;
  let oldLine = 0;
  let newLine = 0;
  // Lines still expected by the current hunk's header; when both reach 0, lines are headers again.
  let oldLeft = 0;
  let newLeft = 0;
  let inHunk = false;
  let start = 0;
  const length = patch.length;
  while (start <= length) {
    let end = patch.indexOf("\n", start);
    if (end === -1) end = length;
    const line = patch.slice(start, end);
    start = end + 1;
    if (inHunk) {
      const first = line.charCodeAt(0);
      const changes = hunk!.changes;
      if (first === 92 /* \ */ && line === NO_NEWLINE) {
        const last = changes[changes.length - 1];
        if (last) changes.push(repeatOf(last, line));
      } else if (first === 45 /* - */) {
        changes.push({ type: "del", del: true, ln: oldLine++, content: line });
        oldLeft--;
      } else if (first === 43 /* + */) {
        changes.push({ type: "add", add: true, ln: newLine++, content: line });
        newLeft--;
      } else {
        changes.push({ type: "normal", normal: true, ln1: oldLine++, ln2: newLine++, content: line });
        oldLeft--;
        newLeft--;
      }
      if (oldLeft === 0 && newLeft === 0) inHunk = false;
      continue;
    }
    if (/^diff\s/.test(line)) {
      if (fileStarted) break; // another file: parse-diff's first file ends here
      fileStarted = true;
    } else if (FILE_HEADER.test(line)) {
      if (fileStarted && hunks.length) break;
      fileStarted = true;
    } else {
      const header = HUNK_HEADER.exec(line);
      if (header) {
        fileStarted = true;
        oldLine = Number(header[1]);
        newLine = Number(header[3]);
        oldLeft = count(header[2]);
        newLeft = count(header[4]);
        hunk = { content: line, changes: [], oldStart: oldLine, oldLines: oldLeft, newStart: newLine, newLines: newLeft };
        hunks.push(hunk);
        inHunk = true;
      } else if (line === NO_NEWLINE && hunk) {
        const last = hunk.changes[hunk.changes.length - 1];
        if (last) hunk.changes.push(repeatOf(last, line));
      }
    }
  }
  return hunks;
}

/** parse-diff records "\ No newline at end of file" as another change of the type before it. */
function repeatOf(last: Change, content: string): Change {
  const change = last as Change & { ln?: number; ln1?: number; ln2?: number };
  return { type: change.type, [change.type]: true, ln1: change.ln1, ln2: change.ln2, ln: change.ln, content } as unknown as Change;
}
