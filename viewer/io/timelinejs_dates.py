"""TimelineJS dates: its date fields (year .. millisecond) to and from EventDates.

TimelineJS shows a negative year ``-N`` as "N BCE" (there is no year 0),
while EDTF counts astronomically (year 0 = 1 BCE), so ``-N`` is read as EDTF
year ``-(N-1)`` and written back the same way; a year-only end is 1 January
of that year, as TimelineJS places it.  Used by the reader
(:mod:`viewer.io.timelinejs`) and the writer (:mod:`viewer.io.timelinejs_write`).

Pure Python, no Qt.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Mapping
from typing import Any

from viewer.model.calendar import civil_from_epoch
from viewer.model.dates import EventDate, Precision
from viewer.model.errors import DateError
from viewer.model.stated import stated_date
from viewer.model.written_end import exclusive_year_basis

from .humandates import human_edtf

__all__ = ["DATE_FIELDS", "edtf_year", "year_reading", "date_from_parts", "parts_from_date", "end_parts", "time_parts",
           "as_html"]

DATE_FIELDS = ("year", "month", "day", "hour", "minute", "second", "millisecond")
"""The fields of a TimelineJS date, coarsest first."""


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
        # a field named year holds a year, as a number does ("12000"); date text typed by people
        # (a TimelineJS 2 date, a template's Year cell) is checked for compact forms by its reader
        return int(value)
    raise DateError(f"{name} must be a whole number, got {json.dumps(value, ensure_ascii=False)[:40]}")


def edtf_year(year: int) -> str:
    """EDTF year text of an astronomical year (4 digits, or the long ``Y`` form)."""
    if -9999 <= year <= 9999:
        return f"-{-year:04d}" if year < 0 else f"{year:04d}"
    return f"Y{year}"


def year_reading(parts: Mapping[str, Any], *, version2: bool = False) -> str:
    """How the ``year`` field of TimelineJS date fields is read when it is 0 or negative, in
    words for the reader's note; ``""`` for a positive year (or one that is not a number).

    TimelineJS 3 labels a negative year ``-N`` "N BCE" and TimelineJS 2 "N B.C." (there is no
    year 0 in BCE/CE), so ``-N`` is read as N BCE: EDTF's astronomical year ``-(N-1)`` (EDTF
    counts 1 BCE as year 0).  A year 0 is in neither calendar: TimelineJS 3 places it at
    astronomical year 0 (labelled "0"), TimelineJS 2 ignores it (its date falls back to 1900);
    it is read as astronomical year 0, 1 BCE.
    """
    try:
        year = _int_field(parts.get("year"), "year")
    except DateError:
        return ""
    if year is None or year > 0:
        return ""
    text = edtf_year(year + 1 if year < 0 else year)
    if year < 0:
        label = f"{-year} B.C." if version2 else f"{-year} BCE"
        return (f"year {year} read as {-year} BCE, as TimelineJS {'2' if version2 else '3'} labels it "
                f"(“{label}”); EDTF {text}, as EDTF counts 1 BCE as year 0")
    how = ("TimelineJS 2 ignores a year 0 (it shows 1900)" if version2
           else "TimelineJS 3 places it there but labels it “0”")
    return (f"year 0 read as 1 BCE (EDTF {text}, astronomical year 0): there is no year 0 between 1 BCE "
            f"and 1 CE; {how}")


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
    values = {name: _int_field(parts.get(name), name) for name in DATE_FIELDS}
    year = values["year"]
    if year is None:
        raise DateError("a TimelineJS date needs a year")
    astronomical = year + 1 if year < 0 else year
    notes = []
    used = {"year": year}  # the fields used, each present: up to the first one missing
    for name in DATE_FIELDS[1:]:
        value = values[name]
        if value is None:
            break
        used[name] = value
    ignored = [n for n in DATE_FIELDS if values[n] is not None and n not in used]
    if ignored:
        notes.append(f"{', '.join(ignored)} ignored because {DATE_FIELDS[len(used)]} is missing")
    if "millisecond" in used:
        if values["millisecond"]:
            notes.append(f"millisecond {values['millisecond']} dropped (dates are kept to the second)")
        del used["millisecond"]
    text = edtf_year(astronomical)
    if len(used) > 1 and not -9999 <= astronomical <= 9999:
        raise DateError(f"year {year} has more than 4 digits: EDTF can only write such a year on its own, "
                        "without month or day")
    limits = {"month": (1, 12), "day": (1, 31), "hour": (0, 23), "minute": (0, 59), "second": (0, 59)}
    for name, value in list(used.items())[1:]:
        lo, hi = limits[name]
        if not lo <= value <= hi:
            raise DateError(f"{name} {value} is not in {lo}..{hi}")
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
        text = edtf_year(astronomical - 1)
        basis = exclusive_year_basis(year)  # shown as the year written (viewer.model.written_end)
    date = EventDate(text, phrase, basis, time_zone=zone, precision_override=precision)
    return date, "; ".join(notes)


def parts_from_date(date: EventDate) -> dict[str, str | int] | None:
    """TimelineJS date fields of a date, UTC: ``year`` a number (TimelineJS's own
    examples write years as numbers, and any year reads back), the finer fields
    strings as the template writes them.

    Open dates (``..``) have none (None).  The fields hold the date as its
    source states it (:func:`~viewer.model.stated.stated_date`): ``1850~`` is
    year 1850 (not 1849, the first year of the widened interval), ``[..2022-02]``
    February 2022, ``2022-XX-10`` the year 2022 (no day is invented), ``185X``
    year 1850.  A date the fields cannot hold whole gets

    * ``display_date``: the date in words as stated (``"about 1850, so between
      1849 and 1851"``, ``"1850s"``, ``"10th, month unknown, 2022"``),
      HTML-escaped, which TimelineJS shows instead of the fields; never the
      source's phrase, which TimelineJS would show as if it were the date;
    * ``edtf``: the date itself (EDTF), a field TimelineJS ignores, which the
      reader (:mod:`viewer.io.timelinejs`) reads back when it agrees with the fields.
    """
    s = stated_date(date)
    if s is None:
        return None
    c = civil_from_epoch(s.earliest)
    year = c.year if c.year > 0 else c.year - 1
    out: dict[str, str | int] = {"year": year}  # a number, as TimelineJS's examples write years
    p = s.precision
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
    if not s.exact:  # only a date text: TimelineJS shows it instead of the date (the phrase goes in the text)
        out["display_date"] = as_html(s.words)
        out["edtf"] = date.edtf
    return out


def end_parts(parts: dict[str, str | int]) -> dict[str, str | int]:
    """End fields as TimelineJS reads them: a year-only end is 1 January of
    that year, so an end known to the year Y is written as year Y + 1
    (the inverse of :func:`date_from_parts` with ``end=True``)."""
    if set(parts) - {"year", "display_date", "edtf"}:
        return parts
    year = int(parts["year"])
    out = dict(parts)
    out["year"] = 1 if year == -1 else year + 1
    return out


_TIME = re.compile(r"^\s*(\d{1,2})(?::(\d\d))?(?::(\d\d))?\s*([AaPp][Mm])?\s*$")


def time_parts(value: str) -> dict[str, int]:
    """``hour`` (0..23), ``minute`` and ``second`` as written of a template's Time cell
    (``14:05``, ``2:05:30 PM``).

    Raises
    ------
    DateError
        Not ``hh:mm``, ``hh:mm:ss`` or ``h:mm AM/PM``; an AM/PM hour not in 1..12.
    """
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


def as_html(text: str) -> str:
    """Plain text as HTML: ``& < > " '`` escaped (TimelineJS renders its text fields as HTML)."""
    return html.escape(text, quote=True).replace("\n", "<br>")


# -- reading back what the fields cannot hold ---------------------------------

_QUALIFIER = re.compile(
    r"(?i)^(?:(?P<approx>circa|c\.|ca\.|about|around|approx\.|approximately|~)"
    r"|(?P<before>on or before|before|by|until|no later than)|(?P<after>on or after|after|since|no earlier than)"
    r"|(?P<unsure>probably|possibly|perhaps))\s*(?P<rest>.+)$")
_WEEKDAY = re.compile(r"(?i)^(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+(?=\d)")
_ISO = re.compile(r"^-?\d{4}(?:-\d\d(?:-\d\d)?)?$")
# words that qualify, or would qualify, a date (English and a few other languages): a display_date with one
# of them, a digit or a month name, that is not a tight form matching the fields, is listed, never read
_DATE_LIKE = re.compile(  # short words that are common in prose (by, no, c, may, um, vor) count only with a digit
    r"(?i)(?:\d|\?|~|\b(?:circa|approx|approximately|roughly|before|until|after|since|earlier|later|probably"
    r"|possibly|perhaps|maybe|uncertain|disputed|between|century|decade|shortly|bc|bce|jan|feb|apr|jun|jul|aug"
    r"|sep|sept|oct|nov|dec|january|february|april|june|july|august|september|october|november|december"
    r"|avant|après|apres|vers|environ|etwa|antes|después|despues|hacia|около|после|примерно)\b)")


def looks_like_date(text: str) -> bool:
    """True when ``text`` has a digit, a month name or a (would-be) qualifier word."""
    return bool(_DATE_LIKE.search(text))


def _stated_edtf(text: str) -> str | None:
    """EDTF of a plain date text (no qualifier): ISO ``2022-02-10``, or a form
    :func:`~viewer.io.humandates.human_edtf` reads (``10 Feb 2022``, ``1850s``, ``44 BC``)."""
    if _ISO.match(text):
        return text
    text = _WEEKDAY.sub("", text)  # "Thu 10 Feb 2022", as this viewer describes a day
    try:
        edtf = human_edtf(text)
    except DateError:
        return None
    if edtf is None or not re.fullmatch(r"-?\d{3}[\dX](?:-\d\d(?:-\d\d)?)?|\d\dXX", edtf):
        return None  # a range, circa inside the date, a long year: not a tight form
    return edtf


def qualified_by_words(date: EventDate, display: str, *, end: bool = False) -> EventDate | str | None:
    """The date of TimelineJS fields as their ``display_date`` words qualify them;
    a note when the words are not read; None when the words say nothing of the date.

    A hand-written ``display_date`` is what TimelineJS shows instead of the
    fields.  It is read only when it is a tight, recognised form: a qualifier
    word and a date equal to the fields' date ("circa 1850", "c. 1850s",
    "before 10 Feb 2022", "2022-02-03?"): "circa", "about", "c.", "ca.",
    "around", "~" -> approximate (``~``); a trailing "?", "probably",
    "possibly", "perhaps" -> uncertain (``?``); "before", "on or before", "by", "until" -> on
    or before the fields' date (``[..date]``); "after", "since" -> on or after
    (``[date..]``).  A decade ("1850s") over a year-only start that opens it
    (1850) reads as that decade (``185X``).  The words are kept as the phrase;
    the basis says how they were read.

    Anything else is left as the phrase: a display_date equal to the fields
    ("10 Feb 2022") or with no date words ("The signing") returns None; one
    with a digit, a month name or a qualifier word (of any language) that is
    not such a form ("not before February 2022", "the day after the summit",
    "19th century", "44 before Christ", "avant 1850", a date other than the
    fields') returns a note saying it was not read: misreading words (a
    negation read as its opposite) is worse than not reading them.
    """
    text = " ".join(display.strip().split())
    if not text:
        return None
    kind, rest = "", text
    m = _QUALIFIER.match(text)
    if m:
        kind = next(k for k in ("approx", "before", "after", "unsure") if m.group(k))
        rest = m.group("rest").strip()
    if rest.endswith("?") and kind in ("", "approx"):
        kind, rest = ("both" if kind == "approx" else "unsure"), rest[:-1].rstrip()
    stated = _stated_edtf(rest)
    value = date.edtf
    matched = stated == value
    if not matched and stated is not None and not end and re.fullmatch(r"\d{3}0", value):
        if stated == value[:3] + "X":  # "1850s" over year 1850
            value, matched = stated, True
    if not matched and stated is not None and end and re.fullmatch(r"-?\d{4}", value) and not kind:
        matched = stated == edtf_year(int(value) + 1)  # a year-only end as written (TimelineJS's 1 January)
    if not matched and not kind and stated is not None and value.startswith(stated + "T"):
        return None  # the day of the fields' time ("10 Feb 2022" over 14:00 that day): nothing contradicts
    if not matched:
        if _DATE_LIKE.search(text):
            return (f"{text!r} not read as a date: the date fields give {date.describe()} ({date.edtf}); "
                    "the words are kept as the date's phrase")
        return None
    if not kind and value == date.edtf:
        return None  # the fields' date in words: nothing to read
    if kind and end and re.fullmatch(r"-?\d{4}", date.edtf):
        return (f"{text!r} not read as a date: a year-only end_date ends on 1 January, so the words' "
                f"year is not the fields' ({date.describe()}, {date.edtf}); the words are kept as the date's phrase")
    if kind == "before":
        value = f"[..{value}]"
    elif kind == "after":
        value = f"[{value}..]"
    elif kind:
        value += {"approx": "~", "unsure": "?", "both": "%"}[kind]
    basis = f"TimelineJS display_date “{text}” qualifies the date fields ({date.edtf}): read as {value}"
    try:
        return EventDate(value, date.phrase or text, basis, date.time_zone, date.precision_override)
    except DateError:  # a time of day cannot carry EDTF's ~ ?: keep the words, and say so
        return (f"{text!r} not read as a date: the date fields give {date.describe()} ({date.edtf}), "
                "which cannot carry the words' qualifier; the words are kept as the date's phrase")


def date_from_edtf_field(parts: Mapping[str, Any], time_zone: str, *, end: bool = False) -> EventDate | str | None:
    """The date in a TimelineJS date's ``edtf`` field (written by :func:`parts_from_date`), when it
    agrees with the date fields; a message saying why not; None when there is no such field."""
    raw = parts.get("edtf")
    if raw is None:
        return None
    if not isinstance(raw, str) or not raw.strip():
        return f"edtf should be an EDTF date text, got {json.dumps(raw, ensure_ascii=False)[:40]}; not loaded"
    zone = time_zone if "T" in raw and not re.search(r"(Z|[+-]\d\d:\d\d)$", raw) else None
    try:
        date = EventDate(raw, "", "", zone)
    except DateError as exc:
        return f"edtf {raw!r} is not a date this viewer reads ({exc}); the date fields were read"
    expected = parts_from_date(date)
    if expected is not None and end:
        expected = end_parts(expected)
    try:
        given = {n: _int_field(parts.get(n), n) for n in DATE_FIELDS[:-1]}
    except DateError:
        given = {}
    wanted = {n: (int(expected[n]) if expected is not None and n in expected else None) for n in DATE_FIELDS[:-1]}
    if expected is None or given != wanted:
        return f"edtf {raw!r} does not agree with the date fields; the date fields were read"
    display = parts.get("display_date")
    phrase = display if isinstance(display, str) and display.strip() and display != expected.get("display_date") else ""
    return EventDate(date.edtf, phrase, "TimelineJS date fields" if phrase else "", date.time_zone)
