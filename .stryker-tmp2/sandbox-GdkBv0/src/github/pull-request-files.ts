// @ts-nocheck
import { fromGitHubFile, type ChangedFile, type GitHubFileEntry } from "../analysis/changed-file.js";
import type { GitHub, RepoRef } from "./client.js";
import { describeFailure, type RequestFailure } from "./errors.js";

/** GitHub's file list for a pull request stops at 3,000 files, 100 per page. */
export const FILES_PER_PAGE = 100;
export const GITHUB_FILE_LIST_CAP = 3000;

export interface FileListing {
  files: ChangedFile[];
  /** Set when a page after the first failed: the files so far are kept and the report says it is partial. */
  failure?: RequestFailure;
}

/**
 * Lists a pull request's files, page by page, asking for no page beyond what `changedFiles` says exists.
 * A failure on the first page throws (nothing is known); a later failure returns what was read.
 */
export async function listPullRequestFiles(github: GitHub, ref: RepoRef & { pullNumber: number; changedFiles?: number }): Promise<FileListing> {
  const expected = Math.min(ref.changedFiles ?? GITHUB_FILE_LIST_CAP, GITHUB_FILE_LIST_CAP);
  const files: ChangedFile[] = [];
  for (let page = 1; page <= GITHUB_FILE_LIST_CAP / FILES_PER_PAGE; page++) {
    let entries: GitHubFileEntry[];
    try {
      const response = await github.rest.pulls.listFiles({ owner: ref.owner, repo: ref.repo, pull_number: ref.pullNumber, per_page: FILES_PER_PAGE, page });
      entries = response.data as GitHubFileEntry[];
    } catch (error) {
      if (page === 1) throw error;
      return { files, failure: describeFailure(`Listing page ${page} of the pull request's files`, error) };
    }
    for (const entry of entries) files.push(fromGitHubFile(entry));
    if (entries.length < FILES_PER_PAGE || files.length >= expected) break;
  }
  return { files };
}
