import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { FixJob, FixOptions, FixOutcome } from "./fix-file.js";

/** Below this many files, starting threads (each loads the parser) costs more than it saves. */
export const THREADED_FROM_FILES = 24;
/** Files per message: threads that finish early take the next batch, so that all finish together. */
const BATCH_FILES = 8;
/** Fixing makes many short-lived strings and nodes: a larger young generation collects them less often. */
const YOUNG_GENERATION_MB = 64;

/** The fixing thread's module: beside this one once built, the CLI's bundle beside the chunk, or the build of the
 * sources (the tests run the TypeScript). */
function workerUrl(): URL {
  const candidates = ["./worker.js", "../fix-worker.bundle.mjs", "./fix-worker.bundle.mjs", "../../lib/fix/worker.js"].map((p) => new URL(p, import.meta.url));
  const found = candidates.find((url) => !url.pathname.endsWith(".ts") && existsSync(fileURLToPath(url)));
  if (!found) throw new Error("small-steps fix: the fixing thread's module is missing (run npm run build)");
  return found;
}

type FixBatch = (jobs: readonly FixJob[], options: FixOptions) => Promise<FixOutcome[]>;

/** This thread's fixer: the parser is loaded on first use only, so that a caller that never fixes here never loads it. */
const fixHere: FixBatch = async (jobs, options) => {
  const { fixFile } = await import("./fix-file.js");
  const outcomes: FixOutcome[] = [];
  for (const job of jobs) outcomes.push(await fixFile(job, options));
  return outcomes;
};

/**
 * `threads` fixers: this thread and `threads - 1` workers, started before there is work for them. Each worker loads
 * the parser while the caller lists the files (the command line starts them first thing); this thread loads it at
 * `start`. Fixing on this thread too spares a worker's start and its own compiling of the same code, which on two
 * cores cost more than the thread it would free. `fix` hands out batches; `close` ends the workers.
 */
export class FixingThreads {
  private readonly workers: Worker[];
  /** This thread's fixer, loading from `start` (or the first `fix`). */
  private here: Promise<FixBatch> | undefined;
  /** The first error a worker raised (a module that failed to load, a crash), given to the next `fix`. */
  private failure: Error | undefined;

  constructor(threads: number) {
    const url = workerUrl();
    this.workers = Array.from({ length: Math.max(0, threads - 1) }, () => new Worker(url, { resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } }));
    for (const worker of this.workers) worker.on("error", (error) => (this.failure ??= error));
  }

  /** Loads the parser on this thread, so that it is ready when the files are. */
  start(): void {
    this.here ??= import("./fix-file.js").then(() => fixHere);
  }

  /** The outcomes of `jobs`, in their order: each fixer takes the next batch as it finishes one. */
  async fix(jobs: readonly FixJob[], options: FixOptions): Promise<FixOutcome[]> {
    this.start();
    const results: FixOutcome[][] = [];
    const fixers = this.workers.length + 1;
    let next = 0;
    /** The next batch: smaller as the jobs run out, so that the fixers finish together. */
    const take = (): { index: number; jobs: FixJob[] } | undefined => {
      if (next >= jobs.length) return undefined;
      const size = Math.max(1, Math.min(BATCH_FILES, Math.floor((jobs.length - next) / (4 * fixers))));
      const index = next;
      next += size;
      return { index, jobs: jobs.slice(index, next) };
    };
    // A worker holds the batch after the one it is fixing: while this thread fixes (and cannot answer), it works on.
    const runWorker = (worker: Worker) =>
      new Promise<void>((resolve, reject) => {
        if (this.failure) return reject(this.failure);
        let pending = 0;
        const finish = () => {
          worker.off("message", received);
          worker.off("error", failed);
          resolve();
        };
        const failed = (error: Error) => reject(error);
        const send = () => {
          const batch = take();
          if (!batch) return;
          pending++;
          worker.postMessage({ ...batch, options });
        };
        function received({ index, outcomes }: { index: number; outcomes: FixOutcome[] }) {
          results[index] = outcomes;
          pending--;
          send();
          if (pending === 0) finish();
        }
        worker.on("error", failed);
        worker.on("message", received);
        send();
        send();
        if (pending === 0) finish();
      });
    const runHere = async () => {
      const fixBatch = await this.here!;
      for (let batch = take(); batch; batch = take()) {
        results[batch.index] = await fixBatch(batch.jobs, options);
        await new Promise((resolve) => setImmediate(resolve)); // the workers' replies, between two batches
      }
    };
    await Promise.all([...this.workers.map(runWorker), runHere()]);
    return results.flat(); // indexed by each batch's first job: the holes between are skipped
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}

/**
 * Every job fixed, the outcomes in the jobs' order: on this thread for a few files, else on this thread and one worker
 * per further core (parsing is CPU-bound), or over threads the caller started.
 */
export async function fixAll(jobs: readonly FixJob[], options: FixOptions, threads: number | FixingThreads = jobs.length < THREADED_FROM_FILES ? 1 : availableParallelism()): Promise<FixOutcome[]> {
  if (threads instanceof FixingThreads) return threads.fix(jobs, options);
  if (threads <= 1) return fixHere(jobs, options);
  const pool = new FixingThreads(Math.min(threads, Math.ceil(jobs.length / BATCH_FILES)));
  try {
    return await pool.fix(jobs, options);
  } finally {
    await pool.close();
  }
}
