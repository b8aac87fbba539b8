"""Search of a large timeline in the background: the index build and the queries.

For a timeline of at least :data:`~viewer.io.search_index.INDEX_MIN_EVENTS`
events the search never runs on the GUI thread.  Opening the file starts a
background thread that opens (or builds, with progress and Cancel) its
search index (:mod:`viewer.io.search_index`); each query then runs in a
second background thread, and only the latest query's answer is applied:
an answer that arrives after the query changed is dropped.  A timeline that
cannot be indexed (not read by the bulk reader) is scanned in the
background with :func:`~viewer.model.search.search_mask`, cancelled when
the query changes.

Answers are masks over the file's events (file order), so a filter or zone
change maps the last answer onto the new shown timeline without asking again.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

import numpy as np
from PySide6.QtCore import QObject, QTimer, Signal

from ..io.search_index import INDEX_MIN_EVENTS, SearchIndex, can_index
from ..model.search import MatchList, matches_of, parse_query, search_mask
from ..model.timeline import LazyEvents, Timeline

__all__ = ["BUILD_DELAY_MS", "SearchJobs", "rows_of_file_mask"]

BUILD_DELAY_MS = 300
"""After opening, the search index starts building (or loading) this many
milliseconds later, so the window's first paint and the first keystrokes do
not compete with it for the two cores; a query asked meanwhile starts it at once."""


def rows_of_file_mask(file_timeline: Timeline, shown: Timeline, file_mask: np.ndarray) -> np.ndarray | None:
    """bool (len(shown.columns),): the shown rows whose event is set in
    ``file_mask`` (file order, ``len(file_timeline.events)``); None when the
    shown events cannot be traced to the file's (then search the shown timeline)."""
    ev = shown.events
    index = shown.columns.event_index
    if ev is file_timeline.events:
        return file_mask[index]
    if isinstance(ev, LazyEvents) and ev.origin_index is not None and len(file_mask) == len(file_timeline.events):
        return file_mask[ev.origin_index[index]]
    return None


class SearchJobs(QObject):
    """Background search of one file's timeline.

    Signals
    -------
    sigAnswer(str, object, object)
        ``(query, mask, timeline)``: on the GUI thread, the answer to
        ``query``; ``mask`` is file-order when ``timeline`` is None, else
        rows of ``timeline.columns``.
    sigProgress(object)
        Fraction (0..1) of the index built, or None when no build runs.
    """

    sigAnswer = Signal(str, object, object)
    sigProgress = Signal(object)
    _sigCall = Signal(object)  # a callable to run on the GUI thread (from a worker)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._sigCall.connect(lambda fn: fn())
        self.timeline: Timeline | None = None
        self.path = ""
        self.index: SearchIndex | None = None
        self.progress: float | None = None  # while the index is built
        self.cancelled_build = False
        self._build_cancel: threading.Event | None = None
        self._want: tuple[str, Timeline] | None = None  # latest query not yet answered
        self._querying = False
        self._scan_cancel: threading.Event | None = None
        self._no_index = False  # the index proved unusable: scan from now on
        self._build_timer = QTimer(self)  # the build starts BUILD_DELAY_MS after opening
        self._build_timer.setSingleShot(True)
        self._build_timer.setInterval(BUILD_DELAY_MS)
        self._build_timer.timeout.connect(self.start_build)

    # -- which timeline -------------------------------------------------
    @staticmethod
    def is_large(timeline: Timeline) -> bool:
        """Whether searching ``timeline`` goes to the background: 20,000 events
        or more, or a file read by the bulk reader that can be indexed."""
        return len(timeline.events) >= INDEX_MIN_EVENTS or can_index(timeline)

    def set_timeline(self, timeline: Timeline, path: str) -> None:
        """Search ``timeline`` (the file's, read from ``path``) from now on:
        any build or answer for the previous one is dropped."""
        if timeline is self.timeline and path == self.path:
            return
        self.cancel_build()
        if self._scan_cancel is not None:
            self._scan_cancel.set()
        self.timeline, self.path = timeline, path
        self.index = None
        self._want = None
        self._prepared = None
        self._generation += 1
        self.cancelled_build = False
        self._no_index = False
        if self.is_large(timeline) and path and can_index(timeline):
            self._build_timer.start()  # start_build, BUILD_DELAY_MS from now

    def pending(self) -> bool:
        """True while a build or a query runs in the background, or a build is about to start."""
        return (self.progress is not None or self._querying or self._warming
                or self._build_timer.isActive())

    # -- the index --------------------------------------------------------
    def start_build(self) -> None:
        """Open or build the index of the current file in a background thread."""
        self._build_timer.stop()
        if self.progress is not None or self.index is not None or self.timeline is None:
            return
        timeline, path = self.timeline, self.path
        cancel = threading.Event()
        self._build_cancel = cancel
        self.cancelled_build = False
        self._set_progress(0.0)

        def report(f: float) -> None:
            self._call(lambda: self._set_progress(f) if self._build_cancel is cancel else None)

        def work() -> None:
            try:
                index = SearchIndex.build(path, timeline, report, cancel.is_set)
                if index is not None and not cancel.is_set():
                    index.load_texts()
            except Exception:  # noqa: BLE001 - an unusable index only means scanning
                index = None
            self._call(lambda: self._built(cancel, index))

        threading.Thread(target=work, name="search-index", daemon=True).start()

    def cancel_build(self) -> None:
        """Stop the build (its temporary file is removed; nothing is applied)."""
        self._build_timer.stop()  # one about to start does not
        if self._build_cancel is not None:
            self._build_cancel.set()
            self._build_cancel = None
            self.cancelled_build = True
            self._set_progress(None)
            want, self._want = self._want, None
            if want is not None:  # the query that waited for the index has no answer
                self.sigAnswer.emit(want[0], None, None)

    def _built(self, cancel: threading.Event, index: SearchIndex | None) -> None:
        if self._build_cancel is not cancel:
            return  # cancelled, or another file since
        self._build_cancel = None
        self.index = index
        self._set_progress(None)
        if self._want is not None:
            self._run()

    def _set_progress(self, value: float | None) -> None:
        self.progress = value
        self.sigProgress.emit(value)

    # -- queries ---------------------------------------------------------
    def request(self, query: str, shown: Timeline) -> None:
        """Answer ``query`` in the background (sigAnswer); a later request replaces it."""
        if not parse_query(query):
            self._want = None
            self.sigAnswer.emit(query, None, None)
            return
        self._want = (query, shown)
        if (self.index is None and self.timeline is not None and can_index(self.timeline) and self.path
                and not self._no_index):
            if self.progress is None:
                self.start_build()  # also after a Cancel: a new query asks for the index again
            if self.progress is not None:
                return  # answered when the index is ready
        self._run()

    def _run(self) -> None:
        if self._querying or self._want is None:
            return
        query, shown = self._want
        self._querying = True
        index, file_tl = self.index, self.timeline
        if self._scan_cancel is not None:
            self._scan_cancel.set()
        cancel = self._scan_cancel = threading.Event()

        def work() -> None:
            mask: np.ndarray | None
            on: Timeline | None
            try:
                if index is not None:
                    mask, on = index.event_mask(query), None
                else:  # no index: scan the shown events (slow, but never on the GUI thread)
                    mask, on = search_mask(shown, query, cancel.is_set), shown
            except Exception:  # noqa: BLE001 - a damaged index: scan instead next time
                mask, on = None, None
                self._call(self._drop_index)
            self._call(lambda: self._answered(query, shown, mask, on, file_tl))

        threading.Thread(target=work, name="search-query", daemon=True).start()

    _warming = False
    _warm_next: tuple[str, Timeline | None] | None = None
    _prepared: tuple | None = None  # (query, file's timeline, index, shown, rows, matches) of the last warm-up
    _generation = 0  # counts what made the warm-ups under way stale (forget_prepared, set_timeline)

    def warm(self, query: str, shown: Timeline | None = None) -> None:
        """Start answering ``query`` in the background before it is asked (the
        user is typing it; the search field asks once the typing pauses,
        :data:`~viewer.ui.search_bar.SEARCH_DEBOUNCE_MS` later): the index keeps
        the last query's mask, so :meth:`request` then finds it computed, or
        waits for the scan already under way.  With ``shown`` (the timeline
        on screen) its matching rows and their ids in time order are made
        too (:meth:`prepared`), so the answer's arrival does not make them on
        the GUI thread.  Nothing is shown: only a request's answer is applied.
        One warm-up at a time; a query typed meanwhile is warmed up next (the
        ones in between are skipped).  Only with the index (a scan of the
        shown events is not warmed up)."""
        if self.index is None or not parse_query(query):
            return
        if self._warming:
            self._warm_next = (query, shown)
            return
        self._warming = True
        self._warm_next = None
        index, file_tl, generation = self.index, self.timeline, self._generation

        def work() -> None:
            try:
                mask = index.event_mask(query)
                if shown is not None and file_tl is not None:
                    rows = rows_of_file_mask(file_tl, shown, mask)
                    if rows is not None and len(rows) == len(shown.columns):
                        made = (query, file_tl, index, shown, rows, matches_of(shown.columns, rows))
                        if generation == self._generation:  # (not forgotten meanwhile: an edit, a swap)
                            self._prepared = made
                        del made
                del mask
            except Exception:  # noqa: BLE001 - the request that follows meets the error and says so
                pass
            self._call(lambda: self._warmed(file_tl))

        threading.Thread(target=work, name="search-warm", daemon=True).start()

    def prepared(self, query: str, shown: Timeline) -> tuple[np.ndarray, MatchList] | None:
        """``(rows of shown.columns, matches)`` for ``query`` made by the warm-up
        (:meth:`warm`) on this file's index and ``shown``, or None."""
        p = self._prepared
        if p is None or p[0] != query or p[1] is not self.timeline or p[2] is not self.index or p[3] is not shown:
            return None
        return p[4], p[5]

    def forget_prepared(self, keep: Timeline | None = None) -> None:
        """Let go of the warm-up's rows and matches (an edit; a swap to another
        timeline than ``keep``: they hold the timeline they were made on)."""
        p = self._prepared
        if keep is None or p is None or p[3] is not keep:
            self._prepared = None
            self._generation += 1

    def _warmed(self, file_tl) -> None:
        self._warming = False
        nxt, self._warm_next = self._warm_next, None
        if nxt is not None and file_tl is self.timeline:
            self.warm(*nxt)

    def _drop_index(self) -> None:
        self.index = None
        self._no_index = True  # do not rebuild in a loop: scan from now on

    def _answered(self, query: str, shown: Timeline, mask, on, file_tl) -> None:
        self._querying = False
        if file_tl is not self.timeline:
            return
        want = self._want
        if mask is not None and want is not None and want[0] == query and (on is None or want[1] is shown):
            self._want = None
            self.sigAnswer.emit(query, mask, on)
        elif want is not None:
            self._run()  # the query changed while this one ran: answer the latest

    def _call(self, fn: Callable[[], None]) -> None:
        """Run ``fn`` on the GUI thread (from a worker); nothing once the window is gone."""
        try:
            self._sigCall.emit(fn)
        except RuntimeError:  # the window (and this object) was deleted meanwhile
            if self._build_cancel is not None:
                self._build_cancel.set()
