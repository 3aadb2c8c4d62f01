import { describe, expect, test } from "@jest/globals";
import { applyPatch, structuredPatch } from "diff";
import { lineHunks, unifiedDiff } from "../../src/fix/line-diff.js";
import { fixPython } from "../../src/fix/python3-fixes.js";

const count = (lines: string[]) => [lines.filter((l) => l.startsWith("+")).length, lines.filter((l) => l.startsWith("-")).length];

describe("the fixes' line diff", () => {
  const cases: Array<[string, string]> = [
    ["a\nb\nc\n", "a\nB\nc\n"],
    ['"""Doc."""\ndef f(d):\n    for k in d.iterkeys():\n        print k\n', '"""Doc."""\nfrom __future__ import print_function\nimport six\ndef f(d):\n    for k in six.iterkeys(d):\n        print(k)\n'],
    ["x = 1\ny = 2", "x = 1\ny = 3"],
    ["x = 1\ny = 2", "x = 1\ny = 2\n"],
    ["keep\ndrop\nkeep too\n", "keep\nkeep too\n"],
    ["\n\n\n\nprint a\n\n\n\n\n\n\n\n\nprint b\n\n", "\n\n\n\nprint(a)\n\n\n\n\n\n\n\n\nprint(b)\n\n"],
    ["", "x\n"],
  ];

  test("applies, as a patch, to give the fixed text; and changes as many lines as Myers' diff (jsdiff) on these", () => {
    for (const [before, after] of cases) {
      expect(applyPatch(before, unifiedDiff("a/f.py", "b/f.py", before, after))).toBe(after);
      expect(count(lineHunks(before, after, 3).flatMap((h) => h.lines))).toEqual(count(structuredPatch("f", "f", before, after, undefined, undefined, { context: 3 }).hunks.flatMap((h) => h.lines)));
    }
    expect(unifiedDiff("a/f.py", "b/f.py", "same\n", "same\n")).toBe("");
  });

  test("hunks as jsdiff numbers them (an insertion's old start is the line after it), context 0 and 3", () => {
    const before = cases[1]![0];
    const after = cases[1]![1];
    for (const context of [0, 3]) expect(lineHunks(before, after, context)).toEqual(structuredPatch("f", "f", before, after, undefined, undefined, { context }).hunks);
  });

  test("a file whose every line is fixed: the diff changes each line once and applies", () => {
    const before = "print x\n".repeat(5000);
    const after = fixPython(before).text;
    const diff = unifiedDiff("a/f.py", "b/f.py", before, after);
    expect(applyPatch(before, diff)).toBe(after);
    expect(count(lineHunks(before, after, 0).flatMap((h) => h.lines))).toEqual([5000, 5000]);
  });
});
