"""Temporal expressions of news text, resolved to EDTF with phrase and basis.

Rules (our own; the reasons are in each basis string the draft keeps):

* Absolute dates keep exactly the precision written: ``February 20`` is a
  day, ``March 2021`` a month, ``2014`` a year.  A day and month without a
  year take the publication's year (the previous or next one when the tense
  says the day must lie before or after publication and the publication's
  year would put it on the wrong side).
* A weekday is resolved by tense (the convention of TimeML/TIMEX3 news
  annotation, e.g. HeidelTime's news rules): in the past tense the most
  recent such day on or before publication, in the future the next one on
  or after it; "last Thursday" is the most recent before publication (the
  week before when written on a Thursday), "next Thursday" the first after.
  When the week is ambiguous (a "last Thursday" written on a Saturday could
  be two or nine days before), the date is marked uncertain (``?``).
* ``last week`` / ``this week`` / ``next week`` are one day of that ISO week
  (Monday to Sunday): EDTF ``[a..b]``.  ``earlier this month`` is one day
  from the 1st to publication.  ``N days ago`` is a day; ``N weeks ago`` is
  approximate (``~``).
* Relative dates inherit the publication date's doubt: when it is inferred,
  day-relative dates are uncertain (``?``), except the inferred anchor day
  itself.
* ``since X`` starts a span at X that is still going at publication
  (``[pub..]``); ``from X to Y``, ``X–Y``, ``between X and Y`` are spans;
  ``ten days`` after a day gives an end of one day of two (counted with or
  without the first day) unless another sentence states the end.

Nothing is resolved more precisely than the words allow; a phrase that cannot
be resolved (no publication date known) keeps ``edtf=None`` and is listed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta

from .quotemarks import masked_outside
from .tense import FUTURE, PAST, PERFECT, PRESENT, _markers, clause_bounds, tense_at

__all__ = ["Publication", "TimeMention", "find_mentions", "MONTHS", "WEEKDAYS", "fmt_day", "number_value"]

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}
WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6}
_WD_NAME = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
_MON_NAME = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
            "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
            "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
            "thirty": 30}

_MON = (r"(?P<mon>January|February|March|April|May|June|July|August|September|October|November|December|"
        r"Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.|Jan|Feb|Mar|Apr|Jun|Jul|Aug|"
        r"Sept?|Oct|Nov|Dec)")
_MON_MAY = _MON.replace("|May|", r"|May(?=[\s,.;])|")
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_DAY2 = r"(?P<day2>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>1[6-9]\d\d|20\d\d)"
_WD = r"(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_NUM = r"(?P<num>\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fourteen|twenty|thirty)"

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("iso", re.compile(r"\b(?P<year>\d{4})-(?P<m>\d\d)-(?P<d>\d\d)\b")),
    ("range_md", re.compile(rf"\b{_MON}\s+{_DAY}\s*(?:-|–|to|until|through)\s*{_DAY2}(?:,?\s+{_YEAR})?\b")),
    ("range_dm", re.compile(rf"\b{_DAY}\s*(?:-|–|to|and)\s*{_DAY2}\s+{_MON}(?:,?\s+{_YEAR})?\b")),
    ("mdy", re.compile(rf"\b(?:{_WD},?\s+)?{_MON}\s+{_DAY},?\s+{_YEAR}\b")),
    ("dmy", re.compile(rf"\b(?:{_WD},?\s+)?{_DAY}\s+{_MON},?\s+{_YEAR}\b")),
    ("md", re.compile(rf"\b(?:{_WD},?\s+)?{_MON}\s+{_DAY}\b(?!\s*(?:percent|%|,\d))")),
    ("dm", re.compile(rf"\b(?:{_WD},?\s+)?{_DAY}\s+{_MON}\b")),
    ("my", re.compile(rf"\b(?:(?:early|late|mid-?)\s*)?{_MON}(?:\s+of)?,?\s+{_YEAR}\b")),
    ("mon_rel", re.compile(rf"\b(?:in\s+)?{_MON}(?:\s+of)?\s+(?P<rel>last|next|this)\s+year\b")),
    ("rel_unit", re.compile(r"\b(?P<rel>last|next|this|past|earlier this|later this|early this|late this)\s+"
                            r"(?P<unit>week|weekend|month|year)\b", re.I)),
    ("ago", re.compile(rf"\b{_NUM}\s+(?P<unit>days?|weeks?|months?|years?)\s+ago\b", re.I)),
    ("wd", re.compile(rf"\b(?P<rel>(?:last|next|this|on|earlier on|late on|early on)\s+)?{_WD}"
                      r"(?:\s+(?:morning|afternoon|evening|night))?\b", re.I)),
    ("word", re.compile(r"\b(?P<w>yesterday|today|tonight|tomorrow|this (?:morning|afternoon|evening)|"
                        r"last night)\b", re.I)),
    ("decade", re.compile(r"\b(?:in\s+)?the\s+(?:(?:early|late|mid-?)\s*)?(?P<dec>1[6-9]\d|20\d)0s\b", re.I)),
    # a season after a word that makes it one ("in the spring", "next winter", "in summer 2024"): never "Arab
    # Spring" nor "prices will fall"
    ("season", re.compile(rf"\b(?P<pre>in|during|over|this|next|last|by|before)\s+(?:the\s+)?(?:(?:early|late)\s+)?"
                          rf"(?P<season>spring|summer|autumn|fall|winter)(?:\s+(?:of\s+)?{_YEAR})?\b", re.I)),
    ("mon", re.compile(rf"\b(?P<pre>in|since|until|by|before|from|through|during|of|for|early|late|mid-|last|next|"
                       r"this)\s+"
                       rf"(?:(?:early|late|mid-?)\s*)?{_MON_MAY}(?!\s+\d)")),
    # a year, not a count: "about 1800 refugees", "2000 people" and "1,999" are not years
    ("year", re.compile(r"(?<![\w$£€.,/-])(?<!about )(?<!around )(?<!nearly )(?<!some )(?<!almost )(?<!than )"
                        r"(?<!over )(?<!up to )" + _YEAR + r"(?![\w%/-]|,\d|\s*(?:percent|per cent|troops|soldiers|"
                        r"people|km|miles|tons|tonnes|dollars|euros|\$)|\s+[a-z]+(?:ers|ees|ians|ists|ents|les|ies)\b)")),
]
_RELATIVE = {"range_md", "range_dm", "md", "dm", "mon_rel", "rel_unit", "ago", "wd", "word", "mon", "season"}
"""The patterns resolved against the publication date (a year, a day or a week counted from it)."""
_DURATION = re.compile(rf"\b(?:for\s+)?{_NUM}\s+(?P<unit>days?|weeks?)(?!\s+(?:ago|later|earlier|before|after))"
                       r"(?:\s+of)?\b", re.I)
_SINCE = re.compile(r"\b(?:ever\s+)?since\s+(?:the\s+)?$", re.I)
_PREP = re.compile(r"\b(?:on|in|during)\s+$", re.I)
_PART_OF = re.compile(r"\b(?:(?:at|towards?|in)\s+)?the\s+(?:very\s+)?(?:end|start|beginning|middle|close)\s+$", re.I)
_BY = re.compile(r"\bby\s+(?:the\s+end\s+(?:of\s+)?)?$", re.I)  # ("of" may open the month's match)
_FROM = re.compile(r"\b(?:from|between)\s+$", re.I)
_TO = re.compile(r"^\s*(?:to|until|till|through|and|–|-)\s+", re.I)


@dataclass
class Publication:
    """The publication date relative expressions are resolved against.

    ``day`` is None when unknown.  ``day_certain`` / ``year_certain`` say how
    sure each part is (an inferred date is uncertain to the day but may be sure
    of its year); ``anchor_weekday`` (0 = Monday) is the weekday from which the
    day was inferred: bare mentions of it are that very day.  ``edtf``,
    ``phrase`` and ``basis`` are what the draft's reference date says.
    """

    day: date | None = None
    day_certain: bool = False
    year_certain: bool = False
    anchor_weekday: int | None = None
    phrase: str = ""
    basis: str = "No publication date given or found in the article."
    how: str = "none"  # "given", "dateline", "metadata", "inferred", "none"
    year_hint: int | None = None  # a year the text names, when the day is unknown
    span_end: tuple[int, date] | None = None  # (offset of the duration phrase, its stated end day)

    @property
    def edtf(self) -> str:
        if self.day is None:
            return ""
        return self.day.isoformat() + ("" if self.day_certain else "?")

    @property
    def words(self) -> str:
        return fmt_day(self.day) if self.day else "unknown"


@dataclass
class TimeMention:
    """One temporal expression of a sentence, resolved.

    ``start``/``end`` are character offsets in the sentence; ``edtf`` the
    resolved value (None: unresolved), ``end_edtf`` the end of a span (None
    for a point); ``basis`` how it was resolved; ``tense`` of its clause;
    ``kind`` one of ``"date"``, ``"range"``, ``"since"``.
    """

    start: int
    end: int
    phrase: str
    edtf: str | None
    basis: str
    tense: str = PRESENT
    kind: str = "date"
    end_edtf: str | None = None
    end_basis: str = ""
    day: date | None = None  # the resolved day, when to the day
    extra: dict = field(default_factory=dict)
    relative: bool = False  # counted from the publication date ("tomorrow", "on Monday", "February 20")


def fmt_day(d: date) -> str:
    """``Thu 10 Feb 2022``."""
    return f"{_WD_NAME[d.weekday()]} {d.day} {_MON_NAME[d.month - 1]} {d.year}"


def number_value(word: str) -> int | None:
    """``"ten"`` -> 10, ``"12"`` -> 12, else None."""
    w = word.lower()
    if w.isdigit():
        return int(w)
    return _NUMBERS.get(w)


def _month(text: str) -> int:
    return MONTHS[text.lower().rstrip(".")]


def _valid(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _q(pub: Publication, day_relative: bool) -> str:
    """The ``?`` a relative date inherits from an inferred publication date."""
    if day_relative:
        return "" if pub.day_certain else "?"
    return "" if pub.year_certain or pub.day_certain else "?"


def _pub_note(pub: Publication) -> str:
    if pub.day is None or pub.how in ("given", "dateline", "metadata"):
        return ""
    return " The publication day is itself inferred (see the reference date), so this is only as sure as that day."


def _year_for(pub: Publication, m: int, d: int | None, tense: str) -> tuple[int | None, str]:
    """Year of a day/month written without one: the publication's, moved by
    one when the tense puts it on the other side of publication."""
    if pub.day is None:  # a year named elsewhere in the text would be a guess: left unresolved
        return None, ""
    y = pub.day.year
    cand = _valid(y, m, d or 1)
    if cand is None:
        return None, ""
    ref = pub.day if d else pub.day.replace(day=1)
    if d is None:  # a month: compared month to month
        if tense in (PAST, PERFECT) and cand > ref:
            return y - 1, f"year {y - 1}: written in the past tense and {y} would put it after publication"
        if tense == FUTURE and cand < ref:
            return y + 1, f"year {y + 1}: written in the future tense and {y} would put it before publication"
        return y, f"year from the publication date ({pub.words})"
    if tense in (PAST, PERFECT) and cand > ref + timedelta(days=31):
        return y - 1, f"year {y - 1}: written in the past tense and {y} would put it after publication"
    if tense == FUTURE and cand < ref - timedelta(days=31):
        return y + 1, f"year {y + 1}: written in the future tense and {y} would put it before publication"
    return y, f"year from the publication date ({pub.words})"


_SEASONS = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}
"""A season's first month at the widest: March to June for spring (meteorological from 1 March,
astronomical to about 21 June), and so on; winter runs from December into the next year's March.  The
northern hemisphere's, as the article's seasons are taken to be (the basis says so)."""


def _season(name: str, pre: str, year: str | None, pub: Publication, tense: str, phrase: str
            ) -> tuple[str | None, str, date | None, str | None, str]:
    """(edtf, basis, None, None, "") of a season ("in the spring", "next winter", "in summer 2024"): the
    months it may cover, to the month, never a day (``[2023-03..2023-06]``).  Without a year it is counted
    from publication by the tense: ahead (future, "next"), the first one not over at publication, from
    publication's month when it has begun; behind (past, "last"), the last one begun, up to publication's
    month when it is still going; else ("this", present) the one holding publication, or this year's."""
    first = _SEASONS[name]
    widest = (f"'{phrase}': {name} taken as the northern hemisphere's, from the start of "
              f"{_MON_NAME[first - 1]} to the end of {_MON_NAME[(first + 2) % 12]} at the widest "
              "(meteorological or astronomical: the text gives no months), to the month")

    def span(y: int) -> tuple[int, int]:  # (first, last) month of the season beginning in year y, as y*12+m-1
        a = y * 12 + first - 1
        return a, a + 3

    def ym(k: int) -> str:
        return f"{k // 12:04d}-{k % 12 + 1:02d}"

    if year is not None:
        y = int(year)
        if name == "winter":  # "winter 2023": the one ending early in 2023 or the one beginning late in it
            a, b = span(y - 1)[0], span(y)[1]
            return (f"[{ym(a)}..{ym(b)}]", widest + f"; 'winter {y}' may be the winter of {y - 1}–{y} or of "
                    f"{y}–{y + 1}: either.", None, None, "")
        a, b = span(y)
        if pre == "before":  # "before the spring of 2024": on or before the month before it
            return (f"[..{ym(a - 1)}]", widest + f"; {y} as written. 'Before' it: on or before the month before it.",
                    None, None, "")
        if pre == "by":  # "by the spring of 2024": on or before its end
            return f"[..{ym(b)}]", widest + f"; {y} as written. 'By' it: on or before its end.", None, None, ""
        return f"[{ym(a)}..{ym(b)}]", widest + f"; {y} as written.", None, None, ""
    if pub.day is None:
        return None, f"'{phrase}' gives no year and the publication date is not known", None, None, ""
    now = pub.day.year * 12 + pub.day.month - 1
    seasons = [span(y) for y in range(pub.day.year - 2, pub.day.year + 2)]
    holding = next((x for x in seasons if x[0] <= now <= x[1]), None)
    if pre == "next" or (tense == FUTURE and pre != "last"):
        a, b = next(x for x in seasons if (x[0] > now if pre == "next" else x[1] >= now))
        a = max(a, now)
        why = (f"ahead of publication ({pub.words}): the first "
               f"{'begun after it' if pre == 'next' else 'not over then, from then on'}")
    elif pre == "last" or (tense in (PAST, PERFECT) and pre != "next"):
        a, b = [x for x in seasons if (x[1] < now if pre == "last" else x[0] <= now)][-1]
        b = min(b, now)
        why = (f"before publication ({pub.words}): the last "
               f"{'over by then' if pre == 'last' else 'begun by then, up to then'}")
    else:
        a, b = holding or next(x for x in seasons if x[0] // 12 == pub.day.year)
        why = f"the one of publication ({pub.words}), or the one beginning in its year"
    note = _pub_note(pub)
    if pre == "before" and a - 1 >= now if tense == FUTURE else pre == "before":
        # "Russia will attack before the winter": on or before the month before it begins, to the month
        lo = ym(now) if tense == FUTURE else ""
        return (f"[{lo}..{ym(a - 1)}]", f"{widest}; {why}. 'Before' it: on or before the end of "
                f"{_MON_NAME[(a - 1) % 12]} {(a - 1) // 12}"
                + (f", and from publication's month ({pub.words}) on, as it looks ahead" if lo else "")
                + ", to the month: no day the text gives." + note, None, None, "")
    if pre == "by":  # "prices will rise by the autumn": a bound, on or before the season's end at the widest;
        # looking ahead, from publication's month on (never before it), else any time up to then
        ahead = tense == FUTURE
        lo = ym(now) if ahead and now <= b else ""
        return (f"[{lo}..{ym(b)}]", f"{widest}; {why}. 'By' it: on or before its end"
                + (f", and from publication's month ({pub.words}) on, as it looks ahead" if lo else "")
                + ", to the month: no day the text gives." + note, None, None, "")
    return f"[{ym(a)}..{ym(b)}]", f"{widest}; {why}." + note, None, None, ""


def _weekday(pub: Publication, wd: int, rel: str, tense: str, phrase: str) -> tuple[str | None, str, date | None]:
    name = [k for k, v in WEEKDAYS.items() if v == wd][0].capitalize()
    if pub.day is None:
        return None, f"'{phrase}' needs the publication date, which is not known", None
    p = pub.day
    back = (p.weekday() - wd) % 7
    ahead = (wd - p.weekday()) % 7
    rel = rel.strip().lower()
    note = _pub_note(pub)
    if rel == "last":
        delta = back or 7
        day = p - timedelta(days=delta)
        ambiguous = 0 < back < 7 and back <= 3
        q = "?" if ambiguous or not pub.day_certain else ""
        on_day = p - timedelta(days=back)  # what 'on {name}' in the past tense would give
        why = (f"'last {name}' in an article of {fmt_day(p)}: the {name} before the publication day, "
               f"{fmt_day(day)}" + (f" (never the publication day itself: written on a {name}, 'last {name}' is "
                                    f"a week earlier, while 'on {name}' is that same day)" if back == 0 else
                                    f" ('on {name}' in the past tense means the same day here: the {name} in "
                                    f"the week up to the article, {fmt_day(on_day)})")
               + ("; some writers mean the week before, so uncertain" if ambiguous else "")
               + (". Uncertain because the publication date itself is inferred." if not pub.day_certain else ""))
        return day.isoformat() + q, why, day
    if rel == "next":
        delta = ahead or 7
        day = p + timedelta(days=delta)
        ambiguous = 0 < ahead <= 3
        q = "?" if ambiguous or not pub.day_certain else ""
        why = (f"'next {name}' in an article of {fmt_day(p)}: the first {name} after the publication day, "
               f"{fmt_day(day)}" + (f" (written on a {name}, 'next {name}' is a week later, while 'on {name}' "
                                    f"would be that same day)" if ahead == 0 else "")
               + ("; some writers mean the week after, so uncertain" if ambiguous else "") + note)
        return day.isoformat() + q, why, day
    if rel == "this":
        day = p - timedelta(days=p.weekday()) + timedelta(days=wd)
        return (day.isoformat() + _q(pub, True),
                f"'this {name}': the {name} of the publication's week ({fmt_day(p)}): {fmt_day(day)}" + note, day)
    if pub.anchor_weekday == wd and back == 0:
        return (p.isoformat(), f"'{name}' = {fmt_day(p)}, the day from which the publication date was inferred "
                f"(see the reference date's basis): 'on {name}' is the {name} of the article's week, that day; "
                f"'last {name}' would be the week before, {fmt_day(p - timedelta(days=7))}.", p)
    if tense in (PAST, PERFECT):
        day = p - timedelta(days=back)
        before = day - timedelta(days=7) if back == 0 else day
        return (day.isoformat() + _q(pub, True),
                f"'{phrase}' in the past tense, in an article of {fmt_day(p)}: the {name} in the week up to "
                f"the article, {fmt_day(day)}" + (" (the publication day itself)" if back == 0 else "")
                + (f"; 'last {name}' would be a week earlier, {fmt_day(before)}" if back == 0 else "")
                + note, day)
    if tense == FUTURE:
        day = p + timedelta(days=ahead)
        return (day.isoformat() + _q(pub, True),
                f"'{phrase}' in the future tense, in an article of {fmt_day(p)}: the {name} in the week from "
                f"the article on, {fmt_day(day)}" + (" (the publication day itself)" if ahead == 0 else "")
                + (f"; 'next {name}' would be a week later, {fmt_day(day + timedelta(days=7))}" if ahead == 0
                   else "") + note, day)
    if back == 0:
        return (p.isoformat() + _q(pub, True), f"'{name}' written on a {name} ({fmt_day(p)}): that day" + note, p)
    last, following = p - timedelta(days=back), p + timedelta(days=ahead)
    return (f"[{last.isoformat()}..{following.isoformat()}]",
            f"present tense, written on {fmt_day(p)}: news uses it both for what is scheduled and in headlines "
            f"for what happened, so '{phrase}' is the last {name} ({fmt_day(last)}) or the next "
            f"({fmt_day(following)}); kept as one day between them" + note, None)


def _week(pub: Publication, rel: str, unit: str, phrase: str) -> tuple[str | None, str]:
    if pub.day is None:
        return None, f"'{phrase}' needs the publication date, which is not known"
    p = pub.day
    rel = rel.lower()
    note = _pub_note(pub)
    if unit == "week":
        monday = p - timedelta(days=p.weekday())
        shift = {"last": -7, "past": -7, "next": 7}.get(rel, 0)
        a, b = monday + timedelta(days=shift), monday + timedelta(days=shift + 6)
        if rel in ("earlier this", "early this"):
            b = p
        elif rel in ("later this", "late this"):
            a = p
        return (f"[{a.isoformat()}..{b.isoformat()}]",
                f"'{phrase}' written on {fmt_day(p)}: one day from {fmt_day(a)} to {fmt_day(b)} (weeks run Monday "
                f"to Sunday, ISO 8601)" + note)
    if unit == "weekend":
        sat = p - timedelta(days=(p.weekday() - 5) % 7)
        if rel == "next" or (rel == "this" and p.weekday() < 5):
            sat = p + timedelta(days=(5 - p.weekday()) % 7 or 7)
        elif rel in ("last", "past") and p.weekday() >= 5:
            sat -= timedelta(days=7)
        return (f"[{sat.isoformat()}..{(sat + timedelta(days=1)).isoformat()}]",
                f"'{phrase}' written on {fmt_day(p)}: Saturday {fmt_day(sat)} or the Sunday after" + note)
    if unit == "month":
        y, m = p.year, p.month
        if rel in ("last", "past"):
            y, m = (y, m - 1) if m > 1 else (y - 1, 12)
        elif rel == "next":
            y, m = (y, m + 1) if m < 12 else (y + 1, 1)
        if rel in ("earlier this", "early this"):
            first = date(y, m, 1)
            return (f"[{first.isoformat()}..{p.isoformat()}]",
                    f"'{phrase}' written on {fmt_day(p)}: one day from {fmt_day(first)} to publication" + note)
        if rel in ("later this", "late this"):
            last = (date(y + (m == 12), m % 12 + 1, 1) - timedelta(days=1))
            return (f"[{p.isoformat()}..{last.isoformat()}]",
                    f"'{phrase}' written on {fmt_day(p)}: one day from publication to {fmt_day(last)}" + note)
        return (f"{y:04d}-{m:02d}" + _q(pub, False),
                f"'{phrase}' written in {_MON_NAME[p.month - 1]} {p.year}: {_MON_NAME[m - 1]} {y}, to the month" + note)
    y = p.year + {"last": -1, "past": -1, "next": 1}.get(rel, 0)
    if rel in ("earlier this", "early this"):
        return (f"[{y}-01-01..{p.isoformat()}]", f"'{phrase}': one day from 1 Jan {y} to publication" + note)
    if rel in ("later this", "late this"):
        return (f"[{p.isoformat()}..{y}-12-31]", f"'{phrase}': one day from publication to 31 Dec {y}" + note)
    return f"{y:04d}" + _q(pub, False), f"'{phrase}' written in {p.year}: {y}, to the year" + note


def _resolve(kind: str, m: re.Match[str], sentence: str, pub: Publication, tense: str
             ) -> tuple[str | None, str, date | None, str | None, str]:
    """(edtf, basis, day, end_edtf, end_basis) of one match."""
    g = m.groupdict()
    phrase = m.group(0)
    if kind == "iso":
        d = _valid(int(g["year"]), int(g["m"]), int(g["d"]))
        if d is None:
            return None, "not a calendar day", None, None, ""
        return d.isoformat(), "ISO date as written", d, None, ""
    if kind in ("mdy", "dmy"):
        d = _valid(int(g["year"]), _month(g["mon"]), int(g["day"]))
        if d is None:
            return None, f"'{phrase}' is not a calendar day", None, None, ""
        basis = "Day, month and year stated"
        if g.get("wd") and WEEKDAYS[g["wd"].lower()] != d.weekday():
            return (d.isoformat() + "?", basis + f"; but {fmt_day(d)} is not a {g['wd']}: uncertain", d, None, "")
        return d.isoformat(), basis + ".", d, None, ""
    if kind in ("md", "dm"):
        mon, day = _month(g["mon"]), int(g["day"])
        if _valid(2000, mon, day) is None:  # 2000 is a leap year: only days no year has
            return None, f"'{phrase}' is not a calendar day in any year", None, None, ""
        y, why = _year_for(pub, mon, day, tense)
        if y is None and pub.day is not None:  # 29 February near a year that has none
            return None, f"'{phrase}' is not a calendar day in {pub.day.year}", None, None, ""
        if y is None:
            return None, f"'{phrase}' gives no year and the publication date is not known", None, None, ""
        d = _valid(y, mon, day)
        if d is None:
            return None, f"'{phrase}' is not a calendar day in {y}", None, None, ""
        q = "" if (pub.year_certain or pub.day_certain) else "?"
        return d.isoformat() + q, f"Day and month stated; {why}.", d, None, ""
    if kind in ("range_md", "range_dm"):
        mon = _month(g["mon"])
        d1, d2 = int(g["day"]), int(g["day2"])
        if g.get("year"):
            y, why, q = int(g["year"]), "year stated", ""
        else:
            y, why = _year_for(pub, mon, d1, tense)
            q = "" if (pub.year_certain or pub.day_certain) else "?"
        a = _valid(y, mon, d1) if y else None
        b = _valid(y, mon, d2) if y else None
        if a is None or b is None or b < a:
            return None, f"'{phrase}' is not a range of calendar days", None, None, ""
        return (a.isoformat() + q, f"First day of '{phrase}'; {why}.", a, b.isoformat() + q,
                f"Last day of '{phrase}'; {why}.")
    if kind == "my":
        y, mon = int(g["year"]), _month(g["mon"])
        return f"{y:04d}-{mon:02d}", "Month and year stated (no day: kept to the month).", None, None, ""
    if kind == "mon_rel":
        if pub.day is None:
            return None, f"'{phrase}' needs the publication date, which is not known", None, None, ""
        y = pub.day.year + {"last": -1, "next": 1}.get(g["rel"], 0)
        mon = _month(g["mon"])
        q = "" if (pub.year_certain or pub.day_certain) else "?"
        return (f"{y:04d}-{mon:02d}" + q, f"'{phrase}' written in {pub.day.year}: {_MON_NAME[mon - 1]} {y}, "
                "to the month" + _pub_note(pub), None, None, "")
    if kind == "mon" and g["pre"].lower() == "before":
        return _before_month(_month(g["mon"]), pub, tense, phrase)
    if kind == "mon":
        mon = _month(g["mon"])
        pre = g["pre"].lower()
        t = PAST if pre in ("last", "since") else FUTURE if pre == "next" else tense
        y, why = _year_for(pub, mon, None, t)
        if pub.day is not None and pre == "last" and mon >= pub.day.month:
            y, why = pub.day.year - 1, f"'last {g['mon']}' before {pub.words}: {pub.day.year - 1}"
        if pub.day is not None and pre == "next" and mon <= pub.day.month:
            y, why = pub.day.year + 1, f"'next {g['mon']}' after {pub.words}: {pub.day.year + 1}"
        if y is None:
            return None, f"'{phrase}' gives no year and the publication date is not known", None, None, ""
        q = "" if (pub.year_certain or pub.day_certain) else "?"
        return f"{y:04d}-{mon:02d}" + q, f"Month stated (no day: kept to the month); {why}.", None, None, ""
    if kind == "season":
        return _season(g["season"].lower(), g["pre"].lower(), g["year"], pub, tense, phrase)
    if kind == "year":
        return g["year"], "Year only, as written.", None, None, ""
    if kind == "decade":
        return f"{g['dec']}X", f"A decade only ('{phrase}'): {g['dec']}0 to {g['dec']}9.", None, None, ""
    if kind == "rel_unit":
        e, basis = _week(pub, g["rel"], g["unit"].lower(), phrase)
        return e, basis, None, None, ""
    if kind == "ago":
        n = number_value(g["num"])
        unit = g["unit"].lower().rstrip("s")
        if pub.day is None or n is None:
            return None, f"'{phrase}' needs the publication date, which is not known", None, None, ""
        p = pub.day
        if unit == "day":
            d = p - timedelta(days=n)
            return (d.isoformat() + _q(pub, True), f"{n} days before publication ({pub.words}): {fmt_day(d)}"
                    + _pub_note(pub), d, None, "")
        if unit == "week":
            d = p - timedelta(days=7 * n)
            return (d.isoformat() + "~", f"{n} weeks before publication ({pub.words}): about {fmt_day(d)} "
                    "(approximate: weeks are a rounded count)" + _pub_note(pub), None, None, "")
        if unit == "month":
            y, mm = divmod(p.year * 12 + p.month - 1 - n, 12)
            return (f"{y:04d}-{mm + 1:02d}~", f"{n} months before publication: about {_MON_NAME[mm]} {y}",
                    None, None, "")
        return f"{p.year - n:04d}~", f"{n} years before publication: about {p.year - n}", None, None, ""
    if kind == "wd":
        e, basis, d = _weekday(pub, WEEKDAYS[g["wd"].lower()], (g.get("rel") or "").replace("on", "").strip()
                               if (g.get("rel") or "").strip().lower() in ("last", "next", "this") else "",
                               tense, phrase.strip())
        return e, basis, d, None, ""
    if kind == "word":
        w = g["w"].lower()
        if pub.day is None:
            return None, f"'{phrase}' needs the publication date, which is not known", None, None, ""
        if w == "last night":
            a = pub.day - timedelta(days=1)
            return (f"[{a.isoformat()}..{pub.day.isoformat()}]", f"'{phrase}' written on {pub.words}: the evening "
                    f"of {fmt_day(a)} or the small hours of publication day" + _pub_note(pub), None, None, "")
        shift = {"yesterday": -1, "tomorrow": 1}.get(w, 0)
        d = pub.day + timedelta(days=shift)
        return (d.isoformat() + _q(pub, True), f"'{phrase}' relative to publication ({pub.words}): {fmt_day(d)}"
                + _pub_note(pub), d, None, "")
    return None, "unknown expression", None, None, ""


def _before_month(mon: int, pub: Publication, tense: str, phrase: str
                  ) -> tuple[str | None, str, date | None, str | None, str]:
    """"before May" with no year: on or before the end of the month before (``[..2023-04]``, to the month,
    never a day).  Looking ahead (the future tense, or a fear, warning or forecast of it) the May is the
    first one not begun at publication (the article's year, or the next when May has begun or is over);
    in the past tense the May of the article's year when that May has begun, else on or before
    publication (this May or an earlier one: either way).  The bracket holds no ``?``: an inferred
    publication's doubt is said in the basis."""
    if pub.day is None:
        return None, f"'{phrase}' gives no year and the publication date is not known", None, None, ""
    p = pub.day
    if tense == FUTURE:
        y = p.year if mon > p.month else p.year + 1
        why = (f"the first {_MON_NAME[mon - 1]} not begun at publication ({pub.words}), as a forecast or plan "
               "looks ahead")
    elif mon > p.month:  # "failed before May" in a March article: that May or an earlier one, the text says not
        return (f"[..{p.isoformat()}]",
                f"'{phrase}' gives no year, and in the {tense} tense it may mean this {_MON_NAME[mon - 1]} or an "
                f"earlier one: either way on or before publication ({pub.words})." + _pub_note(pub), None, None, "")
    else:
        y = p.year
        why = f"the {_MON_NAME[mon - 1]} of the article's year, begun by publication ({pub.words})"
    by_y, by_m = (y, mon - 1) if mon > 1 else (y - 1, 12)
    return (f"[..{by_y:04d}-{by_m:02d}]",
            f"'{phrase}': before {_MON_NAME[mon - 1]} {y} ({why}), so by the end of {_MON_NAME[by_m - 1]} {by_y} "
            "at the latest (to the month: the text gives no day)." + _pub_note(pub), None, None, "")


_LOOKS_AHEAD = re.compile(r"\b(?P<verb>(?:warn|fear|predict|expect|forecast|anticipat)\w*)(?P<of>\s+of\b)?"
                          r"[^,.;:“”\"]{0,80}$", re.I)
_NOT_A_SUBJECT = re.compile(r"(?:^|\b(?:the|a|an|its|his|her|their|our|of|amid|over|with|new|growing)|[’']s)\s*$",
                            re.I)


def _looks_ahead(before: str) -> re.Match[str] | None:
    """The fear, warning or forecast (a verb after its subject) in ``before``, the clause up to a date:
    "Generals feared an offensive (before May)", "The ministry warned of an attack": the date is of what
    they fear, ahead of them, whatever the verb's tense.  Never a noun ("Fears of an offensive before May
    grew", "amid warnings of …", "the ministry's forecast")."""
    m = _LOOKS_AHEAD.search(before)
    if m is None or _NOT_A_SUBJECT.search(before[:m.start()]):
        return None
    verb = m.group("verb").lower()
    if verb.endswith(("ings", "ions", "ation")) or (m.group("of") and not verb.startswith("warn")):
        return None
    return m


def _tense_text(sentence: str, pos: int) -> str:
    """The text a date's tense is read from: ``sentence`` with the quotations that do not hold ``pos``
    blanked out, so the reporting verb decides ("“We will never give up,” Peskov said on Monday": said,
    not will); but when the quoted words are the only verb of the date's clause ("The ministry “will
    respond” on Monday, Peskov said"), they are its verb, and the sentence is read as written."""
    masked = masked_outside(sentence, pos)
    if masked is sentence:
        return sentence
    a, b = clause_bounds(masked, pos)
    if not _markers(masked[a:b]) and _markers(sentence[a:b]):
        return sentence
    return masked


def find_mentions(sentence: str, pub: Publication) -> list[TimeMention]:
    """The temporal expressions of one sentence, resolved against ``pub``.

    Parameters
    ----------
    sentence : str
        The sentence's text (offsets in the result are relative to it).
    pub : Publication

    Returns
    -------
    list of TimeMention, in text order; overlapping matches keep the first,
    most specific pattern.  "since X" and "from X to Y" become spans; a
    duration ("ten days") after a day mention gives that mention an end.
    """
    taken: list[tuple[int, int]] = []
    out: list[TimeMention] = []
    for kind, rx in _PATTERNS:
        for m in rx.finditer(sentence):
            a, b = m.span()
            if any(a < y and x < b for x, y in taken):
                continue
            if kind == "year" and re.search(r"[A-Za-z]-$", sentence[max(0, a - 2):a]):
                continue  # "Allied Resolve-2022": a name, not a date
            tense = tense_at(_tense_text(sentence, a), a)
            lead_words = sentence[:a] + (m.group(0).split()[0] + " " if kind == "mon" else "")  # ("until June")
            forward = kind in ("mon", "md", "dm") and _AGREED_TO.search(lead_words) is not None
            before = (kind == "mon" and m.group("pre").lower() == "before") or \
                _BEFORE_DATE.search(sentence[:a]) is not None
            looks_ahead = _looks_ahead(sentence[:a]) if before else None
            if looks_ahead is None and tense == FUTURE:  # "Officials expect a convoy on Saturday": what they
                # expect, a forecast as "predicted that …" is (never "The deal is expected to …": a plan)
                looks_ahead = _looks_ahead(sentence[:a])
                if looks_ahead is not None and _PASSIVE_END.search(sentence[:looks_ahead.start()]):
                    looks_ahead = None
            if forward:  # "agreed on Thursday to extend sanctions until February": a month ahead of the agreement
                tense = FUTURE
            elif looks_ahead is not None:
                tense = FUTURE  # "Generals feared an offensive before May": the offensive feared, ahead
            elif tense == FUTURE and _SAID_REFUSAL.search(sentence[:a]):
                tense = PAST  # 'A spokesman said that the ministry “would not comment” on Friday': the saying's day
            elif tense == FUTURE and _ACCORDING_WHEN.search(sentence[:a]) and \
                    not _markers(re.split(r"[,;:]", sentence[b:], maxsplit=1)[0]):
                tense = PAST  # "According to officials on Monday, talks would resume": the officials' Monday
            e, basis, d, end_e, end_b = _resolve(kind, m, sentence, pub, tense)
            lead = len(m.group(0)) - len(m.group(0).lstrip())
            prep = _PREP.search(sentence[:a]) if kind in ("md", "dm", "mdy", "dmy", "my", "year", "iso", "wd") else None
            if prep is not None and not (kind == "wd" and (m.group("rel") or "").strip()):
                a, lead = prep.start(), 0
            part = _PART_OF.search(sentence[:a]) if m.group(0).lower().startswith("of ") else None
            if part is not None:  # "at the end of April": the source's words, not "of April"
                a, lead = part.start(), 0
            mention = TimeMention(a + lead, b, sentence[a + lead:b], e, basis, tense,
                                  "range" if end_e else "date", end_e, end_b, d,
                                  relative=kind in _RELATIVE and
                                  not ((kind.startswith("range") or kind == "season") and m.group("year")))
            if forward and e is not None:
                mention.extra["forward"] = True
            if looks_ahead is not None:  # (the offset of "feared", "warned of", …: see viewer.ingest.drafts)
                mention.extra["looks_ahead"] = looks_ahead.start()
            taken.append((a, b))
            out.append(mention)
    out.sort(key=lambda t: t.start)
    for k, mention in enumerate(out):
        if mention.extra.get("forward"):
            _after_agreement(mention, out[:k], pub)
    return _combine(sentence, out, pub)


_PASSIVE_END = re.compile(r"\b(?:is|are|was|were|be|been|being|not)\s+$", re.I)
"""What stands before a passive or negated verb ("is expected", "do not expect"): no one's forecast."""


_BEFORE_DATE = re.compile(r"\bbefore\s+$", re.I)
""""before" right before a date ("before March 20", "before June 2024", "before 2025"): an upper bound, the
date is never the event's own."""


_NAMES_A_THING = re.compile(r"\s+(?!(?:and|or|but|to|in|on|at|as|when|while|after|if|than|that|the|a|an|with|for|"
                            r"from|by|of|it|he|she|they|we|was|were|is|are|had|has|have|would|will)\b)(?P<noun>[a-z][\w-]*)")
"""A date that names a thing after it ("before 2022 elections", "before March 5 talks"): the thing's date,
so what comes "before" it is on or before that date, not before its first day."""


def _day_before(edtf: str) -> tuple[str, str] | None:
    """``(EDTF, words)`` of the unit just before ``edtf`` (a day, month or year, no qualifier): what
    "before" it reaches at the latest; None for any other form."""
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", edtf):
        d = date.fromisoformat(edtf) - timedelta(days=1)
        return d.isoformat(), fmt_day(d)
    if re.fullmatch(r"\d{4}-\d{2}", edtf):
        y, mo = int(edtf[:4]), int(edtf[5:])
        y, mo = (y, mo - 1) if mo > 1 else (y - 1, 12)
        return f"{y:04d}-{mo:02d}", f"the end of {_MON_NAME[mo - 1]} {y}"
    if re.fullmatch(r"\d{4}", edtf) and int(edtf) > 1:
        return f"{int(edtf) - 1:04d}", f"the end of {int(edtf) - 1}"
    return None


_AFTER_DATE = re.compile(r"\bafter\s+$", re.I)
""""after" right before a date ("after March 3", "after 2014"): a lower bound, the date is never the event's own."""


def _unit_after(edtf: str, thing: bool) -> tuple[str, str] | None:
    """``(EDTF, words)`` of where "after" ``edtf`` (a day, month or year, no qualifier) begins at the earliest:
    the next unit, or ``edtf`` itself when the date names a thing after it ("after March 5 talks")."""
    if thing:
        return (edtf, "that date") if re.fullmatch(r"\d{4}(?:-\d{2}){0,2}", edtf) else None
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", edtf):
        d = date.fromisoformat(edtf) + timedelta(days=1)
        return d.isoformat(), fmt_day(d)
    if re.fullmatch(r"\d{4}-\d{2}", edtf):
        y, mo = int(edtf[:4]), int(edtf[5:])
        y, mo = (y, mo + 1) if mo < 12 else (y + 1, 1)
        return f"{y:04d}-{mo:02d}", f"the start of {_MON_NAME[mo - 1]} {y}"
    if re.fullmatch(r"\d{4}", edtf) and int(edtf) < 9999:
        return f"{int(edtf) + 1:04d}", f"the start of {int(edtf) + 1}"
    return None


def _publication_unit(pub: Publication, like: str) -> str | None:
    """Publication's day, month or year, to the precision of EDTF ``like``; None when unknown."""
    if pub.day is None:
        return None
    return pub.day.isoformat()[:len(like)] if len(like) in (4, 7, 10) else None


_SAID_REFUSAL = re.compile(r"\b(?:said|stated|told\s+[\w ]{1,30}?|added|insisted)\s+(?:that\s+)?[^“”\"«».;]{0,80}"
                           r"[“\"«][^“”\"«»]{0,40}\b(?:(?:would|will)\s+(?:not|never)|won[’']t|wouldn[’']t)\b"
                           r"[^“”\"«»]{0,40}[”\"»][\s,]*(?:on\s+|last\s+)?$")
"""A refusal quoted in a past saying, right before a date: 'A spokesman said that the ministry “would not comment”
on Friday' is the spokesman's Friday, never a comment planned for a Friday ahead ("would not" is no plan)."""
_ACCORDING_WHEN = re.compile(r"\b[Aa]ccording\s+to\s+[^,;:.“”\"«»]{1,80}?\s(?:on\s+|last\s+)?$")
"""The source before a date, "according to" (no verb of its own: "According to officials on Monday, talks would
resume on Friday"): the day the source spoke, by publication, never a Monday ahead read from the clause's
"would"."""
_AGREED_TO = re.compile(r"\b(?:agreed|agrees|decided|decides|voted|votes|resolved|pledged|promised|vowed)\b"
                        r"[^,.;:]{0,60}?\bto\s+[a-z]+\b[^,.;:]{0,80}?\s(?:until|till|by|through)\s+$", re.I)
"""What an agreement or a vote is to do, up to an end or a deadline ("agreed on Thursday to extend sanctions
until …", "voted to extend the mission by …"): a date ahead of the agreement, never one before it."""


def _after_agreement(mention: TimeMention, before: list[TimeMention], pub: Publication) -> None:
    """Date ``mention`` (a month or a day without a year, flagged ``forward``) as the first such month on
    or after the agreement it ends or limits: the day of the agreement when the sentence gives one before it
    (``before``), else publication (it was resolved in the future tense).  Marks it a plan."""
    agreed = next((m for m in reversed(before) if re.match(r"^\d{4}-\d{2}(?:-\d{2})?\??$", m.edtf or "")), None)
    edtf = mention.edtf or ""
    found = re.match(r"^(\d{4})-(\d{2})(-\d{2})?(\?)?$", edtf)
    basis = mention.basis
    if agreed is not None and found is not None:
        stated = agreed.edtf or ""
        ay, am = int(stated[:4]), int(stated[5:7])
        mon = int(found.group(2))
        y = ay if mon >= am else ay + 1
        edtf = f"{y:04d}-{mon:02d}{found.group(3) or ''}{found.group(4) or ''}"
        since = f"the agreement ('{agreed.phrase}')"
        basis = re.sub(r"year \d{4}: written in the future tense and \d{4} would put it before publication",
                       f"year {y}", basis)
    else:
        since = f"publication ({pub.words})"
    mention.edtf = edtf
    mention.basis = (f"{basis.rstrip('.')}. The end or deadline of what was agreed, decided or voted: the "
                     f"first such month on or after {since}, and a plan, not a report that it happened.")
    mention.extra["after_publication"] = True


def _combine(sentence: str, mentions: list[TimeMention], pub: Publication) -> list[TimeMention]:
    """Join "from X to Y" into a range, "since X" into an open span, and a
    duration after a day into a span."""
    out: list[TimeMention] = []
    skip = set()
    for i, m in enumerate(mentions):
        if i in skip:
            continue
        before = sentence[:m.start]
        ahead = _BEFORE_DATE.search(before) if m.kind == "date" and m.edtf else None
        named = _NAMES_A_THING.match(sentence, m.end)  # "before 2022 elections": at latest in 2022
        thing = named is not None
        ends = m.phrase.lower().startswith(("the end of", "the close of")) or thing
        prior = None if ahead is None else (m.edtf, "") if ends else _day_before(m.edtf or "")
        if ahead is not None and prior is not None and not (m.edtf or "").startswith(("[", "..")):
            # "before March 20": on or before the 19th, never the 20th itself ("before the end of May": May)
            m.start, m.phrase = ahead.start(), sentence[ahead.start():m.end]
            m.edtf = f"[..{prior[0]}]"
            noun = named.group("noun") if named is not None else ""
            m.basis += (f" Before the '{noun}' it dates (not before the date itself): on or before it."
                        if named is not None else
                        " 'Before the end of' it: on or before it." if ends else
                        f" 'Before' it: on or before {prior[1]}, never that {'day' if m.day else 'date'} itself.")
            m.day = None
        elif (behind := _AFTER_DATE.search(before)) is not None and m.kind == "date" and m.edtf and \
                not m.edtf.startswith(("[", "..")) and (later := _unit_after(m.edtf.rstrip("?~"), thing)) is not None:
            # "Troops left after March 3": on or after the 4th, never the 3rd itself (and, told in the past,
            # by publication); "after March 5 talks": on or after the talks' day
            m.start, m.phrase = behind.start(), sentence[behind.start():m.end]
            q = "?" if m.edtf[-1:] == "?" else ""
            upto = _publication_unit(pub, later[0]) if m.tense in (PAST, PERFECT) else None
            m.edtf = f"[{later[0]}..{upto or ''}]" if upto is None or upto >= later[0] else f"[{later[0]}..]"
            m.basis += (f" 'After' it: on or after {later[1]}, never a day the text gives"
                        + (f", and by publication ({pub.words})" if upto and upto >= later[0] else "") + "."
                        + (" Uncertain, as the date it follows." if q else ""))
            m.day = None
        elif m.phrase.lower().startswith("by ") or (_BY.search(before) and m.kind == "date"):
            if m.edtf and not m.edtf.startswith(("[", "..")):
                b = _BY.search(before)
                if b is not None:
                    m.start, m.phrase = b.start(), sentence[b.start():m.end]
                m.edtf = f"[..{m.edtf.rstrip('?~')}]" + ("" if m.edtf[-1] not in "?~" else "")
                m.basis += " 'By' it: on or before it."
                m.day = None
        elif (_SINCE.search(before) or m.phrase.lower().startswith("since ")) and m.edtf:
            s = _SINCE.search(before)
            if s is not None:
                m.phrase = sentence[s.start():m.end]
                m.start = s.start()
            m.kind = "since"
            if m.tense == PAST and not re.search(r"\bhad\b", sentence[:m.start]) and pub.day is None:
                m.end_edtf, m.end_basis = "..", "The article does not say when it ended."
            elif pub.day is not None:
                m.end_edtf = f"[{pub.day.isoformat()}..]"
                m.end_basis = (f"Still the case at publication ({pub.words}); the article gives no end: on or after "
                               "that day." + _pub_note(pub))
            else:
                m.end_edtf, m.end_basis = "..", "Still going when written; the publication date is not known."
        elif _FROM.search(before) and i + 1 < len(mentions) and mentions[i + 1].edtf and m.edtf:
            nxt = mentions[i + 1]
            gap = sentence[m.end:nxt.start]
            f = _FROM.search(before)
            if f is not None and _TO.match(gap) and len(gap) < 12:
                m.start, m.end = f.start(), nxt.end
                m.phrase = sentence[m.start:m.end]
                m.kind, m.end_edtf, m.end_basis = "range", nxt.edtf, nxt.basis
                skip.add(i + 1)
        out.append(m)
    for m in out:
        if m.day is None or m.kind != "date":
            continue
        dur = _DURATION.search(sentence, m.end, min(len(sentence), m.end + 80))
        if dur is None:
            dur = _DURATION.search(sentence[max(0, m.start - 80):m.start])
            if dur is not None:
                continue  # a duration before the day ("ten days ... on Thursday") is not its start
        if dur is None or dur.group("unit").lower().startswith("week") and "weeks" not in dur.group(0).lower():
            continue
        if re.search(r",\s*(?:and|but|while)\s|;", sentence[m.end:dur.start()]):
            continue  # "struck on September 10, and rescuers have worked for five days": another clause's time
        n = number_value(dur.group("num"))
        if not n or n > 366:
            continue
        days = n * (7 if dur.group("unit").lower().startswith("week") else 1)
        m.kind = "range"
        m.extra["duration"] = dur.group(0)
        stated = pub.span_end
        if stated is not None and stated[1] - m.day in (timedelta(days=days), timedelta(days=days - 1)):
            m.end_edtf = stated[1].isoformat()
            m.end_basis = (f"'{dur.group(0).strip()}' from {fmt_day(m.day)}, ending on {fmt_day(stated[1])} as the "
                           "article states elsewhere.")
        else:
            first, last = m.day + timedelta(days=days - 1), m.day + timedelta(days=days)
            m.end_edtf = f"[{first.isoformat()}..{last.isoformat()}]"
            m.end_basis = (f"'{dur.group(0).strip()}' from {fmt_day(m.day)}: ends {fmt_day(first)} (counting the "
                           f"first day) or {fmt_day(last)} (not counting it); the article does not say which.")
    return out
