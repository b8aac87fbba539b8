"""Issue 12 in the window: a large file is searched, filtered and moved to
another zone in the background (the matches are those of the scan, late
answers do not overwrite newer ones, Cancel leaves no index), and an event
with many quotes shows the first ones and a "Show more"."""

import dataclasses
import os
import threading
import time

import numpy as np

from tests.io.test_search_index import write_big
from viewer.io import read_timeline
from viewer.io import search_index as si
from viewer.model.dates import EventDate
from viewer.model.search import search
from viewer.model.timeline import Event, Quote, Source, SourceKind, Timeline, Track
from viewer.model.zones import timeline_on_local_days
from viewer.ui import search_jobs
from viewer.ui.detail_pane import QUOTES_PAGE
from viewer.ui.event_list import ID_ROLE
from viewer.ui.main_window import MainWindow


def idle(qtbot, w, timeout=20000):
    qtbot.waitUntil(lambda: not w.jobs_pending(), timeout=timeout)


def test_typing_searches_in_the_background_with_the_scans_matches(big_window, qtbot):
    w, tl = big_window
    idle(qtbot, w)  # the index was built after opening
    assert os.listdir(os.environ[si.CACHE_DIR_ENV])
    field = w.search_bar.field
    for text in ("p", "pr", "protest"):  # typed quickly: one search after the pause
        field.setText(text)
    assert w.state.query == ""  # debounced: nothing asked yet
    assert w.search_bar.count.text() == "searching…"
    idle(qtbot, w)
    assert w.state.query == "protest"
    assert tuple(w.state.matches) == search(tl, "protest")
    n = len(w.state.matches)
    assert w.search_bar.count.text() == f"{n} matches"
    # the Events tab lists the matches, the timeline dims the others
    model = w.event_list.source_model
    assert [model.event_id(r) for r in range(model.rowCount())] == list(w.state.matches)
    emph = w.view.events_item.emphasis
    assert emph is not None and emph.sum() == n
    # F3 steps through them in time order
    w.search_bar.step(+1)
    assert w.state.selected == w.state.matches[0]
    assert w.search_bar.count.text() == f"1 of {n} matches"
    w.search_bar.step(-1)
    assert w.state.selected == w.state.matches[-1]


def test_filters_and_zone_apply_in_the_background_and_keep_the_search(big_window, qtbot):
    w, tl = big_window
    idle(qtbot, w)
    w.search_bar.field.setText("minsk")
    idle(qtbot, w)
    all_minsk = len(w.state.matches)
    w.state.filters = w.state.filters.with_track_hidden("t0", True)
    assert w.shown.deriving()
    idle(qtbot, w)
    assert all(tl.event(e).track != "t0" for e in w.state.matches)
    assert 0 < len(w.state.matches) < all_minsk
    w.state.display_zone = "Europe/Berlin"
    w.state.display_zone = "Asia/Kathmandu"  # asked before the first was applied: only the last shows
    idle(qtbot, w)
    cols = w.shown.timeline.columns
    want = timeline_on_local_days(tl, "Asia/Kathmandu").columns
    assert w.view.timeline is w.shown.timeline
    assert len(cols) < len(want)  # still filtered
    assert set(cols.ids) <= set(want.ids)


def test_cancel_stops_the_index_and_leaves_nothing(big_window, qtbot, monkeypatch, tmp_path):
    w, tl = big_window
    idle(qtbot, w)
    jobs = w.shown.jobs
    cache = tmp_path / "cache"
    for f in os.listdir(cache):
        os.remove(cache / f)
    jobs.index = None
    real_build = si.SearchIndex.build

    def slow_build(path, timeline, progress=None, cancelled=None):  # batches of 100, 50 ms each
        monkeypatch.setattr(si, "_BATCH", 100)
        return real_build(path, timeline, progress, lambda: time.sleep(0.05) or cancelled())

    monkeypatch.setattr(search_jobs.SearchIndex, "build", staticmethod(slow_build))
    w.search_bar.field.setText("protest")
    qtbot.waitUntil(lambda: w.search_bar.progress_action.isVisible(), timeout=5000)
    assert "indexing for search" in w.search_bar.count.text()
    w.search_bar.cancel_button.click()
    idle(qtbot, w)
    assert not w.search_bar.progress_action.isVisible()
    assert w.state.matches == ()
    assert "cancelled" in w.search_bar.count.text()
    qtbot.wait(300)  # the thread notices the cancel and removes its temporary file
    assert [f for f in os.listdir(cache)] == []


def test_an_event_with_many_quotes_shows_a_page_and_show_more(qtbot):
    src = Source("wire", SourceKind("news_article"), outlet="Wire")
    quotes = tuple(Quote(f"Statement {k}", speaker="Spokesman", source="wire") for k in range(120))
    tl = Timeline("Quotes", tracks=(Track("t", "Talks"),), sources=(src,),
                  events=(Event("big", "Press conference", EventDate("2022-02-10"), track="t",
                                quotes=quotes, sources=("wire",)),
                          Event("small", "Talks", EventDate("2022-02-11"), track="t")))
    w = MainWindow(tl, lambda p: tl, "")
    qtbot.addWidget(w)
    w.state.selected = "big"
    text = w.details.toPlainText()
    assert "Quotes (120)" in text
    assert f"Statement {QUOTES_PAGE - 1}”" in text and f"Statement {QUOTES_PAGE}”" not in text
    assert f"Showing the first {QUOTES_PAGE} of 120 quotes" in text and f"Show {QUOTES_PAGE} more" in text
    w.details.show_more_quotes()
    text = w.details.toPlainText()
    assert f"Statement {2 * QUOTES_PAGE - 1}”" in text and "Show 20 more" in text
    w.details.show_more_quotes()
    text = w.details.toPlainText()
    assert "Statement 119”" in text and "Show" not in text.split("Statement 119")[1].split("Sources")[0]
    w.state.selected = "small"
    w.state.selected = "big"  # another selection starts again from the first page
    assert f"Statement {QUOTES_PAGE}”" not in w.details.toPlainText()


def test_zone_shift_without_events_equals_the_per_event_rule(bundled_path):
    tl = read_timeline(bundled_path)
    cols = tl.columns
    from dataclasses import replace

    plain = replace(tl)
    vars(plain)["columns"] = replace(cols, cal_start=None, cal_end=None)  # asks the events
    for zone in ("Europe/Berlin", "Asia/Kathmandu", "America/St_Johns", "Pacific/Kiritimati"):
        a = timeline_on_local_days(tl, zone).columns
        b = timeline_on_local_days(plain, zone).columns
        for name in ("x0", "x1", "xm", "solid0", "solid1", "event_index", "time_order", "x1_cummax"):
            assert np.array_equal(getattr(a, name), getattr(b, name), equal_nan=True), (zone, name)
        assert np.array_equal(a.xm_sorted, a.xm[np.lexsort((a.xm, a.lane))])
    # a date-only event moves onto the zone's day: Minsk's 10 Feb starts 9 Feb 21:00 UTC
    minsk = timeline_on_local_days(tl, "Europe/Minsk").columns
    day = EventDate("2022-02-10").earliest - cols.origin_epoch_s
    rows = np.flatnonzero((cols.kind == 0) & (cols.x0 == day) & (cols.x1 == day + 86400))
    assert len(rows)
    moved = minsk.row_of(cols.ids[rows[0]])
    assert minsk.x0[moved] == day - 3 * 3600


def test_a_large_file_opens_in_the_background_and_cancel_keeps_the_open_one(tmp_path, monkeypatch, qtbot,
                                                                             bundled_path):
    from viewer.ui import opening

    monkeypatch.setenv(si.CACHE_DIR_ENV, str(tmp_path / "cache"))
    monkeypatch.setattr(opening, "OPEN_IN_BACKGROUND_BYTES", 1000)
    path = write_big(tmp_path / "big.timeline.json")
    tl = read_timeline(bundled_path)
    w = MainWindow(tl, lambda p: read_timeline(p), bundled_path)
    qtbot.addWidget(w)
    w.show()
    assert w.open_file(path)
    assert w.opening.pending() and w.opening.bar.isVisible()
    assert "Opening big.timeline.json" in w.opening.bar.label.text()
    assert w.timeline is tl  # the open timeline stays on screen meanwhile
    w.opening.bar.cancel.click()
    assert not w.opening.bar.isVisible()
    qtbot.wait(1500)  # the reader finishes; its result is dropped
    assert w.timeline is tl and w.path == bundled_path
    w.open_file(path)
    w.open_file(path)  # asked twice: the first answer is stale, the second shown
    idle(qtbot, w)
    assert w.path == path and len(w.timeline.events) == 3000
    assert w.view.timeline.columns is w.shown.timeline.columns
    assert not w.opening.bar.isVisible()
    # a file that fails shows the error and keeps what is open
    bad = tmp_path / "bad.timeline.json"
    bad.write_text('{"format": "timeline-viewer", "version": 1, "events": [' + " " * 2000 + "]", encoding="utf-8")
    w.open_file(str(bad))
    qtbot.waitUntil(lambda: not w.opening.pending(), timeout=10000)
    assert w.path == path and "bad.timeline.json" in w.last_error.windowTitle() + w.last_error.text()


def test_replaced_timelines_are_freed_without_touching_what_is_shown(big_window, qtbot):
    w, tl = big_window
    idle(qtbot, w)
    file_ids = list(tl.columns.ids)
    for hidden in (True, False, True, False):
        w.state.filters = w.state.filters.with_track_hidden("t0", hidden)
        idle(qtbot, w)
    w.state.display_zone = "Europe/Berlin"
    idle(qtbot, w)
    from viewer.ui.shown import releasing

    qtbot.waitUntil(lambda: not releasing(), timeout=30000)
    # the file's timeline and the one on screen are whole after the old ones went
    assert list(tl.columns.ids) == file_ids
    shown = w.shown.timeline
    want = timeline_on_local_days(tl, "Europe/Berlin").columns
    assert list(shown.columns.ids) == list(want.ids)
    model = w.event_list.source_model
    assert model.rowCount() == len(want)
    assert [model.event_id(r) for r in (0, len(want) - 1)] == [want.ids[want.time_order[0]],
                                                               want.ids[want.time_order[-1]]]
    w.state.selected = want.ids[5]
    assert w.shown.timeline.has_event(want.ids[5])
    assert w.event_list.model().data(w.event_list.currentIndex(), ID_ROLE) == want.ids[5]


def test_opening_shows_how_far_it_got_and_cancel_stops_the_reader(tmp_path, monkeypatch, qtbot, bundled_path):
    from viewer.io import bulk
    from viewer.ui import opening

    monkeypatch.setenv(si.CACHE_DIR_ENV, str(tmp_path / "cache"))
    monkeypatch.setattr(opening, "OPEN_IN_BACKGROUND_BYTES", 1000)
    monkeypatch.setattr(bulk, "_REPORT_EVERY", 100)
    reports = []
    real_report = bulk.report

    def slow_report(done, total):  # a slow disk: 30 reports, 60 ms apart
        reports.append(done)
        time.sleep(0.06)
        real_report(done, total)

    monkeypatch.setattr(bulk, "report", slow_report)
    path = write_big(tmp_path / "big.timeline.json")
    tl = read_timeline(bundled_path)
    w = MainWindow(tl, lambda p: read_timeline(p), bundled_path)
    qtbot.addWidget(w)
    w.show()
    assert w.open_file(path)
    bar = w.opening.bar.progress
    qtbot.waitUntil(lambda: bar.maximum() == 1000 and bar.value() > 0, timeout=10000)  # a filling bar
    w.opening.bar.cancel.click()
    at_cancel = len(reports)
    qtbot.waitUntil(lambda: not any(t.name == "open-file" for t in threading.enumerate()), timeout=10000)
    assert len(reports) <= at_cancel + 1 < 30  # the reader stopped at its next report
    assert w.timeline is tl and w.path == bundled_path
    assert not w.opening.bar.isVisible()
    cache = tmp_path / "cache"
    assert not cache.exists() or not os.listdir(cache)  # no cache of the stopped reading


def test_only_the_latest_filter_is_applied_and_a_withdrawn_one_not_at_all(big_window, qtbot):
    from viewer.ui.shown import DERIVER

    w, tl = big_window
    idle(qtbot, w)
    swaps = []
    w.shown.sigShownChanged.connect(swaps.append)
    start = w.state.filters
    for tid in ("t0", "t1", "t2"):  # clicked quickly: only the last one is shown
        w.state.filters = start.with_track_hidden(tid, True)
    idle(qtbot, w)
    shown = w.shown.timeline
    assert [t.id for t in shown.tracks] == [t.id for t in tl.tracks if t.id != "t2"]
    assert len(swaps) == 1 and w.view.timeline is shown
    assert set(shown.columns.ids) == {e for e in tl.columns.ids if tl.event(e).track != "t2"}
    # asked for and taken back before it was ready: the window keeps what it shows
    w.state.filters = start.with_track_hidden("t3", True)
    w.state.filters = start.with_track_hidden("t2", True)
    idle(qtbot, w)
    qtbot.waitUntil(lambda: not DERIVER.busy(), timeout=10000)
    qtbot.wait(50)  # a late answer would arrive now
    assert w.shown.timeline is shown and w.view.timeline is shown


def test_the_derivation_thread_delivers_only_the_latest_request(big_window, monkeypatch):
    from viewer.model.filters import FilterState
    from viewer.ui import shown as shown_mod

    _w, tl = big_window
    first_started, release = threading.Event(), threading.Event()
    real = shown_mod._derive_unless

    def derive(key, superseded):
        if key[1].hidden_tracks == {"t0"}:
            first_started.set()
            release.wait(5)
        return real(key, superseded)

    monkeypatch.setattr(shown_mod, "_derive_unless", derive)
    worker, owner, got, done = shown_mod.Deriver(), object(), [], threading.Event()

    def deliver(key, shown):
        got.append((key[1], shown))
        done.set()

    worker.submit(owner, (tl, FilterState(hidden_tracks=frozenset({"t0"})), "UTC"), deliver)
    assert first_started.wait(5)
    worker.submit(owner, (tl, FilterState(hidden_tracks=frozenset({"t1"})), "UTC"), deliver)
    release.set()
    assert done.wait(10)
    time.sleep(0.2)
    assert [f.hidden_tracks for f, _ in got] == [{"t1"}]  # the superseded one delivered nothing
    assert "t1" not in [t.id for t in got[0][1].tracks]
    assert not worker.busy()


def test_the_edit_tab_lists_a_page_of_quotes_and_show_more(qtbot):
    quotes = tuple(Quote(f"Statement {k}", speaker="Spokesman") for k in range(120))
    tl = Timeline("Quotes", tracks=(Track("t", "Talks"),),
                  events=(Event("big", "Press conference", EventDate("2022-02-10"), track="t", quotes=quotes),))
    w = MainWindow(tl, lambda p: tl, "")
    qtbot.addWidget(w)
    w.state.selected = "big"
    form = w.edit_form
    ql = form.quote_list
    assert ql.count() == QUOTES_PAGE + 1
    assert ql.item(QUOTES_PAGE).text() == f"Show {QUOTES_PAGE} more of {120 - QUOTES_PAGE}…"
    assert form.fields["q_text"].text() == "Statement 0"
    ql.setCurrentRow(QUOTES_PAGE)  # "Show more": the next page, its first quote selected
    assert ql.count() == 2 * QUOTES_PAGE + 1 and ql.currentRow() == QUOTES_PAGE
    assert form.fields["q_text"].text() == f"Statement {QUOTES_PAGE}"
    ql.setCurrentRow(2 * QUOTES_PAGE)
    assert ql.count() == 120 and form.fields["q_text"].text() == f"Statement {2 * QUOTES_PAGE}"
    # a quote added is listed and selected, however many there are
    assert form.add_quote() == []
    assert ql.count() == 121 and ql.currentRow() == 120 and form.fields["q_text"].text() == ""


def test_switching_back_shows_the_kept_timeline_at_once(big_window, qtbot, monkeypatch):
    from viewer.ui import shown as shown_mod

    w, tl = big_window
    idle(qtbot, w)
    derived = []
    real = shown_mod._derive_unless
    monkeypatch.setattr(shown_mod, "_derive_unless", lambda key, sup: derived.append(key[1:]) or real(key, sup))
    model = w.event_list.source_model

    def listed():
        return {model.event_id(r) for r in range(model.rowCount())}

    start = w.state.filters
    without_t0 = start.with_track_hidden("t0", True)
    w.state.filters = without_t0
    assert w.shown.deriving()
    idle(qtbot, w)
    hidden = w.shown.timeline
    want = {e for e in tl.columns.ids if tl.event(e).track != "t0"}
    assert set(hidden.columns.ids) == want and listed() == want
    w.state.filters = start  # shown again: the file's own timeline, at once
    assert not w.shown.deriving()
    assert w.shown.timeline is tl and w.view.timeline is tl and listed() == set(tl.columns.ids)
    w.state.filters = without_t0  # hidden again: the kept timeline, at once
    assert not w.shown.deriving()
    assert w.shown.timeline is hidden and w.view.timeline is hidden
    assert listed() == want and "t0" not in [t.id for t in w.view.timeline.tracks]
    # the zone switched there and back
    w.state.display_zone = "Europe/Berlin"
    idle(qtbot, w)
    berlin = w.shown.timeline
    assert berlin is not hidden and set(berlin.columns.ids) == want
    w.state.display_zone = "UTC"
    assert not w.shown.deriving() and w.shown.timeline is hidden and w.view.timeline is hidden
    w.state.display_zone = "Europe/Berlin"
    assert not w.shown.deriving() and w.shown.timeline is berlin and w.view.timeline is berlin
    moved = timeline_on_local_days(hidden, "Europe/Berlin").columns
    np.testing.assert_array_equal(w.view.timeline.columns.x0, moved.x0)
    assert derived == [(without_t0, "UTC"), (without_t0, "Europe/Berlin")]  # each derived once
    # a few others: only the latest few are kept, the first one is derived again
    for tid in ("t1", "t2", "t3"):
        w.state.filters = start.with_track_hidden(tid, True)
        idle(qtbot, w)
    assert len(w.shown._recent) <= shown_mod.KEEP_DERIVED
    w.state.filters = without_t0
    assert w.shown.deriving()
    idle(qtbot, w)
    assert set(w.shown.timeline.columns.ids) == want and listed() == want


def test_another_file_forgets_the_kept_timelines(big_window, qtbot):
    w, tl = big_window
    idle(qtbot, w)
    start = w.state.filters
    w.state.filters = start.with_track_hidden("t0", True)
    idle(qtbot, w)
    w.state.filters = start
    assert w.shown._recent
    w.set_timeline(read_timeline(w.path), w.path)  # the file read again
    idle(qtbot, w)
    assert all(k[0] is w.timeline for k, _ in w.shown._recent)
    w.state.filters = start.with_track_hidden("t0", True)
    assert w.shown.deriving()  # derived again, from the new file's timeline
    idle(qtbot, w)
    assert set(w.shown.timeline.columns.ids) == {e for e in w.timeline.columns.ids
                                                 if w.timeline.event(e).track != "t0"}


def test_the_first_derivation_after_opening_is_rehearsed_and_a_request_stops_it(big_window, qtbot):
    from viewer.model.filters import FilterState
    from viewer.ui import shown as shown_mod

    _w, tl = big_window
    worker, got, done = shown_mod.Deriver(), [], threading.Event()
    worker.prepare(tl)
    assert worker.rehearsing()
    qtbot.waitUntil(lambda: not worker.rehearsing(), timeout=20000)
    worker.prepare(tl)
    worker.submit(object(), (tl, FilterState(hidden_tracks=frozenset({"t1"})), "Asia/Kathmandu"),
                  lambda key, shown: (got.append(shown), done.set()))
    assert done.wait(20)
    qtbot.waitUntil(lambda: not worker.rehearsing() and not worker.busy(), timeout=20000)
    want = timeline_on_local_days(tl, "Asia/Kathmandu").columns
    assert list(got[0].columns.ids) == [e for e in want.ids if tl.event(e).track != "t1"]


def test_a_reorder_while_a_filter_is_derived_keeps_that_derivation_and_shows_both(big_window, qtbot):
    w, tl = big_window
    idle(qtbot, w)
    hidden = tl.tracks[0].id
    w.state.filters = w.state.filters.with_track_hidden(hidden, True)
    assert w.shown.deriving()
    wanted = w.shown._wanted
    order = tuple(t.id for t in reversed(tl.tracks))
    w.state.filters = dataclasses.replace(w.state.filters, track_order=order)
    assert w.shown._wanted is wanted  # the derivation on its way is the one wanted: not asked again
    idle(qtbot, w)
    assert w.view.lanes.track_ids == tuple(t for t in order if t != hidden)  # hidden, and in the new order
    assert hidden not in {t.id for t in w.view.timeline.tracks}


def test_a_file_asked_for_after_a_large_one_is_the_one_shown_and_edits_are_never_replaced(
        tmp_path, monkeypatch, qtbot, bundled_path):
    """A large file read in the background came in after a small file opened later, and
    replaced it with its unsaved edits, without asking (break-it finding)."""
    import shutil

    from viewer.ui import opening

    monkeypatch.setenv(si.CACHE_DIR_ENV, str(tmp_path / "cache"))
    monkeypatch.setattr(opening, "OPEN_IN_BACKGROUND_BYTES", 200_000)  # big: yes, the bundled copy: no
    big = write_big(tmp_path / "big.timeline.json")
    small = str(tmp_path / "small.timeline.json")
    shutil.copy(bundled_path, small)
    w = MainWindow(read_timeline(bundled_path), lambda p: read_timeline(p), bundled_path)
    qtbot.addWidget(w)
    w.show()
    asked = []
    monkeypatch.setattr(w.authoring, "ask_unsaved", lambda: asked.append(w.path) or "cancel")
    # 1. big (background), then small (at once): small stays, whatever big does later
    assert w.open_file(big) and w.opening.pending()
    assert w.open_file(small) and w.path == small
    assert not w.opening.pending()
    w.state.selected = w.timeline.events[3].id
    w.edit_form.delete_event()
    assert w.authoring.modified
    edited = w.timeline
    qtbot.wait(1500)
    idle(qtbot, w)
    assert w.path == small and w.timeline is edited and w.authoring.modified and asked == []
    # 2. big asked for with unsaved edits is asked about on arrival; Cancel keeps the edits
    assert w.opening.open_file(big)  # (past File > Open's own question, as if answered "go on")
    qtbot.waitUntil(lambda: not w.opening.pending(), timeout=20000)
    assert asked == [small] and w.path == small and w.timeline is edited and w.authoring.modified


def test_a_cached_large_file_is_read_off_the_gui_thread_and_painted_before_its_rehearsal(
        tmp_path, monkeypatch, qtbot, bundled_path):
    """Opening a large file that has its cache: the cache is read by another thread while
    the window shows the timeline open (Cancel keeps it).  The new timeline is painted
    before its first derivations are rehearsed: the rehearsal's thread took turns with
    that first paint, the window's longest block of an opening at 10^6 events."""
    from PySide6.QtCore import QEvent, QObject

    from viewer.io import bulk
    from viewer.ui import opening
    from viewer.ui import shown as shown_mod

    monkeypatch.setenv(si.CACHE_DIR_ENV, str(tmp_path / "cache"))
    monkeypatch.setattr(opening, "OPEN_IN_BACKGROUND_BYTES", 1000)
    monkeypatch.setattr(bulk, "CACHE_MIN_EVENTS", 100)
    path = write_big(tmp_path / "big.timeline.json")
    read_timeline(path)  # an earlier opening made its cache
    assert os.path.exists(bulk.cache_path(path))
    readers, real_read = [], bulk._read_cache

    def read_cache(*args):
        readers.append(threading.current_thread())
        return real_read(*args)

    monkeypatch.setattr(bulk, "_read_cache", read_cache)
    tl = read_timeline(bundled_path)
    w = MainWindow(tl, read_timeline, bundled_path)
    qtbot.addWidget(w)
    w.resize(1200, 700)
    w.show()
    qtbot.waitExposed(w)
    painted = []  # the timeline the view had at each paint

    class Paints(QObject):
        def eventFilter(self, obj, ev):  # noqa: N802 - Qt's name
            if ev.type() == QEvent.Type.Paint:
                painted.append(w.view.timeline)
            return False

    paints = Paints()
    w.view.viewport().installEventFilter(paints)
    rehearsed = []  # at each rehearsal: had the new timeline been painted?
    monkeypatch.setattr(shown_mod.DERIVER, "prepare",
                        lambda timeline: rehearsed.append(any(p is w.view.timeline for p in painted)))
    assert w.open_file(path)
    assert w.opening.pending() and w.opening.bar.isVisible() and w.timeline is tl
    w.opening.bar.cancel.click()
    qtbot.wait(500)
    assert w.timeline is tl and w.path == bundled_path  # cancelled: the open timeline stays
    assert w.open_file(path)
    idle(qtbot, w)
    assert w.path == path and len(w.timeline.events) == 3000
    assert readers and all(t is not threading.main_thread() for t in readers)  # never on the GUI thread
    assert rehearsed == [True]
