// @ts-nocheck
function stryNS_9fa48() {
  var g = typeof globalThis === 'object' && globalThis && globalThis.Math === Math && globalThis || new Function("return this")();
  var ns = g.__stryker__ || (g.__stryker__ = {});
  if (ns.activeMutant === undefined && g.process && g.process.env && g.process.env.__STRYKER_ACTIVE_MUTANT__) {
    ns.activeMutant = g.process.env.__STRYKER_ACTIVE_MUTANT__;
  }
  function retrieveNS() {
    return ns;
  }
  stryNS_9fa48 = retrieveNS;
  return retrieveNS();
}
stryNS_9fa48();
function stryCov_9fa48() {
  var ns = stryNS_9fa48();
  var cov = ns.mutantCoverage || (ns.mutantCoverage = {
    static: {},
    perTest: {}
  });
  function cover() {
    var c = cov.static;
    if (ns.currentTestId) {
      c = cov.perTest[ns.currentTestId] = cov.perTest[ns.currentTestId] || {};
    }
    var a = arguments;
    for (var i = 0; i < a.length; i++) {
      c[a[i]] = (c[a[i]] || 0) + 1;
    }
  }
  stryCov_9fa48 = cover;
  cover.apply(null, arguments);
}
function stryMutAct_9fa48(id) {
  var ns = stryNS_9fa48();
  function isActive(id) {
    if (ns.activeMutant === id) {
      if (ns.hitCount !== void 0 && ++ns.hitCount > ns.hitLimit) {
        throw new Error('Stryker: Hit count limit reached (' + ns.hitCount + ')');
      }
      return true;
    }
    return false;
  }
  stryMutAct_9fa48 = isActive;
  return isActive(id);
}
import type { ChangedFile, FileStatus } from "./changed-file.js";
import { SAMPLE_LINES } from "./generated/markers.js";

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
}

/** What the reader keeps of a patch it does not keep: enough to count it and to look for a generator's marker. */
export interface PatchSummary {
  /** Changed lines counted as edits (a removal and the addition in its place once), as `editLinesOfPatch` counts. */
  editLines: number;
  /** The start of the patch (its first hunk's header and up to SAMPLE_LINES lines of the head) and its last three lines. */
  head: string;
  tail: string;
}
const GIT_HEADER = stryMutAct_9fa48("84") ? "" : (stryCov_9fa48("84"), "diff --git ");
const DEV_NULL = stryMutAct_9fa48("85") ? "" : (stryCov_9fa48("85"), "/dev/null");
const utf8 = stryMutAct_9fa48("86") ? () => undefined : (stryCov_9fa48("86"), (() => {
  const utf8 = (bytes: string) => (stryMutAct_9fa48("87") ? /[\x00-\x7f]/ : (stryCov_9fa48("87"), /[^\x00-\x7f]/)).test(bytes) ? Buffer.from(bytes, stryMutAct_9fa48("88") ? "" : (stryCov_9fa48("88"), "latin1")).toString(stryMutAct_9fa48("89") ? "" : (stryCov_9fa48("89"), "utf8")) : bytes;
  return utf8;
})());

/** Strip git's a/ b/ prefixes and C-style quoting from a header path. */
function headerPath(raw: string): string | undefined {
  if (stryMutAct_9fa48("90")) {
    {}
  } else {
    stryCov_9fa48("90");
    let path = raw.replace(stryMutAct_9fa48("92") ? /\t.$/ : stryMutAct_9fa48("91") ? /\t.*/ : (stryCov_9fa48("91", "92"), /\t.*$/), stryMutAct_9fa48("93") ? "Stryker was here!" : (stryCov_9fa48("93"), ""));
    if (stryMutAct_9fa48("96") ? path.startsWith('"') || path.endsWith('"') : stryMutAct_9fa48("95") ? false : stryMutAct_9fa48("94") ? true : (stryCov_9fa48("94", "95", "96"), (stryMutAct_9fa48("97") ? path.endsWith('"') : (stryCov_9fa48("97"), path.startsWith(stryMutAct_9fa48("98") ? "" : (stryCov_9fa48("98"), '"')))) && (stryMutAct_9fa48("99") ? path.startsWith('"') : (stryCov_9fa48("99"), path.endsWith(stryMutAct_9fa48("100") ? "" : (stryCov_9fa48("100"), '"')))))) path = stryMutAct_9fa48("101") ? path.replace(/\\(.)/g, "$1") : (stryCov_9fa48("101"), path.slice(1, stryMutAct_9fa48("102") ? +1 : (stryCov_9fa48("102"), -1)).replace(/\\(.)/g, stryMutAct_9fa48("103") ? "" : (stryCov_9fa48("103"), "$1")));
    if (stryMutAct_9fa48("106") ? path !== DEV_NULL : stryMutAct_9fa48("105") ? false : stryMutAct_9fa48("104") ? true : (stryCov_9fa48("104", "105", "106"), path === DEV_NULL)) return undefined;
    return path.replace(stryMutAct_9fa48("108") ? /^[^ab]\// : stryMutAct_9fa48("107") ? /[ab]\// : (stryCov_9fa48("107", "108"), /^[ab]\//), stryMutAct_9fa48("109") ? "Stryker was here!" : (stryCov_9fa48("109"), ""));
  }
}

/** One `diff --git` section being read. */
class Section {
  from?: string;
  to?: string;
  status: FileStatus = stryMutAct_9fa48("110") ? "" : (stryCov_9fa48("110"), "modified");
  binary = stryMutAct_9fa48("111") ? true : (stryCov_9fa48("111"), false);
  additions = 0;
  deletions = 0;
  inHunks = stryMutAct_9fa48("112") ? true : (stryCov_9fa48("112"), false);
  keep = stryMutAct_9fa48("113") ? true : (stryCov_9fa48("113"), false);
  /** Kept patch text, in pieces (latin1). */
  pieces: string[] = stryMutAct_9fa48("114") ? ["Stryker was here"] : (stryCov_9fa48("114"), []);
  // The edit count's state: a block of removals then additions counts the larger of the two.
  edits = 0;
  blockDels = 0;
  blockAdds = 0;
  // The head excerpt: collected while `collecting`, up to SAMPLE_LINES lines the head shows.
  head: string[] = stryMutAct_9fa48("115") ? ["Stryker was here"] : (stryCov_9fa48("115"), []);
  headShown = 0;
  collecting = stryMutAct_9fa48("116") ? true : (stryCov_9fa48("116"), false);
  /** The last three lines of the patch (latin1): those of earlier chunks as text, the current chunk's as offsets. */
  tail: string[] = stryMutAct_9fa48("117") ? ["Stryker was here"] : (stryCov_9fa48("117"), []);
  private spans: number[] = stryMutAct_9fa48("118") ? ["Stryker was here"] : (stryCov_9fa48("118"), []);

  /** A line of the patch, from `p` to `e` in the current chunk: one of the last three, for now. */
  lastLine(p: number, e: number): void {
    if (stryMutAct_9fa48("119")) {
      {}
    } else {
      stryCov_9fa48("119");
      if (stryMutAct_9fa48("122") ? this.spans.length !== 6 : stryMutAct_9fa48("121") ? false : stryMutAct_9fa48("120") ? true : (stryCov_9fa48("120", "121", "122"), this.spans.length === 6)) this.spans.splice(0, 2);
      this.spans.push(p, e);
    }
  }

  /** Before the current chunk's text goes: its last lines become text. */
  keepLastLines(s: string): void {
    if (stryMutAct_9fa48("123")) {
      {}
    } else {
      stryCov_9fa48("123");
      for (let i = 0; stryMutAct_9fa48("126") ? i >= this.spans.length : stryMutAct_9fa48("125") ? i <= this.spans.length : stryMutAct_9fa48("124") ? false : (stryCov_9fa48("124", "125", "126"), i < this.spans.length); stryMutAct_9fa48("127") ? i -= 2 : (stryCov_9fa48("127"), i += 2)) this.tail.push(stryMutAct_9fa48("128") ? s : (stryCov_9fa48("128"), s.slice(this.spans[i], this.spans[stryMutAct_9fa48("129") ? i - 1 : (stryCov_9fa48("129"), i + 1)])));
      if (stryMutAct_9fa48("133") ? this.tail.length <= 3 : stryMutAct_9fa48("132") ? this.tail.length >= 3 : stryMutAct_9fa48("131") ? false : stryMutAct_9fa48("130") ? true : (stryCov_9fa48("130", "131", "132", "133"), this.tail.length > 3)) this.tail.splice(0, stryMutAct_9fa48("134") ? this.tail.length + 3 : (stryCov_9fa48("134"), this.tail.length - 3));
      this.spans = stryMutAct_9fa48("135") ? ["Stryker was here"] : (stryCov_9fa48("135"), []);
    }
  }
  constructor(readonly firstLine: string) {}
  header(line: string): void {
    if (stryMutAct_9fa48("136")) {
      {}
    } else {
      stryCov_9fa48("136");
      if (stryMutAct_9fa48("139") ? line.endsWith("--- ") : stryMutAct_9fa48("138") ? false : stryMutAct_9fa48("137") ? true : (stryCov_9fa48("137", "138", "139"), line.startsWith(stryMutAct_9fa48("140") ? "" : (stryCov_9fa48("140"), "--- ")))) this.from = headerPath(utf8(stryMutAct_9fa48("141") ? line : (stryCov_9fa48("141"), line.slice(4))));else if (stryMutAct_9fa48("144") ? line.endsWith("+++ ") : stryMutAct_9fa48("143") ? false : stryMutAct_9fa48("142") ? true : (stryCov_9fa48("142", "143", "144"), line.startsWith(stryMutAct_9fa48("145") ? "" : (stryCov_9fa48("145"), "+++ ")))) this.to = headerPath(utf8(stryMutAct_9fa48("146") ? line : (stryCov_9fa48("146"), line.slice(4))));else if (stryMutAct_9fa48("149") ? line.endsWith("rename from ") : stryMutAct_9fa48("148") ? false : stryMutAct_9fa48("147") ? true : (stryCov_9fa48("147", "148", "149"), line.startsWith(stryMutAct_9fa48("150") ? "" : (stryCov_9fa48("150"), "rename from ")))) this.from = utf8(stryMutAct_9fa48("151") ? line : (stryCov_9fa48("151"), line.slice(12)));else if (stryMutAct_9fa48("154") ? line.endsWith("rename to ") : stryMutAct_9fa48("153") ? false : stryMutAct_9fa48("152") ? true : (stryCov_9fa48("152", "153", "154"), line.startsWith(stryMutAct_9fa48("155") ? "" : (stryCov_9fa48("155"), "rename to ")))) this.to = utf8(stryMutAct_9fa48("156") ? line : (stryCov_9fa48("156"), line.slice(10)));else if (stryMutAct_9fa48("159") ? line.endsWith("new file mode") : stryMutAct_9fa48("158") ? false : stryMutAct_9fa48("157") ? true : (stryCov_9fa48("157", "158", "159"), line.startsWith(stryMutAct_9fa48("160") ? "" : (stryCov_9fa48("160"), "new file mode")))) this.status = stryMutAct_9fa48("161") ? "" : (stryCov_9fa48("161"), "added");else if (stryMutAct_9fa48("164") ? line.endsWith("deleted file mode") : stryMutAct_9fa48("163") ? false : stryMutAct_9fa48("162") ? true : (stryCov_9fa48("162", "163", "164"), line.startsWith(stryMutAct_9fa48("165") ? "" : (stryCov_9fa48("165"), "deleted file mode")))) this.status = stryMutAct_9fa48("166") ? "" : (stryCov_9fa48("166"), "removed");else if (stryMutAct_9fa48("169") ? line.startsWith("Binary files ") && line === "GIT binary patch" : stryMutAct_9fa48("168") ? false : stryMutAct_9fa48("167") ? true : (stryCov_9fa48("167", "168", "169"), (stryMutAct_9fa48("170") ? line.endsWith("Binary files ") : (stryCov_9fa48("170"), line.startsWith(stryMutAct_9fa48("171") ? "" : (stryCov_9fa48("171"), "Binary files ")))) || (stryMutAct_9fa48("173") ? line !== "GIT binary patch" : stryMutAct_9fa48("172") ? false : (stryCov_9fa48("172", "173"), line === (stryMutAct_9fa48("174") ? "" : (stryCov_9fa48("174"), "GIT binary patch")))))) this.binary = stryMutAct_9fa48("175") ? false : (stryCov_9fa48("175"), true);
    }
  }

  /** The paths as the header gives them: from ---/+++ or rename lines, else from the `diff --git a/x b/x` line. */
  paths(): {
    from?: string;
    to?: string;
    status: FileStatus;
  } {
    if (stryMutAct_9fa48("176")) {
      {}
    } else {
      stryCov_9fa48("176");
      let {
        from,
        to,
        status
      } = this;
      if (stryMutAct_9fa48("179") ? from === undefined || to === undefined : stryMutAct_9fa48("178") ? false : stryMutAct_9fa48("177") ? true : (stryCov_9fa48("177", "178", "179"), (stryMutAct_9fa48("181") ? from !== undefined : stryMutAct_9fa48("180") ? true : (stryCov_9fa48("180", "181"), from === undefined)) && (stryMutAct_9fa48("183") ? to !== undefined : stryMutAct_9fa48("182") ? true : (stryCov_9fa48("182", "183"), to === undefined)))) {
        if (stryMutAct_9fa48("184")) {
          {}
        } else {
          stryCov_9fa48("184");
          // No ---/+++ or rename lines (a binary or mode-only change): the paths are in "diff --git a/x b/x".
          const first = utf8(this.firstLine);
          const half = first.indexOf(stryMutAct_9fa48("185") ? "" : (stryCov_9fa48("185"), " b/"));
          from = to = (stryMutAct_9fa48("188") ? half !== -1 : stryMutAct_9fa48("187") ? false : stryMutAct_9fa48("186") ? true : (stryCov_9fa48("186", "187", "188"), half === (stryMutAct_9fa48("189") ? +1 : (stryCov_9fa48("189"), -1)))) ? first : stryMutAct_9fa48("190") ? first : (stryCov_9fa48("190"), first.slice(stryMutAct_9fa48("191") ? half - 3 : (stryCov_9fa48("191"), half + 3)));
          if (stryMutAct_9fa48("194") ? status !== "removed" : stryMutAct_9fa48("193") ? false : stryMutAct_9fa48("192") ? true : (stryCov_9fa48("192", "193", "194"), status === (stryMutAct_9fa48("195") ? "" : (stryCov_9fa48("195"), "removed")))) to = undefined;
          if (stryMutAct_9fa48("198") ? status !== "added" : stryMutAct_9fa48("197") ? false : stryMutAct_9fa48("196") ? true : (stryCov_9fa48("196", "197", "198"), status === (stryMutAct_9fa48("199") ? "" : (stryCov_9fa48("199"), "added")))) from = undefined;
        }
      }
      if (stryMutAct_9fa48("202") ? status === "modified" && from !== undefined && to !== undefined || from !== to : stryMutAct_9fa48("201") ? false : stryMutAct_9fa48("200") ? true : (stryCov_9fa48("200", "201", "202"), (stryMutAct_9fa48("204") ? status === "modified" && from !== undefined || to !== undefined : stryMutAct_9fa48("203") ? true : (stryCov_9fa48("203", "204"), (stryMutAct_9fa48("206") ? status === "modified" || from !== undefined : stryMutAct_9fa48("205") ? true : (stryCov_9fa48("205", "206"), (stryMutAct_9fa48("208") ? status !== "modified" : stryMutAct_9fa48("207") ? true : (stryCov_9fa48("207", "208"), status === (stryMutAct_9fa48("209") ? "" : (stryCov_9fa48("209"), "modified")))) && (stryMutAct_9fa48("211") ? from === undefined : stryMutAct_9fa48("210") ? true : (stryCov_9fa48("210", "211"), from !== undefined)))) && (stryMutAct_9fa48("213") ? to === undefined : stryMutAct_9fa48("212") ? true : (stryCov_9fa48("212", "213"), to !== undefined)))) && (stryMutAct_9fa48("215") ? from === to : stryMutAct_9fa48("214") ? true : (stryCov_9fa48("214", "215"), from !== to)))) status = stryMutAct_9fa48("216") ? "" : (stryCov_9fa48("216"), "renamed");
      return stryMutAct_9fa48("217") ? {} : (stryCov_9fa48("217"), {
        from,
        to,
        status
      });
    }
  }
  file(): ChangedFile {
    if (stryMutAct_9fa48("218")) {
      {}
    } else {
      stryCov_9fa48("218");
      const {
        from,
        to,
        status
      } = this.paths();
      const file: ChangedFile = stryMutAct_9fa48("219") ? {} : (stryCov_9fa48("219"), {
        path: stryMutAct_9fa48("220") ? (to ?? from) && "(unknown)" : (stryCov_9fa48("220"), (stryMutAct_9fa48("221") ? to && from : (stryCov_9fa48("221"), to ?? from)) ?? (stryMutAct_9fa48("222") ? "" : (stryCov_9fa48("222"), "(unknown)"))),
        previousPath: (stryMutAct_9fa48("225") ? status !== "renamed" : stryMutAct_9fa48("224") ? false : stryMutAct_9fa48("223") ? true : (stryCov_9fa48("223", "224", "225"), status === (stryMutAct_9fa48("226") ? "" : (stryCov_9fa48("226"), "renamed")))) ? from : undefined,
        status,
        additions: this.additions,
        deletions: this.deletions,
        binary: this.binary,
        patch: undefined
      });
      if (stryMutAct_9fa48("229") ? false : stryMutAct_9fa48("228") ? true : stryMutAct_9fa48("227") ? this.inHunks : (stryCov_9fa48("227", "228", "229"), !this.inHunks)) return file;
      if (stryMutAct_9fa48("231") ? false : stryMutAct_9fa48("230") ? true : (stryCov_9fa48("230", "231"), this.keep)) file.patch = utf8(this.pieces.join(stryMutAct_9fa48("232") ? "Stryker was here!" : (stryCov_9fa48("232"), "")));else file.summary = stryMutAct_9fa48("233") ? {} : (stryCov_9fa48("233"), {
        editLines: stryMutAct_9fa48("234") ? this.edits - Math.max(this.blockDels, this.blockAdds) : (stryCov_9fa48("234"), this.edits + (stryMutAct_9fa48("235") ? Math.min(this.blockDels, this.blockAdds) : (stryCov_9fa48("235"), Math.max(this.blockDels, this.blockAdds)))),
        head: utf8(this.head.join(stryMutAct_9fa48("236") ? "" : (stryCov_9fa48("236"), "\n"))),
        tail: utf8(this.tail.join(stryMutAct_9fa48("237") ? "" : (stryCov_9fa48("237"), "\n")))
      });
      return file;
    }
  }
}
export class DiffReader {
  private carry = stryMutAct_9fa48("238") ? "Stryker was here!" : (stryCov_9fa48("238"), "");
  private section: Section | undefined;
  private readonly files: ChangedFile[] = stryMutAct_9fa48("239") ? ["Stryker was here"] : (stryCov_9fa48("239"), []);
  /** Everything before the first git section; the whole input when there is none (a `diff -u`). */
  private preamble: string[] = stryMutAct_9fa48("240") ? ["Stryker was here"] : (stryCov_9fa48("240"), []);
  private sawGitSection = stryMutAct_9fa48("241") ? true : (stryCov_9fa48("241"), false);
  constructor(private readonly options: DiffReaderOptions = {}) {}

  /** Bytes as they arrive (a chunk may end anywhere, even inside a UTF-8 character). */
  push(chunk: Uint8Array): void {
    if (stryMutAct_9fa48("242")) {
      {}
    } else {
      stryCov_9fa48("242");
      const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
      this.read(stryMutAct_9fa48("243") ? this.carry - bytes.toString("latin1") : (stryCov_9fa48("243"), this.carry + bytes.toString(stryMutAct_9fa48("244") ? "" : (stryCov_9fa48("244"), "latin1"))), stryMutAct_9fa48("245") ? true : (stryCov_9fa48("245"), false));
    }
  }

  /** The files read; `undefined` when the input held no git section (the caller parses `text()` another way). */
  end(): ChangedFile[] | undefined {
    if (stryMutAct_9fa48("246")) {
      {}
    } else {
      stryCov_9fa48("246");
      if (stryMutAct_9fa48("249") ? this.carry === "" : stryMutAct_9fa48("248") ? false : stryMutAct_9fa48("247") ? true : (stryCov_9fa48("247", "248", "249"), this.carry !== (stryMutAct_9fa48("250") ? "Stryker was here!" : (stryCov_9fa48("250"), "")))) this.read(this.carry, stryMutAct_9fa48("251") ? false : (stryCov_9fa48("251"), true));
      this.carry = stryMutAct_9fa48("252") ? "Stryker was here!" : (stryCov_9fa48("252"), "");
      this.close();
      return this.sawGitSection ? this.files : undefined;
    }
  }

  /** The input as UTF-8 text, when it held no git section. */
  text(): string {
    if (stryMutAct_9fa48("253")) {
      {}
    } else {
      stryCov_9fa48("253");
      return utf8(this.preamble.join(stryMutAct_9fa48("254") ? "Stryker was here!" : (stryCov_9fa48("254"), "")));
    }
  }
  private close(): void {
    if (stryMutAct_9fa48("255")) {
      {}
    } else {
      stryCov_9fa48("255");
      if (stryMutAct_9fa48("257") ? false : stryMutAct_9fa48("256") ? true : (stryCov_9fa48("256", "257"), this.section)) this.files.push(this.section.file());
      this.section = undefined;
    }
  }

  /** The rest of a hunk line the last chunk ended in, already counted, is skipped. */
  private skipping = stryMutAct_9fa48("258") ? true : (stryCov_9fa48("258"), false);

  /** Reads the complete lines of `s`; carries the last, unfinished one unless `final`. */
  private read(s: string, final: boolean): void {
    if (stryMutAct_9fa48("259")) {
      {}
    } else {
      stryCov_9fa48("259");
      let p = 0;
      let section = this.section;
      // Where the kept patch text of this string starts (-1: nothing kept here yet).
      let pieceAt = (stryMutAct_9fa48("262") ? section?.keep || section.inHunks : stryMutAct_9fa48("261") ? false : stryMutAct_9fa48("260") ? true : (stryCov_9fa48("260", "261", "262"), (stryMutAct_9fa48("263") ? section.keep : (stryCov_9fa48("263"), section?.keep)) && section.inHunks)) ? 0 : stryMutAct_9fa48("264") ? +1 : (stryCov_9fa48("264"), -1);
      let preambleAt = this.sawGitSection ? stryMutAct_9fa48("265") ? +1 : (stryCov_9fa48("265"), -1) : 0;
      const length = s.length;
      if (stryMutAct_9fa48("267") ? false : stryMutAct_9fa48("266") ? true : (stryCov_9fa48("266", "267"), this.skipping)) {
        if (stryMutAct_9fa48("268")) {
          {}
        } else {
          stryCov_9fa48("268");
          const e = s.indexOf(stryMutAct_9fa48("269") ? "" : (stryCov_9fa48("269"), "\n"));
          p = (stryMutAct_9fa48("272") ? e !== -1 : stryMutAct_9fa48("271") ? false : stryMutAct_9fa48("270") ? true : (stryCov_9fa48("270", "271", "272"), e === (stryMutAct_9fa48("273") ? +1 : (stryCov_9fa48("273"), -1)))) ? length : stryMutAct_9fa48("274") ? e - 1 : (stryCov_9fa48("274"), e + 1);
          this.skipping = stryMutAct_9fa48("277") ? e !== -1 : stryMutAct_9fa48("276") ? false : stryMutAct_9fa48("275") ? true : (stryCov_9fa48("275", "276", "277"), e === (stryMutAct_9fa48("278") ? +1 : (stryCov_9fa48("278"), -1)));
        }
      }
      while (stryMutAct_9fa48("281") ? p >= length : stryMutAct_9fa48("280") ? p <= length : stryMutAct_9fa48("279") ? false : (stryCov_9fa48("279", "280", "281"), p < length)) {
        if (stryMutAct_9fa48("282")) {
          {}
        } else {
          stryCov_9fa48("282");
          if (stryMutAct_9fa48("285") ? section?.inHunks || section.keep || !section.collecting && section.status !== "added" : stryMutAct_9fa48("284") ? false : stryMutAct_9fa48("283") ? true : (stryCov_9fa48("283", "284", "285"), (stryMutAct_9fa48("286") ? section.inHunks : (stryCov_9fa48("286"), section?.inHunks)) && (stryMutAct_9fa48("288") ? section.keep && !section.collecting && section.status !== "added" : stryMutAct_9fa48("287") ? true : (stryCov_9fa48("287", "288"), section.keep || (stryMutAct_9fa48("290") ? !section.collecting || section.status !== "added" : stryMutAct_9fa48("289") ? false : (stryCov_9fa48("289", "290"), (stryMutAct_9fa48("291") ? section.collecting : (stryCov_9fa48("291"), !section.collecting)) && (stryMutAct_9fa48("293") ? section.status === "added" : stryMutAct_9fa48("292") ? true : (stryCov_9fa48("292", "293"), section.status !== (stryMutAct_9fa48("294") ? "" : (stryCov_9fa48("294"), "added")))))))))) {
            if (stryMutAct_9fa48("295")) {
              {}
            } else {
              stryCov_9fa48("295");
              p = this.countHunkLines(section, s, p);
              if (stryMutAct_9fa48("299") ? p < length : stryMutAct_9fa48("298") ? p > length : stryMutAct_9fa48("297") ? false : stryMutAct_9fa48("296") ? true : (stryCov_9fa48("296", "297", "298", "299"), p >= length)) break;
            }
          }
          let e = s.indexOf(stryMutAct_9fa48("300") ? "" : (stryCov_9fa48("300"), "\n"), p);
          const first = s.charCodeAt(p);
          if (stryMutAct_9fa48("303") ? e !== -1 : stryMutAct_9fa48("302") ? false : stryMutAct_9fa48("301") ? true : (stryCov_9fa48("301", "302", "303"), e === (stryMutAct_9fa48("304") ? +1 : (stryCov_9fa48("304"), -1)))) {
            if (stryMutAct_9fa48("305")) {
              {}
            } else {
              stryCov_9fa48("305");
              if (stryMutAct_9fa48("308") ? false : stryMutAct_9fa48("307") ? true : stryMutAct_9fa48("306") ? final : (stryCov_9fa48("306", "307", "308"), !final)) {
                if (stryMutAct_9fa48("309")) {
                  {}
                } else {
                  stryCov_9fa48("309");
                  // A long hunk line cut by the chunk's end is counted now, and the rest of it skipped, rather than carried
                  // (and copied) into the next chunk; only lines whose text is kept are carried.
                  if (stryMutAct_9fa48("312") ? section?.inHunks && (section.keep || !section.collecting && section.status !== "added") || first === 43 || first === 45 || first === 32 : stryMutAct_9fa48("311") ? false : stryMutAct_9fa48("310") ? true : (stryCov_9fa48("310", "311", "312"), (stryMutAct_9fa48("314") ? section?.inHunks || section.keep || !section.collecting && section.status !== "added" : stryMutAct_9fa48("313") ? true : (stryCov_9fa48("313", "314"), (stryMutAct_9fa48("315") ? section.inHunks : (stryCov_9fa48("315"), section?.inHunks)) && (stryMutAct_9fa48("317") ? section.keep && !section.collecting && section.status !== "added" : stryMutAct_9fa48("316") ? true : (stryCov_9fa48("316", "317"), section.keep || (stryMutAct_9fa48("319") ? !section.collecting || section.status !== "added" : stryMutAct_9fa48("318") ? false : (stryCov_9fa48("318", "319"), (stryMutAct_9fa48("320") ? section.collecting : (stryCov_9fa48("320"), !section.collecting)) && (stryMutAct_9fa48("322") ? section.status === "added" : stryMutAct_9fa48("321") ? true : (stryCov_9fa48("321", "322"), section.status !== (stryMutAct_9fa48("323") ? "" : (stryCov_9fa48("323"), "added")))))))))) && (stryMutAct_9fa48("325") ? (first === 43 || first === 45) && first === 32 : stryMutAct_9fa48("324") ? true : (stryCov_9fa48("324", "325"), (stryMutAct_9fa48("327") ? first === 43 && first === 45 : stryMutAct_9fa48("326") ? false : (stryCov_9fa48("326", "327"), (stryMutAct_9fa48("329") ? first !== 43 : stryMutAct_9fa48("328") ? false : (stryCov_9fa48("328", "329"), first === 43)) || (stryMutAct_9fa48("331") ? first !== 45 : stryMutAct_9fa48("330") ? false : (stryCov_9fa48("330", "331"), first === 45)))) || (stryMutAct_9fa48("333") ? first !== 32 : stryMutAct_9fa48("332") ? false : (stryCov_9fa48("332", "333"), first === 32)))))) {
                    if (stryMutAct_9fa48("334")) {
                      {}
                    } else {
                      stryCov_9fa48("334");
                      this.hunkLine(section, first);
                      this.skipping = stryMutAct_9fa48("335") ? false : (stryCov_9fa48("335"), true);
                      p = length;
                    }
                  }
                  break;
                }
              }
              e = length;
            }
          }
          const next = stryMutAct_9fa48("336") ? e - 1 : (stryCov_9fa48("336"), e + 1);
          if (stryMutAct_9fa48("339") ? first === 100 /* d */ || s.startsWith(GIT_HEADER, p) : stryMutAct_9fa48("338") ? false : stryMutAct_9fa48("337") ? true : (stryCov_9fa48("337", "338", "339"), (stryMutAct_9fa48("341") ? first !== 100 /* d */ : stryMutAct_9fa48("340") ? true : (stryCov_9fa48("340", "341"), first === 100) /* d */) && (stryMutAct_9fa48("342") ? s.endsWith(GIT_HEADER, p) : (stryCov_9fa48("342"), s.startsWith(GIT_HEADER, p))))) {
            if (stryMutAct_9fa48("343")) {
              {}
            } else {
              stryCov_9fa48("343");
              if (stryMutAct_9fa48("345") ? false : stryMutAct_9fa48("344") ? true : (stryCov_9fa48("344", "345"), section)) {
                if (stryMutAct_9fa48("346")) {
                  {}
                } else {
                  stryCov_9fa48("346");
                  if (stryMutAct_9fa48("349") ? pieceAt === -1 : stryMutAct_9fa48("348") ? false : stryMutAct_9fa48("347") ? true : (stryCov_9fa48("347", "348", "349"), pieceAt !== (stryMutAct_9fa48("350") ? +1 : (stryCov_9fa48("350"), -1)))) section.pieces.push(stryMutAct_9fa48("351") ? s : (stryCov_9fa48("351"), s.slice(pieceAt, p)));
                  section.keepLastLines(s);
                  this.close();
                }
              } else if (stryMutAct_9fa48("354") ? preambleAt === -1 : stryMutAct_9fa48("353") ? false : stryMutAct_9fa48("352") ? true : (stryCov_9fa48("352", "353", "354"), preambleAt !== (stryMutAct_9fa48("355") ? +1 : (stryCov_9fa48("355"), -1)))) {
                if (stryMutAct_9fa48("356")) {
                  {}
                } else {
                  stryCov_9fa48("356");
                  // Text before the first section is not part of any file.
                  this.preamble = stryMutAct_9fa48("357") ? ["Stryker was here"] : (stryCov_9fa48("357"), []);
                  preambleAt = stryMutAct_9fa48("358") ? +1 : (stryCov_9fa48("358"), -1);
                  this.sawGitSection = stryMutAct_9fa48("359") ? false : (stryCov_9fa48("359"), true);
                }
              }
              section = this.section = new Section(stryMutAct_9fa48("360") ? s : (stryCov_9fa48("360"), s.slice(stryMutAct_9fa48("361") ? p - GIT_HEADER.length : (stryCov_9fa48("361"), p + GIT_HEADER.length), e)));
              pieceAt = stryMutAct_9fa48("362") ? +1 : (stryCov_9fa48("362"), -1);
            }
          } else if (stryMutAct_9fa48("365") ? section.inHunks : stryMutAct_9fa48("364") ? false : stryMutAct_9fa48("363") ? true : (stryCov_9fa48("363", "364", "365"), section?.inHunks)) {
            if (stryMutAct_9fa48("366")) {
              {}
            } else {
              stryCov_9fa48("366");
              this.hunkLine(section, first);
              if (stryMutAct_9fa48("369") ? false : stryMutAct_9fa48("368") ? true : stryMutAct_9fa48("367") ? section.keep : (stryCov_9fa48("367", "368", "369"), !section.keep)) this.summarise(section, s, p, e, first);
            }
          } else if (stryMutAct_9fa48("371") ? false : stryMutAct_9fa48("370") ? true : (stryCov_9fa48("370", "371"), section)) {
            if (stryMutAct_9fa48("372")) {
              {}
            } else {
              stryCov_9fa48("372");
              if (stryMutAct_9fa48("375") ? first === 64 /* @ */ || s.startsWith("@@", p) : stryMutAct_9fa48("374") ? false : stryMutAct_9fa48("373") ? true : (stryCov_9fa48("373", "374", "375"), (stryMutAct_9fa48("377") ? first !== 64 /* @ */ : stryMutAct_9fa48("376") ? true : (stryCov_9fa48("376", "377"), first === 64) /* @ */) && (stryMutAct_9fa48("378") ? s.endsWith("@@", p) : (stryCov_9fa48("378"), s.startsWith(stryMutAct_9fa48("379") ? "" : (stryCov_9fa48("379"), "@@"), p))))) {
                if (stryMutAct_9fa48("380")) {
                  {}
                } else {
                  stryCov_9fa48("380");
                  section.inHunks = stryMutAct_9fa48("381") ? false : (stryCov_9fa48("381"), true);
                  const {
                    to,
                    from
                  } = section.paths();
                  section.keep = stryMutAct_9fa48("382") ? this.options.keepPatch?.(to ?? from ?? "(unknown)") && true : (stryCov_9fa48("382"), (stryMutAct_9fa48("383") ? this.options.keepPatch(to ?? from ?? "(unknown)") : (stryCov_9fa48("383"), this.options.keepPatch?.(stryMutAct_9fa48("384") ? (to ?? from) && "(unknown)" : (stryCov_9fa48("384"), (stryMutAct_9fa48("385") ? to && from : (stryCov_9fa48("385"), to ?? from)) ?? (stryMutAct_9fa48("386") ? "" : (stryCov_9fa48("386"), "(unknown)")))))) ?? (stryMutAct_9fa48("387") ? false : (stryCov_9fa48("387"), true)));
                  if (stryMutAct_9fa48("389") ? false : stryMutAct_9fa48("388") ? true : (stryCov_9fa48("388", "389"), section.keep)) pieceAt = p;else {
                    if (stryMutAct_9fa48("390")) {
                      {}
                    } else {
                      stryCov_9fa48("390");
                      section.head.push(stryMutAct_9fa48("391") ? s : (stryCov_9fa48("391"), s.slice(p, e)));
                      section.collecting = stryMutAct_9fa48("392") ? false : (stryCov_9fa48("392"), true);
                      section.lastLine(p, e);
                    }
                  }
                }
              } else section.header(stryMutAct_9fa48("393") ? s : (stryCov_9fa48("393"), s.slice(p, e)));
            }
          }
          p = next;
        }
      }
      if (stryMutAct_9fa48("396") ? section || pieceAt !== -1 : stryMutAct_9fa48("395") ? false : stryMutAct_9fa48("394") ? true : (stryCov_9fa48("394", "395", "396"), section && (stryMutAct_9fa48("398") ? pieceAt === -1 : stryMutAct_9fa48("397") ? true : (stryCov_9fa48("397", "398"), pieceAt !== (stryMutAct_9fa48("399") ? +1 : (stryCov_9fa48("399"), -1)))))) section.pieces.push(stryMutAct_9fa48("400") ? s : (stryCov_9fa48("400"), s.slice(pieceAt, stryMutAct_9fa48("401") ? Math.max(p, length) : (stryCov_9fa48("401"), Math.min(p, length)))));
      stryMutAct_9fa48("402") ? section.keepLastLines(s) : (stryCov_9fa48("402"), section?.keepLastLines(s));
      if (stryMutAct_9fa48("405") ? preambleAt === -1 : stryMutAct_9fa48("404") ? false : stryMutAct_9fa48("403") ? true : (stryCov_9fa48("403", "404", "405"), preambleAt !== (stryMutAct_9fa48("406") ? +1 : (stryCov_9fa48("406"), -1)))) this.preamble.push(stryMutAct_9fa48("407") ? s : (stryCov_9fa48("407"), s.slice(preambleAt, stryMutAct_9fa48("408") ? Math.max(p, length) : (stryCov_9fa48("408"), Math.min(p, length)))));
      this.carry = (stryMutAct_9fa48("412") ? p >= length : stryMutAct_9fa48("411") ? p <= length : stryMutAct_9fa48("410") ? false : stryMutAct_9fa48("409") ? true : (stryCov_9fa48("409", "410", "411", "412"), p < length)) ? stryMutAct_9fa48("413") ? s : (stryCov_9fa48("413"), s.slice(p)) : stryMutAct_9fa48("414") ? "Stryker was here!" : (stryCov_9fa48("414"), "");
    }
  }

  /**
   * The hot loop, over the lines of a hunk whose text nobody needs line by line (most of a large diff): counts
   * them in local variables until a line that is not a hunk line, or the end of the complete lines of `s`. Same
   * counts as `hunkLine`, line for line.
   */
  private countHunkLines(section: Section, s: string, from: number): number {
    if (stryMutAct_9fa48("415")) {
      {}
    } else {
      stryCov_9fa48("415");
      let {
        additions,
        deletions,
        edits,
        blockDels,
        blockAdds
      } = section;
      let p = from;
      if (stryMutAct_9fa48("416")) {
        for (; false;) {
          const e = s.indexOf("\n", p);
          if (e === -1) break;
          const first = s.charCodeAt(p);
          if (first === 43 /* + */) {
            additions++;
            blockAdds++;
          } else if (first === 45 /* - */) {
            deletions++;
            if (blockAdds) {
              edits += blockDels > blockAdds ? blockDels : blockAdds;
              blockDels = blockAdds = 0;
            }
            blockDels++;
          } else if (first === 32 /* space */ || first === 64 /* @ */ && s.startsWith("@@", p)) {
            edits += blockDels > blockAdds ? blockDels : blockAdds;
            blockDels = blockAdds = 0;
          } else if (first !== 92 /* \ */) break; // a section header, or a line the general path reads
          p = e + 1;
        }
      } else {
        stryCov_9fa48("416");
        for (;;) {
          if (stryMutAct_9fa48("417")) {
            {}
          } else {
            stryCov_9fa48("417");
            const e = s.indexOf(stryMutAct_9fa48("418") ? "" : (stryCov_9fa48("418"), "\n"), p);
            if (stryMutAct_9fa48("421") ? e !== -1 : stryMutAct_9fa48("420") ? false : stryMutAct_9fa48("419") ? true : (stryCov_9fa48("419", "420", "421"), e === (stryMutAct_9fa48("422") ? +1 : (stryCov_9fa48("422"), -1)))) break;
            const first = s.charCodeAt(p);
            if (stryMutAct_9fa48("425") ? first !== 43 /* + */ : stryMutAct_9fa48("424") ? false : stryMutAct_9fa48("423") ? true : (stryCov_9fa48("423", "424", "425"), first === 43) /* + */) {
              if (stryMutAct_9fa48("426")) {
                {}
              } else {
                stryCov_9fa48("426");
                stryMutAct_9fa48("427") ? additions-- : (stryCov_9fa48("427"), additions++);
                stryMutAct_9fa48("428") ? blockAdds-- : (stryCov_9fa48("428"), blockAdds++);
              }
            } else if (stryMutAct_9fa48("431") ? first !== 45 /* - */ : stryMutAct_9fa48("430") ? false : stryMutAct_9fa48("429") ? true : (stryCov_9fa48("429", "430", "431"), first === 45) /* - */) {
              if (stryMutAct_9fa48("432")) {
                {}
              } else {
                stryCov_9fa48("432");
                stryMutAct_9fa48("433") ? deletions-- : (stryCov_9fa48("433"), deletions++);
                if (stryMutAct_9fa48("435") ? false : stryMutAct_9fa48("434") ? true : (stryCov_9fa48("434", "435"), blockAdds)) {
                  if (stryMutAct_9fa48("436")) {
                    {}
                  } else {
                    stryCov_9fa48("436");
                    stryMutAct_9fa48("437") ? edits -= blockDels > blockAdds ? blockDels : blockAdds : (stryCov_9fa48("437"), edits += (stryMutAct_9fa48("441") ? blockDels <= blockAdds : stryMutAct_9fa48("440") ? blockDels >= blockAdds : stryMutAct_9fa48("439") ? false : stryMutAct_9fa48("438") ? true : (stryCov_9fa48("438", "439", "440", "441"), blockDels > blockAdds)) ? blockDels : blockAdds);
                    blockDels = blockAdds = 0;
                  }
                }
                stryMutAct_9fa48("442") ? blockDels-- : (stryCov_9fa48("442"), blockDels++);
              }
            } else if (stryMutAct_9fa48("445") ? first === 32 /* space */ && first === 64 /* @ */ && s.startsWith("@@", p) : stryMutAct_9fa48("444") ? false : stryMutAct_9fa48("443") ? true : (stryCov_9fa48("443", "444", "445"), (stryMutAct_9fa48("447") ? first !== 32 /* space */ : stryMutAct_9fa48("446") ? false : (stryCov_9fa48("446", "447"), first === 32) /* space */) || (stryMutAct_9fa48("449") ? first === 64 /* @ */ || s.startsWith("@@", p) : stryMutAct_9fa48("448") ? false : (stryCov_9fa48("448", "449"), (stryMutAct_9fa48("451") ? first !== 64 /* @ */ : stryMutAct_9fa48("450") ? true : (stryCov_9fa48("450", "451"), first === 64) /* @ */) && (stryMutAct_9fa48("452") ? s.endsWith("@@", p) : (stryCov_9fa48("452"), s.startsWith(stryMutAct_9fa48("453") ? "" : (stryCov_9fa48("453"), "@@"), p))))))) {
              if (stryMutAct_9fa48("454")) {
                {}
              } else {
                stryCov_9fa48("454");
                stryMutAct_9fa48("455") ? edits -= blockDels > blockAdds ? blockDels : blockAdds : (stryCov_9fa48("455"), edits += (stryMutAct_9fa48("459") ? blockDels <= blockAdds : stryMutAct_9fa48("458") ? blockDels >= blockAdds : stryMutAct_9fa48("457") ? false : stryMutAct_9fa48("456") ? true : (stryCov_9fa48("456", "457", "458", "459"), blockDels > blockAdds)) ? blockDels : blockAdds);
                blockDels = blockAdds = 0;
              }
            } else if (stryMutAct_9fa48("462") ? first === 92 /* \ */ : stryMutAct_9fa48("461") ? false : stryMutAct_9fa48("460") ? true : (stryCov_9fa48("460", "461", "462"), first !== 92) /* \ */) break; // a section header, or a line the general path reads
            p = stryMutAct_9fa48("463") ? e - 1 : (stryCov_9fa48("463"), e + 1);
          }
        }
      }
      Object.assign(section, stryMutAct_9fa48("464") ? {} : (stryCov_9fa48("464"), {
        additions,
        deletions,
        edits,
        blockDels,
        blockAdds
      }));
      return p;
    }
  }

  /** Counts a line of a hunk: its additions and deletions, and edits as `editLinesOfPatch` counts them. */
  private hunkLine(section: Section, first: number): void {
    if (stryMutAct_9fa48("465")) {
      {}
    } else {
      stryCov_9fa48("465");
      if (stryMutAct_9fa48("468") ? first !== 43 /* + */ : stryMutAct_9fa48("467") ? false : stryMutAct_9fa48("466") ? true : (stryCov_9fa48("466", "467", "468"), first === 43) /* + */) {
        if (stryMutAct_9fa48("469")) {
          {}
        } else {
          stryCov_9fa48("469");
          stryMutAct_9fa48("470") ? section.additions-- : (stryCov_9fa48("470"), section.additions++);
          stryMutAct_9fa48("471") ? section.blockAdds-- : (stryCov_9fa48("471"), section.blockAdds++);
        }
      } else if (stryMutAct_9fa48("474") ? first !== 45 /* - */ : stryMutAct_9fa48("473") ? false : stryMutAct_9fa48("472") ? true : (stryCov_9fa48("472", "473", "474"), first === 45) /* - */) {
        if (stryMutAct_9fa48("475")) {
          {}
        } else {
          stryCov_9fa48("475");
          stryMutAct_9fa48("476") ? section.deletions-- : (stryCov_9fa48("476"), section.deletions++);
          if (stryMutAct_9fa48("478") ? false : stryMutAct_9fa48("477") ? true : (stryCov_9fa48("477", "478"), section.blockAdds)) {
            if (stryMutAct_9fa48("479")) {
              {}
            } else {
              stryCov_9fa48("479");
              stryMutAct_9fa48("480") ? section.edits -= Math.max(section.blockDels, section.blockAdds) : (stryCov_9fa48("480"), section.edits += stryMutAct_9fa48("481") ? Math.min(section.blockDels, section.blockAdds) : (stryCov_9fa48("481"), Math.max(section.blockDels, section.blockAdds)));
              section.blockDels = section.blockAdds = 0;
            }
          }
          stryMutAct_9fa48("482") ? section.blockDels-- : (stryCov_9fa48("482"), section.blockDels++);
        }
      } else if (stryMutAct_9fa48("485") ? first === 92 /* \ */ : stryMutAct_9fa48("484") ? false : stryMutAct_9fa48("483") ? true : (stryCov_9fa48("483", "484", "485"), first !== 92) /* \ */) {
        if (stryMutAct_9fa48("486")) {
          {}
        } else {
          stryCov_9fa48("486");
          stryMutAct_9fa48("487") ? section.edits -= Math.max(section.blockDels, section.blockAdds) : (stryCov_9fa48("487"), section.edits += stryMutAct_9fa48("488") ? Math.min(section.blockDels, section.blockAdds) : (stryCov_9fa48("488"), Math.max(section.blockDels, section.blockAdds)));
          section.blockDels = section.blockAdds = 0;
        }
      }
    }
  }

  /** For a file whose patch is not kept: the head excerpt and the last three lines. */
  private summarise(section: Section, s: string, p: number, e: number, first: number): void {
    if (stryMutAct_9fa48("489")) {
      {}
    } else {
      stryCov_9fa48("489");
      if (stryMutAct_9fa48("491") ? false : stryMutAct_9fa48("490") ? true : (stryCov_9fa48("490", "491"), section.collecting)) {
        if (stryMutAct_9fa48("492")) {
          {}
        } else {
          stryCov_9fa48("492");
          if (stryMutAct_9fa48("495") ? first !== 64 /* @ */ : stryMutAct_9fa48("494") ? false : stryMutAct_9fa48("493") ? true : (stryCov_9fa48("493", "494", "495"), first === 64) /* @ */) section.collecting = stryMutAct_9fa48("496") ? true : (stryCov_9fa48("496"), false);else if (stryMutAct_9fa48("499") ? first === 32 /* space */ && first === 43 /* + */ : stryMutAct_9fa48("498") ? false : stryMutAct_9fa48("497") ? true : (stryCov_9fa48("497", "498", "499"), (stryMutAct_9fa48("501") ? first !== 32 /* space */ : stryMutAct_9fa48("500") ? false : (stryCov_9fa48("500", "501"), first === 32) /* space */) || (stryMutAct_9fa48("503") ? first !== 43 : stryMutAct_9fa48("502") ? false : (stryCov_9fa48("502", "503"), first === 43))) /* + */) {
            if (stryMutAct_9fa48("504")) {
              {}
            } else {
              stryCov_9fa48("504");
              section.head.push(stryMutAct_9fa48("505") ? s : (stryCov_9fa48("505"), s.slice(p, e)));
              if (stryMutAct_9fa48("509") ? ++section.headShown < SAMPLE_LINES : stryMutAct_9fa48("508") ? ++section.headShown > SAMPLE_LINES : stryMutAct_9fa48("507") ? false : stryMutAct_9fa48("506") ? true : (stryCov_9fa48("506", "507", "508", "509"), (stryMutAct_9fa48("510") ? --section.headShown : (stryCov_9fa48("510"), ++section.headShown)) >= SAMPLE_LINES)) section.collecting = stryMutAct_9fa48("511") ? true : (stryCov_9fa48("511"), false);
            }
          }
        }
      }
      if (stryMutAct_9fa48("514") ? section.status !== "added" : stryMutAct_9fa48("513") ? false : stryMutAct_9fa48("512") ? true : (stryCov_9fa48("512", "513", "514"), section.status === (stryMutAct_9fa48("515") ? "" : (stryCov_9fa48("515"), "added")))) section.lastLine(p, e);
    }
  }
}

/** Reads a whole diff held in memory (tests, and callers that have it already). */
export function readDiff(bytes: Uint8Array, options?: DiffReaderOptions): ChangedFile[] | undefined {
  if (stryMutAct_9fa48("516")) {
    {}
  } else {
    stryCov_9fa48("516");
    const reader = new DiffReader(options);
    reader.push(bytes);
    return reader.end();
  }
}