import type { SizeClass, SizeMeasurement } from "../../src/analysis/size.js";
import { applyAcceptance, applyFindings, unknownSupportNotes, worst } from "../../src/policy/findings.js";
import { resolveConfig, type Config } from "../../src/policy/config.js";
import { decide, guidanceFor } from "../../src/policy/verdict.js";

const config = (raw: Record<string, unknown> = {}): Config => {
  const result = resolveConfig(raw);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.config;
};
const size = (sizeClass: SizeClass, countedLines: number): SizeMeasurement => ({ sizeClass, linesClass: sizeClass, filesClass: "XS", decidedBy: "lines", moved: { lines: 0, counted: 0 }, whitespace: { lines: 0, counted: 0 }, countedLines, countedFiles: 2, additions: countedLines, deletions: 0, files: [], excluded: [], binary: [], renamedOnly: [], filesSeen: 2, filesExpected: 2, complete: true });
const facts = { baseBranch: "main", defaultBranch: "main", draft: false, authorIsBot: false };
const noMigration = { lines: { migration: 0, regression: 0, other: 5 }, migrated: 0, regressions: [], mixed: false, migrationOnly: false, packs: [], migrationFiles: [], hunksOnly: [], longLines: [] };
const noSchema = { files: [], lines: 0, otherLines: 5, mixed: false };
const noDependencies = { changes: [], problems: [] };
const dep = (extra: Record<string, unknown>) => ({ name: "oldlib", key: "oldlib", change: "added" as const, manifest: "requirements.txt", line: 3, python3: "unknown" as const, ...extra });

describe("guidance by size", () => {
  test.each([
    ["XS", "L", ["A small step: easy to review and safe to land."]],
    ["S", "L", ["A small step: easy to review and safe to land."]],
    ["M", "L", ["Within the limit. Keep mechanical edits (renames, formatting) in their own pull requests so that this stays easy to review."]],
    ["L", "L", ["Within the limit. Keep mechanical edits (renames, formatting) in their own pull requests so that this stays easy to review."]],
    ["M", "S", 4],
    ["XL", "L", 4],
  ] as const)("%s with the limit at %s", (sizeClass, limit, expected) => {
    const guidance = guidanceFor(sizeClass, limit);
    if (typeof expected === "number") {
      expect(guidance).toHaveLength(expected);
      expect(guidance[0]).toBe("Split it: land preparatory refactors, renames and formatting first, each on its own.");
      expect(guidance[1]).toBe("Separate migration work from feature work, and schema migrations from application code.");
      expect(guidance[2]).toBe("Hide unfinished work behind a flag so that each part can merge to the default branch on its own.");
      expect(guidance[3]).toMatch(/^Mark generated or vendored files with `linguist-generated` or `linguist-vendored`/);
    } else expect(guidance).toEqual(expected);
  });
});

describe("worst", () => {
  test.each([
    ["success", "neutral", "neutral"],
    ["neutral", "success", "neutral"],
    ["neutral", "action_required", "action_required"],
    ["failure", "action_required", "failure"],
    ["neutral", "neutral", "neutral"],
  ] as const)("%s and %s → %s", (a, b, expected) => expect(worst(a, b)).toBe(expected));
});

describe("unknown Python 3 support", () => {
  test("one line per reason, each package once, removed and known ones left out; the reason's parenthesis dropped", () => {
    const notes = unknownSupportNotes({
      problems: [],
      changes: [
        dep({ reason: "the package index could not be reached (ECONNREFUSED)" }),
        dep({ manifest: "setup.py", reason: "the package index could not be reached (timeout)" }),
        dep({ name: "b", key: "b", reason: "the package index could not be reached" }),
        dep({ name: "c", key: "c", reason: undefined }),
        dep({ name: "gone", key: "gone", change: "removed" }),
        dep({ name: "ok", key: "ok", python3: "yes" }),
        dep({ name: "bad", key: "bad", python3: "no" }),
      ],
    });
    expect(notes).toEqual([
      "Python 3 support not checked for 2 packages: the package index could not be reached. Not a failure; see the dependencies table.",
      "Python 3 support not checked for 1 package: no answer. Not a failure; see the dependencies table.",
    ]);
    expect(unknownSupportNotes({ problems: [], changes: [dep({ reason: "limit (a) reached" })] })).toEqual(["Python 3 support not checked for 1 package: limit (a) reached. Not a failure; see the dependencies table."]);
    expect(unknownSupportNotes({ problems: [], changes: [dep({ reason: "no answer(HTTP 503)" })] })).toEqual(["Python 3 support not checked for 1 package: no answer. Not a failure; see the dependencies table."]);
  });
});

describe("applyFindings", () => {
  const cfg = config();
  const within = decide(cfg, size("S", 20), facts);

  test("nothing found: the size verdict as it was, no labels wanted, no annotations", () => {
    const verdict = applyFindings(within, cfg, facts, noMigration, noDependencies, noSchema);
    expect(verdict).toEqual({ ...within, flagLabels: [{ name: "migration", wanted: false }, { name: "mixed-change", wanted: false }], annotations: [] });
  });

  test("mixed work: a note, the split first in the guidance, the label; not a failure", () => {
    const mixed = { ...noMigration, lines: { migration: 12, regression: 0, other: 30 }, mixed: true };
    const verdict = applyFindings(within, cfg, facts, mixed, noDependencies, noSchema);
    expect(verdict.conclusion).toBe("success");
    expect(verdict.notes).toEqual(["Mixed change: 12 migration lines with 30 lines of other work."]);
    expect(verdict.guidance[0]).toBe("Split it in two: one pull request with only the migration edits (12 lines), one with the other changes (30 lines). Land the migration first: it is mechanical and quick to review.");
    expect(verdict.guidance.slice(1)).toEqual(within.guidance);
    expect(verdict.flagLabels).toEqual([{ name: "migration", wanted: false }, { name: "mixed-change", wanted: true }]);
  });

  test("migration only wants its label; empty label names are dropped", () => {
    const only = { ...noMigration, lines: { migration: 12, regression: 0, other: 0 }, migrationOnly: true };
    expect(applyFindings(within, cfg, facts, only, noDependencies, noSchema).flagLabels).toEqual([{ name: "migration", wanted: true }, { name: "mixed-change", wanted: false }]);
    expect(applyFindings(within, config({ migration: { labels: { migration: "", mixed: "" } } }), facts, only, noDependencies, noSchema).flagLabels).toEqual([]);
  });

  test("a dependency without Python 3: its annotation and message; a removed one is no finding", () => {
    const dependencies = { problems: [], changes: [dep({ python3: "no", version: "1.2", reason: "Python 2 only classifiers" }), dep({ name: "gone", key: "gone", python3: "no", change: "removed" })] };
    const verdict = applyFindings(within, config({ mode: "block" }), facts, noMigration, dependencies, noSchema);
    expect(verdict.conclusion).toBe("failure");
    expect(verdict.title).toBe("S: 20 lines in 2 files; 1 dependency without Python 3");
    expect(verdict.annotations).toEqual([
      {
        path: "requirements.txt",
        start_line: 3,
        end_line: 3,
        annotation_level: "failure",
        title: "No Python 3, no new package: oldlib",
        message: "oldlib 1.2 does not support Python 3 (Python 2 only classifiers). Replace it, or list it under dependencies.allow if it was renamed or absorbed.",
      },
    ]);
    const unversioned = applyFindings(within, cfg, facts, noMigration, { problems: [], changes: [dep({ python3: "no", reason: "r" })] }, noSchema);
    expect(unversioned.conclusion).toBe("neutral");
    expect(unversioned.annotations[0]).toMatchObject({ annotation_level: "warning", message: "oldlib does not support Python 3 (r). Replace it, or list it under dependencies.allow if it was renamed or absorbed." });
  });

  test("a regression is annotated on its line with its rule", () => {
    const regression = { ...noMigration, regressions: [{ path: "a.py", line: 7, pack: "python3", rule: "print-statement", message: "use print()" }] };
    expect(applyFindings(within, cfg, facts, regression, noDependencies, noSchema).annotations).toEqual([{ path: "a.py", start_line: 7, end_line: 7, annotation_level: "warning", title: "python3: print-statement", message: "use print()" }]);
  });

  test("schema migrations mixed with code: the guidance names the files; alone: false turns it off", () => {
    const schema = { files: [{ path: "db/0001.py", preset: "django" as const }, { path: "db/0002.py", preset: "django" as const }], lines: 10, otherLines: 50, mixed: true };
    const verdict = applyFindings(within, cfg, facts, noMigration, noDependencies, schema);
    expect(verdict.guidance[0]).toBe("Schema migrations ship alone: move `db/0001.py`, `db/0002.py` into a pull request of their own, then land the code that uses them.");
    expect(verdict.conclusion).toBe("neutral");
    expect(applyFindings(within, config({ schemaMigrations: { alone: false } }), facts, noMigration, noDependencies, schema)).toEqual(applyFindings(within, cfg, facts, noMigration, noDependencies, noSchema));
  });
});

describe("applyAcceptance", () => {
  const block = config({ mode: "block" });
  const over = applyFindings(decide(block, size("XL", 700), facts), block, facts, { ...noMigration, regressions: [{ path: "a.py", line: 1, pack: "python3", rule: "r", message: "m" }] }, noDependencies, noSchema);
  const acceptance = { by: "lead", reason: "vendored upgrade", sizeClass: "XL" as const, sha: "s" };

  test("no acceptance: unchanged", () => expect(applyAcceptance(over, undefined, "XL")).toBe(over));

  test("an acceptance that holds: green, the audit line first, failures become warnings", () => {
    const accepted = applyAcceptance(over, acceptance, "XL");
    expect(accepted.conclusion).toBe("success");
    expect(accepted.title).toBe(`${over.title} — accepted by @lead`);
    expect(accepted.notes).toEqual(["Accepted by @lead: vendored upgrade", ...over.notes]);
    expect(over.annotations.map((a) => a.annotation_level)).toEqual(["failure"]);
    expect(accepted.annotations).toEqual([{ ...over.annotations[0], annotation_level: "warning" }]);
    // Only failures are softened: a notice stays one.
    const notice = { ...over.annotations[0], annotation_level: "notice" as const };
    expect(applyAcceptance({ ...over, annotations: [notice] }, acceptance, "XL").annotations).toEqual([notice]);
  });

  test("one for a smaller size: the verdict stands, with a note that says why", () => {
    const stale = applyAcceptance(over, { ...acceptance, sizeClass: "L" }, "XL");
    expect(stale).toEqual({ ...over, notes: ['The acceptance by @lead (for L or smaller: "vendored upgrade") no longer holds: the pull request is now XL.', ...over.notes] });
  });
});

describe("finished folders (migration.done)", () => {
  const regression = (path: string) => ({ path, line: 4, pack: "python3", rule: "print-statement", message: "print statement: use print()." });
  const withRegressions = (...paths: string[]) => ({ ...noMigration, regressions: paths.map(regression) });

  test("in warn mode a regression in a finished folder fails, naming the folder, commit and date; one elsewhere stays a warning", () => {
    const c = config({ migration: { done: ["lib/**", { files: "app/**", commit: "abcdef1234", date: "2026-12-01" }] } });
    const verdict = applyFindings(decide(c, size("S", 20), facts), c, facts, withRegressions("app/views.py", "tools/run.py"), noDependencies, noSchema);
    expect(verdict.conclusion).toBe("failure");
    expect(verdict.title).toBe("S: 20 lines in 2 files; 2 regressions (1 in a finished folder)");
    expect(verdict.annotations.map((a) => [a.path, a.annotation_level])).toEqual([["app/views.py", "failure"], ["tools/run.py", "warning"]]);
    expect(verdict.annotations[0].message).toBe("print statement: use print(). `app/**` was finished at abcdef1 on 2026-12-01 (listed in migration.done): this fails the check in any mode.");
    expect(verdict.guidance[0]).toMatch(/^A finished folder \(`migration\.done`\) stays finished/);
  });

  test("a plain glob entry says it is listed; outside every finished folder warn mode stays neutral", () => {
    const c = config({ migration: { done: ["lib/**"] } });
    const inside = applyFindings(decide(c, size("S", 20), facts), c, facts, withRegressions("lib/a.py"), noDependencies, noSchema);
    expect(inside.annotations[0].message).toContain("`lib/**` is finished (listed in migration.done)");
    const outside = applyFindings(decide(c, size("S", 20), facts), c, facts, withRegressions("libs/a.py"), noDependencies, noSchema);
    expect(outside.conclusion).toBe("neutral");
    expect(outside.title).toBe("S: 20 lines in 2 files; 1 regression");
  });

  test("a draft is still reported, not failed", () => {
    const c = config({ migration: { done: ["lib/**"] } });
    const verdict = applyFindings(decide(c, size("S", 20), { ...facts, draft: true }), c, { ...facts, draft: true }, withRegressions("lib/a.py"), noDependencies, noSchema);
    expect(verdict.conclusion).toBe("neutral");
  });

  test("config errors: a bad commit and an unsafe glob are named by their key", () => {
    const result = resolveConfig({ migration: { done: [{ files: "a/**", commit: "not a sha" }] } });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.map((p) => p.path)).toContain("migration.done[0].commit");
    const glob = resolveConfig({ migration: { done: ["a/@(b|c)/**"] } });
    expect(glob.ok).toBe(false);
  });
});
