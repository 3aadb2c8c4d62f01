import { branchFor, campaignBatches } from "../../src/campaign/batches.js";
import { emptyCampaign, parseCampaignRecord } from "../../src/campaign/record.js";
import { CAMPAIGN_END, CAMPAIGN_START, newlyTicked, renderCampaign, tickedIn, withCampaignSection } from "../../src/campaign/task-list.js";
import { withDoneFolder, folderGlob } from "../../src/app/campaign-pulls.js";
import { resolveConfig, type Config } from "../../src/policy/config.js";
import { fixPython } from "../../src/fix/python3-fixes.js";
import { parse } from "yaml";

const config = (raw: Record<string, unknown> = {}): Config => {
  const result = resolveConfig(raw);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.config;
};

const batch = (rule: string, folder: string, paths: string[]) => ({ id: `${rule} ${folder}`, rule, folder, paths, fixes: paths.length, lines: 4 * paths.length, sizeClass: "XS" as const, branch: branchFor("fix", rule, folder) });

describe("the campaign's task list", () => {
  const record = { ...emptyCampaign(), listed: [batch("print-statement", "app", ["app/a.py"]), batch("has-key", "odd -- name", ["odd -- name/x.py"])] };
  const body = (section: string) => `headline\n\n${section}\n\n### Burn-down\n- [x] a person's own task <!-- small-steps:batch has%2Dkey%20app -->`;
  const pullUrl = (n: number) => `https://github.com/o/r/pull/${n}`;

  test("one unticked box per listed batch, with its command; ticks are read back by id, only inside the section", () => {
    const section = renderCampaign({ record, config: config(), pullUrl });
    expect(section.startsWith(CAMPAIGN_START) && section.endsWith(CAMPAIGN_END)).toBe(true);
    expect(section).toContain("- [ ] `print-statement` in `app/`: 1 fix in 1 file, 4 counted lines (XS). Same change in a clone: `small-steps fix app/a.py --rules print-statement --write`");
    expect(section).not.toMatch(/<!-- [^>]*--[^>]*-->.*<!--/); // the folder's `--` never ends a marker early
    expect(tickedIn(body(section))).toEqual(new Set());
    const ticked = body(section).replace("- [ ] `has-key`", "- [x] `has-key`");
    expect(tickedIn(ticked)).toEqual(new Set(["has-key odd -- name"])); // the box outside the section is not one
    expect(newlyTicked(body(section), ticked)).toEqual(["has-key odd -- name"]);
    expect(newlyTicked(ticked, body(section))).toEqual([]); // an untick asks for nothing
  });

  test("states: open (ticked, linked), waiting (with why), declined (unticked, proposed again by a tick), merged (no box)", () => {
    const view = {
      ...record,
      listed: [...record.listed, batch("xrange", "lib", ["lib/l.py"])],
      pulls: { "print-statement app": { number: 7, url: "", state: "open" as const, branch: "b" }, "xrange lib": { number: 8, url: "", state: "declined" as const, branch: "b" }, "apply tools": { number: 9, url: "", state: "merged" as const, branch: "b" } },
      waiting: ["has-key odd -- name"],
    };
    const section = renderCampaign({ record: view, config: config({ fixes: { target: "python3" } }), pullUrl, waitingBecause: "3 fix pull requests open" });
    expect(section).toContain("- [x] `print-statement` in `app/`: 1 fix in 1 file, 4 counted lines (XS): [#7](https://github.com/o/r/pull/7) open");
    expect(section).toContain(": waiting (3 fix pull requests open)");
    expect(section).toMatch(/- \[ \] `xrange` in `lib\/`.*declined \(\[#8\]/);
    expect(section).toContain("- `apply` in `tools/`: [#9](https://github.com/o/r/pull/9) merged");
    expect([...tickedIn(section)].sort()).toEqual(["has-key odd -- name", "print-statement app"]);
  });

  test("the section replaces the previous one, or goes after the headline", () => {
    const first = withCampaignSection("headline\n\nrest", `${CAMPAIGN_START}\nA\n${CAMPAIGN_END}`);
    expect(first).toBe(`headline\n\n${CAMPAIGN_START}\nA\n${CAMPAIGN_END}\n\nrest`);
    expect(withCampaignSection(first, `${CAMPAIGN_START}\nB $& $1\n${CAMPAIGN_END}`)).toBe(`headline\n\n${CAMPAIGN_START}\nB $& $1\n${CAMPAIGN_END}\n\nrest`);
  });

  test("a record edited by hand gives what can be read, and drops branches outside small-steps/", () => {
    const parsed = parseCampaignRecord({ listed: [{ ...batch("a", "b", ["b/c.py"]), branch: "main" }, batch("a", "d", ["d/e.py"]), "junk"], pulls: { x: { number: "1" }, y: { number: 2, state: "open", branch: "z", url: 5 } }, waiting: [1, "y"], merges: -3, done: { app: { sha: "abc", date: "2026-01-01", pull: 4 } } });
    expect(parsed.listed.map((b) => b.folder)).toEqual(["d"]);
    expect(Object.keys(parsed.pulls)).toEqual(["y"]);
    expect(parsed.waiting).toEqual(["y"]);
    expect(parsed.merges).toBe(0);
    expect(parsed.done.app).toEqual({ sha: "abc", date: "2026-01-01", pull: 4, url: "" });
    expect(parseCampaignRecord("nonsense")).toEqual(emptyCampaign());
  });
});

describe("branch names", () => {
  test.each([
    ["print-statement", "app", "small-steps/fix/print-statement/app"],
    ["print-statement", ".", "small-steps/fix/print-statement/top"],
    ["has-key", "src/pkg", "small-steps/fix/has-key/src/pkg"],
  ])("%s in %s → %s", (rule, folder, expected) => expect(branchFor("fix", rule, folder)).toBe(expected));

  test("a folder git would refuse as a branch name is made safe, and two such folders stay apart", () => {
    const names = ["a b", "a~b", ".hidden", "x..y", "end.lock", "a:b?c*[d]\\e^"].map((f) => branchFor("fix", "r", f));
    for (const name of names) {
      expect(name).toMatch(/^small-steps\/fix\/r\/[A-Za-z0-9_./-]+$/);
      expect(name).not.toMatch(/\.\.|\/\.|\.lock$|\.$|\/\//);
    }
    expect(new Set(names).size).toBe(names.length);
    expect(branchFor("fix", "r", "a b")).not.toBe(branchFor("fix", "r", "a-b"));
  });
});

describe("campaign batches", () => {
  const texts = new Map<string, string>();
  const files: Array<{ path: string; count: number; rules: Record<string, number> }> = [];
  for (let i = 0; i < 5; i++) {
    const path = `app/m${i}.py`;
    texts.set(path, `def f${i}(d):\n    print "x"\n    return d.has_key("k")\n`);
    files.push({ path, count: 2, rules: { "print-statement": 1, "dict-has_key": 1 } });
  }
  texts.set("lib/one.py", 'print "y"\n');
  files.push({ path: "lib/one.py", count: 1, rules: { "print-statement": 1 } });
  const scan = { filesWithRemaining: files, remaining: { total: 11, byRule: { "print-statement": 6, "dict-has_key": 5 }, byFolder: { app: 10, lib: 1 } } };

  test("one rule in one folder per batch, the rule with most left first; each file's text fixed by that rule alone", () => {
    const batches = campaignBatches(scan, texts, { config: config(), gitattributes: [], wanted: 10 });
    expect(batches.map((b) => b.id)).toEqual(["print-statement app", "print-statement lib", "dict-has_key app"]);
    expect(batches[0]).toMatchObject({ paths: ["app/m0.py", "app/m1.py", "app/m2.py", "app/m3.py", "app/m4.py"], fixes: 5, lines: 15, sizeClass: "S", branch: "small-steps/fix/print-statement/app" });
    expect(batches[0].command).toBe("small-steps fix app/m0.py app/m1.py app/m2.py app/m3.py app/m4.py --rules print-statement --write");
    // The batch is what fixPython makes with the one rule (each file: the print, and the __future__ import it needs); has_key waits for its own batch.
    expect(fixPython(texts.get("app/m0.py")!, new Set(["print-statement"]), "compatible").text).toContain("d.has_key");
  });

  test("bounded by campaign.maxFiles and campaign.maxLines, by `wanted`, and skipping open batches", () => {
    expect(campaignBatches(scan, texts, { config: config({ campaign: { maxFiles: 2 } }), gitattributes: [], wanted: 10 })[0].paths).toEqual(["app/m0.py", "app/m1.py"]);
    const lines = campaignBatches(scan, texts, { config: config({ campaign: { maxLines: 7 } }), gitattributes: [], wanted: 10 });
    expect(lines[0].paths).toEqual(["app/m0.py", "app/m1.py"]);
    expect(lines[0].lines).toBeLessThanOrEqual(7);
    expect(campaignBatches(scan, texts, { config: config(), gitattributes: [], wanted: 1 })).toHaveLength(1);
    expect(campaignBatches(scan, texts, { config: config(), gitattributes: [], wanted: 10, skip: new Set(["print-statement app"]) }).map((b) => b.id)).toEqual(["print-statement lib", "dict-has_key app"]);
  });

  test("rules with no fix for the target, and files whose text was not kept, make no batch", () => {
    const onlyLib = new Map([["lib/one.py", texts.get("lib/one.py")!]]);
    expect(campaignBatches(scan, onlyLib, { config: config(), gitattributes: [], wanted: 10 }).map((b) => b.id)).toEqual(["print-statement lib"]);
    const unfixable = { ...scan, filesWithRemaining: [{ path: "lib/one.py", count: 1, rules: { "no-such-rule": 1 } }] };
    expect(campaignBatches(unfixable, texts, { config: config(), gitattributes: [], wanted: 10 })).toEqual([]);
  });
});

describe("the ratchet's config edit", () => {
  const entry = { files: "app/**", commit: "abcdef123456", date: "2026-12-05" };

  test("adds the folder to migration.done, keeping comments and the rest of the file", () => {
    const text = "# our policy\nmode: warn # for now\nmigration:\n  regressions: default\n";
    const edited = withDoneFolder(text, entry)!;
    expect(edited.startsWith("# our policy\nmode: warn # for now\n")).toBe(true);
    expect(parse(edited)).toEqual({ mode: "warn", migration: { regressions: "default", done: [entry] } });
    expect(resolveConfig(parse(edited)).ok).toBe(true);
    const again = withDoneFolder(edited, { ...entry, files: "lib/**" })!;
    expect(parse(again).migration.done.map((e: { files: string }) => e.files)).toEqual(["app/**", "lib/**"]);
    expect(withDoneFolder(again, entry)).toBeUndefined(); // listed already
  });

  test("no file yet: a new one; a file that does not parse: left alone", () => {
    expect(parse(withDoneFolder(undefined, entry)!)).toEqual({ migration: { done: [entry] } });
    expect(withDoneFolder("a: [unclosed\n", entry)).toBeUndefined();
  });

  test("a folder's glob escapes what globs would read as patterns", () => {
    expect(folderGlob("app")).toBe("app/**");
    expect(folderGlob(".")).toBe("*");
    expect(folderGlob("a[1]*")).toBe("a\\[1\\]\\*/**");
  });
});

describe("bounded work", () => {
  test("a tree whose fixes never fit stops after MAX_FIX_ATTEMPTS files, with no batch", () => {
    const texts = new Map<string, string>();
    const files = [];
    for (let i = 0; i < 1200; i++) {
      const path = `f${i}/m.py`; // one folder each: 1,200 groups
      texts.set(path, 'print "x"\n');
      files.push({ path, count: 1, rules: { "print-statement": 1 } });
    }
    let fixed = 0;
    const counting = new Map([...texts].map(([p, t]) => [p, t]));
    const spy = new Proxy(counting, { get: (target, key) => (key === "get" ? (p: string) => (fixed++, target.get(p)) : Reflect.get(target, key).bind?.(target) ?? Reflect.get(target, key)) });
    const batches = campaignBatches({ filesWithRemaining: files, remaining: { total: 1200, byRule: {}, byFolder: {} } }, spy as Map<string, string>, { config: config({ campaign: { maxLines: 1 } }), gitattributes: [], wanted: 8 });
    expect(batches).toEqual([]);
    expect(fixed).toBe(1000);
  });
});
