import type { GitHub, RepoRef } from "./client.js";
import { hasStatus } from "./errors.js";

export interface LabelDefinition {
  name: string;
  color: string;
  description: string;
}

export interface LabelChange {
  added?: string;
  removed: string[];
  created?: string;
}

/**
 * Make `wanted` the only label of `family` on the issue, writing nothing when it already is.
 * Labels outside the family are never touched. A missing label is created with its colour first.
 */
export async function setExclusiveLabel(
  github: GitHub,
  target: RepoRef & { issueNumber: number; current: string[]; repositoryLabels: string[] },
  family: string[],
  wanted: LabelDefinition | undefined,
): Promise<LabelChange> {
  const change: LabelChange = { removed: [] };
  const { owner, repo, issueNumber } = target;
  if (wanted && !target.current.includes(wanted.name)) {
    if (!target.repositoryLabels.includes(wanted.name)) {
      try {
        await github.rest.issues.createLabel({ owner, repo, ...wanted });
        change.created = wanted.name;
      } catch (error) {
        if (!hasStatus(error, 422)) throw error; // 422: created meanwhile by another event
      }
    }
    await github.rest.issues.addLabels({ owner, repo, issue_number: issueNumber, labels: [wanted.name] });
    change.added = wanted.name;
  }
  for (const name of target.current) {
    if (name === wanted?.name || !family.includes(name)) continue;
    try {
      await github.rest.issues.removeLabel({ owner, repo, issue_number: issueNumber, name });
    } catch (error) {
      if (!hasStatus(error, 404)) throw error; // already gone
    }
    change.removed.push(name);
  }
  return change;
}
