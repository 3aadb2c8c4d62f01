import type { Config } from "../policy/config.js";
import { count, formatCount as n } from "../plural.js";
import { code } from "../report/markdown.js";
import { codeSpan } from "../report/neutralise.js";
import { fixCommand } from "./batches.js";
import type { CampaignRecord } from "./record.js";

/** The campaign's section of the dashboard lies between these, so that a tick rewrites it alone. */
export const CAMPAIGN_START = "<!-- small-steps:campaign -->";
export const CAMPAIGN_END = "<!-- /small-steps:campaign -->";
const BATCH_MARKER = "small-steps:batch";
/** A box and its batch: `- [x] … <!-- small-steps:batch ID -->`, the id percent-encoded (no spaces, no `--`). */
const BOX = new RegExp(`^[-*] \\[([ xX])\\] .*<!-- ${BATCH_MARKER} ([A-Za-z0-9%._~!*'()]+) -->\\s*$`, "gm");

const encodeId = (id: string) => encodeURIComponent(id).replace(/-/g, "%2D");

/** The batch ids whose boxes are ticked in a body (only inside the campaign's section). */
export function tickedIn(body: string | null | undefined): Set<string> {
  const ticked = new Set<string>();
  const section = sectionOf(body ?? "");
  for (const match of section.matchAll(BOX)) {
    if (match[1] === " ") continue;
    try {
      ticked.add(decodeURIComponent(match[2]));
    } catch {
      /* a marker edited by hand: not a batch */
    }
  }
  return ticked;
}

/** Boxes ticked in `after` that were not in `before`: what a person just asked for (unticks are not requests). */
export function newlyTicked(before: string | null | undefined, after: string | null | undefined): string[] {
  const was = tickedIn(before);
  return [...tickedIn(after)].filter((id) => !was.has(id));
}

function sectionOf(body: string): string {
  const start = body.indexOf(CAMPAIGN_START);
  if (start === -1) return "";
  const end = body.indexOf(CAMPAIGN_END, start);
  return body.slice(start, end === -1 ? undefined : end);
}

/** The body with its campaign section replaced (or put after the headline, the first paragraph, when it has none). */
export function withCampaignSection(body: string, section: string): string {
  const start = body.indexOf(CAMPAIGN_START);
  const end = start === -1 ? -1 : body.indexOf(CAMPAIGN_END, start);
  if (start !== -1 && end !== -1) return body.slice(0, start) + section + body.slice(end + CAMPAIGN_END.length);
  const cut = body.indexOf("\n\n");
  return cut === -1 ? `${body}\n\n${section}` : `${body.slice(0, cut)}\n\n${section}${body.slice(cut)}`;
}

const folderName = (folder: string) => (folder === "." ? "the top folder" : code(`${folder}/`));

export interface CampaignView {
  record: CampaignRecord;
  config: Config;
  /** Why ticked batches wait, when they do. */
  waitingBecause?: string;
  /** A link to a pull request by number. */
  pullUrl: (number: number) => string;
}

/**
 * The campaign's task list, the dashboard's first: one box per batch (tick to open its pull request), the state of
 * each pull request opened, the batches waiting on the pace, and the finished folders.
 */
export function renderCampaign(view: CampaignView): string {
  const { record, config } = view;
  const target = config.fixes.target;
  const out = [CAMPAIGN_START, "### Fix pull requests"];
  out.push(
    `Tick a batch and small-steps opens the pull request that makes it (target \`${target}\`, one rule in one folder, within ${n(config.campaign.maxFiles)} files and the size limit). At most ${count(config.campaign.maxOpen, "fix pull request")} open at once and ${n(config.campaign.perHour)} opened an hour${config.campaign.automatic ? "; when one is merged the next opens by itself" : ""}.`,
    "",
  );
  const waiting = new Set(record.waiting);
  const lines: string[] = [];
  for (const batch of record.listed) {
    const pull = record.pulls[batch.id];
    const what = `${code(batch.rule)} in ${batch.owner ? `the files of ${code(batch.owner)}` : folderName(batch.folder)}: ${count(batch.fixes, "fix")} in ${count(batch.paths.length, "file")}, ${count(batch.lines, "counted line")} (${batch.sizeClass})`;
    const marker = `<!-- ${BATCH_MARKER} ${encodeId(batch.id)} -->`;
    let state: string;
    let ticked = false;
    if (pull?.state === "open") [state, ticked] = [`: [#${pull.number}](${view.pullUrl(pull.number)}) open${pull.edited ? ", edited by a person (not regenerated)" : ""}`, true];
    else if (waiting.has(batch.id)) [state, ticked] = [`: waiting${view.waitingBecause ? ` (${view.waitingBecause})` : ""}`, true];
    else if (pull?.state === "declined") state = `: declined ([#${pull.number}](${view.pullUrl(pull.number)}) was closed without merging); tick it to propose it again`;
    else state = `. Same change in a clone: ${codeSpan(fixCommand(batch.paths, batch.rule, target), 3000)}`;
    lines.push(`- [${ticked ? "x" : " "}] ${what}${state} ${marker}`);
  }
  // Pull requests whose batch is no longer listed (merged, or the folder changed) still show their state.
  const listed = new Set(record.listed.map((b) => b.id));
  for (const [id, pull] of Object.entries(record.pulls)) {
    if (listed.has(id) || pull.state === "declined") continue;
    const [rule, ...rest] = id.split(" ");
    const where = rest[0] === "owner" && rest.length > 1 ? `the files of ${code(rest.slice(1).join(" "))}` : folderName(rest.join(" "));
    lines.push(`- ${code(rule)} in ${where}: [#${pull.number}](${view.pullUrl(pull.number)}) ${pull.state}`);
  }
  out.push(lines.length ? lines.join("\n") : "_No batch to propose: nothing left has an automatic fix, or every batch has its pull request._");
  const done = Object.entries(record.done).sort((a, b) => (a[0] < b[0] ? -1 : 1));
  if (done.length) {
    out.push("", "**Finished folders** (a construct brought back fails the check in any mode once listed in `migration.done`):");
    for (const [folder, d] of done) out.push(`- ${folderName(folder)}: finished on ${d.date} at \`${d.sha.slice(0, 7)}\`${d.pull ? `; listed by [#${d.pull}](${view.pullUrl(d.pull)})` : ""}`);
  }
  out.push(CAMPAIGN_END);
  return out.join("\n");
}
