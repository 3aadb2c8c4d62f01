import { ProbotOctokit } from "probot";
import { countGitHubAnswer } from "../metrics/metrics.js";
import { maxWaitFromEnv, rateLimitRetry, type RateLimitOptions } from "./rate-limits.js";
import { requestPacing } from "./request-pacing.js";

export { isGraphqlQuery, timeoutFromEnv } from "./request-pacing.js";

/** Every answer GitHub gives (and every request it never answered), counted for /metrics with the rate limit left. */
function countAnswers(octokit: { hook: { after: (name: "request", hook: (response: any) => void) => void; error: (name: "request", hook: (error: any) => never) => void } }) {
  octokit.hook.after("request", (response) => countGitHubAnswer(response.status, response.headers));
  octokit.hook.error("request", (error) => {
    countGitHubAnswer(error?.status, error?.response?.headers);
    throw error;
  });
  return {};
}

type Plugin = Parameters<typeof ProbotOctokit.plugin>[0];

/**
 * Probot's Octokit with small-steps' own pacing in place of @octokit/plugin-throttling (`request-pacing.ts`: a budget
 * per installation, shared through Redis while it is up, timeouts on the wire only) and its answer to rate limits
 * (`rate-limits.ts`, outermost, so that a retried request takes a new slot).
 * The throttling plugin is off: its limiters had no installation key (one budget for every installation and instance)
 * and its Redis state did not recover from a Redis restarted empty.
 */
export function smallStepsOctokit(env: NodeJS.ProcessEnv = process.env, options: Pick<RateLimitOptions, "sleep"> = {}) {
  const retry = rateLimitRetry({ maxWaitSeconds: maxWaitFromEnv(env), ...options }) as unknown as Plugin;
  return ProbotOctokit.plugin(requestPacing(env) as unknown as Plugin, countAnswers as unknown as Plugin, retry).defaults((instance: Record<string, any>) => ({
    ...instance,
    throttle: { ...instance.throttle, enabled: false },
  }));
}
