import { coverageTable } from "../analysis/python/coverage.js";
import { fixersFor } from "../fix/python3-fixes.js";

// `npm run coverage-table`: docs/python3-coverage.md's table of what the python3 pack does with each lib2to3 fixer and
// pylint message, and which of those rules small-steps fix rewrites.
process.stdout.write(`${coverageTable({ python3: new Set(Object.keys(fixersFor("python3"))), compatible: new Set(Object.keys(fixersFor("compatible"))) })}\n`);
