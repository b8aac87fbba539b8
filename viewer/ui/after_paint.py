"""Work that waits for the timeline's next paint (the swap to a new file).

When a large file is put in place, the GUI thread's swap and the first paint of
the new lanes are one freeze of the window; anything that is not needed for
that first picture (settings written, the overview strip filled) is run in a
later turn of the event loop with :func:`after_first_paint`, so the window
answers in between and the new lanes are what the user sees first.

What waits runs one callable per turn (each one's own paints, e.g. the Events
list's or the strip's, come before the next), so no turn holds them all.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer

#: when no paint comes (a window minimized or never shown), the waiting work runs after this (ms)
FALLBACK_MS = 250


def next_turn_timer(parent: QObject, fn: Callable[[], None]) -> QTimer:
    """A single-shot timer, a child of ``parent``, that runs ``fn`` in a later turn of the event
    loop once started (1 ms, a precise timer; ``start()`` again before then: still once).

    A timer, not ``QTimer.singleShot(0)``: Qt delivers that as a posted event in the same pass
    as a paint, before any timer, so the window would not answer in between."""
    timer = QTimer(parent)
    timer.setSingleShot(True)
    timer.setInterval(1)
    timer.setTimerType(Qt.TimerType.PreciseTimer)
    timer.timeout.connect(fn)
    return timer


class AfterPaint(QObject):
    """Callables run once, in order, from the event loop's turn after ``viewport``'s next paint:
    one callable per turn (a closing window runs all that still wait at once)."""

    def __init__(self, viewport, window=None) -> None:
        super().__init__(viewport)
        self.viewport = viewport
        self.window = window
        self.waiting: list[Callable[[], None]] = []
        viewport.installEventFilter(self)
        if window is not None:
            window.installEventFilter(self)  # closed before the paint: what waits runs then
        self._fallback = QTimer(self)
        self._fallback.setSingleShot(True)
        self._fallback.setInterval(FALLBACK_MS)
        self._fallback.timeout.connect(self.step)
        self._soon = next_turn_timer(self, self.step)  # the turn after a paint, not the paint's own pass

    def add(self, fn: Callable[[], None]) -> None:
        """Run ``fn`` after the next paint (once, however often it is added before)."""
        if fn not in self.waiting:
            self.waiting.append(fn)
        if not self.viewport.isVisible():
            self._soon.start()  # nothing will be painted: the next turn
        else:
            self._fallback.start()

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 (Qt name)
        if obj is self.viewport and event.type() == QEvent.Type.Paint and self.waiting:
            self._soon.start()  # after this paint, in a later turn
        elif obj is self.window and obj is not None and event.type() == QEvent.Type.Close and self.waiting:
            self.run()
        return False

    def step(self) -> None:
        """Run the first callable that waits; the next one in a later turn of the event loop
        (after what this one asked to be painted), so each turn holds the GUI thread for one."""
        self._fallback.stop()
        self._soon.stop()
        if not self.waiting:
            return
        fn = self.waiting.pop(0)
        if self.waiting:
            self._soon.start()  # started first: a callable that raises leaves the others to run
        fn()

    def run(self) -> None:
        """Run all that waits now (what a window closing calls, so that nothing is lost)."""
        self._fallback.stop()
        self._soon.stop()
        waiting, self.waiting = self.waiting, []
        for fn in waiting:
            fn()


def after_first_paint(window, fn: Callable[[], None]) -> None:
    """Run ``fn()`` in a turn of the event loop after ``window.view``'s next paint.

    ``window``: a main window with a ``view`` (a ``QGraphicsView``).  The first
    call installs the watcher as ``window.after_paint``; what waits also runs
    when the window closes before that paint (nothing is lost on a quick quit)."""
    watcher = getattr(window, "after_paint", None)
    if watcher is None:
        watcher = window.after_paint = AfterPaint(window.view.viewport(), window)
    watcher.add(fn)
