#!/usr/bin/env python3
"""Voices a Groundwork pack: one clip per guided step, spoken from the step's own
caption (for a prompt step: its title and text; steps with {date} or {name} are left
to the captions) with an offline text-to-speech voice, slowly and with pauses, loudness
evened out, encoded as Ogg Vorbis, and named in the step's "voice" field.

    scripts/voice.py PACK-DIR [--lang xx]... [--exercise ID]... [--force] [--lengthen] [--dry-run]

The built-in pack, every clip from its text:
    nice -n 10 scripts/voice.py content/core --lang en --lang es --force --lengthen

Writes PACK-DIR/audio/<lang>/<exercise>/<nn>.ogg (nn: the step's number, from 01) and
sets the steps' "voice": {"<lang>": "audio/<lang>/<exercise>/<nn>.ogg"}, under the lock
scripts/l10n.py takes (PACK-DIR/.l10n.lock), re-reading each file and changing only
those fields. A clip is made again only when its words, its step or the voice settings
changed (recorded in PACK-DIR/audio/voice-manifest.json) or with --force. A clip may
fill at most 85% of its timed step: a tense cue is spoken a little faster to fit (at
most TENSE_SPEED_MAX); any other clip that does not fit stops the script, which says how
long the step must be, or with --lengthen sets the step's "seconds" to that.

Tools (Debian packages): libttspico-utils (non-free: enable it for the authoring run
only, docs/voice.md), sox + libsox-fmt-all, vorbis-tools. See docs/voice.md."""

import argparse
import fcntl
import hashlib
import json
import math
import os
import re
import shutil
import subprocess
import sys
import tempfile

RATE = 22050          # mono, 22.05 kHz: speech needs no more
QUALITY = 3           # oggenc -q
PEAK_DB = -3          # sox norm, before the loudness step
RMS_DB = -20          # every clip is brought to this RMS level (a limiter stops clipping)
FILL = 0.85           # a clip may fill at most this share of its timed step
LEAD = 0.15           # seconds of silence before speech

# Delivery, through Pico's own markup (<speed level>, <break time>): guidance is spoken
# slower than Pico's default (RELAX_SPEED, percent: about 105 words a minute) with a
# pause after each sentence and at each "..."; a tense cue must fit the 5-7 s tension
# dose, so it is spoken at Pico's default rate (about 130 words a minute), its "..." as
# commas, and at most at TENSE_SPEED_MAX (about 160, Festival's and everyday speech's
# rate) when a long cue needs it. A tense step is never lengthened past the dose
# (TENSE_MAX_SECONDS): a cue that still does not fit must be shortened (docs/voice.md).
RELAX_SPEED = 80
SENTENCE_BREAK_MS = 700
TENSE_SPEED = 100
TENSE_SPEED_MAX = 125
TENSE_BREAK_MS = 0
TENSE_MAX_SECONDS = 7

# Per language: the engine and its voice. SVOX Pico (Debian non-free, libttspico-utils)
# for English and Spanish: the most natural offline voices Debian has for them
# (docs/voice.md, "Choosing the voices"). German and Arabic are not voiced.
VOICES = {
    "en": {"engine": "pico", "voice": "en-US"},
    "es": {"engine": "pico", "voice": "es-ES"},
}

TOOLS = {
    "pico": ("pico2wave", "libttspico-utils (Debian non-free: see docs/voice.md)"),
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
        die(f"{exe} is missing: install it with  apt-get install {pkgs}")
    return exe


def voice_for(lang):
    v = VOICES.get(lang)
    if not v:
        die(f"no voice for {lang!r}: only {', '.join(VOICES)} are voiced (docs/voice.md)")
    return v


def markup(text, speed, brk):
    """Pico markup: the text escaped, a pause after every sentence and at every "..."."""
    t = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    t = t.replace("\u2026", "...")
    if brk:
        pause = f' <break time="{brk}ms"/> '
        t = re.sub(r"\s*\.\.\.\s*", pause, t)
        t = re.sub(r"([.!?;:])\s+", r"\1" + pause, t)
    else:
        t = re.sub(r"\s*\.\.\.\s*", ", ", t)
    return f'<speed level="{speed}">{t}</speed>'


def speak(text, lang, out_wav, speed, brk):
    v = voice_for(lang)
    need(v["engine"])
    r = subprocess.run(["pico2wave", "-l", v["voice"], "-w", out_wav, markup(text, speed, brk)],
                       capture_output=True, text=True)
    if r.returncode != 0 or not os.path.exists(out_wav):
        die(f"pico2wave failed for {lang}: {r.stderr.strip()} (is libttspico-utils installed?)")


def length(path):
    r = subprocess.run([need("soxi"), "-D", path], capture_output=True, text=True)
    if r.returncode != 0:
        die(f"cannot read {path}: {r.stderr.strip()}")
    return float(r.stdout.strip())


def finish(raw, out_wav):
    """Mono 22.05 kHz, silence trimmed at both ends, a short lead-in, peak -3 dB."""  # noqa
    cmd = [need("sox"), raw, "-r", str(RATE), "-c", "1", "-b", "16", out_wav,
           "silence", "1", "0.02", "0.3%", "reverse", "silence", "1", "0.02", "0.3%", "reverse",
           "pad", str(LEAD), "0.1", "norm", str(PEAK_DB)]
    r = subprocess.run(cmd, capture_output=True, text=True)
    if r.returncode != 0:
        die(f"sox failed: {r.stderr.strip()}")


class TooLong(Exception):
    def __init__(self, msg, needs):
        super().__init__(msg)
        self.needs = needs


def make_clip(text, lang, seconds, kind, out_ogg, where):
    """Speaks text into out_ogg; returns (seconds, speed). A timed step's clip must fill
    at most FILL of it: a tense cue is spoken faster (up to TENSE_SPEED_MAX), anything
    else never is: TooLong says how long the step would have to be."""
    with tempfile.TemporaryDirectory() as d:
        raw, wav = os.path.join(d, "raw.wav"), os.path.join(d, "clip.wav")
        tense = kind == "tense"
        speed = TENSE_SPEED if tense else RELAX_SPEED
        while True:
            speak(text, lang, raw, speed, TENSE_BREAK_MS if tense else SENTENCE_BREAK_MS)
            finish(raw, wav)
            n = length(wav)
            if not seconds or n <= FILL * seconds or not tense or speed >= TENSE_SPEED_MAX:
                break
            speed += 5
        if seconds and n > FILL * seconds:
            needs = math.ceil(n / FILL)
            raise TooLong(f"{where}: the {lang} clip lasts {n:.1f} s, more than {FILL:.0%} of the "
                          f"step's {seconds} s; the step needs {needs} s (or a shorter caption)", needs)
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
        return n, speed


def text_of(t, lang):
    if isinstance(t, str):
        return t
    if isinstance(t, dict):
        return t.get(lang)
    return None


def spoken_text(s, lang, prompts):
    """What a step's clip says in lang, or None: a guided step's caption; a prompt's title
    and text (not one whose words are filled in when shown, {date} or {name})."""
    if prompts:
        title, body = text_of(s.get("title"), lang), text_of(s.get("text"), lang)
        text = f"{title}. {body}" if title and body else (body or title)
        return None if not text or "{" in text else text
    return text_of(s.get("caption"), lang) or None


def clip_key(text, lang, s):
    """What a clip is made from (recorded in audio/voice-manifest.json): its words, the
    voice and delivery settings, and its step's kind and length. tests/check_voice.py
    compares it with the pack to know every clip says its caption."""
    return hashlib.sha1(json.dumps([text, VOICES.get(lang), RATE, QUALITY, PEAK_DB, RMS_DB, FILL,
                                    RELAX_SPEED, SENTENCE_BREAK_MS, TENSE_SPEED, TENSE_SPEED_MAX,
                                    TENSE_BREAK_MS, s.get("kind"), s.get("seconds")],
                                   sort_keys=True).encode()).hexdigest()


def pairs(mine, doc):
    """(my exercise, the file's exercise) for an exercise file or a pack.json with inline ones."""
    if "exercises" in mine:
        return [(m, d) for m, d in zip(mine["exercises"], doc.get("exercises", []))
                if isinstance(m, dict) and isinstance(d, dict) and m.get("id") == d.get("id")]
    return [(mine, doc)] if mine.get("id") == doc.get("id") else []


def main():
    ap = argparse.ArgumentParser(description="Voice the guided and prompt steps of a pack.")
    ap.add_argument("pack", help="the pack folder (holds pack.json)")
    ap.add_argument("--lang", action="append", help="a language to voice (default: the pack's)")
    ap.add_argument("--exercise", action="append", help="an exercise id (default: every guided and prompt one)")
    ap.add_argument("--force", action="store_true", help="make every clip again")
    ap.add_argument("--lengthen", action="store_true",
                    help="lengthen a timed step (not a tense one) whose clip would fill more than 85%% of it")
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
    lengthened = {}
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
                text = spoken_text(s, lang, prompts)
                if not text:
                    continue
                rel = f"audio/{lang}/{eid}/{i + 1:0{width}d}.ogg"
                out = os.path.join(a.pack, rel)
                key = clip_key(text, lang, s)
                if not a.force and manifest.get(rel) == key and os.path.exists(out):
                    kept += 1
                elif a.dry_run:
                    print(f"would make {rel}: {text}")
                else:
                    where = f"{os.path.relpath(path)}: {eid} step {i + 1}"
                    timed = None if prompts else s.get("seconds")
                    if prompts and s.get("auto_advance") and s.get("timer"):
                        timed = s["timer"]
                    try:
                        try:
                            n, speed = make_clip(text, lang, timed, s.get("kind"), out, where)
                        except TooLong as e:
                            if not a.lengthen or prompts or (s.get("kind") == "tense"
                                                             and e.needs > TENSE_MAX_SECONDS):
                                raise
                            print(f"{where}: {s['seconds']} s -> {e.needs} s for the {lang} clip")
                            s["seconds"] = e.needs
                            lengthened[(path, ref if isinstance(ref, str) else ref[1], i)] = e.needs
                            n, speed = make_clip(text, lang, e.needs, s.get("kind"), out, where)
                            key = clip_key(text, lang, s)
                    except TooLong as e:
                        failed.append(str(e))
                        continue
                    manifest[rel] = key
                    made += 1
                    note = f" (speed {speed}%)" if s.get("kind") == "tense" else ""
                    print(f"{rel}: {n:.1f} s{note}", flush=True)
                voice[lang] = rel
                if os.path.exists(out):
                    total_bytes += os.path.getsize(out)
            if voice and not a.dry_run:
                s["voice"] = voice

    if a.dry_run:
        return
    # other tools (scripts/l10n.py) rewrite the same files: under their lock, re-read each
    # file and change only the "voice" fields (and, with --lengthen, the steps' "seconds")
    lock_path = os.path.join(a.pack, ".l10n.lock")
    lk = open(lock_path, "w")
    fcntl.flock(lk, fcntl.LOCK_EX)
    try:
        for path, mine in docs.items():
            with open(path, encoding="utf-8") as f:
                doc = json.load(f)
            for ex_mine, ex_doc in pairs(mine, doc):
                kind = "prompts" if ex_mine.get("kind") == "prompts" else "guided"
                for s_mine, s_doc in zip(ex_mine.get(kind, {}).get("steps", []),
                                         ex_doc.get(kind, {}).get("steps", [])):
                    if "voice" in s_mine:
                        s_doc["voice"] = s_mine["voice"]
                    if a.lengthen and "seconds" in s_mine:
                        s_doc["seconds"] = s_mine["seconds"]
            with open(path + ".tmp", "w", encoding="utf-8") as f:
                f.write(json.dumps(doc, indent=2, ensure_ascii=False) + "\n")
            os.replace(path + ".tmp", path)
    finally:
        fcntl.flock(lk, fcntl.LOCK_UN)
        lk.close()
        try:
            os.unlink(lock_path)
        except OSError:
            pass
    os.makedirs(os.path.dirname(man_path), exist_ok=True)
    with open(man_path, "w", encoding="utf-8") as f:
        f.write(json.dumps(manifest, indent=1, sort_keys=True) + "\n")
    if lengthened:
        print(f"voice: {len(lengthened)} steps lengthened; check each exercise's total against its dose "
              "and its summary (docs/voice.md)")
    print(f"voice: {made} clips made, {kept} unchanged, {total_bytes / 1024:.0f} KiB of clips")
    for f in failed:
        print("voice: " + f, file=sys.stderr)
    if failed:
        sys.exit(1)


if __name__ == "__main__":
    main()
