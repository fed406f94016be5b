#!/usr/bin/env python3
"""Present mode's take-home plan, end to end: a therapist tailors box breathing
(longer phases) and 4-group PMR (release only, legs left out), writes a note (opened
with the E key, whose own "e" is not typed into it), picks a frequency and saves the
plan into a folder; `groundwork validate` accepts the folder; the files hold what was
tailored; and home mode with --pack on the folder lists the
plan first (Enter on the first card starts the plan's exercise)."""
import json
import os
import subprocess
import sys
import tempfile

EXE = sys.argv[1]

SAVE = """\
{"at": 0.5, "press": "exercise:box-breathing"}
{"at": 0.5, "press": "cautions-start"}
{"at": 1.0, "press": "longer"}
{"at": 1.5, "press": "ctl-add-plan"}
{"at": 2.0, "press": "back"}
{"at": 2.5, "press": "exercise:pmr-4"}
{"at": 2.5, "press": "cautions-start"}
{"at": 3.0, "press": "ctl-tension"}
{"at": 3.5, "press": "ctl-group:legs"}
{"at": 4.0, "key": "E"}
{"at": 4.0, "text": "e"}
{"at": 4.2, "text": "Try it after lunch \\"slowly\\""}
{"at": 4.4, "key": "Return"}
{"at": 4.6, "key": "B"}
{"at": 5.0, "press": "ctl-freq"}
{"at": 5.5, "press": "ctl-save-plan"}
{"at": 6.0, "end": true}
"""

HOME = """\
{"at": 0.5, "key": "Return"}
{"at": 0.5, "key": "Return"}
{"at": 1.0, "end": true}
"""


def fail(msg):
    print("FAIL:", msg)
    sys.exit(1)


def trace_of(path):
    with open(path) as f:
        return [json.loads(x) for x in f if x.strip()]


def main():
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, XDG_DATA_HOME=os.path.join(tmp, "data"), XDG_CONFIG_HOME=os.path.join(tmp, "config"))
        plan = os.path.join(tmp, "my plan")  # a space in the path on purpose
        script = os.path.join(tmp, "save.jsonl")
        with open(script, "w") as f:
            f.write(SAVE)
        tr = os.path.join(tmp, "save.trace")
        p = subprocess.run([EXE, "play", "--mode", "present", "--no-draw", "--script", script, "--trace", tr,
                            "--plan-dir", plan], env=env, capture_output=True, text=True, timeout=300)
        if p.returncode != 0:
            fail("play exited %d: %s" % (p.returncode, p.stderr))
        ev = trace_of(tr)
        saved = [e for e in ev if e["event"] == "plan_saved"]
        if len(saved) != 1 or not saved[0]["ok"] or saved[0]["exercises"] != 2:
            fail("plan_saved: %r" % saved)
        if not any(e["event"] == "blank" for e in ev):
            fail("the B key after the note should blank the screen again")

        v = subprocess.run([EXE, "validate", plan], env=env, capture_output=True, text=True, timeout=60)
        out = v.stdout.splitlines()  # the OK line, then the pack's languages
        if (v.returncode != 0 or len(out) != 2 or out[0] != "OK: 1 pack, 2 exercises, 0 warnings"
                or ": complete in " not in out[1]):
            fail("validate: rc %d, %r %r" % (v.returncode, v.stdout, v.stderr))

        with open(os.path.join(plan, "pack.json")) as f:
            pk = json.load(f)
        want = {"note": 'Try it after lunch "slowly"', "frequency": {"times_per_day": 1, "minutes": 5}}
        if pk.get("plan") != want:
            fail("pack.json plan: %r" % pk.get("plan"))
        with open(os.path.join(plan, "exercises", "plan-box-breathing.json")) as f:
            box = json.load(f)
        if not box.get("cautions"):
            fail("the plan's box breathing lost its cautions")
        if [ph["seconds"] for ph in box["breathing"]["phases"]] != [4.5, 4.5, 4.5, 4.5]:
            fail("box phases: %r" % box["breathing"]["phases"])
        with open(os.path.join(plan, "exercises", "plan-pmr-4.json")) as f:
            pmr = json.load(f)
        steps = pmr["guided"]["steps"]
        if not steps or any(s["kind"] == "tense" for s in steps) or any(s.get("region") == "legs" for s in steps):
            fail("pmr steps kept tense or legs: %r" % [(s["kind"], s.get("region")) for s in steps])
        if not any(s.get("region") == "arms" for s in steps):
            fail("pmr lost the arms")
        for s in steps:
            for clip in ([s["voice"]] if isinstance(s.get("voice"), str) else list(s.get("voice", {}).values())):
                if not os.path.isfile(os.path.join(plan, clip)):
                    fail("voice clip not copied: " + clip)

        script = os.path.join(tmp, "home.jsonl")
        with open(script, "w") as f:
            f.write(HOME)
        tr = os.path.join(tmp, "home.trace")
        p = subprocess.run([EXE, "play", "--no-draw", "--pack", plan, "--script", script, "--trace", tr],
                           env=env, capture_output=True, text=True, timeout=300)
        if p.returncode != 0:
            fail("home play exited %d: %s" % (p.returncode, p.stderr))
        # the plan's exercise shows its cautions at home too, then Enter starts it
        if not any(e["event"] == "cautions" and e["exercise"] == "plan-box-breathing" for e in trace_of(tr)):
            fail("the plan's exercise did not show its cautions at home")
        starts = [e["id"] for e in trace_of(tr) if e["event"] == "exercise_start"]
        if starts != ["plan-box-breathing"]:
            fail("Enter on the first card of home should start the plan, started %r" % starts)

        # a folder that cannot be written: the run goes on and says why
        bad = os.path.join(tmp, "file")
        open(bad, "w").close()
        script = os.path.join(tmp, "bad.jsonl")
        with open(script, "w") as f:
            f.write('{"at": 0.5, "press": "exercise:box-breathing"}\n{"at": 0.5, "press": "cautions-start"}\n{"at": 1.0, "press": "ctl-save-plan"}\n'
                    '{"at": 1.5, "end": true}\n')
        tr = os.path.join(tmp, "bad.trace")
        p = subprocess.run([EXE, "play", "--mode", "present", "--no-draw", "--script", script, "--trace", tr,
                            "--plan-dir", os.path.join(bad, "plan")], env=env, capture_output=True, text=True,
                           timeout=300)
        ev = trace_of(tr)
        if p.returncode != 0 or not any(e["event"] == "plan_saved" and not e["ok"] for e in ev) \
                or not any(e["event"] == "error" and "not saved" in e["message"] for e in ev):
            fail("an unwritable plan folder: rc %d, %r" % (p.returncode, ev))
    print("ok")


if __name__ == "__main__":
    main()
