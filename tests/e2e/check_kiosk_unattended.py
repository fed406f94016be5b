#!/usr/bin/env python3
"""The kiosk's default list offers only exercises suited to unattended, standing use.

Every exercise `list --json` marks "unattended": false (4-7-8, the tensing PMR forms)
is on no page of the kiosk's cards when the settings name no exercises, and every one
marked true is (reached as a person would, page by page). A configuration that names
unsuitable exercises on purpose offers them, and the kiosk warns about each one
(traced config_warning, and on standard error); `validate` says the same of the
settings file before it is deployed."""
import json
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(__file__))
from gwcheck import require  # noqa: E402

exe = sys.argv[1]


def play(tmp, lines, config):
    script, trace = os.path.join(tmp, "s.jsonl"), os.path.join(tmp, "t.jsonl")
    with open(script, "w") as f:
        f.write("\n".join(json.dumps(x) for x in lines) + "\n")
    p = subprocess.run([exe, "play", "--mode", "kiosk", "--no-draw", "--config", config, "--script", script,
                        "--trace", trace], cwd=tmp, capture_output=True, text=True, timeout=300)
    require(p.returncode == 0, p.stderr)
    return p.stderr, [json.loads(l) for l in open(trace)]


def offered(tmp, ids, config):
    """Which of ids the kiosk's library lets a person reach, each tried afresh from the
    attract loop; also every warning given and standard error."""
    got, warns, errs = set(), [], ""
    for i in ids:
        err, ev = play(tmp, [{"at": 0.5, "press": "begin"}, {"at": 1, "choose": "exercise:" + i},
                             {"at": 2, "end": True}], config)
        errs += err
        warns += [e["message"] for e in ev if e["event"] == "config_warning"]
        if any(e["event"] == "press" and e["widget"] == "exercise:" + i for e in ev):
            got.add(i)
            require(any(e["event"] == "cautions" and e["exercise"] == i for e in ev), i)
        else:
            require(any(e["event"] == "error" for e in ev), f"{i}: neither offered nor refused")
    return got, warns, errs


out = subprocess.run([exe, "list", "--json"], capture_output=True, text=True, check=True).stdout
exercises = json.loads(out)
flag = {e["id"]: e["unattended"] for e in exercises}
require(all(isinstance(v, bool) for v in flag.values()), flag)
for must_not in ("breathing-4-7-8", "pmr-16", "pmr-7"):
    require(flag.get(must_not) is False, f"{must_not} must not be marked for unattended use")

with tempfile.TemporaryDirectory() as tmp:
    got, warns, _ = offered(tmp, list(flag), "no-such-kiosk.json")
    want = {i for i, u in flag.items() if u}
    require(got == want, f"offered {sorted(got)}, expected {sorted(want)}")
    require(not warns, "no warning without a configuration")

    cfg = os.path.join(tmp, "kiosk.json")
    named = ["grounding-54321", "breathing-4-7-8", "pmr-16"]
    with open(cfg, "w") as f:
        json.dump({"exercises": named, "attract": "breathing-4-7-8"}, f)
    got, warns, err = offered(tmp, named + ["box-breathing"], cfg)
    require(got == set(named), f"named on purpose: offered {sorted(got)}")
    runs = len(named) + 1
    require(len(warns) == 3 * runs, warns)  # 4-7-8 and pmr-16 offered, 4-7-8 in the attract loop
    require(sum('"pmr-16" is offered on purpose' in w for w in warns) == runs, warns)
    require(sum('"breathing-4-7-8" is paced in the attract loop' in w for w in warns) == runs, warns)
    require(err.count("warning: kiosk settings:") == 3 * runs, err)
    # validate checks a kiosk's settings against the packs before it is deployed
    v = subprocess.run([exe, "validate", cfg], capture_output=True, text=True)
    require(v.returncode == 0, v.stdout + v.stderr)
    lines = v.stdout.splitlines()
    require(any(l.startswith(cfg + ': $.exercises[2]: warning: "pmr-16" is offered on purpose') for l in lines), lines)
    require(any(l.startswith(cfg + ': $.attract: warning: "breathing-4-7-8" is paced') for l in lines), lines)
    require(not any("grounding-54321" in l for l in lines), lines)
    require(lines[-1].endswith("3 warnings"), lines)
print(f"ok: {len(want)} of {len(flag)} exercises offered by default; named ones offered with a warning")
