import { createHmac, generateKeyPairSync } from "node:crypto";
import { createRequire } from "node:module";
import type { ChildProcess } from "node:child_process";
import { startFakeGitHub, type FakeGitHubState } from "./fake-github.js";
import { freePort, listening, startApp, waitFor } from "./process.js";
import { execFileSync } from "node:child_process";
import { mkdtempSync, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { tarball } from "../helpers/tarball.js";

/** `npm start` receives a signed push of two commits to the default branch and checks each one. */
const SECRET = "e2e-push-secret";
const require = createRequire(import.meta.url);
const examples = require("@octokit/webhooks-examples/api.github.com/index.json") as any[];
const repository = { ...examples.find((e) => e.name === "pull_request").examples.find((x: any) => x.action === "opened").repository, default_branch: "main" };
const sign = (body: string) => `sha256=${createHmac("sha256", SECRET).update(body).digest("hex")}`;

const A = "1".repeat(40);
const B = "2".repeat(40);
const PARENT = "9".repeat(40);

let app: ChildProcess | undefined;
let github: Awaited<ReturnType<typeof startFakeGitHub>> | undefined;
afterAll(async () => {
  app?.kill("SIGKILL");
  await new Promise((resolve) => (github?.server.listening ? github.server.close(resolve) : resolve(undefined)));
});

test("a signed push of two commits gives one completed check run on each, the regression annotated, no labels; again, nothing changes", async () => {
  const state: FakeGitHubState = {
    files: [],
    headSha: B,
    checkRuns: [],
    repositoryLabels: [],
    issueLabels: [],
    requests: [],
    commits: {
      [A]: {
        parents: [PARENT],
        files: [{ filename: "app/report.py", status: "modified", additions: 1, deletions: 1, patch: '@@ -1,2 +1,2 @@\n def report(n):\n-    print "total", n\n+    print("total", n)' }],
        head: { "app/report.py": 'def report(n):\n    print("total", n)\n' },
        base: { "app/report.py": 'def report(n):\n    print "total", n\n' },
      },
      [B]: {
        parents: [A],
        files: [{ filename: "app/cli.py", status: "modified", additions: 1, deletions: 0, patch: '@@ -1,2 +1,3 @@\n def main():\n     run()\n+    print "done"' }],
        head: { "app/cli.py": 'def main():\n    run()\n    print "done"\n' },
        base: { "app/cli.py": "def main():\n    run()\n" },
      },
    },
  };
  github = await startFakeGitHub(state);
  const port = await freePort();
  const privateKey = generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({ type: "pkcs1", format: "pem" }).toString();
  const started = startApp({ APP_ID: "1", PRIVATE_KEY: privateKey, WEBHOOK_SECRET: SECRET, PORT: String(port), HOST: "127.0.0.1", GHE_HOST: github.host, GHE_PROTOCOL: "http", LOG_LEVEL: "info", LOG_FORMAT: "json", NODE_ENV: "production" });
  app = started.child;
  await listening(port);

  const commit = (id: string) => ({ id, distinct: true, message: "a step", added: [], modified: ["app/x.py"], removed: [] });
  const payload = JSON.stringify({ ref: "refs/heads/main", before: PARENT, after: B, created: false, deleted: false, forced: false, commits: [commit(A), commit(B)], head_commit: commit(B), repository, pusher: { name: "octocat" }, sender: repository.owner, installation: { id: 99 } });
  const deliver = () =>
    fetch(`http://127.0.0.1:${port}/api/github/webhooks`, { method: "POST", body: payload, headers: { "content-type": "application/json", "x-github-event": "push", "x-github-delivery": "push-1", "x-hub-signature-256": sign(payload) } });

  expect((await deliver()).status).toBe(202);
  await waitFor("two check runs", () => (started.output().split("push check published").length === 3 ? true : undefined));
  const bySha = Object.fromEntries(state.checkRuns.map((r) => [r.body.head_sha, r.body]));
  expect(state.checkRuns).toHaveLength(2);
  expect(bySha[A]).toMatchObject({ name: "small-steps", status: "completed", conclusion: "success", external_id: "push" });
  expect(bySha[B]).toMatchObject({ status: "completed", conclusion: "neutral", output: { title: "XS: 1 line in 1 file; 1 regression" } });
  expect(bySha[B].output.annotations).toEqual([expect.objectContaining({ path: "app/cli.py", start_line: 3, title: "python3: print-statement" })]);
  expect(state.requests.some((r) => r.path.includes("/labels"))).toBe(false);

  // A redelivery (the same id) was handled already: nothing is read or written again.
  const before = state.requests.length;
  expect((await deliver()).status).toBe(202);
  await waitFor("the redelivery to be left", () => (started.output().includes('"reason":"delivery already handled (by this or another instance)"') ? true : undefined));
  expect(state.requests.slice(before).filter((r) => !r.path.endsWith("/access_tokens"))).toEqual([]);
  expect(state.checkRuns).toHaveLength(2);
}, 60000);

/** The tree at a commit, as files in a folder (for `small-steps scan`) and as GitHub's tarball (for the dashboard). */
async function treeAt(files: Record<string, string>): Promise<{ dir: string; archive: Buffer }> {
  const dir = mkdtempSync(join(tmpdir(), "small-steps-e2e-tree-"));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return { dir, archive: await tarball(files) };
}

test("with dashboard.enabled a push creates one dashboard issue whose total is scan --json's; the next push edits it", async () => {
  const C = "3".repeat(40);
  const D = "4".repeat(40);
  const files = {
    "app/views.py": 'def show(d):\n    print "hi"\n    if d.has_key("a"):\n        return unicode(d)\n',
    "app/util.py": 'def f():\n    print "x"\n',
    "lib/clean.py": "def g():\n    return 1\n",
    "third_party/six.py": 'print "vendored"\n',
    "requirements.txt": "requests\n",
  };
  const first = await treeAt(files);
  const second = await treeAt({ ...files, "app/util.py": 'def f():\n    print("x")\n' });
  const state: FakeGitHubState = {
    files: [],
    headSha: C,
    checkRuns: [],
    repositoryLabels: [],
    issueLabels: [],
    requests: [],
    contents: { ".github/small-steps.yml": "dashboard:\n  enabled: true\n  minIntervalMinutes: 0\ndependencies:\n  enabled: false\n" },
    commits: {
      [C]: { parents: [B], files: [{ filename: "lib/clean.py", status: "added", additions: 2, deletions: 0, patch: "@@ -0,0 +1,2 @@\n+def g():\n+    return 1" }] },
      [D]: { parents: [C], files: [{ filename: "app/util.py", status: "modified", additions: 1, deletions: 1, patch: '@@ -1,2 +1,2 @@\n def f():\n-    print "x"\n+    print("x")' }], head: { "app/util.py": 'def f():\n    print("x")\n' }, base: { "app/util.py": 'def f():\n    print "x"\n' } },
    },
    tarballs: { [C]: first.archive, [D]: second.archive },
    issues: [{ number: 7, state: "open", title: "A person's issue", body: "<!-- small-steps:dashboard {} --> pasted by hand", user: { login: "octocat" } }],
  };
  const fake = await startFakeGitHub(state);
  const port = await freePort();
  const privateKey = generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({ type: "pkcs1", format: "pem" }).toString();
  const started = startApp({ APP_ID: "1", PRIVATE_KEY: privateKey, WEBHOOK_SECRET: SECRET, PORT: String(port), HOST: "127.0.0.1", GHE_HOST: fake.host, GHE_PROTOCOL: "http", LOG_LEVEL: "info", LOG_FORMAT: "json", NODE_ENV: "production" });
  try {
    await listening(port);
    const push = async (before: string, after: string) => {
      const commit = { id: after, distinct: true, message: "a step", added: [], modified: ["x.py"], removed: [] };
      const payload = JSON.stringify({ ref: "refs/heads/main", before, after, created: false, deleted: false, forced: false, commits: [commit], head_commit: commit, repository, pusher: { name: "octocat" }, sender: repository.owner, installation: { id: 99 } });
      const response = await fetch(`http://127.0.0.1:${port}/api/github/webhooks`, { method: "POST", body: payload, headers: { "content-type": "application/json", "x-github-event": "push", "x-github-delivery": `push-${after}`, "x-hub-signature-256": sign(payload) } });
      expect(response.status).toBe(202);
    };
    await push(B, C);
    await waitFor("the dashboard", () => (started.output().includes('"msg":"dashboard updated"') ? true : undefined));
    const ours = () => state.issues!.filter((i) => i.user.login === "small-steps[bot]");
    expect(ours()).toHaveLength(1);
    const scanned = JSON.parse(execFileSync(process.execPath, ["lib/cli/main.js", "scan", "--json", "-C", first.dir], { encoding: "utf8" }));
    expect(scanned.remaining.total).toBe(4);
    expect(ours()[0].body).toContain(`**${scanned.remaining.total} old constructs remaining**`);
    expect(ours()[0].body).toContain("```mermaid\nxychart-beta");
    expect(state.issues![0].body).toBe("<!-- small-steps:dashboard {} --> pasted by hand"); // a person's issue is never taken for ours

    await push(C, D);
    await waitFor("the second update", () => (started.output().split('"msg":"dashboard updated"').length === 3 ? true : undefined));
    expect(ours()).toHaveLength(1);
    const rescanned = JSON.parse(execFileSync(process.execPath, ["lib/cli/main.js", "scan", "--json", "-C", second.dir], { encoding: "utf8" }));
    expect(ours()[0].body).toContain(`**${rescanned.remaining.total} old constructs remaining**`);
    expect(ours()[0].body).toContain("  line [4, 3]");
    expect(state.requests.filter((r) => r.method === "PATCH" && r.path.includes("/issues/"))).toHaveLength(1);
  } finally {
    started.child.kill("SIGKILL");
    await new Promise((resolve) => fake.server.close(resolve));
  }
}, 60000);
