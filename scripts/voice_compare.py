#!/usr/bin/env python3
"""Compares the offline voices Debian offers, without listening: each candidate speaks
sentences from the built-in pack and is measured for speaking rate (words a minute at
its default speed), pitch (median and spread in semitones: more spread, less monotone),
clipping (samples at full scale) and failures. The figures in docs/voice.md come from it.

    scripts/voice_compare.py [PACK-DIR] [--lang en,es,de,ar]

Needs the engines it compares (those missing are skipped and named) and python3-numpy;
authoring only. See docs/voice.md ("Choosing the voices")."""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import wave

import numpy as np

# (language, name, command making OUT from TEXT)
CANDIDATES = [
    ("en", "festival cmu_us_slt_arctic_hts", "festival"),
    ("en", "pico en-US", ("pico", "en-US")),
    ("en", "pico en-GB", ("pico", "en-GB")),
    ("en", "rhvoice slt", ("rhvoice", "slt")),
    ("en", "rhvoice clb", ("rhvoice", "clb")),
    ("en", "rhvoice alan", ("rhvoice", "alan")),
    ("en", "rhvoice bdl", ("rhvoice", "bdl")),
    ("en", "espeak-ng en-us", ("espeak", "en-us")),
    ("en", "espeak-ng mb-us1", ("espeak", "mb-us1")),
    ("en", "espeak-ng mb-en1", ("espeak", "mb-en1")),
    ("es", "pico es-ES", ("pico", "es-ES")),
    ("es", "espeak-ng es", ("espeak", "es")),
    ("es", "espeak-ng es-419", ("espeak", "es-419")),
    ("es", "espeak-ng mb-es1", ("espeak", "mb-es1")),
    ("es", "espeak-ng mb-es2", ("espeak", "mb-es2")),
    ("es", "espeak-ng mb-es3", ("espeak", "mb-es3")),
    ("es", "espeak-ng mb-es4", ("espeak", "mb-es4")),
    ("es", "espeak-ng mb-mx2", ("espeak", "mb-mx2")),
    ("de", "pico de-DE", ("pico", "de-DE")),
    ("de", "espeak-ng de", ("espeak", "de")),
    ("de", "espeak-ng mb-de6", ("espeak", "mb-de6")),
    ("de", "espeak-ng mb-de7", ("espeak", "mb-de7")),
    ("ar", "espeak-ng ar", ("espeak", "ar")),
    ("ar", "espeak-ng mb-ar1", ("espeak", "mb-ar1")),
    ("ar", "espeak-ng mb-ar2", ("espeak", "mb-ar2")),
]

# sentences of the pack: pmr-4 steps 1 (instruction), 17 (tense), 18 (release); a grounding prompt
PICK = [("pmr-4", "guided", 0, "caption"), ("pmr-4", "guided", 16, "caption"),
        ("pmr-4", "guided", 17, "caption"), ("grounding-333", "prompts", 0, "text")]


def synth(how, text, out):
    if how == "festival":
        with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as f:
            f.write(text + "\n")
        r = subprocess.run(["text2wave", "-eval", "(voice_cmu_us_slt_arctic_hts)", f.name, "-o", out],
                           capture_output=True)
        os.unlink(f.name)
    elif how[0] == "pico":
        r = subprocess.run(["pico2wave", "-l", how[1], "-w", out, text], capture_output=True)
    elif how[0] == "rhvoice":
        r = subprocess.run(["RHVoice-test", "-p", how[1], "-o", out], input=text.encode(), capture_output=True)
    else:
        r = subprocess.run(["espeak-ng", "-v", how[1], "-w", out, text], capture_output=True)
    return r.returncode == 0 and os.path.exists(out) and os.path.getsize(out) > 1000


def have(how):
    exe = {"festival": "text2wave"}.get(how) if isinstance(how, str) else \
        {"pico": "pico2wave", "rhvoice": "RHVoice-test", "espeak": "espeak-ng"}[how[0]]
    if not shutil.which(exe):
        return False
    if isinstance(how, tuple) and how[1].startswith("mb-"):
        return os.path.exists("/usr/share/mbrola/" + how[1][3:])
    if isinstance(how, tuple) and how[0] == "rhvoice":
        return os.path.isdir("/usr/share/RHVoice/voices/" + how[1])
    return True


def measure(path):
    with wave.open(path) as w:
        rate, n, width = w.getframerate(), w.getnframes(), w.getsampwidth()
        x = np.frombuffer(w.readframes(n), dtype=np.int16).astype(float) / 32768.0
    clip = float(np.mean(np.abs(x) >= 0.999))
    # voiced frames: autocorrelation pitch, 60-400 Hz, 40 ms frames
    f = int(0.04 * rate)
    pitches, voiced = [], 0
    rms_all = np.sqrt(np.mean(x ** 2)) + 1e-9
    frames = range(0, len(x) - f, f // 2)
    for i in frames:
        fr = x[i:i + f] - np.mean(x[i:i + f])
        if np.sqrt(np.mean(fr ** 2)) < 0.3 * rms_all:
            continue
        ac = np.correlate(fr, fr, "full")[f - 1:]
        lo, hi = int(rate / 400), int(rate / 60)
        k = lo + int(np.argmax(ac[lo:hi]))
        if ac[k] > 0.45 * ac[0]:
            pitches.append(rate / k)
            voiced += 1
    st = 12 * np.log2(np.array(pitches) / 100.0) if pitches else np.array([0.0])
    return len(x) / rate, clip, float(np.median(2 ** (st / 12) * 100)), float(np.std(st))


def main():
    pack = sys.argv[1] if len(sys.argv) > 1 and not sys.argv[1].startswith("--") else "content/core"
    langs = sys.argv[sys.argv.index("--lang") + 1].split(",") if "--lang" in sys.argv else ["en", "es", "de", "ar"]
    texts = {}
    for ex, kind, i, field in PICK:
        doc = json.load(open(os.path.join(pack, "exercises", ex + ".json"), encoding="utf-8"))
        for lang, t in doc[kind]["steps"][i][field].items():
            texts.setdefault(lang, []).append(t)
    print("| language | voice | words/min | median pitch | pitch spread (st) | clipped samples | failed |")
    print("| --- | --- | --- | --- | --- | --- | --- |")
    with tempfile.TemporaryDirectory() as d:
        for lang, name, how in CANDIDATES:
            if lang not in langs:
                continue
            if not have(how):
                print(f"| {lang} | {name} | not installed | | | | |")
                continue
            secs = words = 0
            clip, med, spread, failed = [], [], [], 0
            for j, t in enumerate(texts[lang]):
                out = os.path.join(d, f"{j}.wav")
                if os.path.exists(out):
                    os.unlink(out)
                if not synth(how, t, out):
                    failed += 1
                    continue
                subprocess.run(["sox", out, "-c", "1", "-b", "16", out + ".wav", "silence", "1", "0.02", "0.3%",
                                "reverse", "silence", "1", "0.02", "0.3%", "reverse"], check=True)
                s, c, m, sp = measure(out + ".wav")
                secs += s
                words += len(t.split())
                clip.append(c)
                med.append(m)
                spread.append(sp)
            if not med:
                print(f"| {lang} | {name} | - | - | - | - | all {failed} |")
                continue
            print(f"| {lang} | {name} | {60 * words / secs:.0f} | {np.mean(med):.0f} Hz | {np.mean(spread):.1f} | "
                  f"{100 * np.mean(clip):.3f}% | {failed} |", flush=True)


if __name__ == "__main__":
    main()
