"""Tick rules of a calendar time axis: units, steps, label styles, and integer steppers.

A :class:`TickRule` is one kind of tick (every 3 months, every day, ...) with
its label style; a :class:`TickSpec` pairs a minor rule with a major one;
:data:`DEFAULT_TABLE` lists the specs coarse to fine.  :func:`tick_floor`,
:func:`tick_ceil` and :func:`tick_after` step through a rule's ticks on
integer local seconds.  :mod:`viewer.model.ticks` chooses a spec for a view
and computes its ticks (and re-exports these names); its docstring gives the
coordinates and rules.  Pure Python + numpy, no Qt.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from .calendar import MONTH_ABBR, SECONDS_PER_DAY, format_year, weekday_prefix

__all__ = ["DEFAULT_TABLE", "LIMIT_S", "TickRule", "TickSpec", "tick_after", "tick_ceil", "tick_floor", "year_of"]

#: Largest absolute local time handled, seconds from the Unix epoch (about
#: 1.01e12 years: the dates' range, +-999,999,999,999, with room; the rules
#: count in Python integers and numpy days, which hold far more).  Views are
#: clamped to ``[-LIMIT_S, LIMIT_S]``.
LIMIT_S = 3.2e19

_DAY = SECONDS_PER_DAY
_YEAR_MIN_S = 365 * _DAY
_YEAR_MEAN_S = 31556952  # 365.2425 days
_MONTH_MIN_S = 28 * _DAY
_MONTH_MEAN_S = _YEAR_MEAN_S // 12
_MONDAY_PHASE_S = 4 * _DAY  # 1970-01-05, the first Monday after the epoch
_FIXED_UNIT_S = {"day": _DAY, "hour": 3600, "minute": 60, "second": 1}

# -- integer calendar helpers (numpy datetime64, exact for any year) -------

def year_of(t: int) -> int:
    """Astronomical year containing local second ``t``."""
    d = np.datetime64(t // _DAY, "D")
    return int(d.astype("datetime64[Y]").astype(np.int64)) + 1970


def _year_start(year: int) -> int:
    """Local second at which ``year`` (astronomical) begins."""
    days = np.datetime64(year - 1970, "Y").astype("datetime64[D]").astype(np.int64)
    return int(days) * _DAY


def _month_index_of(t: int) -> int:
    """Months since January 1970 of the month containing local second ``t``."""
    d = np.datetime64(t // _DAY, "D")
    return int(d.astype("datetime64[M]").astype(np.int64))


def _month_start(m: int) -> int:
    """Local second at which month index ``m`` (months since Jan 1970) begins."""
    return int(np.datetime64(m, "M").astype("datetime64[D]").astype(np.int64)) * _DAY


def _civil(t: int) -> tuple[int, int, int, int, int, int, int]:
    """(year, month, day, weekday, hour, minute, second) of local second ``t``."""
    days, sod = divmod(t, _DAY)
    d = np.datetime64(days, "D")
    m = d.astype("datetime64[M]")
    y = m.astype("datetime64[Y]")
    year = int(y.astype(np.int64)) + 1970
    month = int((m - y.astype("datetime64[M]")).astype(np.int64)) + 1
    day = int((d - m.astype("datetime64[D]")).astype(np.int64)) + 1
    weekday = (days + 3) % 7  # 1970-01-01 was a Thursday
    hour, rem = divmod(sod, 3600)
    minute, second = divmod(rem, 60)
    return year, month, day, weekday, hour, minute, second


def _year_tick_ceil(y: int, n: int) -> int:
    """Smallest tick year >= ``y`` for a step of ``n`` years.

    Tick years read as round numbers: CE years that are multiples of ``n``,
    BCE years whose BCE number ``1 - y`` is a multiple of ``n`` (``100 BCE`` is
    astronomical ``-99``), and year 1 when ``n >= 10`` so that the era
    boundary is not a gap of two steps.
    """
    cands = []
    if y <= 0:
        b = y + ((1 - y) % n)
        if b <= 0:
            cands.append(b)
    if n >= 10 and y <= 1:
        cands.append(1)
    c = max(y, 1)
    cands.append(c + ((-c) % n))
    return min(cands)


def _year_tick_floor(y: int, n: int) -> int:
    """Largest tick year <= ``y`` for a step of ``n`` years (see :func:`_year_tick_ceil`)."""
    cands = []
    if y >= 1:
        c = y - (y % n)
        if c >= 1:
            cands.append(c)
        if n >= 10:
            cands.append(1)
    b = min(y, 0)
    cands.append(b - ((b - 1) % n))
    return max(cands)


# -- rules ------------------------------------------------------------------

@dataclass(frozen=True)
class TickRule:
    """One kind of tick: a calendar unit, a step and a label style.

    Parameters
    ----------
    unit : str
        ``"year"``, ``"month"``, ``"day"``, ``"hour"``, ``"minute"`` or
        ``"second"``.  A step of 7 days is aligned on Mondays.
    step : int
        Number of units between ticks (>= 1).
    style : str
        Label style: ``"year"`` (``2022``, ``44 BCE``), ``"month"`` (``Feb``),
        ``"month_year"`` (``Feb 2022``), ``"weekday_day"`` (``Thu 10``), ``"day_num"`` (``10``),
        ``"date"`` (``Thu 10 Feb 2022``), ``"hm"`` (``14:05``) or ``"hms"``
        (``14:05:30``).
    context : bool
        True for a major rule that states the enclosing period in full, drawn on
        its own row (see the module docstring).
    """

    unit: str
    step: int
    style: str
    context: bool = False

    # -- periods (seconds) ----------------------------------------------
    @property
    def min_period_s(self) -> float:
        """Shortest distance between two consecutive ticks, in seconds."""
        if self.unit == "year":
            return float(self.step * _YEAR_MIN_S)
        if self.unit == "month":
            return float(self.step * _MONTH_MIN_S)
        return float(self.step * _FIXED_UNIT_S[self.unit])

    @property
    def nominal_period_s(self) -> float:
        """Average distance between ticks, in seconds (pyqtgraph's "spacing")."""
        if self.unit == "year":
            return float(self.step * _YEAR_MEAN_S)
        if self.unit == "month":
            return float(self.step * _MONTH_MEAN_S)
        return float(self.step * _FIXED_UNIT_S[self.unit])

    # -- labels -----------------------------------------------------------
    def sample(self, year_label: str = "2000") -> str:
        """A wide label of this rule, to measure how much room labels need.

        Parameters
        ----------
        year_label : str
            The widest year label expected in the view (e.g. ``"44 BCE"``).
        """
        return {
            "year": year_label,
            "month": "May",
            "month_year": f"May {year_label}",
            "weekday_day": "Wed 28",
            "day_num": "28",
            "date": f"Wed 28 May {year_label}",
            "hm": "00:00",
            "hms": "00:00:00",
        }[self.style]

    def label(self, t_local_s: int) -> str:
        """The label of the tick at local second ``t_local_s`` (an integer)."""
        if self.style == "year":
            return format_year(year_of(t_local_s))
        year, month, day, weekday, hour, minute, second = _civil(t_local_s)
        mon = MONTH_ABBR[month - 1]
        if self.style == "month":
            return mon
        if self.style == "month_year":
            return f"{mon} {format_year(year)}"
        if self.style == "weekday_day":
            return f"{weekday_prefix(t_local_s, weekday)}{day}"
        if self.style == "day_num":
            return str(day)
        if self.style == "date":
            return f"{weekday_prefix(t_local_s, weekday)}{day} {mon} {format_year(year)}"
        if self.style == "hm":
            return f"{hour:02d}:{minute:02d}"
        if self.style == "hms":
            return f"{hour:02d}:{minute:02d}:{second:02d}"
        raise ValueError(f"unknown label style {self.style!r}")

    # -- integer tick indices -----------------------------------------------
    def _fixed(self) -> tuple[int, int]:
        period = self.step * _FIXED_UNIT_S[self.unit]
        phase = _MONDAY_PHASE_S if (self.unit == "day" and self.step == 7) else 0
        return period, phase

    def _ceil_index(self, t: int) -> int:
        if self.unit == "year":
            y = year_of(t)
            if _year_start(y) < t:
                y += 1
            return _year_tick_ceil(y, self.step)
        if self.unit == "month":
            m = _month_index_of(t)
            if _month_start(m) < t:
                m += 1
            return m + ((-m) % self.step)
        period, phase = self._fixed()
        return t + ((phase - t) % period)

    def _floor_index(self, t: int) -> int:
        if self.unit == "year":
            return _year_tick_floor(year_of(t), self.step)
        if self.unit == "month":
            m = _month_index_of(t)
            return m - (m % self.step)
        period, phase = self._fixed()
        return t - ((t - phase) % period)

    def _next_index(self, i: int) -> int:
        if self.unit == "year":
            return _year_tick_ceil(i + 1, self.step)
        if self.unit == "month":
            return i + self.step
        return i + self._fixed()[0]

    def _seconds(self, i: int) -> int:
        if self.unit == "year":
            return _year_start(i)
        if self.unit == "month":
            return _month_start(i)
        return i


@dataclass(frozen=True)
class TickSpec:
    """A row of a tick table: minor ticks and the major ticks that go with them."""

    minor: TickRule
    major: TickRule


def _year_specs() -> tuple[TickSpec, ...]:
    steps = []
    for exp in range(11, -1, -1):  # 1e11 .. 1 years, 1-2-5 series
        for mant in (5, 2, 1):
            n = mant * 10**exp
            if n <= 10**11:
                steps.append(n)
    specs = []
    for n in steps:
        major = 10 ** (len(str(n)))  # next power of ten above n
        specs.append(TickSpec(TickRule("year", n, "year"), TickRule("year", major, "year")))
    return tuple(specs)


_YEAR_CONTEXT = TickRule("year", 1, "year", context=True)
_MONTH_CONTEXT = TickRule("month", 1, "month_year", context=True)
_DAY_CONTEXT = TickRule("day", 1, "date", context=True)

#: Default rules, coarse to fine.  Immutable: build another tuple of
#: :class:`TickSpec` to customise one axis.
DEFAULT_TABLE: tuple[TickSpec, ...] = _year_specs() + tuple(
    [TickSpec(TickRule("month", n, "month"), _YEAR_CONTEXT) for n in (6, 3, 1)]
    + [TickSpec(TickRule("day", 7, "weekday_day"), _MONTH_CONTEXT)]
    # daily ticks as bare day numbers before weekday names, so a two- or
    # three-week view still shows every day
    + [TickSpec(TickRule("day", 1, style), _MONTH_CONTEXT) for style in ("day_num", "weekday_day")]
    + [TickSpec(TickRule("hour", n, "hm"), _DAY_CONTEXT) for n in (12, 6, 3, 1)]
    + [TickSpec(TickRule("minute", n, "hm"), _DAY_CONTEXT) for n in (30, 15, 10, 5, 1)]
    + [TickSpec(TickRule("second", n, "hms"), _DAY_CONTEXT) for n in (30, 10, 5, 1)]
)


# -- steppers -----------------------------------------------------------------

def _int_arg(t_s: float, rounding: Callable[[float], int]) -> int:
    if isinstance(t_s, int):
        return t_s
    if not math.isfinite(t_s):
        raise ValueError(f"tick time must be finite, got {t_s!r}")
    return int(rounding(t_s))


def tick_floor(rule: TickRule, t_s: float) -> int:
    """Latest tick of ``rule`` at or before ``t_s``.

    Parameters
    ----------
    rule : TickRule
    t_s : float
        Local seconds since the Unix epoch (UTC plus the display offset).

    Returns
    -------
    int
        Local seconds of the tick.

    Raises
    ------
    ValueError
        If ``t_s`` is NaN or infinite.
    """
    return rule._seconds(rule._floor_index(_int_arg(t_s, math.floor)))


def tick_ceil(rule: TickRule, t_s: float) -> int:
    """Earliest tick of ``rule`` at or after ``t_s`` (local seconds; see :func:`tick_floor`)."""
    return rule._seconds(rule._ceil_index(_int_arg(t_s, math.ceil)))


def tick_after(rule: TickRule, t_s: float) -> int:
    """Earliest tick of ``rule`` strictly after ``t_s`` (local seconds).

    Always advances: the result is an integer greater than ``t_s`` whatever the
    magnitude of ``t_s``, so ``t = tick_after(rule, t)`` cannot loop in place.

    Raises
    ------
    ValueError
        If ``t_s`` is NaN or infinite.
    """
    return tick_ceil(rule, _int_arg(t_s, math.floor) + 1)
