#!/usr/bin/env python3
"""Redrawing only what changed must give exactly the pixels of a full redraw: a `play`
run draws every frame incrementally (dirty rectangles); its screenshots are compared
pixel by pixel with `render` of the same moments, for several exercises and styles."""
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(__file__))
import pngread  # noqa: E402
from gwcheck import require  # noqa: E402

exe = sys.argv[1]
# (exercise or None for a mode's own screen, mode, size, moments)
CASES = [("resonance-breathing", None, "1280x720", [4.2, 9.5]), ("box-breathing", None, "1280x720", [3.4, 5.5, 7.3, 13.9]),
         ("pmr-4", None, "1280x720", [12.0]), ("physiological-sigh", None, "1280x720", [7.7]),
         # the kiosk's attract screen: its orb growing, at its largest, shrinking, at its
         # smallest (only the ring between the old and new orb is redrawn)
         (None, "kiosk", "1920x1080", [2.5, 4.0, 5.1, 8.7, 10.0, 12.3]),
         (None, "kiosk", "1280x720", [3.3, 7.9])]
with tempfile.TemporaryDirectory() as tmp:
    for ex, mode, size, times in CASES:
        what = ["--exercise", ex] if ex else []
        what += ["--mode", mode] if mode else []
        script = os.path.join(tmp, "s.jsonl")
        with open(script, "w") as f:
            for t in times:
                f.write('{"at": %s, "screenshot": "inc-%s.png"}\n' % (t, t))
            f.write('{"at": %s, "end": true}\n' % (times[-1] + 0.1))
        subprocess.run([exe, "play", *what, "--script", script, "--size", size],
                       cwd=tmp, check=True, timeout=120, stderr=subprocess.DEVNULL if mode else None)
        ex = ex or mode
        for t in times:
            full = os.path.join(tmp, f"full-{t}.png")
            subprocess.run([exe, "render", *what, "--at", str(t), "--size", size,
                            "--out", full], check=True, timeout=60, stderr=subprocess.DEVNULL if mode else None)
            w, h, a = pngread.read(os.path.join(tmp, f"inc-{t}.png"))
            _, _, b = pngread.read(full)
            # two blank frames are equal too: the frame must show the exercise
            colours = {a(x, y) for y in range(0, h, 8) for x in range(0, w, 8)}
            require(len(colours) >= 16, f"{ex} at {t}s: the frame is nearly blank ({len(colours)} colours)")
            bad = pngread.differing_pixels(a, b)  # every pixel: a one-pixel seam counts
            require(bad == 0, f"{ex} at {t}s: {bad} pixels differ from a full redraw")
print("ok: incremental frames equal full redraws")
