#!/usr/bin/env python3
"""The heart-rate back-end (plat_hr) against a BlueZ stand-in on a private bus.

  check_hr.py HR_PROBE

A dbus-daemon is started here and stopped at the end; DBUS_SYSTEM_BUS_ADDRESS points the
probe at it. Three runs: with the stand-in (scan, connect, readings, out of reach and
back, forget, BlueZ gone; then the calls the stand-in logged are checked: an LE filter
for the Heart Rate service, Connect, StartNotify, Disconnect on forgetting); with the
bus but no BlueZ; with no bus at all. Each must end with the probe's exit status 0."""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import private_bus  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
DEB_PY = "/usr/bin/python3" if os.path.exists("/usr/bin/python3") else sys.executable
PROBE = sys.argv[1]


def run_probe(address, arg):
    env = dict(os.environ, DBUS_SYSTEM_BUS_ADDRESS=address)
    p = subprocess.run([PROBE, arg], env=env, capture_output=True, text=True, timeout=180)
    sys.stdout.write(p.stdout)
    sys.stderr.write(p.stderr)
    return p.returncode


def main():
    if not shutil.which("dbus-daemon"):
        print("SKIP: dbus-daemon is missing (scripts/deps.sh installs it)")
        return 77
    failures = []
    with tempfile.TemporaryDirectory() as tmp:
        bus, address = private_bus.start()
        try:
            log, ready = os.path.join(tmp, "calls.jsonl"), os.path.join(tmp, "ready")
            fake = subprocess.Popen([DEB_PY, os.path.join(HERE, "fake_bluez.py"), address, log, ready])
            for _ in range(200):
                if os.path.exists(ready) or fake.poll() is not None:
                    break
                time.sleep(0.05)
            if not os.path.exists(ready):
                print("FAIL: the BlueZ stand-in did not start")
                return 1
            print("-- with a sensor")
            if run_probe(address, str(fake.pid)):
                failures.append("with a sensor")
            try:
                fake.wait(timeout=10)
            except subprocess.TimeoutExpired:
                fake.kill()
            calls = [json.loads(line) for line in open(log)] if os.path.exists(log) else []
            names = [c.get("call") for c in calls if "call" in c]
            filt = next((c for c in calls if c.get("call") == "SetDiscoveryFilter"), None)
            if not filt or filt["uuids"] != ["0000180d-0000-1000-8000-00805f9b34fb"] or filt["transport"] != "le":
                failures.append("no LE discovery filter for the Heart Rate service: %s" % filt)
            for want in ("StartDiscovery", "StopDiscovery", "Connect", "StartNotify", "Disconnect"):
                if want not in names:
                    failures.append("the program never called %s (calls: %s)" % (want, names))
            if names.count("StartNotify") < 2:
                failures.append("notifications were not asked for again after the sensor came back: %s" % names)
            print("-- a bus without BlueZ")
            if run_probe(address, "--no-bluez"):
                failures.append("a bus without BlueZ")
        finally:
            bus.terminate()
            bus.wait()
        print("-- no bus at all")
        if run_probe("unix:path=" + os.path.join(tmp, "no-such-bus"), "--no-bus"):
            failures.append("no bus at all")
    for f in failures:
        print("FAIL:", f)
    print("check_hr: %s" % ("FAILED" if failures else "ok"))
    return 1 if failures else 0


sys.exit(main())
