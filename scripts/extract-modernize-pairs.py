"""Prints python-modernize's own fixer tests as JSON pairs: {"pairs": [{"fixer", "before", "after", "flags"}]}.

Usage: python3 scripts/extract-modernize-pairs.py PATH/TO/modernize/tests

Each tests/test_fix_*.py module is run with a stand-in for its `utils.check_on_input` that records the input, the
expected output and the flags instead of running modernize; every test_* function is called. Nothing of modernize's
is kept in this repository: the pairs are read from a checkout when the test runs (see test/fix/modernize-pairs.test.ts).
"""
import importlib.util
import json
import os
import sys
import types

tests = sys.argv[1]
pairs = []
current = {"fixer": None}


def check_on_input(input_content, expected_content, extra_flags=[], expected_return_code=None):
    pairs.append({"fixer": current["fixer"], "before": input_content, "after": expected_content, "flags": list(extra_flags)})


utils = types.ModuleType("utils")
utils.check_on_input = check_on_input
sys.modules["utils"] = utils

for name in sorted(os.listdir(tests)):
    if not (name.startswith("test_fix_") and name.endswith(".py")):
        continue
    current["fixer"] = name[len("test_fix_"):-3]
    spec = importlib.util.spec_from_file_location("modernize_test_" + current["fixer"], os.path.join(tests, name))
    module = importlib.util.module_from_spec(spec)
    try:
        spec.loader.exec_module(module)
    except Exception as error:  # a module that needs modernize itself: its pairs are not read
        print("skipped %s: %s" % (name, error), file=sys.stderr)
        continue
    for attribute in sorted(dir(module)):
        test = getattr(module, attribute)
        if attribute.startswith("test_") and callable(test):
            try:
                test()
            except Exception as error:
                print("skipped %s.%s: %s" % (name, attribute, error), file=sys.stderr)

json.dump({"pairs": pairs}, sys.stdout, indent=1)
