"""How a quote is written when it leaves the app (no Qt): the one rule.

Direct speech keeps the source's words in quotation marks with its speaker::

    “at their lowest level in recent years” — Sergey Lavrov, Russian Foreign Minister

Reported speech is the source's wording of what someone said, not their
words, so it is never put in quotation marks, and it is never spliced into a
sentence of the tool's ("Officials said that Talks will resume …" put words
in the article's mouth and showed the splice by its capital): the source's
words stand as written after an attribution kept apart from them::

    Reported (Jens Stoltenberg, NATO Secretary-General): Russia’s deployment …

Every outlet (citation, TimelineJS, CSV, iCalendar, present-mode captions,
the PDF deck and hand-out) writes quotes through :func:`quote_sentence`, and
dates through :func:`qualified_date`, which keeps a date's qualifier
("uncertain", "about", "on or before") wherever the date is shortened.
"""

from __future__ import annotations

import re

from .dates import EventDate
from .timeline import Quote, QuoteKind

__all__ = ["is_direct", "quote_sentence", "reported_lead", "reported_who", "denial_verb", "qualified_date",
           "date_qualifier"]

_DENIAL = re.compile(r"\b(?:den(?:y|ies|ied|ying)|reject(?:s|ed|ing)|dismiss(?:es|ed|ing)|disput(?:es|ed|ing))\b", re.I)
"""An attribution that denies what follows: "Kuleba denied on Monday that …", "dismissed claims that …"."""

def is_direct(q: Quote) -> bool:
    """True for direct speech (quotation marks allowed), False for reported speech."""
    return QuoteKind(q.kind) == QuoteKind.DIRECT


def denial_verb(q: Quote) -> str:
    """``"denied"`` when reported speech is what its speaker denied, else ``""``.

    "Kuleba denied on Monday that Ukraine will attack Belgorod" makes the
    reported quote "Ukraine will attack Belgorod": its words are the claim
    Kuleba denied, never his, so wherever they are written the denial goes
    with them.  Read from the attribution as written (deny, reject, dismiss,
    dispute: all written "denied").  Direct quotes are the speaker's own
    words and get ``""``.
    """
    if is_direct(q) or not _DENIAL.search(q.attribution or ""):
        return ""
    return "denied"


def reported_who(q: Quote) -> str:
    """Who a reported quote is attributed to, with its denial: ``"Kuleba, denied"``,
    ``"Jens Stoltenberg, NATO Secretary-General"``, ``"speaker not named"``."""
    verb = denial_verb(q)
    who = q.who or "speaker not named"
    return f"{who}, {verb}" if verb else who


def reported_lead(q: Quote) -> str:
    """The attribution that opens a reported quote: ``"Reported (Jens Stoltenberg, NATO Secretary-General):"``.

    ``"Reported (speaker not named):"`` when the quote names no speaker;
    ``"Reported (Kuleba, denied):"`` when the speaker denied the words (:func:`denial_verb`).
    """
    return f"Reported ({reported_who(q)}):"


def quote_sentence(q: Quote) -> str:
    """The quote as one line of plain text, by the rule of this module.

    Direct: ``“TEXT” — SPEAKER, ROLE`` (``“TEXT”`` without a speaker).
    Reported: ``Reported (SPEAKER, ROLE): TEXT`` — TEXT exactly as the source
    wrote it (its capitals kept), no quotation marks, no words added to it.
    Callers that write HTML escape the result.
    """
    if is_direct(q):
        return f"“{q.text}”" + (f" — {q.who}" if q.who else "")
    return f"{reported_lead(q)} {q.text}"


def date_qualifier(d: EventDate) -> tuple[str, str]:
    """``(before, after)`` words a shortened date must keep: ``("about ", "")``,
    ``("on or before ", "")``, ``("", " (uncertain)")`` … (``("", "")`` for an exact date)."""
    before = ""
    if d.relation in ("on or before", "on or after"):
        before = d.relation + " "
    elif d.relation == "one of":
        before = "one day in "
    elif d.approximate:
        before = "about "
    return before, (" (uncertain)" if d.uncertain else "")


def qualified_date(d: EventDate, short: str | None = None) -> str:
    """A date in short words with its qualifier kept.

    ``short`` is the date as the caller writes it (``"February 10, 2022"``);
    default :meth:`EventDate.describe` without its precision note.  Returns
    e.g. ``"February 10, 2022 (uncertain)"`` for ``2022-02-10?``, ``"on or
    before Thu 10 Feb 2022"`` for ``[..2022-02-10]``.
    """
    if short is None:
        text = re.sub(r"\s*\(to the \w+\)", "", d.describe())
        return text.replace(", uncertain", " (uncertain)")
    before, after = date_qualifier(d)
    return f"{before}{short}{after}"
