import { Minimatch } from "minimatch";
import type { ChangedFile, Hunk } from "../changed-file.js";
import { hunkSides, type LinePack, type LineVerdict } from "../line-pack.js";
import { guardedLines } from "./guards.js";
import { compatibilityMarkerIn, namesDefinedIn, oldConstructIn } from "./rules.js";
import { stripHunkSide } from "./source.js";

/** The python3 pack: Python 2 constructs removed (migration), added outside a guard (regression), compatibility code. */
export function python3Pack(files: readonly string[] = ["**/*.py", "**/*.pyw"]): LinePack {
  const globs = files.map((f) => new Minimatch(f, { dot: true, matchBase: !f.includes("/") }));
  return {
    name: "python3",
    appliesTo: (path) => globs.some((glob) => glob.match(path)),
    classify(_file: ChangedFile, hunks: Hunk[]) {
      const sides = hunks.map(hunkSides);
      let defined: Set<string> | undefined;
      const ownNames = () => (defined ??= namesDefinedIn(sides.flatMap((s) => s.newLines)));
      return hunks.map((hunk, h) => {
        const { oldLines, newLines, oldIndex, newIndex } = sides[h];
        const oldCode = stripHunkSide(oldLines, hunk.oldStart <= 1);
        const newCode = stripHunkSide(newLines, hunk.newStart <= 1);
        const oldGuarded = guardedLines(oldLines, oldCode);
        const newGuarded = guardedLines(newLines, newCode);
        return hunk.changes.map((change, c): LineVerdict | undefined => {
          if (change.type === "normal") return undefined;
          const removed = change.type === "del";
          const i = removed ? oldIndex[c] : newIndex[c];
          const line = (removed ? oldCode : newCode)[i];
          const guarded = (removed ? oldGuarded : newGuarded)[i];
          const hit = oldConstructIn(line.code, ownNames);
          const marker = compatibilityMarkerIn(line.code);
          if (removed) {
            if (hit) return { lineClass: "migration", rule: { id: hit.id, message: hit.message }, removesOldConstruct: true };
            return { lineClass: marker || guarded ? "migration" : "other" };
          }
          if (hit && (!guarded || hit.syntax)) return { lineClass: "regression", rule: { id: hit.id, message: hit.message } };
          return { lineClass: marker || guarded || hit ? "migration" : "other" };
        });
      });
    },
  };
}
