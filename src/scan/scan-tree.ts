import type { Python3Support } from "../analysis/dependencies/changes.js";
import { normaliseName } from "../analysis/dependencies/requirement.js";
import { fixersFor } from "../fix/python3-fixes.js";
import { scanReads, summariseScan, type ScanResult, type ScanSkip } from "../analysis/scan/scanner.js";
import { packsFor } from "../engine.js";
import type { Config } from "../policy/config.js";
import { pypiBaseUrl, resolvePython3Support } from "../pypi/client.js";
import { ScanPool, type ScanJob, type ScanReply } from "./pool.js";

/** Fewer files than this are scanned on the calling thread: starting threads would cost more than it saves. */
export const THREADS_FROM_FILES = 300;

/** The size check's limit as a batch bound: the most counted lines a pull request may have and stay within it. */
export function batchLines(config: Config): number {
  return config.thresholds[config.limit] - 1;
}

export function scanOptions(config: Config, gitattributes: Array<{ path: string; text: string }>) {
  const target = config.fixes.target;
  return { exclude: config.exclude, gitattributes, batchLines: batchLines(config), depth: config.dashboard.depth, importNames: config.dashboard.importNames, fixable: { rules: new Set(Object.keys(fixersFor(target))), target } };
}

/**
 * Scan files through the pool and sum them up: the one scanner behind `small-steps scan` and the dashboard.
 * `jobs` may be an async stream (a tarball's entries); `onProgress` hears how many files are done.
 */
export async function scanJobs(jobs: AsyncIterable<ScanJob> | Iterable<ScanJob>, config: Config, gitattributes: () => Array<{ path: string; text: string }>, options: { threads?: number; extraSkipped?: ScanSkip[]; onProgress?: (files: number) => void } = {}): Promise<ScanResult> {
  const pool = new ScanPool(config, options.threads);
  const packs = packsFor(config);
  let added = 0;
  try {
    for await (const job of jobs) {
      // Files no pack reads and no manifest are not even opened: most of a monorepo is not Python.
      if (!scanReads(job.path, packs)) continue;
      await pool.add(job);
      if (++added % 500 === 0) options.onProgress?.(added);
    }
  } catch (error) {
    await pool.finish().catch(() => undefined);
    throw error;
  }
  const reply: ScanReply = await pool.finish();
  return summariseScan(reply.files, reply.manifests, [...reply.skipped, ...(options.extraSkipped ?? [])], scanOptions(config, gitattributes()));
}

/** Python 3 support of the declared packages, asked of the package index within the config's lookup bound. */
export async function python3SupportOf(result: ScanResult, config: Config, env: NodeJS.ProcessEnv): Promise<Map<string, { python3: Python3Support; reason?: string }>> {
  const asked = result.dependencies.map((d) => ({ name: d.name, key: normaliseName(d.name), change: "added" as const, manifest: d.manifests[0], line: 1, python3: "unknown" as const }));
  const answers = await resolvePython3Support(asked, { baseUrl: pypiBaseUrl(env), timeoutMs: config.dependencies.timeoutSeconds * 1000, maxLookups: config.dependencies.maxLookups, allow: config.dependencies.allow });
  return new Map(answers.map((a) => [a.name, { python3: a.python3, reason: a.reason }]));
}
