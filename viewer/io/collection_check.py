"""Checking a collection row by row: what ``validate`` reads and ``convert`` refuses.

Opening a collection (:class:`~viewer.io.duckstore.DuckStore`) stays cheap: it
reads the footer, not the rows.  :func:`collection_problems` reads them all:

* every row's ``json`` (the event's native object, the lossless copy the
  detail pane and ``convert`` are built from), :data:`BATCH` rows at a time,
  through the native format's own checks (schema and meaning, against the
  collection's tracks and sources), and against the row's ``id``, ``title``
  and ``track`` columns (the window draws and names the columns; the detail
  pane and ``convert`` use the json);
* times that are not a number (NaN) in ``sort_point`` or, for a drawn row,
  ``x0`` / ``x1`` / ``xm``: one aggregate query;
* ids used by more than one row: one aggregate query.

Every problem names the file, the row (1-based, in the collection's time
order, as ``read_parquet(..., file_row_number = true)`` numbers it from 0) and
the event id.  :func:`footer_nan_problem` is the cheap part opening runs: NaN
seen from the Parquet footer's statistics alone.

No Qt.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from viewer.model.errors import Problem, TimelineLoadError

from .jsonpos import PathPart
from .native_checks import Checker
from .native_problems import Problems, format_path
from .native_schema import schema_problems, walk_checks

if TYPE_CHECKING:
    from .duckstore import DuckStore

__all__ = ["collection_problems", "row_problems", "schema_certain", "footer_nan_problem", "nan_problems",
           "duplicate_id_problems", "BATCH", "MAX_LISTED", "TIME_COLUMNS"]

BATCH = 20_000
"""Rows whose json is read and checked at a time (bounded memory)."""
MAX_LISTED = 1_000
"""Problems listed at most; beyond, one more problem says how many rows were not listed."""
TIME_COLUMNS = ("sort_point", "x0", "x1", "xm")
"""Time columns that must be numbers: ``sort_point`` on every row, the others on drawn rows
(a row not drawn has NaN there by design)."""


def _nan(column: str) -> str:
    """SQL true where ``column`` is NaN.  Not ``isnan``: DuckDB prunes a WHERE by the row groups'
    min/max statistics, and writers that leave NaN out of them (pyarrow) hide it from ``isnan``."""
    return f"(NOT isfinite({column}) AND NOT isinf({column}))"


_NAN_SQL = f"{_nan('sort_point')} OR (drawn AND ({_nan('x0')} OR {_nan('x1')} OR {_nan('xm')}))"


def _row(position: int, event_id: Any) -> str:
    eid = f" (event {event_id!r})" if isinstance(event_id, str) and event_id else ""
    return f"row {position + 1:,}{eid}"


class _RowProblems(Problems):
    """:class:`Problems` whose ``events[i]`` paths are rows of a collection: ``row 7 (event 'x'),
    column 'json' .sources[0]``; problems of the timeline's own fields are kept once."""

    def __init__(self, file: str, data: Any, rows: Sequence[tuple[int, Any]]) -> None:
        super().__init__(file, data, None)
        self.rows = rows

    def add(self, path: Sequence[PathPart], message: str, *, key: bool = False, location: str | None = None) -> None:
        if len(path) >= 2 and path[0] == "events" and isinstance(path[1], int) and path[1] < len(self.rows):
            if message.startswith("duplicate event id"):
                return  # counted over the whole collection by the ids query
            position, event_id = self.rows[path[1]]
            field = format_path(path[2:])
            location = f"{_row(position, event_id)}, column 'json'" + (f" field {field}" if field else "")
        super().add(path, message, key=key, location=location)


def row_problems(file: str, meta: Mapping[str, Any], rows: Sequence[tuple[int, Any, Any, Any, Any]]) -> list[Problem]:
    """Problems of some rows of a collection.

    Parameters
    ----------
    file : str
        The collection, as named in messages.
    meta : mapping
        The collection's timeline metadata (:func:`~viewer.io.collection.timeline_of_meta`'s data):
        the tracks and sources the events refer to.
    rows : sequence of (int, str, str, str, str)
        ``(position, id, title, track, json)`` of each row; position 0-based in the file.

    Returns
    -------
    list of Problem
        Each naming the row (1-based), its event id, the column or json field, and what was expected.
    """
    out: list[Problem] = []
    events: list[Any] = []
    kept: list[tuple[int, Any]] = []
    for position, event_id, title, track, text in rows:
        where = _row(position, event_id)
        try:
            obj = json.loads(text) if isinstance(text, str) else None
        except RecursionError:
            out.append(Problem(file, "its 'json' column is nested too deeply to be an event",
                               location=f"{where}, column 'json'"))
            continue
        except ValueError as exc:
            out.append(Problem(file, f"its 'json' column is not the event's JSON object ({exc})",
                               location=f"{where}, column 'json'"))
            continue
        if not isinstance(obj, dict):
            out.append(Problem(file, "its 'json' column is not an event object {...}",
                               location=f"{where}, column 'json'"))
            continue
        for column, value in (("id", event_id), ("title", title), ("track", track)):
            got = obj.get(column, "" if column == "track" else None)
            if got != value and not (column == "track" and not value and not got):
                out.append(Problem(file, f"{value!r}, but the event's json has {column} {got!r}; a row holds "
                                   f"one event: the same {column} in both",
                                   location=f"{where}, column '{column}'"))
        events.append(obj)
        kept.append((position, event_id))
    if events:
        doc = {k: v for k, v in meta.items() if k not in ("layout_version", "stories", "events")}
        # the JSON Schema (jsonschema: ~2,000 events/s) only for events not certainly within it
        odd = [i for i, e in enumerate(events) if not schema_certain(e)]
        if odd:
            sub = {**doc, "events": [events[i] for i in odd]}
            sub_report = _RowProblems(file, sub, [kept[i] for i in odd])
            try:
                if walk_checks(sub, sub_report, ()):
                    schema_problems(sub, sub_report)
            except RecursionError:
                sub_report.items.append(Problem(file, "an event's json is nested too deeply to be checked"))
            out.extend(sub_report.items)
        doc["events"] = events
        report = _RowProblems(file, doc, kept)
        try:
            Checker(doc, report).run()  # meaning: tracks, sources, dates, order (as check_document)
        except RecursionError:
            report.items.append(Problem(file, "an event's json is nested too deeply to be checked"))
        out.extend(report.items)
    return out


_EVENT_KEYS = frozenset({"id", "kind", "title", "track", "start", "end", "summary", "location", "status", "actors",
                         "tags", "sources", "credibility"})
_DATE_KEYS = frozenset({"edtf", "phrase", "basis", "time_zone", "precision"})
_NOT_BLANK = re.compile(r"\S")


def _text(value: Any, non_empty: bool = False) -> bool:
    return type(value) is str and (not non_empty or value != "") and (value.isascii() or not _lone_surrogate(value))


def _lone_surrogate(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _date(value: Any) -> bool:
    if type(value) is str:
        return _text(value, non_empty=True)
    return (type(value) is dict and value.keys() <= _DATE_KEYS and _text(value.get("edtf"), non_empty=True)
            and all(_text(value[k]) for k in ("phrase", "basis") if k in value)
            and ("time_zone" not in value or _text(value["time_zone"], non_empty=True))
            and value.get("precision", "hour") in ("hour", "minute"))


def schema_certain(event: Any) -> bool:
    """True when ``event`` (a parsed json) certainly meets the native schema's event: the common
    shapes (no quotes, no draft), every field of the right type.  False means only "not
    certain": the JSON Schema then decides, and words what is wrong."""
    if type(event) is not dict or not event.keys() <= _EVENT_KEYS:
        return False
    title = event.get("title")
    kind = event.get("kind", "point")
    return (_text(event.get("id"), non_empty=True) and isinstance(title, str) and _text(title)
            and _NOT_BLANK.search(title) is not None
            and kind in ("point", "span", "band") and _date(event.get("start"))
            and (event.get("end") is None or _date(event["end"]))
            and (_text(event["track"]) if "track" in event else kind == "band")
            and all(_text(event[k]) for k in ("summary", "location") if k in event)
            and event.get("status", "happened") in ("happened", "planned")
            and event.get("credibility", "1") in ("1", "2", "3", "4", "5", "6")
            and all(type(event[k]) is list and all(_text(v) for v in event[k]) for k in ("actors", "tags")
                    if k in event)
            and ("sources" not in event or (type(event["sources"]) is list
                                            and all(_text(v, non_empty=True) for v in event["sources"]))))


def collection_problems(store: DuckStore, progress: Callable[[str], None] | None = None,
                        batch: int = BATCH) -> list[Problem]:
    """Every row problem of an opened collection (see the module docstring), in row order,
    times and ids first; at most :data:`MAX_LISTED` listed, then a count of the rest.
    ``progress("k of N rows checked")`` after each batch."""
    file, n = store.path, store.n_events
    out = nan_problems(store) + duplicate_id_problems(store)
    listed = len(out)
    more = 0
    done = 0
    with store._lock:  # one connection: the rows are read while nothing else asks
        # in file order as stored (no sort: the json of every row would be sorted in memory)
        cur = store.con.execute("SELECT file_row_number, id, title, track, json FROM evp")
        while rows := cur.fetchmany(max(int(batch), 1)):
            found = row_problems(file, store.meta, rows)
            take = found[:max(MAX_LISTED - listed, 0)]
            out.extend(take)
            listed += len(take)
            more += len(found) - len(take)
            done += len(rows)
            if progress is not None:
                progress(f"{done:,} of {n:,} rows checked")
    if more:
        out.append(Problem(file, f"and {more:,} more problems in later rows (the first {MAX_LISTED:,} are listed)"))
    return out


def nan_problems(store: DuckStore, limit: int = 10) -> list[Problem]:
    """Rows whose time is not a number (NaN): :data:`TIME_COLUMNS` (one query)."""
    return _nan_rows(store._q, "evp", store.path, limit)


def _nan_rows(query: Callable[[str], list[Any]], source: str, file: str, limit: int = 10) -> list[Problem]:
    flags = ", ".join(_nan(c) + ("" if c == "sort_point" else " AND drawn") for c in TIME_COLUMNS)
    rows = query(f"SELECT count(*) OVER (), file_row_number, id, {flags} FROM {source} WHERE {_NAN_SQL} "
                 f"ORDER BY file_row_number LIMIT {int(limit)}")
    out = []
    for _total, position, event_id, *bad in rows:
        named = [repr(c) for c, b in zip(TIME_COLUMNS, bad, strict=True) if b]
        columns = f"column{'s' if len(named) > 1 else ''} {' and '.join(named)}"
        out.append(Problem(file, f"a time that is not a number (NaN) in {columns}; every time of a "
                           "drawn event is a number (epoch seconds, ±inf for an open side)",
                           location=_row(int(position), event_id)))
    if rows and rows[0][0] > len(rows):
        out.append(Problem(file, f"and {rows[0][0] - len(rows):,} more rows with a time that is not a number"))
    return out


def duplicate_id_problems(store: DuckStore, limit: int = 10) -> list[Problem]:
    """Ids used by more than one row (one query)."""
    rows = store._q("SELECT count(*) OVER (), id, count(*), min(file_row_number) FROM evp GROUP BY id "
                    f"HAVING count(*) > 1 ORDER BY 4 LIMIT {int(limit)}")
    places: dict[str, list[int]] = {}
    if rows:  # where the first few ids listed are (their rows only)
        listed = ", ".join("'" + str(r[1]).replace("'", "''") + "'" for r in rows)
        places = {k: [int(p) for p in v] for k, v in store._q(
            "SELECT id, list(file_row_number ORDER BY file_row_number)[1:3] FROM evp "
            f"WHERE id IN ({listed}) GROUP BY id")}
    out = []
    for _total, event_id, n, lowest in rows:
        first = places.get(event_id) or [int(lowest)]
        at = ", ".join(f"{int(p) + 1:,}" for p in first)
        out.append(Problem(store.path, f"id {event_id!r} is used by {int(n):,} rows (rows {at}"
                           f"{', …' if n > len(first) else ''}); every event's id must be unique",
                           location=f"{_row(int(first[0]), event_id)}, column 'id'"))
    if rows and rows[0][0] > len(rows):
        out.append(Problem(store.path, f"and {rows[0][0] - len(rows):,} more ids used by more than one row"))
    return out


def footer_nan_problem(query: Callable[[str], list[Any]], path: str) -> None:
    """Refuse a Parquet collection whose footer shows a NaN time, then confirmed by a query.

    DuckDB writes no min/max statistics for a column chunk holding NaN (one side is missing
    for ±inf, both for NaN).  ``sort_point`` is never NaN; ``x0``/``x1``/``xm`` are NaN only
    on rows not drawn, so they are looked at only in row groups all drawn.  Only when the
    footer shows it is the column read (no row is read for a sound file).

    Raises
    ------
    TimelineLoadError
        Naming the file, the rows (the first ten, then how many more), their event ids and
        columns, and what was expected.
    """
    quoted = "'" + path.replace("'", "''") + "'"
    columns = ", ".join(map(repr, TIME_COLUMNS))
    got = query("SELECT row_group_id, path_in_schema, stats_min_value IS NULL AND stats_max_value IS NULL "
                "AND stats_null_count IS NOT NULL AND stats_null_count < row_group_num_rows, stats_min_value "
                f"FROM parquet_metadata({quoted}) WHERE path_in_schema IN ('drawn', {columns})")
    all_drawn = {g for g, column, _, lo in got if column == "drawn" and lo == "true"}
    suspect = [c for c in TIME_COLUMNS if any(col == c and bare and (c == "sort_point" or g in all_drawn)
                                              for g, col, bare, _ in got)]
    if not suspect:
        return
    found = _nan_rows(query, f"read_parquet({quoted}, file_row_number = true)", path)
    if found:
        raise TimelineLoadError(found)
