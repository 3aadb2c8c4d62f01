/**
 * The config's validator as standalone JavaScript, compiled by Ajv ahead of time: `npm run schema` writes it to
 * `config-validator.ts`, so the app and the command line validate without loading Ajv and compiling the schema on
 * every start (about 30 ms each). test/policy/config.test.ts checks the committed file is current.
 */
import { Ajv } from "ajv";
import standalone from "ajv/dist/standalone/index.js";
import { CONFIG_SCHEMA } from "./config.js";

// ajv/dist/standalone is CommonJS: Node's default import is its exports, whose `default` is the function.
const standaloneCode = standalone.default;

const HEADER = `// @ts-nocheck
// Written by \`npm run schema\`: Ajv's standalone validator of CONFIG_SCHEMA (src/policy/config.ts); do not edit.
import equal from "fast-deep-equal";
/** Ajv's ucs2length: a string's length in code points. */
const ucs2length = (text) => [...text].length;
`;

export function configValidatorSource(): string {
  const ajv = new Ajv({ allErrors: true, useDefaults: true, strict: true, code: { source: true, esm: true } });
  const code = standaloneCode(ajv, ajv.compile(CONFIG_SCHEMA))
    .replace(/^"use strict";/, "")
    .replace(/require\("ajv\/dist\/runtime\/ucs2length"\)\.default/g, "ucs2length")
    .replace(/require\("ajv\/dist\/runtime\/equal"\)\.default/g, "equal");
  if (code.includes("require(")) throw new Error(`the standalone validator needs a runtime module not provided here: ${/require\([^)]*\)/.exec(code)?.[0]}`);
  return `${HEADER}${code}\n`;
}
