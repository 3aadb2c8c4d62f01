import type { Node, Tree } from "web-tree-sitter";
import type { Edit } from "./fixer.js";
import { PYTHON2_STDLIB } from "./python2-stdlib.js";

/**
 * The imports a fix needs, added once where Python wants them: `__future__` features right after the module's
 * docstring (merged into an existing `from __future__ import` line), `import six` and `from six.moves import range`
 * after the `__future__` imports. A requirement is written `__future__:print_function`, `six`,
 * `six.moves:range` or `import:sys` (a standard module).
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
  const addsSix = [...requires].some((r) => r === "six" || r.startsWith("six.moves:") || r.startsWith("from:six"));
  if (addsSix && !features.has("absolute_import") && !wantedFutures.includes("absolute_import") && importsAreAbsolute(tree.rootNode)) wantedFutures.push("absolute_import");
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
  // Where new lines go: after the docstring and the __future__ imports (comments and the shebang stay above).
  const docstring = top[0]?.type === "expression_statement" && top[0].namedChildren[0]?.type === "string" ? top[0] : undefined;
  const after = futures.at(-1) ?? docstring;
  const position = after ? lineEndAfter(text, after.endIndex) : firstCodeLine(text, top[0]);
  if (wantedFutures.length) {
    const last = futures.at(-1);
    if (last) {
      const close = last.children.at(-1)?.type === ")" ? last.children.at(-1)! : undefined;
      const at = close ? close.startIndex : last.endIndex;
      edits.push({ start: at, end: at, text: `, ${wantedFutures.join(", ")}` });
    } else lines.unshift(`from __future__ import ${wantedFutures.join(", ")}`);
  }
  if (lines.length) edits.push({ start: position, end: position, text: `${position === text.length && text && !text.endsWith("\n") ? "\n" : ""}${lines.join("\n")}\n` });
  return edits;
}

const ABSOLUTE_ANYWAY = new Set(["six", "__future__"]);

/** Whether every import in the file (at any depth) is relative or names a standard module, six or __future__. */
function importsAreAbsolute(root: Node): boolean {
  for (const statement of root.descendantsOfType(["import_statement", "import_from_statement"])) {
    if (!statement) continue;
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
