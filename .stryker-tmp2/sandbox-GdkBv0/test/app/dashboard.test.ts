// @ts-nocheck
import nock from "nock";
import { mockConfig } from "../helpers/github-fakes.js";
import { api, examplePayload, logs, mockToken, sent, useTestProbot } from "../helpers/probot.js";
import { tarball } from "../helpers/tarball.js";
import { parseDashboardRecord } from "../../src/report/dashboard.js";

const OWNER = "Codertocat";
const REPO = "Hello-World";
const SHA = "d".repeat(40);
const NEXT = "e".repeat(40);
const CODELOAD = "https://codeload.github.com";
const BOT = "small-steps-app[bot]";

/** The tree at the pushed commit: four constructs left in two files, one clean file, a vendored one, an unused package. */
const TREE = {
  "app/views.py": 'import yaml\n\ndef show(d):\n    print "hi"\n    if d.has_key("a"):\n        return unicode(d)\n',
  "app/sub/util.py": 'def f():\n    print "x"\n',
  "lib/clean.py": "def g():\n    return 1\n",
  "vendor/thing.py": 'print "vendored"\n',
  "requirements.txt": "PyYAML==6.0\nrequests\n",
  "link.py": "->/etc/passwd",
};

function pushEvent(after: string) {
  const payload = examplePayload("push", undefined, 0);
  payload.ref = "refs/heads/master";
  payload.repository = { ...examplePayload("pull_request", "opened").repository, default_branch: "master" };
  payload.commits = [];
  payload.after = after;
  payload.forced = false;
  payload.deleted = false;
  return { id: `push-${after}`, name: "push", payload } as any;
}

/** A push with no commits to check (a merge already measured) still updates the dashboard: the commits list is empty. */
function mockDashboardRead(issues: unknown[], slugCached = false) {
  if (!slugCached) api().get("/app").reply(200, { id: 123, slug: "small-steps-app" });
  api().get(`/repos/${OWNER}/${REPO}/issues`).query({ creator: BOT, state: "all", per_page: "100" }).reply(200, issues);
}

function mockTarball(sha: string, body: Buffer | string, status = 200) {
  api().get(`/repos/${OWNER}/${REPO}/tarball/${sha}`).reply(302, "", { location: `${CODELOAD}/${OWNER}/${REPO}/legacy.tar.gz/${sha}?token=t` });
  nock(CODELOAD).get(`/${OWNER}/${REPO}/legacy.tar.gz/${sha}`).query(true).reply(status, body);
}

const CONFIG = "dashboard:\n  enabled: true\n  minIntervalMinutes: 0\ndependencies:\n  enabled: false\n";
const app = useTestProbot();

describe("the migration dashboard", () => {
  test("the first push creates one issue; the next edits it with one more burn-down point", async () => {
    mockToken();
    mockConfig(OWNER, REPO, CONFIG);
    mockDashboardRead([]);
    mockTarball(SHA, await tarball(TREE));
    api().post(`/repos/${OWNER}/${REPO}/issues`).reply(201, { number: 12 });
    await app.probot.receive(pushEvent(SHA));
    const created = sent.find((r) => r.method === "POST" && r.path.endsWith("/issues"))!.body;
    expect(created.title).toBe("small-steps: migration dashboard");
    expect(created.body).toContain("**4 old constructs remaining** in 2 files of 3 scanned; 10 Python lines scanned; **33%** of files already clean.");
    expect(created.body).toContain("```mermaid\nxychart-beta");
    expect(created.body).toContain(`[\`app/views.py\`:5](https://github.com/${OWNER}/${REPO}/blob/${SHA}/app/views.py#L5)`);
    expect(created.body).toContain("| `requests` | `requirements.txt` | not asked | **no: a candidate to delete** |");
    expect(created.body).toContain("The first point: the pace shows from the next update.");
    expect(created.body.length).toBeLessThanOrEqual(65_536);
    expect(parseDashboardRecord(created.body).history).toEqual([{ date: expect.any(String), sha: SHA, remaining: 4 }]);

    // The next push: one construct fixed; the same issue is edited.
    sent.length = 0; // the installation token and the app's slug are cached from the first push
    mockConfig(OWNER, REPO, CONFIG);
    mockDashboardRead([{ number: 12, state: "open", title: created.title, body: created.body, html_url: "https://github.com/x/y/issues/12" }], true);
    mockTarball(NEXT, await tarball({ ...TREE, "app/sub/util.py": 'def f():\n    print("x")\n' }));
    api().patch(`/repos/${OWNER}/${REPO}/issues/12`).reply(200, { number: 12 });
    await app.probot.receive(pushEvent(NEXT));
    const edited = sent.find((r) => r.method === "PATCH")!.body;
    expect(edited.title).toBeUndefined(); // unchanged
    expect(edited.body).toContain("**3 old constructs remaining**");
    expect(edited.body).toContain("- 1 construct removed.");
    expect(parseDashboardRecord(edited.body).history.map((p) => p.remaining)).toEqual([4, 3]);
    expect(edited.body).toContain("  line [4, 3]");
    expect(sent.some((r) => r.method === "POST" && r.path.endsWith("/issues"))).toBe(false);
  });

  test("a closed dashboard is left alone: no download, no edit", async () => {
    mockToken();
    mockConfig(OWNER, REPO, CONFIG);
    mockDashboardRead([{ number: 12, state: "closed", title: "t", body: "<!-- small-steps:dashboard {} -->", html_url: "u" }]);
    await app.probot.receive(pushEvent(SHA));
    expect(sent.filter((r) => r.method !== "GET" && !r.path.includes("access_tokens"))).toEqual([]);
    expect(logs.map((l) => l.msg)).toContain("the dashboard issue is closed: left alone until it is reopened");
  });

  test("a corrupt tarball keeps the previous numbers and adds a dated line", async () => {
    const previous = `**7 old constructs remaining** in 2 files\n\n<!-- small-steps:dashboard ${JSON.stringify({ history: [{ date: "2026-11-01", sha: "f".repeat(40), remaining: 7 }], regressions: [], failures: [] })} -->`;
    mockToken();
    mockConfig(OWNER, REPO, CONFIG);
    mockDashboardRead([{ number: 12, state: "open", title: "small-steps: migration dashboard", body: previous, html_url: "u" }]);
    mockTarball(SHA, "this is not gzip");
    api().patch(`/repos/${OWNER}/${REPO}/issues/12`).reply(200, { number: 12 });
    await app.probot.receive(pushEvent(SHA));
    const edited = sent.find((r) => r.method === "PATCH")!.body;
    expect(edited.body).toContain("**7 old constructs remaining** in 2 files");
    expect(edited.body).toMatch(/### Updates that failed\n- \d{4}-\d{2}-\d{2}: Reading the tarball at ddddddd failed \(no HTTP status\): .+\. The numbers above are from the previous update\./);
    const record = parseDashboardRecord(edited.body);
    expect(record.history).toEqual([{ date: "2026-11-01", sha: "f".repeat(40), remaining: 7 }]);
    expect(record.failures).toHaveLength(1);
  });

  test("within dashboard.minIntervalMinutes the update is held back", async () => {
    const body = `x\n\n<!-- small-steps:dashboard ${JSON.stringify({ history: [], updated: new Date().toISOString(), regressions: [], failures: [] })} -->`;
    mockToken();
    mockConfig(OWNER, REPO, "dashboard:\n  enabled: true\n");
    mockDashboardRead([{ number: 12, state: "open", title: "t", body, html_url: "u" }]);
    await app.probot.receive(pushEvent(SHA));
    expect(logs.map((l) => l.msg)).toContain("dashboard updated less than dashboard.minIntervalMinutes ago: held back");
    expect(sent.some((r) => r.path.includes("tarball"))).toBe(false);
  });

  test("off by default: no dashboard read at all", async () => {
    mockToken();
    mockConfig(OWNER, REPO, "");
    await app.probot.receive(pushEvent(SHA));
    expect(sent.some((r) => r.path.includes("/issues") || r.path === "/app")).toBe(false);
  });
});
