import { normaliseName } from "../dependencies/requirement.js";

/**
 * Distributions whose import name is not their own name, normalised (PEP 503) → the modules they provide. The rest
 * import as their name with `-` read as `_`; the config's `dashboard.importNames` adds to this table.
 */
export const KNOWN_IMPORT_NAMES: Readonly<Record<string, readonly string[]>> = {
  pyyaml: ["yaml"],
  beautifulsoup4: ["bs4"],
  "python-dateutil": ["dateutil"],
  pillow: ["PIL"],
  "scikit-learn": ["sklearn"],
  "scikit-image": ["skimage"],
  protobuf: ["google.protobuf"],
  "opencv-python": ["cv2"],
  "opencv-python-headless": ["cv2"],
  pycrypto: ["Crypto"],
  pycryptodome: ["Crypto"],
  "mysql-python": ["MySQLdb"],
  mysqlclient: ["MySQLdb"],
  "psycopg2-binary": ["psycopg2"],
  "python-memcached": ["memcache"],
  pyjwt: ["jwt"],
  pyopenssl: ["OpenSSL"],
  "python-ldap": ["ldap"],
  djangorestframework: ["rest_framework"],
  pyzmq: ["zmq"],
  pyserial: ["serial"],
  attrs: ["attr", "attrs"],
  setuptools: ["setuptools", "pkg_resources"],
  "google-api-python-client": ["googleapiclient"],
  "python-magic": ["magic"],
  ipython: ["IPython"],
  "msgpack-python": ["msgpack"],
  dnspython: ["dns"],
  pygithub: ["github"],
  "python-jose": ["jose"],
  "typing-extensions": ["typing_extensions"],
  "django-cors-headers": ["corsheaders"],
  "python-dotenv": ["dotenv"],
  "ruamel-yaml": ["ruamel.yaml"],
  "py-bcrypt": ["bcrypt"],
  "m2crypto": ["M2Crypto"],
  "mysql-connector-python": ["mysql.connector"],
  pydispatcher: ["pydispatch"],
  pyhamcrest: ["hamcrest"],
  pycryptodomex: ["Cryptodome"],
  "python-gnupg": ["gnupg"],
  "websocket-client": ["websocket"],
  pymongo: ["pymongo", "bson", "gridfs"],
  "python-slugify": ["slugify"],
  pywin32: ["win32api", "win32con", "win32com", "pywintypes", "win32file", "win32event"],
  pypiwin32: ["win32api", "win32con", "win32com", "pywintypes"],
  beautifulsoup: ["BeautifulSoup"],
  "python-levenshtein": ["Levenshtein"],
  pysocks: ["socks", "sockshandler"],
  "pyyaml-include": ["yamlinclude"],
};

/** The modules a distribution provides, by its table entry, the config's additions, or its own name. */
export function importNamesOf(distribution: string, extra: Readonly<Record<string, readonly string[]>> = {}): string[] {
  const key = normaliseName(distribution);
  const added = Object.entries(extra).find(([name]) => normaliseName(name) === key)?.[1];
  // A namespace package's distribution imports dotted (`zope-interface` as zope.interface, `google-cloud-storage` as
  // google.cloud.storage, also reached as `from google.cloud import storage`).
  const dotted = key.includes("-") ? [key.replace(/-/g, ".")] : [];
  return [...new Set([...(added ?? []), ...(KNOWN_IMPORT_NAMES[key] ?? [key.replace(/-/g, "_"), ...dotted])])];
}

const IMPORT_LINE = /^[ \t]*(?:from[ \t]+([A-Za-z_][\w.]*)[ \t]+import\b|import[ \t]+([A-Za-z_][\w. \t,]*))/gm;

/** The absolute modules a Python file imports (`import a.b as c, d`, `from a.b import c`), dotted as written. */
export function importedModules(text: string): string[] {
  // Stryker disable next-line ConditionalExpression,StringLiteral: a shortcut; the pattern finds nothing in such a text either
  if (!text.includes("import")) return [];
  const found = new Set<string>();
  for (const m of text.matchAll(IMPORT_LINE)) {
    if (m[1]) {
      found.add(m[1]);
      // `from google.cloud import storage` imports the module google.cloud.storage, where it is one.
      const lineEnd = text.indexOf("\n", m.index);
      const rest = text.slice(m.index + m[0].length, lineEnd === -1 ? undefined : lineEnd).replace(/#.*/, "");
      for (const part of rest.replace(/[()\\]/g, "").split(",")) {
        const name = part.trim().split(/[ \t]+/)[0];
        if (name && /^\w+$/.test(name)) found.add(`${m[1]}.${name}`);
      }
    } else for (const part of m[2].split(",")) {
      // Stryker disable next-line Regex: the first word is the same split on one blank or several
      const name = part.trim().split(/[ \t]+/)[0];
      if (name) found.add(name);
    }
  }
  return [...found];
}

/** Whether a module set imports a module or one inside it (`google.protobuf.message` imports `google.protobuf`). */
export function importsAny(modules: ReadonlySet<string>, names: readonly string[]): boolean {
  for (const name of names) {
    const lower = name.toLowerCase();
    for (const module of modules) if (module.toLowerCase() === lower || module.startsWith(`${name}.`)) return true;
  }
  return false;
}
