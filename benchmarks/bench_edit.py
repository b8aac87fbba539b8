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

Then the window (offscreen Qt, 1366x768, ``--window-sizes``): an edit (move
one event) pushed on the window's undo stack until the timeline is repainted
(background derivation of the shown timeline waited for), before/after in
the same run: "full" announces the edit as a new timeline
(``sigTimelineChanged``, every view rebuilt, as before the edited path),
"edited" as ``sigTimelineEdited`` (views updated in place).
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
    p.add_argument("--window-sizes", type=int, nargs="*", default=[100_000, 1_000_000])
    p.add_argument("--window-repeat", type=int, default=10)
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
    if args.window_sizes:
        window_table(folder, args.window_sizes, args.window_repeat)
    return 0


def window_table(folder: Path, sizes: list[int], repeat: int) -> None:
    """Print edit -> repaint done in the window, full path vs edited path (ms)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    import numpy as np
    from PySide6.QtWidgets import QApplication

    from bench_render import data_file
    from viewer.app import _load
    from viewer.io.native import read_native
    from viewer.model import commands as C
    from viewer.model.dates import EventDate
    from viewer.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    print()
    print(f"window: edit -> repaint done, ms (median / worst of {repeat})")
    print(f"{'events':>10} {'full median':>11} {'full worst':>10} {'edited median':>13} {'edited worst':>12}")
    rng = np.random.default_rng(11)
    real = C.edited_event_ids
    for n in sizes:
        path = data_file(folder, n)
        w = MainWindow(read_native(path), _load, str(path))
        w.resize(1366, 768)
        w.show()
        for _ in range(20):
            app.processEvents()

        def edit(w=w, n=n) -> float:
            ev = w.authoring.timeline.events[int(rng.integers(0, n))]
            when = 1640995200 + int(rng.integers(0, 365 * 86400))
            date = EventDate(time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(when)))
            end = None if ev.end is None else EventDate(time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(when + 3600)))
            t = time.perf_counter()
            w.authoring.push(C.move_event(ev, date, end))
            while w.shown.deriving():  # a large shown timeline is derived in the background
                time.sleep(0.001)
                app.processEvents()
            w.view.viewport().repaint()  # the one paint that shows the edit
            return (time.perf_counter() - t) * 1000

        out = {}
        for name, ids in (("full", lambda _cmd: None), ("edited", real)):
            C.edited_event_ids = ids  # "full": every edit announced as a new timeline
            edit()  # warm: the first edit makes the document
            out[name] = [edit() for _ in range(repeat)]
        C.edited_event_ids = real
        print(f"{n:>10,} {statistics.median(out['full']):>11.1f} {max(out['full']):>10.1f} "
              f"{statistics.median(out['edited']):>13.1f} {max(out['edited']):>12.1f}")
        w.authoring.undo_stack.clear()
        w.close()
        w.deleteLater()
        app.processEvents()


if __name__ == "__main__":
    raise SystemExit(main())
