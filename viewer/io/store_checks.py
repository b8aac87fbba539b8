"""Faults of a collection's rows, counted by the engine: the SQL ``validate`` runs on a
ClickHouse table (server or chDB) and, for the checks its row-by-row pass does not make,
on a Parquet / DuckDB collection.

Each check (:func:`row_checks`) is a condition on one row, in DuckDB's or ClickHouse's
dialect; :func:`row_fault_problems` counts every check's rows in one aggregate query
(``sum(CASE WHEN ... THEN 1 ELSE 0 END)``, one pass over the table, no row brought out),
then asks the first few rows of each fault found (``WHERE ... ORDER BY position LIMIT``)
and names them: the row (its place, or its ``file_index`` on ClickHouse), its id, the column
and its value, and what was expected.  Ids used by more than one row are one ``GROUP BY id``
(:func:`duplicate_id_sql_problems`).

What each check catches:

* ``id`` NULL or empty: the window, search and "event by id" find an event by its id.
* ``title`` NULL or empty: the window names every event it draws.
* ``json`` NULL or empty, or not a JSON object: the detail pane and ``convert`` read the
  event from it.  On ClickHouse before 22 (Debian's 18.16: no JSON parser in SQL) "a JSON
  object" is only "starts with ``{`` and ends with ``}``"; the detail pane still refuses a
  json that does not parse (:func:`viewer.io.collection.event_of_row`).
* the json's ``id``, ``title`` or ``track`` not the row's: the window draws the row's
  columns, the detail pane the json's event; a json naming another event would show that
  event's text and quotes under this row.  Before 22 read with ``visitParamExtractString``
  (the first field of that name at any depth: the writer puts ``id``, ``kind``, ``track``,
  ``title`` first, before any nested object).
* ``kind`` other than 0 (point), 1 (span), 2 (band).
* ``lane`` not the row's: -1 for a band, else the place of its ``track`` among the
  collection's tracks (a lane beyond them draws nothing; another lane draws it in the
  wrong row).
* ``sort_point``, and on a drawn row ``x0`` / ``x1`` / ``xm``: a time that is not a
  number (NaN); an infinite time where only a finite one is right (only an open side of a
  span is infinite: ``x0`` -inf, ``x1`` +inf; ``sort_point`` is +inf only when wholly open);
  a finite time beyond :data:`TIME_LIMIT_S` (no date is that far: ``1e300``); ``x1``
  before ``x0``.

The NaN, infinite-time and duplicate-id SQL (:func:`nan_sql`, :func:`wrong_inf_sql`,
:data:`X1_BEFORE_X0`, :func:`duplicate_ids_sql`) is also what
:mod:`viewer.io.collection_check` asks a Parquet / DuckDB collection, in its own words.

No engine is imported; no Qt.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from typing import Any, NamedTuple

from viewer.model.date_resolve import MAX_ABS_YEAR
from viewer.model.errors import Problem

from .store_sql import CLICKHOUSE, sql_literal

__all__ = ["RowCheck", "row_checks", "row_fault_problems", "duplicate_id_sql_problems", "TIME_LIMIT_S", "EXAMPLES",
           "Place", "nan_sql", "wrong_inf_sql", "X1_BEFORE_X0", "duplicate_ids_sql"]

TIME_LIMIT_S = float(MAX_ABS_YEAR + 1) * 366 * 86400
"""The farthest a finite time may be from the epoch (s): beyond the years a date may have
(:data:`~viewer.model.date_resolve.MAX_ABS_YEAR`), about 3.2e19 s."""
EXAMPLES = 3
"""Rows named per fault; the rest counted."""


class RowCheck(NamedTuple):
    """One fault a row may have: ``name`` (a short key), the ``column`` it is in, the SQL
    ``condition`` true for a faulty row, ``shown`` (SQL of the values named in the example),
    and ``said(values)`` -> what is wrong and what was expected."""

    name: str
    column: str
    condition: str
    shown: str
    said: Callable[[Sequence[Any]], str]


class Place(NamedTuple):
    """How rows are named: ``sql``, the expression of a row's place, and ``label(value, id)``
    -> the words (``row 17 (event 'x')``)."""

    sql: str
    label: Callable[[Any, Any], str]


def _short(value: Any, limit: int = 60) -> str:
    if value is None:
        return "NULL"
    if isinstance(value, float):
        return "NaN" if math.isnan(value) else ("+inf" if value == math.inf else "-inf" if value == -math.inf
                                                else repr(value))
    text = repr(value)
    return text if len(text) <= limit else text[:limit - 1] + "…"


def nan_sql(column: str, dialect: str) -> str:
    """SQL true where the number ``column`` is NaN, in ``dialect``.  DuckDB: not ``isnan``,
    which a WHERE prunes by the row groups' min/max statistics, and writers that leave NaN
    out of them (pyarrow, DuckDB) hide it from ``isnan``."""
    return f"isNaN({column})" if dialect == CLICKHOUSE else f"(NOT isfinite({column}) AND NOT isinf({column}))"


def wrong_inf_sql(column: str, dialect: str) -> str:
    """SQL true where the time ``column`` (one of ``sort_point``, ``x0``, ``x1``, ``xm``) is
    infinite where only a finite time is right: only an open side of a span is infinite
    (``x0`` -inf, ``x1`` +inf); a point's extent (a span without an end is drawn as one) and a
    marker are finite; ``sort_point`` is +inf only when the start is wholly open.

    Raises
    ------
    KeyError
        For another column."""
    inf, ninf = sql_literal(math.inf, dialect), sql_literal(-math.inf, dialect)
    isinf = "isInfinite" if dialect == CLICKHOUSE else "isinf"
    return {"sort_point": f"sort_point = {ninf}",
            "x0": f"drawn AND (x0 = {inf} OR ((kind = 0 OR end_edtf IS NULL) AND {isinf}(x0)))",
            "x1": f"drawn AND (x1 = {ninf} OR ((kind = 0 OR end_edtf IS NULL) AND {isinf}(x1)))",
            "xm": f"drawn AND {isinf}(xm)"}[column]


X1_BEFORE_X0 = "drawn AND x1 < x0"
"""SQL true on a drawn row that ends before it starts."""


def duplicate_ids_sql(table: str, place_sql: str, *, blank: bool = False) -> str:
    """SQL of the ids used by more than one row of ``table``: columns ``id``, ``n_`` (rows) and
    ``first_`` (the lowest ``place_sql`` among them), one row per id (not ordered).  Empty and
    NULL ids are left out (the "no id" check says them) unless ``blank``."""
    where = "" if blank else " WHERE id IS NOT NULL AND id != ''"
    return (f"SELECT id, count(*) AS n_, min({place_sql}) AS first_ FROM {table}{where} "
            "GROUP BY id HAVING count(*) > 1")


def _json_valid(dialect: str, legacy: bool) -> str:
    if dialect != CLICKHOUSE:
        return "json_valid(json) AND json LIKE '{%'"
    if legacy:  # 18.16 parses no JSON in SQL: the object's braces only
        return "(startsWith(json, '{') AND endsWith(json, '}'))"
    return "(isValidJSON(json) AND startsWith(json, '{'))"


def _json_field(field: str, dialect: str, legacy: bool) -> str:
    """SQL of the json's top-level string ``field`` ('' when absent), on rows whose json is valid."""
    if dialect != CLICKHOUSE:
        return f"coalesce(CASE WHEN json_valid(json) THEN json_extract_string(json, '$.{field}') END, '')"
    if legacy:
        return f"visitParamExtractString(json, '{field}')"
    return f"JSONExtractString(json, '{field}')"


def _json_said(field: str) -> Callable[[Sequence[Any]], str]:
    def said(v: Sequence[Any]) -> str:
        return (f"{_short(v[0])}, but its json names {field} {_short(v[1])}; a row holds one event: the window "
                f"draws the row's {field}, the detail pane the json's"
                + (" (another event's text and quotes)" if field == "id" else ""))
    return said


def row_checks(dialect: str, lane_ids: Sequence[str], *, legacy: bool = False) -> list[RowCheck]:
    """Every check of the module docstring, in the dialect ``dialect`` (``legacy``: a ClickHouse
    before 22), for a collection whose tracks are ``lane_ids`` (lane ``k`` is ``lane_ids[k]``)."""
    def lit(value: Any) -> str:
        return sql_literal(value, dialect)

    checks = [
        RowCheck("no id", "id", "(id IS NULL OR id = '')", "id",
                 lambda v: "no id (NULL or empty); every event needs its own id (the window, search and "
                           "event by id find it by its id)"),
        RowCheck("no title", "title", "(title IS NULL OR title = '')", "title",
                 lambda v: f"no title ({'NULL' if v[0] is None else 'empty'}); the window names every event "
                           "it draws"),
        RowCheck("no json", "json", "(json IS NULL OR json = '')", "json",
                 lambda v: f"no event json ({'NULL' if v[0] is None else 'empty'}); the detail pane and "
                           "convert read the event from it"),
        RowCheck("json not an object", "json", f"(json != '' AND NOT {_json_valid(dialect, legacy)})", "json",
                 lambda v: f"{_short(v[0], 40)} is not an event's JSON object; the detail pane and convert "
                           "read the event from it"),
    ]
    valid = _json_valid(dialect, legacy)
    for field in ("id", "title", "track"):
        got = _json_field(field, dialect, legacy)
        column = f"coalesce({field}, '')"
        checks.append(RowCheck(f"json {field}", field, f"(json != '' AND {valid} AND {got} != {column})",
                               f"{field}, {got}", _json_said(field)))
    checks.append(RowCheck("kind", "kind", "(kind IS NULL OR kind NOT IN (0, 1, 2))", "kind",
                           lambda v: f"kind {_short(v[0])}; expected 0 (point), 1 (span) or 2 (band)"))
    expected = "CASE WHEN kind = 2 THEN -1 " + "".join(
        f"WHEN track = {lit(t)} THEN {k} " for k, t in enumerate(lane_ids)) + "ELSE -2 END"
    n = len(lane_ids)
    checks.append(RowCheck(
        "lane", "lane", f"(lane IS NULL OR lane != {expected})", f"lane, kind, track, {expected}",
        lambda v: f"lane {_short(v[0])}, but " + (
            "a band's lane is -1" if v[1] == 2 else
            f"its track {_short(v[2])} is lane {v[3]}" if v[3] is not None and v[3] >= 0 else
            f"its track {_short(v[2])} is none of the collection's {n} track(s)")
        + f"; lanes are 0..{n - 1} in the order of the tracks, -1 for bands (another lane draws it in the "
          "wrong row, one beyond them nowhere)"))
    for column in ("sort_point", "x0", "x1", "xm"):
        drawn = "" if column == "sort_point" else "drawn AND "
        checks.append(RowCheck(
            f"nan {column}", column, f"({drawn}({column} IS NULL OR {nan_sql(column, dialect)}))", column,
            lambda v: f"a time that is not a number ({_short(v[0])}); every time of a drawn event is a number "
                      "(epoch seconds, ±inf for an open side)"))
        checks.append(RowCheck(
            f"inf {column}", column, f"({wrong_inf_sql(column, dialect)})", column,
            lambda v: f"an infinite time ({_short(v[0])}); only an open side of a span is infinite (x0 -inf, "
                      "x1 +inf): a point's extent and a marker are finite, and sort_point is +inf only when "
                      "the start is wholly open"))
        limit = lit(TIME_LIMIT_S)
        checks.append(RowCheck(
            f"far {column}", column, f"({drawn}(({column} > {limit} AND {column} < {lit(math.inf)}) OR "
                                     f"({column} < -{limit} AND {column} > {lit(-math.inf)})))", column,
            lambda v: f"a time of {_short(v[0])} s from 1970; no date is that far (at most {TIME_LIMIT_S:.2g} s: "
                      f"the year ±{MAX_ABS_YEAR:,})"))
    checks.append(RowCheck("x1 before x0", "x1", f"({X1_BEFORE_X0})", "x0, x1",
                           lambda v: f"x1 {_short(v[1])} is before x0 {_short(v[0])}; an event ends at or after "
                                     "its start (x0 <= x1)"))
    return checks


def row_fault_problems(query: Callable[[str], list[Any]], table: str, file: str, checks: Sequence[RowCheck],
                       place: Place, examples: int = EXAMPLES) -> list[Problem]:
    """The faults ``checks`` find in ``table``: one aggregate query counts each check's rows,
    then one query per fault found names its first ``examples`` rows (by ``place``).

    Parameters
    ----------
    query : callable(sql) -> list of row sequences
        Runs a query on the engine.
    table : str
        The events' table (or a view, a ``read_parquet(...)``) with the collection's columns
        and whatever ``place.sql`` reads.
    file : str
        The collection as named in messages (an address without credentials).

    Returns
    -------
    list of Problem
        Per fault found: a problem per row named (``location``: the row, its id, the column),
        then "and N more rows ..." when there are more.
    """
    if not checks:
        return []
    sums = ", ".join(f"sum(CASE WHEN {c.condition} THEN 1 ELSE 0 END)" for c in checks)
    counts = query(f"SELECT {sums} FROM {table}")[0]
    out: list[Problem] = []
    for check, n in zip(checks, counts, strict=True):
        n = int(n or 0)
        if not n:
            continue
        rows = query(f"SELECT {place.sql} AS place_, id, {check.shown} FROM {table} WHERE {check.condition} "
                     f"ORDER BY place_ LIMIT {int(examples)}")
        for at, event_id, *values in rows:
            out.append(Problem(file, check.said(values), location=f"{place.label(at, event_id)}, column "
                                                                  f"'{check.column}'"))
        if n > len(rows):
            out.append(Problem(file, f"and {n - len(rows):,} more rows with the same fault in column "
                                     f"'{check.column}' ({check.name})"))
    return out


def duplicate_id_sql_problems(query: Callable[[str], list[Any]], table: str, file: str, place: Place,
                              examples: int = 10) -> list[Problem]:
    """Ids used by more than one row (empty ids left to the "no id" check): one ``GROUP BY id``
    names the first ``examples`` (by their first row's place), one more counts them all."""
    dup = duplicate_ids_sql(table, place.sql)
    rows = query(f"{dup} ORDER BY first_ LIMIT {int(examples)}")
    if not rows:
        return []
    total = int(query(f"SELECT count(*) FROM ({dup}) AS d_")[0][0])
    out = [Problem(file, f"id {event_id!r} is used by {int(n):,} rows; every event's id must be unique",
                   location=f"{place.label(first, event_id)}, column 'id'") for event_id, n, first in rows]
    if total > len(rows):
        out.append(Problem(file, f"and {total - len(rows):,} more ids used by more than one row"))
    return out
