"""Reading the trace of a program that is still running (`--trace FILE`), for the tests
that start the live program: the events written so far, and waiting for one."""
import json
import time


def events(path):
    """The trace's complete lines so far as objects ([] while the file is not there)."""
    try:
        with open(path, encoding="utf-8") as f:
            return [json.loads(line) for line in f if line.strip().endswith("}")]
    except (FileNotFoundError, PermissionError):
        return []


def find(path, pred, limit, every=0.05):
    """The first event for which pred is true, waiting up to limit seconds; else None."""
    end = time.monotonic() + limit
    while True:
        for e in events(path):
            if pred(e):
                return e
        if time.monotonic() >= end:
            return None
        time.sleep(every)


def wait_for(path, pred, what, limit, fail):
    """As find, but fail(message) with the trace's last events when none comes."""
    e = find(path, pred, limit)
    if e is None:
        fail(f"no {what} in the trace within {limit:.0f} s ({path}):\n" +
             "\n".join(json.dumps(e) for e in events(path)[-40:]))
    return e
