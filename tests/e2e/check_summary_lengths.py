#!/usr/bin/env python3
"""Every length a summary states in words agrees with the one length the program
computes for the exercise (list --json "length", from exercise_length(): the same
number the library and kiosk cards show), in English, Spanish, German and Arabic.

"About 4 minutes" / "Unos 18 minutos" / "Etwa 4 Minuten" / "نحو 4 دقائق" / "5 min" may differ from the length by
less than a minute; "under a minute" / "menos de un minuto" / "unter einer Minute" means less
than 60 s (Arabic "أقل من دقيقة"); "N breaths" / "N times" / "N respiraciones" / "N veces" / "N Atemzüge" / "N-mal" / "N أنفاس" / "N مرات" is the
number of breaths (the pack's cycles), unless it is a rate ("6 slow breaths a minute",
"6 langsame Atemzüge pro Minute", "6 أنفاس بطيئة في الدقيقة")."""
import json
import os
import re
import subprocess
import sys

sys.path.insert(0, os.path.dirname(__file__))
from gwcheck import require  # noqa: E402

exe = sys.argv[1]
root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "content", "core")
MIN = re.compile(r"(\d+(?:[.,]\d+)?)\s*(?:minutes?|min\b|minutos?|دقائق|دقيقة)", re.I)
UNDER = re.compile(r"under a minute|menos de un minuto|unter einer minute|أقل من دقيقة", re.I)
BREATHS = re.compile(r"(\d+)(?:\s+(?:breaths|times|respiraciones|veces|atemzüge|أنفاس|مرات)(?!\w)|-mal\b)", re.I)

cycles = {}
for n in json.load(open(os.path.join(root, "pack.json")))["exercises"]:
    e = json.load(open(os.path.join(root, n)))
    cycles[e["id"]] = e.get("breathing", {}).get("cycles")

checked, bad = 0, []
for lang in ("en", "es", "de", "ar"):
    out = subprocess.run([exe, "list", "--json", "--lang", lang], capture_output=True, text=True, check=True).stdout
    for e in json.loads(out):
        s, length = e["summary"], e["length"]
        for m in MIN.finditer(s):
            want = float(m.group(1).replace(",", "."))
            checked += 1
            if abs(length - want * 60) >= 60:
                bad.append(f"{lang} {e['id']}: says {m.group(0)!r}, runs {length} s")
        if UNDER.search(s):
            checked += 1
            if length >= 60:
                bad.append(f"{lang} {e['id']}: says under a minute, runs {length} s")
        for m in BREATHS.finditer(s):
            if re.match(r"\s*(?:\w+\s+)?(?:(?:a|per|por|pro) minut|في الدقيقة)", s[m.end():], re.I):
                continue  # a rate ("6 slow breaths a minute"), not a count
            checked += 1
            if cycles.get(e["id"]) != int(m.group(1)):
                bad.append(f"{lang} {e['id']}: says {m.group(0)!r}, has {cycles.get(e['id'])} breaths")
require(not bad, "\n".join(bad))
require(checked >= 20, f"only {checked} stated lengths found")
print(f"ok: {checked} lengths stated in summaries agree with the computed lengths")
