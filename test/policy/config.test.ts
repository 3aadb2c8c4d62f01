import { readFileSync } from "node:fs";
import { configValidatorSource } from "../../src/policy/config-validator-source.js";
import { defaultConfig, resolveConfig } from "../../src/policy/config.js";

describe("config", () => {
  test("an absent file gives the documented defaults", () => {
    expect(resolveConfig(null)).toEqual({
      ok: true,
      config: {
        mode: "warn",
        limit: "L",
        thresholds: { XS: 10, S: 30, M: 100, L: 500, XL: 1000, files: { XS: 5, S: 10, M: 30, L: 100, XL: 300 } },
        deletionWeight: 1,
        weights: { moved: 0.1, whitespace: 0.5, paths: [] },
        exclude: [],
        branches: [],
        drafts: "report",
        bots: "report",
        labels: { enabled: true, prefix: "size/" },
        migration: { packs: ["python3"], custom: [], mixedTolerance: 0.1, regressions: "default", labels: { migration: "migration", mixed: "mixed-change" }, python3: { enable: [], disable: [] }, done: [] },
        dependencies: { enabled: true, allow: [], unsupported: "default", maxLookups: 25, timeoutSeconds: 5 },
        schemaMigrations: {
          presets: ["django", "alembic", "rails", "prisma", "flyway", "liquibase", "knex", "typeorm"],
          alone: true,
          tolerance: 0,
          conclusion: "default",
        },
        accept: { permission: "write", allowAuthor: false },
        comments: { sticky: "auto" },
        fixes: { target: "compatible", suggestions: "command", maxSuggestions: 20 },
        push: { enabled: true, branches: [], maxCommits: 20 },
        dashboard: { enabled: false, title: "small-steps: migration dashboard", minIntervalMinutes: 10, maxBytes: 209715200, depth: 1, importNames: {} },
        campaign: { enabled: false, maxFiles: 30, maxOpen: 3, perHour: 2, automatic: false, verifiedCommits: false },
      },
    });
  });

  test("the defaults kept for an absent file are what the schema's validator fills into an empty config (run npm run schema if not)", () => {
    const absent = resolveConfig(null);
    expect(absent).toEqual(resolveConfig({}));
    // Each call gets its own copy: a caller that changes its config changes no one else's.
    if (absent.ok) absent.config.thresholds.L = 1;
    expect(resolveConfig(null)).toEqual(resolveConfig({}));
  });

  test("the committed validator is the one Ajv compiles from the schema now (run npm run schema if not)", () => {
    expect(readFileSync(new URL("../../src/policy/config-validator.ts", import.meta.url), "utf8")).toBe(configValidatorSource());
  });

  test("partial thresholds keep the other defaults", () => {
    const result = resolveConfig({ thresholds: { M: 150 }, mode: "block" });
    expect(result.ok && result.config.thresholds).toEqual({ XS: 10, S: 30, M: 150, L: 500, XL: 1000, files: { XS: 5, S: 10, M: 30, L: 100, XL: 300 } });
  });

  test("every problem is listed with its key path and what was expected", () => {
    const result = resolveConfig({ mode: "strict", thresholds: { M: "big", XXXL: 3 }, exclude: ["ok", 7], colour: "red" });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual(
      expect.arrayContaining([
        { path: "mode", message: 'expected one of "warn", "block"' },
        { path: "thresholds.M", message: "expected integer" },
        { path: "thresholds.XXXL", message: "unknown key" },
        { path: "exclude[1]", message: "expected string" },
        { path: "colour", message: "unknown key" },
      ]),
    );
    expect(result.problems).toHaveLength(5);
  });

  test("a custom pack's bad pattern is a config error with its key path", () => {
    const result = resolveConfig({
      migration: { custom: [{ name: "jquery", files: ["**/*.js"], old: ["\\$\\(", "(a+)+\\1"], new: ["document\\.querySelector("] }] },
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual([
      { path: "migration.custom[0].old[1]", message: expect.stringContaining("not a valid RE2 pattern") },
      { path: "migration.custom[0].new[0]", message: expect.stringContaining("not a valid RE2 pattern") },
    ]);
  });

  test("a custom pack without its required keys is reported", () => {
    const result = resolveConfig({ migration: { custom: [{ name: "x" }] } });
    expect(result.ok || result.problems).toEqual([
      { path: "migration.custom[0]", message: "missing the required key `files`" },
      { path: "migration.custom[0]", message: "missing the required key `old`" },
    ]);
  });

  test("thresholds must increase", () => {
    expect(resolveConfig({ thresholds: { S: 200 } })).toEqual({ ok: false, problems: [{ path: "thresholds.M", message: "expected more than thresholds.S (200)" }] });
  });

  test("a config that is not a mapping is an error, not a fallback to defaults", () => {
    expect(resolveConfig(["a"]).ok).toBe(false);
    expect(resolveConfig("mode: warn").ok).toBe(false);
  });

  test("resolving does not modify the caller's object", () => {
    const raw = { mode: "block" };
    resolveConfig(raw);
    expect(raw).toEqual({ mode: "block" });
    expect(defaultConfig().mode).toBe("warn");
  });
});

describe("mistakes in a config say what was meant", () => {
  test("a rule id the pack does not have is an error, with the nearest id", () => {
    const result = resolveConfig({ migration: { python3: { disable: ["builtin-xrang", "module-urllib2", "print-tuple", "zzzzzzzz-nothing"] } } });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problems).toEqual([
        { path: "migration.python3.disable[0]", message: 'no python3 rule is called "builtin-xrang": did you mean "builtin-xrange"?' },
        { path: "migration.python3.disable[3]", message: 'no python3 rule is called "zzzzzzzz-nothing"' },
      ]);
    }
  });

  test("an unknown key names the key meant", () => {
    const result = resolveConfig({ thresholds: { M: 100 }, migraton: {} });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems).toEqual([{ path: "migraton", message: "unknown key: did you mean `migration`?" }]);
  });
});
