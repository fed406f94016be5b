#!/usr/bin/env python3
"""What the person changes during a breathing exercise at home is kept in the practice
log's `adjustments` (JSON text), read back as a person would, from `groundwork log export
--json`, each run in fresh XDG folders:
  - Longer twice and Shorter once on box breathing (4 phases, 0.5 s a step) and the Style
    control once: {"breath_ms": 2000, "style": "wave"} (box opens with its own box style);
  - Longer then Shorter, and Style round all five styles back to the box: nothing ("");
  - --cycles 2: {"cycles": 2}; Longer with it: both;
  - a guided exercise: nothing;
  - present mode keeps no log at all, whatever the therapist changes."""
import json
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(__file__))
from gwcheck import require  # noqa: E402

exe = sys.argv[1]


def run(home, args, script):
    env = dict(os.environ, XDG_DATA_HOME=os.path.join(home, "data"), XDG_CONFIG_HOME=os.path.join(home, "config"))
    env.pop("GROUNDWORK_FAKE_NOW", None)
    path, trace = os.path.join(home, "script.jsonl"), os.path.join(home, "trace.jsonl")
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(json.dumps(s) for s in script) + "\n")
    p = subprocess.run([exe, "play", "--no-draw", "--script", path, "--trace", trace] + args, env=env,
                       capture_output=True, text=True, timeout=300)
    require(p.returncode == 0, f"{args}: exit {p.returncode}: {p.stderr}")
    events = [json.loads(l) for l in open(trace, encoding="utf-8")]
    errors = [e for e in events if e["event"] == "error"]
    require(not errors, f"{args}: errors in the trace: {errors}")
    return events


def exported(home):
    env = dict(os.environ, XDG_DATA_HOME=os.path.join(home, "data"), XDG_CONFIG_HOME=os.path.join(home, "config"))
    p = subprocess.run([exe, "log", "export", "--json"], env=env, capture_output=True, text=True, timeout=60)
    require(p.returncode == 0, f"log export --json: exit {p.returncode}: {p.stderr}")
    return json.loads(p.stdout) if p.stdout.strip() else []


def presses(*steps, end=12):
    # (`play --exercise` passes the exercise's cautions by itself); Back leaves it
    return ([{"at": t, "press": w} for t, w in steps]
            + [{"at": end, "press": "back"}, {"at": end + 1, "end": True}])


CASES = [
    ("longer twice, shorter once, style once", ["--exercise", "box-breathing"],
     presses((4, "longer"), (4.5, "longer"), (5, "shorter"), (6, "style")),
     {"breath_ms": 2000, "style": "wave"}, 4),
    ("presses that cancel out", ["--exercise", "box-breathing"],
     presses((4, "longer"), (5, "shorter"), *[(6 + i * 0.2, "style") for i in range(5)]), None, 7),
    ("--cycles", ["--exercise", "box-breathing", "--cycles", "2"], presses(), {"cycles": 2}, 0),
    ("--cycles and shorter", ["--exercise", "resonance-breathing", "--cycles", "3"],
     presses((4, "shorter")), {"breath_ms": -1000, "cycles": 3}, 1),
    ("a guided exercise", ["--exercise", "pmr-4"], presses((4, "next")), None, 0),
]

for what, args, script, want, nadjust in CASES:
    with tempfile.TemporaryDirectory() as home:
        ev = run(home, args, script)
        # every press landed: an adjust or style event for each
        wanted = sum(1 for s in script if s.get("press") in ("longer", "shorter", "style"))
        got_n = sum(1 for e in ev if e["event"] in ("adjust", "style"))
        require(got_n == wanted == nadjust, f"{what}: {got_n} adjust/style events for {wanted} presses")
        ends = [e for e in ev if e["event"] == "exercise_end"]
        require(len(ends) == 1, f"{what}: {len(ends)} exercise_end events")
        rows = exported(home)
        require(len(rows) == 1, f"{what}: {len(rows)} rows in the export: {rows}")
        got = rows[0]["adjustments"]
        require(isinstance(got, str), f"{what}: adjustments is not a string: {got!r}")
        if want is None:
            require(got == "", f"{what}: adjustments {got!r}, wanted none")
        else:
            require(got != "" and json.loads(got) == want, f"{what}: adjustments {got!r}, wanted {want}")
        print(f"ok ({what}): {got or 'none'}")

# present mode: the therapist's Longer, breaths and style are the session's, not the person's log
with tempfile.TemporaryDirectory() as home:
    run(home, ["--mode", "present", "--exercise", "box-breathing"],
        presses((4, "longer"), (5, "style")))
    require(exported(home) == [], "present mode wrote to the practice log")
    print("ok (present): no log")
print("ok: the practice log keeps what the person changed")
