#!/usr/bin/env python3
# Writes the bad-pack corpus (tests/packs/bad/NN-name/). The expected.txt files are
# then written by `GW_UPDATE_EXPECTED=1 build/tests/test_pack_corpus` and reviewed by
# hand before they are committed. Folders are recreated
# from scratch; an existing expected.txt is kept.
import json, os, shutil, struct, copy
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.join(HERE, "bad")
GOOD = os.path.join(HERE, "good")
os.makedirs(ROOT, exist_ok=True)

def base_ex(i="calm-breath"):
    return {
        "id": i, "kind": "breathing", "category": "breathing",
        "title": "Calm breath", "summary": "Slow in, slower out.",
        "cautions": [], "source": "Test data; not guidance.",
        "breathing": {"phases": [{"phase": "inhale", "seconds": 4}, {"phase": "exhale", "seconds": 6}], "cycles": 6},
    }

def base_pack(exs=None):
    return {
        "format": "1.0", "id": "bad-pack", "name": "Bad pack", "version": "1.0.0",
        "languages": ["en"], "authors": ["Groundwork test suite"], "license": "CC0-1.0",
        "sources": ["Test data; not guidance."],
        "exercises": exs if exs is not None else [base_ex()],
    }

def dumps(o):
    return json.dumps(o, indent=2, ensure_ascii=False) + "\n"

def case(name, files):
    d = os.path.join(ROOT, name)
    exp = os.path.join(d, "expected.txt")
    keep = open(exp, "rb").read() if os.path.exists(exp) else None
    if os.path.exists(d): shutil.rmtree(d)
    os.makedirs(d)
    if keep is not None: open(exp, "wb").write(keep)
    for rel, content in files.items():
        p = os.path.join(d, rel)
        os.makedirs(os.path.dirname(p), exist_ok=True)
        if isinstance(content, tuple) and content[0] == "symlink":
            os.symlink(content[1], p)
        elif isinstance(content, bytes):
            open(p, "wb").write(content)
        elif isinstance(content, str):
            open(p, "w").write(content)
        else:
            open(p, "w").write(dumps(content))

ogg = open(GOOD + "/guided/audio/sit.ogg", "rb").read()
wav = open(GOOD + "/guided/audio/fist.wav", "rb").read()

def P(**kw):
    p = base_pack(); p.update(kw); return p
def E(**kw):
    e = base_ex(); e.update(kw); return e
def guided(steps, **kw):
    e = base_ex(); del e["breathing"]; e.update(kind="guided", category="relaxation", guided={"steps": steps}); e.update(kw); return e
def prompts(steps):
    e = base_ex(); del e["breathing"]; e.update(kind="prompts", category="grounding", prompts={"steps": steps}); return e
def brth(**kw):
    b = {"phases": [{"phase": "inhale", "seconds": 4}, {"phase": "exhale", "seconds": 6}], "cycles": 6}
    b.update(kw); return b

good_pack_text = dumps(base_pack())

# ---- JSON syntax -----------------------------------------------------------------
case("01-syntax-missing-comma", {"pack.json": good_pack_text.replace('"id": "bad-pack",', '"id": "bad-pack"')})
case("02-syntax-trailing-comma", {"pack.json": good_pack_text.replace('"CC0-1.0",', '"CC0-1.0",').replace('"Test data; not guidance."\n  ],', '"Test data; not guidance.",\n  ],', 1)})
case("03-syntax-unclosed", {"pack.json": good_pack_text.rstrip().rstrip("}") + "\n"})
case("04-syntax-comment", {"pack.json": good_pack_text.replace('  "version": "1.0.0",', '  // first release\n  "version": "1.0.0",')})
case("05-syntax-single-quotes", {"pack.json": good_pack_text.replace('"license": "CC0-1.0"', "'license': 'CC0-1.0'")})
case("06-nan-literal", {"pack.json": good_pack_text.replace('"seconds": 6', '"seconds": NaN')})
case("07-infinity-literal", {"pack.json": good_pack_text.replace('"cycles": 6', '"cycles": -Infinity')})
case("08-empty-file", {"pack.json": "\n\n"})
case("09-root-not-object", {"pack.json": '[\n  "exercises/a.json"\n]\n'})
case("10-unquoted-field-name", {"pack.json": good_pack_text.replace('"format": "1.0"', 'format: "1.0"')})
case("11-raw-tab-in-text", {"pack.json": good_pack_text.replace('"Bad pack"', '"Bad\tpack"')})
case("12-number-syntax", {"pack.json": good_pack_text.replace('"cycles": 6', '"cycles": 06')})

# ---- types and required fields ------------------------------------------------------------
case("13-wrong-types", {"pack.json": P(id=7, languages="en", authors=["ok", 3], exercises=[E(
    title=12, cautions={"en": "x"}, breathing=brth(cycles="six", phases=[{"phase": "inhale", "seconds": "4"}, {"phase": "exhale", "seconds": True}]))])})
p = base_pack(); del p["name"]; del p["version"]; del p["license"]
e = base_ex(); del e["title"]; del e["source"]; del e["cautions"]; del e["breathing"]["phases"][1]["seconds"]
p["exercises"] = [e]
case("14-missing-required", {"pack.json": p})

# ---- numbers -------------------------------------------------------------------
case("15-phase-seconds-zero", {"pack.json": P(exercises=["exercises/a.json"]),
    "exercises/a.json": E(id="zero-phase", breathing=brth(phases=[{"phase": "inhale", "seconds": 4}, {"phase": "exhale", "seconds": 0}]))})
case("16-phase-out-of-range", {"pack.json": P(exercises=[E(breathing=brth(phases=[
    {"phase": "inhale", "seconds": -4}, {"phase": "hold", "seconds": 61}, {"phase": "exhale", "seconds": 3600}, {"phase": "hold_out", "seconds": 1e300}]))])})
case("17-seconds-step", {"pack.json": P(exercises=[E(breathing=brth(lead_in=2.25, phases=[{"phase": "inhale", "seconds": 4.25}, {"phase": "exhale", "seconds": 6.05}]))])})
case("18-cycles-range", {"pack.json": P(exercises=[E(id="a", breathing=brth(cycles=0)), E(id="b", breathing=brth(cycles=1001)), E(id="c", breathing=brth(cycles=2.5))])})
b1 = brth(minutes=0.25); b2 = brth(minutes=121); del b2["cycles"]; b3 = brth(); b3["minutes"] = 5
del b1["cycles"]
b4 = brth(); del b4["cycles"]
case("19-minutes-and-cycles", {"pack.json": P(exercises=[E(id="a", breathing=b1), E(id="b", breathing=b2), E(id="c", breathing=b3), E(id="d", breathing=b4)])})
case("20-session-too-long", {"pack.json": P(exercises=[E(breathing=brth(cycles=1000, phases=[{"phase": "inhale", "seconds": 8}, {"phase": "exhale", "seconds": 8}]))])})
case("21-huge-number", {"pack.json": good_pack_text.replace('"cycles": 6', '"cycles": 1e999')})
case("22-ramp-range", {"pack.json": P(exercises=[E(breathing=brth(ramp={"from_bpm": 0, "to_bpm": 31, "minutes": 200}))])})
case("23-guided-too-long", {"pack.json": P(exercises=[guided([
    {"kind": "instruction", "caption": "Ten minutes and one second.", "seconds": 601},
    {"kind": "rest", "caption": "Pause too long.", "voice": "audio/a.ogg", "pause": 90},
    {"kind": "rest", "caption": "Negative.", "seconds": -1}])]), "audio/a.ogg": ogg})
case("24-prompt-numbers", {"pack.json": P(exercises=[prompts([
    {"title": "See", "text": "Name things.", "count": 11, "timer": 601},
    {"title": "Hear", "text": "Name things.", "count": -1, "auto_advance": True},
    {"title": "Feel", "text": "Name things.", "count": 2.5, "timer": 0, "auto_advance": True}])])})
case("25-too-many-phases", {"pack.json": P(exercises=[E(breathing=brth(phases=[{"phase": "inhale", "seconds": 1}, {"phase": "exhale", "seconds": 1}] * 5))])})
case("26-phase-order", {"pack.json": P(exercises=[
    E(id="a", breathing=brth(phases=[{"phase": "hold", "seconds": 2}, {"phase": "inhale", "seconds": 4}, {"phase": "exhale", "seconds": 4}])),
    E(id="b", breathing=brth(phases=[{"phase": "inhale", "seconds": 4}, {"phase": "hold_in", "seconds": 4}])),
    E(id="c", breathing=brth(phases=[]))])})

# ---- ids, duplicates, unknown fields ---------------------------------------------
case("27-duplicate-exercise-id", {"pack.json": P(exercises=[E(id="same"), "exercises/b.json", E(id="same")]),
    "exercises/b.json": E(id="same")})
case("28-duplicate-keys", {"pack.json": good_pack_text.replace('"version": "1.0.0",', '"version": "1.0.0",\n  "version": "1.0.1",').replace('"cycles": 6', '"cycles": 6,\n          "cycles": 7')})
case("29-unknown-fields", {"pack.json": P(homepage="https://example.org", exercises=[E(titel="Calm", breathing=brth(secnds=4, phases=[{"phase": "inhale", "seconds": 4, "duraton": 3}, {"phase": "exhale", "seconds": 6}]))])})
case("30-bad-ids", {"pack.json": P(id="Bad Pack", exercises=[E(id="Box-Breathing"), E(id="-box"), E(id="x" * 65), E(id="")])})

# ---- format ------------------------------------------------------------------------------
case("31-format-major-2", {"pack.json": P(format="2.1", id="NOT checked", exercises=[{"anything": "goes"}])})
case("32-format-minor-newer", {"pack.json": P(format="1.3")})
case("33-format-malformed", {"pack.json": P(format="1")})

# ---- references -------------------------------------------------------------------------
pk = base_pack(); pk["regions"] = [{"id": "left-hand", "name": "Left hand", "shapes": [{"ellipse": [0.8, 0.55, 0.05, 0.04]}]}]
pk["exercises"] = [guided([{"kind": "tense", "caption": "Fist.", "seconds": 5, "region": "right-hand"}, {"kind": "release", "caption": "Let go.", "seconds": 5, "region": "left-hand"}])]
case("34-unknown-region", {"pack.json": pk})
pk = base_pack(); pk["exercises"] = [guided([{"kind": "tense", "caption": "Fist.", "seconds": 5, "region": "right-hand"}])]
case("35-region-without-regions", {"pack.json": pk})
case("36-missing-files", {"pack.json": P(exercises=["exercises/missing.json", guided([
    {"kind": "instruction", "caption": "Hello.", "voice": "audio/missing.ogg"},
    {"kind": "instruction", "caption": "Hello.", "voice": "audio"}])]), "audio/.keep": ""})
case("37-absolute-paths", {"pack.json": P(exercises=["/etc/passwd", guided([
    {"kind": "instruction", "caption": "Hello.", "voice": "/usr/share/sounds/a.ogg"},
    {"kind": "instruction", "caption": "Hello.", "voice": "C:/sounds/a.ogg"},
    {"kind": "instruction", "caption": "Hello.", "voice": "audio\\a.ogg"}])])})
case("38-dotdot-paths", {"pack.json": P(exercises=["../01-syntax-missing-comma/pack.json", guided([
    {"kind": "instruction", "caption": "Hello.", "voice": "audio/../../x.ogg"}])])})
case("39-symlink-escape", {"pack.json": P(exercises=["exercises/escape.json", guided([
    {"kind": "instruction", "caption": "Hello.", "voice": "audio/escape.ogg"}])]),
    "audio/escape.ogg": ("symlink", "../../../../../CMakeLists.txt"),
    "exercises/escape.json": ("symlink", "../../../good/breathing/exercises/box.json")})

# ---- media -------------------------------------------------------------------------------
def wav_with(ch=1, rate=22050, bits=16, tag=1, data=True):
    fmt = struct.pack("<HHIIHH", tag, ch, rate, rate * max(ch, 1) * bits // 8, max(ch, 1) * bits // 8, bits)
    body = b"WAVE" + b"fmt " + struct.pack("<I", 16) + fmt
    if data: body += b"data" + struct.pack("<I", 4) + b"\0\0\0\0"
    return b"RIFF" + struct.pack("<I", len(body)) + body
opus = bytearray(ogg[:200])
opus[28:36] = b"OpusHead"
case("40-bad-audio", {"pack.json": P(exercises=[guided([
    {"kind": "instruction", "caption": "Text.", "voice": "audio/text.ogg"},
    {"kind": "instruction", "caption": "MP3.", "voice": "audio/song.ogg"},
    {"kind": "instruction", "caption": "Opus.", "voice": "audio/opus.ogg"},
    {"kind": "instruction", "caption": "Empty.", "voice": "audio/empty.wav"},
    {"kind": "instruction", "caption": "Not vorbis.", "voice": "audio/theora.ogg"}])]),
    "audio/text.ogg": "this is not audio\n", "audio/song.ogg": b"ID3\x03\x00" + b"\x00" * 64,
    "audio/opus.ogg": bytes(opus), "audio/empty.wav": b"", "audio/theora.ogg": ogg[:28] + b"\x80theora" + b"\0" * 40})
case("41-bad-wav", {"pack.json": P(exercises=[guided([
    {"kind": "instruction", "caption": "Channels.", "voice": "audio/zero-channels.wav"},
    {"kind": "instruction", "caption": "No data.", "voice": "audio/no-data.wav"},
    {"kind": "instruction", "caption": "MP3 in WAV.", "voice": "audio/mp3.wav"},
    {"kind": "instruction", "caption": "Not WAVE.", "voice": "audio/avi.wav"}])]),
    "audio/zero-channels.wav": wav_with(ch=0), "audio/no-data.wav": wav_with(data=False),
    "audio/mp3.wav": wav_with(tag=0x55), "audio/avi.wav": b"RIFF\x10\0\0\0AVI LIST" + b"\0" * 8})
png_ok = open(GOOD + "/prompts/images/dot.png", "rb").read()
bad_ihdr = bytearray(png_ok); bad_ihdr[24] = 7
case("42-bad-images", {"pack.json": P(), "images/photo.png": b"\xff\xd8\xff\xe0JFIF" + b"\0" * 30,
    "images/broken.png": bytes(bad_ihdr), "images/ok.png": png_ok, "images/short.png": png_ok[:20]})

# ---- text -----------------------------------------------------------------------------------
case("43-text-too-long", {"pack.json": P(name="N" * 61, exercises=[E(title="Ŕ" * 41, summary={"en": "s" * 101},
    cautions=["c" * 301], breathing=brth()), guided([{"kind": "instruction", "caption": "é" * 200, "seconds": 5},
    {"kind": "instruction", "caption": "é" * 201, "seconds": 5}], id="long-caption")])})


t = good_pack_text.encode()
t = t.replace(b'"Calm breath"', b'"Calm \xff\xfe breath"').replace(b'"Slow in, slower out."', b'"Slow \xc3\x28 out \xed\xa0\x80."')
t = t.replace(b'"license"', b'"lic\xe9nse"')
case("44-invalid-utf8", {"pack.json": t})
case("45-empty-text", {"pack.json": P(name="  ", exercises=[E(title="", summary={}, source="", cautions=[{"en": ""}])])})
case("46-nesting-too-deep", {"pack.json": good_pack_text.replace('"cautions": []', '"cautions": [[[[[{"en": "deep"}]]]]]')})
case("47-languages", {"pack.json": P(languages=["en", "es", "xx", "en", "english"], name={"en": "Name", "fr": "Nom"},
    exercises=[E(title={"es": "Calma"}, summary={"en": "One.", "es": "Uno.", "de": "Eins."})])})
case("48-languages-empty", {"pack.json": P(languages=[])})

# ---- structure ---------------------------------------------------------------------------------
e = base_ex(); e["kind"] = "guided"
e2 = guided([{"kind": "instruction", "caption": "Hi.", "seconds": 2}], id="no-section"); del e2["guided"]
case("49-kind-section-mismatch", {"pack.json": P(exercises=[e, e2])})
case("50-enum-values", {"pack.json": P(exercises=[E(category="calm", kind="breathing", breathing=brth(style="circle", phases=[{"phase": "breathe in", "seconds": 4}, {"phase": "exhale", "seconds": 4}])),
    guided([{"kind": "squeeze", "caption": "Hi.", "seconds": 2}], id="g")])})
case("51-exercise-file-syntax", {"pack.json": P(exercises=["exercises/a.json", "exercises/b.json"]),
    "exercises/a.json": dumps(base_ex("a")).replace('"kind": "breathing"', '"kind": "breathing",,'),
    "exercises/b.json": dumps([base_ex("b")])})
case("52-exercise-list", {"pack.json": P(exercises=[42, None, [], "exercises"]), "exercises/.keep": ""})
case("53-no-exercises", {"pack.json": P(exercises=[])})
pk = base_pack(); pk["regions"] = [
    {"id": "a", "name": "A", "shapes": [{"ellipse": [0.5, 0.5, 0.1, 0.1], "capsule": [0, 0, 1, 1, 0.1]}, {}]},
    {"id": "a", "name": "A again", "shapes": [{"ellipse": [1.5, 0.5, 0, 0.1]}, {"capsule": [0, 0, 1, 1]}]},
    {"id": "b", "name": "B", "shapes": []}, "c"]
case("54-regions", {"pack.json": pk})
case("55-pack-metadata", {"pack.json": P(version="v1", license="", authors=[], sources="none")})
case("56-guided-timing", {"pack.json": P(exercises=[guided([
    {"kind": "instruction", "caption": "No time."},
    {"kind": "instruction", "caption": "Both.", "seconds": 5, "pause": 1}])])})
case("57-voice-languages", {"pack.json": P(languages=["en", "es"], name={"en": "N", "es": "N"}, exercises=[
    guided([{"kind": "instruction", "caption": {"en": "Hi.", "es": "Hola."}, "seconds": 3,
             "voice": {"en": "audio/hi.ogg", "es": "audio/hola.ogg", "fr": "audio/salut.ogg"}},
            {"kind": "instruction", "caption": {"en": "Hi.", "es": "Hola."}, "seconds": 3, "voice": {"es": "audio/hi.ogg"}},
            {"kind": "instruction", "caption": {"en": "Hi.", "es": "Hola."}, "seconds": 3, "voice": 5}],
           title={"en": "Calm", "es": "Calma"}, summary={"en": "S", "es": "S"})]), "audio/hi.ogg": ogg})
case("58-no-pack-json", {"README": "This folder has no pack.json.\n"})
many = [E(id="Bad%d" % i) for i in range(120)]
case("59-too-many-problems", {"pack.json": P(exercises=many)})
case("60-unicode-escapes", {"pack.json": good_pack_text.replace('"Calm breath"', '"Calm \\u0000 breath"')})
case("61-lone-surrogate", {"pack.json": good_pack_text.replace('"Calm breath"', '"Calm \\ud83d breath"')})
case("62-trailing-garbage", {"pack.json": good_pack_text + "}\n"})

# ---- headers that are not believed -------------------------------------------------------
# A clip's length comes from its real end, not its header: each step here is timed by its
# clip (no "seconds"), so a lying header would make it last hours.
def ogg_crc(page):
    crc = 0
    for i, b in enumerate(page):
        crc ^= (0 if 22 <= i < 26 else b) << 24
        for _ in range(8):
            crc = ((crc << 1) ^ 0x04C11DB7) & 0xFFFFFFFF if crc & 0x80000000 else (crc << 1) & 0xFFFFFFFF
    return crc
def ogg_pages(d):
    i, out = 0, []
    while i < len(d):
        n = d[i + 26]; ln = 27 + n + sum(d[i + 27:i + 27 + n]); out.append((i, ln)); i += ln
    return out
def ogg_granule(d, granule, fix_crc):
    d = bytearray(d); i, ln = ogg_pages(d)[-1]
    d[i + 6:i + 14] = struct.pack("<Q", granule)
    if fix_crc: d[i + 22:i + 26] = struct.pack("<I", ogg_crc(d[i:i + ln]))
    return bytes(d)
def wav_lying(size_field, rate=22050, tag=1, byte_rate=None, bits=16, body=b"\0" * 1000):
    br = byte_rate if byte_rate is not None else rate * bits // 8
    fmt = struct.pack("<HHIIHH", tag, 1, rate, br, max(bits // 8, 1), bits)
    b = b"WAVE" + b"fmt " + struct.pack("<I", 16) + fmt + b"data" + struct.pack("<I", size_field) + body
    return b"RIFF" + struct.pack("<I", len(b)) + b
by_clip = lambda caption, clip: {"kind": "instruction", "caption": caption, "voice": clip}
case("63-lying-wav", {"pack.json": P(exercises=[guided([
    by_clip("Claims 4 GB in 1 KB.", "audio/huge.wav"),
    by_clip("Cut in half.", "audio/cut.wav"),
    by_clip("Bytes per second made up.", "audio/rate.wav"),
    by_clip("Longer than a step.", "audio/long.wav")])]),
    "audio/huge.wav": wav_lying(0xFFFFFF00), "audio/cut.wav": wav[:len(wav) // 2],
    "audio/rate.wav": wav_lying(1000, byte_rate=1),
    "audio/long.wav": wav_lying(1000, tag=2, bits=4, byte_rate=1)})
last_page = ogg_pages(ogg)[-1][0]
case("64-lying-ogg", {"pack.json": P(exercises=[guided([
    by_clip("Cut inside a page.", "audio/cut.ogg"),
    by_clip("Cut between pages.", "audio/open.ogg"),
    by_clip("Length edited, checksum not.", "audio/edited.ogg"),
    by_clip("Length edited, checksum too.", "audio/lying.ogg")])]),
    "audio/cut.ogg": ogg[:-100], "audio/open.ogg": ogg[:last_page],
    "audio/edited.ogg": ogg_granule(ogg, 22050 * 3600 * 149, False),
    "audio/lying.ogg": ogg_granule(ogg, 22050 * 3600 * 149, True)})
case("65-truncated-png", {"pack.json": P(), "images/no-end.png": png_ok[:-12], "images/cut.png": png_ok[:50],
    "images/ok.png": png_ok})

# an exercise's library section: too long, not a text, a language missing
case("66-section", {"pack.json": '{\n  "format": "1.0",\n  "id": "bad-section",\n  "name": "Sections",\n  "version": "1.0.0",\n  "languages": ["en", "es"],\n  "authors": ["Test"],\n  "license": "CC0-1.0",\n  "sources": [],\n  "exercises": [\n    {\n      "id": "stop-1",\n      "kind": "prompts",\n      "category": "grounding",\n      "title": "Stop",\n      "summary": "A pause.",\n      "section": {"en": "A section name much too long for its heading", "es": "Tolerancia"},\n      "cautions": [],\n      "source": "Test.",\n      "prompts": {"steps": [{"title": "Stop", "text": "Stop."}]}\n    },\n    {\n      "id": "stop-2",\n      "kind": "prompts",\n      "category": "grounding",\n      "title": "Stop again",\n      "summary": "A pause.",\n      "section": 3,\n      "cautions": [],\n      "source": "Test.",\n      "prompts": {"steps": [{"title": "Stop", "text": "Stop."}]}\n    },\n    {\n      "id": "stop-3",\n      "kind": "prompts",\n      "category": "grounding",\n      "title": "Stop once more",\n      "summary": "A pause.",\n      "section": {"en": "Distress tolerance"},\n      "cautions": [],\n      "source": "Test.",\n      "prompts": {"steps": [{"title": "Stop", "text": "Stop."}]}\n    }\n  ]\n}\n'})
