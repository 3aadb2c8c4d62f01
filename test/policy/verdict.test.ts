import type { SizeClass, SizeMeasurement } from "../../src/analysis/size.js";
import { applyFindings } from "../../src/policy/findings.js";
import { defaultConfig, resolveConfig, type Config } from "../../src/policy/config.js";
import { decide, describeSize, isTargetBranch, mayFail, reportOnlyReason, sizeLabelName, type PullRequestFacts } from "../../src/policy/verdict.js";

const config = (raw: Record<string, unknown> = {}): Config => {
  const result = resolveConfig(raw);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.config;
};
const size = (sizeClass: SizeClass, countedLines: number, extra: Partial<SizeMeasurement> = {}): SizeMeasurement => ({
  sizeClass,
  linesClass: sizeClass,
  filesClass: "XS",
  decidedBy: "lines",
  moved: { lines: 0, counted: 0 },
  whitespace: { lines: 0, counted: 0 },
  countedLines,
  countedFiles: 2,
  additions: countedLines,
  deletions: 0,
  files: [],
  excluded: [],
  binary: [],
  renamedOnly: [],
  filesSeen: 2,
  filesExpected: 2,
  complete: true,
  ...extra,
});
const facts = (extra: Partial<PullRequestFacts> = {}): PullRequestFacts => ({ baseBranch: "main", defaultBranch: "main", draft: false, authorIsBot: false, ...extra });

describe("a pushed commit's verdict", () => {
  test("over the limit: reported, never failed, whatever the mode, branch or author; the guidance is for the next one", () => {
    for (const extra of [{}, { baseBranch: "release" }, { draft: true }, { authorIsBot: true }]) {
      const verdict = decide(config({ mode: "block" }), size("XL", 612), facts({ pushed: true, ...extra }));
      expect(verdict).toMatchObject({ conclusion: "neutral", overLimit: true, guidanceTitle: "How to split the next one" });
      expect(verdict.notes).toEqual(["Already pushed: a commit cannot be stopped once it has landed, so over the limit is reported, not failed. Split the next one as below."]);
    }
    expect(reportOnlyReason(config(), facts({ pushed: true, baseBranch: "release", draft: true }))).toBeUndefined();
  });

  test("within the limit: green, with the plain guidance title", () => {
    expect(decide(config({ mode: "block" }), size("M", 50), facts({ pushed: true }))).toMatchObject({ conclusion: "success", notes: [], guidanceTitle: "Guidance" });
    expect(decide(config({ mode: "block" }), size("XL", 612), facts())).toMatchObject({ guidanceTitle: "How to make it smaller" });
  });
});

describe("the size verdict (table)", () => {
  test.each([
    // mode, limit, class, lines, facts, conclusion, title, note
    ["warn", "L", "M", 84, {}, "success", "M: 84 lines in 2 files", undefined],
    ["warn", "L", "L", 499, {}, "success", "L: 499 lines in 2 files", undefined],
    ["warn", "L", "XL", 612, {}, "neutral", "XL: 612 lines in 2 files — over the L limit", "Warn mode: over the limit, reported without failing."],
    ["block", "L", "XL", 612, {}, "failure", "XL: 612 lines in 2 files — over the L limit", undefined],
    ["block", "S", "M", 31, {}, "failure", "M: 31 lines in 2 files — over the S limit", undefined],
    ["block", "L", "XL", 612, { draft: true }, "neutral", "XL: 612 lines in 2 files — over the L limit", "Draft pull request: reported, not failed."],
    ["block", "L", "XL", 612, { authorIsBot: true }, "neutral", "XL: 612 lines in 2 files — over the L limit", "Opened by a bot: reported, not failed."],
    ["block", "L", "XL", 612, { baseBranch: "release" }, "neutral", "XL: 612 lines in 2 files — over the L limit", "No verdict: the base branch `release` is not one of the target branches."],
    ["block", "L", "M", 50, { baseBranch: "release" }, "neutral", "M: 50 lines in 2 files", "No verdict: the base branch `release` is not one of the target branches."],
  ] as const)("%s mode, limit %s, %s (%i lines), %j → %s", (mode, limit, sizeClass, lines, extra, conclusion, title, note) => {
    const verdict = decide(config({ mode, limit }), size(sizeClass, lines), facts(extra));
    expect(verdict).toMatchObject({ conclusion, title, overLimit: ["XL", "XXL"].includes(sizeClass) || (limit === "S" && sizeClass === "M") });
    if (note) expect(verdict.notes).toContain(note);
    else expect(verdict.notes).toEqual([]);
  });

  test("drafts: check and bots: check make them like any pull request", () => {
    const strict = config({ mode: "block", drafts: "check", bots: "check" });
    expect(decide(strict, size("XL", 612), facts({ draft: true, authorIsBot: true })).conclusion).toBe("failure");
  });

  test("an incomplete file list within the limit is never green", () => {
    const verdict = decide(defaultConfig(), size("S", 12, { complete: false, filesSeen: 3000, filesExpected: 3400 }), facts());
    expect(verdict.conclusion).toBe("neutral");
    expect(verdict.title).toBe("S: at least 12 lines in 2 of 3,400 files");
  });

  test("no changes is an XS success that says so", () => {
    const verdict = decide(defaultConfig(), size("XS", 0, { filesSeen: 0, filesExpected: 0, countedFiles: 0 }), facts());
    expect(verdict).toMatchObject({ conclusion: "success", title: "XS: no changes" });
  });

  test("branches: globs choose the targets", () => {
    const cfg = config({ branches: ["main", "release/*"] });
    expect(isTargetBranch(cfg, facts({ baseBranch: "release/2.0" }))).toBe(true);
    expect(isTargetBranch(cfg, facts({ baseBranch: "feature/x" }))).toBe(false);
    expect(isTargetBranch(defaultConfig(), facts({ baseBranch: "develop", defaultBranch: "develop" }))).toBe(true);
  });

  test("labels follow the prefix; describeSize counts in good English", () => {
    expect(sizeLabelName(config({ labels: { prefix: "size: " } }), "XL")).toBe("size: XL");
    expect(describeSize(size("XS", 1, { countedFiles: 1 }))).toBe("1 line in 1 file");
    expect(reportOnlyReason(defaultConfig(), facts())).toBeUndefined();
    expect(mayFail(defaultConfig(), facts({ draft: true }))).toBe(false);
  });
});

describe("migration findings follow drafts, bots and branches, like the size verdict", () => {
  const migration = { lines: { migration: 0, regression: 1, other: 0 }, migrated: 0, regressions: [{ path: "a.py", line: 3, pack: "python3", rule: "print-statement", message: "m" }], mixed: false, migrationOnly: false, packs: ["python3"], migrationFiles: [], hunksOnly: [], longLines: [] };
  const dependencies = { changes: [{ name: "oldlib", key: "oldlib", change: "added" as const, manifest: "requirements.txt", line: 1, python3: "no" as const, reason: "Python 2 only" }], problems: [] };
  const schema = { files: [{ path: "app/migrations/0001.py", preset: "django" as const }], lines: 5, otherLines: 40, mixed: true };
  const block = config({ mode: "block" });
  const within = decide(block, size("S", 12), facts());

  test.each([
    [{}, "failure", "failure"],
    [{ draft: true }, "neutral", "warning"],
    [{ authorIsBot: true }, "neutral", "warning"],
    [{ baseBranch: "release" }, "neutral", "warning"],
  ] as const)("block mode, %j: %s, annotations as %s", (extra, conclusion, level) => {
    const f = facts(extra);
    const verdict = applyFindings(decide(block, size("S", 12), f), block, f, migration, dependencies, schema);
    expect(verdict.conclusion).toBe(conclusion);
    expect(verdict.annotations.map((a) => a.annotation_level)).toEqual([level, level]);
  });

  test("each finding's own conclusion setting applies, and the worst wins", () => {
    const cfg = config({ mode: "block", migration: { regressions: "neutral" }, dependencies: { unsupported: "neutral" }, schemaMigrations: { conclusion: "failure" } });
    expect(applyFindings(within, cfg, facts(), migration, dependencies, schema).conclusion).toBe("failure");
    const lenient = config({ mode: "block", migration: { regressions: "neutral" }, dependencies: { unsupported: "neutral" }, schemaMigrations: { conclusion: "neutral" } });
    expect(applyFindings(within, lenient, facts(), migration, dependencies, schema).conclusion).toBe("neutral");
    expect(applyFindings(within, lenient, facts(), migration, dependencies, schema).title).toBe("S: 12 lines in 2 files; 1 regression; 1 dependency without Python 3; schema migrations mixed with code");
  });
});
