import { codeSpan, plainText, safeText } from "../../src/report/neutralise.js";
import { renderScanSections } from "../../src/report/scan.js";

/** What users write and file names, as the app posts them back. */
describe("text from outside, shown by the app", () => {
  test("a code span its own backticks cannot close", () => {
    expect(codeSpan("a`b")).toBe("`` a`b ``");
    expect(codeSpan("x`@octo-org/admins`<img>")).toBe("`` x`@octo-org/admins`<img> ``");
    expect(codeSpan("plain.py")).toBe("`plain.py`");
    expect(codeSpan("a|b")).toBe("`a\\|b`");
  });

  test("bidirectional controls and other invisible characters are dropped", () => {
    expect(codeSpan("invoice\u202Efdp.exe")).toBe("`invoicefdp.exe`");
    expect(plainText("ok\u2066\u200Bfine")).toBe("okfine");
  });

  test("running text mentions no one and carries no HTML or Markdown", () => {
    const reason = plainText("ping @octo-org/admins <img src=x onerror=alert(1)> **now**");
    expect(reason).not.toMatch(/@[A-Za-z]/);
    expect(reason).not.toContain("<img");
    expect(reason).toContain("\\*\\*now\\*\\*");
  });

  test("outside code spans a cell's text mentions no one; inside it is left as written", () => {
    expect(safeText("by @someone in `@generated`")).toBe("by @\u2060someone in `@generated`");
    expect(safeText("<b>")).toBe("‹b›");
  });

  test("the dashboard's commands quote file names for the shell and cannot break their span", () => {
    const view = {
      files: 1, lines: 1, excluded: 0, skipped: [], remaining: { total: 1, byRule: { "print-statement": 1 }, byFolder: { ".": 1 } },
      filesByFolder: { ".": { files: 1, clean: 0 } }, filesWithRemaining: [{ path: "a`b $(rm -rf ~).py", count: 1, rules: { "print-statement": 1 } }],
      examples: { "print-statement": { path: "a`b $(rm -rf ~).py", line: 1 } }, batches: [{ paths: ["a`b $(rm -rf ~).py"], constructs: 1, lines: 2 }], dependencies: [],
      fixable: { target: "compatible", total: 1, byFolder: { ".": 1 }, rules: ["print-statement"] },
    };
    const text = renderScanSections(view as never, { limit: "L (499 lines)" }).join("\n");
    expect(text).toContain("See it: `` small-steps scan 'a`b $(rm -rf ~).py' ``");
    expect(text).toContain("Make it: `` small-steps fix 'a`b $(rm -rf ~).py' --write ``");
  });
});
