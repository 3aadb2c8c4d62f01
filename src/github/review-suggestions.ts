import type { Suggestion } from "../fix/suggestions.js";
import { FINGERPRINT, renderSuggestion } from "../report/suggestions.js";
import type { GitHub, RepoRef } from "./client.js";
import { isOurs } from "./comments.js";

/** Review comments read at most to find the suggestions already posted (100 a page). */
const MAX_PAGES = 10;

/** The fingerprints of the suggestions this app has posted on a pull request, outdated ones included. */
export async function postedFingerprints(github: GitHub, ref: RepoRef & { pullNumber: number }): Promise<Set<string>> {
  const found = new Set<string>();
  for (let page = 1; page <= MAX_PAGES; page++) {
    const { data } = await github.rest.pulls.listReviewComments({ owner: ref.owner, repo: ref.repo, pull_number: ref.pullNumber, per_page: 100, page });
    for (const comment of data) if (isOurs(comment)) for (const m of (comment.body ?? "").matchAll(FINGERPRINT)) found.add(m[1]!);
    if (data.length < 100) break;
  }
  return found;
}

/** One review on the head commit holding every suggestion, on the RIGHT side (the pull request's version). */
export async function postSuggestionReview(github: GitHub, ref: RepoRef & { pullNumber: number }, headSha: string, suggestions: readonly Suggestion[], body: string): Promise<number> {
  const { data } = await github.rest.pulls.createReview({
    owner: ref.owner,
    repo: ref.repo,
    pull_number: ref.pullNumber,
    commit_id: headSha,
    event: "COMMENT",
    body,
    comments: suggestions.map((s) => ({
      path: s.path,
      body: renderSuggestion(s),
      line: s.endLine,
      side: "RIGHT" as const,
      ...(s.startLine < s.endLine ? { start_line: s.startLine, start_side: "RIGHT" as const } : {}),
    })),
  });
  return data.id;
}
