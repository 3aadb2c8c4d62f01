import { createHash } from "node:crypto";
import type { Context } from "probot";
import { manifestKind, unchangedRootManifests } from "../analysis/dependencies/manifests.js";
import { gitattributesCandidates } from "../analysis/gitattributes.js";
import { SIZE_CLASSES, type SizeClass } from "../analysis/size.js";
import { filesToRead, WHOLE_FILE_BOUND, withAcceptance, type EngineInput, type Evaluation } from "../engine.js";
import { AnalysisBudgetExceeded, evaluateWithinBudget } from "./analysis-budget.js";
import { appId, CHECK_NAME, findCheckRun, publishCheckRun, publishFailureCheckRun, type CheckAction } from "../github/check-runs.js";
import type { GitHub } from "../github/client.js";
import { marker, upsertMarkedComment } from "../github/comments.js";
import { useConditionalRequests } from "../github/conditional-requests.js";
import { loadConfig, type LoadedConfig } from "../github/config-file.js";
import { describeFailure, formatFailure } from "../github/errors.js";
import { syncLabels, type LabelDefinition } from "../github/labels.js";
import { listPullRequestFiles } from "../github/pull-request-files.js";
import { readPullRequestState } from "../github/pull-request-state.js";
import { parseRecord, renderRecord, type Acceptance, type CheckRecord, type StickyState } from "../policy/check-record.js";
import type { Config } from "../policy/config.js";
import { mayFail, sizeLabelName } from "../policy/verdict.js";
import { renderSticky } from "../report/comments.js";
import { renderConfigProblems, renderSummary } from "../report/markdown.js";
import { measureDependencies } from "./dependencies.js";
import { htmlBase, type PullRequestTarget } from "./pull-request-target.js";
import { exclusive, labelsVersion, labelsWritten, newestHead } from "../coordination/index.js";
import { currentScope, scopeEnded } from "../coordination/delivery-scope.js";
import type { ExistingCheckRun } from "../github/pull-request-state.js";
import { analysisSeconds } from "../metrics/metrics.js";
import { annotateFixes, postSuggestions, suggestionsFor, type SuggestionOutcome } from "./fix-suggestions.js";
import { count } from "../plural.js";
import { withoutPatch, withSizes } from "../analysis/long-lines.js";

const LABEL_COLOURS: Record<SizeClass, string> = { XS: "3cbf00", S: "5d9801", M: "7f7203", L: "a14c05", XL: "c32607", XXL: "e50009" };
export const FLAG_LABELS = {
  migration: { color: "0e8a16", description: "small-steps: only migration work" },
  mixed: { color: "fbca04", description: "small-steps: migration mixed with other work; split it" },
};
export const ACCEPT_ACTION = "accept";
export const REVOKE_ACTION = "revoke";
const STICKY = marker("sticky");

export function sizeLabel(config: Config, sizeClass: SizeClass): LabelDefinition {
  return { name: sizeLabelName(config, sizeClass), color: LABEL_COLOURS[sizeClass], description: `small-steps: a ${sizeClass} pull request` };
}

/** Every label the app may set, so that it can remove its own and never anyone else's. */
function managedLabels(config: Config): string[] {
  const size = config.labels.enabled ? SIZE_CLASSES.map((c) => sizeLabelName(config, c)) : [];
  return [...size, config.migration.labels.migration, config.migration.labels.mixed].filter(Boolean);
}


export interface SizeCheckRequest {
  /** The head before a push (pull_request.synchronize): its check run's record carries over. */
  before?: string;
  /** An acceptance given now (its size class and commit are filled in), or null to revoke the one on record. */
  accept?: { by: string; reason: string } | null;
  /** The config, when the caller has just read it (a command checking permissions): read once per event. */
  loaded?: LoadedConfig;
  /** Post the suggested fixes after the check (`/small-steps fix`), whatever `fixes.suggestions` says but off. */
  suggest?: boolean;
}

export interface SizeCheckResult {
  evaluation: Evaluation;
  /** The acceptance on record before this check (what a revoke takes back). */
  recorded?: Acceptance;
  /** The labels' update, run once the pull request's lock is released (see runSizeCheck). */
  labels?: () => Promise<void>;
  /** Posts the suggested fixes no review holds yet (`fixes.suggestions`: after the check when auto, or on command). */
  suggest?: () => Promise<SuggestionOutcome>;
  /** What posting the suggestions did, when they were posted. */
  suggested?: SuggestionOutcome;
}

/** Measure a pull request and publish the verdict: one check run per head commit, its labels, the sticky comment. */
export function runSizeCheck(context: Context, target: PullRequestTarget, request: SizeCheckRequest = {}): Promise<SizeCheckResult | undefined> {
  const key = `${target.owner}/${target.repo}#${target.number}`;
  const work = () => sizeCheck(context, target, request);
  // The same delivery given to two instances (or redelivered) is measured once; a command is always answered.
  const deliveryId = currentScope()?.deliveryId;
  const measured = !deliveryId || request.accept !== undefined ? exclusive(key, work) : exclusive(key, work, `${deliveryId}:${key}@${target.headSha}`);
  // Labels wait for GitHub's content budget (80 writes a minute per installation), check runs do not: the labels are
  // updated under a lock of their own, so that the next commit's check run never waits behind this one's labels.
  return measured.then(async (result) => {
    if (result?.labels) await exclusive(`${key}:labels`, result.labels);
    const mode = result?.evaluation.config.fixes.suggestions;
    const suggested = result?.suggest && mode !== "off" && (request.suggest || (mode === "auto" && request.accept === undefined)) ? await result.suggest() : undefined;
    return result && { evaluation: result.evaluation, recorded: result.recorded, suggested };
  });
}

function actionsFor(evaluation: Evaluation): CheckAction[] {
  const permission = evaluation.config.accept.permission;
  if (evaluation.acceptance) return [{ label: "Revoke acceptance", description: `Needs ${permission} permission`.slice(0, 40), identifier: REVOKE_ACTION }];
  if (evaluation.verdict.overLimit) return [{ label: "Accept this size", description: `Needs ${permission} permission`.slice(0, 40), identifier: ACCEPT_ACTION }];
  return [];
}

/**
 * A commit that is no longer the pull request's head is not measured (a newer delivery measures the new head). Its run
 * says "superseded" unless it already shows a verdict; a commit with no run yet gets one, so that no commit a delivery
 * named is left without a completed check run.
 */
async function markSuperseded(github: GitHub, report: { owner: string; repo: string; headSha: string; externalId: string }, existing: ExistingCheckRun | undefined, head: string, log: Context["log"]): Promise<undefined> {
  if (existing?.status === "COMPLETED" && existing.conclusion !== "FAILURE") return undefined;
  await publishCheckRun(github, {
    ...report,
    existing,
    conclusion: "neutral",
    title: "Superseded: not measured",
    summary: `The pull request's head moved on to \`${head.slice(0, 7)}\` before this commit was measured; that commit's check run is the one that counts.`,
    text: existing?.text ?? undefined,
  });
  log.info({ head }, "commit superseded before it was measured");
  return undefined;
}

interface LabelsQuery {
  owner: string;
  repo: string;
  number: number;
  headSha: string;
  /** The labels as the state query read them, and the labels' version then. */
  current: string[];
  repositoryLabels: string[];
  seen: string;
}

/**
 * The pull request's labels made to say this head's result, writing only the difference. Left alone when a newer
 * head's delivery has arrived (its labels are the ones that count: a write saved, never a stale label); read again when
 * another delivery wrote them since this one's state query.
 */
async function updateLabels(github: GitHub, q: LabelsQuery, managed: string[], wanted: LabelDefinition[], log: Context["log"]): Promise<void> {
  const pr = `${q.owner}/${q.repo}#${q.number}`;
  const newer = await newestHead(pr);
  if (newer && newer !== q.headSha) {
    log.info({ newer }, "labels left to the newer head's delivery");
    return;
  }
  let current = q.current;
  if ((await labelsVersion(pr)) !== q.seen) {
    const { data } = await github.rest.issues.listLabelsOnIssue({ owner: q.owner, repo: q.repo, issue_number: q.number, per_page: 100 });
    current = data.map((label) => label.name);
  }
  const change = await syncLabels(github, { owner: q.owner, repo: q.repo, issueNumber: q.number, current, repositoryLabels: q.repositoryLabels }, managed, wanted);
  if (change.added.length || change.removed.length) await labelsWritten(pr);
  log.info({ labels: change }, "labels updated");
}

const digest = (text: string) => createHash("sha256").update(text).digest("hex").slice(0, 16);

async function sizeCheck(context: Context, target: PullRequestTarget, request: SizeCheckRequest): Promise<SizeCheckResult | undefined> {
  const github = useConditionalRequests(context.octokit as GitHub);
  const { owner, repo } = target;
  const ref = { owner, repo, pullNumber: target.number };
  // The delivery's log already names the repository, the pull request and its SHA (see `tracked`); this names the
  // commit measured, which a re-run or a config push may choose.
  const log = context.log.child({ pr: target.number, sha: target.headSha });
  const report = { owner, repo, headSha: target.headSha, externalId: String(target.number) };
  let step = "Reading .github/small-steps.yml";
  try {
    const loaded = request.loaded ?? (await loadConfig(github, { owner, repo }, htmlBase(target)));
    if (!loaded.ok) {
      step = "Looking up the existing check run";
      const existing = await findCheckRun(github, { owner, repo }, target.headSha, appId());
      step = "Publishing the check run";
      await publishCheckRun(github, {
        ...report,
        existing,
        detailsUrl: loaded.detailsUrl,
        conclusion: "action_required",
        title: `Invalid configuration: ${count(loaded.problems.length, "problem")}`,
        summary: renderConfigProblems(loaded.problems, loaded.sources.map((s) => `\`${s}\``).join(", ") || "`.github/small-steps.yml`"),
        text: existing?.text ?? undefined, // keep the record (an acceptance) until the config is fixed
      });
      log.warn({ problems: loaded.problems }, "invalid configuration reported on the check run");
      return undefined;
    }
    const { config } = loaded;
    step = "Listing the pull request's files";
    const listing = await listPullRequestFiles(github, { owner, repo, pullNumber: target.number, changedFiles: target.changedFiles });
    step = "Reading the pull request's labels, check runs, .gitattributes and changed files";
    const plan = filesToRead(listing.files, config, WHOLE_FILE_BOUND);
    const changedManifests = config.dependencies.enabled ? listing.files.filter((f) => manifestKind(f.path)).map((f) => f.path) : [];
    const labelsSeen = await labelsVersion(`${owner}/${repo}#${target.number}`);
    const state = await readPullRequestState(github, {
      owner,
      repo,
      pullNumber: target.number,
      baseSha: target.baseSha,
      headSha: target.headSha,
      previousSha: request.before,
      gitattributesPaths: gitattributesCandidates(listing.files.map((f) => f.path)),
      manifestPaths: changedManifests,
      unchangedManifestPaths: unchangedRootManifests(changedManifests),
      headPaths: plan.head,
      basePaths: plan.base,
      sizePaths: withoutPatch(listing.files),
      labelNames: managedLabels(config),
      checkName: CHECK_NAME,
      appId: appId(),
    });
    if (state.headSha !== target.headSha && request.accept === undefined) return await markSuperseded(github, report, state.existingCheckRun, state.headSha, log);
    step = "Checking new dependencies on the package index";
    const dependencies = await measureDependencies(state.manifests, config);
    // The record on this commit's run wins; a push starts from the record of the commit before it.
    const record: CheckRecord = state.existingCheckRun?.text ? parseRecord(state.existingCheckRun.text) : parseRecord(state.previousCheckRun?.text);
    const input: EngineInput = {
      files: withSizes(listing.files, state.headSizes),
      config,
      gitattributes: state.gitattributes,
      facts: { baseBranch: target.baseRef, defaultBranch: target.defaultBranch, draft: target.draft, authorIsBot: target.authorIsBot },
      filesExpected: target.changedFiles,
      dependencies,
      acceptance: record.acceptance,
      headTexts: state.headTexts,
      baseTexts: state.baseTexts,
      wholeFileBound: { plan, bytes: WHOLE_FILE_BOUND.bytes },
    };
    step = "Measuring the pull request";
    const stopTimer = analysisSeconds.startTimer();
    let evaluation = await evaluateWithinBudget(input);
    stopTimer();
    if (request.accept !== undefined) {
      const acceptance = request.accept && { ...request.accept, sizeClass: evaluation.size.sizeClass, sha: target.headSha };
      evaluation = withAcceptance(evaluation, acceptance ?? undefined);
    }
    const superseded = state.headSha !== target.headSha;

    let sticky = record.sticky;
    const stickyOn = config.comments.sticky === "on" || (config.comments.sticky === "auto" && config.mode === "block");
    // Only a pull request that can fail gets the comment: drafts, bots and other branches are reported quietly.
    const over = evaluation.verdict.overLimit && mayFail(config, input.facts);
    const status: StickyState = !over ? "under" : evaluation.acceptance ? "accepted" : "over";
    // Posted when a pull request first goes over; from then on it always tells the current state.
    if (stickyOn && !superseded && (status === "over" || sticky)) {
      const body = renderSticky(evaluation, status);
      if (!sticky || sticky.status !== status || sticky.hash !== digest(body)) {
        step = "Updating the sticky comment";
        const id = await upsertMarkedComment(github, ref, STICKY, body, sticky?.id);
        sticky = { id, status, hash: digest(body) };
      }
    }

    const extra: string[] = [];
    if (listing.failure) extra.push(`#### Incomplete file list\n${formatFailure(listing.failure)}. The figures are lower bounds; re-run the check to try again.`);
    if (superseded) extra.unshift(`**Superseded:** the pull request's head is now \`${state.headSha.slice(0, 7)}\`; its labels follow that commit.`);
    const sources = loaded.sources.length ? loaded.sources.map((s) => `\`${s}\``).join(", ") : "the defaults (no `.github/small-steps.yml`)";
    extra.push(`Policy from ${sources}. Commands: \`/small-steps help\`.`);
    const fixes = superseded ? undefined : suggestionsFor(evaluation, listing.files, state.headTexts);
    step = "Publishing the check run";
    await publishCheckRun(github, {
      ...report,
      existing: state.existingCheckRun,
      conclusion: superseded ? "neutral" : evaluation.verdict.conclusion,
      title: superseded ? `Superseded — ${evaluation.verdict.title}` : evaluation.verdict.title,
      summary: renderSummary(evaluation, extra),
      text: renderRecord({ acceptance: evaluation.acceptance, sticky }),
      annotations: fixes?.suggestions.length ? annotateFixes(evaluation.verdict.annotations, fixes.suggestions) : evaluation.verdict.annotations,
      actions: superseded ? [] : actionsFor(evaluation),
    });
    if (superseded) return { evaluation, recorded: record.acceptance };
    log.info({ sizeClass: evaluation.size.sizeClass, conclusion: evaluation.verdict.conclusion }, "size check published");
    const wanted: LabelDefinition[] = config.labels.enabled ? [sizeLabel(config, evaluation.size.sizeClass)] : [];
    for (const flag of evaluation.verdict.flagLabels) {
      const kind = flag.name === config.migration.labels.migration ? FLAG_LABELS.migration : FLAG_LABELS.mixed;
      if (flag.wanted) wanted.push({ name: flag.name, ...kind });
    }
    const labels = () => updateLabels(github, { owner, repo, number: target.number, headSha: target.headSha, current: state.labels, repositoryLabels: state.repositoryLabels, seen: labelsSeen }, managedLabels(config), wanted, log);
    const suggest = () => postSuggestions(context, github, target, evaluation, fixes!);
    return { evaluation, recorded: record.acceptance, labels, suggest };
  } catch (error) {
    // Past the deadline, whatever failed failed because of it: the check run says so.
    const failure = describeFailure(step, scopeEnded() ? currentScope()?.signal.reason : error);
    log.error({ err: error, failure }, "size check failed");
    if (step.startsWith("Publishing") || step.startsWith("Updating")) throw error;
    await publishFailureCheckRun(github, report, failure, "this pull request");
    // A redelivery would meet the same budget: the check run says so, and the delivery is done.
    if (error instanceof AnalysisBudgetExceeded) return undefined;
    throw error;
  }
}
