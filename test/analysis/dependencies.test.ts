import { dependencyChanges } from "../../src/analysis/dependencies/changes.js";
import { manifestKind, parseManifest } from "../../src/analysis/dependencies/manifests.js";
import { judgePython3Support, requiresPythonAllows3 } from "../../src/analysis/dependencies/python3-support.js";
import { markerIsPython2Only, normaliseName, parseRequirement } from "../../src/analysis/dependencies/requirement.js";

const names = (kind: Parameters<typeof parseManifest>[0], text: string) => parseManifest(kind, text).requirements.map((r) => [r.key, r.pinned ?? null, r.python2Only, r.line]);

describe("requirements", () => {
  test.each([
    ["Django", "django"],
    ["MySQL_python", "mysql-python"],
    ["zope.interface", "zope-interface"],
    ["Foo__Bar--baz", "foo-bar-baz"],
  ])("PEP 503 normalises %s to %s", (name, key) => expect(normaliseName(name)).toBe(key));

  test.each([
    ['python_version < "3"', true],
    ["python_version < '3.0'", true],
    ['python_version == "2.7"', true],
    ['python_version <= "2.7" and sys_platform == "linux"', true],
    ['python_full_version < "3.0.0"', true],
    ['python_version >= "3.6"', false],
    ['python_version < "3.8"', false],
    ['python_version < "3" or sys_platform == "win32"', false],
    ['sys_platform == "win32"', false],
    ["", false],
  ])("marker %j restricts to Python 2: %s", (marker, expected) => expect(markerIsPython2Only(marker)).toBe(expected));

  test("a requirement's name, pin and marker", () => {
    expect(parseRequirement('requests[security]==2.31.0 ; python_version >= "3"', 4)).toEqual({ name: "requests", key: "requests", pinned: "2.31.0", python2Only: false, line: 4 });
    expect(parseRequirement("flask>=2,<3", 1)).toMatchObject({ key: "flask", pinned: undefined });
    expect(parseRequirement("mock==1.*", 1)).toMatchObject({ pinned: undefined });
  });
});

describe("manifest formats", () => {
  test.each([
    ["requirements.txt", "requirements"],
    ["requirements-dev.txt", "requirements"],
    ["requirements/base.txt", "requirements"],
    ["constraints.txt", "requirements"],
    ["setup.py", "setup.py"],
    ["pkg/setup.cfg", "setup.cfg"],
    ["pyproject.toml", "pyproject.toml"],
    ["Pipfile", "Pipfile"],
    ["Pipfile.lock", undefined],
    ["docs/requirements.md", undefined],
  ])("%s is %s", (path, kind) => expect(manifestKind(path)).toBe(kind));

  test("requirements.txt: options, comments, continuations, eggs, hashes, markers", () => {
    const text = [
      "# base",
      "-r common.txt",
      "--index-url https://mirror.example/simple",
      "Django==4.2.1  # web",
      "requests>=2 \\",
      "    --hash=sha256:abc",
      "-e git+https://example.com/repo.git#egg=internal_lib",
      'futures==3.3.0; python_version < "3"',
      "",
    ].join("\n");
    expect(names("requirements", text)).toEqual([
      ["django", "4.2.1", false, 4],
      ["requests", null, false, 5],
      ["internal-lib", null, false, 7],
      ["futures", "3.3.0", true, 8],
    ]);
  });

  test("setup.py: literal install_requires and extras_require, never executed", () => {
    const text = [
      "from setuptools import setup",
      "setup(",
      "    name='x',",
      "    install_requires=[",
      "        'six>=1.10',",
      '        "MySQL-python==1.2.5",  # old',
      "    ],",
      "    extras_require={",
      "        'test': ['pytest', 'mock'],",
      "        'yaml': ['PyYAML'],",
      "    },",
      ")",
    ].join("\n");
    expect(names("setup.py", text)).toEqual([
      ["six", null, false, 5],
      ["mysql-python", "1.2.5", false, 6],
      ["pytest", null, false, 9],
      ["mock", null, false, 9],
      ["pyyaml", null, false, 10],
    ]);
    expect(parseManifest("setup.py", "setup(install_requires=REQUIREMENTS)").problems).toEqual(["setup.py: install_requires is not a literal list, so it was not read"]);
  });

  test("setup.cfg: [options] install_requires and [options.extras_require]", () => {
    const text = ["[metadata]", "name = x", "[options]", "install_requires =", "    attrs>=20", "    cattrs==1.0 # pinned", "zip_safe = False", "[options.extras_require]", "dev =", "    black"].join("\n");
    expect(names("setup.cfg", text)).toEqual([
      ["attrs", null, false, 5],
      ["cattrs", "1.0", false, 6],
      ["black", null, false, 10],
    ]);
  });

  test("pyproject.toml: PEP 621 and Poetry", () => {
    const text = [
      "[project]",
      'dependencies = ["httpx>=0.24", "typing_extensions==4.7.1; python_version < \'3.8\'"]',
      "[project.optional-dependencies]",
      'test = ["pytest"]',
      "[tool.poetry.dependencies]",
      'python = "^3.9"',
      'Pillow = "10.0.0"',
      'enum34 = { version = "1.1.10", python = "<3" }',
      "[tool.poetry.group.dev.dependencies]",
      'ruff = "*"',
    ].join("\n");
    expect(names("pyproject.toml", text)).toEqual([
      ["httpx", null, false, 2],
      ["typing-extensions", "4.7.1", false, 2],
      ["pytest", null, false, 4],
      ["pillow", "10.0.0", false, 7],
      ["enum34", "1.1.10", true, 8],
      ["ruff", null, false, 10],
    ]);
    expect(parseManifest("pyproject.toml", "[project\n").problems[0]).toMatch(/^pyproject.toml is not valid TOML/);
  });

  test("Pipfile: packages and dev-packages", () => {
    const text = ["[packages]", 'requests = "*"', 'mysql-python = {version = "==1.2.5"}', "[dev-packages]", 'pytest = ">=7"', 'futures = {version = "*", markers = "python_version < \'3\'"}'].join("\n");
    expect(names("Pipfile", text)).toEqual([
      ["requests", null, false, 2],
      ["mysql-python", "1.2.5", false, 3],
      ["pytest", null, false, 5],
      ["futures", null, true, 6],
    ]);
  });
});

describe("dependency changes compare whole manifests by normalised name", () => {
  test("added, re-pinned and removed; a moved line or a renamed spelling is no change; Python 2-only adds do not count", () => {
    const before = "Django==4.1\nrequests\nsix\nMySQL_python==1.2.3\n";
    const after = "requests\nmysql-python==1.2.5\nDjango==4.1\nflask\nfutures; python_version < '3'\n";
    const { changes } = dependencyChanges([{ path: "requirements.txt", before, after }]);
    expect(changes.map((c) => [c.key, c.change, c.version ?? null, c.line])).toEqual([
      ["mysql-python", "re-pinned", "1.2.5", 2],
      ["flask", "added", null, 4],
      ["six", "removed", null, 0],
    ]);
  });

  test("a new manifest adds everything in it; a deleted one removes everything", () => {
    expect(dependencyChanges([{ path: "requirements.txt", after: "a\nb\n" }]).changes.map((c) => c.change)).toEqual(["added", "added"]);
    expect(dependencyChanges([{ path: "requirements.txt", before: "a\n" }]).changes.map((c) => c.change)).toEqual(["removed"]);
  });

  test("what could not be read is named with the manifest's path; a deleted or readable manifest has no problem", () => {
    expect(dependencyChanges([{ path: "pkg/setup.py", before: "setup()", after: "setup(install_requires=REQS)" }]).problems).toEqual(["pkg/setup.py: setup.py: install_requires is not a literal list, so it was not read"]);
    expect(dependencyChanges([{ path: "pkg/setup.py", before: "setup(install_requires=REQS)" }]).problems).toEqual([]);
    expect(dependencyChanges([{ path: "requirements.txt", before: "a\n", after: "b\n" }]).problems).toEqual([]);
  });
});

describe("Python 3 support from PyPI's metadata", () => {
  test.each([
    [">=3.8", true],
    [">=2.7, !=3.0.*, !=3.1.*", true],
    ["<3", false],
    ["<3.0", false],
    ["==2.7.*", false],
    ["~=2.7", false],
    ["~=3.6", true],
    [">=2.6, <3", false],
  ])("requires_python %j admits Python 3: %s", (spec, expected) => expect(requiresPythonAllows3(spec)).toBe(expected));

  test.each([
    [{ info: { requires_python: ">=3.7" } }, "yes"],
    [{ info: { requires_python: "<3", classifiers: ["Programming Language :: Python :: 3"] } }, "no"],
    [{ info: { classifiers: ["Programming Language :: Python :: 3 :: Only"] } }, "yes"],
    [{ info: { classifiers: ["Programming Language :: Python :: 2.7"] } }, "no"],
    [{ info: { classifiers: [] }, urls: [{ filename: "x-1.0-py2.py3-none-any.whl" }] }, "yes"],
    [{ info: { classifiers: [] }, urls: [{ filename: "MySQL_python-1.2.5-cp27-none-win32.whl" }, { filename: "MySQL-python-1.2.5.zip" }] }, "no"],
    [{ info: { classifiers: ["Programming Language :: Python"] }, urls: [{ filename: "x-1.0.tar.gz" }] }, "unknown"],
  ])("%j → %s", (release, expected) => expect(judgePython3Support(release).python3).toBe(expected));
});
