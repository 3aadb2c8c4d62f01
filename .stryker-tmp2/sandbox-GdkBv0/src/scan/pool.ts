// @ts-nocheck
import { readFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import { scanBytes, type FileScan, type ManifestScan, type ScanSkip } from "../analysis/scan/scanner.js";
import { packsFor } from "../engine.js";
import type { Config } from "../policy/config.js";

/** A file to scan: read from `root` by the thread, or its bytes already in hand (a tarball's entry). */
export interface ScanJob {
  path: string;
  root?: string;
  bytes?: Uint8Array;
}

export interface ScanReply {
  files: FileScan[];
  manifests: ManifestScan[];
  skipped: ScanSkip[];
}

/** Jobs per message: large enough that posting costs little, small enough that threads finish together. */
const BATCH_FILES = 64;
const BATCH_BYTES = 4 * 1024 * 1024;

/**
 * Scanning threads over the cores (the scan is CPU-bound: one thread per core). Jobs are handed out in batches as
 * threads become free; `threads: 0` scans on this thread (small trees, where starting threads costs more).
 */
export class ScanPool {
  private readonly workers: Worker[] = [];
  private readonly idle: Worker[] = [];
  private readonly queue: ScanJob[][] = [];
  private pendingBatch: ScanJob[] = [];
  private pendingBytes = 0;
  private running = 0;
  private readonly result: ScanReply = { files: [], manifests: [], skipped: [] };
  private readonly local?: ReturnType<typeof packsFor>;
  private failure?: Error;
  private wake?: () => void;

  constructor(config: Config, threads = Math.max(1, availableParallelism())) {
    if (threads === 0) {
      this.local = packsFor(config);
      return;
    }
    // Run from the TypeScript sources (the tests), the thread runs the build of the same file (npm test builds first).
    const url = import.meta.url.endsWith(".ts") ? new URL("../../lib/scan/worker.js", import.meta.url) : new URL("./worker.js", import.meta.url);
    for (let i = 0; i < threads; i++) {
      const worker = new Worker(url, { workerData: { config } });
      worker.on("message", (reply: ScanReply) => this.finished(worker, reply));
      worker.on("error", (error) => {
        this.failure = error;
        this.running = 0;
        this.wake?.();
      });
      this.workers.push(worker);
      this.idle.push(worker);
    }
  }

  /** Adds a file; resolves once the pool can take more (so a stream never holds more than a few batches). */
  async add(job: ScanJob): Promise<void> {
    if (this.failure) throw this.failure;
    if (this.local) return this.scanHere(job);
    this.pendingBatch.push(job);
    this.pendingBytes += job.bytes?.byteLength ?? 0;
    if (this.pendingBatch.length >= BATCH_FILES || this.pendingBytes >= BATCH_BYTES) this.flush();
    while (this.queue.length > this.workers.length * 2 && !this.failure) await this.nextReply();
  }

  /** Every file added, scanned; the threads stopped. */
  async finish(): Promise<ScanReply> {
    this.flush();
    while ((this.running > 0 || this.queue.length > 0) && !this.failure) await this.nextReply();
    await Promise.all(this.workers.map((w) => w.terminate()));
    if (this.failure) throw this.failure;
    return this.result;
  }

  private async scanHere(job: ScanJob): Promise<void> {
    let bytes: Uint8Array;
    try {
      bytes = job.bytes ?? readFileSync(join(job.root!, job.path));
    } catch (error) {
      this.result.skipped.push({ path: job.path, reason: `could not be read (${(error as NodeJS.ErrnoException).code ?? "error"})` });
      return;
    }
    const out = scanBytes(job.path, bytes, this.local!);
    if (out.file) this.result.files.push(out.file);
    if (out.manifest) this.result.manifests.push(out.manifest);
    if (out.skip) this.result.skipped.push(out.skip);
  }

  private flush(): void {
    if (!this.pendingBatch.length) return;
    this.queue.push(this.pendingBatch);
    this.pendingBatch = [];
    this.pendingBytes = 0;
    this.dispatch();
  }

  private dispatch(): void {
    while (this.idle.length && this.queue.length) {
      const worker = this.idle.pop()!;
      const jobs = this.queue.shift()!;
      this.running++;
      const transfer = jobs.flatMap((j) => (j.bytes && j.bytes.byteOffset === 0 && j.bytes.byteLength === j.bytes.buffer.byteLength ? [j.bytes.buffer as ArrayBuffer] : []));
      worker.postMessage(jobs, transfer);
    }
  }

  private finished(worker: Worker, reply: ScanReply): void {
    this.running--;
    this.result.files.push(...reply.files);
    this.result.manifests.push(...reply.manifests);
    this.result.skipped.push(...reply.skipped);
    this.idle.push(worker);
    this.dispatch();
    this.wake?.();
  }

  private nextReply(): Promise<void> {
    return new Promise((resolve) => (this.wake = resolve));
  }
}
