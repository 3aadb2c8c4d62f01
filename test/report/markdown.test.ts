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
    expect(summary).toContain("| … and 2,950 more | | | |");
    expect(summary).toContain("and 2,950 more");
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
    expect(summary).toContain("| `a\\|b'c.py` | 5 | 0 | 5 |");
    expect(summary).toContain("| `weird\\|name'.txt` | excluded by config | `weird\\|name'.txt` | 5 |");
  });
});
