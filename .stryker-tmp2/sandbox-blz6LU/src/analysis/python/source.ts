/**
 * Python source lines reduced to their code: string contents become `""` (prefixes kept, so `ur'x'` reads `ur""`)
 * and comments are dropped. The string state is carried from line to line, so a docstring's lines read as empty.
 */
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
export interface StringState {
  /** The closing delimiter of the string we are inside, or "" outside any string. */
  quote: string;
}
export interface CodeLine {
  code: string;
  /** Whether the line began inside a string (a continuation of a multi-line string). */
  startedInString: boolean;
}
export const OUTSIDE: StringState = stryMutAct_9fa48("1986") ? {} : (stryCov_9fa48("1986"), {
  quote: stryMutAct_9fa48("1987") ? "Stryker was here!" : (stryCov_9fa48("1987"), "")
});
const SPECIAL = stryMutAct_9fa48("1988") ? /[^"'#]/g : (stryCov_9fa48("1988"), /["'#]/g);

/** The string open at the end of the line `codeOf` last read (a module variable: no result object per line). */
let quoteAtEnd = stryMutAct_9fa48("1989") ? "Stryker was here!" : (stryCov_9fa48("1989"), "");

/** A line's code, from inside the string `quote` ("" outside); leaves the quote open at its end in `quoteAtEnd`. */
function codeOf(line: string, quote: string): string {
  if (stryMutAct_9fa48("1990")) {
    {}
  } else {
    stryCov_9fa48("1990");
    // Most lines hold no quote and no comment: they are their own code.
    if (stryMutAct_9fa48("1993") ? quote === "" && line.indexOf('"') === -1 && line.indexOf("'") === -1 || line.indexOf("#") === -1 : stryMutAct_9fa48("1992") ? false : stryMutAct_9fa48("1991") ? true : (stryCov_9fa48("1991", "1992", "1993"), (stryMutAct_9fa48("1995") ? quote === "" && line.indexOf('"') === -1 || line.indexOf("'") === -1 : stryMutAct_9fa48("1994") ? true : (stryCov_9fa48("1994", "1995"), (stryMutAct_9fa48("1997") ? quote === "" || line.indexOf('"') === -1 : stryMutAct_9fa48("1996") ? true : (stryCov_9fa48("1996", "1997"), (stryMutAct_9fa48("1999") ? quote !== "" : stryMutAct_9fa48("1998") ? true : (stryCov_9fa48("1998", "1999"), quote === (stryMutAct_9fa48("2000") ? "Stryker was here!" : (stryCov_9fa48("2000"), "")))) && (stryMutAct_9fa48("2002") ? line.indexOf('"') !== -1 : stryMutAct_9fa48("2001") ? true : (stryCov_9fa48("2001", "2002"), line.indexOf(stryMutAct_9fa48("2003") ? "" : (stryCov_9fa48("2003"), '"')) === (stryMutAct_9fa48("2004") ? +1 : (stryCov_9fa48("2004"), -1)))))) && (stryMutAct_9fa48("2006") ? line.indexOf("'") !== -1 : stryMutAct_9fa48("2005") ? true : (stryCov_9fa48("2005", "2006"), line.indexOf(stryMutAct_9fa48("2007") ? "" : (stryCov_9fa48("2007"), "'")) === (stryMutAct_9fa48("2008") ? +1 : (stryCov_9fa48("2008"), -1)))))) && (stryMutAct_9fa48("2010") ? line.indexOf("#") !== -1 : stryMutAct_9fa48("2009") ? true : (stryCov_9fa48("2009", "2010"), line.indexOf(stryMutAct_9fa48("2011") ? "" : (stryCov_9fa48("2011"), "#")) === (stryMutAct_9fa48("2012") ? +1 : (stryCov_9fa48("2012"), -1)))))) {
      if (stryMutAct_9fa48("2013")) {
        {}
      } else {
        stryCov_9fa48("2013");
        quoteAtEnd = stryMutAct_9fa48("2014") ? "Stryker was here!" : (stryCov_9fa48("2014"), "");
        return line;
      }
    }
    let code = stryMutAct_9fa48("2015") ? "Stryker was here!" : (stryCov_9fa48("2015"), "");
    let i = 0;
    while (stryMutAct_9fa48("2018") ? i >= line.length : stryMutAct_9fa48("2017") ? i <= line.length : stryMutAct_9fa48("2016") ? false : (stryCov_9fa48("2016", "2017", "2018"), i < line.length)) {
      if (stryMutAct_9fa48("2019")) {
        {}
      } else {
        stryCov_9fa48("2019");
        if (stryMutAct_9fa48("2021") ? false : stryMutAct_9fa48("2020") ? true : (stryCov_9fa48("2020", "2021"), quote)) {
          if (stryMutAct_9fa48("2022")) {
            {}
          } else {
            stryCov_9fa48("2022");
            const close = findClosing(line, i, quote);
            if (stryMutAct_9fa48("2025") ? close !== -1 : stryMutAct_9fa48("2024") ? false : stryMutAct_9fa48("2023") ? true : (stryCov_9fa48("2023", "2024", "2025"), close === (stryMutAct_9fa48("2026") ? +1 : (stryCov_9fa48("2026"), -1)))) {
              if (stryMutAct_9fa48("2027")) {
                {}
              } else {
                stryCov_9fa48("2027");
                i = line.length;
                break;
              }
            }
            code += stryMutAct_9fa48("2028") ? "" : (stryCov_9fa48("2028"), '"');
            i = stryMutAct_9fa48("2029") ? close - quote.length : (stryCov_9fa48("2029"), close + quote.length);
            quote = stryMutAct_9fa48("2030") ? "Stryker was here!" : (stryCov_9fa48("2030"), "");
            continue;
          }
        }
        SPECIAL.lastIndex = i;
        const found = SPECIAL.exec(line);
        if (stryMutAct_9fa48("2033") ? false : stryMutAct_9fa48("2032") ? true : stryMutAct_9fa48("2031") ? found : (stryCov_9fa48("2031", "2032", "2033"), !found)) {
          if (stryMutAct_9fa48("2034")) {
            {}
          } else {
            stryCov_9fa48("2034");
            stryMutAct_9fa48("2035") ? code -= line.slice(i) : (stryCov_9fa48("2035"), code += stryMutAct_9fa48("2036") ? line : (stryCov_9fa48("2036"), line.slice(i)));
            break;
          }
        }
        stryMutAct_9fa48("2037") ? code -= line.slice(i, found.index) : (stryCov_9fa48("2037"), code += stryMutAct_9fa48("2038") ? line : (stryCov_9fa48("2038"), line.slice(i, found.index)));
        if (stryMutAct_9fa48("2041") ? found[0] !== "#" : stryMutAct_9fa48("2040") ? false : stryMutAct_9fa48("2039") ? true : (stryCov_9fa48("2039", "2040", "2041"), found[0] === (stryMutAct_9fa48("2042") ? "" : (stryCov_9fa48("2042"), "#")))) break;
        const ch = found[0];
        quote = (stryMutAct_9fa48("2043") ? line.endsWith(ch.repeat(3), found.index) : (stryCov_9fa48("2043"), line.startsWith(ch.repeat(3), found.index))) ? ch.repeat(3) : ch;
        code += stryMutAct_9fa48("2044") ? "" : (stryCov_9fa48("2044"), '"');
        i = stryMutAct_9fa48("2045") ? found.index - quote.length : (stryCov_9fa48("2045"), found.index + quote.length);
      }
    }
    // A single-quoted string ends at the line's end unless the line ends with a backslash.
    if (stryMutAct_9fa48("2048") ? quote.length === 1 || !line.endsWith("\\") : stryMutAct_9fa48("2047") ? false : stryMutAct_9fa48("2046") ? true : (stryCov_9fa48("2046", "2047", "2048"), (stryMutAct_9fa48("2050") ? quote.length !== 1 : stryMutAct_9fa48("2049") ? true : (stryCov_9fa48("2049", "2050"), quote.length === 1)) && (stryMutAct_9fa48("2051") ? line.endsWith("\\") : (stryCov_9fa48("2051"), !(stryMutAct_9fa48("2052") ? line.startsWith("\\") : (stryCov_9fa48("2052"), line.endsWith(stryMutAct_9fa48("2053") ? "" : (stryCov_9fa48("2053"), "\\")))))))) {
      if (stryMutAct_9fa48("2054")) {
        {}
      } else {
        stryCov_9fa48("2054");
        code += stryMutAct_9fa48("2055") ? "" : (stryCov_9fa48("2055"), '"');
        quote = stryMutAct_9fa48("2056") ? "Stryker was here!" : (stryCov_9fa48("2056"), "");
      }
    }
    quoteAtEnd = quote;
    return code;
  }
}
export function stripLine(line: string, state: StringState): {
  line: CodeLine;
  state: StringState;
} {
  if (stryMutAct_9fa48("2057")) {
    {}
  } else {
    stryCov_9fa48("2057");
    const code = codeOf(line, state.quote);
    return stryMutAct_9fa48("2058") ? {} : (stryCov_9fa48("2058"), {
      line: stryMutAct_9fa48("2059") ? {} : (stryCov_9fa48("2059"), {
        code,
        startedInString: stryMutAct_9fa48("2062") ? state.quote === "" : stryMutAct_9fa48("2061") ? false : stryMutAct_9fa48("2060") ? true : (stryCov_9fa48("2060", "2061", "2062"), state.quote !== (stryMutAct_9fa48("2063") ? "Stryker was here!" : (stryCov_9fa48("2063"), "")))
      }),
      state: (stryMutAct_9fa48("2066") ? quoteAtEnd !== state.quote : stryMutAct_9fa48("2065") ? false : stryMutAct_9fa48("2064") ? true : (stryCov_9fa48("2064", "2065", "2066"), quoteAtEnd === state.quote)) ? state : stryMutAct_9fa48("2067") ? {} : (stryCov_9fa48("2067"), {
        quote: quoteAtEnd
      })
    });
  }
}

/** The index of the closing delimiter from `from`, skipping backslash escapes; -1 if the line ends first. */
function findClosing(line: string, from: number, quote: string): number {
  if (stryMutAct_9fa48("2068")) {
    {}
  } else {
    stryCov_9fa48("2068");
    let i = from;
    if (stryMutAct_9fa48("2069")) {
      for (; false;) {
        const close = line.indexOf(quote, i);
        if (close === -1) return -1;
        let backslashes = 0;
        for (let j = close - 1; j >= from && line[j] === "\\"; j--) backslashes++;
        if (backslashes % 2 === 0) return close;
        i = close + 1;
      }
    } else {
      stryCov_9fa48("2069");
      for (;;) {
        if (stryMutAct_9fa48("2070")) {
          {}
        } else {
          stryCov_9fa48("2070");
          const close = line.indexOf(quote, i);
          if (stryMutAct_9fa48("2073") ? close !== -1 : stryMutAct_9fa48("2072") ? false : stryMutAct_9fa48("2071") ? true : (stryCov_9fa48("2071", "2072", "2073"), close === (stryMutAct_9fa48("2074") ? +1 : (stryCov_9fa48("2074"), -1)))) return stryMutAct_9fa48("2075") ? +1 : (stryCov_9fa48("2075"), -1);
          let backslashes = 0;
          for (let j = stryMutAct_9fa48("2076") ? close + 1 : (stryCov_9fa48("2076"), close - 1); stryMutAct_9fa48("2078") ? j >= from || line[j] === "\\" : stryMutAct_9fa48("2077") ? false : (stryCov_9fa48("2077", "2078"), (stryMutAct_9fa48("2081") ? j < from : stryMutAct_9fa48("2080") ? j > from : stryMutAct_9fa48("2079") ? true : (stryCov_9fa48("2079", "2080", "2081"), j >= from)) && (stryMutAct_9fa48("2083") ? line[j] !== "\\" : stryMutAct_9fa48("2082") ? true : (stryCov_9fa48("2082", "2083"), line[j] === (stryMutAct_9fa48("2084") ? "" : (stryCov_9fa48("2084"), "\\"))))); stryMutAct_9fa48("2085") ? j++ : (stryCov_9fa48("2085"), j--)) stryMutAct_9fa48("2086") ? backslashes-- : (stryCov_9fa48("2086"), backslashes++);
          if (stryMutAct_9fa48("2089") ? backslashes % 2 !== 0 : stryMutAct_9fa48("2088") ? false : stryMutAct_9fa48("2087") ? true : (stryCov_9fa48("2087", "2088", "2089"), (stryMutAct_9fa48("2090") ? backslashes * 2 : (stryCov_9fa48("2090"), backslashes % 2)) === 0)) return close;
          i = stryMutAct_9fa48("2091") ? close - 1 : (stryCov_9fa48("2091"), close + 1);
        }
      }
    }
  }
}
export function stripLines(lines: readonly string[], start: StringState = OUTSIDE): CodeLine[] {
  if (stryMutAct_9fa48("2092")) {
    {}
  } else {
    stryCov_9fa48("2092");
    const stripped = stryMutAct_9fa48("2093") ? new Array() : (stryCov_9fa48("2093"), new Array<CodeLine>(lines.length));
    let quote = start.quote;
    for (let i = 0; stryMutAct_9fa48("2096") ? i >= lines.length : stryMutAct_9fa48("2095") ? i <= lines.length : stryMutAct_9fa48("2094") ? false : (stryCov_9fa48("2094", "2095", "2096"), i < lines.length); stryMutAct_9fa48("2097") ? i-- : (stryCov_9fa48("2097"), i++)) {
      if (stryMutAct_9fa48("2098")) {
        {}
      } else {
        stryCov_9fa48("2098");
        stripped[i] = stryMutAct_9fa48("2099") ? {} : (stryCov_9fa48("2099"), {
          code: codeOf(lines[i], quote),
          startedInString: stryMutAct_9fa48("2102") ? quote === "" : stryMutAct_9fa48("2101") ? false : stryMutAct_9fa48("2100") ? true : (stryCov_9fa48("2100", "2101", "2102"), quote !== (stryMutAct_9fa48("2103") ? "Stryker was here!" : (stryCov_9fa48("2103"), "")))
        });
        quote = quoteAtEnd;
      }
    }
    return stripped;
  }
}
const KEYWORD_START = stryMutAct_9fa48("2104") ? /(?:def|class|if|elif|else|for|while|try|except|finally|with|return|yield|import|from|raise|assert|del|pass|break|continue|global|nonlocal|lambda|print|exec|async|await|match|case)\b/ : (stryCov_9fa48("2104"), /^(?:def|class|if|elif|else|for|while|try|except|finally|with|return|yield|import|from|raise|assert|del|pass|break|continue|global|nonlocal|lambda|print|exec|async|await|match|case)\b/);
const CODE_CHARS = stryMutAct_9fa48("2109") ? /[=()[\]{}:@<>+*/%]|^\S*$/ : stryMutAct_9fa48("2108") ? /[=()[\]{}:@<>+*/%]|^\s$/ : stryMutAct_9fa48("2107") ? /[=()[\]{}:@<>+*/%]|^\s*/ : stryMutAct_9fa48("2106") ? /[=()[\]{}:@<>+*/%]|\s*$/ : stryMutAct_9fa48("2105") ? /[^=()[\]{}:@<>+*/%]|^\s*$/ : (stryCov_9fa48("2105", "2106", "2107", "2108", "2109"), /[=()[\]{}:@<>+*/%]|^\s*$/);

/** A line that reads as prose: three or more words and none of code's punctuation. */
function looksLikeProse(code: string): boolean {
  if (stryMutAct_9fa48("2110")) {
    {}
  } else {
    stryCov_9fa48("2110");
    const text = stryMutAct_9fa48("2111") ? code : (stryCov_9fa48("2111"), code.trim());
    if (stryMutAct_9fa48("2114") ? CODE_CHARS.test(text) && KEYWORD_START.test(text) : stryMutAct_9fa48("2113") ? false : stryMutAct_9fa48("2112") ? true : (stryCov_9fa48("2112", "2113", "2114"), CODE_CHARS.test(text) || KEYWORD_START.test(text))) return stryMutAct_9fa48("2115") ? true : (stryCov_9fa48("2115"), false);
    return stryMutAct_9fa48("2118") ? text.split(/\s+/).length >= 3 || /^[A-Za-z]/.test(text) : stryMutAct_9fa48("2117") ? false : stryMutAct_9fa48("2116") ? true : (stryCov_9fa48("2116", "2117", "2118"), (stryMutAct_9fa48("2121") ? text.split(/\s+/).length < 3 : stryMutAct_9fa48("2120") ? text.split(/\s+/).length > 3 : stryMutAct_9fa48("2119") ? true : (stryCov_9fa48("2119", "2120", "2121"), text.split(stryMutAct_9fa48("2123") ? /\S+/ : stryMutAct_9fa48("2122") ? /\s/ : (stryCov_9fa48("2122", "2123"), /\s+/)).length >= 3)) && (stryMutAct_9fa48("2125") ? /^[^A-Za-z]/ : stryMutAct_9fa48("2124") ? /[A-Za-z]/ : (stryCov_9fa48("2124", "2125"), /^[A-Za-z]/)).test(text));
  }
}

/**
 * A hunk can begin inside a triple-quoted string. When its lines hold a triple quote, both readings are tried and
 * the one that leaves the least prose outside strings wins; on a tie, the hunk is taken to start outside.
 */
export function stripHunkSide(lines: readonly string[], startsAtTopOfFile = stryMutAct_9fa48("2126") ? true : (stryCov_9fa48("2126"), false)): CodeLine[] {
  if (stryMutAct_9fa48("2127")) {
    {}
  } else {
    stryCov_9fa48("2127");
    const outside = stripLines(lines);
    if (stryMutAct_9fa48("2129") ? false : stryMutAct_9fa48("2128") ? true : (stryCov_9fa48("2128", "2129"), startsAtTopOfFile)) return outside; // nothing comes before line 1
    const hasTriple = stryMutAct_9fa48("2130") ? lines.every(l => l.includes('"""') || l.includes("'''")) : (stryCov_9fa48("2130"), lines.some(stryMutAct_9fa48("2131") ? () => undefined : (stryCov_9fa48("2131"), l => stryMutAct_9fa48("2134") ? l.includes('"""') && l.includes("'''") : stryMutAct_9fa48("2133") ? false : stryMutAct_9fa48("2132") ? true : (stryCov_9fa48("2132", "2133", "2134"), l.includes(stryMutAct_9fa48("2135") ? "" : (stryCov_9fa48("2135"), '"""')) || l.includes(stryMutAct_9fa48("2136") ? "" : (stryCov_9fa48("2136"), "'''"))))));
    if (stryMutAct_9fa48("2139") ? false : stryMutAct_9fa48("2138") ? true : stryMutAct_9fa48("2137") ? hasTriple : (stryCov_9fa48("2137", "2138", "2139"), !hasTriple)) return outside;
    const prose = stryMutAct_9fa48("2140") ? () => undefined : (stryCov_9fa48("2140"), (() => {
      const prose = (stripped: CodeLine[]) => stryMutAct_9fa48("2141") ? stripped.length : (stryCov_9fa48("2141"), stripped.filter(stryMutAct_9fa48("2142") ? () => undefined : (stryCov_9fa48("2142"), l => looksLikeProse(l.code))).length);
      return prose;
    })());
    let best = outside;
    let bestProse = prose(outside);
    for (const quote of stryMutAct_9fa48("2143") ? [] : (stryCov_9fa48("2143"), [stryMutAct_9fa48("2144") ? "" : (stryCov_9fa48("2144"), '"""'), stryMutAct_9fa48("2145") ? "" : (stryCov_9fa48("2145"), "'''")])) {
      if (stryMutAct_9fa48("2146")) {
        {}
      } else {
        stryCov_9fa48("2146");
        const inside = stripLines(lines, stryMutAct_9fa48("2147") ? {} : (stryCov_9fa48("2147"), {
          quote
        }));
        const score = prose(inside);
        if (stryMutAct_9fa48("2151") ? score >= bestProse : stryMutAct_9fa48("2150") ? score <= bestProse : stryMutAct_9fa48("2149") ? false : stryMutAct_9fa48("2148") ? true : (stryCov_9fa48("2148", "2149", "2150", "2151"), score < bestProse)) {
          if (stryMutAct_9fa48("2152")) {
            {}
          } else {
            stryCov_9fa48("2152");
            best = inside;
            bestProse = score;
          }
        }
      }
    }
    return best;
  }
}