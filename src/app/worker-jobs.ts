import type { EngineInput } from "../engine.js";
import { campaignBatches, type CampaignBatch, type CampaignOptions } from "../campaign/batches.js";
import { codeOwners } from "../campaign/owners.js";
import type { ScanResult } from "../analysis/scan/scanner.js";

/** A campaign's batches as a worker job: plain data in (the CODEOWNERS text, not its matcher), batches out. */
export interface CampaignJob {
  scan: Pick<ScanResult, "filesWithRemaining" | "remaining">;
  texts: Array<[string, string]>;
  options: Omit<CampaignOptions, "owners" | "skip"> & { skip: string[]; codeowners?: string };
}

/** What the analysis worker is asked to do. */
export type WorkerJob = { kind: "evaluate"; input: EngineInput } | { kind: "campaign"; job: CampaignJob };

export function runCampaignJob({ scan, texts, options }: CampaignJob): CampaignBatch[] {
  const { codeowners, skip, ...rest } = options;
  return campaignBatches(scan, new Map(texts), { ...rest, skip: new Set(skip), ...(codeowners !== undefined ? { owners: codeOwners(codeowners) } : {}) });
}
