#!/usr/bin/env python3
"""Numbers the program writes for machines and reads from its command line are the same
in every locale: under a German locale (decimal comma) and an Arabic one, the trace is
valid JSON with fractional seconds, `render --at 1.5` is accepted, and the log export
has ISO 8601 UTC times. Usage: check_numeric_locale.py GROUNDWORK LOCPATH"""
import json
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(__file__))
from gwcheck import require  # noqa: E402
import pngread  # noqa: E402

exe, locpath = sys.argv[1], sys.argv[2]
for loc in ("de_DE.UTF-8", "ar_EG.UTF-8"):
    if not os.path.isdir(os.path.join(locpath, loc)):
        sys.exit(f"{loc} missing in {locpath} (i18n.make_locales builds it)")

for loc, lang in (("de_DE.UTF-8", "de"), ("ar_EG.UTF-8", "ar")):
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, LOCPATH=locpath, LANG=loc, LC_ALL="", LANGUAGE="",
                   XDG_CONFIG_HOME=os.path.join(tmp, "c"), XDG_DATA_HOME=os.path.join(tmp, "d"))
        trace = os.path.join(tmp, "t.jsonl")
        # resonance breathing: 4.5 s inhale, so the exhale starts at a fractional second
        subprocess.run([exe, "play", "--exercise", "resonance-breathing", "--cycles", "1", "--no-draw",
                        "--trace", trace], env=env, check=True, timeout=60, stdout=subprocess.DEVNULL)
        ts = []
        with open(trace, encoding="utf-8") as f:
            for n, line in enumerate(f, 1):
                try:
                    ts.append(json.loads(line)["t"])
                except ValueError as e:
                    sys.exit(f"{loc}: trace line {n} is not JSON ({e}): {line.strip()}")
        require(any(t != int(t) for t in ts), f"{loc}: no event at a fractional second in {ts}")
        r = subprocess.run([exe, "render", "--exercise", "box-breathing", "--at", "1.5", "--size", "320x200",
                            "--out", os.path.join(tmp, "f.png")], env=env, timeout=60,
                           stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        require(r.returncode == 0, f"{loc}: render --at 1.5 refused: {r.stderr.strip()}")
        # a fractional time is read whole, not cut at the point nor run on: mid-inhale the
        # box's dot is elsewhere at 5.5 s than at 5 s or 55 s
        frames = {}
        for at in ("5", "5.5", "55"):
            out = os.path.join(tmp, "at-%s.png" % at)
            subprocess.run([exe, "render", "--exercise", "box-breathing", "--at", at, "--size", "320x200", "--out",
                            out], env=env, timeout=60, check=True, capture_output=True)
            frames[at] = pngread.read(out)[2]
        require(pngread.differing_pixels(frames["5.5"], frames["5"]) > 0 and
                pngread.differing_pixels(frames["5.5"], frames["55"]) > 0,
                f"{loc}: --at 5.5 did not draw the frame at 5.5 s")
        out = subprocess.run([exe, "log", "export", "--json"], env=env, check=True, timeout=60,
                             capture_output=True, text=True).stdout
        rows = json.loads(out)
        require(rows and rows[0]["start"].endswith("Z") and rows[0]["start"][4] == "-", rows)
        print(f"{loc}: trace, --at and export OK ({len(ts)} events)")
print("1 passed, 0 failed")
