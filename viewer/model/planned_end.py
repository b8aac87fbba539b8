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
  planned point event of its own (``"status": "planned"``) whose start has the
  same words of the source (``phrase``, "will finish on February 20") or which
  ingest tagged ``expected-end`` and titled ``"Expected end: <the span's title>"``.

Pure Python (no Qt): the painters and the detail pane read :func:`planned_end`.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

import numpy as np

from .dates import EventDate
from .kept import kept
from .timeline import Event, EventKind, Timeline

__all__ = ["PlannedEnd", "planned_end", "planned_end_rows", "PLANNED_END_KEY"]

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
    """

    known_until: float
    planned_until: float
    announced: str
    known: str
    expected_id: str = ""

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


def _expected_ends(timeline: Timeline) -> list[Event]:
    """The planned point events that may state a span's announced end."""
    out = []
    for i in timeline.planned_event_indexes:
        ev = timeline.events[i]
        if ev.end is None and math.isfinite(ev.start.latest):
            out.append(ev)
    return out


def _matches(span: Event, ev: Event) -> bool:
    phrase = " ".join(span.end.phrase.split()).lower() if span.end is not None else ""
    if phrase and " ".join(ev.start.phrase.split()).lower() == phrase:
        return True
    return "expected-end" in ev.tags and ev.title.removeprefix("Expected end: ").rstrip("…").strip() != "" and \
        span.title.startswith(ev.title.removeprefix("Expected end: ").rstrip("…").strip())


def planned_end(timeline: Timeline, event: Event) -> PlannedEnd | None:
    """The planned part of ``event``'s end, or None when its end is reported
    (or it is not a span or band, or the timeline has no reference date, or the
    whole event is after the reference date: then all of it is planned and it
    is marked as such already, :meth:`Timeline.is_planned`)."""
    if event.end is None or event.kind == EventKind.POINT:
        return None
    ref = timeline.reference_date
    if ref is None or not math.isfinite(ref.latest) or timeline.is_planned(event):
        return None
    end = event.end
    if not math.isfinite(event.start.earliest) or event.start.earliest >= ref.latest:
        return None
    if math.isfinite(end.latest) and end.relation != "on or after":
        if end.latest <= ref.latest:
            return None  # ended by the source's date: reported
        return PlannedEnd(ref.latest, end.latest, short_date(end), _day(ref))
    if end.relation != "on or after" or not math.isfinite(end.earliest):
        return None
    expected = [ev for ev in _expected_ends(timeline)
                if ev.id != event.id and ev.start.latest > end.earliest and _matches(event, ev)]
    if not expected:
        return None
    exp = min(expected, key=lambda ev: ev.start.latest)
    known_until = ref.latest if end.earliest < ref.latest else end.earliest
    known = _day(ref) if end.earliest < ref.latest else _day(end).removeprefix("on or after ")
    if exp.start.latest <= known_until:
        return None
    return PlannedEnd(known_until, exp.start.latest, short_date(exp.start), known, exp.id)


def planned_end_rows(timeline: Timeline) -> dict[int, tuple[float, float]]:
    """Rows of :attr:`Timeline.columns` (spans and bands) with a planned end:
    ``{row: (known_until, planned_until)}``, epoch s (UTC), as :class:`PlannedEnd` has them.

    Found once per timeline (kept with it).  An end written as a date after the reference
    date is found from the columns alone (no event is built: a large file stays lazy); an
    open end only when the timeline has planned events, by its event."""
    def build() -> dict[int, tuple[float, float]]:
        ref = timeline.reference_date
        cols = timeline.columns
        if ref is None or not math.isfinite(ref.latest) or not len(cols):
            return {}
        o = cols.origin_epoch_s
        cut = ref.latest - o
        with np.errstate(invalid="ignore"):
            spans = (cols.kind != 0) & np.isfinite(cols.x0) & (cols.x0 < cut)
            late = spans & np.isfinite(cols.x1) & (cols.x1 > cut)
        if late.any():
            late &= ~timeline.planned_rows()  # marked planned by the source: all of it is
        out = {int(r): (float(ref.latest), float(cols.x1[r] + o)) for r in np.flatnonzero(late)}
        if timeline.planned_event_indexes:
            for row in np.flatnonzero(spans & np.isposinf(cols.x1)).tolist():
                p = planned_end(timeline, timeline.events[int(cols.event_index[row])])
                if p is not None:
                    out[int(row)] = (p.known_until, p.planned_until)
        return out
    return kept(timeline, "planned_end_rows", None, build)
