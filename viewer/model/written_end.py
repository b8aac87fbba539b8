"""An end written as the first moment after a span: TimelineJS's year-only ``end_date``.

TimelineJS places ``end_date: {"year": 650}`` on 1 January 650, so an era
600-650 meets one 650-700.  The reader keeps that interval (the end is held
as the year 649, to the year: the span ends when 649 ends) and says so in the
end's basis (:func:`exclusive_year_basis`).  The year the source wrote is 650,
and 649 is a year it never gave: what the window shows of such an end is the
year as written (:func:`written_end`), with the basis saying how it is read.

Pure Python, no Qt.
"""

from __future__ import annotations

import re

from .dates import EventDate
from .errors import DateError
from .precision import Precision

__all__ = ["exclusive_year_basis", "written_end", "written_end_words"]

_BASIS = re.compile(r"^TimelineJS end_date year (?P<year>-?\d+): ")
_YEAR = re.compile(r"^(?P<year>-?\d{4})$")


def exclusive_year_basis(year: int) -> str:
    """The basis of a TimelineJS year-only end ``year`` (as written: ``-44`` is 44 BCE),
    read as ending on 1 January of that year, when the year before ends."""
    written = f"{-year} BCE" if year < 0 else str(year)
    return (f"TimelineJS end_date year {year}: TimelineJS ends it on 1 January {written}, "
            "when the year before ends")


def written_end(date: EventDate | None) -> EventDate | None:
    """The year the source wrote for an end read by :func:`exclusive_year_basis`: an
    :class:`EventDate` of that year (to the year, the same basis), to show in place of the
    year before that the end is held as; None for any other date (or one edited since: its
    year is no longer the one before the written year)."""
    if date is None or date.precision is not Precision.YEAR or not date.basis:
        return None
    said, held = _BASIS.match(date.basis), _YEAR.match(date.edtf)
    if said is None or held is None:
        return None
    year = int(said["year"])
    astronomical = year + 1 if year < 0 else year  # 1 BCE is year 0
    if int(held["year"]) != astronomical - 1 or not -9999 <= astronomical <= 9999:
        return None
    text = f"-{-astronomical:04d}" if astronomical < 0 else f"{astronomical:04d}"
    try:
        return EventDate(text, date.phrase, date.basis)
    except DateError:
        return None


def written_end_words(date: EventDate | None) -> str | None:
    """``"650 CE (the year as written)"`` for an end :func:`written_end` shows as its year,
    else None: not "to the year", the end is the first moment of that year (the basis says)."""
    written = written_end(date)
    if written is None:
        return None
    return written.describe().split(" (to the ")[0] + " (the year as written)"
