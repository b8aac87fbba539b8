"""The text report of an ingest: publication date, events, quotes, unresolved."""

from __future__ import annotations

from ..model.quoting import is_direct, reported_who
from .build import IngestResult

__all__ = ["report_text"]


def _where(offsets: tuple[int, int] | None) -> str:
    return f"{offsets[0]}–{offsets[1]}" if offsets is not None else "not located"


def report_text(result: IngestResult) -> str:
    """What ``timeline-viewer ingest`` prints: the publication date and why,
    each draft event (date, ``planned:`` before a plan's date, phrase, title, track, quotes with speakers:
    direct quotes in quotation marks, reported speech without them) and
    the expressions left unresolved, then the warnings (a quote opened and never closed), if any."""
    pub = result.publication
    tl = result.timeline
    lines = [f"Publication date: {pub.edtf or 'unknown'} ({pub.how})", f"  why: {pub.basis}"]
    lines.append(f"Draft events: {len(tl.events)} (all unreviewed), tracks: "
                 + ", ".join(t.label for t in tl.tracks))
    for e in tl.events:
        when = e.start.edtf + (f" .. {e.end.edtf}" if e.end is not None else "")
        if tl.is_planned(e):
            when = f"planned: {when}"  # a plan (future tense, or after publication), not a fact
        lines.append(f"  [{when}] {e.title}  (track {e.track}; sentence {_where(e.draft.offsets)})"
                     if e.draft else f"  [{when}] {e.title}")
        if e.start.phrase or e.start.basis:
            lines.append(f"      phrase: “{e.start.phrase}”; basis: {e.start.basis}")
        if e.end is not None and (e.end.phrase or e.end.basis):
            lines.append(f"      end: “{e.end.phrase}”; basis: {e.end.basis}")
        for q in e.quotes:
            who = q.who or "(unattributed)"
            if is_direct(q):  # the source's own words: in quotation marks
                lines.append(f"      direct quote, {who}: “{q.text}”")
            else:  # the article's wording, never a quotation (viewer.model.quoting); "Kuleba, denied" kept
                lines.append(f"      reported speech, {reported_who(q) if q.who else who}: {q.text}")
    lines.append(f"Unresolved expressions: {len(result.unresolved)}")
    for u in result.unresolved:
        lines.append(f"  sentence {u.sentence + 1}: “{u.phrase}”: {u.reason}")
    if result.warnings:
        lines.append(f"Warnings: {len(result.warnings)}")
        lines.extend(f"  {w}" for w in result.warnings)
    lines.append(f"({len(result.sentences)} sentences in {result.seconds * 1000:.0f} ms)")
    return "\n".join(lines)
