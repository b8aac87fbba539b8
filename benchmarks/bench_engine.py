"""Benchmark of the event stores (issue 13): in memory, DuckDB over Parquet, ClickHouse (chDB, a server).

Usage::

    .venv/bin/python benchmarks/bench_engine.py                       # memory 1e6, parquet 1e7, chdb 1e7
    .venv/bin/python benchmarks/bench_engine.py --runs memory:100000 parquet:1000000 duckdb:1000000
    .venv/bin/python benchmarks/bench_engine.py --runs parquet:100000000   # 10^8: ~GBs in --data
    .venv/bin/python benchmarks/bench_engine.py --runs clickhouse:1000000  # a server on loopback
    .venv/bin/python benchmarks/bench_engine.py --no-search-index --runs parquet:100000000  # no sidecar: search scans
    .venv/bin/python benchmarks/bench_engine.py --code main=/work/wt/x-main --code branch=. --runs parquet:1000000
    .venv/bin/python benchmarks/bench_engine.py --window 10000000 --code main=/work/wt/x-main --code branch=.
    nice -n 19 .venv/bin/python benchmarks/bench_engine.py --existing /data/synthetic-100000000.parquet --searches 1
    nice -n 19 .venv/bin/python benchmarks/bench_engine.py --existing /data/synthetic-100000000.parquet --window 0

``--existing PATH`` measures a collection already converted (nothing written; N read from it);
with ``--window`` the app's window on it.  ``--searches K`` runs the first K search queries
(a collection without its search index scans the file for each: minutes at 10^8).
``--sidecar LABEL=PATH`` (with ``--existing``): that code reads the search index ``PATH``
(a code of an older index version: a copy of the sidecar it wrote).
The measuring child prints each step to stderr as it ends (time, peak RSS, and the bytes
DuckDB holds in spill files then, ``duckdb_temporary_files()``).

``--code LABEL=DIR`` (repeatable) measures the code in ``DIR`` (its ``viewer`` package first on
the path); each code writes its own data (``--data/LABEL``: collection layouts differ between versions).

Data: :mod:`viewer.model.synthetic` (seed 2022; 20 tracks, the year 2022,
30 % of events on five burst days).  ``memory`` reads the synthetic native
file (``*.timeline.json``; its columnar cache is written on the first run),
``parquet``/``duckdb`` a collection written once by
:func:`viewer.io.synthetic_store.write_synthetic_collection` (the time is
printed: *prepare s*), ``chdb`` loads that Parquet collection into chDB
(ClickHouse in-process), ``clickhouse`` into a ClickHouse server over loopback
(the native protocol): the server ``TV_BENCH_CLICKHOUSE`` names (a native
address, ``clickhouse://127.0.0.1:9000/default?protocol=native``), else one
started for the run on ``--data/clickhouse-server`` (Debian's 18.16 here;
its tables stay there between runs) and stopped at the end.  Each row runs in
a fresh process; peak RSS is its ``ru_maxrss`` (the app's: the server's
memory is not counted).

Columns:

* *open s*: the store ready (file opened, metadata read);
* *first frame s*: open + extent + the first frame's questions (visible
  events of all 20 lanes over the whole extent, capped at 5,000, and the
  density strips of 20 lanes x 1,366 px);
* *query p50 / p95 ms*: one frame (``EventStore.frame``: visible events capped at
  5,000 + the density strips of 20 lanes x 1,366 px; visible + density where
  the code has no ``frame``) for 40 windows, from the whole year down to one
  hour inside a burst day and back (a zoom sequence);
* *page ms*: 100 rows of the event list in time order at the middle of the collection
  (``EventStore.page``; — where the code has none);
* *search ms*: median of three queries (a rare title, a common word capped at
  1,000 ids, two words), each with the total count;
* *facet ms*: track counts in the current window; *by id ms*: one event built
  from its row;
* *window open s*: ``read_timeline`` of the collection, as the app opened it
  before collections opened on their store (columns of at most 2,000,000
  events loaded); ``--window N --code LABEL=DIR ...`` measures the app's
  window itself (first paint, pan/zoom frames, RSS; :func:`run_window`).

Timings are wall-clock on a shared 2-core machine (load average printed).
Nothing is asserted: this prints a table.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

YEAR0 = 1640995200.0
DAY = 86400.0
WIDTH_PX = 1366
LANES = list(range(20))


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def windows(n_steps: int = 40):
    """Zoom from the whole year to one hour at noon of burst day 40, and back."""
    import numpy as np

    centre = YEAR0 + 40 * DAY + 12 * 3600
    widths = np.geomspace(365 * DAY, 3600.0, n_steps // 2)
    seq = list(widths) + list(widths[::-1])
    return [(centre - w / 2, centre + w / 2) if w < 300 * DAY else (YEAR0, YEAR0 + 365 * DAY) for w in seq]


def prepare(kind: str, n: int, data: Path, search_index: bool = True) -> tuple[str, float]:
    """The store's data for ``n`` events (written once); seconds spent writing it now (0 if cached).

    ``search_index=False``: a Parquet collection is written without its sidecar search index
    (search then scans the file); the writer's steps are printed to stderr with their times.
    """
    data.mkdir(parents=True, exist_ok=True)
    t = time.perf_counter()
    if kind == "memory":
        path = data / f"synthetic-{n}.timeline.json"
        if not path.exists():
            from viewer.model.synthetic import synthetic_timeline

            synthetic_timeline(n).write_native(str(path) + ".part")
            os.replace(str(path) + ".part", path)
            return str(path), time.perf_counter() - t
        return str(path), 0.0
    ext = ".duckdb" if kind == "duckdb" else ".parquet"
    path = data / f"synthetic-{n}{ext}"
    made = 0.0
    if not path.exists():
        from viewer.io import duckstore
        from viewer.io.synthetic_store import write_synthetic_collection

        if not search_index:
            duckstore.write_collection_index = lambda *a, **k: None  # type: ignore[assignment]

        def say(m: str) -> None:
            print(f"  {time.strftime('%H:%M:%S', time.gmtime())} +{time.perf_counter() - t:.0f}s "
                  f"{path.name}: {m}", file=sys.stderr, flush=True)

        write_synthetic_collection(str(path), n, progress=say)
        say("written")
        made = time.perf_counter() - t
    if kind == "clickhouse":
        return _load_server(path, n, data, made)
    if kind != "chdb":
        return str(path), made
    folder = data / f"chdb-{n}"
    if not (folder / ".loaded").exists():
        t = time.perf_counter()
        from viewer.io.clickstore import ChdbBackend, load_collection

        backend = ChdbBackend(str(folder))
        load_collection(backend, "tv", "events", str(path))
        backend.close()
        (folder / ".loaded").write_text("ok")
        made += time.perf_counter() - t
    return f"chdb://{folder}?table=events", made


def _load_server(path: Path, n: int, data: Path, made: float) -> tuple[str, float]:
    """The collection ``path`` in the benchmark's ClickHouse server (table ``tv.events_N``, loaded once)."""
    from urllib.parse import urlsplit

    from viewer.io.clickstore import NativeBackend, load_collection

    parts = urlsplit(os.environ["TV_BENCH_CLICKHOUSE"])
    url = f"clickhouse://{parts.hostname}:{parts.port}/tv?table=events_{n}&protocol=native"
    mark = data / "clickhouse-server" / f".loaded-{n}"
    if not mark.exists():
        t = time.perf_counter()
        backend = NativeBackend(parts.hostname or "127.0.0.1", parts.port or 9000, "default",
                                os.environ.get("TIMELINE_CLICKHOUSE_USER", "default"),
                                os.environ.get("TIMELINE_CLICKHOUSE_PASSWORD", ""))
        load_collection(backend, "tv", f"events_{n}", str(path))
        backend.close()
        mark.write_text("ok")
        made += time.perf_counter() - t
        print(f"  loaded {n:,} events into the server in {time.perf_counter() - t:.0f} s", file=sys.stderr)
    return url, made


def _data_bytes(kind: str, n: int, data: Path) -> int:
    """Bytes on disk of the store's data (a ClickHouse folder counted whole)."""
    if kind == "memory":
        files = [data / f"synthetic-{n}.timeline.json"]
    elif kind == "duckdb":
        files = [data / f"synthetic-{n}.duckdb"]
    elif kind == "parquet":
        files = [data / f"synthetic-{n}.parquet", data / f"synthetic-{n}.counts.parquet"]
    elif kind == "clickhouse":  # the table's folders (events, counts, meta) in the server's data
        files = [f for d in (data / "clickhouse-server" / "data" / "data" / "tv").glob(f"events_{n}*")
                 for f in d.rglob("*") if f.is_file()]
    else:
        files = [f for f in (data / f"chdb-{n}").rglob("*") if f.is_file()]
    return sum(f.stat().st_size for f in files if f.exists())


def _spilled(store) -> int:
    """Bytes in DuckDB's spill files of ``store``'s connection now (0 for another store)."""
    con = getattr(store, "con", None)
    if con is None or not hasattr(store, "_lock"):
        return 0
    try:
        with store._lock:
            return int(con.execute("SELECT coalesce(sum(size), 0) FROM duckdb_temporary_files()").fetchone()[0])
    except Exception:  # noqa: BLE001 - an older duckdb or another engine
        return 0


def run_one(kind: str, n: int, target: str, n_searches: int = 3) -> dict:
    """Measure one store in this process (see the module docstring); ``n`` 0: the store's count."""
    import numpy as np

    t_start = time.perf_counter()

    def step(what: str) -> None:
        print(f"  {time.strftime('%H:%M:%S', time.gmtime())} +{time.perf_counter() - t_start:.1f}s {what} "
              f"(peak RSS {_rss_mb():.0f} MB, spilled {_spilled(store) / 1e6:.0f} MB)", file=sys.stderr, flush=True)

    t0 = time.perf_counter()
    if kind == "memory":
        from viewer.io.registry import read_timeline
        from viewer.model.store import MemoryStore

        store = MemoryStore(read_timeline(target))
    elif kind in ("chdb", "clickhouse"):
        from viewer.io.clickstore import open_url

        store = open_url(target)
    else:
        from viewer.io.duckstore import DuckStore

        store = DuckStore(target, sidecar=os.environ.get("TV_BENCH_SIDECAR") or None)  # (--sidecar)
    t_open = time.perf_counter() - t0
    n = n or store.n_events
    step(f"opened ({n:,} events{'' if getattr(store, '_index', True) is not None else ', no search index'})")
    lo, hi = store.extent()

    def frame(a: float, b: float) -> None:
        if hasattr(store, "frame"):
            store.frame(a, b, LANES, WIDTH_PX, 5000)
        else:
            store.visible(a, b, LANES, 5000)
            store.density(a, b, LANES, WIDTH_PX)

    frame(lo, hi)
    t_first = time.perf_counter() - t0
    step("first frame")
    times = []
    for a, b in windows():
        t = time.perf_counter()
        frame(a, b)
        times.append((time.perf_counter() - t) * 1000)
    step(f"40 frames (p50 {statistics.median(times):.0f} ms, p95 {float(np.percentile(times, 95)):.0f} ms)")
    t_page = None
    middle: list[str] = []
    if hasattr(store, "page"):
        t = time.perf_counter()
        middle = list(store.page(n // 2, 100).ids)
        t_page = (time.perf_counter() - t) * 1000
        step("page")
    searches = []
    for q in (f"protest {n // 3 // 12 * 12}", "strike", "convoy seen")[:n_searches]:
        t = time.perf_counter()
        store.search(q, cap=1000)
        searches.append((time.perf_counter() - t) * 1000)
        step(f"search {q!r}: {searches[-1]:.0f} ms")
    t = time.perf_counter()
    store.facet_counts("track", (YEAR0 + 40 * DAY, YEAR0 + 41 * DAY))
    t_facet = (time.perf_counter() - t) * 1000
    step("facet")
    # an event of the middle of the year, by id
    some = store.search("convoy seen", cap=1000).ids if n_searches >= 3 or not middle else middle
    t = time.perf_counter()
    store.event(some[len(some) // 2])
    t_id = (time.perf_counter() - t) * 1000
    step("by id")
    rss_store = _rss_mb()
    t_window = None
    search = statistics.median(searches) if searches else None
    got = {"open": t_open, "first": t_first, "page": t_page, "p50": statistics.median(times),
           "p95": float(np.percentile(times, 95)), "search": search, "searches": searches,
           "facet": t_facet, "by_id": t_id, "rss_store": rss_store}
    print(f"store measured (window open next): {json.dumps(got)}", file=sys.stderr, flush=True)  # minutes at 10^8
    if kind in ("parquet", "duckdb"):
        store.close()
        from viewer.io.registry import read_timeline_report

        t = time.perf_counter()
        len(read_timeline_report(target).timeline.columns)
        t_window = time.perf_counter() - t
        step("window open (read_timeline_report)")
    return {"n": n, "no_index": getattr(store, "_index", True) is None,
            "open": t_open, "first": t_first, "page": t_page, "p50": statistics.median(times),
            "p95": float(np.percentile(times, 95)), "search": search, "facet": t_facet,
            "by_id": t_id, "window": t_window, "rss_store": rss_store, "rss": _rss_mb()}


def _wait(app, done, timeout_s: float = 120.0) -> bool:
    """Process Qt events until ``done()`` (False after ``timeout_s``)."""
    end = time.perf_counter() + timeout_s
    while time.perf_counter() < end:
        app.processEvents()
        if done():
            return True
        time.sleep(0.002)
    return False


def run_window(target: str) -> dict:
    """The app's window on a collection, in this process, with whatever ``viewer``
    is first on ``sys.path`` (``--code``): a :class:`CollectionWindow` on the store
    where the code has one, else ``read_timeline_report`` + ``MainWindow`` (main).

    *imported*, *store open*: from the start until the viewer's modules are imported, and
    until the store is open (main's code: no store, both the imports); *paint after open*:
    *first paint* less *store open*, what the window itself takes; *first pan filled*: a pan by
    half a window asked as soon as the first frame is painted, until drawn (the list, overview
    and tag counts asked at opening are still being answered).
    *window shown*: from opening until the window is shown (a collection window:
    lanes and axis, events still on their way); *first paint*: until its first
    frame is painted with its events (a collection window: once the first
    answer, strips included, is drawn; the list, overview and facets follow).
    *frame*: the 40-step zoom of :func:`windows`, each step the range set
    and the timeline widget painted (``grab``): what the GUI thread spends.
    *filled*: a collection window's time until that step's answer is drawn.
    """
    import numpy as np

    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    t0 = time.perf_counter()
    try:
        from viewer.io.collection_window import open_collection_store
        from viewer.ui.collection_window import CollectionWindow
    except ImportError:
        CollectionWindow = None  # noqa: N806 - main's code: the window loads the columns
    frames, filled, drawn, n_events, pan_at_once = [], [], 0, 0, None
    imported = opened = time.perf_counter() - t0
    if CollectionWindow is not None:
        store = open_collection_store(target)
        opened = time.perf_counter() - t0
        n_events = getattr(store, "n_events", 0)
        w = CollectionWindow(store, Path(target).name)
        w.resize(1920, 1080)
        w.show()
        app.processEvents()
        shown = time.perf_counter() - t0
        w.wait_drawn(300.0, settled=False)
        w.view.grab()
        first = time.perf_counter() - t0
        # a pan at once, as a user's first move: drawn while the list, overview and tags are asked
        a, b = w.view.window()
        t = time.perf_counter()
        w.view.set_window(a + (b - a) / 2, b + (b - a) / 2)
        w.view.ask_again()
        w.wait_drawn(300.0, settled=False)
        w.view.grab()
        pan_at_once = time.perf_counter() - t
        w.wait_drawn(300.0)  # the list, overview and facets too, before the zoom
        for a, b in windows():
            t = time.perf_counter()
            w.view.set_window(a, b)
            w.view.ask_again()
            w.view.grab()
            frames.append((time.perf_counter() - t) * 1000)
            w.wait_drawn(120.0)
            w.view.grab()
            filled.append((time.perf_counter() - t) * 1000)
            drawn = max(drawn, len(w.view.drawn_ids()))
        w.close()
    else:
        from viewer.io.registry import read_timeline_report
        from viewer.ui.main_window import MainWindow

        timeline = read_timeline_report(target).timeline
        w = MainWindow(timeline, lambda _p: timeline, target)
        w.resize(1920, 1080)
        w.show()
        _wait(app, lambda: w.isVisible(), 60.0)
        app.processEvents()
        shown = time.perf_counter() - t0
        w.view.grab()
        first = time.perf_counter() - t0
        origin = timeline.columns.origin_epoch_s
        for a, b in windows():
            t = time.perf_counter()
            w.view.setXRange(a - origin, b - origin, padding=0)
            w.view.grab()
            frames.append((time.perf_counter() - t) * 1000)
            frame = w.view.events_item._frame
            drawn = max(drawn, 0 if frame is None or frame.hit is None else len(frame.hit["row"]))
        w.close()
    return {"n": n_events, "imported": imported, "opened": opened, "shown": shown, "first": first,
            "pan": pan_at_once, "p50": statistics.median(frames),
            "p95": float(np.percentile(frames, 95)),
            "filled_p95": float(np.percentile(filled, 95)) if filled else None, "drawn": drawn, "rss": _rss_mb()}


def main_window_runs(codes: list[str], n: int, data: Path, existing: str | None = None) -> None:
    """Print the window table: every ``LABEL=DIR`` of ``codes`` opens the ``n``-event Parquet
    collection of ``data/LABEL/`` (written by that code's writer if missing: layouts differ),
    or the collection ``existing`` (nothing written)."""
    print("| N | code | imported s | store open s | window shown s | first paint s | paint after open s | "
          "first pan filled s | frame p50 ms | frame p95 ms | filled p95 ms | most events drawn | peak RSS MB |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|---|", flush=True)
    for code in codes:  # bytecode compiled as a wheel install has it (PYTHONDONTWRITEBYTECODE=1 would recompile)
        package = Path(code.split("=", 1)[1]).resolve() / "viewer"
        subprocess.run([sys.executable, "-m", "compileall", "-q", str(package)], check=True,
                       env={k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"})
    for code in codes:
        label, folder = code.split("=", 1)
        # a ClickHouse address stays a string (a Path would fold its "//")
        target: Path | str = (existing if existing and "://" in existing else Path(existing) if existing
                              else data / label / f"synthetic-{n}.parquet")
        env = dict(os.environ, PYTHONPATH=str(Path(folder).resolve()), QT_QPA_PLATFORM="offscreen")
        if not existing and not Path(target).exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            subprocess.run([sys.executable, "-c", "import sys; from viewer.io.synthetic_store import "
                            "write_synthetic_collection as w; w(sys.argv[1], int(sys.argv[2]))", str(target), str(n)],
                           env=env, check=True, cwd=str(Path(folder).resolve()))
        out = subprocess.run([sys.executable, __file__, "--window-one", str(target)], stdout=subprocess.PIPE,
                             text=True, env=env, cwd=str(Path(folder).resolve()))  # its stderr shown as it runs
        if out.returncode:
            print(f"{label}: failed (above)", file=sys.stderr)
            continue
        r = json.loads(out.stdout.strip().splitlines()[-1])
        n = n or r.get("n", 0)
        filled = "—" if r["filled_p95"] is None else f"{r['filled_p95']:.0f}"
        print(f"| {n:,} | {label} | {r['imported']:.2f} | {r['opened']:.2f} | {r['shown']:.2f} | {r['first']:.2f} | "
              f"{r['first'] - r['opened']:.2f} | {'—' if r.get('pan') is None else format(r['pan'], '.2f')} | "
              f"{r['p50']:.1f} | {r['p95']:.1f} | {filled} | "
              f"{r['drawn']:,} | {r['rss']:.0f} |", flush=True)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--runs", nargs="+", default=["memory:1000000", "parquet:10000000", "chdb:10000000"],
                   help="STORE:N with STORE one of memory, parquet, duckdb, chdb, clickhouse")
    p.add_argument("--data", default=os.path.join(tempfile.gettempdir(), "timeline-bench"),
                   help="folder for the synthetic data (written once)")
    p.add_argument("--code", action="append", default=[], metavar="LABEL=DIR",
                   help="measure the code in DIR (repeatable); default: this checkout")
    p.add_argument("--one", nargs=4, metavar=("STORE", "N", "TARGET", "SEARCHES"), help=argparse.SUPPRESS)
    p.add_argument("--existing", metavar="PATH", default=None,
                   help="measure this converted .parquet/.duckdb collection (nothing converted; N read from it)")
    p.add_argument("--searches", type=int, default=3, choices=(0, 1, 2, 3),
                   help="search queries run (without a search index each scans the collection)")
    p.add_argument("--window", type=int, metavar="N", default=None,
                   help="instead: the app's window on an N-event Parquet collection, for each --code")
    p.add_argument("--window-one", metavar="TARGET", help=argparse.SUPPRESS)
    p.add_argument("--sidecar", action="append", default=[], metavar="LABEL=PATH",
                   help="with --existing: the search index that code reads instead of the one beside the "
                        "collection (a code of another index version)")
    p.add_argument("--no-search-index", action="store_true",
                   help="write Parquet collections without the sidecar search index (search scans the file)")
    args = p.parse_args(argv)
    if args.one:
        print(json.dumps(run_one(args.one[0], int(args.one[1]), args.one[2], int(args.one[3]))))
        return 0
    here = str(Path(__file__).resolve().parent.parent)
    codes = [tuple(c.split("=", 1)) for c in args.code] or [("this", here)]
    if args.window_one:
        print(json.dumps(run_window(args.window_one)))
        return 0
    if args.window is not None:
        print(f"machine: {platform.machine()}, {os.cpu_count()} CPUs; Python {platform.python_version()}")
        print("load average at start: {:.2f} {:.2f} {:.2f} (1/5/15 min)".format(*os.getloadavg()))
        main_window_runs(args.code or [f"this={here}"], args.window, Path(args.data), args.existing)
        print("load average at end: {:.2f} {:.2f} {:.2f}".format(*os.getloadavg()))
        return 0
    import duckdb
    import numpy

    print(f"machine: {platform.machine()}, {os.cpu_count()} CPUs, {platform.system()} {platform.release()}; "
          f"Python {platform.python_version()}, numpy {numpy.__version__}, duckdb {duckdb.__version__}")
    print("load average at start: {:.2f} {:.2f} {:.2f} (1/5/15 min)".format(*os.getloadavg()))
    print("| N | store | code | data MB | prepare s | open s | first frame s | query p50 ms | query p95 ms | "
          "search ms | page ms | facet ms | by id ms | peak RSS MB (store) | window open s | "
          "peak RSS MB (with window) |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|", flush=True)
    runs = [("duckdb" if args.existing.lower().endswith(".duckdb") else "parquet") + ":0"] if args.existing \
        else args.runs
    with contextlib.ExitStack() as stack:
        if any(r.startswith("clickhouse:") for r in runs) and not os.environ.get("TV_BENCH_CLICKHOUSE"):
            sys.path.insert(0, here)  # the tests' server starter (a temporary config on free ports)
            from tests.store.clickhouse_server import local_server, server_command

            command = server_command()
            if command is None:
                print("no ClickHouse server binary: the clickhouse runs need one (or TV_BENCH_CLICKHOUSE)",
                      file=sys.stderr)
                return 1
            os.environ["TV_BENCH_CLICKHOUSE"] = stack.enter_context(
                local_server(command, Path(args.data).resolve() / "clickhouse-server"))
        _measure(runs, codes, args)
    print("load average at end: {:.2f} {:.2f} {:.2f}".format(*os.getloadavg()))
    return 0


def _measure(runs: list[str], codes: list[tuple[str, ...]], args: argparse.Namespace) -> None:
    """Print a row of the table for each run and code (see :func:`main`)."""
    for run in runs:
        kind, n = run.split(":")
        for label, code in codes:
            data = Path(args.data) / label if args.code else Path(args.data)  # each code writes its own data
            env = dict(os.environ, PYTHONPATH=os.path.abspath(code),
                       TV_BENCH_SIDECAR=dict(c.split("=", 1) for c in args.sidecar).get(label, ""))
            if args.existing:
                target, made = args.existing, 0.0
            else:
                # prepared in a child: a process's peak RSS survives exec (the measuring child would inherit it)
                got = subprocess.run([sys.executable, "-c", "import json, sys; sys.path.insert(0, sys.argv[1]); "
                                      "import bench_engine as b; from pathlib import Path; "
                                      "print(json.dumps(b.prepare(sys.argv[2], int(sys.argv[3]), Path(sys.argv[4]), "
                                      "sys.argv[5] == '1')))",
                                      str(Path(__file__).resolve().parent), kind, n, str(data),
                                      "0" if args.no_search_index else "1"],
                                     env=env, stdout=subprocess.PIPE, text=True, cwd=code)  # its steps on stderr
                if got.returncode:
                    print(f"{run} {label}: prepare failed (above)", file=sys.stderr)
                    continue
                target, made = json.loads(got.stdout.strip().splitlines()[-1])
            out = subprocess.run([sys.executable, __file__, "--one", kind, n, target, str(args.searches)],
                                 stdout=subprocess.PIPE, text=True, env=env, cwd=code)  # its steps on stderr
            if out.returncode:
                print(f"{run} {label}: failed (above)", file=sys.stderr)
                continue
            r = json.loads(out.stdout.strip().splitlines()[-1])
            if args.existing:
                n = str(r["n"])
                stem = args.existing[:-len(".parquet")] if args.existing.lower().endswith(".parquet") else None
                size = sum(os.path.getsize(f) for f in (args.existing, stem and stem + ".counts.parquet",
                                                        stem and stem + ".search.sqlite")
                           if f and os.path.exists(f))
            else:
                size = _data_bytes(kind, int(n), data)
            window = "—" if r["window"] is None else f"{r['window']:.2f}"
            page = "—" if r.get("page") is None else f"{r['page']:.0f}"
            made_s = f"{made:.0f}" if made else ("(existing)" if args.existing else "(cached)")
            search = "—" if r["search"] is None else f"{r['search']:.0f}"
            if r.get("no_index"):
                search += " (no index: scan)"
            print(f"| {int(n):,} | {kind} | {label} | {size / 1e6:,.0f} | {made_s} | {r['open']:.2f} | "
                  f"{r['first']:.2f} | {r['p50']:.1f} | {r['p95']:.1f} | {search} | {page} | "
                  f"{r['facet']:.1f} | {r['by_id']:.1f} | {r['rss_store']:.0f} | {window} | {r['rss']:.0f} |",
                  flush=True)


if __name__ == "__main__":
    sys.path.insert(0, os.environ.get("PYTHONPATH") or str(Path(__file__).resolve().parent.parent))
    sys.exit(main())
