"""The presenter's panel: current and next step, the note, elapsed time and the clock.

An overlay over the presentation on one screen (key P), or the content of
the presenter's own window when there are two (:mod:`viewer.ui.presenting`).
"""

from __future__ import annotations

import time

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout

from ..model.presentation import Presentation
from ..model.text import visible_controls
from ..model.timeline import Timeline

__all__ = ["PresenterPanel"]


class PresenterPanel(QFrame):
    """Current and next step, the presenter's note, elapsed time and the clock.

    Parameters
    ----------
    presentation : Presentation
    timeline : Timeline
    started : float
        ``time.monotonic()`` when the presentation started.
    px : int
        Base font size in pixels.
    """

    def __init__(self, presentation: Presentation, timeline: Timeline, started: float, px: int,
                 parent=None) -> None:
        super().__init__(parent)
        self.presentation = presentation
        self.timeline = timeline
        self.started = started
        self.setObjectName("presenter")
        self._layout = QVBoxLayout(self)
        self.now = QLabel()
        self.next = QLabel()
        self.note = QLabel()
        self.clock = QLabel()
        self.quote = QLabel()  # a quote the audience's caption shortened with "…", whole (follow_caption)
        self.quote.hide()
        for label in (self.now, self.next, self.note, self.clock, self.quote):
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setWordWrap(True)
            self._layout.addWidget(label)
        self.set_px(px)
        self._timer = QTimer(self)
        self._timer.timeout.connect(self._tick)
        self._timer.start(1000)
        presentation.subscribe(lambda *_: self.refresh())
        self.refresh()

    def set_px(self, px: int) -> None:
        """Size the text: ``px`` pixels for the note, larger for the current step."""
        self.setStyleSheet(f"QFrame#presenter {{ background: rgba(20, 24, 30, 235); border: 2px solid #ffd27a; "
                           f"border-radius: 8px; }} QLabel {{ color: #f4f6f8; font-size: {px}px; }}")
        self._layout.setContentsMargins(px, px // 2, px, px // 2)
        self.now.setStyleSheet(f"font-weight: bold; font-size: {int(px * 1.15)}px;")
        self.next.setStyleSheet(f"color: #b8c0ca; font-size: {px}px;")
        self.note.setStyleSheet(f"color: #ffffff; font-size: {px}px; padding-top: 6px;")
        self.clock.setStyleSheet(f"color: #ffd27a; font-size: {px}px;")
        self.quote.setStyleSheet(f"color: #d8dde3; font-size: {max(12, int(px * 0.8))}px; padding-top: 6px;")

    def follow_caption(self, caption) -> None:
        """Show, whole, the quotes the audience's caption (a
        :class:`~viewer.ui.present_caption.CaptionWidget`) shortens to fit the screen."""
        def show() -> None:
            texts = caption.shortened()
            self.quote.setText("In full (shortened on screen): " + "\n".join(texts) if texts else "")
            self.quote.setVisible(bool(texts))
        caption.laid_out.connect(show)
        show()

    def height_for_width(self, width: int) -> int:
        """Height in pixels the panel needs at ``width`` pixels (its labels word-wrap)."""
        return self._layout.totalHeightForWidth(width)

    def _title(self, event_id: str) -> str:
        return visible_controls(self.timeline.event(event_id).title) if self.timeline.has_event(event_id) else event_id

    def refresh(self) -> None:
        """Show the presentation's current state."""
        pres = self.presentation
        step, nxt = pres.step, pres.next_step
        self.now.setText(f"Step {pres.index + 1} of {pres.count}: {self._title(step.event)}" if step else "No steps")
        self.next.setText(f"Next: {self._title(nxt.event)}" if nxt else "Next: (end of the story)")
        self.note.setText(step.note if step and step.note else "(no note)")
        self._tick()

    def _tick(self) -> None:
        elapsed = int(time.monotonic() - self.started)
        self.clock.setText(f"Elapsed {elapsed // 60:02d}:{elapsed % 60:02d}   ·   Clock {time.strftime('%H:%M')}")
