#!/usr/bin/env python3
"""Read aloud through the program, against a speech-dispatcher stand-in.

  check_read_aloud.py GROUNDWORK

`play --read-aloud` with GW_SPEECH_SERVICE set sends what it says to the speech service
as the live program does (else it is only traced):
- what reached the service is what the trace's `speak` events say, in order, in the
  interface's language (Spanish here), at the rate and volume of the settings (reading
  speed 150%: rate 50; voice volume 80%: volume 60), with speech-dispatcher's priority
  for each (a screen's announcement and F5's reading a message, the focus text);
- no service at all: the same run ends as well, its trace as full;
- a kiosk whose kiosk.json asks for read aloud speaks on its attract screen; a
  visitor's Ctrl+Alt+R turns it off, and the idle reset turns it back on."""
import json
import os
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
DEB_PY = "/usr/bin/python3" if os.path.exists("/usr/bin/python3") else sys.executable
GW = sys.argv[1]
fails = []

SCRIPT = """{"at": 0.5, "key": "Down"}
{"at": 1, "key": "Tab"}
{"at": 1.5, "key": "Return"}
{"at": 2, "key": "Escape"}
{"at": 2.5, "key": "F5"}
{"at": 3, "end": true}
"""

KIOSK = """{"at": 1, "key": "Space"}
{"at": 2, "key": "Down"}
{"at": 3, "key": "R", "mod": ["ctrl", "alt"]}
{"at": 4, "key": "Down"}
{"at": 20, "key": "Space"}
{"at": 21, "end": true}
"""


def check(cond, what):
    print(("ok: " if cond else "FAIL: ") + what)
    if not cond:
        fails.append(what)


def start_fake(tmp):
    sock, log = os.path.join(tmp, "speechd.sock"), os.path.join(tmp, "said.jsonl")
    p = subprocess.Popen([DEB_PY, os.path.join(HERE, "fake_speechd.py"), sock, log, "answer"])
    for _ in range(200):
        if os.path.exists(sock):
            break
        time.sleep(0.05)
    return p, sock, log


def lines(path):
    return [json.loads(line) for line in open(path)] if os.path.exists(path) else []


def play(tmp, env, args, script, name):
    spath, tpath = os.path.join(tmp, name + ".jsonl"), os.path.join(tmp, name + "-trace.jsonl")
    open(spath, "w").write(script)
    r = subprocess.run([GW, "play", "--no-draw", "--script", spath, "--trace", tpath] + args, env=env,
                       capture_output=True, text=True, timeout=120)
    if r.returncode:
        print(r.stderr)
    return r.returncode, lines(tpath)


def main():
    with tempfile.TemporaryDirectory() as tmp:
        home = os.path.join(tmp, "home")
        os.makedirs(os.path.join(home, "config", "groundwork"))
        # the person's settings: reading speed 150%, voice volume 80%
        with open(os.path.join(home, "config", "groundwork", "settings.json"), "w") as f:
            json.dump({"read_aloud": {"on": True, "rate": 150}, "volume": {"voice": 80}, "welcomed": True}, f)
        base = dict(os.environ, XDG_CONFIG_HOME=os.path.join(home, "config"), XDG_DATA_HOME=os.path.join(home, "data"),
                    XDG_STATE_HOME=os.path.join(home, "state"), GW_SPEECH_SERVICE="1")

        fake, sock, log = start_fake(tmp)
        env = dict(base, SPEECHD_ADDRESS="unix_socket:" + sock)
        rc, trace = play(tmp, env, ["--lang", "es"], SCRIPT, "walk")
        fake.terminate()
        fake.wait()
        spoken = [e for e in trace if e["event"] == "speak"]
        got = [s for s in lines(log) if "text" in s]
        check(rc == 0, "play ends (exit %d)" % rc)
        check(len(spoken) >= 6, "the walk says things: %d messages" % len(spoken))
        same = [s["text"] for s in got] == [e["text"] for e in spoken]
        if not same:
            print("service: %s\ntrace:   %s" % ([s["text"] for s in got], [e["text"] for e in spoken]))
        check(same, "the service got what the trace says, in order")
        check(all(s["lang"] == "es" for s in got) and all(e["lang"] == "es" for e in spoken),
              "in the interface's language")
        check(all(s["rate"] == 50 and s["volume"] == 60 for s in got), "at the settings' speed and voice volume")
        check([s["priority"].lower() for s in got] == [e["priority"] for e in spoken],
              "each with its priority: %s" % [s["priority"] for s in got])

        # no service: the run is the same
        env_none = dict(base, SPEECHD_ADDRESS="unix_socket:" + os.path.join(tmp, "none.sock"))
        t0 = time.monotonic()
        rc, trace_none = play(tmp, env_none, ["--lang", "es"], SCRIPT, "none")
        check(rc == 0 and time.monotonic() - t0 < 30, "no speech service: play ends as well")
        check([e["text"] for e in trace_none if e["event"] == "speak"] == [e["text"] for e in spoken],
              "and traces the same messages")

        # a kiosk that reads aloud: the visitor's switch lasts until the idle reset
        cfg = os.path.join(tmp, "kiosk.json")
        with open(cfg, "w") as f:
            json.dump({"read_aloud": True, "idle_timeout": 10}, f)
        rc, kt = play(tmp, dict(base, SPEECHD_ADDRESS="unix_socket:" + os.path.join(tmp, "none.sock")),
                      ["--mode", "kiosk", "--config", cfg], KIOSK, "kiosk")
        said = [(round(e["t"], 2), e["text"]) for e in kt if e["event"] == "speak"]
        print(said)
        check(rc == 0 and said and said[0] == (0.0, "Press any key to begin."), "the kiosk's attract screen is read")
        check(not any(2.9 < t < 14 and x != "Read aloud off" for t, x in said), "Ctrl+Alt+R turned it off")
        check(any(t >= 14 and x == "Press any key to begin." for t, x in said),
              "the idle reset turns it back on")
    print("check_read_aloud: %s" % ("FAILED" if fails else "ok"))
    return 1 if fails else 0


sys.exit(main())
