"""A time of day typed without an offset is read in the zone it is stored with (a break-it
tester: the value was stored in Europe/Minsk while the reading under the field turned red,
"not a date: ... has no UTC offset", and the detail pane showed the EDTF without naming Minsk)."""

import pytest


@pytest.fixture
def window(make_window):
    return make_window((1500, 950))


def _type_and_enter(w, name, text):
    field = w.edit_form.fields[name]
    field.widget.setText(text)
    field.sigCommit.emit()
    return field


def test_a_time_without_offset_is_read_in_the_events_zone_and_named_in_the_pane(window):
    w = window
    w.state.selected = "truss-arrives-moscow"
    field = _type_and_enter(w, "start", "2022-02-10T14:00:00")
    ev = w.timeline.event("truss-arrives-moscow")
    assert ev.start.edtf == "2022-02-10T14:00:00" and ev.start.time_zone == "Europe/Minsk"
    assert field.error.isHidden()
    reading = w.edit_form.readings["start"].text()
    assert "not a date" not in reading
    assert reading == "Thu 10 Feb 2022 14:00:00 +03 (to the second) in Europe/Minsk = 11:00:00 UTC"
    pane = w.details.toPlainText()
    assert "2022-02-10T14:00:00 (time of day in Europe/Minsk)" in pane


def test_a_new_timeline_reads_a_time_without_offset_in_its_own_zone(window):
    w = window
    w.authoring.new_action.trigger()
    w.state.selected = None
    assert w.edit_form.add_event() == []
    field = _type_and_enter(w, "start", "2022-02-10T14:00:00")
    assert field.error.isHidden()
    assert w.timeline.event(w.state.selected).start.time_zone == w.timeline.time_zone == "UTC"
    assert w.edit_form.readings["start"].text() == "Thu 10 Feb 2022 14:00:00 UTC (to the second)"
