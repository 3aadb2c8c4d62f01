import { Ajv, type ErrorObject } from "ajv";
import { DEFAULT_THRESHOLDS, SIZE_CLASSES, type SizeClass, type SizeThresholds } from "../analysis/size.js";

/** The repository's policy, read from `.github/small-steps.yml`. Every key is optional. */
export interface Config {
  mode: "warn" | "block";
  limit: Exclude<SizeClass, "XXL">;
  thresholds: SizeThresholds;
  deletionWeight: number;
  exclude: string[];
  branches: string[];
  drafts: "report" | "check";
  bots: "report" | "check";
  labels: { enabled: boolean; prefix: string };
}

const sizeClassNames = SIZE_CLASSES.filter((c) => c !== "XXL");

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
      properties: Object.fromEntries(
        sizeClassNames.map((c) => [c, { type: "integer", minimum: 1, default: DEFAULT_THRESHOLDS[c] }]),
      ),
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
      description: "Globs of files not to count (minimatch); a leading ! counts a file again. The last match wins.",
      type: "array",
      items: { type: "string", minLength: 1 },
      default: [],
    },
    branches: {
      description: "Base branches that get a verdict (globs). Empty: the repository's default branch.",
      type: "array",
      items: { type: "string", minLength: 1 },
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
  },
} as const;

export interface ConfigProblem {
  path: string;
  message: string;
}

export type ConfigResult = { ok: true; config: Config } | { ok: false; problems: ConfigProblem[] };

const ajv = new Ajv({ allErrors: true, useDefaults: true, strict: true });
const validate = ajv.compile(CONFIG_SCHEMA);

function keyPath(error: ErrorObject): string {
  const segments = error.instancePath.split("/").slice(1).map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"));
  if (error.keyword === "additionalProperties") segments.push(String(error.params.additionalProperty));
  return segments.length ? segments.map((s, i) => (/^\d+$/.test(s) ? `[${s}]` : i ? `.${s}` : s)).join("") : "(top level)";
}

function describeError(error: ErrorObject): string {
  switch (error.keyword) {
    case "additionalProperties":
      return "unknown key";
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
    case "maxLength":
      return `expected at most ${error.params.limit} characters`;
    default:
      return `expected a value that ${error.message ?? "is valid"}`;
  }
}

/** Validate a parsed config (null for no file) and fill in the defaults. Never throws. */
export function resolveConfig(raw: unknown): ConfigResult {
  const candidate = raw === null || raw === undefined ? {} : structuredClone(raw);
  if (typeof candidate !== "object" || Array.isArray(candidate)) {
    return { ok: false, problems: [{ path: "(top level)", message: "expected a mapping of keys to values" }] };
  }
  if (!validate(candidate)) {
    return { ok: false, problems: (validate.errors ?? []).map((e) => ({ path: keyPath(e), message: describeError(e) })) };
  }
  const config = candidate as unknown as Config;
  const problems: ConfigProblem[] = [];
  for (let i = 1; i < sizeClassNames.length; i++) {
    const [lower, upper] = [sizeClassNames[i - 1], sizeClassNames[i]];
    if (config.thresholds[upper] <= config.thresholds[lower]) {
      problems.push({ path: `thresholds.${upper}`, message: `expected more than thresholds.${lower} (${config.thresholds[lower]})` });
    }
  }
  return problems.length ? { ok: false, problems } : { ok: true, config };
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
