#!/usr/bin/env python3
"""docs/fleet.md on one machine: three kiosks, each live on an X server of its own (Xvfb)
with its own folders, kept current and counted by the shell blocks of docs/fleet.md run
as written (read from the file, so the documented commands are the tested ones).

`ssh` is a stand-in (a script first in PATH) that runs the command here, with the named
kiosk's folders in place of /var/lib/groundwork-content and /etc/groundwork; rsync uses it
as its remote shell, so the copy goes through rsync's own protocol, without a network.
`runuser -u kiosk --` is a stand-in that runs the command as is.

Checks:
- a new pack pushed while a visitor is in an exercise on every kiosk is not swapped in
  during the exercise, and is swapped in by all three at their next idle reset;
- the documented check refuses a pack with an error; pushed all the same, all three keep
  the last good content at their next idle reset, with the reason on stderr and in the
  trace;
- a push killed half way (rsync slowed by the stand-in, then the loop killed) leaves
  `current` naming the last complete release, its files unchanged;
- (as root) a kiosk whose content folder is a 1 MiB tmpfs refuses a pack that does not
  fit: the loop says NOT updated, `current` is unchanged, staging is removed; not root:
  said and skipped;
- the counters pulled from the three and merged with sqlite3 give totals equal to the
  sum of each kiosk's own, each row labelled with its kiosk; the third kiosk, whose clock
  is set years back (faketime), labels its counters by its own day and the clock query
  names it.

usage: check_fleet.py GROUNDWORK DOCS/FLEET.MD"""
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from xvfb_server import Xvfb  # noqa: E402
from live_trace import events, wait_for as live_wait_for  # noqa: E402

EXE = os.path.abspath(sys.argv[1])
DOC = sys.argv[2]
LIMIT = 40.0
KIOSKS = ["k1", "k2", "k3"]
WRONG_CLOCK = "2019-03-01 09:00:00"   # the third kiosk's clock
failures = []


def check(cond, what):
    print(("ok: " if cond else "FAIL: ") + what)
    if not cond:
        failures.append(what)
    return cond


def fail(msg):
    sys.exit("FAIL: " + msg)


def wait_for(path, pred, what, limit=LIMIT):
    return live_wait_for(path, pred, what, limit, fail)


def blocks():
    """The shell blocks of docs/fleet.md, by the name in the comment before each."""
    text = open(DOC, encoding="utf-8").read()
    found = dict(re.findall(r"<!-- fleet:(\w+) -->\n```sh\n(.*?)```", text, re.S))
    for need in ("check", "push", "pull", "merge", "clocks"):
        if need not in found:
            fail(f"docs/fleet.md has no fleet:{need} block")
    return found


FAKE_SSH = r"""#!/bin/bash
# ssh stand-in: the command runs here, the kiosk's folders in place of its system's
while [[ $1 == -* ]]; do
  case $1 in -l|-p|-o|-i|-e) shift 2 ;; *) shift ;; esac
done
host=${1#*@}
shift
root=$FLEET_ROOT/$host
[ -d "$root" ] || { echo "ssh: connect to host $host: no such kiosk" >&2; exit 255; }
cmd="$*"
cmd=${cmd//\/var\/lib\/groundwork-content/$root/content}
cmd=${cmd//\/etc\/groundwork/$root/etc}
if [ -n "$FLEET_SLOW" ] && [[ $cmd == rsync\ --server* ]]; then
  # a slow line: what the client sends trickles in
  python3 -c '
import os, sys, time
while True:
    b = os.read(0, 4096)
    if not b:
        break
    os.write(1, b)
    time.sleep(0.02)
' | sh -c "$cmd"
  exit
fi
exec sh -c "$cmd"
"""

FAKE_RUNUSER = """#!/bin/sh
# runuser stand-in: the kiosks here run as the test's user
while [ "$1" != "--" ]; do shift; done
shift
exec "$@"
"""


def pack(path, version, extra=None, broken=False, big=0):
    """A pack with the exercise the kiosks offer (its title says the version), and
    optionally a second exercise, a syntax error or a big file."""
    if os.path.exists(path):
        shutil.rmtree(path)
    os.makedirs(path)
    ex = [{"id": "clinic-calm", "kind": "breathing", "category": "breathing",
           "title": "Calm breathing, version %d" % version, "summary": "In for two, out for two.",
           "cautions": ["Stop if you feel dizzy."], "source": "Test data; not guidance.", "unattended": True,
           "breathing": {"phases": [{"phase": "inhale", "seconds": 2}, {"phase": "exhale", "seconds": 2}],
                         "cycles": 3, "lead_in": 1}}]
    if extra:
        ex.append(dict(ex[0], id=extra, title="Slow breathing"))
    p = {"format": "1.0", "id": "clinic-fleet", "name": "Clinic pack", "version": str(version),
         "languages": ["en"], "authors": ["Groundwork test suite"], "license": "CC0-1.0",
         "sources": ["Test data; not guidance."], "exercises": ex}
    text = json.dumps(p, indent=2)
    if broken:
        text = text.replace('"cycles": 3,', '"cycles": 3', 1)  # a JSON syntax error
    with open(os.path.join(path, "pack.json"), "w") as f:
        f.write(text)
    if big:
        with open(os.path.join(path, "notes.bin"), "wb") as f:
            f.write(os.urandom(big))


def tree(path):
    """Every file under path with its bytes."""
    out = {}
    for dirpath, _, files in os.walk(path):
        for n in files:
            full = os.path.join(dirpath, n)
            out[os.path.relpath(full, path)] = open(full, "rb").read()
    return out


class Kiosk:
    def __init__(self, root, name, n):
        self.name, self.root = name, os.path.join(root, name)
        for d in ("content/releases", "etc", "home/config", "home/data", "home/state", "stats"):
            os.makedirs(os.path.join(self.root, d), exist_ok=True)
        self.cfg = os.path.join(self.root, "etc", "kiosk.json")
        with open(self.cfg, "w") as f:
            json.dump({"name": "waiting-room-%d" % n, "exercises": ["clinic-calm"], "idle_timeout": 10,
                       "stats": True, "stats_path": os.path.join(self.root, "stats", "kiosk-stats.sqlite")}, f)
        self.trace = os.path.join(self.root, "trace.jsonl")
        self.err = os.path.join(self.root, "stderr.txt")
        self.x = None
        self.p = None

    def current(self):
        return os.path.realpath(os.path.join(self.root, "content", "current"))

    def start(self, wrong_clock=False):
        self.x = Xvfb("1024x768", LIMIT, fail)
        env = dict(os.environ, DISPLAY=self.x.display, SDL_AUDIODRIVER="dummy",
                   XDG_CONFIG_HOME=os.path.join(self.root, "home/config"),
                   XDG_DATA_HOME=os.path.join(self.root, "home/data"),
                   XDG_STATE_HOME=os.path.join(self.root, "home/state"))
        for k in ("SDL_VIDEODRIVER", "WAYLAND_DISPLAY"):
            env.pop(k, None)
        cmd = [EXE, "--kiosk", "--config", self.cfg, "--pack", os.path.join(self.root, "content", "current"),
               "--trace", self.trace]
        if wrong_clock:
            # its wall clock only: the idle policy runs on the monotonic clock
            env["FAKETIME_DONT_FAKE_MONOTONIC"] = "1"
            # an AddressSanitizer build must come first among the libraries, and
            # libfaketime is preloaded before it: told that this is meant
            if "ASAN_OPTIONS" in env:
                env["ASAN_OPTIONS"] += ":verify_asan_link_order=0"
            cmd = ["faketime", WRONG_CLOCK] + cmd
        self.errf = open(self.err, "w")
        self.p = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=self.errf)

    def key(self, name):
        subprocess.run(["xdotool", "key", name], env=dict(os.environ, DISPLAY=self.x.display), timeout=LIMIT,
                       check=True)

    def ev(self, **kw):
        return [e for e in events(self.trace) if all(e.get(k) == v for k, v in kw.items())]

    def stop(self):
        if self.p and self.p.poll() is None:
            self.p.send_signal(signal.SIGTERM)
            try:
                self.p.wait(timeout=LIMIT)
            except subprocess.TimeoutExpired:
                self.p.kill()
                self.p.wait()
        if self.x:
            self.x.stop()


def sh(script, cwd, env, timeout=120):
    return subprocess.run(["bash", "-c", script], cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)


def visit_to_exercise(k):
    """A visitor touches the attract screen and starts the exercise (its cautions first:
    Start comes after 5 s)."""
    k.key("Return")
    wait_for(k.trace, lambda e: e["event"] == "scene" and e.get("name") == "cautions", "the cautions")


def main():
    for tool in ("Xvfb", "xdotool", "rsync", "sqlite3", "faketime"):
        if not shutil.which(tool):
            print(f"SKIP: {tool} is not installed")
            sys.exit(77)
    b = blocks()
    work = tempfile.mkdtemp(prefix="gw-fleet-")
    kiosks = []
    mounted = None
    try:
        fleet = os.path.join(work, "kiosks")
        pub = os.path.join(work, "publisher")
        fake = os.path.join(work, "bin")
        for d in (fleet, pub, fake):
            os.makedirs(d)
        for name, text in (("ssh", FAKE_SSH), ("runuser", FAKE_RUNUSER)):
            with open(os.path.join(fake, name), "w") as f:
                f.write(text)
            os.chmod(os.path.join(fake, name), 0o755)
        os.symlink(EXE, os.path.join(fake, "groundwork"))
        env = dict(os.environ, PATH=fake + ":" + os.environ["PATH"], FLEET_ROOT=fleet)
        kiosks = [Kiosk(fleet, name, i + 1) for i, name in enumerate(KIOSKS)]
        with open(os.path.join(pub, "kiosks.txt"), "w") as f:
            f.write("\n".join(KIOSKS) + "\n")
        cp = os.path.join(pub, "clinic-pack")

        # the first release, pushed before the kiosks start
        pack(cp, 1)
        r = sh(b["check"] + b["push"], pub, env)
        check(r.returncode == 0 and r.stdout.count("updated") == 3,
              f"the first push: {r.returncode}: {r.stdout} {r.stderr}")
        v1 = kiosks[0].current()
        for i, k in enumerate(kiosks):
            k.start(wrong_clock=(i == 2))
        for k in kiosks:
            wait_for(k.trace, lambda e: e["event"] == "scene" and e.get("name") == "attract", "the attract screen")

        # a visitor in the exercise on each; the new pack arrives meanwhile
        for k in kiosks:
            visit_to_exercise(k)
        end = time.monotonic() + LIMIT
        while time.monotonic() < end and not all(k.ev(event="exercise_start") for k in kiosks):
            for k in kiosks:
                if not k.ev(event="exercise_start"):
                    k.key("Return")   # Start, once it is offered
            time.sleep(0.5)
        check(all(k.ev(event="exercise_start") for k in kiosks), "a visitor started the exercise on each kiosk")
        pack(cp, 2, extra="clinic-slow")
        r = sh(b["check"] + b["push"], pub, env)
        check(r.returncode == 0 and r.stdout.count("updated") == 3 and
              all(k.current() != v1 for k in kiosks), f"the second push: {r.stdout} {r.stderr}")
        check(all(not k.ev(event="exercise_end") and not k.ev(event="content") for k in kiosks),
              "the push landed while each visitor was still in the exercise, and nothing was swapped")
        for k in kiosks:
            sw = wait_for(k.trace, lambda e: e["event"] == "content", "a content swap", limit=60)
            evs = events(k.trace)
            end_t = [e["t"] for e in evs if e["event"] == "exercise_end"]
            reset = [e for e in evs if e["event"] == "idle_reset"]
            check(sw.get("result") == "swapped" and sw.get("exercises", 0) >= 2 and end_t and reset and
                  end_t[0] <= reset[0]["t"] <= sw["t"],
                  f"{k.name}: the new pack swapped in at the idle reset after the exercise ended: {sw}, "
                  f"ended {end_t}, resets {reset}")
        v2 = kiosks[0].current()

        # a pack with an error: the check refuses it; pushed anyway, every kiosk keeps v2
        pack(cp, 3, broken=True)
        r = sh(b["check"], pub, env)
        check(r.returncode != 0 and "not published" in r.stderr, f"the check refuses a pack with an error: {r.stderr}")
        r = sh(b["push"], pub, env)
        check(r.returncode == 0 and all(k.current() != v2 for k in kiosks),
              f"the broken pack pushed all the same: {r.stdout} {r.stderr}")
        for k in kiosks:
            k.key("Return")   # a visitor looks, and leaves
        for k in kiosks:
            kept = wait_for(k.trace, lambda e: e["event"] == "content" and e.get("result") == "kept",
                            "the broken pack kept out", limit=60)
            err = open(k.err).read()
            check("pack.json" in kept.get("reason", "") and "syntax" in kept.get("reason", "").lower() and
                  "not swapped in" in err and "pack.json" in err,
                  f"{k.name}: kept the last good content with the reason logged: {kept}; stderr: {err.strip()}")
            check(len(k.ev(event="content", result="swapped")) == 1, f"{k.name}: still on the second pack")

        # the counters, pulled and merged as documented
        r = sh(b["pull"] + b["merge"], pub, env)
        check(r.returncode == 0, f"pull and merge: {r.stderr}")
        db = os.path.join(pub, "fleet.sqlite")
        rows = subprocess.run(["sqlite3", "-json", db, "SELECT kiosk, day, started, completed FROM daily"],
                              capture_output=True, text=True).stdout
        rows = json.loads(rows or "[]")
        own = []
        for k in kiosks:
            p = subprocess.run([EXE, "kiosk", "stats", "--json", "--config", k.cfg], capture_output=True, text=True)
            own += json.loads(p.stdout)
        totals = subprocess.run(["sqlite3", db, "SELECT sum(started), sum(completed) FROM daily"],
                                capture_output=True, text=True).stdout.strip()
        want = "%d|%d" % (sum(x["started"] for x in own), sum(x["completed"] for x in own))
        check(totals == want and sum(x["started"] for x in own) == 3 and
              sorted(map(json.dumps, rows)) == sorted(map(json.dumps, own)),
              f"the merged table is each kiosk's rows, totals {totals} = the sum {want}: {rows}")
        wrong = [x for x in rows if x["kiosk"] == "waiting-room-3"]
        check(wrong and all(x["day"] == WRONG_CLOCK[:10] for x in wrong) and
              all(x["day"] != WRONG_CLOCK[:10] for x in rows if x["kiosk"] != "waiting-room-3"),
              f"the kiosk with the wrong clock labels its counters by its own day: {wrong}")
        r = sh(b["clocks"], pub, env)
        check("waiting-room-3" in r.stdout and "waiting-room-1" not in r.stdout,
              f"the clock query names the kiosk with the wrong clock: {r.stdout}")
        for k in kiosks:
            k.stop()

        # a push killed half way: current still names the last complete release
        k1 = kiosks[0]
        before = k1.current()
        files = tree(before)
        pack(cp, 4, big=2 << 20)
        with open(os.path.join(pub, "kiosks.txt"), "w") as f:
            f.write("k1\n")
        p = subprocess.Popen(["bash", "-c", b["push"]], cwd=pub, env=dict(env, FLEET_SLOW="1"),
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
        staging = os.path.join(k1.root, "content", "staging")
        end = time.monotonic() + LIMIT
        while time.monotonic() < end and not (os.path.isdir(staging) and os.listdir(staging)):
            time.sleep(0.05)
        time.sleep(0.5)
        os.killpg(p.pid, signal.SIGKILL)
        p.wait()
        check(os.path.isdir(staging) and k1.current() == before and tree(before) == files and
              not os.path.exists(os.path.join(before, "notes.bin")),
              "a push killed half way leaves current on the last complete release, unchanged")
        subprocess.run([EXE, "validate", os.path.join(k1.root, "content", "current")], capture_output=True,
                       check=False)

        # a full disk: a kiosk whose content folder is a 1 MiB file system
        if os.geteuid() != 0:
            print("skipped: the full disk (mounting a small tmpfs needs root)")
        else:
            k4 = os.path.join(fleet, "k4")
            os.makedirs(os.path.join(k4, "content"))
            m = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", os.path.join(k4, "content")],
                               capture_output=True, text=True)
            if m.returncode != 0:
                print(f"skipped: the full disk (cannot mount a tmpfs here: {m.stderr.strip()})")
            else:
                mounted = os.path.join(k4, "content")
                os.makedirs(os.path.join(k4, "content", "releases"))
                with open(os.path.join(pub, "kiosks.txt"), "w") as f:
                    f.write("k4\n")
                pack(cp, 2, extra="clinic-slow")
                r = sh(b["push"], pub, env)
                good = os.path.realpath(os.path.join(k4, "content", "current"))
                check(r.returncode == 0 and "k4: updated" in r.stdout, f"k4: a pack that fits: {r.stderr}")
                files = tree(good)
                pack(cp, 5, big=2 << 20)
                r = sh(b["push"], pub, env)
                check("NOT updated" in r.stderr and "No space left" in r.stderr and
                      os.path.realpath(os.path.join(k4, "content", "current")) == good and tree(good) == files and
                      not os.path.exists(os.path.join(k4, "content", "staging")),
                      f"a full disk refuses the new pack and keeps the old: {r.stdout} {r.stderr}")
    finally:
        for k in kiosks:
            k.stop()
        if mounted:
            subprocess.run(["umount", mounted])
        shutil.rmtree(work, ignore_errors=True)
    if failures:
        sys.exit(f"{len(failures)} check(s) failed")
    print("fleet: all checks passed")


main()
