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
import type { Hunk } from "./changed-file.js";
type Change = Hunk["changes"][number];
const HUNK_HEADER = stryMutAct_9fa48("534") ? /^@@\s+-(\d+),?(\d+)?\s+\+(\d+),?(\d+)?\S@@/ : stryMutAct_9fa48("533") ? /^@@\s+-(\d+),?(\d+)?\s+\+(\d+),?(\D+)?\s@@/ : stryMutAct_9fa48("532") ? /^@@\s+-(\d+),?(\d+)?\s+\+(\d+),?(\d)?\s@@/ : stryMutAct_9fa48("531") ? /^@@\s+-(\d+),?(\d+)?\s+\+(\d+),?(\d+)\s@@/ : stryMutAct_9fa48("530") ? /^@@\s+-(\d+),?(\d+)?\s+\+(\d+),(\d+)?\s@@/ : stryMutAct_9fa48("529") ? /^@@\s+-(\d+),?(\d+)?\s+\+(\D+),?(\d+)?\s@@/ : stryMutAct_9fa48("528") ? /^@@\s+-(\d+),?(\d+)?\s+\+(\d),?(\d+)?\s@@/ : stryMutAct_9fa48("527") ? /^@@\s+-(\d+),?(\d+)?\S+\+(\d+),?(\d+)?\s@@/ : stryMutAct_9fa48("526") ? /^@@\s+-(\d+),?(\d+)?\s\+(\d+),?(\d+)?\s@@/ : stryMutAct_9fa48("525") ? /^@@\s+-(\d+),?(\D+)?\s+\+(\d+),?(\d+)?\s@@/ : stryMutAct_9fa48("524") ? /^@@\s+-(\d+),?(\d)?\s+\+(\d+),?(\d+)?\s@@/ : stryMutAct_9fa48("523") ? /^@@\s+-(\d+),?(\d+)\s+\+(\d+),?(\d+)?\s@@/ : stryMutAct_9fa48("522") ? /^@@\s+-(\d+),(\d+)?\s+\+(\d+),?(\d+)?\s@@/ : stryMutAct_9fa48("521") ? /^@@\s+-(\D+),?(\d+)?\s+\+(\d+),?(\d+)?\s@@/ : stryMutAct_9fa48("520") ? /^@@\s+-(\d),?(\d+)?\s+\+(\d+),?(\d+)?\s@@/ : stryMutAct_9fa48("519") ? /^@@\S+-(\d+),?(\d+)?\s+\+(\d+),?(\d+)?\s@@/ : stryMutAct_9fa48("518") ? /^@@\s-(\d+),?(\d+)?\s+\+(\d+),?(\d+)?\s@@/ : stryMutAct_9fa48("517") ? /@@\s+-(\d+),?(\d+)?\s+\+(\d+),?(\d+)?\s@@/ : (stryCov_9fa48("517", "518", "519", "520", "521", "522", "523", "524", "525", "526", "527", "528", "529", "530", "531", "532", "533", "534"), /^@@\s+-(\d+),?(\d+)?\s+\+(\d+),?(\d+)?\s@@/);
/** Header lines that make parse-diff start another file (once the current one has hunks). */
const FILE_HEADER = stryMutAct_9fa48("557") ? /^(?:new file mode \d+|deleted file mode \d+|old mode \d+|new mode \d+|index\s[\da-zA-Z]+\.\.[\da-zA-Z]+(?:\s\d+)?)$|^(?:---|\+\+\+)\S/ : stryMutAct_9fa48("556") ? /^(?:new file mode \d+|deleted file mode \d+|old mode \d+|new mode \d+|index\s[\da-zA-Z]+\.\.[\da-zA-Z]+(?:\s\d+)?)$|(?:---|\+\+\+)\s/ : stryMutAct_9fa48("555") ? /^(?:new file mode \d+|deleted file mode \d+|old mode \d+|new mode \d+|index\s[\da-zA-Z]+\.\.[\da-zA-Z]+(?:\s\D+)?)$|^(?:---|\+\+\+)\s/ : stryMutAct_9fa48("554") ? /^(?:new file mode \d+|deleted file mode \d+|old mode \d+|new mode \d+|index\s[\da-zA-Z]+\.\.[\da-zA-Z]+(?:\s\d)?)$|^(?:---|\+\+\+)\s/ : stryMutAct_9fa48("553") ? /^(?:new file mode \d+|deleted file mode \d+|old mode \d+|new mode \d+|index\s[\da-zA-Z]+\.\.[\da-zA-Z]+(?:\S\d+)?)$|^(?:---|\+\+\+)\s/ : stryMutAct_9fa48("552") ? /^(?:new file mode \d+|deleted file mode \d+|old mode \d+|new mode \d+|index\s[\da-zA-Z]+\.\.[\da-zA-Z]+(?:\s\d+))$|^(?:---|\+\+\+)\s/ : stryMutAct_9fa48("551") ? /^(?:new file mode \d+|deleted file mode \d+|old mode \d+|new mode \d+|index\s[\da-zA-Z]+\.\.[\Da-zA-Z]+(?:\s\d+)?)$|^(?:---|\+\+\+)\s/ : stryMutAct_9fa48("550") ? /^(?:new file mode \d+|deleted file mode \d+|old mode \d+|new mode \d+|index\s[\da-zA-Z]+\.\.[^\da-zA-Z]+(?:\s\d+)?)$|^(?:---|\+\+\+)\s/ : stryMutAct_9fa48("549") ? /^(?:new file mode \d+|deleted file mode \d+|old mode \d+|new mode \d+|index\s[\da-zA-Z]+\.\.[\da-zA-Z](?:\s\d+)?)$|^(?:---|\+\+\+)\s/ : stryMutAct_9fa48("548") ? /^(?:new file mode \d+|deleted file mode \d+|old mode \d+|new mode \d+|index\s[\Da-zA-Z]+\.\.[\da-zA-Z]+(?:\s\d+)?)$|^(?:---|\+\+\+)\s/ : stryMutAct_9fa48("547") ? /^(?:new file mode \d+|deleted file mode \d+|old mode \d+|new mode \d+|index\s[^\da-zA-Z]+\.\.[\da-zA-Z]+(?:\s\d+)?)$|^(?:---|\+\+\+)\s/ : stryMutAct_9fa48("546") ? /^(?:new file mode \d+|deleted file mode \d+|old mode \d+|new mode \d+|index\s[\da-zA-Z]\.\.[\da-zA-Z]+(?:\s\d+)?)$|^(?:---|\+\+\+)\s/ : stryMutAct_9fa48("545") ? /^(?:new file mode \d+|deleted file mode \d+|old mode \d+|new mode \d+|index\S[\da-zA-Z]+\.\.[\da-zA-Z]+(?:\s\d+)?)$|^(?:---|\+\+\+)\s/ : stryMutAct_9fa48("544") ? /^(?:new file mode \d+|deleted file mode \d+|old mode \d+|new mode \D+|index\s[\da-zA-Z]+\.\.[\da-zA-Z]+(?:\s\d+)?)$|^(?:---|\+\+\+)\s/ : stryMutAct_9fa48("543") ? /^(?:new file mode \d+|deleted file mode \d+|old mode \d+|new mode \d|index\s[\da-zA-Z]+\.\.[\da-zA-Z]+(?:\s\d+)?)$|^(?:---|\+\+\+)\s/ : stryMutAct_9fa48("542") ? /^(?:new file mode \d+|deleted file mode \d+|old mode \D+|new mode \d+|index\s[\da-zA-Z]+\.\.[\da-zA-Z]+(?:\s\d+)?)$|^(?:---|\+\+\+)\s/ : stryMutAct_9fa48("541") ? /^(?:new file mode \d+|deleted file mode \d+|old mode \d|new mode \d+|index\s[\da-zA-Z]+\.\.[\da-zA-Z]+(?:\s\d+)?)$|^(?:---|\+\+\+)\s/ : stryMutAct_9fa48("540") ? /^(?:new file mode \d+|deleted file mode \D+|old mode \d+|new mode \d+|index\s[\da-zA-Z]+\.\.[\da-zA-Z]+(?:\s\d+)?)$|^(?:---|\+\+\+)\s/ : stryMutAct_9fa48("539") ? /^(?:new file mode \d+|deleted file mode \d|old mode \d+|new mode \d+|index\s[\da-zA-Z]+\.\.[\da-zA-Z]+(?:\s\d+)?)$|^(?:---|\+\+\+)\s/ : stryMutAct_9fa48("538") ? /^(?:new file mode \D+|deleted file mode \d+|old mode \d+|new mode \d+|index\s[\da-zA-Z]+\.\.[\da-zA-Z]+(?:\s\d+)?)$|^(?:---|\+\+\+)\s/ : stryMutAct_9fa48("537") ? /^(?:new file mode \d|deleted file mode \d+|old mode \d+|new mode \d+|index\s[\da-zA-Z]+\.\.[\da-zA-Z]+(?:\s\d+)?)$|^(?:---|\+\+\+)\s/ : stryMutAct_9fa48("536") ? /^(?:new file mode \d+|deleted file mode \d+|old mode \d+|new mode \d+|index\s[\da-zA-Z]+\.\.[\da-zA-Z]+(?:\s\d+)?)|^(?:---|\+\+\+)\s/ : stryMutAct_9fa48("535") ? /(?:new file mode \d+|deleted file mode \d+|old mode \d+|new mode \d+|index\s[\da-zA-Z]+\.\.[\da-zA-Z]+(?:\s\d+)?)$|^(?:---|\+\+\+)\s/ : (stryCov_9fa48("535", "536", "537", "538", "539", "540", "541", "542", "543", "544", "545", "546", "547", "548", "549", "550", "551", "552", "553", "554", "555", "556", "557"), /^(?:new file mode \d+|deleted file mode \d+|old mode \d+|new mode \d+|index\s[\da-zA-Z]+\.\.[\da-zA-Z]+(?:\s\d+)?)$|^(?:---|\+\+\+)\s/);
const NO_NEWLINE = stryMutAct_9fa48("558") ? "" : (stryCov_9fa48("558"), "\\ No newline at end of file");
const count = stryMutAct_9fa48("559") ? () => undefined : (stryCov_9fa48("559"), (() => {
  const count = (text: string | undefined) => text ? Number(text) : 1;
  return count;
})());

/**
 * The hunks of one file's patch (GitHub's `patch`, or a section of git's diff from its first `@@`), exactly as
 * parse-diff reads them (its `[0].chunks`: the same changes, line numbers and quirks, such as the extra change it
 * makes of a "\ No newline" line), in one pass without its per-line regular expressions: the python3 pack reads
 * every changed line, and parse-diff was a tenth of its time.
 */
export function parseHunks(patch: string): Hunk[] {
  if (stryMutAct_9fa48("560")) {
    {}
  } else {
    stryCov_9fa48("560");
    if (stryMutAct_9fa48("563") ? !patch && /^\s+$/.test(patch) : stryMutAct_9fa48("562") ? false : stryMutAct_9fa48("561") ? true : (stryCov_9fa48("561", "562", "563"), (stryMutAct_9fa48("564") ? patch : (stryCov_9fa48("564"), !patch)) || (stryMutAct_9fa48("568") ? /^\S+$/ : stryMutAct_9fa48("567") ? /^\s$/ : stryMutAct_9fa48("566") ? /^\s+/ : stryMutAct_9fa48("565") ? /\s+$/ : (stryCov_9fa48("565", "566", "567", "568"), /^\s+$/)).test(patch))) return stryMutAct_9fa48("569") ? ["Stryker was here"] : (stryCov_9fa48("569"), []);
    const hunks: Hunk[] = stryMutAct_9fa48("570") ? ["Stryker was here"] : (stryCov_9fa48("570"), []);
    let hunk: Hunk | undefined;
    let fileStarted = stryMutAct_9fa48("571") ? true : (stryCov_9fa48("571"), false);
    let oldLine = 0;
    let newLine = 0;
    // Lines still expected by the current hunk's header; when both reach 0, lines are headers again.
    let oldLeft = 0;
    let newLeft = 0;
    let inHunk = stryMutAct_9fa48("572") ? true : (stryCov_9fa48("572"), false);
    let start = 0;
    const length = patch.length;
    while (stryMutAct_9fa48("575") ? start > length : stryMutAct_9fa48("574") ? start < length : stryMutAct_9fa48("573") ? false : (stryCov_9fa48("573", "574", "575"), start <= length)) {
      if (stryMutAct_9fa48("576")) {
        {}
      } else {
        stryCov_9fa48("576");
        let end = patch.indexOf(stryMutAct_9fa48("577") ? "" : (stryCov_9fa48("577"), "\n"), start);
        if (stryMutAct_9fa48("580") ? end !== -1 : stryMutAct_9fa48("579") ? false : stryMutAct_9fa48("578") ? true : (stryCov_9fa48("578", "579", "580"), end === (stryMutAct_9fa48("581") ? +1 : (stryCov_9fa48("581"), -1)))) end = length;
        const line = stryMutAct_9fa48("582") ? patch : (stryCov_9fa48("582"), patch.slice(start, end));
        start = stryMutAct_9fa48("583") ? end - 1 : (stryCov_9fa48("583"), end + 1);
        if (stryMutAct_9fa48("585") ? false : stryMutAct_9fa48("584") ? true : (stryCov_9fa48("584", "585"), inHunk)) {
          if (stryMutAct_9fa48("586")) {
            {}
          } else {
            stryCov_9fa48("586");
            const first = line.charCodeAt(0);
            const changes = hunk!.changes;
            if (stryMutAct_9fa48("589") ? first === 92 /* \ */ || line === NO_NEWLINE : stryMutAct_9fa48("588") ? false : stryMutAct_9fa48("587") ? true : (stryCov_9fa48("587", "588", "589"), (stryMutAct_9fa48("591") ? first !== 92 /* \ */ : stryMutAct_9fa48("590") ? true : (stryCov_9fa48("590", "591"), first === 92) /* \ */) && (stryMutAct_9fa48("593") ? line !== NO_NEWLINE : stryMutAct_9fa48("592") ? true : (stryCov_9fa48("592", "593"), line === NO_NEWLINE)))) {
              if (stryMutAct_9fa48("594")) {
                {}
              } else {
                stryCov_9fa48("594");
                const last = changes[stryMutAct_9fa48("595") ? changes.length + 1 : (stryCov_9fa48("595"), changes.length - 1)];
                if (stryMutAct_9fa48("597") ? false : stryMutAct_9fa48("596") ? true : (stryCov_9fa48("596", "597"), last)) changes.push(repeatOf(last, line));
              }
            } else if (stryMutAct_9fa48("600") ? first !== 45 /* - */ : stryMutAct_9fa48("599") ? false : stryMutAct_9fa48("598") ? true : (stryCov_9fa48("598", "599", "600"), first === 45) /* - */) {
              if (stryMutAct_9fa48("601")) {
                {}
              } else {
                stryCov_9fa48("601");
                changes.push(stryMutAct_9fa48("602") ? {} : (stryCov_9fa48("602"), {
                  type: stryMutAct_9fa48("603") ? "" : (stryCov_9fa48("603"), "del"),
                  del: stryMutAct_9fa48("604") ? false : (stryCov_9fa48("604"), true),
                  ln: stryMutAct_9fa48("605") ? oldLine-- : (stryCov_9fa48("605"), oldLine++),
                  content: line
                }));
                stryMutAct_9fa48("606") ? oldLeft++ : (stryCov_9fa48("606"), oldLeft--);
              }
            } else if (stryMutAct_9fa48("609") ? first !== 43 /* + */ : stryMutAct_9fa48("608") ? false : stryMutAct_9fa48("607") ? true : (stryCov_9fa48("607", "608", "609"), first === 43) /* + */) {
              if (stryMutAct_9fa48("610")) {
                {}
              } else {
                stryCov_9fa48("610");
                changes.push(stryMutAct_9fa48("611") ? {} : (stryCov_9fa48("611"), {
                  type: stryMutAct_9fa48("612") ? "" : (stryCov_9fa48("612"), "add"),
                  add: stryMutAct_9fa48("613") ? false : (stryCov_9fa48("613"), true),
                  ln: stryMutAct_9fa48("614") ? newLine-- : (stryCov_9fa48("614"), newLine++),
                  content: line
                }));
                stryMutAct_9fa48("615") ? newLeft++ : (stryCov_9fa48("615"), newLeft--);
              }
            } else {
              if (stryMutAct_9fa48("616")) {
                {}
              } else {
                stryCov_9fa48("616");
                changes.push(stryMutAct_9fa48("617") ? {} : (stryCov_9fa48("617"), {
                  type: stryMutAct_9fa48("618") ? "" : (stryCov_9fa48("618"), "normal"),
                  normal: stryMutAct_9fa48("619") ? false : (stryCov_9fa48("619"), true),
                  ln1: stryMutAct_9fa48("620") ? oldLine-- : (stryCov_9fa48("620"), oldLine++),
                  ln2: stryMutAct_9fa48("621") ? newLine-- : (stryCov_9fa48("621"), newLine++),
                  content: line
                }));
                stryMutAct_9fa48("622") ? oldLeft++ : (stryCov_9fa48("622"), oldLeft--);
                stryMutAct_9fa48("623") ? newLeft++ : (stryCov_9fa48("623"), newLeft--);
              }
            }
            if (stryMutAct_9fa48("626") ? oldLeft === 0 || newLeft === 0 : stryMutAct_9fa48("625") ? false : stryMutAct_9fa48("624") ? true : (stryCov_9fa48("624", "625", "626"), (stryMutAct_9fa48("628") ? oldLeft !== 0 : stryMutAct_9fa48("627") ? true : (stryCov_9fa48("627", "628"), oldLeft === 0)) && (stryMutAct_9fa48("630") ? newLeft !== 0 : stryMutAct_9fa48("629") ? true : (stryCov_9fa48("629", "630"), newLeft === 0)))) inHunk = stryMutAct_9fa48("631") ? true : (stryCov_9fa48("631"), false);
            continue;
          }
        }
        if (stryMutAct_9fa48("633") ? false : stryMutAct_9fa48("632") ? true : (stryCov_9fa48("632", "633"), (stryMutAct_9fa48("635") ? /^diff\S/ : stryMutAct_9fa48("634") ? /diff\s/ : (stryCov_9fa48("634", "635"), /^diff\s/)).test(line))) {
          if (stryMutAct_9fa48("636")) {
            {}
          } else {
            stryCov_9fa48("636");
            if (stryMutAct_9fa48("638") ? false : stryMutAct_9fa48("637") ? true : (stryCov_9fa48("637", "638"), fileStarted)) break; // another file: parse-diff's first file ends here
            fileStarted = stryMutAct_9fa48("639") ? false : (stryCov_9fa48("639"), true);
          }
        } else if (stryMutAct_9fa48("641") ? false : stryMutAct_9fa48("640") ? true : (stryCov_9fa48("640", "641"), FILE_HEADER.test(line))) {
          if (stryMutAct_9fa48("642")) {
            {}
          } else {
            stryCov_9fa48("642");
            if (stryMutAct_9fa48("645") ? fileStarted || hunks.length : stryMutAct_9fa48("644") ? false : stryMutAct_9fa48("643") ? true : (stryCov_9fa48("643", "644", "645"), fileStarted && hunks.length)) break;
            fileStarted = stryMutAct_9fa48("646") ? false : (stryCov_9fa48("646"), true);
          }
        } else {
          if (stryMutAct_9fa48("647")) {
            {}
          } else {
            stryCov_9fa48("647");
            const header = HUNK_HEADER.exec(line);
            if (stryMutAct_9fa48("649") ? false : stryMutAct_9fa48("648") ? true : (stryCov_9fa48("648", "649"), header)) {
              if (stryMutAct_9fa48("650")) {
                {}
              } else {
                stryCov_9fa48("650");
                fileStarted = stryMutAct_9fa48("651") ? false : (stryCov_9fa48("651"), true);
                oldLine = Number(header[1]);
                newLine = Number(header[3]);
                oldLeft = count(header[2]);
                newLeft = count(header[4]);
                hunk = stryMutAct_9fa48("652") ? {} : (stryCov_9fa48("652"), {
                  content: line,
                  changes: stryMutAct_9fa48("653") ? ["Stryker was here"] : (stryCov_9fa48("653"), []),
                  oldStart: oldLine,
                  oldLines: oldLeft,
                  newStart: newLine,
                  newLines: newLeft
                });
                hunks.push(hunk);
                inHunk = stryMutAct_9fa48("654") ? false : (stryCov_9fa48("654"), true);
              }
            } else if (stryMutAct_9fa48("657") ? line === NO_NEWLINE || hunk : stryMutAct_9fa48("656") ? false : stryMutAct_9fa48("655") ? true : (stryCov_9fa48("655", "656", "657"), (stryMutAct_9fa48("659") ? line !== NO_NEWLINE : stryMutAct_9fa48("658") ? true : (stryCov_9fa48("658", "659"), line === NO_NEWLINE)) && hunk)) {
              if (stryMutAct_9fa48("660")) {
                {}
              } else {
                stryCov_9fa48("660");
                const last = hunk.changes[stryMutAct_9fa48("661") ? hunk.changes.length + 1 : (stryCov_9fa48("661"), hunk.changes.length - 1)];
                if (stryMutAct_9fa48("663") ? false : stryMutAct_9fa48("662") ? true : (stryCov_9fa48("662", "663"), last)) hunk.changes.push(repeatOf(last, line));
              }
            }
          }
        }
      }
    }
    return hunks;
  }
}

/** parse-diff records "\ No newline at end of file" as another change of the type before it. */
function repeatOf(last: Change, content: string): Change {
  if (stryMutAct_9fa48("664")) {
    {}
  } else {
    stryCov_9fa48("664");
    const change = last as Change & {
      ln?: number;
      ln1?: number;
      ln2?: number;
    };
    return {
      type: change.type,
      [change.type]: true,
      ln1: change.ln1,
      ln2: change.ln2,
      ln: change.ln,
      content
    } as unknown as Change;
  }
}