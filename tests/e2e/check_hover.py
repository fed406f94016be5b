#!/usr/bin/env python3
"""The script's "pointer" action moves the mouse without a button: a library card under
it shows its hover state in the rendered frame (only that card's pixels change), and
moving the pointer off it gives the frame back as it was.

Usage: check_hover.py GROUNDWORK"""
import json
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(__file__))
import pngread  # noqa: E402
from gwcheck import require  # noqa: E402

EXE = sys.argv[1]
W, H = 1280, 720
CARD = (200, 190)  # inside the first library card (Box breathing), away from its star
with tempfile.TemporaryDirectory() as tmp:
    env = dict(os.environ, XDG_DATA_HOME=os.path.join(tmp, "data"), XDG_CONFIG_HOME=os.path.join(tmp, "config"),
               XDG_STATE_HOME=os.path.join(tmp, "state"))
    lines = [{"at": 1, "screenshot": "plain.png"},
             {"at": 1.2, "pointer": [CARD[0] / W, CARD[1] / H]}, {"at": 1.5, "screenshot": "hover.png"},
             {"at": 1.7, "pointer": [0.3, 0.93]}, {"at": 2, "screenshot": "off.png"},
             {"at": 2.1, "end": True}]
    with open(os.path.join(tmp, "s.jsonl"), "w") as f:
        f.write("".join(json.dumps(l) + "\n" for l in lines))
    subprocess.run([EXE, "play", "--script", "s.jsonl", "--size", f"{W}x{H}"], cwd=tmp, env=env, check=True,
                   timeout=60)
    shots = {n: pngread.read(os.path.join(tmp, n + ".png")) for n in ("plain", "hover", "off")}
    plain, hover, off = (shots[n][2] for n in ("plain", "hover", "off"))
    diff = [(x, y) for y in range(H) for x in range(W) if plain(x, y) != hover(x, y)]
    require(diff, "the card under the pointer looks the same as without it")
    xs, ys = [p[0] for p in diff], [p[1] for p in diff]
    box = (min(xs), min(ys), max(xs), max(ys))
    require(box[0] <= CARD[0] <= box[2] and box[1] <= CARD[1] <= box[3] and box[2] - box[0] < 500 and
            box[3] - box[1] < 130, f"what changed ({box}) is not the card under the pointer at {CARD}")
    require(pngread.differing_pixels(plain, off) == 0, "the pointer moved off the card left its hover state")
print("ok: a card under the pointer shows its hover state")
