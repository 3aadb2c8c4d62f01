import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { resolveConfig, type ConfigResult } from "../policy/config.js";

/** The policy file and how the command line reads it, apart from the sources of a check (which load the engine). */
export async function readOptional(path: string): Promise<string | undefined> {
  // Most candidates (.gitattributes of every folder, heads of files a diff names) do not exist: asking first costs no
  // exception, which Node builds with a stack for every missing file.
  if (!existsSync(path)) return undefined;
  try {
    return await readFile(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
}

/** Parse the YAML text of a config file; a YAML error is a config problem, like a schema error. */
export async function parseConfigText(text: string | undefined): Promise<ConfigResult> {
  if (text === undefined) return resolveConfig(null);
  // The YAML parser is loaded only when there is a file to parse.
  const { default: YAML } = await import("yaml");
  try {
    return resolveConfig(YAML.parse(text) ?? null);
  } catch (error) {
    return { ok: false, problems: [{ path: "(file)", message: `invalid YAML: ${(error as Error).message.split("\n")[0]}` }] };
  }
}

export const CONFIG_FILE = ".github/small-steps.yml";

