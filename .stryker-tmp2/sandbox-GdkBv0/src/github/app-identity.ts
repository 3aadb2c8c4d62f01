// @ts-nocheck
import type { Probot } from "probot";

/** The app's slug (its bot is `slug[bot]`): asked of GitHub once, with the app's own token, and again after a failure. */
let slug: Promise<string | undefined> | undefined;
export async function appSlug(app: Probot): Promise<string | undefined> {
  slug ??= app
    .auth()
    .then((octokit) => octokit.rest.apps.getAuthenticated())
    .then(({ data }) => data?.slug)
    .catch(() => {
      slug = undefined; // ask again next time
      return undefined;
    });
  return slug;
}

export function forgetAppSlug(): void {
  slug = undefined;
}
