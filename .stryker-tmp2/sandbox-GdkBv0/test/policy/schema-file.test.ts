// @ts-nocheck
import { readFileSync } from "node:fs";
import { CONFIG_SCHEMA } from "../../src/policy/config.js";

test("the committed small-steps.schema.json is the schema the app validates with (run `npm run schema`)", () => {
  expect(JSON.parse(readFileSync(new URL("../../small-steps.schema.json", import.meta.url), "utf8"))).toEqual(JSON.parse(JSON.stringify(CONFIG_SCHEMA)));
});
