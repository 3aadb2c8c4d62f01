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
import { readHunks, type ChangedFile } from "./changed-file.js";
import { changeBlocks, type LineClass, type LinePack, type LineVerdict } from "./line-pack.js";
export interface Regression {
  path: string;
  /** The line in the pull request's version of the file. */
  line: number;
  pack: string;
  rule: string;
  message: string;
}
export interface MigrationMeasurement {
  /**
   * Changed lines by class. A removed line and the added line that takes its place (paired within a block of
   * changes) count once; other additions and removals count one each.
   */
  lines: Record<LineClass, number>;
  /** Old constructs the change removes. */
  migrated: number;
  regressions: Regression[];
  /** Migration work combined with other changes beyond the tolerance. */
  mixed: boolean;
  /** Only migration work (within the tolerance), and no regression. */
  migrationOnly: boolean;
  /** Packs that read at least one file. */
  packs: string[];
  /** Files whose changed lines are mostly migration work (for the split plan). */
  migrationFiles: string[];
  /** Files a pack wanted whole but judged from their hunks alone (not read, past the bound, or not matching the diff). */
  hunksOnly: string[];
}
const RANK: Record<LineClass, number> = stryMutAct_9fa48("718") ? {} : (stryCov_9fa48("718"), {
  other: 0,
  migration: 1,
  regression: 2
});
const stronger = stryMutAct_9fa48("719") ? () => undefined : (stryCov_9fa48("719"), (() => {
  const stronger = (a: LineVerdict | undefined, b: LineVerdict | undefined) => (stryMutAct_9fa48("720") ? a : (stryCov_9fa48("720"), !a)) ? b : (stryMutAct_9fa48("721") ? b : (stryCov_9fa48("721"), !b)) ? a : (stryMutAct_9fa48("725") ? RANK[b.lineClass] <= RANK[a.lineClass] : stryMutAct_9fa48("724") ? RANK[b.lineClass] >= RANK[a.lineClass] : stryMutAct_9fa48("723") ? false : stryMutAct_9fa48("722") ? true : (stryCov_9fa48("722", "723", "724", "725"), RANK[b.lineClass] > RANK[a.lineClass])) ? b : a;
  return stronger;
})());

/** Combine several packs' verdicts on the same changes: the strongest class wins. */
function combine(all: Array<Array<Array<LineVerdict | undefined>>>): Array<Array<LineVerdict | undefined>> {
  if (stryMutAct_9fa48("726")) {
    {}
  } else {
    stryCov_9fa48("726");
    return all.reduce(stryMutAct_9fa48("727") ? () => undefined : (stryCov_9fa48("727"), (acc, next) => acc.map(stryMutAct_9fa48("728") ? () => undefined : (stryCov_9fa48("728"), (hunk, h) => hunk.map(stryMutAct_9fa48("729") ? () => undefined : (stryCov_9fa48("729"), (v, c) => stronger(v, next[h][c])))))));
  }
}
export interface MigrationOptions {
  /** Other lines allowed per migration line before a change is "mixed". */
  mixedTolerance: number;
}

/** Whole versions of changed files, by path: the head (for added lines) and the base (for removed ones). */
export interface FileTexts {
  head?: ReadonlyMap<string, string>;
  base?: ReadonlyMap<string, string>;
}

/** Whether a pack that reads whole files has what it needs for this file: an added or removed file's patch is whole. */
function wholeFileKnown(file: ChangedFile, texts: FileTexts): boolean {
  if (stryMutAct_9fa48("730")) {
    {}
  } else {
    stryCov_9fa48("730");
    if (stryMutAct_9fa48("733") ? file.status === "added" && file.status === "removed" : stryMutAct_9fa48("732") ? false : stryMutAct_9fa48("731") ? true : (stryCov_9fa48("731", "732", "733"), (stryMutAct_9fa48("735") ? file.status !== "added" : stryMutAct_9fa48("734") ? false : (stryCov_9fa48("734", "735"), file.status === (stryMutAct_9fa48("736") ? "" : (stryCov_9fa48("736"), "added")))) || (stryMutAct_9fa48("738") ? file.status !== "removed" : stryMutAct_9fa48("737") ? false : (stryCov_9fa48("737", "738"), file.status === (stryMutAct_9fa48("739") ? "" : (stryCov_9fa48("739"), "removed")))))) return stryMutAct_9fa48("740") ? false : (stryCov_9fa48("740"), true);
    const headNeeded = stryMutAct_9fa48("743") ? file.additions > 0 || !texts.head?.has(file.path) : stryMutAct_9fa48("742") ? false : stryMutAct_9fa48("741") ? true : (stryCov_9fa48("741", "742", "743"), (stryMutAct_9fa48("746") ? file.additions <= 0 : stryMutAct_9fa48("745") ? file.additions >= 0 : stryMutAct_9fa48("744") ? true : (stryCov_9fa48("744", "745", "746"), file.additions > 0)) && (stryMutAct_9fa48("747") ? texts.head?.has(file.path) : (stryCov_9fa48("747"), !(stryMutAct_9fa48("748") ? texts.head.has(file.path) : (stryCov_9fa48("748"), texts.head?.has(file.path))))));
    const baseNeeded = stryMutAct_9fa48("751") ? file.deletions > 0 || !texts.base?.has(file.previousPath ?? file.path) : stryMutAct_9fa48("750") ? false : stryMutAct_9fa48("749") ? true : (stryCov_9fa48("749", "750", "751"), (stryMutAct_9fa48("754") ? file.deletions <= 0 : stryMutAct_9fa48("753") ? file.deletions >= 0 : stryMutAct_9fa48("752") ? true : (stryCov_9fa48("752", "753", "754"), file.deletions > 0)) && (stryMutAct_9fa48("755") ? texts.base?.has(file.previousPath ?? file.path) : (stryCov_9fa48("755"), !(stryMutAct_9fa48("756") ? texts.base.has(file.previousPath ?? file.path) : (stryCov_9fa48("756"), texts.base?.has(stryMutAct_9fa48("757") ? file.previousPath && file.path : (stryCov_9fa48("757"), file.previousPath ?? file.path)))))));
    return stryMutAct_9fa48("760") ? !headNeeded || !baseNeeded : stryMutAct_9fa48("759") ? false : stryMutAct_9fa48("758") ? true : (stryCov_9fa48("758", "759", "760"), (stryMutAct_9fa48("761") ? headNeeded : (stryCov_9fa48("761"), !headNeeded)) && (stryMutAct_9fa48("762") ? baseNeeded : (stryCov_9fa48("762"), !baseNeeded)));
  }
}

/** At least this many other lines are always tolerated (a touched import, a blank line). */
const TOLERATED_OTHER_LINES = 3;
export function measureMigration(files: readonly ChangedFile[], packs: readonly LinePack[], options: MigrationOptions, texts: FileTexts = {}): MigrationMeasurement {
  if (stryMutAct_9fa48("763")) {
    {}
  } else {
    stryCov_9fa48("763");
    const lines: Record<LineClass, number> = stryMutAct_9fa48("764") ? {} : (stryCov_9fa48("764"), {
      migration: 0,
      regression: 0,
      other: 0
    });
    const regressions: Regression[] = stryMutAct_9fa48("765") ? ["Stryker was here"] : (stryCov_9fa48("765"), []);
    const used = new Set<string>();
    let migrated = 0;
    const migrationFiles: string[] = stryMutAct_9fa48("766") ? ["Stryker was here"] : (stryCov_9fa48("766"), []);
    const hunksOnly: string[] = stryMutAct_9fa48("767") ? ["Stryker was here"] : (stryCov_9fa48("767"), []);
    for (const file of files) {
      if (stryMutAct_9fa48("768")) {
        {}
      } else {
        stryCov_9fa48("768");
        const applicable = stryMutAct_9fa48("769") ? packs : (stryCov_9fa48("769"), packs.filter(stryMutAct_9fa48("770") ? () => undefined : (stryCov_9fa48("770"), p => p.appliesTo(file.path))));
        if (stryMutAct_9fa48("773") ? applicable.length === 0 && file.binary : stryMutAct_9fa48("772") ? false : stryMutAct_9fa48("771") ? true : (stryCov_9fa48("771", "772", "773"), (stryMutAct_9fa48("775") ? applicable.length !== 0 : stryMutAct_9fa48("774") ? false : (stryCov_9fa48("774", "775"), applicable.length === 0)) || file.binary)) {
          if (stryMutAct_9fa48("776")) {
            {}
          } else {
            stryCov_9fa48("776");
            // No pack reads this file: count its changed lines from the patch text, without parsing hunks.
            stryMutAct_9fa48("777") ? lines.other -= file.patch !== undefined ? editLinesOfPatch(file.patch) : file.summary ? file.summary.editLines : file.hunks ? editLines(file.hunks.map(h => h.changes.map(c => c.type))) : Math.max(file.additions, file.deletions) : (stryCov_9fa48("777"), lines.other += (stryMutAct_9fa48("780") ? file.patch === undefined : stryMutAct_9fa48("779") ? false : stryMutAct_9fa48("778") ? true : (stryCov_9fa48("778", "779", "780"), file.patch !== undefined)) ? editLinesOfPatch(file.patch) : file.summary ? file.summary.editLines : file.hunks ? editLines(file.hunks.map(stryMutAct_9fa48("781") ? () => undefined : (stryCov_9fa48("781"), h => h.changes.map(stryMutAct_9fa48("782") ? () => undefined : (stryCov_9fa48("782"), c => c.type))))) : stryMutAct_9fa48("783") ? Math.min(file.additions, file.deletions) : (stryCov_9fa48("783"), Math.max(file.additions, file.deletions)));
            continue;
          }
        }
        const hunks = readHunks(file);
        if (stryMutAct_9fa48("786") ? hunks.length !== 0 : stryMutAct_9fa48("785") ? false : stryMutAct_9fa48("784") ? true : (stryCov_9fa48("784", "785", "786"), hunks.length === 0)) {
          if (stryMutAct_9fa48("787")) {
            {}
          } else {
            stryCov_9fa48("787");
            stryMutAct_9fa48("788") ? lines.other -= Math.max(file.additions, file.deletions) : (stryCov_9fa48("788"), lines.other += stryMutAct_9fa48("789") ? Math.min(file.additions, file.deletions) : (stryCov_9fa48("789"), Math.max(file.additions, file.deletions)));
            continue;
          }
        }
        applicable.forEach(stryMutAct_9fa48("790") ? () => undefined : (stryCov_9fa48("790"), p => used.add(p.name)));
        const whole = stryMutAct_9fa48("791") ? {} : (stryCov_9fa48("791"), {
          head: stryMutAct_9fa48("792") ? texts.head.get(file.path) : (stryCov_9fa48("792"), texts.head?.get(file.path)),
          base: stryMutAct_9fa48("793") ? texts.base.get(file.previousPath ?? file.path) : (stryCov_9fa48("793"), texts.base?.get(stryMutAct_9fa48("794") ? file.previousPath && file.path : (stryCov_9fa48("794"), file.previousPath ?? file.path)))
        });
        if (stryMutAct_9fa48("797") ? applicable.some(p => p.wantsWholeFiles) || !wholeFileKnown(file, texts) : stryMutAct_9fa48("796") ? false : stryMutAct_9fa48("795") ? true : (stryCov_9fa48("795", "796", "797"), (stryMutAct_9fa48("798") ? applicable.every(p => p.wantsWholeFiles) : (stryCov_9fa48("798"), applicable.some(stryMutAct_9fa48("799") ? () => undefined : (stryCov_9fa48("799"), p => p.wantsWholeFiles)))) && (stryMutAct_9fa48("800") ? wholeFileKnown(file, texts) : (stryCov_9fa48("800"), !wholeFileKnown(file, texts))))) hunksOnly.push(file.path);
        const verdicts = combine(applicable.map(stryMutAct_9fa48("801") ? () => undefined : (stryCov_9fa48("801"), p => p.classify(file, hunks, whole))));
        const before = stryMutAct_9fa48("802") ? {} : (stryCov_9fa48("802"), {
          ...lines
        });
        hunks.forEach((hunk, h) => {
          if (stryMutAct_9fa48("803")) {
            {}
          } else {
            stryCov_9fa48("803");
            const changes = hunk.changes;
            for (const {
              dels,
              adds
            } of changeBlocks(hunk)) {
              if (stryMutAct_9fa48("804")) {
                {}
              } else {
                stryCov_9fa48("804");
                for (let i = 0; stryMutAct_9fa48("807") ? i >= Math.max(dels.length, adds.length) : stryMutAct_9fa48("806") ? i <= Math.max(dels.length, adds.length) : stryMutAct_9fa48("805") ? false : (stryCov_9fa48("805", "806", "807"), i < (stryMutAct_9fa48("808") ? Math.min(dels.length, adds.length) : (stryCov_9fa48("808"), Math.max(dels.length, adds.length)))); stryMutAct_9fa48("809") ? i-- : (stryCov_9fa48("809"), i++)) {
                  if (stryMutAct_9fa48("810")) {
                    {}
                  } else {
                    stryCov_9fa48("810");
                    const removed = (stryMutAct_9fa48("814") ? i >= dels.length : stryMutAct_9fa48("813") ? i <= dels.length : stryMutAct_9fa48("812") ? false : stryMutAct_9fa48("811") ? true : (stryCov_9fa48("811", "812", "813", "814"), i < dels.length)) ? verdicts[h][dels[i]] : undefined;
                    const added = (stryMutAct_9fa48("818") ? i >= adds.length : stryMutAct_9fa48("817") ? i <= adds.length : stryMutAct_9fa48("816") ? false : stryMutAct_9fa48("815") ? true : (stryCov_9fa48("815", "816", "817", "818"), i < adds.length)) ? verdicts[h][adds[i]] : undefined;
                    if (stryMutAct_9fa48("821") ? removed.removesOldConstruct : stryMutAct_9fa48("820") ? false : stryMutAct_9fa48("819") ? true : (stryCov_9fa48("819", "820", "821"), removed?.removesOldConstruct)) stryMutAct_9fa48("822") ? migrated-- : (stryCov_9fa48("822"), migrated++);
                    let lineClass: LineClass = stryMutAct_9fa48("823") ? "" : (stryCov_9fa48("823"), "other");
                    if (stryMutAct_9fa48("826") ? added?.lineClass !== "regression" : stryMutAct_9fa48("825") ? false : stryMutAct_9fa48("824") ? true : (stryCov_9fa48("824", "825", "826"), (stryMutAct_9fa48("827") ? added.lineClass : (stryCov_9fa48("827"), added?.lineClass)) === (stryMutAct_9fa48("828") ? "" : (stryCov_9fa48("828"), "regression")))) lineClass = stryMutAct_9fa48("829") ? "" : (stryCov_9fa48("829"), "regression");else if (stryMutAct_9fa48("832") ? removed?.lineClass === "migration" && added?.lineClass === "migration" : stryMutAct_9fa48("831") ? false : stryMutAct_9fa48("830") ? true : (stryCov_9fa48("830", "831", "832"), (stryMutAct_9fa48("834") ? removed?.lineClass !== "migration" : stryMutAct_9fa48("833") ? false : (stryCov_9fa48("833", "834"), (stryMutAct_9fa48("835") ? removed.lineClass : (stryCov_9fa48("835"), removed?.lineClass)) === (stryMutAct_9fa48("836") ? "" : (stryCov_9fa48("836"), "migration")))) || (stryMutAct_9fa48("838") ? added?.lineClass !== "migration" : stryMutAct_9fa48("837") ? false : (stryCov_9fa48("837", "838"), (stryMutAct_9fa48("839") ? added.lineClass : (stryCov_9fa48("839"), added?.lineClass)) === (stryMutAct_9fa48("840") ? "" : (stryCov_9fa48("840"), "migration")))))) lineClass = stryMutAct_9fa48("841") ? "" : (stryCov_9fa48("841"), "migration");
                    stryMutAct_9fa48("842") ? lines[lineClass]-- : (stryCov_9fa48("842"), lines[lineClass]++);
                    if (stryMutAct_9fa48("845") ? added?.lineClass !== "regression" : stryMutAct_9fa48("844") ? false : stryMutAct_9fa48("843") ? true : (stryCov_9fa48("843", "844", "845"), (stryMutAct_9fa48("846") ? added.lineClass : (stryCov_9fa48("846"), added?.lineClass)) === (stryMutAct_9fa48("847") ? "" : (stryCov_9fa48("847"), "regression")))) {
                      if (stryMutAct_9fa48("848")) {
                        {}
                      } else {
                        stryCov_9fa48("848");
                        const change = changes[adds[i]];
                        regressions.push(stryMutAct_9fa48("849") ? {} : (stryCov_9fa48("849"), {
                          path: file.path,
                          line: (stryMutAct_9fa48("852") ? change.type !== "add" : stryMutAct_9fa48("851") ? false : stryMutAct_9fa48("850") ? true : (stryCov_9fa48("850", "851", "852"), change.type === (stryMutAct_9fa48("853") ? "" : (stryCov_9fa48("853"), "add")))) ? change.ln : 0,
                          pack: (stryMutAct_9fa48("856") ? applicable.length !== 1 : stryMutAct_9fa48("855") ? false : stryMutAct_9fa48("854") ? true : (stryCov_9fa48("854", "855", "856"), applicable.length === 1)) ? applicable[0].name : stryMutAct_9fa48("857") ? "" : (stryCov_9fa48("857"), "migration"),
                          rule: added.rule!.id,
                          message: added.rule!.message
                        }));
                      }
                    }
                  }
                }
              }
            }
          }
        });
        const own = stryMutAct_9fa48("858") ? {} : (stryCov_9fa48("858"), {
          migration: stryMutAct_9fa48("859") ? lines.migration + before.migration : (stryCov_9fa48("859"), lines.migration - before.migration),
          other: stryMutAct_9fa48("860") ? lines.other + before.other : (stryCov_9fa48("860"), lines.other - before.other)
        });
        if (stryMutAct_9fa48("863") ? own.migration > 0 || own.migration >= own.other : stryMutAct_9fa48("862") ? false : stryMutAct_9fa48("861") ? true : (stryCov_9fa48("861", "862", "863"), (stryMutAct_9fa48("866") ? own.migration <= 0 : stryMutAct_9fa48("865") ? own.migration >= 0 : stryMutAct_9fa48("864") ? true : (stryCov_9fa48("864", "865", "866"), own.migration > 0)) && (stryMutAct_9fa48("869") ? own.migration < own.other : stryMutAct_9fa48("868") ? own.migration > own.other : stryMutAct_9fa48("867") ? true : (stryCov_9fa48("867", "868", "869"), own.migration >= own.other)))) migrationFiles.push(file.path);
      }
    }
    const tolerated = stryMutAct_9fa48("870") ? Math.min(TOLERATED_OTHER_LINES, Math.floor(lines.migration * options.mixedTolerance)) : (stryCov_9fa48("870"), Math.max(TOLERATED_OTHER_LINES, Math.floor(stryMutAct_9fa48("871") ? lines.migration / options.mixedTolerance : (stryCov_9fa48("871"), lines.migration * options.mixedTolerance))));
    const mixed = stryMutAct_9fa48("874") ? lines.migration > 0 || lines.other > tolerated : stryMutAct_9fa48("873") ? false : stryMutAct_9fa48("872") ? true : (stryCov_9fa48("872", "873", "874"), (stryMutAct_9fa48("877") ? lines.migration <= 0 : stryMutAct_9fa48("876") ? lines.migration >= 0 : stryMutAct_9fa48("875") ? true : (stryCov_9fa48("875", "876", "877"), lines.migration > 0)) && (stryMutAct_9fa48("880") ? lines.other <= tolerated : stryMutAct_9fa48("879") ? lines.other >= tolerated : stryMutAct_9fa48("878") ? true : (stryCov_9fa48("878", "879", "880"), lines.other > tolerated)));
    return stryMutAct_9fa48("881") ? {} : (stryCov_9fa48("881"), {
      lines,
      migrated,
      regressions,
      mixed,
      migrationOnly: stryMutAct_9fa48("884") ? lines.migration > 0 && !mixed || lines.regression === 0 : stryMutAct_9fa48("883") ? false : stryMutAct_9fa48("882") ? true : (stryCov_9fa48("882", "883", "884"), (stryMutAct_9fa48("886") ? lines.migration > 0 || !mixed : stryMutAct_9fa48("885") ? true : (stryCov_9fa48("885", "886"), (stryMutAct_9fa48("889") ? lines.migration <= 0 : stryMutAct_9fa48("888") ? lines.migration >= 0 : stryMutAct_9fa48("887") ? true : (stryCov_9fa48("887", "888", "889"), lines.migration > 0)) && (stryMutAct_9fa48("890") ? mixed : (stryCov_9fa48("890"), !mixed)))) && (stryMutAct_9fa48("892") ? lines.regression !== 0 : stryMutAct_9fa48("891") ? true : (stryCov_9fa48("891", "892"), lines.regression === 0))),
      packs: stryMutAct_9fa48("893") ? [...used] : (stryCov_9fa48("893"), (stryMutAct_9fa48("894") ? [] : (stryCov_9fa48("894"), [...used])).sort()),
      migrationFiles,
      hunksOnly
    });
  }
}

/** The same count straight from patch text: lines starting with - then + form blocks. */
export function editLinesOfPatch(patch: string): number {
  if (stryMutAct_9fa48("895")) {
    {}
  } else {
    stryCov_9fa48("895");
    let total = 0;
    let dels = 0;
    let adds = 0;
    let position = 0;
    while (stryMutAct_9fa48("898") ? position >= patch.length : stryMutAct_9fa48("897") ? position <= patch.length : stryMutAct_9fa48("896") ? false : (stryCov_9fa48("896", "897", "898"), position < patch.length)) {
      if (stryMutAct_9fa48("899")) {
        {}
      } else {
        stryCov_9fa48("899");
        const first = patch.charCodeAt(position);
        if (stryMutAct_9fa48("902") ? first !== 45 /* - */ : stryMutAct_9fa48("901") ? false : stryMutAct_9fa48("900") ? true : (stryCov_9fa48("900", "901", "902"), first === 45) /* - */) {
          if (stryMutAct_9fa48("903")) {
            {}
          } else {
            stryCov_9fa48("903");
            if (stryMutAct_9fa48("905") ? false : stryMutAct_9fa48("904") ? true : (stryCov_9fa48("904", "905"), adds)) {
              if (stryMutAct_9fa48("906")) {
                {}
              } else {
                stryCov_9fa48("906");
                stryMutAct_9fa48("907") ? total -= Math.max(dels, adds) : (stryCov_9fa48("907"), total += stryMutAct_9fa48("908") ? Math.min(dels, adds) : (stryCov_9fa48("908"), Math.max(dels, adds)));
                dels = adds = 0;
              }
            }
            stryMutAct_9fa48("909") ? dels-- : (stryCov_9fa48("909"), dels++);
          }
        } else if (stryMutAct_9fa48("912") ? first !== 43 /* + */ : stryMutAct_9fa48("911") ? false : stryMutAct_9fa48("910") ? true : (stryCov_9fa48("910", "911", "912"), first === 43) /* + */) stryMutAct_9fa48("913") ? adds-- : (stryCov_9fa48("913"), adds++);else if (stryMutAct_9fa48("916") ? first === 92 /* \ no newline at end of file */ : stryMutAct_9fa48("915") ? false : stryMutAct_9fa48("914") ? true : (stryCov_9fa48("914", "915", "916"), first !== 92) /* \ no newline at end of file */) {
          if (stryMutAct_9fa48("917")) {
            {}
          } else {
            stryCov_9fa48("917");
            stryMutAct_9fa48("918") ? total -= Math.max(dels, adds) : (stryCov_9fa48("918"), total += stryMutAct_9fa48("919") ? Math.min(dels, adds) : (stryCov_9fa48("919"), Math.max(dels, adds)));
            dels = adds = 0;
          }
        }
        const next = patch.indexOf(stryMutAct_9fa48("920") ? "" : (stryCov_9fa48("920"), "\n"), position);
        if (stryMutAct_9fa48("923") ? next !== -1 : stryMutAct_9fa48("922") ? false : stryMutAct_9fa48("921") ? true : (stryCov_9fa48("921", "922", "923"), next === (stryMutAct_9fa48("924") ? +1 : (stryCov_9fa48("924"), -1)))) break;
        position = stryMutAct_9fa48("925") ? next - 1 : (stryCov_9fa48("925"), next + 1);
      }
    }
    return stryMutAct_9fa48("926") ? total - Math.max(dels, adds) : (stryCov_9fa48("926"), total + (stryMutAct_9fa48("927") ? Math.min(dels, adds) : (stryCov_9fa48("927"), Math.max(dels, adds))));
  }
}

/** Changed lines of hunks with no pack, counted the same way: a removal and its replacement count once. */
function editLines(hunks: Array<Array<"add" | "del" | "normal">>): number {
  if (stryMutAct_9fa48("928")) {
    {}
  } else {
    stryCov_9fa48("928");
    let total = 0;
    for (const types of hunks) {
      if (stryMutAct_9fa48("929")) {
        {}
      } else {
        stryCov_9fa48("929");
        let dels = 0;
        let adds = 0;
        for (const type of stryMutAct_9fa48("930") ? [] : (stryCov_9fa48("930"), [...types, "normal" as const])) {
          if (stryMutAct_9fa48("931")) {
            {}
          } else {
            stryCov_9fa48("931");
            if (stryMutAct_9fa48("934") ? type !== "del" : stryMutAct_9fa48("933") ? false : stryMutAct_9fa48("932") ? true : (stryCov_9fa48("932", "933", "934"), type === (stryMutAct_9fa48("935") ? "" : (stryCov_9fa48("935"), "del")))) {
              if (stryMutAct_9fa48("936")) {
                {}
              } else {
                stryCov_9fa48("936");
                if (stryMutAct_9fa48("938") ? false : stryMutAct_9fa48("937") ? true : (stryCov_9fa48("937", "938"), adds)) {
                  if (stryMutAct_9fa48("939")) {
                    {}
                  } else {
                    stryCov_9fa48("939");
                    stryMutAct_9fa48("940") ? total -= Math.max(dels, adds) : (stryCov_9fa48("940"), total += stryMutAct_9fa48("941") ? Math.min(dels, adds) : (stryCov_9fa48("941"), Math.max(dels, adds)));
                    dels = adds = 0;
                  }
                }
                stryMutAct_9fa48("942") ? dels-- : (stryCov_9fa48("942"), dels++);
              }
            } else if (stryMutAct_9fa48("945") ? type !== "add" : stryMutAct_9fa48("944") ? false : stryMutAct_9fa48("943") ? true : (stryCov_9fa48("943", "944", "945"), type === (stryMutAct_9fa48("946") ? "" : (stryCov_9fa48("946"), "add")))) stryMutAct_9fa48("947") ? adds-- : (stryCov_9fa48("947"), adds++);else {
              if (stryMutAct_9fa48("948")) {
                {}
              } else {
                stryCov_9fa48("948");
                stryMutAct_9fa48("949") ? total -= Math.max(dels, adds) : (stryCov_9fa48("949"), total += stryMutAct_9fa48("950") ? Math.min(dels, adds) : (stryCov_9fa48("950"), Math.max(dels, adds)));
                dels = adds = 0;
              }
            }
          }
        }
      }
    }
    return total;
  }
}