import type { GitHub } from "./client.js";
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
    const cached = cache.get(key);
    if (cached) options.headers = { ...headers, "if-none-match": cached.etag };
    try {
      const response = await request(options);
      const etag = response.headers.etag;
      if (etag) remember(key, { etag, response });
      return response;
    } catch (error) {
      if (cached && hasStatus(error, 304)) return cached.response as Awaited<ReturnType<typeof request>>;
      throw error;
    }
  });
  return octokit;
}
