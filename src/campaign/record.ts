import type { SizeClass } from "../analysis/size.js";
import type { CampaignBatch } from "./batches.js";

/** What became of a batch's pull request. */
export type PullState = "open" | "merged" | "declined";

/** What the campaign remembers between events, in the dashboard's hidden record. */
export interface CampaignRecord {
  /** The batches the dashboard lists (their boxes): what a tick makes. */
  listed: Array<Omit<CampaignBatch, "command">>;
  /** Pull requests opened for batches, by batch id. */
  pulls: Record<string, { number: number; url: string; state: PullState; branch: string; sha?: string; edited?: boolean }>;
  /** Batches ticked and not yet opened because of campaign.maxOpen or campaign.perHour, oldest tick first. */
  waiting: string[];
  /** When fix pull requests were opened (ISO times, the last hour's), for campaign.perHour. */
  opened: string[];
  /** Merges not yet followed by a batch (campaign.automatic). */
  merges: number;
  /** Constructs left per folder at the last update: a folder that drops to zero is finished. */
  folders: Record<string, number>;
  /** Finished folders: the commit and date they reached zero, and the pull request that lists them in migration.done. */
  done: Record<string, { sha: string; date: string; pull?: number; url?: string }>;
}

export const emptyCampaign = (): CampaignRecord => ({ listed: [], pulls: {}, waiting: [], opened: [], merges: 0, folders: {}, done: {} });

const isObject = (v: unknown): v is Record<string, any> => typeof v === "object" && v !== null && !Array.isArray(v);
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((s): s is string => typeof s === "string") : []);
const SIZE = new Set<SizeClass>(["XS", "S", "M", "L", "XL", "XXL"]);

/** The record as stored, each field checked: a body someone edited by hand gives an empty part, never a crash. */
export function parseCampaignRecord(raw: unknown): CampaignRecord {
  const record = emptyCampaign();
  if (!isObject(raw)) return record;
  if (Array.isArray(raw.listed)) {
    for (const b of raw.listed) {
      if (!isObject(b) || typeof b.id !== "string" || typeof b.rule !== "string" || typeof b.folder !== "string" || typeof b.branch !== "string" || !b.branch.startsWith("small-steps/")) continue;
      record.listed.push({ id: b.id, rule: b.rule, folder: b.folder, ...(typeof b.owner === "string" && b.owner ? { owner: b.owner } : {}), paths: strings(b.paths), fixes: Number(b.fixes) || 0, lines: Number(b.lines) || 0, sizeClass: SIZE.has(b.sizeClass) ? b.sizeClass : "XS", branch: b.branch });
    }
  }
  if (isObject(raw.pulls)) {
    for (const [id, p] of Object.entries(raw.pulls)) {
      if (isObject(p) && Number.isInteger(p.number) && ["open", "merged", "declined"].includes(p.state) && typeof p.branch === "string") record.pulls[id] = { number: p.number, url: String(p.url ?? ""), state: p.state, branch: p.branch, ...(typeof p.sha === "string" ? { sha: p.sha } : {}), ...(p.edited === true ? { edited: true } : {}) };
    }
  }
  record.waiting = strings(raw.waiting);
  record.opened = strings(raw.opened);
  record.merges = Number.isInteger(raw.merges) && raw.merges > 0 ? raw.merges : 0;
  if (isObject(raw.folders)) for (const [folder, n] of Object.entries(raw.folders)) if (Number.isInteger(n)) record.folders[folder] = n as number;
  if (isObject(raw.done)) {
    for (const [folder, d] of Object.entries(raw.done)) {
      if (isObject(d) && typeof d.sha === "string" && typeof d.date === "string") record.done[folder] = { sha: d.sha, date: d.date, ...(Number.isInteger(d.pull) ? { pull: d.pull, url: String(d.url ?? "") } : {}) };
    }
  }
  return record;
}
