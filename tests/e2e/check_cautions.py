#!/usr/bin/env python3
"""Every exercise's cautions reach the screen before it starts (docs/automation.md,
"Before you begin").

- home, present and kiosk: choosing a card shows `cautions` (exercise, count, language)
  before the exercise's first `phase` or `step`; Start goes on, Back returns;
- home: "Don't show this again" is kept in settings.json and honoured the next time;
  the cautions stay under Help inside the exercise (safety-cautions), which pauses it
  and Continue resumes it;
- kiosk: shown every time, whatever a settings file says; Start only after 5 s;
- `play --exercise` shows them and presses Start (both traced) before the first phase;
- `list --json` carries them; `render --cautions` draws them in en, es, de and ar at
  100% and 200% text (every built-in exercise in English, the longest in all four):
  the panel of text and the way on (Start or Next) are on the screen, inside it.
"""
import json
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(__file__))
import pngread  # noqa: E402

EXE = sys.argv[1]
FAILS = []


def check(ok, what):
    if not ok:
        FAILS.append(what)
        print("FAIL:", what)


def play(tmp, name, lines, args, env):
    script = os.path.join(tmp, name + ".jsonl")
    trace = os.path.join(tmp, name + ".trace")
    with open(script, "w", encoding="utf-8") as f:
        f.write("\n".join(json.dumps(l) for l in lines) + "\n")
    p = subprocess.run([EXE, "play", "--no-draw", "--script", script, "--trace", trace] + args, env=env,
                       capture_output=True, text=True, timeout=300)
    ev = [json.loads(l) for l in open(trace, encoding="utf-8") if l.strip()]
    return p, ev


def first(ev, **want):
    for i, e in enumerate(ev):
        if all(e.get(k) == v for k, v in want.items()):
            return i
    return None


def cautions_before_start(ev, ex_id, mode):
    c = first(ev, event="cautions", exercise=ex_id)
    s = first(ev, event="exercise_start", id=ex_id)
    motion = [i for i, e in enumerate(ev) if e["event"] in ("phase", "step") and e.get("exercise") == ex_id]
    check(c is not None, f"{mode}: no cautions shown for {ex_id}")
    check(s is not None, f"{mode}: {ex_id} did not start after its cautions")
    if c is not None and s is not None:
        check(c < s and (not motion or c < motion[0]), f"{mode}: cautions of {ex_id} after it started")
        check(ev[c]["count"] > 0 and ev[c]["lang"], f"{mode}: cautions event without count or language: {ev[c]}")


def main():
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, XDG_CONFIG_HOME=os.path.join(tmp, "config"), XDG_DATA_HOME=os.path.join(tmp, "data"))
        listed = json.loads(subprocess.run([EXE, "list", "--json"], env=env, capture_output=True, text=True,
                                           check=True).stdout)
        core = [e for e in listed if e["pack"] == "core"]
        check(core and all(e.get("cautions") for e in core),
              "list --json: a built-in exercise without cautions: %s" % [e["id"] for e in core if not e.get("cautions")])
        es = json.loads(subprocess.run([EXE, "list", "--json", "--lang", "es"], env=env, capture_output=True,
                                       text=True, check=True).stdout)
        check(es[0]["cautions"] != core[0]["cautions"], "list --json --lang es: the cautions are not in Spanish")

        # home: card -> cautions -> Start -> the exercise; Help -> cautions -> Continue
        p, ev = play(tmp, "home", [
            {"at": 0.5, "press": "exercise:box-breathing"},
            {"at": 1.0, "press": "cautions-start"},
            {"at": 5.0, "press": "safety"},
            {"at": 6.0, "press": "safety-cautions"},
            {"at": 9.0, "press": "cautions-continue"},
            {"at": 10.0, "press": "back"},
            {"at": 10.5, "end": True}], [], env)
        check(p.returncode == 0, "home run: " + p.stderr)
        cautions_before_start(ev, "box-breathing", "home")
        review = [e for e in ev if e["event"] == "cautions" and e.get("review")]
        check(len(review) == 1 and review[0]["t"] == 6.0, "home: Help shows the cautions again: %s" % review)
        check(first(ev, event="pause", exercise="box-breathing") is not None and
              first(ev, event="resume", exercise="box-breathing") is not None and
              ev[first(ev, event="resume")]["t"] == 9.0, "home: the review pauses and Continue resumes")
        check(not [e for e in ev if e["event"] == "error"], "home: errors %s" % [e for e in ev if e["event"] == "error"])

        # home: Back from the cautions returns to the library; nothing starts
        p, ev = play(tmp, "back", [{"at": 0.5, "press": "exercise:pmr-16"}, {"at": 1, "press": "back"},
                                   {"at": 1.5, "end": True}], [], env)
        check(first(ev, event="cautions", exercise="pmr-16") is not None and
              first(ev, event="exercise_start") is None and ev[-2].get("name") == "library",
              "home: Back from the cautions starts nothing: %s" % ev[-3:])

        # home: "Don't show again" is kept and honoured
        p, ev = play(tmp, "hide", [
            {"at": 0.5, "press": "exercise:resonance-breathing"},
            {"at": 1.0, "press": "cautions-hide"},
            {"at": 1.5, "press": "cautions-start"},
            {"at": 3.0, "press": "back"},
            {"at": 3.5, "press": "exercise:resonance-breathing"},
            {"at": 4.0, "press": "back"},
            {"at": 4.5, "press": "exercise:box-breathing"},
            {"at": 5.0, "end": True}], [], env)
        shown = [e["exercise"] for e in ev if e["event"] == "cautions"]
        check(shown == ["resonance-breathing", "box-breathing"], "home: don't show again: cautions shown %s" % shown)
        starts = [e["id"] for e in ev if e["event"] == "exercise_start"]
        check(starts == ["resonance-breathing", "resonance-breathing"], "home: starts %s" % starts)
        st = json.load(open(os.path.join(tmp, "config", "groundwork", "settings.json"), encoding="utf-8"))
        check(st.get("cautions_hidden") == ["resonance-breathing"], "settings.json cautions_hidden: %s" % st)
        # ...and Help inside the exercise still has them
        p, ev = play(tmp, "hidden_help", [
            {"at": 0.5, "press": "exercise:resonance-breathing"},
            {"at": 2.0, "press": "safety"},
            {"at": 2.5, "press": "safety-cautions"},
            {"at": 3.0, "end": True}], [], env)
        check(first(ev, event="cautions", exercise="resonance-breathing", review=True) is not None,
              "home: hidden cautions are still under Help: %s" % [e for e in ev if e["event"] in ("press", "error")])

        # present: shown on the client's screen; the panel's Start starts it
        p, ev = play(tmp, "present", [
            {"at": 0.5, "press": "exercise:pmr-4"},
            {"at": 1.0, "press": "cautions-start"},
            {"at": 60, "end": True}], ["--mode", "present"], env)
        cautions_before_start(ev, "pmr-4", "present")

        # kiosk: every time, even with a settings file that hides them; Start after 5 s
        cfg = os.path.join(tmp, "kiosk.json")
        with open(cfg, "w") as f:
            json.dump({"exercises": ["box-breathing", "grounding-54321"]}, f)
        lines = [{"at": 1, "press": "begin"}, {"at": 2, "press": "exercise:box-breathing"},
                 {"at": 3, "press": "cautions-start"}, {"at": 7.1, "press": "cautions-start"},
                 {"at": 40, "press": "back"}, {"at": 41, "press": "begin"},
                 {"at": 42, "press": "exercise:box-breathing"}, {"at": 47.1, "press": "cautions-start"},
                 {"at": 50, "end": True}]
        p, ev = play(tmp, "kiosk", lines, ["--mode", "kiosk", "--config", cfg], env)
        cautions_before_start(ev, "box-breathing", "kiosk")
        check(len([e for e in ev if e["event"] == "cautions"]) == 2 and
              len([e for e in ev if e["event"] == "exercise_start"]) == 2,
              "kiosk: cautions every time, whatever the settings say")
        early = [e for e in ev if e["event"] == "error" and "cautions-start" in e.get("message", "")]
        check(len(early) == 1 and early[0]["t"] == 3, "kiosk: Start before 5 s is refused: %s" % early)

        # play --exercise: cautions and Start traced, before the first phase, in every mode
        for mode in ("home", "present", "kiosk"):
            trace = os.path.join(tmp, "ex-%s.trace" % mode)
            subprocess.run([EXE, "play", "--no-draw", "--mode", mode, "--exercise", "breathing-4-7-8", "--trace",
                            trace, "--config", cfg], env=env, check=True, capture_output=True, timeout=300)
            ev = [json.loads(l) for l in open(trace, encoding="utf-8")]
            cautions_before_start(ev, "breathing-4-7-8", "play --exercise (%s)" % mode)
            i = first(ev, event="press", widget="cautions-start")
            check(i is not None and i < first(ev, event="exercise_start"), "%s: Start is traced" % mode)

        # renders: every built-in exercise in English; the longest cautions (4-7-8, PMR)
        # and a few others in four languages at two text sizes
        bad = []
        some = [e for e in core if e["id"] in ("breathing-4-7-8", "pmr-16", "grounding-54321", "box-breathing")]
        for lang in ("en", "es", "de", "ar"):
            for size in ("100", "200"):
                for e in (core if (lang, size) == ("en", "100") else some):
                    out = os.path.join(tmp, "c-%s-%s-%s.png" % (e["id"], lang, size))
                    r = subprocess.run([EXE, "render", "--exercise", e["id"], "--cautions", "--at", "6", "--lang",
                                        lang, "--text-size", size, "--size", "1280x720", "--out", out], env=env,
                                       capture_output=True, text=True, timeout=60)
                    if r.returncode != 0:
                        bad.append((e["id"], lang, size, r.stderr.strip()))
                        continue
                    w, h, px = pngread.read(out)
                    # the way on: a light accent button in the lower half (left in Arabic)
                    xs = range(0, w // 3) if lang == "ar" else range(w - w // 3, w)
                    accent = sum(1 for x in xs for y in range(h // 2, h - 10, 4)
                                 if px(x, y)[1] > 170 and px(x, y)[0] < 170)
                    # text on the panel: light pixels between the title and the foot
                    text = sum(1 for x in range(150, w - 150, 3) for y in range(140, h - 140, 3)
                               if min(px(x, y)[:3]) > 200)
                    if accent < 50 or text < 100:
                        bad.append((e["id"], lang, size, "accent %d text %d" % (accent, text)))
        check(not bad, "cautions renders: %s" % bad[:6])
        # an exercise without cautions says so
        r = subprocess.run([EXE, "render", "--exercise", "nope", "--cautions", "--out", os.path.join(tmp, "x.png")],
                           env=env, capture_output=True, text=True)
        check(r.returncode == 1 and "nope" in r.stderr, "render --cautions of no exercise: " + r.stderr)
    if FAILS:
        sys.exit("%d failures" % len(FAILS))
    print("ok")


main()
