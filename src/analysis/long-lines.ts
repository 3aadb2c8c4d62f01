import type { ChangedFile } from "./changed-file.js";
/**
 * Long lines: a changed line longer than LONG_LINE characters counts as one line per started LONG_LINE characters, so
 * that a 13.7 MB file on one line is not "1 line". The diff reader and GitHub's patches both report the extra lines
 * (beyond the one each line already counts) per file, apart from its additions and deletions.
 */
export const LONG_LINE = 200;

/** Extra lines a changed line of `chars` characters counts, beyond its own one. */
export const extraLines = (chars: number): number => (chars > LONG_LINE ? Math.ceil(chars / LONG_LINE) - 1 : 0);

/** Extra lines of a file's changes: its added and its deleted lines apart (a deleted line's weight applies to its). */
export interface LongLines {
  additions: number;
  deletions: number;
}

/**
 * The characters of the UTF-8 text held as latin1 (one char per byte) from `from` to `to`: the bytes that do not
 * continue a character. Only long lines are measured, so this stays off the hot path.
 */
export function utf8Chars(latin1: string, from: number, to: number): number {
  let continuations = 0;
  for (let i = from; i < to; i++) {
    const byte = latin1.charCodeAt(i);
    if (byte >= 0x80 && byte < 0xc0) continuations++;
  }
  return to - from - continuations;
}

/**
 * The extra lines of an added file GitHub gave no patch for (too large a diff), from its size: where its lines average
 * more than LONG_LINE bytes, as many extra lines as the bytes hold past one per line. An estimate (bytes, not
 * characters; its long and short lines together), and only ever an increase.
 */
export function longLinesFromSize(additions: number, bytes: number): LongLines | undefined {
  if (additions <= 0 || bytes / additions <= LONG_LINE) return undefined;
  return { additions: Math.ceil(bytes / LONG_LINE) - additions, deletions: 0 };
}

/** The long lines of a patch of hunks (GitHub's per-file patch, or a file's part of a unified diff). */
export function longLinesOfPatch(patch: string): LongLines | undefined {
  let additions = 0;
  let deletions = 0;
  let p = 0;
  while (p < patch.length) {
    let e = patch.indexOf("\n", p);
    if (e === -1) e = patch.length;
    const first = patch.charCodeAt(p);
    // A line's characters, its marker (+ or -) and a carriage return left out.
    if (e - p - 1 > LONG_LINE && (first === 43 || first === 45)) {
      const extra = extraLines(e - p - 1 - (patch.charCodeAt(e - 1) === 13 ? 1 : 0));
      if (first === 43) additions += extra;
      else deletions += extra;
    }
    p = e + 1;
  }
  return additions || deletions ? { additions, deletions } : undefined;
}

/** Added files GitHub listed with lines but no patch (a diff too large to show): their size at the head is asked for. */
export function withoutPatch(files: readonly ChangedFile[]): string[] {
  return files.filter((f) => f.patch === undefined && !f.hunks && !f.binary && f.status === "added" && f.additions > 0).map((f) => f.path);
}

/** The files with the long lines their sizes show (see longLinesFromSize); the others as they were. */
export function withSizes(files: ChangedFile[], sizes: ReadonlyMap<string, number>): ChangedFile[] {
  if (!sizes.size) return files;
  return files.map((file) => {
    const size = sizes.get(file.path);
    const long = size === undefined || file.longLines ? undefined : longLinesFromSize(file.additions, size);
    return long ? { ...file, longLines: long } : file;
  });
}
