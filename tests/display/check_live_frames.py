#!/usr/bin/env python3
"""The live loop in a real window (run under xvfb-run): a screen that moves gets a new
frame at nearly every pass of the loop, and a still screen gets none.

- the kiosk's attract orb breathes: its frames differ pass after pass (it once stood
  still in every real window while `render` of the same scene moved);
- the pacer moves the same way;
- the home library, left alone, draws nothing after its first frames;
- a paused pacer (Space, typed into its window with xdotool) draws nothing either:
  its figure, count and time left stand still until it resumes.

Read from GW_FRAME_LOG (one line per pass: seconds, work in us, drawn 0/1, dirty
pixels). Judged by the share of passes that drew and a floor of frames per second of
the program's own clock, not by how fast this machine is.
"""
import json
import os
import shutil
import subprocess
import sys
import time

GW, WORK = sys.argv[1], sys.argv[2]
FAILS = []


def press_key(pid, key, after):
    """Types key into the program's window `after` seconds from now (xdotool: the window
    found by its process, given the focus, then the key through XTEST)."""
    time.sleep(after)
    for _ in range(20):
        r = subprocess.run(["xdotool", "search", "--pid", str(pid)], capture_output=True, text=True)
        wins = r.stdout.split()
        if wins:
            subprocess.run(["xdotool", "windowfocus", "--sync", wins[-1]], capture_output=True, timeout=5)
            subprocess.run(["xdotool", "key", "--clearmodifiers", key], capture_output=True, timeout=5)
            return True
        time.sleep(0.1)
    return False


def run(name, args, seconds, key=None):
    d = os.path.join(WORK, name)
    shutil.rmtree(d, ignore_errors=True)
    os.makedirs(d)
    log = os.path.join(d, "frames.txt")
    env = dict(os.environ, SDL_AUDIODRIVER="dummy", XDG_CONFIG_HOME=os.path.join(d, "config"),
               XDG_DATA_HOME=os.path.join(d, "data"), XDG_STATE_HOME=os.path.join(d, "state"), GW_FRAME_LOG=log)
    env.pop("SDL_VIDEODRIVER", None)
    trace = os.path.join(d, "trace.jsonl")
    p = subprocess.Popen([GW, "--size", "1280x720", "--trace", trace] + args, env=env, stderr=subprocess.PIPE,
                         text=True)
    waited = 0
    if key:
        k, at = key
        if not press_key(p.pid, k, at):
            check(False, "%s: no window to type %s into" % (name, k))
        waited = at
    time.sleep(max(0, seconds - waited))
    p.terminate()  # (a kiosk may outlive SIGTERM's handling for a moment)
    try:
        p.communicate(timeout=5)
    except subprocess.TimeoutExpired:
        p.kill()
        p.communicate()
    rows = []
    if os.path.exists(log):
        for line in open(log):
            f = line.split()
            if len(f) == 4:
                rows.append((float(f[0]), int(f[2])))
    return rows


def check(ok, what):
    print(("ok: " if ok else "FAIL: ") + what)
    if not ok:
        FAILS.append(what)


def moving(name, args):
    rows = run(name, args, 5)
    late = [r for r in rows if 1.5 <= r[0] <= 4.5]  # after start-up, before the end
    if len(late) < 10:
        check(False, "%s: only %d passes of the loop after 1.5 s" % (name, len(late)))
        return
    span = late[-1][0] - late[0][0]
    drawn = sum(r[1] for r in late)
    share = drawn / len(late)
    rate = drawn / span if span > 0 else 0
    # (eased motion can stand still for a pass near the turn of a breath)
    check(share >= 0.75 and rate >= 20,
          "%s moves: %d of %d passes drew a new frame (%.0f%%), %.1f frames a second of program time"
          % (name, drawn, len(late), 100 * share, rate))


def still(name, args, key=None, since=1.5, seconds=4):
    rows = run(name, args, seconds, key)
    if key:  # from a moment after the key is traced (the program's clock)
        tr = os.path.join(WORK, name, "trace.jsonl")
        ev = [json.loads(x) for x in open(tr)] if os.path.exists(tr) else []
        paused = [e["t"] for e in ev if e.get("event") == "pause"]
        if not paused:
            check(False, "%s: the key did not pause it (no pause traced)" % name)
            return
        since = paused[0] + 0.5
    late = [r for r in rows if since <= r[0] <= since + 2]
    drawn = sum(r[1] for r in late)
    check(bool(rows) and drawn == 0,
          "%s is still: %d frames drawn in the 2 s from %.1f s (%d passes)" % (name, drawn, since, len(late)))


def main():
    if not shutil.which("xdotool") and os.environ.get("DISPLAY") is None:
        sys.exit("FAIL: no display (run under xvfb-run)")
    moving("kiosk-attract", ["--kiosk"])
    moving("pacer", ["--exercise", "resonance-breathing"])
    still("library", [])
    # paused once the figure moves (the lead-in is over)
    still("pacer-paused", ["--exercise", "resonance-breathing"], key=("space", 5), seconds=8.5)
    if FAILS:
        sys.exit("%d failures" % len(FAILS))


main()
