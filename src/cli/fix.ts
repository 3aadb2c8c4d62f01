import { existsSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { fixAll } from "../fix/pool.js";
import { FIX_TARGETS, fixersFor, type FixTarget } from "../fix/python3-fixes.js";
import { nearest } from "../policy/config.js";
import { listTree } from "../scan/tree.js";
import { EXIT, type CliIO } from "./check.js";

export const FIX_HELP = `Usage: small-steps fix [PATH...] [options]

Rewrites the Python 2 constructs that have a mechanical fix, keeping the rest of each file as it was: for Python 2.7
and 3 alike with six and __future__ (the compatible target, as python-modernize would), or for Python 3 alone (the
python3 target, as 2to3 would). Without --write it prints a unified diff; with it, it edits the files in place. PATHs
are files or folders (default: the tree; in a git repository, the files git tracks).

Options:
  --rules ID,...   only these rules (ids as the check run names them); default: every rule with a fix
  --target T       compatible (default: runs on Python 2.7 and 3) or python3
  --write          edit the files instead of printing the diff
  -C DIR           run as if started in DIR
  -h, --help       show this help

Exit code: 0 when nothing is left to fix or the files were written, 1 when the diff is not empty, 2 for a usage error.`;

export async function runFix(argv: string[], io: CliIO): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: { rules: { type: "string" }, target: { type: "string", default: "compatible" }, write: { type: "boolean", default: false }, C: { type: "string", short: "C" }, help: { type: "boolean", short: "h", default: false } },
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
  const known = Object.keys(fixersFor(target));
  const asked = values.rules ? values.rules.split(",").map((r) => r.trim()).filter(Boolean) : known;
  const unknown = asked.filter((r) => !known.includes(r));
  if (unknown.length) {
    io.stderr(`small-steps fix: ${unknown.map((r) => `${r} is not a rule with a fix${target === "compatible" && Object.hasOwn(fixersFor("python3"), r) ? " for the compatible target (only for --target python3)" : nearest(r, known) ? ` (did you mean ${nearest(r, known)}?)` : ""}`).join("; ")}\n`);
    return EXIT.usageOrConfig;
  }
  const cwd = typeof values.C === "string" ? resolve(io.cwd, values.C) : io.cwd;
  const missing = [...(existsSync(cwd) ? [] : [`-C ${String(values.C)}: no such folder`]), ...positionals.filter((p) => existsSync(cwd) && !existsSync(resolve(cwd, p))).map((p) => `${p}: no such file or folder`)];
  if (missing.length) {
    io.stderr(`small-steps fix: ${missing.join("; ")}\n`);
    return EXIT.usageOrConfig;
  }
  let tree;
  try {
    tree = await listTree(cwd, positionals);
  } catch (error) {
    io.stderr(`small-steps fix: ${(error as Error).message.replace("small-steps scan", "small-steps fix")}\n`);
    return EXIT.usageOrConfig;
  }
  const outcomes = await fixAll(tree.paths.filter((p) => p.endsWith(".py")).sort().map((path) => ({ path, root: tree.root })), { rules: asked, target });
  const counts = new Map<string, number>();
  const refused = new Set<string>();
  let changedFiles = 0;
  for (const outcome of outcomes) {
    for (const rule of outcome.refused) refused.add(`${rule} in ${outcome.path}`);
    if (outcome.text === undefined) continue;
    changedFiles++;
    for (const [rule, n] of Object.entries(outcome.fixed)) counts.set(rule, (counts.get(rule) ?? 0) + n);
    if (values.write) await writeFile(join(tree.root, outcome.path), outcome.text);
    else io.stdout(outcome.diff!);
  }
  const fixed = [...counts].sort((a, b) => b[1] - a[1]).map(([rule, n]) => `${rule} ${n}`).join(", ");
  io.stderr(changedFiles ? `small-steps fix: ${values.write ? "rewrote" : "would rewrite"} ${changedFiles} file${changedFiles === 1 ? "" : "s"}: ${fixed}\n` : "small-steps fix: nothing to fix\n");
  if (refused.size) io.stderr(`small-steps fix: not fixed, because the result would not parse: ${[...refused].join("; ")}\n`);
  return changedFiles && !values.write ? EXIT.policyFailed : EXIT.ok;
}
