import { execFileSync } from "node:child_process";
import { mkdtempSync, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import nock from "nock";
import { runCheck, type CliIO } from "../../src/cli/check.js";

function repository(): { dir: string; write: (path: string, text: string) => void; commit: (message: string) => void } {
  const dir = mkdtempSync(join(tmpdir(), "small-steps-cli-"));
  const gitIn = (...args: string[]) => execFileSync("git", args, { cwd: dir, stdio: "pipe" });
  gitIn("init", "-q", "-b", "main");
  gitIn("config", "user.email", "test@example.com");
  gitIn("config", "user.name", "Test");
  return {
    dir,
    write: (path, text) => {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    },
    commit: (message) => {
      gitIn("add", "-A");
      gitIn("commit", "-q", "-m", message);
    },
  };
}

const lines = (count: number, prefix = "line") => Array.from({ length: count }, (_, i) => `${prefix} ${i}`).join("\n") + "\n";

async function check(args: string[], cwd: string, stdin = "", env: NodeJS.ProcessEnv = {}) {
  let stdout = "";
  let stderr = "";
  const io: CliIO = { cwd, env, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), readStdin: async () => stdin };
  const code = await runCheck(args, io);
  return { code, stdout, stderr, json: () => JSON.parse(stdout) };
}

describe("small-steps check on a local repository", () => {
  const repo = repository();
  repo.write("README.md", "hello\n");
  repo.write("api/.gitattributes", "gen/** linguist-generated\n");
  repo.write("api/gen/.gitattributes", "keep.py -linguist-generated\n");
  repo.write(".github/small-steps.yml", "mode: block\nlimit: S\n");
  repo.commit("base");
  repo.write("api/gen/big_pb2.py", lines(3000));
  repo.write("api/gen/keep.py", lines(5));
  repo.write("yarn.lock", lines(800));
  repo.write("app/main.py", lines(12));
  repo.write("assets/logo.png", "\u0000\u0001binary\u0000");
  repo.commit("feature");

  test("--json measures HEAD against its parent, with attributes at the base", async () => {
    const result = await check(["--json"], repo.dir);
    expect(result.code).toBe(0);
    const report = result.json();
    expect(report.size).toMatchObject({ class: "S", countedLines: 17, countedFiles: 3, complete: true, binary: ["assets/logo.png"] });
    expect(report.size.excluded).toEqual([
      { path: "api/gen/big_pb2.py", reason: "linguist-generated", detail: "api/.gitattributes:1 `gen/** linguist-generated`" },
      { path: "yarn.lock", reason: "lock-file", detail: "yarn.lock" },
    ]);
  });

  test("an author cannot exclude their own code: attributes added by the change do not apply", async () => {
    const other = repository();
    other.write("a.txt", "a\n");
    other.commit("base");
    other.write(".gitattributes", "*.py linguist-generated\n");
    other.write("big.py", lines(600));
    other.commit("sneaky");
    const report = (await check(["--json"], other.dir)).json();
    expect(report.size.countedLines).toBe(601);
    expect(report.size.excluded).toEqual([]);
  });

  test("the exit code is 1 when the policy would fail the check", async () => {
    repo.write("app/more.py", lines(40));
    repo.commit("grow");
    const result = await check(["--base", "HEAD~2"], repo.dir);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("M: 57 lines in 4 files — over the S limit [failure]");
  });

  test("an invalid config exits 2 naming every problem", async () => {
    const result = await check(["--config", join(repo.dir, "bad.yml")], repo.dir);
    expect(result.code).toBe(0); // an absent --config file means defaults
    writeFileSync(join(repo.dir, "bad.yml"), "mode: sometimes\nthresholds: {S: -1}\n");
    const bad = await check(["--config", join(repo.dir, "bad.yml"), "--json"], repo.dir);
    expect(bad.code).toBe(2);
    expect(bad.json().problems).toEqual([
      { path: "mode", message: 'expected one of "warn", "block"' },
      { path: "thresholds.S", message: "expected at least 1" },
    ]);
  });

  test("a diff file and standard input give the same report", async () => {
    const diff = execFileSync("git", ["diff", "HEAD~2", "HEAD~1"], { cwd: repo.dir }).toString();
    writeFileSync(join(repo.dir, "change.diff"), diff);
    const fromFile = await check(["--diff", join(repo.dir, "change.diff"), "--json"], repo.dir);
    const fromStdin = await check(["--diff", "-", "--json"], repo.dir, diff);
    expect(fromFile.json()).toEqual(fromStdin.json());
    expect(fromFile.json().size).toMatchObject({ class: "S", countedLines: 17 });
  });

  test("usage errors exit 2 with help", async () => {
    expect((await check(["--bogus"], repo.dir)).code).toBe(2);
    expect((await check(["--pr", "not-a-ref"], repo.dir)).stderr).toContain("--pr expects OWNER/REPO#NUMBER");
    expect((await check(["--pr", "a/b#1"], repo.dir)).stderr).toContain("GITHUB_TOKEN");
    expect((await check(["--help"], repo.dir)).stdout).toContain("Usage: small-steps check");
  });
});

describe("small-steps check --pr", () => {
  beforeEach(() => nock.disableNetConnect());
  afterEach(() => nock.cleanAll());

  test("measures a pull request on GitHub with the app's rules", async () => {
    const api = nock("https://api.github.com");
    api.get("/repos/octo/app/pulls/7").reply(200, {
      number: 7,
      changed_files: 2,
      draft: false,
      user: { type: "User" },
      head: { sha: "h".repeat(40) },
      base: { sha: "b".repeat(40), ref: "main", repo: { name: "app", owner: { login: "octo" }, default_branch: "main", html_url: "https://github.com/octo/app" } },
    });
    api.get("/repos/octo/app/contents/.github%2Fsmall-steps.yml").reply(200, "limit: XS\nmode: block\n", { "content-type": "text/plain; charset=utf-8" });
    api.get("/repos/octo/app/pulls/7/files").query(true).reply(200, [
      { filename: "src/a.py", status: "modified", additions: 20, deletions: 5, patch: "@@ -1 +1 @@\n-a\n+b" },
      { filename: "gen/b.py", status: "added", additions: 900, deletions: 0, patch: "@@ -0,0 +1 @@\n+b" },
    ]);
    let graphqlBody: any;
    api.post("/graphql").reply(200, (_uri, body) => {
      graphqlBody = body;
      return { data: { repository: { pullRequest: null, labels: null, head: null, f0: { text: "gen/** linguist-generated\n" }, f1: null, f2: null } } };
    });
    const result = await check(["--pr", "octo/app#7", "--json"], "/", "", { GITHUB_TOKEN: "t0ken" });
    expect(result.stderr).toBe("");
    expect(result.code).toBe(1);
    expect(result.json()).toMatchObject({ subject: "octo/app#7", conclusion: "failure", size: { class: "S", countedLines: 25 } });
    expect(graphqlBody.variables).toMatchObject({ e0: `${"b".repeat(40)}:.gitattributes` });
    expect(nock.isDone()).toBe(true);
  });
});
