"""Links to events and citations of their quotes, as text (no Qt).

Link form: ``FILE#EVENT_ID`` (what ``timeline-viewer FILE#EVENT_ID`` and
``timeline-viewer FILE --select EVENT_ID`` open).

Citation form: the Chicago Manual of Style (17th ed.) note for a news or
magazine article, 14.191, preceded by the quotation and its speaker, as in
its "quoted in" pattern (14.260)::

    “at their lowest level in recent years” — Sergey Lavrov, Russian Foreign
    Minister, quoted in Author, “Title,” Washington Insider Magazine,
    February 10, 2022, URL. [Event title, Thu 10 Feb 2022 (to the day)]

Reported speech is never put in quotation marks: it is attributed
(:mod:`viewer.model.quoting`)::

    Reported (Jens Stoltenberg, NATO Secretary-General): Russia’s deployment
    …, as reported by Washington Insider Magazine, February 10, 2022
    (uncertain). [Event title, Thu 3 Feb 2022 (to the day), uncertain]

Dates keep their qualifier (uncertain, about, on or before).  A date that no
longer follows from the source's words (typed over them in the Edit tab, or
dragged on the canvas) says so: ``[Event title, Fri 11 Feb 2022 (to the day),
date edited by hand]``.
The bracket names the event and its date as resolved.  Missing parts (no
author, no title, no URL) are left out with their punctuation; the outlet is
italic in the HTML form.  Without a quote the event title stands in its place.
"""

from __future__ import annotations

import math
from html import escape

from .calendar import MONTH_NAME, civil_from_epoch, format_year
from .date_edit import edited_by_hand
from .dates import EventDate, Precision
from .precision import just_before
from .quoting import is_direct, qualified_date, quote_sentence
from .timeline import Event, Timeline

__all__ = ["event_link", "split_link", "citation_text", "citation_html"]


def event_link(path: str, event_id: str) -> str:
    """``path#event_id``."""
    return f"{path}#{event_id}"


def split_link(text: str) -> tuple[str, str | None]:
    """``"a.json#ev-1"`` -> ``("a.json", "ev-1")``; no ``#`` or an empty id -> ``(text, None)``.

    The last ``#`` splits, so a folder name with ``#`` still works.
    """
    path, sep, eid = text.rpartition("#")
    if not sep or not path or not eid:
        return text, None
    return path, eid


def _chicago_date(d: EventDate | None) -> str:
    """``"February 10, 2022"`` with the date's qualifier kept (``"… (uncertain)"``, ``"on or before …"``)."""
    if d is None:
        return ""
    if d.relation == "one of":
        return qualified_date(d)
    at = d.earliest if math.isfinite(d.earliest) else just_before(d.latest)  # "on or before": its known day
    if not math.isfinite(at):
        return ""
    c = civil_from_epoch(at)
    if d.precision >= Precision.DAY:
        text = f"{MONTH_NAME[c.month - 1]} {c.day}, {format_year(c.year)}"
    elif d.precision == Precision.MONTH:
        text = f"{MONTH_NAME[c.month - 1]} {format_year(c.year)}"
    else:
        text = format_year(c.year)
    return qualified_date(d, text)


def _when(event: Event) -> str:
    """The event's date in words, ``"…, date edited by hand"`` when it no longer follows from the
    source's words (:func:`~viewer.model.date_edit.edited_by_hand`): a citation must not pass a
    hand-made date off as the source's."""
    hand = edited_by_hand(event.start) or edited_by_hand(event.end)
    return event.start.describe() + (", date edited by hand" if hand else "")


def _parts(event: Event, timeline: Timeline, html: bool) -> str:
    e = escape if html else (lambda s: s)
    q = event.quotes[0] if event.quotes else None
    src_id = q.source if q is not None and q.source else (event.sources[0] if event.sources else "")
    chain = timeline.source_chain(src_id) if src_id else []
    # cite the outlet that published it: the end of the relay chain
    src = chain[-1] if chain else None
    if q is not None:
        head = e(quote_sentence(q))
        lead = (", quoted in " if is_direct(q) else ", as reported by ") if src is not None else ""
    else:
        when = e(_when(event))
        head, lead = f"{e(event.title)}, {when}", ". Reported in " if src is not None else ""
    if src is None:
        return head + "." + (f" [{e(event.title)}, {e(_when(event))}]" if q is not None else "")
    tail = f"{e(src.author)}, " if src.author else ""
    if src.title:
        tail += f"“{e(src.title)},” "
    outlet = e(src.outlet or src.id)
    tail += f"<i>{outlet}</i>" if html else outlet
    date = _chicago_date(src.published)
    if date:
        tail += f", {date}"
    if src.url:
        tail += f", {e(src.url)}"
    about = f" [{e(event.title)}, {e(_when(event))}]" if q is not None else ""
    return f"{head}{lead}{tail}.{about}"


def citation_text(event: Event, timeline: Timeline) -> str:
    """Plain-text citation of the event's (first) quote, Chicago style (see module docstring)."""
    return _parts(event, timeline, html=False)


def citation_html(event: Event, timeline: Timeline) -> str:
    """The same citation as HTML (data escaped, outlet in ``<i>``)."""
    return _parts(event, timeline, html=True)
