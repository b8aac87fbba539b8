"""What the reviewer sees for sentences a tester gave (article published Fri 10 Mar 2023): quotation marks
inside markup tags, a quotation never closed after "said,", and asides between a speaker and the verb."""

from viewer.ingest import ingest_text

from .tester_articles import PUB
from .tester_articles import events_of as _events


def test_an_attribute_in_a_tag_is_no_quotation_and_the_reported_speech_is_kept():
    events = _events('John Smith, a spokesman for the <a href="http://x">ministry</a>, said on Tuesday that the '
                     "ministry had responded.")
    quotes = [q for e in events for q in e.quotes]
    assert not any("http" in q.text for q in quotes)
    assert [(q.speaker, q.kind.value, q.text) for q in quotes] == [
        ("John Smith", "reported", "the ministry had responded")]
    (event,) = events
    assert event.start.edtf == "2023-03-07"


def test_a_script_element_in_the_role_keeps_the_quote_attributed():
    events = _events('John Smith, a <script>alert(1)</script> spokesman, said: "We will respond."')
    assert [(q.speaker, q.kind.value) for e in events for q in e.quotes] == [("John Smith", "direct")]


def test_an_unclosed_quote_after_said_comma_is_the_speakers_reported_speech():
    result = ingest_text('Anna Berg said, "The inspectors left on Tuesday.', published=PUB)
    (event,) = result.timeline.events
    assert [(q.speaker, q.kind.value) for q in event.quotes] == [("Anna Berg", "reported")]
    assert event.start.edtf.startswith("2023-03-07")
    assert "Tue 7 Mar 2023 A quotation" not in event.start.basis  # each part ends with its full stop
    assert "never closed" in event.start.basis


def test_a_direct_quote_after_who_spoke_is_the_named_speakers_counted_from_when_he_spoke():
    events = _events('Peskov, who spoke on Monday, said: "The talks will resume tomorrow."')
    assert {(q.speaker, q.kind.value) for e in events for q in e.quotes} == {("Peskov", "direct")}
    assert all(q.attribution.startswith("Peskov") for e in events for q in e.quotes)
    assert not any("who" in e.title.lower() for e in events)
    (resume,) = [e for e in events if e.planned]
    # as for the reported form 'Peskov, who spoke on Monday, said the talks would resume tomorrow.'
    assert resume.start.edtf == "2023-03-07"  # the day after he spoke


def test_an_aside_inside_the_relative_clause_gives_no_speaker_and_no_saying_date():
    events = _events("Anna Berg, the head of the mission, which, officials said, arrived on Monday, said the "
                     "inspectors left on Tuesday.")
    assert not any(q.speaker == "arrived" for e in events for q in e.quotes)
    (left,) = [e for e in events if "inspectors left" in e.title.lower()]
    assert left.start.edtf == "2023-03-07"  # counted from the article, never from the mission's Monday
    assert [(q.speaker, q.kind.value) for q in left.quotes] == [("Anna Berg", "reported")]
    (arrived,) = [e for e in events if "arrived" in e.title]
    assert arrived.title == "The mission arrived" and arrived.start.edtf == "2023-03-06"
    # the arrival is what officials said, never the article's own account
    assert [(q.speaker, q.kind.value, q.text) for q in arrived.quotes] == [("officials", "reported",
                                                                            "arrived on Monday")]


def test_a_quote_wrapped_in_a_tag_with_an_attribute_keeps_its_speaker():
    events = _events('Peskov said <i class="q">"We are ready."</i>')
    assert [(q.speaker, q.kind.value, q.text, q.attribution) for e in events for q in e.quotes] == [
        ("Peskov", "direct", "We are ready", "Peskov said")]
