// @ts-nocheck
import { formatCount } from "../../src/plural.js";

describe("formatCount", () => {
  test.each([0, 7, 42, 999, 1000, 1001, 12345, 999999, 1000000, 1479038, -1, -1234, -1000000, Number.MAX_SAFE_INTEGER, 1.5, 1234.5678, -0.25])(
    "%p reads as toLocaleString('en-US') writes it",
    (value) => expect(formatCount(value)).toBe(value.toLocaleString("en-US")),
  );
});
