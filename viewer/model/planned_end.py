"""Spans and bands whose end is a plan, not a report.

An article of 10 Feb that says drills "began on Thursday and will finish on
February 20" reports ten days only up to its own date: the rest is an
announcement.  A span or band is drawn solid through the last day its source
can vouch for and marked as planned (hatched, "planned end, announced") from
there to the announced end.  Two ways of writing that are read:

* the end written as a date after the reference (publication) date, as an
  older file may have it: ``"end": {"edtf": "2022-02-20"}`` in a timeline whose
  ``reference_date`` is 2022-02-10;
* what ingest writes, and the bundled timeline does: the end open, "on or
  after" the publication day (``"[2022-02-10..]"``), and the announced end a
  planned point event of its own (``"status": "planned"``), linked strictly:
  the end's ``basis`` names its id (``"announced end: event id drills-end"``,
  :data:`LINK`), or ingest tagged it ``expected-end`` and titled it
  ``"Expected end: <exactly the span's title>"``.  The same words of the source
  (``phrase``, "next week") are never a link;
* an end "on or after" a day later than the reference date: going on to that
  day is itself announced.

A start that is unknown or "on or before" a day began by the source's date at
the latest, so its end may be planned too.  An end with a time of day is
compared with the reference date in its own calendar day (its offset or zone).
Spans and bands are both drawn so (:mod:`viewer.graphics.marks`,
:mod:`viewer.graphics.bands`).

Pure Python (no Qt): the painters and the detail pane read :func:`planned_end`.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from .dates import EventDate, Precision
from .kept import kept
from .timeline import Event, EventKind, Timeline
from .zones import local_day_shift

__all__ = ["PlannedEnd", "planned_end", "planned_end_rows", "PLANNED_END_KEY", "announced_in", "typed_date_note",
           "collection_candidates", "collection_planned_ends", "is_calendar_date"]

PLANNED_END_KEY = "▨ hatched: planned end, announced (after the source's date)"
"""The key's words for the hatched part of a span or band (desk legend, exports, present header)."""


@dataclass(frozen=True)
class PlannedEnd:
    """The planned part of a span or band.

    Attributes
    ----------
    known_until : float
        Epoch s (UTC): the end of the last day the source vouches for (its
        reference date, or the open end's own day when that is later).
    planned_until : float
        Epoch s (UTC): the latest moment of the announced end.
    announced : str
        The announced end in words (``"Sun 20 Feb 2022"``).
    known : str
        The last known day in words (``"Thu 10 Feb 2022"``).
    expected_id : str
        Id of the planned event that states the end ("" when the end is
        written as a date of the span itself).
    on_days : bool
        The announced end is a calendar date (a day or coarser), so drawn on a
        display zone's days it moves with them (:func:`planned_end_rows`).
    """

    known_until: float
    planned_until: float
    announced: str
    known: str
    expected_id: str = ""
    on_days: bool = False

    def words(self) -> str:
        """``"planned end, announced: Sun 20 Feb 2022 (known only through Thu 10 Feb 2022, the source's date)"``."""
        return (f"planned end, announced: {self.announced} (known only through {self.known}, "
                "the source's date)")


def short_date(date: EventDate) -> str:
    """``EventDate.describe()`` without the precision note: ``"Thu 10 Feb 2022"``."""
    return re.sub(r"\s*\(to the \w+\)", "", date.describe())


def _day(date: EventDate) -> str:
    """:func:`short_date` with a qualifier in brackets: ``"Thu 10 Feb 2022 (uncertain)"``."""
    day, _, rest = short_date(date).partition(", ")
    return f"{day} ({rest})" if rest else day


_WHOLE = "_planned_ends_announced_in"  #: a derived timeline's ``__dict__`` entry: the timeline it was cut from


def announced_in(part: Timeline, whole: Timeline) -> Timeline:
    """Mark ``part`` (some of ``whole``'s tracks, :func:`viewer.model.presentation.timeline_for_tracks`)
    as finding its spans' announced ends among ``whole``'s events; returns ``part``.

    The planned event that states an end may be on a track the part leaves out: the bundled
    story's steps 7-11 show three tracks without "Exercise", whose "Drills due to finish"
    announces the band's end, and drew the band's planned part as reported, unhatched."""
    if part is not whole:
        vars(part)[_WHOLE] = vars(whole).get(_WHOLE, whole)
    return part


def _whole(timeline: Timeline) -> Timeline:
    """The timeline whose events announce ``timeline``'s ends (:func:`announced_in`), else itself."""
    whole: Timeline = vars(timeline).get(_WHOLE, timeline)
    return whole


def _expected_ends(timeline: Timeline) -> list[Event]:
    """The planned point events that may state a span's announced end (among the events of the
    whole timeline a part was cut from, :func:`announced_in`)."""
    timeline = _whole(timeline)
    out = []
    for i in timeline.planned_event_indexes:
        ev = timeline.events[i]
        if ev.end is None and math.isfinite(ev.start.latest):
            out.append(ev)
    return out


LINK = re.compile(r"announced end: event id ([^\s,;()\"'“”]+)")
"""The explicit link from a span's or band's open end to the planned event that announces it,
written in the end's ``basis``: ``"... (announced end: event id drills-end)"`` (docs/format.md)."""


def _linked_id(span: Event) -> str:
    """The id the end's basis links to (:data:`LINK`), or ""."""
    m = LINK.search(span.end.basis or "") if span.end is not None else None
    return m.group(1).rstrip(".") if m else ""


def _matches(span: Event, ev: Event, spans: list[Event]) -> bool:
    """``ev`` announces ``span``'s end: the end's basis names its id (:data:`LINK`), or ingest
    tagged it ``expected-end`` and titled it ``"Expected end: <exactly the span's title>"``
    (shortened with "…" by ingest: then the only span whose title begins so).  Never by the
    words of the end alone: "next week" is no link."""
    linked = _linked_id(span)
    if linked:
        return ev.id == linked
    if "expected-end" not in ev.tags or not ev.title.startswith("Expected end: "):
        return False
    named = " ".join(ev.title.removeprefix("Expected end: ").split())
    title = " ".join(span.title.split())
    if named == title:
        return True
    if not named.endswith("…") or len(named.rstrip("…").strip()) == 0:
        return False
    head = named.rstrip("…").strip()
    return title.startswith(head) and sum(" ".join(s.title.split()).startswith(head) for s in spans) == 1


def planned_end(timeline: Timeline, event: Event) -> PlannedEnd | None:
    """The planned part of ``event``'s end, or None when its end is reported
    (or it is not a span or band, or the timeline has no reference date, or the
    whole event is after the reference date: then all of it is planned and it
    is marked as such already, :meth:`Timeline.is_planned`).  Never when the end's
    year is unknown (``XXXX-09``): such an end is not known to be after the source's
    date, so it is no announced plan (and the event is not drawn,
    :mod:`viewer.model.unplaced`)."""
    if event.end is None or event.kind == EventKind.POINT or event.end.year_unknown:
        return None
    ref = timeline.reference_date
    if ref is None or not math.isfinite(ref.latest) or timeline.is_planned(event):
        return None
    end = event.end
    # an unknown or "on or before" start began by the source's date at the latest: its end may be planned
    if math.isfinite(event.start.earliest) and event.start.earliest >= ref.latest:
        return None
    if math.isnan(event.start.earliest):
        return None
    ref_end = _ref_day_end(timeline, end)
    if math.isfinite(end.latest) and end.relation != "on or after":
        if end.latest <= ref_end:
            return None  # ended by the source's date (in the end's own calendar day): reported
        return PlannedEnd(ref.latest, end.latest, short_date(end), _day(ref), on_days=is_calendar_date(end))
    if end.relation != "on or after" or not math.isfinite(end.earliest):
        return None
    spans = [ev for ev in _whole(timeline).events if ev.end is not None and ev.kind != EventKind.POINT]
    expected = [ev for ev in _expected_ends(timeline)
                if ev.id != event.id and ev.start.latest > end.earliest and _matches(event, ev, spans)]
    if not expected:
        if end.earliest >= ref_end:  # "on or after" a day after the source's: going on to it is a plan
            return PlannedEnd(ref.latest, end.earliest, short_date(end), _day(ref), on_days=is_calendar_date(end))
        return None
    exp = min(expected, key=lambda ev: ev.start.latest)
    if exp.start.latest <= ref.latest:
        return None
    return PlannedEnd(ref.latest, exp.start.latest, short_date(exp.start), _day(ref), exp.id,
                      on_days=is_calendar_date(exp.start))


def is_calendar_date(date: EventDate) -> bool:
    """True for a calendar date (a day or coarser, not open), which is drawn on a display
    zone's days (:func:`viewer.model.zones.timeline_on_local_days`); False for a time of day."""
    return date.precision <= Precision.DAY and date.relation != "open"


def _ref_day_end(timeline: Timeline, end: EventDate) -> float:
    """The end of the reference day as the end's own calendar counts it: an end written
    at -10:00 on 10 Feb is still 10 Feb there, not after a reference date of 10 Feb."""
    ref = timeline.reference_date
    assert ref is not None
    offset = _utc_offset_s(end)
    if offset is None:
        return ref.latest
    return ref.latest - offset


def planned_end_rows(timeline: Timeline) -> dict[int, tuple[float, float]]:
    """Rows of :attr:`Timeline.columns` (spans and bands) with a planned end:
    ``{row: (known_until, planned_until)}``, epoch s (UTC), as :class:`PlannedEnd` has them.

    Found once per timeline (kept with it).  An end written as a date after the reference
    date is found from the columns alone (no event is built: a large file stays lazy); an
    open end only when the timeline has planned events, by its event.  An end with a time
    within a day of the reference date is compared in its own zone in a small file; in a
    large file read lazily, on UTC days (its event is not built).  On a display zone's days
    (:func:`viewer.model.zones.timeline_on_local_days`) the reference day's end and an
    announced calendar day are that zone's local midnights, as the columns' dates are."""
    def build() -> dict[int, tuple[float, float]]:
        ref = timeline.reference_date
        cols = timeline.columns
        if ref is None or not math.isfinite(ref.latest) or not len(cols):
            return {}
        o = cols.origin_epoch_s
        # on a display zone's days (zones.timeline_on_local_days) the columns' calendar dates
        # are local midnights: so are the reference day's end and an announced day's
        zone = timeline.days_zone

        def local(epoch: float, on_days: bool) -> float:
            return epoch + local_day_shift(epoch, zone) if zone and on_days else epoch

        known_until = local(ref.latest, is_calendar_date(ref))
        lazy = hasattr(timeline.events, "_built")  # viewer.model.lazy_events: events built on demand
        cut = ref.latest - o
        with np.errstate(invalid="ignore"):
            # begun by the source's date (an unknown or "on or before" start too: x0 is -inf)
            spans = (cols.kind != 0) & (cols.x0 < cut)
            # an end late by up to a day may still be the reference day in the end's own zone
            late = spans & np.isfinite(cols.x1) & (cols.x1 > cut - 86400 * 1.5)
            opened = spans & np.isposinf(cols.x1)
        if late.any():
            late &= ~timeline.planned_rows()  # marked planned by the source: all of it is
        out = {}
        for r in np.flatnonzero(late).tolist():
            if cols.x1[r] > cut + 86400 * 1.5:  # plainly after the reference day wherever it is
                out[int(r)] = (float(known_until), float(cols.x1[r] + o))
                continue
            if lazy or (not zone and (cols.x1[r] + o) % 86400 == 0):
                # a UTC day boundary (a calendar date's end, no zone of its own), or a large file
                # read lazily (building an event per span near the reference day took seconds):
                # decided on UTC days without building the event; a small file's timed end asks
                # its event, for the end's own calendar day
                if cols.x1[r] > cut:
                    out[int(r)] = (float(known_until), float(cols.x1[r] + o))
                continue
            p = planned_end(timeline, timeline.events[int(cols.event_index[r])])
            if p is not None:
                out[int(r)] = (known_until, local(p.planned_until, p.on_days))
        if opened.any() and not _whole(timeline).planned_event_indexes:  # only "on or after" a later day then
            with np.errstate(invalid="ignore"):
                opened &= cols.solid1 > cut - 86400 * 1.5
        if opened.any():
            for row in np.flatnonzero(opened).tolist():
                p = planned_end(timeline, timeline.events[int(cols.event_index[row])])
                if p is not None:
                    out[int(row)] = (known_until, local(p.planned_until, p.on_days))
        return out
    return kept(timeline, "planned_end_rows", None, build)


_OFFSET = re.compile(r"T\d[\d:.]*(Z|[+-]\d\d:?\d\d)?\]?$")


def _utc_offset_s(date: EventDate) -> float | None:
    """The UTC offset (s) of a date written with a time of day (its own offset, or its IANA
    zone's at that time); None for a calendar date (it names the same day everywhere)."""
    m = _OFFSET.search(date.edtf.strip("~%?"))
    if m is None:
        return None
    if m.group(1):
        if m.group(1) == "Z":
            return 0.0
        sign = -1 if m.group(1)[0] == "-" else 1
        hh, mm = m.group(1)[1:].replace(":", "")[:2], m.group(1)[1:].replace(":", "")[2:]
        return sign * (int(hh) * 3600 + int(mm) * 60)
    if not date.time_zone or not math.isfinite(date.latest):
        return None
    try:
        from datetime import datetime, timezone
        from zoneinfo import ZoneInfo
        at = datetime.fromtimestamp(date.latest, timezone.utc).astimezone(ZoneInfo(date.time_zone))
    except (KeyError, ValueError, OSError):
        return None
    off = at.utcoffset()
    return off.total_seconds() if off is not None else None


def typed_date_note(timeline: Timeline, date: EventDate, *, is_end: bool, start: EventDate | None,
                    planned: bool, now_s: float) -> tuple[str, bool]:
    """What the Edit tab says beside a date typed for an event that is not marked planned:
    ``(words, act)``; ``act`` is True when the event would be drawn as fact unless the user
    ticks "Planned or expected".  ``("", False)`` when there is nothing to say.

    Parameters
    ----------
    date : EventDate
        The start or end as typed.
    is_end : bool
        ``date`` is the end; ``start`` is the event's start then (None: unknown).
    planned : bool
        The event is marked planned (its source says so): nothing to say.
    now_s : float
        The clock, epoch s (UTC): without a reference date, a date after it is still to come.

    With a reference date (the source's date) a start after it is drawn as planned and an end
    after it hatched (:meth:`Timeline.is_planned`, :func:`planned_end`): said so, nothing to do.
    Without one, a date after today cannot be a report: the user is asked."""
    if planned:
        return "", False
    ref = timeline.reference_date
    if date.year_unknown:  # XXXX-06-10 is not known to be after the source's date, nor drawn
        return "", False
    if ref is not None and math.isfinite(ref.latest):
        if not is_end and date.earliest >= ref.latest:
            return f"after the source's date ({short_date(ref)}): drawn as planned (dashed), not as fact", False
        begun = start is None or not math.isfinite(start.earliest) or start.earliest < ref.latest
        if is_end and begun and date.latest > ref.latest and math.isfinite(date.latest):
            return f"after the source's date ({short_date(ref)}): the end is drawn as planned (hatched)", False
        return "", False
    later = date.latest if is_end else date.earliest
    if math.isfinite(later) and later > now_s:
        return "after today: planned? Tick “Planned or expected” below, or it is drawn as fact", True
    return "", False


def collection_candidates(ids: list[str], kind: np.ndarray, x0: np.ndarray, x1: np.ndarray,
                          reference_latest_s: float) -> list[str]:
    """Ids of the spans and bands of a collection's window answer that may have a planned end
    (:func:`collection_planned_ends` decides): begun by the source's date (``x0``, epoch s, before
    ``reference_latest_s``; an unknown start is ``-inf``) and ending after its day or open.
    ``kind``, ``x0``, ``x1``: (K,) as :class:`viewer.model.store.VisibleEvents` has them."""
    if not math.isfinite(reference_latest_s) or not len(ids):
        return []
    with np.errstate(invalid="ignore"):
        hit = (np.asarray(kind) != 0) & (np.asarray(x0) < reference_latest_s) \
            & (np.asarray(x1) > reference_latest_s - 86400 * 1.5)
    return [ids[int(i)] for i in np.flatnonzero(hit)]


def collection_planned_ends(event_of: Callable[[str], Event], base: Timeline, ids: list[str],
                            search: Callable[[str], list[str]] | None = None
                            ) -> dict[str, tuple[float, float, bool]]:
    """The planned ends of some spans and bands of a collection: ``{id: (known_until,
    planned_until, on_days)}``, epoch s (UTC), as :class:`PlannedEnd` has them (``on_days``: the
    announced end is a calendar date, so a display zone's days move it); ids without one left out.

    ``event_of(id)`` gives a stored event whole (``EventStore.event``; KeyError when there is
    none); ``base`` is the collection's timeline (its tracks and reference date).  Each span is
    judged by :func:`planned_end` beside the planned event its end's basis links to
    (:data:`LINK`), or, found by ``search(query) -> ids`` (``EventStore.search``), the ingested
    ``"Expected end: <exactly its title>"`` event tagged ``expected-end``, so the rule is the
    main window's; a title ingest shortened with "…" is not matched here (which other span
    begins so is not known without a scan).  Pure Python: a store's worker thread runs it."""
    ref = base.reference_date
    if ref is None or not math.isfinite(ref.latest):
        return {}
    out: dict[str, tuple[float, float, bool]] = {}
    for eid in ids:
        try:
            ev = event_of(eid)
        except KeyError:
            continue
        events = [ev]
        linked = _linked_id(ev)
        if linked and linked != eid:
            try:
                events.append(event_of(linked))
            except KeyError:
                pass
        elif search is not None and ev.end is not None and ev.end.relation == "on or after":
            words = re.findall(r"\w+", ev.title)[:6]
            for hit in search(" ".join(["expected", "end", *words]))[:20] if words else []:
                try:
                    exp = event_of(hit)
                except KeyError:
                    continue
                named = " ".join(exp.title.removeprefix("Expected end: ").split())
                if hit != eid and "expected-end" in exp.tags and named == " ".join(ev.title.split()):
                    events.append(exp)
        tracks = {e.track for e in events if e.track}
        part = Timeline(title=base.title, tracks=tuple(t for t in base.tracks if t.id in tracks),
                        events=tuple(events), reference_date=ref, time_zone=base.time_zone)
        plan = planned_end(part, ev)
        if plan is not None:
            out[eid] = (plan.known_until, plan.planned_until, plan.on_days)
    return out
