import { parseDocument, isMap, isSeq, YAMLSeq } from "yaml";
import { diffSizer } from "../fix/batch.js";
import { unifiedDiff } from "../fix/line-diff.js";
import { batchBranch, branchFor, fixBatchFiles, fixCommand, type CampaignBatch } from "../campaign/batches.js";
import type { CampaignRecord } from "../campaign/record.js";
import type { GitHub, RepoRef } from "../github/client.js";
import { CONFIG_PATH } from "../github/config-file.js";
import { branchHead, openPullRequest, openPullsUnder, pointBranch, readFilesAt, writeCommit, writeVerifiedCommit, type FileAt } from "../github/git-data.js";
import { labelExists, syncLabels, type LabelDefinition } from "../github/labels.js";
import { doneGlob, type Config } from "../policy/config.js";
import { classify } from "../analysis/size.js";
import { folderOf } from "../analysis/scan/scanner.js";
import { count, formatCount as n } from "../plural.js";
import { code } from "../report/markdown.js";
import { codeSpan } from "../report/neutralise.js";
import { FLAG_LABELS, sizeLabel } from "./size-check.js";

/** What the campaign's writes need: the repository, its default branch, the policy, the clock and a logger. */
export interface CampaignScope {
  github: GitHub;
  ref: RepoRef;
  defaultBranch: string;
  config: Config;
  now: Date;
  /** The dashboard issue's address, linked from every pull request the campaign opens. */
  dashboardUrl: string;
  log: { info: (o: object, m: string) => void; warn: (o: object, m: string) => void };
}

const HOUR = 3600_000;
const folderName = (folder: string) => (folder === "." ? "the top folder" : code(`${folder}/`));
const whereName = (batch: Pick<CampaignBatch, "folder" | "owner">) => (batch.owner ? `the files of ${code(batch.owner)}` : folderName(batch.folder));
export const FIX_PREFIX = "small-steps/fix/";

/**
 * Opens the waiting batches the pace allows (campaign.maxOpen open at once, campaign.perHour an hour), oldest tick
 * first, and records each; an open pull request already on a batch's branch is recorded, not opened again (a
 * redelivery, another instance). Returns why the rest wait, if any do.
 */
export async function openWaiting(scope: CampaignScope, record: CampaignRecord, by?: string): Promise<string | undefined> {
  const { config, now } = scope;
  record.opened = record.opened.filter((t) => now.getTime() - Date.parse(t) < HOUR);
  if (!record.waiting.length) return undefined;
  const open = await openPullsUnder(scope.github, scope.ref, FIX_PREFIX);
  for (const id of [...record.waiting]) {
    const batch = record.listed.find((b) => b.id === id);
    const existing = batch && open.find((p) => p.branch === batchBranch(batch));
    if (!batch || existing) {
      record.waiting = record.waiting.filter((w) => w !== id);
      if (batch && existing) record.pulls[id] = { number: existing.number, url: existing.url, state: "open", branch: existing.branch };
      continue;
    }
    if (open.length >= config.campaign.maxOpen) return `${count(open.length, "fix pull request")} open, campaign.maxOpen is ${n(config.campaign.maxOpen)}: it opens when one is merged or closed`;
    if (record.opened.length >= config.campaign.perHour) return `${count(record.opened.length, "fix pull request")} opened in the last hour, campaign.perHour is ${n(config.campaign.perHour)}: it opens at the next update after that`;
    const made = await makeFixPull(scope, batch, record, by);
    record.waiting = record.waiting.filter((w) => w !== id);
    if (made === "stale") {
      record.listed = record.listed.filter((b) => b.id !== id);
      scope.log.info({ batch: id }, "a ticked batch has nothing left to fix at the default branch's head: dropped");
      continue;
    }
    record.pulls[id] = { number: made.number, url: made.url, state: "open", branch: batchBranch(batch), sha: made.sha };
    record.opened.push(now.toISOString());
    open.push({ number: made.number, url: made.url, branch: batchBranch(batch), createdAt: now.toISOString() });
  }
  return undefined;
}

/**
 * A batch's pull request: its files read at the default branch's head and fixed with its one rule (as `small-steps fix
 * --rules RULE` would), written as one commit on the batch's own branch, opened against the default branch and
 * labelled. "stale" when nothing is left to fix there (the files changed since the dashboard listed them).
 */
async function makeFixPull(scope: CampaignScope, batch: Omit<CampaignBatch, "command">, record: CampaignRecord, by?: string): Promise<{ number: number; url: string; sha: string } | "stale"> {
  const { github, ref, config } = scope;
  const made = await writeFixCommit(scope, batch);
  if (made === "stale") return made;
  const { fixed, lines, paths, files, branch } = made;
  const left = Math.max(0, (record.folders[batch.folder] ?? 0) - batch.fixes);
  const unread = paths.filter((p) => !files.has(p));
  const body = [
    `Rewrites ${code(batch.rule)} in ${whereName(batch)}: ${count(fixed.size, "file")}, ${count(lines, "counted line")} (${classify(lines, config.thresholds)}), for the \`${config.fixes.target}\` target (${config.fixes.target === "compatible" ? "code that runs on Python 2.7 and 3, with six and __future__" : "Python 3 alone"}).`,
    "",
    "**How it was checked.** Each fixed file was parsed again: a fix that would make a file parse worse than before is not made, and the constructs rewritten are gone. Only the rule's constructs were touched; the rest of each file (comments, spacing, quotes) is as it was. Run the tests before merging: they catch what a syntax tree cannot.",
    "",
    `**The same change in a clone:** ${codeSpan(fixCommand([...fixed.keys()], batch.rule, config.fixes.target), 3000)}`,
    "",
    `${batch.owner ? "" : `**Left in ${folderName(batch.folder)} after this:** about ${count(left, "construct")} (at the dashboard's last update). `}${unread.length ? `Not read (binary, too large or gone): ${unread.map(code).join(", ")}.` : ""}`,
    "",
    `Opened from the [migration dashboard](${scope.dashboardUrl})${by ? ` when @${by} ticked it` : ""}. Close it without merging to decline the batch; tick it again on the dashboard to have it proposed again. small-steps only ever writes to branches under \`small-steps/\`.`,
  ].join("\n");
  const pull = await openPullRequest(github, ref, { head: branch, base: scope.defaultBranch, title: made.title, body });
  const wanted = [...(config.migration.labels.migration ? [{ name: config.migration.labels.migration, ...FLAG_LABELS.migration }] : []), ...(config.labels.enabled ? [sizeLabel(config, classify(lines, config.thresholds))] : [])];
  await labelNewPull(scope, pull.number, wanted);
  scope.log.info({ batch: batch.id, pull: pull.number, files: fixed.size, lines }, "fix pull request opened");
  return { ...pull, sha: made.commit };
}

/**
 * The batch's commit on the default branch's current head, and its branch pointed at it (created, or moved by force:
 * it is ours). "stale" when nothing is left to fix there.
 */
async function writeFixCommit(scope: CampaignScope, batch: Omit<CampaignBatch, "command">) {
  const { github, ref, config } = scope;
  const branch = batchBranch(batch); // never the record's word for it
  const head = await branchHead(github, ref, scope.defaultBranch);
  if (!head) throw new Error(`the default branch ${scope.defaultBranch} has no head`);
  // The record lives in an issue body people can edit: only Python files (of the batch's folder) are ever read.
  const paths = batch.paths.filter((p) => p.endsWith(".py") && (batch.owner !== undefined || folderOf(p, config.dashboard.depth) === batch.folder));
  const files = await readFilesAt(github, ref, head, paths);
  const texts = new Map([...files].map(([path, f]) => [path, f.text]));
  const fixed = fixBatchFiles(batch, texts, config.fixes.target);
  if (!fixed.size) return "stale" as const;
  const size = diffSizer(config, []);
  const lines = [...fixed].reduce((sum, [path, text]) => sum + size(unifiedDiff(`a/${path}`, `b/${path}`, texts.get(path)!, text)), 0);
  const writes = new Map<string, FileAt>([...fixed].map(([path, text]) => [path, { text, mode: files.get(path)!.mode }]));
  const title = fixTitle(batch, fixed.size);
  const message = `${title}\n\nMade by small-steps from the migration dashboard: ${fixCommand([...fixed.keys()], batch.rule, config.fixes.target)}`;
  const commit = await commitOnBranch(scope, branch, head, writes, message);
  return { commit, fixed, lines, paths, files, branch, title };
}

const fixTitle = (batch: Pick<CampaignBatch, "rule" | "folder" | "owner">, files: number) => `Python 3: fix ${batch.rule} in ${batch.owner ? `the files of ${batch.owner.replace(/@/g, "")}` : batch.folder === "." ? "the top folder" : `${batch.folder}/`} (${count(files, "file")})`;

/**
 * An open fix pull request checked after the default branch moved: one a person pushed to (its head is not the commit
 * we wrote) is left alone and marked edited; one that conflicts with the new base is made again on it (our branch,
 * forced). Returns what happened.
 */
export async function keepCurrent(scope: CampaignScope, batch: Omit<CampaignBatch, "command"> | undefined, pull: { number: number; sha?: string }): Promise<"open" | "merged" | "declined" | "edited" | "regenerated" | "current"> {
  const { data } = await scope.github.rest.pulls.get({ ...scope.ref, pull_number: pull.number });
  if (data.state !== "open") return data.merged_at ? "merged" : "declined";
  if (pull.sha && data.head.sha !== pull.sha) return "edited";
  if (data.mergeable !== false || !batch) return "current";
  const made = await writeFixCommit(scope, batch);
  if (made === "stale") return "current";
  pull.sha = made.commit;
  scope.log.info({ pull: pull.number, commit: made.commit }, "fix pull request regenerated on the new base");
  return "regenerated";
}

/** One commit of `files` on `parent`, on our `branch`: through the Git Data API, or made by GitHub (signed) with campaign.verifiedCommits. */
async function commitOnBranch(scope: CampaignScope, branch: string, parent: string, files: ReadonlyMap<string, FileAt>, message: string): Promise<string> {
  if (scope.config.campaign.verifiedCommits) return writeVerifiedCommit(scope.github, scope.ref, { branch, parent, files, message });
  const commit = await writeCommit(scope.github, scope.ref, { parent, files, message });
  await pointBranch(scope.github, scope.ref, branch, commit);
  return commit;
}

/**
 * Labels on a pull request just opened: those the repository lacks are created first (asked with a read each, so that
 * no write is spent on a label that exists: GitHub counts every content-creating request).
 */
async function labelNewPull(scope: CampaignScope, number: number, wanted: LabelDefinition[]): Promise<void> {
  if (!wanted.length) return;
  const existing = [];
  for (const { name } of wanted) if (await labelExists(scope.github, scope.ref, name)) existing.push(name);
  await syncLabels(scope.github, { ...scope.ref, issueNumber: number, current: [], repositoryLabels: existing }, [], wanted);
}

/** The config text with `folderGlob` added to migration.done (comments and layout kept): undefined when it is there. */
export function withDoneFolder(text: string | undefined, entry: { files: string; commit: string; date: string }): string | undefined {
  const doc = parseDocument(text ?? "");
  if (doc.errors.length) return undefined;
  if (!isMap(doc.contents)) doc.contents = doc.createNode({}) as never;
  const existing = doc.getIn(["migration", "done"]);
  if (isSeq(existing) && existing.toJSON().some((e: unknown) => (typeof e === "string" || (typeof e === "object" && e !== null)) && doneGlob(e as never) === entry.files)) return undefined;
  const node = doc.createNode(entry);
  node.flow = true;
  if (isSeq(existing)) (existing as YAMLSeq).add(node);
  else doc.setIn(["migration", "done"], doc.createNode([node]));
  return doc.toString({ lineWidth: 0 });
}

export const folderGlob = (folder: string) => (folder === "." ? "*" : `${folder.replace(/[*?[\]{}()!\\]/g, "\\$&")}/**`);

/**
 * The ratchet's one-line pull request: `.github/small-steps.yml` on the default branch with the finished folder added
 * to migration.done, on the app's own branch. Nothing when the folder is listed already or a pull request is open.
 */
export async function proposeDone(scope: CampaignScope, folder: string, reached: { sha: string; date: string }): Promise<{ number: number; url: string } | undefined> {
  const { github, ref } = scope;
  const branch = branchFor("ratchet", "", folder);
  const open = await openPullsUnder(github, ref, branch);
  const mine = open.find((p) => p.branch === branch);
  if (mine) return { number: mine.number, url: mine.url };
  const head = await branchHead(github, ref, scope.defaultBranch);
  if (!head) return undefined;
  const current = (await readFilesAt(github, ref, head, [CONFIG_PATH])).get(CONFIG_PATH);
  const glob = folderGlob(folder);
  const text = withDoneFolder(current?.text, { files: glob, commit: reached.sha.slice(0, 12), date: reached.date });
  if (text === undefined) return undefined;
  const title = `Mark ${folder === "." ? "the top folder" : `${folder}/`} as finished in the Python 3 migration`;
  await commitOnBranch(scope, branch, head, new Map([[CONFIG_PATH, { text, mode: current?.mode ?? "100644" }]]), `${title}\n\nIt had nothing left at ${reached.sha.slice(0, 12)} (${reached.date}).`);
  const body = [
    `${folderName(folder)} has no Python 2 construct left since ${reached.date} (at \`${reached.sha.slice(0, 7)}\`). This adds it to \`migration.done\` in \`${CONFIG_PATH}\`: once merged, a pull request that brings a construct back into it fails the check, in warn mode too.`,
    "",
    `One line, reviewable and revertible. From the [migration dashboard](${scope.dashboardUrl}).`,
  ].join("\n");
  const pull = await openPullRequest(github, ref, { head: branch, base: scope.defaultBranch, title, body });
  if (scope.config.migration.labels.migration) await labelNewPull(scope, pull.number, [{ name: scope.config.migration.labels.migration, ...FLAG_LABELS.migration }]);
  scope.log.info({ folder, pull: pull.number }, "ratchet pull request opened");
  return pull;
}
