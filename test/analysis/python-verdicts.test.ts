import { fromGitHubFile, type ChangedFile } from "../../src/analysis/changed-file.js";
import { measureMigration } from "../../src/analysis/migration.js";
import { python3Pack } from "../../src/analysis/python/python3-pack.js";
import { patch } from "../helpers/patch.js";

/**
 * The verdicts a migration team has to trust: a regression only where Python 2 really comes back. Each case is one
 * of the false patterns found on real porting history, in code of our own; the syntax tree and the comparison of
 * the two sides of each change decide them.
 */
const pack = python3Pack();
const options = { mixedTolerance: 0.1 };

/** A file added whole: its text is known, so the tree reads it. */
function added(lines: string[], p = pack) {
  const file = fromGitHubFile({ filename: "m.py", status: "added", additions: lines.length, deletions: 0, patch: patch(lines.map((l) => `+${l}`)) });
  return measureMigration([file], [p], options, { head: new Map([["m.py", lines.join("\n")]]) });
}
const regressions = (lines: string[]) => added(lines).regressions.map((r) => `${r.rule}@${r.line}`);

/** One file changed from `before` to `after` by a single block at `line` (0-based), both whole versions known. */
function edited(before: string[], after: string[], at: number, removed: number, addedCount: number) {
  const lines = [...before.slice(0, at), ...before.slice(at, at + removed).map((l) => `-${l}`), ...after.slice(at, at + addedCount).map((l) => `+${l}`), ...before.slice(at + removed)];
  const file = fromGitHubFile({ filename: "m.py", status: "modified", additions: addedCount, deletions: removed, patch: patch(lines) });
  return measureMigration([file], [pack], options, { head: new Map([["m.py", after.join("\n")]]), base: new Map([["m.py", before.join("\n")]]) });
}

describe("kept, not brought: an edit that keeps a construct is neither a regression nor migration work", () => {
  test("for i in xrange(n): → for i in xrange(n + 1):", () => {
    const m = edited(["for i in xrange(n):", "    pass"], ["for i in xrange(n + 1):", "    pass"], 0, 1, 1);
    expect(m.regressions).toEqual([]);
    expect(m.migrated).toBe(0);
    expect(m.lines).toEqual({ migration: 0, regression: 0, other: 1 });
  });

  test("a second xrange added beside a kept one is one regression", () => {
    const m = edited(["for i in xrange(n):", "    pass"], ["for i in xrange(n):", "    for j in xrange(m):", "    pass"], 0, 1, 2);
    expect(m.regressions.map((r) => `${r.rule}@${r.line}`)).toEqual(["builtin-xrange@2"]);
    expect(m.migrated).toBe(0);
  });

  test("taking one of two constructs away is still migration work", () => {
    const m = edited(["x = unicode(a) + unicode(b)"], ["x = str(a) + unicode(b)"], 0, 1, 1);
    expect(m.regressions).toEqual([]);
    expect(m.migrated).toBe(1);
  });

  test("a change of line endings or indentation alone finds nothing", () => {
    const before = ["import six", "if d.has_key(k):", "    print 'x'"];
    const after = ["import six", "if d.has_key(k):  ", "\tprint 'x'"];
    const m = edited(before, after, 1, 2, 2);
    expect(m).toMatchObject({ regressions: [], migrated: 0, lines: { migration: 0, regression: 0, other: 2 } });
    const crlf = fromGitHubFile({ filename: "vendor/lib.py", status: "modified", additions: 2, deletions: 2, patch: patch(["-import urllib2", "-print 'x'", "+import urllib2\r", "+print 'x'\r"]) });
    expect(measureMigration([crlf], [pack], options)).toMatchObject({ regressions: [], migrated: 0, lines: { migration: 0, regression: 0 } });
  });

  test("code moved unchanged from one file to another brings nothing back", () => {
    const from: ChangedFile = fromGitHubFile({ filename: "a.py", status: "modified", additions: 0, deletions: 2, patch: patch(["x = 1", "-def helper(d):", "-    return d.iteritems()"]) });
    const to: ChangedFile = fromGitHubFile({ filename: "b.py", status: "modified", additions: 2, deletions: 0, patch: patch(["y = 2", "+def helper(d):", "+    return d.iteritems()"]) });
    const m = measureMigration([from, to], [pack], options);
    expect(m.regressions).toEqual([]);
    expect(m.migrated).toBe(0);
    expect(m.lines.regression).toBe(0);
    // Added elsewhere without being taken away, it is still a regression.
    const only = measureMigration([to], [pack], options);
    expect(only.regressions.map((r) => r.rule)).toEqual(["dict-iteritems"]);
  });
});

describe("not Python 2 at all", () => {
  test("unittest's deprecated aliases are no regression unless enabled, and removing them is still migration work", () => {
    expect(regressions(["class T(TestCase):", "    def test(self):", "        self.assertEquals(a, b)", "        self.failIf(c)"])).toEqual([]);
    const strict = python3Pack({ enable: ["unittest-deprecated-alias"] });
    expect(added(["self.assertEquals(a, b)"], strict).regressions.map((r) => r.rule)).toEqual(["unittest-deprecated-alias"]);
    const m = edited(["self.assertEquals(a, 'x')"], ["self.assertEqual(a, 'x')"], 0, 1, 1);
    expect(m.migrated).toBe(1);
    expect(m.lines.migration).toBe(1);
  });

  test("a str literal made bytes inside an existing assertEquals is other work, not a regression", () => {
    const m = edited(["self.assertEquals(body, 'x')"], ["self.assertEquals(body, b'x')"], 0, 1, 1);
    expect(m).toMatchObject({ regressions: [], migrated: 0 });
  });

  test("Python-3-only futures are neither migration work nor Python 2", () => {
    const m = added(["from __future__ import annotations", "def f(x: int) -> int:", "    return x"]);
    expect(m).toMatchObject({ regressions: [], mixed: false, lines: { migration: 0 } });
    expect(added(["from __future__ import generator_stop"]).lines.migration).toBe(0);
    expect(added(["from __future__ import print_function"]).lines.migration).toBe(1);
    expect(added(["from __future__ import annotations, division"]).lines.migration).toBe(1);
  });

  test("bytes.translate(None, b'…') is valid Python 3; str.translate(None, '…') is not", () => {
    expect(regressions(["x = data.translate(None, b'abc')"])).toEqual([]);
    expect(regressions(["x = s.translate(None, 'abc')"])).toEqual(["str-translate-deletechars@1"]);
  });
});

describe("a name, not the builtin: names resolve by Python's scopes on the syntax tree", () => {
  test("a comprehension variable is not the caught exception of the same name", () => {
    const lines = ["pairs = [(e, f) for e, f in items]", "try:", "    run()", "except ValueError as e:", "    pass", "firsts = [e[0] for e in pairs]"];
    expect(regressions(lines)).toEqual([]);
    expect(regressions(["try:", "    run()", "except ValueError as e:", "    code = e[0]"])).toEqual(["indexing-exception@4"]);
  });

  test("a next() method the same change defines, in another file, is the change's own", () => {
    const node = fromGitHubFile({ filename: "ui/node.py", status: "added", additions: 3, deletions: 0, patch: patch(["+class Node(object):", "+    def next(self, step=1):", "+        return self.sibling"]) });
    const use = fromGitHubFile({ filename: "ui/focus.py", status: "modified", additions: 1, deletions: 0, patch: patch(["x = 1", "+target = focus.next()"]) });
    expect(measureMigration([node, use], [pack], options).regressions).toEqual([]);
    expect(measureMigration([use], [pack], options).regressions.map((r) => r.rule)).toEqual(["next-method-called"]);
  });

  test("items()[0] on a class of the file whose items() is its own method", () => {
    const lines = ["class Album(object):", "    def items(self):", "        return self._items", "first = album.items()[0]"];
    expect(regressions(lines)).toEqual([]);
    expect(regressions(["first = d.items()[0]"])).toEqual(["dict-view-indexed@1"]);
  });

  test("a docstring that says unicode neither hides nor reveals the builtin", () => {
    const lines = ["def text(url):", '    """Return body as unicode"""', "    return isinstance(url, unicode)"];
    expect(regressions(lines)).toEqual(["builtin-unicode@3"]);
    expect(regressions(["def f():", "    '''isinstance(x, unicode)'''", "    return 1"])).toEqual([]);
  });

  test("a parameter named unicode hides the builtin in its own function only", () => {
    const lines = ["def render(unicode=True):", "    return unicode", "def check(x):", "    return isinstance(x, unicode)"];
    expect(regressions(lines)).toEqual(["builtin-unicode@4"]);
  });

  test("an annotated parameter named unicode is a parameter, not the builtin", () => {
    expect(regressions(["def render(self, unicode: bool = True):", "    if unicode:", "        return 1"])).toEqual([]);
  });

  test("a module-level binding (the usual compatibility alias) is the file's own name everywhere", () => {
    expect(regressions(["try:", "    unicode = unicode", "except NameError:", "    unicode = str", "def f(x):", "    return unicode(x)"])).toEqual([]);
  });

  test("a class attribute hides the builtin in the class body, not in its methods", () => {
    const lines = ["class C(object):", "    long = 5", "    size = long", "    def f(self, x):", "        return long(x)"];
    expect(regressions(lines)).toEqual(["builtin-long@5"]);
  });

  test("string.upper('hello') is caught as string.upper(s) is; a local named string is not the module", () => {
    expect(regressions(["import string", "a = string.upper('hello')"])).toEqual(["string-functions@2"]);
    expect(regressions(["import string", "a = string.upper(s)"])).toEqual(["string-functions@2"]);
    expect(regressions(["def shout(string):", "    return string.upper('x')"])).toEqual([]);
  });

  test("names imported from string and types are caught", () => {
    expect(regressions(["from string import atoi"])).toEqual(["string-functions@1"]);
    expect(regressions(["from types import StringType"])).toEqual(["types-constants@1"]);
    expect(regressions(["from string import ascii_letters", "from types import FunctionType"])).toEqual([]);
  });
});

describe("guarded: code written for one Python only", () => {
  test.each([
    [["import six", "STRING = str if six.PY3 else unicode"]],
    [["PY3 = True", "STRING = str if PY3 else unicode"]],
    [["import six", "def f(x):", "    if not six.PY2:", "        return x", "    return unicode(x)"]],
    [["import sys", "if sys.version_info[0] == 2:", "    text = unicode", "else:", "    text = str"]],
    [["try:", "    import md5", "except:", "    import hashlib"]],
    [["try:", "    text = unicode", "except NameError:", "    text = str"]],
  ])("%j is no regression", (lines) => {
    expect(regressions(lines)).toEqual([]);
  });

  test("a try that catches AttributeError is no guard: unicode raises NameError on Python 3", () => {
    expect(regressions(["try:", "    text = unicode(value)", "except AttributeError:", "    text = value"])).toEqual(["builtin-unicode@2"]);
  });

  test("a syntax error is a regression even in a guard", () => {
    expect(regressions(["import six", "if six.PY2:", "    print 'x'"])).toEqual(["print-statement@3"]);
  });

  test("an early exit that is not under a version check guards nothing", () => {
    expect(regressions(["def f(x):", "    if not x:", "        return", "    return unicode(x)"])).toEqual(["builtin-unicode@4"]);
  });
});
