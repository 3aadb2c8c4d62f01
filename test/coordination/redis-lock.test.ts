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

describe("deliveries across instances", () => {
  let port: number;
  let server: ChildProcess | undefined;
  const instances: RedisCoordination[] = [];
  const log = { warn: () => undefined, info: () => undefined } as never;
  const startServer = () => spawn("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], { stdio: "ignore" });
  const ping = () => (spawnSync("redis-cli", ["-p", String(port), "ping"], { encoding: "utf8" }).stdout?.trim() === "PONG" ? true : undefined);
  const cli = (...args: string[]) => spawnSync("redis-cli", ["-p", String(port), ...args], { encoding: "utf8" }).stdout.trim();

  beforeAll(async () => {
    port = await freePort();
    server = startServer();
    await waitFor("redis to listen", ping);
  });
  afterAll(async () => {
    for (const i of instances) await i.close();
    server?.kill("SIGKILL");
  });

  test("the same delivery at two instances: one does the work; the other waits for the live holder, finds it done, and does nothing", async () => {
    const [a, b] = [new RedisCoordination(`redis://127.0.0.1:${port}`, log), new RedisCoordination(`redis://127.0.0.1:${port}`, log)];
    instances.push(a, b);
    const ran: string[] = [];
    let release!: () => void;
    const holding = new Promise<void>((resolve) => (release = resolve));
    const first = a.exclusive("delivery:d1", async () => {
      ran.push("a");
      await holding;
      return "done by a";
    }, "delivery:d1");
    await waitFor("a to hold the lock", () => (ran.length ? true : undefined));
    const second = b.exclusive("delivery:d1", async () => {
      ran.push("b");
      return "done by b";
    }, "delivery:d1");
    // b waits as long as a lives (no "working anyway"): nothing has run twice while a holds it.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(ran).toEqual(["a"]);
    release();
    expect(await first).toBe("done by a");
    expect(await second).toBeUndefined();
    expect(ran).toEqual(["a"]);
    // Work that failed is not marked done: another instance takes it over.
    await expect(a.exclusive("delivery:d2", async () => Promise.reject(new Error("GitHub answered 502")), "delivery:d2")).rejects.toThrow("502");
    expect(await b.exclusive("delivery:d2", async () => "retried by b", "delivery:d2")).toBe("retried by b");
  });

  test("Redis restarted empty: the lock and the shared write slots work again, with no error to the caller", async () => {
    const c = new RedisCoordination(`redis://127.0.0.1:${port}`, log);
    instances.push(c);
    expect(await c.reserveSlot("inst-1:checkRuns", 1000)).toBe(0);
    server!.kill("SIGKILL");
    await waitFor("the connection to drop", () => (c.up ? undefined : true));
    expect(await c.reserveSlot("inst-1:checkRuns", 1000)).toBeUndefined(); // the caller keeps its own slots meanwhile
    server = startServer();
    await waitFor("redis to come back", ping);
    await waitFor("the client to reconnect", () => (c.up ? true : undefined));
    expect(await c.reserveSlot("inst-1:checkRuns", 1000)).toBe(0); // empty: the budget starts again
    let heldKey = "";
    await c.exclusive("o/r#9", async () => {
      heldKey = cli("get", "small-steps:lock:o/r#9");
    });
    expect(heldKey).not.toBe(""); // the lock was taken in the new Redis, not skipped
  }, 30_000);
});
