import type { GitHub, RepoRef } from "./client.js";
import { hasStatus } from "./errors.js";

/** Where a command was typed: each place has its own reaction and reply endpoints. */
export type CommandSource =
  | { kind: "issue_comment"; commentId: number }
  | { kind: "review_comment"; commentId: number; /** The thread's first comment, which replies point to. */ threadId: number }
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

interface CommentLike {
  body?: string | null;
  user?: { type?: string } | null;
  performed_via_github_app?: { id: number } | null;
  in_reply_to_id?: number;
}

/** Written by this app: a bot (only the app writes with its name), and the app's own id where GitHub gives it. */
export function isOurs(comment: CommentLike): boolean {
  const appId = Number(process.env.APP_ID);
  return comment.user?.type === "Bot" && (!Number.isInteger(appId) || !comment.performed_via_github_app || comment.performed_via_github_app.id === appId);
}

/** Our latest unmarked reply where the command was typed (the review thread, or the conversation). */
async function latestReply(github: GitHub, ref: RepoRef & { pullNumber: number }, source: CommandSource): Promise<string | undefined> {
  const { owner, repo } = ref;
  const replies = (comments: CommentLike[]) => comments.filter((c) => isOurs(c) && !c.body?.includes(MARKER_PREFIX));
  if (source.kind === "review_comment") {
    const comments = await github.paginate(github.rest.pulls.listReviewComments, { owner, repo, pull_number: ref.pullNumber, per_page: 100 });
    return replies(comments).filter((c) => c.in_reply_to_id === source.threadId || c.in_reply_to_id === source.commentId).at(-1)?.body ?? undefined;
  }
  const comments = await github.paginate(github.rest.issues.listComments, { owner, repo, issue_number: ref.pullNumber, per_page: 100 });
  return replies(comments).at(-1)?.body ?? undefined;
}

/**
 * Answer a command: in the review comment's thread, or in the pull request's conversation. Compared before it is
 * written: when our latest reply there says the same, nothing is posted (the reaction acknowledges the command).
 */
export async function reply(github: GitHub, ref: RepoRef & { pullNumber: number }, source: CommandSource, body: string): Promise<boolean> {
  const { owner, repo } = ref;
  if ((await latestReply(github, ref, source)) === body) return false;
  if (source.kind === "review_comment") {
    await github.rest.pulls.createReplyForReviewComment({ owner, repo, pull_number: ref.pullNumber, comment_id: source.commentId, body });
  } else {
    await github.rest.issues.createComment({ owner, repo, issue_number: ref.pullNumber, body });
  }
  return true;
}

/** A hidden marker that finds our own comment again, so that it is edited in place rather than posted twice. */
const MARKER_PREFIX = "<!-- small-steps:";
export const marker = (name: string) => `${MARKER_PREFIX}${name} -->`;

/** Our comment holding `mark`, if any, with its body: a person's comment that quotes the marker is never ours. */
export async function findMarkedComment(github: GitHub, ref: RepoRef & { pullNumber: number }, mark: string): Promise<{ id: number; body: string } | undefined> {
  const comments = await github.paginate(github.rest.issues.listComments, { owner: ref.owner, repo: ref.repo, issue_number: ref.pullNumber, per_page: 100 });
  const ours = comments.find((c) => c.body?.includes(mark) && isOurs(c));
  return ours && { id: ours.id, body: ours.body ?? "" };
}

/**
 * Create or update the comment carrying `mark`. `knownId` (from the check run's record, whose hash the caller has
 * compared) saves the search; if that comment was deleted, the search runs and, failing that, a new comment is
 * posted. A comment found by the search is edited only when its text would change.
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
  if (found) return found.body === text ? found.id : update(found.id);
  const { data } = await github.rest.issues.createComment({ owner: ref.owner, repo: ref.repo, issue_number: ref.pullNumber, body: text });
  return data.id;
}
