#!/usr/bin/env python3
"""Kiosk mode end to end: the admin exit with the right PIN and not a wrong one (rate
limited), a bad settings file (located error, defaults, keeps running), idle reset,
anonymous counters and `kiosk stats`, a bad pack, and a 24-hour virtual soak.

Usage: check_kiosk.py GROUNDWORK SOURCE-DIR [--sanitized]"""
import json
import os
import subprocess
import sys
import tempfile

EXE, SRC = sys.argv[1], sys.argv[2]
SANITIZED = "--sanitized" in sys.argv
failures = []


def check(cond, what):
    if not cond:
        failures.append(what)
        print("FAIL:", what)


def play(tmp, script_lines, args, name="s"):
    sp = os.path.join(tmp, name + ".jsonl")
    tr = os.path.join(tmp, name + ".trace")
    with open(sp, "w") as f:
        for l in script_lines:
            f.write(json.dumps(l) + "\n")
    err = os.path.join(tmp, name + ".err")
    with open(err, "w") as ef:
        child = subprocess.Popen([EXE, "play", "--mode", "kiosk", "--no-draw", "--script", sp, "--trace", tr] + args,
                                 cwd=tmp, stdout=subprocess.DEVNULL, stderr=ef)
        _, status, usage = os.wait4(child.pid, 0)
    p = subprocess.CompletedProcess(child.args, os.waitstatus_to_exitcode(status), "", open(err).read())
    p.maxrss = usage.ru_maxrss  # KiB, this run alone
    events = [json.loads(l) for l in open(tr) if l.strip()] if os.path.exists(tr) else []
    return p, events


def find(events, **kw):
    return [e for e in events if all(e.get(k) == v for k, v in kw.items())]


def pin(at, digits, ok=True):
    lines = [{"at": at + i * 0.5, "press": "pin:" + d} for i, d in enumerate(digits)]
    lines.append({"at": at + len(digits) * 0.5, "press": "pin-ok"})
    return lines


with tempfile.TemporaryDirectory() as tmp:
    cfg = os.path.join(tmp, "kiosk.json")
    stats_db = os.path.join(tmp, "stats", "k.sqlite")
    with open(cfg, "w") as f:
        json.dump({"exercises": ["grounding-54321", "breathing-4-7-8"], "idle_timeout": 30,
                   "languages": ["en", "fr"], "stats": True, "stats_path": stats_db}, f)
    # set-pin reads the PIN from stdin and keeps the other settings
    p = subprocess.run([EXE, "kiosk", "set-pin", "--config", cfg], input="2468\n", capture_output=True,
                       text=True)
    check(p.returncode == 0, "set-pin exits 0: " + p.stderr)
    saved = json.load(open(cfg))
    check(saved.get("admin_pin", "").startswith("$argon2") and "2468" not in json.dumps(saved),
          "set-pin stores a salted hash, not the PIN")
    check(saved.get("idle_timeout") == 30 and saved.get("stats") is True, "set-pin keeps the other settings")
    p = subprocess.run([EXE, "kiosk", "set-pin", "--config", cfg], input="12\n", capture_output=True, text=True)
    check(p.returncode == 1 and "4 to 12 digits" in p.stderr, "set-pin refuses a short PIN")
    check(json.load(open(cfg)) == saved, "a refused PIN leaves the file alone")

    # right PIN after the key chord: exit "admin"
    p, ev = play(tmp, [{"at": 1, "key": "K", "mod": ["ctrl", "alt", "shift"]}] + pin(2, "2468") +
                 [{"at": 20, "end": True}], ["--config", cfg], "right")
    check(find(ev, event="admin_gesture", how="keys"), "the key chord opens the keypad")
    check(find(ev, event="pin", ok=True), "the right PIN is accepted")
    check(find(ev, event="exit", reason="admin"), "the right PIN exits with reason admin")

    # wrong PINs: refused, rate limited, the right one refused while locked, then accepted
    lines = [{"at": 1, "down": [0.01, 0.01]}, {"at": 6.5, "up": [0.01, 0.01]}]
    lines += pin(7, "1111") + pin(10, "2222") + pin(13, "3333") + pin(16, "2468")
    lines += [{"at": 30, "key": "K", "mod": ["ctrl", "alt", "shift"]}] + pin(31, "2468")
    lines += [{"at": 75, "end": True}]
    p, ev = play(tmp, lines, ["--config", cfg], "wrong")
    pins = find(ev, event="pin")
    check(find(ev, event="admin_gesture", how="corner"), "holding the corner opens the keypad")
    check([e.get("why") for e in pins[:4]] == ["wrong", "wrong", "wrong", "locked"],
          "three wrong PINs lock the keypad: %s" % pins)
    check(find(ev, event="exit", reason="end") and not find(ev, event="exit", reason="admin"),
          "wrong PINs do not exit")
    check(find(ev, event="idle_reset"), "the keypad left idle goes back to the attract loop")
    # the lock began at 14.5 s and lasts 30 s: the attempt at 33 s is refused unchecked
    check(len(pins) == 5 and pins[4].get("why") == "locked", "still locked at 33 s: %s" % pins[4:])
    lines2 = [{"at": 1, "key": "K", "mod": ["ctrl", "alt", "shift"]}] + pin(2, "9999")
    p, ev = play(tmp, lines2 + [{"at": 9, "end": True}], ["--config", cfg], "wrong2")
    check(find(ev, event="pin", ok=False, why="wrong") and find(ev, event="exit", reason="end"),
          "one wrong PIN: refused, still running")

    # idle reset clears state; counters count starts and completions per day
    # (each card's cautions are shown first; Start is offered after 5 s)
    lines = [{"at": 1, "tap": [0.5, 0.5]}, {"at": 2, "press": "exercise:grounding-54321"},
             {"at": 7.5, "press": "cautions-start"}, {"at": 8, "press": "next"},
             {"at": 40, "tap": [0.5, 0.5]}, {"at": 41, "press": "exercise:breathing-4-7-8"},
             {"at": 46.5, "press": "cautions-start"},
             {"at": 200, "end": True}]
    p, ev = play(tmp, lines, ["--config", cfg], "idle")
    resets = find(ev, event="idle_reset")
    check(len(resets) >= 2, "idle resets happen: %s" % resets)
    check(resets and resets[0]["why"] == "idle" and abs(resets[0]["t"] - 38) < 0.1,
          "the first reset comes 30 s after the last input: %s" % resets[:1])
    check(find(ev, event="exercise_end", id="grounding-54321", completed=False), "the reset ends the exercise")
    check(find(ev, event="exercise_end", id="breathing-4-7-8", completed=True), "the breathing exercise completes")
    check(any(e.get("why") == "closing" for e in resets), "the closing screen returns to attract")
    after = [e for e in ev if e["t"] >= resets[0]["t"] and e["event"] == "scene"]
    check(after and after[0]["name"] == "attract", "back to the attract loop")
    p = subprocess.run([EXE, "kiosk", "stats", "--config", cfg], capture_output=True, text=True)
    check(p.returncode == 0 and "2026-01-05" in p.stdout, "kiosk stats prints the day: " + p.stdout + p.stderr)
    row = [l.split() for l in p.stdout.splitlines() if l.startswith("2026-01-05")]
    check(row and row[0][1:] == ["2", "1"], "2 started, 1 completed: %s" % row)

    # a bad settings file: located error, defaults, still running and blocking
    bad = os.path.join(tmp, "bad.json")
    with open(bad, "w") as f:
        f.write('{\n  "idle_timeout": 30,\n  "stats": "yes"\n  "hours": {}\n}\n')
    p, ev = play(tmp, [{"at": 1, "key": "Escape"}, {"at": 2, "end": True}], ["--config", bad], "badcfg")
    check(bad + ":4:3: JSON syntax error" in p.stderr, "a syntax error is located: " + p.stderr)
    check(find(ev, event="kiosk_config", ok=False, idle_timeout=90), "defaults after a syntax error")
    check(find(ev, event="blocked", what="Escape") and find(ev, event="exit", reason="end"), "keeps running")
    with open(bad, "w") as f:
        f.write('{\n  "idle_timeout": 30,\n  "stats": "yes"\n}\n')
    p, ev = play(tmp, [{"at": 2, "end": True}], ["--config", bad], "badtype")
    check(bad + ":3:12: \"stats\" must be true or false" in p.stderr, "a type error is located: " + p.stderr)
    check(find(ev, event="kiosk_config", ok=False, idle_timeout=30), "the good settings still apply")

    # operating hours on the virtual wall clock (starts 07:30): dim until 08:00, then open
    hrs = os.path.join(tmp, "hours.json")
    with open(hrs, "w") as f:
        json.dump({"hours": {"open": "08:00", "close": "18:00", "outside": "dim"}}, f)
    p, ev = play(tmp, [{"at": 2400, "end": True}], ["--config", hrs], "hours")
    h = find(ev, event="hours")
    check([e["state"] for e in h] == ["dim", "open"] and abs(h[1]["t"] - 1800) < 1,
          "dim before opening, open at 08:00: %s" % h)

    # a bad pack is skipped and the rest loads
    badpack = os.path.join(SRC, "tests", "packs", "bad", "01-syntax-missing-comma")
    p, ev = play(tmp, [{"at": 1, "tap": [0.5, 0.5]}, {"at": 2, "press": "exercise:grounding-54321"},
                       {"at": 7.5, "press": "cautions-start"}, {"at": 8, "end": True}],
                 ["--config", cfg, "--pack", badpack], "badpack")
    check(find(ev, event="exercise_start", id="grounding-54321"), "with a bad pack the rest still runs")

    # 24 hours of virtual time: touch, start exercises, leave, idle, repeatedly
    def soak(hours):
        lines, t = [], 1.0
        exercises = ["grounding-54321", "breathing-4-7-8"]
        k = 0
        while t < hours * 3600 - 400:
            lines.append({"at": t, "tap": [0.5, 0.5]})
            lines.append({"at": t + 1, "press": "exercise:" + exercises[k % 2]})
            if k % 11 == 5:  # a visitor who reads the cautions and goes back
                lines.append({"at": t + 3, "press": "back"})
            else:
                lines.append({"at": t + 6.5, "press": "cautions-start"})
            if k % 3 == 0:
                lines.append({"at": t + 8, "press": "back"})
            if k % 7 == 0:
                lines.append({"at": t + 9, "key": "Escape"})
                lines.append({"at": t + 10, "quit": True})
            k += 1
            t += 110 + (k % 5) * 37  # some finish, some idle out, some are left
        lines.append({"at": hours * 3600, "end": True})
        return play(tmp, lines, ["--config", cfg], "soak%d" % hours)

    p, ev = soak(1)
    rss_short = p.maxrss
    check(p.returncode == 0 and find(ev, event="exit", reason="end"), "1-hour soak completes: " + p.stderr[-500:])
    p, ev = soak(24)
    rss_long = p.maxrss
    check(p.returncode == 0 and find(ev, event="exit", reason="end"), "24-hour soak completes: " + p.stderr[-500:])
    check(ev and ev[-1]["t"] >= 24 * 3600, "the soak ran 24 virtual hours")
    check(len(find(ev, event="idle_reset")) > 300, "many idle resets in the soak")
    check(len(find(ev, event="exercise_start")) > 300, "many exercises in the soak")
    # every exercise a visitor starts was preceded by its cautions, every time
    shown = None
    unwarned = []
    for e in ev:
        if e["event"] == "cautions":
            shown = e["exercise"]
        elif e["event"] == "exercise_start":
            if shown != e["id"]:
                unwarned.append(e)
            shown = None
    check(not unwarned, "cautions before every exercise in the soak: %s" % unwarned[:3])
    check(find(ev, event="exercise_end", completed=True), "exercises complete in the soak")
    check(not find(ev, event="error"), "no errors in the soak: %s" % find(ev, event="error")[:3])
    print("max RSS: 1 h %d KiB, 24 h %d KiB" % (rss_short, rss_long))
    if not SANITIZED:
        check(rss_long - rss_short < 8 * 1024, "memory does not grow over 24 h (%d -> %d KiB)" % (rss_short, rss_long))

print("ok" if not failures else "%d failures" % len(failures))
sys.exit(1 if failures else 0)
