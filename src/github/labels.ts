import type { GitHub, RepoRef } from "./client.js";
import { hasStatus } from "./errors.js";

export interface LabelDefinition {
  name: string;
  color: string;
  description: string;
}

export interface LabelChange {
  added: string[];
  removed: string[];
  created: string[];
}

/** Whether the repository has a label of this name (a read: 404 is no). */
export async function labelExists(github: GitHub, ref: RepoRef, name: string): Promise<boolean> {
  try {
    await github.rest.issues.getLabel({ ...ref, name });
    return true;
  } catch (error) {
    if (hasStatus(error, 404)) return false;
    throw error;
  }
}

/**
 * Make the issue carry exactly the `wanted` labels among the `managed` ones, writing only the difference.
 * Labels outside `managed` are never touched. A wanted label missing from the repository is created, with its
 * colour and description, before it is added.
 */
export async function syncLabels(
  github: GitHub,
  target: RepoRef & { issueNumber: number; current: string[]; repositoryLabels: string[] },
  managed: string[],
  wanted: LabelDefinition[],
): Promise<LabelChange> {
  const change: LabelChange = { added: [], removed: [], created: [] };
  const { owner, repo, issueNumber } = target;
  const missing = wanted.filter((label) => !target.current.includes(label.name));
  for (const label of missing) {
    if (target.repositoryLabels.includes(label.name)) continue;
    try {
      await github.rest.issues.createLabel({ owner, repo, ...label });
      change.created.push(label.name);
    } catch (error) {
      if (!hasStatus(error, 422)) throw error; // 422: it exists already (created meanwhile by another event)
    }
  }
  if (missing.length) {
    await github.rest.issues.addLabels({ owner, repo, issue_number: issueNumber, labels: missing.map((l) => l.name) });
    change.added.push(...missing.map((l) => l.name));
  }
  const keep = new Set(wanted.map((l) => l.name));
  for (const name of target.current) {
    if (keep.has(name) || !managed.includes(name)) continue;
    try {
      await github.rest.issues.removeLabel({ owner, repo, issue_number: issueNumber, name });
    } catch (error) {
      if (!hasStatus(error, 404)) throw error; // already gone
    }
    change.removed.push(name);
  }
  return change;
}
