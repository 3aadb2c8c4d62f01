import { execFile } from "node:child_process";
import { readdir, readFile } from "node:fs/promises";
import { isAbsolute, join, relative, resolve, sep } from "node:path";
import { matchPathRule } from "../analysis/generated/path-rules.js";

export interface Tree {
  root: string;
  /** Paths relative to the root, with `/`. */
  paths: string[];
  /** How the paths were found: git's index, or a walk of the folders. */
  source: "git" | "walk";
  /** Every .gitattributes file of the tree, also outside `only`. */
  attributePaths: string[];
}

function run(cwd: string, args: string[]): Promise<string | undefined> {
  return new Promise((resolve) => execFile("git", args, { cwd, maxBuffer: 512 * 1024 * 1024 }, (error, stdout) => resolve(error ? undefined : stdout)));
}

/** A folder that Linguist's vendored-folder rules exclude (node_modules, vendor/, third_party/, …): not walked. */
function vendoredFolder(path: string): boolean {
  const rule = matchPathRule(`${path}/x.py`);
  return rule !== undefined && "exclude" in rule.rule.outcome && rule.rule.outcome.exclude === "vendored-folder";
}

/**
 * The files of a working tree: those git tracks (`git ls-files`) in a repository, else a walk that skips `.git`,
 * `node_modules` and vendored folders. `only` restricts it to these paths (relative to `cwd`, or absolute), each of
 * which must lie inside the tree: another tree is scanned with `-C`, so that its own repository and config apply.
 */
export async function listTree(cwd: string, only: readonly string[] = []): Promise<Tree> {
  const top = (await run(cwd, ["rev-parse", "--show-toplevel"]))?.trim();
  for (const path of only) {
    const inTree = relative(top || cwd, resolve(cwd, path));
    if (inTree === ".." || inTree.startsWith(`..${sep}`) || isAbsolute(inTree)) {
      throw new Error(`${path} is outside the tree being scanned (${top || cwd}): to scan it, run small-steps scan -C ${path}`);
    }
  }
  if (top) {
    const listed = await run(cwd, ["ls-files", "-z", "--full-name", "--", ...(only.length ? only : ["."])]);
    const attributes = await run(top, ["ls-files", "-z", "--full-name", "--", ".gitattributes", "**/.gitattributes"]);
    if (listed !== undefined) return { root: top, paths: listed.split("\0").filter(Boolean), source: "git", attributePaths: (attributes ?? "").split("\0").filter(Boolean) };
  }
  const paths: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      const path = relative(cwd, full).split(sep).join("/");
      if (entry.isDirectory()) {
        if (entry.name === ".git" || entry.name === "node_modules" || vendoredFolder(path)) continue;
        await walk(full);
      } else if (entry.isFile()) paths.push(path);
    }
  };
  for (const start of only.length ? only : ["."]) {
    const full = resolve(cwd, start);
    try {
      await walk(full);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ENOTDIR") throw error;
      paths.push(relative(cwd, full).split(sep).join("/"));
    }
  }
  const all = [...new Set(paths)].sort();
  return { root: cwd, paths: all, source: "walk", attributePaths: all.filter((p) => p === ".gitattributes" || p.endsWith("/.gitattributes")) };
}

/** The tree's .gitattributes files, read. */
export async function readGitattributes(tree: Tree): Promise<Array<{ path: string; text: string }>> {
  return Promise.all(tree.attributePaths.map(async (path) => ({ path, text: await readFile(join(tree.root, path), "utf8").catch(() => "") })));
}
