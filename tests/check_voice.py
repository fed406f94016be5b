#!/usr/bin/env python3
"""Every voice clip a pack refers to exists, decodes and leaves room in its step
(docs/voice.md, issue 26):

* the file is inside the pack and is a whole Ogg Vorbis stream: every page's checksum and
  sequence number right, the three Vorbis header packets, one logical stream ended by its
  last page; mono, 22-24 kHz (and, where oggdec is installed, it decodes to as many
  samples as its last page says);
* a timed guided step (seconds > 0): the clip fills at most 85% of it, so its last
  sentence ends well before the next step's tone; an untimed one (lasts its clip plus
  "pause"): the pause is at least 15% of clip plus pause; a prompt that advances by
  itself: the clip fills at most 85% of its timer;
* each clip says its step's current text: audio/voice-manifest.json records what
  scripts/voice.py made it from, and that must match the step now (a caption changed
  since, or a step retimed, means the clip must be made again).

usage: check_voice.py PACK-DIR"""
import importlib.util
import json
import os
import shutil
import struct
import subprocess
import sys
import tempfile

FILL = 0.85
MIN_PAUSE = 0.15

_CRC = []
for i in range(256):
    r = i << 24
    for _ in range(8):
        r = ((r << 1) ^ 0x04C11DB7) if r & 0x80000000 else (r << 1)
    _CRC.append(r & 0xFFFFFFFF)


def ogg_crc(page):
    c = 0
    for b in page:
        c = ((c << 8) & 0xFFFFFFFF) ^ _CRC[(c >> 24) ^ b]
    return c


def ogg_vorbis(path):
    """(rate, channels, samples) of a whole Ogg Vorbis file; raises ValueError."""
    data = open(path, "rb").read()
    i, seq, serial, packets, cur, granule, eos = 0, 0, None, [], b"", 0, False
    while i < len(data):
        if data[i:i + 4] != b"OggS" or len(data) < i + 27:
            raise ValueError(f"no Ogg page at byte {i}")
        if eos:
            raise ValueError("data after the end of the stream")
        flags, gran, ser, pseq, crc, nseg = struct.unpack("<BqIIIB", data[i + 5:i + 27])
        lace = data[i + 27:i + 27 + nseg]
        end = i + 27 + nseg + sum(lace)
        if end > len(data):
            raise ValueError("the last page is cut short")
        page = bytearray(data[i:end])
        page[22:26] = b"\0\0\0\0"
        if ogg_crc(page) != crc:
            raise ValueError(f"page {pseq}: bad checksum")
        if serial is None:
            serial = ser
        if ser != serial or pseq != seq:
            raise ValueError(f"page {pseq}: out of sequence or another stream")
        seq += 1
        body = i + 27 + nseg
        for n in lace:
            cur += data[body:body + n]
            body += n
            if n < 255:
                if len(packets) < 3:
                    packets.append(cur)
                cur = b""
        if gran >= 0:
            granule = gran
        eos = bool(flags & 4)
        i = end
    if not eos:
        raise ValueError("the stream is not ended")
    if len(packets) < 3 or [p[:7] for p in packets[:3]] != [b"\x01vorbis", b"\x03vorbis", b"\x05vorbis"]:
        raise ValueError("not Vorbis (identification, comment and setup headers)")
    channels = packets[0][11]
    rate = struct.unpack("<I", packets[0][12:16])[0]
    if not rate or not channels or granule <= 0:
        raise ValueError("bad header or no audio")
    return rate, channels, granule


def decoded_samples(path):
    """Samples oggdec decodes from the file, or None without oggdec."""
    if not shutil.which("oggdec"):
        return None
    with tempfile.TemporaryDirectory() as d:
        out = os.path.join(d, "o.raw")
        r = subprocess.run(["oggdec", "-Q", "-R", "-b", "16", "-o", out, path], capture_output=True)
        if r.returncode != 0:
            raise ValueError("oggdec cannot decode it: " + r.stderr.decode(errors="replace").strip())
        return os.path.getsize(out) // 2


def load_voice_script(src):
    spec = importlib.util.spec_from_file_location("voice", os.path.join(src, "scripts", "voice.py"))
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def exercises(pack):
    doc = json.load(open(os.path.join(pack, "pack.json"), encoding="utf-8"))
    for e in doc.get("exercises", []):
        if isinstance(e, str):
            yield e, json.load(open(os.path.join(pack, e), encoding="utf-8"))
        else:
            yield "pack.json", e


def check_pack(pack, voice=None):
    """Problems found, and the number of clips checked."""
    bad, n, seen = [], 0, {}
    real = os.path.realpath(pack)
    try:
        manifest = json.load(open(os.path.join(pack, "audio", "voice-manifest.json"), encoding="utf-8"))
    except OSError:
        manifest = None
    for fname, ex in exercises(pack):
        kind = ex.get("kind")
        if kind not in ("guided", "prompts"):
            continue
        for i, s in enumerate(ex.get(kind, {}).get("steps", [])):
            for lang, rel in sorted((s.get("voice") or {}).items()):
                where = f"{fname}: {ex.get('id')} step {i + 1} ({lang}, {rel})"
                path = os.path.realpath(os.path.join(pack, rel))
                if not path.startswith(real + os.sep) or not os.path.isfile(path):
                    bad.append(f"{where}: no such clip in the pack")
                    continue
                if path not in seen:
                    try:
                        rate, ch, samples = ogg_vorbis(path)
                        dec = decoded_samples(path)
                        if dec is not None and abs(dec - samples) > rate // 10:
                            raise ValueError(f"decodes to {dec} samples, its last page says {samples}")
                        if ch != 1 or not 22000 <= rate <= 24000:
                            raise ValueError(f"{ch} channels at {rate} Hz, wanted mono 22-24 kHz")
                        seen[path] = samples / rate
                    except (OSError, ValueError) as e:
                        seen[path] = None
                        bad.append(f"{where}: {e}")
                secs = seen[path]
                if secs is None:
                    continue
                n += 1
                if kind == "guided":
                    step = s.get("seconds") or 0
                    if step > 0 and secs > FILL * step:
                        bad.append(f"{where}: lasts {secs:.2f} s, {secs / step:.0%} of its {step} s step "
                                   f"(at most {FILL:.0%})")
                    elif step <= 0:
                        pause = s.get("pause") or 0
                        if pause < MIN_PAUSE * (secs + pause):
                            bad.append(f"{where}: the step lasts its clip ({secs:.2f} s) and a pause of "
                                       f"{pause} s: the pause must be at least {MIN_PAUSE:.0%} of both")
                elif s.get("auto_advance") and s.get("timer") and secs > FILL * s["timer"]:
                    bad.append(f"{where}: lasts {secs:.2f} s, more than {FILL:.0%} of its {s['timer']} s timer")
                if voice is not None and manifest is not None:
                    text = voice.spoken_text(s, lang, kind == "prompts")
                    if not text:
                        bad.append(f"{where}: the step has no words for a clip in {lang}")
                    elif manifest.get(rel) != voice.clip_key(text, lang, s):
                        bad.append(f"{where}: made from other words or another timing than the step "
                                   f"has now: run scripts/voice.py {pack}")
    return bad, n


def self_test(voice):
    """The checker must notice a clip too long for its step, a damaged page and a clip
    made from other words."""
    with tempfile.TemporaryDirectory() as d:
        src = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "content", "core")
        clip = None
        for _, ex in exercises(src):
            for s in ex.get("guided", {}).get("steps", []):
                if (s.get("voice") or {}).get("en"):
                    clip = s["voice"]["en"]
                    break
            if clip:
                break
        os.makedirs(os.path.join(d, "audio"))
        shutil.copy(os.path.join(src, clip), os.path.join(d, "audio", "a.ogg"))
        secs = ogg_vorbis(os.path.join(d, "audio", "a.ogg"))
        secs = secs[2] / secs[0]
        steps = [{"kind": "instruction", "caption": {"en": "Hello."}, "seconds": round(secs / 0.9, 2),
                  "voice": {"en": "audio/a.ogg"}},
                 {"kind": "instruction", "caption": {"en": "Hello."}, "seconds": 0, "pause": 0.05,
                  "voice": {"en": "audio/a.ogg"}},
                 {"kind": "instruction", "caption": {"en": "Hello."}, "seconds": 60,
                  "voice": {"en": "audio/missing.ogg"}}]
        pack = {"id": "t", "languages": ["en"],
                "exercises": [{"id": "x", "kind": "guided", "guided": {"steps": steps}}]}
        json.dump(pack, open(os.path.join(d, "pack.json"), "w"))
        json.dump({"audio/a.ogg": "0"}, open(os.path.join(d, "audio", "voice-manifest.json"), "w"))
        bad, _ = check_pack(d, voice)
        text = "\n".join(bad)
        want = ["% of its", "the pause must be", "no such clip", "made from other words"]
        missed = [w for w in want if w not in text]
        data = bytearray(open(os.path.join(d, "audio", "a.ogg"), "rb").read())
        data[len(data) // 2] ^= 0x55
        open(os.path.join(d, "audio", "a.ogg"), "wb").write(data)
        bad, _ = check_pack(d, voice)
        if not any("bad checksum" in b for b in bad):
            missed.append("a damaged page")
        return missed


def main():
    pack = sys.argv[1]
    src = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
    voice = load_voice_script(src)
    bad, n = check_pack(pack, voice)
    for b in bad:
        print("FAIL:", b)
    missed = self_test(voice)
    for m in missed:
        print("FAIL: the checker did not notice:", m)
    if n < 300:
        print(f"FAIL: only {n} clips found")
        bad.append("few")
    print(f"{n} clips checked{'' if shutil.which('oggdec') else ' (oggdec not installed: pages and headers only)'}"
          f", {len(bad)} problems")
    return 1 if bad or missed else 0


if __name__ == "__main__":
    sys.exit(main())
