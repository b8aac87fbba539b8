"""Where each track's lane sits on the vertical axis: the one rule for lane geometry.

Pure Python + numpy (no Qt).  The timeline widget, its event layer (painting
and hit testing), the track labels of the left axis, the picture export and
present mode all locate lanes through :func:`lane_geometry`, so a collapsed
lane is the same thin strip everywhere.

Units
-----
Lane geometry is in *lane units* of the view's y axis (y grows downwards; the
view inverts it): an expanded lane is exactly 1.0 high, a collapsed lane is a
strip of ``strip`` units.  With the pixel height of the lane area known, the
strip is made about ``strip_px`` pixels high (never more than half an
expanded lane); the expanded lanes share the rest of the height equally.
Without it, a strip is :data:`DEFAULT_STRIP_FRACTION` of a lane.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property

import numpy as np

from .columns import FLAG_YEAR_UNKNOWN, EventColumns

__all__ = ["DEFAULT_STRIP_FRACTION", "DEFAULT_STRIP_PX", "LaneGeometry", "display_order", "lane_geometry",
           "lane_weights", "MAX_LANE_WEIGHT"]

DEFAULT_STRIP_PX = 18.0  #: height of a collapsed lane, pixels (the view raises it to fit its label)
DEFAULT_STRIP_FRACTION = 0.25  #: a collapsed lane's height in lane units when no pixel height is known
_MAX_STRIP = 0.5  #: a strip is never more than half an expanded lane
MAX_LANE_WEIGHT = 4.0  #: a lane's share of the height is at most this many times the quietest lane's


@dataclass(frozen=True)
class LaneGeometry:
    """Vertical position of every shown lane, top to bottom.

    Attributes
    ----------
    track_ids : tuple of str, length n
        Track id of each lane, top to bottom (hidden tracks left out).
    top : ndarray of float, shape (n,)
        Upper edge of each lane, lane units (lane 0 starts at 0.0).
    height : ndarray of float, shape (n,)
        Height of each lane, lane units: 1.0 expanded, ``strip`` collapsed.
    collapsed : ndarray of bool, shape (n,)
        True for lanes drawn as a thin strip.
    extent : float
        Lower edge of the y range the view shows, lane units: the bottom of
        the last lane, or further down when every lane is collapsed (the
        strips keep their height and the rest of the view stays empty).
    order : ndarray of int or None, shape (n,)
        The *lane number* drawn at each position, top to bottom: lane ``k``
        is the ``k``-th track of the timeline drawn (its columns' lane ``k``).
        None: lane ``k`` is drawn at position ``k``.  A track order asked for
        in the filters is such a permutation (:func:`display_order`): the
        view reorders its lanes without a new timeline.

    Positions index ``track_ids``, ``top``, ``height`` and ``collapsed``;
    lane numbers index the drawn columns.  :attr:`rank` / :meth:`position`
    map a lane number to its position, :meth:`lane_at` a y to a lane number,
    :meth:`position_at` a y to a position, and :meth:`for_lanes` gives the
    same geometry indexed by lane number (what the event layer draws with).
    """

    track_ids: tuple[str, ...]
    top: np.ndarray
    height: np.ndarray
    collapsed: np.ndarray
    extent: float
    order: np.ndarray | None = None

    def __len__(self) -> int:
        return len(self.track_ids)

    @property
    def bottom(self) -> np.ndarray:
        """Lower edge of each lane, lane units, shape (n,)."""
        bottom: np.ndarray = self.top + self.height
        return bottom

    @property
    def centre(self) -> np.ndarray:
        """Vertical centre of each lane, lane units, shape (n,) (where its axis label goes)."""
        return self.top + self.height / 2

    @property
    def total(self) -> float:
        """Bottom of the last lane, lane units (0.0 without lanes)."""
        return float(self.top[-1] + self.height[-1]) if len(self.track_ids) else 0.0

    def position_at(self, y: float) -> int | None:
        """Position (top = 0) of the lane containing ``y`` (lane units; top edge inclusive), or None."""
        if not len(self.track_ids) or not y >= 0.0 or y >= self.total:
            return None
        return int(np.searchsorted(self.top, y, side="right")) - 1

    def lane_at(self, y: float) -> int | None:
        """Lane number (a row of the drawn columns' lanes) of the lane containing
        ``y`` (lane units; top edge inclusive), or None."""
        pos = self.position_at(y)
        if pos is None or self.order is None:
            return pos
        return int(self.order[pos])

    @cached_property
    def rank(self) -> np.ndarray:
        """Position (top = 0) of each lane number, int array shape (n,)."""
        if self.order is None:
            return np.arange(len(self.track_ids))
        rank = np.empty(len(self.order), dtype=np.int64)
        rank[self.order] = np.arange(len(self.order))
        return rank

    def position(self, lane: int) -> int:
        """Position (top = 0) of lane number ``lane``.  Raises IndexError for a lane not drawn."""
        return int(self.rank[lane])

    def for_lanes(self) -> LaneGeometry:
        """The same lanes indexed by lane number (``top[k]`` is lane ``k``'s
        upper edge, wherever it is drawn): itself when no order permutes them
        (:func:`lane_geometry` gives an identity order as None)."""
        if self.order is None:
            return self
        return self._by_lane

    @cached_property
    def _by_lane(self) -> LaneGeometry:
        rank = self.rank
        return LaneGeometry(tuple(self.track_ids[int(p)] for p in rank), self.top[rank], self.height[rank],
                            self.collapsed[rank], self.extent)

    def index(self, track_id: str) -> int | None:
        """Lane index of a track, or None when it is not shown."""
        try:
            return self.track_ids.index(track_id)
        except ValueError:
            return None


def lane_geometry(
    track_ids: Sequence[str],
    collapsed: Iterable[str] = frozenset(),
    hidden: Iterable[str] = frozenset(),
    *,
    height_px: float | None = None,
    strip_px: float = DEFAULT_STRIP_PX,
    weights: Mapping[str, float] | None = None,
    order: Sequence[str] | None = None,
) -> LaneGeometry:
    """Lane positions for tracks in display order, some hidden, some collapsed.

    Parameters
    ----------
    track_ids : sequence of str
        Track ids of the lanes drawn, by lane number (the drawn timeline's
        tracks); top to bottom unless ``order`` is given.
    collapsed : iterable of str
        Ids of collapsed tracks; ids not in ``track_ids`` are ignored.
    hidden : iterable of str
        Ids of tracks not shown at all (no lane).
    height_px : float or None
        Pixel height of the lane area (the view's height without the band
        titles).  Given, strips are ``strip_px`` high on screen (at most half
        an expanded lane); None: strips are :data:`DEFAULT_STRIP_FRACTION`.
    strip_px : float
        Wanted strip height, pixels (> 0).
    weights : mapping of track id to float, optional
        Relative height of each expanded lane (see :func:`lane_weights`);
        missing ids weigh 1.0.  The expanded lanes are scaled so that they
        still average 1.0 lane unit, so the y range keeps its size and a
        busy lane gets more of it than a quiet one.
    order : sequence of str, optional
        Track ids top to bottom (the order the filters ask for); ids not in
        ``track_ids`` are ignored, lanes not listed follow in lane order
        (:func:`display_order`).  The result's ``track_ids`` are then in this
        order and its ``order`` maps positions to lane numbers.

    Returns
    -------
    LaneGeometry

    Raises
    ------
    ValueError
        If ``strip_px`` or ``height_px`` is not a positive finite number, or
        a track id is repeated.
    """
    if not (strip_px > 0 and np.isfinite(strip_px)):
        raise ValueError(f"strip_px must be a positive number of pixels, got {strip_px!r}")
    if height_px is not None and not (height_px > 0 and np.isfinite(height_px)):
        raise ValueError(f"height_px must be a positive number of pixels, got {height_px!r}")
    hidden_set = frozenset(hidden)
    ids = tuple(t for t in track_ids if t not in hidden_set)
    if len(set(ids)) != len(ids):
        raise ValueError("track ids must be unique")
    lane_order: np.ndarray | None = None
    if order:
        lane_order = display_order(ids, order)
        if np.array_equal(lane_order, np.arange(len(ids))):
            lane_order = None
        else:
            ids = tuple(ids[int(k)] for k in lane_order)
    col_set = frozenset(collapsed)
    is_col = np.array([t in col_set for t in ids], dtype=bool)
    n = len(ids)
    n_col = int(is_col.sum())
    n_exp = n - n_col
    strip = DEFAULT_STRIP_FRACTION
    if height_px is not None and n:
        if n_exp:
            # expanded lanes share what the strips leave: E = (H - n_col * strip_px) / n_exp
            lane_px = (height_px - n_col * strip_px) / n_exp
            strip = strip_px / lane_px if lane_px > 0 else _MAX_STRIP
        else:
            strip = strip_px / (height_px / n)  # as if expanded: the strips keep their height
    strip = float(min(max(strip, 1e-3), _MAX_STRIP))
    expanded = np.ones(n, dtype=float)
    if weights and n_exp:
        w = np.array([max(float(weights.get(t, 1.0)), 0.05) if np.isfinite(weights.get(t, 1.0)) else 1.0
                      for t in ids], dtype=float)
        expanded = w / w[~is_col].mean()  # expanded lanes still average one unit
    height = np.where(is_col, strip, expanded).astype(float)
    top = np.concatenate(([0.0], np.cumsum(height)[:-1])) if n else np.zeros(0)
    total = float(height.sum())
    extent = total if n_exp or not n else max(total, float(n))
    return LaneGeometry(ids, top, height, is_col, extent, lane_order)


def display_order(track_ids: Sequence[str], order: Sequence[str]) -> np.ndarray:
    """Lane numbers top to bottom when lanes ``track_ids`` (by lane number)
    are drawn in the track order ``order``.

    Ids of ``order`` not among ``track_ids`` (hidden tracks, tracks of
    another file) are skipped; lanes whose track ``order`` does not list keep
    their lane order after the listed ones, as
    :func:`viewer.model.filters.ordered_tracks` orders tracks.

    Returns
    -------
    ndarray of int64, shape (len(track_ids),)
        A permutation of ``range(len(track_ids))``.
    """
    lane_of = {t: k for k, t in enumerate(track_ids)}
    first = [lane_of[t] for t in dict.fromkeys(order) if t in lane_of]
    listed = set(first)
    return np.array(first + [k for k in range(len(track_ids)) if k not in listed], dtype=np.int64)


def lane_weights(columns: EventColumns, max_weight: float = MAX_LANE_WEIGHT) -> dict[int, float]:
    """Relative lane heights from how many events of a lane share a day.

    The weight of lane ``k`` is the largest number of its events whose drawn
    extents meet one calendar day (UTC days of the columns' x axis): the rows
    a day zoom needs to give each its own line (vis-timeline's "stack"
    ordering gives the same count).  Clipped to ``[1, max_weight]``, so one
    crowded day cannot starve every other lane.  Only events whose drawn
    extent is shorter than 60 days count (long spans lie under everything
    and take one row of their own); lanes with more than 5,000 rows weigh
    ``max_weight`` without counting (they are drawn as density strips).

    Parameters
    ----------
    columns : EventColumns
        The drawn rows (:mod:`viewer.model.columns`), x in seconds from the origin.
    max_weight : float
        Upper bound of a weight (>= 1).

    Returns
    -------
    dict of int to float
        Lane number -> weight, for every lane of ``columns``.
    """
    day = 86400.0
    out: dict[int, float] = {}
    for lane in range(columns.n_lanes):
        a, b = columns.block(lane)
        if b - a > 5000:
            out[lane] = float(max_weight)
            continue
        x0, x1 = columns.x0[a:b], columns.x1[a:b]
        finite = np.isfinite(x0) & np.isfinite(x1)
        with np.errstate(invalid="ignore"):  # inf - inf: a row placed nowhere (its year is unknown)
            short = finite & (x1 - x0 < 60 * day)
        long_rows = int(np.count_nonzero(~short & ((columns.flags[a:b] & FLAG_YEAR_UNKNOWN) == 0)))
        d0 = np.floor(x0[short] / day).astype(np.int64)
        d1 = np.maximum(np.ceil(x1[short] / day).astype(np.int64) - 1, d0)
        peak = 0
        if len(d0):
            # sweep over day boundaries: +1 where an event's first day starts, -1 after its last
            events = np.concatenate([np.stack([d0, np.ones_like(d0)], 1), np.stack([d1 + 1, -np.ones_like(d1)], 1)])
            events = events[np.lexsort((events[:, 1], events[:, 0]))]  # ends before starts on a day
            peak = int(np.cumsum(events[:, 1]).max())
        out[lane] = float(min(max(1.0, peak + long_rows), max_weight))
    return out
