import nock from "nock";
import { configChanged } from "../../src/github/config-cache.js";
import { labelsWritten, noteHead } from "../../src/coordination/index.js";
import { files, mockConfig, mockFileList, mockState, type FakeFile } from "../helpers/github-fakes.js";
import { api, conversation, examplePayload, expectIgnored, logs, mockToken, sent, useTestProbot } from "../helpers/probot.js";

const OWNER = "Codertocat";
const REPO = "Hello-World";
const NUMBER = 2;
const HEAD = "ec26c3e57ca3a959ca5aad62de7213c562f8c821";
const BASE = "f95f852bd8fca8fcc58a9a2d6c842781e32a215e";
const CHECKS = `/repos/${OWNER}/${REPO}/check-runs`;
const LABELS = `/repos/${OWNER}/${REPO}/issues/${NUMBER}/labels`;

function openedEvent(edit: (payload: Record<string, any>) => void = () => {}) {
  const payload = examplePayload("pull_request", "opened");
  edit(payload);
  return { id: "delivery-1", name: "pull_request", payload } as any;
}

function mockCheckRunCreate(id = 9001) {
  api().post(CHECKS).reply(201, { id });
}

function requests(method: string, path: string) {
  return sent.filter((r) => r.method === method && r.path.split("?")[0] === path);
}
const checkRunBody = () => [...requests("POST", CHECKS), ...sent.filter((r) => r.method === "PATCH" && r.path.startsWith(CHECKS))].map((r) => r.body)[0];

const app = useTestProbot();

describe("a pull request is opened", () => {
  test("one completed check run and one size label, within six rate-limited calls", async () => {
    mockToken();
    mockConfig(OWNER, REPO, "mode: block\n");
    mockFileList(OWNER, REPO, NUMBER, [
      { filename: "app/views.py", status: "modified", additions: 30, deletions: 10, patch: "@@ -1 +1 @@\n-a\n+b" },
      { filename: "app/models.py", status: "added", additions: 12, deletions: 0, patch: "@@ -0,0 +1 @@\n+a" },
    ]);
    const graphql = mockState({ headSha: HEAD, labels: ["bug"], repositoryLabels: ["size/M"] });
    mockCheckRunCreate();
    api().post(LABELS).reply(200, []);

    await app.probot.receive(openedEvent((p) => (p.pull_request.changed_files = 2)));

    expect(conversation()).toEqual([
      `POST /app/installations/4242/access_tokens`,
      `GET /repos/${OWNER}/${REPO}/contents/.github/small-steps.yml`,
      `GET /repos/${OWNER}/${REPO}/pulls/${NUMBER}/files`,
      `POST /graphql`,
      `POST ${CHECKS}`,
      `POST ${LABELS}`,
    ]);
    const body = checkRunBody();
    expect(body).toMatchObject({
      name: "small-steps",
      head_sha: HEAD,
      external_id: "2",
      status: "completed",
      conclusion: "success",
      output: { title: "M: 52 lines in 2 files" },
    });
    expect(typeof body.completed_at).toBe("string");
    expect(body.output.summary).toContain("| Counted lines | 52 (+42 −10) |");
    expect(body.output.summary).toContain("`app/views.py` | 30 | 10 | 40 |");
    expect(body.output.summary).toContain("Policy from `Codertocat/Hello-World:.github/small-steps.yml`.");
    expect(requests("POST", LABELS)[0].body).toEqual({ labels: ["size/M"] });
    expect(graphql[0].variables).toMatchObject({ owner: OWNER, repo: REPO, number: NUMBER, head: HEAD, e0: `${BASE}:.gitattributes`, e1: `${BASE}:app/.gitattributes` });
  });

  test("a missing size label is created with its colour before it is added; labels that are not ours stay", async () => {
    mockToken();
    mockConfig(OWNER, REPO, "");
    mockFileList(OWNER, REPO, NUMBER, files(1));
    mockState({ headSha: HEAD, labels: ["size/XL", "needs-review", "sizeable"], repositoryLabels: [] });
    mockCheckRunCreate();
    api().post(`/repos/${OWNER}/${REPO}/labels`).reply(201, {});
    api().post(LABELS).reply(200, []);
    api().delete(`${LABELS}/size%2FXL`).reply(200, []);

    await app.probot.receive(openedEvent());

    expect(requests("POST", `/repos/${OWNER}/${REPO}/labels`)[0].body).toEqual({ name: "size/XS", color: "3cbf00", description: "small-steps: a XS pull request" });
    expect(requests("POST", LABELS)[0].body).toEqual({ labels: ["size/XS"] });
    expect(conversation().filter((c) => c.startsWith("DELETE"))).toEqual([`DELETE ${LABELS}/size/XL`]);
  });

  test("a second delivery with an existing run that shows something else updates that run and writes no label", async () => {
    mockToken();
    mockConfig(OWNER, REPO, "");
    mockFileList(OWNER, REPO, NUMBER, files(3));
    mockState({ headSha: HEAD, labels: ["size/XS"], repositoryLabels: ["size/XS"], checkRunId: 555 });
    api().patch(`${CHECKS}/555`).reply(200, { id: 555 });

    await app.probot.receive(openedEvent());

    expect(requests("POST", CHECKS)).toHaveLength(0);
    const update = requests("PATCH", `${CHECKS}/555`)[0].body;
    expect(update).toMatchObject({ conclusion: "success", status: "completed", output: { title: "XS: 3 lines in 3 files" } });
    expect(update.head_sha).toBeUndefined();
    expect(conversation().filter((c) => c.includes("/labels"))).toEqual([]);
  });

  test("a redelivery whose result is already shown writes nothing at all", async () => {
    mockToken();
    mockConfig(OWNER, REPO, "");
    mockFileList(OWNER, REPO, NUMBER, files(3));
    mockState({ headSha: HEAD, labels: ["size/XS"], repositoryLabels: ["size/XS"] });
    mockCheckRunCreate(556);
    await app.probot.receive(openedEvent());
    const first = checkRunBody();

    sent.length = 0;
    nock.cleanAll();
    mockConfig(OWNER, REPO, "");
    mockFileList(OWNER, REPO, NUMBER, files(3));
    mockState({
      headSha: HEAD,
      labels: ["size/XS"],
      checkRunId: 556,
      checkRun: { status: "COMPLETED", conclusion: first.conclusion.toUpperCase(), title: first.output.title, summary: first.output.summary, text: first.output.text },
    });
    // The same event under a new delivery id (a reopen, another instance's event): measured, and nothing written.
    await app.probot.receive({ ...openedEvent(), id: "another-delivery" } as never);
    expect(sent.filter((r) => r.method !== "GET" && r.path !== "/graphql")).toEqual([]);
    expect(sent.some((r) => r.path === "/graphql")).toBe(true);
  });

  test("a newer head's delivery has arrived: this head's check run is written, its labels are left to the newer one", async () => {
    mockToken();
    mockConfig(OWNER, REPO, "");
    mockFileList(OWNER, REPO, NUMBER, files(3));
    mockState({ headSha: HEAD, labels: [], repositoryLabels: [] });
    mockCheckRunCreate(557);
    await noteHead(`${OWNER}/${REPO}#${NUMBER}`, "f".repeat(40), "2999-01-01T00:00:00Z");
    await app.probot.receive(openedEvent());
    expect(sent.some((r) => r.method === "POST" && r.path.endsWith("/check-runs"))).toBe(true);
    expect(sent.filter((r) => r.path.includes("/labels"))).toEqual([]);
    expect(logs.some((l) => l.msg === "labels left to the newer head's delivery")).toBe(true);
  });

  test("labels written by another delivery after this one's state query are read again before they are changed", async () => {
    mockToken();
    mockConfig(OWNER, REPO, "");
    mockFileList(OWNER, REPO, NUMBER, files(3));
    // The state query says no label; meanwhile another instance wrote size/XS (and GitHub now lists it).
    mockState({ headSha: HEAD, labels: [], repositoryLabels: ["size/XS"], onRead: () => void labelsWritten(`${OWNER}/${REPO}#${NUMBER}`) });
    mockCheckRunCreate(558);
    api().get(`/repos/${OWNER}/${REPO}/issues/${NUMBER}/labels`).query(true).reply(200, [{ name: "size/XS" }]);
    await app.probot.receive(openedEvent());
    // Read again, it already carries the label: nothing is written.
    expect(sent.filter((r) => r.path.includes("/labels")).map((r) => r.method)).toEqual(["GET"]);
  });

  test("a redelivery (GitHub's, with the same delivery id) of a handled delivery sends nothing at all", async () => {
    mockToken();
    mockConfig(OWNER, REPO, "");
    mockFileList(OWNER, REPO, NUMBER, files(3));
    mockState({ headSha: HEAD, labels: ["size/XS"], repositoryLabels: ["size/XS"] });
    mockCheckRunCreate(556);
    await app.probot.receive(openedEvent());
    expect(sent.some((r) => r.method === "POST" && r.path.endsWith("/check-runs"))).toBe(true);
    sent.length = 0;
    await app.probot.receive(openedEvent());
    expect(sent).toEqual([]);
    expect(logs.some((l) => l.reason === "delivery already handled (by this or another instance)")).toBe(true);
  });

  test("the policy is read once: a later event reads nothing; after a push changes it, If-None-Match, and GitHub's 304 costs nothing", async () => {
    mockToken();
    mockConfig(OWNER, REPO, "limit: M\n", { etag: '"abc"' });
    mockFileList(OWNER, REPO, NUMBER, files(1));
    mockState({ headSha: HEAD, labels: ["size/XS"], checkRunId: 1 });
    api().patch(`${CHECKS}/1`).times(3).reply(200, { id: 1 });
    await app.probot.receive(openedEvent());

    sent.length = 0;
    mockFileList(OWNER, REPO, NUMBER, files(1));
    mockState({ headSha: HEAD, labels: ["size/XS"], checkRunId: 1 });
    await app.probot.receive({ ...openedEvent(), id: "delivery-2" });
    expect(sent.filter((r) => r.path.includes("/contents/"))).toEqual([]);

    await configChanged(OWNER); // what a push touching .github/*.yml on the default branch does
    let conditional: string | undefined;
    api()
      .get(`/repos/${OWNER}/${REPO}/contents/.github%2Fsmall-steps.yml`)
      .reply(function () {
        conditional = this.req.headers["if-none-match"] as string;
        return [304, ""];
      });
    mockFileList(OWNER, REPO, NUMBER, files(1));
    mockState({ headSha: HEAD, labels: ["size/XS"], checkRunId: 1 });
    await app.probot.receive({ ...openedEvent(), id: "delivery-3" });
    expect(conditional).toBe('"abc"');
    // The cached config still applies: M is the limit, shown in the summary.
    expect(requests("PATCH", `${CHECKS}/1`).at(-1)!.body.output.summary).toContain("Limit: M");
  });
});

describe("gathering the file list", () => {
  const noLabels = "labels:\n  enabled: false\n";
  // One line in each file: the number of files decides the class (30 files and more are L, 100 and more XL).
  test.each([
    [99, [1], "L: 99 lines in 99 files (the number of files decides)"],
    [100, [1], "XL: 100 lines in 100 files (the number of files decides) — over the L limit"],
    [101, [1, 2], "XL: 101 lines in 101 files (the number of files decides) — over the L limit"],
  ])("%i files are read in pages %j", async (count, pages, title) => {
    mockToken();
    mockConfig(OWNER, REPO, noLabels);
    const asked = mockFileList(OWNER, REPO, NUMBER, files(count));
    mockState({ headSha: HEAD });
    mockCheckRunCreate();
    await app.probot.receive(openedEvent((p) => (p.pull_request.changed_files = count)));
    expect(asked.pages).toEqual(pages);
    expect(checkRunBody().output.title).toBe(title);
    expect(conversation().some((c) => c.includes("/labels"))).toBe(false);
  });

  test("more than 3,000 files: the check says how much it saw and never calls it small", async () => {
    mockToken();
    mockConfig(OWNER, REPO, "");
    const asked = mockFileList(OWNER, REPO, NUMBER, files(3000, () => ({ additions: 0, deletions: 0, status: "renamed", patch: undefined })));
    mockState({ headSha: HEAD, labels: ["size/XS"] });
    mockCheckRunCreate();
    await app.probot.receive(openedEvent((p) => (p.pull_request.changed_files = 3500)));
    expect(asked.pages).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    const body = checkRunBody();
    expect(body.output.title).toBe("XS: at least 0 lines in 3,000 of 3,500 files");
    expect(body.conclusion).toBe("neutral");
    expect(body.output.summary).toContain("GitHub listed 3,000 of the 3,500 changed files");
  });

  test("a page that fails after the first keeps what was read and says so", async () => {
    mockToken();
    mockConfig(OWNER, REPO, "");
    mockFileList(OWNER, REPO, NUMBER, files(250, () => ({ additions: 3 })), { failPage: 2 });
    mockState({ headSha: HEAD, labels: ["size/XL"] });
    mockCheckRunCreate();
    await app.probot.receive(openedEvent((p) => (p.pull_request.changed_files = 250)));
    const body = checkRunBody();
    expect(body.output.title).toBe("XL: at least 300 lines in 100 of 250 files (the number of files decides) — over the L limit");
    expect(body.output.summary).toContain("Listing page 2 of the pull request's files failed (HTTP 502, request id `ABCD:1234`)");
  });

  test("an API error on the file list still gives a check run naming the status and request id", async () => {
    mockToken();
    mockConfig(OWNER, REPO, "");
    mockFileList(OWNER, REPO, NUMBER, [], { failPage: 1, status: 500 });
    api().get(`/repos/${OWNER}/${REPO}/commits/${HEAD}/check-runs`).query(true).reply(200, { total_count: 0, check_runs: [] });
    mockCheckRunCreate();
    await expect(app.probot.receive(openedEvent())).rejects.toThrow();
    const body = checkRunBody();
    expect(body).toMatchObject({ conclusion: "failure", status: "completed", output: { title: "Could not measure this pull request" } });
    expect(body.output.summary).toContain("Listing the pull request's files failed (HTTP 500, request id `ABCD:1234`)");
    expect(requests("GET", `/repos/${OWNER}/${REPO}/commits/${HEAD}/check-runs`)[0].path).toContain("check_name=small-steps");
  });
});

describe("what counts", () => {
  test("large generated (nested .gitattributes) and lock files leave the label to the remaining lines", async () => {
    mockToken();
    mockConfig(OWNER, REPO, "");
    const changed: FakeFile[] = [
      { filename: "package-lock.json", additions: 4000, deletions: 900 },
      { filename: "api/gen/service_pb2.py", additions: 2500, deletions: 0 },
      { filename: "api/gen/keep_me.py", additions: 20, deletions: 0 },
      { filename: "docs/build/index.html", additions: 800, deletions: 0 },
      { filename: "app/views.py", additions: 8, deletions: 2 },
      { filename: "img/logo.png", status: "added", additions: 0, deletions: 0 },
      { filename: "app/new_name.py", previous_filename: "app/old_name.py", status: "renamed", additions: 0, deletions: 0 },
    ].map((f) => ({ status: "modified", patch: f.additions ? "@@ -1 +1 @@\n+x" : undefined, ...f }));
    mockFileList(OWNER, REPO, NUMBER, changed);
    mockState({
      headSha: HEAD,
      labels: ["size/XS"],
      repositoryLabels: ["size/M"],
      gitattributes: {
        ".gitattributes": "docs/build/** linguist-generated\n",
        "api/.gitattributes": "gen/** linguist-generated=true\n",
        "api/gen/.gitattributes": "keep_me.py -linguist-generated\n",
      },
    });
    mockCheckRunCreate();
    api().delete(`${LABELS}/size%2FXS`).reply(200, []);
    api().post(LABELS).reply(200, []);
    await app.probot.receive(openedEvent((p) => (p.pull_request.changed_files = changed.length)));
    const body = checkRunBody();
    expect(body.output.title).toBe("M: 30 lines in 4 files");
    expect(body.output.summary).toContain("`api/gen/service_pb2.py` | generated (.gitattributes) | api/.gitattributes:1 `gen/** linguist-generated`");
    expect(body.output.summary).toContain("`package-lock.json` | lock file");
    expect(body.output.summary).toContain("#### Binary files (counted as files, 0 lines)\n`img/logo.png`");
    expect(body.output.summary).toContain("#### Renamed without changes (0 lines)\n`app/new_name.py`");
    expect(requests("POST", LABELS)[0].body).toEqual({ labels: ["size/M"] });
  });

  test("generated files as GitHub sees them: by path, by marker in an added file, by marker on line 1 of a modified one, in the same calls", async () => {
    mockToken();
    mockConfig(OWNER, REPO, "");
    const added = (filename: string, additions: number, first: string): FakeFile => ({ filename, status: "added", additions, deletions: 0, patch: `@@ -0,0 +1,${additions} @@\n+${first}\n+x` });
    const changed: FakeFile[] = [
      added("api/service_pb2.py", 900, "# no marker needed: the name says protoc"),
      added("api/service_pb2_grpc.py", 300, "import grpc"),
      added("web/Query.js", 400, "/** @generated SignedSource<<f00>> */"),
      added("app/Form1.Designer.cs", 250, "namespace App {"),
      added("ios/Pods/Alamofire/Source/AF.swift", 2000, "import Foundation"),
      added(".yarn/releases/yarn-4.1.0.cjs", 5000, "#!/usr/bin/env node"),
      { filename: "gen/ent/client.go", status: "modified", additions: 700, deletions: 50, patch: "@@ -120,3 +120,4 @@\n a\n+b\n c\n d" },
      { filename: "app/generated.py", status: "modified", additions: 6, deletions: 1, patch: "@@ -40,2 +40,7 @@\n a\n+b" },
      { filename: "app/views.py", status: "modified", additions: 3, deletions: 1, patch: "@@ -1 +1,3 @@\n-a\n+b" },
    ];
    mockFileList(OWNER, REPO, NUMBER, changed);
    const graphql = mockState({
      headSha: HEAD,
      repositoryLabels: ["size/S"],
      head: { "gen/ent/client.go": "// Code generated by ent, DO NOT EDIT.\n\npackage ent\n", "app/generated.py": "def generated(x):\n    return x\n" },
    });
    mockCheckRunCreate();
    api().post(LABELS).reply(200, []);
    await app.probot.receive(openedEvent((p) => (p.pull_request.changed_files = changed.length)));
    expect(conversation()).toEqual([
      `POST /app/installations/4242/access_tokens`,
      `GET /repos/${OWNER}/${REPO}/contents/.github/small-steps.yml`,
      `GET /repos/${OWNER}/${REPO}/pulls/${NUMBER}/files`,
      `POST /graphql`,
      `POST ${CHECKS}`,
      `POST ${LABELS}`,
    ]);
    // Heads: the modified files whose hunks start further down (for markers), then every modified Python file
    // (judged with the whole file); bases: the Python files with removed lines. Added files' patches are whole.
    const blobs = Object.entries(graphql[0].variables).filter(([name]) => /^[hb]e\d+$/.test(name));
    expect(blobs).toEqual([
      ["he0", `${HEAD}:gen/ent/client.go`],
      ["he1", `${HEAD}:app/generated.py`],
      ["he2", `${HEAD}:app/views.py`],
      ["be0", `${BASE}:app/views.py`],
      ["be1", `${BASE}:app/generated.py`],
    ]);
    const body = checkRunBody();
    expect(body.output.title).toBe("S: 11 lines in 2 files");
    const summary: string = body.output.summary;
    expect(summary).toContain("`api/service_pb2.py` | generated file | `_pb2.py` (protoc for Python (and its gRPC plugin))");
    expect(summary).toContain("`api/service_pb2_grpc.py` | generated file");
    expect(summary).toContain("`web/Query.js` | generated (marker in the file) | `@generated` in its first lines (generator markers)");
    expect(summary).toContain("`app/Form1.Designer.cs` | generated file");
    expect(summary).toContain("`ios/Pods/Alamofire/Source/AF.swift` | vendored folder | `Pods/` (CocoaPods)");
    expect(summary).toContain("`.yarn/releases/yarn-4.1.0.cjs` | vendored folder");
    expect(summary).toContain("`gen/ent/client.go` | generated (marker in the file) | `Code generated … DO NOT EDIT.` in its first lines (Go Code generated)");
    expect(requests("POST", LABELS)[0].body).toEqual({ labels: ["size/S"] });
  });

  test("the user's globs exclude and re-include", async () => {
    mockToken();
    mockConfig(OWNER, REPO, "exclude:\n  - 'fixtures/**'\n  - '!fixtures/golden/**'\n");
    mockFileList(OWNER, REPO, NUMBER, [
      { filename: "fixtures/big.json", status: "added", additions: 5000, deletions: 0 },
      { filename: "fixtures/golden/one.json", status: "added", additions: 40, deletions: 0 },
    ]);
    mockState({ headSha: HEAD, labels: ["size/M"] });
    mockCheckRunCreate();
    await app.probot.receive(openedEvent());
    const body = checkRunBody();
    expect(body.output.title).toBe("M: 40 lines in 1 file");
    expect(body.output.summary).toContain("`fixtures/big.json` | excluded by config | `fixtures/**`");
  });
});

describe("configuration", () => {
  test("an invalid file gives an action_required check listing every problem, and no label", async () => {
    mockToken();
    mockConfig(OWNER, REPO, "mode: strict\nthresholds:\n  M: lots\nlabels:\n  enabled: yes please\n");
    api().get(`/repos/${OWNER}/${REPO}/commits/${HEAD}/check-runs`).query(true).reply(200, { total_count: 0, check_runs: [] });
    mockCheckRunCreate();
    await app.probot.receive(openedEvent());
    const body = checkRunBody();
    expect(body).toMatchObject({
      conclusion: "action_required",
      details_url: "https://github.com/Codertocat/Hello-World/blob/HEAD/.github/small-steps.yml",
      output: { title: "Invalid configuration: 3 problems" },
    });
    expect(body.output.summary).toContain("| `mode` | expected one of \"warn\", \"block\" |");
    expect(body.output.summary).toContain("| `thresholds.M` | expected integer |");
    expect(body.output.summary).toContain("| `labels.enabled` | expected boolean |");
    expect(conversation().some((c) => c.includes("/labels"))).toBe(false);
  });

  test("a file that is not YAML is a config error on the check run", async () => {
    mockToken();
    mockConfig(OWNER, REPO, "mode: [warn\n");
    api().get(`/repos/${OWNER}/${REPO}/commits/${HEAD}/check-runs`).query(true).reply(200, { total_count: 1, check_runs: [{ id: 77, status: "completed", conclusion: "success", output: { title: "XS: 1 line in 1 file", summary: "old" } }] });
    api().patch(`${CHECKS}/77`).reply(200, { id: 77 });
    await app.probot.receive(openedEvent());
    const body = checkRunBody();
    expect(body.conclusion).toBe("action_required");
    expect(body.output.summary).toMatch(/invalid YAML/);
  });

  test("a policy file over 64 KB is a config error, not parsed", async () => {
    mockToken();
    mockConfig(OWNER, REPO, `limit: M\n${"# padding\n".repeat(7000)}`);
    api().get(`/repos/${OWNER}/${REPO}/commits/${HEAD}/check-runs`).query(true).reply(200, { total_count: 0, check_runs: [] });
    api().post(CHECKS).reply(201, { id: 78 });
    await app.probot.receive(openedEvent());
    const body = checkRunBody();
    expect(body.conclusion).toBe("action_required");
    expect(body.output.summary).toContain("over the 64 KB a policy may be");
  });

  test("_extends naming a file that does not exist is a config error, not the defaults", async () => {
    mockToken();
    mockConfig(OWNER, REPO, "_extends: shared-policy\nlimit: M\n");
    api().get(`/repos/${OWNER}/shared-policy/contents/.github%2Fsmall-steps.yml`).reply(404, { message: "Not Found" });
    api().get(`/repos/${OWNER}/${REPO}/commits/${HEAD}/check-runs`).query(true).reply(200, { total_count: 0, check_runs: [] });
    mockCheckRunCreate();
    await app.probot.receive(openedEvent());
    const body = checkRunBody();
    expect(body.conclusion).toBe("action_required");
    expect(body.output.summary).toContain("| `_extends` | names Codertocat/shared-policy:.github/small-steps.yml, which does not exist or which the app cannot read |");
  });

  test("_extends may only name the same owner's repositories; another file's keys are never shown", async () => {
    mockToken();
    mockConfig(OWNER, REPO, "_extends: other-org/secrets:deploy/keys.yml\n");
    api().get("/repos/other-org/secrets/contents/deploy%2Fkeys.yml").reply(200, "aws_secret_key: x\nprod_password: y\n", { "content-type": "text/plain; charset=utf-8" });
    api().get(`/repos/${OWNER}/${REPO}/commits/${HEAD}/check-runs`).query(true).reply(200, { total_count: 0, check_runs: [] });
    mockCheckRunCreate();
    await app.probot.receive(openedEvent());
    const body = checkRunBody();
    expect(body.conclusion).toBe("action_required");
    expect(body.output.summary).toContain("may only name repositories of Codertocat; other-org/secrets:deploy/keys.yml is not one");
    expect(body.output.summary).not.toMatch(/aws_secret_key|prod_password/);
  });

  test("an extended file of the same owner that does not validate is named, not quoted", async () => {
    mockToken();
    mockConfig(OWNER, REPO, "_extends: .github:private/anything.yml\nlimit: M\n");
    api().get(`/repos/${OWNER}/.github/contents/private%2Fanything.yml`).reply(200, "database_url: postgres://x\n", { "content-type": "text/plain; charset=utf-8" });
    api().get(`/repos/${OWNER}/${REPO}/commits/${HEAD}/check-runs`).query(true).reply(200, { total_count: 0, check_runs: [] });
    mockCheckRunCreate();
    await app.probot.receive(openedEvent());
    const body = checkRunBody();
    expect(body.conclusion).toBe("action_required");
    expect(body.output.summary).toContain("Codertocat/.github:private/anything.yml is not a valid small-steps config (1 problem): fix it there");
    expect(body.output.summary).not.toContain("database_url");
  });

  test("without a file in the repository, the organisation's .github repository applies", async () => {
    mockToken();
    mockConfig(OWNER, REPO, null, { org: "limit: XS\nmode: block\ncomments:\n  sticky: off\n" });
    mockFileList(OWNER, REPO, NUMBER, files(3, () => ({ additions: 4 })));
    mockState({ headSha: HEAD, labels: ["size/S"] });
    mockCheckRunCreate();
    await app.probot.receive(openedEvent());
    const body = checkRunBody();
    expect(body).toMatchObject({ conclusion: "failure", output: { title: "S: 12 lines in 3 files — over the XS limit" } });
    expect(body.output.summary).toContain("Policy from `Codertocat/.github:.github/small-steps.yml`.");
  });
});

describe("a file GitHub shows no patch for", () => {
  test("a 13.7 MB one-line Python file added: its size at the head is asked for in the state query, and it is not XS", async () => {
    mockToken();
    mockConfig(OWNER, REPO, "labels:\n  enabled: false\n");
    mockFileList(OWNER, REPO, NUMBER, [{ filename: "pkg/blob.py", status: "added", additions: 1, deletions: 0 }]);
    const captured = mockState({ headSha: HEAD, sizes: { "pkg/blob.py": 13_700_000 } });
    mockCheckRunCreate();
    await app.probot.receive(openedEvent((p) => (p.pull_request.changed_files = 1)));
    expect(captured[0]!.query).toContain("... on Blob { byteSize }");
    const body = checkRunBody();
    expect(body.output.title).toBe("XXL: 68,500 lines in 1 file — over the L limit");
    expect(body.output.summary).toContain("`pkg/blob.py` (+68,499)");
  });
});

describe("who and where", () => {
  const blockOverXS = "limit: XS\nmode: block\n";
  test.each([
    ["a draft", (p: any) => (p.pull_request.draft = true), "Draft pull request: reported, not failed."],
    ["a bot's", (p: any) => (p.pull_request.user.type = "Bot"), "Opened by a bot: reported, not failed."],
    ["a non-target base branch's", (p: any) => (p.pull_request.base.ref = "release-1.x"), "No verdict: the base branch `release-1.x` is not one of the target branches."],
  ])("%s pull request over the limit is reported, never failed", async (_name, edit, note) => {
    mockToken();
    mockConfig(OWNER, REPO, blockOverXS);
    mockFileList(OWNER, REPO, NUMBER, files(4, () => ({ additions: 10 })));
    mockState({ headSha: HEAD, labels: ["size/M"] });
    mockCheckRunCreate();
    await app.probot.receive(openedEvent(edit));
    const body = checkRunBody();
    expect(body.conclusion).toBe("neutral");
    expect(body.output.summary).toContain(note);
  });

  test("a pull request from a fork gets its check run on the fork's head commit", async () => {
    mockToken();
    mockConfig(OWNER, REPO, "");
    mockFileList(OWNER, REPO, NUMBER, files(2));
    mockState({ headSha: HEAD, labels: ["size/XS"] });
    mockCheckRunCreate();
    await app.probot.receive(
      openedEvent((p) => {
        p.pull_request.head.repo = { ...p.pull_request.head.repo, full_name: "someone/Hello-World", owner: { login: "someone" }, fork: true };
        p.pull_request.head.label = "someone:feature";
      }),
    );
    expect(checkRunBody()).toMatchObject({ head_sha: HEAD, external_id: "2", conclusion: "success" });
  });

  test("edited without a base change does nothing; a closed pull request does nothing", async () => {
    await app.probot.receive({ id: "e1", name: "pull_request", payload: { ...examplePayload("pull_request", "opened"), action: "edited", changes: { title: { from: "x" } } } } as any);
    expectIgnored("edited without a change of base branch");
    await app.probot.receive(openedEvent((p) => (p.pull_request.state = "closed")));
    expectIgnored("pull request is closed");
  });
});

describe("re-runs", () => {
  function rerequested(sha: string, externalId: string) {
    const payload = examplePayload("check_run", "rerequested");
    payload.repository = examplePayload("pull_request", "opened").repository;
    payload.check_run.head_sha = sha;
    payload.check_run.external_id = externalId;
    payload.check_run.app.id = 123;
    return { id: "rr", name: "check_run", payload } as any;
  }
  function mockPull(changedFiles = 1) {
    const pr = { ...examplePayload("pull_request", "opened").pull_request, changed_files: changedFiles };
    api().get(`/repos/${OWNER}/${REPO}/pulls/${NUMBER}`).reply(200, pr);
  }

  test("check_run.rerequested finds the pull request from the external id (forks have no pull_requests)", async () => {
    mockToken();
    mockPull();
    mockConfig(OWNER, REPO, "");
    mockFileList(OWNER, REPO, NUMBER, files(1));
    mockState({ headSha: HEAD, labels: ["size/XS"], checkRunId: 31 });
    api().patch(`${CHECKS}/31`).reply(200, { id: 31 });
    await app.probot.receive(rerequested(HEAD, "2"));
    expect(checkRunBody()).toMatchObject({ conclusion: "success", output: { title: "XS: 1 line in 1 file" } });
  });

  test("a superseded head commit is marked neutral and its result does not touch the labels", async () => {
    const OLD = "0000000000000000000000000000000000000001";
    mockToken();
    mockPull(200);
    mockConfig(OWNER, REPO, "");
    mockFileList(OWNER, REPO, NUMBER, files(200));
    const graphql = mockState({ headSha: HEAD, labels: ["size/XS"], checkRunId: 32 });
    api().patch(`${CHECKS}/32`).reply(200, { id: 32 });
    await app.probot.receive(rerequested(OLD, "2"));
    expect(graphql[0].variables.head).toBe(OLD);
    const body = checkRunBody();
    expect(body.conclusion).toBe("neutral");
    expect(body.output.title).toBe("Superseded: not measured");
    expect(conversation().some((c) => c.includes("/labels"))).toBe(false);
  });

  test("check_suite.rerequested without pull requests looks them up by commit", async () => {
    const payload = examplePayload("check_suite", "rerequested");
    payload.repository = examplePayload("pull_request", "opened").repository;
    payload.check_suite.head_sha = HEAD;
    payload.check_suite.pull_requests = [];
    mockToken();
    api().get(`/repos/${OWNER}/${REPO}/commits/${HEAD}/pulls`).query(true).reply(200, [{ number: NUMBER, state: "open", head: { sha: HEAD } }, { number: 1, state: "closed", head: { sha: HEAD } }]);
    mockPull();
    mockConfig(OWNER, REPO, "");
    mockFileList(OWNER, REPO, NUMBER, files(1));
    mockState({ headSha: HEAD, labels: ["size/XS"] });
    mockCheckRunCreate();
    await app.probot.receive({ id: "cs", name: "check_suite", payload } as any);
    expect(checkRunBody()).toMatchObject({ head_sha: HEAD, conclusion: "success" });
  });
});
