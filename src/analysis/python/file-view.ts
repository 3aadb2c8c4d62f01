import type { Hunk } from "../changed-file.js";
import { guardedLines } from "./guards.js";
import { compatibilityMarkerIn, exceptNamesIn, namesDefinedIn } from "./constructs.js";
import type { RuleContext } from "./rules.js";
import { stripHunkSide, stripLines, type CodeLine } from "./source.js";

/**
 * One version of a Python file as the rules read it: each line reduced to code (strings and comments gone), which
 * lines stand in a Python 2 guard, the names the file defines, and its `__future__` imports. From the whole file when
 * it is known, else from the lines a hunk shows (where a guard or a docstring further up is out of sight).
 */
export interface PythonView {
  code: readonly CodeLine[];
  guarded: readonly boolean[];
  /** Names the file defines or imports itself (computed on first use: only name rules need it). */
  names: () => ReadonlySet<string>;
  /** What the rules know of the file: its `__future__` imports, caught exceptions' names, whether it runs on Python 2. */
  context: RuleContext;
}

/** `__future__` features that only Python 3 knows: importing them says nothing about Python 2. */
const PYTHON3_FUTURES = new Set(["annotations", "generator_stop", "barry_as_FLUFL"]);

const FUTURE = /^\s*from\s+__future__\s+import\s+\(?([\w\s,]+)\)?/;

function futureFeatures(code: readonly CodeLine[]): Set<string> {
  const features = new Set<string>();
  for (const line of code) {
    if (line.startedInString || !line.code.includes("__future__")) continue;
    const m = FUTURE.exec(line.code);
    if (m) for (const name of m[1].split(",")) features.add(name.trim().split(/\s+/)[0]);
  }
  return features;
}

function view(lines: readonly string[], code: CodeLine[], topInView: boolean): PythonView {
  let names: Set<string> | undefined;
  const future = topInView ? futureFeatures(code) : undefined;
  const codeText = code.map((line) => line.code);
  const runsOnPython2 = [...(future ?? [])].some((f) => !PYTHON3_FUTURES.has(f)) || codeText.some((c) => { const m = compatibilityMarkerIn(c); return m === "six" || m === "python-future"; });
  return {
    code,
    guarded: guardedLines(lines, code),
    names: () => (names ??= namesDefinedIn(lines)),
    context: { future, exceptNames: exceptNamesIn(codeText), runsOnPython2 },
  };
}

export const splitLines = (text: string): string[] => text.split(/\r?\n/);

/** The whole file: line i of the view is line i + 1 of the file. */
export function viewOfFile(lines: readonly string[]): PythonView {
  return view(lines, stripLines(lines), true);
}

/** The lines one side of a hunk shows, without the rest of the file. */
export function viewOfHunkSide(lines: readonly string[], startsAtTopOfFile: boolean, wholeFile: boolean): PythonView {
  return view(lines, stripHunkSide(lines, startsAtTopOfFile), wholeFile);
}

/** Does the file's text agree with every line the hunks show on that side? If not, the hunks are the truth. */
export function agreesWithHunks(lines: readonly string[], hunks: readonly Hunk[], side: "old" | "new"): boolean {
  for (const hunk of hunks) {
    for (const change of hunk.changes) {
      const ln = change.type === "normal" ? (side === "new" ? change.ln2 : change.ln1) : change.type === (side === "new" ? "add" : "del") ? change.ln : undefined;
      if (ln === undefined) continue;
      const line = lines[ln - 1];
      if (line === undefined || line.replace(/\r$/, "") !== change.content.slice(1).replace(/\r$/, "")) return false;
    }
  }
  return true;
}
