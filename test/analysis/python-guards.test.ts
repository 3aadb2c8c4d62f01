import { readFileSync } from "node:fs";
import { guardedLines } from "../../src/analysis/python/guards.js";
import { stripLines } from "../../src/analysis/python/source.js";
import { viewOfFile } from "../../src/analysis/python/file-view.js";

/** The lines that stand in a Python 2 guard, marked with a leading "*" in the table. */
function marks(text: string[]): { lines: string[]; expected: boolean[] } {
  return { lines: text.map((l) => l.replace(/^\*/, "")), expected: text.map((l) => l.startsWith("*")) };
}
const guarded = (lines: string[]) => guardedLines(lines, stripLines(lines));

describe("which lines a Python 2 guard holds (tables: * marks a guarded line)", () => {
  test.each<[string, string[]]>([
    ["if PY2 and its block", ["*if PY2:", "*    text = unicode(x)", "y = 1"]],
    ["six.PY3 with its else", ["*if six.PY3:", "*    s = str", "*else:", "*    s = unicode", "z = s"]],
    ["sys.version_info with elif and else", ["*if sys.version_info[0] == 2:", "*    a = 1", "*elif sys.version_info < (3, 6):", "*    a = 2", "*else:", "*    a = 3", "b = a"]],
    ["sys.version and python_version", ["*if sys.version > '3':", "*    pass", "*if platform.python_version() < '3':", "*    pass"]],
    ["PY27-style names", ["*if PY27:", "*    x = 1"]],
    ["an import fallback, both sides", ["*try:", "*    import cPickle as pickle", "*except ImportError:", "*    import pickle", "x = pickle"]],
    ["a fallback on NameError, in parentheses", ["*try:", "*    unicode", "*except (NameError, TypeError):", "*    unicode = str"]],
    ["a fallback's finally", ["*try:", "*    import json", "*except ImportError:", "*    json = None", "*finally:", "*    done()"]],
    ["a nested guard inside a function", ["def f():", "*    if PY2:", "*        return u''", "    return ''"]],
    ["blank lines and docstrings inside a guard", ["*if PY2:", "*    '''doc", "*    more'''", "*", "*    x = 1", "y = 2"]],
    ["a whitespace-only line and a nested block inside a guard", ["*if PY2:", "*    def f():", "*", "*        x = 1", "*    ", "*    y = 2", "z = 3"]],
    ["a guard whose colon a comment follows", ["*if PY2:  # only Python 2", "*    x = unicode(y)", "z = 1"]],
    ["a fallback with a blank line and a docstring before its except", ["*try:", "*    import cPickle as pickle", "*", '*    """the fast one', '*    """', "*except ImportError:", "*    import pickle"]],
    ["a fallback with a less indented whitespace line before its except", ["def f():", "*    try:", "*        import cPickle as pickle", "*  ", "*    except ImportError:", "*        import pickle"]],
    ["a whitespace line less indented than a nested guard's block", ["def f():", "*    if PY2:", "*        x = 1", "*  ", "*        y = 2", "    z = 3"]],
    ["a one-line guard and its one-line else", ["*if PY3: s = str", "*else: s = unicode", "t = s"]],
    ["a condition over several lines", ["*if PY2 and (", "*        DEBUG):", "*    x = unicode(y)", "z = 1"]],
    ["a fallback whose try is above the hunk: its first handler in view", ["*except ValueError:", "*    pass", "*except ImportError:", "*    import b", "c = b"]],
    ["a try after another, in a file with a guard", ["try:", "    import a", "except ValueError:", "    pass", "*try:", "*    import b", "*except ImportError:", "*    b = None", "*if PY2:", "*    x = 1"]],
    ["a try whose handler is no fallback, in a file with a guard", ["try:", "    import a", "except ValueError:", "    pass", "*if PY2:", "*    x = 1"]],
    ["a try at the end of the view", ["*if PY2:", "*    x = 1", "try:", "    import cPickle"]],
    // A form feed is white space to Python's indentation as to trimStart: the guard's block still ends at `y`.
    ["a block indented with a form feed and a tab", ["*if PY2:", "*\f\tx = 1", "*\t\fz = 2", "y = 1"]],
    ["a line indented with tabs after one with spaces", ["*if PY2:", "*\t\tx = 1", "y = 1"]],
  ])("%s", (_, table) => {
    const { lines, expected } = marks(table);
    expect(guarded(lines)).toEqual(expected);
  });

  test.each<[string, string[]]>([
    ["a try whose handler is no fallback", ["try:", "    import cPickle", "except ValueError:", "    pass"]],
    ["an if on something else, and its else", ["if DEBUG:", "    x = 1", "else:", "    x = 2"]],
    ["a version check in a string", ["x = '''", "if PY2:", "'''", "y = unicode(x)"]],
    ["an import fallback in a string", ['x = """', "try:", "    import a", "except ImportError:", '"""', "y = unicode(x)"]],
    ["a condition that only mentions a version in a call's name", ["if check(versioned):", "    x = 1"]],
    ["no guard at all", ["x = 1", "", "y = 2"]],
  ])("not guarded: %s", (_, lines) => expect(guarded(lines)).toEqual(lines.map(() => false)));

  test("an else after a guard's block closes at a deeper level does not take the guard", () => {
    const { lines, expected } = marks(["if ready:", "*    if PY2:", "*        x = 1", "else:", "    x = 2"]);
    expect(guarded(lines)).toEqual(expected);
  });

  test("the try of an import fallback nested deeper than its except is not the same statement", () => {
    const { lines, expected } = marks(["try:", "    try:", "        x = 1", "    finally:", "        y = 2", "except ValueError:", "    pass"]);
    expect(guarded(lines)).toEqual(expected);
  });
});

/**
 * The guard walk as first written, every line in order with every frame kept: the reference the walk that skips
 * from one guard to the next must agree with.
 */
function guardedLinesReference(raw: readonly string[], code: ReturnType<typeof stripLines>): boolean[] {
  const VERSION = /^\s*(?:if|elif)\b.*(?:\bPY2\b|\bPY3\b|\bPY\d\d\b|sys\.version_info|sys\.version\b|six\.PY[23]|python_version)/;
  // AttributeError is no fallback: unicode raises NameError on Python 3.
  const FALLBACK = /^\s*except\s+\(?\s*(?:ImportError|NameError|ModuleNotFoundError)\b/;
  const START = /^\s*(?:try\s*:|except\b)/;
  const CONTINUES = /^\s*(?:else|elif|except|finally)\b/;
  const indent = (line: string) => line.length - line.trimStart().length;
  const tries = new Set<number>();
  code.forEach((line, i) => {
    if (line.startedInString || !START.test(line.code)) return;
    for (let j = i + 1; j < code.length; j++) {
      if (code[j].startedInString || !code[j].code.trim()) continue;
      if (indent(raw[j]) > indent(raw[i])) continue;
      if (indent(raw[j]) < indent(raw[i]) || !CONTINUES.test(code[j].code)) break;
      if (FALLBACK.test(code[j].code)) {
        tries.add(i);
        break;
      }
    }
  });
  const stack: Array<{ indent: number; guarded: boolean }> = [];
  return code.map((line, i) => {
    if (line.startedInString || !line.code.trim()) return stack.some((f) => f.guarded);
    const at = indent(raw[i]);
    let closed: { indent: number; guarded: boolean } | undefined;
    while (stack.length && stack[stack.length - 1].indent >= at) {
      const frame = stack.pop()!;
      if (frame.indent === at) closed = frame;
    }
    const guard = VERSION.test(line.code) || tries.has(i) || FALLBACK.test(line.code) || (!!closed?.guarded && CONTINUES.test(line.code));
    const result = stack.some((f) => f.guarded) || guard;
    stack.push({ indent: at, guarded: guard });
    return result;
  });
}

describe("the guard walk that skips from guard to guard", () => {
  const corpus = JSON.parse(readFileSync(new URL("../fixtures/lib2to3-fixer-pairs.json", import.meta.url), "utf8")) as { pairs: Array<{ before: string; after: string }> };
  // lib2to3's examples hold few guards: each is also read with guards and fallbacks woven around and into it.
  const weave = (text: string): string[][] => {
    const lines = text.split("\n");
    const indented = lines.map((l) => `    ${l}`);
    return [
      lines,
      ["if PY2:", ...indented, "else:", ...indented, "x = 1"],
      ["try:", ...indented, "except ImportError:", ...indented, "finally:", "    pass", ...lines],
      [...lines, "try:", "    import cPickle", "except (KeyError, ValueError):", "    pass", "except ImportError:", ...indented],
      ["def f():", "    try:", "        import a", "    except ImportError:", ...indented.map((l) => `    ${l}`), ...lines],
      ["if x:", "    y = 1", "elif sys.version_info[0] == 2:", ...indented, "z = 2", "'''", "if PY2:", "'''", ...lines],
    ];
  };
  const texts = corpus.pairs.flatMap((p) => [p.before, p.after]).flatMap(weave);

  test("marks the same lines as the walk over every line, on lib2to3's examples with guards woven in", () => {
    const differing = texts.filter((lines) => {
      const code = stripLines(lines);
      return JSON.stringify(guardedLines(lines, code)) !== JSON.stringify(guardedLinesReference(lines, code));
    });
    expect(differing).toEqual([]);
    // The examples do hold guarded and unguarded lines both.
    const all = texts.flatMap((lines) => guardedLines(lines, stripLines(lines)));
    expect(all.filter(Boolean).length).toBeGreaterThan(1000);
    expect(all.filter((g) => !g).length).toBeGreaterThan(1000);
  });

  test("the file view, which reads only the lines its one scan kept, marks the same lines", () => {
    const differing = texts.filter((lines) => JSON.stringify(viewOfFile(lines).guarded) !== JSON.stringify(guardedLinesReference(lines, stripLines(lines))));
    expect(differing).toEqual([]);
  });
});
