import { parentPort } from "node:worker_threads";
import { evaluate, type EngineInput } from "../engine.js";

/** The engine in a worker thread: one evaluation per message, so that a long one never blocks the server's event loop. */
parentPort!.on("message", (input: EngineInput) => {
  try {
    parentPort!.postMessage({ ok: true, evaluation: evaluate(input) });
  } catch (error) {
    parentPort!.postMessage({ ok: false, message: (error as Error).message });
  }
});
