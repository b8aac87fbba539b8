"""The publication date of an article: given, printed, or inferred and said so.

In order:

1. ``--published`` (an ISO date, or words such as "10 February 2022" read
   with dateparser restricted to English; an all-number date such as
   ``03/04/2022`` is refused: day and month order is never guessed);
2. machine-readable metadata of an HTML page (``article:published_time``,
   ``<time datetime>``);
3. a dateline or byline in the first lines ("LONDON, Feb. 10, 2022 (Reuters)
   –", "Published 10 February 2022", "By Jane Doe | March 4, 2023");
4. inference from the text, as the bundled dataset reasons: a run of days
   that "began on Thursday" and "will finish on February 20" after "ten
   days" starts on the Thursday ten days before the 20th; an article that
   speaks of that Thursday in the past and in the future was written on it.
   The result is uncertain (``?``) and its basis says why.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from .extract import Sentence
from .temporal import _PATTERNS, MONTHS, WEEKDAYS, Publication, _valid, fmt_day, number_value
from .tense import FUTURE, PAST, PERFECT, tense_at

__all__ = ["PublishedError", "parse_published", "find_publication", "find_outlet"]


class PublishedError(ValueError):
    """A ``--published`` value that is not a date, or is ambiguous."""


_PATTERN = dict(_PATTERNS)
_LINE_HINT = re.compile(r"^\s*(?:published|posted|updated|first published|date|dateline|by\b[^|\n]*[|·•,–—-])",
                        re.I)
_END_VERB = re.compile(r"\b(?:finish|end|conclude|close|wrap up|run (?:until|through|to)|last (?:until|through))\w*",
                       re.I)
_DURATION = re.compile(r"\b(?P<num>\d{1,3}|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fourteen|"
                       r"twenty|thirty)\s+days\b", re.I)
_WD = re.compile(r"\b(?<!last )(?<!next )(?<!this )(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")
_OUTLET = re.compile(r"^[A-Z][A-Za-z0-9 .,'’-]{1,60}?\s*\((?P<outlet>[A-Z][^()]{1,60})\)\s*[–—-]")


def parse_published(value: str) -> date:
    """A ``--published`` value as a day.

    Accepts ISO ``YYYY-MM-DD`` and written dates ("10 February 2022",
    "Feb. 10, 2022"; read with dateparser, English only, day required).

    Raises
    ------
    PublishedError
        Not a day, or all-number with a slash or dot (``03/04/2022``), whose
        day/month order would have to be guessed.
    """
    text = value.strip()
    m = re.fullmatch(r"(\d{4})-(\d\d)-(\d\d)", text)
    if m:
        d = _valid(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        if d is None:
            raise PublishedError(f"--published {value!r}: not a day of the calendar")
        return d
    if re.fullmatch(r"-\d+-\d\d-\d\d", text):
        raise PublishedError(f"--published {value!r}: a year before 1 CE is not read as a publication date "
                             "(expected e.g. 2022-02-10 or 10 February 2022)")
    if re.fullmatch(r"[\d\s/.,-]+", text):
        raise PublishedError(f"--published {value!r}: day and month order is ambiguous; write 2022-02-10 "
                             "or 10 February 2022")
    import dateparser  # imported here: it takes about half a second and is needed only for this

    parsed = dateparser.parse(text, languages=["en"],
                              settings={"REQUIRE_PARTS": ["day", "month", "year"], "STRICT_PARSING": True,
                                        "RETURN_AS_TIMEZONE_AWARE": False})
    if parsed is None:
        raise PublishedError(f"--published {value!r}: not a date with day, month and year "
                             "(expected e.g. 2022-02-10 or 10 February 2022)")
    return parsed.date()


def find_outlet(text: str) -> tuple[str, str]:
    """The outlet named in a dateline such as ``BELARUS (Washington Insider
    Magazine) –`` or ``LONDON (Reuters) -``: ``(outlet, dateline words)``, or
    ``("", "")``."""
    first = text.split("\n", 1)[0]
    m = _OUTLET.match(first)
    if not m:
        return "", ""
    return m.group("outlet").strip(), first[:m.end()].rstrip(" –—-")


def _years(text: str) -> list[int]:
    return [int(y) for y in re.findall(r"(?<!\d)(1[89]\d\d|20\d\d)(?!\d)", text)]


def _full_date(s: str) -> tuple[date, str] | None:
    for kind in ("iso", "mdy", "dmy"):
        m = _PATTERN[kind].search(s)
        if m:
            g = m.groupdict()
            if kind == "iso":
                d = _valid(int(g["year"]), int(g["m"]), int(g["d"]))
            else:
                d = _valid(int(g["year"]), MONTHS[g["mon"].lower().rstrip(".")], int(g["day"]))
            if d:
                return d, m.group(0)
    return None


def _metadata_day(raw: str) -> date | None:
    """The day a metadata date (``2022-02-10T09:00:00Z``) starts with, or None."""
    m = re.match(r"(\d{4})-(\d\d)-(\d\d)", raw.strip())
    return _valid(int(m.group(1)), int(m.group(2)), int(m.group(3))) if m else None


def _from_metadata(meta_dates: list[str]) -> Publication | None:
    for raw in meta_dates:
        d = _metadata_day(raw)
        if d:
            return Publication(d, True, True, None, raw, f"The page's metadata gives the publication time "
                               f"'{raw}': {fmt_day(d)} (the day as written; its time of day is not used).",
                               "metadata")
    return None


def _from_dateline(text: str) -> Publication | None:
    lines = [ln for ln in text.split("\n")[:6] if ln.strip()]
    for i, ln in enumerate(lines):
        head = ln[:200]
        if i < 2 or _LINE_HINT.match(ln):
            found = _full_date(head)
            if found and (i < 2 and (head.index(found[1]) < 60 or len(ln) < 120) or _LINE_HINT.match(ln)):
                d, words = found
                return Publication(d, True, True, None, words,
                                   f"Dateline/byline '{head[:head.index(words) + len(words)].strip()}': {fmt_day(d)}.",
                                   "dateline")
    return None


def _infer(sentences: list[Sentence], year_hint: int | None) -> Publication | None:
    """The bundled article's reasoning: a run of N days that began on weekday
    W and finishes on a stated day starts on the W N days before that day."""
    if year_hint is None:
        return None
    durations = [(s, m) for s in sentences for m in _DURATION.finditer(s.text)]
    ends: list[tuple[Sentence, re.Match[str], date]] = []
    for s in sentences:
        for m in _PATTERN["md"].finditer(s.text):
            if _END_VERB.search(s.text[max(0, m.start() - 40):m.start()]):
                d = _valid(year_hint, MONTHS[m.group("mon").lower().rstrip(".")], int(m.group("day")))
                if d:
                    ends.append((s, m, d))
    tenses: dict[int, set[str]] = {}
    for s in sentences:
        for m in _WD.finditer(s.text):
            tenses.setdefault(WEEKDAYS[m.group("wd").lower()], set()).add(tense_at(s.text, m.start()))
    for ds, dm in durations:
        n = number_value(dm.group("num"))
        if not n:
            continue
        for es, em, end in ends:
            for count, start in ((n, end - timedelta(days=n)), (n - 1, end - timedelta(days=n - 1))):
                wd = start.weekday()
                if wd not in tenses:
                    continue
                said = tenses[wd]
                past = bool(said & {PAST, PERFECT})
                fut = FUTURE in said
                weekday_word = [k for k, v in WEEKDAYS.items() if v == wd][0].capitalize()
                basis = (f"The article prints no date. It says '{dm.group(0)}' and '{em.group(0)}' "
                         f"(\"{es.text[max(0, em.start() - 40):em.end()].strip()}\"); the year {year_hint} is the "
                         f"latest the text names. The {weekday_word} that opens {dm.group(0)} ending on "
                         f"{fmt_day(end)} is {fmt_day(start)}"
                         + (" (counting the last day but not the first)" if count == n else " (counting both)") + ". ")
                if past and fut:
                    basis += (f"The article speaks of that {weekday_word} both in the past and in the future, so it "
                              f"was written on that day: publication taken as {fmt_day(start)}, uncertain.")
                elif past:
                    basis += (f"The article speaks of that {weekday_word} in the past only: written on it or in the "
                              f"days after; taken as {fmt_day(start)}, uncertain.")
                else:
                    continue
                return Publication(start, False, True, wd, "", basis, "inferred", year_hint,
                                   (ds.start + dm.start(), end))
    return None


def find_publication(text: str, sentences: list[Sentence], meta_dates: list[str] | None = None,
                     given: date | None = None) -> Publication:
    """The article's publication date and how it was found (see module docstring).

    Returns a :class:`Publication` (``day`` None when none could be found or
    inferred: relative expressions then stay unresolved and are listed).
    """
    years = _years(text)
    year_hint = max(years) if years else None
    if given is not None:
        found: Publication | None = Publication(given, True, True, None, given.isoformat(),
                                                f"Given as the publication date: {fmt_day(given)}.", "given")
    else:
        found = _from_metadata(meta_dates or []) or _from_dateline(text) or _infer(sentences, year_hint)
    # a page date that cannot be read is said, not dropped without a word: the user may trust it more
    bad = [raw for raw in (meta_dates or []) if _metadata_day(raw) is None]
    unread = ((" The page's metadata gives " + ", ".join(repr(r[:60]) for r in bad[:3])
               + (" (and more)" if len(bad) > 3 else "") + ", not a date (expected YYYY-MM-DD...): not used.")
              if bad else "")
    if found is None or found.day is None:
        why = ("No publication date given (--published), none printed in a dateline or byline, and none can be "
               "inferred from the text")
        why += (f"; the text names the year {year_hint}, used only for days written without a year."
                if year_hint else ".")
        return Publication(None, False, False, None, "", why + unread, "none", year_hint)
    pub = found
    pub.basis += unread
    if pub.how != "inferred" and pub.day is not None:
        # a stated end of a run of days elsewhere still helps "ten days" spans
        inferred = _infer(sentences, pub.day.year)
        if inferred is not None and inferred.span_end is not None:
            pub.span_end = inferred.span_end
    return pub
