import { parseHunks } from "../../src/analysis/hunks.js";
import { agreesWithHunks, ITER_RETURNS_SELF, splitLines, viewOfFile, viewOfHunkSide } from "../../src/analysis/python/file-view.js";
import { guardedLines } from "../../src/analysis/python/guards.js";
import { stripLines } from "../../src/analysis/python/source.js";

// What the rules know of a file: futures, caught names, renamed imports, definitions, blocks.
describe("a Python file's facts", () => {
  test("__future__ imports, with parentheses and aliases, only with the top of the file in view", () => {
    const lines = ["from __future__ import (absolute_import,", "    division)", "from __future__ import print_function as pf", "x = 1"];
    expect([...viewOfFile(lines).context.future!]).toEqual(["absolute_import", "division", "print_function"]);
    expect(viewOfHunkSide(lines, false, false).context.future).toBeUndefined();
    expect(viewOfHunkSide(lines, true, false).context.future).toBeUndefined();
    expect(viewOfHunkSide(lines, true, true).context.future).toEqual(viewOfFile(lines).context.future);
    // A __future__ line inside a string is no import.
    expect([...viewOfFile(['"""', "from __future__ import division", '"""']).context.future!]).toEqual([]);
  });

  test.each<[string, string[], boolean]>([
    ["a Python 2 future", ["from __future__ import unicode_literals"], true],
    ["only Python 3's futures", ["from __future__ import annotations", "from __future__ import generator_stop"], false],
    ["six", ["import six"], true],
    ["python-future's past", ["from past.builtins import basestring"], true],
    ["python-future's future package", ["from future.utils import iteritems"], true],
    ["a module that only mentions six", ["sixty = 60", "# six"], false],
    ["a function named future", ["def future(): pass"], false],
    ["nothing", ["x = 1"], false],
    ["six, then other lines worth reading", ["import six", "def f(): pass", "import os"], true],
  ])("runs on Python 2: %s → %s", (_, lines, expected) => expect(viewOfFile(lines).context.runsOnPython2).toBe(expected));

  test("caught exceptions' names, renamed modules imported under their own name, and defined functions", () => {
    const lines = ["import StringIO, os", "import cPickle as pickle", "try:", "    run()", "except ValueError as err:", "    pass", "except (KeyError, IndexError), e:", "    pass", "def helper(a):", "    async def inner(): pass", "class C:", "    def next(self): pass"];
    const { context } = viewOfFile(lines);
    expect([...context.exceptNames!].sort()).toEqual(["e", "err"]);
    expect([...context.importedModules!]).toEqual(["StringIO"]);
    expect([...context.methods!].sort()).toEqual(["helper", "inner", "next"]);
  });

  test("lines inside a function, and the methods of the class a line stands in", () => {
    const lines = ["class It(object):", "    def __iter__(self):", "        return self", "    def next(self):", "        return 1", "", "x = It()", "class Plain:", "    def __iter__(self): return self", "    '''doc'''", "def f():", "    y = 2"];
    const view = viewOfFile(lines);
    expect(lines.map((_, i) => view.inFunction!(i))).toEqual([false, false, true, false, true, true, false, false, false, false, false, true]);
    const methods = (i: number) => [...(view.classMethods!(i) ?? [])].sort();
    expect(methods(3)).toEqual(["__iter__", ITER_RETURNS_SELF, "next"]);
    expect(methods(6)).toEqual([]);
    expect(methods(9)).toEqual(["__iter__", ITER_RETURNS_SELF]);
    expect(view.classMethods!(11)).toBeUndefined();
  });

  test("nested classes, docstrings holding code, whitespace-only lines, and blocks that only look like classes", () => {
    const lines = ["class Outer:", "    class Inner:", "        def inner_method(self):", "            pass", '    """', "    def fake(self):", '    """', "   ", "    def outer_method(self):", "        return 1", "if isclass:", "    y = 1"];
    const view = viewOfFile(lines);
    const methods = (i: number) => [...(view.classMethods!(i) ?? [])].sort();
    expect(methods(3)).toEqual(["inner_method"]);
    expect(methods(9)).toEqual(["outer_method"]);
    expect(view.classMethods!(11)).toBeUndefined();
    // The whitespace-only line 7 closes no block: line 9 is inside outer_method.
    expect(view.inFunction!(9)).toBe(true);
    expect(view.context.runsOnPython2).toBe(false);
    expect(viewOfHunkSide(["x = 1"], false, false).context.runsOnPython2).toBe(false);
  });

  test("a whitespace-only line less indented than a method's body does not close the method", () => {
    const view = viewOfFile(["class A:", "    def f(self):", "        x = 1", "  ", "        y = 2"]);
    expect(view.inFunction!(4)).toBe(true);
  });

  test("a def whose parameters run over several lines holds the body after its colon", () => {
    const view = viewOfFile(["def f(a,", "      b):", "    return a", "x = 1"]);
    expect([0, 1, 2, 3].map((i) => view.inFunction!(i))).toEqual([false, true, true, false]);
  });

  test("a __future__ import in parentheses over three lines", () => {
    expect([...viewOfFile(["from __future__ import (absolute_import,", "    division,", "    unicode_literals)", "x = 1"]).context.future!]).toEqual(["absolute_import", "division", "unicode_literals"]);
  });

  test("only __iter__ returning self itself makes an iterator, written on one line or two", () => {
    const iterates = (lines: string[]) => viewOfFile(lines).classMethods!(lines.length - 1)!.has(ITER_RETURNS_SELF);
    expect(iterates(["class A:", "    def __iter__(self):", "        return self  # the iterator", "    x = 1"])).toBe(true);
    expect(iterates(["class A:", "    def __iter__(self):  return  self", "    x = 1"])).toBe(true);
    expect(iterates(["class A:", "    def __iter__(self):", "        return self._items", "    x = 1"])).toBe(false);
    expect(iterates(["class A:", "    def next(self): return self", "    x = 1"])).toBe(false);
    expect(iterates(["class A:", "    async  def  __iter__(self): return self", "    x = 1"])).toBe(true);
    expect(iterates(["class A:", "    def __iter__(self):", "        return  self", "    x = 1"])).toBe(true);
    expect(iterates(["class A:", "    def __iter__(self): return self.items", "    x = 1"])).toBe(false);
    expect(iterates(["class A:", "    def __iter__(self):", "        if x: return self", "    x = 1"])).toBe(false);
  });

  test("an __iter__ that returns something else does not make an iterator", () => {
    const view = viewOfFile(["class Bag:", "    def __iter__(self):", "        return iter(self.items)", "    def next(self): pass"]);
    expect([...view.classMethods!(3)!].sort()).toEqual(["__iter__", "next"]);
  });

  test("a hunk side without the whole file knows no blocks; names are read on first use", () => {
    const view = viewOfHunkSide(["def reduce(f, xs): pass"], false, false);
    expect(view.inFunction).toBeUndefined();
    expect(view.classMethods).toBeUndefined();
    expect(view.names().has("reduce")).toBe(true);
    expect(view.names()).toBe(view.names());
  });

  test("lines split on LF and CRLF", () => expect(splitLines("a\r\nb\nc")).toEqual(["a", "b", "c"]));
});

describe("whether a file's text agrees with what the hunks show", () => {
  const hunks = parseHunks("@@ -1,3 +1,3 @@\n a\n-b\n+B\n c");
  test.each<[string[], "old" | "new", boolean]>([
    [["a", "B", "c"], "new", true],
    [["a", "b", "c"], "old", true],
    [["a", "b", "c"], "new", false],
    [["a", "B"], "new", false],
    [["a\r", "B\r", "c\r"], "new", true],
    [["x", "B", "c"], "new", false],
    [["a", "x", "c"], "old", false],
    [["a\rx", "B", "c"], "new", false],
    [["a", "B", "c\r"], "new", true],
  ])("%j, %s side: %s", (lines, side, expected) => expect(agreesWithHunks(lines, hunks, side)).toBe(expected));

  test("a carriage return inside a line is part of it, on both sides of the comparison", () => {
    const inner = parseHunks("@@ -1,1 +1,1 @@\n-a\n+x\ry");
    expect(agreesWithHunks(["x\ry"], inner, "new")).toBe(true);
    expect(agreesWithHunks(["xy"], inner, "new")).toBe(false);
  });
});

// The view finds guards only on the lines its one scan let through; the guard pass alone reads every line.
describe("a view's guards, from the lines its one scan keeps", () => {
  test.each([
    ["a PY27 flag", true, ["if PY27:", "    text = unicode(x)", "y = 1"]],
    ["python_version in an elif", true, ["if x:", "    pass", "elif platform.python_version() < '3':", "    s = unicode(x)", "z = 2"]],
    ["a version check whose condition runs over two lines", true, ["if PY2 and (", "        x):", "    u = unicode(x)"]],
    ["an import fallback", true, ["try:", "    import cPickle as pickle", "except ImportError:", "    import pickle", "w = 3"]],
    ["an import fallback with the try out of view", true, ["    import cPickle as pickle", "except ImportError:", "    import pickle"]],
    ["an if PY2 inside a function", true, ["def f():", "    if PY2:", "        return u''", "    return ''"]],
    ["a raise of an error, which guards nothing", false, ["raise ValueError('x')", "v = unicode(x)"]],
  ])("%s", (_, guards, lines) => {
    const everyLine = guardedLines(lines, stripLines(lines));
    expect(everyLine.some(Boolean)).toBe(guards);
    expect(viewOfFile(lines).guarded).toEqual(everyLine);
    expect(viewOfHunkSide(lines, false, false).guarded).toEqual(everyLine);
  });
});
