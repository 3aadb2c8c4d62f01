// @ts-nocheck
import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";

/** A free port on loopback. */
export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

export async function waitFor<T>(what: string, check: () => Promise<T | undefined> | T | undefined, timeoutMs = 20000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = await check();
    if (value !== undefined) return value;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** `npm start` as a child process (node lib/server.js, built by the pretest build), its output collected. */
export function startApp(env: NodeJS.ProcessEnv): { child: ChildProcess; output: () => string } {
  let output = "";
  const child = spawn(process.execPath, ["lib/server.js"], { env: { PATH: process.env.PATH, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  child.stdout!.on("data", (d) => (output += d));
  child.stderr!.on("data", (d) => (output += d));
  return { child, output: () => output };
}

/** Waits until the server answers on /ping (any status). */
export function listening(port: number): Promise<true> {
  return waitFor("the app to listen", async () => {
    try {
      return (await fetch(`http://127.0.0.1:${port}/ping`)).status ? true : undefined;
    } catch {
      return undefined;
    }
  });
}
