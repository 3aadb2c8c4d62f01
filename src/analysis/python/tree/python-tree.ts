import type { Node, Tree } from "web-tree-sitter";
import { parsePython } from "./parser.js";
import { resolve, type Bindings } from "./scopes.js";

/**
 * A Python file's syntax tree, read for what the line rules cannot know: whether a name is the builtin or one of the
 * file's own (by Python's scopes), which lines only run on one of Python 2 and 3 (guards), and which methods the file
 * defines. The line rules find candidates fast; the tree confirms or dismisses each.
 */
export interface PythonTree {
  /** Whether row i (0-based) stands in code written for one Python only: a version check's branches, the rest of a
   * block after an early exit under one, a conditional expression on one, an import or name fallback. */
  guarded(row: number): boolean;
  /** Whether the hit of rule `id` on row `row` is what it seems: the builtin, not a name of the file's own. */
  confirms(id: string, row: number): boolean;
  /** Frees the tree's memory (WebAssembly's, not the collector's). */
  dispose(): void;
}

/** A condition about the running Python's version: `PY2`, `six.PY3`, `sys.version_info`, `python_version`. */
const VERSION_CONDITION = /(?<![\w.])(?:six\.)?PY(?:2|3|\d\d)\b|\bsys\.version(?:_info)?\b|\bpython_version\b/;
/** The exceptions an import or name fallback catches (`unicode` raises NameError on Python 3; AttributeError is no guard). */
const FALLBACK_EXCEPTIONS = /^(?:ImportError|NameError|ModuleNotFoundError)$/;
const EXITS = new Set(["return_statement", "raise_statement", "continue_statement", "break_statement"]);

/** Rules about a builtin's name: the tree decides whether the name on the line is the builtin. */
function builtinName(id: string): string | undefined {
  return id.startsWith("builtin-") ? id.slice("builtin-".length) : undefined;
}
/** Rules about a module's attribute where the module's name could be a variable of the file's (`string.upper(s)`). */
const MODULE_OBJECT_RULES: Record<string, string> = { "string-functions": "string", "string-letters": "string", "string-maketrans": "string" };
/** Rules about a method call that the file (or the change) may define itself: `focus.next()`, `album.items()[0]`. */
const METHOD_RULES: Record<string, readonly string[]> = { "next-method-called": ["next"], "dict-view-indexed": ["keys", "values", "items"] };

/** Rules about a caught exception's name (`e[0]`, `e.message`): the name must be the exception, not another `e`. */
const CAUGHT_NAME_RULES = new Set(["indexing-exception", "exception-message-attribute"]);

/** A method rule's hit whose method the change itself defines, in any of its files. */
export function definedByChange(id: string, changeMethods: () => ReadonlySet<string>): boolean {
  const methods = METHOD_RULES[id];
  return !!methods && methods.some((m) => changeMethods().has(m));
}

/**
 * Whether the syntax tree could judge a hit otherwise than the line rules did, from what the file's text shows: a name
 * the file may bind (the line view's names, or an annotated parameter, a comprehension or lambda variable, a walrus or
 * `global`), a caught exception's name, a method the file defines, or a guard the lines cannot see (a version check on
 * the line itself, an early exit under one, a bare `except:`, which guards a hit without making its try compatibility
 * code). Parsing is the costliest step of judging: a file is parsed only where the answer could change. `ownNames` is
 * the line view's names, computed once per file; each name's and method's answer is kept for the file's other hits.
 */
export class TreeNeed {
  private guardsOnlyTheTreeSees?: boolean;
  private readonly byName = new Map<string, boolean>();

  constructor(
    private readonly text: string,
    private readonly ownNames: () => ReadonlySet<string>,
  ) {}

  needed(id: string, code: string): boolean {
    if (CAUGHT_NAME_RULES.has(id)) return true;
    // A conditional expression on a version check, on the hit's own line.
    if (/PY\d|version/.test(code)) return true;
    this.guardsOnlyTheTreeSees ??= /^[ \t]*except[ \t]*:|^[ \t]*(?:el)?if\b[^\n]*(?:PY\d|version)[^\n]*:[ \t]*(?:#[^\n]*)?(?:\r?\n[ \t]*)?(?:return|raise|continue|break)\b/m.test(this.text);
    if (this.guardsOnlyTheTreeSees) return true;
    const name = builtinName(id) ?? MODULE_OBJECT_RULES[id];
    if (name !== undefined) return this.once(`name ${name}`, () => this.ownNames().has(name) || bindingsLike(name).test(this.text));
    const methods = METHOD_RULES[id];
    if (methods) return this.once(`methods ${id}`, () => new RegExp(`\\bdef\\s+(?:${methods.join("|")})\\b`).test(this.text));
    return false;
  }

  private once(key: string, answer: () => boolean): boolean {
    let known = this.byName.get(key);
    if (known === undefined) this.byName.set(key, (known = answer()));
    return known;
  }
}

/** Where a file may bind a name that the line view's names miss: annotations, comprehensions, walrus, global, lambda. */
function bindingsLike(name: string): RegExp {
  const word = name.replace(/[^\w]/g, "");
  return new RegExp(`\\b${word}\\s*:(?!=)|\\bfor\\b[^\\n]*\\b${word}\\b[^\\n]*\\bin\\b|\\b${word}\\s*:=|\\b(?:global|nonlocal)\\b[^\\n]*\\b${word}\\b|\\blambda\\b[^\\n:]*\\b${word}\\b`);
}

/** Is this identifier read as a name here (not an attribute, a keyword argument, a definition, a target or an annotation)? */
function isNameUse(node: Node): boolean {
  const parent = node.parent;
  if (!parent) return false;
  const field = (name: string) => parent.childForFieldName(name)?.id === node.id;
  switch (parent.type) {
    case "attribute":
      return !field("attribute");
    case "keyword_argument":
    case "function_definition":
    case "class_definition":
    case "default_parameter":
    case "typed_default_parameter":
      return !field("name");
    case "assignment":
    case "augmented_assignment":
      return !field("left");
    case "parameters":
    case "lambda_parameters":
    case "typed_parameter":
    case "list_splat_pattern":
    case "dictionary_splat_pattern":
    case "tuple_pattern":
    case "dotted_name":
    case "aliased_import":
    case "as_pattern_target":
    case "global_statement":
    case "nonlocal_statement":
      return false;
    default:
  }
  for (let n: Node | null = parent; n; n = n.parent) {
    if (n.type === "type") return false; // an annotation is not a call
    if (n.type === "pattern_list" || n.type === "as_pattern_target") return false;
    if (n.type.endsWith("statement") || n.type === "block" || n.type === "module") break;
  }
  return true;
}

class ParsedPython implements PythonTree {
  private rows?: Uint8Array;
  private readonly bindings = new Map<number, Bindings>();
  private methods?: Set<string>;

  constructor(
    private readonly tree: Tree,
    private readonly changeMethods: () => ReadonlySet<string>,
  ) {}

  guarded(row: number): boolean {
    return (this.rows ??= guardedRows(this.tree))[row] === 1;
  }

  confirms(id: string, row: number): boolean {
    const name = builtinName(id) ?? MODULE_OBJECT_RULES[id];
    if (name !== undefined) return this.namesTheBuiltin(name, row, MODULE_OBJECT_RULES[id] !== undefined);
    if (CAUGHT_NAME_RULES.has(id)) return this.usesCaughtException(row);
    const methods = METHOD_RULES[id];
    if (methods) {
      const defined = (this.methods ??= definedFunctions(this.tree));
      return !methods.some((m) => defined.has(m) || this.changeMethods().has(m)) || !this.callsOnRow(row, methods);
    }
    return true;
  }

  /** The row calls `.m(` for one of these methods, as the tree reads it (not in a string or a comment). */
  private callsOnRow(row: number, methods: readonly string[]): boolean {
    const nodes = this.tree.rootNode.descendantsOfType("attribute", { row, column: 0 }, { row: row + 1, column: 0 });
    return nodes.some((n) => n !== null && n.startPosition.row <= row && methods.includes(n.childForFieldName("attribute")?.text ?? ""));
  }

  private namesTheBuiltin(name: string, row: number, moduleObject: boolean): boolean {
    const root = this.tree.rootNode;
    const nodes = root.descendantsOfType("identifier", { row, column: 0 }, { row: row + 1, column: 0 });
    let sawError = false;
    let sawObject = false;
    for (const node of nodes) {
      if (!node || node.startPosition.row !== row || node.text !== name) continue;
      if (node.parent?.type === "ERROR" || node.parent?.hasError) sawError = true;
      if (!isNameUse(node)) continue;
      if (moduleObject && node.parent?.type !== "attribute") continue;
      sawObject = true;
      const resolution = resolve(node, this.bindings, name);
      // A module object (`string`) bound by its own import is the module the rule means.
      if (resolution === "bound" && moduleObject && this.importsModule(name)) return true;
      if (resolution !== "bound" && resolution !== "caught") return true;
    }
    // A row the grammar could not read keeps the line rule's answer; so does `from string import atoi`, where the
    // module is named, not a variable.
    return sawError || (moduleObject && !sawObject);
  }

  /** The row indexes a caught exception or reads its `.message`: an identifier there resolves to an `except … as` name. */
  private usesCaughtException(row: number): boolean {
    const nodes = this.tree.rootNode.descendantsOfType(["subscript", "attribute"], { row, column: 0 }, { row: row + 1, column: 0 });
    for (const node of nodes) {
      if (!node || node.startPosition.row !== row) continue;
      const object = node.childForFieldName(node.type === "subscript" ? "value" : "object");
      if (object?.type !== "identifier") continue;
      if (node.type === "attribute" && node.childForFieldName("attribute")?.text !== "message") continue;
      if (resolve(object, this.bindings) === "caught") return true;
    }
    return false;
  }

  /** The modules the file imports by plain `import` (`import string`), read once. */
  private plainImports?: Set<string>;

  private importsModule(name: string): boolean {
    this.plainImports ??= new Set(this.tree.rootNode.descendantsOfType("import_statement").flatMap((s) => s?.namedChildren.filter((c) => c?.type === "dotted_name").map((c) => c!.text) ?? []));
    return this.plainImports.has(name);
  }

  dispose(): void {
    this.tree.delete();
  }
}

/** The names of every function the file defines, methods included (`def next(self)` makes `.next()` the file's own). */
function definedFunctions(tree: Tree): Set<string> {
  const names = new Set<string>();
  for (const def of tree.rootNode.descendantsOfType("function_definition")) {
    const name = def?.childForFieldName("name")?.text;
    if (name) names.add(name);
  }
  return names;
}

/** The rows of code written for one Python only, from the tree's version checks, early exits and fallbacks. */
function guardedRows(tree: Tree): Uint8Array {
  const rows = new Uint8Array(tree.rootNode.endPosition.row + 1);
  const mark = (node: Node | null | undefined, fromRow = node?.startPosition.row ?? 0) => {
    if (!node) return;
    rows.fill(1, fromRow, node.endPosition.row + 1);
  };
  const isVersionCheck = (condition: Node | null) => !!condition && VERSION_CONDITION.test(condition.text);
  for (const node of tree.rootNode.descendantsOfType(["if_statement", "conditional_expression", "try_statement"])) {
    if (!node) continue;
    if (node.type === "if_statement") {
      const clauses = [node, ...node.childrenForFieldName("alternative")];
      const first = clauses.findIndex((c) => c && isVersionCheck(c.childForFieldName("condition")));
      if (first === -1) continue;
      for (const clause of clauses.slice(first)) mark(clause?.childForFieldName(clause.type === "else_clause" ? "body" : "consequence") ?? clause);
      // `if not six.PY2: return …` with no else: what follows in the block runs on one Python only.
      if (first === 0 && clauses.length === 1) {
        const body = node.childForFieldName("consequence");
        const last = body?.namedChildren[body.namedChildCount - 1];
        if (last && EXITS.has(last.type) && node.parent) mark(node.parent, node.endPosition.row + 1);
      }
    } else if (node.type === "conditional_expression") {
      if (isVersionCheck(node.namedChildren[1] ?? null)) mark(node);
    } else {
      const handlers = node.namedChildren.filter((c) => c?.type === "except_clause");
      const fallback = handlers.some((h) => {
        const caught = h?.namedChildren.filter((c) => c && c.type !== "block") ?? [];
        if (caught.length === 0) return true; // a bare except
        const first = caught[0]!;
        const types = first.type === "as_pattern" ? first.namedChildren[0] : first;
        const names = types?.type === "tuple" ? types.namedChildren.map((t) => t?.text ?? "") : [types?.text ?? ""];
        return names.some((n) => FALLBACK_EXCEPTIONS.test(n));
      });
      if (fallback) {
        mark(node.childForFieldName("body"), node.startPosition.row);
        for (const h of handlers) mark(h);
      }
    }
  }
  return rows;
}

const NO_METHODS: ReadonlySet<string> = new Set();

/** The file's tree for judging hits, or undefined where it cannot be parsed (past the size bound). */
export function pythonTree(text: string, changeMethods: () => ReadonlySet<string> = () => NO_METHODS): PythonTree | undefined {
  const tree = parsePython(text);
  return tree ? new ParsedPython(tree, changeMethods) : undefined;
}
