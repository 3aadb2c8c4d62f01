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
    const plan = planSuggestions([regression("a.py", 1, "print-statement"), regression("a.py", 3, "print-statement")], [file], undefined, "python3");
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
    const plan = (line: number, lines: string[]) => planSuggestions([regression("d.py", line, "print-statement")], [addedFile("d.py", lines)], undefined, "python3").suggestions[0]!;
    const before = plan(1, ['print "x"']);
    const moved = plan(3, ["import os", "", 'print "x"']);
    const other = plan(1, ['print "y"']);
    expect(moved.fingerprint).toBe(before.fingerprint);
    expect(other.fingerprint).not.toBe(before.fingerprint);
  });
});

test("compatible (the default): the imports the fixes need are a suggestion of their own on a neighbouring added line, before the fixes", () => {
  const file = addedFile("f.py", ['"""Tools."""', "def show(d):", "    for k in d.iterkeys():", '        print k, d[k]']);
  const plan = planSuggestions([regression("f.py", 3, "dict-iterkeys"), regression("f.py", 4, "print-statement")], [file]);
  expect(plan.suggestions.map((s) => [s.startLine, s.endLine, s.rules, s.replacement])).toEqual([
    [1, 1, ["imports"], '"""Tools."""\nfrom __future__ import absolute_import, print_function\nimport six'],
    [3, 3, ["dict-iterkeys"], "    for k in six.iterkeys(d):"],
    [4, 4, ["print-statement"], "        print(k, d[k])"],
  ]);
  expect(renderSuggestion(plan.suggestions[0]!)).toMatch(/^\*\*small-steps\*\* · the imports the other suggested fixes need/);
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
