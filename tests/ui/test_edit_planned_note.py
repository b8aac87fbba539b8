"""A date typed in the Edit tab after the source's date (or, without one, after today) is said
beside the date: drawn as planned, or a question to tick "Planned or expected".  A tester added
an event dated after today to a new timeline and it was drawn as fact, the form saying nothing."""

from __future__ import annotations

import datetime

from PySide6.QtCore import Qt

from tests.ui.test_authoring import set_field, window  # noqa: F401 (the fixture)


def _next_year() -> str:
    return f"{datetime.datetime.now(datetime.timezone.utc).year + 1}-03-14"


def test_a_new_timeline_asks_beside_a_date_after_today_and_ticking_planned_answers(qtbot, window):  # noqa: F811
    w = window()
    w.authoring.new_action.trigger()  # File > New: no source, no reference date
    w.side_tabs.setCurrentWidget(w.edit_form)
    w.state.selected = None
    assert w.edit_form.add_event() == []
    set_field(w, "title", "Summit in Geneva")
    eid = w.state.selected
    w.edit_form.fields["start"].widget.setText(_next_year())  # typed: the reading follows live
    reading = w.edit_form.readings["start"]
    assert "after today: planned? Tick “Planned or expected”" in reading.text()  # was only the date
    set_field(w, "start", _next_year())
    assert "after today: planned?" in reading.text()
    assert not w.view.timeline.is_planned(w.view.timeline.event(eid))  # what the note warns of
    w.edit_form.fields["planned"].widget.setCheckState(Qt.CheckState.Checked)  # the user ticks it
    w.edit_form.fields["planned"].sigCommit.emit()
    assert w.timeline.event(eid).planned and w.view.timeline.is_planned(w.view.timeline.event(eid))
    assert "after today" not in reading.text()  # answered
    set_field(w, "start", "2022-02-10")  # a past day: nothing to say
    w.edit_form.fields["planned"].widget.setCheckState(Qt.CheckState.Unchecked)
    w.edit_form.fields["planned"].sigCommit.emit()
    assert reading.text() == "Thu 10 Feb 2022 (to the day)"


def test_a_date_after_the_source_says_it_is_drawn_as_planned(qtbot, window):  # noqa: F811
    w = window()  # the bundled timeline: the article's date is Thu 10 Feb 2022
    w.side_tabs.setCurrentWidget(w.edit_form)
    w.state.selected = "drills-begin"
    assert w.edit_form.add_event() == []
    set_field(w, "title", "Talks in Minsk")
    eid = w.state.selected
    set_field(w, "start", "2022-02-15")
    reading = w.edit_form.readings["start"].text()
    assert "after the source's date (Thu 10 Feb 2022, uncertain): drawn as planned" in reading
    assert w.view.timeline.is_planned(w.view.timeline.event(eid))
    set_field(w, "start", "2022-02-08")
    set_field(w, "end", "2022-02-18")
    assert "the end is drawn as planned (hatched)" in w.edit_form.readings["end"].text()
    assert "after the source" not in w.edit_form.readings["start"].text()
