"""What a newcomer saw on the README's ingest command: a span drawn solid to an end the
article only expects, a dateline-and-half-a-word title, and a person's own track unexplained."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from viewer.ingest import ingest_file, ingest_text
from viewer.ingest.build import TITLE_CHARS

ARTICLES = Path(__file__).resolve().parents[1] / "data" / "articles"


def _allied():
    return ingest_file(ARTICLES / "allied-resolve-2022.txt")


def _by_title(timeline, start: str):
    (ev,) = [e for e in timeline.events if e.title.startswith(start)]
    return ev


def test_drills_launched_for_ten_days_are_ongoing_as_of_the_article_not_a_fact_through_20_february():
    tl = _allied().timeline
    drills = _by_title(tl, "Russia and Belarus launched ten days")
    assert drills.start.edtf == "2022-02-10"
    assert drills.end is not None and drills.end.edtf == "[2022-02-10..]"  # was 2022-02-20, drawn solid
    assert drills.end.describe() == "on or after Thu 10 Feb 2022 (to the day)"
    assert "Ongoing as of the source" in drills.end.basis and "Sun 20 Feb 2022" in drills.end.basis
    assert "a plan, not a report" in drills.end.basis
    # the expected end: its own planned point, the ministry's word
    finish = _by_title(tl, "Russian Ministry of Defense (plan): the military drills will finish")
    assert finish.start.edtf == "2022-02-20" and finish.end is None and tl.is_planned(finish)


ARTICLE = ("Exercise begins near the border\n"
           "MOSCOW, March 1, 2023 (Reuters) - On Monday, Russian forces began five days of exercises near the "
           "border, the defence ministry said.\n"
           "Talks in Geneva ran from February 20 to February 22, officials said.\n")


def test_a_duration_running_past_publication_is_open_with_its_expected_end_planned():
    tl = ingest_text(ARTICLE).timeline
    (span,) = [e for e in tl.events if e.end is not None and e.start.edtf == "2023-02-27"]
    assert span.end.edtf == "[2023-03-01..]", span.end.edtf  # published on the 1st: still going then
    assert "expects it to end" in span.end.basis
    (expected,) = [e for e in tl.events if "expected-end" in e.tags]
    assert expected.end is None and tl.is_planned(expected)
    assert expected.start.edtf == "[2023-03-03..2023-03-04]"  # five days from Mon 27 Feb, counted either way
    assert expected.title.startswith("Expected end: Russian forces began five days") and expected.track == span.track
    assert span.quotes  # the sentence's reported speech stays with the span
    talks = [e for e in tl.events if e.start.edtf == "2023-02-20"]
    assert talks and talks[0].end.edtf == "2023-02-22"  # ended before publication: reported, kept whole


def test_draft_title_is_the_headline_or_names_the_file_never_the_dateline():
    title = _allied().timeline.title  # the article has no headline: its file, never its first sentence cut short
    assert title == "Draft from allied-resolve-2022.txt"  # (ingest8: was "Draft: Russia and Belarus launched ten…")
    assert ingest_text(ARTICLE).timeline.title == "Draft: Exercise begins near the border"
    assert ingest_file(ARTICLES / "ingest" / "07-nested-attribution.txt").timeline.title == \
        "Draft from 07-nested-attribution.txt"
    for f in sorted((ARTICLES / "ingest").glob("*.*")):
        if ".expected." in f.name:
            continue
        t = ingest_file(f).timeline.title
        assert len(t) <= TITLE_CHARS, t
        if t.endswith("…") and t.startswith("Draft: "):  # a headline cut at a word boundary, never mid-word
            assert f.read_text(encoding="utf-8").find(t[len("Draft: "):-1] + " ") >= 0, t


def test_a_person_named_once_on_the_people_track_says_why_in_the_basis():
    tl = _allied().timeline
    truss = _by_title(tl, "Foreign Secretary Liz Truss arrived in Moscow")
    # named once, as "Foreign Secretary": the UK's office in an article that names the UK (ingest8: was "People";
    # a person tied to nothing keeps the People note, see test_ingest_speakers_tracks)
    assert truss.track == "united-kingdom" and "Track '" not in truss.start.basis
    normandy = _by_title(tl, "The Normandy Format has been")  # a name without role or quote: no person note
    assert "Track '" not in normandy.start.basis
    # "UK": the country's track
    johnson = _by_title(tl, "Downing Street (plan): UK Prime Minister Boris Johnson will see")
    assert johnson.track == "united-kingdom" and "Track '" not in johnson.start.basis


def test_pasted_text_with_published_date_gets_the_same_open_end():
    text = "On Monday, navies started two weeks of drills, officials said."
    tl = ingest_text(text, published=date(2023, 3, 8)).timeline  # a Wednesday: Monday = 6 March
    (span,) = [e for e in tl.events if e.end is not None]
    assert span.start.edtf == "2023-03-06" and span.end.edtf == "[2023-03-08..]"
