#!/usr/bin/env python3
"""The kiosk's admin keypad typed on with a keyboard, as a person expects: the digits of
the top row and of the numeric keypad, Backspace to delete the last one, Enter (or the
keypad's Enter) to check the PIN, also after Tab has put the focus on a key; a digit's
key press and its typed text count once, and typed digits alone (a layout whose digit
keys are named otherwise) count; the keys typed are never traced.

Usage: check_admin_keys.py GROUNDWORK"""
import json
import os
import subprocess
import sys
import tempfile

EXE = sys.argv[1]
failures = []


def check(cond, what):
    if not cond:
        failures.append(what)
        print("FAIL:", what)


def play(tmp, lines, name):
    sp = os.path.join(tmp, name + ".jsonl")
    tr = os.path.join(tmp, name + ".trace")
    with open(sp, "w") as f:
        for l in lines:
            f.write(json.dumps(l) + "\n")
    p = subprocess.run([EXE, "play", "--mode", "kiosk", "--no-draw", "--script", sp, "--trace", tr,
                        "--config", os.path.join(tmp, "kiosk.json")], cwd=tmp, capture_output=True, text=True,
                       timeout=300)
    check(p.returncode == 0, "%s: play exits 0 (%d): %s" % (name, p.returncode, p.stderr[-500:]))
    text = open(tr).read() if os.path.exists(tr) else ""
    return [json.loads(l) for l in text.splitlines() if l.strip()], text


def keys(at, names):
    return [{"at": at + i * 0.25, "key": k} for i, k in enumerate(names)]


def opened(at):
    return [{"at": at, "key": "K", "mod": ["ctrl", "alt", "shift"]}]


def pins(ev):
    return [(e.get("ok"), e.get("why")) for e in ev if e.get("event") == "pin"]


with tempfile.TemporaryDirectory() as tmp:
    os.environ.update(XDG_STATE_HOME=os.path.join(tmp, "state"), XDG_DATA_HOME=os.path.join(tmp, "data"),
                      XDG_CONFIG_HOME=os.path.join(tmp, "config"))
    with open(os.path.join(tmp, "kiosk.json"), "w") as f:
        json.dump({"idle_timeout": 300}, f)
    p = subprocess.run([EXE, "kiosk", "set-pin", "--config", os.path.join(tmp, "kiosk.json")], input="2468\n",
                       capture_output=True, text=True)
    check(p.returncode == 0, "set-pin: " + p.stderr)

    # the top row, a wrong digit deleted with Backspace, then Enter
    ev, text = play(tmp, opened(1) + keys(2, ["2", "4", "9", "Backspace", "6", "8", "Return"]) +
                    [{"at": 10, "end": True}], "top-row")
    check(pins(ev) == [(True, None)], "top row + Backspace + Enter: the PIN is accepted: %s" % pins(ev))
    check(any(e.get("event") == "exit" and e.get("reason") == "admin" for e in ev), "top row: exit admin")
    check("2468" not in text and "pin:" not in text, "the keys typed are not traced")

    # the numeric keypad and its Enter
    ev, _ = play(tmp, opened(1) + keys(2, ["Keypad 2", "Keypad 4", "Keypad 6", "Keypad 8", "Keypad Enter"]) +
                 [{"at": 10, "end": True}], "keypad")
    check(pins(ev) == [(True, None)], "the numeric keypad: the PIN is accepted: %s" % pins(ev))

    # a wrong PIN typed is refused, then the right one after it
    ev, _ = play(tmp, opened(1) + keys(2, ["1", "1", "1", "1", "Return"]) +
                 keys(4, ["2", "4", "6", "8", "Return"]) + [{"at": 10, "end": True}], "wrong")
    check(pins(ev) == [(False, "wrong"), (True, None)], "a wrong PIN typed, then the right one: %s" % pins(ev))

    # Backspace on nothing typed does nothing; Tab puts the focus on a key, and typing
    # after it still checks what was typed with Enter (not the focused key)
    ev, _ = play(tmp, opened(1) + keys(2, ["Backspace", "Tab", "Tab", "2", "4", "6", "8", "Return"]) +
                 [{"at": 10, "end": True}], "focus")
    check(pins(ev) == [(True, None)], "Tab, then the PIN typed and Enter: accepted: %s" % pins(ev))

    # as a live window gives them: each digit key followed by the same press's typed text,
    # taken once
    live = []
    for i, d in enumerate("2468"):
        live += [{"at": 2 + i * 0.25, "key": d}, {"at": 2 + i * 0.25 + 0.05, "text": d}]
    ev, _ = play(tmp, opened(1) + live + [{"at": 4, "key": "Return"}, {"at": 10, "end": True}], "live")
    check(pins(ev) == [(True, None)], "digit keys with their typed text: the PIN typed once: %s" % pins(ev))

    # a layout whose digit keys have other names (French AZERTY: Shift with "é" types 2):
    # the typed digits are taken
    azerty = []
    for i, (k, d) in enumerate([("é", "2"), ("'", "4"), ("-", "6"), ("_", "8")]):
        azerty += [{"at": 2 + i * 0.25, "key": k, "mod": ["shift"]}, {"at": 2 + i * 0.25 + 0.05, "text": d}]
    ev, _ = play(tmp, opened(1) + azerty + [{"at": 4, "key": "Return"}, {"at": 10, "end": True}], "azerty")
    check(pins(ev) == [(True, None)], "digits typed through another layout: the PIN is accepted: %s" % pins(ev))

    # the keypad on screen works as before: focus + Enter presses a key
    ev, _ = play(tmp, opened(1) + [{"at": 2, "press": "pin:2"}, {"at": 2.2, "press": "pin:4"},
                                   {"at": 2.4, "press": "pin:6"}, {"at": 2.6, "press": "pin:8"},
                                   {"at": 2.8, "press": "pin-ok"}, {"at": 10, "end": True}], "presses")
    check(pins(ev) == [(True, None)], "presses on the keypad: accepted: %s" % pins(ev))

if failures:
    print("%d failed" % len(failures))
    sys.exit(1)
print("ok")
