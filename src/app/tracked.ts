import { deliveries } from "../metrics/metrics.js";
import { deadlineSeconds, withScope } from "../coordination/delivery-scope.js";
import { exclusive } from "../coordination/index.js";

/** What a handler returns when it looked at an event and left it alone (see `ignored`). */
export const IGNORED = Symbol("ignored");

/** An event the app looked at and left alone, said at debug level so that a delivery never vanishes unexplained. */
export function ignored(context: { log: { debug: (obj: object, msg: string) => void } }, reason: string): typeof IGNORED {
  context.log.debug({ reason }, "event ignored");
  return IGNORED;
}

/** Handlers still working, so that a shutdown can wait for them (Probot may have answered 202 already). */
const inFlight = new Set<Promise<unknown>>();

/** Work started outside a handler (a delivery acknowledged before it is handled), for the shutdown to wait for too. */
export function keepInFlight(work: Promise<unknown>): void {
  inFlight.add(work);
  void work.finally(() => inFlight.delete(work));
}

/** Resolves when no handler is working any more, or after `ms`; says whether all finished. */
export async function drain(ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (inFlight.size > 0) {
    const left = deadline - Date.now();
    if (left <= 0) return false;
    await Promise.race([Promise.allSettled([...inFlight]), new Promise((resolve) => setTimeout(resolve, Math.min(left, 250)))]);
  }
  return true;
}

interface TrackedContext {
  name: string;
  id: string;
  payload: any;
  log: any;
}

/**
 * Every handler through here: its log lines carry the delivery id (Probot's), the repository, the pull request and
 * the SHA, and the delivery is counted by event and outcome (ok, ignored, failed) for /metrics.
 */
export function tracked<C extends TrackedContext>(handler: (context: C) => Promise<unknown>): (context: C) => Promise<void> {
  return async (context) => {
    const { payload } = context;
    const pr = payload.pull_request?.number ?? payload.issue?.number ?? payload.check_run?.external_id ?? undefined;
    const sha = payload.pull_request?.head?.sha ?? payload.check_run?.head_sha ?? payload.check_suite?.head_sha ?? payload.after ?? undefined;
    context.log = context.log.child({ repo: payload.repository?.full_name, ...(pr !== undefined ? { pr } : {}), ...(sha ? { sha } : {}) });
    // The delivery's deadline and its requests' signal (see delivery-scope.ts). GitHub may give the same delivery to
    // two instances behind a load balancer, or redeliver it: one instance handles it, once; the other, finding it
    // done, leaves it (or takes it over when the first failed or died, its lock expired).
    const once = context.id ? `delivery:${context.id}` : undefined;
    const work = withScope(
      deadlineSeconds(),
      async () => {
        if (!once) return handler(context);
        const ran = await exclusive(once, async () => ({ outcome: await handler(context) }), once);
        if (ran) return ran.outcome;
        // Said at info level: an operator sees that a redelivery was seen and why nothing happened.
        context.log.info({ reason: "delivery already handled (by this or another instance)" }, "event ignored");
        return IGNORED;
      },
      context.id,
    );
    inFlight.add(work);
    try {
      const outcome = (await work) === IGNORED ? "ignored" : "ok";
      deliveries.inc({ event: context.name, outcome });
    } catch (error) {
      deliveries.inc({ event: context.name, outcome: "failed" });
      throw error;
    } finally {
      inFlight.delete(work);
    }
  };
}
