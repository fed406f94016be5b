#!/usr/bin/env python3
"""The kiosk's attract screen is in one language at each moment: as "Touch to begin"
turns through the offered languages, a card touched goes on in the language shown at
that moment (its cautions are shown in it), as a touch anywhere else does.

Usage: check_kiosk_languages.py GROUNDWORK"""
import json
import os
import subprocess
import sys
import tempfile

EXE = sys.argv[1]
LANGS = ["en", "es", "de", "ar"]
failures = []
with tempfile.TemporaryDirectory() as tmp:
    cfg = os.path.join(tmp, "kiosk.json")
    with open(cfg, "w") as f:
        json.dump({"languages": LANGS, "exercises": ["box-breathing", "grounding-54321"]}, f)
    for k, lang in enumerate(LANGS):
        for how in ("card", "begin"):
            at = 4 * k + 1.5  # each language is shown 4 s
            sp, tr = os.path.join(tmp, "s.jsonl"), os.path.join(tmp, "t.jsonl")
            with open(sp, "w") as f:
                f.write(json.dumps({"at": at, "press": "exercise:box-breathing" if how == "card" else "begin"}) + "\n")
                f.write(json.dumps({"at": at + 1, "end": True}) + "\n")
            subprocess.run([EXE, "play", "--mode", "kiosk", "--config", cfg, "--no-draw", "--script", sp,
                            "--trace", tr], cwd=tmp, check=True, stderr=subprocess.DEVNULL, timeout=60)
            ev = [json.loads(l) for l in open(tr) if l.strip()]
            if how == "card":
                got = [e.get("lang") for e in ev if e["event"] == "cautions"]
                want = [lang]
            else:  # two exercises offered: the kiosk library, in the language shown
                got = [e.get("name") for e in ev if e["event"] == "scene"][-1:]
                want = ["kiosk_library"]
            if got != want:
                failures.append(f"{how} pressed while {lang} was shown: {got}, not {want}")
for f in failures:
    print("FAIL:", f)
if failures:
    sys.exit(1)
print("ok: the attract screen's cards go on in the language shown")
