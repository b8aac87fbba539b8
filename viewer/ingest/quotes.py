"""Quotes and attribution in news sentences.

* **Direct speech**: words in quotation marks (“…” or "…"), with the
  speaker found after the quote ("…,” said Le Drian", "…,” he said"), before
  it ("Peskov said: “…”", "Lavrov, who noted that … “…”"), or from an
  "according to X" in the same sentence.  A quote split around "he said"
  gives two quotes, both verbatim, with one speaker.  A name in quotation
  marks ('dubbed “Allied Resolve-2022”') is not a quote.
* **Reported speech** ("X said (that) …", "According to X, …", "…, according
  to X.") is kept as a quote of kind REPORTED: the article's words, never
  presented as the speaker's.  A reported clause that holds a direct quote
  gives only the direct quote.
* **Attribution chains**: "according to X, citing Y" and "X reported,
  citing Y," make Y a source relayed via X, itself relayed via the article.
* "he" / "she" is the person last named before it (in the sentence, else in
  the article so far); a surname alone ("Peskov stated") is the person named
  in full earlier.  With no speaker found a quote keeps an empty speaker
  (listed as unattributed): a speaker is never guessed.

Every quote's ``start``/``end`` are offsets in the sentence with
``sentence[start:end] == text``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .actors import SPEAKER, Person, parse_person

__all__ = ["FoundQuote", "Attribution", "find_quotes", "PersonMemory"]

_VERBS = (r"said|says|say|stated|states|told\s+(?:\w+\s+){0,3}?(?:reporters|journalists|the\s+\w+|[A-Z]\w+|him|her|"
          r"them|us|a\s+\w+(?:\s+\w+)?)|tells|noted|notes|added|adds|warned|warns|wrote|writes|claimed|claims|"
          r"announced|announces|insisted|insists|argued|argues|confirmed|confirms|denied|denies|explained|"
          r"explains|declared|declares|remarked|stressed|stresses|emphasised|emphasized|asserted|asserts|"
          r"acknowledged|admitted|replied|responded|reported|reports|tweeted|posted|alleged|alleges|"
          r"predicted|pledged|promised|vowed|suggested|suggests")
_VERB = re.compile(rf"\b(?:{_VERBS})\b")
_NAMING = re.compile(r"\b(?:dubbed|called|named|known as|so-called|code-?named|titled|entitled|nicknamed|"
                     r"labelled|labeled|branded|the word|the term|slogan)\s*$", re.I)
_QUOTE = re.compile(r"“(?P<a>[^”]{1,2000})”|\"(?P<b>[^\"]{1,2000})\"")
_AFTER = re.compile(rf"^\s*(?P<verb1>{_VERBS})\s+(?P<who1>{SPEAKER})|^\s*(?P<who2>{SPEAKER}|he|she|they)\s+"
                    rf"(?P<verb2>{_VERBS})\b")
_BEFORE = re.compile(rf"(?P<who>{SPEAKER}|\b[Hh]e|\b[Ss]he|\b[Tt]hey)\s+(?:also\s+|later\s+|then\s+)?"
                     rf"(?P<verb>{_VERBS})(?:\s+(?:in\s+an?\s+\w+|on\s+\w+|at\s+an?\s+\w+(?:\s+\w+)?))?"
                     rf"(?:\s+that)?\s*[,:]?\s*$")
_WHO = re.compile(rf"(?P<who>{SPEAKER}),\s+who\s+(?:also\s+)?(?P<verb>{_VERBS})\b")
_ACCORDING = re.compile(r"\b[Aa]ccording to (?P<who>[^,.;“\"]+?)(?=,|\.$|\.\s|;|$)")
_CITING = re.compile(r",?\s*citing (?P<who>[^,.;“\"]+)")
_REPORTED = re.compile(rf"(?P<who>{SPEAKER}|\b[Hh]e|\b[Ss]he)\s+(?:(?:also|later|then|has|have|had|previously|"
                       rf"repeatedly)\s+)*(?P<verb>{_VERBS})(?P<cite>,\s*citing [^,]+,)?\s+(?:that\s+)?"
                       rf"(?=[A-Za-z“\"])")
_TIME_TAIL = re.compile(r"\s+(?:on|last|this|in|at)\s+(?:\w+\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|"
                        r"Saturday|Sunday|morning|evening|week|month|year|January|February|March|April|May|June|"
                        r"July|August|September|October|November|December)\b.*$")
_LEAD = re.compile(r"^(?:(?:Last|Next|On|This|Earlier|Later)\s+\w+(?:\s+\w+)?|Meanwhile|However|Separately|"
                   r"Also|When asked[^,]*|Speaking[^,]*|In (?:a|an) [^,]*|On \w+ \d+|Yesterday|Today),\s*")


@dataclass
class Attribution:
    """Who a claim is attributed to: ``person``, the verbatim ``words``, and
    the chain of relays beyond the article (``via``: nearest relay first)."""

    person: Person
    words: str
    via: list[Person] = field(default_factory=list)
    interview: bool = False


@dataclass
class FoundQuote:
    """A quote of one sentence: ``text == sentence[start:end]``; ``kind``
    ``"direct"`` or ``"reported"``; ``attribution`` may have an empty person
    (unattributed)."""

    text: str
    start: int
    end: int
    kind: str
    attribution: Attribution


class PersonMemory:
    """People named so far in the article: resolves "he"/"she" and surnames."""

    def __init__(self) -> None:
        self.people: dict[str, Person] = {}
        self.last: Person | None = None

    def note(self, p: Person) -> Person:
        """Remember ``p`` (returns the fuller person when ``p`` is a surname seen before)."""
        if p.kind == "pronoun":
            return self.last or Person("", "", "", "unknown")
        if p.kind == "person" and p.name:
            key = p.name.split()[-1]
            full = self.people.get(key)
            if full is not None and len(full.name) >= len(p.name) and full.name.endswith(p.name):
                p = Person(full.name, p.role or full.role, p.actor or full.actor, "person")
            self.people[key] = p
            self.last = p
        elif p.kind in ("office", "unnamed") and len(p.name.split()) == 1:
            full = self.people.get(p.name)
            if full is not None:
                self.last = full
                return full
        return p


def _speaker(phrase: str, memory: PersonMemory) -> Person:
    phrase = _LEAD.sub("", phrase.strip())
    phrase = re.sub(r"^(?:[A-Z]\w+ly|Meanwhile|However|But|And|Also|Then),?\s+", "", phrase)
    return memory.note(parse_person(phrase))


def _trim(sentence: str, a: int, b: int) -> tuple[int, int]:
    """Shrink ``[a, b)`` past white space and the punctuation that closes a
    sentence or a quotation inside the marks ("good sign," -> "good sign")."""
    while a < b and sentence[a] in " \t":
        a += 1
    while b > a and sentence[b - 1] in " \t,.;:":
        b -= 1
    return a, b


def _according(sentence: str, memory: PersonMemory, remember: bool = True) -> tuple[Attribution, re.Match] | None:
    m = _ACCORDING.search(sentence)
    if not m:
        return None
    who = m.group("who").strip()
    name = _TIME_TAIL.sub("", who)
    via: list[Person] = []
    person = parse_person(name)
    if remember:
        person = memory.note(person)
    cite = _CITING.match(sentence, m.end())
    words = sentence[m.start():m.end()]
    if cite:
        relay = person
        person = memory.note(parse_person(_TIME_TAIL.sub("", cite.group("who").strip())))
        via = [relay]
        words = sentence[m.start():cite.end()]
    return Attribution(person, words, via, "interview" in sentence), m


def find_quotes(sentence: str, memory: PersonMemory) -> list[FoundQuote]:
    """Direct and reported quotes of one sentence with their attribution.

    ``memory`` carries the people named in earlier sentences and is updated.
    Returns quotes in text order; offsets are relative to ``sentence``.
    """
    out: list[FoundQuote] = []
    according = _according(sentence, memory)
    # people named in the sentence before any quote, for "he said"
    direct: list[tuple[int, int, int, int]] = []  # inner a, b; outer a, b
    for m in _QUOTE.finditer(sentence):
        inner = m.span("a") if m.group("a") is not None else m.span("b")
        if _NAMING.search(sentence[:m.start()]):
            continue
        a, b = _trim(sentence, *inner)
        if b > a:
            direct.append((a, b, m.start(), m.end()))
    previous: Attribution | None = None
    for k, (a, b, oa, ob) in enumerate(direct):
        attr: Attribution | None = None
        after = sentence[ob:]
        ma = _AFTER.match(after)
        if ma:
            who = ma.group("who1") or ma.group("who2")
            words_end = ob + ma.end()
            tail = re.match(r"[^,.;“\"]*", sentence[words_end:])
            words = sentence[ob:words_end + (tail.end() if tail else 0)].strip(" ,")
            attr = Attribution(_speaker(who, memory), words, [], "interview" in words)
        if attr is None:
            before = sentence[:oa]
            mb = _BEFORE.search(before)
            mw = None
            for mw in _WHO.finditer(before):
                pass
            if mw is not None:
                attr = Attribution(_speaker(mw.group("who"), memory), sentence[mw.start():mw.end()].strip())
            elif mb is not None and not _VERB.fullmatch(mb.group("who").strip()):
                attr = Attribution(_speaker(mb.group("who"), memory), sentence[mb.start():mb.end()].strip(" ,:"),
                                   [], "interview" in mb.group(0))
        if attr is None and previous is not None and k > 0:
            gap = sentence[direct[k - 1][3]:oa]
            if len(gap) < 60:  # the second half of a quote split around "he said"
                attr = previous
        if attr is None and according is not None:
            attr = according[0]
        if attr is not None and attr.person.kind == "unknown":
            attr = None
        if attr is not None and according is not None and attr.person.name and according[0].person.name and \
                attr.person.name == according[0].person.name and according[0].words not in attr.words:
            attr = Attribution(attr.person, according[0].words + ", … " + attr.words, attr.via,
                               attr.interview or according[0].interview)
        attr = attr or Attribution(Person("", kind="unknown"), "")
        previous = attr
        out.append(FoundQuote(sentence[a:b], a, b, "direct", attr))
    if direct:
        return out
    # reported speech: "X said (that) ..." (no quotation marks in the clause)
    for m in _REPORTED.finditer(sentence):
        who = m.group("who")
        if len(who.split()) > 10 or re.match(r"(?:[Tt]he|[Aa]n?|It|This|That)\b", who.strip()) and \
                parse_person(_LEAD.sub("", who)).kind not in ("office", "unnamed", "outlet"):
            continue
        person = _speaker(who, memory)
        if not person.name or person.kind == "unknown":
            continue
        a, b = _trim(sentence, m.end(), len(sentence))
        acc = re.search(r",\s*according to\b", sentence[a:b])
        if acc:
            b = a + acc.start()
        via: list[Person] = []
        if m.group("cite"):
            relay = person
            person = memory.note(parse_person(m.group("cite").strip(", ")[len("citing "):]))
            via = [relay]
        clause_start = sentence.rfind(",", 0, m.start())
        words = sentence[clause_start + 1 if clause_start >= 0 and m.start() - clause_start < 3 else 0:m.end()]
        words = sentence[:m.end()].strip() if len(sentence[:m.start()]) < 40 else sentence[m.start():m.end()].strip()
        if b > a + 3:
            out.append(FoundQuote(sentence[a:b], a, b, "reported",
                                  Attribution(person, words.rstrip(" ,"), via, "interview" in sentence)))
        return out
    if according is not None:
        attr, m = according
        if m.start() <= 12 or sentence[:m.start()].strip() in ("Meanwhile,", "However,", "But"):
            a, b = _trim(sentence, m.end() + 1, len(sentence))
            if attr.via:
                a, b = _trim(sentence, m.end() + len(attr.words) - (m.end() - m.start()) + 1, len(sentence))
        elif sentence[m.end():].strip() in (".", ""):
            a, b = _trim(sentence, 0, sentence.rfind(",", 0, m.start()))
        else:
            return out  # "…, according to X, …": no one clause is theirs
        if b > a + 3 and not attr.person.kind == "unknown":
            out.append(FoundQuote(sentence[a:b], a, b, "reported", attr))
    return out
