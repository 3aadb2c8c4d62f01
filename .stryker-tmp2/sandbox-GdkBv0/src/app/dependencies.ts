// @ts-nocheck
import { dependencyChanges, type DependencyMeasurement, type ManifestVersions } from "../analysis/dependencies/changes.js";
import type { Config } from "../policy/config.js";
import { pypiBaseUrl, resolvePython3Support } from "../pypi/client.js";

/** What the manifests' changes do to the dependencies, with Python 3 support asked of the package index. */
export async function measureDependencies(manifests: readonly ManifestVersions[], config: Config): Promise<DependencyMeasurement> {
  const found = dependencyChanges(manifests);
  return {
    problems: found.problems,
    changes: await resolvePython3Support(found.changes, {
      baseUrl: pypiBaseUrl(process.env),
      timeoutMs: config.dependencies.timeoutSeconds * 1000,
      maxLookups: config.dependencies.maxLookups,
      allow: config.dependencies.allow,
    }),
  };
}
