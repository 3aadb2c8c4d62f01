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

async function load(): Promise<Parser> {
  await Parser.init({ wasmBinary: wasmBytes("tree-sitter.wasm", "web-tree-sitter/tree-sitter.wasm") } as object);
  const python = await Language.load(wasmBytes("tree-sitter-python.wasm", "tree-sitter-python/tree-sitter-python.wasm"));
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
  return parser.parse(text) ?? undefined;
}
