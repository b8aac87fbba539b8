"""A zoomed-out frame of the main window with and without a search: how long it takes. Prints a table.

    mkdir -p /tmp/x-main && git archive main | tar -x -C /tmp/x-main
    QT_QPA_PLATFORM=offscreen nice -n 19 .venv/bin/python benchmarks/bench_search_strips.py \\
        --code main=/tmp/x-main --code branch=. --file /tmp/benchdata/synthetic-1000000.timeline.json

For each ``--code LABEL=DIR`` (its ``viewer`` first on ``sys.path``; one fresh process each, in
the order given), the main window on ``--file`` at 1366x768 offscreen, the whole extent shown
(every lane a density strip at 10^6).  A frame is a pan by 1/200 of the window, then
``QWidget.grab()`` of the timeline view (a new frame is laid out and painted each time).
Columns: *no search ms* and *search ms*, the median of ``--frames`` frames before and after the
search text ``--query`` is answered; *first ms*, the first frame after the answer (on the branch
it picks the matches of each lane out once); *matches*.  Wall-clock on a shared machine (load
average printed).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path


def one(path: str, query: str, frames: int) -> dict:
    from PySide6.QtWidgets import QApplication

    from viewer.app import _load
    from viewer.io import read_timeline
    from viewer.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    w = MainWindow(read_timeline(path), _load, path)
    w.resize(1366, 768)
    w.show()

    def settle() -> None:
        end = time.perf_counter() + 0.3
        while time.perf_counter() < end or w.jobs_pending():
            app.processEvents()
            time.sleep(0.005)

    settle()
    w.view.fit_all()
    settle()
    w.view.grab()

    def frame() -> float:
        a, b = w.view.viewRange()[0]
        d = (b - a) / 200
        t = time.perf_counter()
        w.view.setXRange(a + d, b + d, padding=0)
        w.view.grab()
        return (time.perf_counter() - t) * 1000

    plain = [frame() for _ in range(frames)]
    w.search_bar.debounce.setInterval(0)
    w.search_bar.field.setText(query)
    while w.state.query != query or w.jobs_pending():
        app.processEvents()
        time.sleep(0.005)
    settle()
    first = frame()
    searched = [frame() for _ in range(frames)]
    out = {"plain": statistics.median(plain), "first": first, "search": statistics.median(searched),
           "matches": len(w.state.matches)}
    w.close()
    return out


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--code", action="append", required=True, metavar="LABEL=DIR")
    p.add_argument("--file", required=True, metavar="PATH", help="a timeline file (e.g. synthetic 10^6)")
    p.add_argument("--query", action="append", help="search texts (default: 1234 and protest)")
    p.add_argument("--frames", type=int, default=15)
    p.add_argument("--one", action="store_true", help=argparse.SUPPRESS)
    a = p.parse_args()
    queries = a.query or ["1234", "protest"]
    if a.one:
        print(json.dumps(one(a.file, queries[0], a.frames)))
        return
    print("load average at start: {:.2f} {:.2f} {:.2f} (1/5/15 min)".format(*os.getloadavg()))
    print("| code | query | matches | no search ms | first ms | search ms |\n|---|---|---|---|---|---|", flush=True)
    for q in queries:
        for code in a.code:
            label, folder = code.split("=", 1)
            env = dict(os.environ, PYTHONPATH=str(Path(folder).resolve()), QT_QPA_PLATFORM="offscreen")
            done = subprocess.run([sys.executable, __file__, "--one", "--code", code, "--file", a.file,
                                   "--query", q, "--frames", str(a.frames)], stdout=subprocess.PIPE, text=True,
                                  env=env, cwd=str(Path(folder).resolve()))
            if done.returncode:
                print(f"{label}: failed (above)", file=sys.stderr)
                continue
            r = json.loads(done.stdout.strip().splitlines()[-1])
            print(f"| {label} | {q} | {r['matches']:,} | {r['plain']:.0f} | {r['first']:.0f} | {r['search']:.0f} |",
                  flush=True)
    print("load average at end: {:.2f} {:.2f} {:.2f}".format(*os.getloadavg()))


if __name__ == "__main__":
    main()
