import { fromGitHubFile } from "../../src/analysis/changed-file.js";
import type { Regression } from "../../src/analysis/migration.js";
import { planSuggestions } from "../../src/fix/suggestions.js";
import { postable, renderReviewBody, renderSuggestion } from "../../src/report/suggestions.js";
import { patch } from "../helpers/patch.js";

const regression = (path: string, line: number, rule: string): Regression => ({ path, line, rule, pack: "python3", message: "" });
const addedFile = (path: string, lines: string[]) => fromGitHubFile({ filename: path, status: "added", additions: lines.length, deletions: 0, patch: patch(lines.map((l) => `+${l}`)) });

describe("planSuggestions", () => {
  test("a statement over two lines is one suggestion over both; separate statements are one each", () => {
    const file = addedFile("a.py", ['print "a", \\', '      "b"', 'print "c"']);
    const plan = planSuggestions([regression("a.py", 1, "print-statement"), regression("a.py", 3, "print-statement")], [file]);
    expect(plan.suggestions.map((s) => [s.startLine, s.endLine, s.replacement])).toEqual([
      [1, 2, 'print("a", \\\n      "b")'],
      [3, 3, 'print("c")'],
    ]);
    expect(plan.unfixed).toEqual([]);
  });

  test("a fix that reaches a line the pull request did not add is not suggested; the regression is listed as unfixed", () => {
    // The pull request adds the print's first line only; its continuation was there before.
    const text = 'print "a", \\\n      "b"\n';
    const file = fromGitHubFile({ filename: "b.py", status: "modified", additions: 1, deletions: 1, patch: "@@ -1,2 +1,2 @@\n-print 'old', \\\n+print \"a\", \\\n       \"b\"" });
    const plan = planSuggestions([regression("b.py", 1, "print-statement")], [file], new Map([["b.py", text]]));
    expect(plan.suggestions).toEqual([]);
    expect(plan.unfixed.map((r) => r.line)).toEqual([1]);
  });

  test("a modified file without its whole text gets no suggestion and is named; a rule with no fix is unfixed", () => {
    const file = fromGitHubFile({ filename: "c.py", status: "modified", additions: 1, deletions: 0, patch: '@@ -1 +1,2 @@\n x = 1\n+print "x"' });
    const plan = planSuggestions([regression("c.py", 2, "print-statement"), regression("c.py", 2, "builtin-cmp")], [file]);
    expect(plan.unread).toEqual(["c.py"]);
    expect(plan.unfixed).toHaveLength(2);
  });

  test("the same fix keeps its fingerprint when lines above it move; a different fix gets another", () => {
    const before = planSuggestions([regression("d.py", 1, "print-statement")], [addedFile("d.py", ['print "x"'])]).suggestions[0]!;
    const moved = planSuggestions([regression("d.py", 3, "print-statement")], [addedFile("d.py", ["import os", "", 'print "x"'])]).suggestions[0]!;
    const other = planSuggestions([regression("d.py", 1, "print-statement")], [addedFile("d.py", ['print "y"'])]).suggestions[0]!;
    expect(moved.fingerprint).toBe(before.fingerprint);
    expect(other.fingerprint).not.toBe(before.fingerprint);
  });
});

describe("rendering", () => {
  const suggestion = { path: "e.py", startLine: 4, endLine: 4, replacement: "s = repr(x) + '```'", rules: ["backticks"], fingerprint: "0123456789abcdef" };

  test("the fence is longer than any run of backticks in the fixed line, so the line cannot close it", () => {
    const body = renderSuggestion(suggestion);
    expect(body).toContain("````suggestion\ns = repr(x) + '```'\n````\n<!-- small-steps:fix:0123456789abcdef -->");
  });

  test("a fixed line with bidirectional controls is not posted; paths in the body are code spans that mention no one", () => {
    expect(postable({ ...suggestion, replacement: "x = 1 \u202e# y" })).toBe(false);
    expect(postable(suggestion)).toBe(true);
    const body = renderReviewBody([suggestion], [], [regression("@octo-org/admins.py", 2, "builtin-cmp")], []);
    expect(body).toContain("- `@octo-org/admins.py:2`: `builtin-cmp`");
    expect(body).not.toMatch(/(^|[^`])@octo-org/);
  });
});
