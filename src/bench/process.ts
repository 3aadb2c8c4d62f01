import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";

/** The command line as installed: package.json's bin (the bundled entry), run from the project folder. */
export const CLI: string = JSON.parse(readFileSync("package.json", "utf8")).bin["small-steps"];

/**
 * A whole process: its wall time (measured here, to the millisecond) and its peak resident memory (GNU time's %M).
 * `okStatuses` are the exit statuses that mean it ran (a check that warns exits 0, one over the limit may exit 1).
 */
export function timedProcess(args: string[], okStatuses: number[] = [0]): { seconds: number; peakMb: number; stdout: string } {
  const start = performance.now();
  const run = spawnSync("/usr/bin/time", ["-f", "%M", ...args], { encoding: "utf8", maxBuffer: 1 << 28 });
  const seconds = (performance.now() - start) / 1000;
  if (!okStatuses.includes(run.status ?? -1)) throw new Error(`${args.join(" ")} failed (${run.status}): ${run.stderr.slice(-500)}`);
  const kb = Number(run.stderr.trim().split("\n").at(-1));
  return { seconds, peakMb: kb / 1024, stdout: run.stdout };
}

export function median<T>(values: T[], by: (value: T) => number): T {
  return [...values].sort((a, b) => by(a) - by(b))[Math.floor(values.length / 2)];
}
