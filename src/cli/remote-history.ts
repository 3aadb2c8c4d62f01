import { config as configPlugin } from "@probot/octokit-plugin-config";
import { Octokit } from "@octokit/rest";
import type { ChangedFile } from "../analysis/changed-file.js";
import type { GitHub } from "../github/client.js";
import { loadConfig, type LoadedConfig } from "../github/config-file.js";
import { listPullRequestFiles } from "../github/pull-request-files.js";

/** A merged pull request's files, as GitHub lists them (its 3,000-file cap included). */
export interface MergedChange {
  number: number;
  files: ChangedFile[];
}

/**
 * The last `last` merged pull requests of a repository on GitHub (newest merge first) with their files, and the
 * repository's policy as the app reads it (the default branch's `.github/small-steps.yml`, `_extends` and all), with a
 * token in GITHUB_TOKEN. Closed pull requests are listed newest first, 100 a page, until `last` merged ones are found
 * or `maxPages` pages were read; GITHUB_API_URL points it at GitHub Enterprise Server.
 */
export async function mergedPullRequests(repository: string, last: number, env: NodeJS.ProcessEnv, maxPages = 50): Promise<{ changes: MergedChange[]; config: LoadedConfig; gitattributes: Array<{ path: string; text: string }> }> {
  const match = /^([\w.-]+)\/([\w.-]+)$/.exec(repository);
  if (!match) throw new Error(`--repo ${repository}: expected OWNER/NAME`);
  const token = env.GITHUB_TOKEN;
  if (!token) throw new Error("--repo needs a token in GITHUB_TOKEN (read access to the repository's pull requests and contents)");
  const [owner, repo] = [match[1]!, match[2]!];
  const octokit = new (Octokit.plugin(configPlugin))({ auth: token, baseUrl: env.GITHUB_API_URL || undefined, userAgent: "small-steps-cli" });
  const github = octokit as unknown as GitHub;
  const { data: meta } = await octokit.rest.repos.get({ owner, repo });
  const config = await loadConfig(github, { owner, repo }, meta.html_url.slice(0, -`/${owner}/${repo}`.length));
  // The top .gitattributes of the default branch: what marks generated and vendored files today.
  const gitattributes: Array<{ path: string; text: string }> = [];
  try {
    const { data } = await octokit.rest.repos.getContent({ owner, repo, path: ".gitattributes", mediaType: { format: "raw" } });
    if (typeof data === "string") gitattributes.push({ path: ".gitattributes", text: data });
  } catch (error) {
    if ((error as { status?: number }).status !== 404) throw error;
  }
  const merged: Array<{ number: number; mergedAt: string }> = [];
  for (let page = 1; page <= maxPages && merged.length < last; page++) {
    const { data } = await octokit.rest.pulls.list({ owner, repo, state: "closed", sort: "updated", direction: "desc", per_page: 100, page });
    for (const pr of data) if (pr.merged_at) merged.push({ number: pr.number, mergedAt: pr.merged_at });
    if (data.length < 100) break;
  }
  merged.sort((a, b) => (a.mergedAt < b.mergedAt ? 1 : a.mergedAt > b.mergedAt ? -1 : 0));
  const changes: MergedChange[] = [];
  for (const pr of merged.slice(0, last)) {
    const listing = await listPullRequestFiles(github, { owner, repo, pullNumber: pr.number });
    changes.push({ number: pr.number, files: listing.files });
  }
  return { changes, config, gitattributes };
}
