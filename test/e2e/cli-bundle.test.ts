import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { tempTree } from "../helpers/temp-tree.js";

// The installed command is package.json's bin, the bundle `npm run build` makes (esbuild) beside the compiled
// modules; it must do what the modules do. Both run as processes, as a user runs them.
const BIN = JSON.parse(readFileSync("package.json", "utf8")).bin["small-steps"] as string;
const run = (entry: string, args: string[], cwd?: string) => {
  const result = spawnSync(process.execPath, [entry, ...args].map((a, i) => (i === 0 && cwd ? `${process.cwd()}/${a}` : a)), { cwd, encoding: "utf8" });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
};

describe("the bundled command line", () => {
  test("is the bin, an executable script", () => {
    expect(BIN).toBe("lib/cli/main.bundle.mjs");
    expect(readFileSync(BIN, "utf8").startsWith("#!/usr/bin/env node\n")).toBe(true);
  });

  test("check gives the same report, JSON and text, and the same exit status as the compiled modules", () => {
    for (const args of [["check", "--diff", "examples/python3-migration.diff", "--json"], ["check", "--diff", "examples/python3-migration.diff"]]) {
      const bundled = run(BIN, args);
      const compiled = run("lib/cli/main.js", args);
      expect(bundled.stderr).toBe(compiled.stderr);
      expect(bundled.stdout).toBe(compiled.stdout);
      expect(bundled.status).toBe(compiled.status);
      expect(bundled.stdout.length).toBeGreaterThan(100);
    }
  });

  test("a config file is read and validated in the bundle too", () => {
    const tree = tempTree();
    tree.write(".github/small-steps.yml", "mode: sometimes\n");
    tree.write("a.txt", "a\n");
    tree.commit();
    const bundled = run(BIN, ["check", "--base", "HEAD"], tree.dir);
    expect(bundled.status).toBe(2);
    expect(bundled.stderr).toMatch(/mode: expected one of "warn", "block"/);
  });

  test("scan runs its workers from the bundle", () => {
    const tree = tempTree(false);
    tree.write("app/old.py", 'print "x"\nd.iteritems()\n');
    tree.write("app/new.py", "print('x')\n");
    const bundled = run(BIN, ["scan", "--json", "-C", tree.dir]);
    expect(bundled.stderr).toBe("");
    expect(bundled.status).toBe(0);
    expect(JSON.parse(bundled.stdout)).toMatchObject({ files: 2 });
    expect(JSON.parse(bundled.stdout)).toEqual(JSON.parse(run("lib/cli/main.js", ["scan", "--json", "-C", tree.dir]).stdout));
  });
});
