"""File > New, two tracks of the user's, events in March 2024, Ctrl+S: the unused "Track 1" was
left out without a word and the view jumped to an empty January (the columns were built again
from another origin and the view kept the old x numbers).  Now the view stays on the same days and
the status bar says which track was left out and how to get it back."""

from __future__ import annotations

from tests.ui.test_authoring_newcomer import _titled_event, new_window, saved  # noqa: F401 (the fixture)
from viewer.model.calendar import epoch_from_civil


def _dated(qtbot, w, title, track, edtf):
    _titled_event(qtbot, w, title, track)
    form = w.edit_form
    form.fields["start"].widget.setText(edtf)
    form.commit_event_field("start")
    assert w.timeline.event(w.state.selected).start.edtf == edtf


def _days_shown(w) -> tuple[float, float]:
    a, b = w.view.x_range()
    o = w.view.timeline.columns.origin_epoch_s
    return a + o, b + o


def test_saving_a_new_timeline_keeps_the_view_on_its_events_and_says_what_was_left_out(
        qtbot, new_window, tmp_path):  # noqa: F811
    w = new_window
    assert w.track_edit.add_track("Port authority") == [] and w.track_edit.add_track("Ministry") == []
    _dated(qtbot, w, "Port closed", "port-authority", "2024-03-11")
    _dated(qtbot, w, "Minister visits", "ministry", "2024-03-14")
    march = epoch_from_civil(2024, 3, 12)
    qtbot.waitUntil(lambda: _days_shown(w)[0] < march < _days_shown(w)[1], timeout=3000)
    before = _days_shown(w)
    data = saved(w, tmp_path)
    assert [t["label"] for t in data["tracks"]] == ["Port authority", "Ministry"]
    qtbot.waitUntil(lambda: len(w.view.timeline.tracks) == 2, timeout=3000)
    after = _days_shown(w)
    assert abs(after[0] - before[0]) < 60 and abs(after[1] - before[1]) < 60  # was: 19 Jan to 20 Feb
    said = w.statusBar().currentMessage()
    assert "Track 1" in said and "Undo" in said  # was: nothing
