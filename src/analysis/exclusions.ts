import { minimatch, type MMRegExp } from "minimatch";
import type { AttributeSource, GitattributesIndex } from "./gitattributes.js";

export type ExclusionReason =
  | "linguist-generated"
  | "linguist-vendored"
  | "lock-file"
  | "minified"
  | "source-map"
  | "snapshot"
  | "vendored-folder"
  | "config-glob";

export const EXCLUSION_REASON_TEXT: Record<ExclusionReason, string> = {
  "linguist-generated": "generated (.gitattributes)",
  "linguist-vendored": "vendored (.gitattributes)",
  "lock-file": "lock file",
  minified: "minified bundle",
  "source-map": "source map",
  snapshot: "test snapshot",
  "vendored-folder": "vendored folder",
  "config-glob": "excluded by config",
};

export type FileDecision =
  | { counted: true; detail?: string }
  | { counted: false; reason: ExclusionReason; detail: string };

const LOCK_FILES = new Set([
  "package-lock.json",
  "npm-shrinkwrap.json",
  "yarn.lock",
  "pnpm-lock.yaml",
  "bun.lockb",
  "poetry.lock",
  "Pipfile.lock",
  "pdm.lock",
  "uv.lock",
  "Cargo.lock",
  "go.sum",
  "Gemfile.lock",
  "composer.lock",
]);
const VENDORED_FOLDERS = ["vendor", "vendors", "node_modules", "third_party", "third-party", "bower_components"];

function builtInReason(path: string): FileDecision | undefined {
  const base = path.slice(path.lastIndexOf("/") + 1);
  if (LOCK_FILES.has(base)) return { counted: false, reason: "lock-file", detail: base };
  if (/[.-]min\.(?:js|mjs|cjs|css)$/.test(base)) return { counted: false, reason: "minified", detail: base };
  if (base.endsWith(".map")) return { counted: false, reason: "source-map", detail: base };
  if (base.endsWith(".snap") || path.includes("__snapshots__/")) return { counted: false, reason: "snapshot", detail: base };
  const folders = path.split("/").slice(0, -1);
  const vendored = folders.find((folder) => VENDORED_FOLDERS.includes(folder));
  if (vendored) return { counted: false, reason: "vendored-folder", detail: `${vendored}/` };
  return undefined;
}

interface CompiledGlob {
  glob: string;
  include: boolean;
  regexp: MMRegExp | false;
}

/** A user-written pattern as a code span that its own backticks cannot break. */
const span = (text: string) => `\`${text.replace(/`/g, "'")}\``;

function describe(source: AttributeSource | undefined, attribute: string): string {
  return source ? `${source.file}:${source.line} ${span(`${source.pattern} ${attribute}`)}` : attribute;
}

/**
 * Decides whether a file counts. Precedence, most specific first: the user's globs (last match wins,
 * `!glob` re-includes), then linguist attributes at the base commit, then the built-in list.
 */
export class ExclusionRules {
  private readonly globs: CompiledGlob[];

  constructor(
    userGlobs: readonly string[] = [],
    private readonly attributes?: GitattributesIndex,
  ) {
    this.globs = userGlobs.map((raw) => {
      const include = raw.startsWith("!");
      const glob = include ? raw.slice(1) : raw;
      return { glob: raw, include, regexp: minimatch.makeRe(glob, { dot: true, matchBase: !glob.includes("/") }) };
    });
  }

  decide(path: string): FileDecision {
    const base = path.slice(path.lastIndexOf("/") + 1);
    for (let i = this.globs.length - 1; i >= 0; i--) {
      const { glob, include, regexp } = this.globs[i];
      const subject = glob.includes("/") ? path : base;
      if (regexp && regexp.test(subject)) {
        return include ? { counted: true, detail: `included by config ${span(glob)}` } : { counted: false, reason: "config-glob", detail: span(glob) };
      }
    }
    if (this.attributes && this.attributes.size > 0) {
      const { attributes, sources } = this.attributes.resolve(path);
      if (attributes.generated === true) return { counted: false, reason: "linguist-generated", detail: describe(sources.generated, "linguist-generated") };
      if (attributes.vendored === true) return { counted: false, reason: "linguist-vendored", detail: describe(sources.vendored, "linguist-vendored") };
      // An explicit `-linguist-generated` or `=false` overrides the built-in list, as Linguist's overrides do.
      if (attributes.generated === false || attributes.vendored === false) {
        return { counted: true, detail: `counted by ${describe(sources.generated ?? sources.vendored, "=false")}` };
      }
    }
    return builtInReason(path) ?? { counted: true };
  }
}
