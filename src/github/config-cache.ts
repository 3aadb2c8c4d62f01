import { sharedCache } from "../coordination/index.js";

/**
 * Policies read once per repository until its owner's config may have changed: a push to a default branch that
 * touches a YAML file under `.github/` (the repository's own file, the organisation's `.github` repository, or a file
 * another repository `_extends`, which must belong to the same owner) starts a new generation for that owner. Shared
 * by the instances through Redis; each instance keeps its own copy too. An entry lives `TTL_MS` at most, so that a
 * change the app never heard of (a push before it was installed) is read within that time.
 */
const TTL_MS = 10 * 60 * 1000;
const MAX_ENTRIES = 2000;

const local = new Map<string, { value: string; expires: number }>();
const localGenerations = new Map<string, string>();

async function generation(owner: string): Promise<string> {
  const key = `config-generation:${owner.toLowerCase()}`;
  return (await sharedCache.get(key)) ?? localGenerations.get(key) ?? "0";
}

/** A new generation of `owner`'s policies: every cached one is read again. */
export async function configChanged(owner: string): Promise<void> {
  const key = `config-generation:${owner.toLowerCase()}`;
  const next = `${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
  localGenerations.set(key, next);
  await sharedCache.set(key, next, 7 * 24 * 60 * 60 * 1000);
}

/** Whether a push's changed paths may change a policy. */
export function touchesConfig(paths: readonly string[]): boolean {
  return paths.some((path) => /^\.github\/[^/]+\.ya?ml$/i.test(path));
}

export function clearConfigCache(): void {
  local.clear();
  localGenerations.clear();
}

/** `read()`'s answer for `repo`, from the cache while the owner's generation and the TTL hold. */
export async function cachedConfig<T>(owner: string, repo: string, path: string, read: () => Promise<T>): Promise<T> {
  const key = `config:${owner.toLowerCase()}/${repo.toLowerCase()}:${path}:${await generation(owner)}`;
  const now = Date.now();
  const mine = local.get(key);
  const text = mine && mine.expires > now ? mine.value : await sharedCache.get(key);
  if (text !== undefined) {
    try {
      return JSON.parse(text) as T;
    } catch {
      /* read it again */
    }
  }
  const value = await read();
  const serialised = JSON.stringify(value);
  local.delete(key);
  local.set(key, { value: serialised, expires: now + TTL_MS });
  if (local.size > MAX_ENTRIES) local.delete(local.keys().next().value as string);
  await sharedCache.set(key, serialised, TTL_MS);
  return value;
}
