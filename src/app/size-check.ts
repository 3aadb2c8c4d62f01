import type { Context } from "probot";
import { gitattributesCandidates } from "../analysis/gitattributes.js";
import { SIZE_CLASSES, type SizeClass } from "../analysis/size.js";
import { evaluate } from "../engine.js";
import { CHECK_NAME, findCheckRun, publishCheckRun } from "../github/check-runs.js";
import type { GitHub } from "../github/client.js";
import { loadConfig } from "../github/config-file.js";
import { useConditionalRequests } from "../github/conditional-requests.js";
import { describeFailure, formatFailure } from "../github/errors.js";
import { syncLabels, type LabelDefinition } from "../github/labels.js";
import { dependencyChanges } from "../analysis/dependencies/changes.js";
import { manifestKind } from "../analysis/dependencies/manifests.js";
import { pypiBaseUrl, resolvePython3Support } from "../pypi/client.js";
import { listPullRequestFiles } from "../github/pull-request-files.js";
import { readPullRequestState } from "../github/pull-request-state.js";
import type { Config } from "../policy/config.js";
import { sizeLabelName } from "../policy/verdict.js";
import { renderConfigProblems, renderSummary } from "../report/markdown.js";
import { htmlBase, type PullRequestTarget } from "./pull-request-target.js";
import { serialize } from "./serialize.js";

const LABEL_COLOURS: Record<SizeClass, string> = { XS: "3cbf00", S: "5d9801", M: "7f7203", L: "a14c05", XL: "c32607", XXL: "e50009" };

function sizeLabel(config: Config, sizeClass: SizeClass): LabelDefinition {
  return { name: sizeLabelName(config, sizeClass), color: LABEL_COLOURS[sizeClass], description: `small-steps: a ${sizeClass} pull request` };
}

const FLAG_LABELS = {
  migration: { color: "0e8a16", description: "small-steps: only migration work" },
  mixed: { color: "fbca04", description: "small-steps: migration mixed with other work; split it" },
};

/** Every label the app may set, so that it can remove its own and never anyone else's. */
function managedLabels(config: Config): string[] {
  const size = config.labels.enabled ? SIZE_CLASSES.map((c) => sizeLabelName(config, c)) : [];
  return [...size, config.migration.labels.migration, config.migration.labels.mixed].filter(Boolean);
}

function appId(): number | undefined {
  const id = Number(process.env.APP_ID);
  return Number.isInteger(id) && id > 0 ? id : undefined;
}

/** Measure a pull request and publish the verdict: one check run per head commit, one size label. */
export function runSizeCheck(context: Context, target: PullRequestTarget): Promise<void> {
  return serialize(`${target.owner}/${target.repo}#${target.number}`, () => sizeCheck(context, target));
}

async function sizeCheck(context: Context, target: PullRequestTarget): Promise<void> {
  const github = useConditionalRequests(context.octokit as GitHub);
  const { owner, repo } = target;
  const log = context.log.child({ pr: `${owner}/${repo}#${target.number}`, sha: target.headSha });
  const report = { owner, repo, headSha: target.headSha, externalId: String(target.number) };
  let step = "Reading .github/small-steps.yml";
  try {
    const loaded = await loadConfig(github, { owner, repo }, htmlBase(target));
    if (!loaded.ok) {
      step = "Looking up the existing check run";
      const existing = await findCheckRun(github, { owner, repo }, target.headSha, appId());
      step = "Publishing the check run";
      await publishCheckRun(github, {
        ...report,
        existing,
        detailsUrl: loaded.detailsUrl,
        conclusion: "action_required",
        title: `Invalid configuration: ${loaded.problems.length} problem${loaded.problems.length === 1 ? "" : "s"}`,
        summary: renderConfigProblems(loaded.problems, loaded.sources.map((s) => `\`${s}\``).join(", ") || "`.github/small-steps.yml`"),
      });
      log.warn({ problems: loaded.problems }, "invalid configuration reported on the check run");
      return;
    }
    const { config } = loaded;
    step = "Listing the pull request's files";
    const listing = await listPullRequestFiles(github, { owner, repo, pullNumber: target.number, changedFiles: target.changedFiles });
    step = "Reading the pull request's labels, check runs and .gitattributes";
    const state = await readPullRequestState(github, {
      owner,
      repo,
      pullNumber: target.number,
      baseSha: target.baseSha,
      headSha: target.headSha,
      gitattributesPaths: gitattributesCandidates(listing.files.map((f) => f.path)),
      manifestPaths: config.dependencies.enabled ? listing.files.filter((f) => manifestKind(f.path)).map((f) => f.path) : [],
      labelNames: managedLabels(config),
      checkName: CHECK_NAME,
      appId: appId(),
    });
    step = "Checking new dependencies on the package index";
    const found = dependencyChanges(state.manifests);
    const dependencies = {
      problems: found.problems,
      changes: await resolvePython3Support(found.changes, {
        baseUrl: pypiBaseUrl(process.env),
        timeoutMs: config.dependencies.timeoutSeconds * 1000,
        maxLookups: config.dependencies.maxLookups,
        allow: config.dependencies.allow,
      }),
    };
    const evaluation = evaluate({
      dependencies,
      files: listing.files,
      config,
      gitattributes: state.gitattributes,
      facts: { baseBranch: target.baseRef, defaultBranch: target.defaultBranch, draft: target.draft, authorIsBot: target.authorIsBot },
      filesExpected: target.changedFiles,
    });
    const superseded = state.headSha !== target.headSha;
    const extra: string[] = [];
    if (listing.failure) extra.push(`#### Incomplete file list\n${formatFailure(listing.failure)}. The figures are lower bounds; re-run the check to try again.`);
    if (superseded) extra.unshift(`**Superseded:** the pull request's head is now \`${state.headSha.slice(0, 7)}\`; its labels follow that commit.`);
    const sources = loaded.sources.length ? loaded.sources.map((s) => `\`${s}\``).join(", ") : "the defaults (no `.github/small-steps.yml`)";
    extra.push(`Policy from ${sources}.`);
    step = "Publishing the check run";
    await publishCheckRun(github, {
      ...report,
      existing: state.existingCheckRun,
      conclusion: superseded ? "neutral" : evaluation.verdict.conclusion,
      title: superseded ? `Superseded — ${evaluation.verdict.title}` : evaluation.verdict.title,
      summary: renderSummary(evaluation, extra),
      annotations: evaluation.verdict.annotations,
    });
    if (superseded) return;
    step = "Updating the labels";
    const wanted: LabelDefinition[] = config.labels.enabled ? [sizeLabel(config, evaluation.size.sizeClass)] : [];
    for (const flag of evaluation.verdict.flagLabels) {
      const kind = flag.name === config.migration.labels.migration ? FLAG_LABELS.migration : FLAG_LABELS.mixed;
      if (flag.wanted) wanted.push({ name: flag.name, ...kind });
    }
    const change = await syncLabels(
      github,
      { owner, repo, issueNumber: target.number, current: state.labels, repositoryLabels: state.repositoryLabels },
      managedLabels(config),
      wanted,
    );
    log.info({ sizeClass: evaluation.size.sizeClass, conclusion: evaluation.verdict.conclusion, labels: change }, "size check published");
  } catch (error) {
    const failure = describeFailure(step, error);
    log.error({ err: error, failure }, "size check failed");
    if (step.startsWith("Publishing") || step.startsWith("Updating")) throw error;
    // A required check must never wait forever: say what failed, on the check run, then fail the delivery too.
    const existing = await findCheckRun(github, { owner, repo }, target.headSha, appId()).catch(() => undefined);
    await publishCheckRun(github, {
      ...report,
      existing,
      conclusion: "failure",
      title: "Could not measure this pull request",
      summary: `${formatFailure(failure)}.\n\n${failure.status ? "This is GitHub's answer" : "This is an error in small-steps"}, not a verdict on the pull request. Use **Re-run** on this check to try again.`,
    });
    throw error;
  }
}
