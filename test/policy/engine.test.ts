import type { ChangedFile } from "../../src/analysis/changed-file.js";
import { evaluate, filesToRead, filesToSample, MAX_MARKER_READS, packsFor, WHOLE_FILE_BOUND, withAcceptance, type EngineInput } from "../../src/engine.js";
import { resolveConfig, type Config } from "../../src/policy/config.js";
import { patch } from "../helpers/patch.js";

const config = (raw: Record<string, unknown> = {}): Config => {
  const result = resolveConfig(raw);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.config;
};
const facts = { baseBranch: "main", defaultBranch: "main", draft: false, authorIsBot: false };

/** A modified file whose one hunk starts at `start` and has `lines` (so its estimated length is start + count). */
function modified(path: string, lines: string[], start = 10, extra: Partial<ChangedFile> = {}): ChangedFile {
  return {
    path,
    status: "modified",
    additions: lines.filter((l) => l.startsWith("+")).length,
    deletions: lines.filter((l) => l.startsWith("-")).length,
    binary: false,
    patch: patch(lines, start),
    ...extra,
  };
}

describe("packsFor", () => {
  test("python3 when the config names it, then the custom packs", () => {
    expect(packsFor(config()).map((p) => p.name)).toEqual(["python3"]);
    expect(packsFor(config({ migration: { packs: [] } }))).toEqual([]);
    const custom = config({ migration: { packs: [], custom: [{ name: "moment", old: ["\\bmoment\\("], files: ["**/*.js"] }] } });
    expect(packsFor(custom).map((p) => p.name)).toEqual(["moment"]);
  });
});

describe("filesToSample: heads read for generators' markers", () => {
  test("the largest first by added and removed lines together", () => {
    const lines = (adds: number, dels: number) => [...Array.from({ length: dels }, () => "-b"), ...Array.from({ length: adds }, () => "+a")];
    const files = [modified("y.txt", lines(6, 0), 50), modified("x.txt", lines(1, 9), 50), modified("z.txt", lines(8, 0), 50)];
    expect(filesToSample(files, config())).toEqual(["x.txt", "z.txt", "y.txt"]);
  });

  test("only counted text files that still exist and whose patch does not show line 1, largest first", () => {
    const files: ChangedFile[] = [
      modified("small.txt", ["+a"], 50),
      modified("big.txt", ["+a", "+b", "-c"], 50),
      modified("top.txt", ["+a", "+b", "+c", "+d"], 1), // the patch shows line 1: nothing to read
      modified("gone.txt", ["-a", "-b", "-c", "-d", "-e"], 50, { status: "removed" }),
      { path: "logo.png", status: "modified", additions: 0, deletions: 0, binary: true },
      modified("node_modules/x/index.js", ["+a", "+b", "+c", "+d", "+e", "+f"], 50),
      modified("docs/skip.md", ["+a", "+b", "+c", "+d", "+e", "+f"], 50),
    ];
    expect(filesToSample(files, config({ exclude: ["docs/**"] }))).toEqual(["big.txt", "small.txt"]);
  });

  test(`at most ${MAX_MARKER_READS} per event, the largest kept`, () => {
    const files = Array.from({ length: MAX_MARKER_READS + 5 }, (_, i) => modified(`f${i}.txt`, Array.from({ length: i + 1 }, () => "+x"), 50));
    const sample = filesToSample(files, config());
    expect(sample).toHaveLength(MAX_MARKER_READS);
    expect(sample[0]).toBe(`f${MAX_MARKER_READS + 4}.txt`);
    expect(sample).not.toContain("f0.txt");
    expect(sample).toContain("f5.txt");
  });
});

describe("filesToRead: the read plan", () => {
  test("modified Python files a pack wants whole, smallest first by their last hunk; heads with additions, bases with deletions", () => {
    const files: ChangedFile[] = [
      modified("b.py", ["x", "+y"], 300), // 300 + 2
      modified("a.py", ["-old", "+new"], 20), // 20 + 1
      modified("c.py", ["-gone", "kept"], 1), // 1 + 1; its patch shows line 1, so no marker read either
      modified("new_name.py", ["-p", "+q"], 40, { status: "renamed", previousPath: "old_name.py" }),
      modified("added.py", ["+x"], 1, { status: "added" }),
      modified("removed.py", ["-x"], 1, { status: "removed" }),
      modified("notes.txt", ["+x"], 1),
      modified("vendor/lib.py", ["+x"], 1),
    ];
    const plan = filesToRead(files, config());
    expect(plan.wanted).toEqual(["c.py", "a.py", "new_name.py", "b.py"]);
    expect(plan.base).toEqual(["c.py", "a.py", "old_name.py"]);
    expect([...plan.head].sort()).toEqual(["a.py", "b.py", "new_name.py"]);
  });

  test("the file bound keeps the smallest; the marker sample is read besides", () => {
    const files = [modified("big.py", ["+x"], 900), modified("mid.py", ["+x"], 90), modified("tiny.py", ["+x"], 9), modified("data.txt", ["+x"], 50)];
    const plan = filesToRead(files, config(), { files: 2, bytes: 1 });
    expect(plan.wanted).toEqual(["tiny.py", "mid.py"]);
    expect([...plan.head].sort()).toEqual(["big.py", "data.txt", "mid.py", "tiny.py"]);
  });

  test("files of the same estimated length are read in path order", () => {
    const files = [modified("z.py", ["+x"], 7), modified("m.py", ["+x"], 7), modified("a.py", ["+x"], 7)];
    expect(filesToRead(files, config()).wanted).toEqual(["a.py", "m.py", "z.py"]);
  });

  test("the length estimate reads the last hunk's header, a count of one when it has none", () => {
    const twoHunks: ChangedFile = { ...modified("two.py", ["+x"], 5), patch: "@@ -5,1 +5,2 @@\n a\n+x\n@@ -400 +401 @@\n-b\n+c" }; // 401 + 1
    const oneLong = modified("one.py", ["a", "+x"], 300); // 300 + 2
    expect(filesToRead([twoHunks, oneLong], config()).wanted).toEqual(["one.py", "two.py"]);
    const noPatch: ChangedFile = { path: "big.py", status: "modified", additions: 9000, deletions: 0, binary: false };
    expect(filesToRead([oneLong, noPatch], config()).wanted).toEqual(["big.py", "one.py"]);
  });

  test("the length estimate reads counts of any number of digits; files whose head is shown but changed are read", () => {
    const at = (path: string, header: string): ChangedFile => ({ ...modified(path, ["+x"], 1), patch: `${header}\n+x` });
    const files = [at("a.py", "@@ -10,12 +40,15 @@"), at("b.py", "@@ -1 +30 @@"), at("c.py", "@@ -1,2 +35,2 @@")];
    expect(filesToRead(files, config()).wanted).toEqual(["b.py", "c.py", "a.py"]);
    const shown = modified("shown.py", ["-gone", "+new"], 1); // its patch shows line 1: no marker read, but its head is judged
    expect(filesToRead([shown], config())).toEqual({ head: ["shown.py"], base: ["shown.py"], wanted: ["shown.py"] });
  });

  test("only packs that want whole files choose what is read whole", () => {
    const custom = config({ migration: { custom: [{ name: "jquery", old: ["\\$\\.ajax\\("], files: ["*.js"] }] } });
    expect(filesToRead([modified("app.js", ["-$.ajax(u)", "+fetch(u)"], 1)], custom)).toEqual({ head: [], base: [], wanted: [] });
  });

  test("no pack that wants whole files: nothing read but the marker sample", () => {
    const plan = filesToRead([modified("a.py", ["-x", "+y"], 10)], config({ migration: { packs: [] } }));
    expect(plan).toEqual({ head: ["a.py"], base: [], wanted: [] });
  });
});

describe("evaluate: texts within the bound, and why files are judged from their hunks", () => {
  // A docstring opened above the hunk makes `print "x"` prose, not a regression; only the whole file shows it.
  const head = (name: string) => `"""Usage:\n\n    print "${name}"\n"""\n`;
  const guarded = (name: string): ChangedFile => modified(name, ["", `+    print "${name}"`], 2);
  const input = (files: ChangedFile[], extra: Partial<EngineInput> = {}): EngineInput => ({ files, config: config(), gitattributes: [], facts, ...extra });

  test("whole files seen: the guard holds, nothing is judged from hunks", () => {
    const files = [guarded("a.py")];
    const plan = filesToRead(files, config());
    const result = evaluate(input(files, { headTexts: new Map([["a.py", head("a.py")]]), baseTexts: new Map([["a.py", '"""Usage:\n\n"""\n']]), wholeFileBound: { plan, bytes: 10_000 } }));
    expect(result.migration.regressions).toEqual([]);
    expect(result.migration.hunksOnly).toEqual([]);
    expect(result.hunksOnlyReason).toBeUndefined();
  });

  test("past the byte bound the later files in the plan's order are dropped, and the report says why", () => {
    const files = [guarded("a.py"), guarded("b.py")];
    const plan = filesToRead(files, config());
    const headTexts = new Map([["a.py", head("a.py")], ["b.py", head("b.py")]]);
    const exact = head("a.py").length;
    const result = evaluate(input(files, { headTexts, wholeFileBound: { plan, bytes: exact } }));
    expect(result.migration.hunksOnly).toEqual(["b.py"]);
    expect(result.migration.regressions.map((r) => r.path)).toEqual(["b.py"]);
    expect(result.hunksOnlyReason).toBe(`Past the ${WHOLE_FILE_BOUND.files} files and 2 MB read whole per check, files are judged from their hunks: a guard or docstring above a hunk is not seen.`);
    const oneByteShort = evaluate(input(files, { headTexts, wholeFileBound: { plan, bytes: exact - 1 } }));
    expect(oneByteShort.migration.hunksOnly).toEqual(["a.py", "b.py"]);
  });

  test("a file's head and base both count against the byte bound", () => {
    const files = [{ ...guarded("a.py"), deletions: 1, patch: patch(["", '-    print "old"', '+    print "a.py"'], 2) }];
    const plan = filesToRead(files, config());
    const headTexts = new Map([["a.py", head("a.py")]]);
    const baseTexts = new Map([["a.py", '"""Usage:\n\n    print "old"\n"""\n']]);
    const both = head("a.py").length + baseTexts.get("a.py")!.length;
    expect(evaluate(input(files, { headTexts, baseTexts, wholeFileBound: { plan, bytes: both } })).migration.hunksOnly).toEqual([]);
    expect(evaluate(input(files, { headTexts, baseTexts, wholeFileBound: { plan, bytes: both - 1 } })).migration.hunksOnly).toEqual(["a.py"]);
  });

  test("one file past the bound among files that were not read: the reason given is the bound", () => {
    const files = [guarded("a.py"), guarded("b.py")];
    const plan = filesToRead(files, config());
    // a.py was not read at all (GitHub returned none); b.py was, but does not fit the bytes.
    const result = evaluate(input(files, { headTexts: new Map([["b.py", head("b.py")]]), wholeFileBound: { plan, bytes: 1 } }));
    expect(result.migration.hunksOnly).toEqual(["a.py", "b.py"]);
    expect(result.hunksOnlyReason).toMatch(/^Past the /);
    expect(result.dependencies).toEqual({ changes: [], problems: [] });
  });

  test("a file left out of the plan by the file bound is named as past the bound", () => {
    const files = [guarded("a.py"), guarded("b.py")];
    const plan = filesToRead(files, config(), { files: 1, bytes: 10_000 });
    const result = evaluate(input(files, { headTexts: new Map([["a.py", head("a.py")]]), wholeFileBound: { plan, bytes: 10_000 } }));
    expect(result.migration.hunksOnly).toEqual(["b.py"]);
    expect(result.hunksOnlyReason).toMatch(/^Past the /);
  });

  test("a file not read for another reason gets the caller's note, or the default one", () => {
    const files = [guarded("a.py")];
    const plan = filesToRead(files, config());
    const within = { plan, bytes: 10_000 };
    expect(evaluate(input(files, { wholeFileBound: within })).hunksOnlyReason).toMatch(/^Their whole text could not be read/);
    expect(evaluate(input(files, { wholeFileNote: "Only the diff was given." })).hunksOnlyReason).toBe("Only the diff was given.");
    expect(evaluate(input(files, { wholeFileBound: within, wholeFileNote: "Only the diff was given." })).hunksOnlyReason).toBe("Only the diff was given.");
  });

  test("texts are used unbounded when no bound is given", () => {
    const files = [guarded("a.py"), guarded("b.py")];
    const result = evaluate(input(files, { headTexts: new Map([["a.py", head("a.py")], ["b.py", head("b.py")]]) }));
    expect(result.migration.hunksOnly).toEqual([]);
    expect(result.migration.regressions).toEqual([]);
  });

  test("excluded files are not measured for migration at all", () => {
    const files = [modified("vendor/six.py", ["x", '+print "hi"'], 5), modified("app.py", ["x", "+y = 1"], 5)];
    const result = evaluate(input(files));
    expect(result.migration.regressions).toEqual([]);
    expect(result.migration.lines).toEqual({ migration: 0, regression: 0, other: 1 });
    expect(result.size.countedFiles).toBe(1);
  });
});

describe("withAcceptance", () => {
  const files = Array.from({ length: 3 }, (_, i) => ({ ...modified(`f${i}.txt`, Array.from({ length: 300 }, () => "+x"), 1), status: "added" as const }));
  const base = evaluate({ files, config: config({ mode: "block" }), gitattributes: [], facts });
  const acceptance = { by: "lead", reason: "generated fixtures", sha: "s1" };

  test("an acceptance at or above the size turns the verdict green and stays on record", () => {
    expect(base.size.sizeClass).toBe("XL");
    expect(base.verdict.conclusion).toBe("failure");
    const accepted = withAcceptance(base, { ...acceptance, sizeClass: "XL" });
    expect(accepted.verdict.conclusion).toBe("success");
    expect(accepted.acceptance?.by).toBe("lead");
    expect(accepted.findings).toBe(base.findings);
  });

  test("one for a smaller size does not hold and is dropped from the record", () => {
    const stale = withAcceptance(base, { ...acceptance, sizeClass: "L" });
    expect(stale.verdict.conclusion).toBe("failure");
    expect(stale.acceptance).toBeUndefined();
    expect(stale.verdict.notes[0]).toMatch(/no longer holds: the pull request is now XL/);
  });
});
