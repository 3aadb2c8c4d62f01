// @ts-nocheck
import { defaultConfig, mergeConfigs, resolveConfig } from "../../src/policy/config.js";

const problems = (raw: unknown) => {
  const result = resolveConfig(raw);
  return result.ok ? [] : result.problems;
};

describe("config problems name the key and say what was expected", () => {
  test.each([
    [{ deletionWeight: -1 }, "deletionWeight", "expected at least 0"],
    [{ deletionWeight: 11 }, "deletionWeight", "expected at most 10"],
    [{ labels: { prefix: "" } }, "labels.prefix", "expected a non-empty string"],
    [{ labels: { prefix: "x".repeat(41) } }, "labels.prefix", "expected at most 40 characters"],
    [{ migration: { packs: ["python3", "python3"] } }, "migration.packs", "expected no repeated items"],
    [{ migration: { custom: [{ name: "n", files: [], old: ["x"] }] } }, "migration.custom[0].files", "expected at least 1 item"],
    [{ migration: { custom: [{ name: "n", files: ["*.py"] }] } }, "migration.custom[0]", "missing the required key `old`"],
    [{ exclude: [12] }, "exclude[0]", "expected string"],
    [{ mode: "loud" }, "mode", 'expected one of "warn", "block"'],
    [{ nope: 1 }, "nope", "unknown key"],
    [{ "a/b": 1 }, "a/b", "unknown key"],
    [{ dependencies: { timeoutSeconds: 0 } }, "dependencies.timeoutSeconds", "expected a value that must be > 0"],
    [{ dashboard: { importNames: { x: [] } } }, "dashboard.importNames.x", "expected at least 1 item"],
    [{ dashboard: { importNames: { "my/dist~1": [] } } }, "dashboard.importNames.my/dist~1", "expected at least 1 item"],
    [{ exclude: ["a", "b", 3] }, "exclude[2]", "expected string"],
    [{ migration: { custom: [{ name: "n", files: ["*.py"], old: ["x"] }, { name: "m", files: ["12x"], old: [""] }] } }, "migration.custom[1].old[0]", "expected a non-empty string"],
  ])("%j → %s: %s", (raw, path, message) => {
    expect(problems(raw)).toContainEqual({ path, message });
  });

  test.each([[[1, 2]], ["text"], [42], [true]])("a top level that is not a mapping (%j) is one problem", (raw) => {
    expect(problems(raw)).toEqual([{ path: "(top level)", message: "expected a mapping of keys to values" }]);
  });

  test("null and undefined are no file: the defaults", () => {
    expect(resolveConfig(null)).toEqual({ ok: true, config: defaultConfig() });
    expect(resolveConfig(undefined)).toEqual({ ok: true, config: defaultConfig() });
  });

  test("thresholds must increase strictly, checked for every pair", () => {
    expect(problems({ thresholds: { XS: 10, S: 10 } })).toEqual([{ path: "thresholds.S", message: "expected more than thresholds.XS (10)" }]);
    expect(problems({ thresholds: { L: 2000, XL: 2000 } })).toEqual([{ path: "thresholds.XL", message: "expected more than thresholds.L (2000)" }]);
    expect(problems({ thresholds: { XS: 1, S: 2, M: 3, L: 4, XL: 5 } })).toEqual([]);
  });

  test("the input is not changed by the defaults", () => {
    const raw = { labels: { enabled: false } };
    resolveConfig(raw);
    expect(raw).toEqual({ labels: { enabled: false } });
  });
});

describe("mergeConfigs", () => {
  test("mappings merge key by key, most general first; lists and values are replaced; null leaves the rest", () => {
    expect(mergeConfigs([{ mode: "warn", labels: { prefix: "s/", enabled: true }, exclude: ["a"] }, { labels: { prefix: "size:" }, exclude: ["b"] }])).toEqual({ mode: "warn", labels: { prefix: "size:", enabled: true }, exclude: ["b"] });
    expect(mergeConfigs([{ mode: "warn" }, null])).toEqual({ mode: "warn" });
    expect(mergeConfigs([null, { mode: "block" }])).toEqual({ mode: "block" });
    expect(mergeConfigs([{ exclude: { a: 1 } }, { exclude: ["x"] }])).toEqual({ exclude: ["x"] });
    expect(mergeConfigs([{ labels: ["x"] }, { labels: { prefix: "p" } }])).toEqual({ labels: { prefix: "p" } });
    expect(mergeConfigs([])).toBeNull();
  });
});
