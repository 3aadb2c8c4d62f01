import { files, mockConfig, mockFileList, mockState } from "../helpers/github-fakes.js";
import { api, conversation, examplePayload, expectIgnored, logs, mockToken, sent, useTestProbot } from "../helpers/probot.js";

const OWNER = "Codertocat";
const REPO = "Hello-World";
const CHECKS = `/repos/${OWNER}/${REPO}/check-runs`;
const A = "a".repeat(40);
const B = "b".repeat(40);
const C = "c".repeat(40);
const PARENT = "0".repeat(40);

interface FakeCommit {
  parents?: string[];
  files: Array<{ filename: string; status: string; additions: number; deletions: number; patch?: string }>;
  /** Whole files at the commit and at its first parent, by path. */
  head?: Record<string, string>;
  base?: Record<string, string>;
  /** Our check run already on the commit (GraphQL's shape). */
  run?: Record<string, unknown>;
  pulls?: Array<Record<string, unknown>>;
}

function pushEvent(commits: string[], edit: (payload: Record<string, any>) => void = () => {}) {
  const payload = examplePayload("push", undefined, 0);
  payload.ref = "refs/heads/master";
  payload.repository = { ...examplePayload("pull_request", "opened").repository, default_branch: "master" };
  payload.commits = commits.map((id) => ({ id, added: [], modified: ["app/x.py"], removed: [] }));
  payload.after = commits[commits.length - 1];
  payload.forced = false;
  payload.deleted = false;
  edit(payload);
  return { id: `push-${commits.join("")}`, name: "push", payload } as any;
}

/** GitHub for commits: the commit API (300 files a page), its pull requests, and the GraphQL state by commit. */
function mockCommits(commits: Record<string, FakeCommit>) {
  for (const [sha, c] of Object.entries(commits)) {
    const pages = Math.max(1, Math.ceil(c.files.length / 300));
    for (let page = 1; page <= pages; page++) {
      api()
        .get(`/repos/${OWNER}/${REPO}/commits/${sha}`)
        .query({ per_page: "300", page: String(page) })
        .reply(200, { sha, parents: (c.parents ?? [PARENT]).map((p) => ({ sha: p })), commit: { message: "a step" }, files: c.files.slice((page - 1) * 300, page * 300) }, page < pages ? { link: `<${"https://api.github.com"}/repositories/1/commits/${sha}?page=${page + 1}>; rel="next"` } : {});
    }
  }
  api()
    .post("/graphql")
    .times(Object.keys(commits).length)
    .reply(200, (_uri, body) => {
      const { variables } = body as { variables: Record<string, string> };
      const c = commits[variables.head];
      const repository: Record<string, unknown> = {};
      for (const [name, value] of Object.entries(variables)) {
        const blob = /^(mb|mh|h|b)?e(\d+)$/.exec(name);
        if (!blob) continue;
        const path = value.split(":").slice(1).join(":");
        const files = blob[1] === "mb" || blob[1] === "b" ? c.base : blob[1] === "mh" || blob[1] === "h" ? c.head : {};
        repository[`${blob[1] ?? ""}f${blob[2]}`] = files?.[path] !== undefined ? { text: files[path] } : null;
      }
      repository.head = { checkSuites: { nodes: c.run ? [{ app: { databaseId: 123 }, checkRuns: { nodes: [c.run] } }] : [] } };
      return { data: { repository } };
    });
}

function mockPulls(commits: Record<string, FakeCommit>) {
  for (const [sha, c] of Object.entries(commits)) api().get(`/repos/${OWNER}/${REPO}/commits/${sha}/pulls`).query(true).reply(200, c.pulls ?? []);
}

const created = () => sent.filter((r) => r.method === "POST" && r.path === CHECKS).map((r) => r.body);

// Commit A migrates a print statement; commit B brings one back.
const reportBefore = `import sys\n\n\ndef report(n):\n    print "total", n\n    return n\n`;
const reportAfter = reportBefore.replace('print "total", n', 'print("total", n)');
const cliBefore = `def main():\n    run()\n`;
const cliAfter = `def main():\n    run()\n    print "done"\n`;
const twoCommits = (): Record<string, FakeCommit> => ({
  [A]: {
    files: [{ filename: "app/report.py", status: "modified", additions: 1, deletions: 1, patch: '@@ -4,3 +4,3 @@ import sys\n def report(n):\n-    print "total", n\n+    print("total", n)\n     return n' }],
    head: { "app/report.py": reportAfter },
    base: { "app/report.py": reportBefore },
  },
  [B]: {
    parents: [A],
    files: [{ filename: "app/cli.py", status: "modified", additions: 1, deletions: 0, patch: '@@ -1,2 +1,3 @@\n def main():\n     run()\n+    print "done"' }],
    head: { "app/cli.py": cliAfter },
    base: { "app/cli.py": cliBefore },
  },
});

const app = useTestProbot();

describe("a push to the default branch", () => {
  test("two commits: one check run on each, the regression annotated, no labels", async () => {
    mockToken();
    mockConfig(OWNER, REPO, "mode: block\n");
    mockCommits(twoCommits());
    mockPulls(twoCommits());
    api().post(CHECKS).times(2).reply(201, (_uri, body) => ({ id: (body as { head_sha: string }).head_sha === B ? 2 : 1 }));

    await app.probot.receive(pushEvent([A, B]));

    expect(conversation()).toEqual([
      "POST /app/installations/4242/access_tokens",
      `GET /repos/${OWNER}/${REPO}/contents/.github/small-steps.yml`,
      `GET /repos/${OWNER}/${REPO}/commits/${B}`,
      "POST /graphql",
      `GET /repos/${OWNER}/${REPO}/commits/${B}/pulls`,
      `POST ${CHECKS}`,
      `GET /repos/${OWNER}/${REPO}/commits/${A}`,
      "POST /graphql",
      `GET /repos/${OWNER}/${REPO}/commits/${A}/pulls`,
      `POST ${CHECKS}`,
    ]);
    const [b, a] = created();
    expect(b).toMatchObject({ name: "small-steps", head_sha: B, external_id: "push", status: "completed", conclusion: "failure", output: { title: "XS: 1 line in 1 file; 1 regression" } });
    expect(b.output.annotations).toEqual([expect.objectContaining({ path: "app/cli.py", start_line: 3, end_line: 3, annotation_level: "failure", title: "python3: print-statement" })]);
    expect(b.output.summary).toContain(`Measured against its parent \`${A.slice(0, 7)}\`.`);
    expect(b.actions).toBeUndefined();
    expect(a).toMatchObject({ head_sha: A, external_id: "push", conclusion: "success", output: { title: "XS: 2 lines in 1 file" } });
    expect(a.output.summary).toContain("**migration only**");
    expect(a.output.annotations).toEqual([]);
    expect(sent.some((r) => r.path.includes("/labels") || r.path.includes("/comments"))).toBe(false);
  });

  test("a pushed commit that moves a 40-line function to another file counts it at weights.moved: 8 lines, not 80", async () => {
    const body = Array.from({ length: 39 }, (_, i) => `    total += step_${i}(n)`);
    const fn = ["def summarise(n):", ...body];
    const moved: Record<string, FakeCommit> = {
      [C]: {
        files: [
          { filename: "app/a.py", status: "modified", additions: 0, deletions: 40, patch: `@@ -1,41 +1,1 @@\n${fn.map((l) => `-${l}`).join("\n")}\n x = 1` },
          { filename: "app/b.py", status: "modified", additions: 40, deletions: 0, patch: `@@ -1,1 +1,41 @@\n y = 2\n${fn.map((l) => `+${l}`).join("\n")}` },
        ],
      },
    };
    mockToken();
    mockConfig(OWNER, REPO, "");
    mockCommits(moved);
    mockPulls(moved);
    api().post(CHECKS).reply(201, { id: 1 });
    await app.probot.receive(pushEvent([C]));
    const [run] = created();
    expect(run.output.title).toBe("XS: 8 lines in 2 files");
    expect(run.output.summary).toMatch(/moved/i);
  });

  test("a redelivered push writes nothing: each commit's run already shows its result", async () => {
    mockToken();
    mockConfig(OWNER, REPO, "mode: block\n");
    mockCommits(twoCommits());
    mockPulls(twoCommits());
    api().post(CHECKS).times(2).reply(201, { id: 1 });
    await app.probot.receive(pushEvent([A, B]));
    const shown = Object.fromEntries(created().map((body, i) => [body.head_sha, { databaseId: i + 1, status: "COMPLETED", conclusion: body.conclusion.toUpperCase(), title: body.output.title, summary: body.output.summary, text: null, externalId: "push" }]));

    sent.length = 0;
    const again = twoCommits();
    for (const sha of [A, B]) again[sha].run = shown[sha];
    mockConfig(OWNER, REPO, "mode: block\n");
    mockCommits(again);
    mockPulls(again);
    await app.probot.receive({ ...pushEvent([A, B]), id: "the-same-push-again" } as never);
    expect(sent.filter((r) => r.method !== "GET" && r.path !== "/graphql" && !r.path.includes("access_tokens"))).toEqual([]);
  });

  test("a merge commit is measured against its first parent and names its pull request", async () => {
    const merge: Record<string, FakeCommit> = {
      [C]: {
        parents: [A, B],
        files: [{ filename: "README.md", status: "modified", additions: 2, deletions: 0, patch: "@@ -1 +1,3 @@\n x\n+y\n+z" }],
        pulls: [{ number: 7, title: "Docs", merged_at: "2026-11-30T10:00:00Z", merge_commit_sha: C }],
      },
    };
    mockToken();
    mockConfig(OWNER, REPO, "");
    mockCommits(merge);
    mockPulls(merge);
    api().post(CHECKS).reply(201, { id: 5 });
    await app.probot.receive(pushEvent([C]));
    const [body] = created();
    expect(body.output.summary).toContain(`Merge commit: measured against its first parent \`${A.slice(0, 7)}\`, that is, what the merge brought into \`master\`. From pull request #7.`);
    expect(body.output.title).toBe("XS: 2 lines in 1 file");
  });

  test("over the size limit is neutral: a push cannot be stopped after the fact; files past 300 are read page by page", async () => {
    const big: Record<string, FakeCommit> = {
      [A]: { files: Array.from({ length: 305 }, (_, i) => ({ filename: `data/f${i}.txt`, status: "added", additions: 2, deletions: 0, patch: "@@ -0,0 +1,2 @@\n+a\n+b" })) },
    };
    mockToken();
    mockConfig(OWNER, REPO, "mode: block\nlimit: M\n");
    mockCommits(big);
    mockPulls(big);
    api().post(CHECKS).reply(201, { id: 5 });
    await app.probot.receive(pushEvent([A]));
    const [body] = created();
    expect(body).toMatchObject({ conclusion: "neutral", output: { title: "XXL: 610 lines in 305 files (the number of files decides) — over the M limit" } });
    expect(body.output.summary).toContain("Already pushed: a commit cannot be stopped once it has landed");
    expect(body.output.summary).toContain("#### How to split the next one");
  });

  test("past push.maxCommits only the newest are measured, and the newest says how many were not", async () => {
    const commits = twoCommits();
    delete commits[A];
    mockToken();
    mockConfig(OWNER, REPO, "push:\n  maxCommits: 1\n");
    mockCommits(commits);
    mockPulls(commits);
    api().post(CHECKS).reply(201, { id: 5 });
    await app.probot.receive(pushEvent([C, A, B]));
    const bodies = created();
    expect(bodies.map((b) => b.head_sha)).toEqual([B]);
    expect(bodies[0].output.summary).toContain("The push held 2 older commits more than `push.maxCommits` (1); those were not measured.");
  });

  test("a commit that carries its pull request's check run (a fast-forward) is left alone", async () => {
    const commits = twoCommits();
    delete commits[A];
    commits[B].run = { databaseId: 9, status: "COMPLETED", conclusion: "SUCCESS", title: "XS", summary: "s", text: null, externalId: "2" };
    mockToken();
    mockConfig(OWNER, REPO, "");
    mockCommits(commits);
    await app.probot.receive(pushEvent([B]));
    expect(created()).toEqual([]);
    expect(logs.map((l) => l.msg)).toContain("pushed commit already carries its pull request's check run: left alone");
  });

  test("a commit GitHub will not list gets a failure check run that says so", async () => {
    mockToken();
    mockConfig(OWNER, REPO, "");
    api().get(`/repos/${OWNER}/${REPO}/commits/${A}`).query(true).reply(502, { message: "Server Error" }, { "x-github-request-id": "AB:12" });
    api().get(`${CHECKS.replace("/check-runs", "")}/commits/${A}/check-runs`).query(true).reply(200, { total_count: 0, check_runs: [] });
    api().post(CHECKS).reply(201, { id: 5 });
    await expect(app.probot.receive(pushEvent([A]))).rejects.toThrow();
    expect(created()).toEqual([
      expect.objectContaining({ head_sha: A, external_id: "push", conclusion: "failure", output: expect.objectContaining({ title: "Could not measure this commit" }) }),
    ]);
    expect(created()[0].output.summary).toContain("Reading the commit and its files failed (HTTP 502, request id `AB:12`)");
  });

  test("an invalid config is reported on the newest commit, and nothing is measured", async () => {
    mockToken();
    mockConfig(OWNER, REPO, "push:\n  maxCommits: 0\n");
    api().get(`/repos/${OWNER}/${REPO}/commits/${B}/check-runs`).query(true).reply(200, { total_count: 0, check_runs: [] });
    api().post(CHECKS).reply(201, { id: 5 });
    await app.probot.receive(pushEvent([A, B]));
    expect(created()).toEqual([expect.objectContaining({ head_sha: B, conclusion: "action_required", output: expect.objectContaining({ title: "Invalid configuration: 1 problem" }) })]);
    expect(created()[0].output.summary).toContain("so this commit was not measured");
  });

  test("with push.enabled false nothing is measured", async () => {
    mockToken();
    mockConfig(OWNER, REPO, "push:\n  enabled: false\n");
    await app.probot.receive(pushEvent([A]));
    expect(created()).toEqual([]);
    expect(logs.filter((l) => l.msg === "event ignored").map((l) => l.reason)).toContain("push to a branch that is not measured, or without commits");
  });

  test("push.branches measures other branches too", async () => {
    const commits = twoCommits();
    delete commits[A];
    mockToken();
    mockConfig(OWNER, REPO, "push:\n  branches: ['release/*']\n");
    mockCommits(commits);
    mockPulls(commits);
    api().post(CHECKS).reply(201, { id: 5 });
    await app.probot.receive(pushEvent([B], (p) => (p.ref = "refs/heads/release/2.0")));
    expect(created()[0].output.summary).toContain("#### Pushed to `release/2.0`");
  });
});

describe("Re-run on a pushed commit's check", () => {
  test("measures the commit again and updates its run", async () => {
    const commits = twoCommits();
    delete commits[A];
    commits[B].run = { databaseId: 77, status: "COMPLETED", conclusion: "FAILURE", title: "Could not measure this commit", summary: "x", text: null, externalId: "push" };
    const payload = examplePayload("check_run", "rerequested");
    payload.repository = { ...examplePayload("pull_request", "opened").repository, default_branch: "master" };
    payload.check_run = { ...payload.check_run, head_sha: B, external_id: "push", app: { id: 123 }, pull_requests: [], check_suite: { ...payload.check_run.check_suite, head_branch: "master" } };
    mockToken();
    mockConfig(OWNER, REPO, "");
    mockCommits(commits);
    mockPulls(commits);
    api().patch(`${CHECKS}/77`).reply(200, { id: 77 });
    await app.probot.receive({ id: "rerun", name: "check_run", payload } as any);
    const update = sent.find((r) => r.method === "PATCH")!.body;
    expect(update).toMatchObject({ external_id: "push", conclusion: "neutral", output: { title: "XS: 1 line in 1 file; 1 regression" } });
  });
});

describe("a push that changes the config", () => {
  test("re-measures the open pull requests against the new policy", async () => {
    const pull = examplePayload("pull_request", "opened").pull_request;
    mockToken();
    mockConfig(OWNER, REPO, "limit: XS\npush:\n  enabled: false\n");
    api().get(`/repos/${OWNER}/${REPO}/pulls`).query({ state: "open", base: "master", sort: "updated", direction: "desc", per_page: "30" }).reply(200, [{ number: pull.number }]);
    api().get(`/repos/${OWNER}/${REPO}/pulls/${pull.number}`).reply(200, { ...pull, changed_files: 1 });
    // The new policy is read once, for the push and the pull requests it re-measures.
    mockFileList(OWNER, REPO, pull.number, files(1));
    mockState({ headSha: pull.head.sha, labels: ["size/XS"], checkRunId: 3 });
    api().patch(`${CHECKS}/3`).reply(200, { id: 3 });
    await app.probot.receive(pushEvent([A], (p) => (p.commits[0].modified = [".github/small-steps.yml"])));
    const update = sent.find((r) => r.method === "PATCH")!.body;
    expect(update.output.summary).toContain("Limit: XS");
  });

  test("on another branch, unmeasured, does nothing but read the policy", async () => {
    mockToken();
    mockConfig(OWNER, REPO, "");
    await app.probot.receive(pushEvent([A], (p) => ((p.ref = "refs/heads/feature"), (p.commits[0].modified = [".github/small-steps.yml"]))));
    expect(conversation()).toEqual(["POST /app/installations/4242/access_tokens", `GET /repos/${OWNER}/${REPO}/contents/.github/small-steps.yml`]);
    expect(logs.filter((l) => l.msg === "event ignored").map((l) => l.reason)).toContain("push to a branch that is not measured, or without commits");
  });
});

describe("pushes that are left alone", () => {
  test.each([
    ["a deleted branch", (p: Record<string, any>) => ((p.deleted = true), (p.commits = [])), "push that deletes a branch"],
    ["a tag", (p: Record<string, any>) => (p.ref = "refs/tags/v1.0"), "push of a tag"],
    ["a forced push", (p: Record<string, any>) => (p.forced = true), "forced push"],
  ])("%s", async (_name, edit, reason) => {
    await app.probot.receive(pushEvent([A], edit));
    expectIgnored(reason);
  });

  test("a forced push is recorded in the log", async () => {
    await app.probot.receive(pushEvent([A, B], (p) => (p.forced = true)));
    expect(logs).toContainEqual(expect.objectContaining({ msg: "forced push: its commits are not measured", commits: 2, branch: "master" }));
  });
});
