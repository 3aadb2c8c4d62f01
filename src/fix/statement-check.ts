import type { Node, Tree } from "web-tree-sitter";
import { parsePython } from "../analysis/python/tree/parser.js";
import type { Edit } from "./fixer.js";

/**
 * Whether `edits` leave a file that parsed without an error parsing without one, decided on the statements they touch
 * alone: a run of whole statements replaced by text that parses as statements at the same place keeps the file
 * parsing. The edited runs are parsed apart from the file (inside `if 1:` where indented), which costs the size of the
 * runs rather than an incremental reparse of the file, which tree-sitter's Python grammar makes nearly a full parse
 * when edits are spread through a file. `false` means "not shown this way" (an edit between two statements on one line,
 * a file that did not parse cleanly): the caller reparses the file to know.
 */
export function editedStatementsParse(tree: Tree, text: string, edits: readonly Edit[]): boolean {
  const root = tree.rootNode;
  if (root.hasError || !edits.length) return false;
  const owned: Array<{ edit: Edit; span: Span }> = [];
  for (const edit of edits) {
    const span = insertedStatements(root, text, edit) ?? statementsAround(root, text, edit);
    if (!span) return false;
    owned.push({ edit, span });
  }
  // Runs that overlap are statements nested in one another (or the same one): the outer one is checked, once.
  const blocks: Span[] = [];
  const inserts = new Map<number, Span>();
  for (const { span } of owned.sort((a, b) => a.span.start - b.span.start || b.span.end - a.span.end)) {
    const last = blocks[blocks.length - 1];
    if (span.alone) inserts.set(span.start, inserts.get(span.start) ?? { ...span });
    else if (last && span.start < last.end) last.end = Math.max(last.end, span.end);
    else blocks.push({ ...span });
  }
  const editsOf = new Map<Span, Edit[]>([...blocks, ...inserts.values()].map((run) => [run, []]));
  let block = 0; // the owned spans come in order of their starts: each one's block is this one or a later one
  for (const { edit, span } of owned) {
    if (span.alone) {
      editsOf.get(inserts.get(span.start)!)!.push(edit);
      continue;
    }
    while (blocks[block]!.end < span.end) block++;
    editsOf.get(blocks[block]!)!.push(edit);
  }
  const runs = [...editsOf.keys()];
  // The runs parsed together, each where a statement of the module may start: one parse rather than one per run. A
  // run that would not end where it should (an unclosed bracket or string running on) shows as a top-level node that
  // crosses into the next run.
  let together = "";
  const starts: number[] = [];
  for (const run of runs) {
    let edited = "";
    let at = run.start;
    for (const edit of editsOf.get(run)!.sort((a, b) => a.start - b.start || a.end - b.end)) {
      edited += text.slice(at, edit.start) + edit.text;
      at = edit.end;
    }
    const statements = asStatements(edited + (run.alone ? "" : text.slice(at, run.end)));
    if (statements === undefined) return false;
    if (!statements) continue;
    starts.push(together.length);
    together += statements;
  }
  return parsesApart(together, starts);
}

/** A run of whole lines `text.slice(start, end)` (the last one's newline included); `alone`: only the text inserted at
 * `start` is checked (new statements put between statements). */
interface Span {
  start: number;
  end: number;
  alone: boolean;
}

/** New lines put at the start of a line between statements (or at the end of a file that ends with a newline): the
 * imports step, a method's alias after it. */
function insertedStatements(root: Node, text: string, edit: Edit): Span | undefined {
  if (edit.start !== edit.end || !edit.text.endsWith("\n") || !(edit.start === 0 || text[edit.start - 1] === "\n")) return undefined;
  if (edit.start < text.length) {
    // A line between statements: of the module's own (blank, or a top-level statement or comment starting there) or
    // a blank line between two statements of a block, not a line inside a statement (a bracket's or a string's).
    const node = root.descendantForIndex(edit.start, edit.start);
    let statement: Node | null = node;
    while (statement && statement.parent && statement.parent.type !== "module") statement = statement.parent;
    const between = node?.type === "module" || node?.type === "block" || (statement?.parent?.type === "module" && statement.startIndex === edit.start);
    if (!between) return undefined;
  }
  return { start: edit.start, end: edit.start, alone: true };
}

/** How far up from an edit's node its statement is looked for. */
const MAX_CLIMB = 64;

/** The whole lines of the smallest statement that holds the edit and has its lines to itself. */
function statementsAround(root: Node, text: string, edit: Edit): Span | undefined {
  let node: Node | null = root.descendantForIndex(edit.start, edit.end);
  // Bounded: an edit deep in nested brackets is left to the reparse rather than climbed out of, edit after edit.
  for (let depth = 0; node && node.parent; node = node.parent) {
    if (++depth > MAX_CLIMB) return undefined;
    const parent = node.parent.type;
    if ((parent === "module" || parent === "block") && startsLine(text, node.startIndex) && endsLine(text, node.endIndex)) break;
  }
  if (!node || !node.parent) return undefined; // the whole module: the caller reparses
  const start = text.lastIndexOf("\n", node.startIndex - 1) + 1;
  const newline = text.indexOf("\n", node.endIndex);
  const end = newline === -1 ? text.length : newline + 1;
  return edit.start >= start && edit.end <= end ? { start, end, alone: false } : undefined;
}

/** Only spaces and tabs before `at` on its line, and the line before does not continue onto it with a backslash. */
function startsLine(text: string, at: number): boolean {
  let i = at - 1;
  while (i >= 0 && (text[i] === " " || text[i] === "\t" || text[i] === "\f")) i--;
  if (i >= 0 && text[i] !== "\n") return false;
  return !(i >= 1 && (text[i - 1] === "\\" || (text[i - 1] === "\r" && text[i - 2] === "\\")));
}

/** Only spaces, tabs and a comment after `at` on its line. */
const LINE_REST = /[ \t\f\r]*(?:#[^\n]*)?(?:\n|$)/y;
function endsLine(text: string, at: number): boolean {
  LINE_REST.lastIndex = at;
  return LINE_REST.test(text);
}

/** `lines` (whole lines, indented as in the file) as statements of a module of their own: inside `if 1:` when indented;
 * nothing when the last line would continue onto whatever follows. */
function asStatements(lines: string): string | undefined {
  if (!lines) return "";
  const body = lines.endsWith("\n") ? lines : `${lines}\n`;
  if (/\\\r?\n$/.test(body)) return undefined;
  return lines[0] === " " || lines[0] === "\t" || lines[0] === "\f" ? `if 1:\n${body}` : body;
}

/** Whether `text` parses without an error, with no top-level node running from one of its parts (`starts`) into the next. */
function parsesApart(text: string, starts: readonly number[]): boolean {
  if (!text) return true;
  const tree = parsePython(text);
  if (!tree) return false;
  try {
    if (tree.rootNode.hasError) return false;
    let part = 0;
    for (const child of tree.rootNode.children) {
      if (!child) continue;
      while (part + 1 < starts.length && starts[part + 1]! <= child.startIndex) part++;
      if (child.endIndex > (starts[part + 1] ?? text.length)) return false;
    }
    return true;
  } finally {
    tree.delete();
  }
}
