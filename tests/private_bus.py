"""A private D-Bus bus for a test (dbus-daemon with the session configuration, its
address read from it); the test stops it (terminate, wait) when it is done."""
import subprocess


def start():
    """The bus's process and its address."""
    bus = subprocess.Popen(["dbus-daemon", "--session", "--nofork", "--nopidfile", "--print-address=1"],
                           stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    return bus, bus.stdout.readline().strip()
