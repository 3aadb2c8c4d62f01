import type { Context } from "probot";
import type { ChangedFile } from "../analysis/changed-file.js";
import { exclusive } from "../coordination/index.js";
import type { Evaluation } from "../engine.js";
import { planSuggestions, type Suggestion, type SuggestionPlan } from "../fix/suggestions.js";
import type { GitHub } from "../github/client.js";
import { describeFailure, formatFailure } from "../github/errors.js";
import { postedFingerprints, postSuggestionReview } from "../github/review-suggestions.js";
import type { Annotation } from "../policy/findings.js";
import { postable, renderReviewBody } from "../report/suggestions.js";
import type { PullRequestTarget } from "./pull-request-target.js";

export interface SuggestionOutcome {
  /** Suggestions in the review just posted (0: none posted). */
  posted: number;
  /** Fixes found that an earlier review of the app already suggests. */
  alreadyPosted: number;
  /** Regressions with no suggestion (no mechanical fix, or lines not added here, or the file not read whole). */
  unfixed: number;
  /** Why the review could not be posted (GitHub refused it, or failed): the check run stands, the fixes wait. */
  failure?: string;
}

/** The suggestions for an evaluation's python3 regressions, from the files and head texts the check read. */
export function suggestionsFor(evaluation: Evaluation, files: readonly ChangedFile[], headTexts?: ReadonlyMap<string, string>): SuggestionPlan {
  const regressions = evaluation.migration.regressions.filter((r) => r.pack === "python3");
  return regressions.length ? planSuggestions(regressions, files, headTexts, evaluation.config.fixes.target) : { suggestions: [], unfixed: [], unread: [] };
}

/** The check run's annotations, each on a line a one-line suggestion fixes carrying the fixed line. */
export function annotateFixes(annotations: readonly Annotation[], suggestions: readonly Suggestion[]): Annotation[] {
  return annotations.map((a) => {
    const fix = suggestions.find((s) => s.path === a.path && s.startLine === a.start_line && s.endLine === a.start_line && postable(s));
    return fix ? { ...a, message: `${a.message}\n\nFixed: ${fix.replacement.trim()}` } : a;
  });
}

/**
 * Post the suggestions of `plan` that no review of the app holds yet, as one review on the head commit: at most
 * `fixes.maxSuggestions` of them, the rest listed in its body. Under a lock per pull request, so that two instances
 * (or a recheck racing a push) never post the same fix twice.
 */
export function postSuggestions(context: Context, github: GitHub, target: PullRequestTarget, evaluation: Evaluation, plan: SuggestionPlan): Promise<SuggestionOutcome> {
  const ref = { owner: target.owner, repo: target.repo, pullNumber: target.number };
  const key = `${target.owner}/${target.repo}#${target.number}:fixes`;
  const unfixed = plan.unfixed.length;
  return exclusive(key, async () => {
    const candidates = plan.suggestions.filter(postable);
    if (!candidates.length) return { posted: 0, alreadyPosted: 0, unfixed };
    const seen = await postedFingerprints(github, ref);
    const fresh = candidates.filter((s) => !seen.has(s.fingerprint));
    const alreadyPosted = candidates.length - fresh.length;
    if (!fresh.length) return { posted: 0, alreadyPosted, unfixed };
    const max = evaluation.config.fixes.maxSuggestions;
    const posted = fresh.slice(0, max);
    let reviewId: number;
    try {
      reviewId = await postSuggestionReview(github, ref, target.headSha, posted, renderReviewBody(posted, fresh.slice(max), plan.unfixed, plan.unread));
    } catch (error) {
      // The check run is published: a refused review (a line GitHub no longer finds in the diff, a head that moved)
      // is reported where it was asked for and logged, never a failed delivery.
      const failure = describeFailure("Posting the suggested fixes", error);
      context.log.warn({ pr: target.number, err: error, failure }, "suggested fixes not posted");
      return { posted: 0, alreadyPosted, unfixed, failure: formatFailure(failure) };
    }
    context.log.info({ pr: target.number, reviewId, posted: posted.length, alreadyPosted, overCap: fresh.length - posted.length }, "suggested fixes posted");
    return { posted: posted.length, alreadyPosted, unfixed };
  });
}
