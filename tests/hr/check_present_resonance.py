#!/usr/bin/env python3
"""Present mode and the resonance assessment (docs/biofeedback.md, docs/automation.md):
played from a synthetic recording whose swing is largest at 5.5 breaths a minute, the
therapist's panel offers the rate found once the assessment has ended (ctl-res-plan,
not before), which puts resonance breathing into the take-home plan paced at 5.5 a
minute (its breath 60 / 5.5 s, in its own proportions, for its own length); the saved
plan validates, and nothing of the client's is kept.

  check_present_resonance.py GROUNDWORK"""
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


with tempfile.TemporaryDirectory() as tmp:
    env = dict(os.environ, XDG_DATA_HOME=os.path.join(tmp, "data"), XDG_CONFIG_HOME=os.path.join(tmp, "config"),
               HOME=tmp, LANGUAGE="en", LC_ALL="C.UTF-8")
    rec = os.path.join(tmp, "rr.csv")
    rr_synth.write(rec, rr_synth.recording([6, 8, 16, 10, 7]))
    plan = os.path.join(tmp, "plan")
    script = os.path.join(tmp, "s.jsonl")
    with open(script, "w") as f:
        f.write('{"at": 300, "press": "ctl-res-plan"}\n'      # not offered while it runs
                '{"at": 300.5, "screenshot": "%s"}\n'
                '{"at": 606, "press": "ctl-res-plan"}\n'
                '{"at": 607, "key": "S", "mod": ["ctrl"]}\n'
                '{"at": 608, "end": true}\n' % os.path.join(tmp, "running.png"))
    trace = os.path.join(tmp, "t.jsonl")
    p = subprocess.run([GW, "play", "--mode", "present", "--plan-dir", plan, "--exercise", "resonance-assessment",
                        "--hr-replay", rec, "--script", script, "--trace", trace, "--size", "1280x720"],
                       env=env, capture_output=True, text=True, timeout=300)
    check(p.returncode == 0, f"play exits 0 ({p.returncode}: {p.stderr.strip()})")
    ev = [json.loads(x) for x in open(trace) if x.strip()] if os.path.exists(trace) else []
    errors = [e for e in ev if e["event"] == "error"]
    check(len(errors) == 1 and errors[0]["t"] == 300 and "ctl-res-plan" in errors[0]["message"],
          f"the rate is offered only once found: {errors}")
    res = [e for e in ev if e["event"] == "resonance"]
    check(res and res[0]["rate_bpm"] == 5.5, f"5.5 found: {res}")
    adds = [e for e in ev if e["event"] == "plan_add"]
    check(adds and adds[0] == {"t": 606, "event": "plan_add", "exercise": "resonance-breathing", "count": 1,
                               "rate_bpm": 5.5}, f"resonance breathing added at 5.5: {adds}")
    saved = [e for e in ev if e["event"] == "plan_saved"]
    check(saved and saved[0]["ok"], f"the plan is saved: {saved}")
    path = os.path.join(plan, "exercises", "plan-resonance-breathing.json")
    check(os.path.exists(path), "the plan has resonance breathing")
    if os.path.exists(path):
        b = json.load(open(path))["breathing"]
        breath = sum(ph["seconds"] for ph in b["phases"])
        check(abs(60 / breath - 5.5) < 0.05, f"paced at 5.5 a minute: {b}")
        check([ph["phase"] for ph in b["phases"]] == ["inhale", "exhale"] and
              b["phases"][0]["seconds"] < b["phases"][1]["seconds"], f"out longer than in, no holds: {b}")
        check(abs(b["cycles"] * breath - 600) < breath, f"its ten minutes: {b}")
    v = subprocess.run([GW, "validate", plan], env=env, capture_output=True, text=True, timeout=60)
    check(v.returncode == 0, f"the plan validates: {v.stdout} {v.stderr}")
    check(os.path.getsize(os.path.join(tmp, "running.png")) > 0, "a frame of the panel while it runs")
    check(not os.path.exists(os.path.join(tmp, "data", "groundwork", "practice.sqlite")),
          "present mode keeps no practice log")

if failures:
    print(f"{len(failures)} failures")
    sys.exit(1)
print("ok")
