import { deliveries } from "../metrics/metrics.js";

/** What a handler returns when it looked at an event and left it alone (see `ignored`). */
export const IGNORED = Symbol("ignored");

/** An event the app looked at and left alone, said at debug level so that a delivery never vanishes unexplained. */
export function ignored(context: { log: { debug: (obj: object, msg: string) => void } }, reason: string): typeof IGNORED {
  context.log.debug({ reason }, "event ignored");
  return IGNORED;
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
    try {
      const outcome = (await handler(context)) === IGNORED ? "ignored" : "ok";
      deliveries.inc({ event: context.name, outcome });
    } catch (error) {
      deliveries.inc({ event: context.name, outcome: "failed" });
      throw error;
    }
  };
}
