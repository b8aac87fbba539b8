"""What one frame of the event layer shows, computed without Qt.

For a view range and size (device pixels) this module decides which events
are visible, which lanes are drawn as density strips, where markers, bars
and labels go (:func:`~viewer.graphics.layout.layout_lane` per lane), the
largest same-instant stacks of the strips, where ``+N`` badges go, and which
event a point hits.  It is pure arithmetic over the arrays of
:class:`~viewer.model.columns.EventColumns`; the item in
:mod:`viewer.graphics.events` measures text (through a :class:`LabelWidths`)
and paints.

Level of detail: when a lane has more visible events than one per two marker
widths (its width in pixels divided by ``MARKER_SPACING * r + MARKER_GAP_PX``
per sub-row), it is drawn as a density strip instead: events per
``DENSITY_BIN_PX``-pixel bin, counted by binary search in the lane's sorted
marker positions, so the cost depends on the width of the view, not on the
number of events.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Hashable
from dataclasses import dataclass, replace
from typing import Any, Protocol

import numpy as np

from ..model.columns import KIND_SPAN, EventColumns
from ..model.kept import kept
from ..model.lanes import LaneGeometry
from ..model.precision import Precision
from ..model.stacks import largest_stacks, stack_precision
from .layout import Placement, layout_lane

__all__ = [
    "MARKER_SPACING", "MARKER_GAP_PX", "DENSITY_BIN_PX", "Frame", "FrameMetrics", "LabelWidths", "ViewPx",
    "compute_frame", "drawn_rects", "match_density", "fit_lane_heights", "heaped",
    "hidden_crowd", "merge_badges", "place_badges",
    "row_at", "rows_wanted",
    "slot_heights", "strip_placements", "warm_frame",
]

MARKER_SPACING = 4.0  #: a lane turns into a density strip when it has more events than
MARKER_GAP_PX = 2.0   #: width / (MARKER_SPACING * r + gap) per sub-row (r = marker half-width)
DENSITY_BIN_PX = 2  #: width of a density bin, pixels


def _memo(cols: EventColumns, a: float, b: float, bins: int) -> dict:
    """What the last frames of ``cols`` over ``[a, b]`` in ``bins`` bins counted,
    by what was asked; forgotten when a frame of another range asks (kept with
    the columns with :func:`~viewer.model.kept.kept`, which says what forgets it).

    A swap back to a kept derived timeline, a collapse or a track reorder asks
    again for the same strips' counts and stacks over the same range: they are
    read from here instead of counted again on the GUI thread (at 10^6 events
    most of a frame's computing).  One range only: a pan costs nothing more,
    and the memory is one frame's counts."""
    memo: dict = kept(cols, "frame", (a, b, bins), dict)  # (viewer.model.kept: what forgets it)
    return memo


def density_rows(cols: EventColumns, lanes: list[int], a: float, b: float, bins: int) -> np.ndarray:
    """:meth:`~viewer.model.columns.EventColumns.density_many`, each lane's row
    remembered (:func:`_memo`): only lanes not counted over these bins before are
    counted.  The rows must not be written to."""
    memo = _memo(cols, a, b, bins)
    keys = [("d", lane) for lane in lanes]
    missing = [lane for lane, k in zip(lanes, keys, strict=True) if k not in memo]
    if missing:
        counted = cols.density_many(missing, a, b, bins)
        counted.flags.writeable = False
        for i, lane in enumerate(missing):
            memo[("d", lane)] = counted[i]
    out = np.empty((len(lanes), bins), dtype=np.float64)
    for i, k in enumerate(keys):
        out[i] = memo[k]
    return out


def match_density(cols: EventColumns, frame: Frame, only: np.ndarray) -> dict[int, np.ndarray]:
    """A search's matches in the frame's density strips: per strip lane, the
    matching events per bin over the strip's own bins (shape (bins,), the
    counting rule of :meth:`~viewer.model.columns.EventColumns.density`),
    for the visible range only.  ``only`` is bool (N,), one flag per row of
    ``cols`` (True: a match); the rows are picked per lane with numpy once per
    mask, then each frame costs O(bins log n) per strip, never a loop over events.

    Raises
    ------
    ValueError
        If ``only`` does not have one entry per row.
    """
    if not frame.density or frame.bins_over is None:
        return {}
    a, b, bins = frame.bins_over
    lanes = list(frame.density)
    counts = cols.density_many(lanes, a, b, bins, only=only)
    return {lane: counts[i] for i, lane in enumerate(lanes)}


def stacks_of(cols: EventColumns, lane: int, a: float, b: float, bins: int,
              limit: int) -> list[tuple[float, int]]:
    """:func:`~viewer.model.stacks.largest_stacks`, remembered (:func:`_memo`)."""
    memo = _memo(cols, a, b, bins)
    key = ("s", lane, limit)
    found = memo.get(key)
    if found is None:
        found = memo[key] = largest_stacks(cols, lane, a, b, limit=limit)
    return list(found)


def precision_of(cols: EventColumns, lane: int, x: float, a: float, b: float,
                 bins: int) -> tuple[Precision, bool] | None:
    """:func:`~viewer.model.stacks.stack_precision` of a stack found over
    ``[a, b]``, remembered (:func:`_memo`)."""
    memo = _memo(cols, a, b, bins)
    key = ("p", lane, x)
    if key not in memo:
        memo[key] = stack_precision(cols, lane, x)
    return memo[key]


def warm_frame(cols: EventColumns, lanes: list[int], a: float, b: float, bins: int) -> None:
    """Count now, into the memo a frame reads (:func:`_memo`), the strips of
    ``lanes`` over ``[a, b]`` in ``bins`` bins and their largest stacks: the
    thread that derives a timeline does it for the strips on screen, so the
    first frame of the new timeline, on the GUI thread, counts nothing."""
    if not lanes or bins < 1 or not b > a:
        return
    density_rows(cols, lanes, a, b, bins)
    for lane in lanes:
        for x, _n in stacks_of(cols, lane, a, b, bins, 6):
            precision_of(cols, lane, x, a, b, bins)


@dataclass
class Frame:
    """Everything computed for one view range and size (device pixels).

    ``lanes`` holds (top, bottom) pixels per lane; ``density`` maps a lane
    drawn as a strip to (bin left edges px, counts), both shape (bins,);
    ``hit`` holds the placements as arrays of one length (``row``, ``x``,
    ``y``, ``bar0``, ``bar1``, ``label_x``, ``label_w``, ``overflow``,
    ``lane``) for hit testing and painting.  x pixels are ``x_data * sx + tx``.
    """

    key: tuple[Hashable, ...]
    lanes: list[tuple[float, float]]  # (top, bottom) px per lane
    slot_h: float
    placements: list[Placement]
    density: dict[int, tuple[np.ndarray, np.ndarray]]  # lane -> (bin left px, counts)
    sx: float
    tx: float
    left_px: float
    right_px: float
    density_images: dict[int, Any] | None = None  # lane -> 1-pixel-high QImage strip, one texel a bin (the item's)
    hit: dict[str, np.ndarray] | None = None  # placement arrays for hit testing (device px)
    badges: list[tuple[int, float, float, int]] | None = None  # +N badges as drawn: (lane, left px, width px, count)
    badge_tops: list[float] | None = None  # ... and the top of each, px (place_badges)
    hidden_badges: list[tuple[int, float, int]] | None = None  # +N badges with no free place: (lane, anchor px, n)
    lane_slot_h: dict[int, float] | None = None  # lanes squeezed to fit a crowd: their sub-row height
    lane_font_px: dict[int, int] | None = None  # ... and their (smaller) label font
    stacks: list[tuple[int, float, float, int]] | None = None  # strips' same-instant stacks: (lane, x px, epoch s, n)
    stack_precisions: list[tuple[Precision, bool] | None] | None = None  # ... how each is dated (None: timed)
    lane_rank: list[int] | None = None  # position (top = 0) of each lane on screen; None: lane k at position k
    stack_labels: list[tuple[str, float, float, float]] | None = None  # (text, left, width, top) px: the item's
    bins_over: tuple[float, float, int] | None = None  # the strips' bins: (a, b data units, number of bins)
    #: a search's matches in the strips: (the row mask counted, lane -> counts (bins,), lane -> images
    #: of the matches in the lane colour, lane -> images of the foot ticks, lane -> the strip's image
    #: dimmed); the item's
    match_density: tuple[Any, dict[int, np.ndarray], dict[int, Any], dict[int, Any], dict[int, Any]] | None = None

    def rank_of(self, lane: int) -> int:
        """Position (top = 0) of ``lane`` on screen (lanes may be drawn in another order)."""
        return lane if self.lane_rank is None else self.lane_rank[lane]

    def slot_h_of(self, lane: int) -> float:
        """Height in pixels of a sub-row of ``lane`` (squeezed lanes have their own)."""
        return (self.lane_slot_h or {}).get(lane, self.slot_h)


@dataclass(frozen=True)
class ViewPx:
    """The view range in data units and the data-to-device transform.

    ``a``, ``b``: left and right edge, seconds from the columns' origin;
    ``top``, ``bottom``: the view's data y range (lane units); device
    x = ``x * sx + tx``, device y = ``y * sy + ty`` (pixels).
    """

    a: float
    b: float
    top: float
    bottom: float
    sx: float
    tx: float
    sy: float
    ty: float


@dataclass(frozen=True)
class FrameMetrics:
    """Sizes of the style, pixels: label font, smallest font a crowded lane
    may squeeze to, marker half-width, longest label, and the height of a
    line of the label font (``line_px``).  ``whole_labels`` (present mode):
    a lane whose labels would be shortened with "…" (at the view's edge, or
    by a neighbour) sets them in smaller type, down to ``min_font_px``, first,
    and a point whose marker is off screen gets no label (not one at the edge,
    where an audience would read it as dated)."""

    font_px: int
    min_font_px: int
    marker_px: float
    label_max_px: float
    line_px: float
    whole_labels: bool = False


SELECTED_SHRINK = 0.85
"""The selected label may be set in type this much of the lane's (and no smaller than the style's
least) to be drawn whole in the room the plot has for it, rather than cut with "…"."""


class LabelWidths(Protocol):
    """Measures labels for the layout (the item does, with Qt's font metrics)."""

    def label_px(self, row: int, font_px: int) -> float:
        """Full width in pixels of ``row``'s label at ``font_px``."""
        ...

    def selected_label_px(self, row: int, font_px: int) -> float:
        """Width in pixels of ``row``'s label in the bold type of the selection."""
        ...


def strip_placements(cols: EventColumns, lane: int, view: ViewPx, width_px: float, marker_px: float,
                     density: dict[int, Any], sel_row: int | None) -> list[Placement]:
    """A collapsed lane: its events as markers (and bars) on one line without
    labels, or a density strip (plus the selected event) when they do not fit
    (then ``density[lane]`` is set to (bin left px, counts))."""
    a, b, sx, tx = view.a, view.b, view.sx, view.tx
    capacity = width_px / (MARKER_SPACING * marker_px + MARKER_GAP_PX)
    idx: Any
    if cols.count_markers(lane, a, b) <= capacity:
        idx = cols.visible(lane, a, b)
    else:
        idx = None
    if idx is None or len(idx) > capacity:
        bins = max(1, int(width_px // DENSITY_BIN_PX))
        density[lane] = (np.linspace(a, b, bins + 1)[:-1] * sx + tx, density_rows(cols, [lane], a, b, bins)[0])
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


def compute_frame(key: tuple[Hashable, ...], cols: EventColumns, lane_geo: LaneGeometry, view: ViewPx,
                  metrics: FrameMetrics, widths: LabelWidths, sel_row: int | None) -> Frame:
    """Lay out one frame: lanes in device pixels, placements of the visible
    events of every lane in the vertical view, density strips where a lane
    holds more events than fit, the strips' largest stacks and the hit arrays.

    Parameters
    ----------
    key : tuple
        Stored on the frame; the item recomputes when its key changes.
    cols : EventColumns
    lane_geo : LaneGeometry
        Where each lane sits in data y (in any order: ``frame.lanes`` is by lane number).
    view : ViewPx
    metrics : FrameMetrics
    widths : LabelWidths
        Label widths in pixels (called for the visible events of non-strip lanes only).
    sel_row : int or None
        Row of the selected event: it keeps its marker in a strip and label priority.

    Returns
    -------
    Frame
        Without ``density_images`` (colouring the strips is the item's).

    Cost: O(lanes + visible events, capped by the screen width, + bins * strips).
    """
    sx, tx, sy, ty = view.sx, view.tx, view.sy, view.ty
    lane_rank = None if lane_geo.order is None else lane_geo.rank.tolist()
    lane_geo = lane_geo.for_lanes()  # indexed by lane number from here on
    lanes = []
    for top, bottom in zip(lane_geo.top.tolist(), lane_geo.bottom.tolist()):
        y0, y1 = top * sy + ty, bottom * sy + ty
        lanes.append((min(y0, y1), max(y0, y1)))
    lane_h = abs(sy)  # an expanded lane of weight 1 is one unit high
    marker_px = metrics.marker_px
    full_slot_h, min_slot_h = slot_heights(metrics)

    def slots_of(h: float) -> tuple[int, int, float]:
        # sub-rows at full type, sub-rows at the smallest type, full sub-row height
        n = max(1, int((h - 8) // full_slot_h))
        return n, max(n, int((h - 8) // min_slot_h)), (h - 8) / n

    n_slots, compact_slots, slot_h = slots_of(lane_h)
    lane_slot_h: dict[int, float] = {}
    lane_font_px: dict[int, int] = {}
    a, b = view.a, view.b
    placements: list[Placement] = []
    density: dict[int, Any] = {}
    width_px = max(1.0, (b - a) * abs(sx))
    left_px, right_px = a * sx + tx, b * sx + tx
    per_slot = width_px / (MARKER_SPACING * marker_px + MARKER_GAP_PX)
    # only the lanes in the vertical view (10,000 tracks scroll: a screenful is laid out)
    vy0, vy1 = sorted((view.top * sy + ty, view.bottom * sy + ty))
    for lane in range(cols.n_lanes):
        if lane < len(lanes) and (lanes[lane][1] <= vy0 + 0.5 or lanes[lane][0] >= vy1 - 0.5):  # (one touching
            # the edge has no pixel in view: not laid out, nor counted in the status line)
            continue
        if lane_geo.collapsed[lane]:
            placements.extend(strip_placements(cols, lane, view, width_px, marker_px, density, sel_row))
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
        placed = _lane_placements(cols, idx, lane, lane_px, ln_slots, ln_compact, view, metrics, widths,
                                  sel_row, full_slot_h, min_slot_h, lane_slot_h, lane_font_px)
        if placed is not None:
            placements.extend(placed)
    if density:
        bins = max(1, int(width_px // DENSITY_BIN_PX))
        strip_lanes = list(density)
        counts2d = density_rows(cols, strip_lanes, a, b, bins)
        lefts = np.linspace(a, b, bins + 1)[:-1] * sx + tx
        density = {lane: (lefts, counts2d[i]) for i, lane in enumerate(strip_lanes)}
    bins = max(1, int(width_px // DENSITY_BIN_PX))
    frame = Frame(key, lanes, slot_h, placements, density, sx, tx, left_px, right_px,
                  lane_slot_h=lane_slot_h, lane_font_px=lane_font_px, lane_rank=lane_rank,
                  bins_over=(a, b, bins))
    found = [(lane, x, n) for lane in density for x, n in stacks_of(cols, lane, a, b, bins, 6)]
    frame.stacks = [(lane, float(x * sx + tx), x + cols.origin_epoch_s, n) for lane, x, n in found]
    frame.stack_precisions = [precision_of(cols, lane, x, a, b, bins) for lane, x, _n in found]
    frame.hit = _hit_arrays(cols, placements, lanes, slot_h, lane_slot_h)
    return frame


def slot_heights(metrics: FrameMetrics) -> tuple[float, float]:
    """Height in pixels of a sub-row at the full label type and of a squeezed one (a line of
    the smallest type and a marker).  A lane ``h`` pixels high holds ``(h - 8) // slot``
    sub-rows (4 px margins)."""
    marker_px = metrics.marker_px
    full_slot_h = max(metrics.line_px * 1.3, 2.0 * marker_px + 6)
    shrink = min(1.0, metrics.min_font_px / metrics.font_px)
    # a squeezed sub-row holds a line of the smallest type and a marker, nothing more: the
    # 1.3 line spacing of full rows is dropped first (a briefing lane of 54 px then takes two
    # events at 17 px type instead of one and a "+1" badge hiding the other's label)
    return full_slot_h, max(2.0 * marker_px + 5, metrics.line_px * shrink * 1.05)


def rows_wanted(cols: EventColumns, view: ViewPx, metrics: FrameMetrics, widths: LabelWidths,
                sel_row: int | None, max_rows: int = 16) -> dict[int, int]:
    """Sub-rows each lane needs for every event visible in ``view`` to get a marker and a
    label of its own at the full label type, as :func:`compute_frame` would lay them out in a
    lane with room for as many sub-rows as it likes (present mode sizes its lanes from this).

    Only ``view``'s x range and x transform (``a``, ``b``, ``sx``, ``tx``) are used.

    Returns
    -------
    dict of int to int
        Lane number -> sub-rows, for every lane of ``cols``; 0 when nothing of the lane is
        in view, at most ``max_rows`` and the lane's visible events (plus one); a lane with more visible
        events than fit a sub-row per ``MARKER_SPACING`` marker widths counts as one row
        (it is drawn as a density strip).

    Cost: O(visible events * sub-rows) per lane (the lanes of a step shown on a wall).
    """
    full_slot_h, min_slot_h = slot_heights(metrics)
    width_px = max(1.0, (view.b - view.a) * abs(view.sx))
    per_slot = width_px / (MARKER_SPACING * metrics.marker_px + MARKER_GAP_PX)
    out: dict[int, int] = {}
    for lane in range(cols.n_lanes):
        out[lane] = 0
        if cols.count_markers(lane, view.a, view.b) > per_slot * 4:  # a density strip (present_fit._STRIP_ROWS)
            out[lane] = 1
            continue
        idx = cols.visible(lane, view.a, view.b)
        if len(idx) == 0:
            continue
        n = min(len(idx) + 1, max_rows)
        tall = 8 + n * full_slot_h + 1
        placed = _lane_placements(cols, idx, lane, tall, n, n, view, metrics, widths, sel_row,
                                  full_slot_h, min_slot_h, {}, {})
        if placed:
            out[lane] = 1 + max(pl.slot for pl in placed)
    return out


def fit_lane_heights(rows: list[int], height_px: float, full_slot_h: float, min_slot_h: float,
                     empty_px: float) -> list[float]:
    """Heights in pixels of lanes that need ``rows[k]`` sub-rows each (:func:`rows_wanted`),
    sharing ``height_px``: a lane with nothing in view takes ``empty_px`` (a line for its
    name), the others what their sub-rows need at the full label type and an equal share of
    the rest, the rest divided by all lanes (a step's one busy lane among twelve does not
    swallow the screen and wrap its track's name onto three lines).  The empty lanes' shares
    are left over: the heights then sum to less than ``height_px`` and the view centres the
    lanes (an empty "Street" lane took half the screen beside a "Council" lane with two
    events).  When the sub-rows need more than there is, the lanes go down towards
    sub-rows of the smallest type (``min_slot_h``) together, each in proportion to what it
    can give; below that, each busy lane keeps one such sub-row and a line for its name
    (``empty_px``) and the others give up rows (the frame then folds events into ``+N``
    badges); only when not even that fits do all shrink in proportion.

    Returns
    -------
    list of float
        One height per lane, summing to at most ``height_px``.
    """
    n = len(rows)
    if not n:
        return []
    full = [8.0 + r * full_slot_h + 1.0 if r else 0.0 for r in rows]
    least = [8.0 + r * min_slot_h + 1.0 if r else 0.0 for r in rows]
    busy = [k for k in range(n) if rows[k]]
    if not busy:
        return [height_px / n] * n
    empty = min(empty_px, 0.5 * height_px / n)
    room = height_px - empty * (n - len(busy))
    want, can = sum(full), sum(least)
    out = [empty] * n
    if room >= want:  # everyone at full type; the rest shared equally among the busy lanes, capped
        share = (room - want) / n  # an equal share of the spare for every lane, empty or not
        for k in busy:
            out[k] = full[k] + share
        return out
    if room >= can:
        for k in busy:  # squeezed towards the smallest type, together
            out[k] = least[k] + (full[k] - least[k]) * (room - can) / (want - can) if want > can else least[k]
        return out
    # less room than the smallest type needs: every busy lane keeps a sub-row of it and a line for
    # its name, the rest is shared in proportion to what each needs beyond that (all in proportion
    # only when not even that fits).  Shrunk in proportion, ACLED's one-event "Riots/Protests"
    # lane became a 12 px sliver under the header, its name and the step's own label cut, while
    # the four-row lanes beside it kept three rows each.
    floor = [min(least[k], max(empty_px, 8.0 + min_slot_h + 1.0)) for k in range(n)]
    lo = sum(floor[k] for k in busy)
    for k in busy:
        if room > lo:
            out[k] = floor[k] + (least[k] - floor[k]) * (room - lo) / (can - lo)
        else:
            out[k] = floor[k] * room / lo
    return out


def _lane_placements(cols: EventColumns, idx: np.ndarray, lane: int, lane_px: float, ln_slots: int,
                     ln_compact: int, view: ViewPx, metrics: FrameMetrics, widths: LabelWidths,
                     sel_row: int | None, full_slot_h: float, min_slot_h: float,
                     lane_slot_h: dict[int, float], lane_font_px: dict[int, int]) -> list[Placement] | None:
    """Placements of the rows ``idx`` of an expanded lane (None: nothing drawn
    there).  A crowd at one time squeezes the lane (``lane_slot_h``,
    ``lane_font_px`` are filled in) rather than hide an event under another."""
    sx, tx = view.sx, view.tx
    a, b = view.a, view.b
    left_px, right_px = a * sx + tx, b * sx + tx
    marker_px = metrics.marker_px
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
            return None
    mx = np.where(as_bar, np.maximum(b0, left_px + 8), mx)
    # a point whose marker is off screen gets a label only inside its own faint bar
    # (room after the stand-in marker at the edge): a label running past the bar's end
    # would read as an event at that later time (11 Feb 00:00 for a day of 10 Feb)
    off_room = dict(zip(idx[off].tolist(), (b1[off] - (mx[off] + marker_px + 8)).tolist(), strict=True))
    if metrics.whole_labels:
        # a wall: none at all.  An audience reads a label as dated where it stands, and "≤ Peskov: …"
        # at the left edge (29 Jan) with its marker (10 Feb) off screen read as an event of 29 Jan
        off_room = dict.fromkeys(off_room, 0.0)
    b0_l = np.where(as_bar, b0, mx).tolist()
    b1_l = np.where(as_bar, b1, mx).tolist()
    mx_l = mx.tolist()
    rows = idx.tolist()
    first = rows.index(sel_row) if sel_row in rows else None
    font_px = metrics.font_px
    lane_slots = ln_slots
    if ln_slots == 1 and lane_px - 8 < full_slot_h and lane_px - 4 >= min_slot_h:
        # a lane lower than a full sub-row (a quiet track among busy ones, weighted) still
        # labels its events, in type small enough for the lane (4 px margin instead of 8)
        # (never larger than the label type: a lane a line and a bit high measured its labels in
        # 27 px type and drew them in 20, "Drills due to finish" then stood 60 px off its marker)
        font_px = max(metrics.min_font_px, min(metrics.font_px, int(metrics.font_px * (lane_px - 4) / metrics.line_px)))
        if font_px < metrics.font_px:
            lane_font_px[lane] = font_px
    # the lane's last event (nothing starts after it) has no neighbour to leave room for: its
    # label is not capped, only fitted to the plot ("…since Cold … (?)" with the plot empty to its right)
    last_row = None
    if len(b0_l) > 1:
        k_last = max(range(len(b0_l)), key=b0_l.__getitem__)
        if sum(1 for x in b0_l if x >= b0_l[k_last] - 0.5) == 1:
            last_row = rows[k_last]
    elif rows:
        last_row = rows[0]
    while True:
        cap = float(metrics.label_max_px) * font_px / metrics.font_px
        # the selected event's label is never capped: it is what the room is looking at
        # (measured in the bold type it is drawn in, so its box never covers its marker)
        w_l = [widths.selected_label_px(r, font_px) if r == sel_row
               else widths.label_px(r, font_px) if r == last_row
               else min(widths.label_px(r, font_px), cap) for r in rows]
        if first is not None and b0_l[first] == b1_l[first]:
            # a selected point's label a little too wide for the plot right of its marker (the type
            # grows with the view's height, faster than the plot's width: 605 px of bold at 1920x1080
            # where 588 are left) is drawn whole in type up to SELECTED_SHRINK smaller
            # (EventText._paint_labels), not cut at the edge; it then fits, and keeps its sub-row
            room = right_px - 4 - (mx_l[first] + marker_px + 4)
            if room < w_l[first] and w_l[first] * SELECTED_SHRINK <= room:
                w_l[first] = room
        if off_room:
            w_l = [w if r not in off_room else (min(w, off_room[r]) if off_room[r] >= font_px * 4 else 0.0)
                   for r, w in zip(rows, w_l, strict=True)]
        if lane_px - 4 < min_slot_h:
            # thinner than a line of the smallest type (dozens of tracks): markers
            # only, as in a collapsed strip; hover and the detail pane name them
            w_l = [w if r == sel_row else 0.0 for r, w in zip(rows, w_l)]
        placed = layout_lane(rows, mx_l, b0_l, b1_l, w_l, lane_slots,
                             marker_half=marker_px, gap=font_px * 0.8,
                             min_label_px=font_px * 4, first=first,
                             left_edge=left_px + 4, right_edge=right_px - 4,
                             touch_px=max(0.5, sx * 1.0 + 0.01))  # one second
        if lane_slots >= ln_compact or not any(pl.overflow for pl in placed):
            if metrics.whole_labels and font_px > metrics.min_font_px and \
                    _cut_at_edge(placed, rows, w_l, sel_row, left_px + 4, right_px - 4):
                # a wall screen: a whole label in smaller type (not below the legible minimum)
                # reads better than "…" at the edge ("Lavrov: ties “at their lowest level … (?)")
                font_px -= 1
                lane_font_px[lane] = font_px
                continue
            if metrics.whole_labels:
                _markers_off_labels(placed, lane_slots, marker_px)
            return placed
        # a crowd at one time: squeeze the lane (more, lower sub-rows and a
        # smaller font) rather than hide an event under another
        lane_slots += 1
        lane_slot_h[lane] = (lane_px - 8) / lane_slots
        font_px = max(metrics.min_font_px, int(metrics.font_px * min(1.0, lane_slot_h[lane] / full_slot_h)))
        lane_font_px[lane] = font_px


def _markers_off_labels(placed: list[Placement], n_slots: int, marker_half: float) -> None:
    """Move each event drawn over others (``overflow``: no sub-row of its own, counted in a
    "+N" badge) to the sub-row where its marker covers least of other events' label text (none
    when a sub-row is free there: then over a marker at most), the nearest of those; in place.
    On a wall a folded event's marker sat in the middle of a neighbour's label
    ("Report 1◆ on the border")."""
    over = [k for k, pl in enumerate(placed) if pl.overflow]
    if not over:
        return
    texts: list[list[tuple[float, float]]] = [[] for _ in range(max(1, n_slots))]
    for pl in placed:
        if pl.label_width > 0 and not pl.overflow and 0 <= pl.slot < len(texts):
            texts[pl.slot].append((pl.label_x, pl.label_x + pl.label_width))
    for row in texts:
        row.sort()
    starts = [[a for a, _b in row] for row in texts]

    def covered(slot: int, lo: float, hi: float) -> float:
        """Pixels of ``[lo, hi]`` under label text in sub-row ``slot``."""
        i = bisect_right(starts[slot], hi)
        return sum(max(0.0, min(hi, b) - max(lo, a)) for a, b in texts[slot][max(0, i - 8):i])

    for k in over:
        pl = placed[k]
        lo, hi = pl.marker_x - marker_half, pl.marker_x + marker_half
        if not 0 <= pl.slot < len(texts) or covered(pl.slot, lo, hi) <= 0.0:
            continue
        # the sub-row where the marker covers least text (none, or only another marker), the nearest
        best = min(range(len(texts)), key=lambda s: (round(covered(s, lo, hi), 1), abs(s - pl.slot)))
        placed[k] = replace(pl, slot=best)


def _cut_at_edge(placed: list[Placement], rows: list[int], want: list[float], sel_row: int | None,
                 left_edge: float, right_edge: float) -> bool:
    """True when a label of ``placed`` (other than the selected one) got less room than its
    text (``want``, by row) because it met the view's left or right edge: shortened with "…"
    there.  (Labels shortened by a neighbour are not: smaller type seldom makes room between
    markers, and trying each size in a crowded lane cost every frame a layout per size.)"""
    wanted = dict(zip(rows, want, strict=True))
    return any(pl.label_width < wanted[pl.row] - 0.5 and (pl.label_x + pl.label_width >= right_edge - 1.0
                                                          or pl.label_x <= left_edge + 1.0)
               for pl in placed if pl.row != sel_row and wanted[pl.row] > 0 and not pl.overflow)


def _hit_arrays(cols: EventColumns, placements: list[Placement], lanes: list[tuple[float, float]],
                slot_h: float, lane_slot_h: dict[int, float]) -> dict[str, np.ndarray]:
    """The placements as whole arrays: one pass over them, then no per-event numpy scalars."""
    cols_of: list[tuple[Any, ...]] = list(zip(*[(pl.row, pl.slot, pl.marker_x, pl.bar0, pl.bar1, pl.label_x,
                                                 pl.label_width, pl.overflow) for pl in placements])) or [()] * 8
    rows = np.array(cols_of[0], dtype=np.int64)
    lane_of = cols.lane[rows].astype(np.int64)
    tops = np.array([t for t, _ in lanes] or [0.0], dtype=float)
    lane_sh = np.full(max(1, cols.n_lanes), slot_h, dtype=float)
    for lane, h in lane_slot_h.items():
        lane_sh[lane] = h
    y = tops[lane_of] + 4 + (np.array(cols_of[1], dtype=float) + 0.5) * lane_sh[lane_of] \
        if len(rows) else np.zeros(0)
    return {
        "row": rows,
        "x": np.array(cols_of[2], dtype=float),
        "y": y,
        "bar0": np.array(cols_of[3], dtype=float),
        "bar1": np.array(cols_of[4], dtype=float),
        "label_x": np.array(cols_of[5], dtype=float),
        "label_w": np.array(cols_of[6], dtype=float),
        "overflow": np.array(cols_of[7], dtype=bool),
        "lane": lane_of,
    }


def merge_badges(hit: dict[str, np.ndarray], marker_px: float,
                 badge_width: Callable[[int], float]) -> list[tuple[int, float, int]]:
    """Where the ``+N`` badges go: events drawn over others (``hit["overflow"]``)
    grouped by lane and ``3 * marker_px``-pixel bin; neighbouring badges of a
    lane that would touch (``badge_width(n)`` pixels wide, centred on the
    group's leftmost marker) become one whose counts add up, left to right,
    so badges never cover each other.

    Returns
    -------
    list of (lane, anchor x px, count)
        In lane order, then left to right; the badge is centred on the anchor.
    """
    over = hit.get("overflow")
    if over is None or not over.any():
        return []
    r = marker_px
    xs = hit["x"][over]
    key = hit["lane"][over] * (1 << 40) + np.floor(xs / (3 * r)).astype(np.int64)
    uniq, first, inverse, count = np.unique(key, return_index=True, return_inverse=True, return_counts=True)
    lo = np.full(len(uniq), np.inf)
    np.minimum.at(lo, inverse, xs)
    lanes = hit["lane"][over][first]
    lo_l, count_l, lane_l = lo.tolist(), count.tolist(), lanes.tolist()
    merged: list[list[Any]] = []  # [lane, anchor x, count, right edge]
    for g in sorted(range(len(lo_l)), key=lambda k: (lane_l[k], lo_l[k])):
        lane, x, n = lane_l[g], lo_l[g], count_l[g]
        w = badge_width(n)
        if merged and merged[-1][0] == lane and x - w / 2 < merged[-1][3] + 2:
            m = merged[-1]
            m[2] += n
            m[3] = m[1] + badge_width(m[2]) / 2
        else:
            merged.append([lane, x, n, x + w / 2])
    return [(int(lane), float(x), int(n)) for lane, x, n, _right in merged]


def drawn_rects(frame: Frame, lane: int, marker_px: float, label_h: float, labels: bool = True) -> np.ndarray:
    """Rectangles (x0, y0, x1, y1) device px of what is drawn in ``lane``: markers and bars of its
    placements, and (``labels``) their labels with the selection's box around them."""
    hit = frame.hit or {}
    if "lane" not in hit:
        return np.zeros((0, 4))
    on = hit["lane"] == lane
    x, y, b0, b1 = hit["x"][on], hit["y"][on], hit["bar0"][on], hit["bar1"][on]
    lx, lw = hit["label_x"][on], hit["label_w"][on]
    r = marker_px
    rects = [np.stack([np.minimum(b0, x - r), y - r, np.maximum(b1, x + r), y + r], axis=1)]
    lab = lw > 0
    if labels and lab.any():
        yl = y[lab]
        rects.append(np.stack([lx[lab] - 3, yl - label_h / 2 - 1, lx[lab] + lw[lab] + 3, yl + label_h / 2 + 1],
                              axis=1))
    return np.concatenate(rects) if rects else np.zeros((0, 4))


def _nearest_free(lefts: set[float], tops: set[float], x: float, want_y: float, w: float, box_h: float,
                  free: Callable[[float, float], bool]) -> tuple[float, float] | None:
    """The free (left, top) of the candidates nearest to (x, want_y), device px, or None."""
    for _d, left, y0 in sorted(((left + w / 2 - x) ** 2 + (y0 + box_h / 2 - want_y) ** 2, left, y0)
                              for left in lefts for y0 in tops):
        if free(left, y0):
            return left, y0
    return None


def _covers_row(hit: dict, row: int | None, left: float, top: float, w: float, box_h: float,
                label_h: float) -> bool:
    """Whether a badge at (left, top), ``w`` x ``box_h`` px, covers the label or marker of ``row``."""
    if row is None or "row" not in hit:
        return False
    at = np.flatnonzero(hit["row"] == row)
    for k in at.tolist():
        y = float(hit["y"][k])
        x0 = min(float(hit["x"][k]) - label_h / 2, float(hit["label_x"][k]) - 3)
        x1 = max(float(hit["x"][k]) + label_h / 2, float(hit["label_x"][k] + hit["label_w"][k]) + 3)
        if left < x1 and x0 < left + w and top < y + label_h / 2 + 1 and y - label_h / 2 - 1 < top + box_h:
            return True
    return False


def place_badges(frame: Frame, merged: list[tuple[int, float, int]], badge_width: Callable[[int], float],
                 box_h: float, marker_px: float, label_h: float,
                 move: bool = True, keep_clear: int | None = None) -> list[tuple[int, float, float, float, int]]:
    """Where each ``+N`` badge of :func:`merge_badges` is drawn: at the top of its lane,
    centred on its anchor, unless it would cover a label, a bar or a marker there (or a badge
    placed before); then in the free place of its lane nearest the anchor's events (beside
    the labels of a sub-row, between sub-rows, at the lane's foot).  A "+1" was drawn over the
    selected label "Courts: development 9" and over a strike's bar in a crowded present step.
    A badge counts the events under it, so it looks for a place no farther than about twice
    its width from them (moved 250 px, a "+1" sat beside another crowd's badge); with none
    free there it stays at the top, unless it would cover the label of row ``keep_clear``
    (the selected event, whose label the audience reads): then the nearest free place in
    its lane.  ``move`` False (the desk, where one can zoom in): a badge stays at the top of
    its lane unless it would cover a marker or a bar there, or the selected event's label.
    Wherever it goes it never covers a marker or a bar (a "+3" sat on the markers of
    eltonjude's Inca Empire): a badge with no such place near its events is not drawn, and is
    listed in ``frame.hidden_badges`` (:func:`hidden_crowd`: the tooltip of its markers says N).

    Parameters
    ----------
    box_h : float
        Height of a badge, pixels.
    label_h : float
        Height of a line of label type, pixels (a label's box is measured with it).

    Returns
    -------
    list of (lane, left px, top px, width px, count)
    """
    out: list[tuple[int, float, float, float, int]] = []
    hit = frame.hit or {}
    placed: dict[int, list[tuple[float, float, float, float]]] = {}
    obstacles: dict[int, np.ndarray] = {}
    marks: dict[int, np.ndarray] = {}
    frame.hidden_badges = []
    for lane, x, n in merged:
        top, bottom = frame.lanes[lane]
        w = badge_width(n)
        left0, top0 = x - w / 2, top
        if lane not in obstacles:
            obstacles[lane] = drawn_rects(frame, lane, marker_px, label_h)
            marks[lane] = drawn_rects(frame, lane, marker_px, label_h, labels=False)
        obs, on_marks = obstacles[lane], marks[lane]
        mine = placed.setdefault(lane, [])
        if mine:
            obs = np.concatenate([obs, np.array(mine)])
            on_marks = np.concatenate([on_marks, np.array(mine)])

        def clear_of(rects: np.ndarray, left: float, y0: float, w: float = w) -> bool:
            if not len(rects):
                return True
            return not bool(np.any((rects[:, 0] < left + w) & (rects[:, 2] > left) &
                                   (rects[:, 1] < y0 + box_h) & (rects[:, 3] > y0)))

        def free(left: float, y0: float, obs: np.ndarray = obs) -> bool:
            return clear_of(obs, left, y0)

        def off_marks(left: float, y0: float, on_marks: np.ndarray = on_marks) -> bool:
            return clear_of(on_marks, left, y0)

        best: tuple[float, float] | None = (left0, top0)
        # a badge never covers a marker or a bar (the "+3" of a crowd sat on the markers of the
        # lane's first sub-row, eltonjude's Inca Empire); on the desk it may cover a label
        if not (free(left0, top0) if move else off_marks(left0, top0) and not _covers_row(
                hit, keep_clear, left0, top0, w, box_h, label_h)):
            over = hit["overflow"] & (hit["lane"] == lane) & (np.abs(hit["x"] - x) <= 3 * marker_px + w)
            ys = hit["y"][over]
            want_y = float(ys.min()) if len(ys) else top + box_h / 2
            slot = frame.slot_h_of(lane)
            rows_y = sorted(set(hit["y"][hit["lane"] == lane].round(1).tolist()))
            tops = {top + 1.0, bottom - box_h - 1.0}
            for yc in rows_y:
                tops.update((yc - box_h / 2, yc + slot / 2 - box_h / 2))
            tops = {t for t in tops if top <= t and t + box_h <= bottom}
            near = obs[(obs[:, 2] > x - 400) & (obs[:, 0] < x + 400)]
            lefts = {left0, *(near[:, 2] + 2).tolist(), *(near[:, 0] - w - 2).tolist()}
            lo, hi = frame.left_px + 2, frame.right_px - w - 2
            lefts = {min(max(v, lo), hi) for v in lefts}
            reach = 2 * w + 3 * marker_px + 2 * label_h
            near_lefts = {v for v in lefts if abs(v + w / 2 - x) <= reach}
            found = _nearest_free(near_lefts, tops, x, want_y, w, box_h, free)
            if found is None and move and _covers_row(hit, keep_clear, left0, top0, w, box_h, label_h):
                found = _nearest_free(lefts, tops, x, want_y, w, box_h, free)
            if found is None and off_marks(left0, top0) and not _covers_row(hit, keep_clear, left0, top0, w,
                                                                             box_h, label_h):
                found = (left0, top0)  # over a label at the top, as before, but never over a mark
            best = found
        if best is None:  # no room near its events: not drawn; the tooltip of its markers says N
            frame.hidden_badges.append((lane, x, n))
            continue
        out.append((lane, best[0], best[1], w, n))
        mine.append((best[0] - 2, best[1], best[0] + w + 2, best[1] + box_h))
    return out


def hidden_crowd(frame: Frame, cols: EventColumns, row: int, marker_px: float) -> int:
    """How many events a ``+N`` badge left undrawn (no free place beside its crowd,
    :func:`place_badges`) counts at ``row``'s marker; 0 when none."""
    hidden = frame.hidden_badges
    if not hidden or not frame.sx:
        return 0
    lane = int(cols.lane[row])
    x = float(cols.xm[row]) * frame.sx + frame.tx
    # merge_badges anchors a group at its leftmost marker; its crowd spans a few bins to the right
    reach = 3 * marker_px
    near = [(abs(x - ax), n) for ln, ax, n in hidden if ln == lane and ax - 1.0 <= x <= ax + 2 * reach + 1.0]
    return min(near)[1] if near else 0


def row_at(frame: Frame, cols: EventColumns, x: float, y: float, r: float, label_h: float) -> int:
    """Row of the event drawn at device pixel (x, y) in ``frame``, -1 if none.

    Markers (within ``r`` pixels) win over bars, bars over labels (within
    ``max(r, label_h / 2 + 2)`` of their line); among markers the nearest.
    In a density strip, the event whose marker position is nearest (within
    ``r`` plus one bin), failing that a date-only event whose day contains
    the point.  O(events drawn) with numpy, plus O(log n) in a strip.
    """
    hit = frame.hit
    if hit is None:
        return -1
    if len(hit["row"]):
        dy = np.abs(y - hit["y"])
        dx = np.abs(x - hit["x"])
        near_y = dy <= r
        on_marker = near_y & (dx <= r)
        on_bar = near_y & (hit["bar0"] - 2 <= x) & (x <= hit["bar1"] + 2)
        on_label = (dy <= max(r, label_h / 2 + 2)) & (hit["label_w"] > 0) & (hit["label_x"] <= x) & (
            x <= hit["label_x"] + hit["label_w"])
        score = np.where(on_marker, dx, np.where(on_bar, r + 1, np.where(on_label, r + 2, np.inf)))
        k = int(np.argmin(score))
        if np.isfinite(score[k]):
            return int(hit["row"][k])
    for lane, (lefts, _counts) in frame.density.items():
        top, bottom = frame.lanes[lane]
        if top <= y <= bottom and frame.sx:
            bin_px = float(lefts[1] - lefts[0]) if len(lefts) > 1 else float(DENSITY_BIN_PX)
            x_data = (x - frame.tx) / frame.sx
            row = cols.nearest(lane, x_data, max_dx=(r + bin_px) / abs(frame.sx))
            if row < 0:  # the strip there shows date-only events spread over their day
                row = cols.covering(lane, x_data)
            return row
    return -1


def heaped(frame: Frame, cols: EventColumns, row: int) -> bool:
    """True when ``row``'s marker is drawn on top of others in ``frame``: its
    lane is a density strip, or an event at its marker's position could not
    get a sub-row of its own (``+N``)."""
    lane = int(cols.lane[row])
    if lane in frame.density:
        return True
    hit = frame.hit or {}
    over = hit.get("overflow")
    if over is None or not over.any() or not frame.sx:
        return False
    x = float(cols.xm[row]) * frame.sx + frame.tx
    return bool(np.any(over & (hit["lane"] == lane) & (np.abs(hit["x"] - x) < 1.0)))

