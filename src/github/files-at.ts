import type { GitHub, RepoRef } from "./client.js";

/** Files read at most per event to judge regressions with the whole file in view. */
export const MAX_FILES_READ = 50;

/** The text of files at a commit, in one GraphQL query; missing or binary files are left out. */
export async function readFilesAt(github: GitHub, ref: RepoRef, sha: string, paths: readonly string[]): Promise<Map<string, string>> {
  const wanted = paths.slice(0, MAX_FILES_READ);
  const texts = new Map<string, string>();
  if (wanted.length === 0) return texts;
  const variables: Record<string, string> = {};
  const fields = wanted.map((path, i) => {
    variables[`p${i}`] = `${sha}:${path}`;
    return `f${i}: object(expression: $p${i}) { ... on Blob { text } }`;
  });
  const declared = wanted.map((_, i) => `, $p${i}: String!`).join("");
  const { repository } = await github.graphql<{ repository: Record<string, { text?: string | null } | null> }>(
    `query($owner: String!, $repo: String!${declared}) { repository(owner: $owner, name: $repo) { ${fields.join(" ")} } }`,
    { owner: ref.owner, repo: ref.repo, ...variables },
  );
  wanted.forEach((path, i) => {
    const text = repository[`f${i}`]?.text;
    if (typeof text === "string") texts.set(path, text);
  });
  return texts;
}
