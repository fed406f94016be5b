#!/usr/bin/env python3
"""Voices a Groundwork pack: one clip per guided step, spoken from the step's own
caption (for a prompt step: its title and text; steps with {date} or {name} are left
to the captions) with an offline text-to-speech voice, loudness evened out, encoded as Ogg
Vorbis, and named in the step's "voice" field.

    scripts/voice.py PACK-DIR [--lang xx]... [--exercise ID]... [--force] [--dry-run]

Writes PACK-DIR/audio/<lang>/<exercise>/<nn>.ogg (nn: the step's number, from 01) and
rewrites the exercise files with "voice": {"<lang>": "audio/<lang>/<exercise>/<nn>.ogg"}.
A clip is made again only when its text or the voice settings changed (recorded in
PACK-DIR/audio/voice-manifest.json) or with --force. A clip longer than its step's
"seconds" is sped up a little (at most RATE_MAX) to fit; if it still does not fit the
script stops and says which caption to shorten.

Tools (Debian packages): festival + festvox-us-slt-hts (English), espeak-ng (other
languages), sox + libsox-fmt-all, vorbis-tools. See docs/voice.md."""

import argparse
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile

RATE = 22050          # mono, 22.05 kHz: speech needs no more
QUALITY = 3           # oggenc -q
PEAK_DB = -3          # sox norm, before the loudness step
RMS_DB = -20          # every clip is brought to this RMS level (a limiter stops clipping)
MARGIN = 0.3          # seconds of quiet left at the end of a timed step
RATE_MAX = 1.25       # most a clip is sped up to fit its step
LEAD = 0.15           # seconds of silence before speech

# Per language: the engine and its settings. English uses Festival's HTS voice (the
# most natural voice Debian ships); other languages use espeak-ng.
VOICES = {
    "en": {"engine": "festival", "voice": "cmu_us_slt_arctic_hts"},
    "es": {"engine": "espeak-ng", "voice": "es", "speed": 145, "pitch": 40},
}
DEFAULT_ESPEAK = {"engine": "espeak-ng", "speed": 145, "pitch": 45}

TOOLS = {
    "festival": ("text2wave", "festival festvox-us-slt-hts"),
    "espeak-ng": ("espeak-ng", "espeak-ng"),
    "sox": ("sox", "sox libsox-fmt-all"),
    "soxi": ("soxi", "sox"),
    "oggenc": ("oggenc", "vorbis-tools"),
}


def die(msg):
    print("voice: " + msg, file=sys.stderr)
    sys.exit(1)


def need(tool):
    exe, pkgs = TOOLS[tool]
    if not shutil.which(exe):
        die(f"{exe} is missing: install it with  sudo apt-get install {pkgs}")
    return exe


def voice_for(lang):
    v = VOICES.get(lang)
    if v:
        return v
    return dict(DEFAULT_ESPEAK, voice=lang)


def speak(text, lang, out_wav):
    v = voice_for(lang)
    if v["engine"] == "festival":
        need("festival")
        with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False, encoding="utf-8") as f:
            f.write(text + "\n")
            txt = f.name
        try:
            r = subprocess.run(["text2wave", "-eval", f"(voice_{v['voice']})", txt, "-o", out_wav],
                               capture_output=True, text=True)
        finally:
            os.unlink(txt)
        if r.returncode != 0 or "not found" in r.stderr.lower():
            die(f"festival failed for {lang}: {r.stderr.strip()} (is festvox-us-slt-hts installed?)")
    else:
        need("espeak-ng")
        r = subprocess.run(["espeak-ng", "-v", v["voice"], "-s", str(v["speed"]), "-p", str(v["pitch"]),
                            "-w", out_wav, text], capture_output=True, text=True)
        if r.returncode != 0:
            die(f"espeak-ng failed for {lang}: {r.stderr.strip()}")


def length(path):
    r = subprocess.run([need("soxi"), "-D", path], capture_output=True, text=True)
    if r.returncode != 0:
        die(f"cannot read {path}: {r.stderr.strip()}")
    return float(r.stdout.strip())


def finish(raw, out_wav, tempo):
    """Mono 22.05 kHz, silence trimmed at both ends, a short lead-in, peak -3 dB."""  # noqa
    cmd = [need("sox"), raw, "-r", str(RATE), "-c", "1", "-b", "16", out_wav,
           "silence", "1", "0.02", "0.3%", "reverse", "silence", "1", "0.02", "0.3%", "reverse"]
    if tempo > 1.0:
        cmd += ["tempo", "-s", f"{tempo:.3f}"]
    cmd += ["pad", str(LEAD), "0.1", "norm", str(PEAK_DB)]
    r = subprocess.run(cmd, capture_output=True, text=True)
    if r.returncode != 0:
        die(f"sox failed: {r.stderr.strip()}")


class TooLong(Exception):
    pass


def make_clip(text, lang, seconds, out_ogg, where):
    with tempfile.TemporaryDirectory() as d:
        raw, wav = os.path.join(d, "raw.wav"), os.path.join(d, "clip.wav")
        speak(text, lang, raw)
        finish(raw, wav, 1.0)
        n = length(wav)
        tempo = 1.0
        if seconds and n > seconds - MARGIN:
            tempo = n / (seconds - MARGIN)
            if tempo > RATE_MAX:
                raise TooLong(f"{where}: the {lang} clip lasts {n:.1f} s but the step lasts "
                              f"{seconds} s; shorten the caption or lengthen the step")
            finish(raw, wav, tempo)
            n = length(wav)
        # even loudness: the same RMS level for every clip and language
        r = subprocess.run([need("sox"), wav, "-n", "stats"], capture_output=True, text=True)
        rms = [l.split()[-1] for l in r.stderr.splitlines() if l.startswith("RMS lev dB")]
        even = os.path.join(d, "even.wav")
        gain = RMS_DB - float(rms[0]) if rms else 0.0
        r = subprocess.run([need("sox"), wav, even, "gain", "-l", f"{gain:.2f}"], capture_output=True, text=True)
        if r.returncode != 0:
            die(f"sox failed: {r.stderr.strip()}")
        os.makedirs(os.path.dirname(out_ogg), exist_ok=True)
        r = subprocess.run([need("oggenc"), "-Q", "-q", str(QUALITY), "-o", out_ogg, even],
                           capture_output=True, text=True)
        if r.returncode != 0:
            die(f"oggenc failed: {r.stderr.strip()}")
        return n, tempo


def text_of(t, lang):
    if isinstance(t, str):
        return t
    if isinstance(t, dict):
        return t.get(lang)
    return None


def main():
    ap = argparse.ArgumentParser(description="Voice the guided and prompt steps of a pack.")
    ap.add_argument("pack", help="the pack folder (holds pack.json)")
    ap.add_argument("--lang", action="append", help="a language to voice (default: the pack's)")
    ap.add_argument("--exercise", action="append", help="an exercise id (default: every guided and prompt one)")
    ap.add_argument("--force", action="store_true", help="make every clip again")
    ap.add_argument("--dry-run", action="store_true", help="say what would be made")
    a = ap.parse_args()

    pj = os.path.join(a.pack, "pack.json")
    try:
        with open(pj, encoding="utf-8") as f:
            pack = json.load(f)
    except (OSError, ValueError) as e:
        die(f"{pj}: {e}")
    langs = a.lang or pack.get("languages") or ["en"]
    for tool in ("sox", "soxi", "oggenc"):
        need(tool)
    for lang in langs:
        need(voice_for(lang)["engine"])

    # exercises live inline in pack.json or in files it names
    files = []
    for i, e in enumerate(pack.get("exercises", [])):
        if isinstance(e, str):
            files.append(os.path.join(a.pack, e))
        elif isinstance(e, dict):
            files.append((pj, i))

    man_path = os.path.join(a.pack, "audio", "voice-manifest.json")
    try:
        with open(man_path, encoding="utf-8") as f:
            manifest = json.load(f)
    except (OSError, ValueError):
        manifest = {}

    failed = []
    made = kept = 0
    total_bytes = 0
    docs = {}   # file -> parsed JSON, written back at the end
    for ref in files:
        path = ref if isinstance(ref, str) else ref[0]
        if path not in docs:
            with open(path, encoding="utf-8") as f:
                docs[path] = json.load(f)
        ex = docs[path] if isinstance(ref, str) else docs[path]["exercises"][ref[1]]
        if ex.get("kind") not in ("guided", "prompts") or (a.exercise and ex.get("id") not in a.exercise):
            continue
        eid = ex["id"]
        prompts = ex.get("kind") == "prompts"
        steps = ex.get("prompts" if prompts else "guided", {}).get("steps", [])
        width = max(2, len(str(len(steps))))
        for i, s in enumerate(steps):
            voice = s.get("voice") if isinstance(s.get("voice"), dict) else {}
            for lang in langs:
                if prompts:
                    # a prompt is spoken as its title and its text; a step whose words are
                    # filled in when shown ({date}, {name}) cannot be recorded ahead
                    title, body = text_of(s.get("title"), lang), text_of(s.get("text"), lang)
                    text = f"{title}. {body}" if title and body else (body or title)
                    if not text or "{" in text:
                        continue
                else:
                    text = text_of(s.get("caption"), lang)
                if not text:
                    continue
                rel = f"audio/{lang}/{eid}/{i + 1:0{width}d}.ogg"
                out = os.path.join(a.pack, rel)
                key = hashlib.sha1(json.dumps([text, voice_for(lang), RATE, QUALITY, PEAK_DB, RMS_DB,
                                               s.get("seconds")], sort_keys=True).encode()).hexdigest()
                if not a.force and manifest.get(rel) == key and os.path.exists(out):
                    kept += 1
                elif a.dry_run:
                    print(f"would make {rel}: {text}")
                else:
                    try:
                        n, tempo = make_clip(text, lang, None if prompts else s.get("seconds"), out,
                                             f"{os.path.relpath(path)}: {eid} step {i + 1}")
                    except TooLong as e:
                        failed.append(str(e))
                        continue
                    manifest[rel] = key
                    made += 1
                    note = f" (sped up x{tempo:.2f} to fit {s['seconds']} s)" if tempo > 1 else ""
                    print(f"{rel}: {n:.1f} s{note}")
                voice[lang] = rel
                if os.path.exists(out):
                    total_bytes += os.path.getsize(out)
            if voice and not a.dry_run:
                s["voice"] = voice

    if a.dry_run:
        return
    for path, doc in docs.items():
        with open(path, "w", encoding="utf-8") as f:
            f.write(json.dumps(doc, indent=2, ensure_ascii=False) + "\n")
    os.makedirs(os.path.dirname(man_path), exist_ok=True)
    with open(man_path, "w", encoding="utf-8") as f:
        f.write(json.dumps(manifest, indent=1, sort_keys=True) + "\n")
    print(f"voice: {made} clips made, {kept} unchanged, {total_bytes / 1024:.0f} KiB of clips")
    for f in failed:
        print("voice: " + f, file=sys.stderr)
    if failed:
        sys.exit(1)


if __name__ == "__main__":
    main()
