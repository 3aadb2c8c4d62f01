import type { Hunk } from "../changed-file.js";
import { MAX_JUDGED_LINE } from "../line-pack.js";
import { GUARD_START_WORDS, guardedLines } from "./guards.js";
import { addRenamedModulesImportedBy, compatibilityMarkerIn, exceptNameIn, namesDefinedIn, WORTH_JUDGING } from "./constructs.js";
import type { RuleContext } from "./rules.js";
import { stripHunkSide, stripLines, type CodeLine } from "./source.js";

/**
 * One version of a Python file as the rules read it: each line reduced to code (strings and comments gone), which
 * lines stand in a Python 2 guard, the names the file defines, and its `__future__` imports. From the whole file when
 * it is known, else from the lines a hunk shows (where a guard or a docstring further up is out of sight).
 */
export interface PythonView {
  lines: readonly string[];
  code: readonly CodeLine[];
  guarded: readonly boolean[];
  /**
   * 1 for the lines that may hold what a rule, a marker, a guard or a file fact starts from, 0 for the others (most
   * lines): one scan per line, where each of those passes scanned every line for its own words.
   */
  mayMatter: Uint8Array;
  /** Names the file defines or imports itself (computed on first use: only name rules need it). */
  names: () => ReadonlySet<string>;
  /** What the rules know of the file: its `__future__` imports, caught exceptions' names, whether it runs on Python 2. */
  context: RuleContext;
  /** Whether line i stands inside a function, and the methods of its class, where the file is in view. */
  inFunction?: (i: number) => boolean;
  classMethods?: (i: number) => ReadonlySet<string> | undefined;
}

/** `__future__` features that only Python 3 knows: importing them says nothing about Python 2. */
const PYTHON3_FUTURES = new Set(["annotations", "generator_stop", "barry_as_FLUFL"]);

const FUTURE = /^\s*from\s+__future__\s+import\s+\(?([\w\s,]+)\)?/;

/** Every line the facts' passes read starts with one of these words or holds `six` (a `six.` use, `import six`). */
const STATEMENT_WORDS = String.raw`(?:from|import|def|async|except)\b`;
/** A statement's first word, in group 1. */
const STATEMENT_START = new RegExp(`^\\s*(${STATEMENT_WORDS})`);

/**
 * What a line must match to matter to the rules (WORTH_JUDGING), the guards (GUARD_START_WORDS) or the file's facts
 * (STATEMENT_WORDS, and `six` as a whole word, which WORTH_JUDGING holds: the six marker is the facts' only use of a
 * line without a statement word): one pattern.
 */
// The line's start read once, for both kinds of statement, and first: the engine then skips through the line to where
// a word may start. So written, the one scan over the standard library's code lines takes 8% fewer instructions than
// with the two anchored alternatives apart (callgrind).
const MAY_MATTER = new RegExp(`^\\s*(?:${GUARD_START_WORDS}|${STATEMENT_WORDS})|${WORTH_JUDGING.source}`);

/** The lines that may matter, as a mark per line and as the list of their indices (for the passes that read only them). */
function linesThatMayMatter(code: readonly CodeLine[]): { may: Uint8Array; indices: number[] } {
  const may = new Uint8Array(code.length);
  const indices: number[] = [];
  for (let i = 0; i < code.length; i++) {
    const c = code[i].code;
    // Stryker disable next-line ConditionalExpression: a shortcut; the pattern matches no empty line
    if (c.length !== 0 && MAY_MATTER.test(c)) {
      may[i] = 1;
      indices.push(i);
    }
  }
  return { may, indices };
}

const PAST_OR_FUTURE_IMPORT = /^\s*(?:from|import)\s+(?:past|future)\b/;
const DEF = /^\s*(?:async\s+)?def\s+(\w+)/;

/**
 * What the rules know of the file, in one pass over its code: its `__future__` features (with the top in view), the
 * names of caught exceptions, the renamed modules it imports, the functions it defines, and whether six or
 * python-future show that it still runs on Python 2.
 */
function fileFacts(code: readonly CodeLine[], mayMatter: readonly number[], topInView: boolean): RuleContext & { methods: Set<string> } {
  const future = topInView ? new Set<string>() : undefined;
  const exceptNames = new Set<string>();
  const importedModules = new Set<string>();
  const methods = new Set<string>();
  let python2Library = false;
  const addFutures = (list: string) => {
    for (const part of list.split(",")) {
      const name = part.trim().split(/\s+/)[0];
      if (name) future!.add(name);
    }
  };
  // Only the lines that may matter are read, and the lines a parenthesised `from __future__ import (a,` runs on to.
  let next = 0; // the first line not read yet
  for (const i of mayMatter) {
    if (i < next) continue;
    next = i + 1;
    const line = code[i];
    const c = line.code;
    // Every fact but six's is read from a statement's first word: the word says which pattern can match.
    const statement = STATEMENT_START.exec(c)?.[1];
    const six = c.includes("six");
    // Stryker disable next-line ConditionalExpression: a shortcut; every pattern below needs one of its words
    if (statement === undefined && !six) continue;
    // six and python-future are written only for code that runs on Python 2 too (`builtins` is Python 3's own module).
    if (six && !python2Library) python2Library = compatibilityMarkerIn(c) === "six";
    if (statement === "from" || statement === "import") {
      // Stryker disable next-line ConditionalExpression,StringLiteral: the includes are shortcuts; the pattern needs the words too
      if (!python2Library) python2Library = (c.includes("past") || c.includes("future")) && PAST_OR_FUTURE_IMPORT.test(c);
      if (statement === "import") addRenamedModulesImportedBy(c, importedModules);
      // Stryker disable next-line ConditionalExpression,StringLiteral: a shortcut; the pattern needs the word too
      const m = statement === "from" && c.includes("__future__") ? FUTURE.exec(c) : null;
      if (m && future && !line.startedInString) {
        addFutures(m[1]);
        // inside `from __future__ import (a,` until its closing parenthesis
        let futureContinues = c.includes("(") && !c.includes(")");
        for (; futureContinues && next < code.length; next++) {
          const more = code[next].code;
          addFutures(more.replace(/[()]/g, ""));
          futureContinues = !more.includes(")");
        }
      }
    } else if (statement === "def" || statement === "async") {
      const def = DEF.exec(c);
      if (def) methods.add(def[1]);
    } else if (statement === "except") {
      const caught = exceptNameIn(c);
      if (caught !== undefined) exceptNames.add(caught);
    }
  }
  const runsOnPython2 = [...(future ?? [])].some((f) => !PYTHON3_FUTURES.has(f)) || python2Library;
  return { future, exceptNames, importedModules, runsOnPython2, methods };
}

function view(lines: readonly string[], code: CodeLine[], topInView: boolean): PythonView {
  // A line too long to judge reads as empty to every pass (see MAX_JUDGED_LINE).
  for (let i = 0; i < code.length; i++) if (code[i].code.length > MAX_JUDGED_LINE) code[i] = { code: "", startedInString: code[i].startedInString };
  let names: Set<string> | undefined;
  let blocks: Blocks | undefined;
  const { may, indices } = linesThatMayMatter(code);
  return {
    lines,
    code,
    guarded: guardedLines(lines, code, indices),
    mayMatter: may,
    names: () => (names ??= namesDefinedIn(lines)),
    context: fileFacts(code, indices, topInView),
    // Stryker disable next-line BooleanLiteral: every line of the view has its entry
    inFunction: topInView ? (i) => (blocks ??= enclosingBlocks(code)).inFunction[i] ?? false : undefined,
    classMethods: topInView ? (i) => (blocks ??= enclosingBlocks(code)).classMethods[i] : undefined,
  };
}

/** A pseudo-method: the class's __iter__ returns self. */
export const ITER_RETURNS_SELF = "__iter__ returns self";

interface Blocks {
  inFunction: boolean[];
  classMethods: Array<Set<string> | undefined>;
}

/** For each line, whether a `def` encloses it, and the methods of the nearest enclosing class (by indentation, as Python reads blocks). */
function enclosingBlocks(code: readonly CodeLine[]): Blocks {
  const stack: Array<{ indent: number; def: boolean; methods?: Set<string> }> = [];
  const inFunction: boolean[] = [];
  const classMethods: Array<Set<string> | undefined> = [];
  const innermostClass = () => [...stack].reverse().find((f) => f.methods)?.methods;
  let iterOf: Set<string> | undefined; // the class whose __iter__ was just opened
  for (const line of code) {
    const text = line.code;
    if (!line.startedInString && text.trim()) {
      const indent = text.length - text.trimStart().length;
      // `def __iter__(self): return self` makes the class an iterator: its next() is the protocol, not an API.
      if (iterOf && /^\s*return\s+self\s*$/.test(text)) iterOf.add(ITER_RETURNS_SELF);
      iterOf = undefined;
      while (stack.length && stack[stack.length - 1].indent >= indent) stack.pop();
      // Stryker disable next-line Regex: strings are blanked, and no Python statement holds `def name` after its start
      const def = /^\s*(?:async\s+)?def\s+(\w+)/.exec(text);
      const top = stack[stack.length - 1];
      if (def && top?.methods) {
        top.methods.add(def[1]);
        if (def[1] === "__iter__") {
          if (/:\s*return\s+self\s*$/.test(text)) top.methods.add(ITER_RETURNS_SELF);
          else iterOf = top.methods;
        }
      }
      inFunction.push(stack.some((f) => f.def));
      classMethods.push(innermostClass());
      // Every line is a frame, not only those ending in a colon: a def or class whose parameters run over several lines
      // has its colon on a later, deeper line, and its body is still inside it.
      stack.push({ indent, def: def !== null, ...(/^\s*class\b/.test(text) ? { methods: new Set<string>() } : {}) });
    } else {
      inFunction.push(stack.some((f) => f.def));
      classMethods.push(innermostClass());
    }
  }
  return { inFunction, classMethods };
}

export const splitLines = (text: string): string[] => text.split(/\r?\n/);

/** The whole file: line i of the view is line i + 1 of the file. */
export function viewOfFile(lines: readonly string[]): PythonView {
  return view(lines, stripLines(lines), true);
}

/** The lines one side of a hunk shows, without the rest of the file. */
export function viewOfHunkSide(lines: readonly string[], startsAtTopOfFile: boolean, wholeFile: boolean): PythonView {
  return view(lines, stripHunkSide(lines, startsAtTopOfFile), wholeFile);
}

/** Does the file's text agree with every line the hunks show on that side? If not, the hunks are the truth. */
export function agreesWithHunks(lines: readonly string[], hunks: readonly Hunk[], side: "old" | "new"): boolean {
  for (const hunk of hunks) {
    for (const change of hunk.changes) {
      const ln = change.type === "normal" ? (side === "new" ? change.ln2 : change.ln1) : change.type === (side === "new" ? "add" : "del") ? change.ln : undefined;
      if (ln === undefined) continue;
      const line = lines[ln - 1];
      if (line === undefined || line.replace(/\r$/, "") !== change.content.slice(1).replace(/\r$/, "")) return false;
    }
  }
  return true;
}
