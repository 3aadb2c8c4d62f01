import type { Node } from "web-tree-sitter";
import { RENAMED_MODULES } from "../analysis/python/modules.js";
import { resolve } from "../analysis/python/tree/scopes.js";
import { identifiersNamed, namedOf, slice, type Edit, type Fixer } from "./fixer.js";

/**
 * Fixes of names Python 3 renamed: standard modules (in imports and where the module is used), function and method
 * attributes, `sys.maxint`, the `types` module's constants, and `it.next()`.
 */

/**
 * Modules whose Python 3 name serves every use of the old one, as 2to3 renames them. Left out: those whose contents
 * moved or went (UserDict, urllib2, md5, mimetools, …): a rename alone would not run.
 */
export const FIXED_MODULES: Record<string, string> = Object.fromEntries(
  Object.entries({ ...RENAMED_MODULES, thread: "_thread", UserList: "collections", UserString: "collections" }).filter(([from, to]) => /^[\w.]+$/.test(to) && !["UserDict", "md5", "sha", "new", "exceptions", "mimetools", "rfc822", "sgmllib", "mutex", "htmllib", "popen2", "string_escape"].includes(from)),
);

/** Whether an identifier is a use of a name (not an attribute's name, a keyword argument's name or a definition's). */
export function isNameUse(node: Node): boolean {
  const parent = node.parent;
  if (!parent) return false;
  if (parent.type === "attribute" && parent.childForFieldName("attribute")?.id === node.id) return false;
  if (parent.type === "keyword_argument" && parent.childForFieldName("name")?.id === node.id) return false;
  if ((parent.type === "function_definition" || parent.type === "class_definition") && parent.childForFieldName("name")?.id === node.id) return false;
  for (let n: Node | null = parent; n; n = n.parent) if (n.type === "import_statement" || n.type === "import_from_statement" || n.type === "future_import_statement") return false;
  return true;
}

/** Every use of `name` in the file, in the order of the text. */
const usesOf = (root: Node, text: string, name: string) => identifiersNamed(root, text, name).filter(isNameUse);

/**
 * `import StringIO` → `import io`, and `StringIO.StringIO()` → `io.StringIO()` wherever the file uses the module by
 * its name (one fix: the import and its uses change together); `import X as Y` and `from X import a` rename X only.
 */
export const renamedModule = (module: string): Fixer => (node, context) => {
  const to = FIXED_MODULES[module]!;
  if (node.type === "import_from_statement") {
    const name = node.childForFieldName("module_name");
    return name?.type === "dotted_name" && name.text === module ? [{ start: name.startIndex, end: name.endIndex, text: to }] : undefined;
  }
  if (node.type !== "import_statement") return undefined;
  const edits: Edit[] = [];
  let bare = false;
  for (const imported of namedOf(node)) {
    const name = imported.type === "aliased_import" ? imported.childForFieldName("name") : imported;
    if (name?.type !== "dotted_name" || name.text !== module) continue;
    edits.push({ start: name.startIndex, end: name.endIndex, text: to });
    if (imported.type !== "aliased_import") bare = true;
  }
  if (!edits.length) return undefined;
  if (bare) for (const use of usesOf(node.tree.rootNode, context.text, module)) edits.push({ start: use.startIndex, end: use.endIndex, text: to });
  return edits;
};

/** `obj.old` → `obj.new` for attributes renamed in Python 3 (function and method attributes). */
export const renamedAttribute = (renames: Record<string, string>): Fixer => (node) => {
  if (node.type !== "attribute") return undefined;
  const name = node.childForFieldName("attribute");
  if (!name || !Object.hasOwn(renames, name.text)) return undefined;
  return [{ start: name.startIndex, end: name.endIndex, text: renames[name.text]! }];
};

export const FUNCTION_ATTRIBUTES: Record<string, string> = { func_name: "__name__", func_code: "__code__", func_defaults: "__defaults__", func_globals: "__globals__", func_dict: "__dict__", func_closure: "__closure__", func_doc: "__doc__" };
export const METHOD_ATTRIBUTES: Record<string, string> = { im_func: "__func__", im_self: "__self__", im_class: "__self__.__class__" };

/** Whether an attribute reads `module.name` of the imported module itself (not a local that shadows it). */
function isModuleAttribute(node: Node, module: string, name: string): Node | undefined {
  if (node.type !== "attribute") return undefined;
  const object = node.childForFieldName("object");
  const attribute = node.childForFieldName("attribute");
  if (object?.type !== "identifier" || object.text !== module || attribute?.text !== name) return undefined;
  return attribute;
}

/** `sys.maxint` → `sys.maxsize`; `from sys import maxint` → `from sys import maxsize` (`as maxint` where it is used). */
export const sysMaxint: Fixer = (node, context) => {
  const attribute = isModuleAttribute(node, "sys", "maxint");
  if (attribute) return [{ start: attribute.startIndex, end: attribute.endIndex, text: "maxsize" }];
  if (node.type !== "import_from_statement" || node.childForFieldName("module_name")?.text !== "sys") return undefined;
  const edits: Edit[] = [];
  for (const imported of namedOf(node)) {
    if (imported.id === node.childForFieldName("module_name")?.id) continue;
    const aliased = imported.type === "aliased_import";
    const name = aliased ? imported.childForFieldName("name") : imported;
    if (name?.text !== "maxint") continue;
    const used = !aliased && usesOf(node.tree.rootNode, context.text, "maxint").length > 0;
    edits.push({ start: name.startIndex, end: name.endIndex, text: used ? "maxsize as maxint" : "maxsize" });
  }
  return edits.length ? edits : undefined;
};

/** The `types` module's constants and what Python 3 names them (2to3's; FileType, InstanceType and the like have no fix). */
export const TYPES: Record<string, string> = {
  BooleanType: "bool",
  BufferType: "memoryview",
  ClassType: "type",
  ComplexType: "complex",
  DictType: "dict",
  DictionaryType: "dict",
  EllipsisType: "type(Ellipsis)",
  FloatType: "float",
  IntType: "int",
  ListType: "list",
  LongType: "int",
  ObjectType: "object",
  NoneType: "type(None)",
  NotImplementedType: "type(NotImplemented)",
  SliceType: "slice",
  StringType: "bytes",
  StringTypes: "(str,)",
  TupleType: "tuple",
  TypeType: "type",
  UnicodeType: "str",
  XRangeType: "range",
};

/** `types.StringType` → `bytes`. */
export const typesConstant: Fixer = (node) => {
  if (node.type !== "attribute") return undefined;
  const object = node.childForFieldName("object");
  const attribute = node.childForFieldName("attribute");
  if (object?.type !== "identifier" || object.text !== "types" || !attribute || !Object.hasOwn(TYPES, attribute.text)) return undefined;
  return [{ start: node.startIndex, end: node.endIndex, text: TYPES[attribute.text]! }];
};

/** `it.next()` → `next(it)`; where the file binds `next` itself, `it.__next__()`. */
export const nextCalled: Fixer = (node, context) => {
  if (node.type !== "call") return undefined;
  const callee = node.childForFieldName("function");
  const args = node.childForFieldName("arguments");
  if (callee?.type !== "attribute" || callee.childForFieldName("attribute")?.text !== "next" || args?.type !== "argument_list" || namedOf(args).length) return undefined;
  const object = callee.childForFieldName("object")!;
  if (resolve(node, context.bindings, "next") !== "builtin") {
    const name = callee.childForFieldName("attribute")!;
    return [{ start: name.startIndex, end: name.endIndex, text: "__next__" }];
  }
  return [{ start: node.startIndex, end: node.endIndex, text: `next(${slice(context, object.startIndex, object.endIndex)})` }];
};
