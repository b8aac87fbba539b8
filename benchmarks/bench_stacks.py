"""Cost of finding same-instant stacks (viewer.model.stacks) per frame.

For one lane of N events (half at one instant, the rest spread over a day)
it prints the time of ``largest_stacks`` over the whole view (run once per
view change, for each density strip) and of ``next_in_stack`` (one click).
Run: ``.venv/bin/python benchmarks/bench_stacks.py``.  Nothing is asserted.
"""

from __future__ import annotations

import os
import time

import numpy as np

from viewer.model.columns import KIND_POINT, DateArrays, EventColumns
from viewer.model.dates import Precision
from viewer.model.stacks import largest_stacks, next_in_stack


def columns(n: int) -> EventColumns:
    """One lane of ``n`` points to the second: half at 10:00, the rest over the day."""
    rng = np.random.default_rng(7)
    t = np.where(np.arange(n) < n // 2, 36000.0, rng.uniform(0, 86400, n).round()) + 1644451200.0
    no = np.zeros(n, dtype=bool)
    prec = np.full(n, int(Precision.SECOND), dtype=np.int8)
    return EventColumns.from_dates(DateArrays(
        ids=[f"e{i}" for i in range(n)], lane=np.zeros(n, np.int64), kind=np.full(n, KIND_POINT),
        start_earliest=t, start_latest=t + 1, start_precision=prec, start_uncertain=no, start_approximate=no,
        has_end=no, end_earliest=t, end_latest=t + 1, end_precision=prec, end_uncertain=no, end_approximate=no,
        sort_point=t, n_lanes=1))


def main() -> int:
    print(f"load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores")
    print(f"{'events':>9} {'largest_stacks ms':>18} {'next_in_stack ms':>17}")
    for n in (10_000, 100_000, 1_000_000):
        cols = columns(n)
        t = time.perf_counter()
        lo, hi = cols.extent()
        stacks = largest_stacks(cols, 0, lo, hi)
        a = (time.perf_counter() - t) * 1000
        t = time.perf_counter()
        next_in_stack(cols, 0, None)
        b = (time.perf_counter() - t) * 1000
        assert stacks and stacks[0][1] == n // 2
        print(f"{n:>9} {a:>18.2f} {b:>17.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
