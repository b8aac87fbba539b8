"""Reviewing ingest drafts: accept or reject, as new timelines (no Qt).

A draft event (``Event.draft`` set, see :mod:`viewer.ingest`) is a proposal
read from an article.  Accepting it removes the marker (and the ``draft``
tag): the analyst vouches for it.  Rejecting it removes the event, and any
story step that showed it.  Merging it into another event adds its quotes,
sources and sentence to that event and removes the draft.
:func:`accepted_event` and :func:`merged_event` give the new versions of
single events, so the same changes can be made as undoable commands.  Each function returns a new :class:`Timeline`;
the one given is not changed (the window swaps them, and an undo stack can
keep the old one).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

import numpy as np

from .timeline import Event, Timeline

__all__ = ["ReviewError", "draft_ids", "accept", "reject", "accept_all", "merge", "accepted_event", "merged_event"]


class ReviewError(ValueError):
    """An id that is not an event of the timeline, or not a draft."""


def draft_ids(timeline: Timeline) -> list[str]:
    """Ids of the unreviewed drafts, in time order (sort point; ties in file order)."""
    rows: list[int] = np.flatnonzero(timeline.draft_flags()).tolist()  # never a Python pass over every event
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


def accepted_event(e: Event) -> Event:
    """``e`` as accepted: no draft marker, no ``draft`` tag (everything else as it was)."""
    return replace(e, draft=None, tags=tuple(t for t in e.tags if t != "draft"))


def merged_event(target: Event, draft: Event) -> Event:
    """``target`` with what ``draft`` adds: its quotes (those whose text the
    target lacks), sources, actors and tags (``draft`` excepted), and its
    source sentence after the target's summary.  The target keeps its own id,
    title, dates, track and draft state: merging says "this report is about
    that event", not "that event happened when the draft says"."""
    have = {q.text for q in target.quotes}
    sentence = draft.draft.sentence if draft.draft is not None else draft.summary
    summary = target.summary
    if sentence and sentence not in summary:
        summary = f"{summary} {sentence}".strip()
    return replace(
        target,
        summary=summary,
        quotes=target.quotes + tuple(q for q in draft.quotes if q.text not in have),
        sources=tuple(dict.fromkeys(target.sources + draft.sources)),
        actors=tuple(dict.fromkeys(target.actors + draft.actors)),
        tags=tuple(dict.fromkeys(target.tags + tuple(t for t in draft.tags if t != "draft"))))


def accept(timeline: Timeline, ids: Iterable[str]) -> Timeline:
    """A copy in which the events ``ids`` are no longer drafts.

    Raises
    ------
    ReviewError
        An id is unknown or not a draft.
    """
    wanted = _check(timeline, ids)
    return replace(timeline, events=tuple(accepted_event(e) if e.id in wanted else e for e in timeline.events))


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


def merge(timeline: Timeline, draft_id: str, into_id: str) -> Timeline:
    """A copy in which the draft ``draft_id`` is merged into the event
    ``into_id`` (see :func:`merged_event`) and removed.

    Raises
    ------
    ReviewError
        ``draft_id`` is not a draft, ``into_id`` is unknown, or they are the same event.
    """
    _check(timeline, [draft_id])
    if draft_id == into_id:
        raise ReviewError(f"cannot merge {draft_id!r} into itself")
    if not timeline.has_event(into_id):
        raise ReviewError(f"no event {into_id!r} in the timeline")
    draft = timeline.event(draft_id)
    new = merged_event(timeline.event(into_id), draft)
    stories = tuple(replace(s, steps=tuple(replace(st, event=into_id) if st.event == draft_id else st
                                           for st in s.steps)) for s in timeline.stories)
    events = tuple(new if e.id == into_id else e for e in timeline.events if e.id != draft_id)
    return replace(timeline, events=events, stories=stories)
