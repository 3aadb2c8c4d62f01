import { ProbotOctokit } from "probot";
import { maxWaitFromEnv, rateLimitRetry, type RateLimitOptions } from "./rate-limits.js";

/**
 * Probot's Octokit with small-steps' answer to rate limits (`rate-limits.ts`): the throttle still spaces writes and,
 * with REDIS_URL, shares GitHub's limits across instances, but it never retries on its own (its default gives up on
 * secondary limits); our plugin does, after the time GitHub asks for.
 */
export function smallStepsOctokit(env: NodeJS.ProcessEnv = process.env, options: Pick<RateLimitOptions, "sleep"> = {}) {
  const plugin = rateLimitRetry({ maxWaitSeconds: maxWaitFromEnv(env), ...options }) as unknown as Parameters<typeof ProbotOctokit.plugin>[0];
  return ProbotOctokit.plugin(plugin).defaults((instance: Record<string, any>) => ({
    ...instance,
    throttle: { ...instance.throttle, onRateLimit: () => false, onSecondaryRateLimit: () => false },
  }));
}
