import { fromGitHubFile } from "../../src/analysis/changed-file.js";
import { evaluate, type EngineInput } from "../../src/engine.js";
import { defaultConfig } from "../../src/policy/config.js";
import { AnalysisBudgetExceeded, budgetSeconds, campaignBatchesWithinBudget, evaluateWithinBudget, stopAnalysisWorker } from "../../src/app/analysis-budget.js";
import { campaignBatches } from "../../src/campaign/batches.js";
import { codeOwners } from "../../src/campaign/owners.js";

/** A delivery's analysis runs off the event loop, within a budget: the server answers while it runs, and a runaway stops. */
afterAll(() => stopAnalysisWorker());

function input(files: number, linesEach: number): EngineInput {
  const patch = `@@ -0,0 +1,${linesEach} @@\n${Array.from({ length: linesEach }, (_, i) => `+x${i} = unicode(y) if a else b`).join("\n")}`;
  return {
    files: Array.from({ length: files }, (_, i) => fromGitHubFile({ filename: `pkg/m${i}.py`, status: "added", additions: linesEach, deletions: 0, patch })),
    config: defaultConfig(),
    gitattributes: [],
    facts: { baseBranch: "main", defaultBranch: "main", draft: false, authorIsBot: false },
  };
}

test("the worker's evaluation is the engine's, and the event loop keeps turning while it runs", async () => {
  const job = input(300, 300);
  let ticks = 0;
  const ticker = setInterval(() => ticks++, 5);
  const evaluation = await evaluateWithinBudget(job, 60);
  clearInterval(ticker);
  expect(evaluation.size).toEqual(evaluate(job).size);
  expect(evaluation.migration.regressions.length).toBe(evaluate(job).migration.regressions.length);
  expect(ticks).toBeGreaterThan(0);
});

test("past its budget the analysis is stopped with a clear error, and the next one runs", async () => {
  await expect(evaluateWithinBudget(input(2000, 500), 0.05)).rejects.toBeInstanceOf(AnalysisBudgetExceeded);
  await expect(evaluateWithinBudget(input(2000, 500), 0.05)).rejects.toThrow("the analysis took longer than its budget of 0.05 s and was stopped");
  const small = await evaluateWithinBudget(input(1, 3), 60);
  expect(small.size.countedLines).toBe(3);
});

test("the operator sets the budget", () => {
  expect(budgetSeconds({})).toBe(20);
  expect(budgetSeconds({ ANALYSIS_BUDGET_SECONDS: "5" })).toBe(5);
  expect(budgetSeconds({ ANALYSIS_BUDGET_SECONDS: "nonsense" })).toBe(20);
});

test("the campaign's batches are made on the worker as on this thread (the CODEOWNERS text crosses, not its matcher), within the budget", async () => {
  const texts = new Map(Array.from({ length: 40 }, (_, i) => [`pkg${i % 3}/m${i}.py`, `def f${i}(d):\n    print "x"\n    return d.has_key(${i})\n`] as [string, string]));
  const files = [...texts.keys()].map((path) => ({ path, count: 2, rules: { "print-statement": 1, "dict-has_key": 1 } }));
  const scan = { filesWithRemaining: files, remaining: { total: 80, byRule: { "print-statement": 40, "dict-has_key": 40 }, byFolder: {} } };
  const config = defaultConfig();
  const codeowners = "pkg1/ @org/one\n";
  const onWorker = await campaignBatchesWithinBudget({ scan, texts: [...texts], options: { config, gitattributes: [], wanted: 8, skip: ["dict-has_key pkg2"], codeowners } }, 60);
  const here = campaignBatches(scan, texts, { config, gitattributes: [], wanted: 8, skip: new Set(["dict-has_key pkg2"]), owners: codeOwners(codeowners) });
  expect(onWorker).toEqual(here);
  expect(onWorker.map((b) => b.id)).toContain("print-statement owner @org/one");
  expect(onWorker.map((b) => b.id)).not.toContain("dict-has_key pkg2");
  const many = new Map(Array.from({ length: 3000 }, (_, i) => [`f${i}/m.py`, 'print "x"\n'] as [string, string]));
  const job = { scan: { filesWithRemaining: [...many.keys()].map((path) => ({ path, count: 1, rules: { "print-statement": 1 } })), remaining: { total: 3000, byRule: {}, byFolder: {} } }, texts: [...many], options: { config, gitattributes: [], wanted: 8, skip: [] } };
  await expect(campaignBatchesWithinBudget({ ...job, options: { ...job.options, config: { ...config, campaign: { ...config.campaign, maxLines: 1 } } } }, 0.05)).rejects.toBeInstanceOf(AnalysisBudgetExceeded);
});
