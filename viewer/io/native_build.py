"""Building the model from a checked native document: events, stories, the timeline.

:func:`timeline_from_dict` checks a parsed document
(:func:`viewer.io.native_checks.check_document`) and builds its
:class:`~viewer.model.timeline.Timeline`.  The pieces are public for the
readers that check in their own way and build events one at a time
(:mod:`viewer.io.bulk`, :mod:`viewer.io.collection`): :func:`event_from_dict`,
:func:`date_of` / :func:`zone_of` (a checked date value, exactly as the
checks parse it), :func:`stories_from_json` and :func:`build_timeline`.

Pure Python, no Qt.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from viewer.model.dates import EventDate
from viewer.model.errors import TimelineLoadError
from viewer.model.story import Story, StoryStep
from viewer.model.timeline import (
    Draft,
    Event,
    EventKind,
    Quote,
    QuoteKind,
    Source,
    SourceKind,
    Timeline,
    Track,
)

from .jsonpos import PathPart
from .native_checks import PRECISIONS, check_document, event_date, hand_edit_of, needs_zone, string_field
from .native_problems import Problems

__all__ = ["timeline_from_dict", "build_timeline", "event_from_dict", "date_of", "zone_of", "stories_from_json"]


def event_from_dict(e: Mapping[str, Any], start: EventDate, end: EventDate | None) -> Event:
    """The :class:`Event` of a checked event object whose dates are parsed (:func:`date_of`).

    ``e`` must have passed the checks (a KeyError or ValueError otherwise)."""
    quotes = tuple(
        Quote(
            text=q["text"],
            speaker=string_field(q, "speaker"),
            speaker_role=string_field(q, "speaker_role"),
            source=string_field(q, "source"),
            attribution=string_field(q, "attribution"),
            kind=QuoteKind(q.get("kind", "direct")),
            offsets=_offsets(q.get("offsets")),
            credibility=string_field(q, "credibility"),
        )
        for q in e.get("quotes", [])
    )
    draft = None
    if isinstance(e.get("draft"), Mapping):
        d = e["draft"]
        draft = Draft(sentence=string_field(d, "sentence"), offsets=_offsets(d.get("offsets")),
                      article=string_field(d, "article"))
    return Event(
        id=e["id"],
        title=e["title"],
        start=start,
        track=string_field(e, "track"),
        kind=EventKind(e.get("kind", "point")),
        end=end,
        summary=string_field(e, "summary"),
        actors=tuple(e.get("actors", ())),
        location=string_field(e, "location"),
        tags=tuple(e.get("tags", ())),
        quotes=quotes,
        sources=tuple(e.get("sources", ())),
        draft=draft,
        planned=e.get("status") == "planned",
        credibility=string_field(e, "credibility"),
        stated_happened=e.get("status") == "happened",
    )


def _offsets(value: Any) -> tuple[int, int] | None:
    """``[start, end]`` character offsets (checked by the schema) as a tuple, or None."""
    if isinstance(value, list) and len(value) == 2 and all(type(v) is int for v in value):
        return (value[0], value[1])
    return None


def date_of(value: Any, default_zone: str, worded: bool = True) -> EventDate:
    """The EventDate of a checked date value (a string or a date object), exactly as
    :meth:`~viewer.io.native_checks.Checker.date` builds it; ``default_zone`` is the
    document's time zone (for a time of day with no offset); ``worded``: the document
    has no ``"marks_hand_edits": true`` (a basis's words mark an edit by hand:
    :func:`~viewer.io.native_checks.hand_edit_of`)."""
    if isinstance(value, str):
        text, phrase, basis, precision, hand = value, "", "", None, None
    else:
        text = value["edtf"]
        phrase, basis = string_field(value, "phrase"), string_field(value, "basis")
        precision = PRECISIONS.get(string_field(value, "precision"))
        hand = hand_edit_of(value, worded)
    return event_date(text, phrase, basis, zone_of(value, default_zone), precision, hand)


def zone_of(value: Any, default_zone: str) -> str | None:
    """``EventDate.time_zone`` of a checked date value (as :func:`date_of`), without parsing the date."""
    if isinstance(value, str):
        text, zone = value, None
    else:
        text = value["edtf"]
        tz = value.get("time_zone")
        zone = tz if isinstance(tz, str) and tz else None
    if zone is None and needs_zone(text):
        zone = default_zone
    return zone


def build_timeline(data: Mapping[str, Any], dates: Mapping[tuple[PathPart, ...], EventDate]) -> Timeline:
    """The :class:`Timeline` of a checked document; ``dates``: its parsed dates by JSON path
    (``Checker.dates``; every event's start must be there)."""
    tracks = tuple(
        Track(
            id=t["id"],
            label=t["label"],
            color=t.get("color", ""),  # "" = none in the file: drawn in a palette colour, not written back
            order=int(t.get("order", 0)),
        )
        for t in data.get("tracks", [])
    )
    sources = tuple(
        Source(
            id=s["id"],
            kind=SourceKind(s["kind"]),
            outlet=s["outlet"],
            title=string_field(s, "title"),
            author=string_field(s, "author"),
            published=dates.get(("sources", i, "published")),
            url=string_field(s, "url"),
            via=string_field(s, "via"),
            attribution=string_field(s, "attribution"),
            reliability=string_field(s, "reliability"),
        )
        for i, s in enumerate(data.get("sources", []))
    )
    events = [
        event_from_dict(e, dates[("events", i, "start")], dates.get(("events", i, "end")))
        for i, e in enumerate(data.get("events", []))
    ]
    return Timeline(
        title=data["title"],
        tracks=tracks,
        events=tuple(events),
        sources=sources,
        description=string_field(data, "description"),
        reference_date=dates.get(("reference_date",)),
        time_zone=data.get("time_zone", "UTC"),
        home_start=dates.get(("home", "start")),
        home_end=dates.get(("home", "end")),
        stories=stories_from_json(data, dates),
    )


def stories_from_json(data: Mapping[str, Any],
                       dates: Mapping[tuple[PathPart, ...], EventDate]) -> tuple[Story, ...]:
    """The checked ``stories`` of a document as model objects (window in epoch s)."""
    stories = []
    for s_index, story in enumerate(data.get("stories", [])):
        steps = []
        for k, step in enumerate(story.get("steps", [])):
            start = dates.get(("stories", s_index, "steps", k, "window", "start"))
            end = dates.get(("stories", s_index, "steps", k, "window", "end"))
            window = (start.earliest, end.latest) if start is not None and end is not None else None
            steps.append(StoryStep(event=step["event"], window=window,
                                   tracks=tuple(step.get("tracks", ())), note=string_field(step, "note")))
        stories.append(Story(title=story["title"], steps=tuple(steps), description=string_field(story, "description"),
                             dday=string_field(story, "dday").strip() or None))
    return tuple(stories)


def timeline_from_dict(
    data: Any, file: str = "", *, text: str | None = None, duplicates: Sequence[tuple[int, str]] = ()
) -> Timeline:
    """Build a :class:`Timeline` from parsed native-format JSON, checking everything.

    Parameters
    ----------
    data : object
        The result of :func:`json.loads` on a native file (normally a dict).
    file : str
        File name used in problems ("" for data not from a file).
    text : str, optional
        The JSON text ``data`` was parsed from; when given, problems carry
        line and column numbers.
    duplicates : sequence of (int, str)
        Keys the text holds twice in one object, as
        :func:`~viewer.io.native_decode.parse_with_duplicates` returns them
        (each reported).

    Returns
    -------
    Timeline
        The timeline the data describes.

    Raises
    ------
    TimelineLoadError
        With every problem found (schema and meaning), sorted by position.
    """
    report = Problems(file, data, text)
    checker = check_document(data, report, duplicates)
    if report.items:
        raise TimelineLoadError(report.sorted())
    return build_timeline(data, checker.dates)
