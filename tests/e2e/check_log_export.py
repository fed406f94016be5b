#!/usr/bin/env python3
"""`groundwork log export FILE` writes private, whole files and never clobbers: the file
is made 0600 whatever the umask; an existing file, or a symbolic link (never followed),
is refused with exit 1 and left as it was unless --force is given; a disk that fills up
while writing (a file size limit stands in for it) leaves neither the file nor a
temporary one, and says so. Runs in fresh XDG folders."""
import json
import os
import resource
import signal
import stat
import subprocess
import sys
import tempfile

exe = sys.argv[1]
FAILS = []


def check(cond, what):
    if not cond:
        FAILS.append(what)
        print("FAIL:", what)


def run(home, args, expect_rc=0, fsize=None):
    env = dict(os.environ, XDG_DATA_HOME=os.path.join(home, "data"), XDG_CONFIG_HOME=os.path.join(home, "config"))

    def limits():
        os.umask(0o022)
        if fsize is not None:
            signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails with EFBIG
            resource.setrlimit(resource.RLIMIT_FSIZE, (fsize, fsize))
    p = subprocess.run([exe] + args, env=env, capture_output=True, text=True, timeout=120, preexec_fn=limits)
    check(p.returncode == expect_rc, f"{args}: exit {p.returncode}, wanted {expect_rc}: {p.stderr}")
    return p


with tempfile.TemporaryDirectory() as home:
    out = os.path.join(home, "out")
    os.mkdir(out)
    # a few sessions, so the export is a few KB
    for _ in range(3):
        run(home, ["play", "--no-draw", "--exercise", "box-breathing", "--cycles", "1"])
    whole = run(home, ["log", "export", "--json"]).stdout
    check(len(json.loads(whole)) == 3, f"three sessions: {whole}")

    f = os.path.join(out, "log.json")
    run(home, ["log", "export", "--json", f])
    check(stat.S_IMODE(os.lstat(f).st_mode) == 0o600, f"export mode {oct(os.lstat(f).st_mode)}")
    check(open(f).read() == whole, "export file is the whole export")

    # an existing file: refused, kept, said so; replaced with --force
    open(f, "w").write("mine")
    p = run(home, ["log", "export", f], expect_rc=1)
    check("already exists" in p.stderr and "--force" in p.stderr, f"refusal says why: {p.stderr}")
    check(open(f).read() == "mine", "an existing file was overwritten without --force")
    run(home, ["log", "export", "--json", "--force", f])
    check(open(f).read() == whole, "--force replaces the file")
    check(stat.S_IMODE(os.lstat(f).st_mode) == 0o600, "replaced file is private")

    # a symbolic link at the target (even a dangling one) is never followed
    victim = os.path.join(home, "victim.txt")
    open(victim, "w").write("victim")
    link = os.path.join(out, "link.csv")
    os.symlink(victim, link)
    p = run(home, ["log", "export", link], expect_rc=1)
    check(open(victim).read() == "victim" and os.path.islink(link), "a symlink target was followed")
    dangling = os.path.join(out, "dangling.csv")
    os.symlink(os.path.join(home, "made-through-link.csv"), dangling)
    run(home, ["log", "export", dangling], expect_rc=1)
    check(not os.path.exists(os.path.join(home, "made-through-link.csv")), "a file was made through a symlink")
    run(home, ["log", "export", "--force", link])
    check(open(victim).read() == "victim", "--force wrote through the symlink")
    check(not os.path.islink(link) and stat.S_IMODE(os.lstat(link).st_mode) == 0o600, "--force replaced the link")

    # a full disk: no half file, no temporary left, exit 1 with the reason
    full = os.path.join(out, "full.json")
    p = run(home, ["log", "export", "--json", full], expect_rc=1, fsize=len(whole) // 2)
    check(not os.path.exists(full), "a half file was left")
    check("nothing was written" in p.stderr, f"full disk message: {p.stderr}")
    left = sorted(os.listdir(out))
    check(left == ["dangling.csv", "link.csv", "log.json"], f"files left in the folder: {left}")
    # and a full disk over an existing file keeps the old one
    p = run(home, ["log", "export", "--json", "--force", f], expect_rc=1, fsize=len(whole) // 2)
    check(open(f).read() == whole, "a failed --force export damaged the file it was to replace")

    # standard output is as before
    check(run(home, ["log", "export", "--json", "-"]).stdout == whole, "export to standard output")

if FAILS:
    sys.exit(1)
print("ok: export 0600, no clobbering without --force, symlinks not followed, full disk leaves no file")
