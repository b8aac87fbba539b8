"""A newcomer's short articles, ingested as a user would (the ingest API), and what the drafts say:

* an appositive after the speaker ("said Amira Haddad, the mission head, on Wednesday") hid the
  reporting verb, so a remark made last Wednesday was dated "one day between" two Wednesdays;
* "Aid workers expect a second convoy on Saturday" (and "intend to") was not drafted as planned;
* "A spokesman for the ministry … said" was read as the speaker "for the ministry";
* "“…,” the minister said." was unattributed although the paragraph before names one minister;
* "by the end of April" lost "by the end" from its phrase and was drafted as the whole month.
"""

from datetime import date

import pytest

from viewer.ingest import ingest_text

MON = date(2024, 3, 11)  # a Monday: "on Wednesday" in the past is Wed 6 Mar, in the future Wed 13 Mar


def _events(text, day=MON):
    return ingest_text(text, published=day).timeline.events


def _one(text, day=MON):
    (e,) = _events(text, day)
    return e


@pytest.mark.parametrize("sentence", [
    '"Roads are still blocked," said Amira Haddad, the mission head, on Wednesday.',
    '"Roads are still blocked," said Amira Haddad, head of the mission, on Wednesday.',
    '"Roads are still blocked," Amira Haddad, the mission head, said on Wednesday.',
])
def test_an_appositive_after_the_speaker_does_not_hide_the_reporting_verb(sentence):
    e = _one(sentence)
    assert e.start.edtf == "2024-03-06"  # the Wednesday before publication, not "one day between"
    assert "past tense" in e.start.basis
    assert not e.planned
    assert [q.speaker for q in e.quotes] == ["Amira Haddad"]


@pytest.mark.parametrize("sentence", [
    "Aid workers expect a second convoy on Saturday.",
    "The agency expects a second convoy on Saturday.",
    "The mission intends to send a second convoy on Saturday.",
    "Aid workers intend to send a second convoy on Saturday.",
    "The mission plans to send a second convoy on Saturday.",
    "The mission will send a second convoy on Saturday.",
])
def test_an_expected_or_intended_event_with_a_weekday_is_drafted_as_planned_on_the_next_one(sentence):
    e = _one(sentence)
    assert e.start.edtf == "2024-03-16"  # the next Saturday, not "one day between" two Saturdays
    assert e.planned
    assert "future tense" in e.start.basis


def test_an_event_that_was_expected_is_not_made_a_plan():
    e = _one("Aid workers had expected a second convoy on Saturday.")
    assert not e.planned and e.start.edtf == "2024-03-09"


ART2 = """Ministers trade blame over grain corridor

Published 14 June 2023

The foreign minister said on Tuesday that the corridor "will reopen next week if guarantees are given." \
Officials in Ankara said talks would resume on Monday.

"We have done everything we could," the minister said. "The other side has not."

A spokesman for the ministry claimed the ships had been stopped last week, and said the convoy will sail on 20 June.
"""


def test_a_spokesman_for_the_ministry_is_the_speaker_not_for_the_ministry():
    events = _events(ART2, day=None)
    sail = next(e for e in events if e.start.phrase == "on 20 June")
    speakers = {q.speaker for e in events for q in e.quotes}
    assert not any(s.startswith("for ") for s in speakers), speakers
    assert any("spokesman for the ministry" in s for s in speakers), speakers
    # was "Said the convoy …"
    assert sail.title == "A spokesman for the ministry (plan): the convoy will sail on 20 June"
    assert sail.planned
    stopped = next(e for e in events if e.start.phrase == "last week")
    assert [q.text for q in stopped.quotes] == ["the ships had been stopped last week"]  # not "…, and said …"
    assert [q.text for q in sail.quotes] == ["the convoy will sail on 20 June"]


def test_the_minister_is_the_one_minister_named_in_the_paragraph_before():
    events = _events(ART2, day=None)
    done = next(e for e in events if any(q.text == "We have done everything we could" for q in e.quotes))
    first = next(e for e in events if e.start.phrase == "on Tuesday")
    (q,) = [q for q in done.quotes if q.text == "We have done everything we could"]
    assert q.speaker and q.speaker == first.quotes[0].speaker  # the foreign minister, as the article says
    assert not done.title.startswith("Unattributed"), done.title


def test_the_minister_stays_unattributed_when_the_paragraph_before_names_two_ministers():
    text = ("Defence Minister Jan Nowak met Foreign Minister Eva Berg in Warsaw on Monday.\n\n"
            '"We have done everything we could," the minister said.')
    events = _events(text)
    (q,) = [q for e in events for q in e.quotes if q.text == "We have done everything we could"]
    assert q.speaker == ""


def test_the_minister_stays_unattributed_when_no_minister_was_named():
    text = 'Talks stalled in Ankara on Monday.\n\n"We have done everything we could," the minister said.'
    (q,) = [q for e in _events(text) for q in e.quotes if q.text == "We have done everything we could"]
    assert q.speaker == ""


def test_the_minister_is_resolved_to_a_named_minister_of_the_paragraph_before():
    text = ("Transport Minister Pieter Bakker will meet both sides in The Hague on Wednesday.\n\n"
            '"The government is ready to mediate," the minister said.')
    (q,) = [q for e in _events(text) for q in e.quotes if q.text.startswith("The government")]
    assert q.speaker == "Pieter Bakker"


def test_by_the_end_of_april_keeps_its_words_and_is_on_or_before_the_month():
    e = _one("Officials said a final agreement is expected by the end of April.", day=date(2023, 3, 10))
    assert e.start.phrase == "by the end of April"
    assert e.start.edtf == "[..2023-04]"
    assert e.planned


def test_at_the_end_of_april_keeps_its_words_and_its_month():
    e = _one("The talks ended at the end of April.", day=date(2023, 3, 10))
    assert e.start.phrase == "at the end of April"  # was "of April"
    assert e.start.edtf == "2022-04"
