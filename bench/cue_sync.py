#!/usr/bin/env python3
"""Cue onset vs visual boundary: runs the live program with SDL's disk audio driver
(the mixed stream is written to a raw file, 48 kHz stereo S16) and a dummy video
driver, finds each cue's onset in the samples, and compares it with the exact phase
boundary times (lead-in + k * 4 s after exercise_start) and the trace's phase times.

The raw file has no clock of its own (the disk driver paces itself with SDL_Delay and
runs about 2 % slow), so the program is asked (GW_AUDIO_CLOCK_LOG) to log when each
buffer was mixed and written (frame number, monotonic clock) and the clock reading at
each cue_at call (which ties the monotonic clock to program time). A sample's time is
its buffer's write time plus its place in the buffer. Positive offset: sound late.

Usage: bench/cue_sync.py BUILD/groundwork [CYCLES]   (box breathing, 16 s per cycle)
"""
import bisect
import json
import os
import statistics
import struct
import subprocess
import sys
import tempfile

RATE = 48000
exe = os.path.abspath(sys.argv[1])
cycles = int(sys.argv[2]) if len(sys.argv) > 2 else 3
data = os.path.join(os.path.dirname(exe), "data")

with tempfile.TemporaryDirectory() as tmp:
    raw, trace = os.path.join(tmp, "a.raw"), os.path.join(tmp, "t.jsonl")
    clog = os.path.join(tmp, "clock.log")
    env = dict(os.environ, SDL_AUDIODRIVER="disk", SDL_DISKAUDIOFILE=raw, SDL_VIDEODRIVER="dummy",
               GROUNDWORK_DATA_DIR=data, GW_AUDIO_CLOCK_LOG=clog)
    seconds = 3 + 16 * cycles + 1.5
    subprocess.run(["timeout", "-s", "INT", str(seconds), exe, "--exercise", "box-breathing",
                    "--cycles", str(cycles), "--trace", trace], env=env, stderr=subprocess.DEVNULL)
    pcm = open(raw, "rb").read()
    events = [json.loads(l) for l in open(trace) if l.strip()]
    log = [l.split() for l in open(clog)]

n = len(pcm) // 4
left = struct.unpack("<%dh" % (n * 2), pcm[: n * 4])[0::2]
onsets, quiet, THRESH = [], RATE, 200  # a cue starts after >= 0.5 s of silence
for i, v in enumerate(left):
    if abs(v) > THRESH:
        if quiet >= RATE // 2:
            onsets.append(i / RATE)
        quiet = 0
    else:
        quiet += 1

cbs = [(int(f), int(t)) for k, f, t in (l for l in log if l[0] == "cb")]
cues = [l for l in log if l[0] == "cue"]
if not cbs or not cues:
    sys.exit("no clock log: was the audio device open?")
# SDL_mixer opens the device paused and starts it at once; if the audio thread runs
# meanwhile, the disk driver writes a buffer of silence that no callback mixed (and the
# program did not count). Such buffers come before the first mixed one: the file's
# sample s is then the program's frame s - lead.
chunk = cbs[1][0] - cbs[0][0] if len(cbs) > 1 else 0
lead = n - (cbs[-1][0] + chunk)
if lead < 0 or (chunk and lead % chunk):
    sys.exit(f"the file has {n} frames, the program mixed {cbs[-1][0] + chunk}: cannot line them up")
t0 = int(cues[0][4]) - int(cues[0][3])  # monotonic clock minus program time
frames = [f for f, _ in cbs]


def program_time(s):
    """Program time (s) at which stream sample s was written."""
    k = bisect.bisect_right(frames, s) - 1
    f, at = cbs[max(k, 0)]
    return (at - t0) / 1e9 + (s - f) / RATE


start = next(e["t"] for e in events if e["event"] == "exercise_start")
phases = [e["t"] for e in events if e["event"] == "phase"]
exact = [start + 3 + 4 * k for k in range(len(phases))]
heard = [program_time(round(o * RATE) - lead) for o in onsets]
m = min(len(heard), len(phases))
if m < 1:
    sys.exit(f"found {len(onsets)} onsets and {len(phases)} phases: nothing to compare")


def report(name, ref):
    d = [(heard[i] - ref[i]) * 1000 for i in range(m)]
    a = [abs(x) for x in d]
    print(f"{name}: {m} cues; onset - boundary: median {statistics.median(d):+.2f} ms, "
          f"median |.| {statistics.median(a):.2f} ms, max |.| {max(a):.2f} ms")
    if os.environ.get("CUE_SYNC_VERBOSE"):
        print("  " + " ".join(f"{x:+.1f}" for x in d))


print(f"audio written: {n / RATE:.2f} s (silent buffers before the first mixed: {lead // chunk if chunk else 0}); "
      f"onsets found: {len(onsets)}; phase events: {len(phases)}")
report("vs exact boundaries", exact)
report("vs trace phase times", phases)
