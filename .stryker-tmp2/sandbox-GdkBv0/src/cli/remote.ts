// @ts-nocheck
import { config as configPlugin } from "@probot/octokit-plugin-config";
import { Octokit } from "@octokit/rest";
import { manifestKind } from "../analysis/dependencies/manifests.js";
import { gitattributesCandidates } from "../analysis/gitattributes.js";
import { filesToRead, WHOLE_FILE_BOUND } from "../engine.js";
import { CHECK_NAME } from "../github/check-runs.js";
import type { GitHub } from "../github/client.js";
import { loadConfig } from "../github/config-file.js";
import { listPullRequestFiles } from "../github/pull-request-files.js";
import { readPullRequestState } from "../github/pull-request-state.js";
import type { CheckSubject } from "./sources.js";

export interface PullRequestRef {
  owner: string;
  repo: string;
  number: number;
}

export function parsePullRequestRef(text: string): PullRequestRef | undefined {
  const match = /^([\w.-]+)\/([\w.-]+)#(\d+)$/.exec(text.trim());
  return match ? { owner: match[1], repo: match[2], number: Number(match[3]) } : undefined;
}

/**
 * A pull request on GitHub, read as the app reads it (same calls, same config rules), with a personal token.
 * GITHUB_API_URL points it at GitHub Enterprise Server.
 */
export async function fromPullRequest(ref: PullRequestRef, env: NodeJS.ProcessEnv): Promise<CheckSubject> {
  const token = env.GITHUB_TOKEN;
  if (!token) throw new Error("--pr needs a token in GITHUB_TOKEN");
  const RestWithConfig = Octokit.plugin(configPlugin);
  const octokit = new RestWithConfig({ auth: token, baseUrl: env.GITHUB_API_URL || undefined, userAgent: "small-steps-cli" });
  const github = octokit as unknown as GitHub; // the same REST, GraphQL and config methods as Probot's Octokit
  const { data: pr } = await octokit.rest.pulls.get({ owner: ref.owner, repo: ref.repo, pull_number: ref.number });
  const htmlBase = pr.base.repo.html_url.slice(0, -`/${ref.owner}/${ref.repo}`.length);
  const loaded = await loadConfig(github, { owner: ref.owner, repo: ref.repo }, htmlBase);
  const listing = await listPullRequestFiles(github, { owner: ref.owner, repo: ref.repo, pullNumber: ref.number, changedFiles: pr.changed_files });
  const plan = loaded.ok ? filesToRead(listing.files, loaded.config, WHOLE_FILE_BOUND) : { head: [], base: [], wanted: [] };
  const state = await readPullRequestState(github, {
    owner: ref.owner,
    repo: ref.repo,
    pullNumber: ref.number,
    baseSha: pr.base.sha,
    headSha: pr.head.sha,
    gitattributesPaths: gitattributesCandidates(listing.files.map((f) => f.path)),
    manifestPaths: listing.files.filter((f) => manifestKind(f.path)).map((f) => f.path),
    headPaths: plan.head,
    basePaths: plan.base,
    labelNames: [],
    checkName: CHECK_NAME,
  });
  return {
    label: `${ref.owner}/${ref.repo}#${ref.number}`,
    files: listing.files,
    gitattributes: state.gitattributes,
    config: loaded.ok ? { ok: true, config: loaded.config } : { ok: false, problems: loaded.problems },
    configSource: loaded.sources.join(", ") || "defaults",
    facts: { baseBranch: pr.base.ref, defaultBranch: pr.base.repo.default_branch, draft: pr.draft === true, authorIsBot: pr.user?.type === "Bot" },
    filesExpected: pr.changed_files,
    manifests: state.manifests,
    // Read with the rest of the state, as the app reads them, within the app's bound.
    readWholeFiles: async () => ({ head: state.headTexts, base: state.baseTexts }),
    wholeFileBound: { plan, bytes: WHOLE_FILE_BOUND.bytes },
  };
}
