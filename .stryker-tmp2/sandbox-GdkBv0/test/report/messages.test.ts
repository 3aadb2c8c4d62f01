// @ts-nocheck
import { helpText } from "../../src/commands/parse.js";
import type { ChangedFile } from "../../src/analysis/changed-file.js";
import { evaluate, withAcceptance, type EngineInput } from "../../src/engine.js";
import { count, noun } from "../../src/plural.js";
import { defaultConfig, resolveConfig, type Config } from "../../src/policy/config.js";
import { renderExplanation, renderSplitPlan, renderSticky } from "../../src/report/comments.js";
import { renderConfigProblems, renderSummary } from "../../src/report/markdown.js";
import { patch } from "../helpers/patch.js";

const facts = { baseBranch: "main", defaultBranch: "main", draft: false, authorIsBot: false };
const config = (raw: Record<string, unknown>): Config => {
  const result = resolveConfig(raw);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.config;
};
const python = (path: string, lines: string[], status: ChangedFile["status"] = "modified"): ChangedFile => ({
  path,
  status,
  additions: lines.filter((l) => l.startsWith("+")).length,
  deletions: lines.filter((l) => l.startsWith("-")).length,
  binary: false,
  patch: patch(lines),
});

/** Counts of one everywhere: the case that turns "lines" into "1 lines". */
const ones: EngineInput = {
  files: [
    python("app/compat.py", ["-print 'x'", "+print('x')", "+y = unicode(z)", "+other = 1", "+more = 2", "+again = 3", "+last = 4"]),
    python("shop/migrations/0002_price.py", ["+x = 1"], "added"),
    { path: "yarn.lock", status: "modified", additions: 1, deletions: 0, binary: false },
    { path: "logo.png", status: "added", additions: 0, deletions: 0, binary: true },
  ],
  config: config({ mode: "block", limit: "XS", thresholds: { XS: 2, S: 3, M: 4, L: 5, XL: 6 } }),
  gitattributes: [],
  facts,
  dependencies: {
    changes: [
      { name: "oldlib", key: "oldlib", change: "added", python3: "no", manifest: "requirements.txt", line: 1, reason: "Python 2 only classifiers" },
      { name: "maybe", key: "maybe", change: "added", python3: "unknown", manifest: "requirements.txt", line: 2, reason: "the package index could not be reached" },
    ],
    problems: [],
  },
};

const many: EngineInput = {
  ...ones,
  files: [...ones.files, python("app/more.py", ["+a = unicode(b)", "+c = unicode(d)", ...Array.from({ length: 40 }, (_, i) => `+v${i} = ${i}`)])],
};

const empty: EngineInput = { files: [], config: defaultConfig(), gitattributes: [], facts };

/** Every kind of text the app or the command line posts, rendered from the fixtures above. */
function everyMessage(): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const [name, input] of [["ones", ones], ["many", many], ["empty", empty]] as const) {
    const evaluation = evaluate(input);
    const accepted = withAcceptance(evaluation, { by: "lead", reason: "rename", sizeClass: "XXL", sha: "a".repeat(40) });
    out.push([`${name} title`, evaluation.verdict.title], [`${name} summary`, renderSummary(evaluation)]);
    out.push([`${name} accepted summary`, renderSummary(accepted)], [`${name} explain`, renderExplanation(evaluation)], [`${name} split`, renderSplitPlan(evaluation)]);
    out.push([`${name} sticky over`, renderSticky(evaluation, "over")], [`${name} sticky accepted`, renderSticky(accepted, "accepted")], [`${name} sticky under`, renderSticky(evaluation, "under")]);
    out.push(...evaluation.verdict.notes.map((note, i) => [`${name} note ${i}`, note] as [string, string]));
  }
  out.push(["help", helpText("small-steps")], ["config problems", renderConfigProblems([{ path: "limit", message: "must be one of XS, S, M, L, XL" }], "`.github/small-steps.yml`")]);
  return out;
}

const PLURAL_NOUNS = "lines|files|regressions|dependencies|packages|parts|problems|constructs|items|annotations|commits";
const SINGULAR_WITH_PLURAL = new RegExp(`(?<![\\d.,])1 (?:[a-z-]+ )?(?:${PLURAL_NOUNS})\\b`);

describe("every message counts in good English", () => {
  test.each(everyMessage())("%s: no (s), no singular count with a plural noun", (_name, text) => {
    expect(text).not.toContain("(s)");
    expect(text).not.toMatch(SINGULAR_WITH_PLURAL);
  });

  test("the fixtures really print counts of one, so the check above can fail", () => {
    const texts = everyMessage().map(([, text]) => text).join("\n");
    expect(texts).toContain("1 regression");
    expect(texts).toContain("1 migration line with");
    expect(texts).toContain("1 dependency without Python 3");
    expect(texts).toContain("XS: no changes");
  });

  test.each([
    [0, "line", "0 lines"],
    [1, "line", "1 line"],
    [2, "line", "2 lines"],
    [1, "dependency", "1 dependency"],
    [3, "dependency", "3 dependencies"],
    [1234, "file", "1,234 files"],
    [1, "counted line", "1 counted line"],
  ])("count(%i, %s) is %s", (value, singular, expected) => {
    expect(count(value, singular)).toBe(expected);
  });

  test("noun alone follows the count", () => {
    expect(noun(1, "package")).toBe("package");
    expect(noun(26, "package")).toBe("packages");
  });
});

describe("no changes", () => {
  test("an empty change is a valid XS report that says there are no changes", () => {
    const evaluation = evaluate(empty);
    expect(evaluation.verdict.title).toBe("XS: no changes");
    expect(evaluation.verdict.conclusion).toBe("success");
    expect(evaluation.verdict.notes).toContain("No changes: there is nothing to measure.");
  });
});
