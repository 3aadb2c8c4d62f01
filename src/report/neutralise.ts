/**
 * Text that users write or that comes from file names, made safe for the app to post: it cannot mention a person or a
 * team, inject HTML, break out of its table cell or code span, or reorder what a reader sees with bidirectional
 * control characters (a file named `exe.‮txt` reads as `exe.txt`).
 */

/** Bidirectional controls and other invisible format or control characters: dropped. */
const INVISIBLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u061C\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/g;
/** Characters Markdown reads as syntax in running text. */
const MARKDOWN = /[\\`*_{}[\]()#+\-.!|~]/g;

/** Without invisible controls; line breaks become spaces. */
export const visible = (text: string) => text.replace(/\r\n?|\n/g, " ").replace(INVISIBLE, "");

/** Outside code spans, text that mentions no one and holds no HTML: `@` gets a word joiner, `<` and `>` become `‹›`. */
export function safeText(text: string): string {
  return visible(text).replace(/(`+)[^`]*?\1|[^`]+|`+/g, (part) => (part.startsWith("`") ? part : part.replace(/@/g, "@\u2060").replace(/</g, "‹").replace(/>/g, "›")));
}

/**
 * Running text: Markdown and HTML characters escaped, and `@` followed by a zero-width joiner so that no mention is
 * made (GitHub links `@name` only when nothing stands between).
 */
export function plainText(text: string, max = 500): string {
  const clipped = [...visible(text)].slice(0, max).join("");
  // `&` first, so that an entity written by the user (`&#64;`) shows as text and makes no mention or tag.
  const html = clipped.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  return html.replace(MARKDOWN, (c) => `\\${c}`).replace(/@/g, "@\u2060");
}

/**
 * Inline code that its own text cannot close: a fence one backtick longer than the longest run inside. Nothing inside
 * a code span is a mention or HTML. `|` is escaped too, as a table cell needs.
 */
export function codeSpan(text: string, max = 500): string {
  const inside = [...visible(text)].slice(0, max).join("").replace(/\|/g, "\\|");
  const longest = Math.max(0, ...[...inside.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = "`".repeat(longest + 1);
  const pad = inside.startsWith("`") || inside.endsWith("`") || longest > 0 ? " " : "";
  return `${fence}${pad}${inside}${pad}${fence}`;
}
