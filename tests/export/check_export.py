#!/usr/bin/env python3
"""Export and share from Settings, end to end, each case in folders of its own:

- no session bus (DBUS_SESSION_BUS_ADDRESS pointing nowhere): Settings -> Export my
  practice log -> CSV writes into the documents folder named in the test's own
  user-dirs.dirs, mode 0600, with the log's rows; a second export gets a new name
  (-2) and the first is untouched; JSON and the 7-day summary (PDF) likewise;
- the documents folder missing, or a file where the folder should be: the home folder,
  and the reason in the trace's message; read-only too (not as root: root writes
  anywhere);
- a private session bus (dbus-daemon, started and stopped here) with a fake portal
  (fake_portal.py, python3-dbus): the file is written where the portal says; a chosen
  file that exists is not replaced (-2 beside it); the window closed: nothing written;
  a portal that never answers: the documents folder after the timeout (a few seconds,
  never a hang);
- the PDF: one page, pdftotext finds the exercises' titles and the note, pdftoppm
  draws it (the PNG is kept in the build tree for a person to look at).

  check_export.py GROUNDWORK OUT_DIR"""
import csv
import io
import json
import os
import shutil
import stat
import subprocess
import sys
import tempfile
import time

EXE, OUT = sys.argv[1], sys.argv[2]
HERE = os.path.dirname(os.path.abspath(__file__))
DEB_PY = "/usr/bin/python3" if os.path.exists("/usr/bin/python3") else sys.executable
FAILS = []


def check(ok, what):
    if not ok:
        FAILS.append(what)
        print("FAIL:", what)


def make_env(tmp, bus="unix:path=/nonexistent/groundwork-test-bus"):
    home = os.path.join(tmp, "home")
    os.makedirs(os.path.join(home, ".config"), exist_ok=True)
    env = dict(os.environ, HOME=home, XDG_DATA_HOME=os.path.join(home, ".local/share"),
               XDG_CONFIG_HOME=os.path.join(home, ".config"), XDG_STATE_HOME=os.path.join(home, ".local/state"),
               DBUS_SESSION_BUS_ADDRESS=bus, LANGUAGE="", LC_ALL="C.UTF-8", LANG="C.UTF-8")
    env.pop("XDG_DOCUMENTS_DIR", None)
    with open(os.path.join(home, ".config", "user-dirs.dirs"), "w") as f:
        f.write('# written by the test\nXDG_DESKTOP_DIR="$HOME/Desktop"\nXDG_DOCUMENTS_DIR="$HOME/Papers"\n')
    return env, home


def play(env, tmp, lines, args=()):
    script, trace = os.path.join(tmp, "s.jsonl"), os.path.join(tmp, "t.jsonl")
    with open(script, "w") as f:
        f.write("\n".join(json.dumps(l) for l in lines) + "\n")
    t0 = time.monotonic()
    p = subprocess.run([EXE, "play", "--no-draw", "--script", script, "--trace", trace] + list(args), env=env,
                       capture_output=True, text=True, timeout=120)
    took = time.monotonic() - t0
    ev = [json.loads(l) for l in open(trace, encoding="utf-8")] if os.path.exists(trace) else []
    return p, ev, took


def seed(env, tmp):
    """Two sessions on one day, made by the program: 4-7-8 with check-ins 6 -> 2, and
    5-4-3-2-1 grounding with a note, left with Ctrl+Q."""
    play(env, tmp, [{"at": 1, "press": "exercise:breathing-4-7-8"}, {"at": 1, "press": "cautions-start"},
                    {"at": 2, "press": "rating:6"}, {"at": 90, "press": "done"}, {"at": 91, "key": "2"},
                    {"at": 92, "end": True}], ["--checkins"])
    play(env, tmp, [{"at": 1.0, "press": "note"}, {"at": 1.2, "text": "the blue kettle on the stove"},
                    {"at": 1.5, "key": "Q", "mod": ["ctrl"]}, {"at": 3, "end": True}],
         ["--exercise", "grounding-54321"])
    out = subprocess.run([EXE, "log", "export", "--csv"], env=env, capture_output=True, text=True)
    rows = list(csv.reader(io.StringIO(out.stdout)))
    check(len(rows) == 3, "two sessions seeded: %s %s" % (rows, out.stderr))
    return rows


def exports(ev):
    return [e for e in ev if e["event"] == "export"]


def to_export(*presses):
    # the export button is on the settings' last page when they take more than one
    lines = [{"at": 0.5, "press": "settings"}, {"at": 0.6, "key": "PageDown"}, {"at": 0.7, "key": "PageDown"},
             {"at": 0.8, "key": "PageDown"}, {"at": 1, "press": "export"}]
    at = 1.5
    for w in presses:
        lines.append({"at": at, "press": w})
        at += 0.5
    lines.append({"at": at + 1, "end": True})
    return lines


def private(path):
    return os.path.isfile(path) and stat.S_IMODE(os.lstat(path).st_mode) == 0o600


def no_bus():
    print("-- no session bus: the documents folder")
    with tempfile.TemporaryDirectory() as tmp:
        env, home = make_env(tmp)
        rows = seed(env, tmp)
        papers = os.path.join(home, "Papers")
        os.makedirs(papers)
        p, ev, took = play(env, tmp, to_export("export:csv", "export:csv", "export:json", "summary:7"))
        ex = exports(ev)
        want = [os.path.join(papers, n) for n in ("groundwork-log-2026-01-01.csv", "groundwork-log-2026-01-01-2.csv",
                                                  "groundwork-log-2026-01-01.json",
                                                  "groundwork-summary-2026-01-01.pdf")]
        check([e["path"] for e in ex] == want and all(e["via"] == "documents" for e in ex),
              "four exports into the documents folder, the second CSV a new name: %s %s" % (ex, p.stderr))
        portal = [e for e in ev if e["event"] == "portal"]
        check(portal and all(e["result"] == "unavailable" for e in portal), "no portal without a bus: %s" % portal)
        for f in want:
            check(private(f), "%s exists with mode 0600" % f)
        if all(os.path.exists(f) for f in want[:2]):
            for f in want[:2]:
                got = list(csv.reader(open(f, encoding="utf-8")))
                check(got == rows, "%s has the log's rows: %s" % (f, got))
        if os.path.exists(want[2]):
            js = json.load(open(want[2], encoding="utf-8"))
            check(len(js) == 2 and any("the blue kettle" in r.get("notes", "") for r in js), "the JSON has both sessions: %s" % js)
        # a third CSV: -3, and the first two untouched
        before = [open(f, "rb").read() if os.path.exists(f) else None for f in want[:2]]
        p, ev, _ = play(env, tmp, to_export("export:csv"))
        check([e["path"] for e in exports(ev)] == [os.path.join(papers, "groundwork-log-2026-01-01-3.csv")],
              "the third export is -3: %s" % exports(ev))
        check([open(f, "rb").read() if os.path.exists(f) else None for f in want[:2]] == before and None not in before,
              "earlier exports untouched")
        check(sorted(os.listdir(papers)) == sorted([os.path.basename(f) for f in want] +
                                                    ["groundwork-log-2026-01-01-3.csv"]),
              "no temporary files left: %s" % os.listdir(papers))
        if os.path.exists(want[3]):
            pdf(want[3], env)


def pdf(path, env):
    print("-- the PDF")
    info = subprocess.run(["pdfinfo", path], capture_output=True, text=True)
    check("Pages:           1" in info.stdout, "one page: %s" % info.stdout)
    txt = subprocess.run(["pdftotext", "-layout", path, "-"], capture_output=True, text=True).stdout
    for want in ("Practice summary", "Last 7 days", "4-7-8 breathing", "5-4-3-2-1 grounding",
                 "the blue kettle on the stove", "2 sessions on 1 day"):
        check(want in txt, "the PDF says %r: %s" % (want, txt))
    os.makedirs(OUT, exist_ok=True)
    png = os.path.join(OUT, "summary")
    subprocess.run(["pdftoppm", "-png", "-r", "60", "-singlefile", path, png], check=True)
    # not blank: some dark ink (text) and the chart's blue after marks
    ppm = subprocess.run(["pdftoppm", "-r", "60", "-singlefile", path], capture_output=True).stdout
    body = ppm.split(b"\n", 3)[3]
    dark = sum(1 for i in range(0, len(body), 3) if body[i] < 80 and body[i + 1] < 80 and body[i + 2] < 80)
    blue = sum(1 for i in range(0, len(body), 3) if body[i + 2] > body[i] + 60)
    check(dark > 200 and blue > 5, "the page has text (%d dark pixels) and the chart's marks (%d blue)" % (dark, blue))
    # the same from the command line, in German: the titles in the interface language
    de = path + ".de.pdf"
    r = subprocess.run([EXE, "log", "summary", "--days", "30", "--end", "2026-01-03", de],
                       env=dict(env, LANGUAGE="de", LC_ALL="C.UTF-8"), capture_output=True, text=True)
    txt = subprocess.run(["pdftotext", de, "-"], capture_output=True, text=True).stdout
    check(r.returncode == 0 and private(de) and "Erdung 5-4-3-2-1" in txt and "4-7-8-Atmung" in txt and
          "the blue kettle" in txt, "log summary in German: %s %s" % (r.stderr, txt))
    r = subprocess.run([EXE, "log", "summary", de], env=env, capture_output=True, text=True)
    check(r.returncode == 1 and "already exists" in r.stderr, "log summary does not replace a file: %s" % r.stderr)


def documents_unusable():
    cases = [("missing", lambda p: None), ("a file", lambda p: open(p, "w").close())]
    if os.geteuid() != 0:
        cases.append(("read-only", lambda p: (os.makedirs(p), os.chmod(p, 0o555))))
    for what, make in cases:
        print("-- documents folder %s: the home folder" % what)
        with tempfile.TemporaryDirectory() as tmp:
            env, home = make_env(tmp)
            seed(env, tmp)
            make(os.path.join(home, "Papers"))
            p, ev, _ = play(env, tmp, to_export("export:csv"))
            ex = exports(ev)
            f = os.path.join(home, "groundwork-log-2026-01-01.csv")
            check([e["path"] for e in ex] == [f] and ex[0]["via"] == "home" and private(f),
                  "documents folder %s: saved in the home folder: %s %s" % (what, ex, p.stderr))
            if os.path.isdir(os.path.join(home, "Papers")):
                os.chmod(os.path.join(home, "Papers"), 0o755)


class Bus:
    """A private session bus with the fake portal on it."""

    def __init__(self, tmp, mode, path=""):
        self.proc = subprocess.Popen(["dbus-daemon", "--session", "--nofork", "--nopidfile", "--print-address=1"],
                                     stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        self.address = self.proc.stdout.readline().strip()
        self.log = os.path.join(tmp, "portal.jsonl")
        ready = os.path.join(tmp, "ready")
        self.server = subprocess.Popen([DEB_PY, os.path.join(HERE, "fake_portal.py"), self.address, self.log, ready,
                                        mode, path])
        for _ in range(200):
            if os.path.exists(ready):
                return
            time.sleep(0.05)
        self.stop()
        raise SystemExit("FAIL: the fake portal did not start")

    def calls(self):
        return [json.loads(l) for l in open(self.log)] if os.path.exists(self.log) else []

    def stop(self):
        for p in (self.server, self.proc):
            p.terminate()
            p.wait(timeout=10)


def with_portal():
    print("-- a portal that answers")
    with tempfile.TemporaryDirectory() as tmp:
        chosen = os.path.join(tmp, "for my therapist", "log ü.csv")
        os.makedirs(os.path.dirname(chosen))
        bus = Bus(tmp, "answer", chosen)
        try:
            env, home = make_env(tmp, bus.address)
            rows = seed(env, tmp)
            os.makedirs(os.path.join(home, "Papers"))
            p, ev, took = play(env, tmp, to_export("export:csv", "export:csv"))
            ex = exports(ev)
            second = os.path.join(os.path.dirname(chosen), "log ü-2.csv")
            check([e["path"] for e in ex] == [chosen, second] and all(e["via"] == "portal" for e in ex),
                  "written where the portal said, then beside it: %s %s" % (ex, p.stderr))
            check(private(chosen) and list(csv.reader(open(chosen, encoding="utf-8"))) == rows,
                  "the chosen file is private and has the rows")
            calls = bus.calls()
            check(len(calls) == 2 and calls[0]["current_name"] == "groundwork-log-2026-01-01.csv" and
                  calls[0]["title"] == "Save your practice log", "SaveFile asked with the dated name: %s" % calls)
            check(os.listdir(os.path.join(home, "Papers")) == [], "nothing in the documents folder")
        finally:
            bus.stop()

    print("-- the save window closed")
    with tempfile.TemporaryDirectory() as tmp:
        bus = Bus(tmp, "cancel")
        try:
            env, home = make_env(tmp, bus.address)
            seed(env, tmp)
            os.makedirs(os.path.join(home, "Papers"))
            p, ev, _ = play(env, tmp, to_export("summary:30"))
            check(not exports(ev) and [e["result"] for e in ev if e["event"] == "portal"] == ["cancelled"] and
                  os.listdir(os.path.join(home, "Papers")) == [], "cancelled: nothing written: %s" % ev[-4:])
        finally:
            bus.stop()

    print("-- a portal that never answers")
    with tempfile.TemporaryDirectory() as tmp:
        bus = Bus(tmp, "silent")
        try:
            env, home = make_env(tmp, bus.address)
            seed(env, tmp)
            os.makedirs(os.path.join(home, "Papers"))
            p, ev, took = play(env, tmp, to_export("export:json"))
            ex = exports(ev)
            portal = [e for e in ev if e["event"] == "portal"]
            check([e["via"] for e in ex] == ["documents"] and private(ex[0]["path"]),
                  "the documents folder after the portal's silence: %s %s" % (ex, p.stderr))
            check(portal and "did not answer within 3 seconds" in portal[0].get("why", ""),
                  "the trace says the portal did not answer: %s" % portal)
            check(2.5 < took < 15, "fell back after the timeout, not a hang: %.1f s" % took)
            check(len(bus.calls()) == 1, "SaveFile was asked: %s" % bus.calls())
        finally:
            bus.stop()


def main():
    no_bus()
    documents_unusable()
    if shutil.which("dbus-daemon") and subprocess.run([DEB_PY, "-c", "import dbus, gi"]).returncode == 0:
        with_portal()
    else:
        FAILS.append("dbus-daemon or python3-dbus is missing: run scripts/deps.sh")
    if FAILS:
        sys.exit("%d failures" % len(FAILS))
    print("ok")


main()
