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

/**
 * Fixing threads, started before there is work for them: each loads the parser while the caller lists the files
 * (the command line starts them first thing). `fix` hands them batches; `close` ends them.
 */
export class FixingThreads {
  private readonly workers: Worker[];
  /** The first error a thread raised (a module that failed to load, a crash), given to the next `fix`. */
  private failure: Error | undefined;

  constructor(count: number) {
    const url = workerUrl();
    this.workers = Array.from({ length: count }, () => new Worker(url, { resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } }));
    for (const worker of this.workers) worker.on("error", (error) => (this.failure ??= error));
  }

  /** The outcomes of `jobs`, in their order: each thread takes the next batch as it finishes one. */
  async fix(jobs: readonly FixJob[], options: FixOptions): Promise<FixOutcome[]> {
    const batches: FixJob[][] = [];
    for (let i = 0; i < jobs.length; i += BATCH_FILES) batches.push(jobs.slice(i, i + BATCH_FILES));
    const results: FixOutcome[][] = new Array(batches.length);
    let next = 0;
    const run = (worker: Worker) =>
      new Promise<void>((resolve, reject) => {
        if (this.failure) return reject(this.failure);
        const failed = (error: Error) => reject(error);
        worker.once("error", failed);
        const take = () => {
          if (next >= batches.length) {
            worker.off("error", failed);
            return resolve();
          }
          const index = next++;
          worker.once("message", (outcomes: FixOutcome[]) => {
            results[index] = outcomes;
            take();
          });
          worker.postMessage({ jobs: batches[index], options });
        };
        take();
      });
    await Promise.all(this.workers.slice(0, Math.max(1, batches.length)).map(run));
    return results.flat();
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}

/**
 * Every job fixed, the outcomes in the jobs' order: on this thread for a few files, else over one thread per core
 * (parsing is CPU-bound), or over threads the caller started.
 */
export async function fixAll(jobs: readonly FixJob[], options: FixOptions, threads: number | FixingThreads = jobs.length < THREADED_FROM_FILES ? 0 : availableParallelism()): Promise<FixOutcome[]> {
  if (threads instanceof FixingThreads) return threads.fix(jobs, options);
  if (threads <= 0) {
    // Loaded here only: a caller that fixes over threads never loads the parser on its own thread.
    const { fixFile } = await import("./fix-file.js");
    const outcomes: FixOutcome[] = [];
    for (const job of jobs) outcomes.push(await fixFile(job, options));
    return outcomes;
  }
  const pool = new FixingThreads(Math.min(threads, Math.ceil(jobs.length / BATCH_FILES)));
  try {
    return await pool.fix(jobs, options);
  } finally {
    await pool.close();
  }
}
