// @ts-nocheck
import type { IncomingMessage, ServerResponse } from "node:http";
import { timingSafeEqual } from "node:crypto";
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";
import { redisUp } from "../coordination/index.js";

/**
 * What an operator watches, in Prometheus' text format at GET /metrics (prom-client): deliveries by event and
 * outcome, check runs by conclusion, analysis time, GitHub answers by status and the rate limit left, PyPI lookups,
 * whether Redis is up. One registry per process; every instance exposes its own.
 */
export const registry = new Registry();
collectDefaultMetrics({ register: registry, prefix: "small_steps_process_" });

export const deliveries = new Counter({ name: "small_steps_deliveries_total", help: "Webhook deliveries handled, by event and outcome (ok, ignored, failed).", labelNames: ["event", "outcome"], registers: [registry] });
export const checkRuns = new Counter({ name: "small_steps_check_runs_total", help: "Check runs written, by conclusion.", labelNames: ["conclusion"], registers: [registry] });
export const analysisSeconds = new Histogram({ name: "small_steps_analysis_seconds", help: "Time the engine took to measure a change.", buckets: [0.005, 0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5], registers: [registry] });
export const githubRequests = new Counter({ name: "small_steps_github_requests_total", help: "Requests to GitHub, by HTTP status (0: no answer).", labelNames: ["status"], registers: [registry] });
export const githubRateLimitRemaining = new Gauge({ name: "small_steps_github_rate_limit_remaining", help: "x-ratelimit-remaining of GitHub's latest answer.", registers: [registry] });
export const pypiLookups = new Counter({ name: "small_steps_pypi_lookups_total", help: "Package index lookups, by outcome (yes, no, unknown, unreachable).", labelNames: ["outcome"], registers: [registry] });
new Gauge({
  name: "small_steps_redis_up",
  help: "1 while Redis (REDIS_URL) answers; 0 while it is down, or without REDIS_URL.",
  registers: [registry],
  collect() {
    this.set(redisUp() ? 1 : 0);
  },
});

/** Counts a GitHub answer (an Octokit `after`/`error` hook calls this). */
export function countGitHubAnswer(status: number | undefined, headers: Record<string, unknown> | undefined): void {
  githubRequests.inc({ status: String(status ?? 0) });
  const remaining = Number(headers?.["x-ratelimit-remaining"]);
  if (headers?.["x-ratelimit-remaining"] !== undefined && Number.isFinite(remaining)) githubRateLimitRemaining.set(remaining);
}

function authorised(req: IncomingMessage, token: string | undefined): boolean {
  if (!token) return true;
  const given = Buffer.from(String(req.headers.authorization ?? ""));
  const wanted = Buffer.from(`Bearer ${token}`);
  return given.length === wanted.length && timingSafeEqual(given, wanted);
}

/** GET /metrics, behind `Authorization: Bearer $METRICS_TOKEN` when that is set. */
export function metricsHandler(token: string | undefined = process.env.METRICS_TOKEN) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<boolean> => {
    if ((req.url ?? "").split("?")[0] !== "/metrics" || req.method !== "GET") return false;
    if (!authorised(req, token)) {
      res.writeHead(401, { "content-type": "text/plain", "www-authenticate": "Bearer" }).end("METRICS_TOKEN required\n");
      return true;
    }
    res.writeHead(200, { "content-type": registry.contentType }).end(await registry.metrics());
    return true;
  };
}
