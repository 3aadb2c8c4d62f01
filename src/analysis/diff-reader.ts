import { isAscii } from "node:buffer";
import type { ChangedFile, FileStatus } from "./changed-file.js";
import { SAMPLE_LINES } from "./generated/markers.js";
import { extraLines, LONG_LINE, utf8Chars } from "./long-lines.js";

/**
 * Git's unified diff (`diff --git` sections), read in chunks of bytes as they arrive, one pass, keeping of each file
 * only what the report needs: paths, status and counts always; the patch only of files whose hunks something reads
 * (a migration pack, a manifest); of the others, their edit-line count and the lines a generator's marker may be on.
 * A 100 MB diff of vendored JavaScript is never held whole.
 *
 * Bytes are handled as latin1 strings (one character per byte: fast to search, and a newline is a newline in any
 * UTF-8), and only what is kept is decoded as UTF-8. A diff with no `diff --git` section (`diff -u`) is collected
 * and handed to parse-diff whole by the caller.
 */
export interface DiffReaderOptions {
  /** Whether a file's hunks are needed; every file's when undefined (what `fromUnifiedDiff` does). */
  keepPatch?: (path: string) => boolean;
  /** Files whose hunks are welcome but not needed (moved and whitespace-only lines are found in them): kept while the
   * patches kept so far for this reason stay under `optionalBytes` (8 MB by default), then counted and sampled. */
  keepOptional?: (path: string) => boolean;
  optionalBytes?: number;
}

const OPTIONAL_BYTES = 8 * 1024 * 1024;

/** What the reader keeps of a patch it does not keep: enough to count it and to look for a generator's marker. */
export interface PatchSummary {
  /** Changed lines counted as edits (a removal and the addition in its place once), as `editLinesOfPatch` counts. */
  editLines: number;
  /** The start of the patch (its first hunk's header and up to SAMPLE_LINES lines of the head) and its last three lines. */
  head: string;
  tail: string;
}

const GIT_HEADER = "diff --git ";
/** The path git writes for the missing side of an added or removed file. */
export const DEV_NULL = "/dev/null";
const NON_ASCII = /[^\x00-\x7f]/;
const utf8 = (bytes: string) => (NON_ASCII.test(bytes) ? Buffer.from(bytes, "latin1").toString("utf8") : bytes);

const ESCAPES: Record<string, string> = { a: "\x07", b: "\b", t: "\t", n: "\n", v: "\v", f: "\f", r: "\r" };

/**
 * A path as git writes it in a header (bytes, as latin1): a name with a space is followed by a tab, and a name with
 * unusual characters is quoted C-style, non-ASCII bytes as octal escapes (`"caf\303\251.txt"`, core.quotePath).
 */
function gitPath(raw: string): string {
  const path = raw.replace(/\t.*$/, "");
  if (!(path.length >= 2 && path.startsWith('"') && path.endsWith('"'))) return utf8(path);
  const bytes = path.slice(1, -1).replace(/\\([0-7]{3}|.)/g, (_, escape: string) => (escape.length === 3 ? String.fromCharCode(parseInt(escape, 8)) : (ESCAPES[escape] ?? escape)));
  return utf8(bytes);
}

/** The path of a ---/+++ line: none for /dev/null, git's a/ and b/ prefixes taken off. */
function headerPath(raw: string): string | undefined {
  const path = gitPath(raw);
  if (path === DEV_NULL) return undefined;
  return path.replace(/^[ab]\//, "");
}

/** One `diff --git` section being read. */
class Section {
  from?: string;
  to?: string;
  status: FileStatus = "modified";
  binary = false;
  additions = 0;
  deletions = 0;
  /** Extra lines of changed lines longer than LONG_LINE characters (see long-lines.ts). */
  longAdditions = 0;
  longDeletions = 0;
  inHunks = false;
  keep = false;
  /** Kept because welcome, not needed (see DiffReaderOptions.keepOptional), within `optionalBudget` bytes. */
  optional = false;
  optionalBudget = 0;
  private keptBytes = 0;
  /** Kept patch text, in pieces (latin1). */
  pieces: string[] = [];
  /** Whether every kept piece is ASCII (then the patch needs no decoding), as far as the bytes told. */
  piecesAscii = true;

  /** Keeps `s` from `from` to `to`; `bytes`, where given, are the bytes `s` was decoded from (index for index). */
  keepPiece(s: string, from: number, to: number, bytes: Uint8Array | undefined): void {
    const piece = s.slice(from, to);
    this.pieces.push(piece);
    if (this.optional && (this.keptBytes += piece.length) > this.optionalBudget) return this.abandon();
    // The bytes are checked natively, many at a time, where a pattern over the text read them one by one.
    if (this.piecesAscii) this.piecesAscii = bytes ? isAscii(bytes.subarray(from, to)) : !NON_ASCII.test(piece);
  }
  // The edit count's state: a block of removals then additions counts the larger of the two.
  edits = 0;
  blockDels = 0;
  blockAdds = 0;
  // The head excerpt: collected while `collecting`, up to SAMPLE_LINES lines the head shows.
  head: string[] = [];
  headShown = 0;
  collecting = false;
  /** The last three lines of the patch (latin1): those of earlier chunks as text, the current chunk's as offsets. */
  tail: string[] = [];
  private spans: number[] = [];

  /** A line of the patch, from `p` to `e` in the current chunk: one of the last three, for now. */
  lastLine(p: number, e: number): void {
    if (this.spans.length === 6) this.spans.splice(0, 2);
    this.spans.push(p, e);
  }

  /** Before the current chunk's text goes: its last lines become text. */
  keepLastLines(s: string): void {
    for (let i = 0; i < this.spans.length; i += 2) this.tail.push(s.slice(this.spans[i], this.spans[i + 1]));
    if (this.tail.length > 3) this.tail.splice(0, this.tail.length - 3);
    this.spans = [];
  }

  constructor(readonly firstLine: string) {}

  /** An optional patch past its budget: what is kept becomes the summary's head and last lines, and the rest of the
   * file is counted as any file whose patch is not kept. */
  private abandon(): void {
    const lines = this.pieces.join("").split("\n");
    if (lines.at(-1) === "") lines.pop();
    this.head = lines.slice(0, SAMPLE_LINES + 1);
    this.tail = lines.slice(-3);
    this.pieces = [];
    this.keep = this.optional = false;
  }

  /** A changed line of more than LONG_LINE bytes, from `from` (after its marker) to `to`, in latin1 `s`. */
  longLine(first: number, s: string, from: number, to: number): void {
    this.addLong(first, utf8Chars(s, from, s.charCodeAt(to - 1) === 13 ? to - 1 : to));
  }

  addLong(first: number, chars: number): void {
    if (first === 43) this.longAdditions += extraLines(chars);
    else if (first === 45) this.longDeletions += extraLines(chars);
  }

  header(line: string): void {
    if (line.startsWith("--- ")) this.from = headerPath(line.slice(4));
    else if (line.startsWith("+++ ")) this.to = headerPath(line.slice(4));
    else if (line.startsWith("rename from ")) this.from = gitPath(line.slice(12));
    else if (line.startsWith("rename to ")) this.to = gitPath(line.slice(10));
    else if (line.startsWith("new file mode")) this.status = "added";
    else if (line.startsWith("deleted file mode")) this.status = "removed";
    else if (line.startsWith("Binary files ") || line === "GIT binary patch") this.binary = true;
  }

  /** The paths as the header gives them: from ---/+++ or rename lines, else from the `diff --git a/x b/x` line. */
  paths(): { from?: string; to?: string; status: FileStatus } {
    let { from, to, status } = this;
    if (from === undefined && to === undefined) {
      // No ---/+++ or rename lines (a binary or mode-only change): the paths are in "diff --git a/x b/x".
      const first = this.firstLine;
      const quoted = first.endsWith('"') ? first.lastIndexOf(' "b/') : -1;
      const half = quoted !== -1 ? quoted : first.indexOf(" b/");
      from = to = half === -1 ? utf8(first) : (headerPath(first.slice(half + 1)) ?? utf8(first));
      if (status === "removed") to = undefined;
      if (status === "added") from = undefined;
    }
    if (status === "modified" && from !== undefined && to !== undefined && from !== to) status = "renamed";
    return { from, to, status };
  }

  file(): ChangedFile {
    const { from, to, status } = this.paths();
    const file: ChangedFile = {
      path: to ?? from ?? "(unknown)",
      previousPath: status === "renamed" ? from : undefined,
      status,
      additions: this.additions,
      deletions: this.deletions,
      binary: this.binary,
      patch: undefined,
    };
    if (this.longAdditions || this.longDeletions) file.longLines = { additions: this.longAdditions, deletions: this.longDeletions };
    if (!this.inHunks) return file;
    if (this.keep) file.patch = this.piecesAscii ? this.pieces.join("") : utf8(this.pieces.join(""));
    else file.summary = { editLines: this.edits + Math.max(this.blockDels, this.blockAdds), head: utf8(this.head.join("\n")), tail: utf8(this.tail.join("\n")) };
    return file;
  }
}

export class DiffReader {
  private carry = "";
  private section: Section | undefined;
  private readonly files: ChangedFile[] = [];
  /** Everything before the first git section; the whole input when there is none (a `diff -u`). */
  private preamble: string[] = [];
  private sawGitSection = false;

  constructor(private readonly options: DiffReaderOptions = {}) {}

  /** Bytes as they arrive (a chunk may end anywhere, even inside a UTF-8 character). */
  push(chunk: Uint8Array): void {
    const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    const s = bytes.toString("latin1");
    if (this.carry === "") return this.read(s, false, bytes);
    const e = s.indexOf("\n");
    if (e === -1) return this.read(this.carry + s, false);
    // The line the last chunk ended in is finished on its own: joined to the whole chunk, the chunk's text would be
    // copied once more (flattened) when first searched.
    this.read(this.carry + s.slice(0, e + 1), false);
    this.read(s, false, bytes, e + 1);
  }

  /** The files read; `undefined` when the input held no git section (the caller parses `text()` another way). */
  end(): ChangedFile[] | undefined {
    if (this.carry !== "") this.read(this.carry, true);
    this.carry = "";
    this.close();
    return this.sawGitSection ? this.files : undefined;
  }

  /** The input as UTF-8 text, when it held no git section. */
  text(): string {
    return utf8(this.preamble.join(""));
  }

  private close(): void {
    if (this.section) {
      if (this.section.optional) this.optionalKept += this.section.pieces.reduce((sum, piece) => sum + piece.length, 0);
      this.files.push(this.section.file());
    }
    this.section = undefined;
  }

  /** Bytes of patches kept because they were welcome (`keepOptional`), not needed. */
  private optionalKept = 0;

  /** The rest of a hunk line the last chunk ended in, already counted, is skipped. */
  private skipping = false;
  /** The changed line being skipped past a chunk's end: its marker and characters so far (a long line, measured). */
  private cut: { first: number; chars: number } | undefined;

  /**
   * Reads the complete lines of `s` from `from` on (decoded from `bytes`, where given); carries the last, unfinished
   * one unless `final`.
   */
  private read(s: string, final: boolean, bytes?: Uint8Array, from = 0): void {
    let p = from;
    let section = this.section;
    // Where the kept patch text of this string starts (-1: nothing kept here yet).
    let pieceAt = section?.keep && section.inHunks ? from : -1;
    let preambleAt = this.sawGitSection ? -1 : from;
    const length = s.length;
    if (this.skipping) {
      const e = s.indexOf("\n", p);
      if (this.cut) this.cut.chars += utf8Chars(s, p, e === -1 ? length : e);
      p = e === -1 ? length : e + 1;
      this.skipping = e === -1;
      if ((!this.skipping || final) && this.cut) {
        section?.addLong(this.cut.first, this.cut.chars - (s.charCodeAt(p - 2) === 13 ? 1 : 0));
        this.cut = undefined;
      }
    }
    while (p < length) {
      if (section?.inHunks) {
        p = this.countHunkLines(section, s, p);
        if (p >= length) break;
      }
      let e = s.indexOf("\n", p);
      const first = s.charCodeAt(p);
      if (e === -1) {
        if (!final) {
          // A long hunk line cut by the chunk's end is counted now, and the rest of it skipped, rather than carried
          // (and copied) into the next chunk; only lines whose text is kept are carried.
          if (section?.inHunks && (section.keep || (!section.collecting && section.status !== "added")) && (first === 43 || first === 45 || first === 32)) {
            this.hunkLine(section, first);
            this.skipping = true;
            if (first !== 32) this.cut = { first, chars: utf8Chars(s, p + 1, length) };
            p = length;
          }
          break;
        }
        e = length;
      }
      const next = e + 1;
      if (first === 100 /* d */ && s.startsWith(GIT_HEADER, p)) {
        if (section) {
          if (pieceAt !== -1) section.keepPiece(s, pieceAt, p, bytes);
          section.keepLastLines(s);
          this.close();
        } else if (preambleAt !== -1) {
          // Text before the first section is not part of any file.
          this.preamble = [];
          preambleAt = -1;
          this.sawGitSection = true;
        }
        section = this.section = new Section(s.slice(p + GIT_HEADER.length, e));
        pieceAt = -1;
      } else if (section?.inHunks) {
        this.hunkLine(section, first);
        if (e - p > LONG_LINE + 1 && (first === 43 || first === 45)) section.longLine(first, s, p + 1, e);
        if (!section.keep) this.summarise(section, s, p, e, first);
      } else if (section) {
        if (first === 64 /* @ */ && s.startsWith("@@", p)) {
          section.inHunks = true;
          const { to, from } = section.paths();
          const path = to ?? from ?? "(unknown)";
          section.keep = this.options.keepPatch?.(path) ?? true;
          const budget = (this.options.optionalBytes ?? OPTIONAL_BYTES) - this.optionalKept;
          if (!section.keep && budget > 0 && this.options.keepOptional?.(path)) {
            section.keep = section.optional = true;
            section.optionalBudget = budget;
          }
          if (section.keep) pieceAt = p;
          else {
            section.head.push(s.slice(p, e));
            section.collecting = true;
            section.lastLine(p, e);
          }
        } else section.header(s.slice(p, e));
      }
      p = next;
    }
    if (section && pieceAt !== -1) section.keepPiece(s, pieceAt, Math.min(p, length), bytes);
    section?.keepLastLines(s);
    if (preambleAt !== -1) this.preamble.push(s.slice(preambleAt, Math.min(p, length)));
    this.carry = p < length ? s.slice(p) : "";
  }

  /**
   * The hot loop, over the lines of a hunk whose text nobody needs line by line (most of a large diff): counts
   * them in local variables until a line that is not a hunk line, a line the head excerpt takes, or the end of the
   * complete lines of `s`. Same counts as `hunkLine`, line for line.
   */
  private countHunkLines(section: Section, s: string, from: number): number {
    let { additions, deletions, edits, blockDels, blockAdds } = section;
    // An added file's summary keeps its last three lines: where the last three lines read here start and end.
    const tail = !section.keep && section.status === "added";
    // While the head excerpt is collected, its lines (context, additions, the next hunk's header) are the general
    // path's; the removals between them are counted here: a file whose first hunk removes 10,000 lines is one loop.
    const collecting = section.collecting;
    let lines = 0;
    let p0 = 0, e0 = 0, p1 = 0, e1 = 0, p2 = 0, e2 = 0;
    let p = from;
    for (;;) {
      const e = s.indexOf("\n", p);
      if (e === -1) break;
      const first = s.charCodeAt(p);
      if (collecting && first !== 45 /* - */ && first !== 92 /* \ */) break;
      if (first === 43 /* + */) {
        additions++;
        blockAdds++;
        if (e - p > LONG_LINE + 1) section.longLine(first, s, p + 1, e);
      } else if (first === 45 /* - */) {
        deletions++;
        if (e - p > LONG_LINE + 1) section.longLine(first, s, p + 1, e);
        if (blockAdds) {
          edits += blockDels > blockAdds ? blockDels : blockAdds;
          blockDels = blockAdds = 0;
        }
        blockDels++;
      } else if (first === 32 /* space */ || (first === 64 /* @ */ && s.startsWith("@@", p))) {
        edits += blockDels > blockAdds ? blockDels : blockAdds;
        blockDels = blockAdds = 0;
      } else if (first !== 92 /* \ */) break; // a section header, or a line the general path reads
      // Kept for every file, used for an added one's: a branch here, first taken by the diff's first added file,
      // cost the optimised loop a deoptimisation in the middle of a large diff.
      p0 = p1;
      e0 = e1;
      p1 = p2;
      e1 = e2;
      p2 = p;
      e2 = e;
      lines++;
      p = e + 1;
    }
    section.additions = additions;
    section.deletions = deletions;
    section.edits = edits;
    section.blockDels = blockDels;
    section.blockAdds = blockAdds;
    if (tail) {
      if (lines > 2) section.lastLine(p0, e0);
      if (lines > 1) section.lastLine(p1, e1);
      if (lines > 0) section.lastLine(p2, e2);
    }
    return p;
  }

  /** Counts a line of a hunk: its additions and deletions, and edits as `editLinesOfPatch` counts them. */
  private hunkLine(section: Section, first: number): void {
    if (first === 43 /* + */) {
      section.additions++;
      section.blockAdds++;
    } else if (first === 45 /* - */) {
      section.deletions++;
      if (section.blockAdds) {
        section.edits += Math.max(section.blockDels, section.blockAdds);
        section.blockDels = section.blockAdds = 0;
      }
      section.blockDels++;
    } else if (first !== 92 /* \ */) {
      section.edits += Math.max(section.blockDels, section.blockAdds);
      section.blockDels = section.blockAdds = 0;
    }
  }

  /** For a file whose patch is not kept: the head excerpt and the last three lines. */
  private summarise(section: Section, s: string, p: number, e: number, first: number): void {
    if (section.collecting) {
      if (first === 64 /* @ */) section.collecting = false;
      else if (first === 32 /* space */ || first === 43 /* + */) {
        section.head.push(s.slice(p, e));
        if (++section.headShown >= SAMPLE_LINES) section.collecting = false;
      }
    }
    if (section.status === "added") section.lastLine(p, e);
  }
}

/** Reads a whole diff held in memory (tests, and callers that have it already). */
export function readDiff(bytes: Uint8Array, options?: DiffReaderOptions): ChangedFile[] | undefined {
  const reader = new DiffReader(options);
  reader.push(bytes);
  return reader.end();
}
