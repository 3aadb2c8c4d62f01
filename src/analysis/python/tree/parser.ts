import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { Language, Parser, type Tree } from "web-tree-sitter";

/**
 * tree-sitter's Python grammar, in WebAssembly: it reads Python 2 and Python 3 alike (print and exec statements,
 * backticks, `<>`, `except E, e`, tuple parameters, `0777`, `10L`), with positions. Loaded once per process (and per
 * worker thread) when this module is first imported; parsing is synchronous after that.
 */

/** Where a `.wasm` file is: beside this module once bundled (the Action's dist/, the CLI's lib/cli), else in node_modules. */
function wasmBytes(file: string, packagePath: string): Uint8Array {
  const beside = fileURLToPath(new URL(`./${file}`, import.meta.url));
  try {
    return readFileSync(beside);
  } catch {
    return readFileSync(createRequire(import.meta.url).resolve(packagePath));
  }
}

/**
 * `WebAssembly.instantiate`, compiling on this thread. The asynchronous compile hands the work to V8's background
 * threads, which the process shares: while another thread parses and the JIT compiles, a fixing thread that had
 * nothing else to do waited a quarter of a second for its parser. web-tree-sitter calls it for the language, and
 * takes a compiled instance for its own module through Emscripten's `instantiateWasm`.
 */
function instantiateHere(bytes: Uint8Array, imports: object): { module: object; instance: { exports: object } } {
  const module = new wasm.Module(bytes);
  return { module, instance: new wasm.Instance(module, imports) };
}

/** The WebAssembly global, as far as loading uses it (the project's TypeScript libraries do not declare it). */
interface WebAssemblyApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: object };
  instantiate: (bytes: Uint8Array, imports: object) => Promise<unknown>;
}
const wasm = (globalThis as unknown as { WebAssembly: WebAssemblyApi }).WebAssembly;

async function load(): Promise<Parser> {
  const runtime = wasmBytes("tree-sitter.wasm", "web-tree-sitter/tree-sitter.wasm");
  await Parser.init({
    instantiateWasm(imports: object, receive: (instance: object, module: object) => void) {
      const { module, instance } = instantiateHere(runtime, imports);
      receive(instance, module);
      return instance.exports;
    },
  } as object);
  const instantiate = wasm.instantiate;
  let python: Language;
  try {
    // Only this module loads WebAssembly, and only here: the global is put back before anything else can run.
    wasm.instantiate = async (bytes, imports) => instantiateHere(bytes, imports);
    python = await Language.load(wasmBytes("tree-sitter-python.wasm", "tree-sitter-python/tree-sitter-python.wasm"));
  } finally {
    wasm.instantiate = instantiate;
  }
  const parser = new Parser();
  parser.setLanguage(python);
  return parser;
}

const parser = await load();

/** Files larger than this are judged by their lines alone: parsing is linear, but the tree's memory is not small. */
export const MAX_PARSED_BYTES = 2 * 1024 * 1024;

/** The syntax tree of a Python file, or undefined past the bound. The caller deletes it (its memory is WebAssembly's). */
export function parsePython(text: string): Tree | undefined {
  if (text.length > MAX_PARSED_BYTES) return undefined;
  return parser.parse(chunksOf(text)) ?? undefined;
}

/**
 * The text handed to the parser a few KB at a time. Given a string, web-tree-sitter copies up to 10 KB into its memory
 * each time the lexer moves, and an incremental parse moves it at every subtree it keeps: smaller pieces make a
 * reparse about a quarter cheaper and a full parse no dearer (measured on Python 2.7's standard library).
 */
const CHUNK = 4096;
const chunksOf = (text: string) => (index: number) => text.slice(index, index + CHUNK);

/** A replacement of `text.slice(start, end)`, in the UTF-16 offsets the tree uses. */
export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

/**
 * The tree of `text` with `edits` applied, parsed incrementally from `previous` (the tree of `text`): tree-sitter keeps
 * the subtrees no edit touched, so checking a fix costs a fraction of a full parse. `edits` must not overlap. The
 * caller deletes the result; `previous` is left as it was.
 */
export function reparsePython(previous: Tree, text: string, edits: readonly TextEdit[], edited: string): Tree | undefined {
  if (edited.length > MAX_PARSED_BYTES) return undefined;
  const lineStarts = [0];
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) lineStarts.push(i + 1);
  const point = (offset: number) => {
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (lineStarts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    return { row: low, column: offset - lineStarts[low]! };
  };
  const copy = previous.copy();
  try {
    // From the last edit to the first: an edit's offsets in `text` are still its offsets in the tree being edited.
    for (const edit of [...edits].sort((a, b) => b.start - a.start || b.end - a.end)) {
      const startPosition = point(edit.start);
      const newline = edit.text.lastIndexOf("\n");
      const rows = newline === -1 ? 0 : edit.text.split("\n").length - 1;
      copy.edit({
        startIndex: edit.start,
        oldEndIndex: edit.end,
        newEndIndex: edit.start + edit.text.length,
        startPosition,
        oldEndPosition: point(edit.end),
        newEndPosition: { row: startPosition.row + rows, column: newline === -1 ? startPosition.column + edit.text.length : edit.text.length - newline - 1 },
      });
    }
    return parser.parse(chunksOf(edited), copy) ?? undefined;
  } finally {
    copy.delete();
  }
}
