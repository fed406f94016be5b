#!/usr/bin/env python3
"""Regenerates the seed corpora and dictionaries of the fuzz targets from the project's
own inputs: content/core, tests/packs (good and bad) and tests/e2e/scripts.

  python3 tests/fuzz/make_seeds.py

Seeds are named after where they came from, so rerunning gives the same files."""
import json, os, re, sys

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.dirname(os.path.dirname(here))
SEP = b"\n@@@ "


def write(target, name, data):
    d = os.path.join(here, "corpus", target)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, name), "wb") as f:
        f.write(data)


def pack_dirs():
    yield "core", os.path.join(root, "content", "core")
    for kind in ("good", "bad"):
        base = os.path.join(root, "tests", "packs", kind)
        for n in sorted(os.listdir(base)):
            if os.path.isdir(os.path.join(base, n)):
                yield kind + "-" + n, os.path.join(base, n)


def files_of(d):
    for dp, dns, fns in os.walk(d):
        dns.sort()
        for fn in sorted(fns):
            rel = os.path.relpath(os.path.join(dp, fn), d)
            if rel in ("pack.json", "expected.txt", "locales.json"):
                continue
            if rel.count("/") <= 1 and os.path.getsize(os.path.join(dp, fn)) < 64 * 1024:
                yield rel


keys, words = set(), set()


def walk_json(v):
    if isinstance(v, dict):
        for k, x in v.items():
            keys.add(k)
            walk_json(x)
    elif isinstance(v, list):
        for x in v:
            walk_json(x)
    elif isinstance(v, str) and re.fullmatch(r"[a-z_\-]{2,20}", v):
        words.add(v)


for name, d in pack_dirs():
    pj = os.path.join(d, "pack.json")
    if not os.path.exists(pj):
        continue
    data = open(pj, "rb").read()
    write("pack", name + ".json", data)
    whole = data
    for rel in files_of(d):
        body = open(os.path.join(d, rel), "rb").read()
        whole += SEP + rel.encode() + b"\n" + body
        if rel.endswith(".json"):
            try:
                walk_json(json.loads(body))
            except ValueError:
                pass
    write("pack_dir", name + ".pack", whole)
    try:
        walk_json(json.loads(data))
    except ValueError:
        pass

for fn in sorted(os.listdir(os.path.join(root, "tests", "e2e", "scripts"))):
    if fn.endswith(".jsonl"):
        write("script", fn, open(os.path.join(root, "tests", "e2e", "scripts", fn), "rb").read())

json_tokens = ['{', '}', '[', ']', ':', ',', '"', 'true', 'false', 'null', '-0', '1e308', '\\u0000',
               '\\ud800', '\\"', '0.5']
with open(os.path.join(here, "pack.dict"), "w") as f:
    f.write("# libFuzzer dictionary for fuzz_pack and fuzz_pack_dir (make_seeds.py)\n")
    for t in json_tokens:
        f.write("tok_%d=%s\n" % (json_tokens.index(t), json.dumps(t)))
    for k in sorted(k for k in keys if re.fullmatch(r"[A-Za-z0-9_\-]{1,30}", k)):
        f.write("key_%s=%s\n" % (re.sub(r"\W", "_", k), json.dumps('"%s":' % k)))
    for w in sorted(words):
        f.write("word_%s=%s\n" % (re.sub(r"\W", "_", w), json.dumps('"%s"' % w)))
with open(os.path.join(here, "pack_dir.dict"), "w") as f:
    f.write(open(os.path.join(here, "pack.dict")).read().replace("fuzz_pack and fuzz_pack_dir",
                                                                "fuzz_pack_dir"))
    f.write('sep="\\x0a@@@ "\nsep_ex="\\x0a@@@ exercises/a.json\\x0a"\n'
            'sep_img="\\x0a@@@ images/a.png\\x0a"\nsep_audio="\\x0a@@@ audio/a.ogg\\x0a"\n'
            'png="\\x89PNG\\x0d\\x0a\\x1a\\x0a"\nogg="OggS"\nriff="RIFF"\nwave="WAVE"\n')
with open(os.path.join(here, "script.dict"), "w") as f:
    f.write("# libFuzzer dictionary for fuzz_script (make_seeds.py)\n")
    for t in json_tokens:
        f.write("tok_%d=%s\n" % (json_tokens.index(t), json.dumps(t)))
    for k in ["at", "key", "mod", "text", "tap", "click", "press", "quit", "resize", "audio_device",
              "screenshot", "end", "button"]:
        f.write("key_%s=%s\n" % (k, json.dumps('"%s":' % k)))
    for w in ["ctrl", "alt", "shift", "gui", "removed", "added", "Escape", "Space", "Return"]:
        f.write("word_%s=%s\n" % (w, json.dumps('"%s"' % w)))
    f.write('comment="# "\nnl="\\x0a"\n')
print("seeds written under", os.path.join(here, "corpus"))
