import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";

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

const LOCK_TTL_MS = 30_000;
const RENEW_EVERY_MS = 10_000;
const WAIT_STEP_MS = 100;
/** How long one Redis command may take before the caller works without Redis. */
const COMMAND_TIMEOUT_MS = 2000;
/** How long an instance waits for another's lock before working anyway (a crashed holder's lock expires sooner). */
const MAX_WAIT_MS = 60_000;
const WARN_EVERY_MS = 60_000;

// Deletes or extends the key only while it still holds our token: a lock that expired and was taken by another
// instance is never released or renewed by the one that lost it.
const RELEASE = `if redis.call("get", KEYS[1]) == ARGV[1] then return redis.call("del", KEYS[1]) else return 0 end`;
const RENEW = `if redis.call("get", KEYS[1]) == ARGV[1] then return redis.call("pexpire", KEYS[1], ARGV[2]) else return 0 end`;

/** How long the first commands wait for the first connection (an instance may take deliveries before it is made). */
const FIRST_CONNECT_WAIT_MS = 3000;

export class RedisCoordination {
  private readonly redis: Redis;
  private lastWarning = 0;
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
   * owner's token only. Without Redis, the work runs at once (the in-process queue still serialises this instance).
   */
  async exclusive<T>(key: string, work: () => Promise<T>): Promise<T> {
    const token = randomUUID();
    const lockKey = `small-steps:lock:${key}`;
    let held = false;
    await this.firstConnection;
    try {
      const deadline = Date.now() + MAX_WAIT_MS;
      while (!held) {
        held = (await this.redis.set(lockKey, token, "PX", LOCK_TTL_MS, "NX")) === "OK";
        if (held) break;
        // A lock with no expiry (left by hand, or by an older version) would hold every delivery for ever: give it one.
        if ((await this.redis.pttl(lockKey)) === -1) await this.redis.pexpire(lockKey, LOCK_TTL_MS);
        if (Date.now() > deadline) {
          this.log.warn({ key }, "waited too long for another instance's lock: working anyway");
          break;
        }
        await new Promise((resolve) => setTimeout(resolve, WAIT_STEP_MS));
      }
    } catch (error) {
      this.warn("Redis is unreachable: working without the lock", error);
      held = false;
    }
    const renew = held ? setInterval(() => void this.redis.eval(RENEW, 1, lockKey, token, String(LOCK_TTL_MS)).catch(() => undefined), RENEW_EVERY_MS) : undefined;
    try {
      return await work();
    } finally {
      if (renew) clearInterval(renew);
      if (held) await this.redis.eval(RELEASE, 1, lockKey, token).catch((error: unknown) => this.warn("Redis is unreachable: the lock will expire by itself", error));
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
