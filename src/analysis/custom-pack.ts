import { globMatcher } from "./safe-glob.js";
import { RE2JS } from "re2js";
import type { ChangedFile, Hunk } from "./changed-file.js";
import { MAX_JUDGED_LINE, type LinePack, type LineVerdict } from "./line-pack.js";

/** A pack written in config: files, patterns of the old construct and of its replacement. */
export interface CustomPackSpec {
  name: string;
  files: string[];
  old: string[];
  new: string[];
  message?: string;
}

export interface PatternProblem {
  path: string;
  message: string;
}

/**
 * Compile the patterns of user-written packs with RE2 semantics (re2js): matching time is linear in the line's
 * length whatever the pattern, so a config from any member cannot stall the app. Problems carry their key path.
 */
export function compileCustomPacks(specs: readonly CustomPackSpec[], keyPath = "migration.custom"): { packs: LinePack[]; problems: PatternProblem[] } {
  const problems: PatternProblem[] = [];
  const packs = specs.map((spec, p) => {
    const compile = (list: string[], kind: "old" | "new") =>
      list.flatMap((pattern, i) => {
        try {
          return [RE2JS.compile(pattern)];
        } catch (error) {
          problems.push({ path: `${keyPath}[${p}].${kind}[${i}]`, message: `not a valid RE2 pattern: ${(error as Error).message}` });
          return [];
        }
      });
    const oldPatterns = compile(spec.old, "old");
    const newPatterns = compile(spec.new, "new");
    const globs = spec.files.map((f) => globMatcher(f, { matchBase: true }));
    const message = spec.message ?? `${spec.name}: this is what the migration removes${spec.new.length ? "; use the replacement" : ""}.`;
    const pack: LinePack = {
      name: spec.name,
      appliesTo: (path) => globs.some((matches) => matches(path)),
      scan(text: string) {
        return text.split(/\r?\n/).flatMap((line, i) => (line.length <= MAX_JUDGED_LINE && oldPatterns.some((re) => re.test(line)) ? [{ line: i + 1, rule: `${spec.name}/old` }] : []));
      },
      classify(_file: ChangedFile, hunks: Hunk[]) {
        return hunks.map((hunk) =>
          hunk.changes.map((change): LineVerdict | undefined => {
            if (change.type === "normal") return undefined;
            const text = change.content.slice(1);
            // RE2's time is linear in the line, but its program can be large: long lines are not judged.
            if (text.length > MAX_JUDGED_LINE) return { lineClass: "other" };
            const old = oldPatterns.find((re) => re.test(text));
            const rule = old && { id: `${spec.name}/old`, message };
            if (change.type === "del") return old ? { lineClass: "migration", rule, removesOldConstruct: true } : { lineClass: "other" };
            if (old) return { lineClass: "regression", rule };
            return { lineClass: newPatterns.some((re) => re.test(text)) ? "migration" : "other" };
          }),
        );
      },
    };
    return pack;
  });
  return { packs, problems };
}
