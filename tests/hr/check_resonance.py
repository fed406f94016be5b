#!/usr/bin/env python3
"""The resonance assessment under `play --hr-replay` (docs/automation.md, docs/biofeedback.md).

  check_resonance.py GROUNDWORK

Synthetic recordings (rr_synth.py): a heart-rate swing largest at 5.5 breaths a minute,
with a few missed and extra beats, must choose 5.5; noise without a breathing swing must
say there is no clear winner; a recording that stops early has not enough clean data.
Without a recording the assessment says a sensor is needed and waits. A malformed file
stops the run before it starts with FILE:line N: what, and the practice log is left as
it was. Each run has fresh XDG folders."""
import hashlib
import json
import os
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


def play(tmp, *args, trace=True):
    env = dict(os.environ, XDG_DATA_HOME=os.path.join(tmp, "data"), XDG_CONFIG_HOME=os.path.join(tmp, "config"),
               LANGUAGE="en", LC_ALL="C.UTF-8")
    t = os.path.join(tmp, "trace.jsonl")
    cmd = [GW, "play", "--no-draw"] + list(args) + (["--trace", t] if trace else [])
    p = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=300)
    ev = []
    if trace and os.path.exists(t):
        ev = [json.loads(x) for x in open(t) if x.strip()]
        os.unlink(t)
    return p, ev


def assessment(tmp, rr):
    path = os.path.join(tmp, "rr.csv")
    rr_synth.write(path, rr)
    p, ev = play(tmp, "--exercise", "resonance-assessment", "--hr-replay", path)
    check(p.returncode == 0, f"play exits 0 ({p.returncode}: {p.stderr.strip()})")
    blocks = [e for e in ev if e["event"] == "resonance_block"]
    res = [e for e in ev if e["event"] == "resonance"]
    check([b["rate"] for b in blocks] == rr_synth.RATES, f"one resonance_block per rate, in order: {blocks}")
    check(len(res) == 1, f"one resonance event: {res}")
    hr = [e for e in ev if e["event"] == "hr"]
    check(len(hr) > 500 and all(30 <= e["bpm"] <= 200 and e["rr"] > 0 for e in hr), f"hr events ({len(hr)})")
    end = [e for e in ev if e["event"] == "exercise_end"]
    check(end and end[0]["completed"], "the assessment completes")
    return blocks, (res[0] if res else {})


with tempfile.TemporaryDirectory() as tmp:
    # the designed resonance at 5.5, with artefacts the cleaning corrects
    blocks, res = assessment(tmp, rr_synth.recording([6, 8, 16, 10, 7], artefacts=True))
    check(res.get("rate_bpm") == 5.5, f"5.5 chosen: {res}")
    check(all(b["valid"] and b["clean"] >= 0.9 for b in blocks), f"every block clean enough: {blocks}")
    best = max(blocks, key=lambda b: b["swing"])
    check(best["rate"] == 5.5 and abs(best["swing"] - 16) < 2, f"largest swing at 5.5, about 16: {best}")
    check(max(blocks, key=lambda b: b["lf"])["rate"] == 5.5, "largest LF power at 5.5")

    # kept in the practice log: the export shows it (JSON and CSV), Delete all removes it
    def export(fmt):
        env = dict(os.environ, XDG_DATA_HOME=os.path.join(tmp, "data"), XDG_CONFIG_HOME=os.path.join(tmp, "config"))
        return subprocess.run([GW, "log", "export", fmt, "-"], env=env, capture_output=True, text=True, timeout=60)
    js = json.loads(export("--json").stdout)
    row = [r for r in js if r["exercise"] == "resonance-assessment"]
    adj = json.loads(row[0]["adjustments"]) if row and row[0]["adjustments"] else {}
    res_kept = adj.get("resonance", {})
    check(res_kept.get("rate_bpm") == 5.5, f"the JSON export keeps the rate: {row}")
    check([b["rate"] for b in res_kept.get("blocks", [])] == rr_synth.RATES and
          max(res_kept["blocks"], key=lambda b: b["swing"])["rate"] == 5.5, f"and each block: {res_kept}")
    csv_out = export("--csv").stdout
    check(csv_out.startswith("id,exercise,start,end,completed,before,after,adjustments,notes\n") and
          '""rate_bpm"": 5.5' in csv_out, f"the CSV export keeps it: {csv_out[:300]}")

    # a flat heart with noise: no clear winner, never a guess
    _, res = assessment(tmp, rr_synth.recording([0] * 5, noise_ms=25, seed=3))
    check(res.get("rate_bpm", 0) is None and res.get("reason") == "no_clear_winner", f"noise: no clear winner: {res}")

    # the recording ends after two blocks: not enough clean data
    rr = rr_synth.recording([6, 8, 16, 10, 7])
    path = os.path.join(tmp, "short.csv")
    rr_synth.write(path, rr[:290])
    p, ev = play(tmp, "--exercise", "resonance-assessment", "--hr-replay", path)
    res = [e for e in ev if e["event"] == "resonance"]
    check(res and res[0]["rate_bpm"] is None and res[0]["reason"] == "not_enough_clean_data",
          f"a short recording: not enough clean data: {res}")

    # no recording, no sensor: the page that says so, the exercise waiting
    p, ev = play(tmp, "--exercise", "resonance-assessment")
    names = [e["event"] for e in ev]
    check({"event": "scene", "name": "resonance"} in [{k: e[k] for k in ("event", "name") if k in e} for e in ev],
          "the resonance scene shows")
    check("pause" in names and "phase" not in names and "resonance" not in names, f"it waits: {names}")
    check(ev and ev[-1]["event"] == "exit" and ev[-1]["reason"] == "waiting_for_input", f"exit: {ev[-1:]}")

    # malformed recordings: located errors, nothing run, the log untouched
    p, _ = play(tmp, "--exercise", "box-breathing", "--cycles", "1")
    log = os.path.join(tmp, "data", "groundwork", "practice.sqlite")
    before = hashlib.sha256(open(log, "rb").read()).hexdigest() if os.path.exists(log) else None
    check(before is not None, "a session was logged first")
    for body, line, what in (("ms\n800\n", 1, "the first line must be the header “rr_ms”"),
                             ("rr_ms\n800\nabc\n", 3, "not an interval in milliseconds"),
                             ("rr_ms\n\n", 2, "no intervals after the header"),
                             ("rr_ms\n800\n-5\n", 3, "not an interval in milliseconds")):
        bad = os.path.join(tmp, "bad.csv")
        open(bad, "w").write(body)
        p, ev = play(tmp, "--exercise", "resonance-assessment", "--hr-replay", bad)
        check(p.returncode == 2, f"{body!r}: exit 2 ({p.returncode})")
        check(f"{bad}:line {line}: {what}" in p.stderr, f"{body!r}: located message: {p.stderr.strip()}")
        check(not ev, f"{body!r}: nothing ran")
    p, _ = play(tmp, "--hr-replay", os.path.join(tmp, "missing.csv"))
    check(p.returncode == 2 and "missing.csv" in p.stderr, f"a missing file: {p.stderr.strip()}")
    after = hashlib.sha256(open(log, "rb").read()).hexdigest()
    check(before == after, "the practice log is unchanged")

    # Delete all my data (Settings) takes the results with everything else
    script = os.path.join(tmp, "delete.jsonl")
    open(script, "w").write('{"at": 0.1, "press": "settings"}\n{"at": 0.2, "choose": "delete-data"}\n'
                            '{"at": 0.3, "press": "delete-confirm"}\n{"at": 0.5, "end": true}\n')
    p, ev = play(tmp, "--script", script)
    check(any(e["event"] == "data_deleted" for e in ev), f"data deleted: {[e['event'] for e in ev]}")
    env = dict(os.environ, XDG_DATA_HOME=os.path.join(tmp, "data"), XDG_CONFIG_HOME=os.path.join(tmp, "config"))
    out = subprocess.run([GW, "log", "export", "--json", "-"], env=env, capture_output=True, text=True).stdout
    check("resonance" not in out and json.loads(out) == [], f"nothing of it left: {out[:200]}")

if failures:
    print(f"{len(failures)} failures")
    sys.exit(1)
print("ok")
