import type { Conclusion } from "../policy/verdict.js";
import type { GitHub, RepoRef } from "./client.js";
import type { ExistingCheckRun } from "./pull-request-state.js";
import { checkRuns } from "../metrics/metrics.js";
import { formatFailure, type RequestFailure } from "./errors.js";
import { scopeEnded, sleepInScope, withScope } from "../coordination/delivery-scope.js";

export const CHECK_NAME = "small-steps";
/** GitHub accepts at most 50 annotations per create or update request. */
export const ANNOTATIONS_PER_REQUEST = 50;

export interface CheckAnnotation {
  path: string;
  start_line: number;
  end_line: number;
  annotation_level: "notice" | "warning" | "failure";
  title?: string;
  message: string;
}

export interface CheckAction {
  label: string;
  description: string;
  identifier: string;
}

export interface CheckRunReport extends RepoRef {
  headSha: string;
  /** Our existing check run on this head commit: updated instead of adding a second one. */
  existing?: ExistingCheckRun;
  /** The pull request number, so that a re-run request finds its pull request, forks included. */
  externalId: string;
  detailsUrl?: string;
  conclusion: Conclusion;
  title: string;
  summary: string;
  /** Shown under the summary; carries the app's record (acceptance, sticky comment) in a hidden comment. */
  text?: string;
  annotations?: CheckAnnotation[];
  actions?: CheckAction[];
}

/** True when the existing run already shows this report: a redelivery then writes nothing. */
export function showsAlready(existing: ExistingCheckRun | undefined, report: CheckRunReport): boolean {
  return (
    existing?.status === "COMPLETED" &&
    existing.conclusion === report.conclusion.toUpperCase() &&
    existing.title === report.title.slice(0, 255) &&
    existing.summary === report.summary &&
    (existing.text ?? "") === (report.text ?? "")
  );
}

/**
 * Create or update the check run, then send annotations beyond the first 50 in further updates.
 * Nothing is written when the existing run already shows the same result (GitHub would append its annotations again).
 */
export async function publishCheckRun(github: GitHub, report: CheckRunReport): Promise<number> {
  if (report.existing && showsAlready(report.existing, report)) return report.existing.id;
  const annotations = report.annotations ?? [];
  const batch = (start: number) => annotations.slice(start, start + ANNOTATIONS_PER_REQUEST);
  const output = { title: report.title.slice(0, 255), summary: report.summary, ...(report.text ? { text: report.text } : {}), annotations: batch(0) };
  const body = {
    owner: report.owner,
    repo: report.repo,
    name: CHECK_NAME,
    head_sha: report.headSha,
    external_id: report.externalId,
    status: "completed" as const,
    conclusion: report.conclusion,
    completed_at: new Date().toISOString(),
    ...(report.detailsUrl ? { details_url: report.detailsUrl } : {}),
    ...(report.actions ? { actions: report.actions } : {}),
    output,
  };
  const id = await createOrUpdate(github, report, body);
  checkRuns.inc({ conclusion: report.conclusion });
  for (let start = ANNOTATIONS_PER_REQUEST; start < annotations.length; start += ANNOTATIONS_PER_REQUEST) {
    await github.rest.checks.update({
      owner: report.owner,
      repo: report.repo,
      check_run_id: id,
      output: { title: output.title, summary: output.summary, annotations: batch(start) },
    });
  }
  return id;
}

/** How often a check-run write (and the lookup before it) is tried when GitHub gives no answer or a 5xx. */
export const WRITE_ATTEMPTS = 3;

/** A failure worth trying again: no answer at all, or GitHub's 5xx. A 4xx would be the same the next time. */
function transient(error: unknown): boolean {
  const status = (error as { status?: unknown })?.status;
  return typeof status !== "number" || status >= 500 || !(error as { response?: unknown }).response;
}

/**
 * The write, never twice: a create that got no answer (or a 5xx) may still have been made, so before trying again
 * the run is looked up, and an update replaces the create when it was. Probot's own retries are off for the create.
 */
async function createOrUpdate(github: GitHub, report: CheckRunReport, body: Parameters<GitHub["rest"]["checks"]["create"]>[0] & object): Promise<number> {
  let existing = report.existing;
  for (let attempt = 1; ; attempt++) {
    try {
      if (existing) {
        const { head_sha: _unchanged, ...update } = body;
        await github.rest.checks.update({ ...update, check_run_id: existing.id });
        return existing.id;
      }
      return (await github.rest.checks.create({ ...body, request: { retries: 0 } })).data.id;
    } catch (error) {
      if (attempt >= WRITE_ATTEMPTS || !transient(error)) throw error;
      await sleepInScope(1000 * attempt);
      if (!existing) existing = await findCheckRun(github, { owner: report.owner, repo: report.repo }, report.headSha, appId());
    }
  }
}

/** Our check run on a commit, by REST: used where the GraphQL state read did not happen. */
export async function findCheckRun(github: GitHub, ref: RepoRef, headSha: string, appId?: number): Promise<ExistingCheckRun | undefined> {
  const { data } = await github.rest.checks.listForRef({ ...ref, ref: headSha, check_name: CHECK_NAME, filter: "latest", per_page: 100, ...(appId ? { app_id: appId } : {}) });
  const run = data.check_runs[0];
  return run && { id: run.id, status: run.status?.toUpperCase(), conclusion: run.conclusion?.toUpperCase(), title: run.output?.title, summary: run.output?.summary, text: run.output?.text };
}

/** This app's id (APP_ID), to tell its own check runs from another app's of the same name. */
export function appId(): number | undefined {
  const id = Number(process.env.APP_ID);
  return Number.isInteger(id) && id > 0 ? id : undefined;
}

/** How long the failure report itself may take, once a delivery's own deadline has passed. */
const FAILURE_REPORT_SECONDS = 60;

/**
 * The existing run, looked up again when GitHub does not answer: a failed lookup taken for "none yet" wrote a second
 * run. After WRITE_ATTEMPTS failed lookups the run is created anyway (a check owed and never written is worse).
 */
async function lookUpBeforeWriting(github: GitHub, report: Pick<CheckRunReport, "owner" | "repo" | "headSha">): Promise<ExistingCheckRun | undefined> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await findCheckRun(github, { owner: report.owner, repo: report.repo }, report.headSha, appId());
    } catch (error) {
      if (attempt >= WRITE_ATTEMPTS || !transient(error)) return undefined;
      await sleepInScope(1000 * attempt);
    }
  }
}

/**
 * A required check must never wait forever: what failed goes on the commit's check run (its record kept), as GitHub's
 * answer or our error, never as a verdict. `subject` names what could not be measured ("this pull request").
 */
export async function publishFailureCheckRun(github: GitHub, report: Pick<CheckRunReport, "owner" | "repo" | "headSha" | "externalId">, failure: RequestFailure, subject: string): Promise<void> {
  // Written in a scope of its own when the delivery's deadline has passed: the failure is the one write still owed.
  if (scopeEnded()) return withScope(FAILURE_REPORT_SECONDS, () => publishFailureCheckRun(github, report, failure, subject));
  const existing = await lookUpBeforeWriting(github, report);
  await publishCheckRun(github, {
    ...report,
    existing,
    conclusion: "failure",
    title: `Could not measure ${subject}`,
    summary: `${formatFailure(failure)}.\n\n${failure.status ? "This is GitHub's answer" : "This is an error in small-steps"}, not a verdict on ${subject.replace(/^this /, "the ")}. Use **Re-run** on this check to try again.`,
    text: existing?.text ?? undefined,
  });
}
