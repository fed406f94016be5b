#!/usr/bin/env python3
"""The swing per breath beside the heart-rate line (docs/biofeedback.md): `play
--hr-replay` of resonance breathing (10 s breaths) with a heart rate that swings by 6
beats a minute for eight breaths, then by 14. The `hr_swing` events give the mean over
the last few breaths when it changes as each breath ends, and say `growing` when the
swing grows, then no longer once it stays; without beats there are none.

  check_swing.py GROUNDWORK"""
import json
import math
import os
import subprocess
import sys
import tempfile

GW = sys.argv[1]
failures = []


def check(cond, what):
    if not cond:
        failures.append(what)
        print("FAIL:", what)


def play(tmp, *args):
    env = dict(os.environ, XDG_DATA_HOME=os.path.join(tmp, "data"), XDG_CONFIG_HOME=os.path.join(tmp, "config"),
               LANGUAGE="en", LC_ALL="C.UTF-8")
    t = os.path.join(tmp, "trace.jsonl")
    p = subprocess.run([GW, "play", "--no-draw", "--trace", t] + list(args), env=env, capture_output=True,
                       text=True, timeout=300)
    ev = [json.loads(x) for x in open(t) if x.strip()] if os.path.exists(t) else []
    return p, ev


def recording(swing_of, breath_s=10.0, seconds=200):
    rr, t = [], 0.0
    while t < seconds * 1000:
        k = int(t / 1000 / breath_s)
        hr = 66 + swing_of(k) / 2 * math.sin(2 * math.pi * t / 1000 / breath_s)
        rr.append(60000 / hr)
        t += rr[-1]
    return rr


with tempfile.TemporaryDirectory() as tmp:
    path = os.path.join(tmp, "rr.csv")
    with open(path, "w") as f:
        f.write("rr_ms\n" + "".join(f"{x:.1f}\n" for x in recording(lambda k: 6 if k < 8 else 14)))
    p, ev = play(tmp, "--exercise", "resonance-breathing", "--cycles", "16", "--hr-replay", path)
    check(p.returncode == 0, f"play exits 0 ({p.returncode}: {p.stderr.strip()})")
    sw = [e for e in ev if e["event"] == "hr_swing"]
    check(len(sw) >= 5, f"an hr_swing event when the figure changes as breaths end: {sw}")
    # the first once the first breath (after the 3 s lead-in) has ended and settled
    check(sw and 14.1 <= sw[0]["t"] <= 14.3 and sw[0]["breaths"] == 1, f"the first after one breath: {sw[:1]}")
    early = [e for e in sw if e["t"] < 3 + 80 + 1.2]
    check(early and all(abs(e["swing"] - 6) < 1.0 and not e["growing"] for e in early),
          f"about 6 and steady for eight breaths: {early}")
    check(all(e["breaths"] == 3 for e in early[2:]), f"the mean of the last three breaths: {early}")
    grown = [e for e in sw if e["growing"]]
    check(grown and abs(grown[-1]["swing"] - 14) < 1.5, f"growing when the swing grows to 14: {grown}")
    late = [e for e in sw if e["t"] > 3 + 130]
    check(late and not late[-1]["growing"] and abs(late[-1]["swing"] - 14) < 1.5,
          f"no longer growing once it stays: {late}")
    check(all(set(e) == {"t", "event", "swing", "breaths", "growing"} for e in sw), f"fields: {sw[:1]}")

    # no beats: no swing
    p, ev = play(tmp, "--exercise", "resonance-breathing", "--cycles", "4")
    check(p.returncode == 0 and not [e for e in ev if e["event"] == "hr_swing"], "no hr_swing without beats")

if failures:
    print(f"{len(failures)} failures")
    sys.exit(1)
print("ok")
