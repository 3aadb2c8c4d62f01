import { run } from "probot";
import smallSteps from "./app/index.js";
import { smallStepsOctokit } from "./github/octokit.js";

// `npm start`: Probot's server (webhooks with signature checks, the setup page without APP_ID) with our Octokit.
await run(smallSteps, { Octokit: smallStepsOctokit() });
