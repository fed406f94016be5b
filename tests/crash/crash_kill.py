#!/usr/bin/env python3
"""Crash safety: kills crash_writer (tests/crash/crash_writer.c) with SIGKILL at random
moments while it saves practice-log sessions and settings, then checks that

  - the practice log passes PRAGMA integrity_check, read by the program's own code
    (which rolls back a journal the kill left) and by Python's sqlite3;
  - every session the writer reported as saved is there, with its end if it reported
    that too; nothing reported by an earlier run changed; at most the one session
    being written when the kill came is there without having been reported;
  - the settings file parses, holds one generation only (never a mix of two), and is
    the last generation reported or the one being written, never an older one;
  - no more than one temporary settings file is left behind (the killed writer's).

Every few runs the log is started afresh (kills then land in its creation), or from a
schema version 1 file with sessions in it (kills land in its migration).

    crash_kill.py CRASH_WRITER [--kills N] [--seed S] [--max-delay-ms D] [--dir DIR]

The delays (0 to D ms after the writer starts) come from the seed, so a run can be
repeated; where exactly each kill lands also depends on the machine's timing.
"""
import argparse
import glob
import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time

V1_SCHEMA = ("CREATE TABLE sessions (id INTEGER PRIMARY KEY, exercise TEXT NOT NULL, start_utc TEXT NOT NULL,"
             " end_utc TEXT, completed INTEGER NOT NULL DEFAULT 0,"
             " rating_before INTEGER CHECK (rating_before BETWEEN 0 AND 10),"
             " rating_after INTEGER CHECK (rating_after BETWEEN 0 AND 10), adjustments TEXT);")


class Failure(Exception):
    pass


def settings_generation(path):
    """The generation in the settings file as Python's json reads it, or None if absent."""
    if not os.path.exists(path):
        return None
    with open(path, "rb") as f:
        data = f.read()
    try:
        doc = json.loads(data)
    except ValueError as e:
        raise Failure(f"settings file does not parse ({e}): {data[:200]!r}")
    fav = doc.get("favourites") or []
    if not fav or not str(fav[0]).startswith("gen-"):
        raise Failure(f"settings file has no generation: {data[:200]!r}")
    g = int(fav[0][4:])
    if doc.get("text_size") != 100 + g % 101 or len(fav) != 1 + g % 7:
        raise Failure(f"settings file mixes generations: {data[:300]!r}")
    return g


def python_check(db):
    """Independent check with Python's sqlite3: integrity and the rows."""
    con = sqlite3.connect(db, timeout=5)
    try:
        r = con.execute("PRAGMA integrity_check").fetchall()
        if r != [("ok",)]:
            raise Failure(f"PRAGMA integrity_check (Python sqlite3): {r}")
        ver = con.execute("PRAGMA user_version").fetchone()[0]
        has = con.execute("SELECT count(*) FROM sqlite_master WHERE name = 'sessions'").fetchone()[0]
        rows = {}
        if has:
            for i, ex, end, done in con.execute("SELECT id, exercise, end_utc, completed FROM sessions"):
                rows[i] = (ex, end is not None, done)
        return ver, rows
    finally:
        con.close()


def c_check(writer, db, settings):
    p = subprocess.run([writer, "check", db, settings], capture_output=True, text=True, timeout=60)
    rows, gen, problems = {}, None, []
    for line in p.stdout.splitlines():
        w = line.split(" ")
        if w[0] == "row":
            rows[int(w[1])] = (w[2], w[3] != "-", int(w[4]))
        elif line.startswith("settings missing"):
            gen = None
        elif w[0] == "settings" and w[1].isdigit():
            gen = int(w[1])
        else:
            problems.append(line)
    if p.returncode != 0 or problems:
        raise Failure(f"crash_writer check failed (exit {p.returncode}): {problems} {p.stderr.strip()}")
    return rows, gen


def make_v1(db, nrows):
    con = sqlite3.connect(db)
    con.executescript(V1_SCHEMA + "PRAGMA user_version = 1;")
    for i in range(nrows):
        con.execute("INSERT INTO sessions (exercise, start_utc, end_utc, completed) VALUES (?, ?, ?, 1)",
                    (f"v1-{i}", "2025-12-01T09:00:00Z", "2025-12-01T09:05:00Z"))
    con.commit()
    con.close()
    os.chmod(db, 0o600)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("writer")
    ap.add_argument("--kills", type=int, default=240)
    ap.add_argument("--seed", type=int, default=20260101)
    ap.add_argument("--max-delay-ms", type=float, default=40.0)
    ap.add_argument("--dir", default=None, help="where the files go (default: a new folder here)")
    args = ap.parse_args()
    rnd = random.Random(args.seed)
    top = args.dir or tempfile.mkdtemp(prefix="crash-", dir=os.getcwd())
    data = os.path.join(top, "data", "groundwork")
    conf = os.path.join(top, "config", "groundwork")
    db = os.path.join(data, "practice.sqlite")
    settings = os.path.join(conf, "settings.json")

    expected = {}      # id -> (exercise, ended, completed) that must stay as they are
    gen = None         # settings generation known to be in the file
    t0 = time.monotonic()
    stats = {"kills": 0, "exited": 0, "fresh": 0, "v1": 0, "reported": 0, "unreported": 0,
             "settings_reported": 0, "settings_ahead": 0, "hot_journal": 0, "stale_tmp": 0,
             "killed_before_open": 0, "tmp_left": 0}
    try:
        for run in range(args.kills):
            # every 16th run starts afresh; every 16th (offset 8) from a version 1 file
            if run % 16 == 0 or run % 16 == 8:
                for d in (data, conf):
                    shutil.rmtree(d, ignore_errors=True)
                expected, gen = {}, None
                stats["fresh"] += 1
                if run % 16 == 8:
                    os.makedirs(data, mode=0o700)
                    make_v1(db, 3)
                    expected = {i + 1: (f"v1-{i}", True, 1) for i in range(3)}
                    stats["v1"] += 1
            delay = rnd.uniform(0, args.max_delay_ms) / 1000.0
            w = subprocess.Popen([args.writer, "write", db, settings, str(run)], stdout=subprocess.PIPE,
                                 stderr=subprocess.PIPE, text=True)
            time.sleep(delay)
            w.send_signal(signal.SIGKILL)
            out, err = w.communicate()
            if w.returncode != -signal.SIGKILL:
                raise Failure(f"run {run}: the writer ended by itself (exit {w.returncode}): {out[-500:]} {err}")
            stats["kills"] += 1
            saved, finished, reported_gen, opened = {}, set(), [], False
            for line in out.splitlines():
                parts = line.split(" ")
                if parts[0] == "open":
                    opened = True
                elif parts[0] == "saved" and len(parts) == 3:
                    saved[int(parts[1])] = parts[2]
                elif parts[0] == "finished" and len(parts) == 2:
                    finished.add(int(parts[1]))
                elif parts[0] == "settings" and len(parts) == 2:
                    reported_gen.append(int(parts[1]))
                elif line:  # a partial last line is the kill cutting a print short
                    if line.startswith("error"):
                        raise Failure(f"run {run}: the writer failed: {line}")
            if not opened:
                stats["killed_before_open"] += 1
            if os.path.exists(db + "-journal"):
                stats["hot_journal"] += 1
            tmps = glob.glob(settings + ".tmp*")
            stats["stale_tmp"] = max(stats["stale_tmp"], len(tmps))
            stats["tmp_left"] += len(tmps) > 0
            if len(tmps) > 1:
                raise Failure(f"run {run}: {len(tmps)} temporary settings files left behind: {tmps}")

            # the program's own open (which rolls back a hot journal) first on even
            # runs, Python's sqlite3 first on odd ones
            if not os.path.exists(db):
                if saved:
                    raise Failure(f"run {run}: sessions were reported saved but there is no log")
                rows_c, gen_c = {}, None
                rows_py = {}
                if os.path.exists(settings):
                    gen_c = settings_generation(settings)
            elif run % 2 == 0:
                rows_c, gen_c = c_check(args.writer, db, settings)
                ver, rows_py = python_check(db)
            else:
                ver, rows_py = python_check(db)
                if ver not in (1, 2) and rows_py:
                    raise Failure(f"run {run}: schema version {ver} with rows in it")
                rows_c, gen_c = c_check(args.writer, db, settings)
            if rows_c != rows_py:
                raise Failure(f"run {run}: the program and Python's sqlite3 read different rows")
            rows = rows_c

            # sessions from earlier runs are unchanged
            for i, r in expected.items():
                if rows.get(i) != r:
                    raise Failure(f"run {run}: session {i} {r} became {rows.get(i)}")
            # every session reported is there, ended if that was reported too
            for i, ex in saved.items():
                if i not in rows or rows[i][0] != ex:
                    raise Failure(f"run {run}: session {i} ({ex}) was reported saved but is {rows.get(i)}")
                if i in finished and not (rows[i][1] and rows[i][2] == 1):
                    raise Failure(f"run {run}: session {i} was reported finished but is {rows[i]}")
            # at most the session in progress is there unreported; at most the last
            # session is ended without that being reported
            new = sorted(set(rows) - set(expected))
            extra = [i for i in new if i not in saved]
            if len(extra) > 1 or (extra and extra[0] != new[-1]):
                raise Failure(f"run {run}: sessions nobody reported: {extra}")
            if extra and rows[extra[0]][0] != f"run{run}-{len(saved)}":
                raise Failure(f"run {run}: unexpected session {rows[extra[0]]}")
            ended_unreported = [i for i in new if rows[i][1] and i not in finished]
            if len(ended_unreported) > 1 or (ended_unreported and ended_unreported[0] != new[-1]):
                raise Failure(f"run {run}: sessions ended without being reported: {ended_unreported}")
            stats["reported"] += len(saved)
            stats["unreported"] += len(extra)

            # settings: the last reported generation, or the one being written
            gen_py = settings_generation(settings)
            if gen_py != gen_c:
                raise Failure(f"run {run}: the program reads settings {gen_c}, Python {gen_py}")
            last = reported_gen[-1] if reported_gen else gen
            allowed = {last, (last or 0) + 1}
            if gen_py not in allowed:
                raise Failure(f"run {run}: settings generation {gen_py}, expected one of {allowed}")
            stats["settings_reported"] += len(reported_gen)
            stats["settings_ahead"] += gen_py != last
            gen = gen_py
            expected = dict(rows)
    except Failure as e:
        print(f"FAIL: {e}\n(files kept in {top}; seed {args.seed})", file=sys.stderr)
        return 1
    secs = time.monotonic() - t0
    if not args.dir:
        shutil.rmtree(top, ignore_errors=True)
    print(f"crash: {stats['kills']} kills in {secs:.1f} s (seed {args.seed}, delays 0-{args.max_delay_ms:g} ms); "
          f"{stats['fresh'] - stats['v1']} fresh logs, {stats['v1']} from schema version 1; "
          f"{stats['killed_before_open']} kills before the log was open, {stats['hot_journal']} left a hot journal; "
          f"{stats['reported']} sessions reported saved, all present ({stats['unreported']} more saved as the kill "
          f"came); {stats['settings_reported']} settings saves reported, {stats['settings_ahead']} kills found the "
          f"next one already renamed into place, {stats['tmp_left']} came during a save (its temporary file left, "
          f"at most {stats['stale_tmp']} at a time); "
          f"every log passed integrity_check, every settings file parsed")
    if stats["reported"] == 0 or stats["settings_reported"] == 0:
        print("FAIL: no kill came after a save: the delays are too short for this machine", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
