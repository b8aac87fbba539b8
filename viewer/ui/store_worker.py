"""Questions to an event store, answered off the GUI thread.

One worker thread per open collection asks the store (DuckDB and ClickHouse
stores take one query at a time anyway).  Only the newest question of each
kind waits: a pan that asks for ten windows while one query runs gets the
answer to the last one, never the nine in between.  Window answers come in
two parts (the events, then the density strips of the crowded lanes) so the
view draws the events at once and fills in the strips.  Answers arrive as
Qt signals, queued to the GUI thread.

A store with a ``warm()`` method (DuckDB: loading its count tables, 0.7 s at
10^8 events) is warmed in the worker thread as soon as the worker starts,
while the window is built and shown, instead of on its first question.

Tasks asked with ``slow=True`` (the tag counts: a scan of every row, 5 s at
10^8 events) run in a second thread on a second handle of the store when it
has one (``store.background()``: a DuckDB cursor), so a window asked
meanwhile is answered at once instead of after the scan; a store without
one answers them in the first thread, in turn, as before.

Searches and "event by id" (a scan of the collection when it has no search
index: seconds to tens of seconds at 10^8 events) run in a third thread on a
third handle (``store.background(search=True)``, which shares the search
index), so a pan asked while a search scans gets its frame at once; a store
without one answers them in the first thread.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal

from ..model.errors import TimelineLoadError
from ..model.store import EventStore
from ..model.window import WindowRequest, WindowTracker, fetch_density, fetch_visible

__all__ = ["StoreWorker"]

_ORDER = ("window", "event", "search", "task")  #: which waiting question goes first


class StoreWorker(QObject):
    """Asks ``store`` in a background thread; answers with signals.

    Signals
    -------
    sigWindow(WindowContent)
        A window's events (``density`` None while the strips are on their way), then the whole answer.
    sigEvent(str, Event)
        The event asked for by id.
    sigSearch(str, SearchResult)
        The query and its matches.
    sigTask(str, object)
        The name of a task given to :meth:`ask_task` and what it returned.
    sigFailed(str, str)
        The kind of question and the error's message.
    """

    sigWindow = Signal(object)  # WindowContent
    sigEvent = Signal(str, object)  # event id, Event (or the TimelineLoadError of a damaged row)
    sigSearch = Signal(str, object)  # query, SearchResult
    sigTask = Signal(str, object)  # task name, result
    sigFailed = Signal(str, str)  # kind, message

    def __init__(self, store: EventStore, tracker: WindowTracker, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.tracker = tracker
        self._cond = threading.Condition()
        self._pending: dict[str, Any] = {}
        self._stopped = False
        self.busy = False  #: a question is being answered (read by tests and the status line)
        self.slow_busy = False  #: a slow task is being answered in the second thread
        self._slow: dict[str, Callable[[EventStore], Any]] = {}
        background: Any = getattr(store, "background", None)
        self._slow_store: EventStore | None = background() if callable(background) else None
        self._thread = threading.Thread(target=self._run, name="store-worker", daemon=True)
        self._thread.start()
        self._slow_thread: threading.Thread | None = None
        if self._slow_store is not None:
            self._slow_thread = threading.Thread(target=self._run_slow, name="store-worker-slow", daemon=True)
            self._slow_thread.start()
        self._lookups: dict[str, Any] = {}  #: "event" / "search" waiting for the third thread
        self.lookup_busy = False  #: a search or an event by id is being answered in the third thread
        self._lookup_store: EventStore | None = None
        self._lookup_thread: threading.Thread | None = None
        if self._slow_store is not None:
            try:
                self._lookup_store = background(search=True)
            except TypeError:  # a store whose second handle cannot search: the first thread does
                self._lookup_store = None
        if self._lookup_store is not None:
            self._lookup_thread = threading.Thread(target=self._run_lookups, name="store-worker-search", daemon=True)
            self._lookup_thread.start()

    # -- asking (GUI thread) --------------------------------------------
    def _ask(self, kind: str, payload: Any) -> None:
        with self._cond:
            self._pending[kind] = payload  # a newer question of the same kind replaces a waiting one
            self._cond.notify_all()

    def ask_window(self, request: WindowRequest) -> None:
        """Fetch ``request``'s events, then its strips (skipped if a newer window is asked meanwhile)."""
        self._ask("window", request)

    def ask_event(self, event_id: str) -> None:
        """Read one whole event (for the detail pane); beside the windows when the store has a third handle."""
        self._ask_lookup("event", event_id)

    def ask_search(self, query: str, cap: int) -> None:
        """Search the collection (at most ``cap`` ids, and the total); beside the windows when it can."""
        self._ask_lookup("search", (query, cap))

    def _ask_lookup(self, kind: str, payload: Any) -> None:
        if self._lookup_store is None:
            self._ask(kind, payload)
            return
        with self._cond:
            self._lookups[kind] = (kind, payload)  # a newer question of the same kind replaces a waiting one
            self._cond.notify_all()

    def ask_task(self, name: str, fn: Callable[[EventStore], Any], slow: bool = False, lookup: bool = False) -> None:
        """Run ``fn(store)`` (the overview's counts, a page of the list); a newer task replaces a waiting one.
        ``slow``: a long scan, answered beside the windows when the store has a second handle (module doc);
        ``lookup``: a search's scan (its count, a page of its matches), in the searches' thread when there is one."""
        if lookup and self._lookup_store is not None:
            with self._cond:
                self._lookups[f"task:{name}"] = ("task", (name, fn))
                self._cond.notify_all()
            return
        with self._cond:
            if slow and self._slow_store is not None:
                self._slow[name] = fn
                self._cond.notify_all()
                return
            tasks = self._pending.setdefault("task", {})
            tasks[name] = fn
            self._cond.notify_all()

    def idle(self) -> bool:
        """True when nothing waits and nothing runs."""
        with self._cond:
            return (not self._pending and not self.busy and not self._slow and not self.slow_busy
                    and not self._lookups and not self.lookup_busy)

    def stop(self) -> None:
        """End the thread after the question it is answering (waits at most 5 s)."""
        with self._cond:
            self._stopped = True
            self._pending.clear()
            self._slow.clear()
            self._lookups.clear()
            self._cond.notify_all()
        self._thread.join(timeout=5.0)
        if self._lookup_thread is not None:
            interrupt = getattr(self._lookup_store, "interrupt", None)
            if callable(interrupt):
                interrupt()  # a search's scan ends now
            self._lookup_thread.join(timeout=5.0)
            if not self._lookup_thread.is_alive() and self._lookup_store is not None:
                self._lookup_store.close()
        if self._slow_thread is not None:
            interrupt = getattr(self._slow_store, "interrupt", None)
            if callable(interrupt):
                interrupt()  # a scan of seconds (the tag counts) ends now, not after the window closed
            self._slow_thread.join(timeout=5.0)
            if not self._slow_thread.is_alive() and self._slow_store is not None:
                self._slow_store.close()  # its cursor (the store itself is closed by its owner)

    # -- answering (worker thread) ---------------------------------------
    def _next(self) -> tuple[str, Any] | None:
        with self._cond:
            while not self._pending and not self._stopped:
                self._cond.wait()  # (woken by slow tasks too: notify_all)
            if self._stopped:
                return None
            kind = next(k for k in _ORDER if k in self._pending)
            if kind == "task":
                tasks = self._pending["task"]
                name = next(iter(tasks))
                fn = tasks.pop(name)
                if not tasks:
                    del self._pending["task"]
                self.busy = True
                return kind, (name, fn)
            self.busy = True
            return kind, self._pending.pop(kind)

    def _run(self) -> None:
        warm = getattr(self.store, "warm", None)
        if callable(warm):  # while the window is being built and shown: what its first frame needs
            with self._cond:
                self.busy = True
            try:
                warm()
            except Exception:  # noqa: BLE001,S110 - the first question meets the same error and names it
                pass
            finally:
                with self._cond:
                    self.busy = False
        while True:
            job = self._next()
            if job is None:
                return
            kind, payload = job
            try:
                self._answer(kind, payload)
            except Exception as exc:  # noqa: BLE001 - the window shows the store's message
                if not self._stopped:
                    self.sigFailed.emit(kind, str(exc))
            finally:
                with self._cond:
                    self.busy = False

    def _run_slow(self) -> None:
        store = self._slow_store
        assert store is not None
        while True:
            with self._cond:
                while not self._slow and not self._stopped:
                    self._cond.wait()
                if self._stopped:
                    return
                name = next(iter(self._slow))
                fn = self._slow.pop(name)
                self.slow_busy = True
            try:
                self.sigTask.emit(name, fn(store))
            except Exception as exc:  # noqa: BLE001 - the window shows the store's message
                if not self._stopped:
                    self.sigFailed.emit("task", str(exc))
            finally:
                with self._cond:
                    self.slow_busy = False

    def _run_lookups(self) -> None:
        store = self._lookup_store
        assert store is not None
        while True:
            with self._cond:
                while not self._lookups and not self._stopped:
                    self._cond.wait()
                if self._stopped:
                    return
                key = "event" if "event" in self._lookups else next(iter(self._lookups))  # the detail pane first
                kind, payload = self._lookups.pop(key)
                self.lookup_busy = True
            try:
                self._answer(kind, payload, store)
            except Exception as exc:  # noqa: BLE001 - the window shows the store's message
                if not self._stopped:
                    self.sigFailed.emit(kind, str(exc))
            finally:
                with self._cond:
                    self.lookup_busy = False

    def _answer(self, kind: str, payload: Any, store: EventStore | None = None) -> None:
        store = self.store if store is None else store
        if kind == "window":
            request: WindowRequest = payload
            if not self.tracker.is_latest(request):
                return  # a newer window was asked: this answer would be stale
            content = fetch_visible(store, request)
            self.sigWindow.emit(content)
            if not content.complete and self.tracker.is_latest(request):
                self.sigWindow.emit(fetch_density(store, content))
        elif kind == "event":
            try:
                event: Any = store.event(payload)
            except TimelineLoadError as exc:  # a damaged row: the pane says so, never the last event shown
                event = exc
            self.sigEvent.emit(payload, event)
        elif kind == "search":
            query, cap = payload
            self.sigSearch.emit(query, store.search(query, cap))
        elif kind == "task":
            name, fn = payload
            self.sigTask.emit(name, fn(store))
