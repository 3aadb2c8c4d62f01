import type { CodeLine } from "./source.js";

/**
 * Which lines stand in code guarded for Python 2: the branches of a version check (`if PY2:`, `if six.PY2:`,
 * `if sys.version_info[0] == 2:` and their else/elif), and both sides of an import fallback
 * (`try: import cPickle` / `except ImportError: import pickle`). Judged from the hunk's own lines, by indentation.
 */
const VERSION_CONDITION = /^\s*(?:if|elif)\b.*(?:\bPY2\b|\bPY3\b|\bPY\d\d\b|sys\.version_info|sys\.version\b|six\.PY[23]|python_version)/;
const FALLBACK_EXCEPT = /^\s*except\s+\(?\s*(?:ImportError|NameError|ModuleNotFoundError)\b/;
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

/**
 * The `try:` lines (and handlers before the fallback, where the hunk begins after the `try:`) of statements with an
 * import fallback among their handlers: from each fallback `except`, back over the deeper lines of the bodies and the
 * statement's other clauses at its indent, to its `try:`. Only fallback handlers are walked from, and most files have
 * none, so only the statements that have one are read.
 */
function fallbackTries(raw: readonly string[], code: readonly CodeLine[], fallbacks: readonly number[]): Set<number> {
  const result = new Set<number>();
  for (const j of fallbacks) {
    const indent = indentOf(raw[j]);
    for (let i = j - 1; i >= 0; i--) {
      if (code[i].startedInString || !code[i].code.trim()) continue;
      const outer = indentOf(raw[i]);
      if (outer > indent) continue;
      if (outer < indent) break;
      // At the statement's indent: its other handlers (and else/finally) lie between, its `try:` starts it.
      if (STATEMENT_START.test(code[i].code)) result.add(i);
      if (!CONTINUATION.test(code[i].code)) break;
    }
  }
  return result;
}

/**
 * A guard starts only at a version check, at an import fallback's `except`, or at the `try:` of one. A version check
 * holds "PY" or "version" and a fallback handler "Error": one scan passes over the other lines.
 */
export const GUARD_WORDS = /PY|version|Error/;
/**
 * Every line a guard can start at begins, after its indentation, with one of these: a version check is an `if` or
 * `elif` with "PY" or "version" after it, and a fallback handler an `except` (the view's one scan holds them, with
 * fewer lines through than GUARD_WORDS: a `raise ValueError(…)` is not one).
 */
export const GUARD_START_WORDS = String.raw`(?:el)?if\b(?=.*(?:PY|version))|except\b`;
// Stryker disable all: shortcuts; each pattern needs its words, so a line without them matches neither
const isVersionCheck = (code: string) => (code.includes("PY") || code.includes("version")) && VERSION_CONDITION.test(code);
const isFallbackExcept = (code: string) => code.includes("Error") && FALLBACK_EXCEPT.test(code);
// Stryker restore all

/** `candidates`, where given, hold every line that starts with GUARD_START_WORDS (the view's one scan found them), in order. */
export function guardedLines(raw: readonly string[], code: readonly CodeLine[], candidates?: readonly number[]): boolean[] {
  const guarded = new Array<boolean>(code.length).fill(false);
  // Where a guard can start: a version check, an import fallback's `except`, or the `try:` of one. Most files have none.
  const versionChecks: number[] = [];
  const fallbacks: number[] = [];
  const check = (i: number) => {
    const line = code[i];
    // Stryker disable next-line ConditionalExpression: a shortcut; both checks need one of the words
    if (line.startedInString || !GUARD_WORDS.test(line.code)) return;
    if (isVersionCheck(line.code)) versionChecks.push(i);
    else if (isFallbackExcept(line.code)) fallbacks.push(i);
  };
  if (candidates) candidates.forEach(check);
  else for (let i = 0; i < code.length; i++) check(i);
  if (versionChecks.length === 0 && fallbacks.length === 0) return guarded;
  const tries = fallbackTries(raw, code, fallbacks);
  const starts = [...new Set([...versionChecks, ...fallbacks, ...tries])].sort((a, b) => a - b);
  const stack: Frame[] = [];
  let guardFrames = 0; // frames on the stack that are guards: a line is guarded while there is one
  let lastGuardedBlock: Frame | undefined; // the compound statement just closed, for its else/elif/except
  let next = 0; // the next guard start not yet reached
  for (let i = starts[0]; i < code.length; i++) {
    while (next < starts.length && starts[next] <= i) next++;
    const line = code[i];
    const text = line.code;
    if (line.startedInString || !text.trim()) {
      guarded[i] = guardFrames > 0;
    } else {
      const indent = indentOf(raw[i]);
      lastGuardedBlock = undefined;
      while (stack.length && stack[stack.length - 1].indent >= indent) {
        const frame = stack.pop()!;
        if (frame.guarded) guardFrames--;
        // Stryker disable next-line ConditionalExpression: frames pop innermost first, so the last one kept is the one at this indent
        if (frame.indent === indent) lastGuardedBlock = frame;
      }
      let guard = false;
      if (starts[next - 1] === i) guard = true;
      else if (lastGuardedBlock?.guarded && CONTINUATION.test(text)) guard = true; // else/elif/except of a guard
      guarded[i] = guardFrames > 0 || guard;
      // Every line is a frame, not only those ending in a colon: a one-line `if PY3: s = str` has its `else:` on the
      // next line, and a condition over several lines (`if PY2 and (`) has its colon on a later, deeper line.
      stack.push({ indent, guarded: guard });
      if (guard) guardFrames++;
    }
    // With no guard open, the frames left change nothing (only a guard's frame guards or is continued): the lines up
    // to the next guard start are unguarded, and the walk starts there again with an empty stack.
    if (guardFrames === 0) {
      if (next === starts.length) break;
      stack.length = 0;
      i = starts[next] - 1;
    }
  }
  return guarded;
}
