import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { startFakeGitHub, type FakeGitHubState } from "./fake-github.js";
import { newGit, treeAt } from "./fake-git.js";

/**
 * The committed bundle (dist/index.mjs, what action.yml runs) as a runner runs it: a process with the runner's
 * variables, GITHUB_API_URL pointing at a local fake GitHub Enterprise Server. It writes the check run and the label,
 * sets its outputs and writes the job summary.
 */
const require = createRequire(import.meta.url);
const example = (require("@octokit/webhooks-examples/api.github.com/index.json") as any[]).find((e) => e.name === "pull_request").examples.find((x: any) => x.action === "opened");
let github: Awaited<ReturnType<typeof startFakeGitHub>> | undefined;
afterAll(async () => new Promise((resolve) => (github?.server.listening ? github.server.close(resolve) : resolve(undefined))));

async function runAction(state: FakeGitHubState, event: object, eventName = "pull_request", config = ".github/small-steps.yml", extraEnv: Record<string, string> = {}) {
  github = github ?? (await startFakeGitHub(state));
  const dir = mkdtempSync(join(tmpdir(), "small-steps-action-"));
  const files = { event: join(dir, "event.json"), summary: join(dir, "summary.md"), output: join(dir, "output.txt") };
  writeFileSync(files.event, JSON.stringify(event));
  writeFileSync(files.summary, "");
  writeFileSync(files.output, "");
  const env = {
    PATH: process.env.PATH,
    GITHUB_ACTIONS: "true",
    GITHUB_EVENT_NAME: eventName,
    GITHUB_EVENT_PATH: files.event,
    GITHUB_REPOSITORY: example.repository.full_name,
    GITHUB_API_URL: `http://${github.host}/api/v3`,
    GITHUB_SERVER_URL: `http://${github.host}`,
    GITHUB_STEP_SUMMARY: files.summary,
    GITHUB_OUTPUT: files.output,
    "INPUT_GITHUB-TOKEN": "ghs_job_token",
    INPUT_CONFIG: config,
    ...extraEnv,
  };
  const result = await promisify(execFile)(process.execPath, ["dist/index.mjs"], { env }).then(
    (r) => ({ code: 0, stdout: r.stdout }),
    (e: { code: number; stdout: string }) => ({ code: e.code, stdout: e.stdout }),
  );
  const outputs = Object.fromEntries([...readFileSync(files.output, "utf8").matchAll(/^([\w-]+)<<(\S+)\n([^]*?)\n\2$/gm)].map((m) => [m[1], m[3]]));
  return { ...result, outputs, summary: readFileSync(files.summary, "utf8") };
}

test("on a pull request: the check run, the label, the outputs and the job summary, with the job's token", async () => {
  const state: FakeGitHubState = { files: [{ filename: "app.py", status: "modified", additions: 40, deletions: 8, patch: "@@ -1 +1,2 @@\n-a\n+b\n+c" }], headSha: example.pull_request.head.sha, checkRuns: [], repositoryLabels: [], issueLabels: [], requests: [] };
  const run = await runAction(state, { ...example, pull_request: { ...example.pull_request, changed_files: 1 } });
  expect(run.code).toBe(0);
  expect(state.checkRuns).toHaveLength(1);
  expect(state.checkRuns[0].body).toMatchObject({ name: "small-steps", head_sha: example.pull_request.head.sha, status: "completed", conclusion: "success", output: { title: "M: 48 lines in 1 file" } });
  expect(state.issueLabels).toEqual(["size/M"]);
  expect(run.outputs).toEqual({ "size-class": "M", "counted-lines": "48", regressions: "0", conclusion: "success" });
  expect(run.summary).toContain("## small-steps: M: 48 lines in 1 file");
  expect(run.summary).toContain("| Counted lines | 48 (+40 −8) |");
  // The job's token, not an app's: no installation token exchange.
  expect(state.requests.some((r) => r.path.endsWith("/access_tokens"))).toBe(false);
});

test("a failing policy fails the step, with the conclusion in the outputs", async () => {
  github?.server.close();
  github = undefined;
  const state: FakeGitHubState = { files: [{ filename: "big.py", status: "added", additions: 1400, deletions: 0, patch: "@@ -0,0 +1 @@\n+x = 1" }], headSha: "f".repeat(40), checkRuns: [], repositoryLabels: [], issueLabels: [], requests: [], contents: { ".github/strict.yml": "mode: block\nlimit: L\n" } };
  const event = { ...example, pull_request: { ...example.pull_request, head: { ...example.pull_request.head, sha: state.headSha }, changed_files: 1 } };
  const run = await runAction(state, event, "pull_request", ".github/strict.yml");
  expect(run.code).toBe(1);
  expect(state.checkRuns[0]?.body).toMatchObject({ conclusion: "failure", output: { title: "XXL: 1,400 lines in 1 file — over the L limit" } });
  expect(run.outputs).toMatchObject({ "size-class": "XXL", conclusion: "failure" });
  expect(run.stdout).toContain("::error::small-steps: XXL: 1,400 lines in 1 file — over the L limit");
  expect(state.comments?.[0].body).toContain("how to split this pull request"); // block mode's sticky comment
});

test("on a push: a check run on each pushed commit, the regressions counted in the outputs", async () => {
  github?.server.close();
  github = undefined;
  const [a, b] = ["5".repeat(40), "6".repeat(40)];
  const state: FakeGitHubState = {
    files: [],
    headSha: b,
    checkRuns: [],
    repositoryLabels: [],
    issueLabels: [],
    requests: [],
    commits: {
      [a]: { parents: ["0".repeat(40)], files: [{ filename: "ok.py", status: "added", additions: 1, deletions: 0, patch: "@@ -0,0 +1 @@\n+x = 1" }] },
      [b]: { parents: [a], files: [{ filename: "bad.py", status: "added", additions: 1, deletions: 0, patch: '@@ -0,0 +1 @@\n+print "x"' }] },
    },
  };
  const repository = { ...example.repository, default_branch: "main" };
  const event = { ref: "refs/heads/main", before: "0".repeat(40), after: b, deleted: false, forced: false, commits: [{ id: a }, { id: b }], repository };
  const run = await runAction(state, event, "push");
  expect(run.code).toBe(0);
  expect(state.checkRuns.map((r) => [r.body.head_sha, r.body.conclusion])).toEqual([[b, "neutral"], [a, "success"]]);
  expect(run.outputs).toEqual({ regressions: "1", conclusion: "neutral" });
  expect(run.summary).toContain("## small-steps: 2 pushed commits measured");
  expect(state.issueLabels).toEqual([]);
});

test("an unexpected event or a payload without its pull request is one sentence and a neutral outcome, never a stack trace", async () => {
  const state: FakeGitHubState = { files: [], headSha: example.pull_request.head.sha, checkRuns: [], repositoryLabels: [], issueLabels: [], requests: [] };
  const issues = await runAction(state, { action: "opened", issue: { number: 1 } }, "issues");
  expect(issues.code).toBe(0);
  expect(issues.stdout).toContain("the issues event has nothing to measure");
  const bare = await runAction(state, { action: "opened", repository: example.repository }, "pull_request");
  expect(bare.code).toBe(0);
  expect(bare.stdout).toContain("small-steps: nothing to measure: the pull_request payload lacks the fields its event carries.");
  expect(bare.stdout).not.toContain("Cannot read properties");
  expect(bare.outputs).toMatchObject({ conclusion: "neutral" });
  expect(state.checkRuns).toHaveLength(0);
});

test("calibrate: thresholds from the checkout's history in the job summary, no check run; a shallow checkout fails the step and says why", async () => {
  github?.server.close();
  github = undefined;
  const state: FakeGitHubState = { files: [], headSha: "a".repeat(40), checkRuns: [], repositoryLabels: [], issueLabels: [], requests: [] };
  const clone = mkdtempSync(join(tmpdir(), "small-steps-action-clone-"));
  const git = (...args: string[]) => promisify(execFile)("git", ["-c", "user.name=t", "-c", "user.email=t@example.com", ...args], { cwd: clone });
  await git("init", "-q");
  for (const [i, lines] of [5, 40, 300].entries()) {
    writeFileSync(join(clone, `f${i}.py`), "x = 1\n".repeat(lines));
    await git("add", "-A");
    await git("commit", "-qm", `change ${i}`);
  }
  const run = await runAction(state, { repository: example.repository }, "workflow_dispatch", ".github/small-steps.yml", { INPUT_CALIBRATE: "true", GITHUB_WORKSPACE: clone });
  expect(run.code).toBe(0);
  expect(run.summary).toContain("<h2>small-steps: thresholds from this repository's history</h2>");
  expect(run.summary).toContain("# small-steps calibrate: the last 2 first-parent commits");
  expect(run.summary).toMatch(/thresholds:\n {2}XS: \d+/);
  expect(state.checkRuns).toEqual([]);
  const outside = mkdtempSync(join(tmpdir(), "small-steps-action-empty-"));
  const failed = await runAction(state, { repository: example.repository }, "workflow_dispatch", ".github/small-steps.yml", { INPUT_CALIBRATE: "50", GITHUB_WORKSPACE: outside });
  expect(failed.code).toBe(1);
  expect(failed.stdout).toContain("check out the history with actions/checkout and fetch-depth: 0");
});

test("with the campaign input: a push makes the dashboard as the job's bot, a tick opens the fix pull request with the job's token", async () => {
  github?.server.close();
  github = undefined;
  const config = "dashboard:\n  enabled: true\n  minIntervalMinutes: 0\ndependencies:\n  enabled: false\npush:\n  enabled: false\ncampaign:\n  enabled: true\n";
  const git = newGit({ ".github/small-steps.yml": config, "app/report.py": 'def report(n):\n    print "total", n\n' });
  git.permissions.octocat = "write";
  const state: FakeGitHubState = { files: [], headSha: "", checkRuns: [], repositoryLabels: [], issueLabels: [], requests: [], git, issues: [], botLogin: "github-actions[bot]" };
  const repository = { ...example.repository, default_branch: "main" };
  const campaign = { INPUT_CAMPAIGN: "true", GITHUB_WRITES_PER_MINUTE: "60000" };
  const push = await runAction(state, { ref: "refs/heads/main", before: "0".repeat(40), after: git.refs.main, deleted: false, forced: false, commits: [], repository }, "push", ".github/small-steps.yml", campaign);
  expect(push.code).toBe(0);
  expect(state.issues).toHaveLength(1);
  const before = state.issues![0].body;
  expect(before).toContain("- [ ] `print-statement` in `app/`");
  expect(push.summary).toContain("the migration dashboard is up to date");

  const after = before.replace("- [ ] `print-statement` in `app/`", "- [x] `print-statement` in `app/`");
  state.issues![0].body = after;
  const issue = { ...state.issues![0], html_url: "http://x/issues/100" };
  const tick = await runAction(state, { action: "edited", issue, changes: { body: { from: before } }, sender: { login: "octocat", type: "User" }, repository }, "issues", ".github/small-steps.yml", campaign);
  expect(tick.code).toBe(0);
  expect(git.pulls).toHaveLength(1);
  expect(git.pulls[0]).toMatchObject({ head: "small-steps/fix/print-statement/app", base: "main" });
  expect(treeAt(git, git.refs[git.pulls[0].head])!["app/report.py"].text).toBe('from __future__ import print_function\ndef report(n):\n    print("total", n)\n');
  expect(state.issues![0].body).toMatch(/\[#200\]\([^)]*\) open/);
  expect(tick.summary).toContain("small-steps campaign: the campaign is up to date");
  expect(state.requests.some((r) => r.path.endsWith("/access_tokens"))).toBe(false); // the job's token throughout

  // Without the input, the same tick is nothing to measure.
  const off = await runAction(state, { action: "edited", issue, changes: { body: { from: before } }, sender: { login: "octocat", type: "User" }, repository }, "issues");
  expect(off.summary).toContain("nothing to measure for a `issues` event");
  expect(git.pulls).toHaveLength(1);
});
