import { globMatcher, type GlobMatcher } from "./safe-glob.js";
import { findMarker, type FileSample } from "./generated/markers.js";
import { matchPathRule, type BuiltInReason } from "./generated/path-rules.js";
import type { AttributeSource, GitattributesIndex } from "./gitattributes.js";

export type ExclusionReason = "linguist-generated" | "linguist-vendored" | BuiltInReason | "generated-marker" | "config-glob";

export const EXCLUSION_REASON_TEXT: Record<ExclusionReason, string> = {
  "linguist-generated": "generated (.gitattributes)",
  "linguist-vendored": "vendored (.gitattributes)",
  "lock-file": "lock file",
  minified: "minified bundle",
  "source-map": "source map",
  snapshot: "test snapshot",
  "vendored-folder": "vendored folder",
  "vendored-file": "vendored file",
  generated: "generated file",
  "generated-marker": "generated (marker in the file)",
  "config-glob": "excluded by config",
};

export type FileDecision =
  | { counted: true; detail?: string }
  | { counted: false; reason: ExclusionReason; detail: string };

/** Linguist's outcome for what a diff shows of a file: its path, then a generator's marker in its first lines. */
export function builtInDecision(path: string, sample: FileSample | undefined): FileDecision {
  const byPath = matchPathRule(path);
  if (byPath && "exclude" in byPath.rule.outcome) {
    return { counted: false, reason: byPath.rule.outcome.exclude, detail: `${span(byPath.matched)} (${byPath.rule.serves})` };
  }
  const marker = sample && findMarker(path, sample);
  if (marker) return { counted: false, reason: "generated-marker", detail: `${span(marker.rule.marker)} in its first lines (${marker.rule.family})` };
  if (byPath && "count" in byPath.rule.outcome) return { counted: true, detail: `counted on purpose: ${byPath.rule.outcome.count}` };
  return { counted: true };
}

interface CompiledGlob {
  glob: string;
  include: boolean;
  matches: GlobMatcher;
}

/** A user-written pattern as a code span that its own backticks cannot break. */
const span = (text: string) => `\`${text.replace(/`/g, "'")}\``;

function describe(source: AttributeSource | undefined, attribute: string): string {
  return source ? `${source.file}:${source.line} ${span(`${source.pattern} ${attribute}`)}` : attribute;
}

/**
 * Decides whether a file counts. Precedence, most specific first: the user's globs (last match wins,
 * `!glob` re-includes), then linguist attributes at the base commit, then the built-in path rules and generators'
 * markers.
 */
export class ExclusionRules {
  private readonly globs: CompiledGlob[];

  constructor(
    // Stryker disable next-line ArrayDeclaration: a default glob nobody's file is named after excludes nothing either
    userGlobs: readonly string[] = [],
    private readonly attributes?: GitattributesIndex,
  ) {
    this.globs = userGlobs.map((raw) => {
      const include = raw.startsWith("!");
      const glob = include ? raw.slice(1) : raw;
      // A glob without a slash is tried on the base name (see override), so the matcher needs no matchBase.
      return { glob: raw, include, matches: globMatcher(glob) };
    });
  }

  /** `sample`: what is known of the file's first (and last) lines at the head, for generators' markers. */
  decide(path: string, sample?: FileSample): FileDecision {
    return this.override(path) ?? builtInDecision(path, sample);
  }

  /**
   * What the user's globs and the linguist attributes say of a path, before the built-in rules: a tree scan decides
   * the built-in part as each file streams past and this part once every .gitattributes file has been read.
   */
  override(path: string): FileDecision | undefined {
    const base = path.slice(path.lastIndexOf("/") + 1);
    for (let i = this.globs.length - 1; i >= 0; i--) {
      const { glob, include, matches } = this.globs[i];
      const subject = glob.includes("/") ? path : base;
      if (matches(subject)) {
        return include ? { counted: true, detail: `included by config ${span(glob)}` } : { counted: false, reason: "config-glob", detail: span(glob) };
      }
    }
    // Stryker disable next-line ConditionalExpression,EqualityOperator: an index without rules resolves to nothing; this skips the walk
    if (this.attributes && this.attributes.size > 0) {
      const { attributes, sources } = this.attributes.resolve(path);
      if (attributes.generated === true) return { counted: false, reason: "linguist-generated", detail: describe(sources.generated, "linguist-generated") };
      if (attributes.vendored === true) return { counted: false, reason: "linguist-vendored", detail: describe(sources.vendored, "linguist-vendored") };
      // An explicit `-linguist-generated` or `=false` overrides the built-in list, as Linguist's overrides do.
      if (attributes.generated === false) return { counted: true, detail: `counted by ${describe(sources.generated, "-linguist-generated")}` };
      if (attributes.vendored === false) return { counted: true, detail: `counted by ${describe(sources.vendored, "-linguist-vendored")}` };
    }
    return undefined;
  }
}
