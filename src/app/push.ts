import type { Context, Probot } from "probot";
import { appSlug } from "../github/app-identity.js";
import { updateDashboard } from "./dashboard.js";
import type { GitHub } from "../github/client.js";
import { CONFIG_PATH } from "../github/config-file.js";
import { configChanged, touchesConfig } from "../github/config-cache.js";
import { useConditionalRequests } from "../github/conditional-requests.js";
import { loadPushConfig, measuresBranch, pushTarget, runPushCheck, runPushChecks } from "./push-check.js";
import { runSizeCheck } from "./size-check.js";
import { toTarget, type PullRequestPayload } from "./pull-request-target.js";
import { ignored, IGNORED } from "./tracked.js";

/** How many open pull requests (most recently updated first) a config change re-measures. */
const RECHECK_ON_CONFIG_CHANGE = 30;

/**
 * A push: a check run on each pushed commit of a measured branch (newest `push.maxCommits`), then, when it changed
 * the config on the default branch, the open pull requests re-measured against the new policy. Tags and deleted
 * branches are left alone; a forced push is logged and its commits not measured (they rewrote history already seen).
 */
export async function onPush(context: Context<"push">, app: Probot): Promise<typeof IGNORED | void> {
  const { payload } = context;
  const { repository } = payload;
  if (!payload.ref.startsWith("refs/heads/")) return ignored(context, "push of a tag");
  if (payload.deleted) return ignored(context, "push that deletes a branch");
  const branch = payload.ref.slice("refs/heads/".length);
  const target = pushTarget(repository, branch);
  const commits = payload.commits ?? [];
  // A policy file changed on a default branch: every cached policy of this owner is read again (config-cache.ts).
  if (branch === repository.default_branch && touchesConfig(commits.flatMap((c) => [...(c.added ?? []), ...(c.modified ?? []), ...(c.removed ?? [])]))) await configChanged(target.owner);
  let measured = 0;
  if (payload.forced) context.log.info({ branch, commits: commits.length }, "forced push: its commits are not measured");
  else if (commits.length || branch === repository.default_branch) {
    const github = useConditionalRequests(context.octokit as GitHub);
    const newest = commits.at(-1)?.id ?? payload.after;
    const loaded = await loadPushConfig(github, target, newest);
    const regressions: Array<{ sha: string; count: number }> = [];
    if (loaded && measuresBranch(loaded, target)) {
      const results = await runPushChecks(context, target, commits.map((c) => c.id), loaded);
      for (const r of results) if (r.regressions) regressions.unshift({ sha: r.sha, count: r.regressions });
      measured += results.length;
    }
    if (loaded && branch === repository.default_branch && loaded.config.dashboard.enabled) {
      const slug = await appSlug(app);
      await updateDashboard(context, { target, sha: payload.after, config: loaded.config, regressions, botLogin: slug && `${slug}[bot]`, now: new Date() });
      measured++;
    }
  }
  const rechecked = branch === repository.default_branch ? await recheckOnConfigChange(context) : 0;
  if (!measured && !rechecked) return ignored(context, payload.forced ? "forced push" : "push to a branch that is not measured, or without commits");
}

/** A new policy on the default branch applies to the open pull requests at once, not at their next push. */
async function recheckOnConfigChange(context: Context<"push">): Promise<number> {
  const { commits, repository } = context.payload;
  const touched = (commits ?? []).some((c) => [...(c.added ?? []), ...(c.modified ?? []), ...(c.removed ?? [])].includes(CONFIG_PATH));
  if (!touched) return 0;
  const { owner, repo } = context.repo();
  const github = context.octokit as GitHub;
  const { data: open } = await github.rest.pulls.list({ owner, repo, state: "open", base: repository.default_branch, sort: "updated", direction: "desc", per_page: RECHECK_ON_CONFIG_CHANGE });
  context.log.info({ pulls: open.length }, "config changed on the default branch: re-measuring open pull requests");
  for (const { number } of open) {
    const { data } = await github.rest.pulls.get({ owner, repo, pull_number: number });
    await runSizeCheck(context as unknown as Context, toTarget(data as unknown as PullRequestPayload, repository.default_branch));
  }
  return open.length + 1;
}

/** The Re-run button on a pushed commit's check: the commit measured again, under today's policy. */
export async function rerunPushCheck(context: Context<"check_run">, sha: string, branch: string | undefined): Promise<typeof IGNORED | void> {
  const { repository } = context.payload;
  const target = pushTarget(repository, branch ?? repository.default_branch);
  const github = useConditionalRequests(context.octokit as GitHub);
  const loaded = await loadPushConfig(github, target, sha);
  if (!loaded) return;
  if (!measuresBranch(loaded, target)) return ignored(context, "re-run of a push check on a branch no longer measured");
  await runPushCheck(context, target, sha, { loaded });
}
