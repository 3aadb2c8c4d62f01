// @ts-nocheck
import type { GitHub, RepoRef } from "./client.js";

export interface DashboardIssue {
  number: number;
  state: "open" | "closed";
  title: string;
  body: string;
  htmlUrl: string;
}

/**
 * The app's dashboard issue: among the issues the app's bot created (REST, `creator`, `state=all`: the search API is
 * eventually consistent and would miss one just created), the one whose body holds the marker.
 */
export async function findDashboardIssue(github: GitHub, ref: RepoRef, botLogin: string, marker: string): Promise<DashboardIssue | undefined> {
  const issues = await github.paginate(github.rest.issues.listForRepo, { ...ref, creator: botLogin, state: "all", per_page: 100 });
  const found = issues.filter((i) => !i.pull_request && (i.body ?? "").includes(`<!-- ${marker} `)).sort((a, b) => a.number - b.number)[0];
  return found && { number: found.number, state: found.state as "open" | "closed", title: found.title, body: found.body ?? "", htmlUrl: found.html_url };
}

export async function createDashboardIssue(github: GitHub, ref: RepoRef, title: string, body: string): Promise<number> {
  const { data } = await github.rest.issues.create({ ...ref, title, body });
  return data.number;
}

/** Edits the issue only where its title or text changed. */
export async function editDashboardIssue(github: GitHub, ref: RepoRef, issue: DashboardIssue, title: string, body: string): Promise<boolean> {
  if (issue.title === title && issue.body === body) return false;
  await github.rest.issues.update({ ...ref, issue_number: issue.number, ...(issue.title !== title ? { title } : {}), body });
  return true;
}
