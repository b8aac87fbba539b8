"""Synthetic collections of any size for benchmarks, written without Event objects.

:func:`write_synthetic_collection` writes what ``timeline-viewer convert`` makes
of :meth:`SyntheticTimeline.write_native <viewer.model.synthetic.SyntheticTimeline.write_native>`'s
file (the same rows: drawing columns from
:meth:`EventColumns.from_dates <viewer.model.columns.EventColumns.from_dates>`,
text columns built by DuckDB from the numbers), in chunks of
``chunk`` events so that 10^8 events need no more memory than 10^7.  The chunks
are in time order (:func:`synthetic_parts`: chunk ``k`` holds the ``k``-th stretch
of whole days, sorted inside), so the writer streams them without sorting 10^8
rows; with one chunk the data is exactly ``synthetic_timeline(n, seed)``.  No Qt.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator

import numpy as np

from viewer.model.columns import KIND_SPAN, DateArrays, EventColumns
from viewer.model.dates import Precision
from viewer.model.synthetic import (
    _WORDS,
    BURST_DAYS,
    DAY,
    N_TRACKS,
    SyntheticTimeline,
    events_on_days,
    synthetic_timeline,
)

from .collection import LAYOUT_VERSION
from .duckstore import write_collection

__all__ = ["write_synthetic_collection", "synthetic_meta", "synthetic_parts"]


def synthetic_meta(n: int) -> str:
    """The timeline fields of a synthetic collection (as :func:`~viewer.io.collection.timeline_meta`)."""
    return json.dumps({"format": "timeline-viewer", "version": 1, "title": f"Synthetic timeline, {n:,} events",
                       "time_zone": "UTC", "tracks": [{"id": f"t{k:02d}", "label": f"Track {k + 1}", "order": k}
                                                      for k in range(N_TRACKS)],
                       "sources": [], "layout_version": LAYOUT_VERSION})


def _day_counts(n: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """Events per day of the year (``(365,)`` each): outside the bursts, in them
    (:func:`~viewer.model.synthetic.synthetic_timeline`'s mixture, drawn once for all ``n``)."""
    p = np.concatenate([np.full(365, 0.7 / 365), np.full(len(BURST_DAYS), 0.3 / len(BURST_DAYS))])
    got = np.random.default_rng(seed).multinomial(n, p / p.sum())
    burst = np.zeros(365, dtype=np.int64)
    np.add.at(burst, np.asarray(BURST_DAYS), got[365:])
    return got[:365], burst


def _days_timeline(days: np.ndarray, plain: np.ndarray, burst: np.ndarray, rng: np.random.Generator
                   ) -> SyntheticTimeline:
    """The events of whole ``days`` (``plain``/``burst`` of them each), drawn as
    :func:`~viewer.model.synthetic.synthetic_timeline` draws them, sorted by start (stable)."""
    in_burst = np.concatenate([np.zeros(int(plain.sum()), dtype=bool), np.ones(int(burst.sum()), dtype=bool)])
    day = np.concatenate([np.repeat(days, plain), np.repeat(days, burst)]).astype(np.float64)
    s = events_on_days(rng, day, in_burst)
    order = np.argsort(s.start, kind="stable")
    return SyntheticTimeline(s.n, s.track[order], s.kind[order], s.start[order], s.end[order], s.day_only[order])


def synthetic_parts(n: int, seed: int = 2022, chunk: int = 5_000_000) -> Iterator[SyntheticTimeline]:
    """The events of :func:`write_synthetic_collection` as parts in file order.

    With ``chunk >= n`` one part, exactly ``synthetic_timeline(n, seed)``.  Else
    the parts are in time order: part ``k`` holds consecutive whole days of the
    year (about ``chunk`` events; a burst day alone may hold more), its events
    sorted by start, so no part starts before the previous one ends.  Per day
    the counts in and outside the bursts are drawn once for all ``n`` (the same
    mixture as ``synthetic_timeline``); each part's times, kinds, day-only
    flags, durations and tracks are drawn as there, from the seed ``(seed, k)``.
    """
    if chunk >= n:
        yield synthetic_timeline(n, seed)
        return
    plain, burst = _day_counts(n, seed)
    per_day = plain + burst
    first = 0
    k = 0
    while first < 365:
        last = first + 1
        while last < 365 and per_day[first:last + 1].sum() <= chunk:
            last += 1
        days = np.arange(first, last)
        yield _days_timeline(days, plain[first:last], burst[first:last], np.random.default_rng((seed, k)))
        first = last
        k += 1


def _chunks(n: int, seed: int, chunk: int) -> Iterator[dict[str, np.ndarray]]:
    done = 0
    for s in synthetic_parts(n, seed, chunk):
        m = s.n
        if not m:
            continue
        span = s.kind == KIND_SPAN
        f = np.zeros(m, dtype=bool)
        s_hi = np.where(s.day_only, s.start + DAY, s.start + 1)
        d = DateArrays(
            ids=[""] * m, lane=s.track.astype(np.int32), kind=s.kind, start_earliest=s.start, start_latest=s_hi,
            start_precision=np.where(s.day_only, int(Precision.DAY), int(Precision.SECOND)).astype(np.int8),
            start_uncertain=f, start_approximate=f, has_end=span,
            end_earliest=np.where(span, s.end, np.nan), end_latest=np.where(span, s.end + 1, np.nan),
            end_precision=np.where(span, int(Precision.SECOND), 0).astype(np.int8), end_uncertain=f,
            end_approximate=f, sort_point=s.start.copy(), n_lanes=N_TRACKS)
        cols = EventColumns.from_dates(d)
        back = np.empty(m, dtype=np.int64)
        back[cols.event_index] = np.arange(m)  # every synthetic event is drawn
        o = cols.origin_epoch_s
        out = {name: getattr(cols, name)[back] + o for name in ("x0", "x1", "xm", "solid0", "solid1")}
        out.update(file_index=np.arange(done, done + m, dtype=np.int64), lane=d.lane, kind=s.kind,
                   drawn=np.ones(m, dtype=bool), flags=cols.flags[back], spread=cols.spread_mask()[back],
                   sort_point=s.start, start_earliest=s.start, start_latest=s_hi, day_only=s.day_only,
                   end_earliest=d.end_earliest, end_latest=d.end_latest, word=(np.arange(done, done + m) % len(_WORDS)))
        yield out
        done += m


def _exprs() -> dict[str, str]:
    words = "[" + ", ".join("'" + w + "'" for w in _WORDS) + "]"
    start = ("CASE WHEN day_only THEN strftime(to_timestamp(start_earliest), '%Y-%m-%d') "
             "ELSE strftime(to_timestamp(start_earliest), '%Y-%m-%dT%H:%M:%SZ') END")
    end = "CASE WHEN kind = 1 THEN strftime(to_timestamp(end_earliest), '%Y-%m-%dT%H:%M:%SZ') END"
    title = f"list_element({words}, word::INTEGER + 1) || ' ' || file_index"
    ident = "printf('e%07d', file_index)"
    track = "printf('t%02d', lane)"
    span = "kind = 1"
    return {
        "id": ident, "title": title, "track": track,
        "start_edtf": start, "start_phrase": "''", "start_basis": "''", "start_time_zone": "NULL",
        "start_precision": "CASE WHEN day_only THEN 'day' ELSE 'second' END", "start_uncertain": "false",
        "start_approximate": "false", "start_relation": "''",
        "end_edtf": end, "end_phrase": f"CASE WHEN {span} THEN '' END", "end_basis": f"CASE WHEN {span} THEN '' END",
        "end_time_zone": "NULL", "end_precision": f"CASE WHEN {span} THEN 'second' END",
        "end_uncertain": "false", "end_approximate": "false", "end_relation": f"CASE WHEN {span} THEN '' END",
        "summary": "''", "location": "''", "actors": "[]", "sources": "[]", "source_kinds": "[]", "tags": "[]",
        "grades": "[]",
        "search_text": f"lower({title})",
        "json": (f"printf('{{\"id\":\"%s\",\"kind\":\"%s\",\"track\":\"%s\",\"title\":\"%s\",\"start\":\"%s\"%s}}', "
                 f"{ident}, CASE WHEN {span} THEN 'span' ELSE 'point' END, {track}, {title}, {start}, "
                 f"CASE WHEN {span} THEN ',\"end\":\"' || {end} || '\"' ELSE '' END)"),
    }


def write_synthetic_collection(path: str, n: int, seed: int = 2022, chunk: int = 5_000_000,
                               progress: Callable[[str], None] | None = None) -> int:
    """Write ``n`` synthetic events as a collection at ``path`` (``.parquet`` or ``.duckdb``).

    The events are :func:`synthetic_parts` ``(n, seed, chunk)``; with more than one
    part they are already in time order and written without a global sort.
    Returns the number of rows written; raises ``OSError`` / ``duckdb.Error`` on a write failure.
    """
    return write_collection(path, synthetic_meta(n), _chunks(n, seed, chunk), exprs=_exprs(), progress=progress,
                            presorted=chunk < n)
