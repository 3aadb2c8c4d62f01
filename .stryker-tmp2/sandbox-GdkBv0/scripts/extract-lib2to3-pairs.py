#!/usr/bin/env python3
"""Extract lib2to3's own before/after examples into test/fixtures/lib2to3-fixer-pairs.json.

Runs Python's lib2to3 fixer tests (lib2to3/tests/test_fixers.py) with FixerTestCase.check, warns and unchanged
wrapped so that every example each test passes is recorded with its fixer, after the real check ran. Nothing is
parsed by hand: the pairs are what lib2to3's own tests feed its refactorer, and `after` is what 2to3 produced.

Usage: python3 scripts/extract-lib2to3-pairs.py > test/fixtures/lib2to3-fixer-pairs.json
"""
import difflib
import json
import os
import sys
import unittest
import warnings

warnings.simplefilter("ignore")
import lib2to3  # noqa: E402  (deprecated since 3.11; still shipped through 3.12)
from lib2to3.tests import support, test_fixers  # noqa: E402
from lib2to3.fixes import fix_imports, fix_imports2  # noqa: E402

pairs = []
base = test_fixers.FixerTestCase
original_check = base._check


def recording_check(self, before, after):
    tree = original_check(self, before, after)
    kind = "changed" if tree.was_changed else "unchanged"
    before, after = support.reformat(before), support.reformat(after)
    # The edit as a unified diff's hunks (difflib, 3 lines of context), without the file header lines.
    patch = "\n".join(list(difflib.unified_diff(before.split("\n"), after.split("\n"), n=3, lineterm=""))[2:])
    pairs.append({"fixer": self.fixer, "test": self.id().split(".")[-1], "kind": kind,
                  "before": before, "after": after, "patch": patch})
    return tree


base._check = recording_check

suite = unittest.defaultTestLoader.loadTestsFromModule(test_fixers)
result = unittest.TextTestRunner(stream=open(os.devnull, "w"), verbosity=0).run(suite)
if not result.wasSuccessful():
    sys.stderr.write(f"lib2to3's tests failed here ({len(result.failures)} failures, {len(result.errors)} errors)\n")

# One record per distinct example (several tests repeat the same one).
seen = set()
unique = []
for pair in pairs:
    key = (pair["fixer"], pair["before"], pair["after"])
    if key not in seen:
        seen.add(key)
        unique.append(pair)

fixers_dir = os.path.join(os.path.dirname(lib2to3.__file__), "fixes")
fixers = sorted(name[4:-3] for name in os.listdir(fixers_dir) if name.startswith("fix_") and name.endswith(".py"))
json.dump({
    "source": f"lib2to3 of Python {sys.version.split()[0]}: lib2to3/tests/test_fixers.py",
    "made_by": "python3 scripts/extract-lib2to3-pairs.py",
    "fixers": fixers,
    "renamed_modules": sorted(set(fix_imports.MAPPING) | set(fix_imports2.MAPPING)),
    "pairs": unique,
}, sys.stdout, indent=1, sort_keys=False)
sys.stdout.write("\n")
