#!/usr/bin/env node

const USAGE = `Usage: small-steps <command> [options]

Commands:
  check    measure a change (local git diff, diff file or pull request) and print the report
  scan     count the old constructs left in a working tree: the migration dashboard, locally
  fix      rewrite the Python 2 constructs that have a mechanical fix (a diff, or the files with --write)
  calibrate  size thresholds from the repository's own history (its last merged changes)

Run "small-steps <command> --help" for its options; "small-steps --version" for the version.`;

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

const [command, ...rest] = process.argv.slice(2);
if (command === "--version" || command === "-V" || command === "version") {
  // The bundle is lib/cli/main.bundle.mjs: the package's own package.json is two folders up.
  const { readFileSync } = await import("node:fs");
  const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string };
  process.stdout.write(`small-steps ${pkg.version}\n`);
} else if (command === "check") {
  const io = { cwd: process.cwd(), env: process.env, stdout: (t: string) => process.stdout.write(t), stderr: (t: string) => process.stderr.write(t), readStdin, stdinChunks: () => process.stdin };
  // Each command loads its own modules only: a check does not pay for the scanner's workers, nor a scan for Octokit.
  process.exitCode = await (await import("./check.js")).runCheck(rest, io);
} else if (command === "scan") {
  const io = { cwd: process.cwd(), env: process.env, stdout: (t: string) => process.stdout.write(t), stderr: (t: string) => process.stderr.write(t), readStdin, stderrIsTTY: process.stderr.isTTY };
  process.exitCode = await (await import("./scan.js")).runScan(rest, io);
} else if (command === "fix") {
  const io = { cwd: process.cwd(), env: process.env, stdout: (t: string) => process.stdout.write(t), stderr: (t: string) => process.stderr.write(t), readStdin };
  process.exitCode = await (await import("./fix.js")).runFix(rest, io);
} else if (command === "calibrate") {
  const io = { cwd: process.cwd(), env: process.env, stdout: (t: string) => process.stdout.write(t), stderr: (t: string) => process.stderr.write(t), readStdin };
  process.exitCode = await (await import("./calibrate.js")).runCalibrate(rest, io);
} else {
  const help = command === undefined || command === "help" || command === "--help" || command === "-h";
  (help ? process.stdout : process.stderr).write(`${help ? "" : `Unknown command: ${command}\n\n`}${USAGE}\n`);
  process.exitCode = help ? 0 : 2;
}
