"""TimelineJS (Knight Lab) JSON and its Google-Sheets template as CSV: the reader.

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
``display_date``           the date's phrase (the words shown to readers);
                           qualifier words ("circa", "?", "before") make
                           the date approximate, uncertain, on or before
                           (:func:`~viewer.io.timelinejs_dates.qualified_by_words`)
``edtf`` (a date's)        this viewer's own export: the whole EDTF date,
                           read instead of the fields when it agrees with them
text beginning "(planned)"  this viewer's own planned marker: a planned event
text beginning "DRAFT,     this viewer's own draft marker: an unreviewed draft
unreviewed"                (with the article and sentence it was read from)
``text.headline``          title; ``text.text``: summary (HTML -> plain text)
``media`` url/credit/caption  a source (outlet = credit, url, title = caption)
``group``                  track (events without a group: track "Events")
``unique_id``              event id (an era's too)
``edtf`` (an event's)      this viewer's own export of a span with an open
                           side: ``{"start": "2023-06-10", "end": ".."}``,
                           the slide at its known day
=========================  ==============================================

Years: TimelineJS shows a negative year ``-N`` as "N BCE" (there is no year
0), while EDTF counts astronomically (year 0 = 1 BCE), so ``-N`` is read as
EDTF year ``-(N-1)`` and written back the same way.  A year-only end is
1 January of that year, as TimelineJS places it, except an end in the
start's own year (2020 to 2020): read as through that year.  Times of day have no
zone in TimelineJS; they are read in the ``time_zone`` option (UTC by
default) and written in UTC.  The dates are read and written by
:mod:`viewer.io.timelinejs_dates`; the writer is :mod:`viewer.io.timelinejs_write`.

Pure Python, no Qt.
"""

from __future__ import annotations

import html
import os
import re
from collections.abc import Mapping
from dataclasses import replace
from html.parser import HTMLParser
from typing import Any

from viewer.model.dates import EventDate
from viewer.model.errors import DateError, Problem, TimelineLoadError
from viewer.model.timeline import Draft, Event, EventKind, Quote, SourceKind, Timeline

from .builder import ReadReport, TimelineBuilder, end_before_start
from .common import (
    AssumedZone,
    CsvRow,
    column_lookup,
    html_to_text,
    load_text,
    parse_json,
    read_csv_rows,
    split_csv_problems,
)
from .humandates import compact_digits_problem
from .jsonpos import PathPart, SourcePositions
from .losses import open_side_words
from .timelinejs2 import DATE_FORM, from_version2, version2_places, version2_problem
from .timelinejs_dates import (
    DATE_FIELDS,
    date_from_edtf_field,
    date_from_parts,
    qualified_by_words,
    time_parts,
    year_reading,
)

__all__ = [
    "read_timelinejs",
    "read_timelinejs_report",
    "read_timelinejs_csv",
    "read_timelinejs_csv_report",
    "looks_timelinejs",
    "looks_timelinejs_csv",
    "headline_from_text",
    "UNTITLED",
    "TEMPLATE_COLUMNS",
    "PLANNED_MARK",
    "DRAFT_MARK",
    "draft_paragraph",
    "own_marks",
]

TEMPLATE_COLUMNS = (
    "Year", "Month", "Day", "Time", "End Year", "End Month", "End Day", "End Time", "Display Date",
    "Headline", "Text", "Media", "Media Credit", "Media Caption", "Media Thumbnail", "Type", "Group",
    "Background",
)
"""Columns of the TimelineJS spreadsheet template, in its order."""

_KNOWN_DATE_KEYS = set(DATE_FIELDS) | {"display_date", "format", "edtf"}

PLANNED_MARK = "<p><i>(planned)</i></p>"
"""What the writer puts first in the text of an event shown as planned (TimelineJS has no status);
a text that begins with it is read back as a planned event, without it."""

DRAFT_MARK = "<p><b>DRAFT, unreviewed</b>"
"""What the writer puts first in the text of an unreviewed ingest draft (before :data:`PLANNED_MARK`):
``<p><b>DRAFT, unreviewed</b> from <i>ARTICLE</i>: “SENTENCE”</p>`` (article and sentence when
known, HTML-escaped).  A text that begins with that paragraph is read back as a draft, without it."""

_DRAFT_PARAGRAPH = re.compile(re.escape(DRAFT_MARK) + r"(?: from <i>(?P<article>[^<]*)</i>)?"
                              r"(?:: “(?P<sentence>(?:[^<]|<br>)*)”)?</p>")


def draft_paragraph(draft: Draft) -> str:
    """The paragraph that marks a draft in the text (:data:`DRAFT_MARK`), as the reader reads it back."""
    article = f" from <i>{html.escape(draft.article)}</i>" if draft.article else ""
    sentence = f": “{html.escape(draft.sentence).replace(chr(10), '<br>')}”" if draft.sentence else ""
    return f"{DRAFT_MARK}{article}{sentence}</p>"


def _unescape(value: str | None) -> str:
    return html.unescape((value or "").replace("<br>", "\n"))


STATUS_MARK = re.compile(r"<p><i>\(planned, status: ([^<>]{1,400}?)\)</i></p>")
"""What the writer puts instead of :data:`PLANNED_MARK` for a planned event with a ``status: …`` tag
(``<p><i>(planned, status: cancelled)</i></p>``); read back as planned with that tag."""


def own_marks(body: str) -> tuple[str, Draft | None, bool, str]:
    """``(rest of the text, draft or None, planned, status word)``: the writer's own draft and planned
    paragraphs at the start of an event's text read back (TimelineJS has no status), the text without them."""
    draft = None
    text = body.lstrip()
    m = _DRAFT_PARAGRAPH.match(text)
    if m is not None:
        draft = Draft(_unescape(m.group("sentence")), article=_unescape(m.group("article")))
        text = text[m.end():]
    if text.startswith(PLANNED_MARK):
        return text[len(PLANNED_MARK):], draft, True, ""
    m = STATUS_MARK.match(text)
    if m is not None:
        return text[m.end():], draft, True, html.unescape(m.group(1))
    return (text if draft is not None else body), draft, False, ""


def _year_only(value: Any) -> str | None:
    """The year as the file writes it when a TimelineJS date gives a year and no finer field, else None."""
    if not isinstance(value, Mapping) or value.get("year") in (None, ""):
        return None
    if any(value.get(n) not in (None, "") for n in DATE_FIELDS[1:]):
        return None
    return str(value["year"]).strip()


def _year_number(value: Any) -> int | None:
    """The ``year`` field of a TimelineJS date as a whole number, else None (absent or not a number)."""
    year = value.get("year") if isinstance(value, Mapping) else None
    try:
        return int(str(year).strip()) if year not in (None, "") and not isinstance(year, bool) else None
    except ValueError:
        return None


OPEN_FIELD = "edtf"
"""Event field this viewer writes for a span (band) with one open side, which TimelineJS cannot hold:
``{"start": "..", "end": "2023-06-10"}`` (``"kind": "band"`` for a band); the slide is at the known day,
``display_date`` "until Sat 10 Jun 2023; start not stated".  TimelineJS ignores it; the reader reads the
span back when the field agrees with ``start_date``."""

_KNOWN_EVENT_KEYS = {"start_date", "end_date", "text", "media", "group", "display_date", "unique_id", "tags",
                     OPEN_FIELD}


UNTITLED = "(untitled)"
"""The title of a slide with neither headline nor text."""


def headline_from_text(summary: str) -> str:
    """The title shown for a slide without a headline: the first line of its
    text (at most 120 characters, ``…`` when cut), else :data:`UNTITLED`.
    The writer leaves the headline out again for such a title."""
    if not summary:
        return UNTITLED
    first = summary.split("\n", 1)[0]
    return first if len(first) <= 120 else first[:119] + "…"


# ---------------------------------------------------------------------------
# reading (shared by JSON and CSV)


class _Reader:
    def __init__(self, file: str, time_zone: str | None, text: str | None = None) -> None:
        self.b = TimelineBuilder(file, os.path.basename(file), text)
        self.zone = time_zone or "UTC"
        self.zones = AssumedZone(given=time_zone is not None)  # times of day read as UTC, said once
        self.n = 0
        self.path: tuple[PathPart, ...] | None = None  # JSON path of the item being read, for line numbers
        self.first_utc: tuple[str, tuple[PathPart, ...]] | None = None  # (where, path): the note's place
        self.years_said: set[str] = set()  # year 0 / a negative year: how it is read, said once a file
        self.version2 = False  # the item is TimelineJS 2's: problems name its fields (startDate...) and their place
        self.date_form = 'an object with at least a year, such as {"year": 2022, "month": 2, "day": 10}'

    def report(self) -> ReadReport:
        """The builder's report, with the note of times read as UTC (:class:`AssumedZone`)."""
        note = self.zones.note(self.b.file)
        if note is not None and self.first_utc is not None:  # placed at the first such item
            where, path = self.first_utc
            line, column = self.b._place(None, path)
            total = sum(self.zones.counts.values())
            note = replace(note, line=line, column=column,
                           location=where if total == 1 else f"{where} (the first of {total:,})")
        if note is not None:
            self.b.notes.append(note)
        return self.b.report()

    def _at(self, message: str) -> tuple[str, tuple[PathPart, ...] | None]:
        """The message and JSON path of a problem of the item being read (a TimelineJS 2
        item's as its file names the field, at that field: :func:`version2_problem`)."""
        if not self.version2 or self.path is None:
            return message, self.path
        message, field = version2_problem(message)
        return message, (*self.path, *field)

    def warn(self, message: str, line: int | None, where: str) -> None:
        message, path = self._at(message)
        self.b.warn(message, line, where, path=path)

    def skip(self, message: str, line: int | None, where: str) -> None:
        message, path = self._at(message)
        self.b.skip(message, line, where, path=path)

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
        problem = compact_digits_problem(value) if isinstance(value, str) else None
        if problem is not None:  # a TimelineJS 2 date of one run of digits: compact, not a year
            self.skip(f"{field}: {problem}", line, where)
            return None
        if not isinstance(value, Mapping):
            got = _kind(value) + (f" {value[:40]!r}" if isinstance(value, str) else "")
            self.skip(f"{field} must be {self.date_form}; got {got}", line, where)
            return None
        for key in value:
            if key not in _KNOWN_DATE_KEYS:
                self.warn(f"{field}.{key} is not a TimelineJS date field; not loaded", line, where)
        display_date = value.get("display_date")
        phrase = display_date if isinstance(display_date, str) else ""
        try:
            date, note = date_from_parts(value, phrase=phrase, time_zone=self.zone, end=end)
        except DateError as exc:
            self.skip(f"{field}: {exc}", line, where)
            return None
        if note:
            self.warn(f"{field}: {note}", line, where)
        whole = date_from_edtf_field(value, self.zone, end=end)
        year_note = "" if isinstance(whole, EventDate) else year_reading(value, version2=self.version2)
        if year_note and year_note[:6] not in self.years_said:  # once a file for year 0, once for -N
            self.years_said.add(year_note[:6])
            if end and value.get("month") in (None, ""):  # TimelineJS ends a year-only end on its 1 January
                year_note += " (a year-only end: the span ends as that year begins)"
            said, path = self._at(f"{field}: {year_note}" + (
                "" if year_note.startswith("year 0") else " (every negative year is read so)"))
            self.b.notes.append(Problem(self.b.file, said, *self.b._place(line, path), where))
        if isinstance(whole, EventDate):  # this viewer's own export: the date as it was, fields and all
            if whole.phrase:  # words the writer did not write: they must not contradict the edtf
                read = qualified_by_words(date, whole.phrase, end=end)
                if isinstance(read, str) or (read is not None and read.edtf != whole.edtf):
                    self.b.notes.append(Problem(self.b.file, f"{field}.display_date {whole.phrase.strip()!r} not "
                                                f"read as a date: the edtf field gives {whole.describe()} "
                                                f"({whole.edtf}); the words are kept as the date's phrase",
                                                *self.b._place(line, self.path), where))
            return whole
        if isinstance(whole, str):
            self.warn(f"{field}.{whole}", line, where)
        return self.qualified(date, phrase, where, line, f"{field}.display_date", end=end)

    def qualified(self, date: EventDate, display: str, where: str, line: int | None, field: str, *,
                  end: bool = False) -> EventDate:
        """``date`` as its ``display_date`` words qualify it ("circa", "?", "before"...:
        :func:`qualified_by_words`), a note saying how it was read; else ``date`` unchanged,
        with a note when its words look like a date or a qualifier that was not read."""
        read = qualified_by_words(date, display, end=end)
        if read is None:
            return date
        place = (*self.b._place(line, self.path), where)
        if isinstance(read, str):
            self.b.notes.append(Problem(self.b.file, f"{field} {read}", *place))
            return date
        self.b.notes.append(Problem(self.b.file, f"{field} {display.strip()!r} read as "
                                    f"{read.describe()} ({read.edtf}), not as the firm date of its fields",
                                    *place))
        return read

    def item(self, item: Any, where: str, line: int | None, *, era: bool = False) -> None:
        self.n += 1
        if not isinstance(item, Mapping):
            self.skip(f"expected an object {{...}} describing an {'era' if era else 'event'}, got {_kind(item)}",
                        line, where)
            return
        for key in item:
            if key not in _KNOWN_EVENT_KEYS:
                self.warn(f"field {key!r} has no equivalent in this viewer; not loaded", line, where)
        opened = self.open_side(item, where, line)
        raw_start = item.get("start_date")
        if opened is not None and isinstance(raw_start, Mapping):  # the words this viewer wrote: not a phrase
            raw_start = {k: v for k, v in raw_start.items() if k != "display_date"}
        start = self.date(raw_start, where, line, "start_date")
        end = None
        if opened is not None and start is not None:
            if start.edtf != opened[1].edtf:
                self.warn(f"{OPEN_FIELD}: {opened[1].edtf!r} does not agree with start_date ({start.describe()}); "
                          "read as a point on start_date", line, where)
                opened = None
            else:
                start, end = (EventDate(".."), start) if opened[0] == "start" else (start, EventDate(".."))
        if opened is None and item.get("end_date") is not None:
            end = self.date(item.get("end_date"), where, line, "end_date", end=True)
            if end is None:
                return
        elif era and opened is None:
            self.warn("an era without end_date: TimelineJS does not draw it; read as a band with an open end",
                      line, where)
            end = EventDate("..", "", "no end_date (open)")
        if start is None:
            return
        raw_end = item.get("end_date")
        year_end = _year_only(raw_end)
        if end is not None and year_end is not None and end_before_start(start, end):
            # TimelineJS ends a year-only end on 1 January of that year; an end year that is the start's
            # own year (a span of zero length there) means "through that year": read so, covering it
            through = self.date(raw_end, where, line, "end_date")
            if through is not None and not end_before_start(start, through):
                end = EventDate(through.edtf, through.phrase, f"TimelineJS end_date year {year_end}, the start's "
                                "year: read as through that year (TimelineJS draws it ending on 1 January)")
        start_year, end_year = _year_number(item.get("start_date")), _year_number(raw_end)
        if end is not None and start_year is not None and end_year is not None and end_year < start_year <= 0:
            # year 0 and year -1 are both read as 1 BCE: the span as written ends before it starts
            self.skip(f"end_date (year {end_year}) is before start_date (year {start_year}); both are read as "
                      f"{start.describe()}, so the span would shrink to one year", line, where)
            return
        if end is not None and not end.is_open and not start.is_open and end_before_start(start, end):
            said = f"year {year_end}" if year_end is not None else end.describe()
            self.skip(f"end_date ({said}) is before start_date ({start.describe()})", line, where)
            return
        raw_text = item.get("text")
        text: Mapping[str, Any] = raw_text if isinstance(raw_text, Mapping) else {}
        if raw_text is not None and not isinstance(raw_text, Mapping):
            self.warn(f"text should be an object with headline and text, got {_kind(item.get('text'))}; "
                        "not loaded", line, where)
        title = " ".join(self.text(text.get("headline"), where, line, "text.headline").split())
        raw_body = text.get("text")
        planned, draft, status = False, None, ""
        if isinstance(raw_body, str):  # the writer's own markers (TimelineJS has no status)
            raw_body, draft, planned, status = own_marks(raw_body)
        summary = self.text(raw_body, where, line, "text.text")
        if not title:
            title = headline_from_text(summary)
            self.warn("no headline: " + (f"the first line of the text is shown as the title ({title[:40]!r})"
                                         if summary else f"shown as {title!r}"), line, where)
        if isinstance(item.get("display_date"), str) and item["display_date"].strip() and not start.phrase:
            start = EventDate(start.edtf, item["display_date"], "TimelineJS display_date", start.time_zone,
                              start.precision_override)
            raw_start = item.get("start_date")
            if not (isinstance(raw_start, Mapping) and "edtf" in raw_start):
                start = self.qualified(start, item["display_date"], where, line, "display_date")
        sources, quotes = self.media(item.get("media"), where, line)
        raw_id = item.get("unique_id")
        raw_id = str(raw_id) if isinstance(raw_id, (str, int)) and not isinstance(raw_id, bool) else ""
        prefix = "era" if era else "event"
        eid = self.b.event_id(raw_id, line, where, f"{prefix}-{self.n}")
        if opened is not None and opened[2]:  # a band with an open side, written as a slide
            kind, track = EventKind.BAND, ""
        elif era:
            if item.get("group") not in (None, ""):
                self.warn("group of an era: eras are drawn across all tracks; not loaded", line, where)
            kind, track = EventKind.BAND, ""
        else:
            group = item.get("group")
            if group not in (None, "") and (not isinstance(group, (str, int)) or isinstance(group, bool)):
                self.warn(f"group should be text (the name of the row it is drawn in), got {_kind(group)}; "
                          "not loaded: drawn with the items that have none", line, where)
                group = None
            label = str(group).strip() if isinstance(group, (str, int)) and str(group).strip() else ""
            track = self.b.track(label) if label else self.b.ungrouped_track()
            kind = EventKind.POINT if end is None else EventKind.SPAN
        tags = item.get("tags")
        tags = tuple(t.strip() for t in tags.split(",") if t.strip()) if isinstance(tags, str) else ()
        if status and f"status: {status}" not in tags:
            tags += (f"status: {status}",)
        counted = sum(self.zones.counts.values())
        names = ("startDate", "endDate") if self.version2 else ("start_date", "end_date")
        start = self.zones.date(start, names[0])
        end = self.zones.date(end, names[1]) if end is not None else None
        if self.first_utc is None and sum(self.zones.counts.values()) > counted and self.path is not None:
            field = names[0] if self.zones.counts.get(names[0]) else names[1]  # the date of this item counted
            self.first_utc = (f"{where}.{field}", (*self.path, field))
        self.b.add(Event(id=eid, title=title, start=start, track=track, kind=kind, end=end, summary=summary,
                         tags=tags, sources=tuple(sources), quotes=tuple(quotes), draft=draft, planned=planned))

    def open_side(self, item: Mapping[str, Any], where: str, line: int | None) -> tuple[str, EventDate, bool] | None:
        """``(open side, known date, band)`` of a slide this viewer wrote for a span with an open side
        (:data:`OPEN_FIELD`); None when there is no such field, or (warned) when it is not as written."""
        kept = item.get(OPEN_FIELD)
        if kept is None:
            return None
        why = ""
        if not isinstance(kept, Mapping) or set(kept) - {"start", "end", "kind"} or kept.get("kind", "band") != "band":
            why = 'should be {"start": …, "end": …} with one side ".."'
        elif item.get("end_date") is not None:
            why = "goes with a slide without end_date"
        else:
            sides = [kept.get("start"), kept.get("end")]
            if not all(isinstance(x, str) for x in sides) or (sides[0] == "..") == (sides[1] == ".."):
                why = 'should have one side ".." and the other a date'
        if not why:
            side = "start" if kept["start"] == ".." else "end"
            raw = kept["end" if side == "start" else "start"]
            try:
                known = EventDate(raw)
            except DateError as exc:
                why = f"{raw[:40]!r} is not a date this viewer reads ({exc})"
            else:
                event = Event("x", "", EventDate("..") if side == "start" else known, "", EventKind.SPAN,
                              known if side == "start" else EventDate(".."))
                display = item.get("start_date", {}).get("display_date") if isinstance(
                    item.get("start_date"), Mapping) else None
                if display is not None and _unescape(str(display)) != open_side_words(event):
                    why = f"start_date.display_date {str(display)[:60]!r} is not the words written for it"
                else:
                    return side, known, kept.get("kind") == "band"
        self.warn(f"{OPEN_FIELD} {why}; not loaded", line, where)
        return None

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


def read_timelinejs_report(path: str | os.PathLike[str], *, time_zone: str | None = None) -> ReadReport:
    """Read a TimelineJS JSON file.

    Parameters
    ----------
    path : str or os.PathLike
    time_zone : str, optional
        IANA zone of times of day (TimelineJS has none); without one they are read as UTC,
        each such date's basis says so and one note says how many.

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
    file, file_text = load_text(path)
    twice: list[tuple[Any, str]] = []
    data = parse_json(file_text, file, duplicates=twice)
    duplicates = _duplicated_keys(data, twice)
    version2: list[str] = []
    places: dict[str, tuple[str, ...]] = {"events": ("events",), "eras": ("eras",)}  # the lists' JSON paths
    originals: dict[str, Any] = {}
    if isinstance(data, Mapping) and isinstance(data.get("timeline"), Mapping) and "events" not in data:
        places, originals = version2_places(data["timeline"]), dict(data["timeline"])
        data, version2 = from_version2(data["timeline"])
        if not isinstance(data.get("events"), list):
            key = places["events"][-1]
            line, column = SourcePositions(file_text).locate(places["events"])
            raise TimelineLoadError([Problem(file, f'TimelineJS 2\'s "timeline" must have a "date" list of items '
                                             f'(or "slides"); got {_kind(originals.get(key))}', line or 1,
                                             column or 1, f"timeline.{key}")])
    if isinstance(data, Mapping) and "timeline" in data and "events" not in data \
            and not isinstance(data.get("timeline"), Mapping):
        line, column = SourcePositions(file_text).locate(["timeline"])
        raise TimelineLoadError([Problem(file, 'TimelineJS 2\'s "timeline" must be an object such as '
                                         '{"headline": "...", "date": [...]}; got '
                                         f'{_kind(data.get("timeline"))}', line or 1, column or 1, "timeline")])
    if not isinstance(data, Mapping) or not isinstance(data.get("events"), list):
        raise TimelineLoadError([Problem(file, 'a TimelineJS file is a JSON object with an "events" list '
                                         '(and optionally "title" and "eras"), or TimelineJS 2\'s '
                                         '{"timeline": {"date": [...]}}', 1, 1)])
    reader = _Reader(file, time_zone, file_text)
    if version2:
        reader.date_form = f"{DATE_FORM} (or {reader.date_form})"
    b = reader.b
    for index, message in enumerate(version2):
        named = re.match(r"timeline\.(\w+) ", message)  # "timeline.asset has no equivalent...": at its key
        (b.notes.append(Problem(file, message, None, None, "timeline")) if index == 0
         else b.warn(message, None, f"timeline.{named.group(1)}" if named else "timeline",
                     path=("timeline", named.group(1)) if named else None))
    for dup_path, key in duplicates:
        where = ".".join(str(p) if isinstance(p, str) else f"[{p}]" for p in dup_path).replace(".[", "[")
        b.warn(f"key {key!r} appears more than once in this object; only its last value was read",
               None, f"{where}.{key}" if where else key, path=(*dup_path, key))
    title = data.get("title")
    if isinstance(title, Mapping):
        raw_text = title.get("text")
        ttext: Mapping[str, Any] = raw_text if isinstance(raw_text, Mapping) else {}
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
    for key in ("events", "eras"):
        items = data.get(key)
        if not isinstance(items, list):
            continue
        for index, item in enumerate(items):
            reader.path = (*places[key], index)
            original = originals.get(places[key][-1]) if originals else None
            original = original[index] if isinstance(original, list) and index < len(original) else item
            reader.version2 = isinstance(original, Mapping) and "start_date" not in original
            reader.item(item, _where(".".join(places[key]), index, original), None, era=key == "eras")
    reader.version2 = False
    eras = data.get("eras")
    if eras is not None and not isinstance(eras, list):
        b.warn(f"eras should be a list, got {_kind(eras)}; not loaded", None, "eras")
    return reader.report()


def _duplicated_keys(data: Any, twice: list[tuple[Any, str]]) -> list[tuple[tuple[PathPart, ...], str]]:
    """``(JSON path of the object, key)`` of each key an object of ``data`` holds more than
    once (``twice``: ``(object, key)`` from :func:`parse_json`), in file order of the objects."""
    if not twice:
        return []
    wanted: dict[int, list[str]] = {}
    for obj, key in twice:
        if key not in wanted.setdefault(id(obj), []):
            wanted[id(obj)].append(key)
    out: list[tuple[tuple[PathPart, ...], str]] = []
    stack: list[tuple[Any, tuple[PathPart, ...]]] = [(data, ())]
    while stack:
        value, at = stack.pop()
        if isinstance(value, dict):
            out.extend((at, key) for key in wanted.get(id(value), ()))
            stack.extend((v, (*at, k)) for k, v in reversed(list(value.items())))
        elif isinstance(value, list):
            stack.extend((v, (*at, i)) for i, v in reversed(list(enumerate(value))))
    return out


def _where(key: str, index: int, item: Any) -> str:
    where = f"{key}[{index}]"
    for name in ("unique_id", "id"):  # TimelineJS 2's is "id"
        if isinstance(item, Mapping) and isinstance(item.get(name), str) and item[name]:
            return where + f" ({name} {item[name]!r})"
    return where


def read_timelinejs(path: str | os.PathLike[str]) -> Timeline:
    """The timeline of a TimelineJS JSON file (see :func:`read_timelinejs_report`)."""
    return read_timelinejs_report(path).timeline



def read_timelinejs_csv_report(path: str | os.PathLike[str], *, time_zone: str | None = None) -> ReadReport:
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

    def cell(row: CsvRow, name: str) -> str:
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
            for column in ("Year", "End Year"):
                problem = compact_digits_problem(cell(row, column))  # typed by people: 20220210 is no year
                if problem is not None:
                    raise DateError(f"{column}: {problem}")
            start: dict[str, str | int] = {"year": cell(row, "Year"), "month": cell(row, "Month"),
                                           "day": cell(row, "Day")}
            if cell(row, "Time"):
                start.update(time_parts(cell(row, "Time")))
            end: dict[str, str | int] = {"year": cell(row, "End Year"), "month": cell(row, "End Month"),
                                         "day": cell(row, "End Day")}
            if cell(row, "End Time"):
                end.update(time_parts(cell(row, "End Time")))
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
    return reader.report()


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
