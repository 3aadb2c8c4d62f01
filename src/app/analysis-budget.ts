import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { evaluate, type EngineInput, type Evaluation } from "../engine.js";
import type { CampaignBatch } from "../campaign/batches.js";
import { runCampaignJob, type CampaignJob, type WorkerJob } from "./worker-jobs.js";

/**
 * One delivery's analysis runs in a worker thread with a time budget, so that whatever a pull request holds, the
 * server goes on answering (`/ping`, other deliveries' writes) and a runaway analysis is stopped: past the budget the
 * worker is terminated, a fresh one takes the next job, and the check run says the pull request could not be measured
 * in time. The budget counts the analysis itself, not its wait behind another delivery's.
 * `ANALYSIS_BUDGET_SECONDS` sets it (default 20).
 */
export class AnalysisBudgetExceeded extends Error {
  constructor(readonly seconds: number) {
    super(`the analysis took longer than its budget of ${seconds} s and was stopped`);
  }
}

export function budgetSeconds(env: NodeJS.ProcessEnv = process.env): number {
  const value = Number(env.ANALYSIS_BUDGET_SECONDS);
  return Number.isFinite(value) && value > 0 ? value : 20;
}

let worker: Worker | undefined;
let queue: Promise<unknown> = Promise.resolve();

function workerUrl(): URL {
  // Under Jest the sources are TypeScript: the worker runs from the build, as the scan's pool does.
  return import.meta.url.endsWith(".ts") ? new URL("../../lib/app/analysis-worker.js", import.meta.url) : new URL("./analysis-worker.js", import.meta.url);
}

function run<T>(job: WorkerJob, seconds: number): Promise<T> {
  const current = (worker ??= new Worker(workerUrl()));
  current.unref();
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      cleanup();
      worker = undefined;
      void current.terminate();
      reject(new AnalysisBudgetExceeded(seconds));
    }, seconds * 1000);
    const onMessage = (reply: { ok: true; result: T } | { ok: false; message: string }) => {
      cleanup();
      if (reply.ok) resolve(reply.result);
      else reject(new Error(reply.message));
    };
    const onError = (error: Error) => {
      cleanup();
      worker = undefined;
      reject(error);
    };
    const cleanup = () => {
      clearTimeout(timer);
      current.off("message", onMessage);
      current.off("error", onError);
    };
    current.on("message", onMessage);
    current.on("error", onError);
    current.postMessage(job);
  });
}

/** A job on the worker, one at a time in arrival order, or in place where no worker file is shipped. */
function withinBudget<T>(job: WorkerJob, inPlace: () => T, seconds: number): Promise<T> {
  if (!worker && !existsSync(fileURLToPath(workerUrl()))) return Promise.resolve().then(inPlace);
  const queued = queue.then(() => run<T>(job, seconds));
  queue = queued.catch(() => undefined);
  return queued;
}

/**
 * The engine's evaluation of `input`, off the event loop, within the budget; one at a time, in arrival order. Where no
 * worker file is shipped (the Action's single bundle, which measures one event per process and serves nothing), it is
 * evaluated in place.
 */
export function evaluateWithinBudget(input: EngineInput, seconds = budgetSeconds()): Promise<Evaluation> {
  return withinBudget<Evaluation>({ kind: "evaluate", input }, () => evaluate(input), seconds);
}

/**
 * The campaign's batches for a dashboard update, off the event loop and within the same budget (the fixing is the
 * costly part: about a second for eight batches of Python 2.7's standard library).
 */
export async function campaignBatchesWithinBudget(job: CampaignJob, seconds = budgetSeconds()): Promise<CampaignBatch[]> {
  return withinBudget<CampaignBatch[]>({ kind: "campaign", job }, () => runCampaignJob(job), seconds);
}

/** Stops the worker (a shutdown, or the end of a test file). */
export async function stopAnalysisWorker(): Promise<void> {
  const current = worker;
  worker = undefined;
  await current?.terminate();
}
