"""The text of the event layer: an event's label with its date qualifiers,
and shortening it to the room it has without losing them (Qt font metrics,
no widgets)."""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QFontMetricsF, QPainter, QStaticText

from ..model.columns import (
    FLAG_APPROXIMATE,
    FLAG_HALF_KNOWN,
    FLAG_OPEN_END,
    FLAG_OPEN_START,
    FLAG_UNCERTAIN,
    KIND_SPAN,
    EventColumns,
)
from ..model.dates import Precision, format_instant
from ..model.stacks import stack_text
from ..model.text import visible_controls
from ..model.timeline import Timeline
from .frame import SELECTED_SHRINK, Frame, drawn_rects
from .layout import Placement
from .marks import HAND_EDITED
from .style import TimelineStyle, label_font

__all__ = ["label_text", "elide_label", "EventText", "crowd_note"]

_WHITESPACE_RUN = re.compile(r"\s+")


HAND_EDITED_SUFFIX = " (date edited)"
"""After the label of an event whose date was edited by hand: a picture of the view (PNG, SVG,
PDF, a slide) never shows the editor's date as the source's."""


def label_text(title: str, flags: int, span: bool = False, hand_edited: bool = False) -> str:
    """The on-screen label of an event: its title with date qualifiers.

    ``~`` before an approximate date, ``(?)`` after an uncertain one, ``≤`` /
    ``≥`` before a point known only to be on or before / after a day (a span's
    open side is drawn as a fade instead).  A span with one date known
    (``FLAG_HALF_KNOWN``, drawn at it) says where its other date is unknown:
    ``? → `` before the title (start's year unknown), `` → ?`` after it (end's).
    A date edited by hand (``hand_edited``) ends it with :data:`HAND_EDITED_SUFFIX`.

    The title is shown on one line: any run of whitespace (tabs, line breaks)
    becomes one space, so "tab\tnew\nline" does not lose its line break's
    word boundary.  Directional controls are shown as tokens rather than
    obeyed (:func:`~viewer.model.text.visible_controls`), so a label cannot
    show words other than the title's.
    """
    title = _WHITESPACE_RUN.sub(" ", visible_controls(title)).strip()
    prefix = ""
    half = ""
    if flags & FLAG_HALF_KNOWN:  # not "on or before / after": the other date's year is unknown
        half = "start" if flags & FLAG_OPEN_START else "end"  # (a collection's row may be kind span)
        prefix = "? → " if half == "start" else ""
    elif span:
        pass
    elif flags & FLAG_OPEN_START and not flags & FLAG_OPEN_END:
        prefix = "≤ "
    elif flags & FLAG_OPEN_END and not flags & FLAG_OPEN_START:
        prefix = "≥ "
    if flags & FLAG_APPROXIMATE:
        prefix = "~ " + prefix
    suffix = " (?)" if flags & FLAG_UNCERTAIN else ""
    if half == "end":
        suffix += _HALF_END
    if hand_edited:
        suffix += HAND_EDITED_SUFFIX
    return f"{prefix}{title}{suffix}"


_HALF_END = " → ?"
_QUALIFIER_PREFIXES = ("~ ≤ ", "~ ≥ ", "~ ? → ", "~ ", "≤ ", "≥ ", "? → ")
_QUALIFIER_SUFFIXES = tuple(s + e for s in (" (?)" + _HALF_END, _HALF_END, " (?)", "")
                            for e in (HAND_EDITED_SUFFIX, ""))[:-1]


def elide_label(text: str, fm: QFontMetricsF, width: float) -> str:
    """``text`` (from :func:`label_text`) shortened to ``width`` pixels at whole words
    from its end, with " …", keeping its date qualifiers: the title is cut, never the
    ``~`` / ``≤`` / ``≥`` / ``? →`` before it or the ``(?)`` / ``→ ?`` / ``(date edited)`` after it, so a
    shortened label still says the date is approximate, open, uncertain or of a span with
    one date known ("Stoltenberg: deployment … (?)", never "…since Cold W… (?)").  A first
    word too wide on its own is cut by characters; if even the qualifiers do not fit, the
    plain elided text is returned."""
    if fm.horizontalAdvance(text) <= width + 0.5:
        return text
    prefix = next((q for q in _QUALIFIER_PREFIXES if text.startswith(q)), "")
    suffix = next((q for q in _QUALIFIER_SUFFIXES if text.endswith(q)), "")
    title = text[len(prefix):len(text) - len(suffix)]
    room = width - fm.horizontalAdvance(prefix + suffix)
    words = title.split(" ")
    if room > 0 and len(words) > 1:
        for k in range(len(words) - 1, 0, -1):
            head = " ".join(words[:k]).rstrip(",;:–—-")
            if head and fm.horizontalAdvance(head + " …") <= room:
                return prefix + head + " …" + suffix
    if not prefix and not suffix:
        return fm.elidedText(text, Qt.TextElideMode.ElideRight, width)
    short = fm.elidedText(title, Qt.TextElideMode.ElideRight, room) if room > 0 else ""
    if not short:
        return fm.elidedText(text, Qt.TextElideMode.ElideRight, width)
    return prefix + short + suffix


def _stack_static(text: str, font, font_key: str | None = None) -> QStaticText:
    """A stack label laid out once (by text and type): a frame after a swap, a
    collapse or a reorder draws the same labels without laying them out again.
    ``font_key``: ``font.key()`` when the caller has it (it costs ~10 us a call)."""
    key = (text, font.key() if font_key is None else font_key)
    st = _STACK_STATIC.get(key)
    if st is None:
        if len(_STACK_STATIC) > 2000:
            _STACK_STATIC.clear()
        st = _STACK_STATIC[key] = QStaticText(text)
        st.setTextFormat(Qt.TextFormat.PlainText)
        st.prepare(font=font)
    return st


def _stack_width(text: str, font_key: str, fm: QFontMetricsF) -> float:
    """Width in pixels of a stack label in the type of ``font_key`` (``QFont.key()``;
    ``fm``: its metrics), measured once by text and type: a new frame (a swap, a
    collapse) of the same stacks places its labels without measuring them again."""
    key = (text, font_key)
    w = _STACK_WIDTHS.get(key)
    if w is None:
        if len(_STACK_WIDTHS) > 4096:
            _STACK_WIDTHS.clear()
        w = _STACK_WIDTHS[key] = fm.horizontalAdvance(text)
    return w


_STACK_STATIC: dict[tuple[str, str], QStaticText] = {}
_STACK_WIDTHS: dict[tuple[str, str], float] = {}
_STACK_TEXTS: dict[tuple, str] = {}
"""Stack labels as worded, by (local instant, count, view within two days, dating):
a frame of a kept timeline, a collapse or a reorder words the same stacks again."""


def crowd_note(n: int) -> str:
    """What a ``+N`` badge not drawn (no room beside its crowd) says in its markers' tooltip."""
    return (f"+{n:,}: {n:,} more event{'s' if n != 1 else ''} drawn on top of others here "
            "(zoom in to separate them)")


class EventText:
    """The text half of :class:`~viewer.graphics.events.EventLayerItem`:
    label text and widths (cached per font size), fonts and metrics, prepared
    ``QStaticText``, and painting labels and the strips' stack counts.

    A mixin: the item provides ``timeline``, ``columns``, ``style``,
    ``drawn_labels``, ``drawn_stack_labels``, ``local_offset`` and the caches set up in its ``__init__``.
    """

    timeline: Timeline
    columns: EventColumns
    style: TimelineStyle
    drawn_labels: list[tuple[str, QRectF]]
    drawn_stack_labels: list[str]
    drawn_stack_rects: list[tuple[str, QRectF]]
    _text_cache: dict[tuple[int, int], tuple[str, float]]
    _static: dict[tuple[int, str, int], QStaticText]
    _fm: QFontMetricsF | None
    _fm_px: int
    _fonts: dict[Any, Any]
    _stack_places: dict[tuple, dict[int, tuple[str, float, float]]]  # a lane's stacks -> its labels placed
    local_offset: Callable[[float], float]  # epoch s -> seconds to add for the display zone

    def _label(self, row: int, font_px: int | None = None) -> tuple[str, float]:
        """Label text of a row and its full width in pixels at ``font_px``
        (default: the style's), cached per font size."""
        font_px = font_px or self.style.font_px
        key = (row, font_px)
        hit = self._text_cache.get(key)
        if hit is None:
            i = int(self.columns.event_index[row])
            events = self.timeline.events
            title = events.title(i) if hasattr(events, "title") else events[i].title
            # labels are elided anyway: measuring a 100,000-character title would stall
            drawn = getattr(self, "_draw_flags", None)  # (the hand-edit mark is a drawing flag)
            hand = drawn is not None and bool(int(drawn[row]) & HAND_EDITED)
            text = label_text((title or "")[:400], int(self.columns.flags[row]), self.columns.kind[row] == KIND_SPAN,
                              hand)
            hit = (text, self._metrics(font_px).horizontalAdvance(text))
            self._text_cache[key] = hit
        return hit

    def _selected_label_px(self, row: int, font_px: int) -> float:
        """Width in pixels of a row's label in the bold type of the selection."""
        return QFontMetricsF(self._font(font_px, True)).horizontalAdvance(self._label(row, font_px)[0])

    def _font(self, font_px: int, bold: bool = False):
        """Label QFont at ``font_px`` (cached: paint asks once per label)."""
        key = (font_px, bold, self.style.font_family)
        f = self._fonts.get(key)
        if f is None:
            f = self._fonts[key] = label_font(font_px, bold=bold, family=self.style.font_family)
        return f

    def _metrics_of(self, font) -> QFontMetricsF:
        """Metrics of a font from :meth:`_font` (cached with it)."""
        key = ("metrics", id(font))
        fm = self._fonts.get(key)
        if fm is None:
            fm = self._fonts[key] = QFontMetricsF(font)
        return fm

    def _metrics(self, font_px: int) -> QFontMetricsF:
        if self._fm is None or self._fm_px != font_px:
            self._fm = QFontMetricsF(label_font(font_px, family=self.style.font_family))
            self._fm_px = font_px
        return self._fm

    def stack_label(self, epoch_s: float, count: int, span_s: float,
                    dated: tuple[Precision, bool] | None = None) -> str:
        """``"5,000 at 10:00"`` in the display zone (with the date when the view spans days).

        ``dated``: how the stack's events are dated when only to the day or coarser
        (:func:`~viewer.model.stacks.stack_precision`): ``"209 on Fri 1 May 2020"``, never a time.
        """
        local = epoch_s + self.local_offset(epoch_s)
        key = (local, count, span_s < 2 * 86400, dated)
        text = _STACK_TEXTS.get(key)
        if text is None:
            if len(_STACK_TEXTS) > 4096:
                _STACK_TEXTS.clear()
            text = _STACK_TEXTS[key] = self._stack_label(local, count, span_s, dated)
        return text

    @staticmethod
    def _stack_label(local: float, count: int, span_s: float, dated: tuple[Precision, bool] | None) -> str:
        if dated is not None:
            precision, around = dated
            return stack_text(count, format_instant(local, precision), precision, around)
        precision = Precision.SECOND if local % 60 else Precision.MINUTE
        when = format_instant(local, precision)
        if span_s < 2 * 86400:
            when = when.rsplit(" ", 1)[-1]  # the axis names the day
        return stack_text(count, when)

    def _paint_stacks(self, p: QPainter, frame: Frame) -> None:
        """Label the largest same-instant stacks of density strips with their
        count (``5,000 at 10:00``): drawn on top of each other, they would
        otherwise look like one event.  Labels that would cover one another
        are left out (largest first); hovering names the stack too."""
        if not frame.stacks or not frame.sx:
            return
        font = self._font(max(9, int(self.style.font_px * 0.8)), bold=True)
        fm = self._metrics_of(font)
        p.setFont(font)
        font_key = font.key()
        if frame.stack_labels is None:
            # worded and placed once per frame: a repaint of the same frame (search
            # emphasis, hover) draws them again without formatting a date each
            frame.stack_labels = self._place_stack_labels(frame, fm, font_key)
        box, ink, h = self.style.color("label_box", 230), self.style.color("text"), fm.height()
        for text, left, w, top in frame.stack_labels:
            self.drawn_stack_labels.append(text)
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(box)
            rect = QRectF(left, top + 2, w, h + 2)
            self.drawn_stack_rects.append((text, rect))
            p.drawRoundedRect(rect, 4, 4)
            p.setPen(ink)
            p.drawStaticText(QPointF(left + 4, top + 3), _stack_static(text, font, font_key))

    def _place_stack_labels(self, frame: Frame, fm: QFontMetricsF,
                            font_key: str | None = None) -> list[tuple[str, float, float, float]]:
        """``(text, left px, width px, lane top px)`` of each stack label drawn,
        largest stack first; labels that would cover one another left out.
        ``font_key``: the labels' type (``QFont.key()``, ``fm`` its metrics;
        given: widths kept by text and type, and each lane's placing kept
        across frames while its stacks, the view's span and the zone are the
        same: a selection, a collapse or a reorder places only the lanes whose
        stacks changed; :meth:`forget_stack_places` on a swap or an edit)."""
        span_s = abs((frame.right_px - frame.left_px) / frame.sx)
        stacks = frame.stacks or ()
        dated = frame.stack_precisions or [None] * len(stacks)
        per_lane: dict[int, list[tuple[float, float, int, Any]]] = {}
        for (lane, x, epoch_s, n), precision in zip(stacks, dated):
            per_lane.setdefault(lane, []).append((x, epoch_s, n, precision))
        places = self._stack_places if font_key is not None else {}
        if len(places) > 4096:
            places.clear()
        common = (frame.left_px, frame.right_px, span_s < 2 * 86400, font_key, self.local_offset)
        placed: dict[int, dict[int, tuple[str, float, float]]] = {}
        for lane, items in per_lane.items():
            key = (tuple(items), common)
            got = places.get(key)
            if got is None:
                got = places[key] = self._place_lane(items, span_s, frame, fm, font_key)
            placed[lane] = got
        out: list[tuple[str, float, float, float]] = []
        seen: dict[int, int] = {}
        clear: dict[int, list[tuple[float, float, float, float]]] = {}  # per lane: what a label must not cover
        label_h, box_h = self._metrics(self.style.font_px).height(), fm.height() + 2
        for lane, _x, _e, _n in stacks:  # largest stack first, as found
            k = seen[lane] = seen.get(lane, -1) + 1
            hit = placed[lane].get(k)
            if hit is None:
                continue
            text, left, w = hit
            top, bottom = frame.lanes[lane]
            if lane not in clear:  # the events drawn one by one in the strip (the selection) and their labels
                clear[lane] = [tuple(r) for r in drawn_rects(frame, lane, self.style.marker_px, label_h).tolist()]
            taken = clear[lane]
            # the label's box is drawn from top + 2 (see _paint_stacks); at the top of the lane, else
            # at its foot, else left out: "209 around Fri 1 May 2020" sat under the selected label
            for y in (top, bottom - box_h - 4):
                if y < top or any(left < x1 and x0 < left + w and y + 2 < y1 and y0 < y + 2 + box_h
                                  for x0, y0, x1, y1 in taken):
                    continue
                out.append((text, left, w, y))
                if y != top:
                    taken.append((left - 2, y + 2, left + w + 2, y + 2 + box_h))
                break
        return out

    def _place_lane(self, items: list[tuple[float, float, int, Any]], span_s: float, frame: Frame,
                    fm: QFontMetricsF, font_key: str | None) -> dict[int, tuple[str, float, float]]:
        """One lane's stack labels: the k-th stack's ``(text, left, width)`` when drawn."""
        taken: list[tuple[float, float]] = []  # labels only cover their own lane's
        out: dict[int, tuple[str, float, float]] = {}
        for k, (x, epoch_s, n, precision) in enumerate(items):
            text = self.stack_label(epoch_s, n, span_s, precision)
            w = (fm.horizontalAdvance(text) if font_key is None else _stack_width(text, font_key, fm)) + 8
            left = min(max(x + 4, frame.left_px), frame.right_px - w)
            if any(left < right and left + w > lft for lft, right in taken):
                continue
            taken.append((left, left + w))
            out[k] = (text, left, w)
        return out

    def forget_stack_places(self) -> None:
        """Forget the lanes' kept stack label placings (another timeline, an edit, a style)."""
        self._stack_places.clear()

    def _static_text(self, text: str, font, selected: bool) -> QStaticText:
        key = (hash(text), text, int(selected))
        st = self._static.get(key)
        if st is None:
            st = QStaticText(text)
            st.setTextFormat(Qt.TextFormat.PlainText)  # titles are never HTML
            st.prepare(font=font)
            self._static[key] = st
            if len(self._static) > 5000:
                self._static.clear()
        return st

    def _paint_labels(self, p: QPainter, frame: Frame, placements: list[Placement], lane_l: list[int],
                      y_l: list[float], flags_l: list[int], sel_row: int) -> None:
        """Draw the labels of ``placements`` (lane, device y and drawing flags of
        each in ``lane_l``, ``y_l``, ``flags_l``), the selected one last, in
        bold on a box; a label over a bar or an open side's line on a chip.
        Records each in ``drawn_labels``."""
        text_color = self.style.color("text")
        order = sorted((k for k in range(len(placements)) if placements[k].label_width > 0),
                       key=lambda k: placements[k].row == sel_row)
        lane_font = frame.lane_font_px or {}
        base_px = self.style.font_px
        chip_color = self.style.color("label_box", 215)
        open_sides = FLAG_OPEN_START | FLAG_OPEN_END
        metrics: dict[int, tuple[QFontMetricsF, float]] = {}
        current_font = None
        for k in order:
            pl = placements[k]
            row = pl.row
            font_px = lane_font.get(lane_l[k], base_px)
            y = y_l[k]
            selected = row == sel_row
            text, full = self._label(row, font_px)
            font = self._font(font_px, selected)
            fm_th = metrics.get(font_px)
            if fm_th is None:
                fm = self._metrics(font_px)
                fm_th = metrics[font_px] = (fm, fm.height())
            fm, th = fm_th
            # never past the plot's right edge: the view would clip it mid-word, without "…"
            width = min(pl.label_width, frame.right_px - 3 - pl.label_x)
            if width <= 0:
                continue
            if selected:  # bold: measured and shortened in its own type
                bold_fm = QFontMetricsF(font)
                if bold_fm.horizontalAdvance(text) > width + 0.5:
                    # whole in type a little smaller when that fits (frame.SELECTED_SHRINK), else cut
                    least = max(self.style.min_font_px, math.ceil(font_px * SELECTED_SHRINK))
                    for px in range(font_px - 1, least - 1, -1):
                        if QFontMetricsF(self._font(px, True)).horizontalAdvance(text) <= width + 0.5:
                            font = self._font(px, True)
                            th = self._metrics(px).height()
                            break
                    else:
                        text = elide_label(text, bold_fm, width)
            elif width < full - 0.5:
                text = elide_label(text, fm, width)
            if not text:
                continue
            st = self._static_text(text, font, selected)
            on_bar = pl.bar1 > pl.bar0 or flags_l[k] & open_sides
            at = QPointF(pl.label_x, y - th / 2)
            if font is not current_font:
                p.setFont(font)  # QStaticText lays out again with the painter's font
                current_font = font
            if selected:
                bw = QFontMetricsF(font).horizontalAdvance(text)
                p.setPen(Qt.PenStyle.NoPen)
                p.setBrush(self.style.color("label_box", 230))
                p.drawRoundedRect(QRectF(pl.label_x - 3, y - th / 2 - 1, bw + 6, th + 2), 3, 3)
            elif on_bar:
                # a chip under the text: a bar or an "on or after" line running
                # through a label read as struck through ("cancelled"); the bar
                # (solid = certain, faint = possible) still shows either side
                bw = fm.horizontalAdvance(text)
                p.setPen(Qt.PenStyle.NoPen)
                p.setBrush(chip_color)
                p.drawRoundedRect(QRectF(pl.label_x - 2, y - th / 2, bw + 4, th), 3, 3)
            p.setPen(text_color)
            p.drawStaticText(at, st)
            width = QFontMetricsF(font).horizontalAdvance(text)
            self.drawn_labels.append((text, QRectF(pl.label_x, y - th / 2, width, th)))
