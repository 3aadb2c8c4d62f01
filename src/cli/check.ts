import { existsSync, statSync } from "node:fs";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { dependencyChanges } from "../analysis/dependencies/changes.js";
import { evaluate, filesToRead } from "../engine.js";
import { withoutLookups } from "../pypi/without-lookups.js";
import { toJsonReport } from "../report/json.js";
import { renderSummary } from "../report/markdown.js";
import { fileChunks } from "./diff-input.js";
import { fromDiffInput, fromGitRepository, type CheckSubject } from "./sources.js";

import { EXIT, type CliIO } from "./io.js";

export { EXIT, type CliIO };

export const CHECK_HELP = `Usage: small-steps check [options]

Measures a change the way the GitHub App does and prints the same report.

Sources (one):
  (default)            the local git diff between --base and --head
  --diff FILE          a unified diff from FILE, or - for standard input
  --pr OWNER/REPO#N    a pull request on GitHub (token in GITHUB_TOKEN; GITHUB_API_URL for Enterprise)

Options:
  --base REV           default: the merge base with the default branch, else HEAD~1
  --head REV           default: HEAD
  --config FILE        default: .github/small-steps.yml in the repository (or the current folder)
  --pypi               ask the package index (PYPI_URL, default https://pypi.org) whether new Python
                       dependencies support Python 3; without it no network call is made
  --json               print the JSON report instead of text
  -C DIR               run as if started in DIR
  -h, --help           show this help

Exit code: 0 when the policy passes or only warns, 1 when it would fail the check, 2 for a usage or config error.`;


async function* textChunks(text: Promise<string>): AsyncIterable<Uint8Array> {
  yield Buffer.from(await text, "utf8");
}

async function readSubject(values: Record<string, string | boolean | undefined>, io: CliIO): Promise<CheckSubject> {
  const cwd = typeof values.C === "string" ? resolve(io.cwd, values.C) : io.cwd;
  // A mistake in a path is said, not replaced by a default: a missing folder, a config file that is not there.
  if (!isFolder(cwd)) throw new UsageError(`-C ${String(values.C)}: no such folder`);
  const configPath = values.config as string | undefined;
  if (configPath !== undefined && !existsSync(resolve(cwd, configPath))) throw new UsageError(`--config ${configPath}: no such file`);
  if (typeof values.pr === "string") {
    // Octokit and the app's GitHub modules are loaded only for --pr: a local check starts in a fraction of the time.
    const { fromPullRequest, parsePullRequestRef } = await import("./remote.js");
    const ref = parsePullRequestRef(values.pr);
    if (!ref) throw new UsageError(`--pr expects OWNER/REPO#NUMBER, got "${values.pr}"`);
    return fromPullRequest(ref, io.env);
  }
  if (typeof values.diff === "string") {
    const chunks = values.diff !== "-" ? fileChunks(resolve(cwd, values.diff)) : (io.stdinChunks?.() ?? textChunks(io.readStdin()));
    const subject = await fromDiffInput(cwd, chunks, { configPath });
    // A file that holds no diff is a mistake (the wrong file, an empty pipe), not an extra-small change.
    if (subject.files.length === 0) throw new UsageError(`no diff found ${values.diff === "-" ? "on standard input" : `in ${values.diff}`}`);
    return subject;
  }
  return fromGitRepository(cwd, { base: values.base as string | undefined, head: values.head as string | undefined, configPath });
}

class UsageError extends Error {}

const isFolder = (path: string) => {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
};

export async function runCheck(argv: string[], io: CliIO): Promise<number> {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        base: { type: "string" },
        head: { type: "string" },
        diff: { type: "string" },
        pr: { type: "string" },
        config: { type: "string" },
        json: { type: "boolean", default: false },
        pypi: { type: "boolean", default: false },
        C: { type: "string", short: "C" },
        help: { type: "boolean", short: "h", default: false },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    io.stderr(`${(error as Error).message}\n\n${CHECK_HELP}\n`);
    return EXIT.usageOrConfig;
  }
  if (values.help) {
    io.stdout(`${CHECK_HELP}\n`);
    return EXIT.ok;
  }
  if ([values.pr, values.diff].filter((v) => v !== undefined).length > 1) {
    io.stderr("Use one of --pr and --diff.\n");
    return EXIT.usageOrConfig;
  }
  let subject: CheckSubject;
  try {
    subject = await readSubject(values, io);
  } catch (error) {
    io.stderr(`small-steps: ${(error as Error).message}\n`);
    return EXIT.usageOrConfig;
  }
  if (!subject.config.ok) {
    const problems = subject.config.problems;
    if (values.json) io.stdout(JSON.stringify({ version: 1, error: "invalid-config", configSource: subject.configSource, problems }, null, 2) + "\n");
    else io.stderr(`small-steps: the configuration in ${subject.configSource} is not valid:\n${problems.map((p) => `  ${p.path}: ${p.message}`).join("\n")}\n`);
    return EXIT.usageOrConfig;
  }
  const config = subject.config.config;
  const found = dependencyChanges(subject.manifests);
  // The PyPI client (and its shared cache) is loaded only when asked for.
  const pypi = config.dependencies.enabled && values.pypi ? await import("../pypi/client.js") : undefined;
  const changes = !config.dependencies.enabled
    ? []
    : pypi
      ? await pypi.resolvePython3Support(found.changes, { baseUrl: pypi.pypiBaseUrl(io.env), timeoutMs: config.dependencies.timeoutSeconds * 1000, maxLookups: config.dependencies.maxLookups, allow: config.dependencies.allow })
      : withoutLookups(found.changes, config.dependencies.allow, "not asked: run with --pypi to ask the package index");
  const dependencies = { changes, problems: [...found.problems, ...(subject.manifestProblems ?? [])] };
  const whole = subject.readWholeFiles ? await subject.readWholeFiles(filesToRead(subject.files, config)) : undefined;
  const evaluation = evaluate({
    files: subject.files,
    config,
    gitattributes: subject.gitattributes,
    facts: subject.facts,
    filesExpected: subject.filesExpected,
    dependencies,
    headTexts: whole?.head,
    baseTexts: whole?.base,
    wholeFileBound: subject.wholeFileBound,
    wholeFileNote: subject.wholeFileNote,
  });
  if (values.json) {
    io.stdout(JSON.stringify({ ...toJsonReport(evaluation), subject: subject.label }, null, 2) + "\n");
  } else {
    io.stdout(`small-steps ${subject.label}: ${evaluation.verdict.title} [${evaluation.verdict.conclusion}]\n\n${renderSummary(evaluation)}\n`);
  }
  return evaluation.verdict.conclusion === "failure" ? EXIT.policyFailed : EXIT.ok;
}
