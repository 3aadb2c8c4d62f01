import type { ChildProcess } from "node:child_process";
import { freePort, listening, startApp } from "./process.js";

/** Registering the app, the README's first installation step: `npm start` without APP_ID offers app.yml's manifest. */
let app: ChildProcess | undefined;
afterEach(() => app?.kill("SIGKILL"));

test("npm start without APP_ID serves Probot's setup page with the manifest from app.yml", async () => {
  const port = await freePort();
  const started = startApp({ PORT: String(port), HOST: "127.0.0.1", NO_SMEE_SETUP: "true", LOG_LEVEL: "info" });
  app = started.child;
  await listening(port);
  const response = await fetch(`http://127.0.0.1:${port}/probot`);
  const html = await response.text();
  expect(response.status).toBe(200);
  const manifest = JSON.parse(decodeURIComponent(/name="manifest"[^>]*value='([^']*)'|value="([^"]*)"[^>]*name="manifest"/.exec(html.replace(/&quot;/g, '"'))?.slice(1).find(Boolean) ?? "{}"));
  expect(manifest).toMatchObject({
    name: "small-steps",
    description: expect.stringContaining("Python 2 to 3 migration moving in small, reviewable steps"),
    default_permissions: { checks: "write", pull_requests: "write", issues: "write", contents: "write", metadata: "read" },
  });
  expect(manifest.default_events).toContain("pull_request");
  expect(manifest.default_events).toContain("issues"); // the campaign's ticks
  expect(manifest.default_events).not.toContain("installation");
  // app.yml sets no webhook address: Probot's flow fills it in (here its own server; a smee.io proxy in development).
  expect(String(manifest.hook_attributes?.url ?? "")).not.toContain("example.com");
  expect(manifest.redirect_url).toBe(`http://127.0.0.1:${port}/probot/setup`);
});
