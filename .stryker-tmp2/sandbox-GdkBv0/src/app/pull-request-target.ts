/** The facts about a pull request that a size check needs, from a webhook payload or a REST read. */
// @ts-nocheck

export interface PullRequestTarget {
  owner: string;
  repo: string;
  number: number;
  headSha: string;
  baseSha: string;
  baseRef: string;
  defaultBranch: string;
  draft: boolean;
  authorIsBot: boolean;
  changedFiles?: number;
  /** The repository's web address, for links in the report. */
  htmlUrl: string;
}

/** The fields of GitHub's pull request object that we read (webhook payloads and the REST API share them). */
export interface PullRequestPayload {
  number: number;
  draft?: boolean;
  changed_files?: number;
  user: { type?: string; login?: string } | null;
  head: { sha: string };
  base: { sha: string; ref: string; repo: { name: string; owner: { login: string }; default_branch?: string; html_url: string } };
}

export function toTarget(pr: PullRequestPayload, defaultBranch?: string): PullRequestTarget {
  const repository = pr.base.repo;
  return {
    owner: repository.owner.login,
    repo: repository.name,
    number: pr.number,
    headSha: pr.head.sha,
    baseSha: pr.base.sha,
    baseRef: pr.base.ref,
    defaultBranch: defaultBranch ?? repository.default_branch ?? "main",
    draft: pr.draft === true,
    authorIsBot: pr.user?.type === "Bot",
    changedFiles: pr.changed_files,
    htmlUrl: repository.html_url,
  };
}

/** The web server's address (github.com or a GitHub Enterprise host) from a repository's address. */
export function htmlBase(target: Pick<PullRequestTarget, "htmlUrl" | "owner" | "repo">): string {
  const suffix = `/${target.owner}/${target.repo}`;
  return target.htmlUrl.endsWith(suffix) ? target.htmlUrl.slice(0, -suffix.length) : target.htmlUrl;
}
