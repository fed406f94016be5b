#!/usr/bin/env python3
"""Every text of the built-in pack has Arabic, written in Arabic: usage
check_arabic_content.py [PACK_DIR] (default: content/core beside this script's parent).

A text is a JSON object of languages with an "en" string (voice clips under "voice" are
not texts), in pack.json and in every exercise file pack.json lists. For each one the
"ar" string must be there, not blank, not the English, and mostly Arabic letters: at
least 80% of its letters in the Arabic blocks (U+0600-06FF, U+0750-077F, U+08A0-08FF,
U+FB50-FDFF, U+FE70-FEFF); a Latin name such as {name} or a loanword is fine, an English
sentence is not. Digits are Western (0-9), as the interface writes them: no Arabic-Indic
digits. Exits 1 and names each text that fails."""
import json
import os
import sys
import unicodedata

LANG_KEYS = {"en", "es", "de", "ar", "fr", "it", "pt"}
ARABIC = ((0x0600, 0x06FF), (0x0750, 0x077F), (0x08A0, 0x08FF), (0xFB50, 0xFDFF), (0xFE70, 0xFEFF))
INDIC_DIGITS = set(range(0x0660, 0x066A)) | set(range(0x06F0, 0x06FA))
MIN_SHARE = 0.8


def is_text(o):
    return isinstance(o, dict) and isinstance(o.get("en"), str) and set(o) <= LANG_KEYS


def walk(o, path, out):
    if is_text(o):
        out.append((path, o))
    elif isinstance(o, dict):
        for k, v in o.items():
            if k != "voice":
                walk(v, path + "." + k, out)
    elif isinstance(o, list):
        for i, v in enumerate(o):
            walk(v, "%s[%d]" % (path, i), out)


def arabic_share(s):
    """The share of the letters of s (placeholders left out) that are Arabic."""
    s = s.replace("{name}", "").replace("{date}", "")
    letters = [c for c in s if unicodedata.category(c).startswith("L")]
    if not letters:
        return 0.0
    ar = sum(1 for c in letters if any(lo <= ord(c) <= hi for lo, hi in ARABIC))
    return ar / len(letters)


def problems(where, t):
    ar = t.get("ar")
    if not isinstance(ar, str) or not ar.strip():
        return ["%s: no Arabic text (English: %r)" % (where, t["en"][:60])]
    out = []
    if ar.strip() == t["en"].strip():
        out.append("%s: the Arabic text is the English one" % where)
    share = arabic_share(ar)
    if share < MIN_SHARE:
        out.append("%s: only %d%% of its letters are Arabic: %r" % (where, round(share * 100), ar[:80]))
    if any(ord(c) in INDIC_DIGITS for c in ar):
        out.append("%s: Arabic-Indic digits; the interface writes 0-9: %r" % (where, ar[:80]))
    return out


def main(argv):
    here = os.path.dirname(os.path.abspath(__file__))
    pack = argv[1] if len(argv) > 1 else os.path.join(here, "..", "content", "core")
    with open(os.path.join(pack, "pack.json"), encoding="utf-8") as f:
        doc = json.load(f)
    files = [("pack.json", doc)]
    for e in doc.get("exercises", []):
        if isinstance(e, str):
            with open(os.path.join(pack, e), encoding="utf-8") as f:
                files.append((e, json.load(f)))
    bad, n = [], 0
    if "ar" not in doc.get("languages", []):
        bad.append("pack.json: \"ar\" is not one of the pack's languages")
    for name, d in files:
        found = []
        walk(d, "$", found)
        for path, t in found:
            n += 1
            bad += problems("%s %s" % (name, path), t)
    for b in bad:
        print(b)
    print("%d texts, %d problem(s)" % (n, len(bad)))
    return 1 if bad or not n else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
