/** Jest for mutation testing (npm run mutate): only the tests of the pure core that Stryker mutates. */
// @ts-nocheck

import base from "./jest.config.js";

export default {
  ...base,
  roots: ["<rootDir>/test/analysis", "<rootDir>/test/policy", "<rootDir>/test/report", "<rootDir>/test/pypi"],
};
