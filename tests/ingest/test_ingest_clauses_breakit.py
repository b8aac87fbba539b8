"""What the reviewer sees for four sentences a tester gave (article published Fri 10 Mar 2023):
a relative clause inside an attribution, two reported clauses joined by "adding that", markup
left in a plain-text article beside a speaker's role, and a quotation mark never closed."""

from viewer.ingest import ingest_text

from .tester_articles import PUB
from .tester_articles import events_of as _events


def test_a_relative_clause_after_the_role_is_about_the_mission_and_never_the_speaker():
    events = _events("Anna Berg, the head of the mission, which arrived on Monday, said the inspectors left on "
                     "Tuesday.")
    speakers = {q.speaker for e in events for q in e.quotes}
    assert speakers == {"Anna Berg"}
    assert {q.speaker_role for e in events for q in e.quotes} == {"the head of the mission"}
    assert not any("which" in q.attribution.split(",")[0] for e in events for q in e.quotes)
    assert not any("Anna Berg arrived" in e.title for e in events)
    arrived = [e for e in events if "arrived" in e.title]
    assert all(e.title == "The mission arrived" and e.start.edtf == "2023-03-06" for e in arrived)
    (left,) = [e for e in events if "inspectors left" in e.title.lower()]
    # Tuesday before publication: counted from the article, not from the mission's Monday arrival
    assert left.start.edtf == "2023-03-07"
    assert not left.planned
    assert [q.kind.value for q in left.quotes] == ["reported"]


def test_who_clause_after_the_role_keeps_the_named_speaker():
    events = _events("Anna Berg, the head of the mission, who arrived on Monday, said the inspectors left on "
                     "Tuesday.")
    assert {q.speaker for e in events for q in e.quotes} == {"Anna Berg"}
    (left,) = [e for e in events if "inspectors left" in e.title.lower()]
    assert left.start.edtf == "2023-03-07"


def test_adding_that_gives_each_reported_clause_its_own_draft_and_title():
    events = _events("Berg said on Wednesday that the report would be published on March 14, adding that talks "
                     "had ended on March 3.")
    by_day = {e.start.edtf: e for e in events}
    published, ended = by_day["2023-03-14"], by_day["2023-03-03"]
    assert published.title == "Berg (plan): the report would be published" and published.planned
    assert ended.title == "Talks had ended" and not ended.planned
    assert [q.text for q in ended.quotes] == ["talks had ended on March 3"]
    assert [q.text for q in published.quotes] == ["the report would be published on March 14"]
    assert all(q.kind.value == "reported" and q.speaker == "Berg" for e in events for q in e.quotes)
    assert not any("adding" in e.title for e in events)


def test_markup_in_a_plain_text_role_keeps_the_quote_attributed_and_shown_as_text():
    from viewer.ui.detail_pane import event_html

    timeline = ingest_text('John Smith, a spokesman for the <b>ministry</b>, said: "We will respond."',
                           published=PUB).timeline
    (event,) = timeline.events
    (quote,) = event.quotes
    assert quote.kind.value == "direct" and quote.text == "We will respond"
    assert quote.speaker == "John Smith"
    assert quote.speaker_role == "a spokesman for the <b>ministry</b>"  # the article's characters, as text
    assert event.title == "John Smith: “We will respond”"
    html = event_html(event, timeline)  # the detail pane: the tag's characters shown, never a bold "ministry"
    assert "&lt;b&gt;ministry&lt;/b&gt;" in html and "<b>ministry" not in html


def test_a_title_never_carries_an_unclosed_quotation_mark():
    result = ingest_text("He added that the delegation “will arrive on March 15.", published=PUB)
    (event,) = result.timeline.events
    assert "“" not in event.title and "”" not in event.title
    assert event.start.edtf == "2023-03-15" and event.planned
    assert [q.kind.value for q in event.quotes] == ["reported"]
    assert result.warnings  # the reviewer is still told the mark is never closed


def test_a_direct_quote_after_an_aside_is_not_dated_by_the_aside():
    events = _events("Anna Berg, the head of the mission, which arrived on Monday, said: “The inspectors left on "
                     "Tuesday.”")
    (arrived,) = [e for e in events if e.start.edtf == "2023-03-06"]
    assert arrived.title == "The mission arrived" and not arrived.quotes  # never "Anna Berg: “…”" on Monday
    (left,) = [e for e in events if e.quotes]
    assert left.start.edtf == "2023-03-07?"  # her words, undated: counted from publication, a guess
    assert [(q.speaker, q.kind.value) for q in left.quotes] == [("Anna Berg", "direct")]


def test_reported_speech_after_an_aside_stays_the_speakers_words():
    events = _events("Peskov, who spoke on Monday, said the talks would resume tomorrow.")
    assert all([(q.speaker, q.kind.value) for q in e.quotes] == [("Peskov", "reported")] for e in events)
    (resume,) = [e for e in events if e.planned]
    assert resume.start.edtf == "2023-03-07"  # the day after he spoke


def test_the_clause_after_said_is_never_taken_for_the_speaker():
    events = _events("The ministry, which opened an inquiry on Monday, said the inspectors left on Tuesday.")
    speakers = {q.speaker for e in events for q in e.quotes}
    assert "inspectors left" not in speakers and speakers <= {"ministry"}
    assert not any(q.text.startswith("The ministry, which") for e in events for q in e.quotes)
    (left,) = [e for e in events if "inspectors left" in e.title]
    assert left.start.edtf == "2023-03-07"
