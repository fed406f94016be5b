#!/usr/bin/env python3
"""The kiosk under cage, the Wayland kiosk compositor the shipped unit runs it in:
cage started headless (WLR_BACKENDS=headless, the pixman renderer, its own
XDG_RUNTIME_DIR) as an unprivileged user (cage refuses root: nobody through setpriv
when run as root), with `groundwork --kiosk` as a native Wayland client
(SDL_VIDEODRIVER=wayland). Screenshots are taken with grim. Checks:

- the program says it sends its frames through wl_shm (GW_FRAME_LOG) and reaches its
  attract screen (trace);
- a screenshot shows it: the calm theme's background in the corners and the orb's
  colour in the middle, not a black or empty screen;
- a later screenshot differs: the attract orb breathes (and, more slowly, the screen
  drifts a pixel against burn-in) (cage repaints when it gets to it, so shots are taken every
  0.5 s for up to 15 s); the frame log's dirty areas (only what moves is sent) are
  printed;
- SIGTERM ends it cleanly (exit 0, trace exit reason signal).

Prints the kiosk's CPU time over 5 s of the attract screen. Skipped (exit 77), saying
why, where cage or grim is missing or cage cannot start. Needs GROUNDWORK_DATA_DIR.

usage: check_cage.py GROUNDWORK"""
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from live_trace import events  # noqa: E402

EXE = sys.argv[1]
LIMIT = 30.0
NOBODY = 65534


def skip(why):
    print("SKIP: " + why)
    sys.exit(77)


def fail(msg):
    sys.exit("FAIL: " + msg)


def ppm(data):
    """(w, h, rgb bytes) of a binary PPM (P6, maxval 255)."""
    parts, pos = [], 0
    while len(parts) < 4:
        while data[pos:pos + 1].isspace():
            pos += 1
        if data[pos:pos + 1] == b"#":
            pos = data.index(b"\n", pos)
            continue
        end = pos
        while not data[end:end + 1].isspace():
            end += 1
        parts.append(data[pos:end])
        pos = end
    if parts[0] != b"P6" or parts[3] != b"255":
        fail("grim did not write a P6 image")
    w, h = int(parts[1]), int(parts[2])
    return w, h, data[pos + 1:pos + 1 + w * h * 3]


def px(img, x, y):
    w, _, rgb = img
    i = (y * w + x) * 3
    return tuple(rgb[i:i + 3])


def near(a, b, tol=12):
    return all(abs(p - q) <= tol for p, q in zip(a, b))


def main():
    for tool in ("cage", "grim"):
        if not shutil.which(tool):
            skip(f"{tool} is not installed")
    root = os.geteuid() == 0
    work = tempfile.mkdtemp(prefix="gw-cage-")
    p = None
    try:
        os.chmod(work, 0o755)
        exe = os.path.join(work, "groundwork")
        shutil.copy2(EXE, exe)
        data = os.path.join(work, "data")
        src = os.environ["GROUNDWORK_DATA_DIR"]
        for sub in ("content", "fonts", "assets", "locale"):
            if os.path.isdir(os.path.join(src, sub)):
                shutil.copytree(os.path.join(src, sub), os.path.join(data, sub), symlinks=True)
        for dirpath, dirs, files in os.walk(work):
            for n in dirs:
                os.chmod(os.path.join(dirpath, n), 0o755)
            for n in files:
                os.chmod(os.path.join(dirpath, n), 0o755 if n == "groundwork" else 0o644)
        home, runtime = os.path.join(work, "home"), os.path.join(work, "runtime")
        for d in (home, runtime):
            os.makedirs(d)
            if root:
                os.chown(d, NOBODY, NOBODY)
        os.chmod(runtime, 0o700)
        trace, flog = os.path.join(home, "trace.jsonl"), os.path.join(home, "frames.log")
        env = {k: v for k, v in os.environ.items()
               if k not in ("DISPLAY", "WAYLAND_DISPLAY", "SDL_VIDEODRIVER", "XDG_CONFIG_HOME", "XDG_DATA_HOME",
                            "XDG_STATE_HOME")}
        env.update(HOME=home, XDG_RUNTIME_DIR=runtime, WLR_BACKENDS="headless", WLR_RENDERER="pixman",
                   WLR_LIBINPUT_NO_DEVICES="1", SDL_VIDEODRIVER="wayland", SDL_AUDIODRIVER="dummy",
                   GROUNDWORK_DATA_DIR=data, GW_FRAME_LOG=flog)
        as_user = ["setpriv", f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups"] if root else []
        errf = open(os.path.join(work, "stderr.txt"), "w+")
        p = subprocess.Popen(as_user + ["cage", "-d", "--", exe, "--kiosk", "--trace", trace], env=env, cwd=work,
                             stdout=subprocess.DEVNULL, stderr=errf, start_new_session=True)
        end = time.monotonic() + LIMIT
        while time.monotonic() < end and not any(e["event"] == "scene" and e.get("name") == "attract"
                                                 for e in events(trace)):
            if p.poll() is not None:
                break
            time.sleep(0.1)
        errf.seek(0)
        err = errf.read()
        if not any(e["event"] == "start" for e in events(trace)):
            if "cannot draw" in err or "groundwork:" in err:
                fail(f"the kiosk did not start under cage:\n{err}")
            skip(f"cage cannot start here:\n{err[-2000:]}")
        if "frames are sent with wl_shm" not in err:
            fail(f"the kiosk under cage does not send its frames through wl_shm:\n{err}")
        print("ok: the kiosk runs under cage as a native Wayland client (frames through wl_shm)")
        time.sleep(1.0)
        genv = dict(env, WAYLAND_DISPLAY="wayland-0")
        shots = []
        cpu0 = None
        # cage repaints its output when it gets to it (on a loaded machine the picture can
        # stand still for seconds, for SDL's own OpenGL frames as much as for ours): shots
        # every 0.5 s, for up to 15 s, until one is the attract screen and a later one differs
        def shot():
            r = subprocess.run(as_user + ["grim", "-t", "ppm", "-"], env=genv, capture_output=True, timeout=LIMIT)
            if r.returncode != 0:
                fail(f"grim: {r.stderr.decode(errors='replace')}")
            return ppm(r.stdout)

        def attract(img):
            w, h, _ = img
            corners = [px(img, 5, 5), px(img, w - 6, h - 6), px(img, 5, h - 6)]
            centre = px(img, int(w * 0.26), int(h * 0.42))  # the orb, beside the exercises
            bg = corners[0]
            ok = (all(near(c, bg) for c in corners) and sum(bg) > 30 and bg[2] > bg[0] and
                  not near(centre, bg, 40) and centre[2] > 150)
            return ok, bg, centre, corners

        a, changed, last = None, [], None
        end = time.monotonic() + 15
        while time.monotonic() < end and not changed:
            img = shot()
            last = img
            if a is None:
                if attract(img)[0]:
                    a = img
            else:
                w, h, _ = a
                changed = [(x, y) for y in range(0, h, 4) for x in range(0, w, 4) if px(a, x, y) != px(img, x, y)]
            time.sleep(0.5)
        if a is None:
            ok, bg, centre, corners = attract(last)
            fail(f"no screenshot in 15 s is the attract screen: corners {corners}, centre {centre}")
        w, h, _ = a
        _, bg, centre, _ = attract(a)
        print(f"ok: grim sees the attract screen ({w}x{h}: background {bg}, orb {centre})")
        if not changed:
            fail("the screenshots over 15 s are all the same: the attract screen does not move")
        xs = [x for x, _ in changed]
        ys = [y for _, y in changed]
        print(f"ok: the attract orb moves ({len(changed)} of {(w // 4) * (h // 4)} sampled pixels changed, "
              f"within x {min(xs)}-{max(xs)}, y {min(ys)}-{max(ys)})")
        # the kiosk's CPU over 5 s of its attract screen
        pid = None
        for entry in os.listdir("/proc"):
            if entry.isdigit():
                try:
                    with open(f"/proc/{entry}/cmdline", "rb") as f:
                        if f.read().split(b"\0")[0] == exe.encode():
                            pid = int(entry)
                except OSError:
                    pass
        if pid:
            def ticks():
                with open(f"/proc/{pid}/stat") as f:
                    s = f.read().rsplit(")", 1)[1].split()
                return int(s[11]) + int(s[12])
            t0, c0 = time.monotonic(), ticks()
            time.sleep(5)
            cpu0 = (ticks() - c0) / os.sysconf("SC_CLK_TCK") / (time.monotonic() - t0)
            print(f"measured: the kiosk under cage (pixman) uses {100 * cpu0:.1f}% of a core on its attract screen")
        # SIGTERM to the kiosk ends it cleanly (cage then ends with its client)
        if pid:
            os.kill(pid, signal.SIGTERM)
        try:
            p.wait(timeout=LIMIT)
        except subprocess.TimeoutExpired:
            fail("cage did not end after the kiosk was stopped")
        ex = [e for e in events(trace) if e["event"] == "exit"]
        if not ex or ex[-1].get("reason") != "signal":
            fail(f"the kiosk did not end cleanly on SIGTERM: {ex}")
        print("ok: SIGTERM ends the kiosk cleanly, and cage with it")
        frames = []
        with open(flog) as f:
            for line in f:
                parts = line.split()
                if len(parts) == 4 and parts[2] == "1":
                    frames.append(int(parts[3]))
        if len(frames) > 3:
            later = sorted(frames[1:])
            print(f"measured: {len(frames)} frames, median dirty area {later[len(later) // 2]} px of {w * h}")
    finally:
        if p and p.poll() is None:
            os.killpg(p.pid, signal.SIGKILL)
            p.wait()
        shutil.rmtree(work, ignore_errors=True)


main()
