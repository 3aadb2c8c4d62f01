/** Prints the configuration's JSON Schema, for editors (`npm run schema` writes small-steps.schema.json). */
// @ts-nocheck

import { CONFIG_SCHEMA } from "../policy/config.js";

process.stdout.write(JSON.stringify(CONFIG_SCHEMA, null, 2) + "\n");
