"""Accepting and rejecting drafts: the model's side of the Review panel."""

from __future__ import annotations

import pytest

from viewer.model.dates import EventDate
from viewer.model.review import ReviewError, accept, accept_all, draft_ids, reject
from viewer.model.story import Story, StoryStep
from viewer.model.timeline import Draft, Event, Timeline, Track


def _timeline() -> Timeline:
    d = Draft("Officials met on Monday.", (0, 24), "a.txt")
    return Timeline(
        title="t", tracks=(Track("a", "A"),),
        events=(Event("late", "Late", EventDate("2022-02-10"), "a", draft=d, tags=("draft", "x")),
                Event("early", "Early", EventDate("2022-02-01"), "a", draft=d, tags=("draft",)),
                Event("kept", "Kept", EventDate("2022-02-05"), "a")),
        stories=(Story("s", (StoryStep("late"), StoryStep("kept"))),))


def test_drafts_listed_in_time_order_and_counted():
    tl = _timeline()
    assert draft_ids(tl) == ["early", "late"] and tl.draft_count() == 2
    assert tl.drafts().sum() == 2


def test_accept_removes_the_marker_and_the_tag_only():
    tl = _timeline()
    new = accept(tl, ["late"])
    assert new.event("late").draft is None and new.event("late").tags == ("x",)
    assert new.event("early").draft is not None and tl.event("late").draft is not None  # the old one unchanged
    assert accept_all(new).draft_count() == 0


def test_reject_removes_the_event_and_its_story_steps():
    new = reject(_timeline(), ["late"])
    assert not new.has_event("late") and [s.event for s in new.stories[0].steps] == ["kept"]


def test_reviewing_a_non_draft_or_unknown_id_is_refused():
    tl = _timeline()
    with pytest.raises(ReviewError, match="'kept' is not a draft"):
        reject(tl, ["kept"])
    with pytest.raises(ReviewError, match="no event 'nope'"):
        accept(tl, ["nope"])


def test_merge_adds_quotes_sources_and_sentence_to_the_target_and_removes_the_draft():
    from viewer.model.review import merge
    from viewer.model.timeline import Quote

    tl = _timeline()
    tl = Timeline(title="t", tracks=tl.tracks, events=(
        tl.event("late").__class__(**{**tl.event("late").__dict__, "quotes": (Quote("we agree", "X"),),
                                      "sources": ("s1",)}),
        tl.event("kept")), stories=tl.stories)
    new = merge(tl, "late", "kept")
    assert not new.has_event("late")
    kept = new.event("kept")
    assert [q.text for q in kept.quotes] == ["we agree"] and kept.sources == ("s1",)
    assert "Officials met on Monday." in kept.summary and kept.start.edtf == "2022-02-05"
    assert [s.event for s in new.stories[0].steps] == ["kept", "kept"]
    with pytest.raises(ReviewError, match="into itself"):
        merge(_timeline(), "late", "late")
