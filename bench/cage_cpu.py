#!/usr/bin/env python3
"""make bench, under cage: the CPU of Groundwork's kiosk against Chromium's kiosk page,
each the only client of its own headless cage (WLR_BACKENDS=headless, the pixman
renderer, its own XDG_RUNTIME_DIR), as a clinic's unit runs it. Groundwork is a
native Wayland client (frames through wl_shm); Chromium uses --ozone-platform=wayland.
The figure is the CPU of the whole process tree, cage included, over SECONDS after a
WARMUP, as a fraction of one core; the two take turns for ROUNDS rounds and the median
is shown. cage refuses root: run as root, both run as nobody (setpriv).

usage: cage_cpu.py GROUNDWORK PAGE.html   (GROUNDWORK_DATA_DIR: the data folder)
Prints a Markdown table; exit 1 with "BENCH FAILED" when a kiosk could not be started,
or drew nothing (its frame log, for Groundwork)."""
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time

EXE, PAGE = sys.argv[1], sys.argv[2]
WARMUP = float(os.environ.get("WARMUP", "5"))
SECONDS = float(os.environ.get("SECONDS_MEASURED", "30"))
ROUNDS = int(os.environ.get("ROUNDS", "3"))
NOBODY = 65534
HZ = os.sysconf("SC_CLK_TCK")


def tree(pid):
    kids = {}
    for e in os.listdir("/proc"):
        if e.isdigit():
            try:
                with open(f"/proc/{e}/stat") as f:
                    ppid = int(f.read().rsplit(")", 1)[1].split()[1])
                kids.setdefault(ppid, []).append(int(e))
            except (OSError, ValueError, IndexError):
                pass
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        todo += kids.get(p, [])
    return out


def ticks(pids):
    s = 0
    for p in pids:
        try:
            with open(f"/proc/{p}/stat") as f:
                v = f.read().rsplit(")", 1)[1].split()
            s += int(v[11]) + int(v[12])
        except (OSError, IndexError, ValueError):
            pass
    return s


def shown(as_user, env):
    """Whether grim sees more than one colour on cage's output within 10 s (cage
    repaints when it gets to it: on a busy machine the first shots can be black)."""
    end = time.monotonic() + 10
    while time.monotonic() < end:
        r = subprocess.run(as_user + ["grim", "-t", "ppm", "-"], env=dict(env, WAYLAND_DISPLAY="wayland-0"),
                           capture_output=True, timeout=30)
        px = r.stdout[-1920 * 1080 * 3:]
        if len({px[i:i + 3] for i in range(0, len(px) - 3, 3 * 997)}) >= 3:
            return True
        time.sleep(0.5)
    return False


def run(name, argv, work, extra_env):
    """CPU (cores) of cage and its client over SECONDS after WARMUP; None if it died."""
    root = os.geteuid() == 0
    home, runtime = os.path.join(work, name, "home"), os.path.join(work, name, "runtime")
    for d in (home, runtime):
        os.makedirs(d, exist_ok=True)
        if root:
            os.chown(d, NOBODY, NOBODY)
    os.chmod(runtime, 0o700)
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "SDL_VIDEODRIVER")}
    env.update(HOME=home, XDG_RUNTIME_DIR=runtime, XDG_CONFIG_HOME=os.path.join(home, ".config"),
               XDG_DATA_HOME=os.path.join(home, ".local/share"), XDG_STATE_HOME=os.path.join(home, ".local/state"),
               WLR_BACKENDS="headless", WLR_RENDERER="pixman", WLR_LIBINPUT_NO_DEVICES="1",
               SDL_AUDIODRIVER="dummy", **extra_env)
    as_user = ["setpriv", f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups"] if root else []
    err = open(os.path.join(work, name + ".err"), "w")
    p = subprocess.Popen(as_user + ["cage", "-d", "--"] + argv, env=env, cwd=home, stdout=subprocess.DEVNULL,
                         stderr=err, start_new_session=True)
    try:
        time.sleep(WARMUP)
        if p.poll() is not None:
            return None
        if shutil.which("grim") and not shown(as_user, env):
            print(f"BENCH FAILED: {name} under cage shows a blank screen (grim, for 10 s)")
            return None
        pids = tree(p.pid)
        t0, c0 = time.monotonic(), ticks(pids)
        time.sleep(SECONDS)
        pids = tree(p.pid)
        c1, t1 = ticks(pids), time.monotonic()
        if len(pids) < 2:  # the client is gone: cage alone is no measure
            return None
        return (c1 - c0) / HZ / (t1 - t0)
    finally:
        if p.poll() is None:
            os.killpg(p.pid, signal.SIGKILL)
        p.wait()


def main():
    for tool in ("cage", "chromium"):
        if not shutil.which(tool):
            print(f"BENCH FAILED: {tool} is not installed")
            return 1
    work = tempfile.mkdtemp(prefix="gw-bench-cage-")
    os.chmod(work, 0o755)
    try:
        exe = os.path.join(work, "groundwork")
        shutil.copy2(EXE, exe)
        data = os.path.join(work, "data")
        src = os.environ["GROUNDWORK_DATA_DIR"]
        for sub in ("content", "fonts", "assets", "locale"):
            if os.path.isdir(os.path.join(src, sub)):
                shutil.copytree(os.path.join(src, sub), os.path.join(data, sub), symlinks=True)
        page = os.path.join(work, "pacer.html")
        shutil.copy2(PAGE, page)
        for dirpath, dirs, files in os.walk(work):
            for n in dirs:
                os.chmod(os.path.join(dirpath, n), 0o755)
            for n in files:
                os.chmod(os.path.join(dirpath, n), 0o755 if n == "groundwork" else 0o644)
        flog = os.path.join(work, "frames.log")
        if os.geteuid() == 0:
            open(flog, "w").close()
            os.chown(flog, NOBODY, NOBODY)
        g_env = dict(SDL_VIDEODRIVER="wayland", GROUNDWORK_DATA_DIR=data, GW_FRAME_LOG=flog)
        chromium = ["chromium", "--ozone-platform=wayland", "--kiosk", "--no-sandbox", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--disable-quic", "--user-data-dir=" + os.path.join(work, "chromium", "home", "profile"),
                    "file://" + page]
        g, a, c = [], [], []
        for _ in range(ROUNDS):
            g.append(run("pacer", [exe, "--kiosk", "--exercise", "box-breathing"], work, g_env))
            a.append(run("attract", [exe, "--kiosk"], work, g_env))
            c.append(run("chromium", chromium, work, {}))
        for name, v in (("Groundwork's kiosk pacer", g), ("Groundwork's attract screen", a), ("Chromium", c)):
            if any(x is None for x in v):
                errs = ""
                for n in ("pacer", "attract", "chromium"):
                    try:
                        with open(os.path.join(work, n + ".err")) as f:
                            errs += f"--- {n}:\n" + f.read()[-1500:]
                    except OSError:
                        pass
                print(f"BENCH FAILED: {name} did not run under cage\n{errs}")
                return 1
        with open(flog) as f:
            drawn = sum(1 for line in f if len(line.split()) >= 3 and line.split()[2] == "1")
        if drawn == 0:
            print("BENCH FAILED: Groundwork drew no frame under cage")
            return 1
        med = lambda v: sorted(v)[len(v) // 2]
        cm = med(c)
        print(f"Under cage (headless, pixman), {SECONDS:.0f} s after a {WARMUP:.0f} s warm-up, median of {ROUNDS} "
              f"rounds; CPU of the compositor and its client")
        print("| screen | Groundwork (cores) | Chromium --kiosk, Wayland (cores) | ratio | target |")
        print("| --- | --- | --- | --- | --- |")
        for label, v in (("kiosk pacer (box)", g), ("attract screen", a)):
            print(f"| {label} | {med(v):.3f} | {cm:.3f} | {med(v) / cm if cm > 0 else 0:.2f} | <= 0.20 |")
        print("CPU per round (pacer/attract/Chromium): " +
              ", ".join(f"{x:.3f}/{y:.3f}/{z:.3f}" for x, y, z in zip(g, a, c)))
        return 0
    finally:
        shutil.rmtree(work, ignore_errors=True)


sys.exit(main())
