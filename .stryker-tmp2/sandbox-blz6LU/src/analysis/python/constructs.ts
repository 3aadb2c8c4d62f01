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
import { COMPATIBILITY_MARKERS, EQUIVALENT_NAMES, PYTHON3_IDIOMS } from "./compatibility.js";
import { RENAMED_MODULES, renamedModuleIn } from "./modules.js";
import { MODULE_RULE_ID, OLD_CONSTRUCT_RULES, type PythonRule, type RuleContext } from "./rules.js";
export interface RuleHit {
  id: string;
  message: string;
  /** Python 3 cannot even parse the line: no guard makes it safe. */
  syntax?: boolean;
}

/**
 * Which rules a line can match, found in one pass over its identifiers: each rule names the words it needs
 * (`triggers`); rules with none (punctuation: backticks, `<>`, literals) are gated by one pattern. A line with no
 * trigger, most lines, costs one scan and no rule.
 */
const RULES_BY_WORD = new Map<string, number[]>();
const PUNCTUATION_RULES: number[] = stryMutAct_9fa48("951") ? ["Stryker was here"] : (stryCov_9fa48("951"), []);
const EXCEPT_NAME_RULES: number[] = stryMutAct_9fa48("952") ? ["Stryker was here"] : (stryCov_9fa48("952"), []);
const OPT_IN_RULES: number[] = stryMutAct_9fa48("953") ? ["Stryker was here"] : (stryCov_9fa48("953"), []);
OLD_CONSTRUCT_RULES.forEach((rule, i) => {
  if (stryMutAct_9fa48("954")) {
    {}
  } else {
    stryCov_9fa48("954");
    if (stryMutAct_9fa48("956") ? false : stryMutAct_9fa48("955") ? true : (stryCov_9fa48("955", "956"), rule.exceptName)) EXCEPT_NAME_RULES.push(i);else if (stryMutAct_9fa48("958") ? false : stryMutAct_9fa48("957") ? true : (stryCov_9fa48("957", "958"), rule.optIn)) OPT_IN_RULES.push(i);else if (stryMutAct_9fa48("961") ? rule.triggers.length !== 0 : stryMutAct_9fa48("960") ? false : stryMutAct_9fa48("959") ? true : (stryCov_9fa48("959", "960", "961"), rule.triggers.length === 0)) PUNCTUATION_RULES.push(i);
    for (const word of rule.triggers) {
      if (stryMutAct_9fa48("962")) {
        {}
      } else {
        stryCov_9fa48("962");
        const list = stryMutAct_9fa48("963") ? RULES_BY_WORD.get(word) && [] : (stryCov_9fa48("963"), RULES_BY_WORD.get(word) ?? (stryMutAct_9fa48("964") ? ["Stryker was here"] : (stryCov_9fa48("964"), [])));
        list.push(i);
        RULES_BY_WORD.set(word, list);
      }
    }
  }
});
const MODULE_WORDS = new Set(stryMutAct_9fa48("965") ? [] : (stryCov_9fa48("965"), [stryMutAct_9fa48("966") ? "" : (stryCov_9fa48("966"), "import")]));
const PUNCTUATION_TRIGGER = stryMutAct_9fa48("973") ? /`|<>|\d[lL]\b|(?<![\w.])0[0-7]|[^rR]""/ : stryMutAct_9fa48("972") ? /`|<>|\d[lL]\b|(?<![\w.])0[^0-7]|[rR]""/ : stryMutAct_9fa48("971") ? /`|<>|\d[lL]\b|(?<![\W.])0[0-7]|[rR]""/ : stryMutAct_9fa48("970") ? /`|<>|\d[lL]\b|(?<![^\w.])0[0-7]|[rR]""/ : stryMutAct_9fa48("969") ? /`|<>|\d[lL]\b|(?<=[\w.])0[0-7]|[rR]""/ : stryMutAct_9fa48("968") ? /`|<>|\d[^lL]\b|(?<![\w.])0[0-7]|[rR]""/ : stryMutAct_9fa48("967") ? /`|<>|\D[lL]\b|(?<![\w.])0[0-7]|[rR]""/ : (stryCov_9fa48("967", "968", "969", "970", "971", "972", "973"), /`|<>|\d[lL]\b|(?<![\w.])0[0-7]|[rR]""/);
const NO_RULES: number[] = stryMutAct_9fa48("974") ? ["Stryker was here"] : (stryCov_9fa48("974"), []);
/** Most lines: no rule, no import, no module. One shared answer, so that such a line allocates nothing. */
const NOTHING: Readonly<{
  rules: number[];
  importLine: boolean;
  module?: string;
}> = Object.freeze(stryMutAct_9fa48("975") ? {} : (stryCov_9fa48("975"), {
  rules: NO_RULES,
  importLine: stryMutAct_9fa48("976") ? true : (stryCov_9fa48("976"), false)
}));
const NO_HITS: readonly RuleHit[] = Object.freeze(stryMutAct_9fa48("977") ? ["Stryker was here"] : (stryCov_9fa48("977"), []));

/**
 * The words that make a line worth a rule, as one pattern: the regular-expression engine finds them in one native
 * scan of the line, instead of the line's every identifier being looked up. A word counts where it is a whole
 * identifier as `[A-Za-z_][A-Za-z0-9_]*` reads them (after digits too: `1L` holds the identifier `L`).
 */
const wordsPattern = stryMutAct_9fa48("978") ? () => undefined : (stryCov_9fa48("978"), (() => {
  const wordsPattern = (words: Iterable<string>) => new RegExp(stryMutAct_9fa48("979") ? `` : (stryCov_9fa48("979"), `(?<![A-Za-z_][A-Za-z0-9_]*)(?:${stryMutAct_9fa48("980") ? [...words].join("|") : (stryCov_9fa48("980"), (stryMutAct_9fa48("981") ? [] : (stryCov_9fa48("981"), [...words])).sort(stryMutAct_9fa48("982") ? () => undefined : (stryCov_9fa48("982"), (a, b) => stryMutAct_9fa48("983") ? b.length + a.length : (stryCov_9fa48("983"), b.length - a.length))).join(stryMutAct_9fa48("984") ? "" : (stryCov_9fa48("984"), "|")))})(?![A-Za-z0-9_])`), stryMutAct_9fa48("985") ? "" : (stryCov_9fa48("985"), "g"));
  return wordsPattern;
})());
const FIXED_WORDS = stryMutAct_9fa48("986") ? [] : (stryCov_9fa48("986"), [...RULES_BY_WORD.keys(), ...MODULE_WORDS]);
const FIXED_TRIGGERS = wordsPattern(FIXED_WORDS);
/** Per file view (its context object): the fixed words and the names of its caught exceptions and imported modules. */
const triggersByContext = new WeakMap<RuleContext, RegExp>();
function triggersFor(context: RuleContext): RegExp {
  if (stryMutAct_9fa48("987")) {
    {}
  } else {
    stryCov_9fa48("987");
    if (stryMutAct_9fa48("990") ? !context.exceptNames?.size || !context.importedModules?.size : stryMutAct_9fa48("989") ? false : stryMutAct_9fa48("988") ? true : (stryCov_9fa48("988", "989", "990"), (stryMutAct_9fa48("991") ? context.exceptNames?.size : (stryCov_9fa48("991"), !(stryMutAct_9fa48("992") ? context.exceptNames.size : (stryCov_9fa48("992"), context.exceptNames?.size)))) && (stryMutAct_9fa48("993") ? context.importedModules?.size : (stryCov_9fa48("993"), !(stryMutAct_9fa48("994") ? context.importedModules.size : (stryCov_9fa48("994"), context.importedModules?.size)))))) return FIXED_TRIGGERS;
    let pattern = triggersByContext.get(context);
    if (stryMutAct_9fa48("997") ? false : stryMutAct_9fa48("996") ? true : stryMutAct_9fa48("995") ? pattern : (stryCov_9fa48("995", "996", "997"), !pattern)) {
      if (stryMutAct_9fa48("998")) {
        {}
      } else {
        stryCov_9fa48("998");
        pattern = wordsPattern(new Set(stryMutAct_9fa48("999") ? [] : (stryCov_9fa48("999"), [...FIXED_WORDS, ...(stryMutAct_9fa48("1000") ? context.exceptNames && [] : (stryCov_9fa48("1000"), context.exceptNames ?? (stryMutAct_9fa48("1001") ? ["Stryker was here"] : (stryCov_9fa48("1001"), [])))), ...(stryMutAct_9fa48("1002") ? context.importedModules && [] : (stryCov_9fa48("1002"), context.importedModules ?? (stryMutAct_9fa48("1003") ? ["Stryker was here"] : (stryCov_9fa48("1003"), []))))])));
        triggersByContext.set(context, pattern);
      }
    }
    return pattern;
  }
}

/**
 * The rules to try on a line, in rule order, from one scan for their words; and whether it imports something or
 * names an imported Python 2 module (the module rules). The file's caught exceptions' names are triggers too.
 */
function candidateRules(code: string, context: RuleContext): {
  rules: number[];
  importLine: boolean;
  module?: string;
} {
  if (stryMutAct_9fa48("1004")) {
    {}
  } else {
    stryCov_9fa48("1004");
    let found: Set<number> | undefined;
    let importLine = stryMutAct_9fa48("1005") ? true : (stryCov_9fa48("1005"), false);
    let module: string | undefined;
    const exceptNames = (stryMutAct_9fa48("1006") ? context.exceptNames.size : (stryCov_9fa48("1006"), context.exceptNames?.size)) ? context.exceptNames : undefined;
    const modules = (stryMutAct_9fa48("1007") ? context.importedModules.size : (stryCov_9fa48("1007"), context.importedModules?.size)) ? context.importedModules : undefined;
    const triggers = triggersFor(context);
    triggers.lastIndex = 0;
    for (let m = triggers.exec(code); stryMutAct_9fa48("1008") ? false : (stryCov_9fa48("1008"), m); m = triggers.exec(code)) {
      if (stryMutAct_9fa48("1009")) {
        {}
      } else {
        stryCov_9fa48("1009");
        const word = m[0];
        const list = RULES_BY_WORD.get(word);
        if (stryMutAct_9fa48("1011") ? false : stryMutAct_9fa48("1010") ? true : (stryCov_9fa48("1010", "1011"), list)) for (const i of list) (stryMutAct_9fa48("1012") ? found &&= new Set() : (stryCov_9fa48("1012"), found ??= new Set())).add(i);
        if (stryMutAct_9fa48("1014") ? false : stryMutAct_9fa48("1013") ? true : (stryCov_9fa48("1013", "1014"), MODULE_WORDS.has(word))) importLine = stryMutAct_9fa48("1015") ? false : (stryCov_9fa48("1015"), true);
        if (stryMutAct_9fa48("1018") ? exceptNames.has(word) : stryMutAct_9fa48("1017") ? false : stryMutAct_9fa48("1016") ? true : (stryCov_9fa48("1016", "1017", "1018"), exceptNames?.has(word))) for (const i of EXCEPT_NAME_RULES) (stryMutAct_9fa48("1019") ? found &&= new Set() : (stryCov_9fa48("1019"), found ??= new Set())).add(i);
        if (stryMutAct_9fa48("1022") ? modules?.has(word) || module === undefined : stryMutAct_9fa48("1021") ? false : stryMutAct_9fa48("1020") ? true : (stryCov_9fa48("1020", "1021", "1022"), (stryMutAct_9fa48("1023") ? modules.has(word) : (stryCov_9fa48("1023"), modules?.has(word))) && (stryMutAct_9fa48("1025") ? module !== undefined : stryMutAct_9fa48("1024") ? true : (stryCov_9fa48("1024", "1025"), module === undefined)))) module = word;
      }
    }
    if (stryMutAct_9fa48("1027") ? false : stryMutAct_9fa48("1026") ? true : (stryCov_9fa48("1026", "1027"), PUNCTUATION_TRIGGER.test(code))) for (const i of PUNCTUATION_RULES) (stryMutAct_9fa48("1028") ? found &&= new Set() : (stryCov_9fa48("1028"), found ??= new Set())).add(i);
    if (stryMutAct_9fa48("1031") ? context.enabled?.size || code.includes("/") : stryMutAct_9fa48("1030") ? false : stryMutAct_9fa48("1029") ? true : (stryCov_9fa48("1029", "1030", "1031"), (stryMutAct_9fa48("1032") ? context.enabled.size : (stryCov_9fa48("1032"), context.enabled?.size)) && code.includes(stryMutAct_9fa48("1033") ? "" : (stryCov_9fa48("1033"), "/")))) for (const i of OPT_IN_RULES) (stryMutAct_9fa48("1034") ? found &&= new Set() : (stryCov_9fa48("1034"), found ??= new Set())).add(i);
    if (stryMutAct_9fa48("1037") ? !found && !importLine || module === undefined : stryMutAct_9fa48("1036") ? false : stryMutAct_9fa48("1035") ? true : (stryCov_9fa48("1035", "1036", "1037"), (stryMutAct_9fa48("1039") ? !found || !importLine : stryMutAct_9fa48("1038") ? true : (stryCov_9fa48("1038", "1039"), (stryMutAct_9fa48("1040") ? found : (stryCov_9fa48("1040"), !found)) && (stryMutAct_9fa48("1041") ? importLine : (stryCov_9fa48("1041"), !importLine)))) && (stryMutAct_9fa48("1043") ? module !== undefined : stryMutAct_9fa48("1042") ? true : (stryCov_9fa48("1042", "1043"), module === undefined)))) return NOTHING;
    return stryMutAct_9fa48("1044") ? {} : (stryCov_9fa48("1044"), {
      rules: found ? stryMutAct_9fa48("1045") ? [...found] : (stryCov_9fa48("1045"), (stryMutAct_9fa48("1046") ? [] : (stryCov_9fa48("1046"), [...found])).sort(stryMutAct_9fa48("1047") ? () => undefined : (stryCov_9fa48("1047"), (a, b) => stryMutAct_9fa48("1048") ? a + b : (stryCov_9fa48("1048"), a - b)))) : NO_RULES,
      importLine,
      module
    });
  }
}

/** The names a file defines itself, from its lines: imports, assignments, definitions and parameters, loop and `as` targets. */
export function namesDefinedIn(lines: readonly string[]): Set<string> {
  if (stryMutAct_9fa48("1049")) {
    {}
  } else {
    stryCov_9fa48("1049");
    const names = new Set<string>();
    const add = stryMutAct_9fa48("1050") ? () => undefined : (stryCov_9fa48("1050"), (() => {
      const add = (list: string) => list.split(stryMutAct_9fa48("1051") ? "" : (stryCov_9fa48("1051"), ",")).forEach(part => {
        if (stryMutAct_9fa48("1052")) {
          {}
        } else {
          stryCov_9fa48("1052");
          const name = stryMutAct_9fa48("1054") ? part.split(/\s+as\s+/).pop()?.replace(/[()*\s]/g, "").split("=")[0] : stryMutAct_9fa48("1053") ? part.trim().split(/\s+as\s+/).pop().replace(/[()*\s]/g, "").split("=")[0] : (stryCov_9fa48("1053", "1054"), part.trim().split(stryMutAct_9fa48("1058") ? /\s+as\S+/ : stryMutAct_9fa48("1057") ? /\s+as\s/ : stryMutAct_9fa48("1056") ? /\S+as\s+/ : stryMutAct_9fa48("1055") ? /\sas\s+/ : (stryCov_9fa48("1055", "1056", "1057", "1058"), /\s+as\s+/)).pop()?.replace(stryMutAct_9fa48("1060") ? /[()*\S]/g : stryMutAct_9fa48("1059") ? /[^()*\s]/g : (stryCov_9fa48("1059", "1060"), /[()*\s]/g), stryMutAct_9fa48("1061") ? "Stryker was here!" : (stryCov_9fa48("1061"), "")).split(stryMutAct_9fa48("1062") ? "" : (stryCov_9fa48("1062"), "="))[0]);
          if (stryMutAct_9fa48("1065") ? name || /^[A-Za-z_]\w*$/.test(name) : stryMutAct_9fa48("1064") ? false : stryMutAct_9fa48("1063") ? true : (stryCov_9fa48("1063", "1064", "1065"), name && (stryMutAct_9fa48("1070") ? /^[A-Za-z_]\W*$/ : stryMutAct_9fa48("1069") ? /^[A-Za-z_]\w$/ : stryMutAct_9fa48("1068") ? /^[^A-Za-z_]\w*$/ : stryMutAct_9fa48("1067") ? /^[A-Za-z_]\w*/ : stryMutAct_9fa48("1066") ? /[A-Za-z_]\w*$/ : (stryCov_9fa48("1066", "1067", "1068", "1069", "1070"), /^[A-Za-z_]\w*$/)).test(name))) names.add(name);
        }
      });
      return add;
    })());
    for (const line of lines) {
      if (stryMutAct_9fa48("1071")) {
        {}
      } else {
        stryCov_9fa48("1071");
        let m: RegExpExecArray | null;
        if (stryMutAct_9fa48("1073") ? false : stryMutAct_9fa48("1072") ? true : (stryCov_9fa48("1072", "1073"), m = (stryMutAct_9fa48("1088") ? /^\s*from\s+[\w.]+\s+import\s+\(?([#)]+)/ : stryMutAct_9fa48("1087") ? /^\s*from\s+[\w.]+\s+import\s+\(?([^#)])/ : stryMutAct_9fa48("1086") ? /^\s*from\s+[\w.]+\s+import\s+\(([^#)]+)/ : stryMutAct_9fa48("1085") ? /^\s*from\s+[\w.]+\s+import\S+\(?([^#)]+)/ : stryMutAct_9fa48("1084") ? /^\s*from\s+[\w.]+\s+import\s\(?([^#)]+)/ : stryMutAct_9fa48("1083") ? /^\s*from\s+[\w.]+\S+import\s+\(?([^#)]+)/ : stryMutAct_9fa48("1082") ? /^\s*from\s+[\w.]+\simport\s+\(?([^#)]+)/ : stryMutAct_9fa48("1081") ? /^\s*from\s+[\W.]+\s+import\s+\(?([^#)]+)/ : stryMutAct_9fa48("1080") ? /^\s*from\s+[^\w.]+\s+import\s+\(?([^#)]+)/ : stryMutAct_9fa48("1079") ? /^\s*from\s+[\w.]\s+import\s+\(?([^#)]+)/ : stryMutAct_9fa48("1078") ? /^\s*from\S+[\w.]+\s+import\s+\(?([^#)]+)/ : stryMutAct_9fa48("1077") ? /^\s*from\s[\w.]+\s+import\s+\(?([^#)]+)/ : stryMutAct_9fa48("1076") ? /^\S*from\s+[\w.]+\s+import\s+\(?([^#)]+)/ : stryMutAct_9fa48("1075") ? /^\sfrom\s+[\w.]+\s+import\s+\(?([^#)]+)/ : stryMutAct_9fa48("1074") ? /\s*from\s+[\w.]+\s+import\s+\(?([^#)]+)/ : (stryCov_9fa48("1074", "1075", "1076", "1077", "1078", "1079", "1080", "1081", "1082", "1083", "1084", "1085", "1086", "1087", "1088"), /^\s*from\s+[\w.]+\s+import\s+\(?([^#)]+)/)).exec(line))) add(m[1]);else if (stryMutAct_9fa48("1090") ? false : stryMutAct_9fa48("1089") ? true : (stryCov_9fa48("1089", "1090"), m = (stryMutAct_9fa48("1097") ? /^\s*import\s+([#]+)/ : stryMutAct_9fa48("1096") ? /^\s*import\s+([^#])/ : stryMutAct_9fa48("1095") ? /^\s*import\S+([^#]+)/ : stryMutAct_9fa48("1094") ? /^\s*import\s([^#]+)/ : stryMutAct_9fa48("1093") ? /^\S*import\s+([^#]+)/ : stryMutAct_9fa48("1092") ? /^\simport\s+([^#]+)/ : stryMutAct_9fa48("1091") ? /\s*import\s+([^#]+)/ : (stryCov_9fa48("1091", "1092", "1093", "1094", "1095", "1096", "1097"), /^\s*import\s+([^#]+)/)).exec(line))) add(stryMutAct_9fa48("1098") ? m[1].split(",").join(",") : (stryCov_9fa48("1098"), m[1].split(stryMutAct_9fa48("1099") ? "" : (stryCov_9fa48("1099"), ",")).filter(stryMutAct_9fa48("1100") ? () => undefined : (stryCov_9fa48("1100"), p => / as /.test(p))).join(stryMutAct_9fa48("1101") ? "" : (stryCov_9fa48("1101"), ","))));
        if (stryMutAct_9fa48("1103") ? false : stryMutAct_9fa48("1102") ? true : (stryCov_9fa48("1102", "1103"), m = (stryMutAct_9fa48("1114") ? /^\s*([A-Za-z_][\w\s,()]*?)\s*=(?==)/ : stryMutAct_9fa48("1113") ? /^\s*([A-Za-z_][\w\s,()]*?)\S*=(?!=)/ : stryMutAct_9fa48("1112") ? /^\s*([A-Za-z_][\w\s,()]*?)\s=(?!=)/ : stryMutAct_9fa48("1111") ? /^\s*([A-Za-z_][\w\S,()]*?)\s*=(?!=)/ : stryMutAct_9fa48("1110") ? /^\s*([A-Za-z_][\W\s,()]*?)\s*=(?!=)/ : stryMutAct_9fa48("1109") ? /^\s*([A-Za-z_][^\w\s,()]*?)\s*=(?!=)/ : stryMutAct_9fa48("1108") ? /^\s*([A-Za-z_][\w\s,()])\s*=(?!=)/ : stryMutAct_9fa48("1107") ? /^\s*([^A-Za-z_][\w\s,()]*?)\s*=(?!=)/ : stryMutAct_9fa48("1106") ? /^\S*([A-Za-z_][\w\s,()]*?)\s*=(?!=)/ : stryMutAct_9fa48("1105") ? /^\s([A-Za-z_][\w\s,()]*?)\s*=(?!=)/ : stryMutAct_9fa48("1104") ? /\s*([A-Za-z_][\w\s,()]*?)\s*=(?!=)/ : (stryCov_9fa48("1104", "1105", "1106", "1107", "1108", "1109", "1110", "1111", "1112", "1113", "1114"), /^\s*([A-Za-z_][\w\s,()]*?)\s*=(?!=)/)).exec(line))) add(m[1]);
        if (stryMutAct_9fa48("1116") ? false : stryMutAct_9fa48("1115") ? true : (stryCov_9fa48("1115", "1116"), m = (stryMutAct_9fa48("1130") ? /^\s*(?:async\s+)?def\s+(\w+)\s*\(([)]*)/ : stryMutAct_9fa48("1129") ? /^\s*(?:async\s+)?def\s+(\w+)\s*\(([^)])/ : stryMutAct_9fa48("1128") ? /^\s*(?:async\s+)?def\s+(\w+)\S*\(([^)]*)/ : stryMutAct_9fa48("1127") ? /^\s*(?:async\s+)?def\s+(\w+)\s\(([^)]*)/ : stryMutAct_9fa48("1126") ? /^\s*(?:async\s+)?def\s+(\W+)\s*\(([^)]*)/ : stryMutAct_9fa48("1125") ? /^\s*(?:async\s+)?def\s+(\w)\s*\(([^)]*)/ : stryMutAct_9fa48("1124") ? /^\s*(?:async\s+)?def\S+(\w+)\s*\(([^)]*)/ : stryMutAct_9fa48("1123") ? /^\s*(?:async\s+)?def\s(\w+)\s*\(([^)]*)/ : stryMutAct_9fa48("1122") ? /^\s*(?:async\S+)?def\s+(\w+)\s*\(([^)]*)/ : stryMutAct_9fa48("1121") ? /^\s*(?:async\s)?def\s+(\w+)\s*\(([^)]*)/ : stryMutAct_9fa48("1120") ? /^\s*(?:async\s+)def\s+(\w+)\s*\(([^)]*)/ : stryMutAct_9fa48("1119") ? /^\S*(?:async\s+)?def\s+(\w+)\s*\(([^)]*)/ : stryMutAct_9fa48("1118") ? /^\s(?:async\s+)?def\s+(\w+)\s*\(([^)]*)/ : stryMutAct_9fa48("1117") ? /\s*(?:async\s+)?def\s+(\w+)\s*\(([^)]*)/ : (stryCov_9fa48("1117", "1118", "1119", "1120", "1121", "1122", "1123", "1124", "1125", "1126", "1127", "1128", "1129", "1130"), /^\s*(?:async\s+)?def\s+(\w+)\s*\(([^)]*)/)).exec(line))) {
          if (stryMutAct_9fa48("1131")) {
            {}
          } else {
            stryCov_9fa48("1131");
            names.add(m[1]);
            add(m[2]);
          }
        }
        if (stryMutAct_9fa48("1133") ? false : stryMutAct_9fa48("1132") ? true : (stryCov_9fa48("1132", "1133"), m = (stryMutAct_9fa48("1144") ? /^\s*for\s+([\w\s,()]+?)\S+in\b/ : stryMutAct_9fa48("1143") ? /^\s*for\s+([\w\s,()]+?)\sin\b/ : stryMutAct_9fa48("1142") ? /^\s*for\s+([\w\S,()]+?)\s+in\b/ : stryMutAct_9fa48("1141") ? /^\s*for\s+([\W\s,()]+?)\s+in\b/ : stryMutAct_9fa48("1140") ? /^\s*for\s+([^\w\s,()]+?)\s+in\b/ : stryMutAct_9fa48("1139") ? /^\s*for\s+([\w\s,()])\s+in\b/ : stryMutAct_9fa48("1138") ? /^\s*for\S+([\w\s,()]+?)\s+in\b/ : stryMutAct_9fa48("1137") ? /^\s*for\s([\w\s,()]+?)\s+in\b/ : stryMutAct_9fa48("1136") ? /^\S*for\s+([\w\s,()]+?)\s+in\b/ : stryMutAct_9fa48("1135") ? /^\sfor\s+([\w\s,()]+?)\s+in\b/ : stryMutAct_9fa48("1134") ? /\s*for\s+([\w\s,()]+?)\s+in\b/ : (stryCov_9fa48("1134", "1135", "1136", "1137", "1138", "1139", "1140", "1141", "1142", "1143", "1144"), /^\s*for\s+([\w\s,()]+?)\s+in\b/)).exec(line))) add(m[1]);
        for (const as of line.matchAll(stryMutAct_9fa48("1148") ? /\bas\s+(\W+)/g : stryMutAct_9fa48("1147") ? /\bas\s+(\w)/g : stryMutAct_9fa48("1146") ? /\bas\S+(\w+)/g : stryMutAct_9fa48("1145") ? /\bas\s(\w+)/g : (stryCov_9fa48("1145", "1146", "1147", "1148"), /\bas\s+(\w+)/g))) names.add(as[1]);
      }
    }
    return names;
  }
}

/** Renamed Python 2 modules imported under their own name: `import StringIO`, `import os, urllib2` (not `import cPickle as pickle`). */
export function importedRenamedModules(codeLines: readonly string[]): Set<string> {
  if (stryMutAct_9fa48("1149")) {
    {}
  } else {
    stryCov_9fa48("1149");
    const modules = new Set<string>();
    for (const code of codeLines) {
      if (stryMutAct_9fa48("1150")) {
        {}
      } else {
        stryCov_9fa48("1150");
        if (stryMutAct_9fa48("1153") ? false : stryMutAct_9fa48("1152") ? true : stryMutAct_9fa48("1151") ? code.includes("import") : (stryCov_9fa48("1151", "1152", "1153"), !code.includes(stryMutAct_9fa48("1154") ? "" : (stryCov_9fa48("1154"), "import")))) continue;
        const m = (stryMutAct_9fa48("1161") ? /^\s*import\s+(.)$/ : stryMutAct_9fa48("1160") ? /^\s*import\S+(.+)$/ : stryMutAct_9fa48("1159") ? /^\s*import\s(.+)$/ : stryMutAct_9fa48("1158") ? /^\S*import\s+(.+)$/ : stryMutAct_9fa48("1157") ? /^\simport\s+(.+)$/ : stryMutAct_9fa48("1156") ? /^\s*import\s+(.+)/ : stryMutAct_9fa48("1155") ? /\s*import\s+(.+)$/ : (stryCov_9fa48("1155", "1156", "1157", "1158", "1159", "1160", "1161"), /^\s*import\s+(.+)$/)).exec(code);
        if (stryMutAct_9fa48("1164") ? false : stryMutAct_9fa48("1163") ? true : stryMutAct_9fa48("1162") ? m : (stryCov_9fa48("1162", "1163", "1164"), !m)) continue;
        for (const part of m[1].split(stryMutAct_9fa48("1165") ? "" : (stryCov_9fa48("1165"), ","))) {
          if (stryMutAct_9fa48("1166")) {
            {}
          } else {
            stryCov_9fa48("1166");
            const [name, alias] = stryMutAct_9fa48("1167") ? part.split(/\s+as\s+/) : (stryCov_9fa48("1167"), part.trim().split(stryMutAct_9fa48("1171") ? /\s+as\S+/ : stryMutAct_9fa48("1170") ? /\s+as\s/ : stryMutAct_9fa48("1169") ? /\S+as\s+/ : stryMutAct_9fa48("1168") ? /\sas\s+/ : (stryCov_9fa48("1168", "1169", "1170", "1171"), /\s+as\s+/)));
            const top = name.split(stryMutAct_9fa48("1172") ? "" : (stryCov_9fa48("1172"), "."))[0];
            if (stryMutAct_9fa48("1175") ? !alias || Object.prototype.hasOwnProperty.call(RENAMED_MODULES, top) : stryMutAct_9fa48("1174") ? false : stryMutAct_9fa48("1173") ? true : (stryCov_9fa48("1173", "1174", "1175"), (stryMutAct_9fa48("1176") ? alias : (stryCov_9fa48("1176"), !alias)) && Object.prototype.hasOwnProperty.call(RENAMED_MODULES, top))) modules.add(top);
          }
        }
      }
    }
    return modules;
  }
}
const KEYWORDS = new Set((stryMutAct_9fa48("1177") ? "" : (stryCov_9fa48("1177"), "and as assert async await break class continue def del elif else except exec finally for from global if import in is lambda nonlocal not or pass print raise return try while with yield None True False self")).split(stryMutAct_9fa48("1178") ? "" : (stryCov_9fa48("1178"), " ")));

/** The identifiers of a line of code, keywords left out, with the names they stand for across the migration. */
export function identifiersOf(code: string): Set<string> {
  if (stryMutAct_9fa48("1179")) {
    {}
  } else {
    stryCov_9fa48("1179");
    const names = new Set<string>();
    for (const m of code.matchAll(stryMutAct_9fa48("1182") ? /[A-Za-z_][^A-Za-z0-9_]*/g : stryMutAct_9fa48("1181") ? /[A-Za-z_][A-Za-z0-9_]/g : stryMutAct_9fa48("1180") ? /[^A-Za-z_][A-Za-z0-9_]*/g : (stryCov_9fa48("1180", "1181", "1182"), /[A-Za-z_][A-Za-z0-9_]*/g))) {
      if (stryMutAct_9fa48("1183")) {
        {}
      } else {
        stryCov_9fa48("1183");
        if (stryMutAct_9fa48("1185") ? false : stryMutAct_9fa48("1184") ? true : (stryCov_9fa48("1184", "1185"), KEYWORDS.has(m[0]))) continue;
        names.add(m[0]);
        for (const equivalent of stryMutAct_9fa48("1186") ? EQUIVALENT_NAMES.get(m[0]) && [] : (stryCov_9fa48("1186"), EQUIVALENT_NAMES.get(m[0]) ?? (stryMutAct_9fa48("1187") ? ["Stryker was here"] : (stryCov_9fa48("1187"), [])))) names.add(equivalent);
      }
    }
    return names;
  }
}

/** The names an import line binds (`import sys`, `from functools import reduce`, `import a.b as c`). */
export function namesImportedBy(code: string): string[] {
  if (stryMutAct_9fa48("1188")) {
    {}
  } else {
    stryCov_9fa48("1188");
    const from = (stryMutAct_9fa48("1203") ? /^\s*from\s+[\w.]+\s+import\s+\(?([)]*)/ : stryMutAct_9fa48("1202") ? /^\s*from\s+[\w.]+\s+import\s+\(?([^)])/ : stryMutAct_9fa48("1201") ? /^\s*from\s+[\w.]+\s+import\s+\(([^)]*)/ : stryMutAct_9fa48("1200") ? /^\s*from\s+[\w.]+\s+import\S+\(?([^)]*)/ : stryMutAct_9fa48("1199") ? /^\s*from\s+[\w.]+\s+import\s\(?([^)]*)/ : stryMutAct_9fa48("1198") ? /^\s*from\s+[\w.]+\S+import\s+\(?([^)]*)/ : stryMutAct_9fa48("1197") ? /^\s*from\s+[\w.]+\simport\s+\(?([^)]*)/ : stryMutAct_9fa48("1196") ? /^\s*from\s+[\W.]+\s+import\s+\(?([^)]*)/ : stryMutAct_9fa48("1195") ? /^\s*from\s+[^\w.]+\s+import\s+\(?([^)]*)/ : stryMutAct_9fa48("1194") ? /^\s*from\s+[\w.]\s+import\s+\(?([^)]*)/ : stryMutAct_9fa48("1193") ? /^\s*from\S+[\w.]+\s+import\s+\(?([^)]*)/ : stryMutAct_9fa48("1192") ? /^\s*from\s[\w.]+\s+import\s+\(?([^)]*)/ : stryMutAct_9fa48("1191") ? /^\S*from\s+[\w.]+\s+import\s+\(?([^)]*)/ : stryMutAct_9fa48("1190") ? /^\sfrom\s+[\w.]+\s+import\s+\(?([^)]*)/ : stryMutAct_9fa48("1189") ? /\s*from\s+[\w.]+\s+import\s+\(?([^)]*)/ : (stryCov_9fa48("1189", "1190", "1191", "1192", "1193", "1194", "1195", "1196", "1197", "1198", "1199", "1200", "1201", "1202", "1203"), /^\s*from\s+[\w.]+\s+import\s+\(?([^)]*)/)).exec(code);
    const plain = from ? undefined : (stryMutAct_9fa48("1210") ? /^\s*import\s+(.)$/ : stryMutAct_9fa48("1209") ? /^\s*import\S+(.+)$/ : stryMutAct_9fa48("1208") ? /^\s*import\s(.+)$/ : stryMutAct_9fa48("1207") ? /^\S*import\s+(.+)$/ : stryMutAct_9fa48("1206") ? /^\simport\s+(.+)$/ : stryMutAct_9fa48("1205") ? /^\s*import\s+(.+)/ : stryMutAct_9fa48("1204") ? /\s*import\s+(.+)$/ : (stryCov_9fa48("1204", "1205", "1206", "1207", "1208", "1209", "1210"), /^\s*import\s+(.+)$/)).exec(code);
    const list = stryMutAct_9fa48("1211") ? from?.[1] && plain?.[1] : (stryCov_9fa48("1211"), (stryMutAct_9fa48("1212") ? from[1] : (stryCov_9fa48("1212"), from?.[1])) ?? (stryMutAct_9fa48("1213") ? plain[1] : (stryCov_9fa48("1213"), plain?.[1])));
    if (stryMutAct_9fa48("1216") ? false : stryMutAct_9fa48("1215") ? true : stryMutAct_9fa48("1214") ? list : (stryCov_9fa48("1214", "1215", "1216"), !list)) return stryMutAct_9fa48("1217") ? ["Stryker was here"] : (stryCov_9fa48("1217"), []);
    return stryMutAct_9fa48("1218") ? list.split(",").map(part => {
      const [name, alias] = part.trim().split(/\s+as\s+/);
      return (alias ?? (from ? name : name.split(".")[0])).trim();
    }) : (stryCov_9fa48("1218"), list.split(stryMutAct_9fa48("1219") ? "" : (stryCov_9fa48("1219"), ",")).map(part => {
      if (stryMutAct_9fa48("1220")) {
        {}
      } else {
        stryCov_9fa48("1220");
        const [name, alias] = stryMutAct_9fa48("1221") ? part.split(/\s+as\s+/) : (stryCov_9fa48("1221"), part.trim().split(stryMutAct_9fa48("1225") ? /\s+as\S+/ : stryMutAct_9fa48("1224") ? /\s+as\s/ : stryMutAct_9fa48("1223") ? /\S+as\s+/ : stryMutAct_9fa48("1222") ? /\sas\s+/ : (stryCov_9fa48("1222", "1223", "1224", "1225"), /\s+as\s+/)));
        return stryMutAct_9fa48("1226") ? alias ?? (from ? name : name.split(".")[0]) : (stryCov_9fa48("1226"), (stryMutAct_9fa48("1227") ? alias && (from ? name : name.split(".")[0]) : (stryCov_9fa48("1227"), alias ?? (from ? name : name.split(stryMutAct_9fa48("1228") ? "" : (stryCov_9fa48("1228"), "."))[0]))).trim());
      }
    }).filter(Boolean));
  }
}

/** Names bound to a caught exception: `except E as e:` and Python 2's `except E, e:`. */
export function exceptNamesIn(codeLines: readonly string[]): Set<string> {
  if (stryMutAct_9fa48("1229")) {
    {}
  } else {
    stryCov_9fa48("1229");
    const names = new Set<string>();
    for (const code of codeLines) {
      if (stryMutAct_9fa48("1230")) {
        {}
      } else {
        stryCov_9fa48("1230");
        if (stryMutAct_9fa48("1233") ? false : stryMutAct_9fa48("1232") ? true : stryMutAct_9fa48("1231") ? code.includes("except") : (stryCov_9fa48("1231", "1232", "1233"), !code.includes(stryMutAct_9fa48("1234") ? "" : (stryCov_9fa48("1234"), "except")))) continue;
        const m = (stryMutAct_9fa48("1246") ? /^\s*except\b.*?(?:\bas\s+|,\s*)(\w+)\S*:/ : stryMutAct_9fa48("1245") ? /^\s*except\b.*?(?:\bas\s+|,\s*)(\w+)\s:/ : stryMutAct_9fa48("1244") ? /^\s*except\b.*?(?:\bas\s+|,\s*)(\W+)\s*:/ : stryMutAct_9fa48("1243") ? /^\s*except\b.*?(?:\bas\s+|,\s*)(\w)\s*:/ : stryMutAct_9fa48("1242") ? /^\s*except\b.*?(?:\bas\s+|,\S*)(\w+)\s*:/ : stryMutAct_9fa48("1241") ? /^\s*except\b.*?(?:\bas\s+|,\s)(\w+)\s*:/ : stryMutAct_9fa48("1240") ? /^\s*except\b.*?(?:\bas\S+|,\s*)(\w+)\s*:/ : stryMutAct_9fa48("1239") ? /^\s*except\b.*?(?:\bas\s|,\s*)(\w+)\s*:/ : stryMutAct_9fa48("1238") ? /^\s*except\b.(?:\bas\s+|,\s*)(\w+)\s*:/ : stryMutAct_9fa48("1237") ? /^\S*except\b.*?(?:\bas\s+|,\s*)(\w+)\s*:/ : stryMutAct_9fa48("1236") ? /^\sexcept\b.*?(?:\bas\s+|,\s*)(\w+)\s*:/ : stryMutAct_9fa48("1235") ? /\s*except\b.*?(?:\bas\s+|,\s*)(\w+)\s*:/ : (stryCov_9fa48("1235", "1236", "1237", "1238", "1239", "1240", "1241", "1242", "1243", "1244", "1245", "1246"), /^\s*except\b.*?(?:\bas\s+|,\s*)(\w+)\s*:/)).exec(code);
        if (stryMutAct_9fa48("1248") ? false : stryMutAct_9fa48("1247") ? true : (stryCov_9fa48("1247", "1248"), m)) names.add(m[1]);
      }
    }
    return names;
  }
}
const applies = stryMutAct_9fa48("1249") ? () => undefined : (stryCov_9fa48("1249"), (() => {
  const applies = (rule: PythonRule, context: RuleContext) => stryMutAct_9fa48("1252") ? !context.disabled?.has(rule.id) || !rule.optIn || (context.enabled?.has(rule.id) ?? false) : stryMutAct_9fa48("1251") ? false : stryMutAct_9fa48("1250") ? true : (stryCov_9fa48("1250", "1251", "1252"), (stryMutAct_9fa48("1253") ? context.disabled?.has(rule.id) : (stryCov_9fa48("1253"), !(stryMutAct_9fa48("1254") ? context.disabled.has(rule.id) : (stryCov_9fa48("1254"), context.disabled?.has(rule.id))))) && (stryMutAct_9fa48("1256") ? !rule.optIn && (context.enabled?.has(rule.id) ?? false) : stryMutAct_9fa48("1255") ? true : (stryCov_9fa48("1255", "1256"), (stryMutAct_9fa48("1257") ? rule.optIn : (stryCov_9fa48("1257"), !rule.optIn)) || (stryMutAct_9fa48("1258") ? context.enabled?.has(rule.id) && false : (stryCov_9fa48("1258"), (stryMutAct_9fa48("1259") ? context.enabled.has(rule.id) : (stryCov_9fa48("1259"), context.enabled?.has(rule.id))) ?? (stryMutAct_9fa48("1260") ? true : (stryCov_9fa48("1260"), false)))))));
  return applies;
})());
function hitOf(rule: PythonRule): RuleHit {
  if (stryMutAct_9fa48("1261")) {
    {}
  } else {
    stryCov_9fa48("1261");
    return stryMutAct_9fa48("1262") ? {} : (stryCov_9fa48("1262"), {
      id: rule.id,
      message: rule.message,
      ...(rule.syntax ? stryMutAct_9fa48("1263") ? {} : (stryCov_9fa48("1263"), {
        syntax: stryMutAct_9fa48("1264") ? false : (stryCov_9fa48("1264"), true)
      }) : {})
    });
  }
}

/** A renamed module's hit, unless the line imports it through six.moves. */
function moduleHit(code: string, context: RuleContext): RuleHit | undefined {
  if (stryMutAct_9fa48("1265")) {
    {}
  } else {
    stryCov_9fa48("1265");
    const module = renamedModuleIn(code);
    if (stryMutAct_9fa48("1268") ? !module && /\bsix\.moves\b/.test(code) : stryMutAct_9fa48("1267") ? false : stryMutAct_9fa48("1266") ? true : (stryCov_9fa48("1266", "1267", "1268"), (stryMutAct_9fa48("1269") ? module : (stryCov_9fa48("1269"), !module)) || /\bsix\.moves\b/.test(code))) return undefined;
    const id = stryMutAct_9fa48("1270") ? `` : (stryCov_9fa48("1270"), `${MODULE_RULE_ID}-${module}`);
    if (stryMutAct_9fa48("1273") ? context.disabled?.has(id) && context.disabled?.has(MODULE_RULE_ID) : stryMutAct_9fa48("1272") ? false : stryMutAct_9fa48("1271") ? true : (stryCov_9fa48("1271", "1272", "1273"), (stryMutAct_9fa48("1274") ? context.disabled.has(id) : (stryCov_9fa48("1274"), context.disabled?.has(id))) || (stryMutAct_9fa48("1275") ? context.disabled.has(MODULE_RULE_ID) : (stryCov_9fa48("1275"), context.disabled?.has(MODULE_RULE_ID))))) return undefined;
    const instead = (stryMutAct_9fa48("1278") ? module !== "urllib" : stryMutAct_9fa48("1277") ? false : stryMutAct_9fa48("1276") ? true : (stryCov_9fa48("1276", "1277", "1278"), module === (stryMutAct_9fa48("1279") ? "" : (stryCov_9fa48("1279"), "urllib")))) ? stryMutAct_9fa48("1280") ? "" : (stryCov_9fa48("1280"), "urllib.request, urllib.parse and urllib.error") : RENAMED_MODULES[module];
    return stryMutAct_9fa48("1281") ? {} : (stryCov_9fa48("1281"), {
      id,
      message: stryMutAct_9fa48("1282") ? `` : (stryCov_9fa48("1282"), `${module} was renamed or removed in Python 3: use ${instead} (or six.moves while Python 2 must still run it).`)
    });
  }
}

/** White space around a dot (`d. keys ()`, `types . IntType`) is legal Python; the rules read it without. */
const tightDots = stryMutAct_9fa48("1283") ? () => undefined : (stryCov_9fa48("1283"), (() => {
  const tightDots = (code: string) => (stryMutAct_9fa48("1286") ? code.includes(" .") && code.includes(". ") : stryMutAct_9fa48("1285") ? false : stryMutAct_9fa48("1284") ? true : (stryCov_9fa48("1284", "1285", "1286"), code.includes(stryMutAct_9fa48("1287") ? "" : (stryCov_9fa48("1287"), " .")) || code.includes(stryMutAct_9fa48("1288") ? "" : (stryCov_9fa48("1288"), ". ")))) ? code.replace(stryMutAct_9fa48("1299") ? /(?<=[\w)\]])(?<!\bfrom)\s*\.\s*(?=[A-Za-z_])(?=import\b)/g : stryMutAct_9fa48("1298") ? /(?<=[\w)\]])(?<!\bfrom)\s*\.\s*(?=[^A-Za-z_])(?!import\b)/g : stryMutAct_9fa48("1297") ? /(?<=[\w)\]])(?<!\bfrom)\s*\.\s*(?![A-Za-z_])(?!import\b)/g : stryMutAct_9fa48("1296") ? /(?<=[\w)\]])(?<!\bfrom)\s*\.\S*(?=[A-Za-z_])(?!import\b)/g : stryMutAct_9fa48("1295") ? /(?<=[\w)\]])(?<!\bfrom)\s*\.\s(?=[A-Za-z_])(?!import\b)/g : stryMutAct_9fa48("1294") ? /(?<=[\w)\]])(?<!\bfrom)\S*\.\s*(?=[A-Za-z_])(?!import\b)/g : stryMutAct_9fa48("1293") ? /(?<=[\w)\]])(?<!\bfrom)\s\.\s*(?=[A-Za-z_])(?!import\b)/g : stryMutAct_9fa48("1292") ? /(?<=[\w)\]])(?<=\bfrom)\s*\.\s*(?=[A-Za-z_])(?!import\b)/g : stryMutAct_9fa48("1291") ? /(?<=[\W)\]])(?<!\bfrom)\s*\.\s*(?=[A-Za-z_])(?!import\b)/g : stryMutAct_9fa48("1290") ? /(?<=[^\w)\]])(?<!\bfrom)\s*\.\s*(?=[A-Za-z_])(?!import\b)/g : stryMutAct_9fa48("1289") ? /(?<![\w)\]])(?<!\bfrom)\s*\.\s*(?=[A-Za-z_])(?!import\b)/g : (stryCov_9fa48("1289", "1290", "1291", "1292", "1293", "1294", "1295", "1296", "1297", "1298", "1299"), /(?<=[\w)\]])(?<!\bfrom)\s*\.\s*(?=[A-Za-z_])(?!import\b)/g), stryMutAct_9fa48("1300") ? "" : (stryCov_9fa48("1300"), ".")) : code;
  return tightDots;
})());

/**
 * Every old construct on a line of code, in rule order. `ownNames` gives the names the file defines itself; it is
 * called only when a rule about such a name fires, since reading a file's definitions costs more than the rules.
 */
export function oldConstructsIn(raw: string, ownNames: () => ReadonlySet<string> = stryMutAct_9fa48("1301") ? () => undefined : (stryCov_9fa48("1301"), () => new Set()), context: RuleContext = {}): readonly RuleHit[] {
  if (stryMutAct_9fa48("1302")) {
    {}
  } else {
    stryCov_9fa48("1302");
    const {
      rules,
      importLine,
      module: named
    } = candidateRules(raw, context);
    if (stryMutAct_9fa48("1305") ? rules.length === 0 && !importLine || named === undefined : stryMutAct_9fa48("1304") ? false : stryMutAct_9fa48("1303") ? true : (stryCov_9fa48("1303", "1304", "1305"), (stryMutAct_9fa48("1307") ? rules.length === 0 || !importLine : stryMutAct_9fa48("1306") ? true : (stryCov_9fa48("1306", "1307"), (stryMutAct_9fa48("1309") ? rules.length !== 0 : stryMutAct_9fa48("1308") ? true : (stryCov_9fa48("1308", "1309"), rules.length === 0)) && (stryMutAct_9fa48("1310") ? importLine : (stryCov_9fa48("1310"), !importLine)))) && (stryMutAct_9fa48("1312") ? named !== undefined : stryMutAct_9fa48("1311") ? true : (stryCov_9fa48("1311", "1312"), named === undefined)))) return NO_HITS;
    const code = tightDots(raw);
    const hits: RuleHit[] = stryMutAct_9fa48("1313") ? ["Stryker was here"] : (stryCov_9fa48("1313"), []);
    const module = importLine ? moduleHit(code, context) : undefined;
    if (stryMutAct_9fa48("1315") ? false : stryMutAct_9fa48("1314") ? true : (stryCov_9fa48("1314", "1315"), module)) hits.push(module);else if (stryMutAct_9fa48("1318") ? named !== undefined || new RegExp(`(?<![\\w.])${named}\\.\\w`).test(code) : stryMutAct_9fa48("1317") ? false : stryMutAct_9fa48("1316") ? true : (stryCov_9fa48("1316", "1317", "1318"), (stryMutAct_9fa48("1320") ? named === undefined : stryMutAct_9fa48("1319") ? true : (stryCov_9fa48("1319", "1320"), named !== undefined)) && new RegExp(stryMutAct_9fa48("1321") ? `` : (stryCov_9fa48("1321"), `(?<![\\w.])${named}\\.\\w`)).test(code))) {
      if (stryMutAct_9fa48("1322")) {
        {}
      } else {
        stryCov_9fa48("1322");
        hits.push(stryMutAct_9fa48("1323") ? {} : (stryCov_9fa48("1323"), {
          id: stryMutAct_9fa48("1324") ? `` : (stryCov_9fa48("1324"), `${MODULE_RULE_ID}-${named}`),
          message: stryMutAct_9fa48("1325") ? `` : (stryCov_9fa48("1325"), `${named} was renamed or removed in Python 3: use ${RENAMED_MODULES[named]}.`)
        }));
      }
    }
    for (const i of rules) {
      if (stryMutAct_9fa48("1326")) {
        {}
      } else {
        stryCov_9fa48("1326");
        const rule = OLD_CONSTRUCT_RULES[i];
        if (stryMutAct_9fa48("1329") ? !applies(rule, context) && !rule.pattern.test(code) : stryMutAct_9fa48("1328") ? false : stryMutAct_9fa48("1327") ? true : (stryCov_9fa48("1327", "1328", "1329"), (stryMutAct_9fa48("1330") ? applies(rule, context) : (stryCov_9fa48("1330"), !applies(rule, context))) || (stryMutAct_9fa48("1331") ? rule.pattern.test(code) : (stryCov_9fa48("1331"), !rule.pattern.test(code))))) continue;
        if (stryMutAct_9fa48("1334") ? rule.when || !rule.when(code, context) : stryMutAct_9fa48("1333") ? false : stryMutAct_9fa48("1332") ? true : (stryCov_9fa48("1332", "1333", "1334"), rule.when && (stryMutAct_9fa48("1335") ? rule.when(code, context) : (stryCov_9fa48("1335"), !rule.when(code, context))))) continue;
        if (stryMutAct_9fa48("1338") ? rule.ownName || ownNames().has(rule.ownName) : stryMutAct_9fa48("1337") ? false : stryMutAct_9fa48("1336") ? true : (stryCov_9fa48("1336", "1337", "1338"), rule.ownName && ownNames().has(rule.ownName))) continue;
        hits.push(hitOf(rule));
      }
    }
    return hits;
  }
}

/** The first old construct on a line of code, or undefined: what a regression is reported as. */
export function oldConstructIn(code: string, ownNames?: () => ReadonlySet<string>, context?: RuleContext): RuleHit | undefined {
  if (stryMutAct_9fa48("1339")) {
    {}
  } else {
    stryCov_9fa48("1339");
    return oldConstructsIn(code, ownNames, context)[0];
  }
}

/** Every marker contains one of these: a line without them (one scan) is spared the patterns. */
const MARKER_HINT = stryMutAct_9fa48("1340") ? /six|future|builtins|past|python_2|version|PY|except|[^uU]"|import/ : (stryCov_9fa48("1340"), /six|future|builtins|past|python_2|version|PY|except|[uU]"|import/);
export function compatibilityMarkerIn(code: string): string | undefined {
  if (stryMutAct_9fa48("1341")) {
    {}
  } else {
    stryCov_9fa48("1341");
    if (stryMutAct_9fa48("1344") ? false : stryMutAct_9fa48("1343") ? true : stryMutAct_9fa48("1342") ? MARKER_HINT.test(code) : (stryCov_9fa48("1342", "1343", "1344"), !MARKER_HINT.test(code))) return undefined;
    return stryMutAct_9fa48("1345") ? COMPATIBILITY_MARKERS.find(m => m.pattern.test(code)).id : (stryCov_9fa48("1345"), COMPATIBILITY_MARKERS.find(stryMutAct_9fa48("1346") ? () => undefined : (stryCov_9fa48("1346"), m => m.pattern.test(code)))?.id);
  }
}

/** `isinstance(x, (int, int))`: the duplicate fix_long leaves, which fix_isinstance removes. */
const duplicateTypes = (code: string) => {
  if (stryMutAct_9fa48("1347")) {
    {}
  } else {
    stryCov_9fa48("1347");
    const tuple = stryMutAct_9fa48("1348") ? /\bisinstance\s*\(.*?,\s*\(([^()]*)\)/.exec(code)[1] : (stryCov_9fa48("1348"), (stryMutAct_9fa48("1355") ? /\bisinstance\s*\(.*?,\s*\(([()]*)\)/ : stryMutAct_9fa48("1354") ? /\bisinstance\s*\(.*?,\s*\(([^()])\)/ : stryMutAct_9fa48("1353") ? /\bisinstance\s*\(.*?,\S*\(([^()]*)\)/ : stryMutAct_9fa48("1352") ? /\bisinstance\s*\(.*?,\s\(([^()]*)\)/ : stryMutAct_9fa48("1351") ? /\bisinstance\s*\(.,\s*\(([^()]*)\)/ : stryMutAct_9fa48("1350") ? /\bisinstance\S*\(.*?,\s*\(([^()]*)\)/ : stryMutAct_9fa48("1349") ? /\bisinstance\s\(.*?,\s*\(([^()]*)\)/ : (stryCov_9fa48("1349", "1350", "1351", "1352", "1353", "1354", "1355"), /\bisinstance\s*\(.*?,\s*\(([^()]*)\)/)).exec(code)?.[1]);
    if (stryMutAct_9fa48("1358") ? false : stryMutAct_9fa48("1357") ? true : stryMutAct_9fa48("1356") ? tuple : (stryCov_9fa48("1356", "1357", "1358"), !tuple)) return stryMutAct_9fa48("1359") ? true : (stryCov_9fa48("1359"), false);
    const names = stryMutAct_9fa48("1360") ? tuple.split(",").map(t => t.trim()) : (stryCov_9fa48("1360"), tuple.split(stryMutAct_9fa48("1361") ? "" : (stryCov_9fa48("1361"), ",")).map(stryMutAct_9fa48("1362") ? () => undefined : (stryCov_9fa48("1362"), t => stryMutAct_9fa48("1363") ? t : (stryCov_9fa48("1363"), t.trim()))).filter(Boolean));
    return stryMutAct_9fa48("1367") ? new Set(names).size >= names.length : stryMutAct_9fa48("1366") ? new Set(names).size <= names.length : stryMutAct_9fa48("1365") ? false : stryMutAct_9fa48("1364") ? true : (stryCov_9fa48("1364", "1365", "1366", "1367"), new Set(names).size < names.length);
  }
};

/** Does `added` bring a Python 3 idiom that none of `replaced`, the lines it takes the place of, had? */
export function python3IdiomIn(added: string, ...replaced: string[]): boolean {
  if (stryMutAct_9fa48("1368")) {
    {}
  } else {
    stryCov_9fa48("1368");
    const a = tightDots(added);
    const r = replaced.map(tightDots);
    return stryMutAct_9fa48("1371") ? PYTHON3_IDIOMS.some(idiom => idiom.test(a) && !r.some(line => idiom.test(line))) && r.some(line => duplicateTypes(line) && !duplicateTypes(a)) : stryMutAct_9fa48("1370") ? false : stryMutAct_9fa48("1369") ? true : (stryCov_9fa48("1369", "1370", "1371"), (stryMutAct_9fa48("1372") ? PYTHON3_IDIOMS.every(idiom => idiom.test(a) && !r.some(line => idiom.test(line))) : (stryCov_9fa48("1372"), PYTHON3_IDIOMS.some(stryMutAct_9fa48("1373") ? () => undefined : (stryCov_9fa48("1373"), idiom => stryMutAct_9fa48("1376") ? idiom.test(a) || !r.some(line => idiom.test(line)) : stryMutAct_9fa48("1375") ? false : stryMutAct_9fa48("1374") ? true : (stryCov_9fa48("1374", "1375", "1376"), idiom.test(a) && (stryMutAct_9fa48("1377") ? r.some(line => idiom.test(line)) : (stryCov_9fa48("1377"), !(stryMutAct_9fa48("1378") ? r.every(line => idiom.test(line)) : (stryCov_9fa48("1378"), r.some(stryMutAct_9fa48("1379") ? () => undefined : (stryCov_9fa48("1379"), line => idiom.test(line)))))))))))) || (stryMutAct_9fa48("1380") ? r.every(line => duplicateTypes(line) && !duplicateTypes(a)) : (stryCov_9fa48("1380"), r.some(stryMutAct_9fa48("1381") ? () => undefined : (stryCov_9fa48("1381"), line => stryMutAct_9fa48("1384") ? duplicateTypes(line) || !duplicateTypes(a) : stryMutAct_9fa48("1383") ? false : stryMutAct_9fa48("1382") ? true : (stryCov_9fa48("1382", "1383", "1384"), duplicateTypes(line) && (stryMutAct_9fa48("1385") ? duplicateTypes(a) : (stryCov_9fa48("1385"), !duplicateTypes(a)))))))));
  }
}