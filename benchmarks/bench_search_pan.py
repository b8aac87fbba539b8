"""A pan asked while a collection's search scans: how long until its frame is drawn. Prints a table.

    mkdir -p /tmp/x-main && git archive main | tar -x -C /tmp/x-main
    nice -n 19 .venv/bin/python benchmarks/bench_search_pan.py --code main=/tmp/x-main --code branch=. \\
        --existing /data/synthetic-100000000.duckdb

For each ``--code LABEL=DIR`` (its ``viewer`` first on ``sys.path``; one fresh process each, in
the order given), the app's collection window on ``--existing`` (read only) at 1920x1080
offscreen: once its first frame is drawn and everything asked at opening is answered, the
search text ``--query`` is set (a collection without a search index scans every row: tens of
seconds at 10^8), and 0.5 s later a pan by half a window is asked.  Columns: *pan drawn s*,
from the pan until its frame is drawn; *search answered s*, from the search until its count is
shown; *count*, what the window says.  Wall-clock on a shared machine (load average printed).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path


def one(target: str, query: str) -> dict:
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtWidgets import QApplication

    from viewer.io.collection_window import open_collection_store
    from viewer.ui.collection_window import CollectionWindow

    app = QApplication.instance() or QApplication([])
    w = CollectionWindow(open_collection_store(target), Path(target).name)
    w.resize(1920, 1080)
    w.show()
    w.wait_drawn(600.0)
    t_search = time.perf_counter()
    w.set_query(query)
    end = time.perf_counter() + 0.5
    while time.perf_counter() < end:
        app.processEvents()
        time.sleep(0.005)
    a, b = w.view.window()
    t_pan = time.perf_counter()
    w.view.set_window(a + (b - a) / 2, b + (b - a) / 2)
    w.view.ask_again()
    w.wait_drawn(600.0, settled=False)
    w.view.grab()
    pan = time.perf_counter() - t_pan
    while not w.search_count.text() and time.perf_counter() - t_search < 600:
        app.processEvents()
        time.sleep(0.005)
    searched = time.perf_counter() - t_search
    count = w.search_count.text()
    w.close()
    return {"pan": pan, "search": searched, "count": count}


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--code", action="append", required=True, metavar="LABEL=DIR")
    p.add_argument("--existing", required=True, metavar="PATH", help="a .parquet/.duckdb collection (read only)")
    p.add_argument("--query", default="protest")
    p.add_argument("--one", action="store_true", help=argparse.SUPPRESS)
    a = p.parse_args()
    if a.one:
        print(json.dumps(one(a.existing, a.query)))
        return
    print("load average at start: {:.2f} {:.2f} {:.2f} (1/5/15 min)".format(*os.getloadavg()))
    print("| code | query | pan drawn s | search answered s | count |\n|---|---|---|---|---|", flush=True)
    for code in a.code:
        label, folder = code.split("=", 1)
        env = dict(os.environ, PYTHONPATH=str(Path(folder).resolve()), QT_QPA_PLATFORM="offscreen")
        done = subprocess.run([sys.executable, __file__, "--one", "--code", code, "--existing", a.existing,
                               "--query", a.query], stdout=subprocess.PIPE, text=True, env=env,
                              cwd=str(Path(folder).resolve()))
        if done.returncode:
            print(f"{label}: failed (above)", file=sys.stderr)
            continue
        r = json.loads(done.stdout.strip().splitlines()[-1])
        print(f"| {label} | {a.query} | {r['pan']:.2f} | {r['search']:.2f} | {r['count']} |", flush=True)
    print("load average at end: {:.2f} {:.2f} {:.2f}".format(*os.getloadavg()))


if __name__ == "__main__":
    main()
