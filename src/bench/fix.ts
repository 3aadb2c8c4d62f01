import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CLI, timedProcess } from "./process.js";

const LINES_WANTED = 80_000;

/**
 * `small-steps fix` against `python3 -m lib2to3` on the same Python 2 tree, whole processes, in turn: the first
 * 80,000 lines of Python 2.7's standard library (the top-level modules, by name), where Python 2.7 is installed.
 */
export function benchFix(): void {
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
  } finally {
    rmSync(tree, { recursive: true, force: true });
  }
}
