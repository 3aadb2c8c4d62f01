// @ts-nocheck
import { GitattributesIndex, gitattributesCandidates, parseGitattributes } from "../../src/analysis/gitattributes.js";

describe("gitattributes", () => {
  const index = new GitattributesIndex([
    // Deliberately out of order: the index sorts shallower files first, as git applies them.
    { path: "src/gen/.gitattributes", text: "keep.pb.go -linguist-generated\n*.txt linguist-generated=true\n" },
    {
      path: ".gitattributes",
      text: [
        "# comment",
        "*.pb.go linguist-generated",
        "/docs/api/** linguist-generated=true",
        "third/** linguist-vendored",
        "third/ours/** -linguist-vendored",
        "*.md linguist-generated=false",
        "reset.pb.go !linguist-generated",
        "folder/ linguist-generated",
        "*.json text eol=lf",
      ].join("\n"),
    },
  ]);

  test.each([
    ["a/b/c.pb.go", { generated: true }],
    ["c.pb.go", { generated: true }],
    ["src/gen/keep.pb.go", { generated: false }],
    ["src/gen/notes.txt", { generated: true }],
    ["notes.txt", {}],
    ["docs/api/x.html", { generated: true }],
    ["sub/docs/api/x.html", {}],
    ["third/lib/x.c", { vendored: true }],
    ["third/ours/x.c", { vendored: false }],
    ["README.md", { generated: false }],
    ["reset.pb.go", {}],
    ["folder/file.c", {}],
    ["package.json", {}],
  ])("%s resolves to %j", (path, expected) => {
    expect(index.resolve(path).attributes).toEqual(expected);
  });

  test("the source of an attribute names the file, line and pattern", () => {
    expect(index.resolve("src/gen/keep.pb.go").sources.generated).toEqual({ file: "src/gen/.gitattributes", line: 1, pattern: "keep.pb.go" });
    expect(index.resolve("x/y.pb.go").sources.generated).toEqual({ file: ".gitattributes", line: 2, pattern: "*.pb.go" });
  });

  test("a nested file's rules are relative to its own folder", () => {
    const nested = new GitattributesIndex([{ path: "pkg/.gitattributes", text: "/out/** linguist-generated\n" }]);
    expect(nested.resolve("pkg/out/a.js").attributes).toEqual({ generated: true });
    expect(nested.resolve("out/a.js").attributes).toEqual({});
    expect(nested.resolve("pkg/sub/out/a.js").attributes).toEqual({});
  });

  test("quoted patterns with spaces are read", () => {
    const rules = parseGitattributes(".gitattributes", '"my file.txt" linguist-generated\n');
    expect(rules.map((r) => r.pattern)).toEqual(["my file.txt"]);
  });

  test("candidates are the root and every ancestor folder, once each", () => {
    expect(gitattributesCandidates(["a/b/c.txt", "a/b/d/e.txt", "z.txt", "a/x.txt"])).toEqual([
      ".gitattributes",
      "a/.gitattributes",
      "a/b/.gitattributes",
      "a/b/d/.gitattributes",
    ]);
  });
});
