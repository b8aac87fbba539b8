"""What starting the app costs in imports, per kind of file opened: prints a table, asserts nothing.

    mkdir -p /tmp/x-main && git archive main | tar -x -C /tmp/x-main
    nice -n 19 .venv/bin/python benchmarks/bench_startup.py --code main=/tmp/x-main --code branch=. \\
        --target /data/synthetic-100000000.duckdb --rounds 3

For each round and each ``--code LABEL=DIR`` (its ``viewer`` first on ``sys.path``; the codes
alternate first and second from round to round), one fresh process per *path*:

* ``collection``: ``python -X importtime -m viewer TARGET --screenshot OUT.png``, the window on a
  collection drawn offscreen and written (``--target``; nothing is written to it);
* ``bundled``: the same on the bundled timeline (the native reader's path);
* ``help``: ``python -X importtime -m viewer --help``.

Columns: *process s*, the whole process (start to exit, the picture written); *imports s*,
the sum of every module's own import time (``-X importtime``'s self column, so imports inside
functions count too); then the own times of groups of packages: *Qt* (PySide6, shiboken6,
pyqtgraph), *numpy*, *duckdb*, *schema/dates* (jsonschema and what it imports: referencing,
attrs, rpds...; edtf, pyparsing, dateutil), *other formats* (icalendar, the viewer's CSV,
iCalendar, ACLED, TimelineJS and vis modules), *viewer* (every ``viewer.*`` module's own time).
``-X importtime`` slows imports a little, in every code alike.

Bytecode: each code's ``viewer`` package is compiled first (``compileall``, as installing the
wheel does), because with ``PYTHONDONTWRITEBYTECODE=1`` (set on the project's build machine) every
process would compile the viewer's ~100 modules from source again (about 1 s at load 6, counted
in *viewer s*); ``--source`` measures that way instead.  Wall-clock on a shared machine:
compare the codes within one run (the load average is printed).
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

GROUPS = {
    "Qt": ("PySide6", "shiboken6", "shibokensupport", "pyqtgraph"),
    "numpy": ("numpy",),
    "duckdb": ("duckdb", "_duckdb"),
    "schema/dates": ("jsonschema", "jsonschema_specifications", "referencing", "attr", "attrs", "rpds",
                     "edtf", "pyparsing", "dateutil"),
    "other formats": ("icalendar", "viewer.io.ical", "viewer.io.csvgeneric", "viewer.io.acled",
                      "viewer.io.timelinejs", "viewer.io.vistimeline", "viewer.io.timelinejs_write"),
}
_LINE = re.compile(r"import time:\s+(\d+) \|\s+\d+ \|\s*(\S+)")


def _group(module: str) -> str:
    for name, prefixes in GROUPS.items():
        if any(module == p or module.startswith(p + ".") for p in prefixes):
            return name
    return "viewer" if module.split(".")[0] == "viewer" else "rest"


def measure(folder: str, args: list[str]) -> tuple[float, Counter[str]] | None:
    """(process seconds, own import microseconds per group) of ``python -X importtime -m viewer ARGS``."""
    env = dict(os.environ, PYTHONPATH=str(Path(folder).resolve()), QT_QPA_PLATFORM="offscreen")
    t = time.perf_counter()
    done = subprocess.run([sys.executable, "-X", "importtime", "-m", "viewer", *args], capture_output=True,
                          text=True, env=env, cwd=str(Path(folder).resolve()))
    seconds = time.perf_counter() - t
    if done.returncode not in (0,):
        print(f"{folder} {' '.join(args)}: exit {done.returncode}\n{done.stderr[-2000:]}", file=sys.stderr)
        return None
    groups: Counter[str] = Counter()
    for m in _LINE.finditer(done.stderr):
        groups[_group(m.group(2))] += int(m.group(1))
        groups["all"] += int(m.group(1))
    return seconds, groups


def compile_codes(folders: list[str]) -> None:
    """Write the ``__pycache__`` bytecode of each folder's ``viewer`` package, as a wheel install does."""
    for folder in folders:
        subprocess.run([sys.executable, "-m", "compileall", "-q", str(Path(folder).resolve() / "viewer")],
                       check=True, env={k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"})
    print(f"bytecode compiled (compileall) in {', '.join(folders)}")


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--code", action="append", required=True, metavar="LABEL=DIR")
    p.add_argument("--target", help="a .parquet/.duckdb collection (read only) for the collection path")
    p.add_argument("--rounds", type=int, default=3)
    p.add_argument("--source", action="store_true", help="do not compile the viewer's bytecode first")
    p.add_argument("--paths", nargs="+", default=["collection", "bundled", "help"],
                   choices=("collection", "bundled", "help"))
    a = p.parse_args()
    codes = [c.split("=", 1) for c in a.code]
    if not a.source:
        compile_codes([folder for _, folder in codes])
    out = os.path.join(tempfile.mkdtemp(prefix="bench-startup-"), "shot.png")
    print("load average at start: {:.2f} {:.2f} {:.2f} (1/5/15 min)".format(*os.getloadavg()))
    cols = ["all", *GROUPS, "viewer"]
    print("| path | code | round | process s | imports s | " + " | ".join(c + " s" for c in cols[1:]) + " |")
    print("|---" * (5 + len(cols) - 1) + "|", flush=True)
    for path in a.paths:
        if path == "collection" and not a.target:
            continue
        argv = {"collection": [str(a.target), "--screenshot", out], "bundled": ["--screenshot", out],
                "help": ["--help"]}[path]
        for r in range(a.rounds):
            for label, folder in (codes if r % 2 == 0 else codes[::-1]):
                got = measure(folder, argv)
                if got is None:
                    continue
                seconds, groups = got
                print(f"| {path} | {label} | {r + 1} | {seconds:.2f} | "
                      + " | ".join(f"{groups[c] / 1e6:.2f}" for c in cols) + " |", flush=True)
    print("load average at end: {:.2f} {:.2f} {:.2f}".format(*os.getloadavg()))


if __name__ == "__main__":
    main()
