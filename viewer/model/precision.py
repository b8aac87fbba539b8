"""Date precision, and instants and intervals in words at a precision.

Pure Python (no Qt).  Times are seconds since the Unix epoch (UTC).  Used by
:mod:`viewer.model.dates` (which re-exports these names) and by the EDTF
resolver (:mod:`viewer.model.date_resolve`).
"""

from __future__ import annotations

import enum
import math

from .calendar import MONTH_ABBR, MONTH_NAME, civil_from_epoch, format_year, weekday_prefix

__all__ = ["Precision", "unit_seconds", "format_instant", "format_interval", "just_before"]


class Precision(enum.IntEnum):
    """How finely a date is known, coarse to fine."""

    UNKNOWN = 0
    CENTURY = 1
    DECADE = 2
    YEAR = 3
    MONTH = 4
    DAY = 5
    HOUR = 6
    MINUTE = 7
    SECOND = 8

    @property
    def label(self) -> str:
        """Lower-case English name, e.g. ``"day"``."""
        return self.name.lower()


#: Nominal length of one unit of each precision, seconds (months and years
#: approximate; used only to place markers and sort points).
_UNIT_S = {
    Precision.SECOND: 1.0,
    Precision.MINUTE: 60.0,
    Precision.HOUR: 3600.0,
    Precision.DAY: 86400.0,
    Precision.MONTH: 30 * 86400.0,
    Precision.YEAR: 365 * 86400.0,
    Precision.DECADE: 3650 * 86400.0,
    Precision.CENTURY: 36500 * 86400.0,
}


def unit_seconds(precision: Precision) -> float:
    """Nominal seconds in one unit of ``precision`` (1 for UNKNOWN)."""
    return _UNIT_S.get(precision, 1.0)


# -- formatting ---------------------------------------------------------

def format_instant(epoch_s: float, precision: Precision, offset_s: float = 0.0) -> str:
    """An instant in words at a precision: ``Thu 10 Feb 2022``, ``February 2022``...

    Parameters
    ----------
    epoch_s : float
        Seconds since the Unix epoch, UTC.
    precision : Precision
    offset_s : float
        Added before formatting (a display zone's UTC offset, seconds).
    """
    if not math.isfinite(epoch_s):
        return "open"
    c = civil_from_epoch(epoch_s + offset_s)
    year = format_year(c.year)
    if precision == Precision.CENTURY:  # "2000s" read as a decade: the century's years
        return f"{c.year - c.year % 100}–{c.year - c.year % 100 + 99}" if c.year > 0 else year
    if precision <= Precision.DECADE:
        return f"{c.year - c.year % 10}s" if c.year > 0 else year
    if precision == Precision.YEAR:
        return year
    if precision == Precision.MONTH:
        return f"{MONTH_NAME[c.month - 1]} {year}"
    day = f"{weekday_prefix(epoch_s + offset_s, c.weekday)}{c.day} {MONTH_ABBR[c.month - 1]} {year}"
    if precision == Precision.DAY:
        return day
    if precision == Precision.HOUR:
        return f"{day} {c.hour:02d}h"
    if precision == Precision.MINUTE:
        return f"{day} {c.hour:02d}:{c.minute:02d}"
    return f"{day} {c.hour:02d}:{c.minute:02d}:{int(c.second):02d}"


def just_before(t: float) -> float:
    """The last instant before ``t`` (seconds) that is still told apart from it: 1 ms before, or the
    float just below ``t`` where 1 ms is lost in rounding (beyond about 2**33 s a microsecond is
    already lost: ``t - 1e-6 == t``).  The last instant inside an interval ``[a, t)``."""
    return min(t - 1e-3, math.nextafter(t, -math.inf))


def format_interval(earliest: float, latest: float, precision: Precision) -> str:
    """A possible interval ``[earliest, latest)`` in words at a precision.

    A single unit (one day at day precision) is written once; a wider interval as
    ``first – last`` (both inclusive).
    """
    first = format_instant(earliest, precision)
    # the last instant inside: 1 ms before the end, or the float just below it
    # where 1 ms is lost in rounding (years of millions and billions)
    last = format_instant(just_before(latest), precision)
    if precision == Precision.CENTURY and first != last and "–" in first and "–" in last:
        return f"{first.split('–')[0]}–{last.split('–')[1]}"  # 1900–2099, not 1900–1999 – 2000–2099
    return first if first == last else f"{first} – {last}"
