import { fromGitHubFile, fromParsedDiff, type ChangedFile } from "../../src/analysis/changed-file.js";
import { compileCustomPacks } from "../../src/analysis/custom-pack.js";
import { parseHunks } from "../../src/analysis/hunks.js";
import { changeBlocks, sideOfHunk } from "../../src/analysis/line-pack.js";
import { editLinesOfPatch, measureMigration } from "../../src/analysis/migration.js";
import { python3Pack } from "../../src/analysis/python/python3-pack.js";

// The measurement's bookkeeping, with packs built from config as users write them (old and new patterns).
const packs = () =>
  compileCustomPacks([
    { name: "jquery", files: ["*.js"], old: ["\\$\\.ajax\\("], new: ["fetch\\("] },
    { name: "moment", files: ["*.js"], old: ["moment\\("], new: ["dayjs\\("] },
  ]).packs;
const jsFile = (patch: string, extra: Partial<ChangedFile> = {}): ChangedFile => {
  const additions = patch.split("\n").filter((l) => l.startsWith("+")).length;
  const deletions = patch.split("\n").filter((l) => l.startsWith("-")).length;
  return { ...fromGitHubFile({ filename: "app.js", status: "modified", additions, deletions, patch }), ...extra };
};
const options = { mixedTolerance: 0.1 };

describe("measureMigration's bookkeeping", () => {
  test("two packs on one file: the strongest verdict wins, a regression is reported for the migration as a whole", () => {
    const m = measureMigration([jsFile("@@ -1,2 +1,2 @@\n-$.ajax(u)\n+fetch(u)\n-x\n+moment(d)")], packs(), options);
    expect(m.lines).toEqual({ migration: 1, regression: 1, other: 0 });
    expect(m.migrated).toBe(1);
    expect(m.regressions).toEqual([{ path: "app.js", line: 2, pack: "migration", rule: "moment/old", message: expect.stringMatching(/^moment: /) }]);
    expect(m.packs).toEqual(["jquery", "moment"]);
    expect(m.migrationOnly).toBe(false);
  });

  test("two packs flag the same line: the first pack's rule is reported; packs are listed by name", () => {
    const [jquery, moment] = packs();
    const m = measureMigration([jsFile("@@ -1 +1,2 @@\n x\n+moment($.ajax(u))")], [moment, jquery], options);
    expect(m.regressions.map((r) => r.rule)).toEqual(["moment/old"]);
    expect(m.packs).toEqual(["jquery", "moment"]);
  });

  test("a whole-file pack among others still says when it judged from hunks", () => {
    const custom = compileCustomPacks([{ name: "six", files: ["*.py"], old: ["six\\."], new: [] }]).packs;
    const file = fromGitHubFile({ filename: "m.py", status: "modified", additions: 1, deletions: 0, patch: "@@ -5 +5,2 @@\n x\n+y = 1" });
    expect(measureMigration([file], [...custom, python3Pack()], options).hunksOnly).toEqual(["m.py"]);
  });

  test("each file's own lines decide whether it is a migration file, whatever came before it", () => {
    const feature = jsFile("@@ -1 +1,6 @@\n x\n+a()\n+b()\n+c()\n+d()\n+e()");
    const migration = jsFile("@@ -1,2 +1,2 @@\n-$.ajax(u)\n+fetch(u)\n+f()", { path: "b.js" });
    expect(measureMigration([feature, migration], packs(), options).migrationFiles).toEqual(["b.js"]);
    const regressionOnly = jsFile("@@ -1 +1,2 @@\n x\n+moment(d)", { path: "c.js" });
    expect(measureMigration([regressionOnly], packs(), options)).toMatchObject({ migrationFiles: [], mixed: false, migrationOnly: false });
  });

  test("other lines alone are neither mixed nor migration only", () => {
    const feature = jsFile(`@@ -1 +1,11 @@\n x\n${Array.from({ length: 10 }, (_, i) => `+f${i}()`).join("\n")}`);
    expect(measureMigration([feature], packs(), options)).toMatchObject({ lines: { migration: 0, other: 10 }, mixed: false, migrationOnly: false });
  });

  test("one pack: the regression names it, and its line in the new file", () => {
    const [jquery] = packs();
    const m = measureMigration([jsFile("@@ -10,2 +20,3 @@\n a\n b\n+$.ajax(u)")], [jquery], options);
    expect(m.regressions).toEqual([{ path: "app.js", line: 22, pack: "jquery", rule: "jquery/old", message: expect.any(String) }]);
  });

  test("a file whose changed lines are as much migration as other is a migration file; one more other line and it is not", () => {
    const even = measureMigration([jsFile("@@ -1,2 +1,2 @@\n-$.ajax(u)\n+fetch(u)\n+feature()")], packs(), options);
    expect(even).toMatchObject({ lines: { migration: 1, other: 1 }, migrationFiles: ["app.js"] });
    const more = measureMigration([jsFile("@@ -1,2 +1,2 @@\n-$.ajax(u)\n+fetch(u)\n+feature()\n+more()")], packs(), options);
    expect(more).toMatchObject({ lines: { migration: 1, other: 2 }, migrationFiles: [] });
  });

  test("three other lines are always tolerated; the fourth makes the change mixed", () => {
    const withOthers = (n: number) => jsFile(`@@ -1,1 +1,${n + 1} @@\n-$.ajax(u)\n+fetch(u)\n${Array.from({ length: n }, (_, i) => `+f${i}()`).join("\n")}`);
    expect(measureMigration([withOthers(3)], packs(), options)).toMatchObject({ mixed: false, migrationOnly: true });
    expect(measureMigration([withOthers(4)], packs(), options)).toMatchObject({ mixed: true, migrationOnly: false });
  });

  test("files a pack reads but cannot parse count their larger side as other lines", () => {
    const binary = jsFile("", { patch: undefined, binary: true, additions: 0, deletions: 0 });
    const tooLarge = jsFile("", { patch: undefined, additions: 7, deletions: 3 });
    expect(measureMigration([binary, tooLarge], packs(), options)).toMatchObject({ lines: { migration: 0, regression: 0, other: 7 }, packs: [] });
    const unparsed = jsFile("", { patch: undefined, hunks: undefined, additions: 2, deletions: 5, binary: true });
    expect(measureMigration([unparsed], packs(), options).lines.other).toBe(5);
  });

  test("a file no pack reads, given as parsed hunks (diff -u), counts a removal and its replacement once", () => {
    const [file] = fromParsedDiff("--- a/notes.txt\n+++ b/notes.txt\n@@ -1,3 +1,3 @@\n-a\n+b\n-c\n+d\n+e\n x\n");
    expect(measureMigration([file], packs(), options).lines.other).toBe(3);
    // Blocks: (2 removed, 1 added) 2, then (1 removed, 2 added) 2, then a removal after additions starts (1, 1): 1.
    const [blocks] = fromParsedDiff("--- a/n.txt\n+++ b/n.txt\n@@ -1,5 +1,5 @@\n-a\n-b\n+c\n x\n-d\n+e\n+f\n-g\n+h\n");
    expect(measureMigration([blocks], packs(), options).lines.other).toBe(5);
  });

  test("a pack that wants whole files judges from hunks, and says so, when a side it needs is missing", () => {
    const python = [python3Pack()];
    const file = (status: string, additions: number, deletions: number) =>
      fromGitHubFile({ filename: "m.py", status, additions, deletions, patch: `@@ -5,2 +5,2 @@\n x\n${"-old\n".repeat(deletions)}${"+new\n".repeat(additions)}` });
    expect(measureMigration([file("modified", 1, 1)], python, options).hunksOnly).toEqual(["m.py"]);
    expect(measureMigration([file("modified", 1, 0)], python, options, { head: new Map([["m.py", "x\nnew\n"]]) }).hunksOnly).toEqual([]);
    expect(measureMigration([file("modified", 1, 1)], python, options, { head: new Map([["m.py", "x\nnew\n"]]) }).hunksOnly).toEqual(["m.py"]);
    expect(measureMigration([file("modified", 0, 1)], python, options, { base: new Map([["m.py", "x\nold\n"]]) }).hunksOnly).toEqual([]);
    expect(measureMigration([file("added", 1, 0)], python, options).hunksOnly).toEqual([]);
    expect(measureMigration([file("removed", 0, 1)], python, options).hunksOnly).toEqual([]);
    const renamed = { ...file("renamed", 0, 1), previousPath: "old.py" };
    expect(measureMigration([renamed], python, options, { base: new Map([["old.py", "x\nold\n"]]) }).hunksOnly).toEqual([]);
  });
});

describe("edit lines straight from patch text", () => {
  test.each<[string, number]>([
    ["-a\n+b\n+c\n-d\n", 3],
    ["-a\n-b\n+c\n x\n+d", 3],
    ["+a\n\\ No newline at end of file\n-b\n", 2],
    ["@@ -1 +1 @@\n-a\n\\ No newline at end of file\n+b\n\\ No newline at end of file", 1],
    ["", 0],
  ])("%j: %i", (patch, lines) => expect(editLinesOfPatch(patch)).toBe(lines));
});

describe("a hunk's sides and blocks", () => {
  const [hunk] = parseHunks("@@ -1,5 +1,5 @@\n a\n-b\n-c\n+B\n d\n+e\n-f\n+F");

  test("each side as its reader sees it, with every change's index in it (-1 where it is not on that side)", () => {
    expect(sideOfHunk(hunk, "old")).toEqual({ lines: ["a", "b", "c", "d", "f"], index: Int32Array.from([0, 1, 2, -1, 3, -1, 4, -1]) });
    expect(sideOfHunk(hunk, "new")).toEqual({ lines: ["a", "B", "d", "e", "F"], index: Int32Array.from([0, -1, -1, 1, 2, 3, -1, 4]) });
  });

  test("runs of removals then additions, by change index; an addition after context starts a block of its own", () => {
    expect(changeBlocks(hunk)).toEqual([
      { dels: [1, 2], adds: [3] },
      { dels: [], adds: [5] },
      { dels: [6], adds: [7] },
    ]);
    expect(changeBlocks(parseHunks("@@ -1 +1 @@\n x")[0])).toEqual([]);
    expect(changeBlocks(parseHunks("@@ -1,2 +1 @@\n a\n-b")[0])).toEqual([{ dels: [1], adds: [] }]);
  });
});
