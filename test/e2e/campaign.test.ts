import { createHmac, generateKeyPairSync } from "node:crypto";
import { createRequire } from "node:module";
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { parse } from "yaml";
import { startFakeGitHub, type FakeGitHubState } from "./fake-github.js";
import { commitTree, mergePull, newGit, treeAt, type FakeGit } from "./fake-git.js";
import { freePort, listening, startApp, waitFor } from "./process.js";

/**
 * The campaign end to end: `npm start` against a stand-in for GitHub that keeps a repository's history. A push makes
 * the dashboard with two batches; a tick opens exactly one pull request, equal to `small-steps fix` on the batch, and
 * measured as migration work only; a redelivery opens nothing; a merge opens the next batch (campaign.automatic) and
 * the push after it finds a folder finished, whose one-line ratchet pull request then makes a regression fail in warn
 * mode.
 */
const SECRET = "e2e-campaign-secret";
const require = createRequire(import.meta.url);
const examples = require("@octokit/webhooks-examples/api.github.com/index.json") as any[];
const repository = { ...examples.find((e) => e.name === "pull_request").examples.find((x: any) => x.action === "opened").repository, default_branch: "main" };
const sign = (body: string) => `sha256=${createHmac("sha256", SECRET).update(body).digest("hex")}`;
const BOT = "small-steps[bot]";

const CONFIG = ["dashboard:", "  enabled: true", "  minIntervalMinutes: 0", "dependencies:", "  enabled: false", "push:", "  enabled: false", "campaign:", "  enabled: true", "  automatic: true", ""].join("\n");
const FILES = {
  ".github/small-steps.yml": CONFIG,
  "app/report.py": 'def report(total):\n    print "total", total\n    print >>log, "done"\n',
  "app/views.py": '# the views\ndef show(name):\n    print "hello", name\n',
  "lib/tools.py": 'def tool():\n    print "tool"\n    return 1\n',
};

/** `small-steps fix PATHS --rules RULE --write` in a clone of the tree: what the batch's pull request must hold. */
function fixedByCli(files: Record<string, string>, paths: string[], rule: string): Record<string, string> {
  const dir = mkdtempSync(join(tmpdir(), "small-steps-campaign-"));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  execFileSync(process.execPath, ["lib/cli/main.bundle.mjs", "fix", ...paths, "--rules", rule, "--write", "-C", dir], { stdio: "pipe" });
  return Object.fromEntries(paths.map((p) => [p, readFileSync(join(dir, p), "utf8")]));
}

const textsAt = (git: FakeGit, sha: string) => Object.fromEntries(Object.entries(treeAt(git, sha)!).map(([p, f]) => [p, f.text]));

/** The app under `npm start` against a fake GitHub holding `files` as its history, and the events a test sends it. */
async function campaignHarness(files: Record<string, string>, extraEnv: Record<string, string> = {}) {
  const git = newGit(files);
  git.permissions.octocat = "write";
  git.permissions.visitor = "read";
  const state: FakeGitHubState = { files: [], headSha: "", checkRuns: [], repositoryLabels: [], issueLabels: [], requests: [], git, issues: [] };
  const fake = await startFakeGitHub(state);
  const port = await freePort();
  const privateKey = generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({ type: "pkcs1", format: "pem" }).toString();
  // Writes are not spaced a second apart here: the pace of content-creating requests is tested on its own.
  const started = startApp({ APP_ID: "1", PRIVATE_KEY: privateKey, WEBHOOK_SECRET: SECRET, PORT: String(port), HOST: "127.0.0.1", GHE_HOST: fake.host, GHE_PROTOCOL: "http", LOG_LEVEL: "info", LOG_FORMAT: "json", NODE_ENV: "production", GITHUB_WRITES_PER_MINUTE: "60000", ...extraEnv });
  const logged = (msg: string) => started.output().split(`"msg":"${msg}"`).length - 1;
  let delivery = 0;
  const deliver = async (event: string, payload: Record<string, unknown>, id = `d-${++delivery}`) => {
    const text = JSON.stringify({ ...payload, repository, installation: { id: 99 } });
    const response = await fetch(`http://127.0.0.1:${port}/api/github/webhooks`, { method: "POST", body: text, headers: { "content-type": "application/json", "x-github-event": event, "x-github-delivery": id, "x-hub-signature-256": sign(text) } });
    expect(response.status).toBe(202);
  };
  const push = (before: string, after: string, modified: string[] = []) => {
    const commits = modified.length ? [{ id: after, distinct: true, message: "merge", added: [], modified, removed: [] }] : [];
    return deliver("push", { ref: "refs/heads/main", before, after, created: false, deleted: false, forced: false, commits, head_commit: commits[0] ?? null, pusher: { name: "octocat" }, sender: repository.owner });
  };
  const dashboard = () => state.issues!.find((i) => i.user.login === BOT)!;
  /** A person edits the dashboard: the box of `line` ticked, as GitHub would deliver it. */
  const tick = async (line: string, sender: string, id?: string) => {
    const before = dashboard().body;
    dashboard().body = before.replace(line, line.replace("- [ ]", "- [x]"));
    await deliver("issues", { action: "edited", issue: { ...dashboard(), html_url: `http://x/issues/${dashboard().number}` }, changes: { body: { from: before } }, sender: { login: sender, type: "User" } }, id);
  };
  const pullPayload = (number: number, action: string, extra: Record<string, unknown> = {}) => {
    const pull = git.pulls.find((p) => p.number === number)!;
    const head = git.refs[pull.head];
    return {
      action,
      number,
      sender: { login: BOT, type: "Bot" },
      pull_request: { number, state: pull.state, draft: false, merged: Boolean(pull.merged_at), title: pull.title, updated_at: new Date().toISOString(), user: { login: BOT, type: "Bot" }, head: { ref: pull.head, sha: head, repo: { full_name: repository.full_name } }, base: { ref: "main", sha: git.commits[head].parents[0], repo: repository }, labels: [], ...extra },
    };
  };
  const close = async () => {
    started.child.kill("SIGKILL");
    await new Promise((resolve) => fake.server.close(resolve));
  };
  const failWithLog = (error: unknown) => new Error(`${(error as Error).message}\n\nThe app's log, last lines:\n${started.output().split("\n").slice(-15).join("\n")}`);
  await listening(port);
  return { git, state, started, logged, deliver, push, dashboard, tick, pullPayload, close, failWithLog, host: fake.host, privateKey };
}

test("a tick opens one fix pull request equal to small-steps fix; a redelivery opens nothing; a merge opens the next; a finished folder is ratcheted", async () => {
  const { git, state, logged, deliver, push, dashboard, tick, pullPayload, close, failWithLog, started } = await campaignHarness(FILES);
  try {
    const first = git.refs.main;
    await push("0".repeat(40), first);
    await waitFor("the dashboard", () => (logged("dashboard updated") === 1 ? true : undefined));
    const body = dashboard().body;
    const boxes = body.split("\n").filter((l) => /^- \[ \] /.test(l));
    expect(boxes).toHaveLength(2);
    expect(boxes[0]).toContain("`print-statement` in `app/`: 3 fixes in 2 files");
    expect(boxes[0]).toContain("small-steps fix app/report.py app/views.py --rules print-statement --write");
    expect(boxes[1]).toContain("`print-statement` in `lib/`: 1 fix in 1 file");
    expect(body.indexOf("### Fix pull requests")).toBeLessThan(body.indexOf("### Burn-down")); // the first task list

    // A tick by someone who cannot write opens nothing; the box is cleared.
    await tick(boxes[0], "visitor");
    await waitFor("the visitor's tick to be cleared", () => (started.output().includes("ticked by someone without write permission") && dashboard().body.includes(boxes[0]) ? true : undefined));
    expect(git.pulls).toHaveLength(0);

    await tick(boxes[0], "octocat", "tick-1");
    await waitFor("the fix pull request", () => (logged("fix pull request opened") === 1 ? true : undefined));
    expect(git.pulls).toHaveLength(1);
    const [pull] = git.pulls;
    expect(pull).toMatchObject({ head: "small-steps/fix/print-statement/app", base: "main", state: "open" });
    const made = textsAt(git, git.refs[pull.head]);
    expect({ "app/report.py": made["app/report.py"], "app/views.py": made["app/views.py"] }).toEqual(fixedByCli(FILES, ["app/report.py", "app/views.py"], "print-statement"));
    expect(made["lib/tools.py"]).toBe(FILES["lib/tools.py"]); // only the batch's files
    expect(git.commits[git.refs[pull.head]].parents).toEqual([first]);
    expect(pull.body).toContain("small-steps fix app/report.py app/views.py --rules print-statement --write");
    await waitFor("the box to show its pull request", () => (/- \[x\] `print-statement` in `app\/`.*\[#200\]\(.*\/pull\/200\) open/.test(dashboard().body) ? true : undefined));
    const labelled = state.requests.filter((r) => r.method === "POST" && r.path.endsWith("/issues/200/labels")).flatMap((r) => r.body.labels);
    expect(labelled).toEqual(expect.arrayContaining(["migration", "size/XS"]));

    // The same delivery again, and the same tick delivered under a new id: nothing more is opened.
    const edits = state.requests.filter((r) => r.method === "POST" && r.path.endsWith("/pulls")).length;
    await deliver("issues", { action: "edited", issue: dashboard(), changes: { body: { from: dashboard().body.replace("- [x] `print-statement` in `app/`", "- [ ] `print-statement` in `app/`") } }, sender: { login: "octocat", type: "User" } }, "tick-1");
    await deliver("issues", { action: "edited", issue: dashboard(), changes: { body: { from: dashboard().body.replace("- [x] `print-statement` in `app/`", "- [ ] `print-statement` in `app/`") } }, sender: { login: "octocat", type: "User" } });
    await waitFor("the duplicate to be handled", () => (logged("event handled") + logged("event ignored") >= 1 && state.requests.filter((r) => r.method === "GET" && /\/issues\/\d+$/.test(r.path)).length >= 2 ? true : undefined));
    expect(state.requests.filter((r) => r.method === "POST" && r.path.endsWith("/pulls")).length).toBe(edits);
    expect(git.pulls).toHaveLength(1);

    // The app measures its own pull request: migration work only, and small.
    await deliver("pull_request", pullPayload(200, "opened"));
    const run = await waitFor("its check run", () => state.checkRuns.find((r) => r.body.head_sha === git.refs[pull.head] && r.body.status === "completed")?.body);
    expect(run.output.title).toMatch(/^XS: /);
    expect(run.output.summary).toContain("Kind of work: **migration only**");
    expect(run.output.title).not.toContain("regression");

    // The default branch moves under it and the pull request conflicts: it is made again on the new base.
    const moved = commitTree(git, { ...treeAt(git, first)!, "app/views.py": { text: `# moved on\n${FILES["app/views.py"]}`, mode: "100644" } }, [first], "a person's change");
    git.refs.main = moved;
    await push(first, moved);
    await waitFor("the regenerated pull request", () => (logged("fix pull request regenerated on the new base") === 1 ? true : undefined));
    const remade = git.refs[pull.head];
    expect(git.commits[remade].parents).toEqual([moved]);
    const movedFiles = textsAt(git, moved);
    expect(textsAt(git, remade)["app/views.py"]).toBe(fixedByCli(movedFiles, ["app/views.py"], "print-statement")["app/views.py"]);
    await waitFor("the dashboard after the move", () => (logged("dashboard updated") === 2 ? true : undefined));

    // A person pushes to it: it is theirs now, and never regenerated again.
    const theirs = commitTree(git, { ...treeAt(git, remade)!, "app/report.py": { text: `${textsAt(git, remade)["app/report.py"]}# reviewed\n`, mode: "100644" } }, [remade], "review");
    git.refs[pull.head] = theirs;
    const movedAgain = commitTree(git, { ...treeAt(git, moved)!, "NOTES.txt": { text: "notes\n", mode: "100644" } }, [moved], "another change");
    git.refs.main = movedAgain;
    await push(moved, movedAgain);
    await waitFor("the dashboard to say it was edited", () => (/\[#200\]\([^)]*\) open, edited by a person/.test(dashboard().body) ? true : undefined));
    expect(git.refs[pull.head]).toBe(theirs);
    expect(logged("fix pull request regenerated on the new base")).toBe(1);

    // Merged: with campaign.automatic the next batch opens at once; the push after the merge updates the dashboard.
    const merged = mergePull(git, 200);
    await deliver("pull_request", pullPayload(200, "closed", { merged: true, state: "closed" }));
    await waitFor("the next fix pull request", () => (logged("fix pull request opened") === 2 ? true : undefined));
    expect(git.pulls[1]).toMatchObject({ head: "small-steps/fix/print-statement/lib", state: "open" });
    await push(movedAgain, merged);
    await waitFor("the dashboard after the merge", () => (logged("dashboard updated") === 4 ? true : undefined));
    expect(dashboard().body).toContain("`print-statement` in `app/`: [#200](");
    expect(dashboard().body).toContain("merged");
    expect(dashboard().body).toMatch(/`print-statement` in `lib\/`.*\[#201\].* open/);

    // app/ has nothing left: the ratchet's one-line pull request adds it to migration.done.
    await waitFor("the ratchet pull request", () => (logged("ratchet pull request opened") === 1 ? true : undefined));
    const ratchet = git.pulls.find((p) => p.head === "small-steps/ratchet/app")!;
    const config = textsAt(git, git.refs[ratchet.head])[".github/small-steps.yml"];
    expect(parse(config).migration.done).toEqual([{ files: "app/**", commit: merged.slice(0, 12), date: new Date().toISOString().slice(0, 10) }]);
    expect(config.startsWith(CONFIG)).toBe(true); // the rest of the file as it was
    expect(dashboard().body).toContain("**Finished folders**");
    // The repository's labels were made once, by the first pull request; later ones find them (a read, no write).
    expect(state.requests.filter((r) => r.method === "POST" && /\/repos\/[^/]+\/[^/]+\/labels$/.test(r.path)).map((r) => r.body.name).sort()).toEqual(["migration", "size/XS"]);

    // Once it is merged, a person's pull request that brings print back into app/ fails, in warn mode.
    const afterRatchet = mergePull(git, ratchet.number);
    await push(merged, afterRatchet, [".github/small-steps.yml"]);
    await waitFor("the push of the ratchet", () => (logged("dashboard updated") === 5 ? true : undefined));
    const tree = { ...treeAt(git, afterRatchet)!, "app/new.py": { text: 'def new():\n    print "back"\n', mode: "100644" } };
    git.refs["person/feature"] = commitTree(git, tree, [afterRatchet], "a feature");
    git.pulls.push({ number: 300, state: "open", merged_at: null, head: "person/feature", base: "main", title: "A feature", body: "", created_at: new Date().toISOString() });
    await deliver("pull_request", { ...pullPayload(300, "opened"), sender: { login: "octocat", type: "User" }, pull_request: { ...pullPayload(300, "opened").pull_request, user: { login: "octocat", type: "User" } } });
    const failed = await waitFor("the feature's check run", () => state.checkRuns.find((r) => r.body.head_sha === git.refs["person/feature"] && r.body.status === "completed")?.body);
    expect(failed.conclusion).toBe("failure");
    expect(failed.output.title).toContain("1 regression (1 in a finished folder)");
  } catch (error) {
    throw failWithLog(error);
  } finally {
    await close();
  }
}, 90000);

test("paced and fault-tolerant: a failed write keeps the batch waiting and says why; maxOpen and perHour hold the rest; a closed one is declined", async () => {
  const files = {
    ".github/small-steps.yml": CONFIG.replace("  automatic: true\n", "  maxOpen: 1\n  perHour: 2\n"),
    "app/a.py": 'print "a"\n',
    "lib/b.py": 'print "b"\n',
    "tools/c.py": 'print "c"\n',
  };
  const { git, logged, push, dashboard, tick, deliver, pullPayload, close, failWithLog } = await campaignHarness(files);
  try {
    await push("0".repeat(40), git.refs.main);
    await waitFor("the dashboard", () => (logged("dashboard updated") === 1 ? true : undefined));
    const box = (folder: string) => dashboard().body.split("\n").find((l) => l.startsWith("- [") && l.includes(`in \`${folder}/\``))!;
    const [app, lib, tools] = ["app", "lib", "tools"].map(box);

    // GitHub refuses the blob (an installation without contents: write): no pull request, the box says what failed.
    git.faults.push({ route: /^POST .*\/git\/blobs$/, status: 403, times: 100, message: "Resource not accessible by integration" });
    await tick(app, "octocat");
    await waitFor("the failure on the dashboard", () => (/- \[x\] `print-statement` in `app\/`.*: waiting \(Opening the fix pull request failed \(HTTP 403.*Resource not accessible by integration; the campaign needs the contents: write and pull requests: write permissions/.test(dashboard().body) ? true : undefined));
    expect(git.pulls).toHaveLength(0);
    git.faults.length = 0;

    // The next tick opens the waiting one first; the new one waits on maxOpen.
    await tick(lib, "octocat");
    await waitFor("the first pull request", () => (logged("fix pull request opened") === 1 && /in `lib\/`.*waiting \(1 fix pull request open, campaign\.maxOpen is 1/.test(dashboard().body) ? true : undefined));
    expect(git.pulls.map((p) => p.head)).toEqual(["small-steps/fix/print-statement/app"]);

    // Declined: closed without merging. lib/ opens in its place; tools/, ticked next, waits on perHour.
    git.pulls[0].state = "closed";
    await deliver("pull_request", pullPayload(200, "closed", { merged: false, state: "closed" }));
    await waitFor("the second pull request", () => (logged("fix pull request opened") === 2 && /- \[ \] `print-statement` in `app\/`.*declined/.test(dashboard().body) ? true : undefined));
    git.pulls[1].state = "closed";
    await deliver("pull_request", pullPayload(201, "closed", { merged: false, state: "closed" }));
    await waitFor("lib/ declined", () => (/in `lib\/`.*declined/.test(dashboard().body) ? true : undefined));
    await tick(tools, "octocat");
    await waitFor("tools/ to wait on the hour", () => (/in `tools\/`.*waiting \(2 fix pull requests opened in the last hour, campaign\.perHour is 2/.test(dashboard().body) ? true : undefined));
    expect(git.pulls).toHaveLength(2);
    // Only the app's own branches were ever written.
    expect(Object.keys(git.refs).sort()).toEqual(["main", "small-steps/fix/print-statement/app", "small-steps/fix/print-statement/lib"]);
  } catch (error) {
    throw failWithLog(error);
  } finally {
    await close();
  }
}, 90000);

test("two instances on one Redis, each given the same tick under its own delivery id at the same instant: one pull request", async () => {
  const found = spawnSync("redis-server", ["--version"], { encoding: "utf8" });
  if (found.status !== 0) throw new Error("redis-server is not installed: `apt-get install -y redis-server` (.ci/run does it)");
  const redisPort = await freePort();
  const redis = spawn("redis-server", ["--port", String(redisPort), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], { stdio: "ignore" });
  await waitFor("redis to listen", () => (spawnSync("redis-cli", ["-p", String(redisPort), "ping"], { encoding: "utf8" }).stdout.trim() === "PONG" ? true : undefined));
  const env = { REDIS_URL: `redis://127.0.0.1:${redisPort}` };
  const first = await campaignHarness(FILES, env);
  const { git, dashboard, logged, push, state } = first;
  state.latencyMs = 10; // GitHub's answers take time: the window in which two instances could race
  const secondPort = await freePort();
  const second = startApp({ APP_ID: "1", PRIVATE_KEY: first.privateKey, WEBHOOK_SECRET: SECRET, PORT: String(secondPort), HOST: "127.0.0.1", GHE_HOST: first.host, GHE_PROTOCOL: "http", LOG_LEVEL: "debug", LOG_FORMAT: "json", NODE_ENV: "production", GITHUB_WRITES_PER_MINUTE: "60000", ...env });
  try {
    await listening(secondPort);
    await push("0".repeat(40), git.refs.main);
    await waitFor("the dashboard", () => (logged("dashboard updated") === 1 ? true : undefined));
    const before = dashboard().body;
    const box = before.split("\n").find((l) => l.startsWith("- [ ] `print-statement` in `app/`"))!;
    dashboard().body = before.replace(box, box.replace("- [ ]", "- [x]"));
    const payload = (id: string) => JSON.stringify({ action: "edited", issue: { ...dashboard(), html_url: `http://x/issues/${dashboard().number}` }, changes: { body: { from: before } }, sender: { login: "octocat", type: "User" }, repository, installation: { id: 99 } });
    const send = (port: number, id: string) => fetch(`http://127.0.0.1:${port}/api/github/webhooks`, { method: "POST", body: payload(id), headers: { "content-type": "application/json", "x-github-event": "issues", "x-github-delivery": id, "x-hub-signature-256": sign(payload(id)) } });
    const ports = [Number(new URL(`http://${first.started.output().match(/listening on ([\d.:]+)/)![1]}`).port), secondPort];
    await Promise.all(ports.map((port, i) => send(port, `twin-${i}`)));
    await waitFor("one pull request and both deliveries handled", () => (git.pulls.length === 1 && /\[#200\]\([^)]*\) open/.test(dashboard().body) ? true : undefined));
    await new Promise((resolve) => setTimeout(resolve, 500)); // room for a second one, were there a race
    expect(git.pulls).toHaveLength(1);
    expect(Object.keys(git.refs).filter((r) => r.startsWith("small-steps/"))).toEqual(["small-steps/fix/print-statement/app"]);
    // Not one pull request by luck (GitHub refuses a second on one branch): the second instance never tried.
    expect(state.requests.filter((r) => r.method === "POST" && /\/(pulls|git\/refs|git\/commits)$/.test(r.path)).map((r) => r.path.replace(/^.*\/repos\/[^/]+\/[^/]+/, ""))).toEqual(["/git/commits", "/git/refs", "/pulls"]);
    await waitFor("the second instance to have handled its delivery", () => (second.output().includes('"id":"twin-1"') ? true : undefined));
  } catch (error) {
    throw first.failWithLog(error);
  } finally {
    second.child.kill("SIGKILL");
    await first.close();
    redis.kill("SIGKILL");
  }
}, 90000);

test("with campaign.verifiedCommits the fix is GitHub's own commit (createCommitOnBranch) on our branch, with the same files", async () => {
  const files = { ...FILES, ".github/small-steps.yml": CONFIG.replace("  automatic: true\n", "  verifiedCommits: true\n") };
  const { git, state, logged, push, dashboard, tick, close, failWithLog } = await campaignHarness(files);
  try {
    const first = git.refs.main;
    await push("0".repeat(40), first);
    await waitFor("the dashboard", () => (logged("dashboard updated") === 1 ? true : undefined));
    const box = dashboard().body.split("\n").find((l) => l.startsWith("- [ ] `print-statement` in `app/`"))!;
    await tick(box, "octocat");
    await waitFor("the fix pull request", () => (logged("fix pull request opened") === 1 ? true : undefined));
    const head = git.refs["small-steps/fix/print-statement/app"];
    expect(git.commits[head].parents).toEqual([first]);
    const made = textsAt(git, head);
    expect({ "app/report.py": made["app/report.py"], "app/views.py": made["app/views.py"] }).toEqual(fixedByCli(FILES, ["app/report.py", "app/views.py"], "print-statement"));
    expect(state.requests.some((r) => r.path.endsWith("/git/blobs") || r.path.endsWith("/git/commits"))).toBe(false);
    expect(state.requests.filter((r) => r.path === "/api/graphql" && String(r.body?.query).includes("createCommitOnBranch"))).toHaveLength(1);
  } catch (error) {
    throw failWithLog(error);
  } finally {
    await close();
  }
}, 90000);
