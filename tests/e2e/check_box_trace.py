#!/usr/bin/env python3
"""The foundation's promise: 3 cycles of box breathing write 12 phase events 4 s
apart, in the order inhale, hold, exhale, hold_out, and an exercise_end completed."""
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
    subprocess.run([exe, "play", "--exercise", "box-breathing", "--cycles", "3", "--no-draw", "--trace", t],
                   check=True, timeout=120)
    ev = [json.loads(l) for l in open(t)]
phases = [e for e in ev if e["event"] == "phase"]
require(len(phases) == 12, f"{len(phases)} phase events")
names = [p["phase"] for p in phases]
require(names == ["inhale", "hold", "exhale", "hold_out"] * 3, names)
require([p["cycle"] for p in phases] == [1] * 4 + [2] * 4 + [3] * 4, '[p["cycle"] for p in phases] == [1] * 4 + [2] * 4 + [3] * 4')
for a, b in zip(phases, phases[1:]):
    gap = b["t"] - a["t"]
    require(abs(gap - 4.0) <= 1 / 60 + 1e-9, f"gap {gap}")
end = [e for e in ev if e["event"] == "exercise_end"]
require(len(end) == 1 and end[0]["id"] == "box-breathing" and end[0]["completed"] is True, end)
require(end[0]["t"] - phases[0]["t"] >= 48 - 1 / 60, "ended early")
require(ev[0]["event"] == "start" and ev[-1]["event"] == "exit", 'ev[0]["event"] == "start" and ev[-1]["event"] == "exit"')
print("ok: 12 phases 4 s apart, completed")
