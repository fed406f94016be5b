"""A private X server for a test: Xvfb on a display it picks itself (-displayfd), one
screen of the given size, no TCP; stop() ends it (terminated, killed if it lingers)."""
import os
import subprocess
import time


class Xvfb:
    def __init__(self, size, limit, fail):
        """size "WxH"; limit: seconds to wait for it; fail(msg): called if it does not start."""
        self.limit = limit
        r, w = os.pipe()
        self.p = subprocess.Popen(["Xvfb", "-displayfd", str(w), "-screen", "0", f"{size}x24", "-nolisten", "tcp",
                                   "-noreset"], pass_fds=(w,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(w)
        num = b""
        end = time.monotonic() + limit
        while not num.endswith(b"\n") and time.monotonic() < end:
            b = os.read(r, 16)
            if not b:
                break
            num += b
        os.close(r)
        if not num.strip():
            self.stop()
            fail("Xvfb did not start")
        self.display = ":" + num.decode().strip()

    def stop(self):
        if self.p.poll() is None:
            self.p.terminate()
            try:
                self.p.wait(timeout=self.limit)
            except subprocess.TimeoutExpired:
                self.p.kill()
                self.p.wait()
