import { spawn, type ChildProcess } from "node:child_process";
import { createHmac, generateKeyPairSync } from "node:crypto";
import { createRequire } from "node:module";
import { startFakeGitHub, type FakeGitHubState } from "./fake-github.js";
import { freePort, waitFor } from "./process.js";

/**
 * The whole path as deployed: `npm start` (node lib/server.js, built by `npm run build`) receives a signed
 * webhook over HTTP and talks to a GitHub Enterprise Server given by GHE_HOST, here a fake one on loopback.
 */
const SECRET = "e2e-secret";
const require = createRequire(import.meta.url);
const example = (require("@octokit/webhooks-examples/api.github.com/index.json") as any[])
  .find((e) => e.name === "pull_request")
  .examples.find((x: any) => x.action === "opened");

function sign(body: string, secret = SECRET) {
  return `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`;
}

let app: ChildProcess | undefined;
let output = "";
let github: Awaited<ReturnType<typeof startFakeGitHub>> | undefined;
afterAll(async () => {
  app?.kill("SIGKILL");
  await new Promise((resolve) => (github?.server.listening ? github.server.close(resolve) : resolve(undefined)));
});

test("a signed pull_request.opened webhook gives one check run and one label; a redelivery changes nothing", async () => {
  const state: FakeGitHubState = {
    files: [
      { filename: "src/app.py", status: "modified", additions: 40, deletions: 8, patch: "@@ -1 +1 @@\n-a\n+b" },
      { filename: "package-lock.json", status: "modified", additions: 5000, deletions: 100 },
    ],
    headSha: example.pull_request.head.sha,
    checkRuns: [],
    repositoryLabels: [],
    issueLabels: [],
    requests: [],
  };
  github = await startFakeGitHub(state);
  const port = await freePort();
  const privateKey = generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({ type: "pkcs1", format: "pem" }).toString();
  app = spawn(process.execPath, ["lib/server.js"], {
    env: { PATH: process.env.PATH, APP_ID: "1", PRIVATE_KEY: privateKey, WEBHOOK_SECRET: SECRET, PORT: String(port), HOST: "127.0.0.1", GHE_HOST: github.host, GHE_PROTOCOL: "http", LOG_LEVEL: "info", LOG_FORMAT: "json", NODE_ENV: "production", METRICS_TOKEN: "metrics-secret" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  app.stdout!.on("data", (d) => (output += d));
  app.stderr!.on("data", (d) => (output += d));
  const url = `http://127.0.0.1:${port}/api/github/webhooks`;
  await waitFor("the app to listen", async () => {
    try {
      return (await fetch(`http://127.0.0.1:${port}/ping`)).status ? true : undefined;
    } catch {
      return undefined;
    }
  });

  const payload = JSON.stringify({ ...example, installation: { id: 99 } });
  const deliver = (id: string, signature = sign(payload)) =>
    fetch(url, { method: "POST", body: payload, headers: { "content-type": "application/json", "x-github-event": "pull_request", "x-github-delivery": id, "x-hub-signature-256": signature } });

  const forged = await deliver("forged", sign(payload, "wrong-secret"));
  expect(forged.status).toBe(400);
  // Malformed or truncated payloads, correctly signed, are refused with 400; the server goes on serving.
  for (const broken of [payload.slice(0, payload.length / 2), "not json at all", ""]) {
    const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json", "x-github-event": "pull_request", "x-github-delivery": "broken", "x-hub-signature-256": sign(broken) }, body: broken });
    expect(response.status).toBe(400);
  }
  expect((await fetch(`http://127.0.0.1:${port}/ping`)).status).toBe(200);
  expect(state.checkRuns).toHaveLength(0);

  // Acknowledged at once (202), then handled.
  expect((await deliver("d-1")).status).toBe(202);
  await waitFor("the label", () => (state.issueLabels.length ? true : undefined));
  expect(state.checkRuns).toHaveLength(1);
  expect(state.checkRuns[0].body).toMatchObject({
    name: "small-steps",
    head_sha: example.pull_request.head.sha,
    status: "completed",
    conclusion: "success",
    output: { title: "M: 48 lines in 1 file" },
  });
  expect(state.issueLabels).toEqual(["size/M"]);
  expect(state.repositoryLabels).toEqual([{ name: "size/M", color: "7f7203", description: "small-steps: a M pull request" }]);

  // A redelivery (the same delivery id) was handled already: nothing is read or written again.
  const before = state.requests.length;
  expect((await deliver("d-1")).status).toBe(202);
  await waitFor("the redelivery to be left", () => (output.includes('"reason":"delivery already handled (by this or another instance)"') ? true : undefined));
  expect(state.requests.slice(before).filter((r) => !r.path.endsWith("/access_tokens"))).toEqual([]);
  expect(state.checkRuns).toHaveLength(1);
  // A new delivery of the same event (another id) reads, compares, and writes nothing: the run already shows it.
  expect((await deliver("d-2")).status).toBe(202);
  await waitFor("the second delivery to be handled", () => (output.split("size check published").length === 3 ? true : undefined));
  const writes = state.requests.slice(before).filter((r) => r.method !== "GET" && r.path !== "/api/graphql" && !r.path.endsWith("/access_tokens"));
  expect(writes).toEqual([]);
  expect(state.requests.slice(before).map((r) => `${r.method} ${r.path}`)).toContain("POST /api/graphql");
  expect(state.checkRuns).toHaveLength(1);
  expect(state.issueLabels).toEqual(["size/M"]);
  expect(output).toContain('"id":"d-1"');
  // Every log line of the delivery carries its id, the repository, the pull request and the SHA.
  const published = output.split("\n").find((line) => line.includes("size check published"))!;
  expect(JSON.parse(published)).toMatchObject({ id: "d-1", repo: example.repository.full_name, pr: example.pull_request.number, sha: example.pull_request.head.sha });

  // /metrics, behind METRICS_TOKEN.
  const metricsUrl = `http://127.0.0.1:${port}/metrics`;
  expect((await fetch(metricsUrl)).status).toBe(401);
  expect((await fetch(metricsUrl, { headers: { authorization: "Bearer wrong-token" } })).status).toBe(401);
  const metrics = await fetch(metricsUrl, { headers: { authorization: "Bearer metrics-secret" } });
  expect(metrics.status).toBe(200);
  const text = await metrics.text();
  expect(text).toMatch(/^small_steps_deliveries_total\{event="pull_request",outcome="ok"\} 2$/m);
  expect(text).toMatch(/^small_steps_deliveries_total\{event="pull_request",outcome="ignored"\} 1$/m);
  expect(text).toMatch(/^small_steps_check_runs_total\{conclusion="success"\} 1$/m);
  expect(text).toMatch(/^small_steps_analysis_seconds_count 2$/m);
  expect(text).toMatch(/^small_steps_github_requests_total\{status="201"\} [1-9]/m);
  expect(text).toMatch(/^small_steps_github_rate_limit_remaining \d+$/m);
  expect(text).toMatch(/^# TYPE small_steps_pypi_lookups_total counter$/m);
  expect(text).toMatch(/^small_steps_redis_up 0$/m); // no REDIS_URL here
  // The request log names the path, never a header: the token appears nowhere in the output.
  await waitFor("the request log line of /metrics", () => (output.includes('"path":"/metrics"') ? true : undefined));
  expect(output).not.toContain("metrics-secret");
}, 60000);
