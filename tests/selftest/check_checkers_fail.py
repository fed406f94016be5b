#!/usr/bin/env python3
"""The checkers can fail: each Python checker of tests/e2e (and play_check.py on a few
scripts) is run against a fake groundwork (fake_groundwork.py) that writes an empty trace
and blank PNGs, then one that writes a trace with only a start and an exit, white PNGs and
empty JSON. Every run must end in a failure (status not 0). They run with
PYTHONOPTIMIZE=1, so a check written as `assert` (stripped then) would show up here as a
checker that passes.

play_check.py's own rules are checked against the real program: a misspelt directive, an
expected error that names no cause and an exact time in expect-not are refused (status 2);
an error nobody expected, `true` against 1 and an event inside an expect-not window fail.

Usage: check_checkers_fail.py GROUNDWORK SOURCE_DIR LOCPATH"""
import os
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "e2e"))
from gwcheck import require  # noqa: E402

real, src, locpath = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2]), sys.argv[3]
e2e = os.path.join(src, "tests", "e2e")
fake = os.path.join(os.path.dirname(os.path.abspath(__file__)), "fake_groundwork.py")

# checker -> extra arguments after the program ({src}, {locpath} filled in), where it takes any
CHECKERS = {
    "check_478_trace.py": [], "check_adjustments_log.py": [], "check_box_trace.py": [], "check_cautions.py": [],
    "check_guided.py": ["{src}"], "check_home_log.py": [], "check_incremental.py": [],
    "check_kiosk.py": ["{src}"], "check_kiosk_unattended.py": [], "check_log_export.py": [],
    "check_log_retry.py": [], "check_numeric_locale.py": ["{locpath}"],
    "check_pacer_controls.py": [], "check_pacer_long.py": [], "check_pacer_styles.py": [],
    "check_present_plan.py": [], "check_render.py": [], "check_summary_lengths.py": [],
    "check_validate_agrees.py": [],
}
PLAY_SCRIPTS = ["scripts/pacer_controls.jsonl", "scripts/play_missing_widget.jsonl",
                "scripts/library_start.jsonl", "settings_scripts/handedness.jsonl"]

# every checker there is runs; one not named above takes only the program
for f in os.listdir(e2e):
    if f.startswith("check_") and f.endswith(".py"):
        CHECKERS.setdefault(f, [])

failures = []
with tempfile.TemporaryDirectory() as tmp:
    exe = os.path.join(tmp, "groundwork")
    shutil.copy(fake, exe)
    os.chmod(exe, 0o755)
    for mode in ("empty", "wrong"):
        home = os.path.join(tmp, mode)
        env = dict(os.environ, PYTHONOPTIMIZE="1", GW_FAKE_MODE=mode, XDG_DATA_HOME=home + "/data",
                   XDG_CONFIG_HOME=home + "/config", GW_E2E_DIR=e2e, GW_SOURCE_DIR=src)
        runs = [(c, [os.path.join(e2e, c), exe] + [a.format(src=src, locpath=locpath) for a in extra])
                for c, extra in CHECKERS.items()]
        runs += [("play_check.py " + s, [os.path.join(e2e, "play_check.py"), exe, os.path.join(e2e, s)])
                 for s in PLAY_SCRIPTS]
        for name, cmd in runs:
            try:
                p = subprocess.run([sys.executable] + cmd, env=env, cwd=tmp, capture_output=True,
                                   text=True, timeout=300)
                rc = p.returncode
            except subprocess.TimeoutExpired:
                rc = "timeout"  # a checker that hangs on a broken program fails in CTest too
            print(f"{mode:5} {name}: {rc}")
            if rc == 0:
                failures.append(f"{name} passed against a fake groundwork ({mode}):\n{p.stdout[-600:]}")

    # play_check.py's own rules, against the real program
    rules = {
        "misspelt": ("#expect: {\"event\": \"exit\"}\n", 2),
        "expect_s": ("# expects: {\"event\": \"exit\"}\n", 2),
        "bare_error": ("# expect: {\"event\": \"error\"}\n{\"at\": 1, \"press\": \"nothing\"}\n", 2),
        "exact_not": ("# expect-not: {\"event\": \"phase\", \"t\": 11.0}\n", 2),
        "unexpected_error": ("{\"at\": 1, \"press\": \"nothing\"}\n", 1),
        "wrong_cause": ("# expect: {\"event\": \"error\", \"message~\": \"no widget \\\"other\\\"\"}\n"
                        "{\"at\": 1, \"press\": \"nothing\"}\n", 1),
        "named_error": ("# expect: {\"event\": \"error\", \"message~\": \"no widget \\\"nothing\\\"\"}\n"
                        "{\"at\": 1, \"press\": \"nothing\"}\n", 0),
        "true_is_not_1": ("# args: --exercise box-breathing\n"
                          "# expect: {\"event\": \"mute\", \"muted\": 1}\n{\"at\": 4, \"press\": \"mute\"}\n", 1),
        "true_is_true": ("# args: --exercise box-breathing\n"
                         "# expect: {\"event\": \"mute\", \"muted\": true}\n{\"at\": 4, \"press\": \"mute\"}\n", 0),
        "in_window": ("# args: --exercise box-breathing\n"
                      "# expect-not: {\"event\": \"phase\", \"phase\": \"inhale\", \"t\": [2.5, 3.5]}\n", 1),
        "out_of_window": ("# args: --exercise box-breathing\n"
                          "# expect-not: {\"event\": \"phase\", \"phase\": \"inhale\", \"t\": [3.5, 4]}\n", 0),
    }
    env = dict(os.environ, PYTHONOPTIMIZE="1", XDG_DATA_HOME=tmp + "/rules/data",
               XDG_CONFIG_HOME=tmp + "/rules/config")
    for name, (body, want) in rules.items():
        s = os.path.join(tmp, name + ".jsonl")
        with open(s, "w", encoding="utf-8") as f:
            f.write("# args: --no-draw\n" + body + "{\"at\": 5, \"end\": true}\n")
        p = subprocess.run([sys.executable, os.path.join(e2e, "play_check.py"), real, s], env=env,
                           capture_output=True, text=True, timeout=120)
        print(f"rule  {name}: {p.returncode} (wanted {want})")
        if p.returncode != want:
            failures.append(f"play_check.py on {name}: status {p.returncode}, wanted {want}\n{p.stdout[-600:]}")

for f in failures:
    print("FAIL:", f)
require(not failures, f"{len(failures)} checker runs did not fail as they should")
print("ok: every checker fails against a fake program; play_check.py keeps its rules")
