#!/usr/bin/env python3
"""Runs one `play` script and checks its trace.

The script file declares what it expects in comment lines, which `play` skips:
  # args: --mode kiosk --exercise box-breathing     extra command-line arguments
                                                   ($VARIABLES from the environment expand)
  # expect: {"event": "scene", "name": "pacer"}      these trace events, in this order
  # expect-not: {"event": "exit", "reason": "quit"}  no trace event matches this
  # exit: 0                                          the exit status (default 0)
  # png: shot.png 0.5 0.5 #8fc9a8 40                  pixel at (x, y) of a screenshot within a distance
An expected object matches an event when every key it names has that value.
"""
import json
import os
import shlex
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(__file__))
import pngread  # noqa: E402


def matches(want, ev):
    return all(k in ev and ev[k] == v for k, v in want.items())


def main():
    exe, script = sys.argv[1], sys.argv[2]
    args, expects, nots, exit_want, pngs = [], [], [], 0, []
    with open(script, encoding="utf-8") as f:
        for line in f:
            s = line.strip()
            if s.startswith("# args:"):
                args += shlex.split(os.path.expandvars(s[7:]))
            elif s.startswith("# expect:"):
                expects.append(json.loads(s[9:]))
            elif s.startswith("# expect-not:"):
                nots.append(json.loads(s[13:]))
            elif s.startswith("# exit:"):
                exit_want = int(s[7:])
            elif s.startswith("# png:"):
                pngs.append(s[6:].split())
    with tempfile.TemporaryDirectory() as tmp:
        trace = os.path.join(tmp, "trace.jsonl")
        cmd = [exe, "play", "--script", os.path.abspath(script), "--trace", trace] + args
        p = subprocess.run(cmd, cwd=tmp, capture_output=True, text=True, timeout=600)
        if p.returncode != exit_want:
            print("exit status", p.returncode, "wanted", exit_want, "\n", p.stderr)
            return 1
        events = [json.loads(l) for l in open(trace, encoding="utf-8") if l.strip()]
        i = 0
        for ev in events:
            if i < len(expects) and matches(expects[i], ev):
                i += 1
        if i < len(expects):
            print("missing (in order):", json.dumps(expects[i]))
            print("trace was:\n" + "\n".join(json.dumps(e) for e in events[-40:]))
            return 1
        for n in nots:
            for ev in events:
                if matches(n, ev):
                    print("unexpected:", json.dumps(ev))
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
