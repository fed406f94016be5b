#!/usr/bin/env python3
"""Two different actions on one screen never share a word in any language: a person who
sees "Beenden" twice cannot tell ending the exercise from leaving the program.

Usage: check_po_distinct.py PO_FILE... Each group below lists the button and key names
that can be seen together (a screen and the overlays that open over it). Exits 1 and
names the group, the msgids and their shared translation wherever two of a group are
translated alike. An untranslated entry falls back to English, which is distinct."""
import re
import sys

GROUPS = [
    # an exercise's controls with its top bar, and the quit question opened over it
    ("exercise", ["Back", "Help", "Previous", "Next", "Pause", "Resume", "Finish", "Skip", "Quit", "Stay"]),
    # "Before you begin": the top bar over the page buttons (Next, Start and Continue are
    # one button's labels, never seen together)
    ("cautions", ["Back", "Help", "Previous", "Next"]),
    ("cautions", ["Back", "Help", "Previous", "Start"]),
    ("cautions", ["Back", "Help", "Previous", "Continue"]),
    # the therapist's panel: its compact and full step controls
    ("present", ["Prev.", "Next", "Pause", "Resume", "Back", "Start", "Close"]),
    ("quit", ["Stay", "Quit", "Finish"]),
    ("safety", ["Close", "Continue", "Back"]),
]


def entries(path):
    """msgid -> msgstr of every entry without a context, continuation lines joined."""
    out, cur, field = {}, {}, None
    def flush():
        if "msgid" in cur and "msgctxt" not in cur:
            out[cur["msgid"]] = cur.get("msgstr", "")
        cur.clear()
    for line in open(path, encoding="utf-8"):
        line = line.strip()
        m = re.match(r'(msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?) "(.*)"$', line)
        if m:
            if m.group(1) in ("msgctxt", "msgid") and ("msgstr" in cur or "msgstr[0]" in cur):
                flush()
            field = m.group(1)
            cur[field] = m.group(2)
        elif line.startswith('"') and field:
            cur[field] += line[1:-1]
        elif not line:
            flush()
            field = None
    flush()
    return out


def main(paths):
    bad = 0
    for path in paths:
        tr = entries(path)
        for name, ids in GROUPS:
            seen = {}
            for i in ids:
                if i not in tr:
                    continue
                s = (tr[i] or i).strip().casefold()
                if s in seen:
                    print(f"{path}: on the {name} screen \"{seen[s]}\" and \"{i}\" are both \"{tr[i] or i}\"")
                    bad += 1
                else:
                    seen[s] = i
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
