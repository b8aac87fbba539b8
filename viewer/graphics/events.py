"""The event layer: all lanes of a timeline in one pyqtgraph item.

Follows pyqtgraph's own items (``BarGraphItem``, ``PlotDataItem``): a cached
``boundingRect``, work only for the visible slice of each lane (found by
``searchsorted`` in :class:`~viewer.model.columns.EventColumns`), batched
drawing, and a layout recomputed only when the view range, the view size or
the selection changed.  Painting happens in device pixels (the painter's
transform is reset after mapping), so markers and text keep their size at
every zoom.

What a frame shows (visible events, which lanes are density strips, where
markers, bars, labels and ``+N`` badges go, what a point hits) is computed
without Qt in :mod:`viewer.graphics.frame`; markers, bars, fades and badges
are drawn by :mod:`viewer.graphics.marks`, label text comes from
:mod:`viewer.graphics.event_text`.  This item measures text, keeps the
caches and paints.

Level of detail: a lane with more visible events than fit is drawn as a
density strip (events per 2-pixel bin, darker = more; a date-only event is
spread over its day, fractionally), so the cost depends on the width of the
view, not on the number of events.  Zooming in switches the lane back to
markers.  Markers are stamped from cached pixmaps, bars and faint intervals
drawn with one ``drawRects`` per lane, labels with ``QStaticText``: a frame
costs O(visible events, capped by the screen width).
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFontMetricsF,
    QImage,
    QPaintEngine,
    QPainter,
    QPen,
    QPixmap,
    QStaticText,
)

from ..model.columns import (
    FLAG_HALF_KNOWN,
    FLAG_IMPRECISE,
    FLAG_OPEN_END,
    FLAG_OPEN_START,
    KIND_SPAN,
)
from ..model.lanes import LaneGeometry, lane_geometry
from ..model.planned_end import planned_end_rows
from ..model.timeline import Timeline
from .event_text import EventText, elide_label, label_text
from .frame import DENSITY_BIN_PX as _DENSITY_BIN_PX
from .frame import Frame as _Frame
from .frame import (
    FrameMetrics,
    ViewPx,
    compute_frame,
    heaped,
    hidden_crowd,
    match_density,
    merge_badges,
    place_badges,
    row_at,
)
from .marks import AFTER_SOURCE as _AFTER_SOURCE
from .marks import DRAFT as _DRAFT
from .marks import HAND_EDITED as _HAND_EDITED
from .marks import (
    badge_pixmap,
    bar_limits,
    density_images,
    draft_margin,
    draft_pen,
    draw_marker,
    fill_fade,
    marker_pixmap,
    span_bar,
    whisker,
)
from .style import TimelineStyle, layer_bounds

__all__ = ["EventLayerItem", "label_text", "elide_label", "fill_fade", "draw_flags"]

_DIM_OPACITY = 0.22  #: opacity of events dimmed by ``set_emphasis`` (search non-matches)


def draw_flags(timeline: Timeline) -> np.ndarray:
    """The date flags of each row of ``timeline.columns``, plus "planned" (after
    the source's date or described as planned by it: dashed hollow marker),
    "draft" (dotted outline) and "date edited by hand" (said in the label):
    int64 (N,).  O(N) numpy, kept with the timeline,
    so a thread that derives one can compute it before the layer is made."""
    cached: np.ndarray | None = timeline.__dict__.get("_draw_flags")
    if cached is None:
        flags = timeline.columns.flags.astype(np.int64)
        cached = np.where(timeline.planned_rows(), flags | _AFTER_SOURCE, flags)
        cached |= np.where(timeline.drafts(), _DRAFT, 0)
        cached |= np.where(timeline.hand_edits(), _HAND_EDITED, 0)
        timeline.__dict__["_draw_flags"] = cached
    return cached



class EventLayerItem(EventText, pg.GraphicsObject):
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

    sigFrameComputed = Signal()  # a new frame was laid out (what is drawn one by one, what as strips, changed)

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
        self._stack_places: dict[tuple, dict[int, tuple[str, float, float]]] = {}
        self.drawn_labels: list[tuple[str, QRectF]] = []  # (text, device rect) of the last paint's labels
        self.drawn_stack_labels: list[str] = []  # the last paint's stack counts, as drawn
        #: the last paint's density strips with a search's matches marked: lane -> bins holding a match
        self.drawn_match_bins: dict[int, int] = {}
        self.drawn_stack_rects: list[tuple[str, QRectF]] = []  # ... with their boxes, device px
        #: the last paint's hatched (planned) ends of spans: (event id, device x from, to, y)
        self.drawn_planned: list[tuple[str, float, float, float]] = []
        self._pixmaps: dict[tuple, QPixmap] = {}  # (lane, flags, device pixel ratio) -> marker; badges
        self._dpr = 1.0  # device pixel ratio of the last paint
        self._fm: QFontMetricsF | None = None
        self._fm_px = 0
        self._fonts: dict[tuple[int, bool, str], object] = {}
        self._bounds = layer_bounds(self.columns)
        self._planned: dict[int, tuple[float, float]] | None = None  # _planned_rows, kept per timeline
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
        self._draw_flags = draw_flags(timeline)  # planned and draft marks, as at creation
        self._bounds = layer_bounds(self.columns)
        self._planned = None  # another timeline: its planned ends are found again
        self._text_cache.clear()
        self.forget_stack_places()
        self._frame = None
        self.update()

    def set_style(self, style: TimelineStyle) -> None:
        """Replace the style (fonts scale with the window) and repaint."""
        self.style = style
        self._text_cache.clear()
        self.forget_stack_places()
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
        if mask is self.emphasis:
            return  # the same answer again (a new query, before its own answer): nothing to redraw
        if mask is not None:
            mask = np.asarray(mask, dtype=bool)
            if mask.shape != (len(self.columns),):
                raise ValueError(f"emphasis mask must have shape ({len(self.columns)},), got {mask.shape}")
        self.emphasis = mask
        self.update()

    def forget_matches(self) -> None:
        """Count the search's matches in the strips again (the columns learnt them: a store's
        answer) and repaint."""
        if self._frame is not None:
            self._frame.match_density = None
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
        self.drawn_stack_labels = []
        self.drawn_stack_rects = []
        self.drawn_planned = []
        self._paint_lanes(p, frame)
        self._paint_density(p, frame)
        self._paint_stacks(p, frame)
        self._paint_events(p, frame)
        p.restore()

    # -- geometry ------------------------------------------------------
    def _row_or_none(self, event_id: str | None) -> int | None:
        """Row of a drawn event id, None if it is None or not drawn (O(1); never a scan of the ids)."""
        if not event_id:
            return None
        try:
            return self.columns.row_of(event_id)
        except KeyError:
            return None

    def label_px(self, row: int, font_px: int) -> float:
        """Full width in pixels of ``row``'s label at ``font_px`` (for :func:`~viewer.graphics.frame.compute_frame`)."""
        return self._label(row, font_px)[1]

    def selected_label_px(self, row: int, font_px: int) -> float:
        """Width in pixels of ``row``'s label in the selection's bold type."""
        return self._selected_label_px(row, font_px)

    def _compute_frame(self, vb: pg.ViewBox, tr, device_w: int) -> _Frame:
        vr = vb.viewRect()
        size = vb.size()
        key = (vr.left(), vr.right(), vr.top(), vr.bottom(), size.width(), size.height(),
               self.selected, self.style.font_px, tr.m11(), tr.m31(), tr.m22(), tr.m32())
        if self._frame is not None and self._frame.key == key:
            return self._frame
        view = ViewPx(vr.left(), vr.right(), vr.top(), vr.bottom(), tr.m11(), tr.m31(), tr.m22(), tr.m32())
        style = self.style
        metrics = FrameMetrics(style.font_px, style.min_font_px, style.marker_px, style.label_max_px,
                               self._metrics(style.font_px).height(),  # cached with the style
                               style.whole_labels)
        frame = compute_frame(key, self.columns, self.lanes, view, metrics, self,
                              self._row_or_none(self.selected))
        images: dict[int, QImage] = {}
        if frame.density:
            strip_lanes = list(frame.density)
            images = self._density_images(strip_lanes, np.stack([frame.density[ln][1] for ln in strip_lanes]))
        frame.density_images = images
        self._frame = frame
        self.sigFrameComputed.emit()
        return frame

    def strips_shown(self) -> tuple[list[str], float] | None:
        """What the last frame drew as density strips: ``(track ids, plot
        width in device pixels)``, or None before a frame.  A thread deriving
        another timeline of these tracks counts them ahead
        (:func:`~viewer.graphics.frame.warm_frame`)."""
        frame = self._frame
        if frame is None or not frame.density:
            return None
        tracks = self.timeline.tracks
        return [tracks[lane].id for lane in frame.density if lane < len(tracks)], frame.right_px - frame.left_px

    def _density_images(self, lanes: list[int], counts: np.ndarray) -> dict[int, QImage]:
        """Per lane a 1-pixel-high strip in the lane's colour (:func:`~viewer.graphics.marks.density_images`)."""
        return density_images([self._track_color(lane) for lane in lanes], lanes, counts)

    def _track_shape(self, lane: int) -> str:
        """A lane's own marker shape (:attr:`~viewer.model.timeline.Timeline.track_shapes`): a diamond
        unless its colour repeats another lane's."""
        shapes = getattr(self.timeline, "track_shapes", ())
        return shapes[lane] if 0 <= lane < len(shapes) else "diamond"

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
            if frame.rank_of(i) % 2 == 1:  # every other lane on screen, whatever the track order
                p.fillRect(QRectF(rect.left(), top, rect.width(), bottom - top), shade)
            p.fillRect(QRectF(rect.left(), top + 2, 5, bottom - top - 4), QColor(self._track_color(i)))
        p.setPen(QPen(self.style.color("lane_rule"), 1))
        last = len(frame.lanes) - 1
        for i, _top, bottom in shown:
            if frame.rank_of(i) < last:
                p.drawLine(QPointF(rect.left(), bottom), QPointF(rect.right(), bottom))

    def _match_layer(self, frame: _Frame) -> tuple[Any, dict, dict, dict, dict] | None:
        """The search's matches in the frame's strips (:func:`~viewer.graphics.frame.match_density`)
        and their images, counted once per frame and mask; None without a search."""
        mask = self.emphasis
        if mask is None or not frame.density or len(mask) != len(self.columns):
            return None
        if frame.match_density is None or frame.match_density[0] is not mask:
            # a lane whose matches are not known yet (NaN: a store still counting them) is drawn as before
            counts = {ln: c for ln, c in match_density(self.columns, frame, mask).items() if not np.isnan(c).any()}
            lanes = [ln for ln, c in counts.items() if c.any()]
            if lanes:
                stacked = np.stack([counts[ln] for ln in lanes])
                body = density_images([self._track_color(ln) for ln in lanes], lanes, stacked, floor=170)
                ticks = density_images([self.style.text] * len(lanes), lanes, stacked, floor=200)
            else:
                body, ticks = {}, {}
            dim_lanes = list(counts)
            dimmed = density_images([self._track_color(ln) for ln in dim_lanes], dim_lanes,
                                    np.stack([frame.density[ln][1] for ln in dim_lanes]),
                                    opacity=_DIM_OPACITY) if dim_lanes else {}
            frame.match_density = (mask, counts, body, ticks, dimmed)
        return frame.match_density

    def _paint_density(self, p: QPainter, frame: _Frame) -> None:
        """Each density strip as one stretched image (nearest-neighbour: crisp bins).
        With a search (:meth:`set_emphasis`), the strip is dimmed as the non-matching
        markers are, and the matches' own strip is drawn over it at full strength, with a
        tick in the text colour (dark on light) along the strip's foot under each bin that holds a match."""
        p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, False)
        matches = self._match_layer(frame)
        self.drawn_match_bins = {}
        for lane, (lefts, counts) in frame.density.items():
            img = (frame.density_images or {}).get(lane)
            if img is None or not np.any(counts):
                continue
            top, bottom = frame.lanes[lane]
            w = float(lefts[1] - lefts[0]) if len(lefts) > 1 else float(_DENSITY_BIN_PX)
            inset = min(6.0, (bottom - top) * 0.2)  # a collapsed strip keeps most of its height
            rect = QRectF(float(lefts[0]), top + inset, w * len(counts), bottom - top - 2 * inset)
            if matches is None or lane not in matches[1]:
                p.drawImage(rect, img)
                continue
            p.drawImage(rect, matches[4][lane])  # the strip at the dimmed markers' opacity
            body = matches[2].get(lane)
            if body is None:
                continue
            self.drawn_match_bins[lane] = int(np.count_nonzero(matches[1][lane]))
            p.drawImage(rect, body)
            foot = min(3.0, max(1.0, rect.height() * 0.25))
            p.drawImage(QRectF(rect.left(), rect.bottom(), rect.width(), foot), matches[3][lane])

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
            # the selected event too when it does not match: dimmed, its ring at full strength
            lit = self.emphasis[rows]
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
        lo_px, hi_px = bar_limits(frame, engine)
        # sort the events into what is drawn for them with whole-array masks;
        # Python then only builds the rectangles and stamps
        flags_a = self._draw_flags[rows]
        span_a = cols.kind[rows] == KIND_SPAN
        special_a = (rows == sel_row) | (rows == hov_row)
        planned = self._planned_rows()
        planned_a = np.isin(rows, np.fromiter(planned, np.int64, len(planned))) & span_a if planned else \
            np.zeros(len(rows), bool)
        open_a = ((flags_a & (FLAG_OPEN_START | FLAG_OPEN_END)) != 0) | planned_a  # one by one, as open bars are
        # (a span with one date known is a point with a whisker towards its unknown side)
        imprecise_a = ~span_a & ((flags_a & (FLAG_IMPRECISE | FLAG_HALF_KNOWN)) != 0) & ~special_a
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
                self._span_bar(p, int(rows[k]), frame, y, QColor(self._track_color(lane)), flags, False,
                               planned.get(int(rows[k])))
            else:
                self._whisker(p, float(fx0[k]), float(fx1[k]), y, QColor(self._track_color(lane)), flags)
        for k in np.nonzero(faint_a)[0].tolist():
            x0 = float(fx0[k])
            faint.setdefault(lane_l[k], []).append(QRectF(x0, y_l[k] - r * 1.2, float(fx1[k]) - x0, 2.4 * r))
        draft_rects: list[QRectF] = []
        dm = draft_margin(self.style)
        for k in np.nonzero(closed_a)[0].tolist():
            x0, x1, y = float(bx0[k]), float(bx1[k]), y_l[k]
            f_list, s_list = bars.setdefault(lane_l[k], ([], []))
            f_list.append(QRectF(x0, y - h / 2, x1 - x0, h))
            if flags_l[k] & _DRAFT:
                draft_rects.append(QRectF(x0 - dm, y - h / 2 - dm, x1 - x0 + 2 * dm, h + 2 * dm))
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
            ring = 1.0 if selected and p.opacity() < 1.0 else None  # a dimmed non-match, still selected
            if cols.kind[row] != KIND_SPAN and flags & (FLAG_IMPRECISE | FLAG_HALF_KNOWN):
                x0 = max(cols.x0[row] * frame.sx + frame.tx, lo_px)
                x1 = min(cols.x1[row] * frame.sx + frame.tx, hi_px)
                fc = QColor(color)
                fc.setAlpha(70 if selected else 45)
                if flags & (FLAG_OPEN_START | FLAG_OPEN_END):
                    self._whisker(p, x0, x1, y, color, flags)
                elif x1 - x0 > 2 * r:
                    p.fillRect(QRectF(x0, y - r * 1.2, x1 - x0, 2.4 * r), fc)
            if cols.kind[row] == KIND_SPAN:
                self._span_bar(p, row, frame, y, color, flags, selected, planned.get(int(row)), ring_opacity=ring)
            elif frame.left_px - 2 * r <= tx_true <= frame.right_px + 2 * r:
                self._marker(p, tx_true, y, r, color, flags, selected, row == hov_row, lane, ring_opacity=ring)
        self._paint_labels(p, frame, placements, lane_l, y_l, flags_l, sel_row)

    def drawn_heaped(self, row: int) -> bool:
        """True when ``row``'s marker is drawn on top of others in the last
        frame: its lane is a density strip, or an event at its marker's
        position could not get a sub-row of its own (``+N``)."""
        frame = self._frame
        return frame is not None and heaped(frame, self.columns, row)

    def hidden_crowd(self, row: int) -> int:
        """N of a ``+N`` badge not drawn at ``row``'s marker in the last frame (no free place
        beside its crowd: it would have covered markers), 0 when none: the tooltip says it."""
        frame = self._frame
        return 0 if frame is None else hidden_crowd(frame, self.columns, row, self.style.marker_px)

    def _paint_overflow(self, p: QPainter, frame: _Frame) -> None:
        """A ``+N`` badge where N events could not get a sub-row of their own
        (drawn over others: hover or zoom in to separate them)."""
        hit = frame.hit or {}
        over = hit.get("overflow")
        if over is None or not over.any():
            return
        font = self._font(max(9, int(self.style.font_px * 0.7)), bold=True)
        fm = self._metrics_of(font)
        p.setFont(font)
        box_color, text_color = self.style.color("text"), self.style.color("label_box")
        box_h = fm.height() + 2
        badges: dict[int, tuple[float, QStaticText]] = {}
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
        merged = merge_badges(hit, self.style.marker_px, lambda n: badge_of(n)[0])
        frame.badges = []  # (lane, left, width, count) as drawn, device pixels
        frame.badge_tops = []
        line_h = self._metrics_of(self._font(self.style.font_px)).height()
        for lane, left, top, w, n in place_badges(frame, merged, lambda n: badge_of(n)[0], box_h + 2,
                                                  self.style.marker_px, line_h, move=self.style.whole_labels,
                                                  keep_clear=self._row_or_none(self.selected)):
            _w, st = badge_of(n)
            frame.badges.append((lane, left, w, n))
            frame.badge_tops.append(top)
            if stamp:  # screens: the badge drawn once per count, then stamped
                key = ("badge", n, font.pixelSize(), self._dpr)
                pm = self._pixmaps.get(key)
                if pm is None:
                    pm = self._pixmaps[key] = badge_pixmap(w, box_h, st, font, box_color, text_color,
                                                                 self._dpr)
                p.drawPixmap(QPointF(left - 1, top), pm)
                continue
            p.setPen(Qt.PenStyle.NoPen)
            p.drawRoundedRect(QRectF(left, top + 1, w, box_h), 4, 4)
            p.setPen(text_color)
            p.drawStaticText(QPointF(left + 4, top + 2), st)  # centred in the box

    def _marker_pixmap(self, lane: int, flags: int) -> QPixmap:
        """The marker of an unselected, unhovered point, drawn once per
        (lane colour, hollow or filled, size) and stamped from then on."""
        return marker_pixmap(self.style, self._track_color(lane), lane, flags, self._dpr, self._track_shape(lane))

    def _whisker(self, p: QPainter, x0: float, x1: float, y: float, color: QColor, flags: int) -> None:
        """A line fading towards the open side: 'on or before' / 'on or after'."""
        style = self.style
        if style.whisker_darker != 100:
            color = QColor(color).darker(style.whisker_darker)
        whisker(p, x0, x1, y, color, flags, style.whisker_px, style.whisker_alpha)

    def _span_bar(self, p: QPainter, row: int, frame: _Frame, y: float, color: QColor,
                  flags: int, selected: bool, plan: tuple[float, float] | None = None, *,
                  ring_opacity: float | None = None) -> None:
        """A span bar (:func:`~viewer.graphics.marks.span_bar`); hatched after the last
        known day when its end is a plan (``plan``, x data units), noted in :attr:`drawn_planned`."""
        hatched = span_bar(p, self.style, self.columns, row, frame, y, color, flags, selected, plan,
                           ring_opacity=ring_opacity)
        if hatched is not None:
            self.drawn_planned.append((self.columns.ids[row], hatched[0], hatched[1], y))

    def _planned_rows(self) -> dict[int, tuple[float, float]]:
        """Span rows whose end is a plan: ``{row: (known_until, planned_until)}`` in x data
        units (:func:`~viewer.model.planned_end.planned_end_rows`; a collection's window: those its
        store found, ``WindowTimeline.planned_end_rows``).
        Made once per timeline drawn (forgotten by :meth:`set_timeline`), not on every paint."""
        if self._planned is None:
            # a collection's window (no Timeline) gives the planned ends its store found
            found = getattr(self.timeline, "planned_end_rows", None)
            if not hasattr(self.timeline, "reference_date") and found is None:
                self._planned = {}
            else:
                o = self.columns.origin_epoch_s
                rows = planned_end_rows(self.timeline) if found is None else found()
                self._planned = {row: (known - o, end - o) for row, (known, end) in rows.items()
                                 if self.columns.kind[row] == KIND_SPAN}
        return self._planned

    def _draft_pen(self) -> QPen:
        """The dotted outline of an unreviewed draft (:func:`~viewer.graphics.marks.draft_pen`)."""
        return draft_pen(self.style)

    def _marker(self, p: QPainter, x: float, y: float, r: float, color: QColor, flags: int,
                selected: bool, hovered: bool, lane: int = -1, *, ring_opacity: float | None = None) -> None:
        """One point marker (:func:`~viewer.graphics.marks.draw_marker`)."""
        draw_marker(p, self.style, x, y, r, color, flags, selected, hovered, lane, self._track_shape(lane),
                    ring_opacity=ring_opacity)

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
        fm_h = self._metrics(self.style.font_px).height()  # mouse move: no new font objects
        row = row_at(frame, self.columns, device_pos.x(), device_pos.y(), self.style.marker_px + tolerance_px, fm_h)
        return self.columns.ids[row] if row >= 0 else None

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
