import nock from "nock";
import { mockConfig, mockFileList, mockState, type FakeFile } from "../helpers/github-fakes.js";
import { patch } from "../helpers/patch.js";
import { api, examplePayload, logs, mockToken, sent, useTestProbot } from "../helpers/probot.js";

const OWNER = "Codertocat";
const REPO = "Hello-World";
const HEAD = "ec26c3e57ca3a959ca5aad62de7213c562f8c821";
const CHECKS = `/repos/${OWNER}/${REPO}/check-runs`;
const REVIEWS = `/repos/${OWNER}/${REPO}/pulls/2/reviews`;
const REVIEW_COMMENTS = `/repos/${OWNER}/${REPO}/pulls/2/comments`;
const CONVERSATION = `/repos/${OWNER}/${REPO}/issues/2/comments`;
const REACTION = `/repos/${OWNER}/${REPO}/issues/comments/492700400/reactions`;

const added = (filename: string, lines: string[]): FakeFile => ({ filename, status: "added", additions: lines.length, deletions: 0, patch: patch(lines.map((l) => `+${l}`)) });
const LEGACY = added("app/legacy.py", ["def show(d):", '    print "x"', "    for k, v in d.iteritems():", "        pass"]);

let deliveries = 0;
const opened = () => ({ id: `fx-${++deliveries}`, name: "pull_request", payload: examplePayload("pull_request", "opened") }) as any;
function comment(body: string) {
  const payload = examplePayload("issue_comment", "created");
  payload.issue.number = 2;
  payload.issue.pull_request = { url: `https://api.github.com/repos/${OWNER}/${REPO}/pulls/2` };
  payload.comment.body = body;
  payload.sender = { ...payload.sender, login: "Codertocat", type: "User" }; // the pull request's author
  return { id: `fxc-${++deliveries}`, name: "issue_comment", payload } as any;
}

const bodies = (method: string, path: string) => sent.filter((r) => r.method === method && r.path.split("?")[0] === path).map((r) => r.body);

/** One size check's reads and its check run write. */
function mockCheck(config: string, list: FakeFile[], checkRunId?: number) {
  mockConfig(OWNER, REPO, config);
  mockFileList(OWNER, REPO, 2, list);
  mockState({ headSha: HEAD, labels: ["size/XS"], repositoryLabels: ["size/XS"], ...(checkRunId ? { checkRunId, checkRun: { status: "COMPLETED", conclusion: "FAILURE", title: "old", summary: "old" } } : {}) });
  if (checkRunId) api().patch(`${CHECKS}/${checkRunId}`).reply(200, { id: checkRunId });
  else api().post(CHECKS).reply(201, { id: 1 });
}

/** The review comments GitHub holds: those our review posted, as GitHub lists them (by the app's bot). */
function mockReviewComments(existing: Array<{ body: string }>) {
  api().get(REVIEW_COMMENTS).query(true).reply(200, existing.map((c, i) => ({ id: 900 + i, body: c.body, user: { login: "small-steps[bot]", type: "Bot" } })));
}

/** A later delivery: what the earlier one left optional is dropped (the installation's token stays cached). */
function nextPhase() {
  nock.cleanAll();
  sent.length = 0;
}

const app = useTestProbot();

describe("suggested fixes", () => {
  test("fixes.suggestions auto: a pull request adding print \"x\" and d.iteritems() gets one review with two suggested changes; a recheck posts nothing new", async () => {
    mockToken();
    mockCheck("fixes:\n  target: python3\n  suggestions: auto\n", [LEGACY]);
    mockReviewComments([]);
    api().post(REVIEWS).reply(200, { id: 55 });
    await app.probot.receive(opened());

    const [check] = bodies("POST", CHECKS);
    const annotations = check.output.annotations as Array<{ start_line: number; message: string }>;
    expect(annotations.map((a) => a.start_line)).toEqual([2, 3]);
    expect(annotations[0]!.message).toMatch(/\n\nFixed: print\("x"\)$/);
    expect(annotations[1]!.message).toMatch(/\n\nFixed: for k, v in d\.items\(\):$/);

    const reviews = bodies("POST", REVIEWS);
    expect(reviews).toHaveLength(1);
    const [review] = reviews;
    expect(review).toMatchObject({ commit_id: HEAD, event: "COMMENT" });
    expect(review.body).toContain("**small-steps: 2 suggested fixes**");
    expect(review.comments.map((c: any) => [c.path, c.line, c.side, c.start_line])).toEqual([
      ["app/legacy.py", 2, "RIGHT", undefined],
      ["app/legacy.py", 3, "RIGHT", undefined],
    ]);
    expect(review.comments[0].body).toContain('```suggestion\n    print("x")\n```');
    expect(review.comments[1].body).toContain("```suggestion\n    for k, v in d.items():\n```");
    expect(review.comments[0].body).toMatch(/<!-- small-steps:fix:[0-9a-f]{16} -->/);

    // /small-steps recheck by the author: measured again, the same fixes found, both already posted.
    nextPhase();
    api().get(`/repos/${OWNER}/${REPO}/pulls/2`).reply(200, examplePayload("pull_request", "opened").pull_request);
    mockCheck("fixes:\n  target: python3\n  suggestions: auto\n", [LEGACY], 1);
    mockReviewComments(review.comments);
    api().post(REACTION).reply(201, {});
    await app.probot.receive(comment("/small-steps recheck"));
    expect(bodies("PATCH", `${CHECKS}/1`)).toHaveLength(1);
    expect(bodies("POST", REVIEWS)).toEqual([]);
  });

  test("the default target (compatible): the same pull request's review has six's form and the imports it needs as a third suggestion", async () => {
    mockToken();
    mockCheck("fixes:\n  suggestions: auto\n", [LEGACY]);
    mockReviewComments([]);
    api().post(REVIEWS).reply(200, { id: 58 });
    await app.probot.receive(opened());
    const [review] = bodies("POST", REVIEWS);
    expect(review.comments.map((c: any) => [c.line, c.body.split("\n").slice(1, -2).join("\n")])).toEqual([
      [1, "```suggestion\nfrom __future__ import absolute_import, print_function\nimport six\ndef show(d):"],
      [2, '```suggestion\n    print("x")'],
      [3, "```suggestion\n    for k, v in six.iteritems(d):"],
    ]);
  });

  test("the default (command): no review after the check; /small-steps fix posts it, and again says nothing is new", async () => {
    mockToken();
    mockCheck("", [LEGACY]);
    await app.probot.receive(opened());
    expect(bodies("POST", REVIEWS)).toEqual([]);
    expect(sent.some((r) => r.path.startsWith(REVIEW_COMMENTS))).toBe(false);

    nextPhase();
    api().get(`/repos/${OWNER}/${REPO}/pulls/2`).reply(200, examplePayload("pull_request", "opened").pull_request);
    mockCheck("", [LEGACY], 1);
    mockReviewComments([]);
    api().post(REVIEWS).reply(200, { id: 56 });
    api().post(REACTION).reply(201, {});
    await app.probot.receive(comment("/small-steps fix"));
    const [review] = bodies("POST", REVIEWS);
    expect(review.comments).toHaveLength(3); // print, six.iteritems and the imports they need
    expect(bodies("POST", REACTION)).toEqual([{ content: "+1" }]);

    nextPhase();
    api().get(`/repos/${OWNER}/${REPO}/pulls/2`).reply(200, examplePayload("pull_request", "opened").pull_request);
    mockCheck("", [LEGACY], 1);
    mockReviewComments(review.comments);
    api().post(REACTION).reply(201, {});
    api().get(CONVERSATION).query(true).reply(200, []);
    api().post(CONVERSATION).reply(201, { id: 3 });
    await app.probot.receive(comment("/small-steps fix"));
    expect(bodies("POST", REVIEWS)).toEqual([]);
    expect(bodies("POST", CONVERSATION)[0].body).toBe("No new suggested fixes: every fix is already suggested in an earlier review (3 suggestions).");
  });

  test("over fixes.maxSuggestions: the rest listed in the review's body; a construct with no fix listed too", async () => {
    const lines = ["import sys", ...Array.from({ length: 3 }, (_, i) => `print "line ${i}"`), "big = sys.maxint", "x = cmp(1, 2)"];
    mockToken();
    mockCheck("fixes:\n  target: python3\n  suggestions: auto\n  maxSuggestions: 2\n", [added("tool.py", lines)]);
    mockReviewComments([]);
    api().post(REVIEWS).reply(200, { id: 57 });
    await app.probot.receive(opened());
    const [review] = bodies("POST", REVIEWS);
    expect(review.comments.map((c: any) => c.line)).toEqual([2, 3]);
    expect(review.body).toContain("Over this review's limit of 2");
    expect(review.body).toContain("- `tool.py:4`: `print-statement`");
    expect(review.body).toContain("- `tool.py:5`: `sys-maxint`");
    expect(review.body).toMatch(/No mechanical fix[^\n]*\n- `tool.py:6`: `builtin-cmp`/);
  });

  test("GitHub refusing the review (422) leaves the check run published and logs why; the delivery does not fail", async () => {
    mockToken();
    mockCheck("fixes:\n  target: python3\n  suggestions: auto\n", [LEGACY]);
    mockReviewComments([]);
    api().post(REVIEWS).reply(422, { message: "Unprocessable Entity", errors: ["Line could not be resolved"] });
    await app.probot.receive(opened());
    expect(bodies("POST", CHECKS)).toHaveLength(1);
    expect(logs.some((l) => l.msg === "suggested fixes not posted")).toBe(true);
  });

  test("fixes.suggestions off: /small-steps fix says so and posts nothing", async () => {
    mockToken();
    api().get(`/repos/${OWNER}/${REPO}/pulls/2`).reply(200, examplePayload("pull_request", "opened").pull_request);
    mockCheck("fixes:\n  suggestions: off\n", [LEGACY]);
    api().post(REACTION).reply(201, {});
    api().get(CONVERSATION).query(true).reply(200, []);
    api().post(CONVERSATION).reply(201, { id: 3 });
    await app.probot.receive(comment("/small-steps fix"));
    expect(bodies("POST", REVIEWS)).toEqual([]);
    expect(bodies("POST", CONVERSATION)[0].body).toMatch(/turned off here \(`fixes.suggestions: off`/);
  });
});
