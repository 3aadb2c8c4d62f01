import type { ErrorObject, ValidateFunction } from "ajv";
import { validate as validateConfig } from "./config-validator.js";
import { CONFIG_DEFAULTS } from "./config-defaults.js";
import { compileCustomPacks, type CustomPackSpec } from "../analysis/custom-pack.js";
import { SCHEMA_PRESETS, type SchemaPreset } from "../analysis/schema-migrations.js";
import { MODULE_RULE_ID, OLD_CONSTRUCT_RULES, PYTHON3_OPT_IN_RULES } from "../analysis/python/rules.js";
import { RENAMED_MODULES } from "../analysis/python/modules.js";
import { globProblem, MAX_GLOB_LENGTH } from "../analysis/safe-glob.js";
import { DEFAULT_FILE_THRESHOLDS, DEFAULT_THRESHOLDS, SIZE_CLASSES, type PathWeight, type SizeClass, type SizeOptions, type SizeThresholds } from "../analysis/size.js";
import { count } from "../plural.js";

/** The repository's policy, read from `.github/small-steps.yml`. Every key is optional. */
export interface Config {
  mode: "warn" | "block";
  limit: Exclude<SizeClass, "XXL">;
  thresholds: SizeThresholds & { files: SizeThresholds };
  deletionWeight: number;
  weights: { moved: number; whitespace: number; paths: PathWeight[] };
  exclude: string[];
  branches: string[];
  drafts: "report" | "check";
  bots: "report" | "check";
  labels: { enabled: boolean; prefix: string };
  migration: {
    packs: Array<"python3">;
    custom: CustomPackSpec[];
    mixedTolerance: number;
    regressions: FindingConclusion;
    labels: { migration: string; mixed: string };
    python3: { enable: string[]; disable: string[] };
    done: DoneFolder[];
  };
  dependencies: {
    enabled: boolean;
    allow: string[];
    unsupported: FindingConclusion;
    maxLookups: number;
    timeoutSeconds: number;
  };
  schemaMigrations: {
    presets: SchemaPreset[];
    alone: boolean;
    tolerance: number;
    conclusion: FindingConclusion;
  };
  accept: { permission: Permission; allowAuthor: boolean };
  comments: { sticky: "auto" | "on" | "off" };
  fixes: { target: "compatible" | "python3"; suggestions: "auto" | "command" | "off"; maxSuggestions: number };
  push: { enabled: boolean; branches: string[]; maxCommits: number };
  dashboard: { enabled: boolean; title: string; minIntervalMinutes: number; maxBytes: number; depth: number; importNames: Record<string, string[]> };
  campaign: { enabled: boolean; maxLines?: number; maxFiles: number; maxOpen: number; perHour: number; automatic: boolean; verifiedCommits: boolean };
}

/** A folder the migration finished (`migration.done`): a glob, or a glob with the commit and date it reached zero. */
export type DoneFolder = string | { files: string; commit?: string; date?: string };

/** The glob of a `migration.done` entry. */
export const doneGlob = (entry: DoneFolder): string => (typeof entry === "string" ? entry : entry.files);

export const PERMISSIONS = ["read", "triage", "write", "maintain", "admin"] as const;
export type Permission = (typeof PERMISSIONS)[number];

/** How a finding affects the check: `default` fails in block mode and is neutral in warn mode. */
export type FindingConclusion = "default" | "failure" | "neutral";

const sizeClassNames = SIZE_CLASSES.filter((c) => c !== "XXL");
const findingConclusion = (description: string) => ({ description, enum: ["default", "failure", "neutral"], default: "default" });
/** A list of globs: bounded in number and length (each is compiled to an RE2 program that grows with it). */
const globList = { type: "array", items: { type: "string", minLength: 1, maxLength: MAX_GLOB_LENGTH }, maxItems: 200 } as const;
/** A list of names: bounded, so that validating it stays cheap whatever a config holds. */
const nameList = { type: "array", items: { type: "string", minLength: 1, maxLength: 200 }, maxItems: 500 } as const;

/** JSON Schema with the defaults: the single source for validation, defaults and editor completion. */
export const CONFIG_SCHEMA = {
  $schema: "http://json-schema.org/draft-07/schema#",
  title: "small-steps configuration (.github/small-steps.yml)",
  type: "object",
  additionalProperties: false,
  properties: {
    mode: {
      description: "warn: a pull request over the limit gets a neutral check; block: it fails.",
      enum: ["warn", "block"],
      default: "warn",
    },
    limit: {
      description: "The largest size class that stays green.",
      enum: sizeClassNames,
      default: "L",
    },
    thresholds: {
      description: "Upper bounds (exclusive) in counted lines of each size class; XXL is everything beyond XL.",
      type: "object",
      additionalProperties: false,
      properties: {
        ...Object.fromEntries(sizeClassNames.map((c) => [c, { type: "integer", minimum: 1, default: DEFAULT_THRESHOLDS[c] }])),
        files: {
          description: "Upper bounds (exclusive) in files touched (binary files included, files only renamed left out): the size class is the larger of the lines' class and the files'.",
          type: "object",
          additionalProperties: false,
          properties: Object.fromEntries(sizeClassNames.map((c) => [c, { type: "integer", minimum: 1, default: DEFAULT_FILE_THRESHOLDS[c] }])),
          default: {},
        },
      },
      default: {},
    },
    weights: {
      type: "object",
      additionalProperties: false,
      properties: {
        moved: {
          description: "How much a changed line of a block moved unchanged (3 lines at least, within a file or between files, as git diff --color-moved finds them) counts.",
          type: "number",
          minimum: 0,
          maximum: 10,
          default: 0.1,
        },
        whitespace: {
          description: "How much a line whose change is whitespace alone counts; where indentation is code (Python, YAML, Makefiles, …) it counts fully.",
          type: "number",
          minimum: 0,
          maximum: 10,
          default: 0.5,
        },
        paths: {
          description: "How much a line of the files some globs match counts (tests/** at 0.5): the last entry that matches a file gives its weight; 1 elsewhere.",
          type: "array",
          maxItems: 100,
          items: {
            type: "object",
            additionalProperties: false,
            required: ["files", "weight"],
            properties: { files: { ...globList, minItems: 1 }, weight: { type: "number", minimum: 0, maximum: 10 } },
          },
          default: [],
        },
      },
      default: {},
    },
    deletionWeight: {
      description: "How much a deleted line counts relative to an added one.",
      type: "number",
      minimum: 0,
      maximum: 10,
      default: 1,
    },
    exclude: {
      description: "Globs of files not to count (minimatch syntax, no extended globs); a leading ! counts a file again. The last match wins.",
      ...globList,
      default: [],
    },
    branches: {
      description: "Base branches that get a verdict (globs). Empty: the repository's default branch.",
      ...globList,
      default: [],
    },
    drafts: {
      description: "report: draft pull requests are measured but never fail; check: treated like the others.",
      enum: ["report", "check"],
      default: "report",
    },
    bots: {
      description: "report: pull requests opened by bots are measured but never fail; check: treated like the others.",
      enum: ["report", "check"],
      default: "report",
    },
    labels: {
      type: "object",
      additionalProperties: false,
      properties: {
        enabled: { type: "boolean", default: true },
        prefix: { type: "string", minLength: 1, maxLength: 40, default: "size/" },
      },
      default: {},
    },
    migration: {
      type: "object",
      additionalProperties: false,
      properties: {
        packs: {
          description: "Built-in migration packs to run.",
          type: "array",
          items: { type: "string", enum: ["python3"] },
          maxItems: 10,
          uniqueItems: true,
          default: ["python3"],
        },
        custom: {
          description: "Packs of your own: lines matching `old` are what the migration removes; `new` is its replacement. Patterns are RE2 (linear time).",
          type: "array",
          maxItems: 20,
          items: {
            type: "object",
            additionalProperties: false,
            required: ["name", "files", "old"],
            properties: {
              name: { type: "string", minLength: 1, maxLength: 60 },
              files: { ...globList, minItems: 1 },
              old: { type: "array", items: { type: "string", minLength: 1, maxLength: 500 }, minItems: 1, maxItems: 50 },
              new: { type: "array", items: { type: "string", minLength: 1, maxLength: 500 }, maxItems: 50, default: [] },
              message: { type: "string", minLength: 1, maxLength: 500 },
            },
          },
          default: [],
        },
        mixedTolerance: {
          description: "Other changed lines allowed per migration line before a pull request is mixed (at least 3 are always allowed).",
          type: "number",
          minimum: 0,
          default: 0.1,
        },
        regressions: findingConclusion("Conclusion when a change brings back what the migration removes."),
        python3: {
          type: "object",
          additionalProperties: false,
          default: {},
          description: "Rules of the python3 pack to turn on (opt-in rules such as old-division) or off, by rule id.",
          properties: {
            enable: { type: "array", items: { type: "string", enum: PYTHON3_OPT_IN_RULES }, maxItems: 20, uniqueItems: true, default: [], description: "Opt-in rules to turn on: old-division (flagged only in files without `from __future__ import division`)." },
            disable: { ...nameList, uniqueItems: true, default: [], description: "Rule ids to turn off (as the check run names them, e.g. print-tuple, unittest-deprecated-alias, module-commands)." },
          },
        },
        done: {
          description: "Folders the migration finished (globs, or { files, commit, date }): a regression in them fails the check in any mode. The campaign proposes each folder that reaches zero.",
          type: "array",
          maxItems: 200,
          items: {
            anyOf: [
              { type: "string", minLength: 1, maxLength: MAX_GLOB_LENGTH },
              {
                type: "object",
                additionalProperties: false,
                required: ["files"],
                properties: {
                  files: { type: "string", minLength: 1, maxLength: MAX_GLOB_LENGTH },
                  commit: { type: "string", pattern: "^[0-9a-f]{7,40}$", description: "The commit at which the folder had nothing left." },
                  date: { type: "string", pattern: "^\\d{4}-\\d{2}-\\d{2}$" },
                },
              },
            ],
          },
          default: [],
        },
        labels: {
          type: "object",
          additionalProperties: false,
          properties: {
            migration: { type: "string", maxLength: 50, default: "migration", description: "Label for migration-only pull requests; empty: none." },
            mixed: { type: "string", maxLength: 50, default: "mixed-change", description: "Label for mixed pull requests; empty: none." },
          },
          default: {},
        },
      },
      default: {},
    },
    dependencies: {
      type: "object",
      additionalProperties: false,
      properties: {
        enabled: { type: "boolean", default: true, description: "Check new Python dependencies for Python 3 support on PyPI." },
        allow: { ...nameList, default: [], description: "Packages to accept without asking PyPI (renamed or absorbed packages)." },
        unsupported: findingConclusion("Conclusion when a new dependency lacks Python 3 support."),
        maxLookups: { type: "integer", minimum: 0, maximum: 100, default: 25, description: "PyPI lookups per event at most." },
        timeoutSeconds: { type: "number", exclusiveMinimum: 0, maximum: 30, default: 5, description: "How long to wait for PyPI." },
      },
      default: {},
    },
    schemaMigrations: {
      type: "object",
      additionalProperties: false,
      properties: {
        presets: { type: "array", items: { type: "string", enum: Object.keys(SCHEMA_PRESETS) }, maxItems: 20, uniqueItems: true, default: Object.keys(SCHEMA_PRESETS) },
        alone: { type: "boolean", default: true, description: "Schema migrations ship alone: flag a pull request that mixes them with application code." },
        tolerance: { type: "integer", minimum: 0, default: 0, description: "Application lines allowed beside schema migrations." },
        conclusion: findingConclusion("Conclusion when schema migrations are mixed with application code."),
      },
      default: {},
    },
    accept: {
      type: "object",
      additionalProperties: false,
      properties: {
        permission: { enum: ["read", "triage", "write", "maintain", "admin"], default: "write", description: "The least permission on the repository needed to accept or revoke." },
        allowAuthor: { type: "boolean", default: false, description: "Whether a pull request's author may accept their own pull request." },
      },
      default: {},
    },
    comments: {
      type: "object",
      additionalProperties: false,
      properties: {
        sticky: {
          enum: ["auto", "on", "off"],
          default: "auto",
          description: "A comment with the split plan when a pull request first goes over the limit, edited in place afterwards. auto: on in block mode.",
        },
      },
      default: {},
    },
    push: {
      type: "object",
      additionalProperties: false,
      description: "A check run on each commit pushed to the default branch (and to `branches`), measured against its first parent.",
      properties: {
        enabled: { type: "boolean", default: true },
        branches: { ...globList, default: [], description: "Branches besides the default one whose pushes are measured (globs)." },
        maxCommits: { type: "integer", minimum: 1, maximum: 100, default: 20, description: "The newest commits of a push that are measured; the newest one's check says how many were left out." },
      },
      default: {},
    },
    fixes: {
      type: "object",
      additionalProperties: false,
      description: "Suggested changes for the Python 2 constructs a pull request adds, posted as one review that reviewers apply with a click.",
      properties: {
        target: {
          enum: ["compatible", "python3"],
          default: "compatible",
          description: "compatible: code that runs on Python 2.7 and 3 (six, __future__), as python-modernize writes it; python3: Python 3 alone, as 2to3 writes it.",
        },
        suggestions: {
          enum: ["auto", "command", "off"],
          default: "command",
          description: "auto: a review after each check that finds fixable regressions; command: on `/small-steps fix`; off: never.",
        },
        maxSuggestions: { type: "integer", minimum: 1, maximum: 50, default: 20, description: "Suggested changes in one review; the rest are listed in its body." },
      },
      default: {},
    },
    dashboard: {
      type: "object",
      additionalProperties: false,
      description: "One issue that shows how much of the migration is left, updated on pushes to the default branch.",
      properties: {
        enabled: { type: "boolean", default: false },
        title: { type: "string", minLength: 1, maxLength: 200, default: "small-steps: migration dashboard" },
        minIntervalMinutes: { type: "integer", minimum: 0, default: 10, description: "At most one update in this many minutes (the first is never held back)." },
        maxBytes: { type: "integer", minimum: 1, default: 200 * 1024 * 1024, description: "The most of the repository's tarball read per update; the dashboard says when it stopped there." },
        depth: { type: "integer", minimum: 1, maximum: 5, default: 1, description: "Folder depth of the by-folder table." },
        importNames: {
          type: "object",
          additionalProperties: { ...nameList, minItems: 1, maxItems: 20 },
          maxProperties: 500,
          default: {},
          description: "Distribution → the modules it provides, where they differ from its name (beyond the built-in table: PyYAML → yaml, …).",
        },
      },
      default: {},
    },
    campaign: {
      type: "object",
      additionalProperties: false,
      description: "Fix pull requests opened from the dashboard: tick a batch and the app opens it (needs the dashboard, and contents and pull requests write access).",
      properties: {
        enabled: { type: "boolean", default: false },
        maxLines: { type: "integer", minimum: 1, description: "Counted lines a batch stays within. Default: just under the bound of `limit` (499 for L)." },
        maxFiles: { type: "integer", minimum: 1, maximum: 300, default: 30, description: "Files a batch touches at most." },
        maxOpen: { type: "integer", minimum: 1, maximum: 50, default: 3, description: "Fix pull requests open at once; further ticks wait." },
        perHour: { type: "integer", minimum: 1, maximum: 60, default: 2, description: "Fix pull requests opened in any hour at most; further ticks wait." },
        automatic: { type: "boolean", default: false, description: "When a fix pull request is merged, open the next batch without a tick (up to maxOpen)." },
        verifiedCommits: { type: "boolean", default: false, description: "Have GitHub make the commits (GraphQL createCommitOnBranch), signed and shown as verified: for branch protection that requires signed commits." },
      },
      default: {},
    },
  },
} as const;

/** Every id the python3 pack reports: its rules, and one per renamed module (`module-urllib2`) besides `module` itself. */
const PYTHON3_RULE_IDS: ReadonlySet<string> = new Set([...OLD_CONSTRUCT_RULES.map((r) => r.id), MODULE_RULE_ID, ...Object.keys(RENAMED_MODULES).map((m) => `${MODULE_RULE_ID}-${m}`)]);

/** The keys the schema allows where an unknown one was found (`#/properties/migration/additionalProperties`). */
function keysAt(schemaPath: string): string[] {
  let node: unknown = CONFIG_SCHEMA;
  for (const segment of schemaPath.replace(/^#\//, "").split("/").slice(0, -1)) node = (node as Record<string, unknown> | undefined)?.[segment];
  const properties = (node as { properties?: Record<string, unknown> } | undefined)?.properties;
  return properties ? Object.keys(properties) : [];
}

/** Edit distance (insertions, deletions, substitutions), for "did you mean": ids are short, so the table is small. */
function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = current;
  }
  return previous[b.length];
}

/** The known name nearest to a mistyped one, if it is near enough to be what was meant. */
export function nearest(name: string, known: Iterable<string>): string | undefined {
  if (name.length > 100) return undefined;
  let best: string | undefined;
  // Near enough: one edit in four characters (one at least), so that a short unknown key is not matched to anything.
  let bestDistance = Math.max(1, Math.floor(name.length / 4)) + 1;
  for (const candidate of known) {
    const d = distance(name, candidate);
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  return best;
}

export interface ConfigProblem {
  path: string;
  message: string;
}

export type ConfigResult = { ok: true; config: Config } | { ok: false; problems: ConfigProblem[] };

// Compiled ahead of time by `npm run schema` (config-validator-source.ts): no Ajv to load or schema to compile at start.
const validateAgainstSchema = validateConfig as unknown as ValidateFunction;

function keyPath(error: ErrorObject): string {
  const segments = error.instancePath.split("/").slice(1).map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"));
  if (error.keyword === "additionalProperties") segments.push(String(error.params.additionalProperty));
  return segments.length ? segments.map((s, i) => (/^\d+$/.test(s) ? `[${s}]` : i ? `.${s}` : s)).join("") : "(top level)";
}

function describeError(error: ErrorObject): string {
  switch (error.keyword) {
    case "additionalProperties": {
      const near = nearest(String(error.params.additionalProperty), keysAt(error.schemaPath));
      return near ? `unknown key: did you mean \`${near}\`?` : "unknown key";
    }
    case "enum":
      return `expected one of ${(error.params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(", ")}`;
    case "type":
      return `expected ${error.params.type}`;
    case "minimum":
      return `expected at least ${error.params.limit}`;
    case "maximum":
      return `expected at most ${error.params.limit}`;
    case "minLength":
      return "expected a non-empty string";
    case "required":
      return `missing the required key \`${error.params.missingProperty}\``;
    case "uniqueItems":
      return "expected no repeated items";
    case "minItems":
      return `expected at least ${count(error.params.limit, "item")}`;
    case "maxLength":
      return `expected at most ${error.params.limit} characters`;
    case "maxItems":
      return `expected at most ${count(error.params.limit, "item")}`;
    case "maxProperties":
      return `expected at most ${count(error.params.limit, "entry")}`;
    default:
      return `expected a value that ${error.message ?? "is valid"}`;
  }
}

/** Validate a parsed config (null for no file) and fill in the defaults. Never throws. */
export function resolveConfig(raw: unknown): ConfigResult {
  // No file: the schema's defaults, as the validator fills them into {} (`npm run schema` writes them; a test compares).
  if (raw === null || raw === undefined) return { ok: true, config: structuredClone(CONFIG_DEFAULTS) as unknown as Config };
  const candidate = structuredClone(raw);
  if (typeof candidate !== "object" || Array.isArray(candidate)) {
    return { ok: false, problems: [{ path: "(top level)", message: "expected a mapping of keys to values" }] };
  }
  if (!validateAgainstSchema(candidate)) {
    return { ok: false, problems: (validateAgainstSchema.errors ?? []).map((e) => ({ path: keyPath(e), message: describeError(e) })) };
  }
  const config = candidate as unknown as Config;
  const problems: ConfigProblem[] = [];
  for (const [key, bounds] of [["thresholds", config.thresholds], ["thresholds.files", config.thresholds.files]] as const) {
    for (let i = 1; i < sizeClassNames.length; i++) {
      const [lower, upper] = [sizeClassNames[i - 1], sizeClassNames[i]];
      if (bounds[upper] <= bounds[lower]) problems.push({ path: `${key}.${upper}`, message: `expected more than ${key}.${lower} (${bounds[lower]})` });
    }
  }
  problems.push(...compileCustomPacks(config.migration.custom).problems);
  // A rule id the pack does not have (a typo) would leave the rule on in silence: an error, with the nearest id.
  config.migration.python3.disable.forEach((id, i) => {
    if (PYTHON3_RULE_IDS.has(id)) return;
    const near = nearest(id, PYTHON3_RULE_IDS);
    problems.push({ path: `migration.python3.disable[${i}]`, message: `no python3 rule is called ${JSON.stringify(id)}${near ? `: did you mean ${JSON.stringify(near)}?` : ""}` });
  });
  // Globs are compiled to RE2 programs: a glob that is invalid, or uses what cannot match in linear time, is an error.
  const globs: Array<[string, readonly string[]]> = [
    ["exclude", config.exclude.map((g) => (g.startsWith("!") ? g.slice(1) : g))],
    ["branches", config.branches],
    ["push.branches", config.push.branches],
    ...config.migration.custom.map((c, i): [string, readonly string[]] => [`migration.custom[${i}].files`, c.files]),
    ...config.weights.paths.map((w, i): [string, readonly string[]] => [`weights.paths[${i}].files`, w.files]),
    ["migration.done", config.migration.done.map(doneGlob)],
  ];
  for (const [key, list] of globs) {
    list.forEach((glob, i) => {
      const problem = globProblem(glob);
      if (problem) problems.push({ path: `${key}[${i}]`, message: `the glob ${JSON.stringify(glob)} ${problem}` });
    });
  }
  return problems.length ? { ok: false, problems } : { ok: true, config };
}

/** How the size check measures under a config: its thresholds (lines and files), weights and deletion weight. */
export function sizeOptionsOf(config: Config): SizeOptions {
  return { thresholds: config.thresholds, fileThresholds: config.thresholds.files, pathWeights: config.weights.paths, quietWeights: config.weights, deletionWeight: config.deletionWeight };
}

export function defaultConfig(): Config {
  const result = resolveConfig({});
  if (!result.ok) throw new Error("the built-in defaults do not validate");
  return result.config;
}

/** Merge configs, most general first: mappings merge key by key, lists and values are replaced. */
export function mergeConfigs(configs: readonly unknown[]): unknown {
  const isMapping = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
  return configs.reduce<unknown>((merged, next) => {
    if (!isMapping(merged) || !isMapping(next)) return next ?? merged;
    const result: Record<string, unknown> = { ...merged };
    for (const [key, value] of Object.entries(next)) result[key] = key in merged ? mergeConfigs([merged[key], value]) : value;
    return result;
  }, null);
}
