#!/usr/bin/env python3
"""The live loop in a real window (run under xvfb-run): a screen that moves gets a new
frame at nearly every pass of the loop, and a still screen gets none.

- the kiosk's attract orb breathes: its frames differ pass after pass (it once stood
  still in every real window while `render` of the same scene moved);
- the pacer moves the same way;
- the home library, left alone, draws nothing after its first frames.

Read from GW_FRAME_LOG (one line per pass: seconds, work in us, drawn 0/1, dirty
pixels). Judged by the share of passes that drew and a floor of frames per second of
the program's own clock, not by how fast this machine is.
"""
import os
import shutil
import subprocess
import sys
import time

GW, WORK = sys.argv[1], sys.argv[2]
FAILS = []


def run(name, args, seconds):
    d = os.path.join(WORK, name)
    shutil.rmtree(d, ignore_errors=True)
    os.makedirs(d)
    log = os.path.join(d, "frames.txt")
    env = dict(os.environ, SDL_AUDIODRIVER="dummy", XDG_CONFIG_HOME=os.path.join(d, "config"),
               XDG_DATA_HOME=os.path.join(d, "data"), XDG_STATE_HOME=os.path.join(d, "state"), GW_FRAME_LOG=log)
    env.pop("SDL_VIDEODRIVER", None)
    p = subprocess.Popen([GW, "--size", "1280x720"] + args, env=env, stderr=subprocess.PIPE, text=True)
    time.sleep(seconds)
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


def still(name, args):
    rows = run(name, args, 4)
    late = [r for r in rows if 1.5 <= r[0] <= 3.5]
    drawn = sum(r[1] for r in late)
    check(rows and drawn == 0, "%s is still: %d frames drawn after 1.5 s (%d passes)" % (name, drawn, len(late)))


def main():
    if not shutil.which("xdotool") and os.environ.get("DISPLAY") is None:
        sys.exit("FAIL: no display (run under xvfb-run)")
    moving("kiosk-attract", ["--kiosk"])
    moving("pacer", ["--exercise", "resonance-breathing"])
    still("library", [])
    if FAILS:
        sys.exit("%d failures" % len(FAILS))


main()
