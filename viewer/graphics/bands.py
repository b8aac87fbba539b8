"""The band layer: windows drawn across all lanes (an exercise, an era).

A band is a shaded vertical strip from its start to its end with its title
at the top, drawn behind the events.  Its edges are drawn faint where the
date is imprecise, exactly like span bars.
"""

from __future__ import annotations

import bisect
import math
import re
from collections.abc import Callable

import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen

from ..model.columns import BAND_LANE, FLAG_HALF_KNOWN, FLAG_OPEN_START
from ..model.planned_end import planned_end_rows
from ..model.text import visible_controls
from ..model.timeline import Timeline
from .marks import fill_fade, hatch
from .style import TimelineStyle, label_font, layer_bounds

__all__ = ["BandLayerItem", "cut_title"]


PLANNED_WORDS = ("▨ planned end, announced", "▨ planned end")
"""What a band's hatched planned end says on the title row, the longest that fits (never
"▨ planned" alone: beside the title it read as if the whole band were planned)."""


_TITLE_PARTS = re.compile(r"\([^()]*\)|\[[^\[\]]*\]|[(\[]?[^\s(\[]+|[(\[]")
"""A title's parts for :func:`cut_title`: a bracketed group whole (``(10–20 Feb)``), else a word."""


def cut_title(text: str, fits: Callable[[str], bool]) -> str | None:
    """``text`` shortened at whole words, with " …" after the last one kept, so that it ``fits``:
    a bracketed group (a date such as ``(10–20 Feb)``) is kept whole or left out whole, never cut
    inside ("Allied Resolve-2022 drills (10–20 F…" read as a wrong date); the whole ``text`` when it
    fits; None when not even its first word with " …" does (the caller cuts that word).

    >>> cut_title("Allied Resolve-2022 drills (10–20 Feb)", lambda t: len(t) <= 33)
    'Allied Resolve-2022 drills …'
    """
    if fits(text):
        return text
    parts = _TITLE_PARTS.findall(text)
    for k in range(len(parts) - 1, 0, -1):
        shown = " ".join(parts[:k]).rstrip(",;:–—-") + " …"
        if fits(shown):
            return shown
    return None


class BandLayerItem(pg.GraphicsObject):
    """All bands of a timeline, each with its title in a tab at the top.

    x is seconds from ``timeline.columns.origin_epoch_s``; the band covers
    the full y range of the view.
    """

    def __init__(self, timeline: Timeline, style: TimelineStyle | None = None) -> None:
        super().__init__()
        self.timeline = timeline
        self.columns = timeline.columns
        self.style = style or TimelineStyle()
        self.selected: str | None = None
        self._tabs: list[tuple[QRectF, str]] = []
        self.drawn_titles: list[str] = []  #: the titles as the last paint drew them (shortened ones with "…")
        #: bands the last paint drew with a planned end: (id, device x where the known part ends, device x
        #: of the announced end, the words drawn on the hatched part or "" when they did not fit)
        self.drawn_planned: list[tuple[str, float, float, str]] = []
        self.drawn_planned_rects: list[QRectF] = []  #: ... and where those words' tabs were drawn (device px)
        #: the hard (dashed) edges the last paint drew: (id, device x) - a band with one date known has
        #: one, at that date; its other side fades to a "?" (the source gives no date there)
        self.drawn_edges: list[tuple[str, float]] = []
        #: bands with one date known as the last paint drew them: (id, device x of the known date,
        #: device x where the fade towards the unknown side ends, by the "?")
        self.drawn_half_known: list[tuple[str, float, float]] = []
        self._bounds = layer_bounds(self.columns)
        self.setZValue(-10)

    def set_style(self, style: TimelineStyle) -> None:
        self.style = style
        self.update()

    def set_timeline(self, timeline: Timeline) -> None:
        """Draw the bands of ``timeline`` instead (same item, same selection and style)."""
        self.prepareGeometryChange()
        self.timeline = timeline
        self.columns = timeline.columns
        self._bounds = layer_bounds(self.columns)
        self._tabs = []
        self.update()

    def set_selected(self, event_id: str | None) -> None:
        self.selected = event_id
        self.update()

    def boundingRect(self) -> QRectF:  # noqa: N802
        return QRectF(self._bounds)

    def dataBounds(self, ax: int, frac: float = 1.0, orthoRange=None):  # noqa: N802,N803
        return None

    def paint(self, p: QPainter, opt, widget) -> None:  # noqa: ARG002
        vb = self.getViewBox()
        if vb is None:
            return
        vr = vb.viewRect()
        tr = p.transform()
        sx, tx = tr.m11(), tr.m31()
        # the plot area in the painter's device pixels (not the view's own device: the scene may be
        # rendered into a picture with margins, where that would shift the band's title tab away)
        area = tr.mapRect(self.mapRectFromItem(vb, vb.rect()))
        p.save()
        p.resetTransform()
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        font = label_font(self.style.font_px, bold=True, family=self.style.font_family)
        fm = QFontMetricsF(font)
        p.setFont(font)
        self._tabs = []
        self.drawn_titles = []
        self.drawn_planned = []
        self.drawn_planned_rects = []
        self.drawn_edges = []
        self.drawn_half_known = []
        cols = self.columns
        rows = cols.visible(BAND_LANE, vr.left(), vr.right()).tolist()
        starts = sorted(float(cols.x0[r]) * sx + tx for r in rows)
        # (a collection window's bands are no Timeline: the planned ends its store found)
        found = getattr(self.timeline, "planned_end_rows", None)
        planned = {} if not rows else found() if found is not None else \
            planned_end_rows(self.timeline) if hasattr(self.timeline, "reference_date") else {}
        o = cols.origin_epoch_s
        for row in rows:
            ev = self.timeline.events[int(cols.event_index[row])]
            x0 = max(cols.x0[row] * sx + tx, area.left() - 10)
            plan = planned.get(row)
            x1 = (plan[1] - o) * sx + tx if plan is not None else cols.x1[row] * sx + tx
            x1 = max(min(x1, area.right() + 10), x0 + 3)  # an open end runs to the edge, never to infinity
            known = min(max((plan[0] - o) * sx + tx, x0), x1) if plan is not None else x1
            fill = self.style.color("band_fill", self.style.band_alpha)
            edge = self.style.color("band_fill", 200)
            if int(cols.flags[row]) & FLAG_HALF_KNOWN:  # one date known, the other's year unknown
                self._half_known(p, ev.id, int(cols.flags[row]), float(cols.x0[row] * sx + tx),
                                 float(cols.x1[row] * sx + tx), area, edge)
                self._title_tab(p, ev.id, ev.title, x0, x1, area, starts, font, fm, 0.0, None)
                continue
            p.fillRect(QRectF(x0, area.top(), known - x0, area.height()), fill)
            if plan is not None:  # the announced part: faint and hatched, a plan and not a report
                hatch(p, QRectF(known, area.top(), x1 - known, area.height()), self.style.color("band_fill"),
                      max(self.style.band_alpha // 3, 12), 150, self.style.hatch_px, self.style.hatch_darker)
            p.setPen(QPen(edge, 2, Qt.PenStyle.DashLine))
            p.drawLine(QPointF(x0, area.top()), QPointF(x0, area.bottom()))
            p.drawLine(QPointF(x1, area.top()), QPointF(x1, area.bottom()))
            self.drawn_edges += [(ev.id, x0), (ev.id, x1)]
            # title tab at the top, kept on screen while any of the band is
            # a planned end's words keep their room: the title is shortened first (at 1920x1080 the
            # bundled band's whole title left no room and "▨ planned" was not drawn at all)
            reserve = fm.horizontalAdvance(PLANNED_WORDS[-1]) + 20 if plan is not None else 0.0
            # the words may run on past the band's end over the free tab row (to the next band's
            # start or the plot's edge) as long as they start on the hatched part: kept inside the
            # band they cut the bundled title to "Allied Resolve-2022 drills …" at 1366 and at 1920
            later = [x for x in starts if x > x0 + 0.5]
            words_right = min(later[0] if later else area.right(), area.right())
            title_room = None
            if plan is not None:
                left = max(x0, area.left()) + 6
                lead = fm.horizontalAdvance("▨ pla") + 12  # the words' start, on the hatch
                title_room = min(min(x1, area.right()) - left - 6 - lead,
                                 max(words_right, min(x1, area.right())) - left - 6 - reserve)
            title_right = self._title_tab(p, ev.id, ev.title, x0, x1, area, starts, font, fm, reserve,
                                          title_room)
            if plan is not None:  # said in words too, on the title row (band titles only: never under events)
                words = self._planned_words(p, fm, max(known, title_right), max(x1, words_right), area)
                self.drawn_planned.append((ev.id, known, x1, words))
        p.restore()

    def _half_known(self, p: QPainter, eid: str, flags: int, x0: float, x1: float, area: QRectF,
                    edge: QColor) -> None:
        """A band with one date known (``FLAG_HALF_KNOWN``, device px ``x0``-``x1``: its known date
        and the short whisker towards the unknown side): one dashed edge at the known date, a fill
        fading from it to nothing, and a "?" where the fade ends.  Never a second hard edge: the
        source gives no date there (it was drawn as an era with an invented end)."""
        open_start = bool(flags & FLAG_OPEN_START)
        known, faded = (x1, x0) if open_start else (x0, x1)
        rect = QRectF(min(x0, x1), area.top(), abs(x1 - x0), area.height())
        alpha = self.style.band_alpha
        fill_fade(p, rect, self.style.color("band_fill"), 0 if open_start else alpha, alpha if open_start else 0)
        p.setPen(QPen(edge, 2, Qt.PenStyle.DashLine))
        p.drawLine(QPointF(known, area.top()), QPointF(known, area.bottom()))
        p.setPen(edge)
        w = 12.0
        at = QRectF(faded - w - 2 if open_start else faded + 2, area.top() + area.height() / 2 - 10, w, 20)
        p.drawText(at, int(Qt.AlignmentFlag.AlignCenter), "?")
        self.drawn_edges.append((eid, known))
        self.drawn_half_known.append((eid, known, faded))

    def _title_tab(self, p: QPainter, eid: str, title: str, x0: float, x1: float, area: QRectF,
                   starts: list[float], font: QFont, fm: QFontMetricsF, reserve: float = 0.0,
                   room: float | None = None) -> float:
        """Draw a band's title in a tab at the top, leaving ``reserve`` device px free at its
        right (a planned end's words), or in ``room`` device px when given; the tab's right edge
        (device px), or ``x0`` when there was no room for it."""
        text = " ".join(visible_controls(title).split())  # one line; controls shown, not obeyed
        # bands that overlap: a title starts after the tab drawn before it (bands are drawn by start)
        # and ends before the next band's start, so titles never run over each other
        left = max(x0, area.left(), self._tabs[-1][0].right() - 2 if self._tabs else -math.inf) + 6
        if room is None:
            room = min(x1, area.right()) - left - 6 - reserve
        if not self.style.whole_labels:
            k = bisect.bisect_right(starts, x0 + 1.0)  # (starts are sorted: the next band's start)
            if k < len(starts):
                room = min(room, starts[k] - left - 6)
        tfont, tfm = font, fm
        if self.style.whole_labels and fm.horizontalAdvance(text) > room:
            # (a wall keeps its titles whole: the planned words then take what room is left)
            room, tfont, tfm = self._wall_title_room(text, x0, left, room, starts, area.right())
        if room < tfm.horizontalAdvance("M") * 3:
            return x0
        # cut at whole words, a bracketed date left out whole (never "(10–20 F…")
        shown = cut_title(text, lambda t: tfm.horizontalAdvance(t) <= room) or \
            tfm.elidedText(text, Qt.TextElideMode.ElideRight, room)
        w = tfm.horizontalAdvance(shown)
        tab = QRectF(left - 4, area.top() + 2, w + 8, fm.height() + 4)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(self.style.color("band_tab", 215) if eid != self.selected else QColor("#ffe9b8"))
        p.drawRoundedRect(tab, 3, 3)
        p.setPen(self.style.color("band_text"))
        p.setFont(tfont)
        p.drawText(QPointF(left, area.top() + 2 + (fm.height() + 4 - tfm.height()) / 2 + tfm.ascent()), shown)
        p.setFont(font)
        self._tabs.append((tab, eid))
        self.drawn_titles.append(shown)
        return tab.right()

    def _planned_words(self, p: QPainter, fm: QFontMetricsF, known: float, x1: float, area: QRectF) -> str:
        """Say on the hatched part, on the title row right of ``known`` (the end of the
        reported part or of the title's tab), that it is a plan: "planned end, announced"
        (shorter when narrow; nothing when even "planned end" does not fit), running on to ``x1``
        at most (the band's end, or past it over the free tab row).  Drawn at the foot of
        the plot, event labels covered it."""
        room = min(x1, area.right()) - max(known, area.left()) - 12
        for text in PLANNED_WORDS:
            if fm.horizontalAdvance(text) <= room:
                break
        else:
            return ""
        left = max(known, area.left()) + 6
        top = area.top() + 2  # the title row: band titles only
        rect = QRectF(left - 4, top, fm.horizontalAdvance(text) + 8, fm.height() + 4)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(self.style.color("band_tab", 215))
        p.drawRoundedRect(rect, 3, 3)
        p.setPen(self.style.color("band_text"))
        p.drawText(QPointF(left, top + 2 + fm.ascent()), text)
        self.drawn_planned_rects.append(rect)
        return text

    def _wall_title_room(self, text: str, x0: float, left: float, room: float, starts: list[float],
                         right: float) -> tuple[float, QFont, QFontMetricsF]:
        """Room and type for a band's title that its band is too narrow for, on a wall (labels
        whole, ``style.whole_labels``): the tab row holds band titles only, so the title runs on
        past the band's end up to the next band's (or the plot's right edge); what still does not
        fit is set in smaller type, down to the wall's smallest (``style.min_font_px``), and only
        then shortened.  At 1024x768 the bundled story's band read "Allied Resolve-2022 dri…"."""
        later = [s for s in starts if s > x0 + 0.5]
        room = max(room, min(later[0] if later else right, right) - left - 6)
        px = self.style.font_px
        font = label_font(px, bold=True, family=self.style.font_family)
        fm = QFontMetricsF(font)
        while fm.horizontalAdvance(text) > room and px > self.style.min_font_px:
            px -= 1
            font = label_font(px, bold=True, family=self.style.font_family)
            fm = QFontMetricsF(font)
        return room, font, fm

    def band_at(self, device_pos: QPointF) -> str | None:
        """Id of the band whose title tab is at a device-pixel position."""
        for rect, eid in self._tabs:
            if rect.contains(device_pos):
                return eid
        return None

    def tab_height(self) -> float:
        """Pixel height reserved at the top of the view for band titles."""
        fm = QFontMetricsF(label_font(self.style.font_px, bold=True, family=self.style.font_family))
        return fm.height() + 8
