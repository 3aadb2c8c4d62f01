import type { Node } from "web-tree-sitter";
import { asPrimary, namedOf, slice, type Context, type Edit, type Fixer } from "./fixer.js";

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

/** A class body's `__metaclass__ = M` statement, if `node` is one. */
function metaclassAssignment(node: Node): Node | undefined {
  if (node.type !== "expression_statement") return undefined;
  const assignment = namedOf(node)[0];
  if (assignment?.type !== "assignment" || assignment.childForFieldName("left")?.text !== "__metaclass__") return undefined;
  return assignment.childForFieldName("right") ?? undefined;
}

/** The edit that removes statement `node` from its block: the whole line, its `;` neighbour, or `pass` in its place. */
function removeStatement(node: Node, onlyStatement: boolean, context: Context): Edit | undefined {
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
