import { globMatcher } from "./safe-glob.js";

/** The linguist attributes small-steps reads: true (set), false (unset) or undefined (unspecified). */
export interface LinguistAttributes {
  generated?: boolean;
  vendored?: boolean;
}

/** Where an attribute came from, to tell the user why a file was excluded. */
export interface AttributeSource {
  file: string;
  line: number;
  pattern: string;
}

interface AttributeRule {
  directory: string; // folder of the .gitattributes file, "" for the root, no trailing slash
  pattern: string;
  anchored: boolean;
  settings: Partial<Record<keyof LinguistAttributes, boolean | null>>; // null: reset to unspecified (`!attr`)
  source: AttributeSource;
}

const ATTRIBUTE_NAMES: Record<string, keyof LinguistAttributes> = {
  "linguist-generated": "generated",
  "linguist-vendored": "vendored",
};

function parseValue(token: string): [string, boolean | null] | undefined {
  if (token.startsWith("-")) return [token.slice(1), false];
  if (token.startsWith("!")) return [token.slice(1), null];
  const eq = token.indexOf("=");
  if (eq === -1) return [token, true];
  const value = token.slice(eq + 1).toLowerCase();
  if (value === "true") return [token.slice(0, eq), true];
  if (value === "false") return [token.slice(0, eq), false];
  return undefined; // linguist only understands true/false
}

function unquote(pattern: string): string {
  if (pattern.length >= 2 && pattern.startsWith('"') && pattern.endsWith('"')) {
    return pattern.slice(1, -1).replace(/\\(.)/g, "$1");
  }
  return pattern;
}

/** The pattern and the rest of a line; only attribute names are looked for in the rest, and no pattern's tail is one. */
function splitPattern(line: string): [string, string] {
  if (line.startsWith('"')) {
    const end = line.slice(1).search(/(?<!\\)"/) + 1;
    // Stryker disable next-line MethodExpression,ArithmeticOperator: more of the pattern in the rest adds no attribute name
    if (end > 0) return [line.slice(0, end + 1), line.slice(end + 1)];
  }
  const space = line.search(/\s/);
  // Stryker disable next-line ConditionalExpression,UnaryOperator,StringLiteral: without a space there is no attribute, whatever the rest
  return space === -1 ? [line, ""] : [line.slice(0, space), line.slice(space)];
}

/** Parse one .gitattributes file found at `filePath` (e.g. "src/gen/.gitattributes"). */
export function parseGitattributes(filePath: string, text: string): AttributeRule[] {
  const slash = filePath.lastIndexOf("/");
  const directory = slash === -1 ? "" : filePath.slice(0, slash);
  const rules: AttributeRule[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    // Comments, macro definitions; and negative patterns, which git forbids (it warns and ignores the line).
    if (line.startsWith("#") || line.startsWith("[attr]") || line.startsWith("!")) return;
    const [rawPattern, rest] = splitPattern(line);
    const settings: AttributeRule["settings"] = {};
    for (const [token] of rest.matchAll(/\S+/g)) {
      const parsed = parseValue(token);
      const name = parsed && ATTRIBUTE_NAMES[parsed[0]];
      if (name) settings[name] = parsed[1];
    }
    if (Object.keys(settings).length === 0) return; // a blank line, or attributes linguist does not read
    let pattern = unquote(rawPattern);
    // Patterns that match a folder do not apply to the files inside it (gitattributes(5)): "dir/" never matches a file.
    // Stryker disable next-line ConditionalExpression: a shortcut; a glob matches no file path against a pattern ending in "/" either
    if (pattern.endsWith("/")) return;
    const anchored = pattern.includes("/");
    if (pattern.startsWith("/")) pattern = pattern.slice(1);
    rules.push({ directory, pattern, anchored, settings, source: { file: filePath, line: index + 1, pattern: rawPattern } });
  });
  return rules;
}

export interface ResolvedAttributes {
  attributes: LinguistAttributes;
  sources: Partial<Record<keyof LinguistAttributes, AttributeSource>>;
}

/**
 * The attributes of the .gitattributes files of a tree, in the order git applies them:
 * shallower files first, later lines after earlier ones, so the last matching rule wins.
 */
export class GitattributesIndex {
  private readonly rules: AttributeRule[];
  private readonly matchers = new Map<AttributeRule, (path: string) => boolean>();

  constructor(files: Array<{ path: string; text: string }>) {
    // Stryker disable next-line StringLiteral: a folder's file has a shorter path than any file below it, so length orders them alike
    const depth = (p: string) => p.split("/").length;
    // Files of one depth are in different folders, so never apply to one path together: their order does not matter.
    const sorted = [...files].sort((a, b) => depth(a.path) - depth(b.path));
    this.rules = sorted.flatMap((f) => parseGitattributes(f.path, f.text));
  }

  get size(): number {
    return this.rules.length;
  }

  private matches(rule: AttributeRule, path: string): boolean {
    const prefix = rule.directory ? rule.directory + "/" : "";
    if (prefix && !path.startsWith(prefix)) return false;
    let matcher = this.matchers.get(rule);
    // Stryker disable next-line ConditionalExpression: compiling every time is slower, not different
    if (!matcher) {
      matcher = globMatcher(rule.pattern, { matchBase: !rule.anchored });
      this.matchers.set(rule, matcher);
    }
    return matcher(path.slice(prefix.length));
  }

  resolve(path: string): ResolvedAttributes {
    const attributes: LinguistAttributes = {};
    const sources: ResolvedAttributes["sources"] = {};
    for (const rule of this.rules) {
      if (!this.matches(rule, path)) continue;
      for (const [name, value] of Object.entries(rule.settings) as Array<[keyof LinguistAttributes, boolean | null]>) {
        if (value === null) {
          delete attributes[name];
          delete sources[name];
        } else {
          attributes[name] = value;
          sources[name] = rule.source;
        }
      }
    }
    return { attributes, sources };
  }
}

/** The folders whose .gitattributes can apply to these paths: the root and every ancestor folder. */
export function gitattributesCandidates(paths: Iterable<string>): string[] {
  const folders = new Set<string>([""]);
  for (const path of paths) {
    let slash = path.lastIndexOf("/");
    // Stryker disable next-line EqualityOperator: a path starting with a slash reaches the root, which is in the set
    while (slash > 0) {
      const folder = path.slice(0, slash);
      // Stryker disable next-line ConditionalExpression: the set keeps each folder once; stopping early saves the walk
      if (folders.has(folder)) break;
      folders.add(folder);
      slash = folder.lastIndexOf("/");
    }
  }
  return [...folders].sort().map((folder) => (folder ? `${folder}/.gitattributes` : ".gitattributes"));
}
