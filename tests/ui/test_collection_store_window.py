"""A small Parquet collection opened on its store: events drawn, searched, listed,
filtered and selected; editing refused; the command line routes collections there."""

import pytest
from PySide6.QtCore import Qt

from tests.ui.collection_windows import shown_collection
from viewer.io.collection_window import READ_ONLY_MESSAGE, open_collection_store
from viewer.io.registry import read_timeline, write_timeline
from viewer.model.search import search
from viewer.ui.collection_window import PAGE_SIZE, CollectionWindow


@pytest.fixture
def window(qtbot, allied):
    return shown_collection(qtbot, allied)


def _drawn(w):
    w.view.grab()  # paint: the event layer lays out the frame
    return set(w.view.drawn_ids())


def test_the_collection_is_drawn_from_its_store(window, bundled_path):
    tl = read_timeline(bundled_path)
    drawn = _drawn(window)
    lanes = {e.id for e in tl.events if e.track}  # markers and bars (bands are drawn by their own layer)
    assert "lavrov-lowest-level" in drawn and drawn <= lanes
    assert window.contents_shown >= 1
    assert "read-only" in window.banner.text() and "Not shown yet" in window.banner.text()
    # the paged list holds every drawn event of the collection, in time order
    window.worker  # noqa: B018 - the list was asked for at start
    assert window.page is not None and window.page.total == len(tl.columns)
    assert window.page.ids[:PAGE_SIZE] == [tl.columns.ids[r] for r in tl.columns.time_order][:PAGE_SIZE]


def test_search_lists_the_matches_and_dims_the_rest(window, qtbot, bundled_path):
    want = list(search(read_timeline(bundled_path), "normandy"))
    assert want
    window.search.setText("normandy")
    qtbot.waitUntil(lambda: window.page is not None and window.page.ids == want, timeout=10000)
    count = f"{len(want)} match" + ("es" if len(want) != 1 else "")
    qtbot.waitUntil(lambda: window.search_count.text() == count, timeout=10000)
    assert window.wait_drawn(20.0)
    item = window.view.events_item
    qtbot.waitUntil(lambda: item.emphasis is not None, timeout=5000)
    lit = {item.columns.ids[r] for r in range(len(item.columns)) if item.emphasis[r]}
    assert lit and lit <= set(want)


def test_picking_in_the_list_and_clicking_a_marker_select_and_show_details(window, qtbot):
    window.tabs.setCurrentIndex(1)
    qtbot.waitUntil(lambda: window.page is not None and len(window.page) > 0, timeout=5000)
    k = window.page.ids.index("lavrov-lowest-level")
    window.list.selectRow(k)
    qtbot.waitUntil(lambda: "arrived in Moscow on Thursday" in window.details.toPlainText(), timeout=5000)
    assert window.selected == "lavrov-lowest-level"
    assert window.wait_drawn(20.0)
    _drawn(window)
    pos = window.view.events_item.marker_position("truss-arrives-moscow")
    assert pos is not None
    assert window.view.hovered_title(pos) == "Truss arrives in Moscow"
    qtbot.mouseClick(window.view.viewport(), Qt.MouseButton.LeftButton, pos=pos.toPoint())
    qtbot.waitUntil(lambda: window.selected == "truss-arrives-moscow", timeout=5000)
    qtbot.waitUntil(lambda: "Truss" in window.details.toPlainText(), timeout=5000)
    assert window.view.events_item.selected == "truss-arrives-moscow"


def test_hiding_a_track_leaves_its_events_out_everywhere(window, qtbot, bundled_path):
    tl = read_timeline(bundled_path)
    uk = next(i for i in range(window.track_list.count())
              if window.track_list.item(i).data(Qt.ItemDataRole.UserRole) == "uk")
    window.track_list.item(uk).setCheckState(Qt.CheckState.Unchecked)
    left = {e.id for e in tl.events if e.track != "uk" and tl.columns.ids.count(e.id)}
    qtbot.waitUntil(lambda: window.page is not None and window.page.total == len(left), timeout=10000)
    assert window.wait_drawn(20.0)
    drawn = _drawn(window)
    assert drawn and not drawn & {e.id for e in tl.events if e.track == "uk"}


def test_editing_a_collection_is_refused_with_a_message(window):
    edit_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Edit")
    for action in edit_menu.actions():
        window.last_refusal = ""
        action.trigger()
        assert window.last_refusal == READ_ONLY_MESSAGE
    assert "read-only" in window.refusal.text() and window.refusal.isVisible()


def test_the_command_line_opens_a_collection_on_its_store(allied, tmp_path):
    from viewer.app import main

    out = tmp_path / "shot.png"
    assert main([str(allied), "--screenshot", str(out), "--size", "1200x700"]) == 0
    assert out.stat().st_size > 10_000


def test_file_open_of_a_collection_opens_a_collection_window(open_window, bundled_path, allied, qtbot):
    tl = read_timeline(bundled_path)
    main = open_window(tl)
    assert main.open_file(str(allied))
    (other,) = main.collection_windows
    qtbot.addWidget(other)
    assert isinstance(other, CollectionWindow) and other.isVisible()
    assert main.timeline is tl  # the main window keeps what it shows
    assert other.wait_drawn(20.0)
    assert "lavrov-lowest-level" in _drawn(other)


def test_the_keyboard_pans_zooms_and_clears_the_selection(window, qtbot):
    a, b = window.view.window()
    qtbot.keyClick(window.view, Qt.Key.Key_Right)
    a2, b2 = window.view.window()
    assert a2 > a and abs((b2 - a2) - (b - a)) < 1e-6 * (b - a)
    qtbot.keyClick(window.view, Qt.Key.Key_Plus)
    a3, b3 = window.view.window()
    assert b3 - a3 < (b2 - a2) * 0.6
    assert window.wait_drawn(20.0)
    assert window.tracker.shown.request.t0 == pytest.approx(a3) and window.tracker.shown.request.t1 == pytest.approx(b3)
    window.select("truss-arrives-moscow")
    qtbot.keyClick(window.view, Qt.Key.Key_Escape)
    assert window.selected is None and window.view.events_item.selected is None


def test_a_chdb_collection_opens_on_its_store_too(qtbot, allied, tmp_path):
    pytest.importorskip("chdb", reason="chDB (in-process ClickHouse) is not installed")
    from viewer.io.clickstore import ChdbBackend, load_collection

    folder = tmp_path / "ch"
    backend = ChdbBackend(str(folder))
    load_collection(backend, "tv", "events", str(allied))
    backend.close()
    w = CollectionWindow(open_collection_store(f"chdb://{folder}?table=events&database=tv"), "chdb")
    qtbot.addWidget(w)
    w.resize(1500, 900)
    w.show()
    qtbot.waitExposed(w)
    assert w.wait_drawn(30.0)
    assert "lavrov-lowest-level" in _drawn(w)
    w.set_query("lavrov")
    qtbot.waitUntil(lambda: w.page is not None and w.page.ids and w.query == "lavrov", timeout=10000)
    assert "lavrov-lowest-level" in w.page.ids


def _contrast(a, b) -> float:
    def lum(c):
        ch = [v / 255 for v in (c.red(), c.green(), c.blue())]
        ch = [v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4 for v in ch]
        return 0.2126 * ch[0] + 0.7152 * ch[1] + 0.0722 * ch[2]
    hi, lo = sorted((lum(a), lum(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def test_track_names_and_dates_read_at_the_readmes_contrast(window):
    """The collection window drew its track names and dates in pyqtgraph's #969696 on
    white (2.96:1); the README promises 4.5:1, as the main window's dark text gives."""
    from PySide6.QtGui import QColor

    view = window.view
    image = view.grab().toImage()
    checked = 0
    for axis in (view.track_axis, view._axis):
        for text, rect in axis.drawn_labels():
            box = view.mapFromScene(axis.mapRectToScene(rect)).boundingRect()
            inks = [image.pixelColor(x, y) for x in range(max(0, box.left()), min(image.width(), box.right()))
                    for y in range(max(0, box.top()), min(image.height(), box.bottom()))]
            darkest = min(inks, key=lambda c: c.red() + c.green() + c.blue())
            assert _contrast(darkest, QColor("#ffffff")) >= 4.5, (text, darkest.name())
            checked += 1
    assert checked >= 6


@pytest.mark.parametrize("source", ["bundled", "drafts"])
def test_planned_events_drafts_and_uncertain_span_ends_are_drawn_as_in_the_main_window(
        source, qtbot, bundled_path, tmp_path):
    """A collection never shows a planned event or an unreviewed draft as a plain fact, nor a
    span's uncertain ends as known: each drawn event has the marks and the solid part the
    whole timeline gives it."""
    from pathlib import Path

    import numpy as np

    from viewer.graphics.events import draw_flags
    from viewer.ingest import ingest_file

    if source == "bundled":
        tl = read_timeline(bundled_path)
    else:
        tl = ingest_file(Path(__file__).resolve().parents[1] / "data" / "articles" / "allied-resolve-2022.txt").timeline
    path = tmp_path / f"{source}.parquet"
    write_timeline(tl, path)
    w = shown_collection(qtbot, path)
    w.view.grab()
    item = w.view.events_item
    shown = draw_flags(item.timeline)
    whole = draw_flags(tl)
    cols, full = item.columns, tl.columns
    drawn = [cols.ids[r] for r in range(len(cols))]
    assert drawn
    marked = 0
    for r, event_id in enumerate(drawn):
        f = full.row_of(event_id)
        assert int(shown[r]) == int(whole[f]), event_id
        marked += int(whole[f]) != int(full.flags[f])  # planned or draft
        for a, b in ((cols.solid0[r] + cols.origin_epoch_s, full.solid0[f] + full.origin_epoch_s),
                     (cols.solid1[r] + cols.origin_epoch_s, full.solid1[f] + full.origin_epoch_s)):
            assert a == b or (np.isinf(a) and a == b) or abs(a - b) < 1e-3, event_id
    assert marked >= 3  # the article's planned events (and, from ingest, its drafts) are there


def test_a_count_that_stopped_reads_at_least(window, qtbot, bundled_path, monkeypatch):
    import viewer.io.duckstore as duckstore

    want = list(search(read_timeline(bundled_path), "normandy"))
    assert len(want) > 2
    monkeypatch.setattr(duckstore, "COUNT_CAP", 2)  # the sidecar index stops counting at 2
    window.search.setText("normandy")
    qtbot.waitUntil(lambda: window.search_count.text() == "at least 2 matches", timeout=10000)
    qtbot.waitUntil(lambda: window.page is not None and window.page.ids == want, timeout=10000)
    assert window.page.total == len(want)  # the list's own count stays exact


def test_the_window_fits_a_1366x768_screen_with_its_status_bar(qtbot, allied, monkeypatch):
    """On a laptop screen (1366×768, less a panel) the window fits the available area, as the main
    window does: maximized there, its status bar on screen (it opened at 1366×800, below the screen)."""
    from PySide6.QtCore import QRect
    from PySide6.QtGui import QScreen

    avail = QRect(0, 0, 1366, 740)  # 1366x768 less a 28-pixel panel
    monkeypatch.setattr(QScreen, "availableGeometry", lambda self: QRect(avail))
    w = CollectionWindow(open_collection_store(str(allied)), allied.name)
    qtbot.addWidget(w)
    assert w.frameGeometry().height() <= avail.height() and w.width() <= avail.width()
    assert w.open_maximized
    w.show_fitted()
    qtbot.waitExposed(w)
    assert w.isMaximized()  # the window manager gives it the available area, status bar included


def test_an_empty_list_says_no_events_not_0_0_of_0(window, qtbot):
    window.tabs.setCurrentIndex(1)
    qtbot.waitUntil(lambda: window.page is not None and window.page.total > 0, timeout=10000)
    assert window.page_label.text().startswith("1–")
    window.search.setText("zzzqqqnothing")
    qtbot.waitUntil(lambda: window.page is not None and window.page.total == 0, timeout=10000)
    assert window.page_label.text() == "no matching events"
    for i in range(window.tag_list.count()):  # no tag kept: nothing left to list
        window.tag_list.item(i).setCheckState(Qt.CheckState.Unchecked)
    window.search.setText("")
    qtbot.waitUntil(lambda: window.page_label.text() == "no events", timeout=10000)
    assert window.list.rowCount() == 0


def test_a_search_index_not_used_is_said_in_the_window(qtbot, allied):
    """A stale or damaged sidecar index is not used (search scans): the window says so and names
    the way out (it said nothing: search was only slower, or, damaged, missed events)."""
    import sqlite3

    from viewer.io.search_index import sidecar_path

    con = sqlite3.connect(sidecar_path(str(allied)))
    con.execute("UPDATE meta SET value = '0' WHERE key = 'version'")
    con.commit()
    con.close()
    w = shown_collection(qtbot, allied)
    note = w.index_note
    assert note.isVisible()
    assert note.text().startswith("allied.search.sqlite: search index ignored, its version does not match")
    assert "search scans the collection" in note.text() and "rebuild it with `timeline-viewer index " in note.text()
    want = list(search(read_timeline(str(allied)), "normandy"))
    w.search.setText("normandy")
    qtbot.waitUntil(lambda: w.page is not None and w.page.ids == want, timeout=10000)


def test_a_sound_search_index_says_nothing(window):
    assert not window.index_note.isVisible() and window.index_note.text() == ""


def test_a_search_index_damaged_after_opening_is_said_after_a_search(qtbot, allied):
    """The search runs on a background handle sharing the store's index: when it finds the file
    damaged, the index is dropped, the scan answers, and the window says so."""
    from viewer.io.search_index import sidecar_path

    w = shown_collection(qtbot, allied)
    assert not w.index_note.isVisible()
    side = sidecar_path(str(allied))
    with open(side, "rb") as f:
        head = f.read()[:8192]
    with open(side, "wb") as f:
        f.write(head + b"\0" * 50_000)  # the file's pages gone under the open connection
    want = list(search(read_timeline(str(allied)), "normandy"))
    w.search.setText("normandy")
    qtbot.waitUntil(lambda: w.page is not None and w.page.ids == want, timeout=10000)
    qtbot.waitUntil(lambda: w.index_note.isVisible(), timeout=10000)
    assert "allied.search.sqlite: search index dropped" in w.index_note.text()
    assert "rebuild it with `timeline-viewer index " in w.index_note.text()


def test_a_page_past_the_count_limit_says_at_least(window, qtbot, bundled_path, monkeypatch):
    """A list page whose matches the index stopped counting says its total is a lower bound (the
    page used to scan the whole collection for an exact total)."""
    import viewer.io.duckstore as duckstore
    import viewer.ui.collection_window as collection_window

    want = list(search(read_timeline(bundled_path), "the"))
    assert len(want) > 3
    monkeypatch.setattr(duckstore, "COUNT_CAP", 2)
    monkeypatch.setattr(collection_window, "PAGE_SIZE", 2)
    window.search.setText("the")
    qtbot.waitUntil(lambda: window.page is not None and window.page.ids == want[:2], timeout=10000)
    assert window.page_label.text() == "1–2 of at least 2"
    assert window.next_button.isEnabled()


def test_a_short_term_search_lists_its_first_page_before_the_whole_count(window, qtbot, bundled_path, monkeypatch):
    """'the 2' (a one-character term) waited for a scan of the collection before the list showed a
    match; now the first page and "at least N" come from the index while the scan counts them all."""
    import threading

    import viewer.io.duckstore as duckstore
    import viewer.ui.collection_window as collection_window
    from viewer.io import search_index

    want = list(search(read_timeline(bundled_path), "the 2"))
    assert len(want) > 3
    monkeypatch.setattr(search_index, "SHORT_CHECK_SHARE", 0.0)  # the count is left to the scan
    monkeypatch.setattr(duckstore, "QUICK_COUNT", 2)
    monkeypatch.setattr(collection_window, "PAGE_SIZE", 2)
    scan_may_run = threading.Event()
    scan = duckstore.DuckStore._matching

    def held_scan(self, where):  # a scan of a big collection: it takes until the test says
        scan_may_run.wait(20)
        return scan(self, where)

    monkeypatch.setattr(duckstore.DuckStore, "_matching", held_scan)
    window.search.setText("the 2")
    try:
        qtbot.waitUntil(lambda: window.page is not None and window.page.ids == want[:2], timeout=10000)
        assert window.page_label.text() == "1–2 of at least 2"
        qtbot.waitUntil(lambda: window.search_count.text() == "at least 2 matches", timeout=10000)
    finally:
        scan_may_run.set()
    qtbot.waitUntil(lambda: window.search_count.text() == f"{len(want)} matches", timeout=10000)
    assert window.page_label.text() == f"1–2 of {len(want)}"  # the whole count replaced "at least 2"


def test_a_query_of_quotation_marks_only_lists_every_event_without_0_matches(window, qtbot):
    """Searching '""' said "0 matches" beside "1–100 of 60,000", every event listed (break-it)."""
    window.search.setText('""')
    window.set_query('""')
    qtbot.waitUntil(lambda: window.page is not None and window.worker.idle(), timeout=10000)
    qtbot.wait(200)
    assert window.search_count.text() == "" and window.query == ""
    assert window.page.total == window.store.n_drawn


def test_the_pager_counts_from_the_page_on_screen_while_the_next_is_coming(window, qtbot, monkeypatch):
    """While a page was on its way, the pager counted from the page asked for ("101–200" over the
    first page's rows) and two clicks on Next went two pages on (break-it tester)."""
    import viewer.ui.collection_window as collection_window

    monkeypatch.setattr(collection_window, "PAGE_SIZE", 2)
    window._ask_page(0)
    # (the page of 2 rows: the window's own first page, read before PAGE_SIZE changed, may come after)
    qtbot.waitUntil(lambda: window.page is not None and window.shown_offset == 0 and window.worker.idle()
                    and len(window.page.ids) == 2, timeout=10000)
    first = window.page.ids
    asked = []
    monkeypatch.setattr(window, "_ask_page", lambda offset: asked.append(offset))  # the answer never comes
    window.next_button.click()
    window.next_button.click()
    assert asked == [2, 2]  # each from the page on screen
    window.page_offset = 2  # asked, not yet shown
    window._say_page_total(window.page.total, True)
    assert window.page_label.text().startswith("1–2 of ") and window.page.ids == first


def test_the_banner_says_labels_do_not_mark_dates_edited_by_hand(window):
    """The collection window never draws "(date edited)" after a label: its banner says so."""
    assert "(date edited)" in window.banner.text() and "detail pane" in window.banner.text()
