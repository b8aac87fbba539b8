"""Stepping through a story, captions, track subsets and the choice of screens (no Qt)."""

import pytest

from viewer.io import read_timeline
from viewer.model.presentation import (
    Presentation,
    ScreenInfo,
    caption_for,
    choose_screens,
    timeline_for_tracks,
)
from viewer.model.story import Story, StoryStep


@pytest.fixture(scope="module")
def tl():
    from viewer.app import bundled_timeline_path

    return read_timeline(bundled_timeline_path())


def story(n):
    return Story("S", tuple(StoryStep(f"e{i}") for i in range(n)))


def test_stepping_is_clamped_and_notifies_once_per_change():
    p = Presentation(story(3))
    seen = []
    p.subscribe(lambda pres, changed: seen.append((pres.index, frozenset(changed))))
    p.previous()
    assert p.index == 0 and seen == []
    p.next()
    p.next()
    p.next()
    assert p.index == 2 and p.next_step is None
    assert [i for i, _ in seen] == [1, 2]
    p.first()
    assert p.index == 0 and p.next_step.event == "e1"
    p.last()
    assert p.step.event == "e2"


def test_blank_and_go_to_step_by_digits():
    p = Presentation(story(12))
    p.toggle_blank()
    assert p.blank
    p.next()  # moving on shows the screen again
    assert not p.blank and p.index == 1
    p.type_digit("1")
    p.type_digit("1")
    assert p.typed == "11"
    assert p.enter() and p.index == 10 and p.typed == ""
    p.type_digit("9")
    p.type_digit("9")
    p.enter()
    assert p.index == 11  # clamped to the last step
    assert not p.enter()  # nothing typed
    p.type_digit("0")
    p.enter()
    assert p.index == 0
    with pytest.raises(ValueError, match="expected a digit"):
        p.type_digit("x")


def test_empty_story_has_no_step():
    p = Presentation(Story("empty"))
    p.next()
    assert p.step is None and p.count == 0


def test_caption_quotes_verbatim_with_speaker_source_and_date(tl):
    c = caption_for(tl, "lavrov-lowest-level")
    assert c.quotes[0].text == "at their lowest level in recent years"
    assert c.quotes[0].direct and c.quotes[0].who == "Sergey Lavrov, Russian Foreign Minister"
    assert c.source == "Washington Insider Magazine"
    assert c.date.startswith("Thu 10 Feb 2022")
    c = caption_for(tl, "stoltenberg-largest-deployment")
    assert not c.quotes[0].direct  # reported speech
    assert c.source == "NATO Secretary-General Jens Stoltenberg, via Washington Insider Magazine"
    assert c.date == "Thu 3 Feb 2022, uncertain"  # rests on the inferred publication date
    c = caption_for(tl, "drills-begin")
    assert c.quotes == () and "began in Belarus on Thursday" in c.summary
    assert c.source == "Russian Ministry of Defense, via Washington Insider Magazine"


def test_track_subset_keeps_bands_and_only_those_tracks(tl):
    sub = timeline_for_tracks(tl, ["uk", "nato"])
    assert [t.id for t in sub.tracks] == ["nato", "uk"]
    assert {e.track for e in sub.events if e.kind.value != "band"} == {"nato", "uk"}
    assert sub.has_event("allied-resolve-2022") and not sub.has_event("drills-begin")
    assert timeline_for_tracks(tl, []) is tl


def test_one_screen_has_no_presenter_screen():
    assert choose_screens([ScreenInfo("laptop", 1920, 1080, True)]) == (0, None)


def test_two_screens_audience_on_the_extra_one():
    laptop = ScreenInfo("laptop", 1920, 1200, True)
    wall = ScreenInfo("wall", 3840, 2160)
    assert choose_screens([laptop, wall]) == (1, 0)
    assert choose_screens([wall, laptop]) == (0, 1)
    # the user's pick wins; the presenter takes another screen
    assert choose_screens([laptop, wall], chosen=0) == (0, 1)
    # with three, the largest extra screen
    assert choose_screens([laptop, ScreenInfo("small", 1280, 720), wall]) == (2, 0)
    # an out-of-range pick is ignored
    assert choose_screens([laptop, wall], chosen=7) == (1, 0)
    with pytest.raises(ValueError):
        choose_screens([])


def test_a_caption_says_when_its_event_was_still_to_come():
    """On the wall screen 'Drills due to finish · Sun 20 Feb 2022' read as a
    fact; the 10 Feb article only announced it."""
    from viewer.app import bundled_timeline_path
    from viewer.io import read_timeline
    from viewer.model.presentation import caption_for

    tl = read_timeline(bundled_timeline_path())
    assert "planned or expected: after the source’s date" in caption_for(tl, "drills-end").date
    assert "planned" not in caption_for(tl, "drills-begin").date
