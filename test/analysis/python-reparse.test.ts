import { describe, expect, test } from "@jest/globals";
import type { Tree } from "web-tree-sitter";
import { parsePython, reparsePython, type TextEdit } from "../../src/analysis/python/tree/parser.js";
import { visitNodes } from "../../src/fix/fixer.js";

/** Every node's type and place (offsets, rows and columns): what the fixers read of a tree. */
function shape(tree: Tree): string[] {
  const out: string[] = [];
  visitNodes(tree, (c) => out.push(`${c.nodeType} ${c.startIndex}-${c.endIndex} ${c.startPosition.row}:${c.startPosition.column}-${c.endPosition.row}:${c.endPosition.column}`));
  return out;
}

/** The text with non-overlapping edits applied (from the last to the first). */
function apply(text: string, edits: TextEdit[]): string {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.start - a.start || b.end - a.end)) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}

/** A deterministic generator, so that a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed;
  return () => ((state = (state * 1103515245 + 12345) % 2147483648) / 2147483648);
}

const SOURCE = [
  "# -*- coding: utf-8 -*-",
  'NAME = u"café ☕ 𝔘"  # non-ASCII, a surrogate pair included',
  "def f(a, (b, c)=(1, 2)):",
  "    print >>sys.stderr, a, `b`,",
  "    if d.has_key(a) and a <> b:",
  '        raise ValueError, "é"',
  "    return 0777L",
  "",
  "class C:",
  "    __metaclass__ = M",
  "    def next(self): return self.it.next()",
  "",
].join("\n");

describe("reparsePython: the tree of the edited text, parsed from the tree before the edits", () => {
  test("equals a full parse, for random edits that add and remove lines, in text with non-ASCII characters", () => {
    const before = parsePython(SOURCE)!;
    const next = random(7);
    const insertions = ["", "x", "print(", "\n", "\n    pass\n", "é𝔘", ")", "  "];
    try {
      for (let round = 0; round < 200; round++) {
        // Up to four non-overlapping edits at random places (never inside a surrogate pair).
        const cuts = Array.from({ length: 2 * (1 + Math.floor(next() * 4)) }, () => Math.floor(next() * SOURCE.length)).sort((a, b) => a - b);
        const edits: TextEdit[] = [];
        for (let i = 0; i < cuts.length; i += 2) {
          const start = /[\uDC00-\uDFFF]/.test(SOURCE[cuts[i]!] ?? "") ? cuts[i]! + 1 : cuts[i]!;
          const end = Math.max(start, /[\uDC00-\uDFFF]/.test(SOURCE[cuts[i + 1]!] ?? "") ? cuts[i + 1]! + 1 : cuts[i + 1]!);
          if (edits.length && start < edits.at(-1)!.end) continue;
          edits.push({ start, end, text: insertions[Math.floor(next() * insertions.length)]! });
        }
        const edited = apply(SOURCE, edits);
        const full = parsePython(edited)!;
        const incremental = reparsePython(before, SOURCE, edits, edited)!;
        try {
          expect(shape(incremental)).toEqual(shape(full));
        } finally {
          full.delete();
          incremental.delete();
        }
      }
      // The tree it started from is left as it was.
      expect(before.rootNode.endIndex).toBe(SOURCE.length);
    } finally {
      before.delete();
    }
  });
});
