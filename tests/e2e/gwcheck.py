"""Explicit failures for the Python checkers.

`assert` is stripped when Python runs optimised (PYTHONOPTIMIZE=1, python -O), so a
checker written with it passes whatever the program does. `require` always runs: a
condition that does not hold prints what was wanted and ends the checker with status 1
(SystemExit, which an `except Exception` around the check does not swallow)."""
import sys


def require(cond, what="a check failed"):
    if not cond:
        print("FAIL:", what, flush=True)
        sys.exit(1)
    return cond
