"""Fitting a story's steps to the wall: the window each step shows and the height its lanes need.

:func:`widen_for_labels` moves a step's window so that the labels of the events in it are read
whole (the step's own event first), :func:`step_view_range` is a step's window as the
presentation shows it, and :func:`lanes_need` is how many pixels of lanes a window's events
need for a sub-row and a label each (:func:`~viewer.graphics.frame.rows_wanted`).  The
presentation window (:mod:`viewer.ui.present`) sizes its lanes per step from them and keeps
the caption area from taking the height the busiest step's lanes need.

Label widths are measured by an :class:`~viewer.graphics.events.EventLayerItem` of the shown
timeline (:class:`~viewer.graphics.frame.LabelWidths`); nothing here paints.
"""

from __future__ import annotations

import math
from dataclasses import replace

import numpy as np
from PySide6.QtGui import QFontMetricsF

from ..graphics.frame import (
    MARKER_GAP_PX,
    MARKER_SPACING,
    FrameMetrics,
    LabelWidths,
    ViewPx,
    rows_wanted,
    slot_heights,
)
from ..graphics.style import TimelineStyle, label_font
from ..model.columns import FLAG_YEAR_UNKNOWN, KIND_SPAN, EventColumns
from ..model.story import StoryStep, step_window
from ..model.timeline import Timeline
from ..model.viewstate import XLimits, clamp_range
from . import timeline_view

__all__ = ["LABEL_ROOM_FRACTION", "desk_limits", "frame_metrics", "lanes_need", "step_view_range", "view_limits",
           "widen_for_labels"]

_STRIP_ROWS = 4
"""A lane with more markers in a window than fit this many sub-rows is drawn as a density
strip (:func:`~viewer.graphics.frame.rows_wanted` counts it as one row): its labels are not fitted."""


def _labelled_cap(width_px: float, style: TimelineStyle) -> float:
    """Most markers of a lane whose labels are fitted in a window ``width_px`` wide."""
    return _STRIP_ROWS * width_px / (MARKER_SPACING * style.marker_px + MARKER_GAP_PX)


def frame_metrics(style: TimelineStyle) -> FrameMetrics:
    """The sizes the frame lays a lane out with, for ``style`` (as the event layer measures them)."""
    line = QFontMetricsF(label_font(style.font_px, family=style.font_family)).height()
    return FrameMetrics(style.font_px, style.min_font_px, style.marker_px, style.label_max_px, line,
                        style.whole_labels)


LABEL_ROOM_FRACTION = 1 / 3
"""Present mode may show this much of the timeline's padded width past its end: room for the
labels of its last events (the desk view stops 5 % past the last event)."""


def desk_limits(timeline: Timeline) -> XLimits:
    """Where a desk view of ``timeline`` may go: its events and home range
    (:func:`viewer.ui.timeline_view.view_limits`)."""
    return timeline_view.view_limits(timeline)


def view_limits(timeline: Timeline) -> XLimits:
    """Where a presented view of ``timeline`` may go: as on the desk (:func:`desk_limits`), plus
    :data:`LABEL_ROOM_FRACTION` of that width past its end, so that a label of an event near
    the end can be read whole rather than elided (only :func:`widen_for_labels` goes there)."""
    desk = desk_limits(timeline)
    extra = LABEL_ROOM_FRACTION * (desk.x_max - desk.x_min)
    return replace(desk, x_max=desk.x_max + extra, max_width=desk.max_width + extra)


def _label_start(cols: EventColumns, row: int) -> float:
    """Where a row's label room is measured from, seconds: a bar's start, a point's marker."""
    return float(cols.x0[row] if cols.kind[row] == KIND_SPAN else cols.xm[row])


def widen_for_labels(a: float, b: float, event_id: str, widths: LabelWidths, cols: EventColumns,
                     limits: XLimits, width_px: float, style: TimelineStyle) -> tuple[float, float]:
    """``(a', b')``: the window ``[a, b]`` zoomed out or moved so that labels in it are whole.

    The step's own event ``event_id`` first, in the selection's bold type: ``b`` moves right
    (``a`` kept) until its label fits between its marker and the plot's right edge; when the
    timeline ends before that, the window ends there and ``a`` moves (earlier context may
    leave the view).  At 1024 px a step's own label was cut ("US raises alarm over buildup
    in …").  Then every other point in the window whose label would run past the right edge
    and has no room left of its marker either (the layout puts it there when it fits):
    ``b`` moves right, ``a`` kept, as far as the limits allow (Lavrov's remark at 10 Feb
    12:00 read "… in recent ye… (?)" at the right edge of a three-day window).  A label
    wider than nine tenths of the plot is elided either way and moves nothing.

    Parameters
    ----------
    a, b : float
        The step's window, seconds from the shown timeline's origin.
    event_id : str
    widths : LabelWidths
        Measures labels of the shown timeline's rows (its event layer).
    cols : EventColumns
        The shown timeline's columns.
    limits : XLimits
    width_px : float
        Width of the plot, pixels.
    style : TimelineStyle

    Returns
    -------
    tuple of float
        Seconds from the shown timeline's origin; ``(a, b)`` made legal (:func:`clamp_range`)
        when nothing needs moving.
    """
    if width_px <= 0 or not b > a:
        return a, b
    a, b = clamp_range(a, b, limits)  # the window as it will be shown
    try:
        sel = cols.row_of(event_id)
    except KeyError:
        sel = None
    if sel is not None and int(cols.flags[sel]) & FLAG_YEAR_UNKNOWN:
        sel = None  # placed nowhere (its year is unknown): no label of it to fit
    font, marker = style.font_px, style.marker_px

    def fraction(label_px: float) -> float | None:
        """How far across the plot a marker may be for a label this wide to end inside it."""
        room = width_px - (label_px + marker + font)  # marker, gaps and the "≤" chip
        return room / width_px if room > width_px * 0.1 else None

    if sel is not None:
        start = _label_start(cols, sel)
        f = fraction(widths.selected_label_px(sel, font))
        if math.isfinite(start) and a < start < b and f is not None and (start - a) > f * (b - a):
            # zoom out, keeping a, as far as the widest window and the timeline's end allow
            b = min(a + (start - a) / f, a + limits.max_width, limits.x_max)
            if start - a > f * (b - a) * (1 + 1e-9):  # not far enough: the window ends there, starts where it fits
                a = max(limits.x_min, (start - f * b) / (1 - f))
    b_most = min(a + limits.max_width, limits.x_max)
    for _ in range(3):  # the wider window may take in more events: look again
        unfit = _unfit_labels(cols, a, b, sel, widths, width_px, style)
        want = max([a + (start - a) / f for start, f in unfit if start > a] or [b])
        want = min(want, b_most)
        if want <= b * (1 + 1e-12) + 1e-9:
            break
        b = want
    # at the timeline's end: the window starts later instead, narrowing towards the labels that
    # still do not fit, as far as no event in view leaves it (the step's own: its whole day)
    unfit = _unfit_labels(cols, a, b, sel, widths, width_px, style)
    if unfit:
        firsts = [float(cols.xm[row]) for row in _points_in(cols, a, b, _labelled_cap(width_px, style))]
        if sel is not None:
            firsts.append(float(cols.known_extent(sel)[0]))
        firsts = [x for x in firsts if math.isfinite(x)]
        latest = max(a, min(firsts, default=a) - 0.02 * (b - a))
        move = max((start - f * b) / (1 - f) for start, f in unfit)
        a = min(max(a, move), latest)
    return a, b


def _unfit_labels(cols: EventColumns, a: float, b: float, sel: int | None, widths: LabelWidths,
                  width_px: float, style: TimelineStyle) -> list[tuple[float, float]]:
    """(marker x, fraction) of the points in ``[a, b]`` (not ``sel``) whose label would run past
    the plot's right edge and has no room left of the marker either: the label fits when the
    marker is at most ``fraction`` of the way across (labels too long for that are left out)."""
    font, marker = style.font_px, style.marker_px
    out = []
    for row in _points_in(cols, a, b, _labelled_cap(width_px, style)):
        if row == sel:
            continue
        start = float(cols.xm[row])
        label_px = min(widths.label_px(row, font), float(style.label_max_px))
        x = (start - a) / (b - a) * width_px
        if x + marker + font + label_px <= width_px or x - marker - 8 >= label_px:
            continue  # whole on the right, or on the left of its marker
        room = width_px - (label_px + marker + font)
        if room > width_px * 0.1:
            out.append((start, room / width_px))
    return out


def _points_in(cols: EventColumns, a: float, b: float, cap: float) -> list[int]:
    """Rows of points whose marker is in ``[a, b]``, of lanes with at most ``cap`` markers there."""
    out: list[int] = []
    for lane in range(cols.n_lanes):
        if cols.count_markers(lane, a, b) > cap:
            continue
        idx = cols.visible(lane, a, b)
        if len(idx):
            idx = idx[(cols.kind[idx] != KIND_SPAN) & (cols.xm[idx] >= a) & (cols.xm[idx] <= b)]
            out.extend(np.asarray(idx, dtype=np.int64).tolist())
    return out


def step_view_range(timeline: Timeline, step: StoryStep, shown: Timeline, widths: LabelWidths, limits: XLimits,
                    width_px: float, style: TimelineStyle) -> tuple[float, float]:
    """The x range (seconds from ``shown``'s origin) a step is presented in: its window
    (:func:`~viewer.model.story.step_window` of the whole ``timeline``) widened for its
    labels (:func:`widen_for_labels`) and made legal for the view."""
    a, b = step_window(timeline, step)
    origin = shown.columns.origin_epoch_s
    a, b = clamp_range(a - origin, b - origin, desk_limits(shown))  # as the desk would show it
    a, b = widen_for_labels(a, b, step.event, widths, shown.columns, limits, width_px, style)
    return clamp_range(a, b, limits)


def lanes_need(cols: EventColumns, widths: LabelWidths, style: TimelineStyle, a: float, b: float,
               width_px: float, sel_row: int | None, empty_px: float) -> tuple[list[int], float, float]:
    """Sub-rows per lane for the window ``[a, b]`` and the pixels all lanes need: at the full
    label type, and squeezed to the smallest type (a lane with nothing in the window:
    ``empty_px``).  See :func:`~viewer.graphics.frame.fit_lane_heights`."""
    metrics = frame_metrics(style)
    sx = width_px / (b - a) if b > a else 1.0
    rows = rows_wanted(cols, ViewPx(a, b, 0.0, 1.0, sx, -a * sx, 1.0, 0.0), metrics, widths, sel_row)
    full, least = slot_heights(metrics)
    per_lane = [rows[k] for k in range(cols.n_lanes)]
    need_full = sum(8.0 + r * full + 1.0 if r else empty_px for r in per_lane)
    need_least = sum(8.0 + r * least + 1.0 if r else empty_px for r in per_lane)
    return per_lane, need_full, need_least
