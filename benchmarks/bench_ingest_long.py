"""Ingest of an article that is one long sentence (breakit5's long.txt form): prints a table, asserts nothing.

Each code tree ingests, in a fresh process, an article of one sentence of N characters ("The minister
said on Monday that very very … long talks happened."), made here (nothing is written to disk).  pysbd
0.3.4 re-ran a whole-text substitution for every word that begins like an abbreviation, so this was
quadratic (50,000 characters: 48.6 s on main).

Run: ``.venv/bin/python benchmarks/bench_ingest_long.py --code main=/work/main --code branch=.``
(``--sizes 5000,20000,50000``; each run stops after ``--timeout`` seconds).
"""

from __future__ import annotations

import argparse
import os
import pathlib
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parents[1]

_CODE = """
import sys, time
from viewer.ingest import ingest_text
n = int(sys.argv[1])
head = "Published 14 June 2023\\nThe minister said on Monday that "
body = head + "very " * ((n - len(head)) // 5) + "long talks happened.\\n"
ingest_text("Published 14 June 2023\\nHe said on Monday that it was.")  # pysbd's rules compiled first
t = time.perf_counter()
r = ingest_text(body)
print(time.perf_counter() - t, len(r.sentences), len(r.timeline.events), r.timeline.events[0].start.edtf)
"""


def run(path: str, n: int, timeout: float) -> str:
    env = dict(os.environ, PYTHONPATH=str(pathlib.Path(path).resolve()))
    try:
        out = subprocess.run([sys.executable, "-c", _CODE, str(n)], capture_output=True, text=True, env=env,
                             cwd=path, timeout=timeout, check=True).stdout.split()
    except subprocess.TimeoutExpired:
        return f"> {timeout:.0f} s (stopped)"
    except subprocess.CalledProcessError as exc:
        return "failed: " + (exc.stderr.strip().splitlines() or ["?"])[-1][:60]
    return f"{float(out[0]):.2f} s ({out[1]} sentences, {out[2]} draft, {out[3]})"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--code", action="append", default=[], metavar="NAME=PATH",
                    help="a code tree to measure (repeatable; default: this one)")
    ap.add_argument("--sizes", default="5000,10000,20000", help="sentence lengths in characters")
    ap.add_argument("--timeout", type=float, default=120.0)
    args = ap.parse_args()
    codes = [c.split("=", 1) for c in args.code] or [["this tree", str(ROOT)]]
    sizes = [int(x) for x in args.sizes.split(",")]
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    title = f"Ingest of one sentence of N characters (load average {load:.1f})"
    print(f"\n{title}\n{'-' * len(title)}")
    print("  " + "characters".ljust(12) + "".join(name.ljust(44) for name, _ in codes))
    for n in sizes:
        print("  " + f"{n:,}".ljust(12) + "".join(run(path, n, args.timeout).ljust(44) for _, path in codes),
              flush=True)


if __name__ == "__main__":
    main()
