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

describe("split plan, the edges", () => {
  const thresholds = { XS: 10, S: 30, M: 100, L: 500, XL: 1000 };

  test("files with no counted lines are left out; the lines of a module add up", () => {
    const plan = planSplit([file("a/x.py", 0), file("a/y.py", 40), file("a/z.py", 50)], noSchema, new Set(), thresholds, "M");
    expect(plan.parts).toEqual([{ kind: "change", modules: ["a"], files: [file("a/y.py", 40), file("a/z.py", 50)], lines: 90, sizeClass: "M", overLimit: false }]);
  });

  test("a module of exactly the capacity stays whole; one line more is split by units, a file with its tests together", () => {
    const exact = planSplit([file("a/x.py", 50), file("a/y.py", 49)], noSchema, new Set(), thresholds, "M");
    expect(exact.parts.map((p) => p.lines)).toEqual([99]);
    const over = planSplit([file("a/cart.py", 40), file("a/tests/test_cart.py", 20), file("a/order.py", 40)], noSchema, new Set(), thresholds, "M");
    expect(over.parts.map((p) => p.files.map((f) => f.path))).toEqual([["a/cart.py", "a/tests/test_cart.py"], ["a/order.py"]]);
    expect(over.parts.map((p) => [p.lines, p.sizeClass, p.overLimit])).toEqual([[60, "M", false], [40, "M", false]]);
  });

  test("a unit bigger than a part is spread file by file; a single file over the limit is its own part, marked over", () => {
    const plan = planSplit([file("a/cart.py", 80), file("a/test_cart.py", 70), file("a/big.py", 150), file("a/tiny.py", 10)], noSchema, new Set(), thresholds, "M");
    expect(plan.parts.map((p) => [p.files.map((f) => f.path), p.lines, p.overLimit])).toEqual([
      [["a/big.py"], 150, true],
      [["a/cart.py", "a/tiny.py"], 90, false],
      [["a/test_cart.py"], 70, false],
    ]);
  });

  test("parts of different kinds never share; within a kind the biggest come first, then by module name", () => {
    const plan = planSplit([file("b/x.py", 10), file("a/y.py", 10), file("c/m.py", 20), file("d/big.py", 60)], noSchema, new Set(["c/m.py"]), thresholds, "S");
    expect(plan.capacity).toBe(29);
    expect(plan.parts.map((p) => [p.kind, p.modules, p.lines])).toEqual([
      ["migration", ["c"], 20],
      ["change", ["d"], 60],
      ["change", ["a", "b"], 20],
    ]);
  });

  test("a part under its modules' limit takes more modules only while it fits", () => {
    const plan = planSplit([file("a/x.py", 60), file("b/x.py", 39), file("c/x.py", 1)], noSchema, new Set(), thresholds, "M");
    expect(plan.parts.map((p) => [p.modules, p.lines])).toEqual([[["a", "b"], 99], [["c"], 1]]);
  });

  test("a module over the limit: units packed first-fit from the largest, a unit of exactly the limit whole, exact fits taken", () => {
    // Units b (99: exactly the capacity), c 60, d 39, e 30, given smallest first and a test before its code.
    const files = [file("a/e.py", 30), file("a/d.py", 39), file("a/c.py", 60), file("a/test_b.py", 49), file("a/b.py", 50)];
    const plan = planSplit(files, noSchema, new Set(), thresholds, "M");
    expect(plan.parts.map((p) => [p.files.map((f) => f.path), p.lines, p.overLimit])).toEqual([
      [["a/b.py", "a/test_b.py"], 99, false],
      [["a/c.py", "a/d.py"], 99, false],
      [["a/e.py"], 30, false],
    ]);
  });

  test("a unit of exactly the limit stays whole even where its files would fill other parts' gaps", () => {
    // f (110) is spread file by file: parts of 50 and 60; b (99) then stays one piece rather than filling the 50's gap.
    const files = [file("a/f.py", 50), file("a/test_f.py", 60), file("a/b.py", 50), file("a/test_b.py", 49)];
    const plan = planSplit(files, noSchema, new Set(), thresholds, "M");
    expect(plan.parts.map((p) => [p.files.map((f) => f.path), p.lines])).toEqual([
      [["a/b.py", "a/test_b.py"], 99],
      [["a/test_f.py"], 60],
      [["a/f.py"], 50],
    ]);
  });

  test("a split module's units are packed together first, then its pieces fill other modules' parts", () => {
    const files = [file("g/g1.py", 70), file("g/g2.py", 70), file("a/a1.py", 60), file("a/a2.py", 29), file("a/a3.py", 20)];
    const plan = planSplit(files, noSchema, new Set(), thresholds, "M");
    expect(plan.parts.map((p) => [p.files.map((f) => f.path), p.lines])).toEqual([
      [["a/a3.py", "g/g1.py"], 90],
      [["a/a1.py", "a/a2.py"], 89],
      [["g/g2.py"], 70],
    ]);
  });

  test("groups are packed by kind, then largest first: schema, migration and changes never share a part", () => {
    const schema = { files: [{ path: "shop/migrations/0001_x.py", preset: "django" as const }], lines: 10, otherLines: 190, mixed: true };
    const files = [file("p/x.py", 30), file("shop/migrations/0001_x.py", 10), file("q/x.py", 80), file("m/x.py", 20), file("r/x.py", 60)];
    const plan = planSplit(files, schema, new Set(["m/x.py"]), thresholds, "M");
    expect(plan.parts.map((p) => [p.kind, p.modules, p.lines])).toEqual([
      ["schema", ["shop/migrations"], 10],
      ["migration", ["m"], 20],
      ["change", ["r", "p"], 90],
      ["change", ["q"], 80],
    ]);
  });

  test("unit names keep what is not a test affix", () => {
    expect(unitOf("a/test_utils.py")).toBe("utils");
    expect(unitOf("a/contest.py")).toBe("contest");
    expect(unitOf("a/latest_test.py")).toBe("latest");
    expect(unitOf("a/my_test_helpers.py")).toBe("my_test_helpers");
    expect(unitOf("a/Tests.java")).toBe("");
  });
});
