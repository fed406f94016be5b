#!/usr/bin/env python3
"""Regenerates the seed corpora and dictionaries of the fuzz targets from the project's
own inputs: content/core, tests/packs (good and bad) and tests/e2e/scripts.

  python3 tests/fuzz/make_seeds.py

Seeds are named after where they came from (or, for the settings readers, after the case
they hold), so rerunning gives the same files."""
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
# ---- settings (fuzz_settings) and kiosk settings (fuzz_kiosk_config) --------------------
# Valid files with every field and each of its values, then broken ones: each seed is a
# small case named after what it holds.


def jd(v, pretty=True):
    return (json.dumps(v, indent=2, ensure_ascii=False) if pretty else json.dumps(v)).encode() + b"\n"


def clear(target):
    d = os.path.join(here, "corpus", target)
    if os.path.isdir(d):
        for fn in os.listdir(d):
            os.remove(os.path.join(d, fn))


SET_FULL = {"theme": "calm", "text_size": 100, "reduced_motion": False,
            "volume": {"cues": 80, "voice": 80, "ambience": 50}, "checkins": True, "language": "",
            "pacer": "orb", "welcomed": True, "favourites": ["box-breathing", "grounding-54321"]}
clear("settings")
settings_seeds = {
    "full-defaults.json": jd(SET_FULL),
    # what settings_save writes (cJSON_Print: tabs)
    "as-saved.json": (b'{\n\t"theme":\t"light",\n\t"text_size":\t150,\n\t"reduced_motion":\ttrue,\n'
                      b'\t"volume":\t{\n\t\t"cues":\t70,\n\t\t"voice":\t60,\n\t\t"ambience":\t0\n\t},\n'
                      b'\t"checkins":\tfalse,\n\t"language":\t"es",\n\t"pacer":\t"bar",\n\t"welcomed":\ttrue,\n'
                      b'\t"favourites":\t["pmr-16", "breathing-4-7-8"]\n}\n'),
    "empty-object.json": b"{}\n",
    "compact.json": jd(dict(SET_FULL, theme="contrast", text_size=200), pretty=False),
    "favourites-32.json": jd({"favourites": ["ex-%02d" % i for i in range(32)]}),
    "favourites-33.json": jd({"favourites": ["ex-%02d" % i for i in range(33)]}),
    "favourite-63-and-64-bytes.json": jd({"favourites": ["a" * 63, "b" * 64, "", 7, None, ["x"]]}),
    "text-size-out-of-range.json": jd({"text_size": 99, "volume": {"cues": -1, "voice": 101, "ambience": 1e7}}),
    "text-size-huge.json": b'{"text_size": 1e308, "volume": {"cues": -1e308, "voice": 1000001}}\n',
    "text-size-fraction.json": b'{"text_size": 137.9, "volume": {"cues": 0.5}}\n',
    "wrong-types.json": jd({"theme": 1, "text_size": "150", "reduced_motion": "yes", "volume": [1, 2],
                            "checkins": 0, "language": None, "pacer": True, "welcomed": "no",
                            "favourites": "box-breathing"}),
    "unknown-theme-pacer.json": jd({"theme": "dark", "pacer": "wave"}),
    "theme-too-long.json": jd({"theme": "contrast-contrast", "pacer": "o" * 16}),
    "language-bad-chars.json": jd({"language": "e n/../x"}),
    "language-too-long.json": jd({"language": "abcdefghijklmnop"}),
    "language-region.json": jd({"language": "pt-BR"}),
    "language-script.json": jd({"language": "zh_Hans"}),
    "unknown-keys.json": jd({"colour": "blue", "volume": {"master": 3}, "theme": "light"}),
    "duplicate-keys.json": b'{"theme": "light", "theme": "contrast", "text_size": 125, "text_size": 175}\n',
    "escapes.json": b'{"language": "e\\u0073", "favourites": ["a\\u0000b", "\\u00e9t\\u00e9", "\\ud83d\\ude00", "tab\\there"]}\n',
    "bad-not-json.json": b"theme = calm\n",
    "bad-empty.json": b"",
    "bad-root-array.json": b'["calm"]\n',
    "bad-root-string.json": b'"calm"\n',
    "bad-truncated.json": jd(SET_FULL)[:60],
    "bad-trailing-comma.json": b'{"theme": "calm",}\n',
    "bad-trailing-garbage.json": b'{"theme": "calm"} x\n',
    "bad-comment.json": b'{\n  // the theme\n  "theme": "calm"\n}\n',
    "bad-nul-inside.json": b'{"theme": "ca\x00lm"}\n',
    "bom.json": b'\xef\xbb\xbf{"theme": "light"}\n',
    "bad-invalid-utf8.json": b'{"language": "\xff\xfe", "favourites": ["\xc3\x28"]}\n',
    "bad-lone-surrogate.json": b'{"favourites": ["\\ud800"]}\n',
    "deep-nesting.json": b'{"volume": ' + b"[" * 200 + b"]" * 200 + b"}\n",
}
for n, b in sorted(settings_seeds.items()):
    write("settings", n, b)
for th in ("calm", "light", "contrast"):
    for pc in ("orb", "box", "wave", "tube", "calm"):
        write("settings", "theme-%s-pacer-%s.json" % (th, pc), jd(dict(SET_FULL, theme=th, pacer=pc)))
for lang in ("en", "es", "de", "ar"):
    write("settings", "language-%s.json" % lang,
          jd(dict(SET_FULL, language=lang, reduced_motion=True, checkins=False, welcomed=False)))
for size in (100, 125, 150, 175, 200):
    write("settings", "text-size-%d.json" % size, jd({"text_size": size, "volume": {"cues": size - 100,
                                                                                     "voice": 200 - size,
                                                                                     "ambience": 100}}))

KIOSK_FULL = {"exercises": ["box-breathing", "extended-exhale", "grounding-54321"], "idle_timeout": 90,
              "attract": "extended-exhale", "languages": ["en", "fr"],
              "admin_pin": "$argon2id$v=19$m=65536,t=2,p=1$c2FsdHNhbHRzYWx0c2FsdA$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNo",
              "hours": {"open": "08:00", "close": "18:00", "outside": "dim"},
              "volume": {"default": 0.6, "max": 0.8}, "stats": False,
              "stats_path": "/var/lib/groundwork/kiosk-stats.sqlite"}
clear("kiosk_config")
kiosk_seeds = {
    "full.json": jd(KIOSK_FULL),
    "full-compact.json": jd(dict(KIOSK_FULL, stats=True), pretty=False),
    "empty-object.json": b"{}\n",
    "exercises-32.json": jd({"exercises": ["exercise-%02d" % i for i in range(32)], "idle_timeout": 45}),
    "exercises-33.json": jd({"idle_timeout": 45, "exercises": ["exercise-%02d" % i for i in range(33)]}),
    "exercise-id-63-and-64-bytes.json": jd({"exercises": ["a" * 63, "b" * 64, "", 3, None]}),
    "languages-8.json": jd({"languages": ["en", "es", "de", "ar", "fr", "it", "pt", "nl"]}),
    "languages-9.json": jd({"admin_pin": KIOSK_FULL["admin_pin"],
                            "languages": ["en", "es", "de", "ar", "fr", "it", "pt", "nl", "pl-PL-x-long"]}),
    "language-16-bytes.json": jd({"languages": ["abcdefghijklmnop", "abcdefghijklmno"]}),
    "idle-timeout-min-max.json": jd({"idle_timeout": 10, "volume": {"default": 0, "max": 1}}),
    "idle-timeout-3600.json": jd({"idle_timeout": 3600}),
    "idle-timeout-fraction.json": b'{"idle_timeout": 45.123456789123}\n',
    "idle-timeout-out-of-range.json": jd({"idle_timeout": 9.99}),
    "idle-timeout-huge.json": b'{"idle_timeout": 1e308}\n',
    "idle-timeout-negative.json": b'{"idle_timeout": -90}\n',
    "idle-timeout-string.json": jd({"idle_timeout": "90"}),
    "attract-empty.json": jd({"attract": ""}),
    "attract-64-bytes.json": jd({"attract": "x" * 64}),
    "attract-number.json": jd({"attract": 4}),
    "pin-not-argon.json": jd({"admin_pin": "2468"}),
    "pin-too-long.json": jd({"admin_pin": "$argon2id$" + "a" * 130}),
    "hours-over-midnight.json": jd({"hours": {"open": "22:00", "close": "06:30", "outside": "blank"}}),
    "hours-same-time.json": jd({"hours": {"open": "08:00", "close": "08:00"}}),
    "hours-missing-close.json": jd({"hours": {"open": "08:00"}}),
    "hours-bad-times.json": jd({"hours": {"open": "8:00", "close": "24:00", "outside": "off"}}),
    "hours-bad-minutes.json": jd({"hours": {"open": "23:60", "close": "0a:00"}}),
    "hours-edges.json": jd({"hours": {"open": "00:00", "close": "23:59", "outside": "dim"}}),
    "hours-unknown-key.json": jd({"hours": {"open": "09:00", "close": "17:00", "days": "mon-fri"}}),
    "hours-not-object.json": jd({"hours": "08:00-18:00"}),
    "hours-numbers.json": jd({"hours": {"open": 800, "close": 1800}}),
    "volume-default-over-max.json": jd({"volume": {"default": 0.9, "max": 0.5}}),
    "volume-max-first.json": jd({"volume": {"max": 0.3}}),
    "volume-out-of-range.json": jd({"volume": {"default": -0.1, "max": 1.5, "level": 1}}),
    "volume-fractions.json": b'{"volume": {"default": 0.1, "max": 0.30000000000000004}}\n',
    "volume-not-object.json": jd({"volume": 0.5}),
    "stats-on.json": jd({"stats": True, "stats_path": "/tmp/k.sqlite"}),
    "stats-string.json": jd({"stats": "yes", "stats_path": ""}),
    "stats-path-long.json": jd({"stats_path": "/" + "p" * 600}),
    "unknown-key.json": jd({"idle": 30, "exercises": ["box-breathing"]}),
    "duplicate-keys.json": b'{"exercises": ["a", "b", "c"], "exercises": ["d"], "idle_timeout": 20, "idle_timeout": 30}\n',
    "escapes.json": b'{"exercises": ["\\u0062ox", "caf\\u00e9", "\\ud83d\\ude00"], "attract": "a\\u0000b"}\n',
    "wrong-types.json": jd({"exercises": "box-breathing", "languages": {"en": 1}, "admin_pin": 2468,
                            "hours": [], "volume": [], "stats": 1, "stats_path": 7}),
    "bad-missing-comma.json": b'{\n  "idle_timeout": 30,\n  "stats": "yes"\n  "hours": {}\n}\n',
    "bad-trailing-comma.json": b'{"idle_timeout": 30,}\n',
    "bad-comment.json": b'{\n  /* seconds */ "idle_timeout": 30\n}\n',
    "bad-empty.json": b"",
    "bad-root-array.json": b'[{"idle_timeout": 30}]\n',
    "bad-root-number.json": b"30\n",
    "bad-truncated.json": jd(KIOSK_FULL)[:120],
    "bad-too-deep.json": b'{"hours": ' + b"{\"a\": " * 12 + b"1" + b"}" * 12 + b"}\n",
    "bad-invalid-utf8.json": b'{"exercises": ["\xff\xfe"], "languages": ["\xc3\x28"]}\n',
    "bad-lone-surrogate.json": b'{"attract": "\\udc00"}\n',
    "bad-nul-inside.json": b'{"attract": "box\x00"}\n',
    "bad-single-quotes.json": b"{'idle_timeout': 30}\n",
    "many-errors.json": jd({"a": 1, "b": 2, "c": 3, "d": 4, "e": 5, "f": 6, "g": 7, "h": 8, "i": 9, "j": 10}),
}
for n, b in sorted(kiosk_seeds.items()):
    write("kiosk_config", n, b)

with open(os.path.join(here, "settings.dict"), "w") as f:
    f.write("# libFuzzer dictionary for fuzz_settings (make_seeds.py)\n")
    for t in json_tokens:
        f.write("tok_%d=%s\n" % (json_tokens.index(t), json.dumps(t)))
    for k in ["theme", "text_size", "reduced_motion", "volume", "cues", "voice", "ambience", "checkins",
              "language", "pacer", "welcomed", "favourites"]:
        f.write("key_%s=%s\n" % (k, json.dumps('"%s":' % k)))
    for w in ["calm", "light", "contrast", "orb", "box", "wave", "tube", "bar", "", "en", "es", "de", "ar", "pt-BR", "zh_Hans",
              "box-breathing"]:
        f.write("word_%s=%s\n" % (re.sub(r"\W", "_", w) or "empty", json.dumps('"%s"' % w)))
    for n in ["0", "100", "200", "99", "201", "1000001", "-1"]:
        f.write("num_%s=%s\n" % (n.replace("-", "m"), json.dumps(n)))
with open(os.path.join(here, "kiosk_config.dict"), "w") as f:
    f.write("# libFuzzer dictionary for fuzz_kiosk_config (make_seeds.py)\n")
    for t in json_tokens:
        f.write("tok_%d=%s\n" % (json_tokens.index(t), json.dumps(t)))
    for k in ["exercises", "idle_timeout", "attract", "languages", "admin_pin", "hours", "open", "close",
              "outside", "volume", "default", "max", "stats", "stats_path"]:
        f.write("key_%s=%s\n" % (k, json.dumps('"%s":' % k)))
    for w in ["dim", "blank", "08:00", "18:00", "00:00", "23:59", "24:00", "$argon2id$v=19$m=65536,t=2,p=1$",
              "box-breathing", "en", "ar", ""]:
        f.write("word_%s=%s\n" % (re.sub(r"\W", "_", w) or "empty", json.dumps('"%s"' % w)))
    for n in ["10", "3600", "9.99", "3600.5", "0.5", "1", "0", "45.123456789123", "0.30000000000000004"]:
        f.write("num_%s=%s\n" % (n.replace(".", "_"), json.dumps(n)))

# locales.json: the shipped file, then one broken way per seed
LOC = json.load(open(os.path.join(root, "content", "core", "locales.json"), encoding="utf-8"))
clear("locales")
def loc_with(**kw):
    d = json.loads(json.dumps(LOC)); d.update(kw); return d
def loc_without(key):
    d = json.loads(json.dumps(LOC)); d.pop(key, None); return d
line = lambda regions, text, **kw: dict({"regions": regions, "text": text}, **kw)
locales_seeds = {
    "shipped.json": open(os.path.join(root, "content", "core", "locales.json"), "rb").read(),
    "shipped-compact.json": jd(LOC, pretty=False),
    "no-disclaimer.json": jd(loc_without("disclaimer")),
    "no-crisis-lines.json": jd(loc_without("crisis_lines")),
    "no-fallback.json": jd(loc_with(crisis_lines=[line(["US"], {"en": "Call 988."})])),
    "deployment-own.json": jd({"crisis_lines": [line(["DE"], {"en": "Call 0800 111 0 111.", "de": "Rufen Sie 0800 111 0 111 an."})]}),
    "region-lower-case.json": jd(loc_with(crisis_lines=[line(["us", "*"], {"en": "Call."})])),
    "region-three-letters.json": jd(loc_with(crisis_lines=[line(["USA"], {"en": "Call."}), line(["*"], {"en": "Help."})])),
    "regions-empty.json": jd(loc_with(crisis_lines=[line([], {"en": "Call."})])),
    "region-twice.json": jd(loc_with(crisis_lines=[line(["GB"], {"en": "A."}), line(["GB", "*"], {"en": "B."})])),
    "placeholder-not-bool.json": jd(loc_with(crisis_lines=[line(["*"], {"en": "Help."}, placeholder="yes")])),
    "text-301-characters.json": jd(loc_with(disclaimer={"en": "é" * 301})),
    "text-empty-object.json": jd(loc_with(disclaimer={})),
    "text-not-string.json": jd(loc_with(crisis_lines=[line(["*"], {"en": 988})])),
    "numbers-differ.json": jd(loc_with(crisis_lines=[line(["*"], {"en": "Call 988.", "es": "Llame al 989."})])),
    "region-names.json": jd(loc_with(region_names={"ES": {"en": "Spain"}, "*": {"en": "All"}, "es": {"en": "x"}})),
    "language-regions.json": jd(loc_with(language_regions={"es": "ES", "de": "de", "": "X", "toolonglanguage": "US"})),
    "unknown-key.json": jd(loc_with(phone="988")),
    "wrong-types.json": jd({"disclaimer": "text", "crisis_lines": {"US": "988"}, "region_names": [], "language_regions": 4}),
    "duplicate-keys.json": b'{"disclaimer": {"en": "A."}, "disclaimer": {"en": "B."}, "crisis_lines": [{"regions": ["*"], "text": {"en": "C."}}]}\n',
    "escapes.json": b'{"disclaimer": {"en": "a\\u0000b \\ud83d\\ude00"}, "crisis_lines": [{"regions": ["\\u002a"], "text": {"en": "116\\u00a0123"}}]}\n',
    "bad-empty.json": b"",
    "bad-truncated.json": open(os.path.join(root, "content", "core", "locales.json"), "rb").read()[:300],
    "bad-trailing-comma.json": b'{"disclaimer": {"en": "A."},}\n',
    "bad-root-array.json": jd([LOC]),
    "bad-too-deep.json": b"[" * 40 + b"]" * 40,
    "bad-invalid-utf8.json": b'{"disclaimer": {"en": "\xff\xfe"}, "crisis_lines": []}\n',
}
for n, b in sorted(locales_seeds.items()):
    write("locales", n, b)
with open(os.path.join(here, "locales.dict"), "w") as f:
    f.write("# libFuzzer dictionary for fuzz_locales (make_seeds.py)\n")
    for t in json_tokens:
        f.write("tok_%d=%s\n" % (json_tokens.index(t), json.dumps(t)))
    for k in ["disclaimer", "crisis_lines", "regions", "text", "placeholder", "region_names", "language_regions",
              "en", "es", "de", "ar"]:
        f.write("key_%s=%s\n" % (k, json.dumps('"%s":' % k)))
    for w in ["US", "GB", "IE", "ES", "DE", "*", "us", "USA", "988", ""]:
        f.write("word_%s=%s\n" % (re.sub(r"\W", "_", w) or "empty", json.dumps('"%s"' % w)))
    f.write('word_nbsp="\\xC2\\xA0"\n')  # the no-break space inside numbers; libFuzzer escapes

print("seeds written under", os.path.join(here, "corpus"))
