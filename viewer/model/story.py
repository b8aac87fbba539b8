"""Stories: named, ordered walks through a timeline, for presenting it.

A :class:`Story` is a title and a tuple of :class:`StoryStep` s.  Each step
names the event to show (its quotes become the caption), the time window to
show it in, the tracks to show, and an optional note for the presenter.  A
timeline keeps its stories in ``Timeline.stories`` and the native file keeps
them in the top-level ``"stories"`` array (see ``docs/format.md``).

When a timeline has no saved story, :func:`default_story` makes one: every
drawn event in time order, each framed with context by :func:`frame_event`.

Pure Python + numpy, no Qt.  Times are seconds since the Unix epoch (UTC)
unless a name says ``x`` (seconds from ``timeline.columns.origin_epoch_s``).
"""

from __future__ import annotations

import math

from .columns import FLAG_OPEN_END, FLAG_OPEN_START, FLAG_YEAR_UNKNOWN
from .precision import Precision, unit_seconds
from .story_records import Story, StoryError, StoryStep, move_step
from .timeline import Timeline

__all__ = [
    "StoryStep",
    "Story",
    "DEFAULT_STORY_TITLE",
    "MIN_CONTEXT_FRACTION",
    "frame_event",
    "step_precision_s",
    "step_window",
    "PRECISION_CONTEXT",
    "default_story",
    "stories_of",
    "story_titles",
    "move_step",
    "StoryError",
]

DEFAULT_STORY_TITLE = "All events in time order"
"""Title of the story made when a timeline has none saved."""

MIN_CONTEXT_FRACTION = 0.5
"""A framed point's window is at least this fraction of the home range wide."""


def _home_width(timeline: Timeline) -> float:
    """Width (s) of the timeline's home range, else of its finite extent."""
    if timeline.home_start is not None and timeline.home_end is not None:
        a, b = timeline.home_start.earliest, timeline.home_end.latest
        if math.isfinite(a) and math.isfinite(b) and b > a:
            return b - a
    lo, hi = timeline.finite_extent()
    return max(hi - lo, 86400.0)


def frame_event(timeline: Timeline, event_id: str) -> tuple[float, float]:
    """The time window that shows an event with context around it.

    Rule (this project's, chosen so a briefing audience sees the neighbours
    of the event, not only the event): take the event's drawn extent
    ``[x0, x1]`` from ``timeline.columns`` (a day for a date known to the
    day; start to end for a span, an open side at its nearest known moment,
    :meth:`~viewer.model.columns.EventColumns.known_extent`).  A span or
    band is shown whole with 10 % of its width free on each side.  A point
    is centred in a window ``max(3 (x1 - x0), MIN_CONTEXT_FRACTION * H)``
    wide, where ``H`` is the width of the home range (else of all finite
    dates).

    Parameters
    ----------
    timeline : Timeline
    event_id : str

    Returns
    -------
    (start, end) : tuple of float
        Seconds since the Unix epoch (UTC), ``start < end``.

    Raises
    ------
    KeyError
        If the event is not drawn on the timeline (unknown id, undated).

    An event whose year is unknown (``XXXX-06-10``) is listed but placed nowhere: its step
    shows every placed event (as "fit everything" does), its caption names it.
    """
    cols = timeline.columns
    row = cols.row_of(event_id)
    origin = cols.origin_epoch_s
    if int(cols.flags[row]) & FLAG_YEAR_UNKNOWN:
        lo, hi = cols.extent()
        pad = max(0.03 * (hi - lo), 3600.0)
        return origin + lo - pad, origin + hi + pad
    x0, x1 = cols.known_extent(row)  # an open side of a span is framed at its last known moment
    width = max(x1 - x0, 60.0)
    if cols.kind[row] != 0:  # span or band: all of it
        pad = 0.1 * width
        return origin + x0 - pad, origin + x1 + pad
    span = max(3.0 * width, MIN_CONTEXT_FRACTION * _home_width(timeline))
    # centred on the drawn extent, but always keeping the marker well inside
    centre = (x0 + x1) / 2
    xm = float(cols.xm[row])
    centre = min(max(centre, xm - 0.35 * span), xm + 0.35 * span)
    return origin + centre - span / 2, origin + centre + span / 2


PRECISION_CONTEXT = 3.0
"""A step's window is at least this many times as wide as its event's date precision."""


def _span_unit_s(timeline: Timeline, event_id: str) -> float | None:
    """Seconds of the coarsest date precision of a span's or band's stated sides (86400 for
    a day; an "on or after 10 Feb" end is known to the day; an open side states none), else None."""
    try:
        ev = timeline.event(event_id)
    except KeyError:
        return None
    units = [unit_seconds(d.precision) for d in (ev.start, ev.end)
             if d is not None and d.relation != "open" and d.precision > Precision.UNKNOWN
             and (math.isfinite(d.earliest) or math.isfinite(d.latest))]
    return max(units) if units else None


def step_precision_s(timeline: Timeline, step: StoryStep) -> float | None:
    """Seconds of the date precision of a step's event (86400 for a day), else None.

    For a point, its drawn extent (a day for a date known to the day); for a span or band,
    the coarsest precision of its stated sides (:func:`_span_unit_s`); None for an event
    not drawn.  The presentation's time axis ticks no finer than this, and a step's window
    (:func:`step_window`) is at least :data:`PRECISION_CONTEXT` times as wide, so a
    date-only marker never sits on an hourly axis (at 12:00) even on a 4K screen.
    """
    cols = timeline.columns
    try:
        row = cols.row_of(step.event)
    except KeyError:
        return None
    if int(cols.flags[row]) & FLAG_YEAR_UNKNOWN:
        return None  # placed nowhere: no precision on the axis
    if cols.kind[row] != 0:
        # a span "10 Feb – on or after 10 Feb" is drawn over a day: framed whole, it was shown
        # over 1.5 days on an hourly axis, every day-known marker of the step on 12:00
        return _span_unit_s(timeline, step.event)
    x0, x1 = cols.known_extent(row)
    unit = float(x1 - x0)
    if int(cols.flags[row]) & (FLAG_OPEN_START | FLAG_OPEN_END):
        # "on or before 10 Feb" is known to the day: its drawn whisker is no date precision
        # (counted, the axis of such a step fell to quarters and showed no day numbers at all)
        unit -= cols.open_whisker_s
    return unit if math.isfinite(unit) and unit > 0 else None


def step_window(timeline: Timeline, step: StoryStep) -> tuple[float, float]:
    """The window a step shows: its own, or its event framed (:func:`frame_event`).

    A window never zooms finer than the date of its event: a point known to
    the day (drawn over its whole day) gets at least
    :data:`PRECISION_CONTEXT` days, its day in the middle of a day of context
    on each side, so date-only markers are never shown on an hourly axis as
    if they happened at 12:00 (the same for a month, a year).  A span or band
    gets at least :data:`PRECISION_CONTEXT` units of its coarsest stated side
    (:func:`step_precision_s`), about its known extent (at least a unit wide
    from its start).  A saved window that is wide enough is kept as it is; a
    narrower one is widened about the event, keeping all of the saved window
    in view.  Saved or framed, a story's own or the default one made for a
    file without stories: every step's range passes here.

    Returns
    -------
    (start, end) : tuple of float
        Seconds since the Unix epoch (UTC).
    """
    window = step.window if step.window is not None else frame_event(timeline, step.event)
    cols = timeline.columns
    try:
        row = cols.row_of(step.event)
    except KeyError:
        return window
    if int(cols.flags[row]) & FLAG_YEAR_UNKNOWN:
        return window  # placed nowhere (frame_event: every placed event)
    x0, x1 = cols.known_extent(row)
    if cols.kind[row] != 0:  # a span or band: its coarsest stated side's precision
        span_unit = _span_unit_s(timeline, step.event)
        if span_unit is None:
            return window
        unit, x1 = span_unit, max(x1, x0 + span_unit)
    else:
        unit = x1 - x0  # the drawn extent of a point: its date's precision (a day, a month ...)
    a, b = window
    if not (math.isfinite(unit) and unit > 0) or b - a >= PRECISION_CONTEXT * unit:
        return window
    origin = cols.origin_epoch_s
    centre = origin + (x0 + x1) / 2
    half = max(PRECISION_CONTEXT * unit, x1 - x0) / 2
    return min(a, centre - half), max(b, centre + half)


def default_story(timeline: Timeline) -> Story:
    """Every drawn event in time order, each framed with context (an event whose year is
    unknown is listed in the window but placed nowhere: not a step).

    The order is the Left/Right navigation order of the main window
    (``timeline.columns.time_order``: by the start date's sort point, then
    lane, then id); bands come in it too.  Steps carry no window (so each is
    framed by :func:`frame_event` when shown) and show all tracks.

    Returns
    -------
    Story
        Titled :data:`DEFAULT_STORY_TITLE`; no steps for a timeline without
        drawn events.
    """
    cols = timeline.columns
    ids = cols.ids
    order = cols.time_order
    if cols.flags.size and (cols.flags & FLAG_YEAR_UNKNOWN).any():
        order = order[(cols.flags[order] & FLAG_YEAR_UNKNOWN) == 0]
    steps = tuple(map(StoryStep, [ids[row] for row in order.tolist()]))
    return Story(title=DEFAULT_STORY_TITLE, steps=steps)


def stories_of(timeline: Timeline) -> tuple[Story, ...]:
    """The timeline's saved stories, or ``(default_story(timeline),)`` when it has none."""
    saved = tuple(getattr(timeline, "stories", ()) or ())
    return saved if saved else (default_story(timeline),)


def story_titles(timeline: Timeline) -> tuple[str, ...]:
    """Titles of :func:`stories_of` (same order), without building the default story.

    The default story has a step per drawn event, so a window lists the
    stories by title and builds the steps only when they are shown.
    """
    saved = tuple(getattr(timeline, "stories", ()) or ())
    return tuple(s.title for s in saved) if saved else (DEFAULT_STORY_TITLE,)

