import { fromGitHubFile, fromUnifiedDiff } from "../../src/analysis/changed-file.js";
import { quietLines } from "../../src/analysis/moved-lines.js";
import { evaluate } from "../../src/engine.js";
import { renderSummary } from "../../src/report/markdown.js";
import { resolveConfig, type Config } from "../../src/policy/config.js";
import { readDiffChunks, patchesNeeded, patchesWelcome } from "../../src/cli/diff-input.js";

const config = (raw: unknown = {}): Config => {
  const result = resolveConfig(raw);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.config;
};
const facts = { baseBranch: "main", defaultBranch: "main", draft: false, authorIsBot: false };
const measure = (files: ReturnType<typeof fromGitHubFile>[], raw?: unknown) => evaluate({ files, config: config(raw), facts, gitattributes: [] });
const patch = (lines: string[], marker: "+" | "-") => `@@ -1,${marker === "-" ? lines.length : 0} +1,${marker === "+" ? lines.length : 0} @@\n${lines.map((l) => marker + l).join("\n")}`;
const gh = (filename: string, lines: string[], marker: "+" | "-") => fromGitHubFile({ filename, status: "modified", additions: marker === "+" ? lines.length : 0, deletions: marker === "-" ? lines.length : 0, patch: patch(lines, marker) });

/** A 40-line Go function, different on every line. */
const goFunction = ["func Total(items []Item) int {", ...Array.from({ length: 38 }, (_, i) => `\tsum += items[${i}].Price * weight${i}`), "}"];

describe("moved blocks", () => {
  test("a 40-line function moved to another file counts 8 lines (80 changed lines at 0.1), and the check says so", () => {
    const evaluation = measure([gh("billing/old.go", goFunction, "-"), gh("billing/new.go", goFunction, "+")]);
    expect(evaluation.size.countedLines).toBe(8);
    expect(evaluation.size.moved).toEqual({ lines: 80, counted: 8 });
    expect(renderSummary(evaluation)).toContain("| Moved unchanged | 80 changed lines, counted as 8 |");
    // The weight is the repository's: at 1 the move counts in full.
    expect(measure([gh("billing/old.go", goFunction, "-"), gh("billing/new.go", goFunction, "+")], { weights: { moved: 1 } }).size.countedLines).toBe(80);
  });

  test("the same from a local git diff, through the command line's reader (a Go file's hunks are kept because welcome)", async () => {
    const section = (path: string, lines: string[], marker: "+" | "-") => `diff --git a/${path} b/${path}\n--- a/${path}\n+++ b/${path}\n${patch(lines, marker)}\n`;
    const diff = section("billing/old.go", goFunction, "-") + section("billing/new.go", goFunction, "+");
    const c = config();
    const files = await readDiffChunks([Buffer.from(diff)], patchesNeeded({ ok: true, config: c }), patchesWelcome({ ok: true, config: c }));
    expect(evaluate({ files, config: c, facts, gitattributes: [] }).size.countedLines).toBe(8);
  });

  test("within a file, and only what moved: edited lines around the block count fully; two lines, or three closing braces, are no block", () => {
    const body = goFunction.slice(0, 10);
    const diff = `diff --git a/a.go b/a.go\n--- a/a.go\n+++ b/a.go\n@@ -1,12 +1,12 @@\n${body.map((l) => `-${l}`).join("\n")}\n-x := 1\n-y := 2\n+x := 10\n+y := 20\n${body.map((l) => `+${l}`).join("\n")}\n`;
    const quiet = quietLines(fromUnifiedDiff(diff)).get("a.go");
    expect(quiet?.moved).toEqual({ additions: 10, deletions: 10 });
    expect(quietLines(fromUnifiedDiff("diff --git a/b.go b/b.go\n--- a/b.go\n+++ b/b.go\n@@ -1,3 +1,3 @@\n-}\n-}\n-}\n+\tx++\n+}\n+}\n+}\n")).get("b.go")?.moved ?? { additions: 0, deletions: 0 }).toEqual({ additions: 0, deletions: 0 });
  });

  test("a diff of 50,000 identical lines removed and added is found moved, once each (one pass, no quadratic search)", () => {
    const same = Array.from({ length: 50_000 }, () => "value = compute(alpha, beta)");
    const quiet = quietLines([gh("x.go", same, "-"), gh("y.go", same, "+")]);
    expect(quiet.get("y.go")?.moved.additions).toBe(50_000);
    expect(quiet.get("x.go")?.moved.deletions).toBe(50_000);
  });
});

describe("whitespace-only changes", () => {
  const reindent = (path: string, lines: string[]) => fromGitHubFile({
    filename: path,
    status: "modified",
    additions: lines.length,
    deletions: lines.length,
    patch: `@@ -1,${lines.length} +1,${lines.length} @@\n${lines.map((l) => `-${l}`).join("\n")}\n${lines.map((l) => `+    ${l}`).join("\n")}`,
  });
  const block = ["if total > limit:", "    raise ValueError(total)", "return total", "x = 1"];
  const goBlock = ["if total > limit {", "\treturn errors.New(\"over\")", "}", "return nil"];

  test("a re-indented Python block counts fully, a re-indented Go block half", () => {
    expect(measure([reindent("app/rules.py", block)]).size.countedLines).toBe(8);
    const go = measure([reindent("app/rules.go", goBlock)]);
    expect(go.size.countedLines).toBe(4);
    expect(go.size.whitespace).toEqual({ lines: 8, counted: 4 });
    expect(renderSummary(go)).toContain("| Whitespace only | 8 changed lines, counted as 4 |");
  });

  test("a change of more than whitespace counts fully; trailing spaces alone are whitespace", () => {
    const edited = fromGitHubFile({ filename: "a.go", status: "modified", additions: 2, deletions: 2, patch: "@@ -1,2 +1,2 @@\n-a := 1\n-b := 2 \n+a := 2\n+b := 2" });
    expect(measure([edited]).size.countedLines).toBe(2 + 1);
  });
});

describe("the reader's bound on welcome patches", () => {
  test("a welcome patch past the bound becomes a summary (counts, head and last lines kept); a later one that fits is kept", async () => {
    const { DiffReader } = await import("../../src/analysis/diff-reader.js");
    const big = Array.from({ length: 400 }, (_, i) => `+// generated line ${i}`).join("\n");
    const diff = `diff --git a/a.go b/a.go\nnew file mode 100644\n--- /dev/null\n+++ b/a.go\n@@ -0,0 +1,400 @@\n+// Code generated by stringer. DO NOT EDIT.\n${big}\ndiff --git a/b.go b/b.go\n--- a/b.go\n+++ b/b.go\n@@ -1 +1 @@\n-x\n+y\n`;
    const reader = new DiffReader({ keepPatch: () => false, keepOptional: () => true, optionalBytes: 2000 });
    const bytes = Buffer.from(diff);
    for (let at = 0; at < bytes.length; at += 512) reader.push(bytes.subarray(at, at + 512));
    const [a, b] = reader.end()!;
    expect(a).toMatchObject({ path: "a.go", additions: 401, patch: undefined });
    expect(a!.summary!.head).toContain("// Code generated by stringer. DO NOT EDIT.");
    expect(a!.summary!.tail).toContain("// generated line 399");
    expect(b).toMatchObject({ path: "b.go", additions: 1, deletions: 1, patch: "@@ -1 +1 @@\n-x\n+y\n" });
    // Under the bound, both are kept whole.
    const roomy = new DiffReader({ keepPatch: () => false, keepOptional: () => true });
    roomy.push(bytes);
    expect(roomy.end()!.map((f) => f.patch !== undefined)).toEqual([true, true]);
  });
});
