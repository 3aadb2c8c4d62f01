import { mayNeedFixing } from "../fix/python3-fixes.js";
import type { ScanJob } from "../scan/pool.js";

/** Characters of Python kept for the campaign at most: the batches are made from what fits (a few are listed). */
export const CAMPAIGN_TEXT_CHARS = 64 * 1024 * 1024;

const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

/**
 * Passes scan jobs through, keeping the text of each Python file that a fix could change (valid UTF-8, something a
 * rule looks for): the campaign fixes those once the scan says which rules each has, with no second download.
 */
export async function* keepingFixableTexts(jobs: AsyncIterable<ScanJob>, texts: Map<string, string>, maxChars = CAMPAIGN_TEXT_CHARS): AsyncGenerator<ScanJob> {
  let kept = 0;
  for await (const job of jobs) {
    if (job.bytes && job.path.endsWith(".py") && kept + job.bytes.length <= maxChars) {
      try {
        const text = utf8.decode(job.bytes);
        if (mayNeedFixing(text)) {
          texts.set(job.path, text);
          kept += text.length;
        }
      } catch {
        /* not UTF-8: never rewritten */
      }
    }
    yield job;
  }
}
