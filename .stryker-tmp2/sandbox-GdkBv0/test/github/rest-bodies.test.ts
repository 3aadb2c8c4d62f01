// @ts-nocheck
import { invalidBodies } from "../helpers/rest-bodies.js";

test("the REST body check rejects what GitHub would reject", () => {
  const checkRun = { name: "small-steps", head_sha: "a".repeat(40), status: "completed", conclusion: "success", output: { title: "t", summary: "s" } };
  expect(invalidBodies([{ method: "POST", path: "/repos/o/r/check-runs", body: checkRun }])).toEqual([]);
  expect(invalidBodies([{ method: "POST", path: "/repos/o/r/check-runs", body: { ...checkRun, conclusion: "great" } }])).toHaveLength(1);
  expect(invalidBodies([{ method: "POST", path: "/repos/o/r/check-runs", body: { ...checkRun, output: { title: "t" } } }])).toHaveLength(1);
  expect(invalidBodies([{ method: "POST", path: "/repos/o/r/issues/comments/1/reactions", body: { content: "thumbsup" } }])).toHaveLength(1);
  expect(invalidBodies([{ method: "POST", path: "/repos/o/r/labels", body: { color: "fff" } }])).toHaveLength(1);
});
