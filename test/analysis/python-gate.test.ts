import { oldConstructsIn, worthJudging } from "../../src/analysis/python/constructs.js";
import { OLD_CONSTRUCT_RULES } from "../../src/analysis/python/rules.js";

// The scan every changed Python line goes through before any rule: whole words, and the punctuation rules' and
// markers' characters.

describe("the one scan before any rule", () => {
  const none = {};
  test.each([
    // identifiers, whole, as `[A-Za-z_][A-Za-z0-9_]*` reads them
    ["x = xrange(3)", true],
    ["x = myxrange(3)", false],
    ["x = xrange2(3)", false],
    ["x = 2xrange(3)", true], // after digits an identifier starts
    ["x = 12xrange(3)", true],
    ["x = a2xrange(3)", false], // the digits end an identifier: the word is inside it
    ["x = _12xrange(3)", false],
    ["x = (3)xrange", true],
    ["x = a.xrange", true], // an attribute is still the word (the rule decides)
    ["x = éxrange", true], // beyond ASCII is no identifier character, as in the patterns
    // the punctuation rules
    ["x = `y`", true],
    ["if a <> b: pass", true],
    ["if a < > b: pass", false],
    ["x = 10L", true],
    ["x = x10L", true], // `\d[lL]\b` reads inside an identifier too
    ["x = 10Lx", false],
    ["x = 10", false],
    ["x = 0777", true],
    ["x = 0", false],
    ["x = 1.0777", false], // after a dot: a float
    ["x = a0777", false],
    ['x = r""', true],
    ['x = R""', true],
    ['x = r"', false],
    ['x = ar""', true],
    // the markers' words and the unicode prefix
    ["import os", true],
    ["if PY2: pass", true],
    ["if PY27: pass", false],
    ["x = six.moves", true],
    ['x = u""', true],
    ['x = U""', true],
    ["x = u", false],
    ["@python_2_unicode_compatible", true],
    ["value = compute(version)", false],
    // a common word counts only with what its rules need after it
    ["def f(a, b):", false],
    ["def f(a, (b, c)):", true],
    ["for x in things:", false],
    ["y = [x for x in 1, 2]", true],
    ["raise ValueError(x)", false],
    ["raise ValueError, x", true],
    ['raise ""', true],
    ["path = os.path.join(a, b)", false],
    ["here = os.getcwdu()", true],
    ["here = os . getcwdu()", true],
    ["args = sys.argv", false],
    ["big = sys.maxint", true],
    ["if sys.version_info[0] == 2: pass", true],
    ["", false],
  ])("%s → %s", (line, worth) => expect(worthJudging(line, none)).toBe(worth));

  test("reads the file's caught exceptions and imported modules as words", () => {
    const context = { exceptNames: new Set(["err"]), importedModules: new Set(["StringIO"]) };
    expect(worthJudging("print err[0]", context)).toBe(true);
    expect(worthJudging("x = err[0]", context)).toBe(true);
    expect(worthJudging("x = errs[0]", context)).toBe(false);
    expect(worthJudging("x = StringIO.StringIO()", context)).toBe(true);
    expect(worthJudging("x = StringIO.StringIO()", none)).toBe(false);
    // and the rules behind those words are tried: the exception's index, the module's use
    expect(oldConstructsIn("x = err[0]", () => new Set(), context).map((h) => h.id)).toEqual(["indexing-exception"]);
    expect(oldConstructsIn("x = StringIO.StringIO()", () => new Set(), context).map((h) => h.id)).toEqual(["module-StringIO"]);
  });

  test("every rule tried on a caught exception's name needs the [ that the gate looks for first", () => {
    const rules = OLD_CONSTRUCT_RULES.filter((rule) => rule.exceptName);
    expect(rules.length).toBeGreaterThan(0);
    for (const rule of rules) expect(rule.pattern.source).toContain("\\[");
  });

  test("reads a caught exception's name only where it is indexed, and a module's only before a dot", () => {
    const caught = { exceptNames: new Set(["err"]) };
    const imported = { importedModules: new Set(["StringIO"]) };
    // Neither rule can fire on these lines, so they are not worth judging.
    expect(worthJudging("log(err)", caught)).toBe(false);
    expect(worthJudging("x = StringIO", imported)).toBe(false);
    // The character a rule needs is not enough: the name must be there too.
    expect(worthJudging("x = other[0]", caught)).toBe(false);
    expect(worthJudging("x = StringIOs.read()", imported)).toBe(false);
    expect(worthJudging("log(err, a[0])", caught)).toBe(true);
    expect(worthJudging("f(StringIO, os.sep)", imported)).toBe(true);
    // A file with both kinds of name: an indexed line is read for the module too, and the other way round.
    const both = { exceptNames: new Set(["err"]), importedModules: new Set(["StringIO"]) };
    expect(worthJudging("x = err[0]", both)).toBe(true);
    expect(worthJudging("x = StringIO.StringIO()", both)).toBe(true);
    expect(worthJudging("x = err", both)).toBe(false);
  });

  test("lets a slash through only where an opt-in rule is on", () => {
    expect(worthJudging("x = a / b", none)).toBe(false);
    expect(worthJudging("x = a / b", { enabled: new Set(["old-division"]) })).toBe(true);
  });

  test.each([
    ["x = `y` + 10L", ["backticks", "long-suffix"]],
    ["if a <> 0777: pass", ["diamond-not-equal", "old-octal"]],
    ['x = ur""', ["ur-prefix"]],
  ])("tries the punctuation rules where their characters stand: %s", (line, ids) => {
    expect(oldConstructsIn(line).map((h) => h.id)).toEqual(ids);
  });
});
