// @ts-nocheck
import { SIZE_CLASSES, type SizeClass } from "../analysis/size.js";

/** A maintainer's audited acceptance of a pull request's size. */
export interface Acceptance {
  by: string;
  reason: string;
  /** The size class accepted: later commits keep the acceptance while the pull request stays at or below it. */
  sizeClass: SizeClass;
  /** The head commit it was given on. */
  sha: string;
}

/**
 * What the app remembers about a pull request, kept in its own check run's text: only the app that created a check
 * run can change it, so no one can forge an acceptance, and no database is needed. Carried from a commit's check run
 * to the next commit's.
 */
export interface CheckRecord {
  acceptance?: Acceptance;
  /** The sticky comment, once posted, and which state it last told (see `StickyState`). */
  sticky?: { id: number; status: StickyState; hash?: string };
}

/** What the sticky comment tells: over the limit (with the split plan), accepted over the limit, or back within it. */
export type StickyState = "over" | "accepted" | "under";
const STICKY_STATES: readonly string[] = ["over", "accepted", "under"] satisfies StickyState[];

const MARKER = "small-steps:record";
const RECORD = new RegExp(`<!-- ${MARKER} (\\{.*?\\}) -->`);

export function renderRecord(record: CheckRecord): string {
  // The JSON cannot close the comment early: "--" is escaped inside strings.
  return `<!-- ${MARKER} ${JSON.stringify(record).replace(/--/g, "-\\u002d")} -->`;
}

/** Read a record back; anything malformed reads as no record (fail closed: no acceptance). */
export function parseRecord(text: string | null | undefined): CheckRecord {
  const match = text ? RECORD.exec(text) : null;
  if (!match) return {};
  try {
    const raw = JSON.parse(match[1]) as Record<string, any>;
    const record: CheckRecord = {};
    const a = raw.acceptance;
    if (a && typeof a.by === "string" && typeof a.reason === "string" && typeof a.sha === "string" && SIZE_CLASSES.includes(a.sizeClass)) {
      record.acceptance = { by: a.by, reason: a.reason, sizeClass: a.sizeClass, sha: a.sha };
    }
    const s = raw.sticky;
    if (s && Number.isInteger(s.id) && STICKY_STATES.includes(s.status)) {
      record.sticky = { id: s.id, status: s.status, ...(typeof s.hash === "string" ? { hash: s.hash } : {}) };
    }
    return record;
  } catch {
    return {};
  }
}

/** Does an acceptance still hold for a pull request now of `sizeClass`? */
export function acceptanceHolds(acceptance: Acceptance | undefined, sizeClass: SizeClass): boolean {
  return acceptance !== undefined && SIZE_CLASSES.indexOf(sizeClass) <= SIZE_CLASSES.indexOf(acceptance.sizeClass);
}
