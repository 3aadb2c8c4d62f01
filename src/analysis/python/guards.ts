import type { CodeLine } from "./source.js";

/**
 * Which lines stand in code guarded for Python 2: the branches of a version check (`if PY2:`, `if six.PY2:`,
 * `if sys.version_info[0] == 2:` and their else/elif), and both sides of an import fallback
 * (`try: import cPickle` / `except ImportError: import pickle`). Judged from the hunk's own lines, by indentation.
 */
const VERSION_CONDITION = /^\s*(?:if|elif)\b.*(?:\bPY2\b|\bPY3\b|\bPY\d\d\b|sys\.version_info|sys\.version\b|six\.PY[23]|python_version)/;
const FALLBACK_EXCEPT = /^\s*except\s+\(?\s*(?:ImportError|NameError|ModuleNotFoundError|AttributeError)\b/;
/** Where a try statement in view starts: its `try:`, or a handler when the hunk begins after the `try:`. */
const STATEMENT_START = /^\s*(?:try\s*:|except\b)/;
const CONTINUATION = /^\s*(?:else|elif|except|finally)\b/;

interface Frame {
  indent: number;
  guarded: boolean;
}

const indentOf = (raw: string) => raw.length - raw.trimStart().length;

/** For each `try:` line (or first handler in view), whether one of the statement's handlers is an import fallback. */
function fallbackTries(raw: readonly string[], code: readonly CodeLine[]): Set<number> {
  const result = new Set<number>();
  code.forEach((line, i) => {
    // Stryker disable next-line ConditionalExpression,LogicalOperator: a shortcut; in Python only a try or a handler stands at a handler's indent before it, and a line in a string is never asked about
    if (line.startedInString || !STATEMENT_START.test(line.code)) return;
    const indent = indentOf(raw[i]);
    for (let j = i + 1; j < code.length; j++) {
      if (code[j].startedInString || !code[j].code.trim()) continue;
      const inner = indentOf(raw[j]);
      if (inner > indent) continue;
      if (inner < indent || !CONTINUATION.test(code[j].code)) break;
      if (FALLBACK_EXCEPT.test(code[j].code)) {
        result.add(i);
        break;
      }
    }
  });
  return result;
}

/**
 * A guard starts only at a version check or at an import fallback's `except` (a fallback `try:` has one): a line of
 * neither, found by the words each needs ("PY" or "version"; "Error"), guards nothing, nor does any line after it.
 */
// Stryker disable all: a shortcut for the files with no guard; the pass below finds none in them either
const opensGuard = (line: CodeLine) =>
  !line.startedInString &&
  (((line.code.includes("PY") || line.code.includes("version")) && VERSION_CONDITION.test(line.code)) || (line.code.includes("Error") && FALLBACK_EXCEPT.test(line.code)));
// Stryker restore all

export function guardedLines(raw: readonly string[], code: readonly CodeLine[]): boolean[] {
  // Stryker disable next-line ConditionalExpression,ArrayDeclaration: a shortcut (see opensGuard); filling by value gives the same array
  if (!code.some(opensGuard)) return new Array<boolean>(code.length).fill(false);
  const tries = fallbackTries(raw, code);
  const stack: Frame[] = [];
  const guarded: boolean[] = [];
  let lastGuardedBlock: Frame | undefined; // the compound statement just closed, for its else/elif/except
  code.forEach((line, i) => {
    const text = line.code;
    if (line.startedInString || !text.trim()) {
      guarded.push(stack.some((f) => f.guarded));
      return;
    }
    const indent = indentOf(raw[i]);
    lastGuardedBlock = undefined;
    while (stack.length && stack[stack.length - 1].indent >= indent) {
      const frame = stack.pop()!;
      // Stryker disable next-line ConditionalExpression: frames pop innermost first, so the last one kept is the one at this indent
      if (frame.indent === indent) lastGuardedBlock = frame;
    }
    const outer = stack.some((f) => f.guarded);
    let guard = false;
    if (VERSION_CONDITION.test(text) || tries.has(i) || FALLBACK_EXCEPT.test(text)) guard = true;
    else if (CONTINUATION.test(text) && lastGuardedBlock?.guarded) guard = true; // else/elif/except of a guard
    guarded.push(outer || guard);
    // Every line is a frame, not only those ending in a colon: a one-line `if PY3: s = str` has its `else:` on the
    // next line, and a condition over several lines (`if PY2 and (`) has its colon on a later, deeper line.
    stack.push({ indent, guarded: guard });
  });
  return guarded;
}
