import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Readable } from "node:stream";
import { runScan } from "../../src/cli/scan.js";
import { tempTree } from "../helpers/temp-tree.js";
import { scanJobs } from "../../src/scan/scan-tree.js";
import { defaultConfig } from "../../src/policy/config.js";
import { packsFor } from "../../src/engine.js";
import { MAX_TAR_ENTRIES, tarballJobs, type TarballStats } from "../../src/scan/tarball.js";
import { tarball } from "../helpers/tarball.js";

const tree = (git: boolean) => tempTree(git);
type Tree = ReturnType<typeof tempTree>;

async function scan(args: string[], cwd: string) {
  let stdout = "";
  let stderr = "";
  const code = await runScan(args, { cwd, env: {}, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), readStdin: async () => "" });
  return { code, stdout, stderr, json: () => JSON.parse(stdout) };
}

/** A small codebase half-way through its migration. */
function fixture(t: Tree) {
  t.write("app/views.py", 'import yaml\nfrom dateutil import parser\n\ndef show(d):\n    print "hi"\n    if d.has_key("a"):\n        return unicode(d)\n');
  t.write("app/models.py", "import six\n\nclass M(object):\n    pass\n");
  t.write("app/sub/util.py", 'def f():\n    print "x"\n');
  t.write("lib/clean.py", "def g():\n    return 1\n");
  t.write("lib/compat.py", "import sys\nif sys.version_info[0] == 2:\n    text = unicode\n"); // guarded: compatibility code
  t.write("vendor/old/thing.py", 'print "vendored"\n');
  t.write("gen/made.py", 'print "generated"\n');
  t.write(".gitattributes", "gen/** linguist-generated\n");
  t.write("latin1.py", Buffer.from([0x23, 0x20, 0xe9, 0x0a]));
  t.write("big.py", `x = 1\n${"# padding line\n".repeat(80_000)}`);
  t.write("requirements.txt", "PyYAML==6.0\npython-dateutil\nsix\nrequests\n");
  t.write("README.md", "print 'not python'\n");
}

describe("small-steps scan", () => {
  const repo = tree(true);
  fixture(repo);
  repo.write("untracked.py", 'print "not tracked"\n');
  execFileSync("git", ["add", "-A", ":!untracked.py"], { cwd: repo.dir });
  execFileSync("git", ["commit", "-q", "-m", "tree"], { cwd: repo.dir });

  test("--json on a git tree: tracked files, exclusions, skips, rules, folders, batches, dependencies", async () => {
    const { code, json } = await scan(["--json"], repo.dir);
    expect(code).toBe(0);
    const result = json();
    expect(result.files).toBe(5); // app/views, app/models, app/sub/util, lib/clean, lib/compat
    expect(result.lines).toBe(7 + 4 + 2 + 2 + 3);
    expect(result.excluded).toBe(2); // vendor/ and gen/ (.gitattributes)
    expect(result.skipped).toEqual([
      { path: "big.py", reason: expect.stringMatching(/^over 1 MB/) },
      { path: "latin1.py", reason: "not UTF-8" },
    ]);
    expect(result.remaining).toEqual({
      total: 4,
      byRule: { "print-statement": 2, "dict-has_key": 1, "builtin-unicode": 1 },
      byFolder: { app: 4 },
    });
    expect(result.filesWithRemaining).toEqual([
      { path: "app/sub/util.py", count: 1, rules: { "print-statement": 1 } },
      { path: "app/views.py", count: 3, rules: { "print-statement": 1, "dict-has_key": 1, "builtin-unicode": 1 } },
    ]);
    expect(result.batches).toEqual([{ paths: ["app/sub/util.py", "app/views.py"], constructs: 4 }]);
    expect(result.dependencies).toEqual([
      { name: "python-dateutil", manifests: ["requirements.txt"], imported: true },
      { name: "PyYAML", manifests: ["requirements.txt"], imported: true },
      { name: "requests", manifests: ["requirements.txt"], imported: false },
      { name: "six", manifests: ["requirements.txt"], imported: true },
    ]);
  });

  test("PATHs restrict the scan; the Markdown has the headline and the candidates to delete", async () => {
    const only = await scan(["--json", "app/sub"], repo.dir);
    expect(only.json().files).toBe(1);
    const { stdout } = await scan([], repo.dir);
    expect(stdout).toContain("**4 old constructs remaining** in 2 files of 5 scanned; 18 Python lines scanned; **60%** of files already clean.");
    expect(stdout).toContain("| `requests` | `requirements.txt` | not asked | **no: a candidate to delete** |");
    expect(stdout).toContain("See it: `small-steps scan app/sub/util.py app/views.py`");
  });

  test("a PATH may be absolute; one outside the tree is a usage error that names -C, in a repository or not", async () => {
    const absolute = await scan(["--json", join(repo.dir, "app/sub")], repo.dir);
    expect(absolute.code).toBe(0);
    expect(absolute.json().files).toBe(1);
    const other = tree(false);
    fixture(other);
    const walked = await scan(["--json", join(other.dir, "app")], other.dir);
    expect(walked.json().filesWithRemaining.map((f: { path: string }) => f.path)).toEqual(["app/sub/util.py", "app/views.py"]);
    for (const cwd of [repo.dir, other.dir]) {
      const outside = await scan(["--json", join(cwd, "..")], join(cwd, "app"));
      expect(outside.code).toBe(2);
      expect(outside.stderr).toContain(`is outside the tree being scanned`);
      expect(outside.stderr).toContain(`run small-steps scan -C ${join(cwd, "..")}`);
      expect(outside.stdout).toBe("");
    }
  });

  test("outside a repository it walks the folder, skipping .git-less vendored folders and node_modules", async () => {
    const plain = tree(false);
    fixture(plain);
    plain.write("node_modules/pkg/x.py", 'print "dep"\n');
    const result = (await scan(["--json"], plain.dir)).json();
    expect(result.files).toBe(5);
    expect(result.excluded).toBe(1); // gen/ by .gitattributes; vendor/ was not walked
    expect(result.remaining.total).toBe(4);
  });

  test("how many remaining constructs small-steps fix rewrites, by folder, for the configured target; the batches name the fix command", async () => {
    const t = tree(false);
    t.write("app/a.py", 'print "x"\nn = cmp(a, b)\n'); // cmp has no mechanical fix
    t.write("lib/b.py", "big = sys.maxint\n");
    const result = (await scan(["--json"], t.dir)).json();
    expect(result.remaining.total).toBe(3);
    expect(result.fixable).toEqual({ target: "compatible", total: 2, byFolder: { app: 1, lib: 1 }, rules: ["print-statement", "sys-maxint"] });
    const text = (await scan([], t.dir)).stdout;
    expect(text).toContain("2 of them (66%) have an automatic fix: `small-steps fix --write`.");
    expect(text).toContain("| `builtin-cmp` | 1 | no |");
    expect(text).toContain("| `app` | 2 | 1 | 0% of 1 file |");
    expect(text).toContain("See it: `small-steps scan lib/b.py app/a.py`. Make it: `small-steps fix lib/b.py app/a.py --write`");
    t.write(".github/small-steps.yml", "fixes:\n  target: python3\n");
    const python3 = await scan([], t.dir);
    expect(python3.stdout).toContain("have an automatic fix: `small-steps fix --target python3 --write`.");
    expect(python3.stdout).toContain("| Rule | Remaining | Automatic fix (python3) | Example |");
  });

  test("the config's exclusions apply, and a bad config or option is a usage error", async () => {
    const t = tree(false);
    fixture(t);
    t.write(".github/small-steps.yml", "exclude: ['app/sub/**']\n");
    expect((await scan(["--json"], t.dir)).json().remaining.total).toBe(3);
    t.write(".github/small-steps.yml", "limit: HUGE\n");
    const bad = await scan(["--json"], t.dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("limit: expected one of");
    const unknown = await scan(["--nope"], t.dir);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("Usage: small-steps scan");
  });

  test("the dashboard's tarball path and the directory scan agree on the same tree", async () => {
    const t = tree(false);
    fixture(t);
    const paths = ["app/views.py", "app/models.py", "app/sub/util.py", "lib/clean.py", "lib/compat.py", "vendor/old/thing.py", "gen/made.py", ".gitattributes", "latin1.py", "big.py", "requirements.txt", "README.md"];
    const archive = await tarball(Object.fromEntries(paths.map((p) => [p, readFileSync(join(t.dir, p))])));
    const stats: TarballStats = { bytes: 0, truncated: false, skipped: [], gitattributes: [], unsafe: 0 };
    const config = defaultConfig();
    const fromTarball = await scanJobs(tarballJobs(Readable.from([archive]), packsFor(config), 1e9, stats), config, () => stats.gitattributes, { extraSkipped: stats.skipped });
    const fromFolder = (await scan(["--json"], t.dir)).json();
    expect(fromTarball.remaining).toEqual(fromFolder.remaining);
    expect(fromTarball.files).toBe(fromFolder.files);
    expect(fromTarball.lines).toBe(fromFolder.lines);
    expect(fromTarball.skipped).toEqual(fromFolder.skipped);
    expect(fromTarball.dependencies).toEqual(fromFolder.dependencies);
    expect(fromTarball.remaining.total).toBe(4);
  });

  test("a tarball's symlinks and paths that climb out are ignored; the byte bound stops the read and says so", async () => {
    const archive = await tarball({ "ok.py": 'print "a"\n', "link.py": "->/etc/passwd", "../escape.py": 'print "b"\n', "/abs.py": 'print "c"\n' });
    const stats: TarballStats = { bytes: 0, truncated: false, skipped: [], gitattributes: [], unsafe: 0 };
    const config = defaultConfig();
    const result = await scanJobs(tarballJobs(Readable.from([archive]), packsFor(config), 1e9, stats), config, () => [], { threads: 0 });
    expect(result.filesWithRemaining.map((f) => f.path)).toEqual(["ok.py"]);
    expect(stats.unsafe).toBe(3);
    const many = await tarball(Object.fromEntries(Array.from({ length: 300 }, (_, i) => [`m${i}.py`, `x = "${"y".repeat(2000 + i)}"\n`])));
    const bounded: TarballStats = { bytes: 0, truncated: false, skipped: [], gitattributes: [], unsafe: 0 };
    const chunks = Array.from({ length: Math.ceil(many.length / 1024) }, (_, i) => many.subarray(i * 1024, (i + 1) * 1024));
    const partial = await scanJobs(tarballJobs(Readable.from(chunks), packsFor(config), 4096, bounded), config, () => [], { threads: 0 });
    expect(bounded.truncated).toBe(true);
    expect(partial.files).toBeLessThan(300);
  });

  test("a tarball of more entries than MAX_TAR_ENTRIES (tiny files, few bytes) is read no further and says so", async () => {
    const files: Record<string, string> = { "first.py": 'print "a"\n' };
    for (let i = 0; i <= MAX_TAR_ENTRIES; i++) files[`n/${i}`] = "";
    const archive = await tarball(files);
    const stats: TarballStats = { bytes: 0, truncated: false, skipped: [], gitattributes: [], unsafe: 0 };
    const config = defaultConfig();
    const result = await scanJobs(tarballJobs(Readable.from([archive]), packsFor(config), 1e12, stats), config, () => [], { threads: 0 });
    expect(stats.truncated).toBe(true);
    expect(stats.bytes).toBeLessThan(1e12);
    expect(result.filesWithRemaining.map((f) => f.path)).toEqual(["first.py"]);
  }, 60_000);

  test("the byte bound counts what the gzip unpacks to, not its compressed size", async () => {
    // 300 files of 200 KB of one repeated character: a few KB compressed, 60 MB unpacked.
    const bomb = await tarball(Object.fromEntries(Array.from({ length: 300 }, (_, i) => [`b${i}.py`, `x = 1  # ${"z".repeat(200 * 1024)}\n`])));
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const stats: TarballStats = { bytes: 0, truncated: false, skipped: [], gitattributes: [], unsafe: 0 };
    const config = defaultConfig();
    const result = await scanJobs(tarballJobs(Readable.from([bomb]), packsFor(config), 4 * 1024 * 1024, stats), config, () => [], { threads: 0 });
    expect(stats.truncated).toBe(true);
    expect(result.files).toBeLessThan(300);
  });

  test("the threads give the same result as one thread", async () => {
    const t = tree(false);
    for (let i = 0; i < 400; i++) t.write(`pkg${i % 7}/m${i}.py`, i % 3 ? `def f${i}():\n    return ${i}\n` : `def f${i}():\n    print "n", ${i}\n    raise E, "x"\n`);
    const jobs = () => Array.from({ length: 400 }, (_, i) => ({ path: `pkg${i % 7}/m${i}.py`, root: t.dir }));
    const one = await scanJobs(jobs(), defaultConfig(), () => [], { threads: 0 });
    const two = await scanJobs(jobs(), defaultConfig(), () => [], { threads: 2 });
    expect(two).toEqual(one);
    expect(one.remaining.total).toBe(134 * 2);
  });
});
