import { createHash } from "node:crypto";
import { folderOf, type ScanResult } from "../analysis/scan/scanner.js";
import { classify, type SizeClass } from "../analysis/size.js";
import { batchWithin, diffSizer } from "../fix/batch.js";
import { unifiedDiff } from "../fix/line-diff.js";
import { fixersFor, fixPython } from "../fix/python3-fixes.js";
import type { FixTarget } from "../fix/targets.js";
import type { Config } from "../policy/config.js";
import { shellWord } from "../report/scan.js";
import { batchLines } from "../scan/scan-tree.js";

/** The prefix of every branch the campaign writes: it never writes anywhere else. */
export const CAMPAIGN_BRANCH_PREFIX = "small-steps/";

/** One fix pull request the campaign can open: one rule, in one folder, within the size and file bounds. */
export interface CampaignBatch {
  /** `rule folder`: stable while the folder has this rule left, whichever files the batch holds. */
  id: string;
  rule: string;
  /** The folder the batch's files are in, or "" for a batch of one owner's files. */
  folder: string;
  /** The code owners the batch's files share (CODEOWNERS), when the repository has the file. */
  owner?: string;
  paths: string[];
  /** Constructs the batch rewrites. */
  fixes: number;
  /** Counted lines of the fix as the size check counts them, and the class they make. */
  lines: number;
  sizeClass: SizeClass;
  branch: string;
  /** The command that makes the same change in a clone. */
  command: string;
}

export interface CampaignOptions {
  config: Config;
  gitattributes: Array<{ path: string; text: string }>;
  /** Batches wanted at most (the dashboard lists a few): fixing stops once there are this many. */
  wanted: number;
  /** Batches not to make again (declined, or open already): skipped without fixing. */
  skip?: ReadonlySet<string>;
  /** A file's code owners, where the repository has a CODEOWNERS file: batches are then one owner's files. */
  owners?: (path: string) => string | undefined;
}

/**
 * Files, and characters, fixed at most while making one update's batches (it runs on the app's thread, about 1 s for
 * eight batches of the standard library): groups whose fixes never fit, or huge files, cannot run away.
 */
export const MAX_FIX_ATTEMPTS = 1000;
export const MAX_FIX_CHARS = 16 * 1024 * 1024;

export const batchId = (rule: string, folder: string, owner?: string) => (owner ? `${rule} owner ${owner}` : `${rule} ${folder}`);
/** The branch of a batch: by folder, or by owner. */
export const batchBranch = (batch: Pick<CampaignBatch, "rule" | "folder" | "owner">) => branchFor("fix", batch.rule, batch.owner ? `owners/${batch.owner}` : batch.folder);

/** The campaign's bound on a batch's counted lines: `campaign.maxLines`, or just under the limit's class. */
export const campaignLines = (config: Config) => config.campaign.maxLines ?? batchLines(config);

/**
 * A branch name git accepts for any folder name: each component kept to letters, digits, `_`, `-` and single dots
 * (no leading dot, no `.lock` ending); where that changed the name, a short hash of the original keeps two folders
 * apart.
 */
export function branchFor(kind: "fix" | "ratchet", rule: string, folder: string): string {
  const clean = (part: string) => part.replace(/[^A-Za-z0-9_.-]/g, "-").replace(/\.{2,}/g, "-").replace(/^[.-]+/, "").replace(/(\.lock|\.)$/i, "-") || "_";
  const name = folder === "." ? "top" : folder.split("/").map(clean).join("/");
  const changed = folder !== "." && name !== folder;
  const suffix = changed ? `-${createHash("sha256").update(folder).digest("hex").slice(0, 8)}` : "";
  return `${CAMPAIGN_BRANCH_PREFIX}${kind}/${kind === "fix" ? `${clean(rule)}/` : ""}${name.slice(0, 150)}${suffix}`;
}

export function fixCommand(paths: readonly string[], rule: string, target: FixTarget): string {
  return ["small-steps fix", ...paths.map(shellWord), `--rules ${rule}`, ...(target === "compatible" ? [] : [`--target ${target}`]), "--write"].join(" ");
}

const whereOf = (group: { folder: string; owner?: string }) => group.owner ?? group.folder;

/**
 * The campaign's next batches, from a scan and the texts of its files. Rules come in order of how many constructs
 * are left (the most first), folders in path order; each (rule, folder) gives one batch: its files in path order
 * while the fixes' counted lines stay within the bound and the files within `campaign.maxFiles`. Each file is fixed
 * with that one rule alone, exactly as `small-steps fix --rules RULE` would.
 */
export function campaignBatches(scan: Pick<ScanResult, "filesWithRemaining" | "remaining">, texts: ReadonlyMap<string, string>, options: CampaignOptions): CampaignBatch[] {
  const { config } = options;
  const target = config.fixes.target;
  const fixable = fixersFor(target);
  const groups = new Map<string, { rule: string; folder: string; owner?: string; paths: string[] }>();
  for (const file of scan.filesWithRemaining) {
    if (!texts.has(file.path)) continue;
    const owner = options.owners?.(file.path);
    for (const rule of Object.keys(file.rules)) {
      if (!Object.hasOwn(fixable, rule)) continue;
      const folder = owner ? "" : folderOf(file.path, config.dashboard.depth);
      const id = batchId(rule, folder, owner);
      if (options.skip?.has(id)) continue;
      const group = groups.get(id) ?? { rule, folder, ...(owner ? { owner } : {}), paths: [] };
      group.paths.push(file.path);
      groups.set(id, group);
    }
  }
  const byRule = scan.remaining.byRule;
  const ordered = [...groups.entries()].sort(([, a], [, b]) => (byRule[b.rule] ?? 0) - (byRule[a.rule] ?? 0) || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : whereOf(a) < whereOf(b) ? -1 : whereOf(a) > whereOf(b) ? 1 : 0));
  const size = diffSizer(config, options.gitattributes);
  const maxLines = campaignLines(config);
  const batches: CampaignBatch[] = [];
  let attempts = 0;
  let chars = 0;
  for (const [id, group] of ordered) {
    if (batches.length >= options.wanted || attempts >= MAX_FIX_ATTEMPTS || chars >= MAX_FIX_CHARS) break;
    const sized = [];
    for (const path of group.paths.sort()) {
      // Files past the bound on files are not fixed at all: a batch never needs them.
      if (sized.length >= config.campaign.maxFiles || ++attempts > MAX_FIX_ATTEMPTS || chars >= MAX_FIX_CHARS) break;
      const text = texts.get(path)!;
      chars += text.length;
      const result = fixPython(text, new Set([group.rule]), target);
      if (result.text === text) continue;
      sized.push({ item: result.fixed.length, path, lines: size(unifiedDiff(`a/${path}`, `b/${path}`, text, result.text)) });
    }
    const batch = batchWithin(sized, maxLines, config.thresholds);
    if (!batch.taken.length) continue;
    const paths = batch.taken.map((f) => f.path);
    batches.push({
      id,
      rule: group.rule,
      folder: group.folder,
      ...(group.owner ? { owner: group.owner } : {}),
      paths,
      fixes: batch.taken.reduce((sum, f) => sum + f.item, 0),
      lines: batch.lines,
      sizeClass: classify(batch.lines, config.thresholds),
      branch: batchBranch(group),
      command: fixCommand(paths, group.rule, target),
    });
  }
  return batches;
}

/** The texts a batch changes, fixed as its rule and the config's target say: what the fix pull request commits. */
export function fixBatchFiles(batch: Pick<CampaignBatch, "rule">, texts: ReadonlyMap<string, string>, target: FixTarget): Map<string, string> {
  const out = new Map<string, string>();
  for (const [path, text] of texts) {
    const result = fixPython(text, new Set([batch.rule]), target);
    if (result.text !== text) out.set(path, result.text);
  }
  return out;
}
