"""Source grading as intelligence analysts record it (no Qt).

The NATO "Admiralty" system (AJP-2.1, *Allied Joint Doctrine for
Intelligence Procedures*, and STANAG 2511; Analyst's Notebook uses the same
codes) grades two things apart:

* the **reliability of a source**, A to F (:data:`RELIABILITY`), on the
  source (:attr:`~viewer.model.timeline.Source.reliability`);
* the **credibility of a claim**, 1 to 6 (:data:`CREDIBILITY`), on an event
  or a quote (``credibility``).

Both are optional: ``""`` means nobody graded it, and nothing is ever
guessed (the bundled timeline is ungraded: its article grades nothing).  A
claim is shown with the reliability of its source and its own credibility:
``"B2"`` (usually reliable source, probably true).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Protocol

from .records import Event, Quote, Source

__all__ = ["RELIABILITY", "CREDIBILITY", "grade_code", "grade_words", "claim_grade", "SourceLookup"]

RELIABILITY = {
    "A": "completely reliable",
    "B": "usually reliable",
    "C": "fairly reliable",
    "D": "not usually reliable",
    "E": "unreliable",
    "F": "reliability cannot be judged",
}
"""Source reliability codes of AJP-2.1, with their words."""

CREDIBILITY = {
    "1": "confirmed by other sources",
    "2": "probably true",
    "3": "possibly true",
    "4": "doubtful",
    "5": "improbable",
    "6": "truth cannot be judged",
}
"""Information credibility codes of AJP-2.1, with their words."""


def grade_code(reliability: str, credibility: str) -> str:
    """``"B2"``; ``"B-"`` / ``"-2"`` when one half is ungraded; ``""`` when both are."""
    if not reliability and not credibility:
        return ""
    return (reliability or "-") + (credibility or "-")


def grade_words(reliability: str, credibility: str) -> str:
    """``"source usually reliable; claim probably true"`` (the parts that are graded)."""
    parts = []
    if reliability:
        parts.append(f"source {RELIABILITY.get(reliability, reliability)}")
    if credibility:
        parts.append(f"claim {CREDIBILITY.get(credibility, credibility)}")
    return "; ".join(parts)


class SourceLookup(Protocol):
    """What :func:`claim_grade` reads of a timeline (:class:`~viewer.model.timeline.Timeline` has it)."""

    @property
    def source_index(self) -> Mapping[str, Source]: ...


def claim_grade(timeline: SourceLookup, event: Event, quote: Quote | None = None) -> str:
    """The grade of an event (or one of its quotes): its source's reliability
    (the quote's source, else the event's first cited source) and its credibility."""
    sid = quote.source if quote is not None and quote.source else (event.sources[0] if event.sources else "")
    src = timeline.source_index.get(sid)
    reliability = src.reliability if src is not None else ""
    credibility = quote.credibility if quote is not None else event.credibility
    return grade_code(reliability, credibility)
