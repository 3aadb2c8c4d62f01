import { mermaidBurnDown, paceOf, type BurnDownPoint } from "../analysis/scan/burn-down.js";
import type { ScanResult } from "../analysis/scan/scanner.js";
import { count, formatCount as n } from "../plural.js";
import { renderHeadline, renderScanSections, type ScanReportOptions } from "./scan.js";
import { parseCampaignRecord, type CampaignRecord } from "../campaign/record.js";

/** GitHub's limit on an issue body. */
export const ISSUE_BODY_LIMIT = 65_536;
export const DASHBOARD_MARKER = "small-steps:dashboard";
const RECORD = new RegExp(`<!-- ${DASHBOARD_MARKER} (\\{.*?\\}) -->`);

/** What the dashboard remembers between updates, kept in a hidden comment in its own body. */
export interface DashboardRecord {
  history: BurnDownPoint[];
  /** When the numbers were last computed (ISO time): updates are at most one per `minIntervalMinutes`. */
  updated?: string;
  /** Regressions found by push checks since the last update, by commit. */
  regressions: Array<{ sha: string; count: number }>;
  /** Dated lines about updates that failed (newest last, a few kept). */
  failures: string[];
  /** The campaign's batches, pull requests and finished folders, when campaign.enabled. */
  campaign?: CampaignRecord;
}

export function parseDashboardRecord(body: string | null | undefined): DashboardRecord {
  const empty: DashboardRecord = { history: [], regressions: [], failures: [] };
  const match = body ? RECORD.exec(body) : null;
  if (!match) return empty;
  try {
    const raw = JSON.parse(match[1]) as Partial<DashboardRecord>;
    const points = Array.isArray(raw.history) ? raw.history.filter((p) => p && typeof p.date === "string" && typeof p.sha === "string" && Number.isInteger(p.remaining)) : [];
    const regressions = Array.isArray(raw.regressions) ? raw.regressions.filter((r) => r && typeof r.sha === "string" && Number.isInteger(r.count)) : [];
    const failures = Array.isArray(raw.failures) ? raw.failures.filter((f) => typeof f === "string") : [];
    return { history: points, regressions, failures, ...(typeof raw.updated === "string" ? { updated: raw.updated } : {}), ...(raw.campaign ? { campaign: parseCampaignRecord(raw.campaign) } : {}) };
  } catch {
    return empty;
  }
}

/** The body with its hidden record replaced (or added at the end). */
export function withDashboardRecord(body: string, record: DashboardRecord): string {
  const marker = renderDashboardRecord(record);
  return RECORD.test(body) ? body.replace(RECORD, () => marker) : `${body}\n\n${marker}`;
}

export function renderDashboardRecord(record: DashboardRecord): string {
  return `<!-- ${DASHBOARD_MARKER} ${JSON.stringify(record).replace(/--/g, "-\\u002d")} -->`;
}

export interface DashboardView extends ScanReportOptions {
  result: ScanResult;
  sha: string;
  /** Link to a commit. */
  commitUrl: (sha: string) => string;
  record: DashboardRecord;
  /** Regressions found by push checks since the previous update (shown now; the stored record starts afresh). */
  regressions: Array<{ sha: string; count: number }>;
  /** The remaining count at the previous update, for "since the last update". */
  previous?: number;
  /** Packages the manifests declare that do not support Python 3. */
  unsupported: string[];
  /** Set when the tarball bound was reached: the numbers cover only part of the tree. */
  truncatedAt?: number;
  /** The campaign's task list, shown first after the headline. */
  campaign?: string;
}

function renderPace(history: readonly BurnDownPoint[]): string {
  const pace = paceOf(history);
  if (pace.kind === "first") return "The first point: the pace shows from the next update.";
  if (pace.kind === "none") return "No progress in four weeks.";
  return `Pace over the last four weeks: ${n(pace.perWeek)} a week; at this pace the migration is done on **${pace.zeroOn}**.`;
}

/** The dashboard issue's body: headline, burn-down, since the last update, then the scan's sections and the record. */
export function renderDashboard(view: DashboardView): string {
  const { result, record } = view;
  const out: string[] = [renderHeadline(result), ...(view.campaign ? [view.campaign] : [])];
  if (view.truncatedAt) out.push(`> [!WARNING]\n> The scan stopped at \`dashboard.maxBytes\` (${n(Math.round(view.truncatedAt / 1024 / 1024))} MB of the tarball): the numbers cover only part of the tree.`);
  out.push(`Scanned at [\`${view.sha.slice(0, 7)}\`](${view.commitUrl(view.sha)}). Edited by small-steps on pushes to the default branch; close this issue to stop the updates, reopen it to resume them.`);
  out.push(`### Burn-down\n${mermaidBurnDown(record.history)}\n\n${renderPace(record.history)}`);
  const since: string[] = [];
  if (view.previous !== undefined) {
    const delta = view.previous - result.remaining.total;
    since.push(delta >= 0 ? `- ${count(delta, "construct")} removed.` : `- ${count(-delta, "construct")} more than before.`);
  }
  if (view.regressions.length) {
    since.push(`- Regressions that landed: ${view.regressions.map((r) => `[\`${r.sha.slice(0, 7)}\`](${view.commitUrl(r.sha)}) (${n(r.count)})`).join(", ")}.`);
  } else since.push("- No regressions landed.");
  since.push(view.unsupported.length ? `- Dependencies without Python 3: ${view.unsupported.map((d) => `\`${d}\``).join(", ")}.` : "- No declared dependency is known to lack Python 3.");
  out.push(`### Since the last update\n${since.join("\n")}`);
  out.push(...renderScanSections(result, view));
  if (record.failures.length) out.push(`### Updates that failed\n${record.failures.map((f) => `- ${f}`).join("\n")}`);
  const marker = renderDashboardRecord(record);
  let body = `${out.join("\n\n")}\n\n${marker}`;
  if (body.length > ISSUE_BODY_LIMIT) {
    const notice = "\n\n_(Cut to fit GitHub's limit on an issue; run `small-steps scan` for all of it.)_\n\n";
    const room = ISSUE_BODY_LIMIT - marker.length - notice.length;
    const text = out.join("\n\n");
    body = `${text.slice(0, text.lastIndexOf("\n", room))}${notice}${marker}`;
  }
  return body;
}

/** The previous body with a dated failure line and an updated record: the previous numbers stay. */
export function withFailure(body: string, record: DashboardRecord, line: string): string {
  const next = { ...record, failures: [...record.failures, line].slice(-5) };
  const without = body.replace(RECORD, "").replace(/\n### Updates that failed\n(?:- .*\n?)*/, "\n").trimEnd();
  return `${without}\n\n### Updates that failed\n${next.failures.map((f) => `- ${f}`).join("\n")}\n\n${renderDashboardRecord(next)}`;
}
