/**
 * GitHub's rate limits, answered so that no write is lost: Probot 14's default throttle only logs a secondary limit,
 * so one 403 with `retry-after` on the check-run write used to lose the check run and the label.
 *
 * - A secondary limit (403 or 429 with `retry-after`, or GitHub's "secondary rate limit" message) is retried after
 *   the time GitHub asks for, at most `MAX_RETRIES` times per request.
 * - A primary limit (`x-ratelimit-remaining: 0`) is waited out when its reset is within `maxWaitSeconds`
 *   (`RATE_LIMIT_MAX_WAIT_SECONDS`, default 60); later than that, the request fails with the reset time in the log.
 */
// @ts-nocheck


export const MAX_RETRIES = 3;
/** What GitHub's documentation advises when a secondary limit gives no `retry-after`. */
const SECONDARY_FALLBACK_SECONDS = 60;

interface ErrorWithResponse {
  status?: number;
  message?: string;
  response?: { headers?: Record<string, string | undefined> };
}

export type RateLimit = { kind: "secondary"; waitSeconds: number } | { kind: "primary"; waitSeconds: number; resetAt: Date };

/** Which limit an error is, if any, and how long GitHub asks to wait. */
export function rateLimitOf(error: unknown, now: number): RateLimit | undefined {
  const e = error as ErrorWithResponse;
  if (e?.status !== 403 && e?.status !== 429) return undefined;
  const headers = e.response?.headers ?? {};
  const retryAfter = Number(headers["retry-after"]);
  if (headers["x-ratelimit-remaining"] === "0" && !headers["retry-after"]) {
    const resetAt = new Date(Number(headers["x-ratelimit-reset"]) * 1000);
    return { kind: "primary", resetAt, waitSeconds: Math.max(0, Math.ceil((resetAt.getTime() - now) / 1000) + 1) };
  }
  if (Number.isFinite(retryAfter) && headers["retry-after"] !== undefined) return { kind: "secondary", waitSeconds: Math.max(0, retryAfter) };
  if (/secondary rate limit/i.test(e.message ?? "")) return { kind: "secondary", waitSeconds: SECONDARY_FALLBACK_SECONDS };
  return undefined;
}

export interface RateLimitOptions {
  maxWaitSeconds: number;
  /** Waits; tests pass one that records the wait and returns at once (no timings in tests). */
  sleep?: (ms: number) => Promise<void>;
  log?: { warn: (obj: object, msg: string) => void; error: (obj: object, msg: string) => void };
}

export function maxWaitFromEnv(env: NodeJS.ProcessEnv): number {
  const value = Number(env.RATE_LIMIT_MAX_WAIT_SECONDS);
  return Number.isFinite(value) && value >= 0 ? value : 60;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

interface HookedOctokit {
  hook: { wrap: (name: "request", wrapper: (request: (options: RequestOptions) => Promise<unknown>, options: RequestOptions) => Promise<unknown>) => void };
  log?: RateLimitOptions["log"];
}
interface RequestOptions {
  method: string;
  url: string;
  [key: string]: unknown;
}

/** An Octokit plugin: retries requests that meet a rate limit, as described above. */
export function rateLimitRetry(options: RateLimitOptions) {
  return (octokit: HookedOctokit) => {
    const sleep = options.sleep ?? defaultSleep;
    const log = options.log ?? octokit.log;
    octokit.hook.wrap("request", async (request, requestOptions) => {
      for (let attempt = 0; ; attempt++) {
        try {
          return await request(requestOptions);
        } catch (error) {
          const limit = rateLimitOf(error, Date.now());
          const route = `${requestOptions.method} ${requestOptions.url}`;
          if (!limit || attempt >= MAX_RETRIES) throw error;
          if (limit.kind === "primary" && limit.waitSeconds > options.maxWaitSeconds) {
            log?.error({ route, resetAt: limit.resetAt.toISOString() }, `rate limit exhausted until ${limit.resetAt.toISOString()}, past the ${options.maxWaitSeconds} s this app waits`);
            throw error;
          }
          log?.warn({ route, limit: limit.kind, waitSeconds: limit.waitSeconds, attempt: attempt + 1 }, `${limit.kind} rate limit: retrying after ${limit.waitSeconds} s`);
          await sleep(limit.waitSeconds * 1000);
        }
      }
    });
    return {};
  };
}
