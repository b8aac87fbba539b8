"""A track's colour is the track's, not its lane's: File > New, tracks "Port authority" and
"Ministry", an event on each, Ctrl+S: the unused "Track 1" was left out and both tracks changed
colour (sky blue to orange, green to sky blue), on the desk and in the file reopened.  Moving a
track repainted the others the same way."""

from __future__ import annotations

from tests.ui.test_authoring_newcomer import _titled_event, new_window, saved  # noqa: F401 (the fixture)
from viewer.io.native import read_native


def _colours(tl) -> dict[str, str]:
    return {t.label: c for t, c in zip(tl.tracks, tl.track_colours)}


def _drawn(w) -> dict[str, str]:
    tl = w.view.timeline
    return {t.label: w.view.events_item._track_color(k) for k, t in enumerate(tl.tracks)}


def test_saving_a_new_timeline_keeps_each_tracks_colour(qtbot, new_window, tmp_path):  # noqa: F811
    w = new_window
    assert w.track_edit.add_track("Port authority") == [] and w.track_edit.add_track("Ministry") == []
    _titled_event(qtbot, w, "Port closed", "port-authority")
    _titled_event(qtbot, w, "Minister visits", "ministry")
    before = _colours(w.timeline)
    drawn = _drawn(w)
    assert drawn["Port authority"] == before["Port authority"] and drawn["Ministry"] == before["Ministry"]
    data = saved(w, tmp_path)
    assert [t["label"] for t in data["tracks"]] == ["Port authority", "Ministry"]
    after = _colours(w.timeline)
    assert after["Port authority"] == before["Port authority"]  # was: Track 1's orange
    assert after["Ministry"] == before["Ministry"]  # was: sky blue
    qtbot.waitUntil(lambda: "Track 1" not in _drawn(w), timeout=3000)
    assert _drawn(w) == {k: before[k] for k in ("Port authority", "Ministry")}
    again = read_native(tmp_path / "first.timeline.json")
    assert _colours(again) == {k: before[k] for k in ("Port authority", "Ministry")}  # and reopened
    w.authoring.undo_stack.undo()  # Track 1 back: every track in its first colour
    assert _colours(w.timeline) == before


def test_moving_a_track_keeps_every_tracks_colour(qtbot, new_window):  # noqa: F811
    w = new_window
    for name in ("Port authority", "Ministry", "Navy"):
        assert w.track_edit.add_track(name) == []
    before = _colours(w.timeline)
    assert len(set(before.values())) == 4
    assert w.track_edit.move_track(-1, "navy") == []
    assert [t.label for t in w.timeline.tracks] == ["Track 1", "Port authority", "Navy", "Ministry"]
    assert _colours(w.timeline) == before  # was: Navy and Ministry swapped colours
    assert _drawn(w) == before
