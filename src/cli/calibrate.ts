import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { ExclusionRules } from "../analysis/exclusions.js";
import { gitattributesCandidates, GitattributesIndex } from "../analysis/gitattributes.js";
import { measureSize, SIZE_CLASSES, type SizeClass } from "../analysis/size.js";
import { calibrate, type Calibration, type SizeSample } from "../policy/calibrate.js";
import { sizeOptionsOf, type Config } from "../policy/config.js";
import { formatCount } from "../plural.js";
import { CONFIG_FILE, parseConfigText, readOptional } from "./config-file.js";
import { patchesWelcome, readDiffChunks } from "./diff-input.js";
import { diffChunks, git, readBlobs } from "./git.js";
import { EXIT, type CliIO } from "./io.js";
import { mergedPullRequests } from "./remote-history.js";

export const CALIBRATE_HELP = `Usage: small-steps calibrate [options]

Measures the last merged changes of a local clone with today's engine and config, prints how their sizes spread, and a
thresholds: block (for .github/small-steps.yml) that puts 10% of them in XS, 20% in S, 40% in M, 20% in L, 7% in XL
and 3% in XXL: the median change is M, and 90% are L or below. A change is a merge commit on the first-parent line of
HEAD, measured against its first parent; in a repository that squashes, each first-parent commit.

With --repo OWNER/NAME and a token in GITHUB_TOKEN, the changes are instead the repository's last merged pull requests
on GitHub, measured from GitHub's file lists under the repository's own .github/small-steps.yml (no clone needed).

Options:
  --last N         how many changes to measure (default 100)
  --repo O/N       the last merged pull requests of this repository on GitHub (GITHUB_TOKEN; GITHUB_API_URL for GHES)
  -C DIR           the clone (default: the current folder)
  --config FILE    default: .github/small-steps.yml at the top of the clone
  --json           the measurements and thresholds as JSON
  -h, --help       this help`;

const DEFAULT_LAST = 100;
const MAX_LAST = 5000;

/** The changes to measure: first-parent merges, else first-parent commits (squash merges), newest first. */
async function changes(root: string, last: number): Promise<{ commits: string[]; kind: "merges" | "commits" }> {
  const list = async (args: string[]) => (await git(root, ["log", "--first-parent", `-n${last}`, "--format=%H %P", ...args, "HEAD"])).split("\n").map((l) => l.trim()).filter(Boolean);
  const merges = await list(["--merges"]);
  if (merges.length) return { commits: merges.map((l) => l.split(" ")[0]!), kind: "merges" };
  // A root commit has no parent to measure against.
  return { commits: (await list([])).filter((l) => l.split(" ").length > 1).map((l) => l.split(" ")[0]!), kind: "commits" };
}

/** One change's size as the check would measure it today (attributes at its base, the work tree's config). */
async function measure(root: string, commit: string, config: Config): Promise<SizeSample> {
  const base = `${commit}^1`;
  const files = await readDiffChunks(diffChunks(root, base, commit), () => false, patchesWelcome({ ok: true, config }));
  const gitattributes = await readBlobs(root, base, gitattributesCandidates(files.map((f) => f.path)));
  const size = measureSize(files, new ExclusionRules(config.exclude, new GitattributesIndex(gitattributes)), sizeOptionsOf(config));
  return { lines: size.countedLines, files: size.countedFiles - size.renamedOnly.length };
}

const percent = (share: number) => `${Math.round(share * 100)}%`;
const spread = (shares: Record<SizeClass, number>) => SIZE_CLASSES.map((c) => `${c} ${percent(shares[c])}`).join(", ");

function render(result: Calibration, kind: "merges" | "commits" | "pulls", configSource: string): string {
  const { lines, files } = result.percentiles;
  const t = result.thresholds;
  return [
    `# small-steps calibrate: the last ${formatCount(result.samples)} ${kind === "merges" ? "merges of HEAD's first parent" : kind === "pulls" ? "merged pull requests on GitHub" : "first-parent commits (no merge commits: each commit is taken as one change)"}, measured under ${configSource}`,
    `# counted lines: median ${formatCount(lines.p50)}, 75th percentile ${formatCount(lines.p75)}, 90th ${formatCount(lines.p90)}, largest ${formatCount(lines.max)}`,
    `# files: median ${formatCount(files.p50)}, 75th percentile ${formatCount(files.p75)}, 90th ${formatCount(files.p90)}, largest ${formatCount(files.max)}`,
    `# under the thresholds in force: ${spread(result.current)}`,
    `# under these, by lines: ${spread(result.shares.lines)}; by files: ${spread(result.shares.files)}`,
    `# as the check classes them (the larger of the two): ${spread(result.shares.combined)}`,
    "thresholds:",
    ...SIZE_CLASSES.filter((c) => c !== "XXL").map((c) => `  ${c}: ${t[c as Exclude<SizeClass, "XXL">]}`),
    "  files:",
    ...SIZE_CLASSES.filter((c) => c !== "XXL").map((c) => `    ${c}: ${t.files[c as Exclude<SizeClass, "XXL">]}`),
    "",
  ].join("\n");
}

export async function runCalibrate(argv: string[], io: CliIO): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: { last: { type: "string" }, repo: { type: "string" }, C: { type: "string", short: "C" }, config: { type: "string" }, json: { type: "boolean", default: false }, help: { type: "boolean", short: "h", default: false } }, strict: true, allowPositionals: false });
  } catch (error) {
    io.stderr(`${(error as Error).message}\n\n${CALIBRATE_HELP}\n`);
    return EXIT.usageOrConfig;
  }
  const { values } = parsed;
  if (values.help) {
    io.stdout(`${CALIBRATE_HELP}\n`);
    return EXIT.ok;
  }
  const last = values.last === undefined ? DEFAULT_LAST : Number(values.last);
  if (!Number.isInteger(last) || last < 1 || last > MAX_LAST) {
    io.stderr(`small-steps calibrate: --last ${values.last}: a number of changes from 1 to ${MAX_LAST}\n`);
    return EXIT.usageOrConfig;
  }
  const cwd = values.C ? resolve(io.cwd, values.C) : io.cwd;
  if (values.repo !== undefined) return calibrateRemote(values.repo, last, values, cwd, io);
  let root: string;
  try {
    root = (await git(cwd, ["rev-parse", "--show-toplevel"])).trim();
  } catch {
    io.stderr(`small-steps calibrate: ${cwd} is not in a git clone (calibrate reads its history)\n`);
    return EXIT.usageOrConfig;
  }
  const configPath = values.config ? resolve(cwd, values.config) : join(root, CONFIG_FILE);
  const loaded = await configAt(configPath, values.config, io);
  if (!loaded) return EXIT.usageOrConfig;
  const { commits, kind } = await changes(root, last);
  if (commits.length < 2) {
    io.stderr(`small-steps calibrate: ${commits.length ? "one change" : "no change"} with a parent on HEAD's first-parent line: too few to calibrate on\n`);
    return EXIT.usageOrConfig;
  }
  const samples: SizeSample[] = [];
  try {
    for (const commit of commits) samples.push(await measure(root, commit, loaded.config));
  } catch (error) {
    io.stderr(`small-steps calibrate: ${(error as Error).message}\n`);
    return EXIT.usageOrConfig;
  }
  const result = calibrate(samples, loaded.config.thresholds);
  const source = existsSync(configPath) ? configPath : "the default config";
  io.stdout(values.json ? `${JSON.stringify({ version: 1, kind, ...result }, null, 2)}\n` : render(result, kind, source));
  return EXIT.ok;
}

/** The config in a file (the defaults where it is absent and was not named), or undefined once the mistake is said. */
async function configAt(path: string, named: string | undefined, io: CliIO): Promise<{ config: Config } | undefined> {
  if (named && !existsSync(path)) {
    io.stderr(`small-steps calibrate: --config ${named}: no such file\n`);
    return undefined;
  }
  const loaded = await parseConfigText(await readOptional(path));
  if (loaded.ok) return { config: loaded.config };
  io.stderr(`small-steps calibrate: the configuration in ${path} is not valid:\n${loaded.problems.map((p) => `  ${p.path}: ${p.message}`).join("\n")}\n`);
  return undefined;
}

/** `--repo`: the last merged pull requests on GitHub, measured from their file lists. */
async function calibrateRemote(repository: string, last: number, values: { config?: string; json?: boolean }, cwd: string, io: CliIO): Promise<number> {
  let history;
  try {
    history = await mergedPullRequests(repository, last, io.env);
  } catch (error) {
    const status = (error as { status?: number }).status;
    io.stderr(`small-steps calibrate: ${status ? `GitHub answered ${status} for ${repository}: ` : ""}${(error as Error).message.split("\n")[0]}\n`);
    return EXIT.usageOrConfig;
  }
  let config: Config;
  let source: string;
  if (values.config) {
    const path = resolve(cwd, values.config);
    const loaded = await configAt(path, values.config, io);
    if (!loaded) return EXIT.usageOrConfig;
    [config, source] = [loaded.config, path];
  } else if (!history.config.ok) {
    io.stderr(`small-steps calibrate: the configuration of ${repository} is not valid:\n${history.config.problems.map((p) => `  ${p.path}: ${p.message}`).join("\n")}\n`);
    return EXIT.usageOrConfig;
  } else [config, source] = [history.config.config, history.config.sources.join(", ") || `the default config (${repository} has none)`];
  if (history.changes.length < 2) {
    io.stderr(`small-steps calibrate: ${history.changes.length ? "one merged pull request" : "no merged pull request"} in ${repository}: too few to calibrate on\n`);
    return EXIT.usageOrConfig;
  }
  const rules = new ExclusionRules(config.exclude, new GitattributesIndex(history.gitattributes));
  const samples = history.changes.map(({ files }) => {
    const size = measureSize(files, rules, sizeOptionsOf(config));
    return { lines: size.countedLines, files: size.countedFiles - size.renamedOnly.length };
  });
  const result = calibrate(samples, config.thresholds);
  io.stdout(values.json ? `${JSON.stringify({ version: 1, kind: "pulls", pulls: history.changes.map((c) => c.number), ...result }, null, 2)}\n` : render(result, "pulls", source));
  return EXIT.ok;
}
