// @ts-nocheck
import { gzipSync } from "node:zlib";
import tar from "tar-stream";

/** A gzipped tarball as GitHub serves one: every entry under `owner-repo-sha/`. Symlinks by a `->` value. */
export async function tarball(files: Record<string, string | Buffer>, prefix = "Codertocat-Hello-World-abc1234/"): Promise<Buffer> {
  const pack = tar.pack();
  const chunks: Buffer[] = [];
  pack.on("data", (c) => void chunks.push(c as Buffer));
  const done = new Promise<void>((resolve) => pack.on("end", () => resolve()));
  for (const [path, content] of Object.entries(files)) {
    const name = path.startsWith("/") || path.startsWith("..") ? path : `${prefix}${path}`;
    if (typeof content === "string" && content.startsWith("->")) pack.entry({ name, type: "symlink", linkname: content.slice(2) });
    else pack.entry({ name }, content);
  }
  pack.finalize();
  await done;
  return gzipSync(Buffer.concat(chunks));
}
