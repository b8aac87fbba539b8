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

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

__all__ = ["DEFAULT_STRIP_FRACTION", "DEFAULT_STRIP_PX", "LaneGeometry", "lane_geometry"]

DEFAULT_STRIP_PX = 18.0  #: height of a collapsed lane, pixels (the view raises it to fit its label)
DEFAULT_STRIP_FRACTION = 0.25  #: a collapsed lane's height in lane units when no pixel height is known
_MAX_STRIP = 0.5  #: a strip is never more than half an expanded lane


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
    """

    track_ids: tuple[str, ...]
    top: np.ndarray
    height: np.ndarray
    collapsed: np.ndarray
    extent: float

    def __len__(self) -> int:
        return len(self.track_ids)

    @property
    def bottom(self) -> np.ndarray:
        """Lower edge of each lane, lane units, shape (n,)."""
        return self.top + self.height

    @property
    def centre(self) -> np.ndarray:
        """Vertical centre of each lane, lane units, shape (n,) (where its axis label goes)."""
        return self.top + self.height / 2

    @property
    def total(self) -> float:
        """Bottom of the last lane, lane units (0.0 without lanes)."""
        return float(self.top[-1] + self.height[-1]) if len(self.track_ids) else 0.0

    def lane_at(self, y: float) -> int | None:
        """Index of the lane containing ``y`` (lane units; top edge inclusive), or None."""
        if not len(self.track_ids) or not y >= 0.0 or y >= self.total:
            return None
        return int(np.searchsorted(self.top, y, side="right")) - 1

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
) -> LaneGeometry:
    """Lane positions for tracks in display order, some hidden, some collapsed.

    Parameters
    ----------
    track_ids : sequence of str
        Track ids top to bottom (the order the filters ask for).
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
    height = np.where(is_col, strip, 1.0).astype(float)
    top = np.concatenate(([0.0], np.cumsum(height)[:-1])) if n else np.zeros(0)
    total = float(height.sum())
    extent = total if n_exp or not n else max(total, float(n))
    return LaneGeometry(ids, top, height, is_col, extent)
