/**
 * The python3 classifier on the Python standard library as an added diff, single thread. `npm run bench` runs it in a
 * process of its own (`node --expose-gc lib/bench/classifier.js`), as the command line would classify one diff, and
 * then once more in its own process after the other benchmarks: there the engine's compiled code has been shaped by
 * the synthetic pull request's files first, and the figure shows what that costs.
 */
import { spawnSync } from "node:child_process";
import { fileURLToPath, pathToFileURL } from "node:url";
import { performance } from "node:perf_hooks";
import { pythonCorpusDiff } from "./corpora.js";
import { readDiff } from "../analysis/diff-reader.js";
import { measureMigration } from "../analysis/migration.js";
import { python3Pack } from "../analysis/python/python3-pack.js";

export const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/**
 * Runs `task` several times and reports the median time, the fastest (this machine's speed varies within a run: the
 * fastest shows what the code does when nothing else takes the cores) and the heap it grew by at its peak.
 */
export function measure(task: () => unknown, runs = 5): { ms: number; fastestMs: number; heapMb: string } {
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
  return { ms: median(times), fastestMs: Math.min(...times), heapMb: mb(peakHeap) };
}

/**
 * The diff's bytes read by the command line's reader, every file's hunks parsed and every line judged
 * (`measureMigration`), median of 7; and the judging alone, on files already read. In the bench's own process, only
 * the first, in one line.
 */
export function benchPythonClassification(options: { inBenchProcess?: boolean } = {}): void {
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
  const rate = (ms: number) => Math.round(corpus.lines / (ms / 1000)).toLocaleString("en-US");
  if (options.inBenchProcess) {
    console.log(`  the same in the bench's own process, after the synthetic pull request: ${whole.ms.toFixed(0)} ms median of 7, ${rate(whole.ms)} lines/s read, parsed and judged`);
    return;
  }
  const files = readDiff(bytes)!;
  const judging = measure(() => measureMigration(files, pack, { mixedTolerance: 0.1 }), 7);
  console.log(`python3 classification: the Python standard library as an added diff, ${corpus.files} files, ${corpus.lines.toLocaleString("en-US")} lines, ${mb(bytes.length)} MB, one thread, a process of its own`);
  console.log(`  read, parsed and judged: ${whole.ms.toFixed(0)} ms median of 7, ${rate(whole.ms)} lines/s (target ≥ 1,000,000; the fastest of the 7: ${rate(whole.fastestMs)}), heap growth at peak ${whole.heapMb} MB`);
  console.log(`  judged alone (files already read): ${judging.ms.toFixed(0)} ms median of 7, ${rate(judging.ms)} lines/s`);
  console.log(`  ${summary}`);
}

/** This module run as a process of its own; its report, or why it could not run. */
export function classifierInItsOwnProcess(): string {
  const run = spawnSync(process.execPath, ["--expose-gc", fileURLToPath(import.meta.url)], { encoding: "utf8" });
  if (run.status !== 0) return `python3 classification failed (exit ${run.status}): ${run.stderr.slice(-500)}`;
  return run.stdout.trimEnd();
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) benchPythonClassification();
