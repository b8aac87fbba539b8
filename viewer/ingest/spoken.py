"""Relative dates inside speech, counted from when the words were said.

"Peskov said on February 20: “We will meet tomorrow.”" in an article of
8 March: the speaker's "tomorrow" is 21 February, the day after he spoke,
not the day after publication.  A relative date ("tomorrow", "on Monday",
"next year", "February 20" without a year) inside a quotation or a reported
clause is resolved from the speech's own date when the sentence gives one
outside the quoted words ("said on February 20", "Last Thursday Peskov
said", "said in 2019"); a speech date known only to the month or year gives
one day between what its first and its last day would give.  When the
sentence gives no date for the words quoted verbatim, the date counted from
publication is only a guess: uncertain (``?``), or, for a range of days, on
or before its last day (the words were said by publication); undated
reported speech is the article's wording, its dates the article's.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from viewer.model.dates import EventDate
from viewer.model.errors import DateError

from .quotes import FoundQuote, aside_at, relative_saying_span
from .temporal import Publication, TimeMention, find_mentions, fmt_day
from .tense import PAST, PERFECT, _markers

__all__ = ["date_speech"]

_WORDING = [
    (r"relative to publication \(([^)]*)\)", r"relative to \1"),
    (r"in an article of ", "said on "),
    (r"the week up to the article", "the week up to that day"),
    (r"the week from the article on", "the week from that day on"),
    (r"the publication day itself", "that day itself"),
    (r"the publication day", "that day"),
    (r"the publication's week", "that day's week"),
    (r"the publication date", "the date it was said"),
    (r"written on ", "said on "),
    (r"written in ", "said in "),
    (r"of publication day", "of that day"),
    (r"\bpublication\b", "that day"),
    (r"the article\b", "that day"),
]


def _as_said(basis: str) -> str:
    """A basis written for publication, reworded for the day the words were said."""
    for rx, to in _WORDING:
        basis = re.sub(rx, to, basis)
    return basis


def _bounds(edtf: str) -> tuple[str, str] | None:
    """First and last value of a resolved date, qualifiers dropped (``[a..b]`` -> ``(a, b)``)."""
    m = re.fullmatch(r"\[([\d-]+)\.\.([\d-]+)\]", edtf)
    if m:
        return m.group(1), m.group(2)
    plain = edtf.rstrip("?~%")
    return (plain, plain) if re.fullmatch(r"\d{4}(?:-\d\d){0,2}", plain) else None


def _speech_of(m: TimeMention, span: tuple[int, int], dates: list[TimeMention]) -> TimeMention | None:
    """The date of the speech whose quoted words hold ``m``: the last past-tense date before the quotation,
    else the first after it, outside every quotation."""
    before = [d for d in dates if d.end <= span[0]]
    after = [d for d in dates if d.start >= span[1]]
    return before[-1] if before else after[0] if after else None


def _after(edtf: str, pub: Publication) -> bool:
    """``edtf`` lies wholly after the publication day."""
    try:
        return pub.day is not None and EventDate(edtf).earliest > EventDate(pub.day.isoformat()).earliest
    except DateError:
        return False


def date_speech(sentence: str, mentions: list[TimeMention], quotes: list[FoundQuote], pub: Publication) -> None:
    """Re-date, in place, the relative mentions of ``sentence`` that lie inside a quote or reported clause.

    Parameters
    ----------
    sentence : str
        The sentence (offsets of ``mentions`` and ``quotes`` refer to it).
    mentions : list of TimeMention
        From :func:`viewer.ingest.temporal.find_mentions`; each one re-dated gets ``extra["said"]`` (True)
        and ``extra["after_publication"]`` (whether its new date lies after publication: planned then, and
        also before it when the words speak of the future, see :func:`viewer.ingest.drafts.claims_of`).
    quotes : list of FoundQuote
        Direct and reported quotes of the sentence.
    pub : Publication
    """
    if pub.day is None or not quotes:
        return
    # "according to X, …" is the article's own account, in its own words and time, not words said at some
    # other time; nor is a present-tense "X says …"
    spans = [(q.start, q.end) for q in quotes if q.kind == "direct" or (
        q.attribution.words and not q.attribution.words.lower().startswith("according")
        and _markers(q.attribution.words))]

    def span_of(m: TimeMention) -> tuple[int, int] | None:
        return next((s for s in spans if s[0] <= m.start < s[1]), None)

    # (a date in a relative clause is its antecedent's: "Anna Berg, the head of the mission, which arrived
    # on Monday, said …" dates the mission's arrival, not her saying)
    dates = [d for d in mentions if span_of(d) is None and d.tense in (PAST, PERFECT) and d.edtf and
             d.kind == "date" and _bounds(d.edtf) is not None and aside_at(sentence, d.start) is None]
    # ("Anna Berg, who said on Monday that …, said: “… tomorrow”": Monday is the day of the other saying only)
    clauses = [(relative_saying_span(sentence, q), (q.start, q.end)) for q in quotes]
    for m in mentions:
        span = span_of(m)
        if span is None or not m.relative or m.edtf is None:
            continue
        said = _speech_of(m, span, [d for d in dates if not any(a <= d.start < b and own != span
                                                                  for (a, b), own in clauses)])
        if said is None:
            if any((q.kind == "direct" or q.unclosed) and q.start <= m.start < q.end for q in quotes):
                # (reported speech is the article's wording: its dates are the article's; but the words after a
                # quotation mark never closed are the speaker's, as in a closed quote)
                _unknown(m, pub)
        elif (said.edtf or "").rstrip("?~%") == pub.day.isoformat():
            continue  # said on the publication day: counted from it as it is
        else:
            _from_speech(sentence, m, said, pub)


def _unknown(m: TimeMention, pub: Publication) -> None:
    """The speech is not dated: the date counted from publication, marked as a guess."""
    assert m.edtf is not None
    end = "" if m.basis.rstrip().endswith((".", ")")) and not m.basis.rstrip().endswith(")") else "."
    m.basis = m.basis.rstrip() + end
    why = (f" These are someone's words and the sentence does not say when they were said: counted from "
           f"publication ({pub.words}) as if said that day, so only a guess")
    if m.edtf.startswith("["):
        b = _bounds(m.edtf)
        if b is None:
            return
        m.edtf = f"[..{b[1]}]"
        last = fmt_day(date.fromisoformat(b[1])) if len(b[1]) == 10 else b[1]
        m.basis += why + f"; said by publication, so on or before {last}."
    else:
        m.edtf = m.edtf.rstrip("?~%") + ("%" if m.edtf.endswith(("~", "%")) else "?")
        m.basis += why + ", uncertain."
    m.extra["said"] = True
    m.extra["after_publication"] = _after(m.edtf, pub)


def _resolve_at(sentence: str, m: TimeMention, day: date, certain: bool) -> TimeMention | None:
    """``m`` resolved as if the sentence had been written on ``day``."""
    at = Publication(day=day, day_certain=certain, year_certain=True, how="given")
    return next((x for x in find_mentions(sentence, at) if x.start == m.start and x.end == m.end), None)


def _from_speech(sentence: str, m: TimeMention, said: TimeMention, pub: Publication) -> None:
    assert said.edtf is not None
    b = _bounds(said.edtf)
    if b is None:
        return
    first, last = b
    certain = not said.edtf.endswith(("?", "~", "%"))
    if len(first) == 4:
        lo_day, span_words = date(int(first), 1, 1), first
    elif len(first) == 7:
        lo_day = date(int(first[:4]), int(first[5:]), 1)
        span_words = f"{lo_day:%B} {lo_day.year}"
    else:
        lo_day, span_words = date.fromisoformat(first), ""
    if len(last) == 4:
        hi_day = date(int(last), 12, 31)
    elif len(last) == 7:
        y, mo = int(last[:4]), int(last[5:])
        hi_day = date(y + (mo == 12), mo % 12 + 1, 1) - timedelta(days=1)
    else:
        hi_day = date.fromisoformat(last)
    lo = _resolve_at(sentence, m, lo_day, certain)
    hi = _resolve_at(sentence, m, hi_day, certain) if hi_day != lo_day else lo
    if lo is None or hi is None or lo.edtf is None or hi.edtf is None:
        return
    when = (f"on {fmt_day(lo_day)}" if lo_day == hi_day else f"in {span_words}" if span_words else
            f"between {fmt_day(lo_day)} and {fmt_day(hi_day)}")
    head = (f"'{m.phrase}' said {when} ('{said.phrase}'), so counted from that "
            f"{'day' if lo_day == hi_day else 'time'}, not from publication ({pub.words}): ")
    if lo.edtf == hi.edtf:
        m.edtf, m.day = lo.edtf, lo.day
        m.basis = head + _as_said(lo.basis)
        m.end_edtf, m.end_basis = lo.end_edtf, _as_said(lo.end_basis) if lo.end_basis else ""
    else:
        a, z = _bounds(lo.edtf), _bounds(hi.edtf)
        if a is None or z is None:
            return
        m.edtf, m.day = f"[{a[0]}..{z[1]}]", None
        m.basis = head + (f"the speech's day is not given, so one day between {a[0]} (said on "
                          f"{fmt_day(lo_day)}) and {z[1]} (said on {fmt_day(hi_day)}).")
        m.end_edtf, m.end_basis = None, ""
    m.extra["said"] = True
    m.extra["after_publication"] = _after(m.edtf, pub)
