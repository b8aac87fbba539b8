"""What the timeline shows: the file's timeline through the filters, with search emphasis.

Installed first among the find/filter features.  It derives the shown
timeline from ``window.state.filters`` with the pure
:func:`~viewer.model.filters.apply_filters` and gives it to the timeline
widget, keeps the selection when it is still shown (clears it otherwise),
runs the search of ``window.state.query`` over the shown events and dims the
rest on the timeline while a search is active.

Other features read ``window.shown.timeline`` and follow
``window.shown.sigShownChanged``.
"""

from __future__ import annotations

import ctypes
import gc
import queue
import sys
import threading
import time
from collections.abc import Callable

import numpy as np
from PySide6.QtCore import QObject, QTimer, Signal

from ..graphics.events import draw_flags
from ..graphics.frame import DENSITY_BIN_PX, warm_frame
from ..model.filters import apply_filters
from ..model.search import matches_of, parse_query, search
from ..model.timeline import Timeline
from ..model.viewstate import ViewState
from ..model.zones import drawn_in_utc, timeline_on_local_days, zone_file_read
from .overview import overview_bars
from .search_jobs import SearchJobs, rows_of_file_mask
from .timeline_view import range_after_swap

__all__ = ["ShownTimeline", "install", "jobs_pending", "derive_ahead"]


class ShownTimeline(QObject):
    """The filtered timeline on screen and the search over it.

    Signals
    -------
    sigShownChanged(Timeline)
        After the shown timeline was replaced (filters or file changed).
    sigAboutToShow(Timeline)
        A shown timeline is about to be given to the views (before they
        repaint): the time axis takes the display zone it was derived for.
    sigShownEdited(Timeline, frozenset of str)
        After an edit of events only (``window.sigTimelineEdited``): the new
        shown timeline (same tracks) and the ids of the events added, removed
        or changed.

    Parameters
    ----------
    window : MainWindow
        Provides ``timeline`` (the file's), ``state``, ``view`` and
        ``sigTimelineChanged``.
    """

    sigShownChanged = Signal(object)  # Timeline shown
    sigAboutToShow = Signal(object)  # Timeline: about to be given to the views (nothing repainted yet)
    sigShownEdited = Signal(object, object)  # Timeline shown, frozenset of event ids

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.state: ViewState = window.state
        self.timeline: Timeline = window.timeline
        self._derived_from: tuple | None = None  # (file's timeline, filters, zone) of self.timeline
        # the latest derived timelines (the shown one among them), oldest first: switching back is instant
        self._recent: list[tuple[tuple, Timeline]] = []
        self._sizes: dict[int, int] = {}  # id of a kept timeline -> bytes of its own arrays (_own_bytes)
        # large timelines: search in the background (viewer.ui.search_jobs)
        self.jobs = SearchJobs(self)
        self.jobs.sigAnswer.connect(self._on_answer)
        self._answer: tuple[str, np.ndarray, Timeline | None] | None = None  # last (query, mask, on)
        self._row_mask: np.ndarray | None = None  # matches as rows of self.timeline.columns
        # another large file's rehearsal (Deriver.prepare) starts after its first paint, not during it
        self._rehearsal_timer = QTimer(self)
        self._rehearsal_timer.setSingleShot(True)
        self._rehearsal_timer.setInterval(REHEARSAL_DELAY_MS)
        self._rehearsal_timer.timeout.connect(self._rehearse)
        self.state.subscribe(self._on_state)
        window.sigTimelineChanged.connect(self._on_file)
        if hasattr(window, "sigTimelineEdited"):
            window.sigTimelineEdited.connect(self._on_edit)

    # -- derivation ------------------------------------------------------
    def refresh(self, background: bool = False) -> None:
        """Derive the shown timeline from the state's filters and display zone and show it.

        Date-only events go on the display zone's calendar days
        (:func:`~viewer.model.zones.timeline_on_local_days`).  With
        ``background`` and a large timeline (:attr:`large`) the derivation
        runs in a background thread and the window keeps showing the current
        timeline until it is ready; only the latest request is applied, in
        one step on the GUI thread (:meth:`deriving` says one runs)."""
        key = self._key()
        self._forget_other_files()
        kept = self.kept(key)
        if self._derived_from is not None and key[0] is self._derived_from[0] and key[1:] == self._derived_from[1:]:
            self._wanted = None
            shown = self.timeline  # already derived (a new file's filters are set before it is announced)
        elif kept is not None:
            self._wanted = None  # (a request on its way is stale now: dropped when it comes)
            shown = kept  # derived before (a filter toggled back, the zone switched back): no derivation
        elif background and self.large:
            self._wanted = key
            self._derive_next()
            return
        else:
            self._wanted = None
            shown = _derive(key)
        self._show(shown, key)

    def _key(self) -> tuple:
        """What the shown timeline is derived from: (file's timeline, filters
        without the track order, display zone).  A track order is a
        permutation of the lanes, which the view applies itself (no new timeline)."""
        return (self.window.timeline, self.state.filters.without_order, self.state.display_zone)

    _edited: tuple | None = None  # (file's timeline, ids) of an edit being shown

    def kept(self, key: tuple) -> Timeline | None:
        """The shown timeline for ``key`` = ``(file's timeline, filters,
        display zone)`` without deriving it, or None: the file's own
        timeline when nothing is filtered and the zone moves nothing, else
        one of the last :data:`KEEP_DERIVED` derived timelines (the shown
        one among them) if it was derived from the same file's timeline
        with equal filters and zone.  The caller may show it as it is."""
        timeline, filters, zone = key
        if timeline is not self.window.timeline:
            return None
        if filters.is_default and drawn_in_utc(zone):
            return timeline  # what _derive returns for it
        for done, shown in self._recent:
            if done[0] is timeline and done[1:] == key[1:]:
                return shown
        return None

    def offer(self, key: tuple, shown: Timeline) -> None:
        """A shown timeline derived ahead for ``key`` = ``(file's timeline,
        filters without the track order, display zone)`` (:func:`derive_ahead`,
        in a background opening): when that file's timeline is set next with
        those filters and zone, it is shown without deriving it on this thread.
        Forgotten like any kept one when another file's timeline is set."""
        if shown is not key[0]:
            self._recent = [(k, t) for k, t in self._recent if not (k[0] is key[0] and k[1:] == key[1:])]
            self._recent.append((key, shown))

    def _keep(self, key: tuple, shown: Timeline) -> list[Timeline]:
        """Remember ``shown`` as the most recent derived timeline; the oldest
        beyond :data:`KEEP_DERIVED` timelines or :data:`KEEP_DERIVED_BYTES`
        of arrays of their own are no longer kept (returned: the caller
        lets them go)."""
        if shown is key[0]:
            return []  # the file's own timeline: kept by the window anyway
        recent = [(k, t) for k, t in self._recent if not (k[0] is key[0] and k[1:] == key[1:])]
        recent.append((key, shown))
        # each kept timeline's size is measured once (ids are unique among the living ones kept)
        known = {id(t): self._sizes[id(t)] for _, t in self._recent if id(t) in self._sizes}
        sizes = {id(t): known[id(t)] if id(t) in known else _own_bytes(t, key[0]) for _, t in recent}
        dropped = []
        while len(recent) > 1 and (len(recent) > KEEP_DERIVED or
                                   sum(sizes[id(t)] for _, t in recent[:-1]) > KEEP_DERIVED_BYTES):
            dropped.append(recent.pop(0)[1])
        self._recent = recent
        self._sizes = {id(t): sizes[id(t)] for _, t in recent}
        return dropped

    def _forget_other_files(self) -> None:
        """Let go of derived timelines of another file's timeline (another
        file, a reload, an edit)."""
        current = self.window.timeline
        if any(k[0] is not current for k, _ in self._recent):
            gone = [t for k, t in self._recent if k[0] is not current]
            self._recent = [(k, t) for k, t in self._recent if k[0] is current]
            for t in gone:
                self._let_go(t)
            del gone

    def _let_go(self, timeline: Timeline) -> None:
        """A timeline no longer kept: freed in the background when large and
        not shown (the shown one goes at its swap, see :meth:`_show`)."""
        if SearchJobs.is_large(timeline) and timeline is not self.timeline and timeline is not self.window.timeline:
            release_in_background([timeline])

    warming: threading.Thread | None = None  # building the id index after opening
    _wanted: tuple | None = None  # the latest key asked for in the background

    def deriving(self) -> bool:
        """True while a shown timeline is derived in the background."""
        return self._wanted is not None

    def _derive_next(self) -> None:
        key = self._wanted
        if key is None:
            return
        jobs = self.jobs

        def deliver(done: tuple, shown) -> None:
            jobs._call(lambda: self._derived(done, shown))

        view = self.window.view
        item = view.events_item
        strips = item.strips_shown() if item is not None else None
        shown_range = view.x_range()

        def warm(shown: Timeline) -> None:
            # the strips on screen counted ahead over the range the new timeline's
            # first frame will cover (on the GUI thread it then counts nothing)
            if strips is not None:
                lane_of = {t.id: k for k, t in enumerate(shown.tracks)}
                lanes = [lane_of[t] for t in strips[0] if t in lane_of][:STRIPS_WARMED]
                a, b = range_after_swap(shown_range, shown)
                warm_frame(shown.columns, lanes, a, b, max(1, int(strips[1] // DENSITY_BIN_PX)))

        DERIVER.submit(self, key, deliver, warm)

    def _derived(self, key: tuple, shown) -> None:
        wanted = self._wanted
        if wanted is None or wanted[0] is not key[0] or wanted[1:] != key[1:]:
            return  # stale: the user asked for something else meanwhile (already on its way)
        self._wanted = None
        if isinstance(shown, Exception):
            shown = _derive(key)  # the same error, where it can be seen
        self._show(shown, key)

    def _show(self, shown: Timeline, key: tuple) -> None:
        self.sigAboutToShow.emit(shown)
        self.jobs.forget_prepared(keep=shown)  # (made on another timeline: let it go)
        if self.large:
            # a million ids, dicts and arrays live as long as the file is open:
            # out of the cyclic collector's full passes, which otherwise stall
            # the window for a second or two at random moments
            gc.freeze()
        old, self.timeline = self.timeline, shown
        self._derived_from = key
        dropped = [t for t in self._keep(key, shown) if t is not old]  # (old: below)
        for t in dropped:
            self._let_go(t)
        del dropped
        edited, self._edited = self._edited, None
        ids = edited[1] if edited is not None and edited[0] is key[0] else None
        view = self.window.view
        if view.timeline is not shown:
            if ids is not None:
                view.edit_timeline(shown)  # in place: same tracks, only some events changed
            else:
                a, b = view.x_range()
                # the same moments stay in view: x is seconds from each timeline's origin, and an
                # edit of the track list builds the columns again from another origin (File > New's
                # "Track 1" left out on save moved the view from March to an empty January)
                shift = view.timeline.columns.origin_epoch_s - shown.columns.origin_epoch_s
                view.set_timeline(shown)
                view.set_x_range(a + shift, b + shift)
            view.settle()  # one paint of the new timeline, not two
        sel = self.state.selected
        if sel is not None and not shown.has_event(sel):
            self.state.selected = None
        self._search()
        self._emphasise()
        if ids is not None:
            self.sigShownEdited.emit(shown, ids)
        else:
            self.sigShownChanged.emit(shown)
        if self.large and old is not shown and old is not self.window.timeline \
                and not any(t is old for _, t in self._recent):
            release_in_background([old])
        del old

    @property
    def large(self) -> bool:
        """Whether the search runs in the background (a large file's timeline)."""
        return SearchJobs.is_large(self.window.timeline)

    def searching(self) -> bool:
        """True while the current query waits for its background answer."""
        return self._pending_query is not None

    _pending_query: str | None = None

    def _search(self) -> None:
        query = self.state.query
        if not self.large:  # small timelines: at once, on this thread
            self._row_mask = None
            self._pending_query = None
            self.state.matches = search(self.timeline, query)
            return
        self.jobs.set_timeline(self.window.timeline, self.window.path)
        ans = self._answer
        if ans is not None and ans[0] == query and (ans[2] is None or ans[2] is self.timeline):
            self._apply(ans[1], ans[2])  # the same query on a new shown timeline: no new search
            return
        self._pending_query = query if parse_query(query) else None
        self.jobs.request(query, self.timeline)

    def match_rows(self):
        """Rows of ``self.timeline.columns`` matching the search, in time order
        (int array), when a large timeline's answer is on screen; else None."""
        mask = self._row_mask
        if mask is None or len(mask) != len(self.timeline.columns) or not self.large:
            return None
        order = self.timeline.columns.time_order
        return order[mask[order]]

    def _on_answer(self, query: str, mask, on) -> None:
        if query != self.state.query:
            return  # late: the user typed on
        self._pending_query = None
        if mask is None:
            self._answer = None
            self._row_mask = None
            self.state.matches = ()
            self._emphasise()
            return
        self._answer = (query, mask, on)
        self._apply(mask, on)

    def _apply(self, mask: np.ndarray, on: Timeline | None) -> None:
        # the rows and matches the warm-up made while the user typed (same query, index and timeline)
        made = self.jobs.prepared(self.state.query, self.timeline) if on is None else None
        rows: np.ndarray | None
        if made is not None:
            rows, matches = made
        else:
            rows = mask if on is not None else rows_of_file_mask(self.window.timeline, self.timeline, mask)
            if rows is None or len(rows) != len(self.timeline.columns):
                self._answer = None
                self._pending_query = self.state.query
                self.jobs.request(self.state.query, self.timeline)
                return
            matches = matches_of(self.timeline.columns, rows)
        self._row_mask = rows
        if matches == self.state.matches:
            self._emphasise()
        self.state.matches = matches

    def _emphasise(self) -> None:
        item = self.window.view.events_item
        if item is None:
            return
        if not self.state.query.strip():
            item.set_emphasis(None)
            return
        if self._row_mask is not None and len(self._row_mask) == len(item.columns) \
                and item.columns is self.timeline.columns:
            item.set_emphasis(self._row_mask)  # large timelines: the rows, no set of ids
            return
        if self.large:
            return  # the answer is on its way (its rows dim the others then)
        hits = set(self.state.matches)
        item.set_emphasis(np.array([eid in hits for eid in item.columns.ids], dtype=bool))

    # -- slots -------------------------------------------------------------
    def _on_state(self, state: ViewState, changed: set[str]) -> None:
        derive = bool(changed & {"filters", "display_zone"})
        target = self._wanted if self._wanted is not None else self._derived_from
        if derive and target is not None:
            key = self._key()
            # the same key as shown or on its way: only the track order changed,
            # which the view applies itself (permuting its lanes)
            derive = not (key[0] is target[0] and key[1:] == target[1:])
        if derive:
            self.refresh(background=True)
        elif "query" in changed:
            self._search()
            self._emphasise()
        if "matches" in changed:
            self._emphasise()
        # what a screen reader announces for the selection: viewer.ui.access

    def _on_edit(self, timeline: Timeline, ids: frozenset) -> None:
        """An edit of events only: derive the shown timeline again (a large
        one in the background) and let the views update in place."""
        self._edited = (timeline, ids)
        self.jobs.forget_prepared()  # made before the edit
        # the kept derivations were of the timeline before the edit (whose
        # columns an editing document may change in place): none is reused
        recent, self._recent = self._recent, []
        for _k, t in recent:
            self._let_go(t)  # (the shown one goes at its swap)
        del recent
        # without filters the shown timeline is the file's (on the zone's days): no thread needed
        self.refresh(background=not self.state.filters.without_order.is_default)

    def _on_file(self, _timeline: Timeline) -> None:
        # the window has already reset the filters (another file) or kept them
        # (a reload; viewer.model.reload) before telling
        self._answer = None
        self._row_mask = None
        self.refresh()
        if self.large:
            self._rehearsal_timer.start()  # another file: its first derivation rehearsed too

    def _rehearse(self) -> None:
        """:meth:`Deriver.prepare` on the file's timeline, unless a derivation asked for
        since it was opened runs (it warms what the rehearsal would)."""
        if self.large and not self.deriving():
            DERIVER.prepare(self.window.timeline)

    def rehearsal_waits(self) -> bool:
        """True while the rehearsal of a file just opened waits for its first paint."""
        return self._rehearsal_timer.isActive()


KEEP_DERIVED = 2
"""Derived shown timelines kept per window (the shown one among them), so that
switching back (a filter toggled off again, the zone switched back) shows
one at once; the file's own timeline is not counted (it is kept anyway).
Each costs about 120 MB at 10^6 events; with 3 the window's resident
memory after a dozen filters and zone switches at 10^6 was 0.8 GB above
main's, so the shown one and the one before it."""

KEEP_DERIVED_BYTES = 256 * 1024 * 1024
"""At most this much of arrays of their own (not the file's) in the kept
timelines besides the shown one (a derivation of 10^6 events: about 120 MB)."""

REHEARSAL_DELAY_MS = 300
"""A large file opened in the window (not the one it was made with) has its first
derivations rehearsed this long after it is shown: the rehearsal's thread held
the interpreter lock in turns with the GUI thread's first paint of the new
timeline (the window's longest block of a background opening at 10^6 events)."""

REHEARSAL_ZONE = "America/New_York"
"""The zone of :meth:`Deriver.prepare`'s rehearsal: one with summer time, so
its derivation moves days by different amounts and sorts lanes again as a
real switch does (its result is thrown away; what it leaves is memory
mapped for reuse and the file's caches built, nothing of that zone's)."""



def _own_bytes(timeline: Timeline, file_timeline: Timeline) -> int:
    """Bytes of the numpy arrays held by ``timeline``'s columns (their
    cached orders and density counts included, the row map of their ids)
    that are not the file's own arrays: about what keeping it costs."""
    base = {id(a) for a in _arrays(file_timeline.columns)}
    own = [a for a in _arrays(timeline.columns) if id(a) not in base]
    own += [a for a in vars(timeline).values() if isinstance(a, np.ndarray)]  # (the event layer's draw flags)
    return sum(a.nbytes for a in own)


def _arrays(cols) -> list[np.ndarray]:
    """The numpy arrays of ``cols`` (in its attributes, up to three levels of
    tuples, lists and dicts down; its ids' arrays).  No nested function: a
    recursive closure is a reference cycle, and with the collector frozen
    (:meth:`ShownTimeline._show`) the list it filled kept every array of
    each measured timeline alive for good (1.1 GB after 14 filter toggles
    and zone switches at 10^6 events)."""
    found: list[np.ndarray] = []
    seen: set[int] = set()
    ids = getattr(cols, "ids", None)
    extra = [] if isinstance(ids, list) else [getattr(ids, name, None) for name in ("rows", "_inverse")]
    todo = [(value, 0) for value in list(vars(cols).values()) + extra]
    while todo:
        value, depth = todo.pop()
        if isinstance(value, np.ndarray):
            if id(value) not in seen:
                seen.add(id(value))
                found.append(value)
        elif depth < 3 and isinstance(value, (tuple, list)) and len(value) < 10_000:
            todo.extend((v, depth + 1) for v in value)
        elif depth < 3 and isinstance(value, dict) and len(value) < 10_000:
            todo.extend((v, depth + 1) for v in value.values())
    return found


def _derive(key: tuple) -> Timeline:
    """The shown timeline for ``(file's timeline, filters, display zone)`` (any thread)."""
    timeline, filters, zone = key
    return timeline_on_local_days(apply_filters(timeline, filters), zone)


def derive_ahead(key: tuple, superseded: Callable[[], bool]) -> Timeline | None:
    """The shown timeline for ``key`` = ``(file's timeline, filters without the
    track order, display zone)``, derived and warmed as the derivation thread
    does (:func:`_warm_ids`), on any thread: the file's timeline itself when
    nothing is filtered and the zone moves nothing; None when ``superseded()``
    says it is no longer wanted.  Raises what the derivation raises."""
    timeline, filters, zone = key
    if filters.is_default and drawn_in_utc(zone):
        return timeline
    shown = _derive_unless(key, superseded)
    if shown is not None and not superseded():
        _warm_ids(shown)
    return shown


def _derive_unless(key: tuple, superseded: Callable[[], bool]) -> Timeline | None:
    """:func:`_derive`, or None when ``superseded()`` says a newer request
    came between its steps (nothing of it is applied)."""
    timeline, filters, zone = key
    # the zone's offset changes read from the tz database here, not by the
    # GUI thread's first paint of the axis in that zone (at the swap)
    zone_file_read(zone)
    filtered = apply_filters(timeline, filters)
    if superseded():
        return None
    return timeline_on_local_days(filtered, zone)


class Deriver:
    """One long-lived thread deriving shown timelines for every window.

    :meth:`submit` asks for a key; the latest request of an owner wins: one
    that comes while an older one of that owner is derived makes the older
    one stop at its next step and deliver nothing (a cancelled job applies
    nothing).  ``deliver(key, shown)`` runs on the worker thread (the owner
    posts it to its GUI thread); ``shown`` is the timeline, its id index and
    density counts built, or the exception raised.  Between requests the
    thread holds no timeline.
    """

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._pending: dict[int, tuple] = {}  # id(owner) -> (key, deliver), oldest first
        self._thread: threading.Thread | None = None
        self._running = False

    def busy(self) -> bool:
        """True while a request waits or is derived."""
        return bool(self._pending) or self._running

    def submit(self, owner: object, key: tuple, deliver, warm: Callable[[Timeline], None] | None = None) -> None:
        """Derive ``key`` for ``owner`` (replacing its request not yet started or
        running); ``warm(shown)``, when given, runs on the thread after the
        derivation, before ``deliver`` (what the first frame would compute)."""
        with self._cond:
            self._pending.pop(id(owner), None)
            self._pending[id(owner)] = (key, deliver, warm)
            self._cond.notify()
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(target=self._run, name="shown-timeline", daemon=True)
                self._thread.start()

    def prepare(self, timeline: Timeline) -> None:
        """Have the thread rehearse, once, the derivations a user asks for
        first on ``timeline`` (a large file just opened): with
        :func:`keep_freed_memory` on, it first touches then frees about the
        memory a derivation allocates (two dozen arrays of one float64 per
        row); then it derives a zone switch (:data:`REHEARSAL_ZONE`) and a
        filter hiding the first track, each warmed as a real one
        (:func:`_warm_ids`), and throws them away.

        The first real derivation in the thread then finds its memory
        mapped and the file's caches built: the allocator reuses the freed
        blocks instead of faulting in fresh pages (at 10^6 events 8,000 to
        12,000 page faults and 2-3 times the CPU time of the next ones; see
        benchmarks/README.md, issue 12, fourth round).  A request that comes
        meanwhile stops the rehearsal at its next step; :meth:`rehearsing`
        says it runs."""
        with self._cond:
            self._rehearse = timeline
            self._cond.notify()
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(target=self._run, name="shown-timeline", daemon=True)
                self._thread.start()

    _rehearse: Timeline | None = None  # a timeline to rehearse on (None: nothing to do)
    _rehearsing = False

    def rehearsing(self) -> bool:
        """True while :meth:`prepare`'s rehearsal waits or runs."""
        return self._rehearse is not None or self._rehearsing

    _prepared = 0  # the most rows whose memory the thread touched so far

    def _rehearse_on(self, timeline: Timeline) -> None:
        from ..model.filters import FilterState

        rows = len(timeline.columns)
        if _kept and rows > self._prepared:
            # first about what a derivation allocates at once, touched then
            # freed: with the rehearsal after it, the first real one faulted
            # in 0-900 pages at 10^6 events (4,000 after the rehearsal alone,
            # 2,000 after this alone, 8,000-12,000 after neither)
            self._prepared = rows
            arrays = [np.ones(rows) for _ in range(24)]
            del arrays
        def superseded() -> bool:
            return bool(self._pending)  # any real request stops it
        keys = [(timeline, FilterState(), REHEARSAL_ZONE)]
        if timeline.tracks:
            keys.append((timeline, FilterState().with_track_hidden(timeline.tracks[0].id, True), "UTC"))
        for key in keys:
            shown = _derive_unless(key, superseded)
            if shown is None or superseded():
                return
            _warm_ids(shown)
            del shown
            if superseded():
                return

    _freed = False  # a derivation ran since the last give_back_freed_memory (not counting rehearsals)
    trims = 0  #: how many times the idle thread gave freed memory back (for tests)

    def _run(self) -> None:
        while True:
            trim = False
            with self._cond:
                while not self._pending and self._rehearse is None:
                    if not self._freed:
                        self._cond.wait()
                    elif not self._cond.wait(TRIM_IDLE_S) and not self._pending and self._rehearse is None \
                            and not releasing():  # (a replaced timeline freed still: wait for it)
                        trim = True
                        break
                if trim:
                    self._freed = False
                rehearse = None
                if not trim:
                    rehearse, self._rehearse = self._rehearse, None
                self._rehearsing = rehearse is not None
            if trim:  # outside the lock: a request meanwhile is not kept waiting
                if give_back_freed_memory():
                    self.trims += 1
                continue
            if rehearse is not None:  # (outside the lock: a request may come meanwhile)
                try:
                    self._rehearse_on(rehearse)
                except Exception:  # noqa: BLE001, S110 - a rehearsal: a real derivation raises it where it is seen
                    pass
                finally:
                    del rehearse
                    self._rehearsing = False
            with self._cond:
                if not self._pending:
                    continue
                owner = next(iter(self._pending))
                key, deliver, warm = self._pending.pop(owner)
                self._running = True
                # a derivation the user asked for frees memory (the one it replaces) when
                # it is shown; a rehearsal's freed memory is left for the first one to reuse
                self._freed = True

            def superseded(owner: int = owner) -> bool:
                return owner in self._pending

            shown: Timeline | Exception | None
            try:
                shown = _derive_unless(key, superseded)
                if shown is not None and not superseded():
                    _warm_ids(shown)  # has_event / row_of of the selection: not on the GUI thread
            except Exception as exc:  # noqa: BLE001 - raised again on the GUI thread
                shown = exc
            if warm is not None and isinstance(shown, Timeline) and not superseded():
                try:
                    warm(shown)
                except Exception:  # noqa: BLE001, S110 - only ahead of time: the frame counts it itself
                    pass
            if shown is not None and not superseded():
                try:
                    deliver(key, shown)
                except RuntimeError:  # the window is gone
                    pass
            del key, deliver, warm, shown  # hold nothing while idle
            self._running = False


DERIVER = Deriver()  #: the derivation thread of every window


def _warm_ids(timeline: Timeline) -> None:
    """Build the id -> row index of ``timeline.columns`` (about half a second
    at 10^6 events), so the first selection, ← / → or search step after
    opening or filtering does not pay for it on the GUI thread."""
    cols = timeline.columns
    if len(cols):
        cols.row_of(cols.ids[0])
        # and what the overview's and the event layer's first frames count with
        cols.spread_mask()
        for lane in range(min(cols.n_lanes, 1000)):
            cols._density_parts(lane)
        draw_flags(timeline)  # the event layer's, made on the GUI thread when swapped in
        overview_bars(timeline)  # and the overview strip's bars
    gc.freeze()  # see ShownTimeline._show


RELEASE_WAIT_S = 20.0  #: how long a replaced timeline waits for its last other holder


def release_in_background(box: list) -> None:
    """Free a replaced shown timeline in small steps on a background thread.

    ``box`` is a one-item list holding the timeline (the caller keeps no
    other reference).  Freeing a derived timeline of 10^6 events at once
    (its list of ids, its id -> row dict) held the interpreter lock for
    about 125 ms, wherever its last reference happened to drop (in the
    overview's ``set_timeline``, on the GUI thread, on every filter toggle
    or zone switch).  The thread waits until it holds the only reference
    (the widgets have let go; at most :data:`RELEASE_WAIT_S` seconds, else
    it lets go as anyone would), then empties those containers a slice at a
    time, yielding between slices, when nothing else holds them.  One
    long-lived thread does it for every window (starting a thread per swap
    cost the GUI thread 10-15 ms on a loaded machine), one timeline after
    the other.
    """
    global _releaser  # noqa: PLW0603 - one per process
    with _releaser_lock:
        if _releaser is None or not _releaser.is_alive():
            _releaser = threading.Thread(target=_release_forever, name="release-timeline", daemon=True)
            _releaser.start()
        _releasing[0] += 1
    _to_release.put(box)


def releasing() -> bool:
    """True while a replaced timeline waits to be freed or is freed (for tests)."""
    return _releasing[0] > 0


_to_release: queue.SimpleQueue = queue.SimpleQueue()
_releaser: threading.Thread | None = None
_releaser_lock = threading.Lock()
_releasing = [0]  # timelines given to the releaser and not yet freed


def _release_forever() -> None:
    waiting: list[list] = []  # [deadline, timeline]: held by others still
    while True:
        try:
            while True:  # block only when nothing waits
                box = _to_release.get(block=not waiting)
                waiting.append([time.monotonic() + RELEASE_WAIT_S, box.pop()])
                del box
        except queue.Empty:
            pass
        now = time.monotonic()
        for entry in list(waiting):
            # only the entry holds it (the entry's slot and getrefcount's argument)
            ready = sys.getrefcount(entry[1]) <= 2
            if ready or now > entry[0]:  # taken apart, or let go as anyone would
                waiting.remove(entry)
                timeline = entry.pop()
                if ready:
                    _take_apart(timeline)
                del timeline
                with _releaser_lock:
                    _releasing[0] -= 1
        if waiting:
            time.sleep(0.05)


def _take_apart(timeline: Timeline) -> None:
    """Empty the big containers of a timeline nothing else holds, in slices:
    the columns' ids and id index, then the lazy events' own list of the
    same ids and their index (a file's timeline: freeing the last list that
    holds the million strings would free them all at once)."""
    for attr in ("columns", "events"):
        holder = timeline.__dict__.get(attr)
        # held by another than the attribute, this name and the argument: leave it
        if holder is not None and sys.getrefcount(holder) <= 3 and hasattr(holder, "__dict__"):
            for name in ("ids", "_row_index", "_index"):
                _empty_slowly(holder.__dict__, name)
        del holder


def _empty_slowly(attrs: dict, name: str) -> None:
    """Empty the list or dict ``attrs[name]`` 20,000 items at a time when
    nothing but ``attrs`` holds it, yielding to other threads between slices."""
    box = attrs.get(name)
    if not isinstance(box, (list, dict)) or sys.getrefcount(box) != 3:  # the attribute, box, the argument
        return
    if isinstance(box, list):
        while box:
            del box[-20_000:]
            time.sleep(0)  # let the GUI thread run between slices
    else:
        while box:
            for _ in range(min(20_000, len(box))):
                box.popitem()
            time.sleep(0)


def _warm_after_opening(timeline: Timeline, shown: Timeline) -> None:
    """:func:`_warm_ids` of the shown timeline, then the file's facet codes
    (:attr:`Timeline.facets`, about 250 ms at 10^6 events), which the
    Filters tab's first counts and the first filter would otherwise build
    on the GUI thread."""
    _warm_ids(shown)
    timeline.facets  # noqa: B018 - built here, once


STRIPS_WARMED = 200
"""At most this many of the strips on screen are counted ahead for a derived
timeline (:meth:`ShownTimeline._derive_next`)."""

TRIM_IDLE_S = 5.0
"""After a derivation the user asked for, once no request came for this long
(and no replaced timeline waits to be freed), the derivation thread gives
the allocator's freed memory back (:func:`give_back_freed_memory`): the
next derivation after a pause faults its pages in again (in that thread,
not the GUI's), derivations in a row reuse them.  Not after the rehearsal
of :meth:`Deriver.prepare`, whose freed memory is left for the first one."""

KEEP_FREED_BYTES = 256 * 1024 * 1024
"""With a large file open, freed memory up to this much stays with the process
for reuse (see :func:`keep_freed_memory`)."""


def keep_freed_memory() -> bool:
    """Let the C allocator keep freed blocks of up to :data:`KEEP_FREED_BYTES`
    for reuse instead of giving them back to the system at once (glibc's
    ``mallopt``; elsewhere nothing is done; False then).

    Each derivation of a 10^6-event timeline allocates and frees a few dozen
    arrays of 8 MB.  glibc maps each such block afresh from the system and
    unmaps it when freed, so every derivation paid for faulting in some
    200 MB of new pages: 100-200 ms of a 150 ms filter toggle or zone switch
    on this machine, against 45-80 ms when the blocks are reused.  The cost
    is that the process keeps up to that much freed memory.
    """
    global _kept  # noqa: PLW0603 - once per process
    if _kept is None:
        _kept = False
        try:
            libc = ctypes.CDLL(None)
            mallopt = libc.mallopt
        except (OSError, AttributeError):
            return False
        m_trim_threshold, m_mmap_threshold = -1, -3
        _kept = bool(mallopt(m_mmap_threshold, KEEP_FREED_BYTES // 2)) and bool(
            mallopt(m_trim_threshold, KEEP_FREED_BYTES))
    return _kept


_kept: bool | None = None


def give_back_freed_memory() -> bool:
    """Give the freed memory the allocator keeps (:func:`keep_freed_memory`)
    back to the system: glibc's ``malloc_trim(0)``; elsewhere, or when
    :func:`keep_freed_memory` is not on, nothing is done (False).

    At 10^6 events, after 14 filter toggles and zone switches, the resident
    set went from 2.5 GB to 0.92 GB (the file's timeline and two derived
    ones alive) in about 160 ms: the freed blocks of the derivations'
    arrays, which each thread's arena keeps.  Called by the derivation
    thread once the window has been idle :data:`TRIM_IDLE_S` seconds."""
    if not _kept:
        return False
    try:
        trim = ctypes.CDLL(None).malloc_trim
    except (OSError, AttributeError):
        return False
    return bool(trim(0))


def install(window) -> None:
    """Attach a :class:`ShownTimeline` to the window as ``window.shown``."""
    window.shown = ShownTimeline(window)
    window.view.zone_sets_timeline = True  # a zone change derives the shown timeline again (_on_state)
    window.shown.refresh()
    if window.shown.large:
        keep_freed_memory()
        DERIVER.prepare(window.timeline)
        window.shown.jobs.set_timeline(window.timeline, window.path)  # the index is ready before the first query
        warming = threading.Thread(target=_warm_after_opening, args=(window.timeline, window.shown.timeline),
                                   name="id-index", daemon=True)
        warming.start()
        window.shown.warming = warming
    window.jobs_pending = lambda: jobs_pending(window)


def jobs_pending(window) -> bool:
    """True while the window has background work (index, search, derivation,
    id index, an opening file, a debounced keystroke): for tests and benchmarks."""
    shown = window.shown
    warming = shown.warming is not None and shown.warming.is_alive()
    opening = getattr(window, "opening", None)
    bar = getattr(window, "search_bar", None)
    return bool(shown.jobs.pending() or shown.searching() or shown.deriving() or warming or DERIVER.rehearsing()
                or shown.rehearsal_waits()
                or (opening is not None and opening.pending()) or (bar is not None and bar.typing()))
