import type { FileMeasure } from "../../src/analysis/size.js";
import { DEFAULT_THRESHOLDS } from "../../src/analysis/size.js";
import { moduleOf, planSplit, unitOf } from "../../src/policy/split-plan.js";

const file = (path: string, countedLines: number): FileMeasure => ({ path, status: "modified", additions: countedLines, deletions: 0, countedLines });
const noSchema = { files: [], lines: 0, otherLines: 0, mixed: false };

describe("split plan", () => {
  test.each([
    ["src/shop/cart.py", "shop"],
    ["tests/shop/test_cart.py", "shop"],
    ["src/shop/__tests__/cart.test.ts", "shop"],
    ["lib/a/b/c/d.rb", "a/b"],
    ["README.md", "(top level)"],
  ])("module of %s is %s", (path, module) => expect(moduleOf(path)).toBe(module));

  test.each([
    ["src/shop/cart.py", "cart"],
    ["tests/shop/test_cart.py", "cart"],
    ["pkg/cart_test.go", "cart"],
    ["src/cart.test.ts", "cart"],
    ["src/Cart.spec.js", "cart"],
    ["src/CartTest.java", "cart"],
  ])("unit of %s is %s", (path, unit) => expect(unitOf(path)).toBe(unit));

  test("schema migrations alone and first, migration work next, each part under the limit", () => {
    const files = [
      file("shop/migrations/0002_price.py", 30),
      file("shop/views.py", 60),
      file("tests/shop/test_views.py", 30),
      file("search/index.py", 200),
      file("legacy/compat.py", 80),
    ];
    const plan = planSplit(files, { files: [{ path: "shop/migrations/0002_price.py", preset: "django" }], lines: 30, otherLines: 370, mixed: true }, new Set(["legacy/compat.py"]), DEFAULT_THRESHOLDS, "M");
    expect(plan.capacity).toBe(99);
    expect(plan.parts.map((p) => [p.kind, p.files.map((f) => f.path), p.lines, p.overLimit])).toEqual([
      ["schema", ["shop/migrations/0002_price.py"], 30, false],
      ["migration", ["legacy/compat.py"], 80, false],
      ["change", ["search/index.py"], 200, true],
      ["change", ["shop/views.py", "tests/shop/test_views.py"], 90, false],
    ]);
  });

  test("small modules share a part; every part stays under the limit", () => {
    const files = Array.from({ length: 12 }, (_, i) => file(`m${i}/f.py`, 25));
    const plan = planSplit(files, noSchema, new Set(), DEFAULT_THRESHOLDS, "M");
    expect(plan.parts.map((p) => p.lines)).toEqual([75, 75, 75, 75]);
  });
});
