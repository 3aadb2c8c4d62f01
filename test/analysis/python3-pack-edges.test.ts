import { fromGitHubFile } from "../../src/analysis/changed-file.js";
import { parseHunks } from "../../src/analysis/hunks.js";
import { measureMigration } from "../../src/analysis/migration.js";
import { python3Pack } from "../../src/analysis/python/python3-pack.js";

// The pack's own bookkeeping: which files, which view of them, the lines that serve a migration, a tree's scan.
const classes = (lines: string[], start = 40, status = "modified") => {
  const patch = `@@ -${start},${lines.filter((l) => !l.startsWith("+")).length} +${start},${lines.filter((l) => !l.startsWith("-")).length} @@\n${lines.join("\n")}`;
  const file = fromGitHubFile({ filename: "m.py", status, additions: 1, deletions: 1, patch });
  return python3Pack().classify(file, parseHunks(patch))[0].map((v) => v?.lineClass ?? "context");
};

describe("lines that serve the migration around them", () => {
  test("an added import of a name the migrated lines use, once those lines are known to be migration", () => {
    expect(classes(["-y = intern(s)", "+import sys", "+y = sys.intern(s)"])).toEqual(["migration", "migration", "migration"]);
    expect(classes(["-d.iteritems()", "+list(d.items())", "+import collections"])).toEqual(["migration", "migration", "other"]);
    // One of the names it binds is enough.
    expect(classes(["-y = intern(s)", "+import sys, os", "+y = sys.intern(s)"])).toEqual(["migration", "migration", "migration"]);
  });

  test("an added import serves compatibility code as well: a version check, and the guarded lines under it", () => {
    expect(classes(["+import sys", "+if sys.version_info[0] == 2:", "+    pass"])).toEqual(["migration", "migration", "migration"]);
    expect(classes(["+import platform", "+if PY2:", "+    name = platform.node()"])).toEqual(["migration", "migration", "migration"]);
    expect(classes(["+import platform", "+if PY2:", "+    pass"])).toEqual(["other", "migration", "migration"]);
  });

  test("a removed line's names do not make an added import serve", () => {
    expect(classes(["-x = sys.maxint", "+import sys", "+x = sys.maxsize"])).toEqual(["migration", "other", "other"]);
  });

  test("the unpacking 2to3 writes for a tuple parameter, blank lines and comments beside it", () => {
    expect(classes(["-def f(a, (b, c)):", "+def f(a, b_c):", "+    (b, c) = b_c", "+", "+    # unpacked"])).toEqual(["migration", "migration", "migration", "migration", "migration"]);
  });

  test("a removal without an old construct makes nothing serve; nor does a line with a name of its own", () => {
    expect(classes(["-x = 1", "+x = 2", "+", "+    # note"])).toEqual(["other", "other", "other", "other"]);
    expect(classes(["-def f(a, (b, c)):", "+def f(a, b_c):", "+    (b, c) = b_c", "+    total = b + c"])).toEqual(["migration", "migration", "migration", "other"]);
  });

  test("an extra removed line beside a removed old construct is made of its names only when it serves", () => {
    expect(classes(["-def f(a, (b, c)):", "-    (b, c)", "+def f(a, b_c):"])).toEqual(["migration", "migration", "migration"]);
    // A removal beyond the additions it pairs with lends its names too: the later lone `b` serves it.
    expect(classes(["-print 'x', a", "-print b", "+print('x', a)", " c = 1", "-b"])).toEqual(["migration", "migration", "migration", "context", "migration"]);
  });
});

describe("which view of a file the pack judges with", () => {
  test("a hunk in the middle of a file does not show its __future__ imports: print(a, b) is not judged there", () => {
    expect(classes(["+import six", "+print(a, b)"])).toEqual(["migration", "other"]);
    expect(classes(["+import six", "+print(a, b)"], 0, "added")).toEqual(["migration", "regression"]);
  });

  test("a removed file is judged whole: its import * inside a function is an old construct taken away", () => {
    const lines = ["-def f():", "-    from os.path import *"];
    expect(classes(lines, 1, "removed")).toEqual(["other", "migration"]);
    expect(classes(lines, 1, "modified")).toEqual(["other", "other"]);
  });
});

describe("the files the pack reads", () => {
  test("Python files and .pyw anywhere, dot folders included; the config's globs instead when given", () => {
    const pack = python3Pack();
    expect(["a.py", "deep/b.py", ".hidden/c.py", "tool.pyw", "notes.txt", "a.pyc"].map(pack.appliesTo)).toEqual([true, true, true, true, false, false]);
    const only = python3Pack({ files: ["src/**/*.py", "*.py3"] });
    expect(["src/a/b.py", "lib/b.py", "x/y.py3"].map(only.appliesTo)).toEqual([true, false, true]);
  });
});

describe("a tree's scan of one file", () => {
  test("old constructs with their lines; guarded ones only when Python 3 cannot parse them; blank lines skipped", () => {
    const text = ["import six", "if six.PY2:", "    x = unicode(y)", "    print 'a'", "", "   ", "z = d.iteritems()"].join("\n");
    expect(python3Pack().scan(text)).toEqual([
      { line: 4, rule: "print-statement" },
      { line: 7, rule: "dict-iteritems" },
    ]);
  });

  test("rules turned off are not counted; opt-in rules only when on", () => {
    expect(python3Pack({ disable: ["dict-iteritems"] }).scan("z = d.iteritems()")).toEqual([]);
    expect(python3Pack().scan("import six\nhalf = a / 2")).toEqual([]);
    expect(python3Pack({ enable: ["old-division"] }).scan("import six\nhalf = a / 2")).toEqual([{ line: 2, rule: "old-division" }]);
  });

  test("the measurement of a removed file counts its old constructs as migrated", () => {
    const patch = "@@ -1,2 +0,0 @@\n-def f():\n-    from os.path import *";
    const file = fromGitHubFile({ filename: "m.py", status: "removed", additions: 0, deletions: 2, patch });
    expect(measureMigration([file], [python3Pack()], { mixedTolerance: 0.1 })).toMatchObject({ migrated: 1, lines: { migration: 1, other: 1 } });
  });
});
