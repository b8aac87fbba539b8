"""Reviewing ingest drafts: accept or reject, as new timelines (no Qt).

A draft event (``Event.draft`` set, see :mod:`viewer.ingest`) is a proposal
read from an article.  Accepting it removes the marker (and the ``draft``
tag): the analyst vouches for it.  Rejecting it removes the event, and any
story step that showed it.  Each function returns a new :class:`Timeline`;
the one given is not changed (the window swaps them, and an undo stack can
keep the old one).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from .timeline import Event, Timeline

__all__ = ["ReviewError", "draft_ids", "accept", "reject", "accept_all"]


class ReviewError(ValueError):
    """An id that is not an event of the timeline, or not a draft."""


def draft_ids(timeline: Timeline) -> list[str]:
    """Ids of the unreviewed drafts, in time order (sort point; ties in file order)."""
    flags = timeline.draft_flags()
    rows = [i for i in range(len(timeline.events)) if flags[i]]
    rows.sort(key=lambda i: (timeline.events[i].sort_point, i))
    return [timeline.events[i].id for i in rows]


def _check(timeline: Timeline, ids: Iterable[str]) -> set[str]:
    wanted = set(ids)
    for eid in wanted:
        if not timeline.has_event(eid):
            raise ReviewError(f"no event {eid!r} in the timeline")
        if timeline.event(eid).draft is None:
            raise ReviewError(f"event {eid!r} is not a draft (already reviewed)")
    return wanted


def _accepted(e: Event) -> Event:
    return replace(e, draft=None, tags=tuple(t for t in e.tags if t != "draft"))


def accept(timeline: Timeline, ids: Iterable[str]) -> Timeline:
    """A copy in which the events ``ids`` are no longer drafts.

    Raises
    ------
    ReviewError
        An id is unknown or not a draft.
    """
    wanted = _check(timeline, ids)
    return replace(timeline, events=tuple(_accepted(e) if e.id in wanted else e for e in timeline.events))


def accept_all(timeline: Timeline) -> Timeline:
    """A copy with every remaining draft accepted (one step to undo)."""
    return accept(timeline, draft_ids(timeline))


def reject(timeline: Timeline, ids: Iterable[str]) -> Timeline:
    """A copy without the draft events ``ids`` (and without story steps showing them).

    Raises
    ------
    ReviewError
        An id is unknown or not a draft (a reviewed event is not removed here).
    """
    wanted = _check(timeline, ids)
    stories = tuple(replace(s, steps=tuple(st for st in s.steps if st.event not in wanted))
                    for s in timeline.stories)
    return replace(timeline, events=tuple(e for e in timeline.events if e.id not in wanted), stories=stories)
