"""Stories in the model: editing, the default story and framing events with context."""

import pytest

from viewer.io import read_timeline
from viewer.model.story import (
    DEFAULT_STORY_TITLE,
    Story,
    StoryError,
    StoryStep,
    default_story,
    frame_event,
    step_window,
    stories_of,
)


@pytest.fixture(scope="module")
def tl():
    from viewer.app import bundled_timeline_path

    return read_timeline(bundled_timeline_path())


def steps(*ids):
    return tuple(StoryStep(i) for i in ids)


def test_editing_returns_new_stories():
    s = Story("S", steps("a", "b", "c"))
    assert [x.event for x in s.with_step(StoryStep("d")).steps] == ["a", "b", "c", "d"]
    assert [x.event for x in s.with_step(StoryStep("d"), at=1).steps] == ["a", "d", "b", "c"]
    assert [x.event for x in s.without_step(1).steps] == ["a", "c"]
    assert [x.event for x in s.with_moved_step(0, 2).steps] == ["b", "c", "a"]
    assert [x.event for x in s.with_moved_step(2, -5).steps] == ["c", "a", "b"]
    assert [x.event for x in s.with_replaced_step(1, StoryStep("z")).steps] == ["a", "z", "c"]
    assert [x.event for x in s.steps] == ["a", "b", "c"]  # unchanged
    with pytest.raises(StoryError, match="no step 4"):
        s.without_step(3)


def test_default_story_is_every_event_in_time_order(tl):
    tl = tl.with_stories(())
    (story,) = stories_of(tl)
    assert story.title == DEFAULT_STORY_TITLE
    ids = [s.event for s in story.steps]
    assert sorted(ids) == sorted(e.id for e in tl.events)
    points = [tl.event(i).sort_point for i in ids]
    assert points == sorted(points)
    assert ids[0] == "normandy-format-since-2014"  # since 2014 comes first


def test_saved_stories_replace_the_default(tl):
    assert stories_of(tl) == tl.stories
    assert default_story(tl).title == DEFAULT_STORY_TITLE


@pytest.mark.parametrize("event_id", ["drills-begin", "stoltenberg-largest-deployment", "us-alarm",
                                      "johnson-poland", "normandy-format-since-2014", "allied-resolve-2022"])
def test_framing_shows_the_event_with_context(tl, event_id):
    a, b = frame_event(tl, event_id)
    ev = tl.event(event_id)
    cols = tl.columns
    row = cols.row_of(event_id)
    marker = cols.origin_epoch_s + cols.xm[row]
    assert a < marker < b
    if ev.kind.value == "point":
        # at least half of the 2-21 Feb home range: neighbours are in view
        assert b - a >= 0.5 * 20 * 86400
        # the marker is not at the edge
        assert 0.1 < (marker - a) / (b - a) < 0.9
    else:
        lo, hi = (cols.origin_epoch_s + x for x in cols.known_extent(row))
        assert a < lo and hi < b


def test_step_window_prefers_the_saved_one(tl):
    wide = (1.0, 1.0 + 4 * 86400.0)  # at least three days: a date-only event's window is not widened
    assert step_window(tl, StoryStep("drills-begin", wide)) == wide
    assert step_window(tl, StoryStep("drills-begin")) == frame_event(tl, "drills-begin")


def test_with_stories_shares_the_columns(tl):
    cols = tl.columns
    other = tl.with_stories((Story("x"),))
    assert other.columns is cols and other.stories == (Story("x"),)
    assert other.events == tl.events
