import { join } from "node:path";
import { hunksOf, type ChangedFile } from "../analysis/changed-file.js";
import type { ManifestVersions } from "../analysis/dependencies/changes.js";
import { manifestKind, unchangedRootManifests } from "../analysis/dependencies/manifests.js";
import { gitattributesCandidates } from "../analysis/gitattributes.js";
import { CONFIG_FILE, parseConfigText, readOptional } from "./config-file.js";
import type { ConfigResult } from "../policy/config.js";
import type { PullRequestFacts } from "../policy/verdict.js";

export { CONFIG_FILE, parseConfigText, readOptional };
import type { ReadPlan } from "../engine.js";
import { patchesNeeded, patchesWelcome, readDiffChunks } from "./diff-input.js";
import { defaultBase, defaultBranch, diffChunks, git, readBlobs } from "./git.js";

/** What a check measures, wherever it came from: a local repository, a diff file or a pull request. */
export interface CheckSubject {
  label: string;
  files: ChangedFile[];
  gitattributes: Array<{ path: string; text: string }>;
  config: ConfigResult;
  configSource: string;
  facts: PullRequestFacts;
  filesExpected?: number;
  /** Python dependency manifests before and after the change. */
  manifests: ManifestVersions[];
  /** Why the dependency comparison is partial, when it is. */
  manifestProblems?: string[];
  /** Whole versions of the changed files the engine asks for (absent for a diff outside a repository). */
  readWholeFiles?: (plan: ReadPlan) => Promise<{ head: Map<string, string>; base: Map<string, string> }>;
  /** The app's bound on what is read whole (for --pr); the command line on git reads everything. */
  wholeFileBound?: { plan: ReadPlan; bytes: number };
  /** Why some lines are judged from their hunks alone, said in the report. */
  wholeFileNote?: string;
}

/** The local git diff between two revisions, with attributes at the base and the config of the work tree. */
export async function fromGitRepository(cwd: string, options: { base?: string; head?: string; configPath?: string }): Promise<CheckSubject> {
  const root = (await git(cwd, ["rev-parse", "--show-toplevel"])).trim();
  const head = options.head ?? "HEAD";
  const base = options.base ?? (await defaultBase(root, head));
  const configPath = options.configPath ?? join(root, CONFIG_FILE);
  const config = await parseConfigText(await readOptional(configPath));
  const files = await readDiffChunks(diffChunks(root, base, head), patchesNeeded(config), patchesWelcome(config));
  const branch = (await defaultBranch(root)) ?? "main";
  const manifestPaths = files.filter((f) => manifestKind(f.path)).map((f) => f.path);
  const unchangedPaths = unchangedRootManifests(manifestPaths);
  const [before, after, unchanged] = await Promise.all([readBlobs(root, base, manifestPaths), readBlobs(root, head, manifestPaths), readBlobs(root, base, unchangedPaths)]);
  const textAt = (list: Array<{ path: string; text: string }>, path: string) => list.find((b) => b.path === path)?.text;
  return {
    label: `${base.slice(0, 12)}..${head}`,
    manifests: [...manifestPaths.map((path) => ({ path, before: textAt(before, path), after: textAt(after, path) })), ...unchanged.map((b) => ({ path: b.path, before: b.text, unchanged: true }))],
    readWholeFiles: async (plan) => {
      const [heads, bases] = await Promise.all([readBlobs(root, head, plan.head), readBlobs(root, base, plan.base)]);
      return { head: new Map(heads.map((b) => [b.path, b.text])), base: new Map(bases.map((b) => [b.path, b.text])) };
    },
    files,
    gitattributes: await readBlobs(root, base, gitattributesCandidates(files.map((f) => f.path))),
    config,
    configSource: configPath,
    facts: { baseBranch: branch.replace(/^origin\//, ""), defaultBranch: branch.replace(/^origin\//, ""), draft: false, authorIsBot: false },
  };
}

/** A unified diff from a file or standard input, read as it comes, with .gitattributes and config read from the folder `cwd`. */
export async function fromDiffInput(cwd: string, chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>, options: { configPath?: string }): Promise<CheckSubject> {
  const configPath = options.configPath ?? join(cwd, CONFIG_FILE);
  const config = await parseConfigText(await readOptional(configPath));
  // Asked of git while the diff is read.
  const workTree = git(cwd, ["rev-parse", "--is-inside-work-tree"]).catch(() => "");
  const files = await readDiffChunks(chunks, patchesNeeded(config), patchesWelcome(config));
  const candidates = gitattributesCandidates(files.map((f) => f.path));
  const texts = await Promise.all(candidates.map((path) => readOptional(join(cwd, path))));
  const gitattributes = candidates.flatMap((path, i) => (texts[i] === undefined ? [] : [{ path, text: texts[i]! }]));
  // A diff holds only the changed lines: requirements files can be compared from them, other manifests cannot.
  const manifests: ManifestVersions[] = [];
  const manifestProblems: string[] = [];
  for (const file of files) {
    const kind = manifestKind(file.path);
    if (!kind) continue;
    if (kind !== "requirements") {
      manifestProblems.push(`${file.path}: a ${kind} cannot be compared from a diff alone; run small-steps check on a git range`);
      continue;
    }
    const sides = { before: [] as string[], after: [] as string[] };
    for (const hunk of hunksOf(file)) {
      for (const change of hunk.changes) {
        if (change.type === "del") sides.before.push(change.content.slice(1));
        if (change.type === "add") sides.after.push(change.content.slice(1));
      }
    }
    manifests.push({ path: file.path, before: sides.before.join("\n"), after: sides.after.join("\n") });
  }
  const inRepository = (await workTree).trim() === "true";
  return {
    label: "diff",
    // Inside a work tree, the files as they are stand in for the diff's new side; the pack uses a file only where
    // it agrees with every line the diff shows, so a diff of another revision falls back to its hunks.
    readWholeFiles: inRepository
      ? async (plan) => {
          const head = new Map<string, string>();
          for (const path of plan.head) {
            const text = await readOptional(join(cwd, path));
            if (text !== undefined) head.set(path, text);
          }
          return { head, base: new Map() };
        }
      : undefined,
    wholeFileNote: inRepository
      ? "A diff's removed lines are judged from its hunks (the base revision is not known): run small-steps check on a git range to judge them with the whole file."
      : "A diff outside a repository has only its hunks: a guard or docstring above a hunk is not seen. Run small-steps check on a git range to judge each line with the whole file.",
    manifests,
    manifestProblems,
    files,
    gitattributes,
    config,
    configSource: configPath,
    facts: { baseBranch: "main", defaultBranch: "main", draft: false, authorIsBot: false },
  };
}
