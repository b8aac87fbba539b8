"""EDTF values resolved to possible intervals: the rules of :mod:`viewer.model.dates`.

:func:`resolve_bounds` turns one EDTF value (with an optional IANA zone for
a time of day written without an offset) into ``earliest``/``latest`` epoch
seconds UTC, precision and qualifiers; :func:`resolve_many` does the same
for many values with whole-array work on the plain ISO forms.  The rules are
documented in :mod:`viewer.model.dates` (which re-exports the public names).
Pure Python + numpy, no Qt.
"""

from __future__ import annotations

import functools
import math
import re
import time
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import numpy as np

from .calendar import SECONDS_PER_DAY, add_months, civil_from_epoch, epoch_from_civil
from .errors import DateError
from .precision import Precision

__all__ = ["DateBounds", "resolve_bounds", "resolve_many", "coarsen_bounds", "MAX_ABS_YEAR"]

MAX_ABS_YEAR = 999_999_999_999
"""Largest year (either side of year 0) a date may have: beyond it float
seconds since the epoch can no longer tell the years apart reliably."""

_SEASONS = {21: ("spring", "{y}-03..{y}-05"), 22: ("summer", "{y}-06..{y}-08"), 23: ("autumn", "{y}-09..{y}-11"),
            24: ("winter", "")}

_INF = math.inf


@dataclass(frozen=True)
class _Bounds:
    earliest: float
    latest: float
    precision: Precision
    uncertain: bool = False
    approximate: bool = False
    relation: str = ""  # "", "on or before", "on or after", "open"


_TIME_RE = re.compile(r"^(\d\d):(\d\d):(\d\d)(Z|[+-]\d\d:\d\d)?$")


def coarsen_bounds(b: _Bounds, precision: Precision) -> _Bounds:
    unit = {Precision.HOUR: 3600, Precision.MINUTE: 60}.get(precision, SECONDS_PER_DAY)
    lo = math.floor(b.earliest / unit) * unit
    return _Bounds(lo, lo + unit, precision, b.uncertain, b.approximate, b.relation)


def _flags(obj: object) -> tuple[bool, bool]:
    both = bool(getattr(obj, "_uncertain_and_approximate", False))
    unc = bool(getattr(obj, "_is_uncertain", False)) or both
    app = bool(getattr(obj, "_is_approximate", False)) or both
    ua = getattr(obj, "ua", None)
    if ua is not None:
        unc = unc or bool(getattr(ua, "is_uncertain", False))
        app = app or bool(getattr(ua, "is_approximate", False))
    return unc, app


def _day_number(t: time.struct_time) -> int:
    """Whole days from 1970-01-01 to a struct_time's date (exact integers, any year numpy's days hold)."""
    month = np.datetime64(int(t.tm_year) - 1970, "Y").astype("datetime64[M]") + (int(t.tm_mon) - 1)
    days: int = int(month.astype("datetime64[D]").astype(np.int64))
    return days + int(t.tm_mday) - 1


def _precision_of(obj: object) -> Precision:
    name = getattr(obj, "precision", None)
    if type(obj).__name__ == "Unspecified":
        name = None  # 2022-02-XX claims "day" but is known to the month
    if isinstance(name, str) and name.upper() in Precision.__members__:
        return Precision[name.upper()]
    # the width in whole days, counted exactly: seconds in floats lose days' fractions beyond
    # about 2**53 s, so a year of Y123456789012 measured 366.003 days and read as a decade
    width_days = _day_number(obj.upper_strict()) - _day_number(obj.lower_strict()) + 1  # type: ignore[attr-defined]
    if width_days <= 1:
        return Precision.DAY
    if width_days <= 31:
        return Precision.MONTH
    if width_days <= 366:
        return Precision.YEAR
    if width_days <= 3653:
        return Precision.DECADE
    return Precision.CENTURY


def _strict_day_bounds(obj: object, text: str) -> tuple[float, float]:
    try:
        lo = obj.lower_strict()  # type: ignore[attr-defined]
        hi = obj.upper_strict()  # type: ignore[attr-defined]
        return (
            epoch_from_civil(lo.tm_year, lo.tm_mon, lo.tm_mday),
            epoch_from_civil(hi.tm_year, hi.tm_mon, hi.tm_mday) + SECONDS_PER_DAY,
        )
    except (AttributeError, TypeError) as exc:
        raise DateError(f"EDTF value {text!r} cannot be placed on a timeline") from exc
    except OverflowError as exc:
        raise DateError(_year_range_message(text)) from exc
    except ValueError as exc:
        raise DateError(f"EDTF value {text!r} is not a calendar date: {exc}") from exc


def _year_range_message(text: str) -> str:
    shown = repr(text) if len(text) <= 40 else f"'{text[:24]}…{text[-8:]}' ({len(text)} characters)"
    return (f"{shown}: the year is out of range; years from -{MAX_ABS_YEAR} to {MAX_ABS_YEAR} "
            f"(Y-{MAX_ABS_YEAR} .. Y{MAX_ABS_YEAR}) can be placed on a timeline")


def _check_text(text: str) -> None:
    """Refuse what EDTF never contains: non-ASCII characters, surrounding
    space, a long year beyond :data:`MAX_ABS_YEAR` (before any arithmetic)."""
    if not text.isascii():
        bad = next(c for c in text if not c.isascii())
        raise DateError(f"{text!r} contains {bad!r} (U+{ord(bad):04X}); dates are written in ASCII, "
                        "with the digits 0-9 (EDTF)")
    if text != text.strip():
        raise DateError(f"{text!r} has space around the date; write it without (EDTF), e.g. {text.strip()!r}")
    for m in re.finditer(r"Y-?(\d+)(?:E(\d+))?", text):
        digits = m.group(1).lstrip("0") or "0"
        exponent = int(m.group(2)) if m.group(2) and len(m.group(2)) <= 3 else (10**4 if m.group(2) else 0)
        if len(digits) + exponent > len(str(MAX_ABS_YEAR)) or int(digits) * 10**exponent > MAX_ABS_YEAR:
            raise DateError(_year_range_message(text))


def _check_written_day(text: str) -> None:
    """edtf accepts 2021-02-29; the calendar does not."""
    m = re.match(r"^(-?\d{4})-(\d\d)-(\d\d)", text.lstrip("["))
    if m and "X" not in m.group(0):
        try:
            epoch_from_civil(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError as exc:
            raise DateError(f"{text!r} is not a day of the calendar: {exc}") from exc


_PART_DIGITS = re.compile(r"(?<![\dX])(?P<y>-?[\dX]{4})-(?P<m>[\dX]{2})(?:-(?P<d>[\dX]{2}))?(?![\dX])")
"""A year-month(-day) inside an EDTF value, whose month or day field may mix digits and ``X``."""


def _check_partly_unspecified(text: str) -> None:
    """Refuse a month or day with one digit unspecified (``2022-1X``, ``2022-02-1X``): EDTF level 2
    allows them, but the ``edtf`` package cannot read them (it fails with internal errors and prints
    to stdout) and the timeline does not place them.  The message says what to write instead: the
    whole field unspecified, or the range of months or days the value stands for."""
    for m in _PART_DIGITS.finditer(text):
        for name, part in (("month", m["m"]), ("day", m["d"])):
            if part is None or "X" not in part or part == "XX":
                continue
            y, mo, d = m["y"], m["m"], m["d"]
            whole = f"{y}-XX" + (f"-{d}" if d else "") if name == "month" else f"{y}-{mo}-XX"
            example = f"{whole} (the {name} unknown)"
            if part[0] != "X" and part[1] == "X" and "X" not in y:  # 1X: one of ten days / three months
                lo = max(int(part[0] + "0"), 1)
                if name == "month" and d in (None, "XX"):
                    hi = min(int(part[0] + "9"), 12)
                    if lo <= hi:
                        example += f" or [{y}-{lo:02d}..{y}-{hi:02d}] (one month of those)"
                elif name == "day" and "X" not in mo and 1 <= int(mo) <= 12:
                    last = (add_months(epoch_from_civil(int(y), int(mo), 1), 1)
                            - epoch_from_civil(int(y), int(mo), 1)) // SECONDS_PER_DAY
                    hi = min(int(part[0] + "9"), int(last))
                    if lo <= hi:
                        example += f" or [{y}-{mo}-{lo:02d}..{y}-{mo}-{hi:02d}] (one day of those)"
            raise DateError(
                f"{text!r}: a partly unknown {name} digit ({part}) is not supported; write an EDTF date "
                f"such as {example}"
            )


def _time_of_day(date_lo: float, time_text: str, tz_name: str | None, text: str) -> float:
    m = _TIME_RE.match(time_text)
    if not m:
        raise DateError(f"time of day in {text!r} must be hh:mm:ss with Z or +hh:mm (got {time_text!r})")
    hh, mm, ss, off = int(m.group(1)), int(m.group(2)), int(m.group(3)), m.group(4)
    if hh > 23 or mm > 59 or ss > 59:
        raise DateError(f"time of day {time_text!r} in {text!r} is out of range")
    local = date_lo + hh * 3600 + mm * 60 + ss
    if off:
        if off == "Z":
            return local
        sign = 1 if off[0] == "+" else -1
        if int(off[1:3]) > 15 or int(off[4:6]) > 59:
            raise DateError(f"UTC offset {off!r} in {text!r} is out of range: hours 00-15 and minutes 00-59 "
                            "(real offsets run from -12:00 to +14:00)")
        return local - sign * (int(off[1:3]) * 3600 + int(off[4:6]) * 60)
    if tz_name is None:
        raise DateError(
            f"time of day in {text!r} has no UTC offset; add Z or +hh:mm, or give the event a time_zone"
        )
    try:
        zone = ZoneInfo(tz_name)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise DateError(f"unknown IANA time zone {tz_name!r}") from exc
    civil = civil_from_epoch(date_lo)
    if not 1 <= civil.year <= 9999:
        raise DateError(f"{text!r}: a named time zone needs a year in 1..9999; use an offset")
    instants = []
    for fold in (0, 1):
        wall = datetime(civil.year, civil.month, civil.day, hh, mm, ss, tzinfo=zone, fold=fold)
        offset = wall.utcoffset() or timedelta(0)
        try:
            instant = wall.replace(tzinfo=timezone.utc) - offset
        except OverflowError as exc:
            raise DateError(f"{text!r} is outside the range of named time zones; use an offset") from exc
        # a wall time in a clocks-forward gap does not come back unchanged (PEP 495)
        if instant.replace(tzinfo=timezone.utc).astimezone(zone).replace(tzinfo=None) != wall.replace(tzinfo=None):
            raise DateError(
                f"{time_text} on {civil.year:04d}-{civil.month:02d}-{civil.day:02d} does not exist in "
                f"{tz_name} (the clocks skipped it); give the time with its UTC offset"
            )
        instants.append(instant.timestamp())
    if instants[0] != instants[1]:
        # clocks went back: the wall time happened twice (PEP 495 fold)
        raise _Ambiguous(min(instants), max(instants))
    return instants[0]


class _Ambiguous(Exception):
    """A wall time that occurred twice; carries both instants (epoch s)."""

    def __init__(self, first: float, second: float) -> None:
        super().__init__(first, second)
        self.first, self.second = first, second


def _bounds_of(obj: object, text: str, tz_name: str | None) -> _Bounds:
    cls = type(obj).__name__
    if cls == "UnspecifiedIntervalSection":
        return _Bounds(-_INF, _INF, Precision.UNKNOWN, relation="open")
    if cls == "EarlierConsecutives":
        upper = _bounds_of(obj.upper, text, tz_name)  # type: ignore[attr-defined]
        return _Bounds(-_INF, upper.latest, upper.precision, upper.uncertain, upper.approximate, "on or before")
    if cls == "LaterConsecutives":
        lower = _bounds_of(obj.lower, text, tz_name)  # type: ignore[attr-defined]
        return _Bounds(lower.earliest, _INF, lower.precision, lower.uncertain, lower.approximate, "on or after")
    if cls == "Season":
        code = int(getattr(obj, "season", 0) or 0)
        year = str(getattr(obj, "_year", "") or "2022")
        name, months = _SEASONS.get(code, (f"season {code}", ""))
        example = f"[{months.format(y=year)}]" if months else f"the months of that {name}"
        if code == 24 and year.lstrip("-").isdigit() and len(year) == 4:
            example = f"[{year}-12..{int(year) + 1:04d}-02]"
        raise DateError(
            f"{text!r} is an EDTF season ({name} {year}); EDTF does not say which months a season covers, so "
            f"it cannot be placed honestly: write the months instead, e.g. {example} (one month in that range; "
            "northern-hemisphere months), or the year"
        )
    if cls in ("Interval", "Level1Interval", "Level2Interval"):
        raise DateError(
            f"{text!r} is an interval; write its two ends as the event's start and end"
        )
    if cls in ("OneOfASet", "MultipleDates"):
        objs = obj.objects  # type: ignore[attr-defined]
        if len(objs) == 1 and type(objs[0]).__name__ in ("EarlierConsecutives", "LaterConsecutives"):
            return _bounds_of(objs[0], text, tz_name)
        if len(objs) == 1 and type(objs[0]).__name__ == "Consecutives":
            # [a..b]: one day (or month...) from a to b, not known which
            first = _bounds_of(objs[0].lower, text, tz_name)
            last = _bounds_of(objs[0].upper, text, tz_name)
            if last.latest <= first.earliest:
                raise DateError(f"{text!r}: the range ends before it begins")
            return _Bounds(first.earliest, last.latest, min(first.precision, last.precision),
                           first.uncertain or last.uncertain, first.approximate or last.approximate, "one of")
        raise DateError(
            f"{text!r} is a set of several dates; this viewer takes one date, [..date] (on or before), "
            "[date..] (on or after) or [date..date] (one day in that range)"
        )
    if cls == "DateAndTime":
        date_lo, _ = _strict_day_bounds(obj.date, text)  # type: ignore[attr-defined]
        try:
            t = _time_of_day(date_lo, obj.time, tz_name, text)  # type: ignore[attr-defined]
        except _Ambiguous as amb:
            # both readings stay possible: flagged uncertain, interval covers both
            return _Bounds(amb.first, amb.second + 1, Precision.SECOND, uncertain=True)
        return _Bounds(t, t + 1, Precision.SECOND)
    if cls == "UncertainOrApproximate":
        inner = _bounds_of(obj.date, text, tz_name)  # type: ignore[attr-defined]
        unc, app = _flags(obj)
        lo, hi = inner.earliest, inner.latest
        if app:
            lo, hi = _widen(lo, hi, inner.precision)
        return _Bounds(lo, hi, inner.precision, unc, app, inner.relation)
    lo, hi = _strict_day_bounds(obj, text)
    unc, app = _flags(obj)
    precision = _precision_of(obj)
    if app:
        lo, hi = _widen(lo, hi, precision)
    return _Bounds(lo, hi, precision, unc, app)


def _widen(lo: float, hi: float, precision: Precision) -> tuple[float, float]:
    if precision == Precision.MONTH:
        return add_months(lo, -1), add_months(hi, 1)
    if precision <= Precision.YEAR:
        years = {Precision.YEAR: 1, Precision.DECADE: 10}.get(precision, 100)
        return add_months(lo, -12 * years), add_months(hi, 12 * years)
    unit = SECONDS_PER_DAY if precision == Precision.DAY else 1.0
    return lo - unit, hi + unit


# -- fast path for plain ISO 8601 calendar dates --------------------------
#
# Most dates in large collections are plain ``YYYY``, ``YYYY-MM``,
# ``YYYY-MM-DD`` or ``YYYY-MM-DDThh:mm:ss`` with ``Z``/``+hh:mm``/no offset
# (the year signed: ``-0044`` is 45 BCE, ISO 8601's astronomical numbering).
# They mean the same in ISO 8601 and EDTF, so they are resolved here without
# the EDTF grammar (pyparsing, ~10 ms a value).  Anything else, and anything
# out of range, returns None and goes through the full EDTF path, which then
# gives the same result or the same error (tests/model/test_dates_fast.py).

_FAST_RE = re.compile(
    r"(-?\d{4})(?:-(\d\d)(?:-(\d\d)(?:T(\d\d:\d\d:\d\d(?:Z|[+-]\d\d:\d\d)?))?)?)?"
)
_CUM_DAYS = (0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334, 365)


def _is_leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def _days_from_civil(year: int, month: int, day: int) -> int:
    """Days since 1970-01-01 of a proleptic Gregorian date.

    The integer algorithm of H. Hinnant, "chrono-Compatible Low-Level Date
    Algorithms" (days_from_civil), valid for any year.
    """
    y = year - (month <= 2)
    era = y // 400  # Python's floor division: Hinnant's C truncation needs (y - 399) / 400 below 0
    yoe = y - era * 400
    doy = (153 * (month + (-3 if month > 2 else 9)) + 2) // 5 + day - 1
    doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
    return era * 146097 + doe - 719468


def _fast_bounds(text: str, tz_name: str | None) -> _Bounds | None:
    """Bounds of a plain ISO date (see above), or None to use the EDTF parser."""
    m = _FAST_RE.fullmatch(text)
    if m is None:
        return None
    year = int(m.group(1))
    if year == 0 and m.group(1).startswith("-"):
        return None  # "-0000" is not EDTF: the EDTF path says so
    lo: float
    if m.group(2) is None:
        lo = _days_from_civil(year, 1, 1) * SECONDS_PER_DAY
        return _Bounds(float(lo), float(_days_from_civil(year + 1, 1, 1) * SECONDS_PER_DAY), Precision.YEAR)
    month = int(m.group(2))
    if not 1 <= month <= 12:
        return None  # EDTF reads 21..41 as seasons; the EDTF path decides
    if m.group(3) is None:
        nxt = (year + 1, 1) if month == 12 else (year, month + 1)
        lo = _days_from_civil(year, month, 1) * SECONDS_PER_DAY
        return _Bounds(float(lo), float(_days_from_civil(nxt[0], nxt[1], 1) * SECONDS_PER_DAY), Precision.MONTH)
    day = int(m.group(3))
    dim = _CUM_DAYS[month] - _CUM_DAYS[month - 1] + (month == 2 and _is_leap(year))
    if not 1 <= day <= dim:
        return None  # the EDTF path reports it
    lo = float(_days_from_civil(year, month, day) * SECONDS_PER_DAY)
    time_text = m.group(4)
    if time_text is None:
        return _Bounds(lo, lo + SECONDS_PER_DAY, Precision.DAY)
    hh, mm, ss = int(time_text[0:2]), int(time_text[3:5]), int(time_text[6:8])
    if hh > 23 or mm > 59 or ss > 59 or time_text.endswith("00:00", 9):
        return None  # EDTF writes a zero offset as Z: its grammar rejects +00:00
    try:
        t = _time_of_day(lo, time_text, tz_name, text)
    except _Ambiguous:
        return None  # a wall time that happened twice: the EDTF path flags it
    return _Bounds(t, t + 1, Precision.SECOND)


@functools.lru_cache(maxsize=65536)
def _resolve(text: str, tz_name: str | None) -> _Bounds:
    if isinstance(text, str):
        _check_text(text)
        fast = _fast_bounds(text, tz_name)
        if fast is not None:
            return fast
    return _resolve_edtf(text, tz_name)


_ISO_TIME = re.compile(r"^(?P<day>[+-]?\d{4,}-\d{2}-\d{2})(?P<sep>[T ])(?P<hm>\d{2}:\d{2})(?P<sec>:\d{2})?"
                       r"(?P<frac>[.,]\d+)?(?P<zone>Z|[+-]\d{2}:?\d{2})?$")


_QUALIFIERS = re.compile(r"[?~%]{2,}")


def _qualifier_hint(text: str) -> str:
    """How to write a date both uncertain and approximate (``2022-02-10?~`` -> ``2022-02-10%``),
    or ``""``; ends with ``"; "``."""
    def one(m: re.Match[str]) -> str:
        found = set(m.group(0))
        return "%" if "%" in found or {"?", "~"} <= found else m.group(0)

    fixed = _QUALIFIERS.sub(one, text)
    if fixed == text:
        return ""
    return f"EDTF writes a date both uncertain (?) and approximate (~) with one '%': write {fixed!r}; "


def _iso_hint(text: str) -> str:
    """What to change in an ISO 8601 date-time that EDTF (ISO 8601-2, as the
    ``edtf`` package reads it) does not accept, or ``""``; ends with ``"; "``.

    EDTF level 0 writes a time as ``T`` + hh:mm:ss, with ``Z`` for UTC and
    ``+hh:mm`` for other offsets; ``+00:00``, a missing ``:ss``, fractions of
    a second and a space instead of ``T`` are common ISO forms it refuses.
    """
    m = _ISO_TIME.match(text)
    if m is None:
        return ""
    zone = m["zone"] or ""
    if zone in ("+00:00", "-00:00", "+0000", "-0000"):
        zone = "Z"
    elif zone not in ("", "Z") and ":" not in zone:
        zone = zone[:3] + ":" + zone[3:]
    hour, minute = int(m["hm"][:2]), int(m["hm"][3:])
    second = int(m["sec"][1:]) if m["sec"] else 0
    if minute > 59 or second > 59:  # no valid value to advise: say what runs how far
        return "in EDTF minutes and seconds run from 00 to 59; "
    day, hm = m["day"], m["hm"]
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", day):
        try:
            datetime.fromisoformat(day)
        except ValueError:
            return ""  # not a day of the calendar: no rewriting makes it one (the day's own message says so)
    reasons = []
    if hour > 23:  # 25:00 is 01:00 the next day (the advice must itself be a valid date)
        try:
            nxt = (datetime.fromisoformat(day) + timedelta(days=hour // 24)).date()
        except ValueError:
            return "in EDTF hours run from 00 to 23; "
        if hour >= 48:
            return "in EDTF hours run from 00 to 23; "
        day, hm = nxt.isoformat(), f"{hour % 24:02d}:{minute:02d}"
        reasons.append(f"hours run from 00 to 23 ({m['hm']} is {hm} the next day)")
    fixed = f"{day}T{hm}{m['sec'] or ':00'}{zone}"
    if fixed == text:
        return ""
    if m["sep"] == " ":
        reasons.append("the time follows a 'T', not a space")
    if not m["sec"]:
        reasons.append("seconds are written")
    if m["frac"]:
        reasons.append("there are no fractions of a second (the time is kept to the second)")
    if (m["zone"] or "") in ("+00:00", "-00:00", "+0000", "-0000"):
        reasons.append("UTC is written Z")
    elif m["zone"] not in (None, "Z") and ":" not in m["zone"]:
        reasons.append("an offset is written +hh:mm")
    return f"in EDTF {', '.join(reasons)}: write {fixed!r}; "


def _quiet_edtf_parser() -> None:
    """Stop the ``edtf`` package printing to stdout: when one of its parser classes fails to build
    (``2022-X01 %``) it prints "trying to PartialUnspecified.__init__(...)" before raising, which
    reached the output of ``timeline-viewer validate``.  A module-level ``print`` in its
    ``parser_classes`` shadows the builtin there only (thread-safe, unlike redirecting
    ``sys.stdout`` around each parse); the error itself is still raised and reported."""
    from edtf.parser import parser_classes

    if "print" not in vars(parser_classes):
        parser_classes.print = lambda *args, **kwargs: None  # type: ignore[attr-defined]


@functools.lru_cache(maxsize=65536)  # EDTF parsing (pyparsing) costs ~10 ms a value
def _resolve_edtf(text: str, tz_name: str | None) -> _Bounds:
    if not isinstance(text, str) or not text.strip():
        raise DateError("a date must be a non-empty EDTF string such as '2022-02-10'")
    text = text.strip()
    if text in ("..", ""):
        return _Bounds(-_INF, _INF, Precision.UNKNOWN, relation="open")
    _check_written_day(text)
    _check_partly_unspecified(text)
    # edtf (and its pyparsing grammar, dateutil) is imported when a date string is first parsed, not
    # with the model: a collection's window reads its dates as numbers and never needs it
    import edtf

    _quiet_edtf_parser()
    try:
        obj = edtf.parse_edtf(text)
    except Exception as exc:  # EDTFParseException, and assorted internal errors on odd input (2022-X01 %)
        raise DateError(
            f"{text!r} is not an EDTF date; {_qualifier_hint(text)}{_iso_hint(text)}expected forms like "
            "2022-02-10, 2022-02, "
            "2022-02-10?, [..2022-02-10] or 2022-02-10T14:00:00+03:00"
        ) from exc
    try:
        return _bounds_of(obj, text, tz_name)
    except DateError:
        raise
    except (ValueError, TypeError, ArithmeticError) as exc:  # the package parses forms it cannot place (1X50)
        raise DateError(
            f"{text!r} is EDTF the timeline cannot place ({exc}); unspecified digits are read at the end of "
            "a year or as whole month/day fields, e.g. 185X, 18XX, 2022-XX-10"
        ) from exc


def _digits(a: np.ndarray, lo: int, hi: int) -> np.ndarray:
    v = np.zeros(len(a), dtype=np.int64)
    for k in range(lo, hi):
        v = v * 10 + (a[:, k].astype(np.int64) - 48)
    return v


def _days_from_civil_np(y: np.ndarray, m: np.ndarray, d: np.ndarray) -> np.ndarray:
    """Vectorised :func:`_days_from_civil` (Hinnant's algorithm), int64 arrays."""
    y = y - (m <= 2)
    era = np.floor_divide(y, 400)
    yoe = y - era * 400
    doy = (153 * (m + np.where(m > 2, -3, 9)) + 2) // 5 + d - 1
    doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
    days: np.ndarray = era * 146097 + doe - 719468
    return days


# length -> (precision, pattern of fixed characters (position, byte))
_BULK_FORMS = {
    4: (Precision.YEAR, ()),
    7: (Precision.MONTH, ((4, b"-"),)),
    10: (Precision.DAY, ((4, b"-"), (7, b"-"))),
    20: (Precision.SECOND, ((4, b"-"), (7, b"-"), (10, b"T"), (13, b":"), (16, b":"), (19, b"Z"))),
    25: (Precision.SECOND, ((4, b"-"), (7, b"-"), (10, b"T"), (13, b":"), (16, b":"), (22, b":"))),
}
_DIGIT_POS = {4: range(0, 4), 7: (0, 1, 2, 3, 5, 6), 10: (0, 1, 2, 3, 5, 6, 8, 9),
              20: (0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18),
              25: (0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18, 20, 21, 23, 24)}


def resolve_many(texts: list[str], time_zone: str | None = None
                 ) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray, list[str]]:
    """Resolve many EDTF values at once: what :func:`resolve_bounds` gives each.

    Plain ISO forms with ``Z`` or ``±hh:mm`` are decoded with numpy, whole
    columns of characters at a time (the rules of :func:`_fast_bounds`);
    every other value goes through :func:`resolve_bounds` one by one.

    Parameters
    ----------
    texts : list of str, length N
    time_zone : str or None
        Zone for times of day written without an offset (as ``EventDate``).

    Returns
    -------
    earliest, latest : float64 (N,)
        Epoch seconds UTC (``±inf`` where open).
    precision : int8 (N,)
        :class:`Precision` values.
    uncertain, approximate : bool (N,)
    relations : list of str, length N
        ``""``, ``"on or before"``, ``"on or after"`` or ``"open"``.

    Raises
    ------
    DateError
        For the first value that is not a date (as :func:`resolve_bounds`).
    """
    n = len(texts)
    lo = np.full(n, np.nan)
    hi = np.full(n, np.nan)
    prec = np.zeros(n, dtype=np.int8)
    unc = np.zeros(n, dtype=bool)
    app = np.zeros(n, dtype=bool)
    rel = [""] * n
    done = np.zeros(n, dtype=bool)
    lengths = np.fromiter(map(len, texts), dtype=np.int64, count=n)
    for length, (precision, fixed) in _BULK_FORMS.items():
        idx = np.nonzero(lengths == length)[0]
        if not len(idx):
            continue
        try:
            raw = "".join([texts[k] for k in idx.tolist()]).encode("ascii")
        except UnicodeEncodeError:
            continue
        a = np.frombuffer(raw, dtype=np.uint8).reshape(len(idx), length)
        ok = np.all((a[:, list(_DIGIT_POS[length])] >= 48) & (a[:, list(_DIGIT_POS[length])] <= 57), axis=1)
        for pos, ch in fixed:
            ok &= a[:, pos] == ch[0]
        if length == 25:
            ok &= (a[:, 19] == ord("+")) | (a[:, 19] == ord("-"))
        year = _digits(a, 0, 4)
        month = _digits(a, 5, 7) if length >= 7 else np.ones(len(idx), np.int64)
        day = _digits(a, 8, 10) if length >= 10 else np.ones(len(idx), np.int64)
        ok &= (year >= 1) & (month >= 1) & (month <= 12)
        leap = (year % 4 == 0) & ((year % 100 != 0) | (year % 400 == 0))
        dim = np.asarray(np.diff(_CUM_DAYS))[np.clip(month - 1, 0, 11)] + ((month == 2) & leap)
        ok &= (day >= 1) & (day <= dim)
        days = _days_from_civil_np(year, month, day)
        start = days * SECONDS_PER_DAY
        if length == 4:
            end = _days_from_civil_np(year + 1, np.ones_like(year), np.ones_like(year)) * SECONDS_PER_DAY
        elif length == 7:
            ny, nm = np.where(month == 12, year + 1, year), np.where(month == 12, 1, month + 1)
            end = _days_from_civil_np(ny, nm, np.ones_like(year)) * SECONDS_PER_DAY
        elif length == 10:
            end = start + SECONDS_PER_DAY
        else:
            hh, mi, ss = _digits(a, 11, 13), _digits(a, 14, 16), _digits(a, 17, 19)
            ok &= (hh <= 23) & (mi <= 59) & (ss <= 59)
            start = start + hh * 3600 + mi * 60 + ss
            if length == 25:
                oh, om = _digits(a, 20, 22), _digits(a, 23, 25)
                ok &= (oh <= 15) & (om <= 59) & ((oh > 0) | (om > 0))  # +00:00 is Z; past 15 h: refused (_time_of_day)
                sign = np.where(a[:, 19] == ord("+"), 1, -1)
                start = start - sign * (oh * 3600 + om * 60)
            end = start + 1
        good = idx[ok]
        lo[good] = start[ok].astype(np.float64)
        hi[good] = end[ok].astype(np.float64)
        prec[good] = int(precision)
        done[good] = True
    for k in np.nonzero(~done)[0].tolist():
        b = _resolve(texts[k], time_zone)
        lo[k], hi[k], prec[k], unc[k], app[k], rel[k] = (
            b.earliest, b.latest, int(b.precision), b.uncertain, b.approximate, b.relation)
    return lo, hi, prec, unc, app, rel


DateBounds = _Bounds
"""What an EDTF value resolves to: ``earliest``, ``latest`` (epoch s UTC),
``precision``, ``uncertain``, ``approximate``, ``relation`` (as on EventDate)."""


def resolve_bounds(edtf_text: str, time_zone: str | None = None) -> DateBounds:
    """Resolve an EDTF value as :class:`EventDate` does, without building one.

    For readers of large files: plain ISO dates take the fast path, anything
    else the EDTF grammar; results are cached per (value, zone).

    Raises
    ------
    DateError
        As :class:`EventDate`.
    """
    return _resolve(edtf_text, time_zone)
