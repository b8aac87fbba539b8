"""Collections beyond memory: DuckDB over a time-sorted Parquet file (or one DuckDB file).

``timeline-viewer convert events.csv events.parquet`` writes, atomically:

* ``events.parquet``: one row per event (:data:`viewer.io.collection.COLUMNS`),
  sorted by time (sort point, then file order), row groups of 122,880 rows,
  so a window's rows are found from the row groups' min/max statistics; the
  timeline's own fields (title, tracks, sources, reference date) in the
  file's key-value metadata ``timeline_viewer``;
* ``events.counts.parquet``: markers per lane per bucket at the widths of
  :data:`~viewer.io.collection.RESOLUTIONS` (10 s ... 365 days), the events
  started and ended per lane per hour (:data:`~viewer.io.collection.WINDOW_RES`:
  how many events of a lane meet a window, so its crowded lanes are known
  without reading them) with the ends of the events lasting longer than that
  (``res = -3600``: a window's edge reads no span that merely might end there),
  and the date-only events per lane per possible
  interval (``res = 0``): the density strips of a view read these rows, not
  the events.  A collection written before the 10 s / 60 s and started/ended
  tables still opens: it answers from the tables it has and the events.
  Both carry the same ``collection`` token; a counts file that does not
  match is ignored (counted from the events instead).

``events.duckdb`` holds the same as tables ``events``, ``counts`` and ``meta``.

:class:`DuckStore` answers :class:`~viewer.model.store.EventStore` over either
(read only).  DuckDB runs in-process; extension auto-install and auto-load are
switched off (the Parquet and JSON readers are built into the ``duckdb``
wheel), so nothing is ever downloaded.  Why DuckDB: a columnar engine that
reads Parquet with row-group pruning and runs its aggregates on all cores,
embedded, from one PyPI wheel.

No Qt.
"""

from __future__ import annotations

import dataclasses
import json
import math
import os
import re
import sqlite3
import threading
import uuid
from collections.abc import Callable, Generator, Iterable
from typing import Any

import numpy as np

from viewer.model.columns import BAND_LANE
from viewer.model.dates import Precision
from viewer.model.errors import Problem, TimelineLoadError
from viewer.model.search import parse_query
from viewer.model.store import (
    DEFAULT_CAP,
    EventStore,
    SearchResult,
    VisibleEvents,
    aggregate_resolution,
    check_facet,
    check_page,
    check_window,
    density_from_parts,
    lanes_that_fit,
)
from viewer.model.store_query import FilterLike, StoreFilter
from viewer.model.text import first_of
from viewer.model.timeline import Event, Timeline

from .atomic import atomic_path, destination_problem
from .collection import (
    CALENDAR_NAMES,
    CALENDAR_SQL,
    COLUMNS,
    DRAFT_SQL,
    LOAD_COLUMNS,
    PLANNED_SQL,
    RESOLUTIONS,
    WINDOW_RES,
    NotACollectionError,
    calendar_of_rows,
    event_of_json,
    event_of_row,
    timeline_meta,
    timeline_of_columns,
    timeline_of_meta,
    timeline_row_chunks,
)
from .collection_check import TIME_COLUMNS, footer_nan_problem
from .common import ReadReport
from .regular import require_regular_file, sidecar_kind
from .search_index import (
    COUNT_CAP,
    QUICK_COUNT,
    SHOWN_COLUMNS,
    CollectionIndex,
    index_note,
    served_mismatch,
    sidecar_path,
    write_collection_index,
)
from .store_sql import (
    COUNT_TOTALS_SQL,
    DUCKDB,
    STATS_KEY,
    CountCache,
    CountedWindows,
    bucket_bins,
    bucket_bins_sql,
    count_table_mismatch,
    filter_where,
    read_stats,
    window_count_plan,
)

__all__ = ["connect", "write_collection", "copy_collection", "write_parquet", "write_duckdb", "DuckStore",
           "counts_path", "AGGREGATE_FACTOR", "ROW_GROUP", "UnsortedChunkError"]

CHUNK = 100_000
"""Events turned into rows at a time when a timeline is written (bounds the rows' memory)."""
ROW_GROUP = 122_880
"""Rows per Parquet row group (DuckDB's own row group size).  Smaller groups were measured and not
taken (benchmarks/README.md, round *Smaller row groups*): at 10^7 events, quiet machine, a frame's
p50 was 31-35 ms with these, 30-42 ms with 32,768 and 54-72 ms with 16,384 (a scan's cost per row
group outweighs the rows not read; the zoom's narrow windows, on a burst day, need most rows of the
groups they touch)."""
READ_MEMORY = "1GB"
"""Memory DuckDB may use (buffers, caches) while a store answers a view's questions."""
WRITE_MEMORY = "4GB"
"""Memory DuckDB may use while writing a collection; beyond it, it sorts on disk beside the output."""
AGGREGATE_FACTOR = 8
"""Pre-aggregated marker counts serve a density query when a bin is at least this many buckets
wide: each marker is then placed within 1/8 of a bin of where it is."""

_SQL_TYPE = {"i8": "TINYINT", "i32": "INTEGER", "i64": "BIGINT", "f64": "DOUBLE", "u8": "UTINYINT",
             "bool": "BOOLEAN", "str": "VARCHAR", "list": "VARCHAR[]"}
_TIME_ORDER = "sort_point, file_index"
_NOT_NULL = ("id", "title", "lane", "kind", "flags", "x0", "x1", "xm", "json")
"""Columns every row of a collection fills (:meth:`DuckStore._check_rows`)."""
_ROW = ("id, lane, kind, x0, x1, xm, flags, title, solid0, solid1, "
        f"coalesce({PLANNED_SQL}, false) AS planned, coalesce({DRAFT_SQL}, false) AS draft, {CALENDAR_SQL}")


_SHOWN = _ROW.removeprefix("id, ") + ", json"
"""The sidecar's :data:`~viewer.io.search_index.SHOWN_COLUMNS`: what a page shows of a row but its id."""


@dataclasses.dataclass(frozen=True)
class _Served:
    """What a page read from the sidecar's table ``shown`` gave (:meth:`DuckStore.check_sidecar_page`):
    the index, the rows' positions (int64 (K,) ascending), their columns as read and the
    condition (:func:`~viewer.io.store_sql.filter_where`) every row of the page must meet."""

    index: CollectionIndex
    positions: np.ndarray
    rows: dict[str, np.ndarray]
    where: str = "true"


def _calendar(got: dict[str, np.ndarray]) -> dict[str, Any]:
    """``cal_start`` / ``cal_end`` of fetched :data:`_ROW` columns (NULLs read through their masks)."""
    cal = {k: got[k] for k in CALENDAR_NAMES}
    cal_start, cal_end = calendar_of_rows(cal, got["kind"])
    return {"cal_start": cal_start, "cal_end": cal_end}


def connect(database: str = ":memory:", read_only: bool = False) -> Any:
    """A DuckDB connection that never downloads: extension auto-install and auto-load off.

    Raises
    ------
    ImportError
        If the ``duckdb`` package is missing.
    duckdb.Error
        If the database cannot be opened.
    """
    import duckdb

    config: dict[str, str | bool | int | float | list[str]] = {
        "autoinstall_known_extensions": "false", "autoload_known_extensions": "false"}
    con = duckdb.connect(database, read_only=read_only, config=config)
    con.execute("SET autoinstall_known_extensions=false; SET autoload_known_extensions=false; "
                "SET enable_progress_bar=false")
    return con


READ_SPILL = "4GiB"
"""The most a reading connection may spill to disk (a query past :data:`READ_MEMORY` and this
fails with DuckDB's out-of-memory error, which names the file, instead of filling a disk)."""


def keep_spill_private(con: Any) -> None:
    """Point a reading connection's spill files at ``duckdb-spill`` in the user's private cache
    folder (:func:`viewer.io.cache.cache_dir`), at most :data:`READ_SPILL`; with no trusted
    cache folder, spilling is off.  DuckDB's default is ``.tmp`` in the current folder: a
    10^8-event collection wrote 20 GB into the folder the viewer was started from."""
    from .cache import cache_dir

    folder = cache_dir(create=True)
    if folder is None:
        con.execute("SET temp_directory = ''")
        return
    con.execute(f"SET temp_directory = {_quote(os.path.join(folder, 'duckdb-spill'))}")
    con.execute(f"SET max_temp_directory_size = {_quote(READ_SPILL)}")


def counts_path(path: str) -> str:
    """Where the count tables of a Parquet collection live: ``NAME.counts.parquet`` beside it."""
    root = path[:-len(".parquet")] if path.lower().endswith(".parquet") else path
    return root + ".counts.parquet"


def _quote(s: str) -> str:
    return "'" + s.replace("'", "''") + "'"


_NP_SQL = {"b": "BOOLEAN", "i": "BIGINT", "u": "UBIGINT", "f": "DOUBLE"}


class UnsortedChunkError(ValueError):
    """A chunk given as presorted to :func:`write_collection` is not in time order."""


def _check_order(chunk: dict[str, np.ndarray], last: tuple[float, int] | None, done: int) -> tuple[float, int]:
    """Raise :class:`UnsortedChunkError` unless ``chunk``'s rows are in :data:`_TIME_ORDER`
    (``sort_point``, then ``file_index``, both strictly increasing as a pair) and its first
    row comes after ``last`` (the previous chunk's last key); return this chunk's last key.
    ``done``: rows before this chunk (for the message)."""
    sp = np.asarray(chunk["sort_point"], dtype=np.float64)
    fi = np.asarray(chunk["file_index"], dtype=np.int64)
    if not len(sp):
        return last if last is not None else (-math.inf, -1)
    ok = (sp[1:] > sp[:-1]) | ((sp[1:] == sp[:-1]) & (fi[1:] > fi[:-1]))
    if not ok.all() or np.isnan(sp).any():
        bad = int(np.flatnonzero(~ok)[0]) + 1 if not ok.all() else int(np.flatnonzero(np.isnan(sp))[0])
        raise UnsortedChunkError(f"row {done + bad:,} of the rows given as presorted is not in time order "
                                 "(expected sort_point, then file_index, increasing)")
    first = (float(sp[0]), int(fi[0]))
    if last is not None and not first > last:
        raise UnsortedChunkError(f"row {done:,} of the rows given as presorted starts a chunk before the end "
                                 "of the previous one (expected chunks in time order)")
    return float(sp[-1]), int(fi[-1])


_COUNTED = ("lane", "xm", "x0", "x1", "drawn", "spread")
"""The columns the count tables are made of (:func:`_counts_query`)."""


def _stage(con: Any, chunks: Iterable[dict[str, Any]], exprs: dict[str, str] | None = None,
           progress: Callable[[str], None] | None = None, presorted: bool = False) -> str:
    """Create table ``stage`` holding every chunk (dicts of arrays) as given, and table
    ``part_counts`` with each chunk's count tables (:func:`_counts_query`, summed by
    :func:`_merged_counts`); return the select list that makes :data:`COLUMNS` of stage
    (``exprs``: SQL over a chunk's columns for the columns it leaves out, computed after the
    sort, so a chunk of numbers is sorted narrow).  ``presorted``: each chunk is checked to be
    in time order after the previous one (:func:`_check_order`, raising :class:`UnsortedChunkError`).
    """
    exprs = exprs or {}
    kinds = dict(COLUMNS)
    made = False
    n = 0
    last: tuple[float, int] | None = None
    for chunk in chunks:
        chunk = {k: v if isinstance(v, np.ndarray) else _objects(v) for k, v in chunk.items()}
        if presorted:
            last = _check_order(chunk, last, n)
        if not made:
            types = {k: _SQL_TYPE[kinds[k]] if k in kinds else _NP_SQL.get(np.asarray(v).dtype.kind, "VARCHAR")
                     for k, v in chunk.items()}
            con.execute("CREATE TABLE stage (" + ", ".join(f"{k} {t}" for k, t in types.items()) + ")")
        con.register("chunk", chunk)
        con.execute("INSERT INTO stage SELECT " + ", ".join(f"CAST({k} AS {t})" for k, t in types.items())
                    + " FROM chunk")
        # counted here, from memory: counting the staged 10^8 rows afterwards read them (spilled) ~15 times
        counted = _counts_query("(SELECT " + ", ".join(f"CAST({k} AS {types[k]}) AS {k}" for k in _COUNTED)
                                + " FROM chunk)", ordered=False)
        con.execute(("INSERT INTO part_counts " if made else "CREATE TABLE part_counts AS ") + counted)
        made = True
        con.unregister("chunk")
        n += len(next(iter(chunk.values()))) if chunk else 0
        if progress:
            progress(f"{n:,} events staged")
    if not made:
        types = {name: _SQL_TYPE[kind] for name, kind in COLUMNS}
        con.execute("CREATE TABLE stage (" + ", ".join(f"{k} {t}" for k, t in types.items()) + ")")
    return ", ".join(f"CAST({n if n in types else exprs[n]} AS {_SQL_TYPE[k]}) AS {n}" for n, k in COLUMNS)


def _objects(values: list[Any]) -> np.ndarray:
    out = np.empty(len(values), dtype=object)
    out[:] = values
    return out


_COUNTS_SQL = ("SELECT {res} AS res, lane, floor(xm / {res})::BIGINT AS bucket, NULL::DOUBLE AS x0, "
               "NULL::DOUBLE AS x1, count(*) AS n, 0::BIGINT AS ns, 0::BIGINT AS ne FROM {src} "
               "WHERE drawn AND NOT spread GROUP BY lane, bucket")
# a side beyond ±1e15 s (an open side: ±inf) lands in a bucket far beyond any window counted from the table
_SIDE_BUCKET = "floor(greatest(least({x}, 1e15), -1e15) / {res})::BIGINT"
_WINDOW_SQL = ("SELECT {res} AS res, lane, bucket, NULL::DOUBLE AS x0, NULL::DOUBLE AS x1, sum(m)::BIGINT AS n, "
               "sum(s)::BIGINT AS ns, sum(e)::BIGINT AS ne FROM ("
               "SELECT lane, floor(xm / {res})::BIGINT AS bucket, 1 AS m, 0 AS s, 0 AS e FROM {src} "
               "WHERE drawn AND NOT spread "
               "UNION ALL SELECT lane, " + _SIDE_BUCKET.format(x="x0", res="{res}") + ", 0, 1, 0 FROM {src} "
               "WHERE drawn UNION ALL SELECT lane, " + _SIDE_BUCKET.format(x="x1", res="{res}") + ", 0, 0, 1 "
               "FROM {src} WHERE drawn) GROUP BY lane, bucket")
_LONG_ENDS_SQL = ("SELECT -{res} AS res, lane, " + _SIDE_BUCKET.format(x="x1", res="{res}") + " AS bucket, "
                  "NULL::DOUBLE AS x0, x1, count(*) AS n, 0::BIGINT AS ns, 0::BIGINT AS ne FROM {src} "
                  "WHERE drawn AND isfinite(x1) AND NOT (x1 - x0 <= {res}) GROUP BY lane, bucket, x1")
"""The ends of the events lasting more than :data:`WINDOW_RES` (``res = -WINDOW_RES``), per lane,
bucket and end: with them an edge bucket's ended events are counted without reading the rows
of every span that may end there (:func:`~viewer.io.store_sql.window_count_plan`)."""
_SPREAD_SQL = ("SELECT 0.0 AS res, lane, NULL::BIGINT AS bucket, x0, x1, count(*) AS n, 0::BIGINT AS ns, "
               "0::BIGINT AS ne FROM {src} WHERE spread GROUP BY lane, x0, x1")


_COUNT_COLUMNS = ("res", "lane", "bucket", "x0", "x1", "n")
"""Columns a count table must have (numbers), besides ``ns`` / ``ne`` of newer collections."""


def _numeric(sql_type: str | None) -> bool:
    """True for a DuckDB number type (``INTEGER``, ``BIGINT``, ``DOUBLE``, ``DECIMAL(9,1)``, ...)."""
    return sql_type is not None and sql_type.split("(")[0] in (
        "TINYINT", "SMALLINT", "INTEGER", "BIGINT", "HUGEINT", "UTINYINT", "USMALLINT", "UINTEGER", "UBIGINT",
        "FLOAT", "DOUBLE", "DECIMAL")


COUNT_SPOT_CHECKS = 4
"""Consecutive hour buckets of the count table (from a random one) counted again from the events at
each opening."""
INDEX_SPOT_CHECKS = 8
"""Rows of the collection (two random runs of half as many) checked against its sidecar search index
at each opening (all of a collection of no more rows)."""


def _counts_query(src: str, ordered: bool = True) -> str:
    """The count table: per width of :data:`RESOLUTIONS`, markers per lane per bucket (``n``), and at
    :data:`WINDOW_RES` also the events started (``ns``: ``x0`` in the bucket) and ended (``ne``);
    date-only events per lane per interval (``res = 0``).  Ordered by width, then bucket: a window's
    buckets are one stretch of the file (row groups skipped by their bucket statistics)."""
    parts = [(_WINDOW_SQL if r == WINDOW_RES else _COUNTS_SQL).format(res=repr(r), src=src) for r in RESOLUTIONS]
    parts.append(_LONG_ENDS_SQL.format(res=repr(WINDOW_RES), src=src))
    return " UNION ALL ".join([*parts, _SPREAD_SQL.format(src=src)]) + (_COUNTS_ORDER if ordered else "")


_COUNTS_ORDER = " ORDER BY res, bucket, lane, x0, x1"


def _merged_counts(con: Any) -> str:
    """The count tables of every staged chunk (table ``part_counts``, one
    :func:`_counts_query` per chunk) summed: the rows :func:`_counts_query` gives over all the
    rows, in its order (a group split between chunks is one row again)."""
    if not con.execute("SELECT count(*) FROM duckdb_tables() WHERE table_name = 'part_counts'").fetchone()[0]:
        return _counts_query("stage")  # nothing staged
    return ("SELECT res, lane, bucket, x0, x1, sum(n)::BIGINT AS n, sum(ns)::BIGINT AS ns, sum(ne)::BIGINT AS ne "
            "FROM part_counts GROUP BY res, lane, bucket, x0, x1" + _COUNTS_ORDER)


def _check_destinations(path: str) -> None:
    """Refuse, before anything is written, a collection whose files' destinations
    (``path``; for Parquet also its counts and search index) are links or not
    regular files.

    Raises
    ------
    OSError
        Naming the destination and why (:func:`~viewer.io.atomic.destination_problem`).
    """
    destinations = [path, sidecar_path(path)] if path.lower().endswith(".duckdb") else [
        path, counts_path(path), sidecar_path(path)]
    for dest in destinations:
        problem = destination_problem(dest)
        if problem is not None:
            raise OSError(problem)


def _writing_connection(path: str) -> Any:
    """A DuckDB connection for writing ``path``: rows kept in insertion order,
    memory capped at :data:`WRITE_MEMORY`, spilling beside ``path`` (on a
    shared machine too)."""
    con = connect()
    folder = os.path.dirname(os.path.abspath(path))
    con.execute(f"SET temp_directory = {_quote(os.path.join(folder, '.tv-duckdb-tmp'))}")
    con.execute("SET preserve_insertion_order = true")
    con.execute(f"SET memory_limit = {_quote(WRITE_MEMORY)}")
    return con


def _write_tables(con: Any, path: str, events: str, counts: str, kv: dict[str, str],
                  counts_words: str, progress: Callable[[str], None] | None) -> None:
    """Write a collection's events (the SQL ``events``, in time order), count
    tables (``counts``) and metadata ``kv`` atomically: one DuckDB file (tables
    ``events``, ``counts``, ``meta``) when ``path`` ends in ``.duckdb``, else the
    Parquet file (``kv`` as its key-value metadata) and :func:`counts_path`.
    The search index is the caller's.  ``counts_words`` is the progress step's text."""
    if path.lower().endswith(".duckdb"):
        with atomic_path(path) as tmp:
            os.unlink(tmp)  # DuckDB creates its own file
            con.execute(f"ATTACH {_quote(tmp)} AS out")
            con.execute(f"CREATE TABLE out.events AS {events}")
            if progress:
                progress(counts_words)
            con.execute(f"CREATE TABLE out.counts AS {counts}")
            con.execute("CREATE TABLE out.meta (key VARCHAR, value VARCHAR)")
            con.executemany("INSERT INTO out.meta VALUES (?, ?)", list(kv.items()))
            con.execute("DETACH out")
        return
    kv_sql = "{" + ", ".join(f"{k}: {_quote(v)}" for k, v in kv.items()) + "}"
    # both files or neither: the events file is renamed into place only once its counts are written
    # (a count that failed left a Parquet file without its counts, "nothing was written" said)
    with atomic_path(path) as tmp, atomic_path(counts_path(path)) as counts_tmp:
        con.execute(f"COPY ({events}) TO {_quote(tmp)} "
                    f"(FORMAT parquet, ROW_GROUP_SIZE {ROW_GROUP}, KV_METADATA {kv_sql})")
        if progress:
            progress(counts_words)
        con.execute(f"COPY ({counts}) TO {_quote(counts_tmp)} (FORMAT parquet, KV_METADATA "
                    f"{{timeline_viewer_collection: {_quote(kv['timeline_viewer_collection'])}}})")


def write_collection(path: str, meta: str, chunks: Iterable[dict[str, Any]], *,
                     exprs: dict[str, str] | None = None, progress: Callable[[str], None] | None = None,
                     presorted: bool = False) -> int:
    """Write rows (:func:`~viewer.io.collection.timeline_rows` chunks) as a collection.

    ``path`` ending in ``.duckdb`` gives one DuckDB file; else a Parquet file
    plus :func:`counts_path`.  Every file is written atomically; DuckDB sorts
    (spilling to a temporary folder beside ``path`` when memory runs short),
    unless ``presorted``: the caller's chunks are then already in time order
    (``sort_point``, then ``file_index``; each chunk's first row after the
    previous chunk's last, checked as they come) and are written in the order given.

    Returns
    -------
    int
        Rows written.

    Raises
    ------
    OSError, duckdb.Error
        If a file cannot be written; a destination that is a symbolic link or
        not a regular file (:func:`~viewer.io.atomic.destination_problem`) is
        refused before anything is written.
    UnsortedChunkError
        If ``presorted`` and a chunk is not in time order (nothing is written).
    """
    _check_destinations(path)
    token = uuid.uuid4().hex
    con = _writing_connection(path)
    try:
        select = _stage(con, chunks, exprs, progress, presorted)
        n = con.execute("SELECT count(*) FROM stage").fetchone()[0]
        if progress:
            progress(f"{n:,} events read; " + ("writing in the order given" if presorted
                                               else "sorting by time and writing"))
        lanes = dict(con.execute("SELECT lane, count(*) FROM stage WHERE drawn GROUP BY lane").fetchall())
        stats = {"extent": list(_extent(lambda sql: con.execute(sql).fetchall(), "stage")),
                 "lanes": {str(k): int(v) for k, v in lanes.items()}, "long_ends": WINDOW_RES}
        kv = {"timeline_viewer": meta, "timeline_viewer_collection": token,
              STATS_KEY: json.dumps(stats)}
        # presorted: the stage's insertion order is the time order (preserve_insertion_order)
        ordered = f"SELECT {select} FROM stage" if presorted else \
            f"SELECT {select} FROM (SELECT * FROM stage ORDER BY {_TIME_ORDER})"
        _write_tables(con, path, ordered, _merged_counts(con), kv, "counting per lane", progress)
        con.execute("DROP TABLE stage")  # its memory is not needed for the index
        con.execute("DROP TABLE IF EXISTS part_counts")
        if progress:
            progress("writing the search index")
        write_collection_index(path, _index_rows(con, _index_source(con, path)), token=token, n_rows=int(n),
                               n_drawn=sum(lanes.values()), progress=progress)
        return int(n)
    finally:
        con.close()


def copy_collection(src: str, path: str, progress: Callable[[str], None] | None = None) -> int:
    """Write the collection ``src`` (``.parquet`` or ``.duckdb``) as the other kind at ``path``,
    its tables copied as they are: the rows stay in their time order (nothing is sorted again),
    the count tables and the metadata (collection token included) are the same; a Parquet
    result gets its search index.  At 10^8 events this is a copy (minutes), where converting
    through the timeline would load at most 2 million events.

    ``src`` is opened as :class:`DuckStore` first (its checks at opening), every destination
    checked before anything is written, and each file written atomically.

    Returns
    -------
    int
        Rows written.

    Raises
    ------
    TimelineLoadError
        If ``src`` is not a collection.
    OSError, duckdb.Error
        If a file cannot be written.
    """
    _check_destinations(path)
    store = DuckStore(src, search_index=False)
    try:
        kv = {k: v for k, v in (store._q("SELECT key, value FROM meta") if src.lower().endswith(".duckdb")
                                else store._kv(src).items()) if k.startswith("timeline_viewer")}
        kv.setdefault("timeline_viewer_collection", uuid.uuid4().hex)  # written before the token: a new one
        has_counts = store._has_counts and store._windowed
        n = store.n_events
    finally:
        store.close()
    source = (f"read_parquet({_quote(src)})", f"read_parquet({_quote(counts_path(src))})") \
        if src.lower().endswith(".parquet") else ("src.events", "src.counts")
    con = _writing_connection(path)
    try:
        if src.lower().endswith(".duckdb"):
            con.execute(f"ATTACH {_quote(src)} AS src (READ_ONLY)")
        # a DuckDB table's rows in their insertion (= time) order; a Parquet file is read in its order
        events = f"SELECT * FROM {source[0]}" + (" ORDER BY rowid" if src.lower().endswith(".duckdb") else "")
        counts = f"SELECT * FROM {source[1]}" if has_counts else _counts_query(f"({events})")
        if progress:
            progress(f"copying {n:,} events")
        _write_tables(con, path, events, counts, kv, "copying the count tables", progress)
        if progress:
            progress("writing the search index")
        rows_from = _index_source(con, path)
        n_drawn = int(con.execute(f"SELECT count(*) FROM {rows_from} WHERE drawn").fetchall()[0][0])
        write_collection_index(path, _index_rows(con, rows_from), token=kv["timeline_viewer_collection"],
                               n_rows=int(n), n_drawn=n_drawn, progress=progress)
        return int(n)
    finally:
        con.close()


def _index_source(con: Any, path: str) -> str:
    """The rows of the collection just written at ``path`` for a writing connection: a ``.duckdb``
    file attached read-only (its ``events``, positions = ``rowid``), a Parquet file read with its
    row numbers; columns ``k`` (position), ``id``, ``search_text``, ``sort_point``, ``drawn``."""
    if path.lower().endswith(".duckdb"):
        con.execute(f"ATTACH {_quote(path)} AS tv_index_src (READ_ONLY)")
        return "(SELECT rowid AS k, * FROM tv_index_src.events)"
    return f"(SELECT file_row_number AS k, * FROM read_parquet({_quote(path)}, file_row_number = true))"


def _index_rows(con: Any, source: str, shown: bool = True) -> Generator[
        tuple[list[int], list[str], list[str], list[float], list[bool], list[tuple[Any, ...]]]]:
    """The rows a search index needs (:func:`~viewer.io.search_index.write_collection_index`) from
    ``source`` (a FROM item with the columns of :func:`_index_source`), in file order, as Arrow
    batches of 100,000 rows (fetching Python tuples took 6 s a million rows, Arrow 1 s).  A plain
    scan keeps the rows' order (``preserve_insertion_order``).  The sixth list holds, for each
    drawn row, ``(position, *values)`` by :data:`~viewer.io.search_index.SHOWN_COLUMNS` (empty
    without ``shown``)."""
    more = f", {_SHOWN}" if shown else ""
    reader = con.sql(f"SELECT k, id, search_text, sort_point, drawn{more} FROM {source} AS src").to_arrow_reader(
        100_000)
    try:
        for batch in reader:
            cols = batch.to_pydict()
            listed: list[tuple[Any, ...]] = []
            if shown:
                rows = zip(cols["k"], *(cols[c] for c in SHOWN_COLUMNS), strict=True)
                listed = [r for r, d in zip(rows, cols["drawn"], strict=True) if d]
            yield cols["k"], cols["id"], cols["search_text"], cols["sort_point"], cols["drawn"], listed
    finally:  # stopped early (a check found a difference): the connection is free again
        reader.close()


def write_parquet(timeline: Timeline, path: str, progress: Callable[[str], None] | None = None) -> list[str]:
    """Writer of the ``parquet`` and ``duckdb`` formats (every event kept, drafts and planned
    events included: each row's ``json`` is the native event).  Rows are made :data:`CHUNK`
    events at a time; ``progress(message)`` tells how far it got.

    Returns the events whose year is unknown (``XXXX-06-10``), one line each: they are kept
    but, as the main window does, not drawn (:mod:`viewer.model.unplaced`), and a collection
    lists and searches only what it draws."""
    from ..model.unplaced import unknown_year_words, year_unknown_rows

    write_collection(path, timeline_meta(timeline), timeline_row_chunks(timeline, CHUNK),
                     progress=progress)
    cols = timeline.columns
    left = []
    for row in year_unknown_rows(cols).tolist():
        ev = timeline.events[int(cols.event_index[row])]
        left.append(f"event {ev.id!r} ({ev.title[:60]}): its year is unknown ({unknown_year_words(ev)}): kept in "
                    "the collection, but not drawn, listed or searched there (open it by id, or in the file "
                    "it came from)")
    return left


write_duckdb = write_parquet


def _extent(query: Callable[[str], list[Any]], table: str = "ev") -> tuple[float, float]:
    """(first, last) finite drawn moment of a table of rows, epoch s; ``(0, 86400)`` if none."""
    lo, hi = query("SELECT min(least(x0, xm)) FILTER (WHERE isfinite(x0) OR isfinite(xm)), "
                   "max(greatest(x1, xm)) FILTER (WHERE isfinite(x1) OR isfinite(xm)) FROM "
                   f"{table} WHERE drawn")[0]
    if lo is None:
        return 0.0, 86400.0
    fin = query("SELECT min(xm), max(xm), min(x0) FILTER (WHERE isfinite(x0)), "
                f"max(x1) FILTER (WHERE isfinite(x1)) FROM {table} WHERE drawn")[0]
    vals = [v for v in fin if v is not None and math.isfinite(v)]
    return min(vals), max(vals)


_VIEW_NAME = re.compile(r"\bFROM (evp|ev|agg)\b(?!\s*\()")
"""A store's view named after ``FROM`` (:meth:`DuckStore._inline`)."""


NOT_FOLLOWED = "not a regular file: not opened, as a collection's sidecar file is never followed"
"""Said of a counts file or search index that is a link, a pipe or a device (:attr:`DuckStore.not_followed`)."""


def _has_range(stats: dict[str, Any]) -> bool:
    """Whether a column's merged ``stats()`` hold a min and a max that are numbers (every row group
    had them: a Parquet chunk holding NaN gets none from DuckDB's writer)."""
    return all(isinstance(stats.get(k), int | float) and not isinstance(stats.get(k), bool)
               and not math.isnan(stats[k]) for k in ("min", "max"))


_INTEGERS = frozenset({"TINYINT", "SMALLINT", "INTEGER", "BIGINT", "HUGEINT", "UTINYINT", "USMALLINT", "UINTEGER",
                       "UBIGINT"})
_SAME_KIND = {"i8": _INTEGERS, "i32": _INTEGERS, "i64": _INTEGERS, "u8": _INTEGERS,
              "f64": frozenset({"DOUBLE", "FLOAT"}), "bool": frozenset({"BOOLEAN"}),
              "str": frozenset({"VARCHAR"}), "list": frozenset({"VARCHAR[]"})}


def wrong_column_type(types: dict[str, str]) -> str:
    """``"column xm is VARCHAR, expected DOUBLE"`` for the first column of
    :data:`~viewer.io.collection.COLUMNS` in ``types`` (name -> DuckDB type) whose type is not of its
    kind (any integer for an integer column, DOUBLE or FLOAT for a float, VARCHAR for text, VARCHAR[] for
    a list, BOOLEAN); ``""`` when every one is."""
    for name, kind in COLUMNS:
        got = types.get(name)
        if got is not None and got not in _SAME_KIND[kind]:
            return f"column {name} is {got}, expected {_SQL_TYPE[kind]}"
    return ""


def not_a_collection_words(name: str, has_meta: bool, have: list[str], missing: list[str]) -> str:
    """Why the Parquet / DuckDB file ``name`` (a base name) is not a timeline collection, in the
    words the ClickHouse table gets (``"not a timeline collection: no column json in NAME"``).

    ``has_meta``: it holds ``timeline_viewer`` metadata; ``have``: its column names; ``missing``:
    the names of :data:`~viewer.io.collection.COLUMNS` it lacks.  Without metadata, a file whose
    columns the CSV reader would take for a title and a start (a user's own Parquet export of
    events) is told the way to a collection: ``convert`` reads CSV, not a Parquet table, so it
    is saved as CSV first (the output named apart from the user's file, never over it)."""
    if has_meta:
        return f"not a timeline collection: no column {first_of(missing, 8)} in {name}"
    from .csvgeneric import guess_mapping

    cols = guess_mapping(list(have))
    if "title" in cols and "start" in cols:
        stem = os.path.splitext(name)[0]
        return (f"not a timeline collection: no timeline_viewer metadata in {name}; it looks like a table of "
                f"events (columns {cols['title']!r}, {cols['start']!r}), and `timeline-viewer convert` reads "
                f"CSV, not a Parquet table: save it as CSV (in DuckDB: COPY (FROM {_quote(name)}) TO "
                f"{_quote(stem + '.csv')}), then `timeline-viewer convert {stem}.csv {stem}-timeline.parquet`")
    return (f"not a timeline collection: no timeline_viewer metadata in {name} (a collection is written by "
            "`timeline-viewer convert IN OUT.parquet` from a timeline file or a CSV table)")


class DuckStore(CountedWindows, EventStore):
    """:class:`~viewer.model.store.EventStore` over a collection written by :func:`write_collection`.

    Parameters
    ----------
    path : str
        A ``.parquet`` or ``.duckdb`` collection (opened read only).
    search_index : bool
        Use the collection's sidecar search index (:mod:`viewer.io.search_index`) when it is
        there and matches; a wrong one is ignored and :attr:`index_note` says why.
    sidecar : str, optional
        The search index's file when it is not beside the collection
        (:func:`~viewer.io.search_index.sidecar_path`): written with
        ``build_search_index(path, out=...)`` for a collection in a folder that cannot be written.

    Attributes
    ----------
    index_note : str
        Why the sidecar search index or the count tables are not used ("" when they are, or
        when there are none).

    Raises
    ------
    TimelineLoadError
        If the file is missing, not a collection, or of another layout version.
    """

    def __init__(self, path: str, search_index: bool = True, sidecar: str | None = None) -> None:
        self.path = path
        self._index: CollectionIndex | None = None
        self.index_note = ""
        self.not_followed: list[str] = []  # a sidecar that is a link or a pipe: not opened, said apart
        self._counts: CountCache | None = None
        self._sources: dict[str, str] = {}
        self._lock = threading.Lock()  # one DuckDB connection: one query at a time
        self._owner: DuckStore | None = None  # set on a second handle (background): the store it reads for
        require_regular_file(path)  # a pipe or a device is refused before DuckDB opens it
        try:
            if path.lower().endswith(".duckdb"):
                self.con = connect(path, read_only=True)
                self.con.execute(f"SET memory_limit = {_quote(READ_MEMORY)}")
                keep_spill_private(self.con)
                self.con.execute("CREATE TEMP VIEW ev AS SELECT * FROM events")
                self.con.execute("CREATE TEMP VIEW evp AS SELECT *, rowid AS file_row_number FROM events")
                meta = dict(self.con.execute("SELECT key, value FROM meta").fetchall())
                self._has_counts = True
                self.con.execute("CREATE TEMP VIEW agg AS SELECT * FROM counts")
                self._sources = {"ev": "events", "agg": "counts"}
            else:
                self.con = connect()
                self.con.execute(f"SET memory_limit = {_quote(READ_MEMORY)}")
                keep_spill_private(self.con)
                # each file's footer (schema, row-group statistics) parsed once, not on every query
                self.con.execute("SET parquet_metadata_cache = true")
                # ev for windows; evp with row positions (= time order) for pages and search: asking
                # for the positions slows every scan, so only the queries that need them do
                self.con.execute(f"CREATE VIEW ev AS SELECT * FROM read_parquet({_quote(path)})")
                self.con.execute(f"CREATE VIEW evp AS SELECT * FROM read_parquet({_quote(path)}, "
                                 "file_row_number = true)")
                self._sources = {"ev": f"read_parquet({_quote(path)})",
                                 "evp": f"read_parquet({_quote(path)}, file_row_number = true)"}
                meta = self._kv(path)
                cpath = counts_path(path)
                self._has_counts = self._counts_match(cpath, meta.get("timeline_viewer_collection"))
                if self._has_counts:
                    self.con.execute(f"CREATE VIEW agg AS SELECT * FROM read_parquet({_quote(cpath)})")
                    self._sources["agg"] = f"read_parquet({_quote(cpath)})"
            described = self.con.execute("DESCRIBE ev").fetchall()  # the footer's schema: no row read
            have = [r[0] for r in described]
        except TimelineLoadError:
            raise
        except Exception as exc:  # noqa: BLE001 - any engine error names the file
            first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__  # not its SQL
            raise NotACollectionError([Problem(path, f"not a timeline collection DuckDB can read ({first})")]) from None
        missing = [n for n, _ in COLUMNS if n not in have]
        if "timeline_viewer" not in meta or missing:
            # a column missing made the first query that named it fail with DuckDB's binder error (and its SQL)
            raise NotACollectionError([Problem(path, not_a_collection_words(
                os.path.basename(path), "timeline_viewer" in meta, have, missing))])
        wrong = wrong_column_type({r[0]: str(r[1]) for r in described})
        if wrong:  # a column of another type failed a later query with DuckDB's binder error (and its SQL)
            raise NotACollectionError([Problem(path, f"not a timeline collection: {wrong} in "
                                                     f"{os.path.basename(path)}")])
        self.timeline, self.meta = timeline_of_meta(meta["timeline_viewer"], path)
        self.zone = self.timeline.time_zone or "UTC"
        self.worded = self.meta.get("marks_hand_edits") is not True  # (a basis's words mark a hand edit)
        self.lane_ids = tuple(t.id for t in self.timeline.tracks)
        known = None if path.lower().endswith(".duckdb") else self._footer_stats()
        self._check_rows(path, known)
        if known is None or not all(_has_range(known[c]) for c in TIME_COLUMNS):
            if not path.lower().endswith(".duckdb"):  # NaN times seen from the footer (no row read for a sound file)
                footer_nan_problem(self._q, path)
        self.n_events = int(self._one("SELECT count(*) FROM ev"))
        self._stats = read_stats(meta.get(STATS_KEY))
        self._positions: dict[str, np.ndarray] = {}
        # the started/ended counts (ns, ne) are written since issue 13; an older collection has none
        self._windowed = self._has_counts and "ns" in {r[0] for r in self._q("DESCRIBE agg")}
        self.check_count_totals()
        self._token = meta.get("timeline_viewer_collection")
        if search_index:
            n_drawn = sum(self._stats.lanes.values()) if self._stats is not None else None
            side = sidecar or sidecar_path(path)
            kind = sidecar_kind(side)
            if kind is not None:  # never opened: a pipe would block, a link points elsewhere
                self._index, note = None, self._not_followed(
                    f"{os.path.basename(side)}: search index ignored (it is {kind}, {NOT_FOLLOWED}); search scans "
                    "the collection")
            else:
                self._index, note = CollectionIndex.open(path, token=self._token, n_rows=self.n_events,
                                                         n_drawn=n_drawn, sidecar=sidecar)
            self.index_note = " ".join(n for n in (self.index_note, note) if n)
            self.check_search_index()

    def _footer_stats(self) -> dict[str, dict[str, Any]] | None:
        """The statistics DuckDB merged from every row group of this Parquet collection's footer,
        per column of :data:`_NOT_NULL` and :data:`~viewer.io.collection_check.TIME_COLUMNS`
        (``stats()``: ``has_null``, ``min``, ``max``; from the cached footer, no row read), or None
        (an engine whose ``stats()`` gives text, an error): then the footer's rows are read.

        A row group without a column's null count makes ``has_null`` true, one without its
        min/max (DuckDB writes none for a chunk holding NaN) leaves the merged min/max out, so
        "no NULL" and "a min and a max" hold for every row group.  ``parquet_metadata()`` (one
        row per row group and column) took 0.6-0.9 s per query at 10^8 events (814 row groups,
        44 columns), and opening asked it twice; ``stats()`` 20-40 ms."""
        columns = tuple(dict.fromkeys(_NOT_NULL + TIME_COLUMNS))
        try:
            got = self._q("SELECT " + ", ".join(f"stats({c})" for c in columns) + " FROM ev LIMIT 1")
        except Exception:  # noqa: BLE001 - an engine without stats(): the footer's rows answer
            return None
        if not got or not all(isinstance(v, dict) for v in got[0]):
            return None
        return dict(zip(columns, got[0], strict=True))

    def _check_rows(self, path: str, known: dict[str, dict[str, Any]] | None = None) -> None:
        """Refuse a collection whose rows the window cannot draw or name: an empty (NULL) id,
        title, lane, kind, time or ``json``, or a lane beyond the tracks its metadata names.
        A Parquet file is checked from ``known`` (:meth:`_footer_stats`) when they say all is
        well, else from its footer's row-group statistics (no row read) when every row group
        has them, else (and a DuckDB file) with one aggregate query.

        Raises
        ------
        TimelineLoadError
            Naming the file, the column and what was expected.
        """
        need = _NOT_NULL
        scan = path.lower().endswith(".duckdb")
        lanes: dict[str, Any] = (known or {}).get("lane", {})
        if not scan and known is not None and all(known[c].get("has_null") is False for c in need) \
                and _has_range(lanes) and BAND_LANE <= lanes["min"] and lanes["max"] < len(self.lane_ids):
            return  # the merged statistics say no NULL and every lane drawn: nothing to name
        if not scan:
            # a row group written without statistics (stats NULL) is checked by reading the columns
            rows = self._q("SELECT path_in_schema, sum(stats_null_count), min(TRY_CAST(stats_min_value AS BIGINT)) "
                           "FILTER (WHERE path_in_schema = 'lane'), max(TRY_CAST(stats_max_value AS BIGINT)) "
                           "FILTER (WHERE path_in_schema = 'lane'), count(*) FILTER (WHERE stats_null_count IS "
                           "NULL OR (path_in_schema = 'lane' AND (stats_min_value IS NULL OR stats_max_value IS "
                           f"NULL))) FROM parquet_metadata({_quote(path)}) GROUP BY 1")
            stats = {r[0]: r[1:] for r in rows}
            scan = any(c not in stats or stats[c][3] for c in need)
            if not scan:
                null = {c: stats[c][0] for c in need}
                lo, hi = stats["lane"][1], stats["lane"][2]
        else:
            table = self._table_stats(need)
            if table is not None:
                scan, (null, lo, hi) = False, table
        if scan:
            nulls = ", ".join(f"count(*) FILTER (WHERE {c} IS NULL)" for c in need)
            got = self._q(f"SELECT min(lane), max(lane), {nulls} FROM ev")[0]
            lo, hi, null = got[0], got[1], dict(zip(need, got[2:], strict=True))
        for column, n in null.items():
            if n:
                raise TimelineLoadError([Problem(path, f"{int(n):,} rows have no {column} (NULL); every event of "
                                                       f"a collection needs one", location=f"column '{column}'")])
        n_lanes = len(self.lane_ids)
        if lo is not None and (lo < BAND_LANE or (hi is not None and hi >= n_lanes)):
            raise TimelineLoadError([Problem(
                path, f"lanes {lo}..{hi} are used but the collection's metadata names {n_lanes} track(s): expected "
                      + (f"lanes 0..{n_lanes - 1} (and {BAND_LANE} for bands)" if n_lanes else
                         f"only bands (lane {BAND_LANE})"), location="column 'lane'")])

    def _table_stats(self, need: tuple[str, ...]) -> tuple[dict[str, int], Any, Any] | None:
        """``(NULLs per column, lowest lane, highest lane)`` of a DuckDB collection from its table's
        statistics (``stats()``: no row read), or None when they do not say all is well (some NULL
        to count, a lane out of range, an empty table, statistics of another shape): then the rows
        are scanned and name what is wrong.  The scan read
        every id, title and json: 60-70 s and 1.1 GB of memory at each opening at 10^8 events."""
        try:
            got = self._q("SELECT " + ", ".join(f"stats({c})" for c in need) + " FROM events LIMIT 1")
        except Exception:  # noqa: BLE001 - an engine without stats(): the scan answers
            return None
        if not got or not all(isinstance(v, dict) and v.get("has_null") is False for v in got[0]):
            return None
        lane = got[0][need.index("lane")]
        lo, hi = lane.get("min"), lane.get("max")
        if not isinstance(lo, int) or not isinstance(hi, int) or lo < BAND_LANE or hi >= len(self.lane_ids):
            return None  # statistics only widen as rows change: a lane out of range is counted from the rows
        return dict.fromkeys(need, 0), lo, hi

    def check_count_totals(self, every_width: bool = False) -> None:
        """Ignore (with a note in :attr:`index_note`) count tables whose totals per lane are not
        the collection's (:func:`~viewer.io.store_sql.count_table_mismatch`): one GROUP BY over
        the count table, and over the events' lanes only for a collection written without its
        stats.

        Opening checks the date-only rows and the widths of :data:`WINDOW_RES` and coarser
        (about 0.2 rows per event; the table is sorted by width, so the finer widths' row groups
        are not read: 20-30 ms at 10^7 events against 0.5-0.8 s for every width);
        ``every_width`` (``validate``) checks the 10 s to 10 min marker widths too."""
        if not self._has_counts:
            return
        try:
            w = self._windowed
            where = "" if every_width else f"WHERE res = 0 OR res >= {WINDOW_RES!r}"
            totals = self._q(COUNT_TOTALS_SQL.format(started="sum(ns)" if w else "0", ended="sum(ne)" if w else "0",
                                                     table="agg", where=where))
            drawn = dict(self._stats.lanes) if self._stats is not None else {int(k): int(v) for k, v in self._q(
                "SELECT lane, count(*) FROM ev WHERE drawn GROUP BY lane")}
            wrong = count_table_mismatch(totals, drawn, WINDOW_RES if w else None)
            if not wrong:  # right totals can still hide shifted buckets or swapped lanes
                wrong = self._count_rows_mismatch() if every_width else self._count_spot_mismatch()
        except Exception as exc:  # noqa: BLE001 - a damaged counts file is only a missed shortcut
            wrong = f"they cannot be summed ({str(exc).strip().splitlines()[0] if str(exc).strip() else exc!r})"
        if wrong:
            name = f"{self.path} (table 'counts')" if self.path.lower().endswith(".duckdb") else counts_path(self.path)
            self._has_counts = self._windowed = False
            self.index_note = (self.index_note + " " if self.index_note else "") + (
                f"{name}: its count tables are not used ({wrong}); the window counts from the events instead")

    def _count_spot_mismatch(self, k: int | None = None) -> str | None:
        """A run of ``k`` consecutive hour buckets (:data:`WINDOW_RES`, :data:`COUNT_SPOT_CHECKS`) of the
        count table, from a random one holding events, counted again, every lane, from the events in
        its range of ``xm`` and ``x0`` (which the file is sorted by: a few row groups read, one range
        scan per column), and
        every coarser width's buckets checked against the table's own hour rows (they nest: a day
        is 24 hours); what differs, or None.

        Cheap enough for every opening: four scans however long the run (two of the events) (four random buckets
        took 8 scans, 1.1-1.3 s of opening at 10^8 events).  A shifted table or swapped lanes
        differ at almost any run; one wrong bucket among millions is left to ``validate``
        (:meth:`_count_rows_mismatch`)."""
        w, r = self._windowed, WINDOW_RES
        k = max(int(COUNT_SPOT_CHECKS if k is None else k), 1)
        # the run starts at a random bucket holding events (a sparse collection's random hour is empty)
        first = self._q(f"SELECT bucket FROM (SELECT bucket FROM agg WHERE res = {r!r} AND n > 0) "
                        "USING SAMPLE reservoir(1 ROWS)")
        if not first:
            return self._coarse_mismatch()
        start = int(first[0][0])
        last = start + k - 1
        lo, hi = (start - 1) * r, (last + 2) * r  # a margin for floor()'s rounding
        parts = [f"SELECT floor(xm / {r!r})::BIGINT AS bucket, lane, count(*) AS n, 0 AS ns FROM ev WHERE drawn "
                 f"AND NOT spread AND xm >= {lo!r} AND xm < {hi!r} AND floor(xm / {r!r})::BIGINT BETWEEN {start} AND "
                 f"{last} GROUP BY ALL"]
        if w:  # the ends (x1, not sorted) are left to validate
            side = _SIDE_BUCKET.format(x="x0", res=repr(r))
            parts.append(f"SELECT {side} AS bucket, lane, 0 AS n, count(*) AS ns FROM ev WHERE drawn AND "
                         f"x0 >= {lo!r} AND x0 < {hi!r} AND {side} BETWEEN {start} AND {last} GROUP BY ALL")
        events = {(int(b), int(lane)): (int(n), int(ns)) for b, lane, n, ns in self._q(
            f"SELECT bucket, lane, sum(n), sum(ns) FROM ({' UNION ALL '.join(parts)}) GROUP BY bucket, lane")}
        table = {(int(b), int(lane)): (int(n), int(ns) if w else 0) for b, lane, n, ns in self._q(
            f"SELECT bucket, lane, n, {'ns' if w else '0'} FROM agg WHERE res = {r!r} AND bucket BETWEEN {start} "
            f"AND {last}")}
        for key in sorted(set(events) | set(table)):
            want, got = table.get(key, (0, 0)), events.get(key, (0, 0))
            if want != got:
                started = want[1] != got[1]
                return (f"lane {key[1]}, {r:g} s bucket {key[0]}: the table says {want[0]:,} events"
                        + (f" ({want[1]:,} started)" if started else "")
                        + f", the events say {got[0]:,}" + (f" ({got[1]:,} started)" if started else "")
                        + f"; {k} hours in a row checked from a random one")
        return self._coarse_mismatch()

    def _coarse_mismatch(self) -> str | None:
        """The count table's widths coarser than :data:`WINDOW_RES` (6 hours to 365 days) against its
        own hour rows summed into them (one scan of the table); what differs, or None."""
        r = WINDOW_RES
        coarse = [c for c in RESOLUTIONS if c > r]
        if not coarse:
            return None
        widths = ", ".join(f"({c!r})" for c in coarse)
        rows = self._q(
            f"WITH h AS (SELECT w.c AS res, floor(bucket * {r!r} / w.c)::BIGINT AS bucket, lane, n FROM agg, "
            f"(VALUES {widths}) AS w(c) WHERE agg.res = {r!r} AND n > 0), "
            f"t AS (SELECT res, bucket, lane, n FROM agg WHERE res > {r!r} AND n > 0), "
            "a AS (SELECT res, bucket, lane, sum(n)::BIGINT AS n FROM h GROUP BY ALL), "
            "b AS (SELECT res, bucket, lane, sum(n)::BIGINT AS n FROM t GROUP BY ALL) "
            "SELECT coalesce(a.res, b.res), coalesce(a.bucket, b.bucket), coalesce(a.lane, b.lane), "
            "coalesce(b.n, 0), coalesce(a.n, 0) FROM a FULL JOIN b ON a.res = b.res AND a.bucket = b.bucket "
            "AND a.lane = b.lane WHERE coalesce(a.n, 0) <> coalesce(b.n, 0) ORDER BY 1, 2, 3 LIMIT 1")
        if not rows:
            return None
        res, bucket, lane, said, hours = rows[0]
        return (f"lane {int(lane)}, {float(res):g} s bucket {int(bucket)}: the table says {int(said):,} events, "
                f"its {r:g} s rows there say {int(hours):,}")

    def _count_rows_mismatch(self) -> str | None:
        """The whole count table against one counted again from the events (``validate``:
        every width, every bucket; seconds at 10^7 events); what differs, or None."""
        cols = ", ".join(f"{c}::{t} AS {c}" for c, t in (
            ("res", "DOUBLE"), ("lane", "BIGINT"), ("bucket", "BIGINT"), ("x0", "DOUBLE"), ("x1", "DOUBLE"),
            ("n", "BIGINT"), *((("ns", "BIGINT"), ("ne", "BIGINT")) if self._windowed else ())))
        keep = "" if self._windowed else "WHERE res >= 0"  # a table of before issue 13: no ends table
        fresh = f"(SELECT * FROM ({_counts_query('ev')}) {keep})"
        old = f"(SELECT * FROM agg {keep})"
        got = self._q(f"SELECT count(*), min(res), min(lane) FROM ((SELECT {cols} FROM {old} EXCEPT ALL "
                      f"SELECT {cols} FROM {fresh}) UNION ALL (SELECT {cols} FROM {fresh} EXCEPT ALL "
                      f"SELECT {cols} FROM {old}))")[0]
        if not got[0]:
            return None
        res = float(got[1])
        where = ("in the dates-only rows" if res == 0 else
                 f"in the list of long events' ends (events over {-res:g} s)" if res < 0 else f"at width {res:g} s")
        return f"{int(got[0]):,} rows differ from the counts of the events (first {where}, lane {got[2]})"

    def check_search_index(self, every_row: bool = False) -> None:
        """Drop the sidecar search index (with a note in :attr:`index_note`) when its rows are
        not the collection's (:meth:`~viewer.io.search_index.CollectionIndex.rows_mismatch`):
        :data:`INDEX_SPOT_CHECKS` random rows at opening (tens of milliseconds), ``every_row``
        (``validate``) all of them.

        Why a spot-check and not a hash of the indexed texts: a hash needs every text read,
        minutes at 10^8 rows, at each opening or kept in a cache that then needs trusting in
        turn; a sidecar of other rows or rewritten texts differs at almost any row, and a
        single edited row is what ``validate`` is for."""
        index = self._index
        if index is None:
            return
        try:
            problem = None
            if every_row:  # the file itself first (SQLite's check, the counts), every row, the trigrams
                problem = index.file_problem(sum(self._stats.lanes.values()) if self._stats is not None else None)
            if every_row and problem is None:
                with self._lock:
                    batches = _index_rows(self.con, self._index_from(), shown=False)
                    try:
                        problem = index.every_row_mismatch(r for batch in batches
                                                           for r in zip(*batch[:5], strict=True))
                    finally:
                        batches.close()
                    if problem is None:  # what its list shows of every drawn row
                        batches = _index_rows(self.con, self._index_from())
                        try:
                            problem = index.shown_mismatch(r for batch in batches for r in batch[5])
                        finally:
                            batches.close()
                problem = problem or index.trigram_problem()
            if problem is None:
                rng = np.random.default_rng()
                # two random runs of rows (a run is one row group read: rows scattered over the file
                # cost a row group each, 130 ms for 8 at 10^6 events against 40 ms)
                n, run = self.n_events, INDEX_SPOT_CHECKS // 2
                spans = [(0, n - 1)] if n <= INDEX_SPOT_CHECKS else [
                    (int(a), int(a) + run - 1) for a in rng.integers(0, n - run + 1, 2)]
                where = " OR ".join(f"k BETWEEN {a} AND {b}" for a, b in spans)
                rows = self._q(f"SELECT k, id, search_text, sort_point, drawn FROM {self._index_from()} AS src "
                               f"WHERE {where} ORDER BY k") if n else []
                problem = index.rows_mismatch(rows, probe=lambda n: int(rng.integers(0, max(n, 1))))
        except Exception as exc:  # noqa: BLE001 - a damaged sidecar is only a missed shortcut
            problem = f"unreadable ({str(exc).strip().splitlines()[0] if str(exc).strip() else exc!r})"
        if problem:
            self._index = None
            index.close()
            self.index_note = (self.index_note + " " if self.index_note else "") + index_note(
                self.path, index.path, "ignored", problem)

    def _shown_checked(self, index: CollectionIndex) -> bool:
        """Whether the sidecar's list of what each row shows may give a page: checked once, at the
        first page it would give (or by :meth:`warm`), on a random run of rows against the
        collection's (:meth:`~viewer.io.search_index.CollectionIndex.shown_mismatch`); a
        difference drops the index with a note.  Not at opening: it reads the ``json`` of a row
        group (0.1-0.4 s at 10^7 events on a busy machine); ``validate`` checks every row."""
        if index.shown_checked:
            return not index.note
        n = self.n_events
        a = int(np.random.default_rng().integers(0, max(n - INDEX_SPOT_CHECKS, 0) + 1))
        spans = [(a, min(a + INDEX_SPOT_CHECKS, n) - 1)]  # one run: one row group's json decompressed
        where = " OR ".join(f"k BETWEEN {a} AND {b}" for a, b in spans)
        try:
            rows = self._q(f"SELECT k, {_SHOWN} FROM {self._index_from()} AS src WHERE drawn AND ({where})") \
                if n else []
            if n and not rows:  # a run of rows not drawn compares nothing: the run from the next drawn row
                first = self._q(f"SELECT coalesce(min(k) FILTER (WHERE k >= {a}), min(k)) FROM "
                                f"{self._index_from()} AS src WHERE drawn")[0][0]
                if first is not None:
                    a = int(first)
                    spans = [(a, min(a + INDEX_SPOT_CHECKS, n) - 1)]
                    rows = self._q(f"SELECT k, {_SHOWN} FROM {self._index_from()} AS src "
                                   f"WHERE drawn AND k BETWEEN {spans[0][0]} AND {spans[0][1]}")
            problem = index.shown_mismatch(sorted(rows, key=lambda r: r[0]), spans)  # (a few rows: no SQL sort)
        except sqlite3.Error as exc:
            problem = f"unreadable ({exc})"
        if problem:
            index.fail(problem)
        index.shown_checked = True
        return not index.note

    @property
    def sidecar_note(self) -> str:
        """:attr:`index_note`, and why the search index was dropped when a search of a
        :meth:`background` handle (sharing this store's index) found it damaged ("" when none)."""
        index = self._index
        extra = index.note if index is not None and index.note and index.note not in self.index_note else ""
        return " ".join(n for n in (self.index_note, extra) if n)

    def _search_index(self) -> CollectionIndex | None:
        """The sidecar search index while it answers (it is dropped, with a note, once it fails)."""
        index = self._index
        if index is not None and index.note:
            self.index_note, self._index = index.note, None
            self._positions = {}  # (matches the dropped index found are not kept either)
            if self._owner is None:  # a handle of :meth:`background` shares its owner's index
                index.close()
            return None
        return index

    def _index_from(self) -> str:
        """This collection's rows as a FROM item with their positions ``k`` (see :func:`_index_source`)."""
        if self.path.lower().endswith(".duckdb"):
            return "(SELECT rowid AS k, * FROM events)"
        return f"(SELECT file_row_number AS k, * FROM read_parquet({_quote(self.path)}, file_row_number = true))"

    def write_search_index(self, progress: Callable[[str], None] | None = None, out: str | None = None) -> str:
        """Write this collection's sidecar search index from its rows (see
        :func:`viewer.io.search_index.build_search_index`); returns its path.

        Raises
        ------
        ValueError
            For a collection without a collection token (written before it had one).
        OSError, sqlite3.Error
            If the sidecar cannot be written.
        """
        if not self._token:
            raise ValueError(f"{self.path}: only a collection written by convert gets a search index")
        n_drawn = int(self._one("SELECT count(*) FROM ev WHERE drawn"))
        with self._lock:
            return write_collection_index(self.path, _index_rows(self.con, self._index_from()), token=self._token,
                                          n_rows=self.n_events, n_drawn=n_drawn, progress=progress, out=out)

    def _not_followed(self, note: str) -> str:
        """``note`` (a sidecar not opened), kept in :attr:`not_followed` too: ``validate`` says it
        apart, as a note on a sound collection, not as a fault of its data."""
        self.not_followed.append(note)
        return note

    def _counts_match(self, cpath: str, token: str | None) -> bool:
        """Whether ``cpath`` holds the count tables of this very collection (else they are ignored)."""
        def unused(why: str) -> bool:
            self.index_note = (self.index_note + " " if self.index_note else "") + (
                f"{cpath}: its count tables are not used ({why}); the window counts from the events instead")
            return False

        try:
            os.lstat(cpath)
        except FileNotFoundError:
            return False  # none written (an older or hand-made collection): nothing to say
        except OSError as exc:
            return unused(f"it cannot be read: {exc.strerror or exc}")
        # beside the file the user named: only a regular file, never a link to elsewhere
        kind = sidecar_kind(cpath)
        if kind is not None:
            note = self._not_followed(f"{cpath}: its count tables are not used (it is {kind}, {NOT_FOLLOWED}); "
                                      "the window counts from the events instead")
            self.index_note = (self.index_note + " " if self.index_note else "") + note
            return False
        if token is None:
            return False  # a collection written before the token: its counts cannot be matched
        try:
            found = self._kv(cpath).get("timeline_viewer_collection")
            if found != token:
                return unused("they were written for another collection" if found else
                              "it is not a count table file written by `timeline-viewer convert`")
            types = {r[0]: r[1] for r in self.con.execute(
                "DESCRIBE SELECT * FROM read_parquet(?)", [cpath]).fetchall()}
        except Exception as exc:  # noqa: BLE001 - a damaged counts file is only a missed shortcut
            first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            return unused(f"it cannot be read as Parquet: {first}")
        wrong = [c for c in _COUNT_COLUMNS if not _numeric(types.get(c))]
        wrong += [c for c in ("ns", "ne") if c in types and not _numeric(types[c])]  # (none before issue 13)
        if wrong:
            return unused(f"column {', '.join(map(repr, wrong))} missing or not a number")
        return True

    def _kv(self, file: str) -> dict[str, str]:
        rows = self.con.execute("SELECT key, value FROM parquet_kv_metadata(?)", [file]).fetchall()
        return {bytes(k).decode(): bytes(v).decode() for k, v in rows}

    def _inline(self, sql: str) -> str:
        """``sql`` with ``FROM ev`` / ``evp`` / ``agg`` naming the file (``read_parquet(...)``) of a
        Parquet collection, the table of a DuckDB one, instead of the view.  Through the ``SELECT *``
        view DuckDB planned with every column's row-group statistics: at 10^8 events (814 row
        groups, 44 columns) a query its statistics answer took 60-115 ms, 5-12 ms with the file
        named (a frame's scans, which read rows, gain less: within the noise at load 5-8)."""
        if not self._sources:
            return sql
        return _VIEW_NAME.sub(lambda m: "FROM " + self._sources.get(m.group(1), m.group(1)) + " AS " + m.group(1),
                              sql)

    def _q(self, sql: str, params: list[Any] | None = None) -> list[Any]:
        sql = self._inline(sql)
        with self._lock:
            rows: list[Any] = self.con.execute(sql, params or []).fetchall()
        return rows

    def _one(self, sql: str, params: list[Any] | None = None) -> Any:
        return self._q(sql, params)[0][0]

    def _np(self, sql: str, params: list[Any] | None = None) -> dict[str, np.ndarray]:
        sql = self._inline(sql)
        with self._lock:
            got = self.con.execute(sql, params or []).fetchnumpy()
        return {k: np.ma.getdata(v) if isinstance(v, np.ma.MaskedArray) else v for k, v in got.items()}

    def close(self) -> None:
        with self._lock:
            self.con.close()
        if self._index is not None and self._owner is None:
            self._index.close()

    def warm(self) -> None:
        """Load what every window's question reads first: the count tables' sizes (a scan of
        the table: 0.6 s at 10^8 events), the started/ended counts and the date-only spreads.
        The window's worker calls it while the window is being built and shown."""
        counts = self._count_cache()
        if counts is not None:
            counts.windows()
            counts.spread()
        index = self._search_index()
        if index is not None:  # before a search's first page needs it
            self._shown_checked(index)

    def interrupt(self) -> None:
        """Stop the query this handle is running (it raises in its thread); never waits."""
        self.con.interrupt()

    def background(self, search: bool = False) -> DuckStore:
        """A second handle on this collection for another thread: a cursor of the same DuckDB
        database, so a long scan (the tag counts, a search) runs beside the window's queries
        instead of before them.  It shares the statistics and the count tables (loaded by this
        handle); with ``search`` also the sidecar search index (its SQLite connection takes one
        query at a time, under its own lock; this handle keeps owning it).  Closing it closes
        its cursor only."""
        other = object.__new__(type(self))
        other.__dict__.update(self.__dict__)
        other._owner = self
        other._lock = threading.Lock()
        other._positions = {}
        other._index = self._index if search else None
        other._count_cache = self._count_cache  # type: ignore[method-assign]  # one copy of the tables, in memory
        with self._lock:
            other.con = self.con.cursor()
        if self.path.lower().endswith(".duckdb"):  # temp views belong to a connection: the cursor needs its own
            other.con.execute("CREATE TEMP VIEW ev AS SELECT * FROM events")
            other.con.execute("CREATE TEMP VIEW evp AS SELECT *, rowid AS file_row_number FROM events")
            other.con.execute("CREATE TEMP VIEW agg AS SELECT * FROM counts")
        return other

    # -- EventStore ----------------------------------------------------
    def extent(self) -> tuple[float, float]:
        if self._stats is not None:
            return self._stats.extent
        return _extent(self._q)

    def _matching(self, where: str) -> np.ndarray:
        """Row positions (= time order: the file is sorted) of the drawn rows meeting ``where``,
        int64 ascending; the last few kept (a view pages and searches one filter at a time)."""
        got = self._positions.get(where)
        if got is None:
            got = np.sort(self._np(f"SELECT file_row_number AS k FROM evp WHERE drawn AND {where}")["k"])
            if len(self._positions) >= 4:
                self._positions.pop(next(iter(self._positions)))
            self._positions[where] = got
        return got

    def _rows_at(self, positions: np.ndarray, extra: str = "") -> dict[str, np.ndarray]:
        """The :data:`_ROW` columns (and ``extra``, e.g. ``", json"``) of the rows at ``positions``
        (ascending), in that order."""
        if not len(positions):
            return self._np(f"SELECT {_ROW}{extra} FROM ev WHERE false")
        listed = ", ".join(str(int(k)) for k in positions)
        return self._np(f"SELECT {_ROW}{extra} FROM evp WHERE file_row_number BETWEEN {int(positions[0])} AND "
                        f"{int(positions[-1])} AND file_row_number IN ({listed}) ORDER BY file_row_number")



    @staticmethod
    def _lanes(lanes: Iterable[int]) -> str:
        ks = sorted({int(k) for k in lanes})
        return "(" + ", ".join(str(k) for k in ks) + ")" if ks else "(NULL)"

    def _answer(self, got: dict[str, np.ndarray], total: int, counts: dict[int, int] | None = None,
                crowded: tuple[int, ...] = ()) -> VisibleEvents:
        return VisibleEvents(list(got["id"]), got["lane"].astype(np.int32), got["kind"].astype(np.int8),
                             got["x0"], got["x1"], got["xm"], got["flags"].astype(np.uint8), list(got["title"]),
                             total, counts if counts is not None else {}, crowded,
                             planned=got["planned"].astype(bool), draft=got["draft"].astype(bool),
                             solid0=got["solid0"].astype(float), solid1=got["solid1"].astype(float),
                             **_calendar(got))

    def visible(self, t0: float, t1: float, lanes: Iterable[int], cap: int = DEFAULT_CAP,
                filters: FilterLike | None = None) -> VisibleEvents:
        check_window(t0, t1)
        where = filter_where(filters, DUCKDB)
        window = f"drawn AND x0 <= ? AND x1 >= ? AND {where}"
        lanes = {int(k) for k in lanes}
        counts = self._stats.lane_counts_if_whole(t0, t1, lanes, where) if self._stats is not None else None
        if counts is None:
            counts = self._counted(t0, t1, lanes) if where == "true" else None
        if counts is None:
            counts = {int(k): int(v) for k, v in self._q(
                f"SELECT lane, count(*) FROM ev WHERE lane IN {self._lanes(lanes)} AND {window} GROUP BY lane",
                [t1, t0])}
        taken, crowded = lanes_that_fit(counts, cap)
        if not any(counts.get(k) for k in taken):
            return self._answer(self._np(f"SELECT {_ROW} FROM ev WHERE false"), sum(counts.values()), counts, crowded)
        got = self._np(f"SELECT {_ROW} FROM ev WHERE lane IN {self._lanes(taken)} "
                       f"AND {window} ORDER BY lane, x0, file_index", [t1, t0])
        return self._answer(got, sum(counts.values()), counts, crowded)

    def _count_plan(self, t0: float, t1: float, lanes: set[int]) -> tuple[dict[int, int], str | None] | None:
        """:func:`~viewer.io.store_sql.window_count_plan` over this collection (None: count from the events)."""
        cache = self._count_cache()
        table = cache.windows() if cache is not None else None
        if table is None:
            return None
        ends = self._ends_table(table.res)
        long_ends = cache.long_ends(table.res) if ends is not None and cache is not None else None
        return window_count_plan(table, t0, t1, lanes, "ev", DUCKDB, ends, long_ends)

    def _edge_rows(self, sql: str) -> dict[str, np.ndarray]:
        return self._np(sql)

    def density(self, t0: float, t1: float, lanes: Iterable[int], bins: int, exact: bool = False,
                filters: FilterLike | None = None) -> np.ndarray:
        """As :meth:`EventStore.density`; ``exact=False`` lets a zoomed-out view read the
        pre-aggregated counts (each marker then counted within 1/:data:`AGGREGATE_FACTOR`
        of a bin of its place, spread over its bucket) when nothing is filtered."""
        check_window(t0, t1, bins)
        bins = int(bins)
        lanes = [int(k) for k in lanes]
        if not lanes:
            return np.zeros((0, bins))
        sel = self._lanes(lanes)
        where = filter_where(filters, DUCKDB)
        counts = self._count_cache() if where == "true" else None
        r = None if counts is None or exact else aggregate_resolution(t0, t1, bins, counts.marker_resolutions(),
                                                                      AGGREGATE_FACTOR)
        out = np.zeros((len(lanes), bins))
        markers = spread = None
        if counts is not None and r is not None:
            table = counts.markers(r)
            if table is not None:
                out += table.density(lanes, t0, t1, bins)
            else:  # too many buckets for numpy (10 s, 60 s): the window's buckets, binned by DuckDB
                markers = bucket_bins(self._np(bucket_bins_sql("agg", r, t0, t1, bins, lanes, DUCKDB)), bins)
        else:
            m = self._np(f"SELECT lane, least(floor((xm - ?) / ?), {bins - 1})::BIGINT AS k, count(*) AS n "
                         f"FROM ev WHERE drawn AND NOT spread AND lane IN {sel} AND xm >= ? AND xm <= ? "
                         f"AND {where} GROUP BY ALL", [t0, (t1 - t0) / bins, t0, t1])
            markers = (m["lane"], m["k"], m["n"])
        wide = counts.spread() if counts is not None else None
        if wide is not None:
            out += wide.density(lanes, t0, t1, bins)
        else:
            src = "SELECT lane, x0, x1, n FROM agg WHERE res = 0" if counts is not None else (
                f"SELECT lane, x0, x1, count(*) AS n FROM ev WHERE spread AND {where} GROUP BY lane, x0, x1")
            got = self._np(f"SELECT lane, x0, x1, n FROM ({src}) WHERE lane IN {sel} AND x0 < ? AND x1 > ?",
                           [t1, t0])
            spread = (got["lane"], got["x0"], got["x1"], got["n"])
        out += density_from_parts(lanes, t0, t1, bins, markers=markers, spread=spread)
        return out

    def _ends_table(self, res: float) -> str | None:
        """The count table's name when it lists the long events' ends at width ``res``, else None."""
        return "agg" if self._stats is not None and self._stats.long_ends == res else None

    def _count_cache(self) -> CountCache | None:
        """The count tables in numpy (loaded on first use), or None when this collection has none."""
        if not self._has_counts:
            return None
        if self._counts is None:
            self._counts = CountCache(self._np, "agg", self._windowed)
        return self._counts

    def count(self, filters: FilterLike | None = None) -> int:
        return int(self._one(f"SELECT count(*) FROM ev WHERE drawn AND {filter_where(filters, DUCKDB)}"))

    def mark_counts(self, after: float | None = None) -> tuple[int, int]:
        later = f" OR start_earliest >= {float(after)!r}" if after is not None and math.isfinite(after) else ""
        drafts, planned = self._q(f"SELECT count(*) FILTER (WHERE coalesce({DRAFT_SQL}, false)), count(*) FILTER "
                                  f"(WHERE coalesce({PLANNED_SQL}{later}, false)) FROM ev")[0]
        return int(drafts), int(planned)

    def page(self, offset: int, limit: int, filters: FilterLike | None = None) -> VisibleEvents:
        offset, limit = check_page(offset, limit)
        where = filter_where(filters, DUCKDB)
        st = self._stats
        if where == "true" and st is not None and sum(st.lanes.values()) == self.n_events:
            total = self.n_events  # every row drawn: a page is a stretch of rows (the file is in time order)
            return self._page_of(np.arange(offset, max(offset, min(offset + limit, total))), total, stretch=True)
        found = self._indexed_matches(StoreFilter.of(filters), where, offset + limit)
        if found is not None and not found[1]:  # more matches than the index counts: "at least" a total
            answer = self._page_of(found[0][offset:offset + limit], len(found[0]), where=where)
            answer.total_exact = False
            return answer
        matching = found[0] if found is not None else self._matching(where)
        return self._page_of(matching[offset:offset + limit], len(matching), where=where)

    def _page_of(self, positions: np.ndarray, total: int, stretch: bool = False,
                 where: str = "true") -> VisibleEvents:
        """A page: the rows at ``positions`` with their events (read from their ``json`` in the same query).

        A filtered page's rows are read from the sidecar search index's list of what each row
        shows (by position, milliseconds) when there is one, else from the collection: a page of
        matches far apart read a row group of 122,880 rows per match there (0.5-2 s for 100 at
        10^7 events).  A ``stretch`` of consecutive rows (the unfiltered list) is one or two row
        groups of the file: read there.  ``where`` is the page's filter as SQL: a page from the
        index keeps it for its check (each row must meet it in the collection)."""
        index = self._search_index() if len(positions) and not stretch else None
        got = index.shown_rows(positions) if index is not None and self._shown_checked(index) else None
        served = got is not None
        if got is None:
            got = self._rows_at(positions, ", json")
        answer = self._answer(got, total)
        # a row read from the collection holds its own event (a sidecar's rows are checked once shown)
        answer.events = [self._event_of(text, f"event {eid!r}", None if served else eid)
                         for eid, text in zip(answer.ids, got["json"], strict=True)]
        if served and index is not None:  # untrusted: checked row by row once shown (check_sidecar_page)
            answer.from_sidecar = _Served(index, np.asarray(positions, dtype=np.int64).copy(), got, where)
        return answer

    def check_sidecar_page(self, page: VisibleEvents) -> str | None:
        """Check the rows of ``page`` that came from the sidecar search index (its table
        ``shown``, :attr:`VisibleEvents.from_sidecar`) against the collection, exactly those
        rows: their id and every column the list shows, the ``json`` (what the list writes
        of the event) whole, and that each of them meets the page's filter in the collection
        (its own folded ``search_text``: the sidecar's texts and its FTS table, which chose the
        rows, may be rewritten while ``shown`` is left alone).  Returns None when they are the
        collection's (or the page did not come from the index); else what differs, and the
        index is dropped for the session with
        its note (:attr:`sidecar_note`, the rebuild hint) so the page, asked again, is read from
        the collection.

        Why after the page is shown and not before: the rows of a rare word's page lie far
        apart, one row group each; reading them from a Parquet file of 10^7 events took
        0.8-1.0 s for the short columns alone, 2.3-2.8 s with the ``json`` (100 rows, machine
        under load), where a page from the index takes tens of milliseconds.  The window asks
        it in its background thread as soon as a page from the index is on screen.  Any handle
        of the collection may run it (:meth:`background`): the record names its index."""
        served = page.from_sidecar
        if not isinstance(served, _Served) or not len(served.positions) or served.index.note:
            return None
        pos = served.positions
        listed = ", ".join(str(int(k)) for k in pos)
        try:
            rows = self._q(f"SELECT k, id, {_SHOWN}, coalesce({served.where}, false) AS tv_meets FROM "
                           f"{self._index_from()} AS src WHERE drawn AND k BETWEEN {int(pos[0])} AND "
                           f"{int(pos[-1])} AND k IN ({listed})")
            rows.sort(key=lambda r: r[0])
            problem = served_mismatch(pos, served.rows, [r[:-1] for r in rows])
            unmet = [int(r[0]) for r in rows if not r[-1]]
            if problem is None and unmet:  # its FTS table found a row whose text does not hold the words
                problem = f"it lists row {unmet[0]} as a match, but the collection's text of that row does not match"
        except (KeyError, IndexError, ValueError) as exc:
            problem = f"its list could not be compared ({exc})"
        if problem:
            served.index.fail(problem)
        return problem

    def _indexed_matches(self, sf: StoreFilter, where: str, upto: int = 0) -> tuple[np.ndarray, bool] | None:
        """``(positions, exact)`` of a text-only filter's matches from the search index (ascending):
        all of them (``exact``) when they are at most ``max(upto, COUNT_CAP)``, else the first that
        many (a page of a common word: scanning every row took 0.8-1.5 s at 10^7, the index
        0.1-0.2 s); None when the index cannot answer (the caller scans)."""
        index = self._search_index()
        if index is None or not sf.terms or not dataclasses.replace(sf, text="").is_empty:
            return None
        got = self._positions.get(where)
        if got is not None:
            return got, True
        most = max(int(upto), COUNT_CAP)
        found = index.search(sf.terms, most + 1)
        if found is None:  # a short term beside a common word: the first page from the first rows it finds
            shown = max(int(upto), QUICK_COUNT)  # the page, and a first count: "of at least 1,000"
            first = index.first_matches(sf.terms, shown + 1) if upto > 0 else None
            if first is None or not first[1] and len(first[0]) <= upto:
                return None  # the page is not among the first rows the word finds: the scan answers
            if not first[1]:
                return first[0][:shown], False  # at least that many ("of at least 430")
            found = (first[0], [])
        if len(found[0]) > most:
            return found[0][:most], False
        if len(self._positions) >= 4:
            self._positions.pop(next(iter(self._positions)))
        self._positions[where] = found[0]
        return found[0], True

    def facet_counts(self, facet: str, window: tuple[float, float] | None = None,
                     filters: FilterLike | None = None) -> dict[str, int]:
        check_facet(facet)
        where, params = filter_where(StoreFilter.of(filters).without(facet), DUCKDB), []
        if window is not None:
            check_window(*window)
            where, params = f"drawn AND x0 <= ? AND x1 >= ? AND {where}", [window[1], window[0]]
        if facet == "track":
            rows = self._q(f"SELECT track, count(*) FROM ev WHERE lane <> -1 AND {where} GROUP BY track", params)
        else:
            rows = self._q(f"SELECT v, count(*) FROM (SELECT unnest(CASE WHEN len({facet}) = 0 THEN [''] "
                           f"ELSE {facet} END) AS v FROM ev WHERE {where}) GROUP BY v", params)
        return {v: int(n) for v, n in rows if n}

    def search(self, query: str, cap: int = 1000) -> SearchResult:
        """As :meth:`EventStore.search`; with the sidecar search index, matches are counted up to
        :data:`~viewer.io.search_index.COUNT_CAP` (or ``cap``, when larger): beyond, ``exact`` is False.
        A query whose terms are all shorter than three characters scans the collection."""
        terms = parse_query(query)
        if not terms:
            return SearchResult()
        index = self._search_index()
        found = index.search(terms, max(int(cap), COUNT_CAP) + 1, ids=int(cap)) if index is not None else None
        if found is not None:
            (pos, ids), most = found, max(int(cap), COUNT_CAP)
            return SearchResult(ids, min(len(pos), most), exact=len(pos) <= most)
        matching = self._matching(filter_where(StoreFilter(text=query), DUCKDB))  # one scan: places and total
        first = matching[:max(int(cap), 0)]
        return SearchResult(list(self._rows_at(first)["id"]) if len(first) else [], len(matching))

    @property
    def n_drawn(self) -> int | None:
        """Rows drawn (the rest have no place on the time axis, e.g. a date whose year is unknown),
        from the collection's metadata; None when it does not say (an old file: not counted here)."""
        return sum(self._stats.lanes.values()) if self._stats is not None else None

    def quick_count(self, query: str, count_to: int | None = None) -> SearchResult | None:
        """How many events match ``query``, counted from the search index alone up to ``count_to``
        (None: :data:`~viewer.io.search_index.QUICK_COUNT`; ``exact`` False beyond: "at least 1,000
        matches"), with no ids; None when only a scan can
        count them (no index, terms all shorter than three characters, or a short term beside a
        common word with no match among the first :data:`~viewer.io.search_index.FIRST_CANDIDATES`
        rows the word finds).  What a window shows while :meth:`search` counts them all."""
        terms = parse_query(query)
        if not terms:
            return SearchResult()
        index = self._search_index()
        if index is None:
            return None
        count_to = min(QUICK_COUNT if count_to is None else int(count_to), COUNT_CAP)  # never past the whole count's
        found = index.search(terms, int(count_to) + 1)
        if found is not None:
            return SearchResult([], min(len(found[0]), int(count_to)), exact=len(found[0]) <= count_to)
        first = index.first_matches(terms, int(count_to) + 1)
        if first is None or not first[1] and not len(first[0]):
            return None
        pos, all_found = first
        return SearchResult([], min(len(pos), int(count_to)), exact=all_found)

    def event(self, event_id: str) -> Event:
        index = self._search_index()
        place = index.locate(event_id) if index is not None else None
        if place is not None and place[1] is not None:  # its sort point: one row group is read
            rows = self._q("SELECT json FROM ev WHERE sort_point = ? AND id = ? LIMIT 1", [place[1], event_id])
            if rows:
                return self._event_of(rows[0][0], f"event {event_id!r}", event_id)
        rows = self._q("SELECT json FROM ev WHERE id = ? LIMIT 1", [event_id])
        if not rows:
            raise KeyError(event_id)
        return self._event_of(rows[0][0], f"event {event_id!r}", event_id)

    def _event_of(self, text: str, where: str, row_id: str | None = None) -> Event:
        """The event of a row's ``json``; TimelineLoadError naming the file and ``where`` if damaged,
        or (given the row's ``row_id``) if the json names another event (:func:`event_of_row`):
        that event's text and quotes are never shown under this row."""
        try:
            event = event_of_json(text, self.zone, self.worded)
        except (ValueError, KeyError, TypeError, RecursionError) as exc:
            reason = str(exc) if not isinstance(exc, RecursionError) else "its 'json' column is nested too deeply"
            raise TimelineLoadError([Problem(self.path, reason[:300], location=where)]) from None
        if row_id is not None and event.id != row_id:
            return event_of_row(row_id, text, self.zone, self.path, self.worded)  # raises, saying so
        return event

    def event_at(self, file_index: int) -> Event:
        """The event at position ``file_index`` of the source file (KeyError if none)."""
        rows = self._q("SELECT json, id FROM ev WHERE file_index = ? LIMIT 1", [int(file_index)])
        if not rows:
            raise KeyError(file_index)
        return self._event_of(rows[0][0], f"row {int(file_index) + 1} of the source file", rows[0][1])



# ---------------------------------------------------------------------------
# opening a collection in the window

MAX_LOADED = 2_000_000
"""Events the window holds in memory (as the native reader's ceiling); a larger
collection opens on a stretch of time holding at most this many."""

def read_collection_report(path: str, *, max_loaded: int = MAX_LOADED) -> ReadReport:
    """Open a ``.parquet`` / ``.duckdb`` collection as a timeline for the window.

    The drawing columns of every event are loaded through :class:`DuckStore`
    (no JSON is parsed); an event's quotes, sources and dates with their
    phrase and basis are read from the collection when it is first shown
    (:class:`~viewer.model.timeline.LazyEvents`).  A collection of more than
    ``max_loaded`` events opens on its home range, or else on its latest
    stretch of time holding ``max_loaded`` events; a warning says which
    stretch (the store's queries serve the whole collection; the window does
    not yet query it as it pans).

    Raises
    ------
    TimelineLoadError
        If the file is not a collection (see :class:`DuckStore`).
    """
    store = DuckStore(path)
    base, data = store.timeline, store.meta
    # each sidecar not opened is a problem of its own (``validate`` tells them from the data's)
    rest = store.index_note
    for note in store.not_followed:
        rest = rest.replace(note, "")
    warnings = [Problem(path, note) for note in store.not_followed]
    if rest.strip():
        warnings.append(Problem(path, re.sub(" {2,}", " ", rest).strip()))
    if store.n_events > max_loaded:
        got = _stretch(store, max_loaded)
        from viewer.model.dates import format_instant

        sort_point = got["sort_point"]
        if len(sort_point):
            first, last = (format_instant(float(f(sort_point)), Precision.DAY) for f in (np.min, np.max))
            opened = f"opened on {len(sort_point):,} of them, from {first} to {last}"
        else:
            opened = "opened on none of them (its home range holds no event)"
        warnings.append(Problem(path, f"{store.n_events:,} events: more than the window holds "
                                      f"({max_loaded:,}); {opened}"))
    else:
        got = store._np(f"SELECT {LOAD_COLUMNS.format(length='len')} FROM ev ORDER BY file_index")
    timeline = timeline_of_columns(base, data, got, store.event_at, complete=len(got["id"]) == store.n_events)
    object.__setattr__(timeline, "_store", store)  # keeps the connection for the lazy events
    return ReadReport(timeline, warnings)


def _stretch(store: DuckStore, max_loaded: int) -> dict[str, np.ndarray]:
    """The window's columns of at most ``max_loaded`` events in file order (``file_index``): the
    first of the home range (the timeline's home start and end), else the latest ones.

    The rows are in time order (sort point, then file order), so the stretch is one range of row
    positions: no sort or hash over the whole collection (at 10^8 events the ``ORDER BY sort_point
    ... LIMIT`` that picked them spilled gigabytes to disk)."""
    base, n, cols = store.timeline, store.n_events, LOAD_COLUMNS.format(length="len")
    if base.home_start is not None and base.home_end is not None:
        first = store._q("SELECT file_row_number FROM evp WHERE sort_point >= ? ORDER BY file_row_number LIMIT 1",
                         [base.home_start.earliest])
        start = int(first[0][0]) if first else n
        got = store._np(f"SELECT {cols} FROM evp WHERE file_row_number >= ? AND file_row_number < ? "
                        "AND sort_point <= ?", [start, start + int(max_loaded), base.home_end.latest])
    else:
        got = store._np(f"SELECT {cols} FROM evp WHERE file_row_number >= ?", [max(n - int(max_loaded), 0)])
    order = np.argsort(got["file_index"], kind="stable")  # in numpy: DuckDB's sort of wide rows may spill
    return {k: v[order] for k, v in got.items()}


def read_collection(path: str) -> Timeline:
    """:func:`read_collection_report` without its warnings."""
    return read_collection_report(path).timeline


def looks_collection(path: str, head: bytes) -> bool:
    """A Parquet file (magic ``PAR1``) or a DuckDB database (``DUCK`` at byte 8) by name and content."""
    lower = path.lower()
    return (lower.endswith(".parquet") and head[:4] == b"PAR1") or (lower.endswith(".duckdb") and head[8:12] == b"DUCK")
