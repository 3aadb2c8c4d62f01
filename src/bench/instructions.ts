/**
 * `npm run bench:instructions [-- LIB_DIR...]`: the python3 classifier's work on the standard library as an added diff,
 * counted in machine instructions by valgrind's callgrind, for this build or for other builds' `lib/` folders.
 *
 * This machine's speed moves by half between runs, so lines per second from two runs cannot tell a change of a few
 * per cent. An instruction count can: V8 runs `--predictable` (no concurrent compiler or collector threads, fixed
 * seeds), and one round is the difference between a process that runs three rounds and one that runs one (start-up,
 * the corpus and the first round's compiling fall out). Instructions are not time: a count says which build does less
 * work on the same input, and the lines per second of `npm run bench` stay the target.
 */
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { pythonCorpusDiff } from "./corpora.js";

const V8_FLAGS = ["--predictable", "--hash-seed=1", "--random-seed=1"];

/** The rounds themselves, in a process of their own: read, parse and judge the corpus `rounds` times with `lib`'s engine. */
async function runRounds(lib: string, rounds: number): Promise<void> {
  const from = (path: string) => import(pathToFileURL(join(lib, path)).href) as Promise<any>;
  const [{ readDiff }, { measureMigration }, { python3Pack }] = await Promise.all(["analysis/diff-reader.js", "analysis/migration.js", "analysis/python/python3-pack.js"].map(from));
  const corpus = pythonCorpusDiff();
  if (!corpus) throw new Error("no python3 on this machine");
  const bytes = Buffer.from(corpus.text, "utf8");
  const pack = [python3Pack()];
  for (let i = 0; i < rounds; i++) measureMigration(readDiff(bytes), pack, { mixedTolerance: 0.1 });
  console.log(corpus.lines);
}

/** Instructions callgrind counted in a process running `rounds` rounds, and the corpus's lines. */
function counted(lib: string, rounds: number): Promise<{ instructions: number; lines: number }> {
  const dir = mkdtempSync(join(tmpdir(), "small-steps-callgrind-"));
  const out = join(dir, "callgrind.out");
  const child = spawn("valgrind", ["--tool=callgrind", "--cache-sim=no", `--callgrind-out-file=${out}`, process.execPath, ...V8_FLAGS, fileURLToPath(import.meta.url), "--rounds", String(rounds), lib], { stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d) => (stdout += d));
  child.stderr.on("data", (d) => (stderr += d));
  return new Promise((done, fail) =>
    child.on("close", (status) => {
      try {
        if (status !== 0) throw new Error(`valgrind exited ${status}: ${stderr.slice(-500)}`);
        const summary = /^summary: (\d+)/m.exec(readFileSync(out, "utf8"));
        if (!summary) throw new Error("callgrind wrote no summary");
        done({ instructions: Number(summary[1]), lines: Number(stdout.trim()) });
      } catch (error) {
        fail(error);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }),
  );
}

async function main(): Promise<void> {
  if (spawnSync("valgrind", ["--version"]).status !== 0) {
    console.log("instructions: skipped, no valgrind on this machine (apt-get install valgrind)");
    return;
  }
  const here = resolve(dirname(fileURLToPath(import.meta.url)), "..");
  const libs = [here, ...process.argv.slice(2).map((d) => resolve(d))];
  console.log(`python3 classification in instructions (valgrind --tool=callgrind, node ${process.version} ${V8_FLAGS.join(" ")}): one round of read, parse and judge, the standard library as an added diff`);
  for (const lib of libs) {
    // The two processes at once: the machine has two cores, and a count does not depend on what else runs.
    const [one, three] = await Promise.all([counted(lib, 1), counted(lib, 3)]);
    const perRound = (three.instructions - one.instructions) / 2;
    console.log(`  ${lib === here ? "this build" : lib}: ${(perRound / 1e6).toFixed(0)} million per round, ${Math.round(perRound / one.lines).toLocaleString("en-US")} per line (${one.lines.toLocaleString("en-US")} lines)`);
  }
}

const roundsAt = process.argv.indexOf("--rounds");
if (roundsAt !== -1) await runRounds(process.argv[roundsAt + 2], Number(process.argv[roundsAt + 1]));
else if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
