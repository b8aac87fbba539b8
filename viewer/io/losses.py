"""What a lossy writer leaves out, in words (the "left out" list of ``convert``).

Re-exported by :mod:`viewer.io.common`.  Pure Python, no Qt.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from viewer.model.dates import EventDate
from viewer.model.precision import format_instant
from viewer.model.stated import stated_date
from viewer.model.text import counted, first_of
from viewer.model.timeline import Event, SourceKind, Timeline

from .urls import web_url

__all__ = ["draft_losses", "format_losses",
           "event_not_written", "is_event_not_written", "DateLoss", "date_losses", "zone_loss",
           "planned_end_note", "planned_end_losses", "year_unknown",
           "open_side_words", "status_word"]

@dataclass(frozen=True)
class DateLoss:
    """A date a writer could not write exactly: which event and side, the
    date as stated (EDTF and words) and what was written instead."""

    event: Event
    side: str  # "start" or "end"
    date: EventDate
    stated: str
    written: str


def zone_loss(event: Event, side: str, date: EventDate | None) -> DateLoss | None:
    """A time of day stated in a zone or at an offset other than UTC, written in UTC by a format
    with no zones (TimelineJS, vis-timeline, iCalendar without a TZID): ``2022-02-10T14:00:00+05:45``
    is written as 08:15 UTC, and read back it is 08:15 with no zone.  None for any other date."""
    if date is None or "T" not in date.edtf:
        return None
    offset = re.search(r"[+-]\d\d:\d\d$", date.edtf)
    zone = offset.group(0) if offset else (date.time_zone or "")
    if not zone or zone in ("UTC", "Etc/UTC", "Z"):
        return None
    clock = date.edtf.split("T", 1)[1][:5]
    s = stated_date(date)
    if s is None:
        return None
    return DateLoss(event, side, date, f"{clock} at {zone}",
                    f"{format_instant(s.earliest, s.precision)} UTC (the same instant, its zone not kept)")


def year_unknown(event: Event) -> str:
    """Why an event cannot be placed by a format that needs a year (vis-timeline, TimelineJS,
    iCalendar): ``"its year is unknown (10 June, year unknown; EDTF XXXX-06-10)"`` when a date of
    it has an unknown year (its possible years, 0 to 9999, are EDTF's four digits, not what the
    source said: written as year 0 it would show 1 BCE as a firm year); "" otherwise."""
    for date in (event.start, event.end):
        if date is not None and date.year_unknown:
            s = stated_date(date)
            return f"its year is unknown ({s.words if s is not None else date.describe()}; EDTF {date.edtf})"
    return ""


def open_side_words(event: Event) -> str:
    """The dates of a span or band with one open side (``..``), in words, as the exports that cannot
    hold an open side say them: ``"from Sat 10 Jun 2023; end not stated"``, ``"until Sat 10 Jun
    2023; start not stated"``; "" for any other event (a point, both sides known, both open)."""
    if event.end is None or event.start.is_open == event.end.is_open:
        return ""
    known = stated_date(event.end if event.start.is_open else event.start)
    if known is None:
        return ""
    return f"until {known.words}; start not stated" if event.start.is_open else \
        f"from {known.words}; end not stated"


def date_losses(losses: list[DateLoss], fmt: str) -> list[str]:
    """One line per date the format could not hold, e.g. ``"event 'u0' (title): start 185X
    (1850s) written as 1850 in vis-timeline"``: every one, never a count of "more" (someone
    auditing an export needs each event and what was written for it; ``convert`` prints them
    all, and its stderr can be kept in a file)."""
    return [f"event {x.event.id!r} ({x.event.title[:60]}): {x.side} {x.date.edtf} ({x.stated}) written as "
            f"{x.written} in {fmt}" for x in losses]


def draft_losses(timeline: Timeline, fmt: str, kept: str, lost: str = "") -> list[str]:
    """The line saying how a ``fmt`` file holds the unreviewed ingest drafts (none without drafts):
    ``"2 unreviewed ingest drafts in CSV: marked ...; not kept: ..."``.  ``kept`` says where the
    draft marker is (so a reader of the list knows whether they come back as drafts), ``lost`` what
    of a draft the format cannot hold ("" for nothing)."""
    n = timeline.draft_count()
    if not n:
        return []
    what = f"{n} unreviewed ingest draft{'s' if n != 1 else ''}"
    return [f"{what} in {fmt}: {kept}" + (f"; not kept: {lost}" if lost else "")]


_FIELD_WORDS = {
    "actors": "their actors",
    "tags": "their tags",
    "location": "their location (place, region, country, coordinates)",
    "phrase": "their dates as the source phrased them",
    "basis": "their date basis (how their dates were read or derived)",
}


_NOT_WRITTEN = ": not written to "


def event_not_written(event: Event, fmt: str, reason: str) -> str:
    """The line a writer returns for an event it left out of a ``fmt`` file:
    ``"event 'id' (title…): not written to fmt: reason"`` (the title cut to 60 characters)."""
    return f"event {event.id!r} ({event.title[:60]}){_NOT_WRITTEN}{fmt}: {reason}"


def is_event_not_written(line: str) -> bool:
    """True for a line made by :func:`event_not_written` (an event missing from the file written),
    False for the other losses (fields, sources, qualifiers), which leave the event in."""
    return line.startswith("event ") and _NOT_WRITTEN in line


def _field_loss(timeline: Timeline, fmt: str, name: str, as_text: str = "") -> str | None:
    """The line for the events that have field ``name``: lost in ``fmt``, or (``as_text``: where)
    written only as text, which reads back as that text."""
    if name in ("phrase", "basis"):
        ids = [e.id for e in timeline.events
               if any(d is not None and getattr(d, name) for d in (e.start, e.end))]
    else:
        ids = [e.id for e in timeline.events if getattr(e, name)]
    if not ids:
        return None
    shown = first_of(ids)
    words = _FIELD_WORDS[name].removeprefix("their ")
    if as_text:
        whose = "its" if len(ids) == 1 else "their"
        return f"{counted(len(ids), 'event')}: {whose} {words}: written only as text in {fmt} ({as_text}): {shown}"
    return f"{_lose(len(ids))} {words} in {fmt}: {shown}"


def _and(words: list[str]) -> str:
    """``"a"``, ``"a and b"``, ``"a, b and c"``."""
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def _timeline_loss(timeline: Timeline, fmt: str, names: tuple[str, ...]) -> list[str]:
    """One line naming what of the timeline itself ``fmt`` has no place for (see
    :func:`format_losses`' ``timeline_fields``), among what the timeline has; [] for nothing."""
    words = []
    if "title" in names and timeline.title:
        title = timeline.title if len(timeline.title) <= 60 else timeline.title[:59] + "…"
        words.append(f"title (“{title}”)")
    if "description" in names and timeline.description:
        words.append("description")
    if "home" in names and timeline.home_start is not None and timeline.home_end is not None:
        first, last = stated_date(timeline.home_start), stated_date(timeline.home_end)
        words.append("home range" + (f" ({first.words} to {last.words})" if first and last else ""))
    if "time_zone" in names and timeline.time_zone not in ("UTC", "Etc/UTC", ""):
        words.append(f"time zone ({timeline.time_zone})")
    coloured = sum(1 for t in timeline.tracks if t.color)
    if "track_colours" in names and coloured:
        words.append(f"{counted(coloured, 'track colour')}")
    return [f"the timeline's {_and(words)}: not written to {fmt}"] if words else []


_SOURCE_WORDS = {"kind": "kind (read back as 'other')", "title": "title", "author": "author",
                 "published": "published date", "other_links": "link (only each event's first http or https link "
                 "is written)", "links_alone": "link (a row's one url is read back only for a row with one source)"}


def _source_loss(timeline: Timeline, fmt: str, names: tuple[str, ...]) -> list[str]:
    """One line naming the fields of sources ``fmt`` has no place for (see :func:`format_losses`'
    ``source_fields``), with the sources that have them; [] for none."""
    firsts: set[str] = set()  # sources whose link is the first of an event's (written)
    alone: set[str] = set()  # sources an event cites alone (a CSV row's url is theirs)
    if "other_links" in names or "links_alone" in names:
        for e in timeline.events:
            cited = timeline.sources_of(e)
            first = next((s for s in cited if web_url(s.url)), None)
            if first is not None:
                firsts.add(first.id)
            if len(cited) == 1:
                alone.add(cited[0].id)
    has = {
        "kind": lambda s: s.kind is not SourceKind.OTHER,
        "title": lambda s: bool(s.title),
        "author": lambda s: bool(s.author),
        "published": lambda s: s.published is not None,
        "other_links": lambda s: bool(web_url(s.url)) and s.id not in firsts,
        "links_alone": lambda s: bool(web_url(s.url)) and s.id not in alone,
    }
    lost = {name: [s.id for s in timeline.sources if has[name](s)] for name in names}
    words = [_SOURCE_WORDS[name] for name in names if lost[name]]
    ids = list(dict.fromkeys(i for name in names for i in lost[name]))
    if not ids:
        return []
    whose = "its" if len(ids) == 1 else "their"
    return [f"{counted(len(ids), 'source')}: {whose} {_and(words)} not written to {fmt}: {first_of(ids)}"]


def _lose(n: int) -> str:
    """``"3 events lose their"`` / ``"1 event loses its"`` (the start of a loss line)."""
    return f"{n} events lose their" if n != 1 else "1 event loses its"


def format_losses(timeline: Timeline, fmt: str, *, quotes: str = "", qualifiers: bool = False,
                  stories: bool = True, source_details: bool = False, planned: bool = False,
                  reference_date: bool = False, fields: tuple[str, ...] = (),
                  as_text: Mapping[str, str] | None = None, timeline_fields: tuple[str, ...] = (),
                  source_fields: tuple[str, ...] = ()) -> list[str]:
    """What a lossy writer cannot hold, one line per kind of detail (for the
    "left out" list of ``convert``, so its exit status says something was lost).

    Parameters
    ----------
    timeline : Timeline
    fmt : str
        Name of the format, for the messages.
    quotes : str
        How the format keeps quotes ("" = not at all, else e.g. "as plain
        text in the event's body").
    qualifiers : bool
        True if EDTF qualifiers ("on or before", ?, ~, ranges) are lost.
    stories, source_details : bool
        True if the timeline's stories / sources' relay chains and
        attributions are lost.
    planned : bool
        True if the format cannot mark an event as planned (events the
        source describes as planned, or that begin after the reference
        date, would read back as facts).
    reference_date : bool
        True if the timeline's reference date (the date its source was
        written, after which events are plans) is lost.
    fields : tuple of str
        Event fields the format has no place for, each listed with the
        events that have it: ``"actors"``, ``"tags"``, ``"location"`` (an
        ACLED row's place, region, country and coordinates live there),
        ``"phrase"`` (a date as the source phrased it), ``"basis"`` (how a
        date was read or derived).
    as_text : mapping of str to str, optional
        Event fields (names as in ``fields``) the format writes only as text,
        not as the field, each with where: ``{"phrase": "in the event's
        text, read back as that text"}``.
    timeline_fields : tuple of str
        What of the timeline itself the format has no place for:
        ``"title"``, ``"description"``, ``"home"`` (the home range),
        ``"time_zone"`` (the timeline's zone, when not UTC),
        ``"track_colours"``; one line naming those the timeline has.
    source_fields : tuple of str
        Fields of a source the format has no place for: ``"kind"`` (read
        back as "other"), ``"title"``, ``"author"``, ``"published"``,
        ``"other_links"`` (a link that is not its event's first http or
        https link, the only one written), ``"links_alone"`` (a link that
        reads back only for a source some event cites alone, as a CSV row's
        one url does); one line naming those the sources have, with the
        sources.
    """
    out: list[str] = []
    if planned:
        n_planned = sum(1 for e in timeline.events if timeline.is_planned(e))
        if n_planned:
            out.append(f"{n_planned} event{'s' if n_planned != 1 else ''} described as planned lose that status "
                       f"in {fmt} (they would read back as having happened)")
    if reference_date and timeline.reference_date is not None:
        out.append(f"the reference date ({timeline.reference_date.describe()}): not written to {fmt}")
    n_quotes = sum(len(e.quotes) for e in timeline.events)
    if n_quotes:
        how = quotes or "not written"
        out.append(f"{counted(n_quotes, 'quote')}: {how} in {fmt} (speaker, role, attribution and source fields are "
                   "lost)")
    if qualifiers:
        qualified = [e.id for e in timeline.events
                     if any(d is not None and not d.is_exact for d in (e.start, e.end))]
        if qualified:
            shown = first_of(qualified)
            out.append(f"{_lose(len(qualified))} date qualifiers (on or before/after, uncertain, "
                       f"approximate, open) in {fmt}: {shown}")
    out += [line for line in (_field_loss(timeline, fmt, name) for name in fields) if line]
    out += [line for line in (_field_loss(timeline, fmt, name, how) for name, how in (as_text or {}).items())
            if line]
    out += _timeline_loss(timeline, fmt, timeline_fields) + _source_loss(timeline, fmt, source_fields)
    if stories and timeline.stories:
        n = len(timeline.stories)
        out.append(f"{n} {'story' if n == 1 else 'stories'}: not written to {fmt}")
    relayed = [s for s in timeline.sources if s.via or s.attribution]
    if source_details and relayed:
        out.append(f"{counted(len(relayed), 'source')}: {'its' if len(relayed) == 1 else 'their'} relay chain and "
                   f"attribution are not written to {fmt}")
    events = list(_graded_events(timeline))
    graded = (sum(1 for s in timeline.sources if s.reliability) + sum(1 for e in events if e.credibility)
              + sum(1 for e in events for q in e.quotes if q.credibility))
    if graded:
        out.append(f"{graded} grades (source reliability A–F, credibility 1–6, AJP-2.1): not written to {fmt}")
    return out


def _graded_events(timeline: Timeline) -> Iterator[Event]:
    """Events that may carry a credibility grade (only the rich ones of a lazily-read file)."""
    facts = getattr(timeline.events, "facts", None)
    if facts is not None:
        return (timeline.events[int(i)] for i in facts.rich)
    return iter(timeline.events)


def status_word(event: Event) -> str:
    """The word of an event's ``status: …`` tag (``"cancelled"``: a CSV status other than
    planned/happened, kept as a tag, :mod:`viewer.io.csvgeneric`), "" when it has none: the
    exports that mark a plan "(planned)" write it beside the mark, so a cancelled event is never
    only "planned" there."""
    for tag in event.tags:
        if tag[:8].lower() == "status: " and tag[8:].strip():
            return " ".join(tag[8:].split())[:60]
    return ""


def planned_end_note(timeline: Timeline, event: Event) -> str:
    """``"planned end, announced: Sun 20 Feb 2022 (known only through Thu 10 Feb 2022, the
    source's date)"`` for a span or band whose end is a plan (:mod:`viewer.model.planned_end`),
    "" for any other event: the words a writer puts in the event's text."""
    from viewer.model.planned_end import planned_end

    plan = planned_end(timeline, event) if hasattr(timeline, "reference_date") else None
    return plan.words() if plan is not None else ""


def planned_end_losses(timeline: Timeline, fmt: str, how: str, *, item: str = "the item",
                       said: str = "", edtf_kept: bool = False) -> list[str]:
    """One line per span or band whose end is a plan, not a report, that ``fmt`` cannot draw as
    one (it has no partly planned event), saying what the file holds: ``how`` when the written
    end reaches the announced end (the end is written as a date after the source's date), else
    ``"<item> ends on Thu 10 Feb 2022, its end as the source knows it (on or after Thu 10 Feb
    2022); the announced end is not in it (it is the planned event 'drills-end', written as
    planned)"`` and ``said`` (where the format says the end is announced, "" for nowhere); with
    ``edtf_kept`` (the format holds the end whole, as CSV) ``"<item> ends on or after Thu 10 Feb
    2022, as the source knows it; ..."``.
    ``[]`` when there is none.  Example: ``"event 'firm' (Firm…): planned end, announced: Sun
    20 Feb 2022 (known only through …); CSV cannot mark only the end as planned: <what>"``."""
    from viewer.model.planned_end import planned_end
    from viewer.model.precision import format_interval

    out = []
    for e in timeline.events:
        plan = planned_end(timeline, e) if e.end is not None and hasattr(timeline, "reference_date") else None
        if plan is None or e.end is None:
            continue
        s = stated_date(e.end)
        if s is None or s.latest >= plan.planned_until:
            what = how
        else:  # an open "on or after" end: written at its known day, not run on to the announced end
            day = format_interval(s.earliest, s.latest, s.precision)
            ends = (f"{item} ends {s.words}, as the source knows it" if edtf_kept else
                    f"{item} ends on {day}, its end as the source knows it ({s.words})")
            what = (f"{ends}; the announced end "
                    "is not in it" + (f" (it is the planned event {plan.expected_id!r}, written as planned)"
                                      if plan.expected_id else "") + (f"; {said}" if said else ""))
        out.append(f"event {e.id!r} ({e.title[:60]}): {plan.words()}; {fmt} cannot mark only the end as "
                   f"planned: {what}")
    return out
