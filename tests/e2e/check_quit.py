#!/usr/bin/env python3
"""Quitting, end to end, each run in fresh XDG folders.

- home: Escape on the library asks "Quit Groundwork?" (scene `quit`); Stay (or Escape)
  goes back, Quit ends the program; the library's Quit button ends it at once;
- Ctrl+Q in the middle of a grounding exercise with a note still being typed: the note
  is kept and the session logged as left, both read back from `groundwork log export`;
- the window's close request (`quit` in a script) likewise ends the session in the log;
- present mode has the Quit button too; the kiosk blocks Escape and Ctrl+Q and never
  shows the question.
"""
import json
import os
import subprocess
import sys
import tempfile

EXE = sys.argv[1]
FAILS = []


def check(ok, what):
    if not ok:
        FAILS.append(what)
        print("FAIL:", what)


def play(home, script, args=()):
    env = dict(os.environ, XDG_DATA_HOME=os.path.join(home, "data"), XDG_CONFIG_HOME=os.path.join(home, "config"),
               XDG_STATE_HOME=os.path.join(home, "state"))
    os.makedirs(home, exist_ok=True)
    path, trace = os.path.join(home, "s.jsonl"), os.path.join(home, "t.jsonl")
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(json.dumps(l) for l in script) + "\n")
    p = subprocess.run([EXE, "play", "--no-draw", "--script", path, "--trace", trace] + list(args), env=env,
                       capture_output=True, text=True, timeout=300)
    ev = [json.loads(l) for l in open(trace, encoding="utf-8")]
    return p, ev, env


def names(ev, event):
    return [e for e in ev if e["event"] == event]


def exit_reason(ev):
    x = names(ev, "exit")
    return x[-1]["reason"] if x else None


def main():
    with tempfile.TemporaryDirectory() as tmp:
        # Escape asks; Stay returns; Escape again, Enter quits
        home = os.path.join(tmp, "ask")
        p, ev, _ = play(home, [{"at": 0.5, "key": "Escape"}, {"at": 1, "press": "quit-no"},
                               {"at": 1.5, "key": "Escape"}, {"at": 2, "key": "Escape"},
                               {"at": 2.5, "key": "Escape"}, {"at": 3, "key": "Return"},
                               {"at": 9, "end": True}])
        scenes = [e["name"] for e in names(ev, "scene")]
        check(scenes == ["library", "quit", "library", "quit", "library", "quit"],
              "Escape asks, Stay and Escape go back: scenes %s" % scenes)
        check(exit_reason(ev) == "quit" and names(ev, "quit")[0]["how"] == "asked" and ev[-1]["t"] == 3.0,
              "Enter on the question quits: %s" % ev[-3:])

        # the Quit button quits at once
        home = os.path.join(tmp, "button")
        p, ev, _ = play(home, [{"at": 0.5, "press": "quit"}, {"at": 9, "end": True}])
        check(exit_reason(ev) == "quit" and ev[-1]["t"] == 0.5, "the Quit button quits: %s" % ev[-3:])

        # Ctrl+Q with a note being typed: the note and the session are kept
        home = os.path.join(tmp, "note")
        p, ev, env = play(home, [{"at": 1.0, "press": "note"}, {"at": 1.2, "text": "the blue kettle"},
                                 {"at": 1.5, "key": "Q", "mod": ["ctrl"]}, {"at": 9, "end": True}],
                          ["--exercise", "grounding-54321"])
        check(exit_reason(ev) == "quit" and names(ev, "note") and
              names(ev, "exercise_end") and names(ev, "exercise_end")[0]["completed"] is False,
              "Ctrl+Q keeps the note and ends the session as left: %s" % ev[-5:])
        out = subprocess.run([EXE, "log", "export", "--json"], env=env, capture_output=True, text=True)
        rows = json.loads(out.stdout) if out.returncode == 0 else []
        check(len(rows) == 1 and "the blue kettle" in (rows[0].get("notes") or "") and rows[0].get("end")
              and rows[0].get("completed") is False,
              "the export has the note and the session's end: %s %s" % (rows, out.stderr))

        # the window's close request mid-exercise: the session ends in the log
        home = os.path.join(tmp, "close")
        p, ev, env = play(home, [{"at": 3, "quit": True}, {"at": 9, "end": True}], ["--exercise", "box-breathing"])
        out = subprocess.run([EXE, "log", "export", "--json"], env=env, capture_output=True, text=True)
        rows = json.loads(out.stdout) if out.returncode == 0 else []
        check(exit_reason(ev) == "quit" and len(rows) == 1 and rows[0].get("end"),
              "closing the window ends the session in the log: %s" % rows)

        # present: the Quit button
        home = os.path.join(tmp, "present")
        p, ev, _ = play(home, [{"at": 0.5, "press": "quit"}, {"at": 9, "end": True}], ["--mode", "present"])
        check(exit_reason(ev) == "quit", "present mode's Quit button quits: %s" % ev[-3:])

        # kiosk: no way out for a visitor
        home = os.path.join(tmp, "kiosk")
        p, ev, _ = play(home, [{"at": 0.5, "key": "Escape"}, {"at": 1, "key": "Q", "mod": ["ctrl"]},
                               {"at": 1.5, "press": "quit"}, {"at": 3, "end": True}],
                        ["--mode", "kiosk", "--config", os.path.join(tmp, "none.json")])
        check(exit_reason(ev) == "end" and not [e for e in names(ev, "scene") if e["name"] == "quit"] and
              len(names(ev, "blocked")) >= 2, "the kiosk blocks quitting: %s" % [e for e in ev if e["event"] in (
                  "blocked", "scene", "exit", "error")])
    if FAILS:
        sys.exit("%d failures" % len(FAILS))
    print("ok")


main()
