import { createHmac, generateKeyPairSync } from "node:crypto";
import { readFileSync } from "node:fs";
import { connect } from "node:net";
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

/**
 * A raw HTTP POST over a socket (node:http may be patched by nock in a test process): the head, then `bytes` of body
 * in 1 MB chunks, chunked or with the length declared; the status line the server answers with, or -1 if it closed first.
 */
function rawPost(port: number, bytes: number, headers: Record<string, string>, sendBytes = bytes): Promise<number> {
  return new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1");
    let answer = "";
    let done = false;
    const finish = (status: number) => {
      if (done) return;
      done = true;
      socket.destroy();
      resolve(status);
    };
    socket.on("data", (d) => {
      answer += d.toString("latin1");
      const status = /^HTTP\/1\.1 (\d{3})/.exec(answer);
      if (status) finish(Number(status[1]));
    });
    socket.on("error", () => finish(-1));
    socket.on("close", () => finish(-1));
    const chunked = !("content-length" in headers);
    const head = ["POST /api/github/webhooks HTTP/1.1", "host: 127.0.0.1", ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`), ...(chunked ? ["transfer-encoding: chunked"] : []), "", ""].join("\r\n");
    socket.write(head);
    const chunk = Buffer.alloc(1024 * 1024, "a");
    let sent = 0;
    const write = () => {
      while (sent < sendBytes && !done) {
        sent += chunk.length;
        const ok = socket.write(chunked ? Buffer.concat([Buffer.from(`${chunk.length.toString(16)}\r\n`), chunk, Buffer.from("\r\n")]) : chunk);
        if (!ok) return void socket.once("drain", write);
      }
      if (chunked && !done) socket.write("0\r\n\r\n");
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

  // A declared length over 25 MB: refused from the header alone, before any of the body is sent (a body written while
  // the server closes can reset the connection before its answer is read, as it did once under load).
  expect(await rawPost(port, 250 * 1024 * 1024, { "content-length": String(250 * 1024 * 1024), "x-github-event": "push", "x-hub-signature-256": "sha256=00" }, 0)).toBe(413);
  // 60 MB streamed without a length and with a bogus signature: cut off at the cap.
  expect([413, -1]).toContain(await rawPost(port, 60 * 1024 * 1024, { "x-github-event": "push", "x-hub-signature-256": "sha256=00" }));
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
  expect(app.output()).toContain("webhook refused: body over 25 MB");
  expect(app.output()).toContain("webhook ignored: the pull_request payload lacks the fields its event carries");
});
