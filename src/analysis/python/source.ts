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

export function stripLine(line: string, state: StringState): { line: CodeLine; state: StringState } {
  let code = "";
  let quote = state.quote;
  const startedInString = quote !== "";
  let i = 0;
  while (i < line.length) {
    if (quote) {
      const ch = line[i];
      if (ch === "\\") {
        i += 2;
        continue;
      }
      if (line.startsWith(quote, i)) {
        code += '"';
        i += quote.length;
        quote = "";
        continue;
      }
      i++;
      continue;
    }
    const ch = line[i];
    if (ch === "#") break;
    if (ch === '"' || ch === "'") {
      const triple = line.startsWith(ch.repeat(3), i);
      quote = triple ? ch.repeat(3) : ch;
      code += '"';
      i += quote.length;
      continue;
    }
    code += ch;
    i++;
  }
  // A single-quoted string ends at the line's end unless the line ends with a backslash.
  if (quote.length === 1 && !line.endsWith("\\")) {
    code += '"';
    quote = "";
  }
  return { line: { code, startedInString }, state: { quote } };
}

export function stripLines(lines: readonly string[], start: StringState = OUTSIDE): CodeLine[] {
  let state = start;
  return lines.map((text) => {
    const result = stripLine(text, state);
    state = result.state;
    return result.line;
  });
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
export function stripHunkSide(lines: readonly string[]): CodeLine[] {
  const outside = stripLines(lines);
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
