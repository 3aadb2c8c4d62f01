// @ts-nocheck
import { createReadStream } from "node:fs";
import { packsFor } from "../engine.js";
import { defaultConfig } from "../policy/config.js";
import { scanJobs } from "../scan/scan-tree.js";
import { tarballJobs, type TarballStats } from "../scan/tarball.js";

/** The dashboard's streaming path over a tarball on disk, as a whole process (for `npm run bench`): prints the counts. */
const config = defaultConfig();
const stats: TarballStats = { bytes: 0, truncated: false, skipped: [], gitattributes: [], unsafe: 0 };
const result = await scanJobs(tarballJobs(createReadStream(process.argv[2]), packsFor(config), config.dashboard.maxBytes, stats), config, () => stats.gitattributes, { extraSkipped: stats.skipped });
process.stdout.write(JSON.stringify({ files: result.files, lines: result.lines, remaining: result.remaining.total }) + "\n");
