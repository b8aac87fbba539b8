"""Dates as other tools write them: ISO 8601 variants to EDTF, and EventDates with a reason when not.

:func:`to_edtf` rewrites ISO 8601 date-times as other tools write them
(``2022-02-10 14:00``, ``2022-02-10T14:00:00.000Z``, ``+0300``, expanded
years, year-first dates with dots or slashes) as EDTF; :func:`make_date`
turns such a value into an :class:`~viewer.model.dates.EventDate`, or a
:class:`~viewer.model.errors.DateError` that says what was expected.  Used by
the foreign-format readers (re-exported by :mod:`viewer.io.common`).

Pure Python, no Qt.
"""

from __future__ import annotations

import re

from viewer.model.dates import EventDate, Precision
from viewer.model.errors import DateError

from .native_checks import date_hint, needs_zone

__all__ = ["to_edtf", "make_date"]

_ISO_DT = re.compile(
    r"^(?P<date>[+-]?\d{4,}-\d\d-\d\d)[T ](?P<h>\d\d):(?P<m>\d\d)(?::(?P<s>\d\d)(?:[.,](?P<frac>\d+))?)?"
    r"\s*(?P<tz>Z|[+-]\d\d(?::?\d\d)?)?$"
)


_EXPANDED_YEAR = re.compile(r"^([+-])(\d{5,})(-\d\d.*)?$")
_YMD_DOTS = re.compile(
    r"^(\d{4})[./](\d\d)[./](\d\d)(?:[ _T](\d\d:\d\d(?::\d\d(?:\.\d+)?)?\s*(?:Z|[+-]\d\d:?\d\d)?))?$")


def to_edtf(text: str) -> tuple[str, Precision | None, str]:
    """An ISO 8601 date or date-time as other tools write it, in EDTF.

    EDTF (ISO 8601-2) writes a time of day as ``Thh:mm:ss`` with ``Z`` or
    ``±hh:mm``; tools also write ``2022-02-10 14:00``, fractions of a second
    and ``+0300``, and year-first dates with dots or slashes
    (``2010.05.19_00:00:00`` as SolarSoft writes them, ``2022/02/10``).
    Those are rewritten; anything else is returned unchanged
    (to be parsed as EDTF).

    Parameters
    ----------
    text : str

    Returns
    -------
    edtf : str
    precision : Precision or None
        ``MINUTE`` when no seconds were written (EDTF always writes them).
    note : str
        ``""``, or what was lost (a fraction of a second), for a warning.
    """
    raw = text.strip()
    expanded = _EXPANDED_YEAR.match(raw)
    if expanded:  # ISO 8601 expanded years, as JavaScript's Date writes them: -000400-01-01, +002022-01-01
        year = int(expanded.group(1) + expanded.group(2))
        rest = expanded.group(3) or ""
        if -9999 <= year <= 9999:
            raw = (f"-{-year:04d}" if year < 0 else f"{year:04d}") + rest
        elif not rest or re.fullmatch(r"-01-01(T00:00(:00(\.0+)?)?Z?)?", rest):
            return f"Y{year}", None, (f"{text.strip()!r} read as the year {year} (EDTF cannot give a year beyond "
                                      "9999 a month or day)" if rest else "")
    ymd = _YMD_DOTS.match(raw)
    if ymd:  # 2010.05.19_00:00:00 (SolarSoft), 2022/02/10: year first, so never day/month ambiguous
        rest = ymd.group(4) or ""
        iso = f"{ymd.group(1)}-{ymd.group(2)}-{ymd.group(3)}"
        if not rest:
            return iso, None, ""
        raw_iso = iso + " " + rest
        m = _ISO_DT.match(raw_iso)
        if not m:
            return raw, None, ""
    else:
        m = _ISO_DT.match(raw)
    if not m:
        return raw, None, ""
    sec = m.group("s")
    precision = None if sec is not None else Precision.MINUTE
    note = ""
    frac = m.group("frac")
    if frac and int(frac):
        note = f"the fraction of a second in {raw!r} was dropped (dates are kept to the second)"
    tz = m.group("tz") or ""
    if tz and tz != "Z":
        tz = tz[:3] + ":" + (tz[-2:] if len(tz) > 3 else "00")
    return f"{m.group('date')}T{m.group('h')}:{m.group('m')}:{sec or '00'}{tz}", precision, note


def make_date(
    value: str,
    *,
    phrase: str = "",
    basis: str = "",
    time_zone: str | None = "UTC",
    precision: Precision | None = None,
) -> tuple[EventDate, str]:
    """An :class:`EventDate` from an ISO 8601/EDTF string.

    Returns
    -------
    date : EventDate
    note : str
        Something lost in the conversion (for a warning), or ``""``.

    Raises
    ------
    DateError
        Not EDTF/ISO 8601, not in the calendar, ambiguous (``03/04/2022``:
        day and month order is never guessed) or unpadded (``2017-3-13``); the
        message says what was expected.
    """
    text, iso_precision, note = to_edtf(value)
    if not text:
        raise DateError("the date is empty; expected an ISO 8601 date such as 2022-02-10")
    zone = time_zone if needs_zone(text) else None
    try:
        return EventDate(text, phrase, basis, time_zone=zone, precision_override=precision or iso_precision), note
    except DateError as exc:
        hint = date_hint(text)
        if re.match(r"^[+-]?\d{5,}", text):
            hint = (" (years beyond 9999 are written with a Y and on their own, e.g. Y12000; "
                    "EDTF cannot give them a month or day)")
        raise DateError(f"{exc}{hint}") from None

