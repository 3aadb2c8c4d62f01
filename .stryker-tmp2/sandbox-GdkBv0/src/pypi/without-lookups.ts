// @ts-nocheck
import type { DependencyChange } from "../analysis/dependencies/changes.js";
import { normaliseName } from "../analysis/dependencies/requirement.js";

/** Without network access (the command line's default): nothing is asked, every dependency stays "unknown". */
export function withoutLookups(changes: DependencyChange[], allow: string[], reason: string): DependencyChange[] {
  const allowed = new Set(allow.map(normaliseName));
  return changes.map((c) => (c.change === "removed" ? { ...c, reason: "removed" } : allowed.has(c.key) ? { ...c, python3: "yes", reason: "allowed in config" } : { ...c, python3: "unknown", reason }));
}
