import { parentPort } from "node:worker_threads";
import { fixFile, type FixJob, type FixOptions } from "./fix-file.js";

/** A fixing thread: fixes each file of a batch in turn and replies with the outcomes, in the batch's order. */
parentPort!.on("message", async ({ index, jobs, options }: { index: number; jobs: FixJob[]; options: FixOptions }) => {
  const outcomes = [];
  for (const job of jobs) outcomes.push(await fixFile(job, options));
  parentPort!.postMessage({ index, outcomes });
});
