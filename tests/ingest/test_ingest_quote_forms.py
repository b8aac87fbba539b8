"""Quotes that a hostile tester wrote (breakit5), in this file's own small articles: words in a quote
never set the tense of the reporting verb's date; a date that opens a sentence is never part of a
speaker or a track name; an unclosed quote is never a verbatim quotation and is reported with where
it is; a backslash-escaped quotation mark inside a quote is part of the quotation, never where it
ends.  Every article is dated Wednesday 14 June 2023, so "on Monday" said in the past is Mon 12 June
and a Monday planned is Mon 19 June."""

from __future__ import annotations

from datetime import date

import pytest

from viewer.cli import main
from viewer.ingest import ingest_text, report_text

WED = date(2023, 6, 14)


def _ingest(text: str):
    return ingest_text("Posted 14 June 2023\n" + text, published=WED)


def _event(tl, phrase: str):
    (e,) = [e for e in tl.events if (e.start.phrase or "").lower() == phrase.lower()]
    return e


def _label(tl, e) -> str:
    return next(t.label for t in tl.tracks if t.id == e.track)


# 1. the tense of "on Monday" is the reporting verb's, not the quoted words'

@pytest.mark.parametrize("sentence", [
    "“We shall never retreat,” Zakharova said on Monday.",
    "\"We will never retreat,\" Zakharova said on Monday.",
    "Zakharova said: \"Moscow will answer.\" on Monday.",
    "Zakharova told reporters 'we will answer' on Monday.",
])
def test_a_remark_in_the_future_tense_said_on_monday_was_said_last_monday(sentence):
    r = _ingest(sentence)
    e = _event(r.timeline, "on Monday")
    assert e.start.edtf == "2023-06-12"  # was 2023-06-19, a plan for next week
    assert not r.timeline.is_planned(e)  # was "[planned: 2023-06-19]"
    assert "future tense" not in e.start.basis and "past tense" in e.start.basis
    (q,) = e.quotes
    assert q.speaker == "Zakharova"
    assert "planned" not in report_text(r).split("\n", 3)[3]


def test_a_date_inside_a_quote_takes_the_tense_of_its_own_words_not_a_nested_quote():
    r = _ingest("On Tuesday Zakharova said: \"Shoigu told me 'we will never yield' on Sunday,\" and left.")
    sunday = _event(r.timeline, "on Sunday")
    assert sunday.start.edtf == "2023-06-11"  # "told" is past; was Sun 18 June, planned
    assert not r.timeline.is_planned(sunday)
    # what Shoigu told her on Sunday is Zakharova's account, in her quote, never the article's fact
    assert [(q.speaker, q.kind.value) for q in sunday.quotes] == [("Zakharova", "direct")]
    assert "Tuesday" not in sunday.title


def test_a_quoted_plan_keeps_its_own_future_tense():
    r = _ingest("\"We will meet again on Friday,\" Zakharova said.")
    friday = _event(r.timeline, "on Friday")
    # the words quoted date what they speak of; the sentence does not say when they were said, so the day
    # counted from publication is a guess (breakit7)
    assert friday.start.edtf == "2023-06-16?"
    assert "does not say when they were said" in friday.start.basis
    assert r.timeline.is_planned(friday)


@pytest.mark.parametrize("sentence, phrase, day", [
    ("The ministry \"will respond\" on Monday, Zakharova said.", "on Monday", "2023-06-19"),
    ("Zakharova said on Tuesday that Moscow \"will respond\" on Friday.", "on Friday", "2023-06-16"),
])
def test_quoted_words_inside_the_articles_own_clause_are_its_verb(sentence, phrase, day):
    r = _ingest(sentence)
    e = _event(r.timeline, phrase)
    assert e.start.edtf == day and r.timeline.is_planned(e)  # a plan, never a fact


# 2. a leading date phrase is never part of the speaker or the track

@pytest.mark.parametrize("lead", ["On Monday", "Yesterday", "On 12 June", "On June 12", "Last Monday",
                                  "On Monday morning"])
def test_a_sentence_opening_with_a_date_keeps_its_speaker(lead):
    r = _ingest(f"{lead} Zakharova said: \"Moscow will answer.\"")
    (e,) = r.timeline.events
    (q,) = e.quotes
    assert q.text == "Moscow will answer"
    assert q.speaker == "Zakharova"  # was "(unattributed)"
    assert e.start.edtf.rstrip("?") == ("2023-06-13" if lead == "Yesterday" else "2023-06-12")  # last Monday: "?"
    labels = {t.label for t in r.timeline.tracks}
    assert not any(w in x for x in labels for w in ("Monday", "Yesterday", "June")), labels


def test_the_nested_forms_name_no_track_after_a_weekday():
    r = _ingest("On Tuesday Zakharova said: \"Shoigu told me 'we will never yield' on Sunday,\" and left.\n"
                "On Tuesday Shoigu said \"we will never yield.\n")
    labels = {t.label for t in r.timeline.tracks}
    assert not any("Tuesday" in x for x in labels), labels  # was "Tuesday Zakharova", "Tuesday Shoigu"


# 3. an unclosed quote: reported speech at best, never a quotation, and a warning that says where

def test_an_unclosed_quote_is_no_verbatim_quotation_and_is_reported_with_its_sentence():
    r = _ingest("On Monday Shoigu said \"we will never accept this.\nThe talks ended on Tuesday.\n")
    monday = _event(r.timeline, "On Monday")
    assert all(q.kind.value != "direct" for e in r.timeline.events for q in e.quotes)
    assert [(q.speaker, q.kind.value, q.text) for q in monday.quotes] == [
        ("Shoigu", "reported", "we will never accept this")]  # was no quote, the words as the title
    assert "\"" not in monday.title
    out = report_text(r)
    assert "quote opened but never closed" in out
    warning = next(x for x in out.splitlines() if "quote opened but never closed" in x)
    assert "sentence 2" in warning and "line 2" in warning and "Shoigu said" in warning


@pytest.mark.parametrize("text", [
    "On Monday Shoigu said \"we will never accept this.\"\n",
    "The navy fired a 12\" gun on Monday.\n",  # an inch mark
    "\"We will fight.\n\n\"We will win,\" Shoigu said on Monday.\n",  # a quote of two paragraphs, as news writes it
])
def test_a_closed_quote_gives_no_warning(text):
    r = _ingest(text)
    assert r.warnings == []
    assert "never closed" not in report_text(r)


# 4. a backslash-escaped quotation mark is inside the quotation

def test_an_escaped_quote_mark_is_part_of_the_quotation_never_a_fragment():
    r = _ingest("Macron said that \"they said \\\"no\\\"\" on Tuesday.")
    quotes = [q for e in r.timeline.events for q in e.quotes]
    assert not any(q.text.endswith("\\") or q.text == "they said" for q in quotes)  # was “they said \”
    (q,) = quotes
    assert (q.text, q.kind.value, q.speaker) == ("they said \"no\"", "direct", "Macron")
    tuesday = _event(r.timeline, "on Tuesday")
    assert tuesday.start.edtf == "2023-06-13" and not r.timeline.is_planned(tuesday)


def test_the_ingest_command_exits_1_on_an_unclosed_quote_and_prints_where(tmp_path, capsys):
    article = tmp_path / "a.txt"
    article.write_text("Posted 14 June 2023\nOn Monday Shoigu said \"we will never accept this.\n", encoding="utf-8")
    assert main(["ingest", str(article)]) == 1  # was 0, as if all was read as written
    out = capsys.readouterr().out
    assert "Warnings: 1" in out and "sentence 2, line 2: quote opened but never closed" in out
    assert "direct quote" not in out and "reported speech, Shoigu: we will never accept this" in out
