#!/usr/bin/env python3
"""Runs one `play` script and checks its trace.

The script file declares what it expects in comment lines, which `play` skips:
  # args: --mode kiosk --exercise box-breathing     extra command-line arguments
                                                   ($VARIABLES from the environment expand)
  # expect: {"event": "scene", "name": "pacer"}      these trace events, in this order
  # expect-not: {"event": "exit", "reason": "quit"}  no trace event matches this
  # exit: 0                                          the exit status (default 0)
  # png: shot.png 0.5 0.5 #8fc9a8 40                  pixel at (x, y) of a screenshot within a distance

An expected object matches an event when every key it names has that value, compared by
JSON type (true is not 1; 2 and 2.0 are the same number; objects and lists compare whole).
Two kinds of key compare otherwise:
  "message~": "no widget"   the event's string field `message` contains this text
  "t": [4, 6.5]             the event's time lies in this window (ends included)
An `expect-not` that names a time gives a window, never one moment: an exact time stops
matching when the event moves by a frame, and the line would pass whatever happens.

Directives are written exactly as above (`# ` then the name and a colon). A comment line
that looks like a directive but is not one (`#expect:`, `# expects:`, `# Expect:`, a
comment holding a JSON event) is an error, as is a line the runner cannot read.

Every `error` event in the trace must be matched by an `expect` line, and an expected
error names its cause by a field besides "event" (usually "message~"): a script fails on
an error it did not expect, such as a scripted press that missed its widget.

Exit status: 0 when the run matches, 1 when it does not, 2 when the script's own
directives are wrong.
"""
import json
import os
import re
import shlex
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(__file__))
import pngread  # noqa: E402

DIRECTIVES = ("args", "expect", "expect-not", "exit", "png")


class ScriptError(Exception):
    """The script's directives are wrong (not the program under test)."""


def same(want, got):
    """Equality by JSON type: a boolean is not a number, a number is not a string."""
    if isinstance(want, bool) or isinstance(got, bool):
        return isinstance(want, bool) and isinstance(got, bool) and want == got
    if isinstance(want, (int, float)) or isinstance(got, (int, float)):
        return (isinstance(want, (int, float)) and isinstance(got, (int, float))
                and want == got)
    if isinstance(want, dict):
        return (isinstance(got, dict) and want.keys() == got.keys()
                and all(same(want[k], got[k]) for k in want))
    if isinstance(want, list):
        return (isinstance(got, list) and len(want) == len(got)
                and all(same(a, b) for a, b in zip(want, got)))
    return type(want) is type(got) and want == got


def is_number(v):
    return isinstance(v, (int, float)) and not isinstance(v, bool)


def key_matches(key, want, ev):
    if key.endswith("~"):
        got = ev.get(key[:-1])
        return isinstance(got, str) and want in got
    if key not in ev:
        return False
    if key == "t" and isinstance(want, list):
        return is_number(ev["t"]) and want[0] <= ev["t"] <= want[1]
    return same(want, ev[key])


def matches(want, ev):
    return all(key_matches(k, v, ev) for k, v in want.items())


def check_expectation(obj, kind, where):
    if not isinstance(obj, dict) or not obj:
        raise ScriptError(f"{where}: {kind} takes a JSON object with at least one key")
    for k, v in obj.items():
        if k.endswith("~") and not isinstance(v, str):
            raise ScriptError(f"{where}: \"{k}\" takes a string to look for")
    t = obj.get("t")
    if isinstance(t, list):
        if len(t) != 2 or not all(is_number(x) for x in t) or t[0] > t[1]:
            raise ScriptError(f"{where}: \"t\" as a window is [from, to] in seconds, from <= to")
    elif kind == "expect-not" and "t" in obj:
        raise ScriptError(f"{where}: expect-not takes a time window (\"t\": [from, to]), "
                          "not one moment, which an event one frame away would pass")
    if obj.get("event") == "error" and not any(k not in ("event", "t") for k in obj):
        if kind == "expect":
            raise ScriptError(f"{where}: an expected error names its cause "
                              "(for example \"message~\": \"no widget\")")


def looks_like_directive(s):
    """A comment line meant as a directive but not written as one."""
    if '{"event"' in s.replace(" ", ""):
        return True
    m = re.match(r"#\s*([A-Za-z][\w-]*)\s*:", s)
    if not m:
        return False
    word = m.group(1).lower().replace("_", "-")
    if word in DIRECTIVES:
        return True  # right name, wrong spacing or case
    flat = word.replace("-", "")
    return flat.startswith("expect") or flat in ("arg", "exits", "exitstatus", "pngs")


def parse(script):
    args, expects, nots, exit_want, pngs = [], [], [], 0, []
    with open(script, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            s = line.strip()
            if not s.startswith("#"):
                continue
            where = f"{script}:{n}"
            name = next((d for d in DIRECTIVES if s.startswith(f"# {d}:")), None)
            if name is None:
                if looks_like_directive(s):
                    raise ScriptError(f"{where}: unknown or misspelt directive: {s} "
                                      f"(known: {', '.join('# ' + d + ':' for d in DIRECTIVES)})")
                continue
            rest = s[len(name) + 3:]
            try:
                if name == "args":
                    args += shlex.split(os.path.expandvars(rest))
                elif name in ("expect", "expect-not"):
                    obj = json.loads(rest)
                    check_expectation(obj, name, where)
                    (expects if name == "expect" else nots).append(obj)
                elif name == "exit":
                    exit_want = int(rest)
                elif name == "png":
                    p = rest.split()
                    if len(p) != 5 or not re.fullmatch(r"#[0-9a-fA-F]{6}", p[3]):
                        raise ValueError("png takes FILE X Y #RRGGBB DISTANCE")
                    float(p[1]), float(p[2]), int(p[4])
                    pngs.append(p)
            except ValueError as e:
                raise ScriptError(f"{where}: cannot read # {name}: {e}") from e
    return args, expects, nots, exit_want, pngs


def main():
    exe, script = sys.argv[1], sys.argv[2]
    try:
        args, expects, nots, exit_want, pngs = parse(script)
    except ScriptError as e:
        print("script error:", e)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        trace = os.path.join(tmp, "trace.jsonl")
        cmd = [exe, "play", "--script", os.path.abspath(script), "--trace", trace] + args
        p = subprocess.run(cmd, cwd=tmp, capture_output=True, text=True, timeout=600)
        if p.returncode != exit_want:
            print("exit status", p.returncode, "wanted", exit_want, "\n", p.stderr)
            return 1
        if not os.path.exists(trace):
            print("no trace was written\n", p.stderr)
            return 1
        events = [json.loads(l) for l in open(trace, encoding="utf-8") if l.strip()]
        i, used = 0, set()
        for j, ev in enumerate(events):
            if i < len(expects) and matches(expects[i], ev):
                used.add(j)
                i += 1
        if i < len(expects):
            print("missing (in order):", json.dumps(expects[i]))
            print("trace was:\n" + "\n".join(json.dumps(e) for e in events[-40:]))
            return 1
        for j, ev in enumerate(events):
            if ev.get("event") == "error" and j not in used:
                print("unexpected error (no `# expect:` line names it):", json.dumps(ev))
                return 1
        for n in nots:
            for ev in events:
                if matches(n, ev):
                    print("unexpected:", json.dumps(ev), "matches expect-not", json.dumps(n))
                    return 1
        for name, x, y, colour, tol in pngs:
            w, h, px = pngread.read(os.path.join(tmp, name))
            got = px(int(float(x) * (w - 1)), int(float(y) * (h - 1)))
            want = tuple(int(colour[i:i + 2], 16) for i in (1, 3, 5))
            d = max(abs(a - b) for a, b in zip(got, want))
            if d > int(tol):
                print(f"{name} at ({x}, {y}) is {got}, wanted {want} within {tol}")
                return 1
    print(f"ok: {len(events)} events, {len(expects)} expectations")
    return 0


if __name__ == "__main__":
    sys.exit(main())
