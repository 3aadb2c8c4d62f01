/** Prints the config's standalone validator (`npm run schema` writes src/policy/config-validator.ts). */
import { configValidatorSource } from "../policy/config-validator-source.js";

process.stdout.write(configValidatorSource());
