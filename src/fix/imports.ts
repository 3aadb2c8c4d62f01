import type { Node, Tree } from "web-tree-sitter";
import { tokenAt, type Edit } from "./fixer.js";
import { PYTHON2_STDLIB } from "./python2-stdlib.js";
import { resolve } from "../analysis/python/tree/scopes.js";

/** A fix that writes an import of six itself (not through this step): absolute_import comes with it all the same. */
export const USES_SIX = "uses:six";

/**
 * The imports a fix needs, added once where Python wants them: `__future__` features right after the module's
 * docstring (merged into an existing `from __future__ import` line), the others (`import six`, `from six.moves import
 * range`) after the file's first run of imports. A requirement is written `__future__:print_function`, `six`,
 * `six.moves:range`, `from:six:unichr`, `import:sys` (a standard module) or USES_SIX.
 */
export function importEdits(tree: Tree, text: string, requires: ReadonlySet<string>): Edit[] {
  if (!requires.size) return [];
  const top = tree.rootNode.namedChildren.filter((n): n is Node => n !== null);
  const futures = top.filter((n) => n.type === "future_import_statement");
  const features = new Set(futures.flatMap((f) => f.namedChildren.filter((c) => c?.type === "dotted_name").map((c) => c!.text)));
  const hasSix = top.some((n) => n.type === "import_statement" && n.namedChildren.some((c) => c?.type === "dotted_name" && c.text === "six"));
  const moved = new Set(
    top
      .filter((n) => n.type === "import_from_statement" && n.childForFieldName("module_name")?.text === "six.moves")
      .flatMap((n) => n.namedChildren.filter((c) => c?.type === "dotted_name" && c.id !== n.childForFieldName("module_name")?.id).map((c) => c!.text)),
  );
  const wantedFutures = [...requires].filter((r) => r.startsWith("__future__:")).map((r) => r.slice(11)).filter((f) => !features.has(f));
  // As python-modernize does, six comes with absolute imports, so that a module named six beside the file is not it:
  // only where every import of the file names the standard library, six or __future__, since under absolute_import
  // an implicit relative import of a sibling module would break on Python 2.
  const addsSix = [...requires].some((r) => r === "six" || r === USES_SIX || r.startsWith("six.moves:") || r.startsWith("from:six"));
  if (addsSix && !features.has("absolute_import") && !wantedFutures.includes("absolute_import") && importsAreAbsolute(tree.rootNode, text)) wantedFutures.push("absolute_import");
  wantedFutures.sort();
  const lines: string[] = [];
  // Standard modules a fix names (`import:sys`), each imported once unless the file imports it already.
  const imported = new Set(top.filter((n) => n.type === "import_statement").flatMap((n) => n.namedChildren.filter((c) => c?.type === "dotted_name").map((c) => c!.text)));
  for (const module of [...requires].filter((r) => r.startsWith("import:")).map((r) => r.slice(7)).sort()) if (!imported.has(module)) lines.push(`import ${module}`);
  // A name from a standard module (`from:functools:reduce`), unless the file imports it from there already.
  const fromImported = (module: string, name: string) => top.some((n) => n.type === "import_from_statement" && n.childForFieldName("module_name")?.text === module && n.namedChildren.some((c) => c?.type === "dotted_name" && c.text === name && c.id !== n.childForFieldName("module_name")?.id));
  for (const [, module, name] of [...requires].sort().map((r) => /^from:([\w.]+):(\w+)$/.exec(r)).filter((m): m is RegExpExecArray => m !== null)) if (!fromImported(module!, name!)) lines.push(`from ${module} import ${name}`);
  if (requires.has("six") && !hasSix) lines.push("import six");
  const wantedMoves = [...requires].filter((r) => r.startsWith("six.moves:")).map((r) => r.slice(10)).filter((m) => !moved.has(m)).sort();
  if (wantedMoves.length) lines.push(`from six.moves import ${wantedMoves.join(", ")}`);

  const edits: Edit[] = [];
  // __future__ features right after the docstring (Python wants them first); other imports after the file's first
  // run of imports, as lib2to3's touch_import and python-modernize place them, or there when the file has none.
  const opening = top.find((n) => n.type !== "comment"); // the shebang and the coding line are comments
  const docstring = opening?.type === "expression_statement" && opening.namedChildren[0]?.type === "string" ? opening : undefined;
  const head = futures.at(-1) ?? docstring;
  const headPosition = head ? lineEndAfter(text, head.endIndex) : firstCodeLine(text, top[0]);
  // The first run of imports counts only where nothing but the docstring, __future__ imports and comments come first:
  // an import placed after code would come too late for that code.
  const found = top.findIndex((n) => n.type === "import_statement" || n.type === "import_from_statement");
  const firstImport = found !== -1 && top.slice(0, found).every((n) => n === docstring || n.type === "future_import_statement" || n.type === "comment") ? found : -1;
  let lastImport = firstImport;
  while (firstImport !== -1 && ["import_statement", "import_from_statement", "future_import_statement"].includes(top[lastImport + 1]?.type ?? "")) lastImport++;
  const position = firstImport !== -1 ? lineEndAfter(text, top[lastImport]!.endIndex) : headPosition;
  const insert = (at: number, added: string[]) => edits.push({ start: at, end: at, text: `${at === text.length && text && !text.endsWith("\n") ? "\n" : ""}${added.join("\n")}\n` });
  if (wantedFutures.length) {
    const last = futures.at(-1);
    if (last) {
      const close = last.children.at(-1)?.type === ")" ? last.children.at(-1)! : undefined;
      const at = close ? close.startIndex : last.endIndex;
      edits.push({ start: at, end: at, text: `, ${wantedFutures.join(", ")}` });
    } else if (position === headPosition) lines.unshift(`from __future__ import ${wantedFutures.join(", ")}`);
    else insert(headPosition, [`from __future__ import ${wantedFutures.join(", ")}`]);
  }
  if (lines.length) insert(position, lines);
  // Once six's range or input is imported, the file's own calls of them keep Python 2's meaning.
  for (const name of wantedMoves) if (name in KEEP_PYTHON2) edits.push(...keepPython2Calls(tree.rootNode, text, name, KEEP_PYTHON2[name]!));
  return edits;
}

const ABSOLUTE_ANYWAY = new Set(["six", "__future__"]);

/** How a call of a builtin keeps Python 2's meaning once six.moves' version is imported: `list(range(3))`, `eval(input())`. */
const KEEP_PYTHON2: Record<string, { wrap: string; unlessConsumed: boolean }> = {
  range: { wrap: "list", unlessConsumed: true },
  map: { wrap: "list", unlessConsumed: true },
  zip: { wrap: "list", unlessConsumed: true },
  filter: { wrap: "list", unlessConsumed: true },
  input: { wrap: "eval", unlessConsumed: false },
};
/** Calls whose argument is only iterated: a lazy range there does what the list did (lib2to3's consuming calls, and len). */
const CONSUMING = new Set(["list", "tuple", "set", "frozenset", "sorted", "any", "all", "sum", "min", "max", "enumerate", "iter", "len", "reversed"]);

/** Edits that wrap each call of the builtin `name` in `wrap(...)`, except where it is only iterated (for range). */
function keepPython2Calls(root: Node, text: string, name: string, how: { wrap: string; unlessConsumed: boolean }): Edit[] {
  const edits: Edit[] = [];
  const bindings = new Map();
  // The calls found from the name in the text, as the fixes find their constructs.
  for (const match of text.matchAll(new RegExp(`\\b${name}\\b`, "g"))) {
    const callee = tokenAt(root, match.index, match.index + name.length);
    const call = callee?.parent;
    if (!callee || callee.type !== "identifier" || call?.type !== "call" || call.childForFieldName("function")?.id !== callee.id || resolve(callee, bindings) !== "builtin") continue;
    if (how.unlessConsumed && consumed(call)) continue;
    edits.push({ start: call.startIndex, end: call.startIndex, text: `${how.wrap}(` }, { start: call.endIndex, end: call.endIndex, text: ")" });
  }
  return edits;
}

/** Whether a call's value is only iterated: a for loop's or comprehension's iterable, a consuming call's only argument, `in`'s right side. */
function consumed(call: Node): boolean {
  let node = call;
  while (node.parent?.type === "parenthesized_expression") node = node.parent;
  const parent = node.parent;
  if (!parent) return false;
  if ((parent.type === "for_statement" || parent.type === "for_in_clause") && parent.childForFieldName("right")?.id === node.id) return true;
  if (parent.type === "comparison_operator" && parent.children.some((c) => c?.type === "in" || c?.type === "not in") && parent.namedChildren.at(-1)?.id === node.id) return true;
  if (parent.type === "argument_list" && parent.namedChildren.length === 1) {
    const outer = parent.parent;
    const callee = outer?.type === "call" ? outer.childForFieldName("function") : null;
    if (callee?.type === "identifier" && CONSUMING.has(callee.text)) return true;
    if (callee?.type === "attribute" && callee.childForFieldName("attribute")?.text === "join") return true;
  }
  return false;
}

/** Whether every import in the file (at any depth) is relative or names a standard module, six or __future__. */
function importsAreAbsolute(root: Node, text: string): boolean {
  // Found from the text's `import` and `from` words (a walk of the whole tree costs more than the rest of the step).
  const seen = new Set<number>();
  for (const match of text.matchAll(/\b(?:import|from)\b/g)) {
    const statement = tokenAt(root, match.index, match.index + match[0].length)?.parent;
    if (!statement || (statement.type !== "import_statement" && statement.type !== "import_from_statement") || seen.has(statement.id)) continue;
    seen.add(statement.id);
    const names = statement.type === "import_statement" ? statement.namedChildren.map((c) => (c?.type === "aliased_import" ? c.childForFieldName("name") : c)) : [statement.childForFieldName("module_name")];
    for (const name of names) {
      if (!name || name.type === "relative_import") continue;
      const top = name.text.split(".")[0];
      if (!PYTHON2_STDLIB.has(top) && !ABSOLUTE_ANYWAY.has(top)) return false;
    }
  }
  return true;
}

/** The offset just past the line on which `index` lies (its newline included). */
function lineEndAfter(text: string, index: number): number {
  const newline = text.indexOf("\n", index);
  return newline === -1 ? text.length : newline + 1;
}

/** The start of the first statement's line (comments, the shebang and the encoding line stay above the imports). */
function firstCodeLine(text: string, first: Node | undefined): number {
  if (!first) return text.length;
  return text.lastIndexOf("\n", first.startIndex - 1) + 1;
}
