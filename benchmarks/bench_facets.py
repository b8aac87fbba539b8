"""Benchmark: how long the Filters tab takes to count its facets, 1e5..1e6 events.

Usage::

    QT_QPA_PLATFORM=offscreen python benchmarks/bench_facets.py [--sizes 100000 1000000] [--panel]

Uses the synthetic files of ``bench_render.py`` (written into ``--data`` if
absent, read with their cache in the per-user cache folder when present).  For each size it prints
the time to load the file, then the time of the four ``facet_counts`` calls a
fill of the Filters tab makes (actors, sources, source kinds, tags), first
with no filter (this includes building the facet codes once) and then with one
track hidden and a date range, and the time ``apply_filters`` takes to derive
the shown timeline (with its columns) for that filter; ``--panel``
also times ``FilterPanel.fill`` in a main window shown offscreen (tracks,
facets, date range, summary).  Wall-clock on a possibly shared machine: the
load average is printed.  Nothing is asserted.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))


def _time(fn, repeat: int = 1) -> float:
    best = float("inf")
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t)
    return best


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--sizes", type=int, nargs="+", default=[100_000, 1_000_000])
    p.add_argument("--data", default=os.path.join(os.environ.get("TMPDIR", "/tmp"), "timeline-bench"))
    p.add_argument("--panel", action="store_true", help="also time FilterPanel.fill in a window")
    args = p.parse_args(argv)

    from bench_render import data_file
    from viewer.io import read_timeline
    from viewer.model.filters import FACETS, FilterState, apply_filters, facet_counts

    folder = Path(args.data)
    folder.mkdir(parents=True, exist_ok=True)
    print(f"load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores")
    print(f"{'events':>9} {'load s':>8} {'counts s':>9} {'filtered s':>10} {'apply s':>8} {'panel s':>8}")
    for n in args.sizes:
        path = data_file(folder, n)
        t0 = time.perf_counter()
        tl = read_timeline(str(path))
        load = time.perf_counter() - t0
        lo, hi = tl.finite_extent()
        filtered = FilterState(date_range=(lo, (lo + hi) / 2)).with_track_hidden(tl.tracks[0].id, True)
        counts = _time(lambda tl=tl: [facet_counts(tl, FilterState(), f) for f in FACETS])
        counts_f = _time(lambda tl=tl, filtered=filtered: [facet_counts(tl, filtered, f) for f in FACETS])
        apply = _time(lambda tl=tl, filtered=filtered: apply_filters(tl, filtered).columns)
        panel = float("nan")
        if args.panel:
            from PySide6.QtWidgets import QApplication

            from viewer.ui.main_window import MainWindow

            app = QApplication.instance() or QApplication([])
            w = MainWindow(tl, read_timeline, str(path))
            w.resize(1600, 900)
            w.show()
            app.processEvents()
            panel = _time(w.filter_panel.fill)
            w.close()
        print(f"{n:>9} {load:>8.2f} {counts:>9.3f} {counts_f:>10.3f} {apply:>8.3f} {panel:>8.3f}", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
