import { compileGlob, globProblem, MAX_GLOB_LENGTH } from "../../src/analysis/safe-glob.js";
import { ExclusionRules } from "../../src/analysis/exclusions.js";
import { resolveConfig } from "../../src/policy/config.js";

const matches = (glob: string, path: string, matchBase = false) => compileGlob(glob, { matchBase })(path);

describe("globs, as minimatch reads them with dot: true", () => {
  test.each([
    ["*.py", "a.py", true],
    ["*.py", "dir/a.py", false],
    ["**/*.py", "a.py", true],
    ["**/*.py", "x/y/a.py", true],
    ["src/**", "src/a/b.c", true],
    ["src/**/test_*.py", "src/test_a.py", true],
    ["src/**/test_*.py", "src/x/y/test_a.py", true],
    ["a?c", "abc", true],
    ["a?c", "a/c", false],
    ["[ab].txt", "b.txt", true],
    ["[!ab].txt", "c.txt", true],
    ["[!ab].txt", "a.txt", false],
    ["*.{js,ts}", "x.ts", true],
    ["*.{js,{c,m}ts}", "x.mts", true],
    ["file{1..3}.txt", "file2.txt", true],
    ["file{1..3}.txt", "file4.txt", false],
    ["{a}.txt", "{a}.txt", true],
    ["\\*.txt", "*.txt", true],
    [".github/**", ".github/workflows/ci.yml", true],
    ["*", ".hidden", true],
  ])("%s on %s: %s", (glob, path, expected) => {
    expect(matches(glob, path)).toBe(expected);
  });

  test("matchBase: a glob without a slash matches the last segment", () => {
    expect(matches("*.lock", "deep/dir/yarn.lock", true)).toBe(true);
    expect(matches("dir/*.lock", "deep/dir/yarn.lock", true)).toBe(false);
  });
});

describe("globs an outsider writes cannot stall the app", () => {
  test("extended globs, unclosed brackets, reversed ranges and overlong globs are refused with a reason", () => {
    expect(globProblem("@(a|a)+(a|a)b")).toMatch(/extended globs/);
    expect(globProblem("!((")).toMatch(/extended globs/);
    expect(globProblem("[")).toMatch(/never closed/);
    expect(globProblem("[z-a]")).toMatch(/not a valid glob/);
    expect(globProblem("{a,b")).toMatch(/never closed/);
    expect(globProblem("x{1..1000}")).toMatch(/wider than/);
    expect(globProblem("a".repeat(MAX_GLOB_LENGTH + 1))).toMatch(/longer than/);
    expect(globProblem("src/**/*.py")).toBeUndefined();
  });

  test("seventeen brace groups and many stars compile and match without blowing up", () => {
    const braces = "{a,b}".repeat(17);
    const start = performance.now();
    const glob = compileGlob(braces);
    expect(glob("ab".repeat(8) + "a")).toBe(true);
    const stars = compileGlob("*a*a*a*a*a*a*a*a*b");
    expect(stars(`src/${"a".repeat(5000)}c.py`)).toBe(false);
    // Exponential expansion or backtracking takes minutes here; linear matching, milliseconds.
    expect(performance.now() - start).toBeLessThan(5000);
  });

  test("a config with such globs is an error that names each one; the exclusions never match with them", () => {
    const result = resolveConfig({ exclude: ["@(a|a)+(a|a)b", "ok/**", "["], branches: ["release/[z-a]"] });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.map((p) => p.path)).toEqual(["exclude[0]", "exclude[2]", "branches[0]"]);
    expect(new ExclusionRules(["@(a|a)+(a|a)b"]).override("src/aaaaaaaaaaaaaaaaaaaaaaaaaac.py")).toBeUndefined();
  });

  test("config lists are bounded", () => {
    const result = resolveConfig({ migration: { packs: Array.from({ length: 100_000 }, () => "python3") } });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]).toMatchObject({ path: "migration.packs", message: "expected at most 10 items" });
  });
});
