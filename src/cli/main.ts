#!/usr/bin/env node
import { runCheck } from "./check.js";
import { runScan } from "./scan.js";

const USAGE = `Usage: small-steps <command> [options]

Commands:
  check    measure a change (local git diff, diff file or pull request) and print the report
  scan     count the old constructs left in a working tree: the migration dashboard, locally

Run "small-steps check --help" or "small-steps scan --help" for their options.`;

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

const [command, ...rest] = process.argv.slice(2);
if (command === "check") {
  const io = { cwd: process.cwd(), env: process.env, stdout: (t: string) => process.stdout.write(t), stderr: (t: string) => process.stderr.write(t), readStdin };
  process.exitCode = await runCheck(rest, io);
} else if (command === "scan") {
  const io = { cwd: process.cwd(), env: process.env, stdout: (t: string) => process.stdout.write(t), stderr: (t: string) => process.stderr.write(t), readStdin, stderrIsTTY: process.stderr.isTTY };
  process.exitCode = await runScan(rest, io);
} else {
  const help = command === undefined || command === "help" || command === "--help" || command === "-h";
  (help ? process.stdout : process.stderr).write(`${help ? "" : `Unknown command: ${command}\n\n`}${USAGE}\n`);
  process.exitCode = help ? 0 : 2;
}
