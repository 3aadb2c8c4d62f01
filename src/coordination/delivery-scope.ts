import { AsyncLocalStorage } from "node:async_hooks";

/**
 * What one delivery's work may spend: a deadline, and a signal that ends every request it still has queued or on the
 * wire once the deadline passes (or the work is given up). Requests read the scope of the code that made them
 * (`currentScope`), so a timed-out delivery never sends a request later, after its handler has finished.
 *
 * `DELIVERY_DEADLINE_SECONDS` (default 300) bounds a delivery's whole work, waits included: past it the check run
 * says the pull request could not be measured in time (written in a scope of its own, `withScope`).
 */
export class DeliveryExpired extends Error {
  constructor(readonly seconds: number) {
    super(`the delivery's work did not finish within its deadline of ${seconds} s (queued behind other work); re-run the check to try again`);
  }
}

export interface DeliveryScope {
  /** The delivery's id (X-GitHub-Delivery), the same on a redelivery: the key of "already handled". */
  deliveryId?: string;
  deadline: number;
  signal: AbortSignal;
}

const storage = new AsyncLocalStorage<DeliveryScope>();

export function deadlineSeconds(env: NodeJS.ProcessEnv = process.env): number {
  const value = Number(env.DELIVERY_DEADLINE_SECONDS);
  return Number.isFinite(value) && value > 0 ? value : 300;
}

export function currentScope(): DeliveryScope | undefined {
  return storage.getStore();
}

/** Runs `work` in a scope that ends `seconds` from now: its waits and requests are aborted then (so `work` fails soon after). */
export async function withScope<T>(seconds: number, work: () => Promise<T>, deliveryId = currentScope()?.deliveryId): Promise<T> {
  const controller = new AbortController();
  const expired = new DeliveryExpired(seconds);
  const timer = setTimeout(() => controller.abort(expired), seconds * 1000);
  timer.unref();
  const scope: DeliveryScope = { deliveryId, deadline: Date.now() + seconds * 1000, signal: controller.signal };
  try {
    return await storage.run(scope, work);
  } finally {
    clearTimeout(timer);
    // Whatever the work left queued (it failed, or another branch of it is still waiting) is not sent any more.
    if (!controller.signal.aborted) controller.abort(new DeliveryExpired(seconds));
  }
}

/** Whether the current scope has ended: an error met then is the deadline's doing, whatever it says. */
export function scopeEnded(scope = currentScope()): boolean {
  return scope?.signal.aborted === true;
}

/** Throws the scope's reason if it has ended: checked before each wait ends and before each request is sent. */
export function throwIfEnded(scope = currentScope()): void {
  if (scope?.signal.aborted) throw scope.signal.reason;
}

/** Sleeps `ms`, or fails as soon as the scope ends. */
export function sleepInScope(ms: number, scope = currentScope()): Promise<void> {
  throwIfEnded(scope);
  return new Promise<void>((resolve, reject) => {
    const timer = setTimeout(done, ms);
    function done() {
      scope?.signal.removeEventListener("abort", onAbort);
      resolve();
    }
    function onAbort() {
      clearTimeout(timer);
      reject(scope!.signal.reason);
    }
    scope?.signal.addEventListener("abort", onAbort, { once: true });
  });
}
