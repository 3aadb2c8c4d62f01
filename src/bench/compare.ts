/**
 * `npm run bench:compare -- DIR...`: this build against other builds of the engine (their `lib/` folders, e.g. an
 * earlier commit checked out with `git worktree add` and built), on the bench's own corpora, in one process, rounds
 * alternating between the builds so that the machine's drift falls on all of them alike. Tells a change in the code
 * from a change in the machine, which figures from runs hours apart cannot.
 */
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { performance } from "node:perf_hooks";
import { pythonCorpusDiff, SYNTHETIC_FACTS, SYNTHETIC_GITATTRIBUTES, syntheticPullRequest } from "./corpora.js";

const ROUNDS = 15;

async function load(dir: string) {
  const from = (path: string) => import(pathToFileURL(join(dir, path)).href) as Promise<any>;
  const [reader, migration, pack, changed, engine, config] = await Promise.all(
    ["analysis/diff-reader.js", "analysis/migration.js", "analysis/python/python3-pack.js", "analysis/changed-file.js", "engine.js", "policy/config.js"].map(from),
  );
  return { dir, reader, migration, pack, changed, engine, config };
}

const here = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const others = process.argv.slice(2);
if (others.length === 0) {
  console.error("usage: npm run bench:compare -- OTHER_LIB_DIR [...]   (a built lib/ folder of another commit)");
  process.exit(2);
}
const builds = await Promise.all([here, ...others.map((d) => resolve(d))].map(load));
const corpus = pythonCorpusDiff();
if (!corpus) {
  console.error("no python3 on this machine: nothing to compare on");
  process.exit(2);
}
const bytes = Buffer.from(corpus.text, "utf8");
const entries = syntheticPullRequest(3000, 100);

const timed = (task: () => unknown) => {
  (globalThis as { gc?: () => void }).gc?.();
  const start = performance.now();
  task();
  return performance.now() - start;
};
const results = builds.map(() => ({ judged: [] as number[], synthetic: [] as number[], answer: "" }));
const prepared = builds.map((b) => ({ files: b.reader.readDiff(bytes), pack: [b.pack.python3Pack()], config: b.config.defaultConfig() }));
for (let round = 0; round < ROUNDS; round++) {
  builds.forEach((b, i) => {
    const { files, pack, config } = prepared[i];
    let m: { regressions: unknown[]; lines: { migration: number } } | undefined;
    results[i].judged.push(timed(() => (m = b.migration.measureMigration(files, pack, { mixedTolerance: 0.1 }))));
    results[i].answer = `${m!.regressions.length} flagged, ${m!.lines.migration} compatibility lines`;
    results[i].synthetic.push(
      timed(() => {
        const changed = entries.map(b.changed.fromGitHubFile);
        for (const file of changed) b.changed.hunksOf(file);
        b.engine.evaluate({ files: changed, config, gitattributes: SYNTHETIC_GITATTRIBUTES, facts: SYNTHETIC_FACTS });
      }),
    );
  });
}

const sorted = (values: number[]) => [...values].sort((a, b) => a - b);
const rate = (ms: number) => Math.round(corpus.lines / (ms / 1000)).toLocaleString("en-US");
console.log(`${ROUNDS} alternating rounds, one process, node ${process.version}; the standard library as an added diff (${corpus.lines.toLocaleString("en-US")} lines), judged alone; the synthetic pull request of npm run bench`);
builds.forEach((b, i) => {
  const judged = sorted(results[i].judged);
  const synthetic = sorted(results[i].synthetic);
  const mid = Math.floor(ROUNDS / 2);
  console.log(`${i === 0 ? "this build" : "other"} ${b.dir}`);
  console.log(`  classifier: best ${rate(judged[0])} lines/s, median ${rate(judged[mid])} lines/s (${results[i].answer})`);
  console.log(`  synthetic pull request: best ${synthetic[0].toFixed(0)} ms, median ${synthetic[mid].toFixed(0)} ms`);
});
