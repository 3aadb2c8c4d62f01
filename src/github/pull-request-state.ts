import type { GitHub, RepoRef } from "./client.js";

/** What one GraphQL round trip tells about a pull request before the app writes anything. */
export interface PullRequestState {
  headSha: string;
  labels: string[];
  /** Which of the asked-for label names exist in the repository. */
  repositoryLabels: string[];
  /** Python dependency manifests at the base and head commits (undefined where the file does not exist). */
  manifests: Array<{ path: string; before?: string; after?: string; unchanged?: boolean }>;
  /** Our check run on the head commit, if one exists: updated (or left alone when unchanged), never duplicated. */
  existingCheckRun?: ExistingCheckRun;
  /** Our check run on the commit before a push, whose record carries over. */
  previousCheckRun?: ExistingCheckRun;
  /** .gitattributes files at the base commit, among the candidate paths. */
  gitattributes: Array<{ path: string; text: string }>;
  /** Whole head and base versions of the asked-for changed files (missing and binary files left out). */
  headTexts: Map<string, string>;
  baseTexts: Map<string, string>;
  /** Sizes in bytes of the asked-for files at the head (see `sizePaths`). */
  headSizes: Map<string, number>;
}

export interface PullRequestStateQuery extends RepoRef {
  /** Undefined for a pushed commit: then no pull request, labels or previous run are read. */
  pullNumber?: number;
  baseSha: string;
  headSha: string;
  /** Paths of .gitattributes files that may exist at the base commit. */
  gitattributesPaths: string[];
  /** Dependency manifests the pull request changes: read whole at the base and the head. */
  manifestPaths?: string[];
  /** Root manifests it does not change, read at the base: what they declared makes a package not new. */
  unchangedManifestPaths?: string[];
  /** Changed files to read whole at the head (generators' markers, the python3 pack's added lines in context). */
  headPaths?: string[];
  /** Changed files to read whole at the base, by their base path (removed lines in context). */
  basePaths?: string[];
  /** Changed files whose size at the head is wanted, not their text (added files whose patch GitHub left out). */
  sizePaths?: string[];
  /** Label names the app manages: which exist in the repository. */
  labelNames: string[];
  /** The head before a push (pull_request.synchronize's `before`). */
  previousSha?: string;
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
  text?: string | null;
  /** What the run measured: a pull request's number, or "push" for a pushed commit. */
  externalId?: string | null;
}

interface Blob {
  text?: string | null;
}
interface StateResponse {
  repository: {
    pullRequest?: { headRefOid: string; labels: { nodes: Array<{ name: string }> } } | null;
    head: CommitChecks | null;
    previous?: CommitChecks | null;
    [alias: string]: unknown;
  };
}

interface CommitChecks {
  checkSuites?: {
    nodes: Array<{
      app: { databaseId: number } | null;
      checkRuns: { nodes: Array<{ databaseId: number; status?: string; conclusion?: string | null; title?: string | null; summary?: string | null; text?: string | null; externalId?: string | null }> };
    }>;
  };
}

function blobFields(paths: string[], sha: string, prefix = "", field: "text" | "byteSize" = "text"): { fields: string; variables: Record<string, string> } {
  const variables: Record<string, string> = {};
  const fields = paths
    .map((path, i) => {
      variables[`${prefix}e${i}`] = `${sha}:${path}`;
      return `${prefix}f${i}: object(expression: $${prefix}e${i}) { ... on Blob { ${field} } }`;
    })
    .join("\n");
  return { fields, variables };
}

function labelFields(names: string[]): { fields: string; variables: Record<string, string> } {
  const variables: Record<string, string> = {};
  const fields = names.map((name, i) => {
    variables[`l${i}`] = name;
    return `l${i}: label(name: $l${i}) { name }`;
  });
  return { fields: fields.join("\n"), variables };
}

/** A blob's text by its alias; undefined where the file does not exist (or is binary). */
function blobText(repository: Record<string, unknown>, alias: string): string | undefined {
  const blob = repository[alias] as Blob | null | undefined;
  return blob && typeof blob.text === "string" ? blob.text : undefined;
}

function textsByPath(repository: Record<string, unknown>, paths: string[], prefix: string): Map<string, string> {
  return new Map(paths.flatMap((path, i) => {
    const text = blobText(repository, `${prefix}f${i}`);
    return text === undefined ? [] : [[path, text] as const];
  }));
}

function readBlobs(repository: Record<string, unknown>, paths: string[]): Array<{ path: string; text: string }> {
  return paths.flatMap((path, i) => {
    const text = blobText(repository, `f${i}`);
    return text === undefined ? [] : [{ path, text }];
  });
}

const declare = (variables: Record<string, string>) => Object.keys(variables).map((name) => `, $${name}: String!`).join("");

/**
 * Reads in one GraphQL query (a second only past 100 candidate folders): the pull request's current head and labels,
 * which of the app's labels exist, our check runs on the head commit and on the commit before a push (their records),
 * the base commit's .gitattributes files, the changed dependency manifests at the base and the head, and the head
 * versions of the changed files asked for.
 */
export async function readPullRequestState(github: GitHub, q: PullRequestStateQuery): Promise<PullRequestState> {
  const [first, ...rest] = chunk(q.gitattributesPaths, BLOBS_PER_QUERY);
  const blobs = blobFields(first ?? [], q.baseSha);
  const manifestPaths = q.manifestPaths ?? [];
  const before = blobFields(manifestPaths, q.baseSha, "mb");
  const after = blobFields(manifestPaths, q.headSha, "mh");
  const unchangedPaths = q.unchangedManifestPaths ?? [];
  const unchanged = blobFields(unchangedPaths, q.baseSha, "mu");
  const headPaths = q.headPaths ?? [];
  const heads = blobFields(headPaths, q.headSha, "h");
  const basePaths = q.basePaths ?? [];
  const bases = blobFields(basePaths, q.baseSha, "b");
  const sizePaths = (q.sizePaths ?? []).slice(0, BLOBS_PER_QUERY);
  const sizes = blobFields(sizePaths, q.headSha, "z", "byteSize");
  const labels = labelFields(q.labelNames);
  const variables = { ...blobs.variables, ...before.variables, ...after.variables, ...unchanged.variables, ...heads.variables, ...bases.variables, ...sizes.variables, ...labels.variables };
  const checks = "... on Commit { checkSuites(first: 20, filterBy: { appId: $appId }) { nodes { app { databaseId } checkRuns(first: 1, filterBy: { checkName: $checkName }) { nodes { databaseId status conclusion title summary text externalId } } } } }";
  const previous = q.previousSha ? `previous: object(oid: $previous) { ${checks} }` : "";
  const pull = q.pullNumber !== undefined;
  const query = `query($owner: String!, $repo: String!${pull ? ", $number: Int!" : ""}, $head: GitObjectID!, $checkName: String!, $appId: Int${q.previousSha ? ", $previous: GitObjectID!" : ""}${declare(variables)}) {
  repository(owner: $owner, name: $repo) {
    ${pull ? "pullRequest(number: $number) { headRefOid labels(first: 100) { nodes { name } } }" : ""}
    head: object(oid: $head) { ${checks} }
    ${previous}
    ${[blobs.fields, before.fields, after.fields, unchanged.fields, heads.fields, bases.fields, sizes.fields, labels.fields].filter(Boolean).join("\n    ")}
  }
}`;
  const response = await github.graphql<StateResponse>(query, {
    owner: q.owner,
    repo: q.repo,
    ...(pull ? { number: q.pullNumber } : {}),
    head: q.headSha,
    checkName: q.checkName,
    appId: q.appId ?? null,
    ...(q.previousSha ? { previous: q.previousSha } : {}),
    ...variables,
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
  const ourRun = (commit: CommitChecks | null | undefined): ExistingCheckRun | undefined =>
    (commit?.checkSuites?.nodes ?? [])
      .filter((s) => q.appId === undefined || s.app?.databaseId === q.appId)
      .flatMap((s) => s.checkRuns.nodes)
      .map(({ databaseId, ...rest }) => ({ id: databaseId, ...rest }))[0];
  return {
    headSha: repository.pullRequest?.headRefOid ?? q.headSha,
    labels: repository.pullRequest?.labels.nodes.map((l) => l.name) ?? [],
    repositoryLabels: q.labelNames.filter((_, i) => (repository[`l${i}`] as { name?: string } | null)?.name !== undefined),
    manifests: [
      ...manifestPaths.map((path, i) => ({ path, before: blobText(repository, `mbf${i}`), after: blobText(repository, `mhf${i}`) })),
      ...unchangedPaths.flatMap((path, i) => {
        const before = blobText(repository, `muf${i}`);
        return before === undefined ? [] : [{ path, before, unchanged: true }];
      }),
    ],
    existingCheckRun: ourRun(repository.head),
    previousCheckRun: ourRun(repository.previous),
    gitattributes,
    headTexts: textsByPath(repository, headPaths, "h"),
    baseTexts: textsByPath(repository, basePaths, "b"),
    headSizes: new Map(sizePaths.flatMap((path, i) => {
      const size = (repository[`zf${i}`] as { byteSize?: unknown } | null | undefined)?.byteSize;
      return typeof size === "number" ? [[path, size] as const] : [];
    })),
  };
}

function chunk<T>(items: T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}
