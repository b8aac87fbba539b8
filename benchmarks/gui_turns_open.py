"""Which GUI-thread work makes the uncached open's longest block: CPU time, not wall time.

``QT_QPA_PLATFORM=offscreen PYTHONPATH=CODE python benchmarks/gui_turns_open.py FILE`` runs
``bench_interact.py``'s ``open`` child (the window on ``FILE`` read with its cache, then File > Open
of a copy without one) with three probes:

* each 10 ms heartbeat records the GUI thread's CPU (``time.thread_time``) and the process's;
* the candidates (the swap ``BackgroundOpen._done``, the timeline's paint and its parts, each
  callable waiting for the first paint) record their own wall and GUI-thread CPU;
* a sampling thread records every thread's Python stack every 2 ms.

It prints the heartbeat gaps from the swap on (wall / GUI CPU / process CPU, ms, and the
candidates that ran in each), then the longest gaps with every thread's CPU and what the other
threads were doing.  A gap whose GUI CPU is far below its wall waited: for the interpreter lock
(another thread's CPU grew meanwhile) or for a core (a loaded machine; the process's CPU did not
grow either).  Run it with ``CODE`` the folder of the code to profile (an archive of a commit).
"""

from __future__ import annotations

import json
import os
import sys
import threading
import time
from collections import Counter
from pathlib import Path

CANDIDATES = (
    ("viewer.ui.opening", "BackgroundOpen", ("_done",)),
    ("viewer.ui.main_window", "MainWindow", ("set_timeline",)),
    ("viewer.ui.timeline_view", "TimelineView", ("viewportEvent",)),
    ("viewer.graphics.events", "EventLayerItem", ("paint", "_compute_frame", "_paint_stacks", "_paint_density",
                                                  "_paint_lanes")),
    ("viewer.ui.after_paint", "AfterPaint", ("run", "step")),
    ("viewer.ui.overview", "OverviewStrip", ("set_timeline",)),
    ("viewer.ui.event_list", "EventListView", ("reload",)),
    ("viewer.ui.session", "SessionFeature", ("store_pending",)),
    ("viewer.ui.files", "FileFeature", ("_remember",)),
)


def main(path: str) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import importlib

    import bench_interact as bench

    gui = threading.get_ident()
    calls: list[tuple[float, float, float, str, int]] = []  # (start, wall ms, GUI CPU ms, name, depth)
    depth = [0]

    def wrap(cls, name: str) -> None:
        f = cls.__dict__.get(name)
        if f is None:
            return

        def timed(*a, **k):
            if threading.get_ident() != gui:
                return f(*a, **k)
            t, c = time.perf_counter(), time.thread_time()
            depth[0] += 1
            try:
                return f(*a, **k)
            finally:
                depth[0] -= 1
                calls.append((t, (time.perf_counter() - t) * 1000, (time.thread_time() - c) * 1000,
                              f"{cls.__name__}.{name}", depth[0]))
        setattr(cls, name, timed)

    for mod, cls_name, names in CANDIDATES:
        try:
            cls = getattr(importlib.import_module(mod), cls_name)
        except (ImportError, AttributeError):
            continue  # not in this code
        for n in names:
            wrap(cls, n)

    ticks: list[tuple[float, float, float]] = []  # (wall, GUI CPU, process CPU), seconds

    class Clock(bench.Clock):
        def __init__(self) -> None:
            super().__init__()
            self.timer.timeout.connect(lambda: ticks.append((time.perf_counter(), time.thread_time(),
                                                             time.process_time())))

    bench.Clock = Clock
    samples: list[tuple[float, dict[str, tuple]]] = []
    cpu_of: list[tuple[float, dict[str, float]]] = []
    stop = threading.Event()

    def stack(f) -> tuple:
        out = []
        while f is not None and len(out) < 9:
            out.append(f"{os.path.basename(f.f_code.co_filename)}:{f.f_code.co_name}:{f.f_lineno}")
            f = f.f_back
        return tuple(reversed(out))

    def sampler() -> None:
        me = threading.get_ident()
        while not stop.is_set():
            names = {t.ident: t.name for t in threading.enumerate()}
            now = time.perf_counter()
            samples.append((now, {names.get(k, str(k)): stack(f)
                                  for k, f in sys._current_frames().items() if k != me}))
            cpu = {}
            for t in threading.enumerate():
                if t.ident != me and t.ident is not None:
                    try:
                        cpu[t.name] = time.clock_gettime(time.pthread_getcpuclockid(t.ident))
                    except OSError:
                        pass
            cpu_of.append((now, cpu))
            time.sleep(0.002)

    measured = {}
    real_measure = bench._measure

    def measure(app, window, clock, actions, **kw):
        threading.Thread(target=sampler, name="sampler", daemon=True).start()
        t0 = time.perf_counter()
        try:
            return real_measure(app, window, clock, actions, **kw)
        finally:
            measured["span"] = (t0, time.perf_counter())
            stop.set()

    bench._measure = measure
    res = bench.run_child(path, "open")
    t0, t1 = measured["span"]
    print("open:", json.dumps(res.get("open")))
    ins = [x for x in ticks if t0 - 0.03 < x[0] <= t1]
    swap = [c[0] for c in calls if c[3] == "BackgroundOpen._done"]
    if swap:
        print("\nheartbeat gaps from the swap on: wall / GUI CPU / process CPU (ms), what ran")
        k = max(i for i, x in enumerate(ins) if x[0] <= swap[-1])
        for a, b in zip(ins[k:k + 10], ins[k + 1:k + 11], strict=False):
            ran = sorted({c[3] for c in calls if a[0] <= c[0] < b[0] and c[4] == 0})
            print(f"  {(a[0] - swap[-1]) * 1000:+6.0f}: {1000 * (b[0] - a[0]):4.0f} / {1000 * (b[1] - a[1]):5.1f}"
                  f" / {1000 * (b[2] - a[2]):5.1f}  {', '.join(ran)}")
        print("\ncandidates from the swap on: wall / GUI CPU (ms)")
        for c in calls:
            if c[0] >= swap[-1] - 0.001 and c[2] >= 0.5:
                print(f"  {(c[0] - swap[-1]) * 1000:+6.0f}: {c[1]:5.0f} / {c[2]:5.1f}  {'  ' * c[4]}{c[3]}")
    def describe(a, b) -> None:
        before = [c for t, c in cpu_of if t <= a[0]][-1:]
        after = [c for t, c in cpu_of if t >= b[0]][:1]
        if before and after:
            print("  threads' CPU (ms): " + ", ".join(f"{n} {1000 * (after[0][n] - before[0].get(n, after[0][n])):.0f}"
                                                   for n in after[0]))
        seen = Counter(f"{n}: {' > '.join(st[-6:])}" for t, st_of in samples if a[0] < t < b[0]
                       for n, st in st_of.items())
        for line, count in seen.most_common(8):
            print(f"  {count:3d}  {line}")

    if swap:  # the gaps after the swap where other threads ran longest (a lock they held?)
        k = max(i for i, x in enumerate(ins) if x[0] <= swap[-1])
        after_swap = sorted(zip(ins[k:k + 10], ins[k + 1:k + 11], strict=False),
                            key=lambda g: (g[0][2] - g[0][1]) - (g[1][2] - g[1][1]))[:2]
        for a, b in after_swap:
            print(f"\nafter the swap, gap {1000 * (b[0] - a[0]):.0f} ms at {(a[0] - swap[-1]) * 1000:+.0f} ms:"
                  f" GUI CPU {1000 * (b[1] - a[1]):.1f}, process CPU {1000 * (b[2] - a[2]):.1f}")
            describe(a, b)
    gaps = sorted(zip(ins, ins[1:], strict=False), key=lambda g: g[0][0] - g[1][0])[:3]
    for a, b in gaps:
        print(f"\ngap {1000 * (b[0] - a[0]):.0f} ms at +{(a[0] - t0) * 1000:.0f} ms:"
              f" GUI CPU {1000 * (b[1] - a[1]):.1f}, process CPU {1000 * (b[2] - a[2]):.1f}")
        describe(a, b)


if __name__ == "__main__":
    main(sys.argv[1])
