"""A private X server for a test: Xvfb on a display it picks itself (-displayfd), no TCP;
stop() ends it (terminated, killed if it lingers, woken first in case a test stopped it)."""
import os
import signal
import subprocess
import time


def start_displayfd(args, at, limit):
    """Starts an X server whose args[at] is the -displayfd placeholder; returns the
    process and ":N", or None for the display if it did not say it within limit seconds."""
    r, w = os.pipe()
    args = list(args)
    args[at] = str(w)
    p = subprocess.Popen(args, pass_fds=(w,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(w)
    num = b""
    end = time.monotonic() + limit
    while not num.endswith(b"\n") and time.monotonic() < end:
        b = os.read(r, 16)
        if not b:
            break
        num += b
    os.close(r)
    return p, (":" + num.decode().strip() if num.strip() else None)


class Xvfb:
    def __init__(self, size, limit, fail, screens=None, xinerama=False):
        """size "WxH": one 24-bit screen; or screens, a list of "WxHxD", one per screen
        (with xinerama, joined as Xinerama heads). limit: seconds to wait for it;
        fail(msg): called if it does not start."""
        self.limit = limit
        args = ["Xvfb", "-displayfd", None, "-nolisten", "tcp", "-noreset"]
        if xinerama:
            args.append("+xinerama")
        for i, s in enumerate(screens or [f"{size}x24"]):
            args += ["-screen", str(i), s]
        self.p, display = start_displayfd(args, 2, limit)
        if not display:
            self.stop()
            fail("Xvfb did not start")
        self.display = display

    def stop(self):
        if self.p.poll() is None:
            self.p.send_signal(signal.SIGCONT)
            self.p.terminate()
            try:
                self.p.wait(timeout=self.limit)
            except subprocess.TimeoutExpired:
                self.p.kill()
                self.p.wait()
