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
import type { CodeLine } from "./source.js";

/**
 * Which lines stand in code guarded for Python 2: the branches of a version check (`if PY2:`, `if six.PY2:`,
 * `if sys.version_info[0] == 2:` and their else/elif), and both sides of an import fallback
 * (`try: import cPickle` / `except ImportError: import pickle`). Judged from the hunk's own lines, by indentation.
 */
const VERSION_CONDITION = stryMutAct_9fa48("1612") ? /^\s*(?:if|elif)\b.*(?:\bPY2\b|\bPY3\b|\bPY\d\d\b|sys\.version_info|sys\.version\b|six\.PY[^23]|python_version)/ : stryMutAct_9fa48("1611") ? /^\s*(?:if|elif)\b.*(?:\bPY2\b|\bPY3\b|\bPY\d\D\b|sys\.version_info|sys\.version\b|six\.PY[23]|python_version)/ : stryMutAct_9fa48("1610") ? /^\s*(?:if|elif)\b.*(?:\bPY2\b|\bPY3\b|\bPY\D\d\b|sys\.version_info|sys\.version\b|six\.PY[23]|python_version)/ : stryMutAct_9fa48("1609") ? /^\s*(?:if|elif)\b.(?:\bPY2\b|\bPY3\b|\bPY\d\d\b|sys\.version_info|sys\.version\b|six\.PY[23]|python_version)/ : stryMutAct_9fa48("1608") ? /^\S*(?:if|elif)\b.*(?:\bPY2\b|\bPY3\b|\bPY\d\d\b|sys\.version_info|sys\.version\b|six\.PY[23]|python_version)/ : stryMutAct_9fa48("1607") ? /^\s(?:if|elif)\b.*(?:\bPY2\b|\bPY3\b|\bPY\d\d\b|sys\.version_info|sys\.version\b|six\.PY[23]|python_version)/ : stryMutAct_9fa48("1606") ? /\s*(?:if|elif)\b.*(?:\bPY2\b|\bPY3\b|\bPY\d\d\b|sys\.version_info|sys\.version\b|six\.PY[23]|python_version)/ : (stryCov_9fa48("1606", "1607", "1608", "1609", "1610", "1611", "1612"), /^\s*(?:if|elif)\b.*(?:\bPY2\b|\bPY3\b|\bPY\d\d\b|sys\.version_info|sys\.version\b|six\.PY[23]|python_version)/);
const FALLBACK_EXCEPT = stryMutAct_9fa48("1620") ? /^\s*except\s+\(?\S*(?:ImportError|NameError|ModuleNotFoundError|AttributeError)\b/ : stryMutAct_9fa48("1619") ? /^\s*except\s+\(?\s(?:ImportError|NameError|ModuleNotFoundError|AttributeError)\b/ : stryMutAct_9fa48("1618") ? /^\s*except\s+\(\s*(?:ImportError|NameError|ModuleNotFoundError|AttributeError)\b/ : stryMutAct_9fa48("1617") ? /^\s*except\S+\(?\s*(?:ImportError|NameError|ModuleNotFoundError|AttributeError)\b/ : stryMutAct_9fa48("1616") ? /^\s*except\s\(?\s*(?:ImportError|NameError|ModuleNotFoundError|AttributeError)\b/ : stryMutAct_9fa48("1615") ? /^\S*except\s+\(?\s*(?:ImportError|NameError|ModuleNotFoundError|AttributeError)\b/ : stryMutAct_9fa48("1614") ? /^\sexcept\s+\(?\s*(?:ImportError|NameError|ModuleNotFoundError|AttributeError)\b/ : stryMutAct_9fa48("1613") ? /\s*except\s+\(?\s*(?:ImportError|NameError|ModuleNotFoundError|AttributeError)\b/ : (stryCov_9fa48("1613", "1614", "1615", "1616", "1617", "1618", "1619", "1620"), /^\s*except\s+\(?\s*(?:ImportError|NameError|ModuleNotFoundError|AttributeError)\b/);
const TRY = stryMutAct_9fa48("1625") ? /^\s*try\S*:/ : stryMutAct_9fa48("1624") ? /^\s*try\s:/ : stryMutAct_9fa48("1623") ? /^\S*try\s*:/ : stryMutAct_9fa48("1622") ? /^\stry\s*:/ : stryMutAct_9fa48("1621") ? /\s*try\s*:/ : (stryCov_9fa48("1621", "1622", "1623", "1624", "1625"), /^\s*try\s*:/);
const CONTINUATION = stryMutAct_9fa48("1628") ? /^\S*(?:else|elif|except|finally)\b/ : stryMutAct_9fa48("1627") ? /^\s(?:else|elif|except|finally)\b/ : stryMutAct_9fa48("1626") ? /\s*(?:else|elif|except|finally)\b/ : (stryCov_9fa48("1626", "1627", "1628"), /^\s*(?:else|elif|except|finally)\b/);
interface Frame {
  indent: number;
  guarded: boolean;
}
const indentOf = stryMutAct_9fa48("1629") ? () => undefined : (stryCov_9fa48("1629"), (() => {
  const indentOf = (raw: string) => stryMutAct_9fa48("1630") ? raw.length + raw.trimStart().length : (stryCov_9fa48("1630"), raw.length - (stryMutAct_9fa48("1631") ? raw.trimEnd().length : (stryCov_9fa48("1631"), raw.trimStart().length)));
  return indentOf;
})());

/** For each `try:` line, whether one of its handlers is an import fallback. */
function fallbackTries(raw: readonly string[], code: readonly CodeLine[]): Set<number> {
  if (stryMutAct_9fa48("1632")) {
    {}
  } else {
    stryCov_9fa48("1632");
    const result = new Set<number>();
    code.forEach((line, i) => {
      if (stryMutAct_9fa48("1633")) {
        {}
      } else {
        stryCov_9fa48("1633");
        if (stryMutAct_9fa48("1636") ? line.startedInString && !TRY.test(line.code) : stryMutAct_9fa48("1635") ? false : stryMutAct_9fa48("1634") ? true : (stryCov_9fa48("1634", "1635", "1636"), line.startedInString || (stryMutAct_9fa48("1637") ? TRY.test(line.code) : (stryCov_9fa48("1637"), !TRY.test(line.code))))) return;
        const indent = indentOf(raw[i]);
        for (let j = stryMutAct_9fa48("1638") ? i - 1 : (stryCov_9fa48("1638"), i + 1); stryMutAct_9fa48("1641") ? j >= code.length : stryMutAct_9fa48("1640") ? j <= code.length : stryMutAct_9fa48("1639") ? false : (stryCov_9fa48("1639", "1640", "1641"), j < code.length); stryMutAct_9fa48("1642") ? j-- : (stryCov_9fa48("1642"), j++)) {
          if (stryMutAct_9fa48("1643")) {
            {}
          } else {
            stryCov_9fa48("1643");
            if (stryMutAct_9fa48("1646") ? code[j].startedInString && !code[j].code.trim() : stryMutAct_9fa48("1645") ? false : stryMutAct_9fa48("1644") ? true : (stryCov_9fa48("1644", "1645", "1646"), code[j].startedInString || (stryMutAct_9fa48("1647") ? code[j].code.trim() : (stryCov_9fa48("1647"), !(stryMutAct_9fa48("1648") ? code[j].code : (stryCov_9fa48("1648"), code[j].code.trim())))))) continue;
            const inner = indentOf(raw[j]);
            if (stryMutAct_9fa48("1652") ? inner <= indent : stryMutAct_9fa48("1651") ? inner >= indent : stryMutAct_9fa48("1650") ? false : stryMutAct_9fa48("1649") ? true : (stryCov_9fa48("1649", "1650", "1651", "1652"), inner > indent)) continue;
            if (stryMutAct_9fa48("1655") ? inner < indent && !CONTINUATION.test(code[j].code) : stryMutAct_9fa48("1654") ? false : stryMutAct_9fa48("1653") ? true : (stryCov_9fa48("1653", "1654", "1655"), (stryMutAct_9fa48("1658") ? inner >= indent : stryMutAct_9fa48("1657") ? inner <= indent : stryMutAct_9fa48("1656") ? false : (stryCov_9fa48("1656", "1657", "1658"), inner < indent)) || (stryMutAct_9fa48("1659") ? CONTINUATION.test(code[j].code) : (stryCov_9fa48("1659"), !CONTINUATION.test(code[j].code))))) break;
            if (stryMutAct_9fa48("1661") ? false : stryMutAct_9fa48("1660") ? true : (stryCov_9fa48("1660", "1661"), FALLBACK_EXCEPT.test(code[j].code))) {
              if (stryMutAct_9fa48("1662")) {
                {}
              } else {
                stryCov_9fa48("1662");
                result.add(i);
                break;
              }
            }
          }
        }
      }
    });
    return result;
  }
}

/**
 * A guard starts only at a version check or at an import fallback's `except` (a fallback `try:` has one): a line of
 * neither, found by the words each needs ("PY" or "version"; "Error"), guards nothing, nor does any line after it.
 */
const opensGuard = stryMutAct_9fa48("1663") ? () => undefined : (stryCov_9fa48("1663"), (() => {
  const opensGuard = (line: CodeLine) => stryMutAct_9fa48("1666") ? !line.startedInString || (line.code.includes("PY") || line.code.includes("version")) && VERSION_CONDITION.test(line.code) || line.code.includes("Error") && FALLBACK_EXCEPT.test(line.code) : stryMutAct_9fa48("1665") ? false : stryMutAct_9fa48("1664") ? true : (stryCov_9fa48("1664", "1665", "1666"), (stryMutAct_9fa48("1667") ? line.startedInString : (stryCov_9fa48("1667"), !line.startedInString)) && (stryMutAct_9fa48("1669") ? (line.code.includes("PY") || line.code.includes("version")) && VERSION_CONDITION.test(line.code) && line.code.includes("Error") && FALLBACK_EXCEPT.test(line.code) : stryMutAct_9fa48("1668") ? true : (stryCov_9fa48("1668", "1669"), (stryMutAct_9fa48("1671") ? line.code.includes("PY") || line.code.includes("version") || VERSION_CONDITION.test(line.code) : stryMutAct_9fa48("1670") ? false : (stryCov_9fa48("1670", "1671"), (stryMutAct_9fa48("1673") ? line.code.includes("PY") && line.code.includes("version") : stryMutAct_9fa48("1672") ? true : (stryCov_9fa48("1672", "1673"), line.code.includes(stryMutAct_9fa48("1674") ? "" : (stryCov_9fa48("1674"), "PY")) || line.code.includes(stryMutAct_9fa48("1675") ? "" : (stryCov_9fa48("1675"), "version")))) && VERSION_CONDITION.test(line.code))) || (stryMutAct_9fa48("1677") ? line.code.includes("Error") || FALLBACK_EXCEPT.test(line.code) : stryMutAct_9fa48("1676") ? false : (stryCov_9fa48("1676", "1677"), line.code.includes(stryMutAct_9fa48("1678") ? "" : (stryCov_9fa48("1678"), "Error")) && FALLBACK_EXCEPT.test(line.code))))));
  return opensGuard;
})());
export function guardedLines(raw: readonly string[], code: readonly CodeLine[]): boolean[] {
  if (stryMutAct_9fa48("1679")) {
    {}
  } else {
    stryCov_9fa48("1679");
    if (stryMutAct_9fa48("1682") ? false : stryMutAct_9fa48("1681") ? true : stryMutAct_9fa48("1680") ? code.some(opensGuard) : (stryCov_9fa48("1680", "1681", "1682"), !(stryMutAct_9fa48("1683") ? code.every(opensGuard) : (stryCov_9fa48("1683"), code.some(opensGuard))))) return (stryMutAct_9fa48("1684") ? new Array() : (stryCov_9fa48("1684"), new Array<boolean>(code.length))).fill(stryMutAct_9fa48("1685") ? true : (stryCov_9fa48("1685"), false));
    const tries = fallbackTries(raw, code);
    const stack: Frame[] = stryMutAct_9fa48("1686") ? ["Stryker was here"] : (stryCov_9fa48("1686"), []);
    const guarded: boolean[] = stryMutAct_9fa48("1687") ? ["Stryker was here"] : (stryCov_9fa48("1687"), []);
    let lastGuardedBlock: Frame | undefined; // the compound statement just closed, for its else/elif/except
    code.forEach((line, i) => {
      if (stryMutAct_9fa48("1688")) {
        {}
      } else {
        stryCov_9fa48("1688");
        const text = line.code;
        if (stryMutAct_9fa48("1691") ? line.startedInString && !text.trim() : stryMutAct_9fa48("1690") ? false : stryMutAct_9fa48("1689") ? true : (stryCov_9fa48("1689", "1690", "1691"), line.startedInString || (stryMutAct_9fa48("1692") ? text.trim() : (stryCov_9fa48("1692"), !(stryMutAct_9fa48("1693") ? text : (stryCov_9fa48("1693"), text.trim())))))) {
          if (stryMutAct_9fa48("1694")) {
            {}
          } else {
            stryCov_9fa48("1694");
            guarded.push(stryMutAct_9fa48("1695") ? stack.every(f => f.guarded) : (stryCov_9fa48("1695"), stack.some(stryMutAct_9fa48("1696") ? () => undefined : (stryCov_9fa48("1696"), f => f.guarded))));
            return;
          }
        }
        const indent = indentOf(raw[i]);
        lastGuardedBlock = undefined;
        while (stryMutAct_9fa48("1698") ? stack.length || stack[stack.length - 1].indent >= indent : stryMutAct_9fa48("1697") ? false : (stryCov_9fa48("1697", "1698"), stack.length && (stryMutAct_9fa48("1701") ? stack[stack.length - 1].indent < indent : stryMutAct_9fa48("1700") ? stack[stack.length - 1].indent > indent : stryMutAct_9fa48("1699") ? true : (stryCov_9fa48("1699", "1700", "1701"), stack[stryMutAct_9fa48("1702") ? stack.length + 1 : (stryCov_9fa48("1702"), stack.length - 1)].indent >= indent)))) {
          if (stryMutAct_9fa48("1703")) {
            {}
          } else {
            stryCov_9fa48("1703");
            const frame = stack.pop()!;
            if (stryMutAct_9fa48("1706") ? frame.indent !== indent : stryMutAct_9fa48("1705") ? false : stryMutAct_9fa48("1704") ? true : (stryCov_9fa48("1704", "1705", "1706"), frame.indent === indent)) lastGuardedBlock = frame;
          }
        }
        const outer = stryMutAct_9fa48("1707") ? stack.every(f => f.guarded) : (stryCov_9fa48("1707"), stack.some(stryMutAct_9fa48("1708") ? () => undefined : (stryCov_9fa48("1708"), f => f.guarded)));
        const opens = (stryMutAct_9fa48("1711") ? /:\S*$/ : stryMutAct_9fa48("1710") ? /:\s$/ : stryMutAct_9fa48("1709") ? /:\s*/ : (stryCov_9fa48("1709", "1710", "1711"), /:\s*$/)).test(text);
        let guard = stryMutAct_9fa48("1712") ? true : (stryCov_9fa48("1712"), false);
        if (stryMutAct_9fa48("1715") ? (VERSION_CONDITION.test(text) || tries.has(i) && opens) && FALLBACK_EXCEPT.test(text) : stryMutAct_9fa48("1714") ? false : stryMutAct_9fa48("1713") ? true : (stryCov_9fa48("1713", "1714", "1715"), (stryMutAct_9fa48("1717") ? VERSION_CONDITION.test(text) && tries.has(i) && opens : stryMutAct_9fa48("1716") ? false : (stryCov_9fa48("1716", "1717"), VERSION_CONDITION.test(text) || (stryMutAct_9fa48("1719") ? tries.has(i) || opens : stryMutAct_9fa48("1718") ? false : (stryCov_9fa48("1718", "1719"), tries.has(i) && opens)))) || FALLBACK_EXCEPT.test(text))) guard = stryMutAct_9fa48("1720") ? false : (stryCov_9fa48("1720"), true);else if (stryMutAct_9fa48("1723") ? CONTINUATION.test(text) || lastGuardedBlock?.guarded : stryMutAct_9fa48("1722") ? false : stryMutAct_9fa48("1721") ? true : (stryCov_9fa48("1721", "1722", "1723"), CONTINUATION.test(text) && (stryMutAct_9fa48("1724") ? lastGuardedBlock.guarded : (stryCov_9fa48("1724"), lastGuardedBlock?.guarded)))) guard = stryMutAct_9fa48("1725") ? false : (stryCov_9fa48("1725"), true); // else/elif/except of a guard
        guarded.push(stryMutAct_9fa48("1728") ? outer && guard : stryMutAct_9fa48("1727") ? false : stryMutAct_9fa48("1726") ? true : (stryCov_9fa48("1726", "1727", "1728"), outer || guard));
        if (stryMutAct_9fa48("1730") ? false : stryMutAct_9fa48("1729") ? true : (stryCov_9fa48("1729", "1730"), opens)) stack.push(stryMutAct_9fa48("1731") ? {} : (stryCov_9fa48("1731"), {
          indent,
          guarded: guard
        }));
      }
    });
    return guarded;
  }
}