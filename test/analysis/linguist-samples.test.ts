import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, mkdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ExclusionRules } from "../../src/analysis/exclusions.js";
import { sampleOfText } from "../../src/analysis/generated/sample.js";
import { matchPathRule } from "../../src/analysis/generated/path-rules.js";

/**
 * Beyond Linguist's tests: every file of its `samples/` and `test/fixtures/` folders, decided by small-steps and by
 * Linguist itself (its generated.rb and vendor.yml, run by Ruby through scripts/linguist-verdicts.rb), when a Linguist
 * checkout (LINGUIST_REPO, or the mirror beside the project) and Ruby are here; otherwise the test says so and checks
 * nothing. Nothing of Linguist's is kept in this repository. Files we leave out on purpose where Linguist keeps them
 * (lock files of more ecosystems, snapshots, generators' markers beyond Linguist's) and files Linguist leaves out that
 * we count on purpose (the policy rows) are counted apart.
 */
function linguistRepo(): string | undefined {
  const candidates = [process.env.LINGUIST_REPO, new URL("../../../.mirror/github-linguist+linguist/repo", import.meta.url).pathname];
  return candidates.find((c): c is string => Boolean(c && existsSync(c)));
}

const OURS_BEYOND_LINGUIST = new Set(["lock-file", "snapshot", "generated-marker"]);

test("every sample and fixture of Linguist: small-steps against Linguist's own verdicts (when Linguist and Ruby are here)", () => {
  const repo = linguistRepo();
  const ruby = spawnSync("ruby", ["--version"], { encoding: "utf8" });
  if (!repo || ruby.status !== 0) {
    console.log(`Linguist's samples not measured: ${repo ? "no ruby here (apt-get install -y ruby)" : "no Linguist checkout (set LINGUIST_REPO)"}`);
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), "linguist-"));
  const git = (args: string[]) => spawnSync("git", ["--git-dir", existsSync(join(repo, ".git")) ? join(repo, ".git") : repo, ...args], { maxBuffer: 1 << 30 });
  const archive = git(["archive", "HEAD", "samples", "test/fixtures", "lib/linguist/generated.rb", "lib/linguist/vendor.yml", "lib/linguist/documentation.yml"]);
  expect(archive.status).toBe(0);
  mkdirSync(join(dir, "tree"));
  expect(spawnSync("tar", ["-x", "-C", join(dir, "tree")], { input: archive.stdout }).status).toBe(0);
  const rules = new ExclusionRules();
  const lines: string[] = [];
  let measured = 0; // the files outside our documented differences
  let agreed = 0;
  for (const folder of ["samples", "test/fixtures"]) {
    const run = spawnSync("ruby", [new URL("../../scripts/linguist-verdicts.rb", import.meta.url).pathname, join(dir, "tree/lib/linguist"), join(dir, "tree", folder)], { encoding: "utf8", maxBuffer: 1 << 28 });
    expect(run.status).toBe(0);
    const verdicts = JSON.parse(run.stdout) as Record<string, { generated: boolean; vendored: boolean }>;
    let ours = 0;
    let policy = 0;
    const disagree: string[] = [];
    for (const [path, verdict] of Object.entries(verdicts)) {
      const decision = rules.decide(path, sampleOfText(readFileSync(join(dir, "tree", folder, path), "utf8")));
      const theirs = verdict.generated || verdict.vendored;
      const kept = matchPathRule(path);
      if (theirs === !decision.counted) agreed++;
      else if (!theirs && !decision.counted && OURS_BEYOND_LINGUIST.has(decision.reason)) ours++;
      else if (theirs && kept && "count" in kept.rule.outcome) policy++;
      else disagree.push(`${path}: Linguist ${theirs ? "leaves it out" : "counts it"}, small-steps ${decision.counted ? "counts it" : `leaves it out (${decision.reason})`}`);
    }
    measured += Object.keys(verdicts).length - ours - policy;
    lines.push(`${folder}: ${Object.keys(verdicts).length} files; ${ours} left out by our rules beyond Linguist's, ${policy} policy rows; disagreeing: ${disagree.length}${disagree.length ? `\n  ${disagree.join("\n  ")}` : ""}`);
  }
  console.log(`Linguist's samples and fixtures against Linguist itself: ${agreed}/${measured} agree (${((agreed / measured) * 100).toFixed(2)}%)\n${lines.join("\n")}`);
  expect(agreed / measured).toBeGreaterThanOrEqual(0.999);
}, 120000);
