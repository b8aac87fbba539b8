"""Opening a large file in the background, with a progress bar and Cancel.

Reading a million events without their cache takes seconds (13 s on the
issue's 2-core machine).  For a file of at least
:data:`OPEN_IN_BACKGROUND_BYTES`, ``window.open_file`` (File > Open, Open
Recent, a dropped file) reads it in a background thread while the window
keeps showing, and answering for, the timeline already open.  A bar under
the title (over the timeline's top edge: nothing moves when it comes or goes)
names the file, counts the seconds and offers Cancel.  The new
timeline replaces the old one in one step on the GUI thread when it is
ready; a cancelled opening, or one overtaken by another, is dropped whole:
the reader stops at its next progress report (:mod:`viewer.io.progress`)
and nothing of it is applied.  The bar fills with the share of the file
read (the bulk reader reports it; other readers leave the bar busy).
Errors show as for any file.  Smaller files open at once, as before.
A file changed while it was read is said so when shown and read again
(:meth:`viewer.ui.files.FileFeature.note_read`); an opening that failed on a
version rewritten meanwhile reads the file again instead of showing that error.

The shown timeline of the new file (on the display zone's calendar days, through
the filters it starts with) is derived in the same thread before the swap: a
10^6-event file opened while the display zone is not UTC no longer moves its
events onto the zone's days on the GUI thread (about 0.3 s held there).

A large open file that changed on disk is read again the same way
(:meth:`BackgroundOpen.start` with a :class:`Reading` of
:mod:`viewer.ui.files`' live reload): "Reloading NAME…" with the same bar and
Cancel; the reload's own rules (what of the view is kept, unsaved edits asked
about, an unreadable file named in the banner) apply when it arrives.  A
reload is dropped when another file is asked for meanwhile, and any reading
when another timeline is put in place (File > New, a recovery).
"""

from __future__ import annotations

import gc
import os
import sys
import threading
import time
import weakref
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QProgressBar, QPushButton

from ..io.bulk import CachedTextError
from ..io.common import ReadReport
from ..io.progress import ReadCancelled, reporting
from ..io.registry import read_timeline_report
from ..io.regular import file_identity
from ..model.errors import TimelineLoadError
from ..model.filters import FilterState
from ..model.timeline import Timeline
from .after_paint import next_turn_timer
from .shown import _warm_ids as warm_ids
from .shown import derive_ahead
from .zone_picker import data_zones

__all__ = ["OPEN_IN_BACKGROUND_BYTES", "BackgroundOpen", "Reading", "install", "is_large"]

OPEN_IN_BACKGROUND_BYTES = 4 * 1024 * 1024
"""Files at least this large (about 40,000 events) are read in the background."""


def is_large(path: str) -> bool:
    """True when ``path`` is a file of at least :data:`OPEN_IN_BACKGROUND_BYTES` (read in the background)."""
    try:
        return os.stat(path).st_size >= OPEN_IN_BACKGROUND_BYTES
    except OSError:
        return False  # missing or unreadable: the reader says why, at once


@dataclass(frozen=True)
class Reading:
    """What a background reading of a file does besides reading it (File > Open's, unless given).

    Attributes
    ----------
    verb : str
        The bar's first word ("Opening", "Reloading").
    read : callable () -> ReadReport
        Reads the file (in the background thread).
    filters_for : callable (Timeline) -> FilterState
        The filters the new timeline will start with (in the background
        thread): its shown timeline is derived with them and the display zone
        before the swap.
    done : callable (ReadReport, tuple) -> None
        On the GUI thread with the report and ``(key, shown)``: the shown
        timeline derived for ``key`` = (the report's timeline, filters, zone),
        to give to :func:`offer_shown` before the swap (which then does not
        derive it again).
    failed : callable (Exception) -> None
        On the GUI thread when the file could not be read.
    cancelled : callable () -> None
        On the GUI thread when the user clicked Cancel (not when another
        file overtook it).
    """

    verb: str
    read: Callable[[], ReadReport]
    filters_for: Callable[[Timeline], FilterState]
    done: Callable[[ReadReport, tuple], None]
    failed: Callable[[Exception], None]
    cancelled: Callable[[], None] = lambda: None


class _OpeningBar(QFrame):
    """"Opening NAME… 3 s [busy bar] [Cancel]" over the top of the timeline, under the title.

    An overlay, not a row of the window's layout: showing or hiding it moves
    nothing else (as a row it laid the whole window out again when it went,
    in the same pass as the new file's first paint).  ``parent``: the central
    widget; ``below``: the widget whose top edge it sits on (the splitter)."""

    def __init__(self, on_cancel, parent=None, below=None) -> None:
        super().__init__(parent)
        self.below = below
        self.setObjectName("opening_bar")
        self.setAutoFillBackground(True)
        self.setStyleSheet("#opening_bar { background: #e8eef7; border-bottom: 1px solid #b9c6da; }")
        lay = QHBoxLayout(self)
        lay.setContentsMargins(8, 4, 8, 4)
        self.label = QLabel()
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)  # busy until the reader reports how far it is
        self.progress.setMaximumWidth(200)
        self.progress.setAccessibleName("Opening the file")
        self.cancel = QPushButton("Cancel")
        self.cancel.setAccessibleName("Cancel opening the file")
        self.cancel.clicked.connect(on_cancel)
        lay.addWidget(self.label, 1)
        lay.addWidget(self.progress)
        lay.addWidget(self.cancel)
        self.hide()
        for watched in (parent, below):  # follows the window's width and the timeline's top edge
            if watched is not None:
                watched.installEventFilter(self)

    def place(self) -> None:
        """Put the bar across the parent's width, on the top edge of ``below``, above it."""
        parent = self.parentWidget()
        if parent is None:
            return
        top = self.below.geometry().top() if self.below is not None else 0
        self.setGeometry(0, top, parent.width(), self.sizeHint().height())
        self.raise_()

    def showEvent(self, event) -> None:  # noqa: N802 (Qt name)
        self.place()
        super().showEvent(event)

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 (Qt name)
        if event.type() in (QEvent.Type.Resize, QEvent.Type.Move) and self.isVisible() \
                and (obj is self.parentWidget() or obj is self.below):
            self.place()
        return False


class BackgroundOpen(QObject):
    """Routes ``window.open_file`` of large files through a background thread.

    Parameters
    ----------
    window : MainWindow
        Its ``open_file`` is wrapped; ``files`` (:mod:`viewer.ui.files`)
        reports the rows a reader skipped.
    """

    _sigDone = Signal(int, str, object, object)  # generation, path, report, error
    _sigProgress = Signal(int, int)  # generation, permille of the file read

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self._open_now = window.open_file
        window.open_file = self.open_file
        central = window.central_layout.parentWidget()
        self.bar = _OpeningBar(self._cancel_clicked, central, getattr(window, "splitter", None))
        self._generation = 0
        self.path: str | None = None  # the file being opened
        self.reading: Reading | None = None  # what it is read for (None: nothing read)
        self._started = 0.0
        self._tick = QTimer(self)
        self._tick.setInterval(500)
        self._tick.timeout.connect(self._show_time)
        # the new file's first picture in the turn after the swap (see _done), not in the swap's pass
        self._paint_later = next_turn_timer(self, self._paint_now)
        self._sigDone.connect(self._done)
        self._sigProgress.connect(self._progress)
        window.sigTimelineChanged.connect(self._on_timeline_changed)

    def pending(self) -> bool:
        """True while a file is read in the background."""
        return self.path is not None

    def reloading(self) -> bool:
        """True while the open file is read again in the background (not another file opened)."""
        return self.reading is not None and self.reading.verb == "Reloading"

    def open_file(self, path: str) -> bool:
        """Open ``path``: at once when small (True when shown, as before), else
        in the background (True: started; the result or an error follows)."""
        try:
            size = os.stat(path).st_size
        except OSError:
            size = 0  # missing or unreadable: the reader says why, at once
        if size < OPEN_IN_BACKGROUND_BYTES:
            if self.pending():
                self.cancel()  # the file asked for last is the one shown, never one read before it
            return self._open_now(path)
        self.start(path)
        return True

    def start(self, path: str, reading: Reading | None = None) -> None:
        """Read ``path`` in a background thread (an opening already running is dropped).

        ``reading`` says what for (None: File > Open's reading, which shows the
        file as another file; :mod:`viewer.ui.files` gives its reload's)."""
        self._generation += 1
        generation = self._generation
        self.path = path
        self._started = time.monotonic()
        self._permille = -1
        self.bar.progress.setRange(0, 0)  # busy until the reader reports
        last = [-1]
        if reading is None:
            reading = self._opening(path)
        self.reading = reading
        self._show_time()
        self.bar.show()
        self._tick.start()
        zone = self.window.state.display_zone  # (a zone chosen meanwhile is derived at the swap)

        def progress(done: int, total: int) -> None:
            permille = min(1000, done * 1000 // max(1, total))
            if permille != last[0]:
                last[0] = permille
                self._sigProgress.emit(generation, permille)

        def superseded() -> bool:
            return generation != self._generation

        def read_and_warm() -> tuple:
            collecting = gc.isenabled()
            # a million new objects: no full collections (they hold the GUI thread), from the read
            # itself on (the reader would turn the collector back on, and its first pass walked the
            # new id lists, 112-177 ms at 10^6), until warm_ids has frozen them
            gc.disable()
            try:
                report = reading.read()
                report.timeline.columns  # noqa: B018 - built here, not on the GUI thread
                report.timeline.facets  # noqa: B018 - so are the Filters tab's codes,
                data_zones(report.timeline)  # the zone picker's entries,
                warm_ids(report.timeline)  # the id index and the first frames' counts (then gc.freeze)
                # and the shown timeline: on the zone's days, through the filters it starts with
                key = (report.timeline, reading.filters_for(report.timeline).without_order, zone)
                return report, key, derive_ahead(key, superseded)
            finally:
                if collecting:
                    gc.enable()

        def work() -> None:
            report = key = shown = None
            error: Exception | None = None
            try:
                with reporting(progress, superseded):
                    try:
                        report, key, shown = read_and_warm()
                    except CachedTextError:  # a large file's cache did not hold its events (a forged
                        # one): the reader removed it, so this reads the file itself
                        report, key, shown = read_and_warm()
                    if shown is None:
                        return  # overtaken meanwhile: nothing is applied
            except ReadCancelled:
                return  # cancelled: the thread stops, nothing is applied
            except Exception as exc:  # noqa: BLE001 - shown as an error, never a crash
                error = exc
            try:
                self._sigDone.emit(generation, path, (report, (key, shown)), error)
            except RuntimeError:
                pass  # the window was closed meanwhile

        threading.Thread(target=work, name="open-file", daemon=True).start()

    def cancel(self) -> None:
        """Stop the file being opened: its reader stops at its next progress
        report (a reader that reports none runs on) and nothing of it is applied."""
        self._generation += 1
        self._finish()
        files = getattr(self.window, "files", None)
        if files is not None:
            files.forget_read()  # its file is not shown: nothing to compare when another is

    def _on_timeline_changed(self, _timeline) -> None:
        if self.pending() and self.window.path != self.path:
            self.cancel()  # another timeline put in place meanwhile (File > New, a recovery): it was asked for last

    def _cancel_clicked(self) -> None:
        reading = self.reading
        self.cancel()
        if reading is not None:
            reading.cancelled()

    def _finish(self) -> None:
        self.path = None
        self.reading = None
        self._tick.stop()
        self.bar.hide()

    def _progress(self, generation: int, permille: int) -> None:
        if generation != self._generation:
            return
        if self._permille < 0:
            self.bar.progress.setRange(0, 1000)
        self._permille = permille
        self.bar.progress.setValue(permille)
        self._show_time()

    def _show_time(self) -> None:
        if self.path is not None:
            secs = time.monotonic() - self._started
            step = "building the timeline… " if getattr(self, "_permille", -1) >= 1000 else ""
            verb = self.reading.verb if self.reading is not None else "Opening"
            why = " (changed on disk)" if verb == "Reloading" else ""
            self.bar.label.setText(f"{verb} {Path(self.path).name}{why}… {step}{secs:.0f} s "
                                   "(the timeline shown stays usable)")

    def _done(self, generation: int, path: str, result, error) -> None:
        if generation != self._generation:
            return  # cancelled, or another file asked for since
        reading = self.reading
        self._finish()
        if reading is None:
            return
        if error is not None:
            reading.failed(error)
            return
        reading.done(*result)
        # the new file's texts (legend, notes) may take another height: lay the window out now,
        # before the paint already asked for, so the first picture is painted once, at its size
        # (else a second whole paint of the new file followed in the same pass)
        layout = getattr(self.window, "central_layout", None)
        if layout is not None:
            layout.activate()
        # and its lanes painted in the next turn of the event loop, not in this one: a paint asked
        # for during the read (the bar's clock, a hover) came in the swap's own pass, and the swap
        # and that paint held the GUI thread as one block (43 ms of its CPU at 10^6 events, against 16
        # and 37 in two turns before the opening bar became an overlay); the view shows its
        # last picture meanwhile and the window answers (what is done then applies to the new file)
        view = getattr(self.window, "view", None)
        if view is not None and view.updatesEnabled():
            view.setUpdatesEnabled(False)
            self._paint_later.start()

    def _paint_now(self) -> None:
        """The timeline view painted again after the swap's turn (whole: its scene's changes in
        the swap were not marked while its updates were off)."""
        view = getattr(self.window, "view", None)
        if view is not None:
            view.setUpdatesEnabled(True)
            view.viewport().update()

    def _opening(self, path: str) -> Reading:
        """File > Open's reading of ``path``: shown as another file (fresh filters), errors in a dialog."""
        w = self.window
        files = getattr(w, "files", None)
        options = files.options_for(path)[0] if files is not None else None  # choices kept for a CSV's columns
        before = file_identity(path)  # the version read (compared again when it is shown, or fails)
        if files is not None:
            files.note_read(path)

        def read() -> ReadReport:
            try:
                return read_timeline_report(path, format="csv" if options else None, options=options)
            except TimelineLoadError as exc:
                if files is not None:  # a CSV whose columns need choosing: the import dialog, as for a small file
                    files.offer_import(path, exc, options)
                raise

        def failed(error: Exception) -> None:
            if file_identity(path) != before:  # rewritten while read: the error may be of a version gone
                self.start(path)  # read what is there now (the bar again; Cancel stops it)
                return
            if files is not None:
                files.forget_read()
            instead = getattr(error, "open_instead", None)
            if instead is not None:
                instead()
                return
            full = error.full_report() if isinstance(error, TimelineLoadError) else str(error)
            w.show_error(f"Could not open {Path(path).name}", str(error), full)

        def done(report: ReadReport, ahead: tuple) -> None:
            authoring = getattr(w, "authoring", None)
            if authoring is not None and not authoring.maybe_save():
                # edited while the file was read: Cancel keeps the edits (and drops the file read)
                w.statusBar().showMessage(f"{Path(path).name} was not opened: your unsaved changes are kept", 10000)
                return
            if files is not None:
                files._pending = report.problems  # listed in the banner once shown
                files._pending_skipped = len(report.skipped)  # rows left out, then fields (the banner's words)
            offer_shown(w, ahead)
            w.set_timeline(report.timeline, path)

        return Reading("Opening", read, lambda _timeline: FilterState(), done, failed)


def offer_shown(window, ahead: tuple) -> None:
    """Give ``window.shown`` the shown timeline derived in the background,
    ``ahead`` = ``(key, shown)`` (:meth:`~viewer.ui.shown.ShownTimeline.offer`;
    nothing without that feature), before the file's timeline is set."""
    feature = getattr(window, "shown", None)
    if feature is not None:
        feature.offer(*ahead)


def install(window) -> None:
    """Attach a :class:`BackgroundOpen` as ``window.opening`` (after the files feature), and
    :func:`read_again_on_cached_text_error`."""
    window.opening = BackgroundOpen(window)
    read_again_on_cached_text_error(window)


_REREAD_WINDOWS: weakref.WeakSet = weakref.WeakSet()
"""The windows :func:`read_again_on_cached_text_error` answers for (one hook serves them all)."""


def read_again_on_cached_text_error(window) -> None:
    """When an event of ``window``'s large file, built from its cache after the opening (the
    detail pane, a label...), proves not to be that event (:class:`CachedTextError`: a cache
    rewritten with a valid checksum; the reader has removed it), say so in the status bar and
    read the file again in the background, which reads the file itself.

    Such an error reaches no caller of the window's own: it leaves a Qt slot or paint, so
    ``sys.excepthook`` gets it.  One hook (installed again only when another replaced it) takes
    only that error for a window's own file and hands anything else to the hook before it: one
    link for every window, not one link per window."""
    if not getattr(sys.excepthook, "_rereads_cached_text", False):  # (again if another hook replaced it)
        previous = sys.excepthook

        def hook(kind, value, tb) -> None:
            if isinstance(value, CachedTextError):
                for w in list(_REREAD_WINDOWS):
                    if w.path and os.path.abspath(value.problems[0].file) == os.path.abspath(w.path):
                        w.statusBar().showMessage(f"{Path(w.path).name}: the cache of this large file was "
                                                  "damaged (removed); reading the file again", 15000)
                        if not w.opening.pending():
                            w.opening.start(w.path)
                        return
            previous(kind, value, tb)

        hook._rereads_cached_text = True  # type: ignore[attr-defined]
        sys.excepthook = hook
    _REREAD_WINDOWS.add(window)
