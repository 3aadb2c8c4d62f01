import { globMatcher } from "../analysis/safe-glob.js";
import type { Context } from "probot";
import { manifestKind } from "../analysis/dependencies/manifests.js";
import { gitattributesCandidates } from "../analysis/gitattributes.js";
import { filesToRead, WHOLE_FILE_BOUND } from "../engine.js";
import { AnalysisBudgetExceeded, evaluateWithinBudget } from "./analysis-budget.js";
import { appId, CHECK_NAME, findCheckRun, publishCheckRun, publishFailureCheckRun } from "../github/check-runs.js";
import type { GitHub, RepoRef } from "../github/client.js";
import { pullRequestOfCommit, readCommit } from "../github/commits.js";
import { useConditionalRequests } from "../github/conditional-requests.js";
import { loadConfig, type LoadedConfig } from "../github/config-file.js";
import { describeFailure, formatFailure } from "../github/errors.js";
import { readPullRequestState } from "../github/pull-request-state.js";
import { exclusive } from "../coordination/index.js";
import { currentScope, scopeEnded } from "../coordination/delivery-scope.js";
import { analysisSeconds } from "../metrics/metrics.js";
import { count } from "../plural.js";
import { renderConfigProblems, renderSummary } from "../report/markdown.js";
import type { Conclusion } from "../policy/verdict.js";
import { measureDependencies } from "./dependencies.js";
import { htmlBase } from "./pull-request-target.js";

/** The external id of a pushed commit's check run: a re-run measures the commit again, not a pull request. */
export const PUSH_EXTERNAL_ID = "push";

export interface PushTarget extends RepoRef {
  branch: string;
  defaultBranch: string;
  /** The web server's address, for links to the config file. */
  htmlBase: string;
}

export interface PushCheckOptions {
  loaded: LoadedConfig & { ok: true };
  /** Commits of the push left unmeasured (past `push.maxCommits`): said on the newest commit's check. */
  skipped?: number;
}

/** The fields of a push or check_run payload's repository that a push check reads. */
export interface PushedRepository {
  name: string;
  owner: { login?: string; name?: string | null } | null;
  default_branch: string;
  html_url: string;
}

export function pushTarget(repository: PushedRepository, branch: string): PushTarget {
  const owner = repository.owner?.login ?? repository.owner?.name ?? "";
  return { owner, repo: repository.name, branch, defaultBranch: repository.default_branch, htmlBase: htmlBase({ htmlUrl: repository.html_url, owner, repo: repository.name }) };
}

/** Whether pushes to this branch are measured: the default branch, and those the config's `push.branches` name. */
export function measuresBranch(loaded: LoadedConfig & { ok: true }, target: PushTarget): boolean {
  const { push } = loaded.config;
  return push.enabled && (target.branch === target.defaultBranch || push.branches.some((glob) => globMatcher(glob)(target.branch)));
}

/**
 * The check runs of a push: its newest `push.maxCommits` commits, the newest first (on a long push, the commit people
 * look at gets its check first); the newest says how many older ones were left out.
 */
export async function runPushChecks(context: Pick<Context, "octokit" | "log">, target: PushTarget, commits: readonly string[], loaded: LoadedConfig & { ok: true }): Promise<Array<PushCheckResult & { sha: string }>> {
  const chosen = commits.slice(-loaded.config.push.maxCommits);
  const skipped = commits.length - chosen.length;
  const results: Array<PushCheckResult & { sha: string }> = [];
  // Each commit is owed its own check run: one that fails (its failure is on its run) does not abandon the others.
  let firstError: unknown;
  for (const [i, sha] of [...chosen].reverse().entries()) {
    try {
      const result = await runPushCheck(context, target, sha, { loaded, skipped: i === 0 ? skipped : 0 });
      if (result) results.push({ sha, ...result });
    } catch (error) {
      firstError ??= error;
    }
  }
  if (firstError !== undefined) throw firstError;
  return results;
}

/** The config for a push, or, when it does not validate, the problems on the newest commit's check run. */
export async function loadPushConfig(github: GitHub, target: PushTarget, newestSha: string): Promise<(LoadedConfig & { ok: true }) | undefined> {
  const loaded = await loadConfig(github, { owner: target.owner, repo: target.repo }, target.htmlBase);
  if (loaded.ok) return loaded;
  const existing = await findCheckRun(github, { owner: target.owner, repo: target.repo }, newestSha, appId());
  await publishCheckRun(github, {
    owner: target.owner,
    repo: target.repo,
    headSha: newestSha,
    externalId: PUSH_EXTERNAL_ID,
    existing,
    detailsUrl: loaded.detailsUrl,
    conclusion: "action_required",
    title: `Invalid configuration: ${count(loaded.problems.length, "problem")}`,
    summary: renderConfigProblems(loaded.problems, loaded.sources.map((s) => `\`${s}\``).join(", ") || "`.github/small-steps.yml`", "this commit"),
  });
  return undefined;
}

/** Measure one pushed commit against its first parent and publish its check run; one run per commit and app. */
/** What a push check found: the regressions the commit brought, and its conclusion (none when another run measured it). */
export interface PushCheckResult {
  regressions: number;
  conclusion?: Conclusion;
}

export function runPushCheck(context: Pick<Context, "octokit" | "log">, target: PushTarget, sha: string, options: PushCheckOptions): Promise<PushCheckResult | undefined> {
  const key = `${target.owner}/${target.repo}@${sha}`;
  const deliveryId = currentScope()?.deliveryId;
  // A push given to two instances (or redelivered) measures each commit once.
  return deliveryId ? exclusive(key, () => pushCheck(context, target, sha, options), `${deliveryId}:${key}`) : exclusive(key, () => pushCheck(context, target, sha, options));
}

async function pushCheck(context: Pick<Context, "octokit" | "log">, target: PushTarget, sha: string, options: PushCheckOptions): Promise<PushCheckResult> {
  const github = useConditionalRequests(context.octokit as GitHub);
  const { owner, repo } = target;
  const { config, sources } = options.loaded;
  const log = context.log.child({ sha, branch: target.branch });
  const report = { owner, repo, headSha: sha, externalId: PUSH_EXTERNAL_ID };
  let step = "Reading the commit and its files";
  try {
    const commit = await readCommit(github, target, sha);
    const parent = commit.parents[0];
    const plan = filesToRead(commit.files, config, WHOLE_FILE_BOUND);
    step = "Reading the commit's check runs, .gitattributes and changed files";
    const state = await readPullRequestState(github, {
      owner,
      repo,
      baseSha: parent ?? sha,
      headSha: sha,
      gitattributesPaths: gitattributesCandidates(commit.files.map((f) => f.path)),
      manifestPaths: config.dependencies.enabled ? commit.files.filter((f) => manifestKind(f.path)).map((f) => f.path) : [],
      headPaths: plan.head,
      basePaths: parent ? plan.base : [],
      labelNames: [],
      checkName: CHECK_NAME,
      appId: appId(),
    });
    const existing = state.existingCheckRun;
    if (existing?.externalId && existing.externalId !== PUSH_EXTERNAL_ID) {
      // The commit was a pull request's head (a fast-forward): that pull request's check run already measured it.
      log.info({ pr: existing.externalId }, "pushed commit already carries its pull request's check run: left alone");
      return { regressions: 0 };
    }
    step = "Finding the pull request the commit came from";
    const pr = await pullRequestOfCommit(github, target, sha);
    step = "Checking new dependencies on the package index";
    const manifests = parent ? state.manifests : state.manifests.map((m) => ({ ...m, before: undefined }));
    const dependencies = await measureDependencies(manifests, config);
    step = "Measuring the commit";
    const stopTimer = analysisSeconds.startTimer();
    const evaluation = await evaluateWithinBudget({
      files: commit.files,
      config,
      gitattributes: state.gitattributes,
      facts: { baseBranch: target.branch, defaultBranch: target.defaultBranch, draft: false, authorIsBot: false, pushed: true },
      dependencies,
      headTexts: state.headTexts,
      baseTexts: state.baseTexts,
      wholeFileBound: { plan, bytes: WHOLE_FILE_BOUND.bytes },
    });
    stopTimer();
    const about: string[] = [];
    if (commit.parents.length > 1) about.push(`Merge commit: measured against its first parent \`${parent.slice(0, 7)}\`, that is, what the merge brought into \`${target.branch}\`.`);
    else if (parent) about.push(`Measured against its parent \`${parent.slice(0, 7)}\`.`);
    else about.push("The first commit of the repository: every file is new.");
    if (pr) about.push(`From pull request #${pr.number}.`);
    if (options.skipped) about.push(`The push held ${count(options.skipped, "older commit")} more than \`push.maxCommits\` (${config.push.maxCommits}); those were not measured.`);
    const extra = [`#### Pushed to \`${target.branch}\`\n${about.join(" ")}`];
    if (commit.failure) extra.push(`#### Incomplete file list\n${formatFailure(commit.failure)}. The figures are lower bounds; re-run the check to try again.`);
    extra.push(`Policy from ${sources.length ? sources.map((s) => `\`${s}\``).join(", ") : "the defaults (no `.github/small-steps.yml`)"}.`);
    step = "Publishing the check run";
    await publishCheckRun(github, {
      ...report,
      existing,
      conclusion: evaluation.verdict.conclusion,
      title: evaluation.verdict.title,
      summary: renderSummary(evaluation, extra),
      annotations: evaluation.verdict.annotations,
    });
    log.info({ sizeClass: evaluation.size.sizeClass, conclusion: evaluation.verdict.conclusion }, "push check published");
    return { regressions: evaluation.migration.regressions.length, conclusion: evaluation.verdict.conclusion };
  } catch (error) {
    const failure = describeFailure(step, scopeEnded() ? currentScope()?.signal.reason : error);
    log.error({ err: error, failure }, "push check failed");
    if (!step.startsWith("Publishing")) await publishFailureCheckRun(github, report, failure, "this commit");
    if (error instanceof AnalysisBudgetExceeded) return { regressions: 0 };
    throw error;
  }
}
