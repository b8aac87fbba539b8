"""Screen-space layout of event markers and labels within a lane (no Qt).

Events of a lane are stacked into ``n_slots`` sub-rows so that neither
markers nor labels overlap.  Greedy placement by priority (the selected
event first, then time order), as timeline libraries do (vis-timeline's
"stack" option): each event takes the first sub-row where its marker, bar
and full label fit; failing that, a label shortened to the free room (at
least ``min_label_px``); failing that, its marker alone; failing that, the
sub-row where it overlaps least.  The full text is always in the detail pane.
A bar (``bar1 > bar0``: a span, drawn without a marker) occupies exactly its
bar and the label beside it: two spans that touch (one ends at 08:00, the
next starts at 08:00) are not overlapping and share a sub-row.

Cost is O(k log k + k * n_slots * log k) for k visible events of the lane;
the caller switches to a density strip when k exceeds the pixels available.
"""

from __future__ import annotations

import bisect
from bisect import bisect_right
from dataclasses import dataclass

__all__ = ["Placement", "layout_lane"]


@dataclass
class Placement:
    """Where one event is drawn, in device pixels.

    ``label_width`` is the room given to the label (0 = no label; smaller
    than the text's width = elide the text to it); ``overflow`` marks an
    event drawn over another because no sub-row was free.
    """

    row: int
    slot: int
    marker_x: float
    bar0: float
    bar1: float
    label_x: float
    label_width: float
    overflow: bool = False


class _Slot:
    """Occupied pixel intervals of one sub-row, kept sorted and disjoint."""

    def __init__(self) -> None:
        self.starts: list[float] = []
        self.ends: list[float] = []

    def free_room(self, left: float, right: float) -> float:
        """How far right of ``left`` the row is free (up to ``right``), or -1 if ``left`` is taken."""
        i = bisect.bisect_right(self.starts, left)
        if i > 0 and self.ends[i - 1] > left:
            return -1.0
        nxt = self.starts[i] if i < len(self.starts) else right
        return min(right, nxt) - left

    def take(self, left: float, right: float) -> None:
        """Mark ``[left, right)`` as occupied, merged with any interval it meets
        (an overflow marker is drawn over others), so the row stays sorted and
        disjoint: ``ends`` is then sorted too, which the free-room tests rely on."""
        i = bisect.bisect_left(self.starts, left)
        if i > 0 and self.ends[i - 1] >= left:
            i -= 1
            left = self.starts[i]
        k = bisect.bisect_right(self.starts, right, lo=i)
        if k > i:
            right = max(right, self.ends[k - 1])
        self.starts[i:k] = [left]
        self.ends[i:k] = [right]


def layout_lane(
    rows: list[int],
    marker_x: list[float],
    bar0: list[float],
    bar1: list[float],
    label_px: list[float],
    n_slots: int,
    *,
    marker_half: float = 7.0,
    gap: float = 10.0,
    min_label_px: float = 60.0,
    first: int | None = None,
    left_edge: float = float("-inf"),
    right_edge: float = float("inf"),
    touch_px: float = 0.5,
) -> list[Placement]:
    """Place a lane's visible events into sub-rows.

    Parameters
    ----------
    rows : list of int, length k
        Row numbers of the events (any order); returned placements refer to them.
    marker_x, bar0, bar1 : list of float, length k
        Marker centre and bar extent in device pixels (``bar0 == bar1`` for
        a bare point).
    label_px : list of float, length k
        Width in pixels of each label's full text (already capped).
    n_slots : int
        Sub-rows available in the lane (>= 1).
    marker_half, gap, min_label_px : float
        Marker half-width, free pixels kept between neighbours, and the
        narrowest room worth an (elided) label.
    first : int or None
        Index into ``rows`` of the selected event: it must get its whole
        label.  The lane is laid out as usual first, so selecting does not
        shuffle rows; only if the selected label did not fit is it placed
        before all others.
    left_edge, right_edge : float
        The view's edges in pixels: a point's label that would cross the
        right edge goes left of its marker if it fits there, else on the
        side with more room, shortened.
    touch_px : float
        Bars that overlap by at most this many pixels touch and may share a
        sub-row (the caller passes one second of time in pixels: a span
        ending at 08:00:00 runs to the end of that second, the next one
        starts at 08:00:00).

    Returns
    -------
    list of Placement, one per event; ``overflow`` is True for an event
    that found no free sub-row and overlaps another.
    """
    out = _layout(rows, marker_x, bar0, bar1, label_px, n_slots, marker_half, gap,
                  min_label_px, None, left_edge, right_edge, touch_px)
    if first is not None and 0 <= first < len(rows):
        mine = next(p for p in out if p.row == rows[first])
        if mine.label_width < min(label_px[first], right_edge - left_edge) - 0.5 or mine.overflow:
            out = _layout(rows, marker_x, bar0, bar1, label_px, n_slots, marker_half, gap,
                          min_label_px, first, left_edge, right_edge, touch_px)
    return out


def _layout(rows, marker_x, bar0, bar1, label_px, n_slots, marker_half, gap, min_label_px,
            first, left_edge, right_edge, touch_px=0.5) -> list[Placement]:
    k = len(rows)
    # by (marker x, bar start), ties in input order (no key function: one tuple per event)
    by_x = [j for _, _, j in sorted(zip(marker_x, bar0, range(k)))]
    order = list(by_x)
    if first is not None:
        order.remove(first)
        order.insert(0, first)
    n_slots = max(1, n_slots)
    slots = [_Slot() for _ in range(n_slots)]
    # look-ahead: a label may run over the next n_slots - 1 markers (they can
    # take other sub-rows) but must stop before the n_slots-th next one.
    cap = [float("inf")] * k
    for pos, j in enumerate(by_x):
        if pos + n_slots < k:
            cap[j] = marker_x[by_x[pos + n_slots]] - marker_half - gap
    out: list[Placement] = []
    best: tuple[float, int] | None  # (label room, slot) of the sub-row an event takes
    # the inner loop of a frame: builtins min/max written as conditionals
    # (``min(a, b)`` is ``b if b < a else a``, ``max(a, b)`` is ``b if b > a else a``)
    for j in order:
        m = marker_x[j]
        b0, b1, lpx = bar0[j], bar1[j], label_px[j]
        mlo, mhi = m - marker_half, m + marker_half
        is_bar = b1 > b0  # a span's bar: no marker, it occupies exactly [b0, b1)
        left = b0 if is_bar else (mlo if mlo < b0 else b0)
        if is_bar:  # what it may share with the next bar: touching is not overlapping
            body_right = b1 - touch_px if b1 - touch_px > b0 + 0.25 else b0 + 0.25
        else:
            body_right = mhi if mhi > b1 else b1
        inside_room = 0.0  # a bar running off the right edge: the room for its label inside what is shown
        if b1 - b0 > lpx + 8:  # inside the bar
            label_left = b0 + 4 if b0 + 4 > mhi + 4 else mhi + 4
        else:
            label_left = body_right + 4
            if is_bar and label_left + (min_label_px if min_label_px < lpx else lpx) > right_edge:
                # no room right of the bar, on screen: the label goes inside it, shortened (it was
                # laid out past the edge, out of sight, though the bar had room on screen)
                inner = b0 + 4 if b0 + 4 > mhi + 4 else mhi + 4
                room = (b1 if b1 < right_edge else right_edge) - inner
                if room >= (min_label_px if min_label_px < lpx else lpx - 0.5):
                    label_left, inside_room = inner, room
        if j == first:
            want = lpx
        else:
            room_cap = cap[j] - label_left
            want = room_cap if room_cap < lpx else lpx
            want = want if want > 0.0 else 0.0
        if inside_room:
            want = inside_room if inside_room < want else want
        to_left = False
        if b1 == b0 and label_left + lpx > right_edge:
            room_right = right_edge - label_left
            room_left = (mlo - 4) - left_edge
            if room_left >= lpx or room_left > room_right:
                # the label goes left of the marker, shortened if it must be
                want = min(lpx, max(0.0, room_left))
                to_left = True
            else:
                want = min(want, max(0.0, room_right))
        if to_left:
            best = _left_label_slot(slots, mlo, body_right + gap, want, gap, left_edge)
            if best is not None:
                label_room, s = best
                if label_room < min(min_label_px, lpx - 0.5):
                    label_room = 0.0
                label_left = mlo - 4 - label_room
                slots[s].take(label_left - 2 if label_room else mlo, body_right + gap)
                out.append(Placement(rows[j], s, m, b0, b1, label_left, label_room))
                continue
        lw = label_left + want
        want_right = (lw if lw > body_right else body_right) + gap
        best = None
        for s, slot in enumerate(slots if not to_left else ()):
            # slot.free_room(left, want_right), inlined
            starts = slot.starts
            i = bisect_right(starts, left)
            if i > 0 and slot.ends[i - 1] > left:
                continue
            if i < len(starts) and starts[i] < body_right:
                continue  # its bar would run into something placed before it (the selected event)
            room = (starts[i] if i < len(starts) and starts[i] < want_right else want_right) - left
            label_room = left + room - gap - label_left
            label_room = label_room if label_room < want else want
            if label_room >= want - 0.5:
                best = (want, s)
                break
            if best is None or label_room > best[0]:
                best = (label_room, s)
        if best is None:
            # every sub-row is taken at this x: overlap in the least crowded one
            s = min(range(len(slots)), key=lambda q: slots[q].ends[-1] if slots[q].ends else 0.0)
            out.append(Placement(rows[j], s, m, b0, b1, label_left, 0.0, overflow=True))
            slots[s].take(left, body_right)
            continue
        label_room, s = best
        if label_room < min(min_label_px, lpx - 0.5):
            label_room = 0.0
        lr = label_left + label_room
        if is_bar and (not label_room or lr <= b1 - touch_px):
            right = body_right  # a bar with its label inside (or none): the next bar may start where it ends
        else:
            right = (lr if lr > body_right else body_right) + (gap if label_room else 2)
        slots[s].take(min(left, label_left - 2), right)
        out.append(Placement(rows[j], s, m, b0, b1, label_left, label_room if label_room > 0.0 else 0.0))
    return out


def _left_label_slot(slots: list[_Slot], marker_left: float, body_right: float, want: float,
                     gap: float, left_edge: float) -> tuple[float, int] | None:
    """The sub-row for a point whose label goes left of its marker.

    The marker and its right margin ``[marker_left, body_right)`` must be
    free; the label then gets the room between the nearest occupied interval
    on the left (plus ``gap``) or ``left_edge`` and ``marker_left - 4``, at
    most ``want``.  Returns ``(label room, slot)``, the first sub-row giving
    the whole ``want`` or else the one giving most, or None when the marker
    is covered in every sub-row (the caller marks it as overflow).
    """
    best: tuple[float, int] | None = None
    for s, slot in enumerate(slots):
        i = bisect.bisect_left(slot.starts, body_right)  # intervals starting left of the body's end
        prev_end = slot.ends[i - 1] if i > 0 else float("-inf")
        if prev_end > marker_left:
            continue  # the marker would sit on something already drawn
        free_from = max(prev_end + gap, left_edge)
        room = max(0.0, min(want, marker_left - 4 - free_from))
        if room >= want - 0.5:
            return want, s
        if best is None or room > best[0]:
            best = (room, s)
    return best
