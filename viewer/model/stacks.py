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

from .columns import EventColumns

__all__ = ["stack_rows", "next_in_stack", "largest_stacks", "stack_text"]


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


def stack_text(count: int, when: str) -> str:
    """``"5,000 at 10:00"``."""
    return f"{count:,} at {when}"
