#!/usr/bin/env python3
"""A key held down in the live program, on an X server this script starts itself (Xvfb,
whose auto-repeat sends the held key again and again; keys held and let go with
xdotool keydown/keyup):

home   Space held on a breathing exercise pauses it once (its repeats neither resume nor
       pause it again); the focus moved to Pause by Tab, Return held presses it once;
       Up held still lengthens the breath more than once (a key that moves repeats).
kiosk  Space held on the attract screen begins once (the kiosk library, once), and
       after 3 s turns read aloud on (`read_aloud_gesture` how key), as documented.

Checked through the trace; every wait has a generous limit.
usage: check_live_keys.py GROUNDWORK WORK-DIR"""
import os
import shutil
import subprocess
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from xvfb_server import Xvfb  # noqa: E402
from live_trace import events, wait_for as live_wait_for  # noqa: E402

LIMIT = 20.0  # seconds to wait for any one thing


def fail(msg):
    sys.exit("FAIL: " + msg)


def wait_for(path, pred, what):
    return live_wait_for(path, pred, what, LIMIT, fail)


def xdo(env, *args):
    subprocess.run(["xdotool"] + list(args), env=env, check=True, capture_output=True, timeout=LIMIT)


def focus(env, pid):
    """The program's window takes the keyboard (it may take a moment to be mapped)."""
    end = time.monotonic() + LIMIT
    while time.monotonic() < end:
        r = subprocess.run(["xdotool", "search", "--pid", str(pid)], env=env, capture_output=True, text=True)
        wins = r.stdout.split()
        if wins:
            subprocess.run(["xdotool", "windowfocus", "--sync", wins[-1]], env=env, capture_output=True, timeout=5)
            return
        time.sleep(0.2)
    fail("the program's window did not appear")


def hold(env, key, seconds):
    xdo(env, "keydown", key)
    time.sleep(seconds)
    xdo(env, "keyup", key)
    time.sleep(0.5)  # what the last repeats did is traced


def count(trace, pred):
    return sum(1 for e in events(trace) if pred(e))


def start(gw, args, env, trace):
    if os.path.exists(trace):
        os.unlink(trace)
    return subprocess.Popen([gw, "--size", "1280x720", "--trace", trace] + args, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def stop(p):
    if p.poll() is None:
        p.terminate()
        try:
            p.wait(timeout=LIMIT)
        except subprocess.TimeoutExpired:
            p.kill()
            p.wait()


def home(gw, env, trace):
    p = start(gw, ["--exercise", "box-breathing"], env, trace)
    try:
        wait_for(trace, lambda e: e["event"] == "exercise_start", "exercise_start")
        focus(env, p.pid)
        hold(env, "space", 1.5)
        wait_for(trace, lambda e: e["event"] == "pause", "pause while Space is held")
        n = (count(trace, lambda e: e["event"] == "pause"), count(trace, lambda e: e["event"] == "resume"))
        if n != (1, 0):
            fail(f"Space held 1.5 s: {n[0]} pauses and {n[1]} resumes, not one pause (its repeats act)")
        for _ in range(4):  # Back, Help, Shorter, Pause
            xdo(env, "key", "Tab")
        hold(env, "Return", 1.5)
        wait_for(trace, lambda e: e["event"] == "resume", "resume by Return on the focused Pause")
        presses = count(trace, lambda e: e["event"] == "press" and e.get("widget") == "pause")
        n = (count(trace, lambda e: e["event"] == "pause"), count(trace, lambda e: e["event"] == "resume"))
        if presses != 1 or n != (1, 1):
            fail(f"Return held on Pause: {presses} presses, {n[0]} pauses, {n[1]} resumes (one press, one resume)")
        hold(env, "Up", 1.5)
        longer = count(trace, lambda e: e["event"] == "adjust" and e.get("delta_ms") == 500)
        if longer < 2:
            fail(f"Up held 1.5 s lengthened the breath {longer} time(s): a key that moves should repeat")
    finally:
        stop(p)


def kiosk(gw, env, trace):
    p = start(gw, ["--kiosk"], env, trace)
    try:
        wait_for(trace, lambda e: e["event"] == "scene" and e.get("name") == "attract", "the attract screen")
        focus(env, p.pid)
        hold(env, "space", 3.8)
        g = wait_for(trace, lambda e: e["event"] == "read_aloud_gesture", "read aloud turned on by Space held 3 s")
        if g.get("how") != "key" or g.get("on") is not True:
            fail(f"Space held 3 s: {g}, not how key, on true")
        begun = count(trace, lambda e: e["event"] == "scene" and e.get("name") in ("kiosk_library", "cautions"))
        if begun != 1:
            fail(f"Space held: the attract screen began {begun} times (its repeats pressed again)")
        if count(trace, lambda e: e["event"] == "exit") or p.poll() is not None:
            fail("the kiosk ended")
    finally:
        stop(p)


def main():
    gw, work = sys.argv[1], sys.argv[2]
    if not shutil.which("xdotool"):
        fail("xdotool is missing (scripts/deps.sh installs it)")
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    xs = Xvfb("1280x800", LIMIT, fail)
    try:
        env = dict(os.environ, DISPLAY=xs.display, SDL_AUDIODRIVER="dummy",
                   XDG_CONFIG_HOME=os.path.join(work, "config"), XDG_DATA_HOME=os.path.join(work, "data"),
                   XDG_STATE_HOME=os.path.join(work, "state"))
        env.pop("SDL_VIDEODRIVER", None)
        env.pop("WAYLAND_DISPLAY", None)
        trace = os.path.join(work, "trace.jsonl")
        home(gw, env, trace)
        kiosk(gw, env, trace)
    finally:
        xs.stop()
    print("live keys: Space and Return held act once, Up held repeats, the kiosk's Space held 3 s reads aloud")


if __name__ == "__main__":
    main()
