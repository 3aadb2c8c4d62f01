/**
 * Python 2's standard modules that Python 3 renamed or removed (lib2to3's fix_imports and fix_imports2, and the
 * removals), and how an import line names them. The python3 pack's module rules read this table.
 */
/** Standard modules renamed or removed in Python 3 (2to3's fix_imports and fix_imports2, and removals). */
export const RENAMED_MODULES: Record<string, string> = {
  StringIO: "io",
  cStringIO: "io",
  cPickle: "pickle",
  __builtin__: "builtins",
  copy_reg: "copyreg",
  Queue: "queue",
  SocketServer: "socketserver",
  ConfigParser: "configparser",
  repr: "reprlib",
  FileDialog: "tkinter.filedialog",
  tkFileDialog: "tkinter.filedialog",
  SimpleDialog: "tkinter.simpledialog",
  tkSimpleDialog: "tkinter.simpledialog",
  tkColorChooser: "tkinter.colorchooser",
  tkCommonDialog: "tkinter.commondialog",
  Dialog: "tkinter.dialog",
  Tkdnd: "tkinter.dnd",
  tkFont: "tkinter.font",
  tkMessageBox: "tkinter.messagebox",
  ScrolledText: "tkinter.scrolledtext",
  Tkconstants: "tkinter.constants",
  Tix: "tkinter.tix",
  ttk: "tkinter.ttk",
  Tkinter: "tkinter",
  markupbase: "_markupbase",
  _winreg: "winreg",
  thread: "_thread (or threading)",
  dummy_thread: "_dummy_thread",
  dbhash: "dbm.bsd",
  dumbdbm: "dbm.dumb",
  gdbm: "dbm.gnu",
  anydbm: "dbm",
  whichdb: "dbm",
  xmlrpclib: "xmlrpc.client",
  DocXMLRPCServer: "xmlrpc.server",
  SimpleXMLRPCServer: "xmlrpc.server",
  httplib: "http.client",
  htmlentitydefs: "html.entities",
  HTMLParser: "html.parser",
  htmllib: "html.parser",
  Cookie: "http.cookies",
  cookielib: "http.cookiejar",
  BaseHTTPServer: "http.server",
  SimpleHTTPServer: "http.server",
  CGIHTTPServer: "http.server",
  commands: "subprocess",
  popen2: "subprocess",
  UserDict: "collections.UserDict",
  UserList: "collections.UserList",
  UserString: "collections.UserString",
  urlparse: "urllib.parse",
  robotparser: "urllib.robotparser",
  urllib2: "urllib.request and urllib.error",
  md5: "hashlib",
  sha: "hashlib",
  sets: "the built-in set",
  new: "types",
  exceptions: "builtins",
  mimetools: "email",
  rfc822: "email",
  sgmllib: "html.parser",
  mutex: "threading",
  string_escape: "codecs",
  future_builtins: "the built-ins (map, filter, zip already iterate)",
};

/** What Python 3's urllib package holds: anything else imported from it is Python 2's urllib module. */
const URLLIB3_SUBMODULES = new Set(["request", "parse", "error", "response", "robotparser"]);

const IMPORT_LINE = /^\s*import\s+(.+)$/;
const FROM_LINE = /^\s*from\s+([\w.]+)\s+import\s+\(?\s*([^)]*)/;

/** The Python 2 module an import line names, if any: `import os, urllib2`, `from urlparse import urljoin`, `from urllib import urlopen`. */
export function renamedModuleIn(code: string): string | undefined {
  const from = FROM_LINE.exec(code);
  // Stryker disable next-line Regex: the first word of a name is the same split on one space or several
  if (from && from[1] === "urllib" && from[2].split(",").some((name) => name.trim() && !URLLIB3_SUBMODULES.has(name.trim().split(/\s+/)[0]))) return "urllib";
  // Stryker disable next-line ArrayDeclaration,Regex: callers pass import lines; the first word is the same split on one space or several
  const modules = from ? [from[1]] : (IMPORT_LINE.exec(code)?.[1].split(",").map((part) => part.trim().split(/\s+/)[0]) ?? []);
  for (const module of modules) {
    const top = module.split(".")[0];
    if (Object.prototype.hasOwnProperty.call(RENAMED_MODULES, top)) return top;
  }
  return undefined;
}
