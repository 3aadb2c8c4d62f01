import { reserveWriteSlot } from "../../src/coordination/index.js";
import { isGraphqlQuery, isWrite } from "../../src/github/request-pacing.js";
import { rateLimitOf } from "../../src/github/rate-limits.js";
import { files, mockConfig, mockFileList, mockState } from "../helpers/github-fakes.js";
import { api, examplePayload, logs, mockToken, sent, useTestProbot, waits } from "../helpers/probot.js";

const OWNER = "Codertocat";
const REPO = "Hello-World";
const HEAD = "ec26c3e57ca3a959ca5aad62de7213c562f8c821";
const CHECKS = `/repos/${OWNER}/${REPO}/check-runs`;
const LABELS = `/repos/${OWNER}/${REPO}/issues/2/labels`;
const COMMENTS = `/repos/${OWNER}/${REPO}/issues/2/comments`;
const app = useTestProbot();

const secondary = { message: "You have exceeded a secondary rate limit. Please wait a few minutes before you try again." };
const opened = (changed = 1) => ({ id: "rl", name: "pull_request", payload: { ...examplePayload("pull_request", "opened"), pull_request: { ...examplePayload("pull_request", "opened").pull_request, changed_files: changed } } }) as any;
const count = (method: string, path: string) => sent.filter((r) => r.method === method && r.path.split("?")[0] === path).length;

describe("one secondary rate limit on a write is retried after the time GitHub asks for", () => {
  test.each([
    ["403 with retry-after", 403, { "retry-after": "7" }, {}, 7000],
    ["429 with retry-after", 429, { "retry-after": "2" }, {}, 2000],
    ["403 with GitHub's message only", 403, {}, secondary, 60000],
  ])("creating the check run, %s", async (_name, status, headers, body, wait) => {
    mockToken();
    mockConfig(OWNER, REPO, "");
    mockFileList(OWNER, REPO, 2, files(1));
    mockState({ headSha: HEAD, labels: ["size/XS"] });
    api().post(CHECKS).reply(status, body, headers);
    api().post(CHECKS).reply(201, { id: 1 });
    await app.probot.receive(opened());
    expect(count("POST", CHECKS)).toBe(2);
    expect(waits).toEqual([wait]);
  });

  test("updating the check run, then adding and creating labels and removing one, each meeting a limit once", async () => {
    const limited = { "retry-after": "1" };
    mockToken();
    mockConfig(OWNER, REPO, "");
    mockFileList(OWNER, REPO, 2, files(1));
    mockState({ headSha: HEAD, labels: ["size/XL"], repositoryLabels: [], checkRunId: 5, checkRun: { status: "COMPLETED", conclusion: "NEUTRAL", title: "old", summary: "old" } });
    api().patch(`${CHECKS}/5`).reply(403, secondary, limited);
    api().patch(`${CHECKS}/5`).reply(200, { id: 5 });
    api().post(`/repos/${OWNER}/${REPO}/labels`).reply(403, secondary, limited);
    api().post(`/repos/${OWNER}/${REPO}/labels`).reply(201, {});
    api().post(LABELS).reply(429, {}, limited);
    api().post(LABELS).reply(200, []);
    api().delete(`${LABELS}/size%2FXL`).reply(403, secondary, limited);
    api().delete(`${LABELS}/size%2FXL`).reply(200, []);
    await app.probot.receive(opened());
    expect(count("PATCH", `${CHECKS}/5`)).toBe(2);
    expect(count("POST", LABELS)).toBe(2);
    expect(count("DELETE", `${LABELS}/size/XL`)).toBe(2);
    expect(waits).toEqual([1000, 1000, 1000, 1000]);
  });

  test("a reaction and a reply meet a limit once each: the command is still answered", async () => {
    const comment = examplePayload("issue_comment", "created");
    comment.issue.number = 2;
    comment.issue.pull_request = { url: "x" };
    comment.comment.body = "/small-steps frobnicate";
    comment.sender = { ...comment.sender, login: "maintainer", type: "User" };
    mockToken();
    api().get(`/repos/${OWNER}/${REPO}/pulls/2`).reply(200, examplePayload("pull_request", "opened").pull_request);
    api().get("/app").reply(200, { slug: "small-steps" });
    const reactions = `/repos/${OWNER}/${REPO}/issues/comments/${comment.comment.id}/reactions`;
    api().post(reactions).reply(403, secondary, { "retry-after": "3" });
    api().post(reactions).reply(201, {});
    api().get(COMMENTS).query(true).reply(200, []);
    api().post(COMMENTS).reply(429, {}, { "retry-after": "4" });
    api().post(COMMENTS).reply(201, { id: 1 });
    await app.probot.receive({ id: "c", name: "issue_comment", payload: comment } as any);
    expect(count("POST", reactions)).toBe(2);
    expect(count("POST", COMMENTS)).toBe(2);
    expect(waits).toEqual([3000, 4000]);
  });

  test("a limit met four times in a row gives up on that request (and the delivery fails, to be redelivered)", async () => {
    mockToken();
    mockConfig(OWNER, REPO, "");
    mockFileList(OWNER, REPO, 2, files(1));
    mockState({ headSha: HEAD, labels: ["size/XS"] });
    api().post(CHECKS).times(4).reply(403, secondary, { "retry-after": "1" });
    await expect(app.probot.receive(opened())).rejects.toThrow();
    expect(count("POST", CHECKS)).toBe(4);
    expect(waits).toEqual([1000, 1000, 1000]);
  });
});

describe("primary rate limits", () => {
  test("a reset within RATE_LIMIT_MAX_WAIT_SECONDS is waited out; a later one fails with the reset time in the log", async () => {
    const soon = String(Math.floor(Date.now() / 1000) + 20);
    mockToken();
    mockConfig(OWNER, REPO, "");
    api().get(`/repos/${OWNER}/${REPO}/pulls/2/files`).query(true).reply(403, { message: "API rate limit exceeded" }, { "x-ratelimit-remaining": "0", "x-ratelimit-reset": soon });
    mockFileList(OWNER, REPO, 2, files(1));
    mockState({ headSha: HEAD, labels: ["size/XS"] });
    api().post(CHECKS).reply(201, { id: 1 });
    await app.probot.receive(opened());
    expect(waits).toHaveLength(1);
    expect(waits[0]).toBeGreaterThan(15000);
    expect(waits[0]).toBeLessThanOrEqual(22000);
  });

  test("past the longest wait: the request fails at once and the log names the reset", () => {
    const later = new Date(Date.now() + 3600_000);
    const limit = rateLimitOf({ status: 403, response: { headers: { "x-ratelimit-remaining": "0", "x-ratelimit-reset": String(Math.floor(later.getTime() / 1000)) } } }, Date.now());
    expect(limit).toMatchObject({ kind: "primary" });
    expect(limit!.waitSeconds).toBeGreaterThan(3500);
  });

  test("other 403s are not rate limits", () => {
    expect(rateLimitOf({ status: 403, message: "Resource not accessible by integration", response: { headers: {} } }, 0)).toBeUndefined();
    expect(rateLimitOf({ status: 500, response: { headers: { "retry-after": "1" } } }, 0)).toBeUndefined();
  });
});

test("logs say what was retried", async () => {
  mockToken();
  mockConfig(OWNER, REPO, "");
  mockFileList(OWNER, REPO, 2, files(1));
  mockState({ headSha: HEAD, labels: ["size/XS"] });
  api().post(CHECKS).reply(429, {}, { "retry-after": "1" });
  api().post(CHECKS).reply(201, { id: 1 });
  await app.probot.receive(opened());
  expect(logs.some((l) => typeof l.msg === "string" && l.msg.startsWith("secondary rate limit: retrying after 1 s"))).toBe(true);
});

describe("the write budget spaces writes, not GraphQL reads, per installation", () => {
  test("a GraphQL query is a read (on github.com and on GitHub Enterprise Server); a mutation and REST writes are not", () => {
    const query = "query($owner: String!) { repository(owner: $owner) { id } }";
    expect(isGraphqlQuery({ url: "/graphql", query })).toBe(true);
    expect(isGraphqlQuery({ url: "https://ghe.example/api/graphql", query })).toBe(true);
    expect(isGraphqlQuery({ url: "/graphql", query: "  mutation { addComment(input: {}) { clientMutationId } }" })).toBe(false);
    expect(isGraphqlQuery({ url: "/repos/{owner}/{repo}/check-runs" })).toBe(false);
    expect(isWrite({ method: "POST", url: "https://ghe.example/api/graphql", query })).toBe(false);
    expect(isWrite({ method: "POST", url: "/repos/{owner}/{repo}/check-runs" })).toBe(true);
    expect(isWrite({ method: "GET", url: "/repos/{owner}/{repo}/pulls/1/files" })).toBe(false);
  });

  test("each installation has its own slots: a second write of one installation waits, another installation's does not", async () => {
    expect(await reserveWriteSlot("rate-test-1", 1000)).toBe(0);
    const second = await reserveWriteSlot("rate-test-1", 1000);
    expect(second).toBeGreaterThan(500);
    expect(second).toBeLessThanOrEqual(1000);
    expect(await reserveWriteSlot("rate-test-2", 1000)).toBe(0);
    expect(await reserveWriteSlot("rate-test-1", 1000)).toBeGreaterThan(second);
  });
});

test("editing a comment (the split plan) meets a limit once: the edit is made", async () => {
  const comment = examplePayload("issue_comment", "created");
  comment.issue.number = 2;
  comment.issue.pull_request = { url: "x" };
  comment.comment.body = "/small-steps split";
  comment.sender = { ...comment.sender, login: "maintainer", type: "User" };
  mockToken();
  api().get(`/repos/${OWNER}/${REPO}/pulls/2`).reply(200, { ...examplePayload("pull_request", "opened").pull_request, changed_files: 3 });
  // split needs the author or triage permission: the maintainer's is asked.
  api().get(`/repos/${OWNER}/${REPO}/collaborators/maintainer/permission`).reply(200, { permission: "write", role_name: "maintain", user: { login: "maintainer" } });
  mockConfig(OWNER, REPO, "limit: XS\n");
  mockFileList(OWNER, REPO, 2, files(3, (i) => ({ filename: `m${i}/f.py`, additions: 5 })));
  mockState({ headSha: HEAD, labels: [], repositoryLabels: ["size/S"] });
  api().post(CHECKS).reply(201, { id: 1 });
  api().post(LABELS).optionally().reply(200, []);
  api().post(`/repos/${OWNER}/${REPO}/issues/comments/${comment.comment.id}/reactions`).reply(201, {});
  api().get(COMMENTS).query(true).reply(200, [{ id: 55, body: "<!-- small-steps:split -->\nan older plan", user: { login: "small-steps[bot]", type: "Bot" }, performed_via_github_app: { id: 123 } }]);
  api().patch(`/repos/${OWNER}/${REPO}/issues/comments/55`).reply(403, secondary, { "retry-after": "5" });
  api().patch(`/repos/${OWNER}/${REPO}/issues/comments/55`).reply(200, { id: 55 });
  await app.probot.receive({ id: "split", name: "issue_comment", payload: comment } as any);
  expect(count("PATCH", `/repos/${OWNER}/${REPO}/issues/comments/55`)).toBe(2);
  expect(waits).toEqual([5000]);
});
