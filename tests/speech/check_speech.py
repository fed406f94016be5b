#!/usr/bin/env python3
"""Read aloud's back-end (plat_speech) against a speech-dispatcher stand-in.

  check_speech.py SPEECH_PROBE

- a working service: three lines in English, Spanish and Arabic arrive as SPEAK
  commands with their language, the rate and volume asked for, the text whole;
- the service stops while the program runs: the next line fails, the program goes on
  and ends cleanly;
- no service: the probe says it cannot be reached, and ends cleanly;
- a service that accepts and never answers: the program is not held (it ends within
  a few seconds of being asked to)."""
import json
import os
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
DEB_PY = "/usr/bin/python3" if os.path.exists("/usr/bin/python3") else sys.executable
PROBE = sys.argv[1]
fails = []


def check(cond, what):
    print(("ok: " if cond else "FAIL: ") + what)
    if not cond:
        fails.append(what)


def start(tmp, mode):
    sock, log = os.path.join(tmp, "speechd-%s.sock" % mode), os.path.join(tmp, "said-%s.jsonl" % mode)
    p = subprocess.Popen([DEB_PY, os.path.join(HERE, "fake_speechd.py"), sock, log, mode])
    for _ in range(200):
        if os.path.exists(sock):
            break
        time.sleep(0.05)
    return p, sock, log


def said(log):
    return [json.loads(line) for line in open(log)] if os.path.exists(log) else []


def main():
    with tempfile.TemporaryDirectory() as tmp:
        fake, sock, log = start(tmp, "answer")
        env = dict(os.environ, SPEECHD_ADDRESS="unix_socket:" + sock)
        lines = ["en|2|Box breathing, exercise, 4 minutes, button", "es|1|Sesión guardada",
                 "ar|0|تنفّس ببطء"]
        out = subprocess.run([PROBE] + lines, env=env, capture_output=True, text=True, timeout=60).stdout
        print(out, end="")
        check("sent 3" in out and "\nok" in out, "a working service takes three lines")
        got = [s for s in said(log) if "text" in s]
        check([s["text"] for s in got] == [l.split("|", 2)[2] for l in lines], "the texts arrive whole, in order")
        check([s["lang"] for s in got] == ["en", "es", "ar"], "each in its language: %s" % [s["lang"] for s in got])
        check(all(s["rate"] == 20 and s["volume"] == -10 for s in got), "with the rate and volume asked for")
        check(any(s.get("event") == "connect" and "groundwork" in s.get("client", "") for s in said(log)),
              "the client names itself")

        # the service goes away while the program runs
        flag = os.path.join(tmp, "running")
        open(flag, "w").close()
        p = subprocess.Popen([PROBE, "--after-gone", flag, "en|2|First"], env=env, stdout=subprocess.PIPE, text=True)
        first = p.stdout.readline() + p.stdout.readline()
        fake.terminate()
        fake.wait()
        os.unlink(flag)
        rest = p.communicate(timeout=60)[0]
        print(first + rest, end="")
        check("sent 1" in first, "the first line is said")
        check("after gone: sent 0 more" in rest and "exited cleanly" in rest and p.returncode == 0,
              "the service gone: the next line fails and the program ends cleanly")

        # no service at all
        env_none = dict(os.environ, SPEECHD_ADDRESS="unix_socket:" + os.path.join(tmp, "none.sock"))
        r = subprocess.run([PROBE, "en|2|Hello"], env=env_none, capture_output=True, text=True, timeout=60)
        print(r.stdout, end="")
        check("unavailable: The speech service (speech-dispatcher) cannot be reached" in r.stdout
              and r.returncode == 0, "no service: said in a sentence, the program goes on")

        # a service that never answers
        hang, sock2, _ = start(tmp, "hang")
        env_hang = dict(os.environ, SPEECHD_ADDRESS="unix_socket:" + sock2)
        t0 = time.monotonic()
        r = subprocess.run([PROBE, "--wait", "2", "en|2|Hello"], env=env_hang, capture_output=True, text=True,
                           timeout=60)
        took = time.monotonic() - t0
        print(r.stdout, end="")
        check("exited cleanly" in r.stdout and r.returncode == 0 and took < 20,
              "a service that hangs does not hold the program (%.1f s)" % took)
        hang.terminate()
        hang.wait()
    print("check_speech: %s" % ("FAILED" if fails else "ok"))
    return 1 if fails else 0


sys.exit(main())
