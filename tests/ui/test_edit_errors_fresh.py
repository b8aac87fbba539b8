"""The Edit tab's date errors show once and go when the value is accepted (newcomer10:
a refused `03/04/2026` was said twice, under the field and in the reading; after the
user corrected it to `2026-12-14?`, which was accepted, the old "'03/04/2026' is not an
EDTF date" stayed on screen under "as written", so the date looked still refused)."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from viewer.ui.event_list import side_tabs


@pytest.fixture
def window(make_window):
    w = make_window((1366, 768))
    w.authoring.new()
    side_tabs(w).setCurrentWidget(w.edit_form)
    w.edit_form.add_event()
    return w


def _shown_texts(form) -> list[str]:
    """The texts of the labels the user can see in the Edit tab."""
    return [lab.text() for lab in form.findChildren(QLabel) if lab.isVisibleTo(form) and lab.text()]


def _said(form, words: str) -> int:
    return sum(t.count(words) for t in _shown_texts(form))


def _type(qtbot, form, name: str, text: str) -> None:
    """Select the field's text, type over it as a user does, and leave it (Tab: the next field's turn)."""
    widget = form.fields[name].widget
    widget.setFocus()
    widget.selectAll()
    qtbot.keyClicks(widget, text)
    qtbot.keyClick(widget, Qt.Key.Key_Tab)
    form.fields[name].sigCommit.emit()  # (offscreen, focus may not move: the commit a Tab gives)


def test_a_refused_date_is_said_once_and_a_corrected_one_clears_every_trace(qtbot, window):
    w = window
    form = w.edit_form
    eid = w.state.selected
    before = w.timeline.event(eid).start
    _type(qtbot, form, "start", "03/04/2026")
    assert w.timeline.event(eid).start == before  # refused, not applied
    assert _said(form, "'03/04/2026' is not an EDTF date") == 1, _shown_texts(form)
    # the focus passes through "as written" on its way back to the date: leaving it commits it
    form.fields["start_phrase"].sigCommit.emit()
    assert _said(form, "'03/04/2026' is not an EDTF date") == 1, _shown_texts(form)
    assert form.fields["start_phrase"].error.isHidden()  # the date's error is not the phrase's
    _type(qtbot, form, "start", "2026-12-14?")
    assert w.timeline.event(eid).start.edtf == "2026-12-14?"
    assert _said(form, "03/04/2026") == 0, _shown_texts(form)
    assert _said(form, "not a date") == 0, _shown_texts(form)
    # (the reading's first line: a second may ask whether a date after today is planned)
    assert "Mon 14 Dec 2026 (to the day), uncertain" in [t.split("\n")[0] for t in _shown_texts(form)]


def test_typing_over_a_refused_date_shows_the_new_texts_reading_not_the_old_error(qtbot, window):
    form = window.edit_form
    _type(qtbot, form, "start", "03/04/2026")
    widget = form.fields["start"].widget
    widget.setFocus()
    widget.selectAll()
    qtbot.keyClicks(widget, "2026-12-1")  # still typing: not committed yet
    assert _said(form, "03/04/2026") == 0, _shown_texts(form)
    assert _said(form, "'2026-12-1'") <= 1  # at most the live reading of what is typed now
    qtbot.keyClicks(widget, "4")
    form.fields["start"].sigCommit.emit()
    assert window.timeline.event(window.state.selected).start.edtf == "2026-12-14"
    assert _said(form, "not an EDTF date") == 0


def test_a_phrase_typed_while_the_date_is_refused_is_kept_with_the_stored_date(qtbot, window):
    w = window
    form = w.edit_form
    eid = w.state.selected
    stored = w.timeline.event(eid).start.edtf
    _type(qtbot, form, "start", "03/04/2026")
    _type(qtbot, form, "start_phrase", "early next week")
    ev = w.timeline.event(eid)
    assert (ev.start.edtf, ev.start.phrase) == (stored, "early next week")
    assert form.fields["start"].widget.text() == "03/04/2026"  # the refused text stays to be corrected
    assert _said(form, "'03/04/2026' is not an EDTF date") == 1, _shown_texts(form)


def test_an_ambiguous_date_is_refused_with_validates_hint_shown_whole(qtbot, window):
    """`03/04/2022` in Start + Enter: the error lacked the day/month-order hint that validate gives,
    and at 1366x768 its wrapped lines were cut off at top and bottom (new-user tester)."""
    from viewer.io.native_checks import date_hint

    form = window.edit_form
    _type(qtbot, form, "start", "03/04/2022")
    qtbot.wait(40)
    error = form.fields["start"].error
    assert error.isVisibleTo(form)
    assert error.text().endswith(date_hint("03/04/2022"))  # the same words as validate's
    assert "day and month order is never guessed" in error.text()
    assert error.height() >= error.heightForWidth(error.width()) > 3 * error.fontMetrics().lineSpacing()
