// @ts-nocheck
import { execFileSync } from "node:child_process";
import { mkdtempSync, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

/** A folder of files for a test, a git repository (on main, with an identity) when `git` is set. */
export function tempTree(git = true): { dir: string; write: (path: string, text: string | Buffer) => void; commit: (message?: string) => void } {
  const dir = mkdtempSync(join(tmpdir(), "small-steps-test-"));
  const gitIn = (...args: string[]) => execFileSync("git", args, { cwd: dir, stdio: "pipe" });
  if (git) {
    gitIn("init", "-q", "-b", "main");
    gitIn("config", "user.email", "test@example.com");
    gitIn("config", "user.name", "Test");
  }
  return {
    dir,
    write: (path, text) => {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    },
    commit: (message = "tree") => {
      gitIn("add", "-A");
      gitIn("commit", "-q", "-m", message);
    },
  };
}
