// @ts-nocheck
import type { GitHub, RepoRef } from "./client.js";

/** Open pull requests whose head is this commit (check payloads leave `pull_requests` empty for forks). */
export async function findPullRequestsForCommit(github: GitHub, ref: RepoRef, sha: string): Promise<number[]> {
  const { data } = await github.rest.repos.listPullRequestsAssociatedWithCommit({ ...ref, commit_sha: sha, per_page: 100 });
  return data.filter((pr) => pr.state === "open" && pr.head.sha === sha).map((pr) => pr.number);
}
