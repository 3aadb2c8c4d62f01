import { fromGitHubFile } from "../../src/analysis/changed-file.js";
import { editLinesOfPatch, measureMigration } from "../../src/analysis/migration.js";
import { python3Pack } from "../../src/analysis/python/python3-pack.js";
import { patch } from "../helpers/patch.js";

const pack = python3Pack();

function measure(lines: string[], path = "app/module.py", start = 1) {
  const additions = lines.filter((l) => l.startsWith("+")).length;
  const deletions = lines.filter((l) => l.startsWith("-")).length;
  const file = fromGitHubFile({ filename: path, status: "modified", additions, deletions, patch: patch(lines, start) });
  return measureMigration([file], [pack], { mixedTolerance: 0.1 });
}

const regressionsOf = (lines: string[]) => measure(lines).regressions.map((r) => r.rule);

describe("python3 pack: an added old construct is a regression (true positives)", () => {
  test.each([
    ['print "x"', "print-statement"],
    ["print x, y", "print-statement"],
    ['print >>sys.stderr, "x"', "print-statement"],
    ["print", "print-statement"],
    ["except ValueError, e:", "except-comma"],
    ["except (KeyError, IndexError), e:", "except-comma"],
    ["x = `y`", "backticks"],
    ["if a <> b:", "diamond-not-equal"],
    ['exec "x = 1"', "exec-statement"],
    ["exec code in namespace", "exec-statement"],
    ["os.chmod(path, 0777)", "old-octal"],
    ["big = 10L", "long-suffix"],
    ["pattern = ur'\\d+'", "ur-prefix"],
    ['raise ValueError, "bad"', "raise-comma"],
    ["def f(a, (b, c)):", "tuple-parameters"],
    ["def g((a, b), c):", "tuple-parameters"],
    ["pairs = map(lambda (k, v): k, items)", "tuple-parameters"],
    ["if isinstance(s, basestring):", "builtin-basestring"],
    ["text = unicode(value)", "builtin-unicode"],
    ["isinstance(n, (int, long))", "builtin-long"],
    ["snowman = unichr(9731)", "builtin-unichr"],
    ["for i in xrange(10):", "builtin-xrange"],
    ["name = raw_input()", "builtin-raw_input"],
    ['execfile("settings.py")', "builtin-execfile"],
    ["total = reduce(add, numbers)", "builtin-reduce"],
    ["apply(f, args)", "builtin-apply"],
    ['handle = file("data.txt")', "builtin-file"],
    ["class Error(StandardError):", "builtin-StandardError"],
    ["ordered = sorted(items, cmp=compare)", "sort-cmp"],
    ["items.sort(cmp=compare)", "sort-cmp"],
    ["for k, v in d.iteritems():", "dict-iteritems"],
    ["values = list(d.itervalues())", "dict-itervalues"],
    ["keys = d.iterkeys()", "dict-iterkeys"],
    ["both = a.viewitems() & b.viewitems()", "dict-viewitems"],
    ["if d.has_key(k):", "dict-has_key"],
    ["import urllib2", "module-urllib2"],
    ["from urlparse import urljoin", "module-urlparse"],
    ["import os, cPickle", "module-cPickle"],
    ["import ConfigParser", "module-ConfigParser"],
    ["from Queue import Queue", "module-Queue"],
    ["import StringIO", "module-StringIO"],
    ["from cStringIO import StringIO", "module-cStringIO"],
    ["import httplib", "module-httplib"],
    ["from HTMLParser import HTMLParser", "module-HTMLParser"],
    ["import Tkinter as tk", "module-Tkinter"],
    ["import __builtin__", "module-__builtin__"],
    ["import commands", "module-commands"],
    ["import SocketServer", "module-SocketServer"],
    ["import xmlrpclib", "module-xmlrpclib"],
    ["import cookielib", "module-cookielib"],
    ["import md5", "module-md5"],
    ["from sets import Set", "module-sets"],
    ["limit = sys.maxint", "sys-maxint"],
    ["alphabet = string.letters", "string-letters"],
    ["here = os.getcwdu()", "os-getcwdu"],
    ["for a, b in itertools.izip(xs, ys):", "itertools-izip"],
    ["    __metaclass__ = Meta", "metaclass-attribute"],
    ["    def __nonzero__(self):", "dunder__nonzero"],
    ["    def __unicode__(self):", "dunder__unicode"],
    ["    def __div__(self, other):", "dunder__div"],
  ])("+ %s → %s", (line, rule) => {
    expect(regressionsOf([`+${line}`])).toEqual([rule]);
  });
});

/** A whole added file: the patch is the whole file, so the top (its `__future__` imports) is in view. */
function addedFile(lines: string[]) {
  const file = fromGitHubFile({ filename: "m.py", status: "added", additions: lines.length, deletions: 0, patch: patch(lines.map((l) => `+${l}`)) });
  return measureMigration([file], [pack], { mixedTolerance: 0.1 });
}
function removedFromFile(before: string[], removed: number) {
  const after = before.filter((_, i) => i !== removed);
  const lines = before.map((l, i) => (i === removed ? `-${l}` : l));
  const file = fromGitHubFile({ filename: "m.py", status: "modified", additions: 0, deletions: 1, patch: patch(lines) });
  return measureMigration([file], [pack], { mixedTolerance: 0.1 }, { head: new Map([["m.py", after.join("\n")]]), base: new Map([["m.py", before.join("\n")]]) });
}

describe("python3 pack: the constructs the accuracy issue lists, flagged when added and migration work when removed", () => {
  test.each([
    ["value = it.next()", "next-method-called"],
    ["name = f.func_name", "function-attributes"],
    ["code = f.func_code", "function-attributes"],
    ["defaults = f.func_defaults", "function-attributes"],
    ["g = f.func_globals", "function-attributes"],
    ["d = f.func_dict", "function-attributes"],
    ["cells = f.func_closure", "function-attributes"],
    ["doc = f.func_doc", "function-attributes"],
    ["fn = m.im_func", "method-attributes"],
    ["obj = m.im_self", "method-attributes"],
    ["cls = m.im_class", "method-attributes"],
    ["first = d.keys()[0]", "dict-view-indexed"],
    ["first = map(f, xs)[0]", "iterator-indexed"],
    ["pair = zip(a, b)[0]", "iterator-indexed"],
    ["truthy = filter(None, xs)[0]", "iterator-indexed"],
    ["n = len(map(f, xs))", "iterator-indexed"],
    ["from itertools import imap", "itertools-imports"],
    ["from itertools import chain, izip_longest", "itertools-imports"],
    ["text = string.join(words, ' ')", "string-functions"],
    ["parts = string.split(line)", "string-functions"],
    ["n = string.atoi(s)", "string-functions"],
    ["sys.exitfunc = cleanup", "sys-exitfunc"],
    ["view = buffer(x)", "builtin-buffer"],
    ["ok = operator.isCallable(f)", "operator-functions"],
    ['raise "text"', "raising-string"],
    ["for line in f.xreadlines():", "xreadlines-attribute"],
    ["out, inp = os.popen2(cmd)", "os-popen2"],
    ["g.throw(ValueError, 'x')", "generator-throw-args"],
    ["squares = [x for x in 1, 2, 3]", "paren-comprehension"],
    ["n = long(x)", "builtin-long"],
    ["order = cmp(a, b)", "builtin-cmp"],
    ["raw = s.encode('hex')", "invalid-str-codec"],
    ["s.translate(None, 'abc')", "str-translate-deletechars"],
    ["from sys import maxint", "sys-maxint"],
    ["from urllib import urlencode", "module-urllib"],
    ["page = urllib.urlopen(url)", "urllib-functions"],
  ])("+ %s → %s", (line, rule) => {
    expect(regressionsOf([`+${line}`])).toEqual([rule]);
    // Removed from a file, the same line is an old construct taken away: migration work.
    const removed = removedFromFile(["import os", line, "x = 1"], 1);
    expect(removed).toMatchObject({ migrated: 1, lines: { migration: 1, regression: 0, other: 0 } });
  });

  test("e.message is flagged on a caught exception, and counts as migration when removed", () => {
    expect(addedFile(["try:", "    run()", "except ValueError as e:", "    log(e.message)"]).regressions.map((r) => r.rule)).toEqual(["exception-message-attribute"]);
    const removed = removedFromFile(["try:", "    run()", "except ValueError as e:", "    log(e.message)", "    raise"], 3);
    expect(removed.migrated).toBe(1);
  });

  test("print(a, b) in a file that still runs on Python 2 without print_function prints a tuple there", () => {
    expect(addedFile(["from __future__ import absolute_import", "print(a, b)"]).regressions.map((r) => r.rule)).toEqual(["print-tuple"]);
    expect(addedFile(["import six", "print(a, b)"]).regressions.map((r) => r.rule)).toEqual(["print-tuple"]);
    expect(addedFile(["from __future__ import print_function", "import six", "print(a, b)"]).regressions).toEqual([]);
    // A Python 3 file (nothing says it runs on Python 2) and one-argument calls are fine.
    expect(addedFile(["print(a, b)"]).regressions).toEqual([]);
    expect(addedFile(["import six", "print(a)", "print((a, b))", "print(f(a, b))"]).regressions).toEqual([]);
  });

  test("old-division is off by default; turned on, it is flagged only without `from __future__ import division`", () => {
    const lines = ["import six", "half = total / 2"];
    expect(addedFile(lines).regressions).toEqual([]);
    const strict = python3Pack({ enable: ["old-division"] });
    const run = (text: string[]) => {
      const file = fromGitHubFile({ filename: "m.py", status: "added", additions: text.length, deletions: 0, patch: patch(text.map((l) => `+${l}`)) });
      return measureMigration([file], [strict], { mixedTolerance: 0.1 }).regressions.map((r) => r.rule);
    };
    expect(run(lines)).toEqual(["old-division"]);
    expect(run(["from __future__ import division", ...lines])).toEqual([]);
    expect(run(["whole = total // 2", "# a / b in a comment", 'path = "a/b"'])).toEqual([]);
  });

  test("a rule can be turned off by the config", () => {
    const lenient = python3Pack({ disable: ["unittest-deprecated-alias"] });
    const file = fromGitHubFile({ filename: "m.py", status: "modified", additions: 1, deletions: 0, patch: patch(["+self.assertEquals(a, b)"]) });
    expect(measureMigration([file], [lenient], { mixedTolerance: 0.1 }).regressions).toEqual([]);
  });

  test("import * inside a function is a syntax error in Python 3; at module level it is not", () => {
    expect(addedFile(["def load():", "    from settings import *"]).regressions.map((r) => r.rule)).toEqual(["import-star-in-function"]);
    expect(addedFile(["from settings import *"]).regressions).toEqual([]);
  });
});

describe("python3 pack: the new rules' traps stay quiet", () => {
  test.each([
    ["cursor.next(5)"],
    ["page = paginator.next(page=2)"],
    ["nxt = next(it)"],
    ["self.message = message"],
    ["print(error.message)"],
    ["log(response.message)"],
    ["first = list(d.keys())[0]"],
    ["first = sorted(d)[0]"],
    ["pairs = list(zip(a, b))[0]"],
    ["text = ', '.join(words)"],
    ["from itertools import chain, zip_longest"],
    ["sys.exit(1)"],
    ["view = memoryview(x)"],
    ["ok = callable(f)"],
    ['raise ValueError("text")'],
    ["raise ValueError(5, 6)"],
    ["raise KeyError(a, b) from None"],
    ["for line in f:"],
    ["self.assertEqual(a, b)"],
    ["squares = [x for x in (1, 2, 3)]"],
    ["pairs = [(a, b) for a, b in items]"],
    ["found = [x for x in y if x in (1, 2)]"],
    ["raw = binascii.hexlify(s)"],
  ])("+ %s", (line) => {
    expect(regressionsOf([`+${line}`])).toEqual([]);
  });

  test("string as a local name is not the string module", () => {
    expect(regressionsOf(["+def shout(string):", "+    return string.upper()"])).toEqual([]);
    expect(regressionsOf(["+string = read()", "+parts = string.split(',')"])).toEqual([]);
    expect(regressionsOf(["+import string", "+parts = string.split(line)"])).toEqual(["string-functions"]);
  });

  test("next() is the iterator protocol only in an iterator; beside __next__ it is kept for Python 2", () => {
    const iterator = ["class It(object):", "    def __iter__(self):", "        return self", "    def next(self):", "        return 1"];
    expect(addedFile(iterator).regressions.map((r) => r.rule)).toEqual(["next-method-defined"]);
    expect(addedFile([...iterator, "    __next__ = next", "    def __next__(self):", "        return 1"]).regressions).toEqual([]);
    // A class that is no iterator (tarfile.TarFile, an enum) has a next() of its own.
    expect(addedFile(["class Archive(object):", "    def __iter__(self):", "        yield 1", "    def next(self):", "        return 1"]).regressions).toEqual([]);
    expect(addedFile(["class Precedence(object):", "    def next(self):", "        return 1"]).regressions).toEqual([]);
  });

  test("a message attribute on your own class is not BaseException.message", () => {
    expect(addedFile(["class Mail(object):", "    def __init__(self, message):", "        self.message = message", "    def body(self):", "        return self.message"]).regressions).toEqual([]);
  });
});

describe("python3 pack: no false positives", () => {
  test.each([
    ['print("x")'],
    ["print(x, file=f)"],
    ["print (x)"],
    ["printer = make_printer()"],
    ["self.print_report()"],
    ['# print "x" was here'],
    ['message = "print \'x\' and d.iteritems()"'],
    ["self.unicode = True"],
    ["value = obj.long"],
    ["def unicode(self):"],
    ["render(unicode=True)"],
    ["long_name = 1"],
    ["file_path = profile(x)"],
    ["open(file)"],
    ["for k, v in six.iteritems(d):"],
    ["values = future.utils.itervalues(d)"],
    ["from six.moves import urllib"],
    ["from six.moves import cPickle as pickle"],
    ["from six.moves.urllib.parse import urlparse"],
    ["x = 0"],
    ["y = 0.777"],
    ["z = 0o777"],
    ["w = x[0]"],
    ["n = 100"],
    ["if a != b:"],
    ["shifted = a << b"],
    ['raise ValueError("bad")'],
    ["raise"],
    ["def f(a, b=(1, 2)):"],
    ["def g(a, b):"],
    ["key = lambda: (x, y)"],
    ["total = functools.reduce(add, numbers)"],
    ["for k, v in d.items():"],
    ["import urllib.parse"],
    ["import configparser"],
    ["executor = pool()"],
    ["limit = sys.maxsize"],
    ["except (ValueError, TypeError) as e:"],
  ])("+ %s", (line) => {
    expect(regressionsOf([`+${line}`])).toEqual([]);
  });

  test("a docstring or comment holding print \"x\" is not flagged", () => {
    expect(regressionsOf(["def f():", '+    """Show how it was done:', '+    print "x"', '+    """', "+    # print \"x\"", "+    return 1"])).toEqual([]);
  });

  test("a hunk that begins inside a triple-quoted string is read as a string until it closes", () => {
    const lines = ["    used to be written like this in the old days, before", '+    print "x" in the example text', '    """', '+print "y"'];
    expect(measure(lines, "app/module.py", 40).regressions).toEqual([expect.objectContaining({ rule: "print-statement", line: 43 })]);
  });

  test("a hunk at the top of the file starts outside any string", () => {
    const lines = ["first line of a module docstring that reads like prose text", '+print "x"', '"""', "+y = 1"];
    expect(measure(lines).regressions).toEqual([expect.objectContaining({ rule: "print-statement", line: 2 })]);
  });

  test("a string ending with an escaped backslash before its closing quotes is closed: the code after it is code", () => {
    expect(regressionsOf(['+s = """ends with an escaped backslash \\\\"""', '+print "x"'])).toEqual(["print-statement"]);
    expect(regressionsOf(["+s = 'one backslash \\\\'", '+print "y"'])).toEqual(["print-statement"]);
    // An escaped quote, by contrast, does not close it.
    expect(regressionsOf(['+s = """still open \\"""', '+print "z"', '+"""'])).toEqual([]);
  });

  test("a string continued with a backslash is not code", () => {
    expect(regressionsOf(['+s = "first \\', '+print "x" continues the string"'])).toEqual([]);
  });

  test("reduce is fine where the file imports it from functools", () => {
    expect(regressionsOf(["+from functools import reduce", "+total = reduce(add, numbers)"])).toEqual([]);
  });
});

describe("python3 pack: code guarded for Python 2 is compatibility work", () => {
  test.each([
    ["six.PY2", ["+if six.PY2:", "+    text = unicode(x)", "+else:", "+    text = str(x)"]],
    ["PY2", ["+if PY2:", "+    range = xrange"]],
    ["version_info", ["+if sys.version_info[0] == 2:", "+    input = raw_input"]],
    ["version_info else", ["+if sys.version_info >= (3,):", "+    string_types = str,", "+else:", "+    string_types = basestring,"]],
    ["try old import", ["+try:", "+    import cPickle as pickle", "+except ImportError:", "+    import pickle"]],
    ["except old import", ["+try:", "+    from urllib.parse import urljoin", "+except ImportError:", "+    from urlparse import urljoin"]],
    ["NameError", ["+try:", "+    unicode", "+except NameError:", "+    unicode = str"]],
  ])("%s: no regression, all migration", (_name, lines) => {
    const result = measure(lines);
    expect(result.regressions).toEqual([]);
    expect(result.lines).toEqual({ migration: lines.length, regression: 0, other: 0 });
  });

  test("a guard ends where its block ends", () => {
    expect(regressionsOf(["+if PY2:", "+    a = unicode(x)", "+b = unicode(y)"])).toEqual(["builtin-unicode"]);
  });

  test("syntax Python 3 cannot parse is a regression even inside a guard", () => {
    expect(regressionsOf(["+if PY2:", '+    print "x"'])).toEqual(["print-statement"]);
  });
});

describe("migration measurement", () => {
  test("replacing d.iteritems() with d.items() and adding a print statement: one migration line, one regression on its line", () => {
    const result = measure(["def f(d):", "-    for k, v in d.iteritems():", "+    for k, v in d.items():", '+        print "x"', "     return d"]);
    expect(result.lines).toEqual({ migration: 1, regression: 1, other: 0 });
    expect(result.migrated).toBe(1);
    expect(result.regressions).toEqual([{ path: "app/module.py", line: 3, pack: "python3", rule: "print-statement", message: expect.stringContaining("print(...)") }]);
  });

  test("removing Python 2 constructs and compatibility code is migration; the pull request is migration only", () => {
    const result = measure(["-from __future__ import print_function", "-import six", "-if six.PY2:", "-    text = unicode(x)", "-for k, v in d.iteritems():", "+for k, v in d.items():"]);
    expect(result.lines).toEqual({ migration: 5, regression: 0, other: 0 });
    expect(result.migrated).toBe(2);
    expect(result).toMatchObject({ mixed: false, migrationOnly: true });
  });

  test("migration combined with a feature beyond the tolerance is mixed", () => {
    const migrationFile = fromGitHubFile({ filename: "a.py", status: "modified", additions: 1, deletions: 1, patch: patch(["-for k in d.iterkeys():", "+for k in d.keys():"]) });
    const feature = fromGitHubFile({ filename: "feature.py", status: "added", additions: 40, deletions: 0, patch: patch(Array.from({ length: 40 }, (_, i) => `+x${i} = ${i}`)) });
    const readme = fromGitHubFile({ filename: "README.md", status: "modified", additions: 2, deletions: 0, patch: patch(["+one", "+two"]) });
    expect(measureMigration([migrationFile, readme], [pack], { mixedTolerance: 0.1 })).toMatchObject({ mixed: false, migrationOnly: true, lines: { migration: 1, other: 2 } });
    expect(measureMigration([migrationFile, feature], [pack], { mixedTolerance: 0.1 })).toMatchObject({ mixed: true, migrationOnly: false, lines: { migration: 1, other: 40 } });
  });

  test("exactly mixedTolerance lines of other work per migration line is still migration; one more is mixed", () => {
    const migrationLines = Array.from({ length: 40 }, (_, i) => [`-for k in d${i}.iterkeys():`, `+for k in d${i}.keys():`]).flat();
    const migrationFile = fromGitHubFile({ filename: "a.py", status: "modified", additions: 40, deletions: 40, patch: patch(migrationLines) });
    const other = (n: number) => fromGitHubFile({ filename: "notes.md", status: "modified", additions: n, deletions: 0, patch: patch(Array.from({ length: n }, (_, i) => `+note ${i}`)) });
    // 40 migration lines × 0.1 = 4 other lines tolerated.
    expect(measureMigration([migrationFile, other(4)], [pack], { mixedTolerance: 0.1 })).toMatchObject({ mixed: false, migrationOnly: true, lines: { migration: 40, other: 4 } });
    expect(measureMigration([migrationFile, other(5)], [pack], { mixedTolerance: 0.1 })).toMatchObject({ mixed: true, migrationOnly: false, lines: { migration: 40, other: 5 } });
  });

  test("files the pack does not read count as other work", () => {
    const js = fromGitHubFile({ filename: "web/app.js", status: "modified", additions: 3, deletions: 3, patch: patch(["-a", "-b", "-c", "+d", "+e", "+f"]) });
    expect(measureMigration([js], [pack], { mixedTolerance: 0.1 })).toMatchObject({ lines: { migration: 0, regression: 0, other: 3 }, packs: [] });
  });
});

describe("changed lines of files no pack reads", () => {
  test.each([
    ["@@ -1,3 +1,3 @@\n a\n-b\n+c\n d", 1],
    ["@@ -1,3 +1,4 @@\n a\n-b\n+c\n+d\n e", 2],
    ["@@ -1,2 +1,1 @@\n-a\n-b\n+c", 2],
    ["@@ -1 +1,2 @@\n+a\n+b\n\\ No newline at end of file", 2],
    ["@@ -1,2 +1,2 @@\n-a\n+b\n@@ -10,2 +10,2 @@\n-c\n+d", 2],
    ["@@ -1,2 +1,2 @@\n+a\n-b", 2],
  ])("%j counts %i", (text, expected) => {
    expect(editLinesOfPatch(text)).toBe(expected);
    expect(measureMigration([fromGitHubFile({ filename: "x.js", status: "modified", additions: 0, deletions: 0, patch: text })], [pack], { mixedTolerance: 0 }).lines.other).toBe(expected);
  });
});

describe("names a file defines itself are not the removed builtins", () => {
  test.each([
    [["+from sys import intern", "+key = intern(k)"]],
    [["+from six.moves import xrange", "+for i in xrange(3):"]],
    [["+long, short, help = option", "+if not isinstance(long, str):"]],
    [["+def parse(unicode, file):", "+    return file(unicode)"]],
    [["+reduce = getattr(obj, '__reduce_ex__', None)", "+rv = reduce(4)"]],
    [["+for file in files:", "+    file(1)"]],
  ])("%j", (lines) => {
    expect(regressionsOf(lines)).toEqual([]);
  });

  test("a receiver named self is the class's own method", () => {
    expect(regressionsOf(["+return list(self.iterkeys())"])).toEqual([]);
    expect(regressionsOf(["+return list(self.data.iterkeys())"])).toEqual(["dict-iterkeys"]);
  });
});

describe("regressions judged again with the whole file in view", () => {
  const guardedFile = [
    "import six",
    "",
    "if six.PY2:",
    "    a = 1",
    "    b = 2",
    "    c = 3",
    "    d = 4",
    "    text = unicode(x)",
    "",
    "y = unicode(z)",
    'print "done"',
  ].join("\n");

  const whole = (lines: string[], path: string, start: number, text: string, base?: string) => {
    const additions = lines.filter((l) => l.startsWith("+")).length;
    const deletions = lines.filter((l) => l.startsWith("-")).length;
    const file = fromGitHubFile({ filename: path, status: "modified", additions, deletions, patch: patch(lines, start) });
    return measureMigration([file], [pack], { mixedTolerance: 0.1 }, { head: new Map([[path, text]]), ...(base ? { base: new Map([[path, base]]) } : {}) });
  };

  test("a guard above the hunk's context clears the regression; others stay", () => {
    const hunk = ["    c = 3", "    d = 4", "+    text = unicode(x)", "", "+y = unicode(z)", "+print \"done\""];
    const inHunks = measure(hunk, "app/compat.py", 6);
    expect(inHunks.regressions.map((r) => [r.line, r.rule])).toEqual([
      [8, "builtin-unicode"],
      [10, "builtin-unicode"],
      [11, "print-statement"],
    ]);
    const refined = whole(hunk, "app/compat.py", 6, guardedFile);
    expect(refined.regressions.map((r) => r.line)).toEqual([10, 11]);
    expect(refined.lines).toEqual({ migration: 1, regression: 2, other: 0 });
    expect(refined.hunksOnly).toEqual([]);
  });

  test("a docstring that opens above the hunk hides its lines, which are other work, not migration", () => {
    const file = ['def f():', '    """Example of the old way:', "", "    for k, v in d.iteritems():", "        pass", '    """', "    return 1"].join("\n");
    const hunk = ["", "+    for k, v in d.iteritems():", "        pass", '    """'];
    const refined = whole(hunk, "a.py", 3, file);
    expect(refined.regressions).toEqual([]);
    expect(refined.lines).toEqual({ migration: 0, regression: 0, other: 1 });
  });

  test("a hunk that starts on a docstring's closing quotes: the import below is real code (the reported miss)", () => {
    const file = ['"""Fetch pages.', "", "Long module documentation.", '"""', "import os", "import urlparse", "", "x = 1"].join("\n");
    const hunk = ['"""', " import os", "+import urlparse", ""].map((l, i) => (i === 0 ? l : l.startsWith(" ") ? l.slice(1) : l));
    expect(measure(hunk, "fetch.py", 4).regressions).toEqual([]); // hunks alone read it as prose inside a string
    expect(whole(hunk, "fetch.py", 4, file).regressions.map((r) => r.rule)).toEqual(["module-urlparse"]);
  });

  test("syntax stays a regression under a guard seen in the whole file", () => {
    const file = ["if PY2:", "    x = 1", "    y = 2", "    z = 3", "    w = 4", '    print "x"'].join("\n");
    const refined = whole(["    w = 4", '+    print "x"'], "a.py", 5, file);
    expect(refined.regressions.map((r) => r.rule)).toEqual(["print-statement"]);
  });

  test("removed lines are judged with the base version: a construct inside a docstring is not migration work", () => {
    const base = ['def f():', '    """Old way:', "", "    d.iteritems()", '    """', "    return d.items()"].join("\n");
    const head = ['def f():', '    """Old way:', "", '    """', "    return d.items()"].join("\n");
    const hunk = ['    """Old way:', "", "-    d.iteritems()", '    """'];
    const refined = whole(hunk, "a.py", 2, head, base);
    expect(refined.migrated).toBe(0);
    expect(refined.lines).toEqual({ migration: 0, regression: 0, other: 1 });
  });

  test("a text that does not agree with the diff is ignored: the hunks are the truth", () => {
    const hunk = ["    w = 4", "+    text = unicode(x)"];
    const refined = whole(hunk, "a.py", 5, "if PY2:\n    pass\n");
    expect(refined.regressions.map((r) => r.rule)).toEqual(["builtin-unicode"]);
  });
});

