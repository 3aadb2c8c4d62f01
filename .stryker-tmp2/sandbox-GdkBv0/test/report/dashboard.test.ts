// @ts-nocheck
import { scanBytes, summariseScan } from "../../src/analysis/scan/scanner.js";
import { packsFor } from "../../src/engine.js";
import { defaultConfig } from "../../src/policy/config.js";
import { ISSUE_BODY_LIMIT, parseDashboardRecord, renderDashboard, renderDashboardRecord, withFailure, type DashboardRecord } from "../../src/report/dashboard.js";

const record = (extra: Partial<DashboardRecord> = {}): DashboardRecord => ({ history: [{ date: "2026-11-01", sha: "a".repeat(40), remaining: 5 }], regressions: [], failures: [], ...extra });

describe("the dashboard's record", () => {
  test("reads back as written; bad entries and broken JSON read as empty", () => {
    const r = record({ updated: "2026-11-01T10:00:00.000Z", regressions: [{ sha: "b", count: 2 }], failures: ["x -- y"] });
    expect(parseDashboardRecord(`text\n${renderDashboardRecord(r)}`)).toEqual(r);
    expect(renderDashboardRecord(r).slice(4, -3)).not.toContain("--");
    expect(parseDashboardRecord("<!-- small-steps:dashboard {oops} -->")).toEqual({ history: [], regressions: [], failures: [] });
    expect(parseDashboardRecord(null)).toEqual({ history: [], regressions: [], failures: [] });
    const mixed = `<!-- small-steps:dashboard ${JSON.stringify({ history: [{ date: "d", sha: "s", remaining: 1.5 }, { date: "d", sha: "s", remaining: 2 }], regressions: [{ sha: 1, count: 1 }], failures: [3, "ok"] })} -->`;
    expect(parseDashboardRecord(mixed)).toEqual({ history: [{ date: "d", sha: "s", remaining: 2 }], regressions: [], failures: ["ok"] });
  });

  test("a failure keeps the body's numbers, replaces the failure list and keeps the last five", () => {
    let body = `**5 old constructs remaining**\n\n${renderDashboardRecord(record())}`;
    let r = record();
    for (let i = 1; i <= 7; i++) {
      body = withFailure(body, r, `day ${i}: failed`);
      r = parseDashboardRecord(body);
    }
    expect(body.startsWith("**5 old constructs remaining**")).toBe(true);
    expect(r.failures).toEqual(["day 3: failed", "day 4: failed", "day 5: failed", "day 6: failed", "day 7: failed"]);
    expect(body.match(/### Updates that failed/g)).toHaveLength(1);
    expect(r.history).toEqual(record().history);
  });
});

describe("the dashboard's body", () => {
  const packs = packsFor(defaultConfig());
  const scans = Array.from({ length: 3000 }, (_, i) => scanBytes(`pkg${i % 300}/module_with_a_long_name_${i}.py`, new TextEncoder().encode(`print "x"\nd.has_key(1)\n`), packs).file!);
  const result = summariseScan(scans, [], [], { exclude: [], gitattributes: [], batchLines: 9, depth: 1 });
  const view = { result, sha: "c".repeat(40), commitUrl: (s: string) => `https://g/c/${s}`, link: (p: string, l?: number) => `https://g/b/${p}#L${l}`, limit: "XS (9 lines)", record: record(), regressions: [{ sha: "d".repeat(40), count: 3 }], previous: 4000, unsupported: ["oldlib"] };

  test("fits GitHub's limit and keeps its record whatever the tree", () => {
    const body = renderDashboard(view);
    expect(body.length).toBeLessThanOrEqual(ISSUE_BODY_LIMIT);
    expect(parseDashboardRecord(body)).toEqual(record());
    expect(body).toContain("**6,000 old constructs remaining** in 3,000 files of 3,000 scanned");
    expect(body).toContain("- 2,000 constructs more than before.");
    expect(body).toContain(`- Regressions that landed: [\`ddddddd\`](https://g/c/${"d".repeat(40)}) (3).`);
    expect(body).toContain("- Dependencies without Python 3: `oldlib`.");
    expect(body).toContain("… and 1,490 more batches.");
  });

  test("says when the scan stopped at the byte bound", () => {
    expect(renderDashboard({ ...view, truncatedAt: 200 * 1024 * 1024 })).toContain("The scan stopped at `dashboard.maxBytes` (200 MB of the tarball)");
  });
});
