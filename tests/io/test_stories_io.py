"""Stories in the native file: read, write, round trip, and errors naming story and step."""

import json

import pytest
from jsonschema import Draft202012Validator

from viewer.io import native, read_native, write_native
from viewer.io.native import timeline_from_dict, timeline_to_dict
from viewer.model.errors import TimelineLoadError
from viewer.model.story import Story, StoryStep

FEB2 = 1643760000.0  # 2022-02-02T00:00:00Z
DAY = 86400.0


def doc(stories):
    return {
        "format": "timeline-viewer", "version": 1, "title": "T",
        "tracks": [{"id": "a", "label": "A"}, {"id": "b", "label": "B"}],
        "events": [
            {"id": "e1", "track": "a", "title": "One", "start": "2022-02-03"},
            {"id": "e2", "track": "b", "title": "Two", "start": "2022-02-10"},
        ],
        "stories": stories,
    }


def test_a_story_is_read_with_windows_tracks_and_notes():
    tl = timeline_from_dict(doc([{
        "title": "Walk", "description": "About it",
        "steps": [
            {"event": "e1", "window": {"start": "2022-02-02", "end": "2022-02-12"},
             "tracks": ["a"], "note": "Say hello"},
            {"event": "e2"},
        ],
    }]))
    (story,) = tl.stories
    assert story.title == "Walk" and story.description == "About it"
    first, second = story.steps
    # the window runs from the start of 2 Feb to the end of 12 Feb
    assert first.window == (FEB2, FEB2 + 11 * DAY)
    assert first.tracks == ("a",) and first.note == "Say hello"
    assert second == StoryStep(event="e2")


def test_no_stories_field_means_no_saved_stories():
    data = doc([])
    del data["stories"]
    assert timeline_from_dict(data).stories == ()
    assert "stories" not in timeline_to_dict(timeline_from_dict(data))


def test_round_trip_keeps_stories_and_bytes(tmp_path):
    story = Story("Walk", (
        StoryStep("e1", (FEB2, FEB2 + 11 * DAY), ("a", "b"), "Note “quoted” — Минск"),
        StoryStep("e2", (FEB2 + 3600 * 5 + 33.4, FEB2 + 2 * DAY + 7.2)),
        StoryStep("e2"),
    ), "desc")
    tl = timeline_from_dict(doc([])).with_stories((story,))
    path = tmp_path / "s.timeline.json"
    write_native(tl, path)
    data = json.loads(path.read_text("utf-8"))
    Draft202012Validator(native.load_schema()).validate(data)
    steps = data["stories"][0]["steps"]
    assert steps[0]["window"] == {"start": "2022-02-02", "end": "2022-02-12"}
    assert steps[1]["window"] == {"start": "2022-02-02T05:00:33Z", "end": "2022-02-04T00:00:07Z"}
    assert steps[2] == {"event": "e2"}
    again = read_native(path)
    assert again.stories[0].steps[0] == story.steps[0]
    # whole seconds: the start rounded down, the end up
    assert again.stories[0].steps[1].window == (FEB2 + 3600 * 5 + 33, FEB2 + 2 * DAY + 8)
    second = tmp_path / "again.timeline.json"
    write_native(again, second)
    assert second.read_bytes() == path.read_bytes()


def test_unknown_event_in_a_story_names_the_story_and_the_step(tmp_path):
    path = tmp_path / "bad.timeline.json"
    path.write_text(json.dumps(doc([{"title": "Walk", "steps": [{"event": "e1"}, {"event": "e3"}]}]), indent=2))
    with pytest.raises(TimelineLoadError) as info:
        read_native(path)
    (problem,) = info.value.problems
    assert "story 'Walk', step 2: unknown event 'e3'" in problem.message
    assert problem.location == "stories[0].steps[1].event"
    assert problem.line is not None and problem.file == str(path)


def test_every_story_problem_is_reported():
    with pytest.raises(TimelineLoadError) as info:
        timeline_from_dict(doc([
            {"title": "Walk", "steps": [{"event": "e1", "tracks": ["a", "zz"]},
                                        {"event": "e2", "window": {"start": "2022-02-10", "end": "2022-02-01"}}]},
            {"title": "Walk", "steps": [{"event": "", "note": 3}]},
        ]))
    text = info.value.full_report()
    assert "story 'Walk', step 1: unknown track 'zz'" in text
    assert "story 'Walk', step 2: the window ends ('2022-02-01') before it starts ('2022-02-10')" in text
    assert "story titles must be unique" in text
    assert "stories[1].steps[0].event: an id must be a non-empty string" in text
    assert "stories[1].steps[0].note: expected a string" in text


def test_story_needs_title_and_steps():
    with pytest.raises(TimelineLoadError) as info:
        timeline_from_dict(doc([{"steps": []}, {"title": "x", "step": []}]))
    text = info.value.full_report()
    assert "missing required field 'title'" in text
    assert "unknown field 'step'; did you mean 'steps'?" in text


def test_bundled_story_survives_a_round_trip(tmp_path, bundled_path):
    tl = read_native(bundled_path)
    assert tl.stories, "the bundled timeline ships a story"
    out = tmp_path / "b.timeline.json"
    write_native(tl, out)
    assert timeline_to_dict(read_native(out)) == timeline_to_dict(tl)
