import { isRuntimeManifest, manifestKind, parseManifest, projectNamesIn } from "../dependencies/manifests.js";
import { normaliseName } from "../dependencies/requirement.js";
import { builtInDecision, ExclusionRules, type FileDecision } from "../exclusions.js";
import { sampleOfText } from "../generated/sample.js";
import { GitattributesIndex } from "../gitattributes.js";
import type { LinePack } from "../line-pack.js";
import { batchesOf, byPath, type Batch } from "./batches.js";
import { importedModules, importNamesOf, importsAny } from "./imports.js";

/** Files larger than this are skipped (and counted): generated data, not code anyone migrates by hand. */
export const MAX_FILE_BYTES = 1024 * 1024;

/** What the scan keeps of one file: enough to decide its exclusion late and to summarise, not its text. */
export interface FileScan {
  path: string;
  lines: number;
  /** Old constructs still in the file, by rule, with the first line of each. */
  rules: Record<string, { count: number; line: number }>;
  imports: string[];
  /** Linguist's built-in outcome for the file (its path and a generator's marker in its text). */
  builtIn: FileDecision;
}

export interface ManifestScan {
  path: string;
  text: string;
}

export interface ScanSkip {
  path: string;
  reason: string;
}

/** Whether the scan reads a file at all: a pack applies to it, or it is a dependency manifest. */
export function scanReads(path: string, packs: readonly LinePack[]): boolean {
  return manifestKind(path) !== undefined || packs.some((p) => p.appliesTo(path));
}

/** One file's bytes through the packs: the pure per-file step, run on whichever thread holds the file. */
export function scanBytes(path: string, bytes: Uint8Array, packs: readonly LinePack[]): { file?: FileScan; manifest?: ManifestScan; skip?: ScanSkip } {
  const applicable = packs.filter((p) => p.appliesTo(path));
  const manifest = manifestKind(path) !== undefined;
  if (!applicable.length && !manifest) return {};
  if (bytes.byteLength > MAX_FILE_BYTES) return { skip: { path, reason: `over 1 MB (${Math.round(bytes.byteLength / 1024)} KB)` } };
  let text: string;
  try {
    text = UTF8.decode(bytes);
  } catch {
    return { skip: { path, reason: "not UTF-8" } };
  }
  const builtIn = builtInDecision(path, sampleOfText(text));
  const out: { file?: FileScan; manifest?: ManifestScan } = manifest ? { manifest: { path, text } } : {};
  if (applicable.length) {
    const rules: FileScan["rules"] = {};
    for (const pack of applicable) {
      for (const { rule, line } of pack.scan(text)) {
        const seen = rules[rule];
        if (seen) seen.count++;
        else rules[rule] = { count: 1, line };
      }
    }
    out.file = { path, lines: countLines(text), rules, imports: importedModules(text), builtIn };
  }
  return out;
}

const UTF8 = new TextDecoder("utf-8", { fatal: true });

function countLines(text: string): number {
  if (text === "") return 0;
  let lines = 1;
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) lines++;
  return text.endsWith("\n") ? lines - 1 : lines;
}

export interface ScanOptions {
  exclude: readonly string[];
  /** .gitattributes files of the tree, by path. */
  gitattributes: ReadonlyArray<{ path: string; text: string }>;
  /** The most counted lines a pull request may have within the size limit: what a batch may take. */
  batchLines: number;
  /** Folder depth of the by-folder table. */
  depth: number;
  /** Distribution → module names, beyond the built-in table. */
  importNames?: Readonly<Record<string, readonly string[]>>;
  /** The rules `small-steps fix` rewrites for the configured target: their constructs count as fixable. */
  fixable?: { rules: ReadonlySet<string>; target: string };
}

export interface DependencyUse {
  name: string;
  manifests: string[];
  imported: boolean;
}

/** The scan of a tree, as `small-steps scan --json` prints it and the dashboard renders it. */
export interface ScanResult {
  files: number;
  lines: number;
  /** Files not counted by the size check's rules (vendored, generated, the config's globs). */
  excluded: number;
  skipped: ScanSkip[];
  remaining: { total: number; byRule: Record<string, number>; byFolder: Record<string, number> };
  /** Files scanned per folder, for the share already clean. */
  filesByFolder: Record<string, { files: number; clean: number }>;
  filesWithRemaining: Array<{ path: string; count: number; rules: Record<string, number> }>;
  /** For each rule, its first occurrence (the file with the most, then by path). */
  examples: Record<string, { path: string; line: number }>;
  batches: Batch[];
  dependencies: DependencyUse[];
  /** Remaining constructs of rules `small-steps fix` rewrites (for `target`), in all and by folder. */
  fixable: { target: string; total: number; byFolder: Record<string, number>; rules: string[] };
}

export function folderOf(path: string, depth: number): string {
  const parts = path.split("/");
  return parts.length <= 1 ? "." : parts.slice(0, Math.min(depth, parts.length - 1)).join("/");
}


/** The per-file scans summed up, each file decided with the tree's .gitattributes and the config's globs. */
export function summariseScan(fileScans: readonly FileScan[], manifests: readonly ManifestScan[], skipped: readonly ScanSkip[], options: ScanOptions): ScanResult {
  const rules = new ExclusionRules(options.exclude, new GitattributesIndex([...options.gitattributes]));
  const counted = (path: string, builtIn: FileDecision) => (rules.override(path) ?? builtIn).counted;
  const kept = fileScans.filter((f) => counted(f.path, f.builtIn)).sort(byPath);
  const result: ScanResult = {
    files: kept.length,
    lines: 0,
    excluded: fileScans.length - kept.length,
    skipped: [...skipped].sort(byPath),
    remaining: { total: 0, byRule: {}, byFolder: {} },
    filesByFolder: {},
    filesWithRemaining: [],
    examples: {},
    batches: [],
    dependencies: [],
    fixable: { target: options.fixable?.target ?? "compatible", total: 0, byFolder: {}, rules: [] },
  };
  const fixableRules = options.fixable?.rules ?? new Set<string>();
  const modules = new Set<string>();
  const exampleCounts: Record<string, number> = {};
  for (const file of kept) {
    result.lines += file.lines;
    for (const m of file.imports) modules.add(m);
    const folder = folderOf(file.path, options.depth);
    const share = (result.filesByFolder[folder] ??= { files: 0, clean: 0 });
    share.files++;
    const entries = Object.entries(file.rules);
    if (!entries.length) {
      share.clean++;
      continue;
    }
    const own: Record<string, number> = {};
    let count = 0;
    for (const [rule, { count: n, line }] of entries) {
      own[rule] = n;
      count += n;
      result.remaining.byRule[rule] = (result.remaining.byRule[rule] ?? 0) + n;
      if (n > (exampleCounts[rule] ?? 0)) {
        exampleCounts[rule] = n;
        result.examples[rule] = { path: file.path, line };
      }
    }
    result.remaining.total += count;
    result.remaining.byFolder[folder] = (result.remaining.byFolder[folder] ?? 0) + count;
    const fixable = entries.reduce((sum, [rule, { count: n }]) => sum + (fixableRules.has(rule) ? n : 0), 0);
    if (fixable) {
      result.fixable.total += fixable;
      result.fixable.byFolder[folder] = (result.fixable.byFolder[folder] ?? 0) + fixable;
    }
    result.filesWithRemaining.push({ path: file.path, count, rules: own });
  }
  result.fixable.rules = Object.keys(result.remaining.byRule).filter((rule) => fixableRules.has(rule)).sort();
  result.batches = batchesOf(result.filesWithRemaining, options.batchLines);
  result.dependencies = dependencyUses(manifests.filter((m) => counted(m.path, builtInDecision(m.path, undefined))), modules, options.importNames);
  return result;
}

/** Each distribution the manifests declare, with the manifests naming it and whether any scanned file imports it. */
function dependencyUses(manifests: readonly ManifestScan[], modules: ReadonlySet<string>, extra?: Readonly<Record<string, readonly string[]>>): DependencyUse[] {
  const byKey = new Map<string, DependencyUse>();
  // The project's own names (an old name kept in a requirements file is the project, not a package to delete).
  const own = new Set(manifests.flatMap((m) => projectNamesIn(manifestKind(m.path)!, m.text)).map(normaliseName));
  // Only what the code needs to run: documentation, test and development requirements are not candidates.
  for (const manifest of [...manifests].filter((m) => isRuntimeManifest(m.path)).sort(byPath)) {
    const kind = manifestKind(manifest.path)!;
    for (const requirement of parseManifest(kind, manifest.text).requirements) {
      if (own.has(requirement.key)) continue;
      const use = byKey.get(requirement.key) ?? { name: requirement.name, manifests: [], imported: importsAny(modules, importNamesOf(requirement.name, extra)) };
      if (!use.manifests.includes(manifest.path)) use.manifests.push(manifest.path);
      byKey.set(requirement.key, use);
    }
  }
  // Stryker disable next-line EqualityOperator: names of one key never differ only in case, so no two compare equal
  return [...byKey.values()].sort((a, b) => (a.name.toLowerCase() < b.name.toLowerCase() ? -1 : 1));
}
