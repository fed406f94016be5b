#!/usr/bin/env python3
"""The library speaks each language of the built-in pack: `list --json --lang L` shows,
for every built-in exercise, the pack's own L title, summary and cautions, and none of
them is the English original (as `list --json --lang en` shows it), for every language of
content/core/pack.json but English. The texts themselves, all of them, are checked by
tests/check_content_translated.py (content.core_translated)."""
import json
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(__file__))
from gwcheck import require  # noqa: E402

exe = sys.argv[1]
root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "content", "core")
pack = json.load(open(os.path.join(root, "pack.json"), encoding="utf-8"))
own = {}
for n in pack["exercises"]:
    e = json.load(open(os.path.join(root, n), encoding="utf-8"))
    own[e["id"]] = e
langs = [l for l in pack["languages"] if l != "en"]
require(len(own) >= 16 and langs, f"the pack has {len(own)} exercises, languages {pack['languages']}")


def listed(lang):
    p = subprocess.run([exe, "list", "--json", "--lang", lang], capture_output=True, text=True, timeout=120)
    require(p.returncode == 0, f"list --json --lang {lang}: status {p.returncode}: {p.stderr[-500:]}")
    try:
        out = json.loads(p.stdout)
    except ValueError:
        out = None
    require(isinstance(out, list), f"list --json --lang {lang} printed no JSON list")
    core = {e.get("id"): e for e in out if isinstance(e, dict) and e.get("pack") == "core"}
    require(set(core) == set(own), f"{lang}: listed {sorted(core)}, the pack has {sorted(own)}")
    return core


english = listed("en")
bad, checked = [], 0
for lang in langs:
    for i, e in listed(lang).items():
        en = english[i]
        want = own[i]
        pairs = [("title", e.get("title"), want["title"].get(lang), en.get("title")),
                 ("summary", e.get("summary"), want["summary"].get(lang), en.get("summary"))]
        got_c, en_c = e.get("cautions") or [], en.get("cautions") or []
        require(len(got_c) == len(want["cautions"]) == len(en_c), f"{lang} {i}: {len(got_c)} cautions listed")
        pairs += [("cautions[%d]" % k, got_c[k], want["cautions"][k].get(lang), en_c[k])
                  for k in range(len(got_c))]
        for what, got, pack_text, english_text in pairs:
            checked += 1
            if got != pack_text:
                bad.append(f"{lang} {i} {what}: shows {got!r}, the pack's text is {pack_text!r}")
            elif got == english_text:
                bad.append(f"{lang} {i} {what}: shows the English {got!r}")
require(not bad, "\n".join(bad))
require(checked >= 16 * 3 * len(langs), f"only {checked} texts checked")
print(f"ok: {checked} titles, summaries and cautions in {', '.join(langs)} shown translated")
