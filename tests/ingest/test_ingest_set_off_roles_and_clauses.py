"""What the reviewer sees for the sentences the ingest4 round left (article published Fri 10 Mar 2023): a role set
off by commas before the speaker's name ("A spokesperson for the Kremlin, Dmitry Peskov, said") ties the speaker
to that body's track as "Kremlin spokesman Dmitry Peskov said" does; a reported clause in the present tense ("who
said that NATO is a threat") is a clause of its own; an ", adding that …" after a direct quote is the speaker's
reported speech, a plan when it speaks of the future."""

from viewer.ingest import ingest_text
from viewer.model.timeline import QuoteKind

from .tester_articles import PUB


def _drafts(text):
    tl = ingest_text(text, published=PUB).timeline
    label = {t.id: t.label for t in tl.tracks}
    return [(e, label[e.track]) for e in tl.events]


def _said(event):
    return [(q.kind, q.speaker, q.text) for q in event.quotes]


def test_a_role_set_off_before_the_name_puts_the_speaker_on_that_body_s_track():
    for text, who, body in [
        ("A spokesperson for the Kremlin, Dmitry Peskov, said on Tuesday that the talks had failed.", "Dmitry Peskov",
         "Russia"),
        ("The head of NATO, Jens Stoltenberg, said on Tuesday that the talks had failed.", "Jens Stoltenberg", "NATO"),
    ]:
        ((e, track),) = _drafts(text)
        assert e.title == f"{who}: the talks had failed"
        assert (e.start.edtf, e.start.phrase) == ("2023-03-07", "on Tuesday") and not e.planned
        assert _said(e) == [(QuoteKind.REPORTED, who, "the talks had failed")]
        assert track == body  # was "People", where "Kremlin spokesman Dmitry Peskov said" is on "Russia"


def test_a_speaker_tied_to_a_body_stays_on_its_track_when_named_again():
    drafts = _drafts("A spokesperson for the Kremlin, Dmitry Peskov, said on Tuesday that the talks had failed. "
                     "Dmitry Peskov said on Wednesday that the army had left. Peskov said on Thursday that the army "
                     "had returned.")
    assert [(e.title, e.start.phrase, track) for e, track in drafts] == [
        ("Dmitry Peskov: the talks had failed", "on Tuesday", "Russia"),
        ("Dmitry Peskov: the army had left", "on Wednesday", "Russia"),  # was a track "Dmitry Peskov"
        ("Dmitry Peskov: the army had returned", "on Thursday", "Russia"),
    ]
    assert {q.speaker for e, _ in drafts for q in e.quotes} == {"Dmitry Peskov"}


def test_a_clause_before_the_name_is_no_role():
    drafts = _drafts("After meeting the German chancellor, Olaf Scholzz, said on Tuesday that talks would go on.")
    assert all(track != "Germany" for _, track in drafts)


def _by_phrase(text):
    return {e.start.phrase: e for e, _ in _drafts(text)}


def test_a_relative_saying_in_the_present_tense_is_its_own_claim_undated_unless_its_clause_dates_it():
    drafts = _by_phrase("Peskov, who said that NATO is a threat, said on Tuesday that the talks had failed.")
    tuesday, undated = drafts["on Tuesday"], drafts[""]
    # was one draft "Peskov: the talks had failed", "NATO is a threat" nowhere
    assert tuesday.title == "Peskov: the talks had failed" and tuesday.start.edtf == "2023-03-07"
    assert _said(tuesday) == [(QuoteKind.REPORTED, "Peskov", "the talks had failed")]
    # the other saying is not Tuesday's: on or before publication, never the main saying's day
    assert undated.title == "Peskov: NATO is a threat" and undated.start.edtf == "[..2023-03-10]"
    assert _said(undated) == [(QuoteKind.REPORTED, "Peskov", "NATO is a threat")]
    assert len(drafts) == 2
    dated = _by_phrase("Peskov, who said on Monday that NATO is a threat, said on Tuesday that the talks had failed.")
    # was two drafts "Peskov said", on Monday and Tuesday, with no words and on a track "NATO"
    assert dated["on Monday"].title == "Peskov: NATO is a threat" and dated["on Monday"].start.edtf == "2023-03-06"
    assert _said(dated["on Monday"]) == [(QuoteKind.REPORTED, "Peskov", "NATO is a threat")]
    assert _said(dated["on Tuesday"]) == [(QuoteKind.REPORTED, "Peskov", "the talks had failed")]


def test_a_main_clause_in_the_present_tense_is_reported_speech():
    for text, words in [("Peskov said on Tuesday that the talks are over.", "the talks are over"),
                        ("Peskov said on Tuesday the report is late.", "the report is late")]:
        ((e, track),) = _drafts(text)
        # was "Peskov said" on "Other", with no speaker and no words
        assert e.title == f"Peskov: {words}" and (e.start.edtf, e.start.phrase) == ("2023-03-07", "on Tuesday")
        assert _said(e) == [(QuoteKind.REPORTED, "Peskov", words)] and track == "People"
    ((e, _),) = _drafts("Peskov said on Tuesday that the mission had left, adding that NATO is a threat.")
    assert _said(e) == [(QuoteKind.REPORTED, "Peskov", "the mission had left"),
                        (QuoteKind.REPORTED, "Peskov", "NATO is a threat")]  # was one clause holding "adding that"


def test_words_with_no_finite_verb_are_no_clause_of_their_own():
    ((e, _),) = _drafts("Peskov said on Tuesday that the talks had failed, urging residents to do the same.")
    assert _said(e) == [(QuoteKind.REPORTED, "Peskov", "the talks had failed, urging residents to do the same")]
    ((e, _),) = _drafts("The minister said on Tuesday.")
    assert not any(q.kind == QuoteKind.REPORTED and "Tuesday" in q.text for q in e.quotes)


def test_adding_that_after_a_direct_quote_is_the_speaker_s_reported_plan():
    for text in ['"We are ready," Berg said, adding that talks would resume on Monday.',
                 'Berg said: "We are ready," adding that talks would resume on Monday.']:
        drafts = _by_phrase(text)
        ready, resume = drafts[""], drafts["on Monday"]
        # was one draft "Berg: “We are ready”" dated Monday and planned, the added clause dropped
        assert ready.title == "Berg: “We are ready”" and ready.start.edtf == "[..2023-03-10]" and not ready.planned
        assert _said(ready) == [(QuoteKind.DIRECT, "Berg", "We are ready")]  # verbatim, still direct
        assert resume.start.edtf == "2023-03-13" and resume.planned  # "would resume": a plan, never a fact
        assert _said(resume) == [(QuoteKind.REPORTED, "Berg", "talks would resume on Monday")]  # never a quotation
        assert len(drafts) == 2
    drafts = _by_phrase('"We are ready," Berg said on Tuesday, adding that talks would resume on Monday.')
    assert _said(drafts["on Tuesday"]) == [(QuoteKind.DIRECT, "Berg", "We are ready")]
    assert drafts["on Tuesday"].start.edtf == "2023-03-07" and not drafts["on Tuesday"].planned
    assert _said(drafts["on Monday"]) == [(QuoteKind.REPORTED, "Berg", "talks would resume on Monday")]
    assert drafts["on Monday"].planned
