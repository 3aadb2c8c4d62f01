/**
 * The python3 pack's rules. Each runs on a line reduced to code (strings are `""`, comments gone), so none can fire
 * inside a string, a comment or a docstring. Names are matched only where they stand alone: not as attributes
 * (`self.unicode`), keyword arguments (`print(x, file=f)`), assignment targets or definitions (`def unicode(`).
 */
export interface PythonRule {
  id: string;
  /** What to write instead, shown on the annotation. */
  message: string;
  pattern: RegExp;
}

/** A bare name: not an attribute, not defined, not a keyword argument or assignment target. */
const bare = (names: string) => new RegExp(`(?<![\\w.])(?<!\\bdef\\s+)(?<!\\bclass\\s+)(?:${names})\\b(?!\\s*=[^=])`);
const called = (names: string) => new RegExp(`(?<![\\w.])(?<!\\bdef\\s+)(?:${names})\\s*\\(`);

export const SYNTAX_RULES: PythonRule[] = [
  { id: "print-statement", message: "print is a function in Python 3: print(...) (with `from __future__ import print_function` while Python 2 must still run it).", pattern: /^\s*print\b(?!\s*\()(?!\s*[=.,)\]])/ },
  { id: "except-comma", message: "Python 3 syntax is `except E as e:`.", pattern: /^\s*except\s+(?:\([^)]*\)|[\w.]+)\s*,\s*\w+\s*:/ },
  { id: "backticks", message: "Backticks were removed: use repr(x).", pattern: /`/ },
  { id: "diamond-not-equal", message: "`<>` was removed: use `!=`.", pattern: /<>/ },
  { id: "exec-statement", message: "exec is a function in Python 3: exec(code, globals, locals).", pattern: /^\s*exec\b(?!\s*\()(?!\s*[=.,)])/ },
  { id: "old-octal", message: "Octal literals are written 0o777 in Python 3.", pattern: /(?<![\w.])0[0-7]*[1-7][0-7]*(?![\w.])/ },
  { id: "long-suffix", message: "The L suffix was removed: Python 3 ints are unbounded, write 10.", pattern: /(?<![\w.])\d+[lL](?!\w)/ },
  { id: "ur-prefix", message: "ur'' strings are a syntax error in Python 3: use r'' (or u'' without raw).", pattern: /(?<![\w])[uU][rR]""/ },
  { id: "raise-comma", message: "Python 3 syntax is `raise E(v)`.", pattern: /^\s*raise\s+[\w.]+\s*,/ },
  {
    id: "tuple-parameters",
    message: "Tuple parameters were removed (PEP 3113): take one argument and unpack it in the body.",
    pattern: /\bdef\s+\w+\s*\((?:[^()=:]*,)?\s*\((?!\s*\))|\blambda\s+\((?!\s*\))|\blambda\b[^:()]*,\s*\(/,
  },
];

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
];

export const BUILTIN_RULES: PythonRule[] = [
  ...REMOVED_NAMES.map(([name, instead]) => ({ id: `builtin-${name}`, message: `${name} does not exist in Python 3: use ${instead}.`, pattern: bare(name) })),
  ...REMOVED_CALLS.map(([name, instead]) => ({ id: `builtin-${name}`, message: `${name}() was removed in Python 3: use ${instead}.`, pattern: called(name) })),
  { id: "builtin-reduce", message: "reduce() moved: `from functools import reduce`.", pattern: called("reduce") },
  { id: "builtin-long", message: "long does not exist in Python 3: use int.", pattern: /\b(?:isinstance|issubclass)\s*\(.*,\s*\(?[^)]*(?<![\w.])long\b|(?<![\w.])(?:int|float)\s*,\s*long\b|(?<![\w.])long\s*,\s*(?:int|float)\b/ },
  { id: "sort-cmp", message: "cmp= was removed from sorted() and sort(): use key= (functools.cmp_to_key).", pattern: /(?:\bsorted|\.sort)\s*\(.*\bcmp\s*=/ },
];

export const DICT_RULES: PythonRule[] = [
  ...["iteritems", "itervalues", "iterkeys"].map((m) => ({
    id: `dict-${m}`,
    message: `dict.${m}() was removed: use .${m.slice(4)}() (or six.${m}(d) while Python 2 must still run it).`,
    pattern: new RegExp(`(?<!\\bsix)(?<!\\butils)(?<!\\bself)\\.${m}\\s*\\(`),
  })),
  ...["viewitems", "viewvalues", "viewkeys"].map((m) => ({
    id: `dict-${m}`,
    message: `dict.${m}() was removed: use .${m.slice(4)}().`,
    pattern: new RegExp(`(?<!\\bsix)\\.${m}\\s*\\(`),
  })),
  { id: "dict-has_key", message: "dict.has_key(k) was removed: use `k in d`.", pattern: /(?<!\bself|\b_\w*)\.has_key\s*\(/ },
];

/** Standard modules renamed or removed in Python 3 (2to3's fix_imports and fix_imports2, and removals). */
export const RENAMED_MODULES: Record<string, string> = {
  StringIO: "io",
  cStringIO: "io",
  cPickle: "pickle",
  __builtin__: "builtins",
  copy_reg: "copyreg",
  Queue: "queue",
  SocketServer: "socketserver",
  ConfigParser: "configparser",
  repr: "reprlib",
  FileDialog: "tkinter.filedialog",
  tkFileDialog: "tkinter.filedialog",
  SimpleDialog: "tkinter.simpledialog",
  tkSimpleDialog: "tkinter.simpledialog",
  tkColorChooser: "tkinter.colorchooser",
  tkCommonDialog: "tkinter.commondialog",
  Dialog: "tkinter.dialog",
  Tkdnd: "tkinter.dnd",
  tkFont: "tkinter.font",
  tkMessageBox: "tkinter.messagebox",
  ScrolledText: "tkinter.scrolledtext",
  Tkconstants: "tkinter.constants",
  Tix: "tkinter.tix",
  ttk: "tkinter.ttk",
  Tkinter: "tkinter",
  markupbase: "_markupbase",
  _winreg: "winreg",
  thread: "_thread (or threading)",
  dummy_thread: "_dummy_thread",
  dbhash: "dbm.bsd",
  dumbdbm: "dbm.dumb",
  gdbm: "dbm.gnu",
  anydbm: "dbm",
  whichdb: "dbm",
  xmlrpclib: "xmlrpc.client",
  DocXMLRPCServer: "xmlrpc.server",
  SimpleXMLRPCServer: "xmlrpc.server",
  httplib: "http.client",
  htmlentitydefs: "html.entities",
  HTMLParser: "html.parser",
  htmllib: "html.parser",
  Cookie: "http.cookies",
  cookielib: "http.cookiejar",
  BaseHTTPServer: "http.server",
  SimpleHTTPServer: "http.server",
  CGIHTTPServer: "http.server",
  commands: "subprocess",
  popen2: "subprocess",
  UserDict: "collections.UserDict",
  UserList: "collections.UserList",
  UserString: "collections.UserString",
  urlparse: "urllib.parse",
  robotparser: "urllib.robotparser",
  urllib2: "urllib.request and urllib.error",
  md5: "hashlib",
  sha: "hashlib",
  sets: "the built-in set",
  new: "types",
  exceptions: "builtins",
  mimetools: "email",
  rfc822: "email",
  sgmllib: "html.parser",
  mutex: "threading",
  string_escape: "codecs",
};

const IMPORT_LINE = /^\s*import\s+(.+)$/;
const FROM_LINE = /^\s*from\s+([\w.]+)\s+import\b/;

/** The Python 2 module an import line names, if any: `import os, urllib2`, `from urlparse import urljoin`. */
export function renamedModuleIn(code: string): string | undefined {
  const from = FROM_LINE.exec(code);
  const modules = from ? [from[1]] : (IMPORT_LINE.exec(code)?.[1].split(",").map((part) => part.trim().split(/\s+/)[0]) ?? []);
  for (const module of modules) {
    const top = module.split(".")[0];
    if (Object.prototype.hasOwnProperty.call(RENAMED_MODULES, top)) return top;
  }
  return undefined;
}

const REMOVED_ATTRIBUTES: Array<[id: string, pattern: string, instead: string]> = [
  ["sys-maxint", "sys\\.maxint", "sys.maxsize"],
  ["sys-exc_clear", "sys\\.exc_clear", "nothing (exceptions clear themselves)"],
  ["sys-exc_type", "sys\\.exc_(?:type|value|traceback)\\b", "sys.exc_info()"],
  ["string-letters", "string\\.(?:letters|lowercase|uppercase)\\b", "string.ascii_letters / ascii_lowercase / ascii_uppercase"],
  ["string-maketrans", "string\\.maketrans", "str.maketrans / bytes.maketrans"],
  ["string-functions", "string\\.(?:atoi|atof|atol)\\s*\\(", "int() and float()"],
  ["os-getcwdu", "os\\.getcwdu", "os.getcwd"],
  ["os-errno", "os\\.errno", "import errno"],
  ["itertools-izip", "itertools\\.(?:izip_longest|izip|imap|ifilterfalse|ifilter)\\b", "zip, map, filter, itertools.zip_longest, itertools.filterfalse"],
  ["urllib-functions", "urllib\\.(?:urlopen|urlencode|quote_plus|quote|unquote_plus|unquote|urlretrieve|pathname2url|url2pathname)\\b", "urllib.request / urllib.parse"],
  ["types-constants", "types\\.(?:StringType|UnicodeType|IntType|LongType|ListType|DictType|TupleType|ClassType|InstanceType|StringTypes)\\b", "the built-in types (str, int, list, …)"],
];

export const ATTRIBUTE_RULES: PythonRule[] = REMOVED_ATTRIBUTES.map(([id, pattern, instead]) => ({
  id,
  message: `Removed in Python 3: use ${instead}.`,
  pattern: new RegExp(`(?<![\\w.])${pattern}`),
}));

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
  ...OLD_DUNDERS.map(([name, instead]) => ({ id: `dunder${name.replace(/_+$/, "")}`, message: `Python 3 does not call ${name}: define ${instead}.`, pattern: new RegExp(`\\bdef\\s+${name}\\s*\\(`) })),
  { id: "metaclass-attribute", message: "Python 3 ignores __metaclass__: write `class C(Base, metaclass=M)` (six.with_metaclass while Python 2 must still run it).", pattern: /^\s*__metaclass__\s*=/ },
];

export const OLD_CONSTRUCT_RULES: PythonRule[] = [...SYNTAX_RULES, ...BUILTIN_RULES, ...DICT_RULES, ...ATTRIBUTE_RULES, ...DUNDER_RULES];

/** Constructs that mark compatibility work: adding them, or removing them once Python 2 is gone, is migration. */
export const COMPATIBILITY_MARKERS: Array<{ id: string; pattern: RegExp }> = [
  { id: "future-import", pattern: /^\s*from\s+__future__\s+import\b/ },
  { id: "six", pattern: /(?<![\w.])(?:import\s+six\b|from\s+six(?:\.[\w.]+)?\s+import\b|six\.\w)/ },
  { id: "python-future", pattern: /^\s*(?:from\s+(?:builtins|past|future)(?:\.[\w.]+)?\s+import\b|import\s+(?:past|future)\b)/ },
  { id: "python_2_unicode_compatible", pattern: /\bpython_2_unicode_compatible\b/ },
  { id: "version-check", pattern: /(?<![\w.])(?:sys\.version_info|sys\.version\b|PY2\b|PY3\b|PY34\b|PY35\b|PY36\b)/ },
  { id: "import-fallback", pattern: /^\s*except\s+\(?\s*(?:ImportError|NameError|ModuleNotFoundError)\b/ },
];

export interface RuleHit {
  id: string;
  message: string;
  /** Python 3 cannot even parse the line: no guard makes it safe. */
  syntax?: boolean;
}

const SYNTAX_IDS = new Set(SYNTAX_RULES.map((r) => r.id));

/**
 * Names one of the rules needs: a line with none of them (and none of the few punctuation triggers) cannot match,
 * which spares most lines the full list. The rules' tests keep this in step with the rules.
 */
const TRIGGER_NAMES = new Set([
  ..."print exec except raise def lambda reduce long cmp import sys string os itertools urllib types __metaclass__".split(" "),
  ..."iteritems itervalues iterkeys viewitems viewvalues viewkeys has_key".split(" "),
  ...REMOVED_NAMES.map(([name]) => name),
  ...REMOVED_CALLS.map(([name]) => name),
]);
const IDENTIFIER = /[A-Za-z_][A-Za-z0-9_]*/g;
const PUNCTUATION_TRIGGER = /`|<>|\d[lL]\b|(?<![\w.])0[0-7]|[rR]""/;

function mayMatchARule(code: string): boolean {
  IDENTIFIER.lastIndex = 0;
  for (let m = IDENTIFIER.exec(code); m; m = IDENTIFIER.exec(code)) if (TRIGGER_NAMES.has(m[0])) return true;
  return PUNCTUATION_TRIGGER.test(code);
}

/** Rules about a name that a module may define for itself (and then it is not the removed builtin). */
const NAME_RULES = new Map<string, string>([...REMOVED_NAMES, ...REMOVED_CALLS, ["reduce", ""], ["long", ""]].map(([name]) => [`builtin-${name}`, name]));

/**
 * Names a file defines itself, from the lines we can see: imports (`from sys import intern`,
 * `from functools import reduce`), assignments (`long, short = option`), definitions and parameters,
 * loop and `as` targets. A call to such a name is the file's own, not a removed builtin.
 */
export function namesDefinedIn(lines: readonly string[]): Set<string> {
  const names = new Set<string>();
  const add = (list: string) => list.split(",").forEach((part) => {
    const name = part.trim().split(/\s+as\s+/).pop()?.replace(/[()*\s]/g, "").split("=")[0];
    if (name && /^[A-Za-z_]\w*$/.test(name)) names.add(name);
  });
  for (const line of lines) {
    let m: RegExpExecArray | null;
    if ((m = /^\s*from\s+[\w.]+\s+import\s+\(?([^#)]+)/.exec(line))) add(m[1]);
    else if ((m = /^\s*import\s+([^#]+)/.exec(line))) add(m[1].split(",").filter((p) => / as /.test(p)).join(","));
    if ((m = /^\s*([A-Za-z_][\w\s,()]*?)\s*=(?!=)/.exec(line))) add(m[1]);
    if ((m = /^\s*(?:async\s+)?def\s+(\w+)\s*\(([^)]*)/.exec(line))) {
      names.add(m[1]);
      add(m[2]);
    }
    if ((m = /^\s*for\s+([\w\s,()]+?)\s+in\b/.exec(line))) add(m[1]);
    for (const as of line.matchAll(/\bas\s+(\w+)/g)) names.add(as[1]);
  }
  return names;
}

/**
 * The first old construct on a line of code, or undefined. `ownNames` gives the names the file defines itself;
 * it is called only when a name rule fires, since reading a file's definitions costs more than the rules.
 */
export function oldConstructIn(code: string, ownNames: () => ReadonlySet<string> = () => new Set()): RuleHit | undefined {
  if (!mayMatchARule(code)) return undefined;
  const module = renamedModuleIn(code);
  if (module && !/\bsix\.moves\b/.test(code)) return { id: `module-${module}`, message: `${module} was renamed or removed in Python 3: use ${RENAMED_MODULES[module]} (or six.moves while Python 2 must still run it).` };
  for (const rule of OLD_CONSTRUCT_RULES) {
    const name = NAME_RULES.get(rule.id);
    if (name && rule.pattern.test(code) && ownNames().has(name)) continue;
    if (rule.pattern.test(code)) return { id: rule.id, message: rule.message, ...(SYNTAX_IDS.has(rule.id) ? { syntax: true } : {}) };
  }
  return undefined;
}

/** Every marker contains one of these: a line without them is spared the patterns. */
const MARKER_HINTS = ["__future__", "six", "builtins", "past", "future", "python_2_unicode_compatible", "version", "PY", "except"];

export function compatibilityMarkerIn(code: string): string | undefined {
  if (!MARKER_HINTS.some((hint) => code.includes(hint))) return undefined;
  return COMPATIBILITY_MARKERS.find((m) => m.pattern.test(code))?.id;
}
