"""Assemble the draft timeline: events, tracks, sources, reference date."""

from __future__ import annotations

import datetime as _dt
import math
import re
import time
from dataclasses import dataclass, field
from datetime import date

from viewer.model.commands import id_words
from viewer.model.dates import EventDate
from viewer.model.errors import DateError
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

from .actors import Person
from .drafts import Claim, Unresolved, claims_of, settle_tracks, speaker_of
from .extract import Sentence, dateline_length, split_sentences
from .pubdate import find_outlet, find_publication
from .quotemarks import quote_spans
from .quotes import FoundQuote, PersonMemory
from .temporal import Publication

__all__ = ["IngestResult", "ingest_text"]


@dataclass
class IngestResult:
    """What ingest made of an article.

    Attributes
    ----------
    timeline : Timeline
        The draft timeline: every event carries ``draft`` (its sentence and
        offsets); quotes carry their offsets in ``text``.
    text : str
        The article's extracted text (offsets refer to it).
    sentences : list of Sentence
    publication : Publication
        The publication date used, with how it was found and why.
    unresolved : list of Unresolved
        Temporal expressions (and undated claims) that could not be placed
        exactly: each kept as its phrase with an open date, or not placed.
    seconds : float
        Wall time of the ingest, for the benchmark.
    warnings : list of str
        Places in the article that ingest could not read as written (see :func:`unclosed_quotes`).
    """

    timeline: Timeline
    text: str
    sentences: list[Sentence]
    publication: Publication
    unresolved: list[Unresolved] = field(default_factory=list)
    seconds: float = 0.0
    warnings: list[str] = field(default_factory=list)
    """What the reviewer must check in the article itself, each naming its sentence and line
    (a quotation mark opened and never closed)."""


def _slug(text: str, taken: set[str]) -> str:
    s = id_words(text, 48) or "event"  # letters of other scripts kept: "اجتماع-في-موسكو", not "event"
    out, n = s, 2
    while out in taken:
        out, n = f"{s}-{n}", n + 1
    taken.add(out)
    return out


def _source_kind(p: Person, interview: bool) -> SourceKind:
    if p.kind == "outlet":
        return SourceKind.OTHER_OUTLET
    if p.kind == "unnamed":
        return SourceKind.UNNAMED_OFFICIALS
    if interview:
        return SourceKind.INTERVIEW
    if re.search(r"spokes|press|Street|White House|Kremlin|Élysée|Elysee|office", f"{p.role} {p.name}", re.I):
        return SourceKind.PRESS_OFFICE
    return SourceKind.OFFICIAL_STATEMENT


class _Sources:
    def __init__(self, article: Source) -> None:
        self.items: list[Source] = [article]
        self.by_key: dict[tuple[str, str], str] = {}
        self.taken = {article.id}

    def of(self, q: FoundQuote) -> str:
        """Id of the source a quote's attribution names (relays first), created once."""
        via = "article"
        for relay in reversed(q.attribution.via):
            via = self._get(relay, via, q.attribution.words, False)
        return self._get(q.attribution.person, via, q.attribution.words, q.attribution.interview)

    def _get(self, p: Person, via: str, words: str, interview: bool) -> str:
        name = " ".join(x for x in (p.role, p.name) if x) if p.kind == "person" else (
            p.name + (f" {p.role}" if p.role else ""))
        key = (name, via)
        if key in self.by_key:
            return self.by_key[key]
        sid = _slug(p.name or name, self.taken)
        outlet = name + (" (interview)" if interview else "")
        self.items.append(Source(sid, _source_kind(p, interview), outlet, via=via, attribution=words))
        self.by_key[key] = sid
        return sid


def _date(value: tuple[str, str, str], *, fallback: str | None = None) -> EventDate | None:
    edtf, phrase, basis = value
    try:
        return EventDate(edtf, phrase, basis)
    except DateError:
        if fallback:
            return EventDate(fallback, phrase, basis + f" ('{edtf}' was not a valid date; kept open.)")
        return None


TITLE_CHARS = 44
"""Longest draft title made by ingest ("Draft: " included): the window's header
shows it on one line at 1366x768 beside "[N unreviewed drafts]"."""

_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
"""A blank line: where a paragraph of the article ends."""
_HEADLINE_END = re.compile(r"[.;,]$")


def _cut_words(text: str, limit: int) -> str:
    """``text`` in at most ``limit`` characters, cut at a word boundary with "…"."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[:limit - 1]
    space = cut.rfind(" ")
    if space > limit // 3:
        cut = cut[:space]
    return cut.rstrip(" ,;:–—-") + "…"


def headline_of(text: str) -> str:
    """The article's headline: its first line when that is a short line of its
    own (at most 16 words, no closing full stop, not a dateline or a byline),
    else ""."""
    from .drafts import _METADATA

    lines = [x.strip() for x in text.split("\n")]
    first = next((x for x in lines if x), "")
    rest = lines[lines.index(first) + 1:] if first else []
    if not first or not any(rest) or len(first.split()) > 16 or _HEADLINE_END.search(first):
        return ""
    if dateline_length(first) or _METADATA.match(first):
        return ""
    return first.strip("#*_ ").strip()


def _draft_title(text: str, article: str) -> str:
    """"Draft: " and the article's headline (its first line, see :func:`headline_of`), else a neutral
    ``"Draft from FILE NAME"`` (``"Draft from pasted text"``): never the first sentence, whose cut end
    dropped who said it ("Draft: Talks will resume on Frida…", "officials said" out of view); at most
    :data:`TITLE_CHARS` characters ("…" where cut)."""
    head = headline_of(text)
    if head:
        return "Draft: " + _cut_words(head, TITLE_CHARS - len("Draft: "))
    name = " ".join((article or "pasted text").split())
    limit = TITLE_CHARS - len("Draft from ")
    return "Draft from " + (name if len(name) <= limit else name[:limit - 1] + "…")


def _home(events: list[Event], pub: Publication) -> tuple[EventDate, EventDate] | None:
    """The range the draft opens on: the dated events within 90 days of
    publication (background such as "since 2014" stays reachable by zooming
    out), or None (everything) without a publication date."""
    if pub.day is None:
        return None
    centre = EventDate(pub.day.isoformat())
    near = [v for e in events for v in (e.start.earliest, e.latest)
            if math.isfinite(v) and abs(v - centre.earliest) <= 90 * 86400]
    lo = min(near + [centre.earliest]) - 86400
    hi = max(near + [centre.latest]) + 86400
    day = _dt.datetime.fromtimestamp
    return (EventDate(day(lo, _dt.timezone.utc).date().isoformat()),
            EventDate(day(hi, _dt.timezone.utc).date().isoformat()))


def _merge_undated(claims: list[Claim]) -> list[Claim]:
    """An undated quote right after an undated claim by the same speaker joins it
    (Peskov's two remarks of the bundled article are one event there)."""
    out: list[Claim] = []
    for c in claims:
        prev = out[-1] if out else None
        here, there = speaker_of(c), speaker_of(prev) if prev is not None else None
        if (prev is not None and "undated" in c.tags and "undated" in prev.tags and c.quotes and
                here is not None and there is not None and here.name == there.name and c.start[0] == prev.start[0]
                and c.sentence.index - prev.sentence.index <= 2):
            prev.quotes.extend(c.quotes)
            prev.attributions.extend(c.attributions)
            prev.extra_sentences.append(c.sentence)
            continue
        out.append(c)
    return out


def _goes_on(text: str, s: Sentence, at: int) -> bool:
    """The quotation opened at offset ``at`` of ``s`` and never closed there is the first paragraph of a quote
    the next paragraph goes on with an opening mark (news style: no closing mark before the paragraph break)."""
    brk = _PARAGRAPH_BREAK.search(text, s.end)
    return brk is not None and text[brk.end():].lstrip()[:1] == s.text[at] and \
        not _PARAGRAPH_BREAK.search(text, s.start + at, s.end)


def runs_on_quote(text: str, s: Sentence) -> int | None:
    """Offset in ``s`` of the opening mark of a quotation that runs to the end of ``s``, the last sentence of
    its paragraph, and goes on in the next paragraph ('… said. "But we will listen.' then '"If they …'):
    its words are a direct quote as written; None when ``s`` has none."""
    brk = _PARAGRAPH_BREAK.search(text, s.end)
    if brk is None or text[s.end:brk.start()].strip():
        return None
    unclosed = quote_spans(s.text)[1]
    return unclosed[-1] if len(unclosed) == 1 and _goes_on(text, s, unclosed[-1]) else None


def unclosed_quotes(text: str, sentences: list[Sentence]) -> dict[int, str]:
    """The sentences with a quotation mark opened and never closed, by sentence index, each with the
    warning the report prints (sentence, line of the article's text, the sentence's opening words).

    A mark closed later in its paragraph (a quote of several sentences), or whose quotation the next
    paragraph goes on with an opening mark (news style for a quote of several paragraphs), is no warning.
    """
    out: dict[int, str] = {}
    for s in sentences:
        for at in quote_spans(s.text)[1]:
            brk = _PARAGRAPH_BREAK.search(text, s.end)
            para_end = brk.start() if brk else len(text)
            if any(a == 0 for a, _ in quote_spans(text[s.start + at:para_end])[0]):
                continue  # closed later in its paragraph (not merely a quote of a later sentence closed there)
            if _goes_on(text, s, at):
                continue
            line = text.count("\n", 0, s.start + at) + 1
            out[s.index] = (f"sentence {s.index + 1}, line {line}: quote opened but never closed "
                            f"(“{_cut_words(s.text, 60)}”): its words are kept as reported speech at most, never "
                            "as a quotation; check the article")
            break
    return out


def ingest_text(text: str, *, published: date | None = None, outlet: str = "", article: str = "",
                meta_dates: list[str] | None = None, title: str = "") -> IngestResult:
    """Read an article's text into a draft timeline.

    Parameters
    ----------
    text : str
        The article as plain text (see :func:`viewer.ingest.extract.text_of`).
    published : date, optional
        The publication day when known (``--published``); else found or inferred.
    outlet : str, optional
        The outlet's name (``--outlet``); else taken from the dateline.
    article : str, optional
        The article's file name, kept in each draft.
    meta_dates : list of str, optional
        Machine-readable publication dates of an HTML page.
    title : str, optional
        The timeline's title; default from the outlet and first sentence.

    Returns
    -------
    IngestResult
    """
    t0 = time.perf_counter()
    sentences = split_sentences(text)
    pub = find_publication(text, sentences, meta_dates, published)
    found_outlet, dateline = find_outlet(text)
    outlet = outlet or found_outlet or "the article"
    ref = None
    if pub.day is not None:
        ref = EventDate(pub.edtf, pub.phrase, pub.basis)
    article_src = Source("article", SourceKind.NEWS_ARTICLE, outlet, published=ref, attribution=dateline)
    sources = _Sources(article_src)
    memory = PersonMemory()
    unresolved: list[Unresolved] = []
    claims: list[Claim] = []
    previous_end = 0
    for s in sentences:
        if _PARAGRAPH_BREAK.search(text, previous_end, s.start):  # "he said" looks back in its paragraph only
            memory.new_paragraph()
        previous_end = s.end
        memory.runs_on = runs_on_quote(text, s)  # ('"But we will listen.' and the quote goes on below)
        claims.extend(claims_of(s, pub, memory, unresolved))
    claims = _merge_undated(claims)
    unclosed = unclosed_quotes(text, sentences)
    for c in claims:
        if c.sentence.index in unclosed:  # the reviewer reads it beside the date, in the viewer too
            basis = c.start[2].rstrip()
            basis += "." if basis and not basis.endswith((".", "!", "?")) else ""  # (a sentence of its own)
            c.start = (c.start[0], c.start[1], basis + (" " if basis else "") +
                       "A quotation mark in this sentence is opened and never closed: the words after it are not "
                       "shown as a quotation.")
    settle_tracks(claims, text)
    tracks: dict[str, Track] = {}
    events: list[Event] = []
    taken: set[str] = set()
    for c in claims:
        start = _date(c.start, fallback="..")
        if start is None:
            unresolved.append(Unresolved(c.sentence.index, c.start[1], f"'{c.start[0]}' is not a date"))
            continue
        end = _date(c.end) if c.end else None
        if end is not None and start.relation != "open" and end.relation != "open" and end.latest < start.earliest:
            end = None
        if start.relation == "open" and end is None:
            unresolved.append(Unresolved(c.sentence.index, c.start[1], "no date at all"))
            continue
        track_label = c.actor or "Other"
        tid = re.sub(r"[^a-z0-9]+", "-", track_label.lower()).strip("-") or "other"
        if tid not in tracks:
            tracks[tid] = Track(tid, track_label, "", len(tracks))
        quotes = []
        src_ids = ["article"]
        for q in c.attributions:
            sid = sources.of(q) if q.attribution.person.name else ""
            if sid and sid not in src_ids:
                src_ids.append(sid)
        for q in c.quotes:
            sid = sources.of(q) if q.attribution.person.name else "article"  # unattributed: the article's
            p = q.attribution.person
            quotes.append(Quote(q.text, speaker=p.name, speaker_role=p.role, source=sid,
                                attribution=q.attribution.words,
                                kind=QuoteKind.DIRECT if q.kind == "direct" else QuoteKind.REPORTED,
                                offsets=(q.base + q.start, q.base + q.end)))
        kind = EventKind.SPAN if end is not None else EventKind.POINT
        summary = c.sentence.text + "".join(" " + x.text for x in c.extra_sentences)
        events.append(Event(
            id=_slug(c.title, taken), title=c.title, start=start, track=tid, kind=kind, end=end,
            summary=summary, actors=tuple(dict.fromkeys(c.actors)), tags=tuple(["draft", *c.tags]),
            quotes=tuple(quotes), sources=tuple(src_ids), planned=c.planned,
            draft=Draft(c.sentence.text, (c.sentence.start, c.sentence.end), article)))
    title = title or _draft_title(text, article)
    home = _home(events, pub)
    description = (f"Draft made by timeline-viewer ingest from {article or 'pasted text'}: {len(events)} unreviewed "
                   f"events. Publication date: {pub.words} ({pub.how}). Every event needs review.")
    timeline = Timeline(title=title, tracks=tuple(tracks.values()), events=tuple(events),
                        sources=tuple(sources.items), description=description, reference_date=ref,
                        home_start=home[0] if home else None, home_end=home[1] if home else None)
    return IngestResult(timeline, text, sentences, pub, unresolved, time.perf_counter() - t0, list(unclosed.values()))
