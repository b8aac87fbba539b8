"""The presenter's panel: current and next step, the note, elapsed time and the clock.

An overlay over the presentation on one screen (key P), or the content of
the presenter's own window when there are two (:mod:`viewer.ui.presenting`).
"""

from __future__ import annotations

import re
import time

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

from ..model.presentation import Presentation
from ..model.text import visible_controls
from ..model.timeline import Timeline

__all__ = ["PresenterPanel", "breakable"]

_LONG_WORD = re.compile(r"\S{30,}")

TITLE_LINES = 3
"""Lines the current step's title may take at the top of the panel; a longer one ends in "…" and is
shown whole further down, under the note (the note is what the presenter needs in view)."""


def breakable(text: str, every: int = 20) -> str:
    """``text`` with a zero-width space after every ``every`` characters of a word of 30 or
    more (a link, a run of symbols), so a word-wrapped label breaks it instead of cutting it off
    at its right edge; shorter words are left whole."""
    return _LONG_WORD.sub(lambda m: "\u200b".join(m[0][i:i + every] for i in range(0, len(m[0]), every)), text)


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
        outer = self._outer = QVBoxLayout(self)
        outer.setContentsMargins(2, 2, 2, 2)  # inside the border
        # the labels scroll when the panel is held lower than they need (the overlay takes at
        # most 60 % of the screen): a long note or quote was cut off mid-sentence
        self.scroll_area = QScrollArea()
        self.scroll_area.setObjectName("presenterScroll")
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # text wraps instead
        self.scroll_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the presentation keeps the keys
        body = QWidget()
        body.setObjectName("presenterBody")
        self._layout = QVBoxLayout(body)
        self.now = QLabel()
        self.next = QLabel()
        self.note = QLabel()
        self.clock = QLabel()
        self.quote = QLabel()  # a quote the audience's caption shortened with "…", whole (follow_caption)
        self.quote.hide()
        self.full_title = QLabel()  # the step's title whole when ``now`` shortens it to TITLE_LINES lines
        self.full_title.hide()
        self._width = 0  # the panel's width the title was shortened for (0: not yet placed)
        for label in (self.now, self.next, self.note, self.quote, self.full_title, self.clock):
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setWordWrap(True)
            if label is not self.clock:
                self._layout.addWidget(label)
        self._layout.addStretch(1)
        self.scroll_area.setWidget(body)
        outer.addWidget(self.scroll_area, 1)
        outer.addWidget(self.clock)  # under the scrolled text, always in view
        self.set_px(px)
        self._timer = QTimer(self)
        self._timer.timeout.connect(self._tick)
        self._timer.start(1000)
        presentation.subscribe(lambda *_: self.refresh())
        self.refresh()

    def set_px(self, px: int) -> None:
        """Size the text: ``px`` pixels for the note, larger for the current step."""
        self.setStyleSheet(f"QFrame#presenter {{ background: rgba(20, 24, 30, 235); border: 2px solid #ffd27a; "
                           f"border-radius: 8px; }} QLabel {{ color: #f4f6f8; font-size: {px}px; }}"
                           " QScrollArea#presenterScroll, QWidget#presenterBody { background: transparent; }"
                           f" QScrollBar:vertical {{ background: #2a2f37; width: {max(12, px // 2)}px; }}"
                           " QScrollBar::handle:vertical { background: #ffd27a; min-height: 30px;"
                           " border-radius: 4px; }")
        self._layout.setContentsMargins(px, px // 2, px, px // 4)
        self.clock.setContentsMargins(px, 0, px, px // 4)
        self.now.setStyleSheet(f"font-weight: bold; font-size: {int(px * 1.15)}px;")
        self.next.setStyleSheet(f"color: #b8c0ca; font-size: {px}px;")
        self.note.setStyleSheet(f"color: #ffffff; font-size: {px}px; padding-top: 6px;")
        self.clock.setStyleSheet(f"color: #ffd27a; font-size: {px}px;")
        self.quote.setStyleSheet(f"color: #d8dde3; font-size: {max(12, int(px * 0.8))}px; padding-top: 6px;")
        self.full_title.setStyleSheet(f"color: #d8dde3; font-size: {max(12, int(px * 0.8))}px; padding-top: 6px;")
        self.refresh()  # the title's lines depend on the type's size

    def follow_caption(self, caption) -> None:
        """Show, whole, the quotes the audience's caption (a
        :class:`~viewer.ui.present_caption.CaptionWidget`) shortens to fit the screen."""
        def show() -> None:
            texts = caption.shortened()
            self.quote.setText("In full (shortened on screen): " + breakable("\n".join(texts)) if texts else "")
            self.quote.setVisible(bool(texts))
        caption.laid_out.connect(show)
        show()

    def set_width(self, width: int) -> None:
        """Hold the panel at ``width`` pixels; the step's title is shortened for that width."""
        self.setFixedWidth(width)
        if width != self._width:
            self._width = width
            self.refresh()

    def _shortened(self, text: str) -> str:
        """``text`` cut at a word with "…" so that it wraps into at most :data:`TITLE_LINES` lines of
        ``now`` at the panel's width (a long title filled 14 lines of the overlay, leaving 3 for the note)."""
        if self._width <= 0:
            return text
        metrics = self.now.fontMetrics()
        margins = self._layout.contentsMargins()
        inner = max(50, self._width - 4 - margins.left() - margins.right()
                    - self.scroll_area.verticalScrollBar().sizeHint().width())
        limit = metrics.lineSpacing() * TITLE_LINES + 1

        def fits(t: str) -> bool:
            return metrics.boundingRect(0, 0, inner, 1 << 20, Qt.TextFlag.TextWordWrap, t).height() <= limit

        if fits(text):
            return text
        lo, hi = 0, len(text)  # the longest prefix that fits with "…"
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if fits(text[:mid].rstrip() + "…"):
                lo = mid
            else:
                hi = mid - 1
        cut = text[:lo]
        if " " in cut[len(cut) // 2:]:
            cut = cut[:cut.rindex(" ")]  # at a word
        return cut.rstrip() + "…"

    def height_for_width(self, width: int) -> int:
        """Height in pixels the panel needs at ``width`` pixels (its labels word-wrap) to show
        everything without scrolling."""
        inner = width - 4 - self.scroll_area.verticalScrollBar().sizeHint().width()  # a bar may take room
        clock = max(self.clock.heightForWidth(width), self.clock.sizeHint().height())
        return self._layout.totalHeightForWidth(max(1, inner)) + clock + 4 + 2 + self._outer.spacing()

    def scrolls(self) -> bool:
        """True when the panel is lower than its text: the rest is reached by scrolling."""
        return self.scroll_area.verticalScrollBar().maximum() > 0

    def _title(self, event_id: str) -> str:
        return visible_controls(self.timeline.event(event_id).title) if self.timeline.has_event(event_id) else event_id

    def refresh(self) -> None:
        """Show the presentation's current state."""
        pres = self.presentation
        step, nxt = pres.step, pres.next_step
        now = f"Step {pres.index + 1} of {pres.count}: {self._title(step.event)}" if step else "No steps"
        self.now.setStyleSheet(self.now.styleSheet())  # the font of the current size before measuring
        self.now.ensurePolished()
        short = self._shortened(breakable(now))
        self.now.setText(short)
        self.full_title.setText(f"Step title in full: {breakable(self._title(step.event))}"
                                if step and short != breakable(now) else "")
        self.full_title.setVisible(bool(self.full_title.text()))
        self.next.setText(f"Next: {self._title(nxt.event)}" if nxt else "Next: (end of the story)")
        self.note.setText(breakable(step.note) if step and step.note else "(no note)")
        self._tick()

    def _tick(self) -> None:
        elapsed = int(time.monotonic() - self.started)
        self.clock.setText(f"Elapsed {elapsed // 60:02d}:{elapsed % 60:02d}   ·   Clock {time.strftime('%H:%M')}")
