import nock from "nock";
import { withScope } from "../../src/coordination/delivery-scope.js";
import { publishCheckRun } from "../../src/github/check-runs.js";
import type { GitHub } from "../../src/github/client.js";
import { smallStepsOctokit } from "../../src/github/octokit.js";
import { budgetOf } from "../../src/github/request-pacing.js";

/** The app's Octokit against nock, its own pacing on (Probot's retries off): what leaves for GitHub, and when not. */
const API = "https://api.github.com";
const CHECKS = "/repos/o/r/check-runs";

function client(env: NodeJS.ProcessEnv, pacing = true): GitHub {
  const Octokit = smallStepsOctokit(env);
  return new Octokit({ auth: "token", pacing: { enabled: pacing }, retry: { enabled: false } } as never) as unknown as GitHub;
}

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());

test("check runs and content (labels, comments) spend budgets of their own", () => {
  expect(budgetOf({ url: "/repos/{owner}/{repo}/check-runs" })).toBe("checkRuns");
  expect(budgetOf({ url: "/repos/{owner}/{repo}/check-runs/{check_run_id}" })).toBe("checkRuns");
  expect(budgetOf({ url: "/repos/{owner}/{repo}/issues/{issue_number}/labels" })).toBe("content");
});

test("a write still waiting for its slot when the delivery's deadline passes is never sent, not even later", async () => {
  const github = client({ GITHUB_CHECK_RUN_WRITES_PER_MINUTE: "1" });
  const bodies: unknown[] = [];
  nock(API).post(CHECKS).times(2).reply(201, (_uri, body) => (bodies.push(body), { id: bodies.length }));
  const create = (name: string) => github.rest.checks.create({ owner: "o", repo: "r", name, head_sha: "a".repeat(40) });
  await withScope(5, () => create("first"));
  await expect(withScope(0.3, () => create("second"))).rejects.toThrow(/deadline of 0.3 s/);
  await new Promise((resolve) => setTimeout(resolve, 700));
  expect(bodies).toEqual([expect.objectContaining({ name: "first" })]);
});

test("the timeout covers the wire, not the wait for a slot: a write queued longer than the timeout is still sent", async () => {
  const github = client({ GITHUB_TIMEOUT_SECONDS: "0.2", GITHUB_WRITES_PER_MINUTE: "100" }); // a slot every 0.6 s
  nock(API).post("/repos/o/r/issues/1/labels").times(2).reply(200, []);
  const add = () => github.rest.issues.addLabels({ owner: "o", repo: "r", issue_number: 1, labels: ["size/S"] });
  const answers = await Promise.all([add(), add()]);
  expect(answers.map((a) => a.status)).toEqual([200, 200]);
});

test("an answer slower than the timeout fails with what was asked, as no HTTP status of GitHub's", async () => {
  const github = client({ GITHUB_TIMEOUT_SECONDS: "0.2" }, false);
  nock(API).get("/repos/o/r/pulls/1").delay(2000).reply(200, {});
  await expect(github.rest.pulls.get({ owner: "o", repo: "r", pull_number: 1 })).rejects.toThrow("GitHub did not answer GET /repos/o/r/pulls/1 within 0.2 s");
  nock.abortPendingRequests();
});

test("a create answered 502 after GitHub made it is looked up and updated, never made twice", async () => {
  const github = client({}, false);
  const sent: string[] = [];
  nock(API)
    .post(CHECKS)
    .reply(502, () => (sent.push("create"), { message: "Server Error" }))
    .get(`/repos/o/r/commits/${"b".repeat(40)}/check-runs`)
    .query(true)
    .reply(200, () => (sent.push("lookup"), { total_count: 1, check_runs: [{ id: 31, status: "completed", conclusion: "success", output: { title: "XS", summary: "s" } }] }))
    .patch(`${CHECKS}/31`)
    .reply(200, () => (sent.push("update"), { id: 31 }));
  const id = await publishCheckRun(github, { owner: "o", repo: "r", headSha: "b".repeat(40), externalId: "1", conclusion: "success", title: "XS: 1 line", summary: "s" });
  expect(id).toBe(31);
  expect(sent).toEqual(["create", "lookup", "update"]);
});
