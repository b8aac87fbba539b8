"""Relative time: days counted from a D-day, as military briefings write them.

Pure Python (no Qt).  The relative axis labels days ``D-7 … D-1, D-day,
D+1 … D+10`` from a chosen reference: an event (the calendar day of its sort
point) or a band (the calendar day its window starts).

Convention
----------
The NATO / UK doctrine convention (AAP-6, ADP): *D-day* is the day an
operation starts; other days are written by their offset, ``D-7`` seven
days before, ``D+10`` ten days after.  The day itself is written ``D-day``
(never ``D+0``).  A time of day is written after its day in the display
zone's 24-hour clock: ``D+2 14:00``.  H-hour notation (``H+3``) is *not* used:
it needs a reference known to the minute, and most references here are
dates known only to the day.

Calendar days
-------------
Offsets count calendar days, not 24-hour periods.  A date-only value (known
to the day or coarser) is a calendar date: the same day in every display
zone (see :mod:`viewer.model.zones`), so a date-only D-day and date-only
events keep their ``D+n`` whatever the zone.  An instant (a time of day) falls
on the calendar day of the display zone (UTC for "each event's local time",
like the axis).  Day numbers are days since 1970-01-01 (negative before).

References
----------
``"band:ID"`` a band's start; ``"event:ID"`` an event's sort point
(:attr:`~viewer.model.timeline.Event.sort_point`); a bare ``"ID"`` (command
line ``--dday ID``) is an event, or a band if that id is a band.  A band or
span whose start is open (``..``) counts from its end, and says so
(``"end of Band"``).

What the reference must be known to (honesty rule)
--------------------------------------------------
D-day is one calendar day, so the reference date must name one day
(:func:`reference_day`):

* known to the day or finer: its day.  Qualifiers are kept and written in
  :meth:`DDay.describe` (the axis note, the detail pane, the menu):
  ``"D-day = Thu 10 Feb 2022 (uncertain)"`` for ``2022-02-10?``,
  ``"D-day = about Thu 10 Feb 2022"`` for ``2022-02-10~`` (its nominal day,
  not the first of the widened interval), ``"D-day = on or after Thu 10 Feb
  2022"`` / ``"on or before"`` for ``[2022-02-10..]`` / ``[..2022-02-10]``;
* coarser than a day (``2022``, ``2022-02``, ``2022-02~``) or one day of a
  set (``[2022-02-10..2022-02-12]``): refused with :class:`DDayError`
  ("its start is known only to the year 2022; D-day needs a day").  No
  first-possible day is ever invented.
* a date whose year is unknown (``XXXX-06-10``, ``XXXX-04``): refused ("the
  year of its start is unknown (10 June of an unknown year) …"), not counted
  from a day of the year 0.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

from .calendar import SECONDS_PER_DAY
from .dates import EventDate, Precision, format_instant, format_interval
from .errors import TimelineError
from .precision import just_before
from .timeline import Event, EventKind, Timeline
from .zones import EVENT_LOCAL, local_day_shift, offset_at

__all__ = [
    "DDay",
    "DDayError",
    "DDayYearUnknown",
    "DDayReference",
    "dday_of_event",
    "calendar_day",
    "dday_ticks",
    "describe_relative",
    "format_dday",
    "local_day",
    "local_midnight",
    "parse_dday",
    "reference_day",
    "resolve_dday",
]

_STEPS_DAYS = (1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000)
_LABEL_GAP_PX = 6.0  #: room kept between two relative labels (as between the axis' own labels)
_PX_PER_TICK = 20.0  #: never more than one label per 20 px (as the axis' own ticks)


class DDayError(TimelineError, ValueError):
    """A D-day reference that cannot be used: bad spec, unknown id, undated event."""


class DDayYearUnknown(DDayError):
    """A D-day reference whose date's year is unknown (``XXXX-06-10``): no day to count from.

    ``validate`` reports a story's D-day refused so (the file still opens)."""


@dataclass(frozen=True)
class DDayReference:
    """What D-day is taken from.

    Attributes
    ----------
    kind : {"event", "band"}
    id : str
        Event id (a band is an event of kind band).
    """

    kind: str
    id: str

    @property
    def spec(self) -> str:
        """The reference as text, ``"band:ID"`` or ``"event:ID"`` (what ViewState keeps)."""
        return f"{self.kind}:{self.id}"


def parse_dday(spec: str) -> DDayReference:
    """Read ``"band:ID"``, ``"event:ID"`` or a bare ``"ID"`` (an event).

    Raises
    ------
    DDayError
        If the spec is empty or names another kind (``"foo:ID"``).
    """
    text = str(spec).strip()
    kind, sep, ident = text.partition(":")
    if sep and kind in ("band", "event"):
        ref = DDayReference(kind, ident.strip())
    else:
        ref = DDayReference("event", text)
    if not ref.id:
        raise DDayError(f"empty D-day reference {spec!r}; expected EVENT_ID or band:BAND_ID")
    return ref


@dataclass(frozen=True)
class DDay:
    """A resolved D-day.

    Attributes
    ----------
    day : int
        The D-day's calendar date as days since 1970-01-01.
    reference : DDayReference
    title : str
        Title of the reference event or band.
    anchor : {"start", "end"}
        Which date of the reference gave the day: ``"end"`` when its start is
        open (``..``).
    relation : {"", "on or before", "on or after"}
        The reference day is a bound, not the day itself.
    approximate, uncertain : bool
        The reference day is approximate (``~``: its nominal day) or not
        confirmed (``?``).
    planned : bool
        The reference is planned, not a fact (its source says it is to
        happen, or it is dated after the source): written ``"(planned)"``.
    """

    day: int
    reference: DDayReference
    title: str
    anchor: str = "start"
    relation: str = ""
    approximate: bool = False
    uncertain: bool = False
    planned: bool = False

    @property
    def qualified(self) -> bool:
        """True when the reference day is not a plain, certain day of a fact."""
        return bool(self.relation or self.approximate or self.uncertain or self.planned)

    def when(self) -> str:
        """The day with its qualifiers: ``"on or after Thu 10 Feb 2022 (uncertain)"``,
        ``"Sun 20 Feb 2022 (planned)"``."""
        text = format_instant(self.day * SECONDS_PER_DAY, Precision.DAY)
        if self.approximate:
            text = "about " + text
        if self.relation:
            text = f"{self.relation} {text}"
        if self.uncertain:
            text += " (uncertain)"
        if self.planned:
            text += " (planned)"
        return text

    def describe(self) -> str:
        """``"D-day = Thu 10 Feb 2022, start of Allied Resolve-2022 drills"``.

        Qualifiers of the reference date are always written
        (:meth:`when`); a reference counted from its end says ``"end of"``.
        """
        if self.anchor == "end":
            what = "end of "
        else:
            what = "start of " if self.reference.kind == "band" else ""
        return f"D-day = {self.when()}, {what}{self.title}"


def local_day(epoch_s: float, zone: str = "UTC") -> int:
    """Calendar day (days since 1970-01-01) of an instant in a display zone.

    ``zone`` is ``"UTC"``, an IANA name or :data:`~viewer.model.zones.EVENT_LOCAL`
    (counted in UTC, as the axis).  Raises DDayError for a non-finite instant.
    """
    if not math.isfinite(epoch_s):
        raise DDayError(f"no calendar day for the instant {epoch_s!r}")
    off = 0.0 if zone == EVENT_LOCAL else offset_at(zone, epoch_s)
    return math.floor((epoch_s + off) / SECONDS_PER_DAY)


def local_midnight(day: int, zone: str = "UTC") -> float:
    """The instant (epoch s, UTC) calendar ``day`` begins in ``zone`` (right across DST)."""
    t = float(day) * SECONDS_PER_DAY
    return t + (0.0 if zone == EVENT_LOCAL else local_day_shift(t, zone))


def calendar_day(date: EventDate, zone: str = "UTC") -> int:
    """The calendar day of a date's sort point: its own date if it is date-only,
    else the display zone's day of the instant.

    Raises
    ------
    DDayError
        If the date is wholly open (no sort point).
    """
    t = date.sort_point
    if not math.isfinite(t):
        raise DDayError("an open date has no calendar day")
    if date.precision <= Precision.DAY:
        return math.floor(t / SECONDS_PER_DAY)  # calendar dates are stored at UTC midnight
    return local_day(t, zone)


def reference_day(date: EventDate, zone: str = "UTC", what: str = "its date") -> tuple[int, str, bool, bool]:
    """The one calendar day a reference date names, with its qualifiers.

    Parameters
    ----------
    date : EventDate
    zone : str
        Display zone (decides the day of a date with a time of day).
    what : str
        How error messages name the date (``"its start"``).

    Returns
    -------
    (day, relation, approximate, uncertain)
        ``day`` as days since 1970-01-01; ``relation`` ``""``, ``"on or
        before"`` or ``"on or after"``.  An approximate date (``~``) gives its
        nominal day (the middle of its widened interval).

    Raises
    ------
    DDayError
        If the date is open, its year is unknown (``XXXX-06-10``:
        :class:`DDayYearUnknown`), it is coarser than a day, or one day of a set: it does not name a day, and
        none is made up.
    """
    if date.year_unknown:  # XXXX-06-10 reads as year 0 inside: "D+738846", "Sat 10 Jun 1 BCE"
        raise DDayYearUnknown(f"the year of {what} is unknown ({date.describe()}): there is no day to "
                              "count days from; D-day needs a day of a known year")
    if "X" in date.edtf.upper():  # 2023-XX-10: the 10th of any month, drawn from 10 Jan ("D-day = Tue 10 Jan")
        raise DDayError(f"{what} has an unknown month or day ({date.describe()}): it names no one day; "
                        "D-day needs a day")
    if date.relation == "open" or not math.isfinite(date.sort_point):
        raise DDayError(f"{what} is open: there is no date to count days from")
    if date.relation == "one of":
        span = format_interval(date.earliest, date.latest, date.precision).replace(" – ", " and ")
        raise DDayError(f"{what} is one day between {span}, not a known day; D-day needs a day")
    lo, hi = date.earliest, date.latest
    if date.approximate and math.isfinite(lo) and math.isfinite(hi):
        t = (lo + hi) / 2  # nominal value: "~" widened by one unit each side
    else:
        t = date.sort_point
    if date.precision < Precision.DAY:
        rel = f"{date.relation} " if date.relation else ""
        about = "about " if date.approximate else ""
        raise DDayError(f"{what} is known only to the {date.precision.label}: {rel}{about}"
                        f"{format_instant(t, date.precision)}; D-day needs a day")
    if date.precision <= Precision.DAY:
        day = math.floor(t / SECONDS_PER_DAY)
    else:
        day = local_day(t, zone)
    relation = date.relation if date.relation in ("on or before", "on or after") else ""
    return day, relation, bool(date.approximate), bool(date.uncertain)


def resolve_dday(timeline: Timeline, reference: DDayReference | str, zone: str = "UTC") -> DDay:
    """Find the reference in ``timeline`` and its D-day.

    Parameters
    ----------
    timeline : Timeline
    reference : DDayReference or str
        A reference, or a spec for :func:`parse_dday`.
    zone : str
        Display zone: decides the day of a reference known to the hour or finer.

    Raises
    ------
    DDayError
        Unknown id, a ``band:`` reference that is not a band, or a reference
        whose date does not name one day (wholly open, coarser than a day,
        one of a set; see :func:`reference_day`).  The message says why, e.g.
        ``"'y' (Founded): its start is known only to the year 2022; D-day
        needs a day"``.
    """
    ref = parse_dday(reference) if isinstance(reference, str) else reference
    if not timeline.has_event(ref.id):
        bands = ", ".join(f"band:{b.id}" for b in timeline.bands()[:8])
        raise DDayError(f"no event or band with id {ref.id!r} for D-day"
                        + (f"; this timeline's bands: {bands}" if bands else ""))
    ev = timeline.event(ref.id)
    return dday_of_event(ev, ref, zone, planned=timeline.is_planned(ev))


def dday_of_event(ev: Event, reference: DDayReference | str, zone: str = "UTC",
                  planned: bool | None = None) -> DDay:
    """The D-day of the event ``ev`` (read from anywhere: a timeline or a collection's
    store) that ``reference`` names, in the display ``zone``.  ``planned`` says the
    event is to be shown as planned (None: as its source marks it, ``ev.planned``).

    Raises
    ------
    DDayError
        As :func:`resolve_dday` (a ``band:`` reference to an event that is not a band,
        a date that names no one day).
    """
    ref = parse_dday(reference) if isinstance(reference, str) else reference
    is_band = ev.kind == EventKind.BAND
    if ref.kind == "band" and not is_band:
        raise DDayError(f"{ref.id!r} is not a band; use --dday {ref.id} for an event")
    if is_band:
        ref = DDayReference("band", ref.id)
    date, anchor = ev.start, "start"
    if not math.isfinite(date.sort_point) and ev.end is not None:
        date, anchor = ev.end, "end"
    if not math.isfinite(date.sort_point):
        raise DDayError(f"{ref.id!r} has no known date to count days from")
    try:
        day, relation, approx, unc = reference_day(date, zone, f"its {anchor}")
    except DDayError as exc:
        raise type(exc)(f"{ref.id!r} ({ev.title}): {exc}") from None
    return DDay(day, ref, ev.title, anchor, relation, approx, unc,
                planned=bool(ev.planned if planned is None else planned))


def format_dday(offset_days: int) -> str:
    """``"D-day"`` for 0, else ``"D+3"`` / ``"D-7"`` (hyphen-minus, as briefings type it)."""
    n = int(offset_days)
    if n == 0:
        return "D-day"
    return f"D+{n}" if n > 0 else f"D-{-n}"


def _at(epoch_s: float, dday_day: int, zone: str) -> str:
    off = 0.0 if zone == EVENT_LOCAL else offset_at(zone, epoch_s)
    local = epoch_s + off
    day = math.floor(local / SECONDS_PER_DAY)
    minutes = int((local - day * SECONDS_PER_DAY) // 60)
    return f"{format_dday(day - dday_day)} {minutes // 60:02d}:{minutes % 60:02d}"


def describe_relative(date: EventDate, dday_day: int, zone: str = "UTC") -> str:
    """A date relative to D-day: ``"D+3"``, ``"D-9 to D+18"``, ``"D+2 14:00"``.

    Date-only values give their calendar day(s) (zone-independent): the day,
    or the first and last possible day when known only to the month or
    year; "on or before" / "on or after" keep their words.  Times of day are
    written ``D+n HH:MM`` in the display zone.  A wholly open date, or one
    whose year is unknown (``XXXX-06-10``: not "D-738916 to D+2913172", the
    years 0 to 9999), gives ``""``.
    """
    lo, hi = date.earliest, date.latest
    if date.relation == "open" or date.year_unknown or not (math.isfinite(lo) or math.isfinite(hi)):
        return ""
    if date.precision <= Precision.DAY:
        first = math.floor(lo / SECONDS_PER_DAY) if math.isfinite(lo) else None
        last = math.ceil(hi / SECONDS_PER_DAY) - 1 if math.isfinite(hi) else None
        if first is None:
            assert last is not None  # not wholly open (returned above): one side is finite
            return f"on or before {format_dday(last - dday_day)}"
        if last is None:
            return f"on or after {format_dday(first - dday_day)}"
        a, b = format_dday(first - dday_day), format_dday(last - dday_day)
        return a if a == b else f"{a} to {b}"
    if not math.isfinite(lo):
        return f"on or before {_at(just_before(hi), dday_day, zone)}"
    if not math.isfinite(hi):
        return f"on or after {_at(lo, dday_day, zone)}"
    return ("about " if date.approximate else "") + _at(lo, dday_day, zone)


def dday_ticks(
    x0: float,
    x1: float,
    origin_epoch_s: float,
    width_px: float,
    dday_day: int,
    zone: str = "UTC",
    measure: Callable[[str], float] | None = None,
    *,
    enclosing: bool = False,
) -> tuple[tuple[float, str], ...]:
    """Relative day labels for the view ``[x0, x1]``: where each day begins and its name.

    Parameters
    ----------
    x0, x1 : float
        Visible range, seconds from ``origin_epoch_s``.
    origin_epoch_s : float
        Timeline origin, seconds since the Unix epoch (UTC).
    width_px : float
        Axis length, pixels.
    dday_day : int
        D-day as days since 1970-01-01 (:attr:`DDay.day`).
    zone : str
        Display zone: days begin at its local midnight (DST-correct).
    measure : callable(str) -> float or None
        Label width in pixels (None: 8 px a character).
    enclosing : bool
        Also give the day containing the left edge (its ``x`` is then before
        ``x0``), as a context row does at sub-day zoom.

    Returns
    -------
    tuple of (float, str)
        ``(x, label)`` with x the day's local midnight in seconds from the
        origin, strictly increasing.  Every ``step``-th day counted from
        D-day is given, the smallest step of 1, 2, 5, 10, 20, 50... days whose
        labels fit (D-day itself is always among them when in view).  Empty
        for a degenerate view or when even 10,000-day steps would not fit.
    """
    if not all(math.isfinite(v) for v in (x0, x1, origin_epoch_s, width_px)) or width_px <= 0:
        return ()
    if x0 > x1:
        x0, x1 = x1, x0
    if x1 == x0:
        return ()
    measure = measure or (lambda s: 8.0 * len(s))
    d0 = local_day(origin_epoch_s + x0, zone)
    d1 = local_day(origin_epoch_s + x1, zone)
    far = max(abs(d0 - dday_day), abs(d1 - dday_day), 1)
    numeric = max(measure(format_dday(far)), measure(format_dday(-far)))
    px_per_day = width_px * SECONDS_PER_DAY / (x1 - x0)

    def fits(step: int) -> bool:
        # labels are centred on their days: two neighbours share the room
        # between them; "D-day" only ever neighbours D-step and D+step
        near = max(measure(format_dday(step)), measure(format_dday(-step)))
        need = max(numeric, (near + measure(format_dday(0))) / 2) + _LABEL_GAP_PX
        return step * px_per_day >= need

    step = next((s for s in _STEPS_DAYS if fits(s)), None)
    if step is None:
        return ()
    cap = max(1, int(width_px // _PX_PER_TICK)) + 2
    out: list[tuple[float, str]] = []
    start = d0 + ((dday_day - d0) % step)  # first day on the step grid anchored at D-day
    if enclosing and start != d0:
        out.append((local_midnight(d0, zone) - origin_epoch_s, format_dday(d0 - dday_day)))
    day = start
    while day <= d1 and len(out) < cap:
        x = local_midnight(day, zone) - origin_epoch_s
        if (x >= x0 or (enclosing and day == d0)) and x <= x1 and (not out or x > out[-1][0]):
            out.append((x, format_dday(day - dday_day)))
        day += step
    return tuple(out)
