/**
 * `npm run bench`: speed and memory of the engine, never asserted in tests.
 *  1. A synthetic pull request of 3,000 files and 300,000 changed lines, as GitHub's file list gives it.
 *  2. A large real diff: two published versions of an npm package, diffed with git, measured against
 *     `git apply --numstat` on the same diff in the same run.
 */
import { benchScan } from "./scan.js";
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { fromGitHubFile, fromUnifiedDiff, hunksOf, type GitHubFileEntry } from "../analysis/changed-file.js";
import { measureMigration } from "../analysis/migration.js";
import { python3Pack } from "../analysis/python/python3-pack.js";
import { evaluate } from "../engine.js";
import { benchFirstWrite } from "./first-write.js";
import { defaultConfig } from "../policy/config.js";

const facts = { baseBranch: "main", defaultBranch: "main", draft: false, authorIsBot: false };
const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Runs `task` several times and reports the median time and the heap it grew by at its peak. */
function measure(task: () => unknown, runs = 5): { ms: number; heapMb: string } {
  const times: number[] = [];
  let peakHeap = 0;
  for (let i = 0; i < runs; i++) {
    (globalThis as { gc?: () => void }).gc?.();
    const before = process.memoryUsage().heapUsed;
    const start = performance.now();
    task();
    times.push(performance.now() - start);
    peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed - before);
  }
  return { ms: median(times), heapMb: mb(peakHeap) };
}

function syntheticPullRequest(files: number, linesPerFile: number): GitHubFileEntry[] {
  return Array.from({ length: files }, (_, f) => {
    const half = linesPerFile / 2;
    const removed = Array.from({ length: half }, (_, i) => `-    old_value_${i} = compute(${i}, "text ${f}")`);
    const added = Array.from({ length: half }, (_, i) => `+    new_value_${i} = compute(${i}, "text ${f}")`);
    const patch = `@@ -1,${half + 2} +1,${half + 2} @@ def function_${f}():\n context line\n${removed.join("\n")}\n${added.join("\n")}\n context line`;
    return { filename: `pkg${f % 40}/module_${f}.py`, status: "modified", additions: half, deletions: half, patch };
  });
}

function benchSynthetic() {
  const entries = syntheticPullRequest(3000, 100);
  const bytes = entries.reduce((sum, e) => sum + (e.patch?.length ?? 0), 0);
  const config = defaultConfig();
  const gitattributes = [{ path: ".gitattributes", text: "*.pb.go linguist-generated\npkg3/** linguist-vendored\n" }];
  const changed = entries.reduce((sum, e) => sum + e.additions + e.deletions, 0);
  let counted = 0;
  const result = measure(() => {
    const files = entries.map(fromGitHubFile);
    for (const file of files) hunksOf(file); // parse every patch, as the line classifiers do
    const evaluation = evaluate({ files, config, gitattributes, facts });
    counted = evaluation.size.countedLines;
  });
  console.log(`synthetic pull request: 3,000 Python files, ${changed.toLocaleString("en-US")} changed lines (${counted.toLocaleString("en-US")} counted: pkg3/ is marked vendored), ${mb(bytes)} MB of patches, size and migration analysis`);
  console.log(`  engine: ${result.ms.toFixed(0)} ms median of 5, ${(bytes / 1024 / 1024 / (result.ms / 1000)).toFixed(1)} MB/s, heap growth at peak ${result.heapMb} MB`);
}

/** Two published versions of an npm package, unpacked from the registry, diffed by git. Cached in bench-output/. */
function realDiff(): string | undefined {
  const dir = join(process.cwd(), "bench-output");
  const diffPath = join(dir, "real.diff");
  if (existsSync(diffPath)) return diffPath;
  mkdirSync(dir, { recursive: true });
  const [pkg, from, to] = ["typescript", "5.8.3", "5.9.3"];
  try {
    for (const version of [from, to]) {
      const target = join(dir, `${pkg}-${version}`);
      if (existsSync(target)) continue;
      const tarball = execFileSync("npm", ["pack", `${pkg}@${version}`, "--silent", "--pack-destination", dir], { encoding: "utf8" }).trim().split("\n").pop()!;
      mkdirSync(target);
      execFileSync("tar", ["-xzf", join(dir, tarball), "-C", target, "--strip-components=1"]);
    }
    // git diff --no-index exits 1 when the trees differ.
    let diff = "";
    try {
      execFileSync("git", ["diff", "--no-index", "--no-color", `${pkg}-${from}`, `${pkg}-${to}`], { cwd: dir, maxBuffer: 1 << 30 });
    } catch (error) {
      diff = (error as { stdout: Buffer }).stdout.toString("utf8");
    }
    writeFileSync(diffPath, diff);
    console.log(`(real diff: ${pkg} ${from} → ${to}, made with git diff --no-index)`);
    return diffPath;
  } catch (error) {
    console.log(`real diff skipped: could not fetch ${pkg} from the npm registry (${(error as Error).message.split("\n")[0]})`);
    return undefined;
  }
}

function benchReal() {
  const path = realDiff();
  if (!path) return;
  const text = readFileSync(path, "utf8");
  const bytes = statSync(path).size;
  const config = defaultConfig();
  let summary = "";
  const ours = measure(() => {
    const evaluation = evaluate({ files: fromUnifiedDiff(text), config, gitattributes: [], facts });
    summary = `${evaluation.size.filesSeen} files, +${evaluation.size.additions} −${evaluation.size.deletions}`;
  }, 3);
  const times: number[] = [];
  for (let i = 0; i < 3; i++) {
    const start = performance.now();
    execFileSync("git", ["apply", "--numstat", path], { maxBuffer: 1 << 30 });
    times.push(performance.now() - start);
  }
  const git = median(times);
  console.log(`real diff: ${mb(bytes)} MB, ${summary}`);
  console.log(`  engine: ${ours.ms.toFixed(0)} ms median of 3, ${(bytes / 1024 / 1024 / (ours.ms / 1000)).toFixed(1)} MB/s, heap growth at peak ${ours.heapMb} MB`);
  console.log(`  git apply --numstat: ${git.toFixed(0)} ms median of 3 (includes starting git); engine / git = ${(ours.ms / git).toFixed(2)}x`);
}

/** The Python standard library of this machine, as one large diff that adds every file: real Python code. */
function pythonCorpusDiff(): { text: string; files: number; lines: number } | undefined {
  let stdlib: string;
  try {
    stdlib = execFileSync("python3", ["-c", "import sysconfig; print(sysconfig.get_paths()['stdlib'])"], { encoding: "utf8" }).trim();
  } catch {
    return undefined;
  }
  const paths = (readdirSync(stdlib, { recursive: true }) as string[])
    .filter((p) => p.endsWith(".py") && !p.includes("site-packages/") && !p.includes("test/"))
    .sort();
  const parts: string[] = [];
  let lines = 0;
  let files = 0;
  let size = 0;
  for (const path of paths) {
    const body = readFileSync(join(stdlib, path), "utf8").replace(/\n$/, "").split("\n");
    parts.push(`diff --git a/${path} b/${path}\nnew file mode 100644\n--- /dev/null\n+++ b/${path}\n@@ -0,0 +1,${body.length} @@\n+${body.join("\n+")}\n`);
    lines += body.length;
    files++;
    size += body.join("\n").length;
    if (size > 24 * 1024 * 1024) break;
  }
  return { text: parts.join(""), files, lines };
}

function benchPythonClassification() {
  const corpus = pythonCorpusDiff();
  if (!corpus) {
    console.log("python classification skipped: no python3 on this machine");
    return;
  }
  const bytes = Buffer.byteLength(corpus.text);
  let summary = "";
  const result = measure(() => {
    const files = fromUnifiedDiff(corpus.text);
    const m = measureMigration(files, [python3Pack()], { mixedTolerance: 0.1 });
    const outsideTestData = m.regressions.filter((r) => !r.path.startsWith("lib2to3/tests/data/")).length;
    summary = `${m.regressions.length} lines flagged, ${m.regressions.length - outsideTestData} of them in lib2to3's Python 2 test data; ${m.lines.migration} compatibility lines`;
  }, 3);
  console.log(`python3 classification: the Python standard library as an added diff, ${corpus.files} files, ${corpus.lines.toLocaleString("en-US")} lines, ${mb(bytes)} MB`);
  console.log(`  engine: ${result.ms.toFixed(0)} ms median of 3, ${(bytes / 1024 / 1024 / (result.ms / 1000)).toFixed(1)} MB/s, ${Math.round(corpus.lines / (result.ms / 1000)).toLocaleString("en-US")} lines/s, heap growth at peak ${result.heapMb} MB`);
  console.log(`  ${summary}`);
}

console.log(`node ${process.version}, ${new Date().toISOString().slice(0, 10)}`);
benchSynthetic();
benchReal();
benchPythonClassification();
await benchFirstWrite();
benchScan();
console.log(`peak resident memory of this process: ${mb(process.resourceUsage().maxRSS * 1024)} MB`);
