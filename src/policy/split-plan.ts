import { comparePaths } from "../analysis/path-order.js";
import type { SchemaMigrationMeasurement } from "../analysis/schema-migrations.js";
import { classify, type FileMeasure, type SizeClass, type SizeThresholds } from "../analysis/size.js";

export type PartKind = "schema" | "migration" | "change";

export interface SplitPart {
  kind: PartKind;
  /** The modules (folders) the part holds. */
  modules: string[];
  files: FileMeasure[];
  lines: number;
  sizeClass: SizeClass;
  /** A single file larger than the limit: the part cannot be under it without splitting that file's change. */
  overLimit: boolean;
}

export interface SplitPlan {
  capacity: number;
  parts: SplitPart[];
}

const TEST_FOLDERS = new Set(["test", "tests", "__tests__", "spec", "specs", "testing"]);
const SOURCE_ROOTS = new Set(["src", "lib"]);

/**
 * The module a file belongs to, so that a module's tests stay with its code: test folders are dropped from the
 * path (`tests/shop/test_cart.py` and `src/shop/cart.py` are both `shop`), as are leading `src/` or `lib/`.
 */
export function moduleOf(path: string): string {
  const folders = path.split("/").slice(0, -1).filter((segment) => !TEST_FOLDERS.has(segment));
  while (folders.length && SOURCE_ROOTS.has(folders[0])) folders.shift();
  return folders.slice(0, 2).join("/") || "(top level)";
}

interface Group {
  kind: PartKind;
  module: string;
  files: FileMeasure[];
  lines: number;
}

const KIND_ORDER: Record<PartKind, number> = { schema: 0, migration: 1, change: 2 };

/**
 * Group a pull request's counted files into parts that each stay under the limit: schema migrations alone and
 * first, then migration work, then the other changes; a module's files (its tests included) together where they
 * fit, first-fit by decreasing size. `migrationFiles` are the files whose changed lines are mostly migration work.
 */
export function planSplit(
  files: readonly FileMeasure[],
  schema: SchemaMigrationMeasurement,
  migrationFiles: ReadonlySet<string>,
  thresholds: SizeThresholds,
  limit: Exclude<SizeClass, "XXL">,
): SplitPlan {
  const capacity = thresholds[limit] - 1; // the largest size that is still within the limit
  const schemaFiles = new Set(schema.files.map((f) => f.path));
  const groups = new Map<string, Group>();
  for (const file of files) {
    if (file.countedLines === 0) continue;
    const kind: PartKind = schemaFiles.has(file.path) ? "schema" : migrationFiles.has(file.path) ? "migration" : "change";
    const module = moduleOf(file.path);
    const key = `${kind}\u0000${module}`;
    const group = groups.get(key) ?? { kind, module, files: [], lines: 0 };
    group.files.push(file);
    group.lines += file.countedLines;
    groups.set(key, group);
  }
  const parts: SplitPart[] = [];
  const ordered = [...groups.values()].sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || b.lines - a.lines || comparePaths(a.module, b.module));
  for (const group of ordered) {
    // A module too large for one part is split by its units, largest first (one that fits is one piece).
    const pieces = splitFiles(group.files, capacity);
    for (const piece of pieces) {
      const lines = piece.reduce((sum, f) => sum + f.countedLines, 0);
      const fit = parts.find((p) => p.kind === group.kind && !p.overLimit && p.lines + lines <= capacity);
      if (fit) {
        fit.files.push(...piece);
        fit.lines += lines;
        if (!fit.modules.includes(group.module)) fit.modules.push(group.module);
      } else {
        parts.push({ kind: group.kind, modules: [group.module], files: [...piece], lines, sizeClass: "XS", overLimit: lines > capacity });
      }
    }
  }
  for (const part of parts) {
    part.sizeClass = classify(part.lines, thresholds);
    part.files.sort((a, b) => comparePaths(a.path, b.path));
  }
  parts.sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || b.lines - a.lines);
  return { capacity, parts };
}

/** The unit a file tests or implements: `test_cart.py`, `cart_test.go`, `cart.test.ts` and `cart.py` are all `cart`. */
export function unitOf(path: string): string {
  const base = path.slice(path.lastIndexOf("/") + 1).replace(/\.[^.]+$/, "");
  return base.replace(/^test_/, "").replace(/(?:[._-](?:test|spec)|_?Tests?)$/, "").toLowerCase();
}

/** A module too large for one part: its units (a file with its tests) packed first-fit by decreasing size. */
function splitFiles(files: FileMeasure[], capacity: number): FileMeasure[][] {
  const units = new Map<string, FileMeasure[]>();
  for (const file of files) units.set(unitOf(file.path), [...(units.get(unitOf(file.path)) ?? []), file]);
  const size = (unit: FileMeasure[]) => unit.reduce((sum, f) => sum + f.countedLines, 0);
  const bins: Array<{ files: FileMeasure[]; lines: number }> = [];
  for (const unit of [...units.values()].sort((a, b) => size(b) - size(a))) {
    // A unit larger than a part is spread over parts file by file.
    const pieces = size(unit) <= capacity ? [unit] : unit.map((f) => [f]);
    for (const piece of pieces) {
      const lines = size(piece);
      const bin = bins.find((b) => b.lines + lines <= capacity);
      if (bin) {
        bin.files.push(...piece);
        bin.lines += lines;
      } else bins.push({ files: [...piece], lines });
    }
  }
  return bins.map((b) => b.files);
}
