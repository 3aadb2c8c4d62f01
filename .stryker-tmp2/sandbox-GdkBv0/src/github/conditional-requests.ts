// @ts-nocheck
import type { GitHub } from "./client.js";
import { sharedCache } from "../coordination/index.js";
import { hasStatus } from "./errors.js";

/**
 * Repeats GETs of repository contents with If-None-Match: GitHub does not count a request answered 304
 * against the installation's rate limit, so a config read on every event is free once cached.
 * Entries are per URL and parameters; the token is not part of the key because GitHub checks it on every request.
 */
interface CachedResponse {
  etag: string;
  response: unknown;
}

const MAX_ENTRIES = 2000;
const cache = new Map<string, CachedResponse>();
const wrapped = new WeakSet<object>();

function remember(key: string, entry: CachedResponse) {
  cache.delete(key);
  cache.set(key, entry);
  if (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value as string);
}

/** Shared between instances (Redis) for a day: a config read once by any instance is a 304 for all. */
const SHARED_TTL_MS = 24 * 60 * 60 * 1000;

async function sharedEntry(key: string): Promise<CachedResponse | undefined> {
  const text = await sharedCache.get(`etag:${key}`);
  if (!text) return undefined;
  try {
    const entry = JSON.parse(text) as CachedResponse;
    if (typeof entry.etag !== "string") return undefined;
    remember(key, entry);
    return entry;
  } catch {
    return undefined;
  }
}

export function clearConditionalCache(): void {
  cache.clear();
}

export function useConditionalRequests(octokit: GitHub): GitHub {
  if (wrapped.has(octokit)) return octokit;
  wrapped.add(octokit);
  octokit.hook.wrap("request", async (request, options) => {
    const { method, url, headers, request: _transport, ...parameters } = options as typeof options & { request?: unknown };
    if (method !== "GET" || !/^\/repos\/\{owner\}\/\{repo\}\/contents\//.test(url ?? "")) return request(options);
    const key = `${url} ${JSON.stringify(parameters)} ${headers?.accept ?? ""}`;
    const cached = cache.get(key) ?? (await sharedEntry(key));
    if (cached) options.headers = { ...headers, "if-none-match": cached.etag };
    try {
      const response = await request(options);
      const etag = response.headers.etag;
      if (etag) {
        remember(key, { etag, response });
        await sharedCache.set(`etag:${key}`, JSON.stringify({ etag, response }), SHARED_TTL_MS);
      }
      return response;
    } catch (error) {
      if (cached && hasStatus(error, 304)) return cached.response as Awaited<ReturnType<typeof request>>;
      throw error;
    }
  });
  return octokit;
}
