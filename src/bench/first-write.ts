import { generateKeyPairSync } from "node:crypto";
import nock from "nock";
import { Probot } from "probot";
import smallSteps from "../app/index.js";
import { smallStepsOctokit } from "../github/octokit.js";

/**
 * How long the first content write (the check run) waits after the state query, with the real pacing on (request-pacing.ts) and
 * GitHub replaced by nock (a dev dependency: the bench is a dev tool). GitHub asks for a second between writes,
 * not between a read and a write.
 */
export async function benchFirstWrite(): Promise<void> {
  nock.disableNetConnect();
  const api = "https://api.github.com";
  const privateKey = generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({ type: "pkcs1", format: "pem" }).toString();
  const probot = new Probot({ appId: 123, privateKey, logLevel: "fatal", Octokit: smallStepsOctokit({}) });
  await probot.load(smallSteps);
  const at: Record<string, number> = {};
  const t0 = performance.now();
  const stamp = (name: string, status: number, body: unknown) => () => ((at[name] = performance.now() - t0), [status, body]) as [number, unknown];
  const sha = "ec26c3e57ca3a959ca5aad62de7213c562f8c821";
  nock(api).post("/app/installations/1/access_tokens").reply(stamp("token", 201, { token: "t" }));
  nock(api).get("/repos/o/r/contents/.github%2Fsmall-steps.yml").reply(404, { message: "Not Found" });
  nock(api).get("/repos/o/.github/contents/.github%2Fsmall-steps.yml").reply(404, { message: "Not Found" });
  nock(api).get("/repos/o/r/pulls/1/files").query(true).reply(200, [{ filename: "a.py", status: "modified", additions: 1, deletions: 0, patch: "@@ -1 +1,2 @@\n a\n+b" }]);
  nock(api).post("/graphql").reply(stamp("state query", 200, { data: { repository: { pullRequest: { headRefOid: sha, labels: { nodes: [] } }, head: null } } }));
  nock(api).post("/repos/o/r/check-runs").reply(stamp("check run", 201, { id: 1 }));
  nock(api).post("/repos/o/r/labels").optionally().reply(201, {});
  nock(api).post("/repos/o/r/issues/1/labels").optionally().reply(200, []);
  const repository = { name: "r", full_name: "o/r", owner: { login: "o" }, default_branch: "main", html_url: "https://github.com/o/r" };
  const pullRequest = { number: 1, state: "open", draft: false, changed_files: 1, user: { type: "User", login: "u" }, head: { sha }, base: { sha: "b".repeat(40), ref: "main", repo: repository } };
  await probot.receive({ id: "bench", name: "pull_request", payload: { action: "opened", pull_request: pullRequest, repository, installation: { id: 1 } } } as never);
  nock.cleanAll();
  nock.enableNetConnect();
  console.log(`first write: the check run ${(at["check run"] - at["state query"]).toFixed(0)} ms after the state query (${(at["check run"] - at.token).toFixed(0)} ms after the token), pacing on`);
}
