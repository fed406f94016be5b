#!/usr/bin/env python3
"""Guided exercises end to end: each built-in progressive muscle relaxation exercise is
played headless (--no-draw), in English and Spanish, and its trace is checked: every
step in order, the tensed groups in the published order, one voice clip per step from
the step's start (traced even without sound), and a completed end after exactly the
steps' total. Then every shipped clip is checked: an Ogg Vorbis stream whose length
(from its last granule position) fits its step.

usage: check_guided.py GROUNDWORK SOURCE-DIR"""
import json
import os
import struct
import subprocess
import sys
import tempfile

# Bernstein & Borkovec: the 16 groups in order; the 7 and 4 groups, each twice.
ORDER = {
    "pmr-16": ["dominant-hand", "dominant-upper-arm", "nondominant-hand", "nondominant-upper-arm",
               "forehead", "eyes-nose", "jaw", "neck", "chest-shoulders-back", "abdomen",
               "dominant-thigh", "dominant-calf", "dominant-foot",
               "nondominant-thigh", "nondominant-calf", "nondominant-foot"],
    "pmr-7": [g for g in ["dominant-arm", "nondominant-arm", "face", "neck", "torso",
                          "dominant-leg", "nondominant-leg"] for _ in (0, 1)],
    "pmr-4": [g for g in ["arms", "face-neck", "torso", "legs"] for _ in (0, 1)],
}
RELEASE_ONLY = ["face", "neck", "arms", "torso", "legs"]

fails = []


def fail(msg):
    fails.append(msg)
    print("FAIL:", msg)


def ogg_info(path):
    """(sample rate, channels, samples) of an Ogg Vorbis file, or raises ValueError."""
    data = open(path, "rb").read()
    if data[:4] != b"OggS":
        raise ValueError("not an Ogg file")
    # first page: one packet, the Vorbis identification header
    nseg = data[26]
    body = 27 + nseg
    ident = data[body:body + 30]
    if ident[:7] != b"\x01vorbis":
        raise ValueError("not Vorbis")
    channels = ident[11]
    rate = struct.unpack("<I", ident[12:16])[0]
    last = data.rfind(b"OggS")
    granule = struct.unpack("<q", data[last + 6:last + 14])[0]
    if rate == 0 or channels == 0 or granule <= 0:
        raise ValueError("bad header")
    return rate, channels, granule


def play(exe, ex, lang, tmp):
    trace = os.path.join(tmp, f"{ex}-{lang}.jsonl")
    p = subprocess.run([exe, "play", "--no-draw", "--exercise", ex, "--lang", lang, "--trace", trace],
                       cwd=tmp, capture_output=True, text=True, timeout=600)
    if p.returncode != 0:
        fail(f"{ex} {lang}: exit {p.returncode}: {p.stderr}")
        return []
    return [json.loads(l) for l in open(trace, encoding="utf-8") if l.strip()]


def check_exercise(exe, src, ex, lang, tmp):
    doc = json.load(open(os.path.join(src, "content/core/exercises", ex + ".json"), encoding="utf-8"))
    steps = doc["guided"]["steps"]
    ev = play(exe, ex, lang, tmp)
    st = [e for e in ev if e["event"] == "step"]
    if [e["index"] for e in st] != list(range(len(steps))):
        fail(f"{ex} {lang}: steps {[e['index'] for e in st]}")
        return
    for e, s in zip(st, steps):
        if e["kind"] != s["kind"] or e.get("region") != s.get("region"):
            fail(f"{ex} {lang}: step {e['index']} is {e} but the file says {s['kind']} {s.get('region')}")
    tensed = [e.get("region") for e in st if e["kind"] == "tense"]
    if ex in ORDER and tensed != ORDER[ex]:
        fail(f"{ex}: tensed groups {tensed}, wanted {ORDER[ex]}")
    if ex == "pmr-release-only":
        released = [e.get("region") for e in st if e["kind"] == "release"]
        if tensed or released != RELEASE_ONLY:
            fail(f"{ex}: tensed {tensed}, released {released}")
    # one clip per step, from its start, at the step's start time
    t0 = {e["index"]: e["t"] for e in st}
    voices = [e for e in ev if e["event"] == "voice"]
    want = [s["voice"][lang] for s in steps]
    if [v["clip"] for v in voices] != want:
        fail(f"{ex} {lang}: voice clips {[v['clip'] for v in voices][:5]}..., wanted {want[:5]}...")
    for i, v in enumerate(voices):
        if v["offset"] != 0 or abs(v["t"] - t0.get(i, -1)) > 1e-6:
            fail(f"{ex} {lang}: clip {v} does not start with step {i}")
    end = [e for e in ev if e["event"] == "exercise_end"]
    total = sum(s["seconds"] for s in steps)
    if not end or end[0]["completed"] is not True or abs(end[0]["elapsed"] - total) > 1 / 60 + 1e-6:
        fail(f"{ex} {lang}: end {end}, wanted completed after {total} s")


def check_clips(src):
    n = size = 0
    for ex in list(ORDER) + ["pmr-release-only"]:
        doc = json.load(open(os.path.join(src, "content/core/exercises", ex + ".json"), encoding="utf-8"))
        for i, s in enumerate(doc["guided"]["steps"]):
            for lang in ("en", "es"):
                rel = s.get("voice", {}).get(lang)
                if not rel:
                    fail(f"{ex} step {i + 1}: no {lang} voice")
                    continue
                path = os.path.join(src, "content/core", rel)
                try:
                    rate, ch, samples = ogg_info(path)
                except (OSError, ValueError) as e:
                    fail(f"{rel}: {e}")
                    continue
                n += 1
                size += os.path.getsize(path)
                if ch != 1 or not 22000 <= rate <= 24000:
                    fail(f"{rel}: {ch} channels at {rate} Hz, wanted mono 22-24 kHz")
                if samples / rate > s["seconds"]:
                    fail(f"{rel}: lasts {samples / rate:.2f} s, longer than its step ({s['seconds']} s)")
    print(f"{n} clips, {size / 1024:.0f} KiB")


def main():
    exe, src = os.path.abspath(sys.argv[1]), sys.argv[2]
    with tempfile.TemporaryDirectory() as tmp:
        for ex in list(ORDER) + ["pmr-release-only"]:
            for lang in ("en", "es"):
                check_exercise(exe, src, ex, lang, tmp)
    check_clips(src)
    # the checker itself must notice a bad clip
    with tempfile.NamedTemporaryFile(suffix=".ogg") as f:
        f.write(b"RIFF....WAVEfmt ")
        f.flush()
        try:
            ogg_info(f.name)
            fail("a WAV header passed as Ogg Vorbis")
        except ValueError:
            pass
    return 1 if fails else 0


if __name__ == "__main__":
    sys.exit(main())
