/**
 * The python3 pack's rules, as data. Each runs on a line reduced to code (strings are `""`, comments gone), so none
 * can fire inside a string, a comment or a docstring. Names are matched only where they stand alone: not as
 * attributes (`self.unicode`), keyword arguments (`print(x, file=f)`), assignment targets or definitions.
 * `constructs.ts` runs them; `coverage.ts` maps every lib2to3 fixer and pylint py3k message to them; `modules.ts` holds
 * the renamed modules and `compatibility.ts` what counts as migration work besides removing an old construct.
 */

/** What the rules know of the file around the line. */
export interface RuleContext {
  /** The file's `__future__` imports; undefined when the top of the file is not in view. */
  future?: ReadonlySet<string>;
  /** Names bound by `except … as e` in the file (or the lines in view). */
  exceptNames?: ReadonlySet<string>;
  /** Renamed Python 2 modules the file imports under their own name (`import StringIO`): their uses are old too. */
  importedModules?: ReadonlySet<string>;
  /** Whether the file shows that it still runs on Python 2 (six, python-future, other `__future__` imports). */
  runsOnPython2?: boolean;
  /** Functions and methods the file defines (`def next(` makes `.next()` the file's own API). */
  methods?: ReadonlySet<string>;
  /** The line as written, strings included (for the few rules about a string's value). */
  raw?: string;
  /** Whether the line stands inside a function (known only with the whole file in view). */
  inFunction?: boolean;
  /** The methods of the class the line stands in (known only with the whole file in view). */
  classMethods?: ReadonlySet<string>;
  /**
   * Lines of a change, not a whole file's scan: rules whose removal is migration work are tried even while off, so
   * that taking them away counts and keeping them is seen as kept (their hits say `onlyRemoval`).
   */
  removalRules?: boolean;
  /** Opt-in rules turned on, and rules turned off, by the config. */
  enabled?: ReadonlySet<string>;
  disabled?: ReadonlySet<string>;
}

export interface PythonRule {
  id: string;
  /** What to write instead, shown on the annotation. */
  message: string;
  pattern: RegExp;
  /** Identifiers of which one must be on the line for the rule to be tried (one pass finds them for every rule). */
  triggers: readonly string[];
  /**
   * For a common trigger word (`def`, `for`, `raise`, a module's name), what the pattern needs after it on the line,
   * as a pattern's source: the one scan lets a line through for that word only where this follows it. It must hold
   * wherever the rule's pattern matches.
   */
  followedBy?: Readonly<Record<string, string | undefined>>;
  /** Python 3 cannot even parse the line: no guard makes it safe. */
  syntax?: boolean;
  /** A name the file may define itself (`def reduce`, `from sys import intern`): then the line is the file's own. */
  ownName?: string;
  /** A further condition on what is known of the file. */
  when?: (code: string, context: RuleContext) => boolean;
  /** Off unless the config turns it on (`migration.python3.enable`). */
  optIn?: boolean;
  /**
   * For an opt-in rule: taking the construct away counts as migration work even while the rule is off (unittest's
   * deprecated aliases run on Python 2.7 and 3 up to 3.11, so adding one is no regression, but 2to3 removes them).
   */
  removalIsMigration?: boolean;
  /**
   * Tried on lines that name an exception the file catches, rather than by fixed words; only on those holding `[`
   * (the gate's shortcut, `fileGate`), so such a rule's pattern must need one.
   */
  exceptName?: boolean;
}

/** A bare name: not an attribute, not defined, not a keyword argument or assignment target. */
const bare = (names: string) => new RegExp(`(?<![\\w.])(?<!\\bdef\\s+)(?<!\\bclass\\s+)(?:${names})\\b(?!\\s*=[^=])`);
const called = (names: string) => new RegExp(`(?<![\\w.])(?<!\\bdef\\s+)(?:${names})\\s*\\(`);
/** `module.attribute`, as 2to3 reads it: white space around the dot is allowed. */
const attribute = (module: string, names: string) => new RegExp(`(?<![\\w.])${module}\\s*\\.\\s*(?:${names})(?:(?<=\\()|(?!\\w))`);
const words = (text: string) => text.split(/[^A-Za-z0-9_]+/).filter(Boolean);

/**
 * Walks from `open` (a bracket, or text before one) to the bracket that closes the first one opened: the index just
 * past it (-1 if the line ends first), and whether a comma stands at the first level inside (`(a, b)`, not
 * `((a, b))` or `(f(a, b))`).
 */
function bracketed(code: string, open: number): { end: number; topLevelComma: boolean } {
  let depth = 0;
  let topLevelComma = false;
  // Stryker disable next-line EqualityOperator: one step past the end reads undefined, which is no bracket
  for (let i = open; i < code.length; i++) {
    const ch = code[i];
    if (ch === "(" || ch === "[" || ch === "{") depth++;
    else if (ch === ")" || ch === "]" || ch === "}") {
      depth--;
      if (depth === 0) return { end: i + 1, topLevelComma };
    } else if (ch === "," && depth === 1) topLevelComma = true;
  }
  return { end: -1, topLevelComma };
}

/**
 * A call of one of `names` whose result is measured with len(), indexed or sliced, or sorted in place (only the last
 * when `onlySorted`): lists in 2, iterators (or, for range, a sequence without sort) in 3.
 */
function resultUsedAsList(code: string, names: RegExp, onlySorted = false): boolean {
  names.lastIndex = 0;
  for (let m = names.exec(code); m; m = names.exec(code)) {
    if (!onlySorted && /\blen\s*\(\s*$/.test(code.slice(0, m.index))) return true;
    const { end } = bracketed(code, m.index + m[0].length - 1);
    if (end === -1) continue; // the call goes on on the next line
    const after = code.slice(end);
    if ((!onlySorted && /^\s*\[/.test(after)) || /^\s*\.\s*sort\s*\(/.test(after)) return true;
  }
  return false;
}

/**
 * Inside one pair of brackets, with no bracket between: `for`, then `in` and something, then a comma (`[x for x in 1,
 * 2]`). One pass over the line, each stretch between two brackets read once: linear, where the pattern it replaces
 * backtracked (cubic in the line).
 */
function commaAfterComprehensionIn(code: string): boolean {
  let start = -1; // the stretch since the last opening bracket, while no other bracket has come
  for (let i = 0; i <= code.length; i++) {
    const ch = code[i];
    const bracket = ch === "(" || ch === "[" || ch === ")" || ch === "]" || ch === "{" || ch === "}";
    if (i < code.length && !bracket) continue;
    if (start !== -1 && stretchHasComprehensionComma(code, start, i)) return true;
    start = ch === "(" || ch === "[" ? i + 1 : -1;
  }
  return false;
}

const WORD_CHAR = /\w/;
/** Whether code[from, to) holds the word at `at` (whole). */
const wordAt = (code: string, at: number, word: string, from: number) => code.startsWith(word, at) && (at === from || !WORD_CHAR.test(code[at - 1])) && !WORD_CHAR.test(code[at + word.length] ?? "");

function stretchHasComprehensionComma(code: string, from: number, to: number): boolean {
  let forAt = -1;
  for (let i = code.indexOf("for", from); i !== -1 && i < to; i = code.indexOf("for", i + 1)) {
    if (wordAt(code, i, "for", from) && /\s/.test(code[i + 3] ?? "")) {
      forAt = i;
      break;
    }
  }
  if (forAt === -1) return false;
  for (let i = code.indexOf("in", forAt + 4); i !== -1 && i < to; i = code.indexOf("in", i + 1)) {
    if (!wordAt(code, i, "in", from)) continue;
    let j = i + 2;
    if (!/\s/.test(code[j] ?? "")) continue;
    while (j < to && /\s/.test(code[j])) j++;
    // Something after `in `, then a comma before the stretch ends.
    if (j < to) {
      const comma = code.indexOf(",", j + 1);
      return comma !== -1 && comma < to;
    }
  }
  return false;
}

/** The first brackets on the line hold a comma at their own level: `print(a, b)`, not `print((a, b))` or `print(f(a, b))`. */
const firstBracketsHaveComma = (code: string): boolean => bracketed(code, 0).topLevelComma;

export const SYNTAX_RULES: PythonRule[] = ([
  { id: "print-statement", message: "print is a function in Python 3: print(...) (with `from __future__ import print_function` while Python 2 must still run it).", pattern: /^\s*print\b(?!\s*\()(?!\s*[=.,)\]])/, triggers: ["print"] },
  { id: "except-comma", message: "Python 3 syntax is `except E as e:`.", pattern: /^\s*except\s+(?:\([^)]*\)|[\w.]+)\s*,\s*[^:]+:/, triggers: ["except"] },
  { id: "backticks", message: "Backticks were removed: use repr(x).", pattern: /`/, triggers: [] },
  { id: "diamond-not-equal", message: "`<>` was removed: use `!=`.", pattern: /<>/, triggers: [] },
  { id: "exec-statement", message: "exec is a function in Python 3: exec(code, globals, locals).", pattern: /^\s*exec\b(?!\s*\()(?!\s*[=.,)])|^\s*exec\s*\(.*\)\s+in\s+\S/, triggers: ["exec"] },
  { id: "old-octal", message: "Octal literals are written 0o777 in Python 3.", pattern: /(?<![\w.])0[0-7]*[1-7][0-7]*(?![\w.])/, triggers: [] },
  { id: "long-suffix", message: "The L suffix was removed: Python 3 ints are unbounded, write 10.", pattern: /(?<![\w.])(?:0[xX][0-9a-fA-F]+|\d+)[lL](?!\w)/, triggers: [] },
  { id: "ur-prefix", message: "ur'' strings are a syntax error in Python 3: use r'' (or u'' without raw).", pattern: /(?<![\w])[uU][rR]""/, triggers: [] },
  {
    id: "raise-comma",
    message: "Python 3 syntax is `raise E(v)` (and `raise E(v).with_traceback(tb)`).",
    pattern: /^\s*raise\s+[^\s,]/,
    triggers: ["raise"],
    followedBy: { raise: "[^,]*," }, // the comma `when` looks for
    when: (code) => firstBracketsHaveComma(`(${code})`),
  },
  {
    id: "tuple-parameters",
    message: "Tuple parameters were removed (PEP 3113): take one argument and unpack it in the body.",
    pattern: /\bdef\s+\w+\s*\((?:[^()=:]*,)?\s*\((?!\s*\))|\blambda\s*\((?!\s*\))|\blambda\b[^:()]*,\s*\(/,
    triggers: ["def", "lambda"],
    followedBy: { def: "[^(]*\\([^()]*\\(" }, // the parameters' bracket, then the tuple's
  },
  {
    id: "paren-comprehension",
    message: "A comprehension over a bare tuple (`[x for x in 1, 2]`) is a syntax error in Python 3: parenthesise it, `in (1, 2)`.",
    pattern: /\bfor\s/,
    triggers: ["for"],
    followedBy: { for: "[^,]*," },
    when: (code) => commaAfterComprehensionIn(code),
  },
  {
    id: "import-star-in-function",
    message: "`from m import *` is only allowed at module level in Python 3: import the names you use.",
    pattern: /^\s+from\s+[\w.]+\s+import\s+\*/,
    triggers: ["import"],
    when: (_code, context) => context.inFunction === true,
  },
] satisfies PythonRule[]).map((rule) => ({ ...rule, syntax: true }));

const REMOVED_NAMES: Array<[string, string]> = [
  ["unicode", "str"],
  ["basestring", "str (or six.string_types while Python 2 must still run it)"],
  ["unichr", "chr"],
  ["xrange", "range"],
  ["raw_input", "input"],
  ["StandardError", "Exception"],
];
const REMOVED_CALLS: Array<[string, string]> = [
  ["execfile", "exec(open(path).read())"],
  ["apply", "f(*args, **kwargs)"],
  ["file", "open(...)"],
  ["intern", "sys.intern"],
  ["coerce", "explicit conversion"],
  ["reload", "importlib.reload"],
  ["buffer", "memoryview(...)"],
  ["cmp", "(a > b) - (a < b), or a key function"],
  ["long", "int(...)"],
];

export const BUILTIN_RULES: PythonRule[] = [
  ...REMOVED_NAMES.map(([name, instead]) => ({ id: `builtin-${name}`, message: `${name} does not exist in Python 3: use ${instead}.`, pattern: bare(name), triggers: [name], ownName: name })),
  ...REMOVED_CALLS.map(([name, instead]) => ({ id: `builtin-${name}`, message: `${name}() was removed in Python 3: use ${instead}.`, pattern: called(name), triggers: [name], ownName: name })),
  { id: "builtin-reduce", message: "reduce() moved: `from functools import reduce`.", pattern: called("reduce"), triggers: ["reduce"], ownName: "reduce" },
  {
    id: "builtin-long",
    message: "long does not exist in Python 3: use int.",
    pattern: /\b(?:isinstance|issubclass)\s*\(.*,\s*\(?[^)]*(?<![\w.])long\b|(?<![\w.])(?:int|float)\s*,\s*long\b|(?<![\w.])long\s*,\s*(?:int|float)\b/,
    triggers: ["long"],
    ownName: "long",
  },
  { id: "sort-cmp", message: "cmp= was removed from sorted() and sort(): use key= (functools.cmp_to_key).", pattern: /(?:\bsorted|\.sort)\s*\(.*\bcmp\s*=/, triggers: ["cmp"] },
];

export const DICT_RULES: PythonRule[] = [
  ...["iteritems", "itervalues", "iterkeys"].map((m) => ({
    id: `dict-${m}`,
    message: `dict.${m}() was removed: use .${m.slice(4)}() (or six.${m}(d) while Python 2 must still run it).`,
    pattern: new RegExp(`(?<!\\bsix)(?<!\\butils)(?<!\\bself)\\.\\s*${m}\\s*\\(`),
    triggers: [m],
  })),
  ...["viewitems", "viewvalues", "viewkeys"].map((m) => ({
    id: `dict-${m}`,
    message: `dict.${m}() was removed: use .${m.slice(4)}().`,
    pattern: new RegExp(`(?<!\\bsix)\\.\\s*${m}\\s*\\(`),
    triggers: [m],
  })),
  { id: "dict-has_key", message: "dict.has_key(k) was removed: use `k in d`.", pattern: /(?<!\bself|\b_\w*)\.\s*has_key\s*\(/, triggers: ["has_key"] },
  {
    id: "dict-view-indexed",
    message: "keys(), values() and items() return views in Python 3: they cannot be indexed or sorted in place; use list(d.keys())[0] or sorted(d).",
    pattern: /\.\s*(?:keys|values|items)\s*\(\s*\)\s*(?:\[|\.\s*sort\s*\()/,
    triggers: ["keys", "values", "items"],
  },
];

const ITERATOR_CALLS = /(?<![\w.])(?:map|filter|zip)\s*\(/g;
const RANGE_CALLS = /(?<![\w.])range\s*\(/g;

export const ITERATOR_RULES: PythonRule[] = [
  {
    id: "iterator-indexed",
    message: "map(), filter(), zip() and range() return iterators (range a sequence without sort) in Python 3: wrap in list(...) before indexing, slicing, sorting or len().",
    pattern: /(?<![\w.])(?:map|filter|zip|range)\s*\(/,
    triggers: ["map", "filter", "zip", "range"],
    when: (code) => resultUsedAsList(code, ITERATOR_CALLS) || resultUsedAsList(code, RANGE_CALLS, true),
  },
  {
    id: "next-method-called",
    message: "Iterators have no .next() in Python 3: use next(it).",
    pattern: /(?<!\bsix)\.\s*next\s*\(\s*\)/,
    triggers: ["next"],
    when: (_code, context) => !context.methods?.has("next"), // the file's own next() method (tarfile, an enum)
  },
  {
    id: "next-method-defined",
    message: "Python 3 iterators define __next__: rename next to __next__ (and keep `next = __next__` while Python 2 must still run it).",
    pattern: /^\s*def\s+next\s*\(\s*self\s*\)\s*:/,
    triggers: ["next"],
    // An iterator (its __iter__ returns self) without __next__. A next() beside __next__ is kept for Python 2, and one
    // in a class that is no iterator is an API of its own (tarfile.TarFile.next(), mailbox, shelve).
    when: (_code, context) => {
      if (context.classMethods) return context.classMethods.has("__iter__ returns self") && !context.classMethods.has("__next__");
      return (context.methods?.has("__iter__") ?? false) && !context.methods?.has("__next__");
    },
  },
  { id: "xreadlines-attribute", message: "file.xreadlines() was removed: iterate over the file itself.", pattern: /\.\s*xreadlines\b/, triggers: ["xreadlines"] },
  { id: "generator-throw-args", message: "throw(type, value) is deprecated in Python 3: throw(type(value)).", pattern: /\.\s*throw\s*\(\s*(?:[\w]+\.)*[A-Z]\w*\s*,/, triggers: ["throw"] },
];

const TYPES_CONSTANTS =
  "BooleanType|BufferType|ClassType|ComplexType|DictType|DictionaryType|EllipsisType|FileType|FloatType|FrozenSetType|InstanceType|IntType|ListType|LongType|NoneType|NotImplementedType|ObjectType|SliceType|StringType|StringTypes|TupleType|TypeType|UnboundMethodType|UnicodeType|XRangeType";
const STRING_FUNCTIONS =
  "atoi|atof|atol|capitalize|center|count|expandtabs|find|index|join|joinfields|ljust|lower|lstrip|replace|rfind|rindex|rjust|rsplit|rstrip|split|splitfields|strip|swapcase|translate|upper|zfill";
const FUNCTION_ATTRIBUTES: Record<string, string> = { func_name: "__name__", func_code: "__code__", func_defaults: "__defaults__", func_globals: "__globals__", func_dict: "__dict__", func_closure: "__closure__", func_doc: "__doc__" };
const METHOD_ATTRIBUTES: Record<string, string> = { im_func: "__func__", im_self: "__self__", im_class: "__self__.__class__" };

const REMOVED_ATTRIBUTES: Array<[id: string, module: string, names: string, instead: string, ownName?: string]> = [
  ["sys-maxint", "sys", "maxint", "sys.maxsize"],
  ["sys-exc_clear", "sys", "exc_clear", "nothing (exceptions clear themselves)"],
  ["sys-exc_type", "sys", "exc_type|exc_value|exc_traceback", "sys.exc_info()"],
  ["sys-exitfunc", "sys", "exitfunc", "atexit.register(f)"],
  ["string-letters", "string", "letters|lowercase|uppercase", "string.ascii_letters / ascii_lowercase / ascii_uppercase", "string"],
  ["string-maketrans", "string", "maketrans", "str.maketrans / bytes.maketrans", "string"],
  ["string-functions", "string", `(?:${STRING_FUNCTIONS})\\s*\\(`, "the str methods (', '.join(xs), s.split(), …) and int()/float()", "string"],
  ["os-getcwdu", "os", "getcwdu", "os.getcwd"],
  ["os-errno", "os", "errno", "import errno"],
  ["os-popen2", "os", "popen2|popen3|popen4", "subprocess.Popen"],
  ["itertools-izip", "itertools", "izip_longest|izip|imap|ifilterfalse|ifilter", "zip, map, filter, itertools.zip_longest, itertools.filterfalse"],
  ["urllib-functions", "urllib", "(?!(?:request|parse|error|response|robotparser)\\b)\\w+", "urllib.request / urllib.parse / urllib.error"],
  ["urllib2-functions", "urllib2", "\\w+", "urllib.request / urllib.error / urllib.parse"],
  ["types-constants", "types", TYPES_CONSTANTS, "the built-in types (str, int, list, …)"],
  ["operator-functions", "operator", "isCallable|sequenceIncludes|isSequenceType|isMappingType|isNumberType|repeat|irepeat|div|idiv|delslice|getslice|setslice", "callable(), operator.contains, isinstance with collections.abc, operator.mul, operator.truediv"],
];

export const ATTRIBUTE_RULES: PythonRule[] = [
  ...REMOVED_ATTRIBUTES.map(([id, module, names, instead, ownName]) => ({
    id,
    message: `Removed in Python 3: use ${instead}.`,
    pattern: attribute(module, names),
    triggers: [module],
    followedBy: { [module]: `\\s*\\.\\s*(?:${names})` }, // looser than the pattern, as a gate may be
    ...(ownName ? { ownName } : {}),
  })),
  { id: "sys-maxint", message: "Removed in Python 3: use sys.maxsize.", pattern: /^\s*from\s+sys\s+import\b.*\bmaxint\b/, triggers: ["maxint"] },
  // The same names imported from their module: `from string import atoi`, `from types import StringType`.
  {
    id: "string-functions",
    message: "The string module's functions were removed: use the str methods (', '.join(xs), s.split(), …) and int()/float().",
    pattern: new RegExp(`^\\s*from\\s+string\\s+import\\b.*\\b(?:${STRING_FUNCTIONS}|maketrans)\\b`),
    triggers: ["string"],
    followedBy: { string: "\\s+import\\b" },
  },
  {
    id: "string-letters",
    message: "Removed in Python 3: use string.ascii_letters / ascii_lowercase / ascii_uppercase.",
    pattern: /^\s*from\s+string\s+import\b.*\b(?:letters|lowercase|uppercase)\b/,
    triggers: ["string"],
    followedBy: { string: "\\s+import\\b" },
  },
  {
    id: "types-constants",
    message: "Removed in Python 3: use the built-in types (str, int, list, …).",
    pattern: new RegExp(`^\\s*from\\s+types\\s+import\\b.*\\b(?:${TYPES_CONSTANTS})\\b`),
    triggers: ["types"],
    followedBy: { types: "\\s+import\\b" },
  },
  {
    id: "itertools-functions",
    message: "izip, imap, ifilter, ifilterfalse and izip_longest were removed: use zip, map, filter, itertools.filterfalse, itertools.zip_longest.",
    pattern: called("izip_longest|izip|imap|ifilterfalse|ifilter"),
    triggers: ["izip_longest", "izip", "imap", "ifilterfalse", "ifilter"],
    when: (code) => !/^\s*(?:from|import)\b/.test(code),
  },
  {
    id: "itertools-imports",
    message: "itertools.izip, imap, ifilter, ifilterfalse and izip_longest were removed: use zip, map, filter, itertools.filterfalse, itertools.zip_longest.",
    pattern: /^\s*from\s+itertools\s+import\b.*\b(?:izip_longest|izip|imap|ifilterfalse|ifilter)\b/,
    triggers: ["itertools"],
  },
  {
    id: "function-attributes",
    message: `Function attributes were renamed in Python 3: ${Object.entries(FUNCTION_ATTRIBUTES).map(([a, b]) => `${a} → ${b}`).join(", ")}.`,
    pattern: new RegExp(`\\.\\s*(?:${Object.keys(FUNCTION_ATTRIBUTES).join("|")})\\b(?!\\s*=[^=])`),
    triggers: Object.keys(FUNCTION_ATTRIBUTES),
  },
  {
    id: "method-attributes",
    message: `Method attributes were renamed in Python 3: ${Object.entries(METHOD_ATTRIBUTES).map(([a, b]) => `${a} → ${b}`).join(", ")}.`,
    pattern: new RegExp(`\\.\\s*(?:${Object.keys(METHOD_ATTRIBUTES).join("|")})\\b(?!\\s*=[^=])`),
    triggers: Object.keys(METHOD_ATTRIBUTES),
  },
  {
    id: "exception-message-attribute",
    message: "BaseException.message was removed: use str(e) or e.args.",
    pattern: /(?<![\w.])(\w+)\.message\b/,
    triggers: ["message"],
    when: (code, context) => [...code.matchAll(/(?<![\w.])(\w+)\.message\b/g)].some((m) => context.exceptNames?.has(m[1]) ?? false),
  },
  {
    id: "indexing-exception",
    message: "Exceptions cannot be indexed in Python 3: use e.args[0].",
    pattern: /(?<![\w.])(\w+)\s*\[\s*\d+\s*\]/,
    triggers: [], // tried only on lines that name a caught exception (see `candidateRules`)
    exceptName: true,
    when: (code, context) => !!context.exceptNames?.size && [...code.matchAll(/(?<![\w.])(\w+)\s*\[\s*\d+\s*\]/g)].some((m) => context.exceptNames!.has(m[1])),
  },
  { id: "raising-string", message: "String exceptions were removed: raise an Exception subclass.", pattern: /^\s*raise\s+[uUbBrR]{0,2}""(?!\s*\.)/, triggers: ["raise"], followedBy: { raise: '\\s+[uUbBrR]{0,2}""' } },
  {
    id: "unittest-deprecated-alias",
    message: "Deprecated unittest aliases (assertEquals, failUnless, assertItemsEqual, assertRaisesRegexp, …) are gone in Python 3.12: use assertEqual, assertTrue, assertCountEqual, assertRaisesRegex.",
    // Valid on Python 2.7 and on Python 3 up to 3.11: not Python 2 coming back. Removing them is still migration work.
    optIn: true,
    removalIsMigration: true,
    pattern:
      /\.\s*(?:assert_|assertEquals|assertNotEquals|assertAlmostEquals|assertNotAlmostEquals|assertItemsEqual|assertRegexpMatches|assertNotRegexpMatches|assertRaisesRegexp|assertDictContainsSubset|failUnlessEqual|failIfEqual|failUnlessAlmostEqual|failIfAlmostEqual|failUnlessRaises|failUnless|failIf)\b(?!\s*=[^=])/,
    triggers: words("assert_ assertEquals assertNotEquals assertAlmostEquals assertNotAlmostEquals assertItemsEqual assertRegexpMatches assertNotRegexpMatches assertRaisesRegexp assertDictContainsSubset failUnlessEqual failIfEqual failUnlessAlmostEqual failIfAlmostEqual failUnlessRaises failUnless failIf"),
  },
  { id: "str-translate-deletechars", message: "str.translate(None, chars) is Python 2 only: use s.translate(str.maketrans('', '', chars)).", pattern: /\.\s*translate\s*\(\s*None\s*,(?!\s*(?:[bB][rR]?|[rR][bB])"")/, triggers: ["translate"] },
  {
    id: "invalid-str-codec",
    message: "Text codecs such as 'hex', 'base64', 'rot13' and 'zlib' are gone from str.encode/decode: use codecs.encode(b, 'hex') or binascii.",
    pattern: /\.\s*(?:en|de)code\s*\(\s*[bBuU]?""/,
    triggers: ["encode", "decode"],
    // Stryker disable next-line StringLiteral: a missing line reads as text without a codec
    when: (_code, context) => /\.\s*(?:en|de)code\s*\(\s*[bBuU]?(['"])(?:hex|base64|base_64|rot13|rot_13|zlib|zip|bz2|uu|quopri|quotedprintable|string_escape)(?:_codec)?\1/.test(context.raw ?? ""),
  },
  {
    id: "print-tuple",
    message: "Without `from __future__ import print_function`, Python 2 prints a tuple here: add the import while Python 2 must still run this file.",
    pattern: /^\s*print\s*\(/,
    triggers: ["print"],
    when: (code, context) => context.runsOnPython2 === true && context.future !== undefined && !context.future.has("print_function") && firstBracketsHaveComma(code),
  },
  {
    id: "old-division",
    message: "`/` on two ints is floor division in Python 2 and true division in Python 3: write `//` where floor division is meant, and add `from __future__ import division`.",
    pattern: /(?<![/*])\/(?![/=])|(?<!\/)\/=/,
    triggers: [], // tried only when turned on, on lines with a slash (see `candidateRules`)
    optIn: true,
    when: (_code, context) => context.future !== undefined && !context.future.has("division"),
  },
];

const OLD_DUNDERS: Array<[string, string]> = [
  ["__nonzero__", "__bool__"],
  ["__unicode__", "__str__"],
  ["__div__", "__truediv__ / __floordiv__"],
  ["__idiv__", "__itruediv__"],
  ["__rdiv__", "__rtruediv__"],
  ["__cmp__", "the rich comparisons (__eq__, __lt__, functools.total_ordering)"],
  ["__getslice__", "__getitem__ with a slice"],
  ["__setslice__", "__setitem__ with a slice"],
  ["__delslice__", "__delitem__ with a slice"],
  ["__coerce__", "explicit conversion"],
  ["__oct__", "__index__"],
  ["__hex__", "__index__"],
  ["__long__", "__int__"],
];

export const DUNDER_RULES: PythonRule[] = [
  ...OLD_DUNDERS.map(([name, instead]) => ({ id: `dunder${name.replace(/_+$/, "")}`, message: `Python 3 does not call ${name}: define ${instead}.`, pattern: new RegExp(`\\bdef\\s+${name}\\s*\\(`), triggers: [name] })),
  { id: "metaclass-attribute", message: "Python 3 ignores __metaclass__: write `class C(Base, metaclass=M)` (six.with_metaclass while Python 2 must still run it).", pattern: /(?:^|:)\s*__metaclass__\s*=/, triggers: ["__metaclass__"] },
];

/** A renamed module in an import: checked before the other rules, so that its message names the new module. */
export const MODULE_RULE_ID = "module";

export const OLD_CONSTRUCT_RULES: PythonRule[] = [...SYNTAX_RULES, ...BUILTIN_RULES, ...DICT_RULES, ...ITERATOR_RULES, ...ATTRIBUTE_RULES, ...DUNDER_RULES];

/** Rules that are off unless the config turns them on. */
export const PYTHON3_OPT_IN_RULES = OLD_CONSTRUCT_RULES.filter((r) => r.optIn).map((r) => r.id);
