import { coverageTable } from "../analysis/python/coverage.js";

// `npm run coverage-table`: docs/python3-coverage.md's table of what the python3 pack does with each lib2to3 fixer and pylint message.
process.stdout.write(`${coverageTable()}\n`);
