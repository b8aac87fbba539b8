"""Stacks: events of one lane drawn at the very same instant (no Qt).

Thousands of events can share one timestamp on one track (a bulk import
stamped 10:00).  They are drawn on top of each other, so the view says how
many there are (``"5,000 at 10:00"``) and a click steps through them: the
first click on the stack selects its first event, each further click the
next one, wrapping round (:func:`next_in_stack`).

All positions are seconds from the columns' origin (``EventColumns.xm``);
a stack is found by binary search in the lane's sorted markers, O(log n).
"""

from __future__ import annotations

import numpy as np

from .columns import FLAG_IMPRECISE, FLAG_OPEN_END, FLAG_OPEN_START, KIND_POINT, EventColumns
from .precision import Precision

__all__ = ["stack_rows", "next_in_stack", "largest_stacks", "stack_precision", "stack_text", "stack_meaning"]

_DAY_S = 86400.0
#: the widest possible interval (s) of a date known to each precision, coarse last
_UNIT_LIMITS = ((_DAY_S * 1.01, Precision.DAY), (_DAY_S * 31.5, Precision.MONTH),
                (_DAY_S * 366.5, Precision.YEAR), (_DAY_S * 3653.5, Precision.DECADE))


def stack_rows(cols: EventColumns, lane: int, x: float) -> np.ndarray:
    """Rows of ``lane`` whose marker is exactly at ``x`` (seconds from the origin), in row order.

    Returns
    -------
    int64 array (k,)
        Empty when no marker is at ``x``.
    """
    lo, hi = cols.block(lane)
    order = cols.xm_order
    if order is None:  # always set once the columns are built
        return np.zeros(0, dtype=np.int64)
    xs = cols.xm_sorted[lo:hi]
    a = int(np.searchsorted(xs, x, side="left"))
    b = int(np.searchsorted(xs, x, side="right"))
    return np.sort(order[lo + a:lo + b])


def next_in_stack(cols: EventColumns, row: int, selected_row: int | None) -> int:
    """The row a click on ``row``'s marker selects.

    When ``row`` is one of a stack (several events at its instant on its
    lane) and the selected event is in the same stack, the next one of the
    stack (wrapping round); else the stack's first.  A lone event is
    returned unchanged.
    """
    lane = int(cols.lane[row])
    rows = stack_rows(cols, lane, float(cols.xm[row]))
    if len(rows) <= 1:
        return row
    if selected_row is not None:
        k = int(np.searchsorted(rows, selected_row))
        if k < len(rows) and rows[k] == selected_row:
            return int(rows[(k + 1) % len(rows)])
    return int(rows[0])


def largest_stacks(cols: EventColumns, lane: int, a: float, b: float, limit: int = 8,
                   minimum: int = 2) -> list[tuple[float, int]]:
    """The biggest stacks of ``lane`` with markers in ``[a, b]``: ``[(x, count), ...]``.

    Largest first, at most ``limit``, each of at least ``minimum`` events.
    O(m) for the m markers in view (one pass with numpy).
    """
    lo, hi = cols.block(lane)
    xs = cols.xm_sorted[lo:hi]
    i, j = int(np.searchsorted(xs, a, side="left")), int(np.searchsorted(xs, b, side="right"))
    seg = xs[i:j]
    if len(seg) < minimum:
        return []
    starts = np.flatnonzero(np.concatenate(([True], seg[1:] != seg[:-1])))
    counts = np.diff(np.append(starts, len(seg)))
    big = np.flatnonzero(counts >= minimum)
    if not len(big):
        return []
    top = big[np.argsort(-counts[big], kind="stable")[:limit]]
    return [(float(seg[starts[k]]), int(counts[k])) for k in top]


def stack_precision(cols: EventColumns, lane: int, x: float) -> tuple[Precision, bool] | None:
    """How finely the stack of ``lane`` at ``x`` (seconds from the origin) is dated.

    Returns
    -------
    (Precision, bool) or None
        None when all its events are timed (the stack's instant is then a true time of
        day).  Else the coarsest of its events' precisions: ``Precision.DAY``, ``MONTH``,
        ``YEAR``, ``DECADE`` or ``CENTURY``, and True when some event is only known to
        be one of several days around the marker's day (a week, as ACLED's
        ``time_precision 2``): the stack is then "around" that day.

    A date-only event's marker sits at the middle of its possible days (noon of its
    day): naming that as a time would claim a precision the source does not give.  The
    widths are read from the drawn columns: a point's possible interval (without an open
    side's whisker), a span's possible start (earliest to latest start).
    """
    rows = stack_rows(cols, lane, x)
    if not len(rows):
        return None
    rows = rows[(cols.flags[rows] & FLAG_IMPRECISE) != 0]
    if not len(rows):
        return None
    open_side = (cols.flags[rows] & (FLAG_OPEN_START | FLAG_OPEN_END)) != 0
    with np.errstate(invalid="ignore"):
        point = cols.x1[rows] - cols.x0[rows] - np.where(open_side, cols.open_whisker_s, 0.0)
        span = cols.solid0[rows] - cols.x0[rows]
        width = np.where(cols.kind[rows] == KIND_POINT, point, span)
    width = width[np.isfinite(width)]
    widest = float(width.max()) if len(width) else _DAY_S
    if widest <= _DAY_S * 1.01:
        return Precision.DAY, False
    if widest < _DAY_S * 27.5:  # shorter than any month: some days around the marker's
        return Precision.DAY, True
    for limit, precision in _UNIT_LIMITS[1:]:
        if widest <= limit:
            return precision, False
    return Precision.CENTURY, False


def stack_text(count: int, when: str, precision: Precision | None = None, around: bool = False) -> str:
    """``"5,000 at 10:00"``; for a stack dated only to the day or coarser (``precision``
    and ``around`` from :func:`stack_precision`) ``"209 on Fri 1 May 2020"``,
    ``"209 around Fri 1 May 2020"`` or ``"12 in May 2020"``."""
    if precision is None or precision > Precision.DAY:
        return f"{count:,} at {when}"
    if precision == Precision.DAY:
        return f"{count:,} {'around' if around else 'on'} {when}"
    return f"{count:,} in {when}"


def stack_meaning(label: str) -> str:
    """What a label of :func:`stack_text` counts, in words for its tooltip: ``"40 on Thu 10 Feb
    2022"`` gives ``"40 events of this track dated to this day, drawn one over another"``; an
    ``around`` label says that its events are dated only to within some days (less than a month)
    and marked at the middle of their possible dates, the day it names.  "" for another text."""
    count, _, rest = label.partition(" ")
    word = rest.split(" ", 1)[0]
    many = f"{count} events of this track"
    if word == "at":
        return f"{many} at this very instant, drawn one over another"
    if word == "on":
        return f"{many} dated to this day (no time given), drawn one over another"
    if word == "around":
        return (f"{many} drawn one over another; around: dated only to within some days (less than a "
                "month), each marked at the middle of its possible dates, the day named, which the source "
                "does not give as the day")
    if word == "in":
        return f"{many} dated only to this month, year or coarser, drawn one over another"
    return ""
