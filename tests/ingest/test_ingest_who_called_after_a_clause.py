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


WED = date(2022, 3, 9)


def _quoted(text: str):
    tl = ingest_text("PARIS (Reuters) - " + text, published=WED).timeline
    return tl, [e for e in tl.events if e.quotes]


def test_in_what_macron_called_is_macrons_quote_verbatim_never_dropped():
    tl, quoted = _quoted('Scholz met Macron in Berlin on Tuesday, in what Macron called "a frank exchange."')
    (e,) = quoted  # was no quote at all, silently
    assert [(q.kind, q.speaker, q.text) for q in e.quotes] == [(QuoteKind.DIRECT, "Macron", "a frank exchange")]
    assert e.start.edtf == "[..2022-03-09]"  # his calling: by publication, never the meeting's Tuesday
    meeting = next(x for x in tl.events if x.start.phrase == "on Tuesday")
    assert meeting.start.edtf == "2022-03-08" and not meeting.quotes


def test_which_lavrov_called_is_lavrovs_quote_never_the_signing_day():
    tl, quoted = _quoted('The deal, which Lavrov called "dead on arrival", was signed on Monday.')
    (e,) = quoted  # was no quote at all, silently
    assert [(q.kind, q.speaker, q.text) for q in e.quotes] == [(QuoteKind.DIRECT, "Lavrov", "dead on arrival")]
    assert e.start.edtf == "[..2022-03-09]"
    signed = next(x for x in tl.events if x.start.phrase == "on Monday")
    assert signed.title == "The deal was signed" and not signed.quotes


def test_a_name_in_quotation_marks_stays_no_quote():
    _, quoted = _quoted('NATO began drills, called "Allied Resolve", on Monday.')
    assert quoted == []


def test_said_that_would_not_comment_on_friday_is_the_past_saying_never_a_plan():
    tl = ingest_text('PARIS (Reuters) - A spokesman said that the ministry "would not comment" on Friday.',
                     published=WED).timeline
    friday = next(e for e in tl.events if e.start.phrase == "on Friday")
    assert friday.start.edtf == "2022-03-04"  # was Fri 11 Mar, after publication
    assert not tl.is_planned(friday)  # was drawn planned: a refusal said in the past is no plan
    assert [(q.kind, q.text) for q in friday.quotes] == [(QuoteKind.DIRECT, "would not comment")]


def test_said_the_summit_would_take_place_stays_a_plan():
    tl = ingest_text("PARIS (Reuters) - Officials said the summit would take place on 20 March.",
                     published=WED).timeline
    (e,) = tl.events
    assert e.start.edtf == "2022-03-20" and tl.is_planned(e)


def test_in_what_the_ministry_called_and_in_what_was_called_keep_the_quote():
    _, quoted = _quoted('Troops crossed the border on Monday, in what the ministry called "a provocation".')
    assert [(q.speaker, q.text) for e in quoted for q in e.quotes] == [("ministry", "a provocation")]
    r = ingest_text('PARIS (Reuters) - Troops crossed the border on Monday, in what was called "a provocation".',
                    published=WED)
    said = [(q.kind, q.speaker, q.text) for e in r.timeline.events for q in e.quotes]
    assert said == [(QuoteKind.DIRECT, "", "a provocation")]  # was dropped silently: now kept, unattributed
    from viewer.ingest.report import report_text
    assert "direct quote, (unattributed): “a provocation”" in report_text(r)
