import { parse as parseToml } from "smol-toml";
import { normaliseName, parseRequirement, constraintIsPython2Only, markerIsPython2Only, type Requirement } from "./requirement.js";

export type ManifestKind = "requirements" | "setup.py" | "setup.cfg" | "pyproject.toml" | "Pipfile";

export function manifestKind(path: string): ManifestKind | undefined {
  const base = path.slice(path.lastIndexOf("/") + 1);
  // requirements.txt, requirements-dev.in, test-requirements.txt, constraints.txt
  if (/(?:requirements|constraints)[\w.-]*\.(?:txt|in)$/i.test(base)) return "requirements";
  if (/(?:^|\/)requirements\/[^/]+\.(?:txt|in)$/i.test(path)) return "requirements";
  if (base === "setup.py") return "setup.py";
  if (base === "setup.cfg") return "setup.cfg";
  if (base === "pyproject.toml") return "pyproject.toml";
  if (base === "Pipfile") return "Pipfile";
  return undefined;
}

export interface ParsedManifest {
  requirements: Requirement[];
  /** Why part of the file could not be read (a non-literal setup.py list, a TOML error). */
  problems: string[];
}

/** The 1-based line where a dependency's name first appears, for annotations on TOML and setup files. */
function lineOf(lines: string[], name: string): number {
  const key = normaliseName(name);
  const index = lines.findIndex((l) => l.match(/[A-Za-z0-9._-]+/g)?.some((token) => normaliseName(token) === key));
  return index === -1 ? 1 : index + 1;
}

/** A line without its `#` comment (a `#` inside a word, as in `#egg=`, is not one). */
function withoutComment(line: string): string {
  // Stryker disable next-line Regex: a line that starts with # yields no requirement either way
  return line.replace(/(?:^|\s)#.*/, "");
}

/** A requirement given as a URL or a path (`https://…/lxml-4.2-cp27-none.whl`, `./pkg`, `git+https://…`), not a name. */
const URL_OR_PATH = /^(?:[A-Za-z][A-Za-z0-9+.-]*:\/\/|\.{0,2}[/\\]|\.$|[A-Za-z]:[/\\]|[^\s;@]+\.(?:whl|tar\.gz|tar\.bz2|zip)(?:[\s;#]|$))/;

/** The project a URL or path names, as pip reads it: `#egg=name`, else a wheel's or an archive's file name; else none. */
function nameOfUrl(location: string): string | undefined {
  const egg = /[#&]egg=([A-Za-z0-9._-]+)/.exec(location);
  if (egg) return egg[1];
  const file = location.split(/[?#]/)[0].split(/[/\\]/).pop() ?? "";
  const wheel = /^([A-Za-z0-9][A-Za-z0-9._]*?)-[^-]+-.*\.whl$/.exec(file);
  if (wheel) return wheel[1];
  const archive = /^([A-Za-z0-9][A-Za-z0-9._-]*?)-\d[^/]*\.(?:tar\.gz|tar\.bz2|tgz|zip)$/.exec(file);
  return archive?.[1];
}

/**
 * A requirements file as pip reads it: options (`-r`, `-c`, `--index-url`, `--hash` after a requirement) name no
 * package; `-e` and bare URLs or paths name one only through `#egg=` or a wheel's or archive's file name; `name @ url`
 * is `name`; environment markers follow `;`. Lines continue after a backslash.
 */
function fromRequirementsTxt(text: string): ParsedManifest {
  const requirements: Requirement[] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const start = i;
    let line = lines[i];
    while (line.endsWith("\\")) {
      line = line.slice(0, -1); // as pip: a backslash on the last line is dropped
      if (i + 1 === lines.length) break;
      line += " " + lines[++i];
    }
    line = withoutComment(line).trim();
    const editable = /^(?:-e|--editable)(?:\s+|=)(\S+)/.exec(line);
    const location = editable ? editable[1] : line.startsWith("-") ? undefined : URL_OR_PATH.test(line) ? line.split(/[\s;]/)[0] : undefined;
    if (location !== undefined || editable) {
      const name = location !== undefined ? nameOfUrl(location) ?? nameOfUrl(lines[start]) : undefined;
      const marker = line.includes(";") ? line.slice(line.indexOf(";") + 1) : "";
      if (name) requirements.push({ name, key: normaliseName(name), python2Only: markerIsPython2Only(marker), line: start + 1 });
      continue;
    }
    if (line.startsWith("-")) continue; // -r, -c, --index-url and other options
    const requirement = parseRequirement(line.replace(/\s--\S.*/, ""), start + 1);
    if (requirement) requirements.push(requirement);
  }
  return { requirements, problems: [] };
}

/** The dependency manifests at a repository's root that declare what it needs to run. */
export const ROOT_MANIFESTS: readonly string[] = ["requirements.txt", "setup.py", "setup.cfg", "pyproject.toml", "Pipfile"];

/**
 * The root manifests a change does not touch, to be read at its base when it touches some: a package a changed
 * manifest adds is new only if no manifest declared it before (a new `requirements-py3.txt` repeats the old ones).
 */
export function unchangedRootManifests(changedManifests: readonly string[]): string[] {
  if (changedManifests.length === 0) return [];
  return ROOT_MANIFESTS.filter((path) => !changedManifests.includes(path));
}

/** Requirements files for documentation, tests or development: their packages are not what the code needs to run. */
export function isRuntimeManifest(path: string): boolean {
  if (manifestKind(path) !== "requirements") return true;
  return !/(?:^|[/_.-])(?:docs?|tests?|testing|dev|develop|development|lint|linting|ci|tox|build|typing|mypy|bench|benchmarks?|examples?)(?=[/_.-]|$)/i.test(path.replace(/(?:requirements|constraints)/gi, ""));
}

/** The names a project's own packaging gives it (setup.py's `name=`, setup.cfg's and pyproject's names). */
export function projectNamesIn(kind: ManifestKind, text: string): string[] {
  if (kind === "setup.py") return [...text.matchAll(/\bname\s*=\s*["']([A-Za-z0-9._-]+)["']/g)].map((m) => m[1]);
  if (kind === "setup.cfg") {
    const metadata = /^\[metadata\][^]*?^name\s*[=:]\s*([A-Za-z0-9._-]+)/m.exec(text);
    return metadata ? [metadata[1]] : [];
  }
  if (kind === "pyproject.toml") {
    try {
      const doc = parseToml(text) as TomlTable;
      const names = [isTable(doc.project) ? doc.project.name : undefined, isTable(doc.tool) && isTable(doc.tool.poetry) ? doc.tool.poetry.name : undefined];
      return names.filter((n): n is string => typeof n === "string");
    } catch {
      return [];
    }
  }
  return [];
}

interface ListLiteral {
  items: Array<{ value: string; line: number }>;
  /** Index of the closing bracket. */
  end: number;
}

/** String literals of a Python list literal, with their line numbers; undefined when the list is not all literals. */
function listLiteral(text: string, openBracket: number): ListLiteral | undefined {
  const items: ListLiteral["items"] = [];
  let i = openBracket + 1;
  // Stryker disable next-line EqualityOperator: one step past the end reads no character, and the list is unclosed either way
  while (i < text.length) {
    const ch = text[i];
    if (ch === "]") return { items, end: i };
    if (ch === "#") {
      i = text.indexOf("\n", i);
      // Stryker disable next-line ConditionalExpression,UnaryOperator: at -1 the next round reads text[-1], which is no literal either
      if (i === -1) return undefined;
      continue;
    }
    if (ch === '"' || ch === "'") {
      const end = text.indexOf(ch, i + 1);
      // Stryker disable next-line ConditionalExpression,UnaryOperator: at -1 the next round starts again at the file's first character, not a list
      if (end === -1) return undefined;
      items.push({ value: text.slice(i + 1, end), line: text.slice(0, i).split("\n").length });
      i = end + 1;
      continue;
    }
    if (!/[\s,]/.test(ch)) return undefined; // a name, a call, a comprehension
    i++;
  }
  return undefined;
}

function requirementsOf(list: ListLiteral, into: Requirement[]): void {
  for (const { value, line } of list.items) {
    const r = parseRequirement(value, line);
    if (r) into.push(r);
  }
}

/** install_requires and extras_require of a setup.py, read as literals; setup.py is never executed. */
function fromSetupPy(text: string): ParsedManifest {
  const requirements: Requirement[] = [];
  const problems: string[] = [];
  const install = /\binstall_requires\s*=\s*/.exec(text);
  if (install) {
    const at = install.index + install[0].length;
    // Stryker disable next-line ConditionalExpression: after anything but a bracket the reader meets a name or a quote's contents, never a whole list
    const list = text[at] === "[" ? listLiteral(text, at) : undefined;
    if (list) requirementsOf(list, requirements);
    else problems.push("setup.py: install_requires is not a literal list, so it was not read");
  }
  const extras = /\bextras_require\s*=\s*\{/.exec(text);
  if (extras) {
    let i = extras.index + extras[0].length;
    for (;;) {
      const next = text.slice(i).search(/[[}]/);
      if (next === -1 || text[i + next] === "}") break;
      const list = listLiteral(text, i + next);
      if (!list) {
        problems.push("setup.py: extras_require is not literal, so part of it was not read");
        break;
      }
      requirementsOf(list, requirements);
      i = list.end + 1;
    }
  }
  return { requirements, problems };
}

/** [options] install_requires and [options.extras_require] of a setup.cfg (values continue on indented lines). */
function fromSetupCfg(text: string): ParsedManifest {
  const requirements: Requirement[] = [];
  let section: string | undefined;
  let collecting = false;
  text.split(/\r?\n/).forEach((raw, i) => {
    // configparser's section header: a bracketed name at the start of a line, whatever follows it
    const header = /^\[([^\]]+)\]/.exec(raw);
    if (header) {
      section = header[1].trim();
      collecting = false;
      return;
    }
    const keyValue = /^([A-Za-z_][\w.-]*)\s*[=:](.*)/.exec(raw);
    let value: string | undefined;
    if (keyValue) {
      collecting = (section === "options" && keyValue[1] === "install_requires") || section === "options.extras_require";
      value = keyValue[2];
    } else if (/^\s+\S/.test(raw)) value = raw; // a continuation of the last key's value
    const r = collecting && value !== undefined && parseRequirement(withoutComment(value), i + 1);
    if (r) requirements.push(r);
  });
  return { requirements, problems: [] };
}

type TomlTable = Record<string, unknown>;
// smol-toml's tables have no prototype; arrays, dates and strings are not tables
const isTable = (v: unknown): v is TomlTable => Object.prototype.toString.call(v) === "[object Object]";

/** A Poetry `python` constraint (`^2.7`, `>=2.7,<3`, `~2.7 || ~3.4`) that no Python 3 satisfies. */
function poetryPythonIsPython2Only(constraint: string): boolean {
  return constraint.split("||").every((branch) =>
    branch
      .replace(/([<>=!~^])\s+/g, "$1")
      // Stryker disable next-line Regex: an empty clause between two separators restricts nothing
      .split(/[,\s]+/)
      .some((clause) => {
        // Stryker disable next-line Regex: every clause of a constraint starts with its operator or its version
        const match = /^(<=|<|===|==|~=|~|\^|>=|>|!=)?(\d[\d.]*)/.exec(clause);
        return match ? constraintIsPython2Only(match[1] ?? "==", match[2]) : false;
      }),
  );
}

/** A Poetry or Pipfile entry: `name = "1.0"` or `name = { version = "1.0", python = "<3", markers = "…" }`. */
function fromNamedTable(table: unknown, lines: string[], skip?: string): Requirement[] {
  if (!isTable(table)) return [];
  return Object.entries(table)
    .filter(([name]) => name.toLowerCase() !== skip)
    .map(([name, spec]) => {
      const version = typeof spec === "string" ? spec : isTable(spec) && typeof spec.version === "string" ? spec.version : undefined;
      const python2Only =
        (isTable(spec) && typeof spec.python === "string" && poetryPythonIsPython2Only(spec.python)) ||
        (isTable(spec) && typeof spec.markers === "string" && markerIsPython2Only(spec.markers));
      const pin = version && /^\s*={0,2}\s*(\d[\w.+!-]*)\s*$/.exec(version);
      return { name, key: normaliseName(name), pinned: pin ? pin[1] : undefined, python2Only, line: lineOf(lines, name) };
    });
}

function fromToml(text: string, kind: "pyproject.toml" | "Pipfile"): ParsedManifest {
  let doc: TomlTable;
  try {
    doc = parseToml(text) as TomlTable;
  } catch (error) {
    return { requirements: [], problems: [`${kind} is not valid TOML: ${(error as Error).message.split("\n")[0]}`] };
  }
  const lines = text.split(/\r?\n/);
  if (kind === "Pipfile") return { requirements: [...fromNamedTable(doc.packages, lines), ...fromNamedTable(doc["dev-packages"], lines)], problems: [] };
  const requirements: Requirement[] = [];
  const fromStrings = (list: unknown) => {
    if (!Array.isArray(list)) return;
    for (const item of list) {
      if (typeof item !== "string") continue;
      const r = parseRequirement(item, 1);
      if (r) requirements.push({ ...r, line: lineOf(lines, r.name) });
    }
  };
  const project = isTable(doc.project) ? doc.project : {};
  fromStrings(project.dependencies);
  if (isTable(project["optional-dependencies"])) Object.values(project["optional-dependencies"]).forEach(fromStrings);
  const poetry = isTable(doc.tool) && isTable(doc.tool.poetry) ? doc.tool.poetry : {};
  requirements.push(...fromNamedTable(poetry.dependencies, lines, "python"), ...fromNamedTable(poetry["dev-dependencies"], lines));
  if (isTable(poetry.group)) for (const group of Object.values(poetry.group)) if (isTable(group)) requirements.push(...fromNamedTable(group.dependencies, lines));
  return { requirements, problems: [] };
}

export function parseManifest(kind: ManifestKind, text: string): ParsedManifest {
  switch (kind) {
    case "requirements":
      return fromRequirementsTxt(text);
    case "setup.py":
      return fromSetupPy(text);
    case "setup.cfg":
      return fromSetupCfg(text);
    case "pyproject.toml":
    case "Pipfile":
      return fromToml(text, kind);
  }
}
