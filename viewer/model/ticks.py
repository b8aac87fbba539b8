"""Calendar ticks for a horizontal time axis, at any zoom and for any year.

No Qt here: this module decides *where* ticks go and *what* they say; the axis
item in :mod:`viewer.graphics.axis` only measures text and draws.

Coordinates
-----------
The plot's x coordinate is seconds relative to a timeline origin::

    x = epoch_seconds_utc - origin_epoch_s

Calendar fields (year, month, day, hour...) are computed on *local* seconds
``epoch_seconds_utc + offset_s`` where ``offset_s`` is a fixed display-zone
offset (0 for UTC).  Every tick falls on a whole local second, so ticks are
computed with Python integers (exact at any magnitude) and converted to float
x only at the end: deep zoom near a far-away date keeps its precision as long
as the origin is near the view.

Rules
-----
A :class:`TickSpec` pairs a *minor* :class:`TickRule` (the dense ticks and their
short labels, e.g. ``"Thu 10"``) with a *major* rule.  A major rule is either

* a **context** rule (``context=True``): the enclosing month/day/year written in
  full (``"Feb 2022"``, ``"Thu 10 Feb 2022"``), drawn on its own row; its
  level also carries the tick at or before the left edge so that the date of
  the view's left edge is always known; or
* a coarser step of the same unit (years only): ``2020`` every 10 years over
  ``2021 2022 ...``, on the same row (the minor level then omits the ticks of
  the major level, as pyqtgraph expects).

The table :data:`DEFAULT_TABLE` is an immutable tuple; pass another table to
:func:`choose_tick_spec` / :func:`compute_ticks` to change the rules of one
axis without touching any other.

Steppers
--------
:func:`tick_floor`, :func:`tick_ceil` and :func:`tick_after` work on integer
tick indices (years, months since 1970, seconds), never by adding a float step
to a float, so :func:`tick_after` always returns a tick strictly after its
argument and every loop over ticks is bounded by a tick count cap.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from .calendar import MONTH_ABBR, SECONDS_PER_DAY, WEEKDAY_ABBR, format_year

__all__ = [
    "DEFAULT_TABLE",
    "LIMIT_S",
    "TickLevels",
    "TickRule",
    "TickSpec",
    "choose_tick_spec",
    "compute_ticks",
    "default_measure",
    "generate_ticks",
    "max_ticks",
    "tick_after",
    "tick_ceil",
    "tick_floor",
]

#: Largest absolute local time handled, seconds from the Unix epoch (about
#: 2.85e11 years, just inside numpy ``datetime64[s]``'s range).  Views are
#: clamped to ``[-LIMIT_S, LIMIT_S]``.
LIMIT_S = 9.0e18

#: Minimum pixels per tick: no level ever holds more than ``width_px / 20``.
PX_PER_TICK = 20.0

_DAY = SECONDS_PER_DAY
_YEAR_MIN_S = 365 * _DAY
_YEAR_MEAN_S = 31556952  # 365.2425 days
_MONTH_MIN_S = 28 * _DAY
_MONTH_MEAN_S = _YEAR_MEAN_S // 12
_MONDAY_PHASE_S = 4 * _DAY  # 1970-01-05, the first Monday after the epoch
_FIXED_UNIT_S = {"day": _DAY, "hour": 3600, "minute": 60, "second": 1}

Measure = Callable[[str], float]


def default_measure(text: str) -> float:
    """Estimated width of ``text`` in pixels: 8 px per character."""
    return 8.0 * len(text)


# -- integer calendar helpers (numpy datetime64, exact for any year) -------

def _year_of(t: int) -> int:
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
            return format_year(_year_of(t_local_s))
        year, month, day, weekday, hour, minute, second = _civil(t_local_s)
        mon = MONTH_ABBR[month - 1]
        if self.style == "month":
            return mon
        if self.style == "month_year":
            return f"{mon} {format_year(year)}"
        if self.style == "weekday_day":
            return f"{WEEKDAY_ABBR[weekday]} {day}"
        if self.style == "day_num":
            return str(day)
        if self.style == "date":
            return f"{WEEKDAY_ABBR[weekday]} {day} {mon} {format_year(year)}"
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
            y = _year_of(t)
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
            return _year_tick_floor(_year_of(t), self.step)
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


def _ticks_between(rule: TickRule, lo: int, hi: int, cap: int, enclosing: bool) -> list[int]:
    """Ticks in ``[lo, hi]`` (local integer seconds), at most ``cap`` of them.

    With ``enclosing`` the first tick is the one at or before ``lo``.
    """
    i = rule._floor_index(lo) if enclosing else rule._ceil_index(lo)
    out: list[int] = []
    while len(out) < cap:
        t = rule._seconds(i)
        if t > hi:
            break
        out.append(t)
        nxt = rule._next_index(i)
        if nxt <= i:  # cannot happen; a guard against an endless loop
            break
        i = nxt
    return out


# -- choosing a rule ----------------------------------------------------------

def max_ticks(width_px: float) -> int:
    """Most ticks one level may hold on an axis ``width_px`` pixels long (>= 2)."""
    if not math.isfinite(width_px) or width_px <= 0:
        return 2
    return max(2, int(width_px // PX_PER_TICK))


def _needed_px(rule: TickRule, min_label_px: float | Measure | None, year_label: str) -> float:
    """Pixels between two ticks of ``rule`` for their labels not to touch."""
    if min_label_px is None:
        min_label_px = default_measure
    if callable(min_label_px):
        return float(min_label_px(rule.sample(year_label))) + float(min_label_px("00"))
    return float(min_label_px)


def choose_tick_spec(
    span_s: float,
    width_px: float,
    min_label_px: float | Measure | None = None,
    *,
    year_label: str = "2000",
    table: tuple[TickSpec, ...] = DEFAULT_TABLE,
) -> tuple[TickRule, TickRule]:
    """The finest tick rule whose labels fit on the axis.

    Parameters
    ----------
    span_s : float
        Visible time span, seconds.
    width_px : float
        Length of the axis, pixels.
    min_label_px : float or callable or None
        How much room labels need.  A callable maps a label text to its width in
        pixels; each rule's :meth:`TickRule.sample` is measured and a gap of two
        digits is added.  A float is the minimum distance between two labels in
        pixels whatever their text.  None estimates 8 px per character.
    year_label : str
        The widest year label in view (``"2022"``, ``"12000 BCE"``), used in the
        samples of rules that write years.
    table : tuple of TickSpec
        Rules, coarse to fine.

    Returns
    -------
    (major, minor) : tuple of TickRule
        The finest rule whose minor labels (and context labels, for a context
        major) fit and whose tick count stays under :func:`max_ticks`; the
        coarsest rule of the table if none fits (or ``span_s`` is NaN), the
        finest if ``span_s <= 0``.
    """
    if not table:
        raise ValueError("empty tick table")
    if math.isnan(span_s):
        return table[0].major, table[0].minor
    if span_s <= 0:
        return table[-1].major, table[-1].minor
    if not math.isfinite(width_px) or width_px <= 0:
        return table[0].major, table[0].minor
    cap = max_ticks(width_px)
    px_per_s = width_px / span_s
    widths: dict[TickRule, float] = {}

    def need(rule: TickRule) -> float:
        if rule not in widths:
            widths[rule] = _needed_px(rule, min_label_px, year_label)
        return widths[rule]

    for spec in reversed(table):
        minor, major = spec.minor, spec.major
        if span_s / minor.min_period_s + 1 > cap:
            continue
        if minor.min_period_s * px_per_s < need(minor):
            continue
        if major.context:
            if major.min_period_s * px_per_s < need(major):
                continue
            if span_s / major.min_period_s + 2 > cap:
                continue
        return major, minor
    return table[0].major, table[0].minor


# -- generating ticks -----------------------------------------------------------

@dataclass(frozen=True)
class TickLevels:
    """Ticks of one view, ready to draw.

    Attributes
    ----------
    major_rule, minor_rule : TickRule or None
        The rules used (None when there is nothing to draw).
    major, minor : tuple of (float, str)
        ``(x, label)`` pairs, x in seconds relative to the origin, strictly
        increasing.  ``minor`` lies in the view; ``major`` too, except that a
        context major level starts with the tick at or before the view's left
        edge (the enclosing month/day/year).  When the major rule is not a
        context rule, ``minor`` omits the positions already in ``major``.
    """

    major_rule: TickRule | None = None
    minor_rule: TickRule | None = None
    major: tuple[tuple[float, str], ...] = ()
    minor: tuple[tuple[float, str], ...] = ()

    def as_levels(self) -> list[tuple[float, list[tuple[float, str]]]]:
        """pyqtgraph-style levels ``[(spacing_s, [(x, label), ...]), ...]``, major first."""
        if self.major_rule is None or self.minor_rule is None:
            return []
        return [
            (self.major_rule.nominal_period_s, list(self.major)),
            (self.minor_rule.nominal_period_s, list(self.minor)),
        ]


def _split(value: float) -> tuple[int, float]:
    whole = math.floor(value)
    return int(whole), value - whole


def compute_ticks(
    x0: float,
    x1: float,
    origin_epoch_s: float,
    width_px: float,
    measure: float | Measure | None = None,
    offset_s: float = 0.0,
    *,
    table: tuple[TickSpec, ...] = DEFAULT_TABLE,
) -> TickLevels:
    """Major and minor ticks with labels for the view ``[x0, x1]``.

    Parameters
    ----------
    x0, x1 : float
        Visible range, seconds relative to ``origin_epoch_s`` (order does not
        matter).  Clamped to local times within ``+-LIMIT_S``.
    origin_epoch_s : float
        Timeline origin, seconds since the Unix epoch (UTC).
    width_px : float
        Length of the axis, pixels.
    measure : float or callable or None
        Label room, as ``min_label_px`` of :func:`choose_tick_spec`.
    offset_s : float
        Display zone offset, seconds added to UTC before computing calendar
        fields (0 for UTC).
    table : tuple of TickSpec
        Rules, coarse to fine.

    Returns
    -------
    TickLevels
        Empty if any argument is NaN or infinite or ``width_px <= 0``.  Each
        level holds at most :func:`max_ticks` ``(width_px)`` ticks.
    """
    values = (x0, x1, origin_epoch_s, width_px, offset_s)
    if not all(math.isfinite(v) for v in values) or width_px <= 0:
        return TickLevels()
    if x0 > x1:
        x0, x1 = x1, x0
    o_int, o_frac = _split(origin_epoch_s)
    f_int, f_frac = _split(offset_s)
    base_int = o_int + f_int  # local second = base_int + (x + frac)
    frac = o_frac + f_frac
    # clamp the view to local times within +-LIMIT_S
    x_min = float(-int(LIMIT_S) - base_int) - frac
    x_max = float(int(LIMIT_S) - base_int) - frac
    x0, x1 = max(x0, x_min), min(x1, x_max)
    if x0 > x1:
        return TickLevels()
    lo = base_int + math.ceil(x0 + frac)
    hi = base_int + math.floor(x1 + frac)
    lo_left = base_int + math.floor(x0 + frac)  # second containing the left edge

    year_label = max(
        (format_year(_year_of(lo_left)), format_year(_year_of(max(hi, lo_left)))), key=len
    )
    major_rule, minor_rule = choose_tick_spec(
        x1 - x0, width_px, measure, year_label=year_label, table=table
    )
    cap = max_ticks(width_px)
    minor_t = _ticks_between(minor_rule, lo, hi, cap, enclosing=False) if lo <= hi else []
    if major_rule.context:
        major_t = _ticks_between(major_rule, lo_left, max(hi, lo_left), cap, enclosing=True)
    else:
        major_t = _ticks_between(major_rule, lo, hi, cap, enclosing=False) if lo <= hi else []
        taken = set(major_t)
        minor_t = [t for t in minor_t if t not in taken]

    def to_x(rule: TickRule, ticks: list[int]) -> tuple[tuple[float, str], ...]:
        out: list[tuple[float, str]] = []
        for t in ticks:
            x = float(t - base_int) - frac
            if out and not x > out[-1][0]:
                continue  # collapsed by float resolution far from the origin
            out.append((x, rule.label(t)))
        return tuple(out)

    return TickLevels(major_rule, minor_rule, to_x(major_rule, major_t), to_x(minor_rule, minor_t))


def generate_ticks(
    x0: float,
    x1: float,
    origin_epoch_s: float,
    width_px: float,
    measure: float | Measure | None = None,
    offset_s: float = 0.0,
) -> list[tuple[float, list[tuple[float, str]]]]:
    """pyqtgraph-style tick levels for the view ``[x0, x1]``.

    Parameters
    ----------
    x0, x1 : float
        Visible range, seconds relative to ``origin_epoch_s``.
    origin_epoch_s : float
        Timeline origin, seconds since the Unix epoch (UTC).
    width_px : float
        Length of the axis, pixels.
    measure : float or callable or None
        Label room: a function text -> width in pixels, a fixed minimum distance
        between labels in pixels, or None for 8 px per character.
    offset_s : float
        Display zone offset, seconds added to UTC before computing calendar fields.

    Returns
    -------
    list of (float, list of (float, str))
        ``[(major_spacing_s, [(x, label), ...]), (minor_spacing_s, [...])]``,
        x in seconds relative to the origin, strictly increasing in each level;
        ``[]`` for a degenerate view (NaN, infinite, zero width).  See
        :class:`TickLevels` for what each level holds.
    """
    return compute_ticks(x0, x1, origin_epoch_s, width_px, measure, offset_s).as_levels()
