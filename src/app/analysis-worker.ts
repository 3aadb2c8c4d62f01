import { parentPort } from "node:worker_threads";
import { evaluate } from "../engine.js";
import { runCampaignJob, type WorkerJob } from "./worker-jobs.js";

/**
 * The engine in a worker thread, one job per message, so that a long one never blocks the server's event loop: a
 * pull request's evaluation, or the campaign's batches (each a fix of many files) for a dashboard update.
 */
parentPort!.on("message", (job: WorkerJob) => {
  try {
    parentPort!.postMessage({ ok: true, result: job.kind === "evaluate" ? evaluate(job.input) : runCampaignJob(job.job) });
  } catch (error) {
    parentPort!.postMessage({ ok: false, message: (error as Error).message });
  }
});
