#!/usr/bin/env python3
"""Validates content packs against docs/pack.schema.json (JSON Schema 2020-12).

Checks every pack.json under content/ and tests/packs/good/ (whatever exists), every
exercise file a pack.json names, and every ```json example in docs/pack-format.md.
Exits 1 if anything does not validate. Needs python3-jsonschema (scripts/deps.sh).

usage: check_schema.py [--root DIR]
"""
import argparse
import json
import os
import re
import sys

try:
    import jsonschema
except ImportError:
    sys.exit("check_schema.py: the Python module jsonschema is missing; install "
             "python3-jsonschema (scripts/deps.sh)")


def no_constants(name):
    raise ValueError("%s is not JSON" % name)


def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f, parse_constant=no_constants)


def where(err):
    return "$" + "".join("[%d]" % p if isinstance(p, int) else "." + str(p)
                         for p in err.absolute_path)


class Checker:
    def __init__(self, schema):
        jsonschema.Draft202012Validator.check_schema(schema)
        self.validator = jsonschema.Draft202012Validator(schema)
        self.failures = 0
        self.checked = 0

    def check(self, name, doc):
        self.checked += 1
        errors = sorted(self.validator.iter_errors(doc), key=lambda e: list(e.absolute_path))
        for e in errors:
            # report the innermost reasons of oneOf/anyOf failures, which say more
            leaves = [c for c in e.context if not c.context] if e.context else []
            detail = "; ".join(sorted({c.message for c in leaves}))[:300] if leaves else ""
            print("%s: %s: %s%s" % (name, where(e), e.message[:300],
                                   " (" + detail + ")" if detail else ""))
        self.failures += len(errors)

    def check_file(self, path, rel):
        try:
            doc = load(path)
        except (OSError, ValueError) as e:
            print("%s: cannot be read as JSON: %s" % (rel, e))
            self.failures += 1
            return None
        self.check(rel, doc)
        return doc

    def check_pack(self, pack_dir, root):
        rel_dir = os.path.relpath(pack_dir, root)
        doc = self.check_file(os.path.join(pack_dir, "pack.json"), os.path.join(rel_dir, "pack.json"))
        if not isinstance(doc, dict):
            return
        for entry in doc.get("exercises") or []:
            if isinstance(entry, str):
                self.check_file(os.path.join(pack_dir, entry), os.path.join(rel_dir, entry))


def pack_dirs(top):
    for dirpath, dirnames, filenames in os.walk(top):
        dirnames.sort()
        if "pack.json" in filenames:
            yield dirpath


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--root", default=os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    args = ap.parse_args()
    root = args.root
    checker = Checker(load(os.path.join(root, "docs", "pack.schema.json")))
    packs = 0
    for top in ("content", os.path.join("tests", "packs", "good")):
        if os.path.isdir(os.path.join(root, top)):
            for d in pack_dirs(os.path.join(root, top)):
                checker.check_pack(d, root)
                packs += 1
    examples = 0
    doc_path = os.path.join(root, "docs", "pack-format.md")
    if os.path.exists(doc_path):
        with open(doc_path, encoding="utf-8") as f:
            text = f.read()
        for m in re.finditer(r"^```json\n(.*?)^```", text, re.S | re.M):
            line = text.count("\n", 0, m.start()) + 2
            name = "docs/pack-format.md:%d" % line
            try:
                doc = json.loads(m.group(1), parse_constant=no_constants)
            except ValueError as e:
                print("%s: example is not JSON: %s" % (name, e))
                checker.failures += 1
                continue
            checker.check(name, doc)
            examples += 1
    print("check_schema: %d packs, %d documents (%d examples from docs/pack-format.md), %d problems"
          % (packs, checker.checked, examples, checker.failures))
    if packs == 0:
        print("check_schema: no packs found")
        return 1
    return 1 if checker.failures else 0


if __name__ == "__main__":
    sys.exit(main())
