// @ts-nocheck
import { readFileSync } from "node:fs";
import { Ajv, type ValidateFunction } from "ajv";
import type { SentRequest } from "./probot.js";

/**
 * Request bodies the app sends, checked against GitHub's own OpenAPI description of each endpoint
 * (test/fixtures/github-rest-request-bodies.json, made by scripts/extract-github-rest-schemas.mjs).
 */
const fixture = JSON.parse(readFileSync(new URL("../fixtures/github-rest-request-bodies.json", import.meta.url), "utf8")) as { bodies: Record<string, object> };
const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });

const routes: Array<{ method: string; pattern: RegExp; route: string; validate: ValidateFunction }> = Object.entries(fixture.bodies).map(([route, schema]) => {
  const [method, path] = route.split(" ");
  return { method, route, pattern: new RegExp(`^${path.replace(/\{[^}]+\}/g, "[^/]+")}$`), validate: ajv.compile(schema) };
});

/** Each sent request whose body GitHub's description rejects, with the reasons; [] when all are valid. */
export function invalidBodies(sent: readonly SentRequest[]): string[] {
  const problems: string[] = [];
  for (const request of sent) {
    const path = request.path.split("?")[0];
    const route = routes.find((r) => r.method === request.method && r.pattern.test(path));
    if (!route) continue;
    if (!route.validate(request.body)) problems.push(`${route.route}: ${ajv.errorsText(route.validate.errors)}`);
  }
  return problems;
}
