import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ExclusionRules } from "../src/analysis/exclusions.js";
import { sampleOfText } from "../src/analysis/generated/sample.js";
import { matchPathRule } from "../src/analysis/generated/path-rules.js";
test("x", () => {
  const rules = new ExclusionRules();
  for (const [name, base] of [["samples", "/tmp/lsamples/samples"], ["fixtures", "/tmp/lsamples/test/fixtures"]]) {
    const verdicts = JSON.parse(readFileSync(`/tmp/ling/${name}.json`, "utf8")) as Record<string, { generated: boolean; vendored: boolean }>;
    let agree = 0, policy = 0;
    const bad: string[] = [];
    for (const [rel, v] of Object.entries(verdicts)) {
      const text = readFileSync(join(base, rel), "utf8");
      const d = rules.decide(rel, sampleOfText(text));
      const theirs = v.generated || v.vendored;
      const kept = matchPathRule(rel);
      if (theirs && !d.counted === theirs) { agree++; continue; }
      if (!theirs && d.counted) { agree++; continue; }
      if (theirs && kept && "count" in kept.rule.outcome) { policy++; continue; }
      bad.push(`${rel}: linguist ${v.generated ? "generated" : ""}${v.vendored ? "vendored" : ""}${!theirs ? "counted" : ""}, ours ${d.counted ? "counted" : d.reason}`);
    }
    const n = Object.keys(verdicts).length - policy;
    console.log(`${name}: ${agree}/${n} (${((agree / n) * 100).toFixed(2)}%), policy ${policy}\n${bad.join("\n")}`);
  }
});
