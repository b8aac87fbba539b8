"""Plans spoken of in someone's words are plans (tester round after breakit7): in an article of Wed 8 Mar 2023,
`Peskov said on February 20: "We will meet tomorrow."` was dated 21 Feb, rightly, but drawn as a meeting that
happened; the speaker spoke of the future, so the article reports a plan as of 20 Feb, never a fact.  The words'
tense decides a date inside them (the reporting verb's a date outside them), as for every quote.  And speakers
named with a role set off by commas ("Anna Berg, the mission head, said") were an unnamed "the mission head" or
no one; "Lavrov told state television «…»" was unattributed.  What the user sees: each draft's date, whether it
is drawn planned, and each quote's speaker and role."""

from __future__ import annotations

from datetime import date

import pytest

from viewer.ingest import ingest_text

WED = date(2023, 3, 8)


def _ingest(text: str):
    return ingest_text("KYIV, March 8, 2023 (Reuters) - " + text, published=WED).timeline


def _event(tl, phrase: str):
    (e,) = [e for e in tl.events if (e.start.phrase or "").lower() == phrase.lower()]
    return e


@pytest.mark.parametrize("text, phrase, edtf", [
    ('Peskov said on February 20: "We will meet tomorrow."', "tomorrow", "2023-02-21"),
    ('"We will meet tomorrow," Peskov said on February 20.', "tomorrow", "2023-02-21"),
    ("Peskov said on February 20 that they would meet tomorrow.", "tomorrow", "2023-02-21"),
    ("Zelensky said in 2019 that elections would be held next year.", "next year", "2020"),
    ('Last Thursday Peskov said: "We will meet on Monday."', "on Monday", "2023-03-06"),
    ('Peskov said: "We will meet on February 21."', "on February 21", "2023-02-21?"),
    # a plan of the article's own words beside a direct quote (was a fact: any direct quote in the sentence made
    # every date in it a remark's)
    ('"We are ready," Lavrov said, adding that the talks would begin on February 24.', "on February 24",
     "2023-02-24"),
])
def test_a_plan_in_someones_words_is_planned_even_when_its_day_is_before_publication(text, phrase, edtf):
    tl = _ingest(text)
    e = _event(tl, phrase)
    assert e.start.edtf == edtf
    assert e.planned and tl.is_planned(e)  # was drawn as a fact: the meeting "happened" on that day


@pytest.mark.parametrize("text, phrase, edtf", [
    ('Peskov said on February 20: "We met yesterday."', "yesterday", "2023-02-19"),
    ("Peskov said on February 20 that they had met the day before yesterday.", "on February 20", "2023-02-20"),
    ('"We will never give up," Peskov said on February 20.', "on February 20", "2023-02-20"),
    ('A new round, according to Foreign Minister Jean-Yves Le Drian, would be a "good sign," he said in an '
     'interview on February 20.', "on February 20", "2023-02-20"),
    ('Peskov said on February 20: "We will meet tomorrow."', "on February 20", "2023-02-20"),
])
def test_what_was_said_and_the_saying_itself_stay_facts(text, phrase, edtf):
    tl = _ingest(text)
    e = _event(tl, phrase)
    assert e.start.edtf == edtf
    assert not tl.is_planned(e)


# speakers: a name with a role set off by commas before the verb is the speaker, with that role; a speaker
# named before "told reporters «…»" is the speaker of the words in guillemets

def _quotes(tl):
    return [(q.speaker, q.speaker_role, q.kind.value, q.text) for e in tl.events for q in e.quotes]


@pytest.mark.parametrize("text, role, kind, words", [
    ("Anna Berg, the mission head, said the convoy would leave on Tuesday.", "the mission head", "reported",
     "the convoy would leave on Tuesday"),
    ("Anna Berg, head of the mission, said the convoy left on Monday.", "head of the mission", "reported",
     "the convoy left on Monday"),
    ('Anna Berg, the mission head, said: "The convoy left on Monday."', "the mission head", "direct",
     "The convoy left on Monday"),
    ('"The convoy left on Monday," Anna Berg, the mission head, said.', "the mission head", "direct",
     "The convoy left on Monday"),
    ('"The convoy left on Monday," said Anna Berg, the mission head.', "the mission head", "direct",
     "The convoy left on Monday"),
])
def test_a_name_with_its_role_set_off_by_commas_is_the_speaker(text, role, kind, words):
    tl = _ingest(text)
    assert set(_quotes(tl)) == {("Anna Berg", role, kind, words)}  # was an unnamed "the mission head", or none
    assert not any("unnamed" in e.title.lower() for e in tl.events)


@pytest.mark.parametrize("text, speaker, role", [
    ("Sergey Lavrov, Russia's foreign minister, told reporters «We are ready».", "Sergey Lavrov",
     "Russia's foreign minister"),
    ("Lavrov told state television «We are ready».", "Lavrov", ""),
    ("Lavrov told reporters «We are ready.»", "Lavrov", ""),
])
def test_a_speaker_named_before_told_reporters_and_guillemets_is_kept(text, speaker, role):
    tl = _ingest(text)
    assert _quotes(tl) == [(speaker, role, "direct", "We are ready")]  # was unattributed
    (e,) = tl.events
    assert e.title == f"{speaker}: “We are ready”"


# an unclosed quote: its words are reported speech (never a quotation), dated and judged planned by the same rule
# as a closed quote's: a date inside the words by the words' tense, counted from when they were said (a guess
# when the sentence does not say); a date outside them by the reporting verb's

def _drafts(text: str):
    tl = _ingest(text)
    return sorted((e.start.edtf, tl.is_planned(e), tuple(q.speaker for q in e.quotes)) for e in tl.events)


@pytest.mark.parametrize("closed", [
    'Peskov said "we will strike back on Monday."',
    'Peskov said: "We will meet on Monday."',
    'Shoigu said: "We will never accept this."',
    'Peskov said on February 20 "we will meet tomorrow."',
    'Peskov said on Monday "we will strike back."',
    '"We will never give up," Peskov said on Monday.',
])
def test_an_unclosed_quote_is_dated_and_planned_as_the_same_quote_closed(closed):
    unclosed = closed.replace('."', '.').replace(',"', ',')
    assert unclosed.count('"') == 1
    want = _drafts(closed)
    assert want and all(speakers for _, _, speakers in want)
    assert _drafts(unclosed) == want  # was a day counted from publication as if certain, or no speaker, or no draft
    tl = _ingest(unclosed)
    assert all(q.kind.value == "reported" and not q.text.startswith('"') for e in tl.events for q in e.quotes)


def test_one_sentence_that_names_its_day_twice_gives_one_draft():
    tl = _ingest("Speaking in Downing Street on Monday, Prime Minister Boris Johnson warned on Monday that Russia "
                 "would invade.")
    assert [(e.start.edtf, e.title) for e in tl.events] == [
        ("2023-03-06", "Boris Johnson: Russia would invade"),  # was the same draft twice, to review twice
        ("[2023-03-06..]", "Boris Johnson (forecast): Russia would invade")]  # his forecast, planned (honest6)
    assert [tl.is_planned(e) for e in tl.events] == [False, True]
