#!/usr/bin/env python3
"""`groundwork kiosk check` on a good deployment and on broken ones, each in a fresh
temporary folder (its own settings file, XDG folders and packs): one line per finding,
each starting with its area, exit status 0 when all is well and 1 otherwise.

Broken: no settings file, a settings file that is not JSON, one with a bad value, no
admin PIN, a broken pack among the user's packs (which the kiosk loads) and one given
with --pack, exercises named that no pack has or that are not marked for unattended
use, an attract exercise that is no breathing one, a state folder that cannot be made,
a counters' folder that cannot be written, a settings file anyone may change, one owned
by another user (as root) and one only root can read (as root) or nobody can read (as
another user). Needs GROUNDWORK_DATA_DIR (set by CTest).

usage: check_kiosk_check.py GROUNDWORK"""
import json
import os
import shutil
import subprocess
import sys
import tempfile

EXE = sys.argv[1]
ROOT = os.geteuid() == 0
failures = []


def check(cond, what):
    print(("ok: " if cond else "FAIL: ") + what)
    if not cond:
        failures.append(what)


class Deployment:
    """A fresh folder with the kiosk's settings and XDG folders."""

    def __init__(self, name, settings=None, pin=True):
        self.dir = tempfile.mkdtemp(prefix="gw-kcheck-%s-" % name)
        self.cfg = os.path.join(self.dir, "etc", "kiosk.json")
        self.env = dict(os.environ, XDG_CONFIG_HOME=os.path.join(self.dir, "config"),
                        XDG_DATA_HOME=os.path.join(self.dir, "data"),
                        XDG_STATE_HOME=os.path.join(self.dir, "state"), HOME=os.path.join(self.dir, "home"))
        os.makedirs(os.path.dirname(self.cfg))
        if settings is not None:
            self.write(settings)
            if pin:
                p = subprocess.run([EXE, "kiosk", "set-pin", "--config", self.cfg], input="2468\n",
                                   capture_output=True, text=True, env=self.env, timeout=60)
                assert p.returncode == 0, p.stderr

    def write(self, settings):
        with open(self.cfg, "w") as f:
            f.write(settings if isinstance(settings, str) else json.dumps(settings))
        os.chmod(self.cfg, 0o644)

    def check(self, *extra):
        p = subprocess.run([EXE, "kiosk", "check", "--config", self.cfg] + list(extra), capture_output=True,
                           text=True, env=self.env, timeout=120)
        return p.returncode, p.stdout.splitlines(), p.stderr

    def close(self):
        shutil.rmtree(self.dir, ignore_errors=True)


def broken(name, settings, expect, pin=True, prepare=None, extra=(), lines=1):
    """A deployment broken one way: exit 1, `lines` findings, one of them matching expect
    (area, words)."""
    d = Deployment(name, settings, pin)
    try:
        if prepare:
            prepare(d)
        rc, out, err = d.check(*(extra(d) if callable(extra) else extra))
        area, words = expect
        hit = [l for l in out if l.startswith(area + ": ") and all(w in l for w in words)]
        check(rc == 1 and hit and len(out) == lines and not any(l.startswith("ok:") for l in out),
              "%s: exit %d, %d line(s) (expected 1, %d): %s" % (name, rc, len(out), lines, " | ".join(out) or err))
    finally:
        d.close()


def as_kiosk_user():
    """As the kiosk's user (nobody, through setpriv), as docs/kiosk.md says to run it: a
    root-owned 0644 settings file and its own state folder are all well; the 0600 root
    file set-pin once left cannot be read. The program and the built-in content are
    copied where nobody can reach them (the tree may be in root's private folder)."""
    away = tempfile.mkdtemp(prefix="gw-kcheck-nobody-")
    try:
        os.chmod(away, 0o755)
        exe = os.path.join(away, "groundwork")
        shutil.copy2(EXE, exe)
        data = os.path.join(away, "data")
        shutil.copytree(os.path.join(os.environ["GROUNDWORK_DATA_DIR"], "content", "core"),
                        os.path.join(data, "content", "core"))
        for dirpath, dirs, files in os.walk(away):
            for n in dirs:
                os.chmod(os.path.join(dirpath, n), 0o755)
            for n in files:
                os.chmod(os.path.join(dirpath, n), 0o755 if n == "groundwork" else 0o644)
        home = os.path.join(away, "home")
        os.makedirs(os.path.join(home, "state"))
        os.chown(home, 65534, 65534)
        os.chown(os.path.join(home, "state"), 65534, 65534)
        cfg = os.path.join(away, "kiosk.json")
        with open(cfg, "w") as f:
            f.write('{"exercises": ["box-breathing"]}')
        os.chmod(cfg, 0o644)
        env = dict(os.environ, GROUNDWORK_DATA_DIR=data, HOME=home, XDG_STATE_HOME=os.path.join(home, "state"),
                   XDG_DATA_HOME=os.path.join(home, "data"), XDG_CONFIG_HOME=os.path.join(home, "config"))
        p = subprocess.run([exe, "kiosk", "set-pin", "--config", cfg], input="2468\n", capture_output=True,
                           text=True, env=env, timeout=60)
        assert p.returncode == 0, p.stderr
        nobody = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]

        def run():
            return subprocess.run(nobody + [exe, "kiosk", "check", "--config", cfg], capture_output=True,
                                  text=True, env=env, timeout=120, cwd=away)
        p = run()
        check(p.returncode == 0 and p.stdout.startswith("ok: ") and "note: run as root" not in p.stderr,
              "as the kiosk's user, root's 0644 settings: exit %d: %s" % (p.returncode, p.stdout.strip() or p.stderr))
        os.chmod(cfg, 0o600)
        p = run()
        lines = p.stdout.splitlines()
        check(p.returncode == 1 and len(lines) == 1 and lines[0].startswith("settings: ") and
              "cannot be read by nobody" in lines[0] and "mode 0600" in lines[0],
              "as the kiosk's user, root's 0600 settings cannot be read: exit %d: %s" % (p.returncode, p.stdout.strip()))
        os.chmod(cfg, 0o644)
        os.chown(os.path.join(home, "state"), 0, 0)
        os.chmod(os.path.join(home, "state"), 0o755)
        p = run()
        check(p.returncode == 1 and p.stdout.startswith("state: ") and "not writable by nobody" in p.stdout,
              "as the kiosk's user, a state folder it cannot write: exit %d: %s" % (p.returncode, p.stdout.strip()))
    finally:
        shutil.rmtree(away, ignore_errors=True)


def main():
    good = {"exercises": ["box-breathing", "grounding-54321"], "attract": "resonance-breathing", "stats": True}

    # the good deployment, and the same with the defaults' exercise list
    for name, s in (("good", good), ("good-defaults", {})):
        d = Deployment(name, s)
        try:
            rc, out, err = d.check()
            check(rc == 0 and len(out) == 1 and out[0].startswith("ok: " + d.cfg + ", admin PIN set"),
                  "%s: exit %d, one ok line: %s" % (name, rc, " | ".join(out) or err))
        finally:
            d.close()

    broken("no-settings", None, ("settings", ["kiosk.json", "No such file or directory", "defaults"]))
    broken("not-json", '{"exercises": [', ("settings", ["kiosk.json:1:", "JSON syntax error"]), pin=False, lines=2)
    def bad_value(d):  # after set-pin, which refuses to touch a file with a bad value
        with open(d.cfg) as f:
            s = json.load(f)
        s["idle_timeout"] = 2
        d.write(json.dumps(s))
    broken("bad-value", good, ("settings", ["kiosk.json:", "idle_timeout"]), prepare=bad_value)
    broken("no-pin", good, ("pin", ["no admin PIN", "fix: sudo groundwork kiosk set-pin --config"]), pin=False)

    def broken_user_pack(d):
        p = os.path.join(d.env["XDG_DATA_HOME"], "groundwork", "packs", "mine")
        os.makedirs(p)
        with open(os.path.join(p, "pack.json"), "w") as f:
            f.write('{"id": "mine", "format": "1.0",')
    broken("broken-user-pack", good, ("content", ["mine/pack.json"]), prepare=broken_user_pack)

    def broken_pack_dir(d):
        os.makedirs(os.path.join(d.dir, "extra"))
        with open(os.path.join(d.dir, "extra", "pack.json"), "w") as f:
            f.write("[]")
    broken("broken-given-pack", good, ("content", ["extra/pack.json"]), prepare=broken_pack_dir,
           extra=lambda d: ("--pack", os.path.join(d.dir, "extra")))

    broken("unknown-exercise", dict(good, exercises=["box-breathing", "no-such-exercise"]),
           ("exercises", ['"no-such-exercise"', "in no pack"]))
    broken("not-unattended", dict(good, exercises=["box-breathing", "pmr-16"]),
           ("exercises", ['"pmr-16"', "not marked for unattended use"]))
    broken("attract-not-breathing", dict(good, attract="grounding-333"),
           ("exercises", ['"grounding-333"', "not a breathing exercise"]))

    def state_is_file(d):
        with open(os.path.join(d.dir, "statefile"), "w") as f:
            f.write("x")
        d.env["XDG_STATE_HOME"] = os.path.join(d.dir, "statefile")
    broken("state-not-writable", good, ("state", ["state folder", "statefile", "is not a folder"]), prepare=state_is_file)

    def stats_not_writable(d):
        with open(os.path.join(d.dir, "afile"), "w") as f:
            f.write("x")
        with open(d.cfg) as f:
            s = json.load(f)
        s["stats_path"] = os.path.join(d.dir, "afile", "stats.sqlite")
        d.write(json.dumps(s))
    broken("stats-not-writable", good, ("state", ["counters' folder", "afile"]), prepare=stats_not_writable)

    broken("writable-by-anyone", good, ("owner", ["can be changed by anyone", "mode 0666", "chmod go-w"]),
           prepare=lambda d: os.chmod(d.cfg, 0o666))
    if ROOT:
        broken("wrong-owner", good, ("owner", ["belongs to", "not root", "sudo chown root:root"]),
               prepare=lambda d: os.chown(d.cfg, 65534, 65534))
        # what set-pin as root once left: a 0600 root file the kiosk's user cannot read
        broken("root-only", good, ("settings", ["can be read by root alone", "mode 0600", "chmod 0644"]),
               prepare=lambda d: os.chmod(d.cfg, 0o600))
        print("(root: the unreadable case is checked as root reads it, mode 0600)")
    else:
        broken("unreadable", good, ("settings", ["cannot be read by", "mode 0000", "chmod 0644"]),
               prepare=lambda d: os.chmod(d.cfg, 0), lines=2)
        print("(not root: the wrong-owner case needs root and is left out; writable-by-anyone covers the owner area)")

    if ROOT and shutil.which("setpriv"):
        as_kiosk_user()
    elif ROOT:
        check(False, "setpriv is missing (util-linux): the kiosk's user's view is not checked")

    # several things wrong at once: each its own line
    d = Deployment("many", dict(good, exercises=["no-such-exercise"]), pin=False)
    try:
        os.chmod(d.cfg, 0o666)
        rc, out, err = d.check()
        areas = sorted(l.split(":", 1)[0] for l in out)
        check(rc == 1 and areas == ["exercises", "exercises", "owner", "pin"],
              "many: exit %d, one line per finding (exercises x2, owner, pin): %s" % (rc, " | ".join(out)))
    finally:
        d.close()

    # no --config and no settings anywhere: the places the kiosk looks are named
    if not os.path.exists("/etc/groundwork/kiosk.json"):
        d = Deployment("nowhere")
        try:
            p = subprocess.run([EXE, "kiosk", "check"], capture_output=True, text=True, env=d.env, timeout=120)
            out = p.stdout.splitlines()
            check(p.returncode == 1 and len(out) == 1 and out[0].startswith("settings: no kiosk settings (") and
                  "/etc/groundwork/kiosk.json" in out[0] and d.env["XDG_CONFIG_HOME"] in out[0],
                  "no settings anywhere: exit %d: %s" % (p.returncode, p.stdout.strip()))
        finally:
            d.close()

    # usage
    p = subprocess.run([EXE, "kiosk", "check", "--bogus"], capture_output=True, text=True, timeout=60)
    check(p.returncode == 2 and "Usage: groundwork kiosk check" in p.stderr, "an unknown option: exit 2 with usage")

    if failures:
        print("%d check(s) failed" % len(failures))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
