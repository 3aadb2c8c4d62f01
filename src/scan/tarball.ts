import { Readable } from "node:stream";
import { createGunzip } from "node:zlib";
import tar from "tar-stream";
import { MAX_FILE_BYTES, scanReads, type ScanSkip } from "../analysis/scan/scanner.js";
import type { LinePack } from "../analysis/line-pack.js";
import type { ScanJob } from "./pool.js";
import { CODEOWNERS_PATHS } from "../campaign/owners.js";

/** The most entries read from one tarball (a large repository has tens of thousands). */
export const MAX_TAR_ENTRIES = 200_000;

export interface TarballStats {
  /** Bytes read, uncompressed (a small gzip can unpack to a great deal: the bound counts what is unpacked). */
  bytes: number;
  /** Set when `maxBytes` or MAX_TAR_ENTRIES was reached and the rest of the tarball was not read. */
  truncated: boolean;
  skipped: ScanSkip[];
  gitattributes: Array<{ path: string; text: string }>;
  /** Entries left out for safety: symlinks, `..` or absolute paths. */
  unsafe: number;
  /** The CODEOWNERS files found (where GitHub looks for one), for the campaign's batches by owner. */
  codeowners?: Array<{ path: string; text: string }>;
}

/**
 * A repository tarball (`owner-repo-sha/` prefix, as GitHub serves it) as scan jobs, gunzipped and untarred in
 * memory as it arrives: nothing touches the disk. Only files a pack or the dependency check reads are kept in memory,
 * one at a time; symlinks and paths with `..` or a leading `/` are ignored; files over 1 MB are skipped and counted.
 */
export async function* tarballJobs(source: Readable, packs: readonly LinePack[], maxBytes: number, stats: TarballStats): AsyncGenerator<ScanJob> {
  const extract = tar.extract();
  const gunzip = createGunzip();
  const stop = () => {
    if (stats.truncated) return;
    stats.truncated = true;
    source.destroy();
    extract.destroy();
  };
  gunzip.on("data", (chunk: Buffer) => {
    stats.bytes += chunk.length;
    if (stats.bytes > maxBytes) stop();
  });
  let entries = 0;
  source.on("error", (error) => extract.destroy(error));
  gunzip.on("error", (error) => extract.destroy(error));
  source.pipe(gunzip).pipe(extract);
  const isAttributes = (path: string) => path === ".gitattributes" || path.endsWith("/.gitattributes");
  const isOwners = (path: string) => CODEOWNERS_PATHS.includes(path);
  const wanted = (path: string) => isAttributes(path) || isOwners(path) || scanReads(path, packs);
  try {
    for await (const entry of extract) {
      // A million tiny entries cost memory and time out of proportion to their bytes.
      if (++entries > MAX_TAR_ENTRIES) {
        entry.resume();
        stop();
        break;
      }
      const header = entry.header;
      const name = header.name.replace(/^[^/]*\//, ""); // GitHub's top folder: owner-repo-sha/
      const unsafe = header.name.startsWith("/") || header.name.split("/").includes("..");
      if (header.type !== "file" || unsafe || !name) {
        if (unsafe || header.type === "symlink" || header.type === "link") stats.unsafe++;
        entry.resume();
        continue;
      }
      if (!wanted(name)) {
        entry.resume();
        continue;
      }
      if ((header.size ?? 0) > MAX_FILE_BYTES) {
        stats.skipped.push({ path: name, reason: `over 1 MB (${Math.round((header.size ?? 0) / 1024)} KB)` });
        entry.resume();
        continue;
      }
      const chunks: Buffer[] = [];
      for await (const chunk of entry) chunks.push(chunk as Buffer);
      const bytes = Buffer.concat(chunks);
      if (isAttributes(name)) stats.gitattributes.push({ path: name, text: bytes.toString("utf8") });
      if (isOwners(name)) {
        (stats.codeowners ??= []).push({ path: name, text: bytes.toString("utf8") });
        if (!scanReads(name, packs)) continue;
      }
      yield { path: name, bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) };
    }
  } catch (error) {
    if (!stats.truncated) throw error;
  }
}
