"""Benchmark: one edit (move an event) and its undo, at 1e4..1e6 events.

Usage::

    python benchmarks/bench_edit.py [--sizes 10000 100000 1000000] [--repeat 50]

Uses the synthetic files of ``bench_render.py`` (``viewer.model.synthetic``,
written into ``--data`` if absent, read lazily with their ``.tvcache``).  For
each size: the time to open the file and make the editing document (copies
the columns once), then ``--repeat`` times: move one event (a random one, to a
random second of 2022, on its own track: :func:`viewer.model.commands.move_event`
pushed on an :class:`~viewer.model.editing.EditStack`, with the native
reader's checks) and undo it.  Prints median and worst milliseconds of each;
the first move (it builds the id -> position index) is printed apart.
Wall-clock on a shared machine: the load average is printed.  Nothing is asserted.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    p.add_argument("--repeat", type=int, default=50)
    p.add_argument("--data", default=os.path.join(os.environ.get("TMPDIR", "/tmp"), "timeline-bench"))
    args = p.parse_args(argv)

    import numpy as np

    from bench_render import data_file
    from viewer.io.native import read_native
    from viewer.io.native_rules import NATIVE_RULES
    from viewer.model import commands as C
    from viewer.model.dates import EventDate
    from viewer.model.editing import EditStack

    folder = Path(args.data)
    folder.mkdir(parents=True, exist_ok=True)
    print(f"load average {os.getloadavg()[0]:.2f}")
    print(f"{'events':>10} {'open s':>7} {'document s':>10} {'first move ms':>13} "
          f"{'move median':>11} {'move worst':>10} {'undo median':>11} {'undo worst':>10}")
    rng = np.random.default_rng(7)
    for n in args.sizes:
        path = data_file(folder, n)
        t = time.perf_counter()
        tl = read_native(path)
        t_open = time.perf_counter() - t
        t = time.perf_counter()
        stack = EditStack(tl, NATIVE_RULES)
        t_doc = time.perf_counter() - t
        moves, undos, first = [], [], None
        for k in range(args.repeat + 1):
            i = int(rng.integers(0, n))
            ev = stack.document.events[i]
            when = 1640995200 + int(rng.integers(0, 365 * 86400))
            date = EventDate(time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(when)))
            end = None
            if ev.end is not None:
                end = EventDate(time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(when + 3600)))
            cmd = C.move_event(ev, date, end)
            t = time.perf_counter()
            stack.push(cmd)
            dt_move = (time.perf_counter() - t) * 1000
            t = time.perf_counter()
            stack.undo()
            dt_undo = (time.perf_counter() - t) * 1000
            if k == 0:
                first = dt_move
            else:
                moves.append(dt_move)
                undos.append(dt_undo)
        print(f"{n:>10,} {t_open:>7.2f} {t_doc:>10.2f} {first:>13.1f} {statistics.median(moves):>11.1f} "
              f"{max(moves):>10.1f} {statistics.median(undos):>11.1f} {max(undos):>10.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
