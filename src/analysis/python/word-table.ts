/**
 * Identifiers of a line of code found by position, and looked up in a set of words without a substring for each: the
 * python3 pack asks of every line whether one of about two hundred words stands in it, and a hand-written scan
 * with a hash table answers that several times faster than a regular expression of the words.
 *
 * An identifier is read as the rules' patterns read one: `[A-Za-z_][A-Za-z0-9_]*`, whole (neither letters, digits
 * nor `_` on either side), so that in `1L` the identifier is `L`, and in `x1L` it is `x1L`. Letters beyond ASCII are
 * not identifier characters, as in the patterns.
 */

/** Character classes of ASCII: 1 a letter or `_` (may start an identifier), 2 a digit. */
const WORD_CLASS = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c);
  if (/[A-Za-z_]/.test(ch)) WORD_CLASS[c] = 1;
  else if (/[0-9]/.test(ch)) WORD_CLASS[c] = 2;
}

/** 1 for a letter or `_`, 2 for a digit, 0 for anything else (beyond ASCII, or past the end: NaN). */
export const wordClass = (c: number): number => (c < 128 ? WORD_CLASS[c] : 0);

/** The hash of an identifier, one character at a time (from 0). */
export const hashStep = (hash: number, c: number): number => (Math.imul(hash, 31) + c) | 0;

export function hashOf(word: string): number {
  let hash = 0;
  for (let i = 0; i < word.length; i++) hash = hashStep(hash, word.charCodeAt(i));
  return hash;
}

/** A fixed set of words, looked up by a span of a line and its hash (open addressing). */
export class WordTable {
  readonly words: readonly string[];
  private readonly hashes: Int32Array;
  private readonly slots: Int32Array;
  private readonly mask: number;

  constructor(words: Iterable<string>) {
    this.words = [...new Set(words)];
    this.hashes = Int32Array.from(this.words, hashOf);
    let size = 8;
    while (size < this.words.length * 4) size *= 2;
    this.mask = size - 1;
    this.slots = new Int32Array(size);
    this.words.forEach((_, index) => {
      let slot = this.hashes[index] & this.mask;
      while (this.slots[slot] !== 0) slot = (slot + 1) & this.mask;
      this.slots[slot] = index + 1;
    });
  }

  /** The index of the word that `code` holds from `start` to `end` (its hash `hash`), or -1. */
  indexOf(code: string, start: number, end: number, hash: number): number {
    const length = end - start;
    for (let slot = hash & this.mask; ; slot = (slot + 1) & this.mask) {
      const entry = this.slots[slot];
      if (entry === 0) return -1;
      const index = entry - 1;
      const word = this.words[index];
      if (this.hashes[index] === hash && word.length === length && code.startsWith(word, start)) return index;
    }
  }

  /** Whether the word stands in the table (for a whole string). */
  has(word: string): boolean {
    return this.indexOf(word, 0, word.length, hashOf(word)) !== -1;
  }
}
