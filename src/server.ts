import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { getPrivateKey } from "@probot/get-private-key";
import { createNodeMiddleware, createProbot, run } from "probot";
import { drain, keepInFlight } from "./app/tracked.js";
import smallSteps from "./app/index.js";
import { stopCoordination } from "./coordination/index.js";
import { smallStepsOctokit } from "./github/octokit.js";
import { webhookGuard } from "./github/webhook-guard.js";

/**
 * `npm start`. Without APP_ID, Probot's setup page registers the app (the manifest flow). With it, our own HTTP server:
 * the webhook guard (body cap, signature on the raw bytes, malformed payloads answered 202), a verified delivery
 * answered 202 at once and handled by Probot's app; Probot's middleware for the app's routes (/metrics); /ping. One log
 * line per request, no headers, no bodies, no query strings.
 */
const WEBHOOK_PATH = process.env.WEBHOOK_PATH || "/api/github/webhooks";

async function production(): Promise<{ stop: () => Promise<void> }> {
  let privateKey: string | null = null;
  try {
    privateKey = getPrivateKey();
  } catch {
    privateKey = null;
  }
  const missing = [!privateKey && "PRIVATE_KEY or PRIVATE_KEY_PATH", !process.env.WEBHOOK_SECRET && "WEBHOOK_SECRET"].filter(Boolean);
  if (missing.length) {
    console.error(`small-steps: APP_ID is set but ${missing.join(" and ")} ${missing.length > 1 ? "are" : "is"} missing: set ${missing.length > 1 ? "them" : "it"} (see .env.example), or unset APP_ID to register the app.`);
    process.exit(2);
  }
  // Probot would open its own Redis connection for @octokit/plugin-throttling, which small-steps turns off (its pacing
  // is its own, `request-pacing.ts`): REDIS_URL is ours alone.
  const probot = createProbot({ env: { ...process.env, REDIS_URL: undefined }, overrides: { Octokit: smallStepsOctokit() } });
  const middleware = await createNodeMiddleware(smallSteps, { probot, webhooksPath: WEBHOOK_PATH });
  const log = probot.log.child({ name: "http" }); // Probot makes its logger when the app is loaded
  const guard = webhookGuard({ path: WEBHOOK_PATH, secret: process.env.WEBHOOK_SECRET!, log });
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const started = Date.now();
    res.on("finish", () => log.info({ method: req.method, path: (req.url ?? "").split("?")[0].slice(0, 200), status: res.statusCode, ms: Date.now() - started }, "request"));
    try {
      if ((req.url ?? "").split("?")[0] === "/ping" && req.method === "GET") {
        res.writeHead(200, { "content-type": "text/plain" }).end("PONG");
        return;
      }
      const delivery = await guard(req, res);
      if (delivery === true) return;
      if (delivery) {
        // Acknowledged at once (GitHub waits 10 s at most, and a busy instance would answer late), then handled: a
        // failure is on the check run and in the log, and a shutdown waits for the work (see SIGTERM below).
        res.writeHead(202, { "content-type": "application/json" }).end('{"accepted":true}');
        keepInFlight(probot.receive(delivery as Parameters<typeof probot.receive>[0]).catch((error: Error) => log.error({ delivery: delivery.id, event: delivery.name, err: { message: error.message } }, "delivery failed")));
        return;
      }
      if (!(await middleware(req, res))) res.writeHead(404, { "content-type": "text/plain" }).end("Not found\n");
    } catch (error) {
      log.warn({ err: { message: (error as Error).message } }, "request failed");
      if (!res.headersSent) res.writeHead(500).end();
    }
  };
  const server: Server = createServer((req, res) => void handle(req, res));
  const port = Number(process.env.PORT || 3000);
  const host = process.env.HOST || undefined;
  await new Promise<void>((resolve) => server.listen(port, host, resolve));
  probot.log.info(`small-steps listening on ${host ?? "all interfaces"}:${port}`);
  return { stop: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** Without APP_ID: Probot's setup page, which registers the app; a failure to start it is one line, not a stack. */
async function setup(): Promise<{ stop: () => Promise<void> }> {
  try {
    return await run(smallSteps, { Octokit: smallStepsOctokit() });
  } catch (error) {
    console.error(`small-steps: APP_ID is not set and the setup page that registers the app could not start (${String((error as Error)?.message ?? error).split("\n")[0]}): set APP_ID, PRIVATE_KEY and WEBHOOK_SECRET (see .env.example), or run npm start from a full install (npm ci) to register the app.`);
    process.exit(2);
  }
}

const server = process.env.APP_ID ? await production() : await setup();

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
