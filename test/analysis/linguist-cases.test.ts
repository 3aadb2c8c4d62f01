import { readFileSync } from "node:fs";
import { ExclusionRules } from "../../src/analysis/exclusions.js";
import { matchPathRule } from "../../src/analysis/generated/path-rules.js";
import { sampleOfText } from "../../src/analysis/generated/sample.js";
import { CONTENT_SAMPLES } from "../fixtures/linguist-content-samples.js";

/**
 * Linguist's own tests of what is generated or vendored (test/fixtures/linguist-cases.json: the paths and expectations
 * of test_generated.rb and test_file_blob.rb at the commit it names, read when the table was written; no sample text).
 * A case that wants a file left out agrees when it is left out for either reason; a case that says a file is not
 * generated (or not vendored) agrees unless we leave it out for that reason. The policy rows (files we count on
 * purpose, or leave out where Linguist keeps them) are printed apart. Cases whose answer is in the file's text are
 * measured on our own sample for each (test/fixtures/linguist-content-samples.ts), read as the app reads a file: its
 * first lines and its last two.
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
  console.log(`Linguist path cases: ${measured - disagree.length}/${measured} agree (${(share * 100).toFixed(1)}%); ${policy} policy rows`);
  expect(disagree).toEqual([]);
});

test("Linguist's content cases, each on a sample of our own with the property Linguist's sample is tested for", () => {
  const rules = new ExclusionRules();
  const content = cases.filter((c) => c.content);
  const disagree: string[] = [];
  for (const c of content) {
    const text = CONTENT_SAMPLES[c.path];
    expect({ path: c.path, sample: typeof text }).toEqual({ path: c.path, sample: "string" });
    const d = rules.decide(c.path, sampleOfText(text));
    const agrees = c.excluded ? !d.counted : d.counted || !GENERATED.has(d.reason);
    if (!agrees) disagree.push(`${c.path} (${c.excluded ? "" : "not "}${c.kind}: ${d.counted ? "counted" : d.reason})`);
  }
  console.log(`Linguist content cases: ${content.length - disagree.length}/${content.length} agree (${(((content.length - disagree.length) / content.length) * 100).toFixed(1)}%)`);
  expect(disagree).toEqual([]);
  expect(Object.keys(CONTENT_SAMPLES).sort()).toEqual(content.map((c) => c.path).sort()); // no sample without its case
});
