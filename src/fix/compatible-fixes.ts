import type { Node } from "web-tree-sitter";
import { resolve } from "../analysis/python/tree/scopes.js";
import { identifiersNamed, importsFrom, isBuiltinUse, namedOf, rawUnicodeBody, slice, type Edit, type Fixer } from "./fixer.js";
import { metaclassFix, removeStatement, renamedMethodWithAlias } from "./python3-statements.js";
import { intern, itertoolsFunction, itertoolsImport } from "./python3-calls.js";
import { urllibModule, urllibUse } from "./urllib.js";
import { USES_SIX } from "./imports.js";

/**
 * The `compatible` target: the same code runs on Python 2.7 and on Python 3, as python-modernize writes it. Where the
 * python3 fix already runs on both (`except E as e`, `0o777`, `k in d`, `next(it)`, `f.__name__`) it is kept; where it
 * does not, six stands in (`six.iteritems(d)`, `six.text_type`, `six.moves.range`, `six.with_metaclass`,
 * `six.reraise`), and `print(...)` brings `from __future__ import print_function`. A fix never writes syntax only
 * Python 3 reads. Rules whose Python 3 form would change what Python 2 does have no fix here.
 */

/**
 * print: the python3 fix with print_function; and `print(x)` of one argument, which both print alike, gets
 * print_function too (as python-modernize writes it), so that the file's prints are functions on both.
 */
const printFunction = (python3: Fixer): Fixer => (node, context) => {
  if (node.type === "call") {
    const args = node.childForFieldName("arguments");
    const only = args?.type === "argument_list" ? namedOf(args) : [];
    if (context.printFunction || only.length !== 1 || only[0]!.type === "keyword_argument" || only[0]!.type === "list_splat" || !isBuiltinUse(node.childForFieldName("function")!, context)) return undefined;
    context.requires.push("__future__:print_function");
    return [];
  }
  const edits = python3(node, context);
  if (edits?.length) context.requires.push("__future__:print_function");
  return edits;
};

/** A builtin renamed in Python 3, written as six's name for it (where the name is the builtin). */
const sixName = (to: (node: Node) => string): Fixer => (node, context) => {
  if (!isBuiltinUse(node, context)) return undefined;
  context.requires.push("six");
  return [{ start: node.startIndex, end: node.endIndex, text: to(node) }];
};

/**
 * A builtin Python 3 renamed, written as python-modernize writes it: the Python 3 name, imported from six.moves
 * (`xrange(3)` → `range(3)` with `from six.moves import range`). The file's own calls of the Python 3 name keep what
 * they did on Python 2 (`list(range(...))`, `eval(input())`): the imports step writes those (imports.ts). Not where the
 * file binds the new name itself.
 */
const sixMovesName = (to: string): Fixer => (node, context) => {
  if (!isBuiltinUse(node, context)) return undefined;
  if (resolve(node, context.bindings, to) !== "builtin" && !importsFrom(node.tree.rootNode, "six.moves", to)) return undefined;
  context.requires.push(`six.moves:${to}`);
  return [{ start: node.startIndex, end: node.endIndex, text: to }];
};

/** `unichr` stays, imported from six (`from six import unichr`), as python-modernize writes it. */
const sixImported: Fixer = (node, context) => {
  if (!isBuiltinUse(node, context)) return undefined;
  context.requires.push(`from:six:${node.text}`);
  return [];
};

/** `long(x)` is `int(x)` on both (Python 2's int() returns a long when it must); elsewhere `six.integer_types`. */
const isCalled = (node: Node) => node.parent?.type === "call" && node.parent.childForFieldName("function")?.id === node.id;

/** `d.iteritems()` → `six.iteritems(d)`; `d.viewkeys()` → `six.viewkeys(d)`. */
const sixDictMethod = (name: string): Fixer => (node, context) => {
  if (node.type !== "call") return undefined;
  const callee = node.childForFieldName("function");
  const args = node.childForFieldName("arguments");
  const method = callee?.type === "attribute" ? callee.childForFieldName("attribute") : null;
  if (!method || method.text !== name || args?.type !== "argument_list" || namedOf(args).length) return undefined;
  const object = callee!.childForFieldName("object")!;
  context.requires.push("six");
  return [{ start: node.startIndex, end: node.endIndex, text: `six.${name}(${slice(context, object.startIndex, object.endIndex)})` }];
};

/**
 * `raise E, V, T` → `six.reraise(E, V, T)` (what Python 2 did, on both); without a traceback, the python3 fix
 * (`raise E(V)`) runs on both.
 */
const raiseComma = (python3: Fixer): Fixer => (node, context) => {
  if (node.type !== "raise_statement") return undefined;
  const list = namedOf(node)[0];
  const parts = list?.type === "expression_list" ? namedOf(list) : [];
  if (parts.length !== 3) return python3(node, context);
  if (parts[0]!.type === "string" || parts[0]!.type === "concatenated_string") return undefined;
  context.requires.push("six");
  return [{ start: node.startIndex, end: node.endIndex, text: `six.reraise(${parts.map((p) => slice(context, p.startIndex, p.endIndex)).join(", ")})` }];
};

/**
 * `ur'\d+'` → `u'\\d+'`: the same text on both (Python 3 has no `ur`), backslashes written twice, the `\u20ac`
 * escapes Python 2 read even there kept as escapes.
 */
const urPrefix: Fixer = (node, context) => {
  if (node.type !== "string_start" || !/^[uU][rR]["']/.test(node.text)) return undefined;
  const string = node.parent;
  const end = string?.children.at(-1);
  if (string?.type !== "string" || end?.type !== "string_end") return undefined;
  const quote = node.text.slice(2);
  const { body } = rawUnicodeBody(slice(context, node.endIndex, end.startIndex), quote);
  return [{ start: string.startIndex, end: string.endIndex, text: `${node.text[0]}${quote}${body}${end.text}` }];
};

/** Python 2 modules and their names under six.moves (the ones six moves as modules). */
export const SIX_MOVES: Record<string, string> = {
  __builtin__: "builtins",
  ConfigParser: "configparser",
  copy_reg: "copyreg",
  Queue: "queue",
  SocketServer: "socketserver",
  repr: "reprlib",
  cPickle: "cPickle",
  _winreg: "winreg",
  thread: "_thread",
  dummy_thread: "_dummy_thread",
  cookielib: "http_cookiejar",
  Cookie: "http_cookies",
  htmlentitydefs: "html_entities",
  HTMLParser: "html_parser",
  httplib: "http_client",
  xmlrpclib: "xmlrpc_client",
  SimpleXMLRPCServer: "xmlrpc_server",
  BaseHTTPServer: "BaseHTTPServer",
  SimpleHTTPServer: "SimpleHTTPServer",
  CGIHTTPServer: "CGIHTTPServer",
  Tkinter: "tkinter",
  Dialog: "tkinter_dialog",
  FileDialog: "tkinter_filedialog",
  ScrolledText: "tkinter_scrolledtext",
  SimpleDialog: "tkinter_simpledialog",
  Tix: "tkinter_tix",
  ttk: "tkinter_ttk",
  Tkconstants: "tkinter_constants",
  Tkdnd: "tkinter_dnd",
  tkColorChooser: "tkinter_colorchooser",
  tkCommonDialog: "tkinter_commondialog",
  tkFileDialog: "tkinter_tkfiledialog",
  tkFont: "tkinter_font",
  tkMessageBox: "tkinter_messagebox",
  tkSimpleDialog: "tkinter_tksimpledialog",
  gdbm: "dbm_gnu",
  urlparse: "urllib.parse",
  robotparser: "urllib.robotparser",
};

/**
 * `import Queue` → `import six.moves.queue as Queue` (the file's uses keep their name); `import Queue as Q` →
 * `import six.moves.queue as Q`; `from Queue import Empty` → `from six.moves.queue import Empty`.
 */
const sixModule = (module: string): Fixer => (node, context) => {
  const to = `six.moves.${SIX_MOVES[module]}`;
  const edits: Edit[] = [];
  if (node.type === "import_from_statement") {
    const name = node.childForFieldName("module_name");
    if (name?.type === "dotted_name" && name.text === module) edits.push({ start: name.startIndex, end: name.endIndex, text: to });
  } else if (node.type === "import_statement") {
    for (const imported of namedOf(node)) {
      const aliased = imported.type === "aliased_import";
      const name = aliased ? imported.childForFieldName("name") : imported;
      if (name?.type === "dotted_name" && name.text === module) edits.push({ start: name.startIndex, end: name.endIndex, text: aliased ? to : `${to} as ${module}` });
    }
  }
  if (!edits.length) return undefined;
  context.requires.push(USES_SIX); // `import six.moves.queue` needs no `import six` of its own, but absolute imports
  return edits;
};

/**
 * StringIO's and cStringIO's class, as six names it: `from StringIO import StringIO` → `from six import StringIO`,
 * `from cStringIO import StringIO` → `from six.moves import cStringIO as StringIO`, and `import StringIO` where every
 * use is `StringIO.StringIO` → `six.StringIO` (the import goes). Anything else from those modules is left.
 */
const sixStringIO = (module: "StringIO" | "cStringIO"): Fixer => (node, context) => {
  if (node.type === "import_from_statement") {
    const from = node.childForFieldName("module_name");
    const imported = namedOf(node).filter((c) => c.id !== from?.id);
    if (from?.text !== module || imported.length !== 1) return undefined;
    const only = imported[0]!;
    const name = only.type === "aliased_import" ? only.childForFieldName("name") : only;
    const alias = only.type === "aliased_import" ? only.childForFieldName("alias")?.text : "StringIO";
    if (name?.text !== "StringIO" || !alias) return undefined;
    context.requires.push(USES_SIX);
    return [{ start: node.startIndex, end: node.endIndex, text: module === "StringIO" ? `from six import StringIO${alias === "StringIO" ? "" : ` as ${alias}`}` : `from six.moves import cStringIO as ${alias}` }];
  }
  if (node.type !== "import_statement") return undefined;
  const names = namedOf(node);
  if (names.length !== 1 || names[0]!.type !== "dotted_name" || names[0]!.text !== module) return undefined;
  // The module's name wherever it is read: not in an import, not as an attribute's name (`x.StringIO`).
  const uses = identifiersNamed(node.tree.rootNode, context.text, module).filter((use) => {
    for (let n = use.parent; n; n = n.parent) if (n.type === "import_statement" || n.type === "import_from_statement") return false;
    return !(use.parent?.type === "attribute" && use.parent.childForFieldName("attribute")?.id === use.id);
  });
  const attributes = uses.map((use) => use.parent).filter((p): p is Node => p?.type === "attribute" && p.childForFieldName("object")?.type === "identifier" && p.childForFieldName("attribute")?.text === "StringIO");
  if (attributes.length !== uses.length || !uses.length) return undefined;
  const removal = removeStatement(node, node.parent !== null && namedOf(node.parent).length === 1, context);
  if (!removal) return undefined;
  context.requires.push("six");
  return [removal, ...attributes.map((a) => ({ start: a.startIndex, end: a.endIndex, text: module === "StringIO" ? "six.StringIO" : "six.moves.cStringIO" }))];
};

/** The types module's constants whose Python 3 name means something else on Python 2 get six's; LongType none. */
const typesConstant = (python3: Fixer): Fixer => (node, context) => {
  const name = node.type === "attribute" ? node.childForFieldName("attribute")?.text : undefined;
  if (name === "LongType" || name === "XRangeType" || name === "ClassType") return undefined;
  if (name === "UnicodeType" || name === "StringTypes") {
    if (node.childForFieldName("object")?.text !== "types") return undefined;
    context.requires.push("six");
    return [{ start: node.startIndex, end: node.endIndex, text: name === "UnicodeType" ? "six.text_type" : "six.string_types" }];
  }
  return python3(node, context);
};

/** `it.next()` → `next(it)` (a builtin since 2.6); not where the file binds `next` (its `__next__()` is Python 3's only). */
const nextCalled = (python3: Fixer): Fixer => (node, context) => (resolve(node, context.bindings, "next") === "builtin" ? python3(node, context) : undefined);

/** The compatible target's fixers, from the python3 target's: kept, wrapped, replaced, or none (`undefined`). */
export function compatibleFixers(python3: Readonly<Record<string, Fixer>>): Record<string, Fixer> {
  const same = ["tuple-parameters", "builtin-apply", "builtin-execfile", "builtin-reduce", "sys-exitfunc", "string-functions", "exec-statement", "except-comma", "backticks", "diamond-not-equal", "long-suffix", "old-octal", "dict-has_key", "dict-view-indexed", "iterator-indexed", "function-attributes", "method-attributes", "sys-maxint"];
  return {
    ...Object.fromEntries(same.map((rule) => [rule, python3[rule]!])),
    "print-statement": printFunction(python3["print-statement"]!),
    "ur-prefix": urPrefix,
    "raise-comma": raiseComma(python3["raise-comma"]!),
    "next-method-called": nextCalled(python3["next-method-called"]!),
    "types-constants": typesConstant(python3["types-constants"]!),
    "metaclass-attribute": metaclassFix("six"),
    "next-method-defined": renamedMethodWithAlias("next", "__next__"),
    "dunder__nonzero": renamedMethodWithAlias("__nonzero__", "__bool__"),
    "builtin-intern": intern("compatible"),
    "itertools-izip": itertoolsFunction("compatible"),
    "urllib-functions": urllibUse("urllib", "compatible"),
    "urllib2-functions": urllibUse("urllib2", "compatible"),
    "module-urllib": urllibModule("urllib", "compatible"),
    "module-urllib2": urllibModule("urllib2", "compatible"),
    "itertools-imports": itertoolsImport("compatible"),
    "itertools-functions": itertoolsImport("compatible"),
    "builtin-xrange": sixMovesName("range"),
    "builtin-raw_input": sixMovesName("input"),
    "builtin-unicode": sixName(() => "six.text_type"),
    "builtin-basestring": sixName(() => "six.string_types"),
    "builtin-unichr": sixImported,
    "builtin-long": (node, context) => {
      if (node.type === "identifier" && isCalled(node)) return python3["builtin-long"]!(node, context);
      // `(int, long)` as a whole is six.integer_types.
      const tuple = node.parent?.type === "tuple" ? node.parent : undefined;
      const members = tuple ? namedOf(tuple) : [];
      if (tuple && members.length === 2 && members.every((m) => m.type === "identifier" && isBuiltinUse(m, context)) && new Set(members.map((m) => m.text)).size === 2 && members.some((m) => m.text === "int")) {
        context.requires.push("six");
        return [{ start: tuple.startIndex, end: tuple.endIndex, text: "six.integer_types" }];
      }
      return sixName(() => "six.integer_types")(node, context);
    },
    ...Object.fromEntries(["iteritems", "itervalues", "iterkeys", "viewitems", "viewvalues", "viewkeys"].map((name) => [`dict-${name}`, sixDictMethod(name)])),
    ...Object.fromEntries(Object.keys(SIX_MOVES).map((module) => [`module-${module}`, sixModule(module)])),
    "module-StringIO": sixStringIO("StringIO"),
    "module-cStringIO": sixStringIO("cStringIO"),
  };
}
