import { compileGlob, GlobError } from "../analysis/safe-glob.js";

/** Where GitHub looks for the code owners, in its order: the first that exists is used. */
export const CODEOWNERS_PATHS = [".github/CODEOWNERS", "CODEOWNERS", "docs/CODEOWNERS"];

/** Lines of a CODEOWNERS file read at most (GitHub ignores a file over 3 MB; this bounds the work on any file). */
const MAX_RULES = 5000;

/**
 * The owners of a path under a CODEOWNERS file, as GitHub reads it: the last matching line wins, and a line with a
 * pattern but no owners leaves its files without one. Patterns are gitignore's, run as RE2 globs: anchored when they
 * start with `/` or hold a `/` before their end, else matched at any depth; a pattern matches a folder's files too.
 * Lines GitHub does not support (`!` negation, `[…]` ranges) are skipped; braces are literal, as in gitignore.
 */
export function codeOwners(text: string): (path: string) => string | undefined {
  const rules: Array<{ matches: (path: string) => boolean; owners: string }> = [];
  for (const raw of text.split(/\r?\n/).slice(0, MAX_RULES)) {
    const line = raw.replace(/(^|\s)#.*$/, "").trim();
    if (!line || line.startsWith("!")) continue;
    const [written, ...owners] = line.split(/\s+/);
    if (/[[\]]/.test(written)) continue;
    const pattern = written.replace(/[{}]/g, "\\$&");
    const anchored = pattern.startsWith("/") || pattern.slice(0, -1).includes("/");
    let glob = pattern.replace(/^\//, "");
    if (!anchored) glob = `**/${glob}`;
    const folder = glob.endsWith("/") ? `${glob}**` : undefined;
    try {
      const exact = folder ? undefined : compileGlob(glob);
      const within = compileGlob(folder ?? `${glob}/**`);
      rules.push({ matches: (path) => within(path) || (exact?.(path) ?? false), owners: owners.filter((o) => /^@?[\w.@/-]+$/.test(o)).join(" ") });
    } catch (error) {
      if (!(error instanceof GlobError)) throw error;
    }
  }
  return (path) => {
    for (let i = rules.length - 1; i >= 0; i--) if (rules[i].matches(path)) return rules[i].owners || undefined;
    return undefined;
  };
}
