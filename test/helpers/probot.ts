import { generateKeyPairSync } from "node:crypto";
import { createRequire } from "node:module";
import nock from "nock";
import { pino } from "pino";
import { Probot } from "probot";
import { smallStepsOctokit } from "../../src/github/octokit.js";
import { forgetAppSlug } from "../../src/app/commands.js";
import smallSteps from "../../src/app/index.js";
import { clearPyPICache } from "../../src/pypi/client.js";
import { invalidBodies } from "./rest-bodies.js";
import { clearConditionalCache } from "../../src/github/conditional-requests.js";
import { forgetHandled } from "../../src/coordination/index.js";
import { clearConfigCache } from "../../src/github/config-cache.js";

export const API = "https://api.github.com";
export const APP_ID = 123;
export const INSTALLATION_ID = 4242;

const privateKey = generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({ type: "pkcs1", format: "pem" }).toString();

/** What the app logged during a test (debug and up), parsed: proves a handler ran even when it sends nothing. */
export const logs: Array<Record<string, unknown> & { msg?: string }> = [];
/** The waits the rate-limit answers asked for, in ms (recorded, not slept). */
export const waits: number[] = [];
/** Requests that reached nock with no mock defined for them: none may, so "nothing sent" cannot pass unseen. */
export const unmatched: string[] = [];
nock.emitter.on("no match", (req: { method?: string; path?: string; options?: { method?: string; path?: string } }) => {
  unmatched.push(`${req.method ?? req.options?.method} ${req.path ?? req.options?.path}`);
});

/** A Probot with our app loaded, retries and throttling off, talking to nock instead of GitHub. */
export async function createProbot(env: NodeJS.ProcessEnv = {}): Promise<Probot> {
  process.env.APP_ID = String(APP_ID);
  clearConditionalCache();
  forgetHandled();
  clearConfigCache();
  sent.length = 0;
  logs.length = 0;
  unmatched.length = 0;
  waits.length = 0;
  const log = pino({ level: "debug" }, { write: (line: string) => void logs.push(JSON.parse(line)) });
  const probot = new Probot({
    appId: APP_ID,
    privateKey,
    log,
    // The app's own Octokit (its rate-limit answers included), with Probot's retries and throttle off and waits recorded.
    Octokit: smallStepsOctokit(env, { sleep: async (ms) => void waits.push(ms) }).defaults((options: Record<string, any>) => ({
      ...options,
      // Probot's retries off, unless a test asks for them (with no waiting between attempts).
      retry: env.TEST_RETRIES ? { enabled: true, retries: Number(env.TEST_RETRIES), retryAfterBaseValue: 0 } : { enabled: false },
      throttle: { ...options.throttle, enabled: false },
      // No write spacing either (a test sends a handful of requests), unless a test measures it.
      pacing: { ...options.pacing, enabled: Boolean(env.TEST_PACING) },
    })),
  });
  await probot.load(smallSteps);
  return probot;
}

const require = createRequire(import.meta.url);
const examples = require("@octokit/webhooks-examples/api.github.com/index.json") as Array<{ name: string; examples: Array<Record<string, any>> }>;

/** A real webhook payload from GitHub's published examples, deep-copied, with an installation. */
export function examplePayload(name: string, action: string | undefined, index = 0): Record<string, any> {
  const found = examples.find((e) => e.name === name)?.examples.filter((x) => x.action === action)[index];
  if (!found) throw new Error(`no example ${name}.${action}[${index}]`);
  return { ...structuredClone(found), installation: { id: INSTALLATION_ID } };
}

/** Everything our app sent to GitHub, in order, with parsed bodies: for asserting after `receive()`. */
export interface SentRequest {
  method: string;
  path: string;
  body: any;
}

export const sent: SentRequest[] = [];

function record(req: { method: string; path: string }, _interceptor: unknown, body: string) {
  let parsed: unknown = body;
  try {
    parsed = body ? JSON.parse(body) : undefined;
  } catch {
    /* not JSON */
  }
  sent.push({ method: req.method, path: decodeURIComponent(req.path), body: parsed });
}

/** A nock scope for GitHub's API that records what it is sent into `sent`. */
export function api(): nock.Scope {
  return nock(API).on("request", record);
}

/**
 * The app ran for the event and decided to do nothing: no request reached the network stand-in (matched or not),
 * and the handler logged why.
 */
export function expectIgnored(reason: string | RegExp): void {
  expect(sent).toEqual([]);
  expect(unmatched).toEqual([]);
  expect(logs.filter((l) => l.msg === "event ignored").map((l) => l.reason)).toContainEqual(typeof reason === "string" ? reason : expect.stringMatching(reason));
}

/** The requests sent, as "METHOD path" without query strings: the conversation with GitHub at a glance. */
export function conversation(): string[] {
  return sent.map((r) => `${r.method} ${r.path.split("?")[0]}`);
}

export function mockToken(scope = api()): nock.Scope {
  return scope.post(`/app/installations/${INSTALLATION_ID}/access_tokens`).reply(201, { token: "test-token", permissions: { checks: "write", pull_requests: "write" } });
}

/**
 * For a test file of app tests: a fresh Probot (and fresh caches) before each test; after each, every nock mock
 * must have been used and every body sent must be one GitHub's REST description accepts.
 */
export function useTestProbot(): { readonly probot: Probot } {
  const holder = {} as { probot: Probot };
  beforeEach(async () => {
    nock.disableNetConnect();
    clearPyPICache();
    forgetAppSlug();
    holder.probot = await createProbot();
  });
  afterEach(() => {
    const pending = nock.pendingMocks();
    nock.cleanAll();
    expect(pending).toEqual([]);
    expect(unmatched).toEqual([]);
    expect(invalidBodies(sent)).toEqual([]);
  });
  return holder;
}
