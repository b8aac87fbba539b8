"""One row per event: the table layout the SQL stores share (DuckDB/Parquet, ClickHouse).

No SQL engine is imported here.  :func:`timeline_rows` turns a
:class:`~viewer.model.timeline.Timeline` into column arrays in :data:`COLUMNS`
order; the engines sort them by time, add the pre-aggregated count tables and
answer :class:`~viewer.model.store.EventStore` questions over them.

What a row holds
----------------
* what a frame draws: ``lane``, ``kind``, ``drawn``, ``x0``/``x1``/``xm``/
  ``solid0``/``solid1`` (epoch seconds UTC, ``±inf`` for open sides), ``flags``
  and ``spread`` (counted over its day), exactly the values of
  :class:`~viewer.model.columns.EventColumns` (one rule, computed once here);
* the honest date, as columns a person can query: for ``start_`` and ``end_``,
  ``edtf``, ``phrase``, ``basis``, ``time_zone``, ``precision`` (word),
  ``uncertain``, ``approximate``, ``relation`` ("on or before"...), and the
  possible interval ``earliest``/``latest``;
* ``sort_point`` (``Event.sort_point``; ``inf`` when wholly open) and
  ``file_index``: time order is (sort_point, file_index);
* facets as lists (``actors``, ``sources``, ``source_kinds``, ``tags``,
  ``grades``; the sources include those of quotes and relays), ``search_text`` (folded, as
  :func:`viewer.model.search.event_text`) and ``json``, the event's native
  object: the lossless copy the detail pane is built from.

The timeline's own fields (title, tracks, sources, reference date, stories)
travel as :func:`timeline_meta`, the native JSON without its events.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Iterator
from typing import Any

import numpy as np

from viewer.model.columns import FLAG_YEAR_UNKNOWN, DateArrays, EventColumns
from viewer.model.date_arrays import calendar_anchors
from viewer.model.dates import Precision
from viewer.model.errors import Problem, TimelineLoadError
from viewer.model.facets import NONE_VALUE, EventFacts, event_facet_values
from viewer.model.search import event_text
from viewer.model.timeline import Event, LazyEvents, Timeline

from .native_build import date_of, event_from_dict, stories_from_json, timeline_from_dict
from .native_write import event_to_dict, marks_hand_edits, stories_to_json, timeline_to_dict
from .store_sql import year_unknown_sql

__all__ = ["NotACollectionError", "COLUMNS", "LAYOUT_VERSION", "RESOLUTIONS", "WINDOW_RES", "timeline_rows",
           "timeline_row_chunks", "timeline_meta", "timeline_of_meta", "event_of_row",
           "event_of_json", "LOAD_COLUMNS", "PLANNED_SQL", "DRAFT_SQL", "CALENDAR_SQL", "CALENDAR_NAMES",
           "calendar_of_rows", "timeline_of_columns"]



class NotACollectionError(TimelineLoadError):
    """The file is not a timeline collection this viewer reads (not Parquet / DuckDB, no
    timeline metadata, another layout version): unreadable, as a file of an unknown format."""


LAYOUT_VERSION = 2
"""Bumped when the columns or their meaning change; readers refuse other versions."""

RESOLUTIONS = (10.0, 60.0, 120.0, 300.0, 600.0, 3600.0, 6 * 3600.0, 86400.0, 7 * 86400.0, 30 * 86400.0,
               365 * 86400.0)
"""Bucket widths (s) of the pre-aggregated marker counts: 10 s, 1, 2, 5 and 10 minutes, an hour, 6 hours,
a day, a week, 30 and 365 days (a density query takes the widest at most 1/8 of its bins; 10 s and
60 s since issue 13: zoomed in to a day, the strips still come from a table; 2 and 5 minutes since its
fourth round: a window of two weeks to two months read up to 1.5 million one-minute buckets)."""
WINDOW_RES = 3600.0
"""Bucket width (s) of the events started and ended per lane (``ns``/``ne`` of the count table):
how many events meet a window, from the table plus the rows of its two edge buckets."""

#: (name, kind) of every column; kinds: i8 i32 i64 f64 u8 bool str list
COLUMNS = (
    ("file_index", "i64"), ("id", "str"), ("title", "str"), ("track", "str"), ("lane", "i32"),
    ("kind", "i8"), ("drawn", "bool"), ("x0", "f64"), ("x1", "f64"), ("xm", "f64"), ("solid0", "f64"),
    ("solid1", "f64"), ("flags", "u8"), ("spread", "bool"), ("sort_point", "f64"),
    *[(f"{side}_{name}", kind) for side in ("start", "end") for name, kind in (
        ("edtf", "str"), ("phrase", "str"), ("basis", "str"), ("time_zone", "str"), ("precision", "str"),
        ("uncertain", "bool"), ("approximate", "bool"), ("relation", "str"), ("earliest", "f64"),
        ("latest", "f64"))],
    ("summary", "str"), ("location", "str"),
    ("actors", "list"), ("sources", "list"), ("source_kinds", "list"), ("tags", "list"), ("grades", "list"),
    ("search_text", "str"), ("json", "str"),
)

LIST_FACETS = ("actors", "sources", "source_kinds", "tags", "grades")
"""Facets kept as list columns (grades: the AJP-2.1 codes of the event and its quotes)."""

_NUMPY = {"i8": np.int8, "i32": np.int32, "i64": np.int64, "f64": np.float64, "u8": np.uint8, "bool": bool}


def timeline_meta(timeline: Timeline) -> str:
    """The timeline without its events, as native JSON text (title, tracks, sources, stories...)."""
    data = timeline_to_dict(Timeline(
        timeline.title, timeline.tracks, (), timeline.sources, timeline.description, timeline.reference_date,
        timeline.time_zone, timeline.home_start, timeline.home_end, ()))
    if timeline.stories:  # stories refer to events: written as is, checked when read back with the events
        data["stories"] = stories_to_json(timeline.stories)
    if marks_hand_edits(timeline):  # the rows' dates carry their marks: a basis's words are only words
        data["marks_hand_edits"] = True
    data["layout_version"] = LAYOUT_VERSION
    return json.dumps(data, ensure_ascii=False)


def timeline_of_meta(meta: str, file: str) -> tuple[Timeline, dict[str, Any]]:
    """The timeline (no events, no stories) of :func:`timeline_meta` text, and the parsed data.

    Raises
    ------
    TimelineLoadError
        If the text is not what :func:`timeline_meta` writes (naming ``file``).
    """
    try:
        data = json.loads(meta)
    except ValueError as exc:
        raise NotACollectionError([Problem(file, f"the collection's timeline metadata is not JSON ({exc})")]) from None
    if not isinstance(data, dict) or data.get("layout_version") != LAYOUT_VERSION:
        got = data.get("layout_version") if isinstance(data, dict) else None
        raise NotACollectionError([Problem(file, f"collection layout version {got!r}; this viewer reads version "
                                         f"{LAYOUT_VERSION}: convert the source file again")])
    body = {k: v for k, v in data.items() if k not in ("layout_version", "stories")}
    body["events"] = []
    return timeline_from_dict(body, file), data


def event_of_json(text: str, zone: str, worded: bool = True) -> Event:
    """The :class:`Event` of a row's ``json`` (its native object; ``zone`` = the timeline's;
    ``worded``: the collection's metadata has no ``"marks_hand_edits": true``, so a basis's
    words mark an edit by hand, as in a file written before the mark).

    Raises
    ------
    ValueError
        If ``text`` is not a JSON object with a ``start`` (a damaged collection): the
        message says what was expected; callers name the file and the row.
    """
    try:
        e = json.loads(text)
    except (TypeError, ValueError) as exc:
        raise ValueError(f"its 'json' column is not the event's JSON object ({exc})") from None
    if not isinstance(e, dict) or "start" not in e:
        raise ValueError("its 'json' column is not an event object with a start")
    end = e.get("end")
    return event_from_dict(e, date_of(e["start"], zone, worded), None if end is None else date_of(end, zone, worded))


def event_of_row(row_id: Any, text: Any, zone: str, file: str, worded: bool = True) -> Event:
    """The :class:`Event` a row stores (its ``json``), refused unless it is the row's own
    (``worded`` as in :func:`event_of_json`).

    A row whose json names another event (row ``x``, json id ``other``: a damaged or forged
    collection) would show that event's title, summary and quotes under ``x`` in the detail
    pane and wherever the event is read by id.

    Raises
    ------
    TimelineLoadError
        Naming ``file`` and the row: the json is not an event object (:func:`event_of_json`), or
        its id is not ``row_id`` ("row 'x': its stored event names 'other'; the collection is
        damaged; run validate").
    """
    where = f"row {row_id!r}"
    try:
        event = event_of_json(text, zone, worded)
    except (ValueError, KeyError, TypeError, RecursionError) as exc:
        reason = str(exc) if not isinstance(exc, RecursionError) else "its 'json' column is nested too deeply"
        raise TimelineLoadError([Problem(file, f"{where}: {reason[:300]}; the collection is damaged; run "
                                               "validate")]) from None
    if event.id != row_id:
        raise TimelineLoadError([Problem(file, f"{where}: its stored event names {event.id!r}; the collection "
                                               "is damaged; run validate")])
    return event


def timeline_rows(timeline: Timeline, start: int = 0, stop: int | None = None) -> dict[str, Any]:
    """The events ``start .. stop`` of ``timeline`` (file positions; all by default) as rows, in file order.

    Returns
    -------
    dict of str -> array
        One entry per :data:`COLUMNS` name: numpy arrays for numbers and
        booleans, lists of str (``None`` where absent, e.g. the end of a
        point) and lists of lists of str, each of length ``stop - start``.
    """
    all_events = timeline.events
    total = len(all_events)
    start, stop = max(0, int(start)), total if stop is None else min(int(stop), total)
    stop = max(stop, start)
    events = [all_events[i] for i in range(start, stop)] if (start, stop) != (0, total) else all_events
    cols: EventColumns = timeline.columns
    o = cols.origin_epoch_s
    out: dict[str, Any] = {}
    out["file_index"] = np.arange(start, stop, dtype=np.int64)
    rows_all = np.full(total, -1, dtype=np.int64)
    rows_all[cols.event_index] = np.arange(len(cols))
    rows = rows_all[start:stop]
    take = np.maximum(rows, 0)
    # a date whose year is unknown is placed nowhere (x = +inf, viewer.model.unplaced): not drawn here
    # (a span with one date known is drawn at it: FLAG_HALF_KNOWN, finite x)
    drawn = (rows >= 0) & ((cols.flags[take] & FLAG_YEAR_UNKNOWN) == 0)
    nan = np.where(rows >= 0, 0.0, np.nan)  # (an unknown year's x stays +inf, as its columns have it)
    for name in ("x0", "x1", "xm", "solid0", "solid1"):
        out[name] = getattr(cols, name)[take] + o + nan
    out["flags"] = np.where(drawn, cols.flags[take], 0).astype(np.uint8)
    out["spread"] = drawn & cols.spread_mask()[take]
    out["drawn"] = drawn
    track_index = timeline.track_index
    zone = timeline.time_zone or "UTC"
    lists: dict[str, list[Any]] = {name: [] for name, kind in COLUMNS if name not in out}
    for ev in events:
        band = ev.kind.value == "band"
        lists["id"].append(ev.id)
        lists["title"].append(ev.title)
        lists["track"].append(ev.track)
        lists["lane"].append(-1 if band else track_index.get(ev.track, -2))
        lists["kind"].append({"point": 0, "span": 1, "band": 2}[ev.kind.value])
        lists["sort_point"].append(ev.sort_point)
        for side, d in (("start", ev.start), ("end", ev.end)):
            lists[f"{side}_edtf"].append(None if d is None else d.edtf)
            lists[f"{side}_phrase"].append(None if d is None else d.phrase)
            lists[f"{side}_basis"].append(None if d is None else d.basis)
            lists[f"{side}_time_zone"].append(None if d is None else d.time_zone)
            lists[f"{side}_precision"].append(None if d is None else d.precision.label)
            lists[f"{side}_uncertain"].append(d is not None and d.uncertain)
            lists[f"{side}_approximate"].append(d is not None and d.approximate)
            lists[f"{side}_relation"].append(None if d is None else d.relation)
            lists[f"{side}_earliest"].append(math.nan if d is None else d.earliest)
            lists[f"{side}_latest"].append(math.nan if d is None else d.latest)
        lists["summary"].append(ev.summary)
        lists["location"].append(ev.location)
        for facet in LIST_FACETS:
            vals = event_facet_values(ev, timeline, facet)
            lists[facet].append([] if vals == (NONE_VALUE,) else list(vals))
        lists["search_text"].append(event_text(ev, timeline))
        lists["json"].append(json.dumps(event_to_dict(ev, zone), ensure_ascii=False, separators=(",", ":")))
    for name, kind in COLUMNS:
        if name in lists:
            out[name] = np.array(lists[name], dtype=_NUMPY[kind]) if kind in _NUMPY else lists[name]
    return out


def timeline_row_chunks(timeline: Timeline, chunk: int = 100_000,
                        progress: Callable[[str], None] | None = None) -> Iterator[dict[str, Any]]:
    """:func:`timeline_rows` of ``chunk`` events at a time (bounded memory: the rows of one
    chunk as Python objects), calling ``progress("k of N events")`` after each."""
    n = len(timeline.events)
    for start in range(0, max(n, 1), max(int(chunk), 1)):
        yield timeline_rows(timeline, start, min(start + chunk, n))
        if progress is not None:
            progress(f"{min(start + chunk, n):,} of {n:,} events converted")


PLANNED_SQL = "json LIKE '%\"status\":\"planned\"%'"
"""SQL (DuckDB and ClickHouse) true for a row whose event its source marks planned: the row's
``json`` is compact (no spaces), so the key and value sit side by side."""
DRAFT_SQL = "json LIKE '%\"draft\":%'"
"""SQL true for a row whose event is an unreviewed draft (only drafts carry a ``draft`` object)."""

LOAD_COLUMNS = ("file_index, id, title, lane, kind, sort_point, start_earliest, start_latest, start_precision, "
                "start_uncertain, start_approximate, end_edtf IS NOT NULL AS has_end, end_earliest, end_latest, "
                "end_precision, end_uncertain, end_approximate, "
                "{length}(actors) + {length}(tags) + {length}(sources) > 0 OR json LIKE '%\"quotes\"%' "
                "OR json LIKE '%\"credibility\"%' AS rich, start_time_zone, end_time_zone, "
                f"{PLANNED_SQL} OR {DRAFT_SQL} AS marked, "
                f"{year_unknown_sql('start_edtf')} AS start_year_unknown, "
                f"{year_unknown_sql('end_edtf')} AS end_year_unknown")
"""What the window loads of each event (SQL select list; ``{length}`` = the engine's list length)."""

_PRECISION_OF = {p.label: int(p) for p in Precision}

CALENDAR_SQL = ("start_precision AS cal_sp, start_earliest AS cal_s0, start_latest AS cal_s1, "
                "end_edtf IS NOT NULL AS cal_has_end, end_precision AS cal_ep, end_earliest AS cal_e0, "
                "end_latest AS cal_e1")
"""SQL (DuckDB and ClickHouse) select list of what a row's calendar days are made of:
:func:`calendar_of_rows` turns these seven columns into ``cal_start`` / ``cal_end``."""
CALENDAR_NAMES = ("cal_sp", "cal_s0", "cal_s1", "cal_has_end", "cal_ep", "cal_e0", "cal_e1")
"""The names :data:`CALENDAR_SQL` gives its columns, in order."""


def calendar_of_rows(got: dict[str, Any], kind: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """``EventColumns.cal_start`` / ``cal_end`` of a store's rows (epoch s UTC, float64 (K,),
    NaN where a side is not a calendar date) from the :data:`CALENDAR_SQL` columns in ``got``
    (sequences of length K by :data:`CALENDAR_NAMES`; SQL NULL as None or any value where
    ``cal_has_end`` is false) and the rows' drawn ``kind`` (K,): the rule of
    :func:`viewer.model.date_arrays.calendar_values`, so a store's date-only events are
    moved onto a display zone's days as a loaded timeline's are."""
    n = len(kind)
    if n == 0:
        return np.zeros(0), np.zeros(0)

    def prec(name: str) -> np.ndarray:
        return np.array([_PRECISION_OF.get(p, 0) if isinstance(p, str) else 0 for p in got[name]], dtype=np.int64)

    def num(name: str) -> np.ndarray:
        return np.array([math.nan if v is None else float(v) for v in got[name]], dtype=float)

    has_end = np.array([bool(v) for v in got["cal_has_end"]], dtype=bool)
    nan = np.where(has_end, 0.0, np.nan)
    return calendar_anchors(np.asarray(kind), has_end, prec("cal_sp"), num("cal_s0"), num("cal_s1"),
                            prec("cal_ep"), num("cal_e0") + nan, num("cal_e1") + nan)


def _stories(data: dict[str, Any], zone: str) -> tuple[Any, ...]:
    dates: dict[tuple[str | int, ...], Any] = {}
    for si, story in enumerate(data.get("stories") or []):
        for k, step in enumerate(story.get("steps", [])):
            for side in ("start", "end"):
                value = (step.get("window") or {}).get(side)
                if value is not None:
                    dates[("stories", si, "steps", k, "window", side)] = date_of(value, zone)
    return stories_from_json(data, dates)


def timeline_of_columns(base: Timeline, data: dict[str, Any], got: dict[str, np.ndarray],
                        event_at: Callable[[int], Event], complete: bool) -> Timeline:
    """A window's timeline from the :data:`LOAD_COLUMNS` of some events (numpy arrays by name,
    in file order): columns built from the dates, events built by ``event_at(file_index)``
    when first shown.  ``base``/``data``: :func:`timeline_of_meta`; stories only when
    ``complete`` (every event loaded)."""
    fidx = got["file_index"]
    has_end = got["has_end"].astype(bool)
    nan = np.where(has_end, 0.0, np.nan)

    def prec(name: str) -> np.ndarray:
        return np.array([_PRECISION_OF.get(p, 0) if p is not None else 0 for p in got[name]], dtype=np.int8)

    dates = DateArrays(
        ids=list(got["id"]), lane=got["lane"].astype(np.int32), kind=got["kind"].astype(np.int8),
        start_earliest=got["start_earliest"], start_latest=got["start_latest"], start_precision=prec("start_precision"),
        start_uncertain=got["start_uncertain"].astype(bool), start_approximate=got["start_approximate"].astype(bool),
        has_end=has_end, end_earliest=got["end_earliest"] + nan, end_latest=got["end_latest"] + nan,
        end_precision=prec("end_precision"), end_uncertain=got["end_uncertain"].astype(bool) & has_end,
        end_approximate=got["end_approximate"].astype(bool) & has_end, sort_point=got["sort_point"],
        n_lanes=len(base.tracks),
        reference_earliest=None if base.reference_date is None else base.reference_date.earliest)
    # a date whose year is unknown (XXXX-06-10): placed nowhere, or a span with one date known at it
    s_unk = np.asarray(got["start_year_unknown"]).astype(bool)
    e_unk = np.asarray(got["end_year_unknown"]).astype(bool) & has_end
    if (s_unk | e_unk).any():
        dates.year_unknown = s_unk | e_unk
        half = np.where(has_end & (s_unk != e_unk), np.where(s_unk, -1, 1), 0).astype(np.int8)
        dates.half_known = half if half.any() else None
    columns = EventColumns.from_dates(dates)
    titles = list(got["title"])
    latest = np.where(has_end, dates.end_latest, dates.start_latest)
    facts = EventFacts(dates.lane, dates.start_earliest, latest, np.flatnonzero(got["rich"].astype(bool)),
                       marked=np.flatnonzero(got["marked"].astype(bool)))
    zones = [tuple(z for z in pair if z) for pair in zip(got["start_time_zone"], got["end_time_zone"])]
    events = LazyEvents(dates.ids, lambda i: event_at(int(fidx[i])), dates.finite_extent(),
                        title=titles.__getitem__, facts=facts, time_zones=zones.__getitem__)
    timeline = Timeline.with_columns(
        columns, title=base.title, tracks=base.tracks, events=events, sources=base.sources,
        description=base.description, reference_date=base.reference_date, time_zone=base.time_zone,
        home_start=base.home_start, home_end=base.home_end,
        stories=_stories(data, base.time_zone or "UTC") if complete else ())
    return timeline


