import { judgePython3Support, requiresPythonAllows3 } from "../../src/analysis/dependencies/python3-support.js";
import { markerIsPython2Only, parseRequirement } from "../../src/analysis/dependencies/requirement.js";

describe("requires_python: does some Python 3 fit? (table)", () => {
  test.each<[string, boolean]>([
    [">=3.8", true],
    [">=3.15", false],
    [">3.14", false],
    [">3.12", true],
    ["<3", false],
    ["<3.7", true],
    ["<=3.6", true],
    ["<=2.7", false],
    ["<3.6", false],
    ["==2.7.*", false],
    ["==3.*", true],
    ["==3.10", true],
    ["==3.10.4", false],
    ["===3.8", true],
    ["==3.9", false],
    ["!=3.*", false],
    ["!=3.6", true],
    [">=3.6, !=3.6, !=3.8, !=3.10, !=3.12, !=3.14", false],
    [">=2.7, !=3.0.*, !=3.1.*", true],
    ["~=2.7", false],
    ["~=3.6", true],
    ["~=3.6.1", false],
    ["~=3.10.0", true],
    ["~=3", true],
    [">= 3.8", true],
    ["sometimes", true],
    ["x<3", true],
    ["<3.*", true],
    [">=2.*", true],
    ["==3*", true],
    ["==3.6.*", true],
    ["==3.1.*", false],
    [">=3.14", true],
    ["===2.7", false],
    ["==3", true],
    ["==3.1", false],
    [">=3.6,<3.8,!=3.6", false],
    [">=3.6,", true],
    [",,", true],
    ["<3.6.0", false],
    [">=3.6.0", true],
  ])("%s → %s", (spec, expected) => expect(requiresPythonAllows3(spec)).toBe(expected));
});

describe("Python 3 support from PyPI's answer, with the reason shown to the user", () => {
  test.each<[string, Parameters<typeof judgePython3Support>[0], string, string]>([
    ["requires_python admitting 3", { info: { requires_python: " >=3.8 " } }, "yes", 'requires_python ">=3.8"'],
    ["requires_python excluding 3", { info: { requires_python: "<3" } }, "no", 'requires_python "<3" excludes Python 3'],
    ["requires_python wins over classifiers", { info: { requires_python: "<3", classifiers: ["Programming Language :: Python :: 3"] } }, "no", 'requires_python "<3" excludes Python 3'],
    ["an empty requires_python is no answer", { info: { requires_python: "  ", classifiers: ["Programming Language :: Python :: 3.9"] } }, "yes", "classifier Programming Language :: Python :: 3"],
    ["a Python 3 classifier", { info: { classifiers: ["Programming Language :: Python :: 3 :: Only"] } }, "yes", "classifier Programming Language :: Python :: 3"],
    ["a Python 30 classifier is not 3", { info: { classifiers: ["Programming Language :: Python :: 30"] } }, "unknown", "PyPI's metadata does not say which Pythons it supports"],
    ["a classifier mentioning 3 elsewhere", { info: { classifiers: ["Topic :: Python :: 3"] } }, "unknown", "PyPI's metadata does not say which Pythons it supports"],
    ["universal wheels", { urls: [{ filename: "a-1.0-py2.py3-none-any.whl" }] }, "yes", "publishes Python 3 wheels"],
    ["CPython 3 wheels", { urls: [{ filename: "a-1.0-cp311-cp311-manylinux_x86_64.whl" }] }, "yes", "publishes Python 3 wheels"],
    ["abi3 wheels", { urls: [{ filename: "a-1.0-cp37-abi3-win_amd64.whl" }] }, "yes", "publishes Python 3 wheels"],
    ["PyPy 3 wheels", { urls: [{ filename: "a-1.0-pp39-pypy39_pp73-any.whl" }] }, "yes", "publishes Python 3 wheels"],
    ["a py3 tag in an sdist's name is no wheel", { urls: [{ filename: "a-py3-1.0.tar.gz" }] }, "unknown", "PyPI's metadata does not say which Pythons it supports"],
    ["Python 2 classifiers only", { info: { classifiers: ["Programming Language :: Python :: 2.7"] } }, "no", "classifiers name Python 2 only"],
    ["Python 2 wheels only", { urls: [{ filename: "a-1.0-py2-none-any.whl" }, { filename: "a-1.0-cp27-cp27mu-linux.whl" }] }, "no", "publishes Python 2 wheels only"],
    ["Python 2 and other wheels", { urls: [{ filename: "a-1.0-py2-none-any.whl" }, { filename: "a-1.0-any.whl" }] }, "unknown", "PyPI's metadata does not say which Pythons it supports"],
    ["nothing at all", {}, "unknown", "PyPI's metadata does not say which Pythons it supports"],
    ["files without names", { urls: [{ packagetype: "bdist_wheel" }] }, "unknown", "PyPI's metadata does not say which Pythons it supports"],
  ])("%s", (_name, release, python3, reason) => expect(judgePython3Support(release)).toEqual({ python3, reason }));
});

describe("environment markers and pins of one requirement", () => {
  test.each<[string, boolean]>([
    ['python_version < "2.7"', true],
    ['python_version < "4"', false],
    ['python_version < "3.0"', true],
    ['python_version === "2.7"', true],
    ['python_version ~= "2.7"', true],
    ['python_version == "3.8"', false],
    ['python_version <= "3.6"', false],
    ['python_version < "abc"', false],
    ['python_version > "2.7"', false],
  ])("%s restricts to Python 2: %s", (marker, expected) => expect(markerIsPython2Only(marker)).toBe(expected));

  test.each<[string, string | undefined]>([
    ["requests (==1.0)", "1.0"],
    ["requests ( == 1.0 )", "1.0"],
    ["requests===1.0", "1.0"],
    ["requests>=2,==3", undefined],
    ["requests==1.*", undefined],
  ])("%s is pinned to %s", (text, pinned) => expect(parseRequirement(text, 1)?.pinned).toBe(pinned));
});
