"""The event layer: all lanes of a timeline in one pyqtgraph item.

Follows pyqtgraph's own items (``BarGraphItem``, ``PlotDataItem``): a cached
``boundingRect``, work only for the visible slice of each lane (found by
``searchsorted`` in :class:`~viewer.model.columns.EventColumns`), batched
drawing, and a layout recomputed only when the view range, the view size or
the selection changed.  Painting happens in device pixels (the painter's
transform is reset after mapping), so markers and text keep their size at
every zoom.

Level of detail: when a lane has more visible events than one per two marker
widths (its width in pixels divided by twice a marker's width, per sub-row),
it is drawn as a density strip instead: events per 2-pixel bin,
darker = more, counted by binary search in the lane's sorted marker positions
(:meth:`~viewer.model.columns.EventColumns.density`; a date-only event is
spread over its day, fractionally), so the cost depends on the width of the
view, not on the number of events.  Zooming in switches the
lane back to markers.  Markers are stamped from cached pixmaps, bars and
faint intervals drawn with one ``drawRects`` per lane, labels with
``QStaticText``: a frame costs O(visible events, capped by the screen width).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFontMetricsF,
    QImage,
    QLinearGradient,
    QPaintEngine,
    QPainter,
    QPen,
    QPixmap,
    QStaticText,
)

from ..model.columns import (
    FLAG_APPROXIMATE,
    FLAG_COARSE,
    FLAG_IMPRECISE,
    FLAG_OPEN_END,
    FLAG_OPEN_START,
    FLAG_UNCERTAIN,
    KIND_SPAN,
)
from ..model.dates import Precision, format_instant
from ..model.lanes import LaneGeometry, lane_geometry
from ..model.stacks import largest_stacks, stack_text
from ..model.text import visible_controls
from ..model.timeline import Timeline
from .layout import Placement, layout_lane
from .style import TimelineStyle, label_font, layer_bounds, marker_polygon

__all__ = ["EventLayerItem", "label_text", "elide_label", "draw_flags"]

_MARKER_SPACING = 4.0  #: a lane turns into a density strip when it has more events than
_MARKER_GAP_PX = 2.0   #: width / (_MARKER_SPACING * r + gap) per sub-row (r = marker half-width)
_DENSITY_BIN_PX = 2  #: width of a density bin
_FADE_PX = 90.0  #: length of the fade drawn at an open side of a span
_AFTER_SOURCE = 1 << 30  #: drawing-only flag: begins after the timeline's reference (publication) date
_DRAFT = 1 << 29  #: drawing-only flag: an unreviewed draft (ingest): dotted outline
_HOLLOW = FLAG_UNCERTAIN | FLAG_APPROXIMATE | FLAG_OPEN_START | FLAG_OPEN_END | FLAG_COARSE | _AFTER_SOURCE
_DIM_OPACITY = 0.22  #: opacity of events dimmed by ``set_emphasis`` (search non-matches)
_PDF_FADE_STEPS = 16  #: rectangles of stepped alpha that stand for one fade in a PDF


def draw_flags(timeline: Timeline) -> np.ndarray:
    """The date flags of each row of ``timeline.columns``, plus "planned" (after
    the source's date or described as planned by it: dashed hollow marker) and
    "draft" (dotted outline): int64 (N,).  O(N) numpy, kept with the timeline,
    so a thread that derives one can compute it before the layer is made."""
    cached: np.ndarray | None = timeline.__dict__.get("_draw_flags")
    if cached is None:
        flags = timeline.columns.flags.astype(np.int64)
        cached = np.where(timeline.planned_rows(), flags | _AFTER_SOURCE, flags)
        cached |= np.where(timeline.drafts(), _DRAFT, 0)
        timeline.__dict__["_draw_flags"] = cached
    return cached


def fill_fade(p: QPainter, rect: QRectF, color: QColor, alpha_left: int, alpha_right: int) -> None:
    """Fill ``rect`` with ``color`` whose alpha runs from ``alpha_left`` at its
    left edge to ``alpha_right`` at its right edge (a horizontal fade).

    On screen, in a PNG and in an SVG this is a linear gradient.  Qt's PDF
    writer turns a gradient with alpha into a shading plus soft mask that
    poppler and MuPDF draw solid, so an "on or after" whisker or a span's
    open side would read as a known interval: in a PDF the fade is drawn as
    ``_PDF_FADE_STEPS`` narrow rectangles of stepped alpha (plain fills with a
    constant alpha, which every reader honours).
    """
    if rect.width() <= 0 or rect.height() <= 0:
        return
    engine = p.paintEngine()
    if engine is not None and engine.type() == QPaintEngine.Type.Pdf:
        steps = _PDF_FADE_STEPS
        w = rect.width() / steps
        for i in range(steps):
            t = (i + 0.5) / steps  # each step takes the gradient's value at its middle
            c = QColor(color)
            c.setAlpha(round(alpha_left + (alpha_right - alpha_left) * t))
            if c.alpha() == 0:
                continue
            p.fillRect(QRectF(rect.left() + i * w, rect.top(), w, rect.height()), c)
        return
    grad = QLinearGradient(rect.left(), rect.center().y(), rect.right(), rect.center().y())
    left, right = QColor(color), QColor(color)
    left.setAlpha(alpha_left)
    right.setAlpha(alpha_right)
    grad.setColorAt(0.0, left)
    grad.setColorAt(1.0, right)
    p.fillRect(rect, QBrush(grad))


_WHITESPACE_RUN = re.compile(r"\s+")


def label_text(title: str, flags: int, span: bool = False) -> str:
    """The on-screen label of an event: its title with date qualifiers.

    ``~`` before an approximate date, ``(?)`` after an uncertain one, ``≤`` /
    ``≥`` before a point known only to be on or before / after a day (a span's
    open side is drawn as a fade instead).

    The title is shown on one line: any run of whitespace (tabs, line breaks)
    becomes one space, so "tab\tnew\nline" does not lose its line break's
    word boundary.  Directional controls are shown as tokens rather than
    obeyed (:func:`~viewer.model.text.visible_controls`), so a label cannot
    show words other than the title's.
    """
    title = _WHITESPACE_RUN.sub(" ", visible_controls(title)).strip()
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


_QUALIFIER_PREFIXES = ("~ ≤ ", "~ ≥ ", "~ ", "≤ ", "≥ ")
_UNCERTAIN_SUFFIX = " (?)"


def elide_label(text: str, fm: QFontMetricsF, width: float) -> str:
    """``text`` (from :func:`label_text`) shortened to ``width`` pixels with "…",
    keeping its date qualifiers: the title is cut, never the ``~`` / ``≤`` /
    ``≥`` before it or the ``(?)`` after it, so a shortened label still says
    the date is approximate, open or uncertain.  If even the qualifiers do
    not fit, the plain elided text is returned."""
    prefix = next((q for q in _QUALIFIER_PREFIXES if text.startswith(q)), "")
    suffix = _UNCERTAIN_SUFFIX if text.endswith(_UNCERTAIN_SUFFIX) else ""
    if not prefix and not suffix:
        return fm.elidedText(text, Qt.TextElideMode.ElideRight, width)
    title = text[len(prefix):len(text) - len(suffix)]
    room = width - fm.horizontalAdvance(prefix + suffix)
    short = fm.elidedText(title, Qt.TextElideMode.ElideRight, room) if room > 0 else ""
    if not short:
        return fm.elidedText(text, Qt.TextElideMode.ElideRight, width)
    return prefix + short + suffix


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
    density_images: dict[int, QImage] | None = None  # lane -> 1-pixel-high strip, one texel a bin
    hit: dict[str, np.ndarray] | None = None  # placement arrays for hit testing (device px)
    badges: list | None = None  # +N badges as drawn: (lane, left px, width px, count)
    lane_slot_h: dict[int, float] | None = None  # lanes squeezed to fit a crowd: their sub-row height
    lane_font_px: dict[int, int] | None = None  # ... and their (smaller) label font
    stacks: list | None = None  # density strips' same-instant stacks: (lane, x px, epoch s, count)

    def slot_h_of(self, lane: int) -> float:
        return (self.lane_slot_h or {}).get(lane, self.slot_h)


class EventLayerItem(pg.GraphicsObject):
    """Markers, bars and labels of every point and span event, lane by lane.

    Parameters
    ----------
    timeline : Timeline
        Lanes are ``timeline.tracks`` in order; where each lane sits in data
        y is given by :meth:`set_lanes` (a
        :class:`~viewer.model.lanes.LaneGeometry`; by default lane ``i``
        spans ``[i, i + 1)``; the view inverts y so lane 0 is on top).  A
        collapsed lane is a thin strip: its events as markers without labels,
        or as a density strip when they do not fit.
    style : TimelineStyle, optional

    Notes
    -----
    x is seconds from ``timeline.columns.origin_epoch_s``.
    """

    def __init__(self, timeline: Timeline, style: TimelineStyle | None = None) -> None:
        super().__init__()
        self.timeline = timeline
        self.columns = timeline.columns
        self._draw_flags = draw_flags(timeline)
        self.style = style or TimelineStyle()
        self.selected: str | None = None
        self.hovered: str | None = None
        self.emphasis: np.ndarray | None = None
        self._frame: _Frame | None = None
        self._text_cache: dict[tuple[int, int], tuple[str, float]] = {}
        self._static: dict[tuple[int, str, int], QStaticText] = {}
        self.drawn_labels: list[tuple[str, QRectF]] = []  # (text, device rect) of the last paint's labels
        self._pixmaps: dict[tuple, QPixmap] = {}  # (lane, flags, device pixel ratio) -> marker; badges
        self._dpr = 1.0  # device pixel ratio of the last paint
        self._fm: QFontMetricsF | None = None
        self._fm_px = 0
        self._fonts: dict[tuple[int, bool, str], object] = {}
        self._bounds = layer_bounds(self.columns)
        self.lanes: LaneGeometry = lane_geometry([t.id for t in timeline.tracks])
        self.setFlag(self.GraphicsItemFlag.ItemUsesExtendedStyleOption, True)
        # epoch s -> local seconds of the display zone (the view sets it; UTC by default)
        self.local_offset = lambda epoch_s: 0.0

    # -- state ---------------------------------------------------------
    def set_timeline(self, timeline: Timeline) -> None:
        """Draw ``timeline`` instead: an edited version of the one drawn, with
        the same tracks (lanes, style, selection and caches of marker pictures
        are kept; the frame is redrawn).  ``planned_rows`` costs O(N) numpy."""
        self.prepareGeometryChange()
        self.timeline = timeline
        self.columns = timeline.columns
        flags = self.columns.flags.astype(np.int64)
        self._draw_flags = np.where(timeline.planned_rows(), flags | _AFTER_SOURCE, flags)
        self._bounds = layer_bounds(self.columns)
        self._text_cache.clear()
        self._frame = None
        self.update()

    def set_style(self, style: TimelineStyle) -> None:
        """Replace the style (fonts scale with the window) and repaint."""
        self.style = style
        self._text_cache.clear()
        self._static.clear()
        self._pixmaps.clear()
        self._fm = None
        self._frame = None
        self.update()

    def set_lanes(self, lanes: LaneGeometry) -> None:
        """Place the lanes (data y, lane units) as ``lanes`` says and repaint.

        Raises
        ------
        ValueError
            If ``lanes`` does not have one lane per track of the timeline.
        """
        if len(lanes) != self.columns.n_lanes:
            raise ValueError(f"lane geometry has {len(lanes)} lanes, the timeline {self.columns.n_lanes}")
        self.lanes = lanes
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
        return (lo, hi) if ax == 0 else (0, max(1.0, self.lanes.extent))

    def paint(self, p: QPainter, opt, widget) -> None:  # noqa: ARG002
        vb = self.getViewBox()
        if vb is None:
            return
        tr = p.transform()
        device = p.device()
        self._dpr = float(device.devicePixelRatioF()) if device is not None else 1.0  # pixmaps are made at it
        frame = self._compute_frame(vb, tr, device.width() if device else 0)
        p.save()
        p.resetTransform()
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        p.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        self.drawn_labels = []
        self._paint_lanes(p, frame)
        self._paint_density(p, frame)
        self._paint_stacks(p, frame)
        self._paint_events(p, frame)
        p.restore()

    # -- geometry ------------------------------------------------------
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
            text = label_text(title[:400], int(self.columns.flags[row]), self.columns.kind[row] == KIND_SPAN)
            hit = (text, self._metrics(font_px).horizontalAdvance(text))
            self._text_cache[key] = hit
        return hit

    def _selected_label_px(self, row: int, font_px: int) -> float:
        """Width in pixels of a row's label in the bold type of the selection."""
        return QFontMetricsF(self._font(font_px, True)).horizontalAdvance(self._label(row, font_px)[0])

    def _row_or_none(self, event_id: str | None) -> int | None:
        """Row of a drawn event id, None if it is None or not drawn (O(1); never a scan of the ids)."""
        if not event_id:
            return None
        try:
            return self.columns.row_of(event_id)
        except KeyError:
            return None

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
        for top, bottom in zip(self.lanes.top.tolist(), self.lanes.bottom.tolist()):
            y0, y1 = top * sy + ty, bottom * sy + ty
            lanes.append((min(y0, y1), max(y0, y1)))
        lane_h = abs(sy)  # an expanded lane of weight 1 is one unit high
        fm = self._metrics(self.style.font_px)  # cached with the style
        full_slot_h = max(fm.height() * 1.3, 2.0 * self.style.marker_px + 6)
        shrink = min(1.0, self.style.min_font_px / self.style.font_px)
        min_slot_h = max(2.0 * self.style.marker_px + 5, full_slot_h * shrink)

        def slots_of(h: float) -> tuple[int, int, float]:
            # sub-rows at full type, sub-rows at the smallest type, full sub-row height
            n = max(1, int((h - 8) // full_slot_h))
            return n, max(n, int((h - 8) // min_slot_h)), (h - 8) / n

        n_slots, compact_slots, slot_h = slots_of(lane_h)
        lane_slot_h: dict[int, float] = {}
        lane_font_px: dict[int, int] = {}
        a, b = vr.left(), vr.right()
        placements: list[Placement] = []
        density: dict[int, tuple[np.ndarray, np.ndarray]] = {}
        width_px = max(1.0, (b - a) * abs(sx))
        left_px, right_px = a * sx + tx, b * sx + tx
        sel_row = self._row_or_none(self.selected)
        per_slot = width_px / (_MARKER_SPACING * self.style.marker_px + _MARKER_GAP_PX)
        # only the lanes in the vertical view (10,000 tracks scroll: a screenful is laid out)
        vy0, vy1 = sorted((vr.top() * sy + ty, vr.bottom() * sy + ty))
        for lane in range(cols.n_lanes):
            if lane < len(lanes) and (lanes[lane][1] < vy0 or lanes[lane][0] > vy1):
                continue
            if self.lanes.collapsed[lane]:
                placements.extend(self._strip_placements(lane, a, b, sx, tx, width_px, density, sel_row))
                # one line through the strip's middle: top + 4 + 0.5 * (h - 8) = top + h / 2
                lane_slot_h[lane] = lanes[lane][1] - lanes[lane][0] - 8
                continue
            # lanes differ in height (lane_weights): sub-rows and capacity are the lane's own
            lane_px = lanes[lane][1] - lanes[lane][0] if lane < len(lanes) else lane_h
            ln_slots, ln_compact, ln_slot_h = slots_of(lane_px)
            if abs(ln_slot_h - slot_h) > 0.01:
                lane_slot_h[lane] = ln_slot_h
            capacity = ln_slots * per_slot
            idx = None
            if cols.count_markers(lane, a, b) <= capacity:  # O(log n) first, then O(visible)
                idx = cols.visible(lane, a, b)
            if idx is None or len(idx) > capacity:
                density[lane] = None  # counted below, all strips over the same bins at once
                if sel_row is not None and int(cols.lane[sel_row]) == lane and \
                        cols.x0[sel_row] <= b and cols.x1[sel_row] >= a:
                    idx = np.array([sel_row])
                else:
                    continue
            if len(idx) == 0:
                continue
            # spans are clipped to the view (plus a margin) so their labels
            # stay on screen; a point's possible interval is drawn faintly
            # and takes no room
            is_span = cols.kind[idx] == KIND_SPAN
            with np.errstate(invalid="ignore"):
                mx = cols.xm[idx] * sx + tx
                b0 = np.clip(cols.x0[idx] * sx + tx, left_px - 30, right_px + 30)
                b1 = np.clip(cols.x1[idx] * sx + tx, left_px - 30, right_px + 30)
            # an imprecise point whose marker is off screen but whose possible
            # interval is on it (deep zoom into its day) is laid out like a
            # span, so the faint bar on screen still carries its label
            off = ~is_span & ((mx < left_px) | (mx > right_px))
            as_bar = is_span | off
            # a bar that only touches the view (a date-only event's day ending
            # exactly at its left edge) shows nothing: no label pinned to the edge.
            # cols.visible stays inclusive; this drops what is drawn in zero width
            with np.errstate(invalid="ignore"):
                keep = ~(as_bar & ((cols.x1[idx] <= a) | (cols.x0[idx] >= b)))
            if not keep.all():
                idx, mx, b0, b1, as_bar, off = idx[keep], mx[keep], b0[keep], b1[keep], as_bar[keep], off[keep]
                if len(idx) == 0:
                    continue
            mx = np.where(as_bar, np.maximum(b0, left_px + 8), mx)
            # a point whose marker is off screen gets a label only inside its own faint bar
            # (room after the stand-in marker at the edge): a label running past the bar's end
            # would read as an event at that later time (11 Feb 00:00 for a day of 10 Feb)
            off_room = dict(zip(idx[off].tolist(), (b1[off] - (mx[off] + self.style.marker_px + 8)).tolist(),
                                strict=True))
            b0 = np.where(as_bar, b0, mx).tolist()
            b1 = np.where(as_bar, b1, mx).tolist()
            mx = mx.tolist()
            rows = idx.tolist()
            first = rows.index(sel_row) if sel_row in rows else None
            font_px = self.style.font_px
            lane_slots = ln_slots
            while True:
                cap = float(self.style.label_max_px) * font_px / self.style.font_px
                # the selected event's label is never capped: it is what the room is looking at
                # (measured in the bold type it is drawn in, so its box never covers its marker)
                widths = [self._selected_label_px(r, font_px) if r == sel_row
                          else min(self._label(r, font_px)[1], cap) for r in rows]
                if off_room:
                    widths = [w if r not in off_room else (min(w, off_room[r]) if off_room[r] >= font_px * 4 else 0.0)
                              for r, w in zip(rows, widths, strict=True)]
                if lane_px - 8 < min_slot_h:
                    # thinner than a line of the smallest type (dozens of tracks): markers
                    # only, as in a collapsed strip; hover and the detail pane name them
                    widths = [w if r == sel_row else 0.0 for r, w in zip(rows, widths)]
                placed = layout_lane(rows, mx, b0, b1, widths, lane_slots,
                                     marker_half=self.style.marker_px, gap=font_px * 0.8,
                                     min_label_px=font_px * 4, first=first,
                                     left_edge=left_px + 4, right_edge=right_px - 4,
                                     touch_px=max(0.5, sx * 1.0 + 0.01))  # one second
                if lane_slots >= ln_compact or not any(pl.overflow for pl in placed):
                    break
                # a crowd at one time: squeeze the lane (more, lower sub-rows and a
                # smaller font) rather than hide an event under another
                lane_slots += 1
                lane_slot_h[lane] = (lane_px - 8) / lane_slots
                font_px = max(self.style.min_font_px,
                              int(self.style.font_px * min(1.0, lane_slot_h[lane] / full_slot_h)))
                lane_font_px[lane] = font_px
            placements.extend(placed)
        images: dict[int, QImage] = {}
        if density:
            bins = max(1, int(width_px // _DENSITY_BIN_PX))
            strip_lanes = list(density)
            counts2d = cols.density_many(strip_lanes, a, b, bins)
            lefts = np.linspace(a, b, bins + 1)[:-1] * sx + tx
            images = self._density_images(strip_lanes, counts2d)
            density = {lane: (lefts, counts2d[i]) for i, lane in enumerate(strip_lanes)}
        frame = _Frame(key, lanes, slot_h, placements, density, sx, tx, left_px, right_px,
                       lane_slot_h=lane_slot_h, lane_font_px=lane_font_px)
        frame.density_images = images
        frame.stacks = [(lane, float(x * sx + tx), x + cols.origin_epoch_s, n)
                        for lane in density for x, n in largest_stacks(cols, lane, a, b, limit=6)]
        # one pass over the placements, then whole arrays (no per-event numpy scalars)
        cols_of = list(zip(*[(pl.row, pl.slot, pl.marker_x, pl.bar0, pl.bar1, pl.label_x, pl.label_width,
                              pl.overflow) for pl in placements])) or [()] * 8
        rows = np.array(cols_of[0], dtype=np.int64)
        lane_of = cols.lane[rows].astype(np.int64)
        tops = np.array([t for t, _ in lanes] or [0.0], dtype=float)
        lane_sh = np.full(max(1, cols.n_lanes), slot_h, dtype=float)
        for lane, h in lane_slot_h.items():
            lane_sh[lane] = h
        y = tops[lane_of] + 4 + (np.array(cols_of[1], dtype=float) + 0.5) * lane_sh[lane_of] \
            if len(rows) else np.zeros(0)
        frame.hit = {
            "row": rows,
            "x": np.array(cols_of[2], dtype=float),
            "y": y,  # as _slot_y
            "bar0": np.array(cols_of[3], dtype=float),
            "bar1": np.array(cols_of[4], dtype=float),
            "label_x": np.array(cols_of[5], dtype=float),
            "label_w": np.array(cols_of[6], dtype=float),
            "overflow": np.array(cols_of[7], dtype=bool),
            "lane": lane_of,
        }
        self._frame = frame
        return frame

    def _density_images(self, lanes: list[int], counts: np.ndarray) -> dict[int, QImage]:
        """Per lane a 1-pixel-high ARGB strip, one texel a bin: the lane's colour
        with alpha 60..255 growing with log(1 + count) (relative to the lane's
        busiest bin); empty bins transparent.  ``counts`` has one row per lane;
        all strips are coloured in one pass of whole-array arithmetic."""
        n, bins = counts.shape
        peak = np.array([max(math.log1p(float(row.max())) if bins else 0.0, 1e-9) for row in counts])
        alpha = np.where(counts > 0, 60 + 195 * np.log1p(counts) / peak[:, None], 0).astype(np.uint32)
        rgb = np.array([(c.red(), c.green(), c.blue()) for c in (QColor(self._track_color(lane)) for lane in lanes)],
                       dtype=np.uint32).reshape(n, 3)
        r, g, b = (rgb[:, k:k + 1] for k in range(3))
        argb = (alpha << 24) | ((r * alpha // 255) << 16) | ((g * alpha // 255) << 8) | (b * alpha // 255)
        data = np.ascontiguousarray(argb, dtype=np.uint32).tobytes()  # alive until the copies are made
        whole = QImage(data, bins, n, bins * 4, QImage.Format.Format_ARGB32_Premultiplied)
        return {lane: whole.copy(0, i, bins, 1) for i, lane in enumerate(lanes)}  # each owns its pixels

    def _strip_placements(self, lane: int, a: float, b: float, sx: float, tx: float, width_px: float,
                          density: dict, sel_row: int | None) -> list[Placement]:
        """A collapsed lane: its events as markers (and bars) on one line without
        labels, or a density strip (plus the selected event) when they do not fit."""
        cols = self.columns
        r = self.style.marker_px
        capacity = width_px / (_MARKER_SPACING * r + _MARKER_GAP_PX)
        if cols.count_markers(lane, a, b) <= capacity:
            idx = cols.visible(lane, a, b)
        else:
            idx = None
        if idx is None or len(idx) > capacity:
            bins = max(1, int(width_px // _DENSITY_BIN_PX))
            density[lane] = (np.linspace(a, b, bins + 1)[:-1] * sx + tx, cols.density(lane, a, b, bins))
            idx = [sel_row] if sel_row is not None and int(cols.lane[sel_row]) == lane else []
        left_px, right_px = a * sx + tx, b * sx + tx
        out = []
        for row in np.asarray(idx, dtype=np.int64).tolist():
            with np.errstate(invalid="ignore"):
                mx = float(cols.xm[row] * sx + tx)
                b0 = float(np.clip(cols.x0[row] * sx + tx, left_px - 30, right_px + 30))
                b1 = float(np.clip(cols.x1[row] * sx + tx, left_px - 30, right_px + 30))
            if cols.kind[row] != KIND_SPAN:
                b0 = b1 = mx
            out.append(Placement(row, 0, mx, b0, b1, mx, 0.0))
        return out

    def _slot_y(self, frame: _Frame, row: int, slot: int) -> float:
        lane = int(self.columns.lane[row])
        if self.lanes.collapsed[lane]:
            return sum(frame.lanes[lane]) / 2
        top = frame.lanes[lane][0]
        return top + 4 + (slot + 0.5) * frame.slot_h_of(lane)

    def _track_color(self, lane: int) -> str:
        """A lane's colour: the track's (own or given, :func:`~viewer.model.timeline.track_colours`),
        unless the style has a palette."""
        return self.style.track_color(lane, self.timeline.track_colours[lane])

    # -- painting ------------------------------------------------------
    def _paint_lanes(self, p: QPainter, frame: _Frame) -> None:
        # the plot's left and right edges in the painter's device pixels (the frame's, from the
        # painter's transform): the view's own device (vb.mapRectToDevice) is wrong when the scene
        # is rendered elsewhere, e.g. into an exported picture with margins, where stripes and
        # shading would land a margin to the left (the stripes clipped away entirely)
        rect = QRectF(frame.left_px, 0.0, frame.right_px - frame.left_px, 0.0)
        p.setPen(Qt.PenStyle.NoPen)
        shade = self.style.lane_shade_overlay()  # translucent: bands below stay visible
        clip = p.clipBoundingRect() if p.hasClipping() else QRectF()
        lo, hi = (clip.top(), clip.bottom()) if not clip.isEmpty() else (-math.inf, math.inf)
        shown = [(i, top, bottom) for i, (top, bottom) in enumerate(frame.lanes) if bottom >= lo and top <= hi]
        for i, top, bottom in shown:
            if i % 2 == 1:
                p.fillRect(QRectF(rect.left(), top, rect.width(), bottom - top), shade)
            p.fillRect(QRectF(rect.left(), top + 2, 5, bottom - top - 4), QColor(self._track_color(i)))
        p.setPen(QPen(self.style.color("lane_rule"), 1))
        last = len(frame.lanes) - 1
        for i, _top, bottom in shown:
            if i < last:
                p.drawLine(QPointF(rect.left(), bottom), QPointF(rect.right(), bottom))

    def _paint_density(self, p: QPainter, frame: _Frame) -> None:
        """Each density strip as one stretched image (nearest-neighbour: crisp bins)."""
        p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, False)
        for lane, (lefts, counts) in frame.density.items():
            img = (frame.density_images or {}).get(lane)
            if img is None or not np.any(counts):
                continue
            top, bottom = frame.lanes[lane]
            w = float(lefts[1] - lefts[0]) if len(lefts) > 1 else float(_DENSITY_BIN_PX)
            inset = min(6.0, (bottom - top) * 0.2)  # a collapsed strip keeps most of its height
            p.drawImage(QRectF(float(lefts[0]), top + inset, w * len(counts), bottom - top - 2 * inset), img)

    def _paint_events(self, p: QPainter, frame: _Frame) -> None:
        """Bars and faint intervals batched per lane (``drawRects``), markers
        stamped from cached pixmaps, then labels; the selected and hovered
        events are drawn on their own, on top.  Events dimmed by
        :meth:`set_emphasis` are drawn first, at low opacity."""
        cols = self.columns
        hit = frame.hit or {}
        rows = hit.get("row", np.zeros(0, np.int64))
        sel_row = hov_row = -1
        for eid, name in ((self.selected, "sel"), (self.hovered, "hov")):
            if eid is not None:
                try:
                    row_k = cols.row_of(eid)
                except KeyError:
                    row_k = -1
                if name == "sel":
                    sel_row = row_k
                else:
                    hov_row = row_k
        if self.emphasis is not None and len(rows):
            lit = self.emphasis[rows] | (rows == sel_row)
            groups = [(np.nonzero(~lit)[0], _DIM_OPACITY), (np.nonzero(lit)[0], 1.0)]
        else:
            groups = [(np.arange(len(rows)), 1.0)]
        for ks, opacity in groups:
            if len(ks):
                p.setOpacity(opacity)
                self._paint_group(p, frame, ks, sel_row, hov_row)
        p.setOpacity(1.0)
        self._paint_overflow(p, frame)

    def _paint_group(self, p: QPainter, frame: _Frame, ks: np.ndarray, sel_row: int, hov_row: int) -> None:
        """Paint the placements ``frame.placements[k]`` for ``k`` in ``ks``."""
        cols = self.columns
        r = float(self.style.marker_px)
        text_color = self.style.color("text")
        faint: dict[int, list[QRectF]] = {}
        bars: dict[int, tuple[list[QRectF], list[QRectF]]] = {}
        stamps: list[tuple[QPixmap, QPointF]] = []
        vectors: list[tuple[float, float, int, int]] = []
        special = []
        h = self.style.marker_px * 1.3
        hit = frame.hit or {}
        rows = hit["row"][ks]
        sx, tx = frame.sx, frame.tx
        flags_l = self._draw_flags[rows].tolist()
        lane_l = cols.lane[rows].tolist()
        span_l = (cols.kind[rows] == KIND_SPAN).tolist()
        y_l = hit["y"][ks].tolist()
        placements = [frame.placements[k] for k in ks.tolist()]
        engine = p.paintEngine()
        # SVG and PDF exports get vector markers, screens stamped pixmaps
        vector = engine is not None and engine.type() in (QPaintEngine.Type.SVG, QPaintEngine.Type.Pdf)
        lo_px, hi_px = self._bar_limits(frame, engine)
        # sort the events into what is drawn for them with whole-array masks;
        # Python then only builds the rectangles and stamps
        flags_a = self._draw_flags[rows]
        span_a = cols.kind[rows] == KIND_SPAN
        special_a = (rows == sel_row) | (rows == hov_row)
        open_a = (flags_a & (FLAG_OPEN_START | FLAG_OPEN_END)) != 0
        imprecise_a = ~span_a & ((flags_a & FLAG_IMPRECISE) != 0) & ~special_a
        with np.errstate(invalid="ignore"):
            x0_a = cols.x0[rows] * sx + tx
            x1_a = cols.x1[rows] * sx + tx
            tx_a = cols.xm[rows] * sx + tx
            fx0, fx1 = np.maximum(x0_a, lo_px), np.minimum(x1_a, hi_px)
            faint_a = imprecise_a & ~open_a & (fx1 - fx0 > 2 * r)
            closed_a = span_a & ~open_a & ~special_a
            bx1 = np.minimum(np.maximum(x1_a, x0_a + 3), hi_px)  # zero-length spans stay visible
            bx0 = np.maximum(x0_a, lo_px)
            so0 = np.maximum(cols.solid0[rows] * sx + tx, bx0)
            so1 = np.minimum(cols.solid1[rows] * sx + tx, bx1)
            marker_a = ~span_a & ~special_a & (frame.left_px - 2 * r <= tx_a) & (tx_a <= frame.right_px + 2 * r)
        true_x = tx_a.tolist()
        # whiskers and open-ended bars are drawn at once, in placement order
        for k in np.nonzero((imprecise_a | (span_a & ~special_a)) & open_a)[0].tolist():
            lane, flags, y = lane_l[k], flags_l[k], y_l[k]
            if span_l[k]:
                self._span_bar(p, int(rows[k]), frame, y, QColor(self._track_color(lane)), flags, False)
            else:
                self._whisker(p, float(fx0[k]), float(fx1[k]), y, QColor(self._track_color(lane)), flags)
        for k in np.nonzero(faint_a)[0].tolist():
            x0 = float(fx0[k])
            faint.setdefault(lane_l[k], []).append(QRectF(x0, y_l[k] - r * 1.2, float(fx1[k]) - x0, 2.4 * r))
        draft_rects: list[QRectF] = []
        for k in np.nonzero(closed_a)[0].tolist():
            x0, x1, y = float(bx0[k]), float(bx1[k]), y_l[k]
            f_list, s_list = bars.setdefault(lane_l[k], ([], []))
            f_list.append(QRectF(x0, y - h / 2, x1 - x0, h))
            if flags_l[k] & _DRAFT:
                draft_rects.append(QRectF(x0 - 2, y - h / 2 - 2, x1 - x0 + 4, h + 4))
            s0, s1 = float(so0[k]), float(so1[k])
            if s1 > s0:
                s_list.append(QRectF(s0, y - h / 2, s1 - s0, h))
        # the marker at its true time; a laid-out-as-bar point has it off screen
        pixmaps = self._pixmaps
        for k in np.nonzero(marker_a)[0].tolist():
            lane, flags, y = lane_l[k], flags_l[k], y_l[k]
            if vector:
                vectors.append((true_x[k], y, lane, flags))
                continue
            pm = pixmaps.get((lane, flags, self._dpr))
            if pm is None:
                pm = pixmaps[(lane, flags, self._dpr)] = self._marker_pixmap(lane, flags)
            half = pm.deviceIndependentSize().width() / 2
            stamps.append((pm, QPointF(true_x[k] - half, y - half)))
        special = [(placements[k], y_l[k], true_x[k]) for k in np.nonzero(special_a)[0].tolist()]
        p.setPen(Qt.PenStyle.NoPen)
        for lane, rects in faint.items():
            c = QColor(self._track_color(lane))
            c.setAlpha(45)
            p.setBrush(c)
            p.drawRects(rects)
        for lane, (f_list, s_list) in bars.items():
            c = QColor(self._track_color(lane))
            c.setAlpha(70)
            p.setBrush(c)
            p.drawRects(f_list)
            if s_list:
                c.setAlpha(210)
                p.setBrush(c)
                p.drawRects(s_list)
        if draft_rects:
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.setPen(self._draft_pen())
            p.drawRects(draft_rects)
            p.setPen(Qt.PenStyle.NoPen)
        for pm, at in stamps:
            p.drawPixmap(at, pm)
        for x, y, lane, flags in vectors:
            self._marker(p, x, y, r, QColor(self._track_color(lane)), flags, False, False, lane)
        # the selected (and hovered) event last, so nothing is painted over it
        special.sort(key=lambda item: item[0].row == sel_row)
        for pl, y, tx_true in special:
            row = pl.row
            flags = int(self._draw_flags[row])
            lane = int(cols.lane[row])
            color = QColor(self._track_color(lane))
            selected = row == sel_row
            if cols.kind[row] != KIND_SPAN and flags & FLAG_IMPRECISE:
                x0 = max(cols.x0[row] * frame.sx + frame.tx, lo_px)
                x1 = min(cols.x1[row] * frame.sx + frame.tx, hi_px)
                fc = QColor(color)
                fc.setAlpha(70 if selected else 45)
                if flags & (FLAG_OPEN_START | FLAG_OPEN_END):
                    self._whisker(p, x0, x1, y, color, flags)
                elif x1 - x0 > 2 * r:
                    p.fillRect(QRectF(x0, y - r * 1.2, x1 - x0, 2.4 * r), fc)
            if cols.kind[row] == KIND_SPAN:
                self._span_bar(p, row, frame, y, color, flags, selected)
            elif frame.left_px - 2 * r <= tx_true <= frame.right_px + 2 * r:
                self._marker(p, tx_true, y, r, color, flags, selected, row == hov_row, lane)
        # labels, the selected one last
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

    def drawn_heaped(self, row: int) -> bool:
        """True when ``row``'s marker is drawn on top of others in the last
        frame: its lane is a density strip, or an event at its marker's
        position could not get a sub-row of its own (``+N``)."""
        frame = self._frame
        if frame is None:
            return False
        lane = int(self.columns.lane[row])
        if lane in frame.density:
            return True
        hit = frame.hit or {}
        over = hit.get("overflow")
        if over is None or not over.any() or not frame.sx:
            return False
        x = float(self.columns.xm[row]) * frame.sx + frame.tx
        return bool(np.any(over & (hit["lane"] == lane) & (np.abs(hit["x"] - x) < 1.0)))

    def stack_label(self, epoch_s: float, count: int, span_s: float) -> str:
        """``"5,000 at 10:00"`` in the display zone (with the date when the view spans days)."""
        local = epoch_s + self.local_offset(epoch_s)
        precision = Precision.SECOND if local % 60 else Precision.MINUTE
        when = format_instant(local, precision)
        if span_s < 2 * 86400:
            when = when.rsplit(" ", 1)[-1]  # the axis names the day
        return stack_text(count, when)

    def _paint_stacks(self, p: QPainter, frame: _Frame) -> None:
        """Label the largest same-instant stacks of density strips with their
        count (``5,000 at 10:00``): drawn on top of each other, they would
        otherwise look like one event.  Labels that would cover one another
        are left out (largest first); hovering names the stack too."""
        if not frame.stacks or not frame.sx:
            return
        font = self._font(max(9, int(self.style.font_px * 0.8)), bold=True)
        fm = self._metrics_of(font)
        p.setFont(font)
        span_s = abs((frame.right_px - frame.left_px) / frame.sx)
        taken: list[tuple[int, float, float]] = []
        for lane, x, epoch_s, n in frame.stacks:
            text = self.stack_label(epoch_s, n, span_s)
            w = fm.horizontalAdvance(text) + 8
            left = min(max(x + 4, frame.left_px), frame.right_px - w)
            if any(ln == lane and left < right and left + w > lft for ln, lft, right in taken):
                continue
            taken.append((lane, left, left + w))
            top = frame.lanes[lane][0]
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(self.style.color("label_box", 230))
            p.drawRoundedRect(QRectF(left, top + 2, w, fm.height() + 2), 4, 4)
            p.setPen(self.style.color("text"))
            p.drawText(QRectF(left + 4, top + 3, w - 8, fm.height()), int(Qt.AlignmentFlag.AlignLeft), text)

    def _paint_overflow(self, p: QPainter, frame: _Frame) -> None:
        """A ``+N`` badge where N events could not get a sub-row of their own
        (drawn over others: hover or zoom in to separate them)."""
        hit = frame.hit or {}
        over = hit.get("overflow")
        if over is None or not over.any():
            return
        r = self.style.marker_px
        # groups of overflowing events by lane and 3r-pixel bin, in order of first appearance
        xs = hit["x"][over]
        key = hit["lane"][over] * (1 << 40) + np.floor(xs / (3 * r)).astype(np.int64)
        uniq, first, inverse, count = np.unique(key, return_index=True, return_inverse=True,
                                                return_counts=True)
        lo = np.full(len(uniq), np.inf)
        np.minimum.at(lo, inverse, xs)
        lanes = hit["lane"][over][first]
        font = self._font(max(9, int(self.style.font_px * 0.7)), bold=True)
        fm = self._metrics_of(font)
        p.setFont(font)
        box_color, text_color = self.style.color("text"), self.style.color("label_box")
        box_h = fm.height() + 2
        badges: dict[int, tuple[float, QStaticText]] = {}
        lo_l, count_l, lane_l = lo.tolist(), count.tolist(), lanes.tolist()
        engine = p.paintEngine()
        stamp = engine is None or engine.type() not in (QPaintEngine.Type.SVG, QPaintEngine.Type.Pdf)
        p.setBrush(box_color)

        def badge_of(n: int) -> tuple[float, QStaticText]:
            badge = badges.get(n)
            if badge is None:
                text = f"+{n}"
                badge = badges[n] = (fm.horizontalAdvance(text) + 8, self._static_text(text, font, True))
            return badge

        # neighbouring badges of a lane that would touch become one (their counts
        # add up), left to right: badges never cover each other
        merged: list[list] = []  # [lane, anchor x, count, right edge]
        for g in sorted(range(len(lo_l)), key=lambda k: (lane_l[k], lo_l[k])):
            lane, x, n = lane_l[g], lo_l[g], count_l[g]
            w = badge_of(n)[0]
            if merged and merged[-1][0] == lane and x - w / 2 < merged[-1][3] + 2:
                m = merged[-1]
                m[2] += n
                m[3] = m[1] + badge_of(m[2])[0] / 2
            else:
                merged.append([lane, x, n, x + w / 2])
        frame.badges = []  # (lane, left, width, count) as drawn, device pixels
        for lane, x, n, _right in merged:
            top = frame.lanes[lane][0]
            w, st = badge_of(n)
            left = x - w / 2
            frame.badges.append((lane, left, w, n))
            if stamp:  # screens: the badge drawn once per count, then stamped
                key = ("badge", n, font.pixelSize(), self._dpr)
                pm = self._pixmaps.get(key)
                if pm is None:
                    pm = self._pixmaps[key] = self._badge_pixmap(w, box_h, st, font, box_color, text_color,
                                                                 self._dpr)
                p.drawPixmap(QPointF(left - 1, top), pm)
                continue
            p.setPen(Qt.PenStyle.NoPen)
            p.drawRoundedRect(QRectF(left, top + 1, w, box_h), 4, 4)
            p.setPen(text_color)
            p.drawStaticText(QPointF(left + 4, top + 2), st)  # centred in the box

    @staticmethod
    def _badge_pixmap(w: float, h: float, st: QStaticText, font, box_color: QColor, text_color: QColor,
                      dpr: float = 1.0) -> QPixmap:
        """A ``+N`` badge (rounded box, centred text) with a 1-pixel margin, at ``dpr`` device pixels a pixel."""
        img = QImage(int(math.ceil((math.ceil(w) + 2) * dpr)), int(math.ceil((math.ceil(h) + 2) * dpr)),
                     QImage.Format.Format_ARGB32_Premultiplied)
        img.setDevicePixelRatio(dpr)
        img.fill(0)
        q = QPainter(img)
        q.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        q.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        q.setPen(Qt.PenStyle.NoPen)
        q.setBrush(box_color)
        q.drawRoundedRect(QRectF(1, 1, w, h), 4, 4)
        q.setFont(font)
        q.setPen(text_color)
        q.drawStaticText(QPointF(5, 2), st)
        q.end()
        return QPixmap.fromImage(img)

    def _marker_pixmap(self, lane: int, flags: int) -> QPixmap:
        """The marker of an unselected, unhovered point, drawn once per
        (lane colour, hollow or filled, size) and stamped from then on."""
        color = self._track_color(lane)
        r = float(self.style.marker_px)
        side = int(2 * r + (12 if flags & _DRAFT else 6))  # a draft's dotted ring needs room
        dpr = self._dpr
        # drawn at the screen's device pixel ratio: a 1x pixmap stamped on a 2x screen looks blocky
        img = QImage(int(math.ceil(side * dpr)), int(math.ceil(side * dpr)), QImage.Format.Format_ARGB32_Premultiplied)
        img.setDevicePixelRatio(dpr)
        img.fill(0)
        q = QPainter(img)
        q.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        self._marker(q, side / 2, side / 2, r, QColor(color), flags, False, False, lane)
        q.end()
        return QPixmap.fromImage(img)

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
        rect = QRectF(x0, y - 2, x1 - x0, 4)
        if flags & FLAG_OPEN_START:
            fill_fade(p, rect, color, 0, 170)
        else:
            fill_fade(p, rect, color, 170, 0)

    @staticmethod
    def _bar_limits(frame: _Frame, engine) -> tuple[float, float]:
        """Where bars are cut, device pixels: past the view's edges on screen
        (the view clips; an open side's fade lies beyond the edge), exactly at
        them in an SVG, which Qt's SVG writer cannot clip."""
        if engine is not None and engine.type() == QPaintEngine.Type.SVG:
            return frame.left_px, frame.right_px
        return frame.left_px - _FADE_PX - 10, frame.right_px + _FADE_PX + 10

    def _span_bar(self, p: QPainter, row: int, frame: _Frame, y: float, color: QColor,
                  flags: int, selected: bool) -> None:
        """A span: solid where certain (latest possible start to earliest
        possible end), faint where its start or end could be, fading out over
        ``_FADE_PX`` at an open (unknown) side, which runs to the view's edge."""
        cols = self.columns
        lo, hi = self._bar_limits(frame, p.paintEngine())
        with np.errstate(invalid="ignore"):
            x0 = cols.x0[row] * frame.sx + frame.tx
            x1 = max(cols.x1[row] * frame.sx + frame.tx, x0 + 3)  # zero-length spans stay visible
            s0 = cols.solid0[row] * frame.sx + frame.tx
            s1 = cols.solid1[row] * frame.sx + frame.tx
        x0, x1 = max(x0, lo), min(x1, hi)  # far-off ends are drawn at the view's margin
        s0, s1 = max(s0, x0), min(s1, x1)
        h = self.style.marker_px * 1.3
        faint = QColor(color)
        faint.setAlpha(70)
        solid = QColor(color)
        solid.setAlpha(210)
        p.setPen(Qt.PenStyle.NoPen)
        top = y - h / 2
        m0 = min(x0 + _FADE_PX, x1) if flags & FLAG_OPEN_START else x0
        m1 = max(x1 - _FADE_PX, m0) if flags & FLAG_OPEN_END else x1
        if m0 > x0:  # fade in from nothing at an unknown start
            fill_fade(p, QRectF(x0, top, m0 - x0, h), color, 0, faint.alpha())
        if x1 > m1:  # fade out towards an unknown end
            fill_fade(p, QRectF(m1, top, x1 - m1, h), color, faint.alpha(), 0)
        p.fillRect(QRectF(m0, top, m1 - m0, h), faint)
        if min(s1, m1) > max(s0, m0):
            p.fillRect(QRectF(max(s0, m0), top, min(s1, m1) - max(s0, m0), h), solid)
        if flags & _DRAFT:
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.setPen(self._draft_pen())
            p.drawRect(QRectF(x0 - 2, top - 2, x1 - x0 + 4, h + 4))
        if selected:
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.setPen(QPen(self.style.color("selection"), 2))
            p.drawRect(QRectF(x0 - 2, top - 2, x1 - x0 + 4, h + 4))

    def _draft_pen(self) -> QPen:
        """The dotted outline of an unreviewed draft (2 px dots, 2 px apart), in the text colour."""
        pen = QPen(self.style.color("text"), 2)
        pen.setCapStyle(Qt.PenCapStyle.FlatCap)
        pen.setDashPattern([1.0, 1.0])
        return pen

    def _marker(self, p: QPainter, x: float, y: float, r: float, color: QColor, flags: int,
                selected: bool, hovered: bool, lane: int = -1) -> None:
        """One point marker: the lane's shape (a diamond unless the style shapes
        lanes), filled when the date is known to the day or better, hollow
        when it is uncertain, approximate, open or coarser than a day."""
        poly = marker_polygon(self.style.track_shape(lane), x, y, r)
        hollow = bool(flags & _HOLLOW)
        if selected:
            p.setPen(QPen(self.style.color("selection"), 3))
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawEllipse(QPointF(x, y), r + 5, r + 5)
        pen = QPen(color.darker(self.style.outline_darker) if not hovered else QColor(self.style.selection),
                   self.style.outline_px)
        if flags & _AFTER_SOURCE:  # still to come when the source was written: a dashed outline
            pen.setCapStyle(Qt.PenCapStyle.FlatCap)
            pen.setDashPattern([1.5, 1.5])  # 3 px on, 3 px off at width 2
        p.setPen(pen)
        p.setBrush(self.style.color("hollow_fill") if hollow else color)
        p.drawPolygon(poly)
        if flags & _DRAFT:  # an unreviewed draft: a dotted ring around the marker
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.setPen(self._draft_pen())
            p.drawEllipse(QPointF(x, y), r + 3, r + 3)

    # -- hit testing ---------------------------------------------------
    def event_at(self, device_pos: QPointF, tolerance_px: float = 4.0) -> str | None:
        """Id of the event drawn at a point in device (view widget) pixels.

        Markers (and span bars) win over labels; among markers the nearest
        one.  In a lane drawn as a density strip, the event whose marker
        position is nearest to the point (within the tolerance plus one bin)
        is returned; failing that, a date-only event whose day (possible
        interval) contains the point, as the strip spreads those over it
        (:meth:`~viewer.model.columns.EventColumns.density`).  Uses the
        layout of the last painted frame; O(events drawn) with numpy, plus
        O(log n) in a density strip (and O(events whose interval overlaps
        the point) for the fallback).
        """
        frame = self._frame
        if frame is None or frame.hit is None:
            return None
        x, y = device_pos.x(), device_pos.y()
        r = self.style.marker_px + tolerance_px
        hit = frame.hit
        if len(hit["row"]):
            fm_h = self._metrics(self.style.font_px).height()  # mouse move: no new font objects
            dy = np.abs(y - hit["y"])
            dx = np.abs(x - hit["x"])
            near_y = dy <= r
            on_marker = near_y & (dx <= r)
            on_bar = near_y & (hit["bar0"] - 2 <= x) & (x <= hit["bar1"] + 2)
            on_label = (dy <= max(r, fm_h / 2 + 2)) & (hit["label_w"] > 0) & (hit["label_x"] <= x) & (
                x <= hit["label_x"] + hit["label_w"])
            score = np.where(on_marker, dx, np.where(on_bar, r + 1, np.where(on_label, r + 2, np.inf)))
            k = int(np.argmin(score))
            if np.isfinite(score[k]):
                return self.columns.ids[int(hit["row"][k])]
        for lane, (lefts, _counts) in frame.density.items():
            top, bottom = frame.lanes[lane]
            if top <= y <= bottom and frame.sx:
                bin_px = float(lefts[1] - lefts[0]) if len(lefts) > 1 else float(_DENSITY_BIN_PX)
                x_data = (x - frame.tx) / frame.sx
                row = self.columns.nearest(lane, x_data, max_dx=(r + bin_px) / abs(frame.sx))
                if row < 0:  # the strip there shows date-only events spread over their day
                    row = self.columns.covering(lane, x_data)
                return self.columns.ids[row] if row >= 0 else None
        return None

    def marker_position(self, event_id: str) -> QPointF | None:
        """Device-pixel centre of an event's marker in the last frame, if drawn."""
        frame = self._frame
        if frame is None or frame.hit is None:
            return None
        try:
            row = self.columns.row_of(event_id)
        except KeyError:
            return None
        k = np.nonzero(frame.hit["row"] == row)[0]
        if not len(k):
            return None
        return QPointF(float(frame.hit["x"][k[0]]), float(frame.hit["y"][k[0]]))
