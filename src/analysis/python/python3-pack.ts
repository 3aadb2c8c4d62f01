import { Minimatch } from "minimatch";
import type { ChangedFile, Hunk } from "../changed-file.js";
import { forEachChangeBlock, sideOfHunk, type LinePack, type LineVerdict, type RemainingConstruct, type WholeFile } from "../line-pack.js";
import { agreesWithHunks, splitLines, viewOfFile, viewOfHunkSide, type PythonView } from "./file-view.js";
import { compatibilityMarkerIn, fileGate, identifiersOf, namesImportedBy, oldConstructIn, python3IdiomIn, WORTH_JUDGING, type RuleHit } from "./constructs.js";
import type { RuleContext } from "./rules.js";

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

function contextOf(view: PythonView, enabled: ReadonlySet<string>, disabled: ReadonlySet<string>): (i: number) => RuleContext {
  const context = new LineContext(view, enabled, disabled);
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
}

function judgingFor(view: PythonView, enabled: ReadonlySet<string>, disabled: ReadonlySet<string>): Judging {
  const context = contextOf(view, enabled, disabled);
  // The view's one scan has passed over the lines that hold none of the words anything reads (most lines); the
  // others are scanned for the rules' and markers' own (a `def` line matters to the file's facts, seldom to a rule).
  // What depends on the file (its names, the rules turned on) is read once here, not per line.
  const rest = fileGate(context(0));
  const may = view.mayMatter;
  return { context, gate: (i, code) => (may[i] === 1 && WORTH_JUDGING.test(code)) || (rest !== undefined && rest(code)) };
}

function wholeSide(lines: readonly string[], hunks: readonly Hunk[], side: "old" | "new"): Side | undefined {
  if (!agreesWithHunks(lines, hunks, side)) return undefined;
  const view = viewOfFile(lines);
  const type = side === "new" ? "add" : "del";
  return {
    view,
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
    return { view: viewOfHunkSide(lines, top, wholeFile && hunks.length === 1), index: (_h, c) => at[c] };
  });
}

/** The verdicts without a rule, shared: most lines get one, and none is changed after it is given. */
const OTHER: LineVerdict = Object.freeze({ lineClass: "other" });
const MIGRATION: LineVerdict = Object.freeze({ lineClass: "migration" });
const NO_NAMES: string[] = [];

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
  const globs = files.map((f) => new Minimatch(f, { dot: true, matchBase: !f.includes("/") }));
  // Stryker disable next-line ArrayDeclaration: no rule has the id "Stryker was here"
  const enabled = new Set(options.enable ?? []);
  // Stryker disable next-line ArrayDeclaration: no rule has the id "Stryker was here"
  const disabled = new Set(options.disable ?? []);
  return {
    name: "python3",
    wantsWholeFiles: true,
    appliesTo: (path) => globs.some((glob) => glob.match(path)),
    scan(text: string): RemainingConstruct[] {
      // The same judgement as an added line with the whole file in view: guarded Python 2 code is compatibility code.
      const view = viewOfFile(splitLines(text));
      const { gate, context } = judgingFor(view, enabled, disabled);
      const found: RemainingConstruct[] = [];
      for (let i = 0; i < view.code.length; i++) {
        const code = view.code[i].code;
        // Stryker disable next-line ConditionalExpression,MethodExpression,StringLiteral: a shortcut; a blank line holds no construct
        if (code.trim() === "") continue;
        if (!gate(i, code)) continue;
        const hit = oldConstructIn(code, view.names, context(i));
        if (hit && (!view.guarded[i] || hit.syntax)) found.push({ line: i + 1, rule: hit.id });
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
      const judgingOf = (side: Side) => judging.get(side.view) ?? judging.set(side.view, judgingFor(side.view, enabled, disabled)).get(side.view)!;

      const blocks: Block[] = [];
      const gatedAdds: ChangeAt[] = [];
      // The additions judged migration work, in order: only their names can make an added import serve.
      const migrationAdds: ChangeAt[] = [];
      // Stryker disable next-line ArrayDeclaration,StringLiteral: only judged changes' entries are read, each written when judged
      const code: string[][] = hunks.map((hunk) => new Array<string>(hunk.changes.length).fill(""));
      const verdicts = hunks.map((hunk, h) => {
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
        const judge = (c: number, removedLine: boolean): RuleHit | undefined => {
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
            return undefined;
          }
          if (!removedLine) gatedAdds.push({ h, c });
          marker = compatibilityMarkerIn(line.code);
          return oldConstructIn(line.code, view.names, context(i));
        };
        forEachChangeBlock(hunk, (start, mid, end) => {
          blocks.push({ h, start, mid, end });
          let anyOldHit = false;
          for (let d = start; d < mid; d++) {
            const hit = judge(d, true);
            if (hit) anyOldHit = true;
            out[d] = hit ? { lineClass: "migration", rule: { id: hit.id, message: hit.message }, removesOldConstruct: true } : marker || guarded ? MIGRATION : OTHER;
          }
          const dels = mid - start;
          // An addition judged migration work is also listed: servingLines reads the names of those alone.
          const migration = (a: number) => {
            out[a] = MIGRATION;
            migrationAdds.push({ h, c: a });
          };
          for (let a = mid; a < end; a++) {
            const k = a - mid;
            const hit = judge(a, false);
            if (hit && (!guarded || hit.syntax)) {
              out[a] = { lineClass: "regression", rule: { id: hit.id, message: hit.message } };
              continue;
            }
            if (marker || guarded || hit) {
              migration(a);
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
      servingLines(hunks, blocks, code, verdicts, gatedAdds, migrationAdds);
      return verdicts;
    },
  };
}
