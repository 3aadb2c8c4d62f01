import { RE2JS } from "re2js";

/**
 * Globs from config files and .gitattributes, which anyone who can open a pull request or edit a repository writes:
 * translated to RE2 (re2js), whose matching time is linear in the path whatever the glob, where minimatch's regular
 * expressions backtrack (`*a*a*a*b`, extglobs) and its brace expansion grows exponentially (`{a,b}` seventeen times).
 *
 * The syntax is minimatch's with `dot: true`: `*` (within a folder), `**` (any folders, as a whole segment), `?`,
 * `[abc]`, `[!a-z]`, `{a,b}` (nested, `{1..9}`), `\` escapes. Extended globs (`@(a|b)`, `+(…)`, `!(…)`) are refused.
 */

/** The longest glob accepted: its RE2 program grows with its length. */
export const MAX_GLOB_LENGTH = 256;
/** The widest numeric brace range (`{1..64}`). */
const MAX_RANGE = 64;

export class GlobError extends Error {}

export interface GlobOptions {
  /** A glob without a slash matches a path's last segment (`*.pyc` anywhere), as minimatch's matchBase. */
  matchBase?: boolean;
}

export type GlobMatcher = (path: string) => boolean;

const quote = (ch: string) => RE2JS.quote(ch);

/** The index of the bracket that closes the one at `open`, for `[` or `{` (nested for `{`), or -1. */
function closing(glob: string, open: number): number {
  const opener = glob[open];
  const closer = opener === "[" ? "]" : "}";
  let depth = 0;
  for (let i = open; i < glob.length; i++) {
    const ch = glob[i];
    if (ch === "\\") {
      i++;
      continue;
    }
    if (opener === "[") {
      // `[]a]` and `[!]a]`: a `]` first in the class is a member.
      if (ch === "]" && i > open + 1 && !(i === open + 2 && (glob[open + 1] === "!" || glob[open + 1] === "^"))) return i;
      continue;
    }
    if (ch === "{") depth++;
    else if (ch === "}" && --depth === 0) return i;
  }
  return -1;
}

/** The top-level alternatives of a brace group's inside (`a,{b,c},d` → three). */
function alternatives(inside: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < inside.length; i++) {
    const ch = inside[i];
    if (ch === "\\") i++;
    else if (ch === "{") depth++;
    else if (ch === "}") depth--;
    else if (ch === "," && depth === 0) {
      parts.push(inside.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(inside.slice(start));
  return parts;
}

function classOf(body: string): string {
  const negated = body[0] === "!" || body[0] === "^";
  const members = (negated ? body.slice(1) : body).replace(/\\(.)/g, "$1");
  // Inside an RE2 class only `\`, `]`, `[` and a leading `^` are special; `-` keeps its meaning of a range.
  const escaped = members.replace(/[\\\]\[^]/g, (c) => `\\${c}`);
  return negated ? `[^/${escaped}]` : `[${escaped}]`;
}

/** The RE2 source of a glob (or of a part of one: a brace alternative). */
function translate(glob: string): string {
  let out = "";
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i];
    if ((ch === "@" || ch === "+" || ch === "!" || ch === "?" || ch === "*") && glob[i + 1] === "(") {
      throw new GlobError(`extended globs such as \`${ch}(…)\` are not supported`);
    }
    switch (ch) {
      case "\\":
        if (i + 1 >= glob.length) throw new GlobError("ends with a lone backslash");
        out += quote(glob[++i]);
        break;
      case "*": {
        let stars = 1;
        while (glob[i + stars] === "*") stars++;
        const segmentStart = i === 0 || glob[i - 1] === "/";
        const segmentEnd = i + stars === glob.length || glob[i + stars] === "/";
        if (stars >= 2 && segmentStart && segmentEnd) {
          if (glob[i + stars] === "/") {
            out += "(?:[^/]*/)*"; // `**/`: no folder, or any number of them
            i += stars;
          } else {
            out += ".*";
            i += stars - 1;
          }
        } else {
          out += "[^/]*";
          i += stars - 1;
        }
        break;
      }
      case "?":
        out += "[^/]";
        break;
      case "[": {
        const end = closing(glob, i);
        if (end === -1) throw new GlobError("has a `[` that is never closed");
        out += classOf(glob.slice(i + 1, end));
        i = end;
        break;
      }
      case "{": {
        const end = closing(glob, i);
        if (end === -1) throw new GlobError("has a `{` that is never closed");
        const inside = glob.slice(i + 1, end);
        const range = /^(-?\d+)\.\.(-?\d+)$/.exec(inside);
        if (range) {
          const [from, to] = [Number(range[1]), Number(range[2])];
          if (Math.abs(to - from) >= MAX_RANGE) throw new GlobError(`has a brace range wider than ${MAX_RANGE}`);
          const step = from <= to ? 1 : -1;
          const values: string[] = [];
          for (let n = from; n !== to + step; n += step) values.push(String(n));
          out += `(?:${values.join("|")})`;
        } else {
          const parts = alternatives(inside);
          // `{a}` has no alternative: minimatch reads it as the literal text.
          out += parts.length < 2 ? quote(`{${inside}}`) : `(?:${parts.map(translate).join("|")})`;
        }
        i = end;
        break;
      }
      default:
        out += quote(ch);
    }
  }
  return out;
}

/** What is wrong with a glob, in words for a config error, or undefined when it compiles. */
export function globProblem(glob: string): string | undefined {
  try {
    compileGlob(glob);
    return undefined;
  } catch (error) {
    return error instanceof GlobError ? error.message : String(error);
  }
}

/** A linear-time matcher for a glob; throws GlobError when the glob is refused or invalid. */
export function compileGlob(glob: string, options: GlobOptions = {}): GlobMatcher {
  if (glob.length > MAX_GLOB_LENGTH) throw new GlobError(`is longer than ${MAX_GLOB_LENGTH} characters`);
  let pattern: RE2JS;
  try {
    pattern = RE2JS.compile(`^(?:${translate(glob)})$`);
  } catch (error) {
    if (error instanceof GlobError) throw error;
    throw new GlobError(`is not a valid glob (${(error as Error).message})`);
  }
  const base = options.matchBase === true && !glob.includes("/");
  return (path) => pattern.matches(base ? path.slice(path.lastIndexOf("/") + 1) : path);
}

/** A matcher for a glob that may be invalid: an invalid one matches nothing (config validation reports it). */
export function globMatcher(glob: string, options: GlobOptions = {}): GlobMatcher {
  try {
    return compileGlob(glob, options);
  } catch {
    return () => false;
  }
}
