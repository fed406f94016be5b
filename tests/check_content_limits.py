#!/usr/bin/env python3
"""Checks a content pack against the pack format v1.0 limits (docs/pack-format.md) and
the content rules in docs/content.md. Usage: check_content_limits.py [PACK_DIR ...]
(default: content/core next to this script's parent). Exits 1 on any error.

This is a content author's check, not the loader: the C loader is the contract. It
counts characters as Unicode code points and also warns when a text's UTF-8 byte
length exceeds the limit, in case a reader counts bytes."""
import json
import os
import re
import sys

ID_RE = re.compile(r"^[a-z0-9][a-z0-9-]{0,63}$")
LANG_RE = re.compile(r"^[a-z]{2}$")
PHASES = {"inhale", "hold_in", "hold", "exhale", "hold_out", "topup"}
STEP_KINDS = {"instruction", "tense", "release", "rest"}
KINDS = {"breathing": "breathing", "guided": "guided", "prompts": "prompts", "resonance": "resonance"}
CATEGORIES = {"breathing", "relaxation", "grounding"}
PLACEHOLDER_RE = re.compile(r"\{([a-z_]*)\}")
PLACEHOLDERS = {"name", "date"}


def ui_languages():
    """English and the languages of po/LINGUAS (beside this script's parent)."""
    here = os.path.dirname(os.path.abspath(__file__))
    out = ["en"]
    try:
        with open(os.path.join(here, "..", "po", "LINGUAS"), encoding="utf-8") as f:
            for line in f:
                if not line.startswith("#"):
                    out += [w for w in line.split() if w not in out]
    except OSError:
        pass
    return out


class Checker:
    def __init__(self):
        self.errors = 0
        self.warnings = 0

    def err(self, where, msg):
        self.errors += 1
        print(f"error: {where}: {msg}")

    def warn(self, where, msg):
        self.warnings += 1
        print(f"warning: {where}: {msg}")

    def text(self, where, t, langs, limit=None, required=True):
        if t is None:
            if required:
                self.err(where, "missing text")
            return
        if isinstance(t, str):
            items = [("*", t)]
        elif isinstance(t, dict):
            for k in t:
                if k not in langs:
                    self.err(where, f"language {k!r} is not one of the pack's languages")
            for lang in langs:
                if lang not in t:
                    self.warn(where, f"no {lang!r} text (falls back)")
            items = list(t.items())
        else:
            self.err(where, "TEXT must be a string or an object of languages")
            return
        for lang, s in items:
            if not isinstance(s, str):
                self.err(f"{where}.{lang}", "text must be a string")
                continue
            if required and not s.strip():
                self.err(f"{where}.{lang}", "empty text")
            if s != s.strip():
                self.warn(f"{where}.{lang}", "leading or trailing white space")
            for name in PLACEHOLDER_RE.findall(s):
                if name not in PLACEHOLDERS:
                    self.err(f"{where}.{lang}", f"unknown placeholder {{{name}}}")
            if limit is not None:
                n = len(s)
                if n > limit:
                    self.err(f"{where}.{lang}", f"{n} characters, limit {limit}: {s!r}")
                elif len(s.encode("utf-8")) > limit:
                    self.warn(f"{where}.{lang}", f"{len(s.encode('utf-8'))} UTF-8 bytes (> {limit}) though {n} characters")
        # the same placeholders in every language
        if isinstance(t, dict) and len(t) > 1:
            sets = {k: sorted(PLACEHOLDER_RE.findall(v)) for k, v in t.items() if isinstance(v, str)}
            if len({tuple(v) for v in sets.values()}) > 1:
                self.err(where, f"placeholders differ between languages: {sets}")

    def number(self, where, v, lo, hi, step=None, integer=False):
        if isinstance(v, bool) or not isinstance(v, (int, float)):
            self.err(where, "must be a number")
            return False
        if integer and int(v) != v:
            self.err(where, "must be a whole number")
        if not (lo <= v <= hi):
            self.err(where, f"{v} out of range {lo}..{hi}")
        if step is not None and abs(round(v / step) * step - v) > 1e-9:
            self.err(where, f"{v} is not a multiple of {step}")
        return True

    def shape(self, where, s):
        if not isinstance(s, dict) or len(s) != 1:
            self.err(where, "a shape is {\"ellipse\": [...]} or {\"capsule\": [...]}")
            return
        (k, v), = s.items()
        n = {"ellipse": 4, "capsule": 5}.get(k)
        if n is None or not isinstance(v, list) or len(v) != n:
            self.err(where, f"bad shape {s}")
            return
        for i, x in enumerate(v):
            self.number(f"{where}.{k}[{i}]", x, 0.0, 1.0)
        if k == "ellipse":
            cx, cy, rx, ry = v
            if not (0 <= cx - rx and cx + rx <= 1 and 0 <= cy - ry and cy + ry <= 1):
                self.err(where, "ellipse leaves the 0..1 box")
        else:
            x0, y0, x1, y1, r = v
            if min(x0, x1) - r < 0 or max(x0, x1) + r > 1 or min(y0, y1) - r < 0 or max(y0, y1) + r > 1:
                self.err(where, "capsule leaves the 0..1 box")

    def exercise(self, where, e, langs, region_ids, seen_ids):
        if not isinstance(e, dict):
            self.err(where, "an exercise must be an object")
            return
        eid = e.get("id")
        if not isinstance(eid, str) or not ID_RE.match(eid):
            self.err(f"{where}.id", f"bad id {eid!r}")
        elif eid in seen_ids:
            self.err(f"{where}.id", f"duplicate id {eid!r}")
        else:
            seen_ids.add(eid)
        kind = e.get("kind")
        if kind not in KINDS:
            self.err(f"{where}.kind", f"bad kind {kind!r}")
        if e.get("category") not in CATEGORIES:
            self.err(f"{where}.category", f"bad category {e.get('category')!r}")
        self.text(f"{where}.title", e.get("title"), langs, 40)
        self.text(f"{where}.summary", e.get("summary"), langs, 100)
        if "section" in e:
            self.text(f"{where}.section", e.get("section"), langs, 40)
        cautions = e.get("cautions")
        if not isinstance(cautions, list):
            self.err(f"{where}.cautions", "required list")
        else:
            for i, c in enumerate(cautions):
                self.text(f"{where}.cautions[{i}]", c, langs, 300)
        src = e.get("source")
        if not isinstance(src, str) or not src.strip():
            self.err(f"{where}.source", "required, non-empty")
        for k in ("breathing", "guided", "prompts", "resonance"):
            if (k in e) != (kind == k):
                self.err(f"{where}.{k}", f"present iff kind == {k}")
        # the built-in content decides for every exercise whether it suits a kiosk
        if not isinstance(e.get("unattended"), bool):
            self.err(f"{where}.unattended", "required here: true or false (suits unattended, standing use)")
        if kind == "breathing" and isinstance(e.get("breathing"), dict):
            self.breathing(f"{where}.breathing", e["breathing"], langs)
        if kind == "guided" and isinstance(e.get("guided"), dict):
            self.guided(f"{where}.guided", e["guided"], langs, region_ids)
        if kind == "prompts" and isinstance(e.get("prompts"), dict):
            self.prompts(f"{where}.prompts", e["prompts"], langs)
        if kind == "resonance" and isinstance(e.get("resonance"), dict):
            r = e["resonance"]
            if "block_seconds" in r:
                self.number(f"{where}.resonance.block_seconds", r["block_seconds"], 60, 300, integer=True)
            if "inhale" in r:
                self.number(f"{where}.resonance.inhale", r["inhale"], 0.3, 0.5)
            if "lead_in" in r:
                self.number(f"{where}.resonance.lead_in", r["lead_in"], 0, 10)

    def breathing(self, where, b, langs):
        ph = b.get("phases")
        if not isinstance(ph, list) or not 1 <= len(ph) <= 8:
            self.err(f"{where}.phases", "1..8 phases")
            ph = []
        for i, p in enumerate(ph):
            if p.get("phase") not in PHASES:
                self.err(f"{where}.phases[{i}].phase", f"bad phase {p.get('phase')!r}")
            self.number(f"{where}.phases[{i}].seconds", p.get("seconds"), 0.5, 60, 0.1)
            if "label" in p:
                self.text(f"{where}.phases[{i}].label", p["label"], langs, 40)
        if "opening" in b:
            o = b["opening"]
            if not isinstance(o, dict) or o.get("phase") != "exhale":
                self.err(f"{where}.opening", "must be {\"phase\": \"exhale\", \"seconds\": S}")
            else:
                self.number(f"{where}.opening.seconds", o.get("seconds"), 0.5, 60, 0.1)
                if "label" in o:
                    self.text(f"{where}.opening.label", o["label"], langs, 40)
        if ("cycles" in b) == ("minutes" in b):
            self.err(where, "exactly one of cycles / minutes")
        if "cycles" in b:
            self.number(f"{where}.cycles", b["cycles"], 1, 1000, integer=True)
        if "minutes" in b:
            self.number(f"{where}.minutes", b["minutes"], 0.5, 120)
        if "ramp" in b:
            r = b["ramp"]
            self.number(f"{where}.ramp.from_bpm", r.get("from_bpm"), 1, 30)
            self.number(f"{where}.ramp.to_bpm", r.get("to_bpm"), 1, 30)
            self.number(f"{where}.ramp.minutes", r.get("minutes"), 0.5, 120)
        if "lead_in" in b:
            self.number(f"{where}.lead_in", b["lead_in"], 0, 10)
        if b.get("style", "orb") not in ("orb", "box", "wave", "tube"):
            self.err(f"{where}.style", f"bad style {b.get('style')!r}")

    def guided(self, where, g, langs, region_ids):
        steps = g.get("steps")
        if not isinstance(steps, list) or not 1 <= len(steps) <= 500:
            self.err(f"{where}.steps", "1..500 steps")
            return
        for i, s in enumerate(steps):
            w = f"{where}.steps[{i}]"
            if s.get("kind") not in STEP_KINDS:
                self.err(f"{w}.kind", f"bad step kind {s.get('kind')!r}")
            self.text(f"{w}.caption", s.get("caption"), langs, 200)
            if "seconds" in s:
                self.number(f"{w}.seconds", s["seconds"], 0.5, 600)
            elif "voice" not in s:
                self.err(f"{w}.seconds", "seconds may be omitted only when voice is given")
            if "pause" in s:
                self.number(f"{w}.pause", s["pause"], 0, 60)
            if "region" in s and s["region"] not in region_ids:
                self.err(f"{w}.region", f"no region {s['region']!r} in pack.json")

    def prompts(self, where, p, langs):
        steps = p.get("steps")
        if not isinstance(steps, list) or not 1 <= len(steps) <= 100:
            self.err(f"{where}.steps", "1..100 steps")
            return
        for i, s in enumerate(steps):
            w = f"{where}.steps[{i}]"
            self.text(f"{w}.title", s.get("title"), langs, 40)
            self.text(f"{w}.text", s.get("text"), langs, 300)
            if "hint" in s:
                self.text(f"{w}.hint", s["hint"], langs, 200)
            if "count" in s:
                self.number(f"{w}.count", s["count"], 0, 10, integer=True)
            if "timer" in s:
                self.number(f"{w}.timer", s["timer"], 0, 600)
            if s.get("auto_advance") and not s.get("timer"):
                self.err(f"{w}.auto_advance", "needs timer > 0")

    def locales(self, path, langs):
        try:
            with open(path, encoding="utf-8") as f:
                loc = json.load(f)
        except (OSError, ValueError) as ex:
            self.err(path, f"cannot read: {ex}")
            return
        # The safety line is shown by the interface, in the interface's language: the
        # file may (and for the disclaimer and the "*" line must) have every language
        # of the interface, not only the pack's.
        ui = ui_languages()
        langs = list(langs) + [l for l in ui if l not in langs]
        self.text(f"{path}: $.disclaimer", loc.get("disclaimer"), langs)
        for name, t in [("disclaimer", loc.get("disclaimer"))] + [
                (f"crisis_lines[{i}].text", c.get("text")) for i, c in enumerate(loc.get("crisis_lines") or [])
                if isinstance(c, dict) and "*" in (c.get("regions") or [])]:
            for l in ui:
                if isinstance(t, dict) and l not in t:
                    self.err(f"{path}: $.{name}", f"no {l!r} text: the interface speaks it (po/LINGUAS)")
        lines = loc.get("crisis_lines")
        if not isinstance(lines, list) or not lines:
            self.err(f"{path}: $.crisis_lines", "required non-empty list")
            return
        if not any("*" in (c.get("regions") or []) for c in lines):
            self.err(f"{path}: $.crisis_lines", "needs a fallback line with regions [\"*\"]")
        for i, c in enumerate(lines):
            regs = c.get("regions")
            if not isinstance(regs, list) or not regs or not all(
                    r == "*" or re.match(r"^[A-Z]{2}$", r or "") for r in regs):
                self.err(f"{path}: $.crisis_lines[{i}].regions", "ISO 3166-1 alpha-2 codes or \"*\"")
            self.text(f"{path}: $.crisis_lines[{i}].text", c.get("text"), langs, 300)
            if "placeholder" in c and not isinstance(c["placeholder"], bool):
                self.err(f"{path}: $.crisis_lines[{i}].placeholder", "true or false")
            for l in ui:
                if isinstance(c.get("text"), dict) and l not in c["text"]:
                    self.err(f"{path}: $.crisis_lines[{i}].text", f"no {l!r} text: the interface speaks it (po/LINGUAS)")
        # the countries' names (Settings) in every interface language; the region a bare
        # language implies
        for r, t in (loc.get("region_names") or {}).items():
            if not re.match(r"^[A-Z]{2}$", r):
                self.err(f"{path}: $.region_names.{r}", "ISO 3166-1 alpha-2 code")
            self.text(f"{path}: $.region_names.{r}", t, langs, 40)
            for l in ui:
                if isinstance(t, dict) and l not in t:
                    self.err(f"{path}: $.region_names.{r}", f"no {l!r} name: the interface speaks it (po/LINGUAS)")
        for l, r in (loc.get("language_regions") or {}).items():
            if not isinstance(r, str) or not re.match(r"^[A-Z]{2}$", r):
                self.err(f"{path}: $.language_regions.{l}", "ISO 3166-1 alpha-2 code")

    def pack(self, d):
        path = os.path.join(d, "pack.json")
        try:
            with open(path, encoding="utf-8") as f:
                p = json.load(f)
        except (OSError, ValueError) as ex:
            self.err(path, f"cannot read: {ex}")
            return
        w = f"{path}: $"
        if p.get("format") != "1.0":
            self.err(f"{w}.format", f"expected \"1.0\", got {p.get('format')!r}")
        if not ID_RE.match(str(p.get("id", ""))):
            self.err(f"{w}.id", "bad pack id")
        langs = p.get("languages") or []
        if not langs or not all(isinstance(l, str) and LANG_RE.match(l) for l in langs):
            self.err(f"{w}.languages", "ISO 639-1 codes required")
        self.text(f"{w}.name", p.get("name"), langs)
        for k in ("version", "license"):
            if not isinstance(p.get(k), str) or not p[k]:
                self.err(f"{w}.{k}", "required string")
        for k in ("authors", "sources"):
            if not isinstance(p.get(k), list) or not p[k]:
                self.err(f"{w}.{k}", "required non-empty list")
        region_ids = set()
        for i, r in enumerate(p.get("regions") or []):
            rw = f"{w}.regions[{i}]"
            rid = r.get("id")
            if not isinstance(rid, str) or not ID_RE.match(rid) or rid in region_ids:
                self.err(f"{rw}.id", f"bad or duplicate region id {rid!r}")
            region_ids.add(rid)
            self.text(f"{rw}.name", r.get("name"), langs)
            shapes = r.get("shapes")
            if not isinstance(shapes, list) or not 1 <= len(shapes) <= 16:
                self.err(f"{rw}.shapes", "1..16 shapes")
                continue
            for j, s in enumerate(shapes):
                self.shape(f"{rw}.shapes[{j}]", s)
        seen = set()
        for i, e in enumerate(p.get("exercises") or []):
            if isinstance(e, str):
                ep = os.path.join(d, e)
                try:
                    with open(ep, encoding="utf-8") as f:
                        ex = json.load(f)
                except (OSError, ValueError) as x:
                    self.err(f"{w}.exercises[{i}]", f"cannot read {ep}: {x}")
                    continue
                self.exercise(f"{ep}: $", ex, langs, region_ids, seen)
            else:
                self.exercise(f"{w}.exercises[{i}]", e, langs, region_ids, seen)
        lp = os.path.join(d, "locales.json")
        if os.path.exists(lp):
            self.locales(lp, langs)


def main(argv):
    here = os.path.dirname(os.path.abspath(__file__))
    dirs = argv[1:] or [os.path.join(here, "..", "content", "core")]
    c = Checker()
    for d in dirs:
        c.pack(d)
    print(f"{c.errors} error(s), {c.warnings} warning(s)")
    return 1 if c.errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
