/** What a user needs to know about a failed GitHub call: what failed, the HTTP status and GitHub's request id. */
export interface RequestFailure {
  action: string;
  status?: number;
  requestId?: string;
  message: string;
}

interface ErrorWithResponse {
  status?: unknown;
  message?: unknown;
  response?: { headers?: Record<string, unknown> };
  /** A GraphQL answer's `errors` (@octokit/graphql's GraphqlResponseError). */
  errors?: Array<{ message?: unknown }>;
}

export function describeFailure(action: string, error: unknown): RequestFailure {
  const e = (error ?? {}) as ErrorWithResponse;
  // Octokit gives a request that never got an answer (a timeout, a refused connection) the status 500: GitHub said nothing.
  const status = typeof e.status === "number" && (e.response || e.status !== 500) ? e.status : undefined;
  const requestId = e.response?.headers?.["x-github-request-id"];
  const graphql = Array.isArray(e.errors) ? e.errors.map((x) => String(x?.message ?? "")).filter(Boolean) : [];
  const message = graphql.length
    ? `GitHub's GraphQL API answered with errors: ${graphql.join("; ").slice(0, 300)}`
    : typeof e.message === "string" && e.message
      ? e.message.split("\n")[0].slice(0, 300)
      : String(error);
  return { action, status, requestId: typeof requestId === "string" ? requestId : undefined, message };
}

export function formatFailure(failure: RequestFailure): string {
  const status = failure.status ? `HTTP ${failure.status}` : "no HTTP status";
  const id = failure.requestId ? `, request id \`${failure.requestId}\`` : "";
  return `${failure.action} failed (${status}${id}): ${failure.message}`;
}

export function hasStatus(error: unknown, ...statuses: number[]): boolean {
  const status = (error as ErrorWithResponse | null)?.status;
  return typeof status === "number" && statuses.includes(status);
}
