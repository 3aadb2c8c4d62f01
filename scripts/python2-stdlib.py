"""The top-level module names of Python 2.7's standard library on this machine, as a TypeScript module.

Run with Python 2.7 (PYENV_VERSION=2.7.18 python scripts/python2-stdlib.py > src/fix/python2-stdlib.ts): the compatible
target adds `from __future__ import absolute_import` only to files whose imports all name these (an implicit relative
import of a sibling module would break under it).
"""
import os
import pkgutil
import sys
import sysconfig

stdlib = sysconfig.get_paths()["stdlib"]
names = set(sys.builtin_module_names)
for _, name, _ in pkgutil.iter_modules([stdlib, os.path.join(stdlib, "lib-dynload")]):
    names.add(name)
# Windows' and the Mac's own modules, which this machine's list cannot show.
names.update(["_winreg", "msvcrt", "winsound", "MacOS", "macostools", "EasyDialogs", "Carbon", "ic"])
names = sorted(n for n in names if n not in ("test", "site-packages") and (not n.startswith("_") or n in ("__builtin__", "__future__", "_winreg")))
print("// Written by scripts/python2-stdlib.py with Python %s; do not edit." % sys.version.split()[0])
print("/** Python 2.7's standard top-level modules: an import of one is taken to be the standard library's, not a sibling's. */")
print("export const PYTHON2_STDLIB: ReadonlySet<string> = new Set(%s);" % ("[" + ", ".join('"%s"' % n for n in names) + "]"))
