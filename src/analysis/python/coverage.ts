/**
 * What the python3 pack does with each construct the references know: every fixer of lib2to3 and every message of
 * pylint 2.x's python3 checker maps to rules of the pack, or says why adding it is not a regression. Kept as data:
 * the README's coverage table is printed from it (`npm run coverage`), and a test fails when the installed lib2to3
 * has a fixer with no entry here, or an entry names a rule the pack does not have.
 */
export type Coverage =
  /** Adding the construct is a regression: these rules flag it. */
  | { kind: "rules"; rules: string[]; note?: string }
  /** Only part of what the fixer rewrites is a regression (`regressionWhen` tells which examples); the rest is valid Python 3. */
  | { kind: "partly"; rules: string[]; regressionWhen: RegExp; reason: string }
  /** Adding it is not a regression, and why. */
  | { kind: "not-a-regression"; reason: string }
  /** Cannot be decided from the lines of a diff, and why; an opt-in rule where one helps. */
  | { kind: "undecidable"; reason: string; optIn?: string };

const rules = (...ids: string[]): Coverage => ({ kind: "rules", rules: ids });
const notRegression = (reason: string): Coverage => ({ kind: "not-a-regression", reason });
const undecidable = (reason: string, optIn?: string): Coverage => ({ kind: "undecidable", reason, ...(optIn ? { optIn } : {}) });

const LAZY = "Valid Python 3 (a lazy iterator); a regression only when the result is indexed, sliced, sorted in place or passed to len()";

/** lib2to3's fixers (Python 3.11's lib2to3/fixes), by name without `fix_`. */
export const LIB2TO3_FIXERS: Record<string, Coverage> = {
  apply: rules("builtin-apply"),
  asserts: notRegression(
    "unittest's deprecated aliases (assertEquals, failUnless, …) run on Python 2.7 and on Python 3 up to 3.11: removing them is migration work, adding one is a regression only with the opt-in rule `unittest-deprecated-alias`",
  ),
  basestring: rules("builtin-basestring"),
  buffer: rules("builtin-buffer"),
  dict: {
    kind: "partly",
    rules: ["dict-iteritems", "dict-itervalues", "dict-iterkeys", "dict-viewitems", "dict-viewvalues", "dict-viewkeys", "dict-view-indexed", "next-method-called"],
    regressionWhen: /\.\s*(?:iter|view)(?:keys|values|items)\s*\(|\.\s*(?:keys|values|items)\s*\(\s*\)\s*\[/,
    reason: "keys(), values() and items() are valid Python 3 (views; 2to3 wraps them in list() defensively); iter*/view* methods and indexed views are regressions",
  },
  except: rules("except-comma"),
  exec: rules("exec-statement"),
  execfile: rules("builtin-execfile"),
  exitfunc: rules("sys-exitfunc"),
  filter: { kind: "partly", rules: ["iterator-indexed"], regressionWhen: /\bfilter\s*\([^]*\)\s*\[|\blen\s*\(\s*filter\s*\(/, reason: LAZY },
  funcattrs: rules("function-attributes"),
  future: notRegression("2to3 removes `from __future__` imports; adding one is compatibility work (migration), never a regression"),
  getcwdu: rules("os-getcwdu"),
  has_key: rules("dict-has_key"),
  idioms: notRegression("style only (`type(x) == T`, `while 1`, sort idioms): valid Python 3"),
  import: undecidable("implicit relative imports need the package layout, which a diff does not show"),
  imports: {
    kind: "partly",
    rules: ["module-*"],
    regressionWhen: /^(?![^]*(?<![\w.])dbm\b)/,
    reason: "every module 2to3 renames is flagged, except dbm: Python 3 has a dbm package of its own, so `import dbm` is valid (2to3 maps Python 2's dbm to dbm.ndbm)",
  },
  imports2: rules("module-*"),
  input: notRegression("input() keeps its name but changes meaning: in Python 3 it is the safe raw_input, which is what new code means; 2to3's eval(input()) keeps Python 2's unsafe behaviour"),
  intern: rules("builtin-intern"),
  isinstance: notRegression("removes duplicate types left by fix_long (`isinstance(x, (int, int))`): valid Python 3"),
  itertools: rules("itertools-izip", "itertools-functions"),
  itertools_imports: rules("itertools-imports"),
  long: rules("builtin-long"),
  map: { kind: "partly", rules: ["iterator-indexed"], regressionWhen: /\bmap\s*\([^]*\)\s*\[|\blen\s*\(\s*map\s*\(/, reason: LAZY },
  metaclass: rules("metaclass-attribute"),
  methodattrs: rules("method-attributes"),
  ne: rules("diamond-not-equal"),
  next: rules("next-method-called", "next-method-defined"),
  nonzero: rules("dunder__nonzero"),
  numliterals: rules("old-octal", "long-suffix"),
  operator: rules("operator-functions"),
  paren: rules("paren-comprehension"),
  print: rules("print-statement"),
  raise: rules("raise-comma", "raising-string"),
  raw_input: rules("builtin-raw_input"),
  reduce: rules("builtin-reduce"),
  reload: rules("builtin-reload"),
  renames: rules("sys-maxint"),
  repr: rules("backticks"),
  set_literal: notRegression("optional style fixer (`set([1, 2])` → `{1, 2}`): valid Python 3"),
  standarderror: rules("builtin-StandardError"),
  sys_exc: rules("sys-exc_type"),
  throw: rules("generator-throw-args"),
  tuple_params: rules("tuple-parameters"),
  types: rules("types-constants"),
  unicode: {
    kind: "partly",
    rules: ["builtin-unicode", "builtin-unichr"],
    regressionWhen: /(?<![\w.'"])(?:unicode|unichr)\b/,
    reason: "unicode and unichr are regressions; the escapes 2to3 rewrites in string literals (`'\\u20ac'`) are valid Python 3",
  },
  urllib: rules("module-*", "urllib-functions", "urllib2-functions"),
  ws_comma: notRegression("formatting only (white space after commas)"),
  xrange: { kind: "partly", rules: ["builtin-xrange"], regressionWhen: /\bxrange\b/, reason: "xrange is a regression; 2to3 also wraps range() in list() where a list may be needed, and range() is valid Python 3" },
  xreadlines: rules("xreadlines-attribute"),
  zip: { kind: "partly", rules: ["iterator-indexed"], regressionWhen: /\bzip\s*\([^]*\)\s*\[|\blen\s*\(\s*zip\s*\(/, reason: LAZY },
};

/** pylint 2.x's python3 checker (`pylint --py3k`), by message symbol, with its code. */
export const PYLINT_PY3K: Record<string, { code: string; coverage: Coverage }> = {
  "print-statement": { code: "E1601", coverage: rules("print-statement") },
  "parameter-unpacking": { code: "E1602", coverage: rules("tuple-parameters") },
  "unpacking-in-except": { code: "E1603", coverage: rules("except-comma") },
  "old-raise-syntax": { code: "E1604", coverage: rules("raise-comma") },
  backtick: { code: "E1605", coverage: rules("backticks") },
  "long-suffix": { code: "E1606", coverage: rules("long-suffix") },
  "old-ne-operator": { code: "E1607", coverage: rules("diamond-not-equal") },
  "old-octal-literal": { code: "E1608", coverage: rules("old-octal") },
  "import-star-module-level": { code: "E1609", coverage: rules("import-star-in-function") },
  "non-ascii-bytes-literal": { code: "E1610", coverage: notRegression("a bytes literal with non-ASCII characters is a syntax error Python 3 reports itself; Python 2 code rarely has bytes literals to begin with") },
  "apply-builtin": { code: "W1601", coverage: rules("builtin-apply") },
  "basestring-builtin": { code: "W1602", coverage: rules("builtin-basestring") },
  "buffer-builtin": { code: "W1603", coverage: rules("builtin-buffer") },
  "cmp-builtin": { code: "W1604", coverage: rules("builtin-cmp") },
  "coerce-builtin": { code: "W1605", coverage: rules("builtin-coerce") },
  "execfile-builtin": { code: "W1606", coverage: rules("builtin-execfile") },
  "file-builtin": { code: "W1607", coverage: rules("builtin-file") },
  "long-builtin": { code: "W1608", coverage: rules("builtin-long") },
  "raw_input-builtin": { code: "W1609", coverage: rules("builtin-raw_input") },
  "reduce-builtin": { code: "W1610", coverage: rules("builtin-reduce") },
  "standarderror-builtin": { code: "W1611", coverage: rules("builtin-StandardError") },
  "unicode-builtin": { code: "W1612", coverage: rules("builtin-unicode") },
  "xrange-builtin": { code: "W1613", coverage: rules("builtin-xrange") },
  "coerce-method": { code: "W1614", coverage: rules("dunder__coerce") },
  "delslice-method": { code: "W1615", coverage: rules("dunder__delslice") },
  "getslice-method": { code: "W1616", coverage: rules("dunder__getslice") },
  "setslice-method": { code: "W1617", coverage: rules("dunder__setslice") },
  "no-absolute-import": { code: "W1618", coverage: undecidable("whether `import foo` means a sibling module needs the package layout, which a diff does not show") },
  "old-division": { code: "W1619", coverage: undecidable("whether `/` divides two ints needs types", "old-division") },
  "dict-iter-method": { code: "W1620", coverage: rules("dict-iteritems", "dict-itervalues", "dict-iterkeys") },
  "dict-view-method": { code: "W1621", coverage: rules("dict-viewitems", "dict-viewvalues", "dict-viewkeys") },
  "next-method-called": { code: "W1622", coverage: rules("next-method-called") },
  "metaclass-assignment": { code: "W1623", coverage: rules("metaclass-attribute") },
  "indexing-exception": { code: "W1624", coverage: rules("indexing-exception") },
  "raising-string": { code: "W1625", coverage: rules("raising-string") },
  "reload-builtin": { code: "W1626", coverage: rules("builtin-reload") },
  "oct-method": { code: "W1627", coverage: rules("dunder__oct") },
  "hex-method": { code: "W1628", coverage: rules("dunder__hex") },
  "nonzero-method": { code: "W1629", coverage: rules("dunder__nonzero") },
  "cmp-method": { code: "W1630", coverage: rules("dunder__cmp") },
  "input-builtin": { code: "W1632", coverage: notRegression("input() in Python 3 is what new code means (see lib2to3's fix_input)") },
  "round-builtin": { code: "W1633", coverage: notRegression("round() rounds half to even in Python 3: a change of results, not of code, and decided by the values") },
  "intern-builtin": { code: "W1634", coverage: rules("builtin-intern") },
  "unichr-builtin": { code: "W1635", coverage: rules("builtin-unichr") },
  "map-builtin-not-iterating": { code: "W1636", coverage: { kind: "partly", rules: ["iterator-indexed"], regressionWhen: /\bmap\s*\([^]*\)\s*\[|\blen\s*\(\s*map\s*\(/, reason: LAZY } },
  "zip-builtin-not-iterating": { code: "W1637", coverage: { kind: "partly", rules: ["iterator-indexed"], regressionWhen: /\bzip\s*\([^]*\)\s*\[|\blen\s*\(\s*zip\s*\(/, reason: LAZY } },
  "range-builtin-not-iterating": { code: "W1638", coverage: notRegression("range() in Python 3 is a sequence: it can be indexed, sliced and measured; only sorting it in place fails, which is rare") },
  "filter-builtin-not-iterating": { code: "W1639", coverage: { kind: "partly", rules: ["iterator-indexed"], regressionWhen: /\bfilter\s*\([^]*\)\s*\[|\blen\s*\(\s*filter\s*\(/, reason: LAZY } },
  "using-cmp-argument": { code: "W1640", coverage: rules("sort-cmp") },
  "eq-without-hash": { code: "W1641", coverage: notRegression("a class with __eq__ and no __hash__ is unhashable in Python 3: well defined, and often intended") },
  "div-method": { code: "W1642", coverage: rules("dunder__div") },
  "idiv-method": { code: "W1643", coverage: rules("dunder__idiv") },
  "rdiv-method": { code: "W1644", coverage: rules("dunder__rdiv") },
  "exception-message-attribute": { code: "W1645", coverage: rules("exception-message-attribute") },
  "invalid-str-codec": { code: "W1646", coverage: rules("invalid-str-codec") },
  "sys-max-int": { code: "W1647", coverage: rules("sys-maxint") },
  "bad-python3-import": { code: "W1648", coverage: rules("module-*") },
  "deprecated-string-function": { code: "W1649", coverage: rules("string-functions", "string-maketrans", "string-letters") },
  "deprecated-str-translate-call": { code: "W1650", coverage: rules("str-translate-deletechars") },
  "deprecated-itertools-function": { code: "W1651", coverage: rules("itertools-izip", "itertools-functions", "itertools-imports") },
  "deprecated-types-field": { code: "W1652", coverage: rules("types-constants") },
  "next-method-defined": { code: "W1653", coverage: { kind: "partly", rules: ["next-method-defined"], regressionWhen: /__iter__[^]*return\s+self/, reason: "a next() method is the iterator protocol only in a class whose __iter__ returns self and that has no __next__; elsewhere it is a method of the class's own API (tarfile, mailbox), valid Python 3" } },
  "dict-items-not-iterating": { code: "W1654", coverage: { kind: "partly", rules: ["dict-view-indexed"], regressionWhen: /\.\s*items\s*\(\s*\)\s*(?:\[|\.\s*sort\s*\()/, reason: "items() returns a view in Python 3, valid wherever it is iterated, tested with `in` or passed to list(); a regression only when indexed or sorted in place" } },
  "dict-keys-not-iterating": { code: "W1655", coverage: { kind: "partly", rules: ["dict-view-indexed"], regressionWhen: /\.\s*keys\s*\(\s*\)\s*(?:\[|\.\s*sort\s*\()/, reason: "keys() returns a view in Python 3, valid wherever it is iterated, tested with `in` or passed to list(); a regression only when indexed or sorted in place" } },
  "dict-values-not-iterating": { code: "W1656", coverage: { kind: "partly", rules: ["dict-view-indexed"], regressionWhen: /\.\s*values\s*\(\s*\)\s*(?:\[|\.\s*sort\s*\()/, reason: "values() returns a view in Python 3, valid wherever it is iterated, tested with `in` or passed to list(); a regression only when indexed or sorted in place" } },
  "deprecated-operator-function": { code: "W1657", coverage: rules("operator-functions") },
  "deprecated-urllib-function": { code: "W1658", coverage: rules("urllib-functions") },
  "xreadlines-attribute": { code: "W1659", coverage: rules("xreadlines-attribute") },
  "deprecated-sys-function": { code: "W1660", coverage: rules("sys-exc_clear") },
  "exception-escape": { code: "W1661", coverage: undecidable("using the exception's name after its except block needs scopes, not lines") },
  "comprehension-escape": { code: "W1662", coverage: undecidable("using a comprehension's variable after it needs scopes, not lines") },
};

/** The coverage table for the README, from the data above. */
/** The rules `small-steps fix` rewrites, per target: the coverage table's fix column (the fixers live in src/fix). */
export interface FixableRules {
  python3: ReadonlySet<string>;
  compatible: ReadonlySet<string>;
}

export function coverageTable(fixable: FixableRules): string {
  const describe = (c: Coverage) =>
    c.kind === "rules"
      ? c.rules.map((r) => `\`${r}\``).join(", ")
      : c.kind === "partly"
        ? `${c.rules.map((r) => `\`${r}\``).join(", ")}; partly: ${c.reason}`
        : c.kind === "not-a-regression"
          ? `not a regression: ${c.reason}`
          : `cannot be decided from a diff: ${c.reason}${c.optIn ? ` (opt-in rule \`${c.optIn}\`)` : ""}`;
  // Which of an entry's rules small-steps fix rewrites, and for which target; `module-*` stands for every module rule.
  const fix = (c: Coverage) => {
    const rules = c.kind === "rules" || c.kind === "partly" ? c.rules : [];
    if (!rules.length) return "";
    const expand = (rule: string, set: ReadonlySet<string>) => (rule.endsWith("*") ? [...set].filter((r) => r.startsWith(rule.slice(0, -1))) : set.has(rule) ? [rule] : []);
    const cells = rules.map((rule) => {
      const both = expand(rule, fixable.compatible).length;
      const python3 = expand(rule, fixable.python3).length;
      const name = rule.endsWith("*") ? `\`${rule}\` (${python3} modules, ${both} compatible)` : `\`${rule}\``;
      return python3 === 0 ? undefined : both === 0 ? `${name} (python3 only)` : name;
    });
    const made = cells.filter((c): c is string => c !== undefined);
    return made.length === 0 ? "none" : made.length === rules.length ? made.join(", ") : `${made.join(", ")}; not ${rules.filter((_, i) => cells[i] === undefined).map((r) => `\`${r}\``).join(", ")}`;
  };
  const fixers = Object.entries(LIB2TO3_FIXERS).map(([name, c]) => `| \`fix_${name}\` | ${describe(c)} | ${fix(c)} |`);
  const pylint = Object.entries(PYLINT_PY3K).map(([name, { code, coverage }]) => `| ${code} \`${name}\` | ${describe(coverage)} | ${fix(coverage)} |`);
  return ["| lib2to3 fixer | python3 pack | small-steps fix |", "|---|---|---|", ...fixers, "", "| pylint py3k message | python3 pack | small-steps fix |", "|---|---|---|", ...pylint].join("\n");
}
