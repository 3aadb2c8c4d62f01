import type { Node } from "web-tree-sitter";
import { asPrimary, namedOf, slice, visitNodes, type Context, type Edit, type Fixer } from "./fixer.js";

/**
 * Fixes of statements and definitions: `raise E, V, T`, `__metaclass__` in a class body, and the special methods
 * Python 3 renamed (`next`, `__nonzero__`).
 */

/** The exception of `raise (E1, E2), V`: Python 2 raised the first class of a tuple. */
function firstOfTuple(node: Node): Node {
  let current = node;
  for (;;) {
    const inner = current.type === "parenthesized_expression" ? namedOf(current)[0] : current;
    if (!inner || inner.type !== "tuple") return current;
    const first = namedOf(inner)[0];
    if (!first) return current;
    current = first;
  }
}

/**
 * `raise E, V` → `raise E(V)`; `raise E, (a, b)` → `raise E(a, b)`; `raise E, V, T` → `raise E(V).with_traceback(T)`.
 * A string exception (`raise "oops", 5`) has no fix.
 */
export const raiseComma: Fixer = (node, context) => {
  if (node.type !== "raise_statement") return undefined;
  const list = namedOf(node)[0];
  if (list?.type !== "expression_list") return undefined;
  const parts = namedOf(list);
  if (parts.length < 2 || parts.length > 3) return undefined;
  const [kind, value, traceback] = parts as [Node, Node, Node | undefined];
  const exception = firstOfTuple(kind);
  if (exception.type === "string" || exception.type === "concatenated_string") return undefined;
  let raised = asPrimary(exception, context);
  if (value.type === "tuple") raised += `(${namedOf(value).map((n) => slice(context, n.startIndex, n.endIndex)).join(", ")})`;
  else if (value.type !== "none") raised += `(${slice(context, value.startIndex, value.endIndex)})`;
  if (traceback) raised += `.with_traceback(${slice(context, traceback.startIndex, traceback.endIndex)})`;
  return [{ start: list.startIndex, end: list.endIndex, text: raised }];
};

/** The statements of a class body directly, and the definitions among them (decorated ones included). */
function classBodyDefinitions(block: Node): Node[] {
  return namedOf(block).map((n) => (n.type === "decorated_definition" ? n.childForFieldName("definition") : n)).filter((n): n is Node => n?.type === "function_definition");
}

/**
 * A method renamed in Python 3 (`next` → `__next__`, `__nonzero__` → `__bool__`): where it is defined directly in a
 * class body with `self` alone, and the class does not define the new name already.
 */
export const renamedMethod = (from: string, to: string): Fixer => (node) => {
  if (node.type !== "function_definition") return undefined;
  const name = node.childForFieldName("name");
  const parameters = node.childForFieldName("parameters");
  if (name?.text !== from || !parameters || namedOf(parameters).length !== 1 || namedOf(parameters)[0]!.type !== "identifier") return undefined;
  const block = node.parent?.type === "decorated_definition" ? node.parent.parent : node.parent;
  if (block?.type !== "block" || block.parent?.type !== "class_definition") return undefined;
  if (classBodyDefinitions(block).some((d) => d.childForFieldName("name")?.text === to)) return undefined;
  return [{ start: name.startIndex, end: name.endIndex, text: to }];
};

/**
 * The compatible form of a renamed method: the Python 3 name, and the Python 2 name kept as an alias right after the
 * method (`next = __next__`), so that both interpreters call it. Not where the class names either already.
 */
export const renamedMethodWithAlias = (from: string, to: string): Fixer => (node, context) => {
  const renamed = renamedMethod(from, to)(node, context);
  if (!renamed) return undefined;
  const definition = node.parent?.type === "decorated_definition" ? node.parent : node;
  const block = definition.parent!;
  // Another definition of the old name in the class (a property, an assignment): the alias would change it.
  if (classBodyDefinitions(block).filter((d) => d.childForFieldName("name")?.text === from).length !== 1) return undefined;
  if (definition.startPosition.row === definition.endPosition.row && definition.startPosition.row === block.parent!.startPosition.row) return undefined;
  const lineEnd = context.text.indexOf("\n", definition.endIndex);
  if (lineEnd === -1 || /\S/.test(context.text.slice(definition.endIndex, lineEnd).replace(/#.*/, ""))) return undefined;
  const indent = " ".repeat(definition.startPosition.column);
  return [...renamed, { start: lineEnd + 1, end: lineEnd + 1, text: `${indent}${from} = ${to}\n` }];
};

/** A class body's `__metaclass__ = M` statement, if `node` is one. */
function metaclassAssignment(node: Node): Node | undefined {
  if (node.type !== "expression_statement") return undefined;
  const assignment = namedOf(node)[0];
  if (assignment?.type !== "assignment" || assignment.childForFieldName("left")?.text !== "__metaclass__") return undefined;
  return assignment.childForFieldName("right") ?? undefined;
}

/** The edit that removes statement `node` from its block: the whole line, its `;` neighbour, or `pass` in its place. */
export function removeStatement(node: Node, onlyStatement: boolean, context: Context): Edit | undefined {
  const text = context.text;
  if (onlyStatement) return { start: node.startIndex, end: node.endIndex, text: "pass" };
  const next = node.nextSibling;
  if (next?.type === ";") {
    let end = next.endIndex;
    while (text[end] === " " || text[end] === "\t") end++;
    return { start: node.startIndex, end, text: "" };
  }
  const lineStart = text.lastIndexOf("\n", node.startIndex - 1) + 1;
  if (text.slice(lineStart, node.startIndex).trim() !== "") return undefined; // after a `;`: left to a person
  const newline = text.indexOf("\n", node.endIndex);
  const lineEnd = newline === -1 ? text.length : newline + 1;
  if (text.slice(node.endIndex, lineEnd).trim() !== "") return undefined; // a comment after it: left to a person
  return { start: lineStart, end: lineEnd, text: "" };
}

/**
 * `class C(B): __metaclass__ = M` → `class C(B, metaclass=M):` (python3) or `class C(six.with_metaclass(M, B)):`
 * (compatible), the assignment removed (`pass` if nothing is left).
 */
export const metaclassFix = (style: "keyword" | "six"): Fixer => (node, context) => {
  if (node.type !== "class_definition") return undefined;
  const block = node.childForFieldName("body");
  if (!block) return undefined;
  const statements = namedOf(block);
  const assignments = statements.filter((s) => metaclassAssignment(s));
  if (!assignments.length) return undefined;
  const superclasses = node.childForFieldName("superclasses");
  const existing = superclasses ? namedOf(superclasses) : [];
  if (existing.some((a) => a.type === "keyword_argument" && a.childForFieldName("name")?.text === "metaclass")) return undefined;
  const value = metaclassAssignment(assignments.at(-1)!)!;
  const keyword = `metaclass=${slice(context, value.startIndex, value.endIndex)}`;
  const edits: Edit[] = [];
  if (style === "six") {
    if (existing.some((a) => a.type !== "identifier" && a.type !== "attribute")) return undefined;
    const meta = slice(context, value.startIndex, value.endIndex);
    const bases = existing.map((a) => slice(context, a.startIndex, a.endIndex));
    const text = `(six.with_metaclass(${[meta, ...bases].join(", ")}))`;
    const name = node.childForFieldName("name")!;
    edits.push(superclasses ? { start: superclasses.startIndex, end: superclasses.endIndex, text } : { start: name.endIndex, end: name.endIndex, text });
    context.requires.push("six");
  } else if (!superclasses) edits.push({ start: node.childForFieldName("name")!.endIndex, end: node.childForFieldName("name")!.endIndex, text: `(${keyword})` });
  else if (!existing.length) edits.push({ start: superclasses.endIndex - 1, end: superclasses.endIndex - 1, text: keyword });
  else edits.push({ start: existing.at(-1)!.endIndex, end: existing.at(-1)!.endIndex, text: `, ${keyword}` });
  const onlyThese = statements.length === assignments.length;
  for (const [i, statement] of assignments.entries()) {
    const removal = removeStatement(statement, onlyThese && i === assignments.length - 1, context);
    if (!removal) return undefined;
    edits.push(removal);
  }
  return edits;
};

export const metaclass = metaclassFix("keyword");

/**
 * `def f(a, (b, c)):` → `def f(a, xxx_todo_changeme):` with `(b, c) = xxx_todo_changeme` first in the body (after its
 * docstring), as 2to3 writes it; runs on Python 2.7 as well. A lambda's tuple parameters are left to a person.
 */
export const tupleParameters: Fixer = (node, context) => {
  if (node.type !== "function_definition") return undefined;
  const tuples = namedOf(node.childForFieldName("parameters") ?? node).filter((p) => p.type === "tuple_pattern");
  const body = node.childForFieldName("body");
  if (!tuples.length || !body || node.parent?.type === "ERROR") return undefined;
  const statements = namedOf(body);
  const docstring = statements[0]?.type === "expression_statement" && statements[0].namedChildren[0]?.type === "string" && statements.length > 1;
  const first = statements[docstring ? 1 : 0];
  if (!first) return undefined;
  const names = tuples.map((_, i) => `xxx_todo_changeme${i ? i : ""}`);
  const unpack = tuples.map((t, i) => `${slice(context, t.startIndex, t.endIndex)} = ${names[i]}`);
  // On the def's line (`def f((a, b)): x = 1`) the unpacking goes before the first statement, `;`-separated.
  const oneLine = first.startPosition.row === node.startPosition.row;
  const indent = " ".repeat(first.startPosition.column);
  return [
    ...tuples.map((t, i) => ({ start: t.startIndex, end: t.endIndex, text: names[i]! })),
    { start: first.startIndex, end: first.startIndex, text: oneLine ? `${unpack.join("; ")}; ` : unpack.map((u) => `${u}\n${indent}`).join("") },
  ];
};

/** A parenthesised pattern without a comma is its content: `((x))` is `x`, `((a, b))` is `(a, b)`. */
function unwrapPattern(node: Node): Node {
  let current = node;
  while (current.type === "tuple_pattern" && !current.children.some((c) => c?.type === ",") && namedOf(current).length === 1) current = namedOf(current)[0]!;
  return current;
}

/** The names a tuple pattern binds with the subscripts that reach each (`(x, (y, z))`: x [0], y [1][0], z [1][1]), or
 * nothing when it holds anything but names and tuples. */
function patternLeaves(node: Node, path: string, out: Map<string, string>): boolean {
  const pattern = unwrapPattern(node);
  if (pattern.type === "identifier") {
    if (out.has(pattern.text)) return false;
    out.set(pattern.text, path);
    return true;
  }
  if (pattern.type !== "tuple_pattern") return false;
  return namedOf(pattern).every((child, i) => patternLeaves(child, `${path}[${i}]`, out));
}

/**
 * `lambda (x, (y, z)): x + z` → `lambda x_y_z: x_y_z[0] + x_y_z[1][1]`, and `lambda (x): x` → `lambda x: x`, as 2to3
 * writes them: where the lambda's one parameter is a tuple and its body binds none of the names again.
 */
export const lambdaTupleParameter: Fixer = (node, context) => {
  if (node.type !== "lambda") return undefined;
  const params = node.childForFieldName("parameters");
  const body = node.childForFieldName("body");
  const only = params ? namedOf(params) : [];
  if (!body || only.length !== 1 || only[0]!.type !== "tuple_pattern") return undefined;
  const pattern = unwrapPattern(only[0]!);
  // `lambda(x): x` has no space before its parameters: the new name needs one.
  const space = /\s/.test(context.text[params!.startIndex - 1] ?? "") ? "" : " ";
  if (pattern.type === "identifier") return [{ start: params!.startIndex, end: params!.endIndex, text: `${space}${pattern.text}` }];
  const leaves = new Map<string, string>();
  if (!patternLeaves(pattern, "", leaves)) return undefined;
  const name = leaves.size === 1 ? `${[...leaves.keys()][0]}1` : [...leaves.keys()].join("_");
  const edits: Edit[] = [{ start: params!.startIndex, end: params!.endIndex, text: `${space}${name}` }];
  let rebinds = false;
  visitNodes(body, (cursor) => {
    const type = cursor.nodeType;
    if (type === "lambda" || type.endsWith("comprehension") || type === "generator_expression" || type === "named_expression") rebinds = true;
    if (type !== "identifier" || !leaves.has(cursor.nodeText)) return;
    const use = cursor.currentNode;
    const parent = use.parent;
    if (parent?.type === "attribute" && parent.childForFieldName("attribute")?.id === use.id) return;
    if (parent?.type === "keyword_argument" && parent.childForFieldName("name")?.id === use.id) return;
    edits.push({ start: use.startIndex, end: use.endIndex, text: `${name}${leaves.get(use.text)}` });
  });
  return rebinds ? undefined : edits;
};
