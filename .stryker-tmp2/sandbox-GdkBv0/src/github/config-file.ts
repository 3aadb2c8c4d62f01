// @ts-nocheck
import { mergeConfigs, resolveConfig, type Config, type ConfigProblem } from "../policy/config.js";
import type { GitHub, RepoRef } from "./client.js";

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
export async function loadConfig(github: GitHub, ref: RepoRef, htmlBase: string, path = CONFIG_PATH): Promise<LoadedConfig> {
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
  const resolved = resolveConfig(merged);
  if (resolved.ok) return { ok: true, config: resolved.config, sources };
  return { ok: false, problems: resolved.problems, sources, detailsUrl: used[0] ? link(used[0]) : undefined };
}
