#!/usr/bin/env python3
"""Live control of the pacer, by widget and by key: longer/shorter change every phase by
0.5 s from that moment while the breath continues where it was (same phase, same
fraction of it); pause stops the clock; style and mute are traced."""
import json
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(__file__))
from gwcheck import require  # noqa: E402

exe = os.path.abspath(sys.argv[1])
STEP = 1 / 60 + 1e-6
# box breathing: 3 s lead-in, 4 x 4 s phases
script = [
    {"at": 5.0, "press": "longer"},     # mid-inhale: 2 s left of 4 -> 2.25 s of 4.5
    {"at": 20.0, "key": "Down"},        # back to 4 s phases
    {"at": 30.0, "press": "pause"},
    {"at": 40.0, "key": "Space"},
    {"at": 41.0, "press": "style"},
    {"at": 41.5, "key": "S"},
    {"at": 42.0, "press": "mute"},
    {"at": 42.5, "press": "shorter"},
    {"at": 43.0, "key": "Up"},
    {"at": 60.0, "end": True},
]
with tempfile.TemporaryDirectory() as tmp:
    s, t = os.path.join(tmp, "s.jsonl"), os.path.join(tmp, "t.jsonl")
    with open(s, "w") as f:
        f.write("\n".join(json.dumps(l) for l in script) + "\n")
    subprocess.run([exe, "play", "--no-draw", "--exercise", "box-breathing", "--script", s, "--trace", t],
                   cwd=tmp, check=True, timeout=120)
    ev = [json.loads(l) for l in open(t)]


def of(name):
    return [e for e in ev if e["event"] == name]


adj = of("adjust")
require([(a["delta_ms"], a["exercise"]) for a in adj] == [(500, "box-breathing"), (-500, "box-breathing"),
                                                          (-500, "box-breathing"), (500, "box-breathing")], adj)
ph = of("phase")
# the inhale began at 3 s and is not restarted by the change; the hold follows 2.25 s later
require(ph[0]["phase"] == "inhale" and abs(ph[0]["t"] - 3) <= STEP, 'ph[0]["phase"] == "inhale" and abs(ph[0]["t"] - 3) <= STEP')
require(ph[1]["phase"] == "hold" and abs(ph[1]["t"] - 7.25) <= STEP, ph[1])
require(ph[2]["phase"] == "exhale" and abs(ph[2]["t"] - 11.75) <= STEP, ph[2])
require(ph[3]["phase"] == "hold_out" and abs(ph[3]["t"] - 16.25) <= STEP, ph[3])
# no phase event is repeated or skipped around an adjustment
order = ["inhale", "hold", "exhale", "hold_out"]
for i, p in enumerate(ph):
    require(p["phase"] == order[i % 4] and p["cycle"] == i // 4 + 1, (i, p))
# after "Down" at 20 s the phases are 4 s again (until the pause at 30 s)
after = [p["t"] for p in ph if 21 < p["t"] < 30]
require(all(abs((b - a) - 4) <= STEP for a, b in zip(after, after[1:])) and len(after) >= 2, after)
# pause: no phase from 30 to 40 s
require(not [p for p in ph if 30 < p["t"] < 40], "a phase began while paused")
require([e["t"] for e in of("pause")] == [30.0] and len(of("resume")) == 1, '[e["t"] for e in of("pause")] == [30.0] and len(of("resume")) == 1')
require([e["style"] for e in of("style")] == ["wave", "tube"], of("style"))
require([e["muted"] for e in of("mute")] == [True], of("mute"))
# --exercise passes the exercise's cautions as a person pressing Start would, first
names = [e["event"] for e in ev]
require([e["exercise"] for e in of("cautions")] == ["box-breathing"] and names.index("cautions") < names.index("phase"), '[e["exercise"] for e in of("cautions")] == ["box-breathing"] and names.index("cautions") < names.index("phase")')
require([e["widget"] for e in of("press")] == ["cautions-start", "longer", "pause", "style", "mute", "shorter"], '[e["widget"] for e in of("press")] == ["cautions-start", "longer", "pause", "style", "mute", "shorter"]')
# a cue for every phase, phase and cue at the same time
cues = of("cue")
require(len(cues) == len(ph) and all(c["t"] == p["t"] for c, p in zip(cues, ph)), 'len(cues) == len(ph) and all(c["t"] == p["t"] for c, p in zip(cues, ph))')
print(f"ok: {len(adj)} adjustments, {len(ph)} phases in order, pause, style, mute")
