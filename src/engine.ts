import type { ChangedFile } from "./analysis/changed-file.js";
import { ExclusionRules } from "./analysis/exclusions.js";
import { GitattributesIndex } from "./analysis/gitattributes.js";
import { measureSize, type SizeMeasurement } from "./analysis/size.js";
import type { Config } from "./policy/config.js";
import { decide, type PullRequestFacts, type Verdict } from "./policy/verdict.js";

/** Everything the engine needs: the app, the command line and the benchmark all build this. */
export interface EngineInput {
  files: readonly ChangedFile[];
  config: Config;
  /** .gitattributes files at the base commit, with their paths in the tree. */
  gitattributes: Array<{ path: string; text: string }>;
  facts: PullRequestFacts;
  /** How many files the pull request changes, when known to be more than `files`. */
  filesExpected?: number;
}

export interface Evaluation {
  size: SizeMeasurement;
  verdict: Verdict;
  config: Config;
}

/** Pure: measurements and verdict from a diff and a policy. No GitHub, no network, no clock. */
export function evaluate(input: EngineInput): Evaluation {
  const attributes = new GitattributesIndex(input.gitattributes);
  const rules = new ExclusionRules(input.config.exclude, attributes);
  const size = measureSize(input.files, rules, {
    thresholds: input.config.thresholds,
    deletionWeight: input.config.deletionWeight,
    filesExpected: input.filesExpected,
  });
  return { size, verdict: decide(input.config, size, input.facts), config: input.config };
}
