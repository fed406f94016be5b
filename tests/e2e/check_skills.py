#!/usr/bin/env python3
"""The coping skills added to the built-in pack after its first sixteen exercises, each
as a person meets it (docs/content.md, "Distress tolerance and mindfulness"):

- `play --exercise ID` shows its cautions (traced `cautions`, then Start) before the
  exercise starts or takes its first step or breath, and runs to its end on the virtual
  clock: a pacer and a guided exercise by themselves, a prompts exercise by a tap for each
  dot and Return for each card; `exercise_end` is `completed`;
- a timed exercise (pacer, guided) ends exactly when `list --json` says it lasts, the
  length the library card, the kiosk card and a plan show (exercise_length), so card,
  summary (e2e.summary_lengths) and `list` agree with what plays;
- `render` draws its "Before you begin" screen and the middle of it in English, Spanish,
  German and Arabic at 100% and 200% text, and its first step at 200% (in English also at
  100%), each a PNG of the size asked for that is not one flat colour;
- `list --json` gives each skill its library section in every language: "Distress
  tolerance" for TIPP, STOP and self-soothe, "Mindfulness" for the body scan, calm place,
  leaves on a stream and urge surfing, none for the others;
- home mode reaches each one's card in the library (turning pages as a person would) and
  starts it after its cautions;
- present mode puts them in a take-home plan (the body scan without its feet, paced
  breathing a little longer) that saves, validates and lists them.
The ids are listed here so that a skill removed from the pack fails this test."""
import json
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(__file__))
import pngread  # noqa: E402
from gwcheck import require  # noqa: E402

EXE = sys.argv[1]
ONLY = sys.argv[2:]  # ids to check (all of SKILLS by default)
ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "content", "core")
SKILLS = ["paced-breathing-dbt", "grounding-soothing", "tipp-cold-water", "counting-breaths", "stop-skill",
          "self-soothe-senses", "body-scan", "calm-place", "leaves-on-a-stream", "urge-surfing"]
FAILS = []


def check(ok, what):
    if not ok:
        FAILS.append(what)
        print("FAIL:", what, flush=True)


def exercise_doc(eid):
    return json.load(open(os.path.join(ROOT, "exercises", eid + ".json"), encoding="utf-8"))


def script_for(doc, length):
    """Taps and keys that take a person through the exercise, then time to finish."""
    lines, t = [], 1.0
    if doc["kind"] == "prompts":
        for step in doc["prompts"]["steps"]:
            for _ in range(step.get("count", 0)):
                lines.append({"at": round(t, 2), "key": "Space"})
                t += 0.5
            lines.append({"at": round(t, 2), "key": "Return"})
            t += 1.0
    else:
        t = length + 3.0
    lines.append({"at": round(t + 2.0, 2), "end": True})
    return lines


def play(tmp, eid, lines):
    script, trace = os.path.join(tmp, eid + ".jsonl"), os.path.join(tmp, eid + ".trace")
    with open(script, "w", encoding="utf-8") as f:
        f.write("\n".join(json.dumps(x) for x in lines) + "\n")
    p = subprocess.run([EXE, "play", "--no-draw", "--exercise", eid, "--script", script, "--trace", trace],
                       capture_output=True, text=True, timeout=600)
    check(p.returncode == 0, f"{eid}: play exited {p.returncode}: {p.stderr.strip()}")
    return [json.loads(x) for x in open(trace, encoding="utf-8") if x.strip()]


def index(ev, **want):
    for i, e in enumerate(ev):
        if all(e.get(k) == v for k, v in want.items()):
            return i
    return None


SECTIONS = {"Distress tolerance": ["tipp-cold-water", "stop-skill", "self-soothe-senses"],
            "Mindfulness": ["body-scan", "calm-place", "leaves-on-a-stream", "urge-surfing"]}


def run_script(tmp, name, lines, args):
    script, trace = os.path.join(tmp, name + ".jsonl"), os.path.join(tmp, name + ".trace")
    with open(script, "w", encoding="utf-8") as f:
        f.write("\n".join(json.dumps(x) for x in lines) + "\n")
    env = dict(os.environ, XDG_DATA_HOME=os.path.join(tmp, name, "data"),
               XDG_CONFIG_HOME=os.path.join(tmp, name, "config"))
    p = subprocess.run([EXE, "play", "--no-draw", "--script", script, "--trace", trace] + args, env=env,
                       capture_output=True, text=True, timeout=600)
    check(p.returncode == 0, f"{name}: play exited {p.returncode}: {p.stderr.strip()}")
    ev = [json.loads(x) for x in open(trace, encoding="utf-8") if x.strip()]
    check(not [e for e in ev if e["event"] == "error"], f"{name}: {[e for e in ev if e['event'] == 'error']}")
    return ev


def sections_and_library(tmp):
    for lang in ("en", "es", "de", "ar"):
        got = {e["id"]: e["section"] for e in json.loads(subprocess.run(
            [EXE, "list", "--json", "--lang", lang], capture_output=True, text=True, check=True).stdout)}
        for en, ids in SECTIONS.items():
            names = {got.get(i) for i in ids}
            check(len(names) == 1 and "" not in names and (lang != "en" or names == {en}),
                  f"{lang}: {ids} are not all under one section {en!r}: {names}")
        for i in SKILLS:
            if not any(i in ids for ids in SECTIONS.values()):
                check(got.get(i) == "", f"{lang}: {i} has a section {got.get(i)!r}")
    # home: every skill's card is reached from the library (on whatever page) and starts;
    # Escape leaves it, and on the library opens and closes "Quit Groundwork?"
    lines, t = [], 1.0
    for i in SKILLS:
        lines += [{"at": t, "choose": "exercise:" + i}, {"at": t + 0.5, "choose": "cautions-start"},
                  {"at": t + 1.5, "key": "Escape"}, {"at": t + 2.0, "key": "Escape"}, {"at": t + 2.5, "key": "Escape"}]
        t += 4
    lines.append({"at": t, "end": True})
    for size in ("100", "200"):
        ev = run_script(tmp, "library" + size, lines, ["--mode", "home", "--text-size", size])
        started = [e["id"] for e in ev if e["event"] == "exercise_start"]
        check(started == SKILLS, f"home at {size}%: started {started}, not each skill once from the library")
    # present: a take-home plan with the skills, tailored by kind
    plan = os.path.join(tmp, "plan")
    lines = [{"at": 0.5, "choose": "exercise:body-scan"}, {"at": 0.5, "choose": "cautions-start"},
             {"at": 1.0, "press": "ctl-group:feet"}, {"at": 1.5, "press": "ctl-add-plan"},
             {"at": 2.0, "press": "back"}, {"at": 2.5, "choose": "exercise:paced-breathing-dbt"},
             {"at": 2.5, "choose": "cautions-start"}, {"at": 3.0, "press": "longer"},
             {"at": 3.5, "press": "ctl-add-plan"}, {"at": 4.0, "press": "back"},
             {"at": 4.5, "choose": "exercise:tipp-cold-water"}, {"at": 4.5, "choose": "cautions-start"},
             {"at": 5.0, "press": "ctl-add-plan"}, {"at": 5.5, "press": "back"},
             {"at": 6.0, "choose": "exercise:urge-surfing"}, {"at": 6.0, "choose": "cautions-start"},
             {"at": 6.5, "press": "ctl-save-plan"}, {"at": 7.0, "end": True}]
    ev = run_script(tmp, "present", lines, ["--mode", "present", "--plan-dir", plan])
    saved = [e for e in ev if e["event"] == "plan_saved"]
    check(len(saved) == 1 and saved[0]["ok"] and saved[0]["exercises"] == 4, f"present: the plan was not saved: {saved}")
    check(any(e["event"] == "plan_group" and e["region"] == "feet" and not e["included"] for e in ev),
          "present: the body scan's feet were not left out of the plan")
    v = subprocess.run([EXE, "validate", plan], capture_output=True, text=True)
    check(v.returncode == 0 and v.stdout.startswith("OK: 1 pack, 4 exercises"), f"the saved plan: {v.stdout}{v.stderr}")


def main():
    listed = {e["id"]: e for e in json.loads(subprocess.run([EXE, "list", "--json"], capture_output=True,
                                                            text=True, check=True).stdout)}
    ids = ONLY or SKILLS
    with tempfile.TemporaryDirectory() as tmp:
        if not ONLY:
            sections_and_library(tmp)
        for eid in ids:
            require(eid in listed, f"{eid} is not in the built-in pack")
            doc, length = exercise_doc(eid), float(listed[eid]["length"])
            ev = play(tmp, eid, script_for(doc, length))
            c, s = index(ev, event="cautions", exercise=eid), index(ev, event="exercise_start", id=eid)
            end = index(ev, event="exercise_end", id=eid)
            motion = [i for i, e in enumerate(ev) if e["event"] in ("phase", "step") and e.get("exercise") == eid]
            check(c is not None and c < (s if s is not None else -1), f"{eid}: no cautions before it started")
            check(not motion or (c is not None and c < motion[0]), f"{eid}: a step or breath before its cautions")
            check(end is not None and ev[end].get("completed") is True, f"{eid}: did not complete: {ev[end] if end else None}")
            if end is not None and s is not None and doc["kind"] != "prompts":
                ran = ev[end]["t"] - ev[s]["t"]
                check(abs(ran - length) < 0.1, f"{eid}: ran {ran:.2f} s, list and card say {length} s")
            steps = len(doc.get("prompts", doc.get("guided", {})).get("steps", [])) or 1
            mid = round(length / 2, 1) if length > 0 else 0.5
            for lang in ("en", "es", "de", "ar"):
                for size in ("100", "200"):
                    for what, args in (("cautions", ["--cautions", "--at", "6"]), ("start", ["--at", "4"]),
                                       ("middle", ["--at", str(mid)])):
                        if what == "start" and size == "100" and lang != "en":
                            continue  # the first step at 100%: English is enough; the others at 200%
                        out = os.path.join(tmp, f"{eid}-{lang}-{size}-{what}.png")
                        r = subprocess.run([EXE, "render", "--exercise", eid, "--lang", lang, "--text-size", size,
                                            "--size", "1280x720", "--out", out] + args,
                                           capture_output=True, text=True, timeout=120)
                        check(r.returncode == 0, f"{eid} {lang} {size}% {what}: render failed: {r.stderr.strip()}")
                        if r.returncode:
                            continue
                        w, h, px = pngread.read(out)
                        seen = {px(x, y)[:3] for x in range(0, w, 37) for y in range(0, h, 29)}
                        check((w, h) == (1280, 720) and len(seen) > 3, f"{eid} {lang} {size}% {what}: blank frame")
            print(f"ok: {eid} ({doc['kind']}, {steps} steps, {length:g} s)", flush=True)
    if FAILS:
        sys.exit("%d failures" % len(FAILS))


main()
