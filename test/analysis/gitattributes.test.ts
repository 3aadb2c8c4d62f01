import { GitattributesIndex, gitattributesCandidates, parseGitattributes } from "../../src/analysis/gitattributes.js";

describe("gitattributes", () => {
  // Built in each test, not once: a mutation run sees only what runs inside a test.
  const index = () => new GitattributesIndex([
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
    expect(index().resolve(path).attributes).toEqual(expected);
  });

  test("the source of an attribute names the file, line and pattern", () => {
    expect(index().resolve("src/gen/keep.pb.go").sources.generated).toEqual({ file: "src/gen/.gitattributes", line: 1, pattern: "keep.pb.go" });
    expect(index().resolve("x/y.pb.go").sources.generated).toEqual({ file: ".gitattributes", line: 2, pattern: "*.pb.go" });
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

  describe("lines as git reads them", () => {
    const resolve = (text: string, path: string, at = ".gitattributes") => new GitattributesIndex([{ path: at, text }]).resolve(path).attributes;

    test.each([
      ["an indented line", "  *.pb.go linguist-generated", "x.pb.go", { generated: true }],
      ["a line ending in CRLF", "*.pb.go linguist-generated\r\n*.c linguist-vendored\r\n", "x.c", { vendored: true }],
      ["a comment that holds a rule", "#generated.c linguist-generated", "#generated.c", {}],
      ["a macro definition", "[attr]gen linguist-generated", "agen", {}],
      ["a negative pattern, which git forbids", "!keep.c linguist-generated", "!keep.c", {}],
      ["a quoted pattern with an escaped quote", '"say \\"hi\\".txt" linguist-generated', 'say "hi".txt', { generated: true }],
      ["a quoted pattern that a comment sign starts", '"#x" linguist-generated', "#x", { generated: true }],
      ["quotes inside an unquoted pattern", 'say"hi" linguist-generated', 'say"hi"', { generated: true }],
      ["a quote that never closes", '"unclosed linguist-generated', '"unclosed', { generated: true }],
      ["a lone quote as the pattern", '" linguist-generated', '"', { generated: true }],
      ["an empty quoted pattern, which matches nothing", '"" linguist-generated', '""', {}],
      ["a pattern named like an attribute", "linguist-generated -linguist-vendored", "linguist-generated", { vendored: false }],
      ["a star matches dot files", "* linguist-generated", "out/.cache", { generated: true }],
      ["tabs between attributes", "*.c\tlinguist-vendored\t-linguist-generated", "x.c", { vendored: true, generated: false }],
    ])("%s", (_, text, path, expected) => expect(resolve(text, path)).toEqual(expected));

    test("a nested file's rules never reach paths outside its folder, even of the same length", () => {
      expect(resolve("*.txt linguist-generated", "lib/gen/notes.txt", "src/gen/.gitattributes")).toEqual({});
      expect(resolve("*.txt linguist-generated", "src/gen/notes.txt", "src/gen/.gitattributes")).toEqual({ generated: true });
    });

    test("only lines that set a linguist attribute become rules", () => {
      const rules = parseGitattributes(".gitattributes", ["*.json text eol=lf", "", "*.pb.go linguist-generated", "*.md linguist-generated=maybe"].join("\n"));
      expect(rules.map((r) => [r.pattern, r.source.line])).toEqual([["*.pb.go", 3]]);
      expect(new GitattributesIndex([{ path: ".gitattributes", text: "*.json text\n*.c linguist-vendored\n" }]).size).toBe(1);
    });

    test("a deeper file's rules come after the root's whatever the order given", () => {
      const files = [
        { path: "a/b/.gitattributes", text: "*.c -linguist-vendored" },
        { path: ".gitattributes", text: "*.c linguist-vendored" },
        { path: "a/.gitattributes", text: "*.c linguist-vendored" },
      ];
      expect(new GitattributesIndex(files).resolve("a/b/x.c").attributes).toEqual({ vendored: false });
      expect(new GitattributesIndex([...files].reverse()).resolve("a/b/x.c").attributes).toEqual({ vendored: false });
    });
  });

  test("a single deep path has every ancestor as a candidate", () => {
    expect(gitattributesCandidates(["a/b/c/d.txt"])).toEqual([".gitattributes", "a/.gitattributes", "a/b/.gitattributes", "a/b/c/.gitattributes"]);
  });
});
