"""The caption under the presented timeline: the step's event in words.

:func:`layout_caption` lays out the title, the verbatim quote(s) (or the
summary), the speaker and the source and date, with fonts sized for the
screen and shrunk until they fit; :func:`paint_caption` draws the lines; and
:class:`CaptionWidget` is the panel that keeps one height for a whole story
(the longest caption's), so the timeline above does not jump between steps.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter
from PySide6.QtWidgets import QWidget

from ..graphics.style import label_font
from ..model.presentation import Caption, caption_for
from ..model.story import Story
from ..model.text import visible_controls
from ..model.timeline import Timeline
from .briefing import theme_colours

__all__ = ["CAPTION_MIN_FRACTION", "MAX_STORY_CAPTIONS", "CaptionLine", "CaptionWidget", "layout_caption",
           "paint_caption", "story_captions"]

CAPTION_MIN_FRACTION = 1 / 38
"""Smallest caption text, as a fraction of the screen height (legibility bound ~1/40)."""


@dataclass(frozen=True)
class CaptionLine:
    """One laid-out line of a caption: its text, font, colour and height (pixels, word-wrapped)."""

    text: str
    font: QFont
    color: str
    height: float


def layout_caption(caption: Caption | None, width: float, screen_h: float, theme: str,
                   max_height: float) -> list[CaptionLine]:
    """Lines of a caption, with fonts sized for the screen and shrunk to fit.

    Title ``screen_h / 30`` bold; quotes from ``screen_h / 24`` down to
    :data:`CAPTION_MIN_FRACTION` until everything fits in ``max_height``;
    speaker, source and date lines ``screen_h / 36``.  Direct quotes are
    put in quotation marks, reported speech in italics without them and
    attributed ("X said that …", :func:`viewer.model.quoting.quote_sentence`).  Text
    is always plain (never HTML).

    Parameters
    ----------
    caption : Caption or None
    width, max_height : float
        Room for the text (pixels).
    screen_h : float
        Height of the screen (pixels).
    theme : {"dark", "light"}

    Returns
    -------
    list
        :class:`CaptionLine` ``(text, font, color, height)`` top to bottom (word-wrapped at ``width``).
    """
    if caption is None:
        return []
    colours = theme_colours(theme)
    meta_px = max(13, round(screen_h / 36))
    title_px = max(14, round(screen_h / 30))
    min_px = max(12, round(screen_h * CAPTION_MIN_FRACTION + 0.5))

    def line(text: str, px: int, color: str, bold=False, italic=False) -> CaptionLine:
        text = visible_controls(text)  # data text: directional controls shown, not obeyed
        f = label_font(px, bold=bold)
        f.setItalic(italic)
        h = QFontMetricsF(f).boundingRect(QRectF(0, 0, width, 1e6), int(Qt.TextFlag.TextWordWrap), text).height()
        return CaptionLine(text, f, color, h)

    quote_px = max(min_px, round(screen_h / 24))
    while True:
        lines = [line(caption.title, title_px, colours["accent"], bold=True)]
        if caption.quotes:
            for q in caption.quotes[:2]:
                if q.direct:
                    lines.append(line(f"“{q.text}”", quote_px, colours["text"]))
                    if q.who:
                        lines.append(line(f"— {q.who}", meta_px, colours["text"]))
                else:  # reported speech: attributed, never in quotation marks (viewer.model.quoting)
                    lines.append(line(q.sentence or q.text, quote_px, colours["text"], italic=True))
        elif caption.summary:
            lines.append(line(caption.summary, quote_px, colours["text"]))
        meta = " · ".join(x for x in (caption.source, caption.date) if x)
        if meta:
            lines.append(line(meta, meta_px, colours["muted"]))
        if caption.status:  # "DRAFT: ...": as large as the date, bold, in the accent colour
            lines.append(line(caption.status, meta_px, colours["accent"], bold=True))
        total = sum(ln.height for ln in lines) + 0.25 * meta_px * (len(lines) - 1)
        if total <= max_height or quote_px <= min_px:
            return lines
        quote_px = max(min_px, quote_px - max(1, quote_px // 12))


def paint_caption(p: QPainter, rect: QRectF, lines: list[CaptionLine], gap: float) -> list[str]:
    """Draw caption lines top-down in ``rect``; returns the texts drawn."""
    y = rect.top()
    drawn = []
    for ln in lines:
        if y >= rect.bottom():
            break
        p.setFont(ln.font)
        p.setPen(QColor(ln.color))
        p.drawText(QRectF(rect.left(), y, rect.width(), ln.height + 2),
                   int(Qt.TextFlag.TextWordWrap) | int(Qt.AlignmentFlag.AlignLeft), ln.text)
        drawn.append(ln.text)
        y += ln.height + gap
    return drawn


class CaptionWidget(QWidget):
    """The caption under the timeline: title, verbatim quote(s), speaker, source, date.

    ``drawn_text()`` returns what the last paint put on screen.
    """

    def __init__(self, theme: str, screen_height, parent=None) -> None:
        super().__init__(parent)
        self.theme = theme
        self._screen_height = screen_height
        self.caption: Caption | None = None
        self.story_captions: list[Caption] = []  # every caption of the story: the longest sets the height
        self._story_height: float | None = None
        self._story_floor: float | None = None  # ... and of the longest in the smallest caption type
        self._story_key: tuple[int, int] | None = None
        self.height_limit: float | None = None  # the most the timeline above leaves the caption area
        self._drawn: list[str] = []
        self._lines: list[CaptionLine] = []
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, True)

    def set_caption(self, caption: Caption | None) -> None:
        self.caption = caption
        self.relayout()

    def set_story_captions(self, captions: list[Caption]) -> None:
        """The captions of every step: the caption area keeps the height of the longest
        for the whole story, so the timeline above does not jump between steps."""
        self.story_captions = list(captions)
        self._story_height = None
        self.relayout()

    def set_height_limit(self, px: float | None) -> None:
        """The caption area may be at most ``px`` high (None: no limit): the timeline above
        needs the rest for its lanes.  Its text shrinks to fit, the quotes down to the smallest
        caption type (:data:`CAPTION_MIN_FRACTION`) and never below: the area is then as high
        as the story's longest caption needs in that type.  Still one height for the story."""
        if px != self.height_limit:
            self.height_limit = px
            self.relayout()

    def _need(self, caption: Caption | None, width: float, h: float, max_height: float | None = None) -> float:
        lines = layout_caption(caption, width, h, self.theme, max_height=0.34 * h if max_height is None else max_height)
        return sum(ln.height for ln in lines) + 0.25 * h / 36 * max(0, len(lines) - 1)

    def relayout(self) -> None:
        """Lay the caption out again for the current width and screen height."""
        h = float(self._screen_height())
        pad = h / 60
        width = max(100.0, self.width() - 2 * pad)
        key = (round(width), round(h))
        if self.story_captions and self._story_key != key:
            self._story_key = key
            self._story_height = max(self._need(c, width, h) for c in self.story_captions)
            self._story_floor = None
        story = self._story_height if self.story_captions else None
        # the room every caption of the story gets: text shrinks only when even that is too little
        room = min(story, 0.34 * h) if story is not None else 0.34 * h
        if self.height_limit is not None and self.height_limit - 2 * pad < room:
            # the timeline's lanes need the rest of the screen: down to the longest caption in the smallest type
            if self._story_floor is None:
                self._story_floor = max((self._need(c, width, h, max_height=0.0) for c in self.story_captions),
                                        default=0.0)
            room = min(room, max(self.height_limit - 2 * pad, self._story_floor))
        self._lines = layout_caption(self.caption, width, h, self.theme, max_height=room)
        need = sum(ln.height for ln in self._lines) + 0.25 * h / 36 * max(0, len(self._lines) - 1)
        if story is not None:
            need = max(need, min(story, room))
        self.setFixedHeight(int(min(max(need + 2 * pad, h * 0.12), 0.4 * h)))
        self.update()

    def lines(self) -> list[CaptionLine]:
        """The laid-out lines (fonts included), for tests and the hand-out."""
        return list(self._lines)

    def drawn_text(self) -> list[str]:
        """The texts of the last paint, top to bottom."""
        return list(self._drawn)

    def resizeEvent(self, ev) -> None:  # noqa: N802
        super().resizeEvent(ev)
        if self.caption is not None and ev.oldSize().width() != ev.size().width():
            self.relayout()

    def paintEvent(self, ev) -> None:  # noqa: N802, ARG002
        colours = theme_colours(self.theme)
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        p.fillRect(self.rect(), QColor(colours["panel"]))
        p.fillRect(QRectF(0, 0, self.width(), 3), QColor(colours["accent"]))
        h = float(self._screen_height())
        pad = h / 60
        self._drawn = paint_caption(p, QRectF(pad, pad, self.width() - 2 * pad, self.height() - 2 * pad),
                                    self._lines, 0.25 * h / 36)
        p.end()


MAX_STORY_CAPTIONS = 300
"""Captions measured for the story's caption height (a default story of a huge file has a step per event)."""


def story_captions(timeline: Timeline, story: Story) -> list[Caption]:
    """Captions of the story's steps (the first :data:`MAX_STORY_CAPTIONS`)."""
    out = []
    for step in story.steps[:MAX_STORY_CAPTIONS]:
        if timeline.has_event(step.event):
            out.append(caption_for(timeline, step.event))
    return out
