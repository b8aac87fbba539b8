"""The tense of the clause around a word: past, future, present or perfect.

News English dates relative expressions by tense ("met on Thursday" is the
last Thursday, "will meet on Thursday" the next), which general date parsers
do not see (dateparser's ``PREFER_DATES_FROM`` is one setting for a whole
text).  These rules look at the verbs of the clause around a position.
"""

from __future__ import annotations

import functools
import re

__all__ = ["PAST", "FUTURE", "PRESENT", "PERFECT", "tense_at", "clause_bounds", "is_ongoing", "has_verb"]

PAST, FUTURE, PRESENT, PERFECT = "past", "future", "present", "perfect"

_FUTURE_STRICT = re.compile(
    r"\b(?:will|shall|won['’]t|would)\b|['’]ll\b|\b(?:is|are)\s+(?:due|set|scheduled|slated|expected|poised|planned|"
    r"going|planning|to)\b|(?<!denied )(?<!denies )(?<!deny )(?<!the )(?<!its )(?<!their )(?<!his )(?<!her )"
    r"(?<!no )(?<!any )(?<!of )\bplans? to\b|\bupcoming\b|"
    # "Aid workers expect a second convoy on Saturday", "intends to send": a plan (never "had expected")
    r"(?<!had )(?<!have )(?<!has )\b(?:expects?|intends?)\b|\b(?:might|could|should|(?-i:may))\s+(?!have\b)\w+", re.I)
_PERFECT = re.compile(
    r"\b(?:has|have|'ve)\s+(?:(?:also|consistently|repeatedly|long|already|now|not|never|since|been|"
    r"recently|just|still|previously|so far|twice|often)\s+)*(?:\w+(?:ed|en|wn|ght|ne|un|ut|id|ld|ot|et|ept)|"
    r"been|made|said|told|met|held|led|sent|seen|gone|put|set|cut|hit|run|won|begun|become)\b", re.I)
_IRREGULAR_PAST = (
    "was|were|had|did|said|told|met|began|went|saw|took|made|gave|came|left|spoke|held|led|sent|"
    "wrote|rose|fell|won|lost|struck|fought|flew|drove|broke|brought|bought|thought|found|kept|"
    "stood|sat|ran|became|chose|drew|hit|put|set|cut|shut|quit|read|felt|heard|knew|meant|paid|"
    "sold|spent|swore|threw|understood|withdrew|overtook|undertook|arose|sought|taught|caught|"
    "built|lit|shot|slid|stole|woke|wore|bore|beat|bit|blew|grew|hung|laid|lay|rode|rang|sang|"
    "sank|shook|spun|sprang|swam|tore|wept|wound|froze|forbade|forgave|got|dealt|fled|fed|bent|"
    "noted|added|warned|stated|announced|claimed|denied|reported|confirmed|"
    # (war news: "the army retook the village on Monday" is past, never "the last Monday or the next")
    "retook|rebuilt|overran|overthrew|upheld|withheld|foresaw|mistook|slew|hid"
)
_PAST = re.compile(rf"\b(?:{_IRREGULAR_PAST})\b|(?-i:\b[a-z]{{2,}}ed\b)", re.I)  # "Allied" is no verb
# -ed words that are mostly adjectives or nouns in news text, not finite verbs
_NOT_VERBS = {"red", "bed", "shed", "need", "speed", "seed", "feed", "united", "armed", "based", "related",
              "detailed", "limited", "advanced", "alleged", "unprecedented", "so-called", "named", "dubbed",
              "called", "aimed", "scheduled", "expected", "planned", "proposed", "increased", "hundred",
              "skilled", "interested", "concerned", "supposed", "embed", "indeed", "breed", "creed", "exceed",
              "proceed", "succeed", "sacred", "wicked", "naked", "sophisticated", "coordinated", "joined",
              "unnamed", "unidentified", "disputed", "occupied", "annexed", "integrated", "combined"}
_EXPECTED_THAT = re.compile(r"expected(?:\s+[\w,]+){0,3}?\s+that\b", re.I)
"""'Officials expected on Monday that …' is a verb in the past (a forecast said then), where "is expected to" is
a participle."""
_NAMING_VERB = re.compile(r"(?:dubbed|named|nicknamed|christened)\s+(?:the|a|an|its|their|his|her|this|that|it|"
                          r"them|him)\b", re.I)
"""A naming word with its object is a verb in the past ("The minister dubbed the plan …"), where alone it is
a participle ("the drills, dubbed “Allied Resolve-2022”")."""
_ONGOING = re.compile(
    r"\b(?:consistently|repeatedly|continues?|continuing|still|ongoing|has been \w+ing|have been \w+ing|"
    r"remains?|has long|have long)\b", re.I)
_BOUNDARY = re.compile(r"[;:—–]|,(?=\s)|\s(?:and|but|while|whereas|before|after|where|when|who|which)\s|\(|\)")


def clause_bounds(text: str, pos: int) -> tuple[int, int]:
    """``(start, end)`` of the clause of ``text`` that holds character ``pos``
    (clauses end at ``, ; : — –``, brackets and conjunctions such as "and",
    "before", "who")."""
    a, b = 0, len(text)
    for m in _BOUNDARY.finditer(text):
        if m.end() <= pos:
            a = m.end()
        elif m.start() >= pos:
            b = m.start()
            break
    return a, b


_OUT_OF_CLAUSE = re.compile(r"[\"“”«»,;:]")
"""What ends a verb's reach: past a quotation mark or a comma a later past verb is no participle of it ("would
be a “good sign,” Le Drian said": said is the saying's own verb, in the past, not part of "would be")."""


_THAT = re.compile(r"\bthat\b", re.I)


@functools.lru_cache(maxsize=4096)
def _markers(text: str) -> tuple[tuple[int, str], ...]:
    out: list[tuple[int, str]] = []
    for m in _FUTURE_STRICT.finditer(text):
        out.append((m.start(), FUTURE))
    for m in _PERFECT.finditer(text):
        out.append((m.start(), PERFECT))
    for m in _PAST.finditer(text):
        word = m.group(0).lower()
        if word in _NOT_VERBS and not _NAMING_VERB.match(text, m.start()) and \
                not _EXPECTED_THAT.match(text, m.start()):
            continue
        # "a statement released by" is a past participle, still a past event
        out.append((m.start(), PAST))
    out.sort()
    # a perfect or future marker covers the participle that follows it (never the verb of a clause "that"
    # opens: "could not confirm that the convoy arrived on Saturday" is an arrival in the past)
    merged: list[tuple[int, str]] = []
    for at, kind in out:
        if merged and kind == PAST and merged[-1][1] in (PERFECT, FUTURE) and at - merged[-1][0] < 40 \
                and not _OUT_OF_CLAUSE.search(text, merged[-1][0], at) and \
                not _THAT.search(text, merged[-1][0], at):
            continue
        merged.append((at, kind))
    return tuple(merged)


_PRESENT_FINITE = re.compile(
    r"\b(?:is|are|am|has|isn['’]t|aren['’]t|hasn['’]t|haven['’]t|doesn['’]t|don['’]t|can['’]t|cannot|must|"
    r"(?<!to )(?:have|does|do|can))\b", re.I)
"""A finite verb of the present that :func:`_markers` (the tense markers) does not list: the copulas and
auxiliaries, a closed list ("NATO is a threat", "the talks are over", "Russia has troops there"); never "to do"
or "to have", which are no clause's verb."""


def has_verb(text: str) -> bool:
    """``text`` holds a finite verb: a tense marker (past, perfect, future) or a present copula or auxiliary
    ("is", "are", "has", "must", …).  Reported words without one ("on Monday", "warning residents to stay
    indoors") are no clause of their own."""
    return bool(_markers(text)) or _PRESENT_FINITE.search(text) is not None


_RELATIVE_LEAD = re.compile(r"\b(?:which|that|who)\s$", re.I)
_RELATIVE_PRESENT = re.compile(r"(?:(?:now|still|only|also|formally|officially)\s+)?(?-i:[a-z]{2,}[^s\W]s)\b", re.I)
"""The present-tense verb that opens a relative clause ("which expires", "that ends", "who still holds"): a
third-person verb in -s right after "which", "that" or "who" (never "-ss": "which class")."""


_SAYS = r"(?:said|says|added|announced|stated|confirmed|claimed|reported|noted|wrote|told\s+\w+)"
_TRAILING_ATTRIBUTION = re.compile(
    rf",\s+(?:(?:the|a|an)\s+)?(?:[\w’'.-]+\s+){{0,5}}?{_SAYS}(?:\s+(?:on|last|this)\s+\w+)?\s*[.!?\"”’']*\s*$|"
    rf",\s+{_SAYS}\s+(?:[\w’'.-]+\s*){{1,6}}?(?:\s+(?:on|last|this)\s+\w+)?\s*[.!?\"”’']*\s*$", re.I)
"""An attribution that ends the sentence (", the ministry said.", ", said the ministry."): who says the clause
before it, never that clause's tense."""


def tense_at(text: str, pos: int) -> str:
    """Tense of the clause around character ``pos`` of ``text``.

    The verb marker nearest before ``pos`` in its clause decides; without
    one, the first after it; a clause without any verb (a fronted "On
    Thursday,") takes the tense of the next clause, and one that ends the
    sentence (", on Wednesday." after an appositive: "said Amira Haddad, the
    mission head, on Wednesday") that of the last verb before it.  Returns one of
    :data:`PAST`, :data:`FUTURE`, :data:`PERFECT`, :data:`PRESENT` (no marker:
    the present, which news also uses for scheduled events).
    """
    a, b = clause_bounds(text, pos)
    first = a
    if a > 0 and not _markers(text[a:b]) and _RELATIVE_PRESENT.match(text, a) and \
            _RELATIVE_LEAD.search(text[:a]):
        # "the grain corridor, which expires on July 17": the relative clause's own verb is in the present,
        # never the tense of a verb before or after it ("failed"): a day ahead of the article, not a year back
        return PRESENT
    for _ in range(3):
        marks = _markers(text[a:b])
        before = [k for at, k in marks if a + at < pos]
        after = [k for at, k in marks if a + at >= pos]
        if before:
            return before[-1]
        if after:
            return after[0]
        if b >= len(text):
            break
        if first > 0 and a == first and _TRAILING_ATTRIBUTION.match(text, b) and _markers(text[:first]):
            # "Troops will leave after March 3, the ministry said.": the attribution after a verbless phrase is
            # no part of its clause; the clause's own verb before it ("will leave") decides, never "said"
            return _markers(text[:first])[-1][1]
        a, b = clause_bounds(text, min(len(text) - 1, b + 1))
    if b >= len(text) and first > 0:
        # a verbless clause that ends the sentence (", on Wednesday." after "said Amira Haddad, the mission
        # head"): an appositive came between the date and its verb, which is the last one before it
        marks = _markers(text[:first])
        if marks:
            return marks[-1][1]
    return PRESENT


def sentence_tense(text: str) -> str:
    """The tense of a sentence's main clause: that of its first verb marker
    (present without one)."""
    marks = _markers(text)
    return marks[0][1] if marks else PRESENT


def is_ongoing(text: str) -> bool:
    """True when the sentence says something still goes on ("has consistently
    denied", "has been attempting", "continues to")."""
    return bool(_ONGOING.search(text))
