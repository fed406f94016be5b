#!/usr/bin/env python3
"""Home mode end to end, each run in its own fresh XDG folders (no leftover state):
the first-run welcome is shown once; exercises completed with check-ins before and
after (tapped, keyed, skipped) are traced and land in the practice log, and
`groundwork log export` shows exactly those rows (CSV and JSON); favourites and
settings are saved to settings.json; a damaged settings file is reported and left
alone; `log delete` refuses without --yes and empties the log with it."""
import csv
import io
import json
import os
import stat
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(__file__))
import pngread  # noqa: E402

exe = sys.argv[1]
FAILS = []


def check(cond, what):
    if not cond:
        FAILS.append(what)
        print("FAIL:", what)


def run(home, args, script=None, expect_rc=0):
    env = dict(os.environ, XDG_DATA_HOME=os.path.join(home, "data"), XDG_CONFIG_HOME=os.path.join(home, "config"))
    env.pop("GROUNDWORK_FAKE_NOW", None)
    cmd = [exe] + args
    trace = os.path.join(home, "trace.jsonl")
    if script is not None:
        path = os.path.join(home, "script.jsonl")
        with open(path, "w") as f:
            f.write("\n".join(json.dumps(l) for l in script) + "\n")
        cmd += ["--script", path, "--trace", trace, "--no-draw"]
    p = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=300)
    check(p.returncode == expect_rc, f"{args}: exit {p.returncode}, wanted {expect_rc}: {p.stderr}")
    events = [json.loads(l) for l in open(trace)] if script is not None else []
    if script is not None:
        os.unlink(trace)
    return p, events


def picked(events, name):
    return [{k: v for k, v in e.items() if k != "t"} for e in events if e["event"] == name]


with tempfile.TemporaryDirectory() as home:
    # 1. first run: welcome, then two exercises with check-ins
    script = [
        {"at": 0.5, "press": "welcome-continue"},
        {"at": 1, "press": "exercise:breathing-4-7-8"},
        {"at": 1, "press": "cautions-start"},  # "Before you begin"
        {"at": 1.5, "press": "rating:7"},          # before
        {"at": 90, "press": "done"},               # 4-7-8 is 1:19
        {"at": 91, "key": "3"},                    # after, by key
        {"at": 92, "press": "favourite:grounding-333"},
        {"at": 93, "press": "exercise:box-breathing"},
        {"at": 93, "press": "cautions-start"},  # "Before you begin"
        {"at": 94, "press": "skip"},               # before skipped
        {"at": 100, "press": "back"},              # left early
        {"at": 101, "press": "rating:2"},
        {"at": 102, "end": True},
    ]
    _, ev = run(home, ["play", "--checkins", "--welcome"], script)
    scenes = [e["name"] for e in ev if e["event"] == "scene"]
    check(scenes[:4] == ["welcome", "library", "cautions", "checkin"], f"scenes {scenes}")
    check(picked(ev, "checkin") == [
        {"event": "checkin", "when": "before", "value": 7},
        {"event": "checkin", "when": "after", "value": 3},
        {"event": "checkin", "when": "before", "skipped": True},
        {"event": "checkin", "when": "after", "value": 2}], picked(ev, "checkin"))
    check(not picked(ev, "error"), f"errors: {picked(ev, 'error')}")
    starts = [e for e in ev if e["event"] == "exercise_start"]
    ends = [e for e in ev if e["event"] == "exercise_end"]

    cfg = os.path.join(home, "config", "groundwork", "settings.json")
    s = json.load(open(cfg))
    check(s["welcomed"] is True and s["favourites"] == ["grounding-333"], f"settings {s}")
    db = os.path.join(home, "data", "groundwork", "practice.sqlite")
    check(stat.S_IMODE(os.stat(db).st_mode) == 0o600, "log file mode")
    check(stat.S_IMODE(os.stat(os.path.dirname(db)).st_mode) == 0o700, "log folder mode")

    def iso(t):  # the fixed play epoch, 2026-01-01T09:00:00Z, plus virtual seconds
        t = int(t)
        return f"2026-01-01T09:{t // 60:02d}:{t % 60:02d}Z"

    p, _ = run(home, ["log", "export", "--csv"])
    rows = list(csv.DictReader(io.StringIO(p.stdout)))
    want = [
        {"id": "1", "exercise": "breathing-4-7-8", "start": iso(starts[0]["t"]), "end": iso(ends[0]["t"]),
         "completed": "1", "before": "7", "after": "3", "adjustments": "", "notes": ""},
        {"id": "2", "exercise": "box-breathing", "start": iso(starts[1]["t"]), "end": iso(ends[1]["t"]),
         "completed": "0", "before": "", "after": "2", "adjustments": "", "notes": ""},
    ]
    check(rows == want, f"csv rows {rows}\nwanted {want}")
    out = os.path.join(home, "log.json")
    run(home, ["log", "export", "--json", out])
    js = json.load(open(out))
    check([(r["exercise"], r["before"], r["after"], r["completed"]) for r in js] ==
          [("breathing-4-7-8", 7, 3, True), ("box-breathing", None, 2, False)], f"json {js}")

    # the progress screen draws those sessions: the two "after" dots (accent colour)
    # sit in the ratings chart at 3 and 2 on the 0-10 scale
    shot = os.path.join(home, "progress.png")
    run(home, ["play"], [{"at": 0.5, "press": "progress"}, {"at": 1, "screenshot": shot}, {"at": 2, "end": True}])
    w, h, px = pngread.read(shot)
    ACCENT = (0x8f, 0xc9, 0xb9)
    near = sum(1 for x in range(40, 840, 2) for y in range(180, 690, 2)
               if max(abs(a - b) for a, b in zip(px(x, y)[:3], ACCENT)) <= 10)
    check(near >= 20, f"after dots on the progress chart: {near} samples")
    empty = os.path.join(home, "empty.png")
    with tempfile.TemporaryDirectory() as other:
        run(other, ["play"], [{"at": 0.5, "press": "progress"}, {"at": 1, "screenshot": empty}, {"at": 2, "end": True}])
    w, h, px = pngread.read(empty)
    near0 = sum(1 for x in range(40, 840, 2) for y in range(180, 690, 2)
                if max(abs(a - b) for a, b in zip(px(x, y)[:3], ACCENT)) <= 10)
    check(near0 == 0, f"an empty log draws no dots: {near0}")

    # 2. second run: no welcome; the recent strip offers the last exercise; the
    # check-ins can be turned off in settings, and then none is asked
    script = [
        {"at": 0.5, "press": "recent:box-breathing"},
        {"at": 0.5, "press": "cautions-start"},  # "Before you begin"
        {"at": 1, "press": "skip"},
        {"at": 2, "press": "back"},
        {"at": 3, "press": "skip"},
        {"at": 4, "press": "settings"},
        {"at": 5, "press": "checkins"},
        {"at": 6, "press": "theme:contrast"},
        {"at": 7, "press": "back"},
        {"at": 8, "press": "exercise:box-breathing"},
        {"at": 8, "press": "cautions-start"},  # "Before you begin"
        {"at": 9, "press": "back"},
        {"at": 10, "end": True},
    ]
    _, ev = run(home, ["play", "--checkins", "--welcome"], script)
    check("welcome" not in [e["name"] for e in ev if e["event"] == "scene"], "welcome shown twice")
    check(len(picked(ev, "checkin")) == 2, f"checkins {picked(ev, 'checkin')}")
    s = json.load(open(cfg))
    check(s["checkins"] is False and s["theme"] == "contrast", f"settings {s}")
    p, _ = run(home, ["log", "export"])
    check(len(list(csv.DictReader(io.StringIO(p.stdout)))) == 4, "four sessions after the second run")

    # 3. a damaged settings file: reported on screen and in the trace, defaults used,
    # the file left as it was until the person changes something
    open(cfg, "w").write("{ this is not json")
    _, ev = run(home, ["play", "--checkins", "--welcome"], [{"at": 1, "end": True}])
    errs = picked(ev, "error")
    check(errs and "damaged" in errs[0]["message"], f"errors {errs}")
    check(open(cfg).read() == "{ this is not json", "damaged settings were overwritten")
    _, ev = run(home, ["play"], [{"at": 0.5, "press": "settings"}, {"at": 1, "press": "theme:light"},
                                 {"at": 2, "end": True}])
    check(json.load(open(cfg))["theme"] == "light", "a change writes good settings")
    # ... after keeping the damaged file aside, named by the time (play's clock), and saying so
    bad = cfg + ".bad-20260101-090001"
    check(os.path.exists(bad) and open(bad).read() == "{ this is not json", "damaged settings kept aside")
    check(picked(ev, "settings_kept") == [{"event": "settings_kept", "file": "settings.json.bad-20260101-090001"}],
          f"settings_kept traced: {picked(ev, 'settings_kept')}")

    # 4. delete: refused without --yes (exit 2, says why), done with it; in the program
    # the confirmation step can be cancelled
    p, _ = run(home, ["log", "delete", "--all"], expect_rc=2)
    check("--yes" in p.stderr, f"refusal says why: {p.stderr}")
    _, ev = run(home, ["play"], [{"at": 0.5, "press": "settings"}, {"at": 1, "choose": "delete-data"},
                                 {"at": 2, "press": "delete-cancel"}, {"at": 3, "end": True}])
    p, _ = run(home, ["log", "export"])
    check(len(p.stdout.strip().splitlines()) == 5, "cancel kept the data")
    p, _ = run(home, ["log", "delete", "--all", "--yes"])
    p, _ = run(home, ["log", "export"])
    check(p.stdout == "id,exercise,start,end,completed,before,after,adjustments,notes\n", f"after delete: {p.stdout}")
    # in the program: delete, confirm. There is a session and a favourite to delete
    # first (the command line's delete left the favourites), and cancelling kept them.
    run(home, ["play", "--exercise", "breathing-4-7-8"])
    run(home, ["play"], [{"at": 0.5, "choose": "favourite:grounding-333"}, {"at": 1, "end": True}])
    p, _ = run(home, ["log", "export", "--json"])
    check([r["exercise"] for r in json.loads(p.stdout)] == ["breathing-4-7-8"], f"a session to delete: {p.stdout}")
    check(json.load(open(cfg))["favourites"] == ["grounding-333"], "a favourite to delete")
    run(home, ["play"], [{"at": 0.5, "press": "settings"}, {"at": 1, "choose": "delete-data"},
                         {"at": 2, "press": "delete-cancel"}, {"at": 3, "end": True}])
    p, _ = run(home, ["log", "export", "--json"])
    check(len(json.loads(p.stdout)) == 1 and json.load(open(cfg))["favourites"] == ["grounding-333"],
          "cancel in the program kept the session and the favourite")
    _, ev = run(home, ["play"], [{"at": 0.5, "press": "settings"}, {"at": 1, "choose": "delete-data"},
                                 {"at": 2, "press": "delete-confirm"}, {"at": 3, "end": True}])
    check(picked(ev, "data_deleted"), "data_deleted traced")
    p, _ = run(home, ["log", "export", "--json"])
    check(json.loads(p.stdout) == [], f"after delete in the program: {p.stdout}")
    check(json.load(open(cfg))["favourites"] == [], "favourites deleted too")
    run(home, ["log", "frobnicate"], expect_rc=2)

# 4b. notes typed on prompt steps reach the log with their session, each as soon as it
# is saved: Enter, Save, or moving on with the field open keep it; Escape drops it. The
# run ends in the middle of the exercise (as a crash would), so only what was saved at
# the time is there. The next session (not a prompt exercise) has no notes of its own.
with tempfile.TemporaryDirectory() as home:
    script = [
        {"at": 1.0, "press": "note"},
        {"at": 1.1, "text": "a blue cup"},
        {"at": 1.2, "key": "Return"},              # saved by Enter
        {"at": 2.0, "press": "next"},
        {"at": 2.5, "press": "note"},
        {"at": 2.6, "text": 'rain, "soft", ok'},
        {"at": 2.7, "press": "note-save"},         # saved by Save
        {"at": 3.0, "press": "next"},
        {"at": 3.5, "press": "note"},
        {"at": 3.6, "text": "warm tea"},
        {"at": 3.7, "press": "next"},              # kept by moving on
        {"at": 4.0, "press": "note"},
        {"at": 4.1, "text": "dropped"},
        {"at": 4.2, "key": "Escape"},              # cancelled
        {"at": 5.0, "end": True},                  # mid-exercise: nothing more is written
    ]
    _, ev = run(home, ["play", "--exercise", "grounding-54321"], script)
    check([e["step"] for e in picked(ev, "note")] == [0, 1, 2], f"notes traced {picked(ev, 'note')}")
    check(not picked(ev, "error"), f"errors: {picked(ev, 'error')}")
    want_notes = '5 things you can see: a blue cup\n4 things you can touch: rain, "soft", ok\n3 things you can hear: warm tea'
    p, _ = run(home, ["log", "export", "--csv"])
    rows = list(csv.DictReader(io.StringIO(p.stdout)))
    check(len(rows) == 1 and rows[0]["notes"] == want_notes and rows[0]["end"] == "",
          f"notes in the CSV export: {rows}")
    _, ev = run(home, ["play", "--exercise", "box-breathing", "--cycles", "1"])
    p, _ = run(home, ["log", "export", "--json"])
    js = json.loads(p.stdout)
    check([r["notes"] for r in js] == [want_notes, ""], f"notes in the JSON export: {js}")
    # the progress screen lists them (widget page:notes; the notes page differs from the
    # charts), and a log without notes offers no such page
    shots = []
    for k, text in enumerate([None, "5 things you can see: something else entirely"]):
        if text:  # the same log with other words in the note: the page shows the words
            import sqlite3
            db = sqlite3.connect(os.path.join(home, "data", "groundwork", "practice.sqlite"))
            db.execute("UPDATE sessions SET notes = ? WHERE id = 1", (text,))
            db.commit()
            db.close()
        shot = os.path.join(home, f"notes{k}.png")
        _, ev = run(home, ["play"], [{"at": 0.5, "press": "progress"}, {"at": 1, "press": "page:notes"},
                                     {"at": 1.5, "screenshot": shot}, {"at": 2, "end": True}])
        check(not picked(ev, "error"), f"progress notes page: {picked(ev, 'error')}")
        shots.append(pngread.read(shot))
    (w, h, a), (_, _, b) = shots
    top = sum(1 for x in range(0, w, 4) for y in range(0, 80, 4) if a(x, y) != b(x, y))
    body = sum(1 for x in range(0, w, 2) for y in range(100, 200, 2) if a(x, y) != b(x, y))
    check(top == 0 and body > 100, f"the notes page draws the note's words: {body} samples differ ({top} in the bar)")
    with tempfile.TemporaryDirectory() as other:  # no notes: no notes page
        run(other, ["play", "--exercise", "box-breathing", "--cycles", "1"])
        _, ev = run(other, ["play"], [{"at": 0.5, "press": "progress"}, {"at": 1, "press": "page:notes"},
                                      {"at": 2, "end": True}])
        check([e["message"] for e in picked(ev, "error")] == ['script line 2: no widget "page:notes" on the progress screen'],
              f"a log without notes offers no notes page: {picked(ev, 'error')}")

# 5. a log folder that cannot be made (a file is in the way): a clear message in the
# trace and on screen, and the exercise still runs to its end
with tempfile.TemporaryDirectory() as home:
    open(os.path.join(home, "data"), "w").close()
    _, ev = run(home, ["play", "--checkins"], [{"at": 0.5, "press": "exercise:breathing-4-7-8"},
                                               {"at": 0.5, "press": "cautions-start"},
                                               {"at": 1, "press": "rating:4"}])
    errs = picked(ev, "error")
    check(errs and "practice log" in errs[0]["message"], f"errors {errs}")
    check(any(e["event"] == "exercise_end" and e["completed"] for e in ev), "exercise ran without a log")

if FAILS:
    sys.exit(1)
print("ok: welcome once, check-ins traced and logged, export rows exact, settings saved, delete confirmed")
