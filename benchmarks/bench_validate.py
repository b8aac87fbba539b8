"""How fast ``validate`` reads a collection's rows: prints a table, asserts nothing.

    mkdir -p /tmp/x-main && git archive main | tar -x -C /tmp/x-main
    .venv/bin/python benchmarks/bench_validate.py --code main=/tmp/x-main --code branch=. --events 100000

Writes one synthetic Parquet collection of N events (``write_synthetic_collection``, with the
first ``--code``'s writer) under ``--data``, then, for each ``--code LABEL=DIR`` (its ``viewer``
package first on ``sys.path``, one process each, run one after the other), times
:func:`viewer.io.collection_check.collection_problems` on it: every row's json and time columns,
the aggregate queries.  Compare the codes within one run (the machine is shared).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_codes import add_options, codes_and_collection, run_code  # noqa: E402

_ONE = """
import sys, time
from viewer.io.duckstore import DuckStore
from viewer.io.collection_check import collection_problems
store = DuckStore(sys.argv[1])
t = time.perf_counter()
found = collection_problems(store)
dt = time.perf_counter() - t
print(f"{dt:.2f} {store.n_events / dt:.0f} {len(found)}")
store.close()
"""


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    add_options(p, "/tmp/rowdates-bench")
    args = p.parse_args()
    codes, target = codes_and_collection(args)
    print("| code | events | validate's row checks (s) | rows/s | problems |\n|---|---|---|---|---|", flush=True)
    for label, folder in codes:
        words = run_code(label, folder, _ONE, str(target))
        if words is None:
            continue
        seconds, rate, problems = words
        print(f"| {label} | {args.events:,} | {seconds} | {int(rate):,} | {problems} |", flush=True)


if __name__ == "__main__":
    main()
