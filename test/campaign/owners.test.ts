import { codeOwners } from "../../src/campaign/owners.js";
import { campaignBatches } from "../../src/campaign/batches.js";
import { renderCampaign } from "../../src/campaign/task-list.js";
import { emptyCampaign } from "../../src/campaign/record.js";
import { resolveConfig, type Config } from "../../src/policy/config.js";

const config = (): Config => {
  const result = resolveConfig({});
  if (!result.ok) throw new Error("defaults");
  return result.config;
};

describe("CODEOWNERS, as GitHub reads it", () => {
  const owners = codeOwners(
    [
      "# the whole repository",
      "*                 @org/everyone",
      "*.py              @org/python   # every Python file",
      "/app/             @org/app",
      "docs/             @org/docs",
      "lib/vendor/**     @org/vendor",
      "/scripts/run.py",
      "!ignored.py       @nobody",
      "[a-z].py          @org/letters   # ranges: not supported by GitHub, skipped",
    ].join("\n"),
  );

  test.each([
    ["README.md", "@org/everyone"],
    ["tools/x.py", "@org/python"],
    ["app/views.py", "@org/app"], // an anchored folder: its files at any depth
    ["app/sub/deep.py", "@org/app"],
    ["src/app/views.py", "@org/python"], // /app/ is anchored to the top
    ["docs/guide.md", "@org/docs"], // docs/ unanchored: any docs folder
    ["src/docs/x.md", "@org/docs"],
    ["lib/vendor/a/b.py", "@org/vendor"],
    ["scripts/run.py", undefined], // a pattern without owners: no owner
  ])("%s → %s", (path, expected) => expect(owners(path)).toBe(expected));

  test("a file with no CODEOWNERS line has no owner; a very long or unreadable file costs bounded work", () => {
    expect(codeOwners("docs/ @a\n")("app/x.py")).toBeUndefined();
    const many = codeOwners(Array.from({ length: 20_000 }, (_, i) => `dir${i}/ @t${i}`).join("\n"));
    expect(many("dir10/x.py")).toBe("@t10");
    expect(many("dir15000/x.py")).toBeUndefined(); // past the lines read
    expect(codeOwners("a/@(b|c)/ @x\n*.py @y")("a/b/c.py")).toBe("@y"); // an extended glob is skipped, not a crash
    expect(codeOwners("{a,b}/ @braces\n")("a/x.py")).toBeUndefined(); // braces are literal
    expect(codeOwners("{a,b}/ @braces\n")("{a,b}/x.py")).toBe("@braces");
  });
});

describe("batches by owner", () => {
  test("with CODEOWNERS, one owner's files make one batch across folders; files without an owner stay by folder", () => {
    const texts = new Map([["app/a.py", 'print "a"\n'], ["lib/b.py", 'print "b"\n'], ["tools/c.py", 'print "c"\n']]);
    const files = [...texts.keys()].map((path) => ({ path, count: 1, rules: { "print-statement": 1 } }));
    const owners = codeOwners("app/ @org/web\nlib/ @org/web\n");
    const batches = campaignBatches({ filesWithRemaining: files, remaining: { total: 3, byRule: { "print-statement": 3 }, byFolder: {} } }, texts, { config: config(), gitattributes: [], wanted: 5, owners });
    expect(batches.map((b) => [b.id, b.paths, b.branch])).toEqual([
      ["print-statement owner @org/web", ["app/a.py", "lib/b.py"], expect.stringMatching(/^small-steps\/fix\/print-statement\/owners\/org\/web-[0-9a-f]{8}$/)],
      ["print-statement tools", ["tools/c.py"], "small-steps/fix/print-statement/tools"],
    ]);
    const section = renderCampaign({ record: { ...emptyCampaign(), listed: batches }, config: config(), pullUrl: (n) => `u/${n}` });
    expect(section).toContain("- [ ] `print-statement` in the files of `@org/web`: 2 fixes in 2 files");
  });
});
