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

/** Keys of work done in this process, for `once` without Redis (a redelivery to the same instance). */
const doneHere = new Set<string>();
const DONE_HERE_MAX = 5000;

/** Forgets what this process handled (a test's fresh app). */
export function forgetHandled(): void {
  doneHere.clear();
  newestHeads.clear();
  labelVersions.clear();
}

function rememberDone(once: string): void {
  doneHere.add(once);
  if (doneHere.size > DONE_HERE_MAX) doneHere.delete(doneHere.values().next().value as string);
}

/**
 * One task at a time per key: in this process (a queue), and across instances (a Redis lock) when configured. With
 * `once` (a delivery's id and what it is about), work that any instance already finished is skipped: undefined.
 */
export function exclusive<T>(key: string, work: () => Promise<T>): Promise<T>;
export function exclusive<T>(key: string, work: () => Promise<T>, once: string): Promise<T | undefined>;
export function exclusive<T>(key: string, work: () => Promise<T>, once?: string): Promise<T | undefined> {
  const tracked = async () => {
    if (once && doneHere.has(once)) return undefined;
    const result = await work();
    if (once) rememberDone(once);
    return result;
  };
  return serialize(key, () => (redis ? redis.exclusive(key, tracked, once) : tracked()));
}

/** A cache shared by the instances (Redis), with a TTL per entry; without Redis every read misses. */
export const sharedCache = {
  get: async (key: string): Promise<string | undefined> => redis?.get(key),
  set: async (key: string, value: string, ttlMs: number): Promise<void> => redis?.set(key, value, ttlMs),
};

/** This instance's own write slots, used while Redis is away (or not configured). */
const localSlots = new Map<string, number>();

/**
 * Reserves the next write slot of a budget (an installation's): how many ms to wait before sending. Shared by all
 * instances through Redis while it is up; each instance keeps its own while it is not.
 */
export async function reserveWriteSlot(key: string, intervalMs: number): Promise<number> {
  const shared = await redis?.reserveSlot(key, intervalMs);
  if (shared !== undefined) return shared;
  const now = Date.now();
  const slot = Math.max(now, localSlots.get(key) ?? 0);
  localSlots.set(key, slot + intervalMs);
  if (localSlots.size > 10_000) for (const [k, next] of localSlots) if (next < now) localSlots.delete(k);
  return slot - now;
}

/** GitHub asked this budget to wait `ms` (a secondary rate limit): no instance writes under it before then. */
export async function deferWriteSlot(key: string, ms: number): Promise<void> {
  await redis?.deferSlot(key, ms);
  // This instance's own slots too, for the moment Redis is away.
  localSlots.set(key, Math.max(localSlots.get(key) ?? 0, Date.now() + ms));
}

/** The newest head each pull request's deliveries have named, by the pull request's `updated_at`. */
const newestHeads = new Map<string, string>();
const NEWEST_HEAD_TTL_MS = 24 * 60 * 60 * 1000;

/**
 * Says that a delivery named `sha` as the head of `pr` at `updatedAt` (an ISO time): kept where it is newer than what
 * was known, so that work for an older head can leave what only the newest head decides (its labels).
 */
export async function noteHead(pr: string, sha: string, updatedAt: string): Promise<void> {
  const entry = `${updatedAt}|${sha}`;
  const known = newestHeads.get(pr) ?? (await sharedCache.get(`head:${pr}`));
  // Ties go to the later note (two events of one moment: the one handled last names the head).
  if (known && known.split("|")[0] > updatedAt) return;
  newestHeads.set(pr, entry);
  if (newestHeads.size > 10_000) newestHeads.delete(newestHeads.keys().next().value as string);
  await sharedCache.set(`head:${pr}`, entry, NEWEST_HEAD_TTL_MS);
}

/** The newest head noted for `pr` (by any instance), if any. */
export async function newestHead(pr: string): Promise<string | undefined> {
  const shared = await sharedCache.get(`head:${pr}`);
  const local = newestHeads.get(pr);
  const entry = [shared, local].filter((e): e is string => !!e).sort((a, b) => (a.split("|")[0] < b.split("|")[0] ? -1 : 1)).at(-1);
  return entry?.split("|")[1];
}

/** A token per pull request that changes whenever an instance writes its labels (the shared cache, and this process). */
const labelVersions = new Map<string, string>();

export async function labelsVersion(pr: string): Promise<string> {
  return (await sharedCache.get(`labels:${pr}`)) ?? labelVersions.get(pr) ?? "0";
}

/** Says that `pr`'s labels were just written: work that read them before reads them again. */
export async function labelsWritten(pr: string): Promise<void> {
  const token = `${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
  labelVersions.set(pr, token);
  if (labelVersions.size > 10_000) labelVersions.delete(labelVersions.keys().next().value as string);
  await sharedCache.set(`labels:${pr}`, token, 24 * 60 * 60 * 1000);
}
