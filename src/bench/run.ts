/**
 * `npm run bench`: speed and memory of the engine, never asserted in tests.
 *  1. A synthetic pull request of 3,000 files and 300,000 changed lines, as GitHub's file list gives it.
 *  2. A large real diff (nine upgrades of the typescript npm package, 107 MB): the command line against
 *     `git apply --numstat` on the same file in the same run, whole processes.
 *  3. The python3 classifier on the Python standard library as an added diff, single thread, in a process of its own
 *     (`classifier.ts`), and again in this one after the synthetic pull request.
 *  4. The first write's latency; 5. `small-steps scan` and the dashboard's tarball path; 6. `small-steps fix` against
 *     lib2to3, and the campaign's batches on the same tree.
 */
import { benchBigDiff } from "./big-diff.js";
import { benchScan } from "./scan.js";
import { benchFix } from "./fix.js";
import { performance } from "node:perf_hooks";
import { fromGitHubFile, hunksOf } from "../analysis/changed-file.js";
import { SYNTHETIC_FACTS, SYNTHETIC_GITATTRIBUTES, syntheticPullRequest } from "./corpora.js";
import { benchPythonClassification, classifierInItsOwnProcess, mb, measure } from "./classifier.js";
import { evaluate } from "../engine.js";
import { benchFirstWrite } from "./first-write.js";
import { defaultConfig } from "../policy/config.js";

function benchSynthetic() {
  const entries = syntheticPullRequest(3000, 100);
  const bytes = entries.reduce((sum, e) => sum + (e.patch?.length ?? 0), 0);
  const config = defaultConfig();
  const changed = entries.reduce((sum, e) => sum + e.additions + e.deletions, 0);
  let counted = 0;
  const result = measure(() => {
    const files = entries.map(fromGitHubFile);
    for (const file of files) hunksOf(file); // parse every patch, as the line classifiers do
    const evaluation = evaluate({ files, config, gitattributes: SYNTHETIC_GITATTRIBUTES, facts: SYNTHETIC_FACTS });
    counted = evaluation.size.countedLines;
  });
  console.log(`synthetic pull request: 3,000 Python files, ${changed.toLocaleString("en-US")} changed lines (${counted.toLocaleString("en-US")} counted: pkg3/ is marked vendored), ${mb(bytes)} MB of patches, size and migration analysis`);
  console.log(`  engine: ${result.ms.toFixed(0)} ms median of 5, ${(bytes / 1024 / 1024 / (result.ms / 1000)).toFixed(1)} MB/s, heap growth at peak ${result.heapMb} MB`);
}

console.log(`node ${process.version}, ${new Date().toISOString().slice(0, 10)}`);
benchSynthetic();
benchBigDiff();
console.log(classifierInItsOwnProcess());
benchPythonClassification({ inBenchProcess: true });
await benchFirstWrite();
benchScan();
await benchFix();
console.log(`peak resident memory of this process: ${mb(process.resourceUsage().maxRSS * 1024)} MB`);
