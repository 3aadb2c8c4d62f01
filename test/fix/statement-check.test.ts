import { describe, expect, it } from "@jest/globals";
import { parsePython } from "../../src/analysis/python/tree/parser.js";
import type { Edit } from "../../src/fix/fixer.js";
import { editedStatementsParse } from "../../src/fix/statement-check.js";

/** An edit replacing the first `from` after `after` (or inserting at `at`), so that tests read as text. */
const replace = (text: string, from: string, to: string, after = 0): Edit => {
  const start = text.indexOf(from, after);
  if (start === -1) throw new Error(`${from} is not in the text`);
  return { start, end: start + from.length, text: to };
};

/** The check, and what a full parse of the edited text says, for the same edits. */
function judge(text: string, edits: Edit[]): { alone: boolean; whole: boolean } {
  const tree = parsePython(text)!;
  try {
    const sorted = [...edits].sort((a, b) => a.start - b.start);
    let edited = "";
    let at = 0;
    for (const e of sorted) {
      edited += text.slice(at, e.start) + e.text;
      at = e.end;
    }
    edited += text.slice(at);
    const after = parsePython(edited)!;
    const whole = !after.rootNode.hasError;
    after.delete();
    return { alone: editedStatementsParse(tree, text, edits), whole };
  } finally {
    tree.delete();
  }
}

describe("the edited statements, parsed apart from the file", () => {
  const source = ['import os', '', 'def f(d):', '    print "a", d', '    for k, v in d.iteritems():', '        print k', '    return `d`', '', 'class C:', '    x = 1', ''].join("\n");

  it("accepts fixes that leave each statement whole, at any depth", () => {
    const edits = [replace(source, 'print "a", d', 'print("a", d)'), replace(source, "d.iteritems()", "d.items()"), replace(source, "print k", "print(k)"), replace(source, "`d`", "repr(d)")];
    expect(judge(source, edits)).toEqual({ alone: true, whole: true });
  });

  it("accepts imports inserted at a line of the module's own, and refuses them inside a statement", () => {
    const blank = source.indexOf("\n\ndef") + 1;
    expect(judge(source, [{ start: blank, end: blank, text: "import six\n" }])).toEqual({ alone: true, whole: true });
    const methods = "class C:\n    def next(self):\n        return 1\n\n    def close(self):\n        pass\n";
    const between = methods.indexOf("\n\n    def close") + 1;
    expect(judge(methods, [{ start: between, end: between, text: "    __next__ = next\n" }])).toEqual({ alone: true, whole: true });
    expect(judge(methods, [{ start: between, end: between, text: "    __next__ = (next\n" }])).toEqual({ alone: false, whole: false });
    const text = "x = (1,\n     2)\n";
    const inside = text.indexOf("     2");
    expect(judge(text, [{ start: inside, end: inside, text: "import six\n" }])).toEqual({ alone: false, whole: false });
  });

  it("refuses an edit that leaves a bracket open", () => {
    expect(judge(source, [replace(source, "print k", "print(k")])).toEqual({ alone: false, whole: false });
  });

  it("refuses runs that parse only by running into one another (a string opened in one, closed in the next)", () => {
    const text = "a = 1\nb = 2\n";
    const edits = [replace(text, "1", '"""x'), replace(text, "2", 'y"""')];
    // The whole file parses (one string over two lines), but neither statement is whole any more.
    expect(judge(text, edits)).toEqual({ alone: false, whole: true });
  });

  it("leaves to a full parse what it cannot show: statements sharing a line, a file that did not parse", () => {
    const shared = "x = 1; print y\n";
    expect(judge(shared, [replace(shared, "print y", "print(y)")])).toEqual({ alone: false, whole: true });
    const broken = "def f(:\n    print y\n";
    expect(judge(broken, [replace(broken, "print y", "print(y)")]).alone).toBe(false);
  });

  it("checks a compound statement whole when its header is edited", () => {
    const text = "try:\n    pass\nexcept ValueError, e:\n    raise\n";
    expect(judge(text, [replace(text, "ValueError, e", "ValueError as e")])).toEqual({ alone: true, whole: true });
    expect(judge(text, [replace(text, "ValueError, e", "ValueError as")])).toEqual({ alone: false, whole: false });
  });
});

it("leaves an edit deep in nested brackets to a full parse, rather than climbing out of it", () => {
  const text = `x = ${"[".repeat(100)}1${"]".repeat(100)}\n`;
  expect(judge(text, [replace(text, "1", "2")])).toEqual({ alone: false, whole: true });
  const shallow = `x = ${"[".repeat(10)}1${"]".repeat(10)}\n`;
  expect(judge(shallow, [replace(shallow, "1", "2")])).toEqual({ alone: true, whole: true });
});
