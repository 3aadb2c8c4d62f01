import { readFile } from "node:fs/promises";
import { join } from "node:path";
import YAML from "yaml";
import { fromUnifiedDiff, type ChangedFile } from "../analysis/changed-file.js";
import { gitattributesCandidates } from "../analysis/gitattributes.js";
import { resolveConfig, type ConfigResult } from "../policy/config.js";
import type { PullRequestFacts } from "../policy/verdict.js";
import { defaultBase, defaultBranch, diff, git, readBlobs } from "./git.js";

/** What a check measures, wherever it came from: a local repository, a diff file or a pull request. */
export interface CheckSubject {
  label: string;
  files: ChangedFile[];
  gitattributes: Array<{ path: string; text: string }>;
  config: ConfigResult;
  configSource: string;
  facts: PullRequestFacts;
  filesExpected?: number;
}

async function readOptional(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
}

/** Parse the YAML text of a config file; a YAML error is a config problem, like a schema error. */
export function parseConfigText(text: string | undefined): ConfigResult {
  if (text === undefined) return resolveConfig(null);
  try {
    return resolveConfig(YAML.parse(text) ?? null);
  } catch (error) {
    return { ok: false, problems: [{ path: "(file)", message: `invalid YAML: ${(error as Error).message.split("\n")[0]}` }] };
  }
}

const CONFIG_FILE = ".github/small-steps.yml";

/** The local git diff between two revisions, with attributes at the base and the config of the work tree. */
export async function fromGitRepository(cwd: string, options: { base?: string; head?: string; configPath?: string }): Promise<CheckSubject> {
  const root = (await git(cwd, ["rev-parse", "--show-toplevel"])).trim();
  const head = options.head ?? "HEAD";
  const base = options.base ?? (await defaultBase(root, head));
  const files = fromUnifiedDiff(await diff(root, base, head));
  const branch = (await defaultBranch(root)) ?? "main";
  const configPath = options.configPath ?? join(root, CONFIG_FILE);
  return {
    label: `${base.slice(0, 12)}..${head}`,
    files,
    gitattributes: await readBlobs(root, base, gitattributesCandidates(files.map((f) => f.path))),
    config: parseConfigText(await readOptional(configPath)),
    configSource: configPath,
    facts: { baseBranch: branch.replace(/^origin\//, ""), defaultBranch: branch.replace(/^origin\//, ""), draft: false, authorIsBot: false },
  };
}

/** A unified diff from a file or standard input, with .gitattributes and config read from the folder `cwd`. */
export async function fromDiffText(cwd: string, diffText: string, options: { configPath?: string }): Promise<CheckSubject> {
  const files = fromUnifiedDiff(diffText);
  const gitattributes: CheckSubject["gitattributes"] = [];
  for (const path of gitattributesCandidates(files.map((f) => f.path))) {
    const text = await readOptional(join(cwd, path));
    if (text !== undefined) gitattributes.push({ path, text });
  }
  const configPath = options.configPath ?? join(cwd, CONFIG_FILE);
  return {
    label: "diff",
    files,
    gitattributes,
    config: parseConfigText(await readOptional(configPath)),
    configSource: configPath,
    facts: { baseBranch: "main", defaultBranch: "main", draft: false, authorIsBot: false },
  };
}
