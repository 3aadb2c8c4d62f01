/** One declared dependency, reduced to what the "No Python 3, no new package" rule needs. */
export interface Requirement {
  /** The name as written. */
  name: string;
  /** PEP 503 normalised name: lower case, runs of -_. become one -. */
  key: string;
  /** The exact version when pinned with ==. */
  pinned?: string;
  /** An environment marker restricts it to Python 2, so Python 3 never installs it. */
  python2Only: boolean;
  /** 1-based line in its manifest, for annotations. */
  line: number;
}

export function normaliseName(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, "-");
}

const NAME = /^\s*([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)/;

/** Does a version constraint on Python (a PEP 508 clause or a Poetry constraint) allow only Python 2? */
export function constraintIsPython2Only(operator: string, version: string): boolean {
  const [major, minor] = version.split(".").map((part) => Number.parseInt(part, 10)); // NaN compares false: not Python 2
  switch (operator) {
    case "<":
      return major < 3 || (major === 3 && !(minor > 0));
    case "<=":
    case "==":
    case "===":
    case "~=":
    case "~":
    case "^":
      return major <= 2;
    default:
      return false;
  }
}

const MARKER_CLAUSE = /python_(?:full_)?version\s*(<=|<|===|==|~=|!=|>=|>)\s*["']([^"']+)["']/;

/** A PEP 508 marker that no Python 3 satisfies: every `or` branch has an `and` clause that wants Python 2. */
export function markerIsPython2Only(marker: string): boolean {
  const branches = marker.split(/\bor\b/);
  return branches.every((branch) =>
    branch.split(/\band\b/).some((clause) => {
      const match = MARKER_CLAUSE.exec(clause);
      return match ? constraintIsPython2Only(match[1], match[2]) : false;
    }),
  );
}

/** Parse one PEP 508 requirement string (`name[extra]>=1,<2; python_version < "3"`); undefined if it is not one. */
export function parseRequirement(text: string, line: number): Requirement | undefined {
  // Stryker disable next-line StringLiteral: any text without a python_version clause is no marker for Python 2
  const [spec, marker = ""] = text.split(";", 2);
  const nameMatch = NAME.exec(spec);
  if (!nameMatch) return undefined;
  const name = nameMatch[1];
  const rest = spec.slice(nameMatch[0].length).replace(/\[[^\]]*\]/, "");
  const pin = /^\s*\(?\s*===?\s*([A-Za-z0-9._+!-]+)\s*\)?\s*$/.exec(rest);
  return { name, key: normaliseName(name), pinned: pin && !pin[1].includes("*") ? pin[1] : undefined, python2Only: markerIsPython2Only(marker), line };
}
