"""A remark someone made is dated on the day they made it, and a plan reported after its clause is never drawn as
a fact on the saying's day (a new user's report, honest5).

What the user sees: each draft's date, whether it is planned, and its title."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from viewer.ingest import ingest_text

ARTICLE = Path(__file__).parents[1] / "data" / "articles" / "allied-resolve-2022.txt"


def _event(tl, phrase: str):
    (e,) = [e for e in tl.events if (e.start.phrase or "").lower() == phrase.lower()]
    return e


def test_a_conditional_remark_is_the_saying_on_its_day_not_a_plan():
    text = ('PARIS, Feb. 12, 2022 (Reuters) - A new round of talks would be a "good sign," Le Drian said on '
            'Thursday.\n')
    tl = ingest_text(text).timeline
    e = _event(tl, "on Thursday")
    assert e.start.edtf == "2022-02-10"  # was "2022-02-17", planned: "would be" outside the quote beat "said"
    assert not tl.is_planned(e)
    assert "past tense" in e.start.basis and "future" not in e.start.basis


def test_the_remark_after_an_appositive_with_according_to_is_the_saying_too():
    text = ('PARIS, Feb. 12, 2022 (Reuters) - A new round of talks, according to Foreign Minister Jean-Yves Le '
            'Drian, would be a "good sign," he said in an interview on Thursday.\n')
    tl = ingest_text(text).timeline
    e = _event(tl, "on Thursday")
    assert e.start.edtf == "2022-02-10" and not tl.is_planned(e)


def test_a_plan_in_the_future_tense_is_still_a_plan():
    tl = ingest_text("KYIV, March 8, 2023 (Reuters) - The troops will be deployed on Friday.\n").timeline
    e = _event(tl, "on Friday")
    assert e.start.edtf == "2023-03-10" and tl.is_planned(e)


def test_talks_reported_after_their_clause_are_planned_on_friday_never_a_fact_on_monday():
    tl = ingest_text("Talks will resume on Friday, officials said on Monday.\n", published=date(2023, 3, 8)).timeline
    friday = _event(tl, "on Friday")
    assert friday.start.edtf == "2023-03-10" and tl.is_planned(friday)
    monday = _event(tl, "on Monday")
    assert monday.start.edtf == "2023-03-06"
    # was "Talks will resume on Friday" as a fact on Mon 6 Mar: the Monday event is the officials' saying, titled
    # who said what (ingest11: was "Officials said", no content), as "Officials said on Monday that …" is
    assert monday.title == "Officials: Talks will resume on Friday"
    facts = [e for e in tl.events if not tl.is_planned(e)]
    assert all(e.title.startswith("Officials: ") for e in facts if "resume" in e.title.lower())


def test_bundled_article_le_drian_remark_is_on_thursday_not_planned():
    tl = ingest_text(ARTICLE.read_text(encoding="utf-8"), published=date(2022, 2, 11)).timeline
    (e,) = [e for e in tl.events if "good sign" in e.title]
    assert e.start.edtf == "2022-02-10" and not tl.is_planned(e)  # was [planned: 2022-02-17]
