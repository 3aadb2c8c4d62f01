import { fromGitHubFile, fromParsedDiff, fromUnifiedDiff, hunksOf, type ChangedFile } from "../../src/analysis/changed-file.js";
import { ExclusionRules } from "../../src/analysis/exclusions.js";
import { GitattributesIndex } from "../../src/analysis/gitattributes.js";
import { classify, DEFAULT_THRESHOLDS, measureSize } from "../../src/analysis/size.js";

const file = (path: string, additions: number, deletions = 0, extra: Partial<ChangedFile> = {}): ChangedFile => ({
  path,
  status: "modified",
  additions,
  deletions,
  binary: false,
  ...extra,
});

describe("size classes (table)", () => {
  test.each([
    [0, "XS"],
    [9, "XS"],
    [10, "S"],
    [29, "S"],
    [30, "M"],
    [99, "M"],
    [100, "L"],
    [499, "L"],
    [500, "XL"],
    [999, "XL"],
    [1000, "XXL"],
    [300000, "XXL"],
  ])("%i counted lines is %s", (lines, expected) => {
    expect(classify(lines, DEFAULT_THRESHOLDS)).toBe(expected);
  });

  test("custom thresholds", () => {
    expect(classify(50, { XS: 5, S: 10, M: 20, L: 40, XL: 60 })).toBe("XL");
  });
});

describe("built-in exclusions", () => {
  const rules = new ExclusionRules();
  test.each([
    ["package-lock.json", "lock-file"],
    ["web/yarn.lock", "lock-file"],
    ["pnpm-lock.yaml", "lock-file"],
    ["poetry.lock", "lock-file"],
    ["Pipfile.lock", "lock-file"],
    ["Cargo.lock", "lock-file"],
    ["go.sum", "lock-file"],
    ["Gemfile.lock", "lock-file"],
    ["composer.lock", "lock-file"],
    ["static/app.min.js", "minified"],
    ["static/app.min.css", "minified"],
    ["static/app.js.map", "source-map"],
    ["src/__snapshots__/a.test.ts.snap", "snapshot"],
    ["vendor/github.com/x/y.go", "vendored-folder"],
    ["web/node_modules/x/index.js", "vendored-folder"],
    ["third_party/lib.c", "vendored-folder"],
  ])("%s is excluded as %s", (path, reason) => {
    const decision = rules.decide(path);
    expect(decision.counted).toBe(false);
    if (!decision.counted) expect(decision.reason).toBe(reason);
  });

  test.each(["src/app.js", "src/minify.js", "vendoring.md", "docs/lockfile.md"])("%s is counted", (path) => {
    expect(rules.decide(path).counted).toBe(true);
  });
});

describe("precedence: user globs, then attributes, then the built-in list", () => {
  const attributes = new GitattributesIndex([
    { path: ".gitattributes", text: "*.gen.ts linguist-generated\nvendor/ours/** -linguist-vendored\npackage-lock.json -linguist-generated\n" },
  ]);
  const rules = new ExclusionRules(["docs/**", "!docs/adr/**", "*.gen.ts", "!keep.gen.ts"], attributes);
  test.each([
    ["docs/guide.md", false, "config-glob"],
    ["docs/adr/0001.md", true, undefined],
    ["src/a.gen.ts", false, "config-glob"],
    ["src/keep.gen.ts", true, undefined],
    ["vendor/ours/a.go", true, undefined],
    ["vendor/theirs/a.go", false, "vendored-folder"],
    ["package-lock.json", true, undefined],
  ])("%s counted=%s", (path, counted, reason) => {
    const decision = rules.decide(path);
    expect(decision.counted).toBe(counted);
    if (!decision.counted) expect(decision.reason).toBe(reason);
  });
});

describe("measureSize", () => {
  const options = { thresholds: DEFAULT_THRESHOLDS, deletionWeight: 1 };

  test("only counted files count; excluded files are grouped with their reason", () => {
    const attributes = new GitattributesIndex([
      { path: ".gitattributes", text: "" },
      { path: "api/.gitattributes", text: "*.pb.go linguist-generated\n" },
    ]);
    const size = measureSize(
      [file("api/x.pb.go", 4000), file("package-lock.json", 9000, 200), file("src/a.py", 12, 3), file("README.md", 5)],
      new ExclusionRules([], attributes),
      options,
    );
    expect(size).toMatchObject({ sizeClass: "S", countedLines: 20, countedFiles: 2, additions: 17, deletions: 3, complete: true });
    expect(size.excluded.map((e) => [e.path, e.reason])).toEqual([
      ["api/x.pb.go", "linguist-generated"],
      ["package-lock.json", "lock-file"],
    ]);
    expect(size.files.map((f) => f.path)).toEqual(["src/a.py", "README.md"]);
  });

  test("renames without changes count 0 lines; binary files count as files with 0 lines", () => {
    const size = measureSize(
      [
        fromGitHubFile({ filename: "new/name.py", previous_filename: "old/name.py", status: "renamed", additions: 0, deletions: 0 }),
        fromGitHubFile({ filename: "logo.png", status: "added", additions: 0, deletions: 0 }),
        fromGitHubFile({ filename: "a.py", status: "modified", additions: 2, deletions: 1, patch: "@@ -1 +1,2 @@\n-a\n+b\n+c" }),
      ],
      new ExclusionRules(),
      options,
    );
    expect(size).toMatchObject({ countedLines: 3, countedFiles: 3, binary: ["logo.png"], renamedOnly: ["new/name.py"] });
  });

  test("the largest files first; equal ones by path in code-unit order, whatever the machine's locale", () => {
    const size = measureSize([file("b_x.py", 5), file("a.py", 5), file("Z.py", 5), file("big.py", 50), file("a-b.py", 5)], new ExclusionRules(), options);
    // localeCompare would give a-b, a, b_x, Z (case and punctuation folded), and another order under another locale.
    expect(size.files.map((f) => f.path)).toEqual(["big.py", "Z.py", "a-b.py", "a.py", "b_x.py"]);
  });

  test("deletions are weighted", () => {
    const size = measureSize([file("a.py", 10, 100)], new ExclusionRules(), { ...options, deletionWeight: 0.25 });
    expect(size.countedLines).toBe(35);
    expect(size.sizeClass).toBe("M");
  });

  test("fewer files than the pull request changes makes the measurement incomplete, never smaller", () => {
    const size = measureSize([file("a.py", 5)], new ExclusionRules(), { ...options, filesExpected: 3001 });
    expect(size).toMatchObject({ complete: false, filesSeen: 1, filesExpected: 3001 });
  });
});

describe("fromUnifiedDiff", () => {
  test("reads renames, binaries, additions and deletions from git's output", () => {
    const diff = [
      "diff --git a/img.png b/img.png",
      "new file mode 100644",
      "index 0000000..1b2c3d4",
      "Binary files /dev/null and b/img.png differ",
      "diff --git a/old.txt b/new.txt",
      "similarity index 100%",
      "rename from old.txt",
      "rename to new.txt",
      "diff --git a/a.py b/a.py",
      "index 1111111..2222222 100644",
      "--- a/a.py",
      "+++ b/a.py",
      "@@ -1,3 +1,3 @@",
      " x = 1",
      '-print "x"',
      '+print("x")',
      " y",
      "diff --git a/gone.py b/gone.py",
      "deleted file mode 100644",
      "index 3333333..0000000",
      "--- a/gone.py",
      "+++ /dev/null",
      "@@ -1 +0,0 @@",
      "-bye",
      "",
    ].join("\n");
    const files = fromUnifiedDiff(diff);
    expect(files.map(({ path, previousPath, status, additions, deletions, binary }) => ({ path, previousPath, status, additions, deletions, binary }))).toEqual([
      { path: "img.png", previousPath: undefined, status: "added", additions: 0, deletions: 0, binary: true },
      { path: "new.txt", previousPath: "old.txt", status: "renamed", additions: 0, deletions: 0, binary: false },
      { path: "a.py", previousPath: undefined, status: "modified", additions: 1, deletions: 1, binary: false },
      { path: "gone.py", previousPath: undefined, status: "removed", additions: 0, deletions: 1, binary: false },
    ]);
  });
});

describe("the one-pass reader of git diffs agrees with parse-diff", () => {
  const diff = [
    "diff --git a/src/a.py b/src/a.py",
    "index 1111111..2222222 100644",
    "--- a/src/a.py",
    "+++ b/src/a.py",
    "@@ -1,3 +1,3 @@ def f():",
    " x = 1",
    "--- this line starts with dashes",
    "+++ this one with pluses",
    " y",
    "@@ -10,1 +10,2 @@",
    " z",
    "+w",
    "\\ No newline at end of file",
    "diff --git a/script.sh b/script.sh",
    "old mode 100644",
    "new mode 100755",
    "diff --git a/old dir/name.txt b/new dir/name.txt",
    "similarity index 90%",
    "rename from old dir/name.txt",
    "rename to new dir/name.txt",
    "index 3333333..4444444 100644",
    "--- a/old dir/name.txt",
    "+++ b/new dir/name.txt",
    "@@ -1 +1 @@",
    "-a",
    "+b",
    "diff --git a/font.woff b/font.woff",
    "new file mode 100644",
    "index 0000000..5555555",
    "GIT binary patch",
    "literal 4",
    "LcmZQz0000",
    "",
    "diff --git a/gone.py b/gone.py",
    "deleted file mode 100644",
    "index 6666666..0000000",
    "--- a/gone.py",
    "+++ /dev/null",
    "@@ -1,2 +0,0 @@",
    "-bye",
    "-now",
    "",
  ].join("\n");

  test("paths, statuses and counts", () => {
    const fast = fromUnifiedDiff(diff);
    expect(fast.map(({ path, previousPath, status, additions, deletions, binary }) => ({ path, previousPath, status, additions, deletions, binary }))).toEqual([
      { path: "src/a.py", previousPath: undefined, status: "modified", additions: 2, deletions: 1, binary: false },
      { path: "script.sh", previousPath: undefined, status: "modified", additions: 0, deletions: 0, binary: false },
      { path: "new dir/name.txt", previousPath: "old dir/name.txt", status: "renamed", additions: 1, deletions: 1, binary: false },
      { path: "font.woff", previousPath: undefined, status: "added", additions: 0, deletions: 0, binary: true },
      { path: "gone.py", previousPath: undefined, status: "removed", additions: 0, deletions: 2, binary: false },
    ]);
    // parse-diff takes a "+++ " line inside a hunk for a file header; the one-pass reader counts it as the added line it is.
    const plain = diff.replace("--- this line starts with dashes\n+++ this one with pluses\n", "-old\n+new\n");
    const reference = fromParsedDiff(plain);
    expect(fromUnifiedDiff(plain).map((f) => [f.additions, f.deletions])).toEqual(reference.map((f) => [f.additions, f.deletions]));
  });

  test("hunks parsed lazily from the kept patch text equal parse-diff's", () => {
    const plain = diff.replace("--- this line starts with dashes\n+++ this one with pluses\n", "-old\n+new\n");
    const fast = fromUnifiedDiff(plain);
    const reference = fromParsedDiff(plain);
    expect(hunksOf(fast[0])).toEqual(reference[0].hunks);
    expect(hunksOf(fast[4])).toEqual(reference[4].hunks);
  });

  test("a diff -u without git's headers goes through parse-diff", () => {
    const files = fromUnifiedDiff("--- a.txt\t2026-01-01\n+++ a.txt\t2026-01-02\n@@ -1 +1,2 @@\n a\n+b\n");
    expect(files).toMatchObject([{ path: "a.txt", status: "modified", additions: 1, deletions: 0 }]);
  });
});

describe("the counted files' list", () => {
  test("each file's lines weigh deletions, largest first, then by path; a rename with deletions is not a pure rename", () => {
    // A renamed file with lines removed, or only lines added, is more than a rename.
    const files = [file("c.txt", 1, 10), file("a.txt", 7, 0), file("b.txt", 4, 4), { ...file("moved.txt", 0, 3), status: "renamed" as const, previousPath: "old.txt" }, { ...file("grown.txt", 2, 0), status: "renamed" as const, previousPath: "small.txt" }];
    const result = measureSize(files, new ExclusionRules(), { thresholds: DEFAULT_THRESHOLDS, deletionWeight: 0.5 });
    expect(result.files.map((f) => [f.path, f.countedLines])).toEqual([
      ["a.txt", 7],
      ["b.txt", 6],
      ["c.txt", 6],
      ["grown.txt", 2],
      ["moved.txt", 2],
    ]);
    expect(result.countedLines).toBe(Math.round(14 + 17 * 0.5));
    expect(result.renamedOnly).toEqual([]);
  });
});
