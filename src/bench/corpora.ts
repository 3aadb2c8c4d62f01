/** The inputs of the in-process benchmarks, shared by `npm run bench` and `npm run bench:compare`. */
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { GitHubFileEntry } from "../analysis/changed-file.js";

/** What the engine is told of the synthetic pull request, and the `.gitattributes` it reads: pkg3/ is vendored. */
export const SYNTHETIC_FACTS = { baseBranch: "main", defaultBranch: "main", draft: false, authorIsBot: false };
export const SYNTHETIC_GITATTRIBUTES = [{ path: ".gitattributes", text: "*.pb.go linguist-generated\npkg3/** linguist-vendored\n" }];

export function syntheticPullRequest(files: number, linesPerFile: number): GitHubFileEntry[] {
  return Array.from({ length: files }, (_, f) => {
    const half = linesPerFile / 2;
    const removed = Array.from({ length: half }, (_, i) => `-    old_value_${i} = compute(${i}, "text ${f}")`);
    const added = Array.from({ length: half }, (_, i) => `+    new_value_${i} = compute(${i}, "text ${f}")`);
    const patch = `@@ -1,${half + 2} +1,${half + 2} @@ def function_${f}():\n context line\n${removed.join("\n")}\n${added.join("\n")}\n context line`;
    return { filename: `pkg${f % 40}/module_${f}.py`, status: "modified", additions: half, deletions: half, patch };
  });
}

/** The Python standard library of this machine, as one large diff that adds every file: real Python code. */
export function pythonCorpusDiff(): { text: string; files: number; lines: number } | undefined {
  let stdlib: string;
  try {
    stdlib = execFileSync("python3", ["-c", "import sysconfig; print(sysconfig.get_paths()['stdlib'])"], { encoding: "utf8" }).trim();
  } catch {
    return undefined;
  }
  const paths = (readdirSync(stdlib, { recursive: true }) as string[])
    .filter((p) => p.endsWith(".py") && !p.includes("site-packages/") && !p.includes("test/"))
    .sort();
  const parts: string[] = [];
  let lines = 0;
  let files = 0;
  let size = 0;
  for (const path of paths) {
    const body = readFileSync(join(stdlib, path), "utf8").replace(/\n$/, "").split("\n");
    parts.push(`diff --git a/${path} b/${path}\nnew file mode 100644\n--- /dev/null\n+++ b/${path}\n@@ -0,0 +1,${body.length} @@\n+${body.join("\n+")}\n`);
    lines += body.length;
    files++;
    size += body.join("\n").length;
    if (size > 24 * 1024 * 1024) break;
  }
  return { text: parts.join(""), files, lines };
}
