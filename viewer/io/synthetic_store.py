"""Synthetic collections of any size for benchmarks, written without Event objects.

:func:`write_synthetic_collection` writes what ``timeline-viewer convert`` makes
of :meth:`SyntheticTimeline.write_native <viewer.model.synthetic.SyntheticTimeline.write_native>`'s
file (the same rows: drawing columns from
:meth:`EventColumns.from_dates <viewer.model.columns.EventColumns.from_dates>`,
text columns built by DuckDB from the numbers), in chunks of
``chunk`` events so that 10^8 events need no more memory than 10^7.  Chunk
``k`` is ``synthetic_timeline(chunk, seed + k)``; with one chunk the data is
exactly ``synthetic_timeline(n, seed)``.  No Qt.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator

import numpy as np

from viewer.model.columns import KIND_SPAN, DateArrays, EventColumns
from viewer.model.dates import Precision
from viewer.model.synthetic import _WORDS, DAY, N_TRACKS, synthetic_timeline

from .collection import LAYOUT_VERSION
from .duckstore import write_collection

__all__ = ["write_synthetic_collection", "synthetic_meta"]


def synthetic_meta(n: int) -> str:
    """The timeline fields of a synthetic collection (as :func:`~viewer.io.collection.timeline_meta`)."""
    return json.dumps({"format": "timeline-viewer", "version": 1, "title": f"Synthetic timeline, {n:,} events",
                       "time_zone": "UTC", "tracks": [{"id": f"t{k:02d}", "label": f"Track {k + 1}", "order": k}
                                                      for k in range(N_TRACKS)],
                       "sources": [], "layout_version": LAYOUT_VERSION})


def _chunks(n: int, seed: int, chunk: int) -> Iterator[dict[str, np.ndarray]]:
    done = 0
    k = 0
    while done < n:
        m = min(chunk, n - done)
        s = synthetic_timeline(m, seed + k if chunk < n else seed)
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
        k += 1


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

    Returns the number of rows written; raises ``OSError`` / ``duckdb.Error`` on a write failure.
    """
    return write_collection(path, synthetic_meta(n), _chunks(n, seed, chunk), exprs=_exprs(), progress=progress)
