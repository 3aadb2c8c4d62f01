// @ts-nocheck
import { parse as parseToml } from "smol-toml";
import { normaliseName, parseRequirement, constraintIsPython2Only, markerIsPython2Only, type Requirement } from "./requirement.js";

export type ManifestKind = "requirements" | "setup.py" | "setup.cfg" | "pyproject.toml" | "Pipfile";

export function manifestKind(path: string): ManifestKind | undefined {
  const base = path.slice(path.lastIndexOf("/") + 1);
  if (/^(?:requirements|constraints)[\w.-]*\.(?:txt|in)$/i.test(base)) return "requirements";
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
function lineOf(lines: string[], name: string, from = 0): number {
  const key = normaliseName(name);
  const index = lines.findIndex((l, i) => i >= from && l.split(/[^A-Za-z0-9._-]+/).some((token) => token && normaliseName(token) === key));
  return index === -1 ? 1 : index + 1;
}

function fromRequirementsTxt(text: string): ParsedManifest {
  const requirements: Requirement[] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const start = i;
    let line = lines[i];
    while (line.endsWith("\\") && i + 1 < lines.length) line = line.slice(0, -1) + " " + lines[++i];
    line = line.replace(/(?:^|\s)#.*$/, "").trim();
    if (!line) continue;
    const egg = /#egg=([A-Za-z0-9._-]+)/.exec(lines[start]);
    if (line.startsWith("-")) {
      if (egg) requirements.push({ name: egg[1], key: normaliseName(egg[1]), python2Only: false, line: start + 1 });
      continue; // -r, -c, --index-url and other options
    }
    const requirement = parseRequirement(line.replace(/\s--\S+.*$/, ""), start + 1);
    if (requirement) requirements.push(requirement);
  }
  return { requirements, problems: [] };
}

/** String literals of a Python list literal, with their line numbers. */
function listLiterals(text: string, openBracket: number): Array<{ value: string; line: number }> | undefined {
  const items: Array<{ value: string; line: number }> = [];
  let i = openBracket + 1;
  while (i < text.length) {
    const ch = text[i];
    if (ch === "]") return items;
    if (ch === "#") {
      i = text.indexOf("\n", i);
      if (i === -1) return undefined;
      continue;
    }
    if (ch === '"' || ch === "'") {
      const end = text.indexOf(ch, i + 1);
      if (end === -1) return undefined;
      items.push({ value: text.slice(i + 1, end), line: text.slice(0, i).split("\n").length });
      i = end + 1;
      continue;
    }
    if (/[\s,]/.test(ch)) {
      i++;
      continue;
    }
    return undefined; // a name, a call, a comprehension: not a literal
  }
  return undefined;
}

/** install_requires and extras_require of a setup.py, read as literals; setup.py is never executed. */
function fromSetupPy(text: string): ParsedManifest {
  const requirements: Requirement[] = [];
  const problems: string[] = [];
  const install = /\binstall_requires\s*=\s*/.exec(text);
  if (install) {
    const at = install.index + install[0].length;
    const items = text[at] === "[" ? listLiterals(text, at) : undefined;
    if (items) for (const { value, line } of items) {
      const r = parseRequirement(value, line);
      if (r) requirements.push(r);
    }
    else problems.push("setup.py: install_requires is not a literal list, so it was not read");
  }
  const extras = /\bextras_require\s*=\s*\{/.exec(text);
  if (extras) {
    let i = extras.index + extras[0].length;
    for (;;) {
      const next = text.slice(i).search(/[[}]/);
      if (next === -1 || text[i + next] === "}") break;
      const items = listLiterals(text, i + next);
      if (!items) {
        problems.push("setup.py: extras_require is not literal, so part of it was not read");
        break;
      }
      for (const { value, line } of items) {
        const r = parseRequirement(value, line);
        if (r) requirements.push(r);
      }
      i = text.indexOf("]", i + next) + 1;
    }
  }
  return { requirements, problems };
}

/** [options] install_requires and [options.extras_require] of a setup.cfg (values continue on indented lines). */
function fromSetupCfg(text: string): ParsedManifest {
  const requirements: Requirement[] = [];
  const lines = text.split(/\r?\n/);
  let section = "";
  let collecting = false;
  lines.forEach((raw, i) => {
    const header = /^\s*\[([^\]]+)\]\s*$/.exec(raw);
    if (header) {
      section = header[1].trim();
      collecting = false;
      return;
    }
    const keyValue = /^([A-Za-z_][\w.-]*)\s*[=:]\s*(.*)$/.exec(raw);
    if (keyValue) {
      collecting = (section === "options" && keyValue[1] === "install_requires") || section === "options.extras_require";
      if (collecting && keyValue[2].trim()) {
        const r = parseRequirement(keyValue[2].replace(/(?:^|\s)#.*$/, "").trim(), i + 1);
        if (r) requirements.push(r);
      }
      return;
    }
    if (collecting && /^\s+\S/.test(raw)) {
      const value = raw.replace(/(?:^|\s)#.*$/, "").trim();
      const r = value && parseRequirement(value, i + 1);
      if (r) requirements.push(r);
    }
  });
  return { requirements, problems: [] };
}

type TomlTable = Record<string, unknown>;
const isTable = (v: unknown): v is TomlTable => typeof v === "object" && v !== null && !Array.isArray(v);

/** A Poetry or Pipfile entry: `name = "1.0"` or `name = { version = "1.0", python = "<3", markers = "…" }`. */
function fromNamedTable(table: unknown, lines: string[], skip: string[] = []): Requirement[] {
  if (!isTable(table)) return [];
  return Object.entries(table)
    .filter(([name]) => !skip.includes(name.toLowerCase()))
    .map(([name, spec]) => {
      const version = typeof spec === "string" ? spec : isTable(spec) && typeof spec.version === "string" ? spec.version : undefined;
      const python = isTable(spec) && typeof spec.python === "string" ? spec.python : undefined;
      const markers = isTable(spec) && typeof spec.markers === "string" ? spec.markers : "";
      const pythonMatch = python ? /^\s*(<=|<|==|~=|~|\^)?\s*([\d.]+)/.exec(python) : null;
      const python2Only = (pythonMatch ? constraintIsPython2Only(pythonMatch[1] ?? "==", pythonMatch[2]) : false) || markerIsPython2Only(markers);
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
  requirements.push(...fromNamedTable(poetry.dependencies, lines, ["python"]), ...fromNamedTable(poetry["dev-dependencies"], lines));
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
