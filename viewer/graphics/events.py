"""The event layer: all lanes of a timeline in one pyqtgraph item.

Follows pyqtgraph's own items (``BarGraphItem``, ``PlotDataItem``): a cached
``boundingRect``, work only for the visible slice of each lane (found by
``searchsorted`` in :class:`~viewer.model.columns.EventColumns`), batched
drawing, and a layout recomputed only when the view range, the view size or
the selection changed.  Painting happens in device pixels (the painter's
transform is reset after mapping), so markers and text keep their size at
every zoom.

Level of detail: when a lane has more visible events than half its width in
pixels, it is drawn as a density strip (events per pixel column, darker =
more) instead of markers.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFontMetricsF,
    QLinearGradient,
    QPainter,
    QPen,
    QPolygonF,
    QStaticText,
)

from ..model.columns import (
    FLAG_APPROXIMATE,
    FLAG_IMPRECISE,
    FLAG_OPEN_END,
    FLAG_OPEN_START,
    FLAG_UNCERTAIN,
    KIND_SPAN,
)
from ..model.timeline import Timeline
from .layout import Placement, layout_lane
from .style import TimelineStyle, label_font, layer_bounds, marker_polygon

__all__ = ["EventLayerItem", "label_text"]

_LOD_EVENTS_PER_PX = 0.5
_FADE_PX = 90.0  #: length of the fade drawn at an open side of a span


def label_text(title: str, flags: int, span: bool = False) -> str:
    """The on-screen label of an event: its title with date qualifiers.

    ``~`` before an approximate date, ``(?)`` after an uncertain one, ``≤`` /
    ``≥`` before a point known only to be on or before / after a day (a span's
    open side is drawn as a fade instead).
    """
    prefix = ""
    if span:
        pass
    elif flags & FLAG_OPEN_START and not flags & FLAG_OPEN_END:
        prefix = "≤ "
    elif flags & FLAG_OPEN_END and not flags & FLAG_OPEN_START:
        prefix = "≥ "
    if flags & FLAG_APPROXIMATE:
        prefix = "~ " + prefix
    suffix = " (?)" if flags & FLAG_UNCERTAIN else ""
    return f"{prefix}{title}{suffix}"


@dataclass
class _Frame:
    """Everything computed for one view range and size (device pixels)."""

    key: tuple
    lanes: list[tuple[float, float]]  # (top, bottom) px per lane
    slot_h: float
    placements: list[Placement]
    density: dict[int, tuple[np.ndarray, np.ndarray]]  # lane -> (bin left px, counts)
    sx: float
    tx: float
    left_px: float
    right_px: float


class EventLayerItem(pg.GraphicsObject):
    """Markers, bars and labels of every point and span event, lane by lane.

    Parameters
    ----------
    timeline : Timeline
        Lanes are ``timeline.tracks`` in order; lane ``i`` spans data y in
        ``[i, i + 1)`` (the view inverts y so lane 0 is on top).
    style : TimelineStyle, optional

    Notes
    -----
    x is seconds from ``timeline.columns.origin_epoch_s``.
    """

    def __init__(self, timeline: Timeline, style: TimelineStyle | None = None) -> None:
        super().__init__()
        self.timeline = timeline
        self.columns = timeline.columns
        self.style = style or TimelineStyle()
        self.selected: str | None = None
        self.hovered: str | None = None
        self.emphasis: np.ndarray | None = None
        self._frame: _Frame | None = None
        self._text_cache: dict[tuple[int, int], tuple[str, float]] = {}
        self._static: dict[tuple[int, str, int], QStaticText] = {}
        self._bounds = layer_bounds(self.columns)
        self.setFlag(self.GraphicsItemFlag.ItemUsesExtendedStyleOption, True)

    # -- state ---------------------------------------------------------
    def set_style(self, style: TimelineStyle) -> None:
        """Replace the style (fonts scale with the window) and repaint."""
        self.style = style
        self._text_cache.clear()
        self._static.clear()
        self._frame = None
        self.update()

    def set_selected(self, event_id: str | None) -> None:
        """Highlight ``event_id`` (None clears) and give it label priority."""
        if event_id != self.selected:
            self.selected = event_id
            self._frame = None
            self.update()

    def set_emphasis(self, mask: np.ndarray | None) -> None:
        """Dim the events where ``mask`` is False (search: the non-matches).

        Parameters
        ----------
        mask : ndarray of bool, shape (len(timeline.columns),), or None
            One flag per row of ``timeline.columns``; None draws every event
            normally.

        Raises
        ------
        ValueError
            If the mask does not have one entry per row.
        """
        if mask is not None:
            mask = np.asarray(mask, dtype=bool)
            if mask.shape != (len(self.columns),):
                raise ValueError(f"emphasis mask must have shape ({len(self.columns)},), got {mask.shape}")
        self.emphasis = mask
        self.update()

    def set_hovered(self, event_id: str | None) -> None:
        if event_id != self.hovered:
            self.hovered = event_id
            self.update()

    # -- QGraphicsItem -------------------------------------------------
    def boundingRect(self) -> QRectF:  # noqa: N802 (Qt name)
        return QRectF(self._bounds)

    def dataBounds(self, ax: int, frac: float = 1.0, orthoRange=None):  # noqa: N802,N803
        lo, hi = self.columns.extent()
        return (lo, hi) if ax == 0 else (0, max(1, self.columns.n_lanes))

    def paint(self, p: QPainter, opt, widget) -> None:  # noqa: ARG002
        vb = self.getViewBox()
        if vb is None:
            return
        tr = p.transform()
        frame = self._compute_frame(vb, tr, p.device().width() if p.device() else 0)
        p.save()
        p.resetTransform()
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        p.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        self._paint_lanes(p, frame)
        self._paint_density(p, frame)
        self._paint_events(p, frame)
        p.restore()

    # -- geometry ------------------------------------------------------
    def _label(self, row: int) -> tuple[str, float]:
        """Label text of a row and its full width in pixels (cached per font size)."""
        key = (row, self.style.font_px)
        hit = self._text_cache.get(key)
        if hit is None:
            ev = self.timeline.events[int(self.columns.event_index[row])]
            # labels are elided anyway: measuring a 100,000-character title would stall
            text = label_text(ev.title[:400], int(self.columns.flags[row]), self.columns.kind[row] == KIND_SPAN)
            fm = QFontMetricsF(label_font(self.style.font_px, family=self.style.font_family))
            hit = (text, fm.horizontalAdvance(text))
            self._text_cache[key] = hit
        return hit

    def _compute_frame(self, vb: pg.ViewBox, tr, device_w: int) -> _Frame:
        vr = vb.viewRect()
        size = vb.size()
        key = (vr.left(), vr.right(), vr.top(), vr.bottom(), size.width(), size.height(),
               self.selected, self.style.font_px, tr.m11(), tr.m31(), tr.m22(), tr.m32())
        if self._frame is not None and self._frame.key == key:
            return self._frame
        sx, tx = tr.m11(), tr.m31()
        sy, ty = tr.m22(), tr.m32()
        cols = self.columns
        lanes = []
        for i in range(cols.n_lanes):
            y0, y1 = i * sy + ty, (i + 1) * sy + ty
            lanes.append((min(y0, y1), max(y0, y1)))
        lane_h = abs(sy)
        fm = QFontMetricsF(label_font(self.style.font_px, family=self.style.font_family))
        slot_h = max(fm.height() * 1.3, 2.0 * self.style.marker_px + 6)
        n_slots = max(1, int((lane_h - 8) // slot_h))
        slot_h = (lane_h - 8) / n_slots if n_slots else slot_h
        a, b = vr.left(), vr.right()
        placements: list[Placement] = []
        density: dict[int, tuple[np.ndarray, np.ndarray]] = {}
        width_px = max(1.0, (b - a) * abs(sx))
        left_px, right_px = a * sx + tx, b * sx + tx
        sel_row = cols.row_of(self.selected) if self.selected and self.selected in cols.ids else None
        for lane in range(cols.n_lanes):
            idx = cols.visible(lane, a, b)
            if len(idx) == 0:
                continue
            if len(idx) > width_px * _LOD_EVENTS_PER_PX:
                bins = max(1, int(width_px // 2))
                counts, edges = np.histogram(cols.xm[idx], bins=bins, range=(a, b))
                density[lane] = (edges[:-1] * sx + tx, counts)
                if sel_row is not None and sel_row in set(idx.tolist()):
                    idx = np.array([sel_row])
                else:
                    continue
            # spans are clipped to the view (plus a margin) so their labels
            # stay on screen; a point's possible interval is drawn faintly
            # and takes no room
            is_span = cols.kind[idx] == KIND_SPAN
            mx = cols.xm[idx] * sx + tx
            b0 = np.clip(cols.x0[idx] * sx + tx, left_px - 30, right_px + 30)
            b1 = np.clip(cols.x1[idx] * sx + tx, left_px - 30, right_px + 30)
            # an imprecise point whose marker is off screen but whose possible
            # interval is on it (deep zoom into its day) is laid out like a
            # span, so the faint bar on screen still carries its label
            off = ~is_span & ((mx < left_px) | (mx > right_px))
            as_bar = is_span | off
            mx = np.where(as_bar, np.maximum(b0, left_px + 8), mx)
            b0 = np.where(as_bar, b0, mx).tolist()
            b1 = np.where(as_bar, b1, mx).tolist()
            mx = mx.tolist()
            rows = idx.tolist()
            cap = float(self.style.label_max_px)
            widths = [min(self._label(r)[1], cap) for r in rows]
            first = rows.index(sel_row) if sel_row in rows else None
            placements.extend(
                layout_lane(rows, mx, b0, b1, widths, n_slots,
                            marker_half=self.style.marker_px, gap=self.style.font_px * 0.8,
                            min_label_px=self.style.font_px * 4, first=first,
                            left_edge=left_px + 4, right_edge=right_px - 4)
            )
        self._frame = _Frame(key, lanes, slot_h, placements, density, sx, tx, left_px, right_px)
        return self._frame

    def _slot_y(self, frame: _Frame, row: int, slot: int) -> float:
        lane = int(self.columns.lane[row])
        top = frame.lanes[lane][0]
        return top + 4 + (slot + 0.5) * frame.slot_h

    # -- painting ------------------------------------------------------
    def _paint_lanes(self, p: QPainter, frame: _Frame) -> None:
        vb = self.getViewBox()
        rect = vb.mapRectToDevice(vb.rect()) if vb is not None else None
        if rect is None:
            return
        p.setPen(Qt.PenStyle.NoPen)
        for i, (top, bottom) in enumerate(frame.lanes):
            if i % 2 == 1:
                p.fillRect(QRectF(rect.left(), top, rect.width(), bottom - top), self.style.color("lane_shade"))
            color = QColor(self.style.track_color(i, self.timeline.tracks[i].color))
            p.fillRect(QRectF(rect.left(), top + 2, 5, bottom - top - 4), color)
        p.setPen(QPen(self.style.color("lane_rule"), 1))
        for _top, bottom in frame.lanes[:-1]:
            p.drawLine(QPointF(rect.left(), bottom), QPointF(rect.right(), bottom))

    def _paint_density(self, p: QPainter, frame: _Frame) -> None:
        for lane, (lefts, counts) in frame.density.items():
            top, bottom = frame.lanes[lane]
            color = QColor(self.style.track_color(lane, self.timeline.tracks[lane].color))
            nz = np.nonzero(counts)[0]
            if len(nz) == 0:
                continue
            peak = math.log1p(float(counts.max()))
            w = (lefts[1] - lefts[0]) if len(lefts) > 1 else 2.0
            p.setPen(Qt.PenStyle.NoPen)
            for k in nz:
                c = QColor(color)
                c.setAlpha(int(60 + 195 * math.log1p(float(counts[k])) / max(peak, 1e-9)))
                p.fillRect(QRectF(float(lefts[k]), top + 6, max(1.0, float(w)), bottom - top - 12), c)

    def _paint_events(self, p: QPainter, frame: _Frame) -> None:
        cols = self.columns
        font = label_font(self.style.font_px, family=self.style.font_family)
        bold = label_font(self.style.font_px, bold=True, family=self.style.font_family)
        fm = QFontMetricsF(font)
        r = float(self.style.marker_px)
        text_color = self.style.color("text")
        # the selected event last, so no neighbouring bar is painted over its label
        for pl in sorted(frame.placements, key=lambda pl: cols.ids[pl.row] == self.selected):
            row = pl.row
            flags = int(cols.flags[row])
            lane = int(cols.lane[row])
            color = QColor(self.style.track_color(lane, self.timeline.tracks[lane].color))
            y = self._slot_y(frame, row, pl.slot)
            eid = cols.ids[row]
            selected = eid == self.selected
            hovered = eid == self.hovered
            dim = self.emphasis is not None and not self.emphasis[row] and not selected
            p.setOpacity(0.22 if dim else 1.0)
            # possible interval of an imprecise point: a faint bar over it
            if cols.kind[row] != KIND_SPAN and flags & FLAG_IMPRECISE:
                x0 = cols.x0[row] * frame.sx + frame.tx
                x1 = cols.x1[row] * frame.sx + frame.tx
                faint = QColor(color)
                faint.setAlpha(70 if selected else 45)
                if flags & (FLAG_OPEN_START | FLAG_OPEN_END):
                    self._whisker(p, x0, x1, y, color, flags)
                elif x1 - x0 > 2 * r:
                    p.fillRect(QRectF(x0, y - r * 1.2, x1 - x0, 2.4 * r), faint)
            if cols.kind[row] == KIND_SPAN:
                self._span_bar(p, row, frame, y, color, flags, selected)
            else:
                true_x = cols.xm[row] * frame.sx + frame.tx
                if frame.left_px - 2 * r <= true_x <= frame.right_px + 2 * r:
                    self._marker(p, true_x, y, r, color, flags, selected, hovered, lane)
            if pl.label_width > 0:
                text, full = self._label(row)
                if pl.label_width < full - 0.5:
                    text = fm.elidedText(text, Qt.TextElideMode.ElideRight, pl.label_width)
                f = bold if selected else font
                st = self._static_text(text, f, selected)
                h = fm.height()
                on_bar = pl.bar1 > pl.bar0 or flags & (FLAG_OPEN_START | FLAG_OPEN_END)
                if selected or on_bar:
                    # a backing keeps text readable over bars and whiskers
                    bw = QFontMetricsF(f).horizontalAdvance(text)
                    p.setPen(Qt.PenStyle.NoPen)
                    p.setBrush(self.style.color("label_box", 230 if selected else 185))
                    p.drawRoundedRect(QRectF(pl.label_x - 3, y - h / 2 - 1, bw + 6, h + 2), 3, 3)
                p.setPen(text_color)
                p.setFont(f)  # QStaticText lays out again with the painter's font
                p.drawStaticText(QPointF(pl.label_x, y - h / 2), st)
        p.setOpacity(1.0)

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

    def _whisker(self, p: QPainter, x0: float, x1: float, y: float, color: QColor, flags: int) -> None:
        """A line fading towards the open side: 'on or before' / 'on or after'."""
        grad = QLinearGradient(x0, y, x1, y)
        solid, clear = QColor(color), QColor(color)
        solid.setAlpha(170)
        clear.setAlpha(0)
        if flags & FLAG_OPEN_START:
            grad.setColorAt(0.0, clear)
            grad.setColorAt(1.0, solid)
        else:
            grad.setColorAt(0.0, solid)
            grad.setColorAt(1.0, clear)
        p.fillRect(QRectF(x0, y - 2, x1 - x0, 4), QBrush(grad))

    def _span_bar(self, p: QPainter, row: int, frame: _Frame, y: float, color: QColor,
                  flags: int, selected: bool) -> None:
        """A span: solid where certain, faint where its start or end could be,
        fading out over ``_FADE_PX`` at an open (unknown) side."""
        cols = self.columns
        lo, hi = frame.left_px - _FADE_PX - 10, frame.right_px + _FADE_PX + 10
        x0 = cols.x0[row] * frame.sx + frame.tx
        x1 = max(cols.x1[row] * frame.sx + frame.tx, x0 + 3)  # zero-length spans stay visible
        x0, x1 = max(x0, lo), min(x1, hi)  # far-off ends are drawn at the view's margin
        s0 = max(cols.solid0[row] * frame.sx + frame.tx, x0)
        s1 = min(cols.solid1[row] * frame.sx + frame.tx, x1)
        h = self.style.marker_px * 1.3
        faint = QColor(color)
        faint.setAlpha(70)
        solid = QColor(color)
        solid.setAlpha(210)
        clear = QColor(color)
        clear.setAlpha(0)
        p.setPen(Qt.PenStyle.NoPen)
        top = y - h / 2
        if flags & FLAG_OPEN_START:
            f1 = min(x0 + _FADE_PX, x1)
            grad = QLinearGradient(x0, y, f1, y)
            grad.setColorAt(0.0, clear)
            grad.setColorAt(1.0, faint)
            p.fillRect(QRectF(x0, top, f1 - x0, h), QBrush(grad))
            p.fillRect(QRectF(f1, top, x1 - f1, h), faint)
        elif flags & FLAG_OPEN_END:
            f0 = max(x1 - _FADE_PX, x0)
            p.fillRect(QRectF(x0, top, s0 - x0, h), faint)
            p.fillRect(QRectF(s0, top, max(0.0, f0 - s0), h), solid)
            grad = QLinearGradient(f0, y, x1, y)
            grad.setColorAt(0.0, solid)
            grad.setColorAt(1.0, clear)
            p.fillRect(QRectF(f0, top, x1 - f0, h), QBrush(grad))
        else:
            p.fillRect(QRectF(x0, top, x1 - x0, h), faint)
            if s1 > s0:
                p.fillRect(QRectF(s0, top, s1 - s0, h), solid)
        if selected:
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.setPen(QPen(self.style.color("selection"), 2))
            p.drawRect(QRectF(x0 - 2, top - 2, x1 - x0 + 4, h + 4))

    def _marker(self, p: QPainter, x: float, y: float, r: float, color: QColor, flags: int,
                selected: bool, hovered: bool, lane: int = -1) -> None:
        poly = marker_polygon(self.style.track_shape(lane), x, y, r)  # diamond unless the style shapes lanes
        hollow = bool(flags & (FLAG_UNCERTAIN | FLAG_APPROXIMATE | FLAG_OPEN_START | FLAG_OPEN_END))
        if selected:
            p.setPen(QPen(self.style.color("selection"), 3))
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawEllipse(QPointF(x, y), r + 5, r + 5)
        pen = QPen(color.darker(140) if not hovered else QColor("#000000"), 2)
        p.setPen(pen)
        p.setBrush(self.style.color("hollow_fill") if hollow else color)
        p.drawPolygon(poly)

    # -- hit testing ---------------------------------------------------
    def event_at(self, device_pos: QPointF, tolerance_px: float = 4.0) -> str | None:
        """Id of the event drawn at a point in device (view widget) pixels.

        Markers (and span bars) win over labels; among markers the nearest
        one.  Uses the layout of the last painted frame.
        """
        frame = self._frame
        if frame is None:
            return None
        x, y = device_pos.x(), device_pos.y()
        r = self.style.marker_px + tolerance_px
        best: tuple[float, str] | None = None
        fm_h = QFontMetricsF(label_font(self.style.font_px, family=self.style.font_family)).height()
        for pl in frame.placements:
            cy = self._slot_y(frame, pl.row, pl.slot)
            if abs(y - cy) > max(r, fm_h / 2 + 2):
                continue
            eid = self.columns.ids[pl.row]
            d = abs(x - pl.marker_x)
            if d <= r and abs(y - cy) <= r:
                cand = (d, eid)
            elif pl.bar0 - 2 <= x <= pl.bar1 + 2 and abs(y - cy) <= r:
                cand = (r + 1, eid)
            elif pl.label_width > 0 and pl.label_x <= x <= pl.label_x + pl.label_width:
                cand = (r + 2, eid)
            else:
                continue
            if best is None or cand[0] < best[0]:
                best = cand
        return best[1] if best else None

    def marker_position(self, event_id: str) -> QPointF | None:
        """Device-pixel centre of an event's marker in the last frame, if drawn."""
        frame = self._frame
        if frame is None:
            return None
        for pl in frame.placements:
            if self.columns.ids[pl.row] == event_id:
                return QPointF(pl.marker_x, self._slot_y(frame, pl.row, pl.slot))
        return None

