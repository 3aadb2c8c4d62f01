import type { Context } from "probot";
import type { ScanResult } from "../analysis/scan/scanner.js";
import { CODEOWNERS_PATHS } from "../campaign/owners.js";
import { campaignBatchesWithinBudget } from "./analysis-budget.js";
import type { TarballStats } from "../scan/tarball.js";
import { emptyCampaign, type CampaignRecord } from "../campaign/record.js";
import { newlyTicked, renderCampaign, withCampaignSection } from "../campaign/task-list.js";
import { exclusive } from "../coordination/index.js";
import type { GitHub } from "../github/client.js";
import { loadConfig } from "../github/config-file.js";
import { editDashboardIssue, findDashboardIssue } from "../github/dashboard-issue.js";
import { describeFailure, formatFailure } from "../github/errors.js";
import { atLeast, permissionOf } from "../github/permissions.js";
import { globMatcher } from "../analysis/safe-glob.js";
import { doneGlob, type Config } from "../policy/config.js";
import { DASHBOARD_MARKER, parseDashboardRecord, withDashboardRecord } from "../report/dashboard.js";
import { FIX_PREFIX, folderGlob, keepCurrent, openWaiting, proposeDone, type CampaignScope } from "./campaign-pulls.js";
import { pushTarget } from "./push-check.js";
import { ignored, IGNORED } from "./tracked.js";

/** Batches the dashboard lists (boxes) at once. */
export const BATCHES_LISTED = 8;
/** Pull requests no longer open that the dashboard still shows. */
const CLOSED_SHOWN = 10;

/** A failed write as the dashboard shows it; a 403 is most often a permission the installation was not granted. */
function failureLine(action: string, error: unknown): string {
  const failure = describeFailure(action, error);
  return `${formatFailure(failure)}${failure.status === 403 ? "; the campaign needs the contents: write and pull requests: write permissions (an organisation owner accepts them in the app's installation settings)" : ""}`;
}

const lockOf = (scope: Pick<CampaignScope, "ref">) => `${scope.ref.owner}/${scope.ref.repo}:dashboard`;
const pullUrlOf = (scope: CampaignScope) => (number: number) => `${scope.dashboardUrl.replace(/\/issues\/\d+$/, "")}/pull/${number}`;

/** Whether a folder is listed in migration.done already (its glob, or one that covers the folder's files). */
function listedDone(config: Config, folder: string): boolean {
  const probe = folder === "." ? "x.py" : `${folder}/x.py`;
  return config.migration.done.some((entry) => doneGlob(entry) === folderGlob(folder) || globMatcher(doneGlob(entry))(probe));
}

/**
 * The campaign's part of a dashboard update: folders that reached zero are recorded and proposed for migration.done;
 * the next batches are made from the scan (those with an open pull request stay as they are); merges counted for
 * campaign.automatic turn into ticks; waiting batches open as the pace allows. Returns the record and its section.
 */
export async function advanceCampaign(scope: CampaignScope, previous: CampaignRecord | undefined, scan: ScanResult, texts: ReadonlyMap<string, string>, tree: Pick<TarballStats, "gitattributes" | "codeowners">, sha: string): Promise<{ record: CampaignRecord; section: string }> {
  const { config, now, log } = scope;
  const record: CampaignRecord = previous ? structuredClone(previous) : emptyCampaign();
  const date = now.toISOString().slice(0, 10);
  for (const [folder, before] of Object.entries(record.folders)) {
    if (before === 0 || (scan.remaining.byFolder[folder] ?? 0) > 0 || !scan.filesByFolder[folder] || record.done[folder] || listedDone(config, folder)) continue;
    record.done[folder] = { sha, date };
    try {
      const pull = await proposeDone(scope, folder, { sha, date });
      if (pull) Object.assign(record.done[folder], { pull: pull.number, url: pull.url });
    } catch (error) {
      log.warn({ err: error, folder }, "the ratchet pull request could not be opened: the folder is recorded as finished");
    }
  }
  record.folders = { ...scan.remaining.byFolder };
  await reviewOpenPulls(scope, record);
  const open = new Set(Object.entries(record.pulls).filter(([, p]) => p.state === "open").map(([id]) => id));
  // With a CODEOWNERS file (the first where GitHub looks), batches are one owner's files.
  const owners = CODEOWNERS_PATHS.map((path) => tree.codeowners?.find((f) => f.path === path)).find(Boolean);
  try {
    // Fixing many files is the costly part: on the analysis worker, within its budget, off the event loop.
    const fresh = await campaignBatchesWithinBudget({ scan: { filesWithRemaining: scan.filesWithRemaining, remaining: scan.remaining }, texts: [...texts], options: { config, gitattributes: tree.gitattributes, wanted: BATCHES_LISTED, skip: [...open], ...(owners ? { codeowners: owners.text } : {}) } });
    record.listed = [...record.listed.filter((b) => open.has(b.id)), ...fresh.map(({ command: _, ...batch }) => batch)];
  } catch (error) {
    log.warn({ err: error }, "the campaign's batches could not be made: the previous ones stay listed");
  }
  const listed = new Set(record.listed.map((b) => b.id));
  record.waiting = record.waiting.filter((id) => listed.has(id));
  if (config.campaign.automatic) takeAutomatic(record);
  let because: string | undefined;
  try {
    because = await openWaiting(scope, record);
  } catch (error) {
    because = failureLine("Opening a fix pull request", error);
    log.warn({ err: error }, "a waiting batch could not be opened: it stays waiting");
  }
  pruneClosed(record);
  return { record, section: renderCampaign({ record, config, waitingBecause: because, pullUrl: pullUrlOf(scope) }) };
}

/** campaign.automatic: each merge not yet followed becomes a tick on the next batch (up to maxOpen, by openWaiting). */
function takeAutomatic(record: CampaignRecord): void {
  const candidates = record.listed.filter((b) => !record.pulls[b.id] || record.pulls[b.id].state === "merged").filter((b) => !record.waiting.includes(b.id));
  const taken = candidates.slice(0, record.merges);
  record.waiting.push(...taken.map((b) => b.id));
  record.merges -= taken.length;
}

/**
 * The pull requests the record holds as open, asked of GitHub after the default branch moved: closed ones (an event
 * missed) become merged or declined; one a person pushed to is marked edited and left alone; one that conflicts with
 * the new base is made again on it.
 */
async function reviewOpenPulls(scope: CampaignScope, record: CampaignRecord): Promise<void> {
  for (const [id, pull] of Object.entries(record.pulls)) {
    if (pull.state !== "open" || pull.edited) continue;
    let outcome;
    try {
      outcome = await keepCurrent(scope, record.listed.find((b) => b.id === id), pull);
    } catch (error) {
      scope.log.warn({ err: error, pull: pull.number }, "an open fix pull request could not be checked: it is left as it is");
      continue;
    }
    if (outcome === "edited") pull.edited = true;
    if (outcome !== "merged" && outcome !== "declined") continue;
    pull.state = outcome;
    if (outcome === "merged") {
      record.merges += scope.config.campaign.automatic ? 1 : 0;
      record.listed = record.listed.filter((b) => b.id !== id);
    }
  }
}

function pruneClosed(record: CampaignRecord): void {
  const listed = new Set(record.listed.map((b) => b.id));
  const closed = Object.entries(record.pulls).filter(([id, p]) => p.state !== "open" && !listed.has(id));
  for (const [id] of closed.slice(0, Math.max(0, closed.length - CLOSED_SHOWN))) delete record.pulls[id];
  record.merges = Math.min(record.merges, 50); // merges with no batch to follow them do not pile up
}

/**
 * Who writes the dashboard: the App's bot (`slug[bot]`), or in the Action the job token's `github-actions[bot]`, with
 * the policy file's path (the Action's `config` input).
 */
export interface CampaignIdentity {
  login: () => Promise<string | undefined>;
  configPath?: string;
}

/** What a campaign handler reads of an event's context: the App's (Probot) or the Action's. */
type CampaignEvent<E extends "issues.edited" | "pull_request.closed"> = Pick<Context<E>, "payload" | "octokit" | "log">;

/** The repository, bot and config a campaign event needs, or why the event is not the campaign's. */
async function campaignScope(context: CampaignEvent<"issues.edited" | "pull_request.closed">, identity: CampaignIdentity, dashboardUrl?: string): Promise<{ scope: CampaignScope; bot: string } | string> {
  const { repository } = context.payload;
  const github = context.octokit as GitHub;
  const bot = await identity.login();
  if (!bot) return "the app's bot login is unknown (GET /app failed)";
  const target = pushTarget(repository as never, repository.default_branch);
  const ref = { owner: target.owner, repo: target.repo };
  const loaded = await loadConfig(github, ref, target.htmlBase, identity.configPath);
  if (!loaded.ok) return "the config is not valid (the checks say why)";
  if (!loaded.config.campaign.enabled) return "campaign.enabled is off";
  const scope: CampaignScope = { github, ref, defaultBranch: repository.default_branch, config: loaded.config, now: new Date(), dashboardUrl: dashboardUrl ?? `${target.htmlBase}/${ref.owner}/${ref.repo}/issues`, log: context.log };
  return { scope, bot };
}

/**
 * A tick on the dashboard (issues.edited): each box newly ticked by someone with write permission queues its batch,
 * and the queue opens as the pace allows. Edits by the app or any bot, unticks and other issues are ignored; a
 * redelivered event finds the batch's pull request open and opens nothing.
 */
export async function onDashboardEdited(context: CampaignEvent<"issues.edited">, identity: CampaignIdentity): Promise<typeof IGNORED | void> {
  const { issue, sender, changes } = context.payload;
  if (!issue.body?.includes(`<!-- ${DASHBOARD_MARKER} `)) return ignored(context, "not the dashboard issue");
  const ticks = newlyTicked(changes.body?.from, issue.body);
  if (!changes.body || !ticks.length) return ignored(context, "no box newly ticked");
  if (sender.type === "Bot") return ignored(context, "an edit by a bot (the app's own updates among them)");
  const found = await campaignScope(context, identity, issue.html_url);
  if (typeof found === "string") return ignored(context, found);
  const { scope, bot } = found;
  if (issue.user?.login !== bot) return ignored(context, "an issue the app did not create");
  const allowed = atLeast(await permissionOf(scope.github, scope.ref, sender.login), "write");
  await exclusive(lockOf(scope), async () => {
    const { data: current } = await scope.github.rest.issues.get({ ...scope.ref, issue_number: issue.number });
    const dashboard = parseDashboardRecord(current.body);
    const record = dashboard.campaign ?? emptyCampaign();
    if (allowed) {
      for (const id of ticks) {
        if (!record.listed.some((b) => b.id === id) || record.pulls[id]?.state === "open" || record.waiting.includes(id)) continue;
        if (record.pulls[id]?.state === "declined") delete record.pulls[id]; // ticked again: proposed again
        record.waiting.push(id);
      }
    } else scope.log.info({ sender: sender.login, ticks }, "ticked by someone without write permission: not opened, box cleared");
    let because: string | undefined;
    try {
      because = await openWaiting(scope, record, sender.login);
    } catch (error) {
      because = failureLine("Opening the fix pull request", error);
      scope.log.warn({ err: error }, "a ticked batch could not be opened: it stays waiting for the next update");
    }
    await writeSection(scope, { number: issue.number, title: current.title, body: current.body ?? "" }, { ...dashboard, campaign: record }, because);
  });
}

async function writeSection(scope: CampaignScope, issue: { number: number; title: string; body: string }, dashboard: ReturnType<typeof parseDashboardRecord> & { campaign: CampaignRecord }, because?: string): Promise<void> {
  const section = renderCampaign({ record: dashboard.campaign, config: scope.config, waitingBecause: because, pullUrl: pullUrlOf(scope) });
  const body = withDashboardRecord(withCampaignSection(issue.body, section), dashboard);
  await editDashboardIssue(scope.github, scope.ref, { ...issue, state: "open", htmlUrl: scope.dashboardUrl }, issue.title, body);
}

/**
 * One of the campaign's pull requests closed: merged, or declined (not proposed again until ticked again). With
 * campaign.automatic a merge opens the next listed batch at once, within the pace.
 */
export async function onCampaignPullClosed(context: CampaignEvent<"pull_request.closed">, identity: CampaignIdentity): Promise<typeof IGNORED | void> {
  const { pull_request: pr, repository } = context.payload;
  if (!pr.head.ref.startsWith(FIX_PREFIX) || pr.head.repo?.full_name !== repository.full_name) return ignored(context, "a pull request the campaign did not open");
  const found = await campaignScope(context, identity);
  if (typeof found === "string") return ignored(context, found);
  const { scope, bot } = found;
  await exclusive(lockOf(scope), async () => {
    const issue = await findDashboardIssue(scope.github, scope.ref, bot, DASHBOARD_MARKER);
    if (!issue || issue.state === "closed") return;
    scope.dashboardUrl = issue.htmlUrl;
    const dashboard = parseDashboardRecord(issue.body);
    const record = dashboard.campaign ?? emptyCampaign();
    const entry = Object.entries(record.pulls).find(([, p]) => p.number === pr.number);
    if (!entry || entry[1].state !== "open") return;
    entry[1].state = pr.merged ? "merged" : "declined";
    // A merged batch is done: the folder's next batch (if any) is listed by the next update.
    if (pr.merged) record.listed = record.listed.filter((b) => b.id !== entry[0]);
    if (pr.merged && scope.config.campaign.automatic) {
      record.merges++;
      takeAutomatic(record);
    }
    let because: string | undefined;
    try {
      because = await openWaiting(scope, record);
    } catch (error) {
      because = failureLine("Opening the next fix pull request", error);
    }
    await writeSection(scope, issue, { ...dashboard, campaign: record }, because);
    scope.log.info({ pull: pr.number, merged: pr.merged }, "campaign pull request closed");
  });
}
