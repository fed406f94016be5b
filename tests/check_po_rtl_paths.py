#!/usr/bin/env python3
"""In a right-to-left catalogue, no sentence ends on a folder or file name. The name is
isolated left to right (U+2066 or U+2068 ... U+2069), so the bidi algorithm puts a
full stop after it at its left end, against its first slash: "./home/..." reads as a
different path, the stop before it. The translations put the name inside the sentence.

Usage: check_po_rtl_paths.py PO_FILE... Exits 1 and names each entry whose msgid puts
a path into a sentence (the MSGIDS below) and whose translation follows the isolated
name with a full stop or an Arabic comma."""
import re
import sys

# msgids whose %s is a folder or a file name
PATH_WORDS = re.compile(r"\b(in|to) %s|folder|locales\.json")
STOP = re.compile("[\u2066\u2068]%s\u2069\\s*[.\u060c]")


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
        for e in entries(path):
            i, s = e.get("msgid", ""), e.get("msgstr", "")
            if "%s" in i and PATH_WORDS.search(i) and STOP.search(s):
                print(f"{path}: a full stop after the isolated path in \"{s}\" (msgid \"{i}\")")
                bad += 1
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
