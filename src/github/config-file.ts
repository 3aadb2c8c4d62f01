import { count } from "../plural.js";
import { mergeConfigs, resolveConfig, type Config, type ConfigProblem } from "../policy/config.js";
import type { GitHub, RepoRef } from "./client.js";
import { cachedConfig } from "./config-cache.js";

export const CONFIG_PATH = ".github/small-steps.yml";

export type LoadedConfig =
  | { ok: true; config: Config; sources: string[] }
  | { ok: false; problems: ConfigProblem[]; sources: string[]; detailsUrl?: string };

/**
 * Reads the policy through Probot's config plugin (what `context.config` calls): the default branch only, never
 * the pull request's head; the organisation's `.github` repository when the repository has no file; `_extends`.
 * Called directly rather than through `context.config` to learn which files the policy came from.
 * A file that cannot be parsed or does not validate is returned as problems, never replaced by defaults.
 * A GitHub error (other than 404, which means no file) is thrown.
 */
export function loadConfig(github: GitHub, ref: RepoRef, htmlBase: string, path = CONFIG_PATH): Promise<LoadedConfig> {
  // Read once per repository and generation of its owner's policies (config-cache.ts); errors are not cached.
  return cachedConfig(ref.owner, ref.repo, path, () => readConfig(github, ref, htmlBase, path));
}

/** The largest policy file read: a policy is a few hundred bytes; a huge one would only cost parsing and validation. */
export const MAX_CONFIG_BYTES = 64 * 1024;

const capped = new WeakSet<object>();

/** Refuses a policy file over MAX_CONFIG_BYTES before the YAML parser sees it (the config plugin reads it raw). */
function capConfigSize(github: GitHub): void {
  if (capped.has(github)) return;
  capped.add(github);
  github.hook.after("request", (response, options) => {
    if (options.method !== "GET" || !/^\/repos\/\{owner\}\/\{repo\}\/contents\//.test(options.url ?? "")) return;
    const data = response.data as unknown;
    const size = typeof data === "string" ? Buffer.byteLength(data) : 0;
    if (size > MAX_CONFIG_BYTES) throw new Error(`the file is ${Math.ceil(size / 1024)} KB, over the ${MAX_CONFIG_BYTES / 1024} KB a policy may be`);
  });
}

async function readConfig(github: GitHub, ref: RepoRef, htmlBase: string, path: string): Promise<LoadedConfig> {
  capConfigSize(github);
  let files: Array<{ owner: string; repo: string; path: string; config: unknown }>;
  let merged: unknown;
  const link = (f: { owner: string; repo: string; path: string }) => `${htmlBase}/${f.owner}/${f.repo}/blob/HEAD/${f.path}`;
  try {
    const result = await github.config.get({ ...ref, path, defaults: (configs) => mergeConfigs(configs) as Record<string, unknown> });
    files = result.files as typeof files;
    merged = files.some((f) => f.config !== null) ? result.config : null;
  } catch (error) {
    if (typeof (error as { status?: unknown }).status === "number") throw error;
    const message = error instanceof Error ? error.message.replace("[@probot/octokit-plugin-config] ", "") : String(error);
    const cause = error instanceof Error && error.cause instanceof Error ? ` ${error.cause.message.split("\n")[0]}` : "";
    return { ok: false, problems: [{ path: "(file)", message: `${message}${cause}` }], sources: [path], detailsUrl: link({ ...ref, path }) };
  }
  const used = files.filter((f) => f.config !== null);
  const sources = used.map((f) => `${f.owner}/${f.repo}:${f.path}`);
  const extendsProblems = problemsOfExtends(files, ref);
  if (extendsProblems.length) return { ok: false, problems: extendsProblems, sources, detailsUrl: link(files[0]) };
  const resolved = resolveConfig(merged);
  if (resolved.ok) return { ok: true, config: resolved.config, sources };
  return { ok: false, problems: ownProblems(used, resolved.problems), sources, detailsUrl: used[0] ? link(used[0]) : undefined };
}

const nameOf = (f: { owner: string; repo: string; path: string }) => `${f.owner}/${f.repo}:${f.path}`;

/**
 * `_extends` fails closed: a target that does not exist (or that the app cannot read) is an error, not the defaults;
 * and it may only name repositories of the same owner. The files after the first present one were reached through
 * `_extends` (the organisation's `.github` file is read only when the repository has none).
 */
function problemsOfExtends(files: ReadonlyArray<{ owner: string; repo: string; path: string; config: unknown }>, ref: RepoRef): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const firstPresent = files.findIndex((f) => f.config !== null);
  if (firstPresent === -1) return problems;
  for (const target of files.slice(firstPresent + 1)) {
    if (target.owner.toLowerCase() !== ref.owner.toLowerCase()) {
      problems.push({ path: "_extends", message: `may only name repositories of ${ref.owner}; ${nameOf(target)} is not one` });
    } else if (target.config === null) {
      problems.push({ path: "_extends", message: `names ${nameOf(target)}, which does not exist or which the app cannot read` });
    }
  }
  return problems;
}

/**
 * A merged config's problems, told without another file's content: each file is validated alone, the first present
 * file's problems are listed, and an extended file that does not validate is named, not quoted (its keys could be
 * anything the installation can read).
 */
function ownProblems(used: ReadonlyArray<{ owner: string; repo: string; path: string; config: unknown }>, merged: ConfigProblem[]): ConfigProblem[] {
  if (used.length < 2) return merged;
  const [own, ...extended] = used;
  const problems: ConfigProblem[] = [];
  const alone = resolveConfig(own.config);
  if (!alone.ok) problems.push(...alone.problems);
  for (const file of extended) {
    const result = resolveConfig(file.config);
    if (!result.ok) problems.push({ path: "_extends", message: `${nameOf(file)} is not a valid small-steps config (${count(result.problems.length, "problem")}): fix it there` });
  }
  return problems.length ? problems : merged;
}
