/** The commands reviewers type in conversations, review comments and review bodies. */
export const COMMANDS = ["help", "recheck", "explain", "split", "fix", "accept", "revoke"] as const;
export type CommandName = (typeof COMMANDS)[number];

export interface Command {
  name: CommandName;
  /** The rest of the line (the reason, for accept). */
  argument: string;
  /** What was typed, when it was not a known command (answered with help). */
  unknown?: string;
}

const PREFIX = "/small-steps";

/**
 * The first command in a comment: a line that starts with `/small-steps <command>` or `@<app-slug> <command>`,
 * outside code blocks and quotes. `appSlug` is undefined when the app's slug is not known yet.
 */
export function parseCommand(body: string | null | undefined, appSlug?: string): Command | undefined {
  if (!body) return undefined;
  let fenced = false;
  for (const raw of body.split(/\r?\n/)) {
    const line = raw.trim();
    if (/^(```|~~~)/.test(line)) {
      fenced = !fenced;
      continue;
    }
    if (fenced || line.startsWith(">")) continue;
    const words = line.split(/\s+/);
    const head = words[0]?.toLowerCase();
    const addressed = head === PREFIX || (appSlug !== undefined && (head === `@${appSlug.toLowerCase()}` || head === `@${appSlug.toLowerCase()}[bot]`));
    if (!addressed) continue;
    const name = (words[1] ?? "help").toLowerCase();
    const argument = line.slice(line.indexOf(words[1] ?? "") + (words[1] ?? "").length).trim();
    if ((COMMANDS as readonly string[]).includes(name)) return { name: name as CommandName, argument: words[1] ? argument : "" };
    return { name: "help", argument: "", unknown: words[1] };
  }
  return undefined;
}

/** Whether a comment may address the app by mention, so that its slug is worth looking up. */
export function mentionsSomeone(body: string | null | undefined): boolean {
  return !!body && /^\s*@[\w-]+(\[bot\])?\s+\w+/m.test(body);
}

export function helpText(appSlug?: string): string {
  const mention = appSlug ? ` (or \`@${appSlug} <command>\`)` : "";
  return [
    `**small-steps commands**, at the start of a line in a comment, review comment or review${mention}:`,
    "",
    "| Command | What it does |",
    "|---|---|",
    "| `/small-steps recheck` | measure the pull request again |",
    "| `/small-steps explain` | the full breakdown: what was counted, what was excluded and why, the migration findings |",
    "| `/small-steps split` | a plan to split this pull request into parts under the limit (one comment, updated in place) |",
    "| `/small-steps fix` | a review with suggested changes that fix the Python 2 constructs this pull request adds |",
    "| `/small-steps accept <reason>` | accept this size, with a reason for the audit trail (needs write access or more, as configured) |",
    "| `/small-steps revoke` | take an acceptance back |",
    "| `/small-steps help` | this list |",
  ].join("\n");
}
