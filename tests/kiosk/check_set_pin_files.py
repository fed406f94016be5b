#!/usr/bin/env python3
"""`groundwork kiosk set-pin` and the file it rewrites: a settings file the kiosk's user
reads (another owner, group, mode 0640) keeps its owner, group and mode when root sets
the PIN; a new file is 0644 less the umask; a link someone left at the temporary name is
not written through; a settings file that is a link stays one (the file it names gets the
PIN); and a user who cannot give the file back to its owner is told the exact chown and
chmod line to run (exit 1).

The owner cases need root (to make files another user owns) and skip with a message
otherwise; the last runs set-pin as nobody from a copy of the program in a folder nobody
can reach (a clone in a private folder is fine).

usage: check_set_pin_files.py GROUNDWORK"""
import os
import shutil
import stat
import subprocess
import sys
import tempfile

EXE = sys.argv[1]
NOBODY, NOGROUP = 65534, 65534
failures = []


def check(cond, what):
    print(("ok: " if cond else "FAIL: ") + what)
    if not cond:
        failures.append(what)


def set_pin(cfg, pin="2468", user=None, exe=EXE):
    cmd = [exe, "kiosk", "set-pin", "--config", cfg]
    if user:
        cmd = ["setpriv", "--reuid=%d" % user, "--regid=%d" % user, "--clear-groups"] + cmd
    return subprocess.run(cmd, input=pin + "\n", capture_output=True, text=True, timeout=60)


def has_pin(path):
    with open(path) as f:
        return '"admin_pin"' in f.read()


def main():
    root = os.geteuid() == 0
    old_umask = os.umask(0o022)
    tmp = tempfile.mkdtemp(prefix="gw-set-pin-")
    try:
        os.chmod(tmp, 0o777)  # nobody may write here (its own case below)
        # a new file: 0644 less the umask (the kiosk's user can read it)
        new = os.path.join(tmp, "new", "kiosk.json")
        p = set_pin(new)
        check(p.returncode == 0 and has_pin(new), "set-pin makes a new settings file: " + p.stderr)
        check(stat.S_IMODE(os.stat(new).st_mode) == 0o644, "a new settings file is 0644 with umask 022: %o" %
              stat.S_IMODE(os.stat(new).st_mode))

        # a link left at the temporary name is never written through
        cfg = os.path.join(tmp, "kiosk.json")
        with open(cfg, "w") as f:
            f.write('{"idle_timeout": 30}\n')
        victim = os.path.join(tmp, "victim")
        with open(victim, "w") as f:
            f.write("keep me\n")
        os.symlink(victim, cfg + ".tmp")
        p = set_pin(cfg)
        check(p.returncode == 0 and has_pin(cfg), "set-pin with a link at kiosk.json.tmp: " + p.stderr)
        check(open(victim).read() == "keep me\n", "the file a link at the temporary name points to is untouched")
        check(not os.path.lexists(cfg + ".tmp"), "no temporary file is left")

        # a settings file that is a link stays a link; what it names gets the PIN
        real = os.path.join(tmp, "real-kiosk.json")
        with open(real, "w") as f:
            f.write('{"idle_timeout": 40}\n')
        linked = os.path.join(tmp, "linked.json")
        os.symlink(real, linked)
        p = set_pin(linked)
        check(p.returncode == 0 and os.path.islink(linked) and has_pin(real),
              "a linked settings file stays a link, its target gets the PIN: " + p.stderr)

        if not root:
            print("skipped: the owner cases need root (to make a file another user owns)")
            return
        # the kiosk's user's file: owner, group and mode kept when root sets the PIN
        os.chown(cfg, NOBODY, NOGROUP)
        os.chmod(cfg, 0o640)
        p = set_pin(cfg)
        st = os.stat(cfg)
        check(p.returncode == 0 and has_pin(cfg), "root sets the PIN in the kiosk user's file: " + p.stderr)
        check((st.st_uid, st.st_gid, stat.S_IMODE(st.st_mode)) == (NOBODY, NOGROUP, 0o640),
              "owner, group and mode kept: %d:%d %o" % (st.st_uid, st.st_gid, stat.S_IMODE(st.st_mode)))

        # someone who cannot give the file back is told exactly what to run
        mine = os.path.join(tmp, "root-kiosk.json")
        with open(mine, "w") as f:
            f.write('{"idle_timeout": 50}\n')
        os.chown(mine, 0, 0)
        os.chmod(mine, 0o644)  # nobody reads it (set-pin keeps the other settings)
        exe = os.path.join(tmp, "groundwork")
        shutil.copy2(EXE, exe)  # reachable by nobody wherever the build tree is
        os.chmod(exe, 0o755)
        probe = subprocess.run(["setpriv", "--reuid=%d" % NOBODY, "--regid=%d" % NOGROUP, "--clear-groups", exe,
                                "--version"], capture_output=True, text=True)
        if probe.returncode != 0:
            print("skipped: nobody cannot run the program (%s)" % probe.stderr.strip())
            return
        p = set_pin(mine, user=NOBODY, exe=exe)
        want = "sudo chown root:root '%s' && sudo chmod 0644 '%s'" % (mine, mine)
        check(p.returncode == 1 and want in p.stderr and len(p.stderr.strip().splitlines()) == 1,
              "nobody is told the exact line to give the file back (exit 1): %d %r" % (p.returncode, p.stderr))
        check("The admin PIN is set" in p.stdout and has_pin(mine), "... and the PIN is set")
        check(stat.S_IMODE(os.stat(mine).st_mode) == 0o644, "... and the mode is kept")
    finally:
        os.umask(old_umask)
        shutil.rmtree(tmp, ignore_errors=True)
        if failures:
            sys.exit("%d failure(s)" % len(failures))


if __name__ == "__main__":
    main()
