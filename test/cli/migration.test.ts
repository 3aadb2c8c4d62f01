import { execFileSync } from "node:child_process";
import { mkdtempSync, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import nock from "nock";
import { runCheck } from "../../src/cli/check.js";
import { clearPyPICache } from "../../src/pypi/client.js";

function repository() {
  const dir = mkdtempSync(join(tmpdir(), "small-steps-migration-"));
  const git = (...args: string[]) => execFileSync("git", args, { cwd: dir, stdio: "pipe" }).toString();
  git("init", "-q", "-b", "main");
  git("config", "user.email", "t@example.com");
  git("config", "user.name", "T");
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  };
  const commit = () => {
    git("add", "-A");
    git("commit", "-q", "-m", "c");
  };
  return { dir, git, write, commit };
}

async function check(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}, stdin = "") {
  let stdout = "";
  let stderr = "";
  const code = await runCheck(args, { cwd, env, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), readStdin: async () => stdin });
  return { code, stdout, stderr, json: () => JSON.parse(stdout) };
}

const repo = repository();
repo.write("app/report.py", ["def report(d):", '    """Print it the old way:', '    print "x"', '    """', "    for k, v in d.iteritems():", "        pass", "    return d", ""].join("\n"));
repo.write("requirements.txt", "flask==2.3.2\n");
repo.commit();
repo.write("app/report.py", ["def report(d):", '    """Print it the old way:', '    print "x"', '    """', "    for k, v in d.items():", '        print "x"', "    return d", ""].join("\n"));
repo.write("requirements.txt", "flask==2.3.2\nmysql-python\n");
repo.commit();

beforeEach(() => {
  nock.disableNetConnect();
  clearPyPICache();
});
afterEach(() => nock.cleanAll());

test("--json reports regressions, migrated constructs, mixed, and dependencies without a network call", async () => {
  const result = await check(["--json"], repo.dir);
  expect(result.stderr).toBe("");
  const { migration } = result.json();
  expect(migration.regressions).toEqual([{ path: "app/report.py", line: 6, rule: "print-statement", message: expect.stringContaining("print(...)"), pack: "python3" }]);
  expect(migration.migrated).toBe(1);
  expect(migration.lines).toEqual({ migration: 1, regression: 1, other: 1 });
  expect(migration.mixed).toBe(false);
  expect(migration.dependencies).toEqual([
    { name: "mysql-python", change: "added", python3: "unknown", manifest: "requirements.txt", line: 2, reason: "not asked: run with --pypi to ask the package index" },
  ]);
});

test("--pypi asks the index at PYPI_URL and flags mysql-python", async () => {
  nock("https://mirror.example")
    .get("/pypi/mysql-python/json")
    .reply(200, { info: { requires_python: null, classifiers: ["Programming Language :: Python :: 2.7"] }, urls: [] });
  const result = await check(["--json", "--pypi"], repo.dir, { PYPI_URL: "https://mirror.example" });
  const report = result.json();
  expect(report.migration.dependencies[0]).toMatchObject({ name: "mysql-python", python3: "no", reason: "classifiers name Python 2 only" });
  expect(report.title).toContain("1 dependency without Python 3");
  expect(nock.isDone()).toBe(true);
});

test("a diff on standard input compares requirements from its lines and names what it cannot compare", async () => {
  const diff = repo.git("diff", "HEAD~1", "HEAD");
  const result = await check(["--diff", "-", "--json"], repo.dir, {}, diff + "diff --git a/setup.py b/setup.py\n--- a/setup.py\n+++ b/setup.py\n@@ -1 +1 @@\n-a\n+b\n");
  const report = result.json();
  expect(report.migration.dependencies.map((d: any) => [d.name, d.change])).toEqual([["mysql-python", "added"]]);
  expect(report.migration.regressions).toHaveLength(1);
  expect(report.migration.dependencyProblems).toEqual(["setup.py: a setup.py cannot be compared from a diff alone; run small-steps check on a git range"]);
});

test("on a git range every line is judged with the whole file: a guard far above clears it; a diff outside a repository says it has only hunks", async () => {
  const r = repository();
  r.write("compat.py", ["import six", "", "if six.PY2:", "    a = 1", "    b = 2", "    c = 3", "    d = 4", "    pass", ""].join("\n"));
  r.commit();
  r.write("compat.py", ["import six", "", "if six.PY2:", "    a = 1", "    b = 2", "    c = 3", "    d = 4", "    text = unicode(x)", ""].join("\n"));
  r.commit();
  const report = (await check(["--json"], r.dir)).json();
  expect(report.migration.regressions).toEqual([]);
  expect(report.migration.lines).toEqual({ migration: 1, regression: 0, other: 0 });
  expect(report.migration.hunksOnly).toEqual([]);
  const diff = r.git("diff", "HEAD~1", "HEAD");
  // Inside the work tree, the file as it is agrees with the diff and stands in for its new side.
  expect((await check(["--diff", "-", "--json"], r.dir, {}, diff)).json().migration.regressions).toEqual([]);
  const outside = (await check(["--diff", "-", "--json"], mkdtempSync(join(tmpdir(), "small-steps-outside-")), {}, diff)).json();
  expect(outside.migration.regressions.map((x: any) => x.rule)).toEqual(["builtin-unicode"]);
  expect(outside.migration.hunksOnly).toEqual(["compat.py"]);
  expect(outside.migration.hunksOnlyReason).toMatch(/^A diff outside a repository has only its hunks/);
});

test("on a git range, a hunk that starts on a docstring's closing quotes still sees the import below as code", async () => {
  const r = repository();
  const top = ['"""Fetch pages.', "", "The module's long documentation.", '"""', "import os"];
  r.write("fetch.py", [...top, "", "x = 1", ""].join("\n"));
  r.commit();
  r.write("fetch.py", [...top, "import urlparse", "", "x = 1", ""].join("\n"));
  r.commit();
  const report = (await check(["--json"], r.dir)).json();
  expect(report.migration.regressions.map((x: any) => [x.line, x.rule])).toEqual([[6, "module-urlparse"]]);
  // Its hunks alone would read the import as prose inside the docstring: the diff, outside the repository, misses it.
  const outside = (await check(["--diff", "-", "--json"], mkdtempSync(join(tmpdir(), "small-steps-outside-")), {}, r.git("diff", "HEAD~1", "HEAD"))).json();
  expect(outside.migration.regressions).toEqual([]);
});

test("on a git range, an edit that keeps xrange is neither a regression nor migration work; a docstring saying unicode hides nothing", async () => {
  const r = repository();
  r.write("loop.py", ["def f(n, url):", '    """Return body as unicode."""', "    for i in xrange(n):", "        pass", ""].join("\n"));
  r.commit();
  r.write("loop.py", ["def f(n, url):", '    """Return body as unicode."""', "    for i in xrange(n + 1):", "        pass", "    return isinstance(url, unicode)", ""].join("\n"));
  r.commit();
  const report = (await check(["--json", "--base", "HEAD~1"], r.dir)).json();
  expect(report.migration.regressions.map((x: any) => `${x.rule}@${x.line}`)).toEqual(["builtin-unicode@5"]);
  expect(report.migration.migrated).toBe(0);
  expect(report.migration.lines).toEqual({ migration: 0, regression: 1, other: 1 });
});
