import {
  addRenamedModulesImportedBy,
  compatibilityMarkerIn,
  exceptNameIn,
  identifiersOf,
  namesDefinedIn,
  namesImportedBy,
  oldConstructsIn,
  python3IdiomIn,
} from "../../src/analysis/python/constructs.js";

// The helpers the python3 pack's line work stands on, each with the spellings Python allows.
const sorted = (names: Iterable<string>) => [...names].sort();

describe("names a file defines itself", () => {
  test.each<[string, string[]]>([
    ["from  os.path   import   (join,  split as sp)", ["join", "sp"]],
    ["    from x import y", ["y"]],
    ['msg = "from os import path"', ["msg"]],
    ["import  numpy  as  np, os, sys as system", ["np", "system"]],
    ["import os", []],
    ["  a ,  b  = 1, 2", ["a", "b"]],
    ["x == 1", []],
    ["def  f (a, b=1, *args, **kw):", ["a", "args", "b", "f", "kw"]],
    ["async  def g(x, 3y, a.b):", ["g", "x"]],
    ["for  (i, j)  in pairs:", ["i", "j"]],
    ["with open(p) as  fh:", ["fh"]],
    ["except E as err:", ["err"]],
    ['s = "from os import a, b"', ["s"]],
    ["from x import(a, b)", ["a", "b"]],
    ["  import a as b", ["b"]],
    ['s = "def f(a)"', ["s"]],
    ["xdef f(a):", []],
    ["x=1", ["x"]],
    ['s = "for a in b"', ["s"]],
    ["for(i,j)in pairs:", ["i", "j"]],
    ["for index in items:", ["index"]],
  ])("%s → %j", (line, names) => expect(sorted(namesDefinedIn([line]))).toEqual(names));
});

describe("names an import line binds", () => {
  test.each<[string, string[]]>([
    ["from  os.path  import  (join ,  split  as  sp)", ["join", "sp"]],
    ["   import os.path, sys as s", ["os", "s"]],
    ["import a.b.c", ["a"]],
    ["from . import x", ["x"]],
    ["from ab import cd", ["cd"]],
    ["from x import (a,", ["a"]],
    ["xfrom a import b", []],
    ["ximport a", []],
    ["x = 1", []],
    ["import sys  as  s", ["s"]],
    ["from x import(a, b)", ["a", "b"]],
    ["importer = 1", []],
  ])("%s → %j", (line, names) => expect(namesImportedBy(line)).toEqual(names));
});

describe("the name a caught exception is bound to", () => {
  test.each<[string, string | undefined]>([
    ["    except  ValueError  as  err :", "err"],
    ["except (A, B), e:", "e"],
    ["except A,e:", "e"],
    ["except A:", undefined],
    ["xexcept E as e:", undefined],
    ["x = 1", undefined],
  ])("%s → %s", (line, name) => expect(exceptNameIn(line)).toBe(name));
});

describe("identifiers of a line", () => {
  test("keywords left out; digits are not names; the names a rename stands for come with them", () => {
    expect(sorted(identifiersOf("x = foo_bar + 2 * baz9"))).toEqual(["baz9", "foo_bar", "x"]);
    expect(sorted(identifiersOf("if x and not y: return self"))).toEqual(["x", "y"]);
    expect(sorted(identifiersOf("d.items()"))).toEqual(["d", "items", "iteritems", "viewitems"]);
  });
});

describe("renamed modules imported under their own name", () => {
  test.each<[string, string[]]>([
    ["import StringIO,  urllib2 as u2, os", ["StringIO"]],
    ["  import  cPickle", ["cPickle"]],
    ["import ConfigParser.x", ["ConfigParser"]],
    ["from StringIO import StringIO", []],
    ["ximport StringIO", []],
    ["import os, Queue", ["Queue"]],
    ["import ConfigParser.x as cp", []],
    ["import  StringIO  as  s", []],
  ])("%s → %j", (line, modules) => {
    const found = new Set<string>();
    addRenamedModulesImportedBy(line, found);
    expect(sorted(found)).toEqual(modules);
  });
});

describe("a Python 3 idiom in place of the line it replaces", () => {
  test.each<[string, string[], boolean]>([
    ["x = list(d.keys())", ["x = d.keys()"], true],
    ["x = list(d.keys())", ["x = list(d.keys())"], false],
    ["x = list(d.keys())", ["a = 1", "x = d.keys()"], true],
    ["x = list(d.keys())", ["x = list(d.keys())", "a = 1"], false],
    ["x = 1", ["y = 2"], false],
    ["ok = isinstance(x, (int, float))", ["ok = isinstance(x, (int, int, float))"], true],
    ["ok = isinstance(x,(int,long))", ["ok = isinstance(xy,(int,int,long))"], true],
    ["ok = isinstance(x, (int, int))", ["ok = isinstance(x, (int, int))"], false],
    ["y = 1", ["ok = isinstance(x, (int, float))"], false],
    ["ok = isinstance(x, (int,))", ["ok = isinstance (x, (int, int))"], true],
    ["ok = isinstance(x, (int, float))", ["ok = isinstance(x, (int, int, float))", "y = 1"], true],
  ])("%s for %j: %s", (added, replaced, expected) => expect(python3IdiomIn(added, ...replaced)).toBe(expected));
});

describe("old constructs on a line, with what the file knows", () => {
  const ids = (code: string, context = {}) => oldConstructsIn(code, undefined, context).map((h) => h.id);

  test("a caught exception's name triggers its rules, alone or beside imported modules", () => {
    expect(ids("x = err[0]", { exceptNames: new Set(["err"]) })).toEqual(["indexing-exception"]);
    expect(ids("x = err[0]", { exceptNames: new Set(["err"]), importedModules: new Set(["StringIO"]) })).toEqual(["indexing-exception"]);
    expect(ids("x = err[0]")).toEqual([]);
    expect(ids("log(err . message)", { exceptNames: new Set(["err"]) })).toEqual(["exception-message-attribute"]);
    expect(ids("log(err .message)", { exceptNames: new Set(["err"]) })).toEqual(["exception-message-attribute"]);
    expect(ids("log(err. message)", { exceptNames: new Set(["err"]) })).toEqual(["exception-message-attribute"]);
  });

  test("the rules of every trigger word on a line are tried, in rule order, whichever word comes first", () => {
    const one = ids("if d.has_key(k): pass");
    expect(one).toHaveLength(1);
    expect(ids("if d.has_key(k) and e.has_key(k): pass")).toEqual(one);
    const both = ids("print d.has_key(k)");
    expect(both).toEqual(expect.arrayContaining([...one, ...ids("print x")]));
    expect(both).toHaveLength(2);
    expect(ids("x = d.has_key(k) or `y`")).toEqual(expect.arrayContaining([...one, ...ids("x = `y`")]));
    expect(ids("x = d.has_key(k) or `y`")).toHaveLength(2);
    // Rule order, not the order of the words on the line.
    expect(ids("x = `y` or d.has_key(k)")).toEqual(ids("x = d.has_key(k) or `y`"));
    expect(ids("x = err[0] or d.has_key(k)", { exceptNames: new Set(["err"]) })).toEqual(expect.arrayContaining(["indexing-exception", ...one]));
    expect(ids("x = err[0] or d.has_key(k)", { exceptNames: new Set(["err"]) })).toHaveLength(2);
  });

  test("a use of an imported renamed module names the first one on the line", () => {
    expect(ids("buf = StringIO.StringIO()", { importedModules: new Set(["StringIO"]) })).toEqual(["module-StringIO"]);
    expect(ids("a = StringIO.x + Queue.y", { importedModules: new Set(["StringIO", "Queue"]) })).toEqual(["module-StringIO"]);
    expect(oldConstructsIn("buf = StringIO.StringIO()", undefined, { importedModules: new Set(["StringIO"]) })[0].message).toBe(
      "StringIO was renamed or removed in Python 3: use io.",
    );
    // The name alone, or as another object's attribute, is not the module in use.
    expect(ids("buf = StringIO", { importedModules: new Set(["StringIO"]) })).toEqual([]);
    expect(ids("buf = io.StringIO()", { importedModules: new Set(["StringIO"]) })).toEqual([]);
  });

  test("hits in the rules' order, whatever the order on the line", () => {
    expect(ids("x = d.has_key(k) or unicode(y)")).toEqual(["builtin-unicode", "dict-has_key"]);
  });

  test("an opt-in rule only when turned on, whatever else is", () => {
    expect(ids("a = b / c", { enabled: new Set(["something-else"]), future: new Set() })).toEqual([]);
    expect(ids("a = b / c", { enabled: new Set(["old-division"]), future: new Set() })).toEqual(["old-division"]);
  });

  test("renamed modules: the message names the new module; turned off by its id or all at once", () => {
    const [hit] = oldConstructsIn("import urllib2");
    expect(hit).toEqual({ id: "module-urllib2", message: "urllib2 was renamed or removed in Python 3: use urllib.request and urllib.error (or six.moves while Python 2 must still run it)." });
    expect(oldConstructsIn("from urllib import urlopen")[0].message).toBe("urllib was renamed or removed in Python 3: use urllib.request, urllib.parse and urllib.error (or six.moves while Python 2 must still run it).");
    expect(ids("import urllib2", { disabled: new Set(["module-urllib2"]) })).toEqual([]);
    expect(ids("import urllib2", { disabled: new Set(["module"]) })).toEqual([]);
    expect(ids("import urllib2", { disabled: new Set(["module-StringIO"]) })).toEqual(["module-urllib2"]);
    expect(ids("from six.moves import urllib2")).toEqual([]);
  });

  test("compatibility markers", () => {
    expect(compatibilityMarkerIn("import six")).toBe("six");
    expect(compatibilityMarkerIn("x = 1")).toBeUndefined();
  });
});
