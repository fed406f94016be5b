#!/usr/bin/env python3
"""Each pacer style at 1280x720, checked by its pixels at chosen times of box breathing
(3 s lead-in, then inhale, hold, exhale, hold_out of 4 s each). The "style" control
cycles box -> wave -> tube -> calm -> orb; each style is pressed into view and shot
through a whole breath: the start, middle and end of the inhale, the middle of the hold,
the middle and end of the exhale and the middle of the hold after it."""
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(__file__))
import pngread  # noqa: E402
from gwcheck import require  # noqa: E402

exe = os.path.abspath(sys.argv[1])
INHALE, HOLD, TRACK = (0x7f, 0xb8, 0xd8), (0xb7, 0xa6, 0xd9), (0x34, 0x46, 0x55)
EXHALE = (0x8f, 0xc9, 0xa8)
STYLES = ["box", "wave", "tube", "calm", "orb"]
TIMES = {"in0": 3.05, "inmid": 5.0, "in1": 6.95, "holdmid": 9.0, "exmid": 13.0, "ex1": 14.95, "houtmid": 17.0}
# geometry at 1280x720 (unit 1): pacer area centre (640, 347), room 223
CX, CY, ROOM = 640, 347, 223


def close(a, b, tol=14):
    return max(abs(x - y) for x, y in zip(a, b)) <= tol


def near(img, x, y, colour, r=3):
    _, _, px = img
    return any(close(px(x + dx, y + dy), colour) for dx in range(-r, r + 1) for dy in range(-r, r + 1))


with tempfile.TemporaryDirectory() as tmp:
    lines = []
    shots = {}
    for name, at in sorted(TIMES.items(), key=lambda kv: kv[1]):
        for i, style in enumerate(STYLES):
            if i:
                lines.append({"at": at + 0.001, "press": "style"})
            f = f"{style}-{name}.png"
            lines.append({"at": at + 0.001, "screenshot": f})
            shots[style, name] = f
        lines.append({"at": at + 0.001, "press": "style"})  # back to box
    lines.append({"at": 18, "end": True})
    script = os.path.join(tmp, "s.jsonl")
    with open(script, "w") as f:
        for l in lines:
            import json
            f.write(json.dumps(l) + "\n")
    subprocess.run([exe, "play", "--exercise", "box-breathing", "--script", script, "--size", "1280x720"],
                   cwd=tmp, check=True, timeout=120)
    img = {k: pngread.read(os.path.join(tmp, v)) for k, v in shots.items()}

    # box: the dot climbs the left side while breathing in, crosses the top holding
    half = ROOM * 0.8
    left, top, bottom = CX - half, CY - half, CY + half
    # 50 ms into the inhale the figure's colour is still turning from the lead-in's
    # (hold) to the inhale's: the dot is found in either
    require(near(img["box", "in0"], round(left), round(bottom) - 2, INHALE) or
            near(img["box", "in0"], round(left), round(bottom) - 2, HOLD), "box dot not at bottom-left")
    require(near(img["box", "inmid"], round(left), CY, INHALE), "box dot not halfway up the left side")
    require(not near(img["box", "in0"], round(left), CY, INHALE), "box side lit too early")
    require(near(img["box", "holdmid"], CX, round(top), HOLD), "box dot not halfway along the top")
    require(near(img["box", "exmid"], round(CX + half), CY, EXHALE), "box dot not halfway down the right side")
    require(near(img["box", "houtmid"], CX, round(bottom), HOLD) or near(img["box", "houtmid"], CX, round(bottom), EXHALE),
            "box dot not halfway along the bottom after the exhale")

    # wave: the marker rides the curve; mid-inhale is 1/8 of the breath, half height
    hw, hh = min(1280 * 0.36, 520), ROOM * 0.42
    x0, y0 = CX - hw, CY + 40 + hh
    require(near(img["wave", "inmid"], round(x0 + 2 * hw / 8), round(y0 - hh), INHALE, 4), "wave marker mid-inhale")
    require(near(img["wave", "holdmid"], round(x0 + 2 * hw * 6 / 16), round(y0 - 2 * hh), HOLD, 4), "wave marker mid-hold")
    require(not near(img["wave", "in0"], round(x0 + 2 * hw / 8), round(y0 - hh), INHALE, 4), 'not near(img["wave", "in0"], round(x0 + 2 * hw / 8), round(y0 - hh), INHALE, 4)')

    # tube: the fill level is the lungs' fill (half at mid-inhale, full at its end)
    def tube_fill(im):
        _, _, px = im
        x = round(CX - 160)
        ys = [y for y in range(CY - ROOM, CY + ROOM) if close(px(x, y), INHALE) or close(px(x, y), HOLD)]
        return len(ys) / (2 * ROOM - 16)
    f0, fm, f1 = (tube_fill(img["tube", k]) for k in ("in0", "inmid", "in1"))
    require(f0 < 0.05 and 0.45 < fm < 0.55 and f1 > 0.95, (f0, fm, f1))

    def tube_fill_ex(im):  # emptying on the exhale, in its colour
        _, _, px = im
        x = round(CX - 160)
        return len([y for y in range(CY - ROOM, CY + ROOM) if close(px(x, y), EXHALE)]) / (2 * ROOM - 16)
    em, e1 = tube_fill_ex(img["tube", "exmid"]), tube_fill_ex(img["tube", "ex1"])
    require(0.45 < em < 0.55 and e1 < 0.05, "tube on the exhale: half at its middle, empty at its end: %s" % ((em, e1),))

    # calm: the bar fills a quarter per second of the 4 s phase: 3/4 at 2.0 s in
    bx0, bw, by = CX - 360, 720, CY + 70 + 11
    _, _, px = img["calm", "inmid"]
    require(close(px(round(bx0 + bw * 0.70), by), INHALE) and close(px(round(bx0 + bw * 0.80), by), TRACK), (px(round(bx0 + bw * 0.70), by), px(round(bx0 + bw * 0.80), by)))
    _, _, px = img["calm", "in0"]
    require(close(px(round(bx0 + bw * 0.20), by), INHALE) and close(px(round(bx0 + bw * 0.30), by), TRACK), 'close(px(round(bx0 + bw * 0.20), by), INHALE) and close(px(round(bx0 + bw * 0.30), by), TRACK)')

    # orb: radius grows through the inhale (count inhale-coloured pixels on the row)
    def orb_width(im):
        _, _, px = im
        return sum(1 for x in range(CX - 300, CX + 300) if close(px(x, CY - 60), INHALE))
    w0, wm, w1 = (orb_width(img["orb", k]) for k in ("in0", "inmid", "in1"))
    require(w0 < wm < w1, (w0, wm, w1))

    def orb_width_ex(im):  # the widest row of exhale colour: the orb's diameter
        _, _, px = im
        return max(sum(1 for x in range(CX - 300, CX + 300, 2) if close(px(x, y), EXHALE)) for y in range(CY - 200, CY + 220, 8))
    ex_m, ex_1 = orb_width_ex(img["orb", "exmid"]), orb_width_ex(img["orb", "ex1"])
    require(ex_m > ex_1 > 0, "the orb shrinks through the exhale: %s" % ((ex_m, ex_1),))
print("ok: box dot, wave marker, tube fill, calm bar and orb size through a whole breath")
