// @ts-nocheck
import { PERMISSIONS, type Permission } from "../policy/config.js";
import type { GitHub, RepoRef } from "./client.js";

export type PermissionOrNone = Permission | "none";

/**
 * A user's permission on a repository. GitHub's `permission` field folds maintain into write and triage into
 * read; `role_name` tells them apart (a custom role falls back to `permission`).
 */
export async function permissionOf(github: GitHub, ref: RepoRef, username: string): Promise<PermissionOrNone> {
  const { data } = await github.rest.repos.getCollaboratorPermissionLevel({ ...ref, username });
  const role = (data as { role_name?: string }).role_name;
  if (role && (PERMISSIONS as readonly string[]).includes(role)) return role as Permission;
  return (PERMISSIONS as readonly string[]).includes(data.permission) ? (data.permission as Permission) : "none";
}

export function atLeast(actual: PermissionOrNone, needed: Permission): boolean {
  return actual !== "none" && PERMISSIONS.indexOf(actual) >= PERMISSIONS.indexOf(needed);
}
