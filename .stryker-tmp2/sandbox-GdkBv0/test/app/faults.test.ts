// @ts-nocheck
import nock from "nock";
import type { Probot } from "probot";
import { files, mockConfig, mockFileList } from "../helpers/github-fakes.js";
import { api, createProbot, examplePayload, mockToken, sent, useTestProbot } from "../helpers/probot.js";

/**
 * Faults on the way: whatever GitHub answers (or does not), the pull request gets a check run that tells the truth,
 * and the delivery fails so that it can be redelivered. (A real `npm start` against a fake GitHub answers malformed
 * payloads with 400: test/e2e/npm-start.test.ts.)
 */
const OWNER = "Codertocat";
const REPO = "Hello-World";
const HEAD = "ec26c3e57ca3a959ca5aad62de7213c562f8c821";
const CHECKS = `/repos/${OWNER}/${REPO}/check-runs`;
const app = useTestProbot();
const opened = () => ({ id: "f", name: "pull_request", payload: { ...examplePayload("pull_request", "opened"), pull_request: { ...examplePayload("pull_request", "opened").pull_request, changed_files: 1 } } }) as any;
const failureCheck = () => sent.filter((r) => r.method === "POST" && r.path === CHECKS).map((r) => r.body).at(-1);

/** The error path looks our run up over REST before it writes the failure: none yet. */
const noCheckRunYet = () => api().get(`/repos/${OWNER}/${REPO}/commits/${HEAD}/check-runs`).query(true).reply(200, { total_count: 0, check_runs: [] });

async function expectFailureCheck(probot: Probot, summary: RegExp) {
  await expect(probot.receive(opened())).rejects.toThrow();
  expect(failureCheck()).toMatchObject({ conclusion: "failure", output: { title: "Could not measure this pull request", summary: expect.stringMatching(summary) } });
}

test("a 502 on a read is retried, as Probot's Octokit does; one that goes on gives the failure check run", async () => {
  const probot = await createProbot({ TEST_RETRIES: "2" });
  mockToken();
  api().get(`/repos/${OWNER}/${REPO}/contents/.github%2Fsmall-steps.yml`).reply(502, { message: "Bad Gateway" });
  mockConfig(OWNER, REPO, "");
  api().get(`/repos/${OWNER}/${REPO}/pulls/2/files`).query(true).times(3).reply(502, { message: "Bad Gateway" }, { "x-github-request-id": "CD:34" });
  noCheckRunYet();
  api().post(CHECKS).reply(201, { id: 1 });
  await expectFailureCheck(probot, /^Listing the pull request's files failed \(HTTP 502, request id `CD:34`\)/);
  // The config read met one 502 and was asked again; the file list met three (the first try and two retries).
  expect(sent.filter((r) => r.path.includes("/contents/")).length).toBe(2);
  expect(sent.filter((r) => r.path.includes("/pulls/2/files")).length).toBe(3);
});

test("a 502 on the config read gives a failure check run naming the step and the status", async () => {
  mockToken();
  api().get(`/repos/${OWNER}/${REPO}/contents/.github%2Fsmall-steps.yml`).reply(502, { message: "Bad Gateway" }, { "x-github-request-id": "AB:12" });
  noCheckRunYet();
  api().post(CHECKS).reply(201, { id: 1 });
  await expectFailureCheck(app.probot, /^Reading \.github\/small-steps\.yml failed \(HTTP 502, request id `AB:12`\): Bad Gateway\.\n\nThis is GitHub's answer, not a verdict/);
});

test("a 502 on the state query gives a failure check run", async () => {
  mockToken();
  mockConfig(OWNER, REPO, "");
  mockFileList(OWNER, REPO, 2, files(1));
  api().post("/graphql").reply(502, { message: "Bad Gateway" });
  noCheckRunYet();
  api().post(CHECKS).reply(201, { id: 1 });
  await expectFailureCheck(app.probot, /changed files failed \(HTTP 502/);
});

test("a GraphQL answer with errors gives a failure check run that quotes them", async () => {
  mockToken();
  mockConfig(OWNER, REPO, "");
  mockFileList(OWNER, REPO, 2, files(1));
  api().post("/graphql").reply(200, { data: null, errors: [{ type: "NOT_FOUND", message: "Could not resolve to a Repository with the name 'Hello-World'." }] });
  noCheckRunYet();
  api().post(CHECKS).reply(201, { id: 1 });
  await expectFailureCheck(app.probot, /Could not resolve to a Repository/);
});

test("a request hanging past GITHUB_TIMEOUT_SECONDS gives a failure check run, never a pull request without a check", async () => {
  const probot = await createProbot({ GITHUB_TIMEOUT_SECONDS: "0.3" });
  mockToken();
  mockConfig(OWNER, REPO, "");
  mockFileList(OWNER, REPO, 2, files(1));
  api().post("/graphql").delay(3000).reply(200, { data: { repository: {} } });
  noCheckRunYet();
  api().post(CHECKS).reply(201, { id: 1 });
  await expectFailureCheck(probot, /GitHub did not answer POST \/graphql within 0\.3 s/);
  nock.abortPendingRequests();
});

test("unknown events and actions are left alone", async () => {
  await app.probot.receive({ id: "u1", name: "star", payload: { action: "created", repository: examplePayload("pull_request", "opened").repository, installation: { id: 4242 } } } as any);
  await app.probot.receive({ id: "u2", name: "pull_request", payload: { ...examplePayload("pull_request", "opened"), action: "labeled" } } as any);
  expect(sent).toEqual([]);
});

