"""What a date states, for formats that hold only year, month, day (and a time).

TimelineJS, vis-timeline and iCalendar have no place for EDTF's qualifiers
(``?`` uncertain, ``~`` approximate, ``[..x]`` on or before, ``[x..]`` on or
after, ``[a..b]`` one of) nor for unspecified digits (``185X``,
``2022-XX-10``).  Their writers must write the date *as the source states
it* -- ``1850~`` as 1850, never 1849 (the first moment of the widened
interval); ``2022-XX-10`` as the year 2022, never 10 January -- and say what
the written value no longer holds.  :func:`stated_date` gives that value: the
period the source names, the precision a year/month/day format can write it
at, the date in words and whether the written value holds the whole date.

Pure Python, no Qt.  The EDTF is resolved by :class:`~viewer.model.dates.EventDate`;
only the shape of the text (which of year, month and day carry an ``X``) is read here.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from .calendar import MONTH_NAME, format_year
from .dates import EventDate
from .errors import DateError
from .precision import Precision, format_interval

__all__ = ["Stated", "stated_date"]

_SHAPE = re.compile(r"^(?P<sign>-?)(?P<year>[\dX]{4})(?:-(?P<month>[\dX]{2})(?:-(?P<day>[\dX]{2}))?)?$")


@dataclass(frozen=True)
class Stated:
    """A date as the source states it, for year/month/day formats.

    Attributes
    ----------
    earliest, latest : float
        The period the source names, ``[earliest, latest)`` in seconds since
        the Unix epoch (UTC): ``1850~`` -> the year 1850 (not 1849..1851);
        ``185X`` -> 1850..1860; ``2022-XX-10`` -> the year 2022;
        ``[..2022-02]`` -> February 2022; ``[a..b]`` -> a..b.
    precision : Precision
        The precision to write ``earliest`` at: the date's own, cut at the
        first part with unspecified digits (a year with unspecified digits is
        written as its first year, ``YEAR``: the formats need a year).
    words : str
        The date as stated, in words, with its qualifier: ``"1850s"``,
        ``"10th, month unknown, 2022"``, ``"about 1850, so between 1849 and 1851"``.
    exact : bool
        True when ``earliest`` at ``precision`` holds the whole date (no
        qualifier, no unspecified digit lost).
    within : bool
        True when the date is one day (month, year) somewhere in a longer
        period: ``[2020-05-06..2020-05-12]`` (one day of that week), ``185X``
        (a year of the 1850s).  ``earliest`` at ``precision`` is then only the
        period's first day (year): written as a point it would read as that
        firm day; formats draw the period and say "one day between ...".
    """

    earliest: float
    latest: float
    precision: Precision
    words: str
    exact: bool
    within: bool = False


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _plain_words(date: EventDate) -> str:
    """``describe()`` without its precision note."""
    return re.sub(r"\s*\(to the \w+\)", "", date.describe())


def _core(date: EventDate) -> tuple[str, str]:
    """The date's value without qualifiers and set brackets: ``(first, last)``
    (the same text twice, except for ``[a..b]``)."""
    text = date.edtf.strip()
    if text.startswith("[") and text.endswith("]"):
        text = text[1:-1]
    first, _, last = text.partition("..")
    if not _:
        last = first
    if date.relation == "on or before":
        first = last
    elif date.relation == "on or after":
        last = first
    first, last = (re.sub(r"[?~%]", "", t) for t in (first, last))
    return first, last


def _unspecified(core: str, zone: str | None) -> tuple[EventDate, Precision, str, bool] | None:
    """For a value with unspecified digits: the period written, its precision, the
    words, and whether writing that period loses something; None when no ``X``."""
    m = _SHAPE.match(core)
    if m is None or "X" not in core:
        return None
    sign, year, month, day = m["sign"], m["year"], m["month"], m["day"]
    month_known = month is not None and "X" not in month
    day_known = day is not None and "X" not in day
    if "X" in year:
        period = EventDate(sign + year)
        first, last = int(sign + year.replace("X", "0")), int(sign + year.replace("X", "9"))
        if sign:
            first, last = last, first
        if re.fullmatch(r"\d{3}X", year) and not sign:
            year_words = f"{first}s"
        elif year == "XXXX":
            year_words = "year unknown"  # not "a year from 1 BCE to 9999": EDTF's four digits, not a fact
        else:
            year_words = f"a year from {format_year(first)} to {format_year(last)}"
        words = year_words
        if month_known:
            month_words = MONTH_NAME[int(month) - 1]
            words = (f"{int(day)} {month_words}" if day_known else month_words) + f", {year_words}"
        return period, Precision.YEAR, words, True
    year_words = format_year(int(sign + year))
    if not month_known:
        period = EventDate(sign + year)
        if day is not None and day_known:
            return period, Precision.YEAR, f"{_ordinal(int(day))}, month unknown, {year_words}", True
        if day is not None and "X" in day and day != "XX":
            return period, Precision.YEAR, f"day {day} of an unknown month, {year_words}", True
        return period, Precision.YEAR, year_words, False
    period = EventDate(f"{sign}{year}-{month}")
    month_words = f"{MONTH_NAME[int(month) - 1]} {year_words}"
    if day is not None and day != "XX":
        return period, Precision.MONTH, f"day {day} of {month_words}", True
    return period, Precision.MONTH, month_words, False


def _qualified(words: str, date: EventDate) -> str:
    if date.approximate:
        words = "about " + words
    if date.relation in ("on or before", "on or after"):
        words = f"{date.relation} {words}"
    if date.uncertain:
        words += ", uncertain"
    return words


def stated_date(date: EventDate) -> Stated | None:
    """The date as its source states it (see :class:`Stated`); None for an open date (``..``)."""
    if date.is_open:
        return None
    first, last = _core(date)
    try:
        unspec = _unspecified(first, date.time_zone)
        if unspec is not None:
            period, precision, words, lost = unspec
            last_period = period if last == first else EventDate(last, time_zone=date.time_zone)
            if date.relation == "one of":
                words = _plain_words(date)
            return Stated(period.earliest, last_period.latest, precision, _qualified(words, date)
                          if date.relation != "one of" else words, date.is_exact and not lost,
                          ("X" in first[:5] and "XXXX" not in first) or last != first)  # not "year unknown"
        nominal = EventDate(first, time_zone=date.time_zone, precision_override=date.precision_override)
        end = nominal if last == first else EventDate(last, time_zone=date.time_zone,
                                                      precision_override=date.precision_override)
    except DateError:
        nominal = end = date
    lo = nominal.earliest if math.isfinite(nominal.earliest) else nominal.sort_point
    hi = end.latest
    if not (math.isfinite(lo) and math.isfinite(hi)):
        return None
    if date.relation == "one of":
        words = _plain_words(date)
    else:
        words = format_interval(lo, hi, nominal.precision) + (" UTC" if nominal.precision >= Precision.HOUR else "")
        if date.approximate and math.isfinite(date.earliest) and math.isfinite(date.latest):
            widened = format_interval(date.earliest, date.latest, date.precision)
            if widened != words:
                words += f", so between {widened.replace(' – ', ' and ')}"
        words = _qualified(words, date)
    return Stated(lo, hi, nominal.precision, words, date.is_exact, last != first)
