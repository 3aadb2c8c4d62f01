import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { gitRoute, treeAt, type FakeGit } from "./fake-git.js";

/**
 * A stand-in for a GitHub Enterprise Server on loopback, for the end-to-end test of `npm start`: it keeps the state
 * the app reads back (check runs, labels) so that a redelivery can be seen to change nothing.
 */
export interface FakeGitHubState {
  files: Array<{ filename: string; status: string; additions: number; deletions: number; patch?: string }>;
  headSha: string;
  checkRuns: Array<{ id: number; body: any }>;
  repositoryLabels: Array<{ name: string; color: string; description: string }>;
  issueLabels: string[];
  requests: Array<{ method: string; path: string; body: any }>;
  /** Milliseconds each answer takes, as GitHub's do: widens the window in which two instances could race. */
  latencyMs?: number;
  /** Comments on the pull request (the sticky comment). */
  comments?: Array<{ id: number; body: string; user: { login: string; type: string } }>;
  /** Files at the default branch, by path (the policy file); every other path is 404. */
  contents?: Record<string, string>;
  /** Commits by SHA: their parents, files with patches, and whole files at the commit and its first parent. */
  commits?: Record<string, FakeCommit>;
  /** Gzipped tarballs by commit, served from a redirect as GitHub's codeload does. */
  tarballs?: Record<string, Buffer>;
  /** Issues, with the login that created each (the dashboard). */
  issues?: Array<{ number: number; state: string; title: string; body: string; user: { login: string } }>;
  /** A repository's history (commits, trees, refs, pull requests): the campaign's reads and writes go to it. */
  git?: FakeGit;
  /** Whose token writes (the creator of the issues it opens): the App's bot, or the Action's. */
  botLogin?: string;
}

export interface FakeCommit {
  parents: string[];
  files: FakeGitHubState["files"];
  head?: Record<string, string>;
  base?: Record<string, string>;
}

/** The GraphQL blob aliases the app asks for (`h`/`mh`: at the commit, `b`/`mb`: at its parent), answered from a commit. */
function blobs(variables: Record<string, unknown>, commit: FakeCommit | undefined, git?: FakeGit): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(variables)) {
    const m = /^(mb|mh|h|b)?e(\d+)$/.exec(name);
    if (!m) continue;
    const path = String(value).split(":").slice(1).join(":");
    // With a history, the expression's own commit answers (`sha:path`).
    const tree = git && treeAt(git, String(value).split(":")[0]);
    const files = tree ? Object.fromEntries(Object.entries(tree).map(([p, f]) => [p, f.text])) : m[1] === "h" || m[1] === "mh" ? commit?.head : m[1] ? commit?.base : undefined;
    out[`${m[1] ?? ""}f${m[2]}`] = files?.[path] !== undefined ? { text: files[path] } : null;
  }
  return out;
}

async function readBody(req: IncomingMessage): Promise<any> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString("utf8");
  return text ? JSON.parse(text) : undefined;
}

export async function startFakeGitHub(state: FakeGitHubState): Promise<{ server: Server; host: string }> {
  const server = createServer(async (req, res) => {
    const body = await readBody(req);
    if (state.latencyMs) await new Promise((resolve) => setTimeout(resolve, state.latencyMs));
    const url = new URL(req.url ?? "/", "http://x");
    const path = url.pathname;
    state.requests.push({ method: req.method ?? "", path, body });
    const send = (status: number, data: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { "content-type": "application/json; charset=utf-8", "x-github-request-id": "FAKE:1", "x-ratelimit-remaining": "4999", ...headers });
      res.end(data === undefined ? "" : JSON.stringify(data));
    };
    const route = `${req.method} ${path}`;
    let m: RegExpMatchArray | null;
    const raw = (status: number, type: string, data: string | Buffer) => {
      res.writeHead(status, { "content-type": type, etag: '"fake"' });
      res.end(data);
    };
    if (state.git && (await gitRoute(state.git, req.method ?? "", path, url, body, send, raw, String(req.headers.host)))) return;
    if ((m = route.match(/^POST \/api\/v3\/app\/installations\/(\d+)\/access_tokens$/))) return send(201, { token: "ghs_fake", expires_at: new Date(Date.now() + 3600_000).toISOString() });
    if ((m = route.match(/^GET \/api\/v3\/repos\/[^/]+\/[^/]+\/contents\/(.+)$/))) {
      const text = state.contents?.[decodeURIComponent(m[1])];
      if (text === undefined) return send(404, { message: "Not Found" });
      res.writeHead(200, { "content-type": "text/plain; charset=utf-8", etag: '"fake"' });
      return res.end(text);
    }
    if (route.match(/^GET \/api\/v3\/repos\/[^/]+\/[^/]+\/pulls\/\d+\/files$/)) {
      const page = Number(url.searchParams.get("page") ?? 1);
      return send(200, state.files.slice((page - 1) * 100, page * 100));
    }
    if ((m = route.match(/^GET \/api\/v3\/repos\/[^/]+\/[^/]+\/commits\/([0-9a-f]{40})$/))) {
      const commit = state.commits?.[m[1]];
      if (!commit) return send(404, { message: "No commit found for SHA" });
      const page = Number(url.searchParams.get("page") ?? 1);
      const next = commit.files.length > page * 300 ? { link: `<http://${req.headers.host}${path}?per_page=300&page=${page + 1}>; rel="next"` } : undefined;
      return send(200, { sha: m[1], parents: commit.parents.map((sha) => ({ sha })), commit: { message: "a step" }, files: commit.files.slice((page - 1) * 300, page * 300) }, next);
    }
    if (route.match(/^GET \/api\/v3\/repos\/[^/]+\/[^/]+\/commits\/[0-9a-f]{40}\/pulls$/)) return send(200, []);
    if (route === "GET /api/v3/app") return send(200, { id: 1, slug: "small-steps" });
    if ((m = route.match(/^GET \/api\/v3\/repos\/[^/]+\/[^/]+\/tarball\/([0-9a-f]{40})$/))) {
      if (!state.tarballs?.[m[1]]) return send(404, { message: "Not Found" });
      return send(302, undefined, { location: `http://${req.headers.host}/codeload/${m[1]}.tar.gz` });
    }
    if ((m = route.match(/^GET \/codeload\/([0-9a-f]{40})\.tar\.gz$/))) {
      res.writeHead(200, { "content-type": "application/x-gzip" });
      return res.end(state.tarballs?.[m[1]]);
    }
    if (route.match(/^GET \/api\/v3\/repos\/[^/]+\/[^/]+\/issues$/)) {
      const creator = url.searchParams.get("creator");
      return send(200, (state.issues ?? []).filter((i) => !creator || i.user.login === creator).map((i) => ({ ...i, html_url: `http://x/issues/${i.number}` })));
    }
    if (route.match(/^POST \/api\/v3\/repos\/[^/]+\/[^/]+\/issues$/)) {
      const issue = { number: 100 + (state.issues ?? []).length, state: "open", title: body.title, body: body.body, user: { login: state.botLogin ?? "small-steps[bot]" } };
      (state.issues ??= []).push(issue);
      return send(201, issue);
    }
    if ((m = route.match(/^GET \/api\/v3\/repos\/[^/]+\/[^/]+\/issues\/(\d+)$/))) {
      const issue = state.issues?.find((i) => i.number === Number(m![1]));
      return issue ? send(200, { ...issue, html_url: `http://x/issues/${issue.number}` }) : send(404, { message: "Not Found" });
    }
    if ((m = route.match(/^PATCH \/api\/v3\/repos\/[^/]+\/[^/]+\/issues\/(\d+)$/))) {
      const issue = state.issues?.find((i) => i.number === Number(m![1]));
      if (!issue) return send(404, { message: "Not Found" });
      Object.assign(issue, body);
      return send(200, issue);
    }
    if (route === "POST /api/graphql") {
      // Check runs are per commit, as on GitHub: the query asks for those of its head.
      const head: string = body?.variables?.head ?? state.headSha;
      const runs = state.checkRuns.filter(({ body: run }) => run.head_sha === head);
      const repository: Record<string, unknown> = {
        ...blobs(body?.variables ?? {}, state.commits?.[head], state.git),
        ...(String(body?.query).includes("pullRequest(") ? { pullRequest: { headRefOid: head, labels: { nodes: state.issueLabels.map((name) => ({ name })) } } } : {}),
        labels: { nodes: state.repositoryLabels.map(({ name }) => ({ name })) },
        head: { checkSuites: { nodes: [{ app: { databaseId: 1 }, checkRuns: {
                  nodes: runs.map(({ id, body }) => ({
                    databaseId: id,
                    status: String(body.status).toUpperCase(),
                    conclusion: body.conclusion ? String(body.conclusion).toUpperCase() : null,
                    title: body.output?.title ?? null,
                    summary: body.output?.summary ?? null,
                    text: body.output?.text ?? null,
                    externalId: body.external_id ?? null,
                  })),
                }, }] } },
      };
      return send(200, { data: { repository } });
    }
    if (route.match(/^POST \/api\/v3\/repos\/[^/]+\/[^/]+\/check-runs$/)) {
      const run = { id: state.checkRuns.length + 1, body };
      state.checkRuns.push(run);
      return send(201, { id: run.id });
    }
    if ((m = route.match(/^PATCH \/api\/v3\/repos\/[^/]+\/[^/]+\/check-runs\/(\d+)$/))) {
      const run = state.checkRuns.find((r) => r.id === Number(m![1]));
      if (!run) return send(404, { message: "Not Found" });
      run.body = { ...run.body, ...body, head_sha: run.body.head_sha };
      return send(200, { id: run.id });
    }
    if ((m = route.match(/^GET \/api\/v3\/repos\/[^/]+\/[^/]+\/labels\/([^/]+)$/))) {
      const label = state.repositoryLabels.find((l) => l.name === decodeURIComponent(m![1]));
      return label ? send(200, label) : send(404, { message: "Not Found" });
    }
    if (route.match(/^POST \/api\/v3\/repos\/[^/]+\/[^/]+\/labels$/)) {
      if (state.repositoryLabels.some((l) => l.name === body.name)) return send(422, { message: "Validation Failed", errors: [{ code: "already_exists" }] });
      state.repositoryLabels.push(body);
      return send(201, body);
    }
    if (route.match(/^POST \/api\/v3\/repos\/[^/]+\/[^/]+\/issues\/\d+\/labels$/)) {
      for (const name of body.labels) if (!state.issueLabels.includes(name)) state.issueLabels.push(name);
      return send(200, state.issueLabels.map((name) => ({ name })));
    }
    if (route.match(/^GET \/api\/v3\/repos\/[^/]+\/[^/]+\/issues\/\d+\/comments$/)) return send(200, state.comments ?? []);
    if (route.match(/^POST \/api\/v3\/repos\/[^/]+\/[^/]+\/issues\/\d+\/comments$/)) {
      const comment = { id: 1000 + (state.comments ?? []).length, body: body.body, user: { login: "small-steps[bot]", type: "Bot" } };
      (state.comments ??= []).push(comment);
      return send(201, comment);
    }
    send(404, { message: `fake GitHub has no route for ${route}` });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { server, host: `127.0.0.1:${(server.address() as AddressInfo).port}` };
}
