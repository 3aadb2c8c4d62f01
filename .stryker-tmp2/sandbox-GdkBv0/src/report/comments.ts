// @ts-nocheck
import { EXCLUSION_REASON_TEXT } from "../analysis/exclusions.js";
import type { Evaluation } from "../engine.js";
import { planSplit, type SplitPlan } from "../policy/split-plan.js";
import type { StickyState } from "../policy/check-record.js";
import { code, n, renderSummary, truncateSummary } from "./markdown.js";
import { count } from "../plural.js";

/** GitHub's limit on a comment's body. */
const COMMENT_LIMIT = 65_536;
const FILES_LISTED = 300;

const KIND_TEXT = { schema: "schema migrations, alone", migration: "migration work only", change: "changes" } as const;

export function splitPlanFor(evaluation: Evaluation): SplitPlan {
  return planSplit(evaluation.size.files, evaluation.schema, new Set(evaluation.migration.migrationFiles), evaluation.config.thresholds, evaluation.config.limit);
}

/** The split plan as a comment: parts in the order to land them, each with its size and files. */
export function renderSplitPlan(evaluation: Evaluation, plan = splitPlanFor(evaluation)): string {
  const { size, config } = evaluation;
  const head = `### small-steps: how to split this pull request\nThis pull request is **${size.sizeClass}** (${count(size.countedLines, "counted line")} in ${count(size.countedFiles, "file")}); the limit is **${config.limit}** (under ${count(plan.capacity + 1, "line")}). Land these parts in this order, each as its own pull request:`;
  if (plan.parts.length <= 1 && !plan.parts.some((p) => p.overLimit)) {
    return `### small-steps: how to split this pull request\nThis pull request is **${size.sizeClass}**, within the **${config.limit}** limit: no split needed.`;
  }
  const parts = plan.parts.map((part, i) => {
    const files = part.files.map((f) => `  - ${code(f.path)} (${n(f.countedLines)})`).join("\n");
    const warning = part.overLimit ? "\n  _One file's change is larger than the limit on its own: split that change itself (a refactor first, then the behaviour)._" : "";
    return `${i + 1}. **${part.sizeClass}, ${count(part.lines, "line")}**: ${KIND_TEXT[part.kind]} in ${part.modules.map(code).join(", ")}${warning}\n${files}`;
  });
  const notes = [
    "Schema migrations go first and alone, so that the code using them lands on a schema that already has them; migration work comes next, apart from the other changes; a module's tests stay with its code.",
    "Excluded files (generated, vendored, lock files) go with the part whose code needs them.",
  ];
  return truncate([head, parts.join("\n"), notes.map((x) => `_${x}_`).join("\n")].join("\n\n"));
}

/** The full breakdown for `explain`: the check run's report, plus every counted file. */
export function renderExplanation(evaluation: Evaluation): string {
  const { size } = evaluation;
  const rows = size.files.slice(0, FILES_LISTED).map((f) => `| ${code(f.path)} | ${n(f.additions)} | ${n(f.deletions)} | ${n(f.countedLines)} |`);
  if (size.files.length > FILES_LISTED) rows.push(`| … and ${n(size.files.length - FILES_LISTED)} more | | | |`);
  const counted = ["#### Every counted file", "| File | Added | Deleted | Counted |", "|---|--:|--:|--:|", ...rows].join("\n");
  const reasons = [...new Set(size.excluded.map((e) => e.reason))].map((r) => `${EXCLUSION_REASON_TEXT[r]}: ${size.excluded.filter((e) => e.reason === r).length}`);
  const excludedLine = reasons.length ? `Not counted, by reason: ${reasons.join("; ")}.` : "Nothing was excluded.";
  return truncate(`### small-steps: ${evaluation.verdict.title}\n\n${excludedLine}\n\n${renderSummary(evaluation, [counted])}`);
}

function truncate(text: string): string {
  return truncateSummary(text, COMMENT_LIMIT - 200);
}

/** The sticky comment: posted when the pull request first goes over the limit, edited as its state changes. */
export function renderSticky(evaluation: Evaluation, state: StickyState): string {
  const { size, config } = evaluation;
  const measured = `**${size.sizeClass}** (${count(size.countedLines, "counted line")}; the limit is **${config.limit}**)`;
  if (state === "under") {
    return `### small-steps\n✅ This pull request is back within the limit: ${measured}. Thank you for keeping the steps small.`;
  }
  if (state === "accepted" && evaluation.acceptance) {
    const { by, reason, sizeClass } = evaluation.acceptance;
    return [
      `### small-steps\n☑️ Accepted over the limit by @${by}: "${reason}". This pull request is ${measured}.`,
      `A push that makes it larger than **${sizeClass}** takes the acceptance away; \`/small-steps revoke\` takes it back now.`,
    ].join("\n\n");
  }
  return `${renderSplitPlan(evaluation)}\n\n_This comment is updated as the pull request changes. Type \`/small-steps help\` for commands._`;
}
