import { USES_SIX } from "./imports.js";
import type { Node } from "web-tree-sitter";
import { identifiersNamed, namedOf, slice, type Context, type Edit, type Fixer } from "./fixer.js";
import { firstTime, moduleShadowed, remembered, type Target } from "./python3-calls.js";

/**
 * Python 2's `urllib` and `urllib2`, whose contents Python 3 split between urllib.request, urllib.parse and
 * urllib.error (six.moves.urllib has the same layout): the imports name the new modules and each use its new home,
 * as 2to3 and python-modernize write them. A name with no home on the target (`urllib._urlopener`, and for six the
 * `split*` helpers it never moved) leaves its statement, or the whole module, as it was.
 */

type Part = "request" | "parse" | "error";
type Module = "urllib" | "urllib2";

const QUOTING = ["quote", "quote_plus", "unquote", "unquote_plus", "urlencode", "splitattr", "splithost", "splitnport", "splitpasswd", "splitport", "splitquery", "splittag", "splittype", "splituser", "splitvalue"];
const OPENERS = ["urlopen", "install_opener", "build_opener", "Request", "OpenerDirector", "BaseHandler", "HTTPDefaultErrorHandler", "HTTPRedirectHandler", "HTTPCookieProcessor", "ProxyHandler", "HTTPPasswordMgr", "HTTPPasswordMgrWithDefaultRealm", "AbstractBasicAuthHandler", "HTTPBasicAuthHandler", "ProxyBasicAuthHandler", "AbstractDigestAuthHandler", "HTTPDigestAuthHandler", "ProxyDigestAuthHandler", "HTTPHandler", "HTTPSHandler", "FileHandler", "FTPHandler", "CacheFTPHandler", "UnknownHandler", "HTTPErrorProcessor", "parse_http_list", "parse_keqv_list"];

/** Where each name went, the modules in the order 2to3 lists them in the import it writes. */
export const MOVED: Record<Module, ReadonlyArray<readonly [Part, readonly string[]]>> = {
  urllib: [
    ["request", ["URLopener", "FancyURLopener", "urlretrieve", "urlopen", "urlcleanup", "pathname2url", "url2pathname", "getproxies"]],
    ["parse", QUOTING],
    ["error", ["ContentTooShortError"]],
  ],
  urllib2: [
    ["request", OPENERS],
    ["error", ["URLError", "HTTPError"]],
    ["parse", QUOTING],
  ],
};

/** The helpers six.moves.urllib.parse does not have. */
const NOT_IN_SIX = new Set(["splitattr", "splithost", "splitnport", "splitpasswd", "splitport", "splittype"]);

/** The module a name of `module` moved to on `target`, if it has one there. */
export function homeOf(module: Module, name: string, target: Target): Part | undefined {
  if (target === "compatible" && NOT_IN_SIX.has(name)) return undefined;
  return MOVED[module].find(([, names]) => names.includes(name))?.[0];
}

const prefix = (target: Target) => (target === "python3" ? "urllib" : "six.moves.urllib");

/** The import statement at the top level of the file that names `module` alone (`import os, urllib2`, not `as u`). */
function bareImport(root: Node, module: Module): Node | undefined {
  return root.namedChildren.find((n): n is Node => n?.type === "import_statement" && namedOf(n).some((c) => c.type === "dotted_name" && c.text === module)) ?? undefined;
}

/**
 * `import urllib2` and every `urllib2.x` of the file: the import names the three modules, each use its new home.
 * Nothing when a use is not a name that moved (or the module's name means something else somewhere): no rewrite of
 * the import would leave it working. Made once per pass whichever rule finds it.
 */
function wholeModule(statement: Node, module: Module, context: Context, target: Target): Edit[] | undefined {
  if (!firstTime(context, `${module} module ${statement.id}`)) return undefined;
  const uses = usesOf(statement, module, context);
  const possible = remembered(context, `${module} movable`, () => !moduleShadowed(statement, context, module) && uses.every((use) => homeOf(module, use.name, target)));
  if (!possible) return undefined;
  const parts = MOVED[module].map(([part]) => `${prefix(target)}.${part}`).join(", ");
  const edits: Edit[] = namedOf(statement)
    .filter((c) => c.type === "dotted_name" && c.text === module)
    .map((c) => ({ start: c.startIndex, end: c.endIndex, text: parts }));
  for (const use of uses) edits.push({ start: use.start, end: use.end, text: `${prefix(target)}.${homeOf(module, use.name, target)}.${use.name}` });
  return edits;
}

/** The `module.name` attributes of the file (the module's name elsewhere is its import, or shadows it). */
function usesOf(statement: Node, module: Module, context: Context): Array<{ start: number; end: number; name: string }> {
  const uses: Array<{ start: number; end: number; name: string }> = [];
  for (const use of identifiersNamed(statement.tree.rootNode, context.text, module)) {
    const attribute = use.parent;
    if (attribute?.type !== "attribute" || attribute.childForFieldName("object")?.id !== use.id) continue;
    uses.push({ start: attribute.startIndex, end: attribute.endIndex, name: attribute.childForFieldName("attribute")?.text ?? "" });
  }
  return uses;
}

/**
 * `from urllib2 import urlopen, HTTPError as E` → one import per new module, in the order the names come, on lines of
 * their own at the statement's indentation (or after `;` where the statement shares its line).
 */
function fromImport(statement: Node, module: Module, context: Context, target: Target): Edit[] | undefined {
  const name = statement.childForFieldName("module_name");
  if (name?.type !== "dotted_name" || name.text !== module) return undefined;
  const groups = new Map<Part, string[]>();
  for (const item of namedOf(statement)) {
    if (item.id === name.id) continue;
    if (item.type === "wildcard_import") return undefined;
    const imported = item.type === "aliased_import" ? item.childForFieldName("name") : item;
    const part = imported ? homeOf(module, imported.text, target) : undefined;
    if (!part) return undefined;
    groups.set(part, [...(groups.get(part) ?? []), slice(context, item.startIndex, item.endIndex)]);
  }
  if (groups.size === 1) return [{ start: name.startIndex, end: name.endIndex, text: `${prefix(target)}.${[...groups.keys()][0]}` }];
  const lineStart = context.text.lastIndexOf("\n", statement.startIndex - 1) + 1;
  const before = context.text.slice(lineStart, statement.startIndex);
  const separator = /^[ \t]*$/.test(before) ? `\n${before}` : "; ";
  const statements = [...groups].map(([part, items]) => `from ${prefix(target)}.${part} import ${items.join(", ")}`);
  return [{ start: statement.startIndex, end: statement.endIndex, text: statements.join(separator) }];
}

/** `module-urllib` / `module-urllib2`: the module's imports. */
export const urllibModule = (module: Module, target: Target): Fixer => (node, context) => {
  const edits = node.type === "import_from_statement" ? fromImport(node, module, context, target) : node.type === "import_statement" && module === "urllib2" && node.parent?.type === "module" ? wholeModule(node, module, context, target) : undefined;
  if (edits?.length && target === "compatible") context.requires.push(USES_SIX); // it writes an import of six itself
  return edits;
};

/**
 * `urllib2-functions`, `urllib-functions`: a use. Where the file imports the module at its top, the import and every
 * use change together; else (urllib only, which Python 3 still has) `urllib.quote(s)` → `urllib.parse.quote(s)` with
 * `import urllib.parse` (python3), `six.moves.urllib.parse.quote(s)` (compatible).
 */
export const urllibUse = (module: Module, target: Target): Fixer => (node, context) => {
  const object = node.childForFieldName("object");
  if (node.type !== "attribute" || object?.type !== "identifier" || object.text !== module) return undefined;
  const statement = bareImport(node.tree.rootNode, module);
  if (statement) {
    const whole = wholeModule(statement, module, context, target);
    if (whole?.length && target === "compatible") context.requires.push(USES_SIX);
    if (whole || remembered(context, `${module} movable`, () => false)) return whole; // made, or made by an earlier use
  }
  if (module === "urllib2") return undefined;
  const name = node.childForFieldName("attribute")?.text ?? "";
  const part = homeOf(module, name, target);
  if (!part || moduleShadowed(node, context, module)) return undefined;
  context.requires.push(target === "python3" ? `import:urllib.${part}` : "six");
  return [{ start: node.startIndex, end: node.endIndex, text: `${prefix(target)}.${part}.${name}` }];
};
