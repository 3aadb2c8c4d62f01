/**
 * `npm run bench`: speed and memory of the engine, never asserted in tests.
 *  1. A synthetic pull request of 3,000 files and 300,000 changed lines, as GitHub's file list gives it.
 *  2. A large real diff (nine upgrades of the typescript npm package, 107 MB): the command line against
 *     `git apply --numstat` on the same file in the same run, whole processes.
 *  3. The python3 classifier on the Python standard library as an added diff, single thread.
 *  4. The first write's latency; 5. `small-steps scan` and the dashboard's tarball path.
 */
import { benchBigDiff } from "./big-diff.js";
import { benchScan } from "./scan.js";
import { performance } from "node:perf_hooks";
import { fromGitHubFile, hunksOf } from "../analysis/changed-file.js";
import { pythonCorpusDiff, SYNTHETIC_FACTS, SYNTHETIC_GITATTRIBUTES, syntheticPullRequest } from "./corpora.js";
import { readDiff } from "../analysis/diff-reader.js";
import { measureMigration } from "../analysis/migration.js";
import { python3Pack } from "../analysis/python/python3-pack.js";
import { evaluate } from "../engine.js";
import { benchFirstWrite } from "./first-write.js";
import { defaultConfig } from "../policy/config.js";

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

function benchSynthetic() {
  const entries = syntheticPullRequest(3000, 100);
  const bytes = entries.reduce((sum, e) => sum + (e.patch?.length ?? 0), 0);
  const config = defaultConfig();
  const changed = entries.reduce((sum, e) => sum + e.additions + e.deletions, 0);
  let counted = 0;
  const result = measure(() => {
    const files = entries.map(fromGitHubFile);
    for (const file of files) hunksOf(file); // parse every patch, as the line classifiers do
    const evaluation = evaluate({ files, config, gitattributes: SYNTHETIC_GITATTRIBUTES, facts: SYNTHETIC_FACTS });
    counted = evaluation.size.countedLines;
  });
  console.log(`synthetic pull request: 3,000 Python files, ${changed.toLocaleString("en-US")} changed lines (${counted.toLocaleString("en-US")} counted: pkg3/ is marked vendored), ${mb(bytes)} MB of patches, size and migration analysis`);
  console.log(`  engine: ${result.ms.toFixed(0)} ms median of 5, ${(bytes / 1024 / 1024 / (result.ms / 1000)).toFixed(1)} MB/s, heap growth at peak ${result.heapMb} MB`);
}

/**
 * The python3 classifier, single thread: the diff's bytes read by the command line's reader, every file's hunks
 * parsed and every line judged (`measureMigration`), median of 7; and the judging alone, on files already read.
 */
function benchPythonClassification() {
  const corpus = pythonCorpusDiff();
  if (!corpus) {
    console.log("python classification skipped: no python3 on this machine");
    return;
  }
  const bytes = Buffer.from(corpus.text, "utf8");
  const pack = [python3Pack()];
  let summary = "";
  const whole = measure(() => {
    const m = measureMigration(readDiff(bytes)!, pack, { mixedTolerance: 0.1 });
    const outsideTestData = m.regressions.filter((r) => !r.path.startsWith("lib2to3/tests/data/")).length;
    summary = `${m.regressions.length} lines flagged, ${m.regressions.length - outsideTestData} of them in lib2to3's Python 2 test data; ${m.lines.migration} compatibility lines`;
  }, 7);
  const files = readDiff(bytes)!;
  const judging = measure(() => measureMigration(files, pack, { mixedTolerance: 0.1 }), 7);
  const rate = (ms: number) => Math.round(corpus.lines / (ms / 1000)).toLocaleString("en-US");
  console.log(`python3 classification: the Python standard library as an added diff, ${corpus.files} files, ${corpus.lines.toLocaleString("en-US")} lines, ${mb(bytes.length)} MB, one thread`);
  console.log(`  read, parsed and judged: ${whole.ms.toFixed(0)} ms median of 7, ${rate(whole.ms)} lines/s (target ≥ 1,000,000), heap growth at peak ${whole.heapMb} MB`);
  console.log(`  judged alone (files already read): ${judging.ms.toFixed(0)} ms median of 7, ${rate(judging.ms)} lines/s`);
  console.log(`  ${summary}`);
}

console.log(`node ${process.version}, ${new Date().toISOString().slice(0, 10)}`);
benchSynthetic();
benchBigDiff();
benchPythonClassification();
await benchFirstWrite();
benchScan();
console.log(`peak resident memory of this process: ${mb(process.resourceUsage().maxRSS * 1024)} MB`);
