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
import { Minimatch } from "minimatch";
import type { ChangedFile, Hunk } from "../changed-file.js";
import { changeBlocks, hunkSides, type LinePack, type LineVerdict, type RemainingConstruct, type WholeFile } from "../line-pack.js";
import { agreesWithHunks, splitLines, viewOfFile, viewOfHunkSide, type PythonView } from "./file-view.js";
import { compatibilityMarkerIn, identifiersOf, namesImportedBy, oldConstructIn, python3IdiomIn, type RuleHit } from "./constructs.js";
import type { RuleContext } from "./rules.js";
export interface Python3PackOptions {
  files?: readonly string[];
  /** Rules off by default that the config turns on (`old-division`). */
  enable?: readonly string[];
  /** Rules the config turns off. */
  disable?: readonly string[];
}

/** One side of a file as the rules see it, and where each change of each hunk sits in it. */
interface Side {
  view: PythonView;
  /** For hunk h, change c: the index into `view.code`, or -1 for changes not on this side. */
  index: (h: number, c: number) => number;
}

/**
 * The rules' context for line i of a view: one object per view, whose line-dependent parts are read only when a
 * rule asks (most lines trigger no rule), so judging a line allocates nothing.
 */
function contextOf(view: PythonView, enabled: ReadonlySet<string>, disabled: ReadonlySet<string>): (i: number) => RuleContext {
  if (stryMutAct_9fa48("1732")) {
    {}
  } else {
    stryCov_9fa48("1732");
    let line = 0;
    const context: RuleContext = stryMutAct_9fa48("1733") ? {} : (stryCov_9fa48("1733"), {
      ...view.context,
      enabled,
      disabled,
      get raw() {
        if (stryMutAct_9fa48("1734")) {
          {}
        } else {
          stryCov_9fa48("1734");
          return view.lines[line];
        }
      },
      get inFunction() {
        if (stryMutAct_9fa48("1735")) {
          {}
        } else {
          stryCov_9fa48("1735");
          return stryMutAct_9fa48("1736") ? view.inFunction(line) : (stryCov_9fa48("1736"), view.inFunction?.(line));
        }
      },
      get classMethods() {
        if (stryMutAct_9fa48("1737")) {
          {}
        } else {
          stryCov_9fa48("1737");
          return stryMutAct_9fa48("1738") ? view.classMethods(line) : (stryCov_9fa48("1738"), view.classMethods?.(line));
        }
      }
    });
    return i => {
      if (stryMutAct_9fa48("1739")) {
        {}
      } else {
        stryCov_9fa48("1739");
        line = i;
        return context;
      }
    };
  }
}
function wholeSide(lines: readonly string[], hunks: readonly Hunk[], side: "old" | "new"): Side | undefined {
  if (stryMutAct_9fa48("1740")) {
    {}
  } else {
    stryCov_9fa48("1740");
    if (stryMutAct_9fa48("1743") ? false : stryMutAct_9fa48("1742") ? true : stryMutAct_9fa48("1741") ? agreesWithHunks(lines, hunks, side) : (stryCov_9fa48("1741", "1742", "1743"), !agreesWithHunks(lines, hunks, side))) return undefined;
    const view = viewOfFile(lines);
    const type = (stryMutAct_9fa48("1746") ? side !== "new" : stryMutAct_9fa48("1745") ? false : stryMutAct_9fa48("1744") ? true : (stryCov_9fa48("1744", "1745", "1746"), side === (stryMutAct_9fa48("1747") ? "" : (stryCov_9fa48("1747"), "new")))) ? stryMutAct_9fa48("1748") ? "" : (stryCov_9fa48("1748"), "add") : stryMutAct_9fa48("1749") ? "" : (stryCov_9fa48("1749"), "del");
    return stryMutAct_9fa48("1750") ? {} : (stryCov_9fa48("1750"), {
      view,
      index: (h, c) => {
        if (stryMutAct_9fa48("1751")) {
          {}
        } else {
          stryCov_9fa48("1751");
          const change = hunks[h].changes[c];
          return (stryMutAct_9fa48("1754") ? change.type !== type : stryMutAct_9fa48("1753") ? false : stryMutAct_9fa48("1752") ? true : (stryCov_9fa48("1752", "1753", "1754"), change.type === type)) ? stryMutAct_9fa48("1755") ? change.ln + 1 : (stryCov_9fa48("1755"), change.ln - 1) : stryMutAct_9fa48("1756") ? +1 : (stryCov_9fa48("1756"), -1);
        }
      }
    });
  }
}

/** Each hunk read on its own: what the pack had before whole files (and still has for a bare diff). */
function hunkSide(hunks: readonly Hunk[], side: "old" | "new", wholeFile: boolean): Side[] {
  if (stryMutAct_9fa48("1757")) {
    {}
  } else {
    stryCov_9fa48("1757");
    return hunks.map(hunk => {
      if (stryMutAct_9fa48("1758")) {
        {}
      } else {
        stryCov_9fa48("1758");
        const sides = hunkSides(hunk);
        const lines = (stryMutAct_9fa48("1761") ? side !== "new" : stryMutAct_9fa48("1760") ? false : stryMutAct_9fa48("1759") ? true : (stryCov_9fa48("1759", "1760", "1761"), side === (stryMutAct_9fa48("1762") ? "" : (stryCov_9fa48("1762"), "new")))) ? sides.newLines : sides.oldLines;
        const at = (stryMutAct_9fa48("1765") ? side !== "new" : stryMutAct_9fa48("1764") ? false : stryMutAct_9fa48("1763") ? true : (stryCov_9fa48("1763", "1764", "1765"), side === (stryMutAct_9fa48("1766") ? "" : (stryCov_9fa48("1766"), "new")))) ? sides.newIndex : sides.oldIndex;
        const top = stryMutAct_9fa48("1770") ? (side === "new" ? hunk.newStart : hunk.oldStart) > 1 : stryMutAct_9fa48("1769") ? (side === "new" ? hunk.newStart : hunk.oldStart) < 1 : stryMutAct_9fa48("1768") ? false : stryMutAct_9fa48("1767") ? true : (stryCov_9fa48("1767", "1768", "1769", "1770"), ((stryMutAct_9fa48("1773") ? side !== "new" : stryMutAct_9fa48("1772") ? false : stryMutAct_9fa48("1771") ? true : (stryCov_9fa48("1771", "1772", "1773"), side === (stryMutAct_9fa48("1774") ? "" : (stryCov_9fa48("1774"), "new")))) ? hunk.newStart : hunk.oldStart) <= 1);
        return stryMutAct_9fa48("1775") ? {} : (stryCov_9fa48("1775"), {
          view: viewOfHunkSide(lines, top, stryMutAct_9fa48("1778") ? wholeFile || hunks.length === 1 : stryMutAct_9fa48("1777") ? false : stryMutAct_9fa48("1776") ? true : (stryCov_9fa48("1776", "1777", "1778"), wholeFile && (stryMutAct_9fa48("1780") ? hunks.length !== 1 : stryMutAct_9fa48("1779") ? true : (stryCov_9fa48("1779", "1780"), hunks.length === 1)))),
          index: stryMutAct_9fa48("1781") ? () => undefined : (stryCov_9fa48("1781"), (_h, c) => at[c])
        });
      }
    });
  }
}

/** The verdicts without a rule, shared: most lines get one, and none is changed after it is given. */
const OTHER: LineVerdict = Object.freeze(stryMutAct_9fa48("1782") ? {} : (stryCov_9fa48("1782"), {
  lineClass: stryMutAct_9fa48("1783") ? "" : (stryCov_9fa48("1783"), "other")
}));
const MIGRATION: LineVerdict = Object.freeze(stryMutAct_9fa48("1784") ? {} : (stryCov_9fa48("1784"), {
  lineClass: stryMutAct_9fa48("1785") ? "" : (stryCov_9fa48("1785"), "migration")
}));
interface Block {
  h: number;
  dels: number[];
  adds: number[];
}

/**
 * Lines that only serve the migration around them are part of it: an added import of a name the migrated lines use
 * (`import sys` for `sys.intern`, `import atexit`), and, in a hunk that takes an old construct away, blank lines,
 * comments and lines made only of names of the lines doing so and their replacements (the unpacking 2to3 writes
 * for a tuple parameter).
 */
function servingLines(hunks: readonly Hunk[], blocks: readonly Block[], code: string[][], verdicts: Array<Array<LineVerdict | undefined>>): void {
  if (stryMutAct_9fa48("1786")) {
    {}
  } else {
    stryCov_9fa48("1786");
    const migratedNames = new Set<string>();
    hunks.forEach(stryMutAct_9fa48("1787") ? () => undefined : (stryCov_9fa48("1787"), (hunk, h) => hunk.changes.forEach((change, c) => {
      if (stryMutAct_9fa48("1788")) {
        {}
      } else {
        stryCov_9fa48("1788");
        if (stryMutAct_9fa48("1791") ? change.type === "add" || verdicts[h][c]?.lineClass === "migration" : stryMutAct_9fa48("1790") ? false : stryMutAct_9fa48("1789") ? true : (stryCov_9fa48("1789", "1790", "1791"), (stryMutAct_9fa48("1793") ? change.type !== "add" : stryMutAct_9fa48("1792") ? true : (stryCov_9fa48("1792", "1793"), change.type === (stryMutAct_9fa48("1794") ? "" : (stryCov_9fa48("1794"), "add")))) && (stryMutAct_9fa48("1796") ? verdicts[h][c]?.lineClass !== "migration" : stryMutAct_9fa48("1795") ? true : (stryCov_9fa48("1795", "1796"), (stryMutAct_9fa48("1797") ? verdicts[h][c].lineClass : (stryCov_9fa48("1797"), verdicts[h][c]?.lineClass)) === (stryMutAct_9fa48("1798") ? "" : (stryCov_9fa48("1798"), "migration")))))) for (const name of identifiersOf(code[h][c])) migratedNames.add(name);
      }
    })));
    // Per hunk, the names of the lines that take an old construct away and of the lines that replace them: what a
    // serving line may be made of.
    const rewriteNames = new Map<number, Set<string>>();
    for (const {
      h,
      dels,
      adds
    } of blocks) {
      if (stryMutAct_9fa48("1799")) {
        {}
      } else {
        stryCov_9fa48("1799");
        dels.forEach((d, k) => {
          if (stryMutAct_9fa48("1800")) {
            {}
          } else {
            stryCov_9fa48("1800");
            if (stryMutAct_9fa48("1803") ? false : stryMutAct_9fa48("1802") ? true : stryMutAct_9fa48("1801") ? verdicts[h][d]?.removesOldConstruct : (stryCov_9fa48("1801", "1802", "1803"), !(stryMutAct_9fa48("1804") ? verdicts[h][d].removesOldConstruct : (stryCov_9fa48("1804"), verdicts[h][d]?.removesOldConstruct)))) return;
            const names = stryMutAct_9fa48("1805") ? rewriteNames.get(h) && new Set<string>() : (stryCov_9fa48("1805"), rewriteNames.get(h) ?? new Set<string>());
            for (const c of (stryMutAct_9fa48("1809") ? k >= adds.length : stryMutAct_9fa48("1808") ? k <= adds.length : stryMutAct_9fa48("1807") ? false : stryMutAct_9fa48("1806") ? true : (stryCov_9fa48("1806", "1807", "1808", "1809"), k < adds.length)) ? stryMutAct_9fa48("1810") ? [] : (stryCov_9fa48("1810"), [d, adds[k]]) : stryMutAct_9fa48("1811") ? [] : (stryCov_9fa48("1811"), [d])) for (const name of identifiersOf(code[h][c])) names.add(name);
            rewriteNames.set(h, names);
          }
        });
      }
    }
    for (const {
      h,
      dels,
      adds
    } of blocks) {
      if (stryMutAct_9fa48("1812")) {
        {}
      } else {
        stryCov_9fa48("1812");
        const names = rewriteNames.get(h);
        for (const c of stryMutAct_9fa48("1813") ? [] : (stryCov_9fa48("1813"), [...dels, ...adds])) {
          if (stryMutAct_9fa48("1814")) {
            {}
          } else {
            stryCov_9fa48("1814");
            if (stryMutAct_9fa48("1817") ? verdicts[h][c]?.lineClass === "other" : stryMutAct_9fa48("1816") ? false : stryMutAct_9fa48("1815") ? true : (stryCov_9fa48("1815", "1816", "1817"), (stryMutAct_9fa48("1818") ? verdicts[h][c].lineClass : (stryCov_9fa48("1818"), verdicts[h][c]?.lineClass)) !== (stryMutAct_9fa48("1819") ? "" : (stryCov_9fa48("1819"), "other")))) continue;
            const added = stryMutAct_9fa48("1822") ? hunks[h].changes[c].type !== "add" : stryMutAct_9fa48("1821") ? false : stryMutAct_9fa48("1820") ? true : (stryCov_9fa48("1820", "1821", "1822"), hunks[h].changes[c].type === (stryMutAct_9fa48("1823") ? "" : (stryCov_9fa48("1823"), "add")));
            const imported = added ? namesImportedBy(code[h][c]) : stryMutAct_9fa48("1824") ? ["Stryker was here"] : (stryCov_9fa48("1824"), []);
            if (stryMutAct_9fa48("1827") ? imported.every(name => migratedNames.has(name)) : stryMutAct_9fa48("1826") ? false : stryMutAct_9fa48("1825") ? true : (stryCov_9fa48("1825", "1826", "1827"), imported.some(stryMutAct_9fa48("1828") ? () => undefined : (stryCov_9fa48("1828"), name => migratedNames.has(name))))) verdicts[h][c] = MIGRATION;else if (stryMutAct_9fa48("1831") ? names && imported.length === 0 || [...identifiersOf(code[h][c])].every(name => names.has(name)) : stryMutAct_9fa48("1830") ? false : stryMutAct_9fa48("1829") ? true : (stryCov_9fa48("1829", "1830", "1831"), (stryMutAct_9fa48("1833") ? names || imported.length === 0 : stryMutAct_9fa48("1832") ? true : (stryCov_9fa48("1832", "1833"), names && (stryMutAct_9fa48("1835") ? imported.length !== 0 : stryMutAct_9fa48("1834") ? true : (stryCov_9fa48("1834", "1835"), imported.length === 0)))) && (stryMutAct_9fa48("1836") ? [...identifiersOf(code[h][c])].some(name => names.has(name)) : (stryCov_9fa48("1836"), (stryMutAct_9fa48("1837") ? [] : (stryCov_9fa48("1837"), [...identifiersOf(code[h][c])])).every(stryMutAct_9fa48("1838") ? () => undefined : (stryCov_9fa48("1838"), name => names.has(name))))))) verdicts[h][c] = MIGRATION;
          }
        }
      }
    }
  }
}

/** The python3 pack: Python 2 constructs removed (migration), added outside a guard (regression), compatibility code. */
export function python3Pack(options: Python3PackOptions = {}): LinePack {
  if (stryMutAct_9fa48("1839")) {
    {}
  } else {
    stryCov_9fa48("1839");
    const files = stryMutAct_9fa48("1840") ? options.files && ["**/*.py", "**/*.pyw"] : (stryCov_9fa48("1840"), options.files ?? (stryMutAct_9fa48("1841") ? [] : (stryCov_9fa48("1841"), [stryMutAct_9fa48("1842") ? "" : (stryCov_9fa48("1842"), "**/*.py"), stryMutAct_9fa48("1843") ? "" : (stryCov_9fa48("1843"), "**/*.pyw")])));
    const globs = files.map(stryMutAct_9fa48("1844") ? () => undefined : (stryCov_9fa48("1844"), f => new Minimatch(f, stryMutAct_9fa48("1845") ? {} : (stryCov_9fa48("1845"), {
      dot: stryMutAct_9fa48("1846") ? false : (stryCov_9fa48("1846"), true),
      matchBase: stryMutAct_9fa48("1847") ? f.includes("/") : (stryCov_9fa48("1847"), !f.includes(stryMutAct_9fa48("1848") ? "" : (stryCov_9fa48("1848"), "/")))
    }))));
    const enabled = new Set(stryMutAct_9fa48("1849") ? options.enable && [] : (stryCov_9fa48("1849"), options.enable ?? (stryMutAct_9fa48("1850") ? ["Stryker was here"] : (stryCov_9fa48("1850"), []))));
    const disabled = new Set(stryMutAct_9fa48("1851") ? options.disable && [] : (stryCov_9fa48("1851"), options.disable ?? (stryMutAct_9fa48("1852") ? ["Stryker was here"] : (stryCov_9fa48("1852"), []))));
    return stryMutAct_9fa48("1853") ? {} : (stryCov_9fa48("1853"), {
      name: stryMutAct_9fa48("1854") ? "" : (stryCov_9fa48("1854"), "python3"),
      wantsWholeFiles: stryMutAct_9fa48("1855") ? false : (stryCov_9fa48("1855"), true),
      appliesTo: stryMutAct_9fa48("1856") ? () => undefined : (stryCov_9fa48("1856"), path => stryMutAct_9fa48("1857") ? globs.every(glob => glob.match(path)) : (stryCov_9fa48("1857"), globs.some(stryMutAct_9fa48("1858") ? () => undefined : (stryCov_9fa48("1858"), glob => glob.match(path))))),
      scan(text: string): RemainingConstruct[] {
        if (stryMutAct_9fa48("1859")) {
          {}
        } else {
          stryCov_9fa48("1859");
          // The same judgement as an added line with the whole file in view: guarded Python 2 code is compatibility code.
          const view = viewOfFile(splitLines(text));
          const context = contextOf(view, enabled, disabled);
          const found: RemainingConstruct[] = stryMutAct_9fa48("1860") ? ["Stryker was here"] : (stryCov_9fa48("1860"), []);
          for (let i = 0; stryMutAct_9fa48("1863") ? i >= view.code.length : stryMutAct_9fa48("1862") ? i <= view.code.length : stryMutAct_9fa48("1861") ? false : (stryCov_9fa48("1861", "1862", "1863"), i < view.code.length); stryMutAct_9fa48("1864") ? i-- : (stryCov_9fa48("1864"), i++)) {
            if (stryMutAct_9fa48("1865")) {
              {}
            } else {
              stryCov_9fa48("1865");
              const code = stryMutAct_9fa48("1866") ? view.code[i].code : (stryCov_9fa48("1866"), view.code[i]?.code);
              if (stryMutAct_9fa48("1869") ? !code && code.trim() === "" : stryMutAct_9fa48("1868") ? false : stryMutAct_9fa48("1867") ? true : (stryCov_9fa48("1867", "1868", "1869"), (stryMutAct_9fa48("1870") ? code : (stryCov_9fa48("1870"), !code)) || (stryMutAct_9fa48("1872") ? code.trim() !== "" : stryMutAct_9fa48("1871") ? false : (stryCov_9fa48("1871", "1872"), (stryMutAct_9fa48("1873") ? code : (stryCov_9fa48("1873"), code.trim())) === (stryMutAct_9fa48("1874") ? "Stryker was here!" : (stryCov_9fa48("1874"), "")))))) continue;
              const hit = oldConstructIn(code, view.names, context(i));
              if (stryMutAct_9fa48("1877") ? hit || !view.guarded[i] || hit.syntax : stryMutAct_9fa48("1876") ? false : stryMutAct_9fa48("1875") ? true : (stryCov_9fa48("1875", "1876", "1877"), hit && (stryMutAct_9fa48("1879") ? !view.guarded[i] && hit.syntax : stryMutAct_9fa48("1878") ? true : (stryCov_9fa48("1878", "1879"), (stryMutAct_9fa48("1880") ? view.guarded[i] : (stryCov_9fa48("1880"), !view.guarded[i])) || hit.syntax)))) found.push(stryMutAct_9fa48("1881") ? {} : (stryCov_9fa48("1881"), {
                line: stryMutAct_9fa48("1882") ? i - 1 : (stryCov_9fa48("1882"), i + 1),
                rule: hit.id
              }));
            }
          }
          return found;
        }
      },
      classify(file: ChangedFile, hunks: Hunk[], whole: WholeFile = {}) {
        if (stryMutAct_9fa48("1883")) {
          {}
        } else {
          stryCov_9fa48("1883");
          // An added file's patch is the whole file, and a removed file's is the whole old version.
          const added = stryMutAct_9fa48("1886") ? file.status === "added" || hunks.length === 1 : stryMutAct_9fa48("1885") ? false : stryMutAct_9fa48("1884") ? true : (stryCov_9fa48("1884", "1885", "1886"), (stryMutAct_9fa48("1888") ? file.status !== "added" : stryMutAct_9fa48("1887") ? true : (stryCov_9fa48("1887", "1888"), file.status === (stryMutAct_9fa48("1889") ? "" : (stryCov_9fa48("1889"), "added")))) && (stryMutAct_9fa48("1891") ? hunks.length !== 1 : stryMutAct_9fa48("1890") ? true : (stryCov_9fa48("1890", "1891"), hunks.length === 1)));
          const removed = stryMutAct_9fa48("1894") ? file.status === "removed" || hunks.length === 1 : stryMutAct_9fa48("1893") ? false : stryMutAct_9fa48("1892") ? true : (stryCov_9fa48("1892", "1893", "1894"), (stryMutAct_9fa48("1896") ? file.status !== "removed" : stryMutAct_9fa48("1895") ? true : (stryCov_9fa48("1895", "1896"), file.status === (stryMutAct_9fa48("1897") ? "" : (stryCov_9fa48("1897"), "removed")))) && (stryMutAct_9fa48("1899") ? hunks.length !== 1 : stryMutAct_9fa48("1898") ? true : (stryCov_9fa48("1898", "1899"), hunks.length === 1)));
          const headLines = (stryMutAct_9fa48("1902") ? whole.head === undefined : stryMutAct_9fa48("1901") ? false : stryMutAct_9fa48("1900") ? true : (stryCov_9fa48("1900", "1901", "1902"), whole.head !== undefined)) ? splitLines(whole.head) : undefined;
          const baseLines = (stryMutAct_9fa48("1905") ? whole.base === undefined : stryMutAct_9fa48("1904") ? false : stryMutAct_9fa48("1903") ? true : (stryCov_9fa48("1903", "1904", "1905"), whole.base !== undefined)) ? splitLines(whole.base) : undefined;
          const head = stryMutAct_9fa48("1906") ? headLines && wholeSide(headLines, hunks, "new") && undefined : (stryCov_9fa48("1906"), (stryMutAct_9fa48("1909") ? headLines || wholeSide(headLines, hunks, "new") : stryMutAct_9fa48("1908") ? false : stryMutAct_9fa48("1907") ? true : (stryCov_9fa48("1907", "1908", "1909"), headLines && wholeSide(headLines, hunks, stryMutAct_9fa48("1910") ? "" : (stryCov_9fa48("1910"), "new")))) ?? undefined);
          const base = stryMutAct_9fa48("1911") ? baseLines && wholeSide(baseLines, hunks, "old") && undefined : (stryCov_9fa48("1911"), (stryMutAct_9fa48("1914") ? baseLines || wholeSide(baseLines, hunks, "old") : stryMutAct_9fa48("1913") ? false : stryMutAct_9fa48("1912") ? true : (stryCov_9fa48("1912", "1913", "1914"), baseLines && wholeSide(baseLines, hunks, stryMutAct_9fa48("1915") ? "" : (stryCov_9fa48("1915"), "old")))) ?? undefined);
          let newHunks: Side[] | undefined;
          let oldHunks: Side[] | undefined;
          const newSide = stryMutAct_9fa48("1916") ? () => undefined : (stryCov_9fa48("1916"), (() => {
            const newSide = (h: number) => stryMutAct_9fa48("1917") ? head && (newHunks ??= hunkSide(hunks, "new", added))[h] : (stryCov_9fa48("1917"), head ?? (stryMutAct_9fa48("1918") ? newHunks &&= hunkSide(hunks, "new", added) : (stryCov_9fa48("1918"), newHunks ??= hunkSide(hunks, stryMutAct_9fa48("1919") ? "" : (stryCov_9fa48("1919"), "new"), added)))[h]);
            return newSide;
          })());
          const oldSide = stryMutAct_9fa48("1920") ? () => undefined : (stryCov_9fa48("1920"), (() => {
            const oldSide = (h: number) => stryMutAct_9fa48("1921") ? base && (oldHunks ??= hunkSide(hunks, "old", removed))[h] : (stryCov_9fa48("1921"), base ?? (stryMutAct_9fa48("1922") ? oldHunks &&= hunkSide(hunks, "old", removed) : (stryCov_9fa48("1922"), oldHunks ??= hunkSide(hunks, stryMutAct_9fa48("1923") ? "" : (stryCov_9fa48("1923"), "old"), removed)))[h]);
            return oldSide;
          })());
          const contexts = new Map<PythonView, (i: number) => RuleContext>();
          const contextFor = stryMutAct_9fa48("1924") ? () => undefined : (stryCov_9fa48("1924"), (() => {
            const contextFor = (view: PythonView) => stryMutAct_9fa48("1925") ? contexts.get(view) && contexts.set(view, contextOf(view, enabled, disabled)).get(view)! : (stryCov_9fa48("1925"), contexts.get(view) ?? contexts.set(view, contextOf(view, enabled, disabled)).get(view)!);
            return contextFor;
          })());
          const blocks: Block[] = stryMutAct_9fa48("1926") ? ["Stryker was here"] : (stryCov_9fa48("1926"), []);
          const code: string[][] = hunks.map(stryMutAct_9fa48("1927") ? () => undefined : (stryCov_9fa48("1927"), hunk => (stryMutAct_9fa48("1928") ? new Array() : (stryCov_9fa48("1928"), new Array<string>(hunk.changes.length))).fill(stryMutAct_9fa48("1929") ? "Stryker was here!" : (stryCov_9fa48("1929"), ""))));
          const verdicts = hunks.map((hunk, h) => {
            if (stryMutAct_9fa48("1930")) {
              {}
            } else {
              stryCov_9fa48("1930");
              const out: Array<LineVerdict | undefined> = (stryMutAct_9fa48("1931") ? new Array() : (stryCov_9fa48("1931"), new Array(hunk.changes.length))).fill(undefined);
              // What judging change c found, kept in variables rather than an object per line.
              let guarded = stryMutAct_9fa48("1932") ? true : (stryCov_9fa48("1932"), false);
              let marker: string | undefined;
              const judge = (c: number): RuleHit | undefined => {
                if (stryMutAct_9fa48("1933")) {
                  {}
                } else {
                  stryCov_9fa48("1933");
                  const removedLine = stryMutAct_9fa48("1936") ? hunk.changes[c].type !== "del" : stryMutAct_9fa48("1935") ? false : stryMutAct_9fa48("1934") ? true : (stryCov_9fa48("1934", "1935", "1936"), hunk.changes[c].type === (stryMutAct_9fa48("1937") ? "" : (stryCov_9fa48("1937"), "del")));
                  const side = removedLine ? oldSide(h) : newSide(h);
                  const i = side.index(h, c);
                  const line = side.view.code[i];
                  code[h][c] = stryMutAct_9fa48("1938") ? line?.code && "" : (stryCov_9fa48("1938"), (stryMutAct_9fa48("1939") ? line.code : (stryCov_9fa48("1939"), line?.code)) ?? (stryMutAct_9fa48("1940") ? "Stryker was here!" : (stryCov_9fa48("1940"), "")));
                  guarded = stryMutAct_9fa48("1941") ? side.view.guarded[i] && false : (stryCov_9fa48("1941"), side.view.guarded[i] ?? (stryMutAct_9fa48("1942") ? true : (stryCov_9fa48("1942"), false)));
                  marker = line ? compatibilityMarkerIn(line.code) : undefined;
                  return line ? oldConstructIn(line.code, side.view.names, contextFor(side.view)(i)) : undefined;
                }
              };
              for (const {
                dels,
                adds
              } of changeBlocks(hunk)) {
                if (stryMutAct_9fa48("1943")) {
                  {}
                } else {
                  stryCov_9fa48("1943");
                  blocks.push(stryMutAct_9fa48("1944") ? {} : (stryCov_9fa48("1944"), {
                    h,
                    dels,
                    adds
                  }));
                  const oldHits: Array<RuleHit | undefined> = stryMutAct_9fa48("1945") ? new Array() : (stryCov_9fa48("1945"), new Array(dels.length));
                  dels.forEach((d, k) => {
                    if (stryMutAct_9fa48("1946")) {
                      {}
                    } else {
                      stryCov_9fa48("1946");
                      const hit = oldHits[k] = judge(d);
                      out[d] = hit ? stryMutAct_9fa48("1947") ? {} : (stryCov_9fa48("1947"), {
                        lineClass: stryMutAct_9fa48("1948") ? "" : (stryCov_9fa48("1948"), "migration"),
                        rule: stryMutAct_9fa48("1949") ? {} : (stryCov_9fa48("1949"), {
                          id: hit.id,
                          message: hit.message
                        }),
                        removesOldConstruct: stryMutAct_9fa48("1950") ? false : (stryCov_9fa48("1950"), true)
                      }) : (stryMutAct_9fa48("1953") ? marker && guarded : stryMutAct_9fa48("1952") ? false : stryMutAct_9fa48("1951") ? true : (stryCov_9fa48("1951", "1952", "1953"), marker || guarded)) ? MIGRATION : OTHER;
                    }
                  });
                  const anyOldHit = stryMutAct_9fa48("1954") ? oldHits.every(hit => hit) : (stryCov_9fa48("1954"), oldHits.some(stryMutAct_9fa48("1955") ? () => undefined : (stryCov_9fa48("1955"), hit => hit)));
                  adds.forEach((a, k) => {
                    if (stryMutAct_9fa48("1956")) {
                      {}
                    } else {
                      stryCov_9fa48("1956");
                      const hit = judge(a);
                      if (stryMutAct_9fa48("1959") ? hit || !guarded || hit.syntax : stryMutAct_9fa48("1958") ? false : stryMutAct_9fa48("1957") ? true : (stryCov_9fa48("1957", "1958", "1959"), hit && (stryMutAct_9fa48("1961") ? !guarded && hit.syntax : stryMutAct_9fa48("1960") ? true : (stryCov_9fa48("1960", "1961"), (stryMutAct_9fa48("1962") ? guarded : (stryCov_9fa48("1962"), !guarded)) || hit.syntax)))) {
                        if (stryMutAct_9fa48("1963")) {
                          {}
                        } else {
                          stryCov_9fa48("1963");
                          out[a] = stryMutAct_9fa48("1964") ? {} : (stryCov_9fa48("1964"), {
                            lineClass: stryMutAct_9fa48("1965") ? "" : (stryCov_9fa48("1965"), "regression"),
                            rule: stryMutAct_9fa48("1966") ? {} : (stryCov_9fa48("1966"), {
                              id: hit.id,
                              message: hit.message
                            })
                          });
                          return;
                        }
                      }
                      if (stryMutAct_9fa48("1969") ? (marker || guarded) && hit : stryMutAct_9fa48("1968") ? false : stryMutAct_9fa48("1967") ? true : (stryCov_9fa48("1967", "1968", "1969"), (stryMutAct_9fa48("1971") ? marker && guarded : stryMutAct_9fa48("1970") ? false : (stryCov_9fa48("1970", "1971"), marker || guarded)) || hit)) {
                        if (stryMutAct_9fa48("1972")) {
                          {}
                        } else {
                          stryCov_9fa48("1972");
                          out[a] = MIGRATION;
                          return;
                        }
                      }
                      // A Python 3 idiom written in place of the line it replaces (`list(d.keys())` for `d.keys()`) is the
                      // mechanical edit 2to3 makes: migration work, though either line alone is ordinary code.
                      // An addition beyond the removals it pairs with is held against all of them, where they took old constructs away.
                      const replaced = (stryMutAct_9fa48("1976") ? k >= dels.length : stryMutAct_9fa48("1975") ? k <= dels.length : stryMutAct_9fa48("1974") ? false : stryMutAct_9fa48("1973") ? true : (stryCov_9fa48("1973", "1974", "1975", "1976"), k < dels.length)) ? stryMutAct_9fa48("1977") ? [] : (stryCov_9fa48("1977"), [code[h][dels[k]]]) : anyOldHit ? dels.map(stryMutAct_9fa48("1978") ? () => undefined : (stryCov_9fa48("1978"), d => code[h][d])) : stryMutAct_9fa48("1979") ? ["Stryker was here"] : (stryCov_9fa48("1979"), []);
                      out[a] = (stryMutAct_9fa48("1982") ? replaced.length > 0 || python3IdiomIn(code[h][a], ...replaced) : stryMutAct_9fa48("1981") ? false : stryMutAct_9fa48("1980") ? true : (stryCov_9fa48("1980", "1981", "1982"), (stryMutAct_9fa48("1985") ? replaced.length <= 0 : stryMutAct_9fa48("1984") ? replaced.length >= 0 : stryMutAct_9fa48("1983") ? true : (stryCov_9fa48("1983", "1984", "1985"), replaced.length > 0)) && python3IdiomIn(code[h][a], ...replaced))) ? MIGRATION : OTHER;
                    }
                  });
                }
              }
              return out;
            }
          });
          servingLines(hunks, blocks, code, verdicts);
          return verdicts;
        }
      }
    });
  }
}