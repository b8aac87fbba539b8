"""The caption under the presented timeline: the step's event in words.

:func:`layout_caption` lays out the title, the verbatim quote(s) (or the
summary), the speaker and the source and date, with fonts sized for the
screen and shrunk until they fit; :func:`paint_caption` draws the lines; and
:class:`CaptionWidget` is the panel, as high as its caption needs in whole lines of quote
type, so the timeline above gets the rest and moves only by whole lines between steps.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter
from PySide6.QtWidgets import QWidget

from ..graphics.style import label_font
from ..model.presentation import Caption
from ..model.text import visible_controls
from .briefing import theme_colours

__all__ = ["CAPTION_MIN_FRACTION", "MAX_STORY_CAPTIONS", "CaptionLine", "CaptionWidget", "layout_caption",
           "paint_caption", "reported_by"]

CAPTION_MIN_FRACTION = 1 / 38
"""Smallest caption text, as a fraction of the screen height (legibility bound ~1/40)."""


@dataclass(frozen=True)
class CaptionLine:
    """One laid-out line of a caption: its text, font, colour and height (pixels, word-wrapped)."""

    text: str
    font: QFont
    color: str
    height: float


def reported_by(who: str, verb: str = "") -> str:
    """The line under reported speech in a caption: ``"— Officials (reported speech, not a quotation)"``;
    with ``verb`` ("denied", the speaker denied the words): ``"— Kuleba denied (reported speech, not a quotation)"``."""
    name = who or "speaker not named"
    if verb:
        name = f"{name} {verb}" if who else f"{name}, {verb}"
    return f"— {name} (reported speech, not a quotation)"


def layout_caption(caption: Caption | None, width: float, screen_h: float, theme: str,
                   max_height: float, shorten: bool = True) -> list[CaptionLine]:
    """Lines of a caption, with fonts sized for the screen and shrunk to fit.

    Title ``screen_h / 30`` bold; quotes from ``screen_h / 24`` down to
    :data:`CAPTION_MIN_FRACTION` until everything fits in ``max_height``;
    speaker, source and date lines ``screen_h / 36``.  Direct quotes are
    put in quotation marks, reported speech in italics without them, as the
    source wrote it, with its speaker on the line below (:func:`reported_by`,
    as the detail pane; never "X said that …").  Text
    is always plain (never HTML).  When that is still too high in the
    smallest caption type (and ``shorten``), the title is shortened to two
    lines and the quote(s) to the lines left, at a word boundary with "…"
    (inside a direct quote's closing mark); the speaker, source, date and draft lines are always kept.

    Parameters
    ----------
    caption : Caption or None
    width, max_height : float
        Room for the text (pixels).
    screen_h : float
        Height of the screen (pixels).
    theme : {"dark", "light"}
    shorten : bool
        False: the whole text, however high (the height the caption needs in the smallest type).

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

    gap = 0.25 * meta_px
    quotes = caption.quotes[:2]

    def build(quote_px: int, title: str, texts: list[str]) -> tuple[list[CaptionLine], list[int]]:
        """The lines, and the indexes of the quote (or summary) lines among them."""
        lines = [line(title, title_px, colours["accent"], bold=True)]
        rows = []
        for q, text in zip(quotes, texts, strict=False):
            rows.append(len(lines))
            if q.direct:
                lines.append(line(f"“{text}”", quote_px, colours["text"]))
                if q.who:
                    lines.append(line(f"— {q.who}", meta_px, colours["text"]))
            else:  # reported speech: the source's words as written, italic, never in quotation marks and
                # never spliced into a sentence of ours; who said it on its own line (as the detail pane)
                lines.append(line(text, quote_px, colours["text"], italic=True))
                lines.append(line(reported_by(q.who, q.verb), meta_px, colours["text"]))
        if not quotes and texts:
            rows.append(len(lines))
            lines.append(line(texts[0], quote_px, colours["text"]))
        meta = " · ".join(x for x in (caption.source, caption.date) if x)
        if meta:
            lines.append(line(meta, meta_px, colours["muted"]))
        if caption.status:  # "DRAFT: ...": as large as the date, bold, in the accent colour
            lines.append(line(caption.status, meta_px, colours["accent"], bold=True))
        return lines, rows

    def total(lines: list[CaptionLine]) -> float:
        return sum(ln.height for ln in lines) + gap * (len(lines) - 1)

    texts = [q.text for q in quotes]
    if not quotes and caption.summary:
        texts = [caption.summary]
    quote_px = max(min_px, round(screen_h / 24))
    while True:
        lines, rows = build(quote_px, caption.title, texts)
        if total(lines) <= max_height or quote_px <= min_px:
            break
        quote_px = max(min_px, quote_px - max(1, quote_px // 12))
    if not shorten or total(lines) <= max_height:
        return lines
    # Still too high in the smallest caption type: a long title and the quote(s) are shortened at
    # a word boundary with "…" (inside the closing quotation mark) to the lines that fit.  The
    # speaker, source, date and draft lines are never dropped: a quotation is never shown without
    # its attribution.  The presenter's panel shows the whole text (viewer.ui.presenter_panel).
    title = fit_words(visible_controls(caption.title), lines[0].font, width, 2, "{}")
    lines, rows = build(quote_px, title, texts)
    if total(lines) <= max_height or not rows:
        return lines
    fixed = total(lines) - sum(lines[k].height for k in rows)
    fonts = [lines[k].font for k in rows]
    patterns = ["“{}”" if k < len(quotes) and quotes[k].direct else "{}" for k in range(len(rows))]
    spacing = QFontMetricsF(fonts[0]).lineSpacing()
    budget = int(max(0.0, max_height - fixed) // spacing)  # lines of quote type left for the quote(s)
    needs = [_wrapped_rows(lines[k].text, fonts[j], width) for j, k in enumerate(rows)]
    shares = _share(budget, needs)
    while True:
        short = [fit_words(visible_controls(t), f, width, n, pat)
                 for t, f, n, pat in zip(texts, fonts, shares, patterns, strict=True)]
        lines = build(quote_px, title, short)[0]
        if total(lines) <= max_height or max(shares) <= 1:
            return lines
        shares[shares.index(max(shares))] -= 1


def _wrapped_rows(text: str, font: QFont, width: float) -> int:
    fm = QFontMetricsF(font)
    h = fm.boundingRect(QRectF(0, 0, width, 1e6), int(Qt.TextFlag.TextWordWrap), text).height()
    return max(1, round(h / fm.lineSpacing()))


def _share(budget: int, needs: list[int]) -> list[int]:
    """Lines of quote type for each quote (at least one): the shortest first gets what it needs,
    up to an equal share of what is left."""
    out = [0] * len(needs)
    left, count = budget, len(needs)
    for k in sorted(range(len(needs)), key=lambda k: needs[k]):
        out[k] = max(1, min(needs[k], left // count))
        left -= out[k]
        count -= 1
    return out


def fit_words(text: str, font: QFont, width: float, max_lines: int, pattern: str, least: int = 1) -> str:
    """The most whole words of ``text`` (at least ``least``) that, put in ``pattern`` (``"“{}”"``),
    fit ``max_lines`` word-wrapped lines of ``width`` in ``font``; "…" ends them when words are
    left out.  Returns the words (and "…"), without the pattern."""
    fm = QFontMetricsF(font)
    limit = max_lines * fm.lineSpacing() + 1.0

    def fits(s: str) -> bool:
        r = fm.boundingRect(QRectF(0, 0, width, 1e6), int(Qt.TextFlag.TextWordWrap), pattern.format(s))
        return r.height() <= limit

    if fits(text):
        return text
    words = text.split()
    lo, hi = min(least, len(words)), max(1, len(words) - 1)  # the most words whose shortened text fits
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if fits(_cut(words, mid)):
            lo = mid
        else:
            hi = mid - 1
    return _cut(words, lo)


def _cut(words: list[str], n: int) -> str:
    return " ".join(words[:n]).rstrip(",;:—–-") + "…"


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

    The panel is as high as the shown caption needs (within :meth:`set_height_limit`; at least
    12 % of the screen): the timeline above takes the rest.  Its text comes in whole lines of a
    few fixed sizes, so the timeline's bottom edge moves only when a caption has a line more or
    less than the last, and steps whose captions have as many lines keep the same layout.  (It
    used to keep the longest caption's height for the whole story: at 1920x1080 step 6 left
    170 px empty under its text while the lanes above were squeezed to a smaller type.  Rounding
    up to whole quote lines was tried: it left step 1 a line of empty panel at 3840x2160.)

    ``drawn_text()`` returns what the last paint put on screen.
    """

    laid_out = Signal()
    """Emitted after each layout (the presenter's panel shows the quotes :meth:`shortened` left out)."""

    def __init__(self, theme: str, screen_height, parent=None) -> None:
        super().__init__(parent)
        self.theme = theme
        self._screen_height = screen_height
        self.caption: Caption | None = None
        self.height_limit: float | None = None  # the most the timeline above leaves the caption area
        self._drawn: list[str] = []
        self._lines: list[CaptionLine] = []
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, True)

    def set_caption(self, caption: Caption | None) -> None:
        self.caption = caption
        self.relayout()

    def set_height_limit(self, px: float | None) -> None:
        """The caption area may be at most ``px`` high (None: no limit): the timeline above
        needs the rest for its lanes.  The text shrinks to fit, the quotes down to the smallest
        caption type (:data:`CAPTION_MIN_FRACTION`) and never below: the area is then as high
        as the caption needs in that type."""
        if px != self.height_limit:
            self.height_limit = px
            self.relayout()

    def height_needed(self, caption: Caption | None, width: float, h: float, max_height: float) -> float:
        """Height (pixels) of ``caption``'s text laid out as this area lays it out
        (:func:`layout_caption`, never shortened with "…"): its lines and the gaps between
        them, at ``width`` pixels on a screen ``h`` pixels high, the quotes' type shrunk to fit
        ``max_height`` (0: the smallest caption type, the least the caption can take).  The
        presentation asks it of a step's caption before showing it, to leave its lanes room."""
        lines = layout_caption(caption, width, h, self.theme, max_height=max_height, shorten=False)
        return sum(ln.height for ln in lines) + 0.25 * h / 36 * max(0, len(lines) - 1)

    def relayout(self) -> None:
        """Lay the caption out again for the current width and screen height."""
        h = float(self._screen_height())
        pad = h / 60
        width = max(100.0, self.width() - 2 * pad)
        room = 0.34 * h
        if self.height_limit is not None and self.height_limit - 2 * pad < room:
            # the timeline's lanes need the rest of the screen: down to this caption in the smallest type
            floor = self.height_needed(self.caption, width, h, max_height=0.0)
            room = min(room, max(self.height_limit - 2 * pad, floor))
        self._lines = layout_caption(self.caption, width, h, self.theme, max_height=room)
        need = self.text_px() + 2 * pad
        self.setFixedHeight(int(min(max(need, h * 0.12), 0.4 * h)))
        self.update()
        self.laid_out.emit()

    def shortened(self) -> list[str]:
        """The quotes (or summary) of the caption, whole, when the audience's caption shortened
        them with "…" to fit: direct quotes in quotation marks and followed by their speaker."""
        cap = self.caption
        if cap is None or not any(ln.text.endswith(("…", "…”")) for ln in self._lines[1:]):
            return []
        if not cap.quotes:
            return [cap.summary] if cap.summary else []
        return [f"“{q.text}” — {q.who}" if q.direct and q.who else f"“{q.text}”" if q.direct
                else (q.sentence or q.text) for q in cap.quotes[:2]]

    def text_px(self) -> float:
        """Height of the laid-out text (lines and the gaps between them), pixels."""
        h = float(self._screen_height())
        return sum(ln.height for ln in self._lines) + 0.25 * h / 36 * max(0, len(self._lines) - 1)

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
"""Steps whose header the presentation measures for the header's one height (a default story of
a huge file has a step per event)."""
