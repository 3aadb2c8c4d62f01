import { formatCount } from "../plural.js";
import type { Context } from "probot";
import { addPoint } from "../analysis/scan/burn-down.js";
import type { GitHub } from "../github/client.js";
import { createDashboardIssue, editDashboardIssue, findDashboardIssue } from "../github/dashboard-issue.js";
import { describeFailure, formatFailure } from "../github/errors.js";
import { openTarball } from "../github/tarball.js";
import { exclusive } from "../coordination/index.js";
import { packsFor } from "../engine.js";
import type { Config } from "../policy/config.js";
import { DASHBOARD_MARKER, parseDashboardRecord, renderDashboard, renderDashboardRecord, withFailure, type DashboardRecord } from "../report/dashboard.js";
import { batchLines, python3SupportOf, scanJobs } from "../scan/scan-tree.js";
import { tarballJobs, type TarballStats } from "../scan/tarball.js";
import type { PushTarget } from "./push-check.js";
import { keepingFixableTexts } from "../campaign/texts.js";
import { advanceCampaign } from "./campaign.js";

export interface DashboardUpdate {
  target: PushTarget;
  sha: string;
  config: Config;
  /** Regressions the push checks of this push found, by commit. */
  regressions: Array<{ sha: string; count: number }>;
  /** The app's bot login (`slug[bot]`), which created the issue. */
  botLogin: string | undefined;
  now: Date;
  /** Scanning threads; 0 scans on this thread (the Action's bundle ships no worker file). */
  threads?: number;
}

/** The dashboard issue brought up to date with a scan of the default branch at the pushed commit. */
export function updateDashboard(context: Pick<Context, "octokit" | "log">, update: DashboardUpdate): Promise<void> {
  return exclusive(`${update.target.owner}/${update.target.repo}:dashboard`, () => dashboard(context, update));
}

async function dashboard(context: Pick<Context, "octokit" | "log">, update: DashboardUpdate): Promise<void> {
  const github = context.octokit as GitHub;
  const { target, sha, config, now } = update;
  const ref = { owner: target.owner, repo: target.repo };
  const log = context.log.child({ sha, dashboard: true });
  if (!update.botLogin) {
    log.warn("the app's bot login is unknown (GET /app failed): the dashboard is not updated, so that no second one is created");
    return;
  }
  const issue = await findDashboardIssue(github, ref, update.botLogin, DASHBOARD_MARKER);
  if (issue?.state === "closed") {
    log.info({ issue: issue.number }, "the dashboard issue is closed: left alone until it is reopened");
    return;
  }
  const record = parseDashboardRecord(issue?.body);
  const pending = [...record.regressions, ...update.regressions.filter((r) => !record.regressions.some((p) => p.sha === r.sha))];
  const minutes = record.updated ? (now.getTime() - Date.parse(record.updated)) / 60_000 : Infinity;
  if (issue && minutes < config.dashboard.minIntervalMinutes) {
    // Held back: only regressions found meanwhile are kept (in the hidden record) for the next update to list.
    if (pending.length > record.regressions.length) await editDashboardIssue(github, ref, issue, issue.title, issue.body.replace(renderDashboardRecord(record), renderDashboardRecord({ ...record, regressions: pending })));
    log.info({ minutes: Math.floor(minutes) }, "dashboard updated less than dashboard.minIntervalMinutes ago: held back");
    return;
  }
  const title = config.dashboard.title;
  const stats: TarballStats = { bytes: 0, truncated: false, skipped: [], gitattributes: [], unsafe: 0 };
  let result;
  const texts = new Map<string, string>();
  try {
    const stream = await openTarball(github, ref, sha);
    const jobs = tarballJobs(stream, packsFor(config), config.dashboard.maxBytes, stats);
    result = await scanJobs(config.campaign.enabled ? keepingFixableTexts(jobs, texts) : jobs, config, () => stats.gitattributes, { extraSkipped: stats.skipped, threads: update.threads });
  } catch (error) {
    const failure = describeFailure(`Reading the tarball at ${sha.slice(0, 7)}`, error);
    const line = `${now.toISOString().slice(0, 10)}: ${formatFailure(failure)}. The numbers above are from the previous update.`;
    log.error({ err: error, failure }, "dashboard scan failed: previous numbers kept");
    const failed: DashboardRecord = { ...record, regressions: pending };
    if (issue) await editDashboardIssue(github, ref, issue, issue.title, withFailure(issue.body, failed, line));
    else await createDashboardIssue(github, ref, title, withFailure("The migration dashboard could not be computed yet.", failed, line));
    return;
  }
  const python3 = config.dependencies.enabled ? await python3SupportOf(result, config, process.env) : undefined;
  const unsupported = result.dependencies.filter((d) => python3?.get(d.name)?.python3 === "no").map((d) => d.name);
  const previous = record.history.at(-1)?.remaining;
  const repoUrl = `${target.htmlBase}/${target.owner}/${target.repo}`;
  const campaign = config.campaign.enabled
    ? await advanceCampaign({ github, ref, defaultBranch: target.defaultBranch, config, now, dashboardUrl: issue?.htmlUrl ?? `${repoUrl}/issues`, log }, record.campaign, result, texts, stats, sha)
    : undefined;
  const render = (updated: string) =>
    renderDashboard({
      result,
      sha,
      commitUrl: (commit) => `${repoUrl}/commit/${commit}`,
      link: (path, line) => `${repoUrl}/blob/${sha}/${path.split("/").map(encodeURIComponent).join("/")}${line ? `#L${line}` : ""}`,
      limit: `${config.limit} (${formatCount(batchLines(config))} lines)`,
      maxLines: batchLines(config),
      python3,
      record: { history: addPoint(record.history, { date: now.toISOString().slice(0, 10), sha, remaining: result.remaining.total }), updated, regressions: [], failures: record.failures, ...(campaign ? { campaign: campaign.record } : {}) },
      campaign: campaign?.section,
      regressions: pending,
      previous,
      unsupported,
      truncatedAt: stats.truncated ? stats.bytes : undefined,
    });
  if (issue && record.updated && render(record.updated) === issue.body) {
    log.info({ issue: issue.number }, "dashboard unchanged");
    return;
  }
  const body = render(now.toISOString());
  if (issue) await editDashboardIssue(github, ref, issue, title, body);
  const number = issue?.number ?? (await createDashboardIssue(github, ref, title, body));
  log.info({ issue: number, remaining: result.remaining.total, files: result.files, bytes: stats.bytes }, "dashboard updated");
}
