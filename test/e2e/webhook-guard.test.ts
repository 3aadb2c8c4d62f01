import { createHmac, generateKeyPairSync } from "node:crypto";
import { readFileSync } from "node:fs";
import { request } from "node:http";
import type { ChildProcess } from "node:child_process";
import { freePort, listening, startApp } from "./process.js";

/**
 * The webhook endpoint as an attacker meets it, over HTTP against `npm start`: bodies over GitHub's 25 MB are refused
 * before they are held in memory, nothing of a refused body is logged, signed payloads that lack what their event
 * needs are answered 202 (never a 500 GitHub would retry), and /ping answers throughout.
 */
const SECRET = "guard-secret";
const sign = (body: string | Buffer) => `sha256=${createHmac("sha256", SECRET).update(body).digest("hex")}`;

let app: { child: ChildProcess; output: () => string } | undefined;
afterAll(() => app?.child.kill("SIGKILL"));

const rssMb = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0) / 1024;

/** A POST streamed in chunks without a length header, as an attacker can send it. */
function streamed(port: number, bytes: number, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve) => {
    const req = request({ host: "127.0.0.1", port, method: "POST", path: "/api/github/webhooks", headers: { "transfer-encoding": "chunked", ...headers } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on("error", () => resolve(-1)); // the server may close the connection as soon as it has answered
    const chunk = Buffer.alloc(1024 * 1024, "a");
    let sent = 0;
    const write = () => {
      while (sent < bytes) {
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once("drain", write);
      }
      req.end();
    };
    write();
  });
}

test("oversized, unsigned and malformed deliveries are refused cheaply, and /ping keeps answering", async () => {
  const port = await freePort();
  const privateKey = generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({ type: "pkcs1", format: "pem" }).toString();
  app = startApp({ APP_ID: "1", PRIVATE_KEY: privateKey, WEBHOOK_SECRET: SECRET, PORT: String(port), HOST: "127.0.0.1", GHE_HOST: "127.0.0.1:9", GHE_PROTOCOL: "http", LOG_LEVEL: "info", LOG_FORMAT: "json", NODE_ENV: "production" });
  await listening(port);
  const idle = rssMb(app.child.pid!);
  const url = `http://127.0.0.1:${port}/api/github/webhooks`;
  const post = (body: string, headers: Record<string, string>) => fetch(url, { method: "POST", body, headers: { "content-type": "application/json", ...headers } });

  // A declared length over 25 MB: refused from the header alone.
  const declared = await new Promise<number>((resolve) => {
    const req = request({ host: "127.0.0.1", port, method: "POST", path: "/api/github/webhooks", headers: { "content-length": String(250 * 1024 * 1024), "x-github-event": "push", "x-hub-signature-256": "sha256=00" } }, (res) => resolve(res.statusCode ?? 0));
    req.on("error", () => resolve(-1));
    req.write("{");
  });
  expect(declared).toBe(413);
  // 60 MB streamed without a length and with a bogus signature: cut off at the cap.
  expect([413, -1]).toContain(await streamed(port, 60 * 1024 * 1024, { "x-github-event": "push", "x-hub-signature-256": "sha256=00" }));
  expect((await fetch(`http://127.0.0.1:${port}/ping`)).status).toBe(200);
  expect(rssMb(app.child.pid!) - idle).toBeLessThan(300);

  // No signature, or a wrong one: 400, and the body is not logged.
  const secretMarker = "DO-NOT-LOG-THIS-PAYLOAD";
  expect((await post(JSON.stringify({ marker: secretMarker }), { "x-github-event": "push" })).status).toBe(400);
  expect((await post(JSON.stringify({ marker: secretMarker }), { "x-github-event": "push", "x-hub-signature-256": "sha256=" + "0".repeat(64) })).status).toBe(400);

  // Signed, but without what the event needs: 202 and ignored, not a 500.
  const malformed: Array<[string, object]> = [
    ["pull_request", { action: "opened", marker: secretMarker }],
    ["pull_request", { action: "opened", pull_request: { number: 1 } }],
    ["issue_comment", { action: "created", comment: { body: "/small-steps recheck" } }],
    ["check_run", { action: "rerequested" }],
    ["push", { ref: "refs/heads/main", commits: null }],
  ];
  for (const [event, payload] of malformed) {
    const body = JSON.stringify({ ...payload, installation: { id: 1 } });
    const response = await post(body, { "x-github-event": event, "x-github-delivery": `m-${event}`, "x-hub-signature-256": sign(body) });
    expect(response.status).toBe(202);
  }
  expect((await fetch(`http://127.0.0.1:${port}/ping`)).status).toBe(200);
  expect(app.output()).not.toContain(secretMarker);
  expect(app.output()).toContain("webhook ignored: a pull_request payload without the fields its event carries");
});
