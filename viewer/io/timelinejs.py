"""TimelineJS (Knight Lab) JSON and its Google-Sheets template as CSV: reader and writer.

Format: https://timeline.knightlab.com/docs/json-format.html and the
spreadsheet template (columns Year, Month, Day, Time, End Year, End Month,
End Day, End Time, Display Date, Headline, Text, Media, Media Credit, Media
Caption, Media Thumbnail, Type, Group, Background).

Mapping (everything else is reported as a warning naming the item and field):

=========================  ==============================================
TimelineJS                 timeline model
=========================  ==============================================
``title.text.headline``    timeline title (``text``: description)
``events[]``               points, or spans when ``end_date`` is given
``eras[]`` / Type ``era``  bands
``start_date`` / ``end_date``  EDTF dates at the precision written (year,
                           month, day, hour, minute, second); milliseconds
                           are dropped with a warning
``display_date``           the date's phrase (the words shown to readers)
``text.headline``          title; ``text.text``: summary (HTML -> plain text)
``media`` url/credit/caption  a source (outlet = credit, url, title = caption)
``group``                  track (events without a group: track "Events")
``unique_id``              event id
=========================  ==============================================

Years: TimelineJS shows a negative year ``-N`` as "N BCE" (there is no year
0), while EDTF counts astronomically (year 0 = 1 BCE), so ``-N`` is read as
EDTF year ``-(N-1)`` and written back the same way.  Times of day have no
zone in TimelineJS; they are read in the ``time_zone`` option (UTC by
default) and written in UTC.

Pure Python, no Qt.
"""

from __future__ import annotations

import html
import json
import math
import os
import re
from collections.abc import Mapping
from html.parser import HTMLParser
from typing import Any

from viewer.model.calendar import civil_from_epoch
from viewer.model.dates import EventDate, Precision
from viewer.model.errors import DateError, Problem, TimelineLoadError
from viewer.model.presentation import short_date
from viewer.model.quoting import is_direct, quote_sentence
from viewer.model.timeline import Event, EventKind, Quote, QuoteKind, Source, SourceKind, Timeline

from .atomic import write_text_atomic
from .common import (
    UNGROUPED_TRACK_ID,
    ReadReport,
    TimelineBuilder,
    column_lookup,
    end_before_start,
    format_losses,
    html_to_text,
    load_text,
    parse_json,
    read_csv_rows,
    split_csv_problems,
)
from .humandates import compact_digits_problem
from .timelinejs2 import from_version2
from .urls import dropped_urls, web_url

__all__ = [
    "read_timelinejs",
    "read_timelinejs_report",
    "read_timelinejs_csv",
    "read_timelinejs_csv_report",
    "looks_timelinejs",
    "looks_timelinejs_csv",
    "timelinejs_dict",
    "write_timelinejs",
    "TEMPLATE_COLUMNS",
]

TEMPLATE_COLUMNS = (
    "Year", "Month", "Day", "Time", "End Year", "End Month", "End Day", "End Time", "Display Date",
    "Headline", "Text", "Media", "Media Credit", "Media Caption", "Media Thumbnail", "Type", "Group",
    "Background",
)
"""Columns of the TimelineJS spreadsheet template, in its order."""

_DATE_FIELDS = ("year", "month", "day", "hour", "minute", "second", "millisecond")
_KNOWN_DATE_KEYS = set(_DATE_FIELDS) | {"display_date", "format"}
_KNOWN_EVENT_KEYS = {"start_date", "end_date", "text", "media", "group", "display_date", "unique_id", "tags"}
_DEFAULT_TRACK = "Events"


# ---------------------------------------------------------------------------
# dates


def _int_field(value: Any, name: str) -> int | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool):
        raise DateError(f"{name} must be a whole number, got {json.dumps(value)}")
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, int):
        return value
    if isinstance(value, str) and re.fullmatch(r"\s*[+-]?\d{1,12}\s*", value):
        problem = compact_digits_problem(value) if name == "year" else None
        if problem is not None:  # "196002152034": a compact date, not a year
            raise DateError(problem)
        return int(value)
    raise DateError(f"{name} must be a whole number, got {json.dumps(value, ensure_ascii=False)[:40]}")


def _edtf_year(year: int) -> str:
    """EDTF year text of an astronomical year (4 digits, or the long ``Y`` form)."""
    if -9999 <= year <= 9999:
        return f"-{-year:04d}" if year < 0 else f"{year:04d}"
    return f"Y{year}"


def date_from_parts(parts: Mapping[str, Any], *, phrase: str = "", time_zone: str = "UTC",
                    end: bool = False) -> tuple[EventDate, str]:
    """An :class:`EventDate` from TimelineJS date fields (year .. millisecond).

    Parameters
    ----------
    parts : mapping
        ``year`` (required), ``month``, ``day``, ``hour``, ``minute``,
        ``second``, ``millisecond``: numbers or digit strings.  A field is
        used only when every coarser one is present.
    phrase : str
        ``display_date``: kept as the date's phrase.
    time_zone : str
        IANA zone of times of day.
    end : bool
        An ``end_date``: TimelineJS places a year-only end on 1 January of
        that year (its ``TL.Date`` fills month and day with 1), so the span
        ends when the year before ends: an era 600-650 meets one 650-700.
        Such an end is read as the year before (to the year); its basis
        names the year as written.

    Returns
    -------
    date : EventDate
        At the precision of the finest field given.
    note : str
        What was dropped (milliseconds, fields after a gap), or ``""``.

    Raises
    ------
    DateError
        Missing or non-numeric year, fields out of range, a day not in the
        calendar, a month or day with a year beyond 9999.
    """
    values = {name: _int_field(parts.get(name), name) for name in _DATE_FIELDS}
    year = values["year"]
    if year is None:
        raise DateError("a TimelineJS date needs a year")
    astronomical = year + 1 if year < 0 else year
    notes = []
    used = ["year"]
    for name in _DATE_FIELDS[1:]:
        if values[name] is None:
            break
        used.append(name)
    ignored = [n for n in _DATE_FIELDS if values[n] is not None and n not in used]
    if ignored:
        notes.append(f"{', '.join(ignored)} ignored because {_DATE_FIELDS[len(used)]} is missing")
    if "millisecond" in used:
        if values["millisecond"]:
            notes.append(f"millisecond {values['millisecond']} dropped (dates are kept to the second)")
        used.remove("millisecond")
    text = _edtf_year(astronomical)
    if len(used) > 1 and not -9999 <= astronomical <= 9999:
        raise DateError(f"year {year} has more than 4 digits: EDTF can only write such a year on its own, "
                        "without month or day")
    limits = {"month": (1, 12), "day": (1, 31), "hour": (0, 23), "minute": (0, 59), "second": (0, 59)}
    for name in used[1:]:
        lo, hi = limits[name]
        if not lo <= values[name] <= hi:
            raise DateError(f"{name} {values[name]} is not in {lo}..{hi}")
    if len(used) >= 2:
        text += f"-{values['month']:02d}"
    if len(used) >= 3:
        text += f"-{values['day']:02d}"
    precision = None
    if len(used) >= 4:
        text += f"T{values['hour']:02d}:{(values['minute'] or 0):02d}:{(values['second'] or 0):02d}"
        precision = {4: Precision.HOUR, 5: Precision.MINUTE}.get(len(used))
    zone = time_zone if "T" in text else None
    basis = "TimelineJS date fields" if phrase else ""
    if end and len(used) == 1:
        text = _edtf_year(astronomical - 1)
        written = f"{-year} BCE" if year < 0 else str(year)
        basis = (f"TimelineJS end_date year {year}: TimelineJS ends it on 1 January {written}, "
                 "when the year before ends")
    date = EventDate(text, phrase, basis, time_zone=zone, precision_override=precision)
    return date, "; ".join(notes)


def parts_from_date(date: EventDate) -> dict[str, str] | None:
    """TimelineJS date fields (strings, as the template writes them) of a date, UTC.

    Open dates (``..``) have none (None).  A date with an open side uses its
    known side; an imprecise one its first moment, at its precision.  A date
    that is not exact gets ``display_date``: the date in words with its
    qualifier (``"on or before Thu 10 Feb 2022"``), HTML-escaped; never the
    source's phrase, which TimelineJS would show as if it were the date.
    """
    point = date.sort_point
    if not math.isfinite(point):
        return None
    if date.relation == "on or before":
        point = date.latest - 1
    c = civil_from_epoch(point)
    year = c.year if c.year > 0 else c.year - 1
    out = {"year": str(year)}
    p = date.precision
    if p >= Precision.MONTH:
        out["month"] = str(c.month)
    if p >= Precision.DAY:
        out["day"] = str(c.day)
    if p >= Precision.HOUR:
        out["hour"] = str(c.hour)
    if p >= Precision.MINUTE:
        out["minute"] = str(c.minute)
    if p >= Precision.SECOND:
        out["second"] = str(int(c.second))
    if not date.is_exact:  # only a date text: TimelineJS shows it instead of the date (the phrase goes in the text)
        out["display_date"] = _html(short_date(date))
    return out


# ---------------------------------------------------------------------------
# reading (shared by JSON and CSV)


class _Reader:
    def __init__(self, file: str, time_zone: str, text: str | None = None) -> None:
        self.b = TimelineBuilder(file, os.path.basename(file), text)
        self.zone = time_zone
        self.n = 0
        self.path: tuple | None = None  # JSON path of the item being read, for line numbers

    def warn(self, message: str, line: int | None, where: str) -> None:
        self.b.warn(message, line, where, path=self.path)

    def skip(self, message: str, line: int | None, where: str) -> None:
        self.b.skip(message, line, where, path=self.path)

    def text(self, value: Any, where: str, line: int | None, field: str) -> str:
        if value is None:
            return ""
        if not isinstance(value, str):
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                value = str(value)
            else:
                self.warn(f"{field} should be text, got {type(value).__name__}; not loaded", line, where)
                return ""
        text, dropped = html_to_text(value)
        if dropped:
            self.warn(f"{field}: the content of <{'>, <'.join(sorted(set(dropped)))}> was dropped "
                        "(scripts are never run or shown)", line, where)
        return text

    def date(self, value: Any, where: str, line: int | None, field: str, *, end: bool = False) -> EventDate | None:
        if not isinstance(value, Mapping):
            self.skip(f"{field} must be an object with at least a year, such as "
                        f'{{"year": 2022, "month": 2, "day": 10}}; got {_kind(value)}', line, where)
            return None
        for key in value:
            if key not in _KNOWN_DATE_KEYS:
                self.warn(f"{field}.{key} is not a TimelineJS date field; not loaded", line, where)
        phrase = value.get("display_date") if isinstance(value.get("display_date"), str) else ""
        try:
            date, note = date_from_parts(value, phrase=phrase, time_zone=self.zone, end=end)
        except DateError as exc:
            self.skip(f"{field}: {exc}", line, where)
            return None
        if note:
            self.warn(f"{field}: {note}", line, where)
        return date

    def item(self, item: Any, where: str, line: int | None, *, era: bool = False) -> None:
        self.n += 1
        if not isinstance(item, Mapping):
            self.skip(f"expected an object {{...}} describing an {'era' if era else 'event'}, got {_kind(item)}",
                        line, where)
            return
        for key in item:
            if key not in _KNOWN_EVENT_KEYS:
                self.warn(f"field {key!r} has no equivalent in this viewer; not loaded", line, where)
        start = self.date(item.get("start_date"), where, line, "start_date")
        end = None
        if item.get("end_date") is not None:
            end = self.date(item.get("end_date"), where, line, "end_date", end=True)
            if end is None:
                return
        elif era:
            self.warn("an era without end_date: TimelineJS does not draw it; read as a band with an open end",
                      line, where)
            end = EventDate("..", "", "no end_date (open)")
        if start is None:
            return
        if end is not None and end_before_start(start, end):
            self.skip(f"end_date ({end.describe()}) is before start_date ({start.describe()})", line, where)
            return
        text = item.get("text") if isinstance(item.get("text"), Mapping) else {}
        if item.get("text") is not None and not isinstance(item.get("text"), Mapping):
            self.warn(f"text should be an object with headline and text, got {_kind(item.get('text'))}; "
                        "not loaded", line, where)
        title = " ".join(self.text(text.get("headline"), where, line, "text.headline").split())
        summary = self.text(text.get("text"), where, line, "text.text")
        if not title:
            title = headline_from_text(summary)
            self.warn("no headline: " + (f"the first line of the text is shown as the title ({title[:40]!r})"
                                         if summary else f"shown as {title!r}"), line, where)
        if isinstance(item.get("display_date"), str) and item["display_date"].strip() and not start.phrase:
            start = EventDate(start.edtf, item["display_date"], "TimelineJS display_date", start.time_zone,
                              start.precision_override)
        sources, quotes = self.media(item.get("media"), where, line)
        raw_id = item.get("unique_id")
        raw_id = str(raw_id) if isinstance(raw_id, (str, int)) and not isinstance(raw_id, bool) else ""
        prefix = "era" if era else "event"
        eid = self.b.event_id(raw_id, line, where, f"{prefix}-{self.n}")
        if era:
            if item.get("group") not in (None, ""):
                self.warn("group of an era: eras are drawn across all tracks; not loaded", line, where)
            kind, track = EventKind.BAND, ""
        else:
            group = item.get("group")
            label = str(group).strip() if isinstance(group, (str, int)) and str(group).strip() else ""
            track = self.b.track(label) if label else self.b.ungrouped_track()
            kind = EventKind.POINT if end is None else EventKind.SPAN
        tags = item.get("tags")
        tags = tuple(t.strip() for t in tags.split(",") if t.strip()) if isinstance(tags, str) else ()
        self.b.add(Event(id=eid, title=title, start=start, track=track, kind=kind, end=end, summary=summary,
                         tags=tags, sources=tuple(sources), quotes=tuple(quotes)))

    def media(self, media: Any, where: str, line: int | None) -> tuple[list[str], list[Quote]]:
        """The sources and quotes of a ``media`` object: a url is a source
        (outlet = credit); a url that is a ``<blockquote>`` is TimelineJS's
        quote slide: a direct quote, its ``<cite>`` the speaker ("Name, role")."""
        if media is None:
            return [], []
        if not isinstance(media, Mapping):
            self.warn(f"media should be an object with url, credit and caption, got {_kind(media)}; not loaded",
                        line, where)
            return [], []
        raw_url = media.get("url")
        url: str = raw_url if isinstance(raw_url, str) else ""
        credit = self.text(media.get("credit"), where, line, "media.credit")
        caption = self.text(media.get("caption"), where, line, "media.caption")
        for key in media:
            if key not in ("url", "credit", "caption"):
                self.warn(f"media.{key} has no equivalent in this viewer; not loaded", line, where)
        if url.strip().lower().startswith("<blockquote"):
            quote = _blockquote(url)
            source = [self.b.source(credit, title=caption, kind=SourceKind.OTHER)] if credit else []
            if caption and not credit:
                self.warn("media.caption of a quote without a credit; not loaded", line, where)
            return source, [Quote(quote[0], quote[1], quote[2], source[0] if source else "")]
        if not (url.strip() or credit):
            return [], []
        return [self.b.source(credit or url, url=url, title=caption, kind=SourceKind.OTHER)], []


class _Cite(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0
        self.cite: list[str] = []
        self.body: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "cite":
            self.depth += 1
        elif tag in ("br", "p"):
            (self.cite if self.depth else self.body).append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "cite" and self.depth:
            self.depth -= 1

    def handle_data(self, data: str) -> None:
        (self.cite if self.depth else self.body).append(data)


def _blockquote(markup: str) -> tuple[str, str, str]:
    """``(text, speaker, role)`` of a TimelineJS quote ``<blockquote>…<cite>Name, role</cite></blockquote>``."""
    parser = _Cite()
    parser.feed(markup)
    parser.close()
    text = "\n".join(" ".join(line.split()) for line in "".join(parser.body).split("\n")).strip()
    cite = " ".join("".join(parser.cite).split()).lstrip("—–- ")
    speaker, _, role = cite.partition(",")
    return text, speaker.strip(), role.strip()


def _kind(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    return "an object"


def read_timelinejs_report(path: str | os.PathLike[str], *, time_zone: str = "UTC") -> ReadReport:
    """Read a TimelineJS JSON file.

    Parameters
    ----------
    path : str or os.PathLike
    time_zone : str
        IANA zone of times of day (TimelineJS has none).

    Returns
    -------
    ReadReport
        Items that cannot be loaded (bad date) are listed in ``skipped``; the
        others load.

    Raises
    ------
    TimelineLoadError
        The file cannot be read, is not JSON, has no ``events`` list, or no
        item could be loaded.
    """
    file, text = load_text(path)
    data = parse_json(text, file)
    version2: list[str] = []
    if isinstance(data, Mapping) and isinstance(data.get("timeline"), Mapping) and "events" not in data:
        data, version2 = from_version2(data["timeline"])
        text = None  # JSON paths of the converted data are not the file's
    if not isinstance(data, Mapping) or not isinstance(data.get("events"), list):
        raise TimelineLoadError([Problem(file, 'a TimelineJS file is a JSON object with an "events" list '
                                         '(and optionally "title" and "eras"), or TimelineJS 2\'s '
                                         '{"timeline": {"date": [...]}}', 1, 1)])
    reader = _Reader(file, time_zone, text)
    b = reader.b
    for index, message in enumerate(version2):
        (b.notes.append(Problem(file, message, None, None, "timeline")) if index == 0
         else b.warn(message, None, "timeline"))
    title = data.get("title")
    if isinstance(title, Mapping):
        ttext = title.get("text") if isinstance(title.get("text"), Mapping) else {}
        b.title = " ".join(reader.text(ttext.get("headline"), "title", None, "title.text.headline").split()) \
            or b.title
        b.description = reader.text(ttext.get("text"), "title", None, "title.text.text")
        for key in title:
            if key != "text":
                b.warn(f"title.{key} has no equivalent in this viewer; not loaded", None, "title")
    elif title is not None:
        b.warn(f"title should be an object with text.headline, got {_kind(title)}; not loaded", None, "title")
    for key in data:
        if key not in ("events", "title", "eras", "scale"):
            b.warn(f"field {key!r} has no equivalent in this viewer; not loaded", None, key)
    if data.get("scale") not in (None, "human"):
        b.warn(f"scale {data.get('scale')!r}: read as calendar dates", None, "scale")
    for index, item in enumerate(data["events"]):
        reader.path = ("events", index)
        reader.item(item, _where("events", index, item), None)
    eras = data.get("eras")
    if isinstance(eras, list):
        for index, item in enumerate(eras):
            reader.path = ("eras", index)
            reader.item(item, _where("eras", index, item), None, era=True)
    elif eras is not None:
        b.warn(f"eras should be a list, got {_kind(eras)}; not loaded", None, "eras")
    return b.report()


def _where(key: str, index: int, item: Any) -> str:
    where = f"{key}[{index}]"
    if isinstance(item, Mapping) and isinstance(item.get("unique_id"), str) and item["unique_id"]:
        where += f" (unique_id {item['unique_id']!r})"
    return where


def read_timelinejs(path: str | os.PathLike[str]) -> Timeline:
    """The timeline of a TimelineJS JSON file (see :func:`read_timelinejs_report`)."""
    return read_timelinejs_report(path).timeline


_TIME = re.compile(r"^\s*(\d{1,2})(?::(\d\d))?(?::(\d\d))?\s*([AaPp][Mm])?\s*$")


def _time_parts(value: str) -> dict[str, int]:
    m = _TIME.match(value)
    if not m:
        raise DateError(f"time {value!r} is not hh:mm, hh:mm:ss or h:mm AM/PM")
    hour = int(m.group(1))
    if m.group(4):
        if not 1 <= hour <= 12:
            raise DateError(f"time {value!r}: with AM/PM the hour must be 1..12")
        hour = hour % 12 + (12 if m.group(4).lower() == "pm" else 0)
    out = {"hour": hour}
    if m.group(2):
        out["minute"] = int(m.group(2))
    if m.group(3):
        out["second"] = int(m.group(3))
    return out


def read_timelinejs_csv_report(path: str | os.PathLike[str], *, time_zone: str = "UTC") -> ReadReport:
    """Read the TimelineJS spreadsheet template saved as CSV.

    One row per slide; Type ``title`` gives the timeline's title, ``era`` a
    band.  A bad row is listed in ``skipped`` and the others load.

    Raises
    ------
    TimelineLoadError
        The file cannot be read, has no Year and Headline columns, or no row
        could be loaded.
    """
    file, text = load_text(path)
    header, rows, problems = read_csv_rows(text, file)
    cols = column_lookup(header)
    missing = [c for c in ("Year", "Headline") if c.lower().replace(" ", "") not in cols]
    if missing:
        raise TimelineLoadError([Problem(file, f"missing column(s) {', '.join(missing)}; the TimelineJS template "
                                         f"has {', '.join(TEMPLATE_COLUMNS)}", 1)])
    reader = _Reader(file, time_zone)
    b = reader.b
    b.skipped.extend([])
    warned, cut = split_csv_problems(problems)
    b.warnings.extend(warned)
    b.skipped.extend(cut)
    known = {c.lower().replace(" ", "") for c in TEMPLATE_COLUMNS}
    for name in header:
        if name.lower().replace(" ", "") not in known:
            b.warn(f"column {name!r} is not in the TimelineJS template; not loaded", 1, f"column {name!r}")

    def cell(row, name: str) -> str:
        key = cols.get(name.lower().replace(" ", ""))
        return row.values.get(key, "").strip() if key else ""

    for row in rows:
        where = row.where()
        kind = cell(row, "Type").lower()
        if kind == "title":
            b.title = " ".join(reader.text(cell(row, "Headline"), where, row.line, "Headline").split()) or b.title
            b.description = reader.text(cell(row, "Text"), where, row.line, "Text")
            if cell(row, "Year"):
                b.warn("the title slide's date has no equivalent in this viewer; not loaded", row.line, where)
            continue
        item: dict[str, Any] = {}
        try:
            start = {"year": cell(row, "Year"), "month": cell(row, "Month"), "day": cell(row, "Day")}
            if cell(row, "Time"):
                start.update(_time_parts(cell(row, "Time")))
            end = {"year": cell(row, "End Year"), "month": cell(row, "End Month"), "day": cell(row, "End Day")}
            if cell(row, "End Time"):
                end.update(_time_parts(cell(row, "End Time")))
        except DateError as exc:
            b.skip(str(exc), row.line, where)
            continue
        item["start_date"] = start
        if any(end.values()):
            item["end_date"] = end
        if cell(row, "Display Date"):
            item["display_date"] = cell(row, "Display Date")
        item["text"] = {"headline": cell(row, "Headline"), "text": cell(row, "Text")}
        media = {k: cell(row, c) for k, c in (("url", "Media"), ("credit", "Media Credit"),
                                                 ("caption", "Media Caption")) if cell(row, c)}
        if media:
            item["media"] = media
        for col in ("Media Thumbnail", "Background"):
            if cell(row, col):
                b.warn(f"{col} has no equivalent in this viewer; not loaded", row.line, f"{where}, column {col!r}")
        if kind not in ("", "era"):
            b.warn(f"Type {cell(row, 'Type')!r} is not title or era; loaded as an event", row.line, where)
        if cell(row, "Group"):
            item["group"] = cell(row, "Group")
        reader.item(item, where, row.line, era=kind == "era")
    return b.report()


def read_timelinejs_csv(path: str | os.PathLike[str]) -> Timeline:
    """The timeline of a TimelineJS template CSV (see :func:`read_timelinejs_csv_report`)."""
    return read_timelinejs_csv_report(path).timeline


def looks_timelinejs(path: str, head: bytes) -> bool:
    """A JSON object whose first bytes show ``"events"`` and ``"start_date"``,
    or TimelineJS 2's ``"timeline"`` with ``"startDate"`` or ``"slides"``."""
    text = head[:65536].decode("utf-8", errors="replace").lstrip("\ufeff \t\r\n")
    if not text.startswith("{") or '"timeline-viewer"' in text:
        return False
    if '"events"' in text and '"start_date"' in text:
        return True
    return re.match(r'\{\s*"timeline"\s*:', text) is not None and ('"startDate"' in text or '"slides"' in text)


def looks_timelinejs_csv(path: str, head: bytes) -> bool:
    """A CSV whose header has the template's Year and Headline columns."""
    first = head.decode("utf-8", errors="replace").lstrip("\ufeff").split("\n", 1)[0].lower()
    return "year" in first and "headline" in first and ("month" in first or "display date" in first)


# ---------------------------------------------------------------------------
# writing


def _html(text: str) -> str:
    """Plain text as HTML: ``& < > " '`` escaped (TimelineJS renders its text fields as HTML)."""
    return html.escape(text, quote=True).replace("\n", "<br>")


_FILE_NAME_ENDINGS = (".json", ".csv", ".tsv")
"""A title ending so is the file name a reader gave an untitled timeline: no title slide is written for it."""


UNTITLED = "(untitled)"


def headline_from_text(summary: str) -> str:
    """The title shown for a slide without a headline: the first line of its
    text (at most 120 characters, ``…`` when cut), else :data:`UNTITLED`.
    The writer leaves the headline out again for such a title."""
    if not summary:
        return UNTITLED
    first = summary.split("\n", 1)[0]
    return first if len(first) <= 120 else first[:119] + "…"


def _read_display_date(date: EventDate) -> bool:
    """True when the date's phrase was read from a TimelineJS ``display_date``
    (a date text its author wrote for TimelineJS to show), not a source's words."""
    return bool(date.phrase) and date.basis in ("TimelineJS display_date", "TimelineJS date fields")


def _media_quote(e: Event, sources: tuple[Source, ...] | list[Source]) -> tuple[Quote, Source | None] | None:
    """``(quote, source or None)``: the event's first direct quote, written as
    TimelineJS's quote media (a ``<blockquote>`` with ``<cite>``), as the
    reader reads such media back; None when it has no direct quote.  Reported
    speech is never put in a blockquote."""
    q = next((q for q in e.quotes if QuoteKind(q.kind) is QuoteKind.DIRECT), None)
    if q is None:
        return None
    return q, next((s for s in sources if s.id == q.source), None)


def _end_parts(date: EventDate, parts: dict[str, str]) -> dict[str, str]:
    """End fields as TimelineJS reads them: a year-only end is 1 January of
    that year, so an end known to the year Y is written as year Y + 1
    (the inverse of :func:`date_from_parts` with ``end=True``)."""
    if date.precision is not Precision.YEAR or set(parts) - {"year", "display_date"}:
        return parts
    year = int(parts["year"])
    out = dict(parts)
    out["year"] = str(1 if year == -1 else year + 1)
    return out


def timelinejs_dict(timeline: Timeline) -> dict[str, Any]:
    """TimelineJS JSON data of a timeline (see :func:`write_timelinejs`).

    Every text written is HTML-escaped (TimelineJS shows headline, text,
    display_date, group, media caption and credit as HTML; ours are plain
    text).  Points and spans become events (track label as ``group``), bands
    with two finite ends become eras, other bands events; a date that is not
    exact gets its description as ``display_date`` and the source's phrase
    goes into the text (a ``display_date`` read from a TimelineJS file, its
    author's own date text, is written back as it was); quotes and the
    sources not shown as media are appended to the event's text; the first
    source with an http or https url becomes the event's media (credit = its
    outlet, never its url; other links are never written:
    :mod:`viewer.io.urls`), else the first direct quote becomes TimelineJS's
    quote media (``<blockquote>`` with ``<cite>``); events of the ungrouped
    track get no ``group``; a year-only end is written as the next year
    (:func:`_end_parts`).  Open dates (``..``) cannot be written: a span
    with an open end is written as a point with the end stated in its text.
    """
    labels = {t.id: t.label for t in timeline.tracks}
    untitled = timeline.title.lower().endswith(_FILE_NAME_ENDINGS)  # a reader named it after its file
    title_text = {k: v for k, v in (("headline", "" if untitled else _html(timeline.title)),
                                    ("text", _html(timeline.description))) if v}
    out: dict[str, Any] = {"title": {"text": title_text}} if title_text else {}
    out["events"] = []
    eras = []
    for e in timeline.events:
        start, end = parts_from_date(e.start), (parts_from_date(e.end) if e.end is not None else None)
        if start is None and end is not None:
            start, end = end, None
        if start is None:
            continue  # nothing to place: an event open on both sides
        for date, parts in ((e.start, start), (e.end, end)):
            if date is not None and parts is not None and _read_display_date(date):
                parts["display_date"] = _html(date.phrase)  # the TimelineJS author's own date text, as read
        body = ["<p><i>(planned)</i></p>"] if timeline.is_planned(e) else []  # TimelineJS has no status
        body += [_html(e.summary)] if e.summary else []
        phrases = [d.phrase for d in (e.start, e.end)
                   if d is not None and d.phrase and not _read_display_date(d)]
        if phrases:
            body.append("<p><small>Date in the source: " + "; ".join(f"“{_html(p)}”" for p in phrases)
                        + "</small></p>")
        if e.end is not None and end is None:
            body.append(f"<i>{_html('Ends: ' + e.end.describe())}</i>")
        sources = timeline.sources_of(e)
        with_url = next((s for s in sources if web_url(s.url)), None)
        media_quote = _media_quote(e, sources) if with_url is None else None
        for q in e.quotes:
            if media_quote is not None and q is media_quote[0]:
                continue
            who = q.who
            body.append(f"<blockquote>{_html(q.text)}</blockquote>" + (f"<p>— {_html(who)}</p>" if who else "")
                        if is_direct(q) else f"<p>{_html(quote_sentence(q))}</p>")  # reported: never a quotation
        listed = [s for s in sources if s is not with_url and not (media_quote and s is media_quote[1])]
        if listed:
            body.append("<p><small>Sources: " + "; ".join(_html(s.name)
                                                          for s in listed) + "</small></p>")
        headline = "" if e.title == headline_from_text(e.summary) else _html(e.title)  # none was written
        item: dict[str, Any] = {"start_date": start, "text": {"headline": headline, "text": "".join(body)},
                                "unique_id": e.id}
        if end is not None and e.end is not None:
            end = _end_parts(e.end, end)
            item["end_date"] = end
        if with_url is not None:
            url = web_url(with_url.url)
            credit = "" if with_url.outlet == with_url.url else with_url.outlet  # no url copied into the credit
            item["media"] = {"url": url, "credit": _html(credit), "caption": _html(with_url.title)}
        if media_quote is not None:  # TimelineJS's quote slide: the quote as the media, its source as credit
            q, quote_source = media_quote
            cite = f"<cite>{_html(q.who)}</cite>" if q.who else ""
            item["media"] = {"url": f"<blockquote>{_html(q.text)} {cite}</blockquote>" if cite
                             else f"<blockquote>{_html(q.text)}</blockquote>"}
            if quote_source is not None:
                item["media"]["credit"] = _html(quote_source.outlet)
        if e.kind is EventKind.BAND and end is not None:
            item.pop("unique_id")
            eras.append(item)
            continue
        if e.track and e.track != UNGROUPED_TRACK_ID:  # ungrouped when read stays ungrouped
            item["group"] = _html(labels.get(e.track, e.track))
        out["events"].append(item)
    if eras:
        out["eras"] = eras
    return out


def write_timelinejs(timeline: Timeline, path: str | os.PathLike[str]) -> list[str]:
    """Write a timeline as TimelineJS JSON (UTF-8, atomic), to publish it as a web page.

    Returns
    -------
    list of str
        Events left out because they have no finite date (``..`` on both sides),
        then the kinds of detail TimelineJS cannot hold (:func:`format_losses`).

    Raises
    ------
    ValueError
        Text not encodable as UTF-8; nothing is written.
    OSError
        The file cannot be written (the destination is unchanged).
    """
    write_text_atomic(path, json.dumps(timelinejs_dict(timeline), ensure_ascii=False, indent=2) + "\n")
    left = [f"event {e.id!r} ({e.title[:60]}): not written to TimelineJS: it has no finite date"
            for e in timeline.events
            if parts_from_date(e.start) is None and (e.end is None or parts_from_date(e.end) is None)]
    return left + format_losses(timeline, "TimelineJS", quotes="as plain text in the event's text",
                                qualifiers=True, source_details=True, planned=True,
                                reference_date=True) + dropped_urls(timeline, "TimelineJS")
