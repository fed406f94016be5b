#!/usr/bin/env python3
"""Eight hours of box breathing on the virtual clock (1800 breaths, 7200 phases): every
phase event lies within one step (1/60 s) after its exact time, 3 s + 4 s * k; nothing
drifts. Prints how long the run took (not asserted: tests never depend on speed)."""
import json
import os
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(__file__))
from gwcheck import require  # noqa: E402

exe = os.path.abspath(sys.argv[1])
with tempfile.TemporaryDirectory() as tmp:
    t = os.path.join(tmp, "t.jsonl")
    t0 = time.monotonic()
    subprocess.run([exe, "play", "--exercise", "box-breathing", "--cycles", "1800", "--no-draw", "--trace", t],
                   check=True, timeout=600)
    took = time.monotonic() - t0
    ev = [json.loads(l) for l in open(t)]
start = next(e["t"] for e in ev if e["event"] == "exercise_start")
ph = [e for e in ev if e["event"] == "phase"]
require(len(ph) == 7200, len(ph))
worst = 0.0
for k, p in enumerate(ph):
    exact = start + 3 + 4 * k
    d = p["t"] - exact
    require(-1e-6 <= d < 1 / 60 + 1e-6, f"phase {k} at {p['t']}, exact {exact}")
    require(p["phase"] == ["inhale", "hold", "exhale", "hold_out"][k % 4] and p["cycle"] == k // 4 + 1, 'p["phase"] == ["inhale", "hold", "exhale", "hold_out"][k % 4] and p["cycle"] == k // 4 + 1')
    worst = max(worst, d)
end = [e for e in ev if e["event"] == "exercise_end"]
require(end and end[0]["completed"] is True and abs(end[0]["elapsed"] - (3 + 7200 * 4)) <= 1 / 60 + 1e-6, end)
print(f"ok: 7200 phases over 8 h within one step (worst {worst * 1000:.3f} ms late); run took {took:.1f} s")
