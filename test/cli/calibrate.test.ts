import { execFileSync } from "node:child_process";
import nock from "nock";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCalibrate } from "../../src/cli/calibrate.js";
import { parseConfigText } from "../../src/cli/config-file.js";
import type { CliIO } from "../../src/cli/io.js";
import { boundsFor, calibrate, DEFAULT_SHARES } from "../../src/policy/calibrate.js";
import { classify, SIZE_CLASSES, type SizeClass } from "../../src/analysis/size.js";

async function run(cwd: string, args: string[], env: NodeJS.ProcessEnv = {}) {
  let stdout = "";
  let stderr = "";
  const io: CliIO = { cwd, env, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), readStdin: async () => "" };
  const code = await runCalibrate(args, io);
  return { code, stdout, stderr };
}

const git = (cwd: string, ...args: string[]) => execFileSync("git", ["-c", "user.name=t", "-c", "user.email=t@example.com", "-c", "init.defaultBranch=main", ...args], { cwd, encoding: "utf8" });

/** A clone whose history is `sizes` merged changes (lines added, in files of 10 lines at most), oldest first. */
function history(sizes: number[], squash = false): string {
  const dir = mkdtempSync(join(tmpdir(), "small-steps-calibrate-"));
  git(dir, "init", "-q");
  writeFileSync(join(dir, "README.md"), "start\n");
  git(dir, "add", "-A");
  git(dir, "commit", "-qm", "start");
  sizes.forEach((lines, i) => {
    if (!squash) git(dir, "checkout", "-qb", `change${i}`);
    for (let f = 0; f * 10 < lines; f++) writeFileSync(join(dir, `c${i}_${f}.py`), Array.from({ length: Math.min(10, lines - f * 10) }, (_, k) => `x${k} = ${k}\n`).join(""));
    git(dir, "add", "-A");
    git(dir, "commit", "-qm", `change ${i}`);
    if (!squash) {
      git(dir, "checkout", "-q", "main");
      git(dir, "merge", "-q", "--no-ff", "-m", `merge ${i}`, `change${i}`);
    }
  });
  return dir;
}

describe("thresholds from a history (pure)", () => {
  test("1 to 100: each class holds exactly its share, the median in M and 90% at L or below", () => {
    const values = Array.from({ length: 100 }, (_, i) => i + 1);
    const bounds = boundsFor(values);
    expect(bounds).toEqual({ XS: 11, S: 31, M: 71, L: 91, XL: 98 });
    const held = Object.fromEntries(SIZE_CLASSES.map((c) => [c, values.filter((v) => classify(v, bounds) === c).length / 100]));
    expect(held).toEqual(DEFAULT_SHARES);
  });

  test("ties and tiny histories still give bounds that rise, from 1", () => {
    expect(boundsFor([0, 0, 0, 0])).toEqual({ XS: 1, S: 2, M: 3, L: 4, XL: 5 });
    expect(boundsFor([7])).toEqual({ XS: 7, S: 8, M: 9, L: 10, XL: 11 });
  });

  test("the files' bounds sit a class higher: a change with many files for its lines is the one they classify up", () => {
    const samples = Array.from({ length: 100 }, (_, i) => ({ lines: (i + 1) * 10, files: Math.ceil((i + 1) / 10) }));
    const result = calibrate([...samples, { lines: 5, files: 400 }], { XS: 10, S: 30, M: 100, L: 500, XL: 1000, files: { XS: 5, S: 10, M: 30, L: 100, XL: 300 } });
    expect(classify(400, result.thresholds.files)).toBe("XXL");
    expect(result.shares.combined.M).toBeGreaterThan(0.35);
  });
});

describe("small-steps calibrate", () => {
  test("on a clone with merge commits: the printed thresholds reproduce the shares it states, and paste as config", async () => {
    const sizes = [3, 8, 12, 20, 25, 40, 45, 60, 70, 80, 95, 110, 130, 150, 200, 260, 320, 400, 650, 1200];
    const dir = history(sizes);
    const json = await run(dir, ["--json", "--last", "50"]);
    expect(json.stderr).toBe("");
    expect(json.code).toBe(0);
    const result = JSON.parse(json.stdout);
    expect(result).toMatchObject({ version: 1, kind: "merges", samples: sizes.length });
    // Measured again here from the sizes made: each merge adds `lines` lines in ceil(lines / 10) files.
    const classes = sizes.map((lines) => {
      const byLines = classify(lines, result.thresholds);
      const byFiles = classify(Math.ceil(lines / 10), result.thresholds.files);
      return SIZE_CLASSES.indexOf(byLines) >= SIZE_CLASSES.indexOf(byFiles) ? byLines : byFiles;
    });
    for (const sizeClass of SIZE_CLASSES) expect(result.shares.combined[sizeClass]).toBeCloseTo(classes.filter((c: SizeClass) => c === sizeClass).length / sizes.length, 10);
    expect(result.percentiles.lines).toMatchObject({ max: 1200 });

    const text = await run(dir, []);
    expect(text.stdout).toContain(`# small-steps calibrate: the last ${sizes.length} merges of HEAD's first parent`);
    const pasted = await parseConfigText(text.stdout);
    expect(pasted.ok && pasted.config.thresholds).toEqual(result.thresholds);
  });

  test("a clone that squashes: each first-parent commit is a change, and it says so; --last bounds the sample", async () => {
    const dir = history([5, 50, 500], true);
    const { code, stdout } = await run(dir, ["--last", "2"]);
    expect(code).toBe(0);
    expect(stdout).toContain("the last 2 first-parent commits (no merge commits: each commit is taken as one change)");
    expect(stdout).toContain("# counted lines: median 500,");
  });

  test("mistakes are one line and exit 2: not a clone, --last out of range, too short a history", async () => {
    const outside = mkdtempSync(join(tmpdir(), "small-steps-not-a-clone-"));
    expect(await run(outside, [])).toMatchObject({ code: 2, stderr: expect.stringContaining("is not in a git clone") });
    expect(await run(outside, ["--last", "0"])).toMatchObject({ code: 2, stderr: expect.stringContaining("--last 0: a number of changes from 1 to 5000") });
    expect(await run(history([4], true), [])).toMatchObject({ code: 2, stderr: expect.stringContaining("one change with a parent") });
  });
});

describe("small-steps calibrate --repo (GitHub's merged pull requests)", () => {
  beforeEach(() => nock.disableNetConnect());
  afterEach(() => nock.cleanAll());

  const file = (i: number, lines: number) => ({ filename: `src/m${i}.py`, status: "added", additions: lines, deletions: 0, patch: `@@ -0,0 +1,${lines} @@\n${"+x\n".repeat(lines)}`.trimEnd() });
  const pull = (number: number, mergedAt: string | null) => ({ number, merged_at: mergedAt });

  test("the newest merged pull requests, unmerged ones left out, measured under the repository's own config and .gitattributes", async () => {
    const api = nock("https://api.github.com");
    api.get("/repos/octo/app").reply(200, { html_url: "https://github.com/octo/app", default_branch: "main" });
    api.get("/repos/octo/app/contents/.github%2Fsmall-steps.yml").reply(200, "exclude: [\"gen/**\"]\n", { "content-type": "text/plain; charset=utf-8" });
    api.get("/repos/octo/app/contents/.gitattributes").reply(200, "vendor/** linguist-vendored\n", { "content-type": "text/plain; charset=utf-8" });
    const pulls = [pull(9, "2026-11-09T00:00:00Z"), pull(8, null), pull(7, "2026-11-07T00:00:00Z"), pull(6, "2026-11-06T00:00:00Z"), pull(5, "2026-11-10T00:00:00Z")];
    api.get("/repos/octo/app/pulls").query({ state: "closed", sort: "updated", direction: "desc", per_page: "100", page: "1" }).reply(200, pulls);
    const sizes: Record<number, number> = { 9: 40, 7: 300, 6: 5, 5: 12 };
    for (const [number, lines] of Object.entries(sizes)) {
      // Each also adds a generated and a vendored file, which the config and .gitattributes leave out.
      api.get(`/repos/octo/app/pulls/${number}/files`).query(true).reply(200, [file(Number(number), lines), { ...file(99, 500), filename: "gen/big.py" }, { ...file(98, 700), filename: "vendor/lib.py" }]);
    }
    const result = await run("/", ["--repo", "octo/app", "--last", "3", "--json"], { GITHUB_TOKEN: "t0ken" });
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout);
    expect(json).toMatchObject({ kind: "pulls", pulls: [5, 9, 7], samples: 3, percentiles: { lines: { max: 300 } } });
    expect(nock.pendingMocks().filter((m) => m.includes("/pulls/6/"))).toHaveLength(1); // the fourth merged one was not read
    nock.cleanAll();
  });

  test("without a token, with a bad name, or when GitHub refuses: one line, exit 2", async () => {
    expect(await run("/", ["--repo", "octo/app"])).toMatchObject({ code: 2, stderr: expect.stringContaining("--repo needs a token in GITHUB_TOKEN") });
    expect(await run("/", ["--repo", "not a repo"], { GITHUB_TOKEN: "t" })).toMatchObject({ code: 2, stderr: expect.stringContaining("expected OWNER/NAME") });
    nock("https://api.github.com").get("/repos/octo/gone").reply(404, { message: "Not Found" });
    expect(await run("/", ["--repo", "octo/gone"], { GITHUB_TOKEN: "t" })).toMatchObject({ code: 2, stderr: expect.stringMatching(/^small-steps calibrate: GitHub answered 404 for octo\/gone: Not Found/) });
  });
});
