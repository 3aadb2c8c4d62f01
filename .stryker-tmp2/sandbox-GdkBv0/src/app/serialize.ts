/**
 * Runs tasks with the same key one after another, so that two deliveries for the same pull request in this
 * process never both find "no check run yet" and create two.
 */
// @ts-nocheck

const tails = new Map<string, Promise<unknown>>();

export function serialize<T>(key: string, task: () => Promise<T>): Promise<T> {
  const previous = tails.get(key) ?? Promise.resolve();
  const run = previous.then(task, task);
  const tail = run.catch(() => undefined);
  tails.set(key, tail);
  void tail.then(() => {
    if (tails.get(key) === tail) tails.delete(key);
  });
  return run;
}
