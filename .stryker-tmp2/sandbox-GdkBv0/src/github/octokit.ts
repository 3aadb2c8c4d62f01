// @ts-nocheck
import { AsyncLocalStorage } from "node:async_hooks";
import Bottleneck from "bottleneck";
import { ProbotOctokit } from "probot";
import { countGitHubAnswer } from "../metrics/metrics.js";
import { maxWaitFromEnv, rateLimitRetry, type RateLimitOptions } from "./rate-limits.js";

/**
 * The throttle's limiters, as @octokit/plugin-throttling makes them (GitHub's advice: writes one at a time, a second
 * apart). Two sets: shared through Redis while it is up (Probot's REDIS_URL connection: all instances keep to one
 * budget), and this process's own, for an instance made while Redis is down, which then never waits on it.
 */
type Groups = Record<"global" | "auth" | "search" | "write" | "notifications", Bottleneck.Group>;

function makeGroups(common: Bottleneck.ConstructorOptions): Groups {
  return {
    global: new Bottleneck.Group({ id: "octokit-global", maxConcurrent: 10, ...common }),
    auth: new Bottleneck.Group({ id: "octokit-auth", maxConcurrent: 1, ...common }),
    search: new Bottleneck.Group({ id: "octokit-search", maxConcurrent: 1, minTime: 2000, ...common }),
    write: new Bottleneck.Group({ id: "octokit-write", maxConcurrent: 1, minTime: 1000, ...common }),
    notifications: new Bottleneck.Group({ id: "octokit-notifications", maxConcurrent: 1, minTime: 3000, ...common }),
  };
}

let localGroups: Groups | undefined;
let sharedGroups: Groups | undefined;

/**
 * GitHub asks for a second between mutative requests; plugin-throttling spaces every GraphQL request like a write,
 * reads included, so the first write of an event waited a second behind the state query. A GraphQL query (not a
 * mutation) is marked here, outside the throttle, and the write limiter lets it pass.
 */
const graphqlRead = new AsyncLocalStorage<boolean>();

export function isGraphqlQuery(options: { url?: string; query?: unknown }): boolean {
  return options.url === "/graphql" && typeof options.query === "string" && !/^\s*mutation\b/.test(options.query);
}

function markGraphqlReads(octokit: { hook: { wrap: (name: "request", hook: (request: (options: any) => Promise<any>, options: any) => Promise<any>) => void } }) {
  octokit.hook.wrap("request", (request, options) => graphqlRead.run(isGraphqlQuery(options), () => request(options)));
  return {};
}

/** The write limiter, but a GraphQL read (`isRead`, the current request's mark) passes straight through. */
export function writesOnly(write: Pick<Bottleneck.Group, "key">, isRead: () => boolean = () => graphqlRead.getStore() === true): Bottleneck.Group {
  return {
    key: (id: string) => {
      const limiter = write.key(id);
      return { schedule: (options: Bottleneck.JobOptions, job: () => Promise<unknown>) => (isRead() ? job() : limiter.schedule(options, job)) };
    },
  } as unknown as Bottleneck.Group;
}

interface ThrottleOptions {
  connection?: { client?: { status?: string } };
  timeout?: number;
  [key: string]: unknown;
}

function throttleFor(throttle: ThrottleOptions = {}): ThrottleOptions {
  const { connection, ...rest } = throttle;
  const timeout = throttle.timeout ?? 2 * 60 * 1000;
  const shared = connection !== undefined && connection.client?.status === "ready";
  const groups = shared ? (sharedGroups ??= makeGroups({ timeout, connection: connection as unknown as Bottleneck.IORedisConnection })) : (localGroups ??= makeGroups({ timeout }));
  return {
    ...rest,
    ...(shared ? { connection } : {}),
    ...groups,
    write: writesOnly(groups.write),
    // Our plugin answers rate limits (it retries secondary ones); the throttle only spaces requests.
    onRateLimit: () => false,
    onSecondaryRateLimit: () => false,
  };
}

/** Every answer GitHub gives (and every request it never answered), counted for /metrics with the rate limit left. */
function countAnswers(octokit: { hook: { after: (name: "request", hook: (response: any) => void) => void; error: (name: "request", hook: (error: any) => never) => void } }) {
  octokit.hook.after("request", (response) => countGitHubAnswer(response.status, response.headers));
  octokit.hook.error("request", (error) => {
    countGitHubAnswer(error?.status, error?.response?.headers);
    throw error;
  });
  return {};
}

/** GITHUB_TIMEOUT_SECONDS (default 20): a request GitHub does not answer in time fails, so the check run says so. */
export function timeoutFromEnv(env: NodeJS.ProcessEnv): number {
  const seconds = Number(env.GITHUB_TIMEOUT_SECONDS);
  return Number.isFinite(seconds) && seconds > 0 ? seconds : 20;
}

function requestTimeout(seconds: number) {
  return (octokit: { hook: { wrap: (name: "request", hook: (request: (options: any) => Promise<any>, options: any) => Promise<any>) => void } }) => {
    octokit.hook.wrap("request", async (request, options) => {
      // The signal aborts the fetch; the race answers even where a transport does not honour it.
      const controller = new AbortController();
      let timer: NodeJS.Timeout | undefined;
      const timedOut = new Promise<never>((_, reject) => {
        timer = setTimeout(() => {
          controller.abort();
          reject(new Error(`GitHub did not answer ${options.method} ${options.url} within ${seconds} s`));
        }, seconds * 1000);
      });
      try {
        return await Promise.race([request({ ...options, request: { ...options.request, signal: controller.signal } }), timedOut]);
      } finally {
        clearTimeout(timer);
      }
    });
    return {};
  };
}

/**
 * Probot's Octokit with small-steps' answer to rate limits (`rate-limits.ts`), and a throttle that shares GitHub's
 * limits across instances through Redis while Redis is up, and never waits on it while it is down.
 */
export function smallStepsOctokit(env: NodeJS.ProcessEnv = process.env, options: Pick<RateLimitOptions, "sleep"> = {}) {
  const plugin = rateLimitRetry({ maxWaitSeconds: maxWaitFromEnv(env), ...options }) as unknown as Parameters<typeof ProbotOctokit.plugin>[0];
  const timeout = requestTimeout(timeoutFromEnv(env)) as unknown as Parameters<typeof ProbotOctokit.plugin>[0];
  const marks = markGraphqlReads as unknown as Parameters<typeof ProbotOctokit.plugin>[0];
  return ProbotOctokit.plugin(marks, timeout, countAnswers, plugin).defaults((instance: Record<string, any>) => ({ ...instance, throttle: throttleFor(instance.throttle) }));
}
