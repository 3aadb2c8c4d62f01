import { classify, SIZE_CLASSES, type SizeClass, type SizeThresholds } from "../analysis/size.js";

/**
 * Thresholds from a repository's own history: given the sizes of its past pull requests (counted lines and files,
 * measured by today's engine and config), the bounds that put a chosen share of them in each class, and the share
 * each class would have held. Pure: the command line measures, this decides.
 */

/** One past change, measured. */
export interface SizeSample {
  lines: number;
  files: number;
}

/** The share of changes wanted in each class. The default: the median change is M and 90% are L or below. */
export const DEFAULT_SHARES: Readonly<Record<SizeClass, number>> = { XS: 0.1, S: 0.2, M: 0.4, L: 0.2, XL: 0.07, XXL: 0.03 };

const BOUNDED = SIZE_CLASSES.filter((c): c is Exclude<SizeClass, "XXL"> => c !== "XXL");

export interface Calibration {
  samples: number;
  thresholds: SizeThresholds & { files: SizeThresholds };
  /** The share of the samples in each class under the new thresholds: by lines, by files, and as the check classes them (the larger). */
  shares: { lines: Record<SizeClass, number>; files: Record<SizeClass, number>; combined: Record<SizeClass, number> };
  /** The same under the thresholds in force. */
  current: Record<SizeClass, number>;
  percentiles: { lines: Percentiles; files: Percentiles };
}

export interface Percentiles {
  p50: number;
  p75: number;
  p90: number;
  max: number;
}

/**
 * The exclusive upper bounds that leave, below each, the wanted cumulative share of `values`: the value at that rank
 * (ties keep a class from holding exactly its share), each above the one before and at least 1.
 */
export function boundsFor(values: readonly number[], shares: Readonly<Record<SizeClass, number>> = DEFAULT_SHARES): SizeThresholds {
  const sorted = [...values].sort((a, b) => a - b);
  const bounds = {} as SizeThresholds;
  let cumulative = 0;
  let previous = 0;
  for (const sizeClass of BOUNDED) {
    cumulative += shares[sizeClass];
    const rank = Math.min(sorted.length, Math.round(cumulative * sorted.length));
    const at = rank < sorted.length ? sorted[rank]! : (sorted.at(-1) ?? 0) + 1;
    previous = bounds[sizeClass] = Math.max(at, previous + 1, 1);
  }
  return bounds;
}

/** Shares one class up: what `shares` gives XS and S goes to XS, M to S, …, and XXL keeps a sixth of its share. */
function filesShares(shares: Readonly<Record<SizeClass, number>>): Record<SizeClass, number> {
  return { XS: shares.XS + shares.S, S: shares.M, M: shares.L, L: shares.XL, XL: (shares.XXL * 5) / 6, XXL: shares.XXL / 6 };
}

function sharesOf(classes: readonly SizeClass[]): Record<SizeClass, number> {
  const shares = Object.fromEntries(SIZE_CLASSES.map((c) => [c, 0])) as Record<SizeClass, number>;
  for (const c of classes) shares[c] += 1 / classes.length;
  return shares;
}

const larger = (a: SizeClass, b: SizeClass) => (SIZE_CLASSES.indexOf(a) >= SIZE_CLASSES.indexOf(b) ? a : b);

function percentiles(values: readonly number[]): Percentiles {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return { p50: at(0.5), p75: at(0.75), p90: at(0.9), max: sorted.at(-1) ?? 0 };
}

/** The thresholds for `samples` under `shares`, and what each class holds with them and with `current`. */
export function calibrate(samples: readonly SizeSample[], current: SizeThresholds & { files: SizeThresholds }, shares: Readonly<Record<SizeClass, number>> = DEFAULT_SHARES): Calibration {
  const lines = boundsFor(samples.map((s) => s.lines), shares);
  // The files' bounds sit a class higher on the same history: the number of files decides only for a change that
  // touches more files than its lines would say (419 images), not for every change that touches a few.
  const files = boundsFor(samples.map((s) => s.files), filesShares(shares));
  const classesUnder = (bounds: SizeThresholds & { files: SizeThresholds }) => samples.map((s) => larger(classify(s.lines, bounds), classify(s.files, bounds.files)));
  return {
    samples: samples.length,
    thresholds: { ...lines, files },
    shares: {
      lines: sharesOf(samples.map((s) => classify(s.lines, lines))),
      files: sharesOf(samples.map((s) => classify(s.files, files))),
      combined: sharesOf(classesUnder({ ...lines, files })),
    },
    current: sharesOf(classesUnder(current)),
    percentiles: { lines: percentiles(samples.map((s) => s.lines)), files: percentiles(samples.map((s) => s.files)) },
  };
}
