import { COMPATIBILITY_MARKERS, EQUIVALENT_NAMES, PYTHON3_IDIOMS } from "./compatibility.js";
import { RENAMED_MODULES, renamedModuleIn } from "./modules.js";
import { MODULE_RULE_ID, OLD_CONSTRUCT_RULES, type PythonRule, type RuleContext } from "./rules.js";

export interface RuleHit {
  id: string;
  message: string;
  /** Python 3 cannot even parse the line: no guard makes it safe. */
  syntax?: boolean;
  /** A rule that is off, tried only because removing its construct is migration work: adding it is no regression. */
  onlyRemoval?: boolean;
}

/**
 * Which rules a line can match, found in one pass over its identifiers: each rule names the words it needs
 * (`triggers`); rules with none (punctuation: backticks, `<>`, literals) are gated by one pattern. A line with no
 * trigger, most lines, costs one scan and no rule.
 */
const RULES_BY_WORD = new Map<string, number[]>();
const PUNCTUATION_RULES: number[] = [];
const EXCEPT_NAME_RULES: number[] = [];
const OPT_IN_RULES: number[] = [];
OLD_CONSTRUCT_RULES.forEach((rule, i) => {
  if (rule.exceptName) EXCEPT_NAME_RULES.push(i);
  else if (rule.optIn) OPT_IN_RULES.push(i);
  else if (rule.triggers.length === 0) PUNCTUATION_RULES.push(i);
  for (const word of rule.triggers) {
    const list = RULES_BY_WORD.get(word) ?? [];
    list.push(i);
    RULES_BY_WORD.set(word, list);
  }
});
const MODULE_WORDS = new Set(["import"]);
const PUNCTUATION_TRIGGER = /`|<>|\d[lL]\b|(?<![\w.])0[0-7]|[rR]""/;
const NO_RULES: number[] = [];
/** Most lines: no rule, no import, no module. One shared answer, so that such a line allocates nothing. */
const NOTHING: Readonly<{ rules: number[]; importLine: boolean; module?: string }> = Object.freeze({ rules: NO_RULES, importLine: false });
const NO_HITS: readonly RuleHit[] = Object.freeze([]);

/**
 * The words that make a line worth a rule, as one pattern: the regular-expression engine finds them in one native
 * scan of the line, instead of the line's every identifier being looked up. A word counts where it is a whole
 * identifier as `[A-Za-z_][A-Za-z0-9_]*` reads them (after digits too: `1L` holds the identifier `L`).
 */
// A word starts at a word boundary, or after a run of digits that is not the end of an identifier (the look-behind
// reads back through the run). Written so, and not as look-behinds at every position, the engine passes over the
// positions where no word can start: over the standard library's code lines, the words' pattern alone took a fifth
// fewer instructions beyond the calls' own cost (callgrind).
// Stryker disable next-line MethodExpression,ArithmeticOperator,Regex: the look-ahead makes the alternation try the longer words anyway
const wordsPattern = (words: Iterable<string>) => new RegExp(`(?:\\b|\\d+(?<![A-Za-z_][A-Za-z0-9_]*\\d))(?:${[...words].sort((a, b) => b.length - a.length).join("|")})(?![A-Za-z0-9_])`, "g");

/**
 * Words, each with what must follow it (`followedBy`), as alternatives of a words pattern: a word that something
 * takes alone is written alone, others with a look-ahead of every follower (`def(?=[^(]*\([^()]*\()`).
 */
class GateWords {
  private readonly followers = new Map<string, string[] | null>(); // null: the word alone

  add(word: string, follower?: string): this {
    const known = this.followers.get(word);
    if (known === null) return this;
    this.followers.set(word, follower === undefined ? null : [...(known ?? []), follower]);
    return this;
  }

  alternatives(): string[] {
    return [...this.followers].map(([word, followers]) => (followers ? `${word}(?=${followers.join("|")})` : word));
  }
}

const ruleWords = () => {
  const words = new GateWords();
  for (const rule of OLD_CONSTRUCT_RULES) for (const word of rule.triggers) words.add(word, rule.followedBy?.[word]);
  for (const word of MODULE_WORDS) words.add(word);
  return words;
};
/** The rules' words: which rules a line holds (`candidateRules`). */
const FIXED_TRIGGERS = wordsPattern(ruleWords().alternatives());
/**
 * Per file view (its context object): the names of its caught exceptions and imported modules, as a pattern of
 * their own. The fixed words are not compiled again with them: a pattern of every trigger word takes about a
 * millisecond to compile, and most files name an exception.
 */
const fileNamesByContext = new WeakMap<RuleContext, RegExp>();

function fileNamesPattern(context: RuleContext): RegExp | undefined {
  // Stryker disable next-line ConditionalExpression: a shortcut; a context without names has no pattern of them
  if (!context.exceptNames?.size && !context.importedModules?.size) return undefined;
  let pattern = fileNamesByContext.get(context);
  // Stryker disable next-line ConditionalExpression: compiling again each time is slower, not different
  if (!pattern) {
    // Stryker disable next-line ArrayDeclaration: a context whose set is missing names no words
    pattern = wordsPattern(new Set([...(context.exceptNames ?? []), ...(context.importedModules ?? [])]));
    fileNamesByContext.set(context, pattern);
  }
  return pattern;
}

/** Whether an opt-in rule (`old-division`) is worth trying: one is on, and the line has the slash its pattern needs. */
// Stryker disable next-line ConditionalExpression,LogicalOperator,StringLiteral: a shortcut; applies() checks the rule is on, and its pattern needs the slash
const mayHoldOptIn = (code: string, context: RuleContext) => !!context.enabled?.size && code.includes("/");

/**
 * The rules to try on a line, in rule order, from one scan for their words; and whether it imports something or
 * names an imported Python 2 module (the module rules). The file's caught exceptions' names are triggers too.
 */
function candidateRules(code: string, context: RuleContext): { rules: number[]; importLine: boolean; module?: string } {
  // Stryker disable next-line BooleanLiteral: an import line's rule reads the import pattern itself; this only spares the others
  let importLine = false;
  let module: string | undefined;
  const exceptNames = context.exceptNames?.size ? context.exceptNames : undefined;
  const modules = context.importedModules?.size ? context.importedModules : undefined;
  FIXED_TRIGGERS.lastIndex = 0;
  while (FIXED_TRIGGERS.test(code)) {
    const word = wordEndingAt(code, FIXED_TRIGGERS.lastIndex);
    const list = RULES_BY_WORD.get(word);
    if (list) for (const i of list) mark(i);
    if (MODULE_WORDS.has(word)) importLine = true;
  }
  // Both patterns match whole identifiers only, so the file's names are found as they would be among the fixed words.
  const names = fileNamesPattern(context);
  if (names) {
    names.lastIndex = 0;
    while (names.test(code)) {
      const word = wordEndingAt(code, names.lastIndex);
      // Stryker disable next-line ConditionalExpression: a shortcut; each exception-name rule's `when` checks the name itself
      if (exceptNames?.has(word)) for (const i of EXCEPT_NAME_RULES) mark(i);
      if (modules?.has(word) && module === undefined) module = word;
    }
  }
  // Stryker disable next-line ConditionalExpression: a shortcut; the punctuation rules' own patterns decide
  if (PUNCTUATION_TRIGGER.test(code)) for (const i of PUNCTUATION_RULES) mark(i);
  if (mayHoldOptIn(code, context)) for (const i of OPT_IN_RULES) mark(i);
  const rules = markedRules();
  // Stryker disable next-line ConditionalExpression,BooleanLiteral,EqualityOperator: NOTHING and an empty answer are read the same
  if (rules === NO_RULES && !importLine && module === undefined) return NOTHING;
  return { rules, importLine, module };
}

/**
 * The rules a line's words name, marked in one table shared by every line and read back in rule order: no set and
 * no sort per line. `markedRules` clears what it reads.
 */
const MARKED = new Uint8Array(OLD_CONSTRUCT_RULES.length);
let firstMarked = MARKED.length;
let lastMarked = -1;

function mark(i: number): void {
  MARKED[i] = 1;
  if (i < firstMarked) firstMarked = i;
  if (i > lastMarked) lastMarked = i;
}

function markedRules(): number[] {
  if (lastMarked === -1) return NO_RULES;
  const rules: number[] = [];
  for (let i = firstMarked; i <= lastMarked; i++) {
    if (MARKED[i] === 1) {
      rules.push(i);
      MARKED[i] = 0;
    }
  }
  firstMarked = MARKED.length;
  lastMarked = -1;
  return rules;
}

const isWordChar = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;

/**
 * The word a trigger pattern matched, from where the match ended (the pattern's `lastIndex`), so that a match makes
 * no result object: back over the identifier's characters, then forward over digits before it (`1L` holds `L`), as
 * the patterns' look-behind reads a word's start. Every word starts with a letter or an underscore.
 */
function wordEndingAt(code: string, end: number): string {
  let start = end;
  while (start > 0 && isWordChar(code.charCodeAt(start - 1))) start--;
  while (code.charCodeAt(start) >= 48 && code.charCodeAt(start) <= 57) start++;
  return code.slice(start, end);
}

/** The names a file defines itself, from its lines: imports, assignments, definitions and parameters, loop and `as` targets. */
export function namesDefinedIn(lines: readonly string[]): Set<string> {
  const names = new Set<string>();
  // White space is taken out of each name, so one character of it either side of `as` is enough to split on.
  const add = (list: string) =>
    list.split(",").forEach((part) => {
      const name = part.split(/\sas\s/).pop()?.replace(/[()*\s]/g, "").split("=")[0];
      if (name && /^[A-Za-z_]\w*$/.test(name)) names.add(name);
    });
  // Each pattern is tried only on a line holding its word or its `=`: this pass reads every line of the file.
  // Stryker disable ConditionalExpression,StringLiteral: shortcuts; each pattern needs what is looked for
  for (const line of lines) {
    let m: RegExpExecArray | null;
    // A plain import binds only its `as` names, which the last line of this loop reads.
    if (line.includes("import") && (m = /^\s*from\s+[\w.]+\s+import\b\(?([^#)]+)/.exec(line))) add(m[1]);
    if (line.includes("def") && (m = /^\s*(?:async\s+)?def\s+(\w+)\s*\(([^)]*)/.exec(line))) {
      names.add(m[1]);
      add(m[2]);
    } else if (line.includes("=") && (m = /^\s*([A-Za-z_][\w\s,()]*?)\s*=(?!=)/.exec(line))) add(m[1]); // not a default argument's =
    if (line.includes("for") && (m = /^\s*for\b([\w\s,()]+?)\bin\b/.exec(line))) add(m[1]);
    if (line.includes("as")) for (const as of line.matchAll(/\bas\s+(\w+)/g)) names.add(as[1]);
  }
  // Stryker restore ConditionalExpression,StringLiteral
  return names;
}

/** A plain import line (`import a, b as c`), its list of names in group 1. */
const PLAIN_IMPORT = /^\s*import\b(.+)/;

/** Renamed Python 2 modules a line imports under their own name: `import StringIO`, `import os, urllib2` (not `import cPickle as pickle`). */
export function addRenamedModulesImportedBy(code: string, modules: Set<string>): void {
  // Stryker disable next-line ConditionalExpression,StringLiteral: a shortcut; the pattern below finds no import either
  if (!code.includes("import")) return;
  const m = PLAIN_IMPORT.exec(code);
  if (!m) return;
  for (const part of m[1].split(",")) {
    // Only whether there is an alias matters, so one character of white space either side of `as` is enough.
    const [name, alias] = part.trim().split(/\sas\s/);
    const top = name.split(".")[0];
    if (!alias && Object.prototype.hasOwnProperty.call(RENAMED_MODULES, top)) modules.add(top);
  }
}

const KEYWORDS = new Set("and as assert async await break class continue def del elif else except exec finally for from global if import in is lambda nonlocal not or pass print raise return try while with yield None True False self".split(" "));

/** The identifiers of a line of code, keywords left out, with the names they stand for across the migration. */
export function identifiersOf(code: string): Set<string> {
  const names = new Set<string>();
  for (const m of code.matchAll(/[A-Za-z_][A-Za-z0-9_]*/g)) {
    if (KEYWORDS.has(m[0])) continue;
    names.add(m[0]);
    for (const equivalent of EQUIVALENT_NAMES.get(m[0]) ?? []) names.add(equivalent);
  }
  return names;
}

/** The names an import line binds (`import sys`, `from functools import reduce`, `import a.b as c`). */
export function namesImportedBy(code: string): string[] {
  const from = /^\s*from\s+[\w.]+\s+import\b\s*\(?([^)]*)/.exec(code);
  const plain = from ? undefined : PLAIN_IMPORT.exec(code);
  const list = from?.[1] ?? plain?.[1];
  if (!list) return [];
  return list.split(",").map((part) => {
    // The name before `as` is read only when there is no alias, so one character of white space before it is enough.
    const [name, alias] = part.trim().split(/\sas\s+/);
    return alias ?? (from ? name : name.split(".")[0]);
  }).filter(Boolean);
}

/** The name a line binds to a caught exception: `except E as e:` and Python 2's `except E, e:`. */
export function exceptNameIn(code: string): string | undefined {
  // Stryker disable next-line ConditionalExpression,StringLiteral: a shortcut; the pattern needs the word too
  if (!code.includes("except")) return undefined;
  return /^\s*except\b.*?(?:\bas\s+|,\s*)(\w+)\s*:/.exec(code)?.[1];
}

// Stryker disable next-line BooleanLiteral: an opt-in rule is a candidate only when the context enables some rule
const enabled = (rule: PythonRule, context: RuleContext) => !rule.optIn || (context.enabled?.has(rule.id) ?? false);
const applies = (rule: PythonRule, context: RuleContext) => !context.disabled?.has(rule.id) && (enabled(rule, context) || (rule.removalIsMigration === true && context.removalRules === true));

function hitOf(rule: PythonRule, context: RuleContext): RuleHit {
  return { id: rule.id, message: rule.message, ...(rule.syntax ? { syntax: true } : {}), ...(enabled(rule, context) ? {} : { onlyRemoval: true }) };
}

const RULES_BY_ID = new Map<string, PythonRule[]>();
for (const rule of OLD_CONSTRUCT_RULES) RULES_BY_ID.set(rule.id, [...(RULES_BY_ID.get(rule.id) ?? []), rule]);
const GLOBAL_PATTERNS = new Map<PythonRule, RegExp>();

/** How many times a rule's construct stands on a line of code (`unicode(a) + unicode(b)` holds two): at least one. */
export function occurrencesIn(code: string, id: string): number {
  let most = 1;
  for (const rule of RULES_BY_ID.get(id) ?? []) {
    let pattern = GLOBAL_PATTERNS.get(rule);
    if (!pattern) GLOBAL_PATTERNS.set(rule, (pattern = new RegExp(rule.pattern.source, "g")));
    pattern.lastIndex = 0;
    let n = 0;
    const text = tightDots(code);
    for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
      n++;
      if (m[0].length === 0) pattern.lastIndex++;
    }
    if (n > most) most = n;
  }
  return most;
}

/** A renamed module's hit, unless the line imports it through six.moves. */
function moduleHit(code: string, context: RuleContext): RuleHit | undefined {
  const module = renamedModuleIn(code);
  if (!module || /\bsix\.moves\b/.test(code)) return undefined;
  const id = `${MODULE_RULE_ID}-${module}`;
  if (context.disabled?.has(id) || context.disabled?.has(MODULE_RULE_ID)) return undefined;
  const instead = module === "urllib" ? "urllib.request, urllib.parse and urllib.error" : RENAMED_MODULES[module];
  return { id, message: `${module} was renamed or removed in Python 3: use ${instead} (or six.moves while Python 2 must still run it).` };
}

/** White space around a dot (`d. keys ()`, `types . IntType`) is legal Python; the rules read it without. */
// Stryker disable next-line ConditionalExpression,StringLiteral: a shortcut; without white space beside a dot the pattern changes nothing
const tightDots = (code: string) =>
  code.includes(" .") || code.includes(". ") ? code.replace(/(?<=[\w)\]])(?<!\bfrom)\s*\.\s*(?=[A-Za-z_])(?!import\b)/g, ".") : code;

/**
 * Every old construct on a line of code, in rule order. `ownNames` gives the names the file defines itself; it is
 * called only when a rule about such a name fires, since reading a file's definitions costs more than the rules.
 */
export function oldConstructsIn(raw: string, ownNames: () => ReadonlySet<string> = () => new Set(), context: RuleContext = {}): readonly RuleHit[] {
  const { rules, importLine, module: named } = candidateRules(raw, context);
  // Stryker disable next-line ConditionalExpression,BooleanLiteral,EqualityOperator: a shortcut; with nothing to try the answer is empty anyway
  if (rules.length === 0 && !importLine && named === undefined) return NO_HITS;
  const code = tightDots(raw);
  const hits: RuleHit[] = [];
  const module = importLine ? moduleHit(code, context) : undefined;
  if (module) hits.push(module);
  else if (named !== undefined && new RegExp(`(?<![\\w.])${named}\\.\\w`).test(code)) {
    hits.push({ id: `${MODULE_RULE_ID}-${named}`, message: `${named} was renamed or removed in Python 3: use ${RENAMED_MODULES[named]}.` });
  }
  for (const i of rules) {
    const rule = OLD_CONSTRUCT_RULES[i];
    if (!applies(rule, context) || !rule.pattern.test(code)) continue;
    if (rule.when && !rule.when(code, context)) continue;
    if (rule.ownName && ownNames().has(rule.ownName)) continue;
    hits.push(hitOf(rule, context));
  }
  return hits;
}

/** The first old construct on a line of code, or undefined: what a regression is reported as. */
export function oldConstructIn(code: string, ownNames?: () => ReadonlySet<string>, context?: RuleContext): RuleHit | undefined {
  return oldConstructsIn(code, ownNames, context)[0];
}

/** Every marker contains one of these: a line without them (one scan) is spared the patterns. */
const MARKER_HINT = /six|future|builtins|past|python_2|version|PY|except|[uU]"|import/;

export function compatibilityMarkerIn(code: string): string | undefined {
  // Stryker disable next-line ConditionalExpression: a shortcut; every marker's pattern holds one of these words
  if (!MARKER_HINT.test(code)) return undefined;
  return COMPATIBILITY_MARKERS.find((m) => m.pattern.test(code))?.id;
}

/**
 * The words without which no compatibility marker matches, each as a whole identifier as the markers' patterns read
 * it (`six.`, `sys.version_info`, `PY2`, `except ImportError`, every import), and the unicode prefix (`u""`); `sys`
 * counts only before `.version`.
 */
const MARKER_WORDS: ReadonlyArray<[word: string, follower?: string]> = [["six"], ["sys", "\\.version"], ["PY2"], ["PY3"], ["PY34"], ["PY35"], ["PY36"], ["python_2_unicode_compatible"], ["except"], ["import"]];

/**
 * One pattern that every line holding an old construct or a compatibility marker matches: the trigger words and the
 * markers' words, whole (a common one only with what its rules need after it), the punctuation rules' gate and the
 * unicode prefix (then the file's names, and the slash
 * where an opt-in rule is on). Most lines match none of these, and one scan tells so, where `oldConstructsIn` and
 * `compatibilityMarkerIn` each scan. The markers' words as whole words, not as `MARKER_HINT`'s substrings, let
 * fewer lines through and scan a fifth faster.
 */
export const WORTH_JUDGING = new RegExp(
  `${wordsPattern(MARKER_WORDS.reduce((words, [word, follower]) => words.add(word, follower), ruleWords()).alternatives()).source}|${PUNCTUATION_TRIGGER.source}|[uU]"`,
);

/** Could the line hold an old construct or a marker? If not, neither `oldConstructsIn` nor `compatibilityMarkerIn` finds one. */
export function worthJudging(code: string, context: RuleContext): boolean {
  return lineGate(context)(code);
}

/**
 * The part of the gate that depends on the file: its names (caught exceptions, imported modules), and the slash
 * where an opt-in rule is on. Undefined where there is neither: then `WORTH_JUDGING` alone decides.
 */
export function fileGate(context: RuleContext): ((code: string) => boolean) | undefined {
  const names = fileNamesPattern(context);
  // Stryker disable next-line ConditionalExpression: a shortcut; the gate below answers false for such a file
  if (!names && !context.enabled?.size) return undefined;
  const indexed = !!context.exceptNames?.size;
  const dotted = !!context.importedModules?.size;
  return (code) => {
    if (mayHoldOptIn(code, context)) return true;
    if (!names) return false;
    // A caught exception's name matters only indexed (`e[0]`, the rule's pattern), an imported module's only before a
    // dot (`StringIO.StringIO`): a line with neither character, most of a file's, is spared the scan for its names.
    // Stryker disable next-line ConditionalExpression,LogicalOperator,StringLiteral: a shortcut; without the character no name's rule fires
    if (!(indexed && code.includes("[")) && !(dotted && code.includes("."))) return false;
    names.lastIndex = 0;
    return names.test(code);
  };
}

/** `worthJudging` for every line of one file view: what depends on the file (its names, an opt-in rule) read once. */
export function lineGate(context: RuleContext): (code: string) => boolean {
  const rest = fileGate(context);
  return rest ? (code) => WORTH_JUDGING.test(code) || rest(code) : (code) => WORTH_JUDGING.test(code);
}

/** `isinstance(x, (int, int))`: the duplicate fix_long leaves, which fix_isinstance removes. */
const duplicateTypes = (code: string) => {
  const tuple = /\bisinstance\s*\(.*?,\s*\(([^()]*)\)/.exec(code)?.[1];
  if (!tuple) return false;
  const names = tuple.split(",").map((t) => t.trim());
  return new Set(names).size < names.length;
};

/** Does `added` bring a Python 3 idiom that none of `replaced`, the lines it takes the place of, had? */
export function python3IdiomIn(added: string, ...replaced: string[]): boolean {
  const a = tightDots(added);
  const r = replaced.map(tightDots);
  return PYTHON3_IDIOMS.some((idiom) => idiom.test(a) && !r.some((line) => idiom.test(line))) || r.some((line) => duplicateTypes(line) && !duplicateTypes(a));
}
