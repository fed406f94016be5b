#!/usr/bin/env python3
"""Present mode with two displays, on X servers this script starts and stops itself.

1. Xvfb with Xinerama and two 1280x720 screens (+xinerama -screen 0 -screen 1), then
   2. two X screens without Xinerama. SDL 2.26 counts displays through XRandR per X
   screen: this Xvfb lays its Xinerama heads one over the other (xdpyinfo: both @ 0,0),
   so SDL sees one display; two X screens are two displays at the same origin, where SDL
   puts every window on the first. Either way the client view must fill the first screen
   and the therapist's controls stay beside it in the same window (a window of their own
   would cover the client's, as it did), and a click on the panel's Pause pauses the
   client's exercise (traced press and pause), a second resumes it. Heads that a server
   lays side by side get the controls' window on the second display, checked the same
   way when they are.
3. One screen: one window.
Windows are found with xwininfo, clicks sent with xdotool; every wait has a limit.

0. Xorg with the dummy driver and two RandR outputs side by side (xrandr --right-of):
   two monitors as SDL sees them on a desk. The client view fills the first, the
   controls' window opens on the second, and a click on its Pause pauses the client's
   exercise (traced press and pause), a second resumes it.

usage: check_present_xinerama.py GROUNDWORK WORK-DIR"""
import os
import re
import shutil
import signal
import subprocess
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from xvfb_server import Xvfb, start_displayfd  # noqa: E402
from live_trace import events, find  # noqa: E402

LIMIT = 20.0


def fail(msg):
    sys.exit("FAIL: " + msg)


def wait_for(path, pred, what, limit=LIMIT):
    return find(path, pred, limit)


DUMMY_CONF = """Section "Device"
    Identifier "dummy"
    Driver "dummy"
    VideoRam 65536
EndSection
Section "Monitor"
    Identifier "monitor"
    HorizSync 5.0-1000.0
    VertRefresh 5.0-200.0
    Modeline "1280x720" 74.25 1280 1390 1430 1650 720 725 730 750
EndSection
Section "Screen"
    Identifier "screen"
    Device "dummy"
    Monitor "monitor"
    DefaultDepth 24
    SubSection "Display"
        Depth 24
        Virtual 2560 720
        Modes "1280x720"
    EndSubSection
EndSection
Section "ServerFlags"
    Option "AutoAddDevices" "false"
    Option "AutoAddGPU" "false"
    Option "DontVTSwitch" "true"
EndSection
"""


class XorgDummy(Xvfb):
    """Xorg with the dummy driver and its second RandR output switched on right of the
    first: two 1280x720 displays side by side, as SDL sees a desk with two monitors."""

    def __init__(self, work):
        conf, confdir = os.path.join(work, "dummy.conf"), os.path.join(work, "xorg.conf.d")
        os.makedirs(confdir, exist_ok=True)
        with open(conf, "w") as f:
            f.write(DUMMY_CONF)
        self.log = os.path.join(work, "xorg.log")
        self.limit = LIMIT
        self.p, self.display = start_displayfd(["Xorg", "-displayfd", None, "-config", conf, "-configdir", confdir,
                                                "-noreset", "-nolisten", "tcp", "-logfile", self.log], 2, LIMIT)
        if not self.display:
            self.stop()
            fail("Xorg with the dummy driver did not start:\n" + self.tail())
        env = dict(os.environ, DISPLAY=self.display)
        # the last, a full query, has the server probe its outputs again: without it
        # the cheap query SDL makes (XRRGetScreenResourcesCurrent) still finds one
        for cmd in (["xrandr", "--addmode", "DUMMY1", "1280x720"],
                    ["xrandr", "--output", "DUMMY1", "--mode", "1280x720", "--right-of", "DUMMY0"], ["xrandr"]):
            q = subprocess.run(cmd, env=env, capture_output=True, text=True)
            if q.returncode:
                self.stop()
                fail(f"{' '.join(cmd)}: {q.stderr}")

    def tail(self):
        try:
            with open(self.log, encoding="utf-8", errors="replace") as f:
                return "".join(f.readlines()[-15:])
        except OSError:
            return "(no log)"


def windows(env, screen=0):
    """{title: (x, y, w, h)} of the top-level windows named Groundwork... on an X screen"""
    p = subprocess.run(["xwininfo", "-root", "-tree", "-display", f"{env['DISPLAY']}.{screen}"], env=env,
                       capture_output=True, text=True)
    out = {}
    for m in re.finditer(r'^\s*0x[0-9a-f]+ "(Groundwork[^"]*)": .*?(\d+)x(\d+)\+(-?\d+)\+(-?\d+)\s+\+(-?\d+)\+(-?\d+)',
                         p.stdout, re.M):
        title, w, h, ax, ay = m.group(1), int(m.group(2)), int(m.group(3)), int(m.group(6)), int(m.group(7))
        out[title] = (ax, ay, w, h)
    return out


def click(env, x, y, screen=0):
    subprocess.run(["xdotool", "mousemove", "--screen", str(screen), str(x), str(y), "click", "1"],
                   env=env, check=True)


def all_windows(env, screens):
    out = {}
    for i in range(screens):
        for t, g in windows(env, i).items():
            out[t] = (i,) + g
    return out


def panel_click(env, trace, what, screen, x, y0, y1, overlay=False):
    """Clicks down a column of the panel until a control other than the panel itself is
    pressed (its title and the exercise's name above press ctl-panel, which does
    nothing): it must be Pause, and pause the client's exercise; a second click resumes."""
    if overlay:  # a key shows the panel over the client view (it fades without input)
        subprocess.run(["xdotool", "key", "shift"], env=env, check=True)
        time.sleep(0.3)
    pressed = None
    for y in range(y0, y1, 6):
        n = len(events(trace))
        click(env, x, y, screen)
        time.sleep(0.15)
        new = [e for e in events(trace)[n:] if e["event"] == "press" and e["widget"] != "ctl-panel"]
        if new:
            pressed = (new[0]["widget"], y)
            break
    if not pressed:
        fail(f"{what}: no control pressed by clicks down the panel's left column: {events(trace)[-10:]}")
    if pressed[0] != "pause":
        fail(f"{what}: the first control in the panel's left column should be Pause, pressed {pressed[0]}")
    if not wait_for(trace, lambda e: e["event"] == "pause", "pause"):
        fail(f"{what}: the click on the panel did not pause the client's exercise: {events(trace)[-6:]}")
    click(env, x, pressed[1], screen)
    if not wait_for(trace, lambda e: e["event"] == "resume", "resume"):
        fail(f"{what}: a second click did not resume it: {events(trace)[-6:]}")


def run(gw, work, screens, xinerama=False, dummy=False):
    xs = XorgDummy(work) if dummy else Xvfb(None, LIMIT, fail, screens=screens, xinerama=xinerama)
    env = dict(os.environ, SDL_AUDIODRIVER="dummy", SDL_VIDEODRIVER="x11", DISPLAY=xs.display,
               XDG_CONFIG_HOME=os.path.join(work, "config"), XDG_DATA_HOME=os.path.join(work, "data"),
               XDG_STATE_HOME=os.path.join(work, "state"))
    env.pop("WAYLAND_DISPLAY", None)
    trace = os.path.join(work, f"trace-{len(screens)}.jsonl")
    p = subprocess.Popen([gw, "--present", "--exercise", "box-breathing", "--trace", trace], env=env,
                         stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        if not wait_for(trace, lambda e: e["event"] == "exercise_start", "exercise_start"):
            fail(f"no exercise_start within {LIMIT:.0f} s: {events(trace)}")
        nscr = 1 if xinerama else len(screens)
        # the client's window; then, with two screens, a few seconds for the controls'
        # (opened right after it, before the first frame)
        for want, limit in ((1, LIMIT), (2, 3.0 if len(screens) > 1 else 0)):
            end = time.monotonic() + limit
            while time.monotonic() < end and len(all_windows(env, nscr)) < want:
                time.sleep(0.1)
        time.sleep(0.5)  # mapped and placed
        wins = all_windows(env, nscr)
        return xs, env, p, trace, wins
    except BaseException:
        p.kill()
        p.wait()
        xs.stop()
        raise


def finish(xs, p):
    p.send_signal(signal.SIGTERM)
    try:
        rc = p.wait(timeout=LIMIT)
    except subprocess.TimeoutExpired:
        p.kill()
        p.wait()
        xs.stop()
        fail("the program did not end after SIGTERM")
    err = p.stderr.read()
    xs.stop()
    if rc != 0:
        fail(f"exit status {rc}\n{err}")


def main():
    gw, work = sys.argv[1], sys.argv[2]
    for tool in ("Xvfb", "Xorg", "xrandr", "xdotool", "xwininfo", "xdpyinfo"):
        if not shutil.which(tool):
            fail(f"{tool} is missing (scripts/deps.sh installs xvfb, xserver-xorg-core, "
                 "xserver-xorg-video-dummy, x11-xserver-utils, xdotool and x11-utils)")
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)

    # two monitors side by side (Xorg's dummy driver, two RandR outputs): the client view
    # fills the first, the controls' window is on the second, and a click on its Pause
    # pauses the client's exercise
    xs, env, p, trace, wins = run(gw, work, ["1280x720x24", "1280x720x24"], dummy=True)
    try:
        print(f"two monitors side by side: windows {wins}")
        if wins.get("Groundwork") != (0, 0, 0, 1280, 720):
            fail(f"two monitors: the client view should fill the first (0,0 1280x720): {wins}")
        ctl = wins.get("Groundwork: therapist controls")
        if not ctl or ctl[1] < 1280 or ctl[1] + ctl[3] > 2560 or ctl[2] < 0 or ctl[2] + ctl[4] > 720:
            fail(f"two monitors: the controls' window should be on the second (x 1280-2560): {wins}")
        start = [e for e in events(trace) if e["event"] == "start"]
        if not start or (start[0]["w"], start[0]["h"]) != (1280, 720):
            fail(f"two monitors: the client view should be the whole first monitor: {start}")
        panel_click(env, trace, "two monitors", 0, ctl[1] + 90, ctl[2] + 30, ctl[2] + min(ctl[4], 400))
    except BaseException:
        p.kill()
        p.wait()
        xs.stop()
        raise
    finish(xs, p)

    # Xinerama as the issue asks (+xinerama -screen 0 -screen 1), then two X screens
    # without it. SDL (2.26, through XRandR) counts displays per X screen; this Xvfb lays
    # its Xinerama heads one over the other (xdpyinfo: both @ 0,0), so SDL sees one
    # display there, and two X screens are two displays at the same origin, where SDL
    # puts every window on the first. Either way the client view is the whole of the
    # first screen and the controls stay beside it in the same window (a second window
    # there would cover the client's), and a click on the panel acts on the exercise.
    # Heads side by side (a server that places them so) get the controls' window on the
    # other display, checked as well when they are.
    for xinerama in (True, False):
        xs, env, p, trace, wins = run(gw, work, ["1280x720x24", "1280x720x24"], xinerama)
        what = "Xinerama" if xinerama else "two X screens"
        try:
            heads = subprocess.run(["xdpyinfo", "-ext", "XINERAMA"], env=env, capture_output=True, text=True).stdout
            heads = re.findall(r"head #\d+: (\S+ @ \S+)", heads)
            apart = xinerama and len(set(h.split(" @ ")[1] for h in heads)) == len(heads) > 1
            print(f"{what}: heads {heads}, windows {wins}")
            if wins.get("Groundwork") != (0, 0, 0, 1280, 720):
                fail(f"{what}: the client view should fill the first display (0,0 1280x720): {wins}")
            if apart:
                ctl = wins.get("Groundwork: therapist controls")
                if not ctl or ctl[1] < 1280:
                    fail(f"{what}, heads side by side: the controls' window on the second display wanted: {wins}")
                panel_click(env, trace, what, ctl[0], ctl[1] + 90, ctl[2] + 30, ctl[2] + min(ctl[4], 400))
            else:
                if len(wins) != 1:
                    fail(f"{what}: one window wanted (the displays overlap): {wins}")
                panel_click(env, trace, what, 0, 1010, 40, 400, overlay=True)
        except BaseException:
            p.kill()
            p.wait()
            xs.stop()
            raise
        finish(xs, p)

    # one screen: no second window, the controls over the client view
    xs, env, p, trace, wins = run(gw, work, ["1280x720x24"])
    try:
        if list(wins) != ["Groundwork"]:
            fail(f"one display: only the client's window wanted: {wins}")
    except BaseException:
        p.kill()
        p.wait()
        xs.stop()
        raise
    finish(xs, p)
    print("ok")


main()
