#!/usr/bin/env python3
"""4-7-8 as Weil teaches it: the session opens with one full exhale through the mouth
(after "Get ready"), then 4 breaths of in 4, hold 7, out 8; the opening exhale is a
phase of its own (traced "opening": true, index -1), not a breath, and the exercise
ends completed 3 + 8 + 4 x 19 = 87 s after it starts."""
import json
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(__file__))
from gwcheck import require  # noqa: E402

exe = sys.argv[1]
with tempfile.TemporaryDirectory() as tmp:
    t = os.path.join(tmp, "t.jsonl")
    subprocess.run([exe, "play", "--exercise", "breathing-4-7-8", "--no-draw", "--trace", t],
                   check=True, timeout=120)
    ev = [json.loads(l) for l in open(t)]
start = [e for e in ev if e["event"] == "exercise_start"]
require(len(start) == 1 and start[0]["id"] == "breathing-4-7-8", start)
phases = [e for e in ev if e["event"] == "phase"]
first = phases[0]
require(first["phase"] == "exhale" and first.get("opening") is True and first["index"] == -1, first)
require(first["cycle"] == 1, first)
require(abs(first["t"] - start[0]["t"] - 3.0) <= 1 / 60 + 1e-9, "the opening exhale follows the 3 s lead-in")
rest = phases[1:]
require([p["phase"] for p in rest] == ["inhale", "hold", "exhale"] * 4, [p["phase"] for p in rest])
require(not any(p.get("opening") for p in rest), "only the first phase is the opening")
require([p["cycle"] for p in rest] == [1] * 3 + [2] * 3 + [3] * 3 + [4] * 3, '[p["cycle"] for p in rest] == [1] * 3 + [2] * 3 + [3] * 3 + [4] * 3')
require(abs(rest[0]["t"] - first["t"] - 8.0) <= 1 / 60 + 1e-9, "the opening exhale lasts 8 s")
gaps = [4.0, 7.0, 8.0] * 4
for a, b, g in zip(rest, rest[1:], gaps):
    require(abs(b["t"] - a["t"] - g) <= 1 / 60 + 1e-9, (a, b, g))
cues = [e["sound"] for e in ev if e["event"] == "cue"]
require(cues[0] == "exhale", cues[:3])
end = [e for e in ev if e["event"] == "exercise_end"]
require(len(end) == 1 and end[0]["completed"] is True, end)
require(abs(end[0]["t"] - start[0]["t"] - 87.0) <= 1 / 30, end[0]["t"] - start[0]["t"])
print("ok: opens with an 8 s exhale, then 4 breaths of 4-7-8, 87 s in all")
