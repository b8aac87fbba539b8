"""What the trust checks of a collection's sidecars cost: prints a table, asserts nothing.

    mkdir -p /tmp/trust-main && git archive main | tar -x -C /tmp/trust-main
    nice .venv/bin/python benchmarks/bench_trust_open.py --code main=/tmp/trust-main --code branch=. --events 1000000

Writes one synthetic Parquet collection of N events (``write_synthetic_collection``: with its count
tables and sidecar search index) under ``--data``, then, for each ``--code LABEL=DIR`` (its
``viewer`` first on ``sys.path``, one process each, one after the other), times opening it
(``DuckStore``: the count totals and, on the branch, 8 random buckets counted again and 16 random
rows checked against the search index), the median of ``--repeat`` openings, and what ``validate``
adds to its row checks for the sidecars (``check_count_totals(every_width=True)``, and on the
branch ``check_search_index(every_row=True)``).  Compare the codes within one run (the machine is
shared).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_codes import add_options, codes_and_collection, run_code  # noqa: E402

_ONE = """
import statistics, sys, time
from viewer.io.duckstore import DuckStore
times = []
for _ in range(int(sys.argv[2])):
    t = time.perf_counter()
    store = DuckStore(sys.argv[1])
    times.append(time.perf_counter() - t)
    note = store.index_note
    store.close()
store = DuckStore(sys.argv[1])
t = time.perf_counter()
store.check_count_totals(every_width=True)
if hasattr(store, "check_search_index"):
    store.check_search_index(every_row=True)
full = time.perf_counter() - t
print(f"{statistics.median(times) * 1000:.0f} {full:.2f} {int(bool(note or store.index_note))}")
store.close()
"""


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    add_options(p, "/tmp/trust-bench")
    p.add_argument("--repeat", type=int, default=5)
    args = p.parse_args()
    codes, target = codes_and_collection(args)
    print("| code | events | open, median (ms) | validate's sidecar checks (s) | sidecar dropped |\n"
          "|---|---|---|---|---|", flush=True)
    for label, folder in codes:
        words = run_code(label, folder, _ONE, str(target), str(args.repeat))
        if words is None:
            continue
        ms, full, dropped = words
        print(f"| {label} | {args.events:,} | {ms} | {full} | {'yes' if dropped == '1' else 'no'} |", flush=True)


if __name__ == "__main__":
    main()
