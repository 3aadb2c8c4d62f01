import { fromGitHubFile } from "../../src/analysis/changed-file.js";
import { compileCustomPacks } from "../../src/analysis/custom-pack.js";
import { MAX_JUDGED_LINE } from "../../src/analysis/line-pack.js";
import { measureMigration } from "../../src/analysis/migration.js";
import { python3Pack } from "../../src/analysis/python/python3-pack.js";
import { OLD_CONSTRUCT_RULES } from "../../src/analysis/python/rules.js";

/**
 * Anyone who can open a pull request writes the lines the rules read. Every rule, fed lines made of its own trigger
 * words and brackets at 10 KB, 100 KB and 1 MB, must take time linear in the input: 1 MB within 20 times 100 KB (a
 * margin for the machine's noise; a quadratic rule takes 100 times, a cubic one 1,000). Lines past MAX_JUDGED_LINE are
 * counted, not judged, and the report names their files.
 */
const pack = python3Pack({ enable: ["old-division", "unittest-deprecated-alias"] });
const options = { mixedTolerance: 0.1 };

function adversarialLines(words: readonly string[], size: number): string[] {
  const word = words[0] ?? "`";
  const units = [`(${word} for x in y `, `${word}(${word}[${word}.`, `e[0] ${word} <> 0777L ur"" `];
  return units.map((unit) => unit.repeat(Math.ceil(size / unit.length)).slice(0, size));
}

function timeOf(lines: string[]): { ms: number; longLines: string[] } {
  const text = lines.join("\n");
  const file = fromGitHubFile({ filename: "m.py", status: "added", additions: lines.length, deletions: 0, patch: `@@ -0,0 +1,${lines.length} @@\n${lines.map((l) => `+${l}`).join("\n")}` });
  const start = performance.now();
  const m = measureMigration([file], [pack], options, { head: new Map([["m.py", text]]) });
  return { ms: performance.now() - start, longLines: m.longLines };
}

describe("every rule is linear in the line it reads", () => {
  const triggers = [...new Set(OLD_CONSTRUCT_RULES.map((r) => r.triggers.join(" ")))].map((t) => (t ? t.split(" ") : []));

  test.each(triggers.map((t) => [t.join(" ") || "(punctuation)", t] as const))("%s", (_name, words) => {
    timeOf(adversarialLines(words, 10_000)); // warm up
    const small = timeOf(adversarialLines(words, 100_000));
    const large = timeOf(adversarialLines(words, 1_000_000));
    expect(large.longLines).toEqual(["m.py"]);
    // A floor of 20 ms keeps a near-zero small time from failing a linear rule.
    expect(large.ms).toBeLessThan(20 * Math.max(small.ms, 20));
  });

  test("a line just under the bound is judged; one over it is named, not judged", () => {
    const under = `x = unicode(y)${" ".repeat(MAX_JUDGED_LINE - 20)}`;
    const over = `x = unicode(y)${" ".repeat(MAX_JUDGED_LINE)}`;
    const file = (line: string) => fromGitHubFile({ filename: "m.py", status: "modified", additions: 1, deletions: 0, patch: `@@ -1,1 +1,2 @@\n a = 1\n+${line}` });
    expect(measureMigration([file(under)], [pack], options).regressions.map((r) => r.rule)).toEqual(["builtin-unicode"]);
    const skipped = measureMigration([file(over)], [pack], options);
    expect(skipped.regressions).toEqual([]);
    expect(skipped.longLines).toEqual(["m.py"]);
    expect(skipped.lines.other).toBe(1);
  });

  test("custom packs skip lines past the bound as well", () => {
    const { packs } = compileCustomPacks([{ name: "jq", files: ["*.js"], old: ["[^z]{100}[^z]{100}\\d"], new: [] }]);
    const line = "a".repeat(MAX_JUDGED_LINE + 1) + "1";
    const file = fromGitHubFile({ filename: "a.js", status: "modified", additions: 1, deletions: 0, patch: `@@ -1,1 +1,2 @@\n x\n+${line}` });
    expect(measureMigration([file], packs, options)).toMatchObject({ regressions: [], longLines: ["a.js"] });
  });
});
