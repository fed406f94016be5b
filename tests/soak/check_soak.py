#!/usr/bin/env python3
"""Soak: hours of virtual time in kiosk or home mode under `play`, driven by a generated
script of varied input (seeded, so every run gets the same script), with the live heap
sampled every virtual hour (`play --heap-every 3600`). Fails when the program exits
badly, a sanitizer or LeakSanitizer reports anything, the trace has an `error` event,
the visitors or the person did less than planned, or the heap after the warm-up hour
grows by more than the bound.

  check_soak.py GROUNDWORK SOURCE-DIR --mode kiosk|home [--hours H] [--seed N]
                [--draw-every N] [--bound-kib K] [--keep DIR]

--keep DIR writes the script, kiosk settings, trace and stderr there to reproduce a run:
  groundwork play --mode kiosk --config DIR/kiosk.json --script DIR/soak.jsonl \\
      --trace DIR/trace.jsonl --heap-every 3600 --draw-every 30
(home: XDG_CONFIG_HOME and XDG_DATA_HOME pointed at empty folders, `--checkins --welcome`)."""
import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import time

HOUR = 3600.0


class Script:
    """Timed actions; kept sorted by time (actions at the same time in the order given)."""

    def __init__(self):
        self.lines = []

    def add(self, at, **action):
        self.lines.append((round(at, 3), len(self.lines), action))

    def text(self):
        out = []
        for at, _, action in sorted(self.lines):
            d = {"at": at}
            d.update(action)
            out.append(json.dumps(d, ensure_ascii=False))
        return "\n".join(out) + "\n"


def exercises(exe, src, env):
    """id -> (kind, length in seconds, number of prompt steps) from `groundwork list --json`."""
    out = subprocess.run([exe, "list", "--json"], env=env, capture_output=True, text=True, check=True).stdout
    ex = {}
    for e in json.loads(out):
        steps = 0
        f = os.path.join(src, "content", "core", "exercises", e["id"] + ".json")
        if e["kind"] == "prompts" and os.path.exists(f):
            steps = len(json.load(open(f, encoding="utf-8"))["prompts"]["steps"])
        ex[e["id"]] = (e["kind"], float(e["length"]), steps)
    return ex


# ---- what one visitor or one sitting does with an exercise ---------------------------------

PACER_KEYS = ["S", "M", "V"]           # style, mute, spoken words: the length stays as it is
PACER_LENGTH_KEYS = ["Up", "Down"]     # every phase longer or shorter
GUIDED_KEYS = ["Right", "Left", "R"]   # next, previous step, restart
PROMPT_KEYS = ["Space", "Return", "Left", "H"]


def exercise_input(r, sc, ex_id, ex, start, kiosk, ending):
    """Input for an exercise that began at `start`. Returns (last input time, latest time the
    exercise can still be running without further input; None when it waits for input)."""
    kind, length, steps = ex[ex_id]
    if kind == "resonance":
        # no heart-rate strap in a soak: the assessment shows what it needs and waits; the
        # person reads it (sometimes the help overlay too) and goes back
        t = start + r.uniform(2, 10)
        if r.random() < 0.3:
            sc.add(t, press="safety")
            sc.add(t + 2, press="safety-close")
            t += 3
        sc.add(t, **({"button": "b"} if kiosk else {"key": "Escape"}))
        return t, None
    t = start + r.uniform(1.5, 4)
    timed = kind != "prompts" or length > 0
    stretch = 0.0   # time added by pauses
    free = ending != "complete"  # length-changing input only when the ending does not count on it
    horizon = start + (min(length, 150) if timed and length > 0 else 150) - 8
    n = r.randint(1, 6)
    for _ in range(n):
        if t >= horizon:
            break
        if kind == "breathing":
            c = r.random()
            if c < 0.25:  # pause, then resume
                d = r.uniform(2, 20)
                sc.add(t, key="Space")
                sc.add(t + d, key="P")
                stretch += d
                t += d
            elif c < 0.4 and free:
                sc.add(t, key=r.choice(PACER_LENGTH_KEYS))
            elif c < 0.5 and not kiosk:
                sc.add(t, key=r.choice(["Left", "Right"]) if free else "S")
            else:
                sc.add(t, key=r.choice(PACER_KEYS))
        elif kind == "guided":
            c = r.random()
            if c < 0.3:
                d = r.uniform(2, 15)
                sc.add(t, key="Space")
                sc.add(t + d, key="Space")
                stretch += d
                t += d
            elif free:
                sc.add(t, key=r.choice(GUIDED_KEYS))
            elif r.random() < 0.5:
                sc.add(t, key="Right")
            else:  # a short pause
                sc.add(t, key="Space")
                sc.add(t + 1, key="Space")
                stretch += 1
                t += 1
        else:
            if ending == "complete":
                break  # counted Returns below
            sc.add(t, key=r.choice(PROMPT_KEYS))
        if r.random() < 0.12 and (timed or ending != "complete"):
            # the help overlay over the exercise (it pauses a timed one)
            sc.add(t + 0.5, press="safety")
            d = r.uniform(2, 8)
            sc.add(t + 0.5 + d, press="safety-close")
            stretch += d + 0.5
            t += d + 0.5
        t += r.uniform(2, 12)
    if kind == "prompts" and ending == "complete":
        if not kiosk and r.random() < 0.5:
            sc.add(t, press="note")
            sc.add(t + 1, text=r.choice(["the clock ticking", "blue chair", "warm tea", "قهوة", "Grüße"]))
            sc.add(t + 2, key="Return")
            t += 3
        for _ in range(steps + 1):  # each step, then the closing screen
            sc.add(t, key="Return")
            t += r.uniform(1, 6)
        return t, None
    if ending == "abandon":
        sc.add(t, **({"button": "b"} if kiosk else {"key": "Escape"}))
        return t, None
    if ending == "complete" and timed:
        end = start + length + stretch
        sc.add(end + 3, key="Return")  # the closing screen: finish
        return end + 3, end + 3
    # walk away: nothing more; a timed exercise runs to its end (longer phases, a restart: at most twice as long)
    return t, (start + length * 2 + stretch + 20) if timed else None


# ---- kiosk -----------------------------------------------------------------------------------

KIOSK_OFFER = ["box-breathing", "breathing-4-7-8", "extended-exhale", "physiological-sigh", "pmr-release-only",
               "grounding-54321", "grounding-333", "grounding-mental"]
KIOSK_LANGS = ["en", "es", "de", "ar"]
KIOSK_IDLE = 45
WRONG_PINS = ["1357", "0000", "97531", "2469"]
BLOCKED = [("Escape", []), ("Escape", ["shift"]), ("Q", ["ctrl"]), ("W", ["ctrl"]), ("F4", ["alt"]), ("Tab", ["alt"])]


SIZES = [(1024, 768), (1920, 1080), (800, 600)]  # besides 1280x720, where every hour ends


def kiosk_script(r, hours, ex):
    sc = Script()
    plan = {"sessions": 0, "exercises": 0, "complete": 0}
    open_from, open_to = 0.5 * HOUR, 13.5 * HOUR  # 08:00 to 21:00 from a 07:30 start
    # the first hour (the warm-up) meets every exercise, every language, every window size,
    # a voice clip played through to its end and the admin keypad refusing a PIN
    warm = [(e, "complete" if ex[e][0] == "prompts" or ex[e][1] < 100 else "abandon") for e in KIOSK_OFFER]
    warm.insert(3, ("admin", "wrong"))
    warm.insert(5, ("pmr-release-only", "walk"))
    for h in range(hours):
        t = h * HOUR + r.uniform(5, 60)
        day_t = h % 24
        while True:
            force, size = None, None
            if warm:
                force = warm[0]
                size = SIZES[len(warm) % (len(SIZES) + 1)] if len(warm) % (len(SIZES) + 1) < len(SIZES) else None
                # "Touch to begin" shows language i from 4 s * i in every 16 s
                t = (t // 16 + 1) * 16 + 4 * (len(warm) % len(KIOSK_LANGS)) + 1
            elif r.random() < 0.06:
                size = r.choice(SIZES)
            is_open = open_from <= (day_t * HOUR + (t - h * HOUR)) < open_to
            # plan the session in a scratch script; keep it only if it ends before the hour does
            s = Script()
            rs = random.Random(r.random())
            if size:
                s.add(t - 1, resize=list(size))
            last, free_at, what = kiosk_session(rs, s, t, ex, force)
            if size:
                s.add(free_at + 1, resize=[1280, 720])
                free_at += 2
            if free_at > (h + 1) * HOUR - 90:
                break
            if warm:
                warm.pop(0)
            sc.lines += [(at, len(sc.lines) + i, a) for i, (at, _, a) in enumerate(s.lines)]
            plan["sessions"] += 1
            plan["exercises"] += what in ("exercise", "complete")
            plan["complete"] += what == "complete"
            gap = r.uniform(5, 240) if is_open else r.uniform(600, 1800)
            t = free_at + gap
            if r.random() < 0.05:  # now and then, something outside the visitors' control
                quiet = t > (h + 1) * HOUR - 90  # (never in the hour's last 90 s)
                if r.random() < 0.5:
                    if not quiet:
                        sc.add(t - 3, audio_device="removed")
                        sc.add(t - 1, audio_device="added")
                else:
                    k, m = r.choice(BLOCKED)
                    if not quiet:
                        sc.add(t - 2, key=k, mod=m)
    sc.add(hours * HOUR + 1, end=True)  # after the last hour's heap sample
    return sc, plan


def kiosk_session(r, sc, t, ex, force=None):
    """One visitor from the attract screen at t. Returns (last input, when the attract screen
    is back for sure, what happened). force: (exercise id or "admin", ending) for the warm-up."""
    # a touch beside the cards, on the breathing figure's side (the cards themselves
    # open their exercise's cautions): the first language is left to right
    x, y = r.uniform(0.06, 0.40), r.uniform(0.3, 0.7)
    c = r.random() if not force else 1.0 if force[0] != "admin" else 0.0
    if c < 0.04:
        # the administrator's corner or the key chord, a wrong PIN, then Cancel
        if r.random() < 0.5:
            sc.add(t, down=[0.01, 0.01])
            sc.add(t + 5.5, up=[0.01, 0.01])
            t += 6.5
        else:
            sc.add(t, key="K", mod=["ctrl", "alt", "shift"])
            t += 1
        if r.random() < 0.5 or force:
            for d in r.choice(WRONG_PINS):
                sc.add(t, press="pin:" + d)
                t += 0.4
            sc.add(t, press="pin-back")
            sc.add(t + 0.4, press="pin:" + r.choice("0123456789"))
            sc.add(t + 0.8, press="pin-ok")
            t += 2
        sc.add(t, press="pin-cancel")
        return t, t + 2, "admin"
    sc.add(t, tap=[x, y])  # touch to begin, in the language shown at that moment
    t += r.uniform(1, 4)
    if c < 0.12:
        # looks at the list and goes, or walks away
        for _ in range(r.randint(0, 3)):
            sc.add(t, key=r.choice(["Down", "Right", "Up", "Left"]))
            t += r.uniform(0.5, 2)
        if r.random() < 0.5:
            sc.add(t, press="back")
            return t, t + 2, "look"
        return t, t + KIOSK_IDLE + 5, "look"
    ex_id = force[0] if force else r.choice(KIOSK_OFFER)
    if r.random() < 0.15:
        k, m = r.choice(BLOCKED)
        sc.add(t, key=k, mod=m)
        sc.add(t + 0.3, quit=True)
        t += 0.6
    sc.add(t, choose="exercise:" + ex_id)  # the cards may be on pages
    t += 5.5  # the cautions are read before Start is offered
    sc.add(t, choose="cautions-start")
    t += 0.5
    ending = force[1] if force else r.choices(["complete", "abandon", "walk"], [0.4, 0.35, 0.25])[0]
    last, running = exercise_input(r, sc, ex_id, ex, t, True, ending)
    free_at = max(last + KIOSK_IDLE, (running or 0) + 10) + 5
    return last, free_at, "complete" if ending == "complete" else "exercise"


# ---- home --------------------------------------------------------------------------------------

HOME_SETTINGS = ["theme:calm", "theme:light", "theme:contrast", "text-size:up", "text-size:down", "reduced-motion",
                 "language:auto", "language:en", "language:es", "language:de", "language:ar", "pacer:orb",
                 "pacer:box", "pacer:wave", "volume:cues:down", "volume:cues:up", "volume:voice:down", "volume:voice:up",
                 "volume:ambience:down", "volume:ambience:up", "checkins"]


def home_script(r, hours, ex):
    sc = Script()
    plan = {"sessions": 0, "exercises": 0, "complete": 0, "settings": 0, "deleted": 0}
    st = {"checkins": True}
    ids = sorted(ex)
    sc.add(0.5, press="welcome-continue")
    # the first hour (the warm-up) meets every language, theme, text size and window size, and
    # each kind of exercise, the progress screen and the help overlay
    warm = [("settings",), ("exercise", "box-breathing", "complete", SIZES[0]),
            ("exercise", "grounding-54321", "complete", SIZES[1]), ("exercise", "pmr-4", "abandon", SIZES[2]),
            ("exercise", "grounding-mental", "abandon", None), ("progress",), ("safety",)]
    for h in range(hours):
        t = h * HOUR + (2 if h == 0 else r.uniform(5, 60))
        while True:
            s = Script()
            rs = random.Random(r.random())
            saved = {k: set(v) if isinstance(v, set) else v for k, v in st.items()}  # a discarded session's
            # "don't show again" must not stay in the hidden set: a shallow copy kept it
            if warm and warm[0][0] == "settings":
                end, what = home_all_settings(s, t, st), "settings"
            else:
                end, what = home_sitting(rs, s, t, ex, ids, st, h, warm[0] if warm else None)
            if end > (h + 1) * HOUR - 90:
                st.clear()
                st.update(saved)
                break
            if warm:
                warm.pop(0)
            sc.lines += [(at, len(sc.lines) + i, a) for i, (at, _, a) in enumerate(s.lines)]
            plan["sessions"] += 1
            plan["exercises"] += what in ("exercise", "complete")
            plan["complete"] += what == "complete"
            plan["settings"] += what == "settings"
            plan["deleted"] += what == "deleted"
            t = end + r.uniform(5, 180)
    sc.add(hours * HOUR + 1, end=True)
    return sc, plan


def home_all_settings(sc, t, st):
    sc.add(t, press="settings")
    t += 1
    # (at 200% the settings run onto pages: each control is chosen, turning pages as needed)
    for w in ["language:es", "theme:light", "pacer:box", "reduced-motion", "text-size:up", "text-size:up",
              "language:de", "theme:contrast", "text-size:up", "text-size:up", "language:ar", "text-size:down",
              "text-size:down", "text-size:down", "text-size:down", "reduced-motion", "pacer:orb", "theme:calm",
              "language:en"]:
        sc.add(t, choose=w)
        t += 1
    return home_hr_page(sc, t) + 1


def home_hr_page(sc, t):
    """The heart-rate sensor's page opened from the settings and left: no Bluetooth in a soak,
    so it only says why (no Look for sensors to press); its Back returns to the settings,
    then Back to the library. Returns when back in the library."""
    sc.add(t, choose="hr-sensor")
    sc.add(t + 2, press="back")
    sc.add(t + 3, press="back")
    return t + 3


def home_sitting(r, sc, t, ex, ids, st, hour, force=None):
    """One thing the person does from the library at t. Returns (back in the library for sure,
    what). force: what to do instead of a random choice (the warm-up)."""
    c = r.random() if not force else {"progress": 0.15, "safety": 0.3, "exercise": 1.0}[force[0]]
    size = force[3] if force and len(force) > 3 else r.choice(SIZES) if r.random() < 0.05 else None
    if size:
        sc.add(t, resize=list(size))
        t += 1
    end, what = home_sitting_at(r, sc, t, ex, ids, st, hour, c, force)
    if size:
        sc.add(end, resize=[1280, 720])
        end += 1
    return end, what


def home_sitting_at(r, sc, t, ex, ids, st, hour, c, force):
    if c < 0.12:
        sc.add(t, press="settings")
        t += r.uniform(1, 3)
        for _ in range(r.randint(1, 5)):
            w = r.choice(HOME_SETTINGS)
            sc.add(t, choose=w)  # at larger text sizes and small windows the settings run onto pages
            if w == "checkins":
                st["checkins"] = not st["checkins"]
            t += r.uniform(0.5, 3)
        what = "settings"
        if r.random() < 0.15:
            # (below the practice log's path, whose length depends on where the tests run)
            sc.add(t, choose="delete-data")
            confirm = hour % 2 == 1 and r.random() < 0.7
            sc.add(t + 2, press="delete-confirm" if confirm else "delete-cancel")
            if confirm:
                st["hidden"] = set()  # the cautions come back with the rest deleted
            t += 3
            what = "deleted" if confirm else what
        elif r.random() < 0.1:
            return home_hr_page(sc, t) + 1, what
        sc.add(t, press="back")
        return t + 1, what
    if c < 0.2:
        sc.add(t, press="progress")
        t += r.uniform(2, 10)
        sc.add(t, press="back")
        return t + 1, "progress"
    if c < 0.28:
        for _ in range(r.randint(1, 3)):
            sc.add(t, choose="favourite:" + r.choice(ids))  # the cards may be on pages
            t += r.uniform(0.5, 2)
        return t, "favourites"
    if c < 0.32:
        sc.add(t, press="safety")
        sc.add(t + r.uniform(2, 10), press="safety-close")
        return t + 11, "safety"
    if c < 0.36:
        for _ in range(r.randint(1, 6)):  # moving around the library with keys (no Enter)
            sc.add(t, key=r.choice(["Down", "Up", "Left", "Right", "Tab", "F"]))
            t += r.uniform(0.3, 1.5)
        return t, "keys"
    if c < 0.4:
        sc.add(t + 1, audio_device="removed")
        sc.add(t + 4, audio_device="added")
        return t + 5, "audio"
    ex_id = force[1] if force else r.choice(ids)
    sc.add(t, choose="exercise:" + ex_id)  # the cards may be on pages
    t += r.uniform(1, 4)
    hidden = st.setdefault("hidden", set())
    if ex_id not in hidden:
        # "Before you begin": now and then "don't show again", then Start (on its last page)
        if r.random() < 0.08:
            sc.add(t, press="cautions-hide")
            hidden.add(ex_id)
            t += 0.5
        sc.add(t, choose="cautions-start")
        t += r.uniform(0.5, 2)
    if st["checkins"]:
        # before: a rating (digit key) or skipped (Escape); it starts the exercise
        sc.add(t, key=r.choice(["Escape"] + list("0123456789")))
        t += 0.5
    ending = force[2] if force else r.choices(["complete", "abandon"], [0.45, 0.55])[0]
    kind, length, _ = ex[ex_id]
    if ending == "complete" and kind != "prompts" and length > 800:
        ending = "abandon"  # the long relaxations are left part-way
    last, running = exercise_input(r, sc, ex_id, ex, t, False, ending)
    t = max(last, running or 0) + 2
    if st["checkins"]:
        sc.add(t, key=r.choice(["Escape"] + list("0123456789")))  # after
        t += 1
    # whatever screen it ended on, Escape goes back to the library (and does nothing there)
    for _ in range(4):
        sc.add(t, key="Escape")
        t += 0.7
    return t + 1, "complete" if ending == "complete" else "exercise"


# ---- run and check -----------------------------------------------------------------------------


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("exe")
    ap.add_argument("src")
    ap.add_argument("--mode", choices=["kiosk", "home"], required=True)
    ap.add_argument("--hours", type=int, default=24)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--draw-every", type=int, default=0, help="0: --no-draw")
    ap.add_argument("--bound-kib", type=int, default=256)
    ap.add_argument("--warmup-hours", type=int, default=1, help="the heap sample compared with the last hours")
    ap.add_argument("--keep")
    o = ap.parse_args()
    exe = os.path.abspath(o.exe)
    failures = []

    def check(cond, what):
        if not cond:
            failures.append(what)
            print("FAIL:", what)

    # a fixed folder name (under the working folder): the settings screen shows where the
    # practice log is, so a random name would change what is drawn from run to run
    tmp = os.path.abspath("soak-%s-%dh-seed%d" % (o.mode, o.hours, o.seed))
    shutil.rmtree(tmp, ignore_errors=True)
    os.makedirs(tmp)
    try:
        env = dict(os.environ)
        env["XDG_CONFIG_HOME"] = os.path.join(tmp, "config")
        env["XDG_DATA_HOME"] = os.path.join(tmp, "data")
        ex = exercises(exe, o.src, env)
        r = random.Random(o.seed)
        args = [exe, "play", "--mode", o.mode, "--size", "1280x720", "--heap-every", str(int(HOUR))]
        args += ["--draw-every", str(o.draw_every)] if o.draw_every else ["--no-draw"]
        if o.mode == "kiosk":
            cfg = os.path.join(tmp, "kiosk.json")
            with open(cfg, "w") as f:
                json.dump({"exercises": KIOSK_OFFER, "idle_timeout": KIOSK_IDLE, "attract": "extended-exhale",
                           "languages": KIOSK_LANGS, "hours": {"open": "08:00", "close": "21:00", "outside": "dim"},
                           "volume": {"default": 0.5, "max": 0.7}, "stats": True,
                           "stats_path": os.path.join(tmp, "stats.sqlite")}, f)
            p = subprocess.run([exe, "kiosk", "set-pin", "--config", cfg], input="24680\n", env=env,
                               capture_output=True, text=True)
            check(p.returncode == 0, "set-pin: " + p.stderr)
            sc, plan = kiosk_script(r, o.hours, ex)
            args += ["--config", cfg]
        else:
            sc, plan = home_script(r, o.hours, ex)
            args += ["--checkins", "--welcome"]
        script = os.path.join(tmp, "soak.jsonl")
        trace = os.path.join(tmp, "trace.jsonl")
        with open(script, "w", encoding="utf-8") as f:
            f.write(sc.text())
        args += ["--script", script, "--trace", trace]
        errf = os.path.join(tmp, "stderr.txt")
        t0 = time.monotonic()
        with open(errf, "w") as ef:
            p = subprocess.run(args, env=env, stdout=subprocess.DEVNULL, stderr=ef, cwd=tmp, timeout=1500)
        took = time.monotonic() - t0
        err = open(errf, errors="replace").read()
        ev = [json.loads(l) for l in open(trace)] if os.path.exists(trace) else []

        def find(**kw):
            return [e for e in ev if all(e.get(k) == v for k, v in kw.items())]

        check(p.returncode == 0, "play exits 0 (got %d); stderr ends: %s" % (p.returncode, err[-2000:]))
        for bad in ("AddressSanitizer", "LeakSanitizer", "runtime error:"):
            check(bad not in err, "no %s report: %s" % (bad, err[err.find(bad) - 200:][:3000]))
        check(find(event="exit", reason="end") and ev[-1]["t"] >= o.hours * HOUR,
              "the run lasts %d virtual hours" % o.hours)
        check(not find(event="error"), "no error events: %s" % find(event="error")[:5])
        starts, ends = find(event="exercise_start"), find(event="exercise_end")
        done = find(event="exercise_end", completed=True)
        print("%s soak, seed %d, %d h: %d script lines, %d sessions planned (%d with an exercise, %d to finish); "
              "%d exercises started, %d ended, %d completed" % (o.mode, o.seed, o.hours, len(sc.lines),
                                                                plan["sessions"], plan["exercises"],
                                                                plan["complete"], len(starts), len(ends), len(done)))
        check(len(starts) >= 0.9 * plan["exercises"], "most planned exercises start")
        check(len(done) >= 0.6 * plan["complete"], "most planned completions complete")
        check(len(ends) >= len(starts) - 1, "every exercise started ends")
        if o.mode == "kiosk":
            resets = find(event="idle_reset")
            whys = sorted(set(e["why"] for e in resets))
            print("idle resets: %d (%s); PIN refusals: %d; blocked: %d; hours changes: %d" % (
                len(resets), ", ".join(whys), len(find(event="pin", ok=False)), len(find(event="blocked")),
                len(find(event="hours"))))
            check(len(resets) >= plan["sessions"] * 0.9, "a reset after every visitor")
            for why in ("idle", "closing", "done", "cancel") + (("back",) if o.hours >= 6 else ()):
                check(why in whys, "an idle reset because of %s" % why)
            check(len(find(event="hours")) >= (2 if o.hours >= 14 else 1), "opening hours change the screen")
        else:
            print("settings changed: %d; check-ins: %d; notes: %d; data deleted: %d" % (
                len(find(event="setting")), len(find(event="checkin")), len(find(event="note")),
                len(find(event="data_deleted"))))
            check(len(find(event="setting")) >= 20, "settings changed many times")
            check(find(event="checkin"), "check-ins answered")
            check(not find(event="exit", reason="quit"), "the person never quits")
        heap = [e for e in ev if e["event"] == "heap"]
        check(len(heap) == o.hours, "one heap sample per virtual hour (%d)" % len(heap))
        kib = [e["bytes"] / 1024 for e in heap]
        text = [e.get("text_cache", 0) / 1024 for e in heap]
        # the renderer's text cache is bounded on its own (TEXT_CACHE_BYTES); what it holds
        # at a given hour depends on what was shown last, so flatness is judged without it
        rest = [k - c for k, c in zip(kib, text)]
        print("live heap (%s) at each hour, KiB: %s" % (heap[0]["source"] if heap else "?",
                                                      " ".join("%.0f" % k for k in kib)))
        fonts = [e.get("fonts", 0) for e in heap]
        print("fonts open at each hour: %s" % " ".join("%d" % f for f in fonts))
        check(max(fonts) <= 48, "at most 48 fonts open: %d" % max(fonts))
        if o.draw_every:
            print("of which the text cache, KiB: %s" % " ".join("%.0f" % k for k in text))
            check(max(text) <= 24 * 1024, "the text cache stays within 24 MiB: %.0f KiB" % max(text))
        # the warm-up hours see every language, size and screen; the font set (bounded,
        # shared by layouts and drawing) may go on opening sizes met for the first time
        # until it is full, so flatness is judged from the hour its count settles if later
        settled = next((i + 1 for i in range(len(fonts)) if all(f == fonts[-1] for f in fonts[i:])), 0)
        warm = max(o.warmup_hours, settled)
        if len(rest) >= o.warmup_hours + 3:
            check(len(rest) >= warm + 3, "the fonts open settle 3 hours before the end (at hour %d of %d)" % (
                settled, len(rest)))
        if len(rest) >= warm + 3:
            # a sample is one moment of one screen (a kiosk's cautions page, a library, a
            # closing screen), so single hours wander by several hundred KiB either way; a
            # leak moves the middle of the samples: the median of the last 3 hours against
            # the median of the 3 hours after the warm-up
            base = sorted(rest[warm - 1:warm + 2])[1]
            tail = rest[-3:]
            grow = sorted(tail)[1] - base
            print("heap%s: hours %d-%d median %.0f KiB, the last 3 hours' median %+.0f KiB (bound %d; hour %d %.0f "
                  "KiB)%s" % (" without the text cache" if o.draw_every else "", warm, warm + 2, base, grow,
                              o.bound_kib, len(rest), rest[-1],
                              " (fonts settled at hour %d)" % settled if warm > o.warmup_hours else ""))
            check(grow <= o.bound_kib, "the heap stays flat after hour %d: %+.0f KiB > %d KiB" % (
                warm, grow, o.bound_kib))
        print("run took %.1f s (not checked)" % took)
        if o.keep:
            os.makedirs(o.keep, exist_ok=True)
            for n in ("soak.jsonl", "trace.jsonl", "stderr.txt", "kiosk.json"):
                if os.path.exists(os.path.join(tmp, n)):
                    shutil.copy(os.path.join(tmp, n), o.keep)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print("ok" if not failures else "%d failures" % len(failures))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
