import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import { sleepInScope } from "./delivery-scope.js";

/**
 * Several instances of the app behind one load balancer agree through Redis (REDIS_URL): one lock per pull request,
 * so that the same delivery given to two instances at once never creates two check runs, and caches shared with
 * their TTLs. Redis helps but is never needed: when it is down, every instance works on its own (one warning a
 * minute at most) and ioredis reconnects by itself.
 */
export interface Logger {
  warn: (obj: object, msg: string) => void;
  info?: (obj: object, msg: string) => void;
}

// A killed holder's lock is free again within LOCK_TTL_MS; a live one renews it well before.
const LOCK_TTL_MS = 15_000;
const RENEW_EVERY_MS = 5_000;
const WAIT_STEP_MS = 100;
/** How long one Redis command may take before the caller works without Redis. */
const COMMAND_TIMEOUT_MS = 2000;
/**
 * How long after Redis went away work still waits for it to come back (a restart) before running without the lock
 * (`REDIS_AWAY_WAIT_SECONDS`, default 30). Past that, work runs at once without it until Redis is back.
 */
function awayWaitMs(env: NodeJS.ProcessEnv = process.env): number {
  const value = Number(env.REDIS_AWAY_WAIT_SECONDS);
  return (Number.isFinite(value) && value >= 0 ? value : 30) * 1000;
}
/** How long "this delivery was handled" is remembered (GitHub's redeliveries come within hours at most). */
const DONE_TTL_MS = 6 * 60 * 60 * 1000;
const WARN_EVERY_MS = 60_000;

// Deletes or extends the key only while it still holds our token: a lock that expired and was taken by another
// instance is never released or renewed by the one that lost it.
const RELEASE = `if redis.call("get", KEYS[1]) == ARGV[1] then return redis.call("del", KEYS[1]) else return 0 end`;
const RENEW = `if redis.call("get", KEYS[1]) == ARGV[1] then return redis.call("pexpire", KEYS[1], ARGV[2]) else return 0 end`;

// The next free write slot of a budget, from Redis's own clock (instances' clocks differ): answers how long to wait.
const RESERVE = `local t = redis.call("time")
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local slot = math.max(now, tonumber(redis.call("get", KEYS[1]) or "0"))
redis.call("set", KEYS[1], slot + tonumber(ARGV[1]), "PX", math.ceil(tonumber(ARGV[1])) + 60000)
return slot - now`;

// Pushes a budget's next slot to at least `ms` from now (GitHub asked to wait): every instance waits as well.
const DEFER = `local t = redis.call("time")
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local at = math.max(now + tonumber(ARGV[1]), tonumber(redis.call("get", KEYS[1]) or "0"))
redis.call("set", KEYS[1], at, "PX", math.ceil(tonumber(ARGV[1])) + 60000)
return at - now`;

/** How long the first commands wait for the first connection (an instance may take deliveries before it is made). */
const FIRST_CONNECT_WAIT_MS = 3000;

export class RedisCoordination {
  private readonly redis: Redis;
  private lastWarning = 0;
  /** When the connection was lost (undefined while it is up, and before the first connection). */
  private downSince: number | undefined;
  /** Resolves once connected for the first time, or once the first connection has had its time. */
  private readonly firstConnection: Promise<void>;

  constructor(
    url: string,
    private readonly log: Logger,
  ) {
    // No offline queue: while Redis is down a command fails at once, and the caller works on its own.
    // A command that gets no answer (a Redis that hangs rather than refuses) fails after COMMAND_TIMEOUT_MS.
    this.redis = new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 1, lazyConnect: false, commandTimeout: COMMAND_TIMEOUT_MS, retryStrategy: (times) => Math.min(times * 200, 2000) });
    this.redis.on("error", (error: Error) => this.warn("Redis is unreachable: working without it until it is back", error));
    this.redis.on("close", () => (this.downSince ??= Date.now()));
    this.redis.on("ready", () => (this.downSince = undefined));
    // Without an offline queue a command sent while the first connection is still being made fails at once, and the
    // delivery would run without the lock: the first commands wait for it (a bounded time). Later outages fail fast.
    this.firstConnection = new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, FIRST_CONNECT_WAIT_MS);
      timer.unref();
      this.redis.once("ready", () => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  /** Whether the connection is up now (for the metrics). */
  get up(): boolean {
    return this.redis.status === "ready";
  }

  private warn(message: string, error: unknown): void {
    const now = Date.now();
    if (now - this.lastWarning < WARN_EVERY_MS) return;
    this.lastWarning = now;
    this.log.warn({ err: { message: (error as Error)?.message } }, message);
  }

  /**
   * Run `work` holding the lock `key` across instances: SET NX PX, renewed while the work goes on, released by its
   * owner's token only. A lock whose holder is alive is waited for as long as the delivery's deadline allows (a killed
   * holder's lock expires within LOCK_TTL_MS); working anyway beside a live holder is what wrote check runs twice.
   * While Redis is away, the work waits up to AWAY_WAIT_MS for it to come back (a restart), then runs without the lock
   * (the in-process queue still serialises this instance). With `once`, work already done by any instance under that
   * key (the same delivery given to two instances, or redelivered) is not done again: `undefined` is returned.
   */
  async exclusive<T>(key: string, work: () => Promise<T>, once?: string): Promise<T | undefined> {
    const token = randomUUID();
    const lockKey = `small-steps:lock:${key}`;
    const doneKey = once && `small-steps:done:${once}`;
    let held = false;
    await this.firstConnection;
    while (!held) {
      try {
        if (this.redis.status !== "ready") throw new Error(`Redis connection is ${this.redis.status}`);
        held = (await this.redis.set(lockKey, token, "PX", LOCK_TTL_MS, "NX")) === "OK";
        if (held) break;
        // A lock with no expiry (left by hand, or by an older version) would hold every delivery for ever: give it one.
        if ((await this.redis.pttl(lockKey)) === -1) await this.redis.pexpire(lockKey, LOCK_TTL_MS);
      } catch (error) {
        if (Date.now() - (this.downSince ?? Date.now()) >= awayWaitMs()) {
          this.warn("Redis is unreachable: working without the lock", error);
          break;
        }
      }
      await sleepInScope(WAIT_STEP_MS);
    }
    if (held && doneKey && (await this.redis.get(doneKey).catch(() => null))) {
      await this.release(lockKey, token);
      return undefined;
    }
    const renew = held ? setInterval(() => void this.redis.eval(RENEW, 1, lockKey, token, String(LOCK_TTL_MS)).catch(() => undefined), RENEW_EVERY_MS) : undefined;
    try {
      const result = await work();
      if (doneKey) await this.redis.set(doneKey, "1", "PX", DONE_TTL_MS).catch(() => undefined);
      return result;
    } finally {
      if (renew) clearInterval(renew);
      if (held) await this.release(lockKey, token);
    }
  }

  private async release(lockKey: string, token: string): Promise<void> {
    await this.redis.eval(RELEASE, 1, lockKey, token).catch((error: unknown) => this.warn("Redis is unreachable: the lock will expire by itself", error));
  }

  /** Reserves the next write slot of `key`'s budget for all instances: the wait in ms, or undefined without Redis. */
  async reserveSlot(key: string, intervalMs: number): Promise<number | undefined> {
    await this.firstConnection;
    if (this.redis.status !== "ready") return undefined;
    try {
      return Number(await this.redis.eval(RESERVE, 1, `small-steps:slot:${key}`, String(intervalMs)));
    } catch (error) {
      this.warn("Redis is unreachable: writes are spaced by this instance alone", error);
      return undefined;
    }
  }

  /** Makes every instance wait `ms` before `key`'s next write: true when said through Redis. */
  async deferSlot(key: string, ms: number): Promise<boolean> {
    if (this.redis.status !== "ready") return false;
    try {
      await this.redis.eval(DEFER, 1, `small-steps:slot:${key}`, String(ms));
      return true;
    } catch {
      return false;
    }
  }

  async get(key: string): Promise<string | undefined> {
    await this.firstConnection;
    try {
      return (await this.redis.get(`small-steps:cache:${key}`)) ?? undefined;
    } catch (error) {
      this.warn("Redis is unreachable: the shared cache is skipped", error);
      return undefined;
    }
  }

  async set(key: string, value: string, ttlMs: number): Promise<void> {
    try {
      await this.redis.set(`small-steps:cache:${key}`, value, "PX", Math.max(1, Math.round(ttlMs)));
    } catch (error) {
      this.warn("Redis is unreachable: the shared cache is skipped", error);
    }
  }

  async close(): Promise<void> {
    this.redis.disconnect();
  }
}
