/** Jest runs the TypeScript sources directly as ES modules (Probot 14 is ESM only). */
// @ts-nocheck

export default {
  preset: "ts-jest/presets/default-esm",
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  moduleNameMapper: { "^(\\.{1,2}/.*)\\.js$": "$1" },
  transform: { "^.+\\.ts$": ["ts-jest", { useESM: true }] },
  testTimeout: 15000,
};
