import type { GitHub, RepoRef } from "./client.js";

/** What one GraphQL round trip tells about a pull request before the app writes anything. */
export interface PullRequestState {
  headSha: string;
  labels: string[];
  /** Labels of the repository whose names start with the size-label prefix. */
  repositoryLabels: string[];
  /** Our check run on the head commit, if one exists: updated (or left alone when unchanged), never duplicated. */
  existingCheckRun?: ExistingCheckRun;
  /** .gitattributes files at the base commit, among the candidate paths. */
  gitattributes: Array<{ path: string; text: string }>;
}

export interface PullRequestStateQuery extends RepoRef {
  pullNumber: number;
  baseSha: string;
  headSha: string;
  /** Paths of .gitattributes files that may exist at the base commit. */
  gitattributesPaths: string[];
  labelPrefix: string;
  checkName: string;
  appId?: number;
}

const BLOBS_PER_QUERY = 100;

export interface ExistingCheckRun {
  id: number;
  status?: string;
  conclusion?: string | null;
  title?: string | null;
  summary?: string | null;
}

interface Blob {
  text?: string | null;
}
interface StateResponse {
  repository: {
    pullRequest: { headRefOid: string; labels: { nodes: Array<{ name: string }> } } | null;
    labels: { nodes: Array<{ name: string }> } | null;
    head: { checkSuites?: { nodes: Array<{ app: { databaseId: number } | null; checkRuns: { nodes: Array<{ databaseId: number; status?: string; conclusion?: string | null; title?: string | null; summary?: string | null }> } }> } } | null;
    [alias: string]: unknown;
  };
}

function blobFields(paths: string[], baseSha: string): { fields: string; variables: Record<string, string> } {
  const variables: Record<string, string> = {};
  const fields = paths
    .map((path, i) => {
      variables[`e${i}`] = `${baseSha}:${path}`;
      return `f${i}: object(expression: $e${i}) { ... on Blob { text } }`;
    })
    .join("\n");
  return { fields, variables };
}

function readBlobs(repository: Record<string, unknown>, paths: string[]): Array<{ path: string; text: string }> {
  const found: Array<{ path: string; text: string }> = [];
  paths.forEach((path, i) => {
    const blob = repository[`f${i}`] as Blob | null | undefined;
    if (blob && typeof blob.text === "string") found.push({ path, text: blob.text });
  });
  return found;
}

const declare = (variables: Record<string, string>) => Object.keys(variables).map((name) => `, $${name}: String!`).join("");

/**
 * Reads, in one GraphQL query for up to 100 candidate folders: the pull request's current head and labels,
 * the repository's size labels, our existing check run on the head commit and the base commit's .gitattributes files.
 */
export async function readPullRequestState(github: GitHub, q: PullRequestStateQuery): Promise<PullRequestState> {
  const [first, ...rest] = chunk(q.gitattributesPaths, BLOBS_PER_QUERY);
  const blobs = blobFields(first ?? [], q.baseSha);
  const query = `query($owner: String!, $repo: String!, $number: Int!, $head: GitObjectID!, $labelPrefix: String!, $checkName: String!, $appId: Int${declare(blobs.variables)}) {
  repository(owner: $owner, name: $repo) {
    pullRequest(number: $number) { headRefOid labels(first: 100) { nodes { name } } }
    labels(first: 100, query: $labelPrefix) { nodes { name } }
    head: object(oid: $head) { ... on Commit { checkSuites(first: 20, filterBy: { appId: $appId }) { nodes { app { databaseId } checkRuns(first: 1, filterBy: { checkName: $checkName }) { nodes { databaseId status conclusion title summary } } } } } }
    ${blobs.fields}
  }
}`;
  const response = await github.graphql<StateResponse>(query, {
    owner: q.owner,
    repo: q.repo,
    number: q.pullNumber,
    head: q.headSha,
    labelPrefix: q.labelPrefix,
    checkName: q.checkName,
    appId: q.appId ?? null,
    ...blobs.variables,
  });
  const repository = response.repository;
  const gitattributes = readBlobs(repository, first ?? []);
  for (const paths of rest) {
    const more = blobFields(paths, q.baseSha);
    const extra = await github.graphql<{ repository: Record<string, unknown> }>(
      `query($owner: String!, $repo: String!${declare(more.variables)}) { repository(owner: $owner, name: $repo) { ${more.fields} } }`,
      { owner: q.owner, repo: q.repo, ...more.variables },
    );
    gitattributes.push(...readBlobs(extra.repository, paths));
  }
  const suites = repository.head?.checkSuites?.nodes ?? [];
  const ours = suites.filter((s) => q.appId === undefined || s.app?.databaseId === q.appId);
  return {
    headSha: repository.pullRequest?.headRefOid ?? q.headSha,
    labels: repository.pullRequest?.labels.nodes.map((l) => l.name) ?? [],
    repositoryLabels: (repository.labels?.nodes ?? []).map((l) => l.name).filter((name) => name.startsWith(q.labelPrefix)),
    existingCheckRun: ours.flatMap((s) => s.checkRuns.nodes).map(({ databaseId, ...rest }) => ({ id: databaseId, ...rest }))[0],
    gitattributes,
  };
}

function chunk<T>(items: T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}
