import { existsSync, statSync } from "node:fs";
import { availableParallelism } from "node:os";
import { writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { fixAll, FixingThreads, THREADED_FROM_FILES } from "../fix/pool.js";
import { FIX_TARGETS, type FixTarget } from "../fix/targets.js";
import type { FixBatch } from "../fix/batch.js";
import type { FixOutcome } from "../fix/fix-file.js";
import { count, formatCount } from "../plural.js";
import { EXIT, type CliIO } from "./io.js";

export const FIX_HELP = `Usage: small-steps fix [PATH...] [options]

Rewrites the Python 2 constructs that have a mechanical fix, keeping the rest of each file as it was: for Python 2.7
and 3 alike with six and __future__ (the compatible target, as python-modernize would), or for Python 3 alone (the
python3 target, as 2to3 would). Without --write it prints a unified diff; with it, it edits the files in place. PATHs
are files or folders (default: the tree; in a git repository, the files git tracks).

Options:
  --rules ID,...   only these rules (ids as the check run names them); default: every rule with a fix
  --target T       compatible (default: runs on Python 2.7 and 3) or python3
  --write          edit the files instead of printing the diff
  --max-lines N    one small step: the files (in path order) whose fixes together stay within N counted lines, as
                   the size check counts them under the config; run it again for the next step
  --config FILE    for --max-lines, default: .github/small-steps.yml at the top of the tree
  -C DIR           run as if started in DIR
  -h, --help       show this help

Exit code: 0 when nothing is left to fix or the files were written, 1 when the diff is not empty, 2 for a usage or
config error, or when the fixing could not run (nothing is written then).`;

export async function runFix(argv: string[], io: CliIO): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: { rules: { type: "string" }, target: { type: "string", default: "compatible" }, write: { type: "boolean", default: false }, "max-lines": { type: "string" }, config: { type: "string" }, C: { type: "string", short: "C" }, help: { type: "boolean", short: "h", default: false } },
      strict: true,
      allowPositionals: true,
    });
  } catch (error) {
    io.stderr(`${(error as Error).message}\n\n${FIX_HELP}\n`);
    return EXIT.usageOrConfig;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout(`${FIX_HELP}\n`);
    return EXIT.ok;
  }
  if (!(FIX_TARGETS as readonly string[]).includes(values.target)) {
    io.stderr(`small-steps fix: --target ${values.target}: the targets are ${FIX_TARGETS.join(" and ")}\n`);
    return EXIT.usageOrConfig;
  }
  const target = values.target as FixTarget;
  const maxLines = values["max-lines"] === undefined ? undefined : Number(values["max-lines"]);
  if (maxLines !== undefined && !(Number.isInteger(maxLines) && maxLines > 0)) {
    io.stderr(`small-steps fix: --max-lines ${values["max-lines"]}: a number of counted lines above 0 (the limit's class is under 500 by default)\n`);
    return EXIT.usageOrConfig;
  }
  // The fixers (and the parser they load) are read here only to check --rules: fixing runs on other threads.
  const asked = values.rules ? values.rules.split(",").map((r) => r.trim()).filter(Boolean) : undefined;
  if (asked) {
    const [{ fixersFor }, { nearest }] = await Promise.all([import("../fix/python3-fixes.js"), import("../policy/config.js")]);
    const known = Object.keys(fixersFor(target));
    const unknown = asked.filter((r) => !known.includes(r));
    if (unknown.length) {
      io.stderr(`small-steps fix: ${unknown.map((r) => `${r} is not a rule with a fix${target === "compatible" && Object.hasOwn(fixersFor("python3"), r) ? " for the compatible target (only for --target python3)" : nearest(r, known) ? ` (did you mean ${nearest(r, known)}?)` : ""}`).join("; ")}\n`);
      return EXIT.usageOrConfig;
    }
  }
  const cwd = typeof values.C === "string" ? resolve(io.cwd, values.C) : io.cwd;
  const missing = [...(existsSync(cwd) ? [] : [`-C ${String(values.C)}: no such folder`]), ...(values.config && existsSync(cwd) && !existsSync(resolve(cwd, values.config)) ? [`--config ${values.config}: no such file`] : []), ...positionals.filter((p) => existsSync(cwd) && !existsSync(resolve(cwd, p))).map((p) => `${p}: no such file or folder`)];
  if (missing.length) {
    io.stderr(`small-steps fix: ${missing.join("; ")}\n`);
    return EXIT.usageOrConfig;
  }
  // The fixing threads start now and load the parser while the files are listed, unless a few files were named.
  const few = positionals.length > 0 && positionals.length < THREADED_FROM_FILES && positionals.every((p) => statSync(resolve(cwd, p)).isFile());
  let threads: FixingThreads | undefined;
  try {
    threads = !few && availableParallelism() > 1 ? new FixingThreads(availableParallelism()) : undefined;
    threads?.start();
  } catch (error) {
    io.stderr(`small-steps fix: ${(error as Error).message.replace(/^small-steps fix: /, "")}; no file was written\n`);
    return EXIT.usageOrConfig;
  }
  try {
    return await fixTree(argv, io, { values, positionals, cwd, target, asked, maxLines, threads });
  } finally {
    await threads?.close();
  }
}

async function fixTree(
  argv: string[],
  io: CliIO,
  { values, positionals, cwd, target, asked, maxLines, threads }: { values: { write: boolean; config?: string }; positionals: string[]; cwd: string; target: FixTarget; asked?: string[]; maxLines?: number; threads?: FixingThreads },
): Promise<number> {
  // The config, its schema and the size engine are loaded for --max-lines only: until the files are listed, this
  // thread's time is the fixing threads' start.
  const { listTree, readGitattributes } = await import("../scan/tree.js");
  let tree;
  try {
    tree = await listTree(cwd, positionals);
  } catch (error) {
    io.stderr(`small-steps fix: ${(error as Error).message.replace("small-steps scan", "small-steps fix")}\n`);
    return EXIT.usageOrConfig;
  }
  // With --max-lines, the files whose fixes make one step within it, sized by the check's own engine.
  let step: ((changed: FixOutcome[]) => FixBatch<FixOutcome>) | undefined;
  if (maxLines !== undefined) {
    const [{ batchWithin, diffSizer }, { CONFIG_FILE, parseConfigText, readOptional }] = await Promise.all([import("../fix/batch.js"), import("./config-file.js")]);
    const configPath = values.config ? resolve(cwd, values.config) : join(tree.root, CONFIG_FILE);
    const loaded = await parseConfigText(await readOptional(configPath));
    if (!loaded.ok) {
      io.stderr(`small-steps fix: the configuration in ${configPath} is not valid:\n${loaded.problems.map((p) => `  ${p.path}: ${p.message}`).join("\n")}\n`);
      return EXIT.usageOrConfig;
    }
    const sizer = diffSizer(loaded.config, await readGitattributes(tree));
    step = (changed) => batchWithin(changed.map((o) => ({ item: o, path: o.path, lines: sizer(o.diff!) })), maxLines, loaded.config.thresholds);
  }
  let outcomes;
  try {
    const jobs = tree.paths.filter((p) => p.endsWith(".py")).sort().map((path) => ({ path, root: tree.root }));
    outcomes = await fixAll(jobs, { rules: asked, target }, threads ?? 0);
  } catch (error) {
    // A fixing thread that could not start or died: said in one line, nothing written.
    io.stderr(`small-steps fix: ${(error as Error).message.replace(/^small-steps fix: /, "")}; no file was written\n`);
    return EXIT.usageOrConfig;
  }
  const refused = outcomes.flatMap((o) => o.refused.map((rule) => `${rule} in ${o.path}`));
  const changed = outcomes.filter((o) => o.text !== undefined);
  const batch = step?.(changed);
  const taken = batch ? batch.taken.map((f) => f.item) : changed;
  const counts = new Map<string, number>();
  for (const outcome of taken) {
    for (const [rule, n] of Object.entries(outcome.fixed)) counts.set(rule, (counts.get(rule) ?? 0) + n);
    if (values.write) await writeFile(join(tree.root, outcome.path), outcome.text!);
    else io.stdout(outcome.diff!);
  }
  const fixed = listed([...counts].sort((a, b) => b[1] - a[1]).map(([rule, n]) => `${rule} ${n}`));
  const verb = values.write ? "rewrote" : "would rewrite";
  const measured = batch ? ` (${formatCount(batch.lines)} counted lines, size ${batch.sizeClass})` : "";
  const summary = [taken.length ? `small-steps fix: ${verb} ${count(taken.length, "file")}${measured}: ${fixed}` : "small-steps fix: nothing to fix" + (batch?.tooLarge.length ? " within --max-lines" : "")];
  if (batch?.left.length) {
    const rest = batch.left.reduce((sum, f) => sum + f.lines, 0);
    summary.push(`left for the next steps: ${count(batch.left.length, "file")} (${formatCount(rest)} counted lines); next: ${commandLine(argv)} --write${values.write ? " (the same command makes the next step)" : " makes this step, and then the next"}`);
  } else if (taken.length && !values.write) summary.push(`next: ${commandLine(argv)} --write`);
  if (batch?.tooLarge.length) summary.push(`over --max-lines ${maxLines} on their own (a file at a time, or fewer --rules at a time): ${listed(batch.tooLarge.map((f) => `${f.path} (${formatCount(f.lines)} lines)`))}`);
  if (refused.length) summary.push(`not fixed, because the result would not parse: ${refused.join("; ")}`);
  io.stderr(summary.map((line, i) => (i ? `small-steps fix: ${line}` : line)).join("\n") + "\n");
  return taken.length && !values.write ? EXIT.policyFailed : EXIT.ok;
}

/** A list for one line of the summary: the first ten, and how many more. */
const listed = (items: string[]) => items.slice(0, 10).join(", ") + (items.length > 10 ? ` and ${formatCount(items.length - 10)} more` : "");

/** The command as it was typed, its words quoted for a shell where needed (--write left out: the caller says it). */
function commandLine(argv: readonly string[]): string {
  return ["small-steps", "fix", ...argv.filter((a) => a !== "--write")].map((w) => (/^[\w./@%+=:,-]+$/.test(w) ? w : `'${w.replace(/'/g, "'\\''")}'`)).join(" ");
}
