import type { Regression } from "../migration.js";
import { guardedLines } from "./guards.js";
import { namesDefinedIn, oldConstructIn } from "./rules.js";
import { stripLines } from "./source.js";

/**
 * A hunk shows three lines of context, so a guard (`if six.PY2:`) or a docstring that opens further up is not in
 * it. Given the whole new version of a file, a regression found in a hunk is judged again with all of the file
 * above it in view: it stays only if its line is still an old construct outside any guard (syntax always stays).
 */
export function stillRegressions(regressions: readonly Regression[], fileText: string): Regression[] {
  const lines = fileText.split(/\r?\n/);
  const code = stripLines(lines);
  const guarded = guardedLines(lines, code);
  let names: Set<string> | undefined;
  const ownNames = () => (names ??= namesDefinedIn(lines));
  return regressions.filter((r) => {
    const i = r.line - 1;
    if (i < 0 || i >= lines.length) return true; // the text does not match the diff: keep what the hunk showed
    const hit = oldConstructIn(code[i].code, ownNames);
    return hit !== undefined && (!guarded[i] || hit.syntax === true);
  });
}
