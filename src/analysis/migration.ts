import { readHunks, type ChangedFile } from "./changed-file.js";
import { forEachChangeBlock, MAX_JUDGED_LINE, type LineClass, type LinePack, type LineVerdict } from "./line-pack.js";

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
  /** Files with changed lines longer than MAX_JUDGED_LINE, which were counted but not judged. */
  longLines: string[];
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

/**
 * The names defined on a text's lines (`def name(`), on added lines only for a patch: found by looking for the word,
 * not by a pattern tried at every line start (a pass over every patch of the change).
 */
function definitionsIn(text: string, patch: boolean, into: Set<string>): void {
  for (let at = text.indexOf("def", 0); at !== -1; at = text.indexOf("def", at + 3)) {
    const after = text.charCodeAt(at + 3);
    if (after !== 32 && after !== 9) continue;
    let start = at;
    while (start > 0 && (text.charCodeAt(start - 1) === 32 || text.charCodeAt(start - 1) === 9)) start--;
    // `async def` stands for a definition too.
    if (text.startsWith("async", start - 5) && (start - 5 === 0 || /[\s+]/.test(text[start - 6]))) {
      start -= 5;
      while (start > 0 && (text.charCodeAt(start - 1) === 32 || text.charCodeAt(start - 1) === 9)) start--;
    }
    const lineStart = patch ? start - 1 : start;
    if (patch && text[lineStart] !== "+") continue;
    if (lineStart > 0 && text[lineStart - 1] !== "\n") continue;
    const name = /^[ \t]+([A-Za-z_]\w*)/.exec(text.slice(at + 3, at + 200))?.[1];
    if (name) into.add(name);
  }
}

/**
 * The functions and methods defined by the files a change touches, in any file a pack reads whole: on the added lines
 * of each patch, and anywhere in the head versions read (`def items(self)` on a model class makes `album.items()[0]`
 * the code's own API). Their calls are not the builtin types' methods.
 */
function methodsDefinedBy(files: readonly ChangedFile[], packs: readonly LinePack[], texts: FileTexts): Set<string> {
  const names = new Set<string>();
  for (const file of files) {
    if (!packs.some((p) => p.wantsWholeFiles && p.appliesTo(file.path))) continue;
    const head = texts.head?.get(file.path);
    const text = head ?? file.patch;
    if (text) definitionsIn(text, head === undefined, names);
  }
  return names;
}

/** A changed line's text without white space: code moved from one file to another reads the same. */
const movedText = (content: string) => content.slice(1).replace(/\s+/g, "");

export function measureMigration(files: readonly ChangedFile[], packs: readonly LinePack[], options: MigrationOptions, texts: FileTexts = {}): MigrationMeasurement {
  const lines: Record<LineClass, number> = { migration: 0, regression: 0, other: 0 };
  // Read only when a rule about a method fires: a pass over every patch otherwise.
  let methods: Set<string> | undefined;
  const changeMethods = () => (methods ??= methodsDefinedBy(files, packs, texts));
  // Removed lines that took an old construct away, by rule and text: an addition of the same line elsewhere in the
  // change (code moved between files) keeps the construct rather than bringing it back.
  const takenAway = new Map<string, number>();
  const regressionTexts: string[] = [];
  const regressions: Regression[] = [];
  const used = new Set<string>();
  let migrated = 0;
  const migrationFiles: string[] = [];
  const hunksOnly: string[] = [];
  const longLines: string[] = [];
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
    if (hunks.some((hunk) => hunk.changes.some((c) => c.type !== "normal" && c.content.length > MAX_JUDGED_LINE + 1))) longLines.push(file.path);
    const whole = { head: texts.head?.get(file.path), base: texts.base?.get(file.previousPath ?? file.path), changeMethods };
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
          if (removed?.removesOldConstruct) {
            migrated++;
            const key = `${removed.rule?.id}\n${movedText(changes[start + i].content)}`;
            takenAway.set(key, (takenAway.get(key) ?? 0) + 1);
          }
          if (added?.lineClass === "regression") {
            lines.regression++;
            const change = changes[mid + i];
            regressions.push({ path: file.path, line: change.type === "add" ? change.ln : 0, pack: applicable.length === 1 ? applicable[0].name : "migration", rule: added.rule!.id, message: added.rule!.message });
            regressionTexts.push(`${added.rule!.id}\n${movedText(change.content)}`);
          } else if (removed?.lineClass === "migration" || added?.lineClass === "migration") ownMigration++;
          else ownOther++;
        }
      });
    });
    lines.migration += ownMigration;
    lines.other += ownOther;
    if (ownMigration > 0 && ownMigration >= ownOther) migrationFiles.push(file.path);
  }
  // Code moved within the change: each regression that is a line taken away elsewhere, and that line, are kept code.
  if (regressions.length > 0 && takenAway.size > 0) {
    const moved = new Set<number>();
    regressionTexts.forEach((key, r) => {
      const left = takenAway.get(key) ?? 0;
      if (left === 0) return;
      takenAway.set(key, left - 1);
      moved.add(r);
    });
    if (moved.size > 0) {
      const stays = regressions.filter((_, r) => !moved.has(r));
      // Each moved pair counted a regression and a migration line; both are other work.
      lines.regression -= moved.size;
      lines.migration = Math.max(0, lines.migration - moved.size);
      lines.other += 2 * moved.size;
      migrated -= moved.size;
      regressions.splice(0, regressions.length, ...stays);
    }
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
    longLines,
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
