import nock from "nock";
import { renderRecord } from "../../src/policy/check-record.js";
import { files, mockConfig, mockFileList, mockState, type FakeFile, type FakeState } from "../helpers/github-fakes.js";
import { api, examplePayload, expectIgnored, logs, mockToken, sent, unmatched, useTestProbot } from "../helpers/probot.js";

const OWNER = "Codertocat";
const REPO = "Hello-World";
const HEAD = "ec26c3e57ca3a959ca5aad62de7213c562f8c821";
const CHECKS = `/repos/${OWNER}/${REPO}/check-runs`;
const COMMENTS = `/repos/${OWNER}/${REPO}/issues/2/comments`;
const AUTHOR = "Codertocat";

const pr = () => examplePayload("pull_request", "opened").pull_request;
const repository = () => examplePayload("pull_request", "opened").repository;

type Source = "conversation" | "review comment" | "review";

/** Each delivery its own id, as GitHub gives them (a repeated id is a redelivery, handled once). */
let deliveries = 0;
function commentEvent(source: Source, body: string, sender = "maintainer", senderType = "User") {
  const who = { ...examplePayload("issue_comment", "created").sender, login: sender, type: senderType };
  if (source === "conversation") {
    const payload = examplePayload("issue_comment", "created");
    payload.issue.number = 2;
    payload.issue.pull_request = { url: "https://api.github.com/repos/Codertocat/Hello-World/pulls/2" };
    payload.comment.body = body;
    payload.sender = who;
    return { id: `c-${++deliveries}`, name: "issue_comment", payload } as any;
  }
  if (source === "review comment") {
    const payload = examplePayload("pull_request_review_comment", "created");
    payload.pull_request = pr();
    payload.comment.body = body;
    payload.sender = who;
    return { id: `rc-${++deliveries}`, name: "pull_request_review_comment", payload } as any;
  }
  const payload = examplePayload("pull_request_review", "submitted");
  payload.pull_request = pr();
  payload.review.body = body;
  payload.sender = who;
  return { id: `rv-${++deliveries}`, name: "pull_request_review", payload } as any;
}

/** The reaction endpoint each source acknowledges on. */
const REACTIONS: Record<Source, string> = {
  conversation: `/repos/${OWNER}/${REPO}/issues/comments/492700400/reactions`,
  "review comment": `/repos/${OWNER}/${REPO}/pulls/comments/284312630/reactions`,
  review: `/repos/${OWNER}/${REPO}/issues/2/reactions`,
};

function mockPullForConversation(source: Source, changedFiles = 1) {
  if (source === "conversation") api().get(`/repos/${OWNER}/${REPO}/pulls/2`).reply(200, { ...pr(), changed_files: changedFiles });
}

const LINES_DECIDE = "thresholds:\n  files: { XS: 10000, S: 10001, M: 10002, L: 10003, XL: 10004 }\n";

/** Everything one size check reads; the check run is created (or updated when the state has one). */
function mockSizeCheck(config: string, list: FakeFile[], state: Partial<FakeState> = {}) {
  // The commenter (a maintainer, not the author) is asked for their permission before a command that measures.
  api().get(`/repos/${OWNER}/${REPO}/collaborators/maintainer/permission`).optionally().reply(200, { permission: "write", role_name: "maintain", user: { login: "maintainer" } });
  // These fixtures put one line in each file: the files' axis is set out of reach, so that the lines decide the class.
  mockConfig(OWNER, REPO, config.includes("thresholds") ? config : `${config}${config && !config.endsWith("\n") ? "\n" : ""}${LINES_DECIDE}`);
  mockFileList(OWNER, REPO, 2, list);
  const graphql = mockState({ headSha: HEAD, labels: [], repositoryLabels: ["size/XS", "size/S", "size/M", "size/L", "size/XL", "size/XXL"], ...state });
  if (state.checkRunId) api().patch(`${CHECKS}/${state.checkRunId}`).optionally().reply(200, { id: state.checkRunId });
  else api().post(CHECKS).optionally().reply(201, { id: 700 });
  api().post(`/repos/${OWNER}/${REPO}/issues/2/labels`).optionally().reply(200, []);
  api().delete(/\/repos\/Codertocat\/Hello-World\/issues\/2\/labels\/.*/).optionally().times(6).reply(200, []);
  return graphql;
}

/** help names the app's slug (`@slug help`), asked of GitHub once. */
function mockAppSlug() {
  api().get("/app").reply(200, { id: 123, slug: "small-steps-app" });
}

function mockPermission(user: string, role: string) {
  const legacy = ({ read: "read", triage: "read", write: "write", maintain: "write", admin: "admin" } as Record<string, string>)[role];
  api().get(`/repos/${OWNER}/${REPO}/collaborators/${user}/permission`).reply(200, { permission: legacy, role_name: role, user: { login: user } });
}

/** The listing a reply is compared with before it is written: our replies already there (none by default). */
function mockReplyListing(source: Source, existing: Array<Record<string, unknown>> = []) {
  const path = source === "review comment" ? `/repos/${OWNER}/${REPO}/pulls/2/comments` : COMMENTS;
  api().get(path).query(true).reply(200, existing);
}

const posted = (path: string) => sent.filter((r) => r.method === "POST" && r.path.split("?")[0] === path).map((r) => r.body);
const checkRunWrites = () => sent.filter((r) => r.path.startsWith(CHECKS) && r.method !== "GET").map((r) => r.body);

const app = useTestProbot();

const SOURCES: Source[] = ["conversation", "review comment", "review"];

describe.each(SOURCES)("from a %s", (source) => {
  test("recheck: measured again, acknowledged with a reaction, no reply", async () => {
    mockToken();
    mockPullForConversation(source, 3);
    mockSizeCheck("", files(3));
    api().post(REACTIONS[source]).reply(201, {});
    await app.probot.receive(commentEvent(source, "/small-steps recheck"));
    expect(posted(REACTIONS[source])).toEqual([{ content: "+1" }]);
    expect(checkRunWrites()[0]).toMatchObject({ conclusion: "success", output: { title: "XS: 3 lines in 3 files" } });
    expect(sent.some((r) => r.path.includes("/comments") && r.method === "POST" && !r.path.includes("reactions"))).toBe(false);
  });

  test("help: a reaction and the list of commands", async () => {
    mockToken();
    mockAppSlug();
    mockPullForConversation(source);
    api().post(REACTIONS[source]).reply(201, {});
    const replyPath = source === "review comment" ? `/repos/${OWNER}/${REPO}/pulls/2/comments/284312630/replies` : COMMENTS;
    mockReplyListing(source);
    api().post(replyPath).reply(201, { id: 1 });
    await app.probot.receive(commentEvent(source, "/small-steps help"));
    expect(posted(replyPath)[0].body).toContain("`/small-steps accept <reason>`");
    expect(posted(replyPath)[0].body).toContain("(or `@small-steps-app <command>`)");
  });

  test("accept by a maintainer turns the failing check green with the audit line", async () => {
    mockToken();
    mockPullForConversation(source, 40);
    mockPermission("maintainer", "maintain");
    mockSizeCheck("mode: block\nlimit: S\ncomments:\n  sticky: off\n", files(40));
    api().post(REACTIONS[source]).reply(201, {});
    await app.probot.receive(commentEvent(source, "/small-steps accept big mechanical rename"));
    const [body] = checkRunWrites();
    expect(body.conclusion).toBe("success");
    expect(body.output.title).toBe("M: 40 lines in 40 files — over the S limit — accepted by @maintainer");
    expect(body.output.summary).toContain("**Accepted by @maintainer: big mechanical rename**");
    expect(body.output.text).toBe(renderRecord({ acceptance: { by: "maintainer", reason: "big mechanical rename", sizeClass: "M", sha: HEAD } }));
    expect(body.actions).toEqual([{ label: "Revoke acceptance", description: "Needs write permission", identifier: "revoke" }]);
  });

  test("revoke by a writer takes the acceptance on record back", async () => {
    mockToken();
    mockPullForConversation(source, 40);
    mockPermission("maintainer", "write");
    const record = renderRecord({ acceptance: { by: "lead", reason: "rename", sizeClass: "M", sha: HEAD } });
    mockSizeCheck("mode: block\nlimit: S\ncomments:\n  sticky: off\n", files(40), {
      checkRunId: 700,
      checkRun: { status: "COMPLETED", conclusion: "SUCCESS", title: "t", summary: "s", text: record },
    });
    api().post(REACTIONS[source]).reply(201, {});
    await app.probot.receive(commentEvent(source, "/small-steps revoke"));
    expect(checkRunWrites()[0]).toMatchObject({ conclusion: "failure", output: { text: renderRecord({}) } });
    expect(posted(REACTIONS[source])).toEqual([{ content: "+1" }]);
  });

  test("explain replies with the breakdown where the command was typed", async () => {
    mockToken();
    mockPullForConversation(source, 2);
    mockSizeCheck("", files(2));
    api().post(REACTIONS[source]).reply(201, {});
    const replyPath = source === "review comment" ? `/repos/${OWNER}/${REPO}/pulls/2/comments/284312630/replies` : COMMENTS;
    mockReplyListing(source);
    api().post(replyPath).reply(201, { id: 1 });
    await app.probot.receive(commentEvent(source, "/small-steps explain"));
    expect(posted(replyPath)[0].body).toContain("#### Every counted file");
  });

  test("split posts the plan in the conversation", async () => {
    mockToken();
    mockPullForConversation(source, 3);
    mockSizeCheck("limit: XS\n", files(3, (i) => ({ filename: `m${i}/f.py`, additions: 5 })));
    api().post(REACTIONS[source]).reply(201, {});
    api().get(COMMENTS).query(true).reply(200, []);
    api().post(COMMENTS).reply(201, { id: 9 });
    await app.probot.receive(commentEvent(source, "/small-steps split"));
    expect(posted(COMMENTS)[0].body).toContain("how to split this pull request");
  });
});

describe("who may accept", () => {
  test.each([
    ["read", false],
    ["triage", false],
    ["write", true],
    ["maintain", true],
    ["admin", true],
  ])("%s permission: accepted=%s", async (role, accepted) => {
    mockToken();
    api().get(`/repos/${OWNER}/${REPO}/pulls/2`).reply(200, { ...pr(), changed_files: 40 });
    mockPermission("someone", role);
    if (accepted) mockSizeCheck("mode: block\nlimit: S\ncomments:\n  sticky: off\n", files(40));
    else mockConfig(OWNER, REPO, "mode: block\nlimit: S\ncomments:\n  sticky: off\n");
    api().post(REACTIONS.conversation).reply(201, {});
    if (!accepted) {
      mockReplyListing("conversation");
    api().post(COMMENTS).reply(201, { id: 1 });
    }
    await app.probot.receive(commentEvent("conversation", "/small-steps accept big rename", "someone"));
    if (accepted) {
      expect(checkRunWrites()[0].conclusion).toBe("success");
      expect(posted(REACTIONS.conversation)).toEqual([{ content: "+1" }]);
    } else {
      expect(checkRunWrites()).toEqual([]);
      expect(posted(REACTIONS.conversation)).toEqual([{ content: "confused" }]);
      expect(posted(COMMENTS)[0].body).toBe(`@someone, accepting or revoking needs **write** permission on this repository (you have ${role}). Nothing was changed.`);
    }
  });

  test("a stricter minimum from config applies", async () => {
    mockToken();
    api().get(`/repos/${OWNER}/${REPO}/pulls/2`).reply(200, pr());
    mockConfig(OWNER, REPO, "accept:\n  permission: admin\n");
    mockPermission("maintainer", "maintain");
    api().post(REACTIONS.conversation).reply(201, {});
    mockReplyListing("conversation");
    api().post(COMMENTS).reply(201, { id: 1 });
    await app.probot.receive(commentEvent("conversation", "/small-steps accept ok"));
    expect(posted(COMMENTS)[0].body).toContain("needs **admin** permission");
  });

  test("authors may not accept their own pull request by default", async () => {
    mockToken();
    api().get(`/repos/${OWNER}/${REPO}/pulls/2`).reply(200, pr());
    mockConfig(OWNER, REPO, "");
    api().post(REACTIONS.conversation).reply(201, {});
    mockReplyListing("conversation");
    api().post(COMMENTS).reply(201, { id: 1 });
    await app.probot.receive(commentEvent("conversation", "/small-steps accept mine", AUTHOR));
    expect(posted(COMMENTS)[0].body).toContain("authors cannot accept their own pull request");
    expect(checkRunWrites()).toEqual([]);
  });

  test("with allowAuthor the author with write permission may", async () => {
    mockToken();
    api().get(`/repos/${OWNER}/${REPO}/pulls/2`).reply(200, { ...pr(), changed_files: 40 });
    mockPermission(AUTHOR, "write");
    mockSizeCheck("limit: S\naccept:\n  allowAuthor: true\n", files(40));
    api().post(REACTIONS.conversation).reply(201, {});
    await app.probot.receive(commentEvent("conversation", "/small-steps accept generated client", AUTHOR));
    expect(checkRunWrites()[0].output.summary).toContain(`Accepted by @${AUTHOR}: generated client`);
  });

  test("an accept without a reason asks for one", async () => {
    mockToken();
    api().get(`/repos/${OWNER}/${REPO}/pulls/2`).reply(200, pr());
    mockConfig(OWNER, REPO, "");
    mockPermission("maintainer", "admin");
    api().post(REACTIONS.conversation).reply(201, {});
    mockReplyListing("conversation");
    api().post(COMMENTS).reply(201, { id: 1 });
    await app.probot.receive(commentEvent("conversation", "/small-steps accept"));
    expect(posted(COMMENTS)[0].body).toContain("Give a reason");
  });
});

describe("what is ignored", () => {
  test("comments by bots, the app itself included, and edited comments", async () => {
    await app.probot.receive(commentEvent("conversation", "/small-steps accept ok", "small-steps[bot]", "Bot"));
    expectIgnored("comment by a bot");
    logs.length = 0;
    await app.probot.receive(commentEvent("review", "/small-steps recheck", "dependabot[bot]", "Bot"));
    expectIgnored("comment by a bot");
    const onIssue = commentEvent("conversation", "/small-steps recheck");
    delete onIssue.payload.issue.pull_request;
    await app.probot.receive(onIssue);
    expectIgnored("comment on an issue, not a pull request");
    await app.probot.receive(commentEvent("conversation", "Looks good to me"));
    expectIgnored("comment without a command");
    // An edited comment has no handler at all: nothing reaches GitHub, matched or not.
    const edited = commentEvent("conversation", "/small-steps recheck");
    await app.probot.receive({ ...edited, payload: { ...edited.payload, action: "edited" } });
    expect(sent).toEqual([]);
    expect(unmatched).toEqual([]);
  });

  test("an unknown command answers with help", async () => {
    mockToken();
    mockAppSlug();
    api().get(`/repos/${OWNER}/${REPO}/pulls/2`).reply(200, pr());
    api().post(REACTIONS.conversation).reply(201, {});
    mockReplyListing("conversation");
    api().post(COMMENTS).reply(201, { id: 1 });
    await app.probot.receive(commentEvent("conversation", "/small-steps frobnicate"));
    expect(posted(REACTIONS.conversation)).toEqual([{ content: "confused" }]);
    expect(posted(COMMENTS)[0].body).toMatch(/^Unknown command `frobnicate`\. \*\*small-steps commands\*\*/);
  });

  test("the app is addressed by its slug, asked of GitHub once", async () => {
    api().get("/app").once().reply(200, { id: 123, slug: "small-steps-app" });
    for (const id of ["m1", "m2"]) {
      mockToken();
      mockPullForConversation("conversation", 1);
      mockSizeCheck("", files(1));
      api().post(REACTIONS.conversation).reply(201, {});
      await app.probot.receive({ ...commentEvent("conversation", "@small-steps-app recheck"), id });
      nock.cleanAll();
    }
    expect(sent.filter((r) => r.path === "/app")).toHaveLength(1);
    expect(sent.filter((r) => r.path.endsWith("/reactions"))).toHaveLength(2);
  });
});

describe("the acceptance lives on the check run", () => {
  const acceptedRecord = (sizeClass = "M") => renderRecord({ acceptance: { by: "maintainer", reason: "big rename", sizeClass: sizeClass as any, sha: "0".repeat(40) } });

  test("kept on /small-steps recheck", async () => {
    mockToken();
    api().get(`/repos/${OWNER}/${REPO}/pulls/2`).reply(200, { ...pr(), changed_files: 40 });
    mockSizeCheck("mode: block\nlimit: S\ncomments:\n  sticky: off\n", files(40), {
      checkRunId: 700,
      checkRun: { status: "COMPLETED", conclusion: "SUCCESS", title: "t", summary: "s", text: acceptedRecord() },
    });
    api().post(REACTIONS.conversation).reply(201, {});
    mockPermission("anyone", "triage");
    await app.probot.receive(commentEvent("conversation", "/small-steps recheck", "anyone"));
    expect(checkRunWrites()[0]).toMatchObject({ conclusion: "success", output: { text: acceptedRecord() } });
  });

  test("kept on redelivery and recheck (the record on this commit's run)", async () => {
    mockToken();
    mockSizeCheck("mode: block\nlimit: S\ncomments:\n  sticky: off\n", files(40), {
      checkRunId: 700,
      checkRun: { status: "COMPLETED", conclusion: "FAILURE", title: "old", summary: "old", text: acceptedRecord() },
    });
    await app.probot.receive({ id: "o", name: "pull_request", payload: { ...examplePayload("pull_request", "opened"), pull_request: { ...pr(), changed_files: 40 } } } as any);
    const [body] = checkRunWrites();
    expect(body.conclusion).toBe("success");
    expect(body.output.text).toBe(acceptedRecord());
  });

  test("carried to a new commit while the pull request stays in the accepted class, dropped when it grows", async () => {
    const BEFORE = "1".repeat(40);
    const push = (changed: number) => {
      const payload = examplePayload("pull_request", "synchronize");
      payload.pull_request = { ...pr(), changed_files: changed };
      payload.repository = repository();
      payload.before = BEFORE;
      payload.after = HEAD;
      return { id: `s${changed}`, name: "pull_request", payload } as any;
    };
    const previous = { status: "COMPLETED", conclusion: "SUCCESS", title: "", summary: "", text: acceptedRecord("M") };

    mockToken();
    let graphql = mockSizeCheck("mode: block\nlimit: S\ncomments:\n  sticky: off\n", files(60));
    // The fake answers `previous` from the same state: it holds the earlier commit's run.
    graphql = mockPreviousRun(previous, graphql);
    await app.probot.receive(push(60));
    expect(graphql[0].variables.previous).toBe(BEFORE);
    expect(checkRunWrites()[0]).toMatchObject({ conclusion: "success" });

    sent.length = 0;
    nock.cleanAll();
    mockSizeCheck("mode: block\nlimit: S\ncomments:\n  sticky: off\n", files(200));
    mockPreviousRun(previous, []);
    await app.probot.receive(push(200));
    const [body] = checkRunWrites();
    expect(body.conclusion).toBe("failure");
    expect(body.output.summary).toContain('The acceptance by @maintainer (for M or smaller: "big rename") no longer holds: the pull request is now L.');
    expect(body.output.text).toBe(renderRecord({}));
    expect(body.actions).toEqual([{ label: "Accept this size", description: "Needs write permission", identifier: "accept" }]);
  });

  test("revoke takes it back", async () => {
    mockToken();
    api().get(`/repos/${OWNER}/${REPO}/pulls/2`).reply(200, { ...pr(), changed_files: 40 });
    mockPermission("maintainer", "write");
    mockSizeCheck("mode: block\nlimit: S\ncomments:\n  sticky: off\n", files(40), {
      checkRunId: 700,
      checkRun: { status: "COMPLETED", conclusion: "SUCCESS", title: "x", summary: "x", text: acceptedRecord() },
    });
    api().post(REACTIONS.conversation).reply(201, {});
    await app.probot.receive(commentEvent("conversation", "/small-steps revoke"));
    const [body] = checkRunWrites();
    expect(body.conclusion).toBe("failure");
    expect(body.output.text).toBe(renderRecord({}));
  });

  test("a forged record in a comment means nothing; an unreadable record is no acceptance", async () => {
    mockToken();
    mockSizeCheck("mode: block\nlimit: S\ncomments:\n  sticky: off\n", files(40), {
      checkRunId: 700,
      checkRun: { status: "COMPLETED", conclusion: "FAILURE", title: "x", summary: "x", text: "<!-- small-steps:record {not json} -->" },
    });
    await app.probot.receive({ id: "o", name: "pull_request", payload: { ...examplePayload("pull_request", "opened"), pull_request: { ...pr(), changed_files: 40 } } } as any);
    expect(checkRunWrites()[0].conclusion).toBe("failure");
  });
});

/** Answer the GraphQL `previous` field with an earlier commit's run (the common fake knows only the head). */
function mockPreviousRun(previous: Record<string, string>, captured: Array<{ query: string; variables: Record<string, any> }>) {
  nock.removeInterceptor({ hostname: "api.github.com", proto: "https", method: "POST", path: "/graphql" });
  api()
    .post("/graphql")
    .reply(200, (_uri, body: any) => {
      captured.push(body);
      const labels = Object.fromEntries(Object.entries(body.variables as Record<string, string>).filter(([k]) => /^l\d+$/.test(k)).map(([k, name]) => [k, { name }]));
      return {
        data: {
          repository: {
            ...labels,
            pullRequest: { headRefOid: HEAD, labels: { nodes: [] } },
            head: { checkSuites: { nodes: [] } },
            previous: { checkSuites: { nodes: [{ app: { databaseId: 123 }, checkRuns: { nodes: [{ databaseId: 1, ...previous }] } }] } },
          },
        },
      };
    });
  return captured;
}

describe("the check run's buttons", () => {
  function action(identifier: string, sender = "maintainer") {
    const payload = examplePayload("check_run", "requested_action");
    payload.repository = repository();
    payload.check_run.app.id = 123;
    payload.check_run.head_sha = HEAD;
    payload.check_run.external_id = "2";
    payload.requested_action = { identifier };
    payload.sender = { ...payload.sender, login: sender, type: "User" };
    return { id: "a", name: "check_run", payload } as any;
  }

  test("accept checks the permission like the command, then accepts", async () => {
    mockToken();
    api().get(`/repos/${OWNER}/${REPO}/pulls/2`).reply(200, { ...pr(), changed_files: 40 });
    mockPermission("maintainer", "maintain");
    mockSizeCheck("mode: block\nlimit: S\ncomments:\n  sticky: off\n", files(40));
    await app.probot.receive(action("accept"));
    expect(checkRunWrites()[0].output.summary).toContain("Accepted by @maintainer: accepted with the check run's button");
  });

  test("a read-only user's button press is refused in the conversation", async () => {
    mockToken();
    api().get(`/repos/${OWNER}/${REPO}/pulls/2`).reply(200, pr());
    mockConfig(OWNER, REPO, "");
    mockPermission("reader", "read");
    mockReplyListing("conversation");
    api().post(COMMENTS).reply(201, { id: 1 });
    await app.probot.receive(action("accept", "reader"));
    expect(posted(COMMENTS)[0].body).toContain("@reader, accepting or revoking needs **write** permission");
    expect(checkRunWrites()).toEqual([]);
  });

  test("an unknown action identifier is ignored", async () => {
    await app.probot.receive(action("delete-everything"));
    expectIgnored("unknown check run action delete-everything");
  });
});

describe("split, explain and the sticky comment", () => {
  // Ten modules of two files and their two tests each, 10 to 16 lines a file: 520 lines, an XL pull request.
  const forty = () =>
    Array.from({ length: 40 }, (_, i): FakeFile => {
      const module = ["billing", "search", "accounts", "reports", "orders", "users", "admin", "mail", "cart", "tax"][Math.floor(i / 4)];
      const unit = `part${i % 2}`;
      const test = i % 4 >= 2;
      return { filename: test ? `tests/${module}/test_${unit}.py` : `src/${module}/${unit}.py`, status: "modified", additions: 10 + (i % 4) * 2, deletions: 0, patch: "@@ -1 +1,2 @@\n a\n+b = 1" };
    });

  test("split on a 40-file pull request proposes parts each under the limit; asking again edits the same comment only when the plan changed", async () => {
    mockToken();
    api().get(`/repos/${OWNER}/${REPO}/pulls/2`).times(2).reply(200, { ...pr(), changed_files: 40 });
    mockSizeCheck("limit: M\n", forty());
    api().post(REACTIONS.conversation).times(2).reply(201, {});
    api().get(COMMENTS).query(true).reply(200, []);
    api().post(COMMENTS).reply(201, { id: 555 });
    await app.probot.receive(commentEvent("conversation", "/small-steps split"));
    const plan: string = posted(COMMENTS)[0].body;
    expect(plan).toMatch(/^<!-- small-steps:split -->/);
    const sizes = [...plan.matchAll(/^\d+\. \*\*(\w+), ([\d,]+) lines\*\*/gm)].map((m) => [m[1], Number(m[2].replace(",", ""))]);
    expect(sizes.length).toBeGreaterThan(1);
    for (const [sizeClass, lines] of sizes) {
      expect(["XS", "S", "M"]).toContain(sizeClass);
      expect(lines).toBeLessThan(100);
    }
    expect(sizes.reduce((sum, [, lines]) => sum + (lines as number), 0)).toBe(520);
    // A module's tests stay with its code.
    const billingPart = plan.split(/\n(?=\d+\. )/).find((p) => p.includes("src/billing/part0.py"))!;
    expect(billingPart).toContain("tests/billing/test_part0.py");
    expect(billingPart).toContain("tests/billing/test_part1.py");

    // Asked again with nothing changed: the plan is the same, so the comment is not edited (the reaction answers).
    const ours = { id: 555, body: plan, user: { login: "small-steps[bot]", type: "Bot" }, performed_via_github_app: { id: 123 } };
    mockSizeCheck("limit: M\n", forty());
    api().get(COMMENTS).query(true).reply(200, [ours]);
    await app.probot.receive(commentEvent("conversation", "/small-steps split"));
    expect(posted(COMMENTS)).toHaveLength(1);
    expect(sent.filter((r) => r.method === "PATCH" && r.path.includes("/comments/"))).toEqual([]);
    expect(posted(REACTIONS.conversation)).toEqual([{ content: "+1" }, { content: "+1" }]);

    // After a push that changes the plan, the same comment is edited.
    nock.cleanAll(); // the optional file-list mocks above would answer again
    api().get(`/repos/${OWNER}/${REPO}/pulls/2`).reply(200, { ...pr(), changed_files: 41 });
    api().post(REACTIONS.conversation).reply(201, {});
    mockSizeCheck("limit: M\n", [...forty(), { filename: "src/new/feature.py", status: "added", additions: 30, deletions: 0, patch: "@@ -0,0 +1 @@\n+x" }]);
    api().get(COMMENTS).query(true).reply(200, [ours]);
    api().patch(`/repos/${OWNER}/${REPO}/issues/comments/555`).reply(200, { id: 555 });
    await app.probot.receive(commentEvent("conversation", "/small-steps split"));
    expect(posted(COMMENTS)).toHaveLength(1);
    const edits = sent.filter((r) => r.method === "PATCH" && r.path.endsWith("/comments/555"));
    expect(edits).toHaveLength(1);
    expect(edits[0].body.body).toContain("src/new/feature.py");
  });

  test("explain replies with the full breakdown", async () => {
    mockToken();
    api().get(`/repos/${OWNER}/${REPO}/pulls/2`).reply(200, { ...pr(), changed_files: 2 });
    mockSizeCheck("", [
      { filename: "app.py", status: "modified", additions: 3, deletions: 1, patch: "@@ -1 +1,3 @@\n-a\n+b\n+c\n+d" },
      { filename: "yarn.lock", status: "modified", additions: 300, deletions: 20 },
    ]);
    api().post(REACTIONS.conversation).reply(201, {});
    mockReplyListing("conversation");
    api().post(COMMENTS).reply(201, { id: 1 });
    await app.probot.receive(commentEvent("conversation", "/small-steps explain"));
    const body = posted(COMMENTS)[0].body;
    expect(body).toContain("#### Every counted file");
    expect(body).toContain("| `app.py` | 3 | 1 | 4 |");
    expect(body).toContain("Not counted, by reason: lock file: 1.");
  });

  test("the sticky comment is posted when the pull request first goes over, edited after, and says when it is back under", async () => {
    const block = "mode: block\nlimit: S\n";
    mockToken();
    mockSizeCheck(block, files(40));
    api().get(COMMENTS).query(true).reply(200, []);
    api().post(COMMENTS).reply(201, { id: 901 });
    await app.probot.receive({ id: "o", name: "pull_request", payload: { ...examplePayload("pull_request", "opened"), pull_request: { ...pr(), changed_files: 40 } } } as any);
    expect(posted(COMMENTS)[0].body).toContain("how to split this pull request");
    const record = checkRunWrites()[0].output.text;
    expect(record).toContain('"sticky":{"id":901,"status":"over"');

    // Same commit, same result: the comment is not touched again.
    sent.length = 0;
    nock.cleanAll();
    mockSizeCheck(block, files(40), { checkRunId: 700, checkRun: { status: "COMPLETED", conclusion: "FAILURE", title: "t", summary: "s", text: record } });
    await app.probot.receive({ id: "o2", name: "pull_request", payload: { ...examplePayload("pull_request", "opened"), pull_request: { ...pr(), changed_files: 40 } } } as any);
    expect(sent.filter((r) => r.path.includes("/comments"))).toEqual([]);

    // Back under the limit: the same comment says so.
    sent.length = 0;
    nock.cleanAll();
    mockSizeCheck(block, files(5), { checkRunId: 700, checkRun: { status: "COMPLETED", conclusion: "FAILURE", title: "t", summary: "s", text: record } });
    api().patch(`/repos/${OWNER}/${REPO}/issues/comments/901`).reply(200, { id: 901 });
    await app.probot.receive({ id: "o3", name: "pull_request", payload: { ...examplePayload("pull_request", "opened"), pull_request: { ...pr(), changed_files: 5 } } } as any);
    const update = sent.find((r) => r.method === "PATCH" && r.path.endsWith("/comments/901"))!.body;
    expect(update.body).toContain("back within the limit");
    expect(posted(COMMENTS)).toEqual([]);
    expect(checkRunWrites()[0].output.text).toContain('"status":"under"');
  });
  test("the sticky comment tells the truth through accept, revoke and a push that grows the pull request", async () => {
    const block = "mode: block\nlimit: S\n";
    const over = renderRecord({ sticky: { id: 901, status: "over", hash: "x" } });
    const run = (text: string) => ({ checkRunId: 700, checkRun: { status: "COMPLETED", conclusion: "FAILURE", title: "t", summary: "s", text } });
    const stickyEdit = () => sent.find((r) => r.method === "PATCH" && r.path.endsWith("/comments/901"))!.body.body as string;
    const step = (changed: number) => {
      sent.length = 0;
      nock.cleanAll();
      api().get(`/repos/${OWNER}/${REPO}/pulls/2`).optionally().reply(200, { ...pr(), changed_files: changed });
      api().post(REACTIONS.conversation).optionally().reply(201, {});
      api().patch(`/repos/${OWNER}/${REPO}/issues/comments/901`).reply(200, { id: 901 });
    };

    // Accepted: says who, why, the class and the limit, and what takes it away. Never "back within the limit".
    step(40);
    mockToken();
    mockPermission("maintainer", "maintain");
    mockSizeCheck(block, files(40), run(over));
    await app.probot.receive(commentEvent("conversation", "/small-steps accept big rename"));
    const accepted = stickyEdit();
    expect(accepted).toContain('Accepted over the limit by @maintainer: "big rename"');
    expect(accepted).toContain("**M** (40 counted lines; the limit is **S**)");
    expect(accepted).toContain("A push that makes it larger than **M** takes the acceptance away");
    expect(accepted).not.toContain("within the limit");
    const acceptedRecord = checkRunWrites()[0].output.text;
    expect(acceptedRecord).toContain('"status":"accepted"');

    // Revoked: over again, with the split plan.
    step(40);
    mockPermission("maintainer", "maintain");
    mockSizeCheck(block, files(40), run(acceptedRecord));
    await app.probot.receive(commentEvent("conversation", "/small-steps revoke"));
    expect(stickyEdit()).toContain("how to split this pull request");
    expect(checkRunWrites()[0].output.text).toContain('"status":"over"');

    // Accepted again, then a push makes it larger than the accepted class: over again.
    step(40);
    mockPermission("maintainer", "maintain");
    mockSizeCheck(block, files(40), run(over));
    await app.probot.receive(commentEvent("conversation", "/small-steps accept big rename"));
    const again = checkRunWrites()[0].output.text;
    step(600);
    mockSizeCheck(block, files(600), run(again));
    const payload = examplePayload("pull_request", "synchronize");
    payload.pull_request = { ...pr(), changed_files: 600 };
    payload.repository = repository();
    payload.before = HEAD;
    await app.probot.receive({ id: "push", name: "pull_request", payload } as any);
    expect(stickyEdit()).toContain("how to split this pull request");
    expect(checkRunWrites()[0].output.text).toContain('"status":"over"');
  });

  test.each(["help", "explain"])("a repeated %s whose reply would not change writes no comment; the reaction still answers", async (command) => {
    const ours = (body: string) => ({ id: 77, body, user: { login: "small-steps[bot]", type: "Bot" }, performed_via_github_app: { id: 123 } });
    mockToken();
    if (command === "help") mockAppSlug();
    api().get(`/repos/${OWNER}/${REPO}/pulls/2`).times(2).reply(200, { ...pr(), changed_files: 2 });
    if (command === "explain") mockSizeCheck("", files(2));
    api().post(REACTIONS.conversation).times(2).reply(201, {});
    mockReplyListing("conversation");
    api().post(COMMENTS).reply(201, { id: 77 });
    await app.probot.receive(commentEvent("conversation", `/small-steps ${command}`));
    const [first] = posted(COMMENTS);
    // A person's comment quoting the same text, posted after ours, is not ours: ours is still the latest reply.
    if (command === "explain") mockSizeCheck("", files(2));
    mockReplyListing("conversation", [ours(first.body), { id: 78, body: first.body, user: { login: "someone", type: "User" } }]);
    await app.probot.receive(commentEvent("conversation", `/small-steps ${command}`));
    expect(posted(COMMENTS)).toHaveLength(1);
    expect(posted(REACTIONS.conversation)).toEqual([{ content: "+1" }, { content: "+1" }]);
  });

  test("a person's comment that carries the app's hidden marker is never edited by the app", async () => {
    mockToken();
    api().get(`/repos/${OWNER}/${REPO}/pulls/2`).reply(200, { ...pr(), changed_files: 3 });
    mockSizeCheck("limit: XS\n", files(3, (i) => ({ filename: `m${i}/f.py`, additions: 5 })));
    api().post(REACTIONS.conversation).reply(201, {});
    api().get(COMMENTS).query(true).reply(200, [{ id: 31, body: "<!-- small-steps:split -->\nmy own notes", user: { login: "mallory", type: "User" } }]);
    api().post(COMMENTS).reply(201, { id: 32 });
    await app.probot.receive(commentEvent("conversation", "/small-steps split"));
    expect(sent.filter((r) => r.method === "PATCH")).toEqual([]);
    expect(posted(COMMENTS)[0].body).toContain("how to split this pull request");
  });
});

describe("commands an outsider types", () => {
  test("recheck by someone with no role who is not the author is refused, and nothing is measured", async () => {
    mockToken();
    mockPullForConversation("conversation");
    mockPermission("stranger", "read");
    api().post(REACTIONS.conversation).reply(201, {});
    mockReplyListing("conversation");
    api().post(COMMENTS).reply(201, { id: 1 });
    await app.probot.receive(commentEvent("conversation", "/small-steps recheck", "stranger"));
    expect(posted(REACTIONS.conversation)).toEqual([{ content: "confused" }]);
    expect(posted(COMMENTS)[0].body).toBe("@stranger, `/small-steps recheck` needs **triage** permission on this repository, or to be the pull request's author. Nothing was run.");
    expect(sent.some((r) => r.path.includes("small-steps.yml") || r.path.includes("check-runs"))).toBe(false);
  });

  test("an unknown command is echoed in a code span it cannot close: no team is mentioned, no HTML", async () => {
    mockToken();
    mockAppSlug();
    mockPullForConversation("conversation");
    api().post(REACTIONS.conversation).reply(201, {});
    mockReplyListing("conversation");
    api().post(COMMENTS).reply(201, { id: 1 });
    await app.probot.receive(commentEvent("conversation", "/small-steps x`@octo-org/admins`<img>", "stranger"));
    const body = posted(COMMENTS)[0].body as string;
    expect(body).toMatch(/^Unknown command `` x`@octo-org\/admins`<img> ``\. /);
  });

  test("more than six commands on one pull request in ten minutes: one answer saying when, then silence", async () => {
    mockToken(); // the installation's token and the app's slug are asked once
    mockAppSlug();
    for (let i = 0; i < 8; i++) {
      mockPullForConversation("conversation");
      if (i < 7) api().post(REACTIONS.conversation).reply(201, {});
      if (i < 7) mockReplyListing("conversation");
      if (i < 7) api().post(COMMENTS).reply(201, { id: i });
      await app.probot.receive({ ...commentEvent("conversation", "/small-steps help"), id: `h${i}` });
    }
    const replies = posted(COMMENTS).map((b) => b.body as string);
    expect(replies).toHaveLength(7);
    expect(replies[6]).toBe("Too many small-steps commands on this pull request: try again in 10 minutes.");
  });
});
