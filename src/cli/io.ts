/** What every command is given and answers with, kept apart from the commands so that loading one loads no other. */
export const EXIT = { ok: 0, policyFailed: 1, usageOrConfig: 2 } as const;

export interface CliIO {
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  readStdin: () => Promise<string>;
  /** Standard input as it arrives (the command line's); tests give `readStdin` alone. */
  stdinChunks?: () => AsyncIterable<Uint8Array>;
}
