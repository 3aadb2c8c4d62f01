/** Prints the module of the config's defaults (`npm run schema` writes src/policy/config-defaults.ts). */
// @ts-nocheck

import { defaultConfig } from "../policy/config.js";

process.stdout.write(`// Written by \`npm run schema\` from the schema's defaults (what the validator fills into an empty config); do not edit.
// resolveConfig(null) returns it without compiling the schema; test/policy/config.test.ts checks it is current.
export const CONFIG_DEFAULTS = ${JSON.stringify(defaultConfig(), null, 2)} as const;
`);
