import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { fromGitHubFile } from "../../src/analysis/changed-file.js";
import { measureMigration } from "../../src/analysis/migration.js";
import { compatibilityMarkerIn, exceptNameIn, oldConstructsIn, worthJudging } from "../../src/analysis/python/constructs.js";
import { fixersFor } from "../../src/fix/python3-fixes.js";
import { LIB2TO3_FIXERS, PYLINT_PY3K, coverageTable, type Coverage } from "../../src/analysis/python/coverage.js";
import { python3Pack } from "../../src/analysis/python/python3-pack.js";
import { OLD_CONSTRUCT_RULES } from "../../src/analysis/python/rules.js";
import { stripLines } from "../../src/analysis/python/source.js";

/** lib2to3's own before/after examples, made by scripts/extract-lib2to3-pairs.py from Python's test_fixers.py. */
interface Pair {
  fixer: string;
  kind: "changed" | "unchanged";
  before: string;
  after: string;
  patch: string;
}
const corpus = JSON.parse(readFileSync(new URL("../fixtures/lib2to3-fixer-pairs.json", import.meta.url), "utf8")) as { fixers: string[]; renamed_modules: string[]; pairs: Pair[] };
const changed = corpus.pairs.filter((p) => p.kind === "changed" && p.patch);
const pack = python3Pack();
const options = { mixedTolerance: 0.1 };

const ruleIds = new Set(OLD_CONSTRUCT_RULES.map((r) => r.id));
const names = (c: Coverage) => (c.kind === "rules" || c.kind === "partly" ? c.rules : []);
const covers = (c: Coverage, rule: string) => names(c).some((r) => r === rule || (r === "module-*" && rule.startsWith("module-")));

/** (a) The edit 2to3 makes, as a diff of the file from before to after: every changed line is migration work. */
function migrationRight(pair: Pair): boolean {
  const file = fromGitHubFile({ filename: "m.py", status: "modified", additions: 1, deletions: 1, patch: pair.patch });
  const m = measureMigration([file], [pack], options, { head: new Map([["m.py", pair.after]]), base: new Map([["m.py", pair.before]]) });
  return m.lines.other === 0 && m.lines.regression === 0 && m.lines.migration > 0;
}

/** (b) The "before" added to a file: a regression with one of the fixer's rules. */
function regressionRight(pair: Pair, coverage: Coverage): boolean {
  const lines = pair.before.split("\n");
  const patch = `@@ -0,0 +1,${lines.length} @@\n${lines.map((l) => `+${l}`).join("\n")}`;
  const file = fromGitHubFile({ filename: "m.py", status: "added", additions: lines.length, deletions: 0, patch });
  const m = measureMigration([file], [pack], options);
  if (m.regressions.some((r) => covers(coverage, r.rule))) return true;
  // A line can hold two old constructs (`print d.iterkeys()`): the report names the first; any of them counts here.
  const code = stripLines(lines);
  return m.regressions.some((r) => oldConstructsIn(code[r.line - 1].code).some((hit) => covers(coverage, hit.id)));
}

const expectsRegression = (pair: Pair, coverage: Coverage) => coverage.kind === "rules" || (coverage.kind === "partly" && coverage.regressionWhen.test(pair.before));

describe("coverage of the references, kept as data in the pack", () => {
  test("every fixer of the installed lib2to3 (or of the fixture's, without Python) has an entry", () => {
    let installed = corpus.fixers;
    try {
      const listing = execFileSync("python3", ["-W", "ignore", "-c", "import lib2to3.fixes, os; print(' '.join(sorted(f[4:-3] for f in os.listdir(os.path.dirname(lib2to3.fixes.__file__)) if f.startswith('fix_') and f.endswith('.py'))))"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] });
      installed = listing.trim().split(/\s+/);
    } catch {
      /* no python3 with lib2to3 here: the fixture's list, made from one, stands in */
    }
    expect(installed.length).toBeGreaterThan(40);
    expect(installed.filter((fixer) => !(fixer in LIB2TO3_FIXERS))).toEqual([]);
  });

  test("every entry names rules the pack has", () => {
    const all = [...Object.values(LIB2TO3_FIXERS), ...Object.values(PYLINT_PY3K).map((m) => m.coverage)];
    const unknown = all.flatMap(names).filter((r) => r !== "module-*" && !ruleIds.has(r));
    expect(unknown).toEqual([]);
    for (const entry of Object.values(PYLINT_PY3K)) if (entry.coverage.kind === "undecidable" && entry.coverage.optIn) expect(ruleIds).toContain(entry.coverage.optIn);
  });

  test("every module 2to3 renames is a renamed module to the pack, but dbm, which Python 3 has too", () => {
    const missing = corpus.renamed_modules.filter((module) => !oldConstructsIn(`import ${module}`).some((hit) => hit.id.startsWith("module-")));
    expect(missing).toEqual(["dbm"]);
  });

  test("the coverage page (docs/python3-coverage.md, linked from the README) is the table the data prints", () => {
    const page = readFileSync(new URL("../../docs/python3-coverage.md", import.meta.url), "utf8");
    const fixable = { python3: new Set(Object.keys(fixersFor("python3"))), compatible: new Set(Object.keys(fixersFor("compatible"))) };
    const table = coverageTable(fixable);
    expect(page).toContain(table);
    expect(readFileSync(new URL("../../README.md", import.meta.url), "utf8")).toContain("(docs/python3-coverage.md)");
    expect(table).toMatch(/^\| lib2to3 fixer \| python3 pack \| small-steps fix \|\n\|---\|---\|---\|\n\| `fix_\w+` \|[^]*\n\n\| pylint py3k message \| python3 pack \| small-steps fix \|\n\|---\|---\|---\|\n\| [EW]\d{4} `/);
    // The fix column: a rule with a fixer for both targets, one for python3 alone, and one with none.
    expect(table).toContain("| `fix_print` | `print-statement` | `print-statement` |");
    expect(table).toContain("| `fix_getcwdu` | `os-getcwdu` | `os-getcwdu` (python3 only) |");
    expect(table).toContain("| `fix_buffer` | `builtin-buffer` | none |");
  });
});

/** Every example judged both ways, tallied by fixer: run inside the test (a mutation run sees only what runs in a test). */
function tallies() {
  const byFixer = new Map<string, { migration: [number, number]; regression: [number, number] }>();
  const misses: { migration: string[]; regression: string[] } = { migration: [], regression: [] };
  for (const pair of changed) {
    const coverage = LIB2TO3_FIXERS[pair.fixer];
    const tally = byFixer.get(pair.fixer) ?? { migration: [0, 0], regression: [0, 0] };
    byFixer.set(pair.fixer, tally);
    tally.migration[1]++;
    if (migrationRight(pair)) tally.migration[0]++;
    else misses.migration.push(`${pair.fixer}: ${JSON.stringify(pair.before)}`);
    if (coverage && expectsRegression(pair, coverage)) {
      tally.regression[1]++;
      if (regressionRight(pair, coverage)) tally.regression[0]++;
      else misses.regression.push(`${pair.fixer}: ${JSON.stringify(pair.before)}`);
    }
  }
  const total = (side: "migration" | "regression") => [...byFixer.values()].reduce(([r, n], t) => [r + t[side][0], n + t[side][1]], [0, 0]);
  const [migrationRightCount, migrationPairs] = total("migration");
  const [regressionRightCount, regressionPairs] = total("regression");
  return { byFixer, misses, migrationRightCount, migrationPairs, regressionRightCount, regressionPairs };
}

describe("lib2to3's own examples, both directions", () => {
  test("per-fixer recall (printed), and the totals", () => {
    const { byFixer, misses, migrationRightCount, migrationPairs, regressionRightCount, regressionPairs } = tallies();
    const pct = ([r, n]: [number, number]) => (n ? `${r}/${n} (${((100 * r) / n).toFixed(0)}%)` : "—");
    const rows = [...byFixer.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([fixer, t]) => `${fixer.padEnd(18)} migration ${pct(t.migration).padEnd(16)} regression ${pct(t.regression)}`);
    console.log(
      [
        `lib2to3 pairs: ${changed.length} changed examples of ${byFixer.size} fixers`,
        `before → after counted as migration work: ${pct([migrationRightCount, migrationPairs])}`,
        `before added flagged with the fixer's rule: ${pct([regressionRightCount, regressionPairs])}`,
        ...rows,
        "misses (migration):",
        ...misses.migration.slice(0, 80).map((m) => `  ${m.slice(0, 160)}`),
        "misses (regression):",
        ...misses.regression.slice(0, 80).map((m) => `  ${m.slice(0, 160)}`),
      ].join("\n"),
    );
    expect(changed.length).toBeGreaterThan(1400);
    // The README's figures (1,422 of 1,468; 1,291 of 1,300): a change that loses one example fails here.
    expect(migrationPairs).toBe(1468);
    expect(regressionPairs).toBe(1300);
    expect(migrationRightCount).toBeGreaterThanOrEqual(1419);
    expect(regressionRightCount).toBeGreaterThanOrEqual(1291);
  });
});

describe("the one scan that passes over a line before any rule (worthJudging)", () => {
  // Every line of lib2to3's examples, both versions, with the names each file binds and an opt-in rule turned on: a
  // line the scan passes over must be one where no rule and no marker fires.
  const contexts = [{}, { enabled: new Set(["old-division"]) }];
  test.each(contexts.map((c) => [Object.keys(c).join() || "default rules", c] as const))("passes over no line with a hit or a marker (%s)", (_, base) => {
    let judged = 0;
    let passedOver = 0;
    const missed: string[] = [];
    for (const pair of corpus.pairs) {
      for (const text of [pair.before, pair.after]) {
        const code = stripLines(text.split("\n")).map((l) => l.code);
        const exceptNames = new Set(code.map(exceptNameIn).filter((n): n is string => n !== undefined));
        const context = { ...base, exceptNames, importedModules: new Set(["urllib2", "StringIO"]) };
        for (const line of code) {
          const worth = worthJudging(line, context);
          if (worth) judged++;
          else passedOver++;
          if (!worth && (oldConstructsIn(line, () => new Set(), context).length > 0 || compatibilityMarkerIn(line) !== undefined)) missed.push(line);
        }
      }
    }
    expect(missed).toEqual([]);
    // The scan both passes over lines and lets lines through: it is neither a gate left open nor one shut.
    expect(passedOver).toBeGreaterThan(1000);
    expect(judged).toBeGreaterThan(1000);
  });
});
