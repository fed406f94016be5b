#!/usr/bin/env python3
"""The kiosk as a clinic runs it: settings owned by root and readable by the kiosk's
group (root:nogroup, mode 0640), the PIN set by root with `kiosk set-pin`, and the live
kiosk run as an unprivileged user (nobody, through setpriv) on an X server of its own
(Xvfb). The admin exit is opened as an administrator would: Ctrl+Alt+Shift+K, then the
keypad's keys clicked with the pointer (xdotool). Checks:

- set-pin as root keeps the file's owner, group and mode, and the kiosk user reads the
  PIN from it (the trace's kiosk_config has "pin": true, no settings error);
- a wrong PIN is refused and its failure state is written in the kiosk user's state
  folder, owned by that user, writable by it and by no one else (mode, and a write tried
  as another unprivileged user fails);
- the right PIN ends the kiosk (exit 0, the trace's exit reason "admin") and clears the
  failure count.

The keypad's keys are found where `play` lays them out at the same size (a grid of taps
in one headless run, each press traced with its widget), so the test follows the
layout wherever it moves. Run as root (CI is); otherwise it exits 77 (skipped) saying
why. Needs GROUNDWORK_DATA_DIR (set by CTest).

usage: check_kiosk_user.py GROUNDWORK"""
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from xvfb_server import Xvfb  # noqa: E402
from live_trace import events, wait_for as live_wait_for  # noqa: E402

EXE = sys.argv[1]
NOBODY = 65534
OTHER = 65533          # another unprivileged user (no account is needed for setpriv)
W, H = 1280, 800
LIMIT = 30.0
PIN = "2468"


def skip(why):
    print("SKIP: " + why)
    sys.exit(77)


def fail(msg):
    sys.exit("FAIL: " + msg)


def wait_for(path, pred, what):
    return live_wait_for(path, pred, what, LIMIT, fail)


def keypad(work, env):
    """Where each keypad key is at W x H: the centre of the taps on it, from a grid of
    taps in one headless run (the key chord before each reopens the keypad)."""
    script, trace = os.path.join(work, "probe.jsonl"), os.path.join(work, "probe-trace.jsonl")
    taps, t = {}, 1.0
    with open(script, "w") as f:
        for y in range(8, H, 16):
            for x in range(8, W, 16):
                f.write(json.dumps({"at": round(t, 3), "key": "K", "mod": ["ctrl", "alt", "shift"]}) + "\n")
                f.write(json.dumps({"at": round(t + 0.01, 3), "tap": [x / W, y / H]}) + "\n")
                taps[round(t + 0.01, 3)] = (x, y)
                t += 0.02
    subprocess.run([EXE, "play", "--mode", "kiosk", "--no-draw", "--size", f"{W}x{H}", "--script", script,
                    "--trace", trace], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                   timeout=120, check=True)
    hits = {}
    for e in events(trace):
        if e["event"] == "press" and round(e["t"], 3) in taps:
            hits.setdefault(e["widget"], []).append(taps[round(e["t"], 3)])
    keys = {w: (sum(x for x, _ in p) // len(p), sum(y for _, y in p) // len(p)) for w, p in hits.items()}
    missing = [k for k in ["pin:%d" % d for d in range(10)] + ["pin-ok"] if k not in keys]
    if missing:
        fail(f"the keypad's {missing} were not found in play's layout: {sorted(keys)}")
    return keys


def enter_pin(display, keys, digits, trace, n_pins):
    """The key chord, the digits and OK, clicked; waits for the n_pins-th pin event."""
    env = dict(os.environ, DISPLAY=display)
    subprocess.run(["xdotool", "key", "ctrl+alt+shift+k"], env=env, check=True, timeout=LIMIT)
    wait_for(trace, lambda e: e["event"] == "scene" and e.get("name") == "admin", "the admin keypad")
    for k in ["pin:" + d for d in digits] + ["pin-ok"]:
        x, y = keys[k]
        subprocess.run(["xdotool", "mousemove", str(x), str(y), "click", "1"], env=env, check=True, timeout=LIMIT)
        time.sleep(0.15)
    end = time.monotonic() + LIMIT
    while time.monotonic() < end:
        pins = [e for e in events(trace) if e["event"] == "pin"]
        if len(pins) >= n_pins:
            return pins[n_pins - 1]
        time.sleep(0.05)
    fail(f"PIN {n_pins} was not traced:\n" + "\n".join(json.dumps(e) for e in events(trace)))


def main():
    if os.geteuid() != 0:
        skip("needs root: it sets the PIN as root and runs the kiosk as the unprivileged user nobody")
    for tool in ("Xvfb", "xdotool", "setpriv"):
        if not shutil.which(tool):
            skip(f"{tool} is not installed")
    # everything the kiosk user reads is copied where it can reach it (the build tree
    # may be in root's private folder)
    work = tempfile.mkdtemp(prefix="gw-kiosk-user-")
    xs = None
    try:
        os.chmod(work, 0o755)
        exe = os.path.join(work, "groundwork")
        shutil.copy2(EXE, exe)
        data = os.path.join(work, "data")
        src = os.environ["GROUNDWORK_DATA_DIR"]
        for sub in ("content", "fonts", "assets", "locale"):
            if os.path.isdir(os.path.join(src, sub)):
                shutil.copytree(os.path.join(src, sub), os.path.join(data, sub), symlinks=True)
        for dirpath, dirs, files in os.walk(work):
            for n in dirs:
                os.chmod(os.path.join(dirpath, n), 0o755)
            for n in files:
                os.chmod(os.path.join(dirpath, n), 0o755 if n == "groundwork" else 0o644)
        home = os.path.join(work, "home")
        os.makedirs(home)
        os.chown(home, NOBODY, NOBODY)
        os.chmod(home, 0o700)
        state = os.path.join(home, ".local", "state")
        env = dict(os.environ, GROUNDWORK_DATA_DIR=data, HOME=home, SDL_AUDIODRIVER="dummy")
        # under AddressSanitizer: the D-Bus library SDL opens keeps its memory to the end,
        # as the display tests suppress; the file where the kiosk user can read it
        supp = os.path.join(work, "lsan.supp")
        with open(supp, "w") as f:
            f.write("leak:libdbus-1.so\n")
        os.chmod(supp, 0o644)
        env["LSAN_OPTIONS"] = "suppressions=" + supp
        for k in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_RUNTIME_DIR", "SDL_VIDEODRIVER",
                  "WAYLAND_DISPLAY", "DISPLAY"):
            env.pop(k, None)

        # the settings: root:nogroup 0640, as docs/kiosk.md suggests (root:kiosk)
        etc = os.path.join(work, "etc")
        os.makedirs(etc)
        cfg = os.path.join(etc, "kiosk.json")
        with open(cfg, "w") as f:
            json.dump({"exercises": ["box-breathing"], "idle_timeout": 120}, f)
        os.chown(cfg, 0, NOBODY)
        os.chmod(cfg, 0o640)
        p = subprocess.run([exe, "kiosk", "set-pin", "--config", cfg], input=PIN + "\n", capture_output=True,
                           text=True, env=dict(env, HOME="/root"), timeout=LIMIT)
        if p.returncode != 0:
            fail(f"set-pin as root: exit {p.returncode}: {p.stderr}")
        st = os.stat(cfg)
        if (st.st_uid, st.st_gid, st.st_mode & 0o7777) != (0, NOBODY, 0o640):
            fail(f"set-pin as root left {st.st_uid}:{st.st_gid} {st.st_mode & 0o7777:04o}, not 0:{NOBODY} 0640")
        print("ok: set-pin as root kept root:nogroup 0640")

        keys = keypad(work, env)
        xs = Xvfb(f"{W}x{H}", LIMIT, fail)
        trace = os.path.join(home, "trace.jsonl")
        kiosk_env = dict(env, DISPLAY=xs.display)
        as_nobody = ["setpriv", f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups"]
        p = subprocess.Popen(as_nobody + [exe, "--kiosk", "--config", cfg, "--trace", trace], env=kiosk_env,
                             cwd=work, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        try:
            conf = wait_for(trace, lambda e: e["event"] == "kiosk_config", "kiosk_config")
            if not conf.get("ok") or not conf.get("pin"):
                fail(f"the kiosk user did not read the PIN from the settings: {conf}")
            print("ok: the kiosk user reads its settings and the PIN")
            wait_for(trace, lambda e: e["event"] == "scene" and e.get("name") == "attract", "the attract screen")
            wrong = enter_pin(xs.display, keys, "1357", trace, 1)
            if wrong.get("ok") is not False or wrong.get("why") != "wrong":
                fail(f"a wrong PIN was not refused: {wrong}")
            pinfile = os.path.join(state, "groundwork", "kiosk-pin.json")
            end = time.monotonic() + LIMIT
            while not os.path.exists(pinfile) and time.monotonic() < end:
                time.sleep(0.05)
            try:
                with open(pinfile) as f:
                    saved = json.load(f)
            except (OSError, ValueError) as e:
                fail(f"the failure state was not written in the kiosk user's state folder: {e}")
            if saved.get("fails") != 1:
                fail(f"the failure state does not count the wrong PIN: {saved}")
            for path in (pinfile, os.path.dirname(pinfile)):
                st = os.stat(path)
                if st.st_uid != NOBODY or st.st_mode & 0o022:
                    fail(f"{path} is {st.st_uid}:{st.st_gid} {st.st_mode & 0o7777:04o}: "
                         "it should be the kiosk user's and writable by no one else")
            # the kiosk user may write it; another user may not (nor replace it in its folder)
            me = subprocess.run(as_nobody + ["sh", "-c", f"test -w '{pinfile}' && test -w '{os.path.dirname(pinfile)}'"],
                                timeout=LIMIT)
            other = subprocess.run(["setpriv", f"--reuid={OTHER}", f"--regid={OTHER}", "--clear-groups", "sh", "-c",
                                    f"echo '{{\"fails\": 0}}' > '{pinfile}' || "
                                    f"echo '{{\"fails\": 0}}' > '{os.path.dirname(pinfile)}/x'"],
                                   stderr=subprocess.DEVNULL, timeout=LIMIT)
            if me.returncode != 0:
                fail("the kiosk user cannot write its PIN failure state")
            if other.returncode == 0:
                fail("another user could write the kiosk's PIN failure state")
            print("ok: a wrong PIN is refused; its failure state is the kiosk user's, writable by it only")
            # the admin keypad went back to waiting; the right PIN ends the kiosk
            right = enter_pin(xs.display, keys, PIN, trace, 2)
            if right.get("ok") is not True:
                fail(f"the right PIN was refused: {right}")
            try:
                rc = p.wait(timeout=LIMIT)
            except subprocess.TimeoutExpired:
                fail("the kiosk did not end after the right PIN")
            err = p.stderr.read()
            ex = [e for e in events(trace) if e["event"] == "exit"]
            if rc != 0 or not ex or ex[-1].get("reason") != "admin":
                fail(f"the right PIN: exit {rc}, trace exit {ex}: {err}")
            with open(pinfile) as f:
                after = json.load(f)
            if after.get("fails") != 0:
                fail(f"the right PIN did not clear the failure count: {after}")
            print("ok: the right PIN opens the admin exit (exit 0, reason admin) and clears the failures")
        finally:
            if p.poll() is None:
                p.send_signal(signal.SIGTERM)
                try:
                    p.wait(timeout=LIMIT)
                except subprocess.TimeoutExpired:
                    p.kill()
                    p.wait()
    finally:
        if xs:
            xs.stop()
        shutil.rmtree(work, ignore_errors=True)


main()
