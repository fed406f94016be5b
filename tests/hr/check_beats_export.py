#!/usr/bin/env python3
"""A session's heart beats kept at home and exported as a recording (docs/biofeedback.md):
the resonance assessment played from a synthetic recording (rr_synth.py) keeps its
beats with the session; `log beats ID FILE` writes them as `rr_ms` CSV, private, which
`play --hr-replay` takes back to the same `resonance` result and block figures; the JSON
export (`log export --json` and Settings) carries them as the session's `rr_ms`. Delete
all my data takes the beats too; present mode keeps none.

  check_beats_export.py GROUNDWORK"""
import json
import os
import stat
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import rr_synth  # noqa: E402

GW = sys.argv[1]
failures = []


def check(cond, what):
    if not cond:
        failures.append(what)
        print("FAIL:", what)


def env_of(tmp):
    return dict(os.environ, XDG_DATA_HOME=os.path.join(tmp, "data"), XDG_CONFIG_HOME=os.path.join(tmp, "config"),
                LANGUAGE="en", LC_ALL="C.UTF-8")


def run(tmp, *args):
    return subprocess.run([GW] + list(args), env=env_of(tmp), capture_output=True, text=True, timeout=300)


def play(tmp, *args):
    t = os.path.join(tmp, "trace.jsonl")
    p = run(tmp, "play", "--no-draw", "--trace", t, *args)
    ev = [json.loads(x) for x in open(t) if x.strip()] if os.path.exists(t) else []
    if os.path.exists(t):
        os.unlink(t)
    return p, ev


def measures(ev):
    blocks = [{k: b[k] for k in ("rate", "swing", "lf", "used", "rejected", "valid")}
              for b in ev if b["event"] == "resonance_block"]
    res = [{k: v for k, v in e.items() if k != "t"} for e in ev if e["event"] == "resonance"]
    return blocks, res


def sessions(tmp):
    return json.loads(run(tmp, "log", "export", "--json", "-").stdout or "[]")


with tempfile.TemporaryDirectory() as tmp:
    rec = os.path.join(tmp, "rec.csv")
    rr_synth.write(rec, rr_synth.recording([6, 8, 16, 10, 7], noise_ms=8, artefacts=True, seed=5))
    p, ev = play(tmp, "--exercise", "resonance-assessment", "--hr-replay", rec)
    check(p.returncode == 0, f"play exits 0 ({p.returncode}: {p.stderr.strip()})")
    blocks, res = measures(ev)
    check(len(blocks) == 5 and res and res[0]["rate_bpm"] == 5.5, f"the recording's result: {res} {blocks}")

    rows = [r for r in sessions(tmp) if r["exercise"] == "resonance-assessment"]
    check(len(rows) == 1, f"one session kept: {rows}")
    sid = str(rows[0]["id"]) if rows else "1"
    out = os.path.join(tmp, "beats.csv")
    p = run(tmp, "log", "beats", sid, out)
    check(p.returncode == 0, f"log beats exits 0 ({p.returncode}: {p.stderr.strip()})")
    check(os.path.exists(out) and stat.S_IMODE(os.stat(out).st_mode) == 0o600, "the beats file is private (0600)")
    lines = open(out).read().splitlines() if os.path.exists(out) else []
    check(lines[:1] == ["rr_ms"] and len(lines) > 600, f"an rr_ms recording: {lines[:3]} ({len(lines)} lines)")
    played = [float(x) for x in open(rec).read().splitlines()[1:]]
    kept = [float(x) for x in lines[1:]]
    check(kept == played[:len(kept)] and len(played) - len(kept) < 10,
          f"the intervals as played, in order ({len(kept)} of {len(played)})")
    p = run(tmp, "log", "beats", sid, out)
    check(p.returncode == 1 and "--force" in p.stderr, f"an existing file is kept without --force: {p.stderr.strip()}")
    p = run(tmp, "log", "beats", sid, "-")
    check(p.returncode == 0 and p.stdout.splitlines() == lines, "to standard output, the same")

    # the JSON export carries them too, from the command line and from Settings
    rows = [r for r in sessions(tmp) if r["exercise"] == "resonance-assessment"]
    check(rows and rows[0].get("rr_ms") == kept, "log export --json has the session's rr_ms: %s" %
          (rows[0].get("rr_ms", "none")[:5] if rows else rows))
    docs = os.path.join(tmp, "docs")
    os.makedirs(docs)
    script = os.path.join(tmp, "export.jsonl")
    with open(script, "w") as f:
        for k, line in enumerate([{"press": "settings"}, {"key": "PageDown"}, {"key": "PageDown"},
                                  {"key": "PageDown"}, {"press": "export"}, {"press": "export:json"}]):
            f.write(json.dumps(dict(line, at=0.5 + 0.3 * k)) + "\n")
        f.write('{"at": 3, "end": true}\n')
    env = dict(env_of(tmp), HOME=os.path.join(tmp, "home"), XDG_DOCUMENTS_DIR=docs,
               DBUS_SESSION_BUS_ADDRESS="unix:path=/nonexistent/groundwork-test-bus")
    subprocess.run([GW, "play", "--script", script], env=env, capture_output=True, text=True, timeout=300)
    saved = [os.path.join(docs, f) for f in os.listdir(docs) if f.endswith(".json")]
    js = json.load(open(saved[0], encoding="utf-8")) if saved else []
    rows = [r for r in js if r["exercise"] == "resonance-assessment"]
    check(rows and rows[0].get("rr_ms") == kept, "the Settings JSON export has the session's rr_ms (%s)" % saved)

    # played back from the export: the same measures and result
    p, ev = play(tmp, "--exercise", "resonance-assessment", "--hr-replay", out)
    check(p.returncode == 0, f"the export plays ({p.returncode}: {p.stderr.strip()})")
    b2, r2 = measures(ev)
    check(b2 == blocks and r2 == res, f"the same result from the export:\n{r2} {b2}\nvs\n{res} {blocks}")

    # a session without beats, an unknown one, a bad id
    p, _ = play(tmp, "--exercise", "box-breathing", "--cycles", "1")
    box = [r for r in sessions(tmp) if r["exercise"] == "box-breathing"]
    check(box and "rr_ms" not in box[0], "a session without beats has no rr_ms in the JSON: %s" % box)
    p = run(tmp, "log", "beats", str(box[0]["id"]) if box else "99")
    check(p.returncode == 1 and "no heart beats" in p.stderr and not p.stdout, f"none kept: {p.stderr.strip()}")
    p = run(tmp, "log", "beats", "12345")
    check(p.returncode == 1 and "no heart beats" in p.stderr, f"an unknown session: {p.stderr.strip()}")
    p = run(tmp, "log", "beats", "x1")
    check(p.returncode == 2, f"a bad id is a usage error: {p.returncode}")

    # Delete all my data (Settings) takes the beats with everything else
    script = os.path.join(tmp, "delete.jsonl")
    open(script, "w").write('{"at": 0.1, "press": "settings"}\n{"at": 0.2, "choose": "delete-data"}\n'
                            '{"at": 0.3, "press": "delete-confirm"}\n{"at": 0.5, "end": true}\n')
    p, ev = play(tmp, "--script", script)
    check(any(e["event"] == "data_deleted" for e in ev), "data deleted")
    p = run(tmp, "log", "beats", sid)
    check(p.returncode == 1 and "no heart beats" in p.stderr, f"the beats are gone: {p.stderr.strip()}")
    db = os.path.join(tmp, "data", "groundwork", "practice.sqlite")
    import sqlite3
    con = sqlite3.connect(db)
    n = con.execute("SELECT count(*) FROM beats").fetchone()[0]
    con.close()
    check(n == 0, f"no beats left in the file: {n}")

    # present mode keeps nothing
    p, ev = play(tmp, "--mode", "present", "--exercise", "resonance-breathing", "--cycles", "3", "--hr-replay", rec)
    check(sessions(tmp) == [], "present mode keeps no session or beats")

if failures:
    print(f"{len(failures)} failures")
    sys.exit(1)
print("ok")
