#!/usr/bin/env python3
"""The live program (run under xvfb-run) keeps its window working while the desktop's
Save window is open: a private session bus with a fake portal that takes the request at
once and answers 4 s later (fake_portal.py slow). Settings -> Export my practice log ->
CSV by keys and clicks; Back pressed 1 s later is handled at once (the page stays and
says the Save window is still open), and the export is written where the portal said
once it answers. Checked through the trace; generous limits.

usage: check_export_live.py GROUNDWORK WORK-DIR"""
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from live_trace import events, wait_for as live_wait_for  # noqa: E402

EXE, WORK = sys.argv[1], sys.argv[2]
HERE = os.path.dirname(os.path.abspath(__file__))
DEB_PY = "/usr/bin/python3" if os.path.exists("/usr/bin/python3") else sys.executable
LIMIT = 20.0


def fail(msg):
    sys.exit("FAIL: " + msg)


def wait_for(path, pred, what):
    return live_wait_for(path, pred, what, LIMIT, fail)


def xdo(*args):
    subprocess.run(["xdotool"] + list(args), check=True)


def main():
    if not shutil.which("xdotool"):
        sys.exit("FAIL: xdotool is missing (scripts/deps.sh installs it)")
    shutil.rmtree(WORK, ignore_errors=True)
    os.makedirs(WORK)
    # the person's home in a short folder of its own, not under the build: the settings'
    # data panel shows the data folder, and a long one puts the panel's words under its
    # buttons, away from the places clicked below (a folder as long as a usual one)
    home = tempfile.mkdtemp(prefix="gw-export-")
    os.makedirs(os.path.join(home, "Documents"))
    chosen = os.path.join(WORK, "chosen.csv")
    bus = subprocess.Popen(["dbus-daemon", "--session", "--nofork", "--nopidfile", "--print-address=1"],
                           stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    address = bus.stdout.readline().strip()
    ready = os.path.join(WORK, "ready")
    portal = subprocess.Popen([DEB_PY, os.path.join(HERE, "fake_portal.py"), address, os.path.join(WORK, "calls"),
                               ready, "slow", chosen])
    prog = None
    try:
        for _ in range(200):
            if os.path.exists(ready):
                break
            time.sleep(0.05)
        env = dict(os.environ, HOME=home, XDG_DATA_HOME=os.path.join(home, "data"),
                   XDG_CONFIG_HOME=os.path.join(home, "config"), XDG_STATE_HOME=os.path.join(home, "state"),
                   DBUS_SESSION_BUS_ADDRESS=address, LANGUAGE="", LC_ALL="C.UTF-8", SDL_AUDIODRIVER="dummy")
        env.pop("XDG_DOCUMENTS_DIR", None)
        trace = os.path.join(WORK, "trace.jsonl")
        prog = subprocess.Popen([EXE, "--size", "1280x720", "--trace", trace], env=env)
        wait_for(trace, lambda e: e["event"] == "scene", "first screen")
        time.sleep(1.0)
        xdo("mousemove", "640", "700")  # no window manager: the pointer gives the focus
        if [e for e in events(trace) if e["event"] == "scene"][-1].get("name") == "welcome":
            xdo("key", "Return")  # the first-run welcome: Continue
        wait_for(trace, lambda e: e["event"] == "scene" and e.get("name") == "library", "library")
        time.sleep(0.5)
        xdo("mousemove", "1063", "47", "click", "1")  # Settings, top right of the library
        wait_for(trace, lambda e: e["event"] == "scene" and e.get("name") == "settings", "settings")
        for _ in range(3):
            xdo("key", "Next")
            time.sleep(0.2)
        # the export button, then CSV, by their places in the window (1280x720 on a screen
        # of that size, 100% text)
        time.sleep(0.5)
        xdo("mousemove", "807", "380", "click", "1")
        wait_for(trace, lambda e: e["event"] == "press" and e.get("widget") == "export", "press export")
        time.sleep(0.5)
        xdo("mousemove", "397", "218", "click", "1")
        t_csv = wait_for(trace, lambda e: e["event"] == "press" and e.get("widget") == "export:csv", "press CSV")["t"]
        time.sleep(1.0)
        xdo("mousemove", "99", "43", "click", "1")
        t_back = wait_for(trace, lambda e: e["event"] == "press" and e.get("widget") == "back", "press back")["t"]
        ex = wait_for(trace, lambda e: e["event"] == "export", "export")
        fails = []
        if not t_back < ex["t"]:
            fails.append("Back was handled only after the portal answered (%s, %s)" % (t_back, ex["t"]))
        if ex.get("via") != "portal" or ex.get("path") != chosen or not os.path.isfile(chosen):
            fails.append("the export went where the portal said: %s" % ex)
        if os.stat(chosen).st_mode & 0o777 != 0o600:
            fails.append("mode %o" % (os.stat(chosen).st_mode & 0o777))
        if ex["t"] - t_csv < 3:
            fails.append("the export came before the portal's answer: %.1f s" % (ex["t"] - t_csv))
        scenes = [e.get("name") for e in events(trace) if e["event"] == "scene"]
        if scenes[-1] != "settings":
            fails.append("Back left the export page while the Save window was open: %s" % scenes)
        for f in fails:
            print("FAIL:", f)
        if fails:
            sys.exit(1)
        print("ok: Back handled %.1f s after CSV, the export %.1f s after" % (t_back - t_csv, ex["t"] - t_csv))
    finally:
        if prog:
            prog.send_signal(signal.SIGTERM)
            try:
                prog.wait(timeout=10)
            except subprocess.TimeoutExpired:
                prog.kill()
        for p in (portal, bus):
            p.terminate()
            p.wait(timeout=10)
        shutil.rmtree(home, ignore_errors=True)


main()
