#!/usr/bin/env python3
"""The live program's ends, on X servers this script starts and stops itself (Xvfb):

signals  home and present end cleanly on SIGTERM, SIGINT and SIGHUP (the trace's `exit`
         with reason `signal` and the signal's name, exit 0, the practice log readable
         afterwards); SIGUSR1 and SIGPIPE are traced and ignored there. The kiosk traces and
         ignores SIGINT, SIGHUP, SIGQUIT, SIGUSR1, SIGUSR2 and SIGPIPE and ends cleanly on
         SIGTERM. A stale window manager's note on the root window (its window gone) is a
         refused X request that the kiosk survives, not a BadWindow abort. The X server
         killed under a running exercise ends the program with one clear line, exit 1 and
         the trace's `exit` (reason `display_lost`).
nodisplay the window modes (home, --present, --kiosk) with no DISPLAY nor WAYLAND_DISPLAY,
         with a DISPLAY no server answers at, with SDL_VIDEODRIVER=x11,offscreen (SDL would
         fall back to an invisible window), and with a server that took the connection and
         never answers (stopped), exit 1 within seconds with one line that says what to do;
         SDL_VIDEODRIVER=dummy named alone is honoured and said; render, play, validate and
         list need no display.

usage: check_live_signals.py GROUNDWORK WORK-DIR signals|nodisplay"""
import ctypes
import ctypes.util
import json
import os
import shutil
import signal
import subprocess
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from xvfb_server import Xvfb  # noqa: E402
from live_trace import events, wait_for as live_wait_for  # noqa: E402

LIMIT = 20.0  # seconds to wait for any one thing
QUICK = 5.0   # the window modes without a display exit within this
HUNG = 12.0   # ... and with a server that never answers (the start's deadline is 6 s)


def fail(msg):
    sys.exit("FAIL: " + msg)


def wait_for(path, pred, what):
    return live_wait_for(path, pred, what, LIMIT, fail)


def base_env(work):
    env = dict(os.environ, SDL_AUDIODRIVER="dummy", XDG_CONFIG_HOME=os.path.join(work, "config"),
               XDG_DATA_HOME=os.path.join(work, "data"), XDG_STATE_HOME=os.path.join(work, "state"))
    for k in ("SDL_VIDEODRIVER", "DISPLAY", "WAYLAND_DISPLAY"):
        env.pop(k, None)
    return env


def start(gw, args, env, trace):
    if os.path.exists(trace):
        os.unlink(trace)
    return subprocess.Popen([gw] + args + ["--trace", trace], env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, text=True)


def finish(p):
    try:
        rc = p.wait(timeout=LIMIT)
    except subprocess.TimeoutExpired:
        p.kill()
        p.wait()
        fail("the program did not end")
    return rc, p.stderr.read()


def stale_wm_check(display):
    """Leaves on the root window the note a window manager that crashed leaves behind:
    _NET_SUPPORTING_WM_CHECK naming a window that does not exist."""
    x = ctypes.CDLL(ctypes.util.find_library("X11"))
    x.XOpenDisplay.restype = ctypes.c_void_p
    x.XOpenDisplay.argtypes = [ctypes.c_char_p]
    x.XDefaultRootWindow.restype = ctypes.c_ulong
    x.XDefaultRootWindow.argtypes = [ctypes.c_void_p]
    x.XInternAtom.restype = ctypes.c_ulong
    x.XInternAtom.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int]
    x.XChangeProperty.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_ulong, ctypes.c_ulong, ctypes.c_int,
                                  ctypes.c_int, ctypes.c_void_p, ctypes.c_int]
    x.XCloseDisplay.argtypes = [ctypes.c_void_p]
    d = x.XOpenDisplay(display.encode())
    if not d:
        fail(f"cannot open {display} to leave a stale window manager note")
    root = x.XDefaultRootWindow(d)
    atom = x.XInternAtom(d, b"_NET_SUPPORTING_WM_CHECK", 0)
    gone = (ctypes.c_ulong * 1)(0x3a00001)
    XA_WINDOW, PROP_MODE_REPLACE = 33, 0
    x.XChangeProperty(d, root, atom, XA_WINDOW, 32, PROP_MODE_REPLACE, ctypes.cast(gone, ctypes.c_void_p), 1)
    x.XCloseDisplay(d)


def ended_by(trace, sig):
    wait_for(trace, lambda e: e["event"] == "signal" and e.get("signal") == sig and e.get("action") == "exit",
             f"signal {sig} (action exit)")
    wait_for(trace, lambda e: e["event"] == "exit" and e.get("reason") == "signal" and e.get("signal") == sig,
             f"exit (reason signal, {sig})")


def signals(gw, work):
    xs = Xvfb("1280x800", LIMIT, fail)
    try:
        env = dict(base_env(work), DISPLAY=xs.display)
        trace = os.path.join(work, "trace.jsonl")
        # home and present: the quit signals end the run; SIGUSR1 and SIGPIPE do not
        for mode, sig in (([], "SIGTERM"), ([], "SIGINT"), ([], "SIGHUP"), (["--present"], "SIGTERM"),
                          (["--present"], "SIGHUP")):
            p = start(gw, mode + ["--size", "1280x720", "--exercise", "box-breathing"], env, trace)
            try:
                wait_for(trace, lambda e: e["event"] == "exercise_start", "exercise_start")
                for ignored in (["SIGUSR1", "SIGPIPE"] if sig == "SIGTERM" else []):
                    p.send_signal(getattr(signal, ignored))
                    wait_for(trace, lambda e, s=ignored: e["event"] == "signal" and e.get("signal") == s and
                             e.get("action") == "ignored", f"{ignored} ignored")
                    if p.poll() is not None:
                        fail(f"{' '.join(mode) or 'home'}: {ignored} ended the program")
                p.send_signal(getattr(signal, sig))
                rc, err = finish(p)
            finally:
                if p.poll() is None:
                    p.kill()
                    p.wait()
            if rc != 0:
                fail(f"{' '.join(mode) or 'home'}: {sig}: exit status {rc}\n{err}")
            ended_by(trace, sig)
            wait_for(trace, lambda e: e["event"] == "exercise_end" and e.get("completed") is False,
                     "exercise_end (left) before the exit")
            print(f"{' '.join(mode) or 'home'}: {sig} ended it cleanly")
        # the practice log was closed whole: it reads back, each home session with its end
        r = subprocess.run([gw, "log", "export", "--json", "-"], env=env, capture_output=True, text=True, timeout=LIMIT)
        if r.returncode != 0:
            fail(f"the practice log does not read back after the signals: {r.stderr}")
        sessions = json.loads(r.stdout)
        if len(sessions) != 3 or any(s["end"] is None or s["completed"] for s in sessions):
            fail(f"expected the three home sessions, each ended (left): {sessions}")
        # kiosk: a visitor's signals are traced and ignored, the supervisor's SIGTERM ends it;
        # a stale window manager note does not abort it
        stale_wm_check(xs.display)
        p = start(gw, ["--kiosk"], env, trace)
        try:
            wait_for(trace, lambda e: e["event"] == "scene" and e.get("name") == "attract", "the attract screen")
            for s in ("SIGINT", "SIGHUP", "SIGQUIT", "SIGUSR1", "SIGUSR2", "SIGPIPE"):
                p.send_signal(getattr(signal, s))
                wait_for(trace, lambda e, s=s: e["event"] == "signal" and e.get("signal") == s and
                         e.get("action") == "ignored", f"kiosk: {s} ignored")
            time.sleep(0.3)
            if p.poll() is not None:
                fail(f"the kiosk ended on a visitor's signal: status {p.returncode}\n{p.stderr.read()}")
            p.send_signal(signal.SIGTERM)
            rc, err = finish(p)
        finally:
            if p.poll() is None:
                p.kill()
                p.wait()
        if rc != 0 or "BadWindow" in err and "going on" not in err:
            fail(f"kiosk: exit status {rc}\n{err}")
        ended_by(trace, "SIGTERM")
        print("kiosk: SIGINT, SIGHUP, SIGQUIT, SIGUSR1, SIGUSR2, SIGPIPE traced and ignored; "
              "a stale window manager note survived; SIGTERM ended it cleanly")
        # the X server goes away under a running exercise
        p = start(gw, ["--size", "1280x720", "--exercise", "box-breathing"], env, trace)
        try:
            wait_for(trace, lambda e: e["event"] == "exercise_start", "exercise_start")
            time.sleep(0.5)
            xs.p.kill()
            xs.p.wait()
            rc, err = finish(p)
        finally:
            if p.poll() is None:
                p.kill()
                p.wait()
        lines = [ln for ln in err.splitlines() if ln.strip()]
        if rc != 1 or not lines or "went away" not in lines[-1] or "BadWindow" in err:
            fail(f"the X server gone: expected exit 1 and a line that says the display went away, got {rc}:\n{err}")
        wait_for(trace, lambda e: e["event"] == "exit" and e.get("reason") == "display_lost", "exit (display_lost)")
        r = subprocess.run([gw, "log", "export", "--json", "-"], env=env, capture_output=True, text=True, timeout=LIMIT)
        sessions = json.loads(r.stdout) if r.returncode == 0 else []
        if len(sessions) != 4 or sessions[-1]["end"] is None:
            fail(f"the session the display went from under was not ended in the log: {r.stderr} {sessions}")
        print(f"the X server killed: {lines[-1]}")
    finally:
        xs.stop()


def timed(gw, args, env):
    t = time.monotonic()
    try:
        r = subprocess.run([gw] + args, env=env, capture_output=True, text=True, timeout=LIMIT)
    except subprocess.TimeoutExpired:
        fail(f"{' '.join(args) or 'home'} without a usable display was still running after {LIMIT:.0f} s")
    return r, time.monotonic() - t


def one_line(r, secs, limit, what, needs):
    # the sanitizer build's report of suppressions used comes after a line of dashes
    lines = [ln for ln in r.stderr.split("\n---")[0].splitlines() if ln.strip()]
    if r.returncode != 1 or secs > limit:
        fail(f"{what}: expected exit 1 within {limit:.0f} s, got {r.returncode} after {secs:.1f} s:\n{r.stderr}")
    if len(lines) != 1 or not all(n in lines[0] for n in needs):
        fail(f"{what}: expected one line naming {needs}, got:\n{r.stderr}")
    return lines[0]


def nodisplay(gw, work):
    env = base_env(work)
    modes = ([], ["--present"], ["--kiosk"], ["--exercise", "box-breathing"])
    for m in modes:
        r, secs = timed(gw, m, env)
        line = one_line(r, secs, QUICK, f"{' '.join(m) or 'home'} with no display", ["DISPLAY", "WAYLAND_DISPLAY"])
    print(f"no DISPLAY nor WAYLAND_DISPLAY: exit 1 at once: {line}")
    # SDL_VIDEODRIVER naming a driver with no window is honoured (the live program's own
    # tests ask for it) and said; a list that falls through to one is refused
    trace = os.path.join(work, "dummy.jsonl")
    p = start(gw, ["--exercise", "box-breathing"], dict(env, SDL_VIDEODRIVER="dummy"), trace)
    try:
        wait_for(trace, lambda e: e["event"] == "exercise_start", "exercise_start with SDL_VIDEODRIVER=dummy")
        p.send_signal(signal.SIGTERM)
        rc, err = finish(p)
    finally:
        if p.poll() is None:
            p.kill()
            p.wait()
    if rc != 0 or "SDL_VIDEODRIVER=dummy: the window is shown nowhere, as asked" not in err:
        fail(f"SDL_VIDEODRIVER=dummy asked for by name: exit {rc}\n{err}")
    print("SDL_VIDEODRIVER=dummy by name: runs, and says the window is shown nowhere")
    r, secs = timed(gw, [], dict(env, SDL_VIDEODRIVER="x11,offscreen"))
    line = one_line(r, secs, QUICK, "SDL_VIDEODRIVER=x11,offscreen with no display", ["SDL_VIDEODRIVER"])
    print(f"SDL_VIDEODRIVER=x11,offscreen with no display: {line}")
    # headless commands need no display
    for args in (["list"], ["validate", os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "packs",
                                                     "good", "breathing")],
                 ["play", "--exercise", "box-breathing", "--cycles", "1", "--no-draw"],
                 ["render", "--exercise", "box-breathing", "--at", "3", "--size", "320x200", "--out",
                  os.path.join(work, "frame.png")]):
        r = subprocess.run([gw] + args, env=env, capture_output=True, text=True, timeout=LIMIT * 3)
        if r.returncode != 0:
            fail(f"{args[0]} without a display: exit {r.returncode}\n{r.stderr}")
    print("list, validate, play, render: fine without a display")
    xs = Xvfb("1280x800", LIMIT, fail)
    try:
        # a display no server answers at: refused
        n = 600
        while os.path.exists(f"/tmp/.X11-unix/X{n}") or os.path.exists(f"/tmp/.X{n}-lock"):
            n += 1
        free = f":{n}"
        r, secs = timed(gw, [], dict(env, DISPLAY=free))
        line = one_line(r, secs, QUICK, f"DISPLAY={free} (no server)", [free])
        print(f"a DISPLAY nobody serves: {line}")
        # a server that took the connection and never answers
        xs.p.send_signal(signal.SIGSTOP)
        r, secs = timed(gw, ["--kiosk"], dict(env, DISPLAY=xs.display))
        line = one_line(r, secs, HUNG, "a stopped X server", [xs.display, "did not answer"])
        print(f"a stopped X server: exit 1 after {secs:.1f} s: {line}")
    finally:
        xs.stop()


def main():
    gw, work, what = sys.argv[1], sys.argv[2], sys.argv[3]
    if not shutil.which("Xvfb"):
        fail("Xvfb is missing (scripts/deps.sh installs it)")
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    {"signals": signals, "nodisplay": nodisplay}[what](gw, os.path.abspath(work))


if __name__ == "__main__":
    main()
