// @ts-nocheck
import parseDiff from "parse-diff";
import { readFileSync } from "node:fs";
import { parseHunks } from "../../src/analysis/hunks.js";

// parse-diff is the reference: the one-pass parser must give its hunks, change for change, quirks included.
const reference = (patch: string) => parseDiff(patch)[0]?.chunks ?? [];

describe("the hunk parser", () => {
  test.each([
    ["empty", ""],
    ["white space only", "   \n"],
    ["no final newline", "@@ -1 +1 @@\n-a\n+b"],
    ["no newline at end of file, after an addition", "@@ -1 +1 @@\n-a\n+b\n\\ No newline at end of file\n"],
    ["no newline on both sides", "@@ -1,2 +1,2 @@\n-a\n\\ No newline at end of file\n+b\n\\ No newline at end of file"],
    ["a header counting no lines", "@@ -0,0 +0,0 @@\nx\ny\n"],
    ["an empty context line", "@@ -1,3 +1,3 @@\n a\n\n c\n"],
    ["file headers after a hunk end the file", "@@ -1 +1 @@\n-a\n+b\n--- a/x\n+++ b/x\n@@ -5 +5 @@\n-c\n+d\n"],
    ["two hunks, with a function name", "@@ -1 +1 @@\n-a\n+b\n@@ -9,2 +9,2 @@ def f():\n x\n-c\n+d\n"],
    ["an index line before the hunk", "index 123..456 100644\n@@ -1 +1 @@\n-a\n+b\n"],
    ["another file's diff line", "@@ -1 +1 @@\n-a\n+b\ndiff --git a/y b/y\n@@ -1 +1 @@\n-q\n+r\n"],
    ["a CRLF marker is a context line", "@@ -1,2 +1,2 @@\n-a\n+b\n\\ No newline at end of file\r\n"],
    ["extra spaces in the header", "@@  -3,2  +3,4 @@ x\n a\n+b\n+c\n d\n"],
    ["lines before the first hunk", "junk\n@@ -1 +1 @@\n-a\n+b\n"],
    ["a hunk line that looks like a header", "@@ -1,3 +1,3 @@\n--- a\n+++ b\n @@ -1 +1 @@\n"],
  ])("%s", (_name, patch) => {
    expect(parseHunks(patch)).toEqual(reference(patch));
    expect(JSON.stringify(parseHunks(patch))).toBe(JSON.stringify(reference(patch)));
  });

  test("every patch of the example migration diff and of the lib2to3 fixer pairs", () => {
    const sections = readFileSync("examples/python3-migration.diff", "utf8").split(/^(?=diff --git )/m);
    const patches = sections.map((s) => s.slice(s.indexOf("\n@@") + 1)).filter((p) => p.startsWith("@@"));
    const { pairs } = JSON.parse(readFileSync("test/fixtures/lib2to3-fixer-pairs.json", "utf8")) as { pairs: Array<{ patch?: string }> };
    for (const { patch } of pairs) if (patch) patches.push(patch);
    expect(patches.length).toBeGreaterThan(100);
    for (const patch of patches) expect(parseHunks(patch)).toEqual(reference(patch));
  });
});
