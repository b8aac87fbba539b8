"""Benchmark: present mode on the GUI thread — opening a story, a step, a resize.

Usage::

    QT_QPA_PLATFORM=offscreen python benchmarks/bench_present.py
    # the code of another checkout in the same run (before / after):
    python benchmarks/bench_present.py --code main=/tmp/main-src --code branch=.

Each row runs in a fresh process per code (``PYTHONPATH`` = that checkout), offscreen, no
animation, every action followed by a paint of the whole window (``grab``):

* ``open, bundled``: :class:`~viewer.ui.present.PresentWindow` on the bundled timeline's story,
  made, shown at 1920x1080 and painted (the first step);
* ``open, 300 steps``: the same for a 300-step story of the synthetic file of N events (a step
  every N/300 events in time order: the story a collection's default may have);
* ``step, bundled`` / ``step, N``: the next step (the bundled story's twelve steps in turn; ten
  steps of N events at noon of a burst day, as ``bench_interact.py``'s ``story step``);
* ``resize, bundled`` / ``resize, 300 steps``: the window between about 1920x1080 and 1366x768,
  a few pixels wider or narrower each time (``screen_height`` fixed as on a wall: the type keeps
  its size), until painted.

Cells are *median / worst* milliseconds (*n* repetitions).  No timing is asserted anywhere.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_codes import add_child_options, child_result, code_folders  # noqa: E402

CASES = ("open_bundled", "step_bundled", "resize_bundled", "open_300", "resize_300", "step_n")
LABELS = {"open_bundled": "open, bundled", "step_bundled": "step, bundled", "resize_bundled": "resize, bundled",
          "open_300": "open, 300 steps", "resize_300": "resize, 300 steps", "step_n": "step"}


def _stats(times: list[float]) -> dict:
    return {"median": statistics.median(times), "worst": max(times), "n": len(times)}


def run_child(case: str, path: str | None, reps: int) -> dict:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from viewer.app import bundled_timeline_path
    from viewer.io import read_timeline
    from viewer.model.story import Story, StoryStep
    from viewer.ui.present import PresentWindow

    app = QApplication.instance() or QApplication([])
    tl = read_timeline(path or bundled_timeline_path())
    cols = tl.columns
    if case.endswith("bundled"):
        story = tl.stories[0]
    elif case == "step_n":
        import numpy as np

        from viewer.model.synthetic import BURST_DAYS, YEAR_START

        x = YEAR_START + BURST_DAYS[1] * 86400 + 12 * 3600 - cols.origin_epoch_s
        rows = np.flatnonzero((cols.kind == 0) & (np.abs(cols.xm - x) < 1800))
        rows = rows[:: max(1, len(rows) // 10)][:10]
        story = Story("Bench", tuple(StoryStep(cols.ids[int(r)]) for r in rows))
    else:
        import numpy as np

        order = np.argsort(cols.xm, kind="stable")
        story = Story("Bench", tuple(StoryStep(cols.ids[int(r)]) for r in order[:: max(1, len(order) // 300)][:300]))

    def make():
        pw = PresentWindow(tl, story, animation_ms=0, screen_height=1080)
        pw.resize(1920, 1080)
        pw.show()
        app.processEvents()
        pw.grab()
        return pw

    times = []
    if case.startswith("open"):
        for _ in range(reps):
            t0 = time.perf_counter()
            pw = make()
            times.append((time.perf_counter() - t0) * 1000)
            pw.close()
            pw.deleteLater()
            app.processEvents()
        return _stats(times)
    pw = make()
    for k in range(reps):
        t0 = time.perf_counter()
        if case.startswith("step"):
            if pw.presentation.index + 1 >= pw.presentation.count:
                pw.presentation.first()
            else:
                pw.presentation.next()
        else:
            # a new width each time (a window edge dragged, another projector): nothing cached for it
            pw.resize(*((1366 + 37 * k, 768) if k % 2 == 0 else (1920 - 29 * k, 1080)))
        app.processEvents()
        pw.grab()
        times.append((time.perf_counter() - t0) * 1000)
    pw.close()
    return _stats(times)


def _spawn(code: str, case: str, path: Path | None, reps: int) -> dict:
    result = child_result(__file__, code, [case, "--reps", str(reps)] + (["--one-file", str(path)] if path else []))
    assert result is not None  # (no timeout)
    return result


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    add_child_options(p, "run")
    p.add_argument("--n", type=int, default=100_000, help="events of the synthetic file (step row)")
    p.add_argument("--n300", type=int, default=10_000, help="events of the synthetic file of the 300-step story")
    p.add_argument("--reps", type=int, default=8)
    p.add_argument("--only", nargs="+", choices=CASES)
    args = p.parse_args(argv)
    if args.child:
        print("RESULT " + json.dumps(run_child(args.child, args.one_file, args.reps)), flush=True)
        return 0
    here = str(Path(__file__).resolve().parent.parent)
    codes = code_folders(args.code, f"this={here}")
    folder = Path(args.data)
    folder.mkdir(parents=True, exist_ok=True)
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from bench_render import data_file  # the synthetic files are written with this checkout's code

    cases = args.only or CASES
    files = {"step_n": data_file(folder, args.n) if "step_n" in cases else None}
    if {"open_300", "resize_300"} & set(cases):
        files["open_300"] = files["resize_300"] = data_file(folder, args.n300)
    load = os.getloadavg()
    print(f"offscreen, screen height 1080, {args.reps} repetitions; load average at start {load[0]:.2f}\n")
    print("ms, median / worst\n")
    print("| case | " + " | ".join(label for label, _ in codes) + " |")
    print("|---|" + "---|" * len(codes))
    for case in cases:
        name = LABELS[case] + (f", {args.n:,} events" if case == "step_n" else "")
        if case in ("open_300", "resize_300"):
            name += f" ({args.n300:,} events)"
        cells = []
        for _label, code in codes:
            r = _spawn(code, case, files.get(case), args.reps)
            cells.append(f"{r['median']:.0f} / {r['worst']:.0f}")
        print(f"| {name} | " + " | ".join(cells) + " |", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
