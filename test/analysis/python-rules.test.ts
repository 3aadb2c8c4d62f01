import { fromGitHubFile } from "../../src/analysis/changed-file.js";
import { measureMigration } from "../../src/analysis/migration.js";
import { oldConstructsIn } from "../../src/analysis/python/constructs.js";
import { renamedModuleIn } from "../../src/analysis/python/modules.js";
import { python3Pack } from "../../src/analysis/python/python3-pack.js";
import { patch } from "../helpers/patch.js";

// The edges of single rules: what each one's brackets, spaces and conditions let through, line by line.
const pack = python3Pack();

/** Rules flagged on added lines of a hunk in the middle of a file (the top of the file is not in view). */
function hunkRegressions(lines: string[]): string[] {
  const file = fromGitHubFile({ filename: "m.py", status: "modified", additions: lines.length, deletions: 0, patch: patch(lines.map((l) => `+${l}`), 40) });
  return measureMigration([file], [pack], { mixedTolerance: 0.1 }).regressions.map((r) => r.rule);
}

/** Rules flagged in a whole added file (its top, its classes and functions in view). */
function fileRegressions(lines: string[]): string[] {
  const file = fromGitHubFile({ filename: "m.py", status: "added", additions: lines.length, deletions: 0, patch: patch(lines.map((l) => `+${l}`)) });
  return measureMigration([file], [pack], { mixedTolerance: 0.1 }).regressions.map((r) => r.rule);
}

describe("iterator-indexed: the result of map, filter, zip (and range's sort) used as a list", () => {
  test.each([
    ["xs = map(f, ys).sort()"],
    ["pairs = zip(a, b) . sort ()"],
    ["n = len (map(f, xs))"],
    ["n = len( filter(None, xs))"],
    ["x = map(f, y)[0] + range(3)[1]"],
    ["ordered = range(10).sort()"],
    ["first = filter(None, [a, b])[0]"],
  ])("%s is flagged", (line) => expect(hunkRegressions([line])).toEqual(["iterator-indexed"]));

  test.each([
    ["xs = map(f, ys) + y.sort()"],
    ["xs = map(f, ys)+y.sort()"],
    ["ordered = range(10).resort()"],
    ["n = len(x) + sum(map(f, y))"],
    ["x = map(f, range(3)[0])"],
    ["third = range(10)[2]"],
    ["n = len(range(3))"],
    ["x[0] = map(f,"],
    ["rows = zip(a, ["],
  ])("%s is not", (line) => expect(hunkRegressions([line])).toEqual([]));
});

describe("print-tuple and raise-comma count commas at the first level of the first brackets", () => {
  const python2File = (line: string) => fileRegressions(["import six", line]);

  test.each([["print([a], b)"], ["print({a}, b)"], ["print((a), b)"], ["    print(a, [b, c])"]])("%s prints a tuple in Python 2", (line) => {
    expect(python2File(line)).toEqual(["print-tuple"]);
  });

  test.each([["print([a, b])"], ["print({a: 1, b: 2})"], ["print(d[a, b])"]])("%s prints one value", (line) => {
    expect(python2File(line)).toEqual([]);
  });

  test.each([
    ["    raise ValueError, 'bad'", ["raise-comma"]],
    ["raise E, (a, b)", ["raise-comma"]],
    ["raise E((a, b))", []],
    ["raise E([a, b])", []],
  ])("%s → %j", (line, rules) => expect(hunkRegressions([line])).toEqual(rules));
});

describe("rules that depend on the file", () => {
  test("import * indented at module level (in a try block) is allowed; in a function it is not", () => {
    expect(fileRegressions(["try:", "    from cStringIO import *", "except ImportError:", "    pass"]).filter((r) => r === "import-star-in-function")).toEqual([]);
    expect(fileRegressions(["def f():", "    from os.path import *"])).toEqual(["import-star-in-function"]);
  });

  test("the file's own next() method is not the iterator's", () => {
    expect(fileRegressions(["class Cursor(object):", "    def next(self, n=1):", "        return n", "row = cursor.next()"])).toEqual([]);
    expect(fileRegressions(["class Cursor(object):", "    def fetch(self):", "        return 1", "row = cursor.next()"])).toEqual(["next-method-called"]);
  });

  test("in a hunk, next() is an iterator's method when the lines in view define __iter__ and no __next__", () => {
    const iterator = ["    def __iter__(self):", "        return self", "    def next(self):", "        return 1"];
    expect(hunkRegressions(iterator)).toEqual(["next-method-defined"]);
    expect(hunkRegressions([...iterator, "    def __next__(self):", "        return 1"])).toEqual([]);
    expect(hunkRegressions(iterator.slice(2))).toEqual([]);
  });

  test("e.message is BaseException.message when any name on the line is a caught exception", () => {
    const caught = (line: string) => fileRegressions(["try:", "    run()", "except ValueError as err:", `    ${line}`]);
    expect(caught("log(err.message)")).toEqual(["exception-message-attribute"]);
    expect(caught("log(self.message, err.message)")).toEqual(["exception-message-attribute"]);
    expect(caught("log(self.message)")).toEqual([]);
  });
});

describe("invalid-str-codec reads the codec's name from the line as written", () => {
  test.each([["raw = s . encode ( 'hex' )"], ["text = data.decode(u'base64')"], ["z = s.encode(b'zlib_codec')"]])("%s is flagged", (line) => {
    expect(hunkRegressions([line])).toEqual(["invalid-str-codec"]);
  });

  test.each([["raw = s.encode('utf-8')"], ["raw = s.encode('hexagon')"], ["raw = s.encode(codec)"]])("%s is not", (line) => {
    expect(hunkRegressions([line])).toEqual([]);
  });

  test("without the line as written, the codec is unknown and nothing is said", () => {
    expect(oldConstructsIn('s.encode("")').map((h) => h.id)).toEqual([]);
    expect(oldConstructsIn('s.encode("")', undefined, { raw: "s.encode('hex')" }).map((h) => h.id)).toEqual(["invalid-str-codec"]);
  });
});

describe("rules that need what the file knows say nothing without it", () => {
  const ids = (code: string, context = {}) => oldConstructsIn(code, undefined, context).map((h) => h.id);
  test("a .message without caught exceptions' names, a next() without the class's methods", () => {
    expect(ids("log(x.message)")).toEqual([]);
    expect(ids("def next(self):")).toEqual([]);
  });

  test("indexing a caught exception: any such name on the line, with the spaces Python allows", () => {
    const caught = { exceptNames: new Set(["err"]) };
    for (const line of ["x = a[0] + err[1]", "x = err [0]", "x = err[ 0]", "x = err[10]", "x = err[0 ]"]) expect(ids(line, caught)).toEqual(["indexing-exception"]);
    expect(ids("x = a[0]", caught)).toEqual([]);
  });
});

describe("itertools-functions: calls, not import lines", () => {
  test.each([["    yield from izip(a, b)"], ["xfrom = izip(a, b)"]])("%s is flagged", (line) => expect(hunkRegressions([line])).toEqual(["itertools-functions"]));
});

describe("which import lines name a renamed module", () => {
  test.each<[string, string | undefined]>([
    ["from urllib import parse, request", undefined],
    ["from urllib import request as r", undefined],
    ["from urllib import (parse, error,)", undefined],
    ["from urllib import (parse, error, )", undefined],
    ["from urllib import urlencode", "urllib"],
    ["from urllib import parse, urlencode", "urllib"],
    ["from urllib.parse import urljoin", undefined],
    ["import os, urllib2 as u", "urllib2"],
    ["from StringIO import StringIO", "StringIO"],
    ["import ConfigParser.x", "ConfigParser"],
  ])("%s → %s", (line, module) => expect(renamedModuleIn(line)).toBe(module));
});
