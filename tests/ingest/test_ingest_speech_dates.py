"""Relative dates inside someone's words are counted from when the words were said, not from publication
(breakit7: in an article of Wed 8 Mar 2023, `Peskov said on February 20: "We will meet tomorrow."` was a
meeting planned for 9 March).  What the user sees: each draft's date, its basis and whether it is planned: a plan in
the words stays a plan, whenever it was said (the tester round after breakit7 found 21 Feb drawn as a meeting held)."""

from __future__ import annotations

from datetime import date

from viewer.ingest import ingest_text

WED = date(2023, 3, 8)


def _event(tl, phrase: str):
    (e,) = [e for e in tl.events if (e.start.phrase or "").lower() == phrase.lower()]
    return e


def _ingest(text: str):
    return ingest_text("KYIV, March 8, 2023 (Reuters) - " + text, published=WED).timeline


def test_tomorrow_in_a_quote_said_on_a_stated_day_is_the_day_after_it_and_planned():
    tl = _ingest('Peskov said on February 20: "We will meet tomorrow."')
    e = _event(tl, "tomorrow")
    assert e.start.edtf == "2023-02-21"  # was 2023-03-09
    assert tl.is_planned(e)  # a plan as of the 20th: the article does not say the meeting was held
    assert "'tomorrow' said on Mon 20 Feb 2023" in e.start.basis


def test_yesterday_in_a_quote_said_on_a_stated_day():
    tl = _ingest('Peskov said on February 20: "The talks yesterday failed."')
    assert _event(tl, "yesterday").start.edtf == "2023-02-19"  # was 2023-03-07


def test_next_year_reported_in_2019_is_2020_and_planned():
    tl = _ingest("Zelensky said in 2019 that elections would be held next year.")
    e = _event(tl, "next year")
    assert e.start.edtf == "2020"  # was 2024
    assert tl.is_planned(e)
    assert "said in 2019" in e.start.basis


def test_next_week_reported_on_a_stated_day_is_that_days_next_week():
    tl = _ingest("On February 20 Lavrov said the summit would open next week.")
    e = _event(tl, "next week")
    assert e.start.edtf == "[2023-02-27..2023-03-05]"  # was the week of 13 March
    assert tl.is_planned(e)


def test_a_weekday_in_a_quote_said_last_thursday_is_the_monday_after_that_thursday():
    tl = _ingest('Last Thursday Peskov said: "We will meet on Monday."')
    e = _event(tl, "on Monday")
    assert e.start.edtf == "2023-03-06"  # the Monday after Thu 2 Mar; was Mon 13 Mar
    assert tl.is_planned(e)


def test_a_quote_whose_day_is_not_given_has_an_uncertain_date_and_says_why():
    tl = _ingest('Peskov said: "We will meet tomorrow."')
    e = _event(tl, "tomorrow")
    assert e.start.edtf == "2023-03-09?"
    assert "does not say when they were said" in e.start.basis


def test_a_quote_said_in_a_stated_year_gives_one_day_between_what_its_first_and_last_day_give():
    tl = _ingest('Zelensky said in 2019: "We will meet tomorrow."')
    e = _event(tl, "tomorrow")
    assert e.start.edtf == "[2019-01-02..2020-01-01]"
    assert tl.is_planned(e)


def test_a_quote_said_on_the_publication_day_is_counted_from_it_as_before():
    tl = _ingest('Peskov said on Wednesday: "We will meet tomorrow."')
    e = _event(tl, "tomorrow")
    assert e.start.edtf == "2023-03-09" and tl.is_planned(e)


def test_a_quote_said_last_week_gives_one_day_between_what_that_weeks_first_and_last_day_give():
    tl = _ingest('Peskov said last week: "We will meet tomorrow."')
    e = _event(tl, "tomorrow")
    assert e.start.edtf == "[2023-02-28..2023-03-06]"  # was the uncertain guess 9 Mar, planned
    assert "said between Mon 27 Feb 2023 and Sun 5 Mar 2023" in e.start.basis
