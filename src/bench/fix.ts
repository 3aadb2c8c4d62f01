import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { CLI, timedProcess } from "./process.js";
import { campaignBatches } from "../campaign/batches.js";
import { keepingFixableTexts } from "../campaign/texts.js";
import { BATCHES_LISTED } from "../app/campaign.js";
import { scanJobs } from "../scan/scan-tree.js";
import { defaultConfig } from "../policy/config.js";

const LINES_WANTED = 80_000;

/**
 * `small-steps fix` against `python3 -m lib2to3` on the same Python 2 tree, whole processes, in turn: the first
 * 80,000 lines of Python 2.7's standard library (the top-level modules, by name), where Python 2.7 is installed.
 */
export async function benchFix(): Promise<void> {
  let stdlib: string;
  try {
    stdlib = execFileSync("python", ["-c", "import sysconfig; print(sysconfig.get_paths()['stdlib'])"], { encoding: "utf8", env: { ...process.env, PYENV_VERSION: "2.7.18" } }).trim();
  } catch {
    console.log("fix skipped: no Python 2.7 here (PYENV_VERSION=2.7.18 python)");
    return;
  }
  const tree = mkdtempSync(join(tmpdir(), "small-steps-bench-fix-"));
  try {
    let lines = 0;
    for (const name of readdirSync(stdlib).filter((n) => n.endsWith(".py")).sort()) {
      const count = readFileSync(join(stdlib, name), "utf8").split("\n").length - 1;
      if (lines + count > LINES_WANTED) continue;
      copyFileSync(join(stdlib, name), join(tree, name));
      lines += count;
    }
    if (!existsSync(tree) || lines === 0) return;
    const ours: number[] = [];
    const theirs: number[] = [];
    for (let run = 0; run < 3; run++) {
      ours.push(timedProcess([process.execPath, CLI, "fix", "-C", tree], [0, 1]).seconds);
      theirs.push(timedProcess(["python3", "-m", "lib2to3", "-j", "1", tree], [0, 1]).seconds);
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[1]!;
    const ratios = ours.map((s, i) => theirs[i]! / s);
    console.log(`fix: ${lines.toLocaleString("en-US")} lines of Python 2.7's standard library`);
    console.log(`  small-steps fix (whole process): ${median(ours).toFixed(2)} s median of 3; python3 -m lib2to3 (no -w): ${median(theirs).toFixed(2)} s; ${median(ratios).toFixed(1)}x faster (median of the pairs' ratios)`);
    await benchCampaignBatches(tree);
  } finally {
    rmSync(tree, { recursive: true, force: true });
  }
}

/** The campaign's part of a dashboard update on the same tree: the scan, then the eight batches listed (fixed and sized). */
async function benchCampaignBatches(tree: string): Promise<void> {
  const config = defaultConfig();
  config.campaign.enabled = true;
  const paths = readdirSync(tree).filter((n) => n.endsWith(".py")).sort();
  const texts = new Map<string, string>();
  async function* jobs() {
    for (const path of paths) yield { path, bytes: new Uint8Array(readFileSync(join(tree, path))) };
  }
  const scanned = performance.now();
  const scan = await scanJobs(keepingFixableTexts(jobs(), texts), config, () => [], { threads: 0 });
  const made = performance.now();
  const heap = process.memoryUsage().heapUsed;
  const batches = campaignBatches(scan, texts, { config, gitattributes: [], wanted: BATCHES_LISTED });
  const done = performance.now();
  console.log(`  campaign batches on it (a dashboard update's share): scan ${(made - scanned).toFixed(0)} ms on one thread, ${texts.size} texts kept; ${batches.length} batches made in ${(done - made).toFixed(0)} ms (${batches.reduce((n, b) => n + b.paths.length, 0)} files fixed and sized), heap +${Math.max(0, (process.memoryUsage().heapUsed - heap) / 1024 / 1024).toFixed(0)} MB`);
}
