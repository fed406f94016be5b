#!/usr/bin/env python3
"""Every exercise of the built-in pack is traceable and deliberate (docs/content.md):

- a `source` citation of its own that names the first author (or body) of one of the
  pack's full citations in pack.json `sources`;
- at least one caution: every built-in exercise shows what to take care of first;
- an explicit `unattended` true or false (the pack says it for every exercise, never
  leaving the kiosk's choice to the format's default);
- a row in docs/content.md's "Every exercise at a glance" whose unattended column agrees
  with the pack ("yes" / "**no**"), and a section of its own ("### id — ...") there.

Usage: check_content_sources.py PACK-DIR DOCS/content.md"""
import json
import os
import re
import sys

pack_dir, doc = sys.argv[1], sys.argv[2]
pack = json.load(open(os.path.join(pack_dir, "pack.json"), encoding="utf-8"))
text = open(doc, encoding="utf-8").read()
# the first author or body of each full citation: "Linehan", "Najavits", "MedlinePlus", "NHS"
authors = {re.split(r"[,.\s]", s.strip(), 1)[0] for s in pack["sources"]}
problems, n = [], 0
for entry in pack["exercises"]:
    e = entry if isinstance(entry, dict) else json.load(open(os.path.join(pack_dir, entry), encoding="utf-8"))
    eid, n = e["id"], n + 1
    src = e.get("source", "")
    if not any(re.search(r"\b%s\b" % re.escape(a), src) for a in authors):
        problems.append(f"{eid}: its source names none of the pack's cited authors: {src[:80]!r}")
    if not e.get("cautions"):
        problems.append(f"{eid}: no cautions")
    if not isinstance(e.get("unattended"), bool):
        problems.append(f"{eid}: unattended is not given as true or false")
    row = re.search(r"^\| `%s` \|(.*)\|\s*$" % re.escape(eid), text, re.M)
    if not row:
        problems.append(f"{eid}: no row in docs/content.md's table of every exercise")
    else:
        last = row.group(1).split("|")[-1].strip()
        says = True if last.startswith("yes") else False if last.startswith("**no**") else None
        if says is not e.get("unattended"):
            problems.append(f"{eid}: docs/content.md says unattended {last[:20]!r}, the pack {e.get('unattended')}")
    if not re.search(r"^### %s — " % re.escape(eid), text, re.M):
        problems.append(f"{eid}: no section \"### {eid} — ...\" in docs/content.md")
for p in problems:
    print("FAIL:", p)
print(f"{n} exercises, {len(problems)} problem(s)")
sys.exit(1 if problems else 0)
