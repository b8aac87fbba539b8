"""Generic CSV/TSV of events: reader (column mapping given or guessed) and writer.

One row per event.  The columns that feed each field are given by a mapping
(``{"title": "Headline", "start": "Date"}``, from ``--map title=Headline``)
or guessed from the header names (case, spaces and underscores ignored):

==========  ============================================================
field       header names recognised
==========  ============================================================
id          id, event_id, uid, unique_id
title       title, headline, name, event, label, subject, what
start       start, start_date, date, begin, from, when, Start Time, date_local,
            datetime, timestamp, event_date, year, time
end         end, end_date, finish, until, to, End Time, end_year, stop
track       track, group, lane, category, era, type, event_type, period, theme
kind        kind (point, span, band)
summary     summary, description, notes, text, details, desc, comment, body, content
location    location, place
actors      actors (``;``-separated)
tags        tags (``;``-separated)
sources     sources, source (``;``-separated outlet names)
url         url, link
quote       quote, quotation (what was said; see below for direct or reported)
speaker     speaker, quoted_by, said_by (who said the quote)
quote_kind  quote_kind, quote_type, speech_kind (direct, quotation; reported,
            reported speech, paraphrase)
phrases     start_phrase, start_basis, end_phrase, end_basis
==========  ============================================================

Where names leave a field without a column, the content decides
(:func:`guess_from_content`): a column most of whose cells read as dates
feeds start (then end), a text column of many different values the title
(else the summary), one of a few repeated values the track.

A quote is a direct quotation (the speaker's own words, shown in quotation
marks) only when the file says so: its ``quote_kind`` cell reads ``direct`` or
``quotation``, or, without one, the cell is wrapped in quotation marks
(``"…"``, ``“…”``, ``„…“``, ``«…»``, ``‘…’``; removed once, so they are not
shown doubled).  Otherwise it is reported speech (``reported``,
``reported speech``, ``paraphrase``, or a cell not in quotation marks: a
spreadsheet cell is seldom verbatim), shown attributed and never in quotation
marks; a note says how many quotes were read so and how to mark them direct.

Dates are ISO 8601 or EDTF (``2022-02-10``, ``2022-02-10T14:00:00Z``,
``2022-02``, ``[..2022-02-10]``) or written in words (``December 7, 1941``,
``Dec 1941``, ``3300 BC``, ``c. 1500``, ``1940s``: :mod:`viewer.io.humandates`),
each at the precision written, the words kept as the phrase; an end written
``Unknown``, ``TBD``, ``present`` or ``ongoing`` (or left empty on a row of
kind span) is open.  Day/month order is never guessed
(``03/04/2022`` is refused) unless a ``date_format`` is declared
(``%d/%m/%Y``, Python's :func:`datetime.strptime` directives; its finest
directive sets the precision); a cell that does not match it is read as
without one, so the ISO dates of a column that mixes forms stay ISO
(``2022-02-11``, ``2022-02`` at its precision; not for a year-day-month
format such as ``%Y-%d-%m``).  Columns not mapped are listed once as
warnings; a bad row is listed and skipped, the other rows load.

The writer writes exactly these columns (``id, track, kind, title, start,
end, summary, location, actors, tags, sources, url, start_phrase,
start_basis, end_phrase, end_basis, quote, speaker, quote_kind, quotes, status, review, draft_sentence,
draft_article``), so its files read back.
``status`` is ``planned`` for an event shown as planned (the source
describes it as still to happen, or it begins after the timeline's
reference date, which CSV cannot hold) and ``happened`` otherwise; the
reader marks ``planned`` rows planned so plans never come back as facts.
``review`` is ``unreviewed draft`` for an ingest draft not yet reviewed
(empty otherwise), with the sentence and article it was read from in
``draft_sentence`` and ``draft_article``; the reader reads such a row back
as a draft (its character offsets in the article are not kept: read back
without any), so a draft never comes back as a reviewed fact; only an empty
cell, ``reviewed`` or ``accepted`` reads as reviewed, and any other value
(``needs review``, ``unreviewed``...) as an unreviewed draft with a warning
naming the line, column and value; a row with a ``draft_sentence`` but a
reviewed ``review`` is read as reviewed and warned.  The review column may
also be headed ``review status`` or ``draft status``, ``reviewed`` (yes / no:
no or empty is a draft, nothing says it was reviewed) or ``draft`` / ``is
draft`` (yes / no); a ``status`` column holding only review words
(``reviewed``, ``draft``...) is read as the review column.
The first quote of each event is also written in ``quote``, ``speaker`` and
``quote_kind`` (``direct`` or ``reported``), so it reads back as the same
words of the same kind; a ``status`` of ``expected``, ``scheduled``,
``tentative`` or ``announced`` is read as planned, any other value than
``happened`` or empty (``cancelled``) as planned with a note, the word kept
as the tag ``status: cancelled`` (never silently a fact).
``quotes`` is for people: one quote a line, direct speech in quotation marks
with its speaker, reported speech attributed and never in quotation marks
(:func:`viewer.model.quoting.quote_sentence`); the reader does not turn it
back into quotes (the native format keeps them) and lists the column as not
loaded, so the report says the quotes were not read.  A text cell
that a spreadsheet would run as a formula (it starts with ``=``, ``+``,
``-``, ``@``, a tab or a carriage return, or starts with spaces before one
of ``= + - @``) is written with a leading ``'``,
as OWASP's "CSV Injection" page advises; the reader removes that one
apostrophe again, so a title like ``=HYPERLINK(...)`` survives the round
trip as text.  Date columns are EDTF and never escaped.  A source link that
is not http or https (``javascript:``, ``file:``) is not written and is
listed as lost (:mod:`viewer.io.urls`).

Pure Python, no Qt.
"""

from __future__ import annotations

import csv
import io
import math
import os
import re
from collections.abc import Mapping
from dataclasses import replace
from datetime import datetime, timezone

from viewer.model.calendar import format_year
from viewer.model.date_edit import worded_hand_edit
from viewer.model.dates import EventDate, Precision
from viewer.model.errors import DateError, Problem, TimelineLoadError
from viewer.model.quoting import quote_sentence
from viewer.model.text import counted, first_of
from viewer.model.timeline import Draft, Event, EventKind, Quote, QuoteKind, SourceKind, Timeline

from .atomic import write_text_atomic
from .common import (
    AssumedZone,
    CsvRow,
    ReadReport,
    TimelineBuilder,
    end_before_start,
    format_losses,
    load_text,
    make_date,
    read_csv_rows,
    split_csv_problems,
    to_edtf,
)
from .humandates import human_date, human_edtf, is_ongoing_word, is_open_word
from .losses import draft_losses, planned_end_losses
from .problems import NO_EQUIVALENT
from .urls import dropped_urls, web_url

__all__ = ["FIELDS", "guess_mapping", "read_csv", "read_csv_report", "write_csv", "csv_text", "parse_mapping",
           "escape_formula", "unescape_formula", "check_date_format", "basis_cell"]

FIELDS: dict[str, tuple[str, ...]] = {
    "id": ("id", "eventid", "uid", "uniqueid"),
    "title": ("title", "headline", "name", "event", "label", "eventname", "subject", "what"),
    "start": ("start", "startdate", "date", "begin", "from", "when", "starttime", "startdatetime", "datelocal",
              "dateutc", "datetime", "timestamp", "eventdate", "year", "startyear", "time"),
    "end": ("end", "enddate", "finish", "until", "to", "endtime", "enddatetime", "endyear", "stop"),
    "track": ("track", "group", "lane", "category", "era", "type", "eventtype", "period", "theme"),
    "kind": ("kind",),
    "summary": ("summary", "description", "notes", "text", "details", "desc", "comment", "comments", "body",
                "content"),
    "location": ("location", "place"),
    "actors": ("actors",),
    "tags": ("tags",),
    "sources": ("sources", "source"),
    "url": ("url", "link"),
    "quote": ("quote", "quotation"),
    "speaker": ("speaker", "quotedby", "saidby"),
    "quote_kind": ("quotekind", "quotetype", "speechkind"),
    "start_phrase": ("startphrase",),
    "start_basis": ("startbasis",),
    "end_phrase": ("endphrase",),
    "end_basis": ("endbasis",),
    "quotes": ("quotes",),
    "status": ("status",),
    "review": ("review", "reviewstatus", "reviewstate", "reviewed", "draft", "isdraft", "draftstatus"),
    "draft_sentence": ("draftsentence",),
    "draft_article": ("draftarticle",),
}
"""Model field -> normalised header names that feed it (first match wins)."""

WRITE_COLUMNS = ("id", "track", "kind", "title", "start", "end", "summary", "location", "actors", "tags",
                 "sources", "url", "start_phrase", "start_basis", "end_phrase", "end_basis", "quote", "speaker",
                 "quote_kind", "quotes", "status", "review", "draft_sentence", "draft_article")

DRAFT_REVIEW = "unreviewed draft"
"""The ``review`` cell of an unreviewed ingest draft (empty for every other event); read back as a draft."""


def _norm(name: str) -> str:
    return re.sub(r"[\s_\-]+", "", name.strip().lower())


_NO_FIELD_FOR = {
    "coordinates": ("lat", "latitude", "long", "lon", "lng", "longitude", "zoom", "coordinates", "coords",
                    "latlong", "latlon", "latlng", "geo", "geometry", "point"),
    "pictures": ("photo", "photos", "image", "images", "picture", "pictures", "img", "media", "thumbnail",
                 "mediacaption", "mediacredit", "mediathumbnail"),
}
"""What no field of :data:`FIELDS` can hold -> normalised header names that say they hold it."""


def _unmapped_column(name: str, free: list[str]) -> str:
    """The warning about header ``name`` that feeds no field; ``free``: the fields no column feeds.

    One thing is said: a column of coordinates or pictures has no place in this viewer (and
    :func:`viewer.io.problems.loaded_without` counts it so); any other can be mapped to a free field."""
    if name.startswith("(column "):
        return f"column {name!r} has no name (a row index?); not loaded"
    kind = next((k for k, names in _NO_FIELD_FOR.items() if _norm(name) in names), None)
    if kind:
        return f"column {name!r} {NO_EQUIVALENT} (no field holds {kind}); not loaded"
    return (f"column {name!r} is not mapped to any field; not loaded (to load it, map it with --map FIELD={name}, "
            f"FIELD one of {', '.join(free)})")


def check_date_format(date_format: str) -> str:
    """``date_format`` when it names a year (``%Y``, ``%y``, ``%G``, or the locale's date ``%c``, ``%x``); else
    ValueError saying why:
    :func:`datetime.strptime` reads a date without a year as in 1900 (``%d/%m`` made ``03/04`` the
    3rd of April 1900, a date no source gave)."""
    directives = date_format.replace("%%", "")  # "%%Y" is a literal "%Y", not the year
    if not any(d in directives for d in ("%Y", "%y", "%G", "%c", "%x")):  # (%c, %x: the locale's date, with its year)
        raise ValueError(f"--date-format {date_format!r} has no year (%Y or %y): every date would be read as in "
                         "the year 1900; give the year's directive, or write a date whose year is unknown as EDTF "
                         "(XXXX-04-03)")
    return date_format


def parse_mapping(items: list[str] | None) -> dict[str, str]:
    """``["title=Headline", "start=Date"]`` -> ``{"title": "Headline", "start": "Date"}``.

    Raises
    ------
    ValueError
        An item without ``=``, a field name not in :data:`FIELDS`, a field given twice
        (``start=When``, ``start=Day``), or two mappings in one item (``start=When,title=What``).
    """
    out: dict[str, str] = {}
    for item in items or []:
        if "=" not in item:
            raise ValueError(f"column mapping {item!r} must look like FIELD=COLUMN, e.g. title=Headline")
        fld, col = (part.strip() for part in item.split("=", 1))
        if fld not in FIELDS:
            raise ValueError(f"unknown field {fld!r} in mapping; fields: {', '.join(FIELDS)}")
        parts = [part.strip() for part in col.split(",")]
        if len(parts) > 1 and all(p.split("=", 1)[0].strip() in FIELDS and "=" in p for p in parts[1:]):
            each = " ".join(f"--map {p}" for p in [f"{fld}={parts[0]}", *parts[1:]])
            raise ValueError(f"column mapping {item!r} holds {len(parts)} mappings: give each mapping its own "
                             f"--map: {each}")
        if fld in out and out[fld] != col:
            raise ValueError(f"field {fld} is mapped twice, to {out[fld]!r} and to {col!r}: a field is read "
                             "from one column; keep one --map for it")
        out[fld] = col
    return out


def guess_mapping(header: list[str], given: Mapping[str, str] | None = None) -> dict[str, str]:
    """Which column feeds each field: ``given`` first, then header names (see :data:`FIELDS`).

    Raises
    ------
    ValueError
        A given column is not in the header, or is given for two fields.
    """
    mapping: dict[str, str] = {}
    for fld, col in (given or {}).items():
        if col not in header:
            raise ValueError(f"column {col!r} (mapped to {fld}) is not in the header; columns: {', '.join(header)}")
        other = next((f for f, c in mapping.items() if c == col), None)
        if other is not None:  # start=When, end=When: every row a zero-length span, said nowhere
            raise ValueError(f"column {col!r} is mapped to two fields, {other} and {fld}: a column feeds one "
                             f"field; map {fld} (or {other}) to another column, or leave it out")
        mapping[fld] = col
    used = set(mapping.values())
    normalised = {_norm(h): h for h in header}
    for fld, names in FIELDS.items():
        if fld in mapping:
            continue
        for name in names:
            found = normalised.get(name)
            if found is not None and found not in used:
                mapping[fld] = found
                used.add(found)
                break
    return mapping


_EDTF_START = re.compile(
    r"[\[{]?(?:\.\.)?/?[?~%]?(?:Y-?\d|-?[\dX]{4}(?:$|S\d|[-/?~%,\]}T^\s]|\.\.))")
"""How every EDTF value the ``edtf`` grammar accepts begins: an optional ``[`` or ``{``,
``..`` and ``/`` (open or list starts), a qualifier (``?2004``), then a long year
(``Y-17E7``) or a four-character year (digits or ``X``, maybe negative) followed by its end,
a separator, a qualifier, significant digits or a time.  What does not begin so
(``v5``, ``0.123``, ``1234.5``) is no EDTF date, said without the parser."""


def _reads_as_date(value: str) -> bool:
    value = value.strip()
    if not value or len(value) > 40 or not any(c.isdigit() for c in value):
        return False  # every date form read here has a digit (the EDTF parser is slow to say no)
    try:
        if human_edtf(value) is not None:
            return True
        if not _EDTF_START.match(to_edtf(value)[0]):
            return False  # the EDTF parser takes ~10 ms to say no: 100,000 columns took minutes
        make_date(value)
        return True
    except DateError:
        return False


def _mostly_dates(values: list[str], known: dict[str, bool]) -> bool:
    """At least 80 % of ``values`` read as dates (stops at the first 20 % that do not);
    ``known`` remembers each value's answer (a column of one refused value asks once)."""
    allowed = len(values) // 5
    for v in values:
        is_date = known.get(v)
        if is_date is None:
            is_date = known[v] = _reads_as_date(v)
        if not is_date:
            allowed -= 1
            if allowed < 0:
                return False
    return True


def guess_from_content(header: list[str], rows: list[CsvRow], mapping: dict[str, str], *,
                       sample: int = 200) -> dict[str, str]:
    """Fill the fields that names left without a column from the columns' content.

    Looks at up to ``sample`` rows: a column most of whose non-empty cells
    read as dates (ISO 8601/EDTF or words) feeds ``start``, a second one
    ``end``; the free text column with the longest, most varied values feeds
    ``title`` (a second one ``summary``); a column of a few values each
    repeated (at most 30 and fewer than a third of the rows) feeds ``track``;
    a ``status`` column all of whose cells are review words (``reviewed``,
    ``draft``: :data:`REVIEW_WORDS`) feeds ``review`` instead, when no column does.
    Columns already mapped and unnamed columns (a row index) are left alone.

    Returns
    -------
    dict
        ``mapping`` with the guessed fields added (a new dict).
    """
    out = dict(mapping)
    used = set(out.values())
    free = [h for h in header if h not in used and not h.startswith("(column ")]
    cells = {h: [r.values.get(h, "").strip() for r in rows[:sample]] for h in free}
    filled = {h: [v for v in vs if v] for h, vs in cells.items()}
    wanted = sum(fld not in out for fld in ("start", "end"))
    known: dict[str, bool] = {}
    datey: list[str] = []
    for h in free:  # in header order, only until start and end have theirs
        if len(datey) >= wanted:
            break
        if filled[h] and not all(re.fullmatch(r"-?\d{1,3}", v) for v in filled[h]) \
                and _mostly_dates(filled[h], known):
            datey.append(h)
    for fld in ("start", "end"):
        if fld not in out and datey:
            out[fld] = datey.pop(0)
            used.add(out[fld])
    status = out.get("status")
    if "review" not in out and status is not None:
        words = {" ".join(v.lower().split()) for v in (r.values.get(status, "") for r in rows[:sample])} - {""}
        if words and words <= REVIEW_WORDS:  # a "Status" of reviewed / draft: the review, not planned or not
            out["review"] = out.pop("status")
    texty = [h for h in free if h not in used and filled[h]
             and not all(re.fullmatch(r"[-+]?[\d.,]+", v) for v in filled[h])]
    n = max(1, len(rows[:sample]))
    if "track" not in out:
        for h in texty:
            distinct = set(filled[h])
            if 1 < len(distinct) <= min(30, len(filled[h]) / 2) and len(filled[h]) >= 0.5 * n:
                out["track"] = h
                used.add(h)
                break
    texty = [h for h in texty if h not in used and not all(re.match(r"(https?://|www\.)", v) for v in filled[h])]
    texty.sort(key=lambda h: -(len(set(filled[h])) * sum(map(len, filled[h])) / len(filled[h])))
    for fld in ("title", "summary"):
        if fld not in out and texty:
            out[fld] = texty.pop(0)
            used.add(out[fld])
    if "title" not in out and "summary" in out:  # a description is the only text: it is the title
        out["title"] = out.pop("summary")
    return out


_DIRECTIVE_PRECISION = (("%S", Precision.SECOND), ("%M", Precision.MINUTE), ("%H", Precision.HOUR),
                        ("%I", Precision.HOUR), ("%d", Precision.DAY), ("%j", Precision.DAY),
                        ("%m", Precision.MONTH), ("%b", Precision.MONTH), ("%B", Precision.MONTH),
                        ("%Y", Precision.YEAR))


_SHORT_SIGNED_YEAR = re.compile(r"^([+-])(\d{1,3})$")
"""``-44``, ``+800``: a signed year of one to three digits (EDTF writes four: ``-0044``)."""
_NUMERIC_DATE = re.compile(r"(\d{1,2})([/.\-])(\d{1,2})\2(\d{4})")


def _day_month(message: str) -> bool:
    """A problem about a date written with numbers in day and month order (``24/02/2022``)."""
    return "never guessed" in message or "cannot be a month" in message


def _numeric_orders(values: list[str]) -> list[str]:
    """The formats (``%d/%m/%Y``, ``%m/%d/%Y``, with the cells' separator) that read every
    numeric date among ``values``: both when each fits both, one when a part > 12 rules out the other."""
    found = [m for m in (_NUMERIC_DATE.fullmatch(v.strip()) for v in values) if m]
    if not found:
        return []
    sep = found[0].group(2)
    fits = []
    for fmt in (f"%d{sep}%m{sep}%Y", f"%m{sep}%d{sep}%Y"):
        try:
            for m in found:
                datetime.strptime(m.group(0), fmt)
        except ValueError:
            continue
        fits.append(fmt)
    return fits


def _all_in_format(values: list[str], date_format: str) -> bool:
    """Whether every non-empty value (at least one) reads with ``date_format`` (``strptime``)."""
    seen = False
    for value in values:
        value = value.strip()
        if not value:
            continue
        try:
            datetime.strptime(value, date_format)
        except ValueError:
            return False
        seen = True
    return seen


def date_format_hint(header: list[str], rows: list[CsvRow], fld: str = "start", *, sample: int = 200) -> str:
    """How to read a column of dates written ``24/02/2022`` (which are never guessed), or ``""``.

    The first column all of whose cells are day-month-year or month-day-year
    numbers gives e.g. ``"column 'Day' holds dates like '24/02/2022': read it with
    --map start=Day --date-format %d/%m/%Y"``; both orders are named when every
    cell fits both.
    """
    for h in header:
        values = [v for v in (r.values.get(h, "").strip() for r in rows[:sample]) if v]
        found = [m for m in (_NUMERIC_DATE.match(v) for v in values) if m]
        if not values or len(found) < len(values):  # every cell: a format that breaks ISO dates is no help
            continue
        fits = _numeric_orders([m.group(0) for m in found])
        if fits:
            other = f" (or {fits[1]}: day and month order is never guessed)" if len(fits) == 2 else ""
            return (f"column {h!r} holds dates like {found[0].group(0)!r}: read it with --map {fld}={h} "
                    f"--date-format {fits[0]}{other}")
    return ""


def _reads_written_forms_too(fmt: str) -> bool:
    """Whether a cell that does not match the declared format ``fmt`` is read as it would be without one
    (ISO 8601/EDTF, words: ``2022-02-11`` in a column declared ``%d/%m/%Y``).  Not for a year-day-month
    format (``%Y-%d-%m``), in which ``2022-02-11`` and ``2022-02`` would mean other days."""
    where = {d: fmt.find(d) for d in ("%Y", "%d", "%m")}
    return not (min(where.values()) >= 0 and where["%Y"] < where["%d"] < where["%m"])


_ISO_SHAPED = re.compile(r"[+-]?\d{4}-")
"""A cell that begins as an ISO 8601 date does (``2022-02-30``): its own error says more than the format's."""


class _NotInFormat(DateError):
    """A cell that does not match the declared ``--date-format`` (as opposed to one that matches it
    but names no real moment, such as a time in a daylight-saving gap)."""


def _declared_date(text: str, fmt: str, zone: str) -> EventDate:
    try:
        value = datetime.strptime(text.strip(), fmt)
    except ValueError as exc:
        raise _NotInFormat(f"{text.strip()!r} does not match the declared date format {fmt!r} ({exc})") from None
    precision = next((p for d, p in _DIRECTIVE_PRECISION if d in fmt), Precision.DAY)
    edtf = {Precision.YEAR: f"{value.year:04d}", Precision.MONTH: f"{value.year:04d}-{value.month:02d}"}.get(
        precision, value.strftime("%Y-%m-%d"))
    if precision > Precision.DAY:
        offset = value.strftime("%z")
        edtf += value.strftime("T%H:%M:%S") + (f"{offset[:3]}:{offset[3:]}" if offset else "")
    return EventDate(edtf, text.strip(), f"declared date format {fmt}",
                     time_zone=zone if precision > Precision.DAY and "%z" not in fmt else None,
                     precision_override=precision if precision in (Precision.HOUR, Precision.MINUTE) else None)


def read_csv_report(
    path: str | os.PathLike[str],
    *,
    mapping: Mapping[str, str] | None = None,
    date_format: str | None = None,
    time_zone: str | None = None,
    delimiter: str | None = None,
    guess_content: bool = True,
) -> ReadReport:
    """Read a CSV/TSV of events.

    Parameters
    ----------
    path : str or os.PathLike
    mapping : mapping, optional
        Field -> column name (``--map``); it overrides only the fields it names: the
        others are found by header name, then by content, as without one (a mapped
        column is not guessed for another field).
    date_format : str, optional
        A :func:`datetime.strptime` format for dates that are not ISO 8601/EDTF (tried first;
        a cell it does not read is read as ISO 8601/EDTF or words, as without it).
    time_zone : str, optional
        IANA zone of times of day written without an offset; without one they are read as
        UTC, each such date's basis says so and one note says how many (:class:`AssumedZone`).
    delimiter : str, optional
        Forces the delimiter (default: tab for ``.tsv``, else guessed from the header).
    guess_content : bool
        False: fields neither mapped nor named by a header stay without a column
        (the import dialog's choice of every column's role is the whole choice).

    Returns
    -------
    ReadReport
        Rows with a bad date or end before start are in ``skipped``; the rest load.

    Raises
    ------
    TimelineLoadError
        Unreadable file, no column for title or start, a mapped column that
        is not in the header, or no row loadable.
    """
    file, text = load_text(path)
    header, rows, problems = read_csv_rows(text, file, delimiter=delimiter)
    if not rows and not problems:  # a header alone: "valid" would hide that nothing is in it
        raise TimelineLoadError([Problem(
            file, f"the file has a header line ({first_of(header, 10, 40)}) but no rows: no events to show; "
            "expected one row per event after the header", 1)])
    return rows_report(file, header, rows, problems, mapping=mapping, date_format=date_format, time_zone=time_zone,
                       guess_content=guess_content)


def rows_report(file: str, header: list[str], rows: list[CsvRow], problems: list[Problem], *,
                mapping: Mapping[str, str] | None = None, date_format: str | None = None,
                time_zone: str | None = None, title: str | None = None, guess_content: bool = True) -> ReadReport:
    """The events of table rows (:class:`~viewer.io.common.CsvRow`: cells as text by column name),
    by the rules of :func:`read_csv_report`; also what :mod:`viewer.io.frames` reads a data frame with.

    Raises
    ------
    TimelineLoadError
        As :func:`read_csv_report` (``file`` names the table).
    """
    zones = AssumedZone(given=time_zone is not None)
    time_zone = time_zone or "UTC"
    try:
        cols = guess_mapping(header, mapping)
        if date_format:
            check_date_format(date_format)
    except ValueError as exc:
        raise TimelineLoadError([Problem(file, str(exc), 1)]) from None
    # a mapping given (--map, a frame's) is the user's word for the fields it names; the others are guessed
    # as without one (its columns are not guessed again); the import dialog's choice of every column is whole
    base, fits = cols, []
    if "start" not in cols and date_format and guess_content:
        # --date-format given but no start named: the one column whose dates are all in that format
        fits = [name for name in header if name not in cols.values()
                and _all_in_format([r.values.get(name, "") for r in rows[:200]], date_format)]
        if len(fits) == 1:
            base = {**cols, "start": fits[0]}
    guessed = guess_from_content(header, rows, base) if guess_content else cols
    content_guesses = {f: c for f, c in guessed.items() if f not in cols}
    cols = guessed
    missing = [f for f in ("title", "start") if f not in cols]
    if missing:
        hint = date_format_hint(header, rows) if "start" in missing and not date_format else ""
        if "start" in missing and len(fits) > 1:
            hint = (f"columns {', '.join(repr(f) for f in fits)} all hold dates in {date_format}: "
                    "choose the start with --map start=COLUMN")
        raise TimelineLoadError([Problem(
            file, f"no column for {' and '.join(missing)}: name columns e.g. 'title' and 'start' (or 'date'), "
            f"or map them with --map {missing[0]}=COLUMN; columns found: {first_of(header, 40, 40)}"
            + (f"; {hint}" if hint else ""), 1)])
    b = TimelineBuilder(file, title if title is not None else os.path.splitext(os.path.basename(file))[0])
    warned, cut = split_csv_problems(problems)
    b.warnings.extend(warned)
    b.skipped.extend(cut)
    for fld, col in content_guesses.items():
        b.notes.append(Problem(file, f"column {col!r} read as {fld} from its content (map another with "
                               f"--map {fld}=COLUMN)", 1, None, f"column {col!r}"))
    free = [f for f in FIELDS if f not in cols]
    for name in header:
        if name not in cols.values():
            b.warn(_unmapped_column(name, free), 1, f"column {name!r}")

    def cell(row: CsvRow, fld: str) -> str:
        col = cols.get(fld)
        return unescape_formula(row.values.get(col, "").strip()) if col else ""

    def date_of(row: CsvRow, fld: str) -> EventDate | None:
        """The cell's date; a CSV has no field for the mark of an edit by hand, so its basis's
        words say it (:func:`~viewer.model.date_edit.worded_hand_edit`), as :func:`csv_text` writes them."""
        date = cell_date(row, fld)
        if date is not None and date.basis and date.hand_edit is None:
            mark = worded_hand_edit(date.basis)
            if mark is not None:
                date = replace(date, hand_edit=mark)
        return date

    def cell_date(row: CsvRow, fld: str) -> EventDate | None:
        value = cell(row, fld)
        if not value:
            return None
        if is_open_word(value) and value != "..":  # ".." is EDTF's own open end: read with its phrase
            if is_ongoing_word(value) and fld == "start":  # "now" is when it ends, never when it began
                raise DateError(f"start {value!r} (column {cols['start']!r}): a start needs a date; {value!r} "
                                "is read only as an open end (still going on)")
            if is_ongoing_word(value):  # stated: the source says it goes on (as of when it was written)
                return EventDate("..", value, f"{value!r} read as ongoing (as of the source): no end date")
            return EventDate("..", value, f"{value!r} read as not stated (open)")
        if not date_format:
            return written_date(value, fld, row)
        try:
            return _declared_date(value, date_format, time_zone)
        except DateError as declared:
            if not isinstance(declared, _NotInFormat) or not _reads_written_forms_too(date_format):
                raise  # (a cell in the format whose time does not exist: its own reason, nothing more)
            try:  # ISO 8601/EDTF (the project's own form) and words read as without the option
                return written_date(value, fld, row)
            except DateError:
                if _ISO_SHAPED.match(value):
                    raise
                raise DateError(f"{declared}, nor is it an ISO 8601/EDTF date (2022-02-10) or a date in "
                                "words") from None

    def written_date(value: str, fld: str, row: CsvRow) -> EventDate:
        """A cell read without a declared format: a short signed year, ISO 8601/EDTF or words."""
        short = _SHORT_SIGNED_YEAR.match(value)
        if short:  # -44: a signed year of 1-3 digits, read as -10000 is (astronomical numbering), and said so
            year = int(short.group(1) + short.group(2))
            date = EventDate(f"-{-year:04d}" if year < 0 else f"{year:04d}", cell(row, f"{fld}_phrase"),
                             cell(row, f"{fld}_basis"), time_zone)
            _note_year(value, year, "an ISO 8601 signed year", fld, row)
            return date
        try:
            date, note = make_date(value, phrase=cell(row, f"{fld}_phrase"), basis=cell(row, f"{fld}_basis"),
                                   time_zone=time_zone)
        except DateError:
            human = human_date(value)
            if human is None:
                raise
            return human
        if note:
            b.warn(f"{fld}: {note}", row.line, row.where(cols[fld]))
        elif date.edtf.startswith("Y") and not value.lstrip("+-").upper().startswith("Y"):
            _note_far_year(value, date, fld, row)
        return date

    def _note_far_year(value: str, date: EventDate, fld: str, row: CsvRow) -> None:
        """Say how a bare signed number of five or more digits (``-10000``: an ISO 8601
        expanded year) was read: as a year, which a count or an amount in the wrong column is not."""
        try:
            year = int(date.edtf[1:])  # Y-10000: a year alone (a month or day dropped is a warning instead)
        except ValueError:
            return
        _note_year(value, year, "an ISO 8601 expanded year", fld, row)

    def _note_year(value: str, year: int, form: str, fld: str, row: CsvRow) -> None:
        astronomical = ", in which year 0 is 1 BCE" if year <= 0 else ""
        b.notes.append(Problem(file, f"{fld}: {value!r} read as the year {year} ({format_year(year)}; {form}, "
                               f"astronomical numbering{astronomical}); if it is not a date, map another column "
                               f"with --map {fld}=COLUMN", row.line, None, row.where(cols[fld])))

    # one outlet, one source: a row naming "Local Gazette" without a URL cites the Local Gazette that
    # another row gives the URL of, when the file gives that outlet one URL only (two URLs: two sources,
    # and a row without one cannot say which it means)
    urls_of: dict[str, set[str]] = {}
    for row in rows:
        names = [s.strip() for s in cell(row, "sources").split(";") if s.strip()]
        if len(names) == 1 and cell(row, "url"):
            urls_of.setdefault(names[0], set()).add(cell(row, "url"))
    outlet_url = {name: next(iter(urls)) for name, urls in urls_of.items() if len(urls) == 1}

    read_reported: list[int] = []  # lines of quotes read as reported speech for want of a kind or marks

    def quote_of(row: CsvRow) -> tuple[str, QuoteKind]:
        """The quote's text and kind: as its ``quote_kind`` cell says, else direct only when the
        cell is wrapped in quotation marks (removed once), else reported speech (counted)."""
        text = cell(row, "quote")
        inner = unwrapped_quote(text)
        said = cell(row, "quote_kind")
        kind = QUOTE_KINDS.get(_norm(said)) if said else None
        if said and kind is None:
            b.warn(f"quote kind {said!r} is not one of direct, quotation, reported, reported speech or "
                   "paraphrase; the quote is read by its quotation marks instead", row.line,
                   row.where(cols["quote_kind"]))
        if kind is None:
            if inner is not None:
                return inner, QuoteKind.DIRECT
            read_reported.append(row.line)
            return text, QuoteKind.REPORTED
        if kind is QuoteKind.REPORTED and inner is not None:  # contradictory: kept as written, said so
            b.warn(f"quote {text[:60]!r} is in quotation marks but its quote_kind {said!r} says "
                   "reported speech (the writer's wording, never in quotation marks): read as reported speech "
                   "with the marks kept as written; set quote_kind to direct if these are the speaker's own words",
                   row.line, row.where(cols["quote"]))
        return (inner if inner is not None and kind is QuoteKind.DIRECT else text), kind

    quote_lines = [row.line for row in rows if cell(row, "quotes")]
    if quote_lines and "quote" in cols:  # our own files: the first quote of each row is in 'quote'
        beyond = [(row.line, cell(row, "quotes").count("\n")) for row in rows
                  if cell(row, "quote") and "\n" in cell(row, "quotes")]
        quote_lines = [row.line for row in rows if cell(row, "quotes") and not cell(row, "quote")]
        if beyond:
            n = sum(k for _, k in beyond)
            b.warn(f"column {cols['quotes']!r} holds {n} quote{'' if n == 1 else 's'} beyond the one in column "
                   f"{cols['quote']!r} of their row (as text for people, without speaker, kind and source "
                   "fields): not read back as quotes (the native format keeps every quote)", beyond[0][0],
                   f"column {cols['quotes']!r}")
    if quote_lines:  # text for people (quote_sentence): who said it and how cannot be read back honestly
        rows_text = f"{len(quote_lines)} row{'' if len(quote_lines) == 1 else 's'} with text"
        b.warn(f"column {cols['quotes']!r} ({rows_text}) is not read back into quotes: it is quotes written "
               "as text for people, without their speaker, role and source fields; not loaded "
               "(the native format keeps quotes; map a verbatim column with --map quote=COLUMN)",
               quote_lines[0], f"column {cols['quotes']!r}")
    for row in rows:
        where = row.where()
        fld = "start"
        try:
            if not cell(row, "start"):
                raise DateError(f"the start date (column {cols['start']!r}) is empty")
            start = date_of(row, "start")
            fld = "end"
            end = date_of(row, "end")
        except DateError as exc:
            b.skip(str(exc), row.line, row.where(cols[fld]))
            continue
        assert start is not None
        kind_text = cell(row, "kind").lower()
        if kind_text and kind_text not in ("point", "span", "band"):
            b.skip(f"kind {cell(row, 'kind')!r} is not point, span or band", row.line, row.where(cols["kind"]))
            continue
        kind = EventKind(kind_text) if kind_text else (EventKind.POINT if end is None else EventKind.SPAN)
        if kind is EventKind.POINT and end is not None:
            b.skip("a point has no end (kind 'point' with an end date)", row.line, where)
            continue
        if kind is not EventKind.POINT and end is None:
            end = EventDate("..", "", "no end given (open)")
        if (start.is_open or (end is not None and end.is_open)) and kind is EventKind.POINT:
            b.skip("'..' (open) is only allowed as a span's start or end", row.line, where)
            continue
        if end is not None and end_before_start(start, end):
            b.skip(f"end ({end.describe()}) is before start ({start.describe()})", row.line, where)
            continue
        title = cell(row, "title") or "(no title)"
        if cell(row, "track"):
            track = b.track(cell(row, "track"))
        else:
            track = "" if kind is EventKind.BAND else b.ungrouped_track()
        url = cell(row, "url")
        source_names = [s.strip() for s in cell(row, "sources").split(";") if s.strip()]
        if url and not source_names:
            source_names = [url]
        sources = tuple(b.source(s, url=url if len(source_names) == 1 else "", kind=SourceKind.OTHER)
                        if url and len(source_names) == 1 else
                        b.source(s, url=outlet_url.get(s, ""), kind=SourceKind.OTHER)
                        for s in source_names)
        eid = b.event_id(cell(row, "id"), row.line, where, f"row-{row.number}")
        quotes: tuple[Quote, ...] = ()
        if cell(row, "quote"):
            quote_text, quote_kind = quote_of(row)
            quotes = (Quote(quote_text, cell(row, "speaker"), "", sources[0] if sources else "",
                            kind=quote_kind),)
        if cell(row, "speaker") and not quotes:
            b.warn(f"speaker {cell(row, 'speaker')!r} without a quote; not loaded", row.line,
                   row.where(cols["speaker"]))
        status = " ".join(cell(row, "status").lower().split())
        status_tag: tuple[str, ...] = ()
        if status in PLANNED_STATUS:
            status = "planned"
        elif status not in ("", "happened"):  # cancelled, postponed...: never made a fact without a word
            # the file's own word kept as a tag, shown in the detail pane and found by search and filters
            status_tag = (f"status: {' '.join(cell(row, 'status').split())[:60]}",)
            # what was done, nothing lost: a note ("read as"), not a field it could not map
            b.notes.append(Problem(
                file, f"status {cell(row, 'status')!r} (column {cols['status']!r}) is not one of happened, "
                f"planned, {', '.join(sorted(PLANNED_STATUS - {'planned'}))}: drawn as planned (never as having "
                f"happened), the word kept as the tag {status_tag[0]!r}; check the event", row.line, None,
                row.where(cols["status"])))
            status = "planned"
        review = _review_word(cell(row, "review"), cols.get("review", ""))
        draft = None
        if review not in REVIEWED:  # never read back as a reviewed fact: only the words that say so
            draft = Draft(cell(row, "draft_sentence"), article=cell(row, "draft_article"))
            if review not in (DRAFT_REVIEW, "draft"):  # "needs review", "unreviewed", "great"...
                b.warn(f"review {cell(row, 'review')[:60]!r} (column {cols['review']!r}) is not one of "
                       f"{', '.join(repr(w) for w in sorted(REVIEWED - {''}))}, empty (reviewed) or "
                       f"{DRAFT_REVIEW!r}: read as an unreviewed draft (not shown as a reviewed fact); write "
                       "'reviewed' or leave the cell empty if the row was reviewed", row.line,
                       row.where(cols["review"]))
        if draft is None and (cell(row, "draft_sentence") or cell(row, "draft_article")):
            fld = "draft_sentence" if cell(row, "draft_sentence") else "draft_article"
            b.warn(f"{fld} {cell(row, fld)[:60]!r} (column {cols[fld]!r}) is given but the row's review cell "
                   f"is {cell(row, 'review')[:40]!r}, not {DRAFT_REVIEW!r}: the event is read as reviewed and the "
                   f"draft's sentence and article are not loaded (write {DRAFT_REVIEW!r} in the review column "
                   "to read it as a draft)", row.line, row.where(cols[fld]))
        start = zones.date(start, f"column {cols['start']!r}")
        end = zones.date(end, f"column {cols['end']!r}") if end is not None else None
        b.add(Event(eid, title, start, track, kind, end, cell(row, "summary"),
                    tuple(a.strip() for a in cell(row, "actors").split(";") if a.strip()), cell(row, "location"),
                    tuple(t.strip() for t in cell(row, "tags").split(";") if t.strip()) + status_tag, quotes,
                    sources,
                    draft=draft, planned=status == "planned"))
    zone_note = zones.note(file)
    if zone_note is not None:
        b.notes.append(zone_note)
    if read_reported:
        n = len(read_reported)
        b.notes.append(Problem(
            file, f"{n:,} quote{'' if n == 1 else 's'} (column {cols['quote']!r}) read as reported speech, not "
            "direct quotation: not in quotation marks, and no quote_kind says direct; to show a quote as the "
            "speaker's own words, wrap the cell in quotation marks or add a quote_kind column (direct or "
            "reported; --map quote_kind=COLUMN)",
            read_reported[0], None, f"column {cols['quote']!r}"))
    if not date_format and any(_day_month(p.message) for p in b.skipped):  # 24/02/2022: say how to read it
        for fld in ("start", "end"):
            hint = date_format_hint([cols[fld]], rows, fld) if fld in cols else ""
            if hint:
                b.warn(f"rows skipped for dates in day and month order: {hint}", 1, f"column {cols[fld]!r}")
                break
        else:  # the column mixes 03/04/2023 with other forms, which a --date-format still reads as written
            fld = next((f for f in ("start", "end") if f in cols and any(
                _NUMERIC_DATE.match(cell(r, f)) for r in rows)), "")
            other = next((v for v in (cell(r, fld) for r in rows)
                          if v and not _NUMERIC_DATE.match(v) and not is_open_word(v)), "") if fld else ""
            if other:  # said on each such row: the row is what is listed
                fits = _numeric_orders([cell(r, fld) for r in rows]) or ["%d/%m/%Y", "%m/%d/%Y"]
                orders = f" (or {fits[1]}, whichever the source means)" if len(fits) == 2 else ""
                why = (f"; --map {fld}={cols[fld]} --date-format {fits[0]}{orders} reads it (the column's dates "
                       f"in other forms, e.g. {other!r}, are still read as written)")
                b.skipped = [replace(p, message=p.message + why) if _day_month(p.message) else p
                             for p in b.skipped]
    return b.report()


REVIEWED = frozenset(("", "reviewed", "accepted"))
"""``review`` cells (lower case, spaces folded) read as a reviewed event: empty, as the writer writes one, and the
words that can only mean reviewed; any other value is read as an unreviewed draft with a warning."""

REVIEW_WORDS = frozenset(("reviewed", "accepted", "draft", "unreviewed draft", "unreviewed", "not reviewed",
                          "needs review", "to review", "in review"))
"""Cells that make a ``status`` column the review column (:func:`guess_from_content`)."""

_YES = frozenset(("yes", "y", "true", "1", "x", "✓", "✔"))
_NO = frozenset(("no", "n", "false", "0"))


def _review_word(value: str, column: str) -> str:
    """The review cell ``value`` (lower case, spaces folded) as the ``review`` column says it,
    for a yes/no column named so: in a ``reviewed`` column yes is ``"reviewed"`` and no or
    empty ``"draft"`` (nothing says it was reviewed); in a ``draft`` / ``is draft`` column yes
    is ``"draft"`` and no ``"reviewed"``.  Any other column or word is returned as it is."""
    word = " ".join(value.lower().split())
    name = _norm(column)
    if name == "reviewed":
        return "reviewed" if word in _YES or word in REVIEWED - {""} else (
            "draft" if word in _NO or not word else word)
    if name in ("draft", "isdraft"):
        return "draft" if word in _YES else ("reviewed" if word in _NO else word)
    return word


PLANNED_STATUS = frozenset(("planned", "expected", "scheduled", "tentative", "announced"))
"""``status`` cells (case ignored) read as planned: the event is still to happen, never a fact."""

QUOTE_KINDS: dict[str, QuoteKind] = {
    **dict.fromkeys(("direct", "quotation", "directquote", "directquotation", "directspeech", "verbatim",
                     "quote"), QuoteKind.DIRECT),
    **dict.fromkeys(("reported", "reportedspeech", "paraphrase", "paraphrased", "indirect", "indirectspeech"),
                    QuoteKind.REPORTED),
}
"""Words of a ``quote_kind`` cell (case, spaces, ``_`` and ``-`` ignored) -> the quote's kind."""

_QUOTE_MARKS = (('"', '"'), ("“", "”"), ("„", "“"), ("„", "”"), ("”", "”"), ("«", "»"), ("»", "«"),
                ("‘", "’"), ("‚", "‘"), ("‚", "’"), ("「", "」"), ("『", "』"))
"""Opening and closing quotation marks a cell may be wrapped in (English, German, Swedish,
French, Danish, typographic single, CJK).  ASCII apostrophes (``'we go'``) are not among them:
they are apostrophes and spreadsheet escapes as often as quotation marks, and a direct
quotation is never guessed from them."""


def unwrapped_quote(text: str) -> str | None:
    """The text inside the quotation marks ``text`` is wrapped in (``“We will fight”`` ->
    ``We will fight``), or None when it is not one quotation: no marks, marks at one end only,
    or marks inside too (``"We will," he said, "fight"``: words of the writer between quotations)."""
    text = text.strip()
    for first, last in _QUOTE_MARKS:
        if len(text) > 2 and text.startswith(first) and text.endswith(last):
            inner = text[len(first):-len(last)]
            if not inner.strip():
                return None
            if first in ("'", "‘", "‚"):  # single marks: ’ and ' inside are apostrophes (won’t) unless
                # a mark opens a word after a space (' he said, 'fight')
                if re.search(rf"\s[{re.escape(first)}]\S", inner) or first != last and first in inner:
                    return None
            elif first in inner or last in inner:
                return None
            return inner.strip()
    return None


def read_csv(path: str | os.PathLike[str]) -> Timeline:
    """The timeline of a CSV/TSV with guessed columns (see :func:`read_csv_report`)."""
    return read_csv_report(path).timeline


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _formula(text: str) -> bool:
    """Whether a spreadsheet would run ``text`` (its leading apostrophes removed) as a
    formula: a trigger first, or after leading whitespace (OWASP "CSV Injection")."""
    return text.startswith(_FORMULA_START) or text.lstrip().startswith(_FORMULA_START[:4])


def escape_formula(text: str) -> str:
    """``text`` made inert for spreadsheets: one more leading ``'`` when it
    starts with a formula trigger (``= + - @``, tab, CR, or whitespace then
    ``= + - @``), possibly after apostrophes, per OWASP "CSV Injection"; else unchanged.  The extra
    apostrophe for ``'=...`` keeps :func:`unescape_formula` exact."""
    return "'" + text if _formula(text.lstrip("'")) else text


def unescape_formula(text: str) -> str:
    """Inverse of :func:`escape_formula` for text read back from a CSV cell."""
    return text[1:] if text.startswith("'") and _formula(text.lstrip("'")) else text


def _first_quote(e: Event) -> tuple[str, str, str]:
    """The ``quote``, ``speaker`` and ``quote_kind`` cells of an event: its first quote, so it reads
    back as the same words with the same kind (a direct quote whose own text is wrapped in quotation
    marks gets one more pair, which the reader removes, so its marks survive)."""
    if not e.quotes:
        return "", "", ""
    q = e.quotes[0]
    text = q.text
    if q.kind is QuoteKind.DIRECT and unwrapped_quote(text) is not None and '"' not in text:
        text = f'"{text}"'
    return text, q.speaker, QuoteKind(q.kind).value


def csv_text(timeline: Timeline, *, delimiter: str = ",") -> str:
    """The CSV text of a timeline (header :data:`WRITE_COLUMNS`, one row per event).

    ``track`` holds the track's label; ``sources`` the outlets, ``;``-separated;
    ``url`` the first source url that is an http or https link; ``quotes``
    the quotes as text, one a line (:func:`viewer.model.quoting.quote_sentence`:
    reported speech is never put in quotation marks).  Source details are not
    written (use the native format to keep everything).
    """
    labels = {t.id: t.label for t in timeline.tracks}
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(WRITE_COLUMNS)
    for e in timeline.events:
        sources = timeline.sources_of(e)
        text = [
            e.id, labels.get(e.track, e.track), EventKind(e.kind).value, e.title, _written_date(e.start)[0],
            _written_date(e.end)[0], e.summary, e.location, "; ".join(e.actors),
            "; ".join(e.tags), "; ".join(s.outlet for s in sources),
            next((u for u in map(web_url, (s.url for s in sources)) if u), ""),
            e.start.phrase, basis_cell(e.start), e.end.phrase if e.end else "", basis_cell(e.end),
            *_first_quote(e),
            "\n".join(quote_sentence(q) for q in e.quotes),
            "planned" if timeline.is_planned(e) else "happened",
            DRAFT_REVIEW if e.draft is not None else "",
            e.draft.sentence if e.draft is not None else "", e.draft.article if e.draft is not None else "",
        ]
        writer.writerow([v if k in (4, 5) else escape_formula(v) for k, v in enumerate(text)])
    return buf.getvalue()


_NAIVE_TIME = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}")


def basis_cell(date: EventDate | None) -> str:
    """The basis as a CSV (or a data frame, :mod:`viewer.io.frames`) writes it: a date edited by hand whose basis
    no longer says so (the user reworded it) is said to be, in the words it is read by (no field for the mark):
    ``"Edited by hand on 2026-12-08, from 2022-02-10: I checked ..."``."""
    if date is None:
        return ""
    mark = date.hand_edit
    if mark is None or worded_hand_edit(date.basis) is not None:
        return date.basis
    on = f" on {mark.on}" if mark.on else ""
    head = f"Edited by hand{on}" + (f", from {mark.former}" if mark.former else "")
    return f"{head}: {date.basis}" if date.basis else f"{head}."


def _written_date(date: EventDate | None) -> tuple[str, str | None]:
    """``(cell, zone)``: the EDTF a CSV cell holds for ``date``, and the zone name it drops.

    A time of day written without an offset (``2022-02-10T06:00:00``, placed in its
    event's or timeline's zone, ``Europe/Minsk``) is written with the UTC offset it has
    on the timeline (``2022-02-10T06:00:00+03:00``; ``Z`` for UTC): bare, a reader takes
    it as UTC (this viewer does unless ``--time-zone`` is given) and moves it by hours.
    The zone's name is what the offset cannot hold (returned, for the loss list).
    """
    if date is None:
        return "", None
    value = date.edtf
    if not _NAIVE_TIME.fullmatch(value) or not math.isfinite(date.earliest):
        return value, None
    wall = datetime.fromisoformat(value).replace(tzinfo=timezone.utc).timestamp()
    offset = int(round(wall - date.earliest))
    if offset % 60 or abs(offset) >= 86400:
        return value, None  # not a zone's offset: left as written
    if offset == 0:
        return value + "Z", (date.time_zone if date.time_zone not in (None, "UTC", "Etc/UTC") else None)
    sign, offset = ("+" if offset > 0 else "-"), abs(offset)
    return f"{value}{sign}{offset // 3600:02d}:{offset % 3600 // 60:02d}", date.time_zone or "the timeline's zone"


def write_csv(timeline: Timeline, path: str | os.PathLike[str]) -> list[str]:
    """Write a timeline as CSV (UTF-8, CRLF rows per RFC 4180; TSV for ``.tsv``), atomically.

    Returns
    -------
    list of str
        The kinds of detail a CSV row cannot hold (quotes, stories, source
        kinds and relays; :func:`format_losses`) and the source links not
        written (not http or https: :func:`viewer.io.urls.dropped_urls`);
        dates keep their EDTF.

    Raises
    ------
    OSError
        The file cannot be written (the destination is unchanged).
    """
    delimiter = "\t" if os.fspath(path).lower().endswith(".tsv") else ","
    write_text_atomic(path, csv_text(timeline, delimiter=delimiter))
    offsets = any(e.draft is not None and e.draft.offsets not in (None, (0, 0)) for e in timeline.events)
    losses = format_losses(timeline, "CSV", quotes="as text in the 'quotes' column", source_details=True,
                           reference_date=True,
                           # the title a CSV file reads back with is its name: lost only when it is another
                           timeline_fields=(("title",) if timeline.title != os.path.splitext(os.path.basename(
                               os.fspath(path)))[0] else ()) + ("description", "home", "time_zone", "track_colours"),
                           source_fields=("kind", "title", "author", "published", "links_alone"))
    n_quotes = sum(len(e.quotes) for e in timeline.events)
    if n_quotes:  # the first quote of each event reads back (quote, speaker, quote_kind); the rest are text
        losses = [line for line in losses if not line.startswith(f"{counted(n_quotes, 'quote')}:")]
        firsts = [e for e in timeline.events if e.quotes]
        beyond = n_quotes - len(firsts)
        moved = sum(1 for e in firsts if e.quotes[0].source and e.quotes[0].source != (e.sources or ("",))[0])
        lost = "speaker role, attribution, credibility and offsets lost"
        if moved:
            lost += f"; {moved} of them read back citing their event's first source, not their own"
        line = (f"{n_quotes} quote{'' if n_quotes == 1 else 's'}: the first of each event ({len(firsts)}) in the "
                f"'quote', 'speaker' and 'quote_kind' columns, read back with its words, speaker and kind ({lost})")
        if beyond:
            line += (f"; {beyond} quote{'' if beyond == 1 else 's'} beyond the first of their event kept only as "
                     "text in the 'quotes' column (not read back as quotes)")
        losses.append(line)
    zones = sorted({z for e in timeline.events for d in (e.start, e.end) for z in [_written_date(d)[1]] if z})
    if zones:
        n = sum(1 for e in timeline.events for d in (e.start, e.end) if _written_date(d)[1])
        losses.append(f"{n} time{'' if n == 1 else 's'} of day written with {'its' if n == 1 else 'their'} UTC "
                      f"offset ('2022-02-10T06:00:00+03:00'), the moment kept; the time zone's name "
                      f"({', '.join(zones)}) is not: read back, they are shown at that offset, and a zone's "
                      "other offsets (summer time) are not known")
    coarse = [e.id for e in timeline.events for d in (e.start, e.end)
              if d is not None and d.precision_override is not None and Precision.DAY < d.precision < Precision.SECOND]
    if coarse:
        losses.append(f"{len(coarse)} time{'' if len(coarse) == 1 else 's'} of day known only to the hour or "
                      f"minute (event {', '.join(repr(i) for i in dict.fromkeys(coarse))}): written as hh:mm:ss "
                      "(EDTF has no shorter time), read back as known to the second")
    quoting = [f"event {e.id!r} ({side})" for e in timeline.events for side, d in (("start", e.start), ("end", e.end))
               if d is not None and d.hand_edit is None and d.basis and worded_hand_edit(d.basis) is not None]
    if quoting:  # only words in a file that marks its edits: a CSV has no field for the mark
        losses.append(f"{len(quoting)} date{'' if len(quoting) == 1 else 's'} not edited by hand whose basis has the "
                      f"words of an edit by hand ({', '.join(quoting[:5])}{', …' if len(quoting) > 5 else ''}): "
                      "a CSV has no field for the mark, so they read back as edited by hand")
    return (losses
            + draft_losses(timeline, "CSV", f"marked {DRAFT_REVIEW!r} in the 'review' column, sentence and article "
                           "in 'draft_sentence' and 'draft_article' (read back as drafts)",
                           "character offsets of the sentence in the article" if offsets else "")
            + dropped_urls(timeline, "CSV")
            + planned_end_losses(timeline, "CSV", "its row says status 'happened' from start to the announced end",
                                 item="its row", edtf_kept=True, said="the row's status is 'happened'"))
