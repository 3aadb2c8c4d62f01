import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createHmac, generateKeyPairSync } from "node:crypto";
import { createWriteStream, mkdtempSync, readFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { DeliveryPlan, seeded, type Delivery } from "./plan.js";
import { StandIn } from "./stand-in.js";

/**
 * `npm run load`: N instances of `npm start` (node lib/server.js) on one real redis-server, against the stand-in for
 * GitHub, given deliveries at a steady rate (each to every instance at once, some redelivered later), with GitHub's
 * faults injected; optionally Redis killed and restarted empty, and an instance killed and restarted, halfway. Then it
 * waits for the check runs owed and prints: lost, duplicated, latency percentiles, requests per delivery, memory.
 */
const { values: args } = parseArgs({
  options: {
    deliveries: { type: "string", default: "1000" },
    seconds: { type: "string", default: "600" },
    instances: { type: "string", default: "2" },
    repositories: { type: "string", default: "50" },
    pulls: { type: "string", default: "10" },
    installations: { type: "string", default: "1" },
    faults: { type: "string", default: "0.05" },
    redeliver: { type: "string", default: "0.05" },
    "kill-redis": { type: "boolean", default: false },
    "redis-down-seconds": { type: "string", default: "20" },
    "kill-instance": { type: "boolean", default: false },
    "drain-seconds": { type: "string", default: "300" },
    seed: { type: "string", default: "1" },
    json: { type: "boolean", default: false },
  },
});

const number = (name: keyof typeof args) => {
  const value = Number(args[name]);
  if (!Number.isFinite(value) || value < 0) {
    console.error(`small-steps load: --${name} must be a number, not ${JSON.stringify(args[name])}`);
    process.exit(2);
  }
  return value;
};

const DELIVERIES = number("deliveries");
const SECONDS = number("seconds");
const INSTANCES = Math.max(1, number("instances"));
const SECRET = "load-test-secret";
const root = fileURLToPath(new URL("../..", import.meta.url));
const logs = mkdtempSync(join(tmpdir(), "small-steps-load-"));

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(what: string, check: () => boolean | Promise<boolean>, ms = 20_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

// --- Redis --------------------------------------------------------------------------------------------------------
const redisPort = await freePort();
let redis: ChildProcess | undefined;
function startRedis(): ChildProcess {
  if (spawnSync("redis-server", ["--version"]).status !== 0) {
    console.error("small-steps load: redis-server is not installed (apt-get install -y redis-server)");
    process.exit(2);
  }
  return spawn("redis-server", ["--port", String(redisPort), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], { stdio: "ignore" });
}
const redisUp = () => spawnSync("redis-cli", ["-p", String(redisPort), "ping"], { encoding: "utf8" }).stdout?.trim() === "PONG";
redis = startRedis();
await until("redis to listen", redisUp);

// --- The stand-in and the instances ------------------------------------------------------------------------------
const random = seeded(number("seed"));
const standIn = new StandIn({ rate: number("faults"), random });
await standIn.start();
const plan = new DeliveryPlan(standIn, `http://${standIn.host}`, { repositories: number("repositories"), pullsPerRepository: number("pulls"), installations: Math.max(1, number("installations")), random });
const privateKey = generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({ type: "pkcs1", format: "pem" }).toString();

interface Instance {
  port: number;
  child: ChildProcess;
  rss: number[];
}
const instances: Instance[] = [];

function launch(port: number, index: number): ChildProcess {
  const log = createWriteStream(join(logs, `instance-${index}.log`), { flags: "a" });
  const child = spawn(process.execPath, [join(root, "lib/server.js")], {
    cwd: root,
    env: { PATH: process.env.PATH, APP_ID: "1", PRIVATE_KEY: privateKey, WEBHOOK_SECRET: SECRET, PORT: String(port), HOST: "127.0.0.1", GHE_HOST: standIn.host, GHE_PROTOCOL: "http", REDIS_URL: `redis://127.0.0.1:${redisPort}`, LOG_LEVEL: "info", LOG_FORMAT: "json", NODE_ENV: "production" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout!.pipe(log);
  child.stderr!.pipe(log);
  return child;
}

const listening = (port: number) =>
  until("an instance to listen", async () => {
    try {
      return (await fetch(`http://127.0.0.1:${port}/ping`)).ok;
    } catch {
      return false;
    }
  });

for (let i = 0; i < INSTANCES; i++) {
  const port = await freePort();
  instances.push({ port, child: launch(port, i), rss: [] });
}
await Promise.all(instances.map((i) => listening(i.port)));

function rssMegabytes(pid: number | undefined): number | undefined {
  try {
    const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
    return kb ? Number(kb) / 1024 : undefined;
  } catch {
    return undefined;
  }
}
const memory = setInterval(() => {
  for (const instance of instances) {
    const mb = rssMegabytes(instance.child.pid);
    if (mb !== undefined) instance.rss.push(mb);
  }
}, 1000);

// --- Deliveries ---------------------------------------------------------------------------------------------------
const firstSent = new Map<string, number>();
const sendFailures: Record<string, number> = {};
let answered = 0;
const answerMs: number[] = [];

async function send(instance: Instance, delivery: Delivery): Promise<void> {
  const body = JSON.stringify(delivery.payload);
  const started = Date.now();
  try {
    const response = await fetch(`http://127.0.0.1:${instance.port}/api/github/webhooks`, {
      method: "POST",
      body,
      headers: { "content-type": "application/json", "x-github-event": delivery.event, "x-github-delivery": delivery.id, "x-hub-signature-256": `sha256=${createHmac("sha256", SECRET).update(body).digest("hex")}` },
    });
    await response.arrayBuffer();
    answered++;
    answerMs.push(Date.now() - started);
    if (response.status >= 300) sendFailures[`HTTP ${response.status}`] = (sendFailures[`HTTP ${response.status}`] ?? 0) + 1;
  } catch {
    sendFailures["no answer (instance down)"] = (sendFailures["no answer (instance down)"] ?? 0) + 1;
  }
}

const pending: Array<Promise<void>> = [];
const redeliveries: Array<Promise<void>> = [];
let redelivered = 0;
const started = Date.now();
const interval = (SECONDS * 1000) / Math.max(1, DELIVERIES);
const chaos: string[] = [];

async function killRedisHalfway(): Promise<void> {
  await sleep((SECONDS * 1000) / 2);
  redis?.kill("SIGKILL");
  chaos.push(`Redis killed at ${((Date.now() - started) / 1000).toFixed(0)} s`);
  await sleep(number("redis-down-seconds") * 1000);
  redis = startRedis();
  await until("redis to come back", redisUp);
  chaos.push(`Redis restarted empty at ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

async function killInstanceHalfway(): Promise<void> {
  await sleep((SECONDS * 1000) * 0.55);
  const victim = instances[instances.length - 1];
  victim.child.kill("SIGKILL");
  chaos.push(`instance ${instances.length - 1} killed (SIGKILL) at ${((Date.now() - started) / 1000).toFixed(0)} s`);
  await sleep(5000);
  victim.child = launch(victim.port, instances.length - 1);
  await listening(victim.port);
  chaos.push(`instance ${instances.length - 1} restarted at ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

const chaosDone = Promise.all([args["kill-redis"] ? killRedisHalfway() : undefined, args["kill-instance"] && INSTANCES > 1 ? killInstanceHalfway() : undefined]);

for (let i = 0; i < DELIVERIES; i++) {
  const due = started + i * interval;
  if (due > Date.now()) await sleep(due - Date.now());
  const delivery = plan.next();
  const now = Date.now();
  for (const owed of delivery.owed) if (!firstSent.has(owed)) firstSent.set(owed, now);
  pending.push(...instances.map((instance) => send(instance, delivery)));
  if (random() < number("redeliver")) {
    redelivered++;
    const later = 5000 + random() * 60_000;
    const to = instances[Math.floor(random() * instances.length)];
    redeliveries.push(sleep(later).then(() => send(to, delivery)));
  }
}
const sentAll = Date.now();
await Promise.all(pending);
await chaosDone;

// --- Waiting for what is owed -------------------------------------------------------------------------------------
const completed = (owed: string) => {
  const [repo, sha] = owed.split("@");
  return standIn.runsOn(repo, sha).some((r) => r.status === "completed");
};
const drainDeadline = Date.now() + number("drain-seconds") * 1000;
while (Date.now() < drainDeadline && [...firstSent.keys()].some((owed) => !completed(owed))) await sleep(500);
await Promise.all(redeliveries);
await sleep(5000); // late writes (a duplicate) would land now
clearInterval(memory);

// --- Report -------------------------------------------------------------------------------------------------------
const owed = [...firstSent.keys()];
const lost = owed.filter((o) => !completed(o));
const duplicated = owed.filter((o) => {
  const [repo, sha] = o.split("@");
  return standIn.runsOn(repo, sha).length > 1;
});
const couldNotMeasure = owed.filter((o) => {
  const [repo, sha] = o.split("@");
  return standIn.runsOn(repo, sha).some((r) => r.title.startsWith("Could not measure"));
});
const latencies = owed
  .map((o) => {
    const [repo, sha] = o.split("@");
    const done = standIn.runsOn(repo, sha).map((r) => r.completedAt).filter((t): t is number => t !== undefined);
    return done.length ? (Math.min(...done) - firstSent.get(o)!) / 1000 : undefined;
  })
  .filter((s): s is number => s !== undefined)
  .sort((a, b) => a - b);
const percentile = (values: number[], p: number) => (values.length ? values[Math.min(values.length - 1, Math.floor((p / 100) * values.length))] : NaN);
const within60 = latencies.filter((s) => s <= 60).length / Math.max(1, owed.length);
const memoryOf = (i: Instance) => {
  const settled = i.rss.slice(Math.min(10, Math.floor(i.rss.length / 10)));
  return { startMb: Math.round(settled[0] ?? NaN), endMb: Math.round(settled.at(-1) ?? NaN), maxMb: Math.round(Math.max(...settled)) };
};
const report = {
  deliveries: DELIVERIES,
  seconds: SECONDS,
  instances: INSTANCES,
  installations: Math.max(1, number("installations")),
  redelivered,
  chaos,
  faultsInjected: standIn.stats.faults,
  webhookAnswers: { answered, p50Ms: percentile([...answerMs].sort((a, b) => a - b), 50), p95Ms: percentile([...answerMs].sort((a, b) => a - b), 95), notOk: sendFailures },
  owed: owed.length,
  lost: lost.length,
  duplicated: duplicated.length,
  couldNotMeasure: couldNotMeasure.length,
  latencySeconds: { p50: percentile(latencies, 50), p95: percentile(latencies, 95), max: latencies.at(-1) ?? NaN, within60s: Number(within60.toFixed(3)) },
  caughtUpSecondsAfterLastDelivery: Number(((Math.max(...owed.map((o) => { const [repo, sha] = o.split("@"); return Math.min(...standIn.runsOn(repo, sha).map((r) => r.completedAt ?? Infinity)); }).filter(Number.isFinite), sentAll) - sentAll) / 1000).toFixed(1)),
  requestsPerDelivery: Number((standIn.stats.requests / DELIVERIES).toFixed(2)),
  writesPerDelivery: Number((standIn.stats.writes / DELIVERIES).toFixed(2)),
  requestsByRoute: Object.fromEntries([...standIn.stats.byRoute].sort((a, b) => b[1] - a[1])),
  memory: instances.map(memoryOf),
  logs,
};

for (const instance of instances) instance.child.kill("SIGKILL");
redis?.kill("SIGKILL");
await standIn.stop();

if (args.json) console.log(JSON.stringify(report, null, 2));
else {
  const l = report.latencySeconds;
  console.log(`small-steps load: ${DELIVERIES} deliveries in ${SECONDS} s to ${INSTANCES} instance(s), ${report.installations} installation(s), ${(number("faults") * 100).toFixed(0)}% faulty answers${chaos.length ? `; ${chaos.join("; ")}` : ""}`);
  console.log(`  owed check runs: ${report.owed}; lost ${report.lost}; duplicated ${report.duplicated}; "Could not measure" ${report.couldNotMeasure}`);
  console.log(`  latency (first delivery to completed run): p50 ${l.p50.toFixed(1)} s, p95 ${l.p95.toFixed(1)} s, max ${l.max.toFixed(1)} s; ${(l.within60s * 100).toFixed(1)}% within 60 s; caught up ${report.caughtUpSecondsAfterLastDelivery} s after the last delivery`);
  console.log(`  webhook answers: p50 ${report.webhookAnswers.p50Ms} ms, p95 ${report.webhookAnswers.p95Ms} ms; not 2xx: ${JSON.stringify(sendFailures)}`);
  console.log(`  GitHub requests: ${report.requestsPerDelivery} per delivery, writes ${report.writesPerDelivery} per delivery; faults injected ${JSON.stringify(report.faultsInjected)}`);
  console.log(`  memory (RSS after warm-up → end, max): ${report.memory.map((m, i) => `instance ${i}: ${m.startMb} → ${m.endMb} MB (max ${m.maxMb})`).join("; ")}`);
  console.log(`  instance logs: ${logs}`);
}
process.exit(report.lost || report.duplicated ? 1 : 0);
