"""Generic CSV/TSV of events: reader (column mapping given or guessed) and writer.

One row per event.  The columns that feed each field are given by a mapping
(``{"title": "Headline", "start": "Date"}``, from ``--map title=Headline``)
or guessed from the header names (case, spaces and underscores ignored):

==========  ============================================================
field       header names recognised
==========  ============================================================
id          id, event_id, uid, unique_id
title       title, headline, name, event
start       start, start_date, date, begin, from, when
end         end, end_date, finish, until, to
track       track, group, lane, category
kind        kind (point, span, band)
summary     summary, description, notes, text, details
location    location, place
actors      actors (``;``-separated)
tags        tags (``;``-separated)
sources     sources, source (``;``-separated outlet names)
url         url, link
phrases     start_phrase, start_basis, end_phrase, end_basis
==========  ============================================================

Dates are ISO 8601 or EDTF (``2022-02-10``, ``2022-02-10T14:00:00Z``,
``2022-02``, ``[..2022-02-10]``); day/month order is never guessed
(``03/04/2022`` is refused) unless a ``date_format`` is declared
(``%d/%m/%Y``, Python's :func:`datetime.strptime` directives; its finest
directive sets the precision).  Columns not mapped are listed once as
warnings; a bad row is listed and skipped, the other rows load.

The writer writes exactly these columns (``id, track, kind, title, start,
end, summary, location, actors, tags, sources, url, start_phrase,
start_basis, end_phrase, end_basis, quotes``), so its files read back.
``quotes`` is for people: one quote a line, direct speech in quotation marks
with its speaker, reported speech attributed and never in quotation marks
(:func:`viewer.model.quoting.quote_sentence`); the reader does not turn it
back into quotes (the native format keeps them).  A text cell
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
import os
import re
from collections.abc import Mapping
from datetime import datetime

from viewer.model.dates import EventDate, Precision
from viewer.model.errors import DateError, Problem, TimelineLoadError
from viewer.model.quoting import quote_sentence
from viewer.model.timeline import Event, EventKind, SourceKind, Timeline

from .atomic import write_text_atomic
from .common import (
    CsvRow,
    ReadReport,
    TimelineBuilder,
    end_before_start,
    format_losses,
    load_text,
    make_date,
    read_csv_rows,
)
from .urls import dropped_urls, web_url

__all__ = ["FIELDS", "guess_mapping", "read_csv", "read_csv_report", "write_csv", "csv_text", "parse_mapping",
           "escape_formula", "unescape_formula"]

FIELDS: dict[str, tuple[str, ...]] = {
    "id": ("id", "eventid", "uid", "uniqueid"),
    "title": ("title", "headline", "name", "event"),
    "start": ("start", "startdate", "date", "begin", "from", "when"),
    "end": ("end", "enddate", "finish", "until", "to"),
    "track": ("track", "group", "lane", "category"),
    "kind": ("kind",),
    "summary": ("summary", "description", "notes", "text", "details"),
    "location": ("location", "place"),
    "actors": ("actors",),
    "tags": ("tags",),
    "sources": ("sources", "source"),
    "url": ("url", "link"),
    "start_phrase": ("startphrase",),
    "start_basis": ("startbasis",),
    "end_phrase": ("endphrase",),
    "end_basis": ("endbasis",),
    "quotes": ("quotes",),
}
"""Model field -> normalised header names that feed it (first match wins)."""

WRITE_COLUMNS = ("id", "track", "kind", "title", "start", "end", "summary", "location", "actors", "tags",
                 "sources", "url", "start_phrase", "start_basis", "end_phrase", "end_basis", "quotes")


def _norm(name: str) -> str:
    return re.sub(r"[\s_\-]+", "", name.strip().lower())


def parse_mapping(items: list[str] | None) -> dict[str, str]:
    """``["title=Headline", "start=Date"]`` -> ``{"title": "Headline", "start": "Date"}``.

    Raises
    ------
    ValueError
        An item without ``=``, or a field name not in :data:`FIELDS`.
    """
    out: dict[str, str] = {}
    for item in items or []:
        if "=" not in item:
            raise ValueError(f"column mapping {item!r} must look like FIELD=COLUMN, e.g. title=Headline")
        fld, col = (part.strip() for part in item.split("=", 1))
        if fld not in FIELDS:
            raise ValueError(f"unknown field {fld!r} in mapping; fields: {', '.join(FIELDS)}")
        out[fld] = col
    return out


def guess_mapping(header: list[str], given: Mapping[str, str] | None = None) -> dict[str, str]:
    """Which column feeds each field: ``given`` first, then header names (see :data:`FIELDS`).

    Raises
    ------
    ValueError
        A given column is not in the header.
    """
    mapping: dict[str, str] = {}
    for fld, col in (given or {}).items():
        if col not in header:
            raise ValueError(f"column {col!r} (mapped to {fld}) is not in the header; columns: {', '.join(header)}")
        mapping[fld] = col
    used = set(mapping.values())
    normalised = {_norm(h): h for h in header}
    for fld, names in FIELDS.items():
        if fld in mapping:
            continue
        for name in names:
            col = normalised.get(name)
            if col is not None and col not in used:
                mapping[fld] = col
                used.add(col)
                break
    return mapping


_DIRECTIVE_PRECISION = (("%S", Precision.SECOND), ("%M", Precision.MINUTE), ("%H", Precision.HOUR),
                        ("%I", Precision.HOUR), ("%d", Precision.DAY), ("%j", Precision.DAY),
                        ("%m", Precision.MONTH), ("%b", Precision.MONTH), ("%B", Precision.MONTH),
                        ("%Y", Precision.YEAR))


def _declared_date(text: str, fmt: str, zone: str) -> EventDate:
    try:
        value = datetime.strptime(text.strip(), fmt)
    except ValueError as exc:
        raise DateError(f"{text.strip()!r} does not match the declared date format {fmt!r} ({exc})") from None
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
    time_zone: str = "UTC",
    delimiter: str | None = None,
) -> ReadReport:
    """Read a CSV/TSV of events.

    Parameters
    ----------
    path : str or os.PathLike
    mapping : mapping, optional
        Field -> column name; fields not given are guessed (see :data:`FIELDS`).
    date_format : str, optional
        A :func:`datetime.strptime` format for dates that are not ISO 8601/EDTF.
    time_zone : str
        IANA zone of times of day written without an offset.
    delimiter : str, optional
        Forces the delimiter (default: tab for ``.tsv``, else guessed from the header).

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
    return rows_report(file, header, rows, problems, mapping=mapping, date_format=date_format, time_zone=time_zone)


def rows_report(file: str, header: list[str], rows: list[CsvRow], problems: list[Problem], *,
                mapping: Mapping[str, str] | None = None, date_format: str | None = None,
                time_zone: str = "UTC", title: str | None = None) -> ReadReport:
    """The events of table rows (:class:`~viewer.io.common.CsvRow`: cells as text by column name),
    by the rules of :func:`read_csv_report`; also what :mod:`viewer.io.frames` reads a data frame with.

    Raises
    ------
    TimelineLoadError
        As :func:`read_csv_report` (``file`` names the table).
    """
    try:
        cols = guess_mapping(header, mapping)
    except ValueError as exc:
        raise TimelineLoadError([Problem(file, str(exc), 1)]) from None
    missing = [f for f in ("title", "start") if f not in cols]
    if missing:
        raise TimelineLoadError([Problem(
            file, f"no column for {' and '.join(missing)}: name columns e.g. 'title' and 'start' (or 'date'), "
            f"or map them with --map {missing[0]}=COLUMN; columns found: {', '.join(header)}", 1)])
    b = TimelineBuilder(file, title if title is not None else os.path.splitext(os.path.basename(file))[0])
    b.warnings.extend(problems)
    for name in header:
        if name not in cols.values():
            b.warn(f"column {name!r} is not mapped to any field; not loaded (map it with --map FIELD={name})",
                   1, f"column {name!r}")

    def cell(row, fld: str) -> str:
        col = cols.get(fld)
        return unescape_formula(row.values.get(col, "").strip()) if col else ""

    def date_of(row, fld: str) -> EventDate | None:
        value = cell(row, fld)
        if not value:
            return None
        if date_format and value != "..":
            return _declared_date(value, date_format, time_zone)
        date, note = make_date(value, phrase=cell(row, f"{fld}_phrase"), basis=cell(row, f"{fld}_basis"),
                               time_zone=time_zone)
        if note:
            b.warn(f"{fld}: {note}", row.line, row.where(cols[fld]))
        return date

    for row in rows:
        where = row.where()
        try:
            if not cell(row, "start"):
                raise DateError(f"the start date (column {cols['start']!r}) is empty")
            start = date_of(row, "start")
            end = date_of(row, "end")
        except DateError as exc:
            b.skip(str(exc), row.line, where)
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
            b.skip(f"a {kind.value} needs an end (write '..' when it is not stated)", row.line, where)
            continue
        if (start.is_open or (end is not None and end.is_open)) and kind is EventKind.POINT:
            b.skip("'..' (open) is only allowed as a span's start or end", row.line, where)
            continue
        if end is not None and end_before_start(start, end):
            b.skip(f"end ({end.describe()}) is before start ({start.describe()})", row.line, where)
            continue
        title = cell(row, "title") or "(no title)"
        track = "" if kind is EventKind.BAND and not cell(row, "track") else b.track(cell(row, "track") or "Events")
        url = cell(row, "url")
        source_names = [s.strip() for s in cell(row, "sources").split(";") if s.strip()]
        if url and not source_names:
            source_names = [url]
        sources = tuple(b.source(s, url=url if len(source_names) == 1 else "", kind=SourceKind.OTHER)
                        for s in source_names)
        eid = b.event_id(cell(row, "id"), row.line, where, f"row-{row.number}")
        b.add(Event(eid, title, start, track, kind, end, cell(row, "summary"),
                    tuple(a.strip() for a in cell(row, "actors").split(";") if a.strip()), cell(row, "location"),
                    tuple(t.strip() for t in cell(row, "tags").split(";") if t.strip()), (), sources))
    return b.report()


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
            e.id, labels.get(e.track, e.track), EventKind(e.kind).value, e.title, e.start.edtf,
            e.end.edtf if e.end is not None else "", e.summary, e.location, "; ".join(e.actors),
            "; ".join(e.tags), "; ".join(s.outlet for s in sources),
            next((u for u in map(web_url, (s.url for s in sources)) if u), ""),
            e.start.phrase, e.start.basis, e.end.phrase if e.end else "", e.end.basis if e.end else "",
            "\n".join(quote_sentence(q) for q in e.quotes),
        ]
        writer.writerow([v if k in (4, 5) else escape_formula(v) for k, v in enumerate(text)])
    return buf.getvalue()


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
    return (format_losses(timeline, "CSV", quotes="as text in the 'quotes' column", source_details=True)
            + dropped_urls(timeline, "CSV"))
