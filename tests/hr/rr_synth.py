#!/usr/bin/env python3
"""Synthetic RR recordings for the resonance assessment (`--hr-replay`): beats back to
back from the first paced breath, the heart rate swinging with each breath of each
block (6.5, 6.0, 5.5, 5.0, 4.5 breaths a minute, two minutes each, as the program paces
them: breaths in whole tenths of a second), by a chosen amount per block, with noise
and a few artefacts (a missed beat, an extra one) if asked."""
import math
import random

RATES = [6.5, 6.0, 5.5, 5.0, 4.5]


def blocks(block_s=120):
    """(start_ms, breath_ms, end_ms) of each block, as the program's res_run."""
    out, t = [], 0
    for r in RATES:
        breath = round(60000 / r / 100) * 100
        cycles = max(1, round(block_s * 1000 / breath))
        out.append((t, breath, t + cycles * breath))
        t += cycles * breath
    return out


def recording(swing, base=66.0, noise_ms=0.0, artefacts=False, seed=1, extra_s=5):
    """RR intervals (ms): in block k the heart rate is base + swing[k]/2 * sin(breath)."""
    rng = random.Random(seed)
    bl = blocks()
    end = bl[-1][2] + extra_s * 1000
    rr, t, k = [], 0.0, 0
    while t < end:
        while k + 1 < len(bl) and t >= bl[k][2]:
            k += 1
        start, breath, _ = bl[k]
        hr = base + swing[min(k, len(swing) - 1)] / 2 * math.sin(2 * math.pi * (t - start) / breath)
        x = 60000.0 / hr + (rng.gauss(0, noise_ms) if noise_ms else 0.0)
        rr.append(x)
        t += x
    if artefacts:  # a missed beat (two intervals as one) and an extra one (one split), now and then
        for i in range(40, len(rr) - 2, 150):
            rr[i:i + 2] = [rr[i] + rr[i + 1]]
        for i in range(110, len(rr) - 1, 150):
            rr[i:i + 1] = [rr[i] * 0.4, rr[i] * 0.6]
    return rr


def write(path, rr):
    with open(path, "w") as f:
        f.write("rr_ms\n")
        for x in rr:
            f.write(f"{x:.1f}\n")
