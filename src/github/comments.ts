import type { GitHub, RepoRef } from "./client.js";
import { hasStatus } from "./errors.js";

/** Where a command was typed: each place has its own reaction and reply endpoints. */
export type CommandSource =
  | { kind: "issue_comment"; commentId: number }
  | { kind: "review_comment"; commentId: number }
  | { kind: "review"; reviewId: number }
  | { kind: "check_run_button" };

export type Reaction = "+1" | "confused" | "eyes";

/**
 * Acknowledge a command where it was typed. Reviews take no reactions, so the pull request itself gets it;
 * a button press is acknowledged by the check run it changes.
 */
export async function react(github: GitHub, ref: RepoRef & { pullNumber: number }, source: CommandSource, content: Reaction): Promise<void> {
  const { owner, repo } = ref;
  if (source.kind === "check_run_button") return;
  if (source.kind === "issue_comment") await github.rest.reactions.createForIssueComment({ owner, repo, comment_id: source.commentId, content });
  else if (source.kind === "review_comment") await github.rest.reactions.createForPullRequestReviewComment({ owner, repo, comment_id: source.commentId, content });
  else await github.rest.reactions.createForIssue({ owner, repo, issue_number: ref.pullNumber, content });
}

/** Answer a command: in the review comment's thread, or in the pull request's conversation. */
export async function reply(github: GitHub, ref: RepoRef & { pullNumber: number }, source: CommandSource, body: string): Promise<void> {
  const { owner, repo } = ref;
  if (source.kind === "review_comment") {
    await github.rest.pulls.createReplyForReviewComment({ owner, repo, pull_number: ref.pullNumber, comment_id: source.commentId, body });
  } else {
    await github.rest.issues.createComment({ owner, repo, issue_number: ref.pullNumber, body });
  }
}

/** A hidden marker that finds our own comment again, so that it is edited in place rather than posted twice. */
export const marker = (name: string) => `<!-- small-steps:${name} -->`;

/** Our comment holding `mark`, if any: written by a bot (only the app writes with its name) and carrying the marker. */
export async function findMarkedComment(github: GitHub, ref: RepoRef & { pullNumber: number }, mark: string): Promise<number | undefined> {
  const comments = await github.paginate(github.rest.issues.listComments, { owner: ref.owner, repo: ref.repo, issue_number: ref.pullNumber, per_page: 100 });
  const appId = Number(process.env.APP_ID);
  const ours = comments.find(
    (c) => c.body?.includes(mark) && c.user?.type === "Bot" && (!Number.isInteger(appId) || !c.performed_via_github_app || c.performed_via_github_app.id === appId),
  );
  return ours?.id;
}

/**
 * Create or update the comment carrying `mark`. `knownId` (from the check run's record) saves the search; if that
 * comment was deleted, the search runs and, failing that, a new comment is posted.
 */
export async function upsertMarkedComment(github: GitHub, ref: RepoRef & { pullNumber: number }, mark: string, body: string, knownId?: number): Promise<number> {
  const text = `${mark}\n${body}`;
  const update = async (id: number) => {
    await github.rest.issues.updateComment({ owner: ref.owner, repo: ref.repo, comment_id: id, body: text });
    return id;
  };
  if (knownId) {
    try {
      return await update(knownId);
    } catch (error) {
      if (!hasStatus(error, 404)) throw error;
    }
  }
  const found = await findMarkedComment(github, ref, mark);
  if (found) return update(found);
  const { data } = await github.rest.issues.createComment({ owner: ref.owner, repo: ref.repo, issue_number: ref.pullNumber, body: text });
  return data.id;
}
