import { globMatcher } from "../analysis/safe-glob.js";
import { SIZE_CLASSES, type SizeClass, type SizeMeasurement } from "../analysis/size.js";
import type { Config } from "./config.js";
import { count, formatCount } from "../plural.js";

export type Conclusion = "success" | "neutral" | "failure" | "action_required";

/** What is known of the pull request besides its diff. */
export interface PullRequestFacts {
  baseBranch: string;
  defaultBranch: string;
  draft: boolean;
  authorIsBot: boolean;
  /** A commit already pushed to a branch, not a pull request: measured after the fact, never stopped for its size. */
  pushed?: boolean;
}

export interface Verdict {
  conclusion: Conclusion;
  title: string;
  overLimit: boolean;
  /** Why the conclusion is milder than the size alone would give (draft, bot, branch, warn mode). */
  notes: string[];
  guidance: string[];
  /** The heading over the guidance. */
  guidanceTitle: string;
  sizeLabel?: string;
}

export function sizeLabelName(config: Config, sizeClass: SizeClass): string {
  return `${config.labels.prefix}${sizeClass}`;
}

export function isTargetBranch(config: Config, facts: Pick<PullRequestFacts, "baseBranch" | "defaultBranch">): boolean {
  if (config.branches.length === 0) return facts.baseBranch === facts.defaultBranch;
  return config.branches.some((glob) => globMatcher(glob)(facts.baseBranch));
}

export function describeSize(size: SizeMeasurement): string {
  const lines = count(size.countedLines, "line");
  if (!size.complete) return `at least ${lines} in ${formatCount(size.countedFiles)} of ${count(size.filesExpected, "file")}`;
  if (size.filesSeen === 0) return "no changes";
  return `${lines} in ${count(size.countedFiles, "file")}`;
}

export function guidanceFor(sizeClass: SizeClass, limit: SizeClass): string[] {
  const index = SIZE_CLASSES.indexOf(sizeClass);
  if (index <= SIZE_CLASSES.indexOf("S")) return ["A small step: easy to review and safe to land."];
  if (index <= SIZE_CLASSES.indexOf(limit)) return ["Within the limit. Keep mechanical edits (renames, formatting) in their own pull requests so that this stays easy to review."];
  return [
    "Split it: land preparatory refactors, renames and formatting first, each on its own.",
    "Separate migration work from feature work, and schema migrations from application code.",
    "Hide unfinished work behind a flag so that each part can merge to the default branch on its own.",
    "Mark generated or vendored files with `linguist-generated` or `linguist-vendored` in `.gitattributes` on the default branch, so that they are not counted.",
  ];
}

/** Why this pull request is reported but never failed (another base branch, a draft, a bot), if it is. */
export function reportOnlyReason(config: Config, facts: PullRequestFacts): string | undefined {
  if (facts.pushed) return undefined; // the push settings chose the branch; its findings follow their own settings
  if (!isTargetBranch(config, facts)) return `No verdict: the base branch \`${facts.baseBranch}\` is not one of the target branches.`;
  if (facts.draft && config.drafts === "report") return "Draft pull request: reported, not failed.";
  if (facts.authorIsBot && config.bots === "report") return "Opened by a bot: reported, not failed.";
  return undefined;
}

export const mayFail = (config: Config, facts: PullRequestFacts): boolean => reportOnlyReason(config, facts) === undefined;

export function decide(config: Config, size: SizeMeasurement, facts: PullRequestFacts): Verdict {
  const notes: string[] = [];
  const overLimit = SIZE_CLASSES.indexOf(size.sizeClass) > SIZE_CLASSES.indexOf(config.limit);
  const quiet = reportOnlyReason(config, facts);
  let conclusion: Conclusion = "success";
  if (!facts.pushed && !isTargetBranch(config, facts)) {
    notes.push(quiet!);
    conclusion = "neutral";
  } else if (overLimit && facts.pushed) {
    notes.push("Already pushed: a commit cannot be stopped once it has landed, so over the limit is reported, not failed. Split the next one as below.");
    conclusion = "neutral";
  } else if (overLimit) {
    if (quiet) notes.push(quiet);
    else if (config.mode === "warn") notes.push("Warn mode: over the limit, reported without failing.");
    conclusion = quiet || config.mode === "warn" ? "neutral" : "failure";
  } else if (size.filesSeen === 0 && size.complete) {
    notes.push("No changes: there is nothing to measure.");
  } else if (!size.complete) {
    notes.push("GitHub listed only part of the files: the size is a lower bound, so no green verdict can be given.");
    conclusion = "neutral";
  }
  const over = overLimit ? ` — over the ${config.limit} limit` : "";
  return {
    conclusion,
    title: `${size.sizeClass}: ${describeSize(size)}${size.decidedBy === "files" ? " (the number of files decides)" : ""}${over}`,
    overLimit,
    notes,
    guidance: guidanceFor(size.sizeClass, config.limit),
    guidanceTitle: !overLimit ? "Guidance" : facts.pushed ? "How to split the next one" : "How to make it smaller",
    sizeLabel: config.labels.enabled ? sizeLabelName(config, size.sizeClass) : undefined,
  };
}
