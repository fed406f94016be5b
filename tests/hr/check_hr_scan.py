#!/usr/bin/env python3
"""plat_hr's scanning, choosing and reasons against the BlueZ stand-in on a private bus.

  check_hr_scan.py HR_SCAN_PROBE

A dbus-daemon is started here and stopped at the end; DBUS_SYSTEM_BUS_ADDRESS points the
probe at it. Runs: scanning with two sensors and headphones about (then the calls the
stand-in logged: an LE filter for the Heart Rate service, the second sensor paired,
trusted and connected, the first left alone, discovery stopped when asked and when the
back-end ended while scanning); the adapter switched off, then on; every call refused;
a bus without BlueZ; no bus at all. Each must end with the probe's exit status 0."""
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


def run_probe(address, *args):
    env = dict(os.environ, DBUS_SYSTEM_BUS_ADDRESS=address)
    p = subprocess.run([PROBE] + list(args), env=env, capture_output=True, text=True, timeout=180)
    sys.stdout.write(p.stdout)
    sys.stderr.write(p.stderr)
    return p.returncode


def with_fake(address, tmp, options, probe_mode, failures):
    log, ready = os.path.join(tmp, "calls-%s.jsonl" % probe_mode), os.path.join(tmp, "ready-" + probe_mode)
    fake = subprocess.Popen([DEB_PY, os.path.join(HERE, "fake_bluez.py"), address, log, ready] + options)
    try:
        for _ in range(200):
            if os.path.exists(ready) or fake.poll() is not None:
                break
            time.sleep(0.05)
        if not os.path.exists(ready):
            failures.append("the BlueZ stand-in did not start (%s)" % probe_mode)
            return []
        print("-- %s" % probe_mode)
        args = [probe_mode] + ([str(fake.pid)] if probe_mode in ("scan", "off") else [])
        if run_probe(address, *args):
            failures.append(probe_mode)
    finally:
        fake.terminate()
        fake.wait(timeout=10)
    return [json.loads(line) for line in open(log)] if os.path.exists(log) else []


def main():
    if not shutil.which("dbus-daemon"):
        print("SKIP: dbus-daemon is missing (scripts/deps.sh installs it)")
        return 77
    failures = []
    with tempfile.TemporaryDirectory() as tmp:
        bus, address = private_bus.start()
        try:
            calls = with_fake(address, tmp, ["more"], "scan", failures)
            names = [c.get("call") for c in calls if "call" in c]
            filt = next((c for c in calls if c.get("call") == "SetDiscoveryFilter"), None)
            if not filt or filt["uuids"] != ["0000180d-0000-1000-8000-00805f9b34fb"] or filt["transport"] != "le":
                failures.append("no LE discovery filter for the Heart Rate service: %s" % filt)
            if names.count("StartDiscovery") != 2 or names.count("StopDiscovery") != 2:
                failures.append("discovery not started twice and stopped twice (when asked, at the end): %s" % names)
            for want in ({"call": "Pair", "device": "C0:FF:EE:00:00:02"},
                         {"call": "Connect", "device": "C0:FF:EE:00:00:02"},
                         {"call": "SetTrusted", "value": True},
                         {"call": "Disconnect", "device": "C0:FF:EE:00:00:02"},
                         {"call": "Pair", "device": "C0:FF:EE:00:00:01"},
                         {"call": "Connect", "device": "C0:FF:EE:00:00:01"},
                         {"call": "StartNotify"}):
                if not any(all(c.get(k) == v for k, v in want.items()) for c in calls):
                    failures.append("the program never made the call %s (calls: %s)" % (want, names))
            if any(c.get("device") == "AB:CD:EF:00:00:09" for c in calls):
                failures.append("the headphones were called: %s" % calls)
            calls = with_fake(address, tmp, ["off"], "off", failures)
            if [c.get("call") for c in calls if "call" in c].count("StartDiscovery") != 1:
                failures.append("discovery while switched off, or not once switched on: %s" % calls)
            calls = with_fake(address, tmp, ["denied"], "denied", failures)
            if not any(c.get("refused") for c in calls):
                failures.append("the refusing stand-in was never asked: %s" % calls)
            print("-- a bus without BlueZ")
            if run_probe(address, "no-bluez"):
                failures.append("a bus without BlueZ")
        finally:
            bus.terminate()
            bus.wait()
        print("-- no bus at all")
        if run_probe("unix:path=" + os.path.join(tmp, "no-such-bus"), "no-bus"):
            failures.append("no bus at all")
    for f in failures:
        print("FAIL:", f)
    print("check_hr_scan: %s" % ("FAILED" if failures else "ok"))
    return 1 if failures else 0


sys.exit(main())
