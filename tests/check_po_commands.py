#!/usr/bin/env python3
"""A command a message asks a person to run ("groundwork kiosk set-pin") is never broken
over two lines on screen: in every translation its words are joined by no-break spaces
(U+00A0), which the text layout never breaks at, and in a right-to-left language it is
isolated left to right (U+2066 ... U+2069), so its words keep their order.

Usage: check_po_commands.py PO_FILE... Exits 1 and names each translation of a message
with a command (a msgid quoting "groundwork ...") whose command has a breakable space
or, in Arabic, no isolate."""
import os
import re
import sys

COMMAND = re.compile(r"groundwork(?: [a-z][a-z-]*)+")


def entries(path):
    out, cur, field = [], {}, None
    for line in open(path, encoding="utf-8"):
        line = line.strip()
        m = re.match(r'(msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?) "(.*)"$', line)
        if m:
            if m.group(1) in ("msgctxt", "msgid") and "msgstr" in cur:
                out.append(cur)
                cur = {}
            field = m.group(1)
            cur[field] = m.group(2)
        elif line.startswith('"') and field:
            cur[field] += line[1:-1]
    if "msgstr" in cur:
        out.append(cur)
    return out


def main(paths):
    bad = 0
    for path in paths:
        rtl = os.path.basename(path).startswith("ar")
        for e in entries(path):
            i, s = e.get("msgid", ""), e.get("msgstr", "")
            for cmd in COMMAND.findall(i):
                if not s:
                    continue
                want = cmd.replace(" ", "\u00a0")
                if rtl:
                    want = "\u2066" + want + "\u2069"
                if want not in s:
                    print(f"{path}: \"{cmd}\" is not kept whole (no-break spaces{', isolated' if rtl else ''}) in \"{s}\"")
                    bad += 1
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
