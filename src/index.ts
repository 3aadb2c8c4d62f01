/** The Probot entry point: `probot run ./lib/index.js`. */
export { default } from "./app/index.js";
