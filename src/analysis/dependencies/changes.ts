import { manifestKind, parseManifest } from "./manifests.js";
import type { Requirement } from "./requirement.js";

export type Python3Support = "yes" | "no" | "unknown";

export interface DependencyChange {
  name: string;
  key: string;
  change: "added" | "re-pinned" | "removed";
  version?: string;
  manifest: string;
  /** Where to annotate: the line in the new version of the manifest (0 for a removal). */
  line: number;
  python3: Python3Support;
  /** Why python3 is what it is: PyPI's answer, the allow-list, or why it could not be asked. */
  reason?: string;
}

export interface ManifestVersions {
  path: string;
  before?: string;
  after?: string;
  /** A manifest the change does not touch, read at the base only for what it declared there. */
  unchanged?: boolean;
}

export interface DependencyMeasurement {
  changes: DependencyChange[];
  problems: string[];
}

/** Index a manifest's requirements by normalised name, leaving out those only Python 2 installs. */
function index(requirements: Requirement[]): Map<string, Requirement> {
  const map = new Map<string, Requirement>();
  for (const r of requirements) if (!r.python2Only && !map.has(r.key)) map.set(r.key, r);
  return map;
}

/**
 * What a change does to its Python dependencies: the whole manifest before and after, by normalised name
 * (not line by line, so moving or reformatting a line changes nothing). Python 3 support is filled in later.
 */
export function dependencyChanges(manifests: readonly ManifestVersions[]): DependencyMeasurement {
  const changes: DependencyChange[] = [];
  const problems: string[] = [];
  // What any manifest declared at the base: a package one of them adds is new only if none had it.
  const declaredAtBase = new Set<string>();
  for (const manifest of manifests) {
    const kind = manifestKind(manifest.path);
    if (!kind || manifest.before === undefined) continue;
    for (const r of parseManifest(kind, manifest.before).requirements) if (!r.python2Only) declaredAtBase.add(r.key);
  }
  // What any manifest declares after it: a package taken out of one but declared by another is not removed.
  const declaredAfter = new Set<string>();
  for (const manifest of manifests) {
    const kind = manifestKind(manifest.path);
    const text = manifest.unchanged ? manifest.before : manifest.after;
    if (!kind || text === undefined) continue;
    for (const r of parseManifest(kind, text).requirements) if (!r.python2Only) declaredAfter.add(r.key);
  }
  for (const manifest of manifests) {
    const kind = manifestKind(manifest.path);
    if (!kind || manifest.unchanged) continue;
    const before = manifest.before === undefined ? undefined : parseManifest(kind, manifest.before);
    const after = manifest.after === undefined ? undefined : parseManifest(kind, manifest.after);
    problems.push(...(after?.problems ?? []).map((p) => `${manifest.path}: ${p}`));
    const old = index(before?.requirements ?? []);
    const now = index(after?.requirements ?? []);
    for (const [key, r] of now) {
      const previous = old.get(key);
      if (!previous && declaredAtBase.has(key)) continue; // declared by another manifest before the change
      if (!previous) changes.push({ name: r.name, key, change: "added", version: r.pinned, manifest: manifest.path, line: r.line, python3: "unknown" });
      else if (r.pinned && r.pinned !== previous.pinned) changes.push({ name: r.name, key, change: "re-pinned", version: r.pinned, manifest: manifest.path, line: r.line, python3: "unknown" });
    }
    for (const [key, r] of old) {
      if (!now.has(key) && !declaredAfter.has(key)) changes.push({ name: r.name, key, change: "removed", version: r.pinned, manifest: manifest.path, line: 0, python3: "unknown" });
    }
  }
  return { changes, problems };
}
