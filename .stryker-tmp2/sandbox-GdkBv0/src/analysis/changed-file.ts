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
import parseDiff from "parse-diff";
import { parseHunks } from "./hunks.js";
import { readDiff, type DiffReaderOptions, type PatchSummary } from "./diff-reader.js";

/** How a file changed, in GitHub's vocabulary (the pull request files API). */
export type FileStatus = "added" | "removed" | "modified" | "renamed" | "copied" | "changed" | "unchanged";
export type Hunk = parseDiff.Chunk;

/**
 * One changed file, from GitHub's file list or from a local unified diff.
 * `patch` is GitHub's per-file patch (hunks only); `hunks` is the parsed form, filled lazily.
 */
export interface ChangedFile {
  path: string;
  previousPath?: string;
  status: FileStatus;
  additions: number;
  deletions: number;
  binary: boolean;
  patch?: string;
  hunks?: Hunk[];
  /** Of a patch the diff reader did not keep (no classifier reads it): its edit lines and where markers may be. */
  summary?: PatchSummary;
}

/** The fields of GitHub's "list pull request files" items that the engine reads. */
export interface GitHubFileEntry {
  filename: string;
  status: string;
  additions: number;
  deletions: number;
  patch?: string;
  previous_filename?: string;
}
const STATUSES = new Set<FileStatus>(stryMutAct_9fa48("0") ? [] : (stryCov_9fa48("0"), [stryMutAct_9fa48("1") ? "" : (stryCov_9fa48("1"), "added"), stryMutAct_9fa48("2") ? "" : (stryCov_9fa48("2"), "removed"), stryMutAct_9fa48("3") ? "" : (stryCov_9fa48("3"), "modified"), stryMutAct_9fa48("4") ? "" : (stryCov_9fa48("4"), "renamed"), stryMutAct_9fa48("5") ? "" : (stryCov_9fa48("5"), "copied"), stryMutAct_9fa48("6") ? "" : (stryCov_9fa48("6"), "changed"), stryMutAct_9fa48("7") ? "" : (stryCov_9fa48("7"), "unchanged")]));
export function fromGitHubFile(entry: GitHubFileEntry): ChangedFile {
  if (stryMutAct_9fa48("8")) {
    {}
  } else {
    stryCov_9fa48("8");
    const status = STATUSES.has(entry.status as FileStatus) ? entry.status as FileStatus : stryMutAct_9fa48("9") ? "" : (stryCov_9fa48("9"), "modified");
    const additions = stryMutAct_9fa48("10") ? entry.additions && 0 : (stryCov_9fa48("10"), entry.additions ?? 0);
    const deletions = stryMutAct_9fa48("11") ? entry.deletions && 0 : (stryCov_9fa48("11"), entry.deletions ?? 0);
    // GitHub omits the patch of binary files (and of very large text diffs, which still report line counts).
    // A file with no patch and no lines that is not a pure rename is binary, or empty, which counts the same.
    const binary = stryMutAct_9fa48("14") ? entry.patch === undefined && additions === 0 && deletions === 0 || status !== "renamed" : stryMutAct_9fa48("13") ? false : stryMutAct_9fa48("12") ? true : (stryCov_9fa48("12", "13", "14"), (stryMutAct_9fa48("16") ? entry.patch === undefined && additions === 0 || deletions === 0 : stryMutAct_9fa48("15") ? true : (stryCov_9fa48("15", "16"), (stryMutAct_9fa48("18") ? entry.patch === undefined || additions === 0 : stryMutAct_9fa48("17") ? true : (stryCov_9fa48("17", "18"), (stryMutAct_9fa48("20") ? entry.patch !== undefined : stryMutAct_9fa48("19") ? true : (stryCov_9fa48("19", "20"), entry.patch === undefined)) && (stryMutAct_9fa48("22") ? additions !== 0 : stryMutAct_9fa48("21") ? true : (stryCov_9fa48("21", "22"), additions === 0)))) && (stryMutAct_9fa48("24") ? deletions !== 0 : stryMutAct_9fa48("23") ? true : (stryCov_9fa48("23", "24"), deletions === 0)))) && (stryMutAct_9fa48("26") ? status === "renamed" : stryMutAct_9fa48("25") ? true : (stryCov_9fa48("25", "26"), status !== (stryMutAct_9fa48("27") ? "" : (stryCov_9fa48("27"), "renamed")))));
    return stryMutAct_9fa48("28") ? {} : (stryCov_9fa48("28"), {
      path: entry.filename,
      previousPath: entry.previous_filename,
      status,
      additions,
      deletions,
      binary,
      patch: entry.patch
    });
  }
}

/**
 * The parsed hunks of a file, without keeping them on it: a classifier's pass over a large diff lets each file's
 * hunks go as soon as it is judged, instead of holding every file's (that kept the garbage collector busy).
 */
export function readHunks(file: ChangedFile): Hunk[] {
  if (stryMutAct_9fa48("29")) {
    {}
  } else {
    stryCov_9fa48("29");
    return stryMutAct_9fa48("30") ? file.hunks && (file.patch ? parseHunks(file.patch) : []) : (stryCov_9fa48("30"), file.hunks ?? (file.patch ? parseHunks(file.patch) : stryMutAct_9fa48("31") ? ["Stryker was here"] : (stryCov_9fa48("31"), [])));
  }
}

/** The parsed hunks of a file, parsing GitHub's patch text on first use. */
export function hunksOf(file: ChangedFile): Hunk[] {
  if (stryMutAct_9fa48("32")) {
    {}
  } else {
    stryCov_9fa48("32");
    if (stryMutAct_9fa48("34") ? false : stryMutAct_9fa48("33") ? true : (stryCov_9fa48("33", "34"), file.hunks)) return file.hunks;
    if (stryMutAct_9fa48("37") ? false : stryMutAct_9fa48("36") ? true : stryMutAct_9fa48("35") ? file.patch : (stryCov_9fa48("35", "36", "37"), !file.patch)) return file.hunks = stryMutAct_9fa48("38") ? ["Stryker was here"] : (stryCov_9fa48("38"), []);
    file.hunks = parseHunks(file.patch);
    return file.hunks;
  }
}

/**
 * Parse a unified diff into changed files. Git's output ("diff --git" sections) goes through the one-pass reader
 * (`diff-reader.ts`), keeping every file's hunks as text that parse-diff reads only when a classifier needs them;
 * other unified diffs (`diff -u`) go through parse-diff whole.
 */
export function fromUnifiedDiff(diffText: string, options?: DiffReaderOptions): ChangedFile[] {
  if (stryMutAct_9fa48("39")) {
    {}
  } else {
    stryCov_9fa48("39");
    return stryMutAct_9fa48("40") ? readDiff(Buffer.from(diffText, "utf8"), options) && fromParsedDiff(diffText) : (stryCov_9fa48("40"), readDiff(Buffer.from(diffText, stryMutAct_9fa48("41") ? "" : (stryCov_9fa48("41"), "utf8")), options) ?? fromParsedDiff(diffText));
  }
}
const DEV_NULL = stryMutAct_9fa48("42") ? "" : (stryCov_9fa48("42"), "/dev/null");
const BINARY_LINE = stryMutAct_9fa48("48") ? /^Binary files (?:a\/)?(.+?) and (?:b\/)?(.) differ$/gm : stryMutAct_9fa48("47") ? /^Binary files (?:a\/)?(.+?) and (?:b\/)(.+?) differ$/gm : stryMutAct_9fa48("46") ? /^Binary files (?:a\/)?(.) and (?:b\/)?(.+?) differ$/gm : stryMutAct_9fa48("45") ? /^Binary files (?:a\/)(.+?) and (?:b\/)?(.+?) differ$/gm : stryMutAct_9fa48("44") ? /^Binary files (?:a\/)?(.+?) and (?:b\/)?(.+?) differ/gm : stryMutAct_9fa48("43") ? /Binary files (?:a\/)?(.+?) and (?:b\/)?(.+?) differ$/gm : (stryCov_9fa48("43", "44", "45", "46", "47", "48"), /^Binary files (?:a\/)?(.+?) and (?:b\/)?(.+?) differ$/gm);

/** The whole diff through parse-diff: for diffs not made by git, and as the reference for the one-pass reader. */
export function fromParsedDiff(diffText: string): ChangedFile[] {
  if (stryMutAct_9fa48("49")) {
    {}
  } else {
    stryCov_9fa48("49");
    const binaryPaths = new Set<string>();
    for (const match of diffText.matchAll(BINARY_LINE)) {
      if (stryMutAct_9fa48("50")) {
        {}
      } else {
        stryCov_9fa48("50");
        binaryPaths.add((stryMutAct_9fa48("53") ? match[2] !== DEV_NULL : stryMutAct_9fa48("52") ? false : stryMutAct_9fa48("51") ? true : (stryCov_9fa48("51", "52", "53"), match[2] === DEV_NULL)) ? match[1] : match[2]);
      }
    }
    return parseDiff(diffText).map(entry => {
      if (stryMutAct_9fa48("54")) {
        {}
      } else {
        stryCov_9fa48("54");
        const to = (stryMutAct_9fa48("57") ? entry.to || entry.to !== DEV_NULL : stryMutAct_9fa48("56") ? false : stryMutAct_9fa48("55") ? true : (stryCov_9fa48("55", "56", "57"), entry.to && (stryMutAct_9fa48("59") ? entry.to === DEV_NULL : stryMutAct_9fa48("58") ? true : (stryCov_9fa48("58", "59"), entry.to !== DEV_NULL)))) ? entry.to : undefined;
        const from = (stryMutAct_9fa48("62") ? entry.from || entry.from !== DEV_NULL : stryMutAct_9fa48("61") ? false : stryMutAct_9fa48("60") ? true : (stryCov_9fa48("60", "61", "62"), entry.from && (stryMutAct_9fa48("64") ? entry.from === DEV_NULL : stryMutAct_9fa48("63") ? true : (stryCov_9fa48("63", "64"), entry.from !== DEV_NULL)))) ? entry.from : undefined;
        const path = stryMutAct_9fa48("65") ? (to ?? from) && "(unknown)" : (stryCov_9fa48("65"), (stryMutAct_9fa48("66") ? to && from : (stryCov_9fa48("66"), to ?? from)) ?? (stryMutAct_9fa48("67") ? "" : (stryCov_9fa48("67"), "(unknown)")));
        const status: FileStatus = entry.new ? stryMutAct_9fa48("68") ? "" : (stryCov_9fa48("68"), "added") : entry.deleted ? stryMutAct_9fa48("69") ? "" : (stryCov_9fa48("69"), "removed") : (stryMutAct_9fa48("72") ? from && to || from !== to : stryMutAct_9fa48("71") ? false : stryMutAct_9fa48("70") ? true : (stryCov_9fa48("70", "71", "72"), (stryMutAct_9fa48("74") ? from || to : stryMutAct_9fa48("73") ? true : (stryCov_9fa48("73", "74"), from && to)) && (stryMutAct_9fa48("76") ? from === to : stryMutAct_9fa48("75") ? true : (stryCov_9fa48("75", "76"), from !== to)))) ? stryMutAct_9fa48("77") ? "" : (stryCov_9fa48("77"), "renamed") : stryMutAct_9fa48("78") ? "" : (stryCov_9fa48("78"), "modified");
        return stryMutAct_9fa48("79") ? {} : (stryCov_9fa48("79"), {
          path,
          previousPath: (stryMutAct_9fa48("82") ? status !== "renamed" : stryMutAct_9fa48("81") ? false : stryMutAct_9fa48("80") ? true : (stryCov_9fa48("80", "81", "82"), status === (stryMutAct_9fa48("83") ? "" : (stryCov_9fa48("83"), "renamed")))) ? from : undefined,
          status,
          additions: entry.additions,
          deletions: entry.deletions,
          binary: binaryPaths.has(path),
          hunks: entry.chunks
        });
      }
    });
  }
}