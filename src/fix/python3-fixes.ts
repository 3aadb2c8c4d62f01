import type { Node, Tree } from "web-tree-sitter";
import { parsePython, reparsePython } from "../analysis/python/tree/parser.js";
import { editedStatementsParse } from "./statement-check.js";
import { resolve } from "../analysis/python/tree/scopes.js";

import type { Fix, Edit, Context, Fixer } from "./fixer.js";
import { errorCount, isBuiltinUse, namedOf, rawUnicodeBody, slice, tokenAt } from "./fixer.js";
import { FIXED_MODULES, FUNCTION_ATTRIBUTES, METHOD_ATTRIBUTES, TYPES, nextCalled, renamedAttribute, renamedModule, sysMaxint, typesConstant } from "./python3-names.js";
import { lambdaTupleParameter, metaclass, raiseComma, renamedMethod, tupleParameters } from "./python3-statements.js";
import { compatibleFixers } from "./compatible-fixes.js";
import { apply, execfile, exitfunc, intern, ITERTOOLS_NAMES, itertoolsFunction, itertoolsImport, reduce, stringFunction } from "./python3-calls.js";
import { urllibModule, urllibUse } from "./urllib.js";
import { importEdits } from "./imports.js";

export type { Edit, Fix } from "./fixer.js";

/**
 * Mechanical Python 2 → 3 rewrites computed on the syntax tree, as edits of the file's text that keep everything else
 * as it was (comments, spacing, quotes). The `python3` target writes what 2to3 writes. Each fix is checked: the fixed
 * file must parse with no more errors than before, or that rule's fixes are not offered.
 */

/** `print a, b` → `print(a, b)`; `>>f` → `file=f`; a trailing comma → `end=' '`. */
const print: Fixer = (node, context) => {
  if (node.type === "expression_statement" && node.namedChildCount === 1 && node.namedChildren[0]!.type === "identifier" && node.namedChildren[0]!.text === "print" && !context.printFunction) {
    return [{ start: node.startIndex, end: node.endIndex, text: "print()" }];
  }
  if (node.type !== "print_statement") return undefined;
  const children = node.children.filter((c): c is Node => c !== null);
  const chevron = children.find((c) => c.type === "chevron");
  const args = namedOf(node).filter((c) => c.type !== "chevron");
  if (args.some((a) => a.type === "ERROR")) return undefined;
  const trailingComma = children.at(-1)?.type === ",";
  const parts: string[] = [];
  if (args.length) parts.push(slice(context, args[0]!.startIndex, args.at(-1)!.endIndex));
  if (trailingComma) parts.push("end=' '");
  if (chevron) {
    const target = chevron.namedChildren.find((c) => c !== null);
    if (!target) return undefined;
    parts.push(`file=${target.text}`);
  }
  return [{ start: node.startIndex, end: node.endIndex, text: `print(${parts.join(", ")})` }];
};

/** `exec code in g, l` → `exec(code, g, l)`. */
const exec: Fixer = (node, context) => {
  if (node.type === "expression_statement") return misreadExec(context.text, node);
  if (node.type !== "exec_statement") return undefined;
  // Code the grammar did not take into the statement (`exec f(x) in ns` reads as `exec f` and the rest apart).
  const lineEnd = context.text.indexOf("\n", node.endIndex);
  if (!/^[ \t]*(?:[;#].*)?$/.test(context.text.slice(node.endIndex, lineEnd === -1 ? undefined : lineEnd))) return misreadExec(context.text, node);
  const named = namedOf(node);
  if (!named.length) return undefined;
  return [{ start: node.startIndex, end: node.endIndex, text: `exec(${named.map((n) => slice(context, n.startIndex, n.endIndex)).join(", ")})` }];
};

/**
 * The grammar reads `exec` followed by a name or a string only: `exec self.code in ns` comes out with an error in it.
 * Where the statement is the rest of its line, its text is rewritten: `exec(self.code, ns)` (the pass check sees the
 * error go); anything else is left to a person.
 */
function misreadExec(text: string, node: Node): Edit[] | undefined {
  const statement = text.slice(node.startIndex, logicalLineEnd(text, node.startIndex)).trimEnd();
  if (splitTopLevel(statement, ";")[1] !== undefined) return undefined;
  const match = /^exec[ \t]+(?![(=.\s;])([^]+)$/.exec(statement);
  if (!match || !(node.hasError || node.parent?.hasError)) return undefined;
  const [code, scopes] = splitTopLevel(match[1]!, " in ");
  return [{ start: node.startIndex, end: node.startIndex + statement.length, text: `exec(${scopes === undefined ? code : `${code}, ${scopes.trim()}`})` }];
}

/** Where the logical line that starts at `start` ends: its first newline outside brackets, strings and a backslash
 * continuation, or the comment that ends it. */
function logicalLineEnd(text: string, start: number): number {
  let depth = 0;
  let quote = "";
  for (let i = start; i < text.length; i++) {
    const c = text[i]!;
    if (quote) {
      if (c === "\\") i++;
      else if (c === quote || c === "\n") quote = "";
    } else if (c === "'" || c === '"') quote = c;
    else if (c === "\\" && text[i + 1] === "\n") i++;
    else if ("([{".includes(c)) depth++;
    else if (")]}".includes(c)) depth = Math.max(0, depth - 1);
    else if (c === "#") {
      if (depth === 0) return i;
      const newline = text.indexOf("\n", i);
      i = newline === -1 ? text.length : newline - 1;
    } else if (c === "\n" && depth === 0) return i;
  }
  return text.length;
}

/** `text` cut at the first `separator` outside brackets and strings: before and after, or the text alone. */
function splitTopLevel(text: string, separator: string): [string, string | undefined] {
  let depth = 0;
  let quote = "";
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quote) {
      if (c === "\\") i++;
      else if (c === quote) quote = "";
    } else if (c === "'" || c === '"') quote = c;
    else if ("([{".includes(c)) depth++;
    else if (")]}".includes(c)) depth--;
    else if (depth === 0 && text.startsWith(separator, i)) return [text.slice(0, i).trim(), text.slice(i + separator.length)];
  }
  return [text.trim(), undefined];
}

/**
 * `except E, e:` → `except E as e:`. Another target (a tuple, an attribute, an item) is bound the way 2to3 binds it:
 * `except E as xxx_todo_changeme:` and, first in the block, `(a, b) = xxx_todo_changeme.args` (a tuple or list) or
 * `target = xxx_todo_changeme`.
 */
const except: Fixer = (node, context) => {
  if (node.type !== "except_clause") return undefined;
  const children = node.children.filter((c): c is Node => c !== null);
  const comma = children.findIndex((c) => c.type === ",");
  if (comma < 1) return undefined;
  const before = children[comma - 1]!;
  const after = children[comma + 1];
  if (!after) return undefined;
  if (after.type === "identifier") return [{ start: before.endIndex, end: after.startIndex, text: " as " }];
  const block = children.find((c) => c.type === "block");
  const first = block?.namedChildren.find((c) => c !== null && c.type !== "comment");
  if (!first || first.startPosition.row === node.startPosition.row) return undefined; // a one-line clause: left to a person
  const indent = " ".repeat(first.startPosition.column);
  const name = "xxx_todo_changeme";
  const target = slice(context, after.startIndex, after.endIndex);
  const value = after.type === "tuple" || after.type === "list" || after.type === "parenthesized_expression" ? `${name}.args` : name;
  return [
    { start: before.endIndex, end: after.endIndex, text: ` as ${name}` },
    { start: first.startIndex, end: first.startIndex, text: `${target} = ${value}\n${indent}` },
  ];
};

/** `` `x` `` → `repr(x)`. */
const backticks: Fixer = (node, context) => {
  if (node.type !== "string" || node.children[0]?.text !== "`") return undefined;
  const inner = slice(context, node.children[0]!.endIndex, node.children.at(-1)!.startIndex);
  if (inner.includes("`")) return undefined; // nested backticks: the tree reads them as strings; left to a person
  const tuple = splitTopLevel(inner, ",")[1] !== undefined; // a comma outside brackets and strings: a tuple
  return [{ start: node.startIndex, end: node.endIndex, text: tuple ? `repr((${inner}))` : `repr(${inner})` }];
};

/** `ur'x'` → `r'x'` (`raw` true), and `ur'\u20ac'` → `'\u20ac'` (Python 2 read that escape even there); `u'x'` → `'x'`. */
const unicodePrefix = (raw: boolean): Fixer => (node, context) => {
  if (node.type !== "string_start" || !(raw ? /^[uU][rR]["']/ : /^[uU]["']/).test(node.text)) return undefined;
  const end = node.parent?.children.at(-1);
  if (raw && node.parent?.type === "string" && end?.type === "string_end") {
    const quote = node.text.slice(2);
    const { body, hasEscape } = rawUnicodeBody(slice(context, node.endIndex, end.startIndex), quote);
    if (hasEscape) return [{ start: node.startIndex, end: end.endIndex, text: `${quote}${body}${end.text}` }];
  }
  return [{ start: node.startIndex, end: node.startIndex + 1, text: "" }];
};

/** `a <> b` → `a != b`. */
const notEqual: Fixer = (node) => (node.type === "<>" ? [{ start: node.startIndex, end: node.endIndex, text: "!=" }] : undefined);

/** `10L` → `10`. */
const longSuffix: Fixer = (node) => {
  if (node.type !== "integer" || !/^(?:0[xX][0-9a-fA-F]+|0[oO]?[0-7]+|\d+)[lL]$/.test(node.text)) return undefined;
  return [{ start: node.endIndex - 1, end: node.endIndex, text: "" }];
};

/** `0777` → `0o777` (and `0777L` → `0o777` with long-suffix, in the same pass). */
const oldOctal: Fixer = (node) => {
  if (node.type !== "integer" || !/^0[0-7]+[lL]?$/.test(node.text) || /^0+[lL]?$/.test(node.text)) return undefined;
  return [{ start: node.startIndex, end: node.startIndex + 1, text: "0o" }];
};

/** Builtins renamed in Python 3, where the name is the builtin (not a name the file binds). */
const RENAMED_BUILTINS: Record<string, string> = { xrange: "range", raw_input: "input", unicode: "str", basestring: "str", long: "int", unichr: "chr" };

const renamedBuiltin = (name: string): Fixer => (node, context) => {
  if (node.text !== name || !isBuiltinUse(node, context)) return undefined;
  return [{ start: node.startIndex, end: node.endIndex, text: RENAMED_BUILTINS[node.text]! }];
};

/** Expressions that bind less tightly than `in`: as its operand they need parentheses. */
const LOWER_THAN_IN = new Set(["boolean_operator", "not_operator", "comparison_operator", "conditional_expression", "lambda", "tuple", "expression_list", "yield", "named_expression"]);
/** Where `k in d` may replace a call without parentheses. */
const LOOSE_PARENTS = new Set(["if_statement", "elif_clause", "while_statement", "assignment", "return_statement", "expression_statement", "argument_list", "parenthesized_expression", "boolean_operator", "not_operator", "assert_statement", "conditional_expression", "list", "tuple", "print_statement", "expression_list", "keyword_argument", "pair"]);

/** `d.has_key(k)` → `k in d`. */
const hasKey: Fixer = (node, context) => {
  if (node.type !== "call") return undefined;
  const callee = node.childForFieldName("function");
  const args = node.childForFieldName("arguments");
  if (callee?.type !== "attribute" || callee.childForFieldName("attribute")?.text !== "has_key" || !args) return undefined;
  const values = namedOf(args);
  if (values.length !== 1 || values[0]!.type === "keyword_argument" || values[0]!.type === "list_splat") return undefined;
  const object = callee.childForFieldName("object")!;
  const wrap = (n: Node) => (LOWER_THAN_IN.has(n.type) || (n.type === "generator_expression" && !n.text.startsWith("(")) ? `(${slice(context, n.startIndex, n.endIndex)})` : slice(context, n.startIndex, n.endIndex));
  const parent = node.parent;
  // `not d.has_key(k)` → `k not in d`.
  if (parent?.type === "not_operator") {
    let text = `${wrap(values[0]!)} not in ${wrap(object)}`;
    if (parent.parent && !LOOSE_PARENTS.has(parent.parent.type)) text = `(${text})`;
    return [{ start: parent.startIndex, end: parent.endIndex, text }];
  }
  let text = `${wrap(values[0]!)} in ${wrap(object)}`;
  if (parent && !LOOSE_PARENTS.has(parent.type)) text = `(${text})`;
  return [{ start: node.startIndex, end: node.endIndex, text }];
};

/** Where an iterator is consumed at once: `d.iteritems()` there becomes `d.items()`, elsewhere `iter(d.items())`. */
function iterates(call: Node): boolean {
  const parent = call.parent;
  if (!parent) return false;
  if ((parent.type === "for_statement" || parent.type === "for_in_clause") && parent.childForFieldName("right")?.id === call.id) return true;
  if (parent.type === "argument_list" && parent.namedChildCount === 1) {
    const fn = parent.parent?.childForFieldName("function");
    return fn?.type === "identifier" && ["list", "sorted", "tuple", "set", "iter", "enumerate", "sum", "any", "all", "min", "max", "frozenset"].includes(fn.text);
  }
  return false;
}

const DICT_ITERATORS: Record<string, string> = { iteritems: "items", itervalues: "values", iterkeys: "keys", viewitems: "items", viewvalues: "values", viewkeys: "keys" };

/** `d.iteritems()` → `d.items()` where it is iterated, `iter(d.items())` elsewhere; `d.viewkeys()` → `d.keys()`. */
const dictIterator = (name: string): Fixer => (node, context) => {
  if (node.type !== "call") return undefined;
  const callee = node.childForFieldName("function");
  const args = node.childForFieldName("arguments");
  const method = callee?.type === "attribute" ? callee.childForFieldName("attribute") : null;
  if (!method || method.text !== name || !args || args.namedChildCount !== 0) return undefined;
  const renamed = `${slice(context, node.startIndex, method.startIndex)}${DICT_ITERATORS[method.text]}${slice(context, method.endIndex, node.endIndex)}`;
  const view = method.text.startsWith("view");
  return [{ start: node.startIndex, end: node.endIndex, text: view || iterates(node) ? renamed : `iter(${renamed})` }];
};

/**
 * `d.keys()[0]` → `list(d.keys())[0]`: where the result is used as a list (indexed, sorted in place, added to), which a
 * view is not. 2to3 wraps every such call outside a few consuming calls; this fixer leaves the others (iterated,
 * assigned, passed on), where a view serves, so that fixing twice never changes a file again (`iter(d.keys())`, which
 * the iteritems fix writes, would be wrapped by 2to3's rule on a second run).
 */
const dictListMethod = (name: string): Fixer => (node, context) => {
  if (node.type !== "call") return undefined;
  const callee = node.childForFieldName("function");
  const args = node.childForFieldName("arguments");
  const method = callee?.type === "attribute" ? callee.childForFieldName("attribute") : null;
  if (!method || method.text !== name || !args || args.namedChildCount !== 0) return undefined;
  if (!usedAsList(node)) return undefined;
  return [{ start: node.startIndex, end: node.endIndex, text: `list(${slice(context, node.startIndex, node.endIndex)})` }];
};

/** Whether a call's result is used as a list: indexed, sorted or changed in place, or added to. */
function usedAsList(node: Node): boolean {
  const parent = node.parent;
  return (
    (parent?.type === "subscript" && parent.childForFieldName("value")?.id === node.id) ||
    (parent?.type === "attribute" && parent.childForFieldName("object")?.id === node.id && /^(?:sort|append|extend|insert|remove|pop|reverse|index|count)$/.test(parent.childForFieldName("attribute")?.text ?? "")) ||
    (parent?.type === "binary_operator" && /^[+*]$/.test(parent.childForFieldName("operator")?.text ?? ""))
  );
}

/** `range(n)[0]`, `map(f, xs)[0]`, `zip(a, b) + c` → `list(…)`: these return iterators (or a range) in Python 3. */
const iteratorIndexed: Fixer = (node, context) => {
  if (node.type !== "call") return undefined;
  const callee = node.childForFieldName("function");
  if (callee?.type !== "identifier" || !["range", "map", "filter", "zip"].includes(callee.text) || resolve(callee, context.bindings) !== "builtin") return undefined;
  if (!usedAsList(node)) return undefined;
  return [{ start: node.startIndex, end: node.endIndex, text: `list(${slice(context, node.startIndex, node.endIndex)})` }];
};

/** `os.getcwdu()` → `os.getcwd()`. */
const getcwdu: Fixer = (node) => {
  if (node.type !== "attribute" || node.childForFieldName("attribute")?.text !== "getcwdu" || node.childForFieldName("object")?.text !== "os") return undefined;
  const name = node.childForFieldName("attribute")!;
  return [{ start: name.startIndex, end: name.endIndex, text: "getcwd" }];
};

/** The rules with a mechanical fix (their ids are the python3 pack's), and their fixers. */
export const FIXERS: Record<string, Fixer> = {
  "print-statement": print,
  "exec-statement": exec,
  "except-comma": except,
  backticks,
  "diamond-not-equal": notEqual,
  "long-suffix": longSuffix,
  "old-octal": oldOctal,
  ...Object.fromEntries(Object.keys(RENAMED_BUILTINS).map((name) => [`builtin-${name}`, renamedBuiltin(name)])),
  "dict-has_key": hasKey,
  ...Object.fromEntries(Object.keys(DICT_ITERATORS).map((name) => [`dict-${name}`, dictIterator(name)])),
  // One rule, as the scan reports it: keys(), items() or values() indexed or sorted in place.
  "dict-view-indexed": (node, context) => dictListMethod("keys")(node, context) ?? dictListMethod("items")(node, context) ?? dictListMethod("values")(node, context),
  "ur-prefix": unicodePrefix(true),
  "unicode-literal": unicodePrefix(false),
  "iterator-indexed": iteratorIndexed,
  "os-getcwdu": getcwdu,
  "raise-comma": raiseComma,
  "metaclass-attribute": metaclass,
  "next-method-called": nextCalled,
  "next-method-defined": renamedMethod("next", "__next__"),
  "dunder__nonzero": renamedMethod("__nonzero__", "__bool__"),
  "function-attributes": renamedAttribute(FUNCTION_ATTRIBUTES),
  "method-attributes": renamedAttribute(METHOD_ATTRIBUTES),
  "sys-maxint": sysMaxint,
  "types-constants": typesConstant,
  "builtin-apply": apply,
  "builtin-execfile": execfile,
  "builtin-intern": intern("python3"),
  "builtin-reduce": reduce,
  "sys-exitfunc": exitfunc,
  "itertools-izip": itertoolsFunction("python3"),
  "string-functions": stringFunction,
  "urllib-functions": urllibUse("urllib", "python3"),
  "urllib2-functions": urllibUse("urllib2", "python3"),
  "module-urllib": urllibModule("urllib", "python3"),
  "module-urllib2": urllibModule("urllib2", "python3"),
  "itertools-imports": itertoolsImport("python3"),
  "itertools-functions": itertoolsImport("python3"),
  "tuple-parameters": (node, context) => (node.type === "lambda" ? lambdaTupleParameter(node, context) : tupleParameters(node, context)),
  ...Object.fromEntries(Object.keys(FIXED_MODULES).map((module) => [`module-${module}`, renamedModule(module)])),
};

function hasPrintFunction(tree: Tree): boolean {
  return tree.rootNode.namedChildren.some((n) => n?.type === "future_import_statement" && /\bprint_function\b/.test(n.text));
}

const always = (rules: string[]) => () => rules;
const when = (rules: string[], test: (text: string) => boolean) => (text: string) => (test(text) ? rules : NONE);
const NONE: readonly string[] = [];
const MODULE_WORDS = new RegExp(`\\b(?:${Object.keys(FIXED_MODULES).join("|")})\\b`, "g");

/** Which rules look at a node of each type, chosen by a cheap test of its text before the node is made (crossing into
 * the parser's memory costs more than the test). */
const BY_TYPE: Record<string, ((text: string) => readonly string[]) | undefined> = {
  print_statement: always(["print-statement"]),
  expression_statement: when(["print-statement"], (t) => t === "print"),
  // `print(x)`: already Python 3's form; the compatible target adds print_function for it.
  call: when(["print-statement"], (t) => t.startsWith("print(")),
  exec_statement: always(["exec-statement"]),
  except_clause: always(["except-comma"]),
  string: when(["backticks"], (t) => t.startsWith("`")),
  "<>": always(["diamond-not-equal"]),
  integer: when(["long-suffix", "old-octal"], (t) => /[lL]$|^0\d/.test(t)),
  string_start: when(["ur-prefix", "unicode-literal"], (t) => /^[uU]/.test(t)),
  raise_statement: when(["raise-comma"], (t) => t.includes(",")),
  class_definition: when(["metaclass-attribute"], (t) => t.includes("__metaclass__")),
  // A parenthesis inside the parameters' own (before the first `)`): a tuple parameter, or a default's call.
  lambda: when(["tuple-parameters"], (t) => /^lambda\s*\(/.test(t)),
  function_definition: when(["tuple-parameters"], (t) => /^(?:async\s+)?def\s+\w+\s*\([^)]*\(/.test(t)),
  import_statement: (t) => [...new Set(Array.from(t.matchAll(MODULE_WORDS), (m) => `module-${m[0]}`)), ...(/\burllib2\b/.test(t) ? ["module-urllib2"] : [])],
  import_from_statement: (t) => [
    ...(t.includes("maxint") ? ["sys-maxint"] : []),
    ...(/^from\s+itertools\b/.test(t) ? ["itertools-imports"] : []),
    ...(/^from\s+urllib2?\s/.test(t) ? [`module-${t.split(/\s+/)[1]}`] : []),
    ...new Set(Array.from(t.matchAll(MODULE_WORDS), (m) => `module-${m[0]}`)),
  ],
};

/** Rules found through a name: the identifier, and how many levels up the node the fixer reads (the call, …). */
const BY_NAME = new Map<string, Array<{ rule: string; up: number }>>();
const byName = (name: string, rule: string, up: number) => BY_NAME.set(name, [...(BY_NAME.get(name) ?? []), { rule, up }]);
for (const name of Object.keys(RENAMED_BUILTINS)) byName(name, `builtin-${name}`, 0);
for (const name of Object.keys(DICT_ITERATORS)) byName(name, `dict-${name}`, 2);
for (const name of ["keys", "items", "values"]) byName(name, "dict-view-indexed", 2);
for (const name of ["range", "map", "filter", "zip"]) byName(name, "iterator-indexed", 1);
byName("has_key", "dict-has_key", 2);
byName("getcwdu", "os-getcwdu", 1);
byName("next", "next-method-called", 2);
byName("next", "next-method-defined", 1);
byName("__nonzero__", "dunder__nonzero", 1);
byName("maxint", "sys-maxint", 1);
for (const name of ["apply", "execfile", "intern", "reduce"]) byName(name, `builtin-${name}`, 0);
byName("exitfunc", "sys-exitfunc", 1);
byName("itertools", "itertools-izip", 1);
for (const name of ITERTOOLS_NAMES) byName(name, "itertools-functions", 0);
byName("string", "string-functions", 1);
byName("urllib", "urllib-functions", 1);
byName("urllib2", "urllib2-functions", 1);
for (const name of Object.keys(FUNCTION_ATTRIBUTES)) byName(name, "function-attributes", 1);
for (const name of Object.keys(METHOD_ATTRIBUTES)) byName(name, "method-attributes", 1);
for (const name of Object.keys(TYPES)) byName(name, "types-constants", 1);

/** Keywords whose statement (the keyword's parent) a rule of BY_TYPE reads. */
const KEYWORDS = ["print", "exec", "except", "raise", "import", "def", "lambda"];
/**
 * Where a rule may apply, found in the text rather than by visiting every node: the names of BY_NAME, the keywords,
 * `__metaclass__`, `<>`, backticks, integers with a long suffix or a leading 0, and strings with a u prefix. Literal
 * alternatives only: linear in the text.
 */
const TRIGGERS = new RegExp(
  [`\\b(?:${[...BY_NAME.keys(), ...KEYWORDS, "__metaclass__"].join("|")})\\b`, "<>", "`", "\\b\\d[\\da-fA-FxXoO]*[lL]\\b", "\\b0\\d", "\\b[uU][rR]?[\"']"].join("|"),
  "g",
);

/** How far a cheap test of the text around a trigger reads: past it, the tree is asked (work per hit stays bounded). */
const WINDOW = 2000;
const ATTRIBUTE_NAMES = new Set([...Object.keys(DICT_ITERATORS), "keys", "items", "values", "has_key"]);
const MODULE_OBJECTS = new Set(["string", "urllib", "urllib2", "itertools"]);
const MODULE_WORD = new RegExp(`${MODULE_WORDS.source}|\\b(?:maxint|itertools|urllib2?)\\b|[(\\\\]`);

/**
 * Whether a trigger may be a construct a rule fixes, from the text alone: the same tests BY_TYPE makes of the node's
 * text, made before the node is (most `def`s have no tuple parameter, most `raise`s no comma, and an attribute name
 * comes after a dot). Says yes where it cannot tell within WINDOW characters.
 */
function mayBeConstruct(text: string, start: number, word: string): boolean {
  // The rest of the line, or of the window; its start likewise (a line of a million `raise`s stays linear).
  const rest = () => {
    const after = text.slice(start, start + WINDOW);
    const end = after.indexOf("\n");
    return end === -1 && start + WINDOW < text.length ? undefined : after.slice(0, end === -1 ? undefined : end);
  };
  const lineStart = () => {
    const before = text.slice(Math.max(0, start - WINDOW), start);
    const newline = before.lastIndexOf("\n");
    return newline === -1 && start > WINDOW ? undefined : before.slice(newline + 1);
  };
  switch (word) {
    case "def": {
      const head = text.slice(start, start + WINDOW);
      return /^def\s+\w+\s*\([^)]*\(/.test(head) || !head.includes(")");
    }
    case "lambda":
      return /^lambda\s*\(/.test(text.slice(start, start + 64));
    case "raise":
    case "except": {
      const line = rest();
      return line === undefined || /[,([{\\]/.test(line);
    }
    case "import": {
      const [before, after] = [lineStart(), rest()];
      return before === undefined || after === undefined || MODULE_WORD.test(before + after);
    }
  }
  if (ATTRIBUTE_NAMES.has(word)) {
    let i = start - 1;
    while (i >= 0 && start - i < 100 && /[\s\\]/.test(text[i]!)) i--;
    return start - i >= 100 || text[i] === ".";
  }
  if (MODULE_OBJECTS.has(word)) return /^\s*\./.test(text.slice(start + word.length, start + word.length + 100));
  return true;
}

/** The triggers in `text` that may be a construct a rule fixes, in the order of the text. */
/** Whether any rule could apply to the text (the prefilter of fixPython): a file without any needs no parse. */
export const mayNeedFixing = (text: string): boolean => triggersIn(text).length > 0;

function triggersIn(text: string): Array<{ start: number; word: string }> {
  const found: Array<{ start: number; word: string }> = [];
  for (const match of text.matchAll(TRIGGERS)) if (mayBeConstruct(text, match.index, match[0])) found.push({ start: match.index, word: match[0] });
  return found;
}

/** Every fix the chosen rules find in the parsed `text`, outer fixes before those inside them. */
function fixesIn(tree: Tree, text: string, rules: ReadonlySet<string>, fixers: Readonly<Record<string, Fixer>>, triggers = triggersIn(text)): Fix[] {
  const root = tree.rootNode;
  const context: Context = { text, bindings: new Map(), printFunction: hasPrintFunction(tree), requires: [] };
  const found: Array<{ rule: string; node: Node; fix: Fix }> = [];
  const seen = new Set<string>();
  const run = (rule: string, node: Node | null | undefined) => {
    const fixer = node && rules.has(rule) && Object.hasOwn(fixers, rule) ? fixers[rule] : undefined;
    if (!fixer || seen.has(`${node!.id} ${rule}`)) return;
    seen.add(`${node!.id} ${rule}`);
    const before = context.requires.length;
    const edits = fixer(node!, context);
    const requires = context.requires.splice(before);
    // A fix may be an import alone (`reduce` stays, `from functools import reduce` comes).
    if (edits && (edits.length || requires.length)) found.push({ rule, node: node!, fix: { rule, line: node!.startPosition.row + 1, edits, ...(requires.length ? { requires } : {}) } });
  };
  const byType = (node: Node | null | undefined) => {
    const pick = node && Object.hasOwn(BY_TYPE, node.type) ? BY_TYPE[node.type] : undefined;
    if (pick) for (const rule of pick(text.slice(node!.startIndex, node!.endIndex))) run(rule, node);
  };
  for (const { start, word } of triggers) {
    const token = tokenAt(root, start, start + word.length);
    if (BY_NAME.has(word) || word === "__metaclass__" || KEYWORDS.includes(word)) {
      if (!token) continue;
      if (token.type === "identifier") {
        for (const { rule, up } of BY_NAME.get(word) ?? []) run(rule, up === 0 ? token : up === 1 ? token.parent : token.parent?.parent);
        // Every class the assignment is in: the rule reads the class's own body.
        if (word === "__metaclass__") for (let n = token.parent; n; n = n.parent) if (n.type === "class_definition") byType(n);
      }
      if (KEYWORDS.includes(word)) byType(token.parent); // `print` is a keyword in a statement, a name alone
      // `exec self.code in ns` misread as an expression: the statement that starts with the name.
      if (word === "exec" && token.type === "identifier") for (let n = token.parent; n && n.startIndex === start; n = n.parent) if (n.type === "expression_statement") run("exec-statement", n);
    } else if (word === "<>") byType(token);
    else if (word === "`") {
      if (token?.type === "string_start") byType(token.parent); // the tree reads a backtick expression as a string
    } else byType(root.descendantForIndex(start, start + 1)); // an integer, a string's start
  }
  // Outer before inner: by start, the longer first, an ancestor before a descendant of the same span.
  const depths = new Map<number, number>();
  const depth = (node: Node) => {
    let known = depths.get(node.id);
    if (known === undefined) {
      known = 0;
      for (let n = node.parent; n; n = n.parent) known++;
      depths.set(node.id, known);
    }
    return known;
  };
  found.sort((a, b) => a.node.startIndex - b.node.startIndex || b.node.endIndex - a.node.endIndex || (a.node.id === b.node.id ? 0 : depth(a.node) - depth(b.node)));
  return found.map((f) => f.fix);
}

/** Every fix the chosen rules find in `text`, outermost first where fixes overlap (the inner ones wait a pass). */
export function findFixes(text: string, rules?: ReadonlySet<string>, target: FixTarget = "python3"): Fix[] {
  const tree = parsePython(text);
  if (!tree) return [];
  const fixers = fixersFor(target);
  try {
    return fixesIn(tree, text, rules ?? new Set(Object.keys(fixers)), fixers);
  } finally {
    tree.delete();
  }
}

/** The text with the fixes that do not overlap an earlier one applied. */
export function applyFixes(text: string, fixes: readonly Fix[]): { text: string; applied: Fix[] } {
  const applied: Fix[] = [];
  const taken: Array<[number, number]> = [];
  let reach = -1; // the furthest end taken: an edit that starts at or past it overlaps nothing (the common case)
  const overlaps = (e: Edit) => e.start < reach && taken.some(([s, t]) => (e.start === e.end ? s < e.start && e.start < t : e.start < t && s < e.end));
  for (const fix of fixes) {
    if (fix.edits.some(overlaps)) continue;
    applied.push(fix);
    for (const e of fix.edits) {
      taken.push([e.start, e.end]);
      reach = Math.max(reach, e.end);
    }
  }
  // In the order of the text; at one place, what is inserted before what is replaced.
  const edits = applied.flatMap((f) => f.edits).sort((a, b) => a.start - b.start || a.end - b.end);
  const parts: string[] = [];
  let at = 0;
  for (const e of edits) {
    parts.push(text.slice(at, e.start), e.text);
    at = e.end;
  }
  parts.push(text.slice(at));
  return { text: parts.join(""), applied };
}

export { FIX_TARGETS, type FixTarget } from "./targets.js";
import type { FixTarget } from "./targets.js";

let compatible: Record<string, Fixer> | undefined;
/** The rules with a fix for a target, and their fixers. */
export function fixersFor(target: FixTarget): Readonly<Record<string, Fixer>> {
  if (target === "python3") return FIXERS;
  return (compatible ??= compatibleFixers(FIXERS));
}

export interface FixResult {
  text: string;
  fixed: Fix[];
  /** Rules whose fixes were not offered: the fixed file did not parse as well as the original. */
  refused: string[];
}

const MAX_PASSES = 4;

/**
 * `text` with every fix of `rules` applied, pass after pass (a fix inside another waits for the outer one), each pass
 * checked: where the result parses with more errors than the original, the rules are tried one at a time and those
 * that break the file are dropped.
 */
export function fixPython(text: string, rules?: ReadonlySet<string>, target: FixTarget = "python3"): FixResult {
  const fixers = fixersFor(target);
  // Nothing any rule looks for is in the text: no parse needed (most files, once a migration is under way).
  const triggers = triggersIn(text);
  if (!triggers.length) return { text, fixed: [], refused: [] };
  let tree = parsePython(text);
  if (!tree) return { text, fixed: [], refused: [] };
  const allowed = errorCount(tree);
  const breaks = (candidate: Tree) => errorCount(candidate) > allowed;
  let current = text;
  const fixed: Fix[] = [];
  const refused = new Set<string>();
  const active = new Set(rules ?? Object.keys(fixers));
  try {
    for (let pass = 0; pass < MAX_PASSES; pass++) {
      const fixes = fixesIn(tree, current, active, fixers, pass === 0 ? triggers : undefined);
      if (!fixes.length) break;
      const attempt = withImports(tree, current, fixed, applyFixes(current, fixes));
      const edits = attempt.applied.flatMap((f) => f.edits);
      // Every fix found was made (none waited inside another): no fix makes a construct another rule fixes, so a
      // further pass would find nothing.
      const last = attempt.applied.length - Number(attempt.imported) === fixes.length;
      // The last pass needs no tree after it: the statements it touched, parsed apart, can show that it breaks nothing.
      const shown: boolean = last && editedStatementsParse(tree, current, edits);
      const next: Tree | undefined = shown ? undefined : reparsePython(tree, current, edits, attempt.text);
      if (shown || (next && !breaks(next))) {
        // The tree that checked this pass is the one the next pass reads.
        if (next) {
          tree.delete();
          tree = next;
        }
        current = attempt.text;
        fixed.push(...attempt.applied.filter((f) => f.rule !== IMPORTS));
        if (last) break;
        continue;
      }
      next?.delete();
      // Which rule broke the file: each alone, then the imports alone (without them the fixes would not run on
      // Python 2: when they break the file, no fix is made).
      for (const rule of [...active]) {
        const alone = applyFixes(current, fixes.filter((f) => f.rule === rule));
        if (!alone.applied.length) continue;
        if (!parsesWith(tree, current, alone, breaks)) {
          active.delete(rule);
          refused.add(rule);
        }
      }
      const imports = attempt.applied.filter((f) => f.rule === IMPORTS);
      if (imports.length && !parsesWith(tree, current, applyFixes(current, imports), breaks)) return { text, fixed: [], refused: [...new Set([...fixed, ...fixes].filter((f) => f.requires?.length).map((f) => f.rule))] };
    }
  } finally {
    tree.delete();
  }
  return { text: current, fixed, refused: [...refused] };
}

const IMPORTS = "imports";

/**
 * A pass's fixes with the imports they and the earlier passes need (six, __future__) added once where Python wants
 * them, in the same text, so that one parse checks both. Where an import would overlap a fix, that fix waits a pass.
 */
function withImports(tree: Tree, text: string, earlier: readonly Fix[], attempt: { text: string; applied: Fix[] }): { text: string; applied: Fix[]; imported: boolean } {
  const requires = new Set([...earlier, ...attempt.applied].flatMap((f) => f.requires ?? []));
  const edits = importEdits(tree, text, requires);
  if (!edits.length) return { ...attempt, imported: false };
  const imports: Fix = { rule: IMPORTS, line: 1, edits };
  const kept = applyFixes(text, [imports, ...attempt.applied]);
  if (kept.applied.length === attempt.applied.length + 1) return { ...kept, imported: true };
  // A fix gave way to the imports: its own needs may be gone; the fixes that remain bring their imports next pass.
  return { ...applyFixes(text, attempt.applied.filter((f) => !f.requires?.length)), imported: false };
}

/** Whether `attempt` (on `text`, whose tree is `tree`) leaves the file parsing as well as it did. */
function parsesWith(tree: Tree, text: string, attempt: { text: string; applied: Fix[] }, breaks: (t: Tree) => boolean): boolean {
  const check = reparsePython(tree, text, attempt.applied.flatMap((f) => f.edits), attempt.text);
  const ok = !!check && !breaks(check);
  check?.delete();
  return ok;
}
