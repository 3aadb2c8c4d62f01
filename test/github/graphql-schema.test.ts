import { readFileSync } from "node:fs";
import { buildClientSchema, getVariableValues, parse, validate, type OperationDefinitionNode } from "graphql";
import nock from "nock";
import { ProbotOctokit } from "probot";
import type { GitHub } from "../../src/github/client.js";
import { readPullRequestState } from "../../src/github/pull-request-state.js";

/**
 * nock answers whatever we send, so a query GitHub would reject could pass every other test. Here each query the
 * app builds is checked against GitHub's published GraphQL schema (@octokit/graphql-schema), variables included.
 */
const schemaPath = new URL("../../node_modules/@octokit/graphql-schema/schema.json", import.meta.url);
const introspection = JSON.parse(readFileSync(schemaPath, "utf8"));
const schema = buildClientSchema(introspection.data ?? introspection);

function check(query: string, variables: Record<string, unknown>) {
  const document = parse(query);
  expect(validate(schema, document).map((e) => e.message)).toEqual([]);
  const operation = document.definitions[0] as OperationDefinitionNode;
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables);
  expect(coerced.errors?.map((e) => e.message)).toBeUndefined();
}

test("the pull request state query, with every part, is valid against GitHub's schema", async () => {
  nock.disableNetConnect();
  const sentQueries: Array<{ query: string; variables: Record<string, unknown> }> = [];
  nock("https://api.github.com")
    .post("/graphql")
    .times(3)
    .reply(200, (_uri, body: any) => {
      sentQueries.push(body);
      return { data: { repository: { pullRequest: null, head: null, previous: null } } };
    });
  const github = new ProbotOctokit({ auth: { token: "t" } }) as unknown as GitHub;
  const gitattributesPaths = Array.from({ length: 150 }, (_, i) => `dir${i}/.gitattributes`);
  await readPullRequestState(github, {
    owner: "o",
    repo: "r",
    pullNumber: 1,
    baseSha: "a".repeat(40),
    headSha: "b".repeat(40),
    previousSha: "c".repeat(40),
    gitattributesPaths,
    manifestPaths: ["requirements.txt", "pyproject.toml"],
    headPaths: ["api/client.go", "app/models.py"],
    basePaths: ["app/models.py", "app/old_name.py"],
    sizePaths: ["data/blob.json"],
    labelNames: ["size/XS", "migration"],
    checkName: "small-steps",
    appId: 123,
  });
  await readPullRequestState(github, { owner: "o", repo: "r", pullNumber: 1, baseSha: "a".repeat(40), headSha: "b".repeat(40), gitattributesPaths: [".gitattributes"], labelNames: [], checkName: "small-steps" });
  nock.cleanAll();
  expect(sentQueries).toHaveLength(3); // 150 candidate folders: 100 in the first query, 50 in a second; then the short one
  for (const { query, variables } of sentQueries) check(query, variables);
});

test("the campaign's file read and its verified commit are valid against GitHub's schema", async () => {
  const { readFilesAt, writeVerifiedCommit } = await import("../../src/github/git-data.js");
  nock.disableNetConnect();
  const sent: Array<{ query: string; variables: Record<string, unknown> }> = [];
  const api = nock("https://api.github.com");
  api.post("/graphql").times(2).reply(200, (_uri, body: any) => {
    sent.push(body);
    return String(body.query).startsWith("mutation") ? { data: { createCommitOnBranch: { commit: { oid: "c".repeat(40) } } } } : { data: { repository: {} } };
  });
  api.post("/repos/o/r/git/refs").reply(201, {});
  const github = new ProbotOctokit({ auth: { token: "t" } }) as unknown as GitHub;
  await readFilesAt(github, { owner: "o", repo: "r" }, "a".repeat(40), ["app/x.py", "top.py"]);
  const oid = await writeVerifiedCommit(github, { owner: "o", repo: "r" }, { branch: "small-steps/fix/r/app", parent: "a".repeat(40), files: new Map([["app/x.py", { text: "print('é')\n", mode: "100644" }]]), message: "Title\n\nBody" });
  expect(oid).toBe("c".repeat(40));
  expect(sent).toHaveLength(2);
  for (const { query, variables } of sent) check(query, variables);
  const input = (sent[1]!.variables as any).input;
  expect(input).toMatchObject({ expectedHeadOid: "a".repeat(40), message: { headline: "Title", body: "Body" }, branch: { repositoryNameWithOwner: "o/r", branchName: "small-steps/fix/r/app" } });
  expect(Buffer.from(input.fileChanges.additions[0].contents, "base64").toString("utf8")).toBe("print('é')\n");
  nock.cleanAll();
});
