"""Benchmark: every interaction of issue 12, its answer time and the longest GUI-thread block.

Usage::

    QT_QPA_PLATFORM=offscreen python benchmarks/bench_interact.py --sizes 10000 100000 1000000
    # the code of another checkout in the same run (before / after):
    python benchmarks/bench_interact.py --code main=/tmp/main-src --code branch=. --sizes 100000

For each N the synthetic file of :mod:`viewer.model.synthetic` (as
``bench_render.py``; its columnar cache is made first) is opened in a window
at 1920x1080, offscreen, and each interaction runs in a fresh process (so a
path that stalls for minutes is cut by ``--timeout`` and reported as
``>T s``, and one interaction's caches do not help another):

* ``search first`` / ``search later``: the first query typed after opening
  ("p"), then the keystrokes of "protest 1" one at a time and a clear.  The
  answer is from the field's text change to the match count and the dimming
  applied, less the typing debounce of the code measured (its
  ``SEARCH_DEBOUNCE_MS``, when the window debounces: a large file), which
  is waiting, not work;
* ``filter``: hide a track / show it again (the shown timeline rebuilt);
* ``filter, Filters tab``: the same with the Filters tab shown instead of
  the Events tab (its lists and counts follow each swap; ``filtertab``);
* ``facets``: the Filters tab's counts (``FilterPanel.fill``);
* ``zone``: display zone Europe/Berlin / UTC in turn;
* ``D-day``: the relative axis from a date-only event / off;
* ``select``: selecting events of a busy hour (detail pane filled);
* ``→ first`` / ``← →``: the first step after opening, then nine more;
* ``collapse`` / ``reorder``: collapsing / expanding a track; reversing the
  track order / back (the Filters tab's order);
* ``story step``: the next step of a ten-step story in present mode (no
  animation), until painted (Qt's own update; ``grab()`` after each step, as
  before the thirteenth round, painted the view a second time);
* ``export dialog``: File > Export picture… until the dialog is up;
* ``open, no cache``: File > Open of a copy of the file (so without its
  cache) until the new timeline is shown;
* ``open, cached``: the file itself (its cache made first) opened as the app
  opens a large file named on the command line (``viewer.app``: the window
  shows the bundled timeline, then ``open_file`` reads the file in the
  background), until the new timeline is shown and painted; its *block* is
  the longest until the window is idle (the search index built, ...), and
  when it is the only interaction run, *ready* is that wait
  (``opencached``).  The other interactions' processes read the file before
  making their window, which is not what the app does;
* ``open, cached, Berlin``: the same with the display zone set to
  Europe/Berlin before opening (the new timeline shown on Berlin's days;
  ``openzone``);
* ``reload``: a copy of the file open in the window (its cache made, idle),
  one title changed on disk (same length), then what the file watcher calls
  (``authoring.reload_changed_file``) until the new content is shown and
  painted (no cache for the changed file); *block* until the window is idle
  (the search index of the new content built, ...).

Each cell is *median / worst* milliseconds over the repetitions, and *block*
is the longest gap between two ticks of a 10 ms heartbeat ``QTimer`` while
the interaction ran (so about 10 ms at best): the longest time the window
could not answer.  Before the interactions, the process waits for the
window's background work (``jobs_pending``, when the code has it): *ready s*
is that wait from opening (for the search row, whose process runs first,
with an empty per-user cache folder: it includes building the search index,
which the other processes then open) and *ready block* its longest GUI block.

*RSS MB, end / idle*: the resident set at the end of the ``filter`` and
``zone`` processes (the larger of the two), then after :data:`IDLE_RSS_S`
seconds left alone (what the window gives back when idle).

Two more rows: 10,000 tracks (100,000 events) opened and redrawn, and one
event with 100,000 quotes selected.  No timing is asserted anywhere.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_codes import add_child_options, child_result, code_folders  # noqa: E402

DEFAULT_SIZES = (10_000, 100_000, 1_000_000)
INTERACTIONS = ("search", "filter", "filtertab", "facets", "zone", "dday", "select", "step", "tracks", "story",
                "export", "open", "opencached", "openzone", "reload")
BUDGET_S = 20.0  # stop repeating an interaction once it has taken this long


# ---------------------------------------------------------------------------
# data


def data_file(folder: Path, n: int) -> Path:
    """The synthetic file of ``n`` events (written once per folder): bench_render.py's own."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from bench_render import data_file as render_data_file

    return render_data_file(folder, n)


def many_tracks_file(folder: Path, n_events: int = 100_000, n_tracks: int = 10_000) -> Path:
    """``n_events`` points of 2022 spread over ``n_tracks`` tracks."""
    import numpy as np

    path = folder / f"tracks-{n_tracks}-{n_events}.timeline.json"
    if path.exists():
        return path
    rng = np.random.default_rng(2022)
    t = 1640995200 + rng.integers(0, 365 * 86400, n_events)
    days = np.datetime_as_string(t.astype("datetime64[s]")).tolist()
    tracks = rng.integers(0, n_tracks, n_events).tolist()
    head = {"format": "timeline-viewer", "version": 1, "title": f"{n_tracks:,} tracks",
            "tracks": [{"id": f"t{k:05d}", "label": f"Track {k + 1}", "order": k} for k in range(n_tracks)]}
    tmp = path.with_suffix(".part")
    with open(tmp, "w", encoding="utf-8") as fh:
        fh.write(json.dumps(head)[:-1] + ', "events": [\n')
        fh.write(",\n".join(json.dumps({"id": f"e{i:07d}", "track": f"t{tracks[i]:05d}", "title": f"Report {i}",
                                        "start": days[i] + "Z"}) for i in range(n_events)))
        fh.write("\n]}\n")
    tmp.replace(path)
    return path


def many_quotes_file(folder: Path, n_quotes: int = 100_000) -> Path:
    """A small timeline whose event ``big`` has ``n_quotes`` quotes."""
    path = folder / f"quotes-{n_quotes}.timeline.json"
    if path.exists():
        return path
    quotes = [{"text": f"Statement number {k} about the talks.", "speaker": f"Speaker {k % 50}",
               "source": "s1"} for k in range(n_quotes)]
    doc = {"format": "timeline-viewer", "version": 1, "title": "Many quotes",
           "tracks": [{"id": "t1", "label": "Talks"}],
           "sources": [{"id": "s1", "kind": "news_article", "outlet": "Wire"}],
           "events": [{"id": "big", "track": "t1", "title": "Press conference", "start": "2022-02-10",
                       "quotes": quotes, "sources": ["s1"]},
                      {"id": "small", "track": "t1", "title": "Talks", "start": "2022-02-11"}]}
    tmp = path.with_suffix(".part")
    tmp.write_text(json.dumps(doc), encoding="utf-8")
    tmp.replace(path)
    return path


# ---------------------------------------------------------------------------
# the child: one interaction in one window


class Clock:
    """A 10 ms heartbeat QTimer and the GUI blocks it sees."""

    def __init__(self) -> None:
        from PySide6.QtCore import QTimer

        self.ticks: list[float] = []
        self.timer = QTimer()
        self.timer.setInterval(10)
        self.timer.timeout.connect(lambda: self.ticks.append(time.perf_counter()))
        self.timer.start()

    def block_since(self, t0: float, t1: float, from_t0: bool = False) -> float:
        """Longest gap (ms) between heartbeats around [t0, t1] (from the last heartbeat
        before ``t0``; from ``t0`` itself with ``from_t0``: the time before it was
        measured on its own, e.g. the first paint before the window's "ready")."""
        before = [t for t in self.ticks if t <= t0]
        inside = [t for t in self.ticks if t0 < t <= t1]
        pts = ([before[-1]] if before and not from_t0 else [t0]) + inside + [t1]
        return max((b - a) * 1000 for a, b in zip(pts, pts[1:], strict=False))


def _pending(window) -> bool:
    probe = getattr(window, "jobs_pending", None)
    return bool(probe()) if probe is not None else False


def _settle(app, window, limit_s: float) -> None:
    """Process events until the window has no background work (or ``limit_s``)."""
    end = time.perf_counter() + limit_s
    app.processEvents()
    while _pending(window) and time.perf_counter() < end:
        time.sleep(0.002)
        app.processEvents()
    app.processEvents()


def _measure(app, window, clock: Clock, actions, settle_s: float = 600.0, minus_ms: float = 0.0) -> dict:
    """Run each action, wait until applied; times (ms) and the longest block."""
    times, blocks = [], []
    spent = time.perf_counter()
    for act in actions:
        # a heartbeat just before, so the block is measured from a known tick
        t_wait = time.perf_counter() + 0.02
        while time.perf_counter() < t_wait:
            app.processEvents()
            time.sleep(0.002)
        t0 = time.perf_counter()
        act()
        _settle(app, window, settle_s)
        t1 = time.perf_counter()
        times.append(max(0.0, (t1 - t0) * 1000 - minus_ms))
        blocks.append(clock.block_since(t0, t1))
        if time.perf_counter() - spent > BUDGET_S:
            break
    return {"median": statistics.median(times), "worst": max(times), "block": max(blocks), "n": len(times),
            "times": [round(t) for t in times], "blocks": [round(b) for b in blocks]}


def run_child(path: str, what: str) -> dict:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from viewer.app import _load
    from viewer.io import read_timeline

    app = QApplication.instance() or QApplication([])
    from viewer.ui.main_window import MainWindow

    clock = Clock()
    if what == "opencached":
        return _open_cached(app, clock, path)
    if what == "openzone":
        return _open_cached(app, clock, path, zone="Europe/Berlin", key="openzone")
    if what == "reload":
        return _reload(app, clock, path)
    t_open = time.perf_counter()
    tl = read_timeline(path)
    window = MainWindow(tl, _load, path)
    window.resize(1920, 1080)
    window.show()
    app.processEvents()
    window.grab()
    paint_s = time.perf_counter() - t_open
    t_ready = time.perf_counter()
    _settle(app, window, 900)
    t_idle = time.perf_counter()
    out: dict = {"ready_s": t_idle - t_open, "paint_s": paint_s,
                 "ready_block": clock.block_since(t_ready, t_idle, from_t0=True)}
    state, view = window.state, window.view
    cols = tl.columns
    if what == "tracks10k":
        lo, hi = cols.extent()
        frames = []
        for k in range(6):
            a = lo + (hi - lo) * k / 20
            t0 = time.perf_counter()
            view.set_x_range(a, a + (hi - lo) / 2)
            view.grab()
            frames.append((time.perf_counter() - t0) * 1000)
        out["frames"] = {"median": statistics.median(frames), "worst": max(frames)}
        return out
    if what == "quotes100k":
        out["select"] = _measure(app, window, clock, [lambda e=e: setattr(state, "selected", e)
                                                      for e in ("big", "small", "big")])
        return out
    busy_rows = _busy_rows(tl)
    ids = [cols.ids[r] for r in busy_rows]
    if what == "search":
        from viewer.ui import search_bar

        # the debounce is waiting, not work: taken off where the window debounces
        large = bool(getattr(window.shown, "large", False))
        debounce = float(getattr(search_bar, "SEARCH_DEBOUNCE_MS", 0)) if large else 0.0
        field = window.search_bar.field
        out["search_first"] = _measure(app, window, clock, [lambda: field.setText("p")], minus_ms=debounce)
        texts = ["pr", "pro", "prot", "prote", "protes", "protest", "protest ", "protest 1", ""]
        out["search_later"] = _measure(app, window, clock, [lambda t=t: field.setText(t) for t in texts],
                                       minus_ms=debounce)
        field.setText("protest 1")
        _settle(app, window, 600)
        out["matches"] = len(state.matches)
    elif what == "filter":
        tid = tl.tracks[3].id
        out["filter"] = _measure(app, window, clock, [
            lambda h=(k % 2 == 0): setattr(state, "filters", state.filters.with_track_hidden(tid, h))
            for k in range(6)])
    elif what == "filtertab":
        tabs = window.side_tabs
        tabs.setCurrentWidget(window.filter_panel)
        _settle(app, window, 600)
        tid = tl.tracks[3].id
        out["filtertab"] = _measure(app, window, clock, [
            lambda h=(k % 2 == 0): setattr(state, "filters", state.filters.with_track_hidden(tid, h))
            for k in range(6)])
    elif what == "facets":
        panel = window.filter_panel
        out["facets"] = _measure(app, window, clock, [panel.fill] * 5)
    elif what == "zone":
        out["zone"] = _measure(app, window, clock, [
            lambda z=("Europe/Berlin" if k % 2 == 0 else "UTC"): setattr(state, "display_zone", z)
            for k in range(4)])
    elif what == "dday":
        day_only = [cols.ids[r] for r in range(len(cols))
                    if cols.kind[r] == 0 and cols.x1[r] - cols.x0[r] >= 86400][:1]
        ref = day_only[0] if day_only else cols.ids[0]
        out["dday"] = _measure(app, window, clock, [
            lambda r=(ref if k % 2 == 0 else None): setattr(state, "dday", r) for k in range(6)])
    elif what == "select":
        out["select"] = _measure(app, window, clock, [lambda e=e: setattr(state, "selected", e) for e in ids[:10]])
    elif what == "step":
        out["step_first"] = _measure(app, window, clock, [lambda: view.step(+1)])
        out["step"] = _measure(app, window, clock, [lambda d=d: view.step(d) for d in (1, 1, 1, -1, 1, 1, -1, 1, 1)])
    elif what == "tracks":
        tid = tl.tracks[2].id
        order = tuple(t.id for t in tl.tracks)
        out["collapse"] = _measure(app, window, clock, [lambda: state.toggle_track_collapsed(tid)] * 4)
        out["reorder"] = _measure(app, window, clock, [
            lambda o=o: setattr(state, "filters", _with_order(state.filters, o)) for o in (order[::-1], order) * 2])
    elif what == "story":
        from viewer.model.story import Story, StoryStep
        from viewer.ui.present import PresentWindow

        story = Story("Bench", tuple(StoryStep(e) for e in ids[:10]))
        present = PresentWindow(window.shown.timeline, story, animation_ms=0, screen_height=1080)
        present.resize(1920, 1080)
        present.show()
        app.processEvents()
        present.grab()

        def next_step():  # painted by _settle's processEvents, once, as on screen (a grab painted it twice)
            present.presentation.next()

        out["story"] = _measure(app, window, clock, [next_step] * 8)
        present.close()
    elif what == "open":
        # another file of the same content and no cache (a copy), opened from the window
        copy = os.path.join(tempfile.mkdtemp(prefix="tv-bench-open-"), "copy.timeline.json")
        shutil.copyfile(path, copy)

        def open_copy():
            window.open_file(copy)
            app.processEvents()

        out["open"] = _measure(app, window, clock, [open_copy])
        out["opened"] = window.path == copy
        shutil.rmtree(os.path.dirname(copy), ignore_errors=True)
    elif what == "export":
        from PySide6.QtCore import QTimer

        def open_dialog():
            def close():
                box = QApplication.activeModalWidget()
                if box is not None:
                    box.reject()
            QTimer.singleShot(0, close)
            window.files.picture_dialog()

        out["export"] = _measure(app, window, clock, [open_dialog] * 3)
    if what in RSS_OF:
        out["rss_mb"] = _rss_mb()
        end = time.perf_counter() + IDLE_RSS_S  # the window left alone: what it gives back
        while time.perf_counter() < end:
            app.processEvents()
            time.sleep(0.01)
        out["rss_idle_mb"] = _rss_mb()
    return out


def _open_cached(app, clock: Clock, path: str, zone: str = "UTC", key: str = "opencached") -> dict:
    """The window on the bundled timeline, shown (in display ``zone``); then ``open_file(path)`` as
    ``viewer.app`` does for a large file on the command line: time and longest block until shown and idle."""
    from viewer.app import _load
    from viewer.resources import bundled_timeline_path
    from viewer.ui.main_window import MainWindow

    bundled = bundled_timeline_path()
    window = MainWindow(_load(bundled), _load, bundled)
    window.resize(1920, 1080)
    window.show()
    app.processEvents()
    window.grab()
    window.state.display_zone = zone
    _settle(app, window, 60)

    t_wait = time.perf_counter() + 0.02  # a heartbeat just before, as in _measure
    while time.perf_counter() < t_wait:
        app.processEvents()
        time.sleep(0.002)
    t0 = time.perf_counter()
    window.open_file(path)
    while window.path != path:
        app.processEvents()
        time.sleep(0.002)
    app.processEvents()
    window.grab()
    t_shown = time.perf_counter()
    _settle(app, window, 900)  # then the background work after opening (the search index...)
    t_idle = time.perf_counter()
    shown_ms = (t_shown - t0) * 1000
    return {key: {"median": shown_ms, "worst": shown_ms, "block": clock.block_since(t0, t_idle), "n": 1,
                           "times": [round(shown_ms)], "blocks": [round(clock.block_since(t0, t_shown))]},
            "ready_s": t_idle - t0, "paint_s": t_shown - t0, "ready_block": clock.block_since(t_shown, t_idle, True),
            "opened": window.path == path}


def _reload(app, clock: Clock, path: str) -> dict:
    """A copy of ``path`` open and idle; one title changed on disk; the file watcher's reload:
    time until the new content is shown and painted, longest block until idle."""
    from viewer.app import _load
    from viewer.ui.main_window import MainWindow

    folder = tempfile.mkdtemp(prefix="tv-bench-reload-")
    copy = os.path.join(folder, "copy.timeline.json")
    shutil.copyfile(path, copy)
    window = MainWindow(_load(copy), _load, copy)
    window.resize(1920, 1080)
    window.show()
    app.processEvents()
    window.grab()
    _settle(app, window, 900)
    window.files.watcher.blockSignals(True)  # the reload below is the one measured
    old = window.timeline
    with open(copy, "rb") as fh:
        data = fh.read()
    at = data.index(b'"title"', data.index(b'"events"'))
    end = data.index(b'"', at + 9)
    with open(copy, "wb") as fh:  # the first event's title, same length, last character changed
        fh.write(data[:end - 1] + (b"X" if data[end - 1:end] != b"X" else b"Y") + data[end:])
    del data
    t_wait = time.perf_counter() + 0.02  # a heartbeat just before, as in _measure
    while time.perf_counter() < t_wait:
        app.processEvents()
        time.sleep(0.002)
    t0 = time.perf_counter()
    authoring = getattr(window, "authoring", None)
    (authoring.reload_changed_file if authoring is not None else window.files.reload)()
    while window.timeline is old:
        app.processEvents()
        time.sleep(0.002)
    app.processEvents()
    window.grab()
    t_shown = time.perf_counter()
    _settle(app, window, 900)
    t_idle = time.perf_counter()
    shown_ms = (t_shown - t0) * 1000
    shutil.rmtree(folder, ignore_errors=True)
    return {"reload": {"median": shown_ms, "worst": shown_ms, "block": clock.block_since(t0, t_idle), "n": 1,
                       "times": [round(shown_ms)], "blocks": [round(clock.block_since(t0, t_shown))]},
            "ready_s": t_idle - t0, "paint_s": t_shown - t0, "ready_block": clock.block_since(t_shown, t_idle, True)}


RSS_OF = ("filter", "zone")  #: the interactions after which the resident set is measured
IDLE_RSS_S = 6.0  #: ... and again after this long idle


def _rss_mb() -> float:
    """The process's resident set now (MB, ``/proc/self/statm``; NaN elsewhere)."""
    try:
        with open("/proc/self/statm", encoding="ascii") as fh:
            return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
    except (OSError, ValueError):
        return float("nan")


def _with_order(filters, order):
    import dataclasses

    return dataclasses.replace(filters, track_order=tuple(order))


def _busy_rows(tl) -> list[int]:
    """Rows of ten events at noon of the second burst day (spread over its hour)."""
    import numpy as np

    from viewer.model.synthetic import BURST_DAYS, YEAR_START

    cols = tl.columns
    x = YEAR_START + BURST_DAYS[1] * 86400 + 12 * 3600 - cols.origin_epoch_s
    rows = np.flatnonzero((cols.kind == 0) & (np.abs(cols.xm - x) < 1800))
    if len(rows) < 10:
        rows = np.arange(min(len(cols), 40))
    return rows[:: max(1, len(rows) // 10)][:10].tolist()


# ---------------------------------------------------------------------------
# the parent: spawn children, print the table


def _spawn(code: str, path: Path, what: str, timeout: float, cache_dir: str) -> dict | None:
    return child_result(__file__, code, [what, "--one-file", str(path)],
                        env={"TIMELINE_VIEWER_CACHE_DIR": cache_dir}, timeout=timeout)


def _prepare_cache(code: str, path: Path, cache_dir: str) -> None:
    """Open the file once so its columnar cache exists in ``cache_dir``, the children's
    per-user cache folder (as a user's second opening)."""
    subprocess.run([sys.executable, "-c", f"from viewer.io import read_timeline; read_timeline({str(path)!r}).columns"],
                   env=dict(os.environ, PYTHONPATH=code, TIMELINE_VIEWER_CACHE_DIR=cache_dir), cwd=code, check=True)


def header() -> str:
    import numpy
    import PySide6
    from PySide6.QtCore import qVersion

    load = os.getloadavg() if hasattr(os, "getloadavg") else (float("nan"),) * 3
    cpu = ""
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as fh:
            cpu = next((ln.split(":", 1)[1].strip() for ln in fh if ln.startswith("model name")), "")
    except OSError:
        pass
    return (f"machine: {platform.machine()} {cpu}, {os.cpu_count()} CPUs, {platform.system()} {platform.release()}; "
            f"Python {platform.python_version()}, Qt {qVersion()}, PySide6 {PySide6.__version__}, "
            f"numpy {numpy.__version__}, SQLite {__import__('sqlite3').sqlite_version}; offscreen 1920x1080\n"
            f"load average at start: {load[0]:.2f} {load[1]:.2f} {load[2]:.2f} (1/5/15 min)")


_COLUMNS = (("search_first", "search first"), ("search_later", "search later"), ("filter", "filter"),
            ("filtertab", "filter, Filters tab"), ("facets", "facets"), ("zone", "zone"), ("dday", "D-day"),
            ("select", "select"),
            ("step_first", "→ first"), ("step", "← →"), ("collapse", "collapse"), ("reorder", "reorder"),
            ("story", "story step"), ("export", "export dialog"), ("open", "open, no cache"),
            ("opencached", "open, cached"), ("openzone", "open, cached, Berlin"), ("reload", "reload"))
_OF = {"search_first": "search", "search_later": "search", "step_first": "step", "step": "step",
       "collapse": "tracks", "reorder": "tracks"}


def _cell(r: dict | None, timeout: float) -> str:
    if r is None:
        return f">{timeout:.0f} s (timeout)"
    return f"{r['median']:.0f} / {r['worst']:.0f} (block {r['block']:.0f})"


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--sizes", type=int, nargs="+", default=list(DEFAULT_SIZES))
    add_child_options(p, "run the interactions")
    p.add_argument("--timeout", type=float, default=180.0, help="seconds per interaction process")
    p.add_argument("--only", nargs="+", choices=INTERACTIONS, help="run only these interactions")
    p.add_argument("--no-extra", action="store_true", help="skip the 10,000-track and 100,000-quote rows")
    args = p.parse_args(argv)
    if args.child:
        print("RESULT " + json.dumps(run_child(args.one_file, args.child)), flush=True)
        return 0
    here = str(Path(__file__).resolve().parent.parent)
    codes = code_folders(args.code, f"this={here}")
    folder = Path(args.data)
    folder.mkdir(parents=True, exist_ok=True)
    cache_dir = tempfile.mkdtemp(prefix="tv-bench-cache-")  # mode 0o700
    print(header())
    which = args.only or INTERACTIONS
    cols = [c for c in _COLUMNS if _OF.get(c[0], c[0]) in which]
    print("\nms, median / worst (longest GUI block while it ran); ready: open to idle, s (block ms)\n")
    rss_col = any(w in which for w in RSS_OF)
    print("| N | code | ready | " + " | ".join(c[1] for c in cols) + (" | RSS MB, end / idle |" if rss_col else " |"))
    print("|---|---|---|" + "---|" * (len(cols) + rss_col))
    for n in args.sizes:
        path = data_file(folder, n)
        for label, code in codes:
            # the per-user cache starts with the file's columnar cache only, for each
            # file and code: the first child ("search") builds the search index the
            # others then reuse
            shutil.rmtree(cache_dir, ignore_errors=True)
            os.makedirs(cache_dir, mode=0o700, exist_ok=True)
            _prepare_cache(code, path, cache_dir)
            res: dict = {}
            ready = None
            rss: list[tuple[float, float]] = []
            for what in which:
                r = _spawn(code, path, what, args.timeout, cache_dir)
                if r is not None and "rss_mb" in r:
                    rss.append((r["rss_mb"], r["rss_idle_mb"]))
                for key, _ in cols:
                    if _OF.get(key, key) == what:
                        res[key] = None if r is None else r.get(key)
                if r is not None and (ready is None or what == "search"):
                    ready = r
            rd = "–" if ready is None else f"{ready['ready_s']:.1f} s ({ready['ready_block']:.0f})"
            mem = ""
            if rss_col:
                mem = " | " + (f"{max(a for a, _ in rss):,.0f} / {max(b for _, b in rss):,.0f}" if rss else "–")
            print(f"| {n:,} | {label} | {rd} | " + " | ".join(_cell(res.get(k), args.timeout) for k, _ in cols)
                  + mem + " |", flush=True)
    if not args.no_extra:
        print("\n| case | code | open to first paint s | ready s (block ms) | redraw ms median / worst | select ms |")
        print("|---|---|---|---|---|---|")
        tracks, quotes = many_tracks_file(folder), many_quotes_file(folder)
        for label, code in codes:
            _prepare_cache(code, tracks, cache_dir)
            r = _spawn(code, tracks, "tracks10k", args.timeout, cache_dir)
            q = _spawn(code, quotes, "quotes100k", args.timeout, cache_dir)
            rt = "timeout" if r is None else (f"{r['paint_s']:.1f} | {r['ready_s']:.1f} ({r['ready_block']:.0f}) | "
                                               f"{r['frames']['median']:.0f} / {r['frames']['worst']:.0f}")
            print(f"| 10,000 tracks, 100,000 events | {label} | {rt} | – |")
            sel = _cell(None if q is None else q["select"], args.timeout)
            print(f"| one event with 100,000 quotes | {label} | – | – | – | {sel} |", flush=True)
    load = os.getloadavg() if hasattr(os, "getloadavg") else (float("nan"),) * 3
    print(f"\nload average at end: {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}")
    shutil.rmtree(cache_dir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    if "--child" not in sys.argv:  # a child imports the code named by PYTHONPATH
        sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    raise SystemExit(main())
