// Writes test/fixtures/github-rest-request-bodies.json: the request body schemas, from GitHub's published OpenAPI
// description, of every REST endpoint small-steps writes to. The tests validate what the app sends against them.
// The description is large (hundreds of MB unpacked), so it is not a dependency; to refresh the fixture:
//   npm install --no-save @octokit/openapi@23 && node scripts/extract-github-rest-schemas.mjs
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const spec = require("@octokit/openapi/generated/api.github.com.deref.json");
const version = JSON.parse(readFileSync(require.resolve("@octokit/openapi/package.json"), "utf8")).version;
const endpoints = [
  ["post", "/repos/{owner}/{repo}/check-runs"],
  ["patch", "/repos/{owner}/{repo}/check-runs/{check_run_id}"],
  ["post", "/repos/{owner}/{repo}/labels"],
  ["post", "/repos/{owner}/{repo}/issues/{issue_number}/labels"],
  ["post", "/repos/{owner}/{repo}/issues/{issue_number}/comments"],
  ["patch", "/repos/{owner}/{repo}/issues/comments/{comment_id}"],
  ["post", "/repos/{owner}/{repo}/issues/comments/{comment_id}/reactions"],
  ["post", "/repos/{owner}/{repo}/pulls/comments/{comment_id}/reactions"],
  ["post", "/repos/{owner}/{repo}/issues/{issue_number}/reactions"],
  ["post", "/repos/{owner}/{repo}/pulls/{pull_number}/comments/{comment_id}/replies"],
  ["post", "/repos/{owner}/{repo}/pulls/{pull_number}/reviews"],
];
const bodies = Object.fromEntries(endpoints.map(([method, path]) => [`${method.toUpperCase()} ${path}`, spec.paths[path][method].requestBody.content["application/json"].schema]));
writeFileSync("test/fixtures/github-rest-request-bodies.json", JSON.stringify({ source: `@octokit/openapi ${version}, generated/api.github.com.deref.json`, bodies }, null, 1));
