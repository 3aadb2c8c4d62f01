// @ts-nocheck
import { serialize } from "../app/serialize.js";
import { RedisCoordination, type Logger } from "./redis.js";

/**
 * The one place that knows whether instances coordinate: with REDIS_URL, through Redis; without it, in memory as a
 * single instance. Callers use `exclusive` and `sharedCache` the same way in both cases.
 */
let redis: RedisCoordination | undefined;

export function startCoordination(url: string | undefined, log: Logger): void {
  if (!url || redis) return;
  redis = new RedisCoordination(url, log);
  log.info?.({}, "coordinating with other instances through Redis");
}

export async function stopCoordination(): Promise<void> {
  await redis?.close();
  redis = undefined;
}

/** Whether Redis is configured and up: undefined without REDIS_URL (for the metrics). */
export const redisUp = (): boolean | undefined => redis?.up;

/** One task at a time per key: in this process (a queue), and across instances (a Redis lock) when configured. */
export function exclusive<T>(key: string, work: () => Promise<T>): Promise<T> {
  return serialize(key, () => (redis ? redis.exclusive(key, work) : work()));
}

/** A cache shared by the instances (Redis), with a TTL per entry; without Redis every read misses. */
export const sharedCache = {
  get: async (key: string): Promise<string | undefined> => redis?.get(key),
  set: async (key: string, value: string, ttlMs: number): Promise<void> => redis?.set(key, value, ttlMs),
};
