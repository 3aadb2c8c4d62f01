import { globMatcher, type GlobMatcher } from "./safe-glob.js";
import type { FileMeasure } from "./size.js";

/** Where each framework keeps its schema migrations. */
export const SCHEMA_PRESETS = {
  django: ["**/migrations/[0-9][0-9][0-9][0-9]_*.py"],
  alembic: ["**/alembic/versions/*.py", "**/migrations/versions/*.py"],
  rails: ["db/migrate/*.rb", "**/db/migrate/*.rb"],
  prisma: ["**/prisma/migrations/*/migration.sql"],
  flyway: ["**/db/migration/[VRU]*__*.sql", "**/flyway/**/*.sql"],
  liquibase: ["**/db/changelog/**/*.{xml,yaml,yml,json,sql}", "**/db.changelog*.{xml,yaml,yml,json,sql}"],
  knex: ["**/migrations/[0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]*_*.{js,ts,cjs,mjs}"],
  typeorm: ["**/migrations/[0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]*-*.ts", "**/migration/[0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]*-*.ts"],
} as const;

export type SchemaPreset = keyof typeof SCHEMA_PRESETS;

export interface SchemaMigrationMeasurement {
  files: Array<{ path: string; preset: SchemaPreset }>;
  /** Counted lines in schema migrations, and in everything else. */
  lines: number;
  otherLines: number;
  /** Schema migrations together with application code beyond the tolerance. */
  mixed: boolean;
}

/**
 * The longest run of a glob without wildcards, classes or alternatives, less a leading slash (a leading double
 * star and slash may match nothing): text every path the glob matches contains, so a path without it needs no match.
 */
export function literalOf(glob: string): string {
  const runs = glob.replace(/\[[^\]]*\]|\{[^}]*\}/g, "*").split(/[*?]/);
  return runs.reduce((longest, run) => (run.length > longest.length ? run : longest), "").replace(/^\//, "");
}

interface PresetGlob {
  preset: SchemaPreset;
  glob: string;
  literal: string;
}
const globsOf = (preset: SchemaPreset): PresetGlob[] => SCHEMA_PRESETS[preset].map((glob) => ({ preset, glob, literal: literalOf(glob) }));

/**
 * The presets' globs, each compiled the first time a path holds its literal text: most changes hold no schema
 * migration, and compiling every glob up front was a fixed cost of each command-line run.
 */
const compiled = new Map<string, GlobMatcher>();
function matches(glob: string, path: string): boolean {
  let matcher = compiled.get(glob);
  if (!matcher) compiled.set(glob, (matcher = globMatcher(glob)));
  return matcher(path);
}

export function measureSchemaMigrations(counted: readonly FileMeasure[], presets: readonly SchemaPreset[], tolerance: number): SchemaMigrationMeasurement {
  const matchers = presets.flatMap(globsOf);
  const files: SchemaMigrationMeasurement["files"] = [];
  let lines = 0;
  let otherLines = 0;
  for (const file of counted) {
    const hit = matchers.find((m) => file.path.includes(m.literal) && matches(m.glob, file.path));
    if (hit) {
      files.push({ path: file.path, preset: hit.preset });
      lines += file.countedLines;
    } else otherLines += file.countedLines;
  }
  return { files, lines, otherLines, mixed: files.length > 0 && otherLines > tolerance };
}
