#!/usr/bin/env python3
"""`validate` agrees with the run: a pack whose id, or one of whose exercise ids, is
already used by what list and play load first (the built-in pack `core`, then the user's
packs) is refused by validate with exactly the lines list prints when it refuses it. A
pack validated by itself is not compared with itself (the built-in pack, a user's
installed pack). A user's pack whose pack.json is a FIFO is reported, not passed over;
a deployment's locales.json that is a FIFO gets the same line from validate and the run.

Usage: check_validate_agrees.py GROUNDWORK"""
import json
import os
import shutil
import subprocess
import sys
import tempfile

EXE = sys.argv[1]
failures = []


def check(cond, what):
    if not cond:
        failures.append(what)
        print("FAIL:", what)
    else:
        print("ok:", what)


def write_pack(folder, pack_id, ex_id):
    os.makedirs(folder, exist_ok=True)
    ex = {"id": ex_id, "kind": "breathing", "category": "breathing", "title": "Calm",
          "summary": "Slow in, slower out.", "cautions": [], "source": "Test data; not guidance.",
          "breathing": {"phases": [{"phase": "inhale", "seconds": 4}, {"phase": "exhale", "seconds": 6}],
                        "cycles": 3}}
    pack = {"format": "1.0", "id": pack_id, "name": "Test", "version": "1.0.0", "languages": ["en"],
            "authors": ["Groundwork test suite"], "license": "CC0-1.0",
            "sources": ["Test data; not guidance."], "exercises": [ex]}
    with open(os.path.join(folder, "pack.json"), "w") as f:
        json.dump(pack, f, indent=2)


def run(args, env):
    return subprocess.run([EXE] + args, env=env, capture_output=True, text=True, timeout=60)


with tempfile.TemporaryDirectory() as tmp:
    env = dict(os.environ, XDG_DATA_HOME=os.path.join(tmp, "data"), XDG_CONFIG_HOME=os.path.join(tmp, "config"))
    user = os.path.join(tmp, "data", "groundwork", "packs")
    write_pack(os.path.join(user, "mine"), "mine", "mine-calm")
    cases = {
        "exercise id of core": ("clash-ex", "box-breathing"),
        "pack id core": ("core", "clash-pack-calm"),
        "exercise id of a user's pack": ("clash-user", "mine-calm"),
        "pack id of a user's pack": ("mine", "other-calm"),
    }
    for what, (pid, eid) in cases.items():
        folder = os.path.join(tmp, pid + "-" + eid)
        write_pack(folder, pid, eid)
        v = run(["validate", folder], env)
        l = run(["list", "--pack", folder], env)
        refused = [x for x in l.stderr.splitlines() if x.startswith(folder)]
        check(refused and "already used" in refused[0], "list refuses the pack (%s): %r" % (what, l.stderr))
        check(v.returncode == 1, "validate exits 1 on a pack that clashes (%s), not %d" % (what, v.returncode))
        check(v.stdout.splitlines() == refused,
              "validate says what list says (%s):\n  validate %r\n  list     %r" % (what, v.stdout, refused))

    # what is installed is not compared with itself
    v = run(["validate", os.path.join(user, "mine")], env)
    check(v.returncode == 0 and v.stdout.startswith("OK: 1 pack, 1 exercise"), "an installed pack validates: %r" % v.stdout)
    v = run(["validate", os.path.join(os.environ["GROUNDWORK_DATA_DIR"], "content", "core")], env)
    check(v.returncode == 0 and v.stdout.startswith("OK: 1 pack"), "the built-in pack validates: %r" % v.stdout)

    # a user's pack.json that is a FIFO: reported by list at once, not passed over
    os.makedirs(os.path.join(user, "piped"))
    os.mkfifo(os.path.join(user, "piped", "pack.json"))
    l = run(["list"], env)
    check(l.returncode == 0 and "piped/pack.json: is a named pipe (FIFO), not a file" in l.stderr,
          "list reports a user's pack.json that is a FIFO: %r" % l.stderr)
    shutil.rmtree(os.path.join(user, "piped"))

    # a deployment's locales.json that is a FIFO: validate says what the run says
    cfg = os.path.join(tmp, "config", "groundwork")
    os.makedirs(cfg, exist_ok=True)
    loc = os.path.join(cfg, "locales.json")
    os.mkfifo(loc)
    tr = os.path.join(tmp, "t.jsonl")
    p = run(["play", "--no-draw", "--exercise", "box-breathing", "--cycles", "1", "--trace", tr], env)
    said = [e["message"] for e in map(json.loads, open(tr)) if e.get("event") == "error" and loc in e.get("message", "")]
    v = run(["validate", loc], env)
    check(p.returncode == 0 and said == [loc + ": is a named pipe (FIFO), not a file"],
          "the run reports a FIFO as locales.json and goes on: %r" % said)
    check(v.returncode == 1 and v.stdout.splitlines() == said,
          "validate says what the run says of it: %r / %r" % (v.stdout, said))

if failures:
    print("%d failure(s)" % len(failures))
    sys.exit(1)
