/**
 * Python source lines reduced to their code: string contents become `""` (prefixes kept, so `ur'x'` reads `ur""`)
 * and comments are dropped. The string state is carried from line to line, so a docstring's lines read as empty.
 */
export interface StringState {
  /** The closing delimiter of the string we are inside, or "" outside any string. */
  quote: string;
}

export interface CodeLine {
  code: string;
  /** Whether the line began inside a string (a continuation of a multi-line string). */
  startedInString: boolean;
}

export const OUTSIDE: StringState = { quote: "" };

/** The string open at the end of the line `codeOf` last read (a module variable: no result object per line). */
let quoteAtEnd = "";

/** A line's code, from inside the string `quote` ("" outside); leaves the quote open at its end in `quoteAtEnd`. */
function codeOf(line: string, quote: string): string {
  // Where the next `"`, `'` and `#` are, outside strings: each looked for again only once the reading has passed it
  // (-2: not looked for yet; -1: none further on). The first look tells most lines, which hold none: they are their
  // own code. Three searches of the line, kept, cost less than a pattern's search for each quote (callgrind).
  let double = -2;
  let single = -2;
  let hash = -2;
  if (quote === "") {
    double = line.indexOf('"');
    single = line.indexOf("'");
    hash = line.indexOf("#");
    // Stryker disable next-line ConditionalExpression,LogicalOperator,BlockStatement: a shortcut; the loop below gives such a line unchanged too
    if (double === -1 && single === -1 && hash === -1) {
      quoteAtEnd = "";
      return line;
    }
  }
  let code = "";
  let i = 0;
  // Stryker disable next-line EqualityOperator: at the line's end both branches find nothing more and stop
  while (i < line.length) {
    if (quote) {
      const close = findClosing(line, i, quote);
      if (close === -1) {
        i = line.length;
        break;
      }
      code += '"';
      i = close + quote.length;
      quote = "";
      continue;
    }
    if (double !== -1 && double < i) double = line.indexOf('"', i);
    if (single !== -1 && single < i) single = line.indexOf("'", i);
    if (hash !== -1 && hash < i) hash = line.indexOf("#", i);
    const at = firstOf(firstOf(double, single), hash);
    if (at === -1) {
      code += line.slice(i);
      break;
    }
    code += line.slice(i, at);
    if (at === hash) break;
    const ch = line[at];
    const triple = ch === '"' ? '"""' : "'''";
    quote = line.startsWith(triple, at) ? triple : ch;
    code += '"';
    i = at + quote.length;
  }
  // A single-quoted string ends at the line's end unless the line ends with a backslash.
  if (quote.length === 1 && !line.endsWith("\\")) {
    code += '"';
    quote = "";
  }
  quoteAtEnd = quote;
  return code;
}

/** The earlier of two positions, where -1 is none. */
const firstOf = (a: number, b: number) => (a === -1 ? b : b === -1 ? a : Math.min(a, b));

/** The index of the closing delimiter from `from`, skipping backslash escapes; -1 if the line ends first. */
function findClosing(line: string, from: number, quote: string): number {
  let i = from;
  for (;;) {
    const close = line.indexOf(quote, i);
    // The character before `from` is the opening quote (or nothing), so the backslashes stop there by themselves;
    // and with no quote found, close is -1 and no backslash stands before it.
    let escaped = false;
    for (let j = close - 1; line[j] === "\\"; j--) escaped = !escaped;
    if (!escaped) return close;
    i = close + 1;
  }
}

export function stripLines(lines: readonly string[], start: StringState = OUTSIDE): CodeLine[] {
  // Stryker disable next-line ArrayDeclaration: an array filled by index grows to the same length
  const stripped = new Array<CodeLine>(lines.length);
  let quote = start.quote;
  for (let i = 0; i < lines.length; i++) {
    stripped[i] = { code: codeOf(lines[i], quote), startedInString: quote !== "" };
    quote = quoteAtEnd;
  }
  return stripped;
}

const KEYWORD_START = /^(?:def|class|if|elif|else|for|while|try|except|finally|with|return|yield|import|from|raise|assert|del|pass|break|continue|global|nonlocal|lambda|print|exec|async|await|match|case)\b/;
const CODE_CHARS = /[=()[\]{}:@<>+*/%]|^\s*$/;

/** A line that reads as prose: three or more words and none of code's punctuation. */
function looksLikeProse(code: string): boolean {
  const text = code.trim();
  if (CODE_CHARS.test(text) || KEYWORD_START.test(text)) return false;
  return text.split(/\s+/).length >= 3 && /^[A-Za-z]/.test(text);
}

/**
 * A hunk can begin inside a triple-quoted string. When its lines hold a triple quote, both readings are tried and
 * the one that leaves the least prose outside strings wins; on a tie, the hunk is taken to start outside.
 */
export function stripHunkSide(lines: readonly string[], startsAtTopOfFile = false): CodeLine[] {
  const outside = stripLines(lines);
  if (startsAtTopOfFile) return outside; // nothing comes before line 1
  const hasTriple = lines.some((l) => l.includes('"""') || l.includes("'''"));
  if (!hasTriple) return outside;
  const prose = (stripped: CodeLine[]) => stripped.filter((l) => looksLikeProse(l.code)).length;
  let best = outside;
  let bestProse = prose(outside);
  for (const quote of ['"""', "'''"]) {
    const inside = stripLines(lines, { quote });
    const score = prose(inside);
    if (score < bestProse) {
      best = inside;
      bestProse = score;
    }
  }
  return best;
}
