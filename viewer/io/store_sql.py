"""SQL the two engine stores share: a :class:`~viewer.model.store_query.StoreFilter` as a
``WHERE`` condition over the :data:`viewer.io.collection.COLUMNS` table, in DuckDB's or
ClickHouse's dialect.  Values are written as literals (quoted and escaped here), so a
condition can be pasted into any query.  No engine is imported; no Qt.
"""

from __future__ import annotations

import json
import math
import threading
import time
from collections import OrderedDict, deque
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

import numpy as np

from viewer.model.count_tables import LongEnds, MarkerCounts, SpreadCounts, WindowCounts
from viewer.model.store_query import LIST_FACETS, FilterLike, StoreFilter

__all__ = ["DUCKDB", "CLICKHOUSE", "filter_where", "sql_literal", "CountCache", "MarkerChunks", "NUMPY_MAX_ROWS",
           "CollectionStats",
           "read_stats", "STATS_KEY", "window_count_plan", "window_counts", "CountedWindows", "WINDOW_LIMIT",
           "bucket_bins_sql", "bucket_bins", "COUNT_TOTALS_SQL", "count_table_mismatch", "like_literal", "contains_sql",
           "year_unknown_sql"]

WINDOW_LIMIT = 1e14
"""Windows within ``±WINDOW_LIMIT`` s of the epoch (three million years) are counted from the
started/ended tables; the writer clamps a side beyond ``±1e15`` s into a bucket there."""

STATS_KEY = "timeline_viewer_stats"
"""Metadata key of a collection's :class:`CollectionStats` (JSON), written with it."""

NUMPY_MAX_ROWS = 2_000_000
"""A count table of at most this many rows (per width) is loaded and answered in numpy
(:mod:`viewer.model.count_tables`); a larger one is queried in SQL (its window's buckets only).
2 million since the 2 and 5 minute widths (3.7 and 2.0 million rows at 10^7 events): loaded,
they added 280 MB to a store's peak memory for a few milliseconds per frame."""

DUCKDB, CLICKHOUSE = "duckdb", "clickhouse"
_T = TypeVar("_T")


def sql_literal(value: Any, dialect: str) -> str:
    """A literal: numbers exactly (``repr`` of a float, ``inf``), strings quoted and escaped.

    DuckDB strings double their quotes (backslash is an ordinary character);
    ClickHouse strings escape backslash and quote with a backslash.
    """
    if isinstance(value, str):
        if dialect == CLICKHOUSE:
            return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'"
        return "'" + value.replace("'", "''") + "'"
    if isinstance(value, (bool, np.bool_)):
        return "true" if value else "false"
    if isinstance(value, (int, np.integer)):
        return str(int(value))
    v = float(value)
    if math.isnan(v):
        return "nan" if dialect == CLICKHOUSE else "'nan'::DOUBLE"
    if math.isinf(v):
        text = "inf" if v > 0 else "-inf"
        return text if dialect == CLICKHOUSE else f"'{text}'::DOUBLE"
    return repr(v)


def like_literal(term: str) -> str:
    """``term`` as a LIKE pattern matching itself (``\\``, ``%`` and ``_`` escaped with a backslash,
    LIKE's escape character in ClickHouse and in DuckDB's ``LIKE ... ESCAPE '\\'``)."""
    return term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def contains_sql(column: str, term: str, dialect: str) -> str:
    """The condition "``column`` holds ``term`` as a substring", literally (no wildcards).

    ClickHouse: ``LIKE '%term%'`` (its text and n-gram skip indexes serve LIKE, not
    ``position``); DuckDB: ``contains`` (no pattern to escape)."""
    if dialect == CLICKHOUSE:
        return f"{column} LIKE {sql_literal('%' + like_literal(term) + '%', dialect)}"
    return f"contains({column}, {sql_literal(term, dialect)})"


def _list(values: frozenset[str], dialect: str) -> str:
    return "[" + ", ".join(sql_literal(v, dialect) for v in sorted(values)) + "]"


def year_unknown_sql(column: str) -> str:
    """The condition "the EDTF text in ``column`` has an unknown year" (``XXXX-06-10``,
    ``[XXXX-02..]``; false for NULL): :func:`viewer.model.dates.edtf_year_unknown` in SQL
    (both dialects; the collection stores EDTF as parsed, without leading spaces)."""
    return f"(coalesce({column}, '') LIKE 'XXXX%' OR coalesce({column}, '') LIKE '[XXXX%')"


def filter_where(filters: FilterLike | None, dialect: str) -> str:
    """The condition an event row meets when it passes ``filters``
    (:class:`~viewer.model.store_query.StoreFilter`'s rule); ``"true"`` when every row does.

    Text terms also require ``drawn`` (search covers drawn events only), as the in-memory store.
    """
    sf = StoreFilter.of(filters)
    if sf.is_empty:
        return "true"
    parts = []
    if sf.hidden_tracks:
        hidden = ", ".join(sql_literal(t, dialect) for t in sorted(sf.hidden_tracks))
        parts.append(f"(lane = -1 OR track NOT IN ({hidden}))")
    if sf.date_range is not None:
        lo, hi = (sql_literal(float(v), dialect) for v in sf.date_range)
        latest = ("if(end_edtf IS NOT NULL, end_latest, start_latest)" if dialect == CLICKHOUSE else
                  "CASE WHEN end_edtf IS NOT NULL THEN end_latest ELSE start_latest END")
        # an unknown year (XXXX-06-10) is not drawn and not known to meet any range (FacetIndex's rule);
        # but a span with one date known meets a range that meets that date (facets.known_side)
        s_unk, e_unk = year_unknown_sql("start_edtf"), year_unknown_sql("end_edtf")
        parts.append(f"((drawn AND NOT {s_unk} AND NOT {e_unk} AND start_earliest < {hi} AND {latest} > {lo})"
                     f" OR ({e_unk} AND NOT {s_unk} AND start_earliest < {hi} AND start_latest > {lo})"
                     f" OR ({s_unk} AND end_edtf IS NOT NULL AND NOT {e_unk}"
                     f" AND end_earliest < {hi} AND end_latest > {lo}))")
    for facet in LIST_FACETS:
        allowed = sf.allowed(facet)
        if allowed is None:
            continue
        if not allowed:
            parts.append("false")
        elif dialect == CLICKHOUSE:
            parts.append(f"hasAny(if(empty({facet}), [''], {facet}), {_list(allowed, dialect)})")
        else:
            parts.append(f"list_has_any(CASE WHEN len({facet}) = 0 THEN [''] ELSE {facet} END, "
                         f"{_list(allowed, dialect)}::VARCHAR[])")
    terms = sf.terms
    if terms:
        parts.append("drawn")
        parts.extend(contains_sql("search_text", t, dialect) for t in terms)
    return "(" + " AND ".join(parts) + ")" if parts else "true"


class CountCache:
    """A collection's count table (``res, lane, bucket, x0, x1, n`` and, written since issue 13's
    window tables, ``ns, ne``), loaded into numpy one width at a time.

    Parameters
    ----------
    fetch : callable(sql) -> dict of str -> ndarray
        Runs a query on the store's engine.
    table : str
        The count table's name in that engine.
    windowed : bool
        Whether the table has the ``ns``/``ne`` columns (events started / ended per bucket);
        a collection written before them has not, and its windows are counted from the events.
    """

    def __init__(self, fetch: Callable[[str], dict[str, np.ndarray]], table: str, windowed: bool = False,
                 marker_max_rows: int | None = None) -> None:
        self._fetch, self._table = fetch, table
        self._marker_max_rows = NUMPY_MAX_ROWS if marker_max_rows is None else int(marker_max_rows)
        started = "sum(ns) AS started" if windowed else "0 AS started"
        got = fetch(f"SELECT res, count(*) AS rows, {started} FROM {table} GROUP BY res")
        res, rows, starts = (got.get(k, np.zeros(0)) for k in ("res", "rows", "started"))
        self.sizes = {float(r): int(n) for r, n in zip(res, rows, strict=True)}
        self.window_res = min((float(r) for r, e in zip(res, starts, strict=True) if r > 0 and e > 0),
                              default=None)
        """Bucket width (s) of the started/ended counts, or None when the table has none."""
        self._loaded: dict[tuple[str, float], Any] = {}

    def _load(self, what: str, res: float, columns: tuple[str, ...], make: Callable[..., _T],
              extra: str = "", max_rows: int | None = None) -> _T | None:
        """The rows of width ``res`` (``columns``, ``extra``: more of the ``WHERE``) made into
        ``make(*columns)`` on first use and kept; None when they are more than ``max_rows``
        (:data:`NUMPY_MAX_ROWS` unless told, read when asked: asked in SQL instead)."""
        if self.sizes.get(res, 0) > (NUMPY_MAX_ROWS if max_rows is None else max_rows):
            return None
        key = (what, res)
        if key not in self._loaded:
            got = self._fetch(f"SELECT {', '.join(columns)} FROM {self._table} WHERE res = {res!r}{extra}")
            z = np.zeros(0)
            self._loaded[key] = make(*(got.get(c, z) for c in columns))
        return self._loaded[key]  # type: ignore[no-any-return]

    def marker_resolutions(self) -> tuple[float, ...]:
        """Bucket widths (s) of the marker counts this table holds, ascending (an older collection
        has fewer: no 10 s and 60 s tables)."""
        return tuple(sorted(r for r in self.sizes if r > 0))

    def windows(self) -> WindowCounts | None:
        """The started/ended counts per lane per bucket (loaded on first use), or None when the
        table has none or they are too many for numpy."""
        r = self.window_res
        if r is None:
            return None
        return self._load("windows", r, ("lane", "bucket", "ns", "ne"), lambda *c: WindowCounts(r, *c),
                          " AND (ns > 0 OR ne > 0)")

    def long_ends(self, res: float) -> LongEnds | None:
        """The ends of the events lasting more than ``res`` (the ``res = -res`` rows; loaded on
        first use), or None when the table has none or they are too many for numpy (10^8 events:
        about 19 million rows, asked in SQL)."""
        if not self.sizes.get(-float(res), 0):
            return None
        return self._load("long ends", -float(res), ("lane", "bucket", "x1", "n"), LongEnds)

    def markers(self, res: float) -> MarkerCounts | None:
        """The marker counts at width ``res`` (s), or None when that table is too large to load whole
        (more than ``marker_max_rows``, :data:`NUMPY_MAX_ROWS` unless told)."""
        res = float(res)
        return self._load("markers", res, ("lane", "bucket", "n"), lambda *c: MarkerCounts(res, *c),
                          max_rows=self._marker_max_rows)

    def spread(self) -> SpreadCounts | None:
        """The date-only events per lane per interval, or None when too many for numpy."""
        return self._load("spread", 0.0, ("lane", "x0", "x1", "n"), SpreadCounts)


class MarkerChunks:
    """The marker counts of the widths too large to load whole, kept in numpy a chunk of
    :attr:`CHUNK` buckets at a time, the chunks loaded in a background thread.

    :meth:`covering` answers a window from the chunks when all its buckets' chunks are here, and
    otherwise asks for the missing ones and returns None (the caller bins that frame in SQL, as
    before): a pan or zoom near where the view was reads no marker counts from the engine. A
    chunk holds every lane's buckets, so it serves any lane set; the counts never change while a
    store is open.  At most ``max_rows`` rows are kept (the least recently used chunks dropped).

    Parameters
    ----------
    fetch : callable(sql) -> dict of str -> ndarray
        Runs a query on the engine, on the loading thread: it must have a connection of its own.
    table : str
        The count table (``res, lane, bucket, n``).
    """

    CHUNK = 16384
    """Buckets per chunk (10 s: 45 h; 5 min: 57 days): a frame at its width spans 11,000 to
    66,000 buckets (:func:`~viewer.model.store.aggregate_resolution`: a bin is at least 8 of them)."""
    MAX_CHUNKS = 16
    """A window needing more chunks than this is binned in SQL and loads none."""
    IDLE = 0.15
    """Seconds without a frame's query (:meth:`touch`) before a chunk is read: on two shared cores a
    chunk read beside a zoom's frames made each of them slower (the engine's CPU), so chunks are read
    between gestures, not during one."""

    def __init__(self, fetch: Callable[[str], dict[str, np.ndarray]], table: str, max_rows: int = 3_000_000) -> None:
        self._fetch, self._table, self._max_rows = fetch, table, int(max_rows)
        self._got: OrderedDict[tuple[float, int], MarkerCounts] = OrderedDict()
        self._rows = 0
        self._queue: deque[tuple[float, int]] = deque()
        self._asked: set[tuple[float, int]] = set()  # queued or loading
        self._failed: set[tuple[float, int]] = set()
        self._cond = threading.Condition()
        self._thread: threading.Thread | None = None
        self._closed = False
        self._last = 0.0  # time.monotonic() of the latest foreground query

    def touch(self) -> None:
        """Say the store's own connection is busy now (a frame's query starts or ends)."""
        self._last = time.monotonic()

    def _keys(self, res: float, t0: float, t1: float) -> list[tuple[float, int]] | None:
        if not (math.isfinite(t0) and math.isfinite(t1)) or max(abs(t0), abs(t1)) > WINDOW_LIMIT:
            return None
        k0, k1 = math.floor(t0 / res) // self.CHUNK, math.floor(t1 / res) // self.CHUNK
        if k1 - k0 + 1 > self.MAX_CHUNKS:
            return None
        return [(float(res), k) for k in range(k0, k1 + 1)]

    def covering(self, res: float, t0: float, t1: float) -> list[MarkerCounts] | None:
        """The chunks holding every bucket of ``[t0, t1]`` (epoch s) at width ``res`` (s), their
        densities to be summed (each counts its own buckets only); None when one is not loaded
        yet (asked for, in the background) or the window needs too many."""
        keys = self._keys(float(res), t0, t1)
        if keys is None:
            return None
        with self._cond:
            got = [self._got.get(k) for k in keys]
            if all(g is not None for g in got):
                for k in keys:
                    self._got.move_to_end(k)
                return [g for g in got if g is not None]
            missing = [k for k, g in zip(keys, got, strict=True)
                       if g is None and k not in self._asked and k not in self._failed]
            if missing and not self._closed:
                self._queue.extend(missing)
                self._asked.update(missing)
                if self._thread is None:
                    self._thread = threading.Thread(target=self._run, name="marker-chunks", daemon=True)
                    self._thread.start()
                self._cond.notify_all()
        return None

    def _run(self) -> None:
        while True:
            with self._cond:
                while not self._queue and not self._closed:
                    self._cond.wait()
                while not self._closed and time.monotonic() - self._last < self.IDLE:
                    self._cond.wait(max(self.IDLE - (time.monotonic() - self._last), 0.01))
                if self._closed:
                    return
                key = self._queue.popleft()
            res, k = key
            lo = k * self.CHUNK
            try:
                got = self._fetch(f"SELECT lane, bucket, n FROM {self._table} WHERE res = {res!r} AND bucket >= {lo} "
                                  f"AND bucket < {lo + self.CHUNK} AND n > 0")
                z = np.zeros(0)
                chunk: MarkerCounts | None = MarkerCounts(res, *(got.get(c, z) for c in ("lane", "bucket", "n")))
            except Exception:  # noqa: BLE001 - the engine refused or went away: such frames stay binned in SQL
                chunk = None
            with self._cond:
                self._asked.discard(key)
                if chunk is None:
                    self._failed.add(key)
                else:
                    self._got[key] = chunk
                    self._rows += chunk.rows
                    while self._rows > self._max_rows and len(self._got) > 1:
                        _, old = self._got.popitem(last=False)
                        self._rows -= old.rows
                self._cond.notify_all()

    def wait(self, timeout: float = 60.0) -> bool:
        """Block until every chunk asked for is loaded (or failed); False after ``timeout`` s."""
        with self._cond:
            return self._cond.wait_for(lambda: not self._asked or self._closed, timeout)

    def close(self) -> None:
        """Stop the loading thread (a chunk being read is finished first, then dropped)."""
        with self._cond:
            self._closed = True
            self._queue.clear()
            self._cond.notify_all()
        if self._thread is not None:
            self._thread.join(30)


def window_count_plan(windows: WindowCounts, t0: float, t1: float, lanes: Iterable[int], table: str,
                      dialect: str, ends: str | None = None,
                      long_ends: LongEnds | None = None,
                      near: Callable[[float, float], str] | None = None) -> tuple[dict[int, int], str | None] | None:
    """How many drawn events of each lane meet ``[t0, t1]`` (epoch s), from the started/ended
    counts: ``(whole-bucket counts per lane, edge query or None)``.

    The edge query (over ``table``, the events) returns rows ``(lane, side, n)``: ``side`` 0
    = events started in the bucket of ``t1`` up to ``t1`` (to add), 1 = events ended in the
    bucket of ``t0`` before ``t0`` (to take away); it is None when neither edge bucket holds
    any.  None (count from the events) for a window beyond :data:`WINDOW_LIMIT`.

    The file is in time order, so the started side reads only the rows of its bucket.  An
    event's end is not in that order: ``ends`` names the count table when it lists the ends
    of the *long* events (``res = -r`` rows: lane, bucket of ``x1``, ``x1``, how many drawn
    events end there that last more than ``r``, ``x1 - x0 > r``), and then the ended side reads the
    short events' rows near ``t0`` and the long ones from that list; without it (a
    collection written before the list) it reads every row that may end near ``t0``
    (all the spans of the weeks before).  ``long_ends``: that list in numpy (with ``ends``):
    the long events ended before ``t0`` are taken from ``base`` without asking the engine.
    ``near(a, b)``: more of an edge query's ``WHERE`` (``" AND ..."``) for rows with one of
    ``x0, x1, xm`` at most ``b`` and one at least ``a`` (epoch s): the table's key condition
    that lets the engine read only those rows' stretch (:meth:`ClickStore._near
    <viewer.io.clickstore.ClickStore._near>`); it must hold for every such row, and is asked for
    the edge buckets themselves (``floor(x / r) >= b`` puts ``x`` at ``b * r`` or less than a
    second before, which ``near`` allows for).
    """
    if max(abs(t0), abs(t1)) > WINDOW_LIMIT:
        return None
    r = windows.res
    b1, b0 = math.floor(t1 / r), math.floor(t0 / r)  # the same IEEE division as the engines'
    base: dict[int, int] = {}
    started, ended = [], []
    for k in sorted({int(k) for k in lanes}):
        cs, in_s, ce, in_e = windows.before(k, b1, b0)
        base[k] = cs - ce
        if in_s:
            started.append(k)
        if in_e:
            ended.append(k)

    def lit(v: Any) -> str:
        return sql_literal(v, dialect)

    def listed(ks: list[int]) -> str:
        return "(" + ", ".join(str(k) for k in ks) + ")"

    # ClickHouse's count() is unsigned and sum(n) signed: 18.16 finds no common type for their UNION
    count = "toInt64(count())" if dialect == CLICKHOUSE else "count(*)"
    def keyed(a: float, b: float) -> str:
        return near(a, b) if near is not None else ""

    parts = []
    if started:  # the first bound (a bucket early) only lets the engine skip row groups
        parts.append(f"SELECT lane, 0 AS side, {count} AS n FROM {table} WHERE drawn AND lane IN {listed(started)} "
                     f"AND x0 >= {lit(float(b1 - 1) * r)} AND x0 <= {lit(float(t1))} AND floor(x0 / {lit(r)}) >= {b1}"
                     f"{keyed(float(b1) * r, float(t1))} GROUP BY lane")
    if ended:
        in_bucket = (f"x1 >= {lit(float(b0 - 1) * r)} AND x1 < {lit(float(t0))} AND floor(x1 / {lit(r)}) >= {b0}"
                     f"{keyed(float(b0) * r, float(t0))}")
        if ends is None:
            parts.append(f"SELECT lane, 1 AS side, {count} AS n FROM {table} WHERE drawn AND lane IN "
                         f"{listed(ended)} AND {in_bucket} GROUP BY lane")
        else:  # a short event starts at most r before it ends: its row is near t0 in time order
            parts.append(f"SELECT lane, 1 AS side, {count} AS n FROM {table} WHERE drawn AND lane IN "
                         f"{listed(ended)} AND x0 >= {lit(float(b0 - 2) * r)} AND {in_bucket} AND "
                         f"x1 - x0 <= {lit(r)} GROUP BY lane")
            if long_ends is not None:
                for k, n in long_ends.ended_before(b0, float(t0), ended).items():
                    base[k] -= n
            else:
                parts.append(f"SELECT lane, 1 AS side, sum(n) AS n FROM {ends} WHERE res = {lit(-r)} "
                             f"AND bucket = {b0} AND x1 < {lit(float(t0))} AND lane IN {listed(ended)} GROUP BY lane")
    return base, " UNION ALL ".join(parts) if parts else None


def window_counts(base: dict[int, int], edges: dict[str, np.ndarray] | None) -> dict[int, int]:
    """Events per lane (lanes with none left out) of :func:`window_count_plan`'s whole-bucket counts
    and its edge query's rows (``lane, side, n`` arrays)."""
    counts = dict(base)
    if edges is not None:
        for lane, side, n in zip(edges["lane"].tolist(), edges["side"].tolist(), edges["n"].tolist(), strict=True):
            counts[int(lane)] += int(n) if int(side) == 0 else -int(n)
    return {k: v for k, v in counts.items() if v}


class CountedWindows:
    """The lane counts of a window from a store's started/ended count tables, for every SQL store
    (DuckDB, ClickHouse): each says how to plan them (``_count_plan``: :func:`window_count_plan`
    over its tables, None when it has none) and how to run the edge query (``_edge_rows``)."""

    def _count_plan(self, t0: float, t1: float, lanes: set[int]) -> tuple[dict[int, int], str | None] | None:
        raise NotImplementedError

    def _edge_rows(self, sql: str) -> dict[str, np.ndarray]:
        raise NotImplementedError

    def _counted(self, t0: float, t1: float, lanes: set[int]) -> dict[int, int] | None:
        """Drawn events per lane meeting ``[t0, t1]`` (epoch s; lanes with none left out) from the
        started/ended counts and the rows of the two edge buckets; None when the collection has
        no such counts (written before them) or the window is beyond their reach."""
        plan = self._count_plan(t0, t1, lanes)
        if plan is None:
            return None
        base, edges = plan
        return window_counts(base, self._edge_rows(edges) if edges is not None else None)


def bucket_bins_sql(table: str, res: float, t0: float, t1: float, bins: int, lanes: Iterable[int],
                    dialect: str) -> str:
    """SQL binning a marker table of width ``res`` (s) into ``bins`` equal bins over ``[t0, t1]``
    (epoch s) in the engine, for a table too large for numpy: rows ``(lane, k, a, b)``, ``a``
    the markers (float) of the buckets starting in bin ``k`` that fall in bin ``k``, ``b`` those
    that fall in bin ``k + 1`` (``k`` from -1 to ``bins - 1``; see :func:`bucket_bins`).  Each
    bucket's markers are spread evenly over it (as :class:`~viewer.model.count_tables.MarkerCounts`);
    a bucket at most a bin wide meets at most two bins.  One pass over the window's buckets,
    and only a strip's worth of rows comes back."""
    def lit(v: Any) -> str:
        return sql_literal(float(v), dialect)

    r, width = lit(res), lit((t1 - t0) / int(bins))
    lanes_sql = "(" + ", ".join(str(k) for k in sorted({int(k) for k in lanes})) + ")"
    k = f"floor((bucket * {r} - {lit(t0)}) / {width})"
    edge = f"({lit(t0)} + ({k} + 1) * {width})"  # the end of the bin the bucket starts in
    return (f"SELECT lane, {k} AS k, sum(n * (least(bucket * {r} + {r}, {edge}) - bucket * {r}) / {r}) AS a, "
            f"sum(n * greatest(bucket * {r} + {r} - {edge}, 0) / {r}) AS b FROM {table} WHERE res = {r} "
            f"AND bucket BETWEEN {math.floor(t0 / res)} AND {math.floor(t1 / res)} AND n > 0 "
            f"AND lane IN {lanes_sql} GROUP BY lane, k")


def bucket_bins(got: dict[str, np.ndarray], bins: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """``(lane, k, n)`` markers per bin of :func:`bucket_bins_sql`'s rows (``got``: its columns),
    the parts before the first bin and after the last left out."""
    z = np.zeros(0)
    lane, k, a, b = (np.asarray(got.get(c, z), dtype=float) for c in ("lane", "k", "a", "b"))
    lane, k, n = np.concatenate((lane, lane)), np.concatenate((k, k + 1)), np.concatenate((a, b))
    keep = (k >= 0) & (k < int(bins)) & (n > 0)
    return lane[keep], k[keep], n[keep]


class CollectionStats:
    """What a collection knows of itself when written: its extent and drawn events per lane.

    Attributes
    ----------
    extent : (float, float)
        First and last finite drawn moment, epoch s (``EventStore.extent``).
    lanes : dict of int -> int
        Drawn events per lane (``-1``: bands).
    long_ends : float or None
        The started/ended width ``r`` (s) when the count table lists the long events' ends
        (:func:`window_count_plan`; written since issue 13's fourth round); None for an older collection.
    """

    def __init__(self, extent: tuple[float, float], lanes: dict[int, int], long_ends: float | None = None) -> None:
        self.extent, self.lanes, self.long_ends = extent, lanes, long_ends

    def lane_counts_if_whole(self, t0: float, t1: float, lanes: set[int], where: str) -> dict[int, int] | None:
        """Events per lane (lanes in ``lanes`` with any) of a window ``[t0, t1]`` (epoch s) that
        holds the whole extent with nothing filtered (``where == "true"``): every drawn event
        meets it, so no row is read.  None otherwise (the engine counts)."""
        if where != "true" or t0 > self.extent[0] or t1 < self.extent[1]:
            return None
        return {k: n for k, n in self.lanes.items() if k in lanes and n}

    def to_json(self) -> str:
        data: dict[str, Any] = {"extent": list(self.extent), "lanes": {str(k): v for k, v in self.lanes.items()}}
        if self.long_ends is not None:
            data["long_ends"] = self.long_ends
        return json.dumps(data)


def read_stats(text: str | None) -> CollectionStats | None:
    """The :class:`CollectionStats` of :data:`STATS_KEY`'s text, or None (absent: an older file; damaged)."""
    if not text:
        return None
    try:
        data = json.loads(text)
        lo, hi = (float(v) for v in data["extent"])
        ends = data.get("long_ends")
        return CollectionStats((lo, hi), {int(k): int(v) for k, v in data["lanes"].items()},
                               None if ends is None else float(ends))
    except (ValueError, KeyError, TypeError, AttributeError):
        return None


COUNT_TOTALS_SQL = ("SELECT res, lane, sum(n)::BIGINT AS n, {started}::BIGINT AS ns, {ended}::BIGINT AS ne "
                    "FROM {table} {where} GROUP BY res, lane")
"""Totals per width per lane of a count table (``{started}``/``{ended}``: ``sum(ns)``/``sum(ne)``, or
``0`` for a table written before them; ``{where}``: ``""`` or a ``WHERE`` on ``res``): one GROUP BY
over the table, never the events."""


def count_table_mismatch(totals: Iterable[tuple[Any, Any, Any, Any, Any]], drawn: dict[int, int],
                         window_res: float | None) -> str | None:
    """What is wrong with a count table whose totals disagree with its collection, or None.

    A count table counts every drawn event once per width: the markers of a lane at width
    ``res > 0`` plus its date-only events (``res = 0``) are its drawn events, and at the
    started/ended width (``window_res``; None for a table without it) every drawn event
    starts once and ends once.  A table of the right shape but other numbers would make
    the density strips and the crowded-lane counts wrong, silently.  Rows at a negative
    ``res`` are not counts per width (``-3600``: the list of long events' ends, one row per
    event over an hour long) and are left out.

    Parameters
    ----------
    totals : iterable of (res, lane, n, ns, ne)
        :data:`COUNT_TOTALS_SQL`'s rows.
    drawn : dict of int -> int
        Drawn events per lane of the collection (``CollectionStats.lanes``, or counted).
    window_res : float or None
    """
    spread: dict[int, int] = {}
    marks: dict[float, dict[int, int]] = {}
    started: dict[int, int] = {}
    ended: dict[int, int] = {}
    for res, lane, n, ns, ne in totals:
        r, k = float(res), int(lane)
        if r < 0:
            continue
        if r == 0:
            spread[k] = spread.get(k, 0) + int(n or 0)
            continue
        marks.setdefault(r, {})[k] = int(n or 0)
        if window_res is not None and r == window_res:
            started[k], ended[k] = int(ns or 0), int(ne or 0)
    lanes = sorted(set(drawn) | set(spread) | {k for m in marks.values() for k in m} | set(started))
    for r, m in sorted(marks.items()):
        for k in lanes:
            if m.get(k, 0) + spread.get(k, 0) != drawn.get(k, 0):
                return (f"at width {r:g} s, lane {k} counts {m.get(k, 0) + spread.get(k, 0):,} events but the "
                        f"collection has {drawn.get(k, 0):,} drawn there")
    if window_res is not None:
        for k in lanes:
            if started.get(k, 0) != drawn.get(k, 0) or ended.get(k, 0) != drawn.get(k, 0):
                return (f"lane {k} counts {started.get(k, 0):,} events started and {ended.get(k, 0):,} ended "
                        f"but the collection has {drawn.get(k, 0):,} drawn there")
    return None
