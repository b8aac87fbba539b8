"""Writing the native format: a timeline as native JSON data, and as a file.

:func:`timeline_to_dict` is what :func:`write_native` writes (atomically);
:func:`event_to_dict` and :func:`stories_to_json` give the parts (the SQL
stores keep each event's native object, :mod:`viewer.io.collection`).
Reading the data back (:func:`viewer.io.native_build.timeline_from_dict`)
gives an equal timeline.

Pure Python, no Qt.
"""

from __future__ import annotations

import json
import math
import os
from collections.abc import Sequence
from typing import Any

import numpy as np

from viewer.model.date_edit import worded_hand_edit
from viewer.model.dates import EventDate, Precision
from viewer.model.story import Story
from viewer.model.timeline import (
    Event,
    EventKind,
    LazyEvents,
    QuoteKind,
    SourceKind,
    Timeline,
    lazy_hand_edit_candidates,
)

from .atomic import write_bytes_atomic
from .native_checks import PRECISIONS, needs_zone
from .native_schema import FORMAT_NAME, FORMAT_VERSION

__all__ = ["write_native", "timeline_to_dict", "event_to_dict", "stories_to_json"]


def _instant_edtf(epoch_s: float, *, end: bool) -> str:
    """An instant (epoch s, UTC) as EDTF: a day when it falls on 00:00 UTC, else to the second.

    A window's start is the *earliest* moment of its date and its end the
    *latest*, so a midnight end is written as the day before it
    (``2022-02-21T00:00Z`` -> ``"2022-02-20"``), and a start is rounded
    down and an end up to whole seconds.  Reading the text back gives the
    same instant (for whole seconds).
    """
    if not math.isfinite(epoch_s):
        raise ValueError(f"a story window must be finite, got {epoch_s}")
    t = math.ceil(epoch_s) if end else math.floor(epoch_s)
    if t % 86400 == 0:
        day = (t - 86400) if end else t
        return _iso(day)[:-9].rstrip("T")
    return _iso(t - 1 if end else t) + "Z"


def _iso(t: int) -> str:
    """``YYYY-MM-DDTHH:MM:SS`` for epoch seconds (any year numpy can hold; 4-digit years)."""
    text = str(np.datetime64(int(t), "s"))
    sign = "-" if text.startswith("-") else ""
    year, rest = text.lstrip("-+").split("-", 1)
    return f"{sign}{int(year):04d}-{rest}"


def stories_to_json(stories: Sequence[Story]) -> list[dict[str, Any]]:
    """The native ``stories`` list of ``stories`` (windows as EDTF instants, see :func:`_instant_edtf`).

    Raises
    ------
    ValueError
        A window with an end that is not finite.
    """
    out = []
    for story in stories:
        item: dict[str, Any] = {"title": story.title}
        if story.description:
            item["description"] = story.description
        if story.dday:
            item["dday"] = story.dday
        steps = []
        for step in story.steps:
            entry: dict[str, Any] = {"event": step.event}
            if step.window is not None:
                entry["window"] = {"start": _instant_edtf(step.window[0], end=False),
                                   "end": _instant_edtf(step.window[1], end=True)}
            if step.tracks:
                entry["tracks"] = list(step.tracks)
            if step.note:
                entry["note"] = step.note
            steps.append(entry)
        item["steps"] = steps
        out.append(item)
    return out


def _date_to_json(date: EventDate, default_zone: str) -> str | dict[str, Any]:
    out: dict[str, Any] = {"edtf": date.edtf}
    if date.phrase:
        out["phrase"] = date.phrase
    if date.basis:
        out["basis"] = date.basis
    zone = date.time_zone
    if zone is not None and not (zone == default_zone and needs_zone(date.edtf)):
        out["time_zone"] = zone
    if date.precision_override is not None:
        label = Precision(date.precision_override).label
        if label not in PRECISIONS:
            raise ValueError(
                f"date {date.edtf!r}: precision {label!r} cannot be written; the format allows "
                f"{', '.join(PRECISIONS)}"
            )
        out["precision"] = label
    if date.hand_edit is not None:  # the mark, not the basis's words, says the date is the editor's
        out["edited_by_hand"] = {k: v for k, v in (("from", date.hand_edit.former), ("on", date.hand_edit.on)) if v}
    return out["edtf"] if len(out) == 1 else out


def marks_hand_edits(timeline: Timeline) -> bool:
    """True when a file of ``timeline`` must say ``"marks_hand_edits": true``: an event's date is
    edited by hand (its ``edited_by_hand`` mark), or a basis has the words a file without the
    flag is read by (:func:`~viewer.model.date_edit.worded_hand_edit`) but no mark (a source's
    own words, which must not be read as an edit).  Otherwise the flag changes nothing and is
    left out, so a file is written as before.  A large file read lazily builds only the events
    that may say so (:func:`~viewer.model.timeline.lazy_hand_edit_candidates`)."""
    events = timeline.events
    facts = events.facts if isinstance(events, LazyEvents) else None
    candidates = (events.build(i) for i in lazy_hand_edit_candidates(events)) \
        if isinstance(events, LazyEvents) and facts is not None and facts.marked is None else events
    for e in candidates:
        for d in (e.start, e.end):
            if d is not None and (d.hand_edit is not None or (d.basis and worded_hand_edit(d.basis) is not None)):
                return True
    return False


def event_to_dict(e: Event, zone: str) -> dict[str, Any]:
    """The native JSON object of one event (as :func:`timeline_to_dict` writes it);
    ``zone`` is the timeline's default time zone (dates in it need no ``time_zone``)."""
    kind = EventKind(e.kind)
    item: dict[str, Any] = {"id": e.id, "kind": kind.value}
    if e.track or kind != EventKind.BAND:
        item["track"] = e.track
    item["title"] = e.title
    if e.summary:
        item["summary"] = e.summary
    item["start"] = _date_to_json(e.start, zone)
    if e.end is not None:
        item["end"] = _date_to_json(e.end, zone)
    if e.actors:
        item["actors"] = list(e.actors)
    if e.location:
        item["location"] = e.location
    if e.tags:
        item["tags"] = list(e.tags)
    if e.planned:
        item["status"] = "planned"
    if e.quotes:
        quotes = []
        for q in e.quotes:
            quote: dict[str, Any] = {"text": q.text, "kind": QuoteKind(q.kind).value}
            for name in ("speaker", "speaker_role", "source", "attribution", "credibility"):
                if getattr(q, name):
                    quote[name] = getattr(q, name)
            if q.offsets is not None:
                quote["offsets"] = list(q.offsets)
            quotes.append(quote)
        item["quotes"] = quotes
    if e.sources:
        item["sources"] = list(e.sources)
    if e.draft is not None:
        draft: dict[str, Any] = {"sentence": e.draft.sentence}
        if e.draft.offsets is not None:  # not known for a draft read from CSV or TimelineJS: never made up
            draft["offsets"] = list(e.draft.offsets)
        if e.draft.article:
            draft["article"] = e.draft.article
        item["draft"] = draft
    if e.credibility:
        item["credibility"] = e.credibility
    return item


def timeline_to_dict(timeline: Timeline, *, home: bool = True) -> dict[str, Any]:
    """The native-format JSON data of a timeline (what :func:`write_native` writes).

    Dates with nothing but a value are written as plain EDTF strings; empty
    optional fields are left out.  Two timelines with equal dicts are equal
    for every purpose of the viewer.

    Parameters
    ----------
    timeline : Timeline
        The timeline to convert.
    home : bool
        False to leave the home range out (File > New's provisional view
        of the current month, which is not the user's choice).

    Returns
    -------
    dict
        JSON-serialisable data following ``resources/timeline.schema.json``.

    Raises
    ------
    ValueError
        If the timeline holds something the format cannot express: only one
        end of the home range, or a date precision other than hour or minute.
    """
    zone = timeline.time_zone or "UTC"
    out: dict[str, Any] = {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "title": timeline.title,
    }
    if marks_hand_edits(timeline):
        out["marks_hand_edits"] = True
    if timeline.description:
        out["description"] = timeline.description
    if timeline.reference_date is not None:
        out["reference_date"] = _date_to_json(timeline.reference_date, zone)
    out["time_zone"] = zone
    if (timeline.home_start is None) != (timeline.home_end is None):
        raise ValueError("the home range needs both a start and an end (or neither)")
    if home and timeline.home_start is not None and timeline.home_end is not None:
        out["home"] = {
            "start": _date_to_json(timeline.home_start, zone),
            "end": _date_to_json(timeline.home_end, zone),
        }
    # an uncoloured track stays so: no invented colour goes into the file; tracks all of order 0
    # (a file that gives none: lanes in file order) get no "order", so saving adds none
    ordered = any(t.order for t in timeline.tracks)
    out["tracks"] = [
        {"id": t.id, "label": t.label, **({"color": t.color} if t.color else {}),
         **({"order": int(t.order)} if ordered else {})}
        for t in timeline.tracks
    ]
    sources = []
    for s in timeline.sources:
        item: dict[str, Any] = {"id": s.id, "kind": SourceKind(s.kind).value, "outlet": s.outlet}
        for name in ("title", "author"):
            if getattr(s, name):
                item[name] = getattr(s, name)
        if s.published is not None:
            item["published"] = _date_to_json(s.published, zone)
        for name in ("url", "via", "attribution", "reliability"):
            if getattr(s, name):
                item[name] = getattr(s, name)
        sources.append(item)
    out["sources"] = sources
    events = [event_to_dict(e, zone) for e in timeline.events]
    out["events"] = events
    if timeline.stories:
        out["stories"] = stories_to_json(timeline.stories)
    return out


def write_native(timeline: Timeline, path: str | os.PathLike[str], *, home: bool = True) -> None:
    """Write a timeline as a native file, atomically.

    The JSON (UTF-8, not ASCII-escaped, indented by 2, with a trailing
    newline) is written to a temporary file in the same folder, flushed and
    synced to disk, then renamed over ``path``: a crash leaves either the old
    file or the new one, never half of one.  Writing through a symbolic link
    replaces the file it points to.

    Parameters
    ----------
    timeline : Timeline
        The timeline to write.
    path : str or os.PathLike
        Destination file; its folder must exist.
    home : bool
        False to leave the home range out (see :func:`timeline_to_dict`).

    Raises
    ------
    ValueError
        If the timeline cannot be expressed in the format (see
        :func:`timeline_to_dict`) or holds text that is not encodable as
        UTF-8 (unpaired surrogates); nothing is written.
    OSError
        If the file cannot be written (the destination is left unchanged).
    """
    payload = (json.dumps(timeline_to_dict(timeline, home=home), ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    write_bytes_atomic(path, payload)
