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
import type { ChangedFile, Hunk } from "./changed-file.js";

/** How one changed line relates to a migration. */
export type LineClass = "migration" | "regression" | "other";
export interface LineVerdict {
  lineClass: LineClass;
  /** The rule behind a regression, or behind the old construct a removed line takes away. */
  rule?: {
    id: string;
    message: string;
  };
  /** A removed line that takes an old construct away (what `migrated` counts). */
  removesOldConstruct?: boolean;
}

/** The whole versions of a changed file, where they were read: the head for added lines, the base for removed ones. */
export interface WholeFile {
  head?: string;
  base?: string;
}

/**
 * A migration pack: which files it reads and how it classifies their changed lines. `classify` returns, for each
 * hunk, one verdict per change of that hunk (undefined for context lines).
 */
export interface LinePack {
  name: string;
  /** Whether the pack judges lines better with the whole file in view (so the I/O edge reads it). */
  wantsWholeFiles?: boolean;
  appliesTo(path: string): boolean;
  classify(file: ChangedFile, hunks: Hunk[], whole?: WholeFile): Array<Array<LineVerdict | undefined>>;
  /** The old constructs still in a whole file: the lines that would be regressions if the file were added now. */
  scan(text: string): RemainingConstruct[];
}
export interface RemainingConstruct {
  /** 1-based line. */
  line: number;
  rule: string;
}

/** Each side of a hunk as the lines a reader of that version sees, with the index of each change in it. */
export function hunkSides(hunk: Hunk): {
  oldLines: string[];
  newLines: string[];
  oldIndex: number[];
  newIndex: number[];
} {
  if (stryMutAct_9fa48("665")) {
    {}
  } else {
    stryCov_9fa48("665");
    const oldLines: string[] = stryMutAct_9fa48("666") ? ["Stryker was here"] : (stryCov_9fa48("666"), []);
    const newLines: string[] = stryMutAct_9fa48("667") ? ["Stryker was here"] : (stryCov_9fa48("667"), []);
    const oldIndex: number[] = stryMutAct_9fa48("668") ? ["Stryker was here"] : (stryCov_9fa48("668"), []);
    const newIndex: number[] = stryMutAct_9fa48("669") ? ["Stryker was here"] : (stryCov_9fa48("669"), []);
    for (const change of hunk.changes) {
      if (stryMutAct_9fa48("670")) {
        {}
      } else {
        stryCov_9fa48("670");
        const text = stryMutAct_9fa48("671") ? change.content : (stryCov_9fa48("671"), change.content.slice(1));
        if (stryMutAct_9fa48("674") ? change.type === "add" : stryMutAct_9fa48("673") ? false : stryMutAct_9fa48("672") ? true : (stryCov_9fa48("672", "673", "674"), change.type !== (stryMutAct_9fa48("675") ? "" : (stryCov_9fa48("675"), "add")))) {
          if (stryMutAct_9fa48("676")) {
            {}
          } else {
            stryCov_9fa48("676");
            oldIndex.push(oldLines.length);
            oldLines.push(text);
          }
        } else oldIndex.push(stryMutAct_9fa48("677") ? +1 : (stryCov_9fa48("677"), -1));
        if (stryMutAct_9fa48("680") ? change.type === "del" : stryMutAct_9fa48("679") ? false : stryMutAct_9fa48("678") ? true : (stryCov_9fa48("678", "679", "680"), change.type !== (stryMutAct_9fa48("681") ? "" : (stryCov_9fa48("681"), "del")))) {
          if (stryMutAct_9fa48("682")) {
            {}
          } else {
            stryCov_9fa48("682");
            newIndex.push(newLines.length);
            newLines.push(text);
          }
        } else newIndex.push(stryMutAct_9fa48("683") ? +1 : (stryCov_9fa48("683"), -1));
      }
    }
    return stryMutAct_9fa48("684") ? {} : (stryCov_9fa48("684"), {
      oldLines,
      newLines,
      oldIndex,
      newIndex
    });
  }
}

/** A run of removals then additions in a hunk, by change index: the i-th addition takes the place of the i-th removal. */
export interface ChangeBlock {
  dels: number[];
  adds: number[];
}
export function changeBlocks(hunk: Hunk): ChangeBlock[] {
  if (stryMutAct_9fa48("685")) {
    {}
  } else {
    stryCov_9fa48("685");
    const blocks: ChangeBlock[] = stryMutAct_9fa48("686") ? ["Stryker was here"] : (stryCov_9fa48("686"), []);
    const changes = hunk.changes;
    let c = 0;
    while (stryMutAct_9fa48("689") ? c >= changes.length : stryMutAct_9fa48("688") ? c <= changes.length : stryMutAct_9fa48("687") ? false : (stryCov_9fa48("687", "688", "689"), c < changes.length)) {
      if (stryMutAct_9fa48("690")) {
        {}
      } else {
        stryCov_9fa48("690");
        if (stryMutAct_9fa48("693") ? changes[c].type !== "normal" : stryMutAct_9fa48("692") ? false : stryMutAct_9fa48("691") ? true : (stryCov_9fa48("691", "692", "693"), changes[c].type === (stryMutAct_9fa48("694") ? "" : (stryCov_9fa48("694"), "normal")))) {
          if (stryMutAct_9fa48("695")) {
            {}
          } else {
            stryCov_9fa48("695");
            stryMutAct_9fa48("696") ? c-- : (stryCov_9fa48("696"), c++);
            continue;
          }
        }
        const block: ChangeBlock = stryMutAct_9fa48("697") ? {} : (stryCov_9fa48("697"), {
          dels: stryMutAct_9fa48("698") ? ["Stryker was here"] : (stryCov_9fa48("698"), []),
          adds: stryMutAct_9fa48("699") ? ["Stryker was here"] : (stryCov_9fa48("699"), [])
        });
        while (stryMutAct_9fa48("701") ? c < changes.length || changes[c].type === "del" : stryMutAct_9fa48("700") ? false : (stryCov_9fa48("700", "701"), (stryMutAct_9fa48("704") ? c >= changes.length : stryMutAct_9fa48("703") ? c <= changes.length : stryMutAct_9fa48("702") ? true : (stryCov_9fa48("702", "703", "704"), c < changes.length)) && (stryMutAct_9fa48("706") ? changes[c].type !== "del" : stryMutAct_9fa48("705") ? true : (stryCov_9fa48("705", "706"), changes[c].type === (stryMutAct_9fa48("707") ? "" : (stryCov_9fa48("707"), "del")))))) block.dels.push(stryMutAct_9fa48("708") ? c-- : (stryCov_9fa48("708"), c++));
        while (stryMutAct_9fa48("710") ? c < changes.length || changes[c].type === "add" : stryMutAct_9fa48("709") ? false : (stryCov_9fa48("709", "710"), (stryMutAct_9fa48("713") ? c >= changes.length : stryMutAct_9fa48("712") ? c <= changes.length : stryMutAct_9fa48("711") ? true : (stryCov_9fa48("711", "712", "713"), c < changes.length)) && (stryMutAct_9fa48("715") ? changes[c].type !== "add" : stryMutAct_9fa48("714") ? true : (stryCov_9fa48("714", "715"), changes[c].type === (stryMutAct_9fa48("716") ? "" : (stryCov_9fa48("716"), "add")))))) block.adds.push(stryMutAct_9fa48("717") ? c-- : (stryCov_9fa48("717"), c++));
        blocks.push(block);
      }
    }
    return blocks;
  }
}