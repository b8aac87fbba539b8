"""vis-timeline items and groups (JSON): reader and writer (:func:`write_vis`).

vis-timeline (https://visjs.github.io/vis-timeline/docs/timeline/) keeps data
in two DataSets; a file holds them as ``{"items": [...], "groups": [...]}``
(optionally with ``"title"``), or just the list of items.

=================================  ==========================================
vis-timeline                       timeline model
=================================  ==========================================
item ``id``                        event id (numbers become text)
item ``content`` (HTML)            title, as plain text
item ``title`` (HTML tooltip)      summary, as plain text
item ``start`` / ``end``           dates: ISO 8601 / EDTF text, or a number
                                   of milliseconds since 1970 (UTC)
item ``type`` box, point           point (``end`` given: span)
item ``type`` range                span
item ``type`` background           band (in a group too: all tracks)
item ``group``                     track (items without: track "Items")
group ``id``, ``content``, ``order``  track id, label, order
=================================  ==========================================

An item ``content`` beginning ``DRAFT, unreviewed:`` or ``(planned)`` (this
viewer's own marks, written by :func:`write_vis`) is read back as an
unreviewed draft (without its sentence) or a planned event, the mark removed.

Anything else (``className``, ``style``, ``editable``, ``subgroup``, nested
groups...) is reported as a warning naming the item and field.  Date strings
are never guessed: ``03/04/2022`` is refused with a message.  Times of day
without an offset are read in the ``time_zone`` option (UTC by default).

Pure Python, no Qt.
"""

from __future__ import annotations

import html
import json
import math
import os
import re
from collections.abc import Callable, Mapping
from typing import Any

from viewer.model.calendar import civil_from_epoch
from viewer.model.date_edit import HAND_EDITED_NOTE, edited_by_hand
from viewer.model.dates import EventDate, Precision
from viewer.model.errors import DateError, Problem, TimelineLoadError
from viewer.model.precision import format_interval
from viewer.model.stated import Stated, stated_date
from viewer.model.text import first_of
from viewer.model.timeline import Draft, Event, EventKind, Timeline

from .atomic import write_text_atomic
from .common import (
    ReadReport,
    TimelineBuilder,
    end_before_start,
    format_losses,
    html_to_text,
    load_text,
    make_date,
    parse_json,
)
from .jsonpos import PathPart
from .losses import (
    DateLoss,
    date_losses,
    draft_losses,
    event_not_written,
    open_side_words,
    planned_end_losses,
    status_word,
    year_unknown,
    zone_loss,
)
from .timelinejs_dates import edtf_year

__all__ = ["read_vis", "read_vis_report", "looks_vis", "vis_dict", "write_vis"]

_ITEM_KEYS = {"id", "content", "start", "end", "group", "type", "title", "edtf"}
_GROUP_KEYS = {"id", "content", "order", "title"}
_DEFAULT_TRACK = "Items"
_MAX_MS = 8.64e15  # ECMAScript time values are limited to +-8.64e15 ms (ECMA-262, 21.4.1.1)


def _date_field(b: TimelineBuilder, item: Mapping[str, Any], name: str, zone: str, where: str,
                path: tuple[PathPart, ...]) -> EventDate | None:
    """Item field ``name`` as a date, its note added as a warning to the
    builder ``b``; None, and the item listed as skipped, when it is unreadable."""
    try:
        value, note = _date(item.get(name), zone)
    except DateError as exc:
        b.skip(f"{name}: {exc}", None, where, path=path)
        return None
    if note:
        b.warn(f"{name}: {note}", None, where, path=path)
    return value


def _end_as_vis_draws(start: EventDate, end: EventDate) -> EventDate:
    """A range's end as vis-timeline draws it: a date without a time is an
    instant, the first moment of that day (month, year), so ``end: 2014-01-22``
    ends when 21 January ends, and ranges 20-22 and 22-23 meet.  Read as the
    day (month, year) before, the date as written kept as the phrase; an end
    that would then fall before the start is kept as written."""
    if end.relation or end.approximate or end.uncertain or end.precision not in (
            Precision.DAY, Precision.MONTH, Precision.YEAR) or not math.isfinite(end.earliest):
        return end
    c = civil_from_epoch(end.earliest - 1)
    text = edtf_year(c.year)
    if end.precision >= Precision.MONTH:
        text += f"-{c.month:02d}"
    if end.precision >= Precision.DAY:
        text += f"-{c.day:02d}"
    if text.startswith("Y") and end.precision > Precision.YEAR:
        return end
    before = EventDate(text, end.phrase or end.edtf,
                       f"vis-timeline ends a range at the first moment of {end.edtf}, when the "
                       f"{end.precision.label} before ends")
    return end if end_before_start(start, before) else before


def _date(value: Any, zone: str) -> tuple[EventDate, str]:
    if isinstance(value, bool) or value is None:
        raise DateError(f"expected a date (ISO 8601 text or milliseconds since 1970), got {value!r}")
    if isinstance(value, (int, float)):
        if not math.isfinite(value) or abs(value) > _MAX_MS:
            raise DateError(f"{value!r} milliseconds is outside the range of JavaScript dates")
        seconds = int(value // 1000)
        c = civil_from_epoch(seconds)
        text = f"{edtf_year(c.year)}-{c.month:02d}-{c.day:02d}T{c.hour:02d}:{c.minute:02d}:{int(c.second):02d}Z"
        note = f"{value} ms: the fraction of a second was dropped" if value % 1000 else ""
        return EventDate(text, "", ""), note
    if not isinstance(value, str):
        raise DateError(f"expected a date (ISO 8601 text or milliseconds since 1970), got a {type(value).__name__}")
    m = _UNPADDED.match(value.strip())
    if m and (len(m.group(2)) == 1 or len(m.group(3)) == 1):
        # vis-timeline (moment.js) reads 2014-02-2 as 2 Feb 2014: year first, never ambiguous
        padded = f"{m.group(1)}-{int(m.group(2)):02d}-{int(m.group(3)):02d}{m.group(4) or ''}"
        date, note = make_date(padded, time_zone=zone)
        return date, f"{value.strip()!r} read as {padded} (as vis-timeline reads it)" + (f"; {note}" if note else "")
    return make_date(value, time_zone=zone)


_UNPADDED = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})([T ].*)?$")


def _text(b: TimelineBuilder, value: Any, where: str, field: str, path: tuple[PathPart, ...] | None = None) -> str:
    if value is None:
        return ""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    if not isinstance(value, str):
        b.warn(f"{field} should be text, got {type(value).__name__}; not loaded", None, where, path=path)
        return ""
    text, dropped = html_to_text(value)
    if dropped:
        b.warn(f"{field}: the content of <{'>, <'.join(sorted(set(dropped)))}> was dropped "
               "(scripts are never run or shown)", None, where, path=path)
    return text


def _key(value: Any) -> str | None:
    if isinstance(value, str):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return None


def read_vis_report(path: str | os.PathLike[str], *, time_zone: str = "UTC") -> ReadReport:
    """Read a vis-timeline items (+ groups) JSON file.

    Parameters
    ----------
    path : str or os.PathLike
    time_zone : str
        IANA zone of times of day written without an offset.

    Returns
    -------
    ReadReport
        Items with a bad date or unknown type are listed in ``skipped``; the
        rest load.

    Raises
    ------
    TimelineLoadError
        Unreadable file, not JSON, no ``items`` list, or no item loadable.
    """
    file, text = load_text(path)
    data = parse_json(text, file)
    if isinstance(data, list):
        items, groups, title = data, None, None
    elif isinstance(data, Mapping) and isinstance(data.get("items"), list):
        items, groups, title = data["items"], data.get("groups"), data.get("title")
    else:
        raise TimelineLoadError([Problem(file, 'a vis-timeline file is a JSON list of items, or an object '
                                         '{"items": [...], "groups": [...]}', 1, 1)])
    b = TimelineBuilder(file, title if isinstance(title, str) and title.strip() else os.path.basename(file), text)
    items_key: tuple[PathPart, ...] = () if isinstance(data, list) else ("items",)
    if isinstance(data, Mapping):
        for key in data:
            if key not in ("items", "groups", "title"):
                b.warn(f"field {key!r} has no equivalent in this viewer; not loaded", None, key)
    group_ids: dict[str, str] = {}
    if isinstance(groups, list):
        ranks = _order_ranks(groups)
        for index, g in enumerate(groups):
            where = f"groups[{index}]"
            gpath = ("groups", index)
            gid = _key(g.get("id")) if isinstance(g, Mapping) else None
            if gid is None:
                b.warn("a group needs an id (text or number); not loaded", None, where, path=gpath)
                continue
            if gid in group_ids:
                b.warn(f"duplicate group id {gid!r}; not loaded", None, where, path=gpath)
                continue
            for key in g:
                if key not in _GROUP_KEYS:
                    b.warn(f"group field {key!r} has no equivalent in this viewer; not loaded", None, where, path=gpath)
            label = _text(b, g.get("content"), where, "content", gpath) or gid
            group_ids[gid] = b.track(f"group:{gid}", label, ranks.get(index, index))
    elif groups is not None:
        b.warn("groups should be a list; not loaded", None, "groups")
    for index, item in enumerate(items):
        where = f"items[{index}]"
        ipath = (*items_key, index)
        if isinstance(item, Mapping) and _key(item.get("id")) is not None:
            where += f" (id {_key(item.get('id'))!r})"
        if not isinstance(item, Mapping):
            b.skip(f"expected an item object {{...}}, got {type(item).__name__}", None, where, path=ipath)
            continue
        for key in item:
            if key not in _ITEM_KEYS:
                b.warn(f"item field {key!r} has no equivalent in this viewer; not loaded", None, where, path=ipath)
        kind_text = item.get("type", "box")
        if kind_text not in ("box", "point", "range", "background"):
            b.skip(f"type {kind_text!r} is not one of box, point, range, background", None, where, path=ipath)
            continue
        start = _date_field(b, item, "start", time_zone, where, ipath)
        if start is None:
            continue
        end = None
        if item.get("end") is not None:
            end = _date_field(b, item, "end", time_zone, where, ipath)
            if end is None:
                continue
            if end_before_start(start, end):
                b.skip(f"end ({end.describe()}) is before start ({start.describe()})", None, where, path=ipath)
                continue
            end = _end_as_vis_draws(start, end)
        if kind_text in ("range", "background") and end is None:
            b.skip(f"a {kind_text} item needs an end", None, where, path=ipath)
            continue
        title, is_draft, planned, status = _unmarked_title(_text(b, item.get("content"), where, "content", ipath))
        status_tags = (f"status: {status}",) if status else ()
        if item.get(EDTF_FIELD) is not None:
            start, end, title = _kept_dates(b, item, start, end, title, time_zone, where, ipath)
            kept = item[EDTF_FIELD]
            if kind_text == "point" and isinstance(kept, Mapping) and kept.get("kind") == "band" and ".." in (
                    start.edtf, end.edtf if end is not None else None):
                kind_text = "background"  # an open-sided band, written as a point at its known side
        draft = Draft("") if is_draft else None  # our own marker: the sentence is not in the file
        summary = _text(b, item.get("title"), where, "title", ipath)
        eid = b.event_id(_key(item.get("id")) or "", None, where, f"item-{index + 1}")
        if kind_text == "background":
            bkey = _key(item.get("group"))
            if bkey is not None and bkey not in group_ids:
                b.skip(f"a background item in group {bkey!r}, which is not in the groups list: vis-timeline "
                       "does not show it, nor does this viewer", None, where, path=ipath)
                continue
            if item.get("group") is not None:  # vis-timeline shades that group's row only; a band spans all tracks
                b.warn(f"a background item in group {item.get('group')!r}: vis-timeline shades that group's row "
                       "only; read as a band across all tracks (this viewer has no band of one track; written "
                       "back, it is a background across all groups)", None, where, path=ipath)
            b.add(Event(eid, title, start, "", EventKind.BAND, end, summary, tags=status_tags, draft=draft,
                        planned=planned),
                  None, where, path=ipath)
            continue
        gkey = _key(item.get("group"))
        if gkey is None:
            if item.get("group") is not None:
                b.warn("group should be a group id (text or number); put on track 'Items'", None, where, path=ipath)
            track = b.track(_DEFAULT_TRACK)
        elif gkey in group_ids:
            track = group_ids[gkey]
        else:
            if group_ids:
                b.warn(f"group {gkey!r} is not in the groups list; a track was made for it", None, where, path=ipath)
            track = group_ids.setdefault(gkey, b.track(f"group:{gkey}", gkey))
        kind = EventKind.POINT if end is None else EventKind.SPAN
        b.add(Event(eid, title, start, track, kind, end, summary, tags=status_tags, draft=draft, planned=planned),
              None, where, path=ipath)
    return b.report()


def _order_ranks(groups: list[Any]) -> dict[int, int]:
    """Index of each group -> its place, as vis-timeline sorts groups by their
    ``order`` (a number, or digits as text; 1.5 between 1 and 2); groups
    without one keep their place in the list after those with one."""
    def key(pair: tuple[int, Any]) -> tuple[int, float, int]:
        index, g = pair
        order = g.get("order") if isinstance(g, Mapping) else None
        if isinstance(order, str):
            try:
                order = float(order)
            except ValueError:
                order = None
        if isinstance(order, (int, float)) and not isinstance(order, bool) and math.isfinite(order):
            return (0, float(order), index)
        return (1, 0.0, index)
    return {index: rank for rank, (index, _g) in enumerate(sorted(enumerate(groups), key=key))}


def read_vis(path: str | os.PathLike[str]) -> Timeline:
    """The timeline of a vis-timeline JSON file (see :func:`read_vis_report`)."""
    return read_vis_report(path).timeline


def _written(value: Any) -> str:
    """An item's written start or end for a message: quoted, or "(the item has none)" (not "None")."""
    return "(the item has none)" if value is None else repr(value)


def _kept_dates(b: TimelineBuilder, item: Mapping[str, Any], start: EventDate, end: EventDate | None, title: str,
                zone: str, where: str, path: tuple[PathPart, ...]) -> tuple[EventDate, EventDate | None, str]:
    """``(start, end, title)`` with the dates kept whole in the item's :data:`EDTF_FIELD` (as
    :func:`vis_dict` writes them) when they agree with its ``start``/``end``; a point drawn as a range
    over its period comes back as that point, the date's words taken off its title.  A field that does
    not agree is warned and the item's own dates are kept."""
    kept = item.get(EDTF_FIELD)

    def refuse(why: str) -> tuple[EventDate, EventDate | None, str]:
        b.warn(f"{EDTF_FIELD}: {why}; the item's start and end were read", None, where, path=path)
        return start, end, title

    if not isinstance(kept, Mapping) or set(kept) - {"start", "end", "kind"} or not all(
            isinstance(v, str) for v in kept.values()):
        return refuse('expected {"start": EDTF, "end": EDTF, "kind": "point"}, each optional')
    if ".." in (kept.get("start"), kept.get("end")):
        return _kept_open_side(kept, item, title, refuse)
    dates: dict[str, EventDate] = {}
    for side in ("start", "end"):
        if side in kept:
            raw = kept[side]
            try:
                dates[side] = EventDate(raw, "", "", zone if "T" in raw and not re.search(
                    r"(Z|[+-]\d\d:\d\d)$", raw) else None)
            except DateError as exc:
                return refuse(f"{side} {raw[:40]!r} is not a date this viewer reads ({exc})")
    point = kept.get("kind") == "point"
    if "kind" in kept and not point or point and ("end" in dates or "start" not in dates
                                                  or item.get("type") != "range"):
        return refuse("kind 'point' goes with a range item and a start only")
    written = {"start": item.get("start"), "end": item.get("end")}
    for side, date in dates.items():
        s = stated_date(date)
        want = None if s is None else (_js_date(s.earliest, s.precision) if side == "start" else _js_end(s))
        if want is None or written[side] != want:
            return refuse(f"{side} {date.edtf!r} does not agree with the item's {side} {_written(written[side])}")
    if point:
        s = stated_date(dates["start"])
        assert s is not None
        if written["end"] != _js_end_of_period(s):
            return refuse(f"start {dates['start'].edtf!r} does not agree with the item's end "
                          f"{_written(written['end'])}")
        return dates["start"], None, title.removesuffix(_words_after(s))
    first, last = dates.get("start", start), dates.get("end", end)
    s_first = stated_date(first)
    s_last = stated_date(last) if last is not None else None
    if s_first is not None and s_last is not None:  # a range: its dates' words, as vis_dict writes them
        title = title.removesuffix(_span_words(s_first, s_last))
    elif s_first is not None and "start" in dates:  # a point of a day, its qualifier in words
        title = title.removesuffix(_words_after(s_first))
    return first, last, title


def _kept_open_side(kept: Mapping[str, Any], item: Mapping[str, Any], title: str,
                    refuse: Callable[[str], tuple[EventDate, EventDate | None, str]]
                    ) -> tuple[EventDate, EventDate | None, str]:
    """``(start, end, title)`` of a span with an open side that :func:`vis_dict` wrote as a point at
    its known side (``{"start": "2023-06-10", "end": ".."}``), its words taken off the title."""
    side = "start" if kept.get("start") == ".." else "end"
    raw = kept.get("end" if side == "start" else "start")
    if (kept.get("kind", "band") != "band" or not isinstance(raw, str) or raw == ".."
            or item.get("type") != "point" or item.get("end") is not None):
        return refuse("an open side ('..') goes with a point item, the other side's date and no kind but 'band'")
    try:
        known = EventDate(raw)
    except DateError as exc:
        return refuse(f"{raw[:40]!r} is not a date this viewer reads ({exc})")
    s = stated_date(known)
    if s is None or item.get("start") != _js_date(s.earliest, s.precision):
        return refuse(f"{raw!r} does not agree with the item's start {item.get('start')!r}")
    first, last = (EventDate(".."), known) if side == "start" else (known, EventDate(".."))
    words = open_side_words(Event("x", "", first, "", EventKind.SPAN, last))
    return first, last, title.removesuffix(f" ({words})")


def looks_vis(path: str, head: bytes) -> bool:
    """JSON whose first bytes show items with ``"content"`` and ``"start"``."""
    text = head.decode("utf-8", errors="replace").lstrip("\ufeff \t\r\n")
    if not text.startswith(("{", "[")) or '"timeline-viewer"' in text or '"start_date"' in text:
        return False
    return '"content"' in text and '"start"' in text


# ---------------------------------------------------------------------------
# writing


def _js_date(epoch_s: float, precision: Precision) -> str:
    """A vis-timeline date at the date's precision: ``2022``, ``2022-02``, ``2022-02-10``,
    ``2022-02-10T14:00:00Z`` for times; years outside 0..9999 in ISO 8601's
    expanded form (``-000001`` for EDTF ``-0001``, 2 BCE, ``-000043-03-15``), as
    JavaScript's ``Date`` reads them (astronomical years: year 0 is 1 BCE), never with
    a month or day the date does not have."""
    c = civil_from_epoch(epoch_s)
    year = f"{c.year:04d}" if 0 <= c.year <= 9999 else f"{'-' if c.year < 0 else '+'}{abs(c.year):06d}"
    if precision <= Precision.YEAR:
        return year  # JavaScript reads "2022" as 1 Jan 2022, this reader as the year
    if precision == Precision.MONTH:
        return f"{year}-{c.month:02d}"
    text = f"{year}-{c.month:02d}-{c.day:02d}"
    if precision > Precision.DAY:
        text += f"T{c.hour:02d}:{c.minute:02d}"
        text += f":{int(c.second):02d}Z" if precision >= Precision.SECOND else "Z"
    return text


def _js_end(end: Stated) -> str:
    """A range's end for vis-timeline, which ends a range at an instant: a
    date without a time is written as the first moment after it (a span
    through 21 January ends ``2014-01-22``), the inverse of the reader's rule."""
    if end.precision <= Precision.DAY:
        return _js_date(end.latest, end.precision)
    return _js_date(end.earliest, end.precision)


EDTF_FIELD = "edtf"
"""Item field holding the EDTF of each date the item's ``start``/``end`` cannot hold whole
(``{"start": "[2020-05-06..2020-05-12]", "kind": "point"}``: ``kind`` when a point is drawn as a range over
the period its day lies in, or over its year or month; ``{"start": "..", "end": "2023-06-10"}`` for a span
with an open side drawn as a point, with ``"kind": "band"`` when it is a band); vis-timeline ignores it,
:func:`read_vis_report` reads it back when it agrees."""


def _js_end_of_period(s: Stated) -> str:
    """The end of the period ``s`` names, written as vis-timeline ends a range (the first moment after it)."""
    return _js_date(s.latest, s.precision)


def _words_after(s: Stated) -> str:
    """What follows an item's content for a point vis-timeline cannot hold whole: ``" (about June 2023, so
    between May 2023 and July 2023)"`` (plain text; the writer HTML-escapes it)."""
    return f" ({s.words})"


def _span_words(start: Stated, end: Stated) -> str:
    """What follows a range's content when one of its dates is not held whole:
    ``" (Thu 10 Feb 2022 → on or after Thu 10 Feb 2022)"``."""
    return f" ({start.words} → {end.words})"


def _open_side(date: EventDate) -> str:
    """For a date "on or before/after" a day: that vis-timeline cannot draw the open side ("" otherwise)."""
    if date.relation == "on or before":
        return " (vis-timeline cannot draw the time before it)"
    if date.relation == "on or after":
        return " (vis-timeline cannot draw the time after it)"
    return ""


VIS_DRAFT_MARK = "DRAFT, unreviewed: "
"""Begins the ``content`` of an unreviewed ingest draft (as TimelineJS and iCalendar exports say it);
the reader reads such an item back as a draft (without its sentence, which vis-timeline cannot hold)."""
VIS_PLANNED_MARK = "(planned) "
"""Begins the ``content`` of a planned event (after any draft mark); read back as planned."""


_VIS_STATUS_MARK = re.compile(r"\(planned, status: ((?:[^()]|\([^()]*\)){1,60}?)\) ")
"""Begins the ``content`` of a planned event with a ``status: …`` tag: ``(planned, status: cancelled) ``."""


def _marked_title(timeline: Timeline, e: Event) -> str:
    """The title as an item shows it: "DRAFT, unreviewed: " and "(planned) " first when so, so
    neither a draft nor a plan is shown as a fact in vis-timeline ("(planned, status: cancelled) "
    for an event whose ``status:`` tag says more: :func:`~viewer.io.losses.status_word`)."""
    word = status_word(e)
    if not _VIS_STATUS_MARK.fullmatch(f"(planned, status: {word}) "):  # brackets that do not pair: as [ ]
        word = word.replace("(", "[").replace(")", "]")
    planned = (f"(planned, status: {word}) " if word else VIS_PLANNED_MARK) if timeline.is_planned(e) else ""
    return (VIS_DRAFT_MARK if e.draft is not None else "") + planned + e.title


def _unmarked_title(title: str) -> tuple[str, bool, bool, str]:
    """``(title, draft, planned, status word)`` of an item's content written by :func:`_marked_title`."""
    draft = title.startswith(VIS_DRAFT_MARK)
    if draft:
        title = title[len(VIS_DRAFT_MARK):]
    planned, word = title.startswith(VIS_PLANNED_MARK), ""
    if planned:
        title = title[len(VIS_PLANNED_MARK):]
    elif (m := _VIS_STATUS_MARK.match(title)) is not None:
        planned, word, title = True, m.group(1), title[m.end():]
    return title or "(no content)", draft, planned, word


def vis_dict(timeline: Timeline) -> tuple[dict[str, Any], list[str]]:
    """vis-timeline data of a timeline: ``{"title", "items", "groups"}`` and what was left out.

    Points are ``point`` items, spans ``range`` items, bands ``background``
    items, each date as its source states it, at its precision (``2022-02-10``, as
    :func:`read_vis_report` reads it back; ``1850~`` as ``1850``, ``[..2022-02]`` as
    ``2022-02``, ``2022-XX-10`` as ``2022``: :func:`~viewer.model.stated.stated_date`),
    every date that loses something so (a qualifier, unspecified digits) listed with
    what was written instead and kept whole in the item's :data:`EDTF_FIELD`, and said in
    words after the item's content (``"Talks (about June 2023, so between May 2023 and July
    2023)"``; a range's two dates joined by "→"); a point coarser than a day, firm or not, or
    known only to lie in a longer period (``2023``, ``2023-06``, ``2023-06~``, ``2023-XX-10``,
    one day of an ACLED week) is a ``range`` item over the period the source names, never a
    firm first day, its :data:`EDTF_FIELD` saying it is a point (a firm year or month is not
    listed: the range is all it states); a point of a day "on or before/after", approximate or
    uncertain stays a point on that day, its words saying so; an event with a date whose year
    is unknown (``XXXX-06-10``) is left out and listed (year 0000 would be a firm 1 BCE);
    tracks are groups in their order.  ``content`` and ``title`` are
    HTML-escaped (vis-timeline shows them as HTML).  An event with an open
    side is written from its known side as a point, ``"(from Sat 10 Jun 2023; end not
    stated)"`` after its content, its sides in :data:`EDTF_FIELD` (``{"start": "2023-06-10",
    "end": ".."}``: read back as that span); one open on both sides,
    or beyond JavaScript's date range (±271,821 years), is left out and listed.
    """
    left: list[str] = []
    groups = [{"id": t.id, "content": html.escape(t.label), "order": rank} for rank, t in enumerate(timeline.tracks)]
    items = []
    dates: list[DateLoss] = []
    for e in timeline.events:
        start, end = e.start, e.end
        unknown = year_unknown(e)
        if unknown:  # year 0000 (1 BCE) would be a year the source never gave: left out, as iCalendar does
            left.append(event_not_written(e, "vis-timeline", unknown))
            continue
        s_start = stated_date(start)
        s_end = stated_date(end) if end is not None else None
        known = s_start if s_start is not None else s_end  # an open start: written at the end's known side
        lo = known.earliest if known is not None else math.nan
        hi = s_end.latest if s_end is not None else math.nan
        if not math.isfinite(lo) or abs(lo) > _MAX_MS / 1000 or (math.isfinite(hi) and abs(hi) > _MAX_MS / 1000):
            left.append(event_not_written(e, "vis-timeline", "no finite date within JavaScript's range"))
            continue
        assert known is not None
        item: dict[str, Any] = {"id": e.id, "content": html.escape(_marked_title(timeline, e)),
                                "start": _js_date(lo, known.precision)}
        known_date = start if known is s_start or end is None else end
        kept: dict[str, str] = {}  # EDTF of each date not written whole: vis-timeline ignores it, the reader reads it
        if not known.exact and known is s_start:
            kept["start"] = start.edtf
        if e.kind is EventKind.POINT and (known.within or known.precision < Precision.DAY):
            item["type"] = "range"  # never a firm day: a year, a month, one day in a week, "about June", the 10th
            item["end"] = _js_end_of_period(known)  # of some month: drawn over the period the source names
            kept["start"], kept["kind"] = start.edtf, "point"  # read back as that one date
            if not known.exact:  # its words in the content (a firm year or month is the range: nothing lost)
                item["content"] += html.escape(_words_after(known))
                dates.append(DateLoss(e, "start", known_date, known.words,
                                      f"a range {item['start']} to {item['end']} with the date in words in its "
                                      "content"))
        elif not known.exact and (e.kind is EventKind.POINT or s_end is None or not math.isfinite(start.earliest)):
            item["content"] += html.escape(_words_after(known))
            dates.append(DateLoss(e, "start" if known is s_start else "end", known_date, known.words,
                                  f"a point on {item['start']} with the date in words in its content"
                                  + _open_side(known_date)))
        if item.get("type") == "range":
            pass  # a point over its period, above
        elif s_end is not None and e.kind is EventKind.BAND and math.isfinite(start.earliest):
            item["type"] = "background"
            item["end"] = _js_end(s_end)
        elif s_end is not None and e.kind is not EventKind.POINT and math.isfinite(start.earliest):
            item["type"] = "range"
            item["end"] = _js_end(s_end)
        else:
            item["type"] = "point"
            if e.kind is not EventKind.POINT:  # never a firm point: "from X; end not stated" in its content
                item["content"] = html.escape(f"{_marked_title(timeline, e)} ({open_side_words(e)})")
                kept.update(start=start.edtf, end=end.edtf if end is not None else "..")  # read back as the span
                if e.kind is EventKind.BAND:
                    kept["kind"] = "band"  # and as a band, not a span on a track
                left.append(f"event {e.id!r} ({e.title[:60]}): a {EventKind(e.kind).value} with an open side, "
                            "written as a point at its known side with the dates in words in its content (read "
                            f"back as a {EventKind(e.kind).value} with that open side)")
        if item["type"] in ("range", "background") and not kept.get("kind") and not known.exact:
            dates.append(DateLoss(e, "start", start, known.words, f"{item['start']} with the dates in words in "
                                  "its content" + _open_side(start)))  # a span's start; its end's line follows
        if "end" in item and s_end is not None and end is not None and not s_end.exact:
            through = format_interval(s_end.earliest, s_end.latest, s_end.precision)
            dates.append(DateLoss(e, "end", end, s_end.words, f"{through} (end {item['end']}) with the dates in "
                                  "words in its content" + _open_side(end)))
            kept["end"] = end.edtf
        if not kept.get("kind") and "end" in item and s_end is not None and (kept or not known.exact):
            item["content"] += html.escape(_span_words(known, s_end))  # a span's qualified dates in words
        if kept:
            item[EDTF_FIELD] = kept
        for side in ("start", "end") if "end" in item else ("start" if known is s_start else "end",):
            zoned = zone_loss(e, side, start if side == "start" else end)
            if zoned is not None:
                dates.append(zoned)
        if e.track and e.kind is not EventKind.BAND:
            item["group"] = e.track
        hand = HAND_EDITED_NOTE if edited_by_hand(e.start) or edited_by_hand(e.end) else ""
        if e.summary or hand:  # the tooltip: the editor's day is never shown as the source's
            item["title"] = html.escape("\n\n".join(t for t in (e.summary, hand) if t))
        items.append(item)
    return {"title": timeline.title, "items": items, "groups": groups}, left + date_losses(dates, "vis-timeline")


def _held_whole(item: Mapping[str, Any]) -> bool:
    """True for an item written by :func:`vis_dict` whose dates its fields hold whole: one without an
    :data:`EDTF_FIELD`, or a firm year or month point drawn as a range over it (its field says only that
    it is a point); False for one with a date not held whole (listed, said in words in its content)."""
    kept = item.get(EDTF_FIELD)
    if not isinstance(kept, Mapping):
        return True
    if set(kept) != {"start", "kind"}:
        return False
    s = stated_date(EventDate(kept["start"]))
    return s is not None and s.exact and not s.within


def write_vis(timeline: Timeline, path: str | os.PathLike[str]) -> list[str]:
    """Write a timeline as vis-timeline items and groups JSON (UTF-8, atomic).

    Returns
    -------
    list of str
        Events left out or changed and each date written without all it
        states (:func:`vis_dict`), then the kinds of detail vis-timeline
        cannot hold (:func:`format_losses`: quotes, sources, stories...).

    Raises
    ------
    OSError
        The file cannot be written (the destination is unchanged).
    """
    data, left = vis_dict(timeline)
    write_text_atomic(path, json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    kept_ids = [str(item["id"]) for item in data["items"] if not _held_whole(item)]  # each named in a line above
    if kept_ids:
        n_kept = len(kept_ids)
        left.append(f"{n_kept} item{'s' if n_kept != 1 else ''} with a date vis-timeline cannot hold whole "
                    f"({first_of(kept_ids)}): the dates are kept (EDTF) in an {EDTF_FIELD!r} field of the item, "
                    "which vis-timeline ignores and this viewer reads back; each inexact date is said in words in "
                    "the item's content, and a point coarser than a day (a year, a month, about June, the 10th of "
                    "an unknown month) or known only to lie in a longer period (a day of a week) is drawn as a "
                    "range over the period the source names, read back as that one date")
    n_sourced = sum(1 for e in timeline.events if e.sources)
    lost = [f"{n_sourced} events: their sources are not written to vis-timeline"] if n_sourced else []
    n_planned = sum(1 for e in timeline.events if timeline.is_planned(e))
    if n_planned:
        lost.append(f"{n_planned} planned event{'s' if n_planned != 1 else ''}: marked {VIS_PLANNED_MARK.strip()!r} "
                    "at the start of the item's content (read back as planned; vis-timeline draws them as any item)")
    return (left + lost + format_losses(timeline, "vis-timeline", source_details=False, reference_date=True,
                                        fields=("actors", "tags", "location", "phrase", "basis"),
                                        timeline_fields=("description", "home", "time_zone", "track_colours"))
            + draft_losses(timeline, "vis-timeline", f"{VIS_DRAFT_MARK.strip()!r} at the start of the item's "
                           "content (read back as drafts)", "the sentence and article each was read from")
            + planned_end_losses(timeline, "vis-timeline", "the item runs to the announced end as if reported",
                                 item="the item"))
