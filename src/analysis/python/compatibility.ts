/**
 * What counts as migration work besides taking an old construct away: compatibility markers (added while Python 2
 * must still run, removed once it is gone), and the Python 3 idioms 2to3 writes in place of a line.
 */
/** Constructs that mark compatibility work: adding them, or removing them once Python 2 is gone, is migration. */
export const COMPATIBILITY_MARKERS: Array<{ id: string; pattern: RegExp }> = [
  // Not the features only Python 3 knows (`annotations`, `generator_stop`): modern code, not compatibility work.
  { id: "future-import", pattern: /^\s*from\s+__future__\s+import\b(?!\s*\(?\s*(?:(?:annotations|generator_stop|barry_as_FLUFL)\s*,?\s*)+\)?\s*$)/ },
  { id: "six", pattern: /(?<![\w.])(?:import\s+six\b|from\s+six(?:\.[\w.]+)?\s+import\b|six\.\w)/ },
  { id: "python-future", pattern: /^\s*(?:from\s+(?:builtins|past|future)(?:\.[\w.]+)?\s+import\b|import\s+(?:past|future)\b)/ },
  { id: "python_2_unicode_compatible", pattern: /\bpython_2_unicode_compatible\b/ },
  { id: "version-check", pattern: /(?<![\w.])(?:sys\.version_info|sys\.version\b|PY2\b|PY3\b|PY34\b|PY35\b|PY36\b)/ },
  { id: "import-fallback", pattern: /^\s*except\s+\(?\s*(?:ImportError|NameError|ModuleNotFoundError)\b/ },
  // Python 2's unicode literal prefix, valid in Python 3.3+: written for both, and removed once Python 2 is gone.
  { id: "unicode-literal", pattern: /(?<![\w"])[uU]""/ },
  // The Python 3 home of a former builtin.
  { id: "python3-home-import", pattern: /^\s*from\s+(?:functools\s+import\s+.*\breduce|importlib\s+import\s+.*\breload|imp\s+import\s+.*\breload|sys\s+import\s+.*\bintern)\b/ },
];

/** Names that stand for each other across the migration (a Python 3 replacement and what it replaces). */
export const EQUIVALENT_NAMES: ReadonlyMap<string, readonly string[]> = new Map([
  ["sorted", ["sort"]],
  ["items", ["iteritems", "viewitems"]],
  ["keys", ["iterkeys", "viewkeys"]],
  ["values", ["itervalues", "viewvalues"]],
]);

/**
 * What 2to3 writes in place of a line: a Python 3 idiom that the line it replaces did not have. Either line alone
 * is ordinary code; the pair is the mechanical edit (`d.keys()` → `list(d.keys())`, `x = input()` → `eval(input())`).
 */
export const PYTHON3_IDIOMS: readonly RegExp[] = [
  /(?<![\w.])(?:list|iter|sorted)\s*\(\s*(?:[\w.()[\]]+\.\s*(?:keys|values|items)\s*\(|(?:map|filter|zip|range)\s*\()/,
  /(?<![\w.])eval\s*\(\s*input\s*\(/,
  /^\s*from\s+\.+[\w.]*\s+import\b/,
  /(?<![\w.])isinstance\s*\(/,
  /\bwhile\s+True\b/,
  /(?<![\w.])sorted\s*\(/,
  /(?<![\w.])next\s*\(/,
  /(?<![\w.])memoryview\s*\(/,
  /\[\s*[\w.]+\s+for\s+\w+\s+in\b[^\]]*\bif\b/,
  /\{[^{}:]+\}/,
  /__(?:next|bool|name|doc|func|self|closure|code|defaults|globals|dict|iter)__/,
  /(?<![\w.])(?:callable|int|str|bytes|chr|range|input|zip|map|filter|exec|print)\s*\(/,
  /(?<![\w.])atexit\b/,
  /\bmetaclass\s*=/,
  /\bprint\s*\(\s*\(/,
  /\.\s*with_traceback\s*\(/,
  /\.\s*(?:keys|values|items)\s*\(/,
];
