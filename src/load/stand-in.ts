import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A stand-in for a GitHub Enterprise Server (`/api/v3`, `/api/graphql`) for the load test: many repositories, their
 * pull requests, commits, labels, comments and check runs, kept so that the app reads back what it wrote. It injects
 * GitHub's faults at a given rate (a 502, some after the write was made; a secondary rate limit with `retry-after`;
 * a 500; a slow answer) and records every request and when each commit's check run was completed.
 */
export interface StandInFile {
  filename: string;
  status: "added" | "modified";
  additions: number;
  deletions: number;
  patch: string;
}

export interface PullRequest {
  number: number;
  head: string;
  base: string;
  author: string;
  files: StandInFile[];
  labels: Set<string>;
  /** When its head last changed (ms since the epoch). */
  updatedAt: number;
}

export interface Commit {
  sha: string;
  parent: string;
  files: StandInFile[];
}

export interface Repository {
  owner: string;
  name: string;
  installation: number;
  pulls: Map<number, PullRequest>;
  labels: Set<string>;
  commits: Map<string, Commit>;
  comments: Map<number, Array<{ id: number; body: string; user: { login: string; type: string } }>>;
  config: string;
}

export interface CheckRun {
  id: number;
  repo: string;
  headSha: string;
  name: string;
  status: string;
  conclusion: string | null;
  title: string;
  summary: string;
  text: string | null;
  externalId: string | null;
  /** When it was first written completed (ms since the epoch). */
  completedAt?: number;
}

export interface Faults {
  /** The share of requests given a fault (0 to 1). */
  rate: number;
  /** A source of numbers in [0, 1): the load test's seeded one, so that a run can be repeated. */
  random: () => number;
}

export interface StandInStats {
  requests: number;
  writes: number;
  faults: Record<string, number>;
  byRoute: Map<string, number>;
}

export const APP_ID = 1;

export class StandIn {
  readonly repositories = new Map<string, Repository>();
  readonly checkRuns: CheckRun[] = [];
  readonly stats: StandInStats = { requests: 0, writes: 0, faults: {}, byRoute: new Map() };
  private server?: Server;
  private nextId = 1;

  constructor(private readonly faults: Faults) {}

  get host(): string {
    return `127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
  }

  async start(): Promise<void> {
    this.server = createServer((req, res) => void this.handle(req, res).catch((error) => this.send(res, 500, { message: String(error) })));
    this.server.keepAliveTimeout = 60_000;
    await new Promise<void>((resolve) => this.server!.listen(0, "127.0.0.1", resolve));
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise((resolve) => this.server?.close(resolve));
  }

  runsOn(repo: string, sha: string): CheckRun[] {
    return this.checkRuns.filter((r) => r.repo === repo && r.headSha === sha && r.name === "small-steps");
  }

  private send(res: ServerResponse, status: number, data: unknown, headers: Record<string, string> = {}): void {
    if (res.headersSent) return;
    res.writeHead(status, { "content-type": "application/json; charset=utf-8", "x-github-request-id": `STAND-IN:${this.nextId++}`, "x-ratelimit-remaining": "4999", ...headers });
    res.end(data === undefined ? "" : JSON.stringify(data));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString("utf8");
    const body = text ? JSON.parse(text) : undefined;
    const url = new URL(req.url ?? "/", "http://x");
    const method = req.method ?? "GET";
    const isGraphql = url.pathname === "/api/graphql";
    const write = method !== "GET" && method !== "HEAD" && !(isGraphql && !/^\s*mutation\b/.test(String(body?.query)));
    const route = `${method} ${url.pathname.replace(/\/repos\/[^/]+\/[^/]+/, "/repos/:owner/:repo").replace(/\/[0-9a-f]{40}/g, "/:sha").replace(/\/\d+(?=\/|$)/g, "/:n").replace(/\/contents\/.*/, "/contents/:path").replace(/\/labels\/[^/]+$/, "/labels/:name")}`;
    this.stats.requests++;
    if (write) this.stats.writes++;
    this.stats.byRoute.set(route, (this.stats.byRoute.get(route) ?? 0) + 1);

    // Faults: decided before the answer; a 502 on a write is given after the write half of the time.
    let after502 = false;
    if (!url.pathname.endsWith("/access_tokens") && this.faults.random() < this.faults.rate) {
      const kind = this.faults.random();
      if (kind < 0.3) {
        this.count("502");
        if (write && this.faults.random() < 0.5) after502 = true;
        else return this.send(res, 502, { message: "Server Error" });
      } else if (kind < 0.55) {
        this.count("secondary rate limit");
        return this.send(res, 403, { message: "You have exceeded a secondary rate limit. Please wait a few minutes before you try again." }, { "retry-after": "1" });
      } else if (kind < 0.75) {
        this.count("500");
        return this.send(res, 500, { message: "Something went wrong" });
      } else {
        this.count("slow answer");
        await new Promise((resolve) => setTimeout(resolve, 2000 + this.faults.random() * 3000));
      }
    }
    const answer = this.answer(method, url, body);
    if (after502) return this.send(res, 502, { message: "Server Error" });
    if (answer.raw !== undefined) {
      if (answer.etag && req.headers["if-none-match"] === answer.etag) {
        res.writeHead(304, { etag: answer.etag }).end();
        return;
      }
      res.writeHead(answer.status, { "content-type": "text/plain; charset=utf-8", ...(answer.etag ? { etag: answer.etag } : {}) });
      res.end(answer.raw);
      return;
    }
    this.send(res, answer.status, answer.data, answer.headers);
  }

  private count(kind: string): void {
    this.stats.faults[kind] = (this.stats.faults[kind] ?? 0) + 1;
  }

  private answer(method: string, url: URL, body: any): { status: number; data?: unknown; raw?: string; etag?: string; headers?: Record<string, string> } {
    const path = url.pathname;
    const route = `${method} ${path}`;
    let m: RegExpMatchArray | null;
    if (/^POST \/api\/v3\/app\/installations\/\d+\/access_tokens$/.test(route)) return { status: 201, data: { token: "ghs_stand_in", expires_at: new Date(Date.now() + 3600_000).toISOString() } };
    if (route === "GET /api/v3/app") return { status: 200, data: { id: APP_ID, slug: "small-steps" } };
    if (route === "POST /api/graphql") return this.graphql(body);
    if (!(m = path.match(/^\/api\/v3\/repos\/([^/]+)\/([^/]+)(\/.*)?$/))) return { status: 404, data: { message: `stand-in has no route for ${route}` } };
    const repo = this.repositories.get(`${m[1]}/${m[2]}`);
    if (!repo) return { status: 404, data: { message: "Not Found" } };
    const rest = `${method} ${m[3] ?? ""}`;
    const page = Number(url.searchParams.get("page") ?? 1);
    if ((m = rest.match(/^GET \/contents\/(.+)$/))) {
      if (decodeURIComponent(m[1]) !== ".github/small-steps.yml") return { status: 404, data: { message: "Not Found" } };
      return { status: 200, raw: repo.config, etag: `"${Buffer.from(repo.config).toString("base64").slice(0, 20)}"` };
    }
    if ((m = rest.match(/^GET \/pulls\/(\d+)$/))) {
      const pr = repo.pulls.get(Number(m[1]));
      return pr ? { status: 200, data: pullRequestPayload(repo, pr, `http://${url.host}`) } : { status: 404, data: { message: "Not Found" } };
    }
    if ((m = rest.match(/^GET \/pulls\/(\d+)\/files$/))) {
      const pr = repo.pulls.get(Number(m[1]));
      return pr ? { status: 200, data: pr.files.slice((page - 1) * 100, page * 100) } : { status: 404, data: { message: "Not Found" } };
    }
    if ((m = rest.match(/^GET \/commits\/([0-9a-f]{40})\/check-runs$/))) {
      const runs = this.runsOn(`${repo.owner}/${repo.name}`, m[1]).filter((r) => !url.searchParams.get("check_name") || r.name === url.searchParams.get("check_name")).reverse();
      return { status: 200, data: { total_count: runs.length, check_runs: runs.map(restRun) } };
    }
    if ((m = rest.match(/^GET \/commits\/([0-9a-f]{40})\/pulls$/))) return { status: 200, data: [] };
    if ((m = rest.match(/^GET \/commits\/([0-9a-f]{40})$/))) {
      const commit = repo.commits.get(m[1]);
      if (!commit) return { status: 422, data: { message: "No commit found for SHA" } };
      return { status: 200, data: { sha: commit.sha, parents: [{ sha: commit.parent }], commit: { message: "a step" }, files: commit.files } };
    }
    if (rest === "POST /check-runs") {
      const run: CheckRun = { id: this.nextId++, repo: `${repo.owner}/${repo.name}`, headSha: body.head_sha, name: body.name, status: "queued", conclusion: null, title: "", summary: "", text: null, externalId: body.external_id ?? null };
      this.checkRuns.push(run);
      applyRun(run, body);
      return { status: 201, data: restRun(run) };
    }
    if ((m = rest.match(/^PATCH \/check-runs\/(\d+)$/))) {
      const run = this.checkRuns.find((r) => r.id === Number(m![1]));
      if (!run) return { status: 404, data: { message: "Not Found" } };
      applyRun(run, body);
      return { status: 200, data: restRun(run) };
    }
    if (rest === "POST /labels") {
      if (repo.labels.has(body.name)) return { status: 422, data: { message: "Validation Failed", errors: [{ resource: "Label", code: "already_exists", field: "name" }] } };
      repo.labels.add(body.name);
      return { status: 201, data: { name: body.name, color: body.color } };
    }
    if ((m = rest.match(/^POST \/issues\/(\d+)\/labels$/))) {
      const pr = repo.pulls.get(Number(m[1]));
      if (!pr) return { status: 404, data: { message: "Not Found" } };
      for (const name of body.labels ?? []) pr.labels.add(name);
      return { status: 200, data: [...pr.labels].map((name) => ({ name })) };
    }
    if ((m = rest.match(/^DELETE \/issues\/(\d+)\/labels\/(.+)$/))) {
      const pr = repo.pulls.get(Number(m[1]));
      if (!pr?.labels.delete(decodeURIComponent(m[2]))) return { status: 404, data: { message: "Label does not exist" } };
      return { status: 200, data: [...pr.labels].map((name) => ({ name })) };
    }
    if ((m = rest.match(/^GET \/issues\/(\d+)\/comments$/))) return { status: 200, data: (repo.comments.get(Number(m[1])) ?? []).slice((page - 1) * 100, page * 100) };
    if ((m = rest.match(/^POST \/issues\/(\d+)\/comments$/))) {
      const comment = { id: this.nextId++, body: body.body, user: { login: "small-steps[bot]", type: "Bot" } };
      const list = repo.comments.get(Number(m[1])) ?? [];
      list.push(comment);
      repo.comments.set(Number(m[1]), list);
      return { status: 201, data: comment };
    }
    if ((m = rest.match(/^PATCH \/issues\/comments\/(\d+)$/))) {
      for (const list of repo.comments.values()) for (const c of list) if (c.id === Number(m[1])) c.body = body.body;
      return { status: 200, data: { id: Number(m[1]) } };
    }
    if (/^POST \/issues\/comments\/\d+\/reactions$/.test(rest)) return { status: 201, data: { id: this.nextId++, content: body.content } };
    if (/^GET \/collaborators\/[^/]+\/permission$/.test(rest)) return { status: 200, data: { permission: "write", role_name: "write" } };
    return { status: 404, data: { message: `stand-in has no route for ${route}` } };
  }

  /** The app's one state query (`pull-request-state.ts`): the pull request, labels, our runs on a commit, blobs. */
  private graphql(body: any): { status: number; data: unknown } {
    const variables: Record<string, any> = body?.variables ?? {};
    const repo = this.repositories.get(`${variables.owner}/${variables.repo}`);
    if (!repo) return { status: 200, data: { data: null, errors: [{ type: "NOT_FOUND", message: "Could not resolve to a Repository" }] } };
    const fullName = `${repo.owner}/${repo.name}`;
    const checks = (sha: string | undefined) => {
      const run = sha ? this.runsOn(fullName, sha).at(-1) : undefined;
      return { checkSuites: { nodes: run ? [{ app: { databaseId: APP_ID }, checkRuns: { nodes: [graphqlRun(run)] } }] : [] } };
    };
    const repository: Record<string, unknown> = { head: checks(variables.head) };
    if (variables.previous) repository.previous = checks(variables.previous);
    if (variables.number !== undefined) {
      const pr = repo.pulls.get(Number(variables.number));
      repository.pullRequest = pr ? { headRefOid: pr.head, labels: { nodes: [...pr.labels].map((name) => ({ name })) } } : null;
    }
    for (const [name, value] of Object.entries(variables)) {
      const label = /^l(\d+)$/.exec(name);
      if (label) repository[`l${label[1]}`] = repo.labels.has(String(value)) ? { name: value } : null;
      const blob = /^(mb|mh|mu|h|b)?e(\d+)$/.exec(name);
      if (blob) repository[`${blob[1] ?? ""}f${blob[2]}`] = null; // whole files are not kept: judged from hunks
    }
    return { status: 200, data: { data: { repository } } };
  }
}

function applyRun(run: CheckRun, body: any): void {
  if (body.status) run.status = body.status;
  if (body.conclusion !== undefined) run.conclusion = body.conclusion;
  if (body.output?.title !== undefined) run.title = body.output.title;
  if (body.output?.summary !== undefined) run.summary = body.output.summary;
  if (body.output?.text !== undefined) run.text = body.output.text;
  if (body.external_id !== undefined) run.externalId = body.external_id;
  if (run.status === "completed") run.completedAt ??= Date.now();
}

function restRun(run: CheckRun) {
  return { id: run.id, name: run.name, head_sha: run.headSha, status: run.status, conclusion: run.conclusion, external_id: run.externalId, output: { title: run.title, summary: run.summary, text: run.text } };
}

function graphqlRun(run: CheckRun) {
  return { databaseId: run.id, status: run.status.toUpperCase(), conclusion: run.conclusion?.toUpperCase() ?? null, title: run.title, summary: run.summary, text: run.text, externalId: run.externalId };
}

export function repositoryPayload(repo: Repository, web: string) {
  return { id: 1, name: repo.name, full_name: `${repo.owner}/${repo.name}`, private: false, owner: { login: repo.owner, type: "Organization" }, default_branch: "main", html_url: `${web}/${repo.owner}/${repo.name}` };
}

export function pullRequestPayload(repo: Repository, pr: PullRequest, web: string) {
  return {
    number: pr.number,
    state: "open",
    draft: false,
    changed_files: pr.files.length,
    user: { login: pr.author, type: "User" },
    head: { sha: pr.head, ref: `feature-${pr.number}` },
    base: { sha: pr.base, ref: "main", repo: repositoryPayload(repo, web) },
    html_url: `${web}/${repo.owner}/${repo.name}/pull/${pr.number}`,
    updated_at: new Date(pr.updatedAt).toISOString(),
  };
}
