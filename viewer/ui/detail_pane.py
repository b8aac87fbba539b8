"""The detail pane: everything known about the selected event, and from whom.

Shows the title, the date as the source phrased it and as resolved (with
precision, qualifiers and the basis of the resolution), track, actors,
location, every quote with speaker and attribution chain, and every source
with outlet, kind, date and who relayed it.

All text from the data is escaped with :func:`html.escape` before it is put
in the pane's HTML, so a quote containing ``<b>`` shows those characters and
is never interpreted as markup; before that, directional controls (RLO …)
are made visible (:func:`~viewer.model.text.visible_controls`), so the pane
cannot show words other than the data's.
"""

from __future__ import annotations

import re
from html import escape as _html_escape

from PySide6.QtCore import QMimeData, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QTextBrowser

from ..model.date_edit import edited_by_hand, worded_hand_edit
from ..model.dates import EventDate
from ..model.dday import DDay, DDayError, describe_relative, resolve_dday
from ..model.facets import known_side
from ..model.grading import RELIABILITY, claim_grade, grade_words
from ..model.planned_end import planned_end
from ..model.quoting import denial_verb
from ..model.text import counted, visible_controls
from ..model.timeline import Event, QuoteKind, Source, Timeline, source_facts
from ..model.viewstate import ViewState
from ..model.written_end import written_end_words
from ..model.zones import EVENT_LOCAL, describe_date, naive_time_zone, possible_bounds, zone_label
from .event_list import date_cell

__all__ = ["DetailPane", "CopyBrowser", "BREAK_ANCHOR", "event_html", "event_sentence", "timeline_html",
           "event_texts", "TEXT_CAP", "damaged_html", "LEAD_END_ANCHOR"]

_LONG_RUN = re.compile(r"\S{60,}")


BREAK_ANCHOR = "-tv-break"
"""Anchor name of the break opportunities :func:`escape` puts in long words: copying from
:class:`CopyBrowser` leaves those characters out (the data's own U+200B stay)."""
_BREAK = f"<a name='{BREAK_ANCHOR}'>\u200b</a>"


def escape(text: str) -> str:
    """HTML-escape data text, with break opportunities (U+200B, marked with the anchor
    name :data:`BREAK_ANCHOR`) every 40 characters inside runs of 60+ non-space
    characters: Qt's text layout takes seconds on a 100,000-character word, and nothing
    else changes (a copy from :class:`CopyBrowser` has the data's characters only).
    Directional controls are shown as tokens (``⟨RLO⟩``), not obeyed."""
    text = visible_controls(text)
    if len(text) < 60 or not _LONG_RUN.search(text):
        return _html_escape(text)
    out, last = [], 0
    for m in _LONG_RUN.finditer(text):
        run = m.group(0)
        out.append(_html_escape(text[last:m.start()]))
        out.append(_BREAK.join(_html_escape(run[i:i + 40]) for i in range(0, len(run), 40)))
        last = m.end()
    out.append(_html_escape(text[last:]))
    return "".join(out)


class CopyBrowser(QTextBrowser):
    """A read-only text browser whose copied text (Ctrl+C, a drag) is the text shown
    without the break opportunities :func:`escape` added: a quote copied is the quote."""

    def createMimeDataFromSelection(self) -> QMimeData:  # noqa: N802 (Qt name)
        cursor = self.textCursor()
        a, b = cursor.selectionStart(), cursor.selectionEnd()
        breaks: list[int] = []
        block = self.document().findBlock(a)
        while block.isValid() and block.position() < b:
            it = block.begin()
            while not it.atEnd():
                frag = it.fragment()
                if BREAK_ANCHOR in frag.charFormat().anchorNames():
                    breaks.extend(p for p in range(frag.position(), frag.position() + frag.length()) if a <= p < b)
                it += 1
            block = block.next()
        if not breaks:
            return super().createMimeDataFromSelection()
        doc = self.document().clone()
        edit = QTextCursor(doc)
        for p in reversed(breaks):  # from the end: the positions before stay put
            edit.setPosition(p)
            edit.setPosition(p + 1, QTextCursor.MoveMode.KeepAnchor)
            edit.removeSelectedText()
        edit.setPosition(a)
        edit.setPosition(b - len(breaks), QTextCursor.MoveMode.KeepAnchor)
        fragment = edit.selection()
        mime = QMimeData()
        mime.setText(fragment.toPlainText())
        mime.setHtml(fragment.toHtml())
        return mime


LEAD_END_ANCHOR = "-tv-lead-end"
"""Anchor name at the end of the selected event's first quote and who said it: the pane's
lead (title, date line, first quote) ends there (:meth:`DetailPane.lead_height`)."""


TEXT_CAP = 2_000
"""Characters of one text field (title, summary, a quote...) the pane shows at first: a
5 MB title filled the pane (and took Qt seconds to lay out)."""
SHOW_ALL_URL = "timeline-viewer:show-all:"
COPY_ALL_URL = "timeline-viewer:copy-all:"


def capped(text: str, key: str, expanded: frozenset[str] | set[str] = frozenset(), links: bool = False) -> str:
    """``text`` escaped (:func:`escape`: never markup), cut at :data:`TEXT_CAP` characters with
    "… (N more characters)" unless ``key`` is in ``expanded``; with ``links``, "show all" and
    "copy all" links (:data:`SHOW_ALL_URL` / :data:`COPY_ALL_URL` + ``key``) follow."""
    if len(text) <= TEXT_CAP or key in expanded:
        return escape(text)
    more = f"{len(text) - TEXT_CAP:,} more characters"
    if links:
        more += f": <a href='{SHOW_ALL_URL}{key}'>show all</a> · <a href='{COPY_ALL_URL}{key}'>copy all</a>"
    return f"{escape(text[:TEXT_CAP])}… <span class='muted'>({more})</span>"


def capped_plain(text: str) -> str:
    """``text`` cut at :data:`TEXT_CAP` characters with "…" (not escaped)."""
    return text if len(text) <= TEXT_CAP else text[:TEXT_CAP] + "…"


def event_texts(event: Event) -> dict[str, str]:
    """The text fields of ``event`` the pane may cut, by the key :func:`capped` gives them
    (what "copy all" copies)."""
    out = {"title": event.title, "summary": event.summary, "location": event.location,
           "actors": ", ".join(event.actors), "tags": ", ".join(event.tags)}
    for side, d in (("start", event.start), ("end", event.end)):
        if d is not None:
            out[f"{side}-phrase"], out[f"{side}-basis"] = d.phrase, d.basis
    for i, q in enumerate(event.quotes):
        out[f"quote-{i}"] = q.text
        out[f"attribution-{i}"] = q.attribution
    if event.draft is not None:
        out["draft"] = event.draft.sentence
    return out

_CSS = """
body { font-family: 'DejaVu Sans', sans-serif; color: #1b1f24; font-size: 12pt; }
h1 { font-size: 18pt; margin: 0 0 4px 0; }
h2 { font-size: 12pt; color: #4a5260; margin: 14px 0 4px 0; text-transform: uppercase; }
.chip { color: white; padding: 1px 6px; }
.muted { color: #5b6270; }
.quote { font-size: 15pt; margin: 6px 0 2px 0; }
.reported { font-style: italic; }
td { padding: 1px 8px 1px 0; vertical-align: top; }
"""


def _date_line(event: Event, timeline: Timeline, zone: str = "UTC") -> str:
    """The date on the line under the title (HTML, escaped, bold), short as the Events list
    writes it (:func:`viewer.ui.event_list.date_cell`: ``Thu 3 Feb 2022 ?``, ``due …``, ``≥ …``),
    so a 1366x768 screen shows when before the quotes without pushing them down a line; the
    When section below words it in full, with its basis."""
    return f"<b>{escape(date_cell(event, timeline, zone))}</b>"


def _date_rows(label: str, d: EventDate, zone: str = "UTC", timeline_zone: str = "UTC", side: str = "start",
               expanded: frozenset[str] | set[str] = frozenset(), links: bool = False) -> str:
    written = written_end_words(d) if side == "end" else None  # a TimelineJS year-only end: the year
    shown = describe_date(d, zone, timeline_zone) if written is None else written  # written; the basis says
    rows = [f"<tr><td><b>{escape(label)}</b></td><td>{escape(shown)}</td></tr>"]  # it ends on 1 January
    mark = d.hand_edit
    if mark is not None and worded_hand_edit(d.basis) is None:  # its basis reworded: the mark still says it
        said = escape("by hand" + (f" on {capped_plain(mark.on)}" if mark.on else "")) \
            + (f", from {capped(mark.former, f'{side}-from')}" if mark.former else "")  # (cut as any long field)
        rows.append(f"<tr><td class='muted'>edited</td><td>{said}: not a date the source's words "
                    "give</td></tr>")
    first, last = possible_bounds(d, zone, timeline_zone)
    # a single day, or a time, needs no range; nor does a date whose year is unknown (its range,
    # 1 BCE to 9999, is EDTF's four digits, not the source's); nor an end at 1 January of the year shown
    if not d.is_open and first != last and not d.year_unknown and written is None:
        rows.append(f"<tr><td class='muted'>earliest possible</td><td>{escape(first)}</td></tr>"
                    f"<tr><td class='muted'>latest possible</td><td>{escape(last)}</td></tr>")
    if d.phrase:
        rows.append(f"<tr><td class='muted'>as written</td><td>“{capped(d.phrase, f'{side}-phrase', expanded, links)}”"
                    "</td></tr>")
    if d.basis:
        basis = capped(d.basis, f"{side}-basis", expanded, links)
        rows.append(f"<tr><td class='muted'>basis</td><td>{basis}</td></tr>")
    edtf = f"<code>{escape(d.edtf)}</code>"
    own = naive_time_zone(d)
    if own is not None:  # a time of day without an offset is in the event's own zone: name it
        edtf += f" <span class='muted'>(time of day in {escape(own)})</span>"
    reading = _edtf_year_words(d.edtf)
    if reading:  # 0649, -0043: not how a person writes the year shown above
        edtf += f" <span class='muted'>({escape(reading)})</span>"
    rows.append(f"<tr><td class='muted'>EDTF</td><td>{edtf}</td></tr>")
    return "".join(rows)


_EDTF_YEAR = re.compile(r"^[\[{]?(?:\.\.)?(-?)(\d{4})(?![\dX])")
_EDTF_DAY = re.compile(r"\d{4}-\d\d-\d\d")  # a date to the day: the only kind a weekday is shown for


def _edtf_year_words(edtf: str) -> str:
    """How to read the year of an EDTF value that a person would write otherwise: EDTF writes
    four digits (``0649`` is the year 649) and counts 1 BCE as year 0 (``-0043`` is 44 BCE);
    ``""`` for a plain four-digit year (``2023``) or a form without one."""
    m = _EDTF_YEAR.match(edtf.strip())
    if m is None:
        return ""
    sign, digits = m.groups()
    year = -int(digits) if sign else int(digits)
    calendar = ("; its dates are Gregorian extended back, while a source this old most often means the Julian "
                "calendar: no weekday is shown before 15 Oct 1582") if year <= 1582 and _EDTF_DAY.search(edtf) else ""
    if year <= 0:
        return f"EDTF, which counts 1 BCE as year 0: {sign}{digits} is {1 - year} BCE{calendar}"
    if digits.startswith("0"):
        return f"EDTF, which writes years in four digits: {digits} is the year {year}{calendar}"
    return f"EDTF{calendar}" if calendar else ""


def _source_html(src: Source, timeline: Timeline) -> str:
    citation, details = source_facts(src, timeline)
    outlet, kind, *rest = citation
    line = ", ".join([f"<b>{escape(outlet)}</b> <span class='muted'>({escape(kind)})</span>"]
                     + [escape(c) for c in rest])
    if src.reliability:
        words = RELIABILITY.get(src.reliability, "")
        line += f"<br><span class='muted'>reliability:</span> {escape(src.reliability)} ({escape(words)})"
    for label, value in details:
        line += f"<br><span class='muted'>{escape(label)}:</span> {escape(value)}"
    return f"<li>{line}</li>"


QUOTES_PAGE = 50
"""Quotes the pane shows at first, and how many more each "Show more" adds."""
MORE_QUOTES_URL = "timeline-viewer:more-quotes"


def damaged_html(event_id: str, error: Exception) -> str:
    """The detail pane's HTML for an event whose row cannot be shown (a damaged collection: its
    json does not parse, or names another event): the row's own id and the store's words, as
    text (escaped), nothing of any event's title, summary or quotes."""
    problems = getattr(error, "problems", None)
    said = [p.message for p in problems] if problems else [str(error)]
    return (f"<h3>{escape(event_id)}</h3><p><b>This event cannot be shown.</b></p>"
            + "".join(f"<p>{escape(m)}</p>" for m in said))


def event_html(event: Event, timeline: Timeline, zone: str = "UTC", dday: DDay | None = None,
               max_quotes: int | None = None, expanded: frozenset[str] | set[str] = frozenset(),
               links: bool = False) -> str:
    """The detail pane's HTML for one event (all data text escaped).

    With ``max_quotes``, only the first that many quotes are written,
    followed by a "Show more" link (:data:`MORE_QUOTES_URL`) that says how
    many are not shown: an event with 100,000 quotes fills the pane at once.

    ``zone`` is the display zone (:mod:`viewer.model.zones`): times of day are
    written in it and the "When" heading names it; date-only values are
    calendar dates, the same in every zone.  With a ``dday`` (relative axis
    on) a "Relative" row gives the date as ``D+3`` (:mod:`viewer.model.dday`).

    A text field longer than :data:`TEXT_CAP` characters is cut there with the count of
    the rest (:func:`capped`; keys of :func:`event_texts`) unless its key is in
    ``expanded``; ``links`` adds its "show all" / "copy all" links (the pane follows them).
    """

    def cut(text: str, key: str) -> str:
        return capped(text, key, expanded, links)

    track = next((t for t in timeline.tracks if t.id == event.track), None)
    colour = timeline.track_colours[timeline.track_index[track.id]] if track is not None else ""
    out = [f"<html><head><style>{_CSS}</style></head><body>"]
    out.append(f"<h1>{cut(event.title, 'title')}</h1>")
    kind = {"point": "event", "span": "span", "band": "band (across all tracks)"}[event.kind.value]
    # the date on the track's line, then the quotes: on a laptop screen they are what the pane
    # shows without scrolling (the date's range, basis and status in full under When, below)
    when = _date_line(event, timeline, zone)
    if track is not None:
        out.append(f"<p><span class='chip' style='background:{escape(colour)}'>&nbsp;</span> "
                   f"{escape(track.label)} · <span class='muted'>{kind}</span> · {when}</p>")
    else:
        out.append(f"<p><span class='muted'>{kind}</span> · {when}</p>")
    if event.quotes:
        out.append(f"<h2>Quotes ({len(event.quotes):,})</h2>")
        shown = event.quotes if max_quotes is None else event.quotes[:max_quotes]
        for i, q in enumerate(shown):
            if q.kind == QuoteKind.DIRECT:
                out.append(f"<p class='quote'>“{cut(q.text, f'quote-{i}')}”</p>")
            else:  # reported speech: the article's words as they stand (a slice of the article), never in
                # quotation marks and never spliced into a sentence of the tool's ("officials said that Talks …")
                out.append(f"<p class='quote reported'>{cut(q.text, f'quote-{i}')}</p>")
            who = escape(q.speaker or "unnamed")
            if q.speaker_role:
                who += f", {escape(q.speaker_role)}"
            if denial_verb(q):  # "— Kuleba denied (reported speech …)": the words are what he denied, not his
                who += f" {denial_verb(q)}"
            kind = "direct quotation" if q.kind == QuoteKind.DIRECT else \
                "reported speech, the article’s words, not a quotation"
            q_grade = claim_grade(timeline, event, q)
            if q_grade:  # only what someone graded (AJP-2.1)
                kind += f"; grade {q_grade}"
            dash = f"<a name='{LEAD_END_ANCHOR}'>—</a>" if i == 0 else "—"  # the lead ends with this paragraph
            out.append(f"<p>{dash} {who} <span class='muted'>({escape(kind)})</span>")
            if q.attribution:
                out.append(f"<br><span class='muted'>attribution:</span> “{cut(q.attribution, f'attribution-{i}')}”")
            chain = timeline.source_chain(q.source) if q.source else []
            if chain:
                names = " ← ".join(escape(s.outlet or s.id) for s in chain)
                out.append(f"<br><span class='muted'>source:</span> {names}")
            out.append("</p>")
        rest = len(event.quotes) - len(shown)
        if rest > 0:
            out.append(f"<p class='muted'>Showing the first {len(shown):,} of {len(event.quotes):,} quotes. "
                       f"<a href='{MORE_QUOTES_URL}'>Show {min(rest, QUOTES_PAGE):,} more</a></p>")
    known = next((d for d in (event.start, event.end) if d is not None and not d.year_unknown), None)
    if zone == EVENT_LOCAL:
        where = "each event's local time"
    elif known is None and zone != "UTC":  # no year: the offset of year 0 (LMT) would be made up
        where = f"{zone} (its UTC offset depends on the year, which is unknown)"
    else:
        where = zone_label(zone, known.sort_point if known is not None else None)
    out.append(f"<h2>When</h2><p class='muted'>Times in {escape(where)} · "
               "dates are calendar days in every zone</p><table>")
    tz = timeline.time_zone
    out.append(_date_rows("Start" if event.end is not None else "Date", event.start, zone, tz, "start", expanded,
                          links))
    if event.end is not None:
        out.append(_date_rows("End", event.end, zone, tz, "end", expanded, links))
    if dday is not None:
        rel = describe_relative(event.start, dday.day, zone)
        if event.end is not None and describe_relative(event.end, dday.day, zone):
            rel = f"{rel or '…'} → {describe_relative(event.end, dday.day, zone)}"
        if rel:
            out.append(f"<tr><td><b>Relative</b></td><td><b>{escape(rel)}</b> "
                       f"<span class='muted'>({escape(dday.describe())})</span></td></tr>")
    plan = planned_end(timeline, event)
    if plan is not None:  # the end after the source's date is announced, not reported: drawn hatched
        exp = f" (the planned event “{escape(timeline.event(plan.expected_id).title)}”)" if plan.expected_id else ""
        out.append(f"<tr><td><b>Status</b></td><td><b>Planned end, announced</b>: "
                   f"{escape(plan.announced)}{exp}; known only through {escape(plan.known)}, the source’s date "
                   "(hatched after that day): the end is a plan, not a report"
                   + ("; the file says “status: happened”, but its source, dated before this end, "
                      "could only announce it" if event.stated_happened else "") + "</td></tr>")
    ref = timeline.reference_date
    if ref is not None and timeline.is_after_reference(event):  # (it is after a reference only if there is one)
        said = f"<b>After the source’s date</b> ({escape(describe_date(ref, zone, timeline.time_zone))}): "
        if edited_by_hand(event.start) or edited_by_hand(event.end):  # not the source's plan: the user's day
            said += ("the date was edited by hand to a day after it, and a source of that date cannot report "
                     "this as having happened: drawn as planned or expected, not as an observed fact (dashed marker)")
        else:
            said += "planned or expected when reported, not an observed fact (dashed marker)"
        out.append(f"<tr><td><b>Status</b></td><td>{said}</td></tr>")
    elif timeline.is_planned(event):  # the source says it was still to happen, whatever its date
        out.append("<tr><td><b>Status</b></td><td><b>Planned</b>: the source describes it as planned or "
                   "scheduled, not as having happened (dashed marker)</td></tr>")
    if event.draft is not None:
        # the article is named when ingest kept it; a file may mark a draft without one (a CSV's
        # review column, pasted text): not said to be "pasted text by ingest" then
        origin = (f"read from {escape(event.draft.article)} by ingest" if event.draft.article
                  else "the article it was read from is not named (pasted text, or a file that marks it a draft)")
        out.append("<tr><td><b>Status</b></td><td><b>Unreviewed draft</b>: "
                   f"{origin}, not yet checked by a person "
                   "(dotted outline; View &gt; Review drafts). "
                   + (f"Source sentence: “{cut(event.draft.sentence, 'draft')}”" if event.draft.sentence.strip()
                      else "no source sentence given") + "</td></tr>")
    known = known_side(event)
    if known is not None:  # one date known: drawn at it, with a "?" towards the other side
        side, other = ("start", "end") if known is event.start else ("end", "start")
        out.append(f"</table><p class='muted'>Drawn at its known {side} ("
                   f"{escape(describe_date(known, zone, timeline.time_zone))}) as a marker with a short line "
                   f"fading to a “?”: its {other}’s year is unknown (the source gives no year), so no bar "
                   "is drawn to it. Listed after the dated events, in file order.</p>")
    elif event.year_unknown:  # listed, but placed nowhere: its possible years 0..9999 are not the source's
        out.append("</table><p class='muted'>Not drawn on the time axis: its year is unknown "
                   "(the source gives no year). Listed after the dated events, in file order.</p>")
    else:
        out.append("</table><p class='muted'>Sorted (list order, ← / →) by the earliest possible "
                   "start; an “on or before” date with its known day; a span of unknown start by its "
                   "end; ties in file order.</p>")
    grade = claim_grade(timeline, event)
    if grade:  # only what someone graded (AJP-2.1); never made up
        src = timeline.source_index.get(event.sources[0]) if event.sources else None
        words = grade_words(src.reliability if src is not None else "", event.credibility)
        out.append(f"<p><b>Grade {escape(grade)}</b> <span class='muted'>({escape(words)})</span></p>")
    if event.summary:
        out.append(f"<h2>Summary</h2><p>{cut(event.summary, 'summary')}</p>")
    facts = []
    if event.actors:
        facts.append(f"<tr><td><b>Actors</b></td><td>{cut(', '.join(event.actors), 'actors')}</td></tr>")
    if event.location:
        facts.append(f"<tr><td><b>Location</b></td><td>{cut(event.location, 'location')}</td></tr>")
    if event.tags:
        facts.append(f"<tr><td><b>Tags</b></td><td>{cut(', '.join(event.tags), 'tags')}</td></tr>")
    if facts:
        out.append("<h2>Who and where</h2><table>" + "".join(facts) + "</table>")
    sources = timeline.sources_of(event)
    out.append(f"<h2>Sources ({len(sources)})</h2>")
    if sources:
        out.append("<ul>" + "".join(_source_html(s, timeline) for s in sources) + "</ul>")
    else:
        out.append("<p class='muted'>No source given for this event.</p>")
    out.append(f"<p class='muted'>id: {escape(event.id)}</p></body></html>")
    return "".join(out)


def event_sentence(event: Event, timeline: Timeline, zone: str = "UTC") -> str:
    """One plain sentence about ``event`` for a screen reader: title, date as
    the pane states it (both ends of a span), track, number of sources.

    Example: ``"Truss arrives in Moscow, Thu 10 Feb 2022 (to the day), track
    United Kingdom, 1 source"``.
    """
    tz = timeline.time_zone
    when = describe_date(event.start, zone, tz)
    if event.end is not None:
        when += " to " + describe_date(event.end, zone, tz)
    track = next((t.label for t in timeline.tracks if t.id == event.track), "")
    where = "across all tracks" if event.kind.value == "band" else f"track {track or event.track or 'none'}"
    n = len(timeline.sources_of(event))
    title = event.title if len(event.title) <= TEXT_CAP else (
        f"{event.title[:TEXT_CAP]}… ({len(event.title) - TEXT_CAP:,} more characters)")
    return f"{visible_controls(title)}, {when}, {where}, {n} source{'s' if n != 1 else ''}"


def timeline_html(timeline: Timeline) -> str:
    """The pane's HTML when nothing is selected: what the timeline is and how to use it."""
    out = [f"<html><head><style>{_CSS}</style></head><body><h1>{capped(timeline.title, 'timeline-title')}</h1>"]
    if timeline.description:
        out.append(f"<p>{capped(timeline.description, 'timeline-description')}</p>")
    n = len(timeline.events)
    nt, ns = len(timeline.tracks), len(timeline.sources)
    out.append(f"<p class='muted'>{counted(n, 'event')} on {counted(nt, 'track')}, {counted(ns, 'source')}.</p>")
    if timeline.reference_date is not None:
        out.append("<h2>Reference date</h2><table>" + _date_rows("Published", timeline.reference_date) + "</table>")
    out.append("<h2>How to read it</h2><p>Click an event to see its quotes and sources here. "
               "← / → step through events in time order, Home fits everything, "
               "the mouse wheel zooms, dragging pans.</p>"
               "<p>◆ filled: date known to the day or better · ◇ hollow: uncertain, approximate or open date · "
               "faint bar: the whole interval the date could be in · fading line: "
               "“on or before” (≤) / “on or after” (≥) · (?) uncertain · dashed ◇: planned — described "
               "as planned by the source, or after the source’s date.</p>")
    out.append("</body></html>")
    return "".join(out)


class DetailPane(CopyBrowser):
    """Read-only pane that follows ``state.selected``.

    It takes the keyboard (Tab), and its text can be selected and copied with
    the keyboard (Shift+arrows, Ctrl+C) as with the mouse.

    Parameters
    ----------
    timeline : Timeline
    state : ViewState
    """

    def __init__(self, timeline: Timeline, state: ViewState, parent=None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)  # offline: nothing is ever fetched
        self.setReadOnly(True)
        self.setAccessibleName("Event details")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
            | Qt.TextInteractionFlag.LinksAccessibleByMouse | Qt.TextInteractionFlag.LinksAccessibleByKeyboard)
        self.timeline = timeline
        self.state = state
        self.quote_limit = QUOTES_PAGE  # quotes shown of the selected event ("Show more" adds a page)
        self.expanded: set[str] = set()  # text fields of the selected event shown whole ("show all")
        self.anchorClicked.connect(self._on_link)
        state.subscribe(self._on_state)
        self._show()

    def show_more_quotes(self) -> None:
        """Show the next :data:`QUOTES_PAGE` quotes of the selected event, keeping the scroll position."""
        bar = self.verticalScrollBar()
        at = bar.value()
        self.quote_limit += QUOTES_PAGE
        self._show()
        bar.setValue(at)

    def _on_link(self, url) -> None:
        link = url.toString()
        if link == MORE_QUOTES_URL:
            self.show_more_quotes()
        elif link.startswith(SHOW_ALL_URL):
            self.show_all(link[len(SHOW_ALL_URL):])
        elif link.startswith(COPY_ALL_URL):
            self.copy_all(link[len(COPY_ALL_URL):])

    def _selected_event(self) -> Event | None:
        eid = self.state.selected
        return self.timeline.event(eid) if eid is not None and self.timeline.has_event(eid) else None

    def show_all(self, key: str) -> None:
        """Show the whole of the selected event's text field ``key`` (:func:`event_texts`), keeping the scroll."""
        bar = self.verticalScrollBar()
        at = bar.value()
        self.expanded.add(key)
        self._show()
        bar.setValue(at)

    def copy_all(self, key: str) -> None:
        """Put the whole of the selected event's text field ``key`` on the clipboard."""
        from PySide6.QtGui import QGuiApplication

        event = self._selected_event()
        text = event_texts(event).get(key) if event is not None else None
        if text is not None:
            QGuiApplication.clipboard().setText(text)

    def set_timeline(self, timeline: Timeline) -> None:
        self.timeline = timeline
        self._show()

    def lead_height(self) -> int:
        """Height in pixels the pane needs to show its lead without scrolling, at its present
        width: the selected event's title, date line and first quote with who said it (up to
        :data:`LEAD_END_ANCHOR`); the title and date line when it has no quote; 0 with nothing
        selected.  The side column grows the pane to this (viewer.ui.side_column)."""
        if self._selected_event() is None:
            return 0
        doc = self.document()
        layout = doc.documentLayout()
        end = doc.firstBlock()
        lead_blocks = 2  # title, date line
        block, seen = doc.firstBlock(), 0
        while block.isValid():
            seen += 1
            if seen <= lead_blocks:
                end = block
            it = block.begin()
            while not it.atEnd():
                if LEAD_END_ANCHOR in it.fragment().charFormat().anchorNames():
                    end = block
                    break
                it += 1
            else:
                block = block.next()
                continue
            break
        bottom = layout.blockBoundingRect(end).bottom() + doc.documentMargin()
        bar = self.horizontalScrollBar()
        return int(bottom) + 2 * self.frameWidth() + (bar.height() if bar.isVisible() else 0) + 2

    def _on_state(self, state: ViewState, changed: set[str]) -> None:
        if changed & {"selected", "display_zone", "dday"}:
            if "selected" in changed:
                self.quote_limit = QUOTES_PAGE
                self.expanded = set()
            self._show()

    #: the style sheet's colours -> those of a dark desktop (set by viewer.ui.theme; empty: light)
    colour_map: dict[str, str] = {}

    def _coloured(self, html: str) -> str:
        for light, dark in self.colour_map.items():
            html = html.replace(f"color: {light};", f"color: {dark};")
        return html

    def _show(self) -> None:
        eid = self.state.selected
        if eid is not None and self.timeline.has_event(eid):
            ev = self.timeline.event(eid)
            dday = None
            if self.state.dday is not None:
                try:
                    dday = resolve_dday(self.timeline, self.state.dday, self.state.display_zone)
                except DDayError:
                    dday = None  # not in this timeline: no relative date
            self.setHtml(self._coloured(event_html(ev, self.timeline, self.state.display_zone, dday,
                                                   self.quote_limit, self.expanded, links=True)))
            self.setAccessibleDescription(
                "Selected: " + event_sentence(ev, self.timeline, self.state.display_zone))
        else:
            self.setHtml(self._coloured(timeline_html(self.timeline)))
            self.setAccessibleDescription(self.timeline.title)
