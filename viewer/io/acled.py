"""Conflict-event CSV in the ACLED column layout: reader.

Columns follow the ACLED codebook (Armed Conflict Location & Event Data,
https://acleddata.com, "ACLED Codebook" 2019-2023): ``event_id_cnty``,
``event_date``, ``time_precision``, ``event_type``, ``sub_event_type``,
``actor1``, ``assoc_actor_1``, ``actor2``, ``assoc_actor_2``, ``location``,
``admin1``, ``country``, ``latitude``, ``longitude``, ``source``, ``notes``,
``fatalities``...  Only ``event_date`` is required.

Honest dates from ``time_precision`` (the codebook's codes, as the issue
states them):

* 1: the day itself (``2022-02-10``);
* 2: the source gives only the week: one day of the week centred on the
  recorded date, EDTF "one of a set" ``[2022-02-07..2022-02-13]``, drawn over
  the whole week;
* 3: the source gives only the month: ``2022-02``.

``event_date`` is ISO ``2022-02-10``, ``10 February 2022`` (ACLED's export) or
the codebook's day-month-year ``10-02-2022`` / ``10/02/2022``.  ``event_type``
(or the column named by the ``track_column`` option) becomes the track,
``source`` (``;``-separated) the sources, ``notes`` the summary.  Columns with
no equivalent are listed once as warnings; a bad row is listed and skipped,
the rest load.

Pure Python, no Qt.
"""

from __future__ import annotations

import os
import re
from datetime import date as _date
from datetime import datetime, timedelta

from viewer.model.calendar import MONTH_NAME
from viewer.model.dates import EventDate
from viewer.model.errors import DateError, Problem, TimelineLoadError
from viewer.model.timeline import Event, EventKind, SourceKind, Timeline

from .common import CsvRow, ReadReport, TimelineBuilder, load_text, read_csv_rows, split_csv_problems

__all__ = ["read_acled", "read_acled_report", "looks_acled", "acled_date"]

_USED = {
    "event_id_cnty", "event_date", "time_precision", "event_type", "sub_event_type", "disorder_type",
    "actor1", "assoc_actor_1", "actor2", "assoc_actor_2", "location", "admin1", "admin2", "admin3",
    "country", "region", "latitude", "longitude", "source", "notes", "fatalities", "tags", "year",
    "ally_actor_1", "ally_actor_2",
}
_MONTHS = {name.lower(): i + 1 for i, name in enumerate(MONTH_NAME)}
_MONTHS.update({name[:3].lower(): i + 1 for i, name in enumerate(MONTH_NAME)})
_MONTHS["sept"] = 9
_ISO = re.compile(r"^(\d{4})-(\d\d)-(\d\d)$")
_WORDS = re.compile(r"^(\d{1,2})[\s\-/]+([A-Za-z]+)\.?[\s\-/,]+(\d{4}|\d\d)$")
_DMY = re.compile(r"^(\d\d)[-/](\d\d)[-/](\d{4})$")
_PRECISION_WORDS = {"1": "to the day", "2": "within a week", "3": "within a month"}


def _full_year(yy: int, year_column: str) -> tuple[int, str]:
    """The year of a two-digit ``yy`` (Excel's d-mmm-yy): the ``year`` column's
    when it ends in ``yy``, else ACLED's range (data from 1997 on: 97-99 are
    19yy, the rest 20yy), with the rule applied as the second value."""
    if re.fullmatch(r"\d{4}", year_column.strip()) and int(year_column) % 100 == yy:
        return int(year_column), f"century from the year column ({year_column.strip()})"
    full = 1900 + yy if yy >= 97 else 2000 + yy
    return full, f"two-digit year {yy:02d} read as {full} (ACLED data start in 1997)"


def acled_date(text: str, precision: str, *, year_column: str = "", date_format: str | None = None) -> EventDate:
    """The honest date of an ACLED ``event_date`` and ``time_precision``.

    Parameters
    ----------
    text : str
        ``2022-02-10``, ``10 February 2022``, ``01-January-2015``,
        ``9-May-20`` (Excel's d-mmm-yy), ``10-02-2022`` or ``10/02/2022``
        (day first, as the codebook declares).
    precision : str
        ``"1"``, ``"2"`` or ``"3"``; empty means 1.
    year_column : str
        The row's ``year`` cell: gives the century of a two-digit year.
    date_format : str, optional
        A :func:`datetime.strptime` format declared by the user
        (``--date-format``), tried first.

    Returns
    -------
    EventDate
        Phrase the cell as written (``"10 February 2022"``: the source's own
        words, never the tool's); basis the rule applied (``"ACLED event_date,
        time_precision 2: the source gives only the week; ..."``, with the
        century of a two-digit year).

    Raises
    ------
    DateError
        Unknown form, a day not in the calendar, or a precision other than 1-3.
    """
    raw = text.strip()
    m = _ISO.match(raw)
    century_rule = ""
    if not raw:
        raise DateError("event_date is empty")
    try:
        if date_format:
            try:
                day = datetime.strptime(raw, date_format).date()
            except ValueError as exc:
                raise DateError(f"event_date {raw!r} does not match the declared date format "
                                f"{date_format!r} ({exc})") from None
        elif m:
            day = _date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        elif (m := _WORDS.match(raw)) and m.group(2).lower() in _MONTHS:
            year = int(m.group(3))
            if len(m.group(3)) == 2:
                year, century_rule = _full_year(year, year_column)
            day = _date(year, _MONTHS[m.group(2).lower()], int(m.group(1)))
        elif m := _DMY.match(raw):
            day = _date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
        else:
            raise DateError(f"event_date {raw!r} is not a date in an ACLED form: 2022-02-10, 10 February 2022, "
                            "9-May-20, 01-January-2015 or 10-02-2022 (day-month-year); declare another with "
                            "--date-format")
    except DateError:
        raise
    except ValueError as exc:
        raise DateError(f"event_date {raw!r} is not a day of the calendar ({exc})") from None
    code = precision.strip() or "1"
    if code.endswith(".0"):
        code = code[:-2]
    # the phrase is the source's own words (the cell), shown in quotation marks; how they were read
    # (column, precision code, the century of a two-digit year) is the basis, the tool's words
    read = f"ACLED event_date, time_precision {code}"
    century = f"; {century_rule}" if century_rule else ""
    if code == "1":
        return EventDate(day.isoformat(), raw, f"{read}: the source gives the day{century}")
    if code == "2":
        lo, hi = day - timedelta(days=3), day + timedelta(days=3)
        return EventDate(f"[{lo.isoformat()}..{hi.isoformat()}]", raw,
                         f"{read}: the source gives only the week; one day within 3 days of "
                         f"the recorded date{century}")
    if code == "3":
        return EventDate(f"{day.year:04d}-{day.month:02d}", raw,
                         f"{read}: the source gives only the month{century}")
    raise DateError(f"time_precision {precision.strip()!r} is not 1 (day), 2 (week) or 3 (month)")


def _split(text: str) -> list[str]:
    return [part.strip() for part in text.split(";") if part.strip()]


def read_acled_report(path: str | os.PathLike[str], *, track_column: str = "event_type",
                      date_format: str | None = None) -> ReadReport:
    """Read a conflict-event CSV in the ACLED layout.

    Parameters
    ----------
    path : str or os.PathLike
    track_column : str
        Column whose values become tracks (default ``event_type``; e.g.
        ``actor1``, ``admin1``, ``country``).
    date_format : str, optional
        :func:`datetime.strptime` format of ``event_date`` when it is none of
        the forms :func:`acled_date` reads.

    Returns
    -------
    ReadReport
        Bad rows (a date that cannot be read) are in ``skipped``; the rest load.

    Raises
    ------
    TimelineLoadError
        Unreadable file, no ``event_date`` column, an unknown ``track_column``,
        or no row loadable.
    """
    file, text = load_text(path)
    header, rows, problems = read_csv_rows(text, file)
    lower = {h.lower(): h for h in header}
    if "event_date" not in lower:
        raise TimelineLoadError([Problem(file, "missing column 'event_date': an ACLED file has event_id_cnty, "
                                         f"event_date, time_precision, event_type...; found {', '.join(header[:12])}",
                                         1)])
    if track_column.lower() not in lower:
        raise TimelineLoadError([Problem(file, f"the track column {track_column!r} is not in the header "
                                         f"(columns: {', '.join(header)})", 1)])
    b = TimelineBuilder(file, os.path.splitext(os.path.basename(file))[0])
    warned, cut = split_csv_problems(problems)
    b.warnings.extend(warned)
    b.skipped.extend(cut)
    for name in header:
        if name.lower() not in _USED and name.lower() != track_column.lower():
            b.warn(f"column {name!r} has no equivalent in this viewer; not loaded", 1, f"column {name!r}")

    def cell(row: CsvRow, name: str) -> str:
        key = lower.get(name)
        return row.values.get(key, "").strip() if key else ""

    two_digit_noted = False
    dates: dict[tuple[str, str, str], EventDate] = {}
    for row in rows:
        where = row.where()
        eid_raw = cell(row, "event_id_cnty")
        if eid_raw:
            where += f" (event_id_cnty {eid_raw!r})"
        try:
            key = (cell(row, "event_date"), cell(row, "time_precision"), cell(row, "year"))
            start = dates.get(key)  # a few hundred distinct dates in thousands of rows: read each once
            if start is None:
                start = dates[key] = acled_date(key[0], key[1], year_column=key[2], date_format=date_format)
        except DateError as exc:
            b.skip(str(exc), row.line, where + ", column 'event_date'")
            continue
        if "; two-digit year" in start.basis and not two_digit_noted:
            two_digit_noted = True
            rule = "two-digit year" + start.basis.split("; two-digit year", 1)[1]
            b.notes.append(Problem(file, f"{rule}; the file has no year "
                                   "column to tell the century", row.line, None, where))
        sub = cell(row, "sub_event_type") or cell(row, "event_type") or "Event"
        a1, a2 = cell(row, "actor1"), cell(row, "actor2")
        who = f"{a1} vs {a2}" if a1 and a2 else (a1 or a2)
        place = cell(row, "location")
        title = sub + (f": {who}" if who else "") + (f" — {place}" if place else "")
        places = [p for p in (place, cell(row, "admin1"), cell(row, "country")) if p]
        location = ", ".join(dict.fromkeys(places))
        lat, lon = cell(row, "latitude"), cell(row, "longitude")
        if lat or lon:
            try:
                la, lo_ = float(lat), float(lon)
                if not (-90 <= la <= 90 and -180 <= lo_ <= 180):
                    raise ValueError
                location += f" ({la:.4f}, {lo_:.4f})"
            except ValueError:
                b.warn(f"latitude/longitude {lat!r}, {lon!r} are not coordinates (-90..90, -180..180); "
                       "not loaded", row.line, where)
        assoc1 = cell(row, "assoc_actor_1") or cell(row, "ally_actor_1")  # ally_: the codebook's name before 2019
        assoc2 = cell(row, "assoc_actor_2") or cell(row, "ally_actor_2")
        actors = [a for a in [a1, *_split(assoc1), a2, *_split(assoc2)] if a]
        tags = [t for t in (cell(row, "disorder_type"), cell(row, "event_type"), cell(row, "sub_event_type")) if t]
        tags += _split(cell(row, "tags"))
        summary = cell(row, "notes")
        fatalities = cell(row, "fatalities")
        if fatalities:
            summary += ("\n\n" if summary else "") + f"Fatalities (ACLED estimate): {fatalities}"
        sources = [b.source(s, kind=SourceKind.OTHER_OUTLET) for s in _split(cell(row, "source"))]
        track_value = cell(row, track_column.lower()) or f"(no {track_column})"
        eid = b.event_id(eid_raw, row.line, where, f"row-{row.number}")
        b.add(Event(eid, title, start, b.track(track_value), EventKind.POINT, None, summary,
                    tuple(dict.fromkeys(actors)), location, tuple(dict.fromkeys(tags)), (), tuple(sources)))
    return b.report()


def read_acled(path: str | os.PathLike[str]) -> Timeline:
    """The timeline of an ACLED-layout CSV (see :func:`read_acled_report`)."""
    return read_acled_report(path).timeline


def looks_acled(path: str, head: bytes) -> bool:
    """A CSV whose header names ``event_id_cnty``, or ``event_date`` and ``time_precision``."""
    first = head.decode("utf-8", errors="replace").lstrip("\ufeff").split("\n", 1)[0].lower()
    return "event_id_cnty" in first or ("event_date" in first and "time_precision" in first)
