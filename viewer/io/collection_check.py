"""Checking a collection row by row: what ``validate`` reads and ``convert`` refuses.

Opening a collection (:class:`~viewer.io.duckstore.DuckStore`) stays cheap: it
reads the footer, not the rows.  :func:`collection_problems` reads them all:

* every row's ``json`` (the event's native object, the lossless copy the
  detail pane and ``convert`` are built from), :data:`BATCH` rows at a time,
  through the native format's own checks (schema and meaning, against the
  collection's tracks and sources), and against the row's ``id``, ``title``
  and ``track`` columns (the window draws and names the columns; the detail
  pane and ``convert`` use the json);
* the row's time columns against its json's dates, parsed as the native reader
  parses them (the window draws from the columns, the detail pane says the json):
  ``kind``, ``drawn``, ``sort_point``, ``x0`` / ``x1`` / ``xm`` (epoch seconds,
  within :data:`TOLERANCE_S`) and, for ``start_`` and ``end_``, ``precision``,
  ``earliest`` / ``latest``, ``uncertain`` and ``approximate``;
* the time order the store assumes (``sort_point``, then ``file_index``, in file
  order): compared row by row as the rows stream past;
* times that are not a number (NaN) in ``sort_point`` or, for a drawn row,
  ``x0`` / ``x1`` / ``xm``: one aggregate query; infinite times where only an open
  side of a span may be infinite, and ``x1`` before ``x0``: one more;
* ids used by more than one row: one aggregate query (these three ask the SQL of
  :mod:`viewer.io.store_checks`, ClickHouse's ``validate``'s, and word it row by row here);
* a ``lane`` other than its track's (:func:`lane_problems`, the SQL shared with ClickHouse:
  :mod:`viewer.io.store_checks`).

Every problem names the file, the row (1-based, in the collection's time
order, as ``read_parquet(..., file_row_number = true)`` numbers it from 0) and
the event id.  :func:`footer_nan_problem` is the cheap part opening runs: NaN
seen from the Parquet footer's statistics alone.

No Qt.
"""

from __future__ import annotations

import functools
import json
import math
import re
from collections.abc import Callable, Mapping, Sequence
from datetime import datetime, timezone
from typing import TYPE_CHECKING, Any

import numpy as np

from viewer.model.date_arrays import DateArrays, drawn_values, half_known_sign
from viewer.model.dates import EventDate
from viewer.model.errors import Problem, TimelineLoadError

from .jsonpos import PathPart
from .native_checks import Checker
from .native_problems import Problems, format_path
from .native_schema import has_lone_surrogate, schema_problems, walk_checks
from .store_checks import X1_BEFORE_X0, Place, duplicate_ids_sql, nan_sql, row_checks, row_fault_problems, wrong_inf_sql
from .store_sql import DUCKDB

if TYPE_CHECKING:
    from .duckstore import DuckStore

__all__ = ["collection_problems", "row_problems", "schema_certain", "footer_nan_problem", "nan_problems",
           "infinite_time_problems", "duplicate_id_problems", "lane_problems", "open_whisker", "BATCH", "MAX_LISTED",
           "TIME_COLUMNS", "DATE_COLUMNS", "TOLERANCE_S"]

BATCH = 20_000
"""Rows whose json is read and checked at a time (bounded memory)."""
MAX_LISTED = 1_000
"""Problems listed at most; beyond, one more problem says how many rows were not listed."""
TIME_COLUMNS = ("sort_point", "x0", "x1", "xm")
"""Time columns that must be numbers: ``sort_point`` on every row, the others on drawn rows
(a row not drawn has NaN there by design)."""


def _nan(column: str) -> str:
    """SQL true where ``column`` is NaN (:func:`~viewer.io.store_checks.nan_sql`, DuckDB's)."""
    return nan_sql(column, DUCKDB)


TOLERANCE_S = 1e-3
"""How far (s) a time column may be from the time its json's dates give (float rounding)."""
DATE_COLUMNS = ("kind", "drawn", "x0", "x1", "xm", "sort_point", "file_index", "start_precision", "start_earliest",
                "start_latest", "start_uncertain", "start_approximate", "end_edtf IS NOT NULL", "end_precision",
                "end_earliest", "end_latest", "end_uncertain", "end_approximate")
"""The columns :func:`row_problems` compares with each row's json (after position, id, title,
track, json), as :func:`collection_problems` selects them."""
_KINDS = {"point": 0, "span": 1, "band": 2}
_KIND_NAMES = {v: k for k, v in _KINDS.items()}
_DAY = 86400.0

_NAN_SQL = f"{_nan('sort_point')} OR (drawn AND ({_nan('x0')} OR {_nan('x1')} OR {_nan('xm')}))"


def _row(position: int, event_id: Any) -> str:
    eid = f" (event {event_id!r})" if isinstance(event_id, str) and event_id else ""
    return f"row {position + 1:,}{eid}"


class _RowProblems(Problems):
    """:class:`Problems` whose ``events[i]`` paths are rows of a collection: ``row 7 (event 'x'),
    column 'json' .sources[0]``; problems of the timeline's own fields are kept once."""

    def __init__(self, file: str, data: Any, rows: Sequence[tuple[int, Any]],
                 where: Callable[[int, Any], str] | None = None) -> None:
        super().__init__(file, data, None)
        self.rows = rows
        self.where = where or _row

    def add(self, path: Sequence[PathPart], message: str, *, key: bool = False, location: str | None = None) -> None:
        if len(path) >= 2 and path[0] == "events" and isinstance(path[1], int) and path[1] < len(self.rows):
            if message.startswith("duplicate event id"):
                return  # counted over the whole collection by the ids query
            position, event_id = self.rows[path[1]]
            field = format_path(path[2:])
            location = f"{self.where(position, event_id)}, column 'json'" + (f" field {field}" if field else "")
        super().add(path, message, key=key, location=location)


def row_problems(file: str, meta: Mapping[str, Any], rows: Sequence[tuple[Any, ...]],
                 whisker: float | None = None, where: Callable[[int, Any], str] | None = None) -> list[Problem]:
    """Problems of some rows of a collection.

    Parameters
    ----------
    file : str
        The collection, as named in messages.
    meta : mapping
        The collection's timeline metadata (:func:`~viewer.io.collection.timeline_of_meta`'s data):
        the tracks and sources the events refer to.
    rows : sequence of (int, str, str, str, str[, ...])
        ``(position, id, title, track, json)`` of each row; position 0-based in the file.  When
        the values of :data:`DATE_COLUMNS` follow, the row's time columns are compared with the
        dates of its json (parsed as the native reader parses them).
    whisker : float, optional
        The collection's ``EventColumns.open_whisker_s`` (:func:`open_whisker`): how far ``x0`` /
        ``x1`` of a point with an open side reach.
    where : callable(position, id) -> str, optional
        How a row is named (``row 7 (event 'x')`` by default: ``position`` 0-based in the file;
        a ClickHouse table's rows are named by their ``file_index``).

    Returns
    -------
    list of Problem
        Each naming the row (1-based), its event id, the column or json field, and what was expected.
    """
    out: list[Problem] = []
    events: list[Any] = []
    kept: list[tuple[int, Any]] = []
    kept_rows: list[tuple[Any, ...]] = []
    for row in rows:
        position, event_id, title, track, text = row[:5]
        at = (where or _row)(position, event_id)
        try:
            obj = json.loads(text) if isinstance(text, str) else None
        except RecursionError:
            out.append(Problem(file, "its 'json' column is nested too deeply to be an event",
                               location=f"{at}, column 'json'"))
            continue
        except ValueError as exc:
            out.append(Problem(file, f"its 'json' column is not the event's JSON object ({exc})",
                               location=f"{at}, column 'json'"))
            continue
        if not isinstance(obj, dict):
            out.append(Problem(file, "its 'json' column is not an event object {...}",
                               location=f"{at}, column 'json'"))
            continue
        for column, value in (("id", event_id), ("title", title), ("track", track)):
            got = obj.get(column, "" if column == "track" else None)
            if got != value and not (column == "track" and not value and not got):
                out.append(Problem(file, f"{value!r}, but the event's json has {column} {got!r}; a row holds "
                                   f"one event: the same {column} in both",
                                   location=f"{at}, column '{column}'"))
        events.append(obj)
        kept.append((position, event_id))
        kept_rows.append(row)
    if events:
        doc = {k: v for k, v in meta.items() if k not in ("layout_version", "stories", "events")}
        # the JSON Schema (jsonschema: ~2,000 events/s) only for events not certainly within it
        odd = [i for i, e in enumerate(events) if not schema_certain(e)]
        if odd:
            sub = {**doc, "events": [events[i] for i in odd]}
            sub_report = _RowProblems(file, sub, [kept[i] for i in odd], where)
            try:
                if walk_checks(sub, sub_report, ()):
                    schema_problems(sub, sub_report)
            except RecursionError:
                sub_report.items.append(Problem(file, "an event's json is nested too deeply to be checked"))
            out.extend(sub_report.items)
        doc["events"] = events
        report = _RowProblems(file, doc, kept, where)
        checker = Checker(doc, report)
        try:
            checker.run()  # meaning: tracks, sources, dates, order (as check_document)
        except RecursionError:
            report.items.append(Problem(file, "an event's json is nested too deeply to be checked"))
        out.extend(report.items)
        if len(kept_rows[0]) >= 5 + len(DATE_COLUMNS):
            out.extend(_time_problems(file, meta, events, kept_rows, checker.dates,
                                      _WHISKER_MIN if whisker is None else whisker, where or _row))
    return out


_WHISKER_MIN = 3 * _DAY


def open_whisker(store: DuckStore) -> float:
    """``EventColumns.open_whisker_s`` of the collection's events (one aggregate query over
    their date columns): how far a point with an open side reaches, as the writer drew it."""
    parts = []
    for column in ("start_earliest", "start_latest", "CASE WHEN end_edtf IS NOT NULL THEN end_latest "
                   "ELSE start_latest END"):
        parts += [f"min({column}) FILTER (WHERE isfinite({column}))",
                  f"max({column}) FILTER (WHERE isfinite({column}))"]
    # an event whose year is unknown does not count (DateArrays.finite_extent; dates.edtf_year_unknown)
    unknown = " OR ".join(f"ltrim(trim(coalesce({c}, '')), '[') LIKE 'XXXX%'" for c in ("start_edtf", "end_edtf"))
    got = store._q(f"SELECT {', '.join(parts)} FROM evp WHERE NOT ({unknown})")[0]
    lows = [float(v) for v in got[0::2] if v is not None]
    highs = [float(v) for v in got[1::2] if v is not None]
    span = max(highs) - min(lows) if lows and highs else _DAY
    return max(_WHISKER_MIN, 0.02 * span)


def _when(value: Any) -> str:
    """A time column's value as said: epoch seconds and the UTC moment."""
    if value is None:
        return "NULL"
    v = float(value)
    if math.isnan(v):
        return "NaN"
    if math.isinf(v):
        return "+inf" if v > 0 else "-inf"
    try:
        moment = datetime.fromtimestamp(v, timezone.utc).strftime("%Y-%m-%d %H:%M:%S.%f")[:-3]
    except (OverflowError, OSError, ValueError):
        return f"{v:.3f}"
    return f"{v:.3f} ({moment} UTC)"


def _same(got: Any, want: float) -> bool:
    if got is None:
        return False
    g = float(got)
    return g == want or (math.isfinite(g) and math.isfinite(want)
                         and abs(g - want) <= max(TOLERANCE_S, 1e-13 * abs(want)))


def _flagged(column: str, value: Any, pointlike: bool, reversed_: bool) -> bool:
    """True when :func:`nan_problems` or :func:`infinite_time_problems` already says this value
    (the same rules as their SQL, on a drawn row)."""
    if value is None:
        return False
    v = float(value)
    if math.isnan(v) or (column in ("x0", "x1") and reversed_):
        return True
    if column == "sort_point":
        return v == -math.inf
    return math.isinf(v) and (column == "xm" or pointlike or (column == "x0") == (v > 0))


def _differ(said: list[tuple[str, str, str]], column: str, value: Any, want: Any) -> None:
    if value != want:
        said.append((column, repr(value), repr(want)))


def _time_problems(file: str, meta: Mapping[str, Any], events: Sequence[Any], rows: Sequence[tuple[Any, ...]],
                   dates: Mapping[tuple[PathPart, ...], EventDate], whisker: float,
                   where: Callable[[int, Any], str] = _row) -> list[Problem]:
    """Rows whose time columns are not what their json's dates give (one problem per row)."""
    tracks = {t.get("id") for t in meta.get("tracks") or () if isinstance(t, dict)}
    checked: list[int] = []
    sides: list[tuple[EventDate, EventDate | None]] = []
    for i, event in enumerate(events):
        start = dates.get(("events", i, "start"))
        end = dates.get(("events", i, "end")) if event.get("end") is not None else None
        if start is None or (event.get("end") is not None and end is None) or event.get("kind", "point") not in _KINDS:
            continue  # a date or kind the native checks refuse: said there
        checked.append(i)
        sides.append((start, end))
    if not checked:
        return []
    nan = math.nan
    kinds = [_KINDS.get(events[i].get("kind", "point"), 0) for i in checked]
    d = DateArrays(
        ids=[str(events[i].get("id")) for i in checked],
        lane=np.array([-1 if k == 2 else (0 if events[i].get("track") in tracks else -2)
                       for i, k in zip(checked, kinds, strict=True)], dtype=np.int32),
        kind=np.array(kinds, dtype=np.int8),
        start_earliest=np.array([s.earliest for s, _ in sides]), start_latest=np.array([s.latest for s, _ in sides]),
        start_precision=np.array([int(s.precision) for s, _ in sides], dtype=np.int64),
        start_uncertain=np.array([s.uncertain for s, _ in sides], dtype=bool),
        start_approximate=np.array([s.approximate for s, _ in sides], dtype=bool),
        has_end=np.array([e is not None for _, e in sides], dtype=bool),
        end_earliest=np.array([nan if e is None else e.earliest for _, e in sides]),
        end_latest=np.array([nan if e is None else e.latest for _, e in sides]),
        end_precision=np.array([0 if e is None else int(e.precision) for _, e in sides], dtype=np.int64),
        end_uncertain=np.array([e is not None and e.uncertain for _, e in sides], dtype=bool),
        end_approximate=np.array([e is not None and e.approximate for _, e in sides], dtype=bool),
        sort_point=np.zeros(len(checked)), n_lanes=1)
    half = np.array([half_known_sign(s, e) for s, e in sides], dtype=np.int8)
    if half.any():  # a span with one date known: drawn at it (DateArrays.half_known)
        d.year_unknown, d.half_known = half != 0, half
    _kind, x0, x1, xm, _s0, _s1, _flags, _lane, keep = drawn_values(d, whisker)
    points = [s.sort_point if e is None or not math.isinf(s.sort_point) else e.sort_point for s, e in sides]
    # a date whose year is unknown is placed nowhere and not drawn (viewer.io.collection.timeline_rows)
    unknown = np.array([s.year_unknown or (e is not None and e.year_unknown) for s, e in sides], dtype=bool)
    if unknown.any():
        keep = keep & ~(unknown & (half == 0))
        points = [math.inf if u else p for p, u in zip(points, unknown.tolist(), strict=True)]
    # whole arrays first; only the rows that differ are looked at one by one (to say how)
    col = dict(zip(DATE_COLUMNS, zip(*(rows[i][5:5 + len(DATE_COLUMNS)] for i in checked), strict=True),
                   strict=True))

    def unlike(name: str, want: np.ndarray) -> np.ndarray:
        got = np.array(col[name], dtype=float)  # NULL: NaN
        with np.errstate(invalid="ignore"):
            near = np.abs(got - want) <= np.maximum(TOLERANCE_S, 1e-13 * np.abs(want))
            same: np.ndarray = (got == want) | (np.isfinite(got) & np.isfinite(want) & near)
        return ~same

    def truth(name: str) -> np.ndarray:
        return np.array(col[name], dtype=bool)

    has_end = d.has_end
    differs = (np.array(col["kind"], dtype=float) != d.kind) | (truth("end_edtf IS NOT NULL") != has_end)
    differs |= unlike("start_earliest", d.start_earliest) | unlike("start_latest", d.start_latest)
    differs |= (truth("start_uncertain") != d.start_uncertain) | (truth("start_approximate") != d.start_approximate)
    differs |= np.array([p != s.precision.label for p, (s, _) in zip(col["start_precision"], sides, strict=True)])
    differs |= has_end & (unlike("end_earliest", d.end_earliest) | unlike("end_latest", d.end_latest)
                          | (truth("end_uncertain") != d.end_uncertain)
                          | (truth("end_approximate") != d.end_approximate)
                          | np.array([e is not None and p != e.precision.label
                                      for p, (_, e) in zip(col["end_precision"], sides, strict=True)]))
    differs |= unlike("sort_point", np.array(points, dtype=float))
    drawn_col = truth("drawn")
    differs |= (drawn_col != keep) | (drawn_col & keep & (unlike("x0", x0) | unlike("x1", x1) | unlike("xm", xm)))
    out: list[Problem] = []
    for k in np.flatnonzero(differs).tolist():
        i = checked[k]
        (position, event_id, *_), got = rows[i][:5], dict(zip(DATE_COLUMNS, rows[i][5:], strict=False))
        start, end = sides[k]
        said: list[tuple[str, str, str]] = []  # (column, its value, what the json gives)
        differ = functools.partial(_differ, said)
        differ("kind", _KIND_NAMES.get(got["kind"], got["kind"]), _KIND_NAMES[kinds[k]])
        for side, date in (("start", start), ("end", end)):
            if side == "end" and bool(got["end_edtf IS NOT NULL"]) != (end is not None):
                said.append(("end_edtf", "an end" if got["end_edtf IS NOT NULL"] else "no end (NULL)",
                             "no end" if end is None else f"end {end.edtf!r}"))
                break
            if date is None:
                break
            differ(f"{side}_precision", got[f"{side}_precision"], date.precision.label)
            for bound in ("earliest", "latest"):
                if not _same(got[f"{side}_{bound}"], getattr(date, bound)):
                    said.append((f"{side}_{bound}", _when(got[f"{side}_{bound}"]), _when(getattr(date, bound))))
            for flag in ("uncertain", "approximate"):
                differ(f"{side}_{flag}", bool(got[f"{side}_{flag}"]), bool(getattr(date, flag)))
        point = points[k]
        sp = got["sort_point"]
        if not _same(sp, point) and not (sp is not None and (math.isnan(float(sp)) or float(sp) == -math.inf)):
            said.append(("sort_point", _when(sp), _when(point)))
        drawn = bool(got["drawn"])
        differ("drawn", drawn, bool(keep[k]))
        if drawn and keep[k]:
            pointlike = got["kind"] == 0 or not got["end_edtf IS NOT NULL"]
            x0g, x1g = got["x0"], got["x1"]
            reversed_ = x0g is not None and x1g is not None and float(x1g) < float(x0g)
            for column, want in (("x0", x0[k]), ("x1", x1[k]), ("xm", xm[k])):
                value = got[column]
                if not _same(value, float(want)) and not _flagged(column, value, pointlike, reversed_):
                    said.append((column, _when(value), _when(float(want))))
        if said:
            told = f"start {start.edtf!r} ({start.precision.label})" + (
                "" if end is None else f", end {end.edtf!r} ({end.precision.label})")
            columns = ", ".join(f"'{c}'" for c, _, _ in said)
            listed = "; ".join(f"{c} {v} (its json gives {w})" for c, v, w in said)
            out.append(Problem(file, f"its time columns do not say what its json says ({told}): {listed}; a row "
                               "holds one event: the window draws the columns, the detail pane and convert say "
                               "the json",
                               location=f"{where(position, event_id)}, column{'s' if len(said) > 1 else ''} "
                                        f"{columns}"))
    return out


_EVENT_KEYS = frozenset({"id", "kind", "title", "track", "start", "end", "summary", "location", "status", "actors",
                         "tags", "sources", "credibility"})
_DATE_KEYS = frozenset({"edtf", "phrase", "basis", "time_zone", "precision", "edited_by_hand"})
_NOT_BLANK = re.compile(r"\S")


def _text(value: Any, non_empty: bool = False) -> bool:
    return type(value) is str and (not non_empty or value != "") and (value.isascii() or not has_lone_surrogate(value))


def _date(value: Any) -> bool:
    if type(value) is str:
        return _text(value, non_empty=True)
    return (type(value) is dict and value.keys() <= _DATE_KEYS and _text(value.get("edtf"), non_empty=True)
            and all(_text(value[k]) for k in ("phrase", "basis") if k in value)
            and ("time_zone" not in value or _text(value["time_zone"], non_empty=True))
            and value.get("precision", "hour") in ("hour", "minute")
            and _hand_mark(value.get("edited_by_hand", {})))


def _hand_mark(value: Any) -> bool:
    return type(value) is dict and value.keys() <= {"from", "on"} and all(_text(v) for v in value.values())


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
    out = nan_problems(store) + infinite_time_problems(store) + duplicate_id_problems(store)
    whisker = open_whisker(store)
    found_rows: list[Problem] = []
    listed = len(out)
    more = 0
    done = 0
    order = _TimeOrder(file)
    with store._lock:  # one connection: the rows are read while nothing else asks
        # in file order as stored (no sort: the json of every row would be sorted in memory)
        cur = store.con.execute(f"SELECT file_row_number, id, title, track, json, {', '.join(DATE_COLUMNS)} FROM evp")
        while rows := cur.fetchmany(max(int(batch), 1)):
            order.feed(rows)
            found = row_problems(file, store.meta, rows, whisker)
            take = found[:max(MAX_LISTED - listed - len(found_rows), 0)]
            found_rows.extend(take)
            more += len(found) - len(take)
            done += len(rows)
            if progress is not None:
                progress(f"{done:,} of {n:,} rows checked")
    out += order.problems() + found_rows
    out += lane_problems(store)
    if more:
        out.append(Problem(file, f"and {more:,} more problems in later rows (the first {MAX_LISTED:,} are listed)"))
    return out


_SORT_AT = 5 + DATE_COLUMNS.index("sort_point")
_INDEX_AT = 5 + DATE_COLUMNS.index("file_index")


class _TimeOrder:
    """Rows out of the time order the store assumes (``sort_point``, then ``file_index``,
    rising in file order), found as the rows stream past: the first :attr:`limit` said."""

    def __init__(self, file: str, limit: int = 10) -> None:
        self.file, self.limit = file, limit
        self.last: tuple[float, int, int, Any] | None = None  # sort point, file index, position, id
        self.found: list[Problem] = []
        self.count = 0

    def feed(self, rows: Sequence[tuple[Any, ...]]) -> None:
        last = self.last
        for row in rows:
            sp, fi = row[_SORT_AT], row[_INDEX_AT]
            if sp is None or fi is None or math.isnan(sp):
                continue  # NaN: said by nan_problems
            if last is not None and (sp, fi) <= last[:2]:
                self.count += 1
                if len(self.found) < self.limit:
                    self.found.append(Problem(
                        self.file, f"out of time order: sort_point {_when(sp)}, file_index {fi:,} comes after "
                        f"{_row(last[2], last[3])} (sort_point {_when(last[0])}, file_index {last[1]:,}); a "
                        "collection's rows are sorted by time (sort_point, then file_index): the window "
                        "finds and pages its rows by that order", location=f"{_row(row[0], row[1])}, column "
                        "'sort_point'"))
            last = (sp, fi, row[0], row[1])
        self.last = last

    def problems(self) -> list[Problem]:
        more = self.count - len(self.found)
        return self.found + ([Problem(self.file, f"and {more:,} more rows out of time order")] if more else [])


def lane_problems(store: DuckStore) -> list[Problem]:
    """Rows whose ``lane`` is not their track's (-1 for a band, else the track's place among the
    collection's tracks): the one check of :mod:`viewer.io.store_checks` (SQL shared with
    ClickHouse) the json pass does not make, as it reads the track from the json.  One
    aggregate query, then the first rows of a fault found."""
    checks = [c for c in row_checks(DUCKDB, store.lane_ids) if c.name == "lane"]
    return row_fault_problems(store._q, "evp", store.path, checks, Place("file_row_number", _row))


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


_INF_FLAGS = tuple((c, wrong_inf_sql(c, DUCKDB)) for c in TIME_COLUMNS)
"""Infinite times that are never right (:func:`~viewer.io.store_checks.wrong_inf_sql`, the SQL
``validate`` asks a ClickHouse table): only an open side of a span is infinite."""


def infinite_time_problems(store: DuckStore, limit: int = 10) -> list[Problem]:
    """Rows with an infinite time where only a finite one is right (:data:`_INF_FLAGS`), or with
    ``x1`` before ``x0`` (one query)."""
    flags = ", ".join(f"({sql})" for _, sql in _INF_FLAGS)
    reversed_ = X1_BEFORE_X0
    where = " OR ".join(f"({sql})" for _, sql in _INF_FLAGS)
    rows = store._q(f"SELECT count(*) OVER (), file_row_number, id, x0, x1, {flags}, {reversed_} FROM evp "
                    f"WHERE {where} OR ({reversed_}) ORDER BY file_row_number LIMIT {int(limit)}")
    out = []
    for _total, position, event_id, x0, x1, *bad in rows:
        named = [repr(c) for (c, _), b in zip(_INF_FLAGS, bad, strict=False) if b]
        if named:
            columns = f"column{'s' if len(named) > 1 else ''} {' and '.join(named)}"
            out.append(Problem(store.path, f"an infinite time in {columns}; only an open side of a span is "
                               "infinite (x0 -inf, x1 +inf): a point's extent and a marker are finite, and "
                               "sort_point is +inf only when the start is wholly open",
                               location=_row(int(position), event_id)))
        if bad[-1]:
            out.append(Problem(store.path, f"x1 {_when(x1)} is before x0 {_when(x0)}; an event ends at or "
                               "after its start (x0 <= x1)", location=f"{_row(int(position), event_id)}, "
                               "column 'x1'"))
    if rows and rows[0][0] > len(rows):
        out.append(Problem(store.path, f"and {rows[0][0] - len(rows):,} more rows with an infinite time or x1 "
                           "before x0"))
    return out


def duplicate_id_problems(store: DuckStore, limit: int = 10) -> list[Problem]:
    """Ids used by more than one row (one query)."""
    # every id, an empty one too (the json pass says a row without one; here the rows sharing it)
    dup = duplicate_ids_sql("evp", "file_row_number", blank=True)
    rows = store._q(f"SELECT count(*) OVER (), id, n_, first_ FROM ({dup}) AS d_ ORDER BY first_ LIMIT {int(limit)}")
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
