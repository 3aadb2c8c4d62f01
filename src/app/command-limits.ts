/**
 * How often commands may run on one pull request: each `recheck`, `explain` or `split` is a full measurement and
 * each `help` a comment, so anyone who can comment could otherwise flood a repository and the app's rate limit.
 * Per pull request, at most COMMANDS_PER_WINDOW in WINDOW_MS; the first refusal in a window is answered, later ones
 * only logged. Kept in the process (an instance sees its own deliveries); bounded in memory.
 */
export const COMMANDS_PER_WINDOW = 6;
export const WINDOW_MS = 10 * 60 * 1000;
const MAX_KEYS = 10_000;

interface Window {
  start: number;
  used: number;
  refused: boolean;
}

export type CommandAllowance = { ok: true } | { ok: false; retryAfterSeconds: number; firstRefusal: boolean };

export class CommandLimiter {
  private readonly windows = new Map<string, Window>();

  constructor(
    private readonly perWindow = COMMANDS_PER_WINDOW,
    private readonly windowMs = WINDOW_MS,
  ) {}

  take(key: string, now: number): CommandAllowance {
    let window = this.windows.get(key);
    if (!window || now - window.start >= this.windowMs) {
      window = { start: now, used: 0, refused: false };
      this.windows.delete(key);
      this.windows.set(key, window);
      if (this.windows.size > MAX_KEYS) this.windows.delete(this.windows.keys().next().value as string);
    }
    if (window.used < this.perWindow) {
      window.used++;
      return { ok: true };
    }
    const firstRefusal = !window.refused;
    window.refused = true;
    return { ok: false, retryAfterSeconds: Math.ceil((window.start + this.windowMs - now) / 1000), firstRefusal };
  }
}
