import type { DependencyChange } from "../analysis/dependencies/changes.js";
import { normaliseName } from "../analysis/dependencies/requirement.js";
import { sharedCache } from "../coordination/index.js";
import { pypiLookups } from "../metrics/metrics.js";
export { withoutLookups } from "./without-lookups.js";
import { judgePython3Support, type PyPIRelease } from "../analysis/dependencies/python3-support.js";

export interface PyPIOptions {
  /** The index's base URL (PYPI_URL), e.g. https://pypi.org or a company mirror. */
  baseUrl: string;
  timeoutMs: number;
  /** Lookups allowed for one event; beyond them a dependency is "unknown". */
  maxLookups: number;
  allow: string[];
}

type Judgement = { python3: DependencyChange["python3"]; reason: string };

const CACHE_TTL_MS = 60 * 60 * 1000;
const MAX_CACHE = 5000;
/** Answers PyPI gave, per index and package version, shared across events: a package's metadata rarely changes. */
const cache = new Map<string, { judgement: Judgement; expires: number }>();

/** Another instance's answer for this URL, from the shared cache (Redis), within its TTL. */
async function sharedJudgement(url: string): Promise<Judgement | undefined> {
  const text = await sharedCache.get(`pypi:${url}`);
  if (!text) return undefined;
  try {
    const judgement = JSON.parse(text) as Judgement;
    return typeof judgement.reason === "string" && ["yes", "no", "unknown"].includes(judgement.python3) ? judgement : undefined;
  } catch {
    return undefined;
  }
}

export function clearPyPICache(): void {
  cache.clear();
}

export function pypiBaseUrl(env: NodeJS.ProcessEnv): string {
  return (env.PYPI_URL || "https://pypi.org").replace(/\/+$/, "");
}

/** The most of one answer read, decompressed: a release's JSON is a few kilobytes, a project's a few megabytes. */
export const MAX_ANSWER_BYTES = 8 * 1024 * 1024;

/** The body's text, read up to the cap (counted after decompression, so a gzip bomb stops there), or undefined past it. */
async function boundedText(response: Response): Promise<string | undefined> {
  const reader = response.body?.getReader();
  if (!reader) return "";
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_ANSWER_BYTES) {
      await reader.cancel();
      return undefined;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/**
 * One package's answer. Redirects are followed only to the same host (a mirror's `/pypi/NAME/` → `/pypi/Name/`);
 * what one package's answer lacks (too large, not JSON) is that package's "unknown", not an outage for the others.
 */
async function lookUp(url: string, timeoutMs: number): Promise<Judgement> {
  try {
    const signal = AbortSignal.timeout(timeoutMs);
    const host = new URL(url).host;
    let response = await fetch(url, { headers: { accept: "application/json", "user-agent": "small-steps" }, signal, redirect: "manual" });
    for (let hops = 0; response.status >= 300 && response.status < 400 && hops < 3; hops++) {
      const location = response.headers.get("location");
      const next = location ? new URL(location, url) : undefined;
      if (!next || next.host !== host) return { python3: "unknown", reason: "the package index redirected to another host, which is not followed" };
      response = await fetch(next, { headers: { accept: "application/json", "user-agent": "small-steps" }, signal, redirect: "manual" });
    }
    if (response.status === 404) return { python3: "unknown", reason: "not found on the package index" };
    if (!response.ok) return { python3: "unknown", reason: `the package index answered HTTP ${response.status}` };
    const text = await boundedText(response);
    if (text === undefined) return { python3: "unknown", reason: `the package index's answer is larger than ${MAX_ANSWER_BYTES / 1024 / 1024} MB` };
    let release: PyPIRelease;
    try {
      release = JSON.parse(text) as PyPIRelease;
    } catch {
      return { python3: "unknown", reason: "the package index answered with something that is not JSON" };
    }
    if (typeof release !== "object" || release === null) return { python3: "unknown", reason: "the package index answered with something that is not a release" };
    return judgePython3Support(release);
  } catch (error) {
    const name = (error as Error).name;
    if (name === "TimeoutError" || name === "AbortError") return { python3: "unknown", reason: `no answer from the package index within ${timeoutMs / 1000} s` };
    return { python3: "unknown", reason: `the package index could not be reached (${(error as Error).message})` };
  }
}

/**
 * Fill in Python 3 support for added and re-pinned dependencies: the allow-list first, then PyPI's JSON API
 * (`/pypi/NAME/VERSION/json` when pinned), with a timeout, a cache and a bound on lookups. Never throws:
 * an outage or a 404 is "unknown", with the reason.
 */
export async function resolvePython3Support(changes: DependencyChange[], options: PyPIOptions): Promise<DependencyChange[]> {
  const allowed = new Set(options.allow.map(normaliseName));
  let lookups = 0;
  /** Once the index cannot be reached (or does not answer in time), nothing more is asked in this event. */
  let unreachable: Judgement | undefined;
  /** The same package pinned in several manifests is asked once. */
  const asked = new Map<string, Judgement>();
  const resolved: DependencyChange[] = [];
  for (const change of changes) {
    if (change.change === "removed") {
      resolved.push({ ...change, python3: "unknown", reason: "removed" });
      continue;
    }
    if (allowed.has(change.key)) {
      resolved.push({ ...change, python3: "yes", reason: "allowed in config" });
      continue;
    }
    const path = change.version ? `${encodeURIComponent(change.name)}/${encodeURIComponent(change.version)}` : encodeURIComponent(change.name);
    const url = `${options.baseUrl}/pypi/${path}/json`;
    const cached = cache.get(url);
    const known = asked.get(url) ?? (cached && cached.expires > Date.now() ? cached.judgement : undefined) ?? (await sharedJudgement(url));
    if (known) {
      resolved.push({ ...change, ...known });
      continue;
    }
    if (unreachable) {
      resolved.push({ ...change, ...unreachable });
      continue;
    }
    if (lookups >= options.maxLookups) {
      resolved.push({ ...change, python3: "unknown", reason: `not looked up: more than ${options.maxLookups} lookups in one event` });
      continue;
    }
    lookups++;
    const judgement = await lookUp(url, options.timeoutMs);
    asked.set(url, judgement);
    const outage = judgement.reason.startsWith("the package index could not be reached") || judgement.reason.startsWith("no answer");
    pypiLookups.inc({ outcome: outage ? "unreachable" : judgement.python3 });
    if (outage) unreachable = judgement;
    // Only PyPI's real answers are kept: an outage is asked again next time.
    if (!judgement.reason.startsWith("the package index") && !judgement.reason.startsWith("no answer")) {
      cache.delete(url);
      cache.set(url, { judgement, expires: Date.now() + CACHE_TTL_MS });
      if (cache.size > MAX_CACHE) cache.delete(cache.keys().next().value as string);
      await sharedCache.set(`pypi:${url}`, JSON.stringify(judgement), CACHE_TTL_MS);
    }
    resolved.push({ ...change, ...judgement });
  }
  return resolved;
}

