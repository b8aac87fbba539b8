"""Calendar arithmetic on the proleptic Gregorian calendar, for any year.

Python's :mod:`datetime` stops at years 1..9999; timelines also hold BCE dates
and far-future ones.  numpy's ``datetime64`` covers about +-2.9e11 years in
seconds with astronomical year numbering (year 0 is 1 BCE, as in ISO 8601 and
EDTF), so all conversions here go through it.

All instants are float seconds since the Unix epoch (1970-01-01T00:00:00 UTC).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

__all__ = [
    "CivilTime",
    "SECONDS_PER_DAY",
    "civil_from_epoch",
    "days_in_month",
    "epoch_from_civil",
    "add_months",
    "MONTH_ABBR",
    "WEEKDAY_ABBR",
]

SECONDS_PER_DAY = 86400
MONTH_ABBR = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
MONTH_NAME = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)
WEEKDAY_ABBR = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")

_EPOCH_DAY = np.datetime64(0, "D")

GREGORIAN_REFORM_S = float((np.datetime64("1582-10-15", "D") - np.datetime64(0, "D")).astype(np.int64)) * 86400.0
"""The first day of the Gregorian calendar (Fri 15 Oct 1582), seconds since the Unix epoch.  EDTF
dates are proleptic Gregorian (ISO 8601), but a source writing an earlier date almost always means
the Julian (or another) calendar, whose weekday differs: a weekday is shown only from this day on."""


def weekday_prefix(local_s: float, weekday: int) -> str:
    """``"Thu "`` for a local instant (seconds, a zone's offset added) on or after
    :data:`GREGORIAN_REFORM_S`; ``""`` before it, where the proleptic weekday would be a claim the
    source never made and likely wrong (8 June 632 was a Monday in the Julian calendar its sources
    use, a Friday in the proleptic Gregorian one)."""
    return f"{WEEKDAY_ABBR[weekday]} " if local_s >= GREGORIAN_REFORM_S else ""


@dataclass(frozen=True)
class CivilTime:
    """A UTC calendar date and time of day.

    ``year`` is astronomical (0 = 1 BCE, -1 = 2 BCE); ``weekday`` is 0 = Monday.
    """

    year: int
    month: int
    day: int
    hour: int = 0
    minute: int = 0
    second: float = 0.0
    weekday: int = 0


def days_in_month(year: int, month: int) -> int:
    """Number of days in ``month`` (1..12) of ``year`` (astronomical numbering)."""
    m = np.datetime64(year - 1970, "Y").astype("datetime64[M]") + (month - 1)
    return int((((m + 1).astype("datetime64[D]")) - m.astype("datetime64[D]")).astype(np.int64))


def epoch_from_civil(year: int, month: int = 1, day: int = 1, seconds_of_day: float = 0.0) -> float:
    """Seconds since the Unix epoch of a UTC civil date and time.

    Parameters
    ----------
    year : int
        Astronomical year (0 = 1 BCE).
    month, day : int
        1-based; validated against the calendar.
    seconds_of_day : float
        Seconds after 00:00 UTC of that day.

    Raises
    ------
    ValueError
        If ``month`` or ``day`` is not in the calendar (e.g. 29 February 2021).
    """
    if not 1 <= month <= 12:
        raise ValueError(f"month {month} is not in 1..12")
    dim = days_in_month(year, month)
    if not 1 <= day <= dim:
        raise ValueError(f"day {day} is not in 1..{dim} for {year:04d}-{month:02d}")
    m = np.datetime64(year - 1970, "Y").astype("datetime64[M]") + (month - 1)
    d = m.astype("datetime64[D]") + (day - 1)
    return float((d - _EPOCH_DAY).astype(np.int64)) * SECONDS_PER_DAY + seconds_of_day


def add_months(epoch_s: float, months: int) -> float:
    """The first instant of the month ``months`` after the month containing ``epoch_s`` (UTC)."""
    day = _EPOCH_DAY + np.timedelta64(int(math.floor(epoch_s / SECONDS_PER_DAY)), "D")
    m = day.astype("datetime64[M]") + months
    return float((m.astype("datetime64[D]") - _EPOCH_DAY).astype(np.int64)) * SECONDS_PER_DAY


def civil_from_epoch(epoch_s: float) -> CivilTime:
    """UTC calendar fields of an instant given in seconds since the Unix epoch."""
    days = int(math.floor(epoch_s / SECONDS_PER_DAY))
    sod = epoch_s - days * SECONDS_PER_DAY
    d = _EPOCH_DAY + np.timedelta64(days, "D")
    m = d.astype("datetime64[M]")
    y = m.astype("datetime64[Y]")
    year = int(y.astype(np.int64)) + 1970
    month = int((m - y.astype("datetime64[M]")).astype(np.int64)) + 1
    day = int((d - m.astype("datetime64[D]")).astype(np.int64)) + 1
    hour = int(sod // 3600)
    minute = int((sod - hour * 3600) // 60)
    second = sod - hour * 3600 - minute * 60
    weekday = (days + 3) % 7  # 1970-01-01 was a Thursday (weekday 3)
    return CivilTime(year, month, day, hour, minute, second, weekday)


def format_year(year: int) -> str:
    """A year for people: ``2022``, ``44 BCE`` for astronomical -43, ``1 BCE`` for 0.

    Years 1-999 are written ``10 CE`` (a bare ``10`` reads like 2010); years
    of five or more digits get thousands separators (``12,000``,
    ``50,000 BCE``); from a million years BCE on, the count of years ago
    at three significant figures, as TimelineJS's cosmological scale writes
    them (``13.8 billion years ago`` for 13800000000 BCE: at that scale the
    two thousand years since the era began are below the last figure).
    """
    if year <= 0:
        bce = 1 - year
        if bce >= 1_000_000:
            return _years_ago(bce)
        return f"{bce:,} BCE" if bce >= 10_000 else f"{bce} BCE"
    if year < 1000:
        return f"{year} CE"
    return f"{year:,}" if year >= 10_000 else str(year)


def _years_ago(years: int) -> str:
    for size, word in ((1_000_000_000, "billion"), (1_000_000, "million")):
        if years >= size:
            value = f"{years / size:.3g}"
            if "e" in value:  # a thousand billion and more: "1,000", not "1e+03"
                value = f"{round(years / size):,}"
            return f"{value} {word} years ago"
    return f"{years:,} years ago"
