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

from .calendar import format_year
from .tick_rules import DEFAULT_TABLE, LIMIT_S, TickRule, TickSpec, tick_after, tick_ceil, tick_floor, year_of

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

#: Minimum pixels per tick: no level ever holds more than ``width_px / 20``.
PX_PER_TICK = 20.0

Measure = Callable[[str], float]


def default_measure(text: str) -> float:
    """Estimated width of ``text`` in pixels: 8 px per character."""
    return 8.0 * len(text)


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
        (format_year(year_of(lo_left)), format_year(year_of(max(hi, lo_left)))), key=len
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
