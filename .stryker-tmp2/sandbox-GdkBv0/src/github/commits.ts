// @ts-nocheck
import { fromGitHubFile, type ChangedFile, type GitHubFileEntry } from "../analysis/changed-file.js";
import type { GitHub, RepoRef } from "./client.js";
import { describeFailure, type RequestFailure } from "./errors.js";

/** GitHub's commit API lists 300 files per page, and 3,000 at most. */
export const COMMIT_FILES_PER_PAGE = 300;
export const COMMIT_FILE_CAP = 3000;

export interface PushedCommit {
  sha: string;
  /** Parent SHAs, the first one first: what the commit is measured against. */
  parents: string[];
  message: string;
  files: ChangedFile[];
  /** Set when a page after the first failed: the files so far are kept and the report says it is partial. */
  failure?: RequestFailure;
}

const hasNextPage = (link: unknown) => typeof link === "string" && /rel="next"/.test(link);

/**
 * A commit with its files and patches (`GET /repos/{owner}/{repo}/commits/{ref}`), against its first parent, page by
 * page past 300 files (GitHub's Link header says when there is more). A failure on the first page throws.
 */
export async function readCommit(github: GitHub, ref: RepoRef, sha: string): Promise<PushedCommit> {
  const files: ChangedFile[] = [];
  let commit: PushedCommit | undefined;
  for (let page = 1; page <= COMMIT_FILE_CAP / COMMIT_FILES_PER_PAGE; page++) {
    let response;
    try {
      response = await github.rest.repos.getCommit({ owner: ref.owner, repo: ref.repo, ref: sha, per_page: COMMIT_FILES_PER_PAGE, page });
    } catch (error) {
      if (!commit) throw error;
      return { ...commit, files, failure: describeFailure(`Listing page ${page} of the commit's files`, error) };
    }
    const { data } = response;
    commit ??= { sha: data.sha, parents: data.parents.map((p) => p.sha), message: data.commit.message, files };
    for (const entry of data.files ?? []) files.push(fromGitHubFile(entry as GitHubFileEntry));
    if (!hasNextPage(response.headers.link)) break;
  }
  return commit!;
}

/** The merged pull request a commit came from (merge, squash or rebase button), when GitHub knows one. */
export async function pullRequestOfCommit(github: GitHub, ref: RepoRef, sha: string): Promise<{ number: number; title: string } | undefined> {
  const { data } = await github.rest.repos.listPullRequestsAssociatedWithCommit({ owner: ref.owner, repo: ref.repo, commit_sha: sha, per_page: 10 });
  const merged = data.filter((pr) => pr.merged_at);
  const pr = merged.find((p) => p.merge_commit_sha === sha) ?? merged[0];
  return pr && { number: pr.number, title: pr.title };
}
