import type { ChangedFile } from "../../src/analysis/changed-file.js";
import { evaluate } from "../../src/engine.js";
import { defaultConfig, resolveConfig } from "../../src/policy/config.js";
import { GITHUB_SUMMARY_LIMIT, renderSummary, truncateSummary } from "../../src/report/markdown.js";

const facts = { baseBranch: "main", defaultBranch: "main", draft: false, authorIsBot: false };
const file = (path: string, additions: number, extra: Partial<ChangedFile> = {}): ChangedFile => ({ path, status: "modified", additions, deletions: 0, binary: false, ...extra });

describe("the check run summary stays within GitHub's limit", () => {
  test("3,000 excluded files and 3,000 binaries are listed 50 each, with a count of the rest", () => {
    const long = "deeply/nested/".repeat(15);
    const files = [
      ...Array.from({ length: 3000 }, (_, i) => file(`${long}vendor/lib${i}.js`, 100)),
      ...Array.from({ length: 3000 }, (_, i) => file(`${long}assets/img${i}.png`, 0, { binary: true })),
    ];
    const summary = renderSummary(evaluate({ files, config: defaultConfig(), gitattributes: [], facts }));
    expect(summary.length).toBeLessThanOrEqual(GITHUB_SUMMARY_LIMIT);
    expect(summary).toContain("| … and 2,950 more | | | |"); // the excluded files' table
    expect(summary).toMatch(/#### Binary files \(counted as files, 0 lines\)\n[^\n]*`deeply[^\n]*img49\.png` and 2,950 more(\n|$)/); // the binary list
    expect(summary).toContain("#### Limits in force");
  });

  test("text past the limit is cut at a line, with a notice", () => {
    const text = Array.from({ length: 5000 }, (_, i) => `line ${i} ${"x".repeat(20)}`).join("\n");
    const cut = truncateSummary(text);
    expect(cut.length).toBeLessThanOrEqual(GITHUB_SUMMARY_LIMIT);
    expect(cut).toMatch(/line \d+ x+\n\n_\(The rest of this report was cut to fit GitHub's limit/);
    expect(truncateSummary("short")).toBe("short");
  });

  test("file names cannot break the tables", () => {
    const config = resolveConfig({ exclude: ["weird|name`.txt"] });
    if (!config.ok) throw new Error("config");
    const summary = renderSummary(evaluate({ files: [file("a|b`c.py", 5), file("weird|name`.txt", 5)], config: config.config, gitattributes: [], facts }));
    expect(summary).toContain("| `` a\\|b`c.py `` | 5 | 0 | 5 |");
    expect(summary).toContain("| `` weird\\|name`.txt `` | excluded by config | `weird\\|name'.txt` | 5 |");
  });
});

describe("excluded files stay out of the migration", () => {
  test("a vendored or generated Python file gets no findings and does not make a pull request mixed", () => {
    const py = (path: string, lines: string[], status: ChangedFile["status"] = "added"): ChangedFile => ({
      path,
      status,
      additions: lines.length,
      deletions: 0,
      binary: false,
      patch: `@@ -0,0 +1,${lines.length} @@\n${lines.map((l) => `+${l}`).join("\n")}`,
    });
    const migration = { path: "app/compat.py", status: "modified" as const, additions: 1, deletions: 1, binary: false, patch: "@@ -1 +1 @@\n-for k in d.iterkeys():\n+for k in d.keys():" };
    const files = [
      migration,
      py("vendor/six.py", ['print "old"', "x = unicode(y)", ...Array.from({ length: 40 }, (_, i) => `v${i} = ${i}`)]),
      py("api/service_pb2.py", ["import urllib2", ...Array.from({ length: 40 }, (_, i) => `g${i} = ${i}`)]),
    ];
    const evaluation = evaluate({ files, config: defaultConfig(), gitattributes: [], facts });
    expect(evaluation.size.excluded.map((e) => e.path)).toEqual(["vendor/six.py", "api/service_pb2.py"]);
    expect(evaluation.migration).toMatchObject({ regressions: [], mixed: false, migrationOnly: true, lines: { migration: 1, regression: 0, other: 0 } });
  });
});
