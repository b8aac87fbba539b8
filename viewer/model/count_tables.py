"""Pre-aggregated counts answered in numpy: the density strips of a zoomed-out view
without asking the engine.  Pure Python + numpy (no Qt).

A collection's count table (:mod:`viewer.io.duckstore`) holds, per lane, how many
markers fall in each bucket ``[b * r, (b + 1) * r)`` at a few widths ``r``, and
the date-only events per lane per possible interval (counted over it in equal
shares).  Loaded once, each becomes a cumulative function per lane:

* markers: ``F(t)`` = markers before ``t``, a bucket's markers taken as even
  within it (so ``F`` is linear inside a bucket);
* spread: ``G(t)`` = the part of the date-only events before ``t``.

A strip of ``bins`` pixels is then ``diff(F(edges)) + diff(G(edges))``:
``O(bins log M)`` per lane, whatever the number of events.  Units: epoch s.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np

__all__ = ["MarkerCounts", "SpreadCounts", "WindowCounts"]


class MarkerCounts:
    """Marker counts per lane per bucket of one width.

    Parameters
    ----------
    res : float
        Bucket width, s.
    lane, bucket, n : arrays of equal length M
        Lane, bucket number (bucket ``b`` is ``[b * res, (b + 1) * res)``) and markers in it.
    """

    def __init__(self, res: float, lane: np.ndarray, bucket: np.ndarray, n: np.ndarray) -> None:
        self.res = float(res)
        lane = np.asarray(lane, dtype=np.int64)
        bucket = np.asarray(bucket, dtype=np.int64)
        n = np.asarray(n, dtype=float)
        ahead = (lane[1:] > lane[:-1]) | ((lane[1:] == lane[:-1]) & (bucket[1:] > bucket[:-1]))
        if not ahead.all():  # count tables come sorted by lane and bucket: sorted here only if not
            order = np.lexsort((bucket, lane))
            lane, bucket, n = lane[order], bucket[order], n[order]
        self._lanes: dict[int, tuple[np.ndarray, np.ndarray, np.ndarray]] = {}
        cuts: list[int] = [0, *(np.flatnonzero(lane[1:] != lane[:-1]) + 1).tolist(), len(lane)] if len(lane) else []
        for a, b in zip(cuts[:-1], cuts[1:], strict=True):
            counts = n[a:b]
            self._lanes[int(lane[a])] = (bucket[a:b], np.concatenate(([0.0], np.cumsum(counts))), counts)
        self.rows = len(lane)

    def cumulative(self, lane: int, t: np.ndarray) -> np.ndarray:
        """Markers of ``lane`` before each time ``t`` (epoch s), float64 like ``t``."""
        got = self._lanes.get(int(lane))
        if got is None:
            return np.zeros(len(t))
        buckets, cum, counts = got
        pos = t / self.res
        b = np.floor(pos).astype(np.int64)
        j = np.searchsorted(buckets, b, "left")
        out = cum[j].copy()
        inside = j < len(buckets)
        inside[inside] = buckets[j[inside]] == b[inside]
        out[inside] += counts[j[inside]] * (pos[inside] - b[inside])
        return np.asarray(out, dtype=float)

    def density(self, lanes: Iterable[int], t0: float, t1: float, bins: int) -> np.ndarray:
        """float64 (len(lanes), bins): markers per bin over ``[t0, t1]``, each bucket's spread evenly."""
        edges = np.linspace(t0, t1, int(bins) + 1)
        return _clean(np.array([np.diff(self.cumulative(k, edges)) for k in lanes]).reshape(-1, int(bins)))


_Spread = tuple[float, np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray]
"""Per lane: origin, sorted starts and ends, running sums (see :meth:`SpreadCounts.cumulative`)."""


class SpreadCounts:
    """Date-only events per lane per possible interval, each counted over ``[x0, x1]`` in equal shares.

    Parameters
    ----------
    lane, x0, x1, n : arrays of equal length M
        ``x0 < x1`` finite (epoch s); ``n`` events share the interval.
    """

    def __init__(self, lane: np.ndarray, x0: np.ndarray, x1: np.ndarray, n: np.ndarray) -> None:
        lane = np.asarray(lane, dtype=np.int64)
        x0, x1, w = (np.asarray(a, dtype=float) for a in (x0, x1, n))
        self._lanes: dict[int, _Spread] = {}
        for k in np.unique(lane).tolist():
            sel = lane == k
            a, b, wt = x0[sel], x1[sel], w[sel]
            ref = float(a.min())  # times measured from here: the running sums stay small
            a, b = a - ref, b - ref
            inv = wt / (b - a)
            by0, by1 = np.argsort(a, kind="stable"), np.argsort(b, kind="stable")

            def run(v: np.ndarray) -> np.ndarray:
                return np.concatenate(([0.0], np.cumsum(v)))

            self._lanes[int(k)] = (ref, a[by0], b[by1], run(inv[by0]), run((inv * a)[by0]), run(inv[by1]),
                                   run((inv * a)[by1]), run(wt[by1]))
        self.rows = len(lane)

    def cumulative(self, lane: int, t: np.ndarray) -> np.ndarray:
        """The part of ``lane``'s date-only events before each time ``t`` (epoch s)."""
        got = self._lanes.get(int(lane))
        if got is None:
            return np.zeros(len(t))
        ref, s0, s1, inv0, ax0, inv1, ax1, w1 = got
        u = t - ref
        k0 = np.searchsorted(s0, u, "right")  # started
        k1 = np.searchsorted(s1, u, "right")  # finished
        return np.asarray(w1[k1] + (inv0[k0] - inv1[k1]) * u - (ax0[k0] - ax1[k1]), dtype=float)

    def density(self, lanes: Iterable[int], t0: float, t1: float, bins: int) -> np.ndarray:
        """float64 (len(lanes), bins): the date-only events' shares per bin over ``[t0, t1]``."""
        edges = np.linspace(t0, t1, int(bins) + 1)
        return _clean(np.array([np.diff(self.cumulative(k, edges)) for k in lanes]).reshape(-1, int(bins)))


class WindowCounts:
    """Events started and ended per lane per bucket of one width: how many events of a
    lane meet a window, without reading them.

    An event meets ``[t0, t1]`` when ``x0 <= t1`` and ``x1 >= t0``; since ``x0 <= x1``,
    the events of a lane meeting it are those *started* by ``t1`` less those *ended*
    before ``t0``.  Whole buckets before the one holding ``t1`` (``t0``) come from the
    table; the caller counts the events of that one bucket up to ``t1`` (``t0``).

    Parameters
    ----------
    res : float
        Bucket width, s.
    lane, bucket, starts, ends : arrays of equal length M
        Lane, bucket number (``floor(x / res)``; open sides in a bucket far beyond any
        window) and drawn events whose ``x0`` / ``x1`` falls in it.
    """

    def __init__(self, res: float, lane: np.ndarray, bucket: np.ndarray, starts: np.ndarray,
                 ends: np.ndarray) -> None:
        self.res = float(res)
        lane = np.asarray(lane, dtype=np.int64)
        bucket = np.asarray(bucket, dtype=np.int64)
        ns, ne = np.asarray(starts, dtype=np.int64), np.asarray(ends, dtype=np.int64)
        order = np.lexsort((bucket, lane))
        lane, bucket, ns, ne = lane[order], bucket[order], ns[order], ne[order]
        self._lanes: dict[int, tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray]] = {}
        cuts = [0, *(np.flatnonzero(lane[1:] != lane[:-1]) + 1).tolist(), len(lane)] if len(lane) else []
        for a, b in zip(cuts[:-1], cuts[1:], strict=True):
            self._lanes[int(lane[a])] = (bucket[a:b], np.concatenate(([0], np.cumsum(ns[a:b]))),
                                         np.concatenate(([0], np.cumsum(ne[a:b]))), ns[a:b], ne[a:b])
        self.rows = len(lane)

    def before(self, lane: int, b_start: int, b_end: int) -> tuple[int, int, int, int]:
        """For ``lane``: (events started in buckets ``< b_start``, events started in bucket ``b_start``,
        events ended in buckets ``< b_end``, events ended in bucket ``b_end``)."""
        got = self._lanes.get(int(lane))
        if got is None:
            return 0, 0, 0, 0
        buckets, cs, ce, ns, ne = got
        i, j = int(np.searchsorted(buckets, b_start)), int(np.searchsorted(buckets, b_end))
        in_s = int(ns[i]) if i < len(buckets) and buckets[i] == b_start else 0
        in_e = int(ne[j]) if j < len(buckets) and buckets[j] == b_end else 0
        return int(cs[i]), in_s, int(ce[j]), in_e


NOISE = 1e-9
"""Shares below this (rounding of the running sums) are taken as 0: a bin no event meets is exactly 0."""


def _clean(out: np.ndarray) -> np.ndarray:
    out[out < NOISE] = 0.0
    return out


class LongEnds:
    """The ends of the events lasting longer than one bucket (the count table's ``res = -r``
    rows: lane, bucket of ``x1``, ``x1``, events), in numpy: how many of a lane's long events
    ended in a bucket before a moment, without asking the engine.

    Parameters
    ----------
    lane, bucket, x1, n : arrays of equal length M
    """

    def __init__(self, lane: np.ndarray, bucket: np.ndarray, x1: np.ndarray, n: np.ndarray) -> None:
        lane, bucket = np.asarray(lane, dtype=np.int64), np.asarray(bucket, dtype=np.int64)
        x1, n = np.asarray(x1, dtype=np.float64), np.asarray(n, dtype=np.int64)
        order = np.lexsort((x1, bucket))
        self._bucket, self._lane, self._x1, self._n = bucket[order], lane[order], x1[order], n[order]

    def ended_before(self, bucket: int, t: float, lanes: Iterable[int]) -> dict[int, int]:
        """Long events per lane of ``lanes`` ending in ``bucket`` before ``t`` (lanes with none left out)."""
        a, b = np.searchsorted(self._bucket, [bucket, bucket + 1])
        before = a + int(np.searchsorted(self._x1[a:b], t, side="left"))
        lane, n = self._lane[a:before], self._n[a:before]
        keep = np.isin(lane, np.fromiter((int(k) for k in lanes), dtype=np.int64))
        sums = np.bincount(lane[keep] - lane[keep].min(), weights=n[keep]) if keep.any() else np.zeros(0)
        low = int(lane[keep].min()) if keep.any() else 0
        return {low + i: int(v) for i, v in enumerate(sums.tolist()) if v}
