"""Stage 4 of reading a native file: what the schema cannot say.

:class:`Checker` checks the meaning of a (possibly schema-invalid) document
and keeps the dates it parsed, by JSON path: unique ids, references to
tracks and sources, EDTF dates that are in the calendar, time zones that
exist, ends not before starts, spans with an end, ``..`` only where an open
end makes sense, and the stories' titles, steps and windows.
:func:`check_document` runs every check of stages 2b to 4 on one document.

Pure Python, no Qt.
"""

from __future__ import annotations

import datetime
import functools
import math
import re
from collections.abc import Collection, Iterator, Mapping, Sequence
from typing import Any
from zoneinfo import ZoneInfo

from viewer.model.date_edit import worded_hand_edit
from viewer.model.dates import EventDate, HandEdit, Precision
from viewer.model.errors import DateError

from .jsonpos import PathPart
from .native_problems import Problems, format_path, known_list, suggest
from .native_schema import schema_problems, walk_checks

__all__ = ["PRECISIONS", "string_field", "needs_zone", "date_hint", "event_date", "Checker", "check_document",
           "plain_without_events"]

PRECISIONS = {"hour": Precision.HOUR, "minute": Precision.MINUTE}
"""The date precisions a native file may state (``"precision"`` of a date object)."""


def _zone_ok(name: str) -> bool:
    if not name or name != name.strip():
        return False
    try:
        ZoneInfo(name)
    except Exception:  # noqa: BLE001 - ZoneInfoNotFoundError, ValueError, IsADirectoryError...
        return False
    return True


_TIME_NO_OFFSET = re.compile(r"T\d\d:\d\d:\d\d(?!\d|Z|[+-]\d)")


def needs_zone(edtf_text: str) -> bool:
    """True when the EDTF value has a time of day without a UTC offset."""
    return bool(_TIME_NO_OFFSET.search(edtf_text))


def string_field(obj: Mapping[str, Any], key: str) -> str:
    """``obj[key]`` when it is a string, else ``""`` (absent, or of another type: reported by the schema)."""
    value = obj.get(key, "")
    return value if isinstance(value, str) else ""


# ---------------------------------------------------------------------------
# stage 4: meaning


class Checker:
    """Semantic checks of (possibly schema-invalid) data; keeps parsed dates.

    ``event_ids``, when given, are the ids the stories' steps may name instead of
    those of ``data["events"]``: the large-file reader (:mod:`viewer.io.bulk`) checks
    only some events whole but knows every id."""

    def __init__(self, data: Any, report: Problems, event_ids: Collection[str] | None = None) -> None:
        self.data = data
        self.report = report
        self.event_ids = event_ids
        self.dates: dict[tuple[PathPart, ...], EventDate] = {}
        self.zone = "UTC"
        # a file without "marks_hand_edits" was written before the mark: its bases' words say it
        self.worded = not (isinstance(data, Mapping) and data.get("marks_hand_edits") is True)

    # -- dates ---------------------------------------------------------
    def date(self, value: Any, path: tuple[PathPart, ...], *, allow_open: bool, what: str) -> EventDate | None:
        """Parse a date value; report problems; None if absent or bad."""
        phrase = basis = ""
        zone: str | None = None
        precision: Precision | None = None
        hand: HandEdit | None = None
        edtf_path = path
        text: object
        if isinstance(value, str):
            text = value
        elif isinstance(value, Mapping):
            text = value.get("edtf")
            edtf_path = (*path, "edtf")
            phrase, basis = string_field(value, "phrase"), string_field(value, "basis")
            tz = value.get("time_zone")
            if isinstance(tz, str) and tz:
                if not _zone_ok(tz):
                    self.report.add(
                        (*path, "time_zone"),
                        f"unknown IANA time zone {tz!r}{_zone_hint(tz)}",
                    )
                    return None
                zone = tz
            elif tz is not None:
                return None  # reported by the schema
            precision = PRECISIONS.get(string_field(value, "precision"))
            hand = hand_edit_of(value, self.worded)
            if hand is not None and isinstance(value.get("edited_by_hand"), Mapping) \
                    and not self._mark_ok(hand, (*path, "edited_by_hand")):
                return None
        else:
            return None
        if not isinstance(text, str) or not text:
            return None  # reported by the schema
        if text.strip() == ".." and not allow_open:
            self.report.add(
                edtf_path,
                f"'..' (open, not stated) is only allowed as the start or end of a span or band, not as "
                f"{what}; for a date known only to be before or after a day write [..2022-02-10] or "
                "[2022-02-10..]",
            )
            return None
        if zone is None and needs_zone(text):
            zone = self.zone
        try:
            parsed = event_date(text, phrase, basis, zone, precision, hand)
        except DateError as exc:
            self.report.add(edtf_path, f"{exc}{date_hint(text)}")
            return None
        except Exception as exc:  # noqa: BLE001 - the edtf package raises assorted errors
            self.report.add(edtf_path, f"{text!r} could not be read as an EDTF date ({type(exc).__name__}: {exc})")
            return None
        self.dates[path] = parsed
        return parsed

    def _mark_ok(self, mark: HandEdit, path: tuple[PathPart, ...]) -> bool:
        """Report a mark whose ``on`` is not a day (``YYYY-MM-DD`` in the calendar) or whose ``from``
        is not an EDTF value of at most :data:`MAX_FROM_CHARS` characters; True when it is good."""
        ok = True
        if mark.on and not _day_ok(mark.on):
            self.report.add((*path, "on"), f"expected the day of the edit as YYYY-MM-DD (UTC), got {_shown(mark.on)}")
            ok = False
        if len(mark.former) > MAX_FROM_CHARS:
            self.report.add((*path, "from"), f"expected the EDTF value before the edit, at most {MAX_FROM_CHARS} "
                            f"characters; got {len(mark.former):,} characters")
            return False
        if mark.former:
            try:
                event_date(mark.former, "", "", None, None)
            except Exception as exc:  # noqa: BLE001 - DateError, and the edtf package's assorted errors
                reason = str(exc) if isinstance(exc, DateError) else "not an EDTF date"
                self.report.add((*path, "from"), f"expected the EDTF value before the edit, got "
                                f"{_shown(mark.former)} ({_shown(reason, 200)[1:-1]}){date_hint(mark.former)}")
                ok = False
        return ok

    def order(
        self, start: EventDate | None, end: EventDate | None, path: tuple[PathPart, ...], what: str
    ) -> None:
        """Report an end that comes before the start; ``path`` is the end's."""
        if start is None or end is None:
            return
        if math.isfinite(end.latest) and math.isfinite(start.earliest) and end.latest <= start.earliest:
            self.report.add(
                path,
                f"{what} ends before it starts: end {end.edtf!r} ({_describe(end)}) is before start "
                f"{start.edtf!r} ({_describe(start)}); the end must not come before the start "
                "(the same date is allowed: a zero-length span)",
            )

    def offsets(self, value: Any, path: tuple[PathPart, ...], what: str, text: str) -> None:
        """Report ``[start, end]`` character offsets whose end comes before their start
        (the schema checks the shape: two whole numbers of 0 or more)."""
        if isinstance(value, list) and len(value) == 2 and all(type(v) is int for v in value) \
                and value[1] < value[0]:
            self.report.add(
                path,
                f"{what} has offsets [{value[0]}, {value[1]}]: the end ({value[1]}) is before the start "
                f"({value[0]}); expected [start, end] with the end at or after the start (where the {text} "
                "begins and ends in the article), or no \"offsets\" when they are not known",
            )

    # -- ids -----------------------------------------------------------
    def ids(self, key: str, noun: str) -> dict[str, tuple[PathPart, ...]]:
        """First path of each id in ``data[key]``; duplicates reported."""
        found: dict[str, tuple[PathPart, ...]] = {}
        items = self.data.get(key)
        if not isinstance(items, list):
            return found
        for index, item in enumerate(items):
            if not isinstance(item, Mapping):
                continue
            item_id = item.get("id")
            if not isinstance(item_id, str) or not item_id:
                continue
            path = (key, index, "id")
            if item_id in found:
                first = found[item_id]
                self.report.add(
                    path,
                    f"duplicate {noun} id {item_id!r}: already used by {format_path(self.report.real_path(first[:-1]))}"
                    f"{self.report.line_of(first)}; ids must be unique",
                )
            else:
                found[item_id] = path
        return found

    def ids_of(self, key: str) -> dict[str, int]:
        """Index of each id in ``data[key]`` (first occurrence), reporting nothing."""
        found: dict[str, int] = {}
        for index, item in _objects(self.data.get(key)):
            item_id = item.get("id")
            if isinstance(item_id, str) and item_id and item_id not in found:
                found[item_id] = index
        return found

    def reference(self, value: Any, known: Mapping[str, Any], path: tuple[PathPart, ...], noun: str) -> None:
        """Report ``value`` (an id at ``path``) when it is not one of ``known``."""
        if isinstance(value, str) and value and value not in known:
            self.report.add(
                path,
                f"unknown {noun} {value!r}{suggest(value, known)} (known {noun}s: {known_list(known)})",
            )

    # -- whole document --------------------------------------------------
    def run(self) -> None:
        """Check the whole document (time zone, home range, ids, sources, events, stories)."""
        data = self.data
        if not isinstance(data, Mapping):
            return
        zone = data.get("time_zone")
        if isinstance(zone, str) and zone:
            if _zone_ok(zone):
                self.zone = zone
            else:
                self.report.add(("time_zone",), f"unknown IANA time zone {zone!r}{_zone_hint(zone)}")
        if "reference_date" in data:
            self.date(data["reference_date"], ("reference_date",), allow_open=False, what="a reference date")
        home = data.get("home")
        if isinstance(home, Mapping):
            start = self.date(home.get("start"), ("home", "start"), allow_open=False, what="the home range's start")
            end = self.date(home.get("end"), ("home", "end"), allow_open=False, what="the home range's end")
            self.order(start, end, ("home", "end"), "the home range")

        tracks = self.ids("tracks", "track")
        sources = self.ids("sources", "source")
        self.ids("events", "event")

        for index, source in _objects(data.get("sources")):
            path: tuple[PathPart, ...] = ("sources", index)
            if "published" in source:
                self.date(source["published"], (*path, "published"), allow_open=False, what="a publication date")
            via = source.get("via")
            if isinstance(via, str) and via and via == source.get("id"):
                self.report.add((*path, "via"), f"source {via!r} cannot be relayed by itself (via)")
            else:
                self.reference(via, sources, (*path, "via"), "source")

        for index, event in _objects(data.get("events")):
            self.event(event, ("events", index), tracks, sources)
        _check_stories(self, self.ids_of("events") if self.event_ids is None else self.event_ids, tracks)

    def event(
        self,
        event: Mapping[str, Any],
        path: tuple[PathPart, ...],
        tracks: Mapping[str, Any],
        sources: Mapping[str, Any],
    ) -> None:
        """Check one event object at ``path`` against the document's tracks and sources."""
        raw_kind = event.get("kind", "point")
        kind = raw_kind if raw_kind in ("point", "span", "band") else None
        track = event.get("track")
        if isinstance(track, str):
            if not track and kind in ("point", "span"):
                self.report.add(
                    (*path, "track"),
                    f"a {kind} needs a track: give the id of one (known tracks: {known_list(tracks)})",
                )
            else:
                self.reference(track, tracks, (*path, "track"), "track")
        allow_open = kind in ("span", "band")
        what = "the date of a point (use \"kind\": \"span\" for something still going on)"
        start = None
        if "start" in event:
            start = self.date(event["start"], (*path, "start"), allow_open=allow_open, what=what)
        end_value = event.get("end")
        end = None
        if end_value is not None:
            if kind == "point":
                self.report.add(
                    (*path, "end"),
                    "a point has no end: set \"kind\": \"span\" (or \"band\") for something that lasted, "
                    "or remove \"end\"",
                )
            else:
                end = self.date(end_value, (*path, "end"), allow_open=allow_open, what=what)
        elif kind == "span":
            self.report.add(
                path,
                "a span needs an end: add \"end\" (write \"end\": \"..\" when the end is not stated "
                "or it is still going on)",
            )
        if kind in ("span", "band"):
            self.order(start, end, (*path, "end"), f"this {kind}")
            if start is not None and end is not None and start.is_open and end.is_open:
                self.report.add(
                    (*path, "start"),
                    f"this {kind} has no known date at all ('..' to '..'): it cannot be placed on the "
                    "timeline; give at least one end a date, e.g. \"[..2022-02-10]\" (on or before)",
                )
        for q_index, quote in _objects(event.get("quotes")):
            self.reference(quote.get("source"), sources, (*path, "quotes", q_index, "source"), "source")
            self.offsets(quote.get("offsets"), (*path, "quotes", q_index, "offsets"),
                         f"quote {q_index + 1} (quotes[{q_index}]) of this event", "quote")
        draft = event.get("draft")
        if isinstance(draft, Mapping):
            self.offsets(draft.get("offsets"), (*path, "draft", "offsets"), "this event's draft", "sentence")
        cited = event.get("sources")
        if isinstance(cited, list):
            for s_index, source_id in enumerate(cited):
                self.reference(source_id, sources, (*path, "sources", s_index), "source")



def check_document(data: Any, report: Problems, duplicates: Sequence[tuple[int, str]] = (), *,
                   event_ids: Collection[str] | None = None) -> Checker:
    """Every check of a parsed native document: structure, schema, meaning.

    Parameters
    ----------
    data : object
        The parsed JSON (normally a dict).
    report : Problems
        Where the problems go (none added: the document is valid).
    duplicates : sequence of (int, str)
        Duplicated keys, as :func:`~viewer.io.native_decode.parse_with_duplicates` returns them.
    event_ids : collection of str, optional
        The ids the stories may name, when not all events are in ``data``
        (see :class:`Checker`); by default those of ``data["events"]``.

    Returns
    -------
    Checker
        Its ``dates`` (parsed dates by JSON path) and ``zone`` (the
        document's time zone) are what building the timeline needs.
    """
    checker = Checker(data, report, event_ids)
    if walk_checks(data, report, duplicates):
        if not plain_without_events(data):  # else the schema can only say yes: jsonschema is not even imported
            try:
                schema_problems(data, report)
            except RecursionError:
                report.add((), "the data is nested too deeply to be checked")
        checker.run()
    return checker


_PLAIN_KEYS = frozenset({"format", "version", "title", "description", "time_zone", "tracks", "sources", "events",
                         "marks_hand_edits"})
_PLAIN_TRACK_KEYS = frozenset({"id", "label", "color", "order"})
_COLOR = re.compile(r"#[0-9a-fA-F]{6}")


def plain_without_events(data: Any) -> bool:
    """True when ``data`` is a document the JSON Schema accepts, by rules at least as strict
    as the schema's, for one plain shape only: no events, no sources, no stories, no home
    range or reference date, tracks of ``id``, ``label``, ``color``, ``order``.  That is a
    collection's timeline metadata as the collection writers write it
    (:func:`viewer.io.collection.timeline_of_meta`): opening a collection then never imports
    jsonschema.  Anything else is False (and gets the schema's own check, which explains
    every problem); the reader's own rules (unique ids, the zone's name) still run on both.
    """
    if type(data) is not dict or not data.keys() <= _PLAIN_KEYS:
        return False
    if (data.get("format") != "timeline-viewer" or type(data.get("version")) is not int or data["version"] != 1
            or type(data.get("title")) is not str or not data["title"]):
        return False
    if type(data.get("description", "")) is not str:
        return False
    if "time_zone" in data and (type(data["time_zone"]) is not str or not data["time_zone"]):
        return False
    if data.get("events") != [] or data.get("sources", []) != [] or type(data.get("tracks")) is not list:
        return False
    for track in data["tracks"]:
        if type(track) is not dict or not track.keys() <= _PLAIN_TRACK_KEYS:
            return False
        if type(track.get("id")) is not str or not track["id"] or type(track.get("label")) is not str:
            return False
        if "color" in track and (type(track["color"]) is not str or not _COLOR.fullmatch(track["color"])):
            return False
        if "order" in track and type(track["order"]) is not int:
            return False
    return True


@functools.lru_cache(maxsize=8192)
def event_date(
    text: str, phrase: str, basis: str, zone: str | None, precision: Precision | None,
    hand: HandEdit | None = None,
) -> EventDate:
    """EventDate construction, memoised: parsing EDTF is slow (pyparsing) and
    dates repeat; an EventDate is immutable, so equal arguments can share one."""
    return EventDate(text, phrase, basis, time_zone=zone, precision_override=precision, hand_edit=hand)


def hand_edit_of(value: Mapping[str, Any], worded: bool) -> HandEdit | None:
    """The :class:`~viewer.model.dates.HandEdit` mark of a date object: its ``edited_by_hand``
    object (``{"from": "2022-02-10", "on": "2026-12-08"}``, both optional), else, in a file
    written before the mark (``worded``: no ``"marks_hand_edits": true``), what its basis's words
    say (:func:`~viewer.model.date_edit.worded_hand_edit`).  None for a date not edited by hand
    (and for a mark that is not an object: the schema reports it), and for a mark whose ``from`` is
    the date's own value: no edit (a drag back to where it was wrote such marks)."""
    mark = value.get("edited_by_hand")
    hand: HandEdit | None = None
    if isinstance(mark, Mapping):
        hand = HandEdit(string_field(mark, "from"), string_field(mark, "on"))
    elif mark is None and worded:
        basis = value.get("basis")
        hand = worded_hand_edit(basis) if isinstance(basis, str) and basis else None
    return None if hand is None or hand.former == value.get("edtf") else hand


MAX_FROM_CHARS = 256
"""The longest ``edited_by_hand.from`` a native file may hold (an EDTF value; a set of a few dates fits)."""

_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def _day_ok(text: str) -> bool:
    """``text`` is a day of the calendar written ``YYYY-MM-DD``."""
    if not _DAY.fullmatch(text):
        return False
    try:
        datetime.date.fromisoformat(text)
    except ValueError:
        return False
    return True


def _shown(text: str, limit: int = 60) -> str:
    """``text`` quoted for a message, cut at ``limit`` characters."""
    return repr(text if len(text) <= limit else text[:limit] + "…")


def _objects(items: Any) -> Iterator[tuple[int, Mapping[str, Any]]]:
    if isinstance(items, list):
        for index, item in enumerate(items):
            if isinstance(item, Mapping):
                yield index, item


def _describe(date: EventDate) -> str:
    try:
        return re.sub(r" \(to the \w+\)", "", date.describe())
    except Exception:  # noqa: BLE001 - only used in a message
        return date.edtf


def _zone_hint(name: str) -> str:
    if name != name.strip():
        return " (remove the spaces around it)"
    return '; expected an IANA name such as "Europe/Minsk", "America/New_York" or "UTC"'


_SLASHED = re.compile(r"^\s*\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\s*$")
_UNPADDED = re.compile(r"^\s*-?\d{1,4}-\d{1,2}(-\d{1,2})?\s*$")


def date_hint(text: str) -> str:
    """What to write instead of a date text that is not EDTF (`` (… is ambiguous …)``), or ``""``."""
    if _SLASHED.match(text):
        a, b, year = (int(x) for x in re.split(r"[/.]", text.strip()))
        if (a > 12) != (b > 12) and max(a, b) <= 31:  # only one order is a date: it is not ambiguous
            day, month = (a, b) if a > 12 else (b, a)
            order = "day/month/year" if a > 12 else "month/day/year"
            iso = f"{year:04d}-{month:02d}-{day:02d}" if year >= 1000 else f"YYYY-{month:02d}-{day:02d}"
            return f" ({text.strip()!r} is {order}, as {max(a, b)} cannot be a month: write it as {iso})"
        return (
            f" ({text.strip()!r} is ambiguous: day and month order is never guessed; "
            "write it as YYYY-MM-DD, e.g. 2022-03-04 or 2022-04-03, whichever the source means)"
        )
    if _UNPADDED.match(text) and not re.match(r"^\s*-?\d{4}-\d\d(-\d\d)?\s*$", text):
        return " (write years with 4 digits and months and days with 2, e.g. 2017-03-13)"
    return ""


# ---------------------------------------------------------------------------
# stories (top-level "stories": see viewer.model.story and docs/format.md)


# ---------------------------------------------------------------------------
# stories (top-level "stories": see viewer.model.story and docs/format.md)


def _story_name(story: Mapping[str, Any], index: int) -> str:
    title = story.get("title")
    return f"story {title!r}" if isinstance(title, str) and title else f"story {index + 1}"


def _check_stories(checker: Checker, events: Collection[str], tracks: Mapping[str, Any]) -> None:
    """Meaning of ``stories``: unique titles, known event and track ids, windows in order.

    Every message names the story (by title) and the step (1-based, as the
    presenter counts them); the location is the JSON path
    (``stories[0].steps[3].event``).
    """
    report = checker.report
    titles: dict[str, tuple[PathPart, ...]] = {}
    for s_index, story in _objects(checker.data.get("stories")):
        name = _story_name(story, s_index)
        title = story.get("title")
        if isinstance(title, str) and title:
            path: tuple[PathPart, ...] = ("stories", s_index, "title")
            if title in titles:
                report.add(path, f"{name}: another story already has this title{report.line_of(titles[title])}; "
                           "story titles must be unique")
            else:
                titles[title] = path
        dday = story.get("dday")
        if isinstance(dday, str) and dday.strip():
            ident = dday.strip().partition(":")[2].strip() if dday.strip().partition(":")[0] in ("band", "event") \
                else dday.strip()
            if ident not in events:
                report.add(("stories", s_index, "dday"),
                           f"{name}: D-day names unknown event or band {ident!r}{suggest(ident, events)}; "
                           "expected EVENT_ID, event:EVENT_ID or band:BAND_ID")
        for k, step in _objects(story.get("steps")):
            base: tuple[PathPart, ...] = ("stories", s_index, "steps", k)
            where = f"{name}, step {k + 1}"
            event_id = step.get("event")
            if isinstance(event_id, str) and event_id and event_id not in events:
                report.add((*base, "event"), f"{where}: unknown event {event_id!r}{suggest(event_id, events)} "
                           f"(known events: {known_list(events)})")
            shown = step.get("tracks")
            if isinstance(shown, list):
                for t_index, track_id in enumerate(shown):
                    if isinstance(track_id, str) and track_id and track_id not in tracks:
                        report.add((*base, "tracks", t_index),
                                   f"{where}: unknown track {track_id!r}{suggest(track_id, tracks)} "
                                   f"(known tracks: {known_list(tracks)})")
            window = step.get("window")
            if isinstance(window, Mapping):
                start = checker.date(window.get("start"), (*base, "window", "start"), allow_open=False,
                                     what=f"the start of the window of {where}")
                end = checker.date(window.get("end"), (*base, "window", "end"), allow_open=False,
                                   what=f"the end of the window of {where}")
                if start is not None and end is not None and not end.latest > start.earliest:
                    report.add((*base, "window", "end"),
                               f"{where}: the window ends ({end.edtf!r}) before it starts ({start.edtf!r}); "
                               "expected an end after the start")
