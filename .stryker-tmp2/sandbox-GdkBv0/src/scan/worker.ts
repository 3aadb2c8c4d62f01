// @ts-nocheck
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parentPort, workerData } from "node:worker_threads";
import { scanBytes } from "../analysis/scan/scanner.js";
import { packsFor } from "../engine.js";
import type { Config } from "../policy/config.js";
import type { ScanJob, ScanReply } from "./pool.js";

/** A scanning thread: reads (or is given) each file and runs the packs over it; replies with what the scan keeps. */
const packs = packsFor(workerData.config as Config);
parentPort!.on("message", async (jobs: ScanJob[]) => {
  const reply: ScanReply = { files: [], manifests: [], skipped: [] };
  for (const job of jobs) {
    let bytes: Uint8Array;
    try {
      bytes = job.bytes ?? readFileSync(join(job.root!, job.path));
    } catch (error) {
      reply.skipped.push({ path: job.path, reason: `could not be read (${(error as NodeJS.ErrnoException).code ?? "error"})` });
      continue;
    }
    const out = scanBytes(job.path, bytes, packs);
    if (out.file) reply.files.push(out.file);
    if (out.manifest) reply.manifests.push(out.manifest);
    if (out.skip) reply.skipped.push(out.skip);
  }
  parentPort!.postMessage(reply);
});
