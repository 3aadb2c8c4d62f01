import type { GitHub, RepoRef } from "./client.js";
import { hasStatus } from "./errors.js";

/** A file as a commit writes it: its text and git mode ("100644", or "100755" for an executable). */
export interface FileAt {
  text: string;
  mode: string;
}

/** Files of one folder tree at most per query: GitHub's GraphQL limits a query's nodes, not its aliases. */
const FILES_PER_QUERY = 50;

const parentOf = (path: string) => (path.includes("/") ? path.slice(0, path.lastIndexOf("/")) : "");

/**
 * The texts and modes of some files at a commit, by GraphQL (one query per 50 files): a file that is absent,
 * binary or too large for GitHub to give as text is left out, and the caller says so.
 */
export async function readFilesAt(github: GitHub, ref: RepoRef, sha: string, paths: readonly string[]): Promise<Map<string, FileAt>> {
  const out = new Map<string, FileAt>();
  for (let start = 0; start < paths.length; start += FILES_PER_QUERY) {
    const chunk = paths.slice(start, start + FILES_PER_QUERY);
    const folders = [...new Set(chunk.map(parentOf))];
    const variables: Record<string, string> = { owner: ref.owner, repo: ref.repo };
    const fields = [
      ...chunk.map((path, i) => ((variables[`e${i}`] = `${sha}:${path}`), `f${i}: object(expression: $e${i}) { ... on Blob { text isTruncated isBinary } }`)),
      ...folders.map((folder, i) => ((variables[`d${i}`] = `${sha}:${folder}`), `t${i}: object(expression: $d${i}) { ... on Tree { entries { name mode } } }`)),
    ];
    const declared = Object.keys(variables).filter((k) => k !== "owner" && k !== "repo").map((k) => `, $${k}: String!`).join("");
    const data = await github.graphql<{ repository: Record<string, any> }>(`query($owner: String!, $repo: String!${declared}) { repository(owner: $owner, name: $repo) { ${fields.join("\n")} } }`, variables);
    const repository = data.repository ?? {};
    const modes = new Map<string, number>();
    folders.forEach((folder, i) => {
      for (const entry of repository[`t${i}`]?.entries ?? []) modes.set(folder ? `${folder}/${entry.name}` : entry.name, entry.mode);
    });
    chunk.forEach((path, i) => {
      const blob = repository[`f${i}`];
      if (!blob || typeof blob.text !== "string" || blob.isTruncated || blob.isBinary) return;
      out.set(path, { text: blob.text, mode: modes.get(path) === 0o100755 ? "100755" : "100644" });
    });
  }
  return out;
}

/** A branch's head commit, or undefined when there is no such branch. */
export async function branchHead(github: GitHub, ref: RepoRef, branch: string): Promise<string | undefined> {
  try {
    const { data } = await github.rest.git.getRef({ ...ref, ref: `heads/${branch}` });
    return data.object.sha;
  } catch (error) {
    if (hasStatus(error, 404)) return undefined;
    throw error;
  }
}

/**
 * One commit on top of `parent` that writes `files` (a blob each, then one tree on the parent's, then the commit),
 * without moving any branch: the caller points its own branch at it.
 */
export async function writeCommit(github: GitHub, ref: RepoRef, commit: { parent: string; files: ReadonlyMap<string, FileAt>; message: string }): Promise<string> {
  const { data: parent } = await github.rest.git.getCommit({ ...ref, commit_sha: commit.parent });
  const tree = [];
  for (const [path, file] of commit.files) {
    const { data: blob } = await github.rest.git.createBlob({ ...ref, content: file.text, encoding: "utf-8" });
    tree.push({ path, mode: file.mode as "100644" | "100755", type: "blob" as const, sha: blob.sha });
  }
  const { data: written } = await github.rest.git.createTree({ ...ref, base_tree: parent.tree.sha, tree });
  const { data: made } = await github.rest.git.createCommit({ ...ref, message: commit.message, tree: written.sha, parents: [commit.parent] });
  return made.sha;
}

/** Creates the branch at `sha`, or moves it there (forced) when it exists: only ever called for the app's own branches. */
export async function pointBranch(github: GitHub, ref: RepoRef, branch: string, sha: string): Promise<"created" | "moved"> {
  try {
    await github.rest.git.createRef({ ...ref, ref: `refs/heads/${branch}`, sha });
    return "created";
  } catch (error) {
    if (!hasStatus(error, 422)) throw error; // 422: it exists (a batch made before and merged or closed)
    await github.rest.git.updateRef({ ...ref, ref: `heads/${branch}`, sha, force: true });
    return "moved";
  }
}

export interface OpenPull {
  number: number;
  url: string;
  branch: string;
  createdAt: string;
}

/** The repository's open pull requests from its own branches under `prefix` (the campaign's). */
export async function openPullsUnder(github: GitHub, ref: RepoRef, prefix: string): Promise<OpenPull[]> {
  const pulls = await github.paginate(github.rest.pulls.list, { ...ref, state: "open", per_page: 100 });
  return pulls
    .filter((p) => p.head.ref.startsWith(prefix) && p.head.repo?.full_name === `${ref.owner}/${ref.repo}`)
    .map((p) => ({ number: p.number, url: p.html_url, branch: p.head.ref, createdAt: p.created_at }));
}

export async function openPullRequest(github: GitHub, ref: RepoRef, pull: { head: string; base: string; title: string; body: string }): Promise<{ number: number; url: string }> {
  const { data } = await github.rest.pulls.create({ ...ref, ...pull });
  return { number: data.number, url: data.html_url };
}

/**
 * The same commit made by GitHub itself (GraphQL `createCommitOnBranch`), so that it is signed and shows as verified
 * where branch protection asks for signed commits: the branch is first pointed at `parent` (our own branch), then the
 * files are committed on it, GitHub checking that its head is still `parent`. File modes stay as they were.
 */
export async function writeVerifiedCommit(github: GitHub, ref: RepoRef, commit: { branch: string; parent: string; files: ReadonlyMap<string, FileAt>; message: string }): Promise<string> {
  await pointBranch(github, ref, commit.branch, commit.parent);
  const [headline, ...rest] = commit.message.split("\n");
  const data = await github.graphql<{ createCommitOnBranch: { commit: { oid: string } } }>(
    `mutation($input: CreateCommitOnBranchInput!) { createCommitOnBranch(input: $input) { commit { oid } } }`,
    {
      input: {
        branch: { repositoryNameWithOwner: `${ref.owner}/${ref.repo}`, branchName: commit.branch },
        expectedHeadOid: commit.parent,
        message: { headline, body: rest.join("\n").trim() },
        fileChanges: { additions: [...commit.files].map(([path, file]) => ({ path, contents: Buffer.from(file.text, "utf8").toString("base64") })) },
      },
    },
  );
  return data.createCommitOnBranch.commit.oid;
}
