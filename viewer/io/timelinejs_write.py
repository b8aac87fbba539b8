"""TimelineJS writer: a timeline as TimelineJS JSON, to publish it as a web page.

What is written, and what TimelineJS cannot hold (listed by
:func:`write_timelinejs`), is described in :func:`timelinejs_dict`; the
mapping of the reader (:mod:`viewer.io.timelinejs`) is kept, so a file
written here reads back with its content.

Pure Python, no Qt.
"""

from __future__ import annotations

import html
import json
import os
from typing import Any

from viewer.model.date_edit import HAND_EDITED_NOTE, edited_by_hand
from viewer.model.dates import EventDate
from viewer.model.precision import format_instant
from viewer.model.quoting import is_direct, quote_sentence
from viewer.model.stated import stated_date
from viewer.model.text import counted, first_of
from viewer.model.timeline import Event, EventKind, Quote, QuoteKind, Source, Timeline

from .atomic import write_text_atomic
from .builder import UNGROUPED_TRACK_ID
from .losses import (
    DateLoss,
    date_losses,
    draft_losses,
    event_not_written,
    format_losses,
    open_side_words,
    planned_end_losses,
    status_word,
    year_unknown,
    zone_loss,
)
from .timelinejs import OPEN_FIELD, PLANNED_MARK, draft_paragraph, headline_from_text
from .timelinejs_dates import as_html, end_parts, parts_from_date
from .urls import dropped_urls, web_url

__all__ = ["timelinejs_dict", "write_timelinejs"]


_FILE_NAME_ENDINGS = (".json", ".csv", ".tsv")
"""A title ending so is the file name a reader gave an untitled timeline: no title slide is written for it."""


def _read_display_date(date: EventDate) -> bool:
    """True when the date's phrase was read from a TimelineJS ``display_date``
    (a date text its author wrote for TimelineJS to show), not a source's words."""
    return bool(date.phrase) and (date.basis == "TimelineJS date fields" or date.basis.startswith(
        "TimelineJS display_date"))  # also one whose words qualified the date (timelinejs_dates.qualified_by_words)


def _media_quote(e: Event, sources: tuple[Source, ...] | list[Source]) -> tuple[Quote, Source | None] | None:
    """``(quote, source or None)``: the event's first direct quote, written as
    TimelineJS's quote media (a ``<blockquote>`` with ``<cite>``), as the
    reader reads such media back; None when it has no direct quote.  Reported
    speech is never put in a blockquote."""
    q = next((q for q in e.quotes if QuoteKind(q.kind) is QuoteKind.DIRECT), None)
    if q is None:
        return None
    return q, next((s for s in sources if s.id == q.source), None)


def _text_sources(e: Event, sources: tuple[Source, ...] | list[Source]) -> list[Source]:
    """The sources of ``e`` written only as text ("Sources: …"): those not shown as its media."""
    with_url = next((s for s in sources if web_url(s.url)), None)
    media_quote = _media_quote(e, sources) if with_url is None else None
    return [s for s in sources if s is not with_url and not (media_quote and s is media_quote[1])]


def _text_source_loss(timeline: Timeline) -> list[str]:
    """A line naming the events whose sources are written only as text (read back as text, not sources)."""
    ids = [e.id for e in timeline.events if _text_sources(e, timeline.sources_of(e))]
    if not ids:
        return []
    n = len(ids)
    return [f"{n} event{'s' if n != 1 else ''}: {'their' if n != 1 else 'its'} sources other than the media are "
            "written as text (\"Sources: …\") at the end of the event's text in TimelineJS, and read back as "
            f"that text, not as sources: {first_of(ids)}"]


def timelinejs_dict(timeline: Timeline) -> dict[str, Any]:
    """TimelineJS JSON data of a timeline (see :func:`write_timelinejs`).

    Every text written is HTML-escaped (TimelineJS shows headline, text,
    display_date, group, media caption and credit as HTML; ours are plain
    text).  Points and spans become events (track label as ``group``), bands
    with two finite ends become eras, other bands events; a date that is not
    exact gets its description as ``display_date`` and the source's phrase
    goes into the text (a ``display_date`` read from a TimelineJS file, its
    author's own date text, is written back as it was); quotes and the
    sources not shown as media are appended to the event's text; the first
    source with an http or https url becomes the event's media (credit = its
    outlet, never its url; other links are never written:
    :mod:`viewer.io.urls`), else the first direct quote becomes TimelineJS's
    quote media (``<blockquote>`` with ``<cite>``); events of the ungrouped
    track get no ``group``; an event shown as planned (described so, or after the
    reference date) begins its text with :data:`~viewer.io.timelinejs.PLANNED_MARK`
    ("(planned)"), which the reader reads back as planned; an unreviewed ingest draft begins it with
    :func:`~viewer.io.timelinejs.draft_paragraph` ("DRAFT, unreviewed", the article and sentence), read back
    as a draft; sources not shown as media are listed as text ("Sources: …"), read back as text only;
    a year-only end is written as the next year
    (:func:`~viewer.io.timelinejs_dates.end_parts`).  Open dates (``..``) cannot be written: a span
    (band) with one open side is a slide at its known day (never its end day shown as a start), its
    ``display_date`` ``"from Sat 10 Jun 2023; end not stated"`` / ``"until …; start not stated"``, with
    the sides in an event field :data:`~viewer.io.timelinejs.OPEN_FIELD` (ignored by TimelineJS) that the
    reader reads back as that span; a band with two ends is an era keeping its id as ``unique_id``
    (TimelineJS reads one); an event with a date whose year is unknown (``XXXX-06-10``) is left out
    (written, year 0 would show as a firm 1 BCE).
    """
    labels = {t.id: t.label for t in timeline.tracks}
    untitled = timeline.title.lower().endswith(_FILE_NAME_ENDINGS)  # a reader named it after its file
    title_text = {k: v for k, v in (("headline", "" if untitled else as_html(timeline.title)),
                                    ("text", as_html(timeline.description))) if v}
    out: dict[str, Any] = {"title": {"text": title_text}} if title_text else {}
    out["events"] = []
    eras = []
    for e in timeline.events:
        if year_unknown(e):
            continue  # year 0 (1 BCE) would be a year the source never gave: left out and listed
        start, end = parts_from_date(e.start), (parts_from_date(e.end) if e.end is not None else None)
        if start is None and end is not None:
            start, end = end, None
        if start is None:
            continue  # nothing to place: an event open on both sides
        for date, parts in ((e.start, start), (e.end, end)):
            if date is not None and parts is not None and _read_display_date(date):
                parts["display_date"] = as_html(date.phrase)  # the TimelineJS author's own date text, as read
        opened = open_side_words(e)
        if opened:  # a slide at its known day, shown as "from …; end not stated" (never as a firm day)
            start["display_date"] = as_html(opened)
        body = [draft_paragraph(e.draft)] if e.draft is not None else []  # TimelineJS has no status: the
        word = status_word(e)  # "(planned, status: cancelled)": a cancelled event is never only "planned"
        body += ([f"<p><i>(planned, status: {html.escape(word)})</i></p>" if word else PLANNED_MARK]
                 if timeline.is_planned(e) else [])  # reader reads both marks back
        body += [as_html(e.summary)] if e.summary else []
        phrases = [d.phrase for d in (e.start, e.end)
                   if d is not None and d.phrase and not _read_display_date(d)]
        if phrases:
            body.append("<p><small>Date in the source: " + "; ".join(f"“{as_html(p)}”" for p in phrases)
                        + "</small></p>")
        if edited_by_hand(e.start) or edited_by_hand(e.end):  # the slide's day is the editor's, not the source's
            body.append(f"<p><small>{HAND_EDITED_NOTE}</small></p>")  # (read back in the text)
        sources = timeline.sources_of(e)
        with_url = next((s for s in sources if web_url(s.url)), None)
        media_quote = _media_quote(e, sources) if with_url is None else None
        for q in e.quotes:
            if media_quote is not None and q is media_quote[0]:
                continue
            who = q.who
            body.append(f"<blockquote>{as_html(q.text)}</blockquote>" + (f"<p>— {as_html(who)}</p>" if who else "")
                        if is_direct(q) else f"<p>{as_html(quote_sentence(q))}</p>")  # reported: never a quotation
        listed = _text_sources(e, sources)
        if listed:
            body.append("<p><small>Sources: " + "; ".join(as_html(s.name)
                                                          for s in listed) + "</small></p>")
        headline = "" if e.title == headline_from_text(e.summary) else as_html(e.title)  # none was written
        item: dict[str, Any] = {"start_date": start, "text": {"headline": headline, "text": "".join(body)},
                                "unique_id": e.id}
        if opened:  # which side is open, for this viewer's reader (TimelineJS ignores the field)
            item[OPEN_FIELD] = {"start": e.start.edtf, "end": e.end.edtf if e.end is not None else ".."}
            if e.kind is EventKind.BAND:
                item[OPEN_FIELD]["kind"] = "band"
        if end is not None and e.end is not None:
            end = end_parts(end)
            item["end_date"] = end
        if with_url is not None:
            url = web_url(with_url.url)
            credit = "" if with_url.outlet == with_url.url else with_url.outlet  # no url copied into the credit
            item["media"] = {"url": url, "credit": as_html(credit), "caption": as_html(with_url.title)}
        if media_quote is not None:  # TimelineJS's quote slide: the quote as the media, its source as credit
            q, quote_source = media_quote
            cite = f"<cite>{as_html(q.who)}</cite>" if q.who else ""
            item["media"] = {"url": f"<blockquote>{as_html(q.text)} {cite}</blockquote>" if cite
                             else f"<blockquote>{as_html(q.text)}</blockquote>"}
            if quote_source is not None:
                item["media"]["credit"] = as_html(quote_source.outlet)
        if e.kind is EventKind.BAND and end is not None:  # its unique_id kept: TimelineJS reads one on an era
            eras.append(item)
            continue
        if e.track and e.track != UNGROUPED_TRACK_ID:  # ungrouped when read stays ungrouped
            item["group"] = as_html(labels.get(e.track, e.track))
        out["events"].append(item)
    if eras:
        out["eras"] = eras
    return out


def write_timelinejs(timeline: Timeline, path: str | os.PathLike[str]) -> list[str]:
    """Write a timeline as TimelineJS JSON (UTF-8, atomic), to publish it as a web page.

    Returns
    -------
    list of str
        Events left out because they have no finite date (``..`` on both sides),
        then the kinds of detail TimelineJS cannot hold (:func:`format_losses`).

    Raises
    ------
    ValueError
        Text not encodable as UTF-8; nothing is written.
    OSError
        The file cannot be written (the destination is unchanged).
    """
    write_text_atomic(path, json.dumps(timelinejs_dict(timeline), ensure_ascii=False, indent=2) + "\n")
    left = [event_not_written(e, "TimelineJS", year_unknown(e) or "it has no finite date")
            for e in timeline.events if year_unknown(e) or
            parts_from_date(e.start) is None and (e.end is None or parts_from_date(e.end) is None)]
    return left + _open_losses(timeline) + _date_losses(timeline) + format_losses(
        timeline, "TimelineJS", quotes="as plain text in the event's text", source_details=True,
        reference_date=True, fields=("actors", "tags", "location", "basis"),
        as_text={"phrase": "“Date in the source: …” in the event's text, read back as that text"},
        timeline_fields=("home", "time_zone", "track_colours"),
        source_fields=("kind", "author", "published")) + _text_source_loss(timeline) + \
        draft_losses(timeline, "TimelineJS", "\"DRAFT, unreviewed\" first in the event's text, with its article and "
                     "sentence (read back as drafts)", "character offsets of the sentence in the article") + \
        dropped_urls(timeline, "TimelineJS") + _planned_mark(timeline) + \
        planned_end_losses(timeline, "TimelineJS", "the slide runs to the announced end as if reported",
                           item="the slide", said="its end date shows the end's words")


def _planned_mark(timeline: Timeline) -> list[str]:
    """The line saying the planned events' text begins "(planned)" (:data:`PLANNED_MARK`): what the
    export changed in them, since TimelineJS has no status ([] when none is planned)."""
    n = sum(1 for e in timeline.events if timeline.is_planned(e) and not year_unknown(e)
            and (parts_from_date(e.start) is not None or e.end is not None and parts_from_date(e.end) is not None))
    if not n:
        return []
    return [f"{n} planned event{'s' if n != 1 else ''}: marked '(planned)' first in the event's text (TimelineJS "
            "has no status: it shows the mark as text on the slide; read back as planned)"]


def _open_losses(timeline: Timeline) -> list[str]:
    """A line for each span or band with one open side, which TimelineJS cannot hold: its slide is at
    its known day, the dates in words as its ``display_date``."""
    out = []
    for e in timeline.events:
        words = open_side_words(e) if not year_unknown(e) else ""
        if words:
            known = e.start if e.end is None or e.end.is_open else e.end
            s = stated_date(known)
            day = format_instant(s.earliest, s.precision) if s is not None else known.edtf
            out.append(f"event {e.id!r} ({e.title[:60]}): a {EventKind(e.kind).value} with an open "
                       f"{'end' if known is e.start else 'start'}, which TimelineJS cannot hold: written as a slide "
                       f"on {day}, its {'start' if known is e.start else 'end'}, shown as “{words}” (read back "
                       f"as that {EventKind(e.kind).value})")
    return out


def _date_losses(timeline: Timeline) -> list[str]:
    """A line for each date the TimelineJS date fields cannot hold whole (:func:`parts_from_date`),
    saying what they hold and what TimelineJS shows; then where the dates are kept."""
    losses = []
    for e in timeline.events:
        if year_unknown(e):
            continue  # left out, listed
        for side, date in (("start", e.start), ("end", e.end)):
            s = stated_date(date) if date is not None else None
            zoned = zone_loss(e, side, date)
            if zoned is not None:
                losses.append(zoned)
            if date is None or s is None or s.exact:
                continue
            shown = f"“{date.phrase}”" if _read_display_date(date) else f"“{s.words}”"
            losses.append(DateLoss(e, side, date, s.words, f"{format_instant(s.earliest, s.precision)} in the "
                                   f"date fields, shown as {shown}"))
    if not losses:
        return []
    kept = sum(1 for x in losses if not x.written.endswith("its zone not kept)"))
    if not kept:
        return date_losses(losses, "TimelineJS")
    return date_losses(losses, "TimelineJS") + [
        f"{counted(kept, 'date')} {'is' if kept == 1 else 'are'} kept whole (EDTF) in an \"edtf\" field of "
        "start_date/end_date, which "
        "TimelineJS ignores and this viewer reads back"]
