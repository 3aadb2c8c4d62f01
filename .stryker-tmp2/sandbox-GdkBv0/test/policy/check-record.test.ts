// @ts-nocheck
import { SIZE_CLASSES } from "../../src/analysis/size.js";
import { acceptanceHolds, parseRecord, renderRecord, type CheckRecord } from "../../src/policy/check-record.js";

const acceptance = { by: "octocat", reason: "vendored upgrade", sizeClass: "XL" as const, sha: "abc123" };

describe("the record kept in a check run's text", () => {
  test("a record reads back as written, inside other text", () => {
    const record: CheckRecord = { acceptance, sticky: { id: 42, status: "accepted", hash: "h1" } };
    const text = `## Summary\nsome text\n${renderRecord(record)}\nmore text`;
    expect(parseRecord(text)).toEqual(record);
    expect(parseRecord(renderRecord({ sticky: { id: 7, status: "over" } }))).toEqual({ sticky: { id: 7, status: "over" } });
    expect(renderRecord({})).toBe("<!-- small-steps:record {} -->");
  });

  test('a reason with "--" or "-->" cannot close the HTML comment early, and still reads back', () => {
    const tricky = { ...acceptance, reason: "ok --> <script> -- done" };
    const rendered = renderRecord({ acceptance: tricky });
    expect(rendered.slice(4, -3)).not.toContain("--");
    expect(rendered.endsWith(" -->")).toBe(true);
    expect(parseRecord(rendered).acceptance).toEqual(tricky);
  });

  test.each([
    ["no text", undefined],
    ["null", null],
    ["empty", ""],
    ["no marker", "just a summary {\"acceptance\": {}}"],
    ["another marker", '<!-- small-steps:other {"acceptance":{"by":"a","reason":"r","sizeClass":"XL","sha":"s"}} -->'],
    ["broken JSON", "<!-- small-steps:record {acceptance: nope} -->"],
    ["no space before the end", '<!-- small-steps:record {"sticky":{"id":1,"status":"over"}}-->'],
  ])("%s reads as no record", (_name, text) => {
    expect(parseRecord(text)).toEqual({});
  });

  test.each([
    ["by missing", { reason: "r", sizeClass: "XL", sha: "s" }],
    ["by not a string", { by: 1, reason: "r", sizeClass: "XL", sha: "s" }],
    ["reason not a string", { by: "a", reason: ["r"], sizeClass: "XL", sha: "s" }],
    ["sha not a string", { by: "a", reason: "r", sizeClass: "XL", sha: 12 }],
    ["unknown size class", { by: "a", reason: "r", sizeClass: "XXXL", sha: "s" }],
    ["size class in lower case", { by: "a", reason: "r", sizeClass: "xl", sha: "s" }],
  ])("an acceptance with %s is not honoured (fail closed), and the rest of the record stays", (_name, raw) => {
    const text = `<!-- small-steps:record ${JSON.stringify({ acceptance: raw, sticky: { id: 3, status: "under" } })} -->`;
    expect(parseRecord(text)).toEqual({ sticky: { id: 3, status: "under" } });
  });

  test("only the fields of an acceptance are kept", () => {
    const text = `<!-- small-steps:record ${JSON.stringify({ acceptance: { ...acceptance, admin: true } })} -->`;
    expect(parseRecord(text)).toEqual({ acceptance });
  });

  test.each([
    ["id not a number", { id: "1", status: "over" }, undefined],
    ["id not an integer", { id: 1.5, status: "over" }, undefined],
    ["unknown status", { id: 1, status: "closed" }, undefined],
    ["hash not a string", { id: 1, status: "over", hash: 5 }, { id: 1, status: "over" }],
    ["every state", { id: 2, status: "under", hash: "x" }, { id: 2, status: "under", hash: "x" }],
  ])("sticky comment record, %s", (_name, raw, expected) => {
    const text = `<!-- small-steps:record ${JSON.stringify({ sticky: raw, acceptance })} -->`;
    expect(parseRecord(text)).toEqual(expected ? { acceptance, sticky: expected } : { acceptance });
  });

  test("the first record in a text is the one read", () => {
    const text = `${renderRecord({ sticky: { id: 1, status: "over" } })}\n${renderRecord({ sticky: { id: 2, status: "under" } })}`;
    expect(parseRecord(text)).toEqual({ sticky: { id: 1, status: "over" } });
  });
});

describe("an acceptance holds while the pull request stays at or below the size accepted", () => {
  test("no acceptance never holds", () => {
    for (const sizeClass of SIZE_CLASSES) expect(acceptanceHolds(undefined, sizeClass)).toBe(false);
  });
  test.each(SIZE_CLASSES.map((accepted, i) => [accepted, i] as const))("accepted for %s", (accepted, i) => {
    const held = SIZE_CLASSES.filter((now) => acceptanceHolds({ ...acceptance, sizeClass: accepted }, now));
    expect(held).toEqual(SIZE_CLASSES.slice(0, i + 1));
  });
});
