"""Benchmark: ``timeline-viewer validate`` on CSVs of very many columns, this tree and another.

Usage::

    python benchmarks/bench_wide_csv.py [--other /work/main] [--widths 2000,5000,10000,100000]
                                        [--timeout 120]

Writes ``/tmp/widecsv-bench/wideN.csv`` (header ``c0..cN-1``, one row, a date in column 5:
the break-it tester's recipe) and runs ``python -m viewer validate`` on it with this tree's
code and, given ``--other``, with that tree's (main), one after the other, printing wall-clock
seconds, the exit code and the longest line of the report.  The machine may be shared: the load
average is printed.  Nothing is asserted.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent


def make(width: int) -> Path:
    folder = Path("/tmp/widecsv-bench")
    folder.mkdir(exist_ok=True)
    path = folder / f"wide{width}.csv"
    if not path.exists():
        path.write_text(",".join(f"c{i}" for i in range(width)) + "\n"
                        + ",".join("2022-02-10" if i == 5 else f"v{i}" for i in range(width)) + "\n")
    return path


def run(tree: Path, path: Path, timeout: float) -> str:
    env = dict(os.environ, PYTHONPATH=str(tree))
    start = time.perf_counter()
    try:
        got = subprocess.run([sys.executable, "-m", "viewer", "validate", str(path)], env=env, cwd=tree,
                             capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return f"{'> ' + str(timeout):>8} s  timed out"
    longest = max(map(len, (got.stdout + got.stderr).splitlines() or [""]))
    return f"{time.perf_counter() - start:8.1f} s  exit {got.returncode}, longest line {longest:,}"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--other", type=Path)
    ap.add_argument("--widths", default="2000,5000,10000,100000")
    ap.add_argument("--timeout", type=float, default=120)
    args = ap.parse_args()
    print(f"load average {os.getloadavg()[0]:.1f}")
    for width in map(int, args.widths.split(",")):
        path = make(width)
        print(f"{width:>7} columns  this tree: {run(HERE, path, args.timeout)}", flush=True)
        if args.other:
            print(f"{'':>7}          {args.other}: {run(args.other, path, args.timeout)}", flush=True)


if __name__ == "__main__":
    main()
