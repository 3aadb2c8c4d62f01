import type { ApplicationFunctionOptions, Context, Probot } from "probot";
import type { GitHub } from "../github/client.js";
import { findPullRequestsForCommit } from "../github/pull-requests.js";
import { noteHead, startCoordination } from "../coordination/index.js";
import { registerCommands } from "./commands.js";
import { onCampaignPullClosed, onDashboardEdited } from "./campaign.js";
import { appSlug } from "../github/app-identity.js";
import { onPush, rerunPushCheck } from "./push.js";
import { PUSH_EXTERNAL_ID } from "./push-check.js";
import { ignored, tracked } from "./tracked.js";
import { metricsHandler } from "../metrics/metrics.js";
import { runSizeCheck } from "./size-check.js";
import { toTarget, type PullRequestPayload } from "./pull-request-target.js";

const PULL_REQUEST_EVENTS = [
  "pull_request.opened",
  "pull_request.synchronize",
  "pull_request.reopened",
  "pull_request.ready_for_review",
  "pull_request.converted_to_draft",
  "pull_request.edited",
] as const;

/** Re-measures the pull requests behind a commit, for the re-run buttons of a check run or a check suite. */
async function recheckCommit(context: Context<"check_run" | "check_suite">, headSha: string, known: number[], externalId?: string) {
  const { owner, repo } = context.repo();
  const github = context.octokit as GitHub;
  const fromExternalId = Number(externalId);
  const numbers = known.length ? known : Number.isInteger(fromExternalId) && fromExternalId > 0 ? [fromExternalId] : await findPullRequestsForCommit(github, { owner, repo }, headSha);
  if (numbers.length === 0) {
    context.log.info({ headSha }, "re-run requested for a commit with no open pull request");
    return;
  }
  for (const number of numbers) {
    const { data } = await github.rest.pulls.get({ owner, repo, pull_number: number });
    // The pull request may have moved on: the check for the old commit is then marked superseded by runSizeCheck.
    await runSizeCheck(context as unknown as Context, { ...toTarget(data as unknown as PullRequestPayload, context.payload.repository.default_branch), headSha });
  }
}

export default function smallSteps(app: Probot, options?: ApplicationFunctionOptions): void {
  startCoordination(process.env.REDIS_URL, app.log);
  // GET /metrics on the app's own server (under `npm start`; a bare Probot in tests has no server).
  try {
    options?.addHandler(metricsHandler());
  } catch {
    /* no server */
  }
  app.on([...PULL_REQUEST_EVENTS], tracked(async (context) => {
    const { payload } = context;
    // Only a changed base branch matters in an edit; a closed pull request is not measured.
    if (payload.action === "edited" && !("base" in (payload.changes ?? {}))) return ignored(context, "edited without a change of base branch");
    if (payload.pull_request.state !== "open") return ignored(context, `pull request is ${payload.pull_request.state}`);
    const before = payload.action === "synchronize" ? payload.before : undefined;
    const pr = payload.pull_request;
    if (pr.updated_at) await noteHead(`${payload.repository.full_name}#${pr.number}`, pr.head.sha, pr.updated_at);
    await runSizeCheck(context as unknown as Context, toTarget(payload.pull_request as PullRequestPayload, payload.repository.default_branch), { before });
  }));

  app.on("check_run.rerequested", tracked(async (context) => {
    const run = context.payload.check_run;
    if (run.app?.id !== undefined && process.env.APP_ID && String(run.app.id) !== process.env.APP_ID) return ignored(context, "another app's check run");
    if (run.external_id === PUSH_EXTERNAL_ID) return rerunPushCheck(context, run.head_sha, run.check_suite?.head_branch ?? undefined);
    await recheckCommit(context, run.head_sha, (run.pull_requests ?? []).map((pr) => pr.number), run.external_id ?? undefined);
  }));

  app.on("check_suite.rerequested", tracked(async (context) => {
    const suite = context.payload.check_suite;
    await recheckCommit(context, suite.head_sha, (suite.pull_requests ?? []).map((pr) => pr.number));
  }));

  app.on("push", tracked((context) => onPush(context, app)));

  // The campaign: a tick on the dashboard opens a fix pull request; one of them closing is recorded.
  const identity = { login: async () => ((slug) => slug && `${slug}[bot]`)(await appSlug(app)) };
  app.on("issues.edited", tracked((context) => onDashboardEdited(context, identity)));
  app.on("pull_request.closed", tracked((context) => onCampaignPullClosed(context, identity)));

  registerCommands(app);
}
