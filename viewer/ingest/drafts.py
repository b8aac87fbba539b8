"""From sentences, dates and quotes to draft events on actor tracks.

One event per dated claim: each temporal expression of a sentence is a
claim (a sentence may give several); "…, where she met …" after a dated
arrival and "… before travelling to …" after a dated meeting are claims of
their own (the same day, uncertain; on or after that day).  A sentence with
no date but with a quote, or in the present perfect ("has consistently
denied"), is an undated claim: on or before publication, or — when it still
goes on — a span of unknown start still going at publication.
"""

from __future__ import annotations

import calendar as _cal
import datetime as _dt
import re
from dataclasses import dataclass, field

from viewer.model.dates import EventDate
from viewer.model.errors import DateError

from .actors import (
    _ROLE_END,
    DATE_LEAD,
    GAZETTEER,
    LEADERS,
    NEGATED_SUBJECT,
    ROLE_WORDS,
    Person,
    actors_in,
    blank_date_lead,
    country_of,
    office_country,
    parse_person,
)
from .extract import Sentence, dateline_length
from .quotemarks import quote_spans
from .quotes import (
    SAYING_ASIDE,
    Attribution,
    FoundQuote,
    PersonMemory,
    _speaker,
    aside_at,
    blank_inner_said,
    find_quotes,
    relative_saying_span,
    unresolved_pronoun,
)
from .spoken import date_speech
from .temporal import Publication, TimeMention, find_mentions, fmt_day
from .tense import FUTURE, PAST, PERFECT, _markers, is_ongoing, sentence_tense

__all__ = ["Claim", "claims_of", "Unresolved"]

_METADATA = re.compile(r"^\s*(?:(?:published|posted|updated|first published|last updated|dateline)\b|by\s+[A-Z]"
                       r"[\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}\s*(?:$|[|·•,–—-]))", re.I)
_CORRECTION = re.compile(r"^\s*(?:\(?\s*(?:correction|clarification|editor['’]?s\s+note|corrects|updates)\b\s*[:.(-]?|"
                         r"(?:an?\s+|the\s+)?(?:earlier|previous)\s+version\s+of\s+this\s+(?:story|article|report)\b|"
                         r"this\s+(?:story|article|report)\s+(?:has\s+been|was|is)\s+(?:corrected|updated|amended)\b)",
                         re.I)
"""A correction line ("Correction: An earlier version of this story said the talks would start on Wednesday.",
"This story has been corrected to show …"): about the article, and its dates are often the wrong ones it
retracts: never a claim (the corrected fact, said in its own sentence, still is one)."""
_WHERE = re.compile(r",\s+where\s+(?:he|she|they|it|the two|both)\s+(?P<verb>\w+)", re.I)
_BEFORE_ING = re.compile(r"\s(?:before|then)\s+(?P<verb>\w+ing|heading|going)\b[^,.;]*", re.I)
_LEADS = re.compile(r"^(?:(?:Meanwhile|However|Separately|Also|Still|Earlier|Later|In addition|Despite [^,]+|"
                    r"When [^,]+|Speaking [^,]+|[Aa]ccording to [^,]+|[Cc]iting [^,]+|As [^,]+|After [^,]+|"
                    r"Last \w+|On \w+(?: \d+)?|"
                    r"This \w+|Next \w+|In \w+(?: \d{4})?|Yesterday|Today),\s*)+")


_DATE_LIKE = re.compile(
    r"\b(?P<w>January|February|March|April|June|July|August|September|October|November|December|May(?=\s+\d)|"
    r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|tonight|tomorrow|yesterday|"
    r"(?:this|next|last|coming)\s+(?:week|weekend|month|year))\b|"
    r"\b(?:in|by|of|on|early|late|since|until|before|after|from)\s+(?P<may>May)\b|"
    r"\b(?:the|this|next|last|early|late|in|by|until|before|after|since|during|over)\s+"
    r"(?P<season>spring|summer|autumn|winter)\b")
"""A word that names a time ("July", "Friday", "next week", "by the autumn") — what a reviewer reads as a date:
one that no temporal expression of its sentence covers is listed as unresolved, never silently dropped."""


def _unread_dates(text: str, mentions: list[TimeMention], dateline: int) -> list[str]:
    """The date-like words of sentence ``text`` (after its dateline) that no mention covers, in text order."""
    out: list[str] = []
    for m in _DATE_LIKE.finditer(text, dateline):
        g = next(k for k in ("w", "may", "season") if m.group(k) is not None)
        if not any(x.start <= m.start(g) and m.end(g) <= x.end for x in mentions):
            out.append(m.group(g))
    return out


@dataclass
class Unresolved:
    """A temporal expression left unresolved: where, the words and why."""

    sentence: int
    phrase: str
    reason: str


@dataclass
class Claim:
    """One draft event before it becomes a model Event.

    ``start``/``end`` are (edtf, phrase, basis); ``end`` None for a point.
    ``anchor`` is the offset in the sentence the claim hangs on (its date's
    position, or 0 for an undated claim).
    """

    sentence: Sentence
    start: tuple[str, str, str]
    end: tuple[str, str, str] | None
    title: str
    anchor: int
    quotes: list[FoundQuote] = field(default_factory=list)
    actor: str = ""
    actors: list[str] = field(default_factory=list)
    attributions: list[FoundQuote] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    unresolved: bool = False
    extra_sentences: list[Sentence] = field(default_factory=list)  # undated remarks merged into this claim
    planned: bool = False  # written in the future tense (or dated after publication): a plan, not a fact


def _day_of(seconds: float) -> _dt.date:
    return _dt.datetime.fromtimestamp(seconds, _dt.timezone.utc).date()


def _end_as_of_source(end: tuple[str, str, str], pub: Publication,
                      note: str) -> tuple[tuple[str, str, str], tuple[str, str, str] | None]:
    """A span's end as the source can vouch for it.

    An end that may fall after the publication day ("launched ten days of
    drills", "will finish on February 20" in an article of the 10th) is what
    the article expects, not what it reports: the span is left open, still
    going as of the source (on or after the publication day, or after the
    earliest day the end could be when that is sooner), and the expected end
    is returned as a planned point of its own (None: not after publication).
    """
    if pub.day is None:
        return end, None
    edtf, phrase, basis = end
    try:
        stated = EventDate(edtf)
    except DateError:
        return end, None
    published = EventDate(pub.day.isoformat())
    if not (stated.latest > published.latest) or stated.relation == "open" or edtf.endswith("..]"):
        return end, None
    lo = min(_day_of(stated.earliest), pub.day)
    expected = stated.describe().removesuffix(" (to the day)")
    as_of = "still going at publication" if lo == pub.day else f"not ended before {fmt_day(lo)}"
    open_end = (f"[{lo.isoformat()}..]", phrase,
                f"Ongoing as of the source: the article ({pub.words}) expects it to end {expected}, after "
                f"its publication, so that end is a plan, not a report ({basis}); drawn as {as_of}, "
                "the expected end drafted as a planned event of its own." + note)
    return open_end, (edtf, phrase, f"Expected end, after the article's publication ({pub.words}): {basis}")


def _person_track_note(text: str, c: Claim) -> str:
    """Why a claim is on a person's own track ("Liz Truss") rather than a
    country's or organisation's: nothing on the gazetteer is named with them
    ("Foreign Secretary Liz Truss"; "Kenya's President William Ruto": Kenya is
    not on the list).  "" when the track is not a person's
    (a gazetteer actor, or a person the article ties to one: "UK Prime
    Minister Boris Johnson" is on United Kingdom's track)."""
    if not c.actor or c.actor in GAZETTEER.values():
        return ""
    people = [q.attribution.person for q in c.quotes if q.attribution.person.name == c.actor]
    subject = _subject(text)
    who = people[0] if people else parse_person(subject) if subject else None
    if who is None or who.kind != "person" or who.name != c.actor or who.actor or not (people or who.role):
        return ""  # (a name with neither a role nor a quote, "the Normandy Format", is not taken for a person)
    role = f" ({who.role})" if who.role else ""
    return (f"Track '{c.actor}': a track of its own, as the draft ties {c.actor}{role} to no country or "
            "organisation on its list (countries, capitals, seats of government, NATO, EU, UN); move the event "
            "to the right track on review.")


def _leader_note(text: str, c: Claim) -> str:
    """Why a claim is on a country's track when the article names its speaker or subject with no country
    ("Zelensky said"): the name is on the draft's short list of heads of state and government
    (:data:`viewer.ingest.actors.LEADERS`), knowledge the article does not give, so the reviewer is told;
    "" when the article itself ties them ("Ukrainian President Volodymyr Zelensky") or the list played no part."""
    people = [q.attribution.person for q in c.quotes if q.attribution.person.name and not unresolved_pronoun(q)]
    subject = _subject(text)
    who = people[0] if people else parse_person(subject) if subject else None
    if who is None or who.kind != "person" or LEADERS.get(who.name) != c.actor or c.actor != who.actor:
        return ""
    if who.role and (country_of(who.role) or office_country(who.role, text)):
        return ""
    return (f"Track '{c.actor}': the article names {who.name} with no country; the name is on the draft's short "
            f"list of heads of state and government ({c.actor}); check it on review.")


def _pronoun_note(quotes: list[FoundQuote]) -> str:
    """What the reviewer must settle when a claim's "he" / "she" said stands for no one person (nobody or
    more than one named before it in its paragraph, and not exactly one person quoted in the paragraph
    before): the draft names no speaker for it; "" when every speaker is named."""
    for q in quotes:
        word = unresolved_pronoun(q)
        if word:
            return (f"Speaker: the article says only “{word}”, and the draft cannot tell who that is (no one "
                    "person named before it in its paragraph, nor exactly one person quoted in the paragraph "
                    "before): attributed to no person; name the speaker on review.")
    return ""


def _subject(text: str) -> str:
    """The words before the sentence's first verb, leads and asides removed (a date that opens it,
    with a comma or without: "On Monday Peskov said" is Peskov's)."""
    body = _LEADS.sub("", text[dateline_length(text):].lstrip())  # (a dateline blanked out is no subject)
    body = DATE_LEAD.sub("", body, count=1) if DATE_LEAD.match(body) else body
    marks = _markers(body)
    verb = re.search(r"\b(?:will|would|is|are|was|were|has|have|had|can|could|may|might|must|should)\b", body)
    cut = min([at for at, _ in marks] + ([verb.start()] if verb else []) + [len(body)])
    subj = body[:cut].split(",")[0].strip()
    return subj if 0 < len(subj.split()) <= 8 else ""


def _short(words: str, limit: int = 10, capital: bool = True) -> str:
    words = re.sub(r"\s+", " ", words).strip(" ,;:.")
    words = re.sub(r"^(?:and|but|or|so|then|that)\s+", "", words, flags=re.I)
    parts = words.split(" ")
    cut = len(parts) > limit
    if cut:
        words = " ".join(parts[:limit]).rstrip(",;:")
    while re.search(r"\s(?:and|or|the|a|an|of|to|in|on|at|by|for|with|from)$", words):
        words = words.rsplit(" ", 1)[0]  # (never "… by the end of…": the cut ends on a word that says something)
    if cut:
        words = words.rstrip(",;:") + "…"
    return words[:1].upper() + words[1:] if words and capital else words


_DENIAL = re.compile(r"\b(?:den(?:y|ies|ied)|rejected|dismissed|disputed|refuted|false|untrue|baseless|unfounded|"
                     r"groundless|fabricated)\b", re.I)
_CLAUSE_VERB = re.compile(r"\b(?:would|will|could|might|may|should|must|can|is|are|was|were|has|have|had)\b")
_SAYING_LEAD = re.compile(r"^(?:(?:who|which|and|but)\s+)?(?:[\w’'-]+\s+){0,3}?"
                          r"(?:said|says|noted|notes|added|adds|stated|"
                          r"states|told\s+\w+|warned|argued|insisted|claimed|stressed)\s+(?:(?:\w+\s+){0,3}?that\s+)?|^that\s+",
                          re.I)
_SUBJECT_CUT = re.compile(r"\s(?:between|in|with|among|from|on|at|for|by|over|about)\s")


def _quote_clause(s: str, q: FoundQuote) -> str:
    """The article's own words that lead into a direct quote cut from its clause, as a title's start:
    'A new round of talks, according to Le Drian, would be a "good sign"' -> ``"a new round of talks would
    be a "`` (a long subject cut with "…" before the verb); "" when the quote is a whole saying (nothing
    before it but a colon, a comma or the sentence's start) or no verb leads into it.  The verb ("would
    be", "will be") is always kept: a conditional or a forecast never reads as a plain remark."""
    opening = s[:q.start].rstrip()
    if opening[-1:] not in tuple("\"“«‘'"):
        return ""
    pre = opening[:-1]
    pre = re.sub(r",\s*according to [^,]*,", " ", pre, flags=re.I)  # an aside naming the speaker
    if not pre.strip() or pre.rstrip()[-1:] in (":", ",", ";", "—", "-"):
        return ""
    segment = pre[max(pre.rfind(", "), pre.rfind(". "), pre.rfind(" - "), pre.rfind(" – ")) + 1:]
    segment = _LEADS.sub("", " ".join(segment.split()).lstrip(" -–"))
    said = q.attribution.words.strip()
    if said and segment.startswith(said):  # "Turkey's foreign minister said the talks had been": the speaker is
        segment = re.sub(r"^\s*(?:that\s+)?", "", segment[len(said):])  # the title's "who:", never said twice
    segment = _SAYING_LEAD.sub("", segment)  # "who noted that ties … were": the saying is the title's "who:"
    verb = _CLAUSE_VERB.search(segment)
    if verb is None or len(segment[verb.start():].split()) > 6:
        return ""
    subject, predicate = segment[:verb.start()].strip(), segment[verb.start():].strip()
    words = subject.split()
    if len(words) > 4:
        cut = _SUBJECT_CUT.search(subject, len(words[0]))
        subject = (subject[:cut.start()] + " …") if cut is not None else _short(subject, 5, capital=False)
    if subject.split(" ")[0] in ("The", "A", "An", "It", "This", "That", "These", "Those", "Its"):
        subject = subject[:1].lower() + subject[1:]
    return " ".join(x for x in (subject, predicate) if x) + " "


_AFTER_SAYING_DATE = re.compile(r"[\s,]*(?:(?:morning|afternoon|evening|night)\s+)?(?:that\s+)?")


def _dates_the_saying(s: str, mention: TimeMention | None, q: FoundQuote) -> bool:
    """``mention`` sits between the saying verb of reported ``q`` and its clause ("Ukraine's army said | on
    Monday | it had retaken …", "The ministry announced | on Friday | that …"): it dates the saying, whose
    title is then who said what ("Ukraine's army: it had retaken …"), never the words before the date alone
    ("Ukraine's army said")."""
    if mention is None or q.kind != "reported" or not q.attribution.words:
        return False
    at = s.find(q.attribution.words)
    return (0 <= at < mention.start and mention.end <= q.start and
            _AFTER_SAYING_DATE.fullmatch(SAYING_ASIDE.sub("", s[mention.end:q.start].lstrip(" ,"), 1)) is not None and
            not q.attribution.words.lower().startswith("according"))


_DATE_AFTER_BOUND = re.compile(
    r"(?:the\s+)?(?:(?:early|late|mid-?)\s*)?(?:January|February|March|April|May|June|July|August|September|October|"
    r"November|December|Jan\b|Feb\b|Mar\b|Apr\b|Jun\b|Jul\b|Aug\b|Sept?\b|Oct\b|Nov\b|Dec\b|Monday|Tuesday|"
    r"Wednesday|Thursday|Friday|Saturday|Sunday|\d|last\b|next\b|this\b|spring|summer|autumn|winter|end\b|"
    r"start\b|beginning\b|middle\b)", re.I)
"""A date right after "before", "after" or "since" ("before June", "after March 3"): a bound phrase, so
the word is no clause's start (see :func:`_title`)."""


def _title(s: str, mention: TimeMention | None, quotes: list[FoundQuote]) -> str:
    dl = dateline_length(s)
    if dl:  # offsets stay those of the sentence: blank the dateline out instead of cutting it
        s = " " * dl + s[dl:]
    named = [q for q in quotes if q.attribution.person.name and not unresolved_pronoun(q)]
    pronoun = [q for q in quotes if unresolved_pronoun(q)]
    if pronoun and not named:  # 'He said: "…"' with no one "he" can be: no speaker in the title either
        text = _short(pronoun[0].text, 9, capital=False)
        return f"Unattributed: “{text}”" if pronoun[0].kind == "direct" else f"Unattributed: {text}"
    if named and (named[0].kind == "direct" or named[0].attribution.person.kind == "person" or
                  # "The union has denied that …": "Union (denied): …", whoever denies (README's promise)
                  (named[0].kind == "reported" and _DENIAL.search(named[0].attribution.words) is not None and
                   (mention is None or named[0].start <= mention.start)) or
                  named[0].attribution.person.name.startswith("unnamed official (“") or  # "The minister: …"
                  # "According to officials on Monday, the army had …": "Officials: the army had …", never the
                  # clause alone, as if the article's own (a plan dated in their words is titled as a plan, below)
                  (re.match(r"according to\b", named[0].attribution.words, re.I) and
                   0 <= s.find(named[0].attribution.words) < named[0].start and
                   (mention is not None and not named[0].start <= mention.start < named[0].end or
                    mention is None and sentence_tense(named[0].text) != FUTURE)) or
                  _dates_the_saying(s, mention, named[0])):  # "Ukraine's army said on Monday it had …"
        q = named[0]
        speaker = q.attribution.person
        who = speaker.surname if speaker.kind == "person" and len(speaker.name.split()) > 2 else speaker.name
        as_written = re.match(r"unnamed official \(“(?P<w>[^”]+)”", who)
        if as_written:  # "The minister: “…”", the article's words, not the long form of the quote's speaker
            who = as_written.group("w")
        text = _short(q.text, 9, capital=False)
        if q.kind != "direct" and text[:1].isupper() and not text.split(" ")[0].isupper() and \
                text.split(" ")[0] in ("The", "A", "An", "It", "This", "That", "These", "Those", "Its"):
            text = text[:1].lower() + text[1:]  # "the minister: the talks would continue …"
        who = who[:1].upper() + who[1:]
        if q.kind != "direct" and _DENIAL.search(q.attribution.words):
            who += " (denied)"  # "Berg denied that troops would cross": never "Berg: troops would cross"
        clause = _quote_clause(s, q) if q.kind == "direct" else ""
        if clause:  # 'A new round of talks would be a "good sign," Le Drian said': the conditional kept
            return f"{who}: {clause}“{text}”"
        return f"{who}: “{text}”" if q.kind == "direct" else f"{who}: {text}"
    direct = [q for q in quotes if q.kind == "direct"]
    if direct and not named and not s[:direct[0].start].strip(" \"“‘'"):  # "“It is over,” he said" (he unknown)
        return f"Unattributed: “{_short(direct[0].text, 9, capital=False)}”"
    if mention is None:
        body = _LEADS.sub("", s.strip())
        # ("Officials said, after a meeting, that talks would resume": the saying's aside is no part of its title,
        # never cut there to "Officials said")
        body = re.sub(rf"\s*,\s+{SAYING_ASIDE.pattern}", " ", body)
        body = re.split(r",\s|\s(?:as part of|amid|despite|because|which|who|where|to examine|in order to)\s", body)[0]
        return _short(body)
    # the predicate around the date: from the verb before it to the date's end
    before = s[:mention.start]
    marks = [at for at, _ in _markers(before)]
    clause_start = max(before.rfind(","), before.rfind(" and "), -1)
    verb_at = max([at for at in marks if at > clause_start], default=-1)
    m = re.search(r"according to (?:a |the )?(?P<what>[^,]*)$", before, re.I)
    if m is not None and not m.group("what").strip():  # "according to a 2021 audit report": the source, dated
        whole = re.match(r"[^,.;]*", s[mention.start:])
        return _short(s[mention.start:mention.start + (whole.end() if whole else 0)], 9)
    if m is not None:
        return _short(m.group("what").replace("released by the ", "by the ").replace("released by ", "by "), 9)
    subj = _subject(s)
    if subj and NEGATED_SUBJECT.match(subj):  # "None of the officials said that …": the whole, never cut to
        return _short(_LEADS.sub("", s[:mention.start].strip()))  # "Officials said that …" (its sense turned)
    first_verb = min((at for at, _ in _markers(s[len(s) - len(_LEADS.sub("", s.strip())):])), default=-1)
    if verb_at >= 0 and first_verb >= 0 and verb_at > len(s) - len(_LEADS.sub("", s.strip())) + first_verb + 1:
        # the date belongs to a later clause ("The attack came hours after X visited the city on Wednesday"):
        # its own words, from the clause's start, not the sentence's subject
        # (a semicolon or colon ends a clause too; "before June", "after March 3" are a date's bound, never a
        # clause's start: "The deadline was before June; it came on 3 May" is "It came", never "June; it came")
        bounds = [m for m in re.finditer(r"[,;:]\s|\s(?:after|when|as|while|before|because|since|that|which|who|"
                                         r"and)\s", s[:verb_at]) if not _DATE_AFTER_BOUND.match(s, m.end()) or
                  m.group(0).strip() not in ("after", "before", "since")]
        start = bounds[-1].end() if bounds else 0
        timed = re.search(r"\s(?:on|in|last|this|next|early|late)\s+\w+(?:\s+\d{1,2})?$", s[:bounds[-1].start()]) \
            if bounds and bounds[-1].group(0).strip() == "that" else None
        if timed is not None:  # "Russia began military drills on Thursday that will finish": the drills finish
            verbs = [at for at, _ in _markers(s[:timed.start()])]
            obj = s[:timed.start()]
            if verbs:
                obj = re.sub(r"^\S+\s*", "", obj[verbs[-1]:])
            if not obj.strip() or len(obj.split()) > 6:
                obj = " ".join(s[:timed.start()].split()[-2:])
            return _short(f"{obj.strip()} {s[bounds[-1].end():mention.start]}")
        if bounds and bounds[-1].group(0).strip() in ("that", "which", "who"):  # "a fire that destroyed …"
            before_rel = list(re.finditer(r"\S+", s[:bounds[-1].start()]))[-2:]
            start = before_rel[0].start() if before_rel else start
            # "joining colleagues in Rotterdam who stopped work": the whole noun phrase the clause is about,
            # from its clause's start (a participle before it dropped), never "Rotterdam who stopped work"
            lead_at = max(s.rfind(",", 0, bounds[-1].start()), s.rfind(";", 0, bounds[-1].start())) + 1
            phrase = re.match(r"\s*(?:[a-z]+ing\s+)?", s[lead_at:bounds[-1].start()])
            noun = s[lead_at + (phrase.end() if phrase else 0):bounds[-1].start()]
            if noun.strip() and len(noun.split()) <= 5 and not _markers(noun) and \
                    re.match(r"\s*(?:[a-z]+\s+){0,2}[a-z]+\b", noun) and \
                    lead_at + (phrase.end() if phrase else 0) < start:
                start = lead_at + (phrase.end() if phrase else 0)
        clause = s[start:mention.start]
        coordinated = bool(bounds) and bounds[-1].group(0).strip() in ("and", ",")
        if subj and coordinated and any(at == 0 for at, _ in _markers(clause)):  # "… and will finish": one subject
            clause = f"{subj} {clause}"
        return _short(clause)
    if verb_at >= 0:
        pred = s[verb_at:mention.start] + s[mention.end:mention.end]
        if verb_at <= len(s) - len(_LEADS.sub("", s)) + len(subj) + 2:
            pred = s[verb_at:mention.start]
            return _short(f"{subj} {pred}" if subj and not pred.lower().startswith(subj.lower()) else pred)
        return _short(f"{subj} {pred}" if subj else pred)
    body = _LEADS.sub("", s.replace(mention.phrase, " ").strip(" ,"))
    body = re.split(r",\s|\s(?:as part of|amid|despite|because|which|who|where|to examine)\s", body)[0]
    return _short(body)


_TITLE_LEAD = re.compile(r"^(?:[\"“”‘’'\s]+|(?:(?:on|in|at|by|last|next|this|early|late|earlier|later|"
                         r"sometime|some\s+time|the|\d{1,4}s?|[A-Z][a-z]+day|January|February|March|April|May|June|"
                         r"July|August|September|October|November|December|spring|summer|autumn|fall|winter|"
                         r"morning|evening|week|month|year|of)\s+)*(?:that|on|in)\s+|"
                         r"(?:sometime|some\s+time|meanwhile|then)\s+)", re.I)


def _clean_title(title: str) -> str:
    """A title as a clean clause: no leading quotation mark, time words or "that" ("On Thursday that will
    finish" -> "Will finish", "Sometime the base was built" -> "The base was built"), and no quotation mark
    left without its pair ('He added that the delegation “will arrive' -> '… the delegation will arrive')."""
    out = title
    for _ in range(3):
        cut = _TITLE_LEAD.sub("", out)
        if cut == out or not cut.strip():
            break
        out = cut
    out = out.strip()
    if out.count("\"") % 2:  # a stray mark from a quote cut in two
        out = out.replace("\"", "")
    spans, _ = quote_spans(out)  # “ or « never closed in the title (a quote cut, or never closed in the article)
    paired = {a for a, _ in spans} | {b - 1 for _, b in spans}
    out = " ".join("".join(ch for i, ch in enumerate(out) if ch not in "“”«»" or i in paired).split())
    return out[:1].upper() + out[1:] if out else title


_INNER_SAID_AT = re.compile(r"(?:which|who|whose),\s+(?P<said>(?P<who>(?:[\w’'-]+\s+){0,4}?[\w’'-]+)\s+"
                            r"(?:said|say|says|added|noted|reported|believe|believed|claimed|confirmed))\s*,", re.I)
"""The aside inside a relative clause (see :func:`viewer.ingest.quotes.blank_inner_said`): who said it."""

_DETERMINER = re.compile(r"\b(?:the|a|an|its|their|his|her|this|that)\s", re.I)


def _aside_title(text: str, pos: int) -> str:
    """The title of a claim dated in a relative clause set off by commas (``pos`` in it, see
    :func:`viewer.ingest.quotes.aside_at`): what it is about, then its own words up to the date.  "Anna
    Berg, the head of the mission, which arrived on Monday, said …" -> "The mission arrived" (a "which"
    is about the nearest thing named before it: "the mission", never Anna Berg); "…, who arrived on
    Monday, said …" -> "Anna Berg arrived"."""
    found = aside_at(text, pos)
    if found is None:
        return ""
    a, _, pron = found
    own = " ".join(blank_inner_said(text)[a + len(pron):pos].split())  # ("which, officials said, arrived")
    head = text[:a].rstrip(" ,")
    if pron == "which":
        dets = list(_DETERMINER.finditer(head))
        what = head[dets[-1].start():] if dets else " ".join(head.split()[-2:])
        if len(what.split()) > 5:
            what = " ".join(head.split()[-2:])
    else:
        what = _subject(text) or " ".join(head.split(",")[0].split()[-3:])
    return _short(f"{what} {own}")


def _agreed_title(text: str, mention: TimeMention) -> str:
    """The title of the end or deadline of what was agreed, decided or voted ("agreed on Thursday to extend
    sanctions until February" -> "Planned end: extend sanctions"; "voted to extend the mission by March" ->
    "Deadline: extend the mission"), never the agreement's own words, which are the agreement's draft; "" when
    the words are not found."""
    head = text[:mention.start] + re.split(r"\s", mention.phrase.strip(), maxsplit=1)[0] + " "
    found = re.search(r"\bto\s+(?P<what>[a-z]+\b[^,.;:]*?)\s+(?P<prep>until|till|by|through)\s+(?:\S+\s+)?$",
                      head, re.I)
    if found is None:
        return ""
    kind = "Deadline" if found.group("prep").lower() == "by" else "Planned end"
    return f"{kind}: {_short(found.group('what'), 9, capital=False)}"


def _said_that(q: FoundQuote, anchor: int, text: str) -> bool:
    """``anchor`` lies inside the clause after "X said (on Monday) (that) …" (not "According to X, …", nor a
    clause the attribution follows)."""
    at = text.find(q.attribution.words) if q.attribution.words else -1
    return (q.kind == "reported" and 0 < q.start < anchor < q.end and 0 <= at < q.start
            and not q.attribution.words.lower().startswith("according"))


_FRAME = re.compile(r"^according\s+to\s+(?:(?:a|an|the|its|their)\s+)?(?:(?P<noun>(?:\w+\s+)?(?:statement|report|"
                    r"announcement|communiqu[ée]|press\s+release|release|briefing|readout|post|notice)s?)\s+"
                    r"(?:(?:released|issued|published|made|posted|put\s+out)\s+)?(?:by|from)\s+)?(?P<who>.+)$", re.I)
"""The frame of an attribution the article puts after its clause: "according to (a statement released by)
WHO" — never a title's opening words."""


def _framed_saying_title(words: str, c: Claim) -> str:
    """The title of the saying dated in ``words`` (the attribution after a reported clause, up to its date)
    when they open with the attribution's frame: who said what, ``"Russian Ministry of Defense: statement on
    the military drills"`` for "according to a statement released by the Russian Ministry of Defense on
    Thursday", ``"Officials said"`` for "according to officials on Monday"; "" for any other words."""
    m = _FRAME.match(" ".join(words.split()).strip(" ,;:."))
    if m is None:
        return ""
    said = next((q for q in c.quotes if q.kind == "reported" and q.attribution.words), None)
    who = (_speaker_words(said) if said is not None else "") or _short(m.group("who"))
    who = re.sub(r"^(?:the|a|an)\s+", "", who, flags=re.I) if m.group("noun") else who
    who = who[:1].upper() + who[1:]
    if not m.group("noun"):
        return _said_before_title(c) or f"{who} said"
    noun = m.group("noun").lower()
    topic = _subject(said.text) if said is not None else ""
    topic = re.sub(r"[\s,;:“”\"]+$", "", topic)
    if topic and len(topic.split()) <= 5:
        return f"{who}: {noun} on {topic[:1].lower() + topic[1:]}"
    return f"{who}: {noun}"


def _said_before_title(c: Claim) -> str:
    """The title of the saying dated in the attribution after its reported clause ("The army retreated,
    officials said on Monday", "…, said officials on Monday", "…, according to officials on Monday"): who said
    what, ``"Officials: the army retreated"`` (never "Officials said" nor "Said officials", titles with no
    content), the words as reported speech, never a quotation; "" when no one named said them."""
    said = next((q for q in c.quotes if q.kind == "reported" and q.attribution.words), None)
    who = _speaker_words(said) if said is not None else ""
    if said is None or not who:
        return ""
    text = _short(said.text, 9, capital=False)
    if text.split(" ")[0] in ("The", "A", "An", "It", "This", "That", "These", "Those", "Its"):
        text = text[:1].lower() + text[1:]
    return f"{who}: {text}" if text else ""


def _said_after(c: Claim, text: str) -> int | None:
    """Offset in ``text`` where the attribution that dates claim ``c`` begins, when ``c`` is dated in the
    words that follow a reported clause ("Talks will resume on Friday, officials said on Monday": the offset of
    "officials"); None when ``c`` is dated elsewhere."""
    for q in c.quotes:
        at = text.find(q.attribution.words, q.end) if q.kind == "reported" and q.attribution.words else -1
        if 0 <= at <= c.anchor <= at + len(q.attribution.words) and not text[q.end:at].strip(" ,;—–"):
            return at
    return None


def _other_saying(text: str, pos: int, q: FoundQuote, quotes: list[FoundQuote]) -> bool:
    """Offset ``pos`` of ``text`` lies in the relative clause of another saying than ``q``'s ("Anna Berg, who
    said on Monday that the talks had failed, said …": Monday dates that clause only, see
    :func:`viewer.ingest.quotes.relative_saying_span`)."""
    return any(r is not q and a <= pos < b for r in quotes for a, b in [relative_saying_span(text, r)])


def _tense_verb_at(text: str) -> int:
    """Offset in ``text`` of the verb that gives the sentence its tense (its first tense marker), or its length."""
    marks = _markers(text)
    return marks[0][0] if marks else len(text)


def _other_words(pos: int, q: FoundQuote, quotes: list[FoundQuote]) -> bool:
    """Offset ``pos`` lies in the words of another quote than ``q`` ('“We are ready,” Berg said, adding that
    talks would resume on Friday': Friday dates the talks, never the words “We are ready”)."""
    return any(r is not q and r.start <= pos < r.end for r in quotes)


def _dates_a_saying(pos: int, quotes: list[FoundQuote], text: str) -> bool:
    """Offset ``pos`` lies in the attribution of a direct quote of ``text`` ("…,” he said in an interview on
    Thursday"): the date of a remark, made by publication whatever the words' tense, never a plan."""
    for q in quotes:
        # (an attribution joined to an "according to X" is two pieces of the sentence: "according to …, … he said")
        for words in (q.attribution.words.split(", … ") if q.kind == "direct" else []):
            at = text.find(words) if words else -1
            if 0 <= at <= pos < at + len(words):
                return True
    return False


_PLAN_WORDS = re.compile(r"\b(?:will|shall|would|plans?\s+to|(?:is|are)\s+(?:expected|due|set|scheduled)\s+to)\b",
                         re.I)
_NOT_A_PLAN = re.compile(r"\b(?:will|shall|would|could|might)\s+(?:not|never|have)\b|\b(?:won['’]t|wouldn['’]t)\b|"
                         # "would be a mistake", "would be difficult": a judgement (never "would be published")
                         r"\b(?:would|could|might)\s+be\s+(?!\w+ed\b|(?:held|sent|built|made|given|taken|done|"
                         r"shown|paid|sold|met|set|put|kept|drawn|begun|brought|sought|won|lifted)\b)", re.I)
_FORECAST = re.compile(r"\b(?:warn|fear|predict|doubt|den[yi]|suggest|speculat|hope|guess|expect|forecast)\w*", re.I)
_FORESEES = re.compile(r"\b(?:warn|fear|predict|expect|forecast)\w*", re.I)
_OWN_FORECAST = re.compile(r"^(?:it|he|she|they|we)\s+(?:still\s+|now\s+)?(?:expects?|predicts?|fears?|forecasts?|"
                           r"anticipates?)\s+(?:that\s+)?", re.I)
"""A forecast in the reported words themselves: 'The ministry said it expects the strike to end by …'."""


def _foresees(q: FoundQuote) -> bool:
    """Reported ``q`` is its speaker's forecast: said with a verb of foreseeing ("warned that …") or holding
    one of its own ("said it expects …")."""
    return bool(_FORESEES.search(q.attribution.words) or _OWN_FORECAST.match(q.text))
"""The saying verbs of a forecast: what follows ("X warned that Y will …") is the speaker's forecast, drafted as
planned and tagged ``forecast``, never a fact nor a plain plan (a denial, doubt or hope is none: no draft)."""
_SPEAKING_BODIES = (r"one|body|side|party|government|country|state|ministry|agency|office|source|member|expert|"
                    r"politician|military|army|company|firm|union|spokes\w+")
"""Who can say something, after "no" ("No official said", "no government has announced"): never "No
casualties were reported on Monday" (a fact, dated) nor "No change expected before May"."""
_NEGATED_SAYING = re.compile(
    r"(?:^|[,;:]\s+|\b(?:and|but)\s+)(?P<who>nobody|no[\s-]one|(?:none|neither)\b[^,;:.“”\"]{0,40}?|"
    rf"(?:no|not\s+(?:a\s+single|one))\s+(?:[a-z][\w-]*\s+){{0,2}}?(?:{ROLE_WORDS}|{_SPEAKING_BODIES})s?)\s+"
    r"(?:(?:has|have|had|did|does|do|would|could)\s+(?:yet\s+|ever\s+)?)?"
    r"(?P<verb>said|says|say|stated|announced|announces|confirmed|claimed|predicted|expected|expects|expect|"
    r"promised|pledged|"
    r"suggested|warned|indicated|hinted|reported|told\s+(?:\w+\s+){0,2}?(?:reporters|journalists|[A-Z]\w+|him|her|"
    r"them|us))\b(?P<when>(?:\s+(?:on|in|last|this|earlier|late|at|during)\s+(?:the\s+)?[\w’']+(?:\s+\d+)?)?"
    r"\s+that\b)?", re.I)
"""A saying whose subject names no one ("No one said that …", "Nobody announced …", "None of the officials
said on Monday that …"): what follows is no one's plan nor anyone's account, so a date in it dates nothing."""


_NEGATED_VERB = re.compile(
    r"(?:^|[,;:]\s+|\b(?:and|but)\s+)(?P<who>[^,;:.“”\"]{1,60}?)\s+"
    r"(?P<neg>never|(?:did|does|do|has|have|had)\s+(?:not|never)|(?:didn|doesn|don|hasn|haven|hadn)['’]t)\s+"
    r"(?P<verb>said|says|say|stated|state|announced|announce|confirmed|confirm|claimed|claim|promised|promise|"
    r"predicted|predict|suggested|suggest|indicated|indicate|expected|expect|anticipated|anticipate|foresaw|"
    r"foresee|forecast)\b", re.I)
"""A saying whose verb is negated ("Kuleba never said that …", "The minister did not say …"): what follows is
no one's plan nor the speaker's account (as a negated subject's, above); nor is a negated expectation ("Officials
do not expect the convoy before March 20") a forecast of what they do not expect."""


_UNFULFILLED = re.compile(
    r"(?:^|[,;:]\s+|\b(?:and|but)\s+)(?P<who>[^,;:.“”\"]{1,60}?)\s+(?P<verb>expected|predicted|feared|forecast|"
    r"anticipated|foresaw|warned\s+of)\b[^;:.“”\"]{1,120}?,?\s+(?P<but>but\s+(?:it|they|this|that|none|nothing|"
    r"(?:the\s+)?\w+)\s+(?:never|did\s+not|didn['’]t|failed\s+to)\s+(?:come|came|happen(?:ed)?|materiali[sz]ed?|"
    r"arrived?|t[ao]ok\s+place|take\s+place|occur(?:red)?))\b", re.I)
"""A forecast the sentence says did not come true ("The mayor expected an attack on Monday, but it never came"):
its date is of what did not happen, so it dates nothing."""


_EXPECTING = re.compile(r"\b(?:expect|anticipat|forese|forecast)\w*$", re.I)


def _negated_saying(text: str, start: int) -> tuple[int, int, str] | None:
    """``(a, b, words)``: the span of ``text`` (from offset ``start``, past a dateline) of a saying whose
    subject or verb is negated, from its subject on ("| No one said on Monday that talks would resume on
    Friday |", "| Kuleba never said that … |"), and the words "No one said" / "Kuleba never said"; None when
    no saying is negated ("No one was hurt, officials said …").  A date anywhere in that span dates
    nothing: not the saying (no one made it), nor a plan or account in it (no one's)."""
    m = _NEGATED_SAYING.search(text[start:])
    if m is not None and NEGATED_SUBJECT.match(m.group("who")) and \
            not re.search(r"\b(?:was|were|is|are|been|be|being)\b", m.group("who"), re.I):
        # ("None of the victims were reported …": passive, a fact)
        return start + m.start("who"), len(text), " ".join(text[start + m.start("who"):start + m.end("verb")].split())
    for v in _NEGATED_VERB.finditer(text[start:]):
        # (never a relative clause's: "The minister, who never said why, resigned on Monday" resigned then; and
        # from the negation on: "The minister resigned on Monday but never said why")
        if not re.match(r"(?:who|which|that)\b", v.group("who"), re.I) and \
                not re.search(r"\b(?:was|were|is|are|been|be|being)\b", v.group("who"), re.I):
            words = " ".join(text[start + v.start("who"):start + v.end("verb")].split())
            return start + v.start("neg"), len(text), words
    u = _UNFULFILLED.search(text[start:])
    if u is not None and not re.match(r"(?:who|which|that)\b", u.group("who"), re.I):
        words = " ".join(text[start + u.start("who"):start + u.end("verb")].split()) + " … " + u.group("but")
        return start + u.start("verb"), len(text), words
    return None


_REPORT_NOUNS = r"(?:reports?|claims?|allegations?|suggestions?|rumou?rs?|accusations?|speculation|assertions?)"
_DENIED_THAT = re.compile(r"\b(?:(?P<deny>denied|denies|deny|denying)|dismiss(?:ed|es)?|reject(?:ed|s)?|"
                          r"refut(?:ed|es?))\b(?:\s+(?:on|in|last|this|earlier|late|at|during)\s+"
                          r"(?:the\s+)?[\w’']+(?:\s+\d+)?)?"
                          # "denied reports that troops crossed …": the reports denied, never a fact ("dismissed
                          # reports that …" and "rejected claims that …" too: only with the reports they reject)
                          rf"(?:\s+(?:the\s+|any\s+)?(?:[\w-]+\s+)?{_REPORT_NOUNS}(?:\s+\w+ed(?:\s+by\s+[^,;]+?)?)?"
                          r"|(?(deny)|(?!)))"
                          r"\s+that\b", re.I)
"""A denial ("The ministry denied on Monday that it will close the border on 1 June"): what follows "that" is
what the speaker says is not so, so a date in it dates no plan nor anyone's account; the denial itself keeps
its own date ("on Monday"), or is on or before publication."""


_REPORTS_DENIED = re.compile(
    rf"(?P<what>(?:(?:the|these|those|media|press)\s+)?(?:[\w-]+\s+)?{_REPORT_NOUNS}\s+that\s+[^;:“”\"]{{1,200}}?)"
    r"\s+(?P<verdict>(?:was|were|is|are|has\s+been|have\s+been)\s+(?:(?:also|firmly|flatly|strongly|categorically|"
    r"quickly|later|swiftly)\s+)?(?:denied|dismissed|rejected|refuted|false|untrue|baseless|unfounded|groundless|"
    r"fabricated|wrong|incorrect|not\s+true)(?:\s+by\s+(?P<by>[^,.;]+?))?)(?=\s*[,.;!]|\s*$)", re.I)
"""Reports denied in the passive or called false ("Reports that troops crossed on Monday were denied by the army",
"Reports that … were false, the army said"): a denial as "The army denied reports that …" is, the date in the
reports dating nothing."""


def _denied_reports(text: str, m: re.Match[str], quotes: list[FoundQuote], memory: PersonMemory) -> list[FoundQuote]:
    """``quotes`` with the reports of passive denial ``m`` (:data:`_REPORTS_DENIED`) as the denier's reported
    words: "Reports that X were denied by the army" -> the army's, words "were denied by the army"; "Reports that X
    were false, the army said" -> the army's, words "were false, the army said" (the saying's quote of the whole
    sentence replaced).  Unchanged when no one is named as denying."""
    a, b = m.span("what")
    if m.group("by"):
        who = _speaker(" ".join(m.group("by").split()), memory)
        words = m.group("verdict")
        rest = quotes
    else:
        said = next((q for q in quotes if q.kind == "reported" and q.start <= a < q.end and q.attribution.person.name
                     and text.find(q.attribution.words, m.end()) >= 0), None)
        if said is None:
            return quotes
        who = said.attribution.person
        words = text[m.start("verdict"):text.find(said.attribution.words, m.end()) + len(said.attribution.words)]
        rest = [q for q in quotes if q is not said]
    if not who.name:
        return quotes
    return [FoundQuote(text[a:b], a, b, "reported", Attribution(who, " ".join(words.split())))] + rest


_UNCONFIRMED_THAT = re.compile(
    r"\b(?:could|can|was|were|is|are)\s*(?:not|n['’]t)\s+(?:be\s+)?(?:independently\s+)?(?:confirm|verify)(?:ed)?"
    r"(?:\s+independently)?\s+that\b|\bunable\s+to\s+(?:independently\s+)?(?:confirm|verify)\s+that\b", re.I)
"""What the article could not confirm ("Reuters could not confirm that the convoy arrived on Saturday"): dated
as its words date it, in the past, but uncertain ("?"), tagged unconfirmed and titled so, never a fact."""


_DAY_EDTF = re.compile(r"^(?P<day>\d{4}(?:-\d{2}){0,2})\??$")


def _reported_plan(text: str, q: FoundQuote, saying: Claim, claims: list[Claim], pub_day: str | None,
                   pub_words: str, note: str) -> Claim | None:
    """The plan in reported speech ("Berg said talks would resume", "… the government plans to reopen …",
    "… the deal is expected to be signed"), when its words give it no date: a planned claim of its own, on
    or after the saying's day (or the publication's, when the saying has none), beside the saying that
    ``saying`` drafts.  Reported speech stays reported (the claim shows ``q``, never a quotation); None
    when ``q`` is no plan (a direct quote or an unclosed one, past words, "would not", "would have", "would be"
    a remark, a warning, fear or forecast), or is dated in its own words, or ``saying`` is a plan already."""
    if q.kind != "reported" or saying.planned or pub_day is None or not q.attribution.person.name:
        return None
    if text[:q.start].rstrip()[-1:] in tuple("\"“«‘'"):  # an unclosed quotation: a remark, as it is closed
        return None
    words = q.text
    if _foresees(q):  # "warned that Russia will invade": the speaker's forecast
        return _forecast(q, saying, claims, pub_day, pub_words, note)
    if _FORECAST.search(q.attribution.words):  # "denied that troops would cross": a denial or hope, no plan
        return None
    first = _PLAN_WORDS.search(words)
    if first is None or _NOT_A_PLAN.search(words) or sentence_tense(words) != FUTURE:
        return None
    # ("… would resume on Friday": dated there already; a claim with no phrase is undated, dated by nothing)
    if any(q.start <= c.anchor < q.end and c.start[1] for c in claims):
        return None
    lo, since = _on_or_after(saying, pub_day, pub_words)
    plan = Claim(saying.sentence, (f"[{lo}..]", "", f"A plan reported in someone's words, with no date of its own "
                                   f"(“{_short(words, 12, capital=False)}”): on or after {since}; what they said "
                                   "would happen, never a report that it did." + note),
                 None, "", q.start, tags=["undated", "planned", "reported-plan"], planned=True)
    plan.quotes.append(q)
    plan.attributions.append(q)
    return plan


def _on_or_after(saying: Claim, pub_day: str, pub_words: str) -> tuple[str, str]:
    """``(EDTF day, words)`` an undated plan or forecast is on or after: the saying's day when it is a
    known day not after publication, else the article's publication day."""
    day = _DAY_EDTF.match(saying.start[0])
    if day is not None and day.group("day") <= pub_day:
        return day.group("day"), f"the saying's date ({saying.start[1] or saying.start[0]})"
    return pub_day, f"the article's publication ({pub_words})"


def _forecast(q: FoundQuote, saying: Claim, claims: list[Claim], pub_day: str, pub_words: str,
              note: str) -> Claim | None:
    """The forecast in "X warned/feared/predicted/expected that Y will …" when its words give it no date: a
    claim tagged ``forecast`` and planned (never a fact: it may not happen), on or after the saying's day,
    showing ``q`` and its speaker; None when the words are not in the future tense ("feared that it had"),
    deny it ("would not"), are a judgement ("would be a mistake") or are dated in their own words."""
    words = q.text
    if _NOT_A_PLAN.search(words) or sentence_tense(words) != FUTURE:
        return None
    if any(q.start <= c.anchor < q.end and c.start[1] for c in claims):  # dated in its words: that claim (below)
        return None
    lo, since = _on_or_after(saying, pub_day, pub_words)
    who = q.attribution.person.name
    c = Claim(saying.sentence, (f"[{lo}..]", "", f"A forecast in {who}'s words (“{q.attribution.words}”: "
                                f"“{_short(words, 12, capital=False)}”), with no date of its own: on or after "
                                f"{since}; what they expect, never a report that it happened, nor a plan."
                                + note), None, "", q.start, tags=["undated", "planned", "forecast"], planned=True)
    c.quotes.append(q)
    c.attributions.append(q)
    return c


_UPPER_ONLY = re.compile(r"^\[\.\.(?P<y>\d{4})(?:-(?P<m>\d{2}))?(?:-(?P<d>\d{2}))?\]$")


def _after_saying(c: Claim, claims: list[Claim], pub_day: str | None, pub_words: str) -> None:
    """Give forecast ``c`` dated only "on or before" a bound ("before May": ``[..2023-04]``) the lower bound a
    forecast has: it is about what comes after it is made, so on or after the saying's day (the day the
    sentence gives the saying of the same words, else publication).  EDTF's range takes one precision, so
    the bound becomes its last day (``[2023-03-08..2023-04-30]``: the same instant as "before May", no day
    more than the text says, and the basis says so).  Unchanged when the bound lies before that day."""
    found = _UPPER_ONLY.match(c.start[0])
    if found is None or pub_day is None:
        return
    y, m, d = int(found.group("y")), int(found.group("m") or 12), found.group("d")
    last = _dt.date(y, m, int(d) if d else _cal.monthrange(y, m)[1])
    saying = next((x for x in claims if x is not c and x.anchor < c.anchor and not x.planned and
                   _DAY_EDTF.match(x.start[0]) and len(x.start[0].rstrip("?")) == 10 and
                   any(q in x.quotes for q in c.quotes)), c)  # (the saying of the same words, never another day)
    lo, since = _on_or_after(saying, pub_day, pub_words)
    if lo > last.isoformat():
        return
    shown = "" if d else f"; {last.day} {_cal.month_abbr[m]} {y} is only where that bound ends, no day the text gives"
    c.start = (f"[{lo}..{last.isoformat()}]", c.start[1],
               _join_basis(c.start[2], f"A forecast is of what comes after it is made: on or after {since}{shown}."))


def _looks_ahead(c: Claim, mentions: list[TimeMention], text: str) -> int | None:
    """Offset of the "feared"/"warned" whose object claim ``c`` dates ("Generals feared an offensive
    before May", see :func:`viewer.ingest.temporal._looks_ahead`), when no quote says who forecasts it (or the
    forecaster is named inside the reported words of a saying after them)."""
    m = next((m for m in mentions if m.start == c.anchor), None)
    at = m.extra.get("looks_ahead") if m is not None else None
    # ("Officials expect the convoy on Saturday, the governor said": the officials forecast it, inside the
    # governor's reported words, never the governor's plan)
    return at if isinstance(at, int) and all(q.kind == "reported" and q.start <= at < q.end and
                                             q.start < at and q.attribution.words and
                                             text.find(q.attribution.words, q.end) >= q.end
                                             for q in c.quotes) else None


def _join_basis(basis: str, note: str) -> str:
    """``basis`` then ``note`` as two sentences ("…, that day. Track '…': …")."""
    basis = basis.strip()
    if basis and basis[-1] not in ".!?)":
        basis += "."
    return f"{basis} {note}".strip()


def _actor(s: str, quotes: list[FoundQuote], title: str) -> tuple[str, list[str]]:
    s = s[dateline_length(s):]
    lead = DATE_LEAD.match(s)
    if lead is not None and lead.end() < len(s):  # "On Monday Peskov said …": no track "Monday Peskov"
        s = " " * lead.end() + s[lead.end():]
    # ("he said" standing for no one: no speaker, never a track "He", see _pronoun_note)
    people = [q.attribution.person for q in quotes if q.attribution.person.name and not unresolved_pronoun(q)]
    actors = actors_in(s)
    for p in people:
        if p.kind == "person" and p.name not in actors:
            actors.insert(0, p.name)
    if people and people[0].actor:
        return people[0].actor, actors
    if people and people[0].kind == "person":
        return people[0].name, actors
    subject = _subject(s)
    found = actors_in(subject or title)
    if found:
        return found[0], actors
    who = parse_person(subject) if subject else None
    if who is not None and who.kind == "person":  # ("Putin met …": Russia, by the list of leaders)
        return (who.actor if who.actor and LEADERS.get(who.name) == who.actor else who.name), actors
    found = actors_in(title)
    if found:
        return found[0], actors
    # (a name in quotation marks is a thing's: 'dubbed the plan “Operation Dawn”' is no actor)
    names = re.findall(r"(?<![.!?]\s)(?<!^)(?<![“\"«‘'])\b((?:[A-Z][a-z]+\s+){1,3}[A-Z][a-z]+)\b", s)
    if names:
        named = parse_person(names[0])
        return (named.actor or named.name or names[0]) if named.kind == "person" else names[0], actors
    if people and people[0].name and people[0].kind != "outlet":
        return people[0].name, actors
    return (actors[0] if actors else "Other"), actors


def claims_of(s: Sentence, pub: Publication, memory: PersonMemory, unresolved: list[Unresolved]) -> list[Claim]:
    """The dated and undated claims of one sentence (see module docstring)."""
    text = s.text
    if _METADATA.match(text) or _CORRECTION.match(text[dateline_length(text):]):
        return []  # "Published: 7 March 2024", "By Jane Doe", "Correction: …": about the article, not a claim
    dateline = dateline_length(text)
    mentions = [m for m in find_mentions(text, pub) if m.start >= dateline]  # the dateline dates the article
    for phrase in _unread_dates(text, mentions, dateline):  # ("by the autumn" once: no draft dated by it)
        unresolved.append(Unresolved(s.index, phrase, f"'{phrase}' names a time the draft could not read as a date: "
                                     "nothing is dated by it; check the sentence on review"))
    negated = _negated_saying(text, dateline)
    nobodys = [m for m in mentions if negated is not None and negated[0] <= m.start < negated[1]]
    mentions = [m for m in mentions if m not in nobodys]  # "No one said talks would resume on Friday": no plan
    denied = _DENIED_THAT.search(text, dateline) if negated is None else None
    denieds = [m for m in mentions if denied is not None and m.start >= denied.end()]
    passive = _REPORTS_DENIED.match(text, dateline) if negated is None and denied is None else None
    if passive is not None:  # "Reports that troops crossed on Monday were denied by the army": the reports'
        denied = passive  # Monday dates nothing, as in "The army denied reports that …"
        denieds = [m for m in mentions if passive.start("what") <= m.start < passive.start("verdict")]
    mentions = [m for m in mentions if m not in denieds]  # "denied … that it will close the border on 1 June"
    quotes = find_quotes(text, memory)
    if passive is not None:
        quotes = _denied_reports(text, passive, quotes, memory)
    for q in quotes:
        q.base = s.start
    date_speech(text, mentions, quotes, pub)  # "said on February 20: “… tomorrow”": from the 20th, not publication
    claims: list[Claim] = []
    pub_day = pub.day.isoformat() if pub.day else None
    note = ("" if pub.how in ("given", "dateline", "metadata") else
            " The publication day is itself inferred (see the reference date), so this bound is only as sure as"
            " that day.")
    for m in mentions:
        if m.edtf is None:
            unresolved.append(Unresolved(s.index, m.phrase, m.basis))
            if pub_day is None:
                continue
            after = m.tense == FUTURE
            start = (f"[{pub_day}..]" if after else f"[..{pub_day}]", m.phrase,
                     f"'{m.phrase}' could not be resolved ({m.basis}); written in the {m.tense} tense in an article "
                     f"of {pub.words}: on or {'after' if after else 'before'} that day." + note)
            claims.append(Claim(s, start, None, "", m.start, unresolved=True, planned=after))
            continue
        end = (m.end_edtf, m.extra.get("duration", m.phrase), m.end_basis) if m.end_edtf else None
        expected_end = None
        if end is not None and m.tense != FUTURE:  # a span wholly in the future tense is a planned span already
            end, expected_end = _end_as_of_source(end, pub, note)
            if expected_end is not None and pub.span_end is not None and \
                    expected_end[0] == pub.span_end[1].isoformat():
                expected_end = None  # stated elsewhere in the article ("will finish on February 20"): drafted there
        # a remark quoted was made by publication, whatever its tense ("would be a “good sign,” he said on Thursday");
        # reported plans stay plans ("according to Downing Street, Johnson will see ..."), and so do plans in
        # someone's own words, whenever they were said ('said on February 20: "We will meet tomorrow."': a plan
        # as of the 20th, never a meeting the article reports as held)
        if expected_end is not None:  # (before its span: the sentence's quotes go to the span)
            claims.append(Claim(s, expected_end, None, "", m.start, tags=["planned", "expected-end"], planned=True))
        in_words = any(q.start <= m.start < q.end for q in quotes)
        planned = (m.tense == FUTURE and (in_words or not _dates_a_saying(m.start, quotes, text))) or \
            m.extra.get("after_publication", False)
        claims.append(Claim(s, (m.edtf, m.phrase, m.basis), end, "", m.start, planned=planned))
        if m.day is not None and m.tense == PAST:
            w = _WHERE.search(text, m.end)
            if w and w.start() - m.end < 5:
                claims.append(Claim(s, (m.day.isoformat() + "?", text[m.start:w.end()],
                                        f"The article dates what comes before ('{m.phrase}': "
                                        f"{m.basis.split(':')[-1].strip()}) "
                                        "and places this after it without a date of its own: taken as that day, "
                                        "uncertain."), None, "", w.start() + 1))
        if m.day is not None and m.tense == FUTURE:
            b = _BEFORE_ING.search(text, m.end)
            if b and b.start() - m.end < 5:
                claims.append(Claim(s, (f"[{m.day.isoformat()}..]", b.group(0).strip(),
                                        f"After '{m.phrase}' ({m.day.isoformat()}); the article gives no day for it: "
                                        "on or after that day."), None, "", b.start() + 1, planned=True))
    if nobodys and negated is not None and pub_day is not None:
        # the sentence as of publication (nobody had said so by then), never a plan nor anyone's account
        dropped = ", ".join(f"'{m.phrase}'" for m in nobodys)
        why = (f"What was foreseen did not happen (“{negated[2]}”): {dropped} dates nothing that happened nor "
               "anyone's plan, so it dates nothing here" if " … but " in negated[2] else
               f"What is not expected (“{negated[2]}”): {dropped} in those words dates no one's plan nor "
               "forecast, so it dates nothing here" if _EXPECTING.search(negated[2]) else
               f"No one is said to have said it (“{negated[2]}”): {dropped} in those words dates no one's plan nor "
               "anyone's account, so it dates nothing here")
        claims.append(Claim(s, (f"[..{pub_day}]", "", (
            f"{why}; reported in an article of {pub.words}, so on or before that day." + note)), None, "",
                            nobodys[0].start, tags=["undated", "negated"]))
    unconfirmed = _UNCONFIRMED_THAT.search(text, dateline)
    for c in claims:
        if unconfirmed is not None and c.anchor >= unconfirmed.end() and not c.planned and \
                _DAY_EDTF.match(c.start[0]):
            c.start = (c.start[0].rstrip("?") + "?", c.start[1], _join_basis(c.start[2], (
                f"The article could not confirm it (“{unconfirmed.group(0)}”): uncertain, never a fact.")))
            c.tags.append("unconfirmed")
    if denieds and denied is not None and pub_day is not None:
        # a denial and nothing more: never a plan nor an account of what was denied (the rule above)
        phrases = ", ".join(f"'{m.phrase}'" for m in denieds)
        why = (f"{phrases} is in what was denied (“{denied.group(0)}”): it dates "
               "no plan nor anyone's account, only what the speaker says is not so.")
        if claims:  # the denial's own day ("denied on Monday that …")
            claims[0].start = (claims[0].start[0], claims[0].start[1], _join_basis(claims[0].start[2], why))
            claims[0].tags.append("denied")
        else:
            claims.append(Claim(s, (f"[..{pub_day}]", "", f"{why} The denial is reported in an article of "
                                    f"{pub.words}, so on or before that day." + note), None, "", denied.start(),
                                tags=["undated", "denied"]))
    if not claims and pub_day is not None:
        tense = sentence_tense(text)
        if quotes or tense == PERFECT or (tense == PAST and actors_in(text)):
            if is_ongoing(text) and tense == PERFECT:
                verb = re.search(r"\b(?:has|have)\s+(?:\w+ly\s+)?(?:been\s+)?\w+", text)
                phrase = verb.group(0) if verb else ""
                claims.append(Claim(s, ("..", phrase, "The article does not say since when."),
                                    (f"[{pub_day}..]", phrase, f"Still the case at publication ({pub.words}); the "
                                     "article gives no end: on or after that day." + note), "", 0))
            # a quoted remark was made by publication, whatever its tense; a plan reported in the future tense
            # ("The United States will send …, according to CNN") stays a plan
            elif tense == FUTURE and not any(q.kind == "direct" for q in quotes) and negated is None and \
                    denied is None and not any(q.kind == "reported" and _foresees(q) for q in quotes):
                # ("denied that it will close the border": a denial, never a plan; "Analysts predict that Russia
                # will attack": the saying, now, and their forecast drafted beside it, see _forecast)
                claims.append(Claim(s, (f"[{pub_day}..]", "", f"No date given; written in the future tense in an "
                                        f"article of {pub.words}: on or after that day." + note), None, "", 0,
                                    tags=["undated"], planned=True))
            else:
                verb = re.search(r"\b(?:has|have)\s+(?:\w+ly\s+|also\s+|not\s+)*(?:been\s+)?\w+", text)
                phrase = verb.group(0) if verb and tense == PERFECT else ""
                claims.append(Claim(s, (f"[..{pub_day}]", phrase,
                                        "No date given; reported "
                                        f"{'in the present perfect ' if tense == PERFECT else ''}"
                                        f"in an article of {pub.words}, so on or before that day." + note),
                                    None, "", 0, tags=["undated"]))
    elif not claims and not mentions and (quotes or sentence_tense(text) in (PERFECT, PAST)):
        unresolved.append(Unresolved(s.index, _short(text, 8), "undated claim and no publication date known: "
                                     "not placed"))
    # quotes go to the claim whose date is nearest before them (else the first)
    for q in quotes:
        best = None
        for c in claims:  # (never the date of an aside: "Anna Berg, …, which arrived on Monday, said: “…”")
            if c.anchor <= q.start and (best is None or c.anchor >= best.anchor) and \
                    aside_at(text, c.anchor) is None and not _other_saying(text, c.anchor, q, quotes) and \
                    not _other_words(c.anchor, q, quotes):
                best = c
        if q.kind == "reported":  # a reported clause goes to the claim dated inside it, if there is one
            best = next((c for c in claims if q.start <= c.anchor < q.end), best)
        fits = [c for c in claims if not _other_saying(text, c.anchor, q, quotes) and
                not _other_words(c.anchor, q, quotes)]
        own = relative_saying_span(text, q)
        if own != (0, 0):  # "Peskov, who said that NATO is a threat, said on Tuesday …": dated in its clause, or not
            fits = [c for c in fits if own[0] <= c.anchor < own[1]]
            best = fits[0] if fits else None
        if best is None and claims and not fits and pub_day is not None:
            # "Anna Berg, who said on Monday that …, said: “…”": her other saying's day is not this one's
            which = ("that of the main saying, after the clause about its speaker" if own != (0, 0) else
                     "that of another saying, in the clause about its speaker"
                     if any(_other_saying(text, c.anchor, q, quotes) for c in claims) else
                     "in other words of the speaker's, not these")
            if q.kind == "reported" and sentence_tense(text) == FUTURE and q.start <= _tense_verb_at(text):
                # "Aid flights will continue …, officials said, and …": their plan, never a fact (as an undated
                # sentence in the future tense is; "X said that … would …" stays the saying, by publication)
                best = Claim(s, (f"[{pub_day}..]", "", f"No date given for this plan (the date beside it is {which}); "
                                 f"written in the future tense in an article of {pub.words}: on or after that day."
                                 + note), None, "", q.start, tags=["undated"], planned=True)
            else:
                best = Claim(s, (f"[..{pub_day}]", "", f"No date given for this saying (the date beside it is "
                                 f"{which}); reported in an article of "
                                 f"{pub.words}, so on or before that day." + note), None, "", q.start,
                             tags=["undated"])
            claims.append(best)
        if best is None and fits:
            best = min(fits, key=lambda c: (aside_at(text, c.anchor) is not None, c.anchor))
        if best is not None:
            if q.attribution.person.name or q.kind == "direct":  # a direct quote stays, unattributed if need be
                best.quotes.append(q)
            best.attributions.append(q)
            plan = _reported_plan(text, q, best, claims, pub_day, pub.words, note)
            if plan is not None:
                claims.append(plan)
    # a claim drawn from inside a reported clause ("Officials said on Monday that 3,000 troops had crossed the
    # border in early February") is the speaker's claim, not the article's: it keeps the attribution; and any
    # claim of a sentence with an attributed speech verb carries it, never reading as fact
    named = [q for q in quotes if q.attribution.person.name]
    for c in claims:
        if c.quotes or not named or aside_at(text, c.anchor) is not None:
            continue  # ("Anna Berg, …, which arrived on Monday, said": the arrival is the article's account)
        if any(q.kind == "direct" and q.start <= c.anchor < q.end for q in named):
            continue  # dated in someone's own words ('…, adding: "We will meet on March 20"'): that quote's (below)
        inside = [q for q in named if q.kind == "reported" and q.start <= c.anchor < q.end]
        reported = inside or [q for q in named if q.kind == "reported"] or [
            # "The ministry said its forces had hit “military targets” on Friday and Saturday": Saturday is in the
            # words after its "said" as well, the ministry's claim (never past a comma: "…,” Berg said, as troops
            # crossed the border on Monday" is the article's account)
            q for q in named if q.kind == "direct" and q.attribution.words and
            0 <= (at := text.find(q.attribution.words)) and at + len(q.attribution.words) <= q.start and
            q.end <= c.anchor and "," not in text[at + len(q.attribution.words):q.start] + text[q.end:c.anchor]]
        if reported:  # (a direct quote stays with its own claim: "…, where she met Lavrov, who noted “…”")
            c.quotes.append(reported[0])
            c.attributions.append(reported[0])
    # a claim dated inside someone's direct quote ("Peskov said: “Lavrov told me … on Sunday”") is the
    # speaker's account, never the article's fact: it shows that quote and its speaker
    for c in claims:
        inside = [q for q in named if q.kind == "direct" and q.start <= c.anchor < q.end]
        if inside and inside[0] not in c.quotes:
            c.quotes.append(inside[0])
            c.attributions.append(inside[0])

    def said_dated(q: FoundQuote) -> bool:  # (a date inside another reported clause is not the saying's,
        # nor one in a relative clause: "…, which arrived on Monday, said")
        return any(o.anchor < q.start and aside_at(text, o.anchor) is None and
                   not any(r.kind == "reported" and r.start <= o.anchor < r.end for r in quotes if r is not q)
                   for o in claims)

    for k, c in enumerate(claims):
        mention = next((m for m in mentions if m.start == c.anchor), None)
        if ("before" in c.start[2][:7] or c.start[1].startswith(("before", "then"))) and \
                not (mention is not None and mention.phrase.lower().startswith("before ")):  # (not "before May")
            subj = _subject(text)
            rest = re.sub(r"^(?:before|then)\s+", "", c.start[1])
            c.title = _short(f"{subj} {rest}")
        elif mention is not None and not c.quotes and aside_at(text, c.anchor) is not None:
            c.title = _aside_title(text, c.anchor)  # "…, which arrived on Monday, said": "The mission arrived"
        elif mention is not None and any(q.kind == "reported" and q.attribution.words and
                                         mention.end <= text.find(q.attribution.words) < q.start <= mention.end + 40
                                         for q in c.quotes):
            q = next(q for q in c.quotes if q.kind == "reported")  # "In the spring of 2022, the ministry said, …"
            c.title = _short(q.text)
        elif mention is not None and any(_said_that(q, c.anchor, text) and said_dated(q) for q in c.quotes):
            # the saying has its own event ("Officials said on Monday"): this one is the clause's claim
            q = next(q for q in c.quotes if _said_that(q, c.anchor, text) and said_dated(q))
            c.title = _short(text[q.start:c.anchor])  # the reported clause up to its date, not "On Monday that …"
        elif mention is not None and (said_at := _said_after(c, text)) is not None and \
                not any(q.attribution.person.kind == "person" or unresolved_pronoun(q) or
                        q.attribution.person.name.startswith("unnamed official (“") for q in c.quotes):
            # "Talks will resume on Friday, officials said on Monday": Monday is the saying's day, titled as the
            # saying ("Officials said", as "Officials said on Monday that …" is), never as the talks on Monday
            # (a person's saying is titled "Berg: …" already, an unknown "he"'s "Unattributed: …")
            c.title = _framed_saying_title(text[said_at:c.anchor], c) or _said_before_title(c) or \
                _short(text[said_at:c.anchor])
        else:
            # (a date that opens the sentence is no part of a title's subject: "On Monday Peskov said")
            c.title = _title(blank_date_lead(text, dateline_length(text)),
                             mention if mention is not None or c.anchor else None, c.quotes)
        if "negated" in c.tags:  # what no one said, whole: "No one said the talks would resume on Friday"
            # (to the end of its clause: "None of the ministers said on Thursday that the talks had failed",
            # never cut at its date; "Nobody expected … on Tuesday, officials said" ends at the comma)
            upto = re.compile(r"[.!?]*\s*$" if negated is not None and " … but " in negated[2] else  # (whole:
                              r"[,;]\s|[.!?]*\s*$").search(text, nobodys[-1].end)  # "…, but it never came")
            c.title = _short(_LEADS.sub("", text[dateline:upto.start() if upto else len(text)].strip()), 12)
        if "unconfirmed" in c.tags and unconfirmed is not None:  # "Unconfirmed: the convoy arrived"
            c.title = _short("Unconfirmed: " + text[unconfirmed.end():c.anchor].strip(" ,"))
        c.title = _clean_title(c.title)
        if mention is not None and mention.extra.get("forward"):
            c.title = _agreed_title(text, mention) or c.title
        if not c.title.strip():
            c.title = _short(text)
        c.actor, c.actors = _actor(text, c.quotes, c.title)
        if k and not c.quotes and claims[0].actor and not actors_in(c.title):
            c.actor = claims[0].actor
        note = _person_track_note(text, c) or _leader_note(text, c)
        if note:
            c.start = (c.start[0], c.start[1], _join_basis(c.start[2], note))
        note = _pronoun_note(c.quotes)
        if note:
            c.start = (c.start[0], c.start[1], _join_basis(c.start[2], note))
        if c.end is None and pub.day is not None and c.start[0][:10] > pub.day.isoformat() and "[" not in c.start[0]:
            c.tags.append("planned")
            c.planned = True
    main = next((x for x in claims if aside_at(text, x.anchor) is None), None)
    for c in claims:  # "The mission arrived" (in an aside of Anna Berg's saying) goes on the saying's track
        if main is not None and not c.quotes and aside_at(text, c.anchor) is not None and not actors_in(c.title):
            c.actor = main.actor
            found = _OWN_TRACK_NOTE.search(main.start[2])
            if found and not _OWN_TRACK_NOTE.search(c.start[2]):
                c.start = (c.start[0], c.start[1], _join_basis(c.start[2], found.group(0).strip()))
    for c in claims:  # "…, which, officials said, arrived on Monday, …": the arrival is the officials' account
        aside = aside_at(text, c.anchor) if not c.quotes else None
        inner = _INNER_SAID_AT.match(text, aside[0]) if aside is not None else None
        if aside is None or inner is None:
            continue
        who = parse_person(" ".join(inner.group("who").split()))
        qa, aside_end = inner.end(), aside[1]
        qa += len(text[qa:aside_end]) - len(text[qa:aside_end].lstrip())
        qb = qa + len(text[qa:aside_end].rstrip(" ,."))
        if who.name and qb > qa:
            q = FoundQuote(text[qa:qb], qa, qb, "reported", Attribution(who, " ".join(inner.group("said").split())))
            q.base = s.start
            c.quotes.append(q)
            c.attributions.append(q)
    for c in claims:
        if "denied" not in c.tags and not c.planned and \
                any(q.kind == "reported" and _DENIAL.search(q.attribution.words) for q in c.quotes):
            c.tags.append("denied")  # ("The Kremlin denied reports that …": a denial, whether or not it holds a date)
        if "reported-plan" in c.tags:  # titled by the words planned, never the saying's "Berg: …"
            said = c.quotes[0] if c.quotes else c.attributions[0]
            c.title = _clean_title(_short(said.text))
            who = said.attribution.person
            if who.kind == "person" and who.name and not unresolved_pronoun(said):  # "she would resign": Berg
                c.title = re.sub(r"^(?:He|She)\b", who.surname or who.name, c.title)
        # (a saying drafted with no date of its own, anchored at its words' start, is the saying, on or before
        # publication: never its forecast, which is drafted on or after the saying, see _forecast)
        dated_inside = c.planned or any(m.start == c.anchor for m in mentions)
        forecast = next((q for q in c.quotes if q.kind == "reported" and _foresees(q)
                         and ("forecast" in c.tags or (dated_inside and q.start <= c.anchor < q.end))), None)
        if "expected-end" in c.tags:  # titled and tracked as the span whose end it is
            span = next(x for x in claims if x.anchor == c.anchor and x.end is not None)
            c.title, c.actor, c.actors = _short(f"Expected end: {span.title}", 12), span.actor, list(span.actors)
        elif forecast is not None:  # "Analysts predicted … that prices will rise next month": their forecast, dated
            if "forecast" not in c.tags:
                c.tags.append("forecast")
                c.start = (c.start[0], c.start[1], _join_basis(c.start[2], (
                    f"A forecast in the words of {forecast.attribution.person.name} "
                    f"(“{forecast.attribution.words}”): what they expect, never a report that it happened, "
                    "nor a plan.")))
            c.planned = True
            if "planned" not in c.tags:
                c.tags.append("planned")
            by = _speaker_words(forecast)
            words = _forecast_words(forecast, c, mention)
            title = _clean_title(_short(words))
            first = words.split(" ")[0]
            if first and title.split(" ")[0] == first[:1].upper() + first[1:]:
                title = first + title[len(first):]
            c.title = f"{by} (forecast): {title}" if by else f"Forecast: {title}"
            _after_saying(c, claims, pub_day, pub.words)
        elif (ahead := _looks_ahead(c, mentions, text)) is not None and pub_day is not None and \
                NEGATED_SUBJECT.match(_LEADS.sub("", text[dateline:ahead].strip())):
            # "No change is expected before May": no one's forecast, nothing to date (as "No one said …")
            c.tags = [t for t in c.tags if t != "planned"] + ["undated", "negated"]
            c.planned = False
            c.title = _clean_title(_short(_LEADS.sub("", text[dateline:c.anchor + len(c.start[1])].strip()), 12))
            c.start = (f"[..{pub_day}]", "", (
                f"What is foreseen here is foreseen by no one or is nothing ('{c.start[1]}' dates it): nothing to "
                f"date; reported in an article of {pub.words}, so on or before that day." + note))
        elif (ahead := _looks_ahead(c, mentions, text)) is not None:  # "Generals feared an offensive before May"
            fearer = _LEADS.sub("", text[dateline:ahead].strip()).strip(" ,")
            verb = re.match(r"\w+", text[ahead:])
            feared = text[ahead + (verb.end() if verb else 0):c.anchor + len(c.start[1])].strip()
            feared = re.sub(r"^(?:of|that)\s+", "", feared)  # ("warned of an offensive before May")
            if re.search(r"\b(?:is|are|was|were|be|been)$", fearer):  # "The deal is expected before May": the
                fearer = ""  # whole clause is what is foreseen, by no one named
                feared = _LEADS.sub("", text[dateline:c.anchor + len(c.start[1])].strip())
            c.tags += [t for t in ("forecast", "planned") if t not in c.tags]
            c.planned = True
            c.title = _clean_title(_short(f"{fearer[:1].upper() + fearer[1:]} (forecast): {feared}" if fearer
                                          else f"Forecast: {feared}", 12))
            c.start = (c.start[0], c.start[1], _join_basis(c.start[2], (
                f"What {fearer} {verb.group(0) if verb else 'foresaw'}: a forecast, never a report that it "
                "happened, nor a plan." if fearer else
                "What is foreseen, by whom the article does not say: a forecast, never a report that it "
                "happened, nor a plan.")))
            _after_saying(c, claims, pub_day, pub.words)
        elif c.planned:  # a plan someone reported: its title says who says so ("Talks will resume" read as the
            # article's own word; "Officials: Talks will resume" is the officials' word, as the saying's "Berg: …")
            c.title = _with_speaker(c)
    return _distinct(claims)


def _forecast_words(q: FoundQuote, c: Claim, mention: TimeMention | None) -> str:
    """The words of forecast ``q`` that title claim ``c``, dated inside them: the whole words, the date cut
    out with "…" when more follows it ("the dam would fail next month after heavy rains" -> "the dam would
    fail … after heavy rains": the event's date says when; never the words cut at the date alone), or the
    words up to the date when nothing follows ("prices will rise next month" -> "prices will rise")."""
    own = _OWN_FORECAST.match(q.text)  # ("it expects the strike to end": the speaker's "(forecast)" says so)
    skip = own.end() if own is not None and own.end() < c.anchor - q.start else 0
    if not q.start < c.anchor < q.end:
        return q.text[skip:]
    head = q.text[skip:c.anchor - q.start]
    end = mention.end if mention is not None else c.anchor + len(c.start[1])
    rest = q.text[max(0, end - q.start):].strip(" ,;:—–-")
    if not re.search(r"\w", rest):
        return head
    return f"{head.rstrip(' ,;:')} … {rest}"


def _speaker_words(q: FoundQuote) -> str:
    """Who said ``q`` as a title names them: ``"Berg"`` (a long name's surname), ``"Officials"``, ``"The
    minister"`` (the article's words for an unnamed official); "" for an unresolved "he" or no speaker."""
    p = q.attribution.person
    if not p.name or unresolved_pronoun(q):
        return ""
    who = p.surname if p.kind == "person" and len(p.name.split()) > 2 else p.name
    as_written = re.match(r"unnamed (?:official )?\(“(?P<w>[^”]+)”", who)
    if as_written:
        who = as_written.group("w")
    elif who.startswith("unnamed"):
        return ""
    return who[:1].upper() + who[1:]


def _with_speaker(c: Claim) -> str:
    """The title of planned claim ``c`` led by the speaker of the reported speech it is read from (the plan's
    date inside their words, or a reported plan), marked as their plan: ``"Officials (plan): talks will
    resume"``, never the saying's own ``"Officials: talks will resume on Friday"`` (the saying, on its day, is
    drafted beside the plan: the two told apart at a glance, as a forecast's ``"Analysts (forecast): …"``);
    the title unchanged when it is no one's reported words or names the speaker already."""
    said = next((q for q in c.quotes if q.kind == "reported" and
                 ("reported-plan" in c.tags or q.start <= c.anchor < q.end or
                  # ("According to officials, talks will resume.": the whole undated plan is their words)
                  "undated" in c.tags and q.attribution.words.lower().startswith("according to"))), None)
    if said is None:
        return c.title
    who = _speaker_words(said)
    title = c.title
    verb = re.match(rf"(?:the\s+)?{re.escape(who)}(?::\s+|\s+(?:said|says|announced|added|stated|confirmed|"
                    rf"told\s+\w+)\s+(?:that\s+)?)", title, re.I) if who else None
    if verb is not None and title[verb.end():].strip():  # "Officials said that talks would resume", "Berg: the
        title = title[verb.end():]  # talks would resume on Friday", dated Friday: the plan in their words, never
        # titled as their saying
    elif not who or who.lower() in c.title.lower() or said.attribution.person.surname.lower() in c.title.lower():
        return c.title
    first = said.text.split(" ")[0]
    if first and title.split(" ")[0] == first[:1].upper() + first[1:]:
        title = first + title[len(first):]  # the source's own case: "Officials: talks would resume"
    if title.split(" ")[0] in ("The", "A", "An", "It", "This", "That", "These", "Those", "Its"):
        title = title[:1].lower() + title[1:]  # "Officials: the talks would continue …"
    return f"{who} (plan): {title}"


def _distinct(claims: list[Claim]) -> list[Claim]:
    """``claims`` without a repeat of an earlier one of the sentence: the same date, title, quotes and plan
    ("Speaking in Downing Street on Monday, Johnson warned on Monday that …" names its day twice: one draft,
    never the same draft to review twice).  The first keeps its date phrase."""
    out: list[Claim] = []
    seen: set[tuple[object, ...]] = set()
    for c in claims:
        key = (c.start[0], c.end[0] if c.end else None, c.title, c.planned, c.actor, tuple(c.tags),
               tuple((q.start, q.end, q.kind, q.attribution.person.name) for q in c.quotes))
        if key in seen:
            continue
        seen.add(key)
        out.append(c)
    return out


PEOPLE_TRACK = "People"
"""The track of people the article names once and ties to no country or organisation on the list."""

_GENERIC = re.compile(r"(?:(?:anonymous|unnamed|senior|western|local|some|other|several|many|two|three|"
                      r"government|military|security|intelligence|union|company|party)\s+)*"
                      r"(?:officials?|diplomats?|sources?|analysts?|"
                      r"witnesses|residents|authorities|people|experts|observers|insiders|aides?|advisers|advisors|"
                      r"organi[sz]ers|police|prosecutors|unnamed official\b.*)", re.I)
"""Who the article does not name: never a track of its own ("officials said")."""

_OWN_TRACK_NOTE = re.compile(r"\s*Track '[^']*': a track of its own, .*? on review\.")


_APPOSITIVE_ROLE = re.compile(r"(?:the|its|their)\s+\S+(?:\s+\S+){0,5}$", re.I)
"""A role set off before a name by a comma: a short phrase beginning with "the" ("The British
Prime Minister, Boris Johnson,")."""


def _begins_with_country(role: str) -> bool:
    """``role`` begins with the country it names, in at most 7 words ("Britain's prime minister")."""
    first = role.split()[0] if role.split() else ""
    return len(role.split()) <= 7 and bool(first) and country_of(first) == country_of(role)


def _tied_country(name: str, text: str) -> str:
    """The country or organisation the article ties ``name`` to where it names them: a role
    before the name ("British Foreign Secretary Liz Truss", "The British Prime Minister, Boris
    Johnson,") or after it ("Liz Truss, the British foreign secretary,"); ``""`` when none."""
    for m in re.finditer(rf"(?<![\w]){re.escape(name)}(?![\w])", text):
        pieces = re.split(r"([,.;:!?—–“”\"])", text[max(0, m.start() - 80):m.start()])
        before = pieces[-1].strip()
        whole = len(pieces) > 3 or m.start() <= 80  # the clause before the comma, not its cut-off end
        if not before and whole and len(pieces) >= 3 and pieces[-2] == "," and text[m.end():m.end() + 1] == ",":
            # set off by commas: "The British Prime Minister, Boris Johnson, said"; never a clause
            # before it ("After meeting the German chancellor, Boris Johnson, who…")
            role = re.split(r"\s-\s", pieces[-3])[-1].strip()  # (after a dateline's " - ")
            if _APPOSITIVE_ROLE.match(role) or (country_of(role) and _begins_with_country(role)):
                before = role
        if before and _ROLE_END.search(before) and (country_of(before) or office_country(before, text)):
            return country_of(before) or office_country(before, text)  # "Foreign Secretary Liz Truss": the UK
        after = re.match(rf",\s+(?:the\s+|an?\s+)?(?P<role>[^,.;]{{0,80}}?\b(?:{ROLE_WORDS})\b[^,.;]*)",
                         text[m.end():m.end() + 120], re.I)
        if after and (country_of(after.group("role")) or office_country(after.group("role"), text)):
            return country_of(after.group("role")) or office_country(after.group("role"), text)
    return ""


_SPEAKS_FOR = r"(?i:(?:an?\s+|the\s+)?spokes(?:man|woman|person)\s+(?:for|of)\s+(?:the\s+)?)" \
    r"(?P<org>(?:[A-Z](?:[\w’'&-]|\.(?=\w))*[ \t]+){0,4}[A-Z](?:[\w’'&-]|\.(?=\w))*|[a-z]+(?:[ \t]+[a-z]+)?)"
"""'a spokesman for the Dockworkers Union' (a capitalised name on one line, "U.N." kept, never a sentence's
full stop), or 'for the union' (a common noun of one or two words)."""


def _speaks_for(name: str, text: str) -> str:
    """The organisation a spokesperson ``name`` speaks for where the article names them ("a spokesman for the
    union, Piet de Vries", "Anna Berg, a spokeswoman for the Port Authority"): its words as written, "" when
    none."""
    for m in re.finditer(rf"(?<![\w]){re.escape(name)}(?![\w])", text):
        before = re.search(rf"{_SPEAKS_FOR},\s+$", text[max(0, m.start() - 90):m.start()])
        after = re.match(rf",\s+{_SPEAKS_FOR}\b", text[m.end():m.end() + 90])
        found = before or after
        if found is not None:
            return found.group("org")
    return ""


_SMALL_WORDS = frozenset({"of", "the", "for", "and", "on", "in", "at", "to", "a", "an"})


def _track_case(actor: str, text: str) -> str:
    """Track label of lower-case ``actor`` ("transport ministry"): as the article writes it capitalised
    somewhere ("Transport Ministry"), else in title case, the small words kept ("Ministry of transport" ->
    "Ministry of Transport")."""
    for m in re.finditer(rf"(?<!\w){re.escape(actor)}(?!\w)", text, re.I):
        if m.group(0) != m.group(0).lower():
            words = m.group(0).split()
            if all(w[:1].isupper() or w.lower() in _SMALL_WORDS for w in words):
                return " ".join(words)
    return " ".join(w if k and w in _SMALL_WORDS else w[:1].upper() + w[1:] for k, w in enumerate(actor.split()))


def settle_tracks(claims: list[Claim], text: str) -> None:
    """The tracks of the drafts, once the whole article is read: who the article does not name
    ("officials", "diplomats", "sources") is no track (the sentence's country, else Other); a
    person named once goes to the country or organisation the article ties them to, else to
    :data:`PEOPLE_TRACK`; a person named more than once keeps a track of their own."""
    for c in claims:
        actor = c.actor
        if not actor or actor in GAZETTEER.values() or actor == "Other":
            continue
        lower = actor == actor.lower()
        if lower and len(actor.split()) > 1 and not _GENERIC.fullmatch(actor.strip()):
            c.actor = _track_case(actor, text)  # "the transport ministry said": as the article capitalises it
            continue
        if _GENERIC.fullmatch(actor.strip()) or lower:
            # ("officials", and a lower-case common noun alone, "the army said": no track of its own)
            named = [a for a in c.actors if a in GAZETTEER.values()]
            c.actor = named[0] if named else "Other"
            continue
        tied = _tied_country(actor, text)
        person = bool(tied) or bool(_OWN_TRACK_NOTE.search(c.start[2]))  # (not "the Normandy Format")
        if not person or len(re.findall(rf"(?<![\w]){re.escape(Person(actor).surname)}(?![\w])", text)) > 1:
            continue  # a person named again keeps a track of their own
        org = "" if tied else _speaks_for(actor, text)
        if org:  # "a spokesman for the union, Piet de Vries": the union's words, on the union's track (a
            # lower-case common noun is no track of its own: there, as "The union has denied …" is)
            if org == org.lower():
                named = [a for a in c.actors if a in GAZETTEER.values()]
                c.actor = named[0] if named else "Other"
            else:
                c.actor = org
            c.start = (c.start[0], c.start[1], _join_basis(_OWN_TRACK_NOTE.sub("", c.start[2]), (
                f"Track '{c.actor}': {actor} speaks for “{org}”, as the article says"
                + (" (a common noun, no track of its own)" if org == org.lower() else "")
                + "; move the event on review if that is wrong.")))
            continue
        c.actor = tied or PEOPLE_TRACK
        basis = _OWN_TRACK_NOTE.sub("", c.start[2])
        if not tied:
            role = next((q.attribution.person.role for q in c.quotes
                         if q.attribution.person.name == actor and q.attribution.person.role), "")
            # ("Anna Berg, the mission head": whose mission the role does not say, and a dateline's "KYIV" is
            # where the article was written, not whose official she is: never guessed)
            said = (f"; the role the article gives, “{role}”, names none"
                    + (", and the dateline's place is where the article was written, not whose official this is"
                       if dateline_length(text) else "")) if role else ""
            basis = _join_basis(basis, f"Track '{PEOPLE_TRACK}': {actor} is named once and tied to no country or "
                                f"organisation on the draft's list (countries, capitals, seats of government, NATO, "
                                f"EU, UN){said}; move the event to the right track on review.")
        c.start = (c.start[0], c.start[1], basis)


def speaker_of(c: Claim) -> Person | None:
    """The first named speaker of a claim's quotes."""
    return next((q.attribution.person for q in c.quotes if q.attribution.person.name), None)
