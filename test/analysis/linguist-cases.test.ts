import { readFileSync } from "node:fs";
import { ExclusionRules } from "../../src/analysis/exclusions.js";
import { matchPathRule } from "../../src/analysis/generated/path-rules.js";

/**
 * Linguist's own tests of what is generated or vendored (test/fixtures/linguist-cases.json: the paths and expectations
 * of test_generated.rb and test_file_blob.rb at the commit it names, read when the table was written; no sample text).
 * A case that wants a file left out agrees when it is left out for either reason; a case that says a file is not
 * generated (or not vendored) agrees unless we leave it out for that reason. The policy rows (files we count on
 * purpose, or leave out where Linguist keeps them) are printed apart. Cases whose answer is in the file's text are
 * not measured here: the table holds no sample text for them yet.
 */
const { cases } = JSON.parse(readFileSync(new URL("../fixtures/linguist-cases.json", import.meta.url), "utf8")) as {
  cases: Array<{ path: string; kind: "generated" | "vendored"; excluded: boolean; content?: boolean; policy?: string }>;
};
const GENERATED = new Set(["lock-file", "minified", "source-map", "snapshot", "generated", "generated-marker"]);

test("Linguist's path cases: agreement outside the policy rows (figures printed)", () => {
  const rules = new ExclusionRules();
  const disagree: string[] = [];
  let measured = 0;
  let policy = 0;
  for (const c of cases.filter((c) => !c.content)) {
    const kept = matchPathRule(c.path);
    if (c.policy || (c.excluded && kept && "count" in kept.rule.outcome)) {
      policy++;
      continue;
    }
    measured++;
    const d = rules.decide(c.path, { first: [] });
    const agrees = c.excluded ? !d.counted : d.counted || (c.kind === "generated" ? !GENERATED.has(d.reason) : GENERATED.has(d.reason));
    if (!agrees) disagree.push(`${c.path} (${c.excluded ? "" : "not "}${c.kind})`);
  }
  const share = (measured - disagree.length) / measured;
  console.log(`Linguist path cases: ${measured - disagree.length}/${measured} agree (${(share * 100).toFixed(1)}%); ${policy} policy rows; ${cases.filter((c) => c.content).length} content cases not measured`);
  expect(disagree).toEqual([]);
});
