import { execFileSync, spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { parse } from "yaml";
import { resolveConfig } from "../src/policy/config.js";

/**
 * What the README and the docs show is what the code does: the example report is the one the CLI prints today, every
 * small-steps config example validates, and the README's command-line examples run here.
 */
const root = new URL("../", import.meta.url);
const readme = readFileSync(new URL("README.md", root), "utf8");
const pages = [readme, ...readdirSync(new URL("docs/", root)).filter((f) => f.endsWith(".md")).map((f) => readFileSync(new URL(`docs/${f}`, root), "utf8"))];
const cli = new URL("lib/cli/main.bundle.mjs", root).pathname;

test("the README's example report is what `small-steps check --diff examples/python3-migration.diff` prints", () => {
  const block = /```text\n([\s\S]*?)\n```/.exec(readme)?.[1];
  expect(block).toBeDefined();
  const printed = spawnSync(process.execPath, [cli, "check", "--diff", "examples/python3-migration.diff"], { cwd: root, encoding: "utf8" }).stdout;
  // Each run of lines between the "…" elisions appears in the output as it is, in the same order.
  let from = 0;
  for (const chunk of block!.split("\n…").map((c) => c.replace(/^\n/, "")).filter(Boolean)) {
    const at = printed.indexOf(chunk, from);
    expect({ chunk, found: at >= 0 }).toEqual({ chunk, found: true });
    from = at + chunk.length;
  }
});

test("every config example (a YAML block headed `# .github/small-steps.yml`) validates", () => {
  const examples = pages.flatMap((page) => [...page.matchAll(/```yaml\n(# \.github\/small-steps\.yml\n[\s\S]*?)```/g)].map((m) => m[1]));
  expect(examples.length).toBeGreaterThan(0);
  const problems = examples.map((text) => resolveConfig(parse(text))).filter((r) => !r.ok);
  expect(problems).toEqual([]);
});

test("the README's command-line examples run here and exit as the README says", () => {
  const block = /### The command line\n```sh\n([\s\S]*?)```/.exec(readme)![1];
  const commands = block.split("\n").filter((line) => line.startsWith("small-steps ")).map((line) => line.replace(/\s+#.*$/, ""));
  expect(commands.length).toBeGreaterThanOrEqual(3);
  for (const command of commands) {
    const args = command.split(/\s+/).slice(1).map((a) => (a === "v1.2" ? "HEAD~2" : a)); // a tag this clone may lack
    const run = spawnSync(process.execPath, [cli, ...args], { cwd: root, encoding: "utf8" });
    // 0 passes or warns, 1 the policy would fail: both are a report; 2 would be a mistake in the README's command.
    expect({ command, status: run.status === 0 || run.status === 1 ? "a report" : run.stderr }).toEqual({ command, status: "a report" });
  }
  // Run here, no example may rewrite the repository; the fix example shows a real diff of the Python 2 example.
  expect(commands.filter((c) => /\s--write\b/.test(c))).toEqual([]);
  const fixExample = spawnSync(process.execPath, [cli, "fix", "examples/python2"], { cwd: root, encoding: "utf8" });
  expect(fixExample.status).toBe(1);
  expect(fixExample.stdout).toContain("+++ b/examples/python2/inventory.py\n");
  expect(fixExample.stdout).toContain('+            print("%-20s %d" % (name, n), file=out)\n');
  // `npm run demo` is the build and then this command (the tests run after the build).
  const demo = JSON.parse(readFileSync(new URL("package.json", root), "utf8")).scripts.demo as string;
  expect(demo).toBe("npm run build --silent && node lib/cli/main.bundle.mjs check --base HEAD~3");
  expect([0, 1]).toContain(spawnSync(process.execPath, [cli, "check", "--base", "HEAD~3"], { cwd: root }).status);
  const piped = execFileSync("bash", ["-c", `git diff HEAD~1 | node ${cli} check --diff -`], { cwd: root, encoding: "utf8" });
  expect(piped).toMatch(/^small-steps diff: /);
  expect(execFileSync(process.execPath, [cli, "--version"], { encoding: "utf8" }).trim()).toBe("small-steps " + JSON.parse(readFileSync(new URL("package.json", root), "utf8")).version);
}, 120_000);

/** Key paths a JSON report holds: `a.b`, with `[]` for arrays (their first element's keys). */
function keyPaths(value: unknown, prefix = ""): string[] {
  if (Array.isArray(value)) return [`${prefix}[]`, ...(value.length ? keyPaths(value[0], `${prefix}[]`).filter((p) => p !== `${prefix}[]`) : [])];
  if (value === null || typeof value !== "object") return prefix ? [prefix] : [];
  return [...(prefix ? [prefix] : []), ...Object.entries(value).flatMap(([key, v]) => keyPaths(v, prefix ? `${prefix}.${key}` : key))];
}

test("docs/cli.md's table of the --json report names every key the report holds, and no key it does not hold", () => {
  const page = readFileSync(new URL("docs/cli.md", root), "utf8");
  const table = page.slice(page.indexOf("| Key | Meaning |"), page.indexOf("An invalid config prints"));
  const documented = new Set([...table.matchAll(/^\| ([^|]+) \|/gm)].flatMap((m) => [...m[1].matchAll(/`([^`]+)`/g)].map((k) => k[1])));
  documented.delete("Key");
  const report = JSON.parse(spawnSync(process.execPath, [cli, "check", "--diff", "examples/python3-migration.diff", "--json"], { cwd: root, encoding: "utf8" }).stdout);
  const held = keyPaths(report).filter((p) => !/\[\]\./.test(p)); // an array's element keys are documented beside the array
  const topAndSecond = held.filter((p) => p.split(".").length <= 2);
  const undocumented = topAndSecond.filter((p) => !documented.has(p) && !documented.has(p.replace(/\[\]$/, "")) && !documented.has(`${p}[]`) && ![...documented].some((d) => d.startsWith(`${p}.`)));
  expect(undocumented).toEqual([]);
  const absent = [...documented].filter((d) => !held.includes(d) && !held.includes(d.replace(/\[\]$/, "")) && !held.includes(`${d}[]`));
  expect(absent).toEqual([]);
});
