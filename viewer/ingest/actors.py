"""Actors of news text: a small gazetteer and capitalised-name patterns.

The gazetteer maps countries, their adjectives, capitals and seats of
government ("the Kremlin", "Downing Street") and a few organisations to one
actor name each, which becomes a track.  People are found as runs of
capitalised words after a role ("Foreign Secretary Liz Truss"); the role's
country adjective gives their country.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["GAZETTEER", "Person", "parse_person", "actors_in", "country_of", "OUTLETS", "ROLE_WORDS", "DATE_LEAD",
           "blank_date_lead", "office_country", "LEADERS"]

#: word or phrase -> actor (track label)
GAZETTEER: dict[str, str] = {}
for _actor, _words in {
    "Russia": "Russia|Russian|Russians|Moscow|Kremlin|Russia’s|Russia's",
    "Ukraine": "Ukraine|Ukrainian|Ukrainians|Kyiv|Kiev",
    "Belarus": "Belarus|Belarusian|Minsk",
    "United States": "United States|US|U.S.|USA|American|Americans|Washington|White House|Pentagon|State Department",
    "United Kingdom": "United Kingdom|UK|U.K.|Britain|British|London|Downing Street|Foreign Office",
    "France": "France|French|Paris|Elysee|Élysée",
    "Germany": "Germany|German|Berlin",
    "China": "China|Chinese|Beijing",
    "Poland": "Poland|Polish|Warsaw",
    "NATO": "NATO|Nato|North Atlantic Treaty Organization",
    "European Union": "European Union|EU|E.U.|Brussels|European Commission",
    "United Nations": "United Nations|UN|U.N.|Security Council",
    "Japan": "Japan|Japanese|Tokyo",
    "India": "India|Indian|New Delhi",
    "Israel": "Israel|Israeli|Jerusalem",
    "Iran": "Iran|Iranian|Tehran",
    "Turkey": "Turkey|Turkish|Ankara|Türkiye",
    "Italy": "Italy|Italian|Rome",
    "Spain": "Spain|Spanish|Madrid",
    "Canada": "Canada|Canadian|Ottawa",
    "Australia": "Australia|Australian|Canberra",
    "Brazil": "Brazil|Brazilian|Brasília|Brasilia",
    "Mexico": "Mexico|Mexican",
    "Egypt": "Egypt|Egyptian|Cairo",
    "Syria": "Syria|Syrian|Damascus",
    "North Korea": "North Korea|North Korean|Pyongyang",
    "South Korea": "South Korea|South Korean|Seoul",
    "Taiwan": "Taiwan|Taiwanese|Taipei",
    # (no capital that is a usual venue of other nations' talks: Vienna, Geneva, Doha, Riyadh, Helsinki, The Hague)
    "Switzerland": "Switzerland|Swiss|Bern|Berne",
    "Sweden": "Sweden|Swedish|Stockholm",
    "Norway": "Norway|Norwegian|Oslo",
    "Finland": "Finland|Finnish",
    "Denmark": "Denmark|Danish|Copenhagen",
    "Netherlands": "Netherlands|Dutch",
    "Austria": "Austria|Austrian",
    "Hungary": "Hungary|Hungarian|Budapest",
    "Romania": "Romania|Romanian|Bucharest",
    "Lithuania": "Lithuania|Lithuanian|Vilnius",
    "Latvia": "Latvia|Latvian|Riga",
    "Estonia": "Estonia|Estonian|Tallinn",
    "Moldova": "Moldova|Moldovan|Chisinau",
    "Ireland": "Ireland|Irish|Dublin",
    "Greece": "Greece|Greek|Athens",
    "Saudi Arabia": "Saudi Arabia|Saudi",
    "Qatar": "Qatar|Qatari",
    "South Africa": "South Africa|South African|Pretoria",
}.items():
    for _w in _words.split("|"):
        GAZETTEER[_w] = _actor

#: well-known heads of state or government, as news names them -> their country (a person's country, not their
#: office: it stays true after their term).  Only the surname alone or the full name ties a person to it:
#: "Zelensky said" is on Ukraine's track, "Anna Zelensky" is someone else and is not.
LEADERS: dict[str, str] = {}
for _actor, _names in {
    "Ukraine": "Volodymyr Zelensky|Volodymyr Zelenskyy|Volodymyr Zelenskiy|Zelensky|Zelenskyy|Zelenskiy",
    "Russia": "Vladimir Putin|Putin",
    "Belarus": "Alexander Lukashenko|Alexander Lukashenka|Lukashenko|Lukashenka",
    "France": "Emmanuel Macron|Macron",
    "Germany": "Olaf Scholz|Scholz",
    "Turkey": "Recep Tayyip Erdogan|Recep Tayyip Erdoğan|Tayyip Erdogan|Tayyip Erdoğan|Erdogan|Erdoğan",
    "China": "Xi Jinping|Xi",
    "Hungary": "Viktor Orban|Viktor Orbán|Orban|Orbán",
    "Israel": "Benjamin Netanyahu|Netanyahu",
    "India": "Narendra Modi|Modi",
    "United States": "Joe Biden|Biden|Donald Trump|Trump",
}.items():
    for _w in _names.split("|"):
        LEADERS[_w] = _actor

#: news outlets and agencies (an attribution to them is another outlet)
OUTLETS = {"CNN", "Reuters", "AP", "Associated Press", "AFP", "Agence France-Presse", "BBC", "Bloomberg",
           "The New York Times", "New York Times", "The Washington Post", "Washington Post", "The Guardian",
           "Guardian", "Financial Times", "The Wall Street Journal", "Wall Street Journal", "Politico", "Axios",
           "Al Jazeera", "TASS", "Tass", "RIA Novosti", "Interfax", "Xinhua", "Sky News", "NBC", "NBC News",
           "CBS", "CBS News", "ABC News", "Fox News", "Der Spiegel", "Le Monde", "The Times", "The Telegraph",
           "Kyiv Independent", "Ukrinform", "Euronews", "Deutsche Welle", "DW"}

ROLE_WORDS = (
    "spokesman|spokeswoman|spokesperson|minister|secretary|secretary-general|president|vice president|"
    "secretary of state|secretary of defense|secretary of defence|secretary of state for \\w+|"
    "prime minister|chancellor|ambassador|general|chief|director|official|adviser|advisor|senator|"
    "governor|mayor|head|leader|commander|envoy|king|queen|premier|lawmaker|representative|mp|"
    "analyst|professor|researcher|correspondent|editor|chairman|chairwoman|chair|ceo|founder|"
    "negotiator|diplomat|colonel|lieutenant|admiral|sergeant|captain|major|deputy|press secretary|"
    "spy chief|army chief|foreign minister|defence minister|defense minister|attorney general|judge|"
    "justice|member|mayor|pope|prince|sheikh|emir|president-elect|officer|speaker"
)
_ROLE_MODIFIERS = {"senior", "deputy", "chief", "former", "acting", "foreign", "defence", "defense", "interior",
                   "finance", "prime", "vice", "economy", "trade", "health", "energy"}
"""Words that belong to the role before a name ("Ukraine's foreign minister Dmytro Kuleba": never "minister")."""
_ROLE_END = re.compile(rf"(?:^|\s)(?:{ROLE_WORDS})$", re.I)
_NAME_WORD = r"(?:[A-Z][\w’'.-]*|de|da|del|der|van|von|al|bin|le|la|Le|La|Mc\w+)"
_CAP = re.compile(r"[A-Z]")
_PARTICLES = {"de", "da", "del", "der", "van", "von", "al", "bin", "le", "la", "di", "du"}
_PRONOUN_NOT_NAMES = {"He", "She", "They", "It", "The", "A", "An", "This", "That", "These", "Those", "Meanwhile",
                      "But", "And", "Despite", "When", "According", "In", "On", "At", "As", "After", "Before",
                      "However", "Last", "Next", "Earlier", "Later", "Also", "Officials", "Sources", "Mr", "Ms",
                      "Mrs", "Dr", "Mr.", "Ms.", "Mrs.", "Dr.", "We", "I", "Our", "His", "Her", "Their", "Its"}


@dataclass(frozen=True)
class Person:
    """A speaker as the article names them: ``name`` ("Dmitry Peskov"),
    ``role`` ("Kremlin spokesman"), ``actor`` (country or organisation, for
    the track; "" if unknown), ``kind``: ``"person"``, ``"outlet"``,
    ``"office"`` (a ministry, Downing Street), ``"unnamed"`` (unnamed
    sources) or ``"pronoun"`` (he/she: to be resolved)."""

    name: str
    role: str = ""
    actor: str = ""
    kind: str = "person"

    @property
    def surname(self) -> str:
        """The last name with its particle: "Le Drian", "Stoltenberg"."""
        words = self.name.split()
        if not words:
            return ""
        if len(words) >= 3 and words[-2].lower() in _PARTICLES:
            return " ".join(words[-2:])
        return words[-1]


_GAZ = re.compile(r"(?<![\w])(?:" + "|".join(re.escape(w) for w in sorted(GAZETTEER, key=len, reverse=True))
                  + r")(?![\w])")  # one pass over the text, longest phrase first


def country_of(words: str) -> str:
    """The first gazetteer actor named in ``words`` (longest phrase first), or ``""``."""
    m = _GAZ.search(words)
    return GAZETTEER[m.group(0)] if m else ""


def actors_in(text: str) -> list[str]:
    """Gazetteer actors named in ``text``, each once, in order of first mention."""
    out: list[str] = []
    for m in _GAZ.finditer(text):
        actor = GAZETTEER[m.group(0)]
        if actor not in out:
            out.append(actor)
    return out


NEGATED_SUBJECT = re.compile(r"(?:nobody|no[\s-]one|none|neither|no\s+(?=[a-z])|"
                             r"not\s+(?:a\s+single|one)\s+(?=[a-z]))\b", re.I)
"""A subject that names no one ("Nobody", "No one", "None of the officials", "Neither side", "No official",
"Not a single official", "Not one minister"):
never a speaker.  ("No 10", Downing Street, is a speaker: a digit follows.)"""


def parse_person(phrase: str) -> Person:
    """Split a speaker phrase into name and role.

    ``"Kremlin spokesman Dmitry Peskov"`` -> name "Dmitry Peskov", role
    "Kremlin spokesman", actor "Russia"; ``"senior US sources familiar with
    Washington’s current intelligence assessments"`` -> name "senior US
    sources", role "familiar with …", kind "unnamed"; ``"CNN"`` -> an
    outlet; ``"he"`` -> a pronoun to resolve.
    """
    p = phrase.strip().strip(",").strip()
    p = re.sub(r"^(?:Mr|Mrs|Ms|Dr|Prof|Sir|Dame|Lord|Lady)\.?\s+(?=[A-Z])", "", p)
    if re.search(r"[a-z]{2}\.$", p):
        p = p[:-1]
    p = re.sub(r"^(?:the|a|an)\s+", "", p, flags=re.I) if not p.startswith("The ") or p not in OUTLETS else p
    if p.lower() in ("he", "she", "they", "it"):
        return Person(p.lower(), kind="pronoun")
    if NEGATED_SUBJECT.match(p):  # "Nobody expected that …": no one said it, so no speaker, source or forecast
        return Person("", kind="unknown")
    if p in OUTLETS:
        return Person(p, actor="", kind="outlet")
    m = re.match(r"(?P<who>.*?\b(?:sources?|officials?|diplomats?|people|persons?|aides?|analysts|insiders)\b)"
                 r"\s*,?\s*(?P<role>(?:familiar with|with knowledge of|close to|briefed on|who\b|speaking on)\b.*)?$",
                 p, re.I)
    if m and not re.search(r"\b[A-Z][a-z]+ [A-Z][a-z]+$", m.group("who")):
        return Person(m.group("who").strip(), (m.group("role") or "").strip(), country_of(p), "unnamed")
    m = re.match(r"(?:a |the )?statement (?:released |issued |published )?by (?:the )?(?P<who>.+)$", p, re.I)
    if m:
        who = re.sub(r"\s+on\s+\w+$", "", m.group("who").strip())
        return Person(who, "", country_of(who), "office")
    words = p.split()
    # a person: the capitalised words after the last role word
    for cut in range(len(words) - 1, 0, -1):
        head, tail = " ".join(words[:cut]), words[cut:]
        if _ROLE_END.search(head) and all(re.fullmatch(_NAME_WORD, w) for w in tail) and _CAP.match(tail[0]):
            role_words = words[:cut]
            k = len(role_words)
            while k > 0 and (_CAP.match(role_words[k - 1]) or re.fullmatch(ROLE_WORDS, role_words[k - 1], re.I)
                             or role_words[k - 1].lower() in _ROLE_MODIFIERS
                             or (role_words[k - 1] in ("of", "for") and k > 1 and _CAP.match(role_words[k - 2]))):
                k -= 1
            head = " ".join(role_words[k:])
            # the country of the role's head ("UK Prime Minister"), else named with the role ("Ukraine's
            # foreign minister Dmytro Kuleba")
            actor = country_of(head) or country_of(" ".join(tail)) or country_of(" ".join(words[:cut])) or \
                LEADERS.get(" ".join(tail), "")  # ("President Zelensky": the list, when the role names none)
            return Person(" ".join(tail), head, actor, "person")
    if p in LEADERS:  # "Zelensky" named alone: a person, of the country the list gives
        return Person(p, "", LEADERS[p], "person")
    if len(words) <= 4 and all(re.fullmatch(_NAME_WORD, w) for w in words) and words[0] not in _PRONOUN_NOT_NAMES:
        actor = GAZETTEER.get(p, "") or country_of(p)
        office = bool(actor) or re.search(r"\b(?:Ministry|Office|Department|Street|House|Council|Commission|"
                                          r"Agency|Army|Forces|Government|Command|Service)\b", p)
        if len(words) >= 2 and not office:
            return Person(p, "", actor, "person")
        return Person(p, "", actor, "office")
    if _ROLE_END.search(p) or re.search(rf"\b(?:{ROLE_WORDS})\b", p, re.I):
        return Person(p, "", country_of(p), "unnamed")  # "a ministry spokesperson": unnamed, by role
    return Person(p, "", country_of(p), "office" if country_of(p) else "unnamed")


#: a speaker phrase: optional role words then a capitalised name, or a noun phrase of sources
SPEAKER = (r"(?:(?:[A-Z][\w’'.-]*|[a-z][\w-]*)\s+){0,6}?(?:[A-Z][\w’'.-]*)(?:\s+(?:[A-Z][\w’'.-]*|de|van|von|al|"
           r"bin|Le|La|da|del))*")


_DAYS = r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
_MONTHS = (r"January|February|March|April|May|June|July|August|September|October|November|December|"
           r"Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.")
_PART = r"(?:\s+(?:morning|afternoon|evening|night))?"
_WHEN = (rf"(?:{_DAYS}){_PART}|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{_MONTHS})(?:,?\s+\d{{4}})?|"
         rf"(?:{_MONTHS})\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?|(?:{_MONTHS})(?:\s+\d{{4}})?|\d{{4}}|"
         r"week|weekend|month|year|night|morning|afternoon|evening")
DATE_LEAD = re.compile(
    rf"(?:(?:On|In|Last|This|Next|Early|Late|Earlier|Later|Since|Until|By)\s+(?:(?:the|this|last)\s+)?(?:{_WHEN})|"
    rf"(?:{_DAYS}){_PART}(?!\s+(?:Times|Telegraph|Mirror|Express|Post|Herald|Mail|Star|Independent|Tribune|"
    rf"People|World|Sport)\b)|Yesterday{_PART}|Today|Tonight|Earlier(?:\s+(?:today|this\s+(?:week|month|year)))?)"
    r"(?=[\s,])[\s,]*")
"""A date that opens a sentence ("On Monday", "On 12 June", "Yesterday", "Last week"), with the comma and
spaces after it: never part of the speaker or the track named after it ("On Monday Peskov said")."""


def blank_date_lead(text: str, start: int = 0) -> str:
    """``text`` with the date that opens it at ``start`` (after a dateline) blanked to spaces: the same
    length, so offsets into it are offsets into ``text``."""
    m = DATE_LEAD.match(text, start)
    if m is None or m.end() >= len(text):
        return text
    return text[:start] + " " * (m.end() - start) + text[m.end():]


#: national offices whose title alone names no country -> the countries that have that office, most usual first
NATIONAL_OFFICES: dict[str, tuple[str, ...]] = {
    "foreign secretary": ("United Kingdom", "India"),
    "home secretary": ("United Kingdom",),
    "defence secretary": ("United Kingdom",),
    "chancellor of the exchequer": ("United Kingdom",),
    "secretary of state for": ("United Kingdom",),
    "secretary of state": ("United States",),
    "secretary of defense": ("United States",),
    "defense secretary": ("United States",),
    "treasury secretary": ("United States",),
    "national security adviser": ("United States",),
    "kremlin spokesman": ("Russia",),
    "taoiseach": ("Ireland",),
}
_OFFICE = re.compile(r"(?<![\w])(?:" + "|".join(re.escape(w) for w in sorted(NATIONAL_OFFICES, key=len, reverse=True))
                     + r")(?![\w])", re.I)


def office_country(role: str, text: str) -> str:
    """The country whose office ``role`` names when its words name none ("Foreign Secretary" -> "United
    Kingdom", "Secretary of State" -> "United States"): of the countries that have the office, the first
    that ``text`` (the whole article) names, else the only one when just one has it; ``""`` when unclear
    ("Foreign Secretary" in an article naming neither the UK nor India) or no office is named."""
    m = _OFFICE.search(role)
    if m is None:
        return ""
    countries = NATIONAL_OFFICES[" ".join(m.group(0).lower().split())]
    named = actors_in(text)
    return next((c for c in countries if c in named), countries[0] if len(countries) == 1 else "")
