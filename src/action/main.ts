import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import * as core from "@actions/core";
import { runSizeCheck } from "../app/size-check.js";
import { measuresBranch, pushTarget, runPushChecks } from "../app/push-check.js";
import { worst } from "../policy/findings.js";
import type { Conclusion } from "../policy/verdict.js";
import { count } from "../plural.js";
import { toTarget, type PullRequestPayload } from "../app/pull-request-target.js";
import type { GitHub } from "../github/client.js";
import { loadConfig, type LoadedConfig } from "../github/config-file.js";
import { smallStepsOctokit } from "../github/octokit.js";
import { renderSummary } from "../report/markdown.js";
import { malformed } from "../github/webhook-guard.js";
import { runCalibrate } from "../cli/calibrate.js";
import { onCampaignPullClosed, onDashboardEdited } from "../app/campaign.js";
import { updateDashboard } from "../app/dashboard.js";
import { IGNORED } from "../app/tracked.js";

/**
 * small-steps as a GitHub Action (action.yml, bundled to dist/index.mjs): the app's own size check, run once per
 * workflow job with the job's token. The runner's variables say where GitHub is (GITHUB_API_URL, so GitHub
 * Enterprise Server works too), what happened (GITHUB_EVENT_NAME, GITHUB_EVENT_PATH) and where to write
 * (GITHUB_STEP_SUMMARY, GITHUB_OUTPUT, which @actions/core uses).
 */
const log = {
  info: (obj: object | string, msg?: string) => core.info(typeof obj === "string" ? obj : `${msg ?? ""} ${JSON.stringify(obj)}`),
  warn: (obj: object | string, msg?: string) => core.warning(typeof obj === "string" ? obj : `${msg ?? ""} ${JSON.stringify(obj)}`),
  error: (obj: object | string, msg?: string) => core.error(typeof obj === "string" ? obj : `${msg ?? ""} ${JSON.stringify(obj, (k, v) => (k === "err" && v instanceof Error ? v.message : v))}`),
  debug: (obj: object | string, msg?: string) => core.debug(typeof obj === "string" ? obj : `${msg ?? ""} ${JSON.stringify(obj)}`),
  child: () => log,
};

/** The `calibrate` input: thresholds from the checkout's history, in the job summary (the workflow's clone, read locally). */
async function calibrateCheckout(input: string, configPath: string, env: NodeJS.ProcessEnv): Promise<void> {
  const last = input === "true" ? [] : ["--last", input];
  let stdout = "";
  let stderr = "";
  const cwd = env.GITHUB_WORKSPACE || process.cwd();
  const io = { cwd, env, stdout: (t: string) => (stdout += t), stderr: (t: string) => (stderr += t), readStdin: async () => "" };
  // The checkout's policy where it has one, else the defaults.
  const code = await runCalibrate([...last, ...(existsSync(join(cwd, configPath)) ? ["--config", configPath] : [])], io);
  if (code !== 0) {
    core.setFailed(`small-steps calibrate: ${stderr.trim().replace(/^small-steps calibrate: /, "")}${/not in a git clone|too few/.test(stderr) ? " (check out the history with actions/checkout and fetch-depth: 0)" : ""}`);
    return;
  }
  await core.summary.addHeading("small-steps: thresholds from this repository's history", 2).addRaw("Paste the block into `.github/small-steps.yml` on the default branch.\n\n").addCodeBlock(stdout, "yaml").write();
  core.info(stdout);
}

async function main(): Promise<void> {
  const env = process.env;
  const token = core.getInput("github-token", { required: true });
  const configPath = core.getInput("config") || ".github/small-steps.yml";
  const eventName = env.GITHUB_EVENT_NAME ?? "";
  const event = JSON.parse(await readFile(env.GITHUB_EVENT_PATH ?? "", "utf8")) as Record<string, any>;
  const Octokit = smallStepsOctokit(env);
  const octokit = new Octokit({ auth: { token }, baseUrl: env.GITHUB_API_URL || "https://api.github.com" }) as unknown as GitHub;

  const calibrate = core.getInput("calibrate");
  if (calibrate && calibrate !== "false") return calibrateCheckout(calibrate, configPath, env);
  const campaign = core.getInput("campaign") === "true";
  if (campaign && (eventName === "issues" || (eventName === "pull_request" && event.action === "closed"))) return campaignEvent(octokit, eventName, event, configPath);
  if (eventName === "push") return measurePush(octokit, event, configPath, env, campaign);
  if (eventName !== "pull_request" && eventName !== "pull_request_target") {
    core.info(`small-steps measures pull requests and pushes; the ${eventName || "unknown"} event has nothing to measure.`);
    await core.summary.addRaw(`small-steps: nothing to measure for a \`${eventName}\` event.`).write();
    core.setOutput("conclusion", "neutral");
    return;
  }
  const problem = malformed(eventName === "pull_request_target" ? "pull_request" : eventName, event);
  if (problem) {
    // One sentence and a neutral outcome: a workflow run by hand or a test payload is not a broken pull request.
    core.info(`small-steps: nothing to measure: ${problem}.`);
    await core.summary.addRaw(`small-steps: nothing to measure: ${problem}.`).write();
    core.setOutput("conclusion", "neutral");
    return;
  }
  const target = toTarget(event.pull_request as PullRequestPayload, event.repository?.default_branch);
  const loaded = await loadConfig(octokit, { owner: target.owner, repo: target.repo }, env.GITHUB_SERVER_URL || "https://github.com", configPath);
  const context = { octokit, log } as unknown as Parameters<typeof runSizeCheck>[0];
  const result = await runSizeCheck(context, target, { before: event.action === "synchronize" ? event.before : undefined, loaded });
  if (!result) {
    core.setOutput("conclusion", "action_required");
    core.setFailed(`The configuration in ${configPath} is not valid: see the small-steps check run.`);
    return;
  }
  const { evaluation } = result;
  core.setOutput("size-class", evaluation.size.sizeClass);
  core.setOutput("counted-lines", String(evaluation.size.countedLines));
  core.setOutput("regressions", String(evaluation.migration.regressions.length));
  core.setOutput("conclusion", evaluation.verdict.conclusion);
  await core.summary.addRaw(`## small-steps: ${evaluation.verdict.title}\n\n${renderSummary(evaluation)}`).write();
  if (evaluation.verdict.conclusion === "failure") core.setFailed(`small-steps: ${evaluation.verdict.title}`);
}

/** A push: the app's push check on each pushed commit of a measured branch (the dashboard needs the app). */
async function measurePush(octokit: GitHub, event: Record<string, any>, configPath: string, env: NodeJS.ProcessEnv, campaign: boolean): Promise<void> {
  const repository = event.repository;
  const branch = String(event.ref ?? "").replace(/^refs\/heads\//, "");
  const commits: Array<{ id: string }> = event.commits ?? [];
  const onBranch = String(event.ref ?? "").startsWith("refs/heads/") && !event.deleted;
  // With the campaign input, a push to the default branch updates the dashboard (and the campaign in it) too.
  const dashboard = campaign && onBranch && branch === repository?.default_branch;
  if (!dashboard && (!onBranch || event.forced || commits.length === 0)) {
    core.info("small-steps: a tag, a deleted branch, a forced push or no commits: nothing to measure.");
    core.setOutput("conclusion", "neutral");
    return;
  }
  const target = pushTarget(repository, branch);
  // Read once, for the dashboard and the push checks alike.
  const loaded = await loadConfig(octokit, { owner: target.owner, repo: target.repo }, env.GITHUB_SERVER_URL || "https://github.com", configPath);
  if (dashboard) await dashboardFromAction(octokit, event, loaded, configPath);
  if (event.forced || commits.length === 0) {
    core.info("small-steps: a forced push or no commits: no commit to measure.");
    core.setOutput("conclusion", "neutral");
    return;
  }
  if (!loaded.ok) {
    core.setOutput("conclusion", "action_required");
    core.setFailed(`The configuration in ${configPath} is not valid: ${loaded.problems.map((p) => `${p.path}: ${p.message}`).join("; ")}`);
    return;
  }
  if (!measuresBranch(loaded, target)) {
    core.info(`small-steps: pushes to ${branch} are not measured (push.enabled, push.branches).`);
    core.setOutput("conclusion", "neutral");
    return;
  }
  const context = { octokit, log } as unknown as Parameters<typeof runPushChecks>[0];
  const results = await runPushChecks(context, target, commits.map((c) => c.id), loaded);
  const regressions = results.reduce((sum, r) => sum + r.regressions, 0);
  const conclusion = results.reduce<Conclusion>((w, r) => (r.conclusion ? worst(w, r.conclusion) : w), "success");
  core.setOutput("regressions", String(regressions));
  core.setOutput("conclusion", conclusion);
  await core.summary.addRaw(`## small-steps: ${count(results.length, "pushed commit")} measured\n\nEach has its own small-steps check run. ${count(regressions, "regression")} found.`).write();
  if (conclusion === "failure") core.setFailed(`small-steps: ${count(regressions, "regression")} in the pushed commits (see their check runs)`);
}

/** The job token's bot: the dashboard issue and the campaign's pull requests are its, as the App's are its bot's. */
const ACTIONS_BOT = "github-actions[bot]";

async function dashboardFromAction(octokit: GitHub, event: Record<string, any>, loaded: LoadedConfig, configPath: string): Promise<void> {
  const target = pushTarget(event.repository, event.repository.default_branch);
  if (!loaded.ok || !loaded.config.dashboard.enabled) {
    core.info(`small-steps: the campaign input needs dashboard.enabled${loaded.ok ? "" : " and a valid configuration"} in ${configPath}: no dashboard update.`);
    return;
  }
  const context = { octokit, log } as unknown as Parameters<typeof updateDashboard>[0];
  await updateDashboard(context, { target, sha: event.after, config: loaded.config, regressions: [], botLogin: ACTIONS_BOT, now: new Date(), threads: 0 });
  await core.summary.addRaw(`## small-steps: the migration dashboard is up to date at \`${String(event.after).slice(0, 7)}\`\n\n`).write();
}

/** The campaign's own events, with the job's token: a tick on the dashboard, one of its pull requests closed. */
async function campaignEvent(octokit: GitHub, eventName: string, event: Record<string, any>, configPath: string): Promise<void> {
  const context = { octokit, log, payload: event };
  const identity = { login: async () => ACTIONS_BOT, configPath };
  const outcome = eventName === "issues" ? (event.action === "edited" ? await onDashboardEdited(context as never, identity) : IGNORED) : await onCampaignPullClosed(context as never, identity);
  const said = outcome === IGNORED ? "nothing to do for this event" : "the campaign is up to date";
  core.info(`small-steps campaign: ${said}.`);
  await core.summary.addRaw(`## small-steps campaign: ${said}\n`).write();
  core.setOutput("conclusion", "neutral");
}

main().catch((error: unknown) => core.setFailed(`small-steps could not measure this pull request: ${(error as Error)?.message ?? String(error)}`));
