// @ts-nocheck
import type { ProbotOctokit } from "probot";

/** The Octokit every GitHub read and write goes through: Probot's, authenticated as the installation. */
export type GitHub = ProbotOctokit;

export interface RepoRef {
  owner: string;
  repo: string;
}
