import { fromUnifiedDiff } from "../../src/analysis/changed-file.js";
import { readDiff } from "../../src/analysis/diff-reader.js";

// How git names files in its headers, and what the reader makes of each: the path the report shows.
const read = (...lines: string[]) => readDiff(Buffer.from(lines.join("\n") + "\n", "utf8"), { keepPatch: () => false })!;

describe("paths and statuses in git's headers", () => {
  test("a timestamp after a tab and C-style quoting are not part of the path", () => {
    const [file] = read('diff --git "a/say \\"hi\\".txt" "b/say \\"hi\\".txt"', '--- "a/say \\"hi\\".txt"\t2026-12-01 10:00:00', '+++ "b/say \\"hi\\".txt"\t2026-12-02 10:00:00', "@@ -1 +1 @@", "-a", "+b");
    expect(file).toMatchObject({ path: 'say "hi".txt', status: "modified", additions: 1, deletions: 1 });
  });

  test("non-ASCII names, which git quotes with octal escapes of their UTF-8 bytes, read as the names they are", () => {
    const files = read(
      'diff --git "a/caf\\303\\251 menu.py" "b/caf\\303\\251 menu.py"',
      '--- "a/caf\\303\\251 menu.py"\t',
      '+++ "b/caf\\303\\251 menu.py"\t',
      "@@ -1 +1 @@",
      "-a",
      "+b",
      'diff --git "a/\\346\\227\\245\\346\\234\\254.png" "b/\\346\\227\\245\\346\\234\\254.png"',
      "Binary files differ",
      'diff --git "a/tab\\there" "b/tab\\tthere"',
      'rename from "tab\\there"',
      'rename to "tab\\tthere"',
    );
    expect(files.map((f) => [f.path, f.previousPath])).toEqual([
      ["caf\u00e9 menu.py", undefined],
      ["\u65e5\u672c.png", undefined],
      ["tab\tthere", "tab\there"],
    ]);
  });

  test("a binary file added or deleted is named from the diff --git line, on the side that exists", () => {
    const files = read(
      "diff --git a/new.png b/new.png",
      "new file mode 100644",
      "index 0000000..1111111",
      "Binary files /dev/null and b/new.png differ",
      "diff --git a/old.png b/old.png",
      "deleted file mode 100644",
      "index 2222222..0000000",
      "GIT binary patch",
      "literal 0",
      "HcmV?d00001",
    );
    expect(files.map((f) => [f.path, f.status, f.binary, f.previousPath])).toEqual([
      ["new.png", "added", true, undefined],
      ["old.png", "removed", true, undefined],
    ]);
    expect(files.every((f) => f.summary === undefined && f.patch === undefined)).toBe(true);
  });

  test("a pure rename has no hunks: renamed, from its old path, no lines", () => {
    const [file] = read("diff --git a/src/old.py b/src/new.py", "similarity index 100%", "rename from src/old.py", "rename to src/new.py");
    expect(file).toMatchObject({ path: "src/new.py", previousPath: "src/old.py", status: "renamed", additions: 0, deletions: 0, binary: false });
  });

  test("a modified file whose --- and +++ paths differ is a rename (a copy edited in place reads the same)", () => {
    const [file] = read("diff --git a/a.txt b/b.txt", "--- a/a.txt", "+++ b/b.txt", "@@ -1 +1 @@", "-x", "+y");
    expect(file).toMatchObject({ path: "b.txt", previousPath: "a.txt", status: "renamed" });
  });

  test("the reader and fromUnifiedDiff agree on every header above", () => {
    const text = ["diff --git a/x.txt b/x.txt", "--- a/x.txt\t(tab)", "+++ b/x.txt\t(tab)", "@@ -1 +1 @@", "-1", "+2", ""].join("\n");
    expect(fromUnifiedDiff(text)[0]).toMatchObject({ path: "x.txt", status: "modified", patch: "@@ -1 +1 @@\n-1\n+2\n" });
  });
});
