#!/usr/bin/env python3
"""The Spanish of the interface (po/es.po) and of the built-in pack (content/core, every
"es" text) speaks in one voice (docs/i18n.md, "Spanish: style and glossary"): "tú", words
that do not name the reader's gender, vocabulary understood from Madrid to Mexico City,
and none of the wordings found wrong in review.

Usage: check_spanish_register.py PO_FILE PACK_DIR. Exits 1 and names each text that
uses a word or phrase of the list below. The list is explicit and short on purpose:
each entry is something that was in the catalogue or the pack once, and a new text
should use the word on the right instead."""
import json
import os
import re
import sys

# (pattern, why / what to write instead); matched case-insensitively on whole words.
# An usted imperative that is also a subjunctive ("la ropa que apriete", "deja que la
# cabeza descanse") is matched only where an instruction starts: at the start of the
# text or after . : ; ! ? ¿ ¡
START = r"(?:^|(?<=[.:;!?] )|(?<=[¿¡]))"
BANNED = [
    (r"usted(es)?", "the interface and the content say tú"),
    (r"esté list[oa]s?", "usted and gendered: \"Continúa cuando quieras\""),
    (r"bienvenidos?|(?<!la )bienvenidas?", "gendered: \"Te damos la bienvenida\""),
    (START + r"inspire", "usted and technical: the pacer says \"Inhala\""),
    (r"espire|espira", "technical and usted: \"Exhala\""),
    (START + r"mantenga", "usted: the pacer's hold is \"Retén\""),
    (r"prepárese|tómese|muévase|guárdelos", "usted imperative: use the tú form"),
    (START + r"(elija|ejecute|continúe|practique|revise|corrija)", "usted imperative: use the tú form"),
    (START + r"(suelte|descanse|escuche|apriete)", "usted imperative: \"Suelta\", \"Descansa\", \"Escucha\", \"Tensa\""),
    (r"toque para", "usted: \"Toca para\""),
    (r"ha completado", "usted: \"Has completado\""),
    (r"cómo se siente\?|cómo se sentía", "usted: \"¿cómo te sientes?\""),
    (r"pueda imaginar", "usted: \"puedas imaginar\""),
    (r"ordenador(es)?", "Spain only: \"este dispositivo\""),
    (r"computadora|computador", "Americas only: \"este dispositivo\""),
    (r"intro", "the key is \"Enter\" on keyboards of the Americas"),
    (r"saca el aire", "colloquial, Spain: \"Exhala\" or \"Suelta el aire\""),
    (r"tira de los dedos", "reads as pulling with the hands: \"lleva la punta del pie hacia ti\""),
    (r"hacia tu cara", "the calf steps: \"hacia ti\""),
    (r"exhalando más que inhalando", "reads as more air: \"la exhalación dura más que la inhalación\""),
    (r"tensión arterial", "Spain only, and \"tensión\" is the muscles' word here: \"presión arterial\""),
    (r"embarazada", "addresses one gender: \"en caso de embarazo\""),
    (r"(el|del|al) cliente", "gendered: \"la persona consultante\""),
]
# a number after "durante" names its unit ("durante 7 segundos", not "durante 7")
NO_UNIT = r"durante \d+(?![\d,.]*\s*(segundos?|minutos?|s|min|veces|respiraciones)\b)"

RULES = [(re.compile(r"(?<!\w)(?:%s)(?!\w)" % p, re.I), why) for p, why in BANNED]
RULES.append((re.compile(NO_UNIT, re.I), "a number without its unit: \"durante 7 segundos\""))


def problems(text):
    return [(m.group(0), why) for rx, why in RULES for m in [rx.search(text)] if m]


def po_msgstrs(path):
    """(msgid, msgstr) of every entry, with continuation lines joined."""
    out, field, cur = [], None, {}
    def flush():
        if cur.get("msgid"):
            for k, v in cur.items():
                if k.startswith("msgstr"):
                    out.append((cur["msgid"], v))
    for line in open(path, encoding="utf-8"):
        line = line.strip()
        m = re.match(r'^(msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?)\s+"(.*)"$', line)
        if m:
            if m.group(1) in ("msgid", "msgctxt") and field and field.startswith("msgstr"):
                flush()
                cur = {}
            field = m.group(1)
            cur[field] = m.group(2)
        elif line.startswith('"') and field:
            cur[field] += line[1:-1]
    flush()
    return out


def pack_texts(pack_dir):
    """(file, path, text) of every "es" text of the pack's JSON files."""
    out = []
    def walk(o, where, f):
        if isinstance(o, dict):
            if isinstance(o.get("es"), str) and "en" in o:
                out.append((f, where, o["es"]))
                return
            for k, v in o.items():
                if k != "voice":
                    walk(v, where + "." + k, f)
        elif isinstance(o, list):
            for i, v in enumerate(o):
                walk(v, "%s[%d]" % (where, i), f)
    for root, _, names in os.walk(pack_dir):
        for n in sorted(names):
            if n.endswith(".json") and n != "voice-manifest.json":
                p = os.path.join(root, n)
                walk(json.load(open(p, encoding="utf-8")), "$", os.path.relpath(p, pack_dir))
    return out


def main(argv):
    if len(argv) != 3:
        print(__doc__)
        return 2
    # the rules themselves: each catches what it was written for, and passes the fix
    for bad in ("Continúe cuando esté listo.", "Bienvenido a Groundwork", "Inspire", "Espire",
                "Mantenga", "este ordenador", "Saca el aire", "Tira de los dedos del pie hacia tu cara",
                "exhalando más que inhalando", "Inhala durante 5 y exhala durante 7", "Intro la guarda",
                "o estás embarazada", "Pantalla del cliente", "Bienvenida, Ana", "Apriete",
                "Hola. Descanse aquí.", "¿Elija uno?"):
        assert problems(bad), "the rules miss %r" % bad
    for good in ("Continúa cuando quieras.", "Te damos la bienvenida a Groundwork", "Inhala", "Retén",
                 "Exhala", "este dispositivo", "Suelta el aire", "Lleva la punta del pie hacia ti",
                 "la exhalación dura más que la inhalación", "exhalar durante 7 segundos",
                 "Mantén los ojos abiertos", "Introduce", "Nota su peso", "introducción",
                 "Afloja la ropa que apriete.", "Deja que la cabeza descanse.", "algo que te inspire"):
        assert not problems(good), "the rules catch %r: %r" % (good, problems(good))

    bad = 0
    n_po = n_pack = 0
    for msgid, msgstr in po_msgstrs(argv[1]):
        if not msgid:
            continue  # the header
        n_po += 1
        for word, why in problems(msgstr):
            bad += 1
            print("%s: msgid %r: %r: %s" % (argv[1], msgid[:60], word, why))
    for f, where, text in pack_texts(argv[2]):
        n_pack += 1
        for word, why in problems(text):
            bad += 1
            print("%s %s: %r: %s" % (f, where, word, why))
    if n_po < 100 or n_pack < 100:
        print("too few Spanish texts found (%d in %s, %d in %s)" % (n_po, argv[1], n_pack, argv[2]))
        return 1
    print("%d interface and %d pack texts in Spanish: %d problem(s)" % (n_po, n_pack, bad))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
