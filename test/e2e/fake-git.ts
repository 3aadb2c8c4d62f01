import { createHash } from "node:crypto";
import { createPatch } from "diff";
import { tarball } from "../helpers/tarball.js";

/**
 * A repository's history for the fake GitHub, kept as whole trees: what the campaign reads (trees, blobs, refs, the
 * tarball, the config) and writes (blobs, trees, commits, refs, pull requests), answered as GitHub's REST and GraphQL
 * APIs do, so that a batch's pull request can be read back file by file.
 */
export type FakeTree = Record<string, { text: string; mode: string }>;

export interface FakeGit {
  defaultBranch: string;
  commits: Record<string, { tree: string; parents: string[]; message: string }>;
  trees: Record<string, FakeTree>;
  blobs: Record<string, string>;
  refs: Record<string, string>;
  pulls: Array<{ number: number; state: "open" | "closed"; merged_at: string | null; head: string; base: string; title: string; body: string; created_at: string }>;
  /** Permission by login (GET …/collaborators/{login}/permission); "read" when absent. */
  permissions: Record<string, string>;
  /** Requests to fail: the first request whose "METHOD path" matches answers `status`, `times` times. */
  faults: Array<{ route: RegExp; status: number; times: number; message?: string }>;
}

const hash = (kind: string, text: string) => createHash("sha1").update(`${kind}\0${text}`).digest("hex");

export function newGit(files: Record<string, string>, defaultBranch = "main"): FakeGit {
  const git: FakeGit = { defaultBranch, commits: {}, trees: {}, blobs: {}, refs: {}, pulls: [], permissions: {}, faults: [] };
  git.refs[defaultBranch] = commitTree(git, Object.fromEntries(Object.entries(files).map(([p, text]) => [p, { text, mode: "100644" }])), [], "initial");
  return git;
}

export function commitTree(git: FakeGit, tree: FakeTree, parents: string[], message: string): string {
  const treeSha = hash("tree", JSON.stringify(Object.entries(tree).sort()));
  git.trees[treeSha] = tree;
  const sha = hash("commit", `${treeSha} ${parents.join(",")} ${message}`);
  git.commits[sha] = { tree: treeSha, parents, message };
  return sha;
}

export const treeAt = (git: FakeGit, sha: string): FakeTree | undefined => (git.commits[sha] ? git.trees[git.commits[sha].tree] : undefined);

/** Merges a pull request as the merge button does (a merge commit on the base), and returns the new head. */
export function mergePull(git: FakeGit, number: number): string {
  const pull = git.pulls.find((p) => p.number === number)!;
  const base = git.refs[pull.base];
  const head = git.refs[pull.head];
  const merged = { ...treeAt(git, base)!, ...changedFiles(git, forkPoint(git, pull), head) };
  git.refs[pull.base] = commitTree(git, merged, [base, head], `Merge pull request #${number}`);
  Object.assign(pull, { state: "closed", merged_at: new Date().toISOString() });
  return git.refs[pull.base];
}

/** As GitHub decides it, roughly: false when a file the pull request changes has changed on its base since it forked. */
function mergeable(git: FakeGit, pull: FakeGit["pulls"][number]): boolean {
  const head = git.refs[pull.head];
  const fork = forkPoint(git, pull);
  const moved = changedFiles(git, fork, git.refs[pull.base]);
  return !Object.keys(changedFiles(git, fork, head)).some((path) => path in moved);
}

/** The newest commit of the pull request's first-parent line that its base also holds. */
function forkPoint(git: FakeGit, pull: FakeGit["pulls"][number]): string {
  let fork = git.commits[git.refs[pull.head]].parents[0];
  while (git.commits[fork] && !isAncestor(git, fork, git.refs[pull.base])) fork = git.commits[fork].parents[0];
  return fork;
}

function isAncestor(git: FakeGit, ancestor: string, of: string): boolean {
  const seen = new Set<string>();
  const queue = [of];
  while (queue.length) {
    const sha = queue.pop()!;
    if (sha === ancestor) return true;
    if (seen.has(sha) || !git.commits[sha]) continue;
    seen.add(sha);
    queue.push(...git.commits[sha].parents);
  }
  return false;
}

function changedFiles(git: FakeGit, from: string, to: string): FakeTree {
  const [a, b] = [treeAt(git, from)!, treeAt(git, to)!];
  return Object.fromEntries(Object.entries(b).filter(([path, f]) => a[path]?.text !== f.text));
}

/** A pull request's files as GitHub lists them: status, counts and a unified patch (hunks only) per file. */
export function pullFiles(git: FakeGit, number: number) {
  const pull = git.pulls.find((p) => p.number === number)!;
  const head = git.refs[pull.head];
  const base = git.commits[head].parents[0];
  const before = treeAt(git, base)!;
  return Object.entries(changedFiles(git, base, head)).map(([path, file]) => {
    const patch = createPatch(path, before[path]?.text ?? "", file.text).split("\n").slice(4).join("\n").replace(/\n$/, "");
    const lines = patch.split("\n");
    return { filename: path, status: before[path] ? "modified" : "added", additions: lines.filter((l) => l.startsWith("+")).length, deletions: lines.filter((l) => l.startsWith("-")).length, patch };
  });
}

type Send = (status: number, data: unknown, headers?: Record<string, string>) => void;

/** Answers a request from the repository's history; false when the route is not one of these. */
export async function gitRoute(git: FakeGit, method: string, path: string, url: URL, body: any, send: Send, raw: (status: number, type: string, data: string | Buffer) => void, host: string): Promise<boolean> {
  const repo = "/api/v3/repos/[^/]+/[^/]+";
  const route = `${method} ${path.replace(/%2F/gi, "/")}`; // Octokit encodes the slashes of `heads/branch`
  const fault = git.faults.find((f) => f.times > 0 && f.route.test(route));
  if (fault) {
    fault.times--;
    return send(fault.status, { message: fault.message ?? "Server Error (injected by the test)" }), true;
  }
  let m: RegExpMatchArray | null;
  if ((m = route.match(new RegExp(`^GET ${repo}/git/ref/heads/(.+)$`)))) {
    const sha = git.refs[decodeURIComponent(m[1])];
    return sha ? (send(200, { ref: `refs/heads/${m[1]}`, object: { sha, type: "commit" } }), true) : (send(404, { message: "Not Found" }), true);
  }
  if ((m = route.match(new RegExp(`^GET ${repo}/git/commits/([0-9a-f]{40})$`)))) {
    const commit = git.commits[m[1]];
    return commit ? (send(200, { sha: m[1], tree: { sha: commit.tree }, parents: commit.parents.map((sha) => ({ sha })), message: commit.message }), true) : (send(404, { message: "Not Found" }), true);
  }
  if (route.match(new RegExp(`^POST ${repo}/git/blobs$`))) {
    const sha = hash("blob", body.content);
    git.blobs[sha] = body.content;
    return send(201, { sha }), true;
  }
  if (route.match(new RegExp(`^POST ${repo}/git/trees$`))) {
    const base = body.base_tree ? git.trees[body.base_tree] : {};
    if (!base) return send(422, { message: "base_tree not found" }), true;
    const tree: FakeTree = { ...base };
    for (const entry of body.tree) {
      if (git.blobs[entry.sha] === undefined) return send(422, { message: `blob ${entry.sha} not found` }), true;
      tree[entry.path] = { text: git.blobs[entry.sha], mode: entry.mode };
    }
    const sha = hash("tree", JSON.stringify(Object.entries(tree).sort()));
    git.trees[sha] = tree;
    return send(201, { sha }), true;
  }
  if (route.match(new RegExp(`^POST ${repo}/git/commits$`))) {
    const sha = hash("commit", `${body.tree} ${body.parents.join(",")} ${body.message}`);
    git.commits[sha] = { tree: body.tree, parents: body.parents, message: body.message };
    return send(201, { sha }), true;
  }
  if (route.match(new RegExp(`^POST ${repo}/git/refs$`))) {
    const name = String(body.ref).replace(/^refs\/heads\//, "");
    if (git.refs[name]) return send(422, { message: "Reference already exists" }), true;
    git.refs[name] = body.sha;
    return send(201, { ref: body.ref, object: { sha: body.sha } }), true;
  }
  if ((m = route.match(new RegExp(`^PATCH ${repo}/git/refs/heads/(.+)$`)))) {
    git.refs[decodeURIComponent(m[1])] = body.sha;
    return send(200, { object: { sha: body.sha } }), true;
  }
  const pullJson = (p: FakeGit["pulls"][number]) => ({ number: p.number, state: p.state, mergeable: p.state === "open" ? mergeable(git, p) : null, merged_at: p.merged_at, title: p.title, body: p.body, created_at: p.created_at, html_url: `http://${host}/o/r/pull/${p.number}`, head: { ref: p.head, sha: git.refs[p.head], repo: { full_name: "Codertocat/Hello-World" } }, base: { ref: p.base } });
  if (route.match(new RegExp(`^GET ${repo}/pulls$`))) {
    const state = url.searchParams.get("state") ?? "open";
    return send(200, git.pulls.filter((p) => state === "all" || p.state === state).map(pullJson)), true;
  }
  if ((m = route.match(new RegExp(`^GET ${repo}/pulls/(\\d+)$`)))) {
    const pull = git.pulls.find((p) => p.number === Number(m![1]));
    return pull ? send(200, pullJson(pull)) : send(404, { message: "Not Found" }), true;
  }
  if ((m = route.match(new RegExp(`^GET ${repo}/pulls/(\\d+)/files$`)))) return send(200, pullFiles(git, Number(m[1]))), true;
  if (route.match(new RegExp(`^POST ${repo}/pulls$`))) {
    if (!git.refs[body.head]) return send(422, { message: "head not found" }), true;
    if (git.pulls.some((p) => p.state === "open" && p.head === body.head)) return send(422, { message: `A pull request already exists for ${body.head}.` }), true;
    const pull = { number: 200 + git.pulls.length, state: "open" as const, merged_at: null, head: body.head, base: body.base, title: body.title, body: body.body, created_at: new Date().toISOString() };
    git.pulls.push(pull);
    return send(201, pullJson(pull)), true;
  }
  if ((m = route.match(new RegExp(`^GET ${repo}/collaborators/([^/]+)/permission$`)))) {
    const permission = git.permissions[decodeURIComponent(m[1])] ?? "read";
    return send(200, { permission, role_name: permission }), true;
  }
  if ((m = route.match(new RegExp(`^GET ${repo}/contents/(.+)$`)))) {
    const file = treeAt(git, git.refs[git.defaultBranch])?.[decodeURIComponent(m[1])];
    return file ? raw(200, "text/plain; charset=utf-8", file.text) : send(404, { message: "Not Found" }), true;
  }
  if ((m = route.match(new RegExp(`^GET ${repo}/tarball/([0-9a-f]{40})$`)))) return send(302, undefined, { location: `http://${host}/codeload-git/${m[1]}.tar.gz` }), true;
  if ((m = route.match(/^GET \/codeload-git\/([0-9a-f]{40})\.tar\.gz$/))) {
    const tree = treeAt(git, m[1]);
    return tree ? raw(200, "application/x-gzip", await tarball(Object.fromEntries(Object.entries(tree).map(([p, f]) => [p, f.text])))) : send(404, { message: "Not Found" }), true;
  }
  if (route === "POST /api/graphql" && String(body?.query).includes("createCommitOnBranch")) {
    // GitHub's own commit on a branch: refused unless the branch's head is the one expected.
    const input = body.variables.input;
    const head = git.refs[input.branch.branchName];
    if (!head || head !== input.expectedHeadOid) return send(200, { data: null, errors: [{ message: `Expected branch to point to "${input.expectedHeadOid}" but it did not.` }] }), true;
    const tree: FakeTree = { ...treeAt(git, head)! };
    for (const { path, contents } of input.fileChanges.additions ?? []) tree[path] = { text: Buffer.from(contents, "base64").toString("utf8"), mode: tree[path]?.mode ?? "100644" };
    const oid = commitTree(git, tree, [head], [input.message.headline, input.message.body].filter(Boolean).join("\n\n"));
    git.refs[input.branch.branchName] = oid;
    return send(200, { data: { createCommitOnBranch: { commit: { oid } } } }), true;
  }
  if (route === "POST /api/graphql" && String(body?.query).includes("isTruncated")) {
    // The campaign's read: f<i> blobs at `sha:path`, t<i> trees at `sha:folder`.
    const repository: Record<string, unknown> = {};
    for (const [name, value] of Object.entries(body.variables ?? {})) {
      const at = /^(e|d)(\d+)$/.exec(name);
      if (!at || typeof value !== "string") continue;
      const [sha, ...rest] = value.split(":");
      const where = rest.join(":");
      const tree = treeAt(git, sha) ?? {};
      if (at[1] === "e") repository[`f${at[2]}`] = tree[where] ? { text: tree[where].text, isTruncated: false, isBinary: false } : null;
      else {
        const inFolder = Object.entries(tree).map(([p, f]) => [where ? (p.startsWith(`${where}/`) ? p.slice(where.length + 1) : "") : p, f] as const).filter(([rest]) => rest && !rest.includes("/"));
        repository[`t${at[2]}`] = { entries: inFolder.map(([name, f]) => ({ name, mode: parseInt(f.mode, 8) })) };
      }
    }
    return send(200, { data: { repository } }), true;
  }
  return false;
}
