import { execFileSync } from "node:child_process";
import { CLI, timedProcess } from "./process.js";
import { cpSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";

const LINES_WANTED = 1_000_000;

/**
 * `small-steps scan` over a tree of at least a million Python lines (copies of this machine's Python standard library,
 * outside any git repository, so the walk lists them), whole process; then the same tree as a GitHub-style tarball
 * through the dashboard's streaming path, whole process.
 */
export function benchScan(): void {
  let stdlib: string;
  try {
    stdlib = execFileSync("python3", ["-c", "import sysconfig; print(sysconfig.get_paths()['stdlib'])"], { encoding: "utf8" }).trim();
  } catch {
    console.log("scan skipped: no python3 on this machine");
    return;
  }
  const work = mkdtempSync(join(tmpdir(), "small-steps-bench-scan-"));
  const tree = join(work, "repo-abc1234");
  try {
    let lines = 0;
    for (let copy = 0; lines < LINES_WANTED; copy++) {
      cpSync(stdlib, join(tree, `copy${copy}`), { recursive: true, filter: (src) => !src.includes("site-packages") && !src.includes("__pycache__") && existsSync(src) });
      lines = JSON.parse(timedProcess([process.execPath, CLI, "scan", "--json", "-C", tree]).stdout).lines;
    }
    const runs = [0, 1, 2].map(() => timedProcess([process.execPath, CLI, "scan", "--json", "-C", tree]));
    const best = runs.sort((a, b) => a.seconds - b.seconds)[1]; // the median of three
    const result = JSON.parse(best.stdout);
    console.log(`scan: ${result.files.toLocaleString("en-US")} Python files, ${result.lines.toLocaleString("en-US")} lines (copies of the standard library), ${result.remaining.total.toLocaleString("en-US")} old constructs, ${availableParallelism()} threads`);
    console.log(`  small-steps scan --json (whole process): ${best.seconds.toFixed(2)} s median of 3, ${Math.round(result.lines / best.seconds).toLocaleString("en-US")} lines/s, peak memory ${best.peakMb.toFixed(0)} MB`);
    const archive = join(work, "repo.tar.gz");
    execFileSync("tar", ["czf", archive, "-C", work, "repo-abc1234"]);
    const streamed = [0, 1, 2].map(() => timedProcess([process.execPath, "lib/bench/scan-tarball.js", archive])).sort((a, b) => a.seconds - b.seconds)[1];
    const fromTarball = JSON.parse(streamed.stdout);
    const agree = fromTarball.remaining === result.remaining.total && fromTarball.lines === result.lines ? "same counts" : `DIFFERENT counts (${JSON.stringify(fromTarball)})`;
    console.log(`  the same tree as a tarball through the dashboard's stream (whole process): ${streamed.seconds.toFixed(2)} s median of 3, peak memory ${streamed.peakMb.toFixed(0)} MB, ${(streamed.seconds / best.seconds).toFixed(2)}x the directory scan, ${agree}`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
