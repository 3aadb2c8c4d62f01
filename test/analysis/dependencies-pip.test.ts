import { dependencyChanges } from "../../src/analysis/dependencies/changes.js";
import { isRuntimeManifest, parseManifest, projectNamesIn, unchangedRootManifests } from "../../src/analysis/dependencies/manifests.js";
import { builtInDecision } from "../../src/analysis/exclusions.js";
import { summariseScan } from "../../src/analysis/scan/scanner.js";

const names = (text: string) => parseManifest("requirements", text).requirements.map((r) => `${r.name}${r.python2Only ? " (py2)" : ""}`);

describe("requirements files as pip reads them", () => {
  test("a URL or a path never becomes a package named after its scheme", () => {
    expect(names("https://example.org/wheels/lxml-4.2.5-cp27-cp27mu-linux_x86_64.whl; sys_platform == 'linux'")).toEqual(["lxml"]);
    expect(names("http://example.org/dist/Twisted-16.0.0.tar.gz")).toEqual(["Twisted"]);
    expect(names("git+https://example.org/r.git@v1#egg=tool_kit")).toEqual(["tool_kit"]);
    expect(names("https://example.org/archive/master.zip")).toEqual([]);
    expect(names("./vendor/pkg\n../other\n/abs/path\nfile:///tmp/x")).toEqual([]);
  });

  test("-r, -c, -e, --hash and name @ url", () => {
    const text = ["-r base.txt", "-c constraints.txt", "--index-url https://example.org/simple", "-e .", "-e git+https://example.org/a.git#egg=alpha", "--editable=git+https://example.org/b.git#egg=beta", "requests==2.9.1 --hash=sha256:abc \\", "    --hash=sha256:def", "pip @ https://example.org/pip-9.0.1-py2.py3-none-any.whl", 'enum34; python_version < "3.4"', 'futures; python_version == "2.7"'].join("\n");
    expect(names(text)).toEqual(["alpha", "beta", "requests", "pip", "enum34", "futures (py2)"]);
  });

  test("documentation, test and development requirements are not runtime manifests", () => {
    expect(["requirements.txt", "setup.py", "requirements/base.txt", "requirements/prod.txt"].every(isRuntimeManifest)).toBe(true);
    expect(["docs/requirements.txt", "requirements-dev.txt", "test-requirements.txt", "requirements/docs.txt", "requirements_test.txt", "dev-requirements.in"].some(isRuntimeManifest)).toBe(false);
  });

  test("a project's own names come from its packaging", () => {
    expect(projectNamesIn("setup.py", "setup(\n    name='mitmproxy',\n    version='0.18')")).toEqual(["mitmproxy"]);
    expect(projectNamesIn("pyproject.toml", '[project]\nname = "scrapy"\n')).toEqual(["scrapy"]);
    expect(projectNamesIn("setup.cfg", "[metadata]\nname = beets\n")).toEqual(["beets"]);
  });
});

describe("a package is new only if no manifest declared it at the base", () => {
  test("a new requirements-py3.txt repeating requirements.txt adds only what is really new", () => {
    const found = dependencyChanges([
      { path: "requirements-py3.txt", after: "Twisted>=15.5\nlxml\nqueuelib\nnew-thing\n" },
      { path: "requirements.txt", before: "Twisted>=10.0\nlxml\n", unchanged: true },
      { path: "setup.py", before: "setup(name='x', install_requires=['queuelib'])", unchanged: true },
    ]);
    expect(found.changes.map((c) => `${c.change} ${c.name}`)).toEqual(["added new-thing"]);
  });

  test("a package moved from one manifest to another is neither added nor removed", () => {
    const found = dependencyChanges([
      { path: "requirements.txt", before: "six\nlxml\n", after: "lxml\n" },
      { path: "setup.py", before: "setup(install_requires=[])", after: "setup(install_requires=['six'])" },
    ]);
    expect(found.changes).toEqual([]);
  });

  test("the root manifests a change does not touch are read at its base, only when it touches one", () => {
    expect(unchangedRootManifests([])).toEqual([]);
    expect(unchangedRootManifests(["requirements-py3.txt", "setup.py"])).toEqual(["requirements.txt", "setup.cfg", "pyproject.toml", "Pipfile"]);
  });
});

describe("packages to delete rather than port", () => {
  const scan = (manifests: Array<{ path: string; text: string }>, imports: string[]) =>
    summariseScan([{ path: "app/main.py", lines: 1, rules: {}, imports, builtIn: builtInDecision("app/main.py", undefined) }], manifests, [], { exclude: [], gitattributes: [], batchLines: 500, depth: 1 }).dependencies;

  test("come from runtime manifests only, never the project itself, with namespace and renamed imports", () => {
    const uses = scan(
      [
        { path: "setup.py", text: "setup(name='mitmproxy', install_requires=['google-cloud-storage', 'PyDispatcher', 'urwid'])" },
        { path: "requirements.txt", text: "mitmproxy\n" },
        { path: "docs/requirements.txt", text: "sphinx==1.4\n" },
      ],
      ["google.cloud", "google.cloud.storage", "pydispatch"],
    );
    expect(uses.map((u) => `${u.name}:${u.imported}`)).toEqual(["google-cloud-storage:true", "PyDispatcher:true", "urwid:false"]);
  });
});

