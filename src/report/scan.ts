import type { ScanResult } from "../analysis/scan/scanner.js";
import type { Python3Support } from "../analysis/dependencies/changes.js";
import { count, formatCount as n } from "../plural.js";
import { code } from "./markdown.js";
import { codeSpan } from "./neutralise.js";

/** A path as one shell word: quoted where it holds anything but safe characters. */
export const shellWord = (path: string) => (/^[\w./@%+=:,-]+$/.test(path) ? path : `'${path.replace(/'/g, "'\\''")}'`);

/** A link to a file (and line) at the scanned commit, or undefined where there is none (a working tree). */
export type Linker = (path: string, line?: number) => string | undefined;

export interface ScanReportOptions {
  /** The size limit the batches were made to fit: "L (499 lines)". */
  limit: string;
  /** The same limit in counted lines, for `small-steps fix --max-lines`. */
  maxLines?: number;
  link?: Linker;
  /** Python 3 support of the declared packages, where the package index was asked. */
  python3?: ReadonlyMap<string, { python3: Python3Support; reason?: string }>;
}

const RULE_ROWS = 60;
const FOLDER_ROWS = 40;
const BATCHES_LISTED = 10;
const DEPENDENCY_ROWS = 80;

const percent = (part: number, whole: number) => (whole === 0 ? "100%" : `${Math.floor((part / whole) * 100)}%`);
const linked = (text: string, url: string | undefined) => (url ? `[${text}](${url})` : text);

/** The headline: one number, the files with any, the lines scanned, the share of files already clean. */
export function renderHeadline(result: ScanResult): string {
  const withAny = result.filesWithRemaining.length;
  const clean = result.files - withAny;
  const fixable = result.fixable.total ? ` ${n(result.fixable.total)} of them (${percent(result.fixable.total, result.remaining.total)}) have an automatic fix: ${code(fixCommand(result, [], "--write"))}.` : "";
  return `**${count(result.remaining.total, "old construct")} remaining** in ${count(withAny, "file")} of ${n(result.files)} scanned; ${count(result.lines, "Python line")} scanned; **${percent(clean, result.files)}** of files already clean.${fixable}`;
}

/** The `small-steps fix` command for some paths (the whole tree when none), for the scan's fix target. */
function fixCommand(result: ScanResult, paths: readonly string[], ...options: string[]): string {
  return ["small-steps fix", ...paths.map(shellWord), ...(result.fixable.target === "compatible" ? [] : [`--target ${result.fixable.target}`]), ...options].join(" ");
}

/** The scan's sections in Markdown: what `small-steps scan` prints and the dashboard issue shows. */
export function renderScanSections(result: ScanResult, options: ScanReportOptions): string[] {
  const out: string[] = [];
  const link = options.link ?? (() => undefined);
  const rules = Object.entries(result.remaining.byRule).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  if (rules.length) {
    const fixable = new Set(result.fixable.rules);
    const rows = rules.slice(0, RULE_ROWS).map(([rule, total]) => {
      const example = result.examples[rule];
      return `| \`${rule}\` | ${n(total)} | ${fixable.has(rule) ? "yes" : "no"} | ${example ? linked(`${code(example.path)}:${example.line}`, link(example.path, example.line)) : ""} |`;
    });
    if (rules.length > RULE_ROWS) rows.push(`| … and ${count(rules.length - RULE_ROWS, "more rule")} | | | |`);
    out.push(["### By rule", `| Rule | Remaining | Automatic fix (${result.fixable.target}) | Example |`, "|---|--:|---|---|", ...rows].join("\n"));
  }
  const folders = Object.entries(result.filesByFolder).sort((a, b) => (result.remaining.byFolder[b[0]] ?? 0) - (result.remaining.byFolder[a[0]] ?? 0) || (a[0] < b[0] ? -1 : 1));
  if (folders.length) {
    const rows = folders.slice(0, FOLDER_ROWS).map(([folder, share]) => `| ${code(folder)} | ${n(result.remaining.byFolder[folder] ?? 0)} | ${n(result.fixable.byFolder[folder] ?? 0)} | ${percent(share.clean, share.files)} of ${count(share.files, "file")} |`);
    if (folders.length > FOLDER_ROWS) rows.push(`| … and ${count(folders.length - FOLDER_ROWS, "more folder")} | | | |`);
    out.push(["### By folder", "| Folder | Remaining | Automatic fix | Clean |", "|---|--:|--:|--:|", ...rows].join("\n"));
  }
  if (result.batches.length) {
    const rulesOf = new Map(result.filesWithRemaining.map((f) => [f.path, f.rules]));
    const fixableRules = new Set(result.fixable.rules);
    const steps = result.batches.slice(0, BATCHES_LISTED).map((b, i) => {
      const shown = b.paths.slice(0, 8).map(code).join(", ") + (b.paths.length > 8 ? ` and ${count(b.paths.length - 8, "more file")}` : "");
      // The command that makes the batch: its files when they fit on a line, else a step of the same size.
      const fixable = b.paths.some((p) => Object.keys(rulesOf.get(p) ?? {}).some((rule) => fixableRules.has(rule)));
      const make = !fixable ? "" : b.paths.length <= 8 ? `. Make it: ${codeSpan(fixCommand(result, b.paths, "--write"), 2000)}` : options.maxLines ? `. Make a step of this size: ${codeSpan(fixCommand(result, [], `--max-lines ${options.maxLines}`, "--write"), 2000)}` : "";
      return `${i + 1}. ${count(b.constructs, "construct")} in ${count(b.paths.length, "file")}: ${shown}. See it: ${codeSpan(`small-steps scan ${b.paths.slice(0, 8).map(shellWord).join(" ")}${b.paths.length > 8 ? " …" : ""}`, 2000)}${make}`;
    });
    if (result.batches.length > BATCHES_LISTED) steps.push(`… and ${count(result.batches.length - BATCHES_LISTED, "more batch")}.`);
    out.push([`### Next small steps`, `Each batch fits in one pull request within the ${options.limit} limit, easiest first:`, "", ...steps].join("\n"));
  }
  if (result.dependencies.length) {
    const support = (name: string) => {
      const s = options.python3?.get(name);
      return !s ? "not asked" : s.python3 === "yes" ? "yes" : s.python3 === "no" ? "**no**" : "unknown";
    };
    const rows = result.dependencies.slice(0, DEPENDENCY_ROWS).map((d) => `| ${code(d.name)} | ${d.manifests.map(code).join(", ")} | ${support(d.name)} | ${d.imported ? "yes" : "**no: a candidate to delete**"} |`);
    if (result.dependencies.length > DEPENDENCY_ROWS) rows.push(`| … and ${count(result.dependencies.length - DEPENDENCY_ROWS, "more package")} | | | |`);
    const unused = result.dependencies.filter((d) => !d.imported).length;
    out.push(
      [
        "### Packages to delete rather than port",
        unused
          ? `${count(unused, "declared package")} ${unused === 1 ? "is" : "are"} imported by no scanned file: candidates to delete instead of porting. Check first: a plugin or an entry point can load a package without an import.`
          : "Every declared package is imported by a scanned file.",
        "",
        "| Package | Declared in | Python 3 | Imported |",
        "|---|---|---|---|",
        ...rows,
      ].join("\n"),
    );
  }
  if (result.skipped.length || result.excluded) {
    const reasons = new Map<string, number>();
    for (const s of result.skipped) {
      const reason = s.reason.replace(/ \(.*\)$/, "");
      reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
    }
    const parts = [...reasons].map(([reason, k]) => `${reason}: ${n(k)}`);
    if (result.excluded) parts.push(`vendored, generated or excluded by the config: ${n(result.excluded)}`);
    out.push(`### Not scanned\n${count(result.skipped.length + result.excluded, "file")} not scanned (${parts.join("; ")}).`);
  }
  return out;
}
