import type { Node, Tree } from "web-tree-sitter";

/**
 * Python's scopes on the syntax tree: which names a function, lambda, class, comprehension or the module binds, and
 * whether a name used at a node resolves to one of them or to a builtin. Class scopes are seen only by code written
 * directly in the class body, as Python reads them.
 */

const SCOPE_TYPES = new Set(["module", "function_definition", "lambda", "class_definition", "list_comprehension", "set_comprehension", "dictionary_comprehension", "generator_expression"]);

/** The innermost scope a node stands in (a function's own name stands in the scope around it). */
export function scopeOf(node: Node): Node {
  let child = node;
  for (let parent = node.parent; parent; child = parent, parent = parent.parent) {
    if (!SCOPE_TYPES.has(parent.type)) continue;
    // A def's or class's name, decorators, defaults and base classes belong to the scope around it.
    if ((parent.type === "function_definition" || parent.type === "class_definition") && !isInside(child, parent.childForFieldName("body")) && child.type !== "parameters") continue;
    if (parent.type === "function_definition" && child.type === "parameters" && !isParameterName(node, child)) continue;
    return parent;
  }
  return child;
}

const isInside = (node: Node, container: Node | null) => !!container && node.startIndex >= container.startIndex && node.endIndex <= container.endIndex;

/** A parameter's default value or annotation is read in the scope around the function; its name is the function's. */
function isParameterName(node: Node, parameters: Node): boolean {
  for (let n: Node | null = node; n && n.id !== parameters.id; n = n.parent) {
    const parent = n.parent;
    if (!parent) break;
    if ((parent.type === "default_parameter" || parent.type === "typed_default_parameter") && parent.childForFieldName("name")?.id !== n.id) return false;
    if (parent.type === "type") return false;
  }
  return true;
}

/** The identifiers a target binds: `a`, `a, b`, `(a, [b, *c])`, not the parts of `a.b` or `a[0]`. */
function targetNames(target: Node | null, into: Set<string>): void {
  if (!target) return;
  switch (target.type) {
    case "identifier":
      into.add(target.text);
      return;
    case "pattern_list":
    case "tuple_pattern":
    case "list_pattern":
    case "tuple":
    case "list":
    case "expression_list":
    case "list_splat_pattern":
    case "dictionary_splat_pattern":
    case "parenthesized_expression":
    case "as_pattern_target":
    case "list_splat":
      for (const child of target.namedChildren) targetNames(child, into);
      return;
    default:
  }
}

/**
 * Node types that bind no name at any depth, but through `:=`: a scope's walk does not enter them (most of a file's
 * nodes are in them), unless the file has a `:=` inside one.
 */
const BINDS_NOTHING = new Set(["call", "argument_list", "attribute", "subscript", "binary_operator", "unary_operator", "comparison_operator", "boolean_operator", "not_operator", "string", "concatenated_string", "integer", "float", "identifier", "true", "false", "none", "list", "tuple", "dictionary", "set", "pair", "parenthesized_expression", "conditional_expression", "keyword_argument", "slice", "await", "yield", "print_statement", "exec_statement", "return_statement", "raise_statement", "assert_statement", "delete_statement", "pass_statement", "break_statement", "continue_statement", "comment", "decorator", "expression_list", "list_splat", "dictionary_splat", "chevron", "ellipsis"]);

/** Where the file has `:=` (in code, a string or a comment alike), found once per tree. */
const walruses = new WeakMap<Tree, number[]>();
function walrusIn(node: Node): boolean {
  let at = walruses.get(node.tree);
  if (!at) {
    at = [];
    const text = node.tree.rootNode.text;
    for (let i = text.indexOf(":="); i !== -1; i = text.indexOf(":=", i + 2)) at.push(i);
    walruses.set(node.tree, at);
  }
  // The first `:=` at or after the node's start (a binary search: a file of many stays linear), inside it or not.
  let low = 0;
  let high = at.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (at[middle]! < node.startIndex) low = middle + 1;
    else high = middle;
  }
  return low < at.length && at[low]! < node.endIndex;
}

export type Bindings = Set<string> & { wildcard?: boolean; globals?: Set<string>; caught?: Set<string> };

function parameterNames(parameters: Node | null, into: Set<string>): void {
  if (!parameters) return;
  for (const p of parameters.namedChildren) {
    if (!p) continue;
    if (p.type === "default_parameter" || p.type === "typed_default_parameter") targetNames(p.childForFieldName("name"), into);
    else if (p.type === "typed_parameter") {
      for (const c of p.namedChildren) if (c && c.type !== "type") targetNames(c, into);
    } else targetNames(p, into);
  }
}

/** The names a scope binds itself: walks its statements, not the scopes nested in it (only their names). */
function bindingsOf(scope: Node, cache: Map<number, Bindings>): Bindings {
  const known = cache.get(scope.id);
  if (known) return known;
  const names: Bindings = new Set<string>();
  if (scope.type === "function_definition" || scope.type === "lambda") parameterNames(scope.childForFieldName("parameters"), names);
  // The bindings among `nodes` and their descendants, nested scopes left out.
  const walk = (nodes: ReadonlyArray<Node | null>) => {
    for (const child of nodes) {
      if (!child) continue;
      switch (child.type) {
        case "function_definition":
        case "class_definition":
          targetNames(child.childForFieldName("name"), names);
          continue; // its body is a scope of its own
        case "lambda":
        case "list_comprehension":
        case "set_comprehension":
        case "dictionary_comprehension":
        case "generator_expression":
          continue;
        case "assignment":
        case "augmented_assignment":
          targetNames(child.childForFieldName("left"), names);
          break;
        case "for_statement":
        case "for_in_clause":
          targetNames(child.childForFieldName("left"), names);
          break;
        case "as_pattern":
          targetNames(child.childForFieldName("alias"), names);
          break;
        case "named_expression":
          targetNames(child.childForFieldName("name"), names);
          break;
        case "except_clause": {
          // Python 2's `except E, e:` binds its second value.
          const values = child.childrenForFieldName("value");
          const caught = new Set<string>();
          if (values.length === 2) targetNames(values[1], caught);
          else if (values[0]?.type === "as_pattern") targetNames(values[0].childForFieldName("alias"), caught);
          for (const name of caught) {
            names.add(name);
            (names.caught ??= new Set()).add(name);
          }
          break;
        }
        case "import_statement":
        case "import_from_statement":
        case "future_import_statement":
          importedNames(child, names);
          continue;
        case "global_statement":
          for (const n of child.namedChildren) if (n) (names.globals ??= new Set()).add(n.text);
          continue;
        default:
          if (BINDS_NOTHING.has(child.type) && !walrusIn(child)) continue;
      }
      walk(child.namedChildren);
    }
  };
  // A function's or class's body (its parameters are read above); a lambda's body expression itself; a module's or
  // comprehension's children.
  const bodied = scope.type === "function_definition" || scope.type === "class_definition" || scope.type === "lambda";
  const body = bodied ? scope.childForFieldName("body") : null;
  walk(!bodied ? scope.namedChildren : !body ? [] : scope.type === "lambda" ? [body] : body.namedChildren);
  cache.set(scope.id, names);
  return names;
}

function importedNames(statement: Node, into: Bindings): void {
  if (statement.type === "future_import_statement") return;
  const from = statement.type === "import_from_statement";
  for (const child of statement.namedChildren) {
    if (!child) continue;
    if (child.type === "wildcard_import") into.wildcard = true;
    if (from && child.id === statement.childForFieldName("module_name")?.id) continue;
    if (child.type === "aliased_import") into.add(child.childForFieldName("alias")?.text ?? "");
    else if (child.type === "dotted_name") {
      const parts = child.namedChildren;
      // `import a.b` binds a; `from m import a` binds a.
      const bound = from ? parts[parts.length - 1] : parts[0];
      if (bound) into.add(bound.text);
    }
  }
}

export type Resolution = "builtin" | "bound" | "unknown" | "caught";

/**
 * What the name at `node` refers to: a binding of the file (a parameter, local, comprehension variable, class
 * attribute seen from the class body, import or global), a builtin, or unknown (a `from m import *` could bind it).
 */
export function resolve(node: Node, cache: Map<number, Bindings>, name: string = node.text): Resolution {
  let scope: Node | null = scopeOf(node);
  let first = true;
  let unknown = false;
  let globalOnly = false;
  while (scope) {
    const isClass = scope.type === "class_definition";
    if (!globalOnly && (first || !isClass)) {
      const names = bindingsOf(scope, cache);
      if (names.globals?.has(name)) globalOnly = true;
      else if (names.has(name)) return names.caught?.has(name) ? "caught" : "bound";
      if (names.wildcard) unknown = true;
    } else if (globalOnly && scope.type === "module") {
      const names = bindingsOf(scope, cache);
      if (names.has(name)) return names.caught?.has(name) ? "caught" : "bound";
      if (names.wildcard) unknown = true;
    }
    first = false;
    if (scope.type === "module") break;
    scope = scope.parent ? scopeOf(scope) : null;
  }
  return unknown ? "unknown" : "builtin";
}
