import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import { readDiff } from "../analysis/diff-reader.js";
import { join } from "node:path";
import { CLI, median, timedProcess } from "./process.js";

/** The last release of each typescript minor from 5.0 to 5.9: nine consecutive upgrades of a large vendored package. */
const PACKAGE = "typescript";
const VERSIONS = ["5.0.4", "5.1.6", "5.2.2", "5.3.3", "5.4.5", "5.5.4", "5.6.3", "5.7.3", "5.8.3", "5.9.3"];
const RUNS = 5;

/**
 * The diff, built once into bench-output/: each version unpacked from `npm pack` (the npm cache, else the registry),
 * then `git diff --no-index` of each version against the next, concatenated (about 107 MB).
 */
function bigDiff(dir: string): string | undefined {
  const path = join(dir, `${PACKAGE}-${VERSIONS[0]}-to-${VERSIONS.at(-1)}.diff`);
  if (existsSync(path)) return path;
  mkdirSync(dir, { recursive: true });
  try {
    for (const version of VERSIONS) {
      const target = join(dir, `${PACKAGE}-${version}`);
      if (existsSync(target)) continue;
      const tarball = execFileSync("npm", ["pack", `${PACKAGE}@${version}`, "--silent", "--pack-destination", dir], { encoding: "utf8" }).trim().split("\n").pop()!;
      mkdirSync(target);
      execFileSync("tar", ["-xzf", join(dir, tarball), "-C", target, "--strip-components=1"]);
    }
    const parts: Buffer[] = [];
    for (let i = 0; i + 1 < VERSIONS.length; i++) {
      // git diff --no-index exits 1 when the trees differ.
      const run = spawnSync("git", ["diff", "--no-index", "--no-color", `${PACKAGE}-${VERSIONS[i]}`, `${PACKAGE}-${VERSIONS[i + 1]}`], { cwd: dir, maxBuffer: 1 << 30 });
      if (run.status !== 1) throw new Error(`git diff --no-index exited ${run.status}: ${run.stderr.toString().slice(0, 200)}`);
      parts.push(run.stdout);
    }
    writeFileSync(`${path}.partial`, Buffer.concat(parts));
    renameSync(`${path}.partial`, path);
    console.log(`(built ${path}: ${PACKAGE} ${VERSIONS.join(" → ")}, from npm pack and git diff --no-index)`);
    return path;
  } catch (error) {
    console.log(`large diff skipped: could not build it from npm packages (${(error as Error).message.split("\n")[0]})`);
    return undefined;
  }
}

/** Files whose counts differ from `git apply --numstat` ("added deleted path" per file, "-" for binary files). */
function disagreements(path: string, numstat: string): string[] {
  const files = readDiff(readFileSync(path), { keepPatch: () => false }) ?? [];
  const rows = numstat.split("\n").filter(Boolean).map((line) => line.split("\t"));
  if (rows.length !== files.length) return [`${files.length} files read, git lists ${rows.length}`];
  return rows.flatMap(([added, deleted, name], i) => {
    const file = files[i];
    const same = file.binary ? added === "-" : Number(added) === file.additions && Number(deleted) === file.deletions;
    return same ? [] : [`${name}: git +${added} −${deleted}, read +${file.additions} −${file.deletions}`];
  });
}

/**
 * `small-steps check --diff FILE --json` against `git apply --numstat FILE`, both whole processes, taken in turn
 * (so that both meet the same machine), RUNS times each; medians of wall time, and peak resident memory.
 */
export function benchBigDiff(): void {
  const path = bigDiff(join(process.cwd(), "bench-output"));
  if (!path) return;
  const ours: Array<ReturnType<typeof timedProcess>> = [];
  const git: Array<ReturnType<typeof timedProcess>> = [];
  for (let i = 0; i < RUNS; i++) {
    git.push(timedProcess(["git", "apply", "--numstat", path]));
    ours.push(timedProcess([process.execPath, CLI, "check", "--diff", path, "--json"], [0, 1]));
  }
  const a = median(ours, (r) => r.seconds);
  const g = median(git, (r) => r.seconds);
  const report = JSON.parse(a.stdout) as { size: { filesSeen: number; countedFiles: number; additions: number; deletions: number } };
  const differ = disagreements(path, g.stdout);
  const agree = differ.length === 0 ? "every file's counts as git apply --numstat gives them" : `${differ.length} files counted differently from git: ${differ.slice(0, 3).join("; ")}`;
  const peak = (runs: typeof ours) => Math.max(...runs.map((r) => r.peakMb)).toFixed(0);
  console.log(`large diff: ${(statSync(path).size / 1024 / 1024).toFixed(1)} MB, ${PACKAGE} ${VERSIONS[0]} → ${VERSIONS.at(-1)} (${VERSIONS.length - 1} upgrades), ${report.size.filesSeen} files (${report.size.countedFiles} counted: +${report.size.additions.toLocaleString("en-US")} −${report.size.deletions.toLocaleString("en-US")}); ${agree}`);
  console.log(`  small-steps check --diff FILE --json (whole process): ${a.seconds.toFixed(3)} s median of ${RUNS}, peak memory ${peak(ours)} MB`);
  console.log(`  git apply --numstat FILE (whole process): ${g.seconds.toFixed(3)} s median of ${RUNS}, peak memory ${peak(git)} MB`);
  console.log(`  small-steps / git = ${(a.seconds / g.seconds).toFixed(2)}x (target ≤ 2x); peak memory target < 250 MB`);
}
