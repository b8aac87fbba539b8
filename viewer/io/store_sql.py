"""SQL the two engine stores share: a :class:`~viewer.model.store_query.StoreFilter` as a
``WHERE`` condition over the :data:`viewer.io.collection.COLUMNS` table, in DuckDB's or
ClickHouse's dialect.  Values are written as literals (quoted and escaped here), so a
condition can be pasted into any query.  No engine is imported; no Qt.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from viewer.model.store_query import LIST_FACETS, FilterLike, StoreFilter

__all__ = ["DUCKDB", "CLICKHOUSE", "filter_where", "sql_literal"]

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
