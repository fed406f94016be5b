#!/usr/bin/env python3
"""Voices the breathing pacer's spoken phase words and counts, with the same offline
voices and loudness as scripts/voice.py:

    scripts/voice_pacer.py [--lang xx]...

Writes assets/voice/<lang>/{inhale,hold,exhale,topup}.ogg and 2.ogg .. 10.ogg (the
count spoken on each second of a phase after its word). The words are the pacer's own
on-screen words in each language."""
import argparse
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
import voice  # noqa: E402

WORDS = {
    "en": {"inhale": "Breathe in", "hold": "Hold", "exhale": "Breathe out", "topup": "A little more",
           "counts": ["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]},
    "es": {"inhale": "Inhala", "hold": "Retén", "exhale": "Exhala", "topup": "Un poco más",
           "counts": ["dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve", "diez"]},
}


def main():
    ap = argparse.ArgumentParser(description="Voice the pacer's phase words and counts.")
    ap.add_argument("--lang", action="append", help="a language (default: all known)")
    a = ap.parse_args()
    top = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    for tool in ("sox", "soxi", "oggenc"):
        voice.need(tool)
    for lang in a.lang or sorted(WORDS):
        w = WORDS[lang]
        voice.need(voice.voice_for(lang)["engine"])
        out = os.path.join(top, "assets", "voice", lang)
        os.makedirs(out, exist_ok=True)
        items = [(k, w[k]) for k in ("inhale", "hold", "exhale", "topup")]
        items += [(str(i + 2), c) for i, c in enumerate(w["counts"])]
        for name, text in items:
            n, _ = voice.make_clip(text, lang, 0.95 if name.isdigit() else None,
                                   os.path.join(out, name + ".ogg"), f"pacer {lang} {name}")
            print(f"assets/voice/{lang}/{name}.ogg: {n:.2f} s  {text}")


if __name__ == "__main__":
    main()
