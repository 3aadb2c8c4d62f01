import { formatCount } from "../plural.js";
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { renderHeadline, renderScanSections } from "../report/scan.js";
import { listTree, readGitattributes } from "../scan/tree.js";
import { batchLines, python3SupportOf, scanJobs, THREADS_FROM_FILES } from "../scan/scan-tree.js";
import { EXIT, type CliIO } from "./io.js";
import { CONFIG_FILE, parseConfigText, readOptional } from "./sources.js";

export const SCAN_HELP = `Usage: small-steps scan [PATH...] [options]

Counts the old constructs left in a working tree (what the migration dashboard shows): the files git tracks, or,
outside a repository, every file but .git, node_modules and vendored folders. PATHs restrict the scan.

Options:
  --json           print the JSON result instead of Markdown
  --pypi           ask the package index (PYPI_URL) whether the declared packages support Python 3
  --config FILE    default: .github/small-steps.yml at the top of the tree
  -C DIR           run as if started in DIR
  -h, --help       show this help

Exit code: 0 when the scan ran, 2 for a usage or config error.`;

export interface ScanIO extends CliIO {
  /** Whether standard error is a terminal (a progress line is shown there when the scan takes over a second). */
  stderrIsTTY?: boolean;
}

export async function runScan(argv: string[], io: ScanIO): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: { json: { type: "boolean", default: false }, pypi: { type: "boolean", default: false }, config: { type: "string" }, C: { type: "string", short: "C" }, help: { type: "boolean", short: "h", default: false } },
      strict: true,
      allowPositionals: true,
    });
  } catch (error) {
    io.stderr(`${(error as Error).message}\n\n${SCAN_HELP}\n`);
    return EXIT.usageOrConfig;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout(`${SCAN_HELP}\n`);
    return EXIT.ok;
  }
  const cwd = typeof values.C === "string" ? resolve(io.cwd, values.C) : io.cwd;
  // A mistake in a path is said, never scanned as an empty tree: a missing folder, path or config file.
  const missing = [
    ...(existsSync(cwd) ? [] : [`-C ${String(values.C)}: no such folder`]),
    ...positionals.filter((p) => existsSync(cwd) && !existsSync(resolve(cwd, p))).map((p) => `${p}: no such file or folder`),
    ...(values.config && !existsSync(resolve(cwd, String(values.config))) ? [`--config ${String(values.config)}: no such file`] : []),
  ];
  if (missing.length) {
    io.stderr(`small-steps scan: ${missing.join("; ")}\n`);
    return EXIT.usageOrConfig;
  }
  let tree;
  try {
    tree = await listTree(cwd, positionals);
  } catch (error) {
    io.stderr(`small-steps: ${(error as Error).message}\n\n${SCAN_HELP}\n`);
    return EXIT.usageOrConfig;
  }
  const configPath = values.config ? resolve(cwd, values.config) : join(tree.root, CONFIG_FILE);
  const loaded = await parseConfigText(await readOptional(configPath));
  if (!loaded.ok) {
    io.stderr(`small-steps: the configuration in ${configPath} is not valid:\n${loaded.problems.map((p) => `  ${p.path}: ${p.message}`).join("\n")}\n`);
    return EXIT.usageOrConfig;
  }
  const config = loaded.config;
  const gitattributes = await readGitattributes(tree);
  const started = Date.now();
  const progress = (files: number) => {
    if (io.stderrIsTTY && Date.now() - started > 1000) io.stderr(`\rscanning: ${formatCount(files)} of ${formatCount(tree.paths.length)} files`);
  };
  const result = await scanJobs(
    tree.paths.map((path) => ({ path, root: tree.root })),
    config,
    () => gitattributes,
    { threads: tree.paths.length < THREADS_FROM_FILES ? 0 : undefined, onProgress: progress },
  );
  if (io.stderrIsTTY && Date.now() - started > 1000) io.stderr("\r\x1b[K");
  const python3 = values.pypi ? await python3SupportOf(result, config, io.env) : undefined;
  if (values.json) {
    const dependencies = result.dependencies.map((d) => ({ ...d, ...(python3 ? { python3: python3.get(d.name)?.python3 ?? "unknown" } : {}) }));
    const { files, lines, skipped, remaining, fixable, filesWithRemaining, batches, excluded } = result;
    io.stdout(JSON.stringify({ files, lines, excluded, skipped, remaining, fixable, filesWithRemaining, batches, dependencies }, null, 2) + "\n");
  } else {
    const limit = `${config.limit} (${formatCount(batchLines(config))} lines)`;
    io.stdout([`## small-steps scan of ${tree.source === "git" ? "the files git tracks" : "the folder"}${positionals.length ? ` under ${positionals.join(", ")}` : ""}`, renderHeadline(result), ...renderScanSections(result, { limit, maxLines: batchLines(config), python3 })].join("\n\n") + "\n");
  }
  return EXIT.ok;
}
