import { fromGitHubFile } from "../../src/analysis/changed-file.js";
import { evaluate, type EngineInput } from "../../src/engine.js";
import { defaultConfig } from "../../src/policy/config.js";
import { AnalysisBudgetExceeded, budgetSeconds, evaluateWithinBudget, stopAnalysisWorker } from "../../src/app/analysis-budget.js";

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
