"""'Johnson met Biden, who called it “a productive day,” on Wednesday.' (ingest7, break-it tester's art2.txt).

The speaker of a "who called" quote is the name just before ", who called", never the clause that ends with it:
the draft was titled 'Johnson met Biden: "a productive day"' with the speaker "Johnson met Biden" and a track of
that name.  What the user sees: the quote's speaker, the event's title, and the track labels."""

from __future__ import annotations

from datetime import date

from viewer.ingest import ingest_text
from viewer.model.timeline import QuoteKind

FRI = date(2022, 3, 11)


def _tl(text: str):
    return ingest_text("LONDON (AP) - " + text, published=FRI).timeline


def test_who_called_after_a_clause_is_the_name_before_who_never_the_clause():
    tl = _tl('Johnson met Biden, who called it "a productive day," on Wednesday.')
    quoted = [e for e in tl.events if e.quotes]
    assert quoted, "the quote was dropped"
    said = [(q.kind, q.speaker, q.text) for e in quoted for q in e.quotes]
    assert said == [(QuoteKind.DIRECT, "Biden", "a productive day")]  # was "Johnson met Biden"
    assert [e.title for e in quoted] == ["Biden: “a productive day”"]  # was 'Johnson met Biden: "a productive day"'
    labels = [t.label for t in tl.tracks]
    assert not any("met" in label for label in labels)  # was a track "Johnson met Biden"


def test_who_called_after_a_role_keeps_the_role_and_name():
    tl = _tl('Foreign minister Lavrov, who called it "a productive day," left on Wednesday.')
    said = [q.speaker for e in tl.events for q in e.quotes]
    assert said and all("Lavrov" in s for s in said)
