#!/usr/bin/env python3
"""Usage: check_sizes.py SOURCE_DIR [MAX] [--app-fields]. Every file under src/ stays
readable: at most MAX lines (800). With --app-fields, the app's shared state must be small
too: struct app (src/app/app.h) under 30 fields, what every scene truly shares (each scene
and mode keeps its own state in its own file); without it the count is only printed.
Prints what is over, and fails if anything is."""
import os
import re
import sys

MAX_APP_FIELDS = 29


def app_fields(path):
    """The names struct app declares at its top level (a nested struct counts once)."""
    text = re.sub(r"/\*.*?\*/", "", open(path).read(), flags=re.S)
    m = re.search(r"^struct app \{", text, flags=re.M)
    if not m:
        return []
    body, depth, i = [], 1, m.end()
    while depth:
        c = text[i]
        depth += c == "{"
        depth -= c == "}"
        body.append(c if depth == 1 and c != "}" else ("{}" if c == "}" and depth == 1 else (" " if depth > 1 else c)))
        i += 1
    names = []
    for decl in "".join(body).split(";"):
        decl = re.sub(r"\[[^\]]*\]", "", decl).strip()
        if not decl:
            continue
        for part in decl.split(","):
            w = re.findall(r"[A-Za-z_]\w*", part)
            if w:
                names.append(w[-1])
    return names

args = [a for a in sys.argv[1:] if not a.startswith("--")]
root, limit = args[0], int(args[1]) if len(args) > 1 else 800
strict_fields = "--app-fields" in sys.argv
over = []
for d, _, files in os.walk(os.path.join(root, "src")):
    for f in files:
        if f.endswith((".c", ".h")):
            p = os.path.join(d, f)
            n = sum(1 for _ in open(p, encoding="utf-8", errors="replace"))
            if n > limit:
                over.append((n, os.path.relpath(p, root)))
for n, p in sorted(over, reverse=True):
    print(f"{p}: {n} lines (at most {limit})")
fields = app_fields(os.path.join(root, "src", "app", "app.h"))
if len(fields) > MAX_APP_FIELDS and strict_fields:
    print(f"struct app: {len(fields)} fields (at most {MAX_APP_FIELDS}): {', '.join(fields)}")
    over.append(fields)
print(f"struct app: {len(fields)} fields")
print(f"check_sizes: {'FAILED' if over else 'ok'}")
sys.exit(1 if over else 0)
