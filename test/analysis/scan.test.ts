import { addPoint, mermaidBurnDown, paceOf, type BurnDownPoint } from "../../src/analysis/scan/burn-down.js";
import { batchesOf } from "../../src/analysis/scan/batches.js";
import { importedModules, importNamesOf, importsAny } from "../../src/analysis/scan/imports.js";
import { folderOf, MAX_FILE_BYTES, scanBytes, scanReads, summariseScan } from "../../src/analysis/scan/scanner.js";
import { packsFor } from "../../src/engine.js";
import { defaultConfig } from "../../src/policy/config.js";

const point = (date: string, remaining: number, sha = date): BurnDownPoint => ({ date, sha, remaining });

describe("the burn-down", () => {
  test("one point per commit: the same commit again replaces its point", () => {
    const history = addPoint([point("2026-11-01", 10, "a")], point("2026-11-02", 9, "b"));
    expect(addPoint(history, point("2026-11-03", 8, "b")).map((p) => p.remaining)).toEqual([10, 8]);
  });

  test("past the bound the densest points go, so that daily points added one by one stay evenly spread", () => {
    const day = (i: number) => new Date(Date.UTC(2026, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);
    let history: BurnDownPoint[] = [];
    for (let i = 0; i < 500; i++) history = addPoint(history, point(day(i), 1000 - i, `s${i}`), 200);
    expect(history).toHaveLength(200);
    expect(history[0].sha).toBe("s0");
    expect(history.at(-1)!.sha).toBe("s499");
    const gaps = history.slice(1).map((p, i) => Number(p.sha.slice(1)) - Number(history[i].sha.slice(1)));
    expect(Math.max(...gaps)).toBeLessThanOrEqual(4);
  });

  test.each([
    [[point("2026-11-01", 10)], { kind: "first" }],
    [[point("2026-11-01", 10), point("2026-11-15", 10)], { kind: "none" }],
    [[point("2026-11-01", 10), point("2026-11-15", 12)], { kind: "none" }],
    // 14 removed in 14 days: 7 a week; 28 left → 28 days later.
    [[point("2026-11-01", 42), point("2026-11-15", 28)], { kind: "progress", perWeek: 7, zeroOn: "2026-12-13" }],
    // Only the last four weeks count: the drop in October is older.
    [[point("2026-09-01", 500), point("2026-11-01", 100), point("2026-11-29", 100)], { kind: "none" }],
    [[point("2026-11-01", 100), point("2026-11-02", 99), point("2026-11-29", 72)], { kind: "progress", perWeek: 7, zeroOn: "2027-02-09" }],
  ] as const)("pace of %j", (history, pace) => {
    expect(paceOf(history)).toEqual(pace);
  });

  test("the first and the last point always stay; of equally dense points the earliest goes", () => {
    expect(addPoint([point("2026-11-01", 3, "a")], point("2026-11-02", 2, "b"), 1).map((p) => p.sha)).toEqual(["a", "b"]);
    const even = ["2026-11-01", "2026-11-02", "2026-11-03", "2026-11-04"].map((d, i) => point(d, 9 - i));
    expect(addPoint(even, point("2026-11-05", 5), 4).map((p) => p.date)).toEqual(["2026-11-01", "2026-11-03", "2026-11-04", "2026-11-05"]);
  });

  test.each([
    // The window is the last 28 days, both ends in: from 11-01, not from 11-15.
    [[point("2026-11-01", 100), point("2026-11-15", 90), point("2026-11-29", 72)], { kind: "progress", perWeek: 7, zeroOn: "2027-02-09" }],
    // Nothing else in the window: the point before the last.
    [[point("2026-10-01", 100), point("2026-11-29", 50)], { kind: "progress", perWeek: 5.9, zeroOn: "2027-01-27" }],
    // Two a day: 72 left take 36 days.
    [[point("2026-11-01", 100), point("2026-11-15", 72)], { kind: "progress", perWeek: 14, zeroOn: "2026-12-21" }],
    // Two scans on one day measure no pace.
    [[point("2026-11-01", 10, "a"), point("2026-11-01", 8, "b")], { kind: "none" }],
  ] as const)("pace of %j", (history, pace) => {
    expect(paceOf(history)).toEqual(pace);
  });

  test("the Mermaid chart has one x label and one value per point", () => {
    const chart = mermaidBurnDown([point("2026-11-01", 3), point("2026-11-02", 2)]);
    expect(chart).toBe('```mermaid\nxychart-beta\n  title "Old constructs remaining"\n  x-axis ["2026-11-01", "2026-11-02"]\n  y-axis "Remaining" 0 --> 3\n  line [3, 2]\n```');
    expect(mermaidBurnDown([point("2026-11-01", 0)])).toContain('y-axis "Remaining" 0 --> 1');
  });
});

describe("batches", () => {
  test("easiest first, each within the limit at two lines a construct; a file too big alone is its own batch", () => {
    const files = [
      { path: "c.py", count: 3 },
      { path: "b.py", count: 1 },
      { path: "a.py", count: 1 },
      { path: "big.py", count: 40 },
      { path: "none.py", count: 0 },
      { path: "d.py", count: 4 },
    ];
    expect(batchesOf(files, 10)).toEqual([
      { paths: ["a.py", "b.py", "c.py"], constructs: 5 },
      { paths: ["d.py"], constructs: 4 },
      { paths: ["big.py"], constructs: 40 },
    ]);
    expect(batchesOf(files, 9)).toEqual([
      { paths: ["a.py", "b.py"], constructs: 2 },
      { paths: ["c.py"], constructs: 3 },
      { paths: ["d.py"], constructs: 4 },
      { paths: ["big.py"], constructs: 40 },
    ]);
    expect(batchesOf([], 10)).toEqual([]);
  });
});

describe("import names", () => {
  test("the table, the config's additions, else the name with - read as _", () => {
    expect(importNamesOf("PyYAML")).toEqual(["yaml"]);
    expect(importNamesOf("python_dateutil")).toEqual(["dateutil"]);
    expect(importNamesOf("Flask-Login")).toEqual(["flask_login", "flask.login"]);
    expect(importNamesOf("acme-tools", { Acme_Tools: ["acme"] })).toEqual(["acme", "acme_tools", "acme.tools"]);
    // Namespace packages import dotted; renamed ones are in the table.
    expect(importNamesOf("google-cloud-storage")).toEqual(["google_cloud_storage", "google.cloud.storage"]);
    expect(importNamesOf("PyDispatcher")).toEqual(["pydispatch"]);
  });

  test("imports as written, dotted; relative imports and other lines are not", () => {
    const text = "import os, sys as system\nfrom google.protobuf import message\nfrom . import sibling\n    import yaml\nx = 'import fake'\nimport xml.etree.ElementTree as ET\n";
    expect(importedModules(text).sort()).toEqual(["google.protobuf", "google.protobuf.message", "os", "sys", "xml.etree.ElementTree", "yaml"]);
    expect(importedModules("from google.cloud import (storage, pubsub as ps)  # both\n").sort()).toEqual(["google.cloud", "google.cloud.pubsub", "google.cloud.storage"]);
    expect(importedModules("x = 1\n")).toEqual([]);
  });

  test("a module or one inside it counts as importing the package", () => {
    const modules = new Set(["google.protobuf.message", "PIL", "yamlish"]);
    expect(importsAny(modules, ["google.protobuf"])).toBe(true);
    expect(importsAny(modules, ["pil"])).toBe(true);
    expect(importsAny(modules, ["yaml"])).toBe(false);
    expect(importsAny(modules, ["protobuf"])).toBe(false);
    expect(importsAny(new Set(["yaml"]), ["yaml"])).toBe(true);
    expect(importsAny(new Set(["pil"]), ["PIL"])).toBe(true);
    expect(importsAny(new Set(), ["yaml"])).toBe(false);
  });

  test("a config addition applies to its own distribution only; a trailing comma names no module", () => {
    expect(importNamesOf("requests", { PyYAML: ["yaml"] })).toEqual(["requests"]);
    expect(importedModules("import a,\nimport b\n")).toEqual(["a", "b"]);
  });
});

describe("the per-file scan and the sums", () => {
  const packs = packsFor(defaultConfig());
  const bytes = (text: string) => new TextEncoder().encode(text);

  test("a file no pack reads is not a result; a manifest is kept; other files are scanned", () => {
    expect(scanBytes("README.md", bytes("print 'x'"), packs)).toEqual({});
    expect(scanBytes("requirements.txt", bytes("six\n"), packs)).toEqual({ manifest: { path: "requirements.txt", text: "six\n" } });
    const { file } = scanBytes("a/b.py", bytes('import six\nprint "x"\nprint "y"\n'), packs);
    expect(file).toMatchObject({ path: "a/b.py", lines: 3, rules: { "print-statement": { count: 2, line: 2 } }, imports: ["six"] });
    expect(scanBytes("c.py", new Uint8Array([0xff, 0xfe]), packs)).toEqual({ skip: { path: "c.py", reason: "not UTF-8" } });
    expect(scanBytes("d.py", new Uint8Array(1024 * 1024 + 1), packs).skip?.reason).toBe("over 1 MB (1024 KB)");
    expect(scanBytes("movie.mp4", new Uint8Array(2 * 1024 * 1024), packs)).toEqual({});
  });

  test("lines add up over the files; files, skips and manifests in path order; a name twice in one manifest lists it once", () => {
    const scans = ["b/two.py", "a/one.py"].map((path, i) => scanBytes(path, bytes("x = 1\n".repeat(i + 2)), packs).file!);
    const manifests = [
      { path: "requirements.txt", text: "six\nsix==1.0\n" },
      { path: "a/requirements.txt", text: "Six\n" },
    ];
    const skipped = [{ path: "z.py", reason: "not UTF-8" }, { path: "c.py", reason: "not UTF-8" }];
    const result = summariseScan(scans, manifests, skipped, { exclude: [], gitattributes: [], batchLines: 499, depth: 1 });
    expect(result.lines).toBe(5);
    expect(result.skipped.map((s) => s.path)).toEqual(["c.py", "z.py"]);
    expect(result.dependencies).toEqual([{ name: "Six", manifests: ["a/requirements.txt", "requirements.txt"], imported: false }]);
  });

  test("folders to a depth; files at the top are in .", () => {
    expect(folderOf("a.py", 1)).toBe(".");
    expect(folderOf("a/b/c/d.py", 2)).toBe("a/b");
    expect(folderOf("a/d.py", 3)).toBe("a");
  });

  test("the example of a rule is in the file with most of it; excluded files count for nothing", () => {
    const scans = ["x/one.py", "x/two.py", "vendor/v.py", "y/clean.py"].map((path, i) => scanBytes(path, bytes(i === 3 ? "x = 1\n" : `a = 1\n${'print "z"\n'.repeat(i + 1)}`), packs).file!);
    const result = summariseScan(scans, [], [], { exclude: [], gitattributes: [], batchLines: 499, depth: 1 });
    expect(result.files).toBe(3);
    expect(result.excluded).toBe(1);
    expect(result.examples["print-statement"]).toEqual({ path: "x/two.py", line: 2 });
    expect(result.filesByFolder).toEqual({ x: { files: 2, clean: 0 }, y: { files: 1, clean: 1 } });
    expect(result.remaining).toEqual({ total: 3, byRule: { "print-statement": 3 }, byFolder: { x: 3 } });
  });
});

describe("the scan's edges", () => {
  const packs = packsFor(defaultConfig());
  const bytes = (text: string) => new TextEncoder().encode(text);
  const options = { exclude: [], gitattributes: [], batchLines: 499, depth: 1 };

  test("which files the scan opens: a pack's files and the manifests", () => {
    expect(scanReads("a/b.py", packs)).toBe(true);
    expect(scanReads("requirements.txt", packs)).toBe(true);
    expect(scanReads("a/setup.py", [])).toBe(true);
    expect(scanReads("README.md", packs)).toBe(false);
    expect(scanReads("a/b.py", [])).toBe(false);
  });

  test("lines are counted as an editor shows them; exactly 1 MB is still scanned", () => {
    expect(scanBytes("e.py", bytes(""), packs).file?.lines).toBe(0);
    expect(scanBytes("f.py", bytes("a = 1"), packs).file?.lines).toBe(1);
    expect(scanBytes("g.py", bytes("a = 1\nb = 2\n"), packs).file?.lines).toBe(2);
    expect(scanBytes("h.py", bytes("\n\n"), packs).file?.lines).toBe(2);
    expect(scanBytes("i.py", new Uint8Array(MAX_FILE_BYTES).fill(0x20), packs).skip).toBeUndefined();
  });

  test("results are in path order whatever order the threads answered in; a rule's example is the first file with most of it", () => {
    const scans = ["z/b.py", "a/c.py", "m/a.py"].map((path) => scanBytes(path, bytes('print "x"\n'), packs).file!);
    const skipped = [{ path: "z.py", reason: "not UTF-8" }, { path: "b.py", reason: "not UTF-8" }];
    const result = summariseScan(scans, [], skipped, options);
    expect(result.filesWithRemaining.map((f) => f.path)).toEqual(["a/c.py", "m/a.py", "z/b.py"]);
    expect(result.skipped.map((f) => f.path)).toEqual(["b.py", "z.py"]);
    expect(result.examples["print-statement"]).toEqual({ path: "a/c.py", line: 1 });
  });

  test(".gitattributes of the tree and the config's globs decide late; vendored manifests are not declared dependencies", () => {
    const scans = ["gen/x.py", "app/y.py", "skip/z.py"].map((path) => scanBytes(path, bytes('print "x"\n'), packs).file!);
    const manifests = [
      { path: "services/b/requirements.txt", text: "Requests\nsix\n" },
      { path: "requirements.txt", text: "six==1.16\nattrs\n" },
      { path: "vendor/lib/requirements.txt", text: "leftpad\n" },
    ];
    const result = summariseScan(scans, manifests, [], { ...options, exclude: ["skip/**"], gitattributes: [{ path: ".gitattributes", text: "gen/** linguist-generated\n" }] });
    expect(result.files).toBe(1);
    expect(result.excluded).toBe(2);
    expect(result.dependencies).toEqual([
      { name: "attrs", manifests: ["requirements.txt"], imported: false },
      { name: "Requests", manifests: ["services/b/requirements.txt"], imported: false },
      { name: "six", manifests: ["requirements.txt", "services/b/requirements.txt"], imported: false },
    ]);
  });
});
