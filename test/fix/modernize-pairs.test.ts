import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fixPython } from "../../src/fix/python3-fixes.js";

/**
 * The compatible target against python-modernize's own fixer tests (tests/test_fix_*.py in PyCQA/modernize), read
 * from a checkout when one is here: MODERNIZE_TESTS names its tests folder, or a mirror of the repository sits beside
 * the project (../.mirror/PyCQA+modernize/repo). Nothing of modernize's is kept in this repository; without a checkout
 * the test says so and checks nothing.
 */
function modernizeTests(): string | undefined {
  if (process.env.MODERNIZE_TESTS && existsSync(process.env.MODERNIZE_TESTS)) return process.env.MODERNIZE_TESTS;
  const mirror = new URL("../../../.mirror/PyCQA+modernize/repo", import.meta.url).pathname;
  if (!existsSync(mirror)) return undefined;
  const dir = mkdtempSync(join(tmpdir(), "modernize-tests-"));
  const files = spawnSync("git", ["--git-dir", mirror, "ls-tree", "--name-only", "HEAD", "tests/"], { encoding: "utf8" }).stdout.split("\n").filter(Boolean);
  for (const file of files) writeFileSync(join(dir, file.slice("tests/".length)), spawnSync("git", ["--git-dir", mirror, "show", `HEAD:${file}`], { encoding: "utf8" }).stdout);
  return files.length ? dir : undefined;
}

/** modernize's fixers whose work small-steps does, and the figure each reaches today (a floor: a change that loses a
 * pair fails here). The others rewrite valid Python 3 defensively (`list(map(...))`, `eval(input())`), which the
 * fixer leaves alone. */
const IMPLEMENTED: Record<string, number> = {
  dict_six: 16, xrange_six: 2, input_six: 3, unichr_type: 3, unicode_type: 2, basestring: 1, int_long_tuple: 2, itertools_imports_six: 3, metaclass: 6, urllib_six: 4, print: 7, raise: 6, next: 2, unicode: 0,
};
const squeeze = (text: string) => text.replace(/\s+/g, "");

test("python-modernize's pairs: the compatible target's agreement per fixer, printed (when a checkout is here)", () => {
  const tests = modernizeTests();
  if (!tests) {
    console.log("python-modernize's tests are not here (set MODERNIZE_TESTS to a checkout's tests folder): nothing measured");
    return;
  }
  const extracted = spawnSync("python3", [new URL("../../scripts/extract-modernize-pairs.py", import.meta.url).pathname, tests], { encoding: "utf8" });
  expect(extracted.status).toBe(0);
  const { pairs } = JSON.parse(extracted.stdout) as { pairs: Array<{ fixer: string; before: string; after: string; flags: string[] }> };
  const figures: string[] = [];
  let agreed = 0;
  let total = 0;
  for (const [fixer, floor] of Object.entries(IMPLEMENTED)) {
    const mine = pairs.filter((p) => p.fixer === fixer && !p.flags.length);
    const ok = mine.filter((p) => squeeze(fixPython(p.before, undefined, "compatible").text) === squeeze(p.after)).length;
    expect(mine.length).toBeGreaterThan(0);
    expect(ok).toBeGreaterThanOrEqual(floor);
    figures.push(`${fixer} ${ok}/${mine.length}`);
    agreed += ok;
    total += mine.length;
  }
  console.log(`python-modernize pairs, compatible target: ${agreed}/${total} (${((agreed / total) * 100).toFixed(1)}%): ${figures.join(", ")}`);
});
