import { readHunks, type ChangedFile } from "./changed-file.js";
import { forEachChangeBlock, type LineClass, type LinePack, type LineVerdict } from "./line-pack.js";

export interface Regression {
  path: string;
  /** The line in the pull request's version of the file. */
  line: number;
  pack: string;
  rule: string;
  message: string;
}

export interface MigrationMeasurement {
  /**
   * Changed lines by class. A removed line and the added line that takes its place (paired within a block of
   * changes) count once; other additions and removals count one each.
   */
  lines: Record<LineClass, number>;
  /** Old constructs the change removes. */
  migrated: number;
  regressions: Regression[];
  /** Migration work combined with other changes beyond the tolerance. */
  mixed: boolean;
  /** Only migration work (within the tolerance), and no regression. */
  migrationOnly: boolean;
  /** Packs that read at least one file. */
  packs: string[];
  /** Files whose changed lines are mostly migration work (for the split plan). */
  migrationFiles: string[];
  /** Files a pack wanted whole but judged from their hunks alone (not read, past the bound, or not matching the diff). */
  hunksOnly: string[];
}

const RANK: Record<LineClass, number> = { other: 0, migration: 1, regression: 2 };
const stronger = (a: LineVerdict | undefined, b: LineVerdict | undefined) => (!a ? b : !b ? a : RANK[b.lineClass] > RANK[a.lineClass] ? b : a);

/** Combine several packs' verdicts on the same changes: the strongest class wins. */
function combine(all: Array<Array<Array<LineVerdict | undefined>>>): Array<Array<LineVerdict | undefined>> {
  return all.reduce((acc, next) => acc.map((hunk, h) => hunk.map((v, c) => stronger(v, next[h][c]))));
}

export interface MigrationOptions {
  /** Other lines allowed per migration line before a change is "mixed". */
  mixedTolerance: number;
}

/** Whole versions of changed files, by path: the head (for added lines) and the base (for removed ones). */
export interface FileTexts {
  head?: ReadonlyMap<string, string>;
  base?: ReadonlyMap<string, string>;
}

/** Whether a pack that reads whole files has what it needs for this file: an added or removed file's patch is whole. */
function wholeFileKnown(file: ChangedFile, texts: FileTexts): boolean {
  if (file.status === "added" || file.status === "removed") return true;
  const headNeeded = file.additions > 0 && !texts.head?.has(file.path);
  const baseNeeded = file.deletions > 0 && !texts.base?.has(file.previousPath ?? file.path);
  return !headNeeded && !baseNeeded;
}

/** At least this many other lines are always tolerated (a touched import, a blank line). */
const TOLERATED_OTHER_LINES = 3;

export function measureMigration(files: readonly ChangedFile[], packs: readonly LinePack[], options: MigrationOptions, texts: FileTexts = {}): MigrationMeasurement {
  const lines: Record<LineClass, number> = { migration: 0, regression: 0, other: 0 };
  const regressions: Regression[] = [];
  const used = new Set<string>();
  let migrated = 0;
  const migrationFiles: string[] = [];
  const hunksOnly: string[] = [];
  for (const file of files) {
    const applicable = packs.filter((p) => p.appliesTo(file.path));
    if (applicable.length === 0 || file.binary) {
      // No pack reads this file: count its changed lines from the patch text, without parsing hunks.
      lines.other += file.patch !== undefined ? editLinesOfPatch(file.patch) : file.summary ? file.summary.editLines : file.hunks ? editLines(file.hunks.map((h) => h.changes.map((c) => c.type))) : Math.max(file.additions, file.deletions);
      continue;
    }
    const hunks = readHunks(file);
    if (hunks.length === 0) {
      lines.other += Math.max(file.additions, file.deletions);
      continue;
    }
    applicable.forEach((p) => used.add(p.name));
    const whole = { head: texts.head?.get(file.path), base: texts.base?.get(file.previousPath ?? file.path) };
    if (applicable.some((p) => p.wantsWholeFiles) && !wholeFileKnown(file, texts)) hunksOnly.push(file.path);
    const verdicts = combine(applicable.map((p) => p.classify(file, hunks, whole)));
    // This file's lines by class, in plain variables: counted as lines[lineClass]++, every changed line was a
    // property looked up by a name computed at run time.
    let ownMigration = 0;
    let ownOther = 0;
    hunks.forEach((hunk, h) => {
      const changes = hunk.changes;
      const hunkVerdicts = verdicts[h];
      forEachChangeBlock(hunk, (start, mid, end) => {
        const dels = mid - start;
        const adds = end - mid;
        for (let i = 0; i < Math.max(dels, adds); i++) {
          const removed = i < dels ? hunkVerdicts[start + i] : undefined;
          const added = i < adds ? hunkVerdicts[mid + i] : undefined;
          if (removed?.removesOldConstruct) migrated++;
          if (added?.lineClass === "regression") {
            lines.regression++;
            const change = changes[mid + i];
            regressions.push({ path: file.path, line: change.type === "add" ? change.ln : 0, pack: applicable.length === 1 ? applicable[0].name : "migration", rule: added.rule!.id, message: added.rule!.message });
          } else if (removed?.lineClass === "migration" || added?.lineClass === "migration") ownMigration++;
          else ownOther++;
        }
      });
    });
    lines.migration += ownMigration;
    lines.other += ownOther;
    if (ownMigration > 0 && ownMigration >= ownOther) migrationFiles.push(file.path);
  }
  const tolerated = Math.max(TOLERATED_OTHER_LINES, Math.floor(lines.migration * options.mixedTolerance));
  const mixed = lines.migration > 0 && lines.other > tolerated;
  return {
    lines,
    migrated,
    regressions,
    mixed,
    migrationOnly: lines.migration > 0 && !mixed && lines.regression === 0,
    packs: [...used].sort(),
    migrationFiles,
    hunksOnly,
  };
}

/** The same count straight from patch text: lines starting with - then + form blocks. */
export function editLinesOfPatch(patch: string): number {
  let total = 0;
  let dels = 0;
  let adds = 0;
  let position = 0;
  // Stryker disable next-line EqualityOperator: at the end a last round adds the open block, which the return adds otherwise
  while (position < patch.length) {
    const first = patch.charCodeAt(position);
    if (first === 45 /* - */) {
      if (adds) {
        total += Math.max(dels, adds);
        dels = adds = 0;
      }
      dels++;
    } else if (first === 43 /* + */) adds++;
    else if (first !== 92 /* \ no newline at end of file */) {
      total += Math.max(dels, adds);
      dels = adds = 0;
    }
    const next = patch.indexOf("\n", position);
    if (next === -1) break;
    position = next + 1;
  }
  return total + Math.max(dels, adds);
}

/** Changed lines of hunks with no pack, counted the same way: a removal and its replacement count once. */
function editLines(hunks: Array<Array<"add" | "del" | "normal">>): number {
  let total = 0;
  for (const types of hunks) {
    let dels = 0;
    let adds = 0;
    for (const type of [...types, "normal" as const]) {
      if (type === "del") {
        if (adds) {
          total += Math.max(dels, adds);
          dels = adds = 0;
        }
        dels++;
      } else if (type === "add") adds++;
      else {
        total += Math.max(dels, adds);
        dels = adds = 0;
      }
    }
  }
  return total;
}
