"""Display time zones: offsets, transitions, zone-correct ticks and times in words.

Pure Python (no Qt), on :mod:`zoneinfo` with the ``tzdata`` package (the IANA
time zone database, so it works on any OS), and ``tzlocal`` for the system
zone's IANA name.

Display zones
-------------
``"UTC"``, any IANA name (``"Europe/Berlin"``, ``"Asia/Kathmandu"``), or
:data:`EVENT_LOCAL` = each event's own zone: the ``time_zone`` of its date,
else the timeline's ``time_zone``.  In that mode the axis stays in UTC (one
axis cannot show several zones) and says so; the detail pane and tooltips
write each event's time in its zone.

Rule for date-only values
-------------------------
A date known to the day or coarser is a calendar date, not an instant: it is
written the same in every zone ("Thu 10 Feb 2022"), and
:func:`local_day_shift` moves its drawn interval onto that calendar day of
the display zone (local 00:00 to 24:00), so the bar sits between the axis'
midnight ticks whatever zone the axis shows.

DST-correct ticks
-----------------
:func:`zone_ticks` splits the view at the zone's UTC-offset transitions and
computes the calendar ticks of each piece with that piece's fixed offset
(:func:`viewer.model.ticks.compute_ticks`), using one tick rule for the whole
view.  Across the Berlin change of 2020-10-25 the hour labels read
``00:00 01:00 02:00 02:00 03:00`` (02:00 CEST, then 02:00 CET an hour later).
Transitions are read from the tz database (:func:`transitions`: the
instants the zone's file lists, and after its last one the yearly rule of
its footer, through the standard library's own TZif reader), never found
by sampling; views longer than :data:`MAX_EXACT_SPAN_S` use the offset at
the view's centre (there, one hour is far below a pixel).
"""

from __future__ import annotations

import math
import re
from datetime import datetime, timedelta, timezone
from functools import lru_cache
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from .calendar import SECONDS_PER_DAY, civil_from_epoch, format_year
from .dates import EventDate, Precision, format_instant
from .derive import shifted_columns
from .errors import DateError
from .kept import kept
from .precision import just_before
from .ticks import DEFAULT_TABLE, Measure, TickLevels, TickSpec, choose_tick_spec, compute_ticks, default_measure

if TYPE_CHECKING:
    import numpy as np

    from .columns import EventColumns
    from .timeline import Timeline

__all__ = [
    "EVENT_LOCAL",
    "drawn_in_utc",
    "MAX_EXACT_SPAN_S",
    "all_zone_names",
    "describe_date",
    "describe_as_entered",
    "naive_time_zone",
    "event_zone",
    "local_day_shift",
    "local_day_shifts",
    "offset_at",
    "possible_bounds",
    "system_zone_name",
    "timeline_on_local_days",
    "columns_on_local_days",
    "transitions",
    "zone_file_read",
    "zone_abbreviation",
    "zone_info",
    "zone_label",
    "zone_ticks",
]

EVENT_LOCAL = "event-local"  #: display mode: every event in its own zone


def drawn_in_utc(zone: str) -> bool:
    """True when the display ``zone`` moves nothing: ``"UTC"``, or :data:`EVENT_LOCAL`
    (each event in its own zone, on an axis drawn in UTC): no offset is added anywhere."""
    return zone in ("UTC", EVENT_LOCAL)
MAX_EXACT_SPAN_S = 20 * 366 * SECONDS_PER_DAY  #: longer views use one offset
_SAMPLE_S = 6 * 3600  # no zone changes offset twice within 6 hours
_DT_MIN, _DT_MAX = -62135596800.0, 253402300799.0  # 0001-01-01 .. 9999-12-31 (datetime's range)


@lru_cache(maxsize=512)
def zone_info(name: str) -> ZoneInfo:
    """The :class:`zoneinfo.ZoneInfo` of an IANA name (``"UTC"`` included).

    Raises
    ------
    DateError
        If ``name`` is not an IANA zone (e.g. ``"Europe/Atlantis"``).
    """
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, TypeError) as exc:
        raise DateError(f"unknown IANA time zone {name!r}; expected a name like 'Europe/Berlin' or 'UTC'") from exc


def system_zone_name() -> str:
    """IANA name of the computer's zone (via ``tzlocal``), ``"UTC"`` if unknown."""
    try:
        import tzlocal

        name = tzlocal.get_localzone_name()
        zone_info(name)
        return name
    except Exception:  # any failure of the platform look-up: fall back, never crash
        return "UTC"


@lru_cache(maxsize=1)
def all_zone_names() -> tuple[str, ...]:
    """Every IANA zone name known to ``tzdata``, sorted, ``"UTC"`` first."""
    names = sorted(n for n in available_timezones() if "/" in n and not n.startswith(("Etc/", "SystemV/")))
    return ("UTC", *names)


def _clamp(epoch_s: float) -> float:
    return min(max(epoch_s, _DT_MIN + SECONDS_PER_DAY), _DT_MAX - SECONDS_PER_DAY)


def offset_at(zone: str, epoch_s: float) -> float:
    """UTC offset (seconds east of UTC) of ``zone`` at an instant (epoch s, UTC).

    Outside years 1..9999 the offset of the nearest representable instant.
    Raises :class:`DateError` for an unknown zone.
    """
    if drawn_in_utc(zone):
        return 0.0
    tz = zone_info(zone)
    t = datetime.fromtimestamp(_clamp(epoch_s), tz=timezone.utc).astimezone(tz)
    return (t.utcoffset() or timedelta(0)).total_seconds()


def zone_abbreviation(zone: str, epoch_s: float) -> str:
    """The zone's abbreviation at an instant: ``"CET"``, ``"CEST"``, ``"+0545"``."""
    if drawn_in_utc(zone):
        return "UTC"
    t = datetime.fromtimestamp(_clamp(epoch_s), tz=timezone.utc).astimezone(zone_info(zone))
    return t.tzname() or _format_offset(offset_at(zone, epoch_s))


def _format_offset(off: float) -> str:
    sign = "+" if off >= 0 else "−"
    m = int(round(abs(off) / 60))
    return f"UTC{sign}{m // 60:02d}:{m % 60:02d}"


def zone_label(zone: str, epoch_s: float | None = None) -> str:
    """How the axis names a display zone: ``"Europe/Berlin (CET, UTC+01:00)"``.

    ``epoch_s`` picks the abbreviation and offset in force (the view's centre).
    """
    if zone == "UTC":
        return "UTC (Zulu)"
    if zone == EVENT_LOCAL:
        return "UTC (Zulu) · details in each event's local time"
    t = 0.0 if epoch_s is None else epoch_s
    off = offset_at(zone, t)
    abbr = zone_abbreviation(zone, t)
    fmt = _format_offset(off)
    return f"{zone} ({abbr}, {fmt})" if abbr and abbr[0] not in "+-" else f"{zone} ({fmt})"


class _ZoneFile:
    """What the tz database says of one zone's offset changes.

    Read with the standard library's pure-Python TZif reader
    (``zoneinfo._zoneinfo.ZoneInfo``, the reference the C ``zoneinfo`` is
    tested against), from the file ``zoneinfo`` itself opens (the system's
    zoneinfo folder, else the ``tzdata`` package).

    Attributes
    ----------
    listed : list of int
        The instants (epoch s, UTC) the file lists where the UTC offset
        changes, sorted (a listed change of abbreviation or DST flag alone
        is left out).
    last : float
        The file's last listed instant (-inf if none): after it the footer
        rule holds.
    rule : object or None
        The footer's yearly rule (``_TZStr``: ``transitions(year)`` gives the
        local standard / DST wall instants of the year), or None when the
        offset after ``last`` is fixed.
    """

    def __init__(self, zone: str) -> None:
        import importlib

        # the stdlib's TZif reader (no C accelerator: its data is readable; typeshed has no stubs for it)
        _zoneinfo = importlib.import_module("zoneinfo._zoneinfo")
        tz = _zoneinfo.ZoneInfo.no_cache(zone)
        trans = [int(t) for t in tz._trans_utc]
        infos = tz._ttinfos
        before = tz._tti_before
        prev = (before if before is not None else (infos[0] if infos else None))
        listed = []
        for t, info in zip(trans, infos):
            if prev is not None and info.utcoff != prev.utcoff:
                listed.append(t)
            prev = info
        after = tz._tz_after
        self.rule = None if isinstance(after, _zoneinfo._ttinfo) else after
        if self.rule is None and prev is not None and after.utcoff != prev.utcoff and trans:
            listed.append(trans[-1] + 1)  # (fromutc: after the last instant, strictly)
        self.listed = listed
        self.last = float(trans[-1]) if trans else -math.inf

    def rule_changes(self, year: int) -> tuple[int, ...]:
        """The footer rule's two offset changes of ``year`` (epoch s, UTC)."""
        rule = self.rule
        if rule is None or rule.dst_diff == 0:
            return ()
        start, end = rule.transitions(year)
        return (int(start - rule.std.utcoff.total_seconds()), int(end - rule.dst.utcoff.total_seconds()))


@lru_cache(maxsize=128)
def _zone_file(zone: str) -> _ZoneFile | None:
    """:class:`_ZoneFile` of ``zone``, or None when the standard library's reader
    cannot give it (then :func:`transitions` samples the offset)."""
    try:
        return _ZoneFile(zone)
    except Exception:  # a Python whose private reader changed, a file it cannot read: sample instead
        return None


def zone_file_read(zone: str) -> bool:
    """Whether ``zone``'s offset changes are read from the tz database (load it
    now if not yet: any thread, e.g. the one deriving the timeline of a zone
    switch, so that the GUI thread's first axis paint reads nothing)."""
    return drawn_in_utc(zone) or _zone_file(zone) is not None


def _changes(zone: str, a: float, b: float) -> list[float]:
    """Candidate offset changes of ``zone`` in ``(a, b]`` from the tz database
    (None when it cannot be read), sorted, before the check of :func:`transitions`."""
    import bisect

    zf = _zone_file(zone)
    if zf is None:
        return _sampled(zone, a, b)
    out = [float(t) for t in zf.listed[bisect.bisect_right(zf.listed, a):bisect.bisect_right(zf.listed, b)]]
    if zf.rule is not None and b > zf.last:
        first = civil_from_epoch(max(a, zf.last)).year
        last = civil_from_epoch(b).year
        cands = sorted({t for y in range(max(1, first - 1), min(9999, last + 1) + 1) for t in zf.rule_changes(y)})
        # the rule's instants, kept where zoneinfo's offset does change (its year is the instant's UTC year)
        out.extend(float(t) for t in cands if max(a, zf.last) < t <= b
                   and offset_at(zone, t - 1) != offset_at(zone, t))
    return out


def _sampled(zone: str, a: float, b: float) -> list[float]:
    """Offset changes in ``(a, b]`` by sampling (the fallback when the tz database
    cannot be read by :class:`_ZoneFile`)."""
    block_s = 30 * SECONDS_PER_DAY
    out: list[float] = []
    for block in range(math.floor(a / block_s), math.floor(b / block_s) + 1):
        out.extend(t for t in _transitions_in_day_block(zone, block) if a < t <= b)
    return out


@lru_cache(maxsize=4096)
def _transitions_in_day_block(zone: str, block: int) -> tuple[float, ...]:
    """Transitions within the 30-day block ``block`` (epoch days // 30), sorted
    (sampled every 6 hours, bisected to the second: the fallback)."""
    start = block * 30 * SECONDS_PER_DAY
    out: list[float] = []
    t = float(start)
    prev = offset_at(zone, t)
    end = start + 30 * SECONDS_PER_DAY
    while t < end:
        nxt = min(t + _SAMPLE_S, end)
        off = offset_at(zone, nxt)
        if off != prev:
            lo, hi = t, nxt  # offset(lo) == prev, offset(hi) == off
            while hi - lo > 1:
                mid = math.floor((lo + hi) / 2)
                if offset_at(zone, mid) == prev:
                    lo = mid
                else:
                    hi = mid
            out.append(float(hi))
            prev = off
        t = nxt
    return tuple(out)


def transitions(zone: str, a_epoch_s: float, b_epoch_s: float) -> list[float]:
    """Instants (epoch s, UTC) in ``(a, b]`` where ``zone``'s UTC offset changes.

    Read from the tz database (the instants its file lists, then its yearly
    rule), exact to the second.  Empty for UTC, for fixed-offset zones, and
    outside years 1..9999.
    """
    if drawn_in_utc(zone) or not (math.isfinite(a_epoch_s) and math.isfinite(b_epoch_s)):
        return []
    a, b = max(a_epoch_s, _DT_MIN + SECONDS_PER_DAY), min(b_epoch_s, _DT_MAX - SECONDS_PER_DAY)
    if b <= a:
        return []
    zone_info(zone)  # DateError for an unknown zone, as before
    return _changes(zone, a, b)


def zone_ticks(x0: float, x1: float, origin_epoch_s: float, width_px: float, measure: float | Measure | None = None,
               zone: str = "UTC", table: tuple[TickSpec, ...] | None = None) -> TickLevels:
    """Calendar ticks for the view ``[x0, x1]`` with labels in ``zone``'s local time.

    Parameters
    ----------
    x0, x1 : float
        Visible range, seconds from ``origin_epoch_s`` (UTC-based x).
    origin_epoch_s : float
        Timeline origin, seconds since the Unix epoch (UTC).
    width_px : float
        Axis length, pixels.
    measure : callable or float or None
        Label room (see :func:`viewer.model.ticks.choose_tick_spec`).
    zone : str
        IANA name, ``"UTC"`` or :data:`EVENT_LOCAL` (drawn as UTC).
    table : tuple of TickSpec or None
        Tick rules to choose from, coarse to fine; default
        :data:`~viewer.model.ticks.DEFAULT_TABLE`.

    Returns
    -------
    TickLevels
        As :func:`~viewer.model.ticks.compute_ticks`; the offset in force at
        each tick is used for its position and label (see the module
        docstring for the method).
    """
    if not all(math.isfinite(v) for v in (x0, x1, origin_epoch_s, width_px)) or width_px <= 0:
        return TickLevels()
    table = DEFAULT_TABLE if table is None else table
    if x0 > x1:
        x0, x1 = x1, x0
    mid = origin_epoch_s + (x0 + x1) / 2
    if drawn_in_utc(zone) or x1 - x0 > MAX_EXACT_SPAN_S:
        return compute_ticks(x0, x1, origin_epoch_s, width_px, measure, offset_at(zone, mid), table=table)
    cuts = [t - origin_epoch_s for t in transitions(zone, origin_epoch_s + x0, origin_epoch_s + x1)]
    if not cuts:
        return compute_ticks(x0, x1, origin_epoch_s, width_px, measure, offset_at(zone, mid), table=table)
    year_label = format_year(civil_from_epoch(origin_epoch_s + x1).year)
    # clocks going back repeat an hour: its ticks are told apart by the zone's
    # abbreviation (02:00 CEST, then 02:00 CET), so leave room for it
    repeats = []  # (first, last) x of each repeated stretch, both occurrences
    for cut in cuts:
        t = origin_epoch_s + cut
        back = offset_at(zone, t - 1) - offset_at(zone, t)
        if back > 0:
            repeats.append((cut - back, cut + back))
    if repeats:
        widest = max((_short_zone(zone, origin_epoch_s + c) for c in cuts for c in (c - 1, c)), key=len)
        measure = _with_suffix(measure, " " + widest)
    major_rule, minor_rule = choose_tick_spec(x1 - x0, width_px, measure, year_label=year_label, table=table)
    table = (TickSpec(minor_rule, major_rule),)
    edges = [x0, *cuts, x1]
    major: list[tuple[float, str]] = []
    minor: list[tuple[float, str]] = []
    for k in range(len(edges) - 1):
        a, b = edges[k], edges[k + 1]
        off = offset_at(zone, origin_epoch_s + (a + b) / 2)
        lv = compute_ticks(a, b, origin_epoch_s, width_px, measure, off, table=table)
        last = k == len(edges) - 2
        for src, dst in ((lv.major, major), (lv.minor, minor)):
            for x, text in src:
                if k > 0 and x < a:
                    continue  # the enclosing period was given by the piece before
                if not last and x >= b:
                    continue  # belongs to the next piece
                if dst and x <= dst[-1][0]:
                    continue
                if any(lo <= x < hi for lo, hi in repeats):
                    text = f"{text} {_short_zone(zone, origin_epoch_s + x)}"
                dst.append((x, text))
    return TickLevels(major_rule, minor_rule, tuple(major), tuple(minor))


def _short_zone(zone: str, epoch_s: float) -> str:
    """``"CEST"`` / ``"CET"``, or the offset (``"UTC+01:00"``) where the zone has no letters."""
    abbr = zone_abbreviation(zone, epoch_s)
    return abbr if abbr and abbr[0] not in "+-" else _format_offset(offset_at(zone, epoch_s))


def _with_suffix(measure: float | Measure | None, suffix: str) -> float | Measure:
    """A label measure (callable, fixed px or None) that also fits ``suffix``.

    The gap :func:`~viewer.model.ticks.choose_tick_spec` adds between labels
    (the width of ``"00"``) is measured without it.
    """
    if measure is not None and not callable(measure):
        return float(measure) + default_measure(suffix)
    base: Measure = measure if measure is not None else default_measure

    def with_suffix(text: str) -> float:
        return base(text) if text == "00" else base(text + suffix)

    return with_suffix


def event_zone(date: EventDate, timeline_zone: str) -> str:
    """The zone an event's date belongs to: its own ``time_zone``, else the timeline's."""
    return date.time_zone or timeline_zone or "UTC"


_NAIVE_TIME = re.compile(r"T\d\d(:\d\d){0,2}(\.\d+)?[?~%]?\]?$")


def naive_time_zone(date: EventDate) -> str | None:
    """The zone a date's time of day is written in when the value itself has no UTC offset
    (``2022-02-10T14:00:00`` with ``time_zone="Europe/Minsk"``), else None."""
    if date.time_zone and isinstance(date.edtf, str) and _NAIVE_TIME.search(date.edtf):
        return date.time_zone
    return None


def describe_as_entered(date: EventDate) -> str:
    """A date in words as it was written: a time of day without an offset is read in its own
    zone, and named with it and in UTC
    (``"Thu 10 Feb 2022 14:00:00 +03 (to the second) in Europe/Minsk = 11:00:00 UTC"``);
    anything else as :meth:`EventDate.describe`."""
    zone = naive_time_zone(date)
    if zone is None or zone == "UTC" or date.precision <= Precision.DAY:
        return date.describe()
    utc = re.sub(r"\s*\(to the \w+\)", "", date.describe())
    local = describe_date(date, zone)
    if local.split(" ")[:4] == utc.split(" ")[:4]:  # the same day: the UTC time alone
        utc = " ".join(utc.split(" ")[4:])
    return f"{local} in {zone} = {utc}"


def describe_date(date: EventDate, zone: str, timeline_zone: str = "UTC") -> str:
    """A date in words in a display zone, naming the zone for times of day.

    Date-only values (day precision or coarser) are calendar dates: the same
    words as :meth:`EventDate.describe` in every zone.  Times of day are written
    in ``zone`` (or the event's own zone for :data:`EVENT_LOCAL`) followed by
    the zone abbreviation: ``"Sun 25 Oct 2020 02:30 CET (to the minute)"``.
    """
    if date.precision <= Precision.DAY or date.relation == "open":
        return date.describe()
    z = event_zone(date, timeline_zone) if zone == EVENT_LOCAL else zone
    at = date.earliest if math.isfinite(date.earliest) else date.latest
    off = offset_at(z, at)
    abbr = zone_abbreviation(z, at)
    if date.relation == "on or before":
        text = "on or before " + format_instant(just_before(date.latest), date.precision, off)
    elif date.relation == "on or after":
        text = "on or after " + format_instant(date.earliest, date.precision, off)
    else:
        first = format_instant(date.earliest, date.precision, off)
        last = format_instant(just_before(date.latest), date.precision, off)
        text = first if first == last else f"{first} – {last}"
        if date.approximate:
            text = "about " + text
    text += f" {abbr} (to the {date.precision.label})"
    if date.uncertain:
        text += ", uncertain"
    return text


def local_day_shift(epoch_s: float, zone: str) -> float:
    """Seconds to add to a UTC-midnight day boundary to reach the same date's local midnight.

    ``-offset`` of ``zone`` at that local midnight: for Europe/Minsk (UTC+3)
    the day 10 Feb 2022 runs from 9 Feb 21:00 UTC, a shift of -10800 s.
    """
    if drawn_in_utc(zone) or not math.isfinite(epoch_s):
        return 0.0
    guess = epoch_s - offset_at(zone, epoch_s)
    return -offset_at(zone, guess)



def _is_calendar(d: EventDate | None) -> bool:
    return d is not None and d.precision <= Precision.DAY and d.relation != "open"


def timeline_on_local_days(timeline: Timeline, zone: str) -> Timeline:
    """``timeline`` with its date-only events drawn on ``zone``'s calendar days.

    Returns a timeline equal to ``timeline`` whose ``columns`` have every
    side given by a date-only value moved by :func:`local_day_shift` (the
    rule of the module docstring); times of day do not move.  Rows are
    re-sorted so the columns' interval queries stay valid.  For UTC and
    :data:`EVENT_LOCAL`, ``timeline`` itself is returned.

    Whole arrays: the shift is computed once per distinct calendar day
    (:attr:`EventColumns.cal_start` / ``cal_end``), never per event, and no
    event is built (columns without those arrays ask the events); the
    columns are :func:`~viewer.model.derive.shifted_columns`.

    Parameters
    ----------
    timeline : Timeline
    zone : str
        Display zone (IANA name).
    """
    import dataclasses

    from .planned_end import announced_in  # (planned_end reads this module's day shifts)

    if drawn_in_utc(zone) and timeline.days_zone:
        return announced_in(timeline.derived(days_zone=""), timeline)  # back on UTC days
    if drawn_in_utc(zone) or timeline.days_zone == zone:
        return timeline
    cols = timeline.columns if not timeline.days_zone else dataclasses.replace(timeline, days_zone="").columns
    # (what else is drawn on days asks: planned_end_rows); each track keeps its colour (Timeline.derived)
    out = timeline.derived(days_zone=zone)
    vars(out)["columns"] = columns_on_local_days(timeline, cols, zone)  # the UTC columns' caches kept
    return announced_in(out, timeline)  # a filtered timeline keeps the whole one's planned ends


def columns_on_local_days(timeline: Timeline, cols: EventColumns, zone: str) -> EventColumns:
    """``cols`` (``timeline``'s columns on UTC days) with every date-only side moved onto
    ``zone``'s calendar days (:func:`timeline_on_local_days`)."""
    import dataclasses

    cal_start, cal_end = cols.cal_start, cols.cal_end
    if cal_start is None or cal_end is None:
        cal_start, cal_end = _calendar_anchors(timeline)
    if cols.cal_start is None or cols.cal_end is None:
        cols = dataclasses.replace(cols, cal_start=cal_start, cal_end=cal_end)
    # the distinct days of the anchors are the columns' (kept with them: a zone
    # switch back or to a third zone sorts nothing again)
    d_start = _day_shifts(cal_start, zone, kept(cols, ("day codes", "start"), None, lambda: _day_codes(cal_start)))
    d_end = _day_shifts(cal_end, zone,  # a point's "end" is its start (see EventColumns)
                        kept(cols, ("day codes", "end"), None, lambda: _day_codes(cal_end)))
    # lanes whose order the move changed are sorted again (rows moved by less
    # than a day: a stable sort of a nearly sorted block), the others kept
    return shifted_columns(cols, d_start, d_end)


def local_day_shifts(anchors: np.ndarray, zone: str) -> np.ndarray:
    """:func:`local_day_shift` of each calendar anchor (``EventColumns.cal_start`` /
    ``cal_end``: float (N,) epoch s, NaN = not a calendar date), seconds float64 (N,);
    0 for NaN, and all 0 for UTC and :data:`EVENT_LOCAL`."""
    import numpy as np

    if drawn_in_utc(zone):
        return np.zeros(len(anchors))
    return _day_shifts(np.asarray(anchors, dtype=float), zone)


def _day_codes(anchors: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(rows with an anchor, the distinct anchors sorted, each row's index
    into them) of ``anchors`` (float (N,), NaN = none)."""
    import numpy as np

    known = np.flatnonzero(np.isfinite(anchors))
    values, inverse = np.unique(anchors[known], return_inverse=True)
    return known, values, inverse


def _day_shifts(anchors: np.ndarray, zone: str,
                codes: tuple[np.ndarray, np.ndarray, np.ndarray] | None = None) -> np.ndarray:
    """:func:`local_day_shift` of each anchor (0 for NaN), computed once per
    distinct value (date-only anchors are UTC midnights: a few per day);
    ``codes``: :func:`_day_codes` of ``anchors`` when known."""
    import numpy as np

    out = np.zeros(len(anchors))
    known, values, inverse = _day_codes(anchors) if codes is None else codes
    if len(known):
        shifts = np.array([local_day_shift(float(v), zone) for v in values.tolist()])
        out[known] = shifts[inverse]
    return out


def _calendar_anchors(timeline: Timeline) -> tuple[np.ndarray, np.ndarray]:
    """(cal_start, cal_end) of :class:`EventColumns` from the events (built:
    only for columns made without those arrays)."""
    import numpy as np

    cols = timeline.columns
    n = len(cols)
    cal_start, cal_end = np.full(n, np.nan), np.full(n, np.nan)
    for row in range(n):
        ev = timeline.events[int(cols.event_index[row])]
        start, end = ev.start, ev.end
        if _is_calendar(start):
            cal_start[row] = start.sort_point
        if end is None or cols.kind[row] == 0:  # drawn as a point: its whole interval follows the start
            cal_end[row] = cal_start[row]
        elif _is_calendar(end):
            cal_end[row] = end.latest if math.isfinite(end.latest) else end.earliest
    return cal_start, cal_end


def possible_bounds(date: EventDate, zone: str = "UTC", timeline_zone: str = "UTC") -> tuple[str, str]:
    """Earliest and latest possible moment of a date, in words (inclusive).

    Date-only values give calendar dates (``"Wed 9 Feb 2022"``, the same in
    every zone); times of day are written in the display zone with its
    abbreviation; an open side reads ``"not known"``.
    """
    def one(t: float) -> str:
        if not math.isfinite(t):
            return "not known"
        if date.precision <= Precision.DAY:
            return format_instant(t, date.precision)
        z = event_zone(date, timeline_zone) if zone == EVENT_LOCAL else zone
        return f"{format_instant(t, date.precision, offset_at(z, t))} {zone_abbreviation(z, t)}"

    return one(date.earliest), one(just_before(date.latest) if math.isfinite(date.latest) else date.latest)
