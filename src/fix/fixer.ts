import type { Node, Tree, TreeCursor } from "web-tree-sitter";
import { resolve, type Bindings } from "../analysis/python/tree/scopes.js";

/** One replacement in a file's text. */
export interface Edit {
  /** UTF-16 offsets in the text, as the tree gives them. */
  start: number;
  end: number;
  text: string;
}

/** The edits that fix one construct: made together or not at all. */
export interface Fix {
  rule: string;
  /** 1-based line where the fixed construct starts. */
  line: number;
  edits: Edit[];
  /** The imports the fix needs (see Context.requires). */
  requires?: string[];
}

/** What a fixer may read besides its node: the file's text and the scopes computed so far. */
export interface Context {
  text: string;
  bindings: Map<number, Bindings>;
  printFunction: boolean;
  /** Imports the fixes found so far need (`six`, `six.moves:range`, `__future__:print_function`): a fixer adds. */
  requires: string[];
}

/** A rule's fix for the construct at `node`, or nothing when the node is not that construct (or has no safe fix). */
export type Fixer = (node: Node, context: Context) => Edit[] | undefined;

export const slice = (context: Context, from: number, to: number) => context.text.slice(from, to);

/** The named children of a node, comments and backslash continuations left out. */
export const namedOf = (node: Node) => node.namedChildren.filter((c): c is Node => c !== null && c.type !== "comment" && c.type !== "line_continuation");

/** Node types that can be called or have an attribute read without parentheses around them. */
export const PRIMARY = new Set(["identifier", "attribute", "call", "subscript", "parenthesized_expression", "string", "concatenated_string", "list", "dictionary", "set", "tuple", "integer", "float", "true", "false", "none", "list_comprehension", "dictionary_comprehension", "set_comprehension", "generator_expression"]);

/** The text of an expression, in parentheses when it could not be called or have an attribute read as it is. */
export const asPrimary = (node: Node, context: Context) => {
  const text = slice(context, node.startIndex, node.endIndex);
  return PRIMARY.has(node.type) && !(node.type === "generator_expression" && !text.startsWith("(")) ? text : `(${text})`;
};

/** Every node of a tree (or under a node) in order, seen through a cursor (making each node costs more than reading it). */
export function visitNodes(root: Tree | Node, visit: (cursor: TreeCursor) => void): void {
  const cursor = root.walk();
  try {
    for (;;) {
      visit(cursor);
      if (cursor.gotoFirstChild()) continue;
      while (!cursor.gotoNextSibling()) if (!cursor.gotoParent()) return;
    }
  } finally {
    cursor.delete();
  }
}

/** How badly a tree fails to parse: its error and missing nodes (0 for a file that parses). Only subtrees that hold
 * an error are entered (most of a file that fails to parse somewhere parses). */
export function errorCount(tree: Tree): number {
  let count = 0;
  const visit = (node: Node) => {
    if (node.type === "ERROR" || node.isMissing) count++;
    for (const child of node.children) if (child && (child.hasError || child.isMissing)) visit(child);
  };
  if (tree.rootNode.hasError) visit(tree.rootNode);
  return count;
}

/**
 * Whether an identifier is a use of the builtin of its name: not an attribute (`x.long`), a keyword argument's name,
 * a definition, an import or a parameter, and not a name the file binds.
 */
export function isBuiltinUse(node: Node, context: Context): boolean {
  const parent = node.parent;
  if (node.type !== "identifier" || !parent) return false;
  if (parent.type === "attribute" && parent.childForFieldName("attribute")?.id === node.id) return false;
  if (parent.type === "keyword_argument" && parent.childForFieldName("name")?.id === node.id) return false;
  if (["function_definition", "class_definition", "dotted_name", "aliased_import", "parameters", "default_parameter", "typed_parameter"].includes(parent.type)) return false;
  return resolve(node, context.bindings) === "builtin";
}

/** The node that spans exactly `start`..`end` (the smallest one), or nothing when the text there is part of a longer
 * token (a longer name, a string, a comment). */
export function tokenAt(root: Node, start: number, end: number): Node | undefined {
  const node = root.descendantForIndex(start, end);
  return node && node.startIndex === start && node.endIndex === end ? node : undefined;
}

/**
 * The identifiers called `name`, in the order of the text, found by searching the text and asking the tree about each
 * hit: far cheaper than visiting every node, since crossing into the parser's memory costs more than a search.
 */
export function identifiersNamed(root: Node, text: string, name: string): Node[] {
  const found: Node[] = [];
  for (const match of text.matchAll(new RegExp(`\\b${name.replace(/\W/g, "")}\\b`, "g"))) {
    const node = tokenAt(root, match.index, match.index + match[0].length);
    if (node?.type === "identifier") found.push(node);
  }
  return found;
}

/**
 * The body of a Python 2 `ur'...'` literal written for a plain (not raw) string of the same value. Python 2 reads
 * `\uXXXX` and `\UXXXXXXXX` after an odd run of backslashes as escapes even in a raw unicode literal; every other
 * backslash is itself. `hasEscape` says whether any such escape was there (else `r'...'` keeps the value as it is).
 */
export function rawUnicodeBody(content: string, quote: string): { body: string; hasEscape: boolean } {
  let body = "";
  let hasEscape = false;
  for (let i = 0; i < content.length; ) {
    if (content[i] !== "\\") {
      body += content[i++];
      continue;
    }
    let run = 0;
    while (content[i + run] === "\\") run++;
    const next = content[i + run] ?? "";
    const escape = run % 2 === 1 ? (next === "u" ? /^u[0-9a-fA-F]{4}/ : next === "U" ? /^U[0-9a-fA-F]{8}/ : undefined)?.exec(content.slice(i + run)) : undefined;
    if (escape) {
      body += "\\\\".repeat(run - 1) + "\\" + escape[0];
      hasEscape = true;
      i += run + escape[0].length;
    } else if (run % 2 === 1 && next === quote[0]) {
      body += "\\\\".repeat(run) + "\\" + next; // an escaped quote: the backslashes are text, the quote stays in
      i += run + 1;
    } else {
      body += "\\\\".repeat(run);
      i += run;
    }
  }
  return { body, hasEscape };
}

/** Whether the module imports `name` from `module` at its top (`from six.moves import range`). */
export function importsFrom(root: Node, module: string, name: string): boolean {
  return namedOf(root).some((n) => n.type === "import_from_statement" && n.childForFieldName("module_name")?.text === module && namedOf(n).some((c) => c.type === "dotted_name" && c.text === name && c.id !== n.childForFieldName("module_name")?.id));
}
