#!/usr/bin/env python3
"""A stand-in for groundwork that does nothing useful, for the checkers' self-test.

GW_FAKE_MODE=empty: exits 0, writes an empty trace and a blank (black) PNG wherever it is
asked for one (--trace, --out, a script's "screenshot"), prints nothing.
GW_FAKE_MODE=wrong: exits 0, writes a trace that starts and ends but has nothing between,
white PNGs, and `[]` or `{}` for anything asked as JSON."""
import json
import os
import struct
import sys
import zlib

mode = os.environ.get("GW_FAKE_MODE", "empty")
args = sys.argv[1:]


def value(flag):
    if flag in args and args.index(flag) + 1 < len(args):
        return args[args.index(flag) + 1]
    return None


def png(path):
    try:
        w, h = (int(x) for x in (value("--size") or "1280x720").lower().split("x"))
    except ValueError:
        w, h = 1280, 720
    grey = 255 if mode == "wrong" else 0
    row = b"\0" + bytes([grey]) * (3 * w)
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0))
                + chunk(b"IDAT", zlib.compress(row * h)) + chunk(b"IEND", b""))


trace = value("--trace")
if trace:
    with open(trace, "w", encoding="utf-8") as f:
        if mode == "wrong":
            f.write('{"t": 0.0, "event": "start", "mode": "home", "w": 1280, "h": 720}\n')
            f.write('{"t": 0.0, "event": "exit", "reason": "end"}\n')
for flag in ("--out", "--screenshot"):
    if value(flag):
        png(value(flag))
script = value("--script")
if script and os.path.exists(script):
    for line in open(script, encoding="utf-8"):
        try:
            step = json.loads(line)
        except ValueError:
            continue
        if isinstance(step, dict) and isinstance(step.get("screenshot"), str):
            png(step["screenshot"])
if mode == "wrong":
    print("{}" if "list" in args or "validate" in args else "[]")
sys.exit(0)
