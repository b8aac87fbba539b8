"""`validate` on a story step whose ``tracks`` leave out its own event's track: it was accepted,
and presenting the step captioned an event not on screen.  Now it is listed (presenting shows
the track too), as a story's unusable D-day is."""

from __future__ import annotations

import json

from viewer.cli import main


def _file(tmp_path, tracks):
    doc = {"format": "timeline-viewer", "version": 1, "title": "Odd",
           "tracks": [{"id": "a", "label": "A"}, {"id": "b", "label": "B"}, {"id": "c", "label": "C"}],
           "events": [{"id": "x", "track": "a", "title": "X", "start": "2022-01-01"},
                      {"id": "y", "track": "b", "title": "Y", "start": "2022-01-02"}],
           "stories": [{"title": "Walk", "steps": [{"event": "y"}, {"event": "x", "tracks": tracks}]}]}
    path = tmp_path / "odd.timeline.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    return path


def test_validate_lists_a_step_that_leaves_out_its_own_events_track(tmp_path, capsys):
    assert main(["validate", str(_file(tmp_path, ["b", "c"]))]) == 1
    captured = capsys.readouterr()
    assert "1 story step leaves out the track of its own event" in captured.err
    assert "at stories[0].steps[1].tracks: story 'Walk', step 2: its tracks leave out 'a', the track of " \
           "its own event 'x'" in captured.err
    assert "not valid as it is" in captured.out
    assert main(["validate", str(_file(tmp_path, ["a", "c"]))]) == 0
