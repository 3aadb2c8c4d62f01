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

/** Leading white space as trimStart reads it, without a new string for the common spaces and tabs. */
const indentOf = (raw: string) => {
  let i = 0;
  while (raw.charCodeAt(i) === 32 || raw.charCodeAt(i) === 9) i++;
  // Stryker disable next-line ConditionalExpression,Regex: rarer white space (a form feed) is trimStart's to judge
  return i < raw.length && /\s/.test(raw[i]) ? raw.length - raw.trimStart().length : i;
};

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
// Stryker disable all: shortcuts; each pattern needs its words, so a line without them matches neither
const isVersionCheck = (code: string) => (code.includes("PY") || code.includes("version")) && VERSION_CONDITION.test(code);
const isFallbackExcept = (code: string) => code.includes("Error") && FALLBACK_EXCEPT.test(code);
const opensGuard = (line: CodeLine) => !line.startedInString && (isVersionCheck(line.code) || isFallbackExcept(line.code));
// Stryker restore all

export function guardedLines(raw: readonly string[], code: readonly CodeLine[]): boolean[] {
  // Stryker disable next-line ConditionalExpression,ArrayDeclaration: a shortcut (see opensGuard); filling by value gives the same array
  if (!code.some(opensGuard)) return new Array<boolean>(code.length).fill(false);
  const tries = fallbackTries(raw, code);
  const stack: Frame[] = [];
  // Stryker disable next-line ArrayDeclaration: an array filled by index grows to the same length
  const guarded = new Array<boolean>(code.length);
  let guardFrames = 0; // frames on the stack that are guards: a line is guarded while there is one
  let lastGuardedBlock: Frame | undefined; // the compound statement just closed, for its else/elif/except
  for (let i = 0; i < code.length; i++) {
    const line = code[i];
    const text = line.code;
    if (line.startedInString || !text.trim()) {
      guarded[i] = guardFrames > 0;
      continue;
    }
    const indent = indentOf(raw[i]);
    lastGuardedBlock = undefined;
    while (stack.length && stack[stack.length - 1].indent >= indent) {
      const frame = stack.pop()!;
      if (frame.guarded) guardFrames--;
      // Stryker disable next-line ConditionalExpression: frames pop innermost first, so the last one kept is the one at this indent
      if (frame.indent === indent) lastGuardedBlock = frame;
    }
    let guard = false;
    if (isVersionCheck(text) || tries.has(i) || isFallbackExcept(text)) guard = true;
    else if (lastGuardedBlock?.guarded && CONTINUATION.test(text)) guard = true; // else/elif/except of a guard
    guarded[i] = guardFrames > 0 || guard;
    // Every line is a frame, not only those ending in a colon: a one-line `if PY3: s = str` has its `else:` on the
    // next line, and a condition over several lines (`if PY2 and (`) has its colon on a later, deeper line.
    stack.push({ indent, guarded: guard });
    if (guard) guardFrames++;
  }
  return guarded;
}
