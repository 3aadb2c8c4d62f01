import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { RedisCoordination } from "../../src/coordination/redis.js";
import { freePort, waitFor } from "../e2e/process.js";

/** A lock key left in Redis without an expiry (by hand, or by an older version) must not hold deliveries for ever. */
let redis: ChildProcess | undefined;
let coordination: RedisCoordination | undefined;
afterAll(async () => {
  await coordination?.close();
  redis?.kill("SIGKILL");
});

test("a lock without expiry is given one: the next delivery waits at most its lifetime, not for ever", async () => {
  const port = await freePort();
  redis = spawn("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], { stdio: "ignore" });
  await waitFor("redis to listen", () => (spawnSync("redis-cli", ["-p", String(port), "ping"], { encoding: "utf8" }).stdout?.trim() === "PONG" ? true : undefined));
  spawnSync("redis-cli", ["-p", String(port), "set", "small-steps:lock:o/r#1", "stale"]);
  const log = { warn: () => undefined, info: () => undefined, error: () => undefined, debug: () => undefined } as never;
  coordination = new RedisCoordination(`redis://127.0.0.1:${port}`, log);
  let ran = false;
  const running = coordination.exclusive("o/r#1", async () => {
    ran = true;
  });
  await waitFor("the stale lock to get an expiry", () => {
    const ttl = Number(spawnSync("redis-cli", ["-p", String(port), "pttl", "small-steps:lock:o/r#1"], { encoding: "utf8" }).stdout.trim());
    return ttl > 0 ? true : undefined;
  });
  // Expire it now rather than wait its 30 s: the waiting delivery then takes the lock and runs.
  spawnSync("redis-cli", ["-p", String(port), "pexpire", "small-steps:lock:o/r#1", "1"]);
  await running;
  expect(ran).toBe(true);
});
