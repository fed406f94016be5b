#!/usr/bin/env python3
"""The live program on a real X server (run under xvfb-run, keys sent with xdotool):
input reaches it while a figure moves (the loop then sleeps between frames and looks for
events once a frame, or not at all when the display only answered the frame sent) and
while the screen is still (a paused exercise: the loop waits in SDL_WaitEventTimeout),
and a termination request ends it cleanly. Checked through its trace; every wait has a
generous limit, nothing depends on how fast the machine is.

usage: check_live_input.py GROUNDWORK WORK-DIR"""
import os
import shutil
import signal
import subprocess
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from live_trace import events, wait_for as live_wait_for  # noqa: E402

LIMIT = 20.0  # seconds to wait for any one thing


def fail(msg):
    sys.exit("FAIL: " + msg)


def wait_for(path, pred, what):
    return live_wait_for(path, pred, what, LIMIT, fail)


def key(name):
    subprocess.run(["xdotool", "key", name], check=True)


def main():
    gw, work = sys.argv[1], sys.argv[2]
    if not shutil.which("xdotool"):
        sys.exit("FAIL: xdotool is missing (scripts/deps.sh installs it)")
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    trace = os.path.join(work, "trace.jsonl")
    env = dict(os.environ, SDL_AUDIODRIVER="dummy", XDG_CONFIG_HOME=os.path.join(work, "config"),
               XDG_DATA_HOME=os.path.join(work, "data"), XDG_STATE_HOME=os.path.join(work, "state"),
               GW_FRAME_LOG=os.path.join(work, "frames.txt"))
    env.pop("SDL_VIDEODRIVER", None)
    p = subprocess.Popen([gw, "--size", "1280x720", "--exercise", "box-breathing", "--trace", trace],
                         env=env, stderr=subprocess.PIPE, text=True)
    try:
        wait_for(trace, lambda e: e["event"] == "exercise_start", "exercise_start")
        # the figure moves: Space pauses
        time.sleep(0.5)
        key("space")
        wait_for(trace, lambda e: e["event"] == "pause", "pause after Space while the figure moved")
        # paused, the screen is still: Space resumes
        time.sleep(0.5)
        key("space")
        wait_for(trace, lambda e: e["event"] == "resume", "resume after Space on a still screen")
        # moving again: Escape leaves the exercise
        time.sleep(0.5)
        key("Escape")
        end = wait_for(trace, lambda e: e["event"] == "exercise_end", "exercise_end after Escape")
        if end.get("completed") is not False:
            sys.exit(f"FAIL: Escape should leave the exercise unfinished: {end}")
        p.send_signal(signal.SIGTERM)
        try:
            rc = p.wait(timeout=LIMIT)
        except subprocess.TimeoutExpired:
            sys.exit("FAIL: the program did not end after SIGTERM")
        err = p.stderr.read()
        if rc != 0:
            sys.exit(f"FAIL: exit status {rc}\n{err}")
        wait_for(trace, lambda e: e["event"] == "exit" and e.get("reason") == "signal" and
                 e.get("signal") == "SIGTERM", "exit (signal SIGTERM)")
        if "frames are sent with xshm" not in err:
            sys.exit(f"FAIL: expected frames sent through the shared image:\n{err}")
        print("live input: Space while moving and while still, Escape, SIGTERM: all handled")
    finally:
        if p.poll() is None:
            p.kill()
            p.wait()


if __name__ == "__main__":
    main()
