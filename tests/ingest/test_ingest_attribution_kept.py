"""What a reviewer sees of an article whose claims are someone's words: every event drawn from a
sentence with a speech verb carries who said it, as reported speech (never as the article's own
fact); an event from inside "X said on Monday that …" keeps the speaker and is titled by its clause;
a direct quote after "The minister said that …" keeps its speaker; titles are clean clauses."""

from __future__ import annotations

from datetime import date

from viewer.ingest import ingest_text
from viewer.model.timeline import QuoteKind


def _events(text: str, published: date = date(2023, 3, 14)):
    return ingest_text(text, published=published).timeline.events


def _one(events, words: str):
    (ev,) = [e for e in events if words in e.title]
    return ev


def test_a_planned_event_said_by_the_minister_carries_the_minister_as_reported_speech():
    events = _events("Ceasefire talks would resume next week, said the minister.\n")
    ev = _one(events, "talks would resume")
    # was "Ceasefire talks would resume"
    assert ev.title == "The minister (plan): Ceasefire talks would resume next week"
    assert ev.planned
    (q,) = ev.quotes  # was none: the plan read as the article's own
    assert q.kind == QuoteKind.REPORTED
    assert q.speaker == "unnamed official (“the minister”, as the article says)"
    assert "next week" in q.text and len(ev.sources) == 2


def test_the_minister_said_with_two_ministers_named_is_not_guessed():
    events = _events("Defence Minister Piotr Lis met Foreign Minister Ada Wren on Monday. "
                     "The minister said the navy would leave port on Friday.\n", date(2022, 2, 10))
    ev = _one(events, "navy would leave port")
    assert ev.title == "The minister (plan): the navy would leave port on Friday"  # was "The minister said the navy …"
    (q,) = ev.quotes  # was none
    assert q.kind == QuoteKind.REPORTED
    assert q.speaker == "unnamed official (“The minister”, as the article says)"  # neither minister guessed
    assert ev.planned


def test_an_event_inside_a_reported_clause_keeps_the_speaker_and_its_clause_as_title():
    events = _events("Officials said on Monday that 2,000 troops had crossed the river in early February.\n")
    ev = next(e for e in events if e.start.edtf == "2023-02")
    assert ev.title == "2,000 troops had crossed the river"  # was "On Monday that 2,000 troops had crossed…"
    (q,) = ev.quotes  # was none: the claim read as fact
    assert q.kind == QuoteKind.REPORTED and q.speaker == "Officials"
    assert "Officials said on Monday" in q.attribution
    said = next(e for e in events if e.start.edtf == "2023-03-13")
    assert said.quotes and said.quotes[0].speaker == "Officials"


def test_an_aside_the_ministry_said_is_the_events_attribution():
    events = _events("In the spring of 2022, the ministry said, the first joint patrols took place.\n")
    (ev,) = events
    assert ev.title == "The first joint patrols took place"  # was "In the spring"
    (q,) = ev.quotes
    assert q.kind == QuoteKind.REPORTED and q.speaker == "ministry" and q.attribution == "the ministry said"


def test_a_direct_quote_after_the_speaker_said_that_keeps_its_speaker():
    events = _events("Defence Minister Piotr Lis met Foreign Minister Ada Wren on Monday. "
                     "Lis's deputy said on Tuesday that the plan was \"final\". "
                     "The minister said that the deal was \"a disaster for everyone\" on Friday.\n",
                     date(2022, 2, 10))
    final = next(q for e in events for q in e.quotes if q.text == "final")
    assert final.kind == QuoteKind.DIRECT and final.speaker == "Lis's deputy"  # was unattributed
    ev = next(e for e in events if any(q.text == "a disaster for everyone" for q in e.quotes))
    (q,) = ev.quotes
    assert q.kind == QuoteKind.DIRECT
    assert q.speaker == "unnamed official (“The minister”, as the article says)"  # was unattributed
    assert ev.title == "The minister: the deal was “a disaster for everyone”"  # the article's clause kept (honest6)


def test_titles_are_clean_clauses():
    events = _events("Russia began naval drills on Thursday that will finish on February 20. "
                     "Sometime in the 1980s the depot was built. "
                     "\"It is finished,\" he said on 31 February.\n", date(2022, 2, 10))
    titles = [e.title for e in events]
    assert "Naval drills will finish" in titles  # was "On Thursday that will finish"
    assert "The depot was built" in titles  # was "Sometime the depot was built"
    assert "Unattributed: “It is finished”" in titles  # was "\"It said"
    assert not [t for t in titles if t.startswith(("\"", "“", "On ", "That ", "Sometime"))]


def test_a_track_note_is_a_sentence_of_its_own_in_the_basis():
    events = _events("\"We will hold,\" said Ada Wren, the foreign minister, on Tuesday.\n")
    (ev,) = events
    # (the remark was said on Tuesday: past tense, the appositive does not hide "said")
    assert "Tue 7 Mar 2023. Track 'People'" in ev.start.basis  # was "that day Track 'People'"
