// @ts-nocheck
import type { ChildProcess } from "node:child_process";
import { createHmac, generateKeyPairSync } from "node:crypto";
import { createRequire } from "node:module";
import { startFakeGitHub, type FakeGitHubState } from "./fake-github.js";
import { freePort, listening, startApp, waitFor } from "./process.js";

/** A deploy sends SIGTERM in the middle of a delivery: the delivery finishes (its check run completed), then the process exits. */
const SECRET = "shutdown-secret";
const require = createRequire(import.meta.url);
const example = (require("@octokit/webhooks-examples/api.github.com/index.json") as any[]).find((e) => e.name === "pull_request").examples.find((x: any) => x.action === "opened");
let app: ChildProcess | undefined;
let github: Awaited<ReturnType<typeof startFakeGitHub>> | undefined;
afterAll(async () => {
  app?.kill("SIGKILL");
  await new Promise((resolve) => (github?.server.listening ? github.server.close(resolve) : resolve(undefined)));
});

test("SIGTERM during a delivery: no new deliveries are taken, the one in flight completes its check run, the process exits 0", async () => {
  const state: FakeGitHubState = { files: [{ filename: "a.py", status: "modified", additions: 2, deletions: 0, patch: "@@ -1 +1,3 @@\n a\n+b\n+c" }], headSha: example.pull_request.head.sha, checkRuns: [], repositoryLabels: [], issueLabels: [], requests: [], latencyMs: 400 };
  github = await startFakeGitHub(state);
  const port = await freePort();
  const privateKey = generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({ type: "pkcs1", format: "pem" }).toString();
  const started = startApp({ APP_ID: "1", PRIVATE_KEY: privateKey, WEBHOOK_SECRET: SECRET, PORT: String(port), HOST: "127.0.0.1", GHE_HOST: github.host, GHE_PROTOCOL: "http", LOG_LEVEL: "warn", NODE_ENV: "production" });
  app = started.child;
  await listening(port);
  const payload = JSON.stringify({ ...example, installation: { id: 99 } });
  const delivery = fetch(`http://127.0.0.1:${port}/api/github/webhooks`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-github-event": "pull_request", "x-github-delivery": "in-flight", "x-hub-signature-256": `sha256=${createHmac("sha256", SECRET).update(payload).digest("hex")}` },
    body: payload,
  }).catch(() => undefined);
  await waitFor("the delivery to be under way", () => (state.requests.length > 0 ? true : undefined));
  const exited = new Promise<number | null>((resolve) => app!.once("exit", (code) => resolve(code)));
  app.kill("SIGTERM");
  expect(await exited).toBe(0);
  await delivery;
  expect(state.checkRuns).toHaveLength(1);
  expect(state.checkRuns[0].body).toMatchObject({ status: "completed", conclusion: "success" });
  expect(started.output()).toContain("all deliveries finished: exiting");
  // Nothing listens any more.
  await expect(fetch(`http://127.0.0.1:${port}/ping`)).rejects.toThrow();
}, 60_000);
