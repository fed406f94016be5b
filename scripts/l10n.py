#!/usr/bin/env python3
"""Translating the built-in pack (content/core): a table of its texts to fill in, and
the filled table merged back into the pack's JSON files.

  scripts/l10n.py extract LANG [TABLE]   every text of the pack, with its English and
                                         Spanish and what LANG has now, as a JSON table
                                         (to standard output, or TABLE)
  scripts/l10n.py merge LANG TABLE       sets each text's LANG from the table's "text",
                                         where the English is still what the table was
                                         made from; adds LANG to pack.json "languages";
                                         prints what is stale (English changed since),
                                         missing or left empty, and exits 1 if any is
  scripts/l10n.py check LANG             exits 1 and lists every text without LANG

A text is a JSON object whose keys are language codes ("en", "es", ...). Voice clips
(objects under "voice") are not texts: a language without its own clips is shown with
captions only. Files are rewritten as they are kept (two-space indent, UTF-8), under a
lock, re-read just before writing, so two languages can be merged one after the other.
"""
import fcntl
import json
import os
import sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "content", "core")
LANG_KEYS = {"en", "es", "de", "ar", "fr", "it", "pt"}


def files():
    out = [os.path.join(ROOT, "pack.json")]
    ex = os.path.join(ROOT, "exercises")
    out += [os.path.join(ex, f) for f in sorted(os.listdir(ex)) if f.endswith(".json")]
    return out


def is_text(o):
    return isinstance(o, dict) and "en" in o and isinstance(o["en"], str) and set(o) <= LANG_KEYS


def walk(o, path, out, skip_voice=True):
    if is_text(o):
        out.append((path, o))
        return
    if isinstance(o, dict):
        for k, v in o.items():
            if skip_voice and k == "voice":
                continue
            walk(v, path + "." + k, out)
    elif isinstance(o, list):
        for i, v in enumerate(o):
            walk(v, "%s[%d]" % (path, i), out)


def texts(doc):
    out = []
    walk(doc, "$", out)
    return out


def rel(f):
    return os.path.relpath(f, ROOT)


def extract(lang, dest):
    table = []
    for f in files():
        doc = json.load(open(f, encoding="utf-8"))
        for path, t in texts(doc):
            table.append({"file": rel(f), "path": path, "en": t["en"], "es": t.get("es", ""),
                          "text": t.get(lang, "")})
    s = json.dumps(table, indent=1, ensure_ascii=False) + "\n"
    if dest:
        open(dest, "w", encoding="utf-8").write(s)
        print("%d texts to %s" % (len(table), dest), file=sys.stderr)
    else:
        sys.stdout.write(s)


def set_key(obj, lang, value):
    """Keeps the languages in the order the pack lists them: en, es, then the rest."""
    obj[lang] = value
    order = [k for k in ("en", "es", "de", "ar") if k in obj] + [k for k in obj if k not in ("en", "es", "de", "ar")]
    items = [(k, obj[k]) for k in order]
    obj.clear()
    obj.update(items)


def merge(lang, table_path):
    table = json.load(open(table_path, encoding="utf-8"))
    want = {}
    for e in table:
        want[(e["file"], e["path"])] = e
    problems = []
    lock = open(os.path.join(ROOT, ".l10n.lock"), "w")
    fcntl.flock(lock, fcntl.LOCK_EX)
    try:
        for f in files():
            doc = json.load(open(f, encoding="utf-8"))
            changed = False
            for path, t in texts(doc):
                e = want.get((rel(f), path))
                if not e:
                    if lang not in t:
                        problems.append("%s %s: not in the table (English: %r)" % (rel(f), path, t["en"][:60]))
                    continue
                if e["en"] != t["en"]:
                    problems.append("%s %s: stale, the English is now %r" % (rel(f), path, t["en"][:80]))
                    continue
                if not e.get("text", "").strip():
                    problems.append("%s %s: empty" % (rel(f), path))
                    continue
                if t.get(lang) != e["text"]:
                    set_key(t, lang, e["text"])
                    changed = True
            if os.path.basename(f) == "pack.json" and lang not in doc.get("languages", []):
                doc["languages"].append(lang)
                changed = True
            if changed:
                tmp = f + ".tmp"
                with open(tmp, "w", encoding="utf-8") as out:
                    out.write(json.dumps(doc, indent=2, ensure_ascii=False) + "\n")
                os.replace(tmp, f)
    finally:
        fcntl.flock(lock, fcntl.LOCK_UN)
        lock.close()
        try:
            os.unlink(os.path.join(ROOT, ".l10n.lock"))
        except OSError:
            pass
    for p in problems:
        print(p)
    return 1 if problems else 0


def check(lang):
    missing = []
    for f in files():
        for path, t in texts(json.load(open(f, encoding="utf-8"))):
            if not t.get(lang, "").strip():
                missing.append("%s %s" % (rel(f), path))
    for m in missing:
        print("no %s text: %s" % (lang, m))
    return 1 if missing else 0


def main(argv):
    if len(argv) >= 3 and argv[1] == "extract":
        extract(argv[2], argv[3] if len(argv) > 3 else None)
        return 0
    if len(argv) == 4 and argv[1] == "merge":
        return merge(argv[2], argv[3])
    if len(argv) == 3 and argv[1] == "check":
        return check(argv[2])
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
