#!/usr/bin/env python3
"""A practice log that cannot be used is tried again, and a session it did not take is
said so. With a file where the log's folder should be, or the log held locked by
another program: the session runs to its end, the trace has an `error` naming the
unsaved exercise (never SQLite's "not an error"), the closing screen offers Retry
(`log-retry`, traced `log_retry` with `saved`), a locked log costs a short wait (not
seconds per write), and once the obstacle is gone the next session is saved without
restarting anything else. Fresh XDG folders for each case."""
import json
import os
import sqlite3
import subprocess
import sys
import tempfile
import time

exe = sys.argv[1]
FAILS = []


def check(cond, what):
    if not cond:
        FAILS.append(what)
        print("FAIL:", what)


def run(home, args, script=None):
    env = dict(os.environ, XDG_DATA_HOME=os.path.join(home, "data"), XDG_CONFIG_HOME=os.path.join(home, "config"))
    cmd = [exe] + args
    trace = os.path.join(home, "trace.jsonl")
    if script is not None:
        path = os.path.join(home, "script.jsonl")
        with open(path, "w") as f:
            f.write("\n".join(json.dumps(l) for l in script) + "\n")
        cmd += ["--script", path, "--trace", trace, "--no-draw"]
    t0 = time.monotonic()
    p = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=120)
    took = time.monotonic() - t0
    check(p.returncode == 0, f"{args}: exit {p.returncode}: {p.stderr}")
    events = [json.loads(l) for l in open(trace)] if script is not None else []
    return p, events, took


def picked(events, name):
    return [e for e in events if e["event"] == name]


# box breathing, one cycle: ends by itself (closing screen), then Retry is pressed
SESSION = [{"at": 60, "press": "log-retry"}, {"at": 61, "end": True}]
ARGS = ["play", "--exercise", "box-breathing", "--cycles", "1"]


def unsaved_said(ev, what):
    errs = picked(ev, "error")
    check(any(e.get("unsaved") == "box-breathing" and "not saved" in e["message"] for e in errs),
          f"{what}: an error names the unsaved session: {errs}")
    check(not any("not an error" in e["message"] for e in errs), f"{what}: 'not an error' in {errs}")
    check(any(e["event"] == "exercise_end" and e["completed"] for e in ev), f"{what}: the exercise ran to its end")
    check([e.get("saved") for e in picked(ev, "log_retry")] == [False], f"{what}: Retry traced {picked(ev, 'log_retry')}")
    return errs


def saved(ev, what):
    # no error but the script's own: Retry is not offered when the session is saved
    errs = [e["message"] for e in picked(ev, "error")]
    check(errs == ['script line 1: no widget "log-retry" on the pacer screen'], f"{what}: {errs}")


def export(home):
    p, _, _ = run(home, ["log", "export", "--json"])
    return json.loads(p.stdout)


# 1. the log's folder cannot be made (a file is in the way), then can
with tempfile.TemporaryDirectory() as home:
    blocker = os.path.join(home, "data")
    open(blocker, "w").close()
    _, ev, _ = run(home, ARGS, SESSION)
    errs = unsaved_said(ev, "no folder")
    check(any("practice log" in e["message"] for e in errs), f"the first error says why: {errs}")
    os.unlink(blocker)
    _, ev, _ = run(home, ARGS, SESSION)
    saved(ev, "saved once the folder can be made")
    check([r["exercise"] for r in export(home)] == ["box-breathing"], "the next session is saved")

# 2. another program holds the log locked for the whole run: short waits, said so
with tempfile.TemporaryDirectory() as home:
    run(home, ["play", "--exercise", "box-breathing", "--cycles", "1"])  # makes the log, one row
    db = sqlite3.connect(os.path.join(home, "data", "groundwork", "practice.sqlite"), isolation_level=None)
    db.execute("BEGIN EXCLUSIVE")
    _, ev, took = run(home, ARGS, SESSION)
    errs = unsaved_said(ev, "locked")
    check(any("in use by another program" in e["message"] for e in errs), f"a lock is named: {errs}")
    check(took < 8, f"a locked log held the run up for {took:.1f} s")
    db.execute("COMMIT")
    db.close()
    _, ev, _ = run(home, ARGS, SESSION)
    saved(ev, "saved once the lock is gone")
    check(len(export(home)) == 2, "the session after the lock is saved")

if FAILS:
    sys.exit(1)
print("ok: unsaved sessions said so with Retry, a locked log waits briefly, the next session is saved")
