"""Benchmark: load, first paint, frame time, hit test and memory from 1e3 to 1e6 events.

Usage::

    QT_QPA_PLATFORM=offscreen python benchmarks/bench_render.py [--sizes 1000 10000 ...]

For each N it writes a deterministic synthetic native file (see
:mod:`viewer.model.synthetic`: fixed seed, 80 % points / 20 % spans, 20
tracks, one year with five burst days) and runs two fresh processes so that
memory and caches do not leak between measurements:

* ``cold``: native JSON file -> model ready with no cache (its file in the
  per-user cache folder removed)
  (the first opening of a file; it writes the columnar cache);
* ``warm``: the same with the cache present, then the window shown offscreen
  at 1920x1080 until its first complete frame (``QWidget.grab``), 40 zoom/pan
  steps from the whole year down to one hour inside a burst day and back,
  each timed as the full render of the timeline widget to an image
  (``QWidget.grab``), then ten clicks on drawn markers (or along a density
  strip) in a busy hour of a burst day: the hit test alone
  (``TimelineView.event_at``) and the whole click (hit test, selection in
  the view state, detail pane filled).

Peak memory is the process's maximum resident set size (``ru_maxrss``).
Timings are wall-clock on a possibly shared machine: the load average is
printed with the table.  No timing is asserted anywhere: this prints a table.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

DEFAULT_SIZES = (1_000, 10_000, 100_000, 1_000_000)
DAY = 86400.0


def _peak_rss_mb() -> float:
    kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return kb / 1024.0 if sys.platform != "darwin" else kb / 1024.0 / 1024.0


def data_file(folder: Path, n: int) -> Path:
    """The synthetic file for ``n`` events, written once per folder."""
    from viewer.model.synthetic import synthetic_timeline

    path = folder / f"synthetic-{n}.timeline.json"
    if not path.exists():
        tmp = path.with_suffix(".part")
        synthetic_timeline(n).write_native(str(tmp))
        tmp.replace(path)
    return path


def steps(lo: float, hi: float, burst_x: float) -> list[tuple[float, float]]:
    """40 views: the whole year, zooming into a burst day down to one hour
    (with pans along the way), then back out to the year."""
    views = []
    width = hi - lo
    centre = (lo + hi) / 2
    n_in = 20
    target = 3600.0
    for k in range(n_in):
        f = k / (n_in - 1)
        w = width * (target / width) ** f
        c = centre + (burst_x - centre) * min(1.0, 1.6 * f)
        if k % 4 == 3:  # a pan of a third of the view
            c += w / 3
        views.append((c - w / 2, c + w / 2))
    out = views[::-1]
    return views + [(a + (b - a) * 0.1, b + (b - a) * 0.1) if k % 3 == 1 else (a, b)
                    for k, (a, b) in enumerate(out)]


def run_cold(path: Path) -> dict:
    from viewer.io import read_timeline
    from viewer.io.bulk import cache_path

    cp = cache_path(str(path))
    if cp and os.path.exists(cp):
        os.remove(cp)
    t0 = time.perf_counter()
    tl = read_timeline(str(path))
    tl.columns  # noqa: B018 - model ready
    load = time.perf_counter() - t0
    return {"load_cold_s": load, "rss_cold_mb": _peak_rss_mb(), "cached": bool(cp) and os.path.exists(cp)}


def run_warm(path: Path) -> dict:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from viewer.io import read_timeline

    t0 = time.perf_counter()
    tl = read_timeline(str(path))
    cols = tl.columns
    load = time.perf_counter() - t0

    from PySide6.QtWidgets import QApplication

    from viewer.app import _load
    from viewer.model.synthetic import BURST_DAYS, YEAR_START

    app = QApplication.instance() or QApplication([])
    from viewer.ui.main_window import MainWindow

    t0 = time.perf_counter()
    window = MainWindow(tl, _load, str(path))
    window.resize(1920, 1080)
    window.show()
    app.processEvents()
    window.grab()
    first_paint = time.perf_counter() - t0

    view = window.view
    lo, hi = cols.extent()
    burst_x = YEAR_START + BURST_DAYS[1] * DAY + 12 * 3600 - cols.origin_epoch_s
    frames = []
    for a, b in steps(lo, hi, burst_x):
        t0 = time.perf_counter()
        view.set_x_range(a, b)
        view.grab()
        frames.append((time.perf_counter() - t0) * 1000)

    # hit test: click on drawn markers, in a busy hour of the burst day
    view.set_x_range(burst_x - 1800, burst_x + 1800)
    view.grab()
    hits, clicks, correct = [], [], 0
    frame = view.events_item._frame
    rows = frame.hit["row"].tolist()[::max(1, len(frame.hit["row"]) // 10)] if frame.hit is not None else []
    targets = [view.marker_scene_pos(cols.ids[r]) for r in rows]
    if not targets:  # every lane is a density strip: click along lane 3's strip
        top, bottom = frame.lanes[3]
        targets = [view.mapToScene(int(frame.left_px + k * (frame.right_px - frame.left_px) / 10),
                                   int((top + bottom) / 2)) for k in range(1, 10)]
    for pos in targets:
        view.grab()  # a painted frame, as when the user clicks
        t0 = time.perf_counter()
        eid = view.event_at(pos)  # the hit test alone
        hits.append((time.perf_counter() - t0) * 1000)
        t0 = time.perf_counter()
        view._on_click(pos)  # click -> selection in the state -> detail pane filled
        clicks.append((time.perf_counter() - t0) * 1000)
        correct += eid is not None and window.state.selected == eid
    frames.sort()
    return {
        "load_warm_s": load,
        "first_paint_s": first_paint,
        "frame_median_ms": statistics.median(frames),
        "frame_p95_ms": frames[int(round(0.95 * (len(frames) - 1)))],
        "frame_max_ms": frames[-1],
        "hit_ms": statistics.median(hits) if hits else float("nan"),
        "click_ms": statistics.median(clicks) if clicks else float("nan"),
        "hits": f"{correct}/{len(hits)}",
        "rss_warm_mb": _peak_rss_mb(),
    }


def _child(args: argparse.Namespace) -> int:
    path = Path(args.one_file)
    result = run_cold(path) if args.mode == "cold" else run_warm(path)
    print("RESULT " + json.dumps(result))
    return 0


def _spawn(mode: str, path: Path) -> dict:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    out = subprocess.run([sys.executable, __file__, "--mode", mode, "--one-file", str(path)],
                         capture_output=True, text=True, env=env, check=False)
    for line in out.stdout.splitlines():
        if line.startswith("RESULT "):
            return json.loads(line[7:])
    raise SystemExit(f"benchmark child failed ({mode}, {path}):\n{out.stdout}\n{out.stderr}")


def header() -> str:
    import numpy
    import pyqtgraph
    import PySide6
    from PySide6.QtCore import qVersion

    load = os.getloadavg() if hasattr(os, "getloadavg") else (float("nan"),) * 3
    return (f"machine: {platform.machine()}, {os.cpu_count()} CPUs, {platform.system()} {platform.release()}; "
            f"Python {platform.python_version()}, Qt {qVersion()}, PySide6 {PySide6.__version__}, "
            f"pyqtgraph {pyqtgraph.__version__}, numpy {numpy.__version__}; offscreen raster\n"
            f"load average at start: {load[0]:.2f} {load[1]:.2f} {load[2]:.2f} (1/5/15 min)")


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--sizes", type=int, nargs="+", default=list(DEFAULT_SIZES))
    p.add_argument("--data", default=os.path.join(os.environ.get("TMPDIR", "/tmp"), "timeline-bench"),
                   help="folder for the synthetic files (reused between runs)")
    p.add_argument("--mode", choices=("cold", "warm"), help=argparse.SUPPRESS)
    p.add_argument("--one-file", help=argparse.SUPPRESS)
    args = p.parse_args(argv)
    if args.mode:
        return _child(args)
    folder = Path(args.data)
    folder.mkdir(parents=True, exist_ok=True)
    print(header())
    cols = ("N", "file MB", "load s (no cache)", "load s (cache)", "first paint s", "frame median ms",
            "frame p95 ms", "frame max ms", "hit test ms", "click to detail ms", "hits ok",
            "peak RSS MB (viewing)", "peak RSS MB (first load)")
    print("| " + " | ".join(cols) + " |")
    print("|" + "---|" * len(cols))
    for n in args.sizes:
        path = data_file(folder, n)
        cold = _spawn("cold", path)
        warm = _spawn("warm", path)
        row = (f"{n:,}", f"{path.stat().st_size / 1e6:.1f}", f"{cold['load_cold_s']:.2f}",
               f"{warm['load_warm_s']:.2f}", f"{warm['first_paint_s']:.2f}",
               f"{warm['frame_median_ms']:.1f}", f"{warm['frame_p95_ms']:.1f}", f"{warm['frame_max_ms']:.1f}",
               f"{warm['hit_ms']:.2f}", f"{warm['click_ms']:.1f}", warm["hits"],
               f"{warm['rss_warm_mb']:.0f}", f"{cold['rss_cold_mb']:.0f}")
        print("| " + " | ".join(row) + " |", flush=True)
    load = os.getloadavg() if hasattr(os, "getloadavg") else (float("nan"),) * 3
    print(f"load average at end: {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    raise SystemExit(main())
