"""Draft titles say what the article says, no more (a user's report, honest6): a reported plan's title named no
one ("Talks will resume", as if the article said so), "X warned that Y will …" drafted nothing or a plain plan
(a speaker's forecast is neither a fact nor a plan), a quote cut from its clause lost the conditional
("Le Drian: “good sign”" for "would be a “good sign”"), and a dateline ("PARIS (Reuters) -") is never an
event nor a track.

What the user sees: each draft's title, whether it is planned, its tags, its track."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from viewer.ingest import ingest_text

ARTICLE = Path(__file__).parents[1] / "data" / "articles" / "allied-resolve-2022.txt"
WED = date(2023, 3, 8)


def _titles(tl):
    return [e.title for e in tl.events]


def test_a_fragment_quote_keeps_the_conditional_that_leads_into_it():
    tl = ingest_text('PARIS (Reuters) - A new round of talks would be a "good sign," French Foreign Minister '
                     'Jean-Yves Le Drian said on Thursday.\n', published=WED).timeline
    assert _titles(tl) == ["Le Drian: a new round of talks would be a “good sign”"]  # was "Le Drian: “good sign”"


def test_the_bundled_le_drian_draft_keeps_would_be():
    tl = ingest_text(ARTICLE.read_text(encoding="utf-8"), published=date(2022, 2, 11)).timeline
    (title,) = [t for t in _titles(tl) if "good sign" in t]
    assert title == "Le Drian: a new round of negotiations … would be a “good sign”"  # was "Le Drian: “good sign”"
    (lavrov,) = [t for t in _titles(tl) if "lowest level" in t]
    assert lavrov == "Sergey Lavrov: ties … were “at their lowest level in recent years”"


def test_a_whole_quote_is_titled_as_before():
    tl = ingest_text("“We will respond,” Peskov said on Monday. Kuleba said on Tuesday: “We are ready.”\n",
                     published=WED).timeline
    assert _titles(tl) == ["Peskov: “We will respond”", "Kuleba: “We are ready”"]


def test_a_reported_plan_says_who_says_so():
    tl = ingest_text("Talks will resume on Friday, officials said on Monday.\n", published=WED).timeline
    (friday,) = [e for e in tl.events if tl.is_planned(e)]
    assert friday.title == "Officials: Talks will resume"  # was "Talks will resume", as if the article's word
    tl = ingest_text("Officials said on Monday that talks would resume.\n", published=WED).timeline
    (plan,) = [e for e in tl.events if tl.is_planned(e)]
    assert plan.title == "Officials: talks would resume"  # the source's case kept (was "Talks would resume")


def test_a_plan_the_article_states_itself_has_no_speaker():
    tl = ingest_text("KYIV (Reuters) - The troops will be deployed on Friday.\n", published=WED).timeline
    assert _titles(tl) == ["The troops will be deployed"]
