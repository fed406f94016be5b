#!/usr/bin/env python3
"""`groundwork remind` against a private session bus (dbus-daemon, started and stopped
here) and a small notification server that records its calls (fake_notifications.py):

- no take-home plan: the generic line, the action "Start"; Start runs the program with
  no exercise ($GROUNDWORK_REMIND_EXEC, a test hook, records what would be run);
- a plan saved by present mode, the interface in Spanish (settings.json): the plan's
  first exercise named in Spanish; Start opens it (--exercise plan-box-breathing);
- the notification closed, or the server gone after showing it: exit 0 at once,
  nothing started;
- no notification server on the bus, a server that never answers, no bus at all: one
  clear line on stderr, exit status 1, within a few seconds; nothing started;
- --at-login (the autostart entry): on a chosen day after its time, one reminder at
  once and none at the next login that day; on a day not chosen, none.

  check_remind.py GROUNDWORK"""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

EXE = sys.argv[1]
HERE = os.path.dirname(os.path.abspath(__file__))
# Debian's python3-dbus is installed for Debian's python, which may not be the first
# python3 on PATH
DEB_PY = "/usr/bin/python3" if os.path.exists("/usr/bin/python3") else sys.executable

SAVE_PLAN = """\
{"at": 0.5, "press": "exercise:box-breathing"}
{"at": 0.5, "press": "cautions-start"}
{"at": 1.5, "press": "ctl-add-plan"}
{"at": 2.0, "press": "back"}
{"at": 5.5, "press": "ctl-save-plan"}
{"at": 6.0, "end": true}
"""

failures = []


def check(cond, msg):
    if not cond:
        failures.append(msg)
        print("FAIL:", msg)


class Bus:
    """A private session bus for one case."""

    def __init__(self, tmp):
        self.proc = subprocess.Popen(["dbus-daemon", "--session", "--nofork", "--nopidfile", "--print-address=1"],
                                     stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        self.address = self.proc.stdout.readline().strip()
        self.server = None
        self.tmp = tmp

    def serve(self, mode, log):
        ready = os.path.join(self.tmp, "ready")
        if os.path.exists(ready):
            os.unlink(ready)
        self.server = subprocess.Popen([DEB_PY, os.path.join(HERE, "fake_notifications.py"),
                                        self.address, log, ready, mode])
        for _ in range(200):
            if os.path.exists(ready):
                return
            time.sleep(0.05)
        raise SystemExit("FAIL: the fake notification server did not start")

    def stop(self):
        for p in (self.server, self.proc):
            if p:
                p.terminate()
                p.wait(timeout=10)


def calls(log):
    if not os.path.exists(log):
        return []
    with open(log) as f:
        return [json.loads(x) for x in f if x.strip()]


def run_remind(env, *args, timeout=30):
    t0 = time.monotonic()
    r = subprocess.run([EXE, "remind", *args], env=env, capture_output=True, text=True, timeout=timeout)
    return r, time.monotonic() - t0


def started(tmp):
    p = os.path.join(tmp, "started")
    if not os.path.exists(p):
        return None
    with open(p) as f:
        return f.read().split("\n")[:-1]


def case(name, home_setup, mode, want_rc, check_fn, args=("--wait", "10"), bus=True, max_s=None):
    print("--", name)
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, XDG_CONFIG_HOME=os.path.join(tmp, "config"), XDG_DATA_HOME=os.path.join(tmp, "data"),
                   XDG_STATE_HOME=os.path.join(tmp, "state"), LANGUAGE="", LC_ALL="C.UTF-8", LANG="C.UTF-8")
        env.pop("XDG_RUNTIME_DIR", None)
        hook = os.path.join(tmp, "start.sh")
        with open(hook, "w") as f:
            f.write('#!/bin/sh\nfor a in "$@"; do printf "%%s\\n" "$a"; done > "%s"\n' % os.path.join(tmp, "started"))
        os.chmod(hook, 0o755)
        env["GROUNDWORK_REMIND_EXEC"] = hook
        home_setup(tmp, env)
        b = Bus(tmp) if bus else None
        log = os.path.join(tmp, "calls.jsonl")
        try:
            env["DBUS_SESSION_BUS_ADDRESS"] = b.address if b else "unix:path=" + os.path.join(tmp, "no-bus")
            if b and mode:
                b.serve(mode, log)
            r, secs = run_remind(env, *args)
        finally:
            if b:
                b.stop()
        print("   exit", r.returncode, "in %.1f s" % secs, "stderr:", r.stderr.strip())
        check(r.returncode == want_rc, "%s: exit status %d, wanted %d" % (name, r.returncode, want_rc))
        if max_s:
            check(secs <= max_s, "%s: took %.1f s (at most %d)" % (name, secs, max_s))
        check_fn(name, r, calls(log), started(tmp))


def no_home(tmp, env):
    pass


def plan_home(tmp, env):
    """A take-home plan saved by present mode into the packs folder, and Spanish."""
    script = os.path.join(tmp, "save.jsonl")
    with open(script, "w") as f:
        f.write(SAVE_PLAN)
    plan = os.path.join(tmp, "data", "groundwork", "packs", "plan")
    r = subprocess.run([EXE, "play", "--mode", "present", "--no-draw", "--script", script, "--plan-dir", plan],
                       env=env, capture_output=True, text=True, timeout=60)
    if r.returncode != 0 or not os.path.exists(os.path.join(plan, "pack.json")):
        raise SystemExit("FAIL: the plan could not be saved: " + r.stderr)
    os.makedirs(os.path.join(tmp, "config", "groundwork"), exist_ok=True)
    with open(os.path.join(tmp, "config", "groundwork", "settings.json"), "w") as f:
        json.dump({"language": "es"}, f)


def notified(name, c):
    n = [x for x in c if x.get("call") == "Notify"]
    check(len(n) == 1, "%s: %d Notify calls, wanted 1" % (name, len(n)))
    return n[0] if n else {}


def generic_click(name, r, c, st):
    n = notified(name, c)
    check(n.get("summary") == "Groundwork", "%s: summary %r" % (name, n.get("summary")))
    check(n.get("body") == "A few minutes of practice?", "%s: body %r" % (name, n.get("body")))
    acts = n.get("actions", [])
    check("start" in acts[0::2] and acts[acts.index("start") + 1] == "Start" if "start" in acts else False,
          "%s: no action Start in %r" % (name, acts))
    check(n.get("app_name") == "Groundwork", "%s: app name %r" % (name, n.get("app_name")))
    check(n.get("hints", {}).get("desktop-entry") == "org.groundwork.Groundwork", "%s: hints %r" % (name, n.get("hints")))
    check(st == [], "%s: Start ran %r, wanted the program with no arguments" % (name, st))


def plan_click(name, r, c, st):
    n = notified(name, c)
    check(n.get("summary") == "Es hora de practicar", "%s: summary %r" % (name, n.get("summary")))
    body = n.get("body", "")
    check(body.startswith("Tu plan: ") and "cuadrada" in body.lower(), "%s: body %r" % (name, body))
    acts = n.get("actions", [])
    check("start" in acts and acts[acts.index("start") + 1] == "Empezar", "%s: no action Empezar in %r" % (name, acts))
    check(st == ["--exercise", "plan-box-breathing"], "%s: Start ran %r" % (name, st))


def closed(name, r, c, st):
    notified(name, c)
    check(st is None, "%s: something was started: %r" % (name, st))


def refused(what):
    def fn(name, r, c, st):
        lines = r.stderr.strip().split("\n")
        check(len(lines) == 1 and lines[0].startswith("groundwork: no reminder shown: ") and what in lines[0],
              "%s: stderr %r, wanted one line naming %r" % (name, r.stderr, what))
        check(st is None, "%s: something was started: %r" % (name, st))
    return fn


def reminders_on(days):
    def setup(tmp, env):
        os.makedirs(os.path.join(tmp, "config", "groundwork"), exist_ok=True)
        with open(os.path.join(tmp, "config", "groundwork", "settings.json"), "w") as f:
            json.dump({"reminders": {"on": True, "days": days, "time": "00:00", "via": "autostart"}}, f)
    return setup


def at_login_twice(name, home_setup):
    """--at-login on a chosen day after its time: reminds at once, then not again that day."""
    print("--", name)
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, XDG_CONFIG_HOME=os.path.join(tmp, "config"), XDG_DATA_HOME=os.path.join(tmp, "data"),
                   XDG_STATE_HOME=os.path.join(tmp, "state"), LANGUAGE="", LC_ALL="C.UTF-8", LANG="C.UTF-8")
        home_setup(tmp, env)
        b = Bus(tmp)
        log = os.path.join(tmp, "calls.jsonl")
        try:
            env["DBUS_SESSION_BUS_ADDRESS"] = b.address
            b.serve("close", log)
            r1, s1 = run_remind(env, "--at-login", "--wait", "5")
            r2, s2 = run_remind(env, "--at-login", "--wait", "5")
        finally:
            b.stop()
        n = [x for x in calls(log) if x.get("call") == "Notify"]
        check(r1.returncode == 0 and r2.returncode == 0, "%s: exit statuses %d, %d" % (name, r1.returncode, r2.returncode))
        check(len(n) == 1, "%s: %d notifications, wanted 1 (once a day)" % (name, len(n)))
        check(s2 < 3, "%s: the second login waited %.1f s" % (name, s2))


def main():
    if not shutil.which("dbus-daemon"):
        print("SKIP: dbus-daemon is missing (scripts/deps.sh installs it)")
        sys.exit(77)
    case("no plan, Start", no_home, "click", 0, generic_click)
    case("plan in Spanish, Start", plan_home, "click", 0, plan_click)
    case("closed", no_home, "close", 0, closed)
    case("server gone after showing it", no_home, "vanish", 0, closed, max_s=4)
    case("no server", no_home, None, 1, refused("no notification server answered"), max_s=5)
    case("silent server", no_home, "silent", 1, refused("no notification server answered"), max_s=8)
    case("no bus", no_home, None, 1, refused("session bus"), bus=False, max_s=5)
    at_login_twice("at login, a chosen day", reminders_on(["mon", "tue", "wed", "thu", "fri", "sat", "sun"]))
    days = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
    other = [d for i, d in enumerate(days) if i != time.localtime().tm_wday]
    case("at login, not a chosen day", reminders_on(other), "click", 0,
         lambda name, r, c, st: check(not [x for x in c if x.get("call") == "Notify"] and st is None,
                                      "%s: reminded on a day not chosen: %r" % (name, c)),
         args=("--at-login",), max_s=3)
    if failures:
        sys.exit(1)
    print("remind: all cases pass")


if __name__ == "__main__":
    main()
