#!/usr/bin/env python3
"""One action has one name in every language: a compact panel's short label ("Prev.")
is the full label's translation ("Previous"), or that word cut short with a full stop
("Vorh." for "Vorherige"), never another word (German said "Voriger" in the therapist's
panel and "Vorherige" on the exercise beside it).

Usage: check_po_same_action.py PO_FILE... Exits 1 and names the msgids and their
translations wherever a short label is not its full label's name. An untranslated entry
falls back to English, which is consistent."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from check_po_distinct import entries  # noqa: E402

# (short label, full label) of one action
PAIRS = [("Prev.", "Previous")]


def main(paths):
    bad = 0
    for path in paths:
        tr = entries(path)
        for short, full in PAIRS:
            s, f = (tr.get(short) or "").strip(), (tr.get(full) or "").strip()
            if not s or not f:
                continue
            if s == f or (s.endswith(".") and len(s) > 1 and f.startswith(s[:-1])):
                continue
            print(f"{path}: \"{short}\" is \"{s}\" but \"{full}\" is \"{f}\": one action, two names")
            bad += 1
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
