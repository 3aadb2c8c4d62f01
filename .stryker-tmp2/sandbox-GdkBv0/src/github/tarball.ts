// @ts-nocheck
import { Readable } from "node:stream";
import type { GitHub, RepoRef } from "./client.js";

/** How long the archive download may take in all (a big repository's tarball is hundreds of MB). */
const DOWNLOAD_TIMEOUT_MS = 10 * 60 * 1000;

/**
 * The repository's tarball at a commit, as a stream: one API call (`GET /repos/{owner}/{repo}/tarball/{ref}`) that
 * answers with a redirect to a short-lived signed address, then that address fetched and streamed, never buffered.
 * A server that sends the archive itself (no redirect) is read from its answer.
 */
export async function openTarball(github: GitHub, ref: RepoRef, sha: string): Promise<Readable> {
  const response = await github.request("GET /repos/{owner}/{repo}/tarball/{ref}", { owner: ref.owner, repo: ref.repo, ref: sha, request: { redirect: "manual" } });
  const location = (response.headers as Record<string, string | undefined>).location;
  if (!location) {
    const data = response.data as unknown;
    if (data instanceof ArrayBuffer) return Readable.from([Buffer.from(data)]);
    throw new Error(`GitHub answered the tarball request with ${response.status} and no archive`);
  }
  const download = await fetch(location, { signal: AbortSignal.timeout(DOWNLOAD_TIMEOUT_MS) });
  if (!download.ok || !download.body) throw Object.assign(new Error(`downloading the tarball failed: HTTP ${download.status}`), { status: download.status });
  return Readable.fromWeb(download.body as import("node:stream/web").ReadableStream);
}
