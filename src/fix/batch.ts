import { fromUnifiedDiff } from "../analysis/changed-file.js";
import { ExclusionRules } from "../analysis/exclusions.js";
import { GitattributesIndex } from "../analysis/gitattributes.js";
import { classify, measureSize, type SizeClass } from "../analysis/size.js";
import { sizeOptionsOf, type Config } from "../policy/config.js";

/** A file's fix as a diff, and its size as the check would count it. */
export interface SizedFix<T> {
  item: T;
  path: string;
  lines: number;
}

export interface FixBatch<T> {
  /** The fixes taken, in path order: together within the bound. */
  taken: Array<SizedFix<T>>;
  /** Counted lines of the batch, and its size class under the config's thresholds. */
  lines: number;
  sizeClass: SizeClass;
  /** Fixes left for a later step (the first one did not fit after those taken). */
  left: Array<SizedFix<T>>;
  /** Fixes larger than the bound on their own: no batch can hold them whole. */
  tooLarge: Array<SizedFix<T>>;
}

/** Counts a diff's lines the way the size check does (the config's exclusions, .gitattributes and deletion weight). */
export function diffSizer(config: Config, gitattributes: Array<{ path: string; text: string }>): (diff: string) => number {
  const rules = new ExclusionRules(config.exclude, new GitattributesIndex(gitattributes));
  return (diff) => measureSize(fromUnifiedDiff(diff), rules, sizeOptionsOf(config)).countedLines;
}

/**
 * One small step: fixes taken in path order while their counted lines together stay within `maxLines`. The step ends
 * at the first fix that does not fit, so that steps follow the tree folder by folder and running the same command
 * again makes the next one; a fix over the bound on its own is set aside (it needs fewer rules at a time).
 */
export function batchWithin<T>(fixes: ReadonlyArray<SizedFix<T>>, maxLines: number, thresholds: Config["thresholds"]): FixBatch<T> {
  const taken: Array<SizedFix<T>> = [];
  const left: Array<SizedFix<T>> = [];
  const tooLarge: Array<SizedFix<T>> = [];
  let lines = 0;
  for (const fix of fixes) {
    if (fix.lines > maxLines) tooLarge.push(fix);
    else if (!left.length && lines + fix.lines <= maxLines) {
      taken.push(fix);
      lines += fix.lines;
    } else left.push(fix);
  }
  return { taken, lines, sizeClass: classify(lines, thresholds), left, tooLarge };
}
