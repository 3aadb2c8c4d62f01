import { readFile } from "node:fs/promises";
import * as core from "@actions/core";
import { runSizeCheck } from "../app/size-check.js";
import { toTarget, type PullRequestPayload } from "../app/pull-request-target.js";
import type { GitHub } from "../github/client.js";
import { loadConfig } from "../github/config-file.js";
import { smallStepsOctokit } from "../github/octokit.js";
import { renderSummary } from "../report/markdown.js";

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

async function main(): Promise<void> {
  const env = process.env;
  const token = core.getInput("github-token", { required: true });
  const configPath = core.getInput("config") || ".github/small-steps.yml";
  const eventName = env.GITHUB_EVENT_NAME ?? "";
  const event = JSON.parse(await readFile(env.GITHUB_EVENT_PATH ?? "", "utf8")) as Record<string, any>;
  const Octokit = smallStepsOctokit(env);
  const octokit = new Octokit({ auth: { token }, baseUrl: env.GITHUB_API_URL || "https://api.github.com" }) as unknown as GitHub;

  if (eventName !== "pull_request" && eventName !== "pull_request_target") {
    // The app's push checks (issue: small commits to master) will run here too once they land.
    core.info(`small-steps measures pull requests; a ${eventName || "unknown"} event has nothing to measure yet.`);
    await core.summary.addRaw(`small-steps: nothing to measure for a \`${eventName}\` event.`).write();
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

main().catch((error: unknown) => core.setFailed(`small-steps could not measure this pull request: ${(error as Error)?.message ?? String(error)}`));
