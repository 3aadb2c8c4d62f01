import { resolve } from "../analysis/python/tree/scopes.js";
import type { Node } from "web-tree-sitter";
import { asPrimary, identifiersNamed, importsFrom, isBuiltinUse, namedOf, slice, type Context, type Edit, type Fixer } from "./fixer.js";
import { isNameUse } from "./python3-names.js";
import { removeStatement } from "./python3-statements.js";

/**
 * Fixes of builtins and module functions Python 3 removed or moved: `apply`, `execfile`, `intern`, `reduce`,
 * `sys.exitfunc`, itertools' `imap`/`izip`/`ifilter`, and the `string` module's functions. Each fixer serves both
 * targets where the fix runs on Python 2.7 as well; `target` says which names to write where it does not.
 */

export type Target = "python3" | "compatible";

/** The call whose function is `node` (an identifier or attribute), with its positional arguments and whether a comment
 * sits among them, or nothing when an argument is a keyword or a `*`/`**` spread (left to a person). */
function callOf(node: Node | null): { call: Node; args: Node[]; commented: boolean } | undefined {
  const call = node?.parent;
  if (!node || call?.type !== "call" || call.childForFieldName("function")?.id !== node.id) return undefined;
  const list = call.childForFieldName("arguments");
  if (list?.type !== "argument_list") return undefined;
  const args = namedOf(list);
  if (args.some((a) => a.type === "keyword_argument" || a.type === "list_splat" || a.type === "dictionary_splat" || a.type === "parenthesized_list_splat")) return undefined;
  return { call, args, commented: list.namedChildren.some((c) => c !== null && c.type === "comment") };
}

/** A call whose whole text a fixer rewrites: not where a comment sits among the arguments (it would be lost). */
const plainCall = (node: Node | null) => {
  const found = callOf(node);
  return found && !found.commented ? found : undefined;
};

const text = (context: Context, node: Node) => slice(context, node.startIndex, node.endIndex);

/** `apply(f, args)` → `f(*args)`; `apply(f, args, kw)` → `f(*args, **kw)`. */
export const apply: Fixer = (node, context) => {
  if (!isBuiltinUse(node, context)) return undefined;
  const found = plainCall(node);
  if (!found || found.args.length < 2 || found.args.length > 3) return undefined;
  const [f, args, kw] = found.args;
  const spread = [`*${text(context, args!)}`, ...(kw ? [`**${text(context, kw)}`] : [])].join(", ");
  return [{ start: found.call.startIndex, end: found.call.endIndex, text: `${asPrimary(f!, context)}(${spread})` }];
};

/** `execfile(fn[, g[, l]])` → `exec(compile(open(fn, "rb").read(), fn, 'exec')[, g[, l]])`, as 2to3 writes it; only
 * where the file name is a name or a string (it is read twice). Python 2.7 reads the call form of exec too. */
export const execfile: Fixer = (node, context) => {
  if (!isBuiltinUse(node, context)) return undefined;
  const found = plainCall(node);
  if (!found || found.args.length < 1 || found.args.length > 3) return undefined;
  const [file, ...scopes] = found.args;
  if (!["identifier", "string", "attribute"].includes(file!.type)) return undefined;
  const name = text(context, file!);
  return [{ start: found.call.startIndex, end: found.call.endIndex, text: `exec(${[`compile(open(${name}, "rb").read(), ${name}, 'exec')`, ...scopes.map((s) => text(context, s))].join(", ")})` }];
};

/** `intern(s)` → `sys.intern(s)` (python3), `six.moves.intern(s)` (compatible). */
export const intern = (target: Target): Fixer => (node, context) => {
  if (!isBuiltinUse(node, context) || callOf(node)?.args.length !== 1) return undefined;
  context.requires.push(target === "python3" ? "import:sys" : "six");
  return [{ start: node.startIndex, end: node.endIndex, text: target === "python3" ? "sys.intern" : "six.moves.intern" }];
};

/** `reduce(f, xs)` stays, with `from functools import reduce` (functools has it since Python 2.6), as 2to3 writes it. */
export const reduce: Fixer = (node, context) => {
  const args = isBuiltinUse(node, context) ? callOf(node)?.args : undefined;
  if (!args || args.length < 2 || args.length > 3) return undefined;
  context.requires.push("from:functools:reduce");
  return [];
};

/** `sys.exitfunc = f` (a statement of its own) → `atexit.register(f)`. */
export const exitfunc: Fixer = (node, context) => {
  const attribute = node; // the `sys.exitfunc` attribute
  const assignment = attribute.parent;
  if (attribute.type !== "attribute" || attribute.childForFieldName("object")?.text !== "sys" || assignment?.type !== "assignment") return undefined;
  if (assignment.childForFieldName("left")?.id !== attribute.id || assignment.parent?.type !== "expression_statement") return undefined;
  const right = assignment.childForFieldName("right");
  if (!right || right.type === "assignment") return undefined;
  context.requires.push("import:atexit");
  return [{ start: assignment.startIndex, end: assignment.endIndex, text: `atexit.register(${text(context, right)})` }];
};

/** itertools' iterators and their names in Python 3 (the builtins) and in six. */
const ITERTOOLS: Record<string, { python3: string; six: string }> = {
  imap: { python3: "map", six: "six.moves.map" },
  izip: { python3: "zip", six: "six.moves.zip" },
  ifilter: { python3: "filter", six: "six.moves.filter" },
  ifilterfalse: { python3: "itertools.filterfalse", six: "six.moves.filterfalse" },
  izip_longest: { python3: "itertools.zip_longest", six: "six.moves.zip_longest" },
};
export const ITERTOOLS_NAMES = Object.keys(ITERTOOLS);

/** The itertools import with only `names` left, or gone when none are (undefined where it cannot go safely). */
function withoutMoved(node: Node, names: readonly string[], context: Context): Edit | undefined {
  if (names.length) return { start: node.startIndex, end: node.endIndex, text: `from itertools import ${names.join(", ")}` };
  return removeStatement(node, node.parent?.type === "block" && namedOf(node.parent).length === 1, context);
}

/** six.moves' name for an itertools iterator (`map`, `zip_longest`). */
const sixMoved = (name: string) => ITERTOOLS[name]!.six.slice("six.moves.".length);

/** Whether `name` may be imported from six.moves at `node`: it is free there (a builtin or nothing), or six's already. */
const freeForSix = (node: Node, context: Context, name: string) => resolve(node, context.bindings, name) === "builtin" || importsFrom(node.tree.rootNode, "six.moves", name);

/**
 * `itertools.imap(f, xs)` → `map(f, xs)`: the builtin (python3), or six.moves' imported under that name as
 * python-modernize writes it (compatible; `six.moves.map(f, xs)` where the file binds `map` itself).
 */
export const itertoolsFunction = (target: Target): Fixer => (node, context) => {
  if (node.type !== "attribute" || node.childForFieldName("object")?.type !== "identifier" || node.childForFieldName("object")?.text !== "itertools") return undefined;
  const name = node.childForFieldName("attribute")?.text ?? "";
  if (!Object.hasOwn(ITERTOOLS, name) || moduleShadowed(node, context, "itertools")) return undefined;
  if (target === "python3") return [{ start: node.startIndex, end: node.endIndex, text: ITERTOOLS[name]!.python3 }];
  const moved = sixMoved(name);
  if (freeForSix(node, context, moved)) {
    context.requires.push(`six.moves:${moved}`);
    return [{ start: node.startIndex, end: node.endIndex, text: moved }];
  }
  context.requires.push("six");
  return [{ start: node.startIndex, end: node.endIndex, text: ITERTOOLS[name]!.six }];
};

/** Answers already worked out for one pass over one file: each is a search of the whole text, and a file may read a
 * module's attributes thousands of times (the work stays linear in the file). */
const memo = new WeakMap<Context, Map<string, boolean>>();
export function remembered(context: Context, key: string, work: () => boolean): boolean {
  const known = memo.get(context) ?? new Map<string, boolean>();
  memo.set(context, known);
  if (!known.has(key)) known.set(key, work());
  return known.get(key)!;
}

/** True the first time `key` is asked about in this pass, false after. */
export function firstTime(context: Context, key: string): boolean {
  const known = memo.get(context) ?? new Map<string, boolean>();
  memo.set(context, known);
  if (known.has(key)) return false;
  known.set(key, true);
  return true;
}

/** Whether a module's name means something else somewhere in the file: any use that is neither its import nor
 * `module.attribute` (a parameter, an assignment, a name passed on). Then nothing is rewritten. */
export function moduleShadowed(node: Node, context: Context, module: string): boolean {
  return remembered(context, `shadowed ${module}`, () =>
    identifiersNamed(node.tree.rootNode, context.text, module).some((use) => {
      const parent = use.parent;
      if (parent?.type === "attribute" && parent.childForFieldName("object")?.id === use.id) return false;
      // Its import: `import m`, or the module of `from m import x`.
      const statement = parent?.type === "dotted_name" ? parent.parent : undefined;
      return !(statement?.type === "import_statement" || (statement?.type === "import_from_statement" && statement.childForFieldName("module_name")?.id === parent!.id));
    }),
  );
}

/** The string module's functions that are str methods: `string.upper(s)` → `s.upper()`. */
const STRING_METHODS = new Set(["capitalize", "center", "count", "expandtabs", "find", "index", "ljust", "lower", "lstrip", "replace", "rfind", "rindex", "rjust", "rsplit", "rstrip", "split", "strip", "swapcase", "upper"]);

/**
 * `string.upper(s)` → `s.upper()`, `string.split(s, ",")` → `s.split(",")`, `string.join(xs)` → `' '.join(xs)`,
 * `string.join(xs, sep)` → `sep.join(xs)`, `string.atoi(s)` → `int(s)`, `string.atof(s)` → `float(s)`: where `string`
 * is the module everywhere in the file. Both targets (the str methods exist on Python 2).
 */
export const stringFunction: Fixer = (node, context) => {
  if (node.type !== "attribute" || node.childForFieldName("object")?.type !== "identifier" || node.childForFieldName("object")?.text !== "string") return undefined;
  const name = node.childForFieldName("attribute")?.text ?? "";
  const found = plainCall(node);
  if (!found || !found.args.length || moduleShadowed(node, context, "string")) return undefined;
  const [first, ...rest] = found.args;
  const args = rest.map((a) => text(context, a)).join(", ");
  const replace = (to: string): Edit[] => [{ start: found.call.startIndex, end: found.call.endIndex, text: to }];
  if (name === "join" || name === "joinfields") {
    if (rest.length > 1) return undefined;
    return replace(`${rest.length ? asPrimary(rest[0]!, context) : "' '"}.join(${text(context, first!)})`);
  }
  if (name === "atoi" || name === "atol") return rest.length <= 1 ? replace(`int(${[text(context, first!), ...rest.map((a) => text(context, a))].join(", ")})`) : undefined;
  if (name === "atof") return rest.length === 0 ? replace(`float(${text(context, first!)})`) : undefined;
  const method = name === "splitfields" ? "split" : name;
  if (!STRING_METHODS.has(method)) return undefined;
  return replace(`${asPrimary(first!, context)}.${method}(${args})`);
};

/**
 * `from itertools import imap, chain`: python3 drops imap, izip and ifilter from the import and names the builtins
 * where the file used them (`imap(f, xs)` → `map(f, xs)`), renames ifilterfalse and izip_longest; compatible imports
 * them from six.moves under the names the file uses (`from six.moves import map as imap`), the uses unchanged.
 */
export const itertoolsImport = (target: Target): Fixer => (node, context) => {
  if (node.type === "identifier") {
    // A bare use: the fix is the import's (found at the top of the file).
    // One look for the import per name and pass: the first use finds it, the rest are covered by its fix.
    if (!Object.hasOwn(ITERTOOLS, node.text) || !isNameUse(node) || !firstTime(context, `itertools use ${node.text}`)) return undefined;
    const statement = node.tree.rootNode.namedChildren.find((n) => n?.type === "import_from_statement" && n.childForFieldName("module_name")?.text === "itertools" && namedOf(n).some((c) => c.text === node.text));
    // The import's fix covers every use: made once per statement, not once per use.
    if (!statement || !firstTime(context, `itertools ${statement.id}`)) return undefined;
    return itertoolsImport(target)(statement, context);
  }
  if (node.type !== "import_from_statement" || node.childForFieldName("module_name")?.text !== "itertools") return undefined;
  const from = node.childForFieldName("module_name")!;
  const kept: string[] = [];
  const moved: Array<{ name: string; alias?: string }> = [];
  /** What python3 keeps in the import, in its order: other names, and filterfalse and zip_longest renamed. */
  const python3Names: string[] = [];
  for (const imported of namedOf(node).filter((c) => c.id !== from.id)) {
    const name = (imported.type === "aliased_import" ? imported.childForFieldName("name") : imported)?.text ?? "";
    const alias = imported.type === "aliased_import" ? imported.childForFieldName("alias")?.text : undefined;
    if (imported.type !== "dotted_name" && imported.type !== "aliased_import") return undefined; // `import *`
    if (Object.hasOwn(ITERTOOLS, name)) {
      moved.push({ name, ...(alias ? { alias } : {}) });
      const python3 = ITERTOOLS[name]!.python3;
      if (python3.startsWith("itertools.")) python3Names.push(`${python3.slice("itertools.".length)}${alias ? ` as ${alias}` : ""}`);
    } else {
      kept.push(slice(context, imported.startIndex, imported.endIndex));
      python3Names.push(kept.at(-1)!);
    }
  }
  if (!moved.length) return undefined;
  const indent = " ".repeat(node.startPosition.column);
  // compatible, as python-modernize writes it: each name from six.moves under its Python 3 name, the uses renamed
  // (`from six.moves import zip_longest`); with an alias, or where the file binds that name, under the file's name.
  if (target === "compatible" && moved.every(({ name, alias }) => !alias && freeForSix(node, context, sixMoved(name)))) {
    const shrunk = withoutMoved(node, kept, context);
    if (!shrunk) return undefined;
    const edits: Edit[] = [shrunk];
    for (const { name } of moved) {
      context.requires.push(`six.moves:${sixMoved(name)}`);
      for (const use of identifiersNamed(node.tree.rootNode, context.text, name).filter(isNameUse)) edits.push({ start: use.startIndex, end: use.endIndex, text: sixMoved(name) });
    }
    return edits;
  }
  if (target === "compatible") {
    const six = moved.map(({ name, alias }) => `${ITERTOOLS[name]!.six.slice("six.moves.".length)} as ${alias ?? name}`);
    return [{ start: node.startIndex, end: node.endIndex, text: `${kept.length ? `from itertools import ${kept.join(", ")}\n${indent}` : ""}from six.moves import ${six.join(", ")}` }];
  }
  // python3: the builtins need no import; filterfalse and zip_longest stay in itertools under their new names.
  const imports = python3Names;
  if (moved.some(({ name, alias }) => alias && !ITERTOOLS[name]!.python3.startsWith("itertools."))) return undefined; // `imap as m`: left to a person
  const shrunk = withoutMoved(node, imports, context);
  if (!shrunk) return undefined;
  const edits: Edit[] = [shrunk];
  for (const { name, alias } of moved) {
    if (alias) continue;
    const to = ITERTOOLS[name]!.python3.replace(/^itertools\./, "");
    for (const use of identifiersNamed(node.tree.rootNode, context.text, name).filter(isNameUse)) edits.push({ start: use.startIndex, end: use.endIndex, text: to });
  }
  return edits;
};
