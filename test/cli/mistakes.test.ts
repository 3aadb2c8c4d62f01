import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCheck } from "../../src/cli/check.js";
import { runScan } from "../../src/cli/scan.js";

/** A mistake in what the command line is given is said in one line, with exit 2: never a silent default or an empty scan. */
function repo(): string {
  const dir = mkdtempSync(join(tmpdir(), "small-steps-mistakes-"));
  const git = (...args: string[]) => execFileSync("git", args, { cwd: dir, stdio: "pipe" });
  git("init", "-q", "-b", "main");
  writeFileSync(join(dir, "a.py"), "x = 1\n");
  git("-c", "user.email=t@example.com", "-c", "user.name=T", "add", "-A");
  git("-c", "user.email=t@example.com", "-c", "user.name=T", "commit", "-q", "-m", "one");
  return dir;
}

async function run(command: "check" | "scan", args: string[], cwd: string) {
  let stdout = "";
  let stderr = "";
  const io = { cwd, env: {}, stdout: (t: string) => (stdout += t), stderr: (t: string) => (stderr += t), readStdin: async () => "" };
  const code = command === "check" ? await runCheck(args, io) : await runScan(args, io);
  return { code, stdout, stderr };
}

test.each([
  ["check", ["--config", "missing.yml"], "--config missing.yml: no such file"],
  ["check", ["-C", "/nope/nowhere"], "-C /nope/nowhere: no such folder"],
  ["scan", ["nope.py"], "nope.py: no such file or folder"],
  ["scan", ["-C", "/nope/nowhere"], "-C /nope/nowhere: no such folder"],
  ["scan", ["--config", "missing.yml"], "--config missing.yml: no such file"],
] as const)("%s %j: one line, exit 2", async (command, args, message) => {
  const result = await run(command, [...args], repo());
  expect(result.code).toBe(2);
  expect(result.stderr).toContain(message);
  expect(result.stdout).toBe("");
});
