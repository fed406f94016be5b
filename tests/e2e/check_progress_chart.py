#!/usr/bin/env python3
"""The progress chart with several sessions a day, in fresh XDG folders: sessions made
by `play` with check-ins, placed on days by GROUNDWORK_FAKE_NOW (three on one day, three
on another, one a week earlier). The week and month views are drawn and read by pixels:
every session is its own mark, the marks of one day stand apart in the order they were
done, and a line joins each before (ring) to its after (dot). A tap on a mark shows its
details (traced progress_session: the exercise and start; the panel drawn) and Close or
Escape hides them."""
import json
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(__file__))
import pngread  # noqa: E402

exe = sys.argv[1]
FAILS = []


def check(cond, what):
    if not cond:
        FAILS.append(what)
        print("FAIL:", what)


def run(home, args, script, now, draw=False):
    env = dict(os.environ, XDG_DATA_HOME=os.path.join(home, "data"), XDG_CONFIG_HOME=os.path.join(home, "config"),
               GROUNDWORK_FAKE_NOW=now)
    path, trace = os.path.join(home, "script.jsonl"), os.path.join(home, "trace.jsonl")
    with open(path, "w") as f:
        f.write("\n".join(json.dumps(l) for l in script) + "\n")
    cmd = [exe, "play"] + args + ["--script", path, "--trace", trace] + ([] if draw else ["--no-draw"])
    p = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=300)
    check(p.returncode == 0, f"{args} at {now}: exit {p.returncode}: {p.stderr}")
    events = [json.loads(l) for l in open(trace)]
    os.unlink(trace)
    check(not [e for e in events if e["event"] == "error"], f"errors at {now}: {[e for e in events if e['event'] == 'error']}")
    return events


# (when, exercise, before, after): Tuesday 10 March three times, Thursday 12 three times
SESSIONS = [("2026-03-02T08:00:00Z", "breathing-4-7-8", 7, 4),
            ("2026-03-10T08:00:00Z", "breathing-4-7-8", 8, 5),
            ("2026-03-10T12:30:00Z", "box-breathing", 5, 4),
            ("2026-03-10T21:00:00Z", "breathing-4-7-8", 6, 2),
            ("2026-03-12T09:00:00Z", "box-breathing", 4, 1),
            ("2026-03-12T13:00:00Z", "grounding-54321", 7, 3),
            ("2026-03-12T18:00:00Z", "breathing-4-7-8", 9, 6)]
NOW = "2026-03-13T10:00:00Z"  # a Friday
ACCENT, HOLD, DIM, TEXT = (0x8f, 0xc9, 0xb9), (0xb7, 0xa6, 0xd9), (0xa9, 0xb8, 0xc2), (0xee, 0xf2, 0xf0)


def near(c, want, tol=12):
    return max(abs(a - b) for a, b in zip(c[:3], want)) <= tol


def columns(px, colour, x0, x1, y0, y1):
    """x ranges (first, last) of the columns holding pixels of colour."""
    xs = [x for x in range(x0, x1) if any(near(px(x, y), colour) for y in range(y0, y1))]
    runs = []
    for x in xs:
        if runs and x - runs[-1][1] <= 1:
            runs[-1][1] = x
        else:
            runs.append([x, x])
    return runs


def ys(px, colour, x, y0, y1):
    return [y for y in range(y0, y1) if any(near(px(xx, y), colour) for xx in (x - 1, x, x + 1))]


with tempfile.TemporaryDirectory() as home:
    for now, ex, b, a in SESSIONS:
        script = [{"at": 0.5, "press": "exercise:" + ex}, {"at": 0.6, "press": "cautions-start"},
                  {"at": 1, "press": f"rating:{b}"}]
        if ex.startswith("grounding"):  # a note typed on its first step
            script += [{"at": 2, "press": "note"}, {"at": 2.1, "text": "a blue cup on the desk"},
                       {"at": 2.2, "key": "Return"}]
        script += [{"at": 100, "press": "done" if ex == "breathing-4-7-8" else "back"},
                   {"at": 101, "press": f"rating:{a}"}, {"at": 102, "end": True}]
        run(home, ["--checkins"], script, now)

    week, month = os.path.join(home, "week.png"), os.path.join(home, "month.png")
    shown, closed = os.path.join(home, "shown.png"), os.path.join(home, "closed.png")
    run(home, [], [{"at": 0.5, "press": "progress"}, {"at": 1, "screenshot": month},
                   {"at": 1.5, "press": "view:week"}, {"at": 2, "screenshot": week}, {"at": 3, "end": True}], NOW, True)

    # the week view: the chart's grid is left of x = 840 and between the title and the day names
    w, h, px = pngread.read(week)
    after = columns(px, ACCENT, 60, 840, 190, 605)
    before = columns(px, HOLD, 60, 840, 190, 605)
    centres = [(r[0] + r[1]) / 2 for r in after]
    check(len(after) == 6, f"week view: six after dots apart (three on each of two days): {after}")
    check(len(before) == 6, f"week view: six before rings apart: {before}")
    if len(after) == 6:
        gaps = [centres[i + 1] - centres[i] for i in range(5)]
        check(min(gaps[0], gaps[1], gaps[3], gaps[4]) >= 20, f"week view: marks of one day at least 20 px apart: {gaps}")
        check(gaps[2] > max(gaps[0], gaps[1]), f"week view: a day's marks closer together than the two days: {gaps}")
        # each after dot has its own before ring above it (ratings fell), joined by a line;
        # in the order the sessions were done
        order = []
        for c in centres:
            x = int(round(c))
            dot, ring = ys(px, ACCENT, x, 190, 605), ys(px, HOLD, x, 190, 605)
            line = ys(px, DIM, x, 190, 605)
            check(dot and ring, f"week view: a ring and a dot at x={x}")
            if dot and ring:
                order.append((min(ring), min(dot)))
                between = [y for y in line if max(ring) < y < min(dot)]
                if min(dot) - max(ring) > 6:
                    check(len(between) >= (min(dot) - max(ring)) // 2,
                          f"week view: a line joins the ring and dot at x={x}: {len(between)} px")
        # Tuesday 8→5, 5→4, 6→2; Thursday 4→1, 7→3, 9→6: the rings' heights in that order
        if len(order) == 6:
            rings = [r for r, _ in order]
            check(rings[0] < rings[2] < rings[1] and rings[5] < rings[4] < rings[3],
                  f"week view: each day's marks in the order they were done: {order}")

    # the month view: the four weeks; the three sessions of a day still three marks
    w, h, px = pngread.read(month)
    after_m = columns(px, ACCENT, 60, 840, 190, 605)
    check(len(after_m) == 7, f"month view: seven after dots apart: {after_m}")

    # a tap on Tuesday's middle mark (the 12:30 box breathing): its details
    if len(after) == 6:
        x = centres[1]
        px = pngread.read(week)[2]
        dots = ys(px, ACCENT, int(round(x)), 190, 605)
        y = sum(dots) / max(1, len(dots))
        ev = run(home, [], [{"at": 0.5, "press": "progress"}, {"at": 0.7, "press": "view:week"},
                            {"at": 1, "tap": [x / 1280, y / 720]}, {"at": 1.5, "screenshot": shown},
                            {"at": 2, "key": "Escape"}, {"at": 2.5, "screenshot": closed},
                            {"at": 3, "tap": [x / 1280, y / 720]}, {"at": 3.5, "press": "detail-close"},
                            {"at": 4, "key": "Escape"}, {"at": 5, "end": True}], NOW, True)
        picked = [e for e in ev if e["event"] == "progress_session"]
        check(len(picked) == 2 and picked[0]["exercise"] == "box-breathing" and
              picked[0]["start"].startswith("2026-03-10T12:30") and picked[0]["before"] == 5 and picked[0]["after"] == 4,
              f"tap on a mark: its session traced: {picked}")
        presses = [e["widget"] for e in ev if e["event"] == "press"]
        check(presses[:4] == ["progress", "view:week", presses[2], "detail-close"] and presses[2].startswith("session:"),
              f"presses: {presses}")
        scenes = [e["name"] for e in ev if e["event"] == "scene"]
        check(scenes[-1] == "library", f"Escape with the details closed goes back: {scenes}")
        # the details panel lies in the right-hand column (the charts stay visible) and
        # goes with Escape
        _, _, sp = pngread.read(shown)
        _, _, cp = pngread.read(closed)
        _, _, wp = pngread.read(week)
        diff_right = sum(1 for xx in range(870, 1248, 3) for yy in range(120, 690, 3) if sp(xx, yy) != wp(xx, yy))
        diff_chart = sum(1 for xx in range(60, 840, 3) for yy in range(190, 605, 3)
                         if sp(xx, yy) != wp(xx, yy) and not abs(xx - x) < 20)
        # below the top bar (a key press shows the focus ring on Back)
        same_after = sum(1 for xx in range(0, 1280, 4) for yy in range(120, 720, 4) if cp(xx, yy) != wp(xx, yy))
        check(diff_right > 500, f"the details panel is drawn: {diff_right} samples changed")
        check(diff_chart == 0, f"the details panel covers none of the chart's marks: {diff_chart} samples changed")
        check(same_after == 0, f"Escape closes the details: {same_after} samples differ")

if FAILS:
    print(f"{len(FAILS)} failure(s)")
    sys.exit(1)
print("ok")
