// Mutation testing of the pure core (npm run mutate): src/analysis, src/policy and src/engine.ts, killed by the
// unit tests of the same folders (jest.mutation.config.js). Not in CI: it takes minutes. Report: reports/mutation/.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  packageManager: "npm",
  testRunner: "jest",
  testRunnerNodeArgs: ["--experimental-vm-modules"],
  jest: { configFile: "jest.mutation.config.js", enableFindRelatedTests: false },
  checkers: ["typescript"],
  tsconfigFile: "tsconfig.json",
  typescriptChecker: { prioritizePerformanceOverAccuracy: true },
  // The config's validator and defaults are generated (npm run schema); tests compare them with their generators.
  mutate: ["src/analysis/**/*.ts", "src/policy/**/*.ts", "src/engine.ts", "!src/policy/config-validator.ts", "!src/policy/config-defaults.ts"],
  coverageAnalysis: "perTest",
  ignoreStatic: true,
  concurrency: 2,
  timeoutMS: 20000,
  reporters: ["clear-text", "progress", "json"],
  jsonReporter: { fileName: "reports/mutation/mutation.json" },
  htmlReporter: { fileName: "reports/mutation/mutation.html" },
  // Stryker replaces type-check directives in the sandbox; the generated validator's own must stay as written, since a
  // test compares the file with its generator's output.
  disableTypeChecks: "{src,test}/**/!(config-validator).ts",
  tempDirName: ".stryker-tmp",
  cleanTempDir: "always",
};
