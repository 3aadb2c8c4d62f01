import { manifestKind, parseManifest, type ManifestKind } from "../../src/analysis/dependencies/manifests.js";

/** [key, pin, Python 2 only, line] of each requirement, and the problems. */
const read = (kind: ManifestKind, lines: string[]) => {
  const parsed = parseManifest(kind, lines.join("\n"));
  return { requirements: parsed.requirements.map((r) => [r.key, r.pinned ?? null, r.python2Only, r.line]), problems: parsed.problems };
};

describe("which files are manifests", () => {
  test.each([
    ["test-requirements.txt", "requirements"],
    ["requirements.in", "requirements"],
    ["deps/constraints-py3.txt", "requirements"],
    ["requirements/prod.in", "requirements"],
    ["requirements.txt.orig", undefined],
    ["requirements/base.txt.orig", undefined],
    ["requirements/README", undefined],
    ["setup.py.bak", undefined],
    ["pipfile", undefined],
  ])("%s is %s", (path, kind) => expect(manifestKind(path)).toBe(kind));
});

describe("requirements.txt", () => {
  test("a continuation joins the next line with a space; a backslash on the last line is dropped", () => {
    expect(read("requirements", ["Django \\", "    ==4.2.1", "attrs==23.1\\", "--hash=sha256:abc", "Flask==2.0 \\"])).toEqual({
      requirements: [
        ["django", "4.2.1", false, 1],
        ["attrs", "23.1", false, 3],
        ["flask", "2.0", false, 5],
      ],
      problems: [],
    });
  });

  test("per-requirement options after the version are not part of it; an indented editable install is still read", () => {
    expect(read("requirements", ["Django==4.2.1 --config-settings x=y", "  -e git+https://example.com/r.git#egg=tool_kit", "# -e git+https://example.com/old.git#egg=gone"]).requirements).toEqual([
      ["django", "4.2.1", false, 1],
      ["tool-kit", null, false, 2],
    ]);
  });
});

describe("setup.py", () => {
  test("spaces around = and {, extras first in the call", () => {
    expect(read("setup.py", ["setup(extras_require = { 'test' : ['pytest'] },", "      install_requires = ['six'])"])).toEqual({
      requirements: [
        ["six", null, false, 2],
        ["pytest", null, false, 1],
      ],
      problems: [],
    });
  });

  test("extras end at the closing brace: a later tests_require is not read", () => {
    expect(read("setup.py", ["setup(extras_require={'a': ['x']}, tests_require=['pytest'])"]).requirements).toEqual([["x", null, false, 1]]);
  });

  test("extras with brackets inside a name, an empty list, and a file cut off after a list", () => {
    expect(read("setup.py", ["extras_require={", "  'web': ['requests[socks]>=2', 'idna'],", "  'dev': [],", "  'yaml': ['PyYAML']"])).toEqual({
      requirements: [
        ["requests", null, false, 2],
        ["idna", null, false, 2],
        ["pyyaml", null, false, 4],
      ],
      problems: [],
    });
  });

  test("comments inside a list are skipped", () => {
    expect(read("setup.py", ["install_requires=[", "  'six',  # why", "  'attrs',", "]"]).requirements).toEqual([
      ["six", null, false, 2],
      ["attrs", null, false, 3],
    ]);
  });

  test.each([
    ["a name in install_requires", ["install_requires=['six', REQS]"], "setup.py: install_requires is not a literal list, so it was not read"],
    ["a comment that never ends", ["install_requires=['six', # old"], "setup.py: install_requires is not a literal list, so it was not read"],
    ["a string that never ends", ["install_requires=['six"], "setup.py: install_requires is not a literal list, so it was not read"],
    ["a name in extras_require", ["extras_require={'a': ['x', EXTRA]}"], "setup.py: extras_require is not literal, so part of it was not read"],
  ])("%s is a problem, not a guess", (_, lines, problem) => {
    expect(read("setup.py", lines)).toEqual({ requirements: [], problems: [problem] });
  });
});

describe("setup.cfg", () => {
  test("section headers: trailing text and spaces inside the brackets; a header ends the list", () => {
    const lines = ["[ options ] # the options", "install_requires =", "    requests[security]>=2", "[other]", "    cattrs", "[options.extras_require]", "dev = black"];
    expect(read("setup.cfg", lines)).toEqual({
      requirements: [
        ["requests", null, false, 3],
        ["black", null, false, 7],
      ],
      problems: [],
    });
  });

  test("indented lines before any section header are not requirements", () => {
    expect(read("setup.cfg", ["    requests", "[options]", "install_requires =", "    six"]).requirements).toEqual([["six", null, false, 4]]);
  });

  test("values on the key's line, with and without spaces; one-space continuations", () => {
    expect(read("setup.cfg", ["[options]", "install_requires=attrs==23.1", "[options]", "install_requires = six", " idna"]).requirements).toEqual([
      ["attrs", "23.1", false, 2],
      ["six", null, false, 4],
      ["idna", null, false, 5],
    ]);
  });

  test("install_requires outside [options], other keys' continuations and stray lines are not requirements", () => {
    const lines = ["[metadata]", "install_requires = nope", "classifiers =", "    Programming Language :: Python", "[options]", "install_requires =", "    attrs", "some stray line", "    cattrs # pinned later"];
    expect(read("setup.cfg", lines).requirements).toEqual([
      ["attrs", null, false, 7],
      ["cattrs", null, false, 9],
    ]);
  });
});

describe("pyproject.toml and Pipfile", () => {
  test.each([
    ["<3", true],
    ["^2.7", true],
    ["~2.7", true],
    ["2.7", true],
    [">=2.7,<3", true],
    [">= 2.7, < 3.0", true],
    [">=2.6 <3", true],
    ["~2.6 || ~2.7", true],
    [">=2.7", false],
    ["^3.6", false],
    ["<3.1", false],
    ["!=3.0", false],
    ["~2.7 || ^3.6", false],
    ["*", false],
    [">=  2.7", false],
  ])("Poetry python = %j restricts to Python 2: %s", (constraint, python2Only) => {
    const { requirements } = read("pyproject.toml", ["[tool.poetry.dependencies]", `enum34 = { version = "1.1.10", python = "${constraint}" }`]);
    expect(requirements).toEqual([["enum34", "1.1.10", python2Only, 2]]);
  });

  test("pins: exact versions only, with or without ==", () => {
    const lines = ["[tool.poetry.dependencies]", 'Python = "^3.8"', 'a = "==1.2.*"', 'b = "==1.0 "', 'c = "1.0"', 'd = ">=1"', 'e = ["1.0"]', "[tool.poetry.dev-dependencies]", 'pytest = "^7"'];
    expect(read("pyproject.toml", lines)).toEqual({
      requirements: [
        ["a", null, false, 3],
        ["b", "1.0", false, 4],
        ["c", "1.0", false, 5],
        ["d", null, false, 6],
        ["e", null, false, 7],
        ["pytest", null, false, 9],
      ],
      problems: [],
    });
  });

  test("lists where tables belong, and entries that are not strings, are skipped", () => {
    expect(read("pyproject.toml", ["[project]", 'dependencies = [1, "six"]', "[tool.poetry]", 'dependencies = ["attrs"]']).requirements).toEqual([["six", null, false, 2]]);
  });

  test("a name spelt with TOML escapes is annotated on the first line; markers restrict to Python 2", () => {
    const lines = ["[packages]", '"re\\u0071uests" = "*"', "[dev-packages]", 'futures = { version = "*", markers = "python_version < \'3\'" }'];
    expect(read("Pipfile", lines)).toEqual({
      requirements: [
        ["requests", null, false, 1],
        ["futures", null, true, 4],
      ],
      problems: [],
    });
  });

  test.each(["Pipfile", "pyproject.toml"] as const)("%s that is not TOML says so with the parser's first line", (kind) => {
    const { requirements, problems } = read(kind, ["[packages", 'six = "*"']);
    expect(requirements).toEqual([]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(new RegExp(`^${kind.replace(".", "\\.")} is not valid TOML: \\S[^\\n]{10,}$`));
  });
});
