"""The window of a collection: a read-only view that asks its event store.

A ``.parquet`` / ``.duckdb`` collection or a ClickHouse table opens here
instead of being loaded (:mod:`viewer.io.collection_window`): the timeline,
the overview, the paged event list, search, the filters and the detail pane
each ask the :class:`~viewer.model.store.EventStore` for what they show,
through one :class:`~viewer.ui.store_worker.StoreWorker` (queries off the GUI
thread; an answer to an older window never replaces a newer one).

Editing is refused with a message: a collection is a view of data kept
elsewhere.  What this window does not show yet is said in its banner
(:data:`NOT_YET`).
"""

from __future__ import annotations

import math
from typing import Any, cast

import numpy as np
from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ..graphics.frame import DENSITY_BIN_PX
from ..io.collection_window import READ_ONLY_MESSAGE
from ..model.columns import BAND_LANE
from ..model.dday import DDay, DDayError, dday_of_event
from ..model.errors import TimelineLoadError
from ..model.planned_end import PLANNED_END_KEY, collection_candidates, collection_planned_ends
from ..model.store import DEFAULT_CAP, EventStore, VisibleEvents
from ..model.store_query import StoreFilter
from ..model.text import counted, plain_tooltip
from ..model.timeline import EventKind
from ..model.viewstate import ViewState
from ..model.window import WindowContent, WindowTracker
from . import guide
from .collection_view import CollectionOverview, CollectionView
from .detail_pane import COPY_ALL_URL, SHOW_ALL_URL, CopyBrowser, damaged_html, event_html, event_texts
from .event_list import date_cell, date_tooltip, listed_title
from .filter_panel import TrackList
from .legend import DRAFT_KEY, KEY, set_header_text
from .lock_sharing import share_lock_often
from .session import fit_to_screen
from .store_worker import StoreWorker
from .zone_picker import ZonePicker, add_zone_toolbar

__all__ = ["CollectionWindow", "NOT_YET", "PAGE_SIZE"]

PAGE_SIZE = 100
"""Rows of the event list asked of the store at a time."""

ZONES_AFTER_MS = 300
"""How long after the first answer is drawn the zone picker lists every zone (0.2-0.3 s of
the GUI thread: after the first frame's paint, not before it)."""

COUNTING_TAGS = "Counting the tags…"
"""The tag list (Filters tab) while the store counts them (the window is drawn first)."""

REACH_BINS = 4096
"""Bins of the counts over the whole collection that place its first and last event markers
(the overview's ``◀ from 2014``): to 1/4096 of the collection's extent."""

STRIPS_COUNT_ALL = " (density strips count every event, matching or not)"
#: once the store has counted the search's matches in the strips (drawn over the dimmed strips)
STRIPS_MATCHES = " (density strips dimmed, their matches in full colour with a tick below)"
"""What the status line says of the strips during a search: they are not dimmed."""

NOT_YET = ("Not shown yet: stories, present mode; stacks in strips the store counts (tracks beyond the "
           f"{DEFAULT_CAP:,} events loaded; the status line says which strips name their largest stacks: hover one); "
           "long spans in the overview (it counts each event at its marker, a span at its start); \"(date edited)\" "
           "(the detail pane says it). Strips count date-only events on UTC days.")
"""What a collection's window says it does not show (README: "Collections")."""


class CollectionWindow(QMainWindow):
    """A read-only window on an :class:`~viewer.model.store.EventStore`.

    Parameters
    ----------
    store : EventStore
        An open collection (DuckDB/Parquet or ClickHouse); the window closes it when it closes.
        Its ``timeline`` attribute (tracks, colours, title, zone; no events) names the lanes.
    name : str
        What the title bar calls it (a file name or an address without credentials).
    cap : int
        Events a frame asks for at most; lanes beyond it are drawn as density strips.
    """

    sigTimelineChanged = Signal(object)  # never emitted: a collection's tracks do not change (the zone picker's)
    zone_picker: _ZonePicker  # on the "Time zone" toolbar (zone_picker.add_zone_toolbar)

    def __init__(self, store: EventStore, name: str, cap: int = DEFAULT_CAP, parent: Any = None) -> None:
        super().__init__(parent)
        share_lock_often()  # the store's query threads must not starve this one of the lock
        self.store = store
        self.base: Any = getattr(store, "timeline", None)
        if self.base is None:
            raise ValueError("the store names no tracks (it has no timeline attribute)")
        # the display zone, collapsed tracks and D-day, as the main window keeps them; opens in UTC
        self.state = ViewState()
        self.bands: list[tuple[str, str]] = []  #: (id, title) of the collection's bands, in time order
        self.dday: DDay | None = None
        self.dday_message = ""  #: why the last D-day asked for could not be used ("" when it could)
        self._dday_wanted: str | None = None  # "band:ID" / "event:ID" whose event is being read
        self.cap = int(cap)
        self.name = name
        self.filters = StoreFilter()
        self.query = ""
        self.selected: str | None = None
        self.page_offset = 0  #: the page asked for last
        self.shown_offset = 0  #: the page on screen (the pager counts from it: a page may still be coming)
        self.page: VisibleEvents | None = None
        self.last_refusal = ""
        self.shown_event: Any = None
        self.contents_shown = 0  #: answers drawn so far (tests and benchmarks wait on it)
        self._strip_match_asked = 0  #: asks of the matches in the strips so far (the latest is drawn)
        self._asked_key: tuple[Any, ...] | None = None  # the last window asked, and its generation
        self._ask_when_shown = False  # a window was wanted before the window was shown
        self._zones_asked = False  # the zone picker's whole list is on its way
        self._center = False  # centre the view on the selected event when it has been read
        self.extent = store.extent()
        self.tracker = WindowTracker()
        self.worker = StoreWorker(store, self.tracker)
        self.setWindowTitle(f"{name} — collection (read-only) — Timeline Viewer")
        self._build()
        self.worker.sigWindow.connect(self._on_content)
        self.worker.sigEvent.connect(self._on_event)
        self.worker.sigTask.connect(self._on_task)
        self.worker.sigFailed.connect(self._on_failed)
        self.view.sigWindowWanted.connect(self._ask_window)
        self.view.events_item.sigFrameComputed.connect(self._say_drawn)  # the status line tells the picture
        self.view.sigEventClicked.connect(self.select)
        self.view.sigTracksChanged.connect(lambda: setattr(self.state, "collapsed_tracks", self.view.collapsed))
        self.overview.sigWindowDragged.connect(self.view.set_window)
        self.overview.sigShownRangeChanged.connect(lambda *_: self._ask_overview())
        self.state.subscribe(self._on_state)
        #: the screen is smaller than the default size: :meth:`show_fitted` shows the window maximized
        self.open_maximized = fit_to_screen(self)  # as the main window: never taller than the screen
        self._home_and_ask()
        self._ask_bands()
        # the tag counts and the reach (long scans at 10^8 events) are asked once the first frame
        # is drawn (_on_content): asked now, they took the CPU from it; the tag list says "counting"
        self._slow_asked = False

    def show_fitted(self) -> None:
        """Show the window at the size :func:`~viewer.ui.session.fit_to_screen` gave it (maximized if small)."""
        self.showMaximized() if self.open_maximized else self.show()

    @property
    def timeline(self) -> Any:
        """The collection's timeline without events (tracks, title, zone): what the zone picker lists."""
        return self.base

    @property
    def zone(self) -> str:
        """The display zone (``state.display_zone``; a collection's window opens in UTC)."""
        return self.state.display_zone

    def _home_and_ask(self) -> None:
        """Show the collection's home window (if it names one) and ask the store again for
        the view, the overview and the list's first page."""
        home = (getattr(self.base, "home_start", None), getattr(self.base, "home_end", None))
        if home[0] is not None and home[1] is not None and home[1].latest > home[0].earliest:
            self.view.set_window(home[0].earliest, home[1].latest)
        self.view.ask_again()
        self._ask_overview()
        self._ask_page(0)

    # -- building ------------------------------------------------------------
    def _build(self) -> None:
        base = self.base
        title = str(getattr(base, "title", "") or "")
        self.header = QLabel(title if len(title) <= 200 else title[:199] + "…")  # the main window's header
        self.header.setTextFormat(Qt.TextFormat.PlainText)
        self.header.setWordWrap(True)
        self.header.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.header.setStyleSheet("font-size: 20pt; font-weight: bold; color: #1b1f24;")
        self.header.setToolTip(plain_tooltip(title[:2000]))
        self.header.setVisible(bool(title))
        self.header.installEventFilter(self)  # (_fit_header on its resize)
        self.marks = (0, 0)  #: (unreviewed drafts, planned events) in the collection, once counted
        self._plans_judged: set[str] = set()  #: spans and bands asked whether their end is planned
        #: every span and band of the collection that may have a planned end, once an answer drew the
        #: whole collection (then the header can count planned ends); None until then
        self._plans_all: set[str] | None = None
        self._header_note = ""  #: the header's "[…]" after the title (_show_marks)
        self._expected_ends = False  #: the collection has events tagged expected-end (its tag counts say)
        self.legend = QLabel(KEY)  # the main window's key (its draft entry once drafts are counted)
        self.legend.setTextFormat(Qt.TextFormat.PlainText)
        self.legend.setWordWrap(True)
        self.legend.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.legend.setStyleSheet("color: #1b1f24; padding: 0px 4px;")
        drawn = getattr(self.store, "n_drawn", None)
        hidden = self.store.n_events - drawn if isinstance(drawn, int) else 0
        unplaced = (f" {hidden:,} of them are not drawn, listed or searched: their dates have no place on the "
                    "time axis (such as a year unknown)." if hidden > 0 else "")
        self.banner = QLabel(
            f"<b>{_esc(self.name)}</b>: a collection of {self.store.n_events:,} events, shown from the store as "
            f"you move (a read-only view).{_esc(unplaced)} {_esc(NOT_YET)}")
        self.banner.setWordWrap(True)
        self.banner.setTextFormat(Qt.TextFormat.RichText)
        self.refusal = QLabel("")
        self.refusal.setWordWrap(True)
        self.refusal.setStyleSheet("color: #a01c1c;")
        self.refusal.hide()
        self.search = QLineEdit()
        self.search.setPlaceholderText("Search the collection")
        self.search.setAccessibleName("Search")
        self.search.setClearButtonEnabled(True)
        self.search_count = QLabel("")
        # why the search index beside the collection is not used (damaged, stale, another file's):
        # search then scans every row (the same answers, slower), and the note names the way out
        self.index_note = QLabel("")
        self.index_note.setTextFormat(Qt.TextFormat.PlainText)
        self.index_note.setWordWrap(True)
        self.index_note.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.index_note.setStyleSheet("color: #8a4b00;")
        self.index_note.setAccessibleName("Search index")
        self._say_index()
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(200)
        self._search_timer.timeout.connect(self._apply_search)
        self.search.textChanged.connect(lambda _t: self._search_timer.start())
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.search_count)
        self.view = CollectionView(base, self.extent)
        self.overview = CollectionOverview(base, self.extent)
        left = QWidget()
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        lv.addWidget(self.view, 1)
        lv.addWidget(self.overview)
        lv.addWidget(self.legend)
        self.details = CopyBrowser()  # a copy has the data's characters, not the added line breaks
        self.details.setAccessibleName("Details")
        self.details.setHtml("<p>Click an event, or pick one in the Events tab.</p>")
        self.details.setOpenLinks(False)  # offline: nothing is ever fetched; its own links are followed here
        self.details.anchorClicked.connect(self._on_detail_link)
        self.expanded: set[str] = set()  # text fields of the shown event shown whole ("show all")
        self.list = QTableWidget(0, 3)
        self.list.setHorizontalHeaderLabels(["Date", "Track", "Title"])
        self.list.setAccessibleName("Events")
        self.list.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.horizontalHeader().setStretchLastSection(True)
        self.list.itemSelectionChanged.connect(self._on_list_selection)
        self.page_label = QLabel("")
        self.prev_button = QPushButton("◀ Previous")
        self.next_button = QPushButton("Next ▶")
        self.prev_button.clicked.connect(lambda: self._ask_page(max(0, self.shown_offset - PAGE_SIZE)))
        self.next_button.clicked.connect(lambda: self._ask_page(self.shown_offset + PAGE_SIZE))
        pager = QHBoxLayout()
        pager.addWidget(self.prev_button)
        pager.addWidget(self.page_label, 1)
        pager.addWidget(self.next_button)
        events_tab = QWidget()
        ev = QVBoxLayout(events_tab)
        ev.addWidget(self.list, 1)
        ev.addLayout(pager)
        self.track_list = TrackList(self._apply_filters, self._toggle_collapsed_row)
        self.track_list.setAccessibleName("Tracks shown")
        self.track_list.setToolTip("Untick to hide a track; drag or Alt+↑/↓ to reorder; C to collapse")
        for t in base.tracks:
            item = QListWidgetItem(t.label)
            item.setData(Qt.ItemDataRole.UserRole, t.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            self.track_list.addItem(item)
        self.track_list.itemChanged.connect(lambda _i: self._apply_filters())
        self.move_buttons: list[QPushButton] = []
        moves = QHBoxLayout()
        for text, step in (("▲ Up", -1), ("▼ Down", +1)):
            b = QPushButton(text)
            b.setAccessibleName(f"Move track {'up' if step < 0 else 'down'}")
            b.clicked.connect(lambda _c=False, st=step: self.track_list.move_current(st))
            self.move_buttons.append(b)
            moves.addWidget(b)
        self.tag_list = QListWidget()
        self.tag_list.setAccessibleName("Tags shown")
        self.tag_list.itemChanged.connect(lambda _i: self._apply_filters())
        counting = QListWidgetItem(COUNTING_TAGS)
        counting.setFlags(Qt.ItemFlag.NoItemFlags)  # not a tag: nothing to tick
        self.tag_list.addItem(counting)  # until the store has counted them (_ask_facets)
        filters_tab = QWidget()
        fv = QVBoxLayout(filters_tab)
        fv.addWidget(QLabel("Tracks (drag or Alt+↑/↓ to reorder; C or a click on ▾ to collapse)"))
        fv.addWidget(self.track_list, 2)
        fv.addLayout(moves)
        fv.addWidget(QLabel("Tags (events in the collection)"))
        fv.addWidget(self.tag_list, 1)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.details, "Details")
        self.tabs.addTab(events_tab, "Events")
        self.tabs.addTab(filters_tab, "Filters")
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left)
        split.addWidget(self.tabs)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        central = QWidget()
        cv = QVBoxLayout(central)
        cv.addWidget(self.header)
        cv.addWidget(self.banner)
        cv.addWidget(self.refusal)
        cv.addLayout(top)
        cv.addWidget(self.index_note)
        cv.addWidget(split, 1)
        self.setCentralWidget(central)
        self._build_menus()
        add_zone_toolbar(self, _ZonePicker(self))
        self.view.set_zone(self.zone)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu("&File")
        close = QAction("&Close", self)
        close.setShortcut(QKeySequence.StandardKey.Close)
        close.triggered.connect(self.close)
        file_menu.addAction(close)
        edit = bar.addMenu("&Edit")
        for text, key in (("&New event…", QKeySequence.StandardKey.New), ("&Edit event…", None),
                          ("&Delete event", QKeySequence.StandardKey.Delete), ("&Undo", QKeySequence.StandardKey.Undo)):
            action = QAction(text, self)
            if key is not None:
                action.setShortcut(key)
            action.triggered.connect(self.refuse_edit)
            edit.addAction(action)
        view = bar.addMenu("&View")
        fit = QAction("&Fit everything", self)
        fit.setShortcut(QKeySequence("Home"))
        fit.triggered.connect(lambda: self.view.set_window(*self.extent))
        view.addAction(fit)
        self.view._vb.sigDoubleClicked.connect(lambda: self.view.set_window(*self.extent))
        self.dday_menu = view.addMenu("Relative axis (D-day)")
        self.dday_menu.aboutToShow.connect(self._fill_dday_menu)
        self._dday_group = QActionGroup(self.dday_menu)
        self._fill_dday_menu()
        self.menus = {"File": file_menu, "Edit": edit, "View": view, "Help": bar.addMenu("&Help")}
        guide.install(self)  # Help > User guide, as in the main window

    def wait_drawn(self, timeout_s: float = 30.0, settled: bool = True) -> bool:
        """Process events until the window on screen is drawn whole (its answer complete) and,
        when ``settled``, nothing else (list, overview, facets) waits in the store's queue;
        False after ``timeout_s`` seconds."""
        import time

        from PySide6.QtWidgets import QApplication

        end = time.monotonic() + timeout_s
        while time.monotonic() < end:
            QApplication.processEvents()
            shown = self.tracker.shown
            if shown is not None and shown.complete and (self.worker.idle() or not settled) and \
                    shown.request.generation == self.tracker.latest and not self.view.asking():
                QApplication.processEvents()
                return True
            time.sleep(0.005)
        return False

    # -- editing -------------------------------------------------------------
    def refuse_edit(self) -> None:
        """Say that a collection cannot be edited here (and how to edit its data)."""
        self.last_refusal = READ_ONLY_MESSAGE
        self.refusal.setText(READ_ONLY_MESSAGE)
        self.refusal.show()
        self.statusBar().showMessage("A collection is read-only.", 8000)

    # -- the window on screen ------------------------------------------------
    def lanes(self) -> list[int]:
        """Lanes asked for: the tracks shown, top to bottom (hidden ones left out), and the bands."""
        return [*self.view.order, BAND_LANE]

    def _ask_window(self, t0: float, t1: float, width_px: int) -> None:
        self.overview.set_window(t0, t1)
        if not self.isVisible():  # its size is not final: asked when shown (showEvent), once
            self._ask_when_shown = True
            return
        a, b = self.view.asked_window()  # wider in a zone that moves date-only events
        bins = max(1, int(width_px // DENSITY_BIN_PX * (b - a) / max(t1 - t0, 1e-9)))
        key = (a, b, tuple(self.lanes()), bins, self.cap, self.filters, self.query)
        if self._asked_key is not None and self._asked_key[0] == key and \
                self._asked_key[1] == self.tracker.latest:
            return  # the same window is being answered or drawn (the show and its resize both ask)
        request = self.tracker.ask(a, b, self.lanes(), bins, self.cap, self.filters, self.query)
        self._asked_key = (key, request.generation)
        self.worker.ask_window(request)

    def showEvent(self, ev: Any) -> None:  # noqa: N802 (Qt name)
        super().showEvent(ev)
        if self._ask_when_shown:
            self._ask_when_shown = False
            QTimer.singleShot(0, self.view.ask_again)  # after the layout has given the view its size

    def _on_content(self, content: WindowContent) -> None:
        if not self.tracker.offer(content):
            return  # an older window's answer arrived late
        self.view.show_content(content)
        self._ask_strip_matches(content)
        self._ask_plans(content)
        self.contents_shown += 1
        if content.complete and not self._slow_asked:
            self._ask_slow()
        if not self.zone_picker.full and not self._zones_asked:  # the whole list takes 0.2-0.3 s: once the
            self._zones_asked = True  # first frame is painted (or when the list is opened)
            QTimer.singleShot(ZONES_AFTER_MS, self.zone_picker, self.zone_picker.fill_all)
        self._say_drawn()

    def _say_drawn(self) -> None:
        """The status line: the events in view, and how the picture shows them. Lanes too
        crowded to draw one by one become density strips as the frame is laid out (also lanes
        whose events the store sent), so the frame drawn is counted, not the store's answer."""
        content = self.tracker.shown
        if content is None:
            return
        vis = content.visible
        frame = self.view.events_item._frame
        if frame is None:  # not laid out yet: what the store sent
            drawn, strips = len(vis), len(vis.crowded)
        else:
            strips = len(frame.density)
            drawn = 0 if frame.hit is None else len(frame.hit["row"])
        filling = "" if content.complete else " (density strips on their way)"
        lanes = "1 track as a density strip" if strips == 1 else f"{strips} tracks as density strips"
        how = (f"{drawn:,} drawn one by one" + (f", {lanes}" if strips else "")) if drawn or not strips else \
            f"{lanes} (zoom in to see them one by one)"
        if frame is not None and strips and content.complete:
            how += self._strip_stacks_note(list(frame.density), set(vis.crowded))
        found = f"{vis.total:,} events in view"
        if content.match_total is not None:  # a search: its matches in view first (strips are not dimmed)
            found = f"{counted(content.match_total, 'match', 'matches')} in view of {vis.total:,} events" + \
                ((STRIPS_MATCHES if self._strip_matches_known(content) else STRIPS_COUNT_ALL) if strips else "")
        text = f"{found}: {how} · store {content.seconds * 1000:.0f} ms{filling}"
        if self.statusBar().currentMessage() != text:
            self.statusBar().showMessage(text)

    def _strip_stacks_note(self, strips: list[int], crowded: set[int]) -> str:
        """What the status line adds about the density ``strips`` on screen (drawn lanes, top = 0):
        which of them count their same-instant stacks ("28 on Thu 8 Sep 2022"), those whose events
        the store sent (``crowded``: the store lanes it counted instead, whose strips count none);
        "" when every strip counts them."""
        order = self.view.order
        loaded = [lane for lane in sorted(strips) if 0 <= lane < len(order) and order[lane] not in crowded]
        if len(loaded) == len(strips):
            return ""
        if not loaded:
            return "; no stacks counted: the store counts these strips"
        names = [self.view.track_label(order[lane]) for lane in loaded]
        named = ", ".join(names[:3]) + (f" and {len(names) - 3} more" if len(names) > 3 else "")
        return f"; stacks counted on {named}{' only' if len(names) == 1 else ''}, whose events are loaded"

    # -- overview ------------------------------------------------------------
    def _ask_overview(self) -> None:
        lo, hi = self.overview.shown_range  # the strip's range (home weeks, widened to the view)
        if not hi > lo:
            hi = lo + 86400.0
        lanes, bins, filters = list(range(len(self.base.tracks))), self.overview.bins(), self.filters
        self.worker.ask_task("overview", lambda s: ((lo, hi), s.density(lo, hi, lanes, bins, filters=filters)))
        self._ask_overview_matches()

    def _ask_overview_matches(self) -> None:
        """Ask where the search's matches are along the overview (its range and bins, the filters
        and the query: the store's density of the matching events), beside the windows.  A scan of
        the texts: asked once the search's count is in (and again when the overview's range or the
        filters change), so the count and the list's page do not wait for it; without a search the
        overview's match ticks go."""
        q = self.query
        if not q:
            self.overview.show_matches(None)
            return
        lo, hi = self.overview.shown_range
        if not hi > lo:
            hi = lo + 86400.0
        lanes, bins, wanted = list(range(len(self.base.tracks))), self.overview.bins(), self.list_filter()
        self.worker.ask_task("overview-matches",
                             lambda s: (q, (lo, hi), s.density(lo, hi, lanes, bins, filters=wanted)), slow=True)

    def _strip_matches_known(self, content: WindowContent) -> bool:
        """Whether the strips drawn show the search's matches: the store's count of them covers
        the window (lanes the store sent one by one are counted from their rows)."""
        cols = self.view.events_item.columns
        if not getattr(cols, "crowded_totals", None):
            return True
        found, req = getattr(cols, "match_strips", None), content.request
        return found is not None and found[0] <= req.t0 and found[1] >= req.t1

    def _ask_strip_matches(self, content: WindowContent) -> None:
        """Ask the store where the search's matches are in the lanes it sent as density strips
        (their density, with the search as a filter, over the window's own bins), beside the
        windows: a scan of the texts.  The answer of the latest ask is drawn (_on_task); one of
        an older window or search is dropped."""
        q, req = self.query, content.request
        crowded = sorted(content.visible.crowded)
        if not q or req.query != q or not crowded or not content.complete:
            return
        self._strip_match_asked += 1
        ask, wanted, bins, t0, t1 = self._strip_match_asked, self.list_filter(), req.bins, req.t0, req.t1
        self.worker.ask_task("strip-matches", lambda s: (ask, q, t0, t1, dict(zip(
            crowded, s.density(t0, t1, crowded, bins, filters=wanted), strict=True))), slow=True)

    def _ask_reach(self) -> None:
        """Ask where the first and last event markers of the collection are (the overview
        marks what lies beyond its edges): the store's counts over everything, in REACH_BINS bins."""
        lo, hi = self.extent
        if not hi > lo:
            return
        lanes = [*range(len(self.base.tracks)), BAND_LANE]

        def reach(s: EventStore) -> tuple[float, float] | None:
            counts = s.density(lo, hi, lanes, REACH_BINS).sum(axis=0)
            hit = np.flatnonzero(counts > 0)
            if not len(hit):
                return None
            w = (hi - lo) / REACH_BINS
            return lo + float(hit[0]) * w, lo + float(hit[-1] + 1) * w

        self.worker.ask_task("reach", reach, slow=True)  # every lane's counts over everything: beside the frames

    # -- list, search, filters ---------------------------------------------------
    def list_filter(self) -> StoreFilter:
        """The filters of the event list: the window's, plus the search text."""
        return StoreFilter.of(self.filters, text=self.query)

    def _ask_page(self, offset: int) -> None:
        self.page_offset = max(0, int(offset))
        off, flt = self.page_offset, self.list_filter()
        # a page of a search's matches scans the collection: beside the windows, as the search itself
        self.worker.ask_task("page", lambda s: (off, flt, _with_events(s, s.page(off, PAGE_SIZE, flt))),
                             lookup=bool(self.query))

    def _ask_page_check(self, page: VisibleEvents) -> None:
        """A page read from the collection's sidecar search index (untrusted: it may sit beside a
        shared collection) is checked against the collection, exactly its rows, once it is on
        screen (:meth:`DuckStore.check_sidecar_page`: seconds at 10^7 events, beside the frames)."""
        if page.from_sidecar is None or not callable(getattr(self.store, "check_sidecar_page", None)):
            return
        self.worker.ask_task("page-check", lambda s: (page, cast(Any, s).check_sidecar_page(page)), slow=True)

    def _on_page_check(self, page: VisibleEvents, problem: str | None) -> None:
        """A checked page's rows differ from the collection's: the index is dropped (its note
        shows, with the rebuild hint), the forged rows leave the screen at once and the page on
        screen is read again, from the collection."""
        if not problem:
            return
        self._say_index()
        if self.page is not None and self.page.from_sidecar is not None:
            self.page = None
            self.list.setRowCount(0)
            self.page_label.setText("reading the page again from the collection…")
        self._ask_page(self.page_offset)

    def _show_page(self, page: VisibleEvents, offset: int | None = None) -> None:
        """List ``page`` as the main window's Events list writes its rows: the date in words at the
        precision its source gives (``due …`` for a plan), the title with its qualifiers, and
        ``DRAFT:`` before an unreviewed draft's title (never listed as a reviewed fact)."""
        # at ``offset`` (default: the page asked for last, the only one an answer is shown for)
        self.page, self.shown_offset = page, self.page_offset if offset is None else offset
        self.list.blockSignals(True)
        self.list.setRowCount(len(page))
        tracks = self.base.tracks
        for i, eid in enumerate(page.ids):
            ev = page.events[i]
            lane = int(page.lane[i])
            track = self.view.track_label(lane) if 0 <= lane < len(tracks) else ""  # "● Track 9" as in the lanes
            title = listed_title(ev)
            tips = (date_tooltip(ev, self.base, self.zone), track, title)
            for col, text in enumerate((date_cell(ev, self.base, self.zone), track, title)):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, eid)
                item.setToolTip(plain_tooltip(tips[col][:2000]))
                self.list.setItem(i, col, item)
        self.list.blockSignals(False)
        self._say_page_total(page.total, page.total_exact)
        if not self.query:
            self.search_count.setText("")

    def _say_page_total(self, total: int, exact: bool) -> None:
        """The pager's line and buttons for the page shown, of ``total`` events (at least that
        many when not ``exact``: a search's matches the index stopped counting)."""
        page = self.page
        if page is None:
            return
        if total == 0 and not len(page):  # not "0–0 of 0"
            self.page_label.setText("no matching events" if self.query else "no events")
        else:
            first = self.shown_offset + 1 if len(page) else 0
            words = f"{total:,}" if exact else f"at least {total:,}"
            self.page_label.setText(f"{first:,}–{self.shown_offset + len(page):,} of {words}")
        self.prev_button.setEnabled(self.shown_offset > 0)
        self.next_button.setEnabled(self.shown_offset + len(page) < total or not exact)

    def _apply_search(self) -> None:
        self.set_query(self.search.text())

    def set_query(self, query: str) -> None:
        """Search the collection: the list holds the matches (paged), the view dims the others."""
        from ..model.search import parse_query

        q = query.strip()
        if q and not parse_query(q):  # only quotation marks or spaces: nothing to search for
            q = ""
            self.search_count.setText("")  # (not "0 matches" beside every event listed)
        self.query = q
        self.view.ask_again()
        self._ask_page(0)
        self.overview.show_matches(None)  # the new search's ticks once its count is in (_on_task)
        if q:  # the result line: a first count from the index, then the store's whole count ("at least
            # 100,000 matches" where it stops counting), which may scan the collection
            self.worker.ask_task("matches-quick", lambda s: (q, s.quick_count(q)), lookup=True)

    def _apply_filters(self) -> None:
        items = [self.track_list.item(i) for i in range(self.track_list.count())]
        hidden = frozenset(it.data(Qt.ItemDataRole.UserRole) for it in items
                           if it.checkState() != Qt.CheckState.Checked)
        lane_of = {t.id: k for k, t in enumerate(self.base.tracks)}
        order = [lane_of[it.data(Qt.ItemDataRole.UserRole)] for it in items
                 if it.checkState() == Qt.CheckState.Checked]
        self.view.set_tracks(order, self.state.collapsed_tracks)
        tags = None
        if self.tag_list.count() and self.tag_list.item(0).flags() & Qt.ItemFlag.ItemIsUserCheckable:
            checked = frozenset(self.tag_list.item(i).data(Qt.ItemDataRole.UserRole)
                                for i in range(self.tag_list.count())
                                if self.tag_list.item(i).checkState() == Qt.CheckState.Checked)
            tags = None if len(checked) == self.tag_list.count() else checked
        self.set_filters(StoreFilter(hidden_tracks=hidden, tags=tags))

    def set_filters(self, filters: StoreFilter) -> None:
        """Show only the events passing ``filters`` (view, overview and list ask again)."""
        if filters == self.filters:
            return
        self.filters = filters  # the view keeps its range: the same window is asked again
        self.view.ask_again()
        self._ask_overview()
        self._ask_page(0)

    # -- tracks: order, collapse ---------------------------------------------------
    def _toggle_collapsed_row(self, row: int) -> None:
        self.state.toggle_track_collapsed(self.track_list.item(row).data(Qt.ItemDataRole.UserRole))

    def _mark_collapsed(self) -> None:
        """Put ▸ before the collapsed tracks' names in the track list (no filter change)."""
        label_of = {t.id: t.label for t in self.base.tracks}
        self.track_list.blockSignals(True)
        try:
            for i in range(self.track_list.count()):
                item = self.track_list.item(i)
                tid = item.data(Qt.ItemDataRole.UserRole)
                label = label_of[tid]
                item.setText(("▸ " if tid in self.state.collapsed_tracks else "") + label)
        finally:
            self.track_list.blockSignals(False)

    def _on_state(self, state: ViewState, changed: set[str]) -> None:
        if "collapsed_tracks" in changed:
            self.view.set_tracks(self.view.order, state.collapsed_tracks)
            self._mark_collapsed()
        if "display_zone" in changed:
            self.view.set_zone(state.display_zone)
            if self.shown_event is not None:
                self._show_details()
            if self.page is not None:  # the list's dates in the display zone
                self._show_page(self.page, self.shown_offset)
        if changed & {"dday", "display_zone"}:
            self._ask_dday(state.dday)

    # -- bands and the relative axis (D-day) ------------------------------------------
    def _ask_bands(self) -> None:
        lo, hi = self.extent
        pad = max(hi - lo, 86400.0)
        self.worker.ask_task("bands", lambda s: s.visible(lo - pad, hi + pad, [BAND_LANE], cap=100_000))

    def _show_bands(self, vis: VisibleEvents) -> None:
        order = sorted(range(len(vis)), key=lambda i: (float(vis.x0[i]), i))
        self.bands = [(vis.ids[i], vis.titles[i]) for i in order]
        self.view.set_has_bands(bool(self.bands))

    def dday_choices(self) -> list[tuple[str, str | None]]:
        """Entries of View > Relative axis: ``(text, reference)``; Off, the selected event,
        each band (reference ``""``: disabled)."""
        out: list[tuple[str, str | None]] = [("Off", None)]
        ev = self.shown_event
        if ev is not None and ev.id == self.selected and ev.kind != EventKind.BAND:
            out.append((f"From the selected event: {ev.title[:60]}", f"event:{ev.id}"))
        else:
            out.append(("From the selected event", ""))
        out += [(f"From band {title[:60]}", f"band:{bid}") for bid, title in self.bands]
        return out

    def _fill_dday_menu(self) -> None:
        self.dday_menu.clear()
        for act in self._dday_group.actions():
            self._dday_group.removeAction(act)
        for text, ref in self.dday_choices():
            act = QAction(text, self.dday_menu)
            act.setCheckable(True)
            act.setEnabled(ref != "")
            act.setChecked(ref == self.state.dday)
            act.triggered.connect(lambda _c=False, r=ref: self.set_dday(r))
            self._dday_group.addAction(act)
            self.dday_menu.addAction(act)
        if self.dday_message:
            self.dday_menu.addSeparator()
            self.dday_menu.addAction(self.dday_message).setEnabled(False)

    def set_dday(self, reference: str | None) -> None:
        """Count days on the axis from ``reference`` (``"band:ID"`` / ``"event:ID"``), or
        turn the relative row off (None).  The event is read from the store first."""
        self.state.dday = reference

    def _ask_dday(self, reference: str | None) -> None:
        self._dday_wanted = reference
        if reference is None:
            self._show_dday(None, None)
            return
        event_id = reference.partition(":")[2]
        self.worker.ask_task("dday", lambda s: (reference, s.event(event_id)))

    def _show_dday(self, reference: str | None, event: Any) -> None:
        if reference != self._dday_wanted:
            return  # another D-day was asked for meanwhile
        self.dday, self.dday_message = None, ""
        if reference is not None and event is not None:
            try:
                self.dday = dday_of_event(event, reference, self.zone)
            except DDayError as exc:
                self.dday_message = f"No D-day: {exc}"
                self.statusBar().showMessage(self.dday_message, 10000)
        axis = self.view._axis
        if self.dday is None:
            axis.set_relative(None)
        else:
            axis.set_relative(self.dday.day, self.dday.describe())

    def _ask_facets(self) -> None:
        """Count the collection's tags (a scan of every row: 5 s at 10^8 events), beside the
        window's questions; the tag list says it is counting until then."""
        self.worker.ask_task("facets", lambda s: s.facet_counts("tags"), slow=True)

    def _show_facets(self, counts: dict[str, int]) -> None:
        if counts.get("expected-end") and not self._expected_ends:  # ingest's announced ends: look for them
            self._expected_ends = True
            self._plans_judged.clear()
            self._ask_plans(self.view.content)
        self.tag_list.blockSignals(True)
        self.tag_list.clear()
        for value, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
            item = QListWidgetItem(f"{value or '(no tag)'} — {n:,}")
            item.setData(Qt.ItemDataRole.UserRole, value)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            self.tag_list.addItem(item)
        self.tag_list.blockSignals(False)

    # -- selection and details -------------------------------------------------
    def select(self, event_id: str | None, center: bool = False) -> None:
        """Select ``event_id`` (None clears): highlighted when drawn, read whole for the detail pane;
        a collapsed track holding it opens and the tracks scroll to it (as in the main window).
        ``center``: once read, the view pans to bring it into view (it stays put when the
        event is in view already)."""
        self.selected = event_id
        self.view.select(event_id)
        track = self.view.track_of(event_id) if event_id is not None else None
        if track is not None and track in self.state.collapsed_tracks:
            self.state.set_track_collapsed(track, False)
        if event_id is not None:
            self.view.show_lane_of(event_id)
        if event_id is None:
            self.details.setHtml("<p>Click an event, or pick one in the Events tab.</p>")
            return
        self._center = center
        self.worker.ask_event(event_id)

    def _on_list_selection(self) -> None:
        rows = self.list.selectionModel().selectedRows()
        if not rows or self.page is None:
            return
        i = rows[0].row()
        if i >= len(self.page):
            return
        self.select(self.page.ids[i], center=True)  # its whole possible extent, once read

    def _on_event(self, event_id: str, event: Any) -> None:
        if event_id != self.selected:
            return  # another event was selected meanwhile
        if isinstance(event, TimelineLoadError):  # a damaged row: its own id and why, as text
            self.shown_event = None
            self.details.setHtml(damaged_html(event_id, event))
            return
        if self.shown_event is None or self.shown_event.id != event_id:
            self.expanded = set()
        self.shown_event = event
        self._show_details()
        if self._center:  # brought into view, as the main window does; not moved when in view already
            self._center = False
            extent = _possible_extent(event)
            if extent is not None:  # the whole time its date allows, never a day inside it
                self.view.show_extent(*extent)

    def _show_details(self) -> None:
        """The shown event in the detail pane, as the main window's pane writes it: a text field over
        :data:`~viewer.ui.detail_pane.TEXT_CAP` characters is cut with "show all" / "copy all" links."""
        if self.shown_event is not None:
            self.details.setHtml(event_html(self.shown_event, self.base, self.zone, expanded=self.expanded,
                                            links=True))

    def _on_detail_link(self, url: Any) -> None:
        link = url.toString()
        if link.startswith(SHOW_ALL_URL):
            self.show_all(link[len(SHOW_ALL_URL):])
        elif link.startswith(COPY_ALL_URL):
            self.copy_all(link[len(COPY_ALL_URL):])

    def show_all(self, key: str) -> None:
        """Show the whole of the shown event's text field ``key``, keeping the pane's scroll."""
        bar = self.details.verticalScrollBar()
        at = bar.value()
        self.expanded.add(key)
        self._show_details()
        bar.setValue(at)

    def copy_all(self, key: str) -> None:
        """Put the whole of the shown event's text field ``key`` on the clipboard."""
        from PySide6.QtGui import QGuiApplication

        text = event_texts(self.shown_event).get(key) if self.shown_event is not None else None
        if text is not None:
            QGuiApplication.clipboard().setText(text)

    def _on_task(self, name: str, result: Any) -> None:
        if name == "page":  # (two threads answer pages: one of an older search or offset is not shown)
            if result[0] == self.page_offset and result[1] == self.list_filter():
                self._show_page(result[2])
                self._ask_page_check(result[2])
        elif name == "page-check":
            self._on_page_check(*result)
        elif name == "overview":
            self.overview.show_counts(result[1], result[0])
        elif name == "overview-matches":
            if result[0] == self.query:  # (an older search's answer is not shown)
                self.overview.show_matches(result[2], result[1])
        elif name == "strip-matches":
            if result[0] == self._strip_match_asked and result[1] == self.query:  # (else: stale)
                self.view.show_strip_matches(*result[1:])
                self._say_drawn()
        elif name == "reach" and result is not None:
            self.overview.set_reach(*result)
        elif name == "facets":
            self._show_facets(result)
        elif name == "matches-quick" and result[0] == self.query:
            if result[1] is not None:
                self.search_count.setText(result[1].count_text())
            if result[1] is None or not result[1].exact:  # the whole count next
                q = result[0]
                self.worker.ask_task("matches", lambda s: (q, s.search(q, 0)), lookup=True)
            elif result[1].total:
                self._ask_overview_matches()  # the count is whole: now where the matches are
        elif name == "matches" and result[0] == self.query:
            self.search_count.setText(result[1].count_text())
            if result[1].total:
                self._ask_overview_matches()
            page, found = self.page, result[1]
            if page is not None and not page.total_exact and found.total > page.total:  # the whole count now
                self._say_page_total(found.total, found.exact)
            self._say_index()  # a search may have found the index damaged (dropped: the scan answered)
        elif name == "bands":
            self._show_bands(result)
        elif name == "dday":
            self._show_dday(*result)
        elif name == "marks":
            self._show_marks(result)
        elif name == "plans":
            self._show_plans(*result)

    def _say_index(self) -> None:
        """Show the store's note on its sidecar files (:attr:`DuckStore.sidecar_note`: a search index
        not used, also one dropped by a search), or hide the line."""
        note = str(getattr(self.store, "sidecar_note", "") or "")
        if note != self.index_note.text():
            self.index_note.setText(note)
            self.index_note.setToolTip(plain_tooltip(note[:2000]))
        self.index_note.setVisible(bool(note))

    def _ask_slow(self) -> None:
        """The tag counts and the first and last event markers: after the first frame."""
        self._slow_asked = True
        self._ask_facets()
        self._ask_reach()
        self._ask_marks()

    def _ask_plans(self, content: WindowContent) -> None:
        """Ask the store whether the spans and bands drawn that began by the source's date and
        run past it have a planned end (an announced end is drawn hatched, never as fact), each once."""
        ref = getattr(self.base, "reference_date", None)
        if ref is None or not hasattr(self.base, "tracks"):
            return
        vis = content.visible
        candidates = collection_candidates(vis.ids, vis.kind, vis.x0, vis.x1, ref.latest)
        if len(vis.ids) >= int(getattr(self.store, "n_events", -1)) > 0:  # the whole collection drawn
            self._plans_all = set(candidates)
        ids = [i for i in candidates if i not in self._plans_judged]
        if ids:
            base = self.base
            # an ingested "Expected end: <title>" is searched for only when the collection has one
            # (the tag counts say so): a search without an index scans every row
            search = (lambda s: lambda q: s.search(q, 20).ids) if self._expected_ends else (lambda s: None)
            self.worker.ask_task("plans", lambda s: (ids, collection_planned_ends(s.event, base, ids, search(s))),
                                 lookup=True)

    def _show_plans(self, ids: list[str], found: dict[str, tuple[float, float, bool]]) -> None:
        self._plans_judged.update(ids)
        self.view.add_planned_ends(found)
        if self.view.planned_ends and (PLANNED_END_KEY not in self.legend.text() or self._plans_known()):
            self._show_marks(self.marks)  # the key explains the hatching; the header counts the ends

    def _plans_known(self) -> bool:
        """True when every span and band of the collection has been judged (an answer drew all of
        it): then the planned ends found are all there are."""
        return self._plans_all is not None and self._plans_all <= self._plans_judged

    def _ask_marks(self) -> None:
        """Count the unreviewed drafts and planned events (a scan of every row), beside the window's questions."""
        ref = getattr(self.base, "reference_date", None)
        after = ref.latest if ref is not None else None
        self.worker.ask_task("marks", lambda s: s.mark_counts(after), slow=True)

    def _show_marks(self, marks: tuple[int, int]) -> None:
        """Say in the header how many events are drafts or plans and how many spans have a planned
        end, and put the dotted ring in the key (as the main window does, ``header_note``): a
        briefing audience never reads a draft or a plan as a fact.  Planned ends are found for the
        spans drawn: counted once the whole collection has been drawn, else "planned ends hatched
        where drawn"."""
        self.marks = drafts, planned = marks
        title = str(getattr(self.base, "title", "") or "")
        notes = [counted(drafts, "unreviewed draft")] if drafts else []
        notes += [f"{planned:,} planned"] if planned else []
        ends = len(self.view.planned_ends)
        if ends:
            notes += [counted(ends, "planned end") if self._plans_known() else "planned ends hatched where drawn"]
        self._header_note = " · ".join(notes)
        self._fit_header()
        self.header.setVisible(bool(title or notes))
        key = "   " + PLANNED_END_KEY.replace(" ", "\u00a0") if self.view.planned_ends else ""
        self.legend.setText(KEY + (DRAFT_KEY if drafts else "") + key)

    def _fit_header(self) -> None:
        """The title and its note on one line: the title shortened with "…" when both do not fit
        (the whole title is in the tooltip), so the note is neither cut nor broken inside its
        brackets ("[4" / "planned]" at 1366 px): a plan or a draft is not read as a fact.  As the
        main window's ``_fit_header``."""
        set_header_text(self.header, str(getattr(self.base, "title", "") or ""), self._header_note)

    def eventFilter(self, obj: Any, ev: Any) -> bool:  # noqa: N802 (Qt name)
        if obj is self.header and ev.type() in (QEvent.Type.Resize, QEvent.Type.Show):
            self._fit_header()  # the title shortened for the header's new width
        return super().eventFilter(obj, ev)

    def _on_failed(self, kind: str, message: str) -> None:
        if kind == "window":
            self._asked_key = None  # the same window may be asked again
            if not self._slow_asked:
                self._ask_slow()
        self.statusBar().showMessage(f"The collection could not answer ({kind}): {message}", 15000)

    def closeEvent(self, ev: Any) -> None:  # noqa: N802 (Qt name)
        self.worker.stop()
        try:
            self.store.close()
        finally:
            super().closeEvent(ev)


class _ZonePicker(ZonePicker):
    """The zone picker, listing only the zone in force until :meth:`fill_all` (listing
    every IANA zone takes about 0.3 s: the window draws its first answer first)."""

    full = False

    def fill(self) -> None:
        if self.full:
            super().fill()
            return
        self._filling = True
        try:
            self.clear()
            zone = self.state.display_zone
            self.addItem("UTC (Zulu)" if zone == "UTC" else zone, zone)
            self._show(zone)
        finally:
            self._filling = False

    def fill_all(self) -> None:
        """List every zone (the timeline's, the system's, then all IANA zones)."""
        if self.full:
            return
        self.full = True
        self.fill()

    def showPopup(self) -> None:  # noqa: N802 (Qt name)
        self.fill_all()  # opened before the whole list was filled in
        super().showPopup()


def _possible_extent(event: Any) -> tuple[float, float] | None:
    """``(earliest, latest)`` epoch s the event's dates allow (its open sides left out: a
    start's or an end's finite bounds), or None when none is finite."""
    dates = [d for d in (event.start, event.end) if d is not None]
    bounds = [float(v) for d in dates for v in (d.earliest, d.latest) if math.isfinite(v)]
    return (min(bounds), max(bounds)) if bounds else None


def _with_events(store: EventStore, page: VisibleEvents) -> VisibleEvents:
    """``page`` with its events (a store that did not read them with the page: one by one)."""
    if len(page.events) != len(page):
        page.events = [store.event(eid) for eid in page.ids]
    return page


def _esc(text: str) -> str:
    from html import escape

    return escape(text)
