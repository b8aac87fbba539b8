"""SQL the two engine stores share: a :class:`~viewer.model.store_query.StoreFilter` as a
``WHERE`` condition over the :data:`viewer.io.collection.COLUMNS` table, in DuckDB's or
ClickHouse's dialect.  Values are written as literals (quoted and escaped here), so a
condition can be pasted into any query.  No engine is imported; no Qt.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from typing import Any

import numpy as np

from viewer.model.count_tables import MarkerCounts, SpreadCounts
from viewer.model.store_query import LIST_FACETS, FilterLike, StoreFilter

__all__ = ["DUCKDB", "CLICKHOUSE", "filter_where", "sql_literal", "CountCache", "NUMPY_MAX_ROWS", "CollectionStats",
           "read_stats", "STATS_KEY"]

STATS_KEY = "timeline_viewer_stats"
"""Metadata key of a collection's :class:`CollectionStats` (JSON), written with it."""

NUMPY_MAX_ROWS = 4_000_000
"""A count table of at most this many rows (per width) is loaded and answered in numpy
(:mod:`viewer.model.count_tables`); a larger one is queried in SQL."""

DUCKDB, CLICKHOUSE = "duckdb", "clickhouse"


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


def _list(values: frozenset[str], dialect: str) -> str:
    return "[" + ", ".join(sql_literal(v, dialect) for v in sorted(values)) + "]"


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
        parts.append(f"(start_earliest < {hi} AND {latest} > {lo})")
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
        for t in terms:
            parts.append(f"contains(search_text, {sql_literal(t, dialect)})" if dialect == DUCKDB else
                         f"position(search_text, {sql_literal(t, dialect)}) > 0")
    return "(" + " AND ".join(parts) + ")" if parts else "true"


class CountCache:
    """A collection's count table (``res, lane, bucket, x0, x1, n``), loaded into numpy one width at a time.

    Parameters
    ----------
    fetch : callable(sql) -> dict of str -> ndarray
        Runs a query on the store's engine.
    table : str
        The count table's name in that engine.
    """

    def __init__(self, fetch: Callable[[str], dict[str, np.ndarray]], table: str) -> None:
        self._fetch, self._table = fetch, table
        got = fetch(f"SELECT res, count(*) AS rows FROM {table} GROUP BY res")
        self.sizes = {float(r): int(n) for r, n in zip(got.get("res", ()), got.get("rows", ()), strict=True)}
        self._markers: dict[float, MarkerCounts] = {}
        self._spread: SpreadCounts | None = None

    def markers(self, res: float) -> MarkerCounts | None:
        """The marker counts at width ``res`` (s), or None when that table is too large for numpy."""
        res = float(res)
        if self.sizes.get(res, 0) > NUMPY_MAX_ROWS:
            return None
        if res not in self._markers:
            m = self._fetch(f"SELECT lane, bucket, n FROM {self._table} WHERE res = {res!r}")
            self._markers[res] = MarkerCounts(res, m.get("lane", np.zeros(0)), m.get("bucket", np.zeros(0)),
                                              m.get("n", np.zeros(0)))
        return self._markers[res]

    def spread(self) -> SpreadCounts | None:
        """The date-only events per lane per interval, or None when too many for numpy."""
        if self.sizes.get(0.0, 0) > NUMPY_MAX_ROWS:
            return None
        if self._spread is None:
            s = self._fetch(f"SELECT lane, x0, x1, n FROM {self._table} WHERE res = 0")
            z = np.zeros(0)
            self._spread = SpreadCounts(s.get("lane", z), s.get("x0", z), s.get("x1", z), s.get("n", z))
        return self._spread


class CollectionStats:
    """What a collection knows of itself when written: its extent and drawn events per lane.

    Attributes
    ----------
    extent : (float, float)
        First and last finite drawn moment, epoch s (``EventStore.extent``).
    lanes : dict of int -> int
        Drawn events per lane (``-1``: bands).
    """

    def __init__(self, extent: tuple[float, float], lanes: dict[int, int]) -> None:
        self.extent, self.lanes = extent, lanes

    def lane_counts_if_whole(self, t0: float, t1: float, lanes: set[int], where: str) -> dict[int, int] | None:
        """Events per lane (lanes in ``lanes`` with any) of a window ``[t0, t1]`` (epoch s) that
        holds the whole extent with nothing filtered (``where == "true"``): every drawn event
        meets it, so no row is read.  None otherwise (the engine counts)."""
        if where != "true" or t0 > self.extent[0] or t1 < self.extent[1]:
            return None
        return {k: n for k, n in self.lanes.items() if k in lanes and n}

    def to_json(self) -> str:
        return json.dumps({"extent": list(self.extent), "lanes": {str(k): v for k, v in self.lanes.items()}})


def read_stats(text: str | None) -> CollectionStats | None:
    """The :class:`CollectionStats` of :data:`STATS_KEY`'s text, or None (absent: an older file; damaged)."""
    if not text:
        return None
    try:
        data = json.loads(text)
        lo, hi = (float(v) for v in data["extent"])
        return CollectionStats((lo, hi), {int(k): int(v) for k, v in data["lanes"].items()})
    except (ValueError, KeyError, TypeError, AttributeError):
        return None
