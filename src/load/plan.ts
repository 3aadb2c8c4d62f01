import { createHash } from "node:crypto";
import { pullRequestPayload, repositoryPayload, type Repository, type StandIn, type StandInFile } from "./stand-in.js";

/**
 * The deliveries of a load run, made as GitHub would send them while the stand-in's state changes underneath: a pull
 * request opened, pushed to (a new head), reopened, `/small-steps recheck`, Re-run on its check, and pushes of 1 to 3
 * commits to main. Each delivery names the commits that are owed a check run because of it.
 */
export interface Delivery {
  id: string;
  event: string;
  payload: Record<string, unknown>;
  /** `owner/repo@sha` of every commit this delivery makes owed a completed check run. */
  owed: string[];
}

/** A seeded source of numbers in [0, 1) (mulberry32), so that a run can be repeated. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const sha = (text: string) => createHash("sha1").update(text).digest("hex");

/** A few Python files: mostly new code, now and then a line of Python 2 (the migration pack has work to do). */
function someFiles(random: () => number, tag: string): StandInFile[] {
  const count = 1 + Math.floor(random() * 4);
  return Array.from({ length: count }, (_, i) => {
    const lines = 2 + Math.floor(random() * 30);
    const body = Array.from({ length: lines }, (_, j) => (random() < 0.05 ? `+print "step ${j}"` : `+value_${j} = compute(${j})`));
    return { filename: `pkg${i}/${tag}_${i}.py`, status: "added" as const, additions: lines, deletions: 0, patch: `@@ -0,0 +1,${lines} @@\n${body.join("\n")}` };
  });
}

export interface PlanOptions {
  repositories: number;
  pullsPerRepository: number;
  installations: number;
  random: () => number;
}

export class DeliveryPlan {
  private counter = 0;
  private readonly opened = new Set<string>();
  private readonly mainHead = new Map<string, string>();

  constructor(
    private readonly standIn: StandIn,
    private readonly web: string,
    private readonly options: PlanOptions,
  ) {
    for (let r = 0; r < options.repositories; r++) {
      const repo: Repository = {
        owner: "load-org",
        name: `service-${r}`,
        installation: 1000 + (r % options.installations),
        pulls: new Map(),
        labels: new Set(),
        commits: new Map(),
        comments: new Map(),
        config: "limit: L\nmigration:\n  packs: [python3]\n",
      };
      const base = sha(`${repo.name}:main:0`);
      this.mainHead.set(repo.name, base);
      for (let n = 1; n <= options.pullsPerRepository; n++) {
        const head = sha(`${repo.name}#${n}:0`);
        repo.pulls.set(n, { number: n, head, base, author: `dev-${n % 7}`, files: someFiles(options.random, `pr${n}`), labels: new Set(), updatedAt: Date.now() });
      }
      standIn.repositories.set(`${repo.owner}/${repo.name}`, repo);
    }
  }

  /** The next delivery, changing the stand-in's state first where the event follows a change (a push, a new head). */
  next(): Delivery {
    const random = this.options.random;
    const repos = [...this.standIn.repositories.values()];
    const repo = repos[Math.floor(random() * repos.length)];
    const pr = repo.pulls.get(1 + Math.floor(random() * repo.pulls.size))!;
    const key = `${repo.owner}/${repo.name}#${pr.number}`;
    const id = `load-${++this.counter}-${sha(String(random())).slice(0, 8)}`;
    const common = { repository: repositoryPayload(repo, this.web), installation: { id: repo.installation }, sender: { login: pr.author, type: "User" } };
    const owedHead = [`${repo.owner}/${repo.name}@${pr.head}`];
    if (!this.opened.has(key)) {
      this.opened.add(key);
      return { id, event: "pull_request", payload: { action: "opened", number: pr.number, pull_request: pullRequestPayload(repo, pr, this.web), ...common }, owed: owedHead };
    }
    const kind = random();
    if (kind < 0.4) {
      const before = pr.head;
      pr.head = sha(`${key}:${this.counter}`);
      pr.updatedAt = Math.max(Date.now(), pr.updatedAt + 1);
      pr.files = someFiles(random, `pr${pr.number}`);
      return { id, event: "pull_request", payload: { action: "synchronize", number: pr.number, before, after: pr.head, pull_request: pullRequestPayload(repo, pr, this.web), ...common }, owed: [`${repo.owner}/${repo.name}@${pr.head}`] };
    }
    if (kind < 0.5) return { id, event: "pull_request", payload: { action: "reopened", number: pr.number, pull_request: pullRequestPayload(repo, pr, this.web), ...common }, owed: owedHead };
    if (kind < 0.65) {
      const comment = { id: 5_000_000 + this.counter, body: "/small-steps recheck", user: { login: pr.author, type: "User" } };
      const issue = { number: pr.number, pull_request: { url: `${this.web}/pulls/${pr.number}` }, user: { login: pr.author, type: "User" }, state: "open" };
      return { id, event: "issue_comment", payload: { action: "created", issue, comment, ...common }, owed: owedHead };
    }
    if (kind < 0.8) {
      const run = this.standIn.runsOn(`${repo.owner}/${repo.name}`, pr.head).at(-1);
      const checkRun = {
        id: run?.id ?? 0,
        name: "small-steps",
        head_sha: pr.head,
        external_id: String(pr.number),
        app: { id: 1 },
        pull_requests: [{ number: pr.number, head: { sha: pr.head }, base: { ref: "main" } }],
        check_suite: { head_branch: `feature-${pr.number}` },
      };
      return { id, event: "check_run", payload: { action: "rerequested", check_run: checkRun, ...common }, owed: owedHead };
    }
    // A push of 1 to 3 commits to main.
    const commits: string[] = [];
    let parent = this.mainHead.get(repo.name)!;
    const length = 1 + Math.floor(random() * 3);
    for (let i = 0; i < length; i++) {
      const commit = sha(`${repo.name}:main:${this.counter}:${i}`);
      repo.commits.set(commit, { sha: commit, parent, files: someFiles(random, `main${this.counter}_${i}`) });
      commits.push(commit);
      parent = commit;
    }
    const before = this.mainHead.get(repo.name)!;
    this.mainHead.set(repo.name, parent);
    const commit = (c: string) => ({ id: c, distinct: true, message: "a step", added: repo.commits.get(c)!.files.map((f) => f.filename), modified: [], removed: [] });
    return {
      id,
      event: "push",
      payload: { ref: "refs/heads/main", before, after: parent, created: false, deleted: false, forced: false, commits: commits.map(commit), head_commit: commit(parent), pusher: { name: pr.author }, ...common },
      owed: commits.map((c) => `${repo.owner}/${repo.name}@${c}`),
    };
  }
}
