import { globMatcher } from "../safe-glob.js";
import type { ChangedFile, Hunk } from "../changed-file.js";
import { forEachChangeBlock, sideOfHunk, type LinePack, type LineVerdict, type RemainingConstruct, type WholeFile } from "../line-pack.js";
import { agreesWithHunks, splitLines, viewOfFile, viewOfHunkSide, type PythonView } from "./file-view.js";
import { compatibilityMarkerIn, fileGate, identifiersOf, namesImportedBy, occurrencesIn, oldConstructsIn, python3IdiomIn, WORTH_JUDGING, type RuleHit } from "./constructs.js";
import type { RuleContext } from "./rules.js";
import { definedByChange, pythonTree, TreeNeed, type PythonTree } from "./tree/python-tree.js";

export interface Python3PackOptions {
  files?: readonly string[];
  /** Rules off by default that the config turns on (`old-division`). */
  enable?: readonly string[];
  /** Rules the config turns off. */
  disable?: readonly string[];
}

/** One side of a file as the rules see it, and where each change of each hunk sits in it. */
interface Side {
  view: PythonView;
  /** The side's whole text, where it is known (joined only if parsed): the syntax tree is parsed from it. */
  text?: () => string;
  /** For hunk h, change c: the index into `view.code`, or -1 for changes not on this side. */
  index: (h: number, c: number) => number;
}

/**
 * The rules' context for the line a view's judging is at: one object per view, whose line-dependent parts are read
 * only when a rule asks (most lines trigger no rule), so judging a line allocates nothing. A class, so that its
 * getters live on the prototype: an object literal with getters, made per view, was a large part of the pack's own
 * time in a CPU profile, and of the collector's.
 */
class LineContext implements RuleContext {
  /** The line being judged, as an index into the view. */
  line = 0;
  declare readonly future?: ReadonlySet<string>;
  declare readonly exceptNames?: ReadonlySet<string>;
  declare readonly importedModules?: ReadonlySet<string>;
  declare readonly runsOnPython2?: boolean;
  declare readonly methods?: ReadonlySet<string>;

  constructor(
    private readonly view: PythonView,
    readonly enabled: ReadonlySet<string>,
    readonly disabled: ReadonlySet<string>,
    readonly removalRules: boolean,
  ) {
    Object.assign(this, view.context); // what the view knows of the file, whatever it holds
  }

  get raw(): string {
    return this.view.lines[this.line];
  }

  get inFunction(): boolean | undefined {
    return this.view.inFunction?.(this.line);
  }

  get classMethods(): ReadonlySet<string> | undefined {
    return this.view.classMethods?.(this.line);
  }
}

function contextOf(view: PythonView, enabled: ReadonlySet<string>, disabled: ReadonlySet<string>, removalRules: boolean): (i: number) => RuleContext {
  const context = new LineContext(view, enabled, disabled, removalRules);
  return (i) => {
    context.line = i;
    return context;
  };
}

/** What judging a view's lines needs beside the view, made once per view: the rules' context and the one-scan gate. */
interface Judging {
  context: (i: number) => RuleContext;
  /** Whether line i (its code given) could hold an old construct or a marker: where not, no rule is tried. */
  gate: (i: number, code: string) => boolean;
  /** The side's syntax tree, parsed on first use (only a side with a hit needs it); undefined without the whole text. */
  tree?: () => PythonTree | undefined;
  /** Whether the tree could judge a hit otherwise than the lines did (see TreeNeed). */
  treeNeeded?: (id: string, code: string) => boolean;
}

/** Trees parsed while judging one file or text, freed together when it is done. */
type Trees = PythonTree[];

function judgingFor(view: PythonView, enabled: ReadonlySet<string>, disabled: ReadonlySet<string>, removalRules = false, text?: () => string, trees?: Trees, changeMethods?: () => ReadonlySet<string>): Judging {
  const context = contextOf(view, enabled, disabled, removalRules);
  // The view's one scan has passed over the lines that hold none of the words anything reads (most lines); the
  // others are scanned for the rules' and markers' own (a `def` line matters to the file's facts, seldom to a rule).
  // What depends on the file (its names, the rules turned on) is read once here, not per line.
  const rest = fileGate(context(0));
  const may = view.mayMatter;
  const gate = (i: number, code: string) => (may[i] === 1 && WORTH_JUDGING.test(code)) || (rest !== undefined && rest(code));
  if (text === undefined || !trees) return { context, gate };
  let parsed: PythonTree | undefined | null = null;
  const tree = () => {
    if (parsed === null) {
      parsed = pythonTree(text(), changeMethods);
      if (parsed) trees.push(parsed);
    }
    return parsed;
  };
  let need: TreeNeed | undefined;
  const treeNeeded = (id: string, code: string) => (need ??= new TreeNeed(text(), view.names)).needed(id, code);
  return { context, gate, tree, treeNeeded };
}

const NO_OWN_NAMES: ReadonlySet<string> = new Set();

/**
 * The old constructs on line i of a view, and whether it stands in a guard. Where the side's whole text is known,
 * the syntax tree has the last word (scopes, guards, the file's methods), and the line view's own guess at the names
 * the file defines is not used; a method the change defines (`def next(self)` in another file) makes its calls its own.
 */
function judgeLine(code: string, i: number, view: PythonView, judging: Judging, lineGuarded: boolean, changeMethods?: () => ReadonlySet<string>): { hits: readonly RuleHit[]; guarded: boolean } {
  const context = judging.context(i);
  let hits = oldConstructsIn(code, judging.tree ? () => NO_OWN_NAMES : view.names, context);
  if (hits.length === 0) return { hits, guarded: lineGuarded };
  if (changeMethods) hits = hits.filter((hit) => !definedByChange(hit.id, changeMethods));
  // Syntax Python 3 cannot parse is a regression whatever the scopes and guards, and a rule that is off counts only
  // when taken away: no tree is needed for either.
  if (hits.every((hit) => hit.syntax || hit.onlyRemoval)) return { hits, guarded: lineGuarded };
  // Where the text shows that the tree would agree with the lines, it is not parsed: the lines' answer, names included.
  if (judging.treeNeeded && !hits.some((hit) => !hit.syntax && !hit.onlyRemoval && judging.treeNeeded!(hit.id, code))) {
    return { hits, guarded: lineGuarded }; // a name the lines' view binds makes the tree needed, so none is dropped here
  }
  const tree = judging.tree?.();
  if (!tree) return { hits: judging.tree ? oldConstructsIn(code, view.names, context).filter((hit) => !changeMethods || !definedByChange(hit.id, changeMethods)) : hits, guarded: lineGuarded };
  return { hits: hits.filter((hit) => tree.confirms(hit.id, i)), guarded: tree.guarded(i) };
}

const disposeAll = (trees: Trees) => {
  for (const tree of trees) tree.dispose();
  trees.length = 0;
};

function wholeSide(lines: readonly string[], hunks: readonly Hunk[], side: "old" | "new"): Side | undefined {
  if (!agreesWithHunks(lines, hunks, side)) return undefined;
  const view = viewOfFile(lines);
  const type = side === "new" ? "add" : "del";
  return {
    view,
    text: () => lines.join("\n"),
    index: (h, c) => {
      const change = hunks[h].changes[c];
      // Stryker disable next-line UnaryOperator: only changes of this side's type are ever looked up
      return change.type === type ? change.ln - 1 : -1;
    },
  };
}

/** Each hunk read on its own: what the pack had before whole files (and still has for a bare diff). */
function hunkSide(hunks: readonly Hunk[], side: "old" | "new", wholeFile: boolean): Side[] {
  return hunks.map((hunk) => {
    const { lines, index: at } = sideOfHunk(hunk, side);
    // Stryker disable next-line ConditionalExpression,EqualityOperator: a hunk that starts at line 1 on one side does on both
    const top = (side === "new" ? hunk.newStart : hunk.oldStart) <= 1;
    const whole = wholeFile && hunks.length === 1;
    return { view: viewOfHunkSide(lines, top, whole), ...(whole ? { text: () => lines.join("\n") } : {}), index: (_h, c) => at[c] };
  });
}

/** The verdicts without a rule, shared: most lines get one, and none is changed after it is given. */
const OTHER: LineVerdict = Object.freeze({ lineClass: "other" });
const MIGRATION: LineVerdict = Object.freeze({ lineClass: "migration" });
const NO_NAMES: string[] = [];
const NO_HITS: readonly RuleHit[] = Object.freeze([]);

/** One line of a change block as judged: its hits, which of them the block keeps, and what else judging found. */
interface JudgedLine {
  hits: readonly RuleHit[];
  /** For each hit: the block also removes (for an addition) or adds again (for a removal) the same construct. */
  kept: boolean[];
  /** The line differs from one on the block's other side only in white space or its line ending. */
  same: boolean;
  guarded: boolean;
  marker?: string;
}

/** A change's text without white space: what a change of indentation or line endings leaves the same. */
const withoutWhiteSpace = (content: string) => content.slice(1).replace(/\s+/g, "");

/**
 * Judges each line of a change block (removals from `start` to `mid`, additions from `mid` to `end`), then pairs what
 * the block keeps: per rule, as many constructs added as removed are kept (`xrange(n)` → `xrange(n + 1)`), and a line
 * that only changed white space is the same line on both sides. What an edit keeps is neither brought nor taken away.
 */
function judgeBlock(changes: Hunk["changes"], hunkCode: readonly string[], start: number, mid: number, end: number, judge: (c: number, removed: boolean) => readonly RuleHit[], found: () => { guarded: boolean; marker?: string }): JudgedLine[] {
  const lines: JudgedLine[] = [];
  let anything = false;
  for (let c = start; c < end; c++) {
    const hits = judge(c, c < mid);
    const { guarded, marker } = found();
    // Most lines hold nothing: they share one object, so that an added file's every line allocates none.
    if (hits.length > 0 || guarded || marker) {
      lines.push({ hits, kept: NO_KEPT, same: false, guarded, marker });
      anything = true;
    } else lines.push(NOTHING_FOUND);
  }
  // Most blocks hold nothing a rule or marker found: then nothing is kept either.
  if (!anything || mid === start || end === mid) return lines;
  for (let n = 0; n < lines.length; n++) if (lines[n] === NOTHING_FOUND) lines[n] = { ...NOTHING_FOUND };
  // Lines whose text is the same but for white space, removed and added once each.
  const removedTexts = new Map<string, number[]>();
  for (let d = start; d < mid; d++) {
    const text = withoutWhiteSpace(changes[d].content);
    if (text === "") continue;
    const list = removedTexts.get(text) ?? [];
    list.push(d);
    removedTexts.set(text, list);
  }
  for (let a = mid; a < end; a++) {
    const d = removedTexts.get(withoutWhiteSpace(changes[a].content))?.shift();
    if (d === undefined) continue;
    lines[a - start].same = true;
    lines[d - start].same = true;
  }
  // Per rule, the constructs the block's removals and additions hold (lines that are the same left out).
  // A rule's constructs are counted by occurrence (`unicode(a) + unicode(b)` holds two), on the lines judged.
  const occurrences = lines.map((line, n) => line.hits.map((hit) => (line.same ? 0 : occurrencesIn(hunkCode[start + n], hit.id))));
  const count = (from: number, to: number) => {
    const counts = new Map<string, number>();
    for (let c = from; c < to; c++) {
      const line = lines[c - start];
      line.hits.forEach((hit, n) => counts.set(hit.id, (counts.get(hit.id) ?? 0) + occurrences[c - start][n]));
    }
    return counts;
  };
  const removed = count(start, mid);
  const added = count(mid, end);
  const keep = (from: number, to: number, budget: Map<string, number>) => {
    for (let c = from; c < to; c++) {
      const line = lines[c - start];
      if (line.same || line.hits.length === 0) continue;
      line.kept = line.hits.map((hit, n) => {
        const left = budget.get(hit.id) ?? 0;
        const here = occurrences[c - start][n];
        // A line is kept only when the other side holds all of its occurrences.
        budget.set(hit.id, Math.max(0, left - here));
        return left >= here;
      });
    }
  };
  const both = (a: Map<string, number>, b: Map<string, number>) => new Map([...a].map(([id, n]) => [id, Math.min(n, b.get(id) ?? 0)]));
  keep(start, mid, both(removed, added));
  keep(mid, end, both(added, removed));
  return lines;
}
const NO_KEPT: boolean[] = [];
const NOTHING_FOUND: JudgedLine = Object.freeze({ hits: NO_HITS, kept: NO_KEPT, same: false, guarded: false }) as JudgedLine;

/** A block of hunk h: removals from `start` to `mid`, additions from `mid` to `end` (see forEachChangeBlock). */
interface Block {
  h: number;
  start: number;
  mid: number;
  end: number;
}

/** An addition, by hunk and change index. */
interface ChangeAt {
  h: number;
  c: number;
}

/**
 * Lines that only serve the migration around them are part of it: in a hunk that takes an old construct away, blank
 * lines, comments and lines made only of names of the lines doing so and their replacements (the unpacking 2to3
 * writes for a tuple parameter); then an added import of a name the migration's added lines use (`import sys` for
 * `sys.intern`, `import atexit`).
 */
function servingLines(hunks: readonly Hunk[], blocks: readonly Block[], code: string[][], verdicts: Array<Array<LineVerdict | undefined>>, gatedAdds: readonly ChangeAt[], migrationAdds: ChangeAt[]): void {
  // Per hunk, the names of the lines that take an old construct away and of the lines that replace them: what a
  // serving line may be made of.
  const rewriteNames = new Map<number, Set<string>>();
  for (const { h, start, mid, end } of blocks) {
    for (let d = start; d < mid; d++) {
      if (!verdicts[h][d]?.removesOldConstruct) continue;
      const names = rewriteNames.get(h) ?? new Set<string>();
      const replacement = mid + (d - start);
      for (const c of replacement < end ? [d, replacement] : [d]) for (const name of identifiersOf(code[h][c])) names.add(name);
      rewriteNames.set(h, names);
    }
  }
  // An added line that imports a name serves only through that name (below); any other line of such a hunk serves
  // if it is made of the rewrite's names. (Only a line the one scan let through holds the word `import`.)
  const importsOf = (h: number, c: number) =>
    // Stryker disable next-line ConditionalExpression,StringLiteral: a shortcut; a line without the word binds no import
    hunks[h].changes[c].type === "add" && code[h][c].includes("import") ? namesImportedBy(code[h][c]) : NO_NAMES;
  if (rewriteNames.size > 0) {
    for (const { h, start, mid, end } of blocks) {
      const names = rewriteNames.get(h);
      if (!names) continue;
      // The block's removals and additions, in that order.
      for (let c = start; c < end; c++) {
        if (verdicts[h][c]?.lineClass !== "other" || importsOf(h, c).length > 0) continue;
        if (![...identifiersOf(code[h][c])].every((name) => names.has(name))) continue;
        verdicts[h][c] = MIGRATION;
        if (c >= mid) migrationAdds.push({ h, c });
      }
    }
  }
  // Most files add no migration line: then no import serves one, and their imports are not read.
  // Stryker disable next-line ConditionalExpression: a shortcut; with no migration line added no import is found to serve
  if (migrationAdds.length === 0) return;
  const imports: Array<{ h: number; c: number; names: string[] }> = [];
  for (const { h, c } of gatedAdds) {
    if (verdicts[h][c]?.lineClass !== "other") continue;
    const names = importsOf(h, c);
    if (names.length > 0) imports.push({ h, c, names });
  }
  // Stryker disable next-line ConditionalExpression: a shortcut; with no added import the names below serve nothing
  if (imports.length === 0) return;
  // The names the migration's added lines use, serving lines included: an import of one of them serves it.
  const migratedNames = new Set<string>();
  for (const { h, c } of migrationAdds) for (const name of identifiersOf(code[h][c])) migratedNames.add(name);
  for (const { h, c, names } of imports) if (names.some((name) => migratedNames.has(name))) verdicts[h][c] = MIGRATION;
}

/** The python3 pack: Python 2 constructs removed (migration), added outside a guard (regression), compatibility code. */
export function python3Pack(options: Python3PackOptions = {}): LinePack {
  const files = options.files ?? ["**/*.py", "**/*.pyw"];
  const globs = files.map((f) => globMatcher(f, { matchBase: true }));
  // Stryker disable next-line ArrayDeclaration: no rule has the id "Stryker was here"
  const enabled = new Set(options.enable ?? []);
  // Stryker disable next-line ArrayDeclaration: no rule has the id "Stryker was here"
  const disabled = new Set(options.disable ?? []);
  return {
    name: "python3",
    wantsWholeFiles: true,
    appliesTo: (path) => globs.some((matches) => matches(path)),
    scan(text: string): RemainingConstruct[] {
      // The same judgement as an added line with the whole file in view: guarded Python 2 code is compatibility code.
      const view = viewOfFile(splitLines(text));
      const trees: Trees = [];
      const judging = judgingFor(view, enabled, disabled, false, () => text, trees);
      const { gate } = judging;
      const found: RemainingConstruct[] = [];
      try {
        for (let i = 0; i < view.code.length; i++) {
          const code = view.code[i].code;
          // Stryker disable next-line ConditionalExpression,MethodExpression,StringLiteral: a shortcut; a blank line holds no construct
          if (code.trim() === "") continue;
          if (!gate(i, code)) continue;
          const judged = judgeLine(code, i, view, judging, view.guarded[i]);
          const hit = judged.hits.find((h) => !judged.guarded || h.syntax);
          if (hit) found.push({ line: i + 1, rule: hit.id });
        }
      } finally {
        disposeAll(trees);
      }
      return found;
    },
    classify(file: ChangedFile, hunks: Hunk[], whole: WholeFile = {}) {
      // An added file's patch is the whole file, and a removed file's is the whole old version.
      // Stryker disable next-line ConditionalExpression,LogicalOperator: an added file's patch is one hunk
      const added = file.status === "added" && hunks.length === 1;
      // Stryker disable next-line ConditionalExpression,LogicalOperator,EqualityOperator: a removed file's patch is one hunk
      const removed = file.status === "removed" && hunks.length === 1;
      const headLines = whole.head !== undefined ? splitLines(whole.head) : undefined;
      const baseLines = whole.base !== undefined ? splitLines(whole.base) : undefined;
      const head = headLines && wholeSide(headLines, hunks, "new");
      const base = baseLines && wholeSide(baseLines, hunks, "old");
      let newHunks: Side[] | undefined;
      let oldHunks: Side[] | undefined;
      const newSide = (h: number) => head ?? (newHunks ??= hunkSide(hunks, "new", added))[h];
      const oldSide = (h: number) => base ?? (oldHunks ??= hunkSide(hunks, "old", removed))[h];
      const judging = new Map<PythonView, Judging>();
      const trees: Trees = [];
      const judgingOf = (side: Side) => judging.get(side.view) ?? judging.set(side.view, judgingFor(side.view, enabled, disabled, true, side.text, trees, whole.changeMethods)).get(side.view)!;

      const blocks: Block[] = [];
      const gatedAdds: ChangeAt[] = [];
      // The additions judged migration work, in order: only their names can make an added import serve.
      const migrationAdds: ChangeAt[] = [];
      // Stryker disable next-line ArrayDeclaration,StringLiteral: only judged changes' entries are read, each written when judged
      const code: string[][] = hunks.map((hunk) => new Array<string>(hunk.changes.length).fill(""));
      const judgeHunks = () => hunks.map((hunk, h) => {
        const changes = hunk.changes;
        const hunkCode = code[h];
        // Stryker disable next-line ArrayDeclaration: filled to the same length either way
        const out: Array<LineVerdict | undefined> = new Array(changes.length).fill(undefined);
        // Each side of this hunk, fetched once, when a change of it is first judged.
        let oldJudging: { side: Side; judging: Judging } | undefined;
        let newJudging: { side: Side; judging: Judging } | undefined;
        // What judging change c found, kept in variables rather than an object per line.
        // Stryker disable next-line BooleanLiteral: set by judge() before each read
        let guarded = false;
        let marker: string | undefined;
        // A block's removals come before its additions: the caller knows which side a change is on.
        const judge = (c: number, removedLine: boolean): readonly RuleHit[] => {
          let on = removedLine ? oldJudging : newJudging;
          if (!on) {
            const side = removedLine ? oldSide(h) : newSide(h);
            on = { side, judging: judgingOf(side) };
            if (removedLine) oldJudging = on;
            else newJudging = on;
          }
          const { view } = on.side;
          const { gate, context } = on.judging;
          const i = on.side.index(h, c);
          const line = view.code[i];
          // Stryker disable next-line OptionalChaining,StringLiteral: every change judged is a line of its side's view
          hunkCode[c] = line?.code ?? "";
          // Stryker disable next-line BooleanLiteral: as above
          guarded = view.guarded[i] ?? false;
          // Most lines could hold neither an old construct nor a marker: one scan says so, and no rule is tried.
          if (!line || !gate(i, line.code)) {
            marker = undefined;
            return NO_HITS;
          }
          if (!removedLine) gatedAdds.push({ h, c });
          marker = compatibilityMarkerIn(line.code);
          const judged = judgeLine(line.code, i, view, on.judging, guarded, whole.changeMethods);
          guarded = judged.guarded;
          return judged.hits;
        };
        forEachChangeBlock(hunk, (start, mid, end) => {
          blocks.push({ h, start, mid, end });
          const found = judgeBlock(changes, hunkCode, start, mid, end, judge, () => ({ guarded, marker }));
          let anyOldHit = false;
          for (let d = start; d < mid; d++) {
            const { hits, kept, same, guarded: g, marker: m } = found[d - start];
            const taken = same ? NO_HITS : hits.filter((_, n) => !kept[n]);
            if (taken.length > 0) {
              anyOldHit = true;
              out[d] = { lineClass: "migration", rule: { id: taken[0].id, message: taken[0].message }, removesOldConstruct: true };
            } else out[d] = !same && (m || g) ? MIGRATION : OTHER;
          }
          const dels = mid - start;
          // An addition judged migration work is also listed: servingLines reads the names of those alone.
          const migration = (a: number) => {
            out[a] = MIGRATION;
            migrationAdds.push({ h, c: a });
          };
          for (let a = mid; a < end; a++) {
            const k = a - mid;
            const { hits, kept, same, guarded: g, marker: m } = found[a - start];
            if (same) {
              out[a] = OTHER;
              continue;
            }
            // What the block keeps (the same construct removed and added again) is neither a regression nor migration.
            // A rule that is off counts only when taken away (unittest's aliases): adding it brings nothing back.
            const brought = hits.filter((hit, n) => !kept[n] && !hit.onlyRemoval);
            const regression = brought.find((hit) => !g || hit.syntax);
            if (regression) {
              out[a] = { lineClass: "regression", rule: { id: regression.id, message: regression.message } };
              continue;
            }
            if (m || g || brought.length > 0) {
              migration(a);
              continue;
            }
            if (hits.length > 0 && !m && !g) {
              out[a] = OTHER;
              continue;
            }
            // A Python 3 idiom written in place of the line it replaces (`list(d.keys())` for `d.keys()`) is the
            // mechanical edit 2to3 makes: migration work, though either line alone is ordinary code.
            // An addition beyond the removals it pairs with is held against all of them, where they took old constructs away.
            if (k >= dels && !anyOldHit) {
              out[a] = OTHER;
              continue;
            }
            const replaced = k < dels ? [hunkCode[start + k]] : hunkCode.slice(start, mid);
            if (python3IdiomIn(hunkCode[a], ...replaced)) migration(a);
            else out[a] = OTHER;
          }
        });
        return out;
      });
      let verdicts: Array<Array<LineVerdict | undefined>>;
      try {
        verdicts = judgeHunks();
      } finally {
        disposeAll(trees);
      }
      servingLines(hunks, blocks, code, verdicts, gatedAdds, migrationAdds);
      return verdicts;
    },
  };
}
