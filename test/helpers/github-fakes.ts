import { clearConfigCache } from "../../src/github/config-cache.js";
import { API, api } from "./probot.js";

export interface FakeFile {
  filename: string;
  status?: string;
  additions: number;
  deletions: number;
  patch?: string;
  previous_filename?: string;
}

export function files(count: number, make: (i: number) => Partial<FakeFile> = () => ({})): FakeFile[] {
  return Array.from({ length: count }, (_, i) => ({ filename: `src/file${i}.py`, status: "modified", additions: 1, deletions: 0, patch: "@@ -1 +1,2 @@\n a\n+b", ...make(i) }));
}

/** Serves the pull request's file list, 100 a page, as GitHub does, and counts the pages asked for. */
export function mockFileList(owner: string, repo: string, number: number, list: FakeFile[], options: { failPage?: number; status?: number } = {}): { pages: number[] } {
  const asked = { pages: [] as number[] };
  api()
    .get(`/repos/${owner}/${repo}/pulls/${number}/files`)
    .query(true)
    .times(30)
    .optionally()
    .reply(function (uri) {
      const page = Number(new URL(uri, API).searchParams.get("page") ?? 1);
      asked.pages.push(page);
      if (page === options.failPage) return [options.status ?? 502, { message: "Server Error" }, { "x-github-request-id": "ABCD:1234" }];
      return [200, list.slice((page - 1) * 100, page * 100)];
    });
  return asked;
}

/** A config read the app will make now: what the app cached of the policy is forgotten (config-cache.ts). */
export function mockConfig(owner: string, repo: string, yaml: string | null, options: { org?: string | null; etag?: string } = {}): void {
  clearConfigCache();
  const scope = api().get(`/repos/${owner}/${repo}/contents/.github%2Fsmall-steps.yml`);
  if (yaml === null) {
    scope.reply(404, { message: "Not Found" });
    const org = api().get(`/repos/${owner}/.github/contents/.github%2Fsmall-steps.yml`);
    if (options.org) org.reply(200, options.org, { "content-type": "text/plain; charset=utf-8" });
    else org.reply(404, { message: "Not Found" });
  } else {
    scope.reply(200, yaml, { "content-type": "text/plain; charset=utf-8", ...(options.etag ? { etag: options.etag } : {}) });
  }
}

export interface FakeState {
  headSha: string;
  /** Called as the query is answered: what another instance does at that moment. */
  onRead?: () => void;
  labels?: string[];
  repositoryLabels?: string[];
  checkRunId?: number;
  /** What the existing check run shows (GraphQL's upper-case enums), for compare-then-write. */
  checkRun?: { status: string; conclusion: string; title: string; summary: string; text?: string; externalId?: string };
  /** .gitattributes files at the base commit, by path. */
  gitattributes?: Record<string, string>;
  /** Files at the base and head commits (dependency manifests), by path. */
  base?: Record<string, string>;
  head?: Record<string, string>;
  /** Sizes in bytes of files at the head, by path (the query's byteSize). */
  sizes?: Record<string, number>;
}

/** Answers the GraphQL state query from the variables it was sent, as GitHub would. */
export function mockState(state: FakeState, captured: Array<{ query: string; variables: Record<string, any> }> = []): typeof captured {
  api()
    .post("/graphql")
    .times(40)
    .optionally()
    .reply(200, (_uri, body) => {
      const { query, variables } = body as { query: string; variables: Record<string, any> };
      captured.push({ query, variables });
      state.onRead?.();
      const repository: Record<string, unknown> = {};
      for (const [name, value] of Object.entries(variables)) {
        const whole = /^p(\d+)$/.exec(name);
        if (whole) {
          const path = String(value).split(":").slice(1).join(":");
          repository[`f${whole[1]}`] = state.head?.[path] !== undefined ? { text: state.head[path] } : null;
        }
        const blob = /^(mb|mh|h|b)?e(\d+)$/.exec(name);
        if (blob) {
          const path = String(value).split(":").slice(1).join(":");
          const files = blob[1] === "mb" || blob[1] === "b" ? state.base : blob[1] === "mh" || blob[1] === "h" ? state.head : state.gitattributes;
          repository[`${blob[1] ?? ""}f${blob[2]}`] = files?.[path] !== undefined ? { text: files[path] } : null;
        }
        const size = /^ze(\d+)$/.exec(name);
        if (size) {
          const path = String(value).split(":").slice(1).join(":");
          repository[`zf${size[1]}`] = state.sizes?.[path] !== undefined ? { byteSize: state.sizes[path] } : null;
        }
        if (/^l\d+$/.test(name)) repository[name] = (state.repositoryLabels ?? []).includes(String(value)) ? { name: value } : null;
      }
      if (query.includes("pullRequest(")) {
        repository.pullRequest = { headRefOid: state.headSha, labels: { nodes: (state.labels ?? []).map((name) => ({ name })) } };
      }
      // A pushed commit's query has no pull request; both ask for our check run on the commit measured.
      if (query.includes("pullRequest(") || state.checkRunId) {
        repository.head = {
          checkSuites: { nodes: state.checkRunId ? [{ app: { databaseId: 123 }, checkRuns: { nodes: [{ databaseId: state.checkRunId, ...state.checkRun }] } }] : [] },
        };
      }
      return { data: { repository } };
    });
  return captured;
}
