import { spawnSync } from "node:child_process";
import { fixPython, type FixTarget } from "../../src/fix/python3-fixes.js";
import { homeOf, MOVED } from "../../src/fix/urllib.js";

const fix = (text: string, target: FixTarget = "python3") => fixPython(text, undefined, target).text;
const python3 = (code: string) => spawnSync("python3", ["-W", "ignore", "-c", code], { encoding: "utf8" });
const hasSix = python3("import six").status === 0;

test("every name is moved where Python 3.11 has it, and on the compatible target where six has it (six checked when installed)", () => {
  const homes: Array<[string, string]> = [];
  for (const target of ["python3", "compatible"] as const) {
    if (target === "compatible" && !hasSix) continue;
    for (const [module, parts] of Object.entries(MOVED)) {
      for (const [, names] of parts) for (const name of names) {
        const part = homeOf(module as "urllib" | "urllib2", name, target);
        if (part) homes.push([`${target === "python3" ? "urllib" : "six.moves.urllib"}.${part}`, name]);
      }
    }
  }
  expect(homes.length).toBeGreaterThan(100);
  const check = python3(`import importlib, json, sys\nmissing = [m + "." + n for m, n in json.loads(sys.argv[1]) if not hasattr(importlib.import_module(m), n)]\nprint(json.dumps(missing))`.replace("sys.argv[1]", JSON.stringify(JSON.stringify(homes))));
  expect(check.stderr).toBe("");
  expect(JSON.parse(check.stdout)).toEqual([]);
  if (!hasSix) console.log("six is not installed for python3: the compatible target's names were not checked");
});

test("import urllib2 and its uses: the import names the three modules, each use its new home; the file runs its imports on 3.11", () => {
  const before = "import os, urllib2\n\ndef get(url):\n    try:\n        return urllib2.urlopen(urllib2.Request(url))\n    except urllib2.HTTPError, e:\n        return urllib2.quote(url)\n";
  const after = fix(before);
  expect(after).toBe("import os, urllib.request, urllib.error, urllib.parse\n\ndef get(url):\n    try:\n        return urllib.request.urlopen(urllib.request.Request(url))\n    except urllib.error.HTTPError as e:\n        return urllib.parse.quote(url)\n");
  expect(python3(`${after}\nprint(get.__name__)`).stdout).toBe("get\n");
  const compatible = fix(before, "compatible");
  expect(compatible).toContain("import os, six.moves.urllib.request, six.moves.urllib.error, six.moves.urllib.parse\n");
  expect(compatible).toContain("return six.moves.urllib.request.urlopen(six.moves.urllib.request.Request(url))");
  if (hasSix) expect(python3(`${compatible}\nprint(six.moves.urllib.error.HTTPError.__name__)`).stdout).toBe("HTTPError\n");
});

test("from urllib2 import …: one import per new module, in the names' order, at the statement's indentation or after `;`", () => {
  expect(fix("from urllib2 import urlopen as get, Request\n")).toBe("from urllib.request import urlopen as get, Request\n");
  expect(fix("def f():\n    from urllib2 import HTTPError, urlopen, URLError\n    return urlopen\n")).toBe("def f():\n    from urllib.error import HTTPError, URLError\n    from urllib.request import urlopen\n    return urlopen\n");
  expect(fix("import urllib2\nfrom urllib2 import URLError\nurllib2.urlopen(u)\n")).toBe("import urllib.request, urllib.error, urllib.parse\nfrom urllib.error import URLError\nurllib.request.urlopen(u)\n");
  expect(fix("if x: from urllib import quote, urlopen\n")).toBe("if x: from urllib.parse import quote; from urllib.request import urlopen\n");
  expect(fix("from urllib2 import HTTPError, urlopen\n", "compatible")).toBe("from __future__ import absolute_import\nfrom six.moves.urllib.error import HTTPError\nfrom six.moves.urllib.request import urlopen\n");
});

test("left as they were: a name with no home on the target, a star import, an alias, a module name used otherwise", () => {
  const unchanged = [
    "from urllib import _urlopener\n", // gone in Python 3
    "from urllib2 import *\n",
    "import urllib2 as u\nu.urlopen(x)\n",
    "import urllib2\nurllib2.no_such_thing()\n", // one use with no home: the import cannot change
    "import urllib2\nopeners = [urllib2]\nurllib2.urlopen(x)\n",
  ];
  for (const text of unchanged) expect(fix(text)).toBe(text);
  // six has no splittype: the compatible target leaves it; python3 moves it.
  expect(fix("from urllib import splittype\n", "compatible")).toBe("from urllib import splittype\n");
  expect(fix("from urllib import splittype\n")).toBe("from urllib.parse import splittype\n");
});

test("import urllib with uses it can move becomes the three modules (as 2to3 writes it); a use it cannot move keeps it, the others get imports", () => {
  expect(fix("import urllib\nurllib.urlencode(q)\n")).toBe("import urllib.request, urllib.parse, urllib.error\nurllib.parse.urlencode(q)\n");
  expect(fix("import urllib\nurllib.urlencode(q)\nurllib.other\n")).toBe("import urllib\nimport urllib.parse\nurllib.parse.urlencode(q)\nurllib.other\n");
});
