import { fromGitHubFile, fromParsedDiff, hunksOf, readHunks } from "../../src/analysis/changed-file.js";

// Files as GitHub's list gives them and as a `diff -u` without git's sections gives them.
describe("a changed file from GitHub's file list", () => {
  test.each([
    ["added", "added"],
    ["removed", "removed"],
    ["renamed", "renamed"],
    ["copied", "copied"],
    ["changed", "changed"],
    ["unchanged", "unchanged"],
    ["modified", "modified"],
    ["something-new", "modified"],
  ])("status %s reads as %s", (status, expected) => {
    expect(fromGitHubFile({ filename: "a.txt", status, additions: 1, deletions: 0, patch: "@@ -0,0 +1 @@\n+a" }).status).toBe(expected);
  });

  test("no patch and no lines is binary (or empty), except a pure rename; a large text diff without a patch is not", () => {
    const file = (status: string, additions: number, patch?: string) => fromGitHubFile({ filename: "a.bin", status, additions, deletions: 0, patch, previous_filename: status === "renamed" ? "b.bin" : undefined });
    expect(file("modified", 0).binary).toBe(true);
    expect(file("renamed", 0).binary).toBe(false);
    expect(file("modified", 5000).binary).toBe(false);
    expect(file("modified", 0, "").binary).toBe(false);
    expect(file("renamed", 0)).toMatchObject({ path: "a.bin", previousPath: "b.bin" });
  });

  test("missing counts read as zero", () => {
    const entry = { filename: "a.txt", status: "modified", patch: "@@ -1 +1 @@\n-a\n+b" } as unknown as Parameters<typeof fromGitHubFile>[0];
    expect(fromGitHubFile(entry)).toMatchObject({ additions: 0, deletions: 0, binary: false });
  });

  test("hunks are parsed once and kept by hunksOf, parsed each time and not kept by readHunks", () => {
    const file = fromGitHubFile({ filename: "a.txt", status: "modified", additions: 1, deletions: 1, patch: "@@ -1 +1 @@\n-a\n+b" });
    const read = readHunks(file);
    expect(read).toHaveLength(1);
    expect(file.hunks).toBeUndefined();
    expect(readHunks(file)).not.toBe(read);
    const kept = hunksOf(file);
    expect(kept).toEqual(read);
    expect(hunksOf(file)).toBe(kept);
    expect(readHunks(file)).toBe(kept);
    const none = fromGitHubFile({ filename: "b.bin", status: "modified", additions: 0, deletions: 0 });
    expect(readHunks(none)).toEqual([]);
    expect(hunksOf(none)).toEqual([]);
    expect(none.hunks).toEqual([]);
  });
});

describe("binary files in git's sections, read by parse-diff (the reader's reference)", () => {
  test("added, removed and modified binary files are binary", () => {
    const diff = [
      "diff --git a/new.png b/new.png", "new file mode 100644", "index 0000000..1111111", "Binary files /dev/null and b/new.png differ",
      "diff --git a/old.png b/old.png", "deleted file mode 100644", "index 1111111..0000000", "Binary files a/old.png and /dev/null differ",
      "diff --git a/logo.png b/logo.png", "index 1111111..2222222 100644", "Binary files a/logo.png and b/logo.png differ", "",
    ].join("\n");
    expect(fromParsedDiff(diff).map((f) => [f.path, f.status, f.binary])).toEqual([
      ["new.png", "added", true],
      ["old.png", "removed", true],
      ["logo.png", "modified", true],
    ]);
  });

  test("a file with deletions but no patch is not binary (GitHub left out a large patch)", () => {
    expect(fromGitHubFile({ filename: "big.txt", status: "modified", additions: 0, deletions: 5 }).binary).toBe(false);
  });
});

describe("a changed file from a diff -u", () => {
  test("added, removed, renamed and modified files; binary ones by git's line", () => {
    const diff = [
      "--- /dev/null",
      "+++ b/new.txt",
      "@@ -0,0 +1 @@",
      "+n",
      "--- a/gone.txt",
      "+++ /dev/null",
      "@@ -1 +0,0 @@",
      "-g",
      "--- a/old.txt",
      "+++ b/moved.txt",
      "@@ -1 +1 @@",
      "-o",
      "+m",
      "--- a/same.txt",
      "+++ b/same.txt",
      "@@ -1 +1 @@",
      "-s",
      "+S",
      "Binary files a/logo.png and b/logo.png differ",
      "Binary files /dev/null and b/icon.png differ",
      "",
    ].join("\n");
    const files = fromParsedDiff(diff);
    expect(files.slice(0, 4).map((f) => [f.path, f.status, f.previousPath ?? null, f.additions, f.deletions, f.binary])).toEqual([
      ["new.txt", "added", null, 1, 0, false],
      ["gone.txt", "removed", null, 0, 1, false],
      ["moved.txt", "renamed", "old.txt", 1, 1, false],
      ["same.txt", "modified", null, 1, 1, false],
    ]);
    expect(files.slice(0, 4).every((f) => f.hunks?.length === 1)).toBe(true);
  });
});
