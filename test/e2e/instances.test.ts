import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createHmac, generateKeyPairSync } from "node:crypto";
import { createRequire } from "node:module";
import { startFakeGitHub, type FakeGitHubState } from "./fake-github.js";
import { freePort, listening, startApp, waitFor } from "./process.js";

/**
 * Several instances behind one load balancer, coordinating through a real Redis (Debian's redis-server, started
 * here on a free loopback port; `.ci/run` installs it): the same signed delivery given to two `npm start`
 * processes at the same instant, 20 times over, gives one check run per head commit and one size label.
 */
const SECRET = "instances-secret";
const require = createRequire(import.meta.url);
const example = (require("@octokit/webhooks-examples/api.github.com/index.json") as any[]).find((e) => e.name === "pull_request").examples.find((x: any) => x.action === "opened");
const sign = (body: string) => `sha256=${createHmac("sha256", SECRET).update(body).digest("hex")}`;
const children: ChildProcess[] = [];
let fake: Awaited<ReturnType<typeof startFakeGitHub>> | undefined;

afterAll(async () => {
  for (const child of children) child.kill("SIGKILL");
  await new Promise((resolve) => fake?.server.close(resolve));
});

async function startRedis(): Promise<{ url: string; child: ChildProcess }> {
  const found = spawnSync("redis-server", ["--version"], { encoding: "utf8" });
  if (found.status !== 0) throw new Error("redis-server is not installed: `apt-get install -y redis-server` (.ci/run does it)");
  const port = await freePort();
  const child = spawn("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], { stdio: "ignore" });
  children.push(child);
  await waitFor("redis to listen", () => (spawnSync("redis-cli", ["-p", String(port), "ping"], { encoding: "utf8" }).stdout.trim() === "PONG" ? true : undefined));
  return { url: `redis://127.0.0.1:${port}`, child };
}

test("two instances with one Redis, given the same delivery at the same instant 20 times: one check run each time; Redis stopped: both keep working", async () => {
  const redis = await startRedis();
  const state: FakeGitHubState = {
    files: [{ filename: "app.py", status: "modified", additions: 3, deletions: 1, patch: "@@ -1 +1,3 @@\n-a\n+b\n+c\n+d" }],
    headSha: example.pull_request.head.sha,
    checkRuns: [],
    repositoryLabels: [],
    issueLabels: [],
    requests: [],
    latencyMs: 15,
  };
  fake = await startFakeGitHub(state);
  const privateKey = generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({ type: "pkcs1", format: "pem" }).toString();
  const ports = [await freePort(), await freePort()];
  const instances = ports.map((port) =>
    startApp({ APP_ID: "1", PRIVATE_KEY: privateKey, WEBHOOK_SECRET: SECRET, PORT: String(port), HOST: "127.0.0.1", GHE_HOST: fake!.host, GHE_PROTOCOL: "http", REDIS_URL: redis.url, REDIS_AWAY_WAIT_SECONDS: "3", LOG_LEVEL: "warn", NODE_ENV: "production" }),
  );
  children.push(...instances.map((i) => i.child));
  await Promise.all(ports.map(listening));

  const deliverToBoth = async (sha: string, id: string) => {
    const payload = JSON.stringify({ ...example, pull_request: { ...example.pull_request, head: { ...example.pull_request.head, sha } }, installation: { id: 99 } });
    const headers = { "content-type": "application/json", "x-github-event": "pull_request", "x-github-delivery": id, "x-hub-signature-256": sign(payload) };
    return Promise.all(ports.map((port) => fetch(`http://127.0.0.1:${port}/api/github/webhooks`, { method: "POST", headers, body: payload }).then((r) => r.status)));
  };
  const shas = Array.from({ length: 20 }, (_, i) => `${String(i).padStart(2, "0")}${"a".repeat(38)}`);
  for (const [i, sha] of shas.entries()) {
    state.headSha = sha;
    expect(await deliverToBoth(sha, `round-${i}`)).toEqual([202, 202]);
  }
  const runsPer = (sha: string) => state.checkRuns.filter((r) => r.body.head_sha === sha).length;
  const completed = (sha: string) => state.checkRuns.some((r) => r.body.head_sha === sha && r.body.status === "completed");
  await waitFor("a check run on every commit", () => (shas.every(completed) ? true : undefined), 60_000);
  await new Promise((resolve) => setTimeout(resolve, 1000)); // a second run, if any, would land now
  expect(shas.map(runsPer)).toEqual(Array(20).fill(1));
  expect(state.issueLabels).toEqual(["size/XS"]);
  expect(state.repositoryLabels.map((l) => l.name)).toEqual(["size/XS"]);
  const redisUp = async (port: number) => /^small_steps_redis_up (\d)$/m.exec(await (await fetch(`http://127.0.0.1:${port}/metrics`)).text())?.[1];
  expect(await Promise.all(ports.map(redisUp))).toEqual(["1", "1"]);

  // Redis goes away: each instance waits a bounded time for it to come back (a restart), then goes on alone.
  redis.child.kill("SIGKILL");
  await new Promise((resolve) => setTimeout(resolve, 2000));
  const after = ["b".repeat(40), "c".repeat(40)];
  for (const [i, sha] of after.entries()) {
    state.headSha = sha;
    const statuses = await deliverToBoth(sha, `after-${i}`);
    expect(statuses).toEqual([202, 202]);
    await waitFor("a check run without Redis", () => (runsPer(sha) >= 1 ? true : undefined), 60_000);
  }
  expect(instances.map((i) => i.child.exitCode)).toEqual([null, null]);
  expect(await Promise.all(ports.map(redisUp))).toEqual(["0", "0"]);
}, 180_000);
