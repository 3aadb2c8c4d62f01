import { appSlug } from "../github/app-identity.js";
export { forgetAppSlug } from "../github/app-identity.js";
import type { Context, Probot } from "probot";
import { helpText, mentionsSomeone, parseCommand, type Command } from "../commands/parse.js";
import type { GitHub } from "../github/client.js";
import { marker, react, reply, upsertMarkedComment, type CommandSource } from "../github/comments.js";
import { useConditionalRequests } from "../github/conditional-requests.js";
import { loadConfig } from "../github/config-file.js";
import { atLeast, permissionOf } from "../github/permissions.js";
import type { Config } from "../policy/config.js";
import { renderExplanation, renderSplitPlan } from "../report/comments.js";
import { codeSpan, plainText } from "../report/neutralise.js";
import { htmlBase, toTarget, type PullRequestPayload, type PullRequestTarget } from "./pull-request-target.js";
import { ignored, tracked } from "./tracked.js";
import { CommandLimiter } from "./command-limits.js";
import { count, noun } from "../plural.js";
import { ACCEPT_ACTION, REVOKE_ACTION, runSizeCheck } from "./size-check.js";

const SPLIT = marker("split");
const REASON_LIMIT = 300;

interface Invocation {
  context: Context;
  github: GitHub;
  target: PullRequestTarget;
  source: CommandSource;
  sender: string;
  author?: string;
}

/**
 * Who may accept or revoke: at least the configured permission; an author may not accept their own pull request
 * unless the config allows it (revoking, which only makes the check stricter, needs the permission alone).
 */
async function mayAccept(inv: Invocation, config: Config, command: "accept" | "revoke"): Promise<string | undefined> {
  if (command === "accept" && !config.accept.allowAuthor && inv.author && inv.author.toLowerCase() === inv.sender.toLowerCase()) {
    return `@${inv.sender}, authors cannot accept their own pull request here: ask someone with **${config.accept.permission}** permission (or set \`accept.allowAuthor: true\`).`;
  }
  const permission = await permissionOf(inv.github, { owner: inv.target.owner, repo: inv.target.repo }, inv.sender);
  if (!atLeast(permission, config.accept.permission)) {
    return `@${inv.sender}, accepting or revoking needs **${config.accept.permission}** permission on this repository (you have ${permission}). Nothing was changed.`;
  }
  return undefined;
}

/** Sanitised for the audit line: one line, bounded, and as text that mentions no one and holds no HTML or Markdown. */
const cleanReason = (text: string) => plainText(text.replace(/\s+/g, " ").trim(), REASON_LIMIT);

/** Commands that measure or explain need the pull request's authorship or triage permission; help needs neither. */
async function mayRun(inv: Invocation, command: Command): Promise<string | undefined> {
  if (command.name === "help" || command.name === "accept" || command.name === "revoke") return undefined; // accept and revoke check their own
  if (inv.author && inv.author.toLowerCase() === inv.sender.toLowerCase()) return undefined;
  const permission = await permissionOf(inv.github, { owner: inv.target.owner, repo: inv.target.repo }, inv.sender);
  if (atLeast(permission, "triage")) return undefined;
  return `@${inv.sender}, \`/small-steps ${command.name}\` needs **triage** permission on this repository, or to be the pull request's author. Nothing was run.`;
}

async function execute(inv: Invocation, command: Command, app: Probot, limiter: CommandLimiter): Promise<void> {
  const { github, target, source } = inv;
  const ref = { owner: target.owner, repo: target.repo, pullNumber: target.number };
  const log = inv.context.log.child({ pr: target.number, command: command.name, sender: inv.sender });
  if (source.kind !== "check_run_button") {
    const allowance = limiter.take(`${target.owner}/${target.repo}#${target.number}`.toLowerCase(), Date.now());
    if (!allowance.ok) {
      log.info({ retryAfterSeconds: allowance.retryAfterSeconds }, "command refused: too many on this pull request");
      if (allowance.firstRefusal) {
        await react(github, ref, source, "confused");
        await reply(github, ref, source, `Too many small-steps commands on this pull request: try again in ${count(Math.ceil(allowance.retryAfterSeconds / 60), "minute")}.`);
      }
      return;
    }
  }
  const refused = await mayRun(inv, command);
  if (refused) {
    log.info("command refused: no permission");
    await react(github, ref, source, "confused");
    await reply(github, ref, source, refused);
    return;
  }
  if (command.name === "help") {
    await react(github, ref, source, command.unknown ? "confused" : "+1");
    await reply(github, ref, source, `${command.unknown ? `Unknown command ${codeSpan(command.unknown, 40)}. ` : ""}${helpText(await appSlug(app))}`);
    return;
  }
  if (command.name === "accept" || command.name === "revoke") {
    const loaded = await loadConfig(github, { owner: target.owner, repo: target.repo }, htmlBase(target));
    if (!loaded.ok) {
      await react(github, ref, source, "confused");
      await reply(github, ref, source, "The configuration in `.github/small-steps.yml` is not valid (see the small-steps check run), so nothing can be accepted until it is fixed.");
      return;
    }
    const refusal = await mayAccept(inv, loaded.config, command.name);
    if (refusal) {
      log.info("command refused");
      await react(github, ref, source, "confused");
      await reply(github, ref, source, refusal);
      return;
    }
    const reason = cleanReason(command.argument);
    if (command.name === "accept" && !reason) {
      await react(github, ref, source, "confused");
      await reply(github, ref, source, "Give a reason for the audit trail: `/small-steps accept <reason>`.");
      return;
    }
    const result = await runSizeCheck(inv.context, target, { accept: command.name === "accept" ? { by: inv.sender, reason } : null, loaded });
    await react(github, ref, source, "+1");
    if (command.name === "revoke" && !result?.recorded) await reply(github, ref, source, "There was no acceptance to revoke.");
    log.info({ accepted: command.name === "accept" }, "acceptance recorded on the check run");
    return;
  }
  if (command.name === "fix") return fix(inv, ref);
  const result = await runSizeCheck(inv.context, target);
  await react(github, ref, source, result ? "+1" : "confused");
  if (!result) {
    if (command.name !== "recheck") await reply(github, ref, source, "small-steps could not measure this pull request: see its check run.");
    return;
  }
  if (command.name === "explain") await reply(github, ref, source, renderExplanation(result.evaluation));
  if (command.name === "split") await upsertMarkedComment(github, ref, SPLIT, renderSplitPlan(result.evaluation));
}

/** `/small-steps fix`: the check run again, then a review with the suggested fixes no earlier review holds. */
async function fix(inv: Invocation, ref: { owner: string; repo: string; pullNumber: number }): Promise<void> {
  const { github, source } = inv;
  const result = await runSizeCheck(inv.context, inv.target, { suggest: true });
  if (!result) {
    await react(github, ref, source, "confused");
    await reply(github, ref, source, "small-steps could not measure this pull request: see its check run.");
    return;
  }
  if (result.evaluation.config.fixes.suggestions === "off") {
    await react(github, ref, source, "confused");
    await reply(github, ref, source, "Suggested fixes are turned off here (`fixes.suggestions: off` in `.github/small-steps.yml`).");
    return;
  }
  const outcome = result.suggested;
  await react(github, ref, source, outcome?.posted ? "+1" : "confused");
  if (outcome?.posted) return; // the review is the answer
  const why = outcome?.failure
    ? `GitHub did not take the review: ${plainText(outcome.failure, 400)}`
    : outcome?.alreadyPosted
      ? `every fix is already suggested in an earlier review (${count(outcome.alreadyPosted, "suggestion")})`
      : "nothing this pull request adds has a mechanical fix";
  const left = outcome?.unfixed ? ` ${count(outcome.unfixed, "regression")} without a suggestion ${noun(outcome.unfixed, "is")} listed on the check run.` : "";
  await reply(github, ref, source, `No new suggested fixes: ${why}.${left}`);
}

function isBot(user: { type?: string; login?: string } | null | undefined): boolean {
  return user?.type === "Bot" || (user?.login ?? "").endsWith("[bot]");
}

export function registerCommands(app: Probot): void {
  const limiter = new CommandLimiter();
  const run = async (context: Context, body: string | null | undefined, source: CommandSource, pr: () => Promise<PullRequestPayload>) => {
    const sender = context.payload.sender as { login: string; type?: string } | undefined;
    if (!sender || isBot(sender)) return ignored(context, "comment by a bot"); // the app itself included
    let command = parseCommand(body);
    if (!command && mentionsSomeone(body)) command = parseCommand(body, await appSlug(app));
    if (!command) return ignored(context, "comment without a command");
    const payload = await pr();
    const defaultBranch = (context.payload as { repository?: { default_branch?: string } }).repository?.default_branch;
    const target = toTarget(payload, defaultBranch);
    const github = useConditionalRequests(context.octokit as GitHub);
    await execute({ context, github, target, source, sender: sender.login, author: payload.user?.login }, command, app, limiter);
  };

  // Only "created" and "submitted": an edited comment never runs its command again.
  app.on("issue_comment.created", tracked(async (context) => {
    const { issue, comment } = context.payload;
    if (!issue.pull_request) return ignored(context, "comment on an issue, not a pull request");
    await run(context as unknown as Context, comment.body, { kind: "issue_comment", commentId: comment.id }, async () => {
      const { data } = await context.octokit.rest.pulls.get(context.repo({ pull_number: issue.number }));
      return data as unknown as PullRequestPayload;
    });
  }));
  app.on("pull_request_review_comment.created", tracked(async (context) => {
    const { comment, pull_request } = context.payload;
    const source: CommandSource = { kind: "review_comment", commentId: comment.id, threadId: comment.in_reply_to_id ?? comment.id };
    await run(context as unknown as Context, comment.body, source, async () => pull_request as unknown as PullRequestPayload);
  }));
  app.on("pull_request_review.submitted", tracked(async (context) => {
    const { review, pull_request } = context.payload;
    await run(context as unknown as Context, review.body, { kind: "review", reviewId: review.id }, async () => pull_request as unknown as PullRequestPayload);
  }));

  // The check run's buttons: the identifier is checked, and the sender's permission exactly as for the command.
  app.on("check_run.requested_action", tracked(async (context) => {
    const { check_run: run, requested_action: action, sender } = context.payload;
    if (process.env.APP_ID && String(run.app?.id) !== process.env.APP_ID) return;
    const identifier = action?.identifier;
    if (identifier !== ACCEPT_ACTION && identifier !== REVOKE_ACTION) return ignored(context, `unknown check run action ${String(identifier).slice(0, 40)}`);
    if (isBot(sender)) return;
    const number = Number(run.external_id) || run.pull_requests?.[0]?.number;
    if (!number) return;
    const { data } = await context.octokit.rest.pulls.get(context.repo({ pull_number: number }));
    const payload = data as unknown as PullRequestPayload;
    const target = { ...toTarget(payload, context.payload.repository.default_branch) };
    if (target.headSha !== run.head_sha) return; // a button on an old commit's run: the newer run has its own
    const source: CommandSource = { kind: "check_run_button" };
    const reason = identifier === ACCEPT_ACTION ? "accepted with the check run's button" : "";
    await execute(
      { context: context as unknown as Context, github: useConditionalRequests(context.octokit as GitHub), target, source, sender: sender.login, author: payload.user?.login },
      { name: identifier === ACCEPT_ACTION ? "accept" : "revoke", argument: reason },
      app,
      limiter,
    );
  }));
}
