#!/usr/bin/env python3
"""Renders box breathing and the orb style, and checks the frames by their pixels:
the pacer is drawn where it should be, in the phase colour, and a mid-inhale orb is
larger than at the start of the inhale and smaller than at its end."""
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(__file__))
import pngread  # noqa: E402
from gwcheck import require  # noqa: E402

exe = sys.argv[1]
BG = (0x1d, 0x2a, 0x35)
INHALE = (0x7f, 0xb8, 0xd8)


def render(tmp, ex, at, size="1280x720"):
    out = os.path.join(tmp, f"{ex}-{at}-{size}.png")
    subprocess.run([exe, "render", "--exercise", ex, "--at", str(at), "--size", size, "--out", out],
                   check=True, timeout=60)
    return pngread.read(out)


def close(a, b, tol=12):
    return max(abs(x - y) for x, y in zip(a, b)) <= tol


def inhale_area(img):
    """How many sampled pixels have the inhale colour: grows with the orb."""
    w, h, px = img
    return sum(1 for x in range(0, w, 2) for y in range(90, h - 120, 2) if close(px(x, y), INHALE, 10))


with tempfile.TemporaryDirectory() as tmp:
    w, h, px = render(tmp, "box-breathing", 3 + 2)  # after the 3 s lead-in
    require((w, h) == (1280, 720), '(w, h) == (1280, 720)')
    # background colour in a corner, something drawn in the middle band
    require(close(px(5, h - 5), BG), px(5, h - 5))
    coloured = sum(1 for x in range(0, w, 4) for y in range(100, h - 120, 4) if close(px(x, y), INHALE, 16))
    require(coloured > 40, f"the pacer's inhale colour covers only {coloured} samples")
    # the foundation's frame: box breathing at 2 s shows the pacer (the box and its dot)
    lead = render(tmp, "box-breathing", 2)
    drawn = sum(1 for x in range(0, w, 4) for y in range(100, h - 120, 4) if not close(lead[2](x, y), BG, 8))
    require(drawn > 200, f"only {drawn} samples differ from the background at 2 s")
    big = render(tmp, "box-breathing", 2, "1920x1080")
    require(big[0] == 1920 and big[1] == 1080, 'big[0] == 1920 and big[1] == 1080')
    # ...and at 1920x1080 the figure is drawn, about the middle of the screen
    bx = [x for x in range(0, 1920, 6) for y in range(150, 1080 - 180, 6) if not close(big[2](x, y), BG, 8)]
    require(len(bx) > 300 and 700 < sum(bx) / len(bx) < 1220,
            f"1920x1080: {len(bx)} samples drawn, centred at x {sum(bx) / max(1, len(bx)):.0f}")

    # orb: resonance breathing inhales 4.5 s after a 3 s lead-in
    r0 = inhale_area(render(tmp, "resonance-breathing", 3.05))
    rm = inhale_area(render(tmp, "resonance-breathing", 3 + 2.25))
    r1 = inhale_area(render(tmp, "resonance-breathing", 3 + 4.45))
    require(r0 < rm < r1, (r0, rm, r1))
print("ok: pacer pixels and orb growth")
