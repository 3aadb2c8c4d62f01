import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { fixFile, type FixJob, type FixOptions, type FixOutcome } from "./fix-file.js";

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
 * Every job fixed, the outcomes in the jobs' order: on this thread for a few files, else over one thread per core
 * (parsing is CPU-bound), each taking the next batch as it finishes one.
 */
export async function fixAll(jobs: readonly FixJob[], options: FixOptions, threads = jobs.length < THREADED_FROM_FILES ? 0 : availableParallelism()): Promise<FixOutcome[]> {
  if (threads <= 0) {
    const outcomes: FixOutcome[] = [];
    for (const job of jobs) outcomes.push(await fixFile(job, options));
    return outcomes;
  }
  const batches: FixJob[][] = [];
  for (let i = 0; i < jobs.length; i += BATCH_FILES) batches.push(jobs.slice(i, i + BATCH_FILES));
  const results: FixOutcome[][] = new Array(batches.length);
  let next = 0;
  const url = workerUrl();
  const run = (worker: Worker) =>
    new Promise<void>((resolve, reject) => {
      const take = () => {
        if (next >= batches.length) return resolve();
        const index = next++;
        worker.once("message", (outcomes: FixOutcome[]) => {
          results[index] = outcomes;
          take();
        });
        worker.postMessage({ jobs: batches[index], options });
      };
      worker.once("error", reject);
      take();
    });
  const workers = Array.from({ length: Math.min(threads, batches.length) }, () => new Worker(url, { resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } }));
  try {
    await Promise.all(workers.map(run));
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return results.flat();
}
