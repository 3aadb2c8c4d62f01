import { fromGitHubFile, fromUnifiedDiff, type ChangedFile } from "../../src/analysis/changed-file.js";
import { DiffReader } from "../../src/analysis/diff-reader.js";
import { ExclusionRules } from "../../src/analysis/exclusions.js";
import { DEFAULT_FILE_THRESHOLDS, DEFAULT_THRESHOLDS, measureSize } from "../../src/analysis/size.js";
import { longLinesFromSize, withoutPatch, withSizes } from "../../src/analysis/long-lines.js";
import { evaluate } from "../../src/engine.js";
import { renderSummary } from "../../src/report/markdown.js";
import { resolveConfig, type Config } from "../../src/policy/config.js";

const rules = new ExclusionRules();
const options = { thresholds: DEFAULT_THRESHOLDS, deletionWeight: 1 };
const config = (raw: unknown): Config => {
  const result = resolveConfig(raw);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.config;
};
const facts = { baseBranch: "main", defaultBranch: "main", draft: false, authorIsBot: false };
const added = (path: string, body: string) => `diff --git a/${path} b/${path}\nnew file mode 100644\n--- /dev/null\n+++ b/${path}\n@@ -0,0 +1 @@\n+${body}\n`;

describe("long lines", () => {
  // 13.7 MB of Python on one line, as a minifier or a generator with no marker might write it.
  const line = "x=1;".repeat(3_425_000);

  test("a 13.7 MB one-line Python file counts one line per started 200 characters, whole diff or read in pieces", () => {
    const diff = added("pkg/blob.py", line);
    const whole = measureSize(fromUnifiedDiff(diff), rules, options);
    expect(whole.countedLines).toBe(Math.ceil(line.length / 200));
    expect(whole.sizeClass).toBe("XXL");
    expect(whole.files[0]).toMatchObject({ path: "pkg/blob.py", additions: 1, longLines: Math.ceil(line.length / 200) - 1 });
    // Read in chunks of 64 KB, the line crosses 200 of them: the same count.
    const reader = new DiffReader();
    const bytes = Buffer.from(diff);
    for (let at = 0; at < bytes.length; at += 65536) reader.push(bytes.subarray(at, at + 65536));
    expect(measureSize(reader.end()!, rules, options).countedLines).toBe(whole.countedLines);
  });

  test("characters, not bytes: 300 two-byte characters are 300; a line of 200 counts once; deletions take their weight", () => {
    const diff = `diff --git a/a.py b/a.py\n--- a/a.py\n+++ b/a.py\n@@ -1,2 +1,2 @@\n-${"y".repeat(401)}\n-short\n+${"é".repeat(300)}\n+${"z".repeat(200)}\n`;
    const [file] = fromUnifiedDiff(diff);
    expect(file!.longLines).toEqual({ additions: 1, deletions: 2 });
    expect(measureSize([file!], rules, { ...options, deletionWeight: 0.5 }).countedLines).toBe(Math.round(2 + 1 + (2 + 2) * 0.5));
  });

  test("GitHub's patch gives the same count, and the check names the file", () => {
    const file = fromGitHubFile({ filename: "pkg/blob.py", status: "added", additions: 1, deletions: 0, patch: `@@ -0,0 +1 @@\n+${"a".repeat(1000)}` });
    expect(file.longLines).toEqual({ additions: 4, deletions: 0 });
    const evaluation = evaluate({ files: [file], config: config({}), facts, gitattributes: [] });
    expect(evaluation.size.countedLines).toBe(5);
    expect(renderSummary(evaluation)).toContain("#### Long lines\nA changed line longer than 200 characters counts once per 200 started, here in `pkg/blob.py` (+4).");
  });

  test("from a size alone (GitHub showed no patch): only added files, only where lines average over 200 bytes", () => {
    expect(longLinesFromSize(1, 13_700_000)).toEqual({ additions: 68_499, deletions: 0 });
    expect(longLinesFromSize(1000, 50_000)).toBeUndefined();
    const listed = [
      fromGitHubFile({ filename: "big.py", status: "added", additions: 2, deletions: 0 }),
      fromGitHubFile({ filename: "edited.py", status: "modified", additions: 2, deletions: 1 }),
      fromGitHubFile({ filename: "shown.py", status: "added", additions: 1, deletions: 0, patch: "@@ -0,0 +1 @@\n+x" }),
      fromGitHubFile({ filename: "image.png", status: "added", additions: 0, deletions: 0 }),
    ];
    expect(withoutPatch(listed)).toEqual(["big.py"]);
    const sized = withSizes(listed, new Map([["big.py", 1000]]));
    expect(sized[0]!.longLines).toEqual({ additions: 3, deletions: 0 });
    expect(sized.slice(1)).toEqual(listed.slice(1));
  });

  test("a minified file stays excluded, however long its lines", () => {
    const size = measureSize(fromUnifiedDiff(added("static/app.min.js", line.slice(0, 100_000))), rules, options);
    expect(size.countedLines).toBe(0);
    expect(size.excluded.map((e) => e.path)).toEqual(["static/app.min.js"]);
  });
});

describe("the files' axis", () => {
  const images = (count: number): ChangedFile[] => Array.from({ length: count }, (_, i) => fromGitHubFile({ filename: `assets/img${i}.png`, status: "added", additions: 0, deletions: 0 }));

  test("419 added images are XXL by the number of files, and the check says the files decided", () => {
    const evaluation = evaluate({ files: images(419), config: config({}), facts, gitattributes: [] });
    expect(evaluation.size).toMatchObject({ sizeClass: "XXL", linesClass: "XS", filesClass: "XXL", decidedBy: "files", countedLines: 0 });
    expect(evaluation.verdict.title).toBe("XXL: 0 lines in 419 files (the number of files decides) — over the L limit");
    expect(renderSummary(evaluation)).toContain("| Size class | **XXL** (lines XS, files XXL: the number of files decides) |");
  });

  test.each([
    [4, "XS"],
    [5, "S"],
    [29, "M"],
    [30, "L"],
    [299, "XL"],
    [300, "XXL"],
  ])("%i files are %s by default", (count, sizeClass) => {
    expect(measureSize(images(count), rules, options).filesClass).toBe(sizeClass);
  });

  test("the lines decide where their class is the larger; files only renamed are not counted; thresholds.files is the repository's", () => {
    const code = fromGitHubFile({ filename: "src/a.py", status: "modified", additions: 600, deletions: 0, patch: "@@ -1 +1 @@\n+a" });
    expect(measureSize([code, ...images(20)], rules, options)).toMatchObject({ sizeClass: "XL", filesClass: "M", decidedBy: "lines" });
    const moves = Array.from({ length: 400 }, (_, i) => fromGitHubFile({ filename: `new/m${i}.py`, previous_filename: `old/m${i}.py`, status: "renamed", additions: 0, deletions: 0 }));
    expect(measureSize(moves, rules, options)).toMatchObject({ sizeClass: "XS", filesClass: "XS" });
    expect(measureSize(images(20), rules, { ...options, fileThresholds: { ...DEFAULT_FILE_THRESHOLDS, L: 200, M: 15 } }).filesClass).toBe("L");
  });
});

describe("weights by path", () => {
  const lines = (path: string, additions: number) => fromGitHubFile({ filename: path, status: "modified", additions, deletions: 0, patch: "@@ -1 +1 @@\n+a" });
  const weighed = config({ weights: { paths: [{ files: ["tests/**", "**/test_*.py"], weight: 0.5 }, { files: ["tests/fixtures/**"], weight: 0 }, { files: ["src/core/**"], weight: 2 }] } });

  test("the last entry that matches gives the weight; the table shows it", () => {
    const evaluation = evaluate({ files: [lines("src/app.py", 100), lines("tests/test_app.py", 100), lines("tests/fixtures/big.json", 900), lines("src/core/db.py", 10), lines("pkg/test_x.py", 3)], config: weighed, facts, gitattributes: [] });
    expect(evaluation.size.countedLines).toBe(100 + 50 + 0 + 20 + 2);
    expect(evaluation.size.files.find((f) => f.path === "tests/fixtures/big.json")).toMatchObject({ weight: 0, countedLines: 0 });
    const summary = renderSummary(evaluation);
    expect(summary).toContain("| File | Added | Deleted | Weight | Counted |");
    expect(summary).toContain("| `tests/test_app.py` | 100 | 0 | 0.5 | 50 |");
    expect(summary).toContain("| `src/app.py` | 100 | 0 | 1 | 100 |");
  });

  test("no weight column without weights", () => {
    expect(renderSummary(evaluate({ files: [lines("src/app.py", 100)], config: config({}), facts, gitattributes: [] }))).toContain("| File | Added | Deleted | Counted |");
  });

  test("config errors: a weight out of range, an entry without files, a glob that cannot match in linear time, thresholds.files out of order", () => {
    const result = resolveConfig({ weights: { paths: [{ files: ["tests/**"], weight: 11 }, { weight: 1 }, { files: ["+(a|b)/**"], weight: 1 }] }, thresholds: { files: { S: 3 } } });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const paths = result.problems.map((p) => p.path);
    expect(paths).toEqual(expect.arrayContaining(["weights.paths[0].weight", "weights.paths[1]"]));
    const second = resolveConfig({ weights: { paths: [{ files: ["+(a|b)/**"], weight: 1 }] }, thresholds: { files: { S: 3 } } });
    expect(second.ok).toBe(false);
    if (second.ok) return;
    expect(second.problems.map((p) => p.path)).toEqual(expect.arrayContaining(["weights.paths[0].files[0]", "thresholds.files.S"]));
  });
});
