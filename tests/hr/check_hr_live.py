#!/usr/bin/env python3
"""The real program with a simulated heart-rate sensor: a BlueZ stand-in (fake_bluez.py) on
a private bus (DBUS_SYSTEM_BUS_ADDRESS points the program at it), the live program under a
private X server (Xvfb), its trace read as it runs; generous limits, no fixed speed.

1. A fresh home: from the library by keys to Settings, its "Heart-rate sensor" page, Look
   for sensors, the sensor chosen as it appears (pressed `hr-device:...`); the page traces
   the sensor receiving and the settings keep its address; the stand-in was asked to
   look (an LE filter first), to stop looking, to pair and to connect.
2. The program started again with a breathing exercise: it connects to the sensor kept,
   and `hr` events carry the intervals the stand-in sends (800 and 850 ms: 75 and 70.6
   beats a minute); the sensor goes out of reach (disconnected and removed): the program
   goes on, traces `hr_sensor` out_of_reach and no beats, the pacer says so (read by F5); it comes back: receiving again
   and `hr` events resume; SIGTERM ends the program cleanly (exit 0, `exit` traced).
3. Without Bluetooth (`play`, a sensor chosen in the settings): no system bus at all, a bus
   without BlueZ, BlueZ refusing the program, the adapter switched off: a breathing
   exercise runs as before (completed, no `hr` events),
   `hr_sensor` says unavailable and why, and the page says why in words (F5 reads it).
4. Forget sensor on the page (`play`): the address leaves the settings.

usage: check_hr_live.py GROUNDWORK"""
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, ".."))
import private_bus  # noqa: E402
import live_trace  # noqa: E402
from xvfb_server import Xvfb  # noqa: E402

EXE = sys.argv[1]
DEB_PY = "/usr/bin/python3" if os.path.exists("/usr/bin/python3") else sys.executable
LIMIT = 30.0
SENSOR = "C0:FF:EE:00:00:01"
FAILS = []


def skip(why):
    print("SKIP: " + why)
    sys.exit(77)


def fail(msg):
    sys.exit("FAIL: " + msg)


events = live_trace.events


def wait_for(path, pred, what, after=-1.0):
    return live_trace.wait_for(path, lambda e: e["t"] > after and pred(e), what, LIMIT, fail)


def xdo(display, *args):
    subprocess.run(["xdotool"] + list(args), check=True, env=dict(os.environ, DISPLAY=display))


def keys(display, *names):
    for k in names:
        xdo(display, "key", k)
        time.sleep(0.25)


def home(work, name, settings):
    h = os.path.join(work, name)
    os.makedirs(os.path.join(h, "config", "groundwork"))
    with open(os.path.join(h, "config", "groundwork", "settings.json"), "w") as f:
        json.dump(settings, f)
    return h


def env_for(h, bus, display=None):
    env = dict(os.environ, HOME=h, XDG_CONFIG_HOME=os.path.join(h, "config"), XDG_DATA_HOME=os.path.join(h, "data"),
               XDG_STATE_HOME=os.path.join(h, "state"), DBUS_SYSTEM_BUS_ADDRESS=bus, DBUS_SESSION_BUS_ADDRESS=bus,
               LANGUAGE="", LC_ALL="C.UTF-8", SDL_AUDIODRIVER="dummy")
    if display:
        env.update(DISPLAY=display, SDL_VIDEODRIVER="x11")
        env.pop("WAYLAND_DISPLAY", None)
    return env


def stop(p):
    p.send_signal(signal.SIGTERM)
    try:
        return p.wait(timeout=LIMIT)
    except subprocess.TimeoutExpired:
        p.kill()
        p.wait()
        return None


def choose_in_settings(work, bus, display):
    """Step 1: the sensor chosen on the Settings page by keys, as a person would."""
    h = home(work, "home", {"welcomed": True})
    trace = os.path.join(work, "choose.jsonl")
    p = subprocess.Popen([EXE, "--size", "1280x720", "--trace", trace], env=env_for(h, bus, display))
    try:
        wait_for(trace, lambda e: e["event"] == "scene" and e.get("name") == "library", "library")
        time.sleep(0.5)
        xdo(display, "mousemove", "640", "700")  # no window manager: the pointer gives the focus
        time.sleep(0.3)
        # Up from the first card wraps to Quit, Up again is Settings
        keys(display, "Up", "Up", "Return")
        wait_for(trace, lambda e: e["event"] == "scene" and e.get("name") == "settings", "settings")
        # its second page (1280x720, 100% text, English); from its first control up to Back
        # and round to the last controls: Previous page, Delete, Export, then the sensor's row
        keys(display, "Next", *(["Up"] * 6), "Return")
        wait_for(trace, lambda e: e["event"] == "press", "a press")
        pressed = [e["widget"] for e in events(trace) if e["event"] == "press"]
        if pressed[-1] != "hr-sensor":
            fail("the keys did not reach the Heart-rate sensor row (the settings' layout changed?): %s" % pressed)
        idle = wait_for(trace, lambda e: e["event"] == "hr_sensor" and e.get("state") == "idle",
                        "the page's state: no sensor chosen")
        keys(display, "Return")  # Look for sensors (the page's first control)
        wait_for(trace, lambda e: e["event"] == "setting" and e.get("widget") == "hr-scan", "Look for sensors")
        time.sleep(1.5)  # the stand-in shows the sensor 0.3 s after discovery starts
        keys(display, "Down", "Return")  # the sensor found, below Look for sensors
        wait_for(trace, lambda e: e["event"] == "setting" and e.get("widget") == "hr-device:" + SENSOR,
                 "the sensor chosen")
        got = wait_for(trace, lambda e: e["event"] == "hr_sensor" and e.get("state") == "receiving",
                       "the page saying the sensor is connected")
        print("ok: chosen in Settings by keys; connected %.1f s after the page opened" % (got["t"] - idle["t"]))
        keys(display, "Escape", "Escape")
        wait_for(trace, lambda e: e["event"] == "scene" and e.get("name") == "library", "back in the library",
                 after=got["t"])
    finally:
        rc = stop(p)
    if rc != 0:
        fail("the program ended with %s" % rc)
    with open(os.path.join(h, "config", "groundwork", "settings.json")) as f:
        kept = json.load(f).get("hr_sensor")
    if kept != SENSOR:
        fail("the settings keep %r as the sensor" % kept)
    print("ok: the settings keep the sensor's address")
    return h


def breathe_with_sensor(work, h, bus, display, fake):
    """Step 2: beats during an exercise; the sensor out of reach and back."""
    trace = os.path.join(work, "breathe.jsonl")
    p = subprocess.Popen([EXE, "--size", "1280x720", "--trace", trace, "--exercise", "box-breathing", "--cycles",
                          "60"], env=env_for(h, bus, display))
    try:
        wait_for(trace, lambda e: e["event"] == "exercise_start", "the exercise")
        first = wait_for(trace, lambda e: e["event"] == "hr", "an hr event")
        time.sleep(3)
        beats = [e for e in events(trace) if e["event"] == "hr"]
        bad = [e for e in beats if not (abs(e["rr"] - 799.8) < 1.5 or abs(e["rr"] - 849.6) < 1.5)
               or abs(e["bpm"] - 60000 / e["rr"]) > 0.2]
        if len(beats) < 5 or bad:
            FAILS.append("hr events are not the intervals sent (800, 850 ms): %d, wrong %s" % (len(beats), bad[:3]))
        print("ok: %d hr events in 3 s from the first (t %.1f), %.1f and %.1f beats a minute"
              % (len(beats), first["t"], 60000 / 799.8, 60000 / 849.6))
        fake.send_signal(signal.SIGUSR1)
        gone = wait_for(trace, lambda e: e["event"] == "hr_sensor" and e.get("state") == "out_of_reach",
                        "out of reach")
        time.sleep(4)
        if p.poll() is not None:
            fail("the program ended when the sensor went away (%s)" % p.returncode)
        # the screen says so where the heart-rate line was: with read aloud turned on
        # (Ctrl+Alt+R), F5 reads the screen's words
        xdo(display, "mousemove", "640", "700")  # no window manager: the pointer gives the focus
        keys(display, "ctrl+alt+r", "F5")
        wait_for(trace, lambda e: e["event"] == "speak" and "Heart-rate sensor out of reach" in e.get("text", ""),
                 "the pacer saying the sensor is out of reach (F5)", after=gone["t"])
        late = [e for e in events(trace) if e["event"] == "hr" and e["t"] > gone["t"] + 2]
        if late:
            FAILS.append("beats while the sensor was out of reach: %s" % late[:3])
        print("ok: out of reach (t %.1f), no beats, still running" % gone["t"])
        t_back = events(trace)[-1]["t"]
        fake.send_signal(signal.SIGUSR2)
        back = wait_for(trace, lambda e: e["event"] == "hr_sensor" and e.get("state") == "receiving",
                        "receiving again", after=gone["t"])
        again = wait_for(trace, lambda e: e["event"] == "hr", "hr events again", after=max(back["t"], t_back))
        print("ok: back in reach, receiving at t %.1f, beats again at t %.1f" % (back["t"], again["t"]))
        if p.poll() is not None:
            fail("the program ended (%s)" % p.returncode)
    finally:
        rc = stop(p)
    ends = [e for e in events(trace) if e["event"] == "exit"]
    if rc != 0 or not ends:
        FAILS.append("SIGTERM did not end the program cleanly: exit status %s, %s" % (rc, ends))


def without_bluetooth(work, bus, what, why):
    """Step 3: `play` with a sensor chosen but no Bluetooth: the exercise as before, and why."""
    h = home(work, "home-" + what, {"welcomed": True, "hr_sensor": SENSOR})
    env = env_for(h, bus)
    trace = os.path.join(work, what + "-ex.jsonl")
    r = subprocess.run([EXE, "play", "--no-draw", "--exercise", "box-breathing", "--cycles", "2", "--trace", trace],
                       env=env, capture_output=True, text=True, timeout=120)
    ev = events(trace)
    states = [e for e in ev if e["event"] == "hr_sensor"]
    ends = [e for e in ev if e["event"] == "exercise_end"]
    if r.returncode != 0 or not ends or not ends[0].get("completed") or any(e["event"] == "hr" for e in ev):
        FAILS.append("%s: the exercise did not run as before: exit %d, %s" % (what, r.returncode, ends))
    if not states or states[0].get("state") != "unavailable" or states[0].get("why") != what:
        FAILS.append("%s: the sensor's state is traced %s" % (what, states))
    script = os.path.join(work, what + ".jsonl")
    with open(script, "w") as f:
        for line in ({"at": 0.5, "press": "settings"}, {"at": 1, "choose": "hr-sensor"}, {"at": 2, "key": "F5"},
                     {"at": 3, "end": True}):
            f.write(json.dumps(line) + "\n")
    trace = os.path.join(work, what + "-page.jsonl")
    r = subprocess.run([EXE, "play", "--no-draw", "--read-aloud", "--script", script, "--trace", trace], env=env,
                       capture_output=True, text=True, timeout=120)
    said = [e.get("text", "") for e in events(trace) if e["event"] == "speak"]
    if r.returncode != 0 or not any(why in s for s in said):
        FAILS.append("%s: the page does not say %r: %s" % (what, why, said[-1:]))
    else:
        print("ok: %s: the exercise ran as before; the page says %r" % (what, why))


def forget(work, h, bus):
    """Forget sensor on the page (`play`): the address leaves the settings."""
    script = os.path.join(work, "forget.jsonl")
    with open(script, "w") as f:
        for line in ({"at": 0.5, "press": "settings"}, {"at": 1, "choose": "hr-sensor"}, {"at": 2, "press": "hr-forget"},
                     {"at": 3, "press": "back"}, {"at": 4, "end": True}):
            f.write(json.dumps(line) + "\n")
    trace = os.path.join(work, "forget-trace.jsonl")
    r = subprocess.run([EXE, "play", "--no-draw", "--script", script, "--trace", trace], env=env_for(h, bus),
                       capture_output=True, text=True, timeout=120)
    with open(os.path.join(h, "config", "groundwork", "settings.json")) as f:
        kept = json.load(f).get("hr_sensor")
    said = [e for e in events(trace) if e["event"] in ("setting", "error")]
    if r.returncode != 0 or kept or said != [{"t": 2.0, "event": "setting", "widget": "hr-forget"}]:
        FAILS.append("Forget sensor: exit %d, settings keep %r, %s" % (r.returncode, kept, said))
    else:
        print("ok: Forget sensor takes the address out of the settings")


def start_fake(work, address, *options):
    ready = os.path.join(work, "ready-" + "-".join(options))
    log = os.path.join(work, "calls%s.jsonl" % "".join("-" + o for o in options))
    fake = subprocess.Popen([DEB_PY, os.path.join(HERE, "fake_bluez.py"), address, log, ready] + list(options))
    end = time.monotonic() + LIMIT
    while not os.path.exists(ready) and fake.poll() is None and time.monotonic() < end:
        time.sleep(0.05)
    if not os.path.exists(ready):
        fake.kill()
        fail("the BlueZ stand-in did not start")
    return fake


def main():
    for tool in ("dbus-daemon", "Xvfb", "xdotool"):
        if not shutil.which(tool):
            skip("%s is missing (scripts/deps.sh installs it)" % tool)
    with tempfile.TemporaryDirectory() as work:
        bus, address = private_bus.start()
        fake = xs = None
        try:
            without_bluetooth(work, "unix:path=" + os.path.join(work, "no-such-bus"), "no_bus",
                              "No Bluetooth service is running on this computer.")
            without_bluetooth(work, address, "no_bluez", "No Bluetooth service is running on this computer.")
            for option, why, said in (("denied", "refused", "Bluetooth refused this program: it has no permission"),
                                      ("off", "off", "Bluetooth is switched off.")):
                fake = start_fake(work, address, option)
                without_bluetooth(work, address, why, said)
                fake.terminate()
                fake.wait(timeout=10)
            fake = start_fake(work, address)
            xs = Xvfb("1280x720", LIMIT, fail)
            h = choose_in_settings(work, address, xs.display)
            with open(os.path.join(work, "calls.jsonl")) as f:
                calls = [json.loads(line).get("call") for line in f]
            if calls[:2] != ["SetDiscoveryFilter", "StartDiscovery"] or "StopDiscovery" not in calls \
                    or not {"Pair", "Connect", "StartNotify"} <= set(calls):
                FAILS.append("choosing on the page did not look, stop looking, pair and connect: %s" % calls)
            breathe_with_sensor(work, h, address, xs.display, fake)
            forget(work, h, address)
        finally:
            if xs:
                xs.stop()
            for p in (fake, bus):
                if p:
                    p.terminate()
                    p.wait(timeout=10)
    for f in FAILS:
        print("FAIL:", f)
    print("check_hr_live: %s" % ("FAILED" if FAILS else "ok"))
    return 1 if FAILS else 0


sys.exit(main())
