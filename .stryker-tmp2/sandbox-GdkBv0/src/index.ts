/** The Probot entry point: `probot run ./lib/index.js`. */
// @ts-nocheck

export { default } from "./app/index.js";
