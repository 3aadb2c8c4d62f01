import type { ChangedFile } from "../../src/analysis/changed-file.js";
import { compileCustomPacks } from "../../src/analysis/custom-pack.js";
import { parseHunks } from "../../src/analysis/hunks.js";
import { literalOf, measureSchemaMigrations, SCHEMA_PRESETS, type SchemaPreset } from "../../src/analysis/schema-migrations.js";
import type { FileMeasure } from "../../src/analysis/size.js";

const measure = (path: string, countedLines = 10) => ({ path, countedLines }) as FileMeasure;
const ALL = Object.keys(SCHEMA_PRESETS) as SchemaPreset[];

describe("schema migrations by framework (table)", () => {
  test.each<[SchemaPreset, string, string]>([
    ["django", "shop/migrations/0042_add_price.py", "shop/migrations/helpers.py"],
    ["alembic", "db/alembic/versions/1a2b_add.py", "db/alembic/env.py"],
    ["alembic", "app/migrations/versions/1a2b_add.py", "app/migrations/script.py.mako"],
    ["rails", "db/migrate/20260101000000_add.rb", "db/seeds.rb"],
    ["rails", "engines/billing/db/migrate/20260101_add.rb", "engines/billing/db/schema.rb"],
    ["prisma", "prisma/migrations/20260101_init/migration.sql", "prisma/schema.prisma"],
    ["flyway", "src/main/resources/db/migration/V2__add.sql", "src/main/resources/db/migration/notes.sql"],
    ["flyway", "ops/flyway/sql/V3__x.sql", "ops/flyway/conf/flyway.conf"],
    ["liquibase", "src/db/changelog/2026/01-add.yaml", "src/db/changelog/README.md"],
    ["liquibase", "src/db.changelog-master.xml", "src/db.xml"],
    ["knex", "server/migrations/20260101120000_add.ts", "server/migrations/knexfile.ts"],
    ["typeorm", "src/migrations/1700000000000-AddPrice.ts", "src/migrations/AddPrice.ts"],
    ["typeorm", "src/migration/1700000000000-AddPrice.ts", "src/migration/index.ts"],
    ["django", ".apps/shop/migrations/0001_initial.py", ".apps/shop/models.py"],
  ])("%s: %s is one, %s is not", (preset, migration, other) => {
    const result = measureSchemaMigrations([measure(migration, 7), measure(other, 3)], [preset], 0);
    expect(result.files).toEqual([{ path: migration, preset }]);
    expect(result).toMatchObject({ lines: 7, otherLines: 3, mixed: true });
    // Only the presets the config names are looked for.
    expect(measureSchemaMigrations([measure(migration)], ALL.filter((p) => p !== preset), 0).files.map((f) => f.preset)).not.toContain(preset);
  });

  test.each([
    ["**/migrations/[0-9][0-9][0-9][0-9]_*.py", "migrations/"],
    ["db/migrate/*.rb", "db/migrate/"],
    ["**/db/migration/[VRU]*__*.sql", "db/migration/"],
    ["**/db.changelog*.{xml,yaml,yml,json,sql}", "db.changelog"],
    ["**/prisma/migrations/*/migration.sql", "prisma/migrations/"],
    ["*.py", ".py"],
    ["ab*cd", "ab"],
  ])("the text every path %s matches contains: %j", (glob, literal) => expect(literalOf(glob)).toBe(literal));

  test("every preset's glob has a literal text long enough to pass most paths over", () => {
    for (const globs of Object.values(SCHEMA_PRESETS)) for (const glob of globs) expect(literalOf(glob).length).toBeGreaterThan(6);
  });

  test("mixed only past the tolerance of other lines, and only with a migration in it", () => {
    const files = [measure("shop/migrations/0001_initial.py", 50), measure("shop/views.py", 20)];
    expect(measureSchemaMigrations(files, ["django"], 20).mixed).toBe(false);
    expect(measureSchemaMigrations(files, ["django"], 19).mixed).toBe(true);
    expect(measureSchemaMigrations([measure("shop/views.py", 500)], ["django"], 0)).toEqual({ files: [], lines: 0, otherLines: 500, mixed: false });
    expect(measureSchemaMigrations(files, [], 0)).toEqual({ files: [], lines: 0, otherLines: 70, mixed: false });
  });

  test("the first preset that matches names the file", () => {
    const [hit] = measureSchemaMigrations([measure("x/migrations/versions/abc.py")], ["django", "alembic"], 0).files;
    expect(hit).toEqual({ path: "x/migrations/versions/abc.py", preset: "alembic" });
  });
});

const file = (path: string, patch: string): { file: ChangedFile; hunks: ReturnType<typeof parseHunks> } => ({
  file: { path, status: "modified", additions: 0, deletions: 0, binary: false, patch },
  hunks: parseHunks(patch),
});

describe("custom migration packs from config", () => {
  const spec = { name: "jquery", files: ["*.js", "web/**/*.ts"], old: ["\\$\\.ajax\\(", "\\.live\\("], new: ["fetch\\("] };

  test("which files a pack reads: a glob without a slash matches the file name anywhere", () => {
    const [pack] = compileCustomPacks([spec]).packs;
    expect(["app.js", "deep/dir/app.js", ".hidden/app.js", "web/a/b.ts"].map(pack.appliesTo)).toEqual([true, true, true, true]);
    expect(["app.ts", "webx/a.ts", "app.jsx"].map(pack.appliesTo)).toEqual([false, false, false]);
    expect([".eslintrc.js", "web/.storybook/main.ts"].map(pack.appliesTo)).toEqual([true, true]);
  });

  test("patterns see the line without its +/- sign; any one of the new patterns marks migration work", () => {
    const [pack] = compileCustomPacks([{ name: "log", files: ["*.py"], old: ["^import logging_old"], new: ["^import logging$", "structlog"] }]).packs;
    const { file: f, hunks } = file("a.py", "@@ -1,2 +1,3 @@\n-import logging_old\n+import logging\n+log = structlog.get()\n x\n");
    expect(pack.classify(f, hunks)[0].map((v) => v?.lineClass)).toEqual(["migration", "migration", "migration", undefined]);
  });

  test("removed old lines are migration work, added old lines regressions, added new lines migration, others other", () => {
    const [pack] = compileCustomPacks([spec]).packs;
    const { file: f, hunks } = file("app.js", "@@ -1,4 +1,4 @@\n keep()\n-$.ajax(url)\n-x = 1\n+fetch(url)\n+$('a').live('click')\n+y = 2\n");
    const [verdicts] = pack.classify(f, hunks);
    expect(verdicts[0]).toBeUndefined();
    expect(verdicts[1]).toEqual({ lineClass: "migration", rule: { id: "jquery/old", message: "jquery: this is what the migration removes; use the replacement." }, removesOldConstruct: true });
    expect(verdicts[2]).toEqual({ lineClass: "other" });
    expect(verdicts[3]).toEqual({ lineClass: "migration" });
    expect(verdicts[4]).toEqual({ lineClass: "regression", rule: { id: "jquery/old", message: "jquery: this is what the migration removes; use the replacement." } });
    expect(verdicts[5]).toEqual({ lineClass: "other" });
  });

  test("the message: the config's own, else one that mentions a replacement only when there is one", () => {
    const withMessage = compileCustomPacks([{ ...spec, message: "Use fetch()." }]).packs[0];
    const noReplacement = compileCustomPacks([{ ...spec, new: [] }]).packs[0];
    const { file: f, hunks } = file("a.js", "@@ -0,0 +1 @@\n+$.ajax(u)\n");
    expect(withMessage.classify(f, hunks)[0][0]?.rule?.message).toBe("Use fetch().");
    expect(noReplacement.classify(f, hunks)[0][0]?.rule?.message).toBe("jquery: this is what the migration removes.");
  });

  test("scan finds the old lines of a whole file, 1-based, across line endings", () => {
    const [pack] = compileCustomPacks([spec]).packs;
    expect(pack.scan("ok()\r\n$.ajax(a)\nb.live(c)\nfetch(d)\n")).toEqual([
      { line: 2, rule: "jquery/old" },
      { line: 3, rule: "jquery/old" },
    ]);
    expect(pack.scan("")).toEqual([]);
  });

  test("a bad pattern is a problem with its key path, and the pack keeps its good patterns", () => {
    const { packs, problems } = compileCustomPacks([spec, { name: "b", files: ["*.py"], old: ["ok", "(unclosed"], new: ["[z-a]"] }], "config.custom");
    expect(problems.map((p) => p.path)).toEqual(["config.custom[1].old[1]", "config.custom[1].new[0]"]);
    expect(problems[0].message).toMatch(/^not a valid RE2 pattern: /);
    expect(packs.map((p) => p.name)).toEqual(["jquery", "b"]);
    expect(packs[1].scan("ok\nno\n")).toEqual([{ line: 1, rule: "b/old" }]);
    expect(compileCustomPacks([spec]).problems).toEqual([]);
  });
});
