import type { Python3Support } from "./changes.js";

/** The parts of PyPI's JSON API answer (`/pypi/NAME/json` or `/pypi/NAME/VERSION/json`) that tell Python 3 support. */
export interface PyPIRelease {
  info?: { requires_python?: string | null; classifiers?: string[]; version?: string };
  urls?: Array<{ filename?: string; packagetype?: string; python_version?: string }>;
}

/** Does a requires_python specifier set (`>=2.7, !=3.0.*`) admit some Python 3? */
export function requiresPythonAllows3(spec: string): boolean {
  const clauses = spec.split(",").map((c) => c.trim()); // an empty clause is unreadable, so rules nothing out
  // Try a few Python 3 versions: a clause set that admits none of them rules Python 3 out.
  return ["3.6", "3.8", "3.10", "3.12", "3.14"].some((candidate) => clauses.every((clause) => admits(clause, candidate)));
}

function compare(a: string, b: string): number {
  const pa = a.split(".").map(Number);
  const pb = b.split(".").map(Number);
  // Stryker disable next-line EqualityOperator: one place past both ends compares 0 with 0
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d) return d;
  }
  return 0;
}

function admits(clause: string, version: string): boolean {
  const match = /^(===|==|!=|<=|>=|~=|<|>)\s*([\d.*]+)/.exec(clause);
  if (!match) return true; // an unreadable clause rules nothing out
  const [, op, raw] = match;
  if (raw.endsWith("*")) {
    // Stryker disable next-line Regex: a version the pattern reads has its one star at its end
    const prefix = raw.replace(/\.?\*$/, "");
    const within = version === prefix || version.startsWith(prefix + ".");
    return op === "!=" ? !within : op === "==" ? within : true;
  }
  const c = compare(version, raw);
  switch (op) {
    case "<":
      return c < 0;
    case "<=":
      return c <= 0;
    case ">":
      return c > 0;
    case ">=":
      return c >= 0;
    case "==":
    case "===":
      return c === 0 || version.startsWith(raw + ".");
    case "!=":
      return c !== 0;
    case "~=": {
      // ~=2.7 means >=2.7 and ==2.*; ~=3.6.1 means >=3.6.1 and ==3.6.*
      const prefix = raw.split(".").slice(0, -1).join(".") || raw;
      return c >= 0 && (version === prefix || version.startsWith(prefix + "."));
    }
    default:
      // Stryker disable next-line BooleanLiteral: the pattern reads no operator without a case
      return true;
  }
}

const WHEEL_PY3 = /-(?:py3|py2\.py3|cp3\d+|pp3\d+)[.-]|-abi3-/;
const WHEEL_PY2_ONLY = /-(?:py2|cp2\d|pp2\d+)-/;

/** Judge Python 3 support from PyPI's answer: requires_python, then classifiers, then wheel tags. */
export function judgePython3Support(release: PyPIRelease): { python3: Python3Support; reason: string } {
  const requires = release.info?.requires_python?.trim();
  if (requires) {
    return requiresPythonAllows3(requires)
      ? { python3: "yes", reason: `requires_python "${requires}"` }
      : { python3: "no", reason: `requires_python "${requires}" excludes Python 3` };
  }
  // Stryker disable next-line ArrayDeclaration: no classifier is the text "Stryker was here"
  const classifiers = release.info?.classifiers ?? [];
  // Stryker disable next-line Regex: every classifier starts with its category, so ^ changes nothing
  if (classifiers.some((c) => /^Programming Language :: Python :: 3\b/.test(c))) return { python3: "yes", reason: "classifier Programming Language :: Python :: 3" };
  // Stryker disable next-line StringLiteral: a missing file name stands for one that is no wheel
  const wheels = (release.urls ?? []).map((u) => u.filename ?? "").filter((f) => f.endsWith(".whl"));
  if (wheels.some((w) => WHEEL_PY3.test(w))) return { python3: "yes", reason: "publishes Python 3 wheels" };
  // Stryker disable next-line Regex: every classifier starts with its category, so ^ changes nothing
  const python2Classifier = classifiers.some((c) => /^Programming Language :: Python :: 2\b/.test(c));
  const python2Wheels = wheels.length > 0 && wheels.every((w) => WHEEL_PY2_ONLY.test(w));
  if (python2Classifier || python2Wheels) {
    return { python3: "no", reason: python2Classifier ? "classifiers name Python 2 only" : "publishes Python 2 wheels only" };
  }
  return { python3: "unknown", reason: "PyPI's metadata does not say which Pythons it supports" };
}
