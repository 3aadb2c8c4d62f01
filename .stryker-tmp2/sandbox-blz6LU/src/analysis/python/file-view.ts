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
import type { Hunk } from "../changed-file.js";
import { guardedLines } from "./guards.js";
import { compatibilityMarkerIn, exceptNamesIn, importedRenamedModules, namesDefinedIn } from "./constructs.js";
import type { RuleContext } from "./rules.js";
import { stripHunkSide, stripLines, type CodeLine } from "./source.js";

/**
 * One version of a Python file as the rules read it: each line reduced to code (strings and comments gone), which
 * lines stand in a Python 2 guard, the names the file defines, and its `__future__` imports. From the whole file when
 * it is known, else from the lines a hunk shows (where a guard or a docstring further up is out of sight).
 */
export interface PythonView {
  lines: readonly string[];
  code: readonly CodeLine[];
  guarded: readonly boolean[];
  /** Names the file defines or imports itself (computed on first use: only name rules need it). */
  names: () => ReadonlySet<string>;
  /** What the rules know of the file: its `__future__` imports, caught exceptions' names, whether it runs on Python 2. */
  context: RuleContext;
  /** Whether line i stands inside a function, and the methods of its class, where the file is in view. */
  inFunction?: (i: number) => boolean;
  classMethods?: (i: number) => ReadonlySet<string> | undefined;
}

/** `__future__` features that only Python 3 knows: importing them says nothing about Python 2. */
const PYTHON3_FUTURES = new Set(stryMutAct_9fa48("1386") ? [] : (stryCov_9fa48("1386"), [stryMutAct_9fa48("1387") ? "" : (stryCov_9fa48("1387"), "annotations"), stryMutAct_9fa48("1388") ? "" : (stryCov_9fa48("1388"), "generator_stop"), stryMutAct_9fa48("1389") ? "" : (stryCov_9fa48("1389"), "barry_as_FLUFL")]));
const FUTURE = stryMutAct_9fa48("1404") ? /^\s*from\s+__future__\s+import\s+\(?([\w\s,]+)\)/ : stryMutAct_9fa48("1403") ? /^\s*from\s+__future__\s+import\s+\(?([\w\S,]+)\)?/ : stryMutAct_9fa48("1402") ? /^\s*from\s+__future__\s+import\s+\(?([\W\s,]+)\)?/ : stryMutAct_9fa48("1401") ? /^\s*from\s+__future__\s+import\s+\(?([^\w\s,]+)\)?/ : stryMutAct_9fa48("1400") ? /^\s*from\s+__future__\s+import\s+\(?([\w\s,])\)?/ : stryMutAct_9fa48("1399") ? /^\s*from\s+__future__\s+import\s+\(([\w\s,]+)\)?/ : stryMutAct_9fa48("1398") ? /^\s*from\s+__future__\s+import\S+\(?([\w\s,]+)\)?/ : stryMutAct_9fa48("1397") ? /^\s*from\s+__future__\s+import\s\(?([\w\s,]+)\)?/ : stryMutAct_9fa48("1396") ? /^\s*from\s+__future__\S+import\s+\(?([\w\s,]+)\)?/ : stryMutAct_9fa48("1395") ? /^\s*from\s+__future__\simport\s+\(?([\w\s,]+)\)?/ : stryMutAct_9fa48("1394") ? /^\s*from\S+__future__\s+import\s+\(?([\w\s,]+)\)?/ : stryMutAct_9fa48("1393") ? /^\s*from\s__future__\s+import\s+\(?([\w\s,]+)\)?/ : stryMutAct_9fa48("1392") ? /^\S*from\s+__future__\s+import\s+\(?([\w\s,]+)\)?/ : stryMutAct_9fa48("1391") ? /^\sfrom\s+__future__\s+import\s+\(?([\w\s,]+)\)?/ : stryMutAct_9fa48("1390") ? /\s*from\s+__future__\s+import\s+\(?([\w\s,]+)\)?/ : (stryCov_9fa48("1390", "1391", "1392", "1393", "1394", "1395", "1396", "1397", "1398", "1399", "1400", "1401", "1402", "1403", "1404"), /^\s*from\s+__future__\s+import\s+\(?([\w\s,]+)\)?/);
function futureFeatures(code: readonly CodeLine[]): Set<string> {
  if (stryMutAct_9fa48("1405")) {
    {}
  } else {
    stryCov_9fa48("1405");
    const features = new Set<string>();
    for (const line of code) {
      if (stryMutAct_9fa48("1406")) {
        {}
      } else {
        stryCov_9fa48("1406");
        if (stryMutAct_9fa48("1409") ? line.startedInString && !line.code.includes("__future__") : stryMutAct_9fa48("1408") ? false : stryMutAct_9fa48("1407") ? true : (stryCov_9fa48("1407", "1408", "1409"), line.startedInString || (stryMutAct_9fa48("1410") ? line.code.includes("__future__") : (stryCov_9fa48("1410"), !line.code.includes(stryMutAct_9fa48("1411") ? "" : (stryCov_9fa48("1411"), "__future__")))))) continue;
        const m = FUTURE.exec(line.code);
        if (stryMutAct_9fa48("1413") ? false : stryMutAct_9fa48("1412") ? true : (stryCov_9fa48("1412", "1413"), m)) for (const name of m[1].split(stryMutAct_9fa48("1414") ? "" : (stryCov_9fa48("1414"), ","))) features.add(stryMutAct_9fa48("1415") ? name.split(/\s+/)[0] : (stryCov_9fa48("1415"), name.trim().split(stryMutAct_9fa48("1417") ? /\S+/ : stryMutAct_9fa48("1416") ? /\s/ : (stryCov_9fa48("1416", "1417"), /\s+/))[0]));
      }
    }
    return features;
  }
}
function view(lines: readonly string[], code: CodeLine[], topInView: boolean): PythonView {
  if (stryMutAct_9fa48("1418")) {
    {}
  } else {
    stryCov_9fa48("1418");
    let names: Set<string> | undefined;
    const future = topInView ? futureFeatures(code) : undefined;
    const codeText = code.map(stryMutAct_9fa48("1419") ? () => undefined : (stryCov_9fa48("1419"), line => line.code));
    // six and python-future are written only for code that runs on Python 2 too (`builtins` is Python 3's own module).
    const runsOnPython2 = stryMutAct_9fa48("1422") ? [...(future ?? [])].some(f => !PYTHON3_FUTURES.has(f)) && codeText.some(c => c.includes("six") && compatibilityMarkerIn(c) === "six" || (c.includes("past") || c.includes("future")) && /^\s*(?:from|import)\s+(?:past|future)\b/.test(c)) : stryMutAct_9fa48("1421") ? false : stryMutAct_9fa48("1420") ? true : (stryCov_9fa48("1420", "1421", "1422"), (stryMutAct_9fa48("1423") ? [...(future ?? [])].every(f => !PYTHON3_FUTURES.has(f)) : (stryCov_9fa48("1423"), (stryMutAct_9fa48("1424") ? [] : (stryCov_9fa48("1424"), [...(stryMutAct_9fa48("1425") ? future && [] : (stryCov_9fa48("1425"), future ?? (stryMutAct_9fa48("1426") ? ["Stryker was here"] : (stryCov_9fa48("1426"), []))))])).some(stryMutAct_9fa48("1427") ? () => undefined : (stryCov_9fa48("1427"), f => stryMutAct_9fa48("1428") ? PYTHON3_FUTURES.has(f) : (stryCov_9fa48("1428"), !PYTHON3_FUTURES.has(f)))))) || (stryMutAct_9fa48("1429") ? codeText.every(c => c.includes("six") && compatibilityMarkerIn(c) === "six" || (c.includes("past") || c.includes("future")) && /^\s*(?:from|import)\s+(?:past|future)\b/.test(c)) : (stryCov_9fa48("1429"), codeText.some(stryMutAct_9fa48("1430") ? () => undefined : (stryCov_9fa48("1430"), c => stryMutAct_9fa48("1433") ? c.includes("six") && compatibilityMarkerIn(c) === "six" && (c.includes("past") || c.includes("future")) && /^\s*(?:from|import)\s+(?:past|future)\b/.test(c) : stryMutAct_9fa48("1432") ? false : stryMutAct_9fa48("1431") ? true : (stryCov_9fa48("1431", "1432", "1433"), (stryMutAct_9fa48("1435") ? c.includes("six") || compatibilityMarkerIn(c) === "six" : stryMutAct_9fa48("1434") ? false : (stryCov_9fa48("1434", "1435"), c.includes(stryMutAct_9fa48("1436") ? "" : (stryCov_9fa48("1436"), "six")) && (stryMutAct_9fa48("1438") ? compatibilityMarkerIn(c) !== "six" : stryMutAct_9fa48("1437") ? true : (stryCov_9fa48("1437", "1438"), compatibilityMarkerIn(c) === (stryMutAct_9fa48("1439") ? "" : (stryCov_9fa48("1439"), "six")))))) || (stryMutAct_9fa48("1441") ? c.includes("past") || c.includes("future") || /^\s*(?:from|import)\s+(?:past|future)\b/.test(c) : stryMutAct_9fa48("1440") ? false : (stryCov_9fa48("1440", "1441"), (stryMutAct_9fa48("1443") ? c.includes("past") && c.includes("future") : stryMutAct_9fa48("1442") ? true : (stryCov_9fa48("1442", "1443"), c.includes(stryMutAct_9fa48("1444") ? "" : (stryCov_9fa48("1444"), "past")) || c.includes(stryMutAct_9fa48("1445") ? "" : (stryCov_9fa48("1445"), "future")))) && (stryMutAct_9fa48("1450") ? /^\s*(?:from|import)\S+(?:past|future)\b/ : stryMutAct_9fa48("1449") ? /^\s*(?:from|import)\s(?:past|future)\b/ : stryMutAct_9fa48("1448") ? /^\S*(?:from|import)\s+(?:past|future)\b/ : stryMutAct_9fa48("1447") ? /^\s(?:from|import)\s+(?:past|future)\b/ : stryMutAct_9fa48("1446") ? /\s*(?:from|import)\s+(?:past|future)\b/ : (stryCov_9fa48("1446", "1447", "1448", "1449", "1450"), /^\s*(?:from|import)\s+(?:past|future)\b/)).test(c)))))))));
    const methods = new Set<string>();
    for (const c of codeText) {
      if (stryMutAct_9fa48("1451")) {
        {}
      } else {
        stryCov_9fa48("1451");
        if (stryMutAct_9fa48("1454") ? false : stryMutAct_9fa48("1453") ? true : stryMutAct_9fa48("1452") ? c.includes("def") : (stryCov_9fa48("1452", "1453", "1454"), !c.includes(stryMutAct_9fa48("1455") ? "" : (stryCov_9fa48("1455"), "def")))) continue;
        const m = (stryMutAct_9fa48("1465") ? /^\s*(?:async\s+)?def\s+(\W+)/ : stryMutAct_9fa48("1464") ? /^\s*(?:async\s+)?def\s+(\w)/ : stryMutAct_9fa48("1463") ? /^\s*(?:async\s+)?def\S+(\w+)/ : stryMutAct_9fa48("1462") ? /^\s*(?:async\s+)?def\s(\w+)/ : stryMutAct_9fa48("1461") ? /^\s*(?:async\S+)?def\s+(\w+)/ : stryMutAct_9fa48("1460") ? /^\s*(?:async\s)?def\s+(\w+)/ : stryMutAct_9fa48("1459") ? /^\s*(?:async\s+)def\s+(\w+)/ : stryMutAct_9fa48("1458") ? /^\S*(?:async\s+)?def\s+(\w+)/ : stryMutAct_9fa48("1457") ? /^\s(?:async\s+)?def\s+(\w+)/ : stryMutAct_9fa48("1456") ? /\s*(?:async\s+)?def\s+(\w+)/ : (stryCov_9fa48("1456", "1457", "1458", "1459", "1460", "1461", "1462", "1463", "1464", "1465"), /^\s*(?:async\s+)?def\s+(\w+)/)).exec(c);
        if (stryMutAct_9fa48("1467") ? false : stryMutAct_9fa48("1466") ? true : (stryCov_9fa48("1466", "1467"), m)) methods.add(m[1]);
      }
    }
    let blocks: Blocks | undefined;
    return stryMutAct_9fa48("1468") ? {} : (stryCov_9fa48("1468"), {
      lines,
      code,
      guarded: guardedLines(lines, code),
      names: stryMutAct_9fa48("1469") ? () => undefined : (stryCov_9fa48("1469"), () => stryMutAct_9fa48("1470") ? names &&= namesDefinedIn(lines) : (stryCov_9fa48("1470"), names ??= namesDefinedIn(lines))),
      context: stryMutAct_9fa48("1471") ? {} : (stryCov_9fa48("1471"), {
        future,
        exceptNames: exceptNamesIn(codeText),
        importedModules: importedRenamedModules(codeText),
        runsOnPython2,
        methods
      }),
      inFunction: topInView ? stryMutAct_9fa48("1472") ? () => undefined : (stryCov_9fa48("1472"), i => stryMutAct_9fa48("1473") ? (blocks ??= enclosingBlocks(code)).inFunction[i] && false : (stryCov_9fa48("1473"), (stryMutAct_9fa48("1474") ? blocks &&= enclosingBlocks(code) : (stryCov_9fa48("1474"), blocks ??= enclosingBlocks(code))).inFunction[i] ?? (stryMutAct_9fa48("1475") ? true : (stryCov_9fa48("1475"), false)))) : undefined,
      classMethods: topInView ? stryMutAct_9fa48("1476") ? () => undefined : (stryCov_9fa48("1476"), i => (stryMutAct_9fa48("1477") ? blocks &&= enclosingBlocks(code) : (stryCov_9fa48("1477"), blocks ??= enclosingBlocks(code))).classMethods[i]) : undefined
    });
  }
}

/** A pseudo-method: the class's __iter__ returns self. */
export const ITER_RETURNS_SELF = stryMutAct_9fa48("1478") ? "" : (stryCov_9fa48("1478"), "__iter__ returns self");
interface Blocks {
  inFunction: boolean[];
  classMethods: Array<Set<string> | undefined>;
}

/** For each line, whether a `def` encloses it, and the methods of the nearest enclosing class (by indentation, as Python reads blocks). */
function enclosingBlocks(code: readonly CodeLine[]): Blocks {
  if (stryMutAct_9fa48("1479")) {
    {}
  } else {
    stryCov_9fa48("1479");
    const stack: Array<{
      indent: number;
      def: boolean;
      methods?: Set<string>;
    }> = stryMutAct_9fa48("1480") ? ["Stryker was here"] : (stryCov_9fa48("1480"), []);
    const inFunction: boolean[] = stryMutAct_9fa48("1481") ? ["Stryker was here"] : (stryCov_9fa48("1481"), []);
    const classMethods: Array<Set<string> | undefined> = stryMutAct_9fa48("1482") ? ["Stryker was here"] : (stryCov_9fa48("1482"), []);
    const innermostClass = stryMutAct_9fa48("1483") ? () => undefined : (stryCov_9fa48("1483"), (() => {
      const innermostClass = () => stryMutAct_9fa48("1485") ? [...stack].find(f => f.methods)?.methods : stryMutAct_9fa48("1484") ? [...stack].reverse().find(f => f.methods).methods : (stryCov_9fa48("1484", "1485"), (stryMutAct_9fa48("1486") ? [] : (stryCov_9fa48("1486"), [...stack])).reverse().find(stryMutAct_9fa48("1487") ? () => undefined : (stryCov_9fa48("1487"), f => f.methods))?.methods);
      return innermostClass;
    })());
    let iterOf: Set<string> | undefined; // the class whose __iter__ was just opened
    for (const line of code) {
      if (stryMutAct_9fa48("1488")) {
        {}
      } else {
        stryCov_9fa48("1488");
        const text = line.code;
        if (stryMutAct_9fa48("1491") ? !line.startedInString || text.trim() : stryMutAct_9fa48("1490") ? false : stryMutAct_9fa48("1489") ? true : (stryCov_9fa48("1489", "1490", "1491"), (stryMutAct_9fa48("1492") ? line.startedInString : (stryCov_9fa48("1492"), !line.startedInString)) && (stryMutAct_9fa48("1493") ? text : (stryCov_9fa48("1493"), text.trim())))) {
          if (stryMutAct_9fa48("1494")) {
            {}
          } else {
            stryCov_9fa48("1494");
            const indent = stryMutAct_9fa48("1495") ? text.length + text.trimStart().length : (stryCov_9fa48("1495"), text.length - (stryMutAct_9fa48("1496") ? text.trimEnd().length : (stryCov_9fa48("1496"), text.trimStart().length)));
            // `def __iter__(self): return self` makes the class an iterator: its next() is the protocol, not an API.
            if (stryMutAct_9fa48("1499") ? iterOf || /^\s*return\s+self\s*$/.test(text) : stryMutAct_9fa48("1498") ? false : stryMutAct_9fa48("1497") ? true : (stryCov_9fa48("1497", "1498", "1499"), iterOf && (stryMutAct_9fa48("1507") ? /^\s*return\s+self\S*$/ : stryMutAct_9fa48("1506") ? /^\s*return\s+self\s$/ : stryMutAct_9fa48("1505") ? /^\s*return\S+self\s*$/ : stryMutAct_9fa48("1504") ? /^\s*return\sself\s*$/ : stryMutAct_9fa48("1503") ? /^\S*return\s+self\s*$/ : stryMutAct_9fa48("1502") ? /^\sreturn\s+self\s*$/ : stryMutAct_9fa48("1501") ? /^\s*return\s+self\s*/ : stryMutAct_9fa48("1500") ? /\s*return\s+self\s*$/ : (stryCov_9fa48("1500", "1501", "1502", "1503", "1504", "1505", "1506", "1507"), /^\s*return\s+self\s*$/)).test(text))) iterOf.add(ITER_RETURNS_SELF);
            iterOf = undefined;
            while (stryMutAct_9fa48("1509") ? stack.length || stack[stack.length - 1].indent >= indent : stryMutAct_9fa48("1508") ? false : (stryCov_9fa48("1508", "1509"), stack.length && (stryMutAct_9fa48("1512") ? stack[stack.length - 1].indent < indent : stryMutAct_9fa48("1511") ? stack[stack.length - 1].indent > indent : stryMutAct_9fa48("1510") ? true : (stryCov_9fa48("1510", "1511", "1512"), stack[stryMutAct_9fa48("1513") ? stack.length + 1 : (stryCov_9fa48("1513"), stack.length - 1)].indent >= indent)))) stack.pop();
            const def = (stryMutAct_9fa48("1523") ? /^\s*(?:async\s+)?def\s+(\W+)/ : stryMutAct_9fa48("1522") ? /^\s*(?:async\s+)?def\s+(\w)/ : stryMutAct_9fa48("1521") ? /^\s*(?:async\s+)?def\S+(\w+)/ : stryMutAct_9fa48("1520") ? /^\s*(?:async\s+)?def\s(\w+)/ : stryMutAct_9fa48("1519") ? /^\s*(?:async\S+)?def\s+(\w+)/ : stryMutAct_9fa48("1518") ? /^\s*(?:async\s)?def\s+(\w+)/ : stryMutAct_9fa48("1517") ? /^\s*(?:async\s+)def\s+(\w+)/ : stryMutAct_9fa48("1516") ? /^\S*(?:async\s+)?def\s+(\w+)/ : stryMutAct_9fa48("1515") ? /^\s(?:async\s+)?def\s+(\w+)/ : stryMutAct_9fa48("1514") ? /\s*(?:async\s+)?def\s+(\w+)/ : (stryCov_9fa48("1514", "1515", "1516", "1517", "1518", "1519", "1520", "1521", "1522", "1523"), /^\s*(?:async\s+)?def\s+(\w+)/)).exec(text);
            const top = stack[stryMutAct_9fa48("1524") ? stack.length + 1 : (stryCov_9fa48("1524"), stack.length - 1)];
            if (stryMutAct_9fa48("1527") ? def || top?.methods : stryMutAct_9fa48("1526") ? false : stryMutAct_9fa48("1525") ? true : (stryCov_9fa48("1525", "1526", "1527"), def && (stryMutAct_9fa48("1528") ? top.methods : (stryCov_9fa48("1528"), top?.methods)))) {
              if (stryMutAct_9fa48("1529")) {
                {}
              } else {
                stryCov_9fa48("1529");
                top.methods.add(def[1]);
                if (stryMutAct_9fa48("1532") ? def[1] !== "__iter__" : stryMutAct_9fa48("1531") ? false : stryMutAct_9fa48("1530") ? true : (stryCov_9fa48("1530", "1531", "1532"), def[1] === (stryMutAct_9fa48("1533") ? "" : (stryCov_9fa48("1533"), "__iter__")))) {
                  if (stryMutAct_9fa48("1534")) {
                    {}
                  } else {
                    stryCov_9fa48("1534");
                    if (stryMutAct_9fa48("1536") ? false : stryMutAct_9fa48("1535") ? true : (stryCov_9fa48("1535", "1536"), (stryMutAct_9fa48("1543") ? /:\s*return\s+self\S*$/ : stryMutAct_9fa48("1542") ? /:\s*return\s+self\s$/ : stryMutAct_9fa48("1541") ? /:\s*return\S+self\s*$/ : stryMutAct_9fa48("1540") ? /:\s*return\sself\s*$/ : stryMutAct_9fa48("1539") ? /:\S*return\s+self\s*$/ : stryMutAct_9fa48("1538") ? /:\sreturn\s+self\s*$/ : stryMutAct_9fa48("1537") ? /:\s*return\s+self\s*/ : (stryCov_9fa48("1537", "1538", "1539", "1540", "1541", "1542", "1543"), /:\s*return\s+self\s*$/)).test(text))) top.methods.add(ITER_RETURNS_SELF);else iterOf = top.methods;
                  }
                }
              }
            }
            inFunction.push(stryMutAct_9fa48("1544") ? stack.every(f => f.def) : (stryCov_9fa48("1544"), stack.some(stryMutAct_9fa48("1545") ? () => undefined : (stryCov_9fa48("1545"), f => f.def))));
            classMethods.push(innermostClass());
            if (stryMutAct_9fa48("1547") ? false : stryMutAct_9fa48("1546") ? true : (stryCov_9fa48("1546", "1547"), (stryMutAct_9fa48("1550") ? /:\S*$/ : stryMutAct_9fa48("1549") ? /:\s$/ : stryMutAct_9fa48("1548") ? /:\s*/ : (stryCov_9fa48("1548", "1549", "1550"), /:\s*$/)).test(text))) stack.push(stryMutAct_9fa48("1551") ? {} : (stryCov_9fa48("1551"), {
              indent,
              def: stryMutAct_9fa48("1554") ? def === null : stryMutAct_9fa48("1553") ? false : stryMutAct_9fa48("1552") ? true : (stryCov_9fa48("1552", "1553", "1554"), def !== null),
              ...((stryMutAct_9fa48("1557") ? /^\S*class\b/ : stryMutAct_9fa48("1556") ? /^\sclass\b/ : stryMutAct_9fa48("1555") ? /\s*class\b/ : (stryCov_9fa48("1555", "1556", "1557"), /^\s*class\b/)).test(text) ? stryMutAct_9fa48("1558") ? {} : (stryCov_9fa48("1558"), {
                methods: new Set<string>()
              }) : {})
            }));
          }
        } else {
          if (stryMutAct_9fa48("1559")) {
            {}
          } else {
            stryCov_9fa48("1559");
            inFunction.push(stryMutAct_9fa48("1560") ? stack.every(f => f.def) : (stryCov_9fa48("1560"), stack.some(stryMutAct_9fa48("1561") ? () => undefined : (stryCov_9fa48("1561"), f => f.def))));
            classMethods.push(innermostClass());
          }
        }
      }
    }
    return stryMutAct_9fa48("1562") ? {} : (stryCov_9fa48("1562"), {
      inFunction,
      classMethods
    });
  }
}
export const splitLines = stryMutAct_9fa48("1563") ? () => undefined : (stryCov_9fa48("1563"), (() => {
  const splitLines = (text: string): string[] => text.split(stryMutAct_9fa48("1564") ? /\r\n/ : (stryCov_9fa48("1564"), /\r?\n/));
  return splitLines;
})());

/** The whole file: line i of the view is line i + 1 of the file. */
export function viewOfFile(lines: readonly string[]): PythonView {
  if (stryMutAct_9fa48("1565")) {
    {}
  } else {
    stryCov_9fa48("1565");
    return view(lines, stripLines(lines), stryMutAct_9fa48("1566") ? false : (stryCov_9fa48("1566"), true));
  }
}

/** The lines one side of a hunk shows, without the rest of the file. */
export function viewOfHunkSide(lines: readonly string[], startsAtTopOfFile: boolean, wholeFile: boolean): PythonView {
  if (stryMutAct_9fa48("1567")) {
    {}
  } else {
    stryCov_9fa48("1567");
    return view(lines, stripHunkSide(lines, startsAtTopOfFile), wholeFile);
  }
}

/** Does the file's text agree with every line the hunks show on that side? If not, the hunks are the truth. */
export function agreesWithHunks(lines: readonly string[], hunks: readonly Hunk[], side: "old" | "new"): boolean {
  if (stryMutAct_9fa48("1568")) {
    {}
  } else {
    stryCov_9fa48("1568");
    for (const hunk of hunks) {
      if (stryMutAct_9fa48("1569")) {
        {}
      } else {
        stryCov_9fa48("1569");
        for (const change of hunk.changes) {
          if (stryMutAct_9fa48("1570")) {
            {}
          } else {
            stryCov_9fa48("1570");
            const ln = (stryMutAct_9fa48("1573") ? change.type !== "normal" : stryMutAct_9fa48("1572") ? false : stryMutAct_9fa48("1571") ? true : (stryCov_9fa48("1571", "1572", "1573"), change.type === (stryMutAct_9fa48("1574") ? "" : (stryCov_9fa48("1574"), "normal")))) ? (stryMutAct_9fa48("1577") ? side !== "new" : stryMutAct_9fa48("1576") ? false : stryMutAct_9fa48("1575") ? true : (stryCov_9fa48("1575", "1576", "1577"), side === (stryMutAct_9fa48("1578") ? "" : (stryCov_9fa48("1578"), "new")))) ? change.ln2 : change.ln1 : (stryMutAct_9fa48("1581") ? change.type !== (side === "new" ? "add" : "del") : stryMutAct_9fa48("1580") ? false : stryMutAct_9fa48("1579") ? true : (stryCov_9fa48("1579", "1580", "1581"), change.type === ((stryMutAct_9fa48("1584") ? side !== "new" : stryMutAct_9fa48("1583") ? false : stryMutAct_9fa48("1582") ? true : (stryCov_9fa48("1582", "1583", "1584"), side === (stryMutAct_9fa48("1585") ? "" : (stryCov_9fa48("1585"), "new")))) ? stryMutAct_9fa48("1586") ? "" : (stryCov_9fa48("1586"), "add") : stryMutAct_9fa48("1587") ? "" : (stryCov_9fa48("1587"), "del")))) ? change.ln : undefined;
            if (stryMutAct_9fa48("1590") ? ln !== undefined : stryMutAct_9fa48("1589") ? false : stryMutAct_9fa48("1588") ? true : (stryCov_9fa48("1588", "1589", "1590"), ln === undefined)) continue;
            const line = lines[stryMutAct_9fa48("1591") ? ln + 1 : (stryCov_9fa48("1591"), ln - 1)];
            if (stryMutAct_9fa48("1594") ? line === undefined && line.replace(/\r$/, "") !== change.content.slice(1).replace(/\r$/, "") : stryMutAct_9fa48("1593") ? false : stryMutAct_9fa48("1592") ? true : (stryCov_9fa48("1592", "1593", "1594"), (stryMutAct_9fa48("1596") ? line !== undefined : stryMutAct_9fa48("1595") ? false : (stryCov_9fa48("1595", "1596"), line === undefined)) || (stryMutAct_9fa48("1598") ? line.replace(/\r$/, "") === change.content.slice(1).replace(/\r$/, "") : stryMutAct_9fa48("1597") ? false : (stryCov_9fa48("1597", "1598"), line.replace(stryMutAct_9fa48("1599") ? /\r/ : (stryCov_9fa48("1599"), /\r$/), stryMutAct_9fa48("1600") ? "Stryker was here!" : (stryCov_9fa48("1600"), "")) !== (stryMutAct_9fa48("1601") ? change.content.replace(/\r$/, "") : (stryCov_9fa48("1601"), change.content.slice(1).replace(stryMutAct_9fa48("1602") ? /\r/ : (stryCov_9fa48("1602"), /\r$/), stryMutAct_9fa48("1603") ? "Stryker was here!" : (stryCov_9fa48("1603"), "")))))))) return stryMutAct_9fa48("1604") ? true : (stryCov_9fa48("1604"), false);
          }
        }
      }
    }
    return stryMutAct_9fa48("1605") ? false : (stryCov_9fa48("1605"), true);
  }
}