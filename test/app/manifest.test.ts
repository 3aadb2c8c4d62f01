import { readFileSync } from "node:fs";
import YAML from "yaml";

/**
 * app.yml is what GitHub's manifest flow registers (`npm start` without APP_ID offers it): it must parse, and ask for
 * exactly the events the app handles and the permissions its calls need.
 */
const manifest = YAML.parse(readFileSync(new URL("../../app.yml", import.meta.url), "utf8"));
const handlers = readFileSync(new URL("../../src/app/index.ts", import.meta.url), "utf8") + readFileSync(new URL("../../src/app/commands.ts", import.meta.url), "utf8");

test("app.yml parses, with the fields GitHub's manifest reads", () => {
  expect(manifest).toMatchObject({ name: "small-steps", public: false });
  // No placeholder hook URL: it would override the one Probot's manifest flow sets, and send deliveries nowhere.
  expect(manifest.hook_attributes).toBeUndefined();
  expect(manifest.description).toContain("Python 2 to 3 migration");
});

test("its events are the ones the app handles, and every handled event is asked for", () => {
  const handled = new Set([...handlers.matchAll(/"(pull_request|check_run|check_suite|issue_comment|issues|pull_request_review|pull_request_review_comment|push)(?:\.\w+)?"/g)].map((m) => m[1]));
  // installation is not listed: GitHub sends it to every app, and it cannot be subscribed to.
  expect(new Set(manifest.default_events)).toEqual(handled);
});

test("its permissions cover the calls the app makes, and no more (contents: write for the campaign's own branches)", () => {
  expect(manifest.default_permissions).toEqual({ checks: "write", pull_requests: "write", issues: "write", contents: "write", metadata: "read" });
});
