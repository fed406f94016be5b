#!/usr/bin/env python3
"""Every text of a pack is translated: each TEXT object (a JSON object whose keys are
language codes, as scripts/l10n.py finds them; voice clips are not texts) of pack.json and
of the exercise files it names has each of the pack's languages, not blank, and not the
English text itself, unless the pair is on the explicit allow-list below (a word that is
the same in both languages).

Usage: check_content_translated.py [PACK_DIR] [LANG ...]
(default: content/core next to this script's parent, and every language of the pack but
English). Exits 1 listing every text that is missing, blank or left in English."""
import json
import os
import sys

LANG_KEYS = {"en", "es", "de", "ar", "fr", "it", "pt"}

# Texts that are rightly the same as the English, per language: keep this list short, and
# give each a reason. Anything else identical to the English is an untranslated text.
ALLOW = {
    "es": {"Abdomen"},  # the body-map region: the same word in Spanish
    "de": set(),
    "ar": set(),
}


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


def main(argv):
    here = os.path.dirname(os.path.abspath(__file__))
    pack_dir = argv[1] if len(argv) > 1 else os.path.join(here, "..", "content", "core")
    with open(os.path.join(pack_dir, "pack.json"), encoding="utf-8") as f:
        pack = json.load(f)
    langs = argv[2:] or [l for l in pack.get("languages", []) if l != "en"]
    files = [("pack.json", pack)]
    for e in pack.get("exercises", []):
        if isinstance(e, str):
            with open(os.path.join(pack_dir, e), encoding="utf-8") as f:
                files.append((e, json.load(f)))
    bad, total = [], 0
    for name, doc in files:
        texts = []
        walk(doc, "$", texts)
        for path, t in texts:
            total += 1
            for lang in langs:
                s = t.get(lang)
                if not isinstance(s, str) or not s.strip():
                    bad.append("%s %s: no %r text (English: %r)" % (name, path, lang, t["en"][:60]))
                elif s.strip() == t["en"].strip() and t["en"] not in ALLOW.get(lang, set()):
                    bad.append("%s %s: the %r text is the English one: %r" % (name, path, lang, s[:60]))
    for b in bad:
        print(b)
    if total < 100:
        print("only %d texts found in %s: not the pack expected" % (total, pack_dir))
        return 1
    print("%d texts, %s: %d not translated" % (total, ", ".join(langs), len(bad)))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
