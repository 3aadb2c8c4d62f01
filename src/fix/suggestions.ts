import { createHash } from "node:crypto";
import { readHunks, type ChangedFile } from "../analysis/changed-file.js";
import type { Regression } from "../analysis/migration.js";
import { MAX_PARSED_BYTES, parsePython } from "../analysis/python/tree/parser.js";
import { lineHunks } from "./line-diff.js";
import { errorCount } from "./fixer.js";
import { fixersFor, fixPython, type FixTarget } from "./python3-fixes.js";

/**
 * Suggested changes for the regressions a pull request adds: each a range of added lines in the pull request's version
 * of a file and the text that fixes them, computed on the whole file's syntax tree with the rules that flagged them.
 */
export interface Suggestion {
  path: string;
  /** 1-based, in the pull request's version of the file; equal for a one-line suggestion. */
  startLine: number;
  endLine: number;
  /** The lines that replace startLine..endLine, joined by "\n" (no final newline). */
  replacement: string;
  rules: string[];
  /** Of the path, the lines replaced and their replacement: the same fix has the same one after lines move. */
  fingerprint: string;
}

export interface SuggestionPlan {
  suggestions: Suggestion[];
  /** Regressions no suggestion covers: no mechanical fix, or one reaching lines the pull request did not add. */
  unfixed: Regression[];
  /** Files with regressions whose whole text was not available (too large, or not read): no suggestion computed. */
  unread: string[];
}

/** Files with regressions considered per event, so that the work stays bounded whatever a pull request holds. */
export const MAX_FILES = 50;
/** Parses spent per event on checking that each line of a block can be applied alone. */
const MAX_CHECK_PARSES = 200;

/** The pull request's version of an added file, from its patch (only when the patch holds every line). */
function addedFileText(file: ChangedFile): string | undefined {
  if (file.status !== "added") return undefined;
  const lines: string[] = [];
  for (const hunk of readHunks(file)) for (const change of hunk.changes) if (change.type === "add") lines.push(change.content.slice(1));
  if (lines.length !== file.additions || !lines.length) return undefined;
  return `${lines.join("\n")}\n`;
}

/** The lines of the pull request's version that its patch adds. */
function addedLines(file: ChangedFile): Set<number> {
  const lines = new Set<number>();
  for (const hunk of readHunks(file)) for (const change of hunk.changes) if (change.type === "add") lines.add(change.ln);
  return lines;
}

const fingerprintOf = (path: string, original: string[], replacement: string) => createHash("sha256").update(`${path}\0${original.join("\n")}\0${replacement}`).digest("hex").slice(0, 16);

/** A line the imports step writes. */
const IMPORT_LINE = /^(?:from __future__ import |import six$|from six\.moves import )/;

/**
 * Lines inserted after line `after` (0: at the top), as a suggestion on an added neighbour: the line above followed by
 * them, or them followed by the line below.
 */
function importBlock(after: number, inserted: string[], lines: readonly string[], added: ReadonlySet<number>): Block | undefined {
  if (after >= 1 && added.has(after)) return { startLine: after, original: [lines[after - 1]!], replaced: [lines[after - 1]!, ...inserted] };
  if (added.has(after + 1) && after + 1 <= lines.length) return { startLine: after + 1, original: [lines[after]!], replaced: [...inserted, lines[after]!] };
  return undefined;
}

interface Block {
  startLine: number;
  original: string[];
  replaced: string[];
}

/**
 * A block of changed lines as reviewers can apply it: a part per regression (print "x" above d.iteritems() are two
 * suggestions, a statement over two lines one), where each part applied alone leaves the file parsing as well as
 * before; otherwise the block whole.
 */
function splitBlock(block: Block, flagged: ReadonlyMap<number, Regression[]>, text: string, budget: { parses: number }): Block[] {
  if (block.original.length !== block.replaced.length || block.original.length === 1) return [block];
  // A part starts at each line with a regression of its own; a changed line without one belongs to the part above
  // (the continuation of a statement).
  const parts: Block[] = [];
  for (let i = 0; i < block.original.length; i++) {
    const line = block.startLine + i;
    const current = parts.at(-1);
    if (flagged.has(line) || !current) parts.push({ startLine: line, original: [block.original[i]!], replaced: [block.replaced[i]!] });
    else {
      current.original.push(block.original[i]!);
      current.replaced.push(block.replaced[i]!);
    }
  }
  if (parts.length === 1) return parts;
  // Each part is checked with a parse of the whole file: past the budget, blocks stay whole (bounded work).
  if (parts.length + 1 > budget.parses) return [block];
  budget.parses -= parts.length + 1;
  const lines = text.split("\n");
  const baseline = errorsIn(text);
  for (const part of parts) {
    const alone = [...lines];
    alone.splice(part.startLine - 1, part.original.length, ...part.replaced);
    if (errorsIn(alone.join("\n")) > baseline) return [block];
  }
  return parts;
}

/** How badly a text fails to parse (see errorCount); beyond the parser's bound, as badly as can be. */
function errorsIn(text: string): number {
  const tree = parsePython(text);
  if (!tree) return Infinity;
  try {
    return errorCount(tree);
  } finally {
    tree.delete();
  }
}

/**
 * The suggestions that fix `regressions`, file by file: the file's text (`headTexts`, or an added file's patch) fixed by
 * the rules that flagged its lines; each changed block of lines that covers a regression and lies wholly on added lines
 * becomes one suggestion.
 */
export function planSuggestions(regressions: readonly Regression[], files: readonly ChangedFile[], headTexts?: ReadonlyMap<string, string>, target: FixTarget = "compatible"): SuggestionPlan {
  const fixers = fixersFor(target);
  const byPath = new Map<string, Regression[]>();
  for (const r of regressions) {
    const list = byPath.get(r.path);
    if (list) list.push(r);
    else byPath.set(r.path, [r]);
  }
  const suggestions: Suggestion[] = [];
  const unfixed: Regression[] = [];
  const unread: string[] = [];
  let considered = 0;
  const budget = { parses: MAX_CHECK_PARSES };
  for (const [path, found] of byPath) {
    const rules = new Set(found.map((r) => r.rule).filter((rule) => Object.hasOwn(fixers, rule)));
    if (!rules.size) {
      unfixed.push(...found);
      continue;
    }
    const file = files.find((f) => f.path === path);
    const text = file && (headTexts?.get(path) ?? addedFileText(file));
    if (!file || text === undefined || text.length > MAX_PARSED_BYTES || ++considered > MAX_FILES) {
      unread.push(path);
      unfixed.push(...found);
      continue;
    }
    const flagged = new Map<number, Regression[]>();
    for (const r of found) {
      const list = flagged.get(r.line);
      if (list) list.push(r);
      else flagged.set(r.line, [r]);
    }
    const fixed = fixPython(text, rules, target);
    const added = addedLines(file);
    const covered = new Set<Regression>();
    const patch = { hunks: lineHunks(text, fixed.text, 0) };
    const lines = text.split("\n");
    const imports: Suggestion[] = [];
    const before = suggestions.length;
    for (const hunk of patch.hunks) {
      const original = hunk.lines.filter((l) => l.startsWith("-")).map((l) => l.slice(1));
      const replaced = hunk.lines.filter((l) => l.startsWith("+")).map((l) => l.slice(1));
      if (replaced.some((l) => IMPORT_LINE.test(l)) && replaced.filter((l) => !original.includes(l)).every((l) => IMPORT_LINE.test(l))) {
        // The imports the fixes need (six, __future__): a suggestion of its own, hung on a neighbouring added line
        // when they are only inserted, and offered only beside the fixes that need them.
        const block = hunk.oldLines ? { startLine: hunk.oldStart, original, replaced } : importBlock(hunk.oldStart - 1, replaced, lines, added);
        if (block && block.original.every((_, i) => added.has(block.startLine + i))) {
          const replacement = block.replaced.join("\n");
          imports.push({ path, startLine: block.startLine, endLine: block.startLine + block.original.length - 1, replacement, rules: ["imports"], fingerprint: fingerprintOf(path, block.original, replacement) });
        }
        continue;
      }
      if (hunk.oldLines === 0) continue; // a line inserted alone: no line to hang the suggestion on
      const block = { startLine: hunk.oldStart, original, replaced };
      for (const part of splitBlock(block, flagged, text, budget)) {
        const endLine = part.startLine + part.original.length - 1;
        let onAdded = true;
        for (let line = part.startLine; line <= endLine; line++) if (!added.has(line)) onAdded = false;
        const inside: Regression[] = [];
        for (let line = part.startLine; line <= endLine; line++) inside.push(...(flagged.get(line) ?? []));
        if (!onAdded || !inside.length) continue;
        const replacement = part.replaced.join("\n");
        for (const r of inside) covered.add(r);
        suggestions.push({ path, startLine: part.startLine, endLine, replacement, rules: [...new Set(inside.map((r) => r.rule))], fingerprint: fingerprintOf(path, part.original, replacement) });
      }
    }
    if (suggestions.length > before) suggestions.splice(before, 0, ...imports);
    unfixed.push(...found.filter((r) => !covered.has(r)));
  }
  return { suggestions, unfixed, unread };
}
