import { createHmac, timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";

/**
 * The webhook endpoint's first door, before Probot reads anything: a body larger than GitHub ever sends (25 MB) is
 * refused before it is read (by its length header) or as soon as it passes the cap; the signature is checked on the
 * raw bytes before any parsing; and a signed payload that lacks what its event needs is answered 202 and not handled
 * (GitHub would redeliver a 500 for ever). Nothing of a refused body is logged. A body that passes is handed on as
 * `req.body`, which Probot's middleware reads instead of the stream.
 */
export const MAX_WEBHOOK_BYTES = 25 * 1024 * 1024;

export interface GuardLog {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
}

/** What each event's handlers read first: a payload without it is malformed. */
const REQUIRED: Record<string, (p: Record<string, any>) => boolean> = {
  pull_request: (p) => !!p.pull_request?.head?.sha && !!p.pull_request?.base?.ref && typeof p.pull_request?.number === "number",
  issue_comment: (p) => !!p.issue && !!p.comment,
  pull_request_review: (p) => !!p.review && !!p.pull_request?.head,
  pull_request_review_comment: (p) => !!p.comment && !!p.pull_request?.head,
  check_run: (p) => !!p.check_run,
  check_suite: (p) => !!p.check_suite,
  push: (p) => Array.isArray(p.commits) && typeof p.ref === "string",
  issues: (p) => !!p.issue,
};

/** Why a signed payload cannot be handled, or undefined when its event has what it needs. */
export function malformed(event: string, payload: unknown): string | undefined {
  if (typeof payload !== "object" || payload === null || Array.isArray(payload)) return "the payload is not a JSON object";
  const check = REQUIRED[event];
  return check && !check(payload as Record<string, any>) ? `the ${event} payload lacks the fields its event carries` : undefined;
}

function signatureMatches(body: Buffer, header: string, secret: string): boolean {
  const expected = Buffer.from(`sha256=${createHmac("sha256", secret).update(body).digest("hex")}`);
  const given = Buffer.from(header);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

function refuse(res: ServerResponse, status: number, message: string): true {
  res.writeHead(status, { "content-type": "application/json", connection: "close" }).end(JSON.stringify({ error: message }));
  return true;
}

/** A delivery whose signature matched and whose payload has what its event needs. */
export interface VerifiedDelivery {
  id: string;
  name: string;
  payload: Record<string, unknown>;
}

/**
 * A handler for the webhook path: false for another path, true when it answered (a refusal, or a malformed payload
 * acknowledged), or the verified delivery, for the caller to acknowledge and handle.
 */
export function webhookGuard(options: { path: string; secret: string; log: GuardLog }) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<boolean | VerifiedDelivery> => {
    if (req.method !== "POST" || (req.url ?? "").split("?")[0] !== options.path) return false;
    const delivery = String(req.headers["x-github-delivery"] ?? "").slice(0, 100);
    const event = String(req.headers["x-github-event"] ?? "").slice(0, 100);
    const declared = Number(req.headers["content-length"] ?? 0);
    if (declared > MAX_WEBHOOK_BYTES) {
      options.log.warn({ delivery, event, bytes: declared }, "webhook refused: body over 25 MB");
      req.resume();
      return refuse(res, 413, "payload too large");
    }
    const signature = req.headers["x-hub-signature-256"];
    if (typeof signature !== "string" || !event) {
      req.resume();
      options.log.warn({ delivery, event }, "webhook refused: no signature or event");
      return refuse(res, 400, "missing x-hub-signature-256 or x-github-event");
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    await new Promise<void>((resolve, reject) => {
      req.on("data", (chunk: Buffer) => {
        size += chunk.length;
        if (size > MAX_WEBHOOK_BYTES) {
          tooLarge = true;
          chunks.length = 0;
          req.destroy();
          resolve();
        } else chunks.push(chunk);
      });
      req.on("end", () => resolve());
      req.on("error", (error) => (tooLarge ? resolve() : reject(error)));
    });
    if (tooLarge) {
      options.log.warn({ delivery, event, bytes: size }, "webhook refused: body over 25 MB");
      return refuse(res, 413, "payload too large");
    }
    const body = Buffer.concat(chunks);
    if (!signatureMatches(body, signature, options.secret)) {
      options.log.warn({ delivery, event, bytes: size }, "webhook refused: signature does not match");
      return refuse(res, 400, "signature does not match");
    }
    let payload: unknown;
    try {
      payload = JSON.parse(body.toString("utf8"));
    } catch {
      options.log.warn({ delivery, event, bytes: size }, "webhook refused: signed, but not JSON");
      return refuse(res, 400, "payload is not JSON");
    }
    const problem = malformed(event, payload);
    if (problem) {
      options.log.warn({ delivery, event }, `webhook ignored: ${problem}`);
      res.writeHead(202, { "content-type": "application/json" }).end(JSON.stringify({ ignored: problem }));
      return true;
    }
    return { id: delivery, name: event, payload: payload as Record<string, unknown> };
  };
}
