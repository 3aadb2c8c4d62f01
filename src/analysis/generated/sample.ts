import type { ChangedFile } from "../changed-file.js";
import type { PatchSummary } from "../diff-reader.js";
import { SAMPLE_LINES, type FileSample } from "./markers.js";

/** The first lines and the last two (the last is "" after a final newline, as Linguist splits) of a file's text. */
export function sampleOfText(text: string): FileSample {
  const first: string[] = [];
  let start = 0;
  while (first.length < SAMPLE_LINES && start <= text.length) {
    let end = text.indexOf("\n", start);
    if (end === -1) end = text.length;
    first.push(text.slice(start, end).replace(/\r$/, ""));
    start = end + 1;
  }
  const lastBreak = text.lastIndexOf("\n");
  if (lastBreak === -1) return { first, last: [text], averageLength: text.length };
  const before = text.lastIndexOf("\n", lastBreak - 1);
  return { first, last: [text.slice(before + 1, lastBreak).replace(/\r$/, ""), text.slice(lastBreak + 1)], averageLength: averageOf(text) };
}

/** Linguist's average line length of a whole text: its characters but the line breaks, over its lines ("" after a final one). */
function averageOf(text: string): number {
  let breaks = 0;
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) breaks++;
  return (text.length - breaks) / (breaks + 1);
}

/**
 * What a patch shows of the head's text: its first lines when the first hunk starts at line 1, and, for a file the
 * patch adds whole, its last lines too. Undefined when the patch shows nothing of the file's start.
 */
export function sampleOfPatch(patch: string, wholeFile: boolean): FileSample | undefined {
  // Stryker disable next-line Regex: a patch starts with its first hunk's header, the first the pattern finds either way
  const header = /^@@ \S+ \+(\d+)/.exec(patch);
  if (!header || Number(header[1]) > 1) return undefined;
  const first: string[] = [];
  let start = patch.indexOf("\n") + 1; // 0 without a line after the header: the loop then stops at its "@"
  // Stryker disable next-line EqualityOperator: at the end, charCodeAt is NaN (no line kind) and the next start is past it
  while (start < patch.length && first.length < SAMPLE_LINES) {
    let end = patch.indexOf("\n", start);
    if (end === -1) end = patch.length;
    const kind = patch.charCodeAt(start);
    if (kind === 64 /* @ */) break; // a later hunk: no longer the file's consecutive first lines
    if (kind === 32 /* space */ || kind === 43 /* + */) first.push(patch.slice(start + 1, end).replace(/\r$/, ""));
    start = end + 1;
  }
  // The whole file's average line length is left to the text when it is read: a patch gives its first lines' (the
  // streaming reader, which keeps only a summary of a patch, must give the same sample).
  return wholeFile ? { first, last: lastLinesOfAddedPatch(patch) } : { first };
}

/** An added file's patch is one hunk of `+` lines: its last two, read from the end (Linguist's split, "" after a newline). */
export function lastLinesOfAddedPatch(patch: string): string[] {
  const lines: string[] = [];
  let end = patch.endsWith("\n") ? patch.length - 1 : patch.length;
  // Stryker disable next-line ConditionalExpression,EqualityOperator,LogicalOperator: reading more lines than three keeps the same last ones
  while (lines.length < 3 && end > 0) {
    const start = patch.lastIndexOf("\n", end - 1) + 1;
    lines.unshift(patch.slice(start, end));
    end = start - 1;
  }
  const noFinalNewline = lines.length > 0 && lines[lines.length - 1].startsWith("\\");
  const added = lines.filter((l) => l.startsWith("+")).map((l) => l.slice(1).replace(/\r$/, ""));
  return noFinalNewline ? added : [added[added.length - 1] ?? "", ""];
}

/** The head sample of a file the diff reader summarised, as `sampleOfPatch` gives it from the whole patch. */
export function sampleOfSummary(summary: PatchSummary, wholeFile: boolean): FileSample | undefined {
  const sample = sampleOfPatch(summary.head, false);
  if (!sample || !wholeFile) return sample;
  return { first: sample.first, last: lastLinesOfAddedPatch(`${summary.tail}\n`) };
}

/**
 * What is known of a changed file's head text: the whole text when it was read (the app's state query, git on the
 * command line), else what its patch shows. Removed and binary files have none.
 */
export function headSample(file: ChangedFile, headTexts?: ReadonlyMap<string, string>): FileSample | undefined {
  if (file.status === "removed" || file.binary) return undefined;
  const text = headTexts?.get(file.path);
  if (text !== undefined) return sampleOfText(text);
  if (file.patch !== undefined) return sampleOfPatch(file.patch, file.status === "added");
  if (file.summary !== undefined) return sampleOfSummary(file.summary, file.status === "added");
  const hunk = file.hunks?.[0];
  if (!hunk || hunk.newStart > 1) return undefined;
  const first = hunk.changes.filter((c) => c.type !== "del").slice(0, SAMPLE_LINES).map((c) => c.content.slice(1));
  return { first };
}
