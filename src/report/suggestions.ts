import type { Regression } from "../analysis/migration.js";
import type { Suggestion } from "../fix/suggestions.js";
import { count } from "../plural.js";
import { codeSpan } from "./neutralise.js";

/** The hidden mark of a suggestion the app posted: a recheck or a new push never posts the same fix twice. */
export const FINGERPRINT = /<!-- small-steps:fix:([0-9a-f]{16}) -->/g;
const LISTED = 20;

/** Characters a suggestion must not carry (the fixed text is the author's own code, but never invisibly reordered). */
const INVISIBLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u061C\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/;

/** Whether a suggestion can be posted as it is. */
export const postable = (s: Suggestion) => !INVISIBLE.test(s.replacement);

/** One review comment: the rules it fixes, the suggested lines in a fence their own text cannot close, the mark. */
export function renderSuggestion(s: Suggestion): string {
  const longest = Math.max(2, ...[...s.replacement.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = "`".repeat(longest + 1);
  const what = s.rules.includes("imports")
    ? "**small-steps** · the imports the other suggested fixes need (six, `__future__`): apply it with them."
    : `**small-steps** · ${s.rules.map((r) => codeSpan(r, 60)).join(", ")}: ${s.startLine === s.endLine ? "this line" : "these lines"} fixed.`;
  return [what, `${fence}suggestion`, s.replacement, fence, `<!-- small-steps:fix:${s.fingerprint} -->`].join("\n");
}

const where = (path: string, line: number) => codeSpan(`${path}:${line}`, 200);

/** The review's body: what is suggested, and what is not (over the cap, no mechanical fix, file not read). */
export function renderReviewBody(posted: readonly Suggestion[], overCap: readonly Suggestion[], unfixed: readonly Regression[], unread: readonly string[]): string {
  const lines = [`**small-steps: ${count(posted.length, "suggested fix")}** for Python 2 constructs this pull request adds. Each was checked on the whole file: the fixed file parses and the construct is gone. "Add suggestion to batch" applies several in one commit.`];
  const list = (title: string, items: string[]) => {
    if (!items.length) return;
    lines.push("", title, ...items.slice(0, LISTED).map((i) => `- ${i}`));
    if (items.length > LISTED) lines.push(`- … and ${items.length - LISTED} more`);
  };
  list(`Over this review's limit of ${posted.length} (\`fixes.maxSuggestions\`): run \`small-steps fix\` on these files, or \`/small-steps fix\` again once these are applied.`, overCap.map((s) => `${where(s.path, s.startLine)}: ${s.rules.map((r) => codeSpan(r, 60)).join(", ")}`));
  list("No mechanical fix (or one that would reach lines this pull request did not add):", unfixed.map((r) => `${where(r.path, r.line)}: ${codeSpan(r.rule, 60)}`));
  list("Not read whole, so no fix was computed:", unread.map((p) => codeSpan(p, 200)));
  return lines.join("\n");
}
