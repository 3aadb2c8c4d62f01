// @ts-nocheck
import { run } from "probot";
import { drain } from "./app/tracked.js";
import smallSteps from "./app/index.js";
import { stopCoordination } from "./coordination/index.js";
import { smallStepsOctokit } from "./github/octokit.js";

// `npm start`: Probot's server (webhooks with signature checks, the setup page without APP_ID) with our Octokit.
const server = await run(smallSteps, { Octokit: smallStepsOctokit() });

/** How long a shutdown waits for deliveries in flight (container platforms send SIGKILL after 30 s). */
const DRAIN_MS = 25_000;

// SIGTERM (a deploy, a scale-down): stop taking deliveries, finish those in flight, then exit. GitHub redelivers
// nothing by itself, so a delivery cut short would be a pull request without its check run.
process.once("SIGTERM", () => {
  console.info("SIGTERM: finishing the deliveries in flight, taking no new ones");
  const stopped = server.stop().catch(() => undefined); // closes the listener; open requests may finish
  void (async () => {
    const finished = await drain(DRAIN_MS);
    await Promise.race([stopped, new Promise((resolve) => setTimeout(resolve, 1000))]);
    await stopCoordination();
    console.info(finished ? "all deliveries finished: exiting" : `deliveries still running after ${DRAIN_MS / 1000} s: exiting anyway`);
    process.exit(finished ? 0 : 1);
  })();
});
