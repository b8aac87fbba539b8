"""The bundled Allied Resolve-2022 timeline: every fact of the article, dated and sourced.

The article is kept in tests/data/articles/ (a copy of ../shared/articles/);
quotes and attributions must appear in it verbatim.
"""

import json
from pathlib import Path

import pytest

from viewer.io import read_timeline
from viewer.model.dates import Precision
from viewer.model.timeline import EventKind, QuoteKind

ARTICLE = Path(__file__).parent / "data" / "articles" / "allied-resolve-2022.txt"
SHARED = Path(__file__).resolve().parents[2] / "shared" / "articles" / "allied-resolve-2022.txt"
FEB = 1643673600.0  # 2022-02-01T00:00:00Z
DAY = 86400.0


def day_of(n):
    """Epoch seconds of 00:00 UTC on n February 2022."""
    return FEB + (n - 1) * DAY


@pytest.fixture(scope="module")
def tl():
    from viewer.app import bundled_timeline_path

    return read_timeline(bundled_timeline_path())


@pytest.fixture(scope="module")
def article():
    return ARTICLE.read_text(encoding="utf-8")


def test_article_copy_matches_the_shared_original(article):
    if not SHARED.exists():
        pytest.skip("no ../shared/articles next to this checkout")
    assert SHARED.read_text(encoding="utf-8") == article


def test_bundled_file_is_valid_and_complete(tl):
    assert {t.id for t in tl.tracks} == {"exercise", "russia", "nato", "us", "normandy", "uk"}
    assert len(tl.events) >= 15
    for ev in tl.events:
        assert tl.sources_of(ev), f"{ev.id} cites no source"
        assert ev.start.basis, f"{ev.id} has no date basis"
    assert tl.reference_date is not None and tl.reference_date.earliest == day_of(10)
    assert "Thursday 10 February 2022" in tl.reference_date.basis


def test_every_quote_and_attribution_is_verbatim(tl, article):
    for ev in tl.events:
        for q in ev.quotes:
            assert q.text in article, f"{ev.id}: quote not verbatim: {q.text!r}"
            assert q.attribution in article, f"{ev.id}: attribution not verbatim: {q.attribution!r}"
    for src in tl.sources:
        assert src.attribution in article, f"source {src.id}: attribution not verbatim"


@pytest.mark.parametrize(
    "event_id, track, first_day, precision, phrase_words",
    [
        ("drills-begin", "exercise", 10, Precision.DAY, "Thursday"),
        ("drills-end", "exercise", 20, Precision.DAY, "February 20"),
        ("mod-statement", "russia", 10, Precision.DAY, "Thursday"),
        ("stoltenberg-largest-deployment", "nato", 3, Precision.DAY, "Last Thursday"),
        ("le-drian-good-sign", "normandy", 10, Precision.DAY, "Thursday"),
        ("berlin-advisers-meeting", "normandy", 10, Precision.DAY, "Berlin on Thursday"),
        ("johnson-stoltenberg-brussels", "uk", 10, Precision.DAY, "Thursday"),
        ("truss-arrives-moscow", "uk", 10, Precision.DAY, "Moscow on Thursday"),
        ("lavrov-lowest-level", "russia", 10, Precision.DAY, "Thursday"),
    ],
)
def test_dated_facts(tl, event_id, track, first_day, precision, phrase_words):
    ev = tl.event(event_id)
    assert ev.track == track
    assert ev.start.earliest == day_of(first_day)
    assert ev.start.latest == day_of(first_day) + DAY  # a whole day, not an instant
    assert ev.start.precision == precision
    assert phrase_words in ev.start.phrase


def test_the_exercise_window_is_a_band_from_10_february_planned_to_end_on_20(tl):
    from viewer.model.planned_end import planned_end

    band = tl.event("allied-resolve-2022")
    assert band.kind == EventKind.BAND
    assert band.start.earliest == day_of(10)
    # the article (10 Feb) reports the start; the end is announced: open as of the article,
    # with its announced day the planned "Drills due to finish" (was drawn solid to 21 Feb 00:00)
    assert band.end is not None and band.end.relation == "on or after" and band.end.earliest == day_of(10)
    assert "February 20" in band.end.phrase
    plan = planned_end(tl, band)
    assert plan is not None and plan.known_until == day_of(11) and plan.planned_until == day_of(21)
    assert plan.expected_id == "drills-end" and tl.is_planned(tl.event("drills-end"))


def test_last_thursday_is_resolved_to_3_february_with_its_reasoning(tl):
    ev = tl.event("stoltenberg-largest-deployment")
    assert ev.start.edtf == "2022-02-03?"
    assert ev.start.uncertain  # it rests on the inferred publication date
    assert "3 Feb 2022" in ev.start.basis
    q = ev.quotes[0]
    assert q.speaker == "Jens Stoltenberg" and q.kind == QuoteKind.REPORTED
    assert "30,000 combat troops" in q.text


def test_lavrov_remark_is_verbatim_uncertain_and_attributed(tl):
    ev = tl.event("lavrov-lowest-level")
    assert ev.start.uncertain  # the article dates the arrival, not the meeting
    (q,) = ev.quotes
    assert q.text == "at their lowest level in recent years"
    assert (q.speaker, q.speaker_role, q.kind) == ("Sergey Lavrov", "Russian Foreign Minister", QuoteKind.DIRECT)


def test_undated_facts_stay_honestly_imprecise(tl):
    for eid in ("us-alarm", "us-intel-70-percent", "peskov-unprecedented-threats"):
        d = tl.event(eid).start
        assert d.relation == "on or before" and d.latest == day_of(11), eid
    poland = tl.event("johnson-poland").start
    assert poland.relation == "on or after" and poland.earliest == day_of(10)
    normandy = tl.event("normandy-format-since-2014")
    assert normandy.start.precision == Precision.YEAR and normandy.start.phrase == "since 2014"
    # ongoing: still going at publication, no end given
    for span in (normandy, tl.event("russia-denies")):
        assert span.end is not None and span.end.relation == "on or after", span.id
        assert span.end.earliest == day_of(10)
    assert tl.event("russia-denies").start.is_open


def test_plans_are_not_reported_as_facts(tl):
    for eid in ("berlin-advisers-meeting", "johnson-stoltenberg-brussels", "johnson-poland", "drills-end"):
        ev = tl.event(eid)
        assert "due" in ev.title, ev.title
        assert "scheduled" in ev.tags


def test_date_phrases_are_verbatim_from_the_article(tl, article):
    for ev in tl.events:
        for d in (ev.start, ev.end):
            if d is not None and d.phrase:
                assert d.phrase in article, f"{ev.id}: phrase not verbatim: {d.phrase!r}"


def test_peskov_quotes_and_attribution_chain(tl):
    ev = tl.event("peskov-unprecedented-threats")
    texts = [q.text for q in ev.quotes]
    assert "unprecedented threats" in texts
    chain = [s.id for s in tl.source_chain(ev.quotes[0].source)]
    assert chain == ["peskov", "article"]
    assert tl.source_index["us-officials"].kind.value == "unnamed_officials"
    assert tl.source_index["downing-street"].attribution == "according to Downing Street"
    assert tl.source_index["cnn"].attribution == "According to CNN"


def test_file_is_utf8_json_with_curly_quotes_kept():
    from viewer.app import bundled_timeline_path

    raw = Path(bundled_timeline_path()).read_bytes()
    data = json.loads(raw.decode("utf-8"))
    assert data["format"] == "timeline-viewer"
    assert "“Allied Resolve-2022,”" in raw.decode("utf-8")
