#!/usr/bin/env python3
"""Settings > Reminders, headless (`play`, fresh XDG folders), with systemctl replaced
by a script that records its arguments ($GROUNDWORK_SYSTEMCTL, a test hook: CI may have
no user systemd):

- on, with a user systemd (the fake answers 0): groundwork-remind.timer and .service
  in $XDG_CONFIG_HOME/systemd/user, mode 0644, regular files; OnCalendar from the days
  and time chosen (Monday and Wednesday off, 07:15: "Tue,Thu,Fri,Sat,Sun *-*-* 07:15:00"),
  Persistent=false; the service runs `groundwork remind`; daemon-reload then enable --now;
  settings.json keeps days, time and "via": "systemd"; no autostart entry;
- off: disable --now, both units gone, settings say off;
- with no user systemd (the fake fails): the autostart entry running
  `groundwork remind --at-login`, no units left, "via": "autostart"; off removes it;
- a take-home plan proposes the days and time (every day, 09:00 for twice a day)
  until the person changes them.

  check_remind_settings.py GROUNDWORK"""
import json
import os
import shutil
import stat
import subprocess
import sys
import tempfile

EXE = os.path.abspath(sys.argv[1])

ON_CHANGE_OFF = """\
{"at": 0.5, "press": "settings"}
{"at": 1.0, "choose": "remind-day:mon"}
{"at": 1.2, "choose": "remind-day:wed"}
{"at": 1.4, "choose": "remind-hour:down"}
{"at": 1.5, "choose": "remind-hour:up"}
%s
{"at": 3.0, "choose": "reminders"}
{"at": 3.5, "screenshot": "on.png"}
{"at": 4.0, "end": true}
"""
# 18:00 to 07:15: eleven hours back, then minutes 15 on
HOURS = "\n".join('{"at": %.2f, "choose": "remind-hour:down"}' % (1.6 + 0.05 * i) for i in range(11))
TIME = HOURS + '\n{"at": 2.5, "choose": "remind-minute:up"}'

OFF = """\
{"at": 0.5, "press": "settings"}
{"at": 1.0, "choose": "reminders"}
{"at": 2.0, "end": true}
"""

failures = []


def check(cond, msg):
    if not cond:
        failures.append(msg)
        print("FAIL:", msg)


def run(tmp, env, script, name):
    path = os.path.join(tmp, name + ".jsonl")
    with open(path, "w") as f:
        f.write(script)
    tr = os.path.join(tmp, name + ".trace")
    r = subprocess.run([EXE, "play", "--script", path, "--trace", tr, "--size", "1280x720"], cwd=tmp, env=env,
                       capture_output=True, text=True, timeout=120)
    check(r.returncode == 0, "%s: play exited %d: %s" % (name, r.returncode, r.stderr))
    with open(tr) as f:
        return [json.loads(x) for x in f if x.strip()]


def settings(tmp):
    p = os.path.join(tmp, "config", "groundwork", "settings.json")
    if not os.path.exists(p):
        return {}
    with open(p) as f:
        return json.load(f).get("reminders", {})


def regular_0644(path):
    st = os.lstat(path)
    return stat.S_ISREG(st.st_mode) and stat.S_IMODE(st.st_mode) == 0o644


def calls(tmp):
    p = os.path.join(tmp, "systemctl.log")
    if not os.path.exists(p):
        return []
    with open(p) as f:
        return [x.rstrip("\n") for x in f]


def home(tmp, systemd_ok):
    env = dict(os.environ, XDG_CONFIG_HOME=os.path.join(tmp, "config"), XDG_DATA_HOME=os.path.join(tmp, "data"),
               XDG_STATE_HOME=os.path.join(tmp, "state"))
    fake = os.path.join(tmp, "systemctl")
    with open(fake, "w") as f:
        f.write('#!/bin/sh\necho "$*" >> "%s"\n%s\n' % (os.path.join(tmp, "systemctl.log"),
                                                      "exit 0" if systemd_ok else
                                                      'echo "Failed to connect to bus" >&2; exit 1'))
    os.chmod(fake, 0o755)
    env["GROUNDWORK_SYSTEMCTL"] = fake
    return env


def errors(trace):
    return [e for e in trace if e.get("event") == "error"]


def with_systemd():
    print("-- with a user systemd")
    with tempfile.TemporaryDirectory() as tmp:
        env = home(tmp, True)
        units = os.path.join(tmp, "config", "systemd", "user")
        timer, service = os.path.join(units, "groundwork-remind.timer"), os.path.join(units, "groundwork-remind.service")
        tr = run(tmp, env, ON_CHANGE_OFF % TIME, "on")
        check(not errors(tr), "on: errors %r" % errors(tr))
        rem = [e for e in tr if e.get("event") == "reminders"]
        check(rem and rem[-1].get("on") is True and rem[-1].get("via") == "systemd", "on: trace %r" % rem[-1:])
        check(os.path.exists(timer) and regular_0644(timer), "on: no regular 0644 timer at %s" % timer)
        check(os.path.exists(service) and regular_0644(service), "on: no regular 0644 service at %s" % service)
        if os.path.exists(timer):
            t = open(timer).read()
            print(t)
            check("\nOnCalendar=Tue,Thu,Fri,Sat,Sun *-*-* 07:15:00\n" in t, "on: timer's OnCalendar: %r" % t)
            check("\nPersistent=false\n" in t, "on: timer not Persistent=false")
        if os.path.exists(service):
            s = open(service).read()
            check('\nExecStart="%s" remind\n' % EXE in s, "on: service's ExecStart: %r" % s)
        if shutil.which("systemd-analyze") and os.path.exists(timer) and os.path.exists(service):
            # systemd reads them as written (where it is installed; CI may have none)
            v = subprocess.run(["systemd-analyze", "verify", service, timer], capture_output=True, text=True)
            check(v.returncode == 0 and not v.stderr.strip(), "on: systemd-analyze verify: %s" % v.stderr)
        c = calls(tmp)
        check(c[-2:] == ["--user daemon-reload", "--user enable --now groundwork-remind.timer"],
              "on: systemctl calls %r" % c)
        check(not os.path.exists(os.path.join(tmp, "config", "autostart", "groundwork-remind.desktop")),
              "on: an autostart entry as well")
        r = settings(tmp)
        check(r == {"on": True, "days": ["tue", "thu", "fri", "sat", "sun"], "time": "07:15", "via": "systemd"},
              "on: settings %r" % r)
        tr = run(tmp, env, OFF, "off")
        check(not errors(tr), "off: errors %r" % errors(tr))
        check(not os.path.exists(timer) and not os.path.exists(service), "off: units left in %s" % units)
        c = calls(tmp)
        check("--user disable --now groundwork-remind.timer" in c[-2:], "off: not disabled: %r" % c)
        r = settings(tmp)
        check(r.get("on") is False and r.get("via") == "" and r.get("time") == "07:15", "off: settings %r" % r)


def without_systemd():
    print("-- no user systemd: autostart")
    with tempfile.TemporaryDirectory() as tmp:
        env = home(tmp, False)
        units = os.path.join(tmp, "config", "systemd", "user")
        desk = os.path.join(tmp, "config", "autostart", "groundwork-remind.desktop")
        tr = run(tmp, env, ON_CHANGE_OFF % "", "on")
        check(not errors(tr), "on: errors %r" % errors(tr))
        check(os.path.exists(desk) and regular_0644(desk), "autostart: no regular 0644 entry at %s" % desk)
        if os.path.exists(desk):
            d = open(desk).read()
            check('\nExec="%s" remind --at-login\n' % EXE in d, "autostart: Exec line: %r" % d)
            if shutil.which("desktop-file-validate"):
                v = subprocess.run(["desktop-file-validate", desk], capture_output=True, text=True)
                check(v.returncode == 0 and not v.stdout.strip(), "autostart: desktop-file-validate: %s" % v.stdout)
        left = os.listdir(units) if os.path.isdir(units) else []
        check(left == [], "autostart: units left behind: %r" % left)
        r = settings(tmp)
        check(r.get("on") is True and r.get("via") == "autostart", "autostart: settings %r" % r)
        # units enabled earlier, when there was a user systemd: off removes them and the
        # link enable made, though systemctl cannot answer now
        wants = os.path.join(units, "timers.target.wants")
        os.makedirs(wants, exist_ok=True)
        for n in ("groundwork-remind.timer", "groundwork-remind.service"):
            with open(os.path.join(units, n), "w") as f:
                f.write("[Unit]\n")
        os.symlink(os.path.join(units, "groundwork-remind.timer"), os.path.join(wants, "groundwork-remind.timer"))
        tr = run(tmp, env, OFF, "off")
        check(not os.path.exists(desk), "autostart: entry left after off")
        left = os.listdir(units) + os.listdir(wants)
        check(left == ["timers.target.wants"], "autostart: off left %r" % left)
        check(settings(tmp).get("on") is False, "autostart: still on after off")


PLAN = """\
{"at": 0.5, "press": "exercise:box-breathing"}
{"at": 0.5, "press": "cautions-start"}
{"at": 1.5, "press": "ctl-add-plan"}
{"at": 2.0, "press": "ctl-freq"}
{"at": 2.5, "press": "back"}
{"at": 5.5, "press": "ctl-save-plan"}
{"at": 6.0, "end": true}
"""


def plan_proposes():
    print("-- a plan proposes")
    with tempfile.TemporaryDirectory() as tmp:
        env = home(tmp, True)
        plan = os.path.join(tmp, "data", "groundwork", "packs", "plan")
        p = os.path.join(tmp, "plan.jsonl")
        with open(p, "w") as f:
            f.write(PLAN)
        r = subprocess.run([EXE, "play", "--mode", "present", "--no-draw", "--script", p, "--plan-dir", plan],
                           env=env, capture_output=True, text=True, timeout=60)
        check(r.returncode == 0, "plan: not saved: %s" % r.stderr)
        with open(os.path.join(plan, "pack.json")) as f:
            times = json.load(f)["plan"]["frequency"]["times_per_day"]
        run(tmp, env, '{"at": 0.5, "press": "settings"}\n{"at": 1.0, "choose": "reminders"}\n{"at": 2, "end": true}\n',
            "plan")
        want = "09:00" if times > 1 else "18:00"
        r = settings(tmp)
        check(r.get("on") is True and r.get("time") == want and len(r.get("days", [])) == 7,
              "plan (%d a day): settings %r, wanted every day at %s" % (times, r, want))


def main():
    with_systemd()
    without_systemd()
    plan_proposes()
    if failures:
        sys.exit(1)
    print("reminder settings: all cases pass")


if __name__ == "__main__":
    main()
