/** A GitHub-style per-file patch from lines: "+" adds, "-" removes, anything else is context. */
// @ts-nocheck

export function patch(lines: string[], start = 1): string {
  const oldCount = lines.filter((l) => !l.startsWith("+")).length;
  const newCount = lines.filter((l) => !l.startsWith("-")).length;
  return `@@ -${start},${oldCount} +${start},${newCount} @@\n${lines.map((l) => (l.startsWith("+") || l.startsWith("-") ? l : ` ${l}`)).join("\n")}`;
}
