import { deferWriteSlot, reserveWriteSlot } from "../coordination/index.js";
import { rateLimitOf } from "./rate-limits.js";
import { currentScope, sleepInScope, throwIfEnded, type DeliveryScope } from "../coordination/delivery-scope.js";

/**
 * How requests leave for GitHub. GitHub's limits are per installation, so the budget is too: one busy organisation
 * never slows another.
 * - Writes (every method but GET and HEAD, except GraphQL queries, which read) leave one per slot of their budget:
 *   content (labels, comments, reactions: what GitHub counts as content-creating), `GITHUB_WRITES_PER_MINUTE` a minute
 *   (default 80, what GitHub allows an installation), and check runs, `GITHUB_CHECK_RUN_WRITES_PER_MINUTE` (default
 *   240), so that labels never hold back the check run a commit is owed. The slots are shared by all instances through
 *   Redis while it is up, and kept by each instance alone while it is away. A secondary rate limit pauses both
 *   budgets of the installation, in every instance, for the time GitHub asks.
 * - Reads: at most `READS_AT_ONCE` per installation and instance at a time.
 * - The timeout (`GITHUB_TIMEOUT_SECONDS`, default 20) covers a request on the wire, each attempt alone, never its
 *   wait for a slot; the wait is bounded by the delivery's deadline instead (`delivery-scope.ts`), and a request whose
 *   delivery has ended is never sent.
 */
export const READS_AT_ONCE = 10;

function perMinute(value: string | undefined, fallback: number): number {
  const n = Number(value);
  return Number.isFinite(n) && n > 0 ? n : fallback;
}

export function writesPerMinuteFromEnv(env: NodeJS.ProcessEnv): { content: number; checkRuns: number } {
  return { content: perMinute(env.GITHUB_WRITES_PER_MINUTE, 80), checkRuns: perMinute(env.GITHUB_CHECK_RUN_WRITES_PER_MINUTE, 240) };
}

/** Which write budget a request spends: check runs, or content. */
export function budgetOf(options: { url?: string }): "checkRuns" | "content" {
  return /\/check-runs(?:\/|$|\?)|\/check-runs\/\{check_run_id\}/.test(options.url ?? "") ? "checkRuns" : "content";
}

/** GITHUB_TIMEOUT_SECONDS (default 20): a request GitHub does not answer in time fails, so the check run says so. */
export function timeoutFromEnv(env: NodeJS.ProcessEnv): number {
  const seconds = Number(env.GITHUB_TIMEOUT_SECONDS);
  return Number.isFinite(seconds) && seconds > 0 ? seconds : 20;
}

const ORIGINAL_FETCH = Symbol("the fetch before the timeout's");

interface RequestOptions {
  method?: string;
  url?: string;
  query?: unknown;
  request?: { fetch?: typeof fetch; [ORIGINAL_FETCH]?: typeof fetch; [key: string]: unknown };
  [key: string]: unknown;
}

/**
 * A GraphQL query reads, though it is a POST. The URL is `/graphql` on github.com and `…/api/graphql` on GitHub
 * Enterprise Server (Octokit makes it absolute there).
 */
export function isGraphqlQuery(options: { url?: string; query?: unknown }): boolean {
  const path = (options.url ?? "").split("?")[0];
  return /(?:^|\/)graphql$/.test(path) && typeof options.query === "string" && !/^\s*mutation\b/.test(options.query);
}

export function isWrite(options: RequestOptions): boolean {
  const method = (options.method ?? "GET").toUpperCase();
  return method !== "GET" && method !== "HEAD" && !isGraphqlQuery(options);
}

/** At most `size` holders at once; a waiter whose scope ends leaves the queue. */
class Slots {
  private used = 0;
  private readonly waiting: Array<() => void> = [];
  constructor(private readonly size: number) {}

  async acquire(scope: DeliveryScope | undefined): Promise<void> {
    throwIfEnded(scope);
    if (this.used < this.size) {
      this.used++;
      return;
    }
    await new Promise<void>((resolve, reject) => {
      const take = () => {
        scope?.signal.removeEventListener("abort", onAbort);
        this.used++;
        resolve();
      };
      const onAbort = () => {
        const at = this.waiting.indexOf(take);
        if (at >= 0) this.waiting.splice(at, 1);
        reject(scope!.signal.reason);
      };
      this.waiting.push(take);
      scope?.signal.addEventListener("abort", onAbort, { once: true });
    });
  }

  release(): void {
    this.used--;
    this.waiting.shift()?.();
  }

  get idle(): boolean {
    return this.used === 0 && this.waiting.length === 0;
  }
}

const reads = new Map<string, Slots>();

function readSlots(key: string): Slots {
  let slots = reads.get(key);
  if (!slots) reads.set(key, (slots = new Slots(READS_AT_ONCE)));
  return slots;
}

/** A fetch that gives up after `seconds` on the wire, or as soon as the delivery's scope ends. */
function onTheWire(fetchImpl: typeof fetch | undefined, seconds: number, scope: DeliveryScope | undefined): typeof fetch {
  return async (input, init) => {
    throwIfEnded(scope);
    const timeout = AbortSignal.timeout(seconds * 1000);
    const signals = [timeout, scope?.signal, init?.signal ?? undefined].filter((s): s is AbortSignal => s !== undefined);
    const signal = AbortSignal.any(signals);
    let onAbort: (() => void) | undefined;
    // The race answers even where a transport does not honour the signal.
    const ended = new Promise<never>((_, reject) => {
      onAbort = () => reject(timeout.aborted && !scope?.signal.aborted ? new Error(`GitHub did not answer ${init?.method ?? "GET"} ${describeUrl(input)} within ${seconds} s`) : signal.reason);
      signal.addEventListener("abort", onAbort, { once: true });
    });
    try {
      return await Promise.race([(fetchImpl ?? globalThis.fetch)(input, { ...init, signal }), ended]);
    } finally {
      signal.removeEventListener("abort", onAbort!);
    }
  };
}

function describeUrl(input: Parameters<typeof fetch>[0]): string {
  const text = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
  try {
    return new URL(text).pathname.replace(/^\/api\/(?=graphql$)/, "/").replace(/^\/api\/v3(?=\/)/, "");
  } catch {
    return text;
  }
}

export interface PacingOptions {
  /** Off in unit tests, which send a handful of requests to nock. */
  enabled?: boolean;
  timeoutSeconds?: number;
}

/** An Octokit plugin: the pacing described above, keyed by the installation the client acts for. */
export function requestPacing(env: NodeJS.ProcessEnv) {
  return (octokit: { hook: { wrap: (name: "request", hook: (request: (options: any) => Promise<any>, options: any) => Promise<any>) => void } }, clientOptions: { pacing?: PacingOptions; auth?: { installationId?: number | string } }) => {
    const pacing = clientOptions.pacing ?? {};
    const rates = writesPerMinuteFromEnv(env);
    const seconds = pacing.timeoutSeconds ?? timeoutFromEnv(env);
    const key = String(clientOptions.auth?.installationId ?? "app");
    octokit.hook.wrap("request", async (request, options: RequestOptions) => {
      const scope = currentScope();
      // before-after-hook hands every hook the options object it was first given, whatever a hook passes on: the
      // fetch is set on that object (a new options object would never reach the request, as the old timeout's signal
      // did not). A retry re-enters with the same object, so the original fetch is kept beside it.
      const inner = (options.request?.[ORIGINAL_FETCH] as typeof fetch | undefined) ?? options.request?.fetch;
      options.request = { ...options.request, fetch: onTheWire(inner, seconds, scope), [ORIGINAL_FETCH]: inner };
      if (pacing.enabled === false) return request(options);
      if (isWrite(options)) {
        const budget = budgetOf(options);
        await sleepInScope(await reserveWriteSlot(`${key}:${budget}`, 60_000 / rates[budget]), scope);
        try {
          return await request(options);
        } catch (error) {
          const limit = rateLimitOf(error, Date.now());
          if (limit?.kind === "secondary") await Promise.all([deferWriteSlot(`${key}:content`, limit.waitSeconds * 1000), deferWriteSlot(`${key}:checkRuns`, limit.waitSeconds * 1000)]);
          throw error;
        }
      }
      const slots = readSlots(key);
      await slots.acquire(scope);
      try {
        return await request(options);
      } finally {
        slots.release();
        if (slots.idle) reads.delete(key);
      }
    });
    return {};
  };
}
