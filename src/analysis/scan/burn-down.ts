/** One point of the burn-down: a day, the commit scanned, the old constructs remaining. */
export interface BurnDownPoint {
  date: string; // YYYY-MM-DD
  sha: string;
  remaining: number;
}

export const MAX_POINTS = 200;
const DAY_MS = 86_400_000;
const PACE_WINDOW_DAYS = 28;

/**
 * The history with a new point (one per commit: a commit scanned again replaces its own). Past `max`, the point in
 * the densest stretch of time goes (the first and the last stay), so that added one at a time the points stay evenly
 * spread over the migration's whole span.
 */
export function addPoint(history: readonly BurnDownPoint[], point: BurnDownPoint, max = MAX_POINTS): BurnDownPoint[] {
  const points = [...history.filter((p) => p.sha !== point.sha), point];
  const time = (p: BurnDownPoint) => Date.parse(`${p.date}T00:00:00Z`);
  while (points.length > max && points.length > 2) {
    let densest = 1;
    for (let i = 2; i < points.length - 1; i++) {
      if (time(points[i + 1]) - time(points[i - 1]) < time(points[densest + 1]) - time(points[densest - 1])) densest = i;
    }
    points.splice(densest, 1);
  }
  return points;
}

export type Pace =
  | { kind: "first" }
  | { kind: "none" }
  | { kind: "progress"; perWeek: number; zeroOn: string };

const days = (a: string, b: string) => (Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY_MS;

/** The pace over the last four weeks of the history, and the day the remaining count reaches zero at that pace. */
export function paceOf(history: readonly BurnDownPoint[]): Pace {
  if (history.length < 2) return { kind: "first" };
  const last = history[history.length - 1];
  const window = history.filter((p) => days(p.date, last.date) <= PACE_WINDOW_DAYS);
  const first = window.length > 1 ? window[0] : history[history.length - 2]; // a window of the last point alone: the one before
  const span = days(first.date, last.date);
  const removed = first.remaining - last.remaining;
  if (span <= 0 || removed <= 0) return { kind: "none" };
  const perDay = removed / span;
  const zeroOn = new Date(Date.parse(`${last.date}T00:00:00Z`) + Math.ceil(last.remaining / perDay) * DAY_MS).toISOString().slice(0, 10);
  return { kind: "progress", perWeek: Math.round(perDay * 7 * 10) / 10, zeroOn };
}

/** The burn-down as a Mermaid line chart (GitHub renders ```mermaid blocks). */
export function mermaidBurnDown(history: readonly BurnDownPoint[]): string {
  const top = Math.max(1, ...history.map((p) => p.remaining));
  return [
    "```mermaid",
    "xychart-beta",
    '  title "Old constructs remaining"',
    `  x-axis [${history.map((p) => `"${p.date}"`).join(", ")}]`,
    `  y-axis "Remaining" 0 --> ${top}`,
    `  line [${history.map((p) => p.remaining).join(", ")}]`,
    "```",
  ].join("\n");
}
